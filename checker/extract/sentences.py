"""Sentence splitting with offsets.

News copy is full of abbreviations that end in a period ("Nov. 25", "U.S.", "Gen. Smith", "Corp."), so a bare
split on ". " would cut most datelines and attributions in half. A rule-based splitter with an abbreviation list is
predictable and fast; every sentence keeps its offsets into the analysed text so evidence can point back to it.

Linear in the text, whatever it holds: a run of punctuation is one boundary candidate (possessive patterns, never
re-scanned from inside the run), line starts are bisected from newline offsets found once, and nothing looks back
further than the line before. A "sentence" longer than ``MAX_SENTENCE_CHARS`` (a list of places and figures with no
full stop, a table flattened to one line) is cut at clause punctuation or spaces, so that the per-sentence rules
downstream, which relate every token to every place and number, stay bounded.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from functools import cache
from importlib import resources

from checker.ingest.limits import MAX_SENTENCE_CHARS
from checker.models import Sentence, direct_construct

# A candidate boundary: terminal punctuation, optional closing quotes/brackets, then whitespace. The lookbehind and
# the possessive runs make a run of 1 MB of dots one attempt, not a million. The lookbehind comes after the first
# mark (it tests the character before it), so that the scan skips straight to marks and newlines.
_BOUNDARY = re.compile(r"""[.!?…](?<![.!?…].)[.!?…]*+["'”’)\]]*+(?=\s)|\n[ \t]*\n\s*""")
# Where to cut an over-long sentence, best first: after a semicolon, a comma, then any space.
_CUTS = (re.compile(r";\s"), re.compile(r",\s"), re.compile(r"\s"))
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.\-]*)\.?$")
_NEXT_START = re.compile(r"""\s*["'“‘(\[]*(\S)""")
# A line that opens a list item or heading: a bullet, "1." or "#", or the indentation a blanked Markdown bullet leaves.
_LINE_BLOCK = re.compile(r"\n(?:[ \t]*(?=[-*•]|\d+[.)]\s|#)|[ \t]{2,}(?=\S))")
_LIST_NUMBER = re.compile(r"[ \t]*\d{1,3}\.$")
# A short line with no closing punctuation, then a line opening with a capital: a heading or a title line.
_HEADING_BREAK = re.compile(r"(?<=[^\s.!?:;,])[ \t]*\n(?=[ \t]*[\"“]?[A-Z])")


def _stands_alone(text: str, line_start: int) -> bool:
    """A heading or list line starts a paragraph or follows a finished line; a hard-wrapped line of prose does not.

    Looks back over the previous line's trailing spaces only (never copies or rescans the text before it)."""
    i = line_start
    if i and text[i - 1] == "\n":
        i -= 1
    while i and text[i - 1] in " \t":
        i -= 1
    if not i or text[i - 1] == "\n":
        return True  # first line, or after a blank line
    return text[i - 1] in ".!?:;\"”)"


class _Lines:
    """Line starts of ``text[start:end]`` (and of the line ``start`` is on), found once, so that the line of any
    offset in the range is a bisection rather than a search back to the document start (which made long texts with
    few newlines quadratic), and a call on a range of a long text costs the range, not the text."""

    def __init__(self, text: str, start: int = 0, end: int | None = None) -> None:
        back = max(0, start - 1)  # ``start()`` of an offset looks at the character before it
        self.starts = [text.rfind("\n", 0, back) + 1]
        find = text.find
        end = len(text) if end is None else end
        i = find("\n", back, end)
        while i != -1:
            self.starts.append(i + 1)
            i = find("\n", i + 1, end)

    def start(self, pos: int) -> int:
        """Offset of the first character of the line holding ``pos`` (as ``text.rfind("\\n", 0, pos) + 1``)."""
        return self.starts[bisect_right(self.starts, pos - 1) - 1] if pos else 0


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
    lines = _Lines(text, start, end)
    for m in _BOUNDARY.finditer(text, start, end):
        cut = m.end()
        mark = m.group(0)
        if mark[0] == "." and m.start() - (ls := lines.start(m.start())) <= 16 and _LIST_NUMBER.match(text, ls, m.end()):
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
        _append(text, cursor, cut, sentences, lines)
        cursor = cut
    _append(text, cursor, end, sentences, lines)
    return sentences


def _bounded(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """``text[s:e]`` as pieces of at most ``MAX_SENTENCE_CHARS``, cut after the last "; ", else ", ", else space
    in each window (a hard cut only when a window has none)."""
    out: list[tuple[int, int]] = []
    while e - s > MAX_SENTENCE_CHARS:
        limit = s + MAX_SENTENCE_CHARS
        cut = limit
        for pattern in _CUTS:
            last = None
            for last in pattern.finditer(text, s + MAX_SENTENCE_CHARS // 2, limit):
                pass
            if last is not None:
                cut = last.start() + 1
                break
        out.append((s, cut))
        s = cut
    out.append((s, e))
    return out


def _append(text: str, a: int, b: int, out: list[Sentence], lines: _Lines) -> None:
    if text[a:b].isspace():
        return  # the blank lines between a paragraph's last full stop and the next paragraph: no sentence
    # List items and headings on their own lines are sentences of their own (both begin after a newline, so a
    # sentence on one line, as most are, has none to look for).
    if text.find("\n", a, b) < 0:
        pieces = [a, b]
    else:
        pieces = [a]
        for m in _LINE_BLOCK.finditer(text, a, b):
            pieces.append(m.start() + 1)
        for m in _HEADING_BREAK.finditer(text, a, b):
            start = lines.start(m.start())
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
        if e - s > MAX_SENTENCE_CHARS:
            for ps, pe in _bounded(text, s, e):
                while ps < pe and text[ps].isspace():
                    ps += 1
                while pe > ps and text[pe - 1].isspace():
                    pe -= 1
                if pe > ps:
                    out.append(direct_construct(Sentence, {"start": ps, "end": pe, "text": text[ps:pe]}))
        elif e > s:
            out.append(direct_construct(Sentence, {"start": s, "end": e, "text": text[s:e]}))
