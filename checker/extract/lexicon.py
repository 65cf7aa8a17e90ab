"""The hand-kept word knowledge of the extractor, loaded once from ``checker/data``.

Cue words live in JSON so that they can be extended for a newsroom's house style without touching code; this module
turns them into the sets and maps the rules look up.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources


def _load(name: str) -> dict:
    return json.loads(resources.files("checker.data").joinpath(name).read_text("utf-8"))


class PhraseSet:
    """Cue phrases as token tuples, tokenised exactly like report text ("can't" -> "ca", "n't"), indexed by their
    first word so that scanning a sentence costs one dictionary look-up per token."""

    def __init__(self, words: list[str]) -> None:
        from checker.extract.tokens import tokenize

        self.phrases = frozenset(tuple(t.lower for t in tokenize(w)) for w in words)
        by_first: dict[str, list[tuple[str, ...]]] = {}
        for p in sorted(self.phrases, key=len, reverse=True):
            by_first.setdefault(p[0], []).append(p)
        self.by_first = by_first

    def __contains__(self, phrase: object) -> bool:
        return phrase in self.phrases

    def find(self, lowers: list[str], a: int = 0, b: int | None = None) -> list[tuple[int, int]]:
        """(start, end) token ranges in ``lowers[a:b]`` spelling a phrase; longest first at each position."""
        n_all = len(lowers)
        b = n_all if b is None else b
        found: list[tuple[int, int]] = []
        by_first = self.by_first
        # Most sentences hold no cue of a given set: one C-level test over the words settles that.
        if by_first.keys().isdisjoint(lowers if a == 0 and b >= n_all else lowers[a:b]):
            return found
        for i in range(a, b):
            candidates = by_first.get(lowers[i])
            if not candidates:
                continue
            for p in candidates:
                n = len(p)
                if i + n <= b and (n == 1 or tuple(lowers[i : i + n]) == p):
                    found.append((i, i + n))
                    break
        return found


def _phrases(words: list[str]) -> PhraseSet:
    return PhraseSet(words)


@dataclass(frozen=True)
class Lexicon:
    negation: PhraseSet
    cannot_confirm: PhraseSet
    unconfirmed: PhraseSet
    hedged: PhraseSet
    reported: PhraseSet
    retraction: PhraseSet
    reporting_verbs: frozenset[str]
    object_reporting_verbs: frozenset[str]
    phrase_adjectives: frozenset[str]
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
    trigger_phrases: PhraseSet
    max_trigger_len: int
    default_attribute: dict[str, str]
    counting_triggers: frozenset[str]  # attributes of a toll or a count, never of a measure or money (predicates.json)
    trigger_senses: dict[tuple[str, ...], tuple[str, ...]]  # every attribute a trigger names ("losses": casualties, loss)
    event_verbs: frozenset[str]
    irregular_verbs: dict[str, str]
    event_nouns: frozenset[str]
    hedging_verbs: frozenset[str]
    locative_verbs: frozenset[str]
    verb_particles: frozenset[str]  # "went down near X": words ending a verb group before a place's preposition
    arrival_prepositions: frozenset[str]  # "fled to X": after a movement verb, where something went
    aim_particles: frozenset[str]  # "lashed out at Kenya": whom it was aimed at
    of_quantities: frozenset[str]  # "both of his children": a head that counts the noun after "of"
    personal_pronouns: frozenset[str]  # "I was dancing in Germany": no noun phrase to locate
    territory_nouns: frozenset[str]
    person_heads: frozenset[str]
    affiliated_people: frozenset[str]
    common_verbs: frozenset[str]
    group_nouns: frozenset[str]
    predicate_aliases: dict[str, str]
    age_words: frozenset[str]
    organisation_references: frozenset[str]
    metric_qualifiers: frozenset[str]
    directions: frozenset[str]
    level_prepositions: frozenset[str]
    after_number_skip: frozenset[str]
    movement_verbs: frozenset[str]
    auxiliaries: frozenset[str]
    aux_adverbs: frozenset[str]
    legal_suffixes: frozenset[str]
    linking_verbs: frozenset[str]
    titles: frozenset[str]
    diseases: frozenset[str]
    duration_verbs: frozenset[str]
    conversation_nouns: frozenset[str]  # verify: "a conversation between two people" describes its source
    participant_nouns: frozenset[str]  # verify: who takes part in one ("two speakers")
    penalty_nouns: dict[str, str]  # "fined ... $4.5 million" measures a fine (predicates.json)
    measure_participles: frozenset[str]  # "a meteorite weighing 14 kg": the noun before measures the figure
    future_markers: frozenset[str]  # "will rise by 2028": a date after "by"/"before" is a target
    acting_bodies: frozenset[str]  # "the government will fund 15,000 places": an agent, not an owner
    ing_prepositions: frozenset[str]  # ", including 12 depots": a preposition, not a participle
    figure_statistics: frozenset[str]  # "by an average of 4.9%": the statistic is the figure itself
    electorate_nouns: frozenset[str]  # "48 percent of eligible voters cast ballots": the turnout
    voting_phrases: tuple[tuple[str, ...], ...]
    control_verbs: frozenset[str]  # "plans to produce 1.5 million drones": the verb after "to" says what happens
    delay_verbs: frozenset[str]  # a length of time after "by" is how long they delay: "delayed by three weeks"
    lateness_words: frozenset[str]  # a length of time before one is a claim: "arrived three weeks late"
    figure_qualifiers: frozenset[str]
    negation_scope_skip: frozenset[str]  # verify: between "not" and the word it denies ("not be able to attend")
    negation_not_a_denial: frozenset[str]  # verify: "not only", "not just": no denial
    negation_particles: frozenset[str]  # "not", "never", "nobody": a word that denies by itself
    do_forms: frozenset[str]  # "does not produce": "do" carrying a negation
    gendered_pronouns: dict[str, str]  # "his": m, "her": f
    table_change_headers: frozenset[str]  # "| Seats | Change |": a column of changes, not levels
    lack_words: frozenset[str]  # verify: "lacks funding", "the absence of": something is missing
    name_joins: frozenset[str]  # lower-case words inside a name: "Institute of Welsh Affairs"
    period_cues: frozenset[str]  # "in March", "last summer": the words before a named period
    conditionals: frozenset[str]  # verify: "if it is not working" states a condition
    opposition_words: frozenset[str]  # verify: "X beat X" sets a name against itself
    local_bodies: frozenset[str]  # verify: "South Lanarkshire Council" puts a story in South Lanarkshire
    place_parts: frozenset[str]  # verify: "northern Mongolia" is a part of Mongolia
    denying_words: frozenset[str]  # verify: "cannot bring": the word after is denied
    refusal_verbs: frozenset[str]  # verify: "failed to meet": the verb after "to" is denied
    settlement_nouns: frozenset[str]  # "in the Hungarian city of Gyor": the place is where the noun before "in" is
    portfolios: frozenset[str]  # restatement: "Health Minister" / "Oslo Minister": a portfolio against a place
    sentence_adverbs: frozenset[str]  # restatement: "Elsewhere, the champion ...": an opening word that is no surname
    source_stop: frozenset[str]  # stance: "the figure that officials said": a word that ends a speaker phrase
    first_person: frozenset[str]  # stance: "I", "we" speaking is the last named speaker
    third_person: frozenset[str]  # stance: "he said": the last named speaker
    speaker_adverbs: frozenset[str]  # stance: "the ministry also said": skipped before the reporting verb
    speaker_nouns: frozenset[str]  # stance: "officials said", "said the ministry": a speaker with no name
    speaker_contractions: frozenset[str]  # stance: "they've said": passed over in a speaker phrase
    prepositions_before_adjective: frozenset[str]  # stance: "over alleged rigging": a reporting verb as adjective
    noun_like_verbs: frozenset[str]  # stance: "reports of", "unconfirmed claims": a noun unless after a name/pronoun
    as_before: frozenset[str]  # stance: "as well as", "such as": "as" in a fixed phrase opens no clause
    clause_openers: frozenset[str]  # stance: "as exports fell", "and imports rose": a word that may open a clause
    factive_before_that: frozenset[str]  # stance: "no doubt that ...": the clause holds
    not_claimed_before_that: frozenset[str]  # stance: "did not say that ...": the clause is not claimed
    refusal_no_event: frozenset[str]  # stance: "declined to comment": no event is denied
    refusal_modals: frozenset[str]  # stance: "may refuse to sign": the refusal is only possible
    running_total_cues: frozenset[str]  # "so far this year": a total from the period's start to the report's day
    approximation_qualifiers: frozenset[str]  # stance: one-word qualifiers of qualifiers.json's "approx"/"below" bounds


def _trigger_index(triggers: dict[tuple[str, ...], str]) -> PhraseSet:
    index = PhraseSet([])
    index.phrases = frozenset(triggers)
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for p in sorted(triggers, key=len, reverse=True):
        by_first.setdefault(p[0], []).append(p)
    index.by_first = by_first
    return index


@cache
def lexicon() -> Lexicon:
    lex = _load("lexicon.json")
    pred = _load("predicates.json")
    synonyms: dict[tuple[str, ...], str] = {}
    for canonical, forms in lex["head_synonyms"].items():
        for form in forms:
            synonyms[tuple(form.split())] = canonical
    triggers: dict[tuple[str, ...], str] = {}
    senses: dict[tuple[str, ...], tuple[str, ...]] = {}
    for attribute, words in pred["quantity_triggers"].items():
        for word in words:
            phrase = next(iter(_phrases([word]).phrases))
            triggers.setdefault(phrase, attribute)
            senses[phrase] = (*senses.get(phrase, ()), attribute)
    return Lexicon(
        negation=_phrases(lex["negation"]),
        cannot_confirm=_phrases(lex["cannot_confirm"]),
        unconfirmed=_phrases(lex["unconfirmed"]),
        hedged=_phrases(lex["hedged"]),
        reported=_phrases(lex["reported"]),
        retraction=_phrases(lex["retraction"]),
        reporting_verbs=frozenset(lex["reporting_verbs"]),
        object_reporting_verbs=frozenset(lex["object_reporting_verbs"]),
        phrase_adjectives=frozenset(lex["phrase_adjectives"]),
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
        trigger_phrases=_trigger_index(triggers),
        max_trigger_len=max(len(k) for k in triggers),
        default_attribute=pred["default_by_dimension"],
        counting_triggers=frozenset(pred["counting_triggers"]["attributes"]),
        trigger_senses=senses,
        event_verbs=frozenset(pred["event_verbs"]),
        irregular_verbs=pred["irregular_verbs"],
        event_nouns=frozenset(lex["event_nouns"]),
        hedging_verbs=frozenset(lex["hedging_verbs"]),
        locative_verbs=frozenset(lex["locative_verbs"]),
        verb_particles=frozenset(lex["verb_particles"]),
        arrival_prepositions=frozenset(lex["arrival_prepositions"]),
        aim_particles=frozenset(lex["aim_particles"]),
        of_quantities=frozenset(lex["of_quantities"]),
        personal_pronouns=frozenset(lex["personal_pronouns"]),
        territory_nouns=frozenset(lex["territory_nouns"]),
        person_heads=frozenset(lex["person_heads"]),
        affiliated_people=frozenset(lex["affiliated_people"]),
        common_verbs=frozenset(lex["common_verbs"]),
        group_nouns=frozenset(lex["group_nouns"]),
        predicate_aliases={k: v for k, v in pred["predicate_aliases"].items() if not k.startswith("_")},
        penalty_nouns={k: v for k, v in pred["penalty_nouns"].items() if not k.startswith("_")},
        conversation_nouns=frozenset(lex["conversation_nouns"]),
        participant_nouns=frozenset(lex["participant_nouns"]),
        age_words=frozenset(lex["age_words"]),
        organisation_references=frozenset(lex["organisation_references"]),
        metric_qualifiers=frozenset(lex["metric_qualifiers"]),
        directions=frozenset(lex["directions"]),
        level_prepositions=frozenset(lex["level_prepositions"]),
        after_number_skip=frozenset(lex["after_number_skip"]),
        movement_verbs=frozenset(lex["movement_verbs"]),
        auxiliaries=frozenset(lex["auxiliaries"]),
        aux_adverbs=frozenset(lex["aux_adverbs"]),
        legal_suffixes=frozenset(lex["legal_suffixes"]),
        linking_verbs=frozenset(lex["linking_verbs"]),
        titles=frozenset(lex["titles"]),
        diseases=frozenset(lex["diseases"]),
        duration_verbs=frozenset(lex["duration_verbs"]),
        control_verbs=frozenset(lex["control_verbs"]),
        figure_statistics=frozenset(lex["figure_statistics"]),
        electorate_nouns=frozenset(lex["turnout_shares"]["electorate"]),
        voting_phrases=tuple(tuple(p.split()) for p in lex["turnout_shares"]["voting"]),
        ing_prepositions=frozenset(lex["ing_prepositions"]),
        acting_bodies=frozenset(lex["acting_bodies"]),
        future_markers=frozenset(lex["future_markers"]),
        measure_participles=frozenset(lex["measure_participles"]),
        delay_verbs=frozenset(lex["delay_verbs"]),
        lateness_words=frozenset(lex["lateness_words"]),
        figure_qualifiers=frozenset(lex["figure_qualifiers"]),
        negation_scope_skip=frozenset(lex["negation_scope_skip"]),
        negation_not_a_denial=frozenset(lex["negation_not_a_denial"]),
        negation_particles=frozenset(lex["negation_particles"]),
        do_forms=frozenset(lex["do_forms"]),
        gendered_pronouns=dict(lex["gendered_pronouns"]),
        table_change_headers=frozenset(lex["table_change_headers"]),
        lack_words=frozenset(lex["lack_words"]),
        name_joins=frozenset(lex["name_joins"]),
        period_cues=frozenset(lex["period_cues"]),
        conditionals=frozenset(lex["conditionals"]),
        opposition_words=frozenset(lex["opposition_words"]),
        local_bodies=frozenset(lex["local_bodies"]),
        place_parts=frozenset(lex["place_parts"]),
        denying_words=frozenset(lex["denying_words"]),
        refusal_verbs=frozenset(lex["refusal_verbs"]),
        settlement_nouns=frozenset(lex["settlement_nouns"]),
        portfolios=frozenset(lex["portfolios"]),
        sentence_adverbs=frozenset(lex["sentence_adverbs"]),
        source_stop=frozenset(lex["source_stop"]),
        first_person=frozenset(lex["first_person"]),
        third_person=frozenset(lex["third_person"]),
        speaker_adverbs=frozenset(lex["speaker_adverbs"]),
        speaker_nouns=frozenset(lex["speaker_nouns"]),
        speaker_contractions=frozenset(lex["speaker_contractions"]),
        prepositions_before_adjective=frozenset(lex["prepositions_before_adjective"]),
        noun_like_verbs=frozenset(lex["noun_like_verbs"]),
        as_before=frozenset(lex["as_before"]),
        clause_openers=frozenset(lex["clause_openers"]),
        factive_before_that=frozenset(lex["factive_before_that"]),
        not_claimed_before_that=frozenset(lex["not_claimed_before_that"]),
        refusal_no_event=frozenset(lex["refusal_no_event"]),
        refusal_modals=frozenset(lex["refusal_modals"]),
        running_total_cues=frozenset(lex["running_total_cues"]),
        approximation_qualifiers=frozenset(
            w for w, bound in _load("qualifiers.json")["prefix"].items()
            if bound in ("approx", "below") and " " not in w
        ),
    )


@cache
def _english() -> tuple:
    """simplemma's default English lemmatizer and dictionary look-up, with the dictionary read from a MARISA trie
    that simplemma builds once per machine in its user cache folder (``TrieDictionaryFactory``): the same lemmas
    as ``simplemma.lemmatize(word, lang="en")``, without decoding the 180,000-word table at every start (0.13 s of
    CPU, the largest share of a command's start-up). Where the cache cannot be written, the trie is built in memory
    each time."""
    import simplemma
    from simplemma.strategies import DefaultStrategy, DictionaryLookupStrategy
    from simplemma.strategies.dictionaries import TrieDictionaryFactory

    class Factory(TrieDictionaryFactory):
        def _write_trie_to_disk(self, lang: str, trie) -> None:
            """Written whole, then renamed into place, so that pool workers starting together never read half a
            file; a folder that cannot be written leaves the trie in memory, silently (simplemma would log)."""
            import os
            import tempfile

            try:
                self._cache_dir.mkdir(parents=True, exist_ok=True)
                fd, temp = tempfile.mkstemp(prefix=f".{lang}.", suffix=".tmp", dir=self._cache_dir)
            except OSError:
                return
            os.close(fd)
            try:
                trie.save(temp)
                os.replace(temp, self._cache_dir / f"{lang}.dic")
            except OSError:
                pass
            finally:
                if os.path.exists(temp):
                    os.unlink(temp)

    factory = Factory()
    return simplemma.Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=factory)), \
        DictionaryLookupStrategy(factory)


def english_lemma(word: str) -> str:
    """``simplemma.lemmatize(word, lang="en")``, from the cached dictionary (see ``_english``)."""
    return _english()[0].lemmatize(word, lang="en")


@lru_cache(maxsize=65536)
def verb_lemma(word: str) -> str:
    """A verb's base form ("struck" -> "strike", "evacuated" -> "evacuate"), so that "signed", "signs" and "did
    not sign" agree. simplemma's English table does the work; the lexicon's irregular list overrides it."""
    word = word.lower()
    lex = lexicon()
    if word in lex.irregular_verbs:
        return lex.irregular_verbs[word]
    return english_lemma(word)


@lru_cache(maxsize=65536)
def english_word(word: str) -> bool:
    """Whether simplemma's English dictionary knows ``word`` (names and brands mostly it does not); as
    ``simplemma.is_known(word, lang="en")``."""
    from simplemma.utils import normalize_token

    if not word:
        import simplemma

        return simplemma.is_known(word, lang="en")  # simplemma's own error for an empty string
    return _english()[1].get_lemma(normalize_token(word), "en") is not None


def event_predicate(lemma: str) -> tuple[str, bool]:
    """The canonical predicate of an event verb and whether it states the opposite ("acquit" -> convict, True)."""
    alias = lexicon().predicate_aliases.get(lemma)
    if alias is None:
        return lemma, False
    return alias.lstrip("!"), alias.startswith("!")
