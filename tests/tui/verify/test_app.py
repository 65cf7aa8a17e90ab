"""The verify review app, driven by a pilot: claims table, passages, accept with a note, undo, filter."""

from __future__ import annotations

import datetime as dt

import pytest
from textual.widgets import DataTable, Static

from checker.errors import InputError
from checker.extract import extract_document
from checker.models import ClaimStatus, DocumentInfo, Document, VerifyReport
from checker.store.decisions import DecisionStore
from checker.verify import verify_claims
from tui.verify import VerifyRun, make_verify_app
from tui.widgets.passage import PassagePane

DAY = dt.date(2025, 3, 14)
SOURCE = "The storm killed 12 people in Texas on Monday.\nOfficials said 300 homes were damaged.\n"
DRAFT = "The storm killed 40 people in Texas.\nThe storm injured 7 people.\nOfficials said 300 homes were damaged.\n"


def make_run() -> VerifyRun:
    draft = Document(path="draft.txt", raw=DRAFT, text=DRAFT, date=DAY)
    source = Document(path="source.txt", raw=SOURCE, text=SOURCE, date=DAY)
    claims = verify_claims(extract_document(draft).assertions, extract_document(source).assertions,
                           dates={"draft.txt": DAY, "source.txt": DAY}, documents=[source])
    report = VerifyReport(drafts=[DocumentInfo(path="draft.txt")], sources=[DocumentInfo(path="source.txt")],
                          claims=claims)
    return VerifyRun(report=report, documents={"draft.txt": draft, "source.txt": source})


@pytest.fixture
def store(tmp_path):
    return DecisionStore(tmp_path / "decisions.jsonl")


async def test_claims_are_listed_with_both_passages(store):
    run = make_run()
    app = make_verify_app(lambda: run, store)
    async with app.run_test(size=(120, 34)) as pilot:
        await pilot.pause()
        table = app.query_one("#claims", DataTable)
        assert table.row_count == len(run.report.claims)
        assert "unsupported" in str(app.query_one("#verify-summary", Static).render())
        first = app.current()
        assert first is run.report.claims[0]
        assert str(app.query_one("#draft-passage", PassagePane).border_title).startswith("draft")


async def test_accept_with_a_note_is_saved_and_undone(store):
    run = make_run()
    app = make_verify_app(lambda: run, store)
    async with app.run_test(size=(120, 34)) as pilot:
        await pilot.pause()
        await pilot.press("f")  # failing claims only
        assert app.shown and all(c.status in (ClaimStatus.CONTRADICTED, ClaimStatus.UNSUPPORTED) for c in app.shown)
        claim = app.current()
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"sourced by phone call")
        await pilot.press("enter")
        await pilot.pause()
        saved = store.load()
        assert saved[claim.id].note == "sourced by phone call"
        assert "1 accepted" in str(app.query_one("#verify-summary", Static).render())
        await pilot.press("u")
        await pilot.pause()
        assert claim.id not in store.load()


async def test_escape_records_nothing(store):
    app = make_verify_app(make_run, store)
    async with app.run_test(size=(120, 34)) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("x", "escape")
        await pilot.pause()
        assert store.load() == {}


async def test_a_load_error_exits_with_code_2(store):
    def broken() -> VerifyRun:
        raise InputError("draft.txt", "no such file or folder")

    app = make_verify_app(broken, store)
    async with app.run_test(size=(120, 34)) as pilot:
        await pilot.pause()
        await pilot.pause()
    assert isinstance(app.load_error, InputError)
    assert app.return_code == 2
