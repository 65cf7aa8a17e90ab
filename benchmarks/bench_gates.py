"""Where recall is lost: for each labelled conflict a case folder's reports should show and ``check`` misses, the
furthest step of the comparison that a pair of the two reports' claims of that kind reached.

The steps, in the order ``checker.compare.engine`` takes them:

1. **no claim**: one report has no claim of the kind's value type at all (extraction found no figure, date or
   place to compare);
2. **different block**: every pair falls in different blocks (``align.block_key``: the attribute and the measured
   thing's head as a concept), so it is never scored: the frames' thing or attribute differ;
3. **not aligned**: same block, but the alignment score is below the threshold (``similarity.score``);
4. **not accepted**: aligned, but refused by the guards of ``engine._accepts`` (two verbs and no owner in common,
   two dates of two events);
5. **scope gate**: refused by ``engine._scopes_match`` (two places, a part and the whole);
6. **judged agreeing**: the registered kinds found no disagreement (tolerance, a change over time).

Polarity cases are counted, not placed (their claims are events, compared by their own path). Run:
``python benchmarks/bench_gates.py tests/data/cases_fresh [more folders]``. A measurement to read, not a bar.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import tomllib
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from checker.compare import engine  # noqa: E402
from checker.compare.align import block_key  # noqa: E402
from checker.compare.similarity import ACROSS_THRESHOLD, score, view  # noqa: E402
from checker.models import Assertion, Place, Quantity, TimeRange  # noqa: E402
from checker.pipeline import analyse  # noqa: E402

_VALUE_TYPE = {"numeric": Quantity, "date": TimeRange, "location": Place}
STEPS = ("no claim", "different block", "not aligned", "not accepted", "scope gate", "judged agreeing")


def furthest_step(left: list[Assertion], right: list[Assertion]) -> str:
    """The furthest step any pair of claims (one from each report) reached."""
    if not left or not right:
        return STEPS[0]
    best = 1
    for a in left:
        for b in right:
            reached = 1
            if block_key(a) == block_key(b):
                reached = 2
                va, vb = view(a), view(b)
                found = score(va, vb)
                if found.score >= ACROSS_THRESHOLD:
                    reached = 3
                    if engine._accepts(a, b, va, vb, found):
                        reached = 4
                        if engine._scopes_match(a, b, {}):
                            reached = 5
            best = max(best, reached)
    return STEPS[best]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--quiet", action="store_true", help="print the tally only")
    args = parser.parse_args(argv)
    tally: Counter[str] = Counter()
    for folder in args.folders:
        for path in sorted(folder.glob("*.toml")):
            case = tomllib.loads(path.read_text("utf-8"))
            expected = case.get("expected") or []
            if not expected:
                continue
            kind = expected[0]["kind"]
            with tempfile.TemporaryDirectory() as tmp:
                files = []
                for name, text in case["documents"].items():
                    (Path(tmp) / name).write_text(text, "utf-8")
                    files.append(str(Path(tmp) / name))
                result = analyse(files)
            if any(c.kind.value == kind for c in result.conflicts):
                tally["found"] += 1
                continue
            value_type = _VALUE_TYPE.get(kind)
            if value_type is None:
                tally[f"missed {kind}"] += 1
                continue
            paths = sorted({f for f in files})
            claims = [[a for a in result.assertions if a.path == p and isinstance(a.value, value_type)] for p in paths]
            step = furthest_step(claims[0], claims[1]) if len(claims) == 2 else "more than two reports"
            tally[f"missed {kind}: {step}"] += 1
            if not args.quiet:
                print(f"{path.name}: {step}")
    for key, count in sorted(tally.items()):
        print(f"{count:5d}  {key}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
