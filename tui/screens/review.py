"""The main screen: the conflict table, the selected conflict's two passages, and every review action.

The analysis is computed by the caller's ``load`` function in a worker thread (the core can take seconds on a
large corpus); the screen shows a progress bar until a ``Loaded`` message arrives. Actions change decisions only
through ``ReviewState``, which writes each one to the store before the screen shows it.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import DataTable, Footer, Header, Input, Label, ProgressBar, Static
from textual.worker import get_current_worker

from checker.errors import CheckerError
from checker.models import Analysis, Conflict, ConflictKind, Decision, DecisionStatus
from checker.store.decisions import ReviewStatus, review_status

from tui.screens.diff import DiffScreen, diff_pair
from tui.screens.document import DocumentScreen
from tui.screens.modals import FilterScreen, PromptScreen
from tui.sanitize import clean
from tui.state import DecisionStoreLike, Filters, ReviewState
from tui.widgets.conflict_table import ConflictTable
from tui.widgets.detail import ConflictDetail
from tui.widgets.passage import PassagePane

Loader = Callable[[Callable[[int, int], None]], Analysis]

PROGRESS_INTERVAL = 0.05
"""Seconds between progress messages: the core may report per sentence, the screen needs ~20 updates a second."""
SEARCH_DEBOUNCE = 0.25
SEARCH_DEBOUNCE_ABOVE = 1000
"""With this many conflicts or more, the table is refiltered once typing pauses for SEARCH_DEBOUNCE seconds."""


class ReviewScreen(Screen[None]):
    """Review conflicts: decide, annotate, undo, filter, search, sort and open the documents."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (80, "-medium"), (100, "-wide"), (180, "-huge")]
    COMPACT_BELOW = 100
    """Terminal width under which the table switches to its compact column set."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, tooltip="Next conflict"),
        Binding("k", "cursor_up", "Up", show=False, tooltip="Previous conflict"),
        Binding("c", "confirm", "Confirm", tooltip="Confirm: a real conflict"),
        Binding("d", "dismiss_conflict", "Dismiss", tooltip="Dismiss as not a conflict (asks a reason)"),
        Binding("n", "note", "Note", tooltip="Add or edit a note on the conflict"),
        Binding("r", "reopen", "Reopen", show=False, tooltip="Reopen: mark the conflict new again"),
        Binding("u", "undo", "Undo", tooltip="Undo the last confirm, dismiss, note or reopen"),
        Binding("o", "open_document(0)", "Open", show=False, tooltip="Open side A's document at the sentence"),
        Binding("O", "open_document(1)", "Open B", show=False, tooltip="Open side B's document at the sentence"),
        Binding("v", "diff", "Diff", show=False, tooltip="Diff the two documents: changed facts and text"),
        Binding("slash", "search", "Search", tooltip="Search subject, message and text"),
        Binding("f", "filter", "Filter", show=False, tooltip="Filter by kind, status and document"),
        Binding("s", "cycle_sort", "Sort", show=False, tooltip="Sort by the next column"),
        Binding("escape", "clear_filters", "Clear", show=False, tooltip="Clear search and filters"),
    ]

    class Progress(Message):
        def __init__(self, done: int, total: int) -> None:
            super().__init__()
            self.done = done
            self.total = total

    class Loaded(Message):
        def __init__(self, analysis: Analysis, decisions: dict[str, Decision]) -> None:
            super().__init__()
            self.analysis = analysis
            self.decisions = decisions

    class LoadFailed(Message):
        def __init__(self, error: Exception) -> None:
            super().__init__()
            self.error = error

    def __init__(self, load: Loader, store: DecisionStoreLike, *, analyst: str | None = None) -> None:
        super().__init__()
        self._load = load
        self._store = store
        self._analyst = analyst
        self.state: ReviewState | None = None
        self._last_progress = 0.0
        self._search_timer: Timer | None = None

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="loading"):
            yield Label(Text("Reading reports\u2026"), id="loading-label")
            yield ProgressBar(id="loading-bar", show_eta=False)
        yield Static(id="summary")
        with Horizontal(id="main"):
            yield ConflictTable(id="conflicts")
            with Vertical(id="detail"):
                yield ConflictDetail(id="conflict")
                with Horizontal(id="passages"):
                    yield PassagePane("A", id="side-a")
                    yield PassagePane("B", id="side-b")
        yield Input(placeholder="search subject, message, text \u2014 enter to keep, escape to clear", id="search")
        yield Footer()

    def on_mount(self) -> None:
        self.add_class("-loading")
        self.load_analysis()

    # ------------------------------------------------------------------ loading

    @work(thread=True, exclusive=True, group="load")
    def load_analysis(self) -> None:
        """Run the caller's analysis off the UI thread; user-facing errors come back as a message."""
        worker = get_current_worker()
        try:
            analysis = self._load(self._report_progress)
            decisions = self._store.load()
        except Exception as error:  # noqa: BLE001 - shown by the CLI as one line (exit 2, or 3 for a bug)
            self.post_message(self.LoadFailed(error))
            return
        if not worker.is_cancelled:
            self.post_message(self.Loaded(analysis, decisions))

    def _report_progress(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done >= total or now - self._last_progress >= PROGRESS_INTERVAL:
            self._last_progress = now
            self.post_message(self.Progress(done, total))

    def on_resize(self) -> None:
        table = self.query_one(ConflictTable)
        if self.state is not None and table.compact != (self.size.width < self.COMPACT_BELOW):
            self._refill(keep=table.current_id)

    def on_review_screen_progress(self, message: Progress) -> None:
        bar = self.query_one("#loading-bar", ProgressBar)
        bar.update(total=message.total or None, progress=message.done)

    def on_review_screen_load_failed(self, message: LoadFailed) -> None:
        # The CLI reports the error once the app is closed, as for every other command: a CheckerError as
        # "checker: error: ..." (exit 2), anything else as one "internal error" line (exit 3), never a traceback.
        self.app.load_error = message.error  # type: ignore[attr-defined]
        self.app.exit(return_code=2 if isinstance(message.error, CheckerError) else 3)

    def on_review_screen_loaded(self, message: Loaded) -> None:
        self.state = ReviewState(message.analysis, self._store, message.decisions, analyst=self._analyst)
        self.remove_class("-loading")
        table = self.query_one(ConflictTable)
        self._refill(keep=None)
        table.focus()
        for warning in message.analysis.warnings[:5]:
            self.notify(clean(warning), title="Warning", severity="warning", markup=False)
        if len(message.analysis.warnings) > 5:
            self.notify(f"{len(message.analysis.warnings) - 5} more warnings", severity="warning", markup=False)

    # ------------------------------------------------------------------ showing

    def _refill(self, keep: str | None) -> None:
        """Rebuild the table from the state's filtered, sorted rows."""
        state = self.state
        if state is None:
            return
        table = self.query_one(ConflictTable)
        status_of = {cid: review_status(d) for cid, d in state.decisions.items()}
        compact = self.size.width < self.COMPACT_BELOW
        table.populate(state.visible(), status_of, keep, state.sort_column, state.sort_reverse, compact)
        self._show_summary()
        self._show_selected()

    def _show_summary(self) -> None:
        state = self.state
        if state is None:
            return
        counts = state.counts()
        baselined = sum(1 for c in state.conflicts if state.review(c.id) is ReviewStatus.BASELINED)
        total = len(state.conflicts)
        shown = self.query_one(ConflictTable).row_count
        text = Text()
        text.append(f"{total} conflict{'s' if total != 1 else ''}", style="bold")
        text.append(
            f" \u00b7 {counts[DecisionStatus.PENDING]} new"
            + (f" \u00b7 {baselined} baselined" if baselined else "")
            + f" \u00b7 {counts[DecisionStatus.CONFIRMED] - baselined} confirmed"
            f" \u00b7 {counts[DecisionStatus.DISMISSED]} dismissed"
        )
        text.append(f" \u00b7 {len(state.analysis.documents)} documents")
        if state.filters.active:
            text.append(f" \u2502 showing {shown}: {state.filters.describe()}", style="bold")
        elif not total:
            text.append(" \u2502 no conflicts between these reports")
        sort = state.sort_column.replace("_", " ")
        text.append(f" \u2502 sort: {sort}{' (reversed)' if state.sort_reverse else ''}", style="dim")
        self.query_one("#summary", Static).update(text)

    def _current(self) -> Conflict | None:
        if self.state is None:
            return None
        conflict_id = self.query_one(ConflictTable).current_id
        return self.state.by_id.get(conflict_id) if conflict_id else None

    def _show_selected(self) -> None:
        conflict = self._current()
        detail = self.query_one(ConflictDetail)
        panes = self.query_one("#side-a", PassagePane), self.query_one("#side-b", PassagePane)
        if conflict is None or self.state is None:
            detail.show(None, None)
            for pane in panes:
                pane.clear()
            return
        detail.show(conflict, self.state.decisions.get(conflict.id))
        for pane, evidence in zip(panes, conflict.evidence):
            pane.show(evidence, self.state.views.get(evidence.path))

    @on(DataTable.RowHighlighted, "#conflicts")
    def _row_highlighted(self) -> None:
        self._show_selected()

    @on(DataTable.HeaderSelected, "#conflicts")
    def _header_selected(self, event: DataTable.HeaderSelected) -> None:
        if self.state is None or event.column_key.value is None:
            return
        self.state.sort_by(event.column_key.value)
        self._refill(keep=self.query_one(ConflictTable).current_id)

    # ------------------------------------------------------------------ actions: moving

    def action_cursor_down(self) -> None:
        self.query_one(ConflictTable).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one(ConflictTable).action_cursor_up()

    def action_cycle_sort(self) -> None:
        if self.state is not None:
            self.state.cycle_sort()
            self._refill(keep=self.query_one(ConflictTable).current_id)

    # ------------------------------------------------------------------ actions: deciding

    def _change(self, conflict_id: str, change: Callable[[], object], advance: bool = False) -> None:
        """Apply a decision change, reporting a store failure instead of pretending it was saved."""
        assert self.state is not None
        try:
            change()
        except (CheckerError, OSError) as error:
            self.notify(str(error), title="Decision not saved", severity="error", markup=False)
            return
        self._after_change(conflict_id, advance)

    def _after_change(self, conflict_id: str, advance: bool) -> None:
        assert self.state is not None
        table = self.query_one(ConflictTable)
        if self.state.filters.status is not None:
            self._refill(keep=conflict_id if not advance else None)
            return
        table.set_status(conflict_id, self.state.review(conflict_id))
        self._show_summary()
        if advance and table.current_id == conflict_id and table.cursor_row < table.row_count - 1:
            table.action_cursor_down()
        else:
            self._show_selected()

    def action_confirm(self) -> None:
        conflict = self._current()
        if conflict is None or self.state is None:
            return
        state = self.state
        self._change(conflict.id, lambda: state.decide(conflict.id, DecisionStatus.CONFIRMED), advance=True)

    def action_dismiss_conflict(self) -> None:
        conflict = self._current()
        if conflict is None or self.state is None:
            return
        state = self.state
        previous = state.decisions.get(conflict.id)

        def done(reason: str | None) -> None:
            if reason is not None:
                self._change(
                    conflict.id, lambda: state.decide(conflict.id, DecisionStatus.DISMISSED, note=reason), True
                )

        self.app.push_screen(
            PromptScreen(
                "Dismiss conflict",
                "Why is this not a real conflict?",
                value=previous.note or "" if previous else "",
                placeholder="e.g. different dates; same figure rounded",
            ),
            done,
        )

    def action_note(self) -> None:
        conflict = self._current()
        if conflict is None or self.state is None:
            return
        state = self.state
        previous = state.decisions.get(conflict.id)

        def done(note: str | None) -> None:
            if note is not None:
                self._change(conflict.id, lambda: state.annotate(conflict.id, note))

        self.app.push_screen(
            PromptScreen("Note", "Note on this conflict (empty to remove):", value=previous.note or "" if previous else ""),
            done,
        )

    def action_reopen(self) -> None:
        conflict = self._current()
        if conflict is None or self.state is None:
            return
        if self.state.status(conflict.id) is DecisionStatus.PENDING:
            self.notify("This conflict is already new.", markup=False)
            return
        state = self.state
        self._change(conflict.id, lambda: state.reopen(conflict.id))

    def action_undo(self) -> None:
        if self.state is None:
            return
        try:
            conflict_id = self.state.undo()
        except (CheckerError, OSError) as error:
            self.notify(str(error), title="Undo not saved", severity="error", markup=False)
            return
        if conflict_id is None:
            self.notify("Nothing to undo.", markup=False)
            return
        self._after_change(conflict_id, advance=False)
        self.query_one(ConflictTable).select(conflict_id)
        status = self.state.review(conflict_id).value
        self.notify(f"Undone: {self.state.by_id[conflict_id].subject} is {status} again.", markup=False)

    # ------------------------------------------------------------------ actions: finding

    def action_search(self) -> None:
        search = self.query_one("#search", Input)
        self.add_class("-searching")
        search.focus()

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        if self.state is None:
            return
        self.state.set_search(event.value)
        if self._search_timer is not None:
            self._search_timer.stop()
            self._search_timer = None
        if len(self.state.conflicts) < SEARCH_DEBOUNCE_ABOVE:
            self._apply_search()
        else:  # rebuilding thousands of rows per keystroke would make typing lag
            self._search_timer = self.set_timer(SEARCH_DEBOUNCE, self._apply_search)

    def _apply_search(self) -> None:
        self._search_timer = None
        self._refill(keep=self.query_one(ConflictTable).current_id)

    @on(Input.Submitted, "#search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
            self._apply_search()
        if not event.value.strip():
            self.remove_class("-searching")
        self.query_one(ConflictTable).focus()

    def action_clear_filters(self) -> None:
        search = self.query_one("#search", Input)
        if self._search_timer is not None:
            self._search_timer.stop()
            self._search_timer = None
        self.remove_class("-searching")
        if self.state is None:
            return
        if self.state.filters.active:
            self.state.filters = Filters()
            with search.prevent(Input.Changed):
                search.value = ""
            self._refill(keep=self.query_one(ConflictTable).current_id)
        self.query_one(ConflictTable).focus()

    def action_filter(self) -> None:
        state = self.state
        if state is None:
            return
        kinds = [k for k in ConflictKind if any(c.kind == k for c in state.conflicts)]
        titles = {d.path: d.title for d in state.analysis.documents}
        documents = [(p, titles.get(p)) for p in state.document_paths()]

        def done(filters: Filters | None) -> None:
            if filters is not None:
                state.filters = filters
                self._refill(keep=self.query_one(ConflictTable).current_id)

        self.app.push_screen(FilterScreen(state.filters, kinds, documents), done)

    def action_open_document(self, side: int) -> None:
        conflict = self._current()
        if conflict is None or self.state is None:
            return
        sides = [(e, self.state.views.get(e.path)) for e in conflict.evidence]
        self.app.push_screen(DocumentScreen(sides, index=side))

    def action_diff(self) -> None:
        """Diff the conflict's two documents, older first, to see what else changed between them."""
        conflict = self._current()
        if conflict is None or self.state is None:
            return
        views = [self.state.views.get(e.path) for e in conflict.evidence]
        if views[0] is None or views[1] is None:
            self.notify("A document of this conflict is not available to compare.", markup=False)
            return
        if views[0].document.path == views[1].document.path:
            self.notify("Both sides of this conflict are in the same document.", markup=False)
            return
        self.app.push_screen(DiffScreen(*diff_pair(views[0].document, views[1].document)))
