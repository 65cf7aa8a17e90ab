"""Markdown: markup is blanked in place, so analysed offsets are raw offsets."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from checker.ingest import parse_document
from checker.ingest.markdown import blank_markdown

FIXTURE = "tests/data/ingest/report.md"


def assert_same_offsets(raw: str, text: str) -> None:
    """Same length and lines; every kept character is the raw character; only table-row ends may read "."."""
    assert len(text) == len(raw)
    for i, (r, t) in enumerate(zip(raw, text)):
        if r in "\r\n":
            assert t == r, i
        elif t != " ":
            assert t == r or (t == "." and r == "|"), (i, r, t)


@pytest.fixture(scope="module")
def report():
    with open(FIXTURE, encoding="utf-8") as fh:
        return parse_document(FIXTURE, fh.read())


def test_fixture_keeps_offsets(report):
    assert report.segments is None and report.format == "markdown"
    assert_same_offsets(report.raw, report.text)
    for m in re.finditer(r"[^.!?\n]+", report.text):
        span = report.span(m.start(), m.end())
        assert (span.start, span.end) == (m.start(), m.end())


def test_markup_is_gone_and_prose_stays(report):
    words = " ".join(report.text.split())
    assert "Flood waters recede in the delta" in words
    assert "DHAKA, Sept. 14, 2024 — About 1,200 villages were still cut off on Saturday, the disaster" in words
    assert "Deaths: 64, according to the ministry ." in words
    assert "Displaced: 450,000 people." in words
    assert "First estimate came in early. Second estimate later." in words
    assert '"The water is going down slowly," said one official.' in words
    assert "The 2nd wave came on Sept. 2, 2024. That was the last one ." in words
    for gone in ("---", "title:", "#", "**", "_disaster", "](", "https://", "9999", "7777", "8888", "5555",
                 "6666", "500,000", "|", "`", "[^1]", "A footnote", ">"):
        assert gone not in report.text, gone


def test_table_rows_end_like_sentences(report):
    assert re.search(r"District +Deaths \.\n +\n +Feni +23 +\.\n +Noakhali +18 +\.", report.text)


def test_front_matter_metadata(report):
    assert report.title == "Flood waters recede in the delta"
    assert report.date == dt.date(2024, 9, 14)
    assert report.source == "Field Desk"


def test_first_heading_is_the_title_without_front_matter():
    doc = parse_document("x.md", "Intro line that is long enough to not be a title, surely.\n\n# The *real* title #\n")
    assert doc.title == "The real title"
    doc = parse_document("x.md", "Setext title\n============\n\nBody.\n")
    assert doc.title == "Setext title" and doc.text.startswith("Setext title\n            \n")


def test_dateline_gives_date_and_wire():
    doc = parse_document("x.md", "# Headline\n\nGENEVA, June 3, 2023 (Reuters) — The WHO said.\n")
    assert doc.date == dt.date(2023, 6, 3) and doc.source == "Reuters"


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        ("**bold** and __strong__ and *em*", "  bold   and   strong   and  em "),
        ("snake_case_name and 3 * 4", "snake_case_name and 3 * 4"),
        (r"\*not emphasis\*", r" *not emphasis *"),
        ("- item\n+ item\n* item", "  item\n  item\n  item"),
        ("1. one\n2) two", "   one\n   two"),
        ("Troops arrived in\n2024. Then more.", "Troops arrived in\n2024. Then more."),
        ("[label](http://x.org/a_(b) \"T\") end", " label" + " " * 26 + "end"),
        ("[ref link][r] end", " ref link     end"),
        ("`inline 5` code", " inline 5  code"),
        ("a <span class=\"x\">b</span> c", "a" + " " * 17 + "b" + " " * 8 + "c"),
        ("x <!-- hidden\n 9 --> y", "x" + " " * 12 + "\n" + " " * 7 + "y"),
        ("H<sub>2</sub>O", "H     2      O"),
        ("~~600~~ 500", "        500"),
        ("> quoted\n> > nested", "  quoted\n    nested"),
        ("***\n\ntext", "   \n\ntext"),
        ("line\r\n# Head\r\n", "line\r\n  Head\r\n"),
        ("see https://example.org/a_b.html.", "see                             ."),
        ("a | b\n--|--\n1 | 2", "a   b\n     \n1   2"),
        ("pipes | in prose", "pipes | in prose"),
    ],
)
def test_blanking(raw, text):
    out = blank_markdown(raw).text
    assert out == text
    assert_same_offsets(raw, out)


def test_fenced_code_unclosed_runs_to_end():
    raw = "Before.\n```python\nx = 5\n"
    assert blank_markdown(raw).text == "Before.\n" + " " * 9 + "\n" + " " * 5 + "\n"


def test_leading_rule_that_is_not_front_matter_is_kept_as_text():
    raw = "---\nJust a rule, then prose: more text here.\n---\nAfter.\n"
    md = blank_markdown(raw)
    assert md.front_matter is None and "Just a rule, then prose: more text here." in md.text
