"""Noun phrases -> a subject's surface text and its canonical key.

Two reports rarely name a thing the same way ("North Korean troops", "soldiers from North Korea", "the DPRK
contingent"), yet the comparison engine can only line up claims whose keys agree. A key is the normalised modifiers
that change *which* thing is meant (countries as gazetteer slugs, organisation names) followed by the head noun
mapped to a canonical synonym. Adjectives that do not change the referent ("some", "additional", "strategic") are
dropped; nationality never is, so "Russian troops" and "North Korean troops" stay apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from checker.extract.dates import calendar_words
from checker.extract.lexicon import english_word, lexicon, verb_lemma
from checker.extract.places import gazetteer
from checker.extract.tokens import Token

_ADJECTIVE_ENDINGS = ("ic", "al", "ous", "ive", "ful", "ed", "ing", "ly", "less", "able", "ible", "ary", "est")
_ACTOR_PREPOSITIONS = ("from", "of")


@dataclass(slots=True)
class Subject:
    """A noun phrase found in a sentence: ``key`` lines it up with other reports, ``text`` shows it."""

    start: int
    end: int
    text: str
    key: str
    head: str
    country: str | None = None
    proper: bool = False
    entities: tuple[str, ...] = ()  # the key's leading words that name whose thing it is ("north-korea", "northwind")


def _common_word(word: str) -> bool:
    """A word the lexicon knows as a common noun, so a capital letter only means it opens the sentence."""
    lex = lexicon()
    return (
        word in lex.nominal_ing
        or word in lex.event_nouns
        or (word,) in lex.head_synonym
        or (word,) in lex.triggers
        or word in lex.person_heads
    )


def _calendar_word(word: str) -> bool:
    cal = calendar_words()
    return word.rstrip(".") in cal.month_of or word.rstrip(".") in cal.weekday_of


@lru_cache(maxsize=4096)
def bloc_slug(text: str) -> str | None:
    """The gazetteer slug of a bloc or region of countries that ``text`` names whole ("European Union",
    "East Africa"), keyed as a country is; None for anything else."""
    gaz = gazetteer()
    found = gaz.find(text)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(text):
        entry = gaz.get(found[0].place.key)
        if entry is not None and entry.kind == "area":
            return gaz.slug(found[0].place.key)
    return None


def _trailing_name(words: list["_Word"]) -> str | None:
    """A name after a title or a descriptor ("former pension-fund manager Aidan Roche", "train operator Norrail"):
    capitalised words (one only when no dictionary word) that close a phrase opened by lower-case words (or by a
    capital that only opens the sentence), and are not a nationality or a place."""
    k = len(words)
    while k > 0 and words[k - 1].is_capitalised and not words[k - 1].initial:
        k -= 1
    names = words[k:]
    # (a capital that only opens the sentence, before a lower-case word, is a title's like any: "Luxury label Maison
    # Corvel"; not alone: "Tropical Cyclone Kirra" is one name)
    before = words[:k]
    if not names or k == 0 or any(w.is_capitalised and not w.initial for w in before) or (
        all(w.is_capitalised for w in before)
    ):
        return None
    if len(names) == 1 and (english_word(names[0].lower) or names[0].text.isupper() or _calendar_word(names[0].lower)):
        return None  # one word: a coined name only ("Train operator Norrail"), never "the Labour" or "sales March"
    phrase = " ".join(w.text for w in names)
    if _demonym(phrase) or _demonym(names[0].text) or gazetteer().find(phrase):
        return None
    return " ".join(w.lower for w in names)


def _common_opener(word: str) -> bool:
    """Whether a capitalised first word of a sentence is an ordinary word ("Annual inflation rose", "Voting was
    suspended") rather than a name ("Brightline Corp's profit"): an adjective or a word the lexicon knows."""
    return (word.endswith(_ADJECTIVE_ENDINGS) or _common_word(word)) and english_word(word)


def _plain_opener(words: tuple[tuple[str, bool, bool], ...], k: int) -> bool:
    """Whether the capital of a phrase's first word only opens the sentence: an ordinary English word ("Violent
    crime fell", "Gold hit a record", "Burglaries in Leeds") that does not start a run of capitalised words ("Harbour
    City", "Social Democrats") and is no nationality or country ("German exports")."""
    text = words[k][0]
    lower = text.lower()
    if k + 1 < len(words) and words[k + 1][1]:
        return _common_opener(lower) and not text.isupper()
    if text.isupper() and len(text) > 1:
        return False  # "NATO", "EU"
    return (_common_opener(lower) or english_word(lower)) and not _demonym(text)


def singular(word: str) -> str:
    """A crude singular; only used to make keys agree, never shown to a user."""
    if len(word) <= 3 or word.endswith(("ss", "us", "is", "ics")):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses")):
        return word[:-2]
    if word.endswith("s"):
        return word[:-1]
    return word


def canonical_head(words: Sequence[str]) -> tuple[str, int]:
    """The canonical head noun of lower-case ``words`` and how many trailing words it used."""
    syn = lexicon().head_synonym
    for n in (3, 2, 1):
        if len(words) >= n:
            hit = syn.get(tuple(words[-n:]))
            if hit:
                return hit, n
    return singular(words[-1]), 1


@lru_cache(maxsize=65536)
def _demonym(phrase: str) -> str | None:
    return gazetteer().demonym(phrase)


def actor_key(tokens: Sequence[Token], i: int) -> tuple[str | None, int]:
    """A country (gazetteer key) named by a demonym or actor alias at ``tokens[i]`` and how many tokens it spans
    (none when ``i`` is past the end: "... 500 troops from" ends a hard-wrapped line)."""
    if i >= len(tokens):
        return None, 0
    first = tokens[i]
    if not first.is_capitalised and first.lower not in ("u.s.", "us"):
        return None, 0
    for n in (3, 2, 1):
        if i + n > len(tokens):
            continue
        last = tokens[i + n - 1]
        if n > 1 and not (last.is_word and last.is_capitalised):
            continue  # a country's or a people's name of several words ends in a capital ("Bosnia and Herzegovina")
        key = _demonym(" ".join([t.text for t in tokens[i : i + n]]))
        if key:
            return key, n
    return None, 0


def build_subject(tokens: Sequence[Token], text: str, country: str | None = None) -> Subject | None:
    """Turn the tokens of a noun phrase into a ``Subject``; ``country`` adds an actor known from context."""
    words = tuple(
        (t.text, t.is_capitalised or (k > 0 and t.text[0].isdigit() and _model_number(tokens, k, 0)), t.initial)
        for k, t in enumerate(tokens) if t.is_word
    )  # (a model number is part of the name it ends: "the Nimbus 7")
    if not words:
        return None
    found = _subject_key(words, country)
    if found is None:
        return None
    key, head, country, proper, entities = found
    start, end = tokens[0].start, tokens[-1].end
    return Subject(start, end, text[start:end], key, head, country, proper, entities)  # (positional: built per phrase)


@lru_cache(maxsize=65536)
def _subject_key(
    words_in: tuple[tuple[str, bool, bool], ...], country: str | None
) -> tuple[str, str, str | None, bool, tuple[str, ...]] | None:
    """(key, head, country, proper, entities) for a noun phrase's words; cached, since the same phrases recur in a
    corpus. ``entities`` are the leading parts of the key that say whose thing it is: the country and a name."""
    lex = lexicon()
    gaz = gazetteer()
    of = next((k for k, (text, _, _) in enumerate(words_in) if text == "of"), None)
    if of is not None and 0 < of < len(words_in) - 1 and all(cap for k, (_, cap, _) in enumerate(words_in) if k != of) \
            and _name_joined_by_of(words_in, of):
        # "Central Bank of Turkey": a name joined by "of" is one entity, whose head is the noun before "of"
        name = " ".join(without_legal_suffix([text.lower() for text, _, _ in words_in]))
        return name, singular(words_in[of - 1][0].lower()), country, True, (name,)
    words = [_Word(text, text.lower(), cap, initial=initial and _plain_opener(words_in, k))
             for k, (text, cap, initial) in enumerate(words_in)]
    while words and words[0].lower in lex.determiners and words[0].lower in lex.pronouns:
        words = words[1:]  # "Its smaller rival Pinecrest Logistics": a possessive opening the phrase says whose, no more
    if not words:
        return None
    words = _without_titles(words)
    name = _trailing_name(words)
    if name:
        return name, name.split()[-1], country, True, ()  # "former fund manager Aidan Roche": the person is the key
    modifiers: list[str] = []
    i = 0
    nouns: list[_Word] = []
    while i < len(words):
        key, n = actor_key(words, i)  # type: ignore[arg-type]
        if key and i + n < len(words):
            country = country or key
            i += n
            continue
        t = words[i]
        if t.lower in lex.determiners or t.lower == "'s":
            i += 1
            continue
        if t.is_capitalised and not t.initial and i < len(words) - 1 and not nouns:
            modifiers.append(t.lower)
        else:
            nouns.append(t)
        i += 1
    if not nouns:
        if not modifiers:
            return None
        nouns = [words[-1]]
        modifiers = modifiers[:-1]
    if len(nouns) == 1 and modifiers and nouns[0].is_capitalised and nouns[0].lower.rstrip(".") in lex.legal_suffixes:
        nouns = [_Word(modifiers[-1], modifiers[-1], True)]  # "Brightline Corp" is Brightline
        modifiers = modifiers[:-1]
    # A capital that only opens the sentence ("Gold hit a record", "Burglaries in Leeds fell") makes no name.
    proper = all(t.is_capitalised and not t.initial and not _common_word(t.lower) for t in nouns)
    lowered = [t.lower for t in nouns]
    head, used = canonical_head(lowered)
    rest = lowered[: len(lowered) - used]
    compound = ""
    if rest:
        prev = rest[-1]
        if prev in lex.metric_qualifiers or (  # "operating profit" and "net profit" are two metrics
            prev not in lex.determiners
            and not prev.endswith(_ADJECTIVE_ENDINGS)
            and (not prev[0].isdigit() or _ordinal(prev))  # "the 11th stage" is not "the 12th stage"
            and "-" not in prev
        ):
            compound = singular(prev)
    parts: list[str] = []
    entities: list[str] = []
    if country:
        parts.append(gaz.slug(country))
        entities.append(gaz.slug(country))
    modifiers = without_legal_suffix(modifiers)
    parts.extend(modifiers)
    if modifiers and proper:
        full = [w.text for w in words if w.lower not in lex.determiners]
        entities.append(  # a name in full: "Ines Okafor"; a bloc as its gazetteer slug ("european-union")
            bloc_slug(" ".join(full)) or " ".join(without_legal_suffix(modifiers + lowered)))
    elif modifiers:
        named = " ".join(w.text for w in words if w.is_capitalised and w.lower in modifiers)
        entities.append(bloc_slug(named) or " ".join(modifiers))  # ("27 EU states": the bloc's slug)
    if compound:
        parts.append(compound)
    parts.append(head)
    if proper and not entities:
        # a name ("Brightline", "Ever Given") is the entity it speaks of; a country's name or capital standing for it
        # as its gazetteer slug, the key a country has everywhere else ("The US approved", "Ottawa and Seoul agreed")
        named = [w for w in words if w.lower not in lex.determiners]
        actor, n = actor_key(named, 0)  # type: ignore[arg-type]
        bloc = bloc_slug(" ".join(w.text for w in named)) if not actor else None
        entities.append(gaz.slug(actor) if actor and n == len(named) else bloc or " ".join(parts))
    return " ".join(parts), head, country, proper, tuple(entities)


def _without_titles(words: list["_Word"]) -> list["_Word"]:
    """"Mayor Dana Ortiz", "former mayor Glenn Hartley", "opener Ravi Menon": the titles before a name are not part
    of it (the list is data: ``titles`` in lexicon.json)."""
    kept = without_titles([w.lower for w in words], [w.is_capitalised for w in words])
    return words[len(words) - len(kept) :]


def without_titles(words: list[str], capitalised: list[bool]) -> list[str]:
    """Lower-case ``words`` of a name without the titles before it ("senator alan brooks" -> "alan brooks")."""
    titles = lexicon().titles
    k = 0
    while k < len(words) - 1 and words[k] in titles:
        k += 1
    return words[k:] if k and capitalised[k] else words


def without_legal_suffix(words: list[str]) -> list[str]:
    """"Northwind Corp", "Aomori Motor Co." and "Northwind" name one company: legal-form words at the end of a
    name are dropped (the list is data: ``legal_suffixes`` in lexicon.json)."""
    suffixes = lexicon().legal_suffixes
    out = list(words)
    while len(out) > 1 and out[-1].rstrip(".") in suffixes:
        out.pop()
    return out


@dataclass(slots=True)
class _Word:
    """The parts of a token that a subject key depends on (a ``Token`` without its position)."""

    text: str
    lower: str
    is_capitalised: bool
    is_word: bool = True
    initial: bool = False


def phrase_after(tokens: Sequence[Token], i: int, *, limit: int = 5) -> list[Token]:
    """The noun phrase starting at ``tokens[i]``: words up to a function word, verb-like word or punctuation."""
    lex = lexicon()
    out: list[Token] = []
    possessives = 0  # (a possessive's "'s" takes no place of the limit: "Saudi Arabia's crude exports" is four words)
    j = i
    while j < len(tokens) and len(out) - possessives < limit:
        t = tokens[j]
        if t.lower == "'s" and out:
            out.append(t)
            possessives += 1
            j += 1
            continue
        if t.text in ("'", "’") and out and out[-1].lower.endswith("s") and not out[-1].is_capitalised and (
            j + 1 < len(tokens)
        ) and (
            tokens[j + 1].is_word and not tokens[j + 1].text[0].isdigit()
        ):
            j += 1  # a plural's possessive ("purchasing managers' index"): the phrase goes on
            continue
        if not t.is_word or t.lower in lex.stop_after_number:
            break
        if t.text[0].isdigit():
            break
        if out and out[-1].lower == "'s" and not t.is_capitalised and t.lower not in lex.pronouns:
            out.append(t)  # a possessive's noun phrase, whatever its first word could be: "China's manufacturing output"
            j += 1
            continue
        if out and t.lower.endswith("ing") and _ing_head(tokens, j, out[-1]):
            out.append(t)  # "The Kelso crossing reopened": the -ing word ends the phrase as its noun
            j += 1
            break
        if out and not t.is_capitalised and (_verb_like(t.lower) or t.lower in lex.pronouns or (
            t.lower.endswith("ly") and not _ly_modifier(tokens, j)
        )) and not modifier_participle(tokens, j) and not _plural_after_compound(out[-1], t) and not (
            _head_before_verb(tokens, j, counted=i > 0 and tokens[i - 1].text[0].isdigit())
        ):
            break
        if out and not t.is_capitalised and out[-1].lower.endswith("s") and not t.lower.endswith("s") and (
            plural_noun(out[-1]) and verb_after_plural(t.lower)
        ):
            break  # "1.2 million candidates sat the exam", "three policymakers voting for a cut": the verb
        out.append(t)
        j += 1
    while out and out[-1].lower in lex.determiners:
        out.pop()
    named_of = _name_of(tokens, out, j) if j + 1 < len(tokens) and tokens[j].lower == "of" else None
    if named_of:
        return out + named_of  # "the Central Bank of Turkey", "the University of Leeds": one name
    # "a small group of North Korean soldiers": the group is made of the soldiers; they are the subject.
    if out and out[-1].lower in lex.group_nouns and j + 1 < len(tokens) and tokens[j].lower == "of":
        k = j + 1
        while k < len(tokens) and tokens[k].lower in lex.determiners:
            k += 1
        inner = phrase_after(tokens, k, limit=limit)
        if inner:
            return inner
    return out


def _name_joined_by_of(words_in: tuple[tuple[str, bool, bool], ...], of: int) -> bool:
    """The guards of ``_name_of`` for a phrase already cut: no title before "of" ("President of France"), no
    sentence-opening common word ("Shares of Corvane Pharma"), no month or weekday after it ("End of March")."""
    lex = lexicon()
    cal = calendar_words()
    before = [text.lower() for text, _, _ in words_in[:of]]
    after = [text.lower().rstrip(".") for text, _, _ in words_in[of + 1 :]]
    if any(w in lex.titles for w in before) or any(w in cal.month_of or w in cal.weekday_of for w in after):
        return False
    first, _, initial = words_in[0]
    return not (of == 1 and initial and english_word(first.lower()))


def _name_of(tokens: Sequence[Token], out: list[Token], j: int) -> list[Token]:
    """The "of" and the capitalised words after it that continue a name made of capitalised words ("Central Bank"
    of "Central Bank of Turkey", "Bureau" of "Bureau of Meteorology"), or nothing: not after a title ("President of
    France"), nor before a date ("Bank of England in March" is the bank's; "end of March" no name), nor a place the
    gazetteer knows whole ("Gulf of Mexico")."""
    if not out or j + 1 >= len(tokens) or tokens[j].lower != "of" or not all(
        t.is_word and t.is_capitalised for t in out
    ):
        return []
    lex = lexicon()
    if any(t.lower in lex.titles for t in out) or (len(out) == 1 and out[0].initial and english_word(out[0].lower)):
        return []  # ("Shares of Corvane Pharma tumbled": a capital that only opens the sentence)
    cal = calendar_words()
    run: list[Token] = [tokens[j]]
    k = j + 1
    while k < len(tokens) and len(run) < 4 and tokens[k].is_word and tokens[k].is_capitalised and (
        tokens[k].lower.rstrip(".") not in cal.month_of and tokens[k].lower.rstrip(".") not in cal.weekday_of
    ):
        run.append(tokens[k])
        k += 1
    if len(run) < 2:
        return []
    text = " ".join(t.text for t in out + run)
    if any(p.start == 0 and p.end == len(text) for p in gazetteer().find(text)):
        return []
    return run


def _ing_head(tokens: Sequence[Token], j: int, before: Token) -> bool:
    """An -ing word right before the clause's verb is the head noun of the phrase it ends, not a participle: "the
    Kelso crossing reopened", "the old landing was closed", "the council's hearing had been adjourned". After a
    plural noun or a word for people it stays a participle ("people fleeing reached the border", "police searching
    found"), and so does one before anything but a verb ("firefighters battling the blaze")."""
    t = tokens[j]
    low = t.lower
    if not t.is_word or t.is_capitalised or not low.endswith("ing") or len(low) < 6 or j + 1 >= len(tokens):
        return False
    lex = lexicon()
    if plural_noun(before) or before.lower in lex.determiners or before.lower in lex.person_heads:
        return False
    nxt = tokens[j + 1]
    if not nxt.is_word or nxt.is_capitalised:
        return False
    return nxt.lower in lex.auxiliaries or nxt.lower in lex.irregular_verbs or (
        nxt.lower.endswith("ed") and verb_lemma(nxt.lower) != nxt.lower
    )


def plural_noun(t: Token) -> bool:
    """A lower-case plural noun ("candidates", "policymakers"), by its ending."""
    low = t.lower
    return t.is_word and not t.is_capitalised and low.endswith("s") and not low.endswith(("ss", "us", "is")) and (
        singular(low) != low
    )


def verb_after_plural(word: str) -> bool:
    """After a plural noun, an -ing word is a participle ("policymakers voting") and a past form a verb ("candidates
    sat"): no noun of a compound, which would stand before the plural."""
    if not word.isalpha() or word.endswith("s"):
        return False
    return word.endswith("ing") or verb_lemma(word) != word


def modifier_participle(tokens: Sequence[Token], k: int) -> bool:
    """Whether the -ed word at ``tokens[k]`` describes the noun after it inside a noun phrase ("its first crewed
    flight", "the newly renovated wing"): a determiner, then an -ly word or a phrase adjective (``phrase_adjectives``
    in lexicon.json), then the participle and a plain lower-case noun that is no verb or function word ("the police
    arrested protesters" has a noun before its verb, and stays a verb)."""
    lex = lexicon()
    if k < 2 or k + 1 >= len(tokens) or not tokens[k].lower.endswith("ed"):
        return False
    between, nxt = tokens[k - 1], tokens[k + 1]
    return tokens[k - 2].lower in lex.determiners and between.is_word and not between.is_capitalised and (
        between.lower.endswith("ly") or between.lower in lex.phrase_adjectives
    ) and nxt.is_word and not nxt.is_capitalised and nxt.lower.isalpha() and not (
        nxt.lower in lex.stop_after_number or nxt.lower in lex.determiners or nxt.lower in lex.locative
        or _verb_like(nxt.lower)
    )


def _head_before_verb(tokens: Sequence[Token], j: int, counted: bool = False) -> bool:
    """Whether the word at ``tokens[j]``, which could be read as a verb, is the phrase's head noun because a verb
    group follows it ("The average speed fell to 11 mph", "its supply has shrunk"): a bare form (no -ed, -ing or
    reporting verb, but for a plural a figure counts: "27 EU states met") before an auxiliary, an irregular verb or
    a past-tense verb."""
    lex = lexicon()
    low = tokens[j].lower
    if not _verb_like(low) or low.endswith("ly") or low in lex.pronouns:
        return False
    if (low in lex.reporting_verbs and not (counted and low.endswith("s"))) or j + 1 >= len(tokens) or (
        low.endswith("ing")
    ) or (
        low.endswith("ed") and verb_lemma(low) != low  # ("speed", "feed": no past form)
    ):
        return False
    nxt = tokens[j + 1]
    if not nxt.is_word or nxt.is_capitalised:
        return False
    after = nxt.lower
    return after in lex.auxiliaries or after in lex.irregular_verbs or (
        after.endswith("ed") and verb_lemma(after) != after
    )


def _plural_after_compound(prev: Token, t: Token) -> bool:
    """Whether ``t`` is the plural noun a hyphenated modifier qualifies ("45 high-speed trains", "12 long-range
    strikes"), though it could be read as a verb: a compound adjective is no subject of a verb after it."""
    low = t.lower
    return "-" in prev.lower and not prev.lower.endswith("s") and low.endswith("s") and not low.endswith("ss") and (
        low not in lexicon().reporting_verbs
    )


def _ly_modifier(tokens: Sequence[Token], j: int) -> bool:
    """Whether the -ly word at ``tokens[j]`` modifies the noun after it ("Average weekly wages", "the daily flights"),
    rather than ending the phrase as an adverb ("300 troops quickly advanced"): a plain lower-case word follows that
    is no verb, function word or adverb."""
    lex = lexicon()
    if j + 1 >= len(tokens):
        return False
    nxt = tokens[j + 1]
    return nxt.is_word and not nxt.is_capitalised and nxt.lower.isalpha() and not (
        nxt.lower in lex.stop_after_number or nxt.lower in lex.determiners or nxt.lower in lex.pronouns
        or nxt.lower in lex.auxiliaries or nxt.lower.endswith("ly") or _verb_like(nxt.lower)
    )


@lru_cache(maxsize=65536)
def _verb_like(word: str) -> bool:
    lex = lexicon()
    if word in lex.nominal_ing:
        return False
    if word.endswith("ing") or word.endswith("ed"):
        return True
    return word in lex.reporting_verbs or word in lex.irregular_verbs or word in lex.common_verbs


def country_after(tokens: Sequence[Token], j: int) -> str | None:
    """A country in a trailing "from North Korea" / "of Russia" after a noun phrase ending before ``tokens[j]``."""
    if j < len(tokens) and tokens[j].lower in _ACTOR_PREPOSITIONS:
        k = j + 1
        if k < len(tokens) and tokens[k].lower == "the":
            k += 1
        key, _ = actor_key(tokens, k)
        return key
    return None


def _model_number(tokens: Sequence[Token], k: int, floor: int) -> bool:
    """Whether the bare number at ``tokens[k]`` ends a name as its model or series number ("Nimbus 7", "iPhone 15",
    "Apollo 11"): up to three digits right after a capitalised word that is neither a determiner nor a month or a
    weekday ("in March 2024", "on Friday 13" are dates)."""
    t = tokens[k]
    if k - 1 < floor or not t.text.isdigit() or len(t.text) > 3:
        return False
    prev = tokens[k - 1]
    if not (prev.is_word and _named(prev)) or prev.text[0].isdigit():
        return False
    cal = calendar_words()
    low = prev.lower.rstrip(".")
    return low not in lexicon().determiners and low not in cal.month_of and low not in cal.weekday_of


def _named(t: Token) -> bool:
    """A capital opens the word or stands inside it ("Nimbus", "iPhone")."""
    return t.is_capitalised or any(c.isupper() for c in t.text[1:])


def _ordinal(text: str) -> bool:
    """An ordinal written in digits: "11th", "2nd", "23rd"."""
    return text[:-2].isdigit() and text[-2:].lower() in ("st", "nd", "rd", "th")


def phrase_before(tokens: Sequence[Token], j: int, *, floor: int = 0, limit: int = 4) -> list[Token]:
    """The noun phrase that ends before ``tokens[j]``, looking past verbs and auxiliaries in between.

    "(North Korean troops are) positioned around ..." -> "North Korean troops"; "territory lost in ..." ->
    "territory". Stops at punctuation other than brackets, numbers and function words.
    """
    lex = lexicon()
    k = j - 1
    while k >= floor:
        t = tokens[k]
        low = t.lower
        before = tokens[k - 1].lower if k > 0 else ""
        after_aux = (before in lex.auxiliaries or before == "to") and t.is_word and not t.is_capitalised
        nominal = k > 0 and tokens[k - 1].lower in lex.determiners  # "his sentencing", "the detained"
        nominal = nominal or (k + 1 == j and k > floor and low.endswith("ing") and _ing_head(tokens, k, tokens[k - 1]))
        if t.text in ("(", ")") or low in lex.auxiliaries or low in lex.aux_adverbs or after_aux or low == "to" or (
            t.is_word and not t.is_capitalised and _verb_like(low) and not nominal
        ):
            k -= 1
            continue
        break
    out: list[Token] = []
    while k >= floor and len(out) < limit:
        t = tokens[k]
        if t.lower == "'s" and out:
            out.append(t)
            k -= 1
            continue
        if t.text[0].isdigit() and (_model_number(tokens, k, floor) or _ordinal(t.text) and out):
            # "The Nimbus 7 will launch", "the iPhone 15 went on sale": a number naming a model; "the 11th stage
            # ended in Lyon": an ordinal telling which one (the 12th stage is another)
            out.append(t)
            k -= 1
            continue
        if not t.is_word or t.text[0].isdigit() or t.lower in lex.stop_after_number or t.lower in lex.determiners:
            if t.lower in lex.pronouns and not out:
                out.append(t)
            break
        if out and not t.is_capitalised and _verb_like(t.lower):
            break
        out.append(t)
        if t.lower in lex.pronouns:
            break
        k -= 1
    # "Orlan Steel's chief executive": a name is taken whole, past the limit
    while out and out[-1].is_capitalised and k >= floor and tokens[k].is_capitalised and tokens[k].is_word and (
        tokens[k].lower not in lex.determiners
    ):
        out.append(tokens[k])
        k -= 1
    out.reverse()
    return out
