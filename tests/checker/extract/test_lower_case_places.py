"""Places in a lower-cased text (a tokenised corpus, a model's summary): looked up case-insensitively as a rule of
the whole text, with the context standing in for the capitals that text has lost."""

from __future__ import annotations

import pytest

from checker.extract.places import gazetteer


@pytest.mark.parametrize(
    "text, found",
    [
        ("a viking sword was found by a diver in oslo last spring.", ["NO-03"]),
        ("talks between the two sides are due to open in norway.", ["NO"]),
        ("anglers in england and wales need a new licence from april.", ["GB-ENG", "GB-WLS"]),
        ("the union wants the uk to act on wages.", ["GB"]),
        ("a fire broke out at a warehouse in south carolina.", ["US-SC"]),
        ("fans from new zealand travelled to the final.", ["NZ"]),
        ("the plan for bristol's harbour was approved by the council.", ["city:GB-ENG:bristol"]),
    ],
    ids=["city-after-in", "country-after-in", "list-after-cue", "abbreviation-after-the", "two-words", "two-words-no-cue",
         "possessive"],
)
def test_lower_cased_text_finds_places(text: str, found: list[str]):
    assert [m.place.key for m in gazetteer().find(text)] == found


@pytest.mark.parametrize(
    "text",
    [
        "she told us about her nice new job in reading the news.",  # "us" the pronoun; words that are also towns
        "the turkey was carved while china plates were laid out.",  # one-word names without a locative cue
        "he was reading a book about bath salts.",
        "reading's town centre was closed while jordan's brother spoke.",  # a possessive of a word or a person's name
    ],
    ids=["pronoun-us", "no-cue", "common-words", "possessive-of-a-word-or-name"],
)
def test_lower_cased_text_needs_context(text: str):
    assert gazetteer().find(text) == []


def test_capitalised_text_is_read_as_before():
    # One capital letter makes the text an ordinary one: lower-case words are not looked up at all.
    assert [m.place.key for m in gazetteer().find("Talks in norway and in Oslo.")] == ["NO-03"]


@pytest.mark.parametrize(
    "text, countries",
    [
        ("Officials said the plan was approved on Monday.\n", []),  # a file name standing for a title
        ("officials said the plan was approved on monday.\n", ["US"]),  # a lower-cased report and its title
    ],
    ids=["cased-text-lower-case-title", "lower-cased-text-and-title"],
)
def test_a_lower_case_title_is_read_for_places_only_with_a_lower_cased_text(text: str, countries: list[str]):
    from checker.extract import extract_document
    from checker.models import Document

    doc = Document(path="south carolina.txt", raw=text, text=text, title="south carolina", date=None)
    assert extract_document(doc).countries == countries
