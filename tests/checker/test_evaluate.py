"""checker eval: loading, matching and reporting labelled cases (format: docs/eval-format.md)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from checker.evaluate import evaluate_folder, load_case, run_case, write_evaluation
from checker.errors import InputError
from checker.models import ConflictKind

CASES = Path(__file__).parents[1] / "data" / "cases"


def test_the_labelled_folder_is_balanced_and_varied() -> None:
    """Each case runs as its own test (tests/checker/compare/test_labelled_cases.py); this checks the set."""
    report = evaluate_folder(CASES)
    negatives = [r for r in report.cases if not r.case.expected]
    assert len(report.cases) >= 40
    assert len(negatives) * 2 >= len(report.cases)
    assert len({r.case.domain for r in report.cases}) >= 5


def test_evaluation_text_ends_with_the_figures() -> None:
    out = io.StringIO()
    write_evaluation(evaluate_folder(CASES), "text", out)
    last = out.getvalue().splitlines()[-1].split()
    assert "precision" in last and "recall" in last


def test_case_matching_counts_a_missed_conflict(tmp_path: Path) -> None:
    case = tmp_path / "c.toml"
    case.write_text(
        'description = "x"\n[documents]\n"a.txt" = "The sky is blue."\n[[expected]]\nkind = "numeric"\n', "utf-8"
    )
    result = run_case(load_case(case))
    assert [m.kind for m in result.missed] == [ConflictKind.NUMERIC]
    assert result.matched == []


def test_broken_case_names_the_file(tmp_path: Path) -> None:
    case = tmp_path / "broken.toml"
    case.write_text("documents = [", "utf-8")
    with pytest.raises(InputError, match="broken.toml"):
        load_case(case)
