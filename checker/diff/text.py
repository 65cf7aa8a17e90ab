"""Terminal output of a diff: facts first, then word-diff hunks, like ``git diff --word-diff`` but fact-aware.

Everything from a report goes out as ``rich.text.Text`` built from plain strings (never console markup) with
terminal controls escaped, so a report containing ``[bold]`` or an escape sequence is shown as those characters.
Without colour, deleted words are marked ``[-like this-]`` and inserted ones ``{+like this+}`` (git's word-diff
markers, grep-able); with colour they are red struck-through and green underlined instead.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from typing import TextIO

from rich.text import Text

from checker.compare.messages import negated
from checker.models import FactChange, FactSide, FactTimeline, RevisionDiff, TextHunk
from checker.report._common import escape_unsafe
from checker.report._safe import neutralise_commands
from checker.report.text import make_console

_WHITESPACE = re.compile(r"\s+")
# Longest run of unchanged text shown inside a hunk; longer runs keep their ends around " ... ".
KEEP_CHARS = 240
END_CHARS = 100

FACT_MARK = {"changed": "~", "added": "+", "removed": "-"}
FACT_STYLE = {"changed": "yellow", "added": "green", "removed": "red"}
DELETE_STYLE = "red strike"
INSERT_STYLE = "green underline"


def _flat(text: str) -> str:
    """Safe text on one line: controls escaped, whitespace runs (newlines included) folded to one space."""
    return neutralise_commands(_WHITESPACE.sub(" ", escape_unsafe(text)))


def _elide(text: str) -> str:
    if len(text) <= KEEP_CHARS:
        return text
    return f"{text[:END_CHARS]} ... {text[-END_CHARS:]}"


def _where(path: str, line: int, column: int | None = None) -> str:
    path = _flat(path)
    return f"{path}:{line}" if column is None else f"{path}:{line}:{column}"


def write_diff_text(diffs: Sequence[RevisionDiff], stream: TextIO, *, color: bool = False) -> None:
    console = make_console(stream, color)
    for n, diff in enumerate(diffs):
        if n:
            console.print()
        console.print(Text("\n").join(diff_lines(diff, color=color)))


def diff_lines(diff: RevisionDiff, *, color: bool = False) -> list[Text]:
    """The lines of one diff: header, fact changes, text hunks."""
    old, new = diff.old.path, diff.new.path
    lines = [Text("--- " + _flat(old), style="bold"), Text("+++ " + _flat(new), style="bold")]
    if not diff.changes and not diff.text:
        lines.append(Text("no changes"))
        return lines
    counts = {k: sum(1 for c in diff.changes if c.kind == k) for k in ("changed", "added", "removed")}
    lines.append(
        Text(f"facts: {counts['changed']} changed, {counts['added']} added, {counts['removed']} removed", style="bold")
    )
    for change in diff.changes:
        lines.append(fact_line(change, old, new))
    lines.append(Text(f"text: {len(diff.text)} hunk{'' if len(diff.text) == 1 else 's'}", style="bold"))
    for hunk in diff.text:
        lines.extend(hunk_lines(hunk, old, new, color=color))
    return lines


def fact_line(change: FactChange, old_path: str, new_path: str) -> Text:
    line = Text("  ")
    line.append(FACT_MARK[change.kind] + " ", style=f"bold {FACT_STYLE[change.kind]}")
    line.append(_flat(change.message))
    if change.aspects:
        line.append(f"  [{', '.join(change.aspects)}]", style="dim")
    where = []
    if change.old is not None:
        where.append(_where(old_path, change.old.line, change.old.column))
    if change.new is not None:
        where.append(_where(new_path, change.new.line, change.new.column))
    line.append("  " + _flat(" -> ".join(where)), style="dim")
    return line


def hunk_lines(hunk: TextHunk, old_path: str, new_path: str, *, color: bool) -> list[Text]:
    where = []
    if hunk.old is not None:
        where.append(_where(old_path, hunk.old.line))
    if hunk.new is not None:
        where.append(_where(new_path, hunk.new.line))
    head = Text("@@ " + _flat((" -> " if hunk.kind == "moved" else " ").join(where)) + " @@ ", style="cyan")
    head.append(hunk.kind, style="bold")
    body = Text()
    if hunk.words:
        for w in hunk.words:
            _append_word(body, w.op, _flat(w.text) if w.op != "equal" else _elide(_flat(w.text)), color)
    elif hunk.kind == "removed" and hunk.old is not None:
        _append_word(body, "delete", _elide(_flat(hunk.old.text)), color)
    elif hunk.kind == "added" and hunk.new is not None:
        _append_word(body, "insert", _elide(_flat(hunk.new.text)), color)
    else:  # an identical move
        span = hunk.new or hunk.old
        body.append(_elide(_flat(span.text if span else "")))
    return [head, body]


def _append_word(body: Text, op: str, text: str, color: bool) -> None:
    if op == "equal":
        body.append(text)
    elif color:
        body.append(text, style=DELETE_STYLE if op == "delete" else INSERT_STYLE)
    elif op == "delete":
        body.append(f"[-{text}-]")
    else:
        body.append(f"{{+{text}+}}")


# --------------------------------------------------------------------------------------------------- timeline


def _state(side: FactSide | None) -> str:
    if side is None:
        return "(absent)"
    words = _flat(side.text).strip()
    if side.polarity.value == "negated":
        words = negated(words)
    return words


def write_timeline_text(timelines: Sequence[FactTimeline], stream: TextIO, *, color: bool = False) -> None:
    console = make_console(stream, color)
    if not timelines:
        console.print(Text("no facts"))
        return
    for t in timelines:
        head = Text(_flat(t.subject), style="bold")
        head.append(", " + _flat(t.attribute))
        console.print(head)
        last = None
        for version, side in zip(t.versions, t.states):
            state = _state(side)
            line = Text("  " + _flat(os.path.basename(version)) + ": ", style="dim")
            line.append(state, style="yellow" if last is not None and state != last else "")
            console.print(line)
            last = state
