"""Which facts changed: assertions of the changed sentences, paired old to new by subject key and attribute.

Only sentences that differ are looked at, so an unchanged paragraph never yields a "change". Small reports are
extracted whole (the extractor then sees every sentence before the changed one, for "they" and surnames); large ones
only through a short excerpt -- the changed sentences and a little text before each -- so diffing two megabytes
costs little more than aligning them. Values are compared normalised (a quantity's bounds and unit, a place's key,
a date's day range, an event's verb), so a sentence reworded around the same figure is no change.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from checker.diff.align import Alignment, Sent
from checker.extract import extract_document
from checker.compare.messages import negated
from checker.models import (
    Assertion,
    DiffAspect,
    Document,
    Event,
    FactChange,
    FactSide,
    Place,
    Polarity,
    Quantity,
    Segment,
    TimeRange,
)

# Documents up to this many characters are extracted whole; longer ones through an excerpt of the changed sentences.
FULL_EXTRACT_LIMIT = 100_000
# How far before a changed sentence the excerpt reaches for context: the sentence before it, if that is shorter
# (for "they" and surnames); the excerpt never reaches across a paragraph break.
CONTEXT_CHARS = 300

_SENTENCE_END = re.compile(r"""[.!?…]["'”’)\]]*\s+""")
_SPACE = re.compile(r"\s+")

Pair = tuple[Assertion | None, Assertion | None]


# --------------------------------------------------------------------------------------------------- values


def _number(x: float) -> str:
    return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.6g}"


def value_text(a: Assertion) -> str:
    """The normalised value in words: "9,000..11,000", "Kursk Oblast (RU-KRS)", "2024-11-01..2024-11-30"."""
    v = a.value
    if isinstance(v, Quantity):
        if v.low is not None and v.low == v.high:
            body = _number(v.low)
        elif v.low is None and v.high is None:
            body = _number(v.nominal)
        elif v.low is None:
            body = f"<= {_number(v.high)}"  # type: ignore[arg-type]
        elif v.high is None:
            body = f">= {_number(v.low)}"
        else:
            body = f"{_number(v.low)}..{_number(v.high)}"
        return f"{body} {v.unit}" if v.unit else body
    if isinstance(v, Place):
        return f"{v.name} ({v.key})"
    if isinstance(v, TimeRange):
        return _range(v)
    if isinstance(v, Event):
        return v.predicate
    return str(v)  # pragma: no cover - the Value union is closed


def _range(v: TimeRange) -> str:
    return v.start.isoformat() if v.start == v.end else f"{v.start.isoformat()}..{v.end.isoformat()}"


def _value_key(a: Assertion) -> tuple:
    v = a.value
    if isinstance(v, Quantity):
        return ("q", None if v.low is None else round(v.low, 6), None if v.high is None else round(v.high, 6), v.unit)
    if isinstance(v, Place):
        return ("p", v.key)
    if isinstance(v, TimeRange):
        return ("t", v.start, v.end)
    if isinstance(v, Event):
        return ("e", v.predicate)
    return ("?", str(v))  # pragma: no cover


def _source(a: Assertion) -> str | None:
    return _SPACE.sub(" ", a.source).strip().lower() if a.source else None


def _time(a: Assertion) -> tuple | None:
    return (a.time.start, a.time.end) if a.time else None


def _state(a: Assertion) -> tuple:
    return (_value_key(a), a.polarity, a.modality, _source(a), _time(a))


def aspects(old: Assertion, new: Assertion) -> list[DiffAspect]:
    """What differs between two versions of one fact."""
    out: list[DiffAspect] = []
    if _value_key(old) != _value_key(new):
        out.append("value")
    if old.polarity != new.polarity:
        out.append("polarity")
    if old.modality != new.modality:
        out.append("modality")
    if _source(old) != _source(new):
        out.append("source")
    if _time(old) != _time(new):
        out.append("time")
    return out


def fact_side(a: Assertion) -> FactSide:
    vs = a.value_span
    return FactSide(
        start=vs.start,
        end=vs.end,
        line=vs.line,
        column=vs.column,
        text=vs.text,
        value=value_text(a),
        sentence=a.evidence.text,
        polarity=a.polarity,
        modality=a.modality,
        source=a.source,
        time=_range(a.time) if a.time else None,
    )


# --------------------------------------------------------------------------------------------------- pairing


def pair_facts(
    olds: Sequence[Assertion],
    news: Sequence[Assertion],
    old_links: Sequence[object] | None = None,
    new_links: Sequence[object] | None = None,
) -> list[Pair]:
    """Old and new assertions paired by (subject key, attribute): identical facts first, then facts of linked
    sentences (a changed sentence and its new version share a link), then in order of position; the rest alone.

    Returned in position order; pairs whose facts are identical are included (the caller decides what to show).
    """
    old_links = old_links or [None] * len(olds)
    new_links = new_links or [None] * len(news)
    groups: dict[tuple[str, tuple], tuple[list[int], list[int]]] = {}
    for i, a in enumerate(olds):
        groups.setdefault((a.subject_key, a.aspect), ([], []))[0].append(i)
    for j, a in enumerate(news):
        groups.setdefault((a.subject_key, a.aspect), ([], []))[1].append(j)
    pairs: list[tuple[int | None, int | None]] = []
    for os_, ns in groups.values():
        free_o, free_n = list(os_), list(ns)
        for rule in (_same_state_linked, _same_state, _linked, _any):
            for i in list(free_o):
                j = next((j for j in free_n if rule(olds[i], news[j], old_links[i], new_links[j])), None)
                if j is not None:
                    pairs.append((i, j))
                    free_o.remove(i)
                    free_n.remove(j)
        pairs.extend((i, None) for i in free_o)
        pairs.extend((None, j) for j in free_n)

    def order(p: tuple[int | None, int | None]) -> tuple[int, int]:
        i, j = p
        return (news[j].value_span.start if j is not None else -1, olds[i].value_span.start if i is not None else -1)

    pairs.sort(key=order)
    return [(olds[i] if i is not None else None, news[j] if j is not None else None) for i, j in pairs]


def _same_state_linked(o: Assertion, n: Assertion, lo: object, ln: object) -> bool:
    return lo is not None and lo is ln and _state(o) == _state(n)


def _same_state(o: Assertion, n: Assertion, lo: object, ln: object) -> bool:
    return _state(o) == _state(n)


def _linked(o: Assertion, n: Assertion, lo: object, ln: object) -> bool:
    return lo is not None and lo is ln


def _any(o: Assertion, n: Assertion, lo: object, ln: object) -> bool:
    return True


# --------------------------------------------------------------------------------------------------- changes


def fact_changes(old: Document, new: Document, alignment: Alignment) -> list[FactChange]:
    """Facts changed, added and removed between two aligned versions."""
    old_targets = [s for s in alignment.old_sentences() if s.partner is None or s.partner.key != s.key]
    new_targets = [t for t in alignment.new_sentences() if t.partner is None or t.partner.key != t.key]
    olds = assertions_in(old, old_targets)
    news = assertions_in(new, new_targets)
    # A changed sentence and its new version share a link: the old sentence object.
    old_links = [s for _, s in olds]
    new_links = [t.partner for _, t in news]
    pairs = pair_facts([a for a, _ in olds], [a for a, _ in news], old_links, new_links)
    return [c for c in (change(o, n) for o, n in pairs) if c is not None]


def change(o: Assertion | None, n: Assertion | None) -> FactChange | None:
    """The ``FactChange`` for a pair, or ``None`` when both sides state the same fact."""
    a = n or o
    assert a is not None
    if o is not None and n is not None:
        diff = aspects(o, n)
        if not diff:
            return None
        message = f"{_one_line(a.subject)}, {a.aspect_label}: {describe(o, diff, n)} -> {describe(n, diff, o)}"
        kind = "changed"
    else:
        diff = []
        message = f"{_one_line(a.subject)}, {a.aspect_label}: {describe(a, [], None)}"
        kind = "added" if n is not None else "removed"
    return FactChange(
        kind=kind,  # type: ignore[arg-type]
        subject=a.subject,
        subject_key=a.subject_key,
        attribute=a.aspect_label,
        aspects=diff,
        old=fact_side(o) if o is not None else None,
        new=fact_side(n) if n is not None else None,
        message=message,
    )


def describe(a: Assertion, diff: Sequence[str], other: Assertion | None) -> str:
    """One side in a few words, saying what changed: "about 10,000", "not in Kursk region (source: officials)"."""
    words = _one_line(a.value_span.text)
    if "value" in diff and other is not None and words.lower() == _one_line(other.value_span.text).lower():
        words = value_text(a)
    if a.polarity == Polarity.NEGATED:
        words = negated(words)
    notes = []
    if "modality" in diff:
        notes.append(a.modality.value)
    if "source" in diff:
        notes.append(f"source: {_one_line(a.source) if a.source else 'none'}")
    if "time" in diff:
        notes.append(f"as of {_range(a.time)}" if a.time else "no date")
    return f"{words} ({'; '.join(notes)})" if notes else words


def _one_line(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


# --------------------------------------------------------------------------------------------------- extraction


def assertions_in(doc: Document, targets: Sequence[Sent]) -> list[tuple[Assertion, Sent]]:
    """Assertions whose value stands in one of the ``targets`` sentences, each with its sentence."""
    if not targets:
        return []
    targets = sorted(targets, key=lambda s: s.start)
    source = doc if len(doc.text) <= FULL_EXTRACT_LIMIT else excerpt(doc, targets)
    starts = [doc.to_raw(t.start) for t in targets]
    ends = [doc.to_raw(t.end - 1) + 1 for t in targets]
    out: list[tuple[Assertion, Sent]] = []
    for a in extract_document(source).assertions:
        k = bisect.bisect_right(starts, a.value_span.start) - 1
        if k >= 0 and a.value_span.start < ends[k]:
            out.append((a, targets[k]))
    return out


_NEEDS_CONTEXT = re.compile(
    r"\b(?:[Tt]hey|[Tt]hem|[Tt]heir|[Ii]t|[Ii]ts|[Hh]e|[Ss]he|[Hh]is|[Hh]er|[Tt]his|[Tt]hese|[Tt]hose|[Ww]e|I)\b|"
    r"\b(?:the (?:group|company|ministry|agency|spokes\w+))\b|[\"“]"
)


def _context_start(text: str, start: int) -> int:
    """Where the excerpt for the sentence at ``start`` begins: the start of the sentence before it, when that is
    near and in the same paragraph; else the sentence itself."""
    low = max(0, start - CONTEXT_CHARS)
    floor = text.rfind("\n\n", low, start)
    floor = low if floor < 0 else floor + 2
    ends = [m.end() for m in _SENTENCE_END.finditer(text, floor, start) if m.end() < start]
    if ends:
        return ends[-1]
    return floor if floor > low or low == 0 else start


def excerpt(doc: Document, targets: Sequence[Sent]) -> Document:
    """A document of just the target sentences and a little context, whose offsets still map to ``doc.raw``."""
    text = doc.text
    ranges: list[list[int]] = []
    for t in targets:
        # Context costs extraction time; only a sentence that leans on the one before ("They said ...") needs it.
        a = _context_start(text, t.start) if _NEEDS_CONTEXT.search(text, t.start, t.end) else t.start
        if ranges and a <= ranges[-1][1]:
            ranges[-1][1] = max(ranges[-1][1], t.end)
        else:
            ranges.append([a, t.end])
    seg_starts = [s.text_start for s in doc.segments] if doc.segments else []
    parts: list[str] = []
    segments: list[Segment] = []
    pos = 0
    for a, b in ranges:
        if parts:
            parts.append("\n\n")
            pos += 2
        parts.append(text[a:b])
        segments.extend(_segments(doc, seg_starts, a, b, pos))
        pos += b - a
    return Document(
        path=doc.path,
        format=doc.format,
        title=doc.title,
        source=doc.source,
        date=doc.date,
        raw=doc.raw,
        text="".join(parts),
        segments=segments,
    )


def _segments(doc: Document, seg_starts: list[int], a: int, b: int, pos: int) -> list[Segment]:
    """Segments mapping ``text[a:b]`` of ``doc``, placed at ``pos`` of an excerpt, onto ``doc.raw``."""
    if doc.segments is None:
        return [Segment(text_start=pos, raw_start=a, length=b - a)]
    out: list[Segment] = []
    k = max(0, bisect.bisect_right(seg_starts, a) - 1)
    while k < len(doc.segments) and doc.segments[k].text_start < b:
        seg = doc.segments[k]
        lo, hi = max(seg.text_start, a), min(seg.text_start + seg.length, b)
        if hi > lo:
            out.append(Segment(text_start=pos + lo - a, raw_start=seg.raw_start + lo - seg.text_start, length=hi - lo))
        k += 1
    return out


__all__ = [
    "FULL_EXTRACT_LIMIT",
    "aspects",
    "assertions_in",
    "change",
    "excerpt",
    "fact_changes",
    "fact_side",
    "pair_facts",
    "value_text",
]
