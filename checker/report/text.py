"""Human-readable report: one line per conflict, compiler-style location first (``path:line:col: kind:
message``); with ``verbose``, one block per conflict with both sides quoted, the review status and the id.

Everything that comes from a report (messages, sentences, paths, sources, notes) is put on the terminal as a
``rich.text.Text`` built from plain strings, never as console markup, and with terminal controls escaped, so a
report containing ``[bold]`` or ``\\x1b[31m`` is shown as those characters and cannot restyle the terminal.

Without colour the conflicting value inside each quoted sentence is marked ``[[like this]]`` (ASCII, survives
copy-paste and ``grep``); with colour it is bold and underlined instead.
"""

from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.text import Text

from checker.models import CheckResult, Evidence, Modality, Polarity, Severity
from checker.store.decisions import ReviewStatus
from checker.report._common import Shown, escape_unsafe, hidden_count, one_line, shown, split_on_value, summary_line

MARK_OPEN = "[["
MARK_CLOSE = "]]"
# Longest run of context kept on either side of the value in a quoted sentence; long sentences are elided with
# "..." so one conflict stays a few lines even for reports without sentence breaks.
CONTEXT_CHARS = 160

SEVERITY_COLOR = {Severity.HIGH: "red", Severity.MEDIUM: "yellow", Severity.LOW: "cyan"}
STATUS_STYLE = {ReviewStatus.NEW: "bold", ReviewStatus.BASELINED: "dim", ReviewStatus.CONFIRMED: "magenta",
                ReviewStatus.DISMISSED: "dim"}
INDENT = "  "


def make_console(stream: TextIO, color: bool) -> Console:
    """A console whose styling is exactly the caller's choice, whatever NO_COLOR, FORCE_COLOR or TERM say.

    ``color_system`` is fixed ("standard" 16 colours, or none at all) so output is the same on every machine;
    without colour no escape sequence of any kind (not even bold) is written, even to a terminal.
    """
    return Console(
        file=stream,
        force_terminal=color,
        no_color=not color,
        color_system="standard" if color else None,
        highlight=False,
        soft_wrap=True,
        markup=False,
        emoji=False,
    )


def write(
    result: CheckResult, stream: TextIO, *, color: bool = False, show_all: bool = False, verbose: bool = False
) -> None:
    """Write every shown conflict (a line each, or a block each when ``verbose``), then the one-line summary."""
    console = make_console(stream, color)
    items = list(shown(result, show_all))
    for item in items:
        if verbose:
            # One print per block: fewer calls into rich than one per line, and smaller texts than one per report.
            console.print(Text("\n").join(conflict_lines(item, color=color)))
            console.print()
        else:
            console.print(concise_line(item))
    if items and not verbose:
        console.print()
    console.print(Text(summary_line(result, items, hidden_count(result, show_all))))


def concise_line(item: Shown) -> Text:
    """``path:line:col: kind: message (severity, review status[: note], id ID)``: one conflict on one line."""
    conflict = item.conflict
    line = Text()
    line.append(location(conflict.evidence[0]), style="bold")
    line.append(": ")
    line.append(conflict.kind.value, style=f"bold {SEVERITY_COLOR[conflict.severity]}")
    line.append(": " + one_line(conflict.message) + f" ({conflict.severity.value}, ")
    line.append(item.review.value, style=STATUS_STYLE[item.review])
    if item.note:
        line.append(": " + one_line(escape_unsafe(item.note)))
    line.append(f", id {conflict.id})")
    return line


def conflict_lines(item: Shown, *, color: bool) -> list[Text]:
    """The lines of one conflict block (also the body of a JUnit failure, rendered without colour)."""
    conflict = item.conflict
    first = conflict.evidence[0]
    severity_color = SEVERITY_COLOR[conflict.severity]
    head = Text()
    head.append(location(first), style="bold")
    head.append(": ")
    head.append(conflict.kind.value, style=f"bold {severity_color}")
    head.append(": " + one_line(conflict.message))
    lines = [head]
    value_style = f"bold underline {severity_color}" if color else None
    lines.extend(evidence_line(ev, value_style=value_style) for ev in conflict.evidence)
    status = Text(INDENT + f"{conflict.severity.value} severity; ")
    status.append(item.review.value, style=STATUS_STYLE[item.review])
    if item.note:
        note_lines = escape_unsafe(item.note).strip().splitlines() or [""]
        status.append(": " + note_lines[0])
        lines.append(status)
        lines.extend(Text(INDENT * 2 + extra) for extra in note_lines[1:])
    else:
        lines.append(status)
    lines.append(Text(INDENT + f"id {conflict.id}  (checker decide {conflict.id} --confirm|--dismiss)",
                      style="dim" if color else ""))
    return lines


def location(evidence: Evidence) -> str:
    """``path:line:col`` of an evidence sentence (path made safe to print)."""
    return f"{one_line(evidence.path)}:{evidence.line}:{evidence.column}"


def evidence_line(evidence: Evidence, *, value_style: str | None = None) -> Text:
    """``  path:line:col (source; negated, hedged): "... [[value]] ..."`` on one line.

    With a ``value_style`` (colour output) the value is styled instead of bracketed.
    """
    line = Text(INDENT + location(evidence))
    tags = _stance_tags(evidence)
    if tags:
        line.append(f" ({tags})")
    line.append(': "')
    parts = split_on_value(evidence)
    if parts is None:
        line.append(_clip(one_line(evidence.text), CONTEXT_CHARS * 2, keep="start"))
        line.append('"')
        if evidence.value:
            line.append(" (value: ")
            line.append(one_line(evidence.value), style=value_style or "")
            line.append(")")
        return line
    before, value, after = parts
    line.append(_clip(_fold(before, trailing=True), CONTEXT_CHARS, keep="end"))
    if value_style:
        line.append(one_line(value), style=value_style)
    else:
        line.append(MARK_OPEN + one_line(value) + MARK_CLOSE)
    line.append(_clip(_fold(after, trailing=False), CONTEXT_CHARS, keep="start"))
    line.append('"')
    return line


def _stance_tags(evidence: Evidence) -> str:
    """Who says it and how, when that differs from a plain assertion: "TASS; negated, hedged"."""
    how = []
    if evidence.polarity is not Polarity.AFFIRMED:
        how.append(evidence.polarity.value)
    if evidence.modality is not Modality.ASSERTED:
        how.append(evidence.modality.value.replace("_", " "))
    who = one_line(evidence.source) if evidence.source else ""
    return "; ".join(part for part in (who, ", ".join(how)) if part)


def _fold(text: str, *, trailing: bool) -> str:
    """Fold whitespace like ``one_line`` but keep one space where the fragment meets the value."""
    folded = one_line(text)
    if not folded:
        return " " if text and text.isspace() else ""
    if trailing and text[-1:].isspace():
        folded += " "
    if not trailing and text[:1].isspace():
        folded = " " + folded
    return folded


def _clip(text: str, limit: int, *, keep: str) -> str:
    """Shorten ``text`` to about ``limit`` characters, keeping its start or its end, marking the cut with "..."."""
    if len(text) <= limit:
        return text
    return text[:limit] + "..." if keep == "start" else "..." + text[-limit:]
