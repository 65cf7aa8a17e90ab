"""Numbers as written in news copy -> floats, shared by the quantity and date extractors.

Reports write the same number many ways ("11,000", "11 000", "11k", "11 thousand", "eleven thousand"), and a
comparison only works once they are one float. This module knows numerals and number words and nothing about what
is being counted: qualifiers, units, currencies and vague plurals ("dozens") are the quantity extractor's business.

The word lists live in ``checker/data/number_words.json``; the patterns are compiled once at import.
"""

from __future__ import annotations

import json
import math
import re
from functools import cache
from importlib import resources
from typing import NamedTuple

__all__ = ["NUMBER_PATTERN", "ParsedNumber", "match_number", "number_words", "parse_number", "word_trie"]


@cache
def number_words() -> dict[str, dict[str, float]]:
    """The number vocabulary (units, teens, tens, scales, fractions...) from ``number_words.json``."""
    data = json.loads(resources.files("checker.data").joinpath("number_words.json").read_text("utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


class ParsedNumber(NamedTuple):
    """One number found at a position, with what the quantity extractor needs to reason about its form.

    ``scale`` is the multiplier of a single trailing scale word ("12 thousand" -> 1000, else 1) so that a range such
    as "10-12 thousand" can lend it to its bare first half. ``plain`` is true for a bare run of digits ("2024",
    "737"), the form years, model numbers and labels take. ``letter_scale`` is the attached scale letter of "3m" or
    "50k" (ambiguous with metres for "m"). ``fraction`` marks a number ending in a fraction word ("two-thirds").
    """

    value: float
    start: int
    end: int
    scale: float = 1.0
    words: bool = False
    plain: bool = False
    grouped: str = ""
    letter_scale: str = ""
    fraction: bool = False


def word_trie(words: list[str]) -> str:
    """A regex alternation shaped as a prefix trie: much faster to scan with than a flat list of words."""
    tree: dict = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        end = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end:
            return "(?:" + body + ")?"
        return body

    return build(tree)


_W = number_words()
_UNITS: dict[str, float] = _W["units"]
_TEENS: dict[str, float] = _W["teens"]
_TENS: dict[str, float] = _W["tens"]
_HUNDRED: dict[str, float] = _W["hundred"]
_DOZEN: dict[str, float] = _W["dozen"]
_SCALES: dict[str, float] = _W["scales"]
_ABBREV: dict[str, float] = _W["scale_abbreviations"]
_LETTERS: dict[str, float] = _W["attached_scale_letters"]
_FRACTIONS: dict[str, float] = _W["fractions"]

_ATOMS = [*_UNITS, *_TEENS, *_TENS, *_HUNDRED, *_DOZEN, *_SCALES]
_ATOM = word_trie(sorted(_ATOMS))
_FRAC = word_trie(sorted(_FRACTIONS))
_BIG = word_trie(sorted([*_HUNDRED, *_DOZEN, *_SCALES]))

_SEP = "[ \u00a0\u202f\u2009]"
_DIGITS = rf"(?:\d{{1,3}}(?:,\d{{3}})+(?!\d)|\d{{1,3}}(?:{_SEP}\d{{3}})+(?![\d,]\d)|\d+)(?:\.\d+)?"
_SCALE_SUFFIX = (
    rf"(?:{_SEP}?(?:{'|'.join(sorted(_ABBREV, key=len, reverse=True))})(?![A-Za-z0-9])"
    rf"|{_SEP}(?i:{_BIG})(?![A-Za-z])"
    rf"|[{''.join(_LETTERS)}](?![A-Za-z0-9]))"
)
_WORD_START = rf"(?:(?:an?|half{_SEP}+an?){_SEP}+(?:{_BIG}|{_FRAC})|{_ATOM}|half)"
_WORD_CONT = (
    rf"(?:(?:{_SEP}*-{_SEP}*|{_SEP}+)(?:{_ATOM}|{_FRAC})(?![A-Za-z])"  # "twenty-five", a tokenised "twenty - five"
    rf"|{_SEP}+and{_SEP}+(?:an?{_SEP}+{_FRAC}|{_ATOM})(?![A-Za-z])"
    rf"|{_SEP}+of{_SEP}+an?{_SEP}+{_BIG}(?![A-Za-z]))*"
)
_WORD_RUN = rf"(?<![A-Za-z])(?i:{_WORD_START}(?![A-Za-z]){_WORD_CONT})"

#: One number (digits with an optional scale, or a run of number words); no capturing groups, so other
#: extractors can embed it in their own patterns.
NUMBER_PATTERN = rf"(?:(?<![\d.,]){_DIGITS}(?:{_SCALE_SUFFIX})?|{_WORD_RUN})"

_NUMBER_RE = re.compile(rf"(?P<digits>{_DIGITS})(?P<scale>{_SCALE_SUFFIX})?|(?P<words>{_WORD_RUN})")
_DIGITS_RE = re.compile(rf"(?P<digits>{_DIGITS})(?P<scale>{_SCALE_SUFFIX})?")
_TOKEN_RE = re.compile(r"[A-Za-z]+")
_GROUP_SEP_RE = re.compile(rf"[,{_SEP[1:-1]}]")


def _digits_value(digits: str) -> tuple[float, str]:
    """Value of a numeral and the separator it groups thousands with ("," / " " / "")."""
    if digits.isdigit():
        return float(digits), ""
    grouped = ""
    if "," in digits:
        grouped = ","
    elif not digits.replace(".", "").isdigit():
        grouped = " "
    return float(_GROUP_SEP_RE.sub("", digits)), grouped


def _parse_words(text: str, offset: int) -> tuple[float, int, float, bool] | None:
    """Parse a run of number words; returns (value, end offset, trailing scale, ends in fraction) of the longest
    valid prefix, or None. Invalid continuations ("one two", "twenty third") end the number rather than failing it.
    """
    total = 0.0
    cur: float | None = None
    last: str | None = None
    before_and: str | None = None
    n_scales = 0
    mixed = False  # "one and a half": a whole number plus a fraction may still take a scale word
    best: tuple[float, int, float, bool] | None = None
    for m in _TOKEN_RE.finditer(text):
        w = m.group().lower()
        if w in ("a", "an"):
            if last is None:
                cur, last = 1.0, "a"
            elif last == "frac":
                last = "frac_a"
            elif last == "and":
                last = "and_a"
            elif last == "of":
                last = "of_a"
            else:
                break
            continue
        if w == "and":
            if last not in ("unit", "teen", "ten", "hundred", "scale", "dozen"):
                break
            before_and, last = last, "and"
            continue
        if w == "of":
            if last != "frac":
                break
            last = "of"
            continue
        scale = 1.0
        if w in _UNITS or w in _TEENS or w in _TENS:
            kind = "unit" if w in _UNITS else "teen" if w in _TEENS else "ten"
            v = _UNITS.get(w) or _TEENS.get(w) or _TENS.get(w) or 0.0
            allowed = {None, "hundred", "scale"} | ({"ten"} if kind == "unit" else set())
            if last == "and" and before_and in ("hundred", "scale"):
                allowed.add("and")
            if last not in allowed:
                break
            cur = (cur or 0.0) + v
            last = kind
        elif w in _HUNDRED:
            if last not in (None, "a", "unit", "teen"):
                break
            cur = (cur or 1.0) * 100
            last = "hundred"
        elif w in _DOZEN:
            if last not in (None, "a", "unit", "teen", "ten", "frac_a"):
                break
            cur = (cur or 1.0) * 12
            last = "dozen"
        elif w in _SCALES:
            if last not in (None, "a", "unit", "teen", "ten", "hundred", "dozen", "frac_a", "of_a") and not (
                last == "frac" and mixed
            ):
                break
            scale = _SCALES[w]
            total += (cur if cur is not None else 1.0) * scale
            cur = None
            n_scales += 1
            last = "scale"
        elif w in _FRACTIONS:
            den = _FRACTIONS[w]
            if last == "and_a" and before_and in ("unit", "teen", "ten", "dozen", "hundred", "scale"):
                if before_and == "scale":
                    break  # "a million and a half": rare, and ambiguous about what the half is of
                cur = (cur or 0.0) + 1.0 / den
                mixed = True
            elif last in ("unit", "teen", "a"):
                cur = (cur or 1.0) / den
            elif last is None and w == "half":
                cur = 0.5
            else:
                break
            last = "frac"
        else:
            break
        end_scale = float(scale) if (last == "scale" and n_scales == 1) else 1.0
        best = (total + (cur or 0.0), offset + m.end(), end_scale, last == "frac")
    return best


def _scale_of(scale_text: str | None) -> tuple[float, str]:
    """The factor of a scale word or letter after digits ("million", "bn", "k", "m") and the letter if it was one."""
    if not scale_text:
        return 1.0, ""
    key = scale_text.strip(" \u00a0\u202f\u2009")
    if key in _LETTERS:
        return _LETTERS[key], key
    return _ABBREV.get(key.lower()) or _SCALES.get(key.lower()) or _HUNDRED.get(key.lower()) or 12.0, ""


def _from_digits(m: re.Match[str]) -> ParsedNumber:
    """The ``ParsedNumber`` of a match of ``_DIGITS_RE``."""
    digits = m.group("digits")
    pos = m.start("digits")
    value, grouped = _digits_value(digits)
    scale_text = m.group("scale")
    scale, letter = _scale_of(scale_text)
    end = m.end("scale") if scale_text else m.end("digits")
    plain = not scale_text and digits.isdigit()
    return ParsedNumber(value * scale, pos, end, float(scale), False, plain, grouped, letter)


# Larger than anything a report counts or measures; a numeral past it (309 digits overflow a float to infinity)
# is not read as a number, so unit arithmetic and JSON output only ever see finite values.
MAX_VALUE = 1e30


def match_number(text: str, pos: int = 0) -> ParsedNumber | None:
    """The number that starts exactly at ``pos`` in ``text`` (longest reading), or None (also for a numeral whose
    value is not finite or is over ``MAX_VALUE``)."""
    found = _match_number(text, pos)
    if found is not None and not (math.isfinite(found.value) and abs(found.value) <= MAX_VALUE):
        return None
    return found


def _match_number(text: str, pos: int) -> ParsedNumber | None:
    if text[pos : pos + 1].isdigit():
        dm = _DIGITS_RE.match(text, pos)
        return None if dm is None else _from_digits(dm)
    m = _NUMBER_RE.match(text, pos)
    if m is None:
        return None
    digits = m.group("digits")
    if digits is not None:
        value, grouped = _digits_value(digits)
        scale_text = m.group("scale")
        scale, letter = _scale_of(scale_text)
        plain = not scale_text and digits.isdigit()
        return ParsedNumber(value * scale, pos, m.end(), scale, False, plain, grouped, letter)
    words = m.group("words")
    parsed = _parse_words(words, pos)
    if parsed is None:
        return None
    value, end, scale, fraction = parsed
    return ParsedNumber(value, pos, end, scale, True, False, "", "", fraction)


_SIGN_RE = re.compile(r"^(?:[-\u2212]|minus\s+)")


def parse_number(text: str) -> float | None:
    """The value of ``text`` if all of it is one number ("11,000", "1.2 million", "eleven thousand", "3.5bn",
    "half a million", "two-thirds" -> 0.667), else None. Vague plurals ("dozens") are not numbers: None.
    """
    s = text.strip()
    sign = 1.0
    m = _SIGN_RE.match(s)
    if m:
        sign, s = -1.0, s[m.end():]
    if not s:
        return None
    parsed = match_number(s, 0)
    if parsed is None or parsed.end != len(s):
        return None
    return sign * parsed.value
