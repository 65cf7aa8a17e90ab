"""Events -> assertions: when something is said to have happened ("signed in June"), whether it happened at all
("was not disconnected", "did not grant bail", "acquitted"), and refusals to confirm ("could not confirm the
deaths"). Polarity comes from the clause, so "denied that ... had been" negates.
"""

from __future__ import annotations

import itertools
import re
from typing import Sequence

from checker.extract.context import (
    _PARTICLES,
    BE_FORMS,
    METRIC_ATTRIBUTES,
    NOT_WORDS,
    PEOPLE_ATTRIBUTES,
    SentenceContext,
    aside_opening,
    aux_start,
    clause_subject,
    event_verb,
    with_owner,
    is_past,
    is_verb,
    is_place_token,
    make_assertion,
    past_verb,
    skip_determiners,
    subject_before,
    subjects_in,
    triggers_in,
)
from checker.extract.lexicon import english_word, event_predicate, lexicon, verb_lemma
from checker.extract.quantity_rules import people_subject, subject_names
from checker.extract.stance import clause_of
from checker.extract.subjects import (
    Subject,
    build_subject,
    modifier_participle,
    phrase_after,
    phrase_before,
)
from checker.extract.tokens import Token
from checker.models import (
    Assertion,
    DateMatch,
    Event,
    Modality,
    Polarity,
    TimeRange,
    direct_as_given,
    shared_fields_set,
)

# How far back from a date its verb may stand: "completed its 2.3 billion Swiss franc takeover of regional lender
# Thurgauer Privatbank on Oct. 1" (within the date's clause).
_DATE_VERB_REACH = 16
_YEAR = re.compile(r"\b(1[89]|20|21)\d\d\b")
_FUTURE = frozenset({"will", "would", "shall", "is", "are", "to", "scheduled", "expected", "due"})
_EVENT_GIVEN = shared_fields_set({"predicate", "text"})


def _event(predicate: str, text: str) -> Event:
    """``Event(predicate=predicate, text=text)`` from two strings, built as validating them would build it (one per
    event assertion: validation would only hand the strings back)."""
    return direct_as_given(Event, {"type": "event", "predicate": predicate, "text": text}, _EVENT_GIVEN)


# The words of a verdict after its object ("found the driver guilty"), as ``_predicate`` reads them.
_VERDICT_WORDS = frozenset({"guilty", "innocent"})
# Verbs that carry a state like "was" does: "remained open" says it was open, "stayed closed" that it was closed.
_STATE_VERBS = frozenset({"remain", "remains", "remained", "stay", "stays", "stayed"})


def _past_if_past_tense(ctx: SentenceContext, verb: int, d: DateMatch) -> TimeRange:
    """A past-tense event dated by a month or day without a year happened before the report, not after it: "was
    approved in April", written in November, is last April."""
    r = d.range
    ref = ctx.doc.date
    if ref is None or r.start <= ref or _YEAR.search(ctx.doc.text, d.start, d.end):
        return r
    before = {ctx.tokens[k].lower for k in range(max(0, verb - 3), verb)}
    past = ctx.tokens[verb].lower.endswith("ed") or ctx.tokens[verb].lower in lexicon().irregular_verbs
    if not past or before & _FUTURE:
        return r
    try:
        return TimeRange(start=r.start.replace(year=r.start.year - 1), end=r.end.replace(year=r.end.year - 1),
                         text=r.text)
    except ValueError:  # 29 February
        return r

def _noun_before(tokens: Sequence[Token], i: int) -> bool:
    """Whether ``tokens[i]`` ("that") opens a relative clause about the noun before it ("the treaty that was signed",
    "the pact that Putin signed") rather than what someone says ("clarify that the port was not closed")."""
    if i == 0 or i + 1 >= len(tokens):
        return False
    prev, nxt = tokens[i - 1], tokens[i + 1]
    lex = lexicon()
    if not prev.is_word or prev.lower in lex.reporting_verbs or prev.lower.endswith("ed"):
        return False
    return nxt.lower in lex.auxiliaries or (nxt.is_capitalised and nxt.lower not in lex.determiners)


def _event_subject(ctx: SentenceContext, verb: int, floor: int) -> Subject | None:
    """What an event verb is about: for a passive or an intransitive verb the phrase before it ("the rerun ...
    will be held", "the eruption ... began"), for a transitive verb the thing acted on ("signed a treaty",
    "granted bail"). An object that is a place ("struck southern Turkey") is where, not what."""
    tokens = ctx.tokens
    aux = aux_start(tokens, verb)
    chain = {tokens[m].lower for m in range(aux, verb)} if aux is not None else set()
    passive = bool(chain & BE_FORMS) and is_past(tokens[verb].lower)
    if not passive:
        j = verb + 1
        j += skip_determiners(tokens, j)
        j = _past_sum(ctx, j)  # "completed its 2.3 billion Swiss franc takeover": what was completed follows the sum
        low = tokens[j].lower if j < len(tokens) else ""
        # "has fallen sharply", "has fallen because of ...": an adverb or a clause's opener is no object.
        stem = low[:-3] + "y" if low.endswith("ily") else low[:-2]
        adverb = low in lexicon().clause_breakers or (low.endswith("ly") and len(stem) >= 4 and english_word(stem))
        if j < len(tokens) and not adverb and not is_place_token(ctx, j) and j not in ctx.number_tokens:
            obj = phrase_after(tokens, j, limit=4)
            # "found the driver guilty": the verdict's word is not part of who it is about
            obj = list(itertools.takewhile(lambda t: t.lower not in _VERDICT_WORDS, obj))
            subject = build_subject(obj, ctx.doc.text) if obj else None
            if subject is not None and not subject.proper:
                return subject
    head = aux if aux is not None else verb
    a, _ = clause_of(ctx.stance.clauses, verb)
    opening = clause_subject(ctx, a, head) if head > a else None
    if opening is not None and opening.head in lexicon().event_nouns:
        return opening  # "The landslide that buried a village in Gorkha district struck on July 2": the landslide
    if a > 0 and tokens[a].lower == "who" and passive:
        # "the suspect, who was extradited from Spain in May": the one the relative pronoun stands for
        named = subject_before(ctx, a - 1 if tokens[a - 1].text == "," else a, 0)
        if named is not None:
            return named
    if a > 0 and (tokens[a].lower == "which" or (tokens[a].lower == "that" and _noun_before(tokens, a))):
        # "The pact, which Putin and Kim signed in September", "have not signed the convention, which was adopted
        # in 1997": the relative pronoun stands for the noun phrase before it, whoever the agents inside are.
        return _noun_phrase_ending(ctx, a - 1 if tokens[a - 1].text == "," else a) or clause_subject(ctx, 0, a)
    described = _participle_aside(ctx, verb, chain)
    if described is not None:
        return described
    # "the treaty that Putin and Kim signed": the agents are names (with titles); what was signed is before "that".
    k = head - 1
    lex = lexicon()
    while k > max(0, head - 10) and (
        tokens[k].is_capitalised
        or tokens[k].lower in ("and", "'s")
        or (tokens[k + 1].is_capitalised and tokens[k].is_word and tokens[k].lower not in lex.stop_after_number)
    ):
        k -= 1
    if k < head - 1 and tokens[k].lower in ("that", "which"):
        return subject_before(ctx, k, 0)
    found = subject_before(ctx, head, floor)
    if found is None:
        found = _coordinated_subject(ctx, head)
    if found is None:
        return None
    if ctx.index_containing(found.start) < floor:
        floor = 0  # found past an aside that closed the clause: "The vote on the new constitution, originally ..."
    if found.proper:
        # "The speed limit on the A40 will be cut": a name after a preposition only says which limit
        chained = _chain_head(ctx, found, floor)
        return chained if not chained.proper else found
    return _chain_head(ctx, found, floor)


def _coordinated_subject(ctx: SentenceContext, head: int) -> Subject | None:
    """The subject a verb group after "and" or "but" shares with the verb before it: "Construction of the tunnel
    began in 2019 and is due to finish in 2031", "The plant was shut down in 2022 and will not restart before
    2026" (the subject of began, of was shut). None when no verb group of the sentence comes before."""
    tokens = ctx.tokens
    lex = lexicon()
    k = head - 1
    while k > 0 and (tokens[k].lower in lex.auxiliaries or tokens[k].lower in lex.aux_adverbs
                     or tokens[k].lower in NOT_WORDS or tokens[k].lower in lex.future_markers):
        k -= 1  # "and is due to finish", "and will not restart"
    if k <= 0 or tokens[k].lower not in ("and", "but"):
        return None
    for m in range(k - 1, max(0, k - _DATE_VERB_REACH) - 1, -1):
        if tokens[m].text in (",", ";", ":") or tokens[m].lower in ("and", "but", "that", "which", "who"):
            return None  # another clause or a list: not one subject's two verbs
        if not (past_verb(tokens, m) or event_verb(tokens, m) or _irregular_past(tokens, m)
                or tokens[m].lower in lex.auxiliaries):
            continue
        first = aux_start(tokens, m)
        first = m if first is None else first
        while first > 0 and tokens[first - 1].lower in lex.auxiliaries:
            first -= 1
        found = subject_before(ctx, first, 0)
        return found if found is not None and found.head not in lex.pronouns else None
    return None


# A noun phrase after one of these, right after another noun phrase, modifies that one: "Talks between the two
# sides did not resume", "Construction of the tunnel began": the first noun is what the verb is about.
_CHAIN_PREPOSITIONS = frozenset({"of", "between", "on", "over", "about", "for", "in", "at", "near", "to", "from"})


def _in_quantity(ctx: SentenceContext, k: int) -> bool:
    start = ctx.tokens[k].start
    return any(q.start <= start < q.end for q in ctx.quantities)


def _noun_phrase_ending(ctx: SentenceContext, end: int) -> Subject | None:
    """The noun phrase that ends right before ``tokens[end]`` (nothing skipped), as the head of its chain of
    prepositional phrases, or None."""
    words = phrase_before(ctx.tokens, end, floor=0, limit=4)
    if not words or ctx.position(words[-1]) != end - 1 or words[0].lower in lexicon().pronouns:
        return None
    found = build_subject(words, ctx.doc.text)
    return _chain_head(ctx, found, 0) if found is not None and not found.proper else None  # (a name: see caller)


# A noun phrase after one of these may say whose or what for the noun before is ("Construction of the tunnel",
# "Spending on mental health services", "Funding for the bypass"), as for a figure's owner.
_OWNING_PREPOSITIONS = frozenset({"of", "on", "for"})


def _chain_head(ctx: SentenceContext, subject: Subject, floor: int) -> Subject:
    """The first noun of "<noun phrase> <preposition> <noun phrase>" when ``subject`` is the second ("the two
    sides" of "Talks between the two sides"), up to two steps back; "of" makes the second whose the first is
    ("Construction of the 27 km tunnel": the tunnel's construction)."""
    tokens = ctx.tokens
    lex = lexicon()
    for _ in range(2):
        k = ctx.index_containing(subject.start) - 1
        while k > floor and (
            tokens[k].lower in lex.determiners or k in ctx.number_tokens or _in_quantity(ctx, k)
            or (tokens[k - 1].lower in lex.determiners and tokens[k].lower.endswith("ed"))  # "the annulled election"
        ):
            k -= 1
        if k <= floor or tokens[k].lower not in _CHAIN_PREPOSITIONS:
            return subject
        words = phrase_before(tokens, k, floor=floor, limit=3)
        if not words or ctx.position(words[-1]) != k - 1 or words[-1].lower in lex.pronouns:
            return subject
        head = build_subject(words, ctx.doc.text)
        if head is None or head.proper:
            return subject
        if tokens[k].lower == "of":
            head = with_owner(head, subject.entities[0] if subject.entities else subject.key)
        elif tokens[k].lower in _OWNING_PREPOSITIONS and (
            subject.proper or subject.entities or tokens[k].lower == "for"
            or lex.triggers.get((tokens[k - 1].lower,)) in METRIC_ATTRIBUTES  # (as written: "the vote on" is none)
        ):
            # "Spending on mental health services": what a metric is of, in its own words (as a figure's); a name
            # after "on" says which ("the speed limit on the A40"), a common noun only what it is about ("talks on
            # the border dispute")
            words = [t.lower for t in tokens[ctx.index_containing(subject.start) : ctx.index_at(subject.end)]
                     if t.is_word and t.lower not in lex.determiners and not t.text[0].isdigit()]
            owner = subject.entities[0] if subject.entities else " ".join(words) or subject.key
            head = with_owner(head, owner)
        subject = head
    return subject


def _participle_aside(ctx: SentenceContext, verb: int, chain: set[str]) -> Subject | None:
    """What a past participle opening an aside is said of: "The Orion-7 probe, launched in 2021, entered orbit",
    "The launch of the satellite, originally scheduled for May 4, ...": the noun phrase before the comma."""
    tokens = ctx.tokens
    if chain or not is_past(tokens[verb].lower):
        return None
    k = verb - 1
    while k > 0 and tokens[k].is_word and tokens[k].lower.endswith("ly") and not tokens[k].is_capitalised:
        k -= 1  # "originally scheduled"
    if k <= 0 or tokens[k].text != ",":
        return None
    return _noun_phrase_ending(ctx, k)


_DATE_PREPOSITIONS = frozenset({"on", "in", "for", "of", "during"})


def _event_noun_before(ctx: SentenceContext, i: int, floor: int) -> Subject | None:
    """The event a date right after it dates: an event noun (``event_nouns``: election, landslide, storm), then
    "on", "in", "for" or "of", then the date ("a snap election for Nov. 9", "the floods of July 2021")."""
    tokens = ctx.tokens
    if i - 2 < floor or tokens[i - 1].lower not in _DATE_PREPOSITIONS or tokens[i - 2].lower not in (
        lexicon().event_nouns
    ):
        return None
    words = phrase_before(tokens, i - 1, floor=floor, limit=3)
    return build_subject(words, ctx.doc.text) if words else None


def _past_sum(ctx: SentenceContext, j: int) -> int:
    """The token after a sum of money starting at ``tokens[j]`` ("2.3 billion Swiss franc" before "takeover"), or
    ``j`` when none starts there: a figure that counts the object ("killed 12 people") is the object itself."""
    if j >= len(ctx.tokens):
        return j
    start = ctx.tokens[j].start
    for q in ctx.quantities:
        if q.quantity.dimension == "money" and q.start <= start < q.end:
            return max(j, ctx.index_at(q.end))
    return j


def _after_auxiliary(tokens: Sequence[Token], k: int) -> bool:
    """"will hear the case on March 14", "will step down in April": a lower-case word right after an auxiliary or
    "to" is a verb."""
    t = tokens[k]
    before = k - 1
    if before > 0 and tokens[before].lower in NOT_WORDS:
        before -= 1  # "did not rise in March": the verb after the negated auxiliary
    return (
        k > 0
        and (tokens[before].lower in lexicon().auxiliaries or tokens[before].lower == "to")
        and t.lower not in NOT_WORDS
        and t.is_word
        and not t.is_capitalised
        and t.lower.isalpha()
        and t.lower not in lexicon().auxiliaries
        and t.lower not in lexicon().determiners
    )


def date_assertions(ctx: SentenceContext) -> list[Assertion]:
    """"Signed ... in June": the date an event is said to have happened, keyed by what was signed."""
    lex = lexicon()
    out: list[Assertion] = []
    for d in ctx.dates:
        if d.relation != "on":
            continue
        i = ctx.index_containing(d.start)
        a, b = clause_of(ctx.stance.clauses, i)
        event = _event_noun_before(ctx, i, a)
        if event is not None:
            # "an early parliamentary election on Nov. 23", "hit by a landslide on July 4": the event's own date
            tokens = ctx.tokens
            k = ctx.index_at(event.start) - 1
            while k > a and tokens[k].lower in lex.determiners:
                k -= 1
            acted = k >= a and (past_verb(tokens, k) or event_verb(tokens, k) or _after_auxiliary(tokens, k))
            predicate = _predicate(tokens, k)[0] if acted else None  # "to hold early elections on October 5"
            out.append(make_assertion(ctx, event, "when", d.range, d.start, d.end, i, predicate=predicate,
                                      rule="event-date"))
            continue
        if _earlier_level_date(ctx, i, a):
            continue
        verb = _verb_before(ctx, i, a)
        if verb is None:
            opening = aside_opening(ctx.tokens, a - 1) if a > 1 else None
            if opening is None:
                continue
            # "approved Lorvexa, a once-weekly insulin, on Jan. 16", "made landfall near Apalachicola, Florida, on
            # Aug. 28": past an aside the date follows, to the verb of the clause the aside sits in
            a = clause_of(ctx.stance.clauses, opening - 1)[0]
            verb = _verb_before(ctx, opening, a)
            if verb is None:
                continue
        dated = _dated_subject(ctx, verb, (a, b))
        if dated is None:
            continue
        subject, predicate = dated
        out.append(make_assertion(ctx, subject, "when", _past_if_past_tense(ctx, verb, d), d.start, d.end, i,
                                  predicate=predicate, rule="event-date"))
    return out


def _earlier_level_date(ctx: SentenceContext, i: int, a: int) -> bool:
    """Whether the date at ``tokens[i]`` is the time of a figure after "from" ("rose to 4.6% in March from 3.5% in
    February", "fell from 184 in 2023"): the time of the level the change started from, not of the change."""
    tokens = ctx.tokens
    k = i - 1
    if k > a and tokens[k].lower in ("in", "on", "at"):
        k -= 1
    if k <= a or not _in_quantity(ctx, k):
        return False
    while k > a and _in_quantity(ctx, k - 1):
        k -= 1
    return tokens[k - 1].lower == "from"


def _verb_before(ctx: SentenceContext, i: int, a: int) -> int | None:
    """The verb a date at ``tokens[i]`` dates: the nearest verb before it in its clause (a past or listed event
    verb, or a word after an auxiliary or "to"), the verb of a phrasal verb rather than its particle."""
    lex = lexicon()
    verb = None
    for k in range(i - 1, max(a, i - _DATE_VERB_REACH) - 1, -1):
        if _in_quantity(ctx, k):
            continue  # "will be cut from 50 mph to 40 mph in March": a unit after "to" is no verb
        if (
            past_verb(ctx.tokens, k) or event_verb(ctx.tokens, k) or _after_auxiliary(ctx.tokens, k)
            or _irregular_past(ctx.tokens, k)
        ) and not (k > 0 and ctx.tokens[k - 1].lower in lex.determiners) and not modifier_participle(ctx.tokens, k):
            verb = k
            break
    if verb is None:
        return None
    if verb > a and f"{ctx.tokens[verb - 1].lower} {ctx.tokens[verb].lower}" in lex.event_verbs:
        verb -= 1  # "will step down in April": the verb of a phrasal verb, not its particle
    elif verb > a and ctx.tokens[verb].lower in _PARTICLES and (
        past_verb(ctx.tokens, verb - 1) or _irregular_past(ctx.tokens, verb - 1)
    ):
        verb -= 1  # "was shut down in 2022", "was called off on Friday": the verb, not its particle
    return verb


def _irregular_past(tokens: Sequence[Token], k: int) -> bool:
    """A lower-case irregular past form ("made landfall on Aug. 28", "held talks on Monday", "met on Friday"), not a
    reporting verb ("said on Sunday" is when it was said) nor an auxiliary."""
    t = tokens[k]
    lex = lexicon()
    return (
        t.is_word and not t.is_capitalised and t.lower in lex.irregular_verbs and not t.lower.endswith("ing")
        and t.lower not in lex.reporting_verbs and t.lower not in lex.auxiliaries
    )


def _dated_subject(ctx: SentenceContext, verb: int, clause: tuple[int, int]) -> tuple[Subject, str] | None:
    """What a dated verb is about, with the names of its subject as entities, and the verb's predicate; None for a
    pronoun or a one-word name ("the North East Express derailed on Oct. 11" is kept: a name of several words)."""
    lex = lexicon()
    subject = _event_subject(ctx, verb, clause[0])
    if subject is None or subject.head in lex.pronouns or (subject.proper and " " not in subject.key):
        return None
    predicate, _ = _predicate(ctx.tokens, verb)
    penalty = lex.penalty_nouns.get(predicate)
    if penalty and subject.proper and verb > 0 and ctx.tokens[verb - 1].lower in BE_FORMS:
        # "Viktor Saal was sentenced to 14 years in 2021": what is dated is the sentence, his, as the figure's is
        return with_owner(Subject(subject.start, subject.end, subject.text, penalty, penalty, None, False, ()),
                          subject.key), predicate
    named = _named_object(ctx, verb) if subject.start < ctx.tokens[verb].start else None
    if named is not None:
        # "The European Commission approved Lorvexa on Jan. 16": what is dated is the approval, Lorvexa's
        subject = with_owner(Subject(named.start, named.end, named.text, predicate, predicate, None, False, ()),
                             named.key)
    for name in reversed(subject_names(ctx, verb, clause) or _controller_names(ctx, verb, clause)):
        if name not in subject.entities and name != subject.key:
            subject = with_owner(subject, name)  # "Kenya and Tanzania signed the agreement in September"
    return subject, predicate


def _controller_names(ctx: SentenceContext, verb: int, clause: tuple[int, int]) -> list[str]:
    """The names of the subject of the verb that governs an infinitive: "Ottawa and Seoul agreed to raise trade",
    "Tessaro expects the deal to close" (the verb before "to", past the object between them)."""
    tokens = ctx.tokens
    if verb - 2 < clause[0] or tokens[verb - 1].lower != "to":
        return []
    m = verb - 2
    while m > clause[0] and m > verb - 7 and not is_verb(tokens, m) and tokens[m].is_word and (
        m not in ctx.number_tokens
    ):
        m -= 1
    return subject_names(ctx, m, clause) if is_verb(tokens, m) else []


def _named_object(ctx: SentenceContext, verb: int) -> Subject | None:
    """The name right after an active verb, when it is what the verb acts on (not a place, a date or a figure)."""
    tokens = ctx.tokens
    j = verb + 1 + skip_determiners(tokens, verb + 1)
    if j >= len(tokens) or not tokens[j].is_capitalised or is_place_token(ctx, j) or j in ctx.number_tokens:
        return None
    if any(d.start <= tokens[j].start < d.end for d in ctx.dates):
        return None
    words = phrase_after(tokens, j, limit=4)
    found = build_subject(words, ctx.doc.text) if words else None
    return found if found is not None and found.proper else None


def _future_marker(tokens: Sequence[Token], k: int, verb: int) -> bool:
    """Whether ``tokens[k]``, in the clause of ``verb`` and not after it, says the verb is still to come; "to" only
    as the verb's own infinitive marker ("agreed to raise"), never a preposition ("according to")."""
    word = tokens[k].lower
    return word in lexicon().future_markers and (word != "to" or k == verb - 1)


def target_date_assertions(ctx: SentenceContext) -> list[Assertion]:
    """"will rise ... by 2028", "will not reopen before December": the date by which something is planned or
    expected to happen, a claim about the future (``expected``) of the verb before it, made only when the verb
    group or its clause says it is still to come (will, to, due, expected), never a past "by": "by Tuesday, 40 had
    died" is the time of a figure, not a plan."""
    lex = lexicon()
    out: list[Assertion] = []
    tokens = ctx.tokens
    for d in ctx.dates:
        if d.relation not in ("as_of", "before"):
            continue
        i = ctx.index_containing(d.start)
        a, b = clause_of(ctx.stance.clauses, i)
        verb = _verb_before(ctx, i, a)
        if verb is None or not any(_future_marker(tokens, k, verb) for k in range(a, verb + 1)):
            continue
        dated = _dated_subject(ctx, verb, (a, b))
        if dated is None:
            continue
        subject, predicate = dated
        out.append(make_assertion(ctx, subject, "when", d.range, d.start, d.end, verb, predicate=predicate,
                                  expected=True, rule="target-date"))
    return out

def event_assertions(ctx: SentenceContext) -> list[Assertion]:
    """Whether something happened: "was (not) disconnected", "did not grant bail", "granted bail", "is expanding
    a weapons complex". Polarity comes from the clause, so "did not" and "denied that ... had been" negate.

    Passives and negated verb groups are taken for any verb (they state an event explicitly); bare and progressive
    verbs only when the lexicon lists them as events, which keeps "said", "guided" and "serving" out."""
    lex = lexicon()
    out: list[Assertion] = []
    tokens = ctx.tokens
    # (bound once: the test below runs on every word of the sentence, and most fail it)
    event_verbs, auxiliaries, aux_adverbs = lex.event_verbs, lex.auxiliaries, lex.aux_adverbs
    declined_verbs = ctx.stance.declined
    refusing = set(declined_verbs.values())  # the indices of the refusal verbs themselves
    for k in range(1, len(tokens)):
        t = tokens[k]
        if not t.is_word or t.is_capitalised:
            continue
        verb = t.lower
        prev = tokens[k - 1].lower
        verdict = verb == "found" and any(x.lower == "guilty" for x in tokens[k + 1 : k + 8])
        listed = verb in event_verbs or verdict
        declined = declined_verbs.get(k)  # "refused to approve": the refusal is the approving's verb group
        if declined is None and k in refusing and verb in lex.refusal_verbs:
            continue  # "refused" of "refused to (formally) approve": the event is the approving, denied
        if not (listed or declined is not None or verb.endswith("ed") or prev in auxiliaries or prev in aux_adverbs):
            continue
        if verb in lex.reporting_verbs or verb in lex.auxiliaries or verb in lex.nominal_ing:
            continue
        if verb in lex.stop_after_number or verb in lex.locative or verb in lex.determiners or not verb.isalpha():
            continue  # "are not in Kursk": a preposition, not an event
        state = listed and prev in _STATE_VERBS  # "remained open", "stayed closed": a state, as "was open" is
        aux = k - 1 if state else aux_start(tokens, k)
        if declined is not None:
            aux = aux_start(tokens, declined)
            aux = declined if aux is None else aux
        chain = {tokens[m].lower for m in range(aux, k)} if aux is not None else set()
        past = is_past(verb)
        passive = bool(chain & BE_FORMS) and past
        negated = bool(chain & NOT_WORDS) or declined is not None
        if aux is None:
            # A listed past verb right after a noun ("A judge granted bail"), never an adjective ("the detained man").
            if not (listed and past) or not tokens[k - 1].is_word:
                continue
            if not tokens[k - 1].is_capitalised and (
                prev in lex.determiners or prev in lex.stop_after_number or prev in lex.locative
            ):
                continue
        elif not (passive or negated or listed or _perfect(chain, verb) or _progressive_with_object(tokens, k, chain)):
            continue
        if any(rs <= k < re for rs, re in ctx.stance.refusals):
            continue
        a, _ = clause_of(ctx.stance.clauses, k)
        subject = _event_subject(ctx, k, a)
        if subject is None or subject.head in lex.pronouns or (subject.proper and aux is None):
            continue
        predicate, opposite = _predicate(tokens, k)
        start = tokens[aux].start if aux is not None else t.start
        polarity = ctx.stance.polarity(k, ctx.number_tokens)
        if opposite:
            polarity = Polarity.AFFIRMED if polarity == Polarity.NEGATED else Polarity.NEGATED
        out.append(make_assertion(ctx, subject, "happened", _event(predicate, t.text), start, t.end,
                                  k, polarity=polarity, predicate=predicate, rule="event"))
    return out


def _perfect(chain: set[str], verb: str) -> bool:
    """"has scored", "have fallen": a present perfect states that the event happened, whatever the verb."""
    return not chain.isdisjoint(("has", "have")) and verb.endswith(("ed", "en")) and is_past(verb)


def _progressive_with_object(tokens: Sequence[Token], k: int, chain: set[str]) -> bool:
    """"is enlarging an enrichment plant": a be-verb, an -ing form and an object -- an ongoing event, whatever verb."""
    return (
        bool(chain & BE_FORMS)
        and tokens[k].lower.endswith("ing")
        and k + 1 < len(tokens)
        and tokens[k + 1].lower in ("a", "an", "the", "its", "their", "his", "her")
    )

def _predicate(tokens: Sequence[Token], k: int) -> tuple[str, bool]:
    """The event a verb states, and whether it states its opposite: "acquitted" is not convicted, "was found
    (not) guilty" is (not) convicted, "hit" is struck."""
    lemma = verb_lemma(tokens[k].lower)
    if lemma == "find":
        ahead = [t.lower for t in tokens[k + 1 : k + 8]]
        if "guilty" in ahead:
            g = ahead.index("guilty")
            return "convict", g > 0 and ahead[g - 1] == "not"
        if "innocent" in ahead:
            return "convict", True
    return event_predicate(lemma)


def refusal_assertions(ctx: SentenceContext, made: Sequence[Assertion]) -> list[Assertion]:
    """"I can't confirm those reports of casualties": a refusal to confirm, about what and whom."""
    out: list[Assertion] = []
    for s, e in ctx.stance.refusals:
        a, b = clause_of(ctx.stance.clauses, s)
        found = triggers_in(ctx.tokens, e, len(ctx.tokens), ctx)
        if not found:
            continue
        ts, te, attr = found[0]
        if any(x.modality == Modality.CANNOT_CONFIRM and x.attribute == attr for x in made):
            continue
        subjects = [subj for si, subj in subjects_in(ctx, 0, len(ctx.tokens))]
        subject = subjects[-1] if subjects else ctx.state.last_subject
        if subject is None and attr in PEOPLE_ATTRIBUTES:
            subject = people_subject(ctx, (a, b), s)  # "could not confirm the deaths": of people
        if subject is None:
            continue
        start, end = ctx.tokens[s].start, ctx.tokens[te - 1].end
        out.append(
            make_assertion(ctx, subject, attr, _event(attr, ctx.doc.text[start:end]), start, end, s,
                           polarity=Polarity.AFFIRMED, modality=Modality.CANNOT_CONFIRM, rule="refusal")
        )
    return out
