"""Datelines, front matter and the title/date/source fallbacks."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from checker.ingest.metadata import (
    coerce_date,
    dateline_date,
    find_dateline,
    first_line_title,
    from_front_matter,
    parse_front_matter,
)

with open("tests/data/ingest/datelines.jsonl", encoding="utf-8") as fh:
    DATELINES = [json.loads(line) for line in fh if line.strip()]


@pytest.mark.parametrize("case", DATELINES, ids=[c["text"][:30] for c in DATELINES])
def test_datelines(case):
    found = find_dateline(case["text"])
    if case.get("none"):
        assert found is None
        return
    assert found is not None
    assert (found.place, found.wire, found.date_text) == (case["place"], case["wire"], case["date_text"])
    assert case["text"][found.start : found.end].lstrip().startswith(case["place"] or case["date_text"])
    reference = dt.date.fromisoformat(case["reference"]) if case.get("reference") else None
    expected = dt.date.fromisoformat(case["date"]) if case["date"] else None
    assert dateline_date(found, reference) == expected


def test_dateline_is_only_looked_for_near_the_top():
    text = "\n".join(f"Paragraph {i}." for i in range(10)) + "\nKYIV, Nov. 25, 2024 — late."
    assert find_dateline(text) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-11-25T10:00:00Z", dt.date(2024, 11, 25)),
        ("2024-11-25", dt.date(2024, 11, 25)),
        (dt.date(2020, 1, 2), dt.date(2020, 1, 2)),
        (dt.datetime(2020, 1, 2, 3, 4), dt.date(2020, 1, 2)),
        ("2024-13-45", None),
        ("", None),
        (12345, None),
        ("November 25, 2024", dt.date(2024, 11, 25)),
        ("November 2024", None),  # a month is not a day
    ],
)
def test_coerce_date(value, expected):
    assert coerce_date(value) == expected


def test_front_matter_fields():
    front = parse_front_matter("title: T\ndate: 2024-09-14\nauthor:\n  - name: Desk\n", "yaml")
    meta = from_front_matter(front, None)
    assert (meta.title, meta.date, meta.source) == ("T", dt.date(2024, 9, 14), "Desk")
    meta = from_front_matter({"Title": "X", "publisher": "Pub", "author": "Someone", "date": "Sept. 3, 2021"}, None)
    assert (meta.title, meta.date, meta.source) == ("X", dt.date(2021, 9, 3), "Pub")
    assert from_front_matter({"source": {"name": "Wire"}}, None).source == "Wire"


def test_front_matter_toml_and_invalid():
    assert parse_front_matter('title = "T"\ndate = 2024-01-02\n', "toml") == {"title": "T", "date": dt.date(2024, 1, 2)}
    assert parse_front_matter("just a line", "yaml") is None
    assert parse_front_matter("a: [unclosed", "yaml") is None
    assert parse_front_matter("", "yaml") == {}


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("\n\n  Troops massing   near border \nBody.", "Troops massing near border"),
        ("A sentence that ends with a period.\nMore.", None),
        ("x" * 130 + "\nMore.", None),
        ("", None),
    ],
)
def test_first_line_title(text, title):
    assert first_line_title(text) == title
