"""Value arithmetic: intervals with rounding tolerance, date overlap and place containment."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from checker.compare.values import (
    comparable,
    contains,
    places_related,
    quantities_agree,
    quantity_bounds,
    quantity_key,
    ranges_overlap,
)
from checker.models import Place, Quantity, TimeRange


def q(nominal: float, low: float | None = "same", high: float | None = "same", unit: str = "",
      dimension: str = "count") -> Quantity:
    return Quantity(nominal=nominal, low=nominal if low == "same" else low, high=nominal if high == "same" else high,
                    unit=unit, dimension=dimension)


def place(key: str) -> Place:
    return Place(key=key, name=key)


def days(a: str, b: str) -> TimeRange:
    return TimeRange(start=dt.date.fromisoformat(a), end=dt.date.fromisoformat(b))


def test_bounds_widen_by_tolerance_and_keep_open_sides_open() -> None:
    assert quantity_bounds(q(100), 0.05) == pytest.approx((95, 105))
    low, high = quantity_bounds(q(200, 200, None), 0.05)
    assert low == pytest.approx(190) and high == math.inf
    low, high = quantity_bounds(q(50, None, 50), 0.0)
    assert low == -math.inf and high == 50


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [
        (q(11000, 9900, 12100), q(11000, 9900, 11000), True),  # about 11,000 vs nearly 11,000
        (q(11000, 9900, 12100), q(15000), False),
        (q(200, 200, None), q(50, 0, 50), False),  # at least 200 vs fewer than 50
        (q(200, 200, None), q(250, 0, 250), True),  # at least 200 vs up to 250
        (q(1000), q(1040), True),  # within rounding
        (q(1000), q(1200), False),
        (q(25, 20, 30), q(31), True),  # a range vs a figure just past its edge, within tolerance
    ],
)
def test_quantities_agree(a: Quantity, b: Quantity, agree: bool) -> None:
    assert quantities_agree(a, b, 0.05) is agree
    assert quantities_agree(b, a, 0.05) is agree


def test_zero_tolerance_is_exact() -> None:
    assert not quantities_agree(q(1000), q(1001), 0.0)


def test_comparable_needs_same_dimension_and_unit() -> None:
    assert comparable(q(700, unit="km", dimension="length"), q(700.06, unit="km", dimension="length"))
    assert not comparable(q(5, unit="USD", dimension="money"), q(5, unit="EUR", dimension="money"))
    assert not comparable(q(12, unit="percent", dimension="percent"), q(12))


def test_ranges_overlap() -> None:
    june = days("2024-06-01", "2024-06-30")
    assert ranges_overlap(june, days("2024-06-19", "2024-06-19"))
    assert ranges_overlap(june, days("2024-06-30", "2024-07-02"))
    assert not ranges_overlap(june, days("2024-09-01", "2024-09-30"))


def test_places_related_by_containment() -> None:
    assert places_related(place("RU-KRS"), place("RU"))
    assert places_related(place("RU"), place("RU-KRS"))
    assert not places_related(place("UA-63"), place("UA-23"))
    assert not places_related(place("RU-KRS"), place("UA"))


def test_city_with_unknown_region_is_related_to_any_region_of_its_country() -> None:
    assert places_related(place("city:DE:regensburg"), place("DE-BY"))
    assert not places_related(place("city:DE:regensburg"), place("TR-31"))
    # a city whose region is known is not excused
    assert not places_related(place("city:TR-31:antakya"), place("TR-27"))


def test_contains_is_directional() -> None:
    assert contains(place("UA"), place("UA-63"))
    assert not contains(place("UA-63"), place("UA"))


def test_quantity_key_ignores_wording() -> None:
    a = Quantity(nominal=11000, low=9900, high=12100, text="about 11,000", qualifier="about", approximate=True)
    b = Quantity(nominal=11000, low=9900, high=12100, text="roughly eleven thousand", qualifier="roughly")
    assert quantity_key(a) == quantity_key(b) == "9900..12100"
    assert quantity_key(q(200, 200, None)) == "200..*"
    assert quantity_key(q(700, unit="km", dimension="length")) == "700..700km"


def test_a_denied_value_reads_naturally() -> None:
    from checker.compare.messages import negated

    assert negated("in Kursk region") == "not in Kursk region"
    assert negated("were deployed") == "were not deployed"
    assert negated("was not destroyed") == "was not destroyed"
    assert negated("didn't sign") == "didn't sign"
    assert negated("could deploy") == "could not deploy"  # any auxiliary of the lexicon carries the "not"
    assert negated("nobody was hurt") == "nobody was hurt"  # any negation particle already denies


@pytest.mark.parametrize(
    ("text", "nominal", "dimension", "unit", "low", "high"),
    [
        pytest.param("46.2C", 46.2, "temperature", "C", 46.15, 46.25, id="celsius-one-decimal"),
        pytest.param("118F", 47.7778, "temperature", "C", 47.7778 - 0.5 * 5 / 9, 47.7778 + 0.5 * 5 / 9,
                     id="fahrenheit-whole-degrees"),
        pytest.param("magnitude 7.0", 7.0, "magnitude", "magnitude", 6.95, 7.05, id="magnitude-one-decimal"),
        pytest.param("a 6-magnitude", 6.0, "magnitude", "magnitude", 5.5, 6.5, id="magnitude-whole"),
        pytest.param("1,200", 1200.0, "count", "", 1140.0, 1260.0, id="count-stays-relative"),
        pytest.param("3.6%", 3.6, "percent", "percent", 3.55, 3.65, id="percent-one-decimal"),
        pytest.param("61 percent", 61.0, "percent", "percent", 60.5, 61.5, id="percent-whole"),
    ],
)
def test_interval_scales_widen_by_the_last_digit_written(text: str, nominal: float, dimension: str, unit: str,
                                                           low: float, high: float) -> None:
    quantity = Quantity(nominal=nominal, low=nominal, high=nominal, unit=unit, dimension=dimension, text=text)
    assert quantity_bounds(quantity, 0.05) == pytest.approx((low, high))


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [
        pytest.param("3.6%", "4.6%", False, id="inflation-a-point-apart"),
        pytest.param("56.2%", "56%", True, id="whole-number-holds-the-decimal"),
        pytest.param("61.4 percent", "61%", True, id="whole-number-rounds-half-a-point"),
        pytest.param("33.88%", "33.9%", True, id="two-decimals-rounded-to-one"),
        pytest.param("12.5%", "12.8%", False, id="one-decimal-each"),
    ],
)
def test_percentages_agree_to_the_precision_written(a: str, b: str, agree: bool) -> None:
    def pct(text: str) -> Quantity:
        value = float(text.split("%")[0].split()[0])
        return Quantity(nominal=value, low=value, high=value, unit="percent", dimension="percent", text=text)

    assert quantities_agree(pct(a), pct(b), 0.05) is agree


def test_two_stated_maxima_compare_as_figures() -> None:
    from checker.compare.values import maxima_agree, stated_maximum

    up_to = Quantity(nominal=1000, low=0, high=1000, qualifier="up to")
    as_many = Quantity(nominal=1000, low=0, high=1000, qualifier="as many as")
    more = Quantity(nominal=4000, low=0, high=4000, qualifier="up to")
    fewer = Quantity(nominal=4000, low=0, high=4000, qualifier="fewer than")
    assert stated_maximum(up_to) and not stated_maximum(fewer)
    assert maxima_agree(up_to, as_many, 0.05) and not maxima_agree(up_to, more, 0.05)
