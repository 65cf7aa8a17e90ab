import datetime as dt

import pytest

from checker.errors import DecisionsError
from checker.models import ConflictKind, Decision, DecisionStatus
from tui.state import Filters, ReviewState

NOW = dt.datetime(2024, 11, 6, 12, 0, tzinfo=dt.timezone.utc)


def make_state(analysis, store):
    return ReviewState(analysis, store, analyst="ana", clock=lambda: NOW)


def ids(state):
    return [c.id for c in state.visible()]


def test_default_order_is_severity_then_analysis_order(analysis, store):
    assert ids(make_state(analysis, store)) == ["num1", "pol1", "loc1", "date1"]


def test_sort_by_same_column_reverses(analysis, store):
    state = make_state(analysis, store)
    state.sort_by("value_a")
    assert ids(state) == ["date1", "num1", "loc1", "pol1"]
    state.sort_by("value_a")
    assert ids(state) == ["pol1", "loc1", "num1", "date1"]
    assert state.cycle_sort() == "value_b"


def test_filters_combine(analysis, store):
    state = make_state(analysis, store)
    state.decide("num1", DecisionStatus.CONFIRMED)
    state.filters = Filters(kind=ConflictKind.NUMERIC, status=DecisionStatus.PENDING)
    assert ids(state) == []
    state.filters = Filters(status=DecisionStatus.PENDING, search="OCTOBER")
    assert ids(state) == ["date1"]
    assert state.filters.describe() == "status=new, search='OCTOBER'"
    state.filters = Filters(document="reports/moscow.txt")
    assert len(ids(state)) == 4
    state.filters = Filters(search="the agency")  # sources are searchable
    assert ids(state) == ["num1"]


def test_decisions_go_to_the_store_with_time_and_analyst(analysis, store):
    state = make_state(analysis, store)
    state.decide("pol1", DecisionStatus.DISMISSED, note="different bridges")
    assert store.load()["pol1"] == Decision(id="pol1", status=DecisionStatus.DISMISSED, note="different bridges",
                                            decided_at=NOW, by="ana")
    state.decide("pol1", DecisionStatus.CONFIRMED)  # the note survives a change of mind
    assert store.load()["pol1"].note == "different bridges"
    assert state.counts()[DecisionStatus.CONFIRMED] == 1


def test_undo_walks_back_through_every_change(analysis, store):
    state = make_state(analysis, store)
    state.decide("num1", DecisionStatus.CONFIRMED)
    state.annotate("num1", "checked")
    state.reopen("num1")
    assert store.load()["num1"].status is DecisionStatus.PENDING  # the note keeps a pending record
    assert state.undo() == "num1"
    assert store.load()["num1"].status is DecisionStatus.CONFIRMED and store.load()["num1"].note == "checked"
    state.undo()
    assert store.load()["num1"].note is None
    state.undo()
    assert store.load() == {}
    assert state.undo() is None


def test_empty_note_on_new_conflict_removes_record(analysis, store):
    state = make_state(analysis, store)
    state.annotate("loc1", "look again")
    state.annotate("loc1", "  ")
    assert store.load() == {}


def test_store_failure_leaves_memory_unchanged(analysis, tmp_path):
    class Failing:
        def load(self):
            return {}

        def record(self, decision):
            raise DecisionsError("d.jsonl", "read-only")

        def remove(self, conflict_id):
            raise DecisionsError("d.jsonl", "read-only")

    state = ReviewState(analysis, Failing())
    with pytest.raises(DecisionsError):
        state.decide("num1", DecisionStatus.CONFIRMED)
    assert state.decisions == {} and state.undo_stack == []
