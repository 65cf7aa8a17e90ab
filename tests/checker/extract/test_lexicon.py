"""The cue lexicon: phrase look-up over tokens and verb base forms."""

from __future__ import annotations

import pytest
import simplemma

from checker.extract.lexicon import PhraseSet, english_lemma, english_word, lexicon, verb_lemma
from checker.extract.tokens import tokenize


def lowers(text: str) -> list[str]:
    return [t.lower for t in tokenize(text)]


@pytest.mark.parametrize(
    ("word", "lemma"),
    [("struck", "strike"), ("evacuated", "evacuate"), ("signed", "sign"), ("signs", "sign"), ("fled", "flee"),
     ("disconnected", "disconnect"), ("granted", "grant"), ("died", "die"), ("Held", "hold"), ("rose", "rise")],
)
def test_verb_lemma(word: str, lemma: str) -> None:
    assert verb_lemma(word) == lemma


_WORDS = ["soldiers", "sales", "criteria", "mice", "better", "re-elected", "well-known", "o'clock", "Kyiv", "U.S.",
          "Zaporizhzhia", "evacuees", "café", "cafe\u0301", "xqzt", "NATO's"]


@pytest.mark.parametrize("word", _WORDS, ids=range(len(_WORDS)))
def test_english_lemma_is_simplemma_lemmatize(word: str) -> None:
    # the trie-backed dictionary answers as simplemma's default one does, known words or not
    assert english_lemma(word) == simplemma.lemmatize(word, lang="en")
    assert english_word.__wrapped__(word) == simplemma.is_known(word, lang="en")


def test_english_word_refuses_an_empty_word_as_simplemma_does() -> None:
    with pytest.raises(ValueError):
        english_word.__wrapped__("")


def test_phrases_are_tokenised_like_report_text() -> None:
    phrases = PhraseSet(["can't confirm", "no longer"])
    assert ("ca", "n't", "confirm") in phrases
    assert ("no", "longer") in phrases
    assert ("can't", "confirm") not in phrases


def test_find_prefers_the_longest_phrase_at_each_position() -> None:
    phrases = PhraseSet(["could not", "could not confirm", "not"])
    words = lowers("police could not confirm it")
    assert phrases.find(words) == [(1, 4), (2, 3)]


def test_find_respects_the_window() -> None:
    phrases = PhraseSet(["could not", "could not confirm"])
    words = lowers("police could not confirm it")
    assert phrases.find(words, 0, 3) == [(1, 3)]  # the longer phrase does not fit before index 3
    assert phrases.find(words, 2) == []


def test_find_matches_contractions_in_text() -> None:
    phrases = PhraseSet(["can't confirm"])
    assert phrases.find(lowers("We can't confirm the toll")) == [(1, 4)]
    assert phrases.find(lowers("We can’t confirm the toll")) == [(1, 4)]


def test_find_needs_the_whole_phrase() -> None:
    phrases = PhraseSet(["ruled out"])
    assert phrases.find(lowers("the minister ruled on it")) == []


def test_lexicon_is_loaded_once() -> None:
    assert lexicon() is lexicon()


def test_lexicon_maps_triggers_and_head_synonyms() -> None:
    lex = lexicon()
    assert lex.triggers[("killed",)] == "killed"
    assert lex.triggers[("revenue",)] == "revenue"
    assert lex.head_synonym[("soldiers",)] == "troops"
    assert lex.head_synonym[("contingent",)] == "troops"
    assert lex.trigger_phrases.find(lowers("at least 12 were killed")) == [(4, 5)]


def test_negation_and_refusal_cues_are_separate() -> None:
    lex = lexicon()
    words = lowers("officials could not confirm it")
    assert lex.cannot_confirm.find(words) == [(1, 4)]
    assert (2, 3) in lex.negation.find(words)  # "not" is still found; stance decides the refusal wins
