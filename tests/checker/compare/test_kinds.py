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


# A negated event against the same event asserted, in other words than the source, by domain; and the hard
# negatives: another doer, another object, another time or place, a hedge, a plan, a state before the outcome, and
# negations that deny nothing of the claim ("not only", "no doubt that", "did not say that", "no later than").
_POLARITY_PAIRS = [
    # meetings
    ("meeting-not-approve", "The steering committee approved the revised staffing plan at Thursday's meeting.",
     "At Thursday's meeting the steering committee did not approve the revised staffing plan.", True),
    ("meeting-other-committee", "The steering committee approved the revised staffing plan at Thursday's meeting.",
     "The finance committee did not approve the revised staffing plan.", False),
    ("meeting-other-plan", "The steering committee approved the revised staffing plan at Thursday's meeting.",
     "The steering committee did not approve the travel policy.", False),
    ("meeting-might-not", "The steering committee approved the revised staffing plan at Thursday's meeting.",
     "The steering committee might not approve the revised staffing plan.", False),
    ("meeting-initially", "The steering committee approved the revised staffing plan at Thursday's meeting.",
     "The steering committee had initially not approved the revised staffing plan.", False),
    # science
    ("science-not-published", "The trial team has published its results in a peer-reviewed journal.",
     "The trial team has not published its results.", True),
    ("science-not-yet-other-data", "The trial team has published its results in a peer-reviewed journal.",
     "The trial team has not yet published its follow-up data.", False),
    ("science-refused-release", "The authors have released their code and the benchmark data.",
     "The authors refused to release their code.", True),
    ("science-other-doer-refused", "The authors have released their code and the benchmark data.",
     "The reviewers refused to release their comments.", False),
    # sport
    ("sport-not-signed", "The midfielder has signed a new long-term contract with the club.",
     "The midfielder has not signed a new contract with the club.", True),
    ("sport-will-not-sign", "The midfielder has signed a new long-term contract with the club.",
     "The midfielder will not sign a new contract next season.", False),
    ("sport-other-player", "The midfielder has signed a new long-term contract with the club.",
     "The goalkeeper has not signed a new contract with the club.", False),
    ("sport-other-half", "The referee did not award a penalty in the first half.",
     "The referee awarded a penalty in the second half.", False),
    # courts
    ("court-not-overturned", "The appeal court has overturned the fraud conviction of the former director.",
     "The appeal court did not overturn the fraud conviction of the former director.", True),
    ("court-refused-bail", "The judge refused to grant bail to the defendant.",
     "The judge granted bail to the defendant on Monday.", True),
    ("court-bail-to-another", "The judge refused to grant bail to the defendant.",
     "The judge granted bail to the co-defendant's brother on Monday.", False),
    ("court-verdict", "The jury found the driver guilty of dangerous driving.",
     "The driver was found not guilty of dangerous driving.", True),
    ("court-verdict-other-person", "The jury found the driver guilty of dangerous driving.",
     "The passenger was found not guilty of dangerous driving.", False),
    ("court-other-day", "The jury did not reach a verdict on Friday.", "The jury reached a verdict on Monday.", False),
    # companies
    ("company-not-cancelled", "The airline has cancelled its order for twelve jets.",
     "The airline has not cancelled its order for twelve jets.", True),
    ("company-other-contract", "The airline has cancelled its order for twelve jets.",
     "The airline did not cancel its catering contract.", False),
    ("company-other-year", "The board did not approve the merger in 2023.", "The board approved the merger in 2024.",
     False),
    ("company-did-not-say", "The company did not say that it had closed the plant.", "The company closed the plant.",
     False),
    ("company-no-doubt", "There is no doubt that the company has closed the plant.", "The company closed the plant.",
     False),
    ("company-other-state", "The company has never closed a plant in Ohio.",
     "The company closed its plant in Texas last year.", False),
    ("company-not-only", "Not only did the company close the plant, it also cut 200 jobs.",
     "The company closed the plant.", False),
    ("company-no-later-than", "The contract must be signed no later than Friday.", "The contract was not signed.",
     False),
    ("weather-without-power", "The town was left without power after the storm.",
     "The storm did not leave the town without power.", True),
]


@pytest.mark.parametrize(
    ("left", "right", "flagged"), [pytest.param(a, b, f, id=i) for i, a, b, f in _POLARITY_PAIRS]
)
def test_polarity_pairs(left: str, right: str, flagged: bool) -> None:
    assert (ConflictKind.POLARITY in _kinds(Example(left, right, flagged))) is flagged
