"""Word-level marks inside one changed sentence (or moved block), like ``git diff --word-diff``.

Only ever called on the few sentences that differ, so plain ``difflib.SequenceMatcher`` on tokens is cheap. Numbers
with separators ("10,000", "3.5") stay one token so that a changed figure is marked whole, and a lone space kept
between two edits is folded into them, so "a b c" -> "x y z" reads as one replacement instead of three.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from checker.models import WordChange

_TOKEN = re.compile(r"\s+|\w+(?:[.,'’]\w+)*|[^\w\s]")


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
            out.append(WordChange(op="equal", text=x))
            continue
        # Keep spaces shared by both sides outside the marks: "[-10,000-]{+11,000+} troops", not "[-10,000 -]".
        lead = len(x) - len(x.lstrip()) if x.strip() and y.strip() else 0
        lead = min(lead, len(y) - len(y.lstrip())) if lead else 0
        if lead:
            _append(out, "equal", x[:lead])
            x, y = x[lead:], y[lead:]
        if x:
            _append(out, "delete", x)
        if y:
            _append(out, "insert", y)
    return out


def _append(out: list[WordChange], op: str, text: str) -> None:
    if out and out[-1].op == op:
        out[-1] = WordChange(op=op, text=out[-1].text + text)  # type: ignore[arg-type]
    else:
        out.append(WordChange(op=op, text=text))  # type: ignore[arg-type]
