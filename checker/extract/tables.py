"""Tables: a figure in a table row is told of the row's name and measured as its column's header says.

Results, tolls and budgets are often published as a table ("| Party | Seats | Change |" over "| --- | --- | --- |",
then "| Liberal Union | 48 | -3 |"). Read as a sentence, a row is a run of words and numbers with no verb: "Liberal
Union 48 -3". Read as a table, it says the Liberal Union has 48 seats, and that -3 is a change, not a count.

``find_tables`` finds pipe tables (Markdown's, or the same drawn in a plain-text report) by their rule line;
``table_assertions`` is the ``table-cell`` rule, run on one row in place of the sentence rules.
"""

from __future__ import annotations

import re
from functools import lru_cache

from checker.extract.context import SentenceContext, make_assertion, triggers_in, with_owner
from checker.extract.lexicon import lexicon
from checker.extract.subjects import Subject, build_subject
from checker.extract.tokens import tokenize
from checker.models import Assertion, Table, TableRow, direct_construct

_RULE_CHARS = frozenset("|-: \t\r")
_SIGNS = frozenset("+-−–±")
# A header that gives its column's unit ("Vote (%)", "Budget ($m)", "Jobs (000s)"): a bare figure under it is not a
# count of the header's thing.
_HEADER_UNIT = re.compile(r"\(|[$£€¥%]|\bper ?cent\b", re.IGNORECASE)
_HEADER_PERCENT = re.compile(r"%|\bper ?cent\b", re.IGNORECASE)


def find_tables(text: str) -> list[Table]:
    """The pipe tables of ``text``: a header line with pipes, a rule line of dashes between pipes ("| --- | :-: |"),
    then the data rows (lines with a pipe, up to the first line without one)."""
    if "|" not in text or "---" not in text:
        return []
    lines: list[tuple[int, int]] = []
    pos = 0
    while pos <= len(text):
        end = text.find("\n", pos)
        end = len(text) if end == -1 else end
        lines.append((pos, end))
        pos = end + 1
    tables: list[Table] = []
    i = 1
    while i < len(lines):
        start, end = lines[i]
        if not _is_rule(text[start:end]) or "|" not in text[lines[i - 1][0] : lines[i - 1][1]]:
            i += 1
            continue
        header = [text[a:b] for a, b in _cells(text, *lines[i - 1])]
        rows: list[TableRow] = []
        j = i + 1
        while j < len(lines) and "|" in text[lines[j][0] : lines[j][1]] and text[lines[j][0] : lines[j][1]].strip():
            a, b = lines[j]
            rows.append(direct_construct(TableRow, {"start": a, "end": b, "cells": _cells(text, a, b)}))
            j += 1
        if rows:
            tables.append(direct_construct(
                Table, {"start": lines[i - 1][0], "end": lines[j - 1][1], "header": header, "rows": rows}))
        i = j
    return tables


def _is_rule(line: str) -> bool:
    return "|" in line and "---" in line and all(c in _RULE_CHARS for c in line)


def _cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The cells of one table line, stripped of spaces: the pipes that open and close the line make no cell."""
    bounds = [start - 1] + [k for k in range(start, end) if text[k] == "|"] + [end]
    cells = []
    for a, b in zip(bounds, bounds[1:]):
        a += 1
        while a < b and text[a] in " \t\r":
            a += 1
        while b > a and text[b - 1] in " \t\r":
            b -= 1
        cells.append((a, b))
    line = text[start:end].strip()
    if line.startswith("|"):
        cells = cells[1:]
    if line.endswith("|"):
        cells = cells[:-1]
    return cells


def _cell_subject(label: str, header: str) -> Subject | None:
    """The header's thing ("Seats": seat) owned by the row's name ("Liberal Union"), the whole name: two rows of a
    table are two things ("Cash Reserve Ratio, commercial banks" / "..., merchant banks"), never one told twice."""
    owner = " ".join(w.lower for w in tokenize(label) if w.is_word).replace("'", "")  # ("'s" is no word token)
    thing = _column(header)[0]
    if not owner or thing is None:
        return None
    return with_owner(thing, owner)


@lru_cache(maxsize=1024)
def _column(header: str) -> tuple[Subject | None, str | None]:
    """What a column's header measures, read once per header however many rows: its thing ("Seats": seat) and the
    attribute its trigger word names ("Deaths": killed), if any."""
    words = tokenize(header.lower())
    named = [attr for _, _, attr in triggers_in(words, 0, len(words))]
    return build_subject(words, header.lower()), (named[0] if named else None)


def table_assertions(ctx: SentenceContext) -> list[Assertion]:
    """The ``table-cell`` rule: each cell holding one figure, in a row whose first cell names something, is a claim
    about that name, measured as the cell's column header says ("Seats": the Liberal Union's seats). A column of
    changes ("Change", "+/-", or a figure written with its sign: "+9") holds no level, and makes no claim."""
    table, row = ctx.table, ctx.row
    if table is None or row is None or len(row.cells) < 2:
        return []
    text = ctx.doc.text
    lex = lexicon()
    # The cells' bounds come from the file as written; Markdown's emphasis and link marks are blanked in the
    # analysed text ("| **Liberal Union** | 48 |"), so each cell is read stripped again.
    label = text[row.cells[0][0] : row.cells[0][1]].strip()
    if not label or not label[0].isalpha():
        return []
    out: list[Assertion] = []
    for c in range(1, min(len(row.cells), len(table.header))):
        header = table.header[c].strip()
        a, b = row.cells[c]
        cell = text[a:b].strip()
        if not header or not cell or cell[0] in _SIGNS or header.lower() in lex.table_change_headers:
            continue
        found = [q for q in ctx.quantities if a <= q.start and q.end <= b]
        if len(found) != 1:
            continue
        q = found[0]
        quantity = q.quantity
        if quantity.dimension == "count" and _HEADER_UNIT.search(header):
            if not _HEADER_PERCENT.search(header):
                continue  # "Budget ($m) | 300": a sum in a unit the figure does not carry, no count
            quantity = quantity.model_copy(update={"unit": "percent", "dimension": "percent"})  # "Vote (%) | 45.2"
        subject = _cell_subject(label, header)
        if subject is None:
            continue
        attribute = _column(header)[1] or lex.default_attribute.get(quantity.dimension, quantity.dimension)
        out.append(make_assertion(ctx, subject, attribute, quantity, q.start, q.end, ctx.index_containing(q.start),
                                  approximate=quantity.approximate, rule="table-cell"))
    return out
