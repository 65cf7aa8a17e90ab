"""Title, date and source of a report: from front matter, HTML meta tags, or a dateline at the top of the text.

A report's date matters because "on Wednesday" and "last week" only mean something relative to it, and its source
because two outlets disagreeing is different from one outlet revising itself. The order of preference is:
metadata the publisher wrote for machines (front matter, meta tags, JSON-LD), then what the text says at its top
(a wire dateline such as "KYIV, Nov. 25, 2024 (Reuters) —"), then the ``--date`` option. Date *phrases* are
parsed by ``checker.extract.dates.parse_date``; this module only finds them (and reads ISO dates, which need no
parsing beyond ``date.fromisoformat``).
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass
from typing import Any


from checker.ingest.html import HtmlMeta, html_knowledge
from checker.ingest.limits import MAX_FRONT_MATTER_NODES, MAX_NESTING, nesting_depth, scalar_text

_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])")
_MONTHS = (
    "jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september|"
    "oct|october|nov|november|dec|december"
)
_WEEKDAYS = "mon|monday|tue|tues|tuesday|wed|wednesday|thu|thur|thurs|thursday|fri|friday|sat|saturday|sun|sunday"
# The head of a dateline: everything before its dash (spaced hyphen, en or em dash) or colon, on one line.
_DATELINE_HEAD = re.compile(r"(?P<head>[^\n]{2,90}?)(?:[ \t]+(?:--|-)[ \t]+|[ \t]*[—–][ \t]*|:[ \t]+)")
_PLACE = re.compile(r"[A-Z][A-Z'’.\-]*[A-Z.](?:[ \t]+[A-Z][A-Z'’.\-]*[A-Z.]){0,3}(?=[\s,(]|$)")
_STARTS_WITH_DATE = re.compile(
    rf"(?i)(?:(?:{_WEEKDAYS})\.?,?\s+)?(?:(?:{_MONTHS})\.?\s+\d{{1,2}}\b|\d{{1,2}}\s+(?:{_MONTHS})\b)"
)
# "Kyiv, Nov. 25 —": a title-case place is a dateline only when a date follows its comma.
_TITLE_PLACE = re.compile(r"[A-Z][a-z'’.\-]+(?:[ \t]+[A-Z][a-z'’.\-]+){0,2}(?=,)")
_WIRE = re.compile(r"\(\s*([A-Za-z][\w.&'’ \-/]{0,40}?)\s*\)")
# What may follow a dateline's place when no date does: a short title-case region ("Ukraine", "Ill.").
_REGION = re.compile(r"[A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*){0,2}(?:,.*\d.*)?")
_LEADING_WEEKDAY = re.compile(rf"(?i)^(?:{_WEEKDAYS})\.?,?\s+")
_MAX_DATELINE_LINES = 8
_MAX_DATE_PHRASE = 200
_FIELD_NAME = re.compile(r"^[\w.:-]+$")


@dataclass(frozen=True)
class Dateline:
    """A dateline found at the top of a report; offsets are into the analysed text."""

    start: int
    end: int
    place: str | None
    wire: str | None
    date_text: str | None


@dataclass(frozen=True)
class Metadata:
    """What a format's metadata says before falling back to the text itself; every field may be missing."""

    title: str | None = None
    date: dt.date | None = None
    date_text: str | None = None
    source: str | None = None


# ------------------------------------------------------------------------------------------------ dates


def _parse_phrase(phrase: str, reference: dt.date | None) -> dt.date | None:
    """A single day from a date phrase, via the shared date parser (imported late: ingest must work without it)."""
    try:
        from checker.extract.dates import parse_date
    except ImportError:  # pragma: no cover - only while the extractor is being written
        return None
    try:
        found = parse_date(phrase, reference)
    except Exception:  # noqa: BLE001 - a bad phrase in a header must never stop a report loading
        return None
    if found is None or found.start != found.end:
        return None
    return found.start


def coerce_date(value: Any, reference: dt.date | None = None) -> dt.date | None:
    """A metadata date value (date, datetime, ISO string or a date phrase) as a day, or None."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    m = _ISO_DATE.match(value)
    if m:
        try:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    if len(value) > _MAX_DATE_PHRASE:
        return None
    return _parse_phrase(value.strip(), reference)


# ------------------------------------------------------------------------------------------------ front matter


def _yaml_within_limits(body: str) -> bool:
    """Whether YAML ``body`` nests at most ``MAX_NESTING`` deep, has at most ``MAX_FRONT_MATTER_NODES`` nodes and
    no aliases, found from its event stream (the parser is a state machine; only composing recurses)."""
    import yaml

    depth = nodes = 0
    for event in yaml.parse(body, Loader=yaml.SafeLoader):
        if isinstance(event, yaml.AliasEvent):
            return False
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
            if depth > MAX_NESTING:
                return False
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1
        if isinstance(event, yaml.NodeEvent):
            nodes += 1
            if nodes > MAX_FRONT_MATTER_NODES:
                return False
    return True


def parse_front_matter(body: str, kind: str) -> dict[str, Any] | None:
    """The front-matter mapping, or None when the block is not a mapping (then it was not front matter).

    Front matter nested deeper than ``MAX_NESTING``, and YAML with aliases or too many nodes, is front matter that
    says nothing: ``{}`` (the block is still not report text).
    """
    import yaml  # here, not at the top: only reports with front matter need it (12 ms of start-up)

    try:
        if kind == "toml":
            if nesting_depth(body, quotes="\"'") > MAX_NESTING:
                return {}
            data = tomllib.loads(body)
        else:
            if not _yaml_within_limits(body):
                return {}
            data = yaml.safe_load(body)
    except (yaml.YAMLError, tomllib.TOMLDecodeError, ValueError, RecursionError):
        return None
    if data is None:
        return {}
    if not isinstance(data, dict) or not all(isinstance(k, str) and _FIELD_NAME.match(k) for k in data):
        return None  # "---\nA rule, then prose: more\n---" parses as YAML but is not front matter
    return data


def _name(value: Any, nested: bool = False) -> str | None:
    """A person or organisation name from a string, a list of them, or a {name: ...} mapping.

    Looks one list deep and at string values only, so a hostile value (deep or aliased) costs nothing to read.
    """
    if isinstance(value, str):
        return scalar_text(value)
    if isinstance(value, dict):
        name = value.get("name")
        return scalar_text(name) if isinstance(name, str) else None
    if isinstance(value, list) and not nested:
        for item in value[:100]:
            name = _name(item, nested=True)
            if name:
                return name
    return None


def from_front_matter(front: dict[str, Any], reference: dt.date | None) -> Metadata:
    lower = {str(k).lower(): v for k, v in front.items()}
    title = lower.get("title")
    date_value = next((lower[k] for k in ("date", "published", "pubdate", "date_published") if k in lower), None)
    source = next(
        (name for key in ("source", "publisher", "outlet", "author", "authors") if (name := _name(lower.get(key)))),
        None,
    )
    return Metadata(
        title=scalar_text(title),
        date=coerce_date(date_value, reference),
        date_text=scalar_text(date_value),
        source=source,
    )


# ------------------------------------------------------------------------------------------------ HTML


def _strip_site(title: str, site: str | None) -> str:
    """"Troops in Kursk | Example News" -> "Troops in Kursk" when the suffix is the site's name."""
    if not site:
        return title
    for sep in (" | ", " - ", " – ", " — ", " :: ", " · "):
        head, found, tail = title.rpartition(sep)
        if found and head and tail.strip().lower() == site.strip().lower():
            return head.strip()
    return title


def from_html(meta: HtmlMeta, reference: dt.date | None) -> Metadata:
    k = html_knowledge()
    tags = meta.meta

    def first(names: frozenset[str]) -> str | None:
        return next((tags[n] for n in tags if n in names and tags[n]), None)

    ld_title = ld_date = ld_publisher = ld_author = None
    for item in meta.json_ld:
        ld_title = ld_title or _name(item.get("headline"))
        ld_date = ld_date or next(
            (v for v in (item.get("datePublished"), item.get("dateCreated")) if isinstance(v, str) and v), None
        )
        ld_publisher = ld_publisher or _name(item.get("publisher"))
        ld_author = ld_author or _name(item.get("author"))
    site = first(k["site_meta"]) or ld_publisher
    if site and site.startswith("@") and len(site) > 1:
        site = site[1:]  # twitter:site handle
    title = first(k["title_meta"]) or ld_title
    if not title and meta.title_tag:
        title = _strip_site(meta.title_tag, site)
    title = title or meta.first_h1
    date = date_text = None
    for candidate in (first(k["date_meta"]), ld_date if isinstance(ld_date, str) else None, meta.time_datetime):
        if candidate:
            date = coerce_date(candidate, reference)
            if date:
                date_text = candidate
                break
    source = site or first(k["author_meta"]) or ld_author
    return Metadata(title=title or None, date=date, date_text=date_text, source=source)


# ------------------------------------------------------------------------------------------------ datelines


def _looks_like_wire(name: str) -> bool:
    """"(Reuters)", "(AP)", "(Kyiv Independent)"; not "(North Atlantic Treaty Organization)" or "(2)"."""
    return not any(ch.isdigit() for ch in name) and len(name.split()) <= 3


def find_dateline(text: str) -> Dateline | None:
    """The dateline at the top of a report, if there is one.

    Looks at the start of the first few non-empty lines for "PLACE[, Region][, date] [(Wire)] —" or
    "date (Wire) -" or "PLACE (Wire) -". Only locates the parts; the date phrase is parsed by the caller.
    """
    pos = 0
    seen = 0
    n = len(text)
    while pos < n and seen < _MAX_DATELINE_LINES:
        line_end = text.find("\n", pos)
        if line_end == -1:
            line_end = n
        line = text[pos:line_end]
        stripped = line.lstrip()
        if stripped.strip():
            seen += 1
            start = pos + len(line) - len(stripped)
            found = _dateline_at(text, start, line_end)
            if found:
                return found
        pos = line_end + 1
    return None


def _dateline_at(text: str, start: int, line_end: int) -> Dateline | None:
    m = _DATELINE_HEAD.match(text, start, line_end)
    if not m:
        return None
    head = m.group("head")
    place_m = _PLACE.match(head)
    place = None
    rest = head
    if place_m and sum(ch.isalpha() for ch in place_m.group()) >= 2:
        place = place_m.group().rstrip(".")
        rest = head[place_m.end() :]
    elif not _STARTS_WITH_DATE.match(head):
        title_m = _TITLE_PLACE.match(head)
        if not (title_m and _STARTS_WITH_DATE.search(head, title_m.end())):
            return None
        place = title_m.group()
        rest = head[title_m.end() :]
    wire = None
    wire_m = _WIRE.search(rest)
    if wire_m and _looks_like_wire(wire_m.group(1)):
        wire = wire_m.group(1).strip()
        rest = rest[: wire_m.start()] + " " + rest[wire_m.end() :]
    elif "(" in rest:
        return None
    rest = rest.strip(" \t,;")
    date_text = rest or None
    if place is None and date_text is None:
        return None
    if place is not None and date_text and not wire and not _STARTS_WITH_DATE.search(date_text):
        # "KYIV, Ukraine —" is a dateline; "US says: ..." is a headline. Allow a short title-case region only.
        if not _REGION.fullmatch(date_text):
            return None
    return Dateline(start=start, end=m.end(), place=place, wire=wire, date_text=date_text)


def dateline_date(dateline: Dateline, reference: dt.date | None) -> dt.date | None:
    """The day a dateline names: its date part, or that part without a leading region or weekday."""
    if not dateline.date_text:
        return None
    phrase = dateline.date_text
    candidates = [phrase]
    if "," in phrase:
        candidates.append(phrase.split(",", 1)[1].strip())
    candidates += [_LEADING_WEEKDAY.sub("", c) for c in list(candidates) if _LEADING_WEEKDAY.match(c)]
    for candidate in candidates:
        day = _parse_phrase(candidate, reference) if candidate else None
        if day:
            return day
    return None


# ------------------------------------------------------------------------------------------------ titles


def first_line_title(text: str) -> str | None:
    """The first non-empty line when it reads like a headline: short and not ending in a full stop."""
    pos = 0
    n = len(text)
    while pos < n:
        end = text.find("\n", pos)
        end = n if end == -1 else end
        if end - pos > 2000:  # a wall of text is no headline; don't copy it to find out
            return None
        line = " ".join(text[pos:end].split())
        if line:
            return line if len(line) < 120 and not line.endswith(".") else None
        pos = end + 1
    return None
