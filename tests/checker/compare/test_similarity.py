"""The alignment score: which claims are about the same thing (checker/compare/similarity.py)."""

from __future__ import annotations

import pytest

from checker.compare.similarity import (
    concept,
    content_concepts,
    contrasted,
    different_predicates,
    entities_agree,
    one_occurrence,
    opposite,
    score,
    sentence_figures,
    view,
)
from checker.extract import extract_text


def _claim(text: str, value: str):
    return next(a for a in extract_text(text) if a.value_span.text == value)


@pytest.mark.parametrize(
    ("a", "b"),
    [("troops", "soldiers"), ("revenue", "sales"), ("killed", "dead"), ("eliminate", "cut"), ("marched", "rallied")],
)
def test_synonyms_share_a_concept(a: str, b: str) -> None:
    assert concept(a) == concept(b)


def test_opposite_outcomes() -> None:
    assert opposite("upheld", "overturned") or opposite("uphold", "overturn")
    assert not opposite("uphold", "sign")


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        pytest.param("the women's final drew a crowd", "the men's final drew a crowd", True, id="men-women"),
        pytest.param("quarterly revenue at the bank", "annual revenue at the bank", True, id="quarterly-annual"),
        pytest.param("the men's and women's finals", "the men's final", False, id="both-named-on-one-side"),
        pytest.param("the cup final drew a crowd", "the final drew a big crowd", False, id="no-contrast"),
    ],
)
def test_contrasted_parts_of_one_whole(left: str, right: str, expected: bool) -> None:
    assert contrasted(content_concepts(left), content_concepts(right)) is expected


def test_same_figure_of_two_companies_does_not_align() -> None:
    a = _claim("Revenue at Northwind Corp rose to $4 billion.", "$4 billion")
    b = _claim("Revenue at Brightline rose to $3 billion.", "$3 billion")
    found = score(view(a), view(b))
    assert found.different_entities and found.score == 0


def test_same_thing_in_other_words_aligns() -> None:
    a = _claim("Roughly 8,000 North Korean soldiers have reached the Kursk region.", "Roughly 8,000")
    b = _claim("About 11,000 North Korean troops are in Kursk, officials said.", "About 11,000")
    found = score(view(a), view(b))
    assert "thing" in found.matched and "entities" in found.matched and found.score >= 0.55


def test_two_verbs_and_no_owner_in_common_do_not_align() -> None:
    a = _claim("Five men were taken to hospital after the fight in the town centre.", "Five")
    b = _claim("Three men were stabbed after the fight in the town centre.", "Three")
    assert different_predicates(view(a), view(b))


def test_a_level_verb_does_not_part_a_toll_from_its_event() -> None:
    a = _claim("Twelve people have been killed by the hurricane in Florida, officials said.", "Twelve")
    b = _claim("The death toll from the hurricane in Florida climbed to 31, officials said.", "31")
    assert not different_predicates(view(a), view(b))


def test_equal_alignments_are_one_shared_object() -> None:
    a = _claim("Roughly 8,000 North Korean soldiers have reached the Kursk region.", "Roughly 8,000")
    b = _claim("About 11,000 North Korean troops are in Kursk, officials said.", "About 11,000")
    c = _claim("Revenue at Northwind Corp rose to $4 billion.", "$4 billion")
    d = _claim("Revenue at Brightline rose to $3 billion.", "$3 billion")
    assert score(view(a), view(b)) is score(view(b), view(a))
    assert score(view(c), view(d)) is score(view(d), view(c))
    assert score(view(a), view(b)) != score(view(c), view(d))


@pytest.mark.parametrize(
    ("left", "lvalue", "right", "rvalue", "aligned"),
    [
        pytest.param("A Greek court on Tuesday sentenced executive Stavros Kallergis to 12 years in prison.",
                     "12 years", "Judges handed a 7-year prison term to Stavros Kallergis on Tuesday.", "7-year", True,
                     id="nationality-of-the-court-is-not-a-second-owner"),
        pytest.param("Norwegian ship-engine maker Halvorsen Group reported second-quarter revenue of 2.4 billion "
                     "euros on Thursday.", "2.4 billion euros",
                     "Halvorsen Group's revenue rose to 4.2 billion euros in the second quarter, the company said.",
                     "4.2 billion euros", True, id="maker-country-is-not-a-second-owner"),
        pytest.param("Storm Elin brought gusts of up to 120 km/h to western Norway on Friday.", "up to 120 km/h",
                     "Storm Fenna lashed Denmark with gusts of 150 km/h on Friday, as a separate storm, Elin, moved "
                     "over Norway.", "150 km/h", False, id="two-named-owners-stay-two"),
    ],
)
def test_a_country_owner_naming_the_other_owner(left: str, lvalue: str, right: str, rvalue: str,
                                                aligned: bool) -> None:
    found = score(view(_claim(left, lvalue)), view(_claim(right, rvalue)))
    assert (found.score >= 0.55) is aligned
    assert found.different_entities is not aligned


def test_the_same_place_scope_adds_to_the_score() -> None:
    a = _claim("About 12,000 protesters gathered in central Belgrade on Saturday, police said.", "About 12,000")
    b = _claim("More than 100,000 demonstrators marched through Belgrade on Saturday, organisers said.",
               "More than 100,000")
    found = score(view(a), view(b))
    assert "scope" in found.matched and found.score >= 0.55
    assert not different_predicates(view(a), view(b))


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [("play", "place", True), ("open", "go", True), ("hold", "begin", True), ("sign", "hold", False),
     ("found", "announce", False)],
)
def test_occurrence_verbs(a: str, b: str, expected: bool) -> None:
    assert one_occurrence(concept(a), concept(b)) is expected


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        pytest.param("A magnitude 7.0 earthquake struck near the cape on Thursday.", {"#7.0"}, id="decimal"),
        pytest.param("In 2024, 1,200 people and 12 dogs were counted; 3.5% left.", {"#1200", "#3.5"},
                     id="thousands-and-decimal-not-year-or-small"),
        pytest.param("Train 12506 left at 10:30 on March 3.", {"#12506"}, id="no-clock-or-day"),
    ],
)
def test_sentence_figures(text: str, figures: set[str]) -> None:
    assert sentence_figures(text) == figures


def test_a_figure_cited_by_both_sentences_adds_to_the_context() -> None:
    left = "Floods killed 12 people and forced 4,300 residents from their homes in the valley, officials said."
    a = _claim(left, "12")
    same = _claim("Floods killed 15 people in the valley, where 4,300 residents fled, officials said.", "15")
    other = _claim("Floods killed 15 people in the valley, where 3,900 residents fled, officials said.", "15")
    with_figure, without = score(view(a), view(same)), score(view(a), view(other))
    assert with_figure.score > without.score


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [
        pytest.param(("harbour mills", "its"), ("brill foods", "its"), False, id="two-companies-its-shares"),
        pytest.param(("harbour mills", "its"), ("harbour mills",), True, id="one-company-told-two-ways"),
        pytest.param(("its",), ("cascade freight",), False, id="its-is-not-the-other-name"),
        pytest.param(("its",), ("their",), None, id="two-unknown-owners"),
    ],
)
def test_an_owner_told_as_its_is_never_shared(a: tuple, b: tuple, agree: bool | None) -> None:
    assert entities_agree(a, b) is agree


# ---------------------------------------------------------------------------------------------- one event


def _event(text: str):
    from checker.models import Event

    return next(a for a in extract_text(text) if isinstance(a.value, Event))


@pytest.mark.parametrize(
    ("text", "doer", "after"),
    [
        pytest.param("The school board approved the revised timetable on Tuesday.", {"school", "board"},
                     {"revise", "timetable"}, id="active"),
        pytest.param("The timetable was not approved by the school board on Tuesday.", {"school", "board"}, set(),
                     id="passive-by"),
        pytest.param("The mayor said the board did not approve the timetable.", {"board"}, {"timetable"},
                     id="after-a-reporting-verb"),
        pytest.param("The judge granted bail to the defendant.", {"judge"}, {"bail", "defendant"},
                     id="to-a-noun-phrase"),
    ],
)
def test_event_clause_reads_the_doer_and_the_object(text: str, doer: set[str], after: set[str]) -> None:
    from checker.compare.similarity import event_clause

    found = event_clause(_event(text))
    assert found.doer == frozenset(doer)
    assert found.after == frozenset(after)


@pytest.mark.parametrize(
    ("text", "moment"),
    [
        pytest.param("The union signed the pay deal.", frozenset(), id="settled"),
        pytest.param("The union will not sign the pay deal.", frozenset({"will"}), id="still-to-come"),
        pytest.param("The union would not sign the pay deal.", frozenset({"would"}), id="conditional"),
        pytest.param("The union has not yet signed the pay deal.", frozenset({"yet"}), id="not-yet"),
        pytest.param("The union may not sign the pay deal.", None, id="hedged"),
        pytest.param("The union initially did not sign the pay deal.", None, id="earlier"),
    ],
)
def test_moment_of_an_event_claim(text: str, moment: frozenset[str] | None) -> None:
    from checker.compare.similarity import moment as moment_of

    assert moment_of(_event(text)) == moment


@pytest.mark.parametrize(
    ("left", "right", "one"),
    [
        pytest.param("The school board approved the new timetable.", "No timetable was approved by the school board.",
                     True, id="active-and-passive"),
        pytest.param("The school board approved the new timetable.",
                     "The parents' council did not approve the new timetable.", False, id="two-doers"),
        pytest.param("The striker has scored four goals in 20 matches for Rovers.",
                     "The striker has not scored four goals in 20 games for Rovers.", True, id="other-words"),
        pytest.param("The club signed the goalkeeper in January.", "The club did not sign the goalkeeper in March.",
                     False, id="two-times"),
        pytest.param("The Senate passed the farm bill.", "The Senate said the House did not pass the farm bill.", False,
                     id="the-other-doer-only-speaks"),
        pytest.param("The Senate passed the farm bill, but the House did not.", "The House did not pass the farm bill.",
                     False, id="the-other-doer-in-another-clause"),
        pytest.param("The trust did not open the ward in May.", "The trust opened the ward in June.", False,
                     id="two-times-may"),
        pytest.param("The trust did not open the ward in May.", "The trust opened the ward in May.", True,
                     id="one-time-may"),
    ],
)
def test_one_event(left: str, right: str, one: bool) -> None:
    from checker.compare.similarity import one_event

    assert one_event(_event(left), _event(right)) is one


@pytest.mark.parametrize(
    ("left", "lvalue", "right", "rvalue", "apart"),
    [
        pytest.param("Kenya has recorded 4,100 cholera cases since January, the health ministry said.", "4,100",
                     "Kenya has recorded 2,300 measles cases since January, the health ministry said.", "2,300",
                     True, id="health-two-diseases"),
        pytest.param("Ukraine's wheat exports reached 1.2 million tonnes in March, traders said.", "1.2 million tonnes",
                     "Ukraine's maize exports reached 2.9 million tonnes in March, traders said.", "2.9 million tonnes",
                     True, id="trade-two-crops"),
        pytest.param("Kenya has recorded 4,100 cholera cases since January, the health ministry said.", "4,100",
                     "Kenya has recorded 2,300 cases since January, the health ministry said.", "2,300",
                     False, id="health-one-side-unqualified"),
        pytest.param("Ukraine's wheat exports reached 1.2 million tonnes in March, traders said.", "1.2 million tonnes",
                     "Grain exports of wheat from Ukraine reached 2.9 million tonnes in March, traders said.",
                     "2.9 million tonnes", False, id="trade-kind-named-elsewhere-in-the-sentence"),
    ],
)
def test_things_of_one_head_and_two_kinds_do_not_align(left: str, lvalue: str, right: str, rvalue: str,
                                                       apart: bool) -> None:
    """'cholera cases' / 'measles cases' are two counts; a kind told on one side only, or named elsewhere in the
    other sentence, does not part them."""
    found = score(view(_claim(left, lvalue)), view(_claim(right, rvalue)))
    assert (found.score == 0.0 and found.different_scope) is apart


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [
        (("hurricane delia",), ("delia",), True),
        (("president okafor",), ("okafor",), True),
        (("new york",), ("york",), False),
        (("storm elin",), ("storm fenna",), False),
    ],
    ids=["storm-kind-before-name", "title-before-name", "a-place-is-no-title", "two-storms"],
)
def test_a_name_with_its_title_or_kind_is_the_name(a: tuple, b: tuple, agree: bool) -> None:
    assert entities_agree(a, b) is agree
