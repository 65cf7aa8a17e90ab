"""Small factories for hand-built CheckResults: every report test states the conflicts it formats."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from types import SimpleNamespace

import pytest

from checker.models import CheckResult, Conflict, Decision, DocumentInfo, Evidence

HOSTILE = Path(__file__).parents[2] / "data" / "report" / "hostile_strings.jsonl"


def evidence(
    path: str = "reports/a.txt",
    text: str = "About 11,000 North Korean troops are in Kursk.",
    value: str = "11,000",
    *,
    start: int = 0,
    line: int = 1,
    column: int = 1,
    raw_length: int | None = None,
    **extra: object,
) -> Evidence:
    """Evidence whose raw span is ``text`` at ``start`` (or ``raw_length`` long, as for HTML), value found in it."""
    i = text.find(value) if value else -1
    value_start = start + max(i, 0)
    return Evidence(
        path=path,
        start=start,
        end=start + (len(text) if raw_length is None else raw_length),
        line=line,
        column=column,
        text=text,
        value=value,
        value_start=value_start,
        value_end=value_start + len(value),
        **extra,
    )


def conflict(
    id: str = "c1",
    kind: str = "numeric",
    severity: str = "high",
    *,
    message: str = "North Korean troops in Kursk: 11,000 vs 15,000",
    first: Evidence | None = None,
    second: Evidence | None = None,
    subject: str = "North Korean troops",
    attribute: str = "count",
) -> Conflict:
    first = first or evidence(source="Reuters")
    second = second or evidence(
        "reports/b.txt",
        "As many as 15,000 troops from North Korea are there.",
        "15,000",
        start=120,
        line=5,
        column=3,
        source="TASS",
    )
    return Conflict(
        id=id,
        kind=kind,
        severity=severity,
        subject=subject,
        attribute=attribute,
        message=message,
        evidence=(first, second),
    )


def result(
    *conflicts: Conflict, decisions: dict[str, tuple[str, str | None]] | None = None, documents: int = 2
) -> CheckResult:
    docs = [
        DocumentInfo(path="reports/a.txt", title="Troops in Kursk", source="Reuters", date=dt.date(2024, 11, 5)),
        DocumentInfo(path="reports/b.txt"),
        DocumentInfo(path="reports/c.html", title="Third"),
    ][:documents]
    return CheckResult(
        documents=docs,
        conflicts=list(conflicts),
        decisions={
            cid: Decision(id=cid, status=status, note=note) for cid, (status, note) in (decisions or {}).items()
        },
    )


def mixed() -> CheckResult:
    """One conflict of each review status and severity: pending high, confirmed medium, dismissed low."""
    return result(
        conflict("c-high", "numeric", "high"),
        conflict("c-medium", "location", "medium", message="Where the troops are: Kursk vs Donetsk"),
        conflict("c-low", "date", "low", message="When it was signed: 3 May vs 5 May"),
        decisions={
            "c-medium": ("confirmed", "Called both desks; figures differ."),
            "c-low": ("dismissed", "Same event"),
        },
    )


def _hostile_strings() -> list[dict[str, str]]:
    return [json.loads(line) for line in HOSTILE.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture
def make() -> SimpleNamespace:
    """The factories: ``make.evidence``, ``make.conflict``, ``make.result``, ``make.mixed``."""
    return SimpleNamespace(evidence=evidence, conflict=conflict, result=result, mixed=mixed)


@pytest.fixture(params=_hostile_strings(), ids=lambda case: case["name"])
def hostile(request: pytest.FixtureRequest) -> str:
    """Each string from tests/data/report/hostile_strings.jsonl: text a report may contain to attack a reader."""
    return request.param["text"]
