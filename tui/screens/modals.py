"""Small dialogs: a one-line prompt (dismissal reason, note) and the filter form.

Both are ``ModalScreen``s that return their answer through ``dismiss``; escape always means "cancel" and returns
``None``, so a stray keypress never records anything.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select

from checker.models import ConflictKind, DecisionStatus

from tui.sanitize import clean_line, truncate
from tui.state import STATUS_LABELS, Filters, short_path


class PromptScreen(ModalScreen[str | None]):
    """Ask for one line of text; enter returns it (possibly empty), escape returns None."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, question: str, value: str = "", placeholder: str = "") -> None:
        super().__init__(classes="dialog")
        self._title = title
        self._question = question
        self._value = value
        self._placeholder = placeholder

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box") as box:
            box.border_title = self._title
            yield Label(Text(self._question))
            yield Input(value=self._value, placeholder=self._placeholder, id="prompt-input")
            yield Label(Text("enter to save \u00b7 escape to cancel", style="dim"))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip())

    @property
    def unsaved(self) -> bool:
        """Whether the text typed so far differs from what the prompt opened with (it is not saved yet)."""
        return self.query_one("#prompt-input", Input).value.strip() != self._value.strip()

    def action_cancel(self) -> None:
        self.dismiss(None)


class FilterScreen(ModalScreen[Filters | None]):
    """Choose kind, status and document filters; the search text is kept as it was."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, current: Filters, kinds: list[ConflictKind], documents: list[tuple[str, str | None]]) -> None:
        super().__init__(classes="dialog")
        self._current = current
        self._kinds = kinds
        self._documents = documents

    def compose(self) -> ComposeResult:
        current = self._current
        with Vertical(classes="dialog-box") as box:
            box.border_title = "Filter conflicts"
            yield Label("Kind")
            yield Select(
                [(Text(k.value), k) for k in self._kinds],
                prompt="any kind",
                value=current.kind if current.kind in self._kinds else Select.NULL,
                id="filter-kind",
            )
            yield Label("Status")
            yield Select(
                [(Text(label), status) for status, label in STATUS_LABELS.items()],
                prompt="any status",
                value=current.status or Select.NULL,
                id="filter-status",
            )
            yield Label("Document")
            paths = [p for p, _ in self._documents]
            yield Select(
                [(Text(truncate(clean_line(title or short_path(p)), 60)), p) for p, title in self._documents],
                prompt="any document",
                value=current.document if current.document in paths else Select.NULL,
                id="filter-document",
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Apply", variant="primary", id="filter-apply")
                yield Button("Clear", id="filter-clear")
                yield Button("Cancel", id="filter-cancel")

    def _value(self, selector: str) -> object | None:
        value = self.query_one(selector, Select).value
        return None if value is Select.NULL else value

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "filter-apply":
            kind, status, document = (self._value(f"#filter-{n}") for n in ("kind", "status", "document"))
            self.dismiss(
                Filters(
                    kind=None if kind is None else ConflictKind(kind),
                    status=None if status is None else DecisionStatus(status),
                    document=None if document is None else str(document),
                    search=self._current.search,
                )
            )
        elif event.button.id == "filter-clear":
            self.dismiss(Filters(search=self._current.search))
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)
