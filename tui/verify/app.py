"""The verify review: the draft's claims in a table, the draft's passage and the source's side by side.

The app never verifies anything itself: the CLI hands it a ``load()`` that runs the core and returns a
``VerifyRun``, and a decisions store. A reviewer accepts an unsupported (or contradicted) claim with a note
("sourced by phone call"); the decision is written at once, under the claim's id, to the same decisions file
``checker verify`` reads, so later runs honour it. Report text is always shown as ``rich.text.Text``, never markup.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from rich.text import Text
from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Footer, Static

from checker.errors import CheckerError
from checker.models import ClaimStatus, ClaimVerdict, Decision, DecisionStatus, Document, VerifyReport

from tui.context import DocumentView
from tui.sanitize import clean_line, truncate
from tui.screens.modals import PromptScreen
from tui.state import DecisionStoreLike
from tui.widgets.passage import PassagePane

_FAILING = (ClaimStatus.CONTRADICTED, ClaimStatus.UNSUPPORTED)
_STATUS_STYLE = {
    ClaimStatus.SUPPORTED: "green",
    ClaimStatus.CONTRADICTED: "bold red",
    ClaimStatus.UNSUPPORTED: "yellow",
    ClaimStatus.UNCHECKED: "dim",
}


@dataclass
class VerifyRun:
    """What the verify review shows: the report and the documents its passages come from (by path)."""

    report: VerifyReport
    documents: dict[str, Document] = field(default_factory=dict)


Loader = Callable[[], VerifyRun]


class VerifyApp(App[None]):
    """One screen: the claims table, a summary line, the draft passage and the source passage."""

    CSS_PATH = ["../review.tcss", "verify.tcss"]
    TITLE = "checker review --verify"

    BINDINGS = [
        Binding("a", "accept", "Accept", tooltip="Accept this claim with a note (it no longer fails verify)"),
        Binding("u", "undo", "Undo", tooltip="Forget the decision on this claim"),
        Binding("f", "toggle_failing", "Failing only", tooltip="Show only contradicted and unsupported claims"),
        Binding("q", "quit", "Quit", tooltip="Quit (decisions are already saved)"),
    ]

    def __init__(self, load: Loader, store: DecisionStoreLike, *, analyst: str | None = None) -> None:
        super().__init__()
        self._load = load
        self._store = store
        self._analyst = analyst
        self.run_data: VerifyRun | None = None
        self.decisions: dict[str, Decision] = {}
        self.failing_only = False
        self.shown: list[ClaimVerdict] = []
        self.load_error: CheckerError | None = None
        """Set when ``load`` raised a ``CheckerError``; the app then exits with return code 2."""

    def compose(self) -> ComposeResult:
        yield Static(Text("verifying ..."), id="verify-summary")
        with Vertical(id="verify-main"):
            yield DataTable(id="claims", cursor_type="row", zebra_stripes=True)
            with Horizontal(id="verify-passages"):
                yield PassagePane("draft", id="draft-passage")
                yield PassagePane("source", id="source-passage")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#claims", DataTable)
        table.add_columns("status", "where", "claim", "value", "review")
        self._start()

    @work(thread=True, exclusive=True)
    def _start(self) -> None:
        try:
            run = self._load()
        except CheckerError as exc:
            self.call_from_thread(self._failed, exc)
            return
        self.call_from_thread(self._loaded, run)

    def _failed(self, exc: CheckerError) -> None:
        self.load_error = exc
        self.exit(return_code=2)

    def _loaded(self, run: VerifyRun) -> None:
        self.run_data = run
        self.decisions = dict(self._store.load())
        self.refresh_table()

    # ---------------------------------------------------------------------------------------------- view

    def refresh_table(self, keep: str | None = None) -> None:
        if self.run_data is None:
            return
        claims = self.run_data.report.claims
        self.shown = [c for c in claims if not self.failing_only or c.status in _FAILING]
        table = self.query_one("#claims", DataTable)
        table.clear()
        for claim in self.shown:
            decision = self.decisions.get(claim.id)
            review = "accepted" if decision is not None else ("to review" if claim.status in _FAILING else "")
            table.add_row(
                Text(claim.status.value, style=_STATUS_STYLE[claim.status]),
                Text(f"{claim.evidence.line}:{claim.evidence.column}"),
                Text(truncate(clean_line(f"{claim.subject} / {claim.attribute}"), 50)),
                Text(truncate(clean_line(claim.evidence.value), 30)),
                Text(review),
                key=claim.id + f"@{claim.evidence.value_start}",
            )
        self.query_one("#verify-summary", Static).update(Text(self.summary()))
        if self.shown:
            row = 0
            if keep is not None:
                row = next((i for i, c in enumerate(self.shown) if c.id == keep), 0)
            table.move_cursor(row=row)
            self.show_claim(self.shown[row])
        else:
            self.query_one("#draft-passage", PassagePane).clear()
            self.query_one("#source-passage", PassagePane).clear()

    def summary(self) -> str:
        report = self.run_data.report if self.run_data else None
        if report is None:
            return ""
        counts = {s: report.count(s) for s in ClaimStatus}
        accepted = sum(1 for c in report.claims if c.status in _FAILING and c.id in self.decisions)
        text = (f"{counts[ClaimStatus.SUPPORTED]} supported, {counts[ClaimStatus.CONTRADICTED]} contradicted, "
                f"{counts[ClaimStatus.UNSUPPORTED]} unsupported, {counts[ClaimStatus.UNCHECKED]} unchecked; "
                f"{accepted} accepted")
        return text + (" \u00b7 failing only" if self.failing_only else "")

    def current(self) -> ClaimVerdict | None:
        table = self.query_one("#claims", DataTable)
        if not self.shown or table.cursor_row is None or not 0 <= table.cursor_row < len(self.shown):
            return None
        return self.shown[table.cursor_row]

    def show_claim(self, claim: ClaimVerdict) -> None:
        docs = self.run_data.documents if self.run_data else {}

        def view(path: str) -> DocumentView | None:
            doc = docs.get(path)
            return DocumentView(doc) if doc is not None else None

        self.query_one("#draft-passage", PassagePane).show(claim.evidence, view(claim.evidence.path))
        source = self.query_one("#source-passage", PassagePane)
        if claim.sources:
            source.show(claim.sources[0], view(claim.sources[0].path))
        else:
            source.clear()
            source.query_one(".passage-body", Static).update(Text("no source passage says this", style="italic"))
        decision = self.decisions.get(claim.id)
        if decision is not None and decision.note:
            source.border_subtitle = Text(f"accepted: {clean_line(decision.note)}")

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        claim = self.current()
        if claim is not None:
            self.show_claim(claim)

    # ---------------------------------------------------------------------------------------------- actions

    def action_accept(self) -> None:
        claim = self.current()
        if claim is None:
            return
        held = self.decisions.get(claim.id)

        def done(note: str | None) -> None:
            if note is None:
                return
            decision = Decision(id=claim.id, status=DecisionStatus.CONFIRMED, note=note or None,
                                decided_at=dt.datetime.now(dt.timezone.utc).replace(microsecond=0), by=self._analyst)
            self._store.record(decision)
            self.decisions[claim.id] = decision
            self.refresh_table(keep=claim.id)

        self.push_screen(PromptScreen("Accept claim", "Why is this claim right? (e.g. sourced by phone call)",
                                      value=held.note or "" if held else ""), done)

    def action_undo(self) -> None:
        claim = self.current()
        if claim is None or claim.id not in self.decisions:
            return
        self._store.remove(claim.id)
        del self.decisions[claim.id]
        self.refresh_table(keep=claim.id)

    def action_toggle_failing(self) -> None:
        self.failing_only = not self.failing_only
        current = self.current()
        self.refresh_table(keep=current.id if current else None)


def make_verify_app(load: Loader, store: DecisionStoreLike, *, analyst: str | None = None) -> VerifyApp:
    """Build the verify review. ``load()`` runs the core (in a worker thread) and returns a ``VerifyRun``."""
    return VerifyApp(load, store, analyst=analyst)
