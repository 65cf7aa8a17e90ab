"""How a claim is made: clause scope, polarity, modality and who says it.

The seed's hardest sentence puts an affirmed place and a negated one side by side ("positioned around the Kursk
region, not moving into Ukraine"), so negation and hedges are scoped to the clause that holds the value rather than
to the whole sentence. Attribution is the reverse: "..., Singh said" covers every clause, and a bare surname is
resolved to the fullest name the document gave earlier.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Sequence

from checker.extract.lexicon import Lexicon, PhraseSet, english_word, lexicon
from checker.extract.tokens import Token
from checker.models import Modality, Polarity

_CLAUSE_PUNCT = frozenset({",", ";", ":", "—", "–", "(", ")", "[", "]"})
_QUOTES = frozenset({'"', "“", "”"})


def clause_ranges(tokens: Sequence[Token], opaque: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Token index ranges of the clauses; punctuation inside an ``opaque`` character span never splits."""
    lex = lexicon()
    breakers, openers = lex.clause_breakers, lex.clause_openers
    ranges: list[tuple[int, int]] = []
    start = 0
    marks = _clause_marks(breakers, openers)
    for i in [i for i, t in enumerate(tokens) if t.lower in marks]:  # the few words that may end a clause
        t = tokens[i]
        if t.text in _CLAUSE_PUNCT:
            after = i + 1
        elif i > 0 and (t.lower in breakers or (t.lower in openers and _opens_clause(tokens, i, start))):
            after = i
        else:
            continue
        if opaque:
            at = t.start
            if any(a <= at < b for a, b in opaque):
                continue
        if i > start:
            ranges.append((start, i))
        start = after
    if start < len(tokens):
        ranges.append((start, len(tokens)))
    return ranges or [(0, len(tokens))]


@lru_cache(maxsize=4)
def _clause_marks(breakers: frozenset[str], openers: frozenset[str]) -> frozenset[str]:
    """The lower-case forms of every token that may end a clause or open one: clause punctuation (a mark is its own
    lower-case form), the lexicon's clause breakers and the words that may open a clause (``clause_openers``)."""
    return _CLAUSE_PUNCT | breakers | openers


def _verb_form(t: Token, lex: Lexicon) -> bool:
    """A lower-case word that reads as a verb or an auxiliary (``lex`` passed in: one look-up per clause)."""
    low = t.lower
    return (
        t.is_word and not t.is_capitalised and low not in lex.determiners and (
            low in lex.event_verbs or low in lex.irregular_verbs or low in lex.common_verbs
            or low in lex.auxiliaries or (low.endswith("ed") and len(low) > 4)
        )
    )


def _opens_clause(tokens: Sequence[Token], i: int, start: int) -> bool:
    """"as" or "and" opening a clause of its own: a noun phrase of up to three words and then a verb ("narrowed to
    €16.1 billion as exports fell 1.3%", "as gusts reached 70 mph", "exports fell 1.3% and imports rose 0.7%").
    Never "as well as", "such as", "as of", "as many as", "as expected" (no noun phrase) nor a preposition ("served
    as president"); "and" only after a verb of its own clause, so joined subjects stay one ("Kenya and Tanzania
    signed") and so do joined verbs ("killed 42 people and injured 300")."""
    lex = lexicon()
    if tokens[i].lower == "as" and tokens[i - 1].lower in lex.as_before:
        return False
    opens = False
    for j in range(i + 1, min(i + 5, len(tokens))):
        t = tokens[j]
        if not t.is_word or not t.lower.isalpha():
            return False
        if _verb_form(t, lex):
            opens = j > i + 1 and tokens[j - 1].lower not in lex.determiners
            break
    if opens and tokens[i].lower == "and":
        return any(_verb_form(tokens[k], lex) for k in range(start, i))
    return opens


def _counted_object(tokens: Sequence[Token], verb: str) -> bool:
    """Whether a denial verb's object (or a passive's agent) is a counted thing rather than a claim: "A judge
    dismissed 14 lawsuits", "was rejected by 54% of voters" (the dismissing happened), not "dismissed reports that
    40 died"."""
    from checker.extract.numbers import number_words

    words = number_words()
    small = {**words["units"], **words["teens"], **words["tens"], **words["dozen"]}
    lex = lexicon()
    for k, t in enumerate(tokens):
        if t.lower != verb:
            continue
        j = k + 1
        if j < len(tokens) and tokens[j].lower == "by":
            j += 1  # a passive's agent: "The proposal was rejected by 54% of voters"
        while j < len(tokens) and (tokens[j].lower in lex.determiners or tokens[j].lower in lex.figure_qualifiers):
            j += 1
        return j < len(tokens) and (tokens[j].text[:1].isdigit() or tokens[j].lower in small)
    return False


def clause_of(ranges: Sequence[tuple[int, int]], index: int) -> tuple[int, int]:
    for a, b in ranges:
        if a <= index < b:
            return a, b
    return (0, ranges[-1][1]) if ranges else (0, 0)


@dataclass
class SentenceStance:
    """The stance cues of one sentence, computed once and asked per value."""

    tokens: Sequence[Token]
    clauses: list[tuple[int, int]]
    source: str | None
    denied: bool
    reported: bool
    hedged_by_source: bool = False
    unconfirmed_source: bool = False
    refusals: list[tuple[int, int]] = field(default_factory=list)
    negations: list[tuple[int, int]] = field(default_factory=list)
    unconfirmed_cues: list[tuple[int, int]] = field(default_factory=list)
    hedges: list[tuple[int, int]] = field(default_factory=list)
    # The verbs a refusal or a failure denies, by index, with the index of that refusal verb ("The board refused to
    # approve the plan", "the striker failed to score": approve, score).
    declined: dict[int, int] = field(default_factory=dict)

    def polarity(self, index: int, ignore: frozenset[int] = frozenset()) -> Polarity:
        """Negated when a negation cue stands earlier in the value's clause, the verb is one a refusal denies
        ("failed to approve"), or the source denies.

        ``ignore`` holds token indices that belong to values ("no more than 3,000" is a bound, not a denial).
        """
        if index in self.declined:
            return Polarity.NEGATED
        a, _ = clause_of(self.clauses, index)
        tokens = self.tokens
        # "did not fail to qualify": the negation denies the failure, so the qualifying happened.
        refusal = (
            index >= 2 and tokens[index - 1].lower == "to" and tokens[index - 2].lower in lexicon().refusal_verbs
        )
        for s, e in self.negations:
            if not a <= s < index or s in ignore or (refusal and s < index - 2):
                continue
            if any(self.tokens[k].lower in ("whether", "if") for k in range(e, index)):
                continue  # "has not said whether its ratification is complete": nothing is denied
            if _about_what_follows(self.tokens, s, e, index):
                continue  # "there is no question that austerity has led to", "did not say that": nothing denied
            if not any(rs <= s < re for rs, re in self.refusals):
                return Polarity.NEGATED
        return Polarity.NEGATED if self.denied else Polarity.AFFIRMED

    def modality(self, index: int, *, approximate: bool = False) -> Modality:
        a, b = clause_of(self.clauses, index)
        # (most sentences hold none of these cues: the emptiness tests spare a generator per value)
        if self.refusals and any(a <= s < b for s, _ in self.refusals):
            return Modality.CANNOT_CONFIRM
        unconfirmed = self.unconfirmed_cues
        if self.unconfirmed_source or (unconfirmed and any(a <= s <= index for s, _ in unconfirmed)):
            return Modality.UNCONFIRMED
        tokens = self.tokens
        not_claimed = lexicon().not_claimed_before_that
        if self.negations and any(_word_before_that(tokens, s, e, index) in not_claimed for s, e in self.negations):
            return Modality.HEDGED  # "did not say that the plant closed": the clause is not claimed
        if self.reported:
            return Modality.REPORTED
        if approximate or self.hedged_by_source:
            return Modality.HEDGED
        approximations = lexicon().approximation_qualifiers
        for h, _ in self.hedges:
            if (
                a <= h < b
                and tokens[h].lower not in approximations
                and not (h > 0 and tokens[h].is_capitalised)  # "in May" is a month
            ):
                return Modality.HEDGED
        return Modality.ASSERTED


@dataclass
class SourceMemory:
    """What the document has said so far about who speaks: full names by surname, and the last speaker."""

    full_names: dict[str, str] = field(default_factory=dict)
    last: str | None = None

    def resolve(self, name: str) -> str:
        words = name.split()
        if len(words) >= 2 and words[-1][:1].isupper():
            self.full_names[words[-1]] = name
            return name
        return self.full_names.get(name, name)


def analyse_stance(
    tokens: Sequence[Token], text: str, memory: SourceMemory, opaque: Sequence[tuple[int, int]] = ()
) -> SentenceStance:
    """Clauses, refusals, attribution and denial for one sentence; updates ``memory`` with the speaker."""
    lex = lexicon()
    clauses = clause_ranges(tokens, opaque)
    lowers_list = [t.lower for t in tokens]
    lowers = set(lowers_list)

    def cues(phrases: PhraseSet) -> list[tuple[int, int]]:
        # Most sentences hold no cue word at all: one set test instead of a look-up per token.
        return [] if lowers.isdisjoint(phrases.by_first) else phrases.find(lowers_list)

    refusals = cues(lex.cannot_confirm)
    source, verb = _attribution(tokens, text, lowers)
    if source:
        first = source.split()[0].lower() if source.split() else ""
        if first in lex.first_person or first in lex.third_person:
            source = memory.last
        else:
            source = memory.resolve(source)
    elif tokens and (tokens[0].text in _QUOTES or not lowers.isdisjoint(lex.first_person)):
        source = memory.last
    if source:
        memory.last = source
    denied = verb in lex.denial_verbs and not _counted_object(tokens, verb) if verb else False
    reported = bool(cues(lex.reported)) or bool(source and _is_media(source))
    hedged = bool(verb and verb in lex.hedging_verbs)
    # "according to unconfirmed reports from local officials": the whole sentence rests on them.
    unconfirmed = bool(source) and any((w,) in lex.unconfirmed for w in source.lower().split())
    return SentenceStance(
        tokens,
        clauses,
        source,
        denied,
        reported,
        hedged,
        unconfirmed,
        refusals,
        negations=cues(lex.negation),
        unconfirmed_cues=cues(lex.unconfirmed),
        hedges=cues(lex.hedged),
        declined=_declined(tokens, lex) if not lowers.isdisjoint(lex.refusal_verbs) else {},
    )


def _about_what_follows(tokens: Sequence[Token], s: int, e: int, index: int) -> bool:
    """Whether a one-word negation denies only the word after it, which then opens a "that" clause holding
    ``index``: "there is no question that austerity has led to", "did not say that troops were deployed" deny
    nothing in the clause; "there is no evidence that troops crossed" does. After a factive word the clause holds
    (lexicon ``factive_before_that``: "no doubt that", "did not know that"); after a word of saying or thinking it
    is not claimed at all (``not_claimed_before_that``: "did not say that the plant closed" tells neither that it
    closed nor that it did not: ``modality`` makes it hedged)."""
    word = _word_before_that(tokens, s, e, index)
    lex = lexicon()
    return word in lex.factive_before_that or word in lex.not_claimed_before_that


def _word_before_that(tokens: Sequence[Token], s: int, e: int, index: int) -> str | None:
    """The word a one-word negation (``s``-``e``) stands before when that word opens a "that" clause holding
    ``index`` ("no doubt that", "did not say that"), else None."""
    if e - s != 1 or e + 1 >= index:
        return None
    k = e + (1 if tokens[e].lower in ("'t", "n't") else 0)
    if k + 1 < index and tokens[k + 1].lower == "that":
        return tokens[k].lower
    return None


def _declined(tokens: Sequence[Token], lex: Lexicon) -> dict[int, int]:
    """The verbs a refusal or a failure denies ("refused to approve", "failed to pass", "was unable to play"), by
    index, with the refusal verb's index. Not when the refusal is itself denied ("did not fail to qualify") or
    hedged in the verb group before it ("may refuse to sign"), nor "failed to confirm", which is a refusal to
    confirm (``cannot_confirm``)."""
    out: dict[int, int] = {}
    for k in range(len(tokens) - 2):
        if tokens[k].lower not in lex.refusal_verbs or tokens[k + 1].lower != "to":
            continue
        v = k + 2
        if _split_adverb(tokens, v, lex):
            v += 1  # "failed to effectively tackle": the verb is after the adverb
        verb = tokens[v]
        if not verb.is_word or verb.is_capitalised or verb.lower in lex.determiners or not verb.lower.isalpha():
            continue
        if verb.lower in lex.reporting_verbs or verb.lower in lex.refusal_no_event:
            continue  # "declined to comment": no event is denied
        before = {tokens[m].lower for m in range(max(0, k - 3), k)}
        if not before.isdisjoint(lex.negation_particles) or not before.isdisjoint(lex.refusal_modals):
            continue
        out[v] = k
    return out


def _split_adverb(tokens: Sequence[Token], k: int, lex: Lexicon) -> bool:
    """Whether ``tokens[k]`` is an adverb splitting an infinitive ("failed to quickly clear"): an "-ly" word made of
    an English word, and a lower-case word after it that is no determiner or preposition. A verb in "-ly" is none
    ("refused to comply with the order", "refused to fly the plane", "failed to supply arms")."""
    low = tokens[k].lower
    if not low.endswith("ly") or k + 1 >= len(tokens):
        return False
    # "quickly": quick; "easily": easy; "fully": full
    stems = (low[:-2], low[:-3] + "y" if low.endswith("ily") else "", low[:-1] if low.endswith("lly") else "")
    nxt = tokens[k + 1]
    return (
        any(len(stem) >= 4 and english_word(stem) for stem in stems)
        and nxt.is_word
        and not nxt.is_capitalised
        and nxt.lower not in lex.determiners
        and nxt.lower not in lex.locative
        and nxt.lower not in ("with", "to", "for", "by", "from", "on", "of")
        and not nxt.lower.endswith("ly")
    )


def _is_media(source: str) -> bool:
    media = lexicon().media
    words = source.lower().replace(",", " ").split()
    return any(w in media for w in words) or any(
        " ".join(words[i : i + 2]) in media for i in range(len(words) - 1)
    )


def _attribution(
    tokens: Sequence[Token], text: str, words: set[str] | None = None
) -> tuple[str | None, str | None]:
    """Who the sentence says is speaking, and the reporting verb used (``words``: the tokens' lower forms, if the
    caller has them as a set: the scans below are skipped when their cue words are absent)."""
    lex = lexicon()
    words = {t.lower for t in tokens} if words is None else words
    if "according" in words:
        lowers = [t.lower for t in tokens]
        for i in range(len(tokens) - 1):
            if lowers[i] == "according" and lowers[i + 1] == "to":
                return _span(tokens, text, _phrase_forward(tokens, i + 2)), "according"
    if words.isdisjoint(lex.reporting_verbs):
        return _citing_anyone(tokens, text) if "citing" in words else (None, None)
    for i, t in enumerate(tokens):
        if t.lower not in lex.reporting_verbs or t.is_capitalised:
            continue
        if i > 0 and tokens[i - 1].lower in ("a", "an", "the", "those", "these", "its", "their"):
            continue  # "an estimated 600", "the reported figure": not someone speaking
        if i > 0 and tokens[i - 1].lower in lex.prepositions_before_adjective:
            continue  # "a new trial over alleged contract rigging", "jailed for reported abuses": an adjective
        if t.lower in lex.noun_like_verbs and not (
            i > 0
            and (
                tokens[i - 1].is_capitalised
                or tokens[i - 1].lower in lex.first_person
                or tokens[i - 1].lower in lex.third_person
            )
            and (tokens[i - 1].lower,) not in lex.unconfirmed
        ):
            continue  # "reports of", "unconfirmed claims": a noun, not someone speaking
        before = _phrase_backward(tokens, i)
        if before:
            source = _span(tokens, text, before)
            citing = _citing(tokens, i, text)
            return (f"{source}, citing {citing}" if citing else source), t.lower
        after = _phrase_forward(tokens, i + 1)
        if after and (
            tokens[after[0]].is_capitalised
            or (
                tokens[after[0]].lower in ("the", "a", "an")
                and any(tokens[k].lower in lex.speaker_nouns for k in after)
            )
        ):
            return _span(tokens, text, after), t.lower
    return _citing_anyone(tokens, text)


def _citing_anyone(tokens: Sequence[Token], text: str) -> tuple[str | None, str | None]:
    """"..., citing military sources": the cited party as the speaker, when no one is said to speak."""
    for i, t in enumerate(tokens):
        if t.lower == "citing":
            return _span(tokens, text, _phrase_forward(tokens, i + 1)), "citing"
    return None, None


def _citing(tokens: Sequence[Token], verb: int, text: str) -> str | None:
    for j in range(verb + 1, min(verb + 4, len(tokens))):
        if tokens[j].lower == "citing":
            return _span(tokens, text, _phrase_forward(tokens, j + 1)) or None
    return None


def _phrase_backward(tokens: Sequence[Token], verb: int) -> list[int]:
    """Indices of the speaker phrase right before a reporting verb ("A Pentagon spokesperson said")."""
    j = verb - 1
    lex = lexicon()
    while j >= 0 and (tokens[j].lower in lex.speaker_adverbs or tokens[j].lower in lex.auxiliaries):
        j -= 1
    out: list[int] = []
    while j >= 0 and len(out) < 10:
        t = tokens[j]
        if t.text in _CLAUSE_PUNCT or t.text in _QUOTES or t.lower in lex.source_stop or t.text == ".":
            break
        if t.lower in lex.speaker_contractions:
            j -= 1
            continue
        if not t.is_word and t.lower != "'s":
            break
        out.append(j)
        j -= 1
    out.reverse()
    if not out:
        return out
    words = [tokens[k] for k in out]
    lex = lexicon()
    # A speaker is a name, a pronoun, or a noun phrase like "officials" / "the ministry"; not a clause.
    if not any(w.is_capitalised for w in words) and words[0].lower not in ("the", "a", "an", "his", "her", "their", "its", "our") and not any(
        w.lower in lex.speaker_nouns for w in words
    ):
        return []
    if words[0].lower in lex.pronouns and len(words) > 1:
        return []
    return out


def _phrase_forward(tokens: Sequence[Token], start: int) -> list[int]:
    out: list[int] = []
    j = start
    while j < len(tokens) and len(out) < 14:
        t = tokens[j]
        if t.text in (",", ";", ".", ":", "—", "–") or t.text in _QUOTES or t.lower in ("that", "said", "says"):
            break
        out.append(j)
        j += 1
    return out


def _span(tokens: Sequence[Token], text: str, indices: list[int]) -> str:
    if not indices:
        return ""
    return text[tokens[indices[0]].start : tokens[indices[-1]].end]
