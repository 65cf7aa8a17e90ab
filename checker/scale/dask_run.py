"""``checker check --dask``: the one-machine pipeline (``checker.pipeline.analyse``) as Dask tasks, same results.

The work is the same pure functions the local run calls, placed differently:

1. **Read and extract** as a Dask bag over the files (``pipeline._read_and_extract`` per file); the documents and
   their assertions stay on the workers. Only small facts per report come back: its problem if any, its date and
   title, how many assertions it holds.
2. **Per-report context**: undated reports take the median date of the others (``pipeline.neighbours_date``) and
   are read again where they lie; names common to much of the corpus (agencies, papers) are counted with a
   reduction, and each report's countries, names and rare names travel with its claims as a small ``_Doc``.
3. **Candidate generation as a shuffle by blocking key**: claims are grouped by ``align.block_key`` (each claim has
   one key, so each pair meets on exactly one partition) and each block is judged by ``engine.block_findings``.
   Restatements (``compare.restatement``) are shuffled by content word: a sentence goes to the partition of each
   of its words that is in at most ``_MAX_POSTING`` sentences, and a pair of sentences is compared once, on the
   partition of the smallest word they share. Refusals to confirm ("I can't confirm") are rare: the claims whose
   subject shares a head word with one are gathered and judged together (``engine._unverified``).
4. **Gathered and written as today**: the findings come back with their place in the local run's order (a block's
   first claim, then the order inside it), so that "one conflict per pair of passages" keeps the same one, and
   ``engine.conflicts_from`` and ``cap_conflicts`` finish exactly as ``analyse`` does. Conflict ids are equal.

What the client holds is what the output needs: the conflicts and one small record per report. Report texts and
their assertions are never gathered (``Analysis.documents`` carry the metadata with empty text, and
``Analysis.assertions`` is empty), which is why ``--dask`` serves ``check`` and not the review UI.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import math
import os
from contextlib import contextmanager
from typing import Any, Iterable, Iterator, NamedTuple, Sequence

from checker.compare.align import block_key
from checker.compare.engine import (
    CompareOptions,
    _Comparable,
    _contexts,
    _Finding,
    _keep,
    _sides,
    _unverified,
    block_findings,
    cap_conflicts,
    conflicts_from,
    report_places,
    restatement_findings,
)
from checker.compare.restatement import _MAX_POSTING, _Words, candidate_values, shares_enough
from checker.errors import ConfigError, InputError
from checker.ingest import InputProblem, discover
from checker.ingest import limits
from checker.ingest.limits import assertion_cap_warnings
from checker.models import Analysis, Assertion, Document, DocumentAssertions, Modality
from checker.pipeline import _read_and_extract, assumed_date_notes, neighbours_date, redated, undated_warnings

# Reports per partition of the file bag: small enough to spread 1k reports over a few workers, large enough that a
# task (about a second of extraction) outweighs the scheduler's cost per task.
REPORTS_PER_PARTITION = 50
# Reports per partition of a shuffle: a task shuffle costs tasks in proportion to partitions times their
# logarithm, each about a millisecond of the scheduler's time, so shuffles are cut coarser than the file bag.
REPORTS_PER_SHUFFLE_PARTITION = 1000
# Past this many partitions the scheduler's cost per task (about a millisecond, times the shuffle's stages) would
# outweigh the work; beyond 200,000 reports, partitions grow instead (docs/scale.md).
MAX_PARTITIONS = 4000
# As in ``engine._rare_names``: a name in more than this share of the reports (and more than the minimum) is an
# agency or a paper, not a story.
_COMMON_NAME_SHARE = 0.02
_COMMON_NAME_MIN = 5


class _Doc(NamedTuple):
    """What the story test needs of one report, carried with each of its claims and sentences through a shuffle."""

    path: str
    date: dt.date | None
    countries: frozenset[str] | None
    names: frozenset[str]
    rare: frozenset[str]
    places: frozenset[str]  # the places below a country the report says its things are in (``report_places``)


class _Loaded(NamedTuple):
    """One file after reading and extraction, on a worker."""

    index: int
    path: str
    document: Document | None
    extracted: DocumentAssertions | None
    problem: InputProblem | None


class _Meta(NamedTuple):
    """What the client learns of one file."""

    index: int
    path: str
    problem: InputProblem | None
    document: Document | None  # without its text
    assertions: int


# ------------------------------------------------------------------------------------------- the client side


def _require_dask() -> None:
    try:
        import dask.bag  # noqa: F401
        import distributed  # noqa: F401
    except ImportError:
        raise ConfigError("--dask needs the optional Dask packages: pip install 'report-checker[dask]'") from None


@contextmanager
def dask_client(scheduler: Any) -> Iterator[Any]:
    """A ``distributed.Client`` for ``scheduler``: ``local`` starts a ``LocalCluster`` of one single-threaded worker
    process per core (``local:N``: N workers) for the run; an address (``tcp://host:8786``) connects to a running
    scheduler, whose workers must have checker installed. A ``Client`` object is used as it is."""
    _require_dask()
    from distributed import Client, LocalCluster

    if not isinstance(scheduler, str):
        yield scheduler
        return
    if scheduler == "local" or scheduler.startswith("local:"):
        workers_text = scheduler.partition(":")[2]
        if workers_text and not (workers_text.isdigit() and int(workers_text) > 0):
            raise ConfigError(f"--dask {scheduler}: write local or local:N with N worker processes, e.g. local:4")
        workers = int(workers_text) if workers_text else os.cpu_count() or 1
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                          silence_logs=logging.CRITICAL) as cluster, Client(cluster) as client:
            yield client
        return
    try:
        client = Client(scheduler, timeout="20s")
    except (OSError, TimeoutError, ValueError) as exc:
        raise ConfigError(f"--dask {scheduler}: cannot reach the Dask scheduler: {exc}") from None
    with client:
        yield client


def analyse_on_dask(
    paths: Sequence[str],
    *,
    scheduler: Any = "local",
    encoding: str | None = None,
    strict: bool = False,
    reference_date: dt.date | None = None,
    max_bytes: int = 10_000_000,
    tolerance: float = 0.05,
    allow_unreadable: bool = True,
    follow_symlinks: bool = False,
    partitions: int | None = None,
) -> Analysis:
    """``pipeline.analyse(paths, ...)`` on a Dask cluster: the same conflicts, ids and order (see the module).

    ``partitions`` sets how many pieces the files and each shuffle are cut into; by default one per
    ``REPORTS_PER_PARTITION`` reports (``REPORTS_PER_SHUFFLE_PARTITION`` in a shuffle), at least two per worker and
    at most ``MAX_PARTITIONS``.
    """
    _require_dask()
    import dask.bag as db

    files, problems = discover(list(paths), strict=strict, follow_symlinks=follow_symlinks)
    if "-" in files:
        raise ConfigError("--dask reads report files, not standard input: name the files or folders")
    if not files:
        first = problems[0] if problems else InputProblem(paths[0] if paths else ".", "no report could be loaded")
        raise InputError(first.path, first.reason)
    options = dict(encoding=encoding, reference_date=reference_date, max_bytes=max_bytes)
    compare = CompareOptions(tolerance=tolerance)
    with dask_client(scheduler) as client:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        n = partitions or max(2 * workers, min(MAX_PARTITIONS, math.ceil(len(files) / REPORTS_PER_PARTITION)))
        n = max(1, min(n, len(files)))
        shuffled = partitions or max(2 * workers, min(MAX_PARTITIONS,
                                                      math.ceil(len(files) / REPORTS_PER_SHUFFLE_PARTITION)))
        loaded = db.from_sequence(list(enumerate(files)), npartitions=n).map(_load, options=options).persist()
        metas: list[_Meta] = loaded.map(_meta).compute()
        for meta in metas:
            if meta.problem is not None:
                if strict and meta.problem.severity == "error":
                    raise InputError(meta.problem.path, meta.problem.reason)
                problems.append(meta.problem)
        documents = [m.document for m in metas if m.document is not None]
        if not documents:
            first = problems[0] if problems else InputProblem(paths[0], "no report could be loaded")
            raise InputError(first.path, first.reason)
        unreadable = [p for p in problems if p.severity == "error"]
        if unreadable and not allow_unreadable:
            raise InputError(unreadable[0].path, unreadable[0].reason)
        warnings = [str(p) for p in problems]
        warnings += assertion_cap_warnings((m.path, m.assertions) for m in metas if m.document is not None)
        guess = neighbours_date([d.date for d in documents]) if reference_date is None else None
        if guess is not None:
            undated = [d.path for d in documents if d.date is None]
            loaded = loaded.map(_redate, guess).persist()
            documents = [m.document for m in loaded.map(_meta).compute() if m.document is not None]
            warnings += assumed_date_notes(undated, guess)
        kept = loaded.filter(lambda item: item.extracted is not None)

        common = _common_names(kept, len(documents))
        with_context = kept.map(_with_context, common).persist()
        del loaded, kept  # the report texts: from here on the workers hold claims and sentences only
        best = _blocks_phase(with_context, compare, shuffled)
        _restatement_phase(with_context, compare, shuffled, best)
        for finding in _unverified_phase(with_context):
            _keep(best, finding)
    conflicts = conflicts_from(best.values())
    conflicts, full = cap_conflicts(conflicts, limits.MAX_CONFLICTS_PER_DOCUMENT)
    warnings += [
        f"{path}: over {limits.MAX_CONFLICTS_PER_DOCUMENT:,} conflicts; the least severe beyond that are not reported"
        for path in full
    ]
    warnings += undated_warnings(documents)
    return Analysis(documents=documents, assertions=[], conflicts=conflicts, warnings=warnings)


def _common_names(kept: Any, total: int) -> frozenset[str]:
    """Names in more than ``_COMMON_NAME_SHARE`` of the reports (and ``_COMMON_NAME_MIN``): a reduction, so only
    the few common names come back."""
    limit = max(_COMMON_NAME_MIN, _COMMON_NAME_SHARE * total)
    counts = kept.map(lambda item: list(set(item.extracted.names))).flatten().frequencies()
    return frozenset(counts.filter(lambda kv: kv[1] > limit).map(lambda kv: kv[0]).compute())


def _blocks_phase(with_context: Any, compare: CompareOptions, partitions: int) -> dict[tuple, _Finding]:
    """Claims shuffled by block key, each block judged where it lands; findings kept in the local run's order."""
    claims = with_context.map(_claim_records).flatten().repartition(min(partitions, with_context.npartitions))
    groups = claims.groupby(_record_block, shuffle="tasks")
    found = groups.map(_judge_block, compare).flatten().compute()
    best: dict[tuple, _Finding] = {}
    for _, _, finding in sorted(found, key=lambda f: (f[0], f[1])):
        _keep(best, finding)
    return best


def _restatement_phase(with_context: Any, compare: CompareOptions, partitions: int, best: dict) -> None:
    """Sentences shuffled by content word; each pair of near-identical sentences judged once."""
    sentences = with_context.map(_sentence_records).flatten()
    counts = sentences.map(lambda r: list(r.words.content)).flatten().frequencies()
    capped = frozenset(counts.filter(lambda kv: kv[1] > _MAX_POSTING).map(lambda kv: kv[0]).compute())
    postings = sentences.map(_postings, capped).flatten().repartition(min(partitions, with_context.npartitions))
    groups = postings.groupby(lambda pair: pair[0], shuffle="tasks")
    found = groups.map(_judge_word, capped, compare).flatten().compute()
    covered = {_sides(f) for f in best.values()}
    for _, finding in sorted(found, key=lambda f: f[0]):
        if _sides(finding) not in covered:
            _keep(best, finding)


def _unverified_phase(with_context: Any) -> list[_Finding]:
    """Claims meeting a refusal to confirm them: only subjects whose head word a refusal shares are gathered."""
    claims = with_context.map(_claim_records).flatten()
    heads = frozenset(claims.filter(lambda r: r.assertion.modality == Modality.CANNOT_CONFIRM).map(_head)
                      .distinct().compute())
    if not heads:
        return []
    records = sorted(claims.filter(lambda r: _head(r) in heads).compute(), key=lambda r: r.position)
    comparable = _story_test([r.doc for r in records])
    return list(_unverified([r.assertion for r in records], None, comparable))


# ------------------------------------------------------------------------------------------- the worker side


class _Claim(NamedTuple):
    position: tuple[int, int]  # (file, claim): the order of the local run's list of assertions
    assertion: Assertion
    doc: _Doc


class _Sentence(NamedTuple):
    position: tuple[str, int]  # (path, sentence): the order of ``restatement.sentence_words``
    words: _Words
    doc: _Doc


def _load(item: tuple[int, str], options: dict) -> _Loaded:
    index, path = item
    doc, extracted, problem = _read_and_extract(path, options)
    return _Loaded(index, path, doc, extracted, problem)


def _meta(item: _Loaded) -> _Meta:
    doc = item.document
    bare = doc.metadata_only() if doc is not None else None
    count = len(item.extracted.assertions) if item.extracted is not None else 0
    return _Meta(item.index, item.path, item.problem, bare, count)


def _redate(item: _Loaded, guess: dt.date) -> _Loaded:
    if item.document is None or item.document.date is not None:
        return item
    doc, extracted = redated(item.document, guess)
    return item._replace(document=doc, extracted=extracted)


def _with_context(item: _Loaded, common: frozenset[str]) -> tuple[int, DocumentAssertions, _Doc]:
    extracted = item.extracted
    assert extracted is not None and item.document is not None
    path = item.document.path
    countries = _contexts(extracted.assertions, {path: extracted.countries}).get(path)
    names = frozenset(extracted.names)
    places = report_places(extracted.assertions).get(path, frozenset())
    return item.index, extracted, _Doc(path, item.document.date, countries, names, names - common, places)


def _claim_records(item: tuple[int, DocumentAssertions, _Doc]) -> list[_Claim]:
    index, extracted, doc = item
    return [_Claim((index, k), a, doc) for k, a in enumerate(extracted.assertions)]


def _sentence_records(item: tuple[int, DocumentAssertions, _Doc]) -> list[_Sentence]:
    _, extracted, doc = item
    return [_Sentence((doc.path, k), _Words(doc.path, s), doc) for k, s in enumerate(extracted.statements)]


def _record_block(record: _Claim) -> tuple:
    return block_key(record.assertion)


def _head(record: _Claim) -> str:
    words = record.assertion.subject_key.split()
    return words[-1] if words else ""


def _story_test(docs: Iterable[_Doc], window: int = CompareOptions().window_days) -> _Comparable:
    """The story test of ``find_conflicts`` (``engine._Comparable``) for the reports at hand."""
    by_path = {d.path: d for d in docs}
    contexts = {p: d.countries for p, d in by_path.items() if d.countries is not None}
    return _Comparable(
        {p: d.date for p, d in by_path.items()},
        contexts,
        {p: d.names for p, d in by_path.items()},
        window,
        {p: d.rare for p, d in by_path.items()},
        {p: d.places for p, d in by_path.items() if d.places},
    )


def _judge_block(group: tuple[tuple, list[_Claim]], compare: CompareOptions) -> list[tuple]:
    """One block's findings, each with its place in the local order: (block's first claim, rank inside it)."""
    _, records = group
    records = sorted(records, key=lambda r: r.position)
    comparable = _story_test(r.doc for r in records)
    findings = block_findings([r.assertion for r in records], None, comparable.dates, comparable, compare)
    first = records[0].position
    return [(first, k, finding) for k, finding in enumerate(findings)]


def _postings(record: _Sentence, capped: frozenset[str]) -> list[tuple[str, _Sentence]]:
    return [(word, record) for word in record.words.content if word not in capped]


def _judge_word(group: tuple[str, list[tuple[str, _Sentence]]], capped: frozenset[str],
                compare: CompareOptions) -> list[tuple]:
    """The restatements among the sentences holding one word, for the pairs whose smallest shared word it is (so
    that each pair is judged once, wherever its other words landed)."""
    word, pairs = group
    records = sorted((r for _, r in pairs), key=lambda r: r.position)
    if len(records) < 2:
        return []
    # A pair sharing a smaller word than this one is that word's to judge: only the words below ``word`` are tested.
    below = [frozenset(w for w in r.words.content if w < word and w not in capped) for r in records]
    counted = [r.words.content - capped for r in records]
    comparable = _story_test(r.doc for r in records)
    located = functools.partial(comparable, located=True)  # as ``find_conflicts``: no countries test here
    rare = {r.doc.path: r.doc.rare for r in records}
    out = []
    for i, left in enumerate(records):
        for j in range(i + 1, len(records)):
            if not below[i].isdisjoint(below[j]):
                continue
            right = records[j]
            shared = len(counted[i] & counted[j])
            if not shares_enough(left.words, right.words, shared):
                continue
            found = candidate_values(left.words, right.words, shared, comparable=located, names=rare)
            for finding in restatement_findings(found, comparable.dates, compare):
                out.append(((left.position, right.position), finding))
    return out
