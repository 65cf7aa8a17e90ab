"""Markdown to analysed text by blanking markup, so that analysed offsets *are* raw offsets.

Every markup character (heading hashes, list bullets and numbers, emphasis, table pipes, link targets, code
fences, HTML comments and tags, front matter) is replaced by a space of the same length; newlines are kept. The
document therefore needs no segment map, and a finding's offset can be shown in the Markdown file as is.

Deliberate departures from "markup only": fenced code, images, link reference and footnote definitions, bare and
angle-bracket URLs and struck-through text (``~~500~~``, a retracted figure) are blanked with their contents,
because they are not the report's claims; and the closing pipe of a table row becomes a full stop so that a
sentence splitter reads each row as one sentence (the only character of ``text`` that differs from ``raw``
without being a space). A number opens an ordered list only after a blank line or another item, so a
hard-wrapped "...in\n2024. The" keeps its year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from checker.ingest.metadata import parse_front_matter


# Front matter: YAML between --- lines, or TOML between +++ lines, at the very start.
FRONT_MATTER = re.compile(
    r"\A(?:\ufeff)?(---|\+\+\+)[ \t]*\r?\n(.*?)(?:\r?\n)?^(?:\1|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S | re.M
)
_FENCE_OPEN = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)

# Line-level markup (applied with re.M on the whole text).
_THEMATIC = re.compile(r"^ {0,3}(?:(?:[-*_=][ \t]*){3,})\r?$", re.M)
_REF_DEF = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*\S+[^\r\n]*", re.M)
_TABLE_SEP = re.compile(r"^[ \t]*\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)+\|?[ \t]*\r?$", re.M)
_ATX = re.compile(r"^( {0,3}#{1,6})(?=[ \t]|\r?$)([^\r\n]*)", re.M)
_ATX_CLOSE = re.compile(r"[ \t]#+[ \t]*$")
_QUOTE = re.compile(r"^(?:[ \t]*>)+", re.M)
_BULLET = re.compile(r"^([ \t]*)([-*+]|(\d{1,3})[.)])([ \t]+)(\[[ xX]\][ \t]+)?", re.M)
_SETEXT_RULE = re.compile(r"\n {0,3}=+[ \t]*\r?(?=\n|\Z)")

# Inline markup.
# Labels never contain "[": that keeps each attempt short (a run of "[[[[" would otherwise be quadratic).
_IMAGE = re.compile(r"!\[[^\[\]\n]*\](?:\([^)\n]*\)|\[[^\[\]\n]*\])")
_LINK = re.compile(
    r"\[(?P<label>[^\[\]\n]+(?:\n[^\[\]\n]+){0,3})\]"
    r"(?P<target>\((?:[^()\s]++|\([^()\s]*\))*+(?:[ \t]+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^)\n]*\)))?[ \t]*\)"
    r"|\[[^\[\]\n]*\])"
)
_FOOTNOTE_REF = re.compile(r"\[\^[^\[\]\s]+\]")
_AUTOLINK = re.compile(r"<(?:https?|ftp|mailto):[^<>\s]+>|<[^@\s<>]+@[^@\s<>]+>")
_BARE_URL = re.compile(r"https?://[^\s<>()\[\]]+[^\s<>()\[\].,;:!?'\"]")
_STRIKE = re.compile(r"~~[^~\n]+~~")
_CODE_SPAN = re.compile(r"(`+)(?=[^`])([^\n]+?)(?<!`)\1(?!`)")
_HTML_TAG = re.compile(
    r"</?(?:a|abbr|b|br|cite|code|del|details|div|em|figcaption|figure|font|i|img|ins|kbd|mark|p|q|s|small|span|"
    r"strong|sub|summary|sup|table|tbody|td|th|thead|tr|u|ul|ol|li|h[1-6]|blockquote|hr|center|section|article)"
    r"\b[^<>\n]{0,500}>",
    re.I,
)
_STARS = re.compile(r"\*+")
_UNDERSCORES = re.compile(r"_+")
_ESCAPE = re.compile(r"\\(?=[!-/:-@\[-`{-~]|\r?\n)")
_SENTENCE_END = frozenset(".!?:;")


@dataclass
class MarkdownText:
    text: str
    front_matter: dict[str, Any] | None = None  # parsed YAML/TOML front matter
    first_heading: str | None = None  # text of the first level-1 heading (markup blanked)


def _blank(s: str) -> str:
    """Spaces for every character of ``s`` except line breaks (so line/column stay put)."""
    if "\n" not in s and "\r" not in s:
        return " " * len(s)
    return "\n".join(
        " " * (len(part) - 1) + "\r" if part.endswith("\r") else " " * len(part) for part in s.split("\n")
    )


def _blank_match(m: re.Match[str]) -> str:
    return _blank(m.group())


def _blank_spans(text: str, spans: list[tuple[int, int]]) -> str:
    if not spans:
        return text
    out: list[str] = []
    pos = 0
    for start, end in spans:
        out.append(text[pos:start])
        out.append(_blank(text[start:end]))
        pos = end
    out.append(text[pos:])
    return "".join(out)


def _fenced_code(text: str) -> list[tuple[int, int]]:
    """Spans of fenced code blocks (fence lines included); an unclosed fence runs to the end, as in CommonMark."""
    spans: list[tuple[int, int]] = []
    if "```" not in text and "~~~" not in text:
        return spans
    pos = 0
    open_at = -1
    fence = ""
    for line in text.splitlines(keepends=True):
        if open_at < 0:
            m = _FENCE_OPEN.match(line)
            if m:
                open_at, fence = pos, m.group(1)
        else:
            stripped = line.strip()
            if stripped.startswith(fence) and set(stripped) == {fence[0]}:
                spans.append((open_at, pos + len(line.rstrip("\r\n"))))
                open_at = -1
        pos += len(line)
    if open_at >= 0:
        spans.append((open_at, len(text)))
    return spans


def _link(m: re.Match[str]) -> str:
    r"""Keep a link's label, blank "[" and "](target)"; an escaped "\[" is not a link."""
    if m.start() and m.string[m.start() - 1] == "\\":
        return m.group()
    return " " + m.group("label") + _blank("]" + m.group("target"))


def _bare_url(m: re.Match[str]) -> str:
    if m.start() and (m.string[m.start() - 1].isalnum() or m.string[m.start() - 1] == "/"):
        return m.group()
    return " " * len(m.group())


def _neighbours(m: re.Match[str]) -> tuple[str, str]:
    text = m.string
    before = text[m.start() - 1] if m.start() else " "
    after = text[m.end()] if m.end() < len(text) else " "
    return before, after


def _star(m: re.Match[str]) -> str:
    r"""Emphasis stars go; a lone "*" between spaces (arithmetic, a footnote mark in a list) and "\*" stay."""
    before, after = _neighbours(m)
    if before == "\\" or (before.isspace() and after.isspace()):
        return m.group()
    return " " * len(m.group())


def _underscore(m: re.Match[str]) -> str:
    """Emphasis underscores go; those inside a word (snake_case, URLs) stay."""
    before, after = _neighbours(m)
    if before == "\\" or (before.isspace() and after.isspace()) or (before.isalnum() and after.isalnum()):
        return m.group()
    return " " * len(m.group())


def _atx(m: re.Match[str]) -> str:
    """Blank a heading's opening hashes and its optional closing sequence."""
    title = m.group(2)
    close = _ATX_CLOSE.search(title)
    if close:
        title = title[: close.start()] + " " * (close.end() - close.start()) + title[close.end() :]
    return " " * len(m.group(1)) + title


def _bullet(m: re.Match[str]) -> str:
    """Blank a list marker; a number opens an ordered list only after a blank line or another item.

    That keeps "... in\n2024. The" (a hard-wrapped paragraph) from losing its year.
    """
    if m.group(3) is not None:
        text = m.string
        prev_end = m.start() - 1
        if prev_end > 0:
            prev_start = text.rfind("\n", 0, prev_end) + 1
            prev = text[prev_start:prev_end]
            if prev.strip() and not _BULLET.match(prev):
                return m.group()
    return m.group(1) + " " * (len(m.group()) - len(m.group(1)))


def _table_row(row: str) -> str:
    """Pipes become spaces; a row's closing pipe becomes a full stop so the row reads as one sentence."""
    body = row.rstrip(" \t\r")
    last_pipe = body.rfind("|")
    closed = last_pipe == len(body) - 1
    content = (body[:last_pipe] if closed else body).replace("|", " ").rstrip()
    if not content.strip():
        return _blank(row)
    out = row.replace("|", " ")
    if closed and content[-1] not in _SENTENCE_END:
        out = out[:last_pipe] + "." + out[last_pipe + 1 :]
    return out


def _tables(text: str, has_table: bool) -> str:
    """Rewrite every line that is a table row: "| a | b |" always, "a | b" only when the file has a table rule."""
    out: list[str] = []
    pos = 0
    pipe = text.find("|")
    while pipe != -1:
        start = text.rfind("\n", 0, pipe) + 1
        end = text.find("\n", pipe)
        end = len(text) if end == -1 else end
        line = text[start:end]
        if has_table or line.lstrip(" \t").startswith("|"):
            out.append(text[pos:start])
            out.append(_table_row(line))
            pos = end
        pipe = text.find("|", end)
    out.append(text[pos:])
    return "".join(out)


def _first_heading_span(text: str) -> tuple[int, int] | None:
    """Where the first level-1 heading's text is (ATX "# Title" or setext "Title\n=====")."""
    spans = []
    for m in _ATX.finditer(text):
        if m.group(1).strip() == "#":
            spans.append(m.span(2))
            break
    setext = _SETEXT_RULE.search(text)
    if setext:
        prev_end = setext.start()
        prev_start = text.rfind("\n", 0, prev_end) + 1
        if text[prev_start:prev_end].strip():
            spans.append((prev_start, prev_end))
    return min(spans) if spans else None


def blank_markdown(raw: str) -> MarkdownText:
    """Analysed text of a Markdown report (same length and line structure as ``raw``) plus its front matter."""
    text = raw
    front = None
    m = FRONT_MATTER.match(text)
    if m:
        front = parse_front_matter(m.group(2), "yaml" if m.group(1) == "---" else "toml")
        if front is not None:
            text = _blank(text[: m.end()]) + text[m.end() :]
    text = _blank_spans(text, _fenced_code(text))
    if "<!--" in text:
        text = _HTML_COMMENT.sub(_blank_match, text)
    heading_span = _first_heading_span(text)
    has_table = "|" in text and _TABLE_SEP.search(text) is not None
    # inline code first: its contents are literal, the backticks are markup
    if "`" in text:
        text = _CODE_SPAN.sub(lambda c: " " * len(c.group(1)) + c.group(2) + " " * len(c.group(1)), text)
    if "]:" in text:
        text = _REF_DEF.sub(_blank_match, text)
    if has_table:
        text = _TABLE_SEP.sub(_blank_match, text)
    text = _THEMATIC.sub(_blank_match, text)
    if "#" in text:
        text = _ATX.sub(_atx, text)
    if ">" in text:
        text = _QUOTE.sub(_blank_match, text)
    text = _BULLET.sub(_bullet, text)
    if "[" in text:
        text = _IMAGE.sub(_blank_match, text)
        text = _FOOTNOTE_REF.sub(_blank_match, text)
        text = _LINK.sub(_link, text)
    if "<" in text:
        text = _AUTOLINK.sub(_blank_match, text)
        text = _HTML_TAG.sub(_blank_match, text)
    if "://" in text:
        text = _BARE_URL.sub(_bare_url, text)
    if "~~" in text:
        text = _STRIKE.sub(_blank_match, text)
    if "*" in text:
        text = _STARS.sub(_star, text)
    if "_" in text:
        text = _UNDERSCORES.sub(_underscore, text)
    if "\\" in text:
        text = _ESCAPE.sub(" ", text)
    if "|" in text:
        text = _tables(text, has_table)
    heading = " ".join(text[heading_span[0] : heading_span[1]].split()) if heading_span else None
    return MarkdownText(text=text, front_matter=front, first_heading=heading or None)
