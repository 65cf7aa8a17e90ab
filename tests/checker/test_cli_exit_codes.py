"""Issue 15 item 2: exit codes mean one thing each -- 0 clean, 1 conflicts, 2 bad input or settings, 3 a bug."""

from __future__ import annotations

from pathlib import Path

import pytest

import checker.pipeline
from checker.cli import main

PENTAGON = "WASHINGTON, Nov. 22, 2024 — About 11,000 North Korean troops are in Russia's Kursk region, a Pentagon " \
    "spokesperson said on Friday.\n"
SEOUL = "SEOUL, Nov. 22, 2024 — No more than 3,000 North Korean troops are in Russia's Kursk region, a South " \
    "Korean lawmaker said on Friday.\n"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "pentagon.txt").write_text(PENTAGON, "utf-8")
    return reports


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_clean_is_0(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "check", str(folder))[0] == 0


def test_conflicts_are_1(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "seoul.txt").write_text(SEOUL, "utf-8")
    assert run(capsys, "check", str(folder))[0] == 1


@pytest.mark.parametrize("args", [["check", "nowhere/"], ["check", "reports", "--tolerance", "7"],
                                  ["check", "reports", "--format", "yaml"], ["diff", "reports/pentagon.txt"]])
def test_bad_input_or_settings_are_2(folder: Path, capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    try:
        code = main(args)
    except SystemExit as exc:  # argparse rejects a bad choice itself, with 2
        code = exc.code
    assert code == 2


def _explode(doc: object) -> None:
    raise ZeroDivisionError("simulated bug")


def test_an_unexpected_exception_is_3_with_one_line(folder: Path, capsys: pytest.CaptureFixture[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(checker.pipeline, "extract_document", _explode)
    code, out, err = run(capsys, "check", str(folder))
    assert code == 3
    lines = err.splitlines()
    assert len(lines) == 1
    assert "pentagon.txt" in lines[0] and "ZeroDivisionError" in lines[0]
    assert "Traceback" not in err


def test_debug_shows_the_traceback(folder: Path, capsys: pytest.CaptureFixture[str],
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(checker.pipeline, "extract_document", _explode)
    code, _, err = run(capsys, "check", str(folder), "--debug")
    assert code == 3
    assert "Traceback" in err and "ZeroDivisionError" in err


def test_debug_is_accepted_before_the_command(folder: Path, capsys: pytest.CaptureFixture[str],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(checker.pipeline, "extract_document", _explode)
    code, _, err = run(capsys, "--debug", "check", str(folder))
    assert code == 3 and "Traceback" in err


def test_the_internal_error_names_the_report_that_failed_not_the_one_before(
        folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    (folder / "seoul.txt").write_text(SEOUL, "utf-8")
    real = checker.pipeline.extract_document

    def fails_on_seoul(doc):
        if doc.path.endswith("seoul.txt"):
            raise ZeroDivisionError("simulated bug")
        return real(doc)

    monkeypatch.setattr(checker.pipeline, "extract_document", fails_on_seoul)
    code, _, err = run(capsys, "check", str(folder))
    assert code == 3
    assert "seoul.txt" in err and "pentagon.txt" not in err
