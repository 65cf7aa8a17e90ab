"""One run of the core: load reports, extract assertions, compare. The CLI and the review UI both call this.

Extraction is pure and per-document, so large folders are spread over a process pool (the machines this runs on
have few cores, and CI has two); comparison then runs once over all assertions.
"""

from __future__ import annotations

import datetime as dt
import os
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Sequence

from checker.compare import CompareOptions, find_conflicts
from checker.extract import extract_document
from checker.ingest import load_documents
from checker.models import Analysis, Assertion, Document, DocumentAssertions

Progress = Callable[[int, int], None]

# Below this many documents a process pool costs more to start than it saves.
_POOL_THRESHOLD = 24


def extract_all(documents: Sequence[Document], on_progress: Progress | None = None) -> list[DocumentAssertions]:
    """Assertions of every document, in the documents' order; uses all cores for large sets."""
    total = len(documents)
    workers = os.cpu_count() or 1
    if total < _POOL_THRESHOLD or workers < 2:
        out = []
        for i, doc in enumerate(documents, 1):
            out.append(extract_document(doc))
            if on_progress:
                on_progress(i, total)
        return out
    chunk = max(1, min(64, total // (workers * 8)))
    results: list[DocumentAssertions] = []
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for i, result in enumerate(pool.map(extract_document, documents, chunksize=chunk), 1):
            results.append(result)
            if on_progress and (i % chunk == 0 or i == total):
                on_progress(i, total)
    return results


def analyse(
    paths: Sequence[str],
    *,
    against: Sequence[str] = (),
    encoding: str | None = None,
    strict: bool = False,
    reference_date: dt.date | None = None,
    max_bytes: int = 10_000_000,
    tolerance: float = 0.05,
    on_progress: Progress | None = None,
) -> Analysis:
    """Load ``paths`` (and ``against``, a standing corpus), extract, and compare.

    With ``against``, only conflicts with at least one side in ``paths`` are reported: the corpus is context, its
    own old disagreements are not news.
    """
    options = dict(encoding=encoding, strict=strict, reference_date=reference_date, max_bytes=max_bytes)
    loaded = load_documents(list(paths), **options)
    documents = list(loaded.documents)
    problems = list(loaded.problems)
    incoming = None
    if against:
        incoming = {d.path for d in documents}
        corpus = load_documents(list(against), **options)
        documents += [d for d in corpus.documents if d.path not in incoming]
        problems += corpus.problems
    extracted = extract_all(documents, on_progress)
    assertions: list[Assertion] = [a for d in extracted for a in d.assertions]
    conflicts = find_conflicts(
        assertions,
        dates={d.path: d.date for d in documents},
        incoming=incoming,
        options=CompareOptions(tolerance=tolerance),
        countries={d.path: d.countries for d in extracted},
        names={d.path: d.names for d in extracted},
    )
    undated = [d.path for d in documents if d.date is None]
    if undated:
        problems_text = [f"{p}: no date found (front matter, <meta>, dateline); dates without a year are not "
                         "resolved -- pass --date YYYY-MM-DD" for p in undated[:5]]
        if len(undated) > 5:
            problems_text.append(f"... and {len(undated) - 5} more reports without a date")
    else:
        problems_text = []
    return Analysis(
        documents=documents,
        assertions=assertions,
        conflicts=conflicts,
        warnings=[str(p) for p in problems] + problems_text,
    )
