"""What happened to each input file, counted for the summary: checked, skipped (and why), unreadable.

The reader reports a file it could not use as a problem with a reason in words; the summary needs a category, so
each problem file is looked at once more (its size against the limit, its first bytes) rather than its message
parsed. Files in a folder that are not reports at all (a PDF, a spreadsheet) are never read: they are counted
here as skipped, "unsupported format", so nothing is left out silently.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from checker.ingest import EXTENSIONS, discover

__all__ = ["InputSummary", "Skip", "classify", "summarise", "unsupported_files"]

_SNIFF = 4096
_MAGIC = (b"%PDF-", b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"{\\rtf", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\x1f\x8b")
_SKIP_DIRS = frozenset((".checker", "__pycache__", "node_modules"))


class Skip(StrEnum):
    """Why a file was not checked."""

    TOO_LARGE = "too large"
    BINARY = "binary"
    UNSUPPORTED = "unsupported format"
    EMPTY = "empty"
    UNREADABLE = "unreadable"


@dataclass(frozen=True)
class InputSummary:
    checked: int
    skipped: Counter[Skip] = field(default_factory=Counter)

    @property
    def unreadable(self) -> int:
        return self.skipped[Skip.UNREADABLE]

    def line(self) -> str:
        """``3 files checked; 2 skipped (1 too large, 1 unsupported format); 1 unreadable``."""
        out = f"{self.checked} file{'s' if self.checked != 1 else ''} checked"
        reasons = [(reason, n) for reason, n in self.skipped.items() if n and reason is not Skip.UNREADABLE]
        if reasons:
            total = sum(n for _, n in reasons)
            order = list(Skip)
            reasons.sort(key=lambda item: order.index(item[0]))
            detail = ", ".join(f"{n} {reason.value}" for reason, n in reasons)
            out += f"; {total} skipped ({detail})"
        if self.unreadable:
            out += f"; {self.unreadable} unreadable"
        return out


def classify(path: str, max_bytes: int) -> Skip:
    """Why ``path`` (a file the reader could not use) was skipped."""
    try:
        size = os.stat(path).st_size
        if size > max_bytes:
            return Skip.TOO_LARGE
        if size == 0:
            return Skip.EMPTY
        with open(path, "rb") as stream:
            head = stream.read(_SNIFF)
    except (OSError, ValueError):
        return Skip.UNREADABLE
    if head.startswith(_MAGIC) or b"\x00" in head:
        return Skip.BINARY
    if not head.strip():
        return Skip.EMPTY
    return Skip.UNREADABLE  # text the reader could not decode, or a file it could not open


def unsupported_files(paths: Iterable[str]) -> list[str]:
    """Files inside the given folders that are not reports by their extension (hidden files and folders aside)."""
    found: list[str] = []
    for top in paths:
        if top == "-" or not os.path.isdir(top):
            continue
        for dirpath, dirnames, filenames in os.walk(top):
            dirnames[:] = [d for d in dirnames if not d.startswith(".") and d not in _SKIP_DIRS]
            for name in filenames:
                if name.startswith(".") or os.path.splitext(name)[1].lower() in EXTENSIONS:
                    continue
                if name.lower().startswith(("readme", "license", "licence", "changelog", "contributing",
                                            "code_of_conduct")):
                    continue
                found.append(os.path.join(dirpath, name))
    return sorted(found)


def summarise(paths: Sequence[str], loaded: Iterable[str], max_bytes: int) -> InputSummary:
    """The counts for one run over ``paths``: the report files found there that loaded (``loaded`` holds the paths
    of the documents the run read), each one that did not in a category, and the unsupported files beside them."""
    files, problems = discover(list(paths))
    done = set(loaded)
    checked = sum(1 for f in files if f in done)
    skipped: Counter[Skip] = Counter()
    for path in dict.fromkeys([f for f in files if f not in done and f != "-"] + [p.path for p in problems]):
        skipped[classify(path, max_bytes)] += 1
    skipped[Skip.UNSUPPORTED] += len(unsupported_files(paths))
    return InputSummary(checked=checked, skipped=skipped)
