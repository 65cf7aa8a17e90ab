"""parse_document: format choice and the order in which title, date and source are resolved."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.ingest import detect_format, parse_document

REF = dt.date(2024, 11, 27)


@pytest.mark.parametrize(
    ("path", "raw", "fmt"),
    [
        ("a.txt", "<p>looks like html</p>", "text"),
        ("a.TEXT", "x", "text"),
        ("a.md", "x", "markdown"),
        ("a.markdown", "x", "markdown"),
        ("a.HTM", "x", "html"),
        ("a.html", "x", "html"),
        ("-", "  <!DOCTYPE html><html><body>x</body></html>", "html"),
        ("-", "<div>fragment</div>", "html"),
        ("-", "---\ntitle: T\n---\nBody", "markdown"),
        ("-", "Intro\n\n## Heading\n", "markdown"),
        ("-", "See [this](http://x.org).", "markdown"),
        ("-", "Plain report: 5 < 6 and 7 > 3.", "text"),
        ("notes.log", "Plain.", "text"),
    ],
)
def test_detect_format(path, raw, fmt):
    assert detect_format(path, raw) == fmt


def test_plain_text_is_its_own_analysed_text():
    raw = "Troops massing near border\r\n\r\nKYIV (Reuters) - About 11,000 troops.\r\n"
    doc = parse_document("in/report.txt", raw)
    assert doc.text == doc.raw == raw and doc.segments is None
    assert (doc.title, doc.source, doc.date) == ("Troops massing near border", "Reuters", None)


def test_title_falls_back_to_the_file_stem():
    doc = parse_document("in/2024-11-25 briefing.txt", "A first line that is a sentence.\nMore.")
    assert doc.title == "2024-11-25 briefing"


def test_date_order_metadata_then_dateline_then_reference():
    front = "---\ndate: 2024-11-20\n---\nSEOUL, Nov. 21, 2024 — Text.\n"
    assert parse_document("a.md", front, reference_date=REF).date == dt.date(2024, 11, 20)
    assert parse_document("a.txt", "SEOUL, Nov. 21, 2024 — Text.", reference_date=REF).date == dt.date(2024, 11, 21)
    assert parse_document("a.txt", "SEOUL — Text.", reference_date=REF).date == REF
    assert parse_document("a.txt", "SEOUL — Text.").date is None


def test_dateline_without_year_uses_the_reference_date():
    assert parse_document("a.txt", "Nov 25 (Reuters) - Text.", reference_date=REF).date == dt.date(2024, 11, 25)
    assert parse_document("a.txt", "Nov 25 (Reuters) - Text.").date is None


def test_metadata_source_wins_over_the_wire():
    raw = "---\nsource: Desk\n---\nLONDON (Reuters) - Text.\n"
    assert parse_document("a.md", raw).source == "Desk"
    assert parse_document("a.md", raw.replace("source: Desk", "tags: [x]")).source == "Reuters"


def test_explicit_format_overrides_the_extension():
    doc = parse_document("page.txt", "<p>Hi &amp; bye</p>", fmt="html")
    assert doc.format == "html" and doc.text == "Hi & bye"


def test_parse_document_does_no_io(tmp_path):
    missing = str(tmp_path / "does-not-exist.html")
    assert parse_document(missing, "<p>Text.</p>").text == "Text."
