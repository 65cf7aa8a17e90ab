"""Equal values of many extraction results held once (``SharedValues``): the process that gathers results from
extraction workers (``checker.pipeline``) points every result at strings and value models it already holds."""

from __future__ import annotations

from pydantic import BaseModel

from checker.models import DocumentAssertions, Slot, Span


class SharedValues:
    """Equal values of many extraction results held once: a run of 20,000 reports holds 300,000 claim frames, and
    most of their strings (sentences that wire copy repeats, subjects, sources, units) and values ("killed", "12
    people", "in June") are equal to one already held. ``share`` makes a result received from an extraction worker
    (a fresh copy, seen by nothing else yet) point at those instead: the same values, equal in every field, fewer
    objects. Strings are shared by value; a value model only with one whose fields are equal and of the same types
    (so that ``1`` and ``1.0``, ``0.0`` and ``-0.0`` print as they did). Drop the table once the results are in."""

    def __init__(self) -> None:
        self._strings: dict[str, str] = {}
        self._values: dict[tuple, BaseModel] = {}
        self._tuples: dict[tuple, tuple] = {}
        self._spans: set[int] = set()
        self._ints: dict[int, int] = {}  # offsets past 256 are objects of their own, and few distinct ones recur

    def share(self, result: DocumentAssertions) -> DocumentAssertions:
        s = self._strings.setdefault
        d = result.__dict__
        for name in ("path", "title", "source"):
            if d[name] is not None:
                d[name] = s(d[name], d[name])
        d["countries"] = [s(c, c) for c in d["countries"]]
        d["names"] = [s(n, n) for n in d["names"]]
        spans = self._spans
        spans.clear()
        for statement in d["statements"]:
            sd = statement.__dict__
            self._span(sd["evidence"])
            if sd["slots"]:
                n = self._ints.setdefault
                sd["slots"] = tuple(Slot(self._value(v), n(at, at), n(until, until), n(start, start), n(end, end),
                                         s(text, text)) for v, at, until, start, end, text in sd["slots"])
            if sd["source"] is not None:
                sd["source"] = s(sd["source"], sd["source"])
        for a in d["assertions"]:
            ad = a.__dict__
            for name in ("path", "subject", "subject_key", "attribute", "thing", "rule"):
                ad[name] = s(ad[name], ad[name])
            for name in ("predicate", "source", "scope_place", "scope_event"):
                if ad[name] is not None:
                    ad[name] = s(ad[name], ad[name])
            if ad["entities"]:
                entities = tuple(s(e, e) for e in ad["entities"])
                ad["entities"] = self._tuples.setdefault(entities, entities)
            ad["value"] = self._value(ad["value"])
            if ad["time"] is not None:
                ad["time"] = self._value(ad["time"])
            self._span(ad["evidence"])
            self._span(ad["value_span"])
        return result

    def _span(self, span: Span) -> None:
        if id(span) not in self._spans:  # spans are shared between a sentence's claims and its statement
            self._spans.add(id(span))
            d = span.__dict__
            d["text"] = self._strings.setdefault(d["text"], d["text"])
            n = self._ints.setdefault
            d["start"], d["end"], d["column"] = n(d["start"], d["start"]), n(d["end"], d["end"]), n(d["column"], d["column"])

    def _value(self, value: BaseModel) -> BaseModel:
        d = value.__dict__
        if "text" in d:
            d["text"] = self._strings.setdefault(d["text"], d["text"])
        fields = tuple(d.values())
        key = (type(value), fields)
        try:
            held = self._values.setdefault(key, value)
        except TypeError:  # an unhashable field: kept as it is
            return value
        if held is value:
            return value
        if held.__pydantic_fields_set__ != value.__pydantic_fields_set__ or not all(
            _same(x, y) for x, y in zip(held.__dict__.values(), fields)
        ):
            return value
        return held

def _same(x: object, y: object) -> bool:
    """Equal and indistinguishable in output: same type, and the same sign for a zero."""
    if type(x) is not type(y):
        return False
    if isinstance(x, float) and x == 0.0:
        return str(x) == str(y)
    return True
