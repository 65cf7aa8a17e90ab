"""Scored alignment: how sure we are that two claims are about the same thing, and why.

Two reports rarely name a thing the same way ("the temperature at Seville airport reached 46.2C" / "Seville
airport's weather station logged a high of 43.1C"), and two claims that share a word are often about different
things ("five men were arrested" / "three men were injured"). So claims are not lined up by an exact key but by a
score over their frame fields:

- **thing**: the measured thing's head, as a concept (troops = soldiers, revenue = sales; ``alignment.json``);
- **entities**: whose thing it is; two claims whose entities are both named and disjoint are about different
  things and never align (Verona's turnout and Padua's);
- **predicate**: what happened, as a concept (signed = inked), opposites noted separately;
- **context**: the other content words of the two sentences (lemmas, synonyms merged, values and function words
  left out), as a share of the smaller side, so a short claim restated inside a long sentence still scores; a
  particular figure both sentences cite besides the values compared ("magnitude 7.0") counts as a shared word;
- **scope**: both claims scoped to the same place or the same event ("protesters in Belgrade" twice; two tolls "in
  the earthquake"): a bonus on top of the weighted fields, since two reports that pin a figure to the same place or
  event are more likely about one thing than two that share only a noun.

A country given as the owner on one side, whose sentence names the other side's owner ("a Greek court sentenced
Stavros Kallergis" / "Kallergis's prison term"; "Norwegian maker Halvorsen Group reported revenue" / "Halvorsen
Group's revenue"), is that owner's nationality, not a rival owner. Otherwise two named owners part two claims.

``score`` returns an ``Alignment`` with the score in [0, 1] and the fields that matched; the comparison keeps a pair
only above a threshold, a higher one inside one report (a report giving two figures for one thing is rare; two
different things described alike is common).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import repeat
from importlib import resources

from rapidfuzz import fuzz

from checker.models import Alignment, Assertion, Modality, Polarity

# Weights of the fields in the score; they add up to 1.
_W_THING, _W_ENTITY, _W_PREDICATE, _W_CONTEXT = 0.3, 0.2, 0.15, 0.35
# Added when both claims are scoped to the same place or event (the score is capped at 1).
_W_SCOPE = 0.1
# Across reports, a pair must score this much to be compared; inside one report, the stricter figure.
ACROSS_THRESHOLD = 0.55
WITHIN_THRESHOLD = 0.8

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


@dataclass(frozen=True, slots=True)
class _Vocabulary:
    concept: dict[str, str]
    antonyms: frozenset[tuple[str, str]]
    stopwords: frozenset[str]
    contrasts: tuple[tuple[str, str], ...]
    level_verbs: frozenset[str]
    occurrence: frozenset[str]
    provisional: re.Pattern[str]
    unsettled: frozenset[str] = frozenset()
    earlier: frozenset[str] = frozenset()
    object_ends: frozenset[str] = frozenset()
    running_counts: frozenset[str] = frozenset()
    light_verbs: frozenset[str] = frozenset()
    other_occasion: re.Pattern[str] | None = None


@cache
def vocabulary() -> _Vocabulary:
    data = json.loads(resources.files("checker.data").joinpath("alignment.json").read_text("utf-8"))
    # Union of groups that share a lemma, so each lemma maps to one representative concept.
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for group in data["synonyms"]:
        root = find(group[0])
        for word in group[1:]:
            parent[find(word)] = root
    concept = {word: find(word) for word in parent}
    antonyms = frozenset(
        pair
        for a, b in data["antonyms"]
        for pair in ((concept.get(a, a), concept.get(b, b)), (concept.get(b, b), concept.get(a, a)))
    )
    contrasts = tuple((a, b) for a, b in data["contrasts"])
    occurrence = frozenset(concept.get(w, w) for w in data["occurrence_verbs"])
    provisional = re.compile(
        r"\b(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in data["provisional"]) + r")\b", re.IGNORECASE
    )
    return _Vocabulary(
        concept, antonyms, frozenset(data["stopwords"]), contrasts, frozenset(data["level_verbs"]), occurrence,
        provisional, frozenset(data["unsettled_groups"]), frozenset(data["earlier_words"]),
        frozenset(data["object_ends"]), frozenset(data["running_counts"]),
        frozenset(concept.get(w, w) for w in data["light_verbs"]),
        re.compile(
            r"\b(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in data["other_occasions"]) + r")\b",
            re.IGNORECASE,
        ),
    )


@lru_cache(maxsize=131072)
def concept(word: str) -> str:
    """The concept a word names: its lemma, mapped onto its synonym group ("soldiers" -> troop, "sales" -> revenue)."""
    from checker.extract.lexicon import english_lemma

    low = word.lower().replace("’", "'")
    vocab = vocabulary()
    if low in vocab.concept:
        return vocab.concept[low]
    lemma = english_lemma(low)
    if lemma.endswith("s") and len(lemma) > 3 and not lemma.endswith(("ss", "us", "is")):
        lemma = lemma[:-1]
    return vocab.concept.get(lemma, lemma)


def opposite(a: str | None, b: str | None) -> bool:
    """Whether two predicates state opposite outcomes of one event ("upheld" / "overturned")."""
    if not a or not b:
        return False
    return (concept(a), concept(b)) in vocabulary().antonyms


@dataclass(frozen=True, slots=True)
class FrameView:
    """What the score reads of one assertion, computed once per assertion."""

    head: str
    thing: frozenset[str]
    entities: tuple[str, ...]
    predicate: str | None
    context: frozenset[str]
    place: str | None = None
    event: str | None = None
    figures: frozenset[str] = frozenset()


# A word as written -> the concept it adds to a sentence's content (None: a stop word, or too short). A run meets a
# few tens of thousands of distinct words and reads each of them in many sentences; emptied when it grows past
# ``_WORD_CACHE_SIZE`` (what ``concept`` keeps).
_CONTENT: dict[str, str | None] = {}
_WORD_CACHE_SIZE = 131072


def _content_concept(written: str) -> str | None:
    vocab = vocabulary()
    word = written.lower().removesuffix("'s").removesuffix("’s")
    if word in vocab.stopwords or len(word) < 2:
        return None
    c = concept(word)
    return None if c in vocab.stopwords else c


_UNSEEN = object()


def content_concepts(text: str) -> frozenset[str]:
    """The concepts of a sentence's content words (stop words left out)."""
    known = _CONTENT
    words = _WORD.findall(text)
    found = set(map(known.get, words, repeat(_UNSEEN)))  # one pass in C when every word was seen before
    if _UNSEEN in found:
        if len(known) >= _WORD_CACHE_SIZE:
            known.clear()
        for written in words:
            if written not in known:
                known[written] = _content_concept(written)
        found = set(map(known.__getitem__, words))
    found.discard(None)
    return frozenset(found)  # type: ignore[arg-type]


# A figure worth matching on: thousands with commas ("1,200"), a decimal ("7.0"), or three digits or more ("450").
_FIGURE = re.compile(
    r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\w,]*\d)"
    r"|(?<![\w.,])\d+\.\d+"
    r"|(?<![\w.,])\d{3,}(?![\w.,]*\d)"
)
_YEAR = re.compile(r"(?:1[89]|20)\d\d")


def sentence_figures(text: str) -> frozenset[str]:
    """The particular figures a sentence cites besides its claim's value ("magnitude 7.0", "1,200"): two reports
    citing the same figure are likely telling of the same thing, so a shared one counts in the context score. Years
    and small whole numbers ("two", "12") are left out: every story has them."""
    return frozenset("#" + f.replace(",", "") for f in _FIGURE.findall(text) if not _YEAR.fullmatch(f))


def view(a: Assertion) -> FrameView:
    """The frame fields of ``a`` as concepts, and the content of its sentence without its value."""
    words = (a.thing or a.subject_key).split()
    thing = frozenset(concept(w) for w in words if w)
    head = concept(words[-1]) if words else ""
    ev, vs = a.evidence, a.value_span
    sentence = ev.text
    cut_a, cut_b = vs.start - ev.start, vs.end - ev.start
    if 0 <= cut_a <= cut_b <= len(sentence):
        sentence = sentence[:cut_a] + " " + sentence[cut_b:]
    return FrameView(
        head, thing, a.entities, concept(a.predicate) if a.predicate else None, content_concepts(sentence),
        a.scope_place, a.scope_event, sentence_figures(sentence),
    )



def cached_view(a: Assertion, views: dict[int, FrameView]) -> FrameView:
    """``view(a)``, computed once per claim for the life of ``views`` (keyed by the claim's identity)."""
    found = views.get(id(a))
    if found is None:
        found = views[id(a)] = view(a)
    return found

def entities_agree(a: tuple[str, ...], b: tuple[str, ...]) -> bool | None:
    """True when the two claims share an entity, False when both name some and none is shared, None otherwise. An
    owner told only as "its" or "their" is some owner, never a shared one: two companies' "Its shares rose" do not
    meet through "its", and "its" does not stand for a name the other claim gives."""
    if not a or not b:
        return None
    pronouns = _pronouns()
    if not (pronouns.isdisjoint(a) and pronouns.isdisjoint(b)):  # (asked for every pair scored: the rare case)
        named_a = tuple(e for e in a if e not in pronouns)
        named_b = tuple(e for e in b if e not in pronouns)
        if not named_a or not named_b:
            return None if not named_a and not named_b else False
        a, b = named_a, named_b
    for x in a:
        for y in b:
            if x == y or x.startswith(y + " ") or y.startswith(x + " ") or fuzz.ratio(x, y) >= 90:
                return True
            if _titled(x, y) or _titled(y, x):
                return True
    return False


def _titled(longer: str, name: str) -> bool:
    """A name told with a title or its kind before it ("hurricane delia" / "delia", "president okafor" / "okafor")."""
    if not longer.endswith(" " + name):
        return False
    words = _name_prefixes()
    return all(w in words for w in longer[: -len(name) - 1].split())


@cache
def _name_prefixes() -> frozenset[str]:
    from checker.extract.lexicon import lexicon

    lex = lexicon()
    return frozenset(lex.titles) | frozenset(lex.event_nouns)


@cache
def _pronouns() -> frozenset[str]:
    from checker.extract.lexicon import lexicon

    return lexicon().pronouns


def named_in(entity: str, context: frozenset[str]) -> bool:
    """Whether a sentence's content names an owner: each word of ``entity`` is in it, as written or as a concept
    ("Halvorsen Group" in a sentence read as {halvorsen, company, ...})."""
    words = [w for w in entity.split() if w]
    return bool(words) and all(w in context or concept(w) in context for w in words)


@lru_cache(maxsize=16384)
def _country_word(entity: str) -> bool:
    """A country as an owner ("greek", "norway", "north-korea"): often the nationality of the real owner."""
    from checker.extract.places import gazetteer

    return gazetteer().demonym(entity.replace("-", " ")) is not None


def _owner_named_across(a: FrameView, b: FrameView) -> bool:
    """Two claims whose named owners differ, where one side's owners are only countries, its sentence names the
    other side's owner and the other sentence does not name that country: the country is the owner's nationality
    or seat ("a Greek court sentenced Stavros Kallergis", "Norwegian maker Halvorsen Group"), not a second owner.
    Two named owners ("Storm Elin" / "Storm Fenna") stay two, whatever each sentence mentions."""
    for x, y in ((a, b), (b, a)):
        if (
            all(map(_country_word, x.entities))
            and not any(map(_country_word, y.entities))
            and all(named_in(e, x.context) for e in y.entities)
            and not any(named_in(e, y.context) for e in x.entities)
        ):
            return True
    return False


def contrasted(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two sentences name two parts of one whole, one each ("the women's final" / "the men's final")."""
    words = _contrast_words()
    if a.isdisjoint(words) or b.isdisjoint(words):  # most sentences name no such part: one look each
        return False
    for x, y in vocabulary().contrasts:
        if (x in a and y in b and y not in a and x not in b) or (y in a and x in b and x not in a and y not in b):
            return True
    return False


@cache
def _contrast_words() -> frozenset[str]:
    return frozenset(w for pair in vocabulary().contrasts for w in pair)


def provisional(sentence: str) -> bool:
    """Whether a sentence gives a figure of a count still under way ("with 60% of ballots counted", "according to
    preliminary results")."""
    return vocabulary().provisional.search(sentence) is not None


def running_count(attribute: str) -> bool:
    """Whether an attribute is of a count that moves while its event unfolds (killed, missing, rescued ...)."""
    return attribute in vocabulary().running_counts


def light_verb_event(a: FrameView, b: FrameView) -> bool:
    """Whether one claim tells the other's verb as a noun after a light verb ("the drug received approval on Jan. 23"
    / "regulators approved the drug on Jan. 16"; "the storm made landfall" / "the storm came ashore"): one event."""
    light = vocabulary().light_verbs
    if a.predicate in light and b.predicate in light:
        return a.head == b.head  # "made landfall" / "came ashore": two light verbs, one event noun
    return (a.predicate in light and a.head == b.predicate) or (b.predicate in light and b.head == a.predicate)


def one_occurrence(a: str | None, b: str | None) -> bool:
    """Whether two predicates (as concepts) both only say that an event takes place ("was played" / "will take
    place"; "opens" / "goes on trial"), so the dates they give are of one event."""
    occurrence = vocabulary().occurrence
    return a in occurrence and b in occurrence


def different_predicates(a: FrameView, b: FrameView) -> bool:
    """Two verbs, neither a level ("climbed to 31") nor the other's opposite, and no owner in common: "five men were
    taken to hospital" / "three men were stabbed" say two things happened to two groups, so their figures are not
    rivals (they may still both be true: that is for ``checker verify`` to weigh, not a conflict)."""
    if not (a.predicate and b.predicate) or a.predicate == b.predicate or opposite(a.predicate, b.predicate):
        return False
    if {a.predicate, b.predicate} & vocabulary().level_verbs or one_occurrence(a.predicate, b.predicate):
        return False
    return entities_agree(a.entities, b.entities) is not True


def _kinds_apart(a: FrameView, b: FrameView) -> bool:
    """Two things of one head, each told of a kind the other is not ("12 infrastructure projects" / "seven energy
    projects", "wheat exports" / "maize exports"): each side's modifiers are absent from the other's sentence."""
    ma, mb = a.thing - {a.head}, b.thing - {b.head}
    return bool(ma and mb) and ma.isdisjoint(b.context) and mb.isdisjoint(a.context)


def score(a: FrameView, b: FrameView) -> Alignment:
    """How likely two claims are about the same thing, in [0, 1], with the fields that matched."""
    matched: list[str] = []
    if a.head and a.head == b.head and _kinds_apart(a, b):
        return alignment(0.0, different_scope=True)
    if a.head and a.head == b.head:
        thing = 1.0
        matched.append("thing")
    elif a.thing & b.thing:
        thing = 0.6
        matched.append("thing")
    else:
        thing = 0.0
    agree = entities_agree(a.entities, b.entities)
    if agree is False and not _owner_named_across(a, b):
        return alignment(0.0, different_entities=True)
    if contrasted(a.context, b.context):
        return alignment(0.0, different_scope=True)
    if agree:
        entity = 1.0
        matched.append("entities")
    elif agree is False:
        entity = 0.7  # one owner, named as the owner on one side and elsewhere in the other's sentence
    else:
        one = a.entities or b.entities
        other = b if a.entities else a
        # One side names whose thing it is; the other mentions that name somewhere in its sentence.
        entity = 0.7 if one and any(named_in(e, other.context) for e in one) else 0.4
    if a.predicate and a.predicate == b.predicate:
        predicate = 1.0
        matched.append("predicate")
    elif a.predicate and b.predicate:
        predicate = 0.0
    else:
        predicate = 0.5
    small = min(len(a.context), len(b.context))
    # A figure both sentences cite counts as one more shared word; one only one side cites takes nothing away.
    shared = len(a.context & b.context) + len(a.figures & b.figures)
    context = min(1.0, shared / small) if small else 0.0
    if context >= 0.5:
        matched.append("context")
    total = _W_THING * thing + _W_ENTITY * entity + _W_PREDICATE * predicate + _W_CONTEXT * context
    if (a.place and a.place == b.place) or (a.event and a.event == b.event):
        total = min(1.0, total + _W_SCOPE)
        matched.append("scope")
    return alignment(round(total, 3), tuple(matched))


@cache
def alignment(
    score: float, matched: tuple[str, ...] = (), *, different_entities: bool = False, different_scope: bool = False
) -> Alignment:
    """The one ``Alignment`` of a score and the fields matched, shared: a large run holds one per candidate pair
    (tens of thousands), and there are at most a thousand scores (three decimals) for each few fields matched."""
    return Alignment(score=score, matched=list(matched), different_entities=different_entities,
                     different_scope=different_scope)


# ---------------------------------------------------------------------------------------------------------------
# The clause of an event claim: who did it, to what, and when, as its sentence tells them. A polarity conflict
# ("the board approved the timetable" / "the board did not approve the timetable") needs the two claims to be about
# one event: the same doer, the same thing done, at one time. The frame gives the thing and the verb; the doer of an
# active verb and the clause's time are read here, from the clause around the verb group.


@dataclass(frozen=True, slots=True)
class EventClause:
    """The verb group's words and the clause's words; the concepts of the doer (before an active verb, after "by"
    for a passive) and of the object phrase right after the verb group; the clause's time words; and the concepts
    of the whole sentence."""

    group: tuple[str, ...]
    words: frozenset[str]
    doer: frozenset[str]
    after: frozenset[str]
    times: frozenset[str]
    sentence: frozenset[str]
    # The object itself denies: "has seen no sign", "found nothing", "they have no discounts".
    denied_object: bool = False
    # The places the clause names, as gazetteer keys ("closed its plant in Texas").
    places: frozenset[str] = frozenset()
    # The concepts of the clause itself (after a reporting verb's "that"): where the other claim's doer is looked for.
    clause: frozenset[str] = frozenset()


_YEAR_WORD = re.compile(r"(?:1[89]|20)\d\d")


@cache
def _time_words() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """Month and weekday names (as written with a capital), the single words of a day told from the report's date
    ("yesterday"), and the markers and units of a period told from it ("last year", "next week")."""
    raw = json.loads(resources.files("checker.data").joinpath("calendar.json").read_text("utf-8"))
    # every full name ("May" too), and the abbreviations that are no common word ("Sept", not "Sat" or "Wed")
    names = frozenset(
        w.lower() for group in raw["months"] + raw["weekdays"] for n, w in enumerate(group) if n == 0 or len(w) > 3
    )
    days = frozenset(k for k in raw["relative_days"] if " " not in k)
    periods = raw["relative_periods"]
    return names, days, frozenset(periods["markers"]), frozenset(periods["units"])


def event_clause(a: Assertion) -> EventClause:
    """The clause around ``a``'s verb group (``value_span``) in its sentence; see :class:`EventClause`."""
    ev, vs = a.evidence, a.value_span
    return _event_clause(ev.text, vs.start - ev.start, vs.end - ev.start)


@lru_cache(maxsize=16384)
def _event_clause(sentence: str, start: int, end: int) -> EventClause:
    from checker.extract.context import BE_FORMS
    from checker.extract.lexicon import lexicon
    from checker.extract.stance import clause_ranges
    from checker.extract.tokens import tokenize

    tokens = tokenize(sentence)
    whole = _countries(content_concepts(sentence))
    inside = [k for k, t in enumerate(tokens) if t.start >= start and t.end <= end]
    if not inside:
        return EventClause((), frozenset(), frozenset(), frozenset(), frozenset(), whole)
    g0, g1 = inside[0], inside[-1]
    c0, c1 = next(((a, b) for a, b in clause_ranges(tokens) if a <= g0 < b), (0, len(tokens)))
    lex = lexicon()
    # "The mayor said (that) the board did not approve": the doer is the board, not the mayor.
    for k in range(g0 - 1, c0 - 1, -1):
        if tokens[k].lower in lex.reporting_verbs or tokens[k].lower == "that":
            c0 = k + 1
            break
    names, days, markers, units = _time_words()
    times: set[str] = set()
    for k in range(c0, c1):
        t = tokens[k]
        low = t.lower
        # "May" opening a sentence may be the modal ("May the board ..."); further in, capitalised, it is the month
        if (low in names and t.is_capitalised and (k > 0 or low != "may")) or low in days or _YEAR_WORD.fullmatch(low):
            times.add(low)
        elif low in markers and k + 1 < c1 and tokens[k + 1].lower in units:
            times.add(f"{low} {tokens[k + 1].lower}")  # "last year", "next week"
    drop = {w for t in times for w in t.split()}

    def words(a: int, b: int) -> frozenset[str]:
        if a >= b:
            return frozenset()
        return _countries(content_concepts(" ".join(t.text for t in tokens[a:b] if t.lower not in drop)))

    group = tuple(t.lower for t in tokens[g0 : g1 + 1])
    ends = vocabulary().object_ends | lex.locative

    def phrase_end(k: int) -> int:
        """Where the phrase starting at ``k`` ends: a preposition, a conjunction or punctuation. "to" before a
        noun phrase goes on ("granted bail to the defendant"); before a verb it ends ("deployed to fight")."""
        while k < c1 and (tokens[k].is_word or tokens[k].lower in ("'s", "’s")):
            low = tokens[k].lower
            if low == "to" and k + 1 < c1 and (
                tokens[k + 1].lower in lex.determiners or tokens[k + 1].is_capitalised
            ):
                k += 1
                continue
            if low in ends:
                break
            k += 1
        return k

    # What was done: the phrase right after the verb group ("did not uphold the conviction of the former mayor");
    # "of" joins, any other preposition starts where, when or why.
    after = words(g1 + 1, phrase_end(g1 + 1))
    if BE_FORMS.isdisjoint(group):
        doer = words(c0, g0)
    else:
        # A passive's doer follows "by" ("was not approved by the European Medicines Agency on Thursday").
        by = next((k for k in range(g1 + 1, c1) if tokens[k].lower == "by"), None)
        doer = words(by + 1, phrase_end(by + 1)) if by is not None else frozenset()
    clause = frozenset(t.lower for t in tokens[c0:c1])
    # "has seen no sign", "found nothing"; not "was found not guilty", which the verdict's rule reads itself
    denied = g1 + 1 < c1 and tokens[g1 + 1].lower in _object_denials()
    places = _places_in(sentence[tokens[c0].start : tokens[c1 - 1].end]) if c1 > c0 else frozenset()
    return EventClause(group, clause, doer, after, frozenset(times), whole, denied, places, words(c0, c1))


def _places_in(text: str) -> frozenset[str]:
    from checker.extract.places import gazetteer

    return frozenset(m.place.key for m in gazetteer().find(text))


def _countries(words: frozenset[str]) -> frozenset[str]:
    """A country's name and its demonym as one word ("Russia" / "Russian territory")."""
    from checker.extract.places import gazetteer

    gaz = gazetteer()
    return frozenset(gaz.demonym(w.lower()) or w for w in words)


def _places_meet(a: str, b: str) -> bool:
    from checker.extract.places import gazetteer

    return a == b or gazetteer().related(a, b)


def _told_in(words: frozenset[str], sentence: frozenset[str], share: int = 4) -> bool:
    """Whether the other sentence tells these clause words: all of them, but one in ``share`` may be put
    otherwise ("34 games" / "34 appearances"); a word whose stem the other sentence has is told ("remote" /
    "remotely", "competing" / "competition")."""
    missing = [w for w in words - sentence if not any(_one_stem(w, x) for x in sentence)]
    return len(missing) <= len(words) // share


def _one_stem(a: str, b: str) -> bool:
    """Two words that begin alike for all but their last three letters, and for five letters at least."""
    n = max(5, min(len(a), len(b)) - 3)
    return len(a) >= n and len(b) >= n and a[:n].lower() == b[:n].lower()


def one_event(a: Assertion, b: Assertion) -> bool:
    """Whether two event claims tell of one event: one doer, when both name one, is told in the other's clause,
    not elsewhere in its sentence ("the Senate said the House did not pass"), but for one word in three ("the
    school board approved" / "the parents' council did not approve" and "the steering committee" / "the finance
    committee" are two doers; "Europe's medicines regulator" / "the European Medicines Agency" one); the clause
    with less after its verb has all of it in the other sentence ("did not uphold the conviction of the former
    treasurer" against one of the former mayor); the clauses name no two places apart ("in Ohio" / "in Texas")
    and give no two different times ("in January" / "in March", "in May" / "in June")."""
    x, y = event_clause(a), event_clause(b)
    if x.times and y.times and x.times.isdisjoint(y.times):
        return False
    if x.doer and y.doer and not (_told_in(x.doer, y.clause, 3) or _told_in(y.doer, x.clause, 3)):
        return False  # "the steering committee" / "the finance committee"
    if x.places and y.places and not any(_places_meet(p, q) for p in x.places for q in y.places):
        return False  # "closed a plant in Ohio" / "closed its plant in Texas"
    if len(x.after) == len(y.after):
        return _told_in(x.after, y.sentence) and _told_in(y.after, x.sentence)
    short, other = (x, y) if len(x.after) < len(y.after) else (y, x)
    return _told_in(short.after, other.sentence)


def moment(a: Assertion) -> frozenset[str] | None:
    """When an event claim tells of its event: None when it is not firm (hedged, unconfirmed, a refusal to
    confirm, expected) or its clause tells of an earlier moment (``earlier_words``: "initially did not approve");
    else the words of its verb group that put it still to come or before a later moment (``unsettled_groups``:
    "will", "yet"), empty for a settled fact. Two claims meet only at one moment: "will not sign" against "signed"
    is a plan and an outcome; "will complete" against "will not complete" two plans that cannot both hold."""
    if a.expected or a.modality not in (Modality.ASSERTED, Modality.REPORTED):
        return None
    found, vocab = event_clause(a), vocabulary()
    if not vocab.earlier.isdisjoint(found.words):
        return None
    return frozenset("will" if w == "wo" else w for w in found.group if w in vocab.unsettled)


def stated_polarity(a: Assertion) -> Polarity:
    """The claim's polarity, turned when its object denies ("has seen no sign" says nothing was seen)."""
    if a.rule == "restatement" or not _word_after_denies(a) or not event_clause(a).denied_object:
        return a.polarity
    return Polarity.AFFIRMED if a.polarity == Polarity.NEGATED else Polarity.NEGATED


def _word_after_denies(a: Assertion) -> bool:
    """Whether the word right after the claim's verb group is one that denies an object ("seen no sign"): asked
    before the clause is read (``event_clause``), which only then can turn the polarity."""
    m = _WORD.search(a.evidence.text, a.value_span.end - a.evidence.start)
    return m is not None and m.group().lower() in _object_denials()


@cache
def _object_denials() -> frozenset[str]:
    """Negation words that deny what follows a verb group, not the verb ("seen no sign", "found nothing"): the
    lexicon's negation particles but those that deny a verb ("not", "never", "cannot")."""
    from checker.extract.context import NOT_WORDS
    from checker.extract.lexicon import lexicon

    return lexicon().negation_particles - NOT_WORDS - {"cannot"}


def same_predicate(a: str | None, b: str | None) -> bool:
    """Whether two predicates name one event, as written or as synonyms of the project's data ("approve" /
    "authorise")."""
    return bool(a and b) and (a == b or concept(a) == concept(b))
