"""Issue 13 item 7: q and Ctrl+C quit the review app; its footer fits 80 columns; the rest is in ? help."""

from __future__ import annotations

import io

from rich.console import Console
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from tui.screens.help import HelpScreen
from tui.screens.modals import PromptScreen
from tui.screens.review import ReviewScreen

SIZE = (80, 24)


def footer_keys(app) -> list[FooterKey]:
    return list(app.screen.query_one(Footer).query(FooterKey))


async def test_footer_fits_80_columns(make_review, wait_loaded):
    app = make_review()
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.pause()
        keys = footer_keys(app)
        assert keys
        for key in keys:
            region = key.region
            assert region.width > 0 and region.right <= SIZE[0], (key.key, region)
        assert {"c", "d", "question_mark", "q"} <= {key.key for key in keys}


async def test_every_key_left_out_of_the_footer_is_in_help(make_review, wait_loaded):
    app = make_review()
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        in_footer = {key.key for key in footer_keys(app)}
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        console = Console(width=200, record=True, file=io.StringIO())
        console.print(app.screen._table())
        help_text = console.export_text()
    for binding in ReviewScreen.BINDINGS:
        if binding.key not in in_footer:
            assert binding.tooltip in help_text, binding.key


async def test_q_quits(make_review, wait_loaded):
    app = make_review()
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_ctrl_c_quits(make_review, wait_loaded):
    app = make_review()
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert not app.is_running


async def test_ctrl_c_while_loading_quits(store):
    import threading

    from tui.app import make_app

    release = threading.Event()

    def load(progress):
        release.wait(5)
        raise SystemExit  # never reached in time; the app must not wait for it

    app = make_app(load, store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert not app.is_running
        release.set()


async def test_quit_with_an_unsaved_note_asks_first(make_review, wait_loaded):
    app = make_review()
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, PromptScreen)
        await pilot.press("h", "i")
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert app.is_running  # a confirmation is shown instead
        await pilot.press("ctrl+c")  # pressed again: quit for real
        await pilot.pause()
        assert not app.is_running


async def test_document_and_diff_footers_fit_80_columns(make_review, wait_loaded):
    app = make_review()
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        for key, back in (("o", "escape"), ("v", "escape")):
            await pilot.press(key)
            await pilot.pause()
            assert not isinstance(app.screen, ReviewScreen)
            keys = footer_keys(app)
            assert keys and all(k.region.width > 0 and k.region.right <= SIZE[0] for k in keys)
            await pilot.press(back)
            await pilot.pause()
