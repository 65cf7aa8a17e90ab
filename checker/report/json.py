"""Machine-readable report, version 1: the contract documented in ``docs/json-schema.md``.

The shape is fixed (key order included) and described by ``schema/check-v1.schema.json``, shipped with the
package so consumers and our tests validate against the same file. Any change that removes or retypes a field
needs a new ``version``; adding optional fields does not.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from importlib import resources
from json.encoder import c_make_encoder, encode_basestring  # type: ignore[attr-defined]  # C, when built
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
    """Indented UTF-8-friendly JSON in which nothing but printable text and newlines between keys appears.

    Byte for byte ``json_escape_raw(json.dumps(data, indent=2, ensure_ascii=False))``, three to four times as
    fast: the standard library uses its C encoder only without ``indent``; with it, every value goes through a
    chain of Python generators, and the escaping pass then scans the whole text again. Here a container of
    scalars (every document, every evidence) is one call of the C encoder with ",\n" and the indentation as its
    item separator, which is the indented layout once the brackets get their line breaks; other containers are
    laid out by one recursive function appending to a list, their strings encoded by the C function the stdlib
    uses (``encode_basestring``). A piece is escaped only when it holds anything but ASCII, DEL or ``##`` (what
    ``json_escape_raw`` acts on; it only ever matches inside strings). ``benchmarks/bench_json.py``
    measures it against ``indent=2`` and orjson. Plain JSON data only (dicts with string keys, lists, tuples,
    str, int, float, bool, None), which is all ``to_dict`` makes; anything else is a TypeError.
    """
    out: list[str] = []
    _emit(data, out, "\n")
    return "".join(out)


def _string(value: str) -> str:
    text = encode_basestring(value)
    if value.isascii() and "\x7f" not in value and "##" not in value:
        return text
    return json_escape_raw(text)


def _float(value: float) -> str:
    if value != value:
        return "NaN"
    if value == _INFINITY:
        return "Infinity"
    if value == -_INFINITY:
        return "-Infinity"
    return float.__repr__(value)


_INFINITY = float("inf")
_SCALARS: dict[type, Callable[[Any], str]] = {
    str: _string,
    int: int.__repr__,
    float: _float,
    bool: lambda value: "true" if value else "false",
    type(None): lambda value: "null",
}


_FLAT = frozenset({str, int, float, bool, type(None)})
# One C-encoder per indentation depth, for containers of scalars only (most of the output: every document, every
# evidence): with ",\n" plus the indentation between items, its output is the indent=2 layout once the brackets
# get their line breaks.
_ENCODERS: dict[str, Callable[[Any], str]] = {}


def _flat_encoder(inner: str) -> Callable[[Any], str]:
    encoder = _ENCODERS.get(inner)
    if encoder is None:
        if c_make_encoder is not None:  # made once: ``JSONEncoder.encode`` builds it again on every call
            make = c_make_encoder(None, _no_default, encode_basestring, None, ": ", "," + inner, False, False, True)
            encoder = lambda value: "".join(make(value, 0))  # noqa: E731
        else:
            encoder = json.JSONEncoder(ensure_ascii=False, separators=("," + inner, ": ")).encode
        _ENCODERS[inner] = encoder
    return encoder


def _no_default(value: Any) -> Any:
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def _safe(chunk: str) -> str:
    """``chunk`` through ``json_escape_raw`` when it holds anything that can act on (what it matches is only ever
    inside strings, so escaping a piece of the document is escaping the document)."""
    if chunk.isascii() and "\x7f" not in chunk and "##" not in chunk:
        return chunk
    return json_escape_raw(chunk)


def _emit(value: Any, out: list[str], newline: str) -> None:
    scalar = _SCALARS.get(type(value))
    if scalar is not None:
        out.append(scalar(value))
        return
    inner = newline + "  "
    if isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        if all(type(item) in _FLAT for item in value.values()) and all(type(key) is str for key in value):
            body = _flat_encoder(inner)(value)
            out.append("{" + inner + _safe(body[1:-1]) + newline + "}")
            return
        opener = "{" + inner
        between = "," + inner
        for key, item in value.items():
            if type(key) is not str:
                raise TypeError(f"keys must be str, not {type(key).__name__}")
            out.append(opener + _string(key) + ": ")
            opener = between
            scalar = _SCALARS.get(type(item))
            if scalar is not None:
                out.append(scalar(item))
            else:
                _emit(item, out, inner)
        out.append(newline + "}")
    elif isinstance(value, (list, tuple)):
        if not value:
            out.append("[]")
            return
        if all(type(item) in _FLAT for item in value):
            body = _flat_encoder(inner)(value)
            out.append("[" + inner + _safe(body[1:-1]) + newline + "]")
            return
        opener = "[" + inner
        between = "," + inner
        for item in value:
            out.append(opener)
            opener = between
            scalar = _SCALARS.get(type(item))
            if scalar is not None:
                out.append(scalar(item))
            else:
                _emit(item, out, inner)
        out.append(newline + "]")
    else:
        raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


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
