"""How long the review app takes to show 5,000 conflicts (prints seconds; the target is under 2 s).

A synthetic analysis (40 documents, 5,000 conflicts of every kind, long subjects and values so truncation is
exercised) is handed to the app the way the CLI does it, and the clock runs from ``run_test`` starting until the
table holds every row and the first conflict's passages are on screen. Run: .venv/bin/python benchmarks/bench_review.py
"""

from __future__ import annotations

import asyncio
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.models import (  # noqa: E402
    Analysis,
    Conflict,
    ConflictKind,
    Decision,
    DecisionStatus,
    Document,
    Evidence,
    Severity,
)
from tui.app import make_app  # noqa: E402
from tui.widgets.conflict_table import ConflictTable  # noqa: E402

SENTENCE = "Officials said about {n:,} people were displaced from the {place} district, the agency reported on {day}. "
PLACES = ["northern", "coastal", "eastern border", "Kharkiv", "Sumy", "river valley", "capital"]
KINDS = list(ConflictKind)
SEVERITIES = list(Severity)


def synthetic_analysis(conflicts: int = 5_000, documents: int = 40) -> Analysis:
    docs: list[Document] = []
    sentences: list[list[tuple[int, int, int, int, str]]] = []
    for d in range(documents):
        parts, spans, pos = [], [], 0
        for s in range(200):
            n = 1000 + 37 * s + d
            text = SENTENCE.format(n=n, place=PLACES[s % len(PLACES)], day=f"{s % 28 + 1} March")
            value = f"about {n:,}"
            at = text.index(value)
            spans.append((pos, pos + len(text) - 1, pos + at, pos + at + len(value), value))
            parts.append(text + ("\n\n" if s % 5 == 4 else ""))
            pos += len(parts[-1])
        raw = "".join(parts)
        docs.append(Document(path=f"corpus/report-{d:03d}.txt", title=f"Report {d}", raw=raw, text=raw))
        sentences.append(spans)

    def evidence(d: int, s: int) -> Evidence:
        start, end, v_start, v_end, value = sentences[d][s]
        line, column = docs[d].line_column(start)
        raw = docs[d].raw
        return Evidence(path=docs[d].path, start=start, end=end, line=line, column=column, text=raw[start:end],
                        value=value, value_start=v_start, value_end=v_end)

    items = []
    for i in range(conflicts):
        a, b = i % documents, (i * 7 + 1) % documents
        if a == b:
            b = (b + 1) % documents
        items.append(
            Conflict(
                id=f"c{i:05d}",
                kind=KINDS[i % len(KINDS)],
                severity=SEVERITIES[i % 3],
                subject=f"people displaced from the {PLACES[i % len(PLACES)]} district in the long-running case {i}",
                attribute="displaced",
                message=f"Conflict number {i}: the two reports give different figures.",
                evidence=(evidence(a, i % 200), evidence(b, (i * 3) % 200)),
            )
        )
    return Analysis(documents=docs, conflicts=items)


class MemoryStore:
    def __init__(self, decisions: dict[str, Decision]) -> None:
        self.decisions = decisions

    def load(self) -> dict[str, Decision]:
        return dict(self.decisions)

    def record(self, decision: Decision) -> None:
        self.decisions[decision.id] = decision

    def remove(self, conflict_id: str) -> Decision | None:
        return self.decisions.pop(conflict_id, None)


async def time_to_table(analysis: Analysis, size: tuple[int, int]) -> float:
    decisions = {f"c{i:05d}": Decision(id=f"c{i:05d}", status=DecisionStatus.CONFIRMED) for i in range(0, 5000, 9)}
    app = make_app(lambda progress: analysis, MemoryStore(decisions))
    started = time.perf_counter()
    async with app.run_test(size=size) as pilot:
        while True:
            await pilot.pause()
            tables = app.screen.query(ConflictTable)
            if tables and tables.first().row_count == len(analysis.conflicts):
                break
        await pilot.pause()  # the first paint with the rows and the passages
        elapsed = time.perf_counter() - started
        started_sort = time.perf_counter()
        await pilot.press("s")
        await pilot.pause()
        sort_time = time.perf_counter() - started_sort
    print(f"  re-sort 5,000 rows at {size[0]}x{size[1]}: {sort_time:.3f} s")
    return elapsed


def main() -> None:
    analysis = synthetic_analysis()
    for size in ((120, 34), (80, 24), (240, 70)):
        elapsed = asyncio.run(time_to_table(analysis, size))
        verdict = "ok" if elapsed < 2.0 else "SLOW (target < 2 s)"
        print(f"5,000 conflicts shown at {size[0]}x{size[1]} in {elapsed:.3f} s  [{verdict}]")


if __name__ == "__main__":
    main()
