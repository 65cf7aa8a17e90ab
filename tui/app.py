"""``checker review``: the analyst's side of checker, a Textual app over one analysis and a decisions file.

The app never computes conflicts: the CLI hands it a ``load(progress)`` function that runs the core, and a
decisions store. Everything the analyst decides is written to the store at once.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from functools import partial

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen


from checker.models import Analysis

from tui.screens.diff import DiffScreen
from tui.screens.document import DocumentScreen
from tui.screens.help import HelpScreen
from tui.screens.modals import PromptScreen
from tui.screens.review import ReviewScreen
from tui.state import DecisionStoreLike

Loader = Callable[[Callable[[int, int], None]], Analysis]


class ReviewApp(App[None]):
    """Hosts the review screen; global keys (help, quit) and the command palette entries live here."""

    CSS_PATH = "review.tcss"
    TITLE = "checker review"

    BINDINGS = [
        Binding("question_mark", "help", "Help", tooltip="Show every key"),
        Binding("q", "request_quit", "Quit", tooltip="Quit (decisions are already saved)"),
        Binding("ctrl+c", "request_quit", "Quit", show=False, priority=True,
                tooltip="Quit, also from a dialog (asks first if a note is not saved)"),
    ]

    QUIT_CONFIRM_SECONDS = 3.0
    """After a warning about an unsaved note, a second quit key within this time quits."""

    def __init__(
        self, load: Loader, store: DecisionStoreLike, *, title: str = "checker review", analyst: str | None = None
    ) -> None:
        super().__init__()
        self._load = load
        self._store = store
        self._analyst = analyst
        self.title = title
        self._quit_armed_at = float("-inf")
        self.load_error: Exception | None = None
        """Set when ``load`` raised; the app then exits (return code 2 for a ``CheckerError``, else 3) and the CLI
        prints the error as one readable line."""

    def unsaved_work(self) -> str | None:
        """What would be lost by quitting now. Decisions are written as they are made, so only a note typed in an
        open dialog and not yet saved with enter can be."""
        for screen in self.screen_stack:
            if isinstance(screen, PromptScreen) and screen.is_mounted and screen.unsaved:
                return "the note being typed is not saved"
        return None

    def action_request_quit(self) -> None:
        """Quit; when something is unsaved, warn first and quit on a second press."""
        unsaved = self.unsaved_work()
        now = time.monotonic()
        if unsaved and now - self._quit_armed_at > self.QUIT_CONFIRM_SECONDS:
            self._quit_armed_at = now
            self.notify(f"{unsaved.capitalize()}: press ctrl+c again to quit without it (enter saves it).",
                        title="Quit?", severity="warning", markup=False)
            return
        self.exit()

    def get_default_screen(self) -> Screen:
        return ReviewScreen(self._load, self._store, analyst=self._analyst)

    def help_sections(self) -> list[tuple[str, list]]:
        return [
            ("Conflicts", list(ReviewScreen.BINDINGS)),
            ("Document view", list(DocumentScreen.BINDINGS)),
            ("Diff view", list(DiffScreen.BINDINGS)),
            ("Everywhere", list(self.BINDINGS)),
        ]

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.help_sections()))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Put every keyed action of the current screen (and help) in the command palette."""
        yield from super().get_system_commands(screen)
        bindings = [(screen, b) for b in Binding.make_bindings(type(screen).BINDINGS)]
        bindings += [(self, b) for b in Binding.make_bindings(self.BINDINGS) if b.action == "help"]
        for owner, binding in bindings:
            if binding.system or not binding.description or binding.action == "app.pop_screen":
                continue
            key = binding.key_display or self.get_key_display(binding)
            title = binding.tooltip or binding.description
            yield SystemCommand(title, f"key: {key}", partial(owner.run_action, binding.action))


def make_app(
    load: Loader, store: DecisionStoreLike, *, title: str = "checker review", analyst: str | None = None
) -> ReviewApp:
    """Build the review app. ``load(progress)`` runs the core and calls ``progress(done, total)`` as it goes.

    ``analyst`` (optional) is stored as ``Decision.by``; nothing is taken from the environment without asking.
    """
    return ReviewApp(load, store, title=title, analyst=analyst)
