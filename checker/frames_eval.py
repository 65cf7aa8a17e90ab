"""Frame labels judged against extracted assertions: the yardstick of tests/data/frames.jsonl.

A labelled figure (format in tests/data/README.md) is matched to the assertion whose value covers it; its frame is
*fully right* when the value is found and thing, entities, predicate and polarity all agree:

- thing: the labelled head noun and the assertion's thing (or subject) name the same concept ("soldier" and
  "troops", "sale" and "revenue"), compared by ``checker.compare.similarity.concept``;
- entities: every labelled entity is among the assertion's entities, or is a modifier of its thing ("wheat" of
  "wheat output": the thing is its head noun with its modifiers) or its event scope ("the storm destroyed 150
  homes": the labels name the storm as whose the figure is, the frame as the event it is about); countries by gazetteer key, legal forms such as
  "Corp" ignored; none labelled means none extracted;
- predicate: the same verb concept, or both none (a linking or reporting verb);
- polarity: equal.

Used by the per-frame tests (tests/checker/extract/test_labelled_frames.py) and benchmarks/bench_frames.py.
"""

from __future__ import annotations

import datetime as dt

from checker.compare.similarity import concept
from checker.extract import extract_text
from checker.extract.places import gazetteer
from checker.extract.subjects import actor_key, without_legal_suffix
from checker.extract.tokens import tokenize
from checker.models import Assertion, Quantity, TimeRange

FIELDS = ("value", "thing", "entities", "predicate", "polarity")

# Each labelled sentence is read as a line of a report dated this day, as a report in use is (front matter or
# --date): "will be held on March 3" needs a date to be read against.
REPORT_DATE = dt.date(2025, 6, 15)


def extract_item(item: dict) -> list[Assertion]:
    """The assertions of one labelled sentence, read as from a report dated ``REPORT_DATE``."""
    return extract_text(item["text"], date=REPORT_DATE)


def entity_key(name: str) -> str:
    """A labelled entity as the extractor keys it: a country's gazetteer slug, else lower-case words."""
    gaz = gazetteer()
    tokens = tokenize(name)
    key, n = actor_key(tokens, 0) if tokens else (None, 0)
    if key and n == len(tokens):
        return gaz.slug(key)
    found = gaz.find(name)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(name):
        return gaz.slug(found[0].place.key)
    words = [t.lower for t in tokens if t.is_word and t.lower not in ("the", "'s")]
    return " ".join(without_legal_suffix(words))


def _covers(a: Assertion, start: int, end: int) -> bool:
    vs = a.value_span
    return vs.start < end and start < vs.end


def judge(item: dict, frame: dict, found: list[Assertion]) -> dict[str, bool]:
    text = item["text"]
    start = text.find(frame["value"])
    end = start + len(frame["value"])
    want = Quantity if frame["type"] == "quantity" else TimeRange
    candidates = [a for a in found if isinstance(a.value, want) and _covers(a, start, end)]
    if not candidates:
        return {"value": False}
    best = max(candidates, key=lambda a: _fields(frame, a).count(True))
    thing, entity, predicate, polarity = _fields(frame, best)
    return {"value": True, "thing": thing, "entities": entity, "predicate": predicate, "polarity": polarity}


def _fields(frame: dict, a: Assertion) -> list[bool]:
    words = (a.thing or a.subject_key).split() + a.subject_key.split()
    thing = concept(frame["thing"]) in {concept(w) for w in words}
    want = {entity_key(e) for e in frame["entity"]}
    held = set((a.thing or "").split()[:-1])  # the thing's own modifiers: "wheat output" holds "wheat"
    got = set(a.entities) | {w for w in want if w in held}
    if a.scope_event:
        # "the storm destroyed 150 homes": the storm is the frame's event scope; "an air strike killed 19": the
        # strike, named by its head
        got |= {w for w in want if a.scope_event in (w, w.split()[-1])}
    if want:
        entity = all(any(w == g or w in g.split() or g in w.split() for g in got) for w in want)
    else:
        entity = not got
    expected = frame.get("predicate")
    predicate = (a.predicate is None) if not expected else (a.predicate is not None and concept(a.predicate) == concept(expected))
    polarity = a.polarity.value == frame.get("polarity", "affirmed")
    return [thing, entity, predicate, polarity]


def fully_right(verdict: dict[str, bool]) -> bool:
    return len(verdict) == len(FIELDS) and all(verdict.values())
