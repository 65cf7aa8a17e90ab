"""The corpus index: a SQLite cache of every corpus report's assertions, so a standing corpus is extracted once.

Checking one new report against ten thousand old ones should cost the new report, not the corpus. So the index
keeps, per file, a SHA-256 of its decoded text (``Document.raw``, which is what extraction sees before parsing) and
the assertions extracted from it; ``refresh`` re-extracts only files whose text changed, and ``assertions_for``
hands the comparison just the blocks the new report's assertions fall into.

It is a cache: a schema from another checker version, or assertions from another extractor version, are dropped
and rebuilt rather than migrated. A file that is not a SQLite database at all is never overwritten -- it may be
something else the user pointed at by mistake -- and is reported as a ``CheckerError`` naming it. An index of ours
that SQLite finds damaged (flipped bytes, the right version with the wrong columns: any ``sqlite3.DatabaseError``)
is deleted and rebuilt, with a warning in ``warnings``; a full disk or a lock held too long is a ``CheckerError``.

The index is only as trustworthy as where it came from (docs/security.md): each file's row keeps a count and a
SHA-256 of its assertion rows, checked when the file's rows are read; rows that no longer match (deleted or edited
behind checker's back) make that file be extracted again, with a warning. That catches damage and careless edits,
not a forger who recomputes the digests: never restore an index cached from an untrusted branch.

Paths are stored as given; one that is not valid UTF-8 (a file name decoded with surrogate escapes) is stored as
``\x00`` plus the hex of its bytes, since SQLite text must be UTF-8.

One connection, WAL journal (readers do not block the writer), every write in one ``BEGIN IMMEDIATE`` transaction
so a crash or Ctrl-C leaves the previous state, and a busy timeout so two runs on one index wait for each other.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import os
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from checker import __version__
from checker.compare.align import family
from checker.errors import CheckerError, InputError
from checker.ingest import decode, read_bytes
from checker.ingest.limits import DEFAULT_MAX_BYTES, replace_surrogates
from checker.models import Assertion, Document, DocumentAssertions, DocumentInfo

__all__ = [
    "SCHEMA_VERSION",
    "CorpusIndex",
    "RefreshStats",
    "blocking_keys",
    "content_hash",
    "default_index_path",
    "extractor_version",
]

# Bump whenever the tables below change: an index with another number is dropped and rebuilt (it is only a cache).
SCHEMA_VERSION = 3
_APPLICATION_ID = 0x43484B31  # "CHK1": lets us tell our own database from any other SQLite file
_BUSY_MS = 10_000
# Documents extracted per batch: each batch commits on its own, so an interrupted first index keeps its progress.
_BATCH = 1000

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE files (
    path TEXT PRIMARY KEY,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    mtime REAL,
    title TEXT,
    date TEXT,
    source TEXT,
    countries TEXT NOT NULL DEFAULT '',
    names TEXT NOT NULL DEFAULT '',
    n_assertions INTEGER NOT NULL DEFAULT 0,
    assertions_sha256 TEXT NOT NULL DEFAULT ''
);
CREATE TABLE assertions (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL,
    subject_key TEXT NOT NULL,
    attribute TEXT NOT NULL,
    head TEXT NOT NULL,
    lead TEXT NOT NULL,
    data TEXT NOT NULL
);
CREATE INDEX assertions_by_key ON assertions (subject_key, attribute);
CREATE INDEX assertions_by_head ON assertions (head, attribute);
CREATE INDEX assertions_by_path ON assertions (path);
"""
_TABLES = ("meta", "files", "assertions")
_COLUMNS = {
    "meta": ["key", "value"],
    "files": [
        "path", "sha256", "size", "mtime", "title", "date", "source", "countries", "names", "n_assertions",
        "assertions_sha256",
    ],
    "assertions": ["id", "path", "subject_key", "attribute", "head", "lead", "data"],
}
_SQLITE_MAGIC = b"SQLite format 3\x00"
_RAW_PATH = "\x00"  # prefix of a stored path that was not valid UTF-8 (hex of its bytes follows)

Extract = Callable[[Sequence[Document]], list[DocumentAssertions]]
_T = TypeVar("_T")
Progress = Callable[[int, int], None]


def default_index_path(root: Path) -> Path:
    """Where a project keeps its index unless configured otherwise: next to the decisions, inside ``.checker``."""
    return Path(root) / ".checker" / "index.sqlite"


@functools.cache
def extractor_version() -> str:
    """checker's version plus a digest of the code and data that turn a file into assertions.

    A development checkout changes the extractor without bumping the version; hashing its sources (ingest,
    extract, data: about 1.5 MB, ~10 ms once per process) makes any such change invalidate cached assertions.
    """
    package = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for sub in ("ingest", "extract", "data"):
        for path in sorted((package / sub).rglob("*")):
            if path.suffix in (".py", ".json") and path.is_file():
                digest.update(path.relative_to(package).as_posix().encode())
                digest.update(path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:12]}"


def content_hash(raw: str) -> str:
    """SHA-256 of a report's decoded text: the same whether computed from a ``Document`` or from the file's bytes."""
    return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()


def _key(path: str) -> str:
    """``path`` as stored: itself, or (not encodable as UTF-8) ``\\x00`` plus the hex of its bytes."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return _RAW_PATH + path.encode("utf-8", "surrogatepass").hex()
    return path


def _path(key: str) -> str:
    """The path a stored key stands for (the inverse of ``_key``)."""
    if key.startswith(_RAW_PATH):
        return bytes.fromhex(key[len(_RAW_PATH) :]).decode("utf-8", "surrogatepass")
    return key


def rows_digest(rows: Iterable[str]) -> str:
    """SHA-256 of a file's assertion rows (their JSON, in order): what ``files.assertions_sha256`` holds."""
    digest = hashlib.sha256()
    for data in rows:
        digest.update(data.encode("utf-8", "surrogatepass"))
        digest.update(b"\n")
    return digest.hexdigest()


def _assertion(data: str) -> Assertion:
    a = Assertion.model_validate_json(data)
    return a.model_copy(update={"path": _path(a.path)}) if a.path.startswith(_RAW_PATH) else a


def _is_full(exc: sqlite3.Error) -> bool:
    return getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL or "disk is full" in str(exc)


def _is_busy(exc: sqlite3.Error) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    return code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) or "locked" in str(exc)


def _block_of(subject_key: str) -> tuple[str, str]:
    """(head word, leading word) of a subject key: the comparison only ever merges keys that share both
    (``checker.compare.align.canonical_keys``), so fetching by them cannot miss a block-mate of a new claim."""
    words = subject_key.split()
    if not words:
        return "", ""
    return words[-1], words[0] if len(words) > 1 else ""


def blocking_keys(assertions: Iterable[Assertion]) -> set[tuple[str, str]]:
    """The (subject_key, attribute) pairs of some assertions: what to pass to ``CorpusIndex.assertions_for``."""
    return {(a.subject_key, a.attribute) for a in assertions}


@dataclass(frozen=True)
class RefreshStats:
    """What one ``refresh`` did, by file."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0

    @property
    def extracted(self) -> int:
        return self.added + self.updated


def _stat(path: str) -> tuple[int | None, float | None]:
    try:
        st = os.stat(path)
    except OSError:  # stdin, or a file gone since it was read
        return None, None
    return st.st_size, st.st_mtime


class CorpusIndex:
    """An index file of corpus assertions; open it, ``refresh`` it with the corpus, then query it.

    ``version`` identifies the extractor (``extractor_version()`` by default): assertions written by another one
    are thrown away on open, because a better extractor must not be hidden behind a stale cache.
    """

    def __init__(self, path: Path, *, version: str | None = None) -> None:
        self.path = Path(path)
        self.version = version if version is not None else extractor_version()
        self.warnings: list[str] = []
        # What the last ``sync`` was given, so that damage found while reading can be repaired by re-extracting.
        self._loader: tuple[Callable[[list[str]], Sequence[Document]], Extract] | None = None
        self._files: list[str] = []
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CheckerError(f"{self.path}: cannot create its folder ({exc.strerror or exc})") from None
        self._connect()

    # ------------------------------------------------------------------------------------------- lifecycle

    def _connect(self, *, retry: bool = True) -> None:
        try:
            self._conn = sqlite3.connect(self.path, isolation_level=None, timeout=_BUSY_MS / 1000)
        except sqlite3.Error as exc:
            raise self._error(exc) from None
        try:
            self._open()
        except sqlite3.DatabaseError as exc:
            self._conn.close()
            if retry and self._damaged(exc) and self._ours_on_disk():
                self._rebuild(exc, reconnect=False)
                self._connect(retry=False)
                return
            raise self._error(exc) from None
        except BaseException:
            self._conn.close()
            raise

    def _damaged(self, exc: sqlite3.Error) -> bool:
        """Whether ``exc`` means the database is damaged (rebuild it), not that the disk is full or it is busy."""
        return isinstance(exc, sqlite3.DatabaseError) and not (_is_full(exc) or _is_busy(exc))

    def _ours_on_disk(self) -> bool:
        """Whether the file's SQLite header carries checker's application id: a damaged index of ours is rebuilt,
        anything else is left alone."""
        try:
            with open(self.path, "rb") as fh:
                header = fh.read(100)
        except OSError:
            return False
        return header.startswith(_SQLITE_MAGIC) and len(header) >= 72 and (
            int.from_bytes(header[68:72], "big") == _APPLICATION_ID
        )

    def _rebuild(self, exc: Exception, *, reconnect: bool = True) -> None:
        """Delete a damaged index of ours (and its WAL files) and start an empty one, saying so in ``warnings``."""
        if reconnect:
            try:
                self._conn.close()
            except sqlite3.Error:
                pass
        self.warnings.append(f"{self.path}: the index was damaged ({exc}); rebuilt from the corpus")
        for suffix in ("", "-wal", "-shm", "-journal"):
            try:
                os.unlink(f"{self.path}{suffix}")
            except FileNotFoundError:
                pass
            except OSError as err:
                raise CheckerError(f"{self.path}: damaged and cannot be deleted ({err.strerror or err})") from None
        if reconnect:
            self._connect(retry=False)

    def _error(self, exc: Exception) -> CheckerError:
        text = str(exc)
        if isinstance(exc, sqlite3.Error) and _is_full(exc):
            reason = "the disk is full; free some space and run again (the index keeps its last complete state)"
        elif isinstance(exc, sqlite3.Error) and _is_busy(exc):
            reason = f"the index is locked by another checker run for over {_BUSY_MS // 1000} s; try again"
        elif "not a database" in text or "malformed" in text or "encrypted" in text:
            reason = "is not a readable checker index (the file is damaged or not SQLite); delete it to rebuild"
        else:
            reason = f"the index cannot be used ({text})"
        return CheckerError(f"{self.path}: {reason}")

    def _header(self) -> tuple[int, set[str]]:
        """(schema version, table names); raises ``CheckerError`` for a SQLite file that is not ours."""
        conn = self._conn
        user_version = conn.execute("PRAGMA user_version").fetchone()[0]
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if tables and app_id != _APPLICATION_ID:
            raise CheckerError(
                f"{self.path}: is a SQLite database but not a checker index; "
                "point the index setting elsewhere or delete the file"
            )
        return user_version, tables

    def _columns_match(self) -> bool:
        for table, columns in _COLUMNS.items():
            found = [row[1] for row in self._conn.execute(f"PRAGMA table_info({table})")]
            if found != columns:
                return False
        return True

    def _open(self) -> None:
        conn = self._conn
        conn.execute(f"PRAGMA busy_timeout = {_BUSY_MS}")
        self._header()  # a non-database file fails here, before anything is written to it
        conn.execute("PRAGMA journal_mode = WAL")  # cannot change inside a transaction
        conn.execute("PRAGMA synchronous = NORMAL")
        # Looked at again under the write lock: another run may be creating or clearing the same index right now.
        with self._transaction():
            user_version, tables = self._header()
            if not tables or user_version != SCHEMA_VERSION or not self._columns_match():
                self._create(tables)
            elif self._meta("extractor") != self.version:
                conn.execute("DELETE FROM assertions")
                conn.execute("DELETE FROM files")
                conn.execute("INSERT OR REPLACE INTO meta VALUES ('extractor', ?)", (self.version,))

    def _create(self, old_tables: set[str]) -> None:
        for table in old_tables & set(_TABLES):
            self._conn.execute(f"DROP TABLE {table}")
        for statement in _SCHEMA.split(";"):
            if statement.strip():
                self._conn.execute(statement)
        self._conn.execute("INSERT INTO meta VALUES ('extractor', ?)", (self.version,))
        self._conn.execute(f"PRAGMA application_id = {_APPLICATION_ID}")
        self._conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def _guarded(self, action: Callable[[], _T], redo: Callable[[], None] | None = None) -> _T:
        """Run ``action``; if SQLite finds the index damaged, rebuild it, run ``redo`` (re-sync) and try once more.
        A full disk or a lock is a ``CheckerError``, never a traceback."""
        try:
            return action()
        except sqlite3.DatabaseError as exc:
            if not self._damaged(exc):
                raise self._error(exc) from None
            self._rebuild(exc)
            if redo is not None:
                redo()
        try:
            return action()
        except sqlite3.DatabaseError as exc:
            raise self._error(exc) from None

    def _meta(self, key: str) -> str | None:
        row = self._conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield
            self._conn.execute("COMMIT")
        except BaseException:
            if self._conn.in_transaction:  # SQLite may have rolled back already (a full disk does)
                try:
                    self._conn.execute("ROLLBACK")
                except sqlite3.Error:
                    pass
            raise

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> CorpusIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------------------------------- freshness

    def hashes(self) -> dict[str, str]:
        """Content hash of every indexed file, by path."""
        return self._guarded(lambda: {_path(k): v for k, v in self._conn.execute("SELECT path, sha256 FROM files")})

    def needs(self, hashes: Mapping[str, str]) -> set[str]:
        """Which of ``hashes`` (path -> ``content_hash``) are new or changed since they were indexed."""
        stored = self.hashes()
        return {path for path, digest in hashes.items() if stored.get(path) != digest}

    def stale(
        self, paths: Iterable[str], *, encoding: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
    ) -> list[str]:
        """Which report files must be loaded and extracted again, found by hashing bytes without parsing them.

        A file that cannot be read or decoded counts as stale, so that loading it reports the problem. The rest of
        the corpus can then skip ``load_documents`` entirely: pass the unchanged paths as ``keep`` to ``refresh``.
        Files are read as ``load_documents`` reads them: regular files of at most ``max_bytes`` only.
        """
        stored = self.hashes()
        out: list[str] = []
        for path in paths:
            try:
                digest = content_hash(replace_surrogates(decode(path, read_bytes(path, max_bytes), encoding)))
            except (OSError, InputError):
                out.append(path)
                continue
            if stored.get(path) != digest:
                out.append(path)
        return out

    def damaged(self, paths: Iterable[str] | None = None) -> list[str]:
        """Indexed files whose assertion rows no longer match the count and digest written with them (all files,
        or those of ``paths``): rows deleted, added or edited behind checker's back, or damaged on disk."""
        keys = None if paths is None else {_key(p) for p in paths}
        out: list[str] = []
        rows: dict[str, list[str]] = defaultdict(list)
        query = "SELECT path, data FROM assertions ORDER BY path, id"
        if keys is None:
            for key, data in self._conn.execute(query):
                rows[key].append(data)
        else:
            for key in keys:
                rows[key] = [d for (d,) in self._conn.execute(
                    "SELECT data FROM assertions WHERE path = ? ORDER BY id", (key,))]
        expected = self._conn.execute("SELECT path, n_assertions, assertions_sha256 FROM files")
        for key, count, digest in expected:
            if keys is not None and key not in keys:
                continue
            found = rows.pop(key, [])
            if len(found) != count or rows_digest(found) != digest:
                out.append(_path(key))
        out.extend(_path(k) for k, found in rows.items() if found)  # rows of no indexed file
        return sorted(set(out))

    def _miscounted(self, paths: Iterable[str]) -> list[str]:
        """Of ``paths``, the indexed files whose number of assertion rows is not the number written: a cheap check
        (it reads the path index only) run on every sync, so deleted rows are noticed before anything is fetched."""
        counts = dict(self._conn.execute("SELECT path, COUNT(*) FROM assertions GROUP BY path"))
        wanted = {_key(p) for p in paths}
        return [
            _path(key)
            for key, count in self._conn.execute("SELECT path, n_assertions FROM files")
            if key in wanted and counts.get(key, 0) != count
        ]

    # ------------------------------------------------------------------------------------------- writing

    def refresh(
        self,
        documents: Sequence[Document],
        extract: Extract,
        on_progress: Progress | None = None,
        *,
        keep: Iterable[str] = (),
        batch: int = _BATCH,
    ) -> RefreshStats:
        """Bring the index in line with the corpus: ``documents`` plus the paths in ``keep`` are the whole of it.

        Only documents that are new, or whose text or date changed, are passed to ``extract`` (in batches, each
        committed on its own); rows of indexed files that are neither among ``documents`` nor in ``keep`` are
        deleted. ``keep`` names files known unchanged that were not loaded (see ``stale``); they count as
        unchanged. ``on_progress(done, total)`` counts documents extracted and written.
        """
        stored = {
            _path(key): (digest, date)
            for key, digest, date in self._conn.execute("SELECT path, sha256, date FROM files")
        }
        todo: list[tuple[Document, str]] = []
        seen: set[str] = set()
        added = updated = unchanged = 0
        for doc in documents:
            if doc.path in seen:
                continue
            seen.add(doc.path)
            digest = content_hash(doc.raw)
            old = stored.get(doc.path)
            if old is None:
                added += 1
            elif old != (digest, doc.date.isoformat() if doc.date else None):
                updated += 1
            else:
                unchanged += 1
                continue
            todo.append((doc, digest))
        kept = {path for path in keep if path in stored and path not in seen}
        unchanged += len(kept)
        seen |= kept
        gone = [path for path in stored if path not in seen]
        if gone:
            with self._transaction():
                self._delete(gone)
        total = len(todo)
        if on_progress:
            on_progress(0, total)
        for start in range(0, total, max(1, batch)):
            chunk = todo[start : start + max(1, batch)]
            results = extract([doc for doc, _ in chunk])
            if len(results) != len(chunk):
                raise CheckerError(f"{self.path}: extraction returned {len(results)} results for {len(chunk)} reports")
            with self._transaction():
                for (doc, digest), result in zip(chunk, results):
                    self._write(doc, digest, result)
            if on_progress:
                on_progress(start + len(chunk), total)
        return RefreshStats(added=added, updated=updated, unchanged=unchanged, removed=len(gone))

    def sync(
        self,
        files: Sequence[str],
        load: Callable[[list[str]], Sequence[Document]],
        extract: Extract,
        on_progress: Progress | None = None,
        *,
        encoding: str | None = None,
        max_bytes: int = DEFAULT_MAX_BYTES,
    ) -> RefreshStats:
        """``refresh`` for a corpus given as report files: only new and changed files are loaded and extracted.

        ``files`` is the whole corpus (as file discovery spells the paths); ``load`` turns the stale ones into
        documents (``load_documents`` with the caller's options, keeping its problems for warnings). An unchanged
        corpus of ten thousand files costs one read and hash per file and no parsing at all. Files whose rows were
        deleted or added behind checker's back count as stale (with a warning); a damaged index is rebuilt.
        """
        self._loader = (load, extract)
        self._files = list(files)

        def run() -> RefreshStats:
            stale = self.stale(files, encoding=encoding, max_bytes=max_bytes)
            fresh = set(files) - set(stale)
            tampered = self._miscounted(fresh)
            if tampered:
                self._warn_tampered(tampered)
                self._forget(tampered)
                stale += tampered
                fresh -= set(tampered)
            documents = load(stale) if stale else []
            return self.refresh(documents, extract, on_progress, keep=fresh)

        return self._guarded(run)

    def _warn_tampered(self, paths: Sequence[str]) -> None:
        shown = ", ".join(paths[:3]) + (f" and {len(paths) - 3} more" if len(paths) > 3 else "")
        self.warnings.append(
            f"{self.path}: the stored assertions of {shown} do not match their digest (edited or damaged); "
            "extracted again"
        )

    def _forget(self, paths: Sequence[str]) -> None:
        with self._transaction():
            self._delete(paths)

    def _delete(self, paths: Sequence[str]) -> None:
        rows = [(_key(p),) for p in paths]
        self._conn.executemany("DELETE FROM assertions WHERE path = ?", rows)
        self._conn.executemany("DELETE FROM files WHERE path = ?", rows)

    def _write(self, doc: Document, digest: str, result: DocumentAssertions) -> None:
        size, mtime = _stat(doc.path)
        if size is None:
            size = len(doc.raw.encode("utf-8", "surrogatepass"))
        self._delete([doc.path])
        key = _key(doc.path)
        rows = []
        for a in result.assertions:
            head, lead = _block_of(a.subject_key)
            stored = a if key == a.path else a.model_copy(update={"path": key})
            rows.append((key, a.subject_key, a.attribute, head, lead, stored.model_dump_json()))
        self._conn.execute(
            "INSERT INTO files (path, sha256, size, mtime, title, date, source, countries, names, n_assertions,"
            " assertions_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                key,
                digest,
                size,
                mtime,
                doc.title,
                doc.date.isoformat() if doc.date else None,
                doc.source,
                " ".join(result.countries),
                " ".join(result.names),
                len(rows),
                rows_digest(row[-1] for row in rows),
            ),
        )
        self._conn.executemany(
            "INSERT INTO assertions (path, subject_key, attribute, head, lead, data) VALUES (?, ?, ?, ?, ?, ?)", rows
        )

    def clear(self) -> None:
        """Forget every file (the next ``refresh`` extracts the whole corpus again)."""
        with self._transaction():
            self._conn.execute("DELETE FROM assertions")
            self._conn.execute("DELETE FROM files")

    # ------------------------------------------------------------------------------------------- reading

    def assertions_for(
        self,
        keys: Iterable[tuple[str, str]] | None = None,
        *,
        exact: bool = False,
        between: tuple[dt.date, dt.date] | None = None,
    ) -> list[Assertion]:
        """Indexed assertions, in path then text order: all of them, or those in the blocks of ``keys``.

        ``keys`` are (subject_key, attribute) pairs, usually ``blocking_keys`` of the incoming reports. By default
        the answer is widened to what the comparison could line up with them -- subject keys sharing head and
        leading word (spelling variants merge there), and attributes of one refusal family ("can't confirm
        casualties" meets "500 killed") -- so asking the index gives the same conflicts as comparing everything.
        ``exact`` returns only the very pairs asked for. ``between`` keeps files dated in that range (and undated
        ones): the comparison never lines up reports further apart, so their rows need not even be parsed.
        """
        wanted = None if keys is None else set(keys)
        return self._guarded(lambda: self._assertions_for(wanted, exact=exact, between=between), self._resync)

    def _resync(self) -> None:
        """After a rebuild: extract the corpus of the last ``sync`` again (reads cannot be answered otherwise)."""
        if self._loader is None:
            raise CheckerError(f"{self.path}: the index was damaged and has been reset; run the command again")
        load, extract = self._loader
        self.refresh(load(self._files), extract)

    def _assertions_for(
        self,
        keys: Iterable[tuple[str, str]] | None,
        *,
        exact: bool,
        between: tuple[dt.date, dt.date] | None,
    ) -> list[Assertion]:
        if keys is None:
            self._repair(self.damaged())
            cursor = self._conn.execute("SELECT data FROM assertions ORDER BY path, id")
            return [_assertion(data) for (data,) in cursor]
        keys = set(keys)
        if not keys:
            return []
        found: dict[int, tuple[str, str]] = {}
        if exact:
            for key, attribute in keys:
                for rowid, path, data in self._conn.execute(
                    "SELECT id, path, data FROM assertions WHERE subject_key = ? AND attribute = ?", (key, attribute)
                ):
                    found[rowid] = (path, data)
        else:
            families: dict[str, set[str]] = defaultdict(set)
            for (attribute,) in self._conn.execute("SELECT DISTINCT attribute FROM assertions"):
                families[family(attribute)].add(attribute)
            wanted: dict[tuple[str, str], set[str]] = defaultdict(set)  # (head, attribute) -> leads
            for key, attribute in keys:
                head, lead = _block_of(key)
                for related in families.get(family(attribute), ()) or (attribute,):
                    wanted[(head, related)].add(lead)
            for (head, attribute), leads in wanted.items():
                for rowid, path, lead, data in self._conn.execute(
                    "SELECT id, path, lead, data FROM assertions WHERE head = ? AND attribute = ?", (head, attribute)
                ):
                    if lead in leads:
                        found[rowid] = (path, data)
        if between is not None:
            allowed = {
                path
                for (path,) in self._conn.execute(
                    "SELECT path FROM files WHERE date IS NULL OR date BETWEEN ? AND ?",
                    (between[0].isoformat(), between[1].isoformat()),
                )
            }
            found = {rowid: row for rowid, row in found.items() if row[0] in allowed}
        bad = self.damaged({_path(path) for path, _ in found.values()})
        if bad:
            self._repair(bad)
            return self._assertions_for(keys, exact=exact, between=between)
        ordered = sorted(found.items(), key=lambda item: (item[1][0], item[0]))
        return [_assertion(data) for _, (_, data) in ordered]

    def _repair(self, paths: Sequence[str]) -> None:
        """Extract ``paths`` again (their rows failed the digest check), or drop them when this index was not
        synced in this run (then the next sync extracts them)."""
        if not paths:
            return
        self._warn_tampered(list(paths))
        self._forget(paths)
        if self._loader is None:
            return
        load, extract = self._loader
        try:
            documents = list(load([p for p in paths if p in set(self._files)]))
        except CheckerError:  # none of them can be read now: their rows stay dropped
            return
        results = extract(documents)
        with self._transaction():
            for doc, result in zip(documents, results):
                self._write(doc, content_hash(doc.raw), result)

    def documents(self) -> list[DocumentInfo]:
        """Every indexed file as reports and the review UI show it, sorted by path."""
        return self._guarded(
            lambda: [
                DocumentInfo(
                    path=_path(key), title=title, source=source, date=dt.date.fromisoformat(date) if date else None
                )
                for key, title, source, date in self._conn.execute(
                    "SELECT path, title, source, date FROM files ORDER BY path"
                )
            ],
            self._resync,
        )

    def dates(self) -> dict[str, dt.date | None]:
        """Each indexed file's reference date, for ``find_conflicts(dates=...)``."""
        return self._guarded(
            lambda: {
                _path(key): dt.date.fromisoformat(date) if date else None
                for key, date in self._conn.execute("SELECT path, date FROM files")
            },
            self._resync,
        )

    def contexts(self) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
        """Each indexed file's countries and names (``DocumentAssertions.countries``/``names``), for the
        comparison's story test, so a check against the index lines up the same pairs as a check of everything."""
        def read() -> tuple[dict[str, list[str]], dict[str, list[str]]]:
            countries: dict[str, list[str]] = {}
            names: dict[str, list[str]] = {}
            for key, c, n in self._conn.execute("SELECT path, countries, names FROM files"):
                countries[_path(key)] = c.split()
                names[_path(key)] = n.split()
            return countries, names

        return self._guarded(read, self._resync)

    def __len__(self) -> int:
        return self._guarded(lambda: self._conn.execute("SELECT COUNT(*) FROM files").fetchone()[0], self._resync)
