"""The owners of a claim (checker/extract/quantity_rules.py, ``subject_names``): who the subject of its verb names."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.extract import extract_text


@pytest.mark.parametrize(
    "text, entities",
    [
        ("The accord, which Tanzanian President Samia Hassan signed in Arusha in September, opens the border.",
         ("tanzania", "samia hassan")),
        ("The pact, which North Korean leader Kim Jong Un signed in Pyongyang in September, took effect.",
         ("north-korea", "kim jong un")),
        ("Samia Hassan signed the accord in Arusha in September.", ("samia hassan",)),
    ],
    ids=["capitalised-title", "lower-case-title", "no-title"],
)
def test_a_leader_named_with_the_people_s_adjective_stands_for_the_country(text, entities):
    found = [a.entities for a in extract_text(text, date=dt.date(2024, 11, 25)) if a.attribute == "when"]
    assert found == [entities]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The Harbour Alliance and the Green List together won 44 seats.", id="the-and-the-together"),
        pytest.param("On Sunday, Harbour Alliance and Green List won 44 seats.", id="bare-names"),
    ],
)
def test_a_figure_of_names_joined_by_and_belongs_to_each(text: str) -> None:
    [seats] = [a for a in extract_text(text, date=dt.date(2025, 5, 2)) if a.rule == "quantity"]
    assert set(seats.entities) == {"harbour alliance", "green list"}


def _expected_of(text: str, value: str) -> bool:
    [found] = [a for a in extract_text(text, date=dt.date(2024, 11, 25)) if a.value.text == value]
    return found.expected


@pytest.mark.parametrize(
    "text, value, expected",
    [
        ("The ministry plans to hire 2,300 nurses next year.", "2,300", True),
        ("Officials said 40 hostages are due to be released on Friday.", "40", True),
        ("Officials said 60 patients in Leeds are set to be discharged.", "60", True),
        ("The brewer closed 14 depots under a plan to save money.", "14", False),
        ("The airline grounded 30 jets as part of plans to renew its fleet.", "30", False),
        ("The council demolished 120 homes with plans to rebuild them.", "120", False),
    ],
    ids=["plan-before-figure", "due-after-figure", "set-after-a-place-phrase", "plan-in-under-phrase",
         "plans-in-as-phrase", "plans-in-with-phrase"],
)
def test_a_plan_named_in_a_phrase_after_the_noun_does_not_make_the_figure_expected(text, value, expected):
    assert _expected_of(text, value) is expected


@pytest.mark.parametrize(
    "text, value",
    [
        ("Half the pupils scored below the pass mark of 60.", "60"),
        ("The ward missed its goal, against a target of 30 minutes.", "30 minutes"),
        ("Dock workers began a 48-hour strike on Monday.", "48-hour"),
        ("Two people died after a 9-vehicle crash on the A1.", "9"),
    ],
    ids=["noun-phrase-of", "target-of", "length-adjective", "count-adjective"],
)
def test_a_figure_given_inside_a_noun_phrase_has_no_predicate(text, value):
    found = [a for a in extract_text(text, date=dt.date(2025, 6, 15)) if a.value_span.text == value]
    assert [a.predicate for a in found] == [None]


@pytest.mark.parametrize(
    "text, value, predicate",
    [
        ("The EU imposed duties of 38% on the panels.", "38%", "impose"),
        ("The board approved an operating budget of $40 million.", "$40 million", "approve"),
    ],
    ids=["verb-before-phrase", "participle-adjective"],
)
def test_the_verb_before_a_measured_phrase_is_still_its_predicate(text, value, predicate):
    found = [a for a in extract_text(text, date=dt.date(2025, 6, 15)) if a.value_span.text == value]
    assert [a.predicate for a in found] == [predicate]


def test_a_bare_metric_in_a_later_clause_is_the_opening_organisation_s() -> None:
    text = "Harbour Mills reported quarterly revenue of $2.1 billion on Monday, as sales fell 2.4 percent."
    [sales] = [a for a in extract_text(text, date=dt.date(2025, 5, 2)) if a.value_span.text == "2.4 percent"]
    assert sales.entities == ("harbour mills",)


def test_a_name_after_its_owns_its_own_figure() -> None:
    text = "Its smaller rival Pinecrest Logistics reported revenue of $2.1 billion on Wednesday."
    [revenue] = [a for a in extract_text(text, date=dt.date(2025, 5, 2)) if a.rule == "quantity"]
    assert (revenue.thing, revenue.entities) == ("revenue", ("pinecrest logistics",))
