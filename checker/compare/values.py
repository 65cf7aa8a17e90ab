"""Value arithmetic: when two values of the same kind can both be true."""

from __future__ import annotations

import json
import math
import re
from functools import cache
from importlib import resources

from checker.extract.places import gazetteer
from checker.models import Name, Place, Quantity, TimeRange


# A percentage written as a whole number is rounded to half a point, whatever its size ("61%" holds 61.2%); one
# written with decimals to half its last digit ("3.6%" and "4.6%" of inflation disagree; "56.2%" and "56%" agree).
PERCENT_ROUNDING = 0.5


# Scales whose zero is arbitrary or whose steps are not proportional (a temperature, an earthquake's magnitude): a
# relative tolerance means nothing there (5% of 46C is 2.3 degrees, of magnitude 7.0 a third of a step), so such a
# figure is widened by half a unit of the last digit written instead ("46.2" by 0.05, "7" by 0.5), in the unit
# written (a Fahrenheit degree is 5/9 of a Celsius one).
_INTERVAL_SCALES = frozenset({"temperature", "magnitude"})
_WRITTEN_NUMBER = re.compile(r"\d[\d,]*(?:\.(\d+))?")
_FAHRENHEIT = re.compile(r"\d\s*°?\s*F\b|fahrenheit", re.IGNORECASE)


def _rounding(q: Quantity, tolerance: float, bound: float) -> float:
    """How far one bound of ``q`` is widened: half the last digit written for percentages and on the interval
    scales (half a point for a whole percentage), else the relative ``tolerance``."""
    if q.unit == "percent" or q.dimension in _INTERVAL_SCALES:
        found = _WRITTEN_NUMBER.search(q.text)
        half = PERCENT_ROUNDING * 10 ** -len(found.group(1) or "") if found else PERCENT_ROUNDING
        if q.unit == "percent":
            return half
        if q.dimension == "temperature" and _FAHRENHEIT.search(q.text):
            half *= 5 / 9
        return half
    return abs(bound) * tolerance


def quantity_bounds(q: Quantity, tolerance: float) -> tuple[float, float]:
    """The interval a quantity allows, widened by the rounding ``tolerance`` on each bounded side (relative, or
    half a point for percentages, or half the last digit written on the interval scales)."""
    low = -math.inf if q.low is None else q.low
    high = math.inf if q.high is None else q.high
    if low != -math.inf:
        low -= _rounding(q, tolerance, low)
    if high != math.inf:
        high += _rounding(q, tolerance, high)
    return low, high


def comparable(a: Quantity, b: Quantity) -> bool:
    """Only the same dimension and unit compare (currencies are never converted)."""
    return a.dimension == b.dimension and a.unit == b.unit


def quantities_agree(a: Quantity, b: Quantity, tolerance: float) -> bool:
    a_low, a_high = quantity_bounds(a, tolerance)
    b_low, b_high = quantity_bounds(b, tolerance)
    return a_low <= b_high and b_low <= a_high


@cache
def _stated_maxima() -> frozenset[str]:
    data = json.loads(resources.files("checker.data").joinpath("qualifiers.json").read_text("utf-8"))
    return frozenset(data.get("stated_maxima", ()))


def stated_maximum(q: Quantity) -> bool:
    """A figure given as the most it reaches ("up to 1,000 jobs", "as many as 1,200"), not a loose bound."""
    return q.high is not None and (q.qualifier or "").strip().lower() in _stated_maxima()


def maxima_agree(a: Quantity, b: Quantity, tolerance: float) -> bool:
    """Two stated maxima of one thing agree when the maxima do ("up to 1,000" / "as many as 1,000"); "up to 1,000
    jobs" and "up to 4,000 jobs" state two different plans, though any number below 1,000 fits both."""
    top_a = Quantity(nominal=a.high, low=a.high, high=a.high, unit=a.unit, dimension=a.dimension)
    top_b = Quantity(nominal=b.high, low=b.high, high=b.high, unit=b.unit, dimension=b.dimension)
    return quantities_agree(top_a, top_b, tolerance)


def ranges_overlap(a: TimeRange, b: TimeRange) -> bool:
    return a.start <= b.end and b.start <= a.end


def places_related(a: Place, b: Place) -> bool:
    """One place contains the other (Kursk Oblast and Russia), so both can be true of one subject.

    A city the gazetteer knows only by its country (its region unknown) may lie in any region of that country, so
    Regensburg and Bavaria are not called disjoint for want of data.
    """
    gaz = gazetteer()
    return (
        gaz.contains(a.key, b.key)
        or gaz.contains(b.key, a.key)
        or _region_unknown(a.key, b.key)
        or _region_unknown(b.key, a.key)
    )


def _region_unknown(city: str, region: str) -> bool:
    gaz = gazetteer()
    entry = gaz.get(city)
    if entry is None or entry.kind != "city":
        return False
    country = gaz.country_of(city)
    other = gaz.get(region)
    if other is None or other.kind == "city":
        return False  # two cities are two places, whatever regions the gazetteer knows them in
    return country is not None and tuple(entry.parents) == (country,) and gaz.country_of(region) == country


def name_words(name: Name) -> frozenset[str]:
    """A name's words, lower-cased, without the titles and function words in it ("Ms Elliot" -> {"elliot"}; "the
    Institute of Welsh Affairs" -> {"institute", "welsh", "affairs"})."""
    from checker.extract.lexicon import lexicon

    lex = lexicon()
    return frozenset(
        w for w in name.text.lower().replace("’", "'").replace(".", " ").split()
        if w not in lex.titles and w not in lex.determiners and w not in ("of", "and", "&", "for")
    )


def names_differ(a: Name, b: Name) -> bool:
    """Two names that cannot be one person or body: no word in common ("Franklin" and "Tom Franklin" may be one man)
    and neither the initials of the other ("IWA", "the Institute of Welsh Affairs"). Two pronouns differ when their
    genders do ("his" / "her": one person told as a man and as a woman)."""
    from checker.extract.lexicon import lexicon

    gender = lexicon().gendered_pronouns
    ga, gb = gender.get(a.text.lower()), gender.get(b.text.lower())
    if ga is not None or gb is not None:
        return ga is not None and gb is not None and ga != gb
    wa, wb = name_words(a), name_words(b)
    if not wa or not wb or wa & wb:
        return False
    for short, full in ((a.text, wb), (b.text, wa)):
        letters = short.replace(".", "").strip()
        if letters.isupper() and len(full) > 1 and set(letters.lower()) <= {w[0] for w in full}:
            return False
    return True


def contains(outer: Place, inner: Place) -> bool:
    return gazetteer().contains(outer.key, inner.key)


def quantity_key(q: Quantity) -> str:
    """A normalised spelling of a quantity for fingerprints: bounds and unit, not the words used."""

    def fmt(x: float | None) -> str:
        return "*" if x is None else f"{x:.6g}"

    return f"{fmt(q.low)}..{fmt(q.high)}{q.unit}"
