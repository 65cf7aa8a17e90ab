"""Claim frames on the labelled sentences of tests/data/frames.jsonl: one test per labelled figure.

A figure passes when its whole frame is right (value, thing, entities, predicate, polarity; the rules are in
checker/frames_eval.py). Figures the extractor gets wrong today are listed in
tests/data/known_failures/frames.txt and run as strict xfails: the list only shrinks, and a figure that starts
passing must be taken off it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.frames_eval import extract_item, fully_right, judge

DATA = Path(__file__).parents[2] / "data"
ITEMS = [json.loads(line) for line in (DATA / "frames.jsonl").read_text("utf-8").splitlines() if line.strip()]
KNOWN = {
    line.split("#", 2)[0].strip() + "#" + line.split("#", 2)[1].strip()
    for line in (DATA / "known_failures" / "frames.txt").read_text("utf-8").splitlines()
    if line.strip() and not line.startswith("//")
}


def _params() -> list:
    out = []
    for item in ITEMS:
        for n, frame in enumerate(item["frames"]):
            fid = f"{item['id']}#{n}"
            marks = [pytest.mark.xfail(strict=True, reason="known failure")] if fid in KNOWN else []
            out.append(pytest.param(item, frame, id=fid, marks=marks))
    return out


def test_known_failures_name_labelled_frames() -> None:
    ids = {f"{item['id']}#{n}" for item in ITEMS for n in range(len(item["frames"]))}
    assert KNOWN <= ids


def test_the_set_spans_many_domains() -> None:
    assert len({item["domain"] for item in ITEMS}) >= 10


@pytest.mark.parametrize(("item", "frame"), _params())
def test_frame(item: dict, frame: dict) -> None:
    verdict = judge(item, frame, extract_item(item))
    assert fully_right(verdict), {k: v for k, v in verdict.items() if not v}
