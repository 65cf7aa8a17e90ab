"""The review UI names statuses as every other output does: new, baselined, confirmed, dismissed."""

from checker.models import Decision, DecisionStatus
from checker.store.decisions import BASELINE_NOTE, ReviewStatus
from tui.widgets.conflict_table import status_cell
from tui.widgets.detail import describe_conflict


def test_table_cells_use_the_shared_words():
    assert [status_cell(s).plain.split()[-1] for s in ReviewStatus] == ["new", "baselined", "confirmed", "dismissed"]
    assert max(len(status_cell(s).plain) for s in ReviewStatus) <= 11  # the fixed status column


def test_detail_says_baselined_for_a_baseline_decision(analysis):
    conflicts = analysis.conflicts
    decision = Decision(id=conflicts[0].id, status=DecisionStatus.CONFIRMED, note=BASELINE_NOTE)
    assert "Status: baselined" in describe_conflict(conflicts[0], decision).plain
    assert "Status: new" in describe_conflict(conflicts[0], None).plain
