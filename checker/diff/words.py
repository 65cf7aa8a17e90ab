"""Word-level marks inside one changed sentence (or moved block), like ``git diff --word-diff``.

Only ever called on the few sentences that differ, so plain ``difflib.SequenceMatcher`` on tokens is cheap. Numbers
with separators ("10,000", "3.5") stay one token so that a changed figure is marked whole, and a lone space kept
between two edits is folded into them, so "a b c" -> "x y z" reads as one replacement instead of three.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from checker.models import WordChange

# A word or a punctuation mark with the spaces after it: no token is bare whitespace, so the matcher never anchors
# on the most common "word" of all (that made it slow and the marks ragged).
_TOKEN = re.compile(r"\s+|(?:\w+(?:[.,'’]\w+)*|[^\w\s])\s*")


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def word_changes(old: str, new: str) -> list[WordChange]:
    """Runs of equal, deleted and inserted text that rebuild ``old`` (equal + delete) and ``new`` (equal + insert)."""
    a, b = tokens(old), tokens(new)
    raw: list[tuple[str, str, str]] = []  # (op, old text, new text); op "equal" or "replace"
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        raw.append(("equal" if tag == "equal" else "replace", "".join(a[i1:i2]), "".join(b[j1:j2])))
    # Fold equal runs that are only whitespace or a punctuation mark into the edits on both sides of them.
    merged: list[list[str]] = []
    for i, (op, x, y) in enumerate(raw):
        between_edits = 0 < i < len(raw) - 1 and raw[i - 1][0] == "replace" and raw[i + 1][0] == "replace"
        if op == "equal" and between_edits and len(x.strip()) <= 1:
            op = "replace"
        if op == "replace" and merged and merged[-1][0] == "replace":
            merged[-1][1] += x
            merged[-1][2] += y
        else:
            merged.append([op, x, y])
    out: list[WordChange] = []
    for op, x, y in merged:
        if op == "equal":
            _append(out, "equal", x)
            continue
        # Spaces both sides share stay outside the marks: "[-10,000-]{+11,000+} troops", not "[-10,000 -]{+11,000 +}".
        lead = min(_lead(x), _lead(y)) if x.strip() and y.strip() else 0
        trail = min(_trail(x), _trail(y)) if x.strip() and y.strip() else 0
        if trail and x[len(x) - trail :] != y[len(y) - trail :]:
            trail = 0
        if lead and x[:lead] != y[:lead]:
            lead = 0
        tail = y[len(y) - trail :] if trail else ""
        if lead:
            _append(out, "equal", x[:lead])
        x, y = x[lead : len(x) - trail], y[lead : len(y) - trail]
        if x:
            _append(out, "delete", x)
        if y:
            _append(out, "insert", y)
        if tail:
            _append(out, "equal", tail)
    return out


def _lead(s: str) -> int:
    return len(s) - len(s.lstrip())


def _trail(s: str) -> int:
    return len(s) - len(s.rstrip())


def _append(out: list[WordChange], op: str, text: str) -> None:
    if out and out[-1].op == op:
        out[-1] = WordChange(op=op, text=out[-1].text + text)  # type: ignore[arg-type]
    else:
        out.append(WordChange(op=op, text=text))  # type: ignore[arg-type]
