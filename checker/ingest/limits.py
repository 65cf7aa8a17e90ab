"""Every cap checker puts on untrusted input, in one place, with the helpers that enforce the structural ones.

Reports come from outside, so no part of one may cost more than its size: nested metadata is refused past a fixed
depth before a recursive parser sees it, a report's own date must lie well inside the calendar (so date arithmetic
around it cannot leave it), and a document yields at most a fixed number of assertions. docs/security.md lists
them for users.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

# Bytes read from one report (or stdin) before it is refused; `max_bytes` / `--max-bytes` overrides it.
DEFAULT_MAX_BYTES = 10_000_000
# Deepest nesting of lists and mappings accepted in YAML/TOML front matter and in JSON-LD: real metadata is a few
# levels deep, and the parsers recurse per level (thousands of levels are a RecursionError).
MAX_NESTING = 64
# YAML front matter parsed into more nodes than this (or using aliases at all) is ignored: aliases let a few
# hundred bytes stand for billions of nodes ("billion laughs").
MAX_FRONT_MATTER_NODES = 10_000
# Longest metadata string (title, source, date text) kept; longer ones are cut.
MAX_METADATA_CHARS = 2_000
# A report's own date (metadata, dateline, --date) is used only inside these years: "yesterday" or "within a year"
# around it must stay in the calendar ``datetime`` can hold (1..9999), and 0001-01-01 is a zero value, not a date.
REPORT_YEARS = (1000, 9000)
# Longest sentence the extractor analyses as one; longer runs without a full stop are cut at clause punctuation.
# The rules relate each token to each place and number in its sentence, so this bounds their cost per sentence.
MAX_SENTENCE_CHARS = 2_000
# Assertions kept per document; past it the rest of the report is not extracted and a warning says so. A long
# real report gives about 1,500, a megabyte of dense wire copy about 15,000; a hostile one (a 9 MB list of
# figures) would otherwise give hundreds of thousands and flood comparison and output.
MAX_ASSERTIONS_PER_DOCUMENT = 20_000
# Conflicts reported per document; past it the rest (lowest severity first) are dropped and a warning says so. A
# real report takes part in a handful; a hostile one (a 9 MB list of figures) would give hundreds of thousands.
MAX_CONFLICTS_PER_DOCUMENT = 1_000


_SURROGATE = re.compile("[\ud800-\udfff]")


def replace_surrogates(text: str) -> str:
    """``text`` with every lone surrogate (from a JSON or YAML escape, or a file name that is not UTF-8) replaced
    by U+FFFD: one character for one, so offsets stay put, and the result always encodes as UTF-8."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def usable_report_date(day: dt.date | None) -> dt.date | None:
    """``day`` if it can serve as a report's date (see ``REPORT_YEARS``), else None."""
    if day is None or not (REPORT_YEARS[0] <= day.year <= REPORT_YEARS[1]):
        return None
    return day


def nesting_depth(text: str, quotes: str = '"', limit: int = MAX_NESTING) -> int:
    """How deep ``[``/``{`` nest in ``text``, ignoring brackets inside quoted strings; stops counting past ``limit``.

    One linear pass, no recursion: a check to run before a recursive parser (json, tomllib, YAML flow style).
    A backslash escapes the next character inside double quotes (JSON, TOML basic strings); single quotes (TOML
    literal strings) have no escapes. Unbalanced input is fine: the parser will reject it afterwards.
    """
    depth = deepest = 0
    quote = ""
    escaped = False
    for ch in text:
        if quote:
            if escaped:
                escaped = False
            elif ch == "\\" and quote == '"':
                escaped = True
            elif ch == quote:
                quote = ""
        elif ch in quotes:
            quote = ch
        elif ch in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > limit:
                    return deepest
        elif ch in "]}":
            depth = max(0, depth - 1)
    return deepest


def scalar_text(value: object, limit: int = MAX_METADATA_CHARS) -> str | None:
    """A metadata value as text if it is a scalar (string, number, date), else None: never ``str()`` of a list or
    mapping, which for YAML aliases can stand for billions of nodes."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (str, int, float, dt.date)):
        try:
            text = str(value).strip()
        except ValueError:  # an integer of more than 4,300 digits
            return None
        return replace_surrogates(text[:limit]) or None
    return None


def assertion_cap_warnings(extracted: Iterable[tuple[str, int]]) -> list[str]:
    """One warning per document (path, number of assertions) that reached ``MAX_ASSERTIONS_PER_DOCUMENT``."""
    cap = MAX_ASSERTIONS_PER_DOCUMENT
    return [
        f"{path}: over {cap:,} assertions; only the first {cap:,} are checked (split the report to check the rest)"
        for path, count in extracted
        if count >= cap
    ]
