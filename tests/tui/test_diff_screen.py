"""The diff screen: `v` on a conflict diffs its two documents, changed facts left, word-marked text right."""

from __future__ import annotations

import threading

from rich.text import Text
from textual.widgets import OptionList, Static

import tui.screens.diff as diff_module
from checker.errors import InputError
from tui.screens.diff import DiffScreen, HunkList
from tui.screens.help import HelpScreen
from tui.screens.review import ReviewScreen

SIZE = (120, 34)


async def diffed(pilot) -> DiffScreen:  # noqa: ANN001 - Pilot is generic
    """Press `v` and wait until the worker's diff is on the screen."""
    await pilot.press("v")
    screen = pilot.app.screen
    assert isinstance(screen, DiffScreen)
    for _ in range(100):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if screen.diff is not None:
            return screen
    raise AssertionError("the diff never arrived")


def fact_lines(screen: DiffScreen) -> list[str]:
    facts = screen.query_one("#diff-facts", OptionList)
    prompts = [facts.get_option_at_index(i).prompt for i in range(facts.option_count)]
    assert all(isinstance(p, Text) for p in prompts), "report text must reach the screen as rich Text"
    return [p.plain for p in prompts]


def hunk_texts(screen: DiffScreen) -> list[Text]:
    texts = [s.content for s in screen.query_one(HunkList).query(Static)]
    assert all(isinstance(t, Text) for t in texts), "report text must reach the screen as rich Text"
    return texts


def styled(text: Text, words: str) -> list:
    """The styles of the spans covering exactly ``words`` in ``text``."""
    at = text.plain.index(words)
    return [span.style for span in text.spans if span.start == at and span.end == at + len(words)]


async def test_v_lists_changed_number_and_escape_returns(make_review, wait_loaded, revision_analysis):
    app = make_review(revision_analysis)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        screen = await diffed(pilot)
        # side A is the later report, so it is the new version
        assert (screen.old.path, screen.new.path) == ("reports/first.txt", "reports/update.txt")
        lines = fact_lines(screen)
        assert len(lines) == 1
        assert lines[0].startswith("~ changed  North Korean troops \u00b7 count")
        assert "About 10,000 \u2192 About 11,000" in lines[0] and "[value]" in lines[0]
        assert "1 changed, 0 added, 0 removed" in screen.query_one("#diff-counts", Static).content.plain
        [hunk] = hunk_texts(screen)
        assert "About 10,00011,000 North Korean troops" in hunk.plain
        assert any(s.strike for s in styled(hunk, "10,000")) and any(s.underline for s in styled(hunk, "11,000"))
        assert not screen.query_one("#diff-main").loading
        await pilot.press("escape")
        assert isinstance(app.screen, ReviewScreen)
        await diffed(pilot)
        await pilot.press("q")  # q goes back here rather than quitting
        assert isinstance(app.screen, ReviewScreen) and app.is_running


async def test_fixture_reports_list_facts_of_both_kinds(make_review, wait_loaded):
    app = make_review()
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        screen = await diffed(pilot)
        assert screen.old.path == "reports/kyiv.txt"  # dated a day before the Moscow report
        lines = fact_lines(screen)
        assert any(line.startswith("~ changed") for line in lines)
        assert any(line.startswith("+ added") for line in lines)
        # a flipped polarity is spelled out on both sides, not left to the aspect list
        assert any("(polarity: negated" in line and "(polarity: affirmed" in line for line in lines)
        assert len(hunk_texts(screen)) == len(screen.diff.text)


async def test_report_text_is_shown_literally(make_review, wait_loaded, hostile_analysis):
    app = make_review(hostile_analysis)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        screen = await diffed(pilot)
        meta = screen.query_one("#diff-meta", Static).content
        assert isinstance(meta, Text) and "[i]Title[/i]" in meta.plain
        shown = "\n".join(t.plain for t in hunk_texts(screen))
        assert "[bold]x[/bold]" in shown and "\u241b[31m" in shown and "\x1b" not in shown


async def test_loading_indicator_until_the_diff_arrives(make_review, wait_loaded, revision_analysis, monkeypatch):
    release = threading.Event()
    real = diff_module.diff_documents

    def slow(old, new):
        release.wait(5)
        return real(old, new)

    monkeypatch.setattr(diff_module, "diff_documents", slow)
    app = make_review(revision_analysis)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("v")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DiffScreen) and screen.query_one("#diff-main").loading
        assert screen.diff is None
        release.set()
        await app.workers.wait_for_complete()
        for _ in range(50):
            await pilot.pause()
            if screen.diff is not None:
                break
        assert not screen.query_one("#diff-main").loading


async def test_diff_error_is_reported(make_review, wait_loaded, revision_analysis, monkeypatch):
    def fail(old, new):
        raise InputError("reports/first.txt", "cannot read the old version")

    monkeypatch.setattr(diff_module, "diff_documents", fail)
    app = make_review(revision_analysis)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("v")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, DiffScreen)
        assert "could not be computed" in app.screen.query_one("#diff-counts", Static).content.plain
        assert any("cannot read the old version" in n.message for n in app._notifications)


async def test_no_color_marks_words_by_reverse_and_underline(make_review, wait_loaded, revision_analysis,
                                                             monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_review(revision_analysis)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        screen = await diffed(pilot)
        [hunk] = hunk_texts(screen)
        assert any(s.reverse for s in styled(hunk, "10,000"))
        assert any(s.underline for s in styled(hunk, "11,000"))


async def test_key_is_in_help_and_palette(make_review, wait_loaded):
    app = make_review()
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        titles = {c.title for c in app.get_system_commands(app.screen)}
        assert "Diff the two documents: changed facts and text" in titles
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        keys = [cell.plain for cell in app.screen.query_one("#help-table", Static).content.columns[0].cells]
        assert "Diff view" in keys and "v" in keys
