"""Stance: clause-scoped negation, refusals, hedges, third-hand reports and who is speaking."""

from __future__ import annotations

import pytest

from checker.extract.stance import SourceMemory, analyse_stance, clause_of, clause_ranges
from checker.extract.tokens import Token, tokenize
from checker.models import Modality, Polarity


def stance(text: str, memory: SourceMemory | None = None, opaque: list[tuple[int, int]] = ()):
    tokens = tokenize(text)
    return tokens, analyse_stance(tokens, text, memory if memory is not None else SourceMemory(), opaque)


def at(tokens: list[Token], word: str) -> int:
    return [t.text for t in tokens].index(word)


def clause_texts(text: str, opaque: list[tuple[int, int]] = ()) -> list[str]:
    tokens = tokenize(text)
    return [text[tokens[a].start : tokens[b - 1].end] for a, b in clause_ranges(tokens, opaque)]


# --------------------------------------------------------------------------------------------- clauses


def test_clauses_split_at_punctuation_and_contrast_words() -> None:
    assert clause_texts("The levee held, but the road flooded; crews waited") == [
        "The levee held", "but the road flooded", "crews waited"]


@pytest.mark.parametrize(
    ("text", "clauses"),
    [
        pytest.param("Exports fell 2% as imports rose 4%", ["Exports fell 2%", "as imports rose 4%"], id="as-clause"),
        pytest.param("Exports fell 2% and imports rose 4%", ["Exports fell 2%", "and imports rose 4%"],
                     id="and-clause-after-a-verb"),
        pytest.param("Kenya and Tanzania signed the pact", ["Kenya and Tanzania signed the pact"],
                     id="joined-subject"),
        pytest.param("The quake killed 42 people and injured 300", ["The quake killed 42 people and injured 300"],
                     id="joined-verbs"),
        pytest.param("Sales rose as expected", ["Sales rose as expected"], id="as-expected"),
        pytest.param("Ports such as Rotterdam reopened", ["Ports such as Rotterdam reopened"], id="such-as"),
        pytest.param("She served as club president for years", ["She served as club president for years"],
                     id="as-a-preposition"),
    ],
)
def test_as_and_and_open_a_clause_with_its_own_subject_and_verb(text: str, clauses: list[str]) -> None:
    assert clause_texts(text) == clauses


def test_opaque_spans_keep_their_commas() -> None:
    text = "The ceasefire began on March 3, 2024 in the north"
    start = text.index("March")
    assert clause_texts(text, [(start, start + len("March 3, 2024"))]) == [text]
    assert len(clause_texts(text)) == 2


def test_clause_of_finds_the_range_holding_an_index() -> None:
    ranges = [(0, 3), (4, 9)]
    assert clause_of(ranges, 5) == (4, 9)
    assert clause_of(ranges, 3) == (0, 9)  # a separator between clauses falls back to the whole sentence


# --------------------------------------------------------------------------------------------- polarity


def test_negation_is_scoped_to_its_clause() -> None:
    tokens, st = stance("The battalion is positioned near Kharkiv, not moving into Sumy.")
    assert st.polarity(at(tokens, "Kharkiv")) == Polarity.AFFIRMED
    assert st.polarity(at(tokens, "Sumy")) == Polarity.NEGATED


@pytest.mark.parametrize(
    ("text", "verb", "polarity"),
    [
        pytest.param("The union refused to sign the pay deal.", "sign", Polarity.NEGATED, id="refused-to"),
        pytest.param("The rover failed to reach the crater rim.", "reach", Polarity.NEGATED, id="failed-to"),
        pytest.param("The keeper was unable to play on Sunday.", "play", Polarity.NEGATED, id="unable-to"),
        pytest.param("The club did not fail to qualify this year.", "qualify", Polarity.AFFIRMED, id="denied-refusal"),
        pytest.param("The union may refuse to sign the pay deal.", "sign", Polarity.AFFIRMED, id="modal-refusal"),
        pytest.param("The refusal to sign was noted.", "sign", Polarity.AFFIRMED, id="noun-not-a-refusal-verb"),
        pytest.param("The council failed to quickly clear the backlog.", "clear", Polarity.NEGATED,
                     id="split-infinitive"),
        pytest.param("The club declined to comment on the transfer.", "comment", Polarity.AFFIRMED,
                     id="declined-to-comment"),
        # a verb in "-ly" is no split infinitive's adverb
        pytest.param("The ferry firm refused to comply with the ruling.", "comply", Polarity.NEGATED,
                     id="verb-in-ly-before-a-preposition"),
        pytest.param("The crew refused to fly the aircraft.", "fly", Polarity.NEGATED, id="verb-in-ly-before-the"),
        pytest.param("The donor states failed to supply vaccines.", "supply", Polarity.NEGATED,
                     id="verb-in-ly-before-a-noun"),
        pytest.param("The tenant failed to fully repay the deposit.", "repay", Polarity.NEGATED,
                     id="split-infinitive-fully"),
    ],
)
def test_a_refusal_denies_the_verb_after_to(text: str, verb: str, polarity: Polarity) -> None:
    tokens, st = stance(text)
    assert st.polarity(at(tokens, verb)) == polarity
    assert (at(tokens, verb) in st.declined) is (polarity == Polarity.NEGATED)


@pytest.mark.parametrize(
    ("text", "polarity"),
    [
        pytest.param("There is no question that the levy has raised prices.", Polarity.AFFIRMED, id="no-question"),
        pytest.param("There is no doubt that the levy has raised prices.", Polarity.AFFIRMED, id="no-doubt"),
        pytest.param("The minister did not say that the levy has raised prices.", Polarity.AFFIRMED, id="not-say"),
        pytest.param("There is no evidence that the levy has raised prices.", Polarity.NEGATED, id="no-evidence"),
        pytest.param("It is not true that the levy has raised prices.", Polarity.NEGATED, id="not-true"),
    ],
)
def test_a_negation_before_that_denies_only_its_own_word(text: str, polarity: Polarity) -> None:
    tokens, st = stance(text)
    assert st.polarity(at(tokens, "raised")) == polarity


@pytest.mark.parametrize(
    ("text", "claimed"),
    [
        pytest.param("There is no doubt that the levy has raised prices.", True, id="no-doubt-holds"),
        pytest.param("The minister did not know that the levy had raised prices.", True, id="not-know-holds"),
        pytest.param("The minister did not say that the levy has raised prices.", False, id="not-say-claims-nothing"),
        pytest.param("The rise does not mean that the levy has raised prices.", False, id="not-mean-claims-nothing"),
        pytest.param("Growers didn't think that the levy had raised prices.", False, id="contracted-not-think"),
    ],
)
def test_a_clause_after_a_denied_word_of_saying_is_not_claimed(text: str, claimed: bool) -> None:
    tokens, st = stance(text)
    assert (st.modality(at(tokens, "raised")) != Modality.HEDGED) is claimed


def test_negation_does_not_reach_back_before_the_cue() -> None:
    tokens, st = stance("The clinic in Sokoto never reopened after the outbreak.")
    assert st.polarity(at(tokens, "Sokoto")) == Polarity.AFFIRMED
    assert st.polarity(at(tokens, "reopened")) == Polarity.NEGATED


def test_negation_does_not_cross_a_contrast_word() -> None:
    tokens, st = stance("There were no casualties but the bridge collapsed.")
    assert st.polarity(at(tokens, "casualties")) == Polarity.NEGATED
    assert st.polarity(at(tokens, "collapsed")) == Polarity.AFFIRMED


def test_negation_cue_inside_a_value_is_ignored() -> None:
    tokens, st = stance("The regiment has no more than 3,000 soldiers.")
    no = at(tokens, "no")
    soldiers = at(tokens, "soldiers")
    assert st.polarity(soldiers) == Polarity.NEGATED
    assert st.polarity(soldiers, frozenset({no, no + 1, no + 2, no + 3})) == Polarity.AFFIRMED


def test_denial_negates_the_whole_sentence() -> None:
    tokens, st = stance("The airline denied that pilots were laid off.")
    assert st.denied
    assert st.polarity(at(tokens, "laid")) == Polarity.NEGATED


# --------------------------------------------------------------------------------------------- refusals


def test_refusal_is_cannot_confirm_not_negation() -> None:
    tokens, st = stance("Officials could not confirm the deaths in Goma.")
    assert st.refusals
    assert st.modality(at(tokens, "deaths")) == Modality.CANNOT_CONFIRM
    assert st.polarity(at(tokens, "deaths")) == Polarity.AFFIRMED


def test_contracted_refusal_is_recognised() -> None:
    tokens, st = stance("I can't confirm those figures on turnout.")
    assert st.modality(at(tokens, "turnout")) == Modality.CANNOT_CONFIRM
    assert st.polarity(at(tokens, "turnout")) == Polarity.AFFIRMED


def test_refusal_stays_in_its_clause() -> None:
    tokens, st = stance("The hospital treated 40 patients, but staff could not confirm the deaths.")
    assert st.modality(at(tokens, "patients")) == Modality.ASSERTED
    assert st.modality(at(tokens, "deaths")) == Modality.CANNOT_CONFIRM


# --------------------------------------------------------------------------------------------- modality


def test_hedging_verb_of_the_source_hedges_the_sentence() -> None:
    tokens, st = stance("Analysts estimated that 5,000 homes were destroyed.")
    assert st.source == "Analysts"
    assert st.hedged_by_source
    assert st.modality(at(tokens, "homes")) == Modality.HEDGED


def test_believes_hedges() -> None:
    tokens, st = stance("NATO believes that 2,000 troops crossed the river.")
    assert st.source == "NATO"
    assert st.modality(at(tokens, "troops")) == Modality.HEDGED


def test_modal_hedge_in_the_clause() -> None:
    tokens, st = stance("The toll may rise above 90.")
    assert st.modality(at(tokens, "90")) == Modality.HEDGED


def test_approximation_word_alone_is_not_a_hedge_but_the_flag_is() -> None:
    tokens, st = stance("About 300 voters queued outside.")
    i = at(tokens, "300")
    assert st.modality(i) == Modality.ASSERTED
    assert st.modality(i, approximate=True) == Modality.HEDGED


def test_unconfirmed_cue_applies_from_where_it_stands() -> None:
    tokens, st = stance("The villagers allegedly fled to the hills.")
    assert st.modality(at(tokens, "villagers")) == Modality.ASSERTED
    assert st.modality(at(tokens, "hills")) == Modality.UNCONFIRMED


def test_according_to_unconfirmed_reports_makes_the_sentence_unconfirmed() -> None:
    tokens, st = stance("According to unconfirmed reports from local officials, 60 miners are trapped.")
    assert st.unconfirmed_source
    assert st.modality(at(tokens, "miners")) == Modality.UNCONFIRMED


def test_media_citing_someone_is_reported() -> None:
    tokens, st = stance("Reuters reported, citing two officials, that the plant closed.")
    assert st.source == "Reuters, citing two officials"
    assert st.reported
    assert st.modality(at(tokens, "plant")) == Modality.REPORTED


def test_media_source_alone_is_reported() -> None:
    tokens, st = stance("The plant closed on Friday, the Associated Press said.")
    assert st.source == "the Associated Press"
    assert st.modality(at(tokens, "plant")) == Modality.REPORTED


def test_lower_case_media_source_is_reported() -> None:
    tokens, st = stance("The plant closed on Friday, state media said.")
    assert st.source == "state media"
    assert st.modality(at(tokens, "plant")) == Modality.REPORTED


def test_official_source_is_asserted() -> None:
    tokens, st = stance("The plant closed on Friday, the ministry said.")
    assert st.source == "the ministry"
    assert not st.reported
    assert st.modality(at(tokens, "plant")) == Modality.ASSERTED


# --------------------------------------------------------------------------------------------- attribution


def test_according_to() -> None:
    _, st = stance("According to the health ministry, 120 people died.")
    assert st.source == "the health ministry"


def test_speaker_before_said() -> None:
    _, st = stance("At least 40 people died, Governor Anna Petrova said.")
    assert st.source == "Governor Anna Petrova"


def test_speaker_after_said() -> None:
    _, st = stance("The flights were cancelled, said Transport Minister Carl Berg.")
    assert st.source == "Transport Minister Carl Berg"


def test_surname_resolves_to_the_earlier_full_name() -> None:
    memory = SourceMemory()
    stance("Health Minister Maria Lopez said 30 people were infected.", memory)
    _, st = stance("Lopez said the outbreak was slowing.", memory)
    assert st.source == "Health Minister Maria Lopez"


def test_pronoun_and_quote_continue_the_last_speaker() -> None:
    memory = SourceMemory()
    stance("The quake destroyed 200 homes, Mayor Ines Duarte said.", memory)
    _, st_pronoun = stance('"We are still searching," she said.', memory)
    _, st_quote = stance('"The roads are closed."', memory)
    _, st_first_person = stance("We have opened three shelters.", memory)
    assert st_pronoun.source == "Mayor Ines Duarte"
    assert st_quote.source == "Mayor Ines Duarte"
    assert st_first_person.source == "Mayor Ines Duarte"


def test_unattributed_sentence_has_no_source_and_keeps_memory() -> None:
    memory = SourceMemory()
    stance("Chief Executive Dana Reyes said sales slowed.", memory)
    _, st = stance("Sales slowed in the second quarter.", memory)
    assert st.source is None
    assert memory.last == "Chief Executive Dana Reyes"


def test_reports_as_a_noun_is_not_attribution() -> None:
    _, st = stance("Reports of looting spread across the district.")
    assert st.source is None


def test_an_estimated_figure_is_not_someone_estimating() -> None:
    _, st = stance("An estimated 600 families lost power.")
    assert st.source is None
    assert not st.hedged_by_source


def test_source_memory_resolve() -> None:
    memory = SourceMemory()
    assert memory.resolve("Ombudsman Leila Haddad") == "Ombudsman Leila Haddad"
    assert memory.resolve("Haddad") == "Ombudsman Leila Haddad"
    assert memory.resolve("Okafor") == "Okafor"


def test_speaker_after_said_in_lower_case() -> None:
    _, st = stance("Two ferries sank, said the coast guard spokesman.")
    assert st.source == "the coast guard spokesman"


def test_unconfirmed_reports_are_not_a_speaker_named_unconfirmed() -> None:
    _, st = stance("Unconfirmed reports said 60 people had died.")
    assert st.source != "Unconfirmed"


@pytest.mark.parametrize(
    ("text", "denied"),
    [
        pytest.param("A judge dismissed 14 lawsuits against the firm", False, id="dismissed-a-count"),
        pytest.param("The board rejected a dozen bids", False, id="rejected-a-dozen"),
        pytest.param("The plan was rejected by 54% of voters", False, id="rejected-by-a-share"),
        pytest.param("Officials dismissed reports that 40 people died", True, id="dismissed-a-claim"),
    ],
)
def test_a_denial_verb_acting_on_a_counted_thing_denies_nothing(text: str, denied: bool) -> None:
    assert stance(text)[1].denied is denied


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The coach faces a hearing in Leeds over alleged match fixing after the club's appeal failed, his agent said.",
         "his agent"),
        ("Two wardens were jailed for reported abuses at Harlow Prison, the inspectorate said.", "the inspectorate"),
        ("Lena Holt alleged fraud at the council.", "Lena Holt"),
    ],
    ids=["over-alleged", "for-reported", "a-speaker-alleging"],
)
def test_a_reporting_verb_after_a_preposition_is_an_adjective_not_a_speaker(text: str, source: str) -> None:
    _, st = stance(text)
    assert st.source == source
