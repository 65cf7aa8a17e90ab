"""parse_number and match_number: every way news copy writes a number, and what is not one."""

from __future__ import annotations

import math
import re

import pytest

from checker.extract.numbers import NUMBER_PATTERN, match_number, parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("11,000", 11000),
        ("11 000", 11000),
        ("11\u202f000", 11000),
        ("1.2 million", 1_200_000),
        ("11 thousand", 11000),
        ("eleven thousand", 11000),
        ("Eleven Thousand", 11000),
        ("twenty-one", 21),
        ("two hundred and fifty", 250),
        ("twenty-one thousand five hundred and sixty", 21560),
        ("nineteen hundred", 1900),
        ("a dozen", 12),
        ("half a dozen", 6),
        ("a hundred", 100),
        ("a million", 1_000_000),
        ("half a million", 500_000),
        ("a quarter of a million", 250_000),
        ("one and a half million", 1_500_000),
        ("two and a half", 2.5),
        ("3.5bn", 3.5e9),
        ("4.2 billion", 4.2e9),
        ("4mn", 4e6),
        ("50k", 50_000),
        ("3M", 3e6),
        ("500 crore", 5e9),
        ("2 lakh", 200_000),
        ("1.5", 1.5),
        ("-5", -5),
        ("minus 5", -5),
        ("one thousand and five", 1005),
        ("twenty - five", 25),  # a tokenised transcript spaces the hyphen
        ("forty -two", 42),
    ],
)
def test_parse_number(text: str, value: float) -> None:
    result = parse_number(text)
    assert result is not None and math.isclose(result, value)


@pytest.mark.parametrize(("text", "value"), [("two-thirds", 2 / 3), ("a third", 1 / 3), ("three quarters", 0.75)])
def test_fractions(text: str, value: float) -> None:
    result = parse_number(text)
    assert result is not None and math.isclose(result, value)


@pytest.mark.parametrize(
    "text",
    ["dozens", "hundreds", "thousands", "", "troops", "one two", "twenty third", "1,2345", "$3", "3 troops", "a", "and"],
)
def test_not_a_number(text: str) -> None:
    assert parse_number(text) is None


def test_match_number_reports_form() -> None:
    p = match_number("about 2024 troops", 6)
    assert p is not None and p.plain and (p.start, p.end) == (6, 10)
    p = match_number("12 thousand troops", 0)
    assert p is not None and p.scale == 1000 and p.value == 12000 and not p.plain
    p = match_number("3m people", 0)
    assert p is not None and p.letter_scale == "m"
    p = match_number("two-thirds of", 0)
    assert p is not None and p.fraction and p.words


def test_longest_valid_prefix_of_words() -> None:
    text = "one and two"
    p = match_number(text, 0)
    assert p is not None and text[p.start : p.end] == "one"
    text = "twenty third"
    p = match_number(text, 0)
    assert p is not None and text[p.start : p.end] == "twenty"


def test_no_match_on_plain_words() -> None:
    assert match_number("the troops", 0) is None
    assert match_number("someone", 4) is None


def test_number_pattern_embeds_without_groups() -> None:
    """NUMBER_PATTERN is for other extractors' regexes (dates): it must compile inside a group and add none."""
    pattern = re.compile(rf"(?P<n>{NUMBER_PATTERN}) (?:troops|people)")
    assert pattern.groups == 1
    assert [m.group("n") for m in pattern.finditer("11,000 troops and twenty-one people")] == ["11,000", "twenty-one"]


@pytest.mark.parametrize("digits", [309, 400, 5000])
def test_a_numeral_too_large_for_a_float_is_not_a_number(digits: int) -> None:
    assert match_number("9" * digits) is None
    assert parse_number("9" * digits) is None


def test_a_huge_numeral_with_a_scale_word_is_not_a_number() -> None:
    assert match_number("9" * 300 + " billion") is None
