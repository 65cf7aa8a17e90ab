"""Extraction measured on the labelled sentences in tests/data/extraction.jsonl (format: tests/data/README.md).

One test per sentence: every "must" item is matched by some assertion and no "must_not" item is. Sentences the
extractor gets wrong today are listed in tests/data/known_failures/extraction.txt and run as strict xfails: the
list only shrinks.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from checker.evaluate import subject_word_matches
from checker.extract import extract_text
from checker.extract.places import gazetteer
from checker.models import Assertion, Place, Quantity, TimeRange

DATA = Path(__file__).parents[2] / "data" / "extraction.jsonl"
CASES = [json.loads(line) for line in DATA.read_text("utf-8").splitlines() if line.strip()]


def matches(a: Assertion, item: dict) -> bool:
    attr = item["attribute"]
    if a.attribute != attr or ("predicate" in item and a.predicate != item["predicate"]):
        return False
    words = set(a.subject_key.split())
    if not all(subject_word_matches(w, words) for w in item.get("subject", [])):
        return False
    v = a.value
    for bound in ("nominal", "low", "high"):
        if bound in item:
            if not isinstance(v, Quantity) or not _close(getattr(v, bound), item[bound]):
                return False
    if "unit" in item and (not isinstance(v, Quantity) or v.unit != item["unit"]):
        return False
    if "place" in item:
        if not isinstance(v, Place) or not gazetteer().contains(item["place"], v.key):
            return False
    if "time" in item:
        when = v if a.attribute == "when" else a.time
        if not isinstance(when, TimeRange) or not _in_period(when, item["time"]):
            return False
    if "polarity" in item and a.polarity.value != item["polarity"]:
        return False
    if "modality" in item and a.modality.value != item["modality"]:
        return False
    if "source" in item and item["source"].lower() not in (a.source or "").lower():
        return False
    return True


def _close(got: float | None, want: float | None) -> bool:
    if want is None or got is None:
        return got is None and want is None
    return abs(got - want) <= 0.005 * max(1.0, abs(want))


def _in_period(r: TimeRange, period: str) -> bool:
    """The range starts on the period's first day and ends within it ("2024-06" accepts June 1-30, not June 19)."""
    parts = [int(p) for p in period.split("-")]
    first = dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    if len(parts) == 3:
        last = first
    elif len(parts) == 2:
        nxt = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
        last = nxt - dt.timedelta(days=1)
    else:
        last = dt.date(first.year, 12, 31)
    return r.start == first and r.end <= last


def run(case: dict) -> tuple[list[Assertion], list[dict], list[dict]]:
    date = dt.date.fromisoformat(case["date"]) if case.get("date") else None
    found = extract_text(case["text"], date=date)
    missed = [m for m in case.get("must", []) if not any(matches(a, m) for a in found)]
    wrong = [m for m in case.get("must_not", []) if any(matches(a, m) for a in found)]
    return found, missed, wrong


def _known() -> set[str]:
    lines = (DATA.parent / "known_failures" / "extraction.txt").read_text("utf-8").splitlines()
    return {line.split("#")[0].strip() for line in lines if line.strip() and not line.startswith("//")}


KNOWN = _known()


def test_known_failures_name_labelled_sentences() -> None:
    assert KNOWN <= {case["id"] for case in CASES}


def test_the_set_spans_many_domains() -> None:
    assert len(CASES) >= 60
    assert len({c["domain"] for c in CASES}) >= 5


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(c, id=c["id"], marks=[pytest.mark.xfail(strict=True)] if c["id"] in KNOWN else [])
        for c in CASES
    ],
)
def test_labelled_sentence(case: dict) -> None:
    """Every "must" item is matched by some assertion and no "must_not" item is."""
    found, missed, wrong = run(case)
    assert (missed, wrong) == ([], []), [(a.aspect_label, a.subject_key, a.value_span.text) for a in found]
