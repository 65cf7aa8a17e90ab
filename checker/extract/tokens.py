"""Word tokens with offsets: the unit every cue and noun-phrase rule in ``extract`` works on."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Words keep inner hyphens, apostrophes and dots ("U.S.-based", "Russia's", "KN-23", "11,000").
_TOKEN = re.compile(r"\d[\d,.]*\d|(?:[A-Za-z]\.){2,}(?:-\w+)*|\w+(?:[-'’.]\w+)*|[^\w\s]")
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


def _token(start: int, end: int, text: str, lower: str) -> Token:
    first = text[0]
    return Token(start, end, text, lower, first.isalnum(), first.isupper())


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]``; "can't" becomes "ca" + "n't" so negation cues are whole tokens."""
    end = len(text) if end is None else end
    out: list[Token] = []
    append = out.append
    for m in _TOKEN.finditer(text, start, end):
        word = m.group(0)
        first = word[0]
        s, e = m.span()
        if "'" not in word and "’" not in word:
            append(Token(s, e, word, word.lower(), first.isalnum(), first.isupper()))
            continue
        nt = _SPLIT_NT.match(word)
        if nt and len(nt.group(1)) > 0:
            cut = s + len(nt.group(1))
            append(_token(s, cut, nt.group(1), nt.group(1).lower()))
            tail = nt.group(2).lower().replace("’", "'")
            append(_token(cut, e, nt.group(2), "n't" if tail.endswith("n't") else tail))
            continue
        lower = word.lower().replace("’", "'")
        if lower.endswith("'s") and len(lower) > 2:
            cut = e - 2
            append(_token(s, cut, word[:-2], lower[:-2]))
            append(_token(cut, e, word[-2:], "'s"))
            continue
        append(_token(s, e, word, lower))
    for t in out:
        if t.is_word:
            if t.is_capitalised:
                out[out.index(t)] = Token(t.start, t.end, t.text, t.lower, t.is_word, t.is_capitalised, True)
            break
    return out
