"""Hand-built analyses for the review app: two small reports and one conflict of each common kind.

Nothing here runs the extractor or the comparison: the UI must work from the models alone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from checker.models import Analysis, Conflict, ConflictKind, Document, Evidence, Polarity, Severity
from checker.store.decisions import DecisionStore
from tui.app import ReviewApp, make_app

RAW_A = (
    "KYIV, Nov 4 -- About 11,000 North Korean troops are in Kursk Oblast, officials said. "
    "The troops arrived in late October. The bridge at Glushkovo was not destroyed, the ministry said.\n"
    "\n"
    "A spokesman said the deployment began on 20 October.\n"
)
RAW_B = (
    "Roughly 12,000 North Korean soldiers have been sent to Russia, according to the agency. "
    "They are stationed in Belgorod, a source said. The bridge at Glushkovo was destroyed on Sunday.\n"
    "\n"
    "The deployment began on 25 October, the statement said.\n"
)


def evidence(doc: Document, sentence: str, value: str, **extra: object) -> Evidence:
    """Evidence for ``sentence`` of ``doc`` with ``value`` inside it, offsets computed like the core does."""
    start = doc.raw.index(sentence)
    at = doc.raw.index(value, start)
    span = doc.span(start, start + len(sentence))
    return Evidence(
        path=doc.path,
        start=span.start,
        end=span.end,
        line=span.line,
        column=span.column,
        text=sentence,
        value=value,
        value_start=at,
        value_end=at + len(value),
        **extra,
    )


def conflict(id: str, kind: ConflictKind, severity: Severity, subject: str, attribute: str, message: str,
             a: Evidence, b: Evidence) -> Conflict:
    return Conflict(id=id, kind=kind, severity=severity, subject=subject, attribute=attribute, message=message,
                    evidence=(a, b))


@pytest.fixture
def documents() -> tuple[Document, Document]:
    a = Document(path="reports/kyiv.txt", title="Kyiv briefing", source="Agency A", date=dt.date(2024, 11, 4),
                 raw=RAW_A, text=RAW_A)
    b = Document(path="reports/moscow.txt", title="Wire report", source="Agency B", date=dt.date(2024, 11, 5),
                 raw=RAW_B, text=RAW_B)
    return a, b


@pytest.fixture
def analysis(documents: tuple[Document, Document]) -> Analysis:
    a, b = documents
    conflicts = [
        conflict("num1", ConflictKind.NUMERIC, Severity.HIGH, "North Korean troops", "count",
                 "About 11,000 and roughly 12,000 troops cannot both be right.",
                 evidence(a, "KYIV, Nov 4 -- About 11,000 North Korean troops are in Kursk Oblast, officials said.",
                          "About 11,000", source="officials"),
                 evidence(b, "Roughly 12,000 North Korean soldiers have been sent to Russia, according to the "
                             "agency.", "Roughly 12,000", source="the agency")),
        conflict("loc1", ConflictKind.LOCATION, Severity.MEDIUM, "North Korean troops", "location",
                 "Kursk Oblast and Belgorod are different places.",
                 evidence(a, "KYIV, Nov 4 -- About 11,000 North Korean troops are in Kursk Oblast, officials said.",
                          "Kursk Oblast"),
                 evidence(b, "They are stationed in Belgorod, a source said.", "Belgorod")),
        conflict("pol1", ConflictKind.POLARITY, Severity.HIGH, "bridge at Glushkovo", "happened:destroy",
                 "One report says the bridge was destroyed, the other that it was not.",
                 evidence(a, "The bridge at Glushkovo was not destroyed, the ministry said.", "not destroyed",
                          polarity=Polarity.NEGATED),
                 evidence(b, "The bridge at Glushkovo was destroyed on Sunday.", "destroyed")),
        conflict("date1", ConflictKind.DATE, Severity.LOW, "deployment", "when:begin",
                 "20 October and 25 October are different days.",
                 evidence(a, "A spokesman said the deployment began on 20 October.", "20 October"),
                 evidence(b, "The deployment began on 25 October, the statement said.", "25 October")),
    ]
    return Analysis(documents=[a, b], conflicts=conflicts)


@pytest.fixture
def three_document_analysis(analysis: Analysis, documents: tuple[Document, Document]) -> Analysis:
    """The main analysis plus a third report that disagrees with the first on one number only."""
    raw = "Norwegian analysts counted 9,500 North Korean troops.\n"
    c = Document(path="reports/oslo.txt", title="Oslo analysis", raw=raw, text=raw)
    extra = conflict("num2", ConflictKind.NUMERIC, Severity.MEDIUM, "North Korean troops", "count",
                     "About 11,000 and 9,500 troops cannot both be right.",
                     evidence(documents[0], "KYIV, Nov 4 -- About 11,000 North Korean troops are in Kursk Oblast, "
                              "officials said.", "About 11,000"),
                     evidence(c, "Norwegian analysts counted 9,500 North Korean troops.", "9,500"))
    return Analysis(documents=[*documents, c], conflicts=[*analysis.conflicts, extra])


@pytest.fixture
def revision_analysis() -> Analysis:
    """Two versions of one report that differ in a single number; the later-dated one is side A."""
    raw_old = "About 10,000 North Korean troops are in the Kursk region.\n"
    raw_new = "About 11,000 North Korean troops are in the Kursk region.\n"
    new = Document(path="reports/update.txt", title="Update", date=dt.date(2024, 11, 6), raw=raw_new, text=raw_new)
    old = Document(path="reports/first.txt", title="First", date=dt.date(2024, 11, 5), raw=raw_old, text=raw_old)
    c = conflict("rev1", ConflictKind.NUMERIC, Severity.MEDIUM, "North Korean troops", "count",
                 "About 11,000 and about 10,000 troops cannot both be right.",
                 evidence(new, raw_new.strip(), "About 11,000"), evidence(old, raw_old.strip(), "About 10,000"))
    return Analysis(documents=[new, old], conflicts=[c])


@pytest.fixture
def hostile_analysis() -> Analysis:
    """Report text that would restyle a terminal or a markup parser if shown as anything but literal text."""
    raw_a = "The [bold]x[/bold] count was 5 on Monday. Then it rose.\n"
    raw_b = "Later \x1b[31mthe x count was 7\x1b[0m. End.\n"
    a = Document(path="a[red].txt", title="[i]Title[/i]", raw=raw_a, text=raw_a)
    b = Document(path="b.txt", raw=raw_b, text=raw_b)
    c = conflict("h1", ConflictKind.NUMERIC, Severity.MEDIUM, "[bold]x[/bold] count", "count",
                 "5 vs 7 \x1b[31m[link=http://example.com]click[/link]",
                 evidence(a, "The [bold]x[/bold] count was 5 on Monday.", "5"),
                 evidence(b, "Later \x1b[31mthe x count was 7\x1b[0m.", "7"))
    return Analysis(documents=[a, b], conflicts=[c])


@pytest.fixture
def store(tmp_path: Path) -> DecisionStore:
    return DecisionStore(tmp_path / "decisions.jsonl")


@pytest.fixture
def make_review(analysis: Analysis, store: DecisionStore) -> Callable[..., ReviewApp]:
    """Build a review app over ``analysis`` (or another one) and the tmp decisions store."""

    def make(over: Analysis | None = None, decisions: DecisionStore | None = None) -> ReviewApp:
        chosen = analysis if over is None else over
        return make_app(lambda progress: (progress(1, 1), chosen)[1], decisions or store)

    return make


async def loaded(pilot) -> None:  # noqa: ANN001 - Pilot is generic
    """Wait until the worker has delivered the analysis and the table is filled."""
    await pilot.app.workers.wait_for_complete()
    for _ in range(50):
        await pilot.pause()
        if getattr(pilot.app.screen, "state", None) is not None or not pilot.app.is_running:
            return
    raise AssertionError("the analysis never arrived")


@pytest.fixture
def wait_loaded() -> Callable:
    return loaded
