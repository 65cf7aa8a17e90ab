"""``checker eval``: precision and recall of the comparison on a labelled folder of cases.

A case is a TOML file holding a few short reports inline and the conflicts a careful reader expects among them
(docs/eval-format.md). Cases are parsed with the same ingest code as real files (by the document's name), so an
HTML case exercises the HTML reader too. A found conflict matches an expected one when the kind agrees, every
expected subject word occurs in the conflict's subject key, and the attribute (when given) agrees.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import TextIO

from pydantic import ValidationError

from checker.compare import find_conflicts
from checker.errors import InputError
from checker.extract import extract_document
from checker.ingest import parse_document
from checker.models import CaseResult, Conflict, EvalCase, EvalReport, ExpectedConflict
from checker.report._safe import safe_line


def load_case(path: Path) -> EvalCase:
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise InputError(str(path), f"not a readable TOML case: {exc}") from None
    try:
        return EvalCase(path=str(path), **data)
    except (ValidationError, TypeError) as exc:
        raise InputError(str(path), f"not a valid case: {exc}") from None


def _stem(word: str) -> str:
    word = word.lower()
    return word[:-1] if word.endswith("s") else word


def subject_word_matches(label: str, words: set[str]) -> bool:
    """A label word ("troops", "quake|earthquake") against a key's words, ignoring one trailing "s"."""
    from checker.extract.subjects import singular

    stems = {_stem(w) for w in words} | {singular(w) for w in words}
    return any(_stem(alt) in stems or singular(alt.lower()) in stems for alt in label.split("|"))


def _matches(expected: ExpectedConflict, conflict: Conflict, words: set[str]) -> bool:
    if expected.kind != conflict.kind:
        return False
    if expected.attribute and not (
        conflict.attribute == expected.attribute or conflict.attribute.startswith(expected.attribute + ":")
    ):
        return False
    if expected.paths:
        sides = {Path(e.path).name for e in conflict.evidence}
        if sides != {Path(p).name for p in expected.paths}:
            return False
    return all(subject_word_matches(w, words) for w in expected.subject)


def run_case(case: EvalCase) -> CaseResult:
    docs = [parse_document(name, text) for name, text in case.documents.items()]
    extracted = [extract_document(d) for d in docs]
    assertions = [a for d in extracted for a in d.assertions]
    found = find_conflicts(
        assertions,
        dates={d.path: d.date for d in docs},
        countries={d.path: d.countries for d in extracted},
        names={d.path: d.names for d in extracted},
        statements={d.path: d.statements for d in extracted},
    )
    # The words of both sides' subject keys, so that a label naming "troops" matches "north-korea troops".
    words_by_id: dict[str, set[str]] = {}
    for c in found:
        words = set()
        for a in assertions:
            if a.evidence.start in (c.evidence[0].start, c.evidence[1].start) and a.path in (
                c.evidence[0].path, c.evidence[1].path):
                words.update(a.subject_key.split())
        words.update(c.subject.lower().split())
        words_by_id[c.id] = words
    remaining = list(found)
    matched: list[tuple[ExpectedConflict, Conflict]] = []
    missed: list[ExpectedConflict] = []
    for exp in case.expected:
        hit = next((c for c in remaining if _matches(exp, c, words_by_id[c.id])), None)
        if hit is None:
            missed.append(exp)
        else:
            matched.append((exp, hit))
            remaining.remove(hit)
    # Extra conflicts of an expected kind about the same subject are duplicates of a labelled one, not errors.
    unexpected = [
        c for c in remaining if not any(_matches(e, c, words_by_id[c.id]) for e in (*case.expected, *case.allowed))
    ]
    return CaseResult(case=case, found=found, matched=matched, missed=missed, unexpected=unexpected)


def evaluate_folder(folder: Path) -> EvalReport:
    if not folder.is_dir():
        raise InputError(str(folder), "is not a folder of *.toml cases")
    files = sorted(folder.rglob("*.toml"))
    if not files:
        raise InputError(str(folder), "holds no *.toml cases")
    return EvalReport(cases=[run_case(load_case(f)) for f in files])


def write_evaluation(report: EvalReport, fmt: str, stream: TextIO, *, verbose: bool = False) -> None:
    if fmt == "json":
        json.dump(
            {
                "precision": report.precision,
                "recall": report.recall,
                "cases": [
                    {
                        "path": r.case.path,
                        "matched": len(r.matched),
                        "missed": [m.model_dump(mode="json") for m in r.missed],
                        "unexpected": [{"kind": c.kind.value, "message": c.message} for c in r.unexpected],
                    }
                    for r in report.cases
                ],
            },
            stream,
            indent=2,
        )
        stream.write("\n")
        return
    for r in report.cases:
        ok = not r.missed and not r.unexpected
        if ok and not verbose:
            continue
        stream.write(f"{'ok  ' if ok else 'FAIL'} {safe_line(str(r.case.path))}: {safe_line(r.case.description)}\n")
        for m in r.missed:
            stream.write(f"     missed {m.kind.value} {safe_line(' '.join(m.subject))} {safe_line(m.attribute or '')}\n")
        for c in r.unexpected:
            stream.write(f"     unexpected {c.kind.value}: {safe_line(c.message)}\n")
    n_expected = report.true_positives + sum(len(c.missed) for c in report.cases)
    n_found = report.true_positives + sum(len(c.unexpected) for c in report.cases)
    stream.write(
        f"{len(report.cases)} cases: precision {report.precision:.2f} ({report.true_positives}/{n_found}), "
        f"recall {report.recall:.2f} ({report.true_positives}/{n_expected})\n"
    )
