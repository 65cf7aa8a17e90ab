"""Every conflict kind's own examples, one test id per example (the kinds: checker/compare/kinds.py)."""

from __future__ import annotations

import pytest

from checker.compare.engine import find_conflicts
from checker.compare.kinds import KINDS, VALUE_KINDS, Example, Kind
from checker.extract import extract_document
from checker.ingest import parse_document
from checker.models import ConflictKind


def _kinds(example: Example) -> list[ConflictKind]:
    docs = [
        parse_document("a.txt", example.left).model_copy(update={"date": example.left_date}),
        parse_document("b.txt", example.right).model_copy(update={"date": example.right_date}),
    ]
    extracted = [extract_document(d) for d in docs]
    found = find_conflicts(
        [a for e in extracted for a in e.assertions],
        dates={d.path: d.date for d in docs},
        statements={e.path: e.statements for e in extracted},
    )
    return [c.kind for c in found]


@pytest.mark.parametrize(
    ("kind", "example"),
    [pytest.param(k, e, id=f"{k.kind.value}-{i}") for k in KINDS.values() for i, e in enumerate(k.examples)],
)
def test_kind_example(kind: type[Kind], example: Example) -> None:
    assert (kind.kind in _kinds(example)) is example.flagged


def test_every_kind_is_registered_once_with_a_docstring() -> None:
    assert set(KINDS) == set(ConflictKind)
    assert all(k.__doc__ for k in KINDS.values())
    assert len({k.priority for k in KINDS.values()}) == len(KINDS)
    assert set(VALUE_KINDS) <= set(KINDS.values())


def test_value_kinds_have_a_flagged_and_an_unflagged_example() -> None:
    for kind in VALUE_KINDS:
        assert {e.flagged for e in kind.examples} == {True, False}, kind.kind


@pytest.mark.parametrize(
    "text",
    [
        "Turnout was 61.2 percent, the election board said on Sunday.",
        "Five people were killed in the blast on Sunday, police said.",
        "Revenue at Northwind Corp rose to $4 billion in the quarter.",
    ],
)
def test_a_message_names_each_value_once_and_no_word_twice_in_a_row(text: str) -> None:
    from checker.compare.messages import describe_value
    from checker.extract import extract_text

    for a in extract_text(text):
        if a.value.type != "quantity":
            continue
        words = describe_value(a).lower().split()
        assert words.count(a.value_span.text.lower().split()[-1]) == 1
        assert all(x != y for x, y in zip(words, words[1:]))
