"""Claim frames on the labelled sentences of tests/data/frames.jsonl and frames_fresh.jsonl: one test per figure.

A figure passes when its whole frame is right (value, thing, entities, predicate, polarity; the rules are in
checker/frames_eval.py). Figures the extractor gets wrong today are listed in
tests/data/known_failures/frames.txt (frames_fresh.txt for the fresh set) and run as strict xfails: each list only
shrinks, and a figure that starts passing must be taken off it. frames_fresh.jsonl was written after the rules had been
fitted to frames.jsonl, as a check that they carry over to sentences they were not fitted on.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.frames_eval import extract_item, fully_right, judge

DATA = Path(__file__).parents[2] / "data"
SETS = {"frames": "frames.jsonl", "fresh": "frames_fresh.jsonl"}


def _items(name: str) -> list[dict]:
    return [json.loads(line) for line in (DATA / name).read_text("utf-8").splitlines() if line.strip()]


def _known(name: str) -> set[str]:
    return {
        line.split("#", 2)[0].strip() + "#" + line.split("#", 2)[1].strip()
        for line in (DATA / "known_failures" / name).read_text("utf-8").splitlines()
        if line.strip() and not line.startswith("//")
    }


ITEMS = {key: _items(name) for key, name in SETS.items()}
KNOWN = {key: _known(name.replace(".jsonl", ".txt")) for key, name in SETS.items()}


def _params() -> list:
    out = []
    for key, items in ITEMS.items():
        for item in items:
            for n, frame in enumerate(item["frames"]):
                fid = f"{item['id']}#{n}"
                marks = [pytest.mark.xfail(strict=True, reason="known failure")] if fid in KNOWN[key] else []
                out.append(pytest.param(item, frame, id=f"{key}-{fid}", marks=marks))
    return out


@pytest.mark.parametrize("key", SETS)
def test_known_failures_name_labelled_frames(key: str) -> None:
    ids = {f"{item['id']}#{n}" for item in ITEMS[key] for n in range(len(item["frames"]))}
    assert KNOWN[key] <= ids


@pytest.mark.parametrize("key", SETS)
def test_the_set_spans_many_domains(key: str) -> None:
    assert len({item["domain"] for item in ITEMS[key]}) >= 10


def test_the_sets_share_no_sentence() -> None:
    assert not {i["text"] for i in ITEMS["frames"]} & {i["text"] for i in ITEMS["fresh"]}


@pytest.mark.parametrize(("item", "frame"), _params())
def test_frame(item: dict, frame: dict) -> None:
    verdict = judge(item, frame, extract_item(item))
    assert fully_right(verdict), {k: v for k, v in verdict.items() if not v}
