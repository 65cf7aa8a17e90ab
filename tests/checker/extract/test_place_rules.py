"""Location claims (checker/extract/place_rules.py): where a place after a locative word puts the noun before it."""

from __future__ import annotations

import pytest

from checker.extract import extract_text


@pytest.mark.parametrize(
    "text, thing, place",
    [
        ("The carmaker confirmed plans for a battery factory in the Hungarian city of Gyor on Wednesday.",
         "battery factory", "Gyor"),
        ("Heavy fighting was reported near the port of Odesa on Monday.", "heavy fighting", "Odesa"),
        ("A new bridge opened in the busy northern port city of Genoa on Friday.", "bridge", "Genoa"),
    ],
    ids=["in-the-adjective-city-of", "near-the-port-of", "in-the-three-words-city-of"],
)
def test_a_place_after_the_city_of_is_where_the_noun_before_the_preposition_is(text, thing, place):
    found = [(a.thing, a.value_span.text) for a in extract_text(text) if a.attribute == "location"]
    assert (thing, place) in found


@pytest.mark.parametrize(
    "text",
    [
        "Thousands of fans travelled to the city of Leeds for the final.",  # where they went, not where they are
        "The council of the city of Leeds met on Monday.",  # no locative word before "the city of"
    ],
    ids=["to-the-city-of", "of-the-city-of"],
)
def test_the_city_of_without_a_locative_word_is_no_location(text):
    assert [a for a in extract_text(text) if a.attribute == "location"] == []


@pytest.mark.parametrize(
    "text, span, key",
    [
        ("A military drone was detected in Polish airspace on Sunday.", "Polish airspace", "PL"),
        ("Two fishing boats were seized in Argentine waters last week.", "Argentine waters", "AR"),
    ],
    ids=["airspace", "waters"],
)
def test_a_nationality_before_a_territory_noun_is_its_country(text, span, key):
    found = [(a.value_span.text, a.value.key) for a in extract_text(text) if a.attribute == "location"]
    assert (span, key) in found


def test_a_nationality_before_any_other_noun_is_no_place():
    found = [a.value_span.text for a in extract_text("Polish officials met the drone makers in Warsaw on Sunday.")
             if a.attribute == "location"]
    assert found == ["Warsaw"]
