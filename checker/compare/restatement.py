"""Restatements: two reports that say the same thing in nearly the same words, except one value or one "not".

Wire copy is reused: a sentence travels from one report to the next and is edited on the way ("Kestrel Ferries
said 212 passengers were on board" / "Kestrel Ferries said 122 passengers were on board"; "The treasurer was
charged" / "The treasurer was not charged"). When two sentences of different reports are the same words but for
one short stretch, that stretch is what they disagree about, whether or not the claim-frame rules understood the
sentence. This module finds such pairs and hands the two differing values to the ordinary judgement (tolerance,
time, scope), as claims of their own:

- the differing stretch must hold a value on both sides of the same type (a figure, a date, a place), be a
  negation cue on one side only ("not", "n't", "never"), between two reports be a whole name on both sides
  ("Striker Kai Mendes scored" / "Striker Leon Tate scored": who, the kind ``name``), or be a pronoun of one
  gender against one of the other ("outside his home" / "outside her home": one person told two ways);
- the shared words must name something particular, a name, a place or another figure, or, for a "not" added,
  run long enough that no two stories would share them by chance (boilerplate such as "Net profit was $300
  million, the company said" recurs in every company's report, and a background line such as "In 2015, a quake in
  the same region killed thousands" in every quake story, its year changed);
- the rest of the two sentences must be the same words (ignoring case and punctuation), allowing one other short
  stretch of plain lower-case words added on one side ("said last week that" / "said that"), function words
  swapped ("that" / "which"), one word spelled another way ("theatre" / "theater") or a name told in full on
  one side ("the Food and Drug Administration" / "the China Food and Drug Administration"); a second stretch with a
  name, a number or other content words in it means the sentences are about different things ("Shares in Acme
  rose 5%" / "Shares in Brill rose 3%"; "34 patients at the county hospital" / "43 at the city clinic").

Edited copy is often reworded besides its value, so two sentences of different reports that fail the rest's test are
read again with the rewording that carries no value set aside (``_reworded``): function words and punctuation
changed, a clause moved with its figure ("the 31-year-old suspect" / "the suspect, who is 31": the moved words count
as shared when the sentences are measured), a person's gender told in every pronoun ("She won her case" / "He won
his case": one value), and, against a pronoun only, a plain verb told by another ("has asked" / "has appealed").
What is left must be one value, a whole name, pronoun, figure, date or place on both sides, and the shared rest must
be the story's own: four content words and a name or place, or six content words. A verb changed next to a name says
what the person did ("Councillor Berg visited the village" / "Councillor Hale toured the village"), and a word
changed next to a figure what it counts ("confirmed 12 cases" / "suspected 15 cases"): neither is flagged.

Two more kinds of name are read between reports: a surname opening the sentence, set off by a comma, against a
full name ("Franklin, competing ..." / "Adam Burgess, competing ..."), and a place where a title's portfolio stood
("Transport Minister Lucia Ferri" / "Milan Minister Lucia Ferri").

Inside one report the bar is higher: the same sentence told twice (a lead and its restatement further down) with
only the value changed, and nothing else reworded (a gender told in every pronoun is one value). There a long
sentence needs no name to tie its two tellings: no boilerplate is told twice in one report by chance.

Candidates come from an inverted index of each sentence's content words; a posting longer than
``_MAX_POSTING`` (a word in every report of the corpus) is not followed, so the cost grows with the number of
sentences that share rare words, not with the square of all sentences.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import sys
from array import array
from bisect import bisect_right
from collections import Counter, defaultdict
from difflib import SequenceMatcher
from functools import cache
from itertools import compress
from typing import Callable, Iterable, Iterator, Mapping, Sequence

from rapidfuzz import fuzz

from checker.compare.similarity import alignment, vocabulary
from checker.extract.dates import calendar_words
from checker.extract.lexicon import english_word, lexicon, verb_lemma
from checker.extract.numbers import parse_number
from checker.models import (
    Alignment,
    Assertion,
    Event,
    Modality,
    Name,
    Place,
    Polarity,
    Quantity,
    Slot,
    Span,
    Statement,
    TimeRange,
)

_TOKEN = re.compile(r"[A-Za-z]+(?=n['’]t\b)|n['’]t\b|\d+(?:[.,:]\d+)*|[A-Za-z]+(?:['’][A-Za-z]+)?|[^\w\s]")
_MIN_RATIO = 0.8
_MIN_RATIO_WITHIN = 0.9
_MIN_RATIO_MOVED = 0.7  # two reports' sentences this close may be one, once the words of a moved clause count
_MIN_SHARED = 0.6  # of the shorter sentence's content words
_MAX_POSTING = 200
_MAX_STRETCH = 4  # tokens in a differing stretch
_MAX_REWORDED = 4  # differing stretches of a sentence reworded besides its value (``_reworded``)
_MAX_NAME = 6  # tokens in a differing name ("the Royal Courts of Justice")
_SPELLING = 80  # rapidfuzz ratio of two spellings of one word
_LONG_SHARED = 6  # shared content words (not function words, not values) that make a sentence one story's own
_REWORDED_SHARED = 4  # shared content words that, with a name or place shared, tie two reworded tellings
_ATTRIBUTE = {Quantity: "count", TimeRange: "when", Place: "location", Name: "who"}


_NON_ASCII = re.compile(r"[^\x00-\x7f]")
# Token -> whether it is a content word (``_Words.content_words``); tokens are interned, so this holds each once.
_CONTENT_TOKEN: dict[str, bool] = {}
_CONTENT_TOKENS_HELD = 262_144


def _lowers_in_place(text: str) -> bool:
    """Whether ``text.lower()`` changes only ASCII capitals: then the tokens of the lowered text are the lowered
    tokens of the text, at the same offsets (not so for "İ", two characters lowered, or a final sigma)."""
    return text.isascii() or all(c == c.lower() for c in set(_NON_ASCII.findall(text)))


class _Words:
    """A sentence as lower-case tokens with their offsets. Held for every sentence of a run, so compactly: each
    token string once per process (interned), tokens in a tuple, offsets as machine integers, capitals as bytes,
    and the content words as a tuple in the order of their set (``content`` gives the set).

    Most sentences never meet another closely enough to be compared word by word, so their offsets and capitals
    are only worked out when first asked for (``starts``, ``ends``, ``capitals``)."""

    __slots__ = ("statement", "path", "_tokens", "_starts", "_ends", "_capitals", "content_words", "claims")

    def __init__(self, path: str, statement: Statement) -> None:
        self.statement, self.path = statement, path
        # The tokens are only read for the few sentences that meet another one closely (``tokens``), so they are
        # not held for every sentence (20k generated reports: 50 MB).
        tokens = self._tokenize()
        # A set of a dozen strings takes 700 bytes, a tuple of them 150: the tuple is held, in the set's order.
        # Content words are alphabetic and longer than three letters; whether a token is one is looked up (in C)
        # once it has been seen.
        marks = list(map(_CONTENT_TOKEN.get, tokens))
        if None in marks:
            if len(_CONTENT_TOKEN) >= _CONTENT_TOKENS_HELD:  # numbers are tokens too: held within a bound
                _CONTENT_TOKEN.clear()
            for t in tokens:
                if t not in _CONTENT_TOKEN:
                    _CONTENT_TOKEN[t] = len(t) > 3 and t.isalpha()
            marks = list(map(_CONTENT_TOKEN.__getitem__, tokens))
        self.content_words = tuple(frozenset(compress(tokens, marks)))
        # The claims made of this sentence so far (``_restated``): a sentence copied through a long report is
        # restated by each copy, with the same claim on its side each time.
        self.claims: dict[tuple, Assertion] | None = None

    def _tokenize(self) -> tuple[str, ...]:
        text = self.statement.evidence.text
        if _lowers_in_place(text):
            return tuple(map(sys.intern, _TOKEN.findall(text.lower().replace("’", "'"))))
        return tuple(sys.intern(m.group().lower().replace("’", "'")) for m in _TOKEN.finditer(text))

    @property
    def tokens(self) -> tuple[str, ...]:
        """The sentence's lower-case tokens, worked out again on first use (``__init__`` lets them go)."""
        try:
            return self._tokens
        except AttributeError:
            self._tokens = self._tokenize()
            return self._tokens

    def _offsets(self) -> None:
        matches = list(_TOKEN.finditer(self.statement.evidence.text))
        self._starts = array("I", [m.start() for m in matches])  # offsets into the sentence as analysed (Slot.at)
        self._ends = array("I", [m.end() for m in matches])
        self._capitals = bytes(m.group()[:1].isupper() for m in matches)

    def _lazy(self, name: str):
        """A slot ``_offsets`` fills, filled on first use."""
        try:
            return getattr(self, name)
        except AttributeError:
            self._offsets()
            return getattr(self, name)

    @property
    def starts(self) -> array:
        return self._lazy("_starts")

    @property
    def ends(self) -> array:
        return self._lazy("_ends")

    @property
    def capitals(self) -> bytes:
        return self._lazy("_capitals")

    @property
    def content(self) -> frozenset[str]:
        """The sentence's content words (alphabetic, longer than three letters)."""
        return frozenset(self.content_words)


def restated_pairs(
    statements: Mapping[str, Sequence[Statement]],
    *,
    incoming: set[str] | None = None,
    comparable: Callable[[str, str], bool] = lambda a, b: True,
    names: Mapping[str, frozenset[str]] | None = None,
    linked: bool = False,
) -> Iterator[tuple[Assertion, Assertion]]:
    """For every pair of near-identical sentences of two reports, the two values they differ in, as claims.

    With ``names`` (each report's rare names), two reports that both name things outside the sentence must share
    one of them: "Analysts polled by LSEG had expected revenue of about $39.3 billion" is in every earnings story
    that agency writes, and only the company's name elsewhere tells whose revenue it is.

    ``linked`` says the caller already knows each pair of reports to be one text edited (two versions of a document,
    ``checker diff``): the shared words then need not name anything particular to tie the two sentences."""
    names = names or {}
    words = sentence_words(statements)
    postings: dict[str, list[int]] = defaultdict(list)
    for i, w in enumerate(words):
        for token in w.content_words:
            postings[token].append(i)
    # ``shares_enough``: ``count >= _MIN_SHARED * min(len(left), len(right))``, the bar of each side worked out once.
    bars = [_MIN_SHARED * len(w.content_words) for w in words]
    for i, left in enumerate(words):
        if not left.content_words:
            continue
        # The later sentences sharing each content word, counted (a posting is in sentence order: the part after
        # ``i`` starts where ``bisect`` says); in the order they first come up, as the pairs are yielded.
        shared: Counter[int] = Counter()
        for token in left.content_words:
            posting = postings[token]
            if len(posting) > _MAX_POSTING:
                continue
            shared.update(posting[bisect_right(posting, i):])
        bar = bars[i]
        for j, count in shared.items():
            if count >= bar or count >= bars[j]:  # ``shares_enough``, asked before anything is built
                yield from candidate_values(left, words[j], count, incoming=incoming, comparable=comparable,
                                            names=names, linked=linked)


def restated_against(
    drafts: Mapping[str, Sequence[Statement]], sources: Mapping[str, Sequence[Statement]]
) -> Iterator[tuple[Assertion, Assertion]]:
    """For every sentence of ``drafts`` that restates a sentence of ``sources`` (never two sources, never two
    drafts), the two values they differ in, draft side first: ``checker verify``'s question, asked draft sentence by
    draft sentence of an index of the sources' words, so sources are not paired among themselves."""
    right = sentence_words(sources)
    postings: dict[str, list[int]] = defaultdict(list)
    for j, w in enumerate(right):
        for token in w.content_words:
            postings[token].append(j)
    for left in sentence_words(drafts):
        shared: dict[int, int] = defaultdict(int)
        for token in left.content_words:
            posting = postings.get(token, ())
            if len(posting) > _MAX_POSTING:
                continue
            for j in posting:
                shared[j] += 1
        for j, count in shared.items():
            for a, b in candidate_values(left, right[j], count):
                yield (a, b) if a.path == left.path else (b, a)


def sentence_words(statements: Mapping[str, Sequence[Statement]]) -> list[_Words]:
    """Every report's sentences as words, in the order ``restated_pairs`` pairs them (by path, then in order)."""
    return [_Words(path, s) for path in sorted(statements) for s in statements[path]]


def candidate_values(
    left: _Words,
    right: _Words,
    count: int,
    *,
    incoming: set[str] | None = None,
    comparable: Callable[[str, str], bool] = lambda a, b: True,
    names: Mapping[str, frozenset[str]] | None = None,
    linked: bool = False,
) -> Iterable[tuple[Assertion, Assertion]]:
    """The differing values of two sentences that share ``count`` content words (each in at most ``_MAX_POSTING``
    sentences), when they are close enough to be one sentence restated (``checker.scale`` calls this per word;
    ``linked`` as for :func:`restated_pairs`)."""
    if not shares_enough(left, right, count):
        return
    if incoming is not None and left.path not in incoming and right.path not in incoming:
        return
    if not comparable(left.path, right.path) or not _same_story(left, right, names or {}):
        return
    yield from _differing_values(left, right, linked)


def shares_enough(left: _Words, right: _Words, count: int) -> bool:
    """Whether ``count`` shared content words are enough of the shorter sentence's to be worth comparing."""
    return count >= _MIN_SHARED * min(len(left.content_words), len(right.content_words))


def _same_story(left: _Words, right: _Words, names: Mapping[str, frozenset[str]]) -> bool:
    own = {t for w in (left, right) for k, t in enumerate(w.tokens) if w.capitals[k]}
    other_left = names.get(left.path, frozenset()) - own
    other_right = names.get(right.path, frozenset()) - own
    return not (other_left and other_right) or bool(other_left & other_right)


def _differing_values(left: _Words, right: _Words, linked: bool = False) -> Iterable[tuple[Assertion, Assertion]]:
    within = left.path == right.path
    matcher = SequenceMatcher(None, left.tokens, right.tokens, autojunk=False)
    least = _MIN_RATIO_WITHIN if within else _MIN_RATIO
    lowest = least if within else _MIN_RATIO_MOVED
    # The two cheap upper bounds first: most candidates sharing content words are not near-identical sentences.
    if matcher.real_quick_ratio() < lowest or matcher.quick_ratio() < lowest:
        return
    ratio = matcher.ratio()
    if ratio < lowest:
        return
    stretches = [
        op for op in matcher.get_opcodes()
        if op[0] != "equal" and not _punctuation(left, right, op) and (within or not _fuller_name(left, right, op))
    ]
    if len(stretches) > 1 and _one_gender(left, right, stretches):
        stretches = stretches[:1]  # "She won her case" / "He won his case": one person's gender, told twice
    valued = [op for op in stretches if not _plain(left, right, op) or _pronoun_swap(left, right, op)]
    found = []
    moved: set[tuple] | None = None
    if ratio < least:
        # close only once the words a clause moved are counted as shared
        moved = _moved(left, right, stretches)
        carried = sum(i2 - i1 + j2 - j1 for _, i1, i2, j1, j2 in moved)
        if not moved or ratio + carried / (len(left.tokens) + len(right.tokens)) < least:
            return
    elif len(stretches) <= (1 if within else 2) and len(valued) == 1:
        # inside one report only the same sentence told twice with one value changed
        found = list(_stretch_values(left, right, matcher, valued[0], linked=linked))
    if not found and not within and 1 < len(stretches) <= _MAX_REWORDED:
        # the sentence reworded besides its value: read again, the rewording set aside
        valued = _reworded(left, right, stretches, _moved(left, right, stretches) if moved is None else moved)
        if len(valued) == 1:
            found = list(_stretch_values(left, right, matcher, valued[0], linked=linked, reworded=True))
    yield from found


def _stretch_values(
    left: _Words, right: _Words, matcher: SequenceMatcher, op: tuple, *, linked: bool, reworded: bool = False
) -> Iterable[tuple[Assertion, Assertion]]:
    """The two values of the differing stretch ``op`` of two restated sentences, as claims, when it holds one."""
    within = left.path == right.path
    _, i1, i2, j1, j2 = op
    a_words, b_words = left.tokens[i1:i2], right.tokens[j1:j2]
    negation, do_support = _negation_only(a_words, b_words), _do_support(a_words, b_words)
    a_name = b_name = None
    pronouns = _pronoun_swap(left, right, op) or (reworded and _pronoun_pair(left, right, op))
    if pronouns:
        # "outside his holiday home" / "outside her holiday home": one person told as a man and as a woman
        a_at, b_at = _pronoun_at(left, i1, i2), _pronoun_at(right, j1, j2)
        a_name, b_name = _pronoun_slot(left, a_at), _pronoun_slot(right, b_at)
    elif not within:
        a_name, b_name = _name_over(left, i1, i2), _name_over(right, j1, j2)
        if a_name is None and b_name is not None and _full_name(b_name):
            a_name = _opening_name(left, i1, i2)
        elif b_name is None and a_name is not None and _full_name(a_name):
            b_name = _opening_name(right, j1, j2)
        if a_name is None or b_name is None:
            a_name, b_name = _title_qualifier(left, right, i1, i2, j1, j2) or (a_name, b_name)
    named = a_name is not None and b_name is not None
    if max(i2 - i1, j2 - j1) > (_MAX_NAME if named else _MAX_STRETCH):
        return
    # A name swapped in a sentence that is one story's own (long enough) is flagged even with no other name shared;
    # so is any value inside one report, whose own long sentence told twice is no boilerplate shared by chance.
    long_wording = within or negation or do_support or named
    if not (linked or _anchored(left, matcher, i1, i2, long_wording=long_wording, reworded=reworded)):
        return
    if negation:
        yield from _polarity(left, right, i1, i2, j1, j2)
        return
    if do_support:
        # "produces" / "does not produce": the cue and "do" on one side, the verb on both
        if len(a_words) == 1:
            yield from _polarity(left, right, i1, i1, j1, j2 - 1)
        else:
            yield from _polarity(left, right, i1, i2 - 1, j1, j1)
        return
    if named:
        a_slot, b_slot = a_name, b_name
    else:
        a_slot = _slot_over(left, i1, i2) or _bare_number(left, i1, i2)
        b_slot = _slot_over(right, j1, j2) or _bare_number(right, j1, j2)
        if a_slot is None and b_slot is None:  # two unresolved names of days, never one against a dated slot
            a_slot, b_slot = _named_day(left, i1, i2), _named_day(right, j1, j2)
    if a_slot is None or b_slot is None or a_slot.value.type != b_slot.value.type:
        return
    if not named:
        a_beside, b_beside = _words_beside(left, i1, i2, a_slot), _words_beside(right, j1, j2, b_slot)
        if a_beside and b_beside and a_beside.isdisjoint(b_beside):
            return  # "confirmed 12 cases" / "suspected 15 cases": the word changed with the figure says what it counts
    shared = _shared_key(left, i1, i2)
    yield _claim(left, a_slot, shared, _around(left, a_slot)), _claim(right, b_slot, shared, _around(right, b_slot))


def restatement_score(left: Assertion, right: Assertion) -> Alignment:
    """The alignment of two claims of a restatement: how alike their sentences are, matched on "sentence"."""
    ratio = SequenceMatcher(None, left.evidence.text.lower(), right.evidence.text.lower(), autojunk=False).ratio()
    return alignment(round(ratio, 3), ("sentence",))


def _anchored(
    words: _Words, matcher: SequenceMatcher, i1: int, i2: int, *, long_wording: bool = False, reworded: bool = False
) -> bool:
    """The shared words name something particular: a name (a capital not opening the sentence), a place (even
    opening it) or a figure outside the differing stretch; with ``long_wording`` (a "not" added, a name swapped, or
    any value changed inside one report), also enough content words that the sentence is one story's own. "Net
    profit was $300 million, the company said" is boilerplate that every company's report can hold, and so is a long
    background line with only its figure or year changed ("In 2015, a quake in the same region killed thousands",
    in every quake story of a wire); "Sudanese forces launched 119 drones, of which 106 ..." and "The success of the
    single means fans are not even more eager for the new album" are one story's sentences.

    A sentence ``reworded`` besides its value (``_reworded``) needs words of its own whatever else it shares: four
    content words with a name or place, six without (and then only with ``long_wording``, as above: a word dropped
    from the background line does not make it one story's own); two stories' template sentences ("Police in Leeds
    said a man was arrested") share a place as readily as a verb."""
    stop = vocabulary().stopwords
    content = 0
    named_anchor = False
    for tag, a1, a2, _, _ in matcher.get_opcodes():
        if tag != "equal":
            continue
        for k in range(a1, a2):
            if i1 <= k < i2:
                continue
            t = words.tokens[k]
            slot = _slot_at(words, k)
            if slot is not None:
                if not isinstance(slot.value, Place):
                    continue  # a shared date or figure is what boilerplate holds ("on Thursday", "$300 million")
                named_anchor = True  # a place, even opening the sentence ("Norway has escaped the drought in ...")
            elif (words.capitals[k] and k > 0 and t.isalpha() and len(t) > 1) or t[0].isdigit():
                named_anchor = True
            elif len(t) > 3 and t.isalpha() and t not in stop:
                content += 1
            if named_anchor and not reworded:
                return True
    if reworded:
        # a figure or date changed in long wording with nothing particular shared stays boilerplate, reworded or not
        return (named_anchor or long_wording) and content >= (_REWORDED_SHARED if named_anchor else _LONG_SHARED)
    return long_wording and content >= _LONG_SHARED


def _slot_at(words: _Words, k: int) -> Slot | None:
    return next((s for s in words.statement.slots if s.at < words.ends[k] and words.starts[k] < s.until), None)


def _punctuation(left: _Words, right: _Words, op: tuple) -> bool:
    _, i1, i2, j1, j2 = op
    return all(not t[0].isalnum() for t in (*left.tokens[i1:i2], *right.tokens[j1:j2]))


def _plain(left: _Words, right: _Words, op: tuple) -> bool:
    """A stretch of lower-case words with no figure, name or negation: wording, not substance. One word spelled
    another way ("theatre" / "theater", "Zelensky" / "Zelenskyy") is wording too."""
    _, i1, i2, j1, j2 = op
    if i2 - i1 == j2 - j1 == 1:
        a, b = left.tokens[i1], right.tokens[j1]
        if a.isalpha() and b.isalpha() and len(a) > 3 and fuzz.ratio(a, b) >= _SPELLING \
                and not (_calendar_name(a) and _calendar_name(b)):
            return True  # but two days are never one spelled two ways ("Tuesday" / "Thursday", "Monday" / "Sunday")
    negation = lexicon().negation_particles
    for words, a, b in ((left, i1, i2), (right, j1, j2)):
        for k in range(a, b):
            t = words.tokens[k]
            if t in negation or t[0].isdigit() or (words.capitals[k] and k > 0):
                return False
            if _slot_at(words, k) is not None:
                return False
    if i1 < i2 and j1 < j2:
        # A word replaced by another is substance ("at the county hospital" / "at the city clinic") unless both
        # sides are function words ("that" / "which").
        stop = vocabulary().stopwords
        return all(t in stop for t in (*left.tokens[i1:i2], *right.tokens[j1:j2]))
    return (i2 - i1) + (j2 - j1) <= _MAX_STRETCH  # words added on one side: "said on Monday that" / "said"


def _reworded(left: _Words, right: _Words, stretches: Sequence[tuple], moved: set[tuple]) -> list[tuple]:
    """The value stretches of two sentences of different reports once rewording that carries no value is set aside:
    function words changed, a clause moved with its figure ("the suspect, who is 31," / "the 31-year-old suspect",
    ``_moved``), a person's gender told in every pronoun ("She won her case" / "He won his case": one value, the
    first) and, against a pronoun only, a plain verb changed ("asked" / "appealed", ``_changed_verb``). About a
    figure or a date, function words are only dropped or added, never swapped ("last year" / "this year"). What is
    left must be one value for the pair to be one sentence restated; a noun changed ("at the county hospital" / "at
    the city clinic"), a second figure or a second name stays a value, so two stories' template sentences are still
    two stories. ``moved``: the stretches that only move words (``_moved``)."""
    values: list[tuple] = []
    verbs = swaps = 0
    for op in stretches:
        if op in moved:
            continue
        if _pronoun_swap(left, right, op) or _pronoun_pair(left, right, op):
            values.append(op)
        elif _plain(left, right, op) or _function_words(left, right, op):
            swaps += op[1] < op[2] and op[3] < op[4]
        elif _changed_verb(left, right, op):
            verbs += 1
        else:
            values.append(op)
    if len(values) > 1 and _one_gender(left, right, values, pairs=True):
        values = values[:1]  # "She ... her" / "He ... his": one person's gender, told twice
    if verbs and not (len(values) == 1 and _one_gender(left, right, values, pairs=True)):
        return []  # "Smith visited the town" / "Jones toured the town": who did what, two facts
    if swaps and any(_when_or_how_many(left, op[1], op[2]) or _when_or_how_many(right, op[3], op[4]) for op in values):
        return []  # "last year 30 died" / "this year 45 died": a word swapped about a figure or a date may scope it
    return values


def _when_or_how_many(words: _Words, a: int, b: int) -> bool:
    """Whether tokens ``a`` to ``b`` hold a figure or a date."""
    for k in range(a, b):
        slot = _slot_at(words, k)
        if words.tokens[k][0].isdigit() or (slot is not None and isinstance(slot.value, (Quantity, TimeRange))):
            return True
        if _calendar_name(words.tokens[k]):
            return True
    return False


def _one_gender(left: _Words, right: _Words, stretches: Sequence[tuple], *, pairs: bool = False) -> bool:
    """Every stretch a pronoun of one gender against one of the other, the same way round each time ("She ... her"
    / "He ... his"); with ``pairs``, function words may stand about them ("she" / "that he")."""
    genders = set()
    for op in stretches:
        if not (_pronoun_swap(left, right, op) or (pairs and _pronoun_pair(left, right, op))):
            return False
        genders.add(_pronoun_gender(left, op[1], op[2]))
    return len(genders) == 1


def _function_words(left: _Words, right: _Words, op: tuple) -> bool:
    """Function words and punctuation replaced by others ("In May 2013 it was" / "In May 2013, he was"), no
    negation cue among them."""
    _, i1, i2, j1, j2 = op
    stop, negation = vocabulary().stopwords, lexicon().negation_particles
    words = [t for t in (*left.tokens[i1:i2], *right.tokens[j1:j2]) if t[0].isalnum()]
    return all(t in stop and t not in negation for t in words)


def _words_only(words: _Words, a: int, b: int, most: int) -> bool:
    """Tokens ``a`` to ``b``: one to ``most`` lower-case words, none a figure, a negation cue or inside a value."""
    if not 0 < b - a <= most:
        return False
    negation = lexicon().negation_particles
    for k in range(a, b):
        t = words.tokens[k]
        if not t.replace("'", "").isalpha() or t in negation or (words.capitals[k] and k > 0):
            return False
        if _slot_at(words, k) is not None:
            return False
    return True


def _changed_verb(left: _Words, right: _Words, op: tuple) -> bool:
    """A plain verb told by another ("has asked" / "has appealed", "would remain" / "would be staying"): up to two
    verbs a side among function words, each a verb in an inflected form or a common one, none a verb of an event the
    project knows ("killed" / "injured", "charged" / "arrested": two facts, not one told twice) nor one of the
    table's words."""
    _, i1, i2, j1, j2 = op
    if not (_words_only(left, i1, i2, _MAX_STRETCH) and _words_only(right, j1, j2, _MAX_STRETCH)):
        return False
    stop = vocabulary().stopwords
    sides = [[t for t in w.tokens[a:b] if t not in stop] for w, a, b in ((left, i1, i2), (right, j1, j2))]
    return all(0 < len(side) <= 2 for side in sides) and all(_plain_verb(t) for side in sides for t in side)


def _plain_verb(token: str) -> bool:
    """An inflected verb that names no event of the project's own and no measure ("appealed", "turned", "saw")."""
    lex = lexicon()
    lemma = verb_lemma(token)
    if token in lex.event_verbs or lemma in lex.event_verbs or lemma in vocabulary().concept:
        return False
    if token in lex.irregular_verbs or token in lex.common_verbs:
        return True
    return token.endswith(("ed", "ing")) and lemma != token and english_word(lemma)


def _moved(left: _Words, right: _Words, stretches: Sequence[tuple]) -> set[tuple]:
    """The stretches that only move words: each figure, name and content word on either side of one is in the other
    sentence too, and at least one is ("The 31-year-old suspect was held" / "The suspect, who is 31, was held": a
    clause moved; short and function words about it may change). No negation cue is moved: "not" changes what it
    stands next to."""
    negation = lexicon().negation_particles
    stop = vocabulary().stopwords
    everywhere = (frozenset(left.tokens), frozenset(right.tokens))
    moved: set[tuple] = set()
    for op in stretches:
        _, i1, i2, j1, j2 = op
        carried = 0
        for words, a, b, other in ((left, i1, i2, everywhere[1]), (right, j1, j2, everywhere[0])):
            for k in range(a, b):
                t = words.tokens[k]
                if t in negation:
                    carried = -1
                    break
                if t[0].isdigit() or (words.capitals[k] and k > 0) or (len(t) > 3 and t.isalpha() and t not in stop):
                    carried = carried + 1 if t in other and carried >= 0 else -1
            if carried < 0:
                break
        if carried > 0:
            moved.add(op)
    return moved


def _pronoun_pair(left: _Words, right: _Words, op: tuple) -> bool:
    """A pronoun of one gender against one of the other with function words about them ("she" / "that he")."""
    _, i1, i2, j1, j2 = op
    if i2 - i1 > 3 or j2 - j1 > 3:
        return False
    a, b = _pronoun_gender(left, i1, i2), _pronoun_gender(right, j1, j2)
    if a is None or b is None or a == b:
        return False
    stop, negation = vocabulary().stopwords, lexicon().negation_particles
    return all(t in stop and t not in negation for t in (*left.tokens[i1:i2], *right.tokens[j1:j2]))


def _pronoun_gender(words: _Words, a: int, b: int) -> str | None:
    """The gender of the one gendered pronoun among tokens ``a`` to ``b`` (None: none, or more than one)."""
    gender = lexicon().gendered_pronouns
    found = [gender[t] for t in words.tokens[a:b] if t in gender]
    return found[0] if len(found) == 1 else None


def _pronoun_slot(words: _Words, k: int) -> Slot:
    return _token_slot(words, k, Name(text=words.statement.evidence.text[words.starts[k] : words.ends[k]]))


def _pronoun_at(words: _Words, a: int, b: int) -> int:
    gender = lexicon().gendered_pronouns
    return next((k for k in range(a, b) if words.tokens[k] in gender), a)


def _title_qualifier(left: _Words, right: _Words, i1: int, i2: int, j1: int, j2: int) -> tuple[Slot, Slot] | None:
    """A place told where a title's own portfolio stood ("Transport Minister Lucia Ferri" / "Milan Minister Lucia
    Ferri"): one capitalised word a side, the same title and a name after it, a place on one side only and a
    portfolio (``portfolios`` of the lexicon) on the other. Two portfolios ("Foreign Minister" / "Defence Minister")
    are left alone: one person may hold both in turn; so are a party or a rank against a place ("Republican Senator
    Ted Cruz" / "Texas Senator Ted Cruz", "Junior Minister" / "Bergen Minister"): one person is both."""
    if i2 - i1 != 1 or j2 - j1 != 1 or not (left.capitals[i1] and right.capitals[j1]):
        return None
    after = i2
    if after + 1 >= len(left.tokens) or left.tokens[after] not in lexicon().titles:
        return None
    if not (left.capitals[after] and left.capitals[after + 1] and left.tokens[after + 1].isalpha()):
        return None
    a_place = isinstance(getattr(_slot_at(left, i1), "value", None), Place)
    b_place = isinstance(getattr(_slot_at(right, j1), "value", None), Place)
    if a_place == b_place or _slot_at(left if b_place else right, i1 if b_place else j1) is not None:
        return None
    word = (left.tokens[i1] if b_place else right.tokens[j1])
    if word not in lexicon().portfolios:
        return None  # a party, a rank or a people ("Republican Senator", "Junior Minister", "Welsh Minister")
    slots = []
    for words, k in ((left, i1), (right, j1)):
        at, until = words.starts[k], words.ends[k + 1]
        span = _token_span(words, k, k + 2)
        text = words.statement.evidence.text[at:until]
        slots.append(Slot(Name(text=text), at, until, span.start, span.end, text))
    return slots[0], slots[1]


def _calendar_name(token: str) -> bool:
    """Whether a lower-case token names a weekday or a month in full."""
    return token in calendar_words().month_of and len(token) > 3 or token in _weekdays()


@cache
def _weekdays() -> frozenset[str]:
    return frozenset(w.lower() for w in calendar_words().weekday_full)


def _fuller_name(left: _Words, right: _Words, op: tuple) -> bool:
    """Words added on one side that tell a name in full: wording, not another thing."""
    _, i1, i2, j1, j2 = op
    return (i1 == i2 and _name_in_full(right, j1, j2)) or (j1 == j2 and _name_in_full(left, i1, i2))


def _name_in_full(words: _Words, a: int, b: int) -> bool:
    """Tokens ``a`` to ``b`` are capitalised words next to a capitalised word of the shared rest: more of a name
    ("China" before "Food and Drug", "Administration" after it), not another name."""
    if a >= b or not all(words.capitals[k] and words.tokens[k].isalpha() for k in range(a, b)):
        return False
    before, after = a - 1, b
    return (before > 0 and words.capitals[before] and words.tokens[before].isalpha()) or (
        after < len(words.tokens) and words.capitals[after] and words.tokens[after].isalpha()
    )


def _pronoun_swap(left: _Words, right: _Words, op: tuple) -> bool:
    """One personal pronoun replaced by one of the other gender ("his" / "her", "he" / "she"): the same sentence
    told of a man and of a woman."""
    _, i1, i2, j1, j2 = op
    if i2 - i1 != 1 or j2 - j1 != 1:
        return False
    gender = lexicon().gendered_pronouns
    a, b = gender.get(left.tokens[i1]), gender.get(right.tokens[j1])
    return a is not None and b is not None and a != b


def _negation_only(a: Sequence[str], b: Sequence[str]) -> bool:
    """One side adds a negation cue and nothing else ("was charged" / "was not charged", "was" / "wasn't", "produce"
    / "don't produce")."""
    if a and b:
        return False
    added = a or b
    # "produce" / "do not produce": "do" joins the cue when the verb is the same on both sides
    lex = lexicon()
    cues, do = lex.negation_particles, lex.do_forms
    return bool(added) and all(t in cues or t in do for t in added) and any(t in cues for t in added)


def _do_support(a: Sequence[str], b: Sequence[str]) -> bool:
    """One side says the verb ("produces", "made"), the other denies it with "do" ("does not produce", "didn't
    make"): the same verb, one "not"."""
    said, denied = (a, b) if len(a) == 1 else (b, a)
    lex = lexicon()
    if len(said) != 1 or len(denied) != 3 or denied[0] not in lex.do_forms or denied[1] not in lex.negation_particles:
        return False
    return said[0].isalpha() and denied[2].isalpha() and verb_lemma(said[0]) == verb_lemma(denied[2])


def _slot_over(words: _Words, i1: int, i2: int) -> Slot | None:
    """The value the stretch falls in (an empty stretch, an insertion, falls in none)."""
    if i1 >= i2:
        return None
    start, end = words.starts[i1], words.ends[i2 - 1]
    inside = [s for s in words.statement.slots if s.at < end and start < s.until]
    return inside[0] if len(inside) == 1 else None


def _bare_number(words: _Words, i1: int, i2: int) -> Slot | None:
    """A stretch of one number that no value rule took (a score's "1" in "a 1-0 defeat", "one of the largest"), as a
    plain count. A year ("2016") is left to the date rules, a clock time ("10:00") is no count."""
    if i2 - i1 != 1:
        return None
    token = words.tokens[i1]
    number = parse_number(token) if ":" not in token else None
    if number is None or (token.isdigit() and len(token) == 4):
        return None
    text = words.statement.evidence.text[words.starts[i1] : words.ends[i1]]
    return _token_slot(words, i1, Quantity(nominal=number, low=number, high=number, text=text))


def _name_over(words: _Words, i1: int, i2: int) -> Slot | None:
    """A stretch that is one whole name and nothing else ("Adam Burgess", "the Royal Courts of Justice"):
    capitalised words (with "of", "and" between them), none a function word, a title alone or an ordinary word
    opening the sentence, no figure or date in it, no place but as part of a longer name ("Exeter Crown Court"), and
    no capitalised word right before or after it, where the shared rest would be part of the same name ("Ministry of
    Defence" / "Ministry of London" is no other name)."""
    if i1 < i2 and words.tokens[i1] == "the":
        i1 += 1
    if i1 >= i2 or not (words.capitals[i1] and words.capitals[i2 - 1]):
        return None
    lex = lexicon()
    stop = vocabulary().stopwords
    places = 0
    for k in range(i1, i2):
        t = words.tokens[k]
        slot = _slot_at(words, k)
        if not t.isalpha() or (slot is not None and not isinstance(slot.value, Place)):
            return None
        places += slot is not None
        if not words.capitals[k]:
            if t not in lex.name_joins or k == i2 - 1:
                return None
        elif t in stop and t not in lex.titles:
            return None
    capitalised = [k for k in range(i1, i2) if words.capitals[k] and words.tokens[k] not in lex.titles]
    if not capitalised or places >= len(capitalised):
        return None
    if capitalised == [0] and english_word(words.tokens[0]):
        return None  # "Police said" / "Officials said": one ordinary word opening the sentence
    for k, step in ((i1 - 1, -1), (i2, 1)):
        if 0 <= k < len(words.tokens) and words.tokens[k] in lex.name_joins and words.tokens[k] != "the":
            k += step  # "Ministry of" before "Defence"
        if 0 <= k < len(words.tokens) and words.capitals[k] and words.tokens[k].isalpha():
            if words.tokens[k] not in lex.titles and words.tokens[k] not in stop:
                return None
    span = _token_span(words, i1, i2)
    at, until = words.starts[i1], words.ends[i2 - 1]
    text = words.statement.evidence.text[at:until]
    return Slot(Name(text=text), at, until, span.start, span.end, text)


def _full_name(slot: Slot) -> bool:
    """A name of two capitalised words or more ("Adam Burgess", not "Burgess")."""
    return sum(w[:1].isupper() for w in slot.text.split()) >= 2


def _opening_name(words: _Words, i1: int, i2: int) -> Slot | None:
    """One capitalised word opening the sentence and set off by a comma, that the dictionary also knows ("Franklin,
    competing the day before her birthday, ..."), against a full name on the other side: a surname. A word for
    people or a body ("Police, ...", "Officials, ...") is not one."""
    if (i1, i2) != (0, 1) or len(words.tokens) < 2 or words.tokens[1] != ",":
        return None
    token = words.tokens[0]
    lex = lexicon()
    heads = (lex.person_heads, lex.affiliated_people, lex.organisation_references, lex.group_nouns, lex.titles)
    if not (words.capitals[0] and token.isalpha()) or any(token in h for h in heads) or token in vocabulary().stopwords:
        return None
    if token in lex.sentence_adverbs:
        return None  # "Elsewhere, the defending champion ..." / "Emma Raducanu, the defending champion, ..."
    if _slot_at(words, 0) is not None or token.endswith(("s", "ly")):
        return None  # "Officers, ...", "Separately, ..."
    return _token_slot(words, 0, Name(text=words.statement.evidence.text[words.starts[0] : words.ends[0]]))


# The week and year an unresolved day or month name is placed in: a report with no date of its own leaves "on
# Tuesday" unresolved, yet "Tuesday" and "Wednesday" in one sentence told twice are two days. Only the two names are
# compared (the conflict shows the words, never these dates), and only between reports of the same date (none).
_NOTIONAL_MONDAY = dt.date(2001, 1, 1)


def _named_day(words: _Words, i1: int, i2: int) -> Slot | None:
    """A stretch naming one weekday, month or season that no date rule resolved, after the words that make it a
    date ("Tuesday", "in March", "last summer"): a weekday or a month written in full and capitalised, a season in
    the calendar's own months (meteorological, northern hemisphere; winter, which spans two years, is left out)."""
    cues = lexicon().period_cues
    while i1 < i2 - 1 and words.tokens[i1] in cues:
        i1 += 1
    if i2 - i1 != 1:
        return None
    token = words.tokens[i1]
    cal = calendar_words()
    full_weekdays = {w.lower() for w in cal.weekday_full}
    year = _NOTIONAL_MONDAY.year
    if token in full_weekdays and words.capitals[i1]:
        day = _NOTIONAL_MONDAY + dt.timedelta(days=cal.weekday_of[token])
        start = end = day
    elif token in cal.month_of and len(token) > 4 and words.capitals[i1]:  # "March", not "May" (a name) nor "Mar"
        month = cal.month_of[token]
        start = dt.date(year, month, 1)
        end = dt.date(year, month, calendar.monthrange(year, month)[1])
    elif token in cal.seasons and cal.seasons[token][0] <= cal.seasons[token][1]:
        first, last = cal.seasons[token]
        start, end = dt.date(year, first, 1), dt.date(year, last, calendar.monthrange(year, last)[1])
    else:
        return None
    text = words.statement.evidence.text[words.starts[i1] : words.ends[i1]]
    return _token_slot(words, i1, TimeRange(start=start, end=end, text=text))


def _token_slot(words: _Words, k: int, value: Quantity | TimeRange | Name) -> Slot:
    """Token ``k`` as a slot holding ``value``, with raw offsets as ``_token_span`` gives them."""
    span = _token_span(words, k, k + 1)
    at, until = words.starts[k], words.ends[k]
    return Slot(value, at, until, span.start, span.end, words.statement.evidence.text[at:until])


def _words_beside(words: _Words, i1: int, i2: int, slot: Slot) -> set[str]:
    """The content words of the stretch ``i1`` to ``i2`` outside its value."""
    stop = vocabulary().stopwords
    return {
        words.tokens[k] for k in range(i1, i2)
        if not (slot.at <= words.starts[k] < slot.until) and len(words.tokens[k]) > 3
        and words.tokens[k].isalpha() and words.tokens[k] not in stop
    }


def _shared_key(words: _Words, i1: int, i2: int) -> str:
    """What both sentences say around the value: the content words of the shared rest, as a stable key."""
    around = [t for k, t in enumerate(words.tokens) if not i1 <= k < i2 and len(t) > 3 and t.isalpha()]
    return " ".join(around[:8])


def _around(words: _Words, slot: Slot) -> str:
    """The words next to a value, as written, to name it in messages: what follows a figure ("days of national
    mourning"), what precedes a date or place ("sworn in on")."""
    after = _phrase(words, (k for k in range(len(words.tokens)) if words.starts[k] >= slot.until))
    before = _phrase(words, (k for k in reversed(range(len(words.tokens))) if words.ends[k] <= slot.at))
    return after if isinstance(slot.value, Quantity) and after else before or after


def _claim(words: _Words, slot: Slot, key: str, subject: str) -> Assertion:
    attribute = _ATTRIBUTE[type(slot.value)]
    return _restated(words, key, subject, attribute, slot.value, _slot_span(words, slot))


def _restated(
    words: _Words,
    key: str,
    subject: str,
    attribute: str,
    value: Quantity | Place | TimeRange | Event,
    span: Span,
    *,
    predicate: str | None = None,
    polarity: Polarity = Polarity.AFFIRMED,
) -> Assertion:
    """One side of a restatement as a claim of its own: no frame beyond the value, the sentence's stance. The same
    claim of a sentence is made once and shared by every pair it takes part in."""
    if words.claims is None:
        words.claims = {}
    memo = (key, subject, attribute, value, span.start, span.end, predicate, polarity)
    claim = words.claims.get(memo)
    if claim is None:
        st = words.statement
        claim = words.claims[memo] = Assertion.model_construct(
            path=words.path, subject=subject, subject_key=key, attribute=attribute, value=value, thing="",
            entities=(), predicate=predicate, expected=False, rule="restatement", polarity=polarity,
            modality=st.modality, source=st.source, time=None, scope_place=None, scope_event=None,
            evidence=st.evidence, value_span=span,
        )
    return claim


def _polarity(left: _Words, right: _Words, i1: int, i2: int, j1: int, j2: int) -> Iterable[tuple[Assertion, Assertion]]:
    """The verb after the negation cue, said on one side and denied on the other. Each side is named by the words
    before the cue and told by the words after it ("people are" / "even more eager for"), so the message reads
    "people are even more eager for" against "people are not even more eager for"."""
    cue_words, (a, b) = (left, (i1, i2)) if i1 < i2 else (right, (j1, j2))
    verb_at = next((k for k in range(b, len(cue_words.tokens)) if cue_words.tokens[k].isalpha()), None)
    if verb_at is None:
        return
    verb = cue_words.tokens[verb_at]
    key = _shared_key(left, i1, i2)
    sides = []
    for words, x, y in ((left, i1, i2), (right, j1, j2)):
        negated = x < y
        last = min(y if negated else x, len(words.tokens) - 1)  # the verb: after the cue, or where it would be
        span = _token_span(words, x, last + 1)
        before = _phrase(words, range(x - 1, -1, -1))
        after = _phrase(words, range(y, len(words.tokens)))
        sides.append(_restated(words, key, before or key, "happened", Event(predicate=verb, text=after or verb), span,
                               predicate=verb, polarity=Polarity.NEGATED if negated else Polarity.AFFIRMED))
    if Modality.CANNOT_CONFIRM not in (sides[0].modality, sides[1].modality):
        yield sides[0], sides[1]


def _phrase(words: _Words, ks: Iterable[int], most: int = 4) -> str:
    """Up to ``most`` words at ``ks`` (in reading order, or backwards), as written, stopping at punctuation."""
    picked: list[int] = []
    for k in ks:
        if len(picked) == most or not words.tokens[k][0].isalnum():
            break
        picked.append(k)
    if not picked:
        return ""
    first, last = min(picked), max(picked)
    return words.statement.evidence.text[words.starts[first] : words.ends[last]]


def _token_span(words: _Words, a: int, b: int) -> Span:
    """Tokens ``a`` to ``b`` (exclusive) as a raw span. The sentence's analysed text has the raw file's offsets
    when it is plain text or Markdown; for HTML (tags removed) the span is the whole sentence, which is exact."""
    ev = words.statement.evidence
    at, until = words.starts[a], words.ends[b - 1]
    if len(ev.text) != ev.end - ev.start:
        return ev
    line, column = _line_column(ev, at)
    return Span.model_construct(start=ev.start + at, end=ev.start + until, line=line, column=column,
                                text=ev.text[at:until])


def _slot_span(words: _Words, slot: Slot) -> Span:
    line, column = _line_column(words.statement.evidence, slot.at)
    return Span.model_construct(start=slot.start, end=slot.end, line=line, column=column, text=slot.text)


def _line_column(ev: Span, at: int) -> tuple[int, int]:
    """Line and column of an offset inside the sentence (exact for plain text; near it for HTML)."""
    before = ev.text[:at]
    newlines = before.count("\n")
    return ev.line + newlines, (len(before) - before.rfind("\n") if newlines else ev.column + len(before))
