"""Helpers shared by the verify tests: inline drafts and sources, verified in memory or through the CLI."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.extract import extract_document
from checker.models import ClaimStatus, ClaimVerdict, Document
from checker.verify import verify_claims

DAY = dt.date(2025, 3, 14)


def run_verify(draft: str, *sources: str, date: dt.date | None = DAY) -> list[ClaimVerdict]:
    """Verdicts of the claims of ``draft`` against ``sources`` (all dated ``date``)."""
    drafted = extract_document(Document(path="draft.txt", raw=draft, text=draft, date=date))
    draft_claims = drafted.assertions
    docs = [Document(path=f"source{i}.txt", raw=s, text=s, date=date) for i, s in enumerate(sources)]
    extracted = [extract_document(doc) for doc in docs]
    source_claims = [a for found in extracted for a in found.assertions]
    dates = {"draft.txt": date, **{doc.path: date for doc in docs}}
    return verify_claims(draft_claims, source_claims, dates=dates, documents=docs,
                         statements={found.path: found.statements for found in extracted},
                         draft_statements={drafted.path: drafted.statements})


def verdict_for(verdicts: list[ClaimVerdict], value: str, attribute: str | None = None) -> ClaimVerdict:
    """The verdict of the claim whose value words in the draft are ``value`` (and whose attribute starts with
    ``attribute``, when given); fails when there is none, so a lost extraction cannot pass silently."""
    found = [v for v in verdicts if v.evidence.value == value
             and (attribute is None or v.attribute.split(":")[0] == attribute)]
    assert found, f"no draft claim with value {value!r} ({attribute}); got " + ", ".join(
        f"{v.evidence.value!r}/{v.attribute}" for v in verdicts)
    return found[0]


def statuses(verdicts: list[ClaimVerdict]) -> set[ClaimStatus]:
    return {v.status for v in verdicts}


@pytest.fixture
def verify():
    return run_verify
