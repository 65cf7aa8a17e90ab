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


def _locations(text: str) -> list[tuple[str, str]]:
    return [(a.thing, a.value_span.text) for a in extract_text(text) if a.attribute == "location"]


@pytest.mark.parametrize(
    "text, thing, place",
    [
        ("The opening stage of the Tour de Suisse ended in Geneva on Sunday.", "stage", "Geneva"),
        ("The match between the two rivals was played in Milan.", "match", "Milan"),
        ("A cargo ship, the MV Orla, ran aground near Mombasa on Friday.", "cargo ship", "Mombasa"),
        ("A passenger ferry, the MV Orla, capsized in Lake Albert near Kampala on Saturday.", "passenger ferry",
         "Kampala"),
        ("The strongest gust, 148 km/h, was measured at Brest on Tuesday.", "gust", "Brest"),
        ("The wildfire, which destroyed 40 homes, was contained near Lyon.", "wildfire", "Lyon"),
        ("The appeal of the former mayor will be heard in Lyon next month.", "appeal", "Lyon"),
        ("The trial, delayed twice since January, finally opened in Nairobi on Monday.", "trial", "Nairobi"),
        ("The foreign ministers of the two countries met again in Geneva on Monday.", "foreign minister", "Geneva"),
        ("The climate talks will probably resume in Bonn next week.", "climate talk", "Bonn"),
        ("The outbreak that has sickened 40 people in the region began in Kisumu.", "outbreak", "Kisumu"),
        ("A small plane went down near Mwanza on Sunday.", "small plane", "Mwanza"),
        ("Heavy shelling was reported near Kharkiv overnight.", "heavy shelling", "Kharkiv"),
        ("Cholera cases reported in Kisumu this year have doubled.", "cholera cases", "Kisumu"),
    ],
    ids=["sport-stage-of-a-named-race", "sport-match-between", "disaster-ship-past-an-apposition",
         "disaster-past-a-name-and-an-apposition", "weather-apposition-with-a-figure", "disaster-relative-aside",
         "court-appeal-of", "court-participle-aside", "diplomacy-met-again", "diplomacy-adverb-in-verb-group",
         "health-relative-clause-without-commas", "disaster-particle", "war-passive-reporting-verb",
         "health-reporting-participle-of-the-noun"],
)
def test_a_place_after_the_clause_verb_group_is_where_the_clause_subject_is(text, thing, place):
    assert (thing, place) in _locations(text)


@pytest.mark.parametrize(
    "text, thing, place",
    [
        ("The opening stage of the Tour de Suisse ended in Geneva on Sunday.", "de suisse", "Geneva"),
        ("The appeal of the former mayor will be heard in Lyon next month.", "former mayor", "Lyon"),
        ("The match between the two rivals was played in Milan.", "rival", "Milan"),
        ("A cargo ship, the MV Orla, ran aground near Mombasa on Friday.", "aground", "Mombasa"),
        ("The outbreak that has sickened 40 people in the region began in Kisumu.", "region", "Kisumu"),
        ("The minister, who grew up in Lyon, spoke in Geneva on Tuesday.", "minister", "Lyon"),
        ("The ferry capsized near Mwanza and the bus overturned near Lyon.", "ferry", "Lyon"),
        ("The ferry capsized near Mwanza and the bus overturned near Lyon.", "bus", "Mwanza"),
        ("The ferry capsized after the storm reached Mwanza.", "ferry", "Mwanza"),
        ("Divers recovered the wreckage of a small plane built in Brazil.", "wreckage", "Brazil"),
        ("Both of his daughters were born in Kenya.", "both", "Kenya"),
    ],
    ids=["not-the-name-after-of", "not-the-person-after-of", "not-the-noun-after-between", "not-the-particle",
         "not-the-place-inside-a-relative-clause", "not-the-place-of-an-aside", "two-events-two-places-first",
         "two-events-two-places-second", "not-the-place-of-a-subordinate-clause", "not-an-object-of-phrase-head",
         "not-a-counting-head"],
)
def test_the_verb_group_subject_is_not_another_noun_of_the_sentence(text, thing, place):
    assert (thing, place) not in _locations(text)


@pytest.mark.parametrize(
    "text",
    [
        "Officials said in Kampala that the ferry had been found.",  # where it was said
        "The spokesman confirmed in Geneva that the talks had resumed.",
        "The aid convoy, the third this month, headed to Kharkiv on Monday.",  # where it went
        "The team, the defending champions, travelled to Lyon for the final.",
        "The delegation left for Geneva on Monday.",
        "The rebel group has lashed out repeatedly at Kenya.",  # whom it was aimed at
    ],
    ids=["speaker-said", "speaker-confirmed", "movement-headed-to", "movement-travelled-to", "movement-left-for",
         "target-lashed-out-at"],
)
def test_a_speaker_a_destination_or_a_target_after_the_verb_group_is_no_location(text):
    assert _locations(text) == []
