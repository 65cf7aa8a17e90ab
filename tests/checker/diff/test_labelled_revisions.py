"""``checker diff`` on the labelled revisions of tests/data/revisions.jsonl: one test per revision.

Each item is an old and a new version of a short report and the fact changes a reader sees between them: a moved
date, a changed figure, a polarity flip ("closed" -> "remained open", "confirmed" -> "denied"), a fact added. Half
the items are hard negatives: the same facts in other words, in another unit, or rounded, where the diff must show
no fact change at all. A revision passes when every expected change is found and no other fact change is shown.
Revisions the diff gets wrong today are listed in tests/data/known_failures/revisions.txt and run as strict
xfails: the list only shrinks.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from checker.diff import diff_documents
from checker.models import Document, FactChange

DATA = Path(__file__).parents[2] / "data"
ITEMS = [json.loads(line) for line in (DATA / "revisions.jsonl").read_text("utf-8").splitlines() if line.strip()]
KNOWN = {
    line.split("#")[0].strip()
    for line in (DATA / "known_failures" / "revisions.txt").read_text("utf-8").splitlines()
    if line.strip() and not line.startswith("//")
}


def _doc(path: str, text: str, date: str) -> Document:
    return Document(path=path, raw=text, text=text, date=dt.date.fromisoformat(date))


def _matches(change: FactChange, want: dict) -> bool:
    if change.kind != want["kind"]:
        return False
    if "aspect" in want and want["aspect"] not in change.aspects:
        return False
    for side in ("old", "new"):
        if side in want and (getattr(change, side) is None or want[side] not in getattr(change, side).text):
            return False
    return True


def test_known_failures_name_revisions() -> None:
    assert KNOWN <= {item["id"] for item in ITEMS}


def test_the_set_is_balanced_and_varied() -> None:
    negatives = [item for item in ITEMS if not item["expected"]]
    assert len(ITEMS) >= 20
    assert len(negatives) * 2 >= len(ITEMS)
    assert len({item["domain"] for item in ITEMS}) >= 6
    assert len({item["id"] for item in ITEMS}) == len(ITEMS)


def test_a_matching_rule_tells_changes_apart() -> None:
    """The matcher itself: the kind, the aspect and both sides' words must agree."""
    old = _doc("old.txt", "A crowd of 41,200 watched the final.", "2025-06-01")
    new = _doc("new.txt", "A crowd of 44,900 watched the final.", "2025-06-01")
    (change,) = diff_documents(old, new).changes
    assert _matches(change, {"kind": "changed", "aspect": "value", "old": "41,200", "new": "44,900"})
    assert not _matches(change, {"kind": "changed", "aspect": "polarity"})
    assert not _matches(change, {"kind": "changed", "old": "44,900"})
    assert not _matches(change, {"kind": "added"})


@pytest.mark.parametrize(
    "item",
    [
        pytest.param(item, id=item["id"], marks=[pytest.mark.xfail(strict=True)] if item["id"] in KNOWN else [])
        for item in ITEMS
    ],
)
def test_revision(item: dict) -> None:
    diff = diff_documents(_doc("old.txt", item["old"], item["date"]), _doc("new.txt", item["new"], item["date"]))
    missed = [want for want in item["expected"] if not any(_matches(c, want) for c in diff.changes)]
    unexpected = [c.message for c in diff.changes if not any(_matches(c, want) for want in item["expected"])]
    assert (missed, unexpected) == ([], [])
