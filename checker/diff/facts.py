"""Which facts changed: assertions of the changed sentences, paired old to new as ``checker check`` lines up claims.

Only sentences that differ are looked at, so an unchanged paragraph never yields a "change". Small reports are
extracted whole (the extractor then sees every sentence before the changed one, for "they" and surnames); large ones
only through a short excerpt -- the changed sentences and a little text before each -- so diffing two megabytes
costs little more than aligning them.

Pairing and judging call the comparison's own functions, never a copy of them: its blocks and alignment score say
which old and new claims are one fact ("Northwind's revenue" / "revenue at Northwind Corp"), its registered conflict
kinds say whether the value changed ("about 11,000" / "nearly 11,000" and "700 km" / "435 miles" did not; "on 3
June" / "on 5 June" and "closed" / "remained open" did), and its restatement rule finds a value changed inside a
sentence no claim-frame rule read. So ``checker diff`` and ``checker check`` agree on what counts as the same fact.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from checker.compare.align import block_key
from checker.compare.engine import CompareOptions, aligned_pair, disagreement
from checker.compare.messages import negated
from checker.compare.restatement import restated_pairs
from checker.compare.similarity import FrameView
from checker.compare.values import comparable
from checker.diff.align import Alignment, Sent
from checker.extract import extract_document
from checker.models import Alignment as ClaimAlignment
from checker.models import (
    Assertion,
    ConflictKind,
    DiffAspect,
    Document,
    Event,
    FactChange,
    FactSide,
    Place,
    Polarity,
    Quantity,
    Segment,
    Statement,
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


# The reference date of two undated versions: any fixed day (only its equality for both versions matters).
_UNDATED = dt.date(2000, 1, 1)
# A revision is the same report at two moments: every pair of versions counts as "over time" (see ``Judge``), and a
# figure moved by more than this share of itself was changed, not rounded ("$4.23 billion" -> "$4.2 billion" and
# "61%" -> "61.2 percent" are rounding; "41,200" -> "42,000" is a new figure).
REVISION_TOLERANCE = 0.01
_OVER_TIME = CompareOptions(tolerance=REVISION_TOLERANCE, change_after_days=-1)


@dataclass
class Judge:
    """How two versions of a fact are compared: the comparison's own rules (``checker.compare.engine``: the
    alignment score and its acceptance rule, the scope gate and the registered conflict kinds), so ``checker diff``
    and ``checker check`` agree on what is one fact and on when two values of it differ.

    A revision is one report at two moments, so a figure is judged by the ``change`` kind, which compares figures
    as written within ``REVISION_TOLERANCE`` ("about 10,000" -> "about 11,000" moved; "about 11,000" -> "nearly
    11,000", "61%" -> "61.2 percent" and "700 km" -> "435 miles" did not). The claims' own times are left out of
    that judgement (a moved "as of" date is the ``time`` aspect, compared as written); both versions share one
    reference date, so relative dates ("on Monday") still meet. ``views`` caches frame views."""

    dates: Mapping[str, dt.date | None] = field(default_factory=dict)
    options: CompareOptions = _OVER_TIME
    views: dict[int, FrameView] = field(default_factory=dict)

    @classmethod
    def of(cls, old: Document, new: Document) -> Judge:
        when = new.date or old.date or _UNDATED
        return cls(dates={old.path: when, new.path: when})

    def aligned(self, o: Assertion, n: Assertion) -> ClaimAlignment | None:
        return aligned_pair(o, n, self.views)

    def kind(self, o: Assertion, n: Assertion) -> ConflictKind | None:
        if o.time is not None or n.time is not None:
            o, n = o.model_copy(update={"time": None}), n.model_copy(update={"time": None})
        return disagreement(o, n, dates=self.dates, options=self.options)


def _incomparable(a: Assertion, b: Assertion) -> bool:
    va, vb = a.value, b.value
    return isinstance(va, Quantity) and isinstance(vb, Quantity) and not comparable(va, vb)


def aspects(old: Assertion, new: Assertion, judge: Judge | None = None) -> list[DiffAspect]:
    """What differs between two versions of one fact. The value differs only when the registered conflict kinds
    say the two cannot both be true ("about 11,000" and "nearly 11,000", "61%" and "61.2 percent", "700 km" and
    "435 miles" are one value; "closed" and "remained open" are opposite outcomes); polarity, modality, source
    and the claim's own time are compared as written."""
    judge = judge or Judge()
    out: list[DiffAspect] = []
    kind = judge.kind(old, new) if _state(old) != _state(new) else None
    if kind == ConflictKind.POLARITY or old.polarity != new.polarity:
        out.append("polarity")
    if kind is not None and kind != ConflictKind.POLARITY and _value_key(old) != _value_key(new):
        out.append("value")
    if kind is None and _incomparable(old, new):
        out.append("value")  # "$5 million" -> "EUR 5 million": never converted, so never the same figure
    if kind is not None and not out:
        out.append("value")
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


class FactPair(NamedTuple):
    """An old and a new version of one fact (either may be missing) and what differs between them."""

    old: Assertion | None
    new: Assertion | None
    aspects: list[DiffAspect]


# Above this many old x new claims in one block, only claims of linked sentences or with the same subject key are
# scored against each other (a long rewrite of a long report stays linear in practice).
MAX_BLOCK_PAIRS = 400


def pair_facts(
    olds: Sequence[Assertion],
    news: Sequence[Assertion],
    old_links: Sequence[object] | None = None,
    new_links: Sequence[object] | None = None,
    judge: Judge | None = None,
) -> list[FactPair]:
    """Old and new assertions paired one to one, as ``checker check`` lines up claims of two reports.

    Facts stated identically (same subject key, aspect and value as written) pair first. The rest meet inside the
    comparison's blocks (``compare.align.block_key``: the aspect and the thing's concept, so "closed" meets
    "opened") and pair when their alignment score clears the comparison's threshold
    (``compare.engine.aligned_pair``), or when they stand in linked sentences (a changed sentence and its new
    version) with the same subject key and aspect. Among those, pairs that state the same fact come first, then
    pairs of linked sentences, each by score. Claims left over in linked sentences with the same subject key and
    attribute pair last (the date of an event whose verb changed); the rest stand alone (added or removed).

    Returned in the new version's order; pairs stating the same fact are included with no aspects.
    """
    judge = judge or Judge()
    old_links = old_links or [None] * len(olds)
    new_links = new_links or [None] * len(news)
    pairs: list[tuple[int | None, int | None]] = []
    free_o = set(range(len(olds)))
    free_n = set(range(len(news)))

    # 1. The same fact stated the same way: linked sentences first.
    exact: dict[tuple, list[int]] = {}
    for j, n in enumerate(news):
        exact.setdefault((n.subject_key, n.aspect, _state(n)), []).append(j)
    for linked_only in (True, False):
        for i in sorted(free_o):
            o = olds[i]
            js = exact.get((o.subject_key, o.aspect, _state(o)), [])
            j = next((j for j in js if j in free_n and (not linked_only or _linked(old_links[i], new_links[j]))), None)
            if j is not None:
                pairs.append((i, j))
                free_o.discard(i)
                free_n.discard(j)

    # 2. Scored candidates inside the comparison's blocks.
    blocks: dict[tuple, tuple[list[int], list[int]]] = {}
    for i in sorted(free_o):
        blocks.setdefault(block_key(olds[i]), ([], []))[0].append(i)
    for j in sorted(free_n):
        blocks.setdefault(block_key(news[j]), ([], []))[1].append(j)
    ranked: list[tuple[tuple, int, int, list[DiffAspect]]] = []
    for os_, ns in blocks.values():
        if not os_ or not ns:
            continue
        crowded = len(os_) * len(ns) > MAX_BLOCK_PAIRS
        for i in os_:
            o = olds[i]
            for j in ns:
                n = news[j]
                linked = _linked(old_links[i], new_links[j])
                same_key = o.subject_key == n.subject_key and o.aspect == n.aspect
                if crowded and not (linked or same_key):
                    continue
                alignment = judge.aligned(o, n)
                if alignment is None and not (linked and same_key):
                    continue
                diff = aspects(o, n, judge)
                rank = (not diff and linked, not diff, linked, alignment.score if alignment else 0.0)
                ranked.append((rank, i, j, diff))
    ranked.sort(key=lambda r: (r[0], -r[1], -r[2]), reverse=True)
    found: dict[tuple[int, int], list[DiffAspect]] = {}
    for _, i, j, diff in ranked:
        if i in free_o and j in free_n:
            pairs.append((i, j))
            found[(i, j)] = diff
            free_o.discard(i)
            free_n.discard(j)
    # 3. Left over in a changed sentence and its new version: the same subject and attribute under another verb
    #    ("closed on Monday" / "reopened on Monday": the date of the event that changed is the same date).
    for i in sorted(free_o):
        o = olds[i]
        for j in sorted(free_n):
            n = news[j]
            if _linked(old_links[i], new_links[j]) and (o.subject_key, o.attribute) == (n.subject_key, n.attribute):
                pairs.append((i, j))
                found[(i, j)] = aspects(o, n, judge)
                free_o.discard(i)
                free_n.discard(j)
                break
    pairs.extend((i, None) for i in free_o)
    pairs.extend((None, j) for j in free_n)

    def order(p: tuple[int | None, int | None]) -> tuple[int, int]:
        i, j = p
        return (news[j].value_span.start if j is not None else -1, olds[i].value_span.start if i is not None else -1)

    pairs.sort(key=order)
    return [
        FactPair(
            olds[i] if i is not None else None,
            news[j] if j is not None else None,
            found.get((i, j), []) if i is not None and j is not None else [],
        )
        for i, j in pairs
    ]


def _linked(lo: object, ln: object) -> bool:
    return lo is not None and lo is ln


# --------------------------------------------------------------------------------------------------- changes


def fact_changes(old: Document, new: Document, alignment: Alignment) -> list[FactChange]:
    """Facts changed, added and removed between two aligned versions."""
    old_targets = [s for s in alignment.old_sentences() if s.partner is None or s.partner.key != s.key]
    new_targets = [t for t in alignment.new_sentences() if t.partner is None or t.partner.key != t.key]
    olds, old_statements = extracted(old, old_targets)
    news, new_statements = extracted(new, new_targets)
    # A changed sentence and its new version share a link: the old sentence object.
    old_links = [s for _, s in olds]
    new_links = [t.partner for _, t in news]
    judge = Judge.of(old, new)
    pairs = pair_facts([a for a, _ in olds], [a for a, _ in news], old_links, new_links, judge)
    if old.path != new.path:
        by_sentence = {id(t.partner): st for st, t in new_statements if t.partner is not None}
        linked = [(st, by_sentence[id(s)]) for st, s in old_statements if id(s) in by_sentence]
        pairs = with_restatements(pairs, old.path, new.path, linked, judge)
    return [c for c in (change(p) for p in pairs) if c is not None]


def with_restatements(
    pairs: Sequence[FactPair],
    old_path: str,
    new_path: str,
    sentences: Sequence[tuple[Statement, Statement]],
    judge: Judge,
) -> list[FactPair]:
    """``pairs`` and the values changed inside a changed sentence and its new version that are otherwise the same
    words, as the comparison finds them between two reports (``compare.restatement``): "will rule on 3 June" /
    "will rule on 5 June" is a moved date even when no claim-frame rule read the sentence. A restated value the
    claim frames already paired is theirs; an added and a removed frame fact at the two values of a restatement
    are that one changed fact."""
    paired = {(p.old.path, p.old.value_span.start) for p in pairs if p.old is not None and p.new is not None}
    paired |= {(p.new.path, p.new.value_span.start) for p in pairs if p.old is not None and p.new is not None}
    changed_sentences = {(p.old.evidence.start, p.new.evidence.start) for p in pairs if p.old and p.new and p.aspects}
    extra: list[FactPair] = []
    for old_statement, new_statement in sentences:
        if (old_statement.evidence.start, new_statement.evidence.start) in changed_sentences:
            continue  # the claim frames already say what changed in this sentence
        for left, right in restated_pairs({old_path: [old_statement], new_path: [new_statement]}, linked=True):
            o, n = (left, right) if left.path == old_path else (right, left)
            if (o.path, o.value_span.start) in paired or (n.path, n.value_span.start) in paired:
                continue
            if judge.kind(o, n) is not None:
                extra.append(FactPair(o, n, aspects(o, n, judge)))
    if not extra:
        return list(pairs)
    spans = {(a.path, a.value_span.start, a.value_span.end) for p in extra for a in (p.old, p.new)}
    kept = [p for p in pairs if (p.old and p.new) or not _overlaps(p.old or p.new, spans)]  # type: ignore[arg-type]
    return sorted([*kept, *extra], key=_position)


def _overlaps(a: Assertion, spans: set[tuple[str, int, int]]) -> bool:
    vs = a.value_span
    return any(path == a.path and start < vs.end and vs.start < end for path, start, end in spans)


def _position(p: FactPair) -> tuple[int, int]:
    return (p.new.value_span.start if p.new is not None else -1, p.old.value_span.start if p.old is not None else -1)


def change(pair: FactPair) -> FactChange | None:
    """The ``FactChange`` for a pair, or ``None`` when both sides state the same fact."""
    o, n, diff = pair
    a = n or o
    assert a is not None
    if o is not None and n is not None:
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
    return extracted(doc, targets)[0]


def extracted(
    doc: Document, targets: Sequence[Sent]
) -> tuple[list[tuple[Assertion, Sent]], list[tuple[Statement, Sent]]]:
    """Assertions whose value stands in one of the ``targets`` sentences, and the statements (sentences with their
    values, for restatements) that begin in one, each with its sentence."""
    if not targets:
        return [], []
    targets = sorted(targets, key=lambda s: s.start)
    source = doc if len(doc.text) <= FULL_EXTRACT_LIMIT else excerpt(doc, targets)
    starts = [doc.to_raw(t.start) for t in targets]
    ends = [doc.to_raw(t.end - 1) + 1 for t in targets]

    def target(offset: int) -> Sent | None:
        k = bisect.bisect_right(starts, offset) - 1
        return targets[k] if k >= 0 and offset < ends[k] else None

    found = extract_document(source)
    assertions = [(a, t) for a in found.assertions if (t := target(a.value_span.start)) is not None]
    statements = [(st, t) for st in found.statements if (t := target(st.evidence.start)) is not None]
    return assertions, statements


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
    "FactPair",
    "Judge",
    "aspects",
    "assertions_in",
    "change",
    "excerpt",
    "fact_changes",
    "fact_side",
    "pair_facts",
    "value_text",
]
