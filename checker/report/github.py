"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` line per conflict to act on.

The runner executes any output line that starts with ``::``, so every piece of report text is escaped the way
the runner unescapes it (``%``, CR and LF in the message; additionally ``:`` and ``,`` in properties) after
controls and Unicode line separators are made visible. Whatever a report contains, each conflict is exactly one
line and every line is a command this module wrote.

Only new conflicts (nobody has reviewed them) are annotated by severity (``::error`` for high, ``::warning`` for
medium, ``::notice`` for low). Reviewed ones -- baselined, confirmed or dismissed -- are left out, or with
``show_all`` (``--show-reviewed``) shown as ``::notice`` with their status and note, so they never look like
something to fix.
"""

from __future__ import annotations

from typing import TextIO

from checker.models import CheckResult, Evidence, Severity
from checker.report._common import Shown, end_position, escape_unsafe, one_line, shown

COMMAND = {Severity.HIGH: "error", Severity.MEDIUM: "warning", Severity.LOW: "notice"}


def write(result: CheckResult, stream: TextIO, *, color: bool = False, show_all: bool = False) -> None:
    """Write one workflow command per new conflict (and per reviewed one with ``show_all``); ``color`` is ignored."""
    for item in shown(result, show_all=show_all):
        if item.review.reviewed and not show_all:
            continue
        stream.write(command(item))
        stream.write("\n")


def command(item: Shown) -> str:
    """The workflow command line (without newline) for one conflict."""
    c = item.conflict
    first = c.evidence[0]
    props = [("file", first.path), ("line", str(first.line))]
    end = end_position(first)
    if end is None or end[0] == first.line:
        # The runner only accepts columns on a single-line annotation.
        props.append(("col", str(first.column)))
    if end is not None:
        props.append(("endLine", str(end[0])))
        if end[0] == first.line:
            props.append(("endColumn", str(end[1])))
    reviewed = f"; {item.review.value}" if item.review.reviewed else ""
    props.append(("title", f"{c.kind.value} conflict ({c.severity.value}{reviewed}): {one_line(c.subject)} / "
                           f"{c.attribute}"))
    rendered = ",".join(f"{key}={escape_property(value)}" for key, value in props)
    level = "notice" if item.review.reviewed else COMMAND[c.severity]
    return f"::{level} {rendered}::{escape_data(message(item))}"


def message(item: Shown) -> str:
    """The annotation body: the conflict message, both passages, and the review status if decided."""
    c = item.conflict
    lines = [c.message]
    lines.extend(_passage(ev) for ev in c.evidence)
    if item.review.reviewed:
        lines.append(item.review.value + (f": {item.note}" if item.note else ""))
    lines.append(f"conflict id: {c.id}")
    return "\n".join(lines)


def _passage(ev: Evidence) -> str:
    who = f" ({ev.source})" if ev.source else ""
    return f'{ev.path}:{ev.line}:{ev.column}{who}: "{one_line(ev.text)}"'


def escape_data(text: str) -> str:
    """Escape a command's message as the runner unescapes it: ``%``, CR, LF (in that order)."""
    text = escape_unsafe(text.replace("\r\n", "\n"))
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value: as message data, plus ``:`` and ``,`` which delimit properties."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
