"""Numbers -> assertions: what a number counts (the noun phrase after it), what is said of it (the nearest
trigger: "killed", "revenue", "rose to") and whose it is (a nationality, the report's organisation, the clause's
opening noun phrase). A number whose subject cannot be found is left out rather than guessed.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Sequence

from checker.extract.context import (
    BE_FORMS,
    CHANGE_ATTRIBUTES,
    METRIC_ATTRIBUTES,
    NOT_WORDS,
    PARTICLES,
    PEOPLE_ATTRIBUTES,
    SentenceContext,
    actor_before,
    aside_opening,
    aux_start,
    claim_time,
    clause_predicate,
    is_verb,
    clause_subject,
    frame_parts,
    is_place_token,
    make_assertion,
    nearest_trigger,
    place_scope,
    sentence_owner,
    skip_determiners,
    subject_before,
    subjects_in,
    triggers_in,
    with_owner,
)
from checker.extract.lexicon import english_word, lexicon, verb_lemma
from checker.extract.places import gazetteer
from checker.extract.quantities import _CHANGE_VERBS
from checker.extract.stance import clause_of
from checker.extract.subjects import (
    Subject,
    _verb_like,
    actor_key,
    bloc_slug,
    build_subject,
    country_after,
    phrase_after,
    phrase_before,
    singular,
    without_legal_suffix,
    without_titles,
)
from checker.extract.tokens import Token, tokenize
from checker.models import (
    Assertion,
    Polarity,
    Quantity,
)

_LEVEL_CHANGES = frozenset({"increase", "decrease"})
_TO_LEVEL = frozenset({"to", "at", "above", "below", "from", "past"})  # "rose to 3.6%" is a level; "rose 3.6%" a change
_ELECTION_WORDS = frozenset({"vote", "votes", "ballots", "ballot", "election", "elections", "poll", "polls", "runoff",
                             "primary", "referendum", "electorate"})
_SKIPPED_DIMENSIONS = frozenset({"duration"})  # ages and elapsed times are context, not claims worth comparing
_DURATION_CLAIMS = frozenset({"sentence"})


WORLDWIDE = "*worldwide"
_WORLDWIDE_WORDS = frozenset({"worldwide", "globally", "nationwide", "overall", "altogether"})


def _worldwide(tokens: Sequence[Token], after: int, clause: tuple[int, int]) -> bool:
    """"1.2m vehicles worldwide", "61 cases nationwide": a total over every place, not the figure of one place."""
    return any(t.lower in _WORLDWIDE_WORDS for t in tokens[after : min(clause[1], after + 6)])


def _whole_of_a_part(ctx: SentenceContext, first: int) -> bool:
    """Whether the number at ``first`` is the whole in "N of the (X's) M ...": a number, "of", and at most a
    determiner and a possessive phrase before it."""
    tokens = ctx.tokens
    for k in range(first - 1, max(-1, first - 6), -1):
        if tokens[k].lower == "of":
            return k - 1 in ctx.number_tokens
        if k in ctx.number_tokens or tokens[k].text in (",", ";", ".", ":"):
            return False
    return False


_FUTURE_BIGRAMS = frozenset({("due", "to"), ("set", "to"), ("expected", "to"), ("scheduled", "to"), ("plans", "to"),
                             ("plan", "to"), ("planned", "to"), ("aims", "to"), ("going", "to")})


# Words that open a phrase of their own after a noun ("40 mm of rainfall in the 24 hours": "in" ends what "of" names).
_PHRASE_OPENERS = frozenset({"under", "as", "of", "for", "with", "by", "from", "amid", "after", "before", "during"})


_FUTURE_FIRST = frozenset(first for first, _ in _FUTURE_BIGRAMS)


def _future(tokens: Sequence[Token], clause: tuple[int, int], np_end: int) -> bool:
    """"33 hostages are due to be freed", "plans to cut 4,000 jobs": a figure for what is yet to happen. Only the
    verb group of the number's own clause counts: any marker before the counted noun, and after it one that opens
    a verb group, right after the noun or after an auxiliary ("40 hostages in Gaza are due to be freed"); not a
    plan a phrase names ("1,200 positions globally under a plan to reduce costs")."""
    a, b = clause
    lowers = [t.lower for t in tokens[a : min(b, np_end + 5)]]
    if _FUTURE_FIRST.isdisjoint(lowers):
        return False  # (most clauses hold no marker: one look in C)
    auxiliaries = lexicon().auxiliaries
    for n, pair in enumerate(zip(lowers, lowers[1:])):
        if pair in _FUTURE_BIGRAMS:
            k = a + n
            if k <= np_end or tokens[k - 1].lower in auxiliaries:
                return True
    return False


_SENTENCING_VERBS = frozenset({"sentenced", "jailed", "imprisoned", "sentences", "sentencing"})


def _sentenced(ctx: SentenceContext, clause: tuple[int, int]) -> Subject | None:
    """Who a prison term is for: the object of "sentenced X to", or the subject of "X was jailed for"."""
    tokens = ctx.tokens
    for k in range(clause[0], clause[1]):
        if tokens[k].lower not in _SENTENCING_VERBS:
            continue
        j = k + 1 + skip_determiners(tokens, k + 1)
        if j < len(tokens) and tokens[j].lower not in ("to", "for"):
            words = phrase_after(tokens, j, limit=6)
            found = build_subject(words, ctx.doc.text) if words else None
            if found is not None:
                return found
        return subject_before(ctx, k, clause[0])
    return None


def _owned_nouns(ctx: SentenceContext) -> set[int]:
    """Token indices of the nouns that directly follow a number ("nine deaths"): they say what *that* number
    counts, so they are no trigger for a neighbouring number. A toll word after a measure is none of its nouns (a
    toll counts people or things, never a measure: "An earthquake of magnitude 6.2 killed 140 people": "killed" is
    140's)."""
    out: set[int] = set()
    lex = lexicon()
    for q in ctx.quantities:
        j = ctx.index_at(q.end)
        counted = q.quantity.dimension in _COUNTED_DIMENSIONS
        for t in phrase_after(ctx.tokens, j, limit=3):
            if not counted and lex.triggers.get((t.lower,)) in lex.counting_triggers:
                break
            out.add(ctx.position(t))
    return out


def _nearest_metric(ctx: SentenceContext, first: int, clause: tuple[int, int], skip: set[int]) -> str | None:
    best: tuple[float, str] | None = None
    found = triggers_in(ctx.tokens, *clause, ctx)
    for s, e, attr in found:
        if attr in METRIC_ATTRIBUTES or attr in PEOPLE_ATTRIBUTES or attr == "vote_share":
            if any(k in skip for k in range(s, e)):
                continue
            if len(found) > 1 and any(s2 <= s and e <= e2 and (s2, e2) != (s, e) for s2, e2, _ in found):
                continue  # "share of the vote": the vote share, not the votes the longer phrase holds
            dist = abs(s - first)
            if best is None or dist < best[0]:
                best = (dist, attr)
    return best[1] if best else None


def quantity_assertions(ctx: SentenceContext, scope_event: str | None) -> list[Assertion]:
    if not ctx.quantities:
        return []
    if lexicon().retraction.find([t.lower for t in ctx.tokens]):
        return []  # "An earlier version said 40 were injured": a figure withdrawn, not claimed
    lex = lexicon()
    out: list[Assertion] = []
    tokens = ctx.tokens
    lowers = {t.lower for t in tokens}
    owned = _owned_nouns(ctx)
    refers_to_org = _refers_to_organisation(ctx)
    for q in ctx.quantities:
        dim = q.quantity.dimension
        first = ctx.index_containing(q.start)
        after = ctx.index_at(q.end)
        if first >= 3 and tokens[first - 1].lower == "of" and tokens[first - 2].lower in lex.figure_statistics and (
            tokens[first - 3].lower in ("a", "an", "the")
        ):
            first -= 3  # "raise fares by an average of 4.9%": the average is the figure; what it is of comes before
        if first > 0 and tokens[first - 1].lower in lex.age_words:
            continue  # "aged 34": a person's age, not a count
        if q.quantity.text.isdigit() and len(q.quantity.text) >= 3 and after < len(tokens) and (
            tokens[after].is_capitalised and tokens[after].is_word
        ):
            continue  # "the 12506 North East Express", "Flight 370 Boeing": a number that names something
        if after + 1 < len(tokens) and tokens[after].lower == "of" and tokens[after + 1].lower in ("them", "those", "these", "which", "whom"):
            continue  # "481,000 of them in the U.S.": a part of a figure given elsewhere
        if _whole_of_a_part(ctx, first):
            continue  # "won 68 of the 126 seats", "38 of the train's 149 cars": the whole, not what was counted
        if (
            dim == "count"
            and after + 1 < len(tokens)
            and tokens[after].lower == "of"
            and tokens[after + 1].lower in ("the", "those", "these")
            and not any(k in ctx.number_tokens for k in range(after + 1, min(after + 4, len(tokens))))
        ):
            continue  # "39,000 of the recalled vehicles are in Canada": a part of a whole counted elsewhere
        clause = clause_of(ctx.stance.clauses, first)
        skip = set(range(first, after))
        j = after
        additional = False
        while j < len(tokens) and tokens[j].lower in lex.after_number_skip:
            additional = additional or tokens[j].lower != "other"
            j += 1  # "1,000 more North Korean soldiers": more of them, not how many there are
        via_of = False
        comparison = None
        if dim == "percent" and after < len(tokens) and tokens[after].lower in _COMPARATIVES:
            # "collected 30% less pollen", "received 40% more rain": a change of the noun after the comparative
            comparison = _COMPARATIVES[tokens[after].lower]
            j = after + 1
            additional = False
        if j < len(tokens) and tokens[j].lower == "of" and dim != "money":
            j += 1
            via_of = True
            j += skip_determiners(tokens, j)
            ahead = next((k for k in range(j, min(j + 5, len(tokens))) if k in ctx.number_tokens), None)
            if ahead is not None and any(
                tokens[k].lower in lex.locative or tokens[k].lower in _PHRASE_OPENERS
                or (not tokens[k].is_word and tokens[k].lower != "'s") for k in range(j, ahead)
            ):
                ahead = None  # "40 mm of rainfall in the 24 hours": the noun after "of" is counted, not "hours"
            if ahead is not None:
                j = ahead  # "215 of the 465 seats", "38 of the freight train's 149 cars"
            while j < len(tokens) and j in ctx.number_tokens:
                j += 1
        words = phrase_after(tokens, j)
        if words and ctx.position(words[0]) == after and words[0].lower in lex.linking_verbs:
            words = []  # "and 60 remain missing": a bare count and its linking verb, no noun
        np_end = j + len(words)
        whole_of_count = None
        joined = _joined_noun(ctx, q.end, j, words) if dim == "count" and not via_of and (
            q.end < len(ctx.doc.text) and ctx.doc.text[q.end] == "-"
        ) else None
        if joined is not None:
            # "a 14-vehicle pile-up", "the 150-member chamber": the noun joined to the figure is what it counts, a
            # given of the phrase it qualifies, whose it is
            noun, head_at = joined
            head_words = phrase_after(tokens, head_at)
            whole_of_count = build_subject(head_words, ctx.doc.text) if head_words else None
            stop = head_at + len(head_words)
            closed = stop >= len(tokens) or not tokens[stop].is_word or tokens[stop].lower in lex.stop_after_number
            if whole_of_count is not None and not whole_of_count.proper and closed:
                # (the phrase must end plainly: in "a 149-car freight train derailed" it may run on past "freight")
                words = [noun]
                np_end = stop
            else:
                whole_of_count = None
        if dim == "percent" and words and _RATIO_IN.search(q.quantity.text):
            via_of = True  # "1 in 5 farmers", "one in four adults": a share of the noun after it, as "of" says
        skip |= owned - set(range(j, np_end))  # "27 cases and nine deaths": "deaths" is nine's, not 27's
        if dim == "count" and words and first >= 2 and tokens[first - 1].lower in ("up", "down") and (
            is_verb(tokens, first - 2) and tokens[first - 2].lower not in lex.auxiliaries
        ):
            skip = skip | {first - 1}  # "pulled down nine rebounds", "rounded up 200 suspects": a verb's particle
        attribute, _, trigger_at = nearest_trigger(tokens, first, np_end if words else after, clause, skip, ctx)
        if attribute in _LEVEL_CHANGES and trigger_at is not None and _not_a_change(
            ctx, np_end if words else after, trigger_at
        ):
            attribute = None  # "Thirty centimetres of snow fell on Zurich": how much snow, not how much it fell by
        if comparison and words:
            attribute, via_of = comparison, True
        if (attribute in _DURATION_CLAIMS) != (dim in _SKIPPED_DIMENSIONS):
            attribute = None if attribute in _DURATION_CLAIMS else attribute  # a prison term is a length of time
        metric = _nearest_metric(ctx, first, clause, skip)
        before = tokens[first - 1].lower if first > 0 else ""
        subject: Subject | None = None
        head_attr = lex.triggers.get((words[-1].lower,)) if words else None
        if words and head_attr in PEOPLE_ATTRIBUTES and len(words) == 1:
            attribute = head_attr  # "500 dead", "2,300 casualties": the noun says what happened; who is elsewhere
        elif words and head_attr in METRIC_ATTRIBUTES and not via_of:
            attribute = head_attr  # "1.2 million votes": whose votes is the clause's subject
            subject = clause_subject(ctx, clause[0], first)
        elif via_of and words and dim == "percent" and _voted_share(ctx, words):
            attribute = "turnout"  # "48 percent of eligible voters cast ballots": the share that voted
            cut = next(n for n, t in enumerate(words) if t.lower in lex.electorate_nouns) + 1
            subject = build_subject(words[:cut], ctx.doc.text)
        elif via_of and words and dim == "percent" and "votes" in (
            lex.triggers.get((words[-1].lower,)), lex.triggers.get((words[-1].lower + "s",))
        ):
            attribute = "vote_share"  # "52 percent of the vote": whose share is the clause's subject
            subject = _owner(ctx, clause, first)
        elif words and not (dim == "length" and words[0].text in lex.directions):
            subject = build_subject(words, ctx.doc.text, country_after(tokens, np_end))
        if words and words[0].text in lex.directions and dim == "length":
            attribute = "distance"  # "72 km southwest of Marrakech"
        if before == "of" and first >= 2 and dim == "money":
            noun = tokens[first - 2].lower
            named = lex.triggers.get((noun,))
            if named:
                attribute = named  # "revenue of $94.9 billion"
            elif tokens[first - 2].is_word and noun not in lex.stop_after_number:
                subject = build_subject([tokens[first - 2]], ctx.doc.text)  # "a fine of 2.4 billion euros"
                attribute = "amount"
                via_of = True  # the noun before "of" is what the money is; no owner replaces it
        elif before == "of" and first >= 2 and dim == "percent" and not words and tokens[first - 2].is_word and (
            not tokens[first - 2].is_capitalised and (tokens[first - 2].lower,) not in lex.triggers
            and tokens[first - 2].lower not in lex.stop_after_number
        ):
            # "imposed tariffs of 62%", "holds a stake of 40%": the noun before "of" is what is at that rate (a
            # metric the lexicon knows, "turnout of 68%", "a rise of 5%", is read as such)
            subject = build_subject([tokens[first - 2]], ctx.doc.text)
            via_of = True
        elif (
            before == "of"
            and first >= 2
            and dim == "count"
            and tokens[first - 2].is_word
            and tokens[first - 2].lower not in lex.stop_after_number
            and not tokens[first - 2].is_capitalised
            and (not words or is_verb(tokens, after))
        ):
            # "a crowd of 61,500 saw ...", "a toll of 12": the noun before "of" is what the figure counts.
            noun = tokens[first - 2].lower
            subject = build_subject([tokens[first - 2]], ctx.doc.text)
            attribute = lex.triggers.get((noun,))  # "a toll of 12" is killed; "a crowd of" a count
            via_of = True
            if words and is_verb(tokens, after):
                np_end = after  # "a crowd of 82,000 watched": the verb right after the figure is the predicate
        measured = None
        if (before == "of" and first >= 2 and (dim in _MEASURE_DIMENSIONS or dim in _SKIPPED_DIMENSIONS)) or (
            before in lex.measure_participles and first >= 2
        ):
            # "gusts of 145 km/h", "a height of 6 metres"; "a meteorite weighing 14 kg", "losses totalling £48m"
            measured = _noun_before_of(ctx, first - 1, clause)
            if measured is not None and before in lex.measure_participles:
                attribute = lex.default_attribute.get(dim, dim)  # what the participle measures, not the verb after
            if measured is not None:
                subject, via_of = measured, True
                start = ctx.index_containing(measured.start)
                k = next((j for j in range(start - 1, max(clause[0], start - 3) - 1, -1)
                          if not tokens[j].is_word or tokens[j].lower in _POSSESSIVES), None)
                if k is not None and tokens[k].lower in _POSSESSIVES:
                    # "sea ice shrank to its minimum extent of 4.28 million sq km": the extent is the ice's
                    subject = clause_subject(ctx, clause[0], k) or measured
        if attribute in _LEVEL_CHANGES and (
            (before in lex.level_prepositions or before == "of") and (dim != "percent" or before in _TO_LEVEL)
        ):
            attribute = metric or lex.default_attribute.get(dim, dim)  # "rose to 2,400", "climbed above 50,000"
        if attribute in lex.counting_triggers and dim not in _COUNTED_DIMENSIONS:
            # "buried under 40 cm of snow", "awarded $4.2 million to a shopper hurt ...": a toll counts people or
            # things; a measure or a sum keeps its dimension's own attribute
            attribute = _sum_sense(ctx, attribute, first, clause) if dim == "money" else None
        if first > 0 and tokens[first - 1].lower in ("another", "additional", "further", "extra"):
            additional = True  # "another 3,000 troops"
        if additional and attribute in (None, "count"):
            attribute = "additional"
        expected = _future(tokens, clause, np_end)  # "33 hostages are due to be freed": not yet a fact
        attributive = whole_of_count is not None
        if attributive:
            attribute = lex.default_attribute.get(dim, dim)  # ("lost its majority in the 150-member chamber")
        if attribute is None:
            attribute = lex.default_attribute.get(dim, dim)
            if dim == "percent" and (lowers & _ELECTION_WORDS or scope_event in _ELECTION_WORDS):
                attribute = "vote_share"
        if dim in _SKIPPED_DIMENSIONS and attribute not in _DURATION_CLAIMS and measured is None:
            if via_of and words and attribute == lex.default_attribute.get(dim, dim) and _time_of(ctx, first, after):
                pass  # "had 632 hours of classroom instruction": the time is an amount of the noun after "of"
            elif words and not via_of and _HYPHENED_UNIT.search(q.quantity.text) and not _AGE.search(
                q.quantity.text
            ) and tokens[ctx.index_containing(q.end - 1)].end == q.end:  # (not "9-year-olds": a word of its own)
                # "a 14-day siege", "a 48-hour strike": a length joined to its unit says how long the noun is, a
                # given of the noun phrase whatever the clause says happened ("did not detect a leak during the
                # 90-minute test": the test lasted 90 minutes)
                attributive = True
                attribute = lex.default_attribute.get(dim, dim)
            elif not _lasted(ctx, first, after):
                continue  # "aged 34", "after three hours": context; a prison term, "delays of five hours" are claims
            else:
                # "the dry spell has lasted 97 days": the spell's; "adjourned the inquest for six weeks": the inquest's
                subject = _object_before_for(ctx, first) or clause_subject(ctx, clause[0], first)
        if attribute in _DURATION_CLAIMS:
            subject = _sentenced(ctx, clause) or subject  # whose prison term: the person sentenced
        # What is measured: the metric a change is of ("revenue rose 12%"), the metric itself ("revenue of $4bn"),
        # else the counted noun phrase.
        thing = None
        money_noun = None
        if attribute in CHANGE_ATTRIBUTES and metric and metric != attribute and not (words and dim == "count"):
            thing = metric  # (a count names its own thing: "eliminate 1,200 positions ... to reduce costs")
        elif attribute in METRIC_ATTRIBUTES or (
            dim in ("money", "percent") and attribute not in ("amount", "share") and attribute not in CHANGE_ATTRIBUTES
        ):
            thing = attribute  # a change with no metric ("exports fell 1.3%") is a change of its subject
        elif dim == "magnitude":
            thing = "magnitude"  # "an earthquake of magnitude 6.1", "a 5.4-magnitude quake": the quake's magnitude
        if measured is not None:
            thing = measured.head if subject is not measured else None  # the gusts, the height, the ice's extent
        total = _running_total(ctx, out, first, clause) if dim == "count" and not words and subject is None else None
        if total is not None:
            # "arrived ..., bringing the total delivered so far to about a dozen": the total of the same thing
            subject, thing = ctx.state.last_subject, total.thing
        moved = _acted_on(ctx, first, after, clause) if not words else None
        acted_on, acted_verb = moved if moved is not None else (None, None)
        if acted_on and dim == "count":
            # "..., bringing its eastern presence to 40,000": a bare count a verb brought something to counts it
            if subject is None:
                subject = _acted_on_subject(ctx, first, clause)
                thing = acted_on
            acted_on = None
        if acted_on:
            thing = acted_on  # "held interest rates at 5.25%", "cut infections by 68%": what the figure measures
        if thing:
            thing = thing.replace("_", " ")  # the attribute "vote_share" is the vote share
        if dim == "money" and not (attribute in CHANGE_ATTRIBUTES and thing):
            money_noun = _what_money_is(ctx, first, after, clause)
            thing = money_noun or thing
        if subject is not None and dim == "count" and not subject.country:
            actor = actor_before(ctx, clause[0], first)
            if actor:
                subject = build_subject(words, ctx.doc.text, actor)
        if subject is None or (dim in ("money", "percent") and not via_of and subject.head not in lex.person_heads):
            if attribute in PEOPLE_ATTRIBUTES:
                subject = subject or _elided(ctx, out, first) or people_subject(ctx, clause, first)
            elif dim in ("money", "percent"):
                subject = _owner(ctx, clause, first) or subject
            elif subject is None:
                subject = clause_subject(ctx, clause[0], first)
        bare_from = first >= 2 and first - 2 <= clause[0] + 1 and tokens[first - 2].lower in ("up", "down")
        if bare_from and subject is not None and (
            _earlier_figure(ctx, out, first, clause) or _earlier_figure(ctx, out, first, clause, untimed=True)
        ):
            subject = None  # ", down from 75% a decade ago": a phrase with no subject of its own, not the sentence's
        earlier = _earlier_figure(ctx, out, first, clause) if subject is None else None
        if earlier is not None:
            # "1.5 million drones this year, up from 300,000 last year": the same thing, an earlier figure
            subject, thing, attribute = ctx.state.last_subject, earlier.thing, earlier.attribute
        elif subject is None and (untimed := _earlier_figure(ctx, out, first, clause, untimed=True)) is not None:
            # "18,000 tonnes of tea last year, up from 15,500": the same thing at some earlier time, which no
            # other figure of the claim's own aspect meets (attribute "earlier")
            earlier = untimed
            subject, thing, attribute = ctx.state.last_subject, untimed.thing, "earlier"
        earlier = earlier or _change_of_figure(ctx, out, first, dim)
        if earlier is not None and earlier.thing != thing and subject is not ctx.state.last_subject:
            # "carried 14.6 million passengers in the first half, up 11% on a year earlier": the figure's change
            subject, thing = ctx.state.last_subject, earlier.thing
        counted = _same_count(ctx, out, first, clause) if not words and dim == "count" else None
        if counted is not None:
            # "Vogt finished with 212 points, while leader Sara Lind collected 230": 230 points, Sara Lind's
            thing, subject = counted
        change = _change_before(ctx, out, first) if subject is None else None
        if change is not None:
            # "car thefts rose by a third, to 8,900": the level the change reached, of the same thing
            subject, thing, attribute = ctx.state.last_subject, change.thing, lex.default_attribute.get(dim, dim)
        if [w.lower for w in words] == ["others"] and out and isinstance(out[-1].value, Quantity) and (
            out[-1].value.dimension == dim and ctx.state.last_subject is not None
        ):
            # "convicted her on four charges and acquitted her on two others": two other charges
            subject, thing = ctx.state.last_subject, out[-1].thing
        part_of = _whole_of(ctx, out, first) if subject is None and not words else None
        if part_of is not None and part_of.value.dimension == dim and ctx.state.last_subject is not None:
            # "sent 300 doctors, including 40 from Kenya": 40 of the doctors
            subject, thing = ctx.state.last_subject, part_of.thing
        rival = _rival_on(ctx, out, first, dim) if subject is None or not words else None
        if rival is not None:
            # "won 31.4% of the vote, ahead of the Liberal Alliance on 26.9%": the rival's share of the same thing
            (thing, attribute, _), subject = rival
            counted = rival
        corrected = _corrected(ctx, out, first, dim) if subject is None and not words else None
        if corrected is not None:
            # "destroyed 150 homes, not 500 as initially reported": the same claim of the figure before, denied
            subject, thing, attribute = ctx.state.last_subject, corrected.thing, corrected.attribute
        if subject is None or subject.head in lex.pronouns:
            continue
        if counted is None and tokens[clause[0]].lower not in ("who", "whom", "whose"):
            # (a name set against the sentence's first one owns its count alone; so does the person a "who"
            # clause is about: "The Pilots had no answer for Okafor, who finished with 29 points")
            subject = _with_organisation(ctx, subject, refers_to_org and not _apart_from_opening(ctx, clause))
        span_end = np_end if words else after
        if subject.proper:  # a name's own figure takes only the side named after it: "$500m in aid for Ukraine"
            owners = tuple(o for o in (_owner_after(ctx, span_end, clause),) if o)
        else:
            owners = named_owners(ctx, first, span_end, clause, common=bool(words), possessive="'s" in lowers,
                                  agent=subject.key if words and dim != "duration" else None)  # (not "arrived three weeks late")
        side = _acted_on_side(ctx, first, clause) if acted_on else None
        if side and side not in owners:
            owners = (*owners, side)  # "cut the fine against Dorrin Mining from $30 million": Dorrin Mining's
        for owner in reversed(owners):
            if owner not in subject.entities:
                subject = with_owner(subject, owner)
        if whole_of_count is not None:
            subject = Subject(subject.start, subject.end, subject.text, f"{whole_of_count.key} {subject.key}",
                              subject.head, subject.country, subject.proper, (whole_of_count.key,))
        for partner in _joined_partners(ctx, clause, subject):
            subject = with_owner(subject, partner)  # "China and India agreed to withdraw troops": India's too
        if dim in ("money", "percent"):
            subject = _without_metric(subject, thing or attribute)
            rest = frame_parts(subject)[1]
            held = {singular(w) for w in thing.split()} if thing else set()
            if thing and not (money_noun or acted_on) and rest and thing not in rest.split() and not subject.proper and (
                not {singular(w) for w in rest.split()} <= held  # ("votes" of the vote share)
            ):
                thing = f"{rest} {thing}"  # "house prices": the metric keeps what it is the metric of
        measured_of = measured is not None and before == "of"  # ("Gusts of 145 km/h hit ...": no noun after it)
        verb_from = after if measured_of or not words else np_end
        if verb_from + 1 < clause[1] and tokens[verb_from].lower == "per":
            verb_from += 2  # a rate's "per <noun>": "Damages of up to $50,000 per plaintiff could be awarded"
        predicate = clause_predicate(ctx, first, verb_from, clause) if corrected is None else corrected.predicate
        whole = _whole_of(ctx, out, first) or _joined_figure(ctx, out, first, subject) or (
            _restated_share(ctx, out, first) if dim == "percent" else None
        )
        if whole is not None:
            # "is holding 64 hostages, including nine foreigners": a part of the figure before, held the same way
            predicate = predicate or whole.predicate
            for owner in reversed(whole.entities):
                if owner not in subject.entities:
                    subject = with_owner(subject, owner)
        if predicate is None and acted_on and acted_verb is not None:
            # "will increase its development aid to Africa by 12%": the verb that moved the aid, further back
            predicate = verb_lemma(tokens[acted_verb].lower)
        if change is not None:
            predicate = predicate or change.predicate  # "rose by a third, to 8,900": rose to 8,900
        if earlier is not None:
            predicate = predicate or earlier.predicate  # "produced 18,000 tonnes, up from 15,500": produced
        if dim in ("money", "duration") and not (money_noun or acted_on or measured) and (
            predicate in lex.penalty_nouns and (subject.proper or subject.entities)
        ):
            # "fined Pellham Foods $4.5 million": the fine, a name saying whose; with no name ("the former mayor
            # was sentenced to eight years") the person stays the thing, so the aide's sentence is another's
            thing = lex.penalty_nouns[predicate]
        elif dim == "money" and not (money_noun or acted_on or measured) and predicate in lex.penalty_nouns and (
            not subject.proper and not subject.entities and _acts_for_others(subject.head)
        ):
            # "Jurors awarded $18 million to the family": the award, the family's; the jurors only act
            thing = lex.penalty_nouns[predicate]
            subject = _recipient(ctx, span_end, clause, thing) or Subject(
                subject.start, subject.end, subject.text, thing, thing)
        if attributive:
            predicate = None
        if not attributive:  # (a given of a noun phrase is no subject later figures continue)
            ctx.state.last_subject = subject
            ctx.sentence_subject = ctx.sentence_subject or subject
        out.append(
            make_assertion(
                ctx,
                subject,
                attribute,
                q.quantity,
                q.start,
                q.end,
                first,
                approximate=q.quantity.approximate,
                time=claim_time(ctx, *clause),
                scope_place=WORLDWIDE if _worldwide(tokens, after, clause) else place_scope(ctx, *clause),
                scope_event=scope_event,
                predicate=predicate,
                expected=expected,
                thing=thing,
                polarity=Polarity.AFFIRMED if attributive else Polarity.NEGATED if corrected is not None else (
                    _negated_after(ctx, np_end if words else after, clause)
                ),
                rule="quantity",
            )
        )
    return out


_COUNTED_DIMENSIONS = frozenset({"count", "percent"})  # what a toll trigger can say of: a count, or a share of one
_ADVERBIAL_CHANGES = frozenset({"up", "down"})  # "the Nikkei closed 3.5% down"


def _not_a_change(ctx: SentenceContext, end: int, at: int) -> bool:
    """Whether the change trigger at ``tokens[at]`` says nothing of the figure whose phrase ends before
    ``tokens[end]``: a change verb's amount or level follows it ("exports fell 12%", "fell by 3 cm", "rose to
    4.1%"), or the trigger heads the figure's own noun phrase ("a 9% drop"); a trigger after the figure's phrase is
    the verb of a clause the figure is the subject of ("Thirty centimetres of snow fell overnight", "More than 90 mm
    of rain fell in 24 hours": how much snow or rain, not a fall), or a particle ("114 missiles were shot down"), or
    another verb's ("with three policymakers voting for a cut").

    Two kinds after the figure still make it a change: "up" or "down" right after the figure (or after it and a
    figure restating it: "closed 82.91 points or 1.35% up"), and a passive verb, whose subject is its object ("1,800
    jobs will be cut" is the cut of "will cut 1,800 jobs")."""
    tokens = ctx.tokens
    lex = lexicon()
    if at < end:
        return False
    if tokens[at].lower in _ADVERBIAL_CHANGES and all(
        k in ctx.number_tokens or tokens[k].lower == "or" for k in range(end, at)
    ):
        return False
    for k in range(at - 1, end - 1, -1):
        word = tokens[k].lower
        if word in BE_FORMS:
            return False  # a passive; "been" and "being" are also aux_adverbs, so test them first ("have been cut")
        if word not in lex.aux_adverbs:
            break
    return True


def _sum_sense(ctx: SentenceContext, attribute: str, first: int, clause: tuple[int, int]) -> str | None:
    """What a sum is that a toll trigger names: the trigger's own attribute when it is the verb right before the
    sum ("police recovered $2 million in cash": a sum recovered, not any sum the report gives, such as the $5
    million stolen), else ``_measure_sense``."""
    if first > 0 and lexicon().triggers.get((ctx.tokens[first - 1].lower,)) == attribute:
        return attribute
    return _measure_sense(ctx, attribute, first, clause)


def _measure_sense(ctx: SentenceContext, attribute: str, first: int, clause: tuple[int, int]) -> str | None:
    """What a sum is that a toll trigger near it names in another sense: "insured losses of $18 billion" is a loss
    ("losses": casualties, or a loss); None when the trigger has no such sense ("awarded $4.2 million to a shopper
    hurt ...": the sum's default attribute)."""
    lex = lexicon()
    near: tuple[int, str] | None = None
    for s, e, attr in triggers_in(ctx.tokens, *clause, ctx):
        if attr != attribute:
            continue
        sense = next((m for m in lex.trigger_senses.get(tuple(t.lower for t in ctx.tokens[s:e]), ())
                      if m in METRIC_ATTRIBUTES), None)
        if sense is not None and (near is None or abs(s - first) < near[0]):
            near = (abs(s - first), sense)
    return near[1] if near else None


# A comparative after a percentage says it is a change of the noun after it: "30% less pollen", "12% fewer acres".
_COMPARATIVES = {"more": "increase", "less": "decrease", "fewer": "decrease"}

_RATIO_IN = re.compile(r"\w in \w")  # a share written as a ratio ("1 in 5"), by the quantity finder
_METRIC_WORDS = frozenset({"quarterly", "annual", "full-year", "total"})
_MEASURE_DIMENSIONS = frozenset({"speed", "length", "temperature", "mass", "volume", "area", "power", "energy"})
_POSSESSIVES = frozenset({"its", "their", "his", "her"})


_OBJECT_LEVEL = frozenset({"by", "to", "at", "from"})


_TOTAL_WORDS = frozenset({"total", "tally", "toll", "number", "count"})


def _running_total(
    ctx: SentenceContext, made: Sequence[Assertion], first: int, clause: tuple[int, int]
) -> Assertion | None:
    """The count of the sentence before a bare figure its clause calls the total ("Three jets arrived last week,
    bringing the total delivered so far to about a dozen"): "the total" (tally, toll, number) before the figure in
    its clause, with no noun of its own after it."""
    tokens = ctx.tokens
    if not made or not isinstance(made[-1].value, Quantity) or made[-1].value.dimension != "count":
        return None
    if ctx.state.last_subject is None or made[-1].value_span.end > tokens[first].start:
        return None
    for k in range(first - 1, clause[0], -1):
        if tokens[k].lower in _TOTAL_WORDS and tokens[k - 1].lower in lexicon().determiners:  # possessives too
            nxt = tokens[k + 1].lower if k + 1 < first else ""
            return made[-1] if nxt != "of" else None  # ("the number of voters" names its own thing)
    return None


def _acted_on_subject(ctx: SentenceContext, first: int, clause: tuple[int, int]) -> Subject | None:
    """The noun phrase a verb brought to a bare count ("bringing its eastern presence to 40,000"), owned by the
    sentence's opening name when "its" or "their" stands before it."""
    tokens = ctx.tokens
    words = phrase_before(tokens, first - 1, floor=clause[0], limit=3)
    found = build_subject(words, ctx.doc.text) if words else None
    if found is None:
        return None
    start = ctx.position(words[0])
    if start > 0 and tokens[start - 1].lower in ("its", "their"):
        owner = sentence_owner(ctx)
        if owner and owner not in found.key:
            found = with_owner(found, owner)
    return found


def _acted_on(ctx: SentenceContext, first: int, after: int, clause: tuple[int, int]) -> tuple[str, int] | None:
    """What a verb moved or held to a figure: "<verb> <noun phrase> by/to/at <figure>" ("the bank held interest
    rates at 5.25%", "the vaccine cut infections by 68%", "raised yields by 30% to 9 tonnes"): the head of the
    noun phrase, when it is a common noun, and the verb's index; the verb's subject stays whose it is."""
    tokens = ctx.tokens
    lex = lexicon()
    if after < len(tokens) and tokens[after].lower == "of":
        return None  # "by a quarter of a percentage point": a part of something else, not the level itself
    k = first - 1
    while k > clause[0] and tokens[k].lower in _OBJECT_LEVEL:
        j = k - 1  # past an earlier "by 30%" on the way back: "raised yields by 30% to 9 tonnes"
        while j > clause[0] and j in ctx.number_tokens:
            j -= 1
        if j < k - 1 and tokens[j].lower in _OBJECT_LEVEL:
            k = j
            continue
        break
    if k <= clause[0] or tokens[k].lower not in _OBJECT_LEVEL:
        return None
    words = phrase_before(tokens, k, floor=clause[0], limit=3)
    side = _side_phrase(ctx, words, clause)
    if side is not None:
        words = side[0]  # "increase its development aid to Africa by 12%": the aid, Africa's side
    elif words and words[-1].is_capitalised:
        m = ctx.position(words[-1])
        while m > clause[0] and (tokens[m].is_capitalised or tokens[m].lower in ("and", "&")):
            m -= 1
        if m > clause[0] and tokens[m].lower in _NAMED_SCOPE_LINKS:
            # "cut journey times between Lyon and Turin to 1 hour 47 minutes": the noun before the names' phrase
            words = phrase_before(tokens, m, floor=clause[0], limit=3)
    while len(words) > 1 and is_verb(tokens, ctx.position(words[0])):
        words = words[1:]  # "to raise bilateral trade": the verb before the noun phrase
    if not words or words[-1].is_capitalised or words[-1].lower in lex.pronouns:
        return None
    start = ctx.position(words[0])
    v = start - 1
    if v in ctx.number_tokens:
        r = v
        while r > clause[0] and r - 1 in ctx.number_tokens:
            r -= 1
        if r > clause[0] and tokens[r - 1].lower in lex.determiners:
            v = r - 1  # ("lowered the 400m hurdles world record to 51.72 seconds": past a figure modifying the noun)
    while v > clause[0] and tokens[v].lower in lex.determiners:  # possessives among them
        v -= 1
    infinitive = v >= 2 and tokens[v - 1].lower == "to" and (
        is_verb(tokens, v - 2) or verb_lemma(tokens[v - 2].lower) in lex.control_verbs
    )  # "agreed to raise bilateral trade to $30 billion"
    if v < clause[0] or not (is_verb(tokens, v) or infinitive) or tokens[v].lower in lex.reporting_verbs:
        return None
    if any(is_verb(tokens, ctx.position(w)) for w in words):
        return None
    subject = build_subject(words, ctx.doc.text)
    return (subject.head, v) if subject is not None and not subject.proper else None


_SIDE_LINKS = frozenset({"to", "against", "for", "from", "on"})
# Prepositions of a phrase of names after a moved noun: "journey times between Lyon and Turin", "fares in Leeds".
_NAMED_SCOPE_LINKS = frozenset({"between", "in", "at", "across", "on"})


def _side_phrase(
    ctx: SentenceContext, words: Sequence[Token], clause: tuple[int, int]
) -> tuple[list[Token], str] | None:
    """A common noun phrase and the name after its preposition, when ``words`` is that name ("the fine against
    Dorrin Mining", "its development aid to Africa"): the phrase's words and the name's key."""
    tokens = ctx.tokens
    if not words or not words[-1].is_capitalised:
        return None
    start = ctx.position(words[0])
    if start - 2 < clause[0] or tokens[start - 1].lower not in _SIDE_LINKS:
        return None
    head = phrase_before(tokens, start - 1, floor=clause[0], limit=3)
    if not head or ctx.position(head[-1]) != start - 2 or head[-1].is_capitalised:
        return None
    key = _name_key(_capitalised_run(tokens, ctx.position(words[-1]), -1))
    return (head, key) if key else None


def _acted_on_side(ctx: SentenceContext, first: int, clause: tuple[int, int]) -> str | None:
    """The name after the phrase a verb moved to a figure ("increase its development aid to Africa by 12%")."""
    tokens = ctx.tokens
    k = first - 1
    while k > clause[0] and (tokens[k].lower in _OBJECT_LEVEL or k in ctx.number_tokens):
        k -= 1
    k += 1
    while k < first and tokens[k].lower not in _OBJECT_LEVEL:
        k += 1
    if k >= first:
        return None
    side = _side_phrase(ctx, phrase_before(tokens, k, floor=clause[0], limit=3), clause)
    return side[1] if side is not None else None


# Words before a length of time that make it a time marker, not an amount: "after three days of talks".
_TIME_MARKERS = frozenset({"after", "before", "within", "in", "over", "during", "since", "until", "for", "of", "by"})


def _corrected(ctx: SentenceContext, made: Sequence[Assertion], first: int, dim: str) -> Assertion | None:
    """The figure a bare one after ", not" corrects ("150 homes, not 500 as first reported"): the sentence's last
    figure, of the same dimension, at most a short noun phrase before the comma; None otherwise."""
    tokens = ctx.tokens
    if first < 3 or tokens[first - 1].lower != "not" or tokens[first - 2].text != "," or not made:
        return None
    last = made[-1]
    if not isinstance(last.value, Quantity) or last.value.dimension != dim or ctx.state.last_subject is None:
        return None
    at = ctx.index_containing(last.value_span.start)
    return last if first - 8 <= at < first - 2 and all(t.is_word for t in tokens[at : first - 2]) else None


def _joined_noun(ctx: SentenceContext, end: int, j: int, words: list[Token]) -> tuple[Token, int] | None:
    """The lower-case noun a hyphen joins to a count ending at offset ``end`` ("14-vehicle", "9-member"), and the
    index where the phrase it qualifies starts; None when no such noun follows. ``j``, ``words``: the token after
    the figure and the phrase read there."""
    tokens = ctx.tokens
    text = ctx.doc.text
    if end >= len(text) or text[end] != "-":
        return None
    if not words and j + 2 < len(tokens) and tokens[j].text == "-" and tokens[j].start == end:
        noun = tokens[j + 1]  # "14", "-", "vehicle": the tokenizer splits a figure of several digits
        return (noun, j + 2) if noun.is_word and not noun.is_capitalised and noun.lower.isalpha() else None
    glued = tokens[ctx.index_containing(end - 1)]  # "9-vehicle": one token
    rest = text[end + 1 : glued.end]
    if glued.end <= end or not rest.isalpha() or not rest.islower():
        return None
    return Token(end + 1, glued.end, rest, rest, True, False), j


_HYPHENED_UNIT = re.compile(r"\d-[a-z]")  # "14-day", "90-minute": a measure written as an adjective
_AGE = re.compile(r"-old\b")  # "a 10-year-old boy": an age


def _time_of(ctx: SentenceContext, first: int, after: int) -> bool:
    """A length of time that is an amount of what follows "of" ("632 hours of classroom instruction", "nine years of
    schooling"): "of" and a lower-case noun after the figure, which no preposition of time introduces ("after three
    days of talks" dates what follows)."""
    tokens = ctx.tokens
    if after + 1 >= len(tokens) or tokens[after].lower != "of" or not tokens[after + 1].is_word:
        return False
    if tokens[after + 1].is_capitalised or tokens[after + 1].lower in lexicon().determiners:
        return False
    return first == 0 or tokens[first - 1].lower not in _TIME_MARKERS


def _lasted(ctx: SentenceContext, first: int, after: int) -> bool:
    """A length of time that is a claim, not a time marker ("after three hours", "aged 34"): right after a verb that
    gives how long something is ("the dry spell has lasted 97 days", "response times averaged 47 minutes";
    ``duration_verbs`` in lexicon.json); after "for" closing a verb phrase ("was banned for four years", "will
    freeze hiring for 18 months"); after "to" or "from" a change or delay verb moved it ("life expectancy rose to
    87.1 years", "cut journey times to 1 hour 47 minutes"); after "by" closing a verb of delay ("delayed by at least three weeks";
    ``delay_verbs``); or before a word of lateness ("the rains arrived three weeks late"; ``lateness_words``)."""
    tokens = ctx.tokens
    lex = lexicon()
    if after < len(tokens) and tokens[after].lower in lex.lateness_words:
        return True
    if first == 0:
        return False
    t = tokens[first - 1]
    if not t.is_word or t.is_capitalised:
        return False
    if verb_lemma(t.lower) in lex.duration_verbs:
        return True
    if t.lower == "for":
        # the verb, or the verb and a short lower-case object ("freeze hiring", "adjourned the inquest")
        for k in range(first - 2, max(-1, first - 6), -1):
            if is_verb(tokens, k) and tokens[k].lower not in lex.auxiliaries:
                return True
            if not tokens[k].is_word or tokens[k].is_capitalised or k in ctx.number_tokens:
                return False
        return False
    if t.lower in ("to", "from"):
        # a level a change verb moved the time to or from: "life expectancy rose to 87.1 years", "will cut journey
        # times between Lyon and Turin to 1 hour 47 minutes", "lowered the world record to 51.72 seconds"
        for k in range(first - 2, max(-1, first - 14), -1):
            if k in ctx.number_tokens:
                continue  # a figure inside the moved noun phrase ("the 400m hurdles world record"), or the level
                # reached before an earlier one ("to 1 hour 47 minutes from nearly four hours")
            if not tokens[k].is_word or _in_date(ctx, k):
                return False
            if tokens[k].lower in _CHANGE_VERBS or verb_lemma(tokens[k].lower) in lex.delay_verbs:
                return True  # (or a verb of delay: "the talks were extended to three days")
        return False
    if t.lower == "by" and first >= 2:
        verb = verb_lemma(tokens[first - 2].lower)  # "delayed by"; "pushed back by"
        phrasal = f"{verb_lemma(tokens[first - 3].lower)} {tokens[first - 2].lower}" if first >= 3 else ""
        return verb in lex.delay_verbs or phrasal in lex.delay_verbs
    return False


def _object_before_for(ctx: SentenceContext, first: int) -> Subject | None:
    """The object between a verb and "for" before a length of time ("adjourned the inquest for six weeks",
    "freeze hiring for 18 months"): what lasts that long."""
    tokens = ctx.tokens
    if first < 3 or tokens[first - 1].lower != "for":
        return None
    words = phrase_before(tokens, first - 1, floor=0)
    if not words:
        return None
    verb = ctx.position(words[0]) - 1
    if verb >= 0 and tokens[verb].lower in lexicon().determiners:
        verb -= 1
    return build_subject(words, ctx.doc.text) if verb >= 0 and is_verb(tokens, verb) else None


def _noun_before_of(ctx: SentenceContext, of: int, clause: tuple[int, int]) -> Subject | None:
    """The noun phrase before "of" a measure, when it is a common noun: "gusts of 145 km/h", "a height of 6
    metres", "winds of 130 mph" (not a name: "the Isle of 6 km" is no measure of anything)."""
    words = phrase_before(ctx.tokens, of, floor=clause[0], limit=3)
    last = words[-1] if words else None
    if last is None or (last.is_capitalised and not last.initial) or last.lower in lexicon().stop_after_number:
        return None
    return build_subject(words, ctx.doc.text)


_ARTICLES = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her"})


def _what_money_is(ctx: SentenceContext, first: int, after: int, clause: tuple[int, int]) -> str | None:
    """What a sum of money is, when the sentence names it structurally:

    - a noun phrase after "in": "$212m in damages", "$14.2 million in donations", "€6.5 million in cash";
    - a noun phrase right after it: "a €1.1 billion penalty", "a $2 billion share buyback";
    - the noun phrase before "worth" or "valued at": "bribes worth more than $900,000", "jewellery worth an
      estimated £1.5m", "a transaction valued at $12.4 billion".

    The head noun, or None: a place, a date or a name after "in" says where or when ("$4bn in Texas", "in June").
    """
    tokens = ctx.tokens
    lex = lexicon()
    if after + 1 < clause[1] and tokens[after].lower == "in":
        k = after + 1
        words = phrase_after(tokens, k, limit=3)
        if words and not words[0].is_capitalised and words[0].lower not in _ARTICLES and not any(
            d.start <= words[0].start < d.end for d in ctx.dates
        ) and not is_place_token(ctx, k):  # ("$85 million in new funding"; "in the ..." says where)
            subject = build_subject(words, ctx.doc.text)
            if subject is not None:
                # "$4bn in sales" is the revenue; "$212m in damages" stays damages, a kind of cost worth telling apart
                return "revenue" if lex.triggers.get((subject.head,)) == "revenue" else subject.head
    words = phrase_after(tokens, after, limit=3)
    if words and not words[-1].is_capitalised and after < clause[1] and not is_verb(tokens, after) and (
        words[0].lower not in lex.determiners and not _in_date(ctx, after)
    ):  # ("the $6 billion Arctic gas project": a name may qualify the noun the sum is)
        subject = build_subject(words, ctx.doc.text)  # "a €1.1 billion penalty", "a $2 billion share buyback"
        if subject is not None:
            return subject.head
    k = first - 1
    while k > clause[0] and (tokens[k].lower in lex.determiners or tokens[k].lower in lex.figure_qualifiers):
        k -= 1  # "worth an estimated £1.5 million", "worth more than $900,000"
    if k > clause[0] + 1 and tokens[k].lower == "at" and tokens[k - 1].lower in ("valued", "priced"):
        k -= 1  # "a transaction valued at $12.4 billion" is the transaction's worth
    if k > clause[0] and tokens[k].lower in ("worth", "valued", "priced"):
        words = phrase_before(tokens, k, floor=clause[0], limit=3)
        if words and not words[-1].is_capitalised:
            subject = build_subject(words, ctx.doc.text)
            if subject is not None:
                return subject.head
    return None


_OWNER_PREPOSITIONS = frozenset({"at", "of", "for", "against"})
_SIDE_PREPOSITIONS = frozenset({"to", "from"})
_OPENING_SIDES = _SIDE_PREPOSITIONS | {"into"}
# "on" opens what a thing is about: "Spending on mental health services will rise", "The speed limit on the A40".
_OPENING_ABOUT = frozenset({"on"})
_OPENING_LINKS = _OWNER_PREPOSITIONS | _OPENING_SIDES | _OPENING_ABOUT | {"in"}
_SCOPE_PREPOSITIONS = frozenset({"in", "across", "throughout", "within", "around", "near", "inside", "outside"})


def _name_key(tokens: Sequence[Token]) -> str | None:
    """A run of capitalised words as an entity key: a country's gazetteer slug, else the lower-case name without
    its legal form ("Harbour City", "Pellham Foods Inc" -> "pellham foods")."""
    words = [t for t in tokens if t.is_word and t.lower not in lexicon().determiners]
    if not words or not all(t.is_capitalised for t in words):
        return None
    country, n = actor_key(words, 0)
    if country and n == len(words):
        return gazetteer().slug(country)
    bloc = bloc_slug(" ".join(t.text for t in words))
    if bloc:
        return bloc  # "the European Union": the gazetteer's slug, as a country's
    lowers = without_titles([t.lower for t in words], [t.is_capitalised for t in words])
    return " ".join(without_legal_suffix(lowers))


def _capitalised_run(tokens: Sequence[Token], start: int, step: int, limit: int = 5) -> list[Token]:
    out: list[Token] = []
    k = start
    while 0 <= k < len(tokens) and len(out) < limit:
        t = tokens[k]
        if t.is_word and t.is_capitalised and not t.text.isupper() or (t.is_word and t.text.isupper() and len(t.text) > 1):
            out.append(t)
            k += step
            continue
        break
    return out[::-1] if step < 0 else out


def _named_holding(ctx: SentenceContext, k: int) -> bool:
    """"Shares in Talbot Mining", "a stake in Brill": "in" before a name that is neither a place nor a date."""
    if ctx.tokens[k].lower != "in" or k + 1 >= len(ctx.tokens):
        return False
    nxt = ctx.tokens[k + 1]
    if not nxt.is_capitalised or is_place_token(ctx, k + 1):
        return False
    return not any(d.start <= nxt.start < d.end for d in ctx.dates)


def named_owners(
    ctx: SentenceContext, first: int, np_end: int, clause: tuple[int, int], *, common: bool = False,
    possessive: bool = True, agent: str | None = None,
) -> tuple[str, ...]:
    """Whose figure it is when names say so structurally (rule "owner"); every one that applies, in this order:

    - a name after the measured phrase: "attendance at Brookvale Stadium", "the fine against Dorrin Mining",
      "revenue of Northwind Corp"; the side a sum or a count goes to or comes from: "an arms sale to Taiwan",
      "a ransom of $4 million from Greyfield Chemicals", "$500 million in aid for Ukraine";
    - a name closing the clause's opening phrase: "Revenue at Northwind Corp rose to $4 billion";
    - the named object of the verb before the figure: "fined Pellham Foods $4.5 million";
    - the named subject of the verb whose object the figure is: "Verlaine has scored 14 goals", "Harbour City
      have won nine matches", "Russia launched 73 drones", "Kenya and Tanzania signed ..." (never a speaker:
      "Police said 12 ..." has none);
    - with ``agent`` (the counted noun's key), failing a name, the thing or event the verb's subject names: "The ruling party lost 23
      seats", "An air strike on a market killed 19 people" (never people nor a body acting for others).
    """
    out: list[str] = []
    for found in (_owner_after(ctx, np_end, clause, common=common), _opening_owner(ctx, first, clause)):
        if found and found not in out:
            out.append(found)
    out.extend(o for o in _verb_owners(ctx, first, clause, agent=agent) if o not in out)
    possessor = _subject_possessor(ctx, first, clause) if possessive else None
    if possessor and possessor not in out:
        out.append(possessor)
    if not out:
        out.extend(_pronoun_owners(ctx, first, np_end, clause))
    return tuple(out)


def _pronoun_owners(ctx: SentenceContext, first: int, np_end: int, clause: tuple[int, int]) -> list[str]:
    """The names opening the sentence as the subject of its verb, when "their" or "its" says whose the measured
    thing is, right before the figure or after its "of": "China and India agreed to withdraw troops ... along their
    3,488 km border", "Armenia and Azerbaijan ... agreed to demarcate 12.7 km of their border" (each name of a
    joined subject); none when the sentence opens otherwise ("Police said 12 of their officers ...")."""
    tokens = ctx.tokens
    k = first - 1
    while k > clause[0] and tokens[k].lower in ("own",):
        k -= 1
    pronoun = tokens[k].lower if k >= clause[0] else ""
    if pronoun not in ("their", "its"):
        m = next((m for m in range(first + 1, min(clause[1] - 1, np_end + 2)) if tokens[m].lower == "of"), None)
        pronoun = tokens[m + 1].lower if m is not None else ""
        if pronoun not in ("their", "its"):
            return []
    runs: list[list[Token]] = []
    j = skip_determiners(tokens, 0)
    while True:
        run = _capitalised_run(tokens, j, 1)
        if not run or (run[0].initial and english_word(run[0].lower) and actor_key(run, 0)[0] is None):
            return []  # ("Police said ...": a capital that only opens the sentence names no one)
        runs.append(run)
        j += len(run)
        if j < len(tokens) and tokens[j].lower in ("and", "&") and len(runs) < 4:
            j += 1
            j += skip_determiners(tokens, j)
            continue
        break
    if j >= len(tokens) or not (is_verb(tokens, j) or tokens[j].lower in lexicon().auxiliaries):
        return []
    if tokens[j].lower in lexicon().reporting_verbs or (pronoun == "its") != (len(runs) == 1):
        return []  # a speaker's; "its" is one name's, "their" several names'
    keys = [_name_key(run) for run in runs]
    return [key for key in keys if key]


def _subject_possessor(ctx: SentenceContext, first: int, clause: tuple[int, int]) -> str | None:
    """Whose the clause's subject is, when a possessive says so before the clause's verb: "Voltara's new battery
    plant in Nevada will employ 3,000 people", "The space station's orbit was raised by 2.3 km" (a name, or a
    common noun phrase); none past a comma or a figure."""
    tokens = ctx.tokens
    lex = lexicon()
    for k in range(clause[0], first):
        t = tokens[k]
        if k in ctx.number_tokens or t.text in (",", ";", ":") or (k > clause[0] and is_verb(tokens, k)):
            return None
        if t.lower in _SCOPE_PREPOSITIONS:
            return None  # "No team in the league's history has scored ...": the possessive is the scope's
        if t.lower != "'s" or k == clause[0] or _in_date(ctx, k - 1):
            continue  # ("Tuesday's vote drew 40,000 people": a time, not whose)
        head = k + 1
        while head + 1 < first and tokens[head + 1].is_word and not is_verb(tokens, head + 1) and (
            tokens[head + 1].lower not in lex.stop_after_number
        ):
            head += 1
        if head < first and tokens[head].is_capitalised:
            return None  # "The EU's General Court upheld ...": a named agent, which the possessive only qualifies
        verb = next((m for m in range(k + 1, first) if is_verb(tokens, m) or tokens[m].lower in lex.reporting_verbs),
                    None)
        if verb is not None and tokens[verb].lower in lex.reporting_verbs:
            return None  # "Harlow's mayor said 300 homes flooded": whose the speaker is
        run = _capitalised_run(tokens, k - 1, -1)
        if run and not (run[0].initial and english_word(run[0].lower) and len(run) == 1):
            return _name_key(run)
        words = phrase_before(tokens, k, floor=clause[0], limit=4)
        if not words or ctx.position(words[-1]) != k - 1 or words[-1].lower in lex.pronouns:
            return None
        named = [w for w in words if w.is_capitalised and not w.initial]
        if named:
            # "The Kericho Growers cooperative's 3,400 members": the name before the possessor's common noun
            return _name_key(_capitalised_run(tokens, ctx.position(named[-1]), -1))
        return " ".join(w.lower for w in words if w.lower not in lex.determiners)
    return None


def _owner_after(
    ctx: SentenceContext, np_end: int, clause: tuple[int, int], *, common: bool = False
) -> str | None:
    """A name after the measured phrase ending before ``tokens[np_end]``: "attendance at Brookvale Stadium", "an
    arms sale to Taiwan"; past a sum's "in <noun>" ("$2.4 million in club funds from the Halvern Rotary Club").
    With ``common`` (the figure counts a noun of its own), also a common noun phrase after "of" or "for": "1,240
    cases of dengue", "all 62,000 tickets for the final" (what the counted things belong to)."""
    tokens = ctx.tokens
    lex = lexicon()
    if np_end + 1 < clause[1] and tokens[np_end].lower == "in" and not tokens[np_end + 1].is_capitalised:
        words = phrase_after(tokens, np_end + 1, limit=3)  # "$500 million in aid for Ukraine"
        if words and words[0].lower not in lex.determiners and not is_place_token(ctx, np_end + 1):
            np_end = np_end + 1 + len(words)
    if np_end >= clause[1]:
        return None
    prep = tokens[np_end].lower
    if prep in _OWNER_PREPOSITIONS or prep in _SIDE_PREPOSITIONS or _named_holding(ctx, np_end):
        k = np_end + 1
        while k < len(tokens) and tokens[k].lower == "the":
            k += 1
        run = _capitalised_run(tokens, k, 1)
        if common and not run and prep in ("of", "for"):
            return _common_complement(ctx, k, clause[1])
        # "revenue at Northwind" names an owner, "attendance in Leeds" a scope; a place after "for" or "against" is
        # a side ("12 goals for Kestrel Rovers", "a 3-1 win against Brazil"), and so is a country after "to" or
        # "from" ("an arms sale to Taiwan", "refugees from Sudan"), where a town is where a thing went.
        if not run or _in_date(ctx, k):
            return None  # "extended to 800,000 children from April": a time, not a side
        if prep in ("for", "against") or not is_place_token(ctx, k):
            return _name_key(run)
        if prep in _SIDE_PREPOSITIONS and (actor_key(tokens, k)[0] is not None or _bloc_at(ctx, k)):
            return _name_key(run)
    return None


def _bloc_at(ctx: SentenceContext, k: int) -> bool:
    """Whether the place at ``tokens[k]`` is a bloc or region of countries in the gazetteer ("120 from the
    European Union", "aid to East Africa"): a side as a country is, never a town."""
    start = ctx.tokens[k].start
    gaz = gazetteer()
    for p in ctx.places:
        if p.start <= start < p.end:
            entry = gaz.get(p.place.key)
            return entry is not None and entry.kind == "area"
    return False


def _common_complement(ctx: SentenceContext, k: int, end: int) -> str | None:
    """The lower-case noun phrase at ``tokens[k]`` that says what a thing is of or for ("cases of dengue",
    "admissions for flu", "costs for the city"), as its words; none for a pronoun, a verb's -ing form ("a chance
    of hitting"), a figure, a date, or a bare plural after "of" ("rounds of talks": the kind of rounds)."""
    lex = lexicon()
    words = [t for t in phrase_after(ctx.tokens, k, limit=3) if ctx.position(t) < end]
    if not words or words[0].is_capitalised or words[0].lower in lex.pronouns or _verb_like(words[0].lower):
        return None
    if any(not t.is_word or t.lower == "'s" for t in words) or _in_date(ctx, k):
        return None
    last = words[-1].lower
    if ctx.tokens[k - 1].lower == "of" and singular(last) != last and not last.endswith("ss") and (
        last not in lex.diseases  # (a disease is one: "cases of measles")
    ):
        return None  # "nine rounds of talks", "crates of apples": a bare plural says what kind, not whose
    return " ".join(t.lower for t in words)


def _in_date(ctx: SentenceContext, k: int) -> bool:
    """Whether ``tokens[k]`` is part of a date ("from April", "on Tuesday")."""
    start = ctx.tokens[k].start
    return any(d.start <= start < d.end for d in ctx.dates)


def _opening_owner(ctx: SentenceContext, first: int, clause: tuple[int, int]) -> str | None:
    """What the clause's opening phrase says its thing is of, up to the clause's verb: a name ("Revenue at Northwind
    Corp rose to $4 billion", "The cost of Lakeside University's new campus has risen", "output at the Leuna site
    will reach ..."), or a common noun phrase after "of" or "for" ("Hospital admissions for flu doubled", "The
    price of crude oil fell"): never a place after "of" or "at" (a scope), nor the affiliation of people
    ("Researchers at Calder University found ...")."""
    tokens = ctx.tokens
    lex = lexicon()
    if not any(tokens[m].lower in _OPENING_LINKS for m in range(clause[0] + 1, first)):
        return None  # no preposition in the clause's opening: nothing it is of
    k = clause[0]
    while k < first and not is_verb(tokens, k):
        if tokens[k].text in (",", ";", ":"):
            return None
        side = tokens[k].lower in _OPENING_SIDES and actor_key(tokens, k + 1)[0] is not None
        about = tokens[k].lower in _OPENING_ABOUT
        if (tokens[k].lower in _OWNER_PREPOSITIONS or _named_holding(ctx, k) or side or about) and k > clause[0] and (
            tokens[k - 1].lower not in lex.person_heads | lex.affiliated_people
        ):
            # ("exports to China", "investment into Vietnam": a country a thing goes to or comes from is a side)
            j = k + 1
            while j < first and tokens[j].lower == "the":
                j += 1
            if j >= first or not _verb_follows(ctx, j, first):
                return None
            run = _capitalised_run(tokens, j, 1)
            if side and run:
                return _name_key(run)
            if run and not _in_date(ctx, j) and (tokens[k].lower in ("for", "against") or not is_place_token(ctx, j)):
                return _name_key(run)
            if not run and tokens[k].lower in ("of", "for", "on"):
                if any(s < k and k < e for s, e, _ in ctx.triggers):
                    return None  # "share of the vote rose": the phrase names a metric, "of" no owner
                return _common_complement(ctx, j, first)
            return None
        k += 1
    return None


def _verb_follows(ctx: SentenceContext, j: int, first: int) -> bool:
    """Whether the words from ``tokens[j]`` up to the figure at ``first`` reach a verb that is not a reporting verb
    before any punctuation or figure: the phrase at ``j`` still belongs to the clause's subject."""
    tokens = ctx.tokens
    lex = lexicon()
    for m in range(j, first):
        t = tokens[m]
        if m in ctx.number_tokens or (not t.is_word and t.lower != "'s"):
            return False
        if m > j and is_verb(tokens, m):
            return t.lower not in lex.reporting_verbs
    return False


def _verb_owners(ctx: SentenceContext, first: int, clause: tuple[int, int], *, agent: str | None = None) -> list[str]:
    """The named object of the verb before the figure, then the names right before that verb's group; with
    ``agent`` (the key of the noun the figure counts), the agent a common noun phrase names when no name does and
    it is not that noun itself ("The incumbent received 1.2 million votes": the votes' owner is found as such)."""
    tokens = ctx.tokens
    lex = lexicon()
    out: list[str] = []
    k = first - 1
    while k >= clause[0] and (tokens[k].lower in lex.determiners or k in ctx.number_tokens or not tokens[k].is_word):
        k -= 1
    if k > clause[0] + 1 and tokens[k].lower == "on" and tokens[k - 1].is_capitalised:
        k -= 1  # "convicted Nora Feld on four charges": the named object before "on" its figure
    elif k > clause[0] + 1 and tokens[k].lower == "of" and not tokens[k - 1].is_capitalised:
        # "Kai Brenner faces an absence of up to eight weeks": the verb whose object the measured noun is
        words = phrase_before(tokens, k, floor=clause[0], limit=3)
        if words and ctx.position(words[-1]) == k - 1:
            k = ctx.position(words[0]) - 1
            while k > clause[0] and tokens[k].lower in lex.determiners:  # possessives among them
                k -= 1
    if k > clause[0] and tokens[k].lower == "with" and is_verb(tokens, k - 1):
        k -= 1  # "Okafor, who finished with 29 points": the verb whose complement the figure is
    elif k > clause[0] and tokens[k].lower in PARTICLES and is_verb(tokens, k - 1):
        # "Pixelforge laid off 220 employees": the verb of a phrasal verb, not its particle; its named subject only
        # ("the pantry gave out 25 parcels" keeps the parcels no one's, so that another report's count meets them)
        k, agent = k - 1, None
    named_object = _verb_object(ctx, k, clause)
    if named_object:
        out.append(named_object)  # "fined Pellham Foods $4.5 million": whose fine; the verb is the name's own
        k = ctx.position(_capitalised_run(tokens, k, -1)[0]) - 1
    relative = k >= 1 and tokens[k - 1].lower in ("which", "who", "that") and tokens[k].is_word and (
        not tokens[k].is_capitalised  # "which carries 120,000 vehicles": a verb, whatever its tense
    )
    reporting = tokens[k].lower in lex.reporting_verbs and not (
        tokens[k].lower in lex.object_reporting_verbs and k + 1 < len(tokens) and (
            k + 1 in ctx.number_tokens or tokens[k + 1].lower in lex.determiners)
    )  # "Brightwave added 340,000 customers": the figure is the verb's object, not a report
    if k < clause[0] or not (is_verb(tokens, k) or relative) or reporting:
        return out
    if k - 2 >= clause[0] and tokens[k - 1].lower == "to":
        named_object = _verb_object(ctx, k - 2, clause)  # "ordered Corvane Pharma to pay $212m": the payer
        if named_object:
            return [*out, named_object]
    described = _described(ctx, k)
    if described:
        return [*out, described] if described not in out else out
    names = [n for n in subject_names(ctx, k, clause) if n not in out]
    if agent and not names and not out:
        doer = _common_agent(ctx, k, clause)
        if doer and doer != agent:
            return [doer]
    return out + names


def _common_agent(ctx: SentenceContext, verb: int, clause: tuple[int, int]) -> str | None:
    """The thing or event that does what the verb before a counted noun says, as a common noun phrase opening the
    clause right before the verb group: "The ruling party lost 23 seats", "Coal supplied 16% of US electricity",
    "An air strike on a market killed 19 people", "The prisoner exchange, brokered by Qatar, freed 88 detainees".
    Never people (person heads, affiliated people, titles: "Police arrested 40", "Researchers found ..."), an
    organisation's stand-in ("the company cut 300 jobs": the name it stands for is found elsewhere), a pronoun or
    a name (names are the subject's names), nor a subject whose verb is a linking or reporting verb."""
    tokens = ctx.tokens
    lex = lexicon()
    if tokens[verb].lower in lex.linking_verbs | lex.reporting_verbs | lex.measure_participles:
        return None  # ("A meteorite weighing 14 kg": what the figure measures, not who acts)
    head = aux_start(tokens, verb)
    head = verb if head is None else head
    k = head - 1
    while k > clause[0] and tokens[k].lower in NOT_WORDS | lex.aux_adverbs:
        k -= 1
    opening = aside_opening(tokens, k)
    end = opening if opening is not None else k + 1
    start = clause[0]
    if opening is not None and opening <= start:
        # "The prisoner exchange, brokered by Qatar, freed 88 detainees": the aside's commas cut the clause, so
        # the subject opens the clause the aside's first comma closes
        start = clause_of(ctx.stance.clauses, opening - 1)[0]
    if end <= start:
        return None
    subject = _clause_opening_phrase(ctx, start, end)
    if subject is None or subject.proper or subject.entities:
        return None
    last = subject.head
    if last in lex.organisation_references or last in lex.pronouns or _acts_for_others(last):
        return None
    if last in lex.event_nouns or singular(last) in lex.event_nouns:
        return None  # "The earthquake killed 42 people": the event scopes the claim (scope_event), keys stay "people"
    return subject.key


def _joined_partners(ctx: SentenceContext, clause: tuple[int, int], subject: Subject) -> list[str]:
    """The other names of a joined subject opening the clause ("China and India agreed ...", "Ottawa and Seoul
    agreed ...", "the Social Democrats and the Greens together hold ..."), when the figure's frame holds one of them
    (as its entity, its country or the subject itself) but not the others; each as an entity key."""
    tokens = ctx.tokens
    if not any(t.lower in ("and", "&") for t in tokens[clause[0] : min(clause[1], clause[0] + 12)]):
        return []  # (most clauses open with no joined names: one cheap look)
    k = clause[0] + skip_determiners(tokens, clause[0])
    runs: list[list[Token]] = []
    while True:
        run = _capitalised_run(tokens, k, 1)
        if not run:
            return []
        runs.append(run)
        k += len(run)
        if k < clause[1] and tokens[k].lower in ("and", "&") and len(runs) < 4:
            k += 1
            k += skip_determiners(tokens, k)  # "the Social Democrats and the Greens"
            continue
        break
    lex = lexicon()
    while k < clause[1] and tokens[k].lower in lex.aux_adverbs:
        k += 1  # "Labour and the Greens together hold 85 seats"
    if len(runs) < 2 or k >= clause[1] or not (is_verb(tokens, k) or tokens[k].lower in lex.auxiliaries):
        return []
    keys = [_name_key(run) for run in runs]
    held = set(subject.entities) | {subject.key, gazetteer().slug(subject.country) if subject.country else ""}
    # The frame holds one of the names (the first, or the last when the phrase before the verb was read alone:
    # "the Social Democrats and the Greens won 85 seats")
    if not any(key and (key in held or run[0].lower in held) for key, run in zip(keys, runs)):
        return []
    return [key for key, run in zip(keys, runs)
            if key and key not in held and run[0].lower not in held and not any(key.endswith(f" {h}") for h in held)]


def _negated_after(ctx: SentenceContext, k: int, clause: tuple[int, int]) -> Polarity | None:
    """NEGATED when the verb group right after a figure's noun phrase is negated ("More than 60 countries have not
    signed the convention", "About 200 soldiers did not surrender"): an auxiliary, then not/never; else None (the
    clause's own stance decides, as for a figure after its verb)."""
    tokens = ctx.tokens
    lex = lexicon()
    if ctx.stance.denied or k >= clause[1] or tokens[k].lower not in lex.auxiliaries:
        return None
    m = k
    while m < clause[1] and (tokens[m].lower in lex.auxiliaries or tokens[m].lower in lex.aux_adverbs):
        if tokens[m].lower in NOT_WORDS:
            return Polarity.NEGATED
        m += 1
    return None


def _acts_for_others(head: str) -> bool:
    """Whether a subject's head names people or a body that acts on what is not its own: person heads, affiliated
    people, titles, agent nouns ("rescuers", "jurors"), acting bodies ("the government", "a court", "the jury")."""
    return bool({head, singular(head), f"{head}s"} & _acting_for_others()) or _agent_noun(singular(head))


@cache
def _acting_for_others() -> frozenset[str]:
    lex = lexicon()
    return lex.person_heads | lex.affiliated_people | lex.titles | lex.acting_bodies


def _recipient(ctx: SentenceContext, k: int, clause: tuple[int, int], thing: str) -> Subject | None:
    """The one a sum goes to, as the owner of ``thing``: the noun phrase after "to" at ``tokens[k]`` ("awarded $18
    million to the family", "to the victims' relatives"), or None."""
    tokens = ctx.tokens
    lex = lexicon()
    if k + 1 >= clause[1] or tokens[k].lower != "to":
        return None
    j = k + 1 + skip_determiners(tokens, k + 1)
    words = [t for t in phrase_after(tokens, j, limit=3) if ctx.position(t) < clause[1]]
    if not words or words[0].lower in lex.pronouns or _in_date(ctx, j):
        return None
    owner = build_subject(words, ctx.doc.text)
    if owner is None:
        return None
    key = owner.key
    return Subject(owner.start, owner.end, owner.text, f"{key} {thing}", thing, owner.country, False, (key,))


def _agent_noun(noun: str) -> bool:
    """A noun for one who does what a verb says, so a person ("rescuer", "organiser", "farmer", "investor"): "-er"
    or "-or" after an English word of four letters or more (rescue, organise, farm, invest), "-or" of a word in
    "-y" ("juror")."""
    stem = noun[:-2]
    if noun.endswith("or") and len(stem) >= 3 and english_word(stem + "y"):
        return True  # "juror": of the jury
    if len(stem) < 4 or not noun.endswith(("er", "or")):
        return False  # ("power", "water", "tower": no verb of four letters before the ending)
    return english_word(stem + "e") or english_word(stem)


def _clause_opening_phrase(ctx: SentenceContext, a: int, end: int) -> Subject | None:
    """The noun phrase that opens the clause at ``tokens[a]`` and ends right before ``tokens[end]`` (past a
    prepositional phrase after its head: "An air strike on a market in Idlib"), as its head's phrase."""
    tokens = ctx.tokens
    lex = lexicon()
    i = a
    while i < end and (tokens[i].lower in lex.determiners or tokens[i].lower in ("and", "but", "while")):
        i += 1
    if i >= end or not tokens[i].is_word or i in ctx.number_tokens:
        return None
    words = phrase_after(tokens, i, limit=4)
    if not words:
        return None
    stop = ctx.position(words[-1]) + 1
    if stop + 1 < end and tokens[stop].text in ("'", "'s") and not tokens[i].is_capitalised:
        # "The teachers' strike, which began ...": a common possessor qualifies the phrase it owns, which acts
        i = stop + 1
        words = phrase_after(tokens, i, limit=4)
        if not words:
            return None
        stop = ctx.position(words[-1]) + 1
    if stop < end and tokens[stop].lower not in _CHAIN_OF_AGENT:
        return None  # something else stands between the phrase and the verb
    if any(not t.is_word for t in tokens[i:stop]) or any(m in ctx.number_tokens for m in range(i, end)):
        return None
    return build_subject(words, ctx.doc.text)


# A phrase after the agent's head that still belongs to it: "An air strike on a market", "The teachers' strike,
# which began ...", "The prisoner exchange, brokered by Qatar,".
_CHAIN_OF_AGENT = frozenset({"on", "in", "at", "of", "near", "by", "from", "against"})


def subject_names(ctx: SentenceContext, verb: int, clause: tuple[int, int]) -> list[str]:
    """The names of the subject of the verb at ``tokens[verb]``, right before its verb group (past an apposition):
    "Verlaine has scored", "Houthi forces have attacked", "Kenya and Tanzania signed" (each name of a joined
    subject); never a capital that only opens the sentence ("Police arrested"), a date, or a place after "in"."""
    tokens = ctx.tokens
    lex = lexicon()
    k = verb - 1
    while k >= clause[0] and (tokens[k].lower in lex.auxiliaries or tokens[k].lower in lex.aux_adverbs or (
        tokens[k].lower in NOT_WORDS
    )):
        k -= 1
    floor = clause[0]
    opening = aside_opening(tokens, k)

    if opening is not None:
        # "Ana Petrovic, the second seed, saved ...", "Dan Ostrowski, 19, has kept ...": past an apposition
        k, floor = opening - 1, 0
    if k > floor and tokens[k].is_word and not tokens[k].is_capitalised and tokens[k - 1].is_capitalised and (
        tokens[k].lower not in lex.determiners and tokens[k].lower not in lex.pronouns and not is_verb(tokens, k)
        and not any(d.start <= tokens[k - 1].start < d.end for d in ctx.dates)
    ):
        k -= 1  # "Houthi forces have attacked 27 ships": the name before the group's noun (not "on Tuesday it")
        qualifier = True
    else:
        qualifier = False
    names: list[str] = []
    while True:
        run = _capitalised_run(tokens, k, -1)
        if run and run[0].initial and english_word(run[0].lower) and actor_key(run, 0)[0] is None:
            run = run[1:]  # "Police arrested 40": a capital that only opens the sentence names no one ("France" does)
        if not run or ctx.position(run[0]) < floor or _in_date(ctx, ctx.position(run[0])):
            break
        if qualifier and all(is_place_token(ctx, ctx.position(t)) for t in run) and actor_key(run, 0)[0] is None:
            break  # "Ardent's Ohio plant will receive ...": a place qualifying the noun says where
        before = ctx.position(run[0]) - 1
        scope = before
        while scope > floor and tokens[scope].lower in ("the",):
            scope -= 1
        if scope >= 0 and tokens[scope].lower in _SCOPE_PREPOSITIONS:
            return []  # "prices in Canada dropped 4%", "offences in England and Wales hit ...": where, not who
        key = _name_key(run)
        country = _title_country(tokens, before, floor)
        lead, n = actor_key(run, 0) if len(run) > 2 else (None, 0)
        m = n
        while lead and m < len(run) and run[m].lower in lexicon().titles:
            m += 1
        if lead and n < m < len(run):
            # "Tanzanian President Samia Hassan signed": the people's adjective and the title are not the name
            country, key = gazetteer().slug(lead), _name_key(run[m:])
        if key:
            names.append(key)
            if country and country not in names:
                names.append(country)  # "North Korean leader Kim Jong Un signed": North Korea signed
        if before - 1 < floor or tokens[before].lower not in ("and", "&"):
            break
        k = before - 1  # "Kenya and Tanzania signed ...": each name of a joined subject
    return names[::-1]


_TITLE_REACH = 3  # title words between a people's adjective and a name: "Russian Deputy Prime Minister"


def _title_country(tokens: Sequence[Token], k: int, floor: int) -> str | None:
    """The country a people's adjective before a name's title stands for ("North Korean leader Kim Jong Un",
    "Russian President Vladimir Putin"), with ``tokens[k]`` the word right before the name; as an entity key."""
    titles = lexicon().titles
    j = k
    while j >= floor and k - j < _TITLE_REACH and tokens[j].lower in titles:
        j -= 1
    if j == k or j < floor:
        return None  # no title: "Russia and Kim Jong Un" is two names, told apart by ``subject_names``
    for start in (j - 1, j):
        if start >= floor:
            country, n = actor_key(tokens, start)
            if country and start + n == j + 1:
                return gazetteer().slug(country)
    return None


def _described(ctx: SentenceContext, verb: int) -> str | None:
    """What a relative or participle clause whose verb is at ``tokens[verb]`` describes, when that verb has the
    figure as its object: the noun phrase before ", which" or ", who" ("The Kalder refinery, which processes
    180,000 barrels a day"), before a comma opening an -ing clause ("The bus, carrying 52 pilgrims, ..."), or right
    before an -ing verb ("a ferry carrying 250 passengers"). Its figure is that thing's own, whether it is a name
    or a common noun; its words, or None."""
    tokens = ctx.tokens
    lex = lexicon()
    k = verb - 1
    while k >= 0 and (tokens[k].lower in lex.auxiliaries or tokens[k].lower in lex.aux_adverbs):
        k -= 1
    if k < 1:
        return None
    aside = False
    if tokens[k].lower in ("which", "who", "that") and tokens[k - 1].text == ",":
        end = k - 1
        if end >= 3 and end - 1 in ctx.number_tokens and tokens[end - 2].text == ",":
            end -= 2  # "Marcus Lyle, 34, who faces 11 counts": past the age in apposition
    elif tokens[verb].lower.endswith("ing") and k == verb - 1 and tokens[verb].lower not in lex.measure_participles and (
        tokens[k].text == "," or (tokens[k].is_word and not is_verb(tokens, k))
    ):
        end, aside = (k, True) if tokens[k].text == "," else (verb, False)
    else:
        return None
    words = phrase_before(tokens, end, floor=0, limit=4)
    if not words or ctx.position(words[-1]) != end - 1 or any(ctx.position(t) in ctx.number_tokens for t in words):
        return None
    if aside and not all(t.lower in lex.determiners for t in tokens[: ctx.position(words[0])]):
        return None  # "snow fell across Vermont, forcing 40 schools to close": the clause's doing, not Vermont's
    if words[-1].lower in lex.pronouns or _in_date(ctx, ctx.position(words[0])):
        return None
    kept = [t.lower for t in words if t.lower not in lex.determiners and t.lower != "'s"]
    return " ".join(without_legal_suffix(kept)) if kept else None


def _verb_object(ctx: SentenceContext, k: int, clause: tuple[int, int]) -> str | None:
    """A name ending at ``tokens[k]`` that is the object of the verb before it: "fined Pellham Foods $4.5 million",
    "convicted Nora Feld": whose fine, whose charges (never a place: "struck Kyiv" says where)."""
    tokens = ctx.tokens
    if k <= clause[0] or not tokens[k].is_capitalised:
        return None
    run = _capitalised_run(tokens, k, -1)
    if not run:
        return None
    start = ctx.position(run[0])
    verb = start - 1
    if verb < clause[0] or not is_verb(tokens, verb) or tokens[verb].lower in lexicon().reporting_verbs:
        return None
    if any(is_place_token(ctx, ctx.position(t)) for t in run):
        return None
    return _name_key(run)


def _without_metric(subject: Subject, base: str) -> Subject:
    """Drop a trailing metric noun ("profit", "net profit") from a company's key when the frame's thing already
    says it, so "Brightline's profit was $300 million" and "Brightline reported a profit of $300 million" line
    up."""
    lex = lexicon()
    words = subject.key.split()
    trimmed = list(words)
    while len(trimmed) > 1 and (lex.triggers.get((trimmed[-1],)) == base or trimmed[-1] in _METRIC_WORDS):
        trimmed.pop()
    if trimmed == words:
        return subject
    key = " ".join(trimmed)
    entities = tuple(e for e in subject.entities if key == e or key.startswith(e + " "))
    return Subject(subject.start, subject.end, subject.text, key, trimmed[-1], subject.country, subject.proper,
                   entities)


def _refers_to_organisation(ctx: SentenceContext) -> bool:
    """Whether the sentence opens with the report's organisation or refers back to it ("its", "the company")."""
    org = ctx.state.organisation
    if org is None:
        return False
    lex = lexicon()
    start = 1 if ctx.tokens and ctx.tokens[0].lower in lex.determiners else 0  # "The Riverton school district"
    end = start + len(org.split())
    if " ".join(t.lower for t in ctx.tokens[start:end]) == org:
        m = end
        while m < len(ctx.tokens) and (ctx.tokens[m].is_capitalised or ctx.tokens[m].lower == "of"):
            m += 1
        if m + 1 < len(ctx.tokens) and ctx.tokens[m].lower in lex.reporting_verbs and ctx.tokens[m + 1].lower == "that":
            # "The Bureau of Meteorology estimated that some 2,300 bolts ...": the speaker's word only ("Moreno
            # Logistics reported an operating loss of ..." is its own)
            return False
        # "The Social Democrats and the Greens together would hold 85": a coalition's figure, not the party's
        return not (end < len(ctx.tokens) and ctx.tokens[end].lower in ("and", "&"))
    return any(
        t.lower in ("its", "it") or (t.lower in lex.organisation_references and k > 0 and ctx.tokens[k - 1].lower == "the")
        for k, t in enumerate(ctx.tokens)
    )


# Words that open a clause joined to the one before: "..., and 140 trucks remained stuck", "after inspectors found".
_CLAUSE_LINKS = frozenset({"and", "but", "while", "whereas", "after", "before", "as", "when", "since", "because",
                           "although", "though", "so", "yet", "until", "once"})


def _apart_from_opening(ctx: SentenceContext, clause: tuple[int, int]) -> bool:
    """Whether a later clause has a subject of its own and says nothing of the report's organisation, so that the
    organisation opening the sentence does not own its figures: "Brill Foods closed 12 stores, and 140 trucks were
    sold" (but "and cut 300 jobs", with no subject, "and its revenue fell" and "as sales fell 2%" are still
    Brill's)."""
    tokens = ctx.tokens
    lex = lexicon()
    k = clause[0]
    if k == 0:
        return False
    while k < clause[1] and (tokens[k].lower in _CLAUSE_LINKS or tokens[k].text in (",", ";")):
        k += 1
    if k >= clause[1] or is_verb(tokens, k) or tokens[k].lower in lex.auxiliaries or tokens[k].lower in lex.pronouns:
        return False  # "and cut 300 jobs", "and it cut": the opening subject's own
    low = tokens[k].lower
    if tokens[k].is_word and not tokens[k].is_capitalised and k not in ctx.number_tokens and (
        low not in lex.determiners and (low.endswith(("ing", "ed")) or not low.endswith("s"))
    ):
        return False  # ", grounding 140 flights", ", short of the 230,000 expected": no noun opens the clause
    if (low,) in lex.triggers and lex.triggers[(low,)] in METRIC_ATTRIBUTES:
        return False  # ", as sales fell 2.4%": a bare metric of the sentence's organisation is still its own
    if not any(is_verb(tokens, m) for m in range(k + 1, clause[1])):
        return False  # ", two short of a majority": an aside with no verb of its own
    return not any(
        t.lower in ("its", "it") or (t.lower in lex.organisation_references and m > 0 and tokens[m - 1].lower == "the")
        for m, t in enumerate(tokens[clause[0] : clause[1]], clause[0])
    )


def _with_organisation(ctx: SentenceContext, subject: Subject, refers: bool) -> Subject:
    """"The group would cut 4,400 jobs", "its revenue": the report's organisation, named earlier, owns the figure;
    so two reports about two companies' job cuts are not lined up as one. ``refers``: the sentence refers to it
    (``_refers_to_organisation``, read once per sentence)."""
    org = ctx.state.organisation
    if org is None or subject.country or org in subject.key:
        return subject
    lex = lexicon()
    if not refers and subject.head not in lex.organisation_references:
        return subject
    key = " ".join(w for w in subject.key.split() if w not in lex.organisation_references) or subject.key
    return with_owner(Subject(subject.start, subject.end, subject.text, key, subject.head, subject.country,
                              subject.proper, subject.entities), org)


def _title_organisation(title: str | None) -> str | None:
    """"Sterling Airlines first-quarter results": a title that opens with two or more capitalised words that are
    not a place or a nationality names the report's organisation."""
    if not title:
        return None
    tokens = tokenize(title)
    words: list[Token] = []
    for t in tokens:
        if t.is_word and t.is_capitalised:
            words.append(t)
        else:
            break
    if len(words) < 2 or len(words) == len([t for t in tokens if t.is_word]):
        return None  # a Title Case headline is all capitals: it names nothing in particular
    if actor_key(words, 0)[0] is not None or gazetteer().find(" ".join(w.text for w in words)):
        return None
    return " ".join(without_legal_suffix([w.lower for w in words]))


def _name_after_determiner(word: str) -> bool:
    """A capitalised word after "the" or "an" that names something ("An Aurora rocket", "The Valdor glacier"): its
    capital is not the sentence's, so it is a name unless it is a common word for people or an organisation ("The
    Government", "The Police")."""
    lex = lexicon()
    return not (word in lex.organisation_references or word in lex.person_heads or word in lex.affiliated_people
                or word in lex.titles or word in lex.determiners or singular(word) in lex.organisation_references)


def remember_organisation(ctx: SentenceContext) -> None:
    """Note the organisation a report opens with: two or more capitalised words ("Sterling Airlines", "Aomori
    Motor Co.") starting a sentence and followed by a verb, that are neither a place nor a nationality."""
    if ctx.state.organisation is not None:
        return
    if ctx.state.title_checked is False:
        ctx.state.title_checked = True
        org = _title_organisation(ctx.doc.title)
        if org:
            ctx.state.organisation = org
            return
    words: list[Token] = []
    determiner = False
    for t in ctx.tokens:
        if not words and not determiner and t.lower in lexicon().determiners:
            determiner = True
            continue  # "The Social Democrats won ...": the organisation is the Social Democrats
        if t.is_word and t.is_capitalised:
            words.append(t)
        elif t.text == "." and words:
            continue
        else:
            break
    # Two capitalised words, or one name after "the" ("The Riverton school district"): not a sentence's opening word.
    named = len(words) >= 2 or (determiner and len(words) == 1 and _name_after_determiner(words[0].lower))
    if not named or any(is_place_token(ctx, ctx.position(w)) for w in words):
        return
    if actor_key(ctx.tokens, 0)[0] is not None:
        return
    nxt = ctx.position(words[-1]) + 1
    if nxt < len(ctx.tokens) and ctx.tokens[nxt].is_word and not ctx.tokens[nxt].is_capitalised:
        lowers = without_titles([w.lower for w in words], [w.is_capitalised for w in words])
        ctx.state.organisation = " ".join(without_legal_suffix(lowers))


def _earlier_figure(
    ctx: SentenceContext, made: Sequence[Assertion], first: int, clause: tuple[int, int], *, untimed: bool = False
) -> Assertion | None:
    """"produced 1.5 million drones this year, up from 300,000 last year": a figure after "up from" or "down from"
    in a phrase with no subject of its own is an earlier figure of the claim before it in the sentence, when its
    own time says which ("last year"); with none ("18,000 tonnes, up from 15,500") it would meet the claim's
    current figure as a rival, so it is only asked for with ``untimed`` (and kept apart as an earlier figure)."""
    tokens = ctx.tokens
    if not made or first < 2 or tokens[first - 1].lower != "from" or tokens[first - 2].lower not in ("up", "down"):
        return None
    if made[-1].value_span.end > tokens[first].start or ctx.state.last_subject is None:
        return None
    own = claim_time(ctx, *clause)
    timed = own is not None and own != made[-1].time
    return made[-1] if timed != untimed else None  # (``untimed``: the figure with no time of its own)


def _change_of_figure(ctx: SentenceContext, made: Sequence[Assertion], first: int, dim: str) -> Assertion | None:
    """The figure of the sentence that a percentage after ", up" or ", down" is the change of ("carried 14.6
    million passengers in the first half, up 11% on a year earlier", "burned stubble on 36,000 fields, down 22%"),
    with no verb between them."""
    tokens = ctx.tokens
    if dim != "percent" or first < 2 or tokens[first - 1].lower not in ("up", "down") or tokens[first - 2].text != ",":
        return None
    if not made or not isinstance(made[-1].value, Quantity) or ctx.state.last_subject is None:
        return None
    prev_end = ctx.index_at(made[-1].value_span.end)
    if prev_end > first - 2 or any(is_verb(tokens, k) or tokens[k].text in (";", ":") for k in range(prev_end, first - 2)):
        return None
    return made[-1]


_CONTRASTS = frozenset({",", "while", "whereas", "and", "but", "with"})


def _same_count(
    ctx: SentenceContext, made: Sequence[Assertion], first: int, clause: tuple[int, int]
) -> tuple[str, Subject] | None:
    """A bare figure right after a verb, with a name before that verb, in a clause set against an earlier count of
    the sentence ("finished with 212 points, while leader Sara Lind collected 230"): the same counted thing, the
    name's; the noun is left out the second time."""
    tokens = ctx.tokens
    if not made or first < 2 or not is_verb(tokens, first - 1) or tokens[first - 1].lower in lexicon().auxiliaries:
        return None
    prev = made[-1]
    if not (isinstance(prev.value, Quantity) and prev.value.dimension == "count" and prev.thing):
        return None
    prev_end = ctx.index_at(prev.value_span.end)
    if not any(tokens[k].lower in _CONTRASTS for k in range(prev_end, first - 1)):
        return None
    run = _capitalised_run(tokens, first - 2, -1)
    if not run or ctx.position(run[0]) < clause[0] or any(is_place_token(ctx, ctx.position(t)) for t in run):
        return None
    name = build_subject(run, ctx.doc.text)
    return (prev.thing, name) if name is not None and name.proper else None


_PART_CUES = (("including",), ("among", "them"), ("among", "whom"))


def _whole_of(ctx: SentenceContext, made: Sequence[Assertion], first: int) -> Assertion | None:
    """The figure a figure after "including" or "among them" is a part of: the sentence's figure right before
    ("struck more than 40 targets, including 12 weapons depots", "killed 19 people, among them six children")."""
    tokens = ctx.tokens
    if first < 1 or tokens[first - 1].lower not in ("including", "them", "whom"):
        return None
    cue = next((c for c in _PART_CUES if first >= len(c) and tuple(t.lower for t in tokens[first - len(c) : first]) == c),
               None)
    if cue is None or not made or not isinstance(made[-1].value, Quantity):
        return None
    prev_end = ctx.index_at(made[-1].value_span.end)
    between = tokens[prev_end : first - len(cue)]
    if prev_end > first - len(cue) or len(between) > 8 or any(t.text in (".", ";", ":") for t in between):
        return None
    return made[-1]


def _restated_share(ctx: SentenceContext, made: Sequence[Assertion], first: int) -> Assertion | None:
    """The count a share right after it restates, set off by a comma (and "or"): "fell by 1,100 students, or 9%",
    "laid off 220 employees, about 15% of its staff": the same change told as a share, done by the same verb to
    the same owner's thing."""
    tokens = ctx.tokens
    k = first - 1
    if k >= 1 and tokens[k].lower == "or":
        k -= 1
    if k < 1 or tokens[k].text != "," or not made:
        return None
    prev = made[-1]
    if not isinstance(prev.value, Quantity) or prev.value.dimension != "count" or prev.predicate is None:
        return None
    prev_end = ctx.index_at(prev.value_span.end)
    between = tokens[prev_end:k]
    if prev_end > k or len(between) > 3 or not all(t.is_word for t in between):
        return None  # the count's own noun phrase only: "220 employees, ..."
    return prev


def _joined_figure(ctx: SentenceContext, made: Sequence[Assertion], first: int, subject: Subject) -> Assertion | None:
    """The figure a figure after "and" is joined to, when the one before counts a noun of its own right before the
    "and" and this one's noun has no owner: "Okafor, who finished with 29 points and 9 rebounds" (Okafor's
    rebounds too, and finished with them)."""
    tokens = ctx.tokens
    if first < 3 or tokens[first - 1].lower != "and" or subject.entities or subject.proper or not made:
        return None
    prev = made[-1]
    if not isinstance(prev.value, Quantity) or not prev.entities:
        return None
    prev_end = ctx.index_at(prev.value_span.end)
    between = tokens[prev_end : first - 1]
    if prev_end >= first - 1 or len(between) > 3 or not all(t.is_word for t in between):
        return None
    return prev


def _rival_on(
    ctx: SentenceContext, made: Sequence[Assertion], first: int, dim: str
) -> tuple[tuple[str, str, str | None], Subject] | None:
    """"<noun phrase> on <figure>" after a figure of the same kind ("came first with 180 seats, ahead of the
    centrist alliance on 160", "31.4% of the vote, ahead of the Liberal Alliance on 26.9%"): the phrase's figure of
    the same thing, with no noun of its own. (thing, attribute, predicate) of the earlier figure, and the phrase."""
    tokens = ctx.tokens
    if first < 2 or tokens[first - 1].lower != "on" or not made:
        return None
    prev = made[-1]
    if not isinstance(prev.value, Quantity) or prev.value.dimension != dim or not prev.thing:
        return None
    if prev.value_span.end > tokens[first].start:
        return None
    words = phrase_before(tokens, first - 1, floor=ctx.index_at(prev.value_span.end), limit=4)
    if not words or ctx.position(words[-1]) != first - 2 or words[-1].lower in lexicon().pronouns:
        return None
    subject = build_subject(words, ctx.doc.text)
    if subject is None or is_place_token(ctx, ctx.position(words[0])):
        return None
    return (prev.thing, prev.attribute, prev.predicate), subject


def _change_before(ctx: SentenceContext, made: Sequence[Assertion], first: int) -> Assertion | None:
    """"rose by a third, to 8,900", "fell 3%, to $78.40": a figure after ", to" right behind a change of the
    sentence is the level that change reached."""
    tokens = ctx.tokens
    if not made or first < 2 or tokens[first - 1].lower != "to" or tokens[first - 2].text != ",":
        return None
    last = made[-1]
    if last.attribute not in CHANGE_ATTRIBUTES or ctx.state.last_subject is None:
        return None
    return last if ctx.index_at(last.value_span.end) == first - 2 else None


def _elided(ctx: SentenceContext, made: Sequence[Assertion], first: int) -> Subject | None:
    """"killed nine workers and injured 32": a bare figure joined by "and" to the figure before it counts the same
    people, whose noun is left out the second time."""
    if not made or made[-1].value_span.end > ctx.tokens[first].start:
        return None
    prev = ctx.index_at(made[-1].value_span.end)
    between = [t.lower for t in ctx.tokens[prev:first]]
    if "and" not in between or len(between) > 6 or any(t in (".", ";", "but") for t in between):
        return None
    people = lexicon().person_heads
    words = phrase_after(ctx.tokens, prev, limit=3)
    if not words or (words[-1].lower not in people and words[-1].lower + "s" not in people):
        return None
    return build_subject(words, ctx.doc.text)


def people_subject(ctx: SentenceContext, clause: tuple[int, int], index: int) -> Subject:
    """Who a bare toll counts: a nationality-led group of people nearby ("Russian troops"), else people."""
    lex = lexicon()
    for _, subj in subjects_in(ctx, clause[0], clause[1]):
        if subj.head in lex.person_heads:
            return subj
    tok = ctx.tokens[index]
    return Subject(start=tok.start, end=tok.end, text="people", key="people", head="people")


def _voted_share(ctx: SentenceContext, words: Sequence[Token]) -> bool:
    """A share of an electorate followed by a verb phrase of voting: the turnout ("48 percent of eligible voters
    cast ballots", "61% of registered voters turned out"; not "52% of voters backed the plan"). The phrase may
    have been read into the noun phrase ("voters cast ballots": "cast" looks like a noun's modifier)."""
    lex = lexicon()
    k = next((ctx.position(t) for t in words if t.lower in lex.electorate_nouns), None)
    if k is None:
        return False
    ahead = tuple(t.lower for t in ctx.tokens[k + 1 : k + 5])
    return any(ahead[: len(p)] == p for p in lex.voting_phrases)


def _owner(ctx: SentenceContext, clause: tuple[int, int], index: int) -> Subject | None:
    """Whose money or share it is: the clause's opening noun phrase, the one a relative clause is about ("was
    beaten by Ana Ruiz, who took 58% of the vote": Ruiz's), or the sentence's when the clause has none."""
    subj = clause_subject(ctx, clause[0], index)
    tokens = ctx.tokens
    a = clause[0]
    if subj is None and a > 1 and tokens[a].lower in ("who", "which") and tokens[a - 1].text == ",":
        words = phrase_before(tokens, a - 1, floor=0, limit=4)
        if words and ctx.position(words[-1]) == a - 2:
            subj = build_subject(words, ctx.doc.text)
    if subj is None and clause[0] > 0:
        subj = clause_subject(ctx, 0, index)
    return subj


# --------------------------------------------------------------------------------------------------- places
