"""Gazetteer and place finder: labelled cases in tests/data/places.jsonl plus a few structural checks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.extract.places import gazetteer

CASES = [json.loads(line) for line in (Path(__file__).parents[2] / "data" / "places.jsonl").read_text().splitlines()
         if line.strip()]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_labelled_case(case: dict) -> None:
    gaz = gazetteer()
    if "contains" in case:
        outer, inner = case["contains"]
        assert gaz.get(outer) is not None and gaz.get(inner) is not None, "unknown key in test case"
        assert gaz.contains(outer, inner) is case["expected"]
    elif "demonym" in case:
        assert gaz.demonym(case["demonym"]) == case["expected"]
    elif "slug" in case:
        assert gaz.slug(case["slug"]) == case["expected"]
    else:
        text = case["find"]
        found = {m.place.text: m.place.key for m in gaz.find(text)}
        for m in gaz.find(text):
            assert text[m.start : m.end] == m.place.text
        if case.get("exact"):
            assert found == case["expect"]
        else:
            assert case["expect"].items() <= found.items()


def test_matches_do_not_overlap_and_are_ordered() -> None:
    text = "Troops in Russia's Kursk Oblast, occupied Zaporizhzhia and the Gaza Strip; Papua New Guinea and Guinea."
    matches = gazetteer().find(text)
    assert [m.place.text for m in matches] == [
        "Russia", "Kursk Oblast", "occupied Zaporizhzhia", "Gaza Strip", "Papua New Guinea", "Guinea"]
    for a, b in zip(matches, matches[1:]):
        assert a.end <= b.start


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Occupied Palestinian territories received aid on Monday.",
         [("Occupied Palestinian territories", "PS:occupied")]),
        ("Aid reached the occupied Palestinian territories and Gaza.",
         [("occupied Palestinian territories", "PS:occupied"), ("Gaza", "area:gaza-strip")]),
        ("The preoccupied Palestinian territories were calm.", [("Palestinian territories", "PS")]),
        ("Occupied territories were shelled overnight.", []),
    ],
    ids=["at-the-very-start", "mid-sentence", "inside-a-longer-word", "whose-land-unsaid"],
)
def test_occupied_territories_named_by_an_adjective(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(text[m.start : m.end], m.place.key) for m in gazetteer().find(text)] == expected


def test_ancestors_and_country_of() -> None:
    gaz = gazetteer()
    assert {"UA-23", "UA", "UA:occupied", "UA-23:occupied"} <= gaz.ancestors("UA-23:occupied")
    assert gaz.country_of("city:RU-KRS:kursk") == "RU"
    assert gaz.country_of("UA-23:occupied") == "UA"
    assert gaz.country_of("sea:black-sea") is None
    assert gaz.related("RU", "RU-KRS") and gaz.related("RU-KRS", "RU")
    assert not gaz.related("RU-KRS", "UA")
    assert gaz.name("KP") == "North Korea"


def test_unknown_key_is_only_its_own_ancestor() -> None:
    gaz = gazetteer()
    assert gaz.get("XX-NOPE") is None
    assert gaz.ancestors("XX-NOPE") == {"XX-NOPE"}
    assert gaz.contains("XX-NOPE", "XX-NOPE") and not gaz.contains("RU", "XX-NOPE")


def test_every_un_member_has_a_demonym() -> None:
    gaz = gazetteer()
    data = json.loads((Path(__file__).parents[3] / "checker" / "data" / "demonyms.json").read_text())
    assert len(data["demonyms"]) >= 193
    for code in data["demonyms"]:
        assert gaz.get(code) is not None and gaz.get(code).kind == "country", code


def test_parent_dag_has_no_unknown_parents() -> None:
    gaz = gazetteer()
    for entry in gaz._entries.values():
        for parent in entry.parents:
            assert gaz.get(parent) is not None, (entry.key, parent)


@pytest.mark.parametrize(
    ("text", "place", "things"),
    [
        pytest.param("The tropical storm crossed the coast near Townsville overnight.", "Townsville",
                     {"coast", "storm"}, id="storm-crossed-the-coast"),
        pytest.param("Rebel fighters reached the airport near Goma on Sunday.", "Goma",
                     {"airport", "rebel troops"}, id="fighters-reached"),  # fighters: troops (alignment.json)
        pytest.param("The new ferry serves villages near Townsville.", "Townsville", {"village"},
                     id="no-locative-verb-no-mover"),
    ],
)
def test_what_crossed_or_reached_a_place_was_there(text: str, place: str, things: set[str]) -> None:
    from checker.extract import extract_text

    found = {a.thing or a.subject_key for a in extract_text(text) if a.attribute == "location"
             and a.value_span.text == place}
    assert found == things
