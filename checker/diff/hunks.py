"""Text hunks from an alignment: spans in each version (raw offsets, line, column) and word marks."""

from __future__ import annotations

from checker.diff.align import Alignment
from checker.diff.words import word_changes
from checker.models import Document, TextHunk


def text_hunks(old: Document, new: Document, alignment: Alignment) -> list[TextHunk]:
    """One hunk per changed sentence, per run of added or removed sentences, and per moved block."""
    hunks: list[TextHunk] = []
    for item in alignment.items():
        old_span = old.span(item.old[0].start, item.old[-1].end) if item.old else None
        new_span = new.span(item.new[0].start, item.new[-1].end) if item.new else None
        words = []
        if item.kind == "changed":
            words = word_changes(item.old[0].text, item.new[0].text)
        elif item.kind == "moved" and item.move is not None and not item.move.identical:
            words = word_changes(
                old.text[item.old[0].start : item.old[-1].end], new.text[item.new[0].start : item.new[-1].end]
            )
        hunks.append(TextHunk(kind=item.kind, old=old_span, new=new_span, words=words))
    return hunks
