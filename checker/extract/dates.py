"""Date and period expressions in prose, as inclusive day ranges that keep their uncertainty.

Reports rarely write full dates: they say "on Nov. 13", "in June", "last week", "late October", "the third
quarter". Two reports only contradict each other on *when* if their ranges cannot overlap, so every expression is
turned into the widest honest range ("in June" is June 1..30, not June 1) and resolved against the report's own
date (the *reference*): a date written without a year takes the year that puts it nearest to the reference, and a
bare weekday is the most recent one on or before it (news is written about the past).

How it works: one compiled master regex finds candidate expressions; Python checks the ones regexes cannot judge
(is "2000" a year or a count? is "June" a month or a person?), widens each candidate with the words in front of it
("early", "the first half of", "earlier"), joins candidates into ranges ("from June 1 to July 5", "between March
and May"), and only then resolves years, so that "Dec. 30 to Jan. 2, 2025" starts in 2024.

Without a reference, expressions that need one (no year written, "yesterday", "Monday") are not returned; full
dates, years, decades and centuries still are.
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
import json
import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any, Literal, TypeVar

from checker.models import DateMatch, TimeRange, direct_as_given, shared_fields_set

_T = TypeVar("_T")

Relation = Literal["on", "as_of", "before", "after", "since"]
DayRange = tuple[dt.date, dt.date]

__all__ = ["find_dates", "parse_date"]


# --------------------------------------------------------------------------------------------------- knowledge


@dataclass(frozen=True)
class _Calendar:
    month_of: dict[str, int]  # lower-case name or abbreviation -> 1..12
    month_names: list[str]  # every spelling, longest first
    full_months: frozenset[str]  # lower-case full names (a dot after them ends a sentence)
    months_also_words: frozenset[str]  # "may", "march": in lower-cased text no month
    weekday_of: dict[str, int]  # lower-case name or abbreviation -> 0..6 (Monday = 0)
    weekday_full: list[str]
    weekday_all: list[str]
    weekday_blockers: frozenset[str]
    weekday_blockers_after: frozenset[str]
    relative_days: dict[str, tuple[int, int]]
    relative_markers: frozenset[str]  # "next", "this", "last" before a period unit: "next week"
    relative_units: frozenset[str]
    seasons: dict[str, tuple[int, int]]
    parts: dict[str, str]
    part_of_month: dict[str, tuple[int, int]]
    ordinals: dict[str, int]
    count_words: dict[str, tuple[int, int]]
    recent: dict[str, int]
    vague_plural: tuple[int, int]
    relations: dict[str, Relation]
    cues: frozenset[str]
    year_followers: frozenset[str]
    quantity_cues: frozenset[str]
    year_blockers: frozenset[str]
    time_zones: frozenset[str]


@cache
def calendar_words() -> _Calendar:
    """The hand-kept calendar vocabulary (checker/data/calendar.json), loaded once."""
    raw = json.loads(resources.files("checker.data").joinpath("calendar.json").read_text("utf-8"))
    month_of = {name.lower(): i + 1 for i, names in enumerate(raw["months"]) for name in names}
    weekday_of = {name.lower(): i for i, names in enumerate(raw["weekdays"]) for name in names}
    by_len = lambda words: sorted(words, key=len, reverse=True)  # noqa: E731 - longest first for alternations
    return _Calendar(
        month_of=month_of,
        month_names=by_len(name for names in raw["months"] for name in names),
        full_months=frozenset(names[0].lower() for names in raw["months"]),
        months_also_words=frozenset(raw["months_also_words"]),
        weekday_of=weekday_of,
        weekday_full=by_len(names[0] for names in raw["weekdays"]),
        weekday_all=by_len(name for names in raw["weekdays"] for name in names),
        weekday_blockers=frozenset(raw["weekday_blockers"]),
        weekday_blockers_after=frozenset(raw["weekday_blockers_after"]),
        relative_days={k: (v[0], v[1]) for k, v in raw["relative_days"].items()},
        relative_markers=frozenset(raw["relative_periods"]["markers"]),
        relative_units=frozenset(raw["relative_periods"]["units"]),
        seasons={k: (v[0], v[1]) for k, v in raw["seasons"].items()},
        parts=dict(raw["parts"]),
        part_of_month={k: (v[0], v[1]) for k, v in raw["part_of_month"].items()},
        ordinals=dict(raw["ordinals"]),
        count_words={k: (v[0], v[1]) for k, v in raw["count_words"].items()},
        recent=dict(raw["recent"]),
        vague_plural=(raw["vague_plural"][0], raw["vague_plural"][1]),
        relations=dict(raw["relations"]),
        cues=frozenset(raw["cues"]),
        year_followers=frozenset(raw["year_followers"]),
        quantity_cues=frozenset(raw["quantity_cues"]),
        year_blockers=frozenset(raw["year_blockers"]),
        time_zones=frozenset(raw["time_zones"]),
    )


# --------------------------------------------------------------------------------------------------- patterns


def _cased(words: list[str]) -> str:
    """Title-case and upper-case spellings only: "may", "march" and "august" in lower case are not months."""
    forms: list[str] = []
    for word in words:
        for form in (word[:1].upper() + word[1:], word.upper()):
            if form not in forms:
                forms.append(form)
    return "|".join(re.escape(f) for f in forms)


def _words(words: list[str]) -> str:
    """Case-insensitive alternation of phrases, longest first, any run of spaces between words."""
    ordered = sorted(words, key=len, reverse=True)
    return "(?i:" + "|".join(r"\s+".join(re.escape(w) for w in phrase.split()) for phrase in ordered) + ")"


_CAL = calendar_words()
_MON = _cased(_CAL.month_names)
_WD = _cased(_CAL.weekday_full)
_WDA = _cased(_CAL.weekday_all)
_D = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_Y = r"(?:1[0-9]\d\d|20\d\d|21\d\d)"
_YEND = r"(?![\w%]|[.,]\d)"
_DX = r"(?i:this|last|next)"
_NUM = r"(?:\d{1,3}|" + _words(list(_CAL.count_words)) + ")"
_DAYSEP = r"(?:\s?[-–—]\s?|\s+(?:to|through|until|till|and)\s+)"
_SEASON = r"(?:[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter|SPRING|SUMMER|AUTUMN|FALL|WINTER)"

_MASTER = re.compile(
    "|".join(
        [
            # 2024-11-25, 2024/11/25, 2024-11-25T10:00:00Z
            rf"(?P<iso>(?<![\w.,/-])(?P<iso_y>{_Y})(?P<iso_s>[-/.])(?P<iso_m>[01]?\d)(?P=iso_s)(?P<iso_d>[0-3]?\d)"
            r"(?:[T ]\d\d:\d\d(?::\d\d(?:[.,]\d+)?)?(?:\s?Z|\s?[+-]\d\d:?\d\d)?)?(?![\w/-]|[.,]\d))",
            # 25/11/2024, 11/25/2024, 25.11.2024 -- only when the order is unambiguous
            rf"(?P<num>(?<![\w.,/-])(?P<num_a>\d{{1,2}})(?P<num_s>[-/.])(?P<num_b>\d{{1,2}})(?P=num_s)"
            rf"(?P<num_y>{_Y})(?![\w/-]|[.,]\d))",
            # (Monday,) Nov. 25(-27)(, 2024)
            rf"(?P<mdy>(?<![\w.])(?:(?:{_WDA})\.?,?\s+)?(?P<mdy_m>{_MON})(?:\.\s*|\s+)(?P<mdy_d>{_D})"
            rf"(?:(?P<mdy_sep>{_DAYSEP})(?P<mdy_d2>{_D})(?![\w:]|[.,]\d|\s*%|\s+percent))?(?![\w:]|[.,]\d|\s*%)"
            rf"(?:,?\s(?P<mdy_y>{_Y}){_YEND})?)",
            # (Mon,) (the) 25(th)(-27) (of) November(,) (2024)
            rf"(?P<dmy>(?<![\w.,])(?:(?:{_WDA})\.?,?\s+)?(?:the\s+)?(?P<dmy_d>{_D})"
            rf"(?:(?P<dmy_sep>{_DAYSEP})(?P<dmy_d2>{_D}))?\s+(?:of\s+)?(?P<dmy_m>{_MON})\.?(?!\w)"
            rf"(?:,?\s(?P<dmy_y>{_Y}){_YEND})?)",
            # November 2024, June of 2024
            rf"(?P<my>(?<![\w.])(?P<my_m>{_MON})\.?,?\s+(?:of\s+)?(?P<my_y>{_Y}){_YEND})",
            # Q3 2024, Q3, 3Q24, Q4 FY2024, Q1'25
            rf"(?P<q>(?<![\w.])(?:Q(?P<q_n>[1-4])|(?P<q_n2>[1-4])Q)(?:\s+(?:of\s+)?(?P<q_fy>FY\s?|(?i:fiscal)\s+)?(?P<q_y>{_Y}|(?<=FY)\d\d|(?<=FY )\d\d)|\s?['’](?P<q_y2>\d\d)|(?P<q_y3>\d\d))?(?![\w%]))",
            # H1 2024, H2'24 (bare "H2" is hydrogen: weak unless a year follows)
            rf"(?P<h>(?<![\w.])H(?P<h_n>[12])(?:\s+(?P<h_y>{_Y})|\s?['’](?P<h_y2>\d\d))?(?![\w%]))",
            # third-quarter profit, the first quarter (the "of 2024" form is a prefix of the year)
            r"(?P<qw>(?<![\w-])(?P<qw_o>(?i:first|second|third|fourth|final|1st|2nd|3rd|4th))[-\s]+"
            r"(?:(?i:fiscal)[-\s]+)?(?i:quarter)(?!\w)(?!\s+of\b))",
            # the 1990s, '90s, the 1800s (a century)
            r"(?P<dec>(?<![\w$£€.,])(?:(?i:the)\s+)?(?:(?P<dec_y>1\d\d|20\d)0|['’](?P<dec_s>\d)0)[’']?s(?!\w))",
            # the 20th century
            r"(?P<cen>(?<![\w.])(?:(?i:the)\s+)?(?P<cen_n>1\d|2[01]|[1-9])(?:st|nd|rd|th)[-\s](?i:century)(?!\w))",
            # summer 2023, last summer, the winter of 2022-23
            rf"(?P<se>(?<![\w.])(?:(?P<se_dx>{_DX})\s+)?(?:(?i:the)\s+)?(?P<se_n>{_SEASON})"
            rf"(?:\s+(?:of\s+)?(?P<se_y>{_Y})(?:[-–/](?P<se_y2>\d\d|{_Y}))?{_YEND})?(?!\w))",
            # 2024, 2019-2021, 2022/23, FY2024, fiscal 2024
            rf"(?P<yr>(?<![\w$€£#.,/])(?P<yr_fy>FY\s?|(?i:fiscal)\s+(?:(?i:year)\s+)?)?(?P<yr_y>{_Y})"
            rf"(?:\s?(?P<yr_sep>[-–/])\s?(?P<yr_y2>{_Y}|\d\d)(?!\w))?{_YEND}(?!\s?%))",
            r"(?P<fy>(?<![\w.])FY\s?(?P<fy_y>\d\d)(?!\w))",
            # (last) Monday
            rf"(?P<wd>(?<![\w.])(?:(?P<wd_dx>{_DX})\s+)?(?P<wd_n>{_WD})(?!\w))",
            # yesterday, today, the day before yesterday
            rf"(?P<rd>(?<![\w.]){_words(list(_CAL.relative_days))}(?!\w))",
            # last week, this month, next year, this weekend
            rf"(?P<rp>(?<![\w.])(?P<rp_dx>{_DX})\s+(?P<rp_u>(?i:weekend|week|month|year|quarter))(?!\w)(?!\s+of\b))",
            # the week, the month, the year, the weekend (only with a part word or a cue)
            r"(?P<th>(?<![\w.])(?i:the)\s+(?P<th_u>(?i:weekend|week|month|year))(?!\w)(?!\s+of\b))",
            # year-end, month-end
            r"(?P<ye>(?<![\w.])(?P<ye_u>(?i:year|month|week))[-\s](?i:end)(?!\w))",
            # two weeks ago
            rf"(?P<ago>(?<![\w.,])(?P<ago_n>{_NUM})\s+(?P<ago_u>(?i:day|week|month|year|decade))s?\s+(?i:ago)(?!\w))",
            # the past week, the last 24 hours, the coming months
            rf"(?P<pa>(?<![\w.])(?i:the)\s+(?P<pa_w>(?i:past|last|previous|coming|next))\s+(?:(?P<pa_n>{_NUM})\s+)?"
            r"(?P<pa_u>(?i:hour|day|week|month|year|decade))(?P<pa_pl>s)?(?!\w)(?!\s+of\b))",
            # recent days / weeks / months
            r"(?P<re>(?<![\w.])(?i:recent)\s+(?P<re_u>(?i:day|week|month|year))s(?!\w))",
            # (last) June -- weak unless a cue or part word stands before it
            rf"(?P<bm>(?<![\w.])(?:(?P<bm_dx>{_DX})\s+)?(?P<bm_m>{_MON})\.?(?!\w))",
        ]
    )
)

# Words in front of a date that narrow it: "early", "mid-", "the end of", "the first half of", "the last week of".
_PREFIX = re.compile(
    r"(?:(?P<part>(?i:early|mid|late|earlier|later))(?:\s*-\s*|\s+)(?:(?i:in)\s+)?"
    r"|(?:(?i:the)\s+)?(?P<edge>(?i:beginning|start|middle|end|close))\s+(?i:of)\s+"
    r"|(?:(?i:the)\s+)?(?P<ord>(?i:first|second|third|fourth|final|last|1st|2nd|3rd|4th))\s+"
    r"(?P<unit>(?i:half|quarter|week))\s+(?i:of)\s+"
    r")(?:(?i:the)\s+)?$"
)
_PREV_WORD = re.compile(r"([A-Za-z][A-Za-z.'’-]*)\W*$")
_NEXT_WORD = re.compile(r"\s+([A-Za-z][A-Za-z'’-]*)")
_CONNECTOR = re.compile(r"\s*[-–—]\s*|\s+(?i:to|through|thru|until|till|and)\s+")
_PART_HYPHEN = re.compile(r"(?:^|(?<=[^A-Za-z]))(?i:mid|early|late|pre|post)-$")
_BETWEEN = re.compile(r"(?:^|(?<=\W))(?i:between|from)\s+$")
_LOOKBACK = 32

# Scanning the master regex at every offset is slow (it has many alternatives), so find_dates only tries it at a
# few word starts around *anchors*: a month or weekday name, a four-digit number, or a calendar word. Every
# alternative of the master regex contains one of them, at most three words after its start.
_CAP_ANCHOR = re.compile(f"(?:{_MON}|{_WD}|Q[1-4]|H[12]|FY)(?![a-z])")
# Every alternative opens with a digit: the lookahead lets the scan skip other characters at once (twice as fast).
_DIGIT_ANCHOR = re.compile(r"(?=[0-9])(?:[0-9]{4}|[0-9]0s|[1-4]Q)")
_KEYWORDS = ("today", "tonight", "yesterday", "tomorrow", "overnight", "night", "morning", "afternoon", "evening",
             "week", "month", "year", "quarter", "day", "hour", "decade", "recent", "spring", "summer", "autumn",
             "fall", "winter", "century")
# Lower-case words an alternative may start with (capitalised words and digits are always tried).
_BEFORE_UNIT = frozenset({"of", "past", "previous", "coming", "few", "several"})
_SELF_START = frozenset({"today", "tonight", "yesterday", "tomorrow", "overnight", "recent", "spring", "summer",
                         "autumn", "fall", "winter"})
_START_WORDS = frozenset(
    {"the", "this", "last", "next", "recent", "fiscal", "first", "second", "third", "fourth", "final", "year",
     "month", "week"}
    | {w.split()[0] for w in _CAL.relative_days}
    | {w.split()[0] for w in _CAL.count_words}
    | set(_CAL.seasons)
    | set(_CAL.weekday_of)
    | set(_CAL.month_of)
)
_WORD = re.compile(r"[A-Za-z]+")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_OPENERS = "(\"“‘['"
_PUNCT = "()[]{}\"“”‘’'.,;:!?-–—"
_PREFIX_ENDS = frozenset({"early", "mid", "late", "earlier", "later", "in", "of"})


# --------------------------------------------------------------------------------------------------- calendar helpers


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, _calendar.monthrange(year, month)[1])


def _month(year: int, month: int) -> DayRange:
    return dt.date(year, month, 1), _month_end(year, month)


def _add_months(year: int, month: int, n: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + n
    return index // 12, index % 12 + 1


def _shift_months(day: dt.date, n: int) -> dt.date:
    year, month = _add_months(day.year, day.month, n)
    return dt.date(year, month, min(day.day, _calendar.monthrange(year, month)[1]))


def _day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _distance(rng: DayRange, ref: dt.date) -> int:
    if rng[0] <= ref <= rng[1]:
        return 0
    return (rng[0] - ref).days if rng[0] > ref else (ref - rng[1]).days


def _whole_months(rng: DayRange) -> int:
    """How many calendar months the range covers exactly, or 0 if it does not start and end on month edges."""
    start, end = rng
    if start.day != 1 or end != _month_end(end.year, end.month):
        return 0
    return (end.year - start.year) * 12 + end.month - start.month + 1


def _slice(rng: DayRange, lo: float, hi: float) -> DayRange:
    """The part of ``rng`` between fractions ``lo`` and ``hi``, in whole months when the range is whole months."""
    months = _whole_months(rng)
    if months > 12 and months % 12 == 0 and rng[0].month == 1:  # decades, centuries, year ranges: cut in whole years
        years = months // 12
        first = math.floor(lo * years + 1e-9)
        last = max(first, math.ceil(hi * years - 1e-9) - 1)
        return dt.date(rng[0].year + first, 1, 1), dt.date(rng[0].year + last, 12, 31)
    if months > 1:
        first = math.floor(lo * months + 1e-9)
        last = max(first, math.ceil(hi * months - 1e-9) - 1)
        y1, m1 = _add_months(rng[0].year, rng[0].month, first)
        y2, m2 = _add_months(rng[0].year, rng[0].month, last)
        return dt.date(y1, m1, 1), _month_end(y2, m2)
    days = (rng[1] - rng[0]).days + 1
    first = math.floor(lo * days + 1e-9)
    last = max(first, math.ceil(hi * days - 1e-9) - 1)
    return rng[0] + dt.timedelta(days=first), rng[0] + dt.timedelta(days=last)


def _part(rng: DayRange, part: str, ref: dt.date | None) -> DayRange:
    """early / mid / late (overlapping thirds, so "mid" does not exclude the edges), earlier / later (relative to
    the reference when it falls inside the period). A calendar month uses the newsroom days 1-10/11-20/21-end."""
    if part in ("earlier", "later"):
        if ref is not None and rng[0] <= ref <= rng[1]:
            return (rng[0], ref) if part == "earlier" else (ref, rng[1])
        part = "early" if part == "earlier" else "late"
    if _whole_months(rng) == 1:
        lo, hi = _CAL.part_of_month[part]
        end = min(hi, rng[1].day)
        return rng[0].replace(day=lo), rng[0].replace(day=end)
    lo, hi = {"early": (0.0, 0.4), "mid": (0.3, 0.7), "late": (0.6, 1.0)}[part]
    return _slice(rng, lo, hi)


def _nth(rng: DayRange, n: int, unit: str) -> DayRange | None:
    """The n-th half / quarter / week of a period (n = -1: the last one)."""
    if unit == "week":
        if n == -1:
            return max(rng[0], rng[1] - dt.timedelta(days=6)), rng[1]
        start = rng[0] + dt.timedelta(days=7 * (n - 1))
        return (start, min(rng[1], start + dt.timedelta(days=6))) if start <= rng[1] else None
    months = _whole_months(rng)
    if months > 1 and rng[0].month != 1:
        return rng  # the first quarter of a fiscal year: which months depends on the company
    pieces = 2 if unit == "half" else 4
    if n == -1:
        n = pieces
    if n > pieces:
        return None
    return _slice(rng, (n - 1) / pieces, n / pieces)


def _week(ref: dt.date, shift: int = 0) -> DayRange:
    monday = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(days=7 * shift)
    return monday, monday + dt.timedelta(days=6)


def _quarter(year: int, q: int) -> DayRange:
    return dt.date(year, 3 * q - 2, 1), _month_end(year, 3 * q)


def _season(year: int, name: str) -> DayRange:
    first, last = _CAL.seasons[name]
    if first > last:  # winter: December of ``year`` into the next year
        return dt.date(year, first, 1), _month_end(year + 1, last)
    return dt.date(year, first, 1), _month_end(year, last)


def _ago(ref: dt.date, low: int, high: int, unit: str) -> DayRange:
    """N units ago: a day for days, a week either side for weeks, whole months and years otherwise."""
    if unit == "day":
        return ref - dt.timedelta(days=high), ref - dt.timedelta(days=low)
    if unit == "week":
        return ref - dt.timedelta(days=7 * high + 3), ref - dt.timedelta(days=7 * low - 3)
    if unit == "month":
        y1, m1 = _add_months(ref.year, ref.month, -high)
        y2, m2 = _add_months(ref.year, ref.month, -low)
        return dt.date(y1, m1, 1), _month_end(y2, m2)
    years = 10 if unit == "decade" else 1
    return dt.date(ref.year - high * years, 1, 1), dt.date(ref.year - low * years, 12, 31)


def _back(ref: dt.date, n: int, unit: str) -> dt.date:
    if unit == "hour":
        return ref - dt.timedelta(days=max(1, -(-n // 24)))
    if unit in ("day", "week"):
        return ref - dt.timedelta(days=n * (7 if unit == "week" else 1))
    return _shift_months(ref, -n * {"month": 1, "year": 12, "decade": 120}[unit])


def _forward(ref: dt.date, n: int, unit: str) -> dt.date:
    if unit == "hour":
        return ref + dt.timedelta(days=max(1, -(-n // 24)))
    if unit in ("day", "week"):
        return ref + dt.timedelta(days=n * (7 if unit == "week" else 1))
    return _shift_months(ref, n * {"month": 1, "year": 12, "decade": 120}[unit])


# --------------------------------------------------------------------------------------------------- candidates

YearBuild = Callable[[int], DayRange | None]
RelBuild = Callable[[dt.date], DayRange | None]
Modifier = Callable[[DayRange, dt.date | None], DayRange | None]


@dataclass
class _Candidate:
    """A matched expression before resolution.

    ``build`` makes the range for a given year (absolute dates whose year may be missing, ``year`` is the written
    year or ``None``); ``rel`` makes it from the reference (yesterday, last week); ``fixed`` needs neither.
    ``weak`` candidates ("June", "the year") survive only with a cue word, a part word or as one end of a range.
    """

    start: int
    end: int
    weak: bool = False
    year: int | None = None
    build: YearBuild | None = None
    deixis: str | None = None
    rel: RelBuild | None = None
    fixed: DayRange | None = None
    modifiers: list[Modifier] = field(default_factory=list)
    cue_ok: bool = True
    ranged: bool = False  # written as a range ("June 1 to 5", "2019-2021"): a "from"/"between" before it belongs to it

    def resolve(self, ref: dt.date | None, year: int | None = None) -> DayRange | None:
        rng = self._base(ref, year)
        for modify in self.modifiers:
            if rng is None:
                return None
            rng = modify(rng, ref)
        return rng

    def _base(self, ref: dt.date | None, year: int | None) -> DayRange | None:
        if self.fixed is not None:
            return self.fixed
        if self.rel is not None:
            return self.rel(ref) if ref is not None else None
        assert self.build is not None
        if year is None:
            year = self.year
        if year is not None:
            return self.build(year)
        if ref is None:
            return None
        return _nearest(self.build, ref, self.deixis)


def _nearest(build: YearBuild, ref: dt.date, deixis: str | None) -> DayRange | None:
    """The instance of a yearless date nearest the reference ("this/last/next" pick the current, latest finished
    or earliest future instance). Ties go to the past: reports are mostly written after the fact."""
    years = range(max(dt.MINYEAR, ref.year - 2), min(dt.MAXYEAR, ref.year + 1) + 1)
    options = [r for y in years if (r := build(y)) is not None]
    if not options:
        return None
    if deixis == "last":
        past = [r for r in options if r[1] < ref]
        return past[-1] if past else None
    if deixis == "next":
        future = [r for r in options if r[0] > ref]
        return future[0] if future else None
    if deixis == "since":
        begun = [r for r in options if r[0] <= ref]
        return begun[-1] if begun else None
    if deixis == "this":
        for r in options:
            if r[0] <= ref <= r[1]:
                return r
        # Not under way: the nearest of those in the reference's year ("this winter" written on March 14 is the
        # winter that ended in February, not the one starting in December; "this summer" in January is the coming
        # one).
        same = [r for r in options if ref.year in (r[0].year, r[1].year)]
        return min(same, key=lambda r: (_distance(r, ref), r[0] > ref)) if same else None
    return min(options, key=lambda r: (_distance(r, ref), r[0] > ref))


def _int(text: str | None) -> int | None:
    return int(text.rstrip("stndrh")) if text else None


def _count(text: str) -> tuple[int, int]:
    if text.isdigit():
        return int(text), int(text)
    return _CAL.count_words[" ".join(text.lower().split())]


def _md_build(month: int, day: int, day2: int | None) -> YearBuild:
    def build(year: int) -> DayRange | None:
        first = _day(year, month, day)
        last = _day(year, month, day2) if day2 else first
        if first is None or last is None or last < first:
            return None
        return first, last

    return build


def _year_ok(text: str, start: int, end: int) -> bool:
    """Whether a bare four-digit number is a year: not a count ("2000 troops", "some 2000"), an identifier
    ("flight 2024") or a clock time ("at 2030 GMT")."""
    prev = _PREV_WORD.search(text, max(0, start - 24), start)
    prev_word = prev.group(1).lower().rstrip(".") if prev else ""
    if prev_word in _CAL.quantity_cues or prev_word in _CAL.year_blockers:
        return False
    if text.startswith(("'s", "’s"), end):
        return True
    nxt = _NEXT_WORD.match(text, end, end + 40)
    if nxt is None:
        return True
    word = nxt.group(1)
    if word.lower() in _CAL.time_zones:
        return False
    if word[0].islower():
        return word in _CAL.year_followers
    return True


def _candidate(m: re.Match[str], text: str) -> _Candidate | None:
    """Turn one master-regex match into a candidate, or reject it (None)."""
    kind = m.lastgroup
    g = m.group
    s, e = m.start(kind), m.end(kind)
    if kind == "iso":
        y, mo, d = int(g("iso_y")), int(g("iso_m")), int(g("iso_d"))
        day = _day(y, mo, d)
        return _Candidate(s, e, fixed=(day, day)) if day else None
    if kind == "num":
        a, b, y, sep = int(g("num_a")), int(g("num_b")), int(g("num_y")), g("num_s")
        if sep == "." or a > 12:
            day = _day(y, b, a)
        elif b > 12:
            day = _day(y, a, b)
        else:
            day = _day(y, a, b) if a == b else None  # 03/04/2024: day-month or month-day? Skip it.
        return _Candidate(s, e, fixed=(day, day)) if day else None
    if kind in ("dmy", "my", "bm") and text[e - 1] == "." and g(f"{kind}_m").lower() in _CAL.full_months:
        e -= 1  # "in August." -- the full stop ends the sentence, it does not abbreviate the month
    if kind in ("mdy", "dmy"):
        month = _CAL.month_of[g(f"{kind}_m").lower()]
        day, day2 = _int(g(f"{kind}_d")), _int(g(f"{kind}_d2"))
        year = _int(g(f"{kind}_y"))
        if day2 is not None and g(f"{kind}_sep").strip().lower() == "and" and not _BETWEEN.search(
            text, max(0, s - 12), s
        ):
            if kind == "dmy":
                return None  # "1 and 5 March" without "between": two days, not a range we can express
            day2, year, e = None, None, m.end(f"{kind}_d")
        if day2 is not None and day2 <= day:
            if kind == "dmy":
                return None  # "3-1 May": a score, not a range
            day2, year, e = None, None, m.end("mdy_d")
        return _Candidate(s, e, year=year, build=_md_build(month, day, day2), ranged=day2 is not None)
    if kind == "my":
        month, year = _CAL.month_of[g("my_m").lower().rstrip(".")], int(g("my_y"))
        return _Candidate(s, e, year=year, build=lambda y, mo=month: _month(y, mo))
    if kind == "q":
        n = int(g("q_n") or g("q_n2"))
        if g("q_fy"):  # a fiscal quarter: which calendar months it covers depends on the company; keep its year
            y = int(g("q_y")) if len(g("q_y")) == 4 else 2000 + int(g("q_y"))
            return _Candidate(s, e, fixed=(dt.date(y - 1, 4, 1), dt.date(y + 1, 3, 31)))
        year = int(g("q_y")) if g("q_y") else None
        if year is None and (g("q_y2") or g("q_y3")):
            year = 2000 + int(g("q_y2") or g("q_y3"))
        return _Candidate(s, e, year=year, build=lambda y, q=n: _quarter(y, q))
    if kind == "h":
        n = int(g("h_n"))
        year = int(g("h_y")) if g("h_y") else (2000 + int(g("h_y2")) if g("h_y2") else None)
        return _Candidate(s, e, weak=year is None, year=year,
                          build=lambda y, h=n: (dt.date(y, 6 * h - 5, 1), _month_end(y, 6 * h)))
    if kind == "qw":
        n = _CAL.ordinals[g("qw_o").lower()]
        n = 4 if n == -1 else n
        return _Candidate(s, e, build=lambda y, q=n: _quarter(y, q))
    if kind == "dec":
        if g("dec_y"):
            head = int(g("dec_y"))
            if head % 10 == 0 and head != 200:  # the 1800s, the 1900s: a century (which holds the decade)
                return _Candidate(s, e, fixed=(dt.date(head * 10, 1, 1), dt.date(head * 10 + 99, 12, 31)))
            first = head * 10
        else:
            digit = int(g("dec_s"))
            first = 2000 + digit * 10 if digit <= 2 else 1900 + digit * 10
        return _Candidate(s, e, fixed=(dt.date(first, 1, 1), dt.date(first + 9, 12, 31)))
    if kind == "cen":
        n = int(g("cen_n"))
        return _Candidate(s, e, fixed=(dt.date((n - 1) * 100, 1, 1) if n > 1 else dt.date(1, 1, 1),
                                       dt.date(n * 100, 12, 31)))
    if kind == "se":
        return _season_candidate(m, text, s, e)
    if kind == "yr":
        y = int(g("yr_y"))
        fiscal = g("yr_fy") is not None
        if g("yr_y2"):
            raw2 = g("yr_y2")
            if len(raw2) == 4:
                y2 = int(raw2)
            else:
                two = int(raw2)
                if two == (y + 1) % 100 or (two > y % 100 and g("yr_sep") != "/"):
                    y2 = y // 100 * 100 + two
                elif 1 <= two <= 12 and g("yr_sep") == "-" and not fiscal:  # ISO year-month: 2024-11
                    return _Candidate(s, e, fixed=_month(y, two))
                else:
                    return None
            if not y < y2 <= y + 50:
                return None
            if fiscal:
                return _Candidate(s, e, fixed=(dt.date(y - 1, 4, 1), dt.date(y2 + 1, 3, 31)), ranged=True)
            return _Candidate(s, e, fixed=(dt.date(y, 1, 1), dt.date(y2, 12, 31)), ranged=True)
        part_hyphen = text[s - 1 : s] == "-" and _PART_HYPHEN.search(text, max(0, s - 8), s) is not None
        if text[s - 1 : s] == "-" and text[s - 2 : s - 1].isalpha() and not part_hyphen:
            return None  # KN-2024, X-2024: a model name; but mid-2024, early-2025 are dates
        if not fiscal and not (1800 <= y <= 2099 and (part_hyphen or _year_ok(text, s, e))):
            return None
        if fiscal:  # fiscal years end anywhere from March of the year to March of the next
            return _Candidate(s, e, fixed=(dt.date(y - 1, 4, 1), dt.date(y + 1, 3, 31)))
        return _Candidate(s, e, year=y, build=lambda yy: (dt.date(yy, 1, 1), dt.date(yy, 12, 31)))
    if kind == "fy":
        y = 2000 + int(g("fy_y"))
        return _Candidate(s, e, fixed=(dt.date(y - 1, 4, 1), dt.date(y + 1, 3, 31)))
    if kind == "wd":
        prev = _PREV_WORD.search(text, max(0, s - 24), s)
        if g("wd_dx") is None and prev and prev.group(1).lower() in _CAL.weekday_blockers and text[
            prev.end(1):s
        ].strip() == "":
            return None  # Black Friday, Super Tuesday
        nxt = _NEXT_WORD.match(text, e, e + 24)
        if nxt and nxt.group(1)[0].isupper() and nxt.group(1).lower() in _CAL.weekday_blockers_after:
            return None  # the Sunday Times; "Monday Night Football"
        weekday = _CAL.weekday_of[g("wd_n").lower()]
        deixis = (g("wd_dx") or "").lower() or None
        return _Candidate(s, e, rel=lambda ref, wd=weekday, dx=deixis: _weekday(ref, wd, dx))
    if kind == "rd":
        lo, hi = _CAL.relative_days[" ".join(g("rd").lower().split())]
        return _Candidate(s, e, rel=lambda ref, a=lo, b=hi: (ref + dt.timedelta(days=a), ref + dt.timedelta(days=b)))
    if kind == "rp":
        deixis, unit = g("rp_dx").lower(), g("rp_u").lower()
        return _Candidate(s, e, rel=lambda ref, dx=deixis, u=unit: _relative_period(ref, dx, u))
    if kind == "th":
        unit = g("th_u").lower()
        return _Candidate(s, e, weak=True, cue_ok=unit == "weekend",
                          rel=lambda ref, u=unit: _relative_period(ref, "the", u))
    if kind == "ye":
        unit = g("ye_u").lower()
        return _Candidate(s, e, rel=lambda ref, u=unit: _part(_relative_period(ref, "this", u), "late", ref))
    if kind == "ago":
        lo, hi = _count(g("ago_n"))
        unit = g("ago_u").lower()
        return _Candidate(s, e, rel=lambda ref, a=lo, b=hi, u=unit: _ago(ref, a, b, u))
    if kind == "pa":
        word, unit = g("pa_w").lower(), g("pa_u").lower()
        lo, hi = _count(g("pa_n")) if g("pa_n") else (_CAL.vague_plural if g("pa_pl") else (1, 1))
        if word in ("coming", "next"):
            if word == "next" and not g("pa_n") and not g("pa_pl"):
                return None  # "the next week" after a narrated event: relative to the story, not the report
            return _Candidate(s, e, rel=lambda ref, n=hi, u=unit: (ref, _forward(ref, n, u)))
        return _Candidate(s, e, rel=lambda ref, n=hi, u=unit: (_back(ref, n, u), ref))
    if kind == "re":
        unit = g("re_u").lower()
        return _Candidate(s, e, rel=lambda ref, u=unit: (_back(ref, _CAL.recent[u], u), ref))
    if kind == "bm":
        month = _CAL.month_of[g("bm_m").lower().rstrip(".")]
        deixis = (g("bm_dx") or "").lower() or None
        return _Candidate(s, e, weak=deixis is None, deixis=deixis, build=lambda y, mo=month: _month(y, mo))
    return None


def _season_candidate(m: re.Match[str], text: str, s: int, e: int) -> _Candidate | None:
    g = m.group
    name = g("se_n").lower()
    deixis = (g("se_dx") or "").lower() or None
    if g("se_y"):
        y = int(g("se_y"))
        if g("se_y2"):  # the winter of 2022-23
            raw2 = g("se_y2")
            y2 = int(raw2) if len(raw2) == 4 else y // 100 * 100 + int(raw2)
            if y2 != y + 1:
                return None
            if name == "winter":
                return _Candidate(s, e, fixed=_season(y, name))
            return _Candidate(s, e, fixed=(_season(y, name)[0], _season(y2, name)[1]))
        if name == "winter":  # "winter 2023": the one ending in 2023 or the one starting in it
            return _Candidate(s, e, fixed=(_season(y - 1, name)[0], _season(y, name)[1]))
        return _Candidate(s, e, fixed=_season(y, name))
    if name == "fall" and re.match(r"\s+(?:of|in|on|from|to|by)\b", text[e : e + 6]) and deixis is None:
        return None  # "the fall of Kabul", "a fall in prices"
    return _Candidate(s, e, weak=deixis is None, deixis=deixis, build=lambda y, n=name: _season(y, n))


def _weekday(ref: dt.date, weekday: int, deixis: str | None) -> DayRange:
    back = (ref.weekday() - weekday) % 7
    if deixis == "next":
        day = ref + dt.timedelta(days=(weekday - ref.weekday()) % 7 or 7)
    elif deixis == "this":
        day = _week(ref)[0] + dt.timedelta(days=weekday)
    elif deixis == "last":
        day = ref - dt.timedelta(days=back or 7)
    else:
        day = ref - dt.timedelta(days=back)
    return day, day


def _relative_period(ref: dt.date, deixis: str, unit: str) -> DayRange:
    shift = {"last": -1, "next": 1}.get(deixis, 0)
    if unit == "week":
        return _week(ref, shift)
    if unit == "weekend":
        if deixis == "the":  # "over the weekend": the latest weekend that has begun
            shift = 0 if ref.weekday() >= 5 else -1
        monday = _week(ref, shift)[0]
        return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
    if unit == "month":
        return _month(*_add_months(ref.year, ref.month, shift))
    if unit == "quarter":
        year, month = _add_months(ref.year, (ref.month - 1) // 3 * 3 + 1, 3 * shift)
        return dt.date(year, month, 1), _month_end(*_add_months(year, month, 2))
    return dt.date(ref.year + shift, 1, 1), dt.date(ref.year + shift, 12, 31)


# --------------------------------------------------------------------------------------------------- context


def _apply_prefix(text: str, cand: _Candidate, floor: int) -> None:
    """Widen the candidate over the part words in front of it, innermost first ("the first half of" then "early")."""
    while True:
        tail = text[max(floor, cand.start - 12) : cand.start].rsplit(None, 1)
        if not (tail and tail[-1].strip(_PUNCT).lower() in _PREFIX_ENDS or text[cand.start - 1 : cand.start] == "-"):
            return
        window_start = max(floor, cand.start - _LOOKBACK)
        p = _PREFIX.search(text, window_start, cand.start)
        if p is None or (p.start() > window_start and text[p.start() - 1].isalnum()):
            return
        if p.group("part"):
            part = _CAL.parts[p.group("part").lower()]
            cand.modifiers.append(lambda rng, ref, pt=part: _part(rng, pt, ref))
        elif p.group("edge"):
            part = _CAL.parts[p.group("edge").lower()]
            cand.modifiers.append(lambda rng, ref, pt=part: _part(rng, pt, ref))
        else:
            n, unit = _CAL.ordinals[p.group("ord").lower()], p.group("unit").lower()
            cand.modifiers.append(lambda rng, ref, k=n, u=unit: _nth(rng, k, u))
        cand.weak = False
        cand.start = p.start()


def _prev_words(text: str, start: int) -> list[str]:
    """The (up to) three lower-cased words right before ``start``, stripped of punctuation."""
    lo = max(0, start - 30)
    words = text[lo:start].split()
    if lo > 0 and words and not text[lo - 1].isspace():
        words = words[1:]  # the window cut a word in two
    return [w.strip(_PUNCT).lower() for w in words[-3:]]


def _has_cue(words: list[str]) -> bool:
    if words and words[-1] == "the":
        words = words[:-1]
    if not words:
        return False
    if words[-1] in _CAL.cues:
        return True
    return len(words) > 1 and f"{words[-2]} {words[-1]}" in _CAL.cues


def _relation(words: list[str]) -> Relation:
    if words and words[-1] == "the":
        words = words[:-1]
    if len(words) > 1 and (rel := _CAL.relations.get(f"{words[-2]} {words[-1]}")):
        return rel
    return _CAL.relations.get(words[-1], "on") if words else "on"


def _merge(a: _Candidate, b: _Candidate, ref: dt.date | None) -> DayRange | None:
    """The range from ``a`` to ``b`` ("from June 1 to July 5, 2024"), lending a written year across the pair."""
    if a.build is not None and b.build is not None and (a.year is None) != (b.year is None):
        if a.year is None:
            rb = b.resolve(ref)
            ra = a.resolve(ref, b.year)
            if ra and rb and ra[0] > rb[0]:
                ra = a.resolve(ref, b.year - 1)  # type: ignore[operator]
        else:
            ra = a.resolve(ref)
            rb = b.resolve(ref, a.year)
            if ra and rb and rb[1] < ra[0]:
                rb = b.resolve(ref, a.year + 1)  # type: ignore[operator]
        return (ra[0], rb[1]) if ra and rb and rb[1] >= ra[0] else None
    if a.build is not None and b.build is not None and a.year is None and ref is not None:
        best: DayRange | None = None
        for y in range(ref.year - 1, ref.year + 2):
            ra, rb = a.resolve(ref, y), b.resolve(ref, y)
            if ra and rb and rb[1] < ra[0]:
                rb = b.resolve(ref, y + 1)
            if ra and rb and rb[1] >= ra[0]:
                rng = (ra[0], rb[1])
                if best is None or (_distance(rng, ref), rng[0] > ref) < (_distance(best, ref), best[0] > ref):
                    best = rng
        return best
    ra, rb = a.resolve(ref), b.resolve(ref)
    return (ra[0], rb[1]) if ra and rb and rb[1] >= ra[0] else None


# --------------------------------------------------------------------------------------------------- public API


def find_dates(text: str, reference: dt.date | None) -> list[DateMatch]:
    """Every date or period expression in ``text`` with its offsets, inclusive day range and relation.

    Offsets cover the date words (with part words such as "early" or "the first half of", and "between"/"from"
    when they open a range), not a leading preposition; the preposition sets ``relation``.
    """
    cands: list[_Candidate] = []
    floor = 0
    for m in _scan(text):
        cand = _guarded(_candidate, m, text)
        if cand is None:
            continue
        _apply_prefix(text, cand, floor)
        if cand.weak and cand.cue_ok and _has_cue(_prev_words(text, cand.start)):
            cand.weak = False
        cands.append(cand)
        floor = cand.end

    out: list[DateMatch] = []
    i = 0
    while i < len(cands):
        a = cands[i]
        if i + 1 < len(cands):
            b = cands[i + 1]
            conn = _CONNECTOR.fullmatch(text, a.end, b.start)
            if conn and (not a.weak or not b.weak):
                opener = _BETWEEN.search(text, max(0, a.start - 10), a.start)
                if conn.group().strip().lower() != "and" or opener:
                    rng = _guarded(_merge, a, b, reference)
                    if rng is not None:
                        start = opener.start() if opener else a.start
                        relation = _relation(_prev_words(text, start))
                        out.append(_match(text, start, b.end, rng, relation))
                        i += 2
                        continue
        i += 1
        if a.weak:
            continue
        start = a.start
        if a.ranged and (opener := _BETWEEN.search(text, max(0, start - 10), start)):
            start = opener.start()
        relation = _relation(_prev_words(text, start))
        if relation == "since" and a.deixis is None and a.year is None and a.build is not None and reference:
            a.deixis = "since"  # "since June": a June that has begun, even if next June is nearer
        rng = _guarded(a.resolve, reference)
        if rng is not None:
            out.append(_match(text, start, a.end, rng, relation))
    return out


def _guarded(fn: Callable[..., _T], *args: Any) -> _T | None:
    """``fn(*args)``, or None when its date arithmetic leaves the calendar ("yesterday" on 0001-01-01, "next year"
    in 9999): such an expression names no day ``datetime`` can hold, so it is dropped rather than crash the report."""
    try:
        return fn(*args)
    except (OverflowError, ValueError):
        return None


def _anchors(text: str) -> list[int]:
    found = [m.start() for m in _CAP_ANCHOR.finditer(text)]
    found += [m.start() for m in _DIGIT_ANCHOR.finditer(text)]
    low = text.lower()
    if len(low) != len(text):  # a few characters change length when lower-cased; offsets must not move
        low = text.translate(_ASCII_LOWER)
    for word in _KEYWORDS:
        i = low.find(word)
        while i != -1:
            if (i == 0 or not low[i - 1].isalpha()) and (word in _SELF_START or _opens(low, i, word)):
                found.append(i)
            i = low.find(word, i + 1)
    return sorted(set(found))


def _opens(low: str, i: int, word: str) -> bool:
    """Whether a calendar word ("week", "day") can be part of an expression: the word before it must be one that
    opens one ("last week", "two days ago", "the past 24 hours", "a couple of days"), or it is "year-end"."""
    before = low[max(0, i - 16) : i].split()
    if before:
        last = before[-1].strip(_PUNCT)
        if last[:1].isdigit() or last in _START_WORDS or last in _BEFORE_UNIT:
            return True
    return low.startswith(("-end", " end"), i + len(word))


def _starts(text: str, p: int, floor: int) -> list[int]:
    """Where an expression holding the anchor at ``p`` may begin: the start of its word and of up to three words
    before it that can open an expression (a digit, "the", "last", a weekday...), earliest first."""
    lo = max(floor, p - 40)
    seg = text[lo:p]
    parts = seg.split()
    if not parts:
        return [p]
    out: list[int] = []
    end = len(seg)
    for part in reversed(parts[-4:]):
        i = seg.rfind(part, 0, end)
        end = i
        word = part.lstrip(_OPENERS)
        if not word:
            continue
        first = word[0]
        if not (first.isdigit() or first in "'’" or word.rstrip(_PUNCT).lower() in _START_WORDS):
            continue
        start = lo + i + len(part) - len(word)
        if lo + i == 0 or lo + i == floor or text[lo + i - 1].isspace():
            out.append(start)
    out.reverse()
    if not out or out[-1] != p:
        out.append(p)
    return out


def _scan(text: str) -> Iterator[re.Match[str]]:
    """Master-regex matches, left to right and not overlapping, tried only around anchors."""
    taken = 0
    for p in _anchors(text):
        if p < taken:
            continue
        for s in _starts(text, p, taken):
            m = _MASTER.match(text, s)
            if m is not None and m.end() > p:
                yield m
                taken = m.end()
                break


_TIME_GIVEN = shared_fields_set({"start", "end", "text"})


def _match(text: str, start: int, end: int, rng: DayRange, relation: Relation) -> DateMatch:
    # The day range is two ``datetime.date`` values and the text a slice, so validating them would return them
    # unchanged: the range is built as ``TimeRange(start=..., end=..., text=...)`` would build it.
    time = direct_as_given(TimeRange, {"type": "time", "start": rng[0], "end": rng[1], "text": text[start:end]},
                           _TIME_GIVEN)
    return DateMatch.model_construct(start=start, end=end, range=time, relation=relation)


def parse_date(phrase: str, reference: dt.date | None) -> TimeRange | None:
    """The date a standalone phrase names: a dateline ("KYIV, Nov. 25, 2024 —"), a metadata value
    ("2024-11-25T10:00:00Z", "Mon, 25 Nov 2024 10:00:00 GMT") or a plain phrase ("November 25, 2024").

    When the phrase holds several expressions the longest wins (the dateline's date over a stray year).
    """
    matches = find_dates(phrase, reference)
    if not matches:
        return None
    best = max(matches, key=lambda dm: (dm.end - dm.start, -dm.start))
    return best.range
