"""find_conflicts() inside one report read alone: figures of two occasions, or of a place and a place inside it,
are two things the report tells apart, not a self-contradiction; one figure told twice with another value still is."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.compare import find_conflicts
from checker.extract import extract_text
from checker.models import Conflict

DAY = dt.date(2024, 11, 25)


def alone(text: str) -> list[Conflict]:
    """The conflicts of one report, dated DAY, checked on its own."""
    return find_conflicts(extract_text(text, path="a.txt", date=DAY), dates={"a.txt": DAY})


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "The weather agency said temperatures reached 41C in Cordoba on Tuesday, the hottest day of the year so "
            "far.\nOn Monday, temperatures reached 38C in Cordoba.",
            id="weather-two-named-days",
        ),
        pytest.param(
            "Militants launched 60 rockets at Israel overnight, the army said.\n"
            "Militants launched 95 rockets at Israel the night before.",
            id="conflict-the-night-before",
        ),
        pytest.param(
            "The Kariba reservoir holds 41 billion cubic metres of water, the river authority said.\n"
            "It held 29 billion cubic metres of water in 2022.",
            id="science-present-and-a-past-year",
        ),
        pytest.param(
            "Floods have killed 52 people in India since early June, officials said.\n"
            "In Assam state, floods have killed 14 people.",
            id="disaster-national-toll-and-one-state",
        ),
        pytest.param(
            "The landslide has killed 120 people, officials said on Friday.\n"
            "The agency said on Wednesday that the landslide had killed 70 people.",
            id="disaster-running-toll-said-on-two-days",
        ),
    ],
)
def test_two_occasions_or_a_part_are_not_a_self_contradiction(text: str) -> None:
    assert alone(text) == []


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "A ferry capsized on Lake Victoria on Monday, killing 31 people, police said.\n"
            "Divers searched the wreck through the night. The ferry disaster killed 45 people, police said.",
            id="toll-told-twice",
        ),
        pytest.param(
            "Temperatures reached 41C in Cordoba on Tuesday, the weather agency said.\n"
            "On Tuesday, temperatures reached 38C in Cordoba.",
            id="same-day-named-twice",
        ),
        pytest.param(
            "Floods have killed 14 people in India since early June, officials said.\n"
            "In Assam state, floods have killed 52 people.",
            id="part-larger-than-its-whole",
        ),
        pytest.param(
            "Militants launched 60 rockets at Israel the night before, the army said.\n"
            "Militants launched 95 rockets at Israel the night before.",
            id="same-other-occasion-twice",
        ),
    ],
)
def test_one_figure_told_twice_with_another_value_still_contradicts(text: str) -> None:
    found = alone(text)
    assert len(found) == 1
    assert found[0].kind.value == "numeric"
    assert {e.path for e in found[0].evidence} == {"a.txt"}
