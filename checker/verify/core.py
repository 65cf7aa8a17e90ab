"""Draft claims -> verdicts. Pure: assertions in, ``ClaimVerdict``s out; no files, no printing.

For each claim frame of the draft, the candidate source claims are those in its comparison block
(:func:`checker.compare.align.block_key`); each candidate is scored and judged by
:func:`checker.compare.compare_pair`, the same alignment and conflict rules ``checker check`` uses. Then:

- ``contradicted``: an aligned source claim conflicts with it (any kind but ``change``, which is a figure that moved
  between reports far apart in time), and no source claim aligned at least as well supports it (when the sources
  disagree among themselves, a draft that follows one of them is not contradicted by the other);
- ``supported``: an aligned source claim says the same: the source's figure lies inside the draft's (widened by the
  rounding tolerance: "nearly 11,000" by "10,900"), the nominal figures agree ("11,000" by "about 11,000"), the
  draft's place or date contains the source's, or the same event with the same polarity;
- ``supported`` (restated): when no claim of its block aligns, a source claim of the same attribute under another
  name ("fans" / "crowd", "the former minister" / "the conviction") supports it if its value supports the claim's and
  the two sentences share most of their content words (the alignment's ``context`` field) at a lower score; a
  figure with a unit is also supported by the same figure under another aspect word ("cost" / "price"), unless
  the two aspects name different measures (revenue / profit);
- ``supported`` (derived): a figure no source states but one source sentence gives the parts of: a total of the
  figures of one aspect in one sentence ("7 killed in Oran and 8 in Algiers" supports "a total of 15 killed"), or a
  percentage from a count and its base ("412 of 1,000" supports "about 40 percent"), or a change from the old and
  new figure ("from 120 to 150" supports "increased by 30"), when the sentences share most of their content
  words; the verdict's rule says it was derived;
- ``supported`` (said in a sentence): no source claim lines up, but one source sentence holds the claim's value
  (the same figure, the claim's place or date or one inside it) with its measured thing and its verb, says it with
  the same polarity, and shares most of the claim sentence's content words: a sentence the claim-frame rules read
  another way ("five men were taken to hospital, including the three who were stabbed" says "three men were
  stabbed");
- ``supported`` (value in a sentence): a figure, date or place no source claim lines up with, held by a source
  sentence that shares a quarter of the claim sentence's content words (one, for a figure with a unit as written);
- ``unsupported``: nothing in the sources says it (the nearest aligned source claims, if any, are listed);
- an event no source claim or sentence holds (a summary's own words for what happened) is ``unsupported`` only for
  a checkable part of its sentence that no source has: a name, a figure, date or place, a negation; else
  ``unchecked``;
- ``unsupported`` (name not in sources): any claim otherwise supported or unchecked whose sentence names someone or
  something no source names;
- ``unchecked``: nothing checkable: a question, or a refusal to confirm;
- a figure still unsupported, by how the draft writes it: ``unchecked`` for "one" as a pronoun ("one of them") and
  for the people taking part in a conversation the draft describes its source as; ``supported`` for a count of
  the names that follow it ("two candidates, Mara and Tobias") and for the figure written with the same content
  word beside it in a source ("formula 1");
- ``unsupported`` (a draft sentence as a whole, attribute ``sentence``): a sentence with no claim frame that names
  someone no source names, or a sentence with a figure, date or place that is no claim's value and that no source
  gives (a 34-year-old no source gives the age of), or a "not" that a source on its matter does not say.

A draft claim that is more precise than its source ("10,900" against "nearly 11,000", "in Kursk" against "in
Russia") is not supported: the source does not say it, although it does not contradict it either.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
from collections import defaultdict
from functools import cache, lru_cache
from typing import Callable, Iterable, Iterator, Mapping, Sequence

from checker.compare.align import block_key
from checker.compare.engine import CompareOptions, compare_pair, evidence_of, restatement_findings
from checker.compare.kinds import message as kind_message
from checker.compare.restatement import restated_against
from checker.compare.fingerprint import value_key
from checker.compare.similarity import (
    ACROSS_THRESHOLD,
    FrameView,
    cached_view,
    concept,
    content_concepts,
    score,
    vocabulary,
)
from checker.compare.values import comparable, contains, places_related, quantity_bounds
from checker.extract.dates import calendar_words, parse_date
from checker.extract.lexicon import english_word, lexicon
from checker.extract.places import gazetteer
from checker.models import (
    Alignment,
    Assertion,
    ClaimStatus,
    ClaimVerdict,
    ConflictKind,
    Document,
    Event,
    Evidence,
    Modality,
    Place,
    Polarity,
    Quantity,
    Slot,
    Statement,
    TimeRange,
    Value,
)

# How many aligned source passages an unsupported claim lists as the nearest ones.
NEAREST = 3
# A claim restated under another name (outside its block) must align at least this well, with shared context.
RESTATED_THRESHOLD = 0.4
# Aspects of a figure that name different measures: the same figure under two of them is a misattribution, not a
# restatement (attributes of docs/architecture.md; "amount", "cost", "price", "share" are generic by comparison).
_DISTINCT_MEASURES = frozenset({"revenue", "profit", "loss", "turnout", "vote_share", "votes", "increase", "decrease",
                                "lost", "gained"})


def _distinct(a: str, b: str) -> bool:
    return a != b and (a in _DISTINCT_MEASURES or b in _DISTINCT_MEASURES)


# "The same figure": equal as written, up to the last digit a writer rounds away ($424.15 and $424.2).
_SAME_FIGURE = 0.005


def verify_claims(
    draft: Sequence[Assertion],
    sources: Sequence[Assertion],
    *,
    dates: Mapping[str, dt.date | None] | None = None,
    options: CompareOptions | None = None,
    documents: Sequence[Document] = (),
    statements: Mapping[str, Sequence[Statement]] | None = None,
    draft_statements: Mapping[str, Sequence[Statement]] | None = None,
    assumed: frozenset[str] = frozenset(),
) -> list[ClaimVerdict]:
    """One verdict per claim of ``draft``, in the draft's order, judged against the claims of ``sources``.

    ``documents`` are the source documents, read for figures extraction makes no claim of (the count and base a
    percentage is derived from); ``statements`` are their sentences with the values in them, for a claim a source
    sentence says although no source claim lines up with it. Without them, only claims are compared. ``assumed``
    are the drafts whose date was guessed from their sources': their times told from the moment of writing ("on
    Monday", "this month") are read, against each source claim, as of that source's date."""
    options = options or CompareOptions()
    dates = dates or {}
    by_block: dict[tuple, list[Assertion]] = defaultdict(list)
    by_aspect: dict[tuple, list[Assertion]] = defaultdict(list)
    by_unit: dict[tuple[str, str], list[Assertion]] = defaultdict(list)
    by_sentence: dict[tuple[str, int], list[Assertion]] = defaultdict(list)
    for s in sources:
        key = block_key(s)
        by_block[key].append(s)
        by_aspect[key[:-1]].append(s)
        if isinstance(s.value, Quantity) and s.value.dimension != "count":
            by_unit[(s.value.dimension, s.value.unit)].append(s)
        if isinstance(s.value, Quantity):
            by_sentence[(s.path, s.evidence.start)].append(s)
    views: dict[int, FrameView] = {}
    shares: dict[int, list] = {}
    said = _Sentences(statements or {})
    names = _SourceNames(documents, statements or {})
    drafted = {(path, st.evidence.start): st for path, sts in (draft_statements or {}).items() for st in sts}
    written: dict[int, str] = {}
    out = []
    for claim in draft:
        key = block_key(claim)
        verdict = _verdict(claim, by_block.get(key, ()), dates, options, views,
                           _as_of(dates) if claim.path in assumed and isinstance(claim.value, TimeRange) else None)
        if verdict.rule == "no-aligned-source":
            verdict = _restated(claim, by_aspect.get(key[:-1], ()), options, views) or verdict
        if verdict.status is ClaimStatus.UNSUPPORTED and isinstance(claim.value, Quantity):
            # A figure with a unit ("$424.15", "46.2C") restated under another aspect word ("cost" / "price").
            unit = (claim.value.dimension, claim.value.unit)
            if unit[0] != "count":
                verdict = _restated(claim, by_unit.get(unit, ()), options, views, same_figure=True) or verdict
        if verdict.status is not ClaimStatus.SUPPORTED and isinstance(claim.value, Quantity):
            # A total of a source's parts is not contradicted by one of the parts.
            verdict = _derived(claim, by_aspect.get(key[:-1], ()), documents, options, views, shares,
                               by_sentence) or verdict
        if verdict.status is ClaimStatus.UNSUPPORTED and said:
            verdict = _said_in_a_sentence(claim, said, options, views) or verdict
        if verdict.status is ClaimStatus.UNSUPPORTED and said:
            verdict = _checkable_part(claim, verdict, names, said, drafted, options.tolerance, views)
        if verdict.status is ClaimStatus.UNSUPPORTED and isinstance(claim.value, Quantity):
            verdict = _figure_as_written(claim, verdict, documents, memo=written)
        if said and verdict.status in (ClaimStatus.SUPPORTED, ClaimStatus.UNCHECKED):
            # A sentence naming someone or something no source names is not what the sources say, whatever its
            # figure or verb ("conductor Ilse Varga sold 2,000 tickets" when no source names her).
            missing = names.missing(claim.evidence.text)
            if missing:
                verdict = _make(claim, ClaimStatus.UNSUPPORTED, "name-not-in-sources",
                                "no source names " + ", ".join(missing), sources=[], passages=verdict.sources)
        out.append(verdict)
    if said and draft_statements:
        out = _with_sentences(out, draft, draft_statements, names, said, options.tolerance,
                              {path: dates for path in assumed})
        out = _with_restatements(out, draft_statements, statements or {}, dates, options)
    return out


# Support from a sentence that merely holds the same value somewhere, which a near copy of the draft's sentence with
# another value outweighs.
_WEAK_SUPPORT = frozenset({"value-in-a-sentence", "value-as-written"})


def _with_restatements(
    verdicts: list[ClaimVerdict],
    draft_statements: Mapping[str, Sequence[Statement]],
    statements: Mapping[str, Sequence[Statement]],
    dates: Mapping[str, dt.date | None],
    options: CompareOptions,
) -> list[ClaimVerdict]:
    """The verdicts, with a draft sentence that restates a source sentence in the same words but for one value or
    one "not" (``checker.compare.restatement``, as ``check`` finds between reports) contradicted on that value: the
    verdict of a claim on the same value is replaced, else one is added. A draft copied from its sources with one
    figure, day, place, name or negation changed is told by the words around the change, whatever the claim-frame
    rules made of the sentence."""
    drafts = set(draft_statements)
    sources = {p: sts for p, sts in statements.items() if p not in drafts}
    # A draft sentence a source has word for word is what that source says: if another source restates it with
    # another value, the sources disagree, not the draft. Only the others are looked up.
    verbatim = {" ".join(st.evidence.text.lower().split()) for sts in sources.values() for st in sts}
    own = {p: [st for st in sts if " ".join(st.evidence.text.lower().split()) not in verbatim]
           for p, sts in draft_statements.items()}
    if not any(own.values()):
        return verdicts
    found: dict[tuple[str, int], ClaimVerdict] = {}
    for finding in restatement_findings(restated_against(own, sources), dates, options):
        claim, source = (finding.a, finding.b) if finding.a.path in drafts else (finding.b, finding.a)
        at = (claim.path, claim.value_span.start)
        if at in found:
            continue
        found[at] = _make(claim, ClaimStatus.CONTRADICTED, f"restated-{finding.kind.value}",
                          kind_message(finding.kind, source, claim), sources=[source], kind=finding.kind)
    if not found:
        return verdicts
    out = []
    for v in verdicts:
        hit = next((k for k in found if k[0] == v.evidence.path and v.evidence.value_start is not None
                    and v.evidence.value_start <= found[k].evidence.value_start < (v.evidence.value_end or 0)), None)
        if hit is not None and v.status is ClaimStatus.SUPPORTED and v.rule not in _WEAK_SUPPORT:
            found.pop(hit)  # a source claim says the same: the sources disagree among themselves
            out.append(v)
        elif hit is not None and v.status is not ClaimStatus.CONTRADICTED:
            out.append(found.pop(hit))
        else:
            out.append(v)
    order = {path: i for i, path in enumerate(draft_statements)}
    return sorted(out + list(found.values()), key=lambda v: (order.get(v.evidence.path, len(order)), v.evidence.start))


def _figure_as_written(
    claim: Assertion, verdict: ClaimVerdict, documents: Sequence[Document], memo: dict[int, str]
) -> ClaimVerdict:
    """A last look at an unsupported figure, by how the draft writes it:

    - "one" as a pronoun ("one of them", "one player who") is no count: unchecked;
    - the people taking part in a conversation the draft describes its source as ("a conversation between two
      people", "one speaker explains"): no source sentence states them; unchecked;
    - a count of the names that follow it ("two candidates, Mara and Tobias"), names the sources give: supported;
    - the figure with a content word beside it, written the same in a source ("formula 1", "the apollo 11
      crew", "two runners"): supported, since a source says those words."""
    text = claim.evidence.text
    end = _value_end(claim)
    start = claim.value_span.start - claim.evidence.start
    q = claim.value
    assert isinstance(q, Quantity)
    lex = lexicon()
    after = _NEXT_WORD.match(text, end)
    if _one(claim.value_span.text) and _PARTITIVE.match(text, end):
        return _make(claim, ClaimStatus.UNCHECKED, "one-as-article",
                     "'one' here is a pronoun ('one of them'), not a figure a source must give")
    if after and after.group(1).lower() in lex.participant_nouns and \
            any(w.lower() in lex.conversation_nouns for w in _WORD.findall(text[:start])):
        return _make(claim, ClaimStatus.UNCHECKED, "conversation-participants",
                     "the people taking part in the conversation the draft describes: no source sentence states them")
    listed = _NAMED_AFTER.match(text, end)
    if listed:
        people = _NAME_LIST.findall(listed.group(1))
        passages = [_written_in([p.lower()], documents, memo) for p in people]
        if len(people) == q.nominal and all(passages):
            return _make(claim, ClaimStatus.SUPPORTED, "derived-named",
                         "derived: the count of the names that follow it, which the sources give",
                         passages=[p for p in passages if p is not None])
    value = claim.value_span.text.lower().split()
    before = _PREV_WORD_END.search(text, 0, start)
    phrases = []
    if before and content_concepts(before.group(1)):
        phrases.append([before.group(1).lower(), *value])
    if after and content_concepts(after.group(1)):
        phrases.append([*value, after.group(1).lower()])
    for phrase in phrases:
        found = _written_in(phrase, documents, memo, lambda sentence: not _about_another(claim, sentence))
        if found is not None:
            return _make(claim, ClaimStatus.SUPPORTED, "value-as-written",
                         "a source writes this figure with the same word beside it", passages=[found])
    return verdict


_NEXT_WORD = re.compile(r"[ \t]+([A-Za-z][\w-]*)")
_PREV_WORD_END = re.compile(r"([A-Za-z][\w-]*)[ \t]+$")
# "two candidates, Mara and Tobias": a plural noun, then names joined by commas and "and".
_NAMED_AFTER = re.compile(r"[ \t]+[a-z]+s,?[ \t]+((?:[A-Z][\w'-]+,[ \t]+)*[A-Z][\w'-]+,?[ \t]+and[ \t]+[A-Z][\w'-]+)")
_NAME_LIST = re.compile(r"[A-Z][\w'-]+")


def _written_in(phrase: Sequence[str], documents: Sequence[Document], memo: dict[int, str],
                accept: Callable[[str], bool] | None = None) -> Evidence | None:
    """Where a source document writes these words in a row (any case, any spacing), as a passage; with ``accept``,
    only where it takes the sentence around them."""
    pattern = re.compile(r"(?<![\w-])" + r"\s+".join(re.escape(w) for w in phrase) + r"(?![\w-])")
    for doc in documents:
        lowered = memo.get(id(doc))
        if lowered is None:
            lowered = memo[id(doc)] = doc.text.lower()
        for m in pattern.finditer(lowered):
            if accept is not None:
                text = doc.text if len(doc.text) == len(lowered) else lowered
                if not accept(_sentence_around(text, m.start(), m.end())):
                    continue
            span = doc.span(m.start(), m.end())
            return Evidence(path=doc.path, start=span.start, end=span.end, line=span.line, column=span.column,
                            text=span.text, value=span.text, value_start=span.start, value_end=span.end)
    return None


def _one(text: str) -> bool:
    """The word "one" as written."""
    return text.strip().lower() == "one"


# After "one": "of" or a noun and a relative pronoun make it a pronoun ("one of them", "one player who"), not a count.
_PARTITIVE = re.compile(r"\s+(?:of\b|[\w-]+\s+(?:who|that|which|whose)\b)", re.IGNORECASE)


def _value_end(claim: Assertion) -> int:
    """Where the claim's value ends, as an offset into its sentence's text."""
    return claim.value_span.end - claim.evidence.start


def _with_sentences(
    verdicts: list[ClaimVerdict],
    draft: Sequence[Assertion],
    draft_statements: Mapping[str, Sequence[Statement]],
    names: _SourceNames,
    said: _Sentences,
    tolerance: float,
    guessed: Mapping[str, Mapping[str, dt.date | None]] | None = None,
) -> list[ClaimVerdict]:
    """The claim verdicts, and a verdict for each draft sentence that names someone or something, or gives a
    figure, date or place, that no source has, beyond what its own claims were judged on: a sentence no claim frame
    was read from ("coach ilkka vantanen praised the goalkeeper in oslo on sunday"), or a value beside a claim's
    ("a 25-year-old man was treated in hospital"). In the draft's order."""
    claimed: dict[tuple[str, int], list[Assertion]] = defaultdict(list)
    for claim, verdict in zip(draft, verdicts):
        claimed[(claim.path, claim.evidence.start)].append(claim)
    flagged = {(v.evidence.path, v.evidence.start) for v in verdicts if v.status is ClaimStatus.UNSUPPORTED}
    added = []
    for path, sts in draft_statements.items():
        for st in sts:
            where = (path, st.evidence.start)
            if where in flagged:
                continue  # the sentence is already unsupported for one of its claims
            own = claimed.get(where, [])
            judged = {c.value_span.start for c in own}
            found = _sentence_gap(path, st, own, judged, names, said, tolerance, (guessed or {}).get(path))
            if found is not None:
                added.append(found)
    if not added:
        return verdicts
    order = {path: i for i, path in enumerate(draft_statements)}
    return sorted(verdicts + added, key=lambda v: (order.get(v.evidence.path, len(order)), v.evidence.start))


def _sentence_gap(
    path: str,
    st: Statement,
    own: Sequence[Assertion],
    judged: set[int],
    names: _SourceNames,
    said: _Sentences,
    tolerance: float,
    dates: Mapping[str, dt.date | None] | None = None,
) -> ClaimVerdict | None:
    """An unsupported verdict for a draft sentence with a name no source names (when none of its claims was judged
    on it already) or a value no source sentence holds and no claim of the sentence was judged on. ``dates``: the
    documents' dates, when the draft's own was guessed (its times are then read as of each source's)."""
    ev = st.evidence
    if not own:
        missing = names.missing(ev.text)
        if missing:
            at = ev.text.find(missing[0])
            return _sentence_verdict(path, st, "name-not-in-sources", "no source names " + ", ".join(missing),
                                     (missing[0], at, at + len(missing[0])))
    words = content_concepts(ev.text)
    for slot in st.slots:
        if slot.start in judged or _one(slot.text) and _PARTITIVE.match(ev.text, slot.until):
            continue
        if _in_sources(slot, words, said, names, tolerance, dates):
            continue
        return _sentence_verdict(path, st, "value-not-in-sources", f"no source gives {slot.text}",
                                 (slot.text, slot.at, slot.until))
    denial = said.negation_said(ev.text, words)
    if isinstance(denial, tuple):
        return _sentence_verdict(path, st, "negation-not-in-sources", "the sources say this without the negation",
                                 denial)
    cue = _negation_cues().search(ev.text)
    if cue and denial is False and not any(c.polarity is Polarity.NEGATED for c in own) \
            and said.affirmed_about(words, SAID_CONTEXT) and not said.negated_about(words, VALUE_CONTEXT):
        return _sentence_verdict(path, st, "negation-not-in-sources", "no source says this is not so",
                                 (cue.group(), cue.start(), cue.end()))
    against = _set_against_itself(ev.text)
    if against is not None:
        return _sentence_verdict(path, st, "set-against-itself", f"the sentence sets {against[0]} against itself",
                                 against)
    paired = _paired_with_itself(ev.text)
    if paired is not None and not names.has_phrase(paired[3]):
        return _sentence_verdict(path, st, "set-against-itself", f"the sentence pairs {paired[0]} with itself",
                                 paired[:3])
    for place, surname, start, end in _titled_names(ev.text, names.is_name):
        if names.is_name(surname) and names.title_elsewhere(place, surname):
            return _sentence_verdict(path, st, "title-not-in-sources",
                                     f"the sources give {surname} another place's title",
                                     (ev.text[start:end], start, end))
    for m in _relative_times().finditer(ev.text):
        if not any(s.at <= m.start() < s.until for s in st.slots) and not names.has_phrase(m.group()):
            return _sentence_verdict(path, st, "value-not-in-sources", f"no source gives {m.group()}",
                                     (m.group(), m.start(), m.end()))
    if ev.text.islower():
        # Lower-cased text: the date finder reads no "saturday", so a day or month name counts when a source has it.
        for m in _WORD.finditer(ev.text):
            if m.group() in _calendar_names() and not names.has_words(m.group()):
                return _sentence_verdict(path, st, "value-not-in-sources", f"no source gives {m.group()}",
                                         (m.group(), m.start(), m.end()))
    return None


_OPPOSED_REACH = 4  # words of a name after "beat", "against", "over"


def _set_against_itself(text: str) -> tuple[str, int, int] | None:
    """A name on both sides of a word that sets one side against another ("Colchester came from behind to beat
    Colchester", "a win over Gloucestershire" in a sentence about Gloucestershire): the second one, with its span.
    Only names count, words no English dictionary has or written with a capital inside the sentence: "year over
    year" and "the government ... against the government's decision" are ordinary words."""
    lex = lexicon()
    words = list(_NAME_WORD.finditer(text))
    low = [_bare(w.group()) for w in words]
    stop = vocabulary().stopwords
    capitals = not _title_cased(words)  # "Sales Rise Year Over Year": no names in a title-cased line
    for i, word in enumerate(low):
        if word not in lex.opposition_words:
            continue
        j = i + 1
        while j < len(low) and low[j] in lex.determiners:
            j += 1
        run = []
        while j < len(low) and len(run) < _OPPOSED_REACH and low[j] not in stop:
            run.append(j)
            j += 1
        for n in range(len(run), 0, -1):
            name = low[run[0]:run[0] + n]
            if not any(not english_word(w) or (capitals and k > 0 and words[k].group()[0].isupper())
                       for w, k in zip(name, range(run[0], run[0] + n))):
                continue
            if any(low[k:k + n] == name for k in range(0, i - n + 1)):
                start, end = words[run[0]].start(), words[run[0] + n - 1].end()
                return text[start:end], start, end
    return None


def _paired_with_itself(text: str) -> tuple[str, int, int, str] | None:
    """A name joined to itself by "and" ("Bernie Sanders and Bernie Sanders have clashed", "talks between Iran and
    Iran"): the second one, its span, and the whole pairing (which a source may write too: "Johnson and Johnson").
    Names as ``_set_against_itself`` reads them, and places the gazetteer knows in lower-cased text ("ghana").
    Not a pairing: words said twice for emphasis ("again and again", "Higher And Higher" in a title-cased line),
    one side part of a longer name ("South Sudan and Sudan", "Donald Trump and Donald Trump Jr.") or owning what
    follows ("Trump and Trump's lawyer")."""
    words = list(_NAME_WORD.finditer(text))
    written = [w.group().lower() for w in words]
    capitals = not _title_cased(words)
    for i, word in enumerate(written):
        if word != "and":
            continue
        for n in range(min(_OPPOSED_REACH, i, len(written) - i - 1), 0, -1):
            before, after = written[i - n:i], written[i + 1:i + 1 + n]
            if before != after or not (_a_name(words[i + 1:i + 1 + n], after, capitals) or _a_place(after)):
                continue
            k, m = i - n - 1, i + n + 1  # the words either side of the pairing
            if k >= 0 and _joined(text, words[k], words[k + 1]) and (
                    _a_name(words[k:k + 1], written[k:k + 1], capitals) or _a_place(written[k:i])):
                break  # "South Sudan and Sudan"
            if m < len(words) and _joined(text, words[m - 1], words[m]) and (
                    _a_name(words[m:m + 1], written[m:m + 1], capitals) or _a_place(written[i + 1:m + 1])):
                break  # "Donald Trump and Donald Trump Jr."
            first, last = words[i + 1], words[i + n]
            return text[first.start():last.end()], first.start(), last.end(), text[words[i - n].start():last.end()]
    return None


def _a_name(found: Sequence[re.Match[str]], low: Sequence[str], capitals: bool = True) -> bool:
    """Whether words are a name: one at least that no English dictionary has, or, where ``capitals`` tell, that is
    written with a capital."""
    return any(not english_word(_bare(w)) or capitals and m.group()[0].isupper() for m, w in zip(found, low))


def _a_place(words: Sequence[str]) -> bool:
    """Whether words name a place the gazetteer knows ("northern ireland")."""
    return bool(gazetteer().lookup(" ".join(words).title()))


# In a line with at least this many words of four letters or more, nearly all capitalised ("Stocks Fall Again And
# Again"), a capital says nothing about a name.
_TITLE_CASE_WORDS = 3
_TITLE_CASE_SHARE = 0.8


def _title_cased(words: Sequence[re.Match[str]]) -> bool:
    long = [w.group() for w in words if len(w.group()) >= 4]
    return len(long) >= _TITLE_CASE_WORDS and sum(w[0].isupper() for w in long) >= _TITLE_CASE_SHARE * len(long)


@cache
def _relative_times() -> re.Pattern[str]:
    """A time told from the moment of writing ("tomorrow", "next week", "this weekend", "last year"), which no
    date rule resolves in an undated report."""
    cal = calendar_words()
    return re.compile(rf"\b(?:{_alternation(cal.relative_days)}|(?:{_alternation(cal.relative_markers)})\s+"
                      rf"(?:{_alternation(cal.relative_units | set(cal.seasons))}))\b", re.IGNORECASE)


def _alternation(words: Iterable[str]) -> str:
    """Words as a regular-expression alternation, longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _calendar_names() -> frozenset[str]:
    """The full names of the weekdays and months, lower-cased, but those that are also common words ("may",
    "march")."""
    cal = calendar_words()
    return frozenset((cal.full_months | {w.lower() for w in cal.weekday_full}) - cal.months_also_words)


def _in_sources(slot: Slot, words: frozenset[str], said: _Sentences, names: _SourceNames, tolerance: float,
                dates: Mapping[str, dt.date | None] | None = None) -> bool:
    """Whether the sources have a value of a draft sentence (whose content words are ``words``): the value as
    ``_value_in`` reads it anywhere, the same number in any unit in a sentence on the same matter, a place by its
    name's words or its people's adjective; with ``dates`` (the draft's own date was guessed), a time read again
    as of a source's date, in that source ("on Tuesday" of a summary is the Tuesday of the report it sums up)."""
    value = slot.value
    if isinstance(value, Quantity):
        return said.has_value(value, tolerance) or said.has_figure(slot.text, words)
    if isinstance(value, Place):
        return said.has_value(value, tolerance) or names.has_words(slot.text) or names.has_place(value)
    if said.has_value(value, tolerance):
        return True
    if dates is None or not isinstance(value, TimeRange):
        return False
    return any((again := _reread(slot.text, dates.get(path))) is not None and said.has_value_in(path, again, tolerance)
               for path in said.statements)


_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _digits(text: str) -> frozenset[str]:
    """The numbers written in digits in a value's words, without thousands separators."""
    return frozenset(m.group().replace(",", "") for m in _DIGITS.finditer(text))


def _sentence_verdict(path: str, st: Statement, rule: str, message: str, found: tuple[str, int, int]
                      ) -> ClaimVerdict:
    """An unsupported draft sentence, its value span on the word or value no source has (offsets within the
    sentence as analysed, mapped to the file where the two line up; else the whole sentence)."""
    ev = st.evidence
    text, at, until = found
    if len(ev.text) == ev.end - ev.start and at >= 0:
        start, end = ev.start + at, ev.start + until
    else:
        start, end = ev.start, ev.end
    passage = Evidence(path=path, start=ev.start, end=ev.end, line=ev.line, column=ev.column, text=ev.text,
                       value=text, value_start=start, value_end=end)
    material = "\x1f".join(["verify-sentence", path, rule, " ".join(ev.text.lower().split())])
    return ClaimVerdict(id=hashlib.sha256(material.encode("utf-8")).hexdigest()[:16],
                        status=ClaimStatus.UNSUPPORTED, subject="", attribute="sentence", evidence=passage,
                        rule=rule, message=message)


def _restated(
    claim: Assertion,
    candidates: Sequence[Assertion],
    options: CompareOptions,
    views: dict[int, FrameView],
    *,
    same_figure: bool = False,
) -> ClaimVerdict | None:
    """Support from a claim of the same aspect under another name: its value supports the claim's and the two
    sentences say much the same (shared context), although the measured things were named differently. With
    ``same_figure``, the candidates are figures of the same unit under any aspect, and the figure must be the same
    as written (not merely within the rounding), since only the number ties them together."""
    best: tuple[float, Assertion] | None = None
    claim_view = cached_view(claim, views)
    for source in candidates:
        if source.path == claim.path and source.evidence.start == claim.evidence.start:
            continue
        if same_figure:
            if _distinct(source.attribute, claim.attribute):
                continue  # revenue is not profit, turnout is not a vote share, however equal the figures
            sq, cq = source.value, claim.value
            if not (isinstance(sq, Quantity) and isinstance(cq, Quantity) and comparable(sq, cq)
                    and abs(sq.nominal - cq.nominal) <= _SAME_FIGURE * max(abs(sq.nominal), abs(cq.nominal))
                    and source.polarity == claim.polarity):
                continue
        elif not supports(source, claim, options.tolerance):
            continue
        alignment = score(claim_view, cached_view(source, views))
        if "context" not in alignment.matched or (alignment.score < RESTATED_THRESHOLD and not same_figure):
            continue
        if best is None or alignment.score > best[0]:
            best = (alignment.score, source)
    if best is None:
        return None
    return _make(claim, ClaimStatus.SUPPORTED, "restated", "a source says the same of this under another name",
                 sources=[best[1]], score=best[0])


# Of the claim sentence's content words (its value left out), the share a source sentence must hold to say it.
SAID_CONTEXT = 0.5


@cache
def _negation_cues() -> re.Pattern[str]:
    """A word that denies by itself ("not", "n't", "never", "nobody": ``negation_particles`` in the lexicon)."""
    words = lexicon().negation_particles
    plain = _alternation(w for w in words if "'" not in w)
    attached = _alternation(w for w in words if "'" in w).replace("'", "['’]")  # "n't": inside a word
    return re.compile(rf"\b(?:{plain})\b" + (rf"|(?:{attached})\b" if attached else ""), re.IGNORECASE)


@cache
def _denial() -> re.Pattern[str]:
    """Words that deny what follows without a "not": a source sentence with one of them may say what a negated claim
    says ("released without charge": "not charged"). The lexicon's denying words that are no negation particle
    ("without", "cannot"), verbs of denial ("denied", "rejected"), words of lack ("lacks", "absence") and verbs of
    refusal or failure before "to" ("failed to", "unable to")."""
    lex = lexicon()
    words = (lex.denying_words - lex.negation_particles) | lex.denial_verbs | lex.lack_words
    return re.compile(rf"\b(?:{_alternation(words)})\b|\b(?:{_alternation(lex.refusal_verbs)})\s+to\b", re.IGNORECASE)


@cache
def _denying() -> re.Pattern[str]:
    """A negation and the word it denies: a denying word before it ("not", "n't", "never", "no", "cannot",
    "without"), or a verb of refusal or failure before "to" ("refused to attend", "failed to meet"); the words are
    ``denying_words`` and ``refusal_verbs`` in the lexicon."""
    lex = lexicon()
    plain = _alternation(w for w in lex.denying_words if "'" not in w)
    attached = _alternation(w for w in lex.denying_words if "'" in w).replace("'", "['’]")  # "n't": inside a word
    return re.compile(rf"\b(?:{plain})\b" + (rf"|(?:{attached})\b" if attached else "")
                      + rf"|\b(?:{_alternation(lex.refusal_verbs)})\s+to\b", re.IGNORECASE)


_SCOPE_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_SCOPE_REACH = 5  # words looked at after a negation for the one it denies
_CONDITION_REACH = 60  # characters looked at before a negation for a condition ("if", "unless") in its clause
_CLAUSE_START = re.compile(r"[,;:()]|\b(?:but|and|while|because)\b", re.IGNORECASE)


def negated_words(text: str) -> list[tuple[str, int, int]]:
    """The words a sentence denies, as concepts, with the span of each negation: the first word after the negation
    that is not an auxiliary, an adverb or a determiner ("will not be able to attend": attend; "has no discounts":
    discount; "failed to meet": meet). "Not only", "not just" and a condition ("if it is not working", "whether or
    not") deny nothing."""
    lex = lexicon()
    out = []
    for m in _denying().finditer(text):
        clause = _CLAUSE_START.split(text[max(0, m.start() - _CONDITION_REACH):m.start()])[-1]
        if any(w.lower() in lex.conditionals for w in _SCOPE_WORD.findall(clause)):
            continue  # "contact IT if the website is not working", "whether or not"
        for k, w in enumerate(_SCOPE_WORD.finditer(text, m.end())):
            low = w.group().lower()
            if k >= _SCOPE_REACH or low in lex.negation_not_a_denial:
                break
            if (low in lex.auxiliaries or low in lex.aux_adverbs or low in lex.determiners
                    or low in lex.negation_scope_skip or low.endswith("ly")):
                continue
            out.append((concept(low), m.start(), m.end()))
            break
    return out


class _Sentences:
    """The source sentences with their values, indexed by content word on first use (a draft whose claims are all
    supported never pays for it): a claim's candidates are the sentences holding its thing and its verb, so the
    cost grows with those words' postings, not with all sentences."""

    def __init__(self, statements: Mapping[str, Sequence[Statement]]) -> None:
        self.statements = statements
        self.items: list[tuple[str, Statement, frozenset[str], bool]] | None = None
        self.postings: dict[str, list[int]] = defaultdict(list)
        self.denied: dict[str, list[int]] | None = None
        self.values: dict[type, set[Value]] | None = None
        self.by_path: dict[tuple[str, type], set[Value]] | None = None
        self.found: dict[tuple[Value, float], bool] = {}

    def __bool__(self) -> bool:
        return any(self.statements.values())

    def _index(self) -> list[tuple[str, Statement, frozenset[str], bool]]:
        if self.items is None:
            self.items = []
            for path in sorted(self.statements):
                for st in self.statements[path]:
                    words = content_concepts(st.evidence.text)
                    for w in words:
                        self.postings[w].append(len(self.items))
                    self.items.append((path, st, words, bool(_negation_cues().search(st.evidence.text))))
        return self.items

    def has_value(self, value: Quantity | Place | TimeRange, tolerance: float) -> bool:
        """Whether some source sentence holds this value as ``_value_in`` reads it: the same figure within the
        rounding, this place or one inside it, a date inside this one."""
        key = (value, tolerance)
        if key not in self.found:
            values = self._slot_values()[0]
            self.found[key] = any(value_supports(v, value, tolerance) for v in values.get(type(value), ()))
        return self.found[key]

    def has_value_in(self, path: str, value: Value, tolerance: float) -> bool:
        """Whether a sentence of the source ``path`` holds this value, as ``has_value`` reads it."""
        return any(value_supports(v, value, tolerance) for v in self._slot_values()[1].get((path, type(value)), ()))

    def _slot_values(self) -> tuple[dict[type, set[Value]], dict[tuple[str, type], set[Value]]]:
        """Each distinct value of the sentences once, by its type, and by source and type (a corpus repeats its
        figures, places and dates many times)."""
        if self.values is None or self.by_path is None:
            self.values, self.by_path = defaultdict(set), defaultdict(set)
            for where, st, _, _ in self._index():
                for slot in st.slots:
                    self.values[type(slot.value)].add(slot.value)
                    self.by_path[(where, type(slot.value))].add(slot.value)
        return self.values, self.by_path

    def has_figure(self, text: str, words: frozenset[str]) -> bool:
        """Whether a source sentence on the matter of a draft sentence (its content words ``words``) gives this
        number as written in digits, in whatever unit ("aged 34" and "a 34-year-old" alike)."""
        digits = _digits(text)
        if not digits:
            return False
        need = max(1, VALUE_CONTEXT * len(words))
        return any(_on_the_matter(len(words & sw), need, sw) and any(digits <= _digits(slot.text) for slot in st.slots)
                   for _, st, sw, _ in self.sharing(words))

    def affirmed_about(self, words: frozenset[str], share: float) -> bool:
        """Whether a source sentence that denies nothing holds ``share`` of these words (two at least)."""
        need = max(2, share * len(words))
        return any(not has_cue and not _denial().search(st.evidence.text) and len(words & sw) >= need
                   for _, st, sw, has_cue in self.sharing(words))

    def negated_about(self, words: frozenset[str], share: float) -> bool:
        """Whether a source sentence that denies something ("not", "without", "refused to") holds ``share`` of these
        words (at least one)."""
        need = max(1, share * len(words))
        return any((has_cue or _denial().search(st.evidence.text)) and _on_the_matter(len(words & sw), need, sw)
                   for _, st, sw, has_cue in self.sharing(words))

    def sentences(self) -> list[tuple[str, Statement, frozenset[str], bool]]:
        return self._index()

    def sharing(self, words: frozenset[str]) -> list[tuple[str, Statement, frozenset[str], bool]]:
        """The sentences holding at least one of ``words``, in the sentences' order: the only ones that can be on
        a matter those words make (``_on_the_matter`` needs one shared word at least)."""
        items = self._index()
        found: set[int] = set()
        for w in words:
            found.update(self.postings.get(w, ()))
        return [items[i] for i in sorted(found)]

    def _denied(self) -> dict[str, list[int]]:
        if self.denied is None:
            self.denied = defaultdict(list)
            for i, (_, st, _, has_cue) in enumerate(self._index()):
                if has_cue or _denying().search(st.evidence.text):
                    for word, _, _ in negated_words(st.evidence.text):
                        self.denied[word].append(i)
        return self.denied

    def negation_said(self, text: str, words: frozenset[str]) -> tuple[str, int, int] | bool | None:
        """Whether the sources say what a draft sentence denies. The span of a negation of the sentence whose
        word a source sentence on the matter (sharing a quarter of ``words``) uses without denying it, while no
        source denies it ("they cannot sample the beers" / "you can sample every beer before you order"): the
        sources say otherwise. True when the sources deny every word the sentence denies; False when they never
        use one of them (nothing to tell); None when the sentence denies nothing (no negation, or only in a
        condition: "if the app is not working")."""
        items = self._index()
        denied = self._denied()
        found = negated_words(text)
        if not found:
            return None
        need = max(1, VALUE_CONTEXT * len(words))
        unknown = False
        for word, start, end in found:
            if any(_on_the_matter(len(words & items[i][2]), need, items[i][2]) for i in denied.get(word, ())):
                continue
            users = [items[i] for i in self.postings.get(word, ()) if i not in denied.get(word, ())]
            if any(_on_the_matter(len(words & sw), need, sw) for _, _, sw, _ in users):
                return text[start:end], start, end
            unknown = True
        return False if unknown else True

    def holding(self, words: frozenset[str]) -> list[tuple[str, Statement, frozenset[str], bool]]:
        items = self._index()
        if not words:
            return []
        postings = sorted((self.postings.get(w, []) for w in words), key=len)
        found = set(postings[0])
        for posting in postings[1:]:
            found &= set(posting)
        return [items[i] for i in sorted(found)]


def _said_in_a_sentence(
    claim: Assertion, said: _Sentences, options: CompareOptions, views: dict[int, FrameView]
) -> ClaimVerdict | None:
    """Support from a source sentence no claim of which lines up with the claim: it holds the claim's measured
    thing, its verb and its value, with the same polarity, and most of the claim sentence's other content words."""
    v = cached_view(claim, views)
    need = frozenset(v.thing | ({v.predicate} if v.predicate else set()))
    if not v.context or not need:
        return None
    negated = claim.polarity is Polarity.NEGATED
    for path, st, words, has_cue in said.holding(need):
        if path == claim.path or has_cue != negated:
            continue
        if len(v.context & words) < SAID_CONTEXT * len(v.context):
            continue
        found = _value_in(claim, st, options.tolerance)
        if found is None:
            continue
        passage = _passage(path, st, found)
        return _make(claim, ClaimStatus.SUPPORTED, "said-in-a-sentence",
                     "a source sentence says this in other words", passages=[passage])
    return None


def _passage(path: str, st: Statement, found: tuple[str, int, int]) -> Evidence:
    """A source sentence as evidence, with the value found in it (its words and raw offsets)."""
    text, start, end = found
    ev = st.evidence
    return Evidence(path=path, start=ev.start, end=ev.end, line=ev.line, column=ev.column, text=ev.text,
                    value=text, value_start=start, value_end=end)


def _value_in(claim: Assertion, st: Statement, tolerance: float) -> tuple[str, int, int] | None:
    """Where the sentence holds the claim's value (its words and raw offsets): the same figure, the claim's place or
    date or one inside it; for something that happened, the verb already matched stands for it (the sentence)."""
    value = claim.value
    if isinstance(value, Event):
        return st.evidence.text, st.evidence.start, st.evidence.end
    for slot in st.slots:
        if value_supports(slot.value, value, tolerance):
            return slot.text, slot.start, slot.end
    if isinstance(value, Place) and not place_part(value):
        return _demonym_in(st, value)
    return None


_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _demonym_in(st: Statement, place: Place) -> tuple[str, int, int] | None:
    """Where a sentence names a place through its people's adjective ("the norwegian ministry": Norway), or a
    place inside it by such a word; the sentence's words and raw offsets."""
    gaz = gazetteer()
    ev = st.evidence
    same = len(ev.text) == ev.end - ev.start
    for m in _WORD.finditer(ev.text):
        key = gaz.demonym(m.group())
        if key is not None and (key == place.key or gaz.contains(place.key, key)):
            if same:
                return m.group(), ev.start + m.start(), ev.start + m.end()
            return ev.text, ev.start, ev.end
    return None


_NAME_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]")


class _SourceNames:
    """The words of the sources, lower-cased, read once on first use, to tell whether a name of a claim (a word that
    is not an ordinary English word, capitalised or not: summaries are often lower-cased) occurs in any source."""

    def __init__(self, documents: Sequence[Document], statements: Mapping[str, Sequence[Statement]]) -> None:
        self.texts = [d.text for d in documents] or [st.evidence.text for sts in statements.values() for st in sts]
        self.words: frozenset[str] | None = None
        self.demonyms: frozenset[str] | None = None
        self.names: frozenset[str] | None = None
        self.joined: str | None = None
        self.lowered: list[str] | None = None
        self.around: dict[str, list[str]] = {}
        self.memo: dict[str, list[str]] = {}

    def missing(self, text: str) -> list[str]:
        """The names of ``text`` that no source has."""
        found = self.memo.get(text)
        if found is None:
            found = self.memo[text] = self._missing(text)
        return found

    def _words(self) -> frozenset[str]:
        if self.words is None:
            words: set[str] = set()
            for t in self.texts:
                for w in set(_NAME_WORD.findall(t.lower())):
                    bare = w.removesuffix("'s").removesuffix("’s")
                    words.add(w)
                    words.add(bare)
                    if "-" in bare:
                        words.update(bare.split("-"))
            self.words = frozenset(words)
        return self.words

    def has_words(self, text: str) -> bool:
        """Whether every word of ``text`` but "the" occurs in some source ("bergen" where a source writes
        "Bergen" in a sentence the place finder did not read as a place)."""
        words = [w.lower() for w in _NAME_WORD.findall(text) if w.lower() != "the"]
        return bool(words) and all(w in self._words() for w in words)

    def has_phrase(self, phrase: str) -> bool:
        """Whether some source has these words one after another, whatever their case and spacing ("&" read as
        "and")."""
        if self.joined is None:
            self.joined = " ".join(" ".join(_NAME_WORD.findall(t.replace("&", " and "))).lower() for t in self.texts)
        return " ".join(_NAME_WORD.findall(phrase.replace("&", " and "))).lower() in self.joined

    def has_place(self, place: Place) -> bool:
        """Whether a source names this place, or a place inside it, by its people's adjective ("norwegian")."""
        gaz = gazetteer()
        if self.demonyms is None:
            self.demonyms = frozenset(k for k in (gaz.demonym(w) for w in self._words()) if k is not None)
        return any(k == place.key or gaz.contains(place.key, k) for k in self.demonyms)

    def _capitalised(self) -> frozenset[str]:
        """The words the sources write with a capital inside a sentence (after another word), lower-cased: names."""
        if self.names is None:
            self.names = frozenset(m.group(1).lower() for t in self.texts for m in _INNER_CAPITAL.finditer(t))
        return self.names

    def _missing(self, text: str) -> list[str]:
        self._words()
        assert self.words is not None
        out = []
        words = _NAME_WORD.findall(text)
        titles = lexicon().titles
        lowered = text.islower()  # a lower-cased summary: any word may be a name
        for k, w in enumerate(words):
            lw = _bare(w)
            if _ACRONYM.fullmatch(w):
                continue  # "CNN", "PhDs", "MPs": a source may spell out what the letters stand for
            if lw not in self.words and any(len(p) > 3 and p.isalpha() and not english_word(p) and p not in self.words
                                            for p in lw.split("-")):
                out.append(w)  # a name, or a hyphenated one ("Osei-Lamptey") with a part no source has
            elif (0 < k < len(words) - 1 and words[k - 1].lower() in titles and lw not in titles and len(lw) > 2
                  and (w[0].isupper() or lowered) and lw not in self.words and self._surname(words[k + 1])):
                out.append(w)  # a first name after a title, before a surname the sources have: "manager Eddie Howe"
        return out

    def is_name(self, word: str) -> bool:
        """Whether the sources write ``word`` as a name (capitalised inside a sentence)."""
        return _bare(word) in self._capitalised()

    def title_elsewhere(self, place: str, surname: str) -> bool:
        """Whether the sources give the person named ``surname`` a title of another place ("Kenyan Health Minister
        Amara Wanjiru" against a draft's "Ugandan"), while no source sentence with the name names ``place``, a
        place inside it or one it lies in."""
        gaz = gazetteer()
        other = False
        for sentence in self._sentences_with(surname):
            words = list(_NAME_WORD.finditer(sentence))
            if any(k is not None and gaz.related(k, place) for k in map(_place_of, words)):
                return False
            other = other or any(s == surname and not gaz.related(k, place)
                                 for k, s, _, _ in _titled_names(sentence, self.is_name))
        return other

    def _sentences_with(self, name: str) -> list[str]:
        """The source sentences that hold the word ``name``, the first ``_NAME_SENTENCES`` of them, found once per
        name (in lower-cased text, then read as written)."""
        found = self.around.get(name)
        if found is None:
            if self.lowered is None:
                self.lowered = [t.lower() for t in self.texts]
            found = self.around[name] = []
            for t, lowered in zip(self.texts, self.lowered):
                source = t if len(t) == len(lowered) else lowered  # a few letters change length when lower-cased
                at = lowered.find(name)
                while at >= 0 and len(found) < _NAME_SENTENCES:
                    end = at + len(name)
                    if not (at and lowered[at - 1].isalnum() or end < len(lowered) and lowered[end].isalnum()):
                        found.append(_sentence_around(source, at, end))
                    at = lowered.find(name, end)
        return found

    def _surname(self, word: str) -> bool:
        """Whether the sources have ``word`` as a name: capitalised inside a sentence, or, not being an English
        word, at all."""
        low = _bare(word)
        return low in self._capitalised() or (not english_word(low) and low in self._words())


# Sentences with a name read for the words written beside it (a name in every report of a large corpus is not read
# in all of them).
_NAME_SENTENCES = 200
# Characters either side of a name looked at for the end of its sentence.
_SENTENCE_REACH = 300
_SENTENCE_END = re.compile(r"[.!?][\"'’”)]*\s+|\n\s*\n")


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence of ``text`` holding ``text[start:end]``, as far as full stops and blank lines tell, and at most
    ``_SENTENCE_REACH`` characters either side."""
    before = text[max(0, start - _SENTENCE_REACH):start]
    ends = list(_SENTENCE_END.finditer(before))
    begin = start - len(before) + (ends[-1].end() if ends else 0)
    after = _SENTENCE_END.search(text, end, end + _SENTENCE_REACH)
    return text[begin:after.start() if after else end + _SENTENCE_REACH]


def _titled_names(text: str, is_name: Callable[[str], bool]) -> Iterator[tuple[str, str, int, int]]:
    """A name with a title and a place in front of the title ("Ugandan Health Minister Amara Wanjiru", "London
    Minister Roberta Pinotti", "ex-England captain David Beckham"): the place's key, the surname, and the span from
    the place to the surname. The words in front of the title run up to it, each written with a capital (not first
    in the sentence), a place or a people's adjective, or no English word ("Kenya's health minister" has none);
    titles in a row are read as one ("Labour leader Sir Keir Starmer"). The name's words have capitals, or, in a
    lower-cased sentence, are words ``is_name`` says the sources write as names."""
    lex = lexicon()
    words = list(_NAME_WORD.finditer(text))
    low = [_bare(w.group()) for w in words]
    lowered = text.islower()

    def says_whose(k: int) -> bool:
        if low[k] in lex.titles or low[k] in lex.determiners:
            return False
        # A sentence's first word has a capital whatever it is: there it must be a place or no English word.
        return bool(k and words[k].group()[0].isupper() or not english_word(low[k]) or _place_of(words[k]))

    for t in range(1, len(words) - 2):
        if low[t] not in lex.titles or low[t - 1] in lex.titles:
            continue
        before = []
        k = t - 1
        while k >= 0 and len(before) < 3 and _joined(text, words[k], words[k + 1]) and says_whose(k):
            before.append(k)
            k -= 1
        places = [(k, p) for k in before if (p := _place_of(words[k])) is not None]
        if not places:
            continue
        j = t + 1
        while j < len(words) and low[j] in lex.titles and _joined(text, words[j - 1], words[j]):
            j += 1
        name = []
        while j < len(words) and len(name) < 3 and low[j] not in lex.titles and _joined(text, words[j - 1], words[j]) \
                and (words[j].group()[0].isupper() or lowered and is_name(low[j])):
            name.append(j)
            j += 1
        if len(name) >= 2:
            for k, place in places:
                yield place, low[name[-1]], words[k].start(), words[name[-1]].end()


def _place_of(word: re.Match[str]) -> str | None:
    """The gazetteer key of a word naming a place or its people ("Kenyan", "England", "UK", the "England" of
    "ex-England"), or None; stop words ("us") name nothing."""
    gaz = gazetteer()
    stop = vocabulary().stopwords
    written = word.group()
    for part in (written, *written.split("-")[1:]):
        bare = _bare(part)
        if not bare or bare in stop:
            continue
        key = gaz.demonym(bare) or next(iter(gaz.lookup(part) or gaz.lookup(part.title())), None)
        if key is not None:
            return key
    return None


def _joined(text: str, a: re.Match[str], b: re.Match[str]) -> bool:
    """Whether two words follow each other with only spaces between them (no comma, bracket or full stop)."""
    return not text[a.end():b.start()].strip()


def _bare(word: str) -> str:
    """A word lower-cased without its possessive ending ("Glamorgan's": glamorgan)."""
    return word.lower().removesuffix("'s").removesuffix("’s")


# A word written with a capital after another word (not after a sentence's end): a name.
_INNER_CAPITAL = re.compile(r"(?<=[a-z,;] )([A-Z][a-z][a-zA-Z'’-]*)")
# Letters standing for words: all capitals, or a capital after the first letter ("PhDs", "MPs", "eBay" aside).
_ACRONYM = re.compile(r"[A-Z]{2,}s?|[A-Z][a-z]?[A-Z]s")


def _checkable_part(
    claim: Assertion,
    verdict: ClaimVerdict,
    names: _SourceNames,
    said: _Sentences,
    drafted: Mapping[tuple[str, int], Statement],
    tolerance: float,
    views: dict[int, FrameView],
) -> ClaimVerdict:
    """A last look at an unsupported claim. A figure, date or place: supported when a source sentence on the same
    matter holds the same value (``_value_said``). Something that happened, which no source claim or sentence
    holds with its thing and verb (an abstractive summary's own wording): unsupported only for a checkable part of
    its sentence that no source has (a name, a figure, a date or a place, a negation); else unchecked."""
    value = claim.value
    if isinstance(value, Place):
        return _value_said(claim, said, tolerance, views) or _local_body(claim, said) or verdict
    if not isinstance(value, Event):
        return _value_said(claim, said, tolerance, views) or verdict
    text = claim.evidence.text
    missing = names.missing(text)
    if missing:
        return verdict.model_copy(update={"rule": "name-not-in-sources",
                                         "message": "no source names " + ", ".join(missing)})
    st = drafted.get((claim.path, claim.evidence.start))
    if st is not None:
        words = content_concepts(st.evidence.text)
        for slot in st.slots:
            if not _in_sources(slot, words, said, names, tolerance):
                return verdict.model_copy(update={"rule": "value-not-in-sources",
                                                 "message": f"no source gives {slot.text}"})
    denial = said.negation_said(text, content_concepts(text))
    if isinstance(denial, tuple) or denial is False and _negation_cues().search(text) \
            and not said.negated_about(cached_view(claim, views).context, VALUE_CONTEXT):
        return verdict.model_copy(update={"rule": "negation-not-in-sources",
                                         "message": "no source says this is not so"})
    return _make(claim, ClaimStatus.UNCHECKED, "event-only", "only an event: nothing checkable that no source holds")


def _local_body(claim: Assertion, said: _Sentences) -> ClaimVerdict | None:
    """Support for a place from a source sentence naming a public body after it ("South Lanarkshire Council will
    restrict parking", "Dyfed-Powys Police said"): the body serves that area, so the story is there."""
    name = [_bare(w) for w in _NAME_WORD.findall(claim.value_span.text)]
    if not name:
        return None
    bodies = lexicon().local_bodies
    n = len(name)
    for path, st, _, _ in said.sentences():
        if path == claim.path:
            continue
        # Hyphenated names in parts: "Dyfed-Powys Police" is a body of Powys.
        low = [part for w in _NAME_WORD.findall(st.evidence.text) for part in _bare(w).split("-")]
        if any(low[k:k + n] == name and low[k + n] in bodies for k in range(len(low) - n)):
            found = (st.evidence.text, st.evidence.start, st.evidence.end)
            return _make(claim, ClaimStatus.SUPPORTED, "place-of-a-local-body",
                         "a source names a public body of this place", passages=[_passage(path, st, found)])
    return None


# Of the claim sentence's content words (its value left out), the share (at least one word) a source sentence
# holding the same value must hold to support a figure, date or place no claim of which lines up.
VALUE_CONTEXT = 0.25
# Or: a short source sentence, at least this share of whose words (and two at least) the claim sentence holds.
SHORT_CONTEXT = 0.5


def _on_the_matter(shared: int, need: float, source_words: frozenset[str]) -> bool:
    """Whether a source sentence is on the claim sentence's matter: it holds enough of the claim sentence's words,
    or the claim sentence holds most of its own (a long summary sentence is made of several short source ones:
    "the two agreed to meet at the harbour gate at 8, after ..." / "Shall we meet at the harbour gate at 8?")."""
    return shared >= need or (shared >= 2 and shared >= SHORT_CONTEXT * len(source_words))


def _value_said(
    claim: Assertion, said: _Sentences, tolerance: float, views: dict[int, FrameView]
) -> ClaimVerdict | None:
    """Support for a figure, date or place from a source sentence that holds the same value and shares some of the
    claim sentence's content words, whatever the claim-frame rules made of either."""
    v = cached_view(claim, views)
    if not v.context:
        return None
    q = claim.value
    # A figure with a unit as written ("$424.15", "46.2C") is specific enough to need only one shared word.
    exact = isinstance(q, Quantity) and q.dimension != "count"
    for path, st, words, _ in said.sharing(v.context | v.thing):
        if path == claim.path:
            continue
        # The measured thing counts among the shared words ("costing $90" / "the fee would be $90").
        shared = len((v.context | v.thing) & words)
        if not _on_the_matter(shared, max(1, VALUE_CONTEXT * len(v.context)), words) and not (exact and shared):
            continue
        if claim.attribute in _DISTINCT_MEASURES and concept(claim.attribute) not in words:
            continue  # a profit is not supported by the same figure given as revenue
        if isinstance(q, Quantity) and _about_another(claim, st.evidence.text, words):
            continue  # Deutsche Bank's "up to 1,000 jobs" is not said by "JP Morgan ... space for 1,000 staff"
        found = _value_in(claim, st, _SAME_FIGURE if exact and shared < VALUE_CONTEXT * len(v.context) else tolerance)
        if found is None:
            continue
        passage = _passage(path, st, found)
        return _make(claim, ClaimStatus.SUPPORTED, "value-in-a-sentence",
                     "a source sentence on the same matter gives this value", passages=[passage])
    return None


def _about_another(claim: Assertion, sentence: str, words: frozenset[str] | None = None) -> bool:
    """Whether a source sentence is about someone else than the claim's owner: it names no entity of the claim, not
    even by the distinctive part of its name ("TechBridge" for "TechBridge Solutions"; ``words``: its content
    concepts, if known), and names others that neither the claim's sentence nor its entities do."""
    if not claim.entities:
        return False
    words = content_concepts(sentence) if words is None else words
    own = [content_concepts(e) for e in claim.entities]
    if any(parts and parts <= words or any(not english_word(w) for w in parts & words) for parts in own):
        return False  # named in full, or by a word of its name no dictionary has ("TechBridge", not "bank")
    return bool(_names_of(sentence) - _names_of(claim.evidence.text) - {w for parts in own for w in parts})


def _names_of(text: str) -> set[str]:
    """The words a sentence writes with a capital after its first word (names), lower-cased."""
    return {m.group(1).lower() for m in _INNER_CAPITAL.finditer(text)}


def _as_of(dates: Mapping[str, dt.date | None]) -> Callable[[Assertion, Assertion], Assertion]:
    """For a draft whose date was guessed: the claim with its time read again as of a source's date, so that an
    undated summary's "on Monday" means the Monday of the report it summarises, not of the median report."""

    def as_of(claim: Assertion, source: Assertion) -> Assertion:
        value = claim.value
        assert isinstance(value, TimeRange)
        again = _reread(value.text, dates.get(source.path))
        if again is None or (again.start, again.end) == (value.start, value.end):
            return claim
        return claim.model_copy(update={"value": again})

    return as_of


@lru_cache(maxsize=4096)
def _reread(text: str, reference: dt.date | None) -> TimeRange | None:
    return parse_date(text, reference) if reference is not None else None


def _verdict(
    claim: Assertion,
    candidates: Sequence[Assertion],
    dates: Mapping[str, dt.date | None],
    options: CompareOptions,
    views: dict[int, FrameView],
    as_of: Callable[[Assertion, Assertion], Assertion] | None = None,
) -> ClaimVerdict:
    """The verdict from the source claims in the claim's block; ``as_of`` gives the claim as it reads against one
    source (``_as_of``)."""
    if not checkable(claim):
        return _make(claim, ClaimStatus.UNCHECKED, "not-checkable", "a question or a refusal to confirm")
    aligned: list[tuple[Alignment, Assertion]] = []
    claim_view = cached_view(claim, views)
    for source in candidates:
        if source.path == claim.path and source.evidence.start == claim.evidence.start:
            continue
        alignment = score(claim_view, cached_view(source, views))
        if alignment.score >= ACROSS_THRESHOLD:
            aligned.append((alignment, source))
    if not aligned:
        return _make(claim, ClaimStatus.UNSUPPORTED, "no-aligned-source", "no source claim is about this")
    aligned.sort(key=lambda t: (-t[0].score, t[1].path, t[1].evidence.start))
    def judged(source: Assertion) -> Assertion:
        return claim if as_of is None else as_of(claim, source)

    support = next(((al, s) for al, s in aligned if supports(s, judged(s), options.tolerance)), None)
    # The best-aligned conflict outweighs the support only when it aligns better, so only the sources aligned
    # better than the support are judged (compare_pair, which scores again from the same views, and builds the
    # conflict with its message).
    for al, source in aligned:
        if support is not None and al.score <= support[0].score:
            break
        judging = judged(source)
        if judging is claim:
            found = compare_pair(claim, source, dates=dates, options=options, views=views)[1]
        else:  # read as written on the source's date; a new object, so no place in ``views`` (kept by identity)
            found = compare_pair(judging, source, dates={**dates, claim.path: dates.get(source.path)},
                                 options=options)[1]
        if found is not None and found.kind is not ConflictKind.CHANGE:
            return _make(claim, ClaimStatus.CONTRADICTED, f"conflict-{found.kind.value}", found.message,
                         sources=[source], kind=found.kind, score=al.score)
    if support is not None:
        al, source = support
        return _make(claim, ClaimStatus.SUPPORTED, "aligned-agrees", "a source says the same",
                     sources=[source], score=al.score)
    nearest = [s for _, s in aligned[:NEAREST]]
    return _make(claim, ClaimStatus.UNSUPPORTED, "aligned-not-same",
                 "sources speak of this but do not say it", sources=nearest, score=aligned[0][0].score)


# Most parts a total is summed from, within one sentence (all of them, and every pair, are tried).
_MAX_PARTS = 8
_OF_BASE = re.compile(r"\s+(?:out\s+)?of\s+(?:the\s+|all\s+)?$", re.IGNORECASE)


def _derived(
    claim: Assertion,
    same_aspect: Sequence[Assertion],
    documents: Sequence[Document],
    options: CompareOptions,
    views: dict[int, FrameView],
    memo: dict[int, list],
    sources_by_sentence: Mapping[tuple[str, int], Sequence[Assertion]],
) -> ClaimVerdict | None:
    """Support for a figure computed from a source sentence's parts: a total, or a share from a count and a base."""
    q = claim.value
    assert isinstance(q, Quantity)
    claim_view = cached_view(claim, views)
    if claim.attribute in _CHANGES:
        found = _derived_change(claim, q, sources_by_sentence, claim_view, options, views)
        if found is not None:
            return found
    if q.unit == "percent":
        return _derived_share(claim, q, documents, claim_view, options, memo)
    by_sentence: dict[tuple[str, int], list[Assertion]] = defaultdict(list)
    for source in same_aspect:
        sq = source.value
        if (isinstance(sq, Quantity) and comparable(sq, q) and source.polarity == claim.polarity
                and sq.low is not None and sq.high is not None):
            by_sentence[(source.path, source.evidence.start)].append(source)
    for parts in by_sentence.values():
        if len(parts) < 2 or len(parts) > _MAX_PARTS or not _shares_context(claim_view, cached_view(parts[0], views)):
            continue
        spans = {p.value_span.start: p for p in parts}  # one claim per figure
        parts = list(spans.values())
        tries = [parts] + [[a, b] for i, a in enumerate(parts) for b in parts[i + 1 :]]
        for chosen in tries:
            if len(chosen) < 2:
                continue
            total = _sum(chosen)
            if quantity_supports(total, q, options.tolerance):
                return _make(claim, ClaimStatus.SUPPORTED, "derived-total",
                             "derived: the total of figures a source gives", sources=chosen)
    return None


_CHANGES = {"increase": 1, "decrease": -1}
_FROM = re.compile(r"\bfrom\s+$", re.IGNORECASE)
_TO = re.compile(r"\bto\s+$", re.IGNORECASE)
_BETWEEN_TO = re.compile(r"\s+to\s+", re.IGNORECASE)
_BETWEEN_FROM = re.compile(r",?\s+from\s+", re.IGNORECASE)


def _derived_change(
    claim: Assertion,
    q: Quantity,
    by_sentence: Mapping[tuple[str, int], Sequence[Assertion]],
    claim_view: FrameView,
    options: CompareOptions,
    views: dict[int, FrameView],
) -> ClaimVerdict | None:
    """A rise or fall from the figure before and the figure after that one source sentence gives ("from 120 to
    150", "to 15 from 12") for the same thing: the difference ("increased by 30"), or the relative change in percent
    ("rose 25 percent"). The direction must agree with the claim's (a rise is not supported by a fall)."""
    sign = _CHANGES[claim.attribute]
    for figures in by_sentence.values():
        if len(figures) < 2:
            continue
        ordered = sorted({f.value_span.start: f for f in figures}.values(), key=lambda f: f.value_span.start)
        for first, second in zip(ordered, ordered[1:]):
            if first.attribute in _CHANGES or second.attribute in _CHANGES:
                continue
            fq, sq = first.value, second.value
            if not (isinstance(fq, Quantity) and isinstance(sq, Quantity) and comparable(fq, sq)):
                continue
            first_view = cached_view(first, views)
            # The same thing: the same head, the head the source's aspect names ("death toll" / killed), or none of
            # the claim's own ("rose 25 percent": the frame's thing is the change itself), left to the context.
            same_thing = claim_view.head in (first_view.head, concept(first.attribute), concept(claim.attribute))
            if not same_thing or not _shares_context(claim_view, first_view):
                continue
            moved = _old_new(first, second)
            if moved is None:
                continue
            old, new = moved
            change = new.nominal - old.nominal
            if change * sign <= 0:
                continue
            if q.unit == "percent" and fq.unit != "percent":
                if not old.nominal:
                    continue
                amount = abs(change) / abs(old.nominal) * 100
                derived = Quantity(nominal=amount, low=amount, high=amount, unit="percent", dimension="percent")
            else:
                derived = Quantity(nominal=abs(change), low=abs(change), high=abs(change), unit=fq.unit,
                                   dimension=fq.dimension)
            if quantity_supports(derived, q, options.tolerance):
                return _make(claim, ClaimStatus.SUPPORTED, "derived-change",
                             "derived: the change between two figures a source gives", sources=[first, second])
    return None


def _old_new(first: Assertion, second: Assertion) -> tuple[Quantity, Quantity] | None:
    """Which of two figures of one sentence is the old one: "from A to B" or "to B from A"; None when the sentence
    does not say."""
    text, base = first.evidence.text, first.evidence.start
    before = text[: first.value_span.start - base]
    between = text[first.value_span.end - base : second.value_span.start - base]
    fq, sq = first.value, second.value
    assert isinstance(fq, Quantity) and isinstance(sq, Quantity)
    if _FROM.search(before) and _BETWEEN_TO.fullmatch(between):
        return fq, sq
    if _TO.search(before) and _BETWEEN_FROM.fullmatch(between):
        return sq, fq
    return None


def _sum(parts: Sequence[Assertion]) -> Quantity:
    qs = [p.value for p in parts]
    nominal = sum(q.nominal for q in qs)  # type: ignore[union-attr]
    low = sum(q.low for q in qs)  # type: ignore[union-attr, misc]
    high = sum(q.high for q in qs)  # type: ignore[union-attr, misc]
    first = qs[0]
    return Quantity(nominal=nominal, low=low, high=high, unit=first.unit, dimension=first.dimension)  # type: ignore


def _derived_share(
    claim: Assertion,
    q: Quantity,
    documents: Sequence[Document],
    claim_view: FrameView,
    options: CompareOptions,
    memo: dict[int, list],
) -> ClaimVerdict | None:
    """A percentage from "N of M" (or "N out of M") in a source sentence that shares the claim's context. Sentences
    are read from the source documents, since extraction makes no claim of "412 of 1,000" itself."""
    for doc in documents:
        for sentence, context, inside in _share_sentences(doc, memo):
            small = min(len(context), len(claim_view.context))
            if not small or len(context & claim_view.context) / small < 0.5:
                continue
            for part, base in inside:
                share = 100 * part.quantity.nominal / base.quantity.nominal
                derived = Quantity(nominal=share, low=share, high=share, unit="percent", dimension="percent")
                if quantity_supports(derived, q, options.tolerance):
                    span = doc.span(sentence.start, sentence.end)
                    value = doc.span(part.start, base.end)
                    passage = Evidence(path=doc.path, start=span.start, end=span.end, line=span.line,
                                       column=span.column, text=span.text, value=value.text,
                                       value_start=value.start, value_end=value.end)
                    return _make(claim, ClaimStatus.SUPPORTED, "derived-share",
                                 f"derived: {value.text} is {share:.1f} percent", passages=[passage])
    return None


def _share_sentences(doc: Document, memo: dict[int, list]) -> list:
    """The sentences of a document that give a count and its base ("412 of 1,000"), with their content concepts
    and the (count, base) matches; read once per document and run (``memo``)."""
    held = memo.get(id(doc))
    if held is not None:
        return held
    from checker.extract.quantities import find_quantities
    from checker.extract.sentences import split_sentences

    text = doc.text
    found = [m for m in find_quantities(text) if m.quantity.dimension == "count"]
    pairs = [(p, b) for p, b in zip(found, found[1:]) if b.quantity.nominal and _OF_BASE.fullmatch(text[p.end : b.start])]
    out = []
    if pairs:
        for sentence in split_sentences(text):
            inside = [(p, b) for p, b in pairs if sentence.start <= p.start and b.end <= sentence.end]
            if inside:
                out.append((sentence, content_concepts(text[sentence.start : sentence.end]), inside))
    memo[id(doc)] = out
    return out


def _shares_context(a: FrameView, b: FrameView) -> bool:
    """The two sentences share at least half the content words of the smaller (the alignment's context test)."""
    small = min(len(a.context), len(b.context))
    return bool(small) and len(a.context & b.context) / small >= 0.5


def checkable(claim: Assertion) -> bool:
    """Whether a claim can be checked at all: not a refusal to confirm, not asked as a question."""
    if claim.modality is Modality.CANNOT_CONFIRM:
        return False
    return not claim.evidence.text.rstrip().rstrip("\"'”’)").endswith("?")


def supports(source: Assertion, claim: Assertion, tolerance: float) -> bool:
    """Whether ``source`` says what ``claim`` says: same polarity, compatible scope, and a value at least as
    precise as the claim's (the source's figure inside the claim's, its place or date inside the claim's)."""
    if source.polarity != claim.polarity or source.expected != claim.expected:
        return False
    if not _scopes_compatible(source, claim):
        return False
    return value_supports(source.value, claim.value, tolerance)


def value_supports(sv: Value, cv: Value, tolerance: float) -> bool:
    """Whether a source's value says the claim's value: the same figure within the rounding, the claim's place or
    one inside it ("in Russia" by "in Kursk", not the reverse), a date inside the claim's, the same event."""
    if isinstance(sv, Quantity) and isinstance(cv, Quantity):
        return quantity_supports(sv, cv, tolerance)
    if isinstance(sv, Place) and isinstance(cv, Place):
        part = place_part(cv)
        if part and part != place_part(sv):
            return False  # "in Mongolia" or "in eastern Mongolia" does not say "in northern Mongolia"
        return sv.key == cv.key or contains(cv, sv)
    if isinstance(sv, TimeRange) and isinstance(cv, TimeRange):
        return cv.start <= sv.start and sv.end <= cv.end
    if isinstance(sv, Event) and isinstance(cv, Event):
        return concept(sv.predicate) == concept(cv.predicate)
    return False


def place_part(place: Place) -> str:
    """The part of a place its words name ("northern Mongolia": northern), when its own name does not hold the
    word ("Northern Ireland", "South Africa"); else ""."""
    parts = lexicon().place_parts
    name = {w.lower() for w in _NAME_WORD.findall(place.name)}
    return " ".join(w for w in (w.lower() for w in _NAME_WORD.findall(place.text)) if w in parts and w not in name)


# How far from the figure a claim gives ("up to 1,000", "more than 10,000") a source's figure inside the claim's
# interval may lie and still say it: half of it.
_NEAR_THE_FIGURE = 0.5


def quantity_supports(source: Quantity, claim: Quantity, tolerance: float) -> bool:
    """The source's figure lies inside the claim's widened interval ("nearly 11,000" contains "10,900"), or the two
    nominal figures agree within the tolerance ("11,000" and "about 11,000"; "eleven thousand" and "11,000")."""
    if not comparable(source, claim):
        return False
    low, high = quantity_bounds(claim, tolerance)
    s_low = -math.inf if source.low is None else source.low
    s_high = math.inf if source.high is None else source.high
    if low <= s_low and s_high <= high:
        # Inside the claim's interval, and near the figure the claim gives: "up to 1,000 jobs" is not what a source
        # says with "about 100", nor "more than 10,000" what it says with "25,000".
        return abs(source.nominal - claim.nominal) <= _NEAR_THE_FIGURE * abs(claim.nominal)
    if claim.low is None or claim.high is None:
        return False  # "more than 200" is not supported by "about 150" just because 150 is near 200
    slack = 0.5 if claim.unit == "percent" else tolerance * max(abs(source.nominal), abs(claim.nominal))
    return abs(source.nominal - claim.nominal) <= slack


def _scopes_compatible(a: Assertion, b: Assertion) -> bool:
    if a.scope_event and b.scope_event and concept(a.scope_event) != concept(b.scope_event):
        return False
    if a.scope_place and b.scope_place and a.scope_place != b.scope_place:
        gaz = gazetteer()
        pa = Place(key=a.scope_place, name=gaz.name(a.scope_place))
        pb = Place(key=b.scope_place, name=gaz.name(b.scope_place))
        if not places_related(pa, pb):
            return False
    return True


def claim_id(a: Assertion) -> str:
    """A stable id for a draft claim: its path, subject key, aspect and normalised value; no offsets."""
    material = "\x1f".join(["verify", a.path, a.subject_key, a.aspect_label, value_key(a)])
    return hashlib.sha256(material.encode("utf-8")).hexdigest()[:16]


def evidence(a: Assertion) -> Evidence:
    """The passage of one claim in the shape reports use."""
    return evidence_of(a)


def _make(
    claim: Assertion,
    status: ClaimStatus,
    rule: str,
    message: str,
    *,
    sources: Sequence[Assertion] = (),
    passages: Sequence[Evidence] = (),
    kind: ConflictKind | None = None,
    score: float | None = None,
) -> ClaimVerdict:
    return ClaimVerdict(
        id=claim_id(claim),
        status=status,
        subject=claim.subject,
        attribute=claim.aspect_label,
        evidence=evidence(claim),
        sources=[evidence(s) for s in sources] + list(passages),
        kind=kind,
        score=score,
        rule=rule,
        message=message,
    )
