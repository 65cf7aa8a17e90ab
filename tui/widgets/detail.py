"""The selected conflict in words: kind, severity, subject, explanation and the analyst's verdict."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from checker.models import Conflict, Decision
from checker.store.decisions import review_status

from tui.sanitize import clean, clean_line


def describe_conflict(conflict: Conflict, decision: Decision | None) -> Text:
    text = Text()
    text.append(f"{conflict.kind.value} \u00b7 {conflict.severity.value}", style="bold")
    text.append(f"  {clean_line(conflict.subject)}", style="bold")
    text.append(f" ({clean_line(conflict.attribute)})")
    a, b = conflict.evidence
    text.append(f"\n{clean_line(a.value)}  vs  {clean_line(b.value)}", style="italic")
    text.append(f"\n{clean(conflict.message)}")
    if conflict.alignment is not None:
        matched = ", ".join(conflict.alignment.matched) or "nothing in particular"
        text.append(f"\nCompared because they match on {matched} (score {conflict.alignment.score:.2f})", style="dim")
    text.append("\nStatus: ")
    text.append(review_status(decision).value, style="bold")
    if decision and decision.decided_at:
        text.append(f" on {decision.decided_at:%Y-%m-%d %H:%M %Z}".rstrip())
    if decision and decision.by:
        text.append(f" by {clean_line(decision.by)}")
    if decision and decision.note:
        text.append("\nNote: ", style="bold")
        text.append(clean(decision.note))
    return text


class ConflictDetail(Static):
    """Shows ``describe_conflict`` of the selected conflict, or a hint when there is none."""

    def show(self, conflict: Conflict | None, decision: Decision | None) -> None:
        if conflict is None:
            self.update(Text("No conflict selected.", style="italic"))
        else:
            self.update(describe_conflict(conflict, decision))
