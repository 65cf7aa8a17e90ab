"""Date extraction: the data-driven cases in tests/data/dates.jsonl, then year resolution and relative dates."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from checker.extract.dates import find_dates, parse_date

CASES = [
    json.loads(line)
    for line in (Path(__file__).resolve().parents[2] / "data" / "dates.jsonl").read_text("utf-8").splitlines()
    if line.strip()
]
REF = dt.date(2024, 11, 25)  # a Monday


def _ref(case: dict) -> dt.date | None:
    return dt.date.fromisoformat(case["reference"]) if case["reference"] else None


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:50] for c in CASES])
def test_dates_jsonl(case: dict) -> None:
    text = case["text"]
    found = find_dates(text, _ref(case))
    got = [
        {"text": text[m.start : m.end], "start": m.range.start.isoformat(), "end": m.range.end.isoformat()}
        for m in found
    ]
    want = [{k: e[k] for k in ("text", "start", "end")} for e in case["expect"]]
    assert got == want
    for m, e in zip(found, case["expect"]):
        assert m.range.text == text[m.start : m.end]
        if "relation" in e:
            assert m.relation == e["relation"], e["text"]
    for phrase in case["reject"]:
        at = text.index(phrase)
        assert not any(m.start < at + len(phrase) and at < m.end for m in found), phrase


def _one(text: str, ref: dt.date | None = REF) -> tuple[dt.date, dt.date]:
    found = find_dates(text, ref)
    assert len(found) == 1, found
    return found[0].range.start, found[0].range.end


# --------------------------------------------------------------------------------------------------- years


def test_yearless_day_takes_the_nearest_year() -> None:
    assert _one("on Jan. 20") == (dt.date(2025, 1, 20),) * 2
    assert _one("on Nov. 13") == (dt.date(2024, 11, 13),) * 2
    assert _one("on Jan. 20", dt.date(2024, 6, 1)) == (dt.date(2024, 1, 20),) * 2


def test_yearless_month_takes_the_nearest_year() -> None:
    assert _one("in June") == (dt.date(2024, 6, 1), dt.date(2024, 6, 30))
    assert _one("in August") == (dt.date(2024, 8, 1), dt.date(2024, 8, 31))
    assert _one("in February", dt.date(2024, 12, 20)) == (dt.date(2025, 2, 1), dt.date(2025, 2, 28))


def test_feb_29_only_in_leap_years() -> None:
    assert _one("on Feb. 29", dt.date(2025, 1, 10)) == (dt.date(2024, 2, 29),) * 2


def test_year_written_on_the_far_end_of_a_range_carries_back() -> None:
    assert _one("from Dec. 30 to Jan. 2, 2025", None) == (dt.date(2024, 12, 30), dt.date(2025, 1, 2))
    assert _one("from June 1 to July 5, 2023") == (dt.date(2023, 6, 1), dt.date(2023, 7, 5))


def test_without_reference_yearless_dates_are_dropped_but_full_dates_kept() -> None:
    assert find_dates("on Nov. 13 and yesterday and on Monday", None) == []
    assert _one("on Nov. 13, 2024", None) == (dt.date(2024, 11, 13),) * 2
    assert _one("in 2023", None) == (dt.date(2023, 1, 1), dt.date(2023, 12, 31))


def test_deictic_months_and_seasons() -> None:
    assert _one("last June") == (dt.date(2024, 6, 1), dt.date(2024, 6, 30))
    assert _one("last November") == (dt.date(2023, 11, 1), dt.date(2023, 11, 30))
    assert _one("next March") == (dt.date(2025, 3, 1), dt.date(2025, 3, 31))
    assert _one("last summer", dt.date(2024, 7, 15)) == (dt.date(2023, 6, 1), dt.date(2023, 8, 31))
    assert _one("this winter") == (dt.date(2024, 12, 1), dt.date(2025, 2, 28))


# --------------------------------------------------------------------------------------------------- relative


@pytest.mark.parametrize(
    ("phrase", "start", "end"),
    [
        ("today", "2024-11-25", "2024-11-25"),
        ("yesterday", "2024-11-24", "2024-11-24"),
        ("last night", "2024-11-24", "2024-11-25"),
        ("this week", "2024-11-25", "2024-12-01"),
        ("last week", "2024-11-18", "2024-11-24"),
        ("next week", "2024-12-02", "2024-12-08"),
        ("last month", "2024-10-01", "2024-10-31"),
        ("earlier this month", "2024-11-01", "2024-11-25"),
        ("later this month", "2024-11-25", "2024-11-30"),
        ("last year", "2023-01-01", "2023-12-31"),
        ("earlier this year", "2024-01-01", "2024-11-25"),
        ("this weekend", "2024-11-30", "2024-12-01"),
        ("last weekend", "2024-11-23", "2024-11-24"),
        ("three days ago", "2024-11-22", "2024-11-22"),
        ("a year ago", "2023-01-01", "2023-12-31"),
        ("the past week", "2024-11-18", "2024-11-25"),
        ("the past few days", "2024-11-21", "2024-11-25"),
        ("in recent days", "2024-11-11", "2024-11-25"),
        ("this quarter", "2024-10-01", "2024-12-31"),
        ("by year-end", "2024-08-01", "2024-12-31"),
    ],
)
def test_relative_expressions(phrase: str, start: str, end: str) -> None:
    assert _one(phrase) == (dt.date.fromisoformat(start), dt.date.fromisoformat(end))


def test_weekdays_are_the_most_recent_on_or_before_the_reference() -> None:
    assert _one("on Monday") == (REF, REF)  # the reference is a Monday
    assert _one("on Sunday") == (dt.date(2024, 11, 24),) * 2
    assert _one("on Tuesday") == (dt.date(2024, 11, 19),) * 2
    assert _one("last Monday") == (dt.date(2024, 11, 18),) * 2
    assert _one("next Monday") == (dt.date(2024, 12, 2),) * 2


def test_parts_of_periods() -> None:
    assert _one("late October") == (dt.date(2024, 10, 21), dt.date(2024, 10, 31))
    assert _one("late February", dt.date(2024, 3, 5)) == (dt.date(2024, 2, 21), dt.date(2024, 2, 29))
    assert _one("the last week of June") == (dt.date(2024, 6, 24), dt.date(2024, 6, 30))
    assert _one("the second half of 2023") == (dt.date(2023, 7, 1), dt.date(2023, 12, 31))
    assert _one("the fourth quarter of last year") == (dt.date(2023, 10, 1), dt.date(2023, 12, 31))
    early, late = _one("the early 2000s"), _one("the late 2000s")
    assert early[0] == dt.date(2000, 1, 1) and late[1] == dt.date(2009, 12, 31) and early[1] < late[1]


def test_relation_comes_from_the_preposition() -> None:
    rel = {m.range.text: m.relation for m in find_dates(
        "As of Nov. 20 the toll stood at 40; by Nov. 22 it was 60; before Nov. 18 none; after Nov. 23 more; "
        "since Nov. 24 calm; until Nov. 26 curfew; on Nov. 19 a strike.", REF)}
    assert rel == {"Nov. 20": "as_of", "Nov. 22": "as_of", "Nov. 18": "before", "Nov. 23": "after",
                   "Nov. 24": "since", "Nov. 26": "before", "Nov. 19": "on"}


def test_offsets_cover_the_date_words_not_the_preposition() -> None:
    text = "Singh said on Nov. 25 that troops were in Kursk."
    (m,) = find_dates(text, REF)
    assert text[m.start : m.end] == "Nov. 25"


# --------------------------------------------------------------------------------------------------- parse_date


@pytest.mark.parametrize(
    "phrase",
    ["KYIV, Nov. 25, 2024 —", "2024-11-25T10:00:00Z", "Mon, 25 Nov 2024 10:00:00 GMT", "November 25, 2024",
     "25 November 2024", "2024-11-25", "25.11.2024"],
)
def test_parse_date_metadata_and_datelines(phrase: str) -> None:
    rng = parse_date(phrase, None)
    assert rng is not None and rng.start == rng.end == dt.date(2024, 11, 25)


def test_parse_date_needs_a_reference_for_yearless_phrases() -> None:
    assert parse_date("KYIV, Nov. 25 (Reuters) -", None) is None
    rng = parse_date("KYIV, Nov. 25 (Reuters) -", dt.date(2024, 11, 26))
    assert rng is not None and rng.start == dt.date(2024, 11, 25)
    assert parse_date("no date here", REF) is None


EDGE_TEXTS = [
    "Troops arrived yesterday.",
    "The pact was signed in June.",
    "It was signed in December.",
    "It was signed last week.",
    "500 troops arrived three years ago.",
    "500 troops arrived last Monday.",
    "500 troops arrived last winter.",
    "500 troops will arrive tomorrow.",
    "500 troops will arrive next year.",
    "Next month 500 troops will arrive.",
    "500 troops will arrive in the coming days.",
]


@pytest.mark.parametrize("ref", [dt.date(1, 1, 1), dt.date(1, 1, 5), dt.date(9999, 12, 25), dt.date(9999, 12, 31)])
@pytest.mark.parametrize("text", EDGE_TEXTS)
def test_relative_dates_at_the_ends_of_the_calendar_stay_inside_it(ref: dt.date, text: str) -> None:
    for m in find_dates(text, ref):
        assert dt.date.min <= m.range.start <= m.range.end <= dt.date.max


def test_a_yearless_month_in_year_one_resolves_within_the_calendar() -> None:
    (m,) = find_dates("The pact was signed in June.", dt.date(1, 11, 25))
    assert (m.range.start, m.range.end) == (dt.date(1, 6, 1), dt.date(1, 6, 30))
