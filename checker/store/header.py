"""What a corpus index file is, told from its first bytes alone: loaded without sqlite3, so that a command can ask
whether a path it was given names an index before anything heavier is imported."""

from __future__ import annotations

from pathlib import Path

APPLICATION_ID = 0x43484B31  # "CHK1": lets us tell our own database from any other SQLite file
SQLITE_MAGIC = b"SQLite format 3\x00"


def is_index_file(path: str | Path) -> bool:
    """Whether ``path`` is a checker index (a SQLite file with checker's application id), not a report: what
    ``check --against .checker/index.sqlite`` names to compare with the corpus as last indexed, unlisted. A folder,
    stdin or a missing file is not (reading it reports it)."""
    try:
        with open(path, "rb") as fh:
            header = fh.read(100)
    except (OSError, ValueError):
        return False
    return header.startswith(SQLITE_MAGIC) and len(header) >= 72 and (
        int.from_bytes(header[68:72], "big") == APPLICATION_ID
    )
