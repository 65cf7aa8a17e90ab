"""SARIF 2.1.0 report, so conflicts show up in code-scanning views and SARIF-aware editors.

One run; one rule per conflict kind; one result per shown conflict, located at the first evidence sentence with
the second as a related location. Columns and character offsets count Unicode code points (Python string
indexes), which the run declares with ``columnKind``.

Review status: every reviewed conflict (baselined, confirmed; dismissed ones are listed only with ``show_all``)
carries an external suppression, status ``accepted``, with the analyst's note as justification, so code scanning
shows it as dismissed rather than as an open alert. Every result has a ``baselineState`` against the decisions
file, which is the baseline: ``unchanged`` when the conflict has a decision (it was seen and judged before),
``new`` otherwise. With ``show_all`` (``--show-reviewed``), decided conflicts that are no longer found are listed
as ``absent`` results (no location: only their id is known).
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any, TextIO
from urllib.parse import quote

import checker
from checker.models import CheckResult, ConflictKind, Evidence, Severity
from checker.store.decisions import ReviewStatus, review_status
from checker.report._common import KIND_HELP, Shown, absent_ids, end_position, shown
from checker.report.json import dumps

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
TOOL_NAME = "checker"
# Where a SARIF viewer sends a user who clicks the tool name; the project's documentation home.
INFORMATION_URI = "https://pypi.org/project/report-checker/"
FINGERPRINT_KEY = "checkerConflictId/v1"

LEVEL = {Severity.HIGH: "error", Severity.MEDIUM: "warning", Severity.LOW: "note"}
RULES = [kind.value for kind in ConflictKind]
_RULE_INDEX = {kind: i for i, kind in enumerate(RULES)}
_WINDOWS_DRIVE = re.compile(r"^[A-Za-z]:[\\/]")


def write(result: CheckResult, stream: TextIO, *, color: bool = False, show_all: bool = False) -> None:
    """Write the SARIF log (``color`` is accepted for a uniform signature and ignored)."""
    stream.write(dumps(to_sarif(result, show_all=show_all)))
    stream.write("\n")


def to_sarif(result: CheckResult, *, show_all: bool = False) -> dict[str, Any]:
    """The SARIF log as plain data."""
    return {
        "$schema": SARIF_SCHEMA_URI,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": TOOL_NAME,
                        "version": checker.__version__,
                        "informationUri": INFORMATION_URI,
                        "rules": [rule(kind) for kind in RULES],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [sarif_result(item) for item in shown(result, show_all)]
                + ([absent_result(cid, result) for cid in absent_ids(result)] if show_all else []),
            }
        ],
    }


def rule(kind: str) -> dict[str, Any]:
    short, full = KIND_HELP[kind]
    return {
        "id": kind,
        "name": f"{kind.capitalize()}Conflict",
        "shortDescription": {"text": short},
        "fullDescription": {"text": full},
        "help": {
            "text": f"{full} Read both passages and decide which report is right, or confirm or dismiss "
            "the conflict in the review file."
        },
    }


def sarif_result(item: Shown) -> dict[str, Any]:
    c = item.conflict
    first, second = c.evidence
    properties: dict[str, Any] = {
        "severity": c.severity.value,
        "subject": c.subject,
        "attribute": c.attribute,
        "status": item.review.value,
    }
    if item.note is not None:
        properties["note"] = item.note
    out: dict[str, Any] = {
        "ruleId": c.kind.value,
        "ruleIndex": _RULE_INDEX[c.kind.value],
        "level": LEVEL[c.severity],
        "message": {"text": c.message},
        "locations": [location(first)],
        "relatedLocations": [location(second, id_=1, message=_side_message(second))],
        "partialFingerprints": {FINGERPRINT_KEY: c.id},
        "baselineState": "new" if item.review is ReviewStatus.NEW else "unchanged",
        "properties": properties,
    }
    if item.review.reviewed:
        out["suppressions"] = [suppression(item.review, item.note)]
    return out


def suppression(review: ReviewStatus, note: str | None) -> dict[str, Any]:
    """An external suppression for a reviewed conflict; the note (else the status) is the justification."""
    return {"kind": "external", "status": "accepted", "justification": note or review.value}


def absent_result(conflict_id: str, result: CheckResult) -> dict[str, Any]:
    """A decided conflict that is no longer found: its id, status and note, ``baselineState`` ``absent``."""
    decision = result.decisions[conflict_id]
    review = review_status(decision)
    return {
        "message": {"text": f"Conflict {conflict_id} ({review.value}) is no longer found in the reports."},
        "kind": "pass",
        "level": "none",
        "partialFingerprints": {FINGERPRINT_KEY: conflict_id},
        "baselineState": "absent",
        "suppressions": [suppression(review, decision.note)] if review.reviewed else [],
        "properties": {"status": review.value, **({"note": decision.note} if decision.note is not None else {})},
    }


def location(ev: Evidence, *, id_: int | None = None, message: str | None = None) -> dict[str, Any]:
    """A SARIF location for an evidence sentence: exact char offsets, line/column, and the sentence as snippet."""
    region: dict[str, Any] = {"startLine": ev.line, "startColumn": ev.column}
    end = end_position(ev)
    if end is not None:
        region["endLine"], region["endColumn"] = end
    region["charOffset"] = ev.start
    region["charLength"] = max(ev.end - ev.start, 0)
    region["snippet"] = {"text": ev.text}
    loc: dict[str, Any] = {}
    if id_ is not None:
        loc["id"] = id_
    loc["physicalLocation"] = {"artifactLocation": {"uri": artifact_uri(ev.path)}, "region": region}
    if message is not None:
        loc["message"] = {"text": message}
    return loc


def _side_message(ev: Evidence) -> str:
    who = ev.source or ev.path
    return f"{who}: {ev.value}" if ev.value else who


def artifact_uri(path: str) -> str:
    """A URI reference for a report path: relative paths stay relative (forward slashes, percent-encoded).

    Absolute paths become ``file://`` URIs, since a bare absolute Windows path is not a URI. Undecodable bytes
    kept by surrogateescape are encoded back to the bytes they stood for.
    """
    if _WINDOWS_DRIVE.match(path):
        return PureWindowsPath(path).as_uri()
    posix = path.replace("\\", "/")
    if posix.startswith("/"):
        return "file://" + _quote(str(PurePosixPath(posix)))
    return _quote(posix)


def _quote(path: str) -> str:
    return quote(path, safe="/", errors="surrogateescape")
