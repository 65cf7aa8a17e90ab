"""Places -> location assertions: a place after a locative preposition or verb ("in", "near", "reached") is
where the noun phrase before it is said to be; "Estonian airspace" counts as Estonia.
"""

from __future__ import annotations

from checker.extract.context import (
    SentenceContext,
    locative_head,
    make_assertion,
    subject_before,
    verb_like_token,
)
from checker.extract.lexicon import lexicon
from checker.extract.places import gazetteer
from checker.extract.stance import clause_of
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
        chosen = _relative_antecedent(ctx, j) or subject_before(ctx, j, clause[0])
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
