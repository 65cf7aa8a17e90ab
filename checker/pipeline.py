"""One run of the core: load reports, extract assertions, compare. The CLI and the review UI both call this.

Extraction is pure and per-document, so large folders are spread over a process pool (the machines this runs on
have few cores, and CI has two); comparison then runs once over all assertions.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import threading
import time
from collections import defaultdict
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Mapping, Sequence

from checker.compare import CompareOptions
from checker.compare.engine import find_capped_conflicts
from checker.extract import extract_document
from checker.errors import ConfigError, InputError
from checker.ingest import (
    InputProblem,
    discover,
    hidden_text_problem,
    load_documents,
    parse_document,
    read_document,
)
from checker.ingest import limits
from checker.ingest.files import paused_gc
from checker.ingest.limits import assertion_cap_warnings
from checker.models import Analysis, Assertion, Document, DocumentAssertions
from checker.sharing import SharedValues

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

    from checker.store.index import CorpusIndex, RefreshStats

# ``(done, total)`` in documents; ``done`` is fractional while one long report is extracted (the share of its text
# analysed so far), so that a bar for a single 9 MB report moves.
Progress = Callable[[float, int], None]

# Below this many documents, or this much text, a process pool costs more to start and to gather than it saves:
# forking the workers and sending every claim back costs about 0.15 s of CPU, paid back on a free core by about a
# quarter of a second of extraction. Verify of a 2,000-word draft against 100 reports of 147 KB: on an idle two-core
# machine 0.90-0.97 s wall with a pool, 0.98-1.04 s without (CPU 1.07-1.20 and 0.97-1.04 s); with both cores busy
# elsewhere the pool loses (1.31-1.50 s against 1.01-1.15 s): a pool needs cores with nothing else to do.
_POOL_THRESHOLD = 24
_POOL_BYTES = 128_000


# A short report in every shape extraction reads: extracting it loads what extraction loads on first use (the
# gazetteer, the lexicon, the English lemmas, number, date and unit words, the compiled rules).
_WARM_UP = "Kyiv, 3 March 2024 - Russia said on Monday that 12 soldiers were killed and 40 km of road closed in " \
    "Kharkiv Oblast.\n"


def _pool(workers: int) -> ProcessPoolExecutor:
    """A process pool; from a worker thread (the review UI loads in one) it spawns rather than forks, since forking a
    process whose other threads hold locks can hang the child. Before forking, this process extracts ``_WARM_UP``,
    so that the workers inherit the data extraction loads instead of each loading it again (check of 100 generated
    reports on two cores: 0.4 s of CPU less; this process needs most of that data again to compare)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    if threading.current_thread() is threading.main_thread():
        if multiprocessing.get_start_method() == "fork":
            try:
                extract_document(parse_document("warm-up.txt", _WARM_UP))
            except Exception:  # noqa: BLE001 - only a saving: a worker meets any real fault on a real report
                pass
        # A worker forked while this process has the collector paused (``_collecting``) turns it back on.
        return ProcessPoolExecutor(max_workers=workers, initializer=gc.enable)
    return ProcessPoolExecutor(
        max_workers=workers, mp_context=multiprocessing.get_context("spawn"), initializer=gc.enable
    )


def extract_all(documents: Sequence[Document], on_progress: Progress | None = None) -> list[DocumentAssertions]:
    """Assertions of every document, in the documents' order; uses all cores for large sets."""
    total = len(documents)
    workers = os.cpu_count() or 1
    if total < _POOL_THRESHOLD or workers < 2 or sum(len(d.text) for d in documents) < _POOL_BYTES:
        out = []
        for i, doc in enumerate(documents, 1):
            if on_progress:
                def within(done: int, chars: int, before: int = i - 1) -> None:
                    on_progress(before + done / chars, total)
                out.append(extract_document(doc, within))
            else:
                out.append(extract_document(doc))
            if on_progress:
                on_progress(i, total)
        return out
    chunk = max(1, min(64, total // (workers * 8)))
    results: list[DocumentAssertions] = []
    shared = SharedValues()  # each result arrives as a fresh copy: its equal strings and values are held once
    with _pool(workers) as pool, paused_gc():
        for i, result in enumerate(pool.map(extract_document, documents, chunksize=chunk), 1):
            results.append(shared.share(result))
            if on_progress and (i % chunk == 0 or i == total):
                on_progress(i, total)
    return results


def _size(files: Sequence[str], stats: Mapping[str, os.stat_result]) -> int:
    """The bytes of the files, from the folder walk's ``stat`` where it took one, stopping once past the pool's
    threshold (a file that cannot be looked at counts as nothing: reading it reports it)."""
    total = 0
    for path in files:
        st = stats.get(path)
        if st is None:
            try:
                st = os.stat(path)
            except (OSError, ValueError):
                continue
        total += st.st_size
        if total >= _POOL_BYTES:
            break
    return total


def _read_and_extract(
    path: str, options: dict, keep_text: bool = True
) -> tuple[Document | None, DocumentAssertions | None, InputProblem | None]:
    """One report read and extracted in a worker process: reading is half the cost of a large folder. Without
    ``keep_text`` a dated report comes back with its metadata only (``Document.metadata_only``): its text is not
    sent back to be dropped there (an undated one keeps it, to be read again with its neighbours' date)."""
    try:
        doc = read_document(path, **options)
    except InputError as exc:
        return None, None, InputProblem(exc.path, exc.reason, "error")
    if doc is None:
        return None, None, InputProblem(path, "is empty (no text to check); skipped", "warning")
    extracted, problem = extract_document(doc), hidden_text_problem(doc)
    if not keep_text and doc.date is not None:
        doc = doc.metadata_only()
    return doc, extracted, problem


def load_and_extract(
    paths: Sequence[str], load_options: dict, on_progress: Progress | None = None, keep_text: bool = True
) -> tuple[list[Document], list[DocumentAssertions], list[InputProblem]]:
    """Read and extract every report the paths name. Large folders are read *and* extracted in a process pool, so
    both halves of the work use every core; small sets run in-process (a pool costs more to start than it saves).
    Without ``keep_text`` the pool's workers send dated reports back with their metadata only (see ``analyse``).
    """
    stats: dict[str, os.stat_result] = {}
    files, problems = discover(
        list(paths), strict=load_options["strict"], follow_symlinks=load_options.get("follow_symlinks", False),
        stats=stats,
    )
    workers = os.cpu_count() or 1
    if len(files) < _POOL_THRESHOLD or workers < 2 or "-" in files or _size(files, stats) < _POOL_BYTES:
        loaded = load_documents(list(paths), **load_options)
        return loaded.documents, extract_all(loaded.documents, on_progress), list(loaded.problems)
    options = {k: v for k, v in load_options.items() if k not in ("strict", "allow_unreadable", "follow_symlinks")}
    documents: list[Document] = []
    extracted: list[DocumentAssertions] = []
    total = len(files)
    chunk = max(1, min(64, total // (workers * 8)))
    shared = SharedValues()  # each result arrives as a fresh copy: its equal strings and values are held once
    # The results pile up here (claim frames of every report): the cyclic collector, left on, would walk them all
    # again every few hundred reports; they hold no cycles (2,000 reports: 1.25 s of this process's CPU -> 0.46).
    with _pool(workers) as pool, paused_gc():
        for i, (doc, result, problem) in enumerate(
            pool.map(partial(_read_and_extract, options=options, keep_text=keep_text), files, chunksize=chunk), 1
        ):
            if problem is not None:
                if load_options["strict"] and problem.severity == "error":
                    raise InputError(problem.path, problem.reason)
                problems.append(problem)
            if doc is not None and result is not None:
                documents.append(doc)
                extracted.append(shared.share(result))
            if on_progress and (i % chunk == 0 or i == total):
                on_progress(i, total)
    if not documents:
        first = problems[0] if problems else InputProblem(paths[0], "no report could be loaded")
        raise InputError(first.path, first.reason)
    unreadable = [p for p in problems if p.severity == "error"]
    if unreadable and not load_options.get("allow_unreadable", True):
        raise InputError(unreadable[0].path, unreadable[0].reason)
    return documents, extracted, problems


def undated_warnings(documents: Sequence[Document]) -> list[str]:
    """One warning per report still without a date (at most five, then a count)."""
    undated = [d.path for d in documents if d.date is None]
    out = [
        f"{p}: no date found (front matter, <meta>, dateline); dates without a year are not resolved -- pass "
        "--date YYYY-MM-DD"
        for p in undated[:5]
    ]
    if len(undated) > 5:
        out.append(f"... and {len(undated) - 5} more reports without a date")
    return out


def date_from_neighbours(
    documents: list[Document], extracted: list[DocumentAssertions]
) -> tuple[list[Document], list[DocumentAssertions], list[str]]:
    """Give reports without a date of their own the median date of the dated reports read with them.

    Reports read together are usually about one story, so "in June" in an undated wire copy is likelier the June
    of its neighbours than no June at all; the guess is announced, and ``--date`` overrides it.
    """
    guess = neighbours_date([d.date for d in documents])
    undated = [i for i, d in enumerate(documents) if d.date is None]
    if guess is None:
        return documents, extracted, []
    documents, extracted = list(documents), list(extracted)
    for i in undated:
        documents[i], extracted[i] = redated(documents[i], guess)
    return documents, extracted, assumed_date_notes([documents[i].path for i in undated], guess)


def neighbours_date(dates: Sequence[dt.date | None]) -> dt.date | None:
    """The date undated reports are given (the median of the others'), or None when none is needed or known."""
    dated = sorted(d for d in dates if d is not None)
    if not dated or len(dated) == len(dates):
        return None
    return dated[len(dated) // 2]


def redated(doc: Document, guess: dt.date) -> tuple[Document, DocumentAssertions]:
    """An undated report read again with ``guess`` as its date, and its assertions."""
    doc = parse_document(doc.path, doc.raw, doc.format, reference_date=guess)
    return doc, extract_document(doc)


def assumed_date_notes(undated: Sequence[str], guess: dt.date) -> list[str]:
    notes = [f"{path}: no date found; assumed {guess.isoformat()}, the median date of the other reports "
             "(pass --date YYYY-MM-DD to set it)" for path in undated[:5]]
    if len(undated) > 5:
        notes.append(f"... and {len(undated) - 5} more reports dated {guess.isoformat()}")
    return notes


def analyse(
    paths: Sequence[str],
    *,
    against: Sequence[str] = (),
    index_path: Path | None = None,
    encoding: str | None = None,
    strict: bool = False,
    reference_date: dt.date | None = None,
    max_bytes: int = 10_000_000,
    tolerance: float = 0.05,
    on_progress: Progress | None = None,
    allow_unreadable: bool = True,
    follow_symlinks: bool = False,
    keep_text: bool = True,
) -> Analysis:
    """Load ``paths``, extract, and compare; with ``against``, compare them with a standing corpus instead.

    The corpus goes through the SQLite index at ``index_path`` (default ``.checker/index.sqlite``): only its new
    or changed files are read and extracted, and only the blocks the incoming reports' assertions fall into are
    fetched. Only conflicts with at least one side in ``paths`` are reported: the corpus is context, its own old
    disagreements are not news.

    Without ``keep_text`` the documents come back with their metadata only (``Document.metadata_only``), each text
    let go once it is extracted: the conflicts carry their passages, and only the review UI reads the texts.
    """
    load_options = dict(
        encoding=encoding,
        strict=strict,
        reference_date=reference_date,
        max_bytes=max_bytes,
        allow_unreadable=allow_unreadable,
        follow_symlinks=follow_symlinks,
    )
    documents, extracted, problems = load_and_extract(paths, load_options, on_progress, keep_text=keep_text)
    warnings = [str(p) for p in problems]
    warnings += assertion_cap_warnings((d.path, len(d.assertions)) for d in extracted)
    if reference_date is None:
        documents, extracted, notes = date_from_neighbours(documents, extracted)
        warnings += notes
    if not keep_text:
        documents = [d.metadata_only() for d in documents]
    assertions: list[Assertion] = [a for d in extracted for a in d.assertions]
    dates = {d.path: d.date for d in documents}
    countries = {d.path: d.countries for d in extracted}
    names = {d.path: d.names for d in extracted}
    incoming = None
    common_names: set[str] | None = None
    if against:
        incoming = {d.path for d in documents}
        corpus, corpus_warnings = _corpus_assertions(
            against, incoming, assertions, {d.path: d.date for d in documents}, names, index_path, load_options,
            on_progress,
        )
        warnings += corpus_warnings
        assertions += corpus.assertions
        dates.update(corpus.dates)
        countries.update(corpus.countries)
        names.update(corpus.names)
        common_names = corpus.common_names
    conflicts, full = find_capped_conflicts(
        assertions,
        cap=limits.MAX_CONFLICTS_PER_DOCUMENT,
        dates=dates,
        incoming=incoming,
        options=CompareOptions(tolerance=tolerance),
        countries=countries,
        names=names,
        statements={d.path: d.statements for d in extracted},
        common_names=common_names,
    )
    warnings += [
        f"{path}: over {limits.MAX_CONFLICTS_PER_DOCUMENT:,} conflicts; the least severe beyond that are not reported"
        for path in full
    ]
    if incoming is not None:
        # The review UI shows both passages, so corpus reports that take part in a conflict are read in full.
        needed = sorted({e.path for c in conflicts for e in c.evidence} - incoming)
        if needed:
            read = load_documents(needed, **{**load_options, "allow_unreadable": True}).documents
            documents += read if keep_text else [d.metadata_only() for d in read]
    warnings += undated_warnings(documents)
    return Analysis(documents=documents, assertions=assertions, conflicts=conflicts, warnings=warnings)


@dataclass
class _Corpus:
    assertions: list[Assertion]
    dates: dict[str, dt.date | None]
    countries: dict[str, list[str]]
    names: dict[str, list[str]]
    common_names: set[str]


def _window(dates: Sequence[dt.date | None]) -> tuple[dt.date, dt.date] | None:
    """The dates a corpus report may carry to be compared with the incoming ones (None: any, some are undated)."""
    if not dates or any(d is None for d in dates):
        return None
    span = dt.timedelta(days=CompareOptions().window_days)
    return min(dates) - span, max(dates) + span  # type: ignore[type-var, operator]


def _corpus_assertions(
    against: Sequence[str],
    incoming: set[str],
    incoming_assertions: Sequence[Assertion],
    incoming_dates: Mapping[str, dt.date | None],
    incoming_names: Mapping[str, Sequence[str]],
    index_path: Path | None,
    load_options: dict,
    on_progress: Progress | None,
) -> tuple[_Corpus, list[str]]:
    """The corpus's assertions in the incoming reports' blocks, from the index (refreshed for changed files): in
    each block, those of the files nearest in time to each incoming report (``CorpusIndex.nearest``).

    ``against`` naming an index file itself (``.checker/index.sqlite``) compares with the corpus as that index
    holds it, as the last ``checker index`` (or check) left it: nothing is listed, so the cost does not grow with
    the corpus; files edited since are not seen until the next ``checker index``."""
    from checker.store.index import (  # with a corpus only
        CorpusIndex, Listing, Probe, blocking_keys, default_index_path, is_index_file,
    )

    indexes = [p for p in against if is_index_file(p)]
    if indexes and (len(indexes) > 1 or len(against) > 1):
        raise ConfigError(f"--against takes one index file ({indexes[0]}) or corpus files and folders, not both "
                          "nor several indexes: index the corpus folders together with checker index")
    warnings: list[str] = []
    files: list[str] = []
    if not indexes:
        # The walk's own ``stat`` of each file is what the index compares with its rows: looked at once.
        listed_at, stats = time.time_ns(), {}
        files, problems = discover(
            list(against), strict=load_options["strict"],
            follow_symlinks=load_options.get("follow_symlinks", False), stats=stats,
        )
        files = [f for f in files if f not in incoming]
        warnings += [str(p) for p in problems]
    # The corpus is context, not what is being checked: an unreadable corpus file is a warning, never a failure.
    corpus_options = {**load_options, "allow_unreadable": True}

    def load(stale: list[str]) -> list[Document]:
        try:
            result = load_documents(stale, **corpus_options)
        except InputError as exc:  # none of the changed corpus files could be read: the rest is still context
            warnings.append(str(exc))
            return []
        warnings.extend(str(p) for p in result.problems)
        return result.documents

    def extract(docs: Sequence[Document]) -> list[DocumentAssertions]:
        results = extract_all(docs, on_progress)
        warnings.extend(assertion_cap_warnings((d.path, len(d.assertions)) for d in results))
        return results

    with CorpusIndex(Path(indexes[0]) if indexes else index_path or default_index_path(Path("."))) as index:
        if indexes:
            _require_reports(index, indexes[0], "the corpus folders")
        else:
            index.sync(
                files,
                load,
                extract,
                encoding=load_options["encoding"],
                max_bytes=load_options["max_bytes"],
                listing=Listing(stats, listed_at),
            )
        claims: dict[str, list[Assertion]] = defaultdict(list)
        for a in incoming_assertions:
            claims[a.path].append(a)
        probes = [Probe(path, date, frozenset(blocking_keys(claims[path]))) for path, date in incoming_dates.items()]
        found = index.nearest(probes, between=_window(list(incoming_dates.values())), exclude=incoming)
        if not indexes:
            keep = set(files)
            found = [a for a in found if a.path in keep]
        # Only the files that can meet the incoming reports are read; the names common across the whole corpus
        # come from the index's counts, so the comparison judges them as if it saw every file.
        indexed = index.files_for({a.path for a in found})
        common = index.common_names(incoming_names)
        warnings += index.warnings
    return _Corpus(
        found,
        {p: f.date for p, f in indexed.items()},
        {p: f.countries for p, f in indexed.items()},
        {p: f.names for p, f in indexed.items()},
        common,
    ), warnings


def _require_reports(index: CorpusIndex, name: str, instead: str) -> None:
    """An index file named to be read as it stands must hold reports: one that was empty, or cleared on opening
    (written by another version of checker's extractor), is a settings error."""
    if index.emptied or not index.has_files():
        raise ConfigError(f"{name}: the index holds no reports (it was empty, or written by another version of "
                          f"checker's extractor and has been cleared); build it with checker index CORPUS, or give "
                          f"{instead} to --against")


def build_index(
    corpus: Sequence[str],
    *,
    index_path: Path | None = None,
    encoding: str | None = None,
    reference_date: dt.date | None = None,
    max_bytes: int = 10_000_000,
    on_progress: Progress | None = None,
) -> tuple[RefreshStats, list[str]]:
    """Bring the corpus index up to date (``checker index``): read and extract only new and changed files."""
    listed_at, stats = time.time_ns(), {}
    files, problems = discover(list(corpus), stats=stats)
    warnings = [str(p) for p in problems]

    def load(stale: list[str]) -> list[Document]:
        result = load_documents(stale, encoding=encoding, reference_date=reference_date, max_bytes=max_bytes)
        warnings.extend(str(p) for p in result.problems)
        return result.documents

    def extract(docs: Sequence[Document]) -> list[DocumentAssertions]:
        results = extract_all(docs, on_progress)
        warnings.extend(assertion_cap_warnings((d.path, len(d.assertions)) for d in results))
        return results

    from checker.store.index import CorpusIndex, Listing, default_index_path

    with CorpusIndex(index_path or default_index_path(Path("."))) as index:
        done = index.sync(files, load, extract, encoding=encoding, max_bytes=max_bytes,
                          listing=Listing(stats, listed_at))
        warnings += index.warnings
    return done, warnings


def indexed_sources(
    index_file: str, drafts: Sequence[DocumentAssertions], dates: Mapping[str, dt.date | None]
) -> tuple[list[str], list[str]]:
    """The corpus files an index (``checker index``) holds that can speak of the drafts' claims, for ``checker verify
    --against INDEX_FILE``: in each block of the drafts' claims, the indexed files nearest in time to each draft
    (``CorpusIndex.nearest``, as ``check --against INDEX_FILE`` reads them), the drafts themselves left out; and the
    warnings. The caller reads them in full, so a draft is checked against their sentences too. Nothing is listed:
    the cost grows with those files, not with the corpus."""
    from checker.store.index import CorpusIndex, Probe, blocking_keys  # with an index only

    with CorpusIndex(Path(index_file)) as index:
        _require_reports(index, index_file, "the source files or folders")
        probes = [Probe(d.path, dates.get(d.path), frozenset(blocking_keys(d.assertions))) for d in drafts]
        found = index.nearest(probes, between=_window([dates.get(d.path) for d in drafts]),
                              exclude=[d.path for d in drafts])
        warnings = list(index.warnings)
    return sorted({a.path for a in found}), warnings
