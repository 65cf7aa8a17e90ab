"""The review session's state, kept apart from widgets so it can be tested and reasoned about on its own.

It holds the analysis, the analyst's decisions, the filters and sort order and the undo stack. Every change to a
decision goes to the store first and into memory only when the store accepted it: the decisions file is the truth,
and a crash right after a keypress loses nothing.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import PurePath
from typing import Protocol

from checker.models import Analysis, Conflict, ConflictKind, Decision, DecisionStatus
from checker.store.decisions import ReviewStatus, review_status

from tui.context import DocumentView


class DecisionStoreLike(Protocol):
    """What the review needs from ``checker.store.decisions.DecisionStore``."""

    def load(self) -> dict[str, Decision]: ...

    def record(self, decision: Decision) -> None: ...

    def remove(self, conflict_id: str) -> Decision | None: ...


STATUS_LABELS: dict[DecisionStatus, str] = {
    DecisionStatus.PENDING: ReviewStatus.NEW.value,
    DecisionStatus.CONFIRMED: ReviewStatus.CONFIRMED.value,
    DecisionStatus.DISMISSED: ReviewStatus.DISMISSED.value,
}
"""Labels of the stored statuses, for the filter (a baselined conflict is a confirmed one there)."""
_STATUS_ORDER = {DecisionStatus.PENDING: 0, DecisionStatus.CONFIRMED: 1, DecisionStatus.DISMISSED: 2}

SORT_COLUMNS: tuple[str, ...] = ("severity", "kind", "subject", "value_a", "value_b", "status", "documents")
"""Table columns in the order the sort key cycles through them."""


@functools.lru_cache(maxsize=4096)
def short_path(path: str) -> str:
    """The file name: the table has no room for directories, the detail pane shows the full path."""
    return PurePath(path).name or path


def documents_label(conflict: Conflict) -> str:
    a, b = (short_path(e.path) for e in conflict.evidence)
    return a if a == b else f"{a} \u2194 {b}"


@dataclass(frozen=True)
class Filters:
    """What narrows the table; ``status`` PENDING means "new" (no verdict yet)."""

    kind: ConflictKind | None = None
    status: DecisionStatus | None = None
    document: str | None = None
    search: str = ""

    @property
    def active(self) -> bool:
        return bool(self.kind or self.status or self.document or self.search)

    def describe(self) -> str:
        parts = []
        if self.kind:
            parts.append(f"kind={self.kind.value}")
        if self.status:
            parts.append(f"status={STATUS_LABELS[self.status]}")
        if self.document:
            parts.append(f"document={short_path(self.document)}")
        if self.search:
            parts.append(f"search={self.search!r}")
        return ", ".join(parts)


class ReviewState:
    """Conflicts, decisions, view settings and undo history of one review session."""

    def __init__(
        self,
        analysis: Analysis,
        store: DecisionStoreLike,
        decisions: dict[str, Decision] | None = None,
        *,
        analyst: str | None = None,
        clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.timezone.utc),
    ) -> None:
        self.analysis = analysis
        self.store = store
        self.analyst = analyst
        self.clock = clock
        self.conflicts: list[Conflict] = list(analysis.conflicts)
        self.by_id: dict[str, Conflict] = {c.id: c for c in self.conflicts}
        self.views: dict[str, DocumentView] = {d.path: DocumentView(d) for d in analysis.documents}
        self.decisions: dict[str, Decision] = dict(store.load() if decisions is None else decisions)
        self.filters = Filters()
        self.sort_column = "severity"
        self.sort_reverse = False
        self.undo_stack: list[tuple[str, Decision | None]] = []
        self._order = {c.id: i for i, c in enumerate(self.conflicts)}
        self._haystacks = {c.id: _haystack(c) for c in self.conflicts}

    # ------------------------------------------------------------------ reading

    def status(self, conflict_id: str) -> DecisionStatus:
        decision = self.decisions.get(conflict_id)
        return decision.status if decision else DecisionStatus.PENDING

    def review(self, conflict_id: str) -> ReviewStatus:
        """The status as every output names it: new, baselined, confirmed or dismissed."""
        return review_status(self.decisions.get(conflict_id))

    def counts(self) -> Counter[DecisionStatus]:
        counts: Counter[DecisionStatus] = Counter({s: 0 for s in DecisionStatus})
        counts.update(self.status(c.id) for c in self.conflicts)
        return counts

    def document_paths(self) -> list[str]:
        """Every document a conflict points at, in analysis order first."""
        paths = [d.path for d in self.analysis.documents]
        seen = set(paths)
        for c in self.conflicts:
            for e in c.evidence:
                if e.path not in seen:
                    seen.add(e.path)
                    paths.append(e.path)
        return paths

    def matches(self, conflict: Conflict) -> bool:
        f = self.filters
        if f.kind and conflict.kind != f.kind:
            return False
        if f.status and self.status(conflict.id) != f.status:
            return False
        if f.document and all(e.path != f.document for e in conflict.evidence):
            return False
        return not f.search or f.search.casefold() in self._haystacks[conflict.id]

    def visible(self) -> list[Conflict]:
        """The filtered conflicts in the chosen order (ties keep the analysis order)."""
        rows = [c for c in self.conflicts if self.matches(c)] if self.filters.active else list(self.conflicts)
        key = self._sort_key(self.sort_column)
        order = self._order
        rows.sort(key=lambda c: (key(c), order[c.id]), reverse=False)
        if self.sort_reverse:
            rows.reverse()
        return rows

    def _sort_key(self, column: str) -> Callable[[Conflict], object]:
        if column == "severity":
            return lambda c: -c.severity.rank
        if column == "kind":
            return lambda c: c.kind.value
        if column == "subject":
            return lambda c: c.subject.casefold()
        if column == "value_a":
            return lambda c: c.evidence[0].value.casefold()
        if column == "value_b":
            return lambda c: c.evidence[1].value.casefold()
        if column == "status":
            return lambda c: _STATUS_ORDER[self.status(c.id)]
        if column == "documents":
            return documents_label
        raise ValueError(f"unknown sort column {column!r}")

    def sort_by(self, column: str) -> None:
        """Sort by ``column``; choosing the current column again flips the direction."""
        if column == self.sort_column:
            self.sort_reverse = not self.sort_reverse
        else:
            self.sort_column, self.sort_reverse = column, False

    def cycle_sort(self) -> str:
        i = SORT_COLUMNS.index(self.sort_column) if self.sort_column in SORT_COLUMNS else -1
        self.sort_column, self.sort_reverse = SORT_COLUMNS[(i + 1) % len(SORT_COLUMNS)], False
        return self.sort_column

    def set_search(self, text: str) -> None:
        self.filters = replace(self.filters, search=text.strip())

    # ------------------------------------------------------------------ deciding

    def decide(self, conflict_id: str, status: DecisionStatus, note: str | None = None) -> Decision:
        """Record a verdict, keeping an earlier note unless a new one is given."""
        previous = self.decisions.get(conflict_id)
        if note is None and previous is not None:
            note = previous.note
        decision = Decision(
            id=conflict_id, status=status, note=note or None, decided_at=self.clock(), by=self.analyst
        )
        self._write(conflict_id, decision)
        return decision

    def annotate(self, conflict_id: str, note: str) -> Decision | None:
        """Set or clear the note, keeping the status; a note alone on a new conflict is stored as pending."""
        previous = self.decisions.get(conflict_id)
        status = previous.status if previous else DecisionStatus.PENDING
        if not note.strip() and status is DecisionStatus.PENDING:
            self._write(conflict_id, None)
            return None
        return self.decide(conflict_id, status, note=note.strip() or "")

    def reopen(self, conflict_id: str) -> Decision | None:
        """Back to new, keeping the note (if any) as a pending decision."""
        previous = self.decisions.get(conflict_id)
        if previous is not None and previous.note:
            return self.decide(conflict_id, DecisionStatus.PENDING)
        self._write(conflict_id, None)
        return None

    def undo(self) -> str | None:
        """Restore the decision the last action replaced; returns the conflict id, or None when nothing to undo."""
        if not self.undo_stack:
            return None
        conflict_id, previous = self.undo_stack[-1]
        self._put(conflict_id, previous)
        self.undo_stack.pop()
        return conflict_id

    def _write(self, conflict_id: str, decision: Decision | None) -> None:
        previous = self.decisions.get(conflict_id)
        self._put(conflict_id, decision)
        self.undo_stack.append((conflict_id, previous))

    def _put(self, conflict_id: str, decision: Decision | None) -> None:
        # The store first: if it raises, memory still matches the file.
        if decision is None:
            if conflict_id in self.decisions:
                self.store.remove(conflict_id)
                del self.decisions[conflict_id]
        else:
            self.store.record(decision)
            self.decisions[conflict_id] = decision


def _haystack(conflict: Conflict) -> str:
    """Everything a search may hit, case-folded once so typing in the search box stays fast."""
    parts = [conflict.subject, conflict.attribute, conflict.message, conflict.kind.value]
    for e in conflict.evidence:
        parts += [e.text, e.value, e.path, e.source or ""]
    return "\n".join(parts).casefold()
