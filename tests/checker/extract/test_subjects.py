"""Subject keys: different wordings of one referent share a key; a different nationality never does."""

from __future__ import annotations

import pytest

from checker.extract.subjects import (
    build_subject,
    canonical_head,
    country_after,
    phrase_after,
    phrase_before,
    singular,
)
from checker.extract.tokens import tokenize


def key(phrase: str) -> str:
    """The key of a phrase, reading a trailing "from <country>" as its actor like the extractor does."""
    tokens = tokenize(phrase)
    words = [t.text for t in tokens]
    if "from" in words:
        cut = words.index("from")
        subject = build_subject(tokens[:cut], phrase, country_after(tokens, cut))
    else:
        subject = build_subject(tokens, phrase)
    assert subject is not None
    return subject.key


@pytest.mark.parametrize(
    "phrase",
    ["North Korean troops", "North Korean soldiers", "soldiers from North Korea", "the North Korean contingent",
     "the DPRK contingent"],
)
def test_north_korean_troops_share_one_key(phrase: str) -> None:
    assert key(phrase) == "north-korea troops"


def test_nationality_is_never_dropped() -> None:
    assert key("Russian troops") == "russia troops"
    assert key("Russian servicemen") == key("Russian troops")
    assert key("Russian troops") != key("North Korean troops")


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [("American forces", "united-states troops"), ("U.S. troops", "united-states troops"),
     ("Ukraine's forces", "ukraine troops"), ("Israeli soldiers", "israel troops")],
)
def test_country_by_demonym_alias_or_possessive(phrase: str, expected: str) -> None:
    assert key(phrase) == expected


def test_non_identifying_adjectives_are_dropped() -> None:
    assert key("a strategic partnership agreement") == "partnership agreement"
    assert key("the ruling party") == "party"


def test_compound_noun_is_kept() -> None:
    assert key("the health ministry") == "health ministry"
    assert key("the health ministry") != key("the defence ministry")


def test_subject_carries_surface_text_offsets_head_and_country() -> None:
    text = "Yesterday Turkish rescuers arrived"
    subject = build_subject(tokenize(text)[1:3], text)
    assert subject is not None
    assert subject.text == "Turkish rescuers" == text[subject.start : subject.end]
    assert subject.country == "TR"
    assert not subject.proper


def test_proper_names_are_marked_proper() -> None:
    subject = build_subject(tokenize("Brightline Corp"), "Brightline Corp")
    assert subject is not None and subject.proper
    assert subject.key == "brightline"


def test_no_words_no_subject() -> None:
    assert build_subject(tokenize("—"), "—") is None
    assert build_subject(tokenize("the"), "the") is None


@pytest.mark.parametrize(
    ("word", "expected"),
    [("cases", "case"), ("countries", "country"), ("batches", "batch"), ("boxes", "box"), ("troops", "troop"),
     ("classes", "class"), ("analysis", "analysis"), ("bus", "bus"), ("politics", "politics"), ("gas", "gas")],
)
def test_singular(word: str, expected: str) -> None:
    assert singular(word) == expected


def test_canonical_head_uses_multi_word_synonyms() -> None:
    assert canonical_head(["russian", "soldiers"]) == ("troops", 1)
    assert canonical_head(["american", "service", "members"]) == ("troops", 2)
    assert canonical_head(["afghan", "asylum", "seekers"]) == ("migrants", 2)
    assert canonical_head(["flood", "shelters"]) == ("shelter", 1)


def _after(text: str, index: int, **kw) -> list[str]:
    return [t.text for t in phrase_after(tokenize(text), index, **kw)]


def _before(text: str, word: str, **kw) -> list[str]:
    tokens = tokenize(text)
    return [t.text for t in phrase_before(tokens, [t.text for t in tokens].index(word), **kw)]


def test_phrase_after_stops_at_a_verb() -> None:
    assert _after("North Korean troops were killed in the strike", 0) == ["North", "Korean", "troops"]
    assert _after("about 300 Israeli soldiers crossed the river", 2) == ["Israeli", "soldiers"]
    assert _after("4,000 homes quickly collapsed", 1) == ["homes"]


def test_phrase_after_looks_through_a_group_noun() -> None:
    assert _after("a small group of Kenyan medics reached the camp", 1) == ["Kenyan", "medics"]


def test_phrase_after_respects_the_limit() -> None:
    assert len(_after("Alpha Bravo Charlie Delta Echo Foxtrot units", 0, limit=3)) == 3


def test_phrase_before_looks_past_auxiliaries_and_verbs() -> None:
    assert _before("(the Russian battalions are) stationed near the border", "near") == ["Russian", "battalions"]
    assert _before("The vaccine was approved in May", "in") == ["vaccine"]
    assert _before("300 nurses were sent to the ward", "to") == ["nurses"]


@pytest.mark.parametrize(
    ("text", "verb", "phrase"),
    [
        pytest.param("The Kelso crossing reopened on Monday", "reopened", ["Kelso", "crossing"], id="name-crossing"),
        pytest.param("the old landing was closed for a week", "was", ["old", "landing"], id="adjective-landing"),
        pytest.param("The district hearing had been adjourned", "had", ["district", "hearing"], id="noun-hearing"),
        pytest.param("People fleeing reached the border", "reached", ["People"], id="after-a-plural"),
    ],
)
def test_an_ing_word_before_the_verb_heads_the_phrase(text: str, verb: str, phrase: list[str]) -> None:
    assert _before(text, verb) == phrase
    assert _after(text, 1 if text.split()[0].lower() == "the" else 0) == phrase


def test_an_ing_word_before_its_object_stays_a_participle() -> None:
    assert _after("firefighters battling the blaze were hurt", 0) == ["firefighters"]


def test_phrase_before_keeps_a_pronoun_alone() -> None:
    assert _before("they were sent to the front", "to") == ["they"]


def test_phrase_before_respects_the_floor() -> None:
    tokens = tokenize("Cholera cases in Aden rose")
    assert phrase_before(tokens, 2, floor=1) == [tokens[1]]


def test_country_after_reads_from_and_of() -> None:
    tokens = tokenize("troops from the United States arrived")
    assert country_after(tokens, 1) == "US"
    assert country_after(tokens, 0) is None
    assert country_after(tokenize("soldiers of Chad"), 1) == "TD"


def test_a_possessive_opening_a_phrase_says_whose_and_no_more() -> None:
    assert key("Its smaller rival Pinecrest Logistics") == "pinecrest logistics"
    assert key("Their lawyers") == "lawyer"


@pytest.mark.parametrize(
    ("phrase", "whole"),
    [
        pytest.param("Central Bank of Turkey", True, id="a-name-joined-by-of"),
        pytest.param("President of France", False, id="a-title-before-of"),
        pytest.param("End of March", False, id="a-month-after-of"),
        pytest.param("Shares of Corvane Pharma", False, id="a-common-word-opening-the-sentence"),
    ],
)
def test_a_name_joined_by_of_is_one_entity_only_when_it_is_a_name(phrase: str, whole: bool) -> None:
    tokens = tokenize(phrase)
    subject = build_subject(tokens, phrase)
    assert subject is not None
    assert (subject.entities == (subject.key,) and " of " in subject.key) is whole


@pytest.mark.parametrize(
    ("left", "right"),
    [("the 11th stage", "the 12th stage"), ("the 2nd round", "the 3rd round"), ("its 21st congress", "its 22nd congress")],
)
def test_an_ordinal_in_digits_tells_two_of_a_kind_apart(left: str, right: str) -> None:
    assert key(left) != key(right)
    assert key(left).split()[-1] == key(right).split()[-1]


def test_an_ordinal_before_the_noun_stays_in_the_phrase() -> None:
    tokens = tokenize("The 11th stage ended in Lyon.")
    assert [t.text for t in phrase_before(tokens, 4)] == ["11th", "stage"]
