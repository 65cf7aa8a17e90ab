"""Every key of the review app on one page, built from the screens' own ``BINDINGS`` so it cannot go stale."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

HelpSection = tuple[str, Sequence[BindingType]]

NAVIGATION: tuple[tuple[str, str], ...] = (
    ("\u2191 \u2193 j k", "Move between conflicts"),
    ("pgup pgdn home end", "Page through the list"),
    ("tab", "Move focus (table, passages)"),
    ("click header", "Sort by that column (again: reverse)"),
    ("^p", "Command palette: every action by name"),
)


class HelpScreen(ModalScreen[None]):
    """A modal table of keys; any of escape, ? or q closes it."""

    BINDINGS = [
        Binding("escape", "close", "Close"),
        Binding("question_mark", "close", "Close", show=False),
        Binding("q", "close", "Close", show=False),
    ]

    def __init__(self, sections: Iterable[HelpSection]) -> None:
        super().__init__(classes="dialog")
        self._sections = list(sections)

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog-box", id="help-box") as box:
            box.border_title = "Keys"
            box.border_subtitle = "escape to close"
            yield Static(self._table(), id="help-table")

    def _table(self) -> Table:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        table.add_row(Text("Navigation", style="bold underline"), Text())
        for key, description in NAVIGATION:
            table.add_row(Text(key), Text(description))
        for title, bindings in self._sections:
            table.add_row(Text(), Text())
            table.add_row(Text(title, style="bold underline"), Text())
            for binding in Binding.make_bindings(bindings):
                if binding.system or not binding.description:
                    continue
                key = binding.key_display or self.app.get_key_display(binding)
                description = binding.tooltip or binding.description
                table.add_row(Text(key), Text(description))
        return table

    def action_close(self) -> None:
        self.dismiss(None)
