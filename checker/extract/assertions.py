"""One sentence -> the assertions it makes.

The single-purpose finders (quantities, dates, places) say *what values* a sentence holds; this module decides
*what each value is about*: the noun phrase a number counts, the trigger word that says what happened to it
("killed", "revenue", "lost"), where something is said to be, when an event is said to have happened, and whether
it happened at all. Every rule is local to a clause or a short window so that a sentence about two things does not
bleed one into the other; a subject it cannot find is left out rather than guessed.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Sequence

from checker.extract.lexicon import event_predicate, lexicon, verb_lemma
from checker.extract.places import gazetteer
from checker.extract.stance import SentenceStance, clause_of
from checker.extract.subjects import (
    Subject,
    actor_key,
    build_subject,
    country_after,
    phrase_after,
    phrase_before,
)
from checker.extract.tokens import Token, tokenize
from checker.models import (
    Assertion,
    DateMatch,
    Document,
    Event,
    Modality,
    Place,
    PlaceMatch,
    Polarity,
    Quantity,
    QuantityMatch,
    Sentence,
    Span,
    TimeRange,
)

_PEOPLE_ATTRIBUTES = frozenset({"killed", "injured", "missing", "displaced", "evacuated", "arrested", "casualties"})
_CHANGE_ATTRIBUTES = frozenset({"increase", "decrease", "lost", "gained"})
_METRIC_ATTRIBUTES = frozenset({"revenue", "profit", "loss", "price", "cost", "votes", "turnout", "cases", "vaccinated"})
_MAX_WINDOW = 10


@dataclass
class DocumentState:
    """What earlier sentences of the same document tell later ones: the last thing talked about."""

    last_subject: Subject | None = None
    organisation: str | None = None  # the company or body the report is about, for "the group", "its"
    title_checked: bool = False


@dataclass
class SentenceContext:
    doc: Document
    sentence: Sentence
    tokens: list[Token]
    stance: SentenceStance
    quantities: list[QuantityMatch]
    dates: list[DateMatch]
    places: list[PlaceMatch]
    state: DocumentState
    starts: list[int] = field(default_factory=list)

    number_tokens: frozenset[int] = frozenset()
    sentence_subject: Subject | None = None
    triggers: list[tuple[int, int, str]] = field(default_factory=list)
    _subjects: list[tuple[int, Subject]] | None = None
    _evidence: Span | None = None

    @property
    def evidence(self) -> Span:
        """The sentence's span in the raw file, shared by every assertion the sentence makes."""
        if self._evidence is None:
            self._evidence = self.doc.span(self.sentence.start, self.sentence.end)
        return self._evidence

    def __post_init__(self) -> None:
        self.starts = [t.start for t in self.tokens]
        self.triggers = _triggers(self.tokens, 0, len(self.tokens))
        self.number_tokens = frozenset(
            k for q in self.quantities for k in range(self.index_containing(q.start), self.index_at(q.end))
        )

    def index_at(self, offset: int) -> int:
        """Index of the token that starts at or after ``offset``."""
        return bisect.bisect_left(self.starts, offset)

    def position(self, token: Token) -> int:
        """The index of ``token`` in the sentence (by its offset: tokens never share a start)."""
        return bisect.bisect_left(self.starts, token.start)

    def index_containing(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.starts, offset) - 1)


# --------------------------------------------------------------------------------------------------- helpers


def _triggers(tokens: Sequence[Token], a: int, b: int, ctx: "SentenceContext | None" = None) -> list[tuple[int, int, str]]:
    """(start index, end index, attribute) of every predicate trigger in ``tokens[a:b]``."""
    lex = lexicon()
    if ctx is not None:
        return [t for t in ctx.triggers if a <= t[0] and t[1] <= b]
    lowers = [t.lower for t in tokens]
    return [(s, e, lex.triggers[tuple(lowers[s:e])]) for s, e in lex.trigger_phrases.find(lowers, a, b)]


def _nearest_trigger(
    tokens: Sequence[Token],
    q_first: int,
    q_after: int,
    clause: tuple[int, int],
    skip: set[int],
    ctx: "SentenceContext | None" = None,
) -> tuple[str | None, str | None]:
    """The attribute named nearest to a number within its clause, and a metric named with it.

    A trigger after the counted phrase ("500 people were killed") wins over one before ("killing 500 people") at
    the same distance, since English puts the predicate after its subject more often than not.
    """
    a, b = clause
    lo, hi = max(a, q_first - _MAX_WINDOW), min(b, q_after + _MAX_WINDOW)
    best: tuple[int, str] | None = None
    metric: str | None = None
    for s, e, attr in _triggers(tokens, lo, hi, ctx):
        if any(k in skip for k in range(s, e)):
            continue
        dist = s - q_after if s >= q_after else q_first - e + 0.5
        if attr in _METRIC_ATTRIBUTES and metric is None:
            metric = attr
        if best is None or dist < best[0]:
            best = (dist, attr)
    if best is None:
        return None, metric
    return best[1], metric


def _clause_subject(ctx: SentenceContext, a: int, b: int) -> Subject | None:
    """The noun phrase a clause opens with ("The earthquake struck ..."), if it opens with one."""
    lex = lexicon()
    i = a
    while i < b and (
        ctx.tokens[i].lower in lex.determiners
        or not ctx.tokens[i].is_word
        or i in ctx.number_tokens
        or ctx.tokens[i].lower in ("estimated", "reported", "approximately", "about", "nearly", "some", "around")
    ):
        i += 1
    if i >= b:
        return None
    words = phrase_after(ctx.tokens, i, limit=4)
    if not words:
        return None
    if words[0].lower in lex.pronouns:
        return ctx.state.last_subject
    return build_subject(words, ctx.doc.text)


def _actor_before(ctx: SentenceContext, a: int, index: int) -> str | None:
    """A country that is the clause's actor ("North Korea has sent ...", "Ukraine has lost ..."), not its speaker."""
    lex = lexicon()
    key, n = actor_key(ctx.tokens, a)
    if not key:
        for p in ctx.places:
            if ctx.index_containing(p.start) == a and gazetteer().country_of(p.place.key) == p.place.key:
                key, n = p.place.key, ctx.index_at(p.end) - a
                break
    if not key or a + n >= index:
        return None
    nxt = ctx.tokens[a + n].lower
    if nxt in lex.reporting_verbs or nxt == "'s":
        return None
    return key


def _subjects_in(ctx: SentenceContext, a: int, b: int) -> list[tuple[int, Subject]]:
    """Noun phrases led by a nationality or actor ("North Korean troops", "Russia's forces") in ``tokens[a:b]``."""
    if ctx._subjects is None:
        ctx._subjects = _find_subjects(ctx)
    return [(i, s) for i, s in ctx._subjects if a <= i < b]


def _find_subjects(ctx: SentenceContext) -> list[tuple[int, Subject]]:
    a, b = 0, len(ctx.tokens)
    out: list[tuple[int, Subject]] = []
    i = a
    head_words = lexicon().head_synonym
    while i < b:
        t = ctx.tokens[i]
        if not t.is_capitalised and (t.lower,) not in head_words and t.lower not in ("u.s.", "us"):
            i += 1
            continue
        key, n = actor_key(ctx.tokens, i)
        if key:
            j = i + n
            if j < b and ctx.tokens[j].lower == "'s":
                j += 1
            words = phrase_after(ctx.tokens, j, limit=3)
            if words and not words[0].is_capitalised:
                subj = build_subject(ctx.tokens[i : j + len(words)], ctx.doc.text)
                if subj:
                    out.append((i, subj))
                i = j + len(words)
                continue
            i = j
            continue
        if (t.lower,) in head_words and i + 1 < b:
            extra = country_after(ctx.tokens, i + 1)
            if extra:
                subj = build_subject([t], ctx.doc.text, extra)
                if subj:
                    out.append((i, subj))
        i += 1
    return out


def _make(
    ctx: SentenceContext,
    subject: Subject,
    attribute: str,
    value: Quantity | Place | TimeRange | Event,
    value_start: int,
    value_end: int,
    index: int,
    *,
    approximate: bool = False,
    time: TimeRange | None = None,
    scope_place: str | None = None,
    scope_event: str | None = None,
    polarity: Polarity | None = None,
    modality: Modality | None = None,
) -> Assertion:
    doc = ctx.doc
    # model_construct: every field is built here from typed values, so pydantic's validation would only cost time.
    return Assertion.model_construct(
        path=doc.path,
        subject=subject.text,
        subject_key=subject.key,
        attribute=attribute,
        value=value,
        polarity=polarity or ctx.stance.polarity(index, ctx.number_tokens),
        modality=modality or ctx.stance.modality(index, approximate=approximate),
        source=ctx.stance.source or doc.source,
        time=time,
        scope_place=scope_place,
        scope_event=scope_event,
        evidence=ctx.evidence,
        value_span=doc.span(value_start, value_end),
    )


def _scope_event(ctx: SentenceContext) -> str | None:
    lex = lexicon()
    for t in ctx.tokens:
        if t.lower in lex.event_nouns:
            return t.lower
    return None


def _claim_time(ctx: SentenceContext, a: int, b: int) -> TimeRange | None:
    """The date a clause's claims refer to ("killed on Tuesday", "as of Oct. 30"), not the date of a statement
    ("said on Nov. 13")."""
    lex = lexicon()
    for d in ctx.dates:
        i = ctx.index_containing(d.start)
        if not a <= i < b and d.relation not in ("as_of", "since"):
            continue
        before = [ctx.tokens[k].lower for k in range(max(0, i - 3), i)]
        if any(w in lex.reporting_verbs for w in before):
            continue
        return d.range
    return None


def _place_scope(ctx: SentenceContext, a: int, b: int) -> str | None:
    """Where the clause's claims happen ("killed in Sumy", "struck southern Turkey"), to keep apart tolls and
    magnitudes of events in unrelated places."""
    for p in ctx.places:
        i = ctx.index_containing(p.start)
        if a <= i < b and _locative_head(ctx, i) is not None:
            return p.place.key
    return None


# --------------------------------------------------------------------------------------------------- quantities


_LEVEL_CHANGES = frozenset({"increase", "decrease"})
_TO_LEVEL = frozenset({"to", "at", "above", "below", "from", "past"})  # "rose to 3.6%" is a level; "rose 3.6%" a change
_ELECTION_WORDS = frozenset({"vote", "votes", "ballots", "ballot", "election", "elections", "poll", "polls", "runoff",
                             "primary", "referendum", "electorate"})
_SKIPPED_DIMENSIONS = frozenset({"duration"})  # ages and elapsed times are context, not claims worth comparing


WORLDWIDE = "*worldwide"
_WORLDWIDE_WORDS = frozenset({"worldwide", "globally", "nationwide", "overall", "altogether"})


def _worldwide(tokens: Sequence[Token], after: int, clause: tuple[int, int]) -> bool:
    """"1.2m vehicles worldwide", "61 cases nationwide": a total over every place, not the figure of one place."""
    return any(t.lower in _WORLDWIDE_WORDS for t in tokens[after : min(clause[1], after + 6)])


def _owned_nouns(ctx: SentenceContext) -> set[int]:
    """Token indices of the nouns that directly follow a number ("nine deaths"): they say what *that* number
    counts, so they are no trigger for a neighbouring number."""
    out: set[int] = set()
    for q in ctx.quantities:
        j = ctx.index_at(q.end)
        for t in phrase_after(ctx.tokens, j, limit=3):
            out.add(ctx.position(t))
    return out


def _nearest_metric(ctx: SentenceContext, first: int, clause: tuple[int, int], skip: set[int]) -> str | None:
    best: tuple[float, str] | None = None
    for s, e, attr in _triggers(ctx.tokens, *clause, ctx):
        if attr in _METRIC_ATTRIBUTES or attr in _PEOPLE_ATTRIBUTES:
            if any(k in skip for k in range(s, e)):
                continue
            dist = abs(s - first)
            if best is None or dist < best[0]:
                best = (dist, attr)
    return best[1] if best else None


def quantity_assertions(ctx: SentenceContext, scope_event: str | None) -> list[Assertion]:
    lex = lexicon()
    out: list[Assertion] = []
    tokens = ctx.tokens
    lowers = {t.lower for t in tokens}
    owned = _owned_nouns(ctx)
    for q in ctx.quantities:
        dim = q.quantity.dimension
        if dim in _SKIPPED_DIMENSIONS:
            continue
        first = ctx.index_containing(q.start)
        after = ctx.index_at(q.end)
        if first > 0 and tokens[first - 1].lower in lex.age_words:
            continue  # "aged 34": a person's age, not a count
        if after + 1 < len(tokens) and tokens[after].lower == "of" and tokens[after + 1].lower in ("them", "those", "these", "which", "whom"):
            continue  # "481,000 of them in the U.S.": a part of a figure given elsewhere
        if first >= 2 and tokens[first - 1].lower in ("the", "its", "their") and tokens[first - 2].lower == "of" and (
            first - 3 in ctx.number_tokens
        ):
            continue  # "won 68 of the 126 seats": 126 is the whole, not what was won
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
        if j < len(tokens) and tokens[j].lower == "of" and dim != "money":
            j += 1
            via_of = True
            j += _skip_determiners(tokens, j)
            while j < len(tokens) and j in ctx.number_tokens:
                j += 1  # "215 of the 465 seats", "300 of its 1,400 stores"
        words = phrase_after(tokens, j)
        np_end = j + len(words)
        skip |= owned - set(range(j, np_end))  # "27 cases and nine deaths": "deaths" is nine's, not 27's
        attribute, _ = _nearest_trigger(tokens, first, np_end if words else after, clause, skip, ctx)
        metric = _nearest_metric(ctx, first, clause, skip)
        before = tokens[first - 1].lower if first > 0 else ""
        subject: Subject | None = None
        head_attr = lex.triggers.get((words[-1].lower,)) if words else None
        if words and head_attr in _PEOPLE_ATTRIBUTES and len(words) == 1:
            attribute = head_attr  # "500 dead", "2,300 casualties": the noun says what happened; who is elsewhere
        elif words and head_attr in _METRIC_ATTRIBUTES and not via_of:
            attribute = head_attr  # "1.2 million votes": whose votes is the clause's subject
            subject = _clause_subject(ctx, clause[0], first)
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
        if attribute in _LEVEL_CHANGES and (
            (before in lex.level_prepositions or before == "of") and (dim != "percent" or before in _TO_LEVEL)
        ):
            attribute = metric or lex.default_attribute.get(dim, dim)  # "rose to 2,400", "climbed above 50,000"
        if first > 0 and tokens[first - 1].lower in ("another", "additional", "further", "extra"):
            additional = True  # "another 3,000 troops"
        if additional and attribute in (None, "count"):
            attribute = "additional"
        if attribute is None:
            attribute = lex.default_attribute.get(dim, dim)
            if dim == "percent" and (lowers & _ELECTION_WORDS or scope_event in _ELECTION_WORDS):
                attribute = "vote_share"
        if attribute in _CHANGE_ATTRIBUTES and metric and metric != attribute:
            attribute = f"{attribute}:{metric}"
        if subject is not None and dim == "count" and not subject.country:
            actor = _actor_before(ctx, clause[0], first)
            if actor:
                subject = build_subject(words, ctx.doc.text, actor)
        if subject is None or (dim in ("money", "percent") and not via_of and subject.head not in lex.person_heads):
            if attribute in _PEOPLE_ATTRIBUTES:
                subject = subject or _people_subject(ctx, clause, first)
            elif dim in ("money", "percent"):
                subject = _owner(ctx, clause, first) or subject
            elif subject is None:
                subject = _clause_subject(ctx, clause[0], first)
        if subject is None or subject.head in lex.pronouns:
            continue
        subject = _with_organisation(ctx, subject, clause)
        if dim in ("money", "percent"):
            subject = _without_metric(subject, attribute)
        ctx.state.last_subject = subject
        ctx.sentence_subject = ctx.sentence_subject or subject
        out.append(
            _make(
                ctx,
                subject,
                attribute,
                q.quantity,
                q.start,
                q.end,
                first,
                approximate=q.quantity.approximate,
                time=_claim_time(ctx, *clause),
                scope_place=WORLDWIDE if _worldwide(tokens, after, clause) else _place_scope(ctx, *clause),
                scope_event=scope_event,
            )
        )
    return out


_METRIC_WORDS = frozenset({"net", "operating", "gross", "quarterly", "annual", "full-year", "total", "adjusted"})


def _without_metric(subject: Subject, attribute: str) -> Subject:
    """Drop a trailing metric noun ("profit", "net profit") from a company's key when the attribute already says
    it, so "Brightline's profit was $300 million" and "Brightline reported a profit of $300 million" line up."""
    lex = lexicon()
    words = subject.key.split()
    base = attribute.split(":")[-1]
    trimmed = list(words)
    while len(trimmed) > 1 and (lex.triggers.get((trimmed[-1],)) == base or trimmed[-1] in _METRIC_WORDS):
        trimmed.pop()
    if trimmed == words:
        return subject
    return Subject(subject.start, subject.end, subject.text, " ".join(trimmed), trimmed[-1], subject.country,
                   subject.proper)


def _with_organisation(ctx: SentenceContext, subject: Subject, clause: tuple[int, int]) -> Subject:
    """"The group would cut 4,400 jobs", "its revenue": the report's organisation, named earlier, owns the figure;
    so two reports about two companies' job cuts are not lined up as one."""
    org = ctx.state.organisation
    if org is None or subject.country or org in subject.key:
        return subject
    lex = lexicon()
    opens_with_org = " ".join(t.lower for t in ctx.tokens[: len(org.split())]) == org
    refers = opens_with_org or any(
        t.lower in ("its", "it") or (t.lower in lex.organisation_references and k > 0 and ctx.tokens[k - 1].lower == "the")
        for k, t in enumerate(ctx.tokens)
    )
    if not refers and subject.head not in lex.organisation_references:
        return subject
    key = " ".join(w for w in subject.key.split() if w not in lex.organisation_references) or subject.key
    return Subject(subject.start, subject.end, subject.text, f"{org} {key}", subject.head, subject.country,
                   subject.proper)


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
    return " ".join(w.lower for w in words)


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
    for t in ctx.tokens:
        if t.is_word and t.is_capitalised:
            words.append(t)
        elif t.text == "." and words:
            continue
        else:
            break
    if len(words) < 2 or any(_is_place_token(ctx, ctx.position(w)) for w in words):
        return
    if actor_key(ctx.tokens, 0)[0] is not None:
        return
    nxt = ctx.position(words[-1]) + 1
    if nxt < len(ctx.tokens) and ctx.tokens[nxt].is_word and not ctx.tokens[nxt].is_capitalised:
        ctx.state.organisation = " ".join(w.lower for w in words)


def _people_subject(ctx: SentenceContext, clause: tuple[int, int], index: int) -> Subject:
    """Who a bare toll counts: a nationality-led group of people nearby ("Russian troops"), else people."""
    lex = lexicon()
    for _, subj in _subjects_in(ctx, clause[0], clause[1]):
        if subj.head in lex.person_heads:
            return subj
    tok = ctx.tokens[index]
    return Subject(start=tok.start, end=tok.end, text="people", key="people", head="people")


def _owner(ctx: SentenceContext, clause: tuple[int, int], index: int) -> Subject | None:
    """Whose money or share it is: the clause's opening noun phrase, or the sentence's when the clause has none."""
    subj = _clause_subject(ctx, clause[0], index)
    if subj is None and clause[0] > 0:
        subj = _clause_subject(ctx, 0, index)
    return subj


# --------------------------------------------------------------------------------------------------- places


def location_assertions(ctx: SentenceContext) -> list[Assertion]:
    out: list[Assertion] = []
    for start, end, place, i in _located_places(ctx):
        j = _locative_head(ctx, i)
        if j is None:
            continue
        clause = clause_of(ctx.stance.clauses, i)
        chosen = _subject_before(ctx, j, clause[0])
        if chosen is None or chosen.proper:
            continue
        out.append(_make(ctx, chosen, "location", place, start, end, i))
        ctx.sentence_subject = ctx.sentence_subject or chosen
        # "40 howitzers at a depot near Belgorod": what is at the depot is near Belgorod too.
        k = ctx.index_at(chosen.start) - 1
        while k >= 0 and ctx.tokens[k].lower in lexicon().determiners:
            k -= 1
        if k >= 0 and ctx.tokens[k].lower in lexicon().locative:
            outer = _subject_before(ctx, k, 0)
            if outer is not None and not outer.proper and outer.key != chosen.key:
                out.append(_make(ctx, outer, "location", place, start, end, i))
    return out


def _located_places(ctx: SentenceContext) -> list[tuple[int, int, Place, int]]:
    """Gazetteer places, plus "Estonian airspace" / "Ukrainian territory" read as the country they belong to."""
    lex = lexicon()
    found = [(p.start, p.end, p.place, ctx.index_containing(p.start)) for p in ctx.places]
    taken = {i for *_, i in found}
    tokens = ctx.tokens
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


def _locative_head(ctx: SentenceContext, i: int) -> int | None:
    """The index of the preposition or verb that makes the place at ``tokens[i]`` a location, if any."""
    lex = lexicon()
    nxt = i + 1
    while nxt < len(ctx.tokens) and _is_place_token(ctx, nxt):
        nxt += 1
    if nxt + 1 < len(ctx.tokens) and ctx.tokens[nxt].lower == "'s" and _is_place_token(ctx, nxt + 1):
        return None  # "Russia's Kursk Oblast": the possessor is not where the subject is; the possessed place is.
    j = i - 1
    while j >= 0 and (ctx.tokens[j].lower in ("the", "'s") or _is_place_token(ctx, j)):
        j -= 1
    if j < 0:
        return None
    word = ctx.tokens[j].lower
    if word in lex.locative_verbs:
        return j
    if word not in lex.locative:
        return None
    if word in ("to", "toward", "towards", "on", "off") and not _after_movement(ctx, j):
        return None
    if ctx.stance.source and ctx.tokens[i].text in ctx.stance.source:
        return None  # "Reuters in London said": where the speaker is, not the subject
    return j


def _subject_before(ctx: SentenceContext, j: int, floor: int) -> Subject | None:
    """What a place, date or verb at ``tokens[j]`` is said of: the noun phrase before it, or "they" resolved."""
    lex = lexicon()
    floor = max([k + 1 for k in ctx.number_tokens if k < j], default=0)
    words = phrase_before(ctx.tokens, j, floor=floor)
    if not words:
        k = j - 1
        while k >= 0 and (ctx.tokens[k].lower in lex.auxiliaries or ctx.tokens[k].lower in lex.aux_adverbs):
            k -= 1
        while k >= 0 and (ctx.tokens[k].lower in ("not", "n't", "never") or _verb_like_token(ctx.tokens[k])):
            k -= 1
        if k >= 0 and ctx.tokens[k].lower in ("and", "but", "or", ","):
            # "troops remain in Kursk and have not crossed into Ukraine"; "positioned near X, not moving into Y"
            return ctx.sentence_subject
        return None
    first = ctx.position(words[0])
    # "The eruption near Grindavik began", "the sentencing of Daniel Reyes": look past the place or name.
    named = build_subject(words, ctx.doc.text)
    if named is not None and named.proper and first > 1 and ctx.tokens[first - 1].lower in lex.locative | {"of"}:
        inner = phrase_before(ctx.tokens, first - 1, floor=floor)
        inner_subject = build_subject(inner, ctx.doc.text) if inner else None
        if inner_subject is not None and not inner_subject.proper:
            words = inner
    if words[0].lower in lex.pronouns:
        return ctx.state.last_subject
    k = ctx.position(words[-1]) + 1
    subject = build_subject(words, ctx.doc.text, country_after(ctx.tokens, k))
    first = ctx.position(words[0])
    while first > 0 and ctx.tokens[first - 1].lower == "own":
        first -= 1
    if subject and first > 0 and ctx.tokens[first - 1].lower in ("its", "their"):
        owner = _sentence_owner(ctx)
        if owner:
            subject = Subject(subject.start, subject.end, subject.text, f"{owner} {subject.key}", subject.head,
                              subject.country, subject.proper)
    return subject


def _sentence_owner(ctx: SentenceContext) -> str | None:
    """The organisation a sentence opens with ("Novagen, the drugmaker, will move its headquarters"), lower-cased,
    so that "its headquarters" and "Novagen's headquarters" line up; None when it opens otherwise."""
    country, _ = actor_key(ctx.tokens, 0)
    if country:
        return gazetteer().slug(country)  # "North Korea has not completed its own ratification"
    words: list[str] = []
    for t in ctx.tokens:
        if t.is_capitalised and t.is_word and t.lower not in ("the", "a", "an", "in", "on", "at", "according"):
            if _is_place_token(ctx, ctx.position(t)):
                return None
            words.append(t.lower)
        else:
            break
    return " ".join(words) if words else None


def _verb_like_token(t: Token) -> bool:
    return t.is_word and not t.is_capitalised and (t.lower.endswith(("ing", "ed")) or t.lower in lexicon().common_verbs)


def _is_place_token(ctx: SentenceContext, j: int) -> bool:
    start = ctx.tokens[j].start
    return any(p.start <= start < p.end for p in ctx.places)


def _after_movement(ctx: SentenceContext, j: int) -> bool:
    lex = lexicon()
    return any(ctx.tokens[k].lower in lex.movement_verbs for k in range(max(0, j - 4), j))


# --------------------------------------------------------------------------------------------------- events


_PARTITIVES = frozenset({"one", "some", "most", "part", "all", "many", "several", "none", "each", "two", "three"})


_YEAR = re.compile(r"\b(1[89]|20|21)\d\d\b")
_FUTURE = frozenset({"will", "would", "shall", "is", "are", "to", "scheduled", "expected", "due"})


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


def _skip_determiners(tokens: Sequence[Token], j: int) -> int:
    """Words to skip before an object's head: determiners, and partitives ("one of the three bridges")."""
    n = 0
    lex = lexicon()
    while j + n < len(tokens):
        low = tokens[j + n].lower
        if low in lex.determiners or low.isdigit():
            n += 1
        elif low in _PARTITIVES and j + n + 1 < len(tokens) and tokens[j + n + 1].lower == "of":
            n += 2
        else:
            break
    return n


def _event_verb(tokens: Sequence[Token], i: int) -> bool:
    lex = lexicon()
    t = tokens[i]
    return t.is_word and not t.is_capitalised and t.lower in lex.event_verbs and t.lower not in lex.reporting_verbs


def _past_verb(tokens: Sequence[Token], i: int) -> bool:
    """A lower-case past-tense verb that is not a reporting verb ("granted", "struck", "annulled")."""
    lex = lexicon()
    t = tokens[i]
    if not t.is_word or t.is_capitalised or t.lower in lex.reporting_verbs or t.lower in lex.auxiliaries:
        return False
    return _event_verb(tokens, i) or (t.lower.endswith("ed") and len(t.lower) > 4)


def _aux_start(tokens: Sequence[Token], verb: int) -> int | None:
    """The first auxiliary of the verb group ending at ``verb`` ("would be held" -> "would"), if there is one."""
    lex = lexicon()
    k = verb - 1
    first = None
    while k >= 0 and not tokens[k].is_capitalised and (
        tokens[k].lower in lex.auxiliaries or tokens[k].lower in lex.aux_adverbs
    ):
        if tokens[k].lower in lex.auxiliaries:
            first = k
        k -= 1
    return first


def _noun_before(tokens: Sequence[Token], i: int) -> bool:
    """Whether ``tokens[i]`` ("that") follows a noun, making it a relative pronoun rather than "said that"."""
    if i == 0:
        return False
    prev = tokens[i - 1]
    lex = lexicon()
    return prev.is_word and prev.lower not in lex.reporting_verbs and not prev.lower.endswith("ed")


def _event_subject(ctx: SentenceContext, verb: int, floor: int) -> Subject | None:
    """What an event verb is about: for a passive or an intransitive verb the phrase before it ("the rerun ...
    will be held", "the eruption ... began"), for a transitive verb the thing acted on ("signed a treaty",
    "granted bail"). An object that is a place ("struck southern Turkey") is where, not what."""
    tokens = ctx.tokens
    aux = _aux_start(tokens, verb)
    chain = {tokens[m].lower for m in range(aux, verb)} if aux is not None else set()
    passive = bool(chain & _BE) and _is_past(tokens[verb].lower)
    if not passive:
        j = verb + 1
        j += _skip_determiners(tokens, j)
        if j < len(tokens) and not _is_place_token(ctx, j) and j not in ctx.number_tokens:
            obj = phrase_after(tokens, j, limit=4)
            subject = build_subject(obj, ctx.doc.text) if obj else None
            if subject is not None and not subject.proper:
                return subject
    head = aux if aux is not None else verb
    a, _ = clause_of(ctx.stance.clauses, verb)
    if a > 0 and (tokens[a].lower == "which" or (tokens[a].lower == "that" and _noun_before(tokens, a))):
        # "The pact, which Putin and Kim signed in September": the relative pronoun stands for the sentence's
        # subject, whoever the agents inside the clause are.
        return _clause_subject(ctx, 0, a)
    # "the treaty that Putin and Kim signed": the agents are names (with titles); what was signed is before "that".
    k = head - 1
    while k > max(0, head - 10) and (
        tokens[k].is_capitalised or tokens[k].lower in ("and", "'s") or tokens[k + 1].is_capitalised
    ):
        k -= 1
    if k < head - 1 and tokens[k].lower in ("that", "which"):
        return _subject_before(ctx, k, 0)
    return _subject_before(ctx, head, floor)


def date_assertions(ctx: SentenceContext) -> list[Assertion]:
    """"Signed ... in June": the date an event is said to have happened, keyed by what was signed."""
    lex = lexicon()
    out: list[Assertion] = []
    for d in ctx.dates:
        if d.relation != "on":
            continue
        i = ctx.index_containing(d.start)
        a, b = clause_of(ctx.stance.clauses, i)
        verb = None
        for k in range(i - 1, max(a, i - 9) - 1, -1):
            if (_past_verb(ctx.tokens, k) or _event_verb(ctx.tokens, k)) and not (
                k > 0 and ctx.tokens[k - 1].lower in lex.determiners
            ):
                verb = k
                break
        if verb is None:
            continue
        subject = _event_subject(ctx, verb, a)
        if subject is None or subject.head in lex.pronouns or subject.proper:
            continue
        predicate, _ = _predicate(ctx.tokens, verb)
        out.append(_make(ctx, subject, f"when:{predicate}", _past_if_past_tense(ctx, verb, d), d.start, d.end, i))
    return out


_BE = frozenset({"was", "were", "is", "are", "been", "be", "being"})
_NOT = frozenset({"not", "n't", "never"})


def event_assertions(ctx: SentenceContext) -> list[Assertion]:
    """Whether something happened: "was (not) disconnected", "did not grant bail", "granted bail", "is expanding
    a weapons complex". Polarity comes from the clause, so "did not" and "denied that ... had been" negate.

    Passives and negated verb groups are taken for any verb (they state an event explicitly); bare and progressive
    verbs only when the lexicon lists them as events, which keeps "said", "guided" and "serving" out."""
    lex = lexicon()
    out: list[Assertion] = []
    tokens = ctx.tokens
    for k in range(1, len(tokens)):
        t = tokens[k]
        if not t.is_word or t.is_capitalised:
            continue
        verb = t.lower
        prev = tokens[k - 1].lower
        verdict = verb == "found" and any(x.lower == "guilty" for x in tokens[k + 1 : k + 8])
        listed = verb in lex.event_verbs or verdict
        if not (listed or verb.endswith("ed") or prev in lex.auxiliaries or prev in lex.aux_adverbs):
            continue
        if verb in lex.reporting_verbs or verb in lex.auxiliaries or verb in lex.nominal_ing:
            continue
        if verb in lex.stop_after_number or verb in lex.locative or verb in lex.determiners or not verb.isalpha():
            continue  # "are not in Kursk": a preposition, not an event
        aux = _aux_start(tokens, k)
        chain = {tokens[m].lower for m in range(aux, k)} if aux is not None else set()
        past = _is_past(verb)
        passive = bool(chain & _BE) and past
        negated = bool(chain & _NOT)
        if aux is None:
            # A listed past verb right after a noun ("A judge granted bail"), never an adjective ("the detained man").
            if not (listed and past) or not tokens[k - 1].is_word:
                continue
            if not tokens[k - 1].is_capitalised and (
                prev in lex.determiners or prev in lex.stop_after_number or prev in lex.locative
            ):
                continue
        elif not (passive or negated or listed or _progressive_with_object(tokens, k, chain)):
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
        out.append(_make(ctx, subject, f"happened:{predicate}", Event(predicate=predicate, text=t.text), start, t.end,
                         k, polarity=polarity))
    return out


def _progressive_with_object(tokens: Sequence[Token], k: int, chain: set[str]) -> bool:
    """"is enlarging an enrichment plant": a be-verb, an -ing form and an object -- an ongoing event, whatever verb."""
    return (
        bool(chain & _BE)
        and tokens[k].lower.endswith("ing")
        and k + 1 < len(tokens)
        and tokens[k + 1].lower in ("a", "an", "the", "its", "their", "his", "her")
    )


def _is_past(verb: str) -> bool:
    """A past form: "-ed", a listed irregular, or a word whose base form differs ("stole" -> "steal")."""
    if verb.endswith("ed") or verb in lexicon().irregular_verbs:
        return True
    return not verb.endswith(("s", "ing")) and verb_lemma(verb) != verb


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
        found = _triggers(ctx.tokens, e, len(ctx.tokens), ctx)
        if not found:
            continue
        ts, te, attr = found[0]
        if any(x.modality == Modality.CANNOT_CONFIRM and x.attribute == attr for x in made):
            continue
        subjects = [subj for si, subj in _subjects_in(ctx, 0, len(ctx.tokens))]
        subject = subjects[-1] if subjects else ctx.state.last_subject
        if subject is None and attr in _PEOPLE_ATTRIBUTES:
            subject = _people_subject(ctx, (a, b), s)  # "could not confirm the deaths": of people
        if subject is None:
            continue
        start, end = ctx.tokens[s].start, ctx.tokens[te - 1].end
        out.append(
            _make(ctx, subject, attr, Event(predicate=attr, text=ctx.doc.text[start:end]), start, end, s,
                  polarity=Polarity.AFFIRMED, modality=Modality.CANNOT_CONFIRM)
        )
    return out


def sentence_assertions(ctx: SentenceContext) -> list[Assertion]:
    """Every assertion of one sentence, in reading order of kinds: numbers, places, dates, events, refusals."""
    if not ctx.tokens:
        return []
    scope_event = _scope_event(ctx)
    remember_organisation(ctx)
    made: list[Assertion] = []
    made += quantity_assertions(ctx, scope_event)
    made += location_assertions(ctx)
    made += date_assertions(ctx)
    made += event_assertions(ctx)
    made += refusal_assertions(ctx, made)
    subjects = _subjects_in(ctx, 0, len(ctx.tokens))
    if subjects:
        ctx.state.last_subject = subjects[-1][1]
    return made
