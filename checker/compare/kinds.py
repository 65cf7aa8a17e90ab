"""Conflict kinds: one small class per kind, registered in ``KINDS`` (as pyflakes keeps its messages).

Each kind says when two aligned claims conflict in its way (``judge``), how the conflict reads (``message``, one
template built from the two claims' frames), how it ranks against the other kinds when one pair of passages fits
several (``priority``: lower wins), and carries examples that run as tests (tests/checker/compare/test_kinds.py,
one test id per example). Adding a kind touches this file and its tests only.

The engine (``engine.py``) finds which claims to compare; the gate of scope (place, event, worldwide) is the
engine's too, since it applies to every kind. A kind only ever sees two claims that passed it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import ClassVar, Mapping

from checker.compare.messages import side
from checker.compare.similarity import (
    entities_agree,
    moment,
    one_event,
    opposite,
    provisional,
    running_count,
    same_predicate,
    stated_polarity,
)
from checker.extract.places import gazetteer
from checker.compare.values import (
    comparable,
    contains,
    maxima_agree,
    names_differ,
    places_related,
    quantities_agree,
    ranges_overlap,
    stated_maximum,
)
from checker.models import (
    Assertion,
    ConflictKind,
    Event,
    Modality,
    Name,
    Place,
    Polarity,
    Quantity,
    Severity,
    TimeRange,
)


@dataclass(frozen=True)
class Context:
    """What a kind may read besides the two claims: report dates and the comparison's settings."""

    dates: Mapping[str, dt.date | None]
    tolerance: float
    change_after_days: int


@dataclass(frozen=True)
class Example:
    """Two one-sentence reports (dated ``left_date``/``right_date``) and whether this kind flags them."""

    left: str
    right: str
    flagged: bool
    left_date: dt.date = dt.date(2025, 3, 4)
    right_date: dt.date = dt.date(2025, 3, 4)


class Kind:
    """One kind of conflict. Subclasses set the class variables and override ``judge``."""

    kind: ClassVar[ConflictKind]
    priority: ClassVar[int]
    severity: ClassVar[Severity]
    examples: ClassVar[tuple[Example, ...]] = ()

    @classmethod
    def judge(cls, a: Assertion, b: Assertion, ctx: Context) -> bool:
        raise NotImplementedError

    @classmethod
    def message(cls, left: Assertion, right: Assertion) -> str:
        """"a.txt says 11,000 North Korean troops (Pentagon); b.txt says 3,000 ..." with who disagrees with whom."""
        text = f"{side(left)}; {side(right)}"
        if left.path == right.path:
            same_voice = (left.source or "").strip().lower() == (right.source or "").strip().lower()
            return f"the report contradicts itself: {text}" if same_voice else (
                f"within one report, two sources disagree: {text}")
        return text


KINDS: dict[ConflictKind, type[Kind]] = {}


def register(cls: type[Kind]) -> type[Kind]:
    KINDS[cls.kind] = cls
    return cls


def _scoped_time(a: Assertion, dates: Mapping[str, dt.date | None]) -> TimeRange | None:
    """The claim's own time, unless it is just the report's date ("reported revenue ... on Thursday")."""
    if a.time is None or a.time.start == a.time.end == dates.get(a.path):
        return None
    return a.time


def different_times(a: Assertion, b: Assertion, ctx: Context) -> bool:
    """Claims scoped to times that do not overlap ("as of Oct. 30" vs "by Nov. 25"), counts under way told of two
    different days, or claims from reports far apart."""
    ta, tb = _scoped_time(a, ctx.dates), _scoped_time(b, ctx.dates)
    if ta and tb:
        return not ranges_overlap(ta, tb)
    if a.time and b.time and a.path != b.path and running_count(a.attribute) and running_count(b.attribute):
        # A count under way told of two days, even each report's own ("42 missing on Monday" / "17 still missing on
        # Thursday"): the count as it stood on each day.
        return not ranges_overlap(a.time, b.time)
    da, db = ctx.dates.get(a.path), ctx.dates.get(b.path)
    if da is None or db is None:
        return False
    return abs((da - db).days) > ctx.change_after_days


# Amounts that add up over time: a day's and a month's are two totals. Not a share, a level (a temperature, a speed,
# a magnitude) or a length of time.
_ADDITIVE = frozenset({"count", "money", "length", "area", "volume", "mass", "energy"})
# The longest span, in days, of a day ("in the 24 hours to Monday morning" spans two), a week, a month, a quarter and
# a half year: two amounts over periods of two of these sizes are two totals.
_PERIODS = (2, 10, 31, 92, 184)


def _period(r: TimeRange) -> int:
    days = (r.end - r.start).days + 1
    return next((k for k, most in enumerate(_PERIODS) if days <= most), len(_PERIODS))


def totals_of_two_periods(a: Assertion, b: Assertion, ctx: Context) -> bool:
    """Amounts over two periods of two sizes, one inside the other ("71 mm of rain on Tuesday" /
    "236 mm so far this October"; "sales of $2m in March" / "$19m in the first quarter"): the part's total and the
    whole's, not rivals. A count under way (killed, missing ...) is so only against a total to date ("since the start
    of the season"): otherwise a toll belongs to its event, and "the quake on Monday killed 40" / "the January quake
    killed 60" are one toll told with its day and with its month."""
    va, vb = a.value, b.value
    if not (isinstance(va, Quantity) and isinstance(vb, Quantity)) or va.dimension not in _ADDITIVE:
        return False
    ta, tb = _scoped_time(a, ctx.dates), _scoped_time(b, ctx.dates)
    if ta is None or tb is None:
        return False
    (inner, _), (outer, whole) = sorted(((ta, a), (tb, b)), key=lambda t: (t[0].end - t[0].start).days)
    if not (outer.start <= inner.start and inner.end <= outer.end and _period(inner) < _period(outer)):
        return False
    # A toll's period is its event's unless the longer one runs to the report's day ("23 killed since the start of
    # the season" / "five killed over the weekend": a total to date and the weekend's).
    to_date = outer.end == ctx.dates.get(whole.path)
    return to_date or not (running_count(a.attribute) or running_count(b.attribute))


def _figures(a: Assertion, b: Assertion) -> tuple[Quantity, Quantity] | None:
    va, vb = a.value, b.value
    if not (isinstance(va, Quantity) and isinstance(vb, Quantity)) or not comparable(va, vb):
        return None
    if Polarity.NEGATED in (a.polarity, b.polarity):
        return None
    return va, vb


@register
class Polarity_(Kind):
    """One report says a thing happened, the other that it did not ("was charged" / "was not charged"), or the
    two give opposite outcomes of one event ("upheld" / "overturned")."""

    kind = ConflictKind.POLARITY
    priority = 0
    severity = Severity.HIGH
    examples = (
        Example("The appeals court upheld the ban on short-term rentals on Tuesday.",
                "The appeals court overturned the ban on short-term rentals on Tuesday.", True),
        Example("The appeals court upheld the ban on short-term rentals on Tuesday.",
                "The appeals court did not uphold the ban on short-term rentals on Tuesday.", True),
        Example("The appeals court upheld the ban on short-term rentals on Tuesday.",
                "Judges upheld the ban on short-term rentals, the appeals court said on Tuesday.", False),
        Example("The city council approved the cycle lane plan on Monday.",
                "The city council refused to approve the cycle lane plan on Monday.", True),
        Example("The regulator has authorised the merger of the two dairies.",
                "The regulator did not approve the merger of the two dairies.", True),
        # two doers, two objects, two times, two places: two events
        Example("The steering committee approved the staffing plan on Thursday.",
                "The finance committee did not approve the staffing plan on Thursday.", False),
        Example("The court upheld the conviction of the former mayor on Friday.",
                "The court did not uphold the conviction of the former treasurer on Friday.", False),
        Example("The jury reached a verdict on Monday.", "The jury did not reach a verdict on Friday.", False),
        Example("The company closed its plant in Texas.", "The company has never closed a plant in Ohio.", False),
        # not a settled fact of the same moment: a hedge, a plan, a state before the outcome
        Example("The city council approved the cycle lane plan on Monday.",
                "The city council may not approve the cycle lane plan.", False),
        Example("The midfielder signed a new contract with the club.",
                "The midfielder will not sign a new contract with the club.", False),
        Example("The trial team published its results in a journal.",
                "The trial team has not yet published its results.", False),
    )

    @classmethod
    def judge(cls, a: Assertion, b: Assertion, ctx: Context) -> bool:
        va, vb = a.value, b.value
        if not (isinstance(va, Event) and isinstance(vb, Event)):
            return False
        same, opposed = same_predicate(va.predicate, vb.predicate), opposite(va.predicate, vb.predicate)
        if not (same or opposed):
            return False  # (asked first: the stated polarity reads the sentence again)
        pa, pb = stated_polarity(a), stated_polarity(b)
        if not ((same and pa != pb) or (opposed and pa == pb)):
            return False
        # Both firm claims of one moment ("will not sign" / "signed" are a plan and an outcome; "may not" is no
        # claim), of one doer, one thing done, one time.
        if a.rule == b.rule == "restatement":
            return True  # one sentence told twice, word for word but the denial: ``restatement.py`` lined them up
        ta, tb = _scoped_time(a, ctx.dates), _scoped_time(b, ctx.dates)
        if ta and tb and not ranges_overlap(ta, tb):
            return False
        at = moment(a)
        return at is not None and at == moment(b) and one_event(a, b)


@register
class Numeric(Kind):
    """Two figures for the same thing at the same time that do not agree within what their wording allows
    ("about 11,000" keeps its bounds; "61.2%" and "61%" agree after rounding to the precision written; a temperature
    or a magnitude is widened by half its last written digit, not by a share of itself). Two stated
    maxima ("up to 1,000 jobs" / "up to 4,000 jobs") compare as the maxima they state. A figure of a count under
    way ("with 60% of ballots counted") and one of the finished count are two moments, not rivals."""

    kind = ConflictKind.NUMERIC
    priority = 1
    severity = Severity.HIGH
    examples = (
        Example("Officials said 11,000 North Korean troops had reached the Kursk region.",
                "Officials said 3,000 North Korean troops had reached the Kursk region.", True),
        Example("Officials said about 11,000 North Korean troops had reached the Kursk region.",
                "Officials said nearly 11,000 North Korean troops had reached the Kursk region.", False),
        Example("Halden Bank said it could move up to 1,000 jobs from London to Dublin.",
                "Halden Bank said it could move up to 4,000 jobs from London to Dublin.", True),
        Example("Halden Bank said it could move up to 1,000 jobs from London to Dublin.",
                "Halden Bank said it could move as many as 1,000 jobs from London to Dublin.", False),
        Example("The temperature at Seville airport reached 46.2C on Sunday, the weather agency said.",
                "The temperature at Seville airport reached 43.1C on Sunday, the weather agency said.", True),
        Example("The temperature at Seville airport reached 46.2C on Sunday, the weather agency said.",
                "The temperature at Seville airport reached 115F on Sunday, the weather agency said.", False),
        Example("With 40% of ballots counted, Ana Ruiz had 52.4% of the vote in the mayoral runoff, officials said.",
                "Ana Ruiz won the mayoral runoff with 48.9% of the vote, officials said after the count ended.", False),
        Example("With 40% of ballots counted, Ana Ruiz had 52.4% of the vote in the mayoral runoff, officials said.",
                "With 40% of ballots counted, Ana Ruiz had 58.1% of the vote in the mayoral runoff, officials said.",
                True),
        Example("Fewer than 50 people were hurt in the crush at the Rovers stadium, police said.",
                "Fewer than 200 people were hurt in the crush at the Rovers stadium, police said.", False),
        # a count under way told of two days is a change; of one day, a contradiction
        Example("Twenty-six people were missing on Tuesday after flash floods swept through villages in Wayanad, "
                "officials said.",
                "Nine people were still missing on Friday after Tuesday's flash floods in Wayanad, officials said.",
                False, left_date=dt.date(2025, 7, 29), right_date=dt.date(2025, 8, 1)),
        Example("Twenty-six people were missing on Tuesday after flash floods swept through villages in Wayanad, "
                "officials said.",
                "Twelve people were missing on Tuesday after flash floods swept through villages in Wayanad, "
                "officials said.",
                True, left_date=dt.date(2025, 7, 29), right_date=dt.date(2025, 7, 29)),
        # a day's total and the month's so far are two totals; two totals of one month are rivals
        Example("Lisbon's airport weather station recorded 48 mm of rain on Sunday, the weather service said.",
                "Rainfall in Lisbon so far this month has reached 190 mm, the weather service said.",
                False, left_date=dt.date(2025, 3, 17), right_date=dt.date(2025, 3, 19)),
        Example("Rainfall in Lisbon in February totalled 190 mm, the weather service said.",
                "Rainfall in Lisbon in February totalled 120 mm, the weather service said.",
                True, left_date=dt.date(2025, 3, 17), right_date=dt.date(2025, 3, 17)),
        Example("Vantora Foods said its sales reached $2 million in March.",
                "Vantora Foods said its sales reached $19 million in the first quarter.",
                False, left_date=dt.date(2025, 4, 10), right_date=dt.date(2025, 4, 10)),
        # a fixed figure told on each report's own day is still one figure
        Example("Brightline Energy reported quarterly revenue of $3.1 billion on Thursday.",
                "Brightline Energy reported quarterly revenue of $2.4 billion on Friday.",
                True, left_date=dt.date(2025, 10, 23), right_date=dt.date(2025, 10, 24)),
    )

    @classmethod
    def judge(cls, a: Assertion, b: Assertion, ctx: Context) -> bool:
        figures = _figures(a, b)
        if figures is None or different_times(a, b, ctx) or totals_of_two_periods(a, b, ctx):
            return False
        if provisional(a.evidence.text) != provisional(b.evidence.text):
            return False  # a count under way and the finished count are two moments of one count
        if stated_maximum(figures[0]) and stated_maximum(figures[1]):
            return not maxima_agree(*figures, ctx.tolerance)
        return not quantities_agree(*figures, ctx.tolerance)


@register
class Change(Kind):
    """A figure that moved between two times (reports days apart, or "as of Oct. 30" against "by Nov. 25"): news,
    not a contradiction. Inside one report a figure moving over time is a story, not a finding."""

    kind = ConflictKind.CHANGE
    priority = 5
    severity = Severity.LOW
    examples = (
        Example("The death toll from the floods rose to 31, state officials said.",
                "The death toll from the floods rose to 58, state officials said.", True,
                left_date=dt.date(2025, 3, 4), right_date=dt.date(2025, 3, 11)),
        Example("The death toll from the floods rose to 31, state officials said.",
                "The death toll from the floods rose to 31, state officials said.", False,
                left_date=dt.date(2025, 3, 4), right_date=dt.date(2025, 3, 11)),
        # a count under way, each report giving it on its own day, three days apart
        Example("Twenty-six people were missing on Tuesday after flash floods swept through villages in Wayanad, "
                "officials said.",
                "Nine people were still missing on Friday after Tuesday's flash floods in Wayanad, officials said.",
                True, left_date=dt.date(2025, 7, 29), right_date=dt.date(2025, 8, 1)),
    )

    @classmethod
    def judge(cls, a: Assertion, b: Assertion, ctx: Context) -> bool:
        figures = _figures(a, b)
        if figures is None or a.path == b.path or not different_times(a, b, ctx):
            return False
        va, vb = figures
        # Over time even a move within the rounding of "about" is news: compare the figures as written.
        return abs(va.nominal - vb.nominal) > ctx.tolerance * max(abs(va.nominal), abs(vb.nominal))

    @classmethod
    def message(cls, left: Assertion, right: Assertion) -> str:
        return f"changed over time: {side(left)}; {side(right)}"


_ABSOLUTE = re.compile(
    r"\d|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\b|\b(?:spring|summer|autumn|fall|winter)\b"
)


def _absolute(r: TimeRange) -> bool:
    """A date written with its month or year ("in June", "on Sept. 3"), not relative to the report ("Monday")."""
    return bool(_ABSOLUTE.search(r.text))


@register
class Date(Kind):
    """Two dates for the same event that do not overlap ("signed in June" / "signed in September"). Relative
    dates ("on Monday") only meet within reports of the same day."""

    kind = ConflictKind.DATE
    priority = 2
    severity = Severity.HIGH
    examples = (
        Example("The maritime treaty was signed in Geneva on March 3, 2025, officials said.",
                "The maritime treaty was signed in Geneva on March 10, 2025, officials said.", True),
        Example("The maritime treaty was signed in Geneva in March 2025, officials said.",
                "The maritime treaty was signed in Geneva on March 10, 2025, officials said.", False),
    )

    @classmethod
    def judge(cls, a: Assertion, b: Assertion, ctx: Context) -> bool:
        va, vb = a.value, b.value
        if not (isinstance(va, TimeRange) and isinstance(vb, TimeRange)):
            return False
        if a.polarity != b.polarity or ranges_overlap(va, vb):
            return False
        # "next week" in reports of different days names different weeks, not rival dates
        return ctx.dates.get(a.path) == ctx.dates.get(b.path) or (_absolute(va) and _absolute(vb))


def _plural(phrase: str) -> bool:
    last = phrase.strip().split()[-1].lower() if phrase.strip() else ""
    return last.endswith("s") and not last.endswith(("ss", "us", "is"))


def _two_things_in_two_countries(a: Assertion, b: Assertion, va: Place, vb: Place) -> bool:
    """Places in two countries are two things unless both claims name the same owner ("North Korean troops" in
    Kursk and in Zaporizhzhia): "an earthquake near Herat" and "near Quito", "a mpox outbreak in Haiti" and "in
    Uganda", "troops around Kismayo" and "soldiers in Kherson" are two events, two forces."""
    gaz = gazetteer()
    ca, cb = gaz.country_of(va.key), gaz.country_of(vb.key)
    if not (ca and cb and ca != cb):
        return False
    return entities_agree(a.entities, b.entities) is not True


@register
class Location(Kind):
    """Two places for the same thing that cannot both hold (Kursk vs occupied Zaporizhzhia; "in Ukraine" vs "not
    in Ukraine"). A place inside the other (Kursk Oblast and Russia) agrees; a bare plural ("patients in
    Karachi" / "patients in Lagos") is many groups, not one."""

    kind = ConflictKind.LOCATION
    priority = 3
    severity = Severity.MEDIUM
    examples = (
        Example("The cyclone crossed the coast near Cairns early on Tuesday, forecasters said.",
                "The cyclone crossed the coast near Townsville early on Tuesday, forecasters said.", True),
        Example("North Korean troops are in the Kursk region, the Pentagon said on Tuesday.",
                "North Korean troops are in Russia, the Pentagon said on Tuesday.", False),
        Example("A cholera outbreak in Peru has infected 3,000 people, health officials said on Tuesday.",
                "A cholera outbreak in Kenya has infected 2,000 people, health officials said on Tuesday.", False),
    )

    @classmethod
    def judge(cls, a: Assertion, b: Assertion, ctx: Context) -> bool:
        va, vb = a.value, b.value
        if not (isinstance(va, Place) and isinstance(vb, Place)):
            return False
        if a.polarity == Polarity.AFFIRMED and b.polarity == Polarity.AFFIRMED:
            key = " | ".join(sorted({a.subject_key, b.subject_key}))
            if _two_things_in_two_countries(a, b, va, vb):
                return False
            return not places_related(va, vb) and not (len(key.split()) < 2 and _plural(a.subject))
        if a.polarity == b.polarity:
            return False
        affirmed, negated = (a, b) if a.polarity == Polarity.AFFIRMED else (b, a)
        return contains(negated.value, affirmed.value)  # type: ignore[arg-type]

    @classmethod
    def severity_for(cls, a: Assertion, b: Assertion) -> Severity:
        """Said and denied is worse than two places."""
        return Severity.HIGH if a.polarity != b.polarity else cls.severity


@register
class Who(Kind):
    """The same sentence told with two different names in one place: who scored, who was charged, who said it
    ("Striker Kai Mendes scored twice" / "Striker Leon Tate scored twice"). Only restated sentences give names as
    values (``restatement.py``). Names sharing a word ("Ms Elliot" / "Jane Elliot") or one the initials of the other
    may be one person or body; a place ("Moscow said" / "the Kremlin said") is no name here. A pronoun of one gender
    against one of the other ("his" / "her") tells one person two ways."""

    kind = ConflictKind.NAME
    priority = 6
    severity = Severity.MEDIUM
    examples = (
        Example("Striker Kai Mendes, 24, scored twice as Rovers beat Albion 3-1 at Ashfield Park on Saturday.",
                "Striker Leon Tate, 24, scored twice as Rovers beat Albion 3-1 at Ashfield Park on Saturday.", True),
        Example("The residents' appeal against the Harlow Bay wind farm and its access road was heard at Exeter Crown "
                "Court on Monday.",
                "The residents' appeal against the Harlow Bay wind farm and its access road was heard at the Royal "
                "Courts of Justice on Monday.", True),
        Example("Judge Helen Ruiz jailed Owen Pratt for six years at Leeds Crown Court on Friday.",
                "Judge Ruiz jailed Owen Pratt for six years at Leeds Crown Court on Friday.", False),
        Example("Mr Pratt told Leeds Crown Court that he had never met the Harlow Bay investors.",
                "Owen Pratt told Leeds Crown Court that he had never met the Harlow Bay investors.", False),
        Example("The Kremlin said the Ostrova talks on grain shipments would resume in Geneva.",
                "Moscow said the Ostrova talks on grain shipments would resume in Geneva.", False),
    )

    @classmethod
    def judge(cls, a: Assertion, b: Assertion, ctx: Context) -> bool:
        va, vb = a.value, b.value
        if not (isinstance(va, Name) and isinstance(vb, Name)) or a.polarity != b.polarity:
            return False
        return names_differ(va, vb)


@register
class Unverified(Kind):
    """A claim meeting a refusal to confirm it ("upwards of 500 killed" / "I can't confirm those reports"): the
    engine pairs refusals with claims about the same subject; the kind only words it."""

    kind = ConflictKind.UNVERIFIED
    priority = 4
    severity = Severity.MEDIUM

    @classmethod
    def judge(cls, a: Assertion, b: Assertion, ctx: Context) -> bool:
        refusal = [x for x in (a, b) if x.modality == Modality.CANNOT_CONFIRM]
        return len(refusal) == 1 and (a if refusal[0] is b else b).polarity == Polarity.AFFIRMED


# Kinds tried on a pair of aligned claims, in this order; the first that flags it names the conflict.
VALUE_KINDS: tuple[type[Kind], ...] = (Polarity_, Change, Numeric, Date, Location, Who)


def judge(a: Assertion, b: Assertion, ctx: Context) -> tuple[type[Kind], Severity] | None:
    """The kind of conflict between two aligned claims in compatible scopes, with its base severity, or None."""
    if Modality.CANNOT_CONFIRM in (a.modality, b.modality):
        return None
    for kind in VALUE_KINDS:
        if kind.judge(a, b, ctx):
            severity = kind.severity_for(a, b) if kind is Location else kind.severity
            return kind, severity
    return None


def priority(kind: ConflictKind) -> int:
    return KINDS[kind].priority


def message(kind: ConflictKind, left: Assertion, right: Assertion) -> str:
    return KINDS[kind].message(left, right)
