"""Sentence splitting with offsets.

News copy is full of abbreviations that end in a period ("Nov. 25", "U.S.", "Gen. Smith", "Corp."), so a bare
split on ". " would cut most datelines and attributions in half. A rule-based splitter with an abbreviation list is
predictable and fast; every sentence keeps its offsets into the analysed text so evidence can point back to it.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

from checker.models import Sentence

# A candidate boundary: terminal punctuation, optional closing quotes/brackets, then whitespace.
_BOUNDARY = re.compile(r"""[.!?…]+["'”’)\]]*(?=\s)|\n[ \t]*\n\s*""")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.\-]*)\.?$")
_NEXT_START = re.compile(r"""\s*["'“‘(\[]*(\S)""")
# A line that opens a list item or heading: a bullet, "1." or "#", or the indentation a blanked Markdown bullet leaves.
_LINE_BLOCK = re.compile(r"\n(?:[ \t]*(?=[-*•]|\d+[.)]\s|#)|[ \t]{2,}(?=\S))")
_LIST_NUMBER = re.compile(r"[ \t]*\d{1,3}\.$")
# A short line with no closing punctuation, then a line opening with a capital: a heading or a title line.
_HEADING_BREAK = re.compile(r"(?<=[^\s.!?:;,])[ \t]*\n(?=[ \t]*[\"“]?[A-Z])")


def _stands_alone(text: str, line_start: int) -> bool:
    """A heading or list line starts a paragraph or follows a finished line; a hard-wrapped line of prose does not."""
    before = text[:line_start]
    if before.endswith("\n"):
        before = before[:-1]
    before = before.rstrip(" \t")
    if not before or before.endswith("\n"):
        return True  # first line, or after a blank line
    return before[-1] in ".!?:;\"”)"


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


@cache
def _abbreviations() -> frozenset[str]:
    data = json.loads(resources.files("checker.data").joinpath("abbreviations.json").read_text("utf-8"))
    return frozenset(a.lower() for a in data["abbreviations"])


def _ends_with_abbreviation(text: str, dot: int) -> bool:
    """Whether the period at ``dot`` closes an abbreviation rather than a sentence."""
    m = _WORD_BEFORE.search(text, max(0, dot - 20), dot + 1)
    if not m:
        return False
    word = m.group(1).lower().rstrip(".")
    if not word:
        return False
    if word in _abbreviations():
        return True
    # Initials and dotted acronyms: "J.", "U.S", "a.m"
    if len(word) == 1 and word.isalpha():
        return True
    return "." in word and all(len(part) <= 2 for part in word.split("."))


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    """Split ``text[start:end]`` into sentences, each with offsets into ``text`` and stripped of outer space."""
    end = len(text) if end is None else end
    sentences: list[Sentence] = []
    cursor = start
    for m in _BOUNDARY.finditer(text, start, end):
        cut = m.end()
        mark = m.group(0)
        if mark[0] == "." and _LIST_NUMBER.match(text, _line_start(text, m.start()), m.end()):
            continue  # "1." opening a numbered list item
        if mark.startswith("..."):
            nxt = _NEXT_START.match(text, cut)
            if nxt and nxt.group(1).islower():
                continue  # "dipped... then recovered"
        if mark[0] == ".":
            if _ends_with_abbreviation(text, m.start()):
                nxt = _NEXT_START.match(text, cut)
                # After an abbreviation only a clear new start (capital after a quote, or a line break) splits.
                if not nxt or "\n" not in text[cut : nxt.start(1)]:
                    continue
        elif m.group(0)[0] not in "\n":
            nxt = _NEXT_START.match(text, cut)
            if nxt and nxt.group(1).islower():
                continue
        _append(text, cursor, cut, sentences)
        cursor = cut
    _append(text, cursor, end, sentences)
    return sentences


def _append(text: str, a: int, b: int, out: list[Sentence]) -> None:
    # List items and headings on their own lines are sentences of their own.
    pieces = [a]
    for m in _LINE_BLOCK.finditer(text, a, b):
        pieces.append(m.start() + 1)
    for m in _HEADING_BREAK.finditer(text, a, b):
        start = _line_start(text, m.start())
        line = text[start : m.start()].strip()
        if 0 < len(line) <= 70 and len(line.split()) <= 12 and _stands_alone(text, start):
            pieces.append(m.end())
    pieces = sorted(set(pieces))
    pieces.append(b)
    for s, e in zip(pieces, pieces[1:]):
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append(Sentence(start=s, end=e, text=text[s:e]))
