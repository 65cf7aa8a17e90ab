"""Comparison on the labelled cases: one test per case file in tests/data/cases, cases_fresh and cases_fresh2.

A case passes when every expected conflict is found and nothing unexpected is (format: docs/eval-format.md).
tests/data/cases holds the team's own cases; tests/data/cases_fresh holds cases written later in new domains
(sport, courts, weather, health, companies, elections, ...), half of them hard negatives: the same fact in other
words, a different scope, a change over time; tests/data/cases_fresh2 is a second such batch, written by someone who
had not seen the rules, kept back while the rules of one stop were changed and only then added here. Cases the tool gets wrong today are listed in
tests/data/known_failures/cases.txt and run as strict xfails: the list only shrinks.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.evaluate import load_case, run_case

DATA = Path(__file__).parents[2] / "data"
FOLDERS = ("cases", "cases_fresh", "cases_fresh2")
FILES = [f for folder in FOLDERS for f in sorted((DATA / folder).glob("*.toml"))]
KNOWN = {
    line.split("#")[0].strip()
    for line in (DATA / "known_failures" / "cases.txt").read_text("utf-8").splitlines()
    if line.strip() and not line.startswith("//")
}


def _id(path: Path) -> str:
    return f"{path.parent.name}/{path.stem}"


def test_known_failures_name_cases() -> None:
    assert KNOWN <= {_id(f) for f in FILES}


def test_fresh_cases_hold_hard_negatives_in_many_domains() -> None:
    for folder in FOLDERS[1:]:
        fresh = [load_case(f) for f in FILES if f.parent.name == folder]
        assert len({c.domain for c in fresh}) >= 6
        assert sum(1 for c in fresh if not c.expected) * 2 >= len(fresh)


@pytest.mark.parametrize(
    "path", [pytest.param(f, id=_id(f), marks=[pytest.mark.xfail(strict=True)] if _id(f) in KNOWN else []) for f in FILES]
)
def test_case(path: Path) -> None:
    result = run_case(load_case(path))
    assert ([e.kind for e in result.missed], [(c.kind, c.message) for c in result.unexpected]) == ([], [])
