"""Quantities in prose -> intervals with a canonical unit, so that reports can be compared by arithmetic.

"about 11,000", "nearly 11,000" and "eleven thousand" must land close enough to agree, "700 km" and "435 miles" must
be the same distance, and "3-1" (a score), "KN-23" (a missile), "Nov. 25" (a date) and "2024" (a year) must not be
quantities at all. This module finds every number with ``numbers.match_number`` and then reads the few characters
around it: a qualifier or currency before it, a scale, unit, range or "or more" after it, and the context words that
disqualify it (months, score words, labels such as "Article 5").

Conventions (the comparison engine relies on them):

* A qualifier becomes a bound: ``about x`` -> [0.9x, 1.1x], ``nearly x`` -> [0.9x, x], ``more than x`` -> [x, None],
  ``fewer than x`` -> [0, x]; the kinds and their factors are data (``checker/data/qualifiers.json``). An unqualified
  number is exact (``low == high == nominal``): tolerance for rounding belongs to the comparison, not here.
* A range ("between 10 and 12", "10-12 thousand", "from 8 to 10%") has ``nominal`` at its midpoint.
* Vague plurals have explicit bounds from the data: "hundreds" -> [200, 999], "tens of thousands" -> [20000, 99999].
* One canonical unit per dimension (``checker/data/units.json``): km, ha, kg, l, C, km/h, h, percent, pp (percentage
  points), magnitude, MW, MWh; money keeps its ISO 4217 code and is never converted.
* A match's span covers qualifier + number + unit; the counted noun (and an "of" before it, as in "thousands of
  troops" or "two-thirds of the territory") starts after ``end``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from checker.extract.numbers import ParsedNumber, match_number, number_words, word_trie
from checker.models import Quantity, QuantityMatch, direct_as_given, direct_construct, shared_fields_set

__all__ = ["find_quantities"]


@cache
def _data(name: str) -> dict[str, Any]:
    return json.loads(resources.files("checker.data").joinpath(name).read_text("utf-8"))


@dataclass(frozen=True, slots=True)
class _Unit:
    unit: str
    dimension: str
    factor: float = 1.0
    offset: float = 0.0

    def convert(self, x: float | None) -> float | None:
        return None if x is None else (x + self.offset) * self.factor


@dataclass(frozen=True, slots=True)
class _Bound:
    low: float | None
    high: float | None
    approximate: bool


def _alternation(forms: list[str], reverse: bool = False) -> str:
    """Longest-first alternation of literal phrases; spaces match any run of spaces."""
    out = []
    for form in sorted(set(forms), key=len, reverse=True):
        f = form[::-1] if reverse else form
        out.append(r"[ \u00a0]+".join(re.escape(part) for part in f.split(" ")))
    return "|".join(out)


def _phrase_trie(phrases: list[str], reverse: bool = False) -> str:
    """Like ``word_trie`` for phrases: a prefix-trie alternation where a space matches any run of spaces.

    Anchored matching against a trie costs one branch per character instead of one attempt per phrase, which
    matters for the qualifier and currency lists tried at every number.
    """
    tree: dict = {}
    for phrase in set(phrases):
        node = tree
        for ch in phrase[::-1] if reverse else phrase:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [
            (rf"{_SP}+" if ch == " " else re.escape(ch)) + build(child) for ch, child in sorted(node.items()) if ch
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return build(tree)


def _is_short(form: str) -> bool:
    """Short unit forms ("m", "C", "MW", "kWh") are case-sensitive: "5G" is not five grams."""
    return len(form) <= 2 or (len(form) <= 3 and any(c.isupper() for c in form))


# --------------------------------------------------------------------------------------------------- data -> tables

_U = _data("units.json")
_Q = _data("qualifiers.json")
_CTX = _Q["context"]
_CANON: dict[str, str] = _U["canonical"]

_UNIT_LONG: dict[str, _Unit] = {}
_UNIT_SHORT: dict[str, _Unit] = {}
for _entry in _U["units"]:
    _dim = _entry["dimension"]
    _u = _Unit(_CANON[_dim], _dim, float(_entry["factor"]), float(_entry.get("offset", 0.0)))
    for _form in _entry["forms"]:
        if _is_short(_form):
            _UNIT_SHORT[_form] = _u
        else:
            _UNIT_LONG[_form.lower()] = _u

_NO_UNIT_FIRST = ".,;:)]}!?\"'’”\n"
_SP = "[ \u00a0\u202f]"
_UNIT_RE = re.compile(
    rf"(?P<sep>{_SP}?-{_SP}?|{_SP}?)"
    rf"(?P<unit>(?i:{word_trie(list(_UNIT_LONG))})(?![A-Za-z0-9²³])"
    rf"|{word_trie([f for f in _UNIT_SHORT if not (len(f) == 1 and f.isalpha())])}(?![A-Za-z0-9²³])"
    rf"|[{''.join(f for f in _UNIT_SHORT if len(f) == 1 and f.isalpha())}](?![A-Za-z0-9-]))"  # not "20 F-16s"
)

_CUR = _U["currencies"]
_CUR_PREFIX: dict[str, str] = {**{c: c for c in _CUR["codes"]}, **_CUR["prefixes"]}
_CUR_NAMES: dict[str, str] = {k.lower(): v for k, v in _CUR["names"].items()}
_CUR_CODES = set(_CUR["codes"])
_NEEDS_SCALE = set(_CUR["needs_scale"])
# A hundredth of a currency ("42 cents", "15 pence"; attached, "152.3p"): the currency with its factor.
_SUBUNITS: dict[str, _Unit] = {k: _Unit(c, "money", float(f)) for k, (c, f) in _CUR["subunits"].items()}
_ATTACHED_SUBUNITS: dict[str, _Unit] = {k: _Unit(c, "money", float(f)) for k, (c, f) in _CUR["attached_subunits"].items()}
_CUR_NAME_RE = re.compile(
    rf"(?:{_SP}|-)(?P<cur>(?i:{word_trie([n.lower() for n in [*_CUR['names'], *_SUBUNITS]])})"
    rf"|{word_trie(_CUR['codes'])})(?![A-Za-z])"
)
_AFTER_RE = re.compile(f"{_CUR_NAME_RE.pattern}|{_UNIT_RE.pattern}")
_CUR_PREFIX_FWD_RE = re.compile(rf"(?:{_alternation(list(_CUR_PREFIX))}){_SP}?(?=\d)")

_BOUNDS: dict[str, _Bound] = {
    k: _Bound(v["low"], v["high"], bool(v["approximate"])) for k, v in _Q["bounds"].items()
}
_PREFIX: dict[str, str] = _Q["prefix"]
_SUFFIX: dict[str, str] = _Q["suffix"]
_ALIASES: dict[str, str] = _Q["aliases"]
_RANGE_WORDS: dict[str, str] = _Q["range_words"]
_VAGUE: dict[str, dict[str, float]] = _Q["vague"]
_VAGUE_MULT: dict[str, dict[str, float]] = {k: v for k, v in _Q["vague_multipliers"].items() if not k.startswith("_")}
_VAGUE_SCALES: dict[str, float] = _Q["vague_scales"]

_LEFT_RE = re.compile(
    rf"(?:{_SP}?(?P<cur>{_phrase_trie(list(_CUR_PREFIX), reverse=True)})(?![A-Za-z]))?"
    rf"(?P<mag>{_SP}*(?:-|{_SP}fo{_SP})?{_SP}*(?i:edutingam)(?![A-Za-z])|M(?![A-Za-z]))?"
    rf"(?P<qual>{_SP}*~|{_SP}+(?i:{_phrase_trie([*_PREFIX, *_RANGE_WORDS], reverse=True)})(?![A-Za-z]))?"
    r"[ \u00a0]*(?P<w>\.?[A-Za-z]+(?:['’.\-][A-Za-z]+)*|#)?(?:[ \u00a0]*(?P<c>.))?",
    re.S,
)
_SUFFIX_RE = re.compile(
    rf"(?P<suf>\+(?![\d+])|-plus(?![A-Za-z])|{_SP}+(?i:{_alternation([s for s in _SUFFIX if s not in ('+', 'plus')])}"
    rf"|plus(?!{_SP}*\d))(?![A-Za-z]))"
)
_RANGE_FIRST = " \u00a0\u202f"
_RANGE_HEADS = ("to ", "and ", "or ", "-", "–", "—", " ")
_SUFFIX_FIRST = " \u00a0\u202f"
_SUFFIX_HEADS = tuple({form.split()[0] for form in _SUFFIX if form[0].isalpha()} | {" "})
_RANGE_RE = re.compile(rf"(?P<sep>{_SP}?[-–—]{_SP}?|{_SP}+(?:to|and|or){_SP}+)")
_NEXT_WORD_RE = re.compile(rf"{_SP}*-?{_SP}*(?P<w>[A-Za-z][A-Za-z'’]*)")
_MONTHS = set(_CTX["months"])
_MONTH_AFTER_RE = re.compile(rf"{_SP}+(?:of{_SP}+)?(?:{_alternation(_CTX['months'])})(?![a-z])")
_TIME_AFTER_RE = re.compile(rf"{_SP}*(?:{_alternation(_CTX['time_words_after'])})(?![A-Za-z])")
_STREET_RE = re.compile(rf"(?:{_SP}+[A-Z][A-Za-z'’]+){{1,3}}{_SP}+(?:{_alternation(_CTX['street_suffixes'])})(?![A-Za-z])")
_PHONE_RE = re.compile(
    r"\+\d{1,3}[ .-]?(?:\(\d{1,4}\)[ .-]?)?\d[\d .-]{5,}\d|\(\d{2,5}\)[ .-]?\d{3,4}[ .-]?\d{3,4}"
    r"|\d{1,4}[-.]\d{3}[-.]\d{3,4}(?:[-.]\d{2,4})?(?!\d)"
)
_ISO_DATE_RE = re.compile(r"-\d{1,2}-\d{1,2}(?!\d)|[/.]\d{1,2}[/.]\d{2,4}(?!\d)")
_OF_RE = re.compile(rf"{_SP}+of{_SP}|{_SP}+the{_SP}")
_VAGUE_OF_MONEY_RE = re.compile(rf"{_SP}+of{_SP}+(?P<cur>(?i:{_alternation(list(_CUR['names']))}))(?![A-Za-z])")

_LABELS = {w.lower() for w in _CTX["label_words"]}
_RECIPIENT_VERBS = frozenset(_CTX["recipient_verbs"]["verbs"])
_NAME_BEFORE_RE = re.compile(r"([A-Za-z]+)[ \t]+(?:(?:the|The)[ \t]+)?(?:[A-Z][\w'’.-]*[ \t]+){1,4}$")
_WEEKDAYS = set(_CTX["weekdays"])
_SENTENCE_OPENERS = set(_CTX["sentence_openers"])
_YEAR_BEFORE = set(_CTX["year_words_before"])
_SCORE_BEFORE = set(_CTX["score_words_before"])
_SCORE_AFTER = set(_CTX["score_words_after"])
_SCORE_LINKERS = set(_CTX["score_linkers"])
_ONE_AFTER_BLOCKED = set(_CTX["one_followers_blocked"])
_ONE_BEFORE_BLOCKED = set(_CTX["one_preceders_blocked"])
_PARTICLE_VERBS: dict[str, frozenset[str]] = {
    k: frozenset(v) for k, v in _CTX["particle_verbs"].items() if not k.startswith("_")
}
_METRE_CONTEXT = set(_CTX["metre_context_after"])
_WEIGH_WORDS = set(_CTX["weigh_words"])
_MAGNITUDE_NOUNS = set(_CTX["magnitude_nouns"])
_CHANGE_VERBS = set(_CTX["change_verbs"])
_WORD_RE = re.compile(r"[A-Za-z]+")

_VAGUE_PATTERN = (
    rf"(?i:{_alternation([k for k in _VAGUE if k != 'scores'])}|scores(?={_SP}+of{_SP})"
    rf"|(?:{_alternation(list(_VAGUE_MULT))}){_SP}+(?:{_alternation(list(_VAGUE_SCALES))})"
    rf"(?:{_SP}+(?:thousand|million|billion))?(?!s))(?![A-Za-z])"
)
_VAGUE_RE = re.compile(_VAGUE_PATTERN)


def _scan_pattern() -> str:
    """A cheap detector of where a number may start: a digit, or a word that can begin a number or vague phrase.

    Scanning with the full number grammar costs several times more, because the regex engine would try all of it
    at every character; here the grammar runs only at the few positions this finds. The words are spelled out in
    lower, Capitalised and UPPER case rather than matched case-insensitively, which scans a third faster.
    """
    w = number_words()
    heads = [*w["units"], *w["teens"], *w["tens"], *w["hundred"], *w["dozen"], *w["scales"], "half"]
    heads += [k.split()[0] for k in _VAGUE if not k.startswith("a ")]
    heads += [k.split()[0] for k in _VAGUE_MULT if not k.startswith("a ")]
    after_a = [*w["hundred"], *w["dozen"], *w["scales"], *w["fractions"], *(k.split()[1] for k in _VAGUE if k.startswith("a "))]
    after_a += [k.split()[1] for k in _VAGUE_MULT if k.startswith("a ")]
    cased = sorted({v for h in heads for v in (h, h.capitalize(), h.upper())})
    return (
        rf"\d|(?<![A-Za-z])(?:{word_trie(cased)}|(?:[Aa]n?|AN?)(?={_SP}+(?i:{word_trie(sorted(set(after_a)))})))"
        r"(?![A-Za-z])"
    )


_SCAN_RE = re.compile(_scan_pattern())

_COUNT = _Unit("", "count")
_PERCENT = _Unit("percent", "percent")
_MAGNITUDE = _Unit("magnitude", "magnitude")
_METRE = _UNIT_SHORT["m"]
_SIGNED_DIMENSIONS = {"temperature", "percentage_point"}


# --------------------------------------------------------------------------------------------------- helpers


def _r(x: float | None) -> float | None:
    """Trim float noise (0.9 * 11000 = 9900.000000000002) so equal intervals compare equal."""
    return None if x is None else round(x, 10)


def _norm_qualifier(q: str) -> str:
    q = " ".join(q.lower().split())
    return _ALIASES.get(q, q)


@dataclass(slots=True)
class _Left:
    start: int  # earliest of the parts below (or the number's start)
    cur_start: int
    mag_start: int
    qual_start: int
    cur: str | None = None
    magnitude: bool = False
    qualifier: str | None = None  # as written, lower-cased
    prev: str = ""  # the word before everything we took (qualifier, currency...)
    sentence_start: bool = False


def _left(rev: str, s: int, floor: int) -> _Left:
    """What stands before the number at ``s``, read right-to-left in ``rev`` (the whole text reversed once), so
    that the qualifier, currency sign and previous word are one anchored match with no slicing. Nothing before
    ``floor`` (the end of the previous quantity) is read.
    """
    n = len(rev)
    rs = n - s
    limit = min(n - floor, rs + 48)
    m = _LEFT_RE.match(rev, rs, limit)
    out = _Left(s, s, s, s)
    cur = m.group("cur")
    if cur and not (cur[0].isalpha() and rs == m.start("cur")):  # "COP29", "USD500": a code must stand apart
        out.cur = _CUR_PREFIX[cur[::-1]]
        out.start = out.cur_start = n - m.end("cur")
    if m.group("mag"):
        out.magnitude = True
        out.start = out.mag_start = n - m.end("mag")
    if m.group("qual"):
        out.qualifier = " ".join(m.group("qual")[::-1].lower().split())
        out.start = out.qual_start = n - m.end("qual")
    w = m.group("w")
    if w and out.qualifier in _PARTICLE_VERBS and w[::-1].lower() in _PARTICLE_VERBS[out.qualifier]:
        # "handed over two islands": the verb's particle, not "more than"; the number starts the quantity
        out.qualifier, out.start, out.qual_start = None, min(out.cur_start, out.mag_start), s
        out.prev = "over"
        return out
    if w:
        out.prev = w[::-1]
        c = m.group("c")
        out.sentence_start = (c is None and limit == n) or (c is not None and c in ".!?\n\"“‘'(:;•*#>|-–—")
    return out


def _words_before(text: str, start: int, n: int = 4) -> list[str]:
    """The last ``n`` words before ``start`` in the same sentence, lower-cased."""
    window = text[max(0, start - 40) : start]
    cut = max(window.rfind(". "), window.rfind("; "), window.rfind("! "), window.rfind("? "), window.rfind("\n"))
    return [w.lower() for w in _WORD_RE.findall(window[cut + 1 :])[-n:]]


_LEVEL_BEFORE = re.compile(
    r"(?:rose|risen|climbed|increased|jumped|fell|fallen|dropped|reached|stood at|stands at|toll of|toll is|toll was)"
    r"\s+(?:to\s+|at\s+)?$"
)


_AFTER_CHANGE_BY = frozenset({"last", "this", "in", "to", "from", "since", "over", "on", "compared", "during", "a",
                              "between", "year", "after", "and"})


def _next_word(text: str, end: int) -> str:
    m = _NEXT_WORD_RE.match(text, end)
    return m.group("w") if m else ""


@dataclass(slots=True)
class _UnitHit:
    unit: _Unit
    end: int
    currency: str | None = None


def _unit_after(text: str, e: int, num: ParsedNumber, left: _Left) -> _UnitHit | None:
    """The unit or currency name right after a number, with the ambiguities of English resolved."""
    if e >= len(text) or text[e] in _NO_UNIT_FIRST:
        return None
    sub = _ATTACHED_SUBUNITS.get(text[e])
    if sub is not None and not num.words and not (e + 1 < len(text) and text[e + 1].isalnum()) and not (
        text.startswith(".", e + 1) and e + 2 < len(text) and text[e + 2].isalpha()
    ):
        return _UnitHit(sub, e + 1, sub.unit)  # "152.3p a litre", "it is 7p.", never "3p.m."
    um = _AFTER_RE.match(text, e)
    if um is None:
        return None
    cm = um if um.group("cur") else None
    if cm:
        name = cm.group("cur")
        sub = _SUBUNITS.get(name.lower())
        if sub is not None:
            return _UnitHit(sub, cm.end(), sub.unit)  # "42 cents a share"
        code = _CUR_NAMES.get(name.lower()) or (name if name in _CUR_CODES else None)
        if code and name.lower() in ("pound", "pounds"):
            hyphen = text[e] == "-"
            of_after = text.startswith(" of ", cm.end())
            weighed = bool(_WEIGH_WORDS & set(_words_before(text, left.start, 3)))
            if hyphen or of_after or weighed:
                code = None  # a weight: fall through to the unit table
        if code and name.lower() in _NEEDS_SCALE and num.scale < 1000 and not left.cur:
            code = None
        if code:
            return _UnitHit(_Unit(code, "money"), cm.end(), code)
        um = _UNIT_RE.match(text, e)  # "500 pounds of", "3 won": read the word as a unit, if it is one
        if um is None:
            return None
    form = um.group("unit")
    if um.group("sep").strip(" \u00a0\u202f") == "" and um.group("sep") and form in ("C", "F"):
        return None  # "30 C" is too often a name or a grade; "30C" / "30 °C" are fine
    if form in _UNIT_SHORT:
        unit = _UNIT_SHORT[form]
    else:
        unit = _UNIT_LONG[" ".join(form.lower().split())]
    return _UnitHit(unit, um.end())


def _bound(kind: str | None) -> _Bound:
    return _BOUNDS[kind] if kind else _BOUNDS["exact"]


def _make(
    text: str, start: int, end: int, nominal: float, low: float | None, high: float | None, unit: _Unit,
    qualifier: str | None, approximate: bool,
) -> QuantityMatch:
    vals = [unit.convert(nominal), unit.convert(low), unit.convert(high)]
    lo, hi = vals[1], vals[2]
    if lo is not None and hi is not None and lo > hi:
        lo, hi = hi, lo
    # Every value is already of its field's type (floats from ``convert``, strings, a bool), so validating them
    # would return them unchanged: the instance is built as ``Quantity(nominal=..., ..., text=...)`` would build it.
    q = direct_as_given(Quantity, {
        "type": "quantity", "nominal": _r(vals[0]) or 0.0, "low": _r(lo), "high": _r(hi), "unit": unit.unit,
        "dimension": unit.dimension, "qualifier": qualifier, "approximate": bool(approximate), "text": text[start:end],
    }, _QUANTITY_GIVEN)
    return direct_construct(QuantityMatch, {"start": start, "end": end, "quantity": q})


_QUANTITY_GIVEN = shared_fields_set(set(Quantity.model_fields) - {"type"})


def _apply_bound(x: float, kind: str | None, unit: _Unit) -> tuple[float | None, float | None, bool]:
    b = _bound(kind)
    low = None if b.low is None else x * b.low
    high = None if b.high is None else x * b.high
    if b.low == 0.0 and unit.dimension in _SIGNED_DIMENSIONS:
        low = None
    if x < 0 and low is not None and high is not None:
        low, high = high, low
    return low, high, b.approximate


# --------------------------------------------------------------------------------------------------- vague


def _vague(text: str, m: re.Match[str]) -> QuantityMatch | None:
    phrase = " ".join(m.group().lower().split())
    if phrase in _VAGUE:
        v = _VAGUE[phrase]
        nominal, low, high = float(v["nominal"]), float(v["low"]), float(v["high"])
    else:
        words = phrase.split()
        mult_key = next((k for k in _VAGUE_MULT if phrase.startswith(k + " ")), None)
        if mult_key is None:
            return None
        scale = 1.0
        for w in words[len(mult_key.split()) :]:
            scale *= _VAGUE_SCALES.get(w, 1.0)
        v = _VAGUE_MULT[mult_key]
        nominal, low, high = v["nominal"] * scale, v["low"] * scale, v["high"] * scale + (scale - 1)
    end = m.end()
    unit = _COUNT
    money = _VAGUE_OF_MONEY_RE.match(text, end)
    if money:
        code = _CUR_NAMES[money.group("cur").lower()]
        unit = _Unit(code, "money")
        end = money.end()
    return _make(text, m.start(), end, nominal, low, high, unit, phrase, True)


# --------------------------------------------------------------------------------------------------- numbers


_RATIO_RE = re.compile(rf"{_SP}+in{_SP}+")


def _ratio(text: str, s: int, e: int, v1: float, left: _Left) -> QuantityMatch | None:
    """"One in five voters", "1 in 4 adults": a share, written as a ratio -> percent."""
    m = _RATIO_RE.match(text, e)
    if m is None:
        return None
    p2 = match_number(text, m.end())
    if p2 is None or not (p2.plain or p2.words) or p2.value != int(p2.value) or not (v1 < p2.value <= 1000):
        return None
    if p2.end < len(text) and (text[p2.end].isalnum() or _unit_after(text, p2.end, p2, left) is not None):
        return None
    if text.startswith(("-", ",", ".", ";"), p2.end) or not _next_word(text, p2.end):
        return None
    kind = _PREFIX.get(left.qualifier or "")
    pct = 100.0 * v1 / p2.value
    low, high, approx = _apply_bound(pct, kind, _PERCENT)
    start = left.qual_start if kind else s
    return _make(text, start, p2.end, pct, low, high, _PERCENT, _norm_qualifier(left.qualifier) if kind else None, approx)


_CALIBRE_FORMS = {"mm", "millimetre", "millimeter"}
_FUNCTION_WORDS = {"of", "in", "on", "at", "per", "a", "an", "the", "and", "or", "over", "across", "within", "by",
                   "during", "since", "to", "from", "for", "with", "fell", "falling", "recorded", "was", "were"}


def _is_calibre(text: str, e: int, hit: _UnitHit, end: int) -> bool:
    """"155mm shells", "a 9-mm pistol": a calibre names a kind of weapon; it is not a measurement of anything."""
    form = text[e:hit.end].strip(" \u00a0\u202f-").lower()
    if form not in _CALIBRE_FORMS or text[e] == " ":
        return False
    nxt = _next_word(text, end)
    return bool(nxt) and nxt[0].islower() and nxt not in _FUNCTION_WORDS


def _reject_attached(text: str, s: int, left: _Left) -> bool:
    """Numbers glued to letters are names: KN-23, F-16, COVID-19, G7, A320, mid-2024, #5, no-one."""
    if s == 0 or left.start != s:
        return False
    c = text[s - 1]
    if c.isalpha() or c in "#_@/\\":
        return True
    if c == "-" and s >= 2 and (text[s - 2].isalnum()):
        return True
    return False


def _named_recipient(text: str, left: _Left, end: int) -> bool:
    """"gave New Direction 118 seats", "handed the Greens 40 seats": a name right after a verb of giving, and a
    plural noun after the figure, is who receives the figure, not a label with a number ("flew Boeing 737 jets")."""
    nxt = _next_word(text, end)
    if not (nxt[:1].islower() and nxt.isalpha() and nxt.endswith("s") and text[end : end + 1] == " "):
        return False
    m = _NAME_BEFORE_RE.search(text, max(0, left.start - 80), left.start)
    return m is not None and m.group(1).lower() in _RECIPIENT_VERBS


def _is_name_label(text: str, left: _Left, end: int) -> bool:
    """A bare number after a capitalised word names something (Boeing 737, iPhone 15, Resolution 2231).

    At the start of a sentence the capital says nothing, so there only a closed-class opener ("Only 5 people",
    "Another 300 troops", "The 11 victims") lets the number count; "Windows 11 launched" stays a name.
    """
    prev = left.prev
    if not prev or not any(c.isupper() for c in prev) or prev in _WEEKDAYS or prev.rstrip(".") in _MONTHS:
        return False
    if not left.sentence_start or any(c.isupper() for c in prev[1:]):
        return True
    return prev.lower() not in _SENTENCE_OPENERS


def _is_year(num: ParsedNumber, text: str) -> bool:
    return num.plain and 1000 <= num.value <= 2100 and num.end - num.start == 4


def _skip_end(text: str, e: int) -> int:
    """End of a glued token (10:30, 3.5.1, 24/7) so its pieces are not read as numbers."""
    while e < len(text) and (text[e].isalnum() or text[e] in ":./-") and not (
        text[e] in "./-" and (e + 1 >= len(text) or not text[e + 1].isalnum())
    ):
        e += 1
    return e


def _number_at(text: str, rev: str, s: int, floor: int) -> tuple[list[QuantityMatch], int]:
    """Quantities starting with the number at ``s`` (one, or two for a change "from 8 to 10%"), and where to resume."""
    p1 = match_number(text, s)
    if p1 is None:
        return [], s + 1
    e = p1.end
    n = len(text)

    # Phone numbers and glued tokens first: they are never quantities and their pieces must be skipped.
    nxt_c = text[e] if e < n else ""
    ps = s - 1 if s and text[s - 1] in "+(" else s
    if ps < s or (nxt_c and nxt_c in "-." and p1.plain):
        pm = _PHONE_RE.match(text, ps)
        if pm and (text[ps] in "+(" or pm.end() - ps >= 9):
            return [], pm.end()
    if not p1.words and nxt_c:
        if nxt_c in ":/." and e + 1 < n and text[e + 1].isdigit():
            return [], _skip_end(text, e)
        if nxt_c in "-/." and _ISO_DATE_RE.match(text, e):
            return [], _skip_end(text, e)
        if text.startswith(("st", "nd", "rd", "th"), e) and not (e + 2 < n and text[e + 2].isalpha()):
            return [], e + 2
        digits = text[s:e]
        if len(digits) > 1 and digits[0] == "0" and digits[1].isdigit():
            return [], _skip_end(text, e)

    left = _left(rev, s, floor)
    if _reject_attached(text, s, left) and not (left.magnitude or left.cur):
        return [], _skip_end(text, e)
    if left.magnitude and text[left.mag_start] == "M" and (p1.value >= 10 or p1.words):
        return [], _skip_end(text, e)
    if left.magnitude and text[left.mag_start] == "M" and "." not in text[s:e] and left.prev.lower() == "the" and (
        _next_word(text, e).lower() not in _MAGNITUDE_NOUNS
    ):
        return [], _skip_end(text, e)  # "on the M6", "the M4 motorway": a road's name ("the M6 quake": a magnitude)
    if p1.plain and p1.value <= 31 and left.start == s and left.prev.rstrip(".") in _MONTHS:
        return [], _skip_end(text, e)  # "Nov. 25", "June 5-7": a date (cheap early exit; dates are common)

    # What follows the first number: its unit, then maybe a range, then a suffix qualifier.
    v1 = p1.value
    hit1 = _unit_after(text, e, p1, left)
    end1 = hit1.end if hit1 else e
    if hit1 is None and not left.cur and v1 == int(v1) and 0 < v1 <= 100:
        ratio = _ratio(text, s, e, v1, left)
        if ratio is not None:
            return [ratio], ratio.end
    p2: ParsedNumber | None = None
    hit2: _UnitHit | None = None
    sep = ""
    cur2 = None
    rm = None
    if end1 < n and (text[end1] in "-–—" or (text[end1] in _RANGE_FIRST and text.startswith(_RANGE_HEADS, end1 + 1))):
        rm = _RANGE_RE.match(text, end1)
    if rm:
        sep = rm.group("sep").strip(" \u00a0\u202f").lower()
        q2 = rm.end()
        cm = _CUR_PREFIX_FWD_RE.match(text, q2)
        if cm:
            cur2 = _CUR_PREFIX.get(cm.group().strip(" \u00a0\u202f"))  # "$3bn-$4bn"
            q2 = cm.end()
        cand = match_number(text, q2) if q2 < n and (text[q2].isdigit() or text[q2].isalpha()) else None
        if cand is not None and (cand.words == p1.words or p1.words):
            if sep == "and" and left.qualifier != "between":
                cand = None
            if cand is not None:
                p2 = cand
                hit2 = _unit_after(text, p2.end, p2, left)

    # --- decide whether the pair is a range, a change, or not a pair at all
    change = False
    if p2 is not None:
        v2 = p2.value
        if p1.scale == 1.0 and p2.scale > 1.0 and not hit1 and v1 < v2 / p2.scale:
            v1 = v1 * p2.scale  # "10-12 thousand", "$3-4 billion"
        u1 = hit1.unit if hit1 else None
        u2 = hit2.unit if hit2 else None
        bare = p1.plain and p2.plain and not (left.cur or cur2 or hit1 or hit2 or left.magnitude)
        if _is_year(p1, text) and (_is_year(p2, text) or (p2.plain and p2.end - p2.start == 2)) and not (
            left.cur or hit1 or hit2
        ):
            return [], p2.end  # 2020-2024, 2019-20, from 2020 to 2024
        dim2 = "money" if cur2 else (u2.dimension if u2 else None)
        if (u1 and u1.dimension != dim2) or (u2 and u1 is None and left.cur):
            p2 = None  # "12% to $1.5bn", "rose 5% to 300": two values, not a range
        elif sep == "to" and (hit1 or left.cur) and (hit2 or cur2) and left.qualifier is None and v2 >= 2 * v1 and (
            _CHANGE_VERBS & set(_words_before(text, left.start, 1))
        ):
            # "rose 4.6p to 152.3p", "fell 2% to 31%": by how much, then to what, each with its own unit (a change
            # far smaller than the level; "rose 3% to 4%" stays a range)
            p2 = None
        elif left.qualifier == "from" and (
            v2 <= v1 or _CHANGE_VERBS & set(_words_before(text, left.start, 3))
        ):
            change = True
        elif v2 <= v1 and sep != "and":
            if bare or sep in ("-", "–", "—", "to"):
                if bare:
                    return [], (hit2.end if hit2 else p2.end)  # 3-1, 52-48, a 5-4 ruling
                p2 = None
            else:
                p2 = None
        elif bare and sep in ("-", "–", "—", "to") and v1 < 200 and v2 < 200:
            after = _next_word(text, p2.end)
            counted = after[:1].islower() and after not in _SCORE_LINKERS  # "lost 40-45 men" is a range
            if after.lower() in _SCORE_AFTER or (
                not counted and _SCORE_BEFORE & set(_words_before(text, left.start, 4))
            ):
                return [], p2.end  # "won 2-3", "a 1-2 defeat"
        if p2 is not None and sep == "or" and not (v2 > v1):
            p2 = None

    if p2 is None:
        hit2, cur2 = None, None
        if left.qualifier in _RANGE_WORDS:
            # "from 2021", "between 2 ...": the word belongs to the sentence, not to this number
            left.prev, left.qualifier, left.sentence_start = left.qualifier, None, False
            left.start = min(left.cur_start, left.mag_start)
    unit_hit = hit2 or hit1
    end = (hit2.end if hit2 else p2.end) if p2 is not None else end1

    # --- money / magnitude / unit
    currency = left.cur or cur2 or (unit_hit.currency if unit_hit else None)
    if currency:
        # a hundredth of it keeps its factor ("42 cents"), unless a sign before says the currency ("$3 cents" is odd)
        sub = unit_hit is not None and not left.cur and unit_hit.unit.factor != 1.0 and unit_hit.currency == currency
        unit = unit_hit.unit if sub else _Unit(currency, "money")
    elif left.magnitude:
        unit = _MAGNITUDE
    elif unit_hit:
        unit = unit_hit.unit
    else:
        unit = _COUNT
    if unit.dimension == "count" and p1.letter_scale == "m" and (p2 is None or p2.letter_scale == "m"):
        after = _next_word(text, end).lower()
        if after in _METRE_CONTEXT:
            v1 = v1 / 1e6
            if p2 is not None:
                v2 = p2.value / 1e6
            unit = _METRE  # "a 3m wall", "the 100m final"

    if unit is _COUNT and p2 is None and v1 < 10 and not p1.plain and not p1.words:
        if _next_word(text, end).lower() in _MAGNITUDE_NOUNS:
            unit = _MAGNITUDE  # "a 6.0 quake", "the 5.1 aftershock"

    # --- suffix qualifier
    suffix = None
    sm = None
    if end < n and (text[end] in "+-" or (text[end] in _SUFFIX_FIRST and text.startswith(_SUFFIX_HEADS, end + 1))):
        sm = _SUFFIX_RE.match(text, end)
    if sm:
        suffix = sm.group("suf").strip(" \u00a0\u202f-")
        end = sm.end()

    # --- things that look like numbers but are not quantities
    if end < n and (text[end].isalnum()) and not p1.words:
        return [], _skip_end(text, end)
    if unit_hit and unit is unit_hit.unit and _is_calibre(text, e, unit_hit, end):
        return [], end
    bare_single = p1.plain and p2 is None and not (left.qualifier or currency or unit_hit or left.magnitude or suffix)
    if p1.plain and v1 <= 2400 and not unit_hit and not currency and _TIME_AFTER_RE.match(text, end):
        return [], end
    if not unit_hit and not currency and p1.plain and v1 <= 31 and v1 == int(v1):
        prev = left.prev.rstrip(".") if left.qualifier is None else ""
        if prev in _MONTHS or _MONTH_AFTER_RE.match(text, end):
            if p1.grouped == " ":  # "Nov. 25 500 people": the date took the first group only
                return [], s + text[s:e].index(" ")
            return [], end
    if p1.grouped == " " and left.prev.rstrip(".") in _MONTHS and left.qualifier is None:
        return [], s + text[s:e].index(" ")
    if bare_single:
        prev_lower = left.prev.lower()
        if _is_year(p1, text):
            nxt = _next_word(text, end)
            countable = (
                nxt[:1].islower() and nxt.endswith("s") and not nxt.endswith(("'s", "’s")) and text[end : end + 1] == " "
            )
            if not countable or prev_lower in _YEAR_BEFORE or left.prev[:1].isupper():
                return [], end
        if text.startswith(("'s", "’s"), end):
            return [], end + 2
        if prev_lower in _LABELS:
            return [], end
        if _is_name_label(text, left, end) and not _named_recipient(text, left, end):
            return [], end  # Boeing 737, Resolution 2231, iPhone 15 (capitalised word glued by a space)
        if _STREET_RE.match(text, end):
            return [], end
    if p1.plain and p2 is not None and not (left.qualifier or currency or unit_hit):
        if _is_name_label(text, left, end):
            return [], end  # "Boeing 737-800"
        if left.prev.lower() in _LABELS:
            return [], end
    neg_start = s
    if unit.dimension == "temperature" and left.start == s:
        if s >= 1 and text[s - 1] in "-−" and (s == 1 or text[s - 2] in " (\n"):
            v1, neg_start = -v1, s - 1
        elif left.prev.lower() == "minus":
            v1, neg_start = -v1, text.rindex("minus", 0, s)

    # --- small word numbers and fractions: conservative, they are mostly not quantities
    if p1.words and p2 is None and not currency and not unit_hit and not suffix:
        if p1.fraction:
            of = _OF_RE.match(text, end)
            # "rose by a third", "fell by a quarter last year": a change in shares of itself (not "by a third party",
            # "by a half-point margin": a noun after the fraction makes it a word of that noun)
            following = text[end : end + 40].lstrip(" ")[:1]  # the next character past spaces
            by = left.prev.lower() == "by" and following != "-" and (
                not following.isalpha() or _next_word(text, end).lower() in _AFTER_CHANGE_BY
            )
            if not by and (of is None or (of.group().strip() == "the" and "half" not in text[s:end].lower())):
                return [], end  # "a third time", "the other half": fractions count only as shares "of" something
            kind = _PREFIX.get(left.qualifier or "") if left.qualifier not in _RANGE_WORDS else None
            low, high, approx = _apply_bound(v1 * 100, kind, _PERCENT)
            q = _norm_qualifier(left.qualifier) if kind else None
            return [_make(text, left.qual_start if kind else s, end, v1 * 100, low, high, _PERCENT, q, approx)], end
        if p1.scale == 1.0 and v1 < 10 and not left.qualifier:
            nxt = _next_word(text, end)
            prev_lower = left.prev.lower()
            if v1 == 0:
                return [], end
            if v1 == 1:
                if prev_lower in _ONE_BEFORE_BLOCKED or not nxt or nxt.lower() in _ONE_AFTER_BLOCKED:
                    return [], end
                if text.startswith("-", end) or not text.startswith(" ", end):
                    return [], end
            elif (not nxt or not text.startswith(" ", end)) and not _LEVEL_BEFORE.search(text, max(0, s - 40), s):
                return [], end  # "risen to seven," still counts: a level reached needs no noun after it

    # --- build
    if change and p2 is not None:
        u = unit
        first = _make(text, s, e if not hit1 else hit1.end, v1, v1, v1, u, None, False)
        second = _make(text, rm.end() if rm else p2.start, end, p2.value, p2.value, p2.value, u, None, False)
        return [first, second], end

    qual_text = left.qualifier
    if qual_text in _RANGE_WORDS and p2 is None:
        qual_text = None  # "from 40 ..." without a second number: "from" says nothing about the number
    kind = _PREFIX.get(qual_text) if qual_text and qual_text not in _RANGE_WORDS else None
    starts = [s, left.cur_start, left.mag_start, neg_start]
    if qual_text:
        starts.append(left.qual_start)
    elif suffix:
        kind = _SUFFIX.get(suffix.lower())
        qual_text = suffix if kind else None
    start = min(starts)

    if p2 is not None:
        lo_v, hi_v = (v1, p2.value) if unit is not _METRE else (v1, v2)
        lo_v, hi_v = min(lo_v, hi_v), max(lo_v, hi_v)
        b = _bound(kind)
        low = None if b.low is None else lo_v * b.low
        high = None if b.high is None else hi_v * b.high
        if b.low == 0.0 and unit.dimension in _SIGNED_DIMENSIONS:
            low = None
        nominal = (lo_v + hi_v) / 2
        qual_out = _norm_qualifier(qual_text) if qual_text else None
        return [_make(text, start, end, nominal, low, high, unit, qual_out, b.approximate)], end

    if unit.dimension == "duration" and not suffix:
        v1, end = _compound_duration(text, end, v1, unit, left)
    low, high, approx = _apply_bound(v1, kind, unit)
    qual_out = _norm_qualifier(qual_text) if qual_text else None
    return [_make(text, start, end, v1, low, high, unit, qual_out, approx)], end


_COMPOUND_JOIN_RE = re.compile(rf"(?:,?{_SP}+and{_SP}+|{_SP}+)(?=\d)")


def _compound_duration(text: str, end: int, v1: float, unit: _Unit, left: _Left) -> tuple[float, int]:
    """"3 hours and 12 minutes", "1 hour 47 minutes": a length of time in two parts is one length, the sum (in the
    first part's unit); the second part must be of a smaller unit."""
    jm = _COMPOUND_JOIN_RE.match(text, end)
    if jm is None:
        return v1, end
    p2 = match_number(text, jm.end())
    if p2 is None or not p2.plain:
        return v1, end
    hit = _unit_after(text, p2.end, p2, left)
    if hit is None or hit.unit.dimension != "duration" or hit.unit.factor >= unit.factor:
        return v1, end
    return v1 + p2.value * hit.unit.factor / unit.factor, hit.end


def find_quantities(text: str) -> list[QuantityMatch]:
    """Every quantity in ``text``, in order, each with its interval, canonical unit and the span it covers.

    The span covers qualifier + number + unit ("about 11,000", "upwards of 500", "$4.2 billion", "7.8-magnitude");
    the counted noun, if any, follows ``end``. Scores, years, dates, times, ordinals, model and section numbers,
    phone numbers and pronoun "one" are skipped.
    """
    out: list[QuantityMatch] = []
    pos = 0
    rev = text[::-1]
    search = _SCAN_RE.search
    vague = _VAGUE_RE.match
    while True:
        m = search(text, pos)
        if m is None:
            break
        s = m.start()
        if not text[s].isdigit():
            vm = vague(text, s)
            if vm is not None:
                q = _vague(text, vm)
                if q is not None:
                    out.append(q)
                    pos = q.end
                else:
                    pos = vm.end()
                continue
        elif s and (text[s - 1].isdigit() or (text[s - 1] in ".," and s >= 2 and text[s - 2].isdigit())):
            pos = _skip_end(text, s)  # the tail of "1,2345" or "3.5.1": not a number of its own
            continue
        found, resume = _number_at(text, rev, s, out[-1].end if out else 0)
        out.extend(found)
        pos = max(resume, m.end())
    return out
