"""The whole report, scrolled to a conflict's sentence, for reading around the evidence.

A read-only ``TextArea`` does the heavy lifting: it handles long files lazily, wraps, numbers lines and lets the
analyst select and copy. The evidence sentence is selected (that is the highlight) and the cursor put at its start.
The text is cleaned one-for-one first, so raw offsets still land on the right characters.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Static, TextArea
from textual.widgets.text_area import Selection

from checker.models import Evidence

from tui.context import DocumentView
from tui.sanitize import clean, clean_line
from tui.widgets.passage import describe_document


def _location(text: str, offset: int) -> tuple[int, int]:
    """0-based (row, column) of a character offset, as ``TextArea`` counts them."""
    row = text.count("\n", 0, offset)
    line_start = text.rfind("\n", 0, offset) + 1
    return row, offset - line_start


class DocumentScreen(Screen[None]):
    """One document with a conflict's sentence selected; ``o`` flips to the other side of the conflict."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", tooltip="Return to the conflict list"),
        Binding("o", "other_side", "Other side", tooltip="Show the other side of this conflict"),
    ]

    def __init__(self, sides: list[tuple[Evidence, DocumentView | None]], index: int = 0) -> None:
        super().__init__()
        self._sides = sides
        self._index = index

    def compose(self) -> ComposeResult:
        yield Static(id="document-meta")
        area = TextArea(read_only=True, soft_wrap=True, show_line_numbers=True, id="document-text")
        area.cursor_blink = False  # a viewer, not an editor: a steady cursor also keeps screenshots stable
        yield area
        yield Footer()

    def on_mount(self) -> None:
        self._show()

    def _show(self) -> None:
        evidence, view = self._sides[self._index]
        meta = describe_document(view.document if view else None, evidence)
        meta.append(f"\nside {'AB'[self._index]} \u00b7 value: ")
        meta.append(clean_line(evidence.value), style="bold")
        area = self.query_one(TextArea)
        if view is None:
            meta.append("  (document not available: showing the evidence sentence)", style="italic")
            area.load_text(clean(evidence.text))
            area.selection = Selection((0, 0), area.document.end)
        else:
            text = clean(view.text)
            area.load_text(text)
            start, end = view.to_display(evidence.start), view.to_display_end(evidence.end)
            area.selection = Selection(_location(text, end), _location(text, start))
        self.query_one("#document-meta", Static).update(meta)
        self.call_after_refresh(area.scroll_cursor_visible, center=True, animate=False)
        area.focus()

    def action_other_side(self) -> None:
        if len(self._sides) > 1:
            self._index = (self._index + 1) % len(self._sides)
            self._show()
