"""The review app driven by key presses, over a real decisions file in tmp_path."""

from __future__ import annotations

import threading

from rich.text import Text
from textual.widgets import Input, ProgressBar, Select, Static, TextArea

from checker.errors import DecisionsError, InputError
from checker.models import DecisionStatus
from checker.store.decisions import DecisionStore
from tui.app import make_app
from tui.screens.document import DocumentScreen
from tui.screens.help import HelpScreen
from tui.screens.modals import FilterScreen, PromptScreen
from tui.screens.review import ReviewScreen
from tui.widgets.conflict_table import ConflictTable

SIZE = (120, 34)


def table(app) -> ConflictTable:
    return app.screen.query_one(ConflictTable)


def row_ids(app) -> list[str]:
    t = table(app)
    return [t.coordinate_to_cell_key((i, 0)).row_key.value for i in range(t.row_count)]


def plain(widget: Static) -> str:
    content = widget.content
    assert isinstance(content, Text), "report text must reach the screen as rich Text, never markup"
    return content.plain


def screen_text(app) -> str:
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


async def test_lists_conflicts_and_summary(make_review, wait_loaded):
    app = make_review()
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        assert row_ids(app) == ["num1", "pol1", "loc1", "date1"]  # severity first, ties in analysis order
        summary = plain(app.screen.query_one("#summary", Static))
        assert "4 conflicts" in summary and "4 new" in summary and "0 confirmed" in summary
        pane = app.screen.query_one("#side-a")
        assert "Kyiv briefing" in str(pane.border_title)
        assert "officials" in str(pane.border_subtitle) and "2024-11-04" in str(pane.border_subtitle)


async def test_navigation_updates_detail(make_review, wait_loaded):
    app = make_review()
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("j")
        assert table(app).current_id == "pol1"
        assert "bridge at Glushkovo" in plain(app.screen.query_one("#conflict", Static))
        body = plain(app.screen.query_one("#side-b .passage-body", Static))
        assert "The bridge at Glushkovo was destroyed on Sunday." in body
        assert "They are stationed in Belgorod" in body  # a sentence of context
        await pilot.press("down", "down")
        assert table(app).current_id == "date1"
        await pilot.press("k", "up")
        assert table(app).current_id == "pol1"
        await pilot.press("k")
        assert table(app).current_id == "num1"


async def test_confirm_writes_at_once_and_advances(make_review, wait_loaded, store):
    app = make_review()
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("c")
        saved = DecisionStore(store.path).load()
        assert saved["num1"].status is DecisionStatus.CONFIRMED
        assert saved["num1"].decided_at is not None
        assert table(app).current_id == "pol1"
        assert table(app).get_cell("num1", "status").plain.endswith("confirmed")
        assert "1 confirmed" in plain(app.screen.query_one("#summary", Static))


async def test_dismiss_asks_reason(make_review, wait_loaded, store):
    app = make_review()
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("d")
        assert isinstance(app.screen, PromptScreen)
        await pilot.press(*"rounded", "enter")
        assert isinstance(app.screen, ReviewScreen)
        decision = store.load()["num1"]
        assert decision.status is DecisionStatus.DISMISSED and decision.note == "rounded"


async def test_dismiss_cancelled_records_nothing(make_review, wait_loaded, store):
    app = make_review()
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("d", "x", "escape")
        assert isinstance(app.screen, ReviewScreen)
        assert store.load() == {}


async def test_undo_restores_previous_decision(make_review, wait_loaded, store):
    app = make_review()
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("c", "k")  # confirm num1, go back to it
        await pilot.press("d", *"dup", "enter")  # now dismiss it
        assert store.load()["num1"].status is DecisionStatus.DISMISSED
        await pilot.press("j", "u")
        assert store.load()["num1"].status is DecisionStatus.CONFIRMED
        assert table(app).current_id == "num1"  # undo shows what it changed
        await pilot.press("u")
        assert store.load() == {}
        assert table(app).get_cell("num1", "status").plain.endswith("new")
        await pilot.press("u")  # nothing left: harmless
        assert store.load() == {}


async def test_note_keeps_status(make_review, wait_loaded, store):
    app = make_review()
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("n", *"check wire", "enter")
        decision = store.load()["num1"]
        assert decision.status is DecisionStatus.PENDING and decision.note == "check wire"
        assert "Note: check wire" in plain(app.screen.query_one("#conflict", Static))
        await pilot.press("c", "k", "n")
        assert app.screen.query_one(Input).value == "check wire"  # the prompt starts from the note
        await pilot.press("enter")
        assert store.load()["num1"] == store.load()["num1"].model_copy(update={"status": DecisionStatus.CONFIRMED})
        assert store.load()["num1"].note == "check wire"


async def test_filter_by_kind_and_status(make_review, wait_loaded):
    app = make_review()
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("f")
        assert isinstance(app.screen, FilterScreen)
        app.screen.query_one("#filter-kind", Select).value = "location"
        await pilot.click("#filter-apply")
        await pilot.pause()
        assert row_ids(app) == ["loc1"]
        assert "kind=location" in plain(app.screen.query_one("#summary", Static))
        await pilot.press("escape")  # clears filters
        assert len(row_ids(app)) == 4
        assert table(app).current_id == "loc1"  # the cursor stays on the conflict it was on
        await pilot.press("c")  # confirm loc1, move on to date1
        await pilot.press("f")
        app.screen.query_one("#filter-status", Select).value = DecisionStatus.PENDING
        await pilot.click("#filter-apply")
        await pilot.pause()
        assert row_ids(app) == ["num1", "pol1", "date1"]
        assert table(app).current_id == "date1"
        await pilot.press("k", "c")  # a decided row leaves a "new only" view
        assert row_ids(app) == ["num1", "date1"]


async def test_filter_by_document(make_review, wait_loaded, three_document_analysis):
    app = make_review(three_document_analysis)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("f")
        app.screen.query_one("#filter-document", Select).value = "reports/oslo.txt"
        await pilot.click("#filter-apply")
        await pilot.pause()
        assert row_ids(app) == ["num2"]
        await pilot.press("f")
        await pilot.click("#filter-clear")
        await pilot.pause()
        assert len(row_ids(app)) == 5


async def test_search_filters_rows(make_review, wait_loaded):
    app = make_review()
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("slash")
        assert app.screen.query_one("#search", Input).has_focus
        await pilot.press(*"glushkovo")
        assert row_ids(app) == ["pol1"]
        await pilot.press("enter")
        assert table(app).has_focus
        assert "search='glushkovo'" in plain(app.screen.query_one("#summary", Static))
        await pilot.press("slash", "ctrl+a")
        await pilot.press("escape")
        assert len(row_ids(app)) == 4
        assert app.screen.query_one("#search", Input).value == ""


async def test_sort_by_key_and_header(make_review, wait_loaded):
    app = make_review()
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("s")  # severity -> kind
        assert row_ids(app) == ["date1", "loc1", "num1", "pol1"]
        await pilot.press("s")  # -> subject
        assert row_ids(app)[0] == "pol1"  # "bridge ..." sorts first
        app.screen.post_message(
            ConflictTable.HeaderSelected(table(app), table(app).columns["kind"].key, 0, table(app).columns["kind"].label)
        )
        await pilot.pause()
        assert row_ids(app) == ["date1", "loc1", "num1", "pol1"]
        app.screen.post_message(
            ConflictTable.HeaderSelected(table(app), table(app).columns["kind"].key, 0, table(app).columns["kind"].label)
        )
        await pilot.pause()
        assert row_ids(app) == ["pol1", "num1", "loc1", "date1"]


async def test_decisions_persist_across_sessions(make_review, wait_loaded, store):
    app = make_review()
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("c", "d", *"same", "enter")
    again = make_review(decisions=DecisionStore(store.path))
    async with again.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        assert table(again).get_cell("num1", "status").plain.endswith("confirmed")
        assert table(again).get_cell("pol1", "status").plain.endswith("dismissed")
        summary = plain(again.screen.query_one("#summary", Static))
        assert "2 new" in summary and "1 confirmed" in summary and "1 dismissed" in summary


async def test_report_text_is_shown_literally(make_review, wait_loaded, hostile_analysis):
    app = make_review(hostile_analysis)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        assert table(app).get_cell("h1", "subject").plain == "[bold]x[/bold] count"
        detail = plain(app.screen.query_one("#conflict", Static))
        assert "[link=http://example.com]click[/link]" in detail and "\x1b" not in detail
        a = plain(app.screen.query_one("#side-a .passage-body", Static))
        b = plain(app.screen.query_one("#side-b .passage-body", Static))
        assert "The [bold]x[/bold] count was 5 on Monday." in a
        assert "\x1b" not in b and "\u241b[31mthe x count was 7" in b
        shown = screen_text(app)
        assert "[bold]x[/bold] count" in shown and "[i]Title[/i]" in shown and "\u241b[31m" in shown


async def test_open_document_at_span(make_review, wait_loaded, documents):
    app = make_review()
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("j", "o")
        assert isinstance(app.screen, DocumentScreen)
        area = app.screen.query_one(TextArea)
        assert area.text == documents[0].raw
        assert area.selected_text == "The bridge at Glushkovo was not destroyed, the ministry said."
        await pilot.press("o")  # the other side
        assert area.selected_text == "The bridge at Glushkovo was destroyed on Sunday."
        await pilot.press("escape")
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("O")
        assert app.screen.query_one(TextArea).text == documents[1].raw


async def test_help_lists_every_binding(make_review, wait_loaded):
    app = make_review()
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        for binding in ReviewScreen.BINDINGS:
            assert (binding.tooltip or binding.description) in text
        await pilot.press("escape")
        assert isinstance(app.screen, ReviewScreen)


async def test_command_palette_offers_actions(make_review, wait_loaded, store):
    app = make_review()
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        commands = {c.title: c for c in app.get_system_commands(app.screen)}
        for title in ("Confirm: a real conflict", "Undo the last confirm, dismiss, note or reopen", "Show every key"):
            assert title in commands
        await commands["Confirm: a real conflict"].callback()
        await pilot.pause()
        assert store.load()["num1"].status is DecisionStatus.CONFIRMED


async def test_progress_shown_while_loading(analysis, store, wait_loaded):
    release = threading.Event()

    def load(progress):
        progress(1, 4)
        release.wait(5)
        progress(4, 4)
        return analysis

    app = make_app(load, store)
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(50):
            await pilot.pause()
            if app.screen.query_one(ProgressBar).total == 4:
                break
        assert app.screen.has_class("-loading")
        assert app.screen.query_one(ProgressBar).progress == 1
        release.set()
        await wait_loaded(pilot)
        assert not app.screen.has_class("-loading")
        assert table(app).row_count == 4


async def test_load_error_exits_with_code_2(store):
    def load(progress):
        raise InputError("missing.txt", "no such file")

    app = make_app(load, store)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert app.return_code == 2
    assert isinstance(app.load_error, InputError)


async def test_store_failure_is_reported_not_hidden(analysis, wait_loaded, tmp_path):
    class BrokenStore(DecisionStore):
        def record(self, decision):
            raise DecisionsError(str(self.path), "disk full")

    app = make_app(lambda progress: analysis, BrokenStore(tmp_path / "d.jsonl"))
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("c")
        assert table(app).get_cell("num1", "status").plain.endswith("new")
        assert any("disk full" in str(n.message) for n in app._notifications)


async def test_layout_follows_terminal_width(make_review, wait_loaded):
    app = make_review()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        assert table(app).compact and "documents" not in table(app).columns
        a, b = app.screen.query_one("#side-a").region, app.screen.query_one("#side-b").region
        assert a.y == b.y  # 80 columns still fit the passages side by side
        await pilot.resize_terminal(70, 30)
        await pilot.pause()
        a, b = app.screen.query_one("#side-a").region, app.screen.query_one("#side-b").region
        assert b.y > a.y and a.width == b.width  # narrower: stacked
        await pilot.resize_terminal(120, 34)
        await pilot.pause()
        assert not table(app).compact and "documents" in table(app).columns
        assert table(app).current_id == "num1"


async def test_no_conflicts_is_a_calm_empty_screen(make_review, wait_loaded, documents, store):
    from checker.models import Analysis

    app = make_review(Analysis(documents=list(documents), conflicts=[]))
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("c", "d", "n", "o", "u", "j")
        assert isinstance(app.screen, ReviewScreen)
        assert "no conflicts" in plain(app.screen.query_one("#summary", Static))
        assert store.load() == {}


async def test_no_color_keeps_highlights_visible(make_review, wait_loaded, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_review()
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        pane = app.screen.query_one("#side-a")
        assert pane.get_component_rich_style("passage--value", partial=True).reverse


async def test_unexpected_load_error_exits_3_without_a_traceback(store):
    def load(progress):
        raise ZeroDivisionError("boom")

    app = make_app(load, store)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert app.return_code == 3
    assert isinstance(app.load_error, ZeroDivisionError)
