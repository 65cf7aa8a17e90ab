"""What every assertion rule of a sentence shares: the sentence context, and the look-ups the rules ask of it.

A ``SentenceContext`` holds one sentence's tokens, stance and value matches with the indexes the rules need
(token positions, the tokens that belong to numbers, the predicate triggers); the functions here answer the
questions the quantity, place and event rules all ask: what noun phrase stands before a word, which clause opens
with which subject, which triggers are near a number, and how an ``Assertion`` is built from all that.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Sequence

from checker.extract.lexicon import english_word, lexicon, verb_lemma
from checker.extract.places import gazetteer
from checker.extract.stance import SentenceStance, clause_of
from checker.extract.subjects import (
    Subject,
    actor_key,
    build_subject,
    country_after,
    phrase_after,
    phrase_before,
    plural_noun,
    verb_after_plural,
)
from checker.extract.tokens import Token
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
    Table,
    TableRow,
    TimeRange,
)

PEOPLE_ATTRIBUTES = frozenset({"killed", "injured", "missing", "displaced", "evacuated", "arrested", "casualties"})
CHANGE_ATTRIBUTES = frozenset({"increase", "decrease", "lost", "gained"})
METRIC_ATTRIBUTES = frozenset({"revenue", "profit", "loss", "price", "cost", "votes", "turnout", "cases", "vaccinated"})
MAX_WINDOW = 10


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
    table: Table | None = None  # a table row's table (``tables.table_assertions`` reads the row, not a sentence)
    row: TableRow | None = None

    number_tokens: frozenset[int] = frozenset()
    sentence_subject: Subject | None = None
    triggers: list[tuple[int, int, str]] = field(default_factory=list)
    _subjects: list[tuple[int, Subject]] | None = None
    _evidence: Span | None = None
    _place_tokens: frozenset[int] | None = None

    @property
    def evidence(self) -> Span:
        """The sentence's span in the raw file, shared by every assertion the sentence makes."""
        if self._evidence is None:
            self._evidence = self.doc.span(self.sentence.start, self.sentence.end)
        return self._evidence

    def __post_init__(self) -> None:
        self.starts = [t.start for t in self.tokens]
        triggers = triggers_in(self.tokens, 0, len(self.tokens))
        self.triggers = [t for t in triggers if not self._bounds_a_time(t[1])] if triggers and self.dates else triggers
        self.number_tokens = frozenset(
            k for q in self.quantities for k in range(self.index_containing(q.start), self.index_at(q.end))
        )

    def _bounds_a_time(self, e: int) -> bool:
        """Whether the trigger ending before ``tokens[e]`` is "up" of a period's end, not a rise: "in the 24 hours
        up to Monday morning", "the week up until Friday" (a named day or month, not a bare year)."""
        tokens = self.tokens
        if e + 1 >= len(tokens) or tokens[e].lower not in ("to", "until", "till") or not self.dates:
            return False
        at = tokens[e + 1].start
        return any(d.start == at and not self.doc.text[d.start : d.end].isdigit() for d in self.dates)

    def index_at(self, offset: int) -> int:
        """Index of the token that starts at or after ``offset``."""
        return bisect.bisect_left(self.starts, offset)

    def position(self, token: Token) -> int:
        """The index of ``token`` in the sentence (by its offset: tokens never share a start)."""
        return bisect.bisect_left(self.starts, token.start)

    def clauses_first_place(self) -> str | None:
        """The place of an opening phrase such as "In Haiti," or "Across the region of X," (first clause only)."""
        if not self.stance.clauses or not self.places:
            return None
        a, b = self.stance.clauses[0]
        if a != 0 or b - a > 6 or self.tokens[0].lower not in ("in", "across", "throughout", "inside"):
            return None
        for p in self.places:
            if self.index_containing(p.start) < b:
                return p.place.key
        return None

    def index_containing(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.starts, offset) - 1)

    @property
    def place_tokens(self) -> frozenset[int]:
        """Indices of the tokens that start inside a place the sentence names, found once per sentence."""
        if self._place_tokens is None:
            self._place_tokens = frozenset(
                k for p in self.places for k in range(self.index_at(p.start), self.index_at(p.end))
            )
        return self._place_tokens


# --------------------------------------------------------------------------------------------------- helpers


def triggers_in(tokens: Sequence[Token], a: int, b: int, ctx: "SentenceContext | None" = None) -> list[tuple[int, int, str]]:
    """(start index, end index, attribute) of every predicate trigger in ``tokens[a:b]``."""
    lex = lexicon()
    if ctx is not None:
        return [t for t in ctx.triggers if a <= t[0] and t[1] <= b]
    lowers = [t.lower for t in tokens]
    return [(s, e, lex.triggers[tuple(lowers[s:e])]) for s, e in lex.trigger_phrases.find(lowers, a, b)]


def nearest_trigger(
    tokens: Sequence[Token],
    q_first: int,
    q_after: int,
    clause: tuple[int, int],
    skip: set[int],
    ctx: "SentenceContext | None" = None,
) -> tuple[str | None, str | None, int | None]:
    """The attribute named nearest to a number within its clause, a metric named with it, and where the attribute's
    trigger starts.

    A trigger after the counted phrase ("500 people were killed") wins over one before ("killing 500 people") at
    the same distance, since English puts the predicate after its subject more often than not.
    """
    a, b = clause
    lo, hi = max(a, q_first - MAX_WINDOW), min(b, q_after + MAX_WINDOW)
    best: tuple[float, str, int] | None = None
    metric: str | None = None
    for s, e, attr in triggers_in(tokens, lo, hi, ctx):
        if any(k in skip for k in range(s, e)):
            continue
        dist = s - q_after if s >= q_after else q_first - e + 0.5
        if attr in METRIC_ATTRIBUTES and metric is None:
            metric = attr
        if best is None or dist < best[0]:
            best = (dist, attr, s)
    if best is None:
        return None, metric, None
    return best[1], metric, best[2]


_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")  # "3rd": a rank, read like a determiner
_ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th"})


def _ordinal_part(tokens: Sequence[Token], i: int) -> bool:
    """Whether ``tokens[i]`` is a written rank or part of one ("3rd"; "14" and "th" of "14th", which the tokenizer
    splits)."""
    t = tokens[i]
    if _ORDINAL.fullmatch(t.lower):
        return True
    if t.text.isdigit():
        return i + 1 < len(tokens) and tokens[i + 1].lower in _ORDINAL_SUFFIXES and tokens[i + 1].start == t.end
    return t.lower in _ORDINAL_SUFFIXES and i > 0 and tokens[i - 1].text.isdigit() and tokens[i - 1].end == t.start


# Words that open a clause without being part of its noun phrase, besides the clause breakers ("but its majority fell")
_JOINING_WORDS = frozenset({"and", "or", "as", "with"})


def clause_subject(ctx: SentenceContext, a: int, b: int) -> Subject | None:
    """The noun phrase a clause opens with ("The earthquake struck ..."), if it opens with one; past a speaker and
    the reporting verb, the reported clause's ("Officials said sea ice covered 1.79 million sq km": the sea ice)."""
    lex = lexicon()
    a = _reported_clause_start(ctx, a, b)
    i = a
    while i < b and (
        ctx.tokens[i].lower in lex.determiners
        or (i == a and (ctx.tokens[i].lower in lex.clause_breakers or ctx.tokens[i].lower in _JOINING_WORDS))
        or not ctx.tokens[i].is_word
        or i in ctx.number_tokens
        or ctx.tokens[i].lower in lex.figure_qualifiers
        or ((ctx.tokens[i].text[0].isdigit() or ctx.tokens[i].lower in _ORDINAL_SUFFIXES)
            and _ordinal_part(ctx.tokens, i))  # "The 14th stage of the race covered 187 km"
    ):
        i += 1
    if i >= b:
        return None
    i = _past_dated_possessive(ctx, i, b)
    if i == a and a > 1 and is_verb(ctx.tokens, i):
        opening = aside_opening(ctx.tokens, a - 1)
        if opening is not None and opening > 0:
            # "Olive oil output in Spain, the world's biggest producer, halved to 660,000 tonnes": the clause the
            # aside cut opens with the verb's subject
            start = clause_of(ctx.stance.clauses, opening - 1)[0]
            if start < opening:
                return clause_subject(ctx, start, opening)
    words = phrase_after(ctx.tokens, i, limit=4)
    if not words:
        return None
    w = words[0]
    if (w.is_word and not w.is_capitalised and w.lower.endswith("ing") and w.lower not in lex.nominal_ing
            and i + 1 < b and (ctx.tokens[i + 1].lower in lex.determiners or ctx.tokens[i + 1].lower in lex.pronouns)):
        return None  # "..., bringing its presence to 40,000": a participle's clause has no subject of its own
    if words[0].lower in lex.pronouns:
        return ctx.state.last_subject
    subject = build_subject(words, ctx.doc.text)
    if subject is not None and i > a and ctx.tokens[i - 1].lower in ("its", "their") and not subject.proper:
        # (a name is its own: "Its rival Pinecrest Logistics reported ..." is Pinecrest's, whoever's rival)
        owner = sentence_owner(ctx)  # "Labour held the seat, but its majority fell": Labour's majority
        if owner and owner not in subject.key:
            subject = with_owner(subject, owner)
    return subject


def _past_dated_possessive(ctx: SentenceContext, i: int, b: int) -> int:
    """Past a date in the possessive at ``tokens[i]`` ("Last month's rainfall", "Tuesday's vote"): a time, not whose
    the thing is; the noun phrase starts after it."""
    start = ctx.tokens[i].start
    for d in ctx.dates:
        if d.start <= start < d.end:
            k = ctx.index_at(d.end)
            if k < b - 1 and ctx.tokens[k].lower == "'s":
                return k + 1
    return i


def _reported_clause_start(ctx: SentenceContext, a: int, b: int) -> int:
    """Where the clause a reporting verb in ``tokens[a:b]`` introduces starts ("Investigators said [that] the ship
    was travelling at 18 knots"), when a verb of its own follows before ``b``; else ``a``. A reporting verb with a
    plain object ("reported revenue of $4bn") introduces no clause, nor one opening with a pronoun."""
    tokens = ctx.tokens
    lex = lexicon()
    for k in range(a + 1, b - 2):
        t = tokens[k]
        if t.lower not in lex.reporting_verbs or t.is_capitalised or tokens[k - 1].lower in ("to", "according"):
            continue
        j = k + 1
        if tokens[j].lower == "that":
            j += 1
        if j >= b or any(not tokens[m].is_word and tokens[m].text != "'s" for m in range(j, b)):
            continue  # (a clause only up to the figure, unbroken: "said on Thursday, as it posted ...")
        if tokens[j].lower not in lex.pronouns and tokens[j].lower not in lex.locative and any(
            is_verb(tokens, m) for m in range(j + 1, b)
        ):
            return j  # (not "said it could not print 30 million ballots": whose "it" is, the speaker tells)
    return a


def actor_before(ctx: SentenceContext, a: int, index: int) -> str | None:
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


def subjects_in(ctx: SentenceContext, a: int, b: int) -> list[tuple[int, Subject]]:
    """Noun phrases led by a nationality or actor ("North Korean troops", "Russia's forces") in ``tokens[a:b]``."""
    if ctx._subjects is None:
        ctx._subjects = find_subjects(ctx)
    return [(i, s) for i, s in ctx._subjects if a <= i < b]


def find_subjects(ctx: SentenceContext) -> list[tuple[int, Subject]]:
    tokens = ctx.tokens
    a, b = 0, len(tokens)
    out: list[tuple[int, Subject]] = []
    i = a
    head_words = lexicon().head_synonym
    while i < b:
        t = tokens[i]
        if not t.is_capitalised and t.lower not in ("u.s.", "us") and (t.lower,) not in head_words:
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


def make_assertion(
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
    predicate: str | None = None,
    expected: bool = False,
    thing: str | None = None,
    rule: str = "",
) -> Assertion:
    doc = ctx.doc
    entities, rest = frame_parts(subject)
    if subject.proper and not entities and thing and thing != subject.key:
        entities = (subject.key,)  # "Pinecrest Logistics reported revenue of $2.1 billion": the name's revenue
    # model_construct: every field is built here from typed values, so pydantic's validation would only cost time.
    return Assertion.model_construct(
        path=doc.path,
        subject=subject.text,
        subject_key=subject.key,
        attribute=attribute,
        value=value,
        thing=thing or rest or subject.head,
        entities=entities,
        predicate=predicate,
        expected=expected,
        rule=rule,
        polarity=polarity or ctx.stance.polarity(index, ctx.number_tokens),
        modality=modality or ctx.stance.modality(index, approximate=approximate),
        source=ctx.stance.source or doc.source,
        time=time,
        scope_place=scope_place,
        scope_event=scope_event,
        evidence=ctx.evidence,
        value_span=doc.span(value_start, value_end),
    )


def frame_parts(subject: Subject) -> tuple[tuple[str, ...], str]:
    """A subject key split into its entities (the leading words that say whose: "north-korea", "northwind") and the
    thing itself ("troops", "operating profit"): the key is built entities first, so the split is a prefix cut."""
    rest = subject.key
    for entity in subject.entities:
        if rest.startswith(entity + " "):
            rest = rest[len(entity) + 1 :]
        elif rest == entity:
            rest = ""
    return subject.entities, rest


def with_owner(subject: Subject, owner: str) -> Subject:
    """The subject owned by a named organisation or country ("its headquarters" of Novagen): key and entities."""
    return Subject(subject.start, subject.end, subject.text, f"{owner} {subject.key}", subject.head, subject.country,
                   subject.proper, (owner, *subject.entities))


PARTICLES = frozenset({"off", "up", "down", "out", "back", "over"})
_PARTICLES = PARTICLES


def clause_predicate(ctx: SentenceContext, first: int, np_end: int, clause: tuple[int, int]) -> str | None:
    """The lemma of the verb that says what happened to a value's thing: the verb group after its noun phrase
    ("12 homes were destroyed"), else the verb before it ("killing 12 people", "destroyed 12 homes"). None for a
    linking or reporting verb ("was 61%", "stood at", "said"): those say nothing happened."""
    lex = lexicon()
    a, b = clause
    tokens = ctx.tokens
    # (only for a figure before any verb of its clause: "cut infections by 68% in a trial involving ..." is not)
    k = np_end
    if np_end < b and tokens[np_end].lower in _SUBJECT_PREPOSITIONS and not any(
        is_verb(tokens, m) for m in range(a, first)
    ):
        k = _past_phrase_of_subject(ctx, np_end, b)
    while k < b and (tokens[k].lower in lex.auxiliaries or tokens[k].lower in lex.aux_adverbs or tokens[k].lower in NOT_WORDS):
        k += 1
    if k == np_end and k < b and is_verb(tokens, k) and not any(is_verb(tokens, m) for m in range(a, first)):
        k = _past_reduced_relative(ctx, k, b)
    participle = _noun_participle(ctx, first, a)
    if participle is not None:
        return participle  # "a ferry carrying 250 passengers capsized": what the ferry carried, not capsized
    candidates = [k] if k < b else []
    # A figure a change went to or from ("rose 6% this season to 31,400") may stand further from its verb.
    # So may the second of two objects of one verb ("recovered £48,000 in cash and 3 kg of cannabis").
    before = tokens[first - 1].lower if first > 0 else ""
    reach = 8 if before in lex.level_prepositions else 10 if before in ("and", "or") else 5
    if before in lex.level_prepositions:
        # the figure of a change before the level counts for no distance: "will rise by 1.1 million barrels per day
        # next year to 104.3 million"
        reach += sum(1 for m in range(max(a, first - reach - 4), first) if m in ctx.number_tokens)
    candidates += range(first - 1, max(a, first - reach) - 1, -1)
    measured = _measured_phrase(ctx, first, a)
    for j in candidates:
        if j in measured:
            continue  # "against a target of 18 minutes", "below the pass mark of 140": nouns, not verbs
        if 0 < j < first and tokens[j].lower in _PARTICLES and is_verb(tokens, j - 1):
            j -= 1  # "laid off 230 teachers": the verb of a phrasal verb
        after_plural = j > first and j == np_end and plural_noun(tokens[j - 1]) and verb_after_plural(tokens[j].lower)
        if j in ctx.number_tokens or not (
            is_verb(tokens, j) or _present_verb_before(ctx, j, first) or _participle_before(ctx, j, first)
            or after_plural  # "1.2 million candidates sat the exam"
        ) or _modifies_noun(ctx, j, first):
            continue
        lemma = verb_lemma(tokens[j].lower)
        if lemma == tokens[j].lower and lemma.endswith("ing"):
            lemma = ing_base(lemma)  # "grounding" is a noun to the lemma table; as a verb, "ground"
        # A reporting verb right before its figure has it as object: "employers added 175,000 jobs" (a figure a
        # reporting verb introduces, "said 12 people were hurt", has its own verb after it, tried first).
        object_next = j < first and _only_determiners(tokens, j + 1, first)
        reporting = tokens[j].lower in lex.reporting_verbs and not object_next
        if j > 0 and tokens[j - 1].lower in BE_FORMS and j + 3 < b and j + 3 <= first and (
            raised := _infinitive(tokens, j + 1, b)
        ) and raised not in lex.linking_verbs and j + 2 not in ctx.number_tokens and (
            j + 3 in ctx.number_tokens or tokens[j + 3].lower in lex.determiners or tokens[j + 3].lower in _TO_LEVEL
        ):
            # "Coffee output is forecast to fall 6%", "Fares are projected to rise 4%": a passive verb of saying or
            # expecting only frames the verb after "to", which says what happens to the figure's thing
            return raised
        if lemma in lex.linking_verbs or reporting:
            return None
        if lemma in lex.control_verbs:
            # "plans to produce 1.5 million drones", "forced 40 schools to close": the verb after "to"
            lemma = _infinitive(tokens, j + 1, b) or (j < first and _infinitive(tokens, np_end, b)) or (
                _infinitive_past_object(ctx, j, first)) or lemma
            if lemma in lex.linking_verbs:
                return None  # "are expected to be between $9.1 billion and $9.4 billion": a linking verb still
        return lemma
    return None


def _measured_phrase(ctx: SentenceContext, first: int, a: int) -> range:
    """The words of the noun phrase a figure measures through "of", when a determiner or a possessive opens it ("a
    target of 18 minutes", "the government's target of about 5%", "the pass mark of 140"): none is a verb."""
    tokens = ctx.tokens
    if first < 2 or tokens[first - 1].lower != "of":
        return range(0)
    lex = lexicon()
    m = first - 2
    while m > a and m > first - 6 and tokens[m].is_word and tokens[m].lower not in lex.determiners:
        if m < first - 2 and is_verb(tokens, m) and not (m > a and tokens[m - 1].lower in lex.determiners):
            return range(0)  # "imposed duties of 38%": the verb before the phrase ("the pass mark": a noun's)
        m -= 1
    if m < a or not (tokens[m].lower in lex.determiners or tokens[m].lower == "'s") or m == first - 2:
        return range(0)
    return range(m + 1, first - 1)


def _past_reduced_relative(ctx: SentenceContext, k: int, b: int) -> int:
    """The verb a figure's noun phrase is the subject of, past a participle phrase that only describes the noun:
    "137 pupils abducted from a school in March have been freed" (freed, not abducted), "300 workers building
    the dam have walked out"; that verb is the one after the clause's next auxiliary, unless it is a linking verb
    ("40 people killed in the attack were soldiers": killed). ``k`` when there is none."""
    tokens = ctx.tokens
    lex = lexicon()
    for m in range(k + 1, min(b, k + 12)):
        low = tokens[m].lower
        if not tokens[m].is_word or m in ctx.number_tokens and m > k + 1 and tokens[m - 1].lower in ("and", "or"):
            return k  # a comma or a second figure: no longer the participle's phrase
        if low in ("who", "which", "that"):
            return k
        if low not in lex.auxiliaries:
            continue
        n = m + 1
        while n < b and (tokens[n].lower in lex.auxiliaries or tokens[n].lower in lex.aux_adverbs or (
            tokens[n].lower in NOT_WORDS
        )):
            n += 1
        verb = tokens[n].lower if n < b else ""
        if is_verb(tokens, n) and (verb.endswith(("ed", "en", "ing")) or verb in lex.irregular_verbs) and (
            verb_lemma(verb) not in lex.linking_verbs
        ):
            return n
        return k
    return k


def _noun_participle(ctx: SentenceContext, first: int, a: int) -> str | None:
    """The lemma of an -ing participle right before a figure (determiners between) that follows a noun: "a ferry
    carrying 250 passengers", "swarms covering 2,400 sq km" (the participle's object is the figure)."""
    tokens = ctx.tokens
    lex = lexicon()
    j = first - 1
    while j > a and tokens[j].lower in lex.determiners:
        j -= 1
    if j <= a or not tokens[j].lower.endswith("ing") or not is_verb(tokens, j):
        return None
    if tokens[j].lower in lex.measure_participles:
        return None  # "a meteorite weighing 14 kg", "losses totalling £48m": a measure, not an event
    noun = tokens[j - 1]
    if not noun.is_word or noun.lower in lex.determiners or noun.lower in lex.auxiliaries or is_verb(tokens, j - 1):
        return None
    if noun.lower in NOT_WORDS or noun.lower in lex.stop_after_number or noun.lower in lex.locative:
        return None
    return verb_lemma(tokens[j].lower)


_SUBJECT_PREPOSITIONS = frozenset({"in", "of", "for", "at", "from", "on", "across"})


def _past_phrase_of_subject(ctx: SentenceContext, k: int, end: int) -> int:
    """Past a short prepositional phrase closing a figure's noun phrase, to the verb after it ("72% of pupils in
    England passed", "2,300 bolts of lightning hit Sydney"): the index after the phrase when a verb or an
    auxiliary follows it, else ``k``."""
    tokens = ctx.tokens
    lex = lexicon()
    if k >= end or tokens[k].lower not in _SUBJECT_PREPOSITIONS:
        return k
    m = k + 1
    while m < end and m - k <= 5 and tokens[m].is_word and m not in ctx.number_tokens and not is_verb(tokens, m) and (
        tokens[m].lower in lex.determiners or tokens[m].lower not in lex.stop_after_number
    ):
        m += 1
    if m == k + 1 or m >= end:
        return k
    return m if is_verb(tokens, m) or tokens[m].lower in lex.auxiliaries else k


def _modifies_noun(ctx: SentenceContext, j: int, first: int) -> bool:
    """Whether the -ing or -ed word at ``tokens[j]``, after a determiner or a verb, is an adjective of the noun after
    it, the noun a figure measures through "of" ("an operating loss of 38 million pesos", "imposed rolling
    blackouts of up to 10 hours"), rather than a verb acting on it ("cutting demand by 3,000 megawatts")."""
    tokens = ctx.tokens
    lex = lexicon()
    if j == 0 or j >= first or j + 1 >= first or not tokens[j].lower.endswith(("ing", "ed")):
        return False
    if not (tokens[j - 1].lower in lex.determiners or is_verb(tokens, j - 1)):
        return False  # inside a noun phrase only ("Commuters faced delays of up to 90 minutes": a verb)
    noun = tokens[j + 1]
    if not noun.is_word or noun.is_capitalised or noun.lower in lex.stop_after_number or noun.lower in lex.determiners:
        return False
    if verb_like_token(noun):
        return False
    if is_verb(tokens, j - 1) and tokens[j].lower.endswith("ing"):
        return True  # "will raise parking fees by 10%": the object's adjective, after its verb
    rest = [t.lower for t in tokens[j + 2 : first]]
    return bool(rest) and rest[0] == "of" and all(w in ("of", "up", "to") or w in lex.figure_qualifiers for w in rest)


# What may follow a verb that acts on a figure: "forecast to fall 6%", "expected to rise by 4%", "to reach a record"
# ("sentenced to life in prison": no verb after "to").
_TO_LEVEL = frozenset({"by", "to", "from", "at", "above", "below"})


def _infinitive(tokens: Sequence[Token], k: int, end: int) -> str | None:
    """The lemma of the verb of "to <verb>" at ``tokens[k]``, if it stands there."""
    if k + 1 >= end or tokens[k].lower != "to":
        return None
    t = tokens[k + 1]
    if not t.is_word or t.is_capitalised or not t.lower.isalpha() or t.lower in lexicon().determiners:
        return None
    return verb_lemma(t.lower)


def _infinitive_past_object(ctx: SentenceContext, j: int, first: int) -> str | None:
    """The verb of "to <verb>" after a control verb's object, when the figure is that verb's own object: "Bird flu
    has forced farmers to cull 4.5 million chickens" (cull), "urged residents to boil ..."; the object is a short
    phrase of words, no figure or punctuation."""
    tokens = ctx.tokens
    for k in range(j + 2, min(j + 5, first - 1)):
        if tokens[k].lower == "to":
            if first != k + 2 or not _only_words(ctx, j + 1, k):
                return None  # the figure right after the infinitive: "to cull 4.5 million"
            return _infinitive(tokens, k, first + 1)
    return None


def _only_words(ctx: SentenceContext, a: int, b: int) -> bool:
    return all(ctx.tokens[m].is_word and m not in ctx.number_tokens for m in range(a, b))


def _only_determiners(tokens: Sequence[Token], a: int, b: int) -> bool:
    """Whether ``tokens[a:b]`` hold no word but determiners ("controls [the] 87 seats")."""
    determiners = lexicon().determiners
    return all(not x.is_word or x.lower in determiners for x in tokens[a:b])


def ing_base(word: str) -> str:
    """The base form of an -ing verb the lemma table reads as a noun: "grounding" -> "ground", "cutting" -> "cut",
    "housing" -> "house"; the word itself when no English base is found."""
    stem = word[:-3]
    candidates = [stem[:-1]] if len(stem) > 2 and stem[-1] == stem[-2] else []
    candidates += [stem, stem + "e"]
    return next((c for c in candidates if len(c) > 1 and english_word(c)), word)


def _participle_before(ctx: SentenceContext, j: int, first: int) -> bool:
    """"killing at least 41 people", "injuring 32": an -ing word that can be a noun ("the killing of") is a verb
    right before a figure, when no determiner stands before it; so is any -ing word opening a clause after a comma
    (", grounding 140 flights")."""
    tokens = ctx.tokens
    t = tokens[j]
    if j >= first or not t.lower.endswith("ing") or not t.is_word or t.is_capitalised:
        return False
    after_comma = j > 0 and tokens[j - 1].text == "," and t.lower not in lexicon().ing_prepositions
    # (", grounding 140 flights": any -ing word opening a clause, but ", including 12 depots" is a preposition)
    if t.lower not in lexicon().nominal_ing and not after_comma:
        return False
    if not _only_determiners(tokens, j + 1, first) and not (after_comma and _object_then_level(ctx, j + 1, first)):
        return False
    return j == 0 or tokens[j - 1].lower not in lexicon().determiners


def _object_then_level(ctx: SentenceContext, a: int, first: int) -> bool:
    """Whether ``tokens[a:first]`` is a short object and the word that gives the figure as its level or change:
    ", cutting demand by 3,000 megawatts", ", lifting its stake to 40%"."""
    tokens = ctx.tokens
    lex = lexicon()
    between = tokens[a:first]
    return 2 <= len(between) <= 5 and between[-1].lower in _TO_LEVEL and all(
        t.is_word and not is_verb(tokens, a + n) and a + n not in ctx.number_tokens for n, t in enumerate(between[:-1])
    ) and between[0].lower not in lex.stop_after_number


def _present_verb_before(ctx: SentenceContext, j: int, first: int) -> bool:
    """"The coalition controls 87 seats", "drought covers 62% of Spain": a lower-case word in -s right before the
    figure (or a determiner between) after a noun phrase, whose verb lemma differs: a present-tense verb."""
    tokens = ctx.tokens
    t = tokens[j]
    low = t.lower
    if j == 0 or j >= first or not t.is_word or t.is_capitalised or not low.isalpha() or not low.endswith("s"):
        return False
    if low.endswith(("ss", "us", "is", "ous")) or low in lexicon().determiners or low in lexicon().stop_after_number:
        return False
    if not _only_determiners(tokens, j + 1, first):
        return False
    prev = tokens[j - 1]
    if not prev.is_word or prev.lower in lexicon().determiners or prev.lower in lexicon().locative:
        return False  # "the controls", "in charges": a noun
    return verb_lemma(low) != low


def is_verb(tokens: Sequence[Token], j: int) -> bool:
    """A word that can only be read as a verb here: a lower-case past or -ing form, a listed event or common verb,
    or a word after an auxiliary ("will cut")."""
    t = tokens[j]
    if not t.is_word or t.is_capitalised or not t.lower.isalpha():
        return False
    lex = lexicon()
    low = t.lower
    if low in lex.determiners or low in lex.locative or low in lex.stop_after_number or low in lex.nominal_ing:
        return False
    if low in lex.event_verbs or low in lex.irregular_verbs or low in lex.common_verbs or low in lex.reporting_verbs:
        return True
    if j > 0 and tokens[j - 1].lower in lex.auxiliaries:
        return True
    if j > 1 and tokens[j - 1].lower in NOT_WORDS and tokens[j - 2].lower in lex.auxiliaries:
        return True  # "did not fall", "will not restart"
    return low.endswith(("ed", "ing")) and verb_lemma(low) != low


def scope_event(ctx: SentenceContext) -> str | None:
    """The first event noun of the sentence ("the storm destroyed 150 homes"), unless it only says whose people
    are speaking ("Fire officials said", "election observers")."""
    lex = lexicon()
    tokens = ctx.tokens
    event_nouns = lex.event_nouns
    for k, t in enumerate(tokens):
        if t.lower in event_nouns:
            nxt = tokens[k + 1].lower if k + 1 < len(tokens) else ""
            if nxt in lex.affiliated_people or nxt in lex.person_heads:
                continue
            return t.lower
    return None


def claim_time(ctx: SentenceContext, a: int, b: int) -> TimeRange | None:
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
        day = ctx.doc.date
        if day is not None and d.range.start <= day and a <= i < b and (
            d.relation == "since" or " ".join(before[-2:]) in lex.running_total_cues
        ):
            # "since January", "so far this year" in the figure's own clause: a running total, from the period's
            # start to the report's day
            return TimeRange(start=d.range.start, end=day, text=d.range.text)
        return d.range
    return None


def place_scope(ctx: SentenceContext, a: int, b: int) -> str | None:
    """Where the clause's claims happen ("killed in Sumy", "struck southern Turkey"), to keep apart tolls and
    magnitudes of events in unrelated places."""
    for p in ctx.places:
        i = ctx.index_containing(p.start)
        if a <= i < b and locative_head(ctx, i) is not None:
            return p.place.key
    # "Across Haiti, 5.5 million people need aid": an opening place phrase scopes the whole sentence.
    first = ctx.clauses_first_place()
    return first


# --------------------------------------------------------------------------------------------------- quantities


# Words that tie a name to the noun before it: "the agreement between Togo and Ghana", "Porta Nuova's derby against
# Atletico Brera", "the sentencing of Daniel Reyes".
_NAME_LINKS = frozenset({"of", "between", "against", "with", "for", "over"})
_ASIDE_OPENERS = frozenset({"who", "whose", "which"})
_ASIDE_LONGEST = 20  # tokens between the two commas of an aside (an apposition may hold a clause of its own)


def aside_opening(tokens: Sequence[Token], k: int) -> int | None:
    """When ``tokens[k]`` is the comma closing an aside between a subject and its verb, the comma opening it: a
    relative clause ("the suspect, who was extradited from Spain in May, will appear") or an apposition ("The chief
    executive, Mira Haas, will step down"; "Dan Ostrowski, 19, has kept"). None for any other comma."""
    if k <= 0 or tokens[k].text != ",":
        return None
    lex = lexicon()
    for j in range(k - 1, max(0, k - _ASIDE_LONGEST) - 1, -1):
        if tokens[j].text != ",":
            continue
        if j == 0 or j + 1 >= k:
            return None
        first = tokens[j + 1]
        if first.is_word and first.lower.endswith("ly") and j + 2 < k and not first.is_capitalised:
            # "the vote, originally set for June, will be held", "the firm, largely unknown, has ...": an adverb
            # and the participle or adjective it qualifies
            second = tokens[j + 2]
            aside = second.is_word and not second.is_capitalised and second.lower.isalpha()
            return j if aside and tokens[j - 1].is_word else None
        aside = first.lower in _ASIDE_OPENERS or first.lower in lex.determiners or first.text[0].isdigit() or (
            first.is_capitalised and first.is_word
        ) or (first.is_word and first.lower.endswith("ed") and verb_lemma(first.lower) != first.lower)
        # ("the derby, postponed last weekend because of a waterlogged pitch, will be played": a participle's aside)
        return j if aside and tokens[j - 1].is_word else None
    return None


def subject_before(ctx: SentenceContext, j: int, floor: int) -> Subject | None:
    """What a place, date or verb at ``tokens[j]`` is said of: the noun phrase before it, or "they" resolved."""
    lex = lexicon()
    floor = max([k + 1 for k in ctx.number_tokens if k < j], default=0)
    words = phrase_before(ctx.tokens, j, floor=floor)
    k = j - 1
    while not words and k >= 0 and (ctx.tokens[k].lower in lex.auxiliaries or ctx.tokens[k].lower in lex.aux_adverbs):
        k -= 1
    opening = aside_opening(ctx.tokens, k) if not words and k >= floor else None
    if opening is not None:
        # past an aside to the subject it is about (a figure inside the aside is no bound: "The Severin Bridge,
        # which carries 120,000 vehicles a day, will close"; nor one closing it: "Dan Roe, who stole $2 million,")
        floor = max([m + 1 for m in ctx.number_tokens if m < opening], default=0)
        words = phrase_before(ctx.tokens, opening, floor=floor)
    if not words:
        while k >= 0 and (ctx.tokens[k].lower in ("not", "n't", "never") or verb_like_token(ctx.tokens[k])):
            k -= 1
        if k >= 0 and ctx.tokens[k].lower in ("and", "but", "or", ","):
            # "troops remain in Kursk and have not crossed into Ukraine"; "positioned near X, not moving into Y"
            return ctx.sentence_subject
        return None
    first = ctx.position(words[0])
    # "The eruption near Grindavik began", "the sentencing of Daniel Reyes": look past the place or name.
    # "capsized in Lake Victoria near Bukoba": step back over up to three such place phrases.
    # (each phrase is built once: ``built`` is the subject of ``words`` with no country, for the end)
    candidate, at = words, first
    named = built = build_subject(words, ctx.doc.text)
    for _ in range(3):
        if named is None or not named.proper:
            break
        while at >= 3 and ctx.tokens[at - 1].lower == "and" and ctx.tokens[at - 2].is_capitalised:
            other = phrase_before(ctx.tokens, at - 1, floor=floor)  # "between Togo and Ghana"
            if not other:
                break
            at = ctx.position(other[0])
        if at < 2 or (ctx.tokens[at - 1].lower not in lex.locative and ctx.tokens[at - 1].lower not in _NAME_LINKS):
            break
        candidate = phrase_before(ctx.tokens, at - 1, floor=floor)
        if not candidate:
            break
        at = ctx.position(candidate[0])
        named = build_subject(candidate, ctx.doc.text)
        if named is not None and not named.proper:
            words, built = candidate, named
            break
    if words[0].lower in lex.pronouns:
        return ctx.state.last_subject
    k = ctx.position(words[-1]) + 1
    country = country_after(ctx.tokens, k)
    subject = built if country is None else build_subject(words, ctx.doc.text, country)
    first = ctx.position(words[0])
    while first > 0 and ctx.tokens[first - 1].lower == "own":
        first -= 1
    if subject and first > 0 and ctx.tokens[first - 1].lower in ("its", "their"):
        owner = sentence_owner(ctx)
        if owner:
            subject = with_owner(subject, owner)
    return subject


def sentence_owner(ctx: SentenceContext) -> str | None:
    """The organisation a sentence opens with ("Novagen, the drugmaker, will move its headquarters"), lower-cased,
    so that "its headquarters" and "Novagen's headquarters" line up; None when it opens otherwise."""
    country, _ = actor_key(ctx.tokens, 0)
    if country:
        return gazetteer().slug(country)  # "North Korea has not completed its own ratification"
    words: list[str] = []
    if ctx.tokens and ctx.tokens[0].lower in lexicon().pronouns:
        return None  # "Its rival ...", "Their lawyers ...": the sentence opens with no name
    for t in ctx.tokens:
        if t.is_capitalised and t.is_word and t.lower not in ("the", "a", "an", "in", "on", "at", "according"):
            if is_place_token(ctx, ctx.position(t)):
                return None
            words.append(t.lower)
        else:
            break
    return " ".join(words) if words else None


def verb_like_token(t: Token) -> bool:
    return t.is_word and not t.is_capitalised and (t.lower.endswith(("ing", "ed")) or t.lower in lexicon().common_verbs)


def is_place_token(ctx: SentenceContext, j: int) -> bool:
    return j in ctx.place_tokens


def after_movement(ctx: SentenceContext, j: int) -> bool:
    lex = lexicon()
    return any(ctx.tokens[k].lower in lex.movement_verbs for k in range(max(0, j - 4), j))


# --------------------------------------------------------------------------------------------------- events


PARTITIVES = frozenset({"one", "some", "most", "part", "all", "many", "several", "none", "each", "two", "three"})


def skip_determiners(tokens: Sequence[Token], j: int) -> int:
    """Words to skip before an object's head: determiners, and partitives ("one of the three bridges")."""
    n = 0
    lex = lexicon()
    while j + n < len(tokens):
        low = tokens[j + n].lower
        if low in lex.determiners or low.isdigit():
            n += 1
        elif low in PARTITIVES and j + n + 1 < len(tokens) and tokens[j + n + 1].lower == "of":
            n += 2
        else:
            break
    return n


def event_verb(tokens: Sequence[Token], i: int) -> bool:
    lex = lexicon()
    t = tokens[i]
    return t.is_word and not t.is_capitalised and t.lower in lex.event_verbs and t.lower not in lex.reporting_verbs


def past_verb(tokens: Sequence[Token], i: int) -> bool:
    """A lower-case past-tense verb that is not a reporting verb ("granted", "struck", "annulled")."""
    lex = lexicon()
    t = tokens[i]
    if not t.is_word or t.is_capitalised or t.lower in lex.reporting_verbs or t.lower in lex.auxiliaries:
        return False
    return event_verb(tokens, i) or (t.lower.endswith("ed") and len(t.lower) > 4)


def aux_start(tokens: Sequence[Token], verb: int) -> int | None:
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


def locative_head(ctx: SentenceContext, i: int) -> int | None:
    """The index of the preposition or verb that makes the place at ``tokens[i]`` a location, if any."""
    lex = lexicon()
    nxt = i + 1
    while nxt < len(ctx.tokens) and is_place_token(ctx, nxt):
        nxt += 1
    if nxt + 1 < len(ctx.tokens) and ctx.tokens[nxt].lower == "'s" and is_place_token(ctx, nxt + 1):
        return None  # "Russia's Kursk Oblast": the possessor is not where the subject is; the possessed place is.
    j = i - 1
    while j >= 0 and (ctx.tokens[j].lower in ("the", "'s") or is_place_token(ctx, j)):
        j -= 1
    if j < 0:
        return None
    word = ctx.tokens[j].lower
    if word in lex.locative_verbs:
        return j
    if word not in lex.locative:
        return None
    if word in ("to", "toward", "towards", "on", "off") and not after_movement(ctx, j):
        return None
    if ctx.stance.source and ctx.tokens[i].text in ctx.stance.source:
        return None  # "Reuters in London said": where the speaker is, not the subject
    return j


BE_FORMS = frozenset({"was", "were", "is", "are", "been", "be", "being"})
NOT_WORDS = frozenset({"not", "n't", "never"})


def is_past(verb: str) -> bool:
    """A past form: "-ed", a listed irregular, or a word whose base form differs ("stole" -> "steal")."""
    if verb.endswith("ed") or verb in lexicon().irregular_verbs:
        return True
    return not verb.endswith(("s", "ing")) and verb_lemma(verb) != verb
