"""The fuzz harness: reports as bytes -> ingest -> extract -> compare -> every writer, with the invariants checked.

Shared by the property-based tests beside it (``test_fuzz_pipeline.py``), the hostile-corpus test and the long
run in ``scripts/fuzz.py``. An invariant that does not hold raises ``InvariantError`` naming it; ``CheckerError``
from ingest (a binary or undecodable report) is an allowed outcome, any other exception is not.

Invariants, for every input:
- ingest, extraction, comparison and every writer finish without an exception other than ``CheckerError``;
- every output encodes as UTF-8; JSON and SARIF parse as JSON, JUnit as XML, ``extract --format json`` as JSON;
- no output holds a raw control character other than newline and tab (so no ESC/OSC sequence reaches a terminal);
- each line of GitHub output is one workflow command (starts with "::"), so report text cannot start another.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass

from checker.compare import find_conflicts
from checker.errors import CheckerError
from checker.extract import extract_document
from checker.ingest import decode, parse_document
from checker.models import CheckResult, Document, DocumentAssertions, DocumentInfo
from checker.report import FORMATS
from checker.report.assertions import write_assertions

# C0 controls but newline and tab, DEL, and C1 controls: never raw in output meant for people or parsers.
_RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


class InvariantError(AssertionError):
    """An invariant of the pipeline that an input broke; ``invariant`` names it."""

    def __init__(self, invariant: str, detail: str) -> None:
        super().__init__(f"{invariant}: {detail}")
        self.invariant = invariant


@dataclass
class Outcome:
    documents: int = 0
    refused: int = 0  # reports ingest refused with a CheckerError (binary, undecodable): an allowed outcome
    assertions: int = 0
    conflicts: int = 0


def _ingest(path: str, data: bytes, reference: dt.date | None, outcome: Outcome) -> Document | None:
    try:
        raw = decode(path, data)
    except CheckerError:
        outcome.refused += 1
        return None
    if not raw.strip():
        return None
    doc = parse_document(path, raw, reference_date=reference)
    return doc if doc.text.strip() else None


def _check_output(fmt: str, text: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InvariantError("output encodes as UTF-8", f"{fmt}: {exc}") from None
    bad = _RAW_CONTROL.search(text)
    if bad:
        raise InvariantError("no raw control characters", f"{fmt}: {bad.group()!r} at {bad.start()}")
    if fmt in ("json", "sarif", "extract-json"):
        try:
            json.loads(text)
        except ValueError as exc:
            raise InvariantError("output parses", f"{fmt}: {exc}") from None
    elif fmt == "junit":
        try:
            ET.fromstring(text)
        except ET.ParseError as exc:
            raise InvariantError("output parses", f"{fmt}: {exc}") from None
    elif fmt == "github":
        for line in text.splitlines():
            if line and not line.startswith("::"):
                raise InvariantError("one command per GitHub line", f"line {line[:80]!r}")


# Writers whose output does not keep the invariants yet: the property tests leave them out, the long fuzz run
# (scripts/fuzz.py) checks them and counts their findings as known. None at present.
KNOWN_FAILING_WRITERS: frozenset[str] = frozenset()


def run(
    files: Sequence[tuple[str, bytes]], reference: dt.date | None = None, *, skip: frozenset[str] = frozenset()
) -> Outcome:
    """Put ``files`` (path, bytes) through the whole pipeline in memory and check every invariant (writers named
    in ``skip`` are not checked)."""
    outcome = Outcome()
    documents = [d for path, data in files if (d := _ingest(path, data, reference, outcome)) is not None]
    extracted: list[DocumentAssertions] = [extract_document(d) for d in documents]
    assertions = [a for r in extracted for a in r.assertions]
    dates = {d.path: d.date for d in documents}
    conflicts = find_conflicts(
        assertions,
        dates=dates,
        countries={r.path: r.countries for r in extracted},
        names={r.path: r.names for r in extracted},
    )
    result = CheckResult(documents=[_info(d) for d in documents], conflicts=conflicts)
    check_writers(result, extracted, skip=skip)
    outcome.documents = len(documents)
    outcome.assertions = len(assertions)
    outcome.conflicts = len(conflicts)
    return outcome


def check_writers(
    result: CheckResult, extracted: Sequence[DocumentAssertions], *, skip: frozenset[str] = frozenset()
) -> None:
    """Write ``result`` in every format (and ``extracted`` as ``extract --format json``) and check the output."""
    for fmt, writer in FORMATS.items():
        if fmt in skip:
            continue
        stream = io.StringIO()
        writer(result, stream)
        _check_output(fmt, stream.getvalue())
    if "extract-json" not in skip:
        stream = io.StringIO()
        write_assertions(extracted, "json", stream)
        _check_output("extract-json", stream.getvalue())


def _info(doc: Document) -> DocumentInfo:
    return DocumentInfo(path=doc.path, title=doc.title, source=doc.source, date=doc.date)
