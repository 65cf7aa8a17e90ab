"""What every report writer shares: which conflicts to show, their review status, and safe text.

The writers only *format* a ``CheckResult``; deciding which conflicts exist is the comparison's job and deciding
what an analyst thinks of them is the decisions store's. This module holds the few rules the writers must apply
alike, so that ``--format text`` and ``--format json`` never disagree about what was hidden or what counts as new.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from checker.report._safe import safe_line, safe_text
from checker.store.decisions import ReviewStatus, review_status
from checker.models import CheckResult, Conflict, Decision, DecisionStatus, Evidence, Severity


# One line on what each conflict kind means; SARIF rules and the docs show it, so it is said once here.
KIND_HELP: dict[str, tuple[str, str]] = {
    "numeric": (
        "Reports give numbers that cannot both be true.",
        "Two reports state a quantity for the same subject and attribute (after unit conversion and allowing "
        "for approximations such as 'about' or 'more than') whose ranges do not overlap.",
    ),
    "location": (
        "Reports place the same subject in places that exclude each other.",
        "Two reports locate the same subject in places where neither contains the other (a region inside a "
        "country is agreement, not conflict).",
    ),
    "date": (
        "Reports give dates for the same event that do not overlap.",
        "Two reports date the same event with day ranges that do not overlap, after resolving relative dates "
        "against each report's own date.",
    ),
    "polarity": (
        "One report says something happened, another says it did not.",
        "Two reports make the same claim with opposite polarity (affirmed versus negated).",
    ),
    "unverified": (
        "A claim one report asserts is hedged, unconfirmed or denied elsewhere.",
        "One report states a claim as fact while another reports it as unconfirmed, hedged, or refuses to confirm it.",
    ),
    "change": (
        "A value changed between revisions or over time.",
        "The same subject and attribute has a different value in a later report or revision; this may be an "
        "update rather than an error.",
    ),
    "name": (
        "Reports tell the same sentence with a different person or organisation in it.",
        "Two reports say the same thing in nearly the same words, but name different people or bodies in one place "
        "(who scored, who was charged, who said it).",
    ),
}


def escape_unsafe(text: str) -> str:
    """Untrusted text, newlines kept, made safe to print (the one rule: ``checker.report._safe.safe_text``)."""
    return safe_text(text)


def one_line(text: str) -> str:
    """Untrusted text made safe on one line (``checker.report._safe.safe_line``)."""
    return safe_line(text)


def status_of(result: CheckResult, conflict: Conflict) -> tuple[DecisionStatus, str | None]:
    """The stored decision status and note of a conflict; no decision on file means pending ("new")."""
    decision: Decision | None = result.decisions.get(conflict.id)
    if decision is None:
        return DecisionStatus.PENDING, None
    return decision.status, decision.note


@dataclass(frozen=True, slots=True)
class Shown:
    """A conflict as a writer shows it: the conflict, its stored decision status, note and review status (the
    one vocabulary every format prints: new, baselined, confirmed, dismissed)."""

    conflict: Conflict
    status: DecisionStatus
    note: str | None
    review: ReviewStatus = ReviewStatus.NEW


def shown(result: CheckResult, show_all: bool) -> Iterator[Shown]:
    """The conflicts to report, in the order the comparison gave them; dismissed ones only with ``show_all``."""
    for conflict in result.conflicts:
        status, note = status_of(result, conflict)
        if status is DecisionStatus.DISMISSED and not show_all:
            continue
        yield Shown(conflict, status, note, review_status(result.decisions.get(conflict.id)))


def absent_ids(result: CheckResult) -> list[str]:
    """Decided conflict ids the result's decisions hold but no current conflict has (SARIF ``absent``)."""
    present = {c.id for c in result.conflicts}
    return sorted(cid for cid in result.decisions if cid not in present)


def hidden_count(result: CheckResult, show_all: bool) -> int:
    """How many dismissed conflicts were left out, so a summary can say that something was hidden."""
    if show_all:
        return 0
    return sum(1 for c in result.conflicts if status_of(result, c)[0] is DecisionStatus.DISMISSED)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def summary_line(result: CheckResult, items: list[Shown], hidden: int) -> str:
    """``N conflicts (x high, y medium, z low) in M documents; k new`` or ``No conflicts in M documents.``"""
    docs = _plural(len(result.documents), "document")
    tail = f"; {hidden} dismissed not shown" if hidden else ""
    if not items:
        return f"No conflicts in {docs}{tail}."
    by_severity = {s: 0 for s in Severity}
    for item in items:
        by_severity[item.conflict.severity] += 1
    by_status = {s: 0 for s in ReviewStatus}
    for item in items:
        by_status[item.review] += 1
    counts = ", ".join(f"{by_severity[s]} {s.value}" for s in (Severity.HIGH, Severity.MEDIUM, Severity.LOW))
    statuses = ", ".join(f"{n} {s.value}" for s, n in by_status.items() if n or s is ReviewStatus.NEW)
    return f"{_plural(len(items), 'conflict')} ({counts}) in {docs}; {statuses}{tail}"


def raw_text_matches(evidence: Evidence) -> bool:
    """Whether ``evidence.text`` is exactly the raw file between ``start`` and ``end``.

    True for plain text and Markdown; for HTML the analysed text dropped tags, so positions inside it cannot be
    derived from raw offsets by subtraction and the writers fall back to what they can state exactly.
    """
    return len(evidence.text) == evidence.end - evidence.start


def end_position(evidence: Evidence) -> tuple[int, int] | None:
    """1-based line and exclusive end column of the evidence span, when they follow from its text exactly."""
    if not raw_text_matches(evidence):
        return None
    text = evidence.text
    newlines = text.count("\n")
    if newlines == 0:
        return evidence.line, evidence.column + len(text)
    return evidence.line + newlines, len(text) - text.rfind("\n")


def split_on_value(evidence: Evidence) -> tuple[str, str, str] | None:
    """The evidence sentence cut as (before, value words, after), or ``None`` if the value cannot be placed.

    The raw offsets are trusted when the sentence is the raw text (or they point at the value's words); otherwise
    the first occurrence of the value's words in the sentence is used.
    """
    text, value = evidence.text, evidence.value
    rel = evidence.value_start - evidence.start
    length = evidence.value_end - evidence.value_start
    in_range = rel >= 0 and length > 0 and rel + length <= len(text)
    if in_range and (text[rel : rel + length] == value or raw_text_matches(evidence)):
        return text[:rel], text[rel : rel + length], text[rel + length :]
    if value:
        i = text.find(value)
        if i >= 0:
            return text[:i], value, text[i + len(value) :]
    return None
