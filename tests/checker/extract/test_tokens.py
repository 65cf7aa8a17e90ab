"""tokenize(): words with offsets, contractions split so that negation cues are whole tokens."""

from __future__ import annotations

import pytest

from checker.extract.tokens import tokenize


def texts(text: str) -> list[str]:
    return [t.text for t in tokenize(text)]


def test_offsets_equal_text_slices() -> None:
    text = "The U.S.-based lab's test of KN-23 parts cost $11,000.50 — didn’t it?"
    for t in tokenize(text):
        assert text[t.start : t.end] == t.text
        assert t.lower == t.text.lower().replace("’", "'") or t.lower == "n't"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("U.S.-based researchers", ["U.S.-based", "researchers"]),
        ("KN-23 missiles", ["KN-23", "missiles"]),
        ("11,000 troops", ["11,000", "troops"]),
        ("rose 3.5 percent.", ["rose", "3.5", "percent", "."]),
        ("the toll: 42.", ["the", "toll", ":", "42", "."]),
    ],
)
def test_inner_hyphens_dots_and_digit_groups_stay_in_one_token(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_negative_contraction_splits_into_stem_and_nt() -> None:
    toks = tokenize("Officials can't confirm it")
    assert [t.lower for t in toks] == ["officials", "ca", "n't", "confirm", "it"]


def test_curly_apostrophe_contraction_is_normalised_in_lower() -> None:
    toks = tokenize("They won’t say")
    assert [t.text for t in toks] == ["They", "wo", "n’t", "say"]
    assert toks[2].lower == "n't"


def test_other_contractions_split_off() -> None:
    assert [t.lower for t in tokenize("we're sure they'd left")] == ["we", "'re", "sure", "they", "'d", "left"]


def test_possessive_is_its_own_token() -> None:
    toks = tokenize("Nigeria's electoral commission")
    assert [t.text for t in toks] == ["Nigeria", "'s", "electoral", "commission"]
    assert toks[1].lower == "'s"


def test_word_and_capital_flags() -> None:
    toks = tokenize('Quake hit "Izmir" at 3 a.m.')
    by_text = {t.text: t for t in toks}
    assert by_text["Quake"].is_capitalised and by_text["Quake"].is_word
    assert not by_text["hit"].is_capitalised
    assert by_text["3"].is_word and not by_text["3"].is_capitalised
    assert not by_text['"'].is_word


def test_start_and_end_restrict_the_range_and_keep_document_offsets() -> None:
    text = "First sentence. Second one here."
    toks = tokenize(text, 16, len(text))
    assert toks[0].text == "Second" and toks[0].start == 16
    assert [t.text for t in toks] == ["Second", "one", "here", "."]


def test_empty_text_gives_no_tokens() -> None:
    assert tokenize("") == []
    assert tokenize("   \n ") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the 11th stage", ["the", "11th", "stage"]),
        ("its 3rd album", ["its", "3rd", "album"]),
        ("the 142nd session.", ["the", "142nd", "session", "."]),
        ("a 21st-century port", ["a", "21st-century", "port"]),
    ],
    ids=["two-digit", "one-digit", "three-digit", "hyphened"],
)
def test_an_ordinal_is_one_token_whatever_its_digits(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


@pytest.mark.parametrize(("text", "expected"), [("the 1990s", ["the", "1990", "s"]), ("4th-ranked", ["4th-ranked"])],
                         ids=["decade-not-ordinal", "ordinal-compound"])
def test_ordinal_suffix_only_after_digits_that_end_the_word(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


@pytest.mark.parametrize(
    ("text", "initial"),
    [
        ("Officials can't say", ["Officials"]),
        ("“Russia's troops moved", ["Russia"]),
        ("Storms hit the coast", ["Storms"]),
        ("the Kremlin said", []),
        ("12 Jets landed", []),
    ],
    ids=["with-a-contraction", "after-a-quote-with-a-possessive", "no-apostrophe", "lower-case-opener", "figure-first"],
)
def test_only_a_capitalised_first_word_is_marked_initial(text: str, initial: list[str]) -> None:
    assert [t.text for t in tokenize(text) if t.initial] == initial


def test_words_around_an_apostrophe_are_built_as_in_a_sentence_without_one() -> None:
    fields = lambda t: (t.start, t.end, t.text, t.lower, t.is_word, t.is_capitalised, t.initial)  # noqa: E731
    plain, marked = tokenize("Judges in Leeds fined 12 firms"), tokenize("Judges in Leeds fined 12 firms'")
    assert [fields(t) for t in marked[: len(plain)]] == [fields(t) for t in plain]
    assert [t.text for t in marked[len(plain) :]] == ["'"]
