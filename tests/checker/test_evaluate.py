"""The comparison measured on the labelled cases in tests/data/cases (format: docs/eval-format.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.evaluate import evaluate_folder, load_case, run_case, write_evaluation
from checker.errors import InputError
from checker.models import ConflictKind

CASES = Path(__file__).parents[1] / "data" / "cases"
MIN_PRECISION = 0.90
MIN_RECALL = 0.80


def test_labelled_cases_precision_and_recall(capsys: pytest.CaptureFixture[str]) -> None:
    report = evaluate_folder(CASES)
    import io

    out = io.StringIO()
    write_evaluation(report, "text", out)
    summary = out.getvalue().splitlines()[-1]
    with capsys.disabled():  # the measured numbers, one line; the per-case list only in a failure's message
        print("\n" + summary)
    negatives = [r for r in report.cases if not r.case.expected]
    assert len(report.cases) >= 40
    assert len(negatives) * 2 >= len(report.cases)
    assert len({r.case.domain for r in report.cases}) >= 5
    assert report.precision >= MIN_PRECISION, out.getvalue()
    assert report.recall >= MIN_RECALL, out.getvalue()


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
