"""Word tokens with offsets: the unit every cue and noun-phrase rule in ``extract`` works on."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

# Words keep inner hyphens, apostrophes and dots ("U.S.-based", "Russia's", "KN-23", "11,000"); an ordinal is one
# word whatever its digits ("3rd", "11th", "21st-century"), not a number and a stray suffix ("11", "th").
_TOKEN = re.compile(r"\d+(?:st|nd|rd|th)(?:[-'’.]\w+)*(?!\w)|\d[\d,.]*\d|(?:[A-Za-z]\.){2,}(?:-\w+)*|\w+(?:[-'’.]\w+)*|[^\w\s]")
_SPLIT_NT = re.compile(r"(?i)(\w+)(n['’]t|['’](?:ve|re|ll|d|m))$")


@dataclass(slots=True)
class Token:
    """A word or punctuation mark; ``start``/``end`` are offsets into the analysed document text.

    Not frozen: a frozen dataclass sets each field through ``object.__setattr__``, which made building tokens a
    tenth of all extraction time. Nothing changes a token after ``tokenize`` builds it."""

    start: int
    end: int
    text: str
    lower: str
    is_word: bool
    is_capitalised: bool
    initial: bool = False  # the sentence's first word: its capital letter says nothing about the word


_new = object.__new__


def _token(start: int, end: int, text: str, lower: str) -> Token:
    first = text[0]
    return Token(start, end, text, lower, first.isalnum(), first.isupper())


# The token grammar behind the whitespace before each token: ``findall`` hands back (space, word) pairs, and each
# token's offsets follow from the lengths (every non-space character starts a token, so the gaps are all space),
# which spares a match object and two method calls per token.
_SPACED_TOKEN = re.compile(r"(\s*)(" + _TOKEN.pattern + ")")


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]``; "can't" becomes "ca" + "n't" so negation cues are whole tokens."""
    end = len(text) if end is None else end
    out: list[Token] = []
    append = out.append
    pos = start
    # Most sentences hold no apostrophe: then no word needs to be looked at for a contraction or a possessive.
    apostrophes = text.find("'", start, end) >= 0 or text.find("’", start, end) >= 0
    for space, word in _SPACED_TOKEN.findall(text, start, end):
        s = pos + len(space)
        pos = s + len(word)
        if apostrophes and ("'" in word or "’" in word):
            _split_apostrophe(s, pos, word, append)
            continue
        # Each token is set up field by field on a bare instance: what ``Token(...)`` makes, without the Python
        # frame of the dataclass ``__init__`` (a fifth of tokenizing; a report holds a token per five characters).
        first = word[0]
        t = _new(Token)
        t.start = s
        t.end = pos
        t.text = word
        t.lower = word.lower()
        t.is_word = first.isalnum()
        t.is_capitalised = first.isupper()
        t.initial = False
        append(t)
    for t in out:
        if t.is_word:
            t.initial = t.is_capitalised  # the sentence's first word (the token is not yet anyone else's)
            break
    return out


def _split_apostrophe(s: int, e: int, word: str, append: Callable[[Token], None]) -> None:
    """A word holding an apostrophe as its tokens: "can't" -> "ca" + "n't", "we've" -> "we" + "'ve", "Russia's" ->
    "Russia" + "'s", any other ("O'Brien", "rock'n'roll") whole."""
    nt = _SPLIT_NT.match(word)
    if nt and len(nt.group(1)) > 0:
        cut = s + len(nt.group(1))
        append(_token(s, cut, nt.group(1), nt.group(1).lower()))
        tail = nt.group(2).lower().replace("’", "'")
        append(_token(cut, e, nt.group(2), "n't" if tail.endswith("n't") else tail))
        return
    lower = word.lower().replace("’", "'")
    if lower.endswith("'s") and len(lower) > 2:
        cut = e - 2
        append(_token(s, cut, word[:-2], lower[:-2]))
        append(_token(cut, e, word[-2:], "'s"))
        return
    append(_token(s, e, word, lower))
