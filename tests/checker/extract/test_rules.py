"""Every extraction rule's own examples, one test id per example (the rules: checker/extract/assertions.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.extract import extract_text
from checker.extract.assertions import RULES, rule_named
from checker.extract.rule import Example, Rule

DATE = dt.date(2024, 11, 1)


def _made(rule: Rule, example: Example):
    found = extract_text(example.text, date=DATE)
    return [a for a in found if rule_named(a.rule) is rule and a.value_span.text == example.value]


@pytest.mark.parametrize(
    ("rule", "example"),
    [pytest.param(r, e, id=f"{r.name}-{i}") for r in RULES for i, e in enumerate(r.examples)],
)
def test_rule_example(rule: Rule, example: Example) -> None:
    made = _made(rule, example)
    if not example.made:
        assert made == []
        return
    assert made, [(a.rule, a.value_span.text) for a in extract_text(example.text, date=DATE)]
    a = made[0]
    got = {"attribute": a.attribute, "thing": a.thing, "entities": a.entities, "predicate": a.predicate,
           "polarity": a.polarity.value}
    want = {k: v for k, v in {"attribute": example.attribute, "thing": example.thing, "entities": example.entities,
                              "predicate": example.predicate, "polarity": example.polarity}.items() if v is not None}
    assert {k: got[k] for k in want} == want


def test_every_rule_has_examples_and_a_unique_name() -> None:
    assert len({r.name for r in RULES}) == len(RULES)
    assert all(r.examples and r.description and r.fields for r in RULES)


def test_every_assertion_names_a_registered_rule() -> None:
    found = extract_text("About 40 howitzers were spotted at a depot near Belgorod on Monday.", date=DATE)
    assert found and all(rule_named(a.rule) is not None for a in found)
