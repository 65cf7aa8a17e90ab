"""The conflict list: one row per conflict, keyed by conflict id so decisions can update a row in place.

Every cell is a ``rich.text.Text`` built from cleaned report text: a plain ``str`` cell would be parsed as
markup by ``DataTable``, and a report could then restyle (or break) the table.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from rich.text import Text
from textual.widgets import DataTable
from textual.widgets.data_table import RowDoesNotExist

from checker.compare.messages import negated
from checker.models import Conflict, Evidence, Polarity, Severity
from checker.store.decisions import ReviewStatus

from tui.sanitize import clean_line, truncate
from tui.state import documents_label

# (key, label, cap on the characters shown); the table sizes columns to their content up to the cap. The compact
# set fits 80 columns: status shrinks to its mark, text columns get shorter caps and documents are left to the
# passage panes' titles.
COLUMNS: tuple[tuple[str, str, int], ...] = (
    ("kind", "Kind", 10),
    ("severity", "Severity", 8),
    ("subject", "Subject", 36),
    ("value_a", "Value A", 22),
    ("value_b", "Value B", 22),
    ("status", "Status", 11),  # fixed: the widest status, so deciding never resizes the table
    ("documents", "Documents", 40),
)
COMPACT_COLUMNS: tuple[tuple[str, str, int], ...] = (
    ("kind", "Kind", 9),
    ("severity", "Sev", 6),
    ("status", "St", 1),
    ("subject", "Subject", 18),
    ("value_a", "Value A", 13),
    ("value_b", "Value B", 13),
)

_STATUS_MARK = {ReviewStatus.NEW: "\u25cf", ReviewStatus.BASELINED: "\u2261", ReviewStatus.CONFIRMED: "\u2713",
                ReviewStatus.DISMISSED: "\u2717"}
_STATUS_STYLE = {ReviewStatus.NEW: "bold", ReviewStatus.BASELINED: "dim", ReviewStatus.CONFIRMED: "",
                 ReviewStatus.DISMISSED: "dim"}
_SEVERITY_STYLE = {Severity.HIGH: "bold", Severity.MEDIUM: "", Severity.LOW: "dim"}


class _Cell(Text):
    """A ``Text`` the table need not measure.

    ``DataTable`` measures every cell through Rich to size auto-width columns, which is most of the time it takes
    to show thousands of rows. This table computes column widths itself from the plain text (``cell_len``) and
    gives the columns fixed widths; a renderable without ``__rich_measure__`` is skipped by Textual's ``measure``.
    """

    __rich_measure__ = None  # type: ignore[assignment]


def status_cell(status: ReviewStatus, compact: bool = False) -> Text:
    """A status with a mark, so it reads without colour (NO_COLOR) too; compact tables show the mark alone."""
    label = _STATUS_MARK[status] if compact else f"{_STATUS_MARK[status]} {status.value}"
    return _Cell(label, style=_STATUS_STYLE[status])


_STATUS_CELLS = {(s, compact): status_cell(s, compact) for s in ReviewStatus for compact in (False, True)}


def _text_of(conflict: Conflict, key: str) -> str:
    if key == "kind":
        return conflict.kind.value
    if key == "severity":
        return conflict.severity.value
    if key == "subject":
        return conflict.subject
    if key == "value_a":
        return _value(conflict.evidence[0])
    if key == "value_b":
        return _value(conflict.evidence[1])
    return documents_label(conflict)


def _value(evidence: Evidence) -> str:
    """The value as the report gave it, with "not" when the report denies it ("not Kursk region")."""
    return negated(evidence.value) if evidence.polarity == Polarity.NEGATED else evidence.value


def row_cells(conflict: Conflict, compact: bool = False) -> dict[str, Text]:
    """The cells of one conflict except its status (which changes while the rest never does)."""
    cells: dict[str, Text] = {}
    for key, _, cap in COMPACT_COLUMNS if compact else COLUMNS:
        if key == "severity":
            cells[key] = _Cell(conflict.severity.value, style=_SEVERITY_STYLE[conflict.severity])
        elif key != "status":
            cells[key] = _Cell(truncate(clean_line(_text_of(conflict, key)), cap))
    return cells


class ConflictTable(DataTable[Text]):
    """A row-cursor ``DataTable`` of conflicts, keyed by conflict id, sized to what it shows."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.compact = False
        self._cells: dict[tuple[str, bool], dict[str, Text]] = {}

    @property
    def column_set(self) -> tuple[tuple[str, str, int], ...]:
        return COMPACT_COLUMNS if self.compact else COLUMNS

    def populate(
        self,
        conflicts: Sequence[Conflict],
        status_of: dict[str, ReviewStatus],
        keep: str | None,
        sort_column: str | None = None,
        reverse: bool = False,
        compact: bool = False,
    ) -> None:
        """Replace all rows; put the cursor back on ``keep`` if it is still listed (else on the same index).

        Columns are rebuilt each time with fixed widths that fit the rows shown, and the sort column's header gets
        an arrow.
        """
        old_index = self.cursor_row
        self.compact = compact
        self.clear(columns=True)
        cache = self._cells
        rows = []
        for conflict in conflicts:
            cells = cache.get((conflict.id, compact))
            if cells is None:
                cells = cache[conflict.id, compact] = row_cells(conflict, compact)
            rows.append((conflict.id, cells))
        arrow = "\u25b2" if reverse else "\u25bc"
        pending = ReviewStatus.NEW
        for key, label, cap in self.column_set:
            header = Text(f"{label} {arrow if key == sort_column else ' '}")
            if key == "status":
                width = cap
            else:
                width = max((cell_len(cells[key].plain) for _, cells in rows), default=0)
            self.add_column(header, key=key, width=max(width, header.cell_len))
        keys = [key for key, _, _ in self.column_set]
        for conflict_id, cells in rows:
            status = _STATUS_CELLS[status_of.get(conflict_id, pending), compact]
            self.add_row(*(status if key == "status" else cells[key] for key in keys), key=conflict_id)
        if not self.row_count:
            return
        index = min(old_index, self.row_count - 1)
        if keep is not None:
            try:
                index = self.get_row_index(keep)
            except RowDoesNotExist:
                pass
        self.move_cursor(row=index, animate=False, scroll=True)

    def set_status(self, conflict_id: str, status: ReviewStatus) -> None:
        try:
            self.update_cell(conflict_id, "status", _STATUS_CELLS[status, self.compact])
        except RowDoesNotExist:
            pass

    @property
    def current_id(self) -> str | None:
        """The id of the conflict under the cursor, or None for an empty table."""
        if not self.row_count:
            return None
        row_key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key
        return row_key.value

    def select(self, conflict_id: str) -> bool:
        try:
            index = self.get_row_index(conflict_id)
        except RowDoesNotExist:
            return False
        self.move_cursor(row=index, animate=False, scroll=True)
        return True
