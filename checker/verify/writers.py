"""Verify reports: text, JSON (version 1, ``checker/data/verify-v1.schema.json``), SARIF and GitHub
annotations, all located on the draft's lines. The writers only format a ``VerifyReport``; the escaping and SARIF
location helpers are the check writers', reused read-only.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any, Callable, TextIO

import checker
from checker.errors import ConfigError
from checker.models import ClaimStatus, ClaimVerdict, Evidence, VerifyReport
from checker.report._common import end_position, escape_unsafe, one_line, split_on_value
from checker.report.github import escape_data, escape_property
from checker.report.json import document_dict, dumps, evidence_dict
from checker.report.sarif import INFORMATION_URI, SARIF_SCHEMA_URI, SARIF_VERSION, TOOL_NAME, location

VERSION = 1
SCHEMA_RESOURCE = "verify-v1.schema.json"  # in checker/data/

# What each status means, said once: the text legend, SARIF rules and docs/verify.md agree with it.
STATUS_HELP: dict[str, str] = {
    "supported": "A source says the same (within rounding, hedges, and a place or date that contains it).",
    "contradicted": "A source makes the same claim with a value that cannot be true with the draft's.",
    "unsupported": "No source says this: an invented or unsourced figure, place, date or event.",
    "unchecked": "Nothing checkable: a question or a refusal to confirm.",
}
_ORDER = (ClaimStatus.SUPPORTED, ClaimStatus.CONTRADICTED, ClaimStatus.UNSUPPORTED)
_FAILING = (ClaimStatus.CONTRADICTED, ClaimStatus.UNSUPPORTED)


def summary_line(report: VerifyReport) -> str:
    """``N supported, N contradicted, N unsupported`` (and unchecked when any) in M drafts against K sources."""
    parts = [f"{report.count(s)} {s.value}" for s in _ORDER]
    unchecked = report.count(ClaimStatus.UNCHECKED)
    if unchecked:
        parts.append(f"{unchecked} unchecked")
    accepted = sum(1 for c in report.claims if c.status in _FAILING and report.decision(c) is not None)
    if accepted:
        parts.append(f"{accepted} accepted by a reviewer")
    drafts = len(report.drafts)
    sources = len(report.sources)
    return (f"{', '.join(parts)} ({len(report.claims)} claims in {drafts} draft{'s' * (drafts != 1)}, "
            f"against {sources} source{'s' * (sources != 1)})")


# ----------------------------------------------------------------------------------------------------- text


def write_text(report: VerifyReport, stream: TextIO, *, color: bool = False) -> None:
    """Each draft claim with its status, where it stands in the draft, and the source passage behind it."""
    from rich.text import Text

    from checker.report.text import make_console

    console = make_console(stream, color)
    style = {"supported": "green", "contradicted": "bold red", "unsupported": "yellow", "unchecked": "dim"}
    for claim in report.claims:
        ev = claim.evidence
        head = Text(f"{ev.path}:{ev.line}:{ev.column}: ")
        head.append(claim.status.value.upper(), style=style[claim.status.value])
        detail = f" {_what(claim)}: {one_line(ev.value)}"
        if claim.kind is not None:
            detail += f" ({claim.kind.value} conflict)"
        if claim.score is not None:
            detail += f" score {claim.score:.2f}"
        head.append(detail)
        decision = report.decision(claim)
        if decision is not None:
            head.append(f"; accepted{': ' + one_line(decision.note) if decision.note else ''}", style="magenta")
        head.append(f"  id {claim.id}", style="dim")
        console.print(head)
        console.print(_passage("  draft ", ev))
        for src in claim.sources:
            console.print(_passage("  source", src))
    console.print(Text(summary_line(report), style="bold"))


def _passage(label: str, ev: Evidence):
    from rich.text import Text

    out = Text(f"{label} {ev.path}:{ev.line}:{ev.column}: ")
    parts = split_on_value(ev)
    if parts is None:
        out.append(f'"{one_line(ev.text)}"')
    else:
        before, value, after = (escape_unsafe(p.replace("\n", " ")) for p in parts)
        out.append('"' + before)
        out.append(f"[[{value}]]", style="bold")
        out.append(after + '"')
    return out


# ----------------------------------------------------------------------------------------------------- json


def write_json(report: VerifyReport, stream: TextIO, *, color: bool = False) -> None:
    stream.write(dumps(to_dict(report)))
    stream.write("\n")


def to_dict(report: VerifyReport) -> dict[str, Any]:
    """The version-1 document as plain data, in contract key order (docs/verify.md)."""
    return {
        "version": VERSION,
        "drafts": [document_dict(d) for d in report.drafts],
        "sources": [document_dict(d) for d in report.sources],
        "summary": {s.value: report.count(s) for s in ClaimStatus},
        "claims": [claim_dict(c, report) for c in report.claims],
    }


def claim_dict(c: ClaimVerdict, report: VerifyReport | None = None) -> dict[str, Any]:
    decision = report.decision(c) if report is not None else None
    return {
        "id": c.id,
        "status": c.status.value,
        "accepted": decision is not None,
        "note": decision.note if decision is not None else None,
        "subject": c.subject,
        "attribute": c.attribute,
        "kind": c.kind.value if c.kind is not None else None,
        "score": c.score,
        "rule": c.rule,
        "message": c.message,
        "evidence": evidence_dict(c.evidence),
        "sources": [evidence_dict(s) for s in c.sources],
    }


@cache
def schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the version-1 verify output, read once from the package."""
    return json.loads(resources.files("checker.data").joinpath(SCHEMA_RESOURCE).read_text(encoding="utf-8"))


# ----------------------------------------------------------------------------------------------------- sarif

_LEVEL = {ClaimStatus.CONTRADICTED: "error", ClaimStatus.UNSUPPORTED: "warning"}
_RULES = [s.value for s in _FAILING]


def write_sarif(report: VerifyReport, stream: TextIO, *, color: bool = False) -> None:
    stream.write(dumps(to_sarif(report)))
    stream.write("\n")


def to_sarif(report: VerifyReport) -> dict[str, Any]:
    """One result per contradicted or unsupported claim, located on the draft's sentence; the source passages
    are related locations."""
    rules = [{
        "id": status,
        "name": f"{status.capitalize()}Claim",
        "shortDescription": {"text": STATUS_HELP[status]},
        "fullDescription": {"text": STATUS_HELP[status]},
        "help": {"text": f"{STATUS_HELP[status]} Check the draft's claim against the source passages."},
    } for status in _RULES]
    results = []
    for claim in report.claims:
        if claim.status not in _LEVEL:
            continue
        related = [location(src, id_=i, message=f"{src.path}: {src.value}") for i, src in enumerate(claim.sources, 1)]
        result: dict[str, Any] = {
            "ruleId": claim.status.value,
            "ruleIndex": _RULES.index(claim.status.value),
            "level": _LEVEL[claim.status],
            "message": {"text": _message(claim)},
            "locations": [location(claim.evidence)],
            "properties": {"subject": claim.subject, "attribute": claim.attribute, "rule": claim.rule,
                           **({"kind": claim.kind.value} if claim.kind else {}),
                           **({"score": claim.score} if claim.score is not None else {})},
        }
        if related:
            result["relatedLocations"] = related
        result["partialFingerprints"] = {"checkerClaimId/v1": claim.id}
        decision = report.decision(claim)
        if decision is not None:
            suppression: dict[str, Any] = {"kind": "external", "status": "accepted"}
            if decision.note:
                suppression["justification"] = decision.note
            result["suppressions"] = [suppression]
        results.append(result)
    return {
        "$schema": SARIF_SCHEMA_URI,
        "version": SARIF_VERSION,
        "runs": [{
            "tool": {"driver": {"name": TOOL_NAME, "version": checker.__version__, "informationUri": INFORMATION_URI,
                                "rules": rules}},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }


def _message(claim: ClaimVerdict) -> str:
    what = f"{_what(claim)}: {claim.evidence.value}"
    if claim.status is ClaimStatus.CONTRADICTED:
        return f"contradicted by a source ({claim.kind.value if claim.kind else 'conflict'}): {what}. {claim.message}"
    return f"{claim.status.value}: {what}. {claim.message}"


# ----------------------------------------------------------------------------------------------------- github

_COMMAND = {ClaimStatus.CONTRADICTED: "error", ClaimStatus.UNSUPPORTED: "warning"}


def write_github(report: VerifyReport, stream: TextIO, *, color: bool = False) -> None:
    """One workflow command per contradicted or unsupported claim not accepted by a reviewer, on the draft's line."""
    for claim in report.claims:
        if claim.status in _COMMAND and report.decision(claim) is None:
            stream.write(github_command(claim))
            stream.write("\n")


def github_command(claim: ClaimVerdict) -> str:
    ev = claim.evidence
    props = [("file", ev.path), ("line", str(ev.line))]
    end = end_position(ev)
    if end is None or end[0] == ev.line:
        props.append(("col", str(ev.column)))
    if end is not None:
        props.append(("endLine", str(end[0])))
        if end[0] == ev.line:
            props.append(("endColumn", str(end[1])))
    props.append(("title", f"{claim.status.value} claim: {_what(claim)}"))
    lines = [_message(claim)]
    lines += [f'{s.path}:{s.line}:{s.column}: "{one_line(s.text)}"' for s in claim.sources]
    lines.append(f"claim id: {claim.id} (accept it: checker decide {claim.id} --confirm --note ...)")
    rendered = ",".join(f"{k}={escape_property(v)}" for k, v in props)
    return f"::{_COMMAND[claim.status]} {rendered}::{escape_data(chr(10).join(lines))}"


# ----------------------------------------------------------------------------------------------------- dispatch

FORMATS: dict[str, Callable[..., None]] = {
    "text": write_text,
    "json": write_json,
    "sarif": write_sarif,
    "github": write_github,
}


def write_verify(report: VerifyReport, fmt: str, stream: TextIO, *, color: bool = False) -> None:
    try:
        writer = FORMATS[fmt]
    except KeyError:
        raise ConfigError(f"unknown output format {fmt!r}; choose one of: {', '.join(FORMATS)}") from None
    writer(report, stream, color=color)


def _what(claim: ClaimVerdict) -> str:
    """What a claim is about, for people: "subject / attribute", or the attribute alone for a draft sentence
    checked as a whole (it has no subject)."""
    return f"{one_line(claim.subject)} / {claim.attribute}" if claim.subject else claim.attribute
