"""Locate a conflict's evidence in its document and cut a readable passage around it.

Evidence offsets are raw offsets (into ``Document.raw``). For text and Markdown the UI shows ``raw`` itself; for
HTML it shows the analysed ``text`` (tags would bury the prose), so raw offsets are mapped back through the
document's segments. The sentence boundaries here are deliberately cheap: they only decide how much context to
show, never what the core compared.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from checker.models import Document, Evidence

CONTEXT_CHARS = 320
"""How far to look for the neighbouring sentence on each side before clipping with an ellipsis."""

# A sentence ends at terminal punctuation (plus closing quotes/brackets) followed by space and a word that does not
# start in lower case ("U.S. forces" is not split), or at a blank line. A period right after a short capitalised
# word or an initial ("Oct. 25", "Mr. Kim", "J. Smith") is taken for an abbreviation: at worst that shows a little
# more context than one sentence.
_BOUNDARY = re.compile(r"[.!?\u2026\u3002\uff01\uff1f][\"'\u201d\u2019)\]]*(?=\s+(?![a-z]))|\n[ \t]*\n")
_ABBREVIATION = re.compile(r"(?:^|[\s(\"'\u201c])[A-Z][a-z]{0,2}\.$")


def _boundaries(text: str, start: int = 0) -> Iterator[re.Match[str]]:
    for m in _BOUNDARY.finditer(text, start):
        if text[m.start()] == "." and _ABBREVIATION.search(text, max(0, m.start() - 5), m.start() + 1):
            continue
        yield m


class DocumentView:
    """A document as the UI shows it: the displayed string and raw -> displayed offset mapping."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.uses_text = document.format == "html" and document.segments is not None
        self.text = document.text if self.uses_text else document.raw
        segments = document.segments or []
        self._raw_starts = [s.raw_start for s in segments]

    def to_display(self, raw_offset: int) -> int:
        """Map a raw offset to an offset into ``self.text``; offsets inside markup snap to the next text."""
        if not self.uses_text:
            return min(max(raw_offset, 0), len(self.text))
        segments = self.document.segments or []
        if not segments:
            return 0
        i = bisect.bisect_right(self._raw_starts, raw_offset) - 1
        if i < 0:
            return segments[0].text_start
        seg = segments[i]
        return seg.text_start + min(raw_offset - seg.raw_start, seg.length)

    def to_display_end(self, raw_end: int) -> int:
        """Map an exclusive raw end offset (the character before it is the last one covered)."""
        if raw_end <= 0:
            return 0
        return self.to_display(raw_end - 1) + 1 if self.uses_text else self.to_display(raw_end)


@dataclass(frozen=True)
class Passage:
    """One side of a conflict ready to render: context before, the sentence, context after, value within it."""

    before: str
    sentence: str
    after: str
    value: tuple[int, int] | None  # offsets into ``sentence``
    clipped_before: bool = False
    clipped_after: bool = False


def _value_range(sentence: str, start: int, end: int, value: str) -> tuple[int, int] | None:
    """The value's place in the sentence: the given offsets when they are sane, else the first occurrence."""
    if 0 <= start < end <= len(sentence):
        return start, end
    if value:
        at = sentence.find(value)
        if at >= 0:
            return at, at + len(value)
    return None


def _start_of_previous(text: str, start: int, limit: int) -> tuple[int, bool]:
    lo = max(0, start - limit)
    head = text[lo:start].rstrip()
    if not head:
        return start, False
    last = None
    for last in _boundaries(head):
        pass
    if last is None:
        return lo, lo > 0
    at = lo + last.end()
    while at < start and text[at].isspace():
        at += 1
    return at, False


def _end_of_next(text: str, end: int, limit: int) -> tuple[int, bool]:
    tail = text[end : end + limit]
    lead = len(tail) - len(tail.lstrip())
    if lead == len(tail):
        return end, False
    m = next(_boundaries(tail, lead + 1), None)
    if m is None:
        return end + len(tail), end + len(tail) < len(text)
    return end + len(tail[: m.end()].rstrip()), False


def passage(evidence: Evidence, view: DocumentView | None, limit: int = CONTEXT_CHARS) -> Passage:
    """Cut the evidence sentence with one sentence of context on each side out of its document.

    Without the document (or with offsets that do not fit it, e.g. the file changed) the evidence's own text is
    shown, so the review never fails on a stale analysis.
    """
    if view is not None:
        text = view.text
        start, end = view.to_display(evidence.start), view.to_display_end(evidence.end)
        if 0 <= start < end <= len(text):
            v_start = view.to_display(evidence.value_start) - start
            v_end = view.to_display_end(evidence.value_end) - start
            sentence = text[start:end]
            before_at, clipped_before = _start_of_previous(text, start, limit)
            after_at, clipped_after = _end_of_next(text, end, limit)
            return Passage(
                before=text[before_at:start],
                sentence=sentence,
                after=text[end:after_at],
                value=_value_range(sentence, v_start, v_end, evidence.value),
                clipped_before=clipped_before,
                clipped_after=clipped_after,
            )
    sentence = evidence.text
    rel = evidence.value_start - evidence.start, evidence.value_end - evidence.start
    value = _value_range(sentence, *rel, evidence.value)
    if value is not None and sentence[value[0] : value[1]] != evidence.value and evidence.value in sentence:
        value = _value_range(sentence, -1, -1, evidence.value)
    return Passage(before="", sentence=sentence, after="", value=value)
