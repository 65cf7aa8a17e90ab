"""find_quantities: the labelled corpus in tests/data/quantities.jsonl plus focused cases for each convention."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from checker.extract.quantities import find_quantities
from checker.models import QuantityMatch

CASES = [json.loads(line) for line in Path("tests/data/quantities.jsonl").read_text("utf-8").splitlines() if line.strip()]


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-6)


def _by_text(text: str) -> dict[str, QuantityMatch]:
    return {text[m.start : m.end]: m for m in find_quantities(text)}


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:50] for c in CASES])
def test_labelled_corpus(case: dict) -> None:
    text = case["text"]
    matches = find_quantities(text)
    found = {text[m.start : m.end]: m for m in matches}
    for exp in case["expect"]:
        assert exp["text"] in found, f"missing {exp['text']!r}; found {list(found)}"
        q = found[exp["text"]].quantity
        assert q.text == exp["text"]
        for field in ("nominal", "low", "high"):
            if field in exp:
                assert _close(getattr(q, field), exp[field]), f"{exp['text']!r}: {field} {getattr(q, field)} != {exp[field]}"
        for field in ("unit", "dimension", "qualifier", "approximate"):
            if field in exp:
                assert getattr(q, field) == exp[field], f"{exp['text']!r}: {field} {getattr(q, field)!r} != {exp[field]!r}"
    for rejected in case.get("reject", []):
        i = text.find(rejected)
        assert i >= 0, f"reject string {rejected!r} not in text"
        while i >= 0:
            j = i + len(rejected)
            overlapping = [text[m.start : m.end] for m in matches if m.start < j and i < m.end]
            assert not overlapping, f"{rejected!r} was read as a quantity: {overlapping}"
            i = text.find(rejected, j)
    if case.get("only", True):
        assert len(matches) == len(case["expect"]), f"unexpected extra quantities: {list(found)}"


def test_corpus_is_big_and_varied() -> None:
    assert len(CASES) >= 80
    dims = {e.get("dimension") for c in CASES for e in c["expect"]}
    assert {"count", "percent", "length", "area", "money", "magnitude", "temperature", "speed", "duration"} <= dims


def test_span_stops_before_the_counted_noun() -> None:
    text = "about 11,000 North Korean troops"
    (m,) = find_quantities(text)
    assert (m.start, m.end) == (0, len("about 11,000"))
    assert text[m.end :].lstrip().startswith("North")


def test_offsets_are_into_the_whole_text() -> None:
    text = "Officials said on Monday that more than 200 people had died."
    (m,) = find_quantities(text)
    assert text[m.start : m.end] == "more than 200"


def test_qualifier_bounds() -> None:
    found = _by_text("about 100 people, nearly 100 people, more than 100 people, fewer than 100 people, 100 people")
    assert (found["about 100"].quantity.low, found["about 100"].quantity.high) == (90, 110)
    assert found["about 100"].quantity.approximate
    assert (found["nearly 100"].quantity.low, found["nearly 100"].quantity.high) == (90, 100)
    assert (found["more than 100"].quantity.low, found["more than 100"].quantity.high) == (100, None)
    assert (found["fewer than 100"].quantity.low, found["fewer than 100"].quantity.high) == (0, 100)
    exact = found["100"].quantity
    assert (exact.nominal, exact.low, exact.high, exact.qualifier, exact.approximate) == (100, 100, 100, None, False)


def test_agreeing_phrasings_overlap() -> None:
    """The point of intervals: "about 11,000", "nearly 11,000" and "eleven thousand" must overlap."""
    qs = [find_quantities(t)[0].quantity for t in ("about 11,000 troops", "nearly 11,000 troops", "eleven thousand troops")]
    assert max(q.low for q in qs) <= min(q.high for q in qs)


def test_unit_conversions_make_equal_things_equal() -> None:
    km = find_quantities("a range of 700 km")[0].quantity
    miles = find_quantities("a range of 435 miles")[0].quantity
    assert km.unit == miles.unit == "km"
    assert abs(km.nominal - miles.nominal) / km.nominal < 0.01
    acres = find_quantities("burned 2,000 acres")[0].quantity
    hectares = find_quantities("burned 809 hectares")[0].quantity
    assert acres.unit == hectares.unit == "ha"
    assert abs(acres.nominal - hectares.nominal) < 1


def test_temperature_conversion_is_affine() -> None:
    (m,) = find_quantities("It was 212°F at the vent.")
    assert (m.quantity.nominal, m.quantity.unit) == (100, "C")
    (m,) = find_quantities("It was below 32 degrees Fahrenheit.")
    assert m.quantity.unit == "C" and m.quantity.high == 0 and m.quantity.low is None  # "below": signed dimension


def test_money_keeps_its_currency() -> None:
    found = _by_text("1.5 billion euros and $1.6 billion")
    assert found["1.5 billion euros"].quantity.unit == "EUR"
    assert found["$1.6 billion"].quantity.unit == "USD"
    assert {m.quantity.dimension for m in found.values()} == {"money"}


def test_change_from_to_gives_two_values() -> None:
    found = _by_text("The death toll rose from 100 to 120 on Tuesday.")
    assert set(found) == {"100", "120"}
    assert found["100"].quantity.high == 100 and found["120"].quantity.low == 120


def test_descending_pairs_are_not_ranges() -> None:
    assert find_quantities("They lost 3-1.") == []
    assert find_quantities("a 6-3 majority") == []


def test_scores_need_context_only_when_ascending() -> None:
    assert find_quantities("a 1-2 defeat at home") == []
    (m,) = find_quantities("1-2 people per household")
    assert (m.quantity.low, m.quantity.high) == (1, 2)


def test_years_are_skipped_but_four_digit_counts_with_qualifiers_are_kept() -> None:
    assert find_quantities("in 2024 the war went on; since 1991 there was peace") == []
    (m,) = find_quantities("about 1500 troops")
    assert m.quantity.nominal == 1500
    (m,) = find_quantities("The army lost 1200 soldiers.")
    assert m.quantity.nominal == 1200


def test_dates_with_spaced_thousands_do_not_swallow_the_next_number() -> None:
    text = "On Nov. 25 500 people were evacuated."
    (m,) = find_quantities(text)
    assert text[m.start : m.end] == "500"


def test_one_only_counts_before_a_noun() -> None:
    assert find_quantities("one of the drones; one another; the one that got away; no one") == []
    (m,) = find_quantities("one drone was shot down")
    assert m.quantity.nominal == 1


def test_vague_plural_money() -> None:
    (m,) = find_quantities("hundreds of millions of dollars in aid")
    q = m.quantity
    assert (q.unit, q.low, q.high, q.approximate) == ("USD", 2e8, 999999999, True)


def test_metres_versus_million() -> None:
    assert find_quantities("a 3m-high wall")[0].quantity.unit == "km"
    assert find_quantities("3m people live there")[0].quantity.nominal == 3_000_000
    assert find_quantities("$3m in aid")[0].quantity.unit == "USD"


def test_no_text_no_quantities() -> None:
    assert find_quantities("") == []
    assert find_quantities("The ministry did not comment.") == []


def test_matches_are_ordered_and_never_overlap() -> None:
    """A unit word of one number ("one magnitude") must not become the qualifier of the next ("magnitude 5")."""
    text = "Nov. one magnitude 5C, 1magnitude 39, dozens of 258million, from 3 to 4 to 5, about 10-20-30"
    matches = find_quantities(text)
    assert matches
    for a, b in zip(matches, matches[1:]):
        assert a.end <= b.start
    for m in matches:
        assert text[m.start : m.end] == m.quantity.text
        assert m.quantity.low is None or m.quantity.high is None or m.quantity.low <= m.quantity.high


def test_a_small_word_number_reached_by_a_toll_counts() -> None:
    text = "The death toll has risen to seven, rescuers said."
    (m,) = find_quantities(text)
    assert text[m.start : m.end] == "seven" and m.quantity.nominal == 7
    assert find_quantities("They met seven, then left.") == []


@pytest.mark.parametrize("digits", [309, 400, 2000])
def test_a_numeral_of_hundreds_of_digits_yields_no_quantity_and_no_crash(digits: int) -> None:
    text = f"They deployed {'9' * digits} troops and 500 tanks."
    found = find_quantities(text)
    assert [text[q.start : q.end] for q in found] == ["500"]
    assert all(math.isfinite(v) for q in found for v in (q.quantity.low, q.quantity.high) if v is not None)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        pytest.param("Burglaries rose by a third last year.", ("a third", 100 / 3), id="rose-by-a-third"),
        pytest.param("Catches fell by a quarter, to 8,100 tonnes.", ("a quarter", 25.0), id="fell-by-a-quarter"),
        pytest.param("The cost was cut by a fifth in 2024.", ("a fifth", 20.0), id="cut-by-a-fifth"),
        pytest.param("The bill was backed by a third party.", None, id="a-third-party"),
        pytest.param("She won by a half-length margin.", None, id="a-half-length"),
        pytest.param("He tried a third time.", None, id="a-third-time"),
    ],
)
def test_a_fraction_after_by_is_a_change_in_shares(text: str, found: tuple[str, float] | None) -> None:
    fractions = [(q.quantity.text, q.quantity.nominal) for q in find_quantities(text) if q.quantity.unit == "percent"]
    if found is None:
        assert fractions == []
    else:
        assert [t for t, _ in fractions] == [found[0]] and fractions[0][1] == pytest.approx(found[1], abs=0.01)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        pytest.param("The dividend was 42 cents a share.", [("42 cents", 0.42, "USD")], id="cents"),
        pytest.param("A loaf costs 95 pence now.", [("95 pence", 0.95, "GBP")], id="pence"),
        pytest.param("Diesel was 148.9p a litre.", [("148.9p", 1.489, "GBP")], id="attached-p"),
        pytest.param("The talks start at 3p.m. on Monday.", [], id="not-p-m"),
        pytest.param("It is 7p.", [("7p", 0.07, "GBP")], id="p-before-full-stop-of-sentence"),
    ],
)
def test_a_hundredth_of_a_currency(text: str, found: list[tuple[str, float, str]]) -> None:
    got = [(q.quantity.text, q.quantity.nominal, q.quantity.unit) for q in find_quantities(text)]
    assert [(t, u) for t, _, u in got] == [(t, u) for t, _, u in found]
    assert [n for _, n, _ in got] == pytest.approx([n for _, n, _ in found])


@pytest.mark.parametrize(
    ("text", "found"),
    [
        pytest.param("Petrol rose 4.6p to 152.3p a litre.", ["4.6p", "152.3p"], id="by-then-to"),
        pytest.param("Unemployment fell 1.5% to 6.1%.", ["1.5%", "6.1%"], id="fell-by-then-to"),
        pytest.param("Prices rose 3% to 4% in most regions.", ["3% to 4%"], id="close-pair-a-range"),
        pytest.param("Fares will rise 10 to 15 percent.", ["10 to 15 percent"], id="one-unit-a-range"),
        pytest.param("Estimates of 4,000 to 9,000 people.", ["4,000 to 9,000"], id="no-change-verb-a-range"),
    ],
)
def test_a_change_then_a_level_each_with_a_unit_are_two_values(text: str, found: list[str]) -> None:
    assert [q.quantity.text for q in find_quantities(text)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        pytest.param("The final lasted 3 hours and 12 minutes.", [("3 hours and 12 minutes", 3.2)], id="and"),
        pytest.param("It takes 1 hour 47 minutes now.", [("1 hour 47 minutes", 1 + 47 / 60)], id="juxtaposed"),
        pytest.param("It lasted 3 hours and 12 people left.", [("3 hours", 3.0), ("12", 12.0)], id="not-a-time"),
        pytest.param("It took 20 minutes 3 hours ago.", [("20 minutes", 20 / 60), ("3 hours", 3.0)],
                     id="larger-unit-second"),
    ],
)
def test_a_length_of_time_in_two_parts_is_one(text: str, found: list[tuple[str, float]]) -> None:
    got = [(q.quantity.text, q.quantity.nominal) for q in find_quantities(text)]
    assert [t for t, _ in got] == [t for t, _ in found]
    assert [n for _, n in got] == pytest.approx([n for _, n in found], rel=1e-6)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The judges awarded Team Kestrel 45 points.", ["45"]),
        ("The league handed the Rovers 12 places in the final.", ["12"]),
        ("The carrier flew Boeing 737 jets.", []),
        ("The yard gave Boeing 737 a new paint job.", []),
    ],
    ids=["name-after-giving-verb", "the-name-after-giving-verb", "model-number", "model-number-no-plural"],
)
def test_a_name_after_a_verb_of_giving_receives_the_figure_a_plural_noun_follows(text: str, found: list[str]) -> None:
    assert [text[m.start : m.end] for m in find_quantities(text)] == found
