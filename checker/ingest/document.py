"""One report's text, whatever its format, as a ``Document`` -- pure, so the diff view and the TUI can reuse it.

The format comes from the file extension, or from a look at the content when the extension says nothing (stdin,
``.log``, no extension). Metadata is resolved in a fixed order, documented in ``metadata.py``.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from typing import Literal

from checker.ingest.html import extract_html
from checker.ingest.limits import replace_surrogates, usable_report_date
from checker.ingest.markdown import FRONT_MATTER, blank_markdown
from checker.ingest.metadata import (
    Metadata,
    dateline_date,
    find_dateline,
    first_line_title,
    from_front_matter,
    from_html,
)
from checker.models import Document

Format = Literal["text", "markdown", "html"]

EXTENSIONS: dict[str, Format] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}
# Also read when named explicitly (never picked up by a folder walk).
_EXTRA_EXTENSIONS: dict[str, Format] = {".xhtml": "html", ".mdown": "markdown", ".mkd": "markdown"}

_LOOKS_HTML = re.compile(r"\A\s*(?:<!doctype\s+html|<html\b|<head\b|<body\b|<article\b|<meta\b|<!--|<p\b|<div\b)", re.I)
_LOOKS_MARKDOWN = re.compile(r"^(?:#{1,6} \S|```|~~~|\|.*\|\s*$)|\[[^\]\n]+\]\([^)\s]+\)", re.M)


def detect_format(path: str, raw: str) -> Format:
    """The format by extension, else by content: HTML if it opens like a page, Markdown if it has its markup."""
    ext = os.path.splitext(path)[1].lower()
    fmt = EXTENSIONS.get(ext) or _EXTRA_EXTENSIONS.get(ext)
    if fmt:
        return fmt
    head = raw[:4096]
    if _LOOKS_HTML.match(head):
        return "html"
    if FRONT_MATTER.match(head) or _LOOKS_MARKDOWN.search(head):
        return "markdown"
    return "text"


def _stem(path: str) -> str | None:
    if path == "-":
        return None
    stem = os.path.splitext(os.path.basename(path.rstrip("/\\")))[0]
    return replace_surrogates(stem) or None


def parse_document(
    path: str,
    raw: str,
    fmt: Format | None = None,
    reference_date: dt.date | None = None,
) -> Document:
    """Build the ``Document`` for ``raw`` (already decoded) without touching the file system.

    ``reference_date`` is the ``--date`` option: the report's date when neither metadata nor a dateline gives one,
    and the anchor for a dateline that omits the year ("Nov 25 (Reuters) -").

    Lone surrogates in ``raw`` become U+FFFD (one for one, so offsets hold). A date outside
    ``limits.REPORT_YEARS`` (a zero value such as 0001-01-01) is no date at all.
    """
    raw = replace_surrogates(raw)
    reference_date = usable_report_date(reference_date)
    fmt = fmt or detect_format(path, raw)
    segments = None
    meta = Metadata()
    heading = None
    if fmt == "html":
        extracted = extract_html(raw)
        text, segments = extracted.text, extracted.segments
        meta = from_html(extracted.meta, reference_date)
    elif fmt == "markdown":
        md = blank_markdown(raw)
        text, heading = md.text, md.first_heading
        if md.front_matter:
            meta = from_front_matter(md.front_matter, reference_date)
    else:
        text = raw
    dateline = find_dateline(text)
    date = usable_report_date(meta.date)
    if date is None and dateline is not None:
        date = usable_report_date(dateline_date(dateline, reference_date))
    if date is None:
        date = reference_date
    source = meta.source or (dateline.wire if dateline else None)
    title = meta.title or heading or first_line_title(text) or _stem(path)
    return Document(
        path=path,
        format=fmt,
        title=title,
        source=source,
        date=date,
        raw=raw,
        text=text,
        segments=segments,
        body_start=dateline.end if dateline else 0,
    )
