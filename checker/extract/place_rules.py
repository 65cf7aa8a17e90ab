"""Places -> location assertions: a place after a locative preposition or verb ("in", "near", "reached") is
where the noun phrase before it is said to be; "Estonian airspace" counts as Estonia.
"""

from __future__ import annotations

from enum import Enum
from typing import Sequence

from checker.extract.context import (
    BE_FORMS,
    NOT_WORDS,
    PARTITIVES,
    SentenceContext,
    aside_opening,
    is_past,
    is_place_token,
    is_verb,
    locative_head,
    make_assertion,
    subject_before,
    verb_like_token,
)
from checker.extract.lexicon import lexicon
from checker.extract.places import gazetteer
from checker.extract.stance import clause_of
from checker.extract.tokens import Token
from checker.extract.subjects import (
    Subject,
    actor_key,
    build_subject,
    phrase_before,
)
from checker.models import (
    Assertion,
    Place,
)


def location_assertions(ctx: SentenceContext) -> list[Assertion]:
    out: list[Assertion] = []
    for start, end, place, i in _located_places(ctx):
        j = locative_head(ctx, i)
        if j is None:
            j = _settlement_head(ctx, i)
        if j is None:
            continue
        clause = clause_of(ctx.stance.clauses, i)
        chosen = _relative_antecedent(ctx, j)
        if chosen is None:
            found = _verb_group_subject(ctx, j, clause[0])
            if found is _Refused.NOT_WHERE:
                continue
            chosen = found if isinstance(found, Subject) else subject_before(ctx, j, clause[0])
        if chosen is None or chosen.proper:
            continue
        out.append(make_assertion(ctx, chosen, "location", place, start, end, i, rule="location"))
        ctx.sentence_subject = ctx.sentence_subject or chosen
        # "40 howitzers at a depot near Belgorod": what is at the depot is near Belgorod too.
        k = ctx.index_at(chosen.start) - 1
        while k >= 0 and ctx.tokens[k].lower in lexicon().determiners:
            k -= 1
        if k >= 0 and ctx.tokens[k].lower in lexicon().locative:
            outer = subject_before(ctx, k, 0)
            if outer is not None and not outer.proper and outer.key != chosen.key:
                out.append(make_assertion(ctx, outer, "location", place, start, end, i, rule="location-outer"))
        elif k >= 0 and ctx.tokens[k].lower in lexicon().locative_verbs:
            # "Cyclone Kirra crossed the Queensland coast near Cairns": where the coast was crossed, the cyclone was
            mover = subject_before(ctx, k, clause[0])
            if mover is not None and not mover.proper and mover.key != chosen.key:
                out.append(make_assertion(ctx, mover, "location", place, start, end, i, rule="location-outer"))
    return out


class _Refused(Enum):
    """Why a verb group before a place's preposition gives no subject of its own."""

    NO_GROUP = "no verb group"  # or none that ends a clause's subject: today's look-up decides
    NOT_WHERE = "not where"  # no claim: where a statement was made ("officials said in Kyiv"), or whom something
    # was aimed at ("lashed out at Kenya")


def _verb_group_subject(ctx: SentenceContext, j: int, clause_start: int) -> Subject | _Refused:
    """The clause's subject when the clause's verb group stands right before the place's preposition at ``tokens[j]``
    ("The 11th stage of the race ended in", "A passenger ferry, the MV Lake Star, capsized near", "The strongest
    gust, 148 km/h, was measured at", "The plane went down near"): the noun phrase before the group, past an aside
    between commas, and the head of an "X of Y" phrase. A reporting verb makes the place where something was said;
    a movement verb before "to"/"into" makes it where something went (today's look-up keeps its own reading)."""
    lex = lexicon()
    tokens = ctx.tokens
    j = _first_place_phrase(ctx, j)
    k = j - 1
    while k > 0 and _trailing_word(tokens[k]):
        k -= 1  # "went down", "ran aground", "met again", "took place", "resumed briefly"
    if tokens[j].lower == "at" and any(tokens[m].lower in lex.aim_particles for m in range(k + 1, j)):
        return _Refused.NOT_WHERE  # "lashed out at Kenya", "hit back at": whom it was aimed at
    if k < 1 or not _main_verb(tokens, k):
        return _Refused.NO_GROUP
    verbs = [tokens[k].lower]
    k -= 1
    passive = False
    while k >= 0 and tokens[k].is_word and not tokens[k].is_capitalised:
        low = tokens[k].lower
        passive = passive or low in BE_FORMS
        if low in lex.auxiliaries or low in lex.aux_adverbs or low in NOT_WORDS or _ly_adverb(tokens[k]):
            k -= 1
        elif low == "to" and k > 0 and verb_like_token(tokens[k - 1]):
            verbs.append(tokens[k - 1].lower)  # "is expected to resume", "plans to open"
            k -= 2
        else:
            break
    if any(v in lex.reporting_verbs for v in verbs) and not passive and not _reduced_relative(ctx, j, verbs[0]):
        return _Refused.NOT_WHERE  # not "fighting was reported near Odesa", where the fighting is
    if tokens[j].lower in lex.arrival_prepositions and any(v in lex.movement_verbs for v in verbs):
        return _Refused.NO_GROUP
    if k < 1:
        return _Refused.NO_GROUP
    floor = clause_start
    end = k + 1
    if tokens[k].text == ",":
        opening = aside_opening(tokens, k)
        if opening is None:
            return _Refused.NO_GROUP
        end = opening
        floor = clause_of(ctx.stance.clauses, opening - 1)[0]
    else:
        end = _relative_opening(ctx, floor, end) or end
        end = _first_place_phrase(ctx, end)  # "a restaurant in London has opened in": the restaurant
    last = tokens[end - 1]
    if not last.is_word or last.lower in lex.stop_after_number or last.lower in lex.determiners:
        return _Refused.NO_GROUP  # "that finished in", "and sank near": other rules read these
    words = phrase_before(tokens, end, floor=max([floor] + [m + 1 for m in ctx.number_tokens if m < end]))
    words = _head_phrase(ctx, words, end, floor)
    if not words or words[0].lower in lex.pronouns or any(w.lower in lex.personal_pronouns for w in words):
        return _Refused.NO_GROUP
    subject = build_subject(words, ctx.doc.text)
    return subject if subject is not None else _Refused.NO_GROUP


def _reduced_relative(ctx: SentenceContext, j: int, verb: str) -> bool:
    """Whether a past participle before the place's preposition at ``tokens[j]`` qualifies the noun before it, the
    clause's verb coming later ("Measles cases confirmed in Romania since January have reached 142"), rather than
    saying who spoke ("Officials confirmed in Kyiv that ...")."""
    if not verb.endswith("ed"):
        return False
    lex = lexicon()
    _, b = clause_of(ctx.stance.clauses, j)
    for t in ctx.tokens[j + 1:b]:
        if t.lower in ("that", "whether") or t.lower in lex.reporting_verbs:
            return False
        if t.lower in lex.auxiliaries and not t.is_capitalised:
            return True
    return False


def _relative_opening(ctx: SentenceContext, floor: int, end: int) -> int | None:
    """The "that"/"which"/"who" opening a relative clause with a verb of its own between the subject and its verb
    group ending before ``end`` ("The outbreak that has sickened 320 people in Kenya began in ..."): the subject
    ends before it."""
    tokens = ctx.tokens
    lex = lexicon()
    for r in range(end - 2, floor, -1):
        if tokens[r].lower not in ("that", "which", "who"):
            continue
        before = tokens[r - 1]
        if not before.is_word or verb_like_token(before) or before.lower in lex.stop_after_number:
            return None  # "said that ...": a reported clause, not a relative one
        if any(is_verb(tokens, m) for m in range(r + 1, end)):
            return r
        return None
    return None


_PLACE_CHAIN = 3  # "capsized in Lake Victoria near Mwanza": place phrases stepped back over to the verb


def _first_place_phrase(ctx: SentenceContext, j: int) -> int:
    """The preposition opening a chain of place phrases that ends with the one at ``tokens[j]``."""
    lex = lexicon()
    tokens = ctx.tokens
    for _ in range(_PLACE_CHAIN):
        k = j - 1
        while k > 0 and (is_place_token(ctx, k) or (tokens[k].is_capitalised and tokens[k].is_word)):
            k -= 1  # a place, or a name the gazetteer does not hold ("in Lake Victoria near Mwanza")
        if k == j - 1:
            break
        while k >= 0 and tokens[k].lower == "the":
            k -= 1
        if k < 1 or tokens[k].lower not in lex.locative or tokens[k].lower in lex.arrival_prepositions:
            break
        j = k
    return j


def _trailing_word(t: Token) -> bool:
    """A particle or adverb between a verb and the preposition after it ("went down near", "resumed briefly in")."""
    return t.is_word and not t.is_capitalised and (t.lower in lexicon().verb_particles or _ly_adverb(t))


def _ly_adverb(t: Token) -> bool:
    low = t.lower
    return t.is_word and not t.is_capitalised and len(low) > 5 and low.endswith("ly") and low.isalpha()


def _main_verb(tokens: Sequence[Token], k: int) -> bool:
    """A finite verb or participle ending a verb group: a past form ("capsized", "sank"), or any verb after an
    auxiliary ("will resume", "are continuing"); a bare "-ing" word may be a noun or a modifier ("heavy fighting")."""
    t = tokens[k]
    lex = lexicon()
    if not t.is_word or t.is_capitalised or not t.lower.isalpha() or tokens[k - 1].lower in lex.determiners:
        return False
    if t.lower in lex.reporting_verbs:
        return True  # "officials said in Kyiv": refused later, as where a statement was made
    if not (is_verb(tokens, k) or t.lower.endswith("ed")):
        return False
    m = k - 1
    while m >= 0 and (tokens[m].lower in lex.aux_adverbs or tokens[m].lower in NOT_WORDS or _ly_adverb(tokens[m])):
        m -= 1
    if m >= 0 and tokens[m].lower in lex.auxiliaries:
        return True
    return not t.lower.endswith("ing") and is_past(t.lower)


_HEAD_LINKS = frozenset({"of", "between", "among"})


def _head_phrase(ctx: SentenceContext, words: list[Token], end: int, floor: int) -> list[Token]:
    """The head of "X of Y" when Y ends before ``end``: "The 11th stage of the Tour of Flanders" -> "11th stage",
    "talks between the two sides" -> "talks"; a word for a number or group keeps Y ("thousands of fans")."""
    lex = lexicon()
    tokens = ctx.tokens
    if not words or ctx.position(words[-1]) != end - 1:
        return []
    for _ in range(3):
        m = ctx.position(words[0]) - 1
        while m > floor and (tokens[m].lower in lex.determiners or m in ctx.number_tokens):
            m -= 1
        if m <= floor:
            break
        link = tokens[m].lower in _HEAD_LINKS  # else a word inside a name: "Tour de Suisse", "Togo and Ghana"
        if not link and not (tokens[m].lower in lex.name_joins and tokens[m - 1].is_capitalised):
            break
        outer = phrase_before(tokens, m, floor=max([floor] + [n + 1 for n in ctx.number_tokens if n < m]))
        if not outer or ctx.position(outer[-1]) != m - 1:
            break
        head = outer[-1].lower
        if head in lex.group_nouns or head in PARTITIVES or head in lex.pronouns or head in lex.of_quantities:
            break
        if link and not _opens_clause(ctx, ctx.position(outer[0]), floor):
            break  # "This is an early copy of a coin made in France": an object's "of" phrase, no subject
        words = outer
    return words


def _opens_clause(ctx: SentenceContext, first: int, floor: int) -> bool:
    """Whether only determiners, figures and punctuation stand between the clause's start and ``tokens[first]``."""
    lex = lexicon()
    return all(
        ctx.tokens[m].lower in lex.determiners or m in ctx.number_tokens or ctx.tokens[m].text[:1].isdigit()
        or not ctx.tokens[m].is_word
        for m in range(floor, first)  # "The 11th stage of ...": an ordinal is no word of its own
    )


def _relative_antecedent(ctx: SentenceContext, j: int) -> Subject | None:
    """"a mountain leg that finished in Grenoble", "the ferry, which sank near Kampala": the verb before the
    place's preposition opens a relative clause, so what is there is the noun phrase the pronoun stands for."""
    tokens = ctx.tokens
    k = j - 1
    if k < 2 or tokens[k - 1].lower not in ("that", "which", "who"):
        return None
    if not (verb_like_token(tokens[k]) or (tokens[k].lower in lexicon().irregular_verbs and tokens[k].is_word)):
        return None
    end = k - 2 if tokens[k - 2].text == "," else k - 1
    words = phrase_before(tokens, end, floor=0)
    if not words or ctx.position(words[-1]) != end - 1:
        return None
    return build_subject(words, ctx.doc.text)


_SETTLEMENT_REACH = 4  # words between "the" and "city of": "the Hungarian city of", "the remote northern town of"


def _settlement_head(ctx: SentenceContext, i: int) -> int | None:
    """The locative preposition before "the ... city of" a place ("a factory in the Hungarian city of Gyor", "fighting
    near the port of Odesa"): the place is where the noun before the preposition is, as if it followed it."""
    lex = lexicon()
    tokens = ctx.tokens
    j = i - 1
    if j < 1 or tokens[j].lower != "of" or tokens[j - 1].lower not in lex.settlement_nouns:
        return None
    k = j - 2
    while k >= 0 and j - 1 - k <= _SETTLEMENT_REACH and tokens[k].lower not in lex.determiners:
        if tokens[k].lower in lex.locative or not tokens[k].text[:1].isalpha():
            return None
        k -= 1
    if k < 1 or tokens[k].lower not in ("the", "a", "an"):
        return None
    head = tokens[k - 1].lower
    if head not in lex.locative or head in ("to", "toward", "towards", "on", "off"):
        return None  # "to the city of": where something goes, not where it is
    return k - 1


def _located_places(ctx: SentenceContext) -> list[tuple[int, int, Place, int]]:
    """Gazetteer places, plus "Estonian airspace" / "Ukrainian territory" read as the country they belong to."""
    lex = lexicon()
    found = [(p.start, p.end, p.place, ctx.index_containing(p.start)) for p in ctx.places]
    tokens = ctx.tokens
    if lex.territory_nouns.isdisjoint([t.lower for t in tokens]):
        return found  # no "airspace", "territory"... (most sentences): no nationality to read as a place
    taken = {i for *_, i in found}
    for i in range(len(tokens) - 1):
        if i in taken or not tokens[i].is_capitalised:
            continue
        if not any(tokens[k].lower in lex.territory_nouns for k in range(i + 1, min(i + 4, len(tokens)))):
            continue
        key, n = actor_key(ctx.tokens, i)
        if key and i + n < len(ctx.tokens) and ctx.tokens[i + n].lower in lex.territory_nouns:
            start, end = ctx.tokens[i].start, ctx.tokens[i + n].end
            place = Place(key=key, name=gazetteer().name(key), text=ctx.doc.text[start:end])
            found.append((start, end, place, i))
    return found
