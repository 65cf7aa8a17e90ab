"""The hand-kept word knowledge of the extractor, loaded once from ``checker/data``.

Cue words live in JSON so that they can be extended for a newsroom's house style without touching code; this module
turns them into the sets and maps the rules look up.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources


def _load(name: str) -> dict:
    return json.loads(resources.files("checker.data").joinpath(name).read_text("utf-8"))


def _phrases(words: list[str]) -> frozenset[tuple[str, ...]]:
    """Cue phrases as token tuples, tokenised exactly like report text ("can't" -> "ca", "n't")."""
    from checker.extract.tokens import tokenize

    return frozenset(tuple(t.lower for t in tokenize(w)) for w in words)


@dataclass(frozen=True)
class Lexicon:
    negation: frozenset[tuple[str, ...]]
    cannot_confirm: frozenset[tuple[str, ...]]
    unconfirmed: frozenset[tuple[str, ...]]
    hedged: frozenset[tuple[str, ...]]
    reported: frozenset[tuple[str, ...]]
    reporting_verbs: frozenset[str]
    denial_verbs: frozenset[str]
    media: frozenset[str]
    locative: frozenset[str]
    clause_breakers: frozenset[str]
    determiners: frozenset[str]
    pronouns: frozenset[str]
    stop_after_number: frozenset[str]
    nominal_ing: frozenset[str]
    head_synonym: dict[tuple[str, ...], str]
    triggers: dict[tuple[str, ...], str]
    max_trigger_len: int
    default_attribute: dict[str, str]
    event_verbs: frozenset[str]
    irregular_verbs: dict[str, str]
    event_nouns: frozenset[str]
    hedging_verbs: frozenset[str]
    locative_verbs: frozenset[str]
    territory_nouns: frozenset[str]
    person_heads: frozenset[str]
    common_verbs: frozenset[str]
    group_nouns: frozenset[str]
    directions: frozenset[str]
    level_prepositions: frozenset[str]
    after_number_skip: frozenset[str]
    movement_verbs: frozenset[str]
    auxiliaries: frozenset[str]
    aux_adverbs: frozenset[str]


@cache
def lexicon() -> Lexicon:
    lex = _load("lexicon.json")
    pred = _load("predicates.json")
    synonyms: dict[tuple[str, ...], str] = {}
    for canonical, forms in lex["head_synonyms"].items():
        for form in forms:
            synonyms[tuple(form.split())] = canonical
    triggers: dict[tuple[str, ...], str] = {}
    for attribute, words in pred["quantity_triggers"].items():
        for word in words:
            triggers.setdefault(next(iter(_phrases([word]))), attribute)
    return Lexicon(
        negation=_phrases(lex["negation"]),
        cannot_confirm=_phrases(lex["cannot_confirm"]),
        unconfirmed=_phrases(lex["unconfirmed"]),
        hedged=_phrases(lex["hedged"]),
        reported=_phrases(lex["reported"]),
        reporting_verbs=frozenset(lex["reporting_verbs"]),
        denial_verbs=frozenset(lex["denial_verbs"]),
        media=frozenset(m.lower() for m in lex["media"]),
        locative=frozenset(lex["locative_prepositions"]),
        clause_breakers=frozenset(lex["clause_breakers"]),
        determiners=frozenset(lex["determiners"]),
        pronouns=frozenset(lex["pronouns"]),
        stop_after_number=frozenset(lex["stop_after_number"]),
        nominal_ing=frozenset(lex["nominal_ing"]),
        head_synonym=synonyms,
        triggers=triggers,
        max_trigger_len=max(len(k) for k in triggers),
        default_attribute=pred["default_by_dimension"],
        event_verbs=frozenset(pred["event_verbs"]),
        irregular_verbs=pred["irregular_verbs"],
        event_nouns=frozenset(lex["event_nouns"]),
        hedging_verbs=frozenset(lex["hedging_verbs"]),
        locative_verbs=frozenset(lex["locative_verbs"]),
        territory_nouns=frozenset(lex["territory_nouns"]),
        person_heads=frozenset(lex["person_heads"]),
        common_verbs=frozenset(lex["common_verbs"]),
        group_nouns=frozenset(lex["group_nouns"]),
        directions=frozenset(lex["directions"]),
        level_prepositions=frozenset(lex["level_prepositions"]),
        after_number_skip=frozenset(lex["after_number_skip"]),
        movement_verbs=frozenset(lex["movement_verbs"]),
        auxiliaries=frozenset(lex["auxiliaries"]),
        aux_adverbs=frozenset(lex["aux_adverbs"]),
    )


def verb_lemma(word: str) -> str:
    """A verb's base form ("struck" -> "strike", "evacuated" -> "evacuate"), so that "signed", "signs" and "did
    not sign" agree. simplemma's English table does the work; the lexicon's irregular list overrides it."""
    import simplemma

    word = word.lower()
    lex = lexicon()
    if word in lex.irregular_verbs:
        return lex.irregular_verbs[word]
    return simplemma.lemmatize(word, lang="en")
