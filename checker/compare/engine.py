"""Assertions -> conflicts: line up claims about the same thing and keep only real disagreements.

Precision comes first: an analyst stops reading after a few false alarms. So a pair is only compared when subject,
attribute, value kind, event scope and place scope all line up, and each rule asks "can both be true?" with the
generous reading (intervals widened by a rounding tolerance, places related by containment, date ranges
overlapping) before it calls a disagreement.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from dataclasses import dataclass
from typing import Collection, Iterable, Iterator, Mapping, NamedTuple, Sequence

from checker.compare.align import blocks, canonical_keys, family
from checker.compare.similarity import (
    ACROSS_THRESHOLD,
    WITHIN_THRESHOLD,
    FrameView,
    cached_view,
    different_predicates,
    light_verb_event,
    one_occurrence,
    score,
    running_count,
    view,
    vocabulary,
)
from checker.compare.fingerprint import conflict_id, value_key
from checker.compare.kinds import Context, judge, message, priority
from checker.compare.restatement import restated_pairs, restatement_score
from checker.extract.dates import find_dates
from checker.extract.quantity_rules import WORLDWIDE
from checker.extract.lexicon import lexicon
from checker.compare.values import comparable as quantities_comparable, places_related, quantities_agree
from checker.extract.places import gazetteer
from checker.ingest.files import paused_gc
from checker.models import (
    Alignment,
    Assertion,
    Conflict,
    ConflictKind,
    Event,
    Evidence,
    Modality,
    Place,
    Polarity,
    Quantity,
    Severity,
    Statement,
    TimeRange,
)

# Above this many assertions in one block, compare one representative per distinct value instead of every pair.
_ALL_PAIRS_LIMIT = 60
# Reports published this many days apart that disagree on a count describe a change, not a contradiction.
CHANGE_AFTER_DAYS = 3
_WEAK = frozenset({Modality.UNCONFIRMED, Modality.REPORTED})


# Reports published further apart than this are not compared: they are about different moments, usually stories.
WINDOW_DAYS = 45


class _Finding(NamedTuple):
    """A disagreement before it becomes a ``Conflict``: most candidates are dropped (one per passage pair, one
    change per timeline step), so the model, its fingerprint and its message are only built for the survivors."""

    kind: ConflictKind
    key: str
    attribute: str
    a: Assertion
    b: Assertion
    base: Severity
    alignment: Alignment | None = None


@dataclass(frozen=True)
class CompareOptions:
    tolerance: float = 0.05
    change_after_days: int = CHANGE_AFTER_DAYS
    window_days: int = WINDOW_DAYS


def find_conflicts(
    assertions: Sequence[Assertion],
    *,
    dates: Mapping[str, dt.date | None] | None = None,
    incoming: Iterable[str] | None = None,
    options: CompareOptions | None = None,
    countries: Mapping[str, Iterable[str]] | None = None,
    names: Mapping[str, Iterable[str]] | None = None,
    statements: Mapping[str, Sequence[Statement]] | None = None,
    common_names: Collection[str] | None = None,
) -> list[Conflict]:
    """Every conflict among ``assertions``; with ``incoming``, only pairs with at least one incoming path.

    ``dates`` gives each document's reference date, so that counts from reports far apart in time are read as a
    change rather than a contradiction. ``statements`` (each report's sentences with their values) add the
    restatement rule: near-identical sentences of two reports that differ in one value or one "not"
    (``checker.compare.restatement``), for pairs of sentences no claim-frame conflict already covers.
    ``common_names`` are the names too common to tie reports to one story, when the caller counted them over more
    reports than ``names`` holds (a corpus index hands over only the reports that can meet the incoming ones).
    """
    return find_capped_conflicts(
        assertions, dates=dates, incoming=incoming, options=options, countries=countries, names=names,
        statements=statements, cap=None, common_names=common_names,
    )[0]


def find_capped_conflicts(
    assertions: Sequence[Assertion],
    *,
    cap: int | None,
    dates: Mapping[str, dt.date | None] | None = None,
    incoming: Iterable[str] | None = None,
    options: CompareOptions | None = None,
    countries: Mapping[str, Iterable[str]] | None = None,
    names: Mapping[str, Iterable[str]] | None = None,
    statements: Mapping[str, Sequence[Statement]] | None = None,
    common_names: Collection[str] | None = None,
) -> tuple[list[Conflict], list[str]]:
    """``find_conflicts`` with at most ``cap`` conflicts per document (None: no cap), and the documents that
    reached it: the same as ``cap_conflicts(find_conflicts(...), cap)``, but the cap is applied to the findings
    before any ``Conflict`` (its fingerprint aside: message, evidence) is built, so a report with a hundred
    thousand disagreements costs the ones reported, not all of them.

    The cyclic garbage collector is paused meanwhile: comparing makes no cycles (none found after 10,000 reports),
    and each full collection walks every claim frame alive, a fifth of the comparison of 10,000 reports."""
    with paused_gc():
        return _find_capped_conflicts(
            assertions, cap=cap, dates=dates, incoming=incoming, options=options, countries=countries,
            names=names, statements=statements, common_names=common_names,
        )


def _find_capped_conflicts(
    assertions: Sequence[Assertion],
    *,
    cap: int | None,
    dates: Mapping[str, dt.date | None] | None,
    incoming: Iterable[str] | None,
    options: CompareOptions | None,
    countries: Mapping[str, Iterable[str]] | None,
    names: Mapping[str, Iterable[str]] | None,
    statements: Mapping[str, Sequence[Statement]] | None,
    common_names: Collection[str] | None,
) -> tuple[list[Conflict], list[str]]:
    options = options or CompareOptions()
    dates = dates or {}
    incoming_set = set(incoming) if incoming is not None else None
    contexts = _contexts(assertions, countries or {})
    stories = {path: frozenset(found) for path, found in (names or {}).items()}
    rare = _rare_names(stories) if common_names is None else _without(stories, frozenset(common_names))
    comparable = _Comparable(dates, contexts, stories, options.window_days, rare)
    comparable.places = report_places(assertions)
    best: dict[tuple, _Finding] = {}
    # Each claim falls in one block, so each block's frame views are dropped with it, not held to the end.
    for group in blocks(assertions).values():
        for finding in block_findings(group, incoming_set, dates, comparable, options):
            _keep(best, finding)
    covered = {_sides(f) for f in best.values()}
    # A sentence told again in nearly the same words ties two reports to one story wherever each places itself (a
    # Scottish artist's story and a note on the Venice Biennale): the countries test is not asked of restatements.
    located = functools.partial(comparable, located=True)
    restated = restated_pairs(statements or {}, incoming=incoming_set, comparable=located, names=rare)
    for finding in restatement_findings(restated, dates, options):
        if _sides(finding) not in covered:
            _keep(best, finding)
    # A refusal to confirm meets every claim of its subject, so a long report can give a hundred thousand of these;
    # inside a report whose cap is already filled by high-severity conflicts (``_filled``) none could be reported, so
    # none is built there; the report is still named among those that reached the cap.
    filled = _filled(best.values(), cap) if cap is not None else set()
    pruned: set[str] = set()
    for finding in _unverified(assertions, incoming_set, comparable):
        path = finding.a.path
        if path in filled and finding.b.path == path and (*_sides(finding), finding.key) not in best:
            pruned.add(path)
            continue
        _keep(best, finding)
    # The report pairs' answers are not asked again: their memory goes to the conflicts built next.
    comparable.forget()
    if cap is None:
        return conflicts_from(best.values(), incoming_set), []
    survivors, full = _capped(best.values(), cap, incoming_set)
    return conflicts_from(survivors, incoming_set), sorted(set(full) | pruned)


# The phases of ``find_conflicts``, also called one block (or one shuffle partition) at a time by ``checker.scale``,
# which spreads them over Dask workers: the two paths share every rule, so their results are the same.


def block_findings(
    group: Sequence[Assertion],
    incoming: set[str] | None,
    dates: Mapping[str, dt.date | None],
    comparable: "_Comparable",
    options: CompareOptions,
    views: dict[int, FrameView] | None = None,
) -> list[_Finding]:
    """The disagreements of one block (claims with one ``block_key``, in the order they were read), in the order
    ``find_conflicts`` keeps them: pair by pair, then the steps of each timeline of changes."""
    views = {} if views is None else views
    out: list[_Finding] = []
    changes: dict[int, tuple[int, _Finding]] = {}
    by_path: dict[str, list[Assertion]] | None = None
    for left, right, alignment in _pairs(list(group), incoming, dates, comparable, views):
        key = " | ".join(sorted({left.subject_key, right.subject_key}))
        finding = _judge(key, left.aspect_label, left, right, dates, options, comparable.places)
        if finding is None:
            continue
        if left.path != right.path and finding.kind in _AGREEABLE:
            if by_path is None:
                by_path = defaultdict(list)
                for c in group:
                    by_path[c.path].append(c)
            places = comparable.places
            if _also_said(left, right, by_path, dates, options, views, places) or _also_said(
                right, left, by_path, dates, options, views, places
            ):
                continue
        finding = finding._replace(alignment=alignment)
        if finding.kind == ConflictKind.CHANGE:
            if left.path != right.path and not _one_subject(left, right, alignment):
                continue
            # A series of figures is a timeline: report each figure against the next one, not against all.
            gap = _gap(left, right, dates)
            held = changes.get(id(left))
            if held is None or gap < held[0]:
                changes[id(left)] = (gap, finding)
            continue
        out.append(finding)
    out.extend(finding for _, finding in changes.values())
    return out


# The kinds a report's own agreement elsewhere answers: a figure it also gives. Not a place or a date: a report
# that tells where troops were and where they went, or quotes the other side's denial, gives both on purpose.
_AGREEABLE = frozenset({ConflictKind.NUMERIC})


def _also_said(
    a: Assertion,
    b: Assertion,
    by_path: Mapping[str, Sequence[Assertion]],
    dates: Mapping[str, dt.date | None],
    options: CompareOptions,
    views: dict[int, FrameView],
    places: Mapping[str, frozenset[str]] | None = None,
) -> bool:
    """Whether ``a``'s report also gives ``b``'s figure for the same thing: another of its claims, in another
    sentence, with the same figure (within rounding), aligned with ``b`` and not contradicted by it. Then the two
    reports agree on ``b``'s figure, and ``a``'s differing one is, by its own report's reading, another thing ("more
    than 40 wounded were brought out" beside "three people injured" when the convoy was shot at, the sentence the
    other report copied)."""
    vb = b.value
    for c in by_path.get(a.path, ()):
        vc = c.value
        if c.evidence.start == a.evidence.start or c.polarity != b.polarity:
            continue  # (a figure of ``a``'s own sentence is part of the statement in dispute)
        if not (isinstance(vc, Quantity) and isinstance(vb, Quantity) and quantities_comparable(vc, vb)
                and quantities_agree(vc, vb, options.tolerance)):
            continue
        if _aligned(c, b, views) is not None and _judge("", c.aspect_label, c, b, dates, options, places) is None:
            return True
    return False


def _one_subject(a: Assertion, b: Assertion, alignment: Alignment) -> bool:
    """Whether two reports weeks apart give figures of one subject, so that the second is news of the first: the
    claims name the same owner, the same disease's count, or the same event or place (one inside the other). A country's two earthquakes, two
    outbreaks or two offensives months apart share a thing and a verb ("kills", "cases", "displaced") and nothing
    else: "Earthquake near Oaxaca kills 2,865" is not an update of "an earthquake near Arequipa killed 840"."""
    if "entities" in alignment.matched:
        return True
    if a.thing and a.thing == b.thing and not lexicon().diseases.isdisjoint(a.thing.split()):
        return True  # "cholera cases in the camp": one disease's count, told weeks apart
    if a.scope_event and a.scope_event == b.scope_event:
        return True
    pa, pb = a.scope_place, b.scope_place
    if not (pa and pb):
        return False
    gaz = gazetteer()
    return pa == pb or gaz.contains(pa, pb) or gaz.contains(pb, pa)


def restatement_findings(
    pairs: Iterable[tuple[Assertion, Assertion]], dates: Mapping[str, dt.date | None], options: CompareOptions
) -> Iterable[_Finding]:
    """The disagreements of restated sentence pairs (``restatement.restated_pairs``), judged like any claims."""
    for left, right in pairs:
        finding = _judge(left.subject_key, left.attribute, left, right, dates, options)
        if finding is not None:
            yield finding._replace(alignment=restatement_score(left, right))


def conflicts_from(findings: Iterable[_Finding], incoming: set[str] | None = None) -> list[Conflict]:
    """Conflicts built for the findings that survived (one per id, the first), in report order."""
    conflicts: dict[str, Conflict] = {}
    # A claim in several conflicts gives each the same passage, and alignments repeat (a few hundred distinct ones
    # among 70,000 conflicts): each is built and held once (20k generated reports: 200 MB less at the end).
    passages: dict[int, Evidence] = {}
    alignments: dict[tuple, Alignment] = {}
    for finding in findings:
        conflict = _conflict(*finding, passages=passages, alignments=alignments)
        conflicts.setdefault(conflict.id, conflict)
    found = list(conflicts.values())
    if incoming is not None:
        found = [_incoming_first(c, incoming) for c in found]
    return sorted(found, key=_order)


_SEVERITY_RANK = {Severity.HIGH: 0, Severity.MEDIUM: 1, Severity.LOW: 2}


def cap_conflicts(conflicts: Sequence[Conflict], cap: int) -> tuple[list[Conflict], list[str]]:
    """At most ``cap`` conflicts per document, the most severe first: the conflicts kept (in their order) and the
    documents that reached the cap. One hostile report must not bury the others' findings or the output."""
    counts: dict[str, int] = defaultdict(int)
    keep: set[int] = set()
    full: set[str] = set()
    for i in sorted(range(len(conflicts)), key=lambda k: _SEVERITY_RANK[conflicts[k].severity]):
        paths = {e.path for e in conflicts[i].evidence}
        if any(counts[p] >= cap for p in paths):
            full.update(p for p in paths if counts[p] >= cap)
            continue
        keep.add(i)
        for p in paths:
            counts[p] += 1
    return [c for i, c in enumerate(conflicts) if i in keep], sorted(full)


def _severity_and_id(f: _Finding) -> tuple[Severity, str, Assertion, Assertion]:
    """A finding's severity and conflict id as its ``Conflict`` would carry them, and its sides in report order."""
    left, right = sorted((f.a, f.b), key=lambda x: (x.path, x.evidence.start))
    severity = f.base if f.kind == ConflictKind.CHANGE else _severity(f.base, left, right)
    cid = conflict_id(f.kind, " | ".join(sorted({left.subject_key, right.subject_key})), f.attribute, left, right)
    return severity, cid, left, right


def _filled(findings: Collection[_Finding], cap: int) -> set[str]:
    """The documents whose cap the findings so far already fill with high-severity conflicts inside them: at least
    ``cap`` conflict ids, each first found (as ``_capped`` keeps one per id) as a high-severity finding with both
    passages in the document. ``_capped`` takes the high-severity findings first and one inside a document counts
    only against it, so such a document is full before any finding of lower severity that involves it comes up:
    none of those can be reported. Changes are left out, since a refusal to confirm may still displace one
    (``_keep``)."""
    if len(findings) < cap:
        return set()
    seen: set[str] = set()
    counts: dict[str, int] = defaultdict(int)
    for f in findings:
        if f.a.path != f.b.path:
            continue  # an id names both paths: this one cannot be first found inside one document
        severity, cid, _, _ = _severity_and_id(f)
        if cid in seen:
            continue
        seen.add(cid)
        if severity == Severity.HIGH and f.kind != ConflictKind.CHANGE:
            counts[f.a.path] += 1
    return {path for path, n in counts.items() if n >= cap}


class _Ranked(NamedTuple):
    """What ordering and capping need of a finding, without building its ``Conflict``."""

    severity: int
    order: tuple
    paths: tuple[str, str]
    finding: _Finding


def _capped(findings: Iterable[_Finding], cap: int, incoming: set[str] | None) -> tuple[list[_Finding], list[str]]:
    """The findings whose conflicts ``cap_conflicts(sorted(conflicts, key=_order), cap)`` would keep, one per
    conflict id (the first, as ``find_conflicts`` keeps it), and the documents that reached the cap."""
    ranked: dict[str, _Ranked] = {}
    for f in findings:
        severity, cid, left, right = _severity_and_id(f)
        if cid in ranked:
            continue
        first, second = left, right
        if incoming is not None and first.path not in incoming and second.path in incoming:
            first, second = second, first  # ``_incoming_first``
        order = (first.path, first.evidence.start, f.kind.value, second.path, second.evidence.start, cid)
        ranked[cid] = _Ranked(_SEVERITY_RANK[severity], order, (left.path, right.path), f)
    counts: dict[str, int] = defaultdict(int)
    kept: list[_Finding] = []
    full: set[str] = set()
    for r in sorted(sorted(ranked.values(), key=lambda r: r.order), key=lambda r: r.severity):
        paths = set(r.paths)
        if any(counts[p] >= cap for p in paths):
            full.update(p for p in paths if counts[p] >= cap)
            continue
        kept.append(r.finding)
        for p in paths:
            counts[p] += 1
    return kept, sorted(full)


def compare_pair(
    a: Assertion,
    b: Assertion,
    *,
    dates: Mapping[str, dt.date | None] | None = None,
    options: CompareOptions | None = None,
    views: dict[int, FrameView] | None = None,
) -> tuple[Alignment, Conflict | None]:
    """How well two claims line up, and the conflict between them if they are aligned and disagree.

    The one-pair form of :func:`find_conflicts` for callers that choose the pairs themselves (``checker verify``
    checks each claim of a draft against its best-aligned source claims). The alignment is returned whether or not
    it clears the threshold, so a caller can rank candidates by it. ``views`` caches each claim's frame view by
    ``id`` across calls (a caller that pairs one claim with many keeps it, and the claims, alive meanwhile).
    """
    options = options or CompareOptions()
    dates = dates or {}
    if views is None:
        va, vb = view(a), view(b)
    else:
        va, vb = cached_view(a, views), cached_view(b, views)
    alignment = score(va, vb)
    if not _accepts(a, b, va, vb, alignment):
        return alignment, None
    key = " | ".join(sorted({a.subject_key, b.subject_key}))
    finding = _judge(key, a.aspect_label, a, b, dates, options)
    if finding is None:
        return alignment, None
    return alignment, _conflict(*finding._replace(alignment=alignment))


def aligned_pair(a: Assertion, b: Assertion, views: dict[int, FrameView] | None = None) -> Alignment | None:
    """The alignment of two claims when it is enough to compare them (the rule :func:`find_conflicts` and
    :func:`compare_pair` apply: the threshold, stricter inside one report; no two unrelated verbs), else None.
    ``views`` caches each claim's frame view by ``id`` across calls."""
    return _aligned(a, b, {} if views is None else views)


def disagreement(
    a: Assertion,
    b: Assertion,
    *,
    dates: Mapping[str, dt.date | None] | None = None,
    options: CompareOptions | None = None,
) -> ConflictKind | None:
    """The kind of conflict between two claims already aligned (the scope gate, then the registered kinds of
    ``kinds.py``), or None when both can be true. ``checker diff`` calls it on two versions of one fact."""
    finding = _judge("", a.aspect_label, a, b, dates or {}, options or CompareOptions())
    return None if finding is None else finding.kind


# A name in more than this share of the reports (and more than _COMMON_NAME_MIN of them) is an agency, a paper or a
# wire service ("Reuters", "Xinhua"), not a story: it ties nothing together.
_COMMON_NAME_SHARE = 0.02
# Two rare names in common tie two reports to one story even when their countries differ (a place misread in one);
# one may be chance (two stories quoting the same minister).
_NAMES_TO_TIE = 2
_COMMON_NAME_MIN = 5


def common_names(counts: Mapping[str, int], documents: int) -> set[str]:
    """The names too common to tie two reports to one story, given in how many of ``documents`` reports each
    name appears: ``find_conflicts`` takes them when the reports it is given are a sample of a larger corpus."""
    limit = common_name_limit(documents)
    return {name for name, n in counts.items() if n > limit}


def common_name_limit(documents: int) -> float:
    """In how many of ``documents`` reports a name may appear and still tie reports to one story."""
    return max(_COMMON_NAME_MIN, _COMMON_NAME_SHARE * documents)


def _without(sets: Mapping[str, frozenset[str]], common: frozenset[str]) -> Mapping[str, frozenset[str]]:
    return {path: found - common for path, found in sets.items()} if common else sets


def _rare_names(sets: Mapping[str, frozenset[str]]) -> Mapping[str, frozenset[str]]:
    """Each report's rare names without those common to much of the corpus (one pass to count, one to filter)."""
    counts: dict[str, int] = defaultdict(int)
    for found in sets.values():
        for name in found:
            counts[name] += 1
    return _without(sets, frozenset(common_names(counts, len(sets))))


def _sides(finding: _Finding) -> tuple:
    """The two passages of a finding, in canonical order."""
    a, b = finding.a, finding.b
    left, right = sorted([(a.path, a.evidence.start), (b.path, b.evidence.start)])
    return (*left, *right)


def _keep(best: dict[tuple, _Finding], finding: _Finding) -> None:
    """One disagreement per pair of passages and subject: "denied troops were deployed to Russia" vs "were
    deployed to Russia" is one polarity conflict, not also a location conflict about the same words."""
    pk = (*_sides(finding), finding.key)
    held = best.get(pk)
    if held is None or priority(finding.kind) < priority(held.kind):
        best[pk] = finding


def _order(c: Conflict) -> tuple:
    first = c.evidence[0]
    return (first.path, first.start, c.kind.value, c.evidence[1].path, c.evidence[1].start, c.id)


def _gap(a: Assertion, b: Assertion, dates: Mapping[str, dt.date | None]) -> int:
    da = a.time.start if a.time else dates.get(a.path)
    db = b.time.start if b.time else dates.get(b.path)
    return abs((da - db).days) if da and db else 10**6


def _incoming_first(c: Conflict, incoming: set[str]) -> Conflict:
    """With a standing corpus, the incoming report's passage leads: annotations point at the file under review."""
    a, b = c.evidence
    if a.path not in incoming and b.path in incoming:
        return c.model_copy(update={"evidence": (b, a)})
    return c


def _contexts(assertions: Sequence[Assertion], countries: Mapping[str, Iterable[str]]) -> dict[str, frozenset[str]]:
    """The countries each document is about: its claims' scopes ("killed in Sumy") and what extraction found in its
    title, dateline and lead. Two tolls of "people killed" are only compared when their reports share a country;
    location claims skip this test, since where something is, is what they disagree about."""
    gaz = gazetteer()
    out: dict[str, set[str]] = defaultdict(set)
    for a in assertions:
        for key in (a.scope_place,):
            if key:
                country = gaz.country_of(key.split(":")[0]) or gaz.country_of(key)
                if country:
                    out[a.path].add(country)
    for path, found in countries.items():
        out[path].update(found)
    return {path: frozenset(c) for path, c in out.items()}


_SCOPED_WINDOW_DAYS = 400
# Each claim is compared with at most this many later claims of its block (the nearest in time): a busy subject
# ("people killed" in one country) in a large corpus then costs a bounded amount per report, not the square.
NEIGHBOURS = 12


_NAMES_FOR_STORY = 3


_TOLLS = frozenset({"killed", "injured", "missing", "arrested", "casualties", "evacuated", "trapped", "rescued",
                    "released", "sentence"})


def _national(key: str) -> bool:
    return gazetteer().country_of(key.split(":")[0]) == key.split(":")[0]


def _pinned(a: Assertion) -> bool:
    """A claim that names a short period of its own ("as of Jan. 1", "at the end of June"), not "over the next
    three years": only such claims are lined up across reports published far apart."""
    return a.time is not None and (a.time.end - a.time.start).days <= 92


def _comparable_documents(
    a: str,
    b: str,
    dates: Mapping[str, dt.date | None],
    contexts: Mapping[str, frozenset[str]],
    window: int,
    stories: Mapping[str, frozenset[str]] | None = None,
    rare: Mapping[str, frozenset[str]] | None = None,
) -> bool:
    """Whether two reports can be about the same story: they share two rare names (``rare``: names not common to
    much of the corpus), or else a country when both name one, and a name (``stories``) when both name several
    (two companies' job cuts in one country share no executive, no brand)."""
    if a == b:
        return True
    ra, rb = (rare or {}).get(a), (rare or {}).get(b)
    if ra and rb and len(ra & rb) >= _NAMES_TO_TIE:
        return True  # rare names in common ("Tarvick", "Kessler") tie two reports to one story whatever they place
    ca, cb = contexts.get(a), contexts.get(b)
    if ca and cb and not ca & cb:
        return False
    na, nb = (stories or {}).get(a), (stories or {}).get(b)
    return not (na and nb and len(na) >= _NAMES_FOR_STORY and len(nb) >= _NAMES_FOR_STORY and not na & nb)


class _Comparable:
    """``_comparable_documents`` with its answers remembered: a large block asks about the same report pairs often."""

    def __init__(self, dates, contexts, stories, window: int, rare=None, places=None) -> None:
        self.dates, self.contexts, self.stories, self.window, self.rare = dates, contexts, stories, window, rare
        # The places below a country each report names (``report_places``), for the scope gate (``_scopes_match``).
        self.places: Mapping[str, frozenset[str]] = places or {}
        # ``_memo[located][a][b]``: one small dict per report, not a tuple key per pair (10,000 reports: a quarter
        # of a million pairs, 26 MB -> 10 MB).
        self._memo: tuple[dict[str, dict[str, bool]], dict[str, dict[str, bool]]] = ({}, {})

    def forget(self) -> None:
        """Let go of the remembered answers (a quarter of a million report pairs for 10,000 reports)."""
        for memo in self._memo:
            memo.clear()

    def __call__(self, a: str, b: str, located: bool = False) -> bool:
        answers = self._memo[located].get(a)
        if answers is None:
            answers = self._memo[located][a] = {}
        hit = answers.get(b)
        if hit is None:
            contexts = {} if located else self.contexts
            hit = answers[b] = _comparable_documents(
                a, b, self.dates, contexts, self.window, self.stories, self.rare
            )
        return hit


def _aligned(a: Assertion, b: Assertion, views: dict[int, FrameView]) -> Alignment | None:
    """The alignment of two claims when it clears the threshold (the stricter one inside one report), else None."""
    va, vb = views.get(id(a)), views.get(id(b))  # ``cached_view``, inlined: asked a dozen times per claim
    if va is None:
        va = views[id(a)] = view(a)
    if vb is None:
        vb = views[id(b)] = view(b)
    found = score(va, vb)
    return found if _accepts(a, b, va, vb, found) else None


def _accepts(a: Assertion, b: Assertion, va: FrameView, vb: FrameView, found: Alignment) -> bool:
    """Whether an alignment is enough to compare two claims: the threshold (stricter inside one report), no two
    verbs without an owner in common, and inside one report something anchored."""
    if different_predicates(va, vb) and not _measured(a, b):
        return False
    if isinstance(a.value, TimeRange) and va.predicate and vb.predicate and va.predicate != vb.predicate and not (
        one_occurrence(va.predicate, vb.predicate) or light_verb_event(va, vb)
    ):
        return False  # the dates of two verbs are of two events, whoever did them ("founded" / "announced")
    if a.path == b.path:
        # Inside one report a bare "two legs" and "one leg", "five times" and "160 times" are different instances:
        # a figure contradicting another is about something anchored: the same named owner, event or place. A
        # figure of several owners is their total, not a rival figure of one of them ("the Social Democrats and the
        # Greens together hold 85 seats" / "Greens: 21 seats").
        if a.entities and b.entities and (set(a.entities) < set(b.entities) or set(b.entities) < set(a.entities)):
            return False
        return found.score >= WITHIN_THRESHOLD and _anchored_within(a, b, found)
    return found.score >= ACROSS_THRESHOLD


# Quantities whose verb only says how the level was reported ("rainfall recorded / dumped / measured 180 mm", "a gust
# hit / reached 148 km/h"): physical measures, not counts of people or things (each verb of a count is an event of
# its own: "five taken to hospital" / "three stabbed"), money (bought / sold) or durations (jailed / served).
_MEASURES = frozenset({"length", "area", "volume", "mass", "speed", "temperature", "energy", "power", "magnitude"})


def _measured(a: Assertion, b: Assertion) -> bool:
    """Whether both claims give a physical measure, so two verbs for it do not make two events."""
    va, vb = a.value, b.value
    return isinstance(va, Quantity) and isinstance(vb, Quantity) and va.dimension in _MEASURES and (
        vb.dimension == va.dimension
    )


def _anchored_within(a: Assertion, b: Assertion, found: Alignment) -> bool:
    if not isinstance(a.value, (Quantity, TimeRange)) or a.attribute in _TOLLS:
        return True  # a toll is the report's event's; where something is has its own guards (``Location``)
    if "entities" in found.matched:
        return True
    if a.scope_event and a.scope_event == b.scope_event:
        return True
    return bool(a.scope_place and a.scope_place == b.scope_place)


def _pairs(
    group: list[Assertion],
    incoming: set[str] | None,
    dates: Mapping[str, dt.date | None],
    comparable: _Comparable,
    views: dict[int, FrameView],
) -> Iterable[tuple[Assertion, Assertion, Alignment]]:
    """Candidate pairs of one block, in date order, stopping at the edge of the time window and after the nearest
    ``NEIGHBOURS`` claims: the cost grows linearly with the corpus, not with its square."""
    if len(group) > _ALL_PAIRS_LIMIT:
        # Many repeats of the same value add no new disagreement: keep one per (document, value).
        reps: dict[tuple[str, str], Assertion] = {}
        for a in group:
            reps.setdefault((a.path, value_key(a)), a)
        group = list(reps.values())
    far = dt.date.max
    ordered = sorted(group, key=lambda a: (dates.get(a.path) or far, a.path, a.evidence.start))
    # What the loop below asks of every pair, looked up once per claim (it runs a dozen times per claim).
    paths = [a.path for a in ordered]
    days = [d.toordinal() if d is not None else None for d in (dates.get(p) for p in paths)]
    starts = [a.evidence.start for a in ordered]
    texts = [a.evidence.text for a in ordered]
    fresh = None if incoming is None else [p in incoming for p in paths]
    window = comparable.window
    count = len(ordered)
    memo = comparable._memo  # ``comparable``'s answers, looked up here without a call per pair
    for i, left in enumerate(ordered):
        left_path, left_day, left_start, left_text = paths[i], days[i], starts[i], texts[i]
        left_fresh = fresh is None or fresh[i]
        # Where something is, is what location claims disagree about, so a named subject ("Novagen's
        # headquarters") is compared across countries; a bare one ("earthquake") only within one.
        located = isinstance(left.value, Place) and " " in left.subject_key
        answers = memo[located].setdefault(left_path, {})
        for j in range(i + 1, min(count, i + 1 + NEIGHBOURS)):
            right_day = days[j]
            if left_day is not None and right_day is not None and right_day - left_day > window:
                # Beyond the window only claims that name their own time ("as of Jan. 1") are still lined up.
                if not _pinned(left):
                    break
                right = ordered[j]
                if not _pinned(right) or abs((right.time.start - left.time.start).days) > _SCOPED_WINDOW_DAYS:
                    continue
            if not left_fresh and not fresh[j]:  # type: ignore[index]
                continue  # neither side is incoming
            right_path = paths[j]
            same_report = right_path == left_path
            if same_report and starts[j] == left_start:
                continue  # one sentence does not contradict itself by listing two values
            if texts[j] == left_text:
                continue  # nor does it when two reports carry it word for word ("risen from seven to 16")
            if not same_report:
                ok = answers.get(right_path)
                if not (comparable(left_path, right_path, located) if ok is None else ok):
                    continue  # (a report is always comparable with itself)
            right = ordered[j]
            alignment = _aligned(left, right, views)
            if alignment is not None:
                yield left, right, alignment


@functools.lru_cache(maxsize=65536)
def _places_named(sentence: str) -> frozenset[str]:
    return frozenset(m.place.key for m in gazetteer().find(sentence))


def _names_place(a: Assertion, key: str, places: Mapping[str, frozenset[str]]) -> bool:
    """Whether the claim's sentence names the place ``key`` itself (not a place around it or inside it), or its
    report is about that place: it names it, and no place below a country that lies outside it."""
    if key in _places_named(a.evidence.text):
        return True
    named = places.get(a.path)
    if not named or key not in named:
        return False
    gaz = gazetteer()
    return all(gaz.related(key, other) for other in named)


def report_places(assertions: Iterable[Assertion]) -> dict[str, frozenset[str]]:
    """The places below a country where each report says its things are or happened (its location claims). A
    figure's own scope is left out: "11 golds" and "four golds at the Games in London" in one report are a career
    and one Games, and the London of the second says nothing of the first."""
    found: dict[str, set[str]] = defaultdict(set)
    for a in assertions:
        if isinstance(a.value, Place) and a.value.key != WORLDWIDE and not _national(a.value.key):
            found[a.path].add(a.value.key)
    return {path: frozenset(keys) for path, keys in found.items()}


def _elsewhere(unscoped: Assertion, scoped: str) -> bool:
    """Whether a claim with no scope of its own is told in a sentence that names places below a country, none of
    them in the country of the other claim's scope ("the quake that hit Iran killed 17" / "440 were killed when a quake shook
    Valparaiso, Chile"): the two are of two places, not one thing told with and without its place."""
    gaz = gazetteer()
    country = gaz.country_of(scoped.split(":")[0]) or gaz.country_of(scoped)
    # Only places below a country count: a country's name is as often a source's ("the U.S. Geological Survey",
    # "South Korea's intelligence service") as the place where the thing is.
    named = {gaz.country_of(key) for key in _places_named(unscoped.evidence.text) if not _national(key)} - {None}
    return bool(country and named and country not in named)


def _scopes_match(a: Assertion, b: Assertion, places: Mapping[str, frozenset[str]] | None = None) -> bool:
    if a.scope_event and b.scope_event and a.scope_event != b.scope_event:
        return False
    if bool(a.scope_place) != bool(b.scope_place):
        scoped, unscoped = (a, b) if a.scope_place else (b, a)
        if scoped.scope_place != WORLDWIDE and _elsewhere(unscoped, scoped.scope_place):  # type: ignore[arg-type]
            return False
    if WORLDWIDE in (a.scope_place, b.scope_place) and a.scope_place != b.scope_place and (
        a.scope_place and b.scope_place
    ):
        return False  # the worldwide total against one country's figure
    if isinstance(a.value, Quantity) and a.scope_place != b.scope_place and a.attribute not in _TOLLS:
        # "5.5 million in Haiti" and "2.1 million in the Ouest department" are a whole and a part; so are a figure
        # for one region and one given without a place. (A toll of one incident is the toll wherever it is placed.)
        if a.scope_place and b.scope_place and WORLDWIDE not in (a.scope_place, b.scope_place):
            return False
        scoped = a.scope_place or b.scope_place
        if scoped and scoped != WORLDWIDE and not _national(scoped):
            # ... unless the other sentence names that very place elsewhere ("the temperature at Seville airport
            # reached 46.2C" / "Seville airport's weather station logged 43.1C"), or the other report is about that
            # place (it names it and no place outside it): then both are of that place.
            if not _names_place(b if a.scope_place else a, scoped, places or {}):
                return False
    if a.scope_place and b.scope_place and a.scope_place != b.scope_place and WORLDWIDE not in (
        a.scope_place, b.scope_place
    ):
        gaz = gazetteer()
        pa = Place(key=a.scope_place, name=gaz.name(a.scope_place))
        pb = Place(key=b.scope_place, name=gaz.name(b.scope_place))
        if not places_related(pa, pb):
            return False  # "killed in Sumy" and "killed in Kharkiv" are two tolls
    return True


def _judge(
    key: str,
    attribute: str,
    a: Assertion,
    b: Assertion,
    dates: Mapping[str, dt.date | None],
    options: CompareOptions,
    places: Mapping[str, frozenset[str]] | None = None,
) -> _Finding | None:
    """The conflict of two aligned claims, if any: the scope gate, then the registered kinds (``kinds.py``).
    ``places``: the places each report names (``report_places``), when the caller has the reports' claims."""
    if not _scopes_match(a, b, places):
        return None
    if a.path == b.path and _two_things_within(a, b, dates.get(a.path)):
        return None
    found = judge(a, b, Context(dates, options.tolerance, options.change_after_days))
    if found is None:
        return None
    kind, severity = found
    return _Finding(kind.kind, key, attribute, a, b, severity)


# The day a report with no date of its own resolves its weekdays and "last year" against: within one report only
# whether two sentences' times meet is asked, and both are resolved against the same day.
_NOTIONAL_DAY = dt.date(2001, 1, 1)

# A figure stamped with a time that ended this many days before the report's date is a past figure ("it held 60
# billion cubic metres last year"), not the one the report gives without a time ("the reservoir holds 74 billion").
_PAST_DAYS = 45


def _two_things_within(a: Assertion, b: Assertion, date: dt.date | None) -> bool:
    """Whether two figures of one report are of two things it tells apart, not one thing told twice: a part and
    its whole, or two occasions (``_two_occasions``). Dates are their own values and keep their own rules."""
    if not (isinstance(a.value, Quantity) and isinstance(b.value, Quantity)):
        return False
    if _part_and_whole(a, b):
        return True
    return _two_occasions(a.evidence.text, b.evidence.text, date, running_count(a.attribute))


def _part_and_whole(a: Assertion, b: Assertion) -> bool:
    """Whether one report gives a figure for a place and a figure no larger for a place inside it ("floods have
    killed 64 people in Pakistan" / "in Sindh province, floods have killed 9 people"): a breakdown, not a rival
    toll. A part larger than its whole stays a contradiction."""
    pa, pb = a.scope_place, b.scope_place
    if not (pa and pb) or pa == pb or WORLDWIDE in (pa, pb):
        return False
    gaz = gazetteer()
    if gaz.contains(pa, pb):
        whole, part = a.value, b.value
    elif gaz.contains(pb, pa):
        whole, part = b.value, a.value
    else:
        return False
    return whole.low is not None and part.low is not None and whole.low >= part.low  # type: ignore[union-attr]


@functools.lru_cache(maxsize=65536)
def _times_told(sentence: str, reference: dt.date) -> tuple[tuple[tuple[dt.date, dt.date], ...], tuple[dt.date, ...]]:
    """The day ranges a sentence names for what it tells ("on Saturday", "on July 9", "in 2022"), and apart the days
    a speaker said something ("officials said on Tuesday", "said Tuesday"): that is when a figure was told, not the
    time it is of, except for a count that moves while an event unfolds."""
    reporting = lexicon().reporting_verbs
    told, said = [], []
    for m in find_dates(sentence, reference):
        before = [w.strip(",;:").lower() for w in sentence[: m.start].split()[-2:]]
        if before and (before[-1] in reporting or (len(before) == 2 and before[0] in reporting and before[1] in (
            "on", "in", "late", "early"
        ))):
            said.append(m.range.end)
            continue
        # "since late June" runs to the report's day, "after May" from it on: a time open at one end.
        start, end = m.range.start, m.range.end
        if m.relation in ("since", "after"):
            end = max(end, reference)
        elif m.relation == "before":
            start = dt.date.min
        told.append((start, end))
    return tuple(told), tuple(said)


@functools.lru_cache(maxsize=65536)
def _other_occasions(sentence: str) -> frozenset[str]:
    """The phrases of a sentence that tell it of an occasion before the report's own ("the night before", "in the
    previous quarter"; ``other_occasions`` in alignment.json)."""
    pattern = vocabulary().other_occasion
    if pattern is None:
        return frozenset()
    return frozenset(" ".join(m.group(0).lower().split()) for m in pattern.finditer(sentence))


def _two_occasions(left: str, right: str, date: dt.date | None, running: bool = False) -> bool:
    """Whether two sentences of one report tell figures of two occasions, not one figure twice:

    - each names the time of what it tells, and no time of one meets a time of the other ("temperatures reached
      44C in Seville on Sunday" / "on Saturday, temperatures reached 42C in Seville");
    - one tells its figure by its distance from the report's own occasion ("Russia launched 120 drones the night
      before") and the other does not;
    - the report is dated, one names only times that ended well before it ("it held 60 billion cubic metres last
      year") and the other names none: an unstamped figure is the report's present one;
    - for a count that moves while an event unfolds, the two were said on two days ("officials said on Friday" /
      "the agency said on Wednesday that floods had killed 45 people"), or one is what someone said on a day before
      the report's and the other names no time: the count then and now.

    A figure told twice with another value names the same day, or no day, in one of its sentences."""
    if left == right:
        return False
    if _other_occasions(left) != _other_occasions(right):
        return True
    reference = date or _NOTIONAL_DAY
    (ta, sa), (tb, sb) = _times_told(left, reference), _times_told(right, reference)
    if running and sa and sb and set(sa).isdisjoint(sb):
        return True  # "officials said on Friday" / "the agency said on Wednesday": the count on two days
    if ta and tb:
        return not any(start_a <= end_b and start_b <= end_a for start_a, end_a in ta for start_b, end_b in tb)
    if date is None:
        return False
    timed = ta or tb
    if timed:
        return all((date - end).days > _PAST_DAYS for _, end in timed)
    if running and not ta and not tb and bool(sa) != bool(sb):
        return all(day < date for day in (sa or sb))
    return False


def _unverified(
    assertions: Sequence[Assertion], incoming: set[str] | None, comparable: "_Comparable"
) -> Iterator[_Finding]:
    """A claim meeting a refusal to confirm it: same subject, attribute family, neither side itself a refusal."""
    mapping = canonical_keys(a.subject_key for a in assertions)
    refusals: dict[tuple[str, str], list[Assertion]] = defaultdict(list)
    claims: dict[tuple[str, str], list[Assertion]] = defaultdict(list)
    for a in assertions:
        k = (mapping[a.subject_key], family(a.attribute))
        if a.modality == Modality.CANNOT_CONFIRM:
            refusals[k].append(a)
        elif isinstance(a.value, (Quantity, Event)) and a.polarity == Polarity.AFFIRMED:
            claims[k].append(a)
    for k, refs in refusals.items():
        for claim in claims.get(k, ()):
            for ref in refs:
                if incoming is not None and claim.path not in incoming and ref.path not in incoming:
                    continue
                if claim.path == ref.path and claim.evidence.start == ref.evidence.start:
                    continue
                if not comparable(claim.path, ref.path):
                    continue
                yield _Finding(ConflictKind.UNVERIFIED, k[0], k[1], claim, ref, Severity.MEDIUM)


_BY_RANK = (Severity.LOW, Severity.MEDIUM, Severity.HIGH)
_RANK = {severity: rank for rank, severity in enumerate(_BY_RANK)}  # ``Severity.rank``, without an enum lookup


def _severity(base: Severity, a: Assertion, b: Assertion) -> Severity:
    """Hedged and third-hand claims lower severity; the same source disagreeing with itself raises it."""
    rank = _RANK[base]
    if a.source and b.source and a.source.strip().lower() == b.source.strip().lower() and a.path != b.path:
        rank += 1
    rank -= sum(1 for x in (a, b) if x.modality in _WEAK)
    if a.modality == Modality.HEDGED and b.modality == Modality.HEDGED:
        rank -= 1
    return _BY_RANK[max(0, min(2, rank))]


def evidence_of(a: Assertion) -> Evidence:
    """One claim's passage in the shape every report uses (the sentence, the value span, who says it, how)."""
    return Evidence(
        path=a.path,
        start=a.evidence.start,
        end=a.evidence.end,
        line=a.evidence.line,
        column=a.evidence.column,
        text=a.evidence.text,
        value=a.value_span.text,
        value_start=a.value_span.start,
        value_end=a.value_span.end,
        source=a.source,
        polarity=a.polarity,
        modality=a.modality,
    )


def _conflict(
    kind: ConflictKind, key: str, attribute: str, a: Assertion, b: Assertion, base: Severity,
    alignment: Alignment | None = None,
    *,
    passages: dict[int, Evidence] | None = None,
    alignments: dict[tuple, Alignment] | None = None,
) -> Conflict:
    """The conflict of a finding; with ``passages`` (``id`` of a claim -> its ``evidence_of``, for claims alive
    meanwhile) and ``alignments`` (by value), equal passages and alignments of many conflicts are one object."""
    left, right = sorted((a, b), key=lambda x: (x.path, x.evidence.start))
    severity = base if kind == ConflictKind.CHANGE else _severity(base, left, right)
    if passages is None:
        evidence = (evidence_of(left), evidence_of(right))
    else:
        first, second = passages.get(id(left)), passages.get(id(right))
        if first is None:
            first = passages[id(left)] = evidence_of(left)
        if second is None:
            second = passages[id(right)] = evidence_of(right)
        evidence = (first, second)
    if alignment is not None and alignments is not None:
        # every field, as printed (0.5 and 0.50000001 stay two), and which were given: no field is left out
        key = (tuple(repr(v) for v in alignment.__dict__.values()), frozenset(alignment.model_fields_set))
        alignment = alignments.setdefault(key, alignment)
    return Conflict(
        id=conflict_id(kind, " | ".join(sorted({left.subject_key, right.subject_key})), attribute, left, right),
        kind=kind,
        severity=severity,
        subject=left.subject if len(left.subject) >= len(right.subject) else right.subject,
        attribute=attribute,
        message=message(kind, left, right),
        evidence=evidence,
        alignment=alignment,
    )
