"""Frame accuracy: how often ``checker extract`` gets a figure's whole claim frame right.

Reads ``tests/data/frames.jsonl`` (sentences written fresh in 16 domains, each figure labelled with the measured
thing, its entities, the predicate, polarity; format in tests/data/README.md), extracts each sentence, and for
every labelled figure looks for the assertion whose value covers it. A frame is *fully right* when the value is
found and thing, entities, predicate and polarity all agree:

- thing: the labelled head noun and the assertion's thing (or subject) name the same concept ("soldier" and
  "troops", "sale" and "revenue"), compared by ``checker.compare.similarity.concept``;
- entities: every labelled entity is among the assertion's entities (countries by gazetteer key, legal forms such
  as "Corp" ignored); none labelled means none extracted;
- predicate: the same verb concept, or both none (a linking or reporting verb);
- polarity: equal.

Prints per-field accuracy, the fully-right share overall and per domain. Run: ``python benchmarks/bench_frames.py
[--failures N]``. Not a test: the share is a measurement to watch, not a bar.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from checker.compare.similarity import concept
from checker.extract import extract_text
from checker.extract.places import gazetteer
from checker.extract.subjects import actor_key, without_legal_suffix
from checker.extract.tokens import tokenize
from checker.models import Assertion, Quantity, TimeRange

DATA = Path(__file__).parents[1] / "tests" / "data" / "frames.jsonl"


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
    got = set(a.entities)
    if want:
        entity = all(any(w == g or w in g.split() or g in w.split() for g in got) for w in want)
    else:
        entity = not got
    expected = frame.get("predicate")
    predicate = (a.predicate is None) if not expected else (a.predicate is not None and concept(a.predicate) == concept(expected))
    polarity = a.polarity.value == frame.get("polarity", "affirmed")
    return [thing, entity, predicate, polarity]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--failures", type=int, default=0, metavar="N", help="print the first N wrong frames")
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args(argv)
    items = [json.loads(line) for line in args.data.read_text("utf-8").splitlines() if line.strip()]
    fields: Counter[str] = Counter()
    total = right = 0
    by_domain: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    shown = 0
    for item in items:
        found = extract_text(item["text"])
        for frame in item["frames"]:
            verdict = judge(item, frame, found)
            total += 1
            fields.update(k for k, ok in verdict.items() if ok)
            ok = len(verdict) == 5 and all(verdict.values())
            right += ok
            by_domain[item["domain"]][0] += ok
            by_domain[item["domain"]][1] += 1
            if not ok and shown < args.failures:
                shown += 1
                wrong = [k for k, v in verdict.items() if not v]
                got = [(a.thing, a.entities, a.predicate, a.value_span.text) for a in found]
                print(f"{item['id']}: {frame['value']!r} wrong {wrong}\n  want {frame}\n  got {got}\n  {item['text']}")
    print(f"{len(items)} sentences, {total} labelled frames")
    for name in ("value", "thing", "entities", "predicate", "polarity"):
        print(f"  {name:<10} {fields[name] / total:.2f}")
    for domain, (ok, n) in sorted(by_domain.items()):
        print(f"  {domain:<12} {ok / n:.2f} ({ok}/{n})")
    print(f"frames fully right: {right / total:.2f} ({right}/{total})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
