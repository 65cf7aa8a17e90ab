"""Two reports side by side as a revision diff: the facts that changed on the left, the text hunks on the right.

A conflict often sits between two versions of one story (a wire update, a corrected briefing); seeing which other
facts moved with the disputed one tells the analyst whether the newer report is a correction or a rival. The diff
is the core's (``checker.diff.diff_documents``), computed in a worker thread because it runs the extractor over
the changed sentences. Report text reaches the screen as ``rich.text.Text`` built from cleaned strings, never
markup; the word marks come from component classes so themes and NO_COLOR apply (reverse/underline then).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass

from rich.style import Style
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from checker.diff import diff_documents
from checker.diff.text import END_CHARS, KEEP_CHARS
from checker.errors import CheckerError
from checker.models import Document, FactChange, FactSide, Polarity, RevisionDiff, TextHunk

from tui.sanitize import clean, clean_line

MAX_HUNKS = 300
"""Hunks shown at most: two unrelated reports differ everywhere, and a widget per hunk is not free."""

FACT_MARK = {"changed": "~", "added": "+", "removed": "-"}
ARROW = " \u2192 "
_WHITESPACE = re.compile(r"\s+")


def diff_pair(a: Document, b: Document) -> tuple[Document, Document]:
    """(old, new) for a conflict's two documents: side A first, unless both are dated and A is the later one."""
    if a.date is not None and b.date is not None and a.date > b.date:
        return b, a
    return a, b


def _flat(text: str) -> str:
    """Report text on one line: controls replaced, whitespace runs (newlines too) folded to one space."""
    return _WHITESPACE.sub(" ", clean(text))


def _elide(text: str) -> str:
    """Long unchanged runs keep only their ends, so a moved paragraph does not fill the pane."""
    return text if len(text) <= KEEP_CHARS else f"{text[:END_CHARS]} \u2026 {text[-END_CHARS:]}"


STANCE_ASPECTS = ("polarity", "modality", "source", "time")
"""Aspects shown beside each side's words; a changed value is already visible in the words themselves."""


def _side(side: FactSide | None, aspects: Iterable[str]) -> Text:
    """The fact's words in one version, then the changed stance aspects (polarity, source...) dimmed in brackets."""
    if side is None:
        return Text("(absent)", style="italic")
    text = Text(clean_line(side.text).strip())
    stance = [f"{a}: {clean_line(str(getattr(side, a) or 'none'))}" for a in STANCE_ASPECTS if a in aspects]
    if stance:
        text.append(f" ({'; '.join(stance)})", style="dim")
    return text


def fact_entry(change: FactChange) -> Text:
    """One fact change as two lines: kind, subject and attribute; then old -> new words and what changed."""
    text = Text()
    text.append(f"{FACT_MARK[change.kind]} {change.kind}", style="bold")
    text.append(f"  {clean_line(change.subject)}", style="bold")
    text.append(f" \u00b7 {clean_line(change.attribute)}")
    if change.kind == "changed":
        text.append("\n  ")
        text.append_text(_side(change.old, change.aspects))
        text.append(ARROW)
        text.append_text(_side(change.new, change.aspects))
    else:  # a fact that appeared or disappeared: its stance is part of what the analyst needs to read
        side = change.new if change.kind == "added" else change.old
        shown = [a for a in ("polarity", "source") if side and getattr(side, a) not in (None, Polarity.AFFIRMED)]
        text.append("\n  ")
        text.append_text(_side(side, shown))
    if change.aspects:
        text.append(f"  [{', '.join(change.aspects)}]", style="dim")
    return text


@dataclass(frozen=True)
class HunkIndex:
    """Finds the hunk holding a fact's value, by the value's offset in the new (else old) version."""

    new_starts: list[int]
    new_hunks: list[int]
    old_starts: list[int]
    old_hunks: list[int]

    @classmethod
    def build(cls, hunks: list[TextHunk]) -> HunkIndex:
        new = sorted((h.new.start, i) for i, h in enumerate(hunks) if h.new is not None)
        old = sorted((h.old.start, i) for i, h in enumerate(hunks) if h.old is not None)
        return cls([s for s, _ in new], [i for _, i in new], [s for s, _ in old], [i for _, i in old])

    def find(self, hunks: list[TextHunk], change: FactChange) -> int | None:
        for side, starts, found, attr in (
            (change.new, self.new_starts, self.new_hunks, "new"),
            (change.old, self.old_starts, self.old_hunks, "old"),
        ):
            if side is None:
                continue
            at = bisect.bisect_right(starts, side.start) - 1
            if at >= 0:
                span = getattr(hunks[found[at]], attr)
                if span.start <= side.start < span.end:
                    return found[at]
        return None


class HunkList(VerticalScroll):
    """The text hunks, one ``Static`` each, with word marks styled by component classes."""

    COMPONENT_CLASSES = {"diff--head", "diff--delete", "diff--insert"}

    def show(self, diff: RevisionDiff) -> None:
        self.remove_children()
        if not diff.text:
            self.mount(Static(Text("The two texts are the same.", style="italic"), classes="diff-hunk"))
            return
        head = self.get_component_rich_style("diff--head", partial=True)
        styles = {
            "equal": Style(),
            "delete": self.get_component_rich_style("diff--delete", partial=True),
            "insert": self.get_component_rich_style("diff--insert", partial=True),
        }
        old, new = clean_line(diff.old.path), clean_line(diff.new.path)
        widgets = [
            Static(render_hunk(h, old, new, head, styles), classes="diff-hunk", id=f"hunk-{i}")
            for i, h in enumerate(diff.text[:MAX_HUNKS])
        ]
        if len(diff.text) > MAX_HUNKS:
            more = len(diff.text) - MAX_HUNKS
            note = f"\u2026 {more} more hunks: run `checker diff` on the two files for all of them."
            widgets.append(Static(Text(note, style="italic"), classes="diff-hunk"))
        self.mount_all(widgets)
        self.scroll_home(animate=False)


def render_hunk(hunk: TextHunk, old_path: str, new_path: str, head: Style, styles: dict[str, Style]) -> Text:
    """A header (where, what kind) and the hunk's words; deletions and insertions carry their styles."""
    where = []
    if hunk.old is not None:
        where.append(f"{old_path}:{hunk.old.line}")
    if hunk.new is not None:
        where.append(f"{new_path}:{hunk.new.line}")
    text = Text("@@ " + ARROW.join(where) + " @@ ", style=head)
    text.append(hunk.kind, style="bold")
    text.append("\n")
    if hunk.words:
        for word in hunk.words:
            words = _flat(word.text)
            text.append(_elide(words) if word.op == "equal" else words, style=styles[word.op])
    elif hunk.kind == "removed" and hunk.old is not None:
        text.append(_elide(_flat(hunk.old.text)), style=styles["delete"])
    elif hunk.kind == "added" and hunk.new is not None:
        text.append(_elide(_flat(hunk.new.text)), style=styles["insert"])
    else:  # moved unchanged
        span = hunk.new or hunk.old
        text.append(_elide(_flat(span.text if span else "")))
    return text


def describe_versions(old: Document, new: Document) -> Text:
    """Which document is old and which new, with title, source and date, one line each."""
    text = Text()
    for n, (label, doc) in enumerate((("old", old), ("new", new))):
        if n:
            text.append("\n")
        text.append(f"{label}: ", style="bold")
        text.append(clean_line(doc.title or doc.path), style="bold")
        details = [clean_line(d) for d in (doc.source, doc.date.isoformat() if doc.date else None, doc.path) if d]
        text.append("  " + " \u00b7 ".join(details), style="dim")
    return text


def describe_counts(diff: RevisionDiff) -> Text:
    counts = {k: sum(1 for c in diff.changes if c.kind == k) for k in FACT_MARK}
    hunks = len(diff.text)
    return Text(
        f"facts: {counts['changed']} changed, {counts['added']} added, {counts['removed']} removed"
        f" \u00b7 text: {hunks} hunk{'' if hunks == 1 else 's'}",
        style="bold",
    )


class DiffScreen(Screen[None]):
    """The revision diff of two documents; highlighting a fact scrolls the text to its hunk."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", tooltip="Return to the conflict list"),
        Binding("q", "app.pop_screen", "Back", show=False, tooltip="Return to the conflict list"),
    ]

    class Computed(Message):
        def __init__(self, diff: RevisionDiff) -> None:
            super().__init__()
            self.diff = diff

    class Failed(Message):
        def __init__(self, error: CheckerError) -> None:
            super().__init__()
            self.error = error

    def __init__(self, old: Document, new: Document) -> None:
        super().__init__()
        self.old = old
        self.new = new
        self.diff: RevisionDiff | None = None
        """Set once the worker has delivered the diff."""
        self._hunks = HunkIndex([], [], [], [])

    def compose(self) -> ComposeResult:
        yield Static(describe_versions(self.old, self.new), id="diff-meta")
        yield Static(Text("Comparing\u2026", style="italic"), id="diff-counts")
        with Horizontal(id="diff-main"):
            yield OptionList(id="diff-facts")
            yield HunkList(id="diff-text")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#diff-main").loading = True
        self.compute()

    @work(thread=True, exclusive=True, group="diff")
    def compute(self) -> None:
        """Run the core's diff off the UI thread: it extracts the changed sentences' facts."""
        worker = get_current_worker()
        try:
            diff = diff_documents(self.old, self.new)
        except CheckerError as error:
            self.post_message(self.Failed(error))
            return
        if not worker.is_cancelled:
            self.post_message(self.Computed(diff))

    def on_diff_screen_failed(self, message: Failed) -> None:
        self.query_one("#diff-main").loading = False
        self.query_one("#diff-counts", Static).update(Text("The diff could not be computed.", style="bold"))
        self.notify(str(message.error), title="Diff failed", severity="error", markup=False)

    def on_diff_screen_computed(self, message: Computed) -> None:
        diff = self.diff = message.diff
        self._hunks = HunkIndex.build(diff.text)
        self.query_one("#diff-counts", Static).update(describe_counts(diff))
        facts = self.query_one("#diff-facts", OptionList)
        facts.clear_options()
        if diff.changes:
            facts.add_options([Option(fact_entry(c), id=f"fact-{i}") for i, c in enumerate(diff.changes)])
        else:
            facts.add_option(Option(Text("No facts changed.", style="italic"), disabled=True))
        self.query_one(HunkList).show(diff)
        self.query_one("#diff-main").loading = False
        facts.focus()
        if diff.changes:
            facts.highlighted = 0

    @on(OptionList.OptionHighlighted, "#diff-facts")
    def _fact_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if self.diff is None or event.option_id is None:
            return
        change = self.diff.changes[int(event.option_id.removeprefix("fact-"))]
        index = self._hunks.find(self.diff.text, change)
        if index is None or index >= MAX_HUNKS:
            return
        hunks = self.query_one(HunkList)
        target = hunks.query(f"#hunk-{index}")
        if target:
            hunks.scroll_to_widget(target.first(), animate=False, top=True)
