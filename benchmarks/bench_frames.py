"""Frame accuracy: how often ``checker extract`` gets a figure's whole claim frame right.

Reads ``tests/data/frames.jsonl`` (sentences written fresh in 18 domains, each figure labelled with the measured
thing, its entities, the predicate, polarity; format in tests/data/README.md), extracts each sentence, and for
every labelled figure looks for the assertion whose value covers it. A frame is *fully right* when the value is
found and thing, entities, predicate and polarity all agree (the rules: ``checker/frames_eval.py``).

Prints per-field accuracy, the fully-right share overall and per domain. Run: ``python benchmarks/bench_frames.py
[--failures N]``. Not a test: the share is a measurement to watch, not a bar.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from checker.frames_eval import FIELDS, extract_item, fully_right, judge

DATA = Path(__file__).parents[1] / "tests" / "data" / "frames.jsonl"


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
        found = extract_item(item)
        for frame in item["frames"]:
            verdict = judge(item, frame, found)
            total += 1
            fields.update(k for k, ok in verdict.items() if ok)
            ok = fully_right(verdict)
            right += ok
            by_domain[item["domain"]][0] += ok
            by_domain[item["domain"]][1] += 1
            if not ok and shown < args.failures:
                shown += 1
                wrong = [k for k, v in verdict.items() if not v]
                got = [(a.thing, a.entities, a.predicate, a.value_span.text) for a in found]
                print(f"{item['id']}: {frame['value']!r} wrong {wrong}\n  want {frame}\n  got {got}\n  {item['text']}")
    print(f"{len(items)} sentences, {total} labelled frames")
    for name in FIELDS:
        print(f"  {name:<10} {fields[name] / total:.2f}")
    for domain, (ok, n) in sorted(by_domain.items()):
        print(f"  {domain:<12} {ok / n:.2f} ({ok}/{n})")
    print(f"frames fully right: {right / total:.2f} ({right}/{total})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
