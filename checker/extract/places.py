"""Places: find them in text, and answer containment and demonym questions about them.

Reports name the same place many ways ("Kursk Oblast", "the Kursk region", "Kursk", "Russia's Kursk"), and a
location conflict is only real when neither place contains the other. So the finder maps every surface form onto
one gazetteer key, and containment is a walk up a parent DAG (a DAG because a place can sit in two groupings:
Donetsk Oblast is in Ukraine and in Donbas; occupied Zaporizhzhia is in Zaporizhzhia Oblast and in occupied Ukraine).

The gazetteer itself is generated at build time (scripts/build_gazetteer.py) and read here as JSON. Occupation
("Russian-occupied <Place>", "occupied territories of <Country>") is applied by rule at match time and yields keys
such as ``UA:occupied`` and ``UA-23:occupied`` that the DAG methods understand without being stored.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import marshal
import os
import re
import sys
import tempfile
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Iterable, Iterator

from checker.models import Place, PlaceMatch, direct_construct

__all__ = ["Entry", "Gazetteer", "gazetteer"]

OCCUPIED = ":occupied"

_KIND_RANK = {"country": 0, "continent": 1, "sea": 1, "area": 1, "region": 2, "city": 3}

# A capitalised word (or one starting with a non-ASCII letter): the only places a place name can start.
# A capitalised word not glued to a word before it; the letter comes first (the lookbehind checks the character
# before it), so that the scan skips to candidate letters without trying the lookbehind at every position.
_START = re.compile(r"[^\W\d_a-z](?<![\w'’].)[^\W\d_]*")
_FIRST_WORD = re.compile(r"[^\W\d_]+")

# "<Name> Oblast", "<Name> province", ... after a match: the type word says which same-named place is meant.
_REGION_SUFFIX = re.compile(
    r"[ \t]+(?:(?:autonomous\s+)?(?:oblast|province|region|state|governorate|county|prefecture|district|krai|kray|"
    r"republic|territory|department|voivodeship|canton|emirate|okrug)|(?P<city>city))\b(?![-\w])",
    re.IGNORECASE,
)
# Words right before a match: direction words keep the place ("eastern Ukraine" is in Ukraine); occupation (below)
# turns it into its occupied part.
_DIRECTIONS = frozenset(
    [f"{a}{b}" for a in ("north", "south", "east", "west") for b in ("", "ern")]
    + [f"{a}{sep}{b}{c}" for a in ("north", "south") for b in ("east", "west") for sep in ("", "-") for c in ("", "ern")]
    + [f"far-{a}{b}" for a in ("north", "south", "east", "west") for b in ("", "ern")]
    + ["central"]
)
_OCCUPIED_BEFORE = re.compile(
    r"(?:(?P<dem>\b[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)[- ])?\b(?P<occ>[Oo]ccupied|[Aa]nnexed|OCCUPIED)\s+"
    r"(?:(?:the\s+)?(?:territor(?:y|ies)|parts?|areas?|regions?|lands?|portions?|districts?|zones?)\s+of\s+)?"
    r"(?:the\s+)?$"
)
# "the occupied territories", "occupied Palestinian territories": occupation without a following place name.
_OCCUPIED_ALONE = re.compile(
    r"\b[Oo]ccupied\s+(?:(?P<adj>[A-Z][a-z]+)\s+)?(?:territor(?:y|ies)|areas|lands)\b(?!\s+of\b)"
)
_DEMONYM_HYPHEN = re.compile(r"\b([A-Z][\w.]*)-$")
# Between two places: "Turkey's Kahramanmaras", "Atlanta, Georgia", "the U.S. state of Georgia".
_LINK_GAP = re.compile(
    r"(?:['’]s\s+|,\s*|\s+(?:state|province|region|oblast|city|county|prefecture|governorate)\s+of\s+(?:the\s+)?)"
)
_REGION_OF_BEFORE = re.compile(
    r"\b(?:state|province|region|oblast|prefecture|governorate|county|krai)\s+of\s+(?:the\s+)?$", re.IGNORECASE
)
_COMMA_GAP = re.compile(r",[ \t]*")
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or|&)\s+)")
_PREV_WORD = re.compile(r"([A-Za-z]+)[ \t]+$")
_PREV_WORD_ANY = re.compile(r"([^\W\d_]+)[ \t]+$")
# Lower-cased text (a tokenised corpus, a model's summary): any word can start a name.
_LOWER_START = re.compile(r"(?<![\w'’])[^\W\d_]+")
_OBJECT_AFTER = re.compile(r"[ \t]+(?:the|a|an|his|her|their|its|our|my|your)\b")  # not "this": "in oslo this week"
_PREV_WORDS = re.compile(r"([a-z]+)[ \t]+(?:(the)[ \t]+)?$")
_POSSESSIVE = re.compile(r"['’]s\b")

_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer place. ``parents`` are keys; ``names`` every surface form people write for it."""

    key: str
    name: str
    kind: str
    parents: tuple[str, ...]
    names: tuple[str, ...]
    population: int = 0
    capital: bool = False


@dataclass(frozen=True, slots=True)
class _Raw:
    start: int
    end: int
    form: str
    keys: tuple[str, ...]


_CONTINUES = frozenset(" -'’.,\t\u00a0")


def _ends_badly(text: str, end: int) -> bool:
    """A name must not stop inside a word ("Romanesque") or before a model number ("KN-23")."""
    c = text[end]
    return c.isalnum() or c == "_" or (c == "-" and text[end + 1 : end + 2].isdigit())


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", _fold(text).lower()).strip("-")


_VARIANT_PREFIXES = ("Saint ", "St. ")


def _variants(name: str) -> Iterable[str]:
    """Spelling variants English copy uses for the same name: curly apostrophes, St/St./Saint."""
    yield name
    if "'" in name:
        yield name.replace("'", "’")
    for a, b in (("Saint ", "St. "), ("Saint ", "St "), ("St. ", "Saint "), ("St. ", "St ")):
        if name.startswith(a):
            yield b + name[len(a):]


class Gazetteer:
    """Places by key, a surface-form index for ``find``, and the parent DAG for containment."""

    def __init__(self, entries: Iterable[Entry], stoplist: dict, demonyms: dict, prefer: dict[str, str]) -> None:
        self._entries: dict[str, Entry] = {e.key: e for e in entries}
        self._ancestors: dict[str, frozenset[str]] = {}
        self._country_cache: dict[str, str | None] = {}
        self._slugs: dict[str, str] = {}
        never = set(stoplist.get("never", []))
        self._needs_cue = frozenset(stoplist.get("needs_cue", []))
        self._cues = frozenset(stoplist.get("cues", []))
        demonym_words = {d.lower() for ds in demonyms.get("demonyms", {}).values() for d in ds}

        index: dict[str, list[str]] = {}
        for entry in self._entries.values():
            local = entry.kind in ("region", "city")
            for name in entry.names:
                # Most names have no variant: skip the generator for them (loading is part of every command's start).
                forms = _variants(name) if "'" in name or name.startswith(_VARIANT_PREFIXES) else (name,)
                for form in forms:
                    if form in never or not form[:1].isupper() and not form[:1].isdigit():
                        continue
                    if len(form) < 3 and not form.isupper():
                        continue
                    if local and form.lower() in demonym_words:
                        continue  # "Somali" the Ethiopian region would swallow the demonym
                    keys = index.get(form)
                    if keys is None:
                        index[form] = [entry.key]
                    elif entry.key not in keys:
                        keys.append(entry.key)

        def rank(form: str, key: str) -> tuple:
            e = self._entries[key]
            exact = 0 if form == e.name or form in e.names[:2] else 1
            return (0 if prefer.get(form) == key else 1, _KIND_RANK.get(e.kind, 4), exact, -e.population)

        self._index: dict[str, tuple[str, ...]] = {
            form: tuple(sorted(keys, key=lambda k, f=form: rank(f, k))) if len(keys) > 1 else (keys[0],)
            for form, keys in index.items()
        }
        # Names kept out as words ("Ouest", "Nord", "Central") that are still a region's name when its type word
        # follows ("the Ouest department", "Nord province"): found only so (``_typed``).
        typed: dict[str, list[str]] = {}
        for entry in self._entries.values():
            if entry.kind == "region":
                for name in entry.names:
                    if name in never and name[:1].isupper():
                        typed.setdefault(name, []).append(entry.key)
        self._typed: dict[str, tuple[str, ...]] = {form: tuple(keys) for form, keys in typed.items()}
        by_first: dict[str, list[str]] = {}
        for form in self._index:
            m = _FIRST_WORD.match(form)
            if m:
                by_first.setdefault(m.group(), []).append(form)
        # first word -> (longer forms starting with it, longest first; the word itself if it is a form)
        # bucketed by the first word plus the next two characters, so "North K..." only tries "North Korea".
        self._by_first: dict[str, tuple[dict[str, tuple[str, ...]], str | None]] = {}
        for w, fs in by_first.items():
            buckets: dict[str, list[str]] = {}
            for f in fs:
                if f != w:
                    buckets.setdefault(f[: len(w) + 2], []).append(f)
            self._by_first[w] = (
                {k: tuple(sorted(v, key=len, reverse=True)) for k, v in buckets.items()},
                w if w in fs else None,
            )
        self._places: dict[tuple[str, str], Place] = {}
        self._demonym_of: dict[str, str | None] = {}  # ``demonym`` answers by the words asked (they recur)

        self._demonyms: dict[str, str] = {}
        for code, words in demonyms.get("demonyms", {}).items():
            for w in words:
                self._demonyms.setdefault(w.lower(), code)
        for entry in self._entries.values():
            if entry.kind == "country":
                for n in entry.names:
                    self._demonyms.setdefault(n.lower(), entry.key)
        for entry in self._entries.values():
            if entry.capital:
                code = self.country_of(entry.key)
                for n in entry.names[:2]:
                    if code:
                        self._demonyms.setdefault(n.lower(), code)
        for word, code in demonyms.get("actors", {}).items():
            self._demonyms[word.lower()] = code

    # ------------------------------------------------------------------------------------------- lookups
    def __contains__(self, key: str) -> bool:
        return self.get(key) is not None

    def get(self, key: str) -> Entry | None:
        """The entry for a key, including synthesised occupied-area keys; ``None`` for an unknown key."""
        entry = self._entries.get(key)
        if entry is not None or not key.endswith(OCCUPIED):
            return entry
        base = self._entries.get(key[: -len(OCCUPIED)])
        if base is None:
            return None
        if base.kind == "country":
            return Entry(key, f"occupied territories of {base.name}", "area", (base.key,), ())
        parents = [base.key]
        country = self.country_of(base.key)
        if country:
            parents.append(country + OCCUPIED)
        return Entry(key, f"occupied {base.name}", "area", tuple(parents), ())

    def name(self, key: str) -> str:
        entry = self.get(key)
        return entry.name if entry else key

    def slug(self, key: str) -> str:
        """Readable lower-case hyphenated slug: ``KP`` -> ``north-korea``, ``RU-KRS`` -> ``kursk-oblast``."""
        slug = self._slugs.get(key)
        if slug is None:
            slug = self._slugs[key] = _slugify(self.name(key))
        return slug

    def ancestors(self, key: str) -> set[str]:
        """The key and every place above it in the parent DAG (an unknown key is its own only ancestor)."""
        return set(self._ancestor_set(key))

    def _ancestor_set(self, key: str) -> frozenset[str]:
        found = self._ancestors.get(key)
        if found is not None:
            return found
        out = {key}
        stack = [key]
        while stack:
            entry = self.get(stack.pop())
            if entry is None:
                continue
            for p in entry.parents:
                if p not in out:
                    out.add(p)
                    stack.append(p)
        found = frozenset(out)
        self._ancestors[key] = found
        return found

    def contains(self, outer: str, inner: str) -> bool:
        """Whether ``inner`` lies within ``outer`` (reflexive, transitive over the parent DAG)."""
        return outer == inner or outer in self._ancestor_set(inner)

    def related(self, a: str, b: str) -> bool:
        """One place contains the other: they cannot conflict as locations."""
        return self.contains(a, b) or self.contains(b, a)

    def country_of(self, key: str) -> str | None:
        """The nearest country at or above a place (breadth-first, so a territory is its own country)."""
        try:
            return self._country_cache[key]
        except KeyError:
            found = self._country_of(key)
            self._country_cache[key] = found
            return found

    def _country_of(self, key: str) -> str | None:
        if key.endswith(OCCUPIED):
            key = key[: -len(OCCUPIED)]
        seen = {key}
        frontier = [key]
        while frontier:
            nxt: list[str] = []
            for k in frontier:
                entry = self._entries.get(k)
                if entry is None:
                    continue
                if entry.kind == "country":
                    return k
                for p in entry.parents:
                    if p not in seen:
                        seen.add(p)
                        nxt.append(p)
            frontier = nxt
        return None

    def demonym(self, word_or_phrase: str) -> str | None:
        """The country (ISO alpha-2) a demonym, country name or government metonym stands for.

        "North Korean" -> KP, "Russians" -> RU, "the Kremlin" -> RU, "Kyiv" -> UA, "U.S." -> US.
        """
        known = self._demonym_of
        if word_or_phrase in known:
            return known[word_or_phrase]
        if len(known) > 100_000:
            known.clear()
        code = known[word_or_phrase] = self._demonym(word_or_phrase)
        return code

    def _demonym(self, word_or_phrase: str) -> str | None:
        phrase = _SPACES.sub(" ", word_or_phrase.strip()).lower().replace("’", "'")
        if phrase.endswith("'s"):
            phrase = phrase[:-2]
        for candidate in (phrase, phrase[4:] if phrase.startswith("the ") else None):
            if not candidate:
                continue
            code = self._demonyms.get(candidate)
            if code:
                return code
            if candidate.endswith("s") and len(candidate) > 4:
                code = self._demonyms.get(candidate[:-1])
                if code and self._entries.get(code, None) is not None and candidate[:-1] not in self._index:
                    return code
        return None

    def lookup(self, form: str) -> tuple[str, ...]:
        """Keys a surface form can mean, best first (empty when it is not a known place name)."""
        return self._index.get(form, ())

    # ------------------------------------------------------------------------------------------- finding
    def find(self, text: str) -> list[PlaceMatch]:
        """Place mentions in ``text``, left to right, without overlaps; the longest name wins at each start.

        A text with no capital letter at all (a lower-cased, tokenised corpus; a model's summary) is read
        case-insensitively, as a rule of the whole text: capitals cannot tell names there, so a one-word name needs a
        locative cue before it ("in norfolk") or a place beside it in a list ("in england and wales"), and an
        abbreviation needs "the" ("the uk", never "us")."""
        if text.islower():
            by_first, index, _ = self._lower_tables()
            raws = self._filter_lower(text, self._scan(text, by_first, index, _LOWER_START))
        else:
            raws = self._scan(text, self._by_first, self._index)
        raws = self._filter_cues(text, raws)
        matches: list[PlaceMatch] = []
        settled = {r.keys[0] for r in raws if len(r.keys) == 1}
        countries = {c for c in (self.country_of(k) for k in settled) if c}
        if self._typed and not text.islower():
            raws = self._with_typed(text, raws, countries)
        prev: _Raw | None = None
        prev_key: str | None = None
        for i, raw in enumerate(raws):
            nxt = raws[i + 1] if i + 1 < len(raws) else None
            start, end = raw.start, raw.end
            keys = raw.keys
            suffix = _REGION_SUFFIX.match(text, end)
            if suffix:
                kinds = ("city",) if suffix.group("city") else ("region",)
                narrowed = tuple(k for k in keys if self._entries[k].kind in kinds)
                if narrowed:
                    keys, end = narrowed, suffix.end()
                elif not suffix.group("city") and suffix.group().strip().lower() in ("region", "area") and \
                        self._entries[keys[0]].kind == "city":
                    end = suffix.end()
            key = self._choose(text, raw, keys, prev, prev_key, nxt, countries)
            start, key = self._qualify(text, start, key)
            matches.append(self._match(start, end, key, text[start:end]))
            prev, prev_key = raw, key
        matches.extend(self._occupied_alone(text, matches))
        matches.sort(key=lambda m: m.start)
        return matches

    def _with_typed(self, text: str, raws: list[_Raw], countries: set[str]) -> list[_Raw]:
        """``raws`` with the regions whose name is also a word, where the region's type word follows the name ("the
        Ouest department", "Nord province") and the text names the region's country elsewhere ("Port-au-Prince",
        "Haiti"): "the North region" of a British company, the "Gulf region" or the "Great Lakes region" are no
        region of Cameroon, Papua New Guinea or South Sudan. A capitalised word right before the name makes it part
        of a longer name ("Great Lakes", "Mekong Delta")."""
        found: list[_Raw] = []
        typed = self._typed
        by_country = self._typed_by_country()
        for country in countries:
            for name in by_country.get(country, ()):  # a few names per country: one scan of the text each
                pos = text.find(name)
                while pos != -1:
                    end = pos + len(name)
                    start, pos = pos, text.find(name, end)
                    if not _REGION_SUFFIX.match(text, end) or (
                        start and (text[start - 1].isalnum() or text[start - 1] in "'’-")
                    ):
                        continue
                    before = _PREV_WORD_ANY.search(text, max(0, start - 30), start)
                    word = before.group(1) if before is not None else ""
                    if word[:1].isupper() and word != "The" and word.lower() not in self._cues:
                        continue  # "Great Lakes region"; but "The Nord department", "In Nord province"
                    keys = tuple(k for k in typed[name] if self.country_of(k) in countries)
                    if len(keys) == 1:
                        found.append(_Raw(start, end, name, keys))
        found.sort(key=lambda r: r.start)
        if not found:
            return raws
        starts = [r.start for r in raws]
        for r in found:
            i = bisect.bisect_right(starts, r.start)
            if i and raws[i - 1].end > r.start or i < len(raws) and raws[i].start < r.end:
                continue  # inside a longer name already found
            raws.insert(i, r)
            starts.insert(i, r.start)
        return raws

    def _typed_by_country(self) -> dict[str, tuple[str, ...]]:
        """``_typed``'s names by the countries of their regions, built on first use."""
        table = getattr(self, "_typed_countries", None)
        if table is None:
            grouped: dict[str, set[str]] = {}
            for name, keys in self._typed.items():
                for k in keys:
                    country = self.country_of(k)
                    if country:
                        grouped.setdefault(country, set()).add(name)
            table = self._typed_countries = {c: tuple(sorted(n)) for c, n in grouped.items()}
        return table

    def _match(self, start: int, end: int, key: str, surface: str) -> PlaceMatch:
        """Places are frozen, so one instance per (key, surface) is shared: the same names recur all the time."""
        place = self._places.get((key, surface))
        if place is None:
            if len(self._places) > 100_000:
                self._places.clear()
            place = self._places[(key, surface)] = Place(key=key, name=self.name(key), text=surface)
        return direct_construct(PlaceMatch, {"start": start, "end": end, "place": place})

    def _lower_tables(self) -> tuple[dict, dict[str, tuple[str, ...]], dict[str, str]]:
        """``_by_first`` and ``_index`` over lower-cased forms, and each lower-cased form's written form (not an
        abbreviation where there is a choice: "us" is "Us" before "US"); built on first use, for lower-cased text."""
        tables = getattr(self, "_lower", None)
        if tables is None:
            index: dict[str, list[str]] = {}
            written: dict[str, str] = {}
            for form, keys in self._index.items():
                low = form.lower()
                merged = index.setdefault(low, [])
                merged.extend(k for k in keys if k not in merged)
                if low not in written or written[low].isupper():
                    written[low] = form
            by_first: dict[str, list[str]] = {}
            for low in index:
                m = _FIRST_WORD.match(low)
                if m:
                    by_first.setdefault(m.group(), []).append(low)
            firsts: dict[str, tuple[dict[str, tuple[str, ...]], str | None]] = {}
            for w, fs in by_first.items():
                buckets: dict[str, list[str]] = {}
                for f in fs:
                    if f != w:
                        buckets.setdefault(f[: len(w) + 2], []).append(f)
                firsts[w] = ({k: tuple(sorted(v, key=len, reverse=True)) for k, v in buckets.items()},
                             w if w in fs else None)
            tables = self._lower = (firsts, {low: tuple(keys) for low, keys in index.items()}, written)
        return tables

    def _filter_lower(self, text: str, raws: list[_Raw]) -> list[_Raw]:
        """The names of a lower-cased text that are places by their context, under their written form: a name of
        two words or more; an abbreviation after "the"; one word after a locative cue ("in", "near", "from", also
        with "the" between) and not before an object ("in reading the news"), or in the possessive when it needs no
        cue in capitalised text either ("bristol's harbour", not "reading's"), or in a list beside a place kept
        so."""
        written = self._lower_tables()[2]
        named = [_Raw(r.start, r.end, written.get(r.form, r.form), r.keys) for r in raws]
        kept: list[bool] = []
        for r in named:
            before = _PREV_WORDS.search(text, max(0, r.start - 30), r.start)
            if r.form.isupper():
                kept.append(before is not None and "the" in (before.group(1), before.group(2)))
            elif " " in r.form or "-" in r.form:
                kept.append(True)
            else:
                # "in reading the news": a word that takes an object is a verb, not a town; "nottingham's venues":
                # in the possessive, a name that needs no cue in capitalised text either is the place's
                kept.append(before is not None and before.group(1) in self._cues
                            and not _OBJECT_AFTER.match(text, r.end)
                            or _POSSESSIVE.match(text, r.end) is not None and r.form not in self._needs_cue
                            and r.form.capitalize() not in self._needs_cue)
        out: list[_Raw] = []
        for i, r in enumerate(named):
            listed = not kept[i] and not r.form.isupper() and any(
                0 <= j < len(named) and kept[j]
                and _LIST_GAP.fullmatch(text, *((named[j].end, r.start) if j < i else (r.end, named[j].start)))
                for j in (i - 1, i + 1))
            if kept[i] or listed:
                out.append(r)
        return out

    def _scan(self, text: str, by_first: dict, index: dict[str, tuple[str, ...]], starts: re.Pattern = _START
              ) -> list[_Raw]:
        out: list[_Raw] = []
        pos = 0
        size = len(text)
        for m in starts.finditer(text):
            s = m.start()
            if s < pos:
                continue
            hit = by_first.get(m.group())
            if hit is None:
                continue
            longer, single = hit
            e = m.end()
            found = None
            if longer and e < size and text[e] in _CONTINUES:
                for form in longer.get(text[s : e + 2], ()) or longer.get(text[s : e + 1], ()):
                    if text.startswith(form, s):
                        fe = s + len(form)
                        if fe >= size or not _ends_badly(text, fe):
                            found = form
                            break
            if found is None and single is not None and (e >= size or not _ends_badly(text, e)):
                found = single
            if found is not None:
                fe = s + len(found)
                out.append(_Raw(s, fe, found, index[found]))
                pos = fe
        return out

    def _filter_cues(self, text: str, raws: list[_Raw]) -> list[_Raw]:
        """Drop names that are also people's names or words ("Chad Smith", "the Jordan family") unless a cue
        word ("in", "to", "from" ...) stands before them or they sit in a list of other places."""
        if not any(r.form in self._needs_cue for r in raws):
            return raws
        keep: list[_Raw] = []
        for i, r in enumerate(raws):
            if r.form not in self._needs_cue:
                keep.append(r)
                continue
            before = _PREV_WORD.search(text, max(0, r.start - 30), r.start)
            if before and before.group(1) in self._cues:
                keep.append(r)
                continue
            listed = False
            for j in (i - 1, i + 1):
                if 0 <= j < len(raws) and raws[j].form not in self._needs_cue:
                    a, b = (raws[j], r) if j < i else (r, raws[j])
                    if _LIST_GAP.fullmatch(text, a.end, b.start):
                        listed = True
            if listed:
                keep.append(r)
        return keep

    def _choose(self, text: str, raw: _Raw, keys: tuple[str, ...], prev: _Raw | None, prev_key: str | None,
                nxt: _Raw | None, countries: set[str]) -> str:
        """Pick among same-named places: the place written right after it ("Hyderabad, Pakistan"), an explicit
        link to the place before ("the U.S. state of Georgia", "Atlanta, Georgia"), then "state/province of",
        then a country the text names elsewhere."""
        if len(keys) == 1:
            return keys[0]
        if nxt is not None and len(nxt.keys) == 1 and _COMMA_GAP.fullmatch(text, raw.end, nxt.start) \
                and not self.related(nxt.keys[0], keys[0]):
            outer = nxt.keys[0]
            for k in keys:
                if k != outer and self.contains(outer, k):
                    return k
        if prev is not None and prev_key is not None and _LINK_GAP.fullmatch(text, prev.end, raw.start) \
                and not self.contains(self.country_of(prev_key) or prev_key, keys[0]):
            outer = self.country_of(prev_key) or prev_key
            for k in keys:
                if k != outer and (self.contains(prev_key, k) or self.country_of(k) == outer):
                    return k
        if _REGION_OF_BEFORE.search(text, max(0, raw.start - 40), raw.start):
            for k in keys:
                if self._entries[k].kind == "region":
                    return k
        best_rank = _KIND_RANK.get(self._entries[keys[0]].kind)
        for k in keys:
            if _KIND_RANK.get(self._entries[k].kind) != best_rank:
                break
            if self.country_of(k) in countries:
                return k
        return keys[0]

    def _qualify(self, text: str, start: int, key: str) -> tuple[int, str]:
        """Extend a match backwards over "northern"/"occupied"/"Russian-occupied territories of" and turn the key
        into its occupied part when occupation is named."""
        if start > 1 and text[start - 1] in " \t":
            space = text.rfind(" ", max(0, start - 20), start - 1)
            word_start = space + 1 if space >= 0 else max(0, start - 20)
            if text[word_start : start - 1].lower() in _DIRECTIONS:
                start = word_start
        lo = max(0, start - 80)
        if text.find("ccupied", lo, start) < 0 and text.find("nnexed", lo, start) < 0:
            return start, key
        o = _OCCUPIED_BEFORE.search(text, lo, start)
        if o:
            dem = o.group("dem")
            start = o.start() if dem and self.demonym(dem) else o.start("occ")
            if not key.endswith(OCCUPIED):
                key = key + OCCUPIED
        return start, key

    def _occupied_alone(self, text: str, matches: list[PlaceMatch]) -> list[PlaceMatch]:
        """'occupied Palestinian territories' / 'Russian-occupied territories': the country comes from the adjective,
        or, when the occupier is named, from the nearest other country named shortly before; otherwise nothing
        (a bare "the occupied territories" does not say whose)."""
        if "ccupied" not in text:
            return []
        out: list[PlaceMatch] = []
        starts = [pm.start for pm in matches]
        for m in _occupied_phrases(text):
            begin = m.start()
            dem = _DEMONYM_HYPHEN.search(text, max(0, begin - 30), begin)
            if dem:
                begin = dem.start()
            i = bisect.bisect_right(starts, begin)
            if i and matches[i - 1].end > begin or i < len(matches) and matches[i].start < m.end():
                continue  # already part of "occupied <Place>"
            occupier = self.demonym(dem.group(1)) if dem else None
            country = self.demonym(m.group("adj")) if m.group("adj") else None
            if country is None and occupier is not None:
                # only with a named occupier is the country named just before a safe guess for whose land it is
                for pm in reversed(matches[:i]):
                    if begin - pm.end > 300:
                        break
                    c = self.country_of(pm.place.key)
                    if c and c != occupier:
                        country = c
                        break
            if country is None:
                continue
            key = country + OCCUPIED
            out.append(self._match(begin, m.end(), key, text[begin : m.end()]))
        return out


def _occupied_phrases(text: str) -> Iterator[re.Match[str]]:
    """``_OCCUPIED_ALONE.finditer(text)``, tried only where "ccupied" is written: the regex, run over a whole report,
    would be tried at every character (20 ms a MB of report that says "occupied" once, 1% of its extraction)."""
    taken = 0
    i = text.find("ccupied", 1)
    while i != -1:
        if i - 1 >= taken:
            m = _OCCUPIED_ALONE.match(text, i - 1)
            if m is not None:
                yield m
                taken = m.end()
        i = text.find("ccupied", i + 1)


def _read(name: str) -> dict:
    return json.loads(resources.files("checker.data").joinpath(name).read_text(encoding="utf-8"))


_SOURCES = ("gazetteer.json", "place_stoplist.json", "demonyms.json")


def _build(texts: dict[str, str]) -> Gazetteer:
    data = json.loads(texts["gazetteer.json"])
    entries = [
        Entry(e["key"], e["name"], e["kind"], tuple(e["parents"]), tuple(e["names"]), e.get("pop", 0),
              bool(e.get("capital")))
        for e in data["entries"]
    ]
    return Gazetteer(entries, json.loads(texts["place_stoplist.json"]), json.loads(texts["demonyms.json"]),
                     data.get("prefer", {}))


# What ``Gazetteer.__init__`` computes from the data files, kept by ``gazetteer()`` in the user's cache folder.
_STATE = ("_needs_cue", "_cues", "_index", "_by_first", "_demonyms", "_country_cache", "_typed")


def _state(g: Gazetteer) -> dict:
    entries = [(e.key, e.name, e.kind, e.parents, e.names, e.population, e.capital) for e in g._entries.values()]
    return {"entries": entries, **{name: getattr(g, name) for name in _STATE}}


def _from_state(state: dict) -> Gazetteer:
    """The gazetteer ``_state`` describes, as ``Gazetteer.__init__`` left it."""
    g = Gazetteer.__new__(Gazetteer)
    g._entries = {e[0]: Entry(*e) for e in state["entries"]}
    g._ancestors, g._slugs, g._places, g._demonym_of = {}, {}, {}, {}
    for name in _STATE:
        setattr(g, name, state[name])
    return g


def _cache_path(texts: dict[str, str]) -> Path | None:
    """Where the built gazetteer for these data files, this module and this Python is cached; None if unknown."""
    try:
        code = Path(__file__).read_bytes()
        from platformdirs import user_cache_dir
    except (OSError, ImportError):
        return None
    digest = hashlib.sha256(code)
    for name in _SOURCES:
        digest.update(f"\0{name}\0{len(texts[name])}\0".encode())
        digest.update(texts[name].encode("utf-8", "surrogatepass"))
    digest.update(f"\0{sys.version_info[:2]}\0{marshal.version}".encode())
    return Path(user_cache_dir("checker")) / f"gazetteer-{digest.hexdigest()[:24]}.marshal"


@cache
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer, loaded once from checker/data.

    Building its index takes 0.1 s of CPU, a large share of the start-up of every command that extracts, so the
    built index is kept in the user's cache folder (``marshal``: plain data, never code), named by a digest of the
    data files, this module's source and the Python version: any change to them builds it again. The file starts
    with the SHA-256 of the rest, so a damaged one is built again too (like the corpus index, it is not proof
    against someone who can write the user's files). A cache that cannot be read or written is built around,
    silently."""
    folder = resources.files("checker.data")
    texts = {name: folder.joinpath(name).read_text(encoding="utf-8") for name in _SOURCES}
    path = _cache_path(texts)
    if path is not None:
        try:
            blob = path.read_bytes()
            if hashlib.sha256(blob[32:]).digest() == blob[:32]:
                return _from_state(marshal.loads(blob[32:]))
        except (OSError, EOFError, ValueError, TypeError, KeyError, IndexError):
            pass
    built = _build(texts)
    if path is not None:
        payload = marshal.dumps(_state(built))
        _write_whole(path, hashlib.sha256(payload).digest() + payload)
        _prune(path.parent)
    return built


_KEPT = 4  # built gazetteers kept in the cache folder: checkouts or versions used side by side


def _prune(folder: Path) -> None:
    """Delete all but the ``_KEPT`` newest built gazetteers (each edit of the data or of this module adds one)."""
    try:
        found = sorted(folder.glob("gazetteer-*.marshal"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in found[_KEPT:]:
            old.unlink()
    except OSError:
        pass


def _write_whole(path: Path, data: bytes) -> None:
    """``data`` written to a temporary file beside ``path``, then renamed onto it (a reader never sees half of it);
    nothing on an error."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(temp, path)
    except OSError:
        pass
    finally:
        if os.path.exists(temp):
            os.unlink(temp)
