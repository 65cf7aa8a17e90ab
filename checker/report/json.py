"""Machine-readable report, version 1: the contract documented in ``docs/json-schema.md``.

The shape is fixed (key order included) and described by ``schema/check-v1.schema.json``, shipped with the
package so consumers and our tests validate against the same file. Any change that removes or retypes a field
needs a new ``version``; adding optional fields does not.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any, TextIO

from checker.models import CheckResult, DocumentInfo, Evidence
from checker.report._common import Shown, shown
from checker.report._safe import json_escape_raw

VERSION = 1
SCHEMA_RESOURCE = "check-v1.schema.json"


def write(result: CheckResult, stream: TextIO, *, color: bool = False, show_all: bool = False) -> None:
    """Write the result as indented JSON (``color`` is accepted for a uniform signature and ignored)."""
    stream.write(dumps(to_dict(result, show_all=show_all)))
    stream.write("\n")


def dumps(data: Any) -> str:
    """Indented UTF-8-friendly JSON in which nothing but printable text and newlines between keys appears."""
    text = json.dumps(data, indent=2, ensure_ascii=False)
    return json_escape_raw(text)


def to_dict(result: CheckResult, *, show_all: bool = False) -> dict[str, Any]:
    """The version-1 document as plain data, in contract key order."""
    return {
        "version": VERSION,
        "documents": [document_dict(doc) for doc in result.documents],
        "conflicts": [conflict_dict(item) for item in shown(result, show_all)],
    }


def document_dict(doc: DocumentInfo) -> dict[str, Any]:
    return {
        "path": doc.path,
        "title": doc.title,
        "date": doc.date.isoformat() if doc.date else None,
        "source": doc.source,
    }


def conflict_dict(item: Shown) -> dict[str, Any]:
    c = item.conflict
    return {
        "id": c.id,
        "kind": c.kind.value,
        "severity": c.severity.value,
        "subject": c.subject,
        "attribute": c.attribute,
        "message": c.message,
        "status": item.review.value,
        "note": item.note,
        "alignment": {"score": c.alignment.score, "matched": list(c.alignment.matched)} if c.alignment else None,
        "evidence": [evidence_dict(ev) for ev in c.evidence],
    }


def evidence_dict(ev: Evidence) -> dict[str, Any]:
    return {
        "path": ev.path,
        "start": ev.start,
        "end": ev.end,
        "line": ev.line,
        "column": ev.column,
        "text": ev.text,
        "value": ev.value,
        "value_start": ev.value_start,
        "value_end": ev.value_end,
        "source": ev.source,
        "polarity": ev.polarity.value,
        "modality": ev.modality.value,
    }


@cache
def schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the version-1 output, read once from the package."""
    text = resources.files("checker.report").joinpath("schema", SCHEMA_RESOURCE).read_text(encoding="utf-8")
    return json.loads(text)
