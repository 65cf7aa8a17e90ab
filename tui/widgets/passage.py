"""One side of a conflict: the sentence with a sentence of context each side, the value words highlighted.

Where the side comes from (title, source, date, file and line) sits in the pane's border so the text gets every
line of a small terminal. Styles come from component classes set in the stylesheet rather than hard-coded colours,
so themes and NO_COLOR apply; the text is always a ``rich.text.Text`` built from cleaned report text, never markup.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from checker.models import Document, Evidence, Modality, Polarity

from tui.context import DocumentView, Passage, passage
from tui.sanitize import clean, clean_line


def document_title(document: Document | None, evidence: Evidence) -> str:
    title = document.title if document and document.title else None
    return clean_line(title or evidence.path)


def document_details(document: Document | None, evidence: Evidence) -> str:
    """Source, date, position and how firmly the claim is made, in one line."""
    details = []
    source = evidence.source or (document.source if document else None)
    if source:
        details.append(clean_line(source))
    if document and document.date:
        details.append(document.date.isoformat())
    details.append(f"{clean_line(evidence.path)}:{evidence.line}:{evidence.column}")
    if evidence.polarity is not Polarity.AFFIRMED:
        details.append(evidence.polarity.value)
    if evidence.modality is not Modality.ASSERTED:
        details.append(evidence.modality.value.replace("_", " "))
    return " \u00b7 ".join(details)


def describe_document(document: Document | None, evidence: Evidence) -> Text:
    """Title on one line, details on the next: the header of the document view."""
    text = Text(document_title(document, evidence), style="bold")
    text.append("\n" + document_details(document, evidence))
    return text


class PassagePane(VerticalScroll):
    """A scrollable, read-only view of one evidence passage."""

    COMPONENT_CLASSES = {"passage--context", "passage--sentence", "passage--value"}
    can_focus = True

    def __init__(self, label: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.label = label
        self.border_title = Text(label)

    def compose(self) -> ComposeResult:
        yield Static(classes="passage-body")

    def clear(self) -> None:
        self.border_title = Text(self.label)
        self.border_subtitle = None
        self.query_one(".passage-body", Static).update(Text())

    def show(self, evidence: Evidence, view: DocumentView | None) -> None:
        document = view.document if view else None
        self.border_title = Text(f"{self.label} \u00b7 {document_title(document, evidence)}")
        self.border_subtitle = Text(document_details(document, evidence))
        self.query_one(".passage-body", Static).update(self.render_passage(passage(evidence, view)))
        self.scroll_home(animate=False)

    def render_passage(self, p: Passage) -> Text:
        """Context dimmed, the sentence plain, the value words highlighted."""
        context = self.get_component_rich_style("passage--context", partial=True)
        sentence_style = self.get_component_rich_style("passage--sentence", partial=True)
        value_style = self.get_component_rich_style("passage--value", partial=True)
        text = Text()
        if p.clipped_before:
            text.append("\u2026", style=context)
        text.append(clean(p.before), style=context)
        at = len(text)
        text.append(clean(p.sentence), style=sentence_style)
        if p.value is not None:
            text.stylize(value_style, at + p.value[0], at + p.value[1])
        text.append(clean(p.after), style=context)
        if p.clipped_after:
            text.append("\u2026", style=context)
        return text
