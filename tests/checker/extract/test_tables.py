"""Pipe tables: found by their rule line, read row by row (the ``table-cell`` rule) instead of as sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.extract import extract_document, extract_text
from checker.extract.tables import find_tables
from checker.ingest import parse_document
from checker.models import Quantity

DATE = dt.date(2025, 5, 2)

RESULTS = (
    "| Ward | Turnout | Change |\n"
    "| :--- | ---: | ---: |\n"
    "| Harbour East | 41.2% | +3.1 |\n"
    "| Harbour West | 38.9% | -0.4 |\n"
)


def test_find_tables_gives_the_header_and_each_cell() -> None:
    text = "Results by ward:\n\n" + RESULTS + "\nCounting ended at 2 a.m.\n"
    [table] = find_tables(text)
    assert table.header == ["Ward", "Turnout", "Change"]
    assert [[text[a:b] for a, b in row.cells] for row in table.rows] == [
        ["Harbour East", "41.2%", "+3.1"],
        ["Harbour West", "38.9%", "-0.4"],
    ]
    assert text[table.start : table.end] == RESULTS.rstrip("\n")


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Turnout | 41.2%\nChange | +3.1\n", id="no-rule-line"),
        pytest.param("Figures follow.\n---\nTurnout was 41.2%.\n", id="a-rule-with-no-pipe"),
        pytest.param("| Ward | Turnout |\n| --- | --- |\n\nNo rows.\n", id="no-rows"),
    ],
)
def test_no_table(text: str) -> None:
    assert find_tables(text) == []


def test_each_row_is_a_claim_about_its_name_measured_by_its_column() -> None:
    found = [a for a in extract_text(RESULTS, date=DATE) if a.rule == "table-cell"]
    assert [(a.value_span.text, a.thing, a.entities, a.attribute) for a in found] == [
        ("41.2%", "turnout", ("harbour east",), "turnout"),
        ("38.9%", "turnout", ("harbour west",), "turnout"),
    ]  # the change column makes no claim, and no row is read as a sentence ("Harbour East 41.2% +3.1")
    assert all(isinstance(a.value, Quantity) for a in found)


def test_a_markdown_table_is_read_from_its_cells() -> None:
    doc = parse_document("results.md", "---\ntitle: Ward results\ndate: 2025-05-02\n---\n\n" + RESULTS)
    found = [a for a in extract_document(doc).assertions]
    assert [(a.rule, a.value_span.text, a.entities) for a in found] == [
        ("table-cell", "41.2%", ("harbour east",)),
        ("table-cell", "38.9%", ("harbour west",)),
    ]


def test_two_rows_of_one_table_are_two_things() -> None:
    text = ("| Reserve requirement | Rate |\n| --- | --- |\n| Deposit ratio, savings banks | 12% |\n"
            "| Deposit ratio, trade banks | 18% |\n")
    found = [a for a in extract_text(text, date=DATE) if a.rule == "table-cell"]
    assert [a.entities for a in found] == [("deposit ratio savings banks",), ("deposit ratio trade banks",)]


def test_a_row_and_the_prose_of_its_report_can_contradict_each_other() -> None:
    from checker.compare.engine import find_conflicts

    text = ("The Harbour Alliance won 31 seats, the commission said.\n\n"
            "| Party | Seats |\n| --- | --- |\n| Harbour Alliance | 13 |\n| Green List | 9 |\n")
    doc = parse_document("results.md", text).model_copy(update={"date": DATE})
    found = find_conflicts(extract_document(doc).assertions, dates={"results.md": DATE})
    assert [(c.kind.value, sorted(e.value for e in c.evidence)) for c in found] == [("numeric", ["13", "31"])]


def test_a_joint_total_in_the_prose_is_no_rival_of_a_row() -> None:
    from checker.compare.engine import find_conflicts

    text = ("The Harbour Alliance and the Green List together won 44 seats, the commission said.\n\n"
            "| Party | Seats |\n| --- | --- |\n| Harbour Alliance | 35 |\n| Green List | 9 |\n")
    doc = parse_document("results.md", text).model_copy(update={"date": DATE})
    assert find_conflicts(extract_document(doc).assertions, dates={"results.md": DATE}) == []


def test_the_words_before_and_after_a_table_on_its_lines_are_still_read() -> None:
    # A plain-text report with no full stop between a line of prose and the table: the sentence splitter joins
    # them; the table's rows are read as rows and the prose around them as sentences.
    text = ("Results were published on Monday\n| Party | Seats |\n| --- | --- |\n| Harbour Alliance | 31 |\n"
            "The Harbour Alliance won 13 seats, officials said.\n")
    found = [(a.rule, a.value_span.text) for a in extract_text(text, date=DATE)]
    assert ("table-cell", "31") in found and ("quantity", "13") in found
    assert ("quantity", "31") not in found  # the row is not read as a sentence too


def test_a_table_with_windows_line_ends_is_a_table() -> None:
    assert [t.header for t in find_tables(RESULTS.replace("\n", "\r\n"))] == [["Ward", "Turnout", "Change"]]


def test_emphasis_and_links_in_markdown_cells_are_read_through() -> None:
    text = "| Party | Seats | Change |\n| --- | --- | --- |\n| **Harbour Alliance** | 31 | **+2** |\n" \
           "| [Green List](https://example.org) | 9 | -1 |\n"
    doc = parse_document("results.md", text)
    found = [(a.value_span.text, a.entities) for a in extract_document(doc).assertions]
    assert found == [("31", ("harbour alliance",)), ("9", ("green list",))]


@pytest.mark.parametrize(
    ("header", "cell", "made"),
    [
        pytest.param("Vote (%)", "45.2", ("45.2", "percent"), id="percent-header"),
        pytest.param("Budget ($m)", "300", None, id="money-header-bare-figure"),
        pytest.param("Seats", "48", ("48", "count"), id="plain-header"),
    ],
)
def test_a_unit_in_the_header_measures_the_bare_figure_under_it(header: str, cell: str, made: tuple | None) -> None:
    text = f"| Party | {header} |\n| --- | --- |\n| Harbour Alliance | {cell} |\n"
    found = [(a.value_span.text, a.value.dimension) for a in extract_text(text, date=DATE) if a.rule == "table-cell"]
    assert found == ([made] if made else [])


def test_a_figure_with_a_unit_takes_its_dimension_s_default_attribute() -> None:
    text = "| Town | Rainfall |\n| --- | --- |\n| Porto Seco | 180 mm |\n"
    found = [(a.value_span.text, a.attribute) for a in extract_text(text, date=DATE) if a.rule == "table-cell"]
    assert found == [("180 mm", "distance")]
