"""Issue 15, injection findings: nothing checker prints (stdout or stderr) can start a workflow command, act on a
terminal, or carry raw bidi controls. One regression test per finding; each runs the command in a temp dir."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.cli import main

PENTAGON = "WASHINGTON, Nov. 22, 2024 — About 11,000 North Korean troops are in Russia's Kursk region, a Pentagon " \
    "spokesperson said on Friday.\n"
SEOUL = "SEOUL, Nov. 22, 2024 — No more than 3,000 North Korean troops are in Russia's Kursk region, a South " \
    "Korean lawmaker said on Friday.\n"
OSC52 = "\x1b]52;c;cHduZWQ=\x07"
BIDI = "\u202e\u2066"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "pentagon.txt").write_text(PENTAGON, "utf-8")
    (reports / "seoul.txt").write_text(SEOUL, "utf-8")
    return reports


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def assert_inert(text: str) -> None:
    for line in text.splitlines():
        assert not line.lstrip().startswith("::"), line
        assert "##[" not in line, line
        assert not any(c in line for c in "\x1b\x07\x9b" + BIDI), repr(line)


def test_file_name_in_a_warning_cannot_inject(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / f"empty\n::error file=x::pwned{OSC52}.txt").write_text("", "utf-8")
    code, out, err = run(capsys, "check", str(folder))
    assert code == 1
    assert "warning" in err
    assert_inert(err)
    assert_inert(out)


def test_file_name_in_the_error_line_cannot_inject(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "check", f"missing\n::add-mask::secret\n  ::stop-commands::tok{OSC52}")
    assert code == 2
    assert len(err.splitlines()) == 1
    assert_inert(err)


def test_extract_text_output_escapes_paths(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hostile = folder / f"::warning::a{OSC52}{BIDI}.txt"
    hostile.write_text(PENTAGON, "utf-8")
    code, out, err = run(capsys, "extract", str(hostile))
    assert code == 0
    assert "pentagon" not in out and "::warning" in out.replace("\\x3a", ":")  # the name is shown, escaped
    assert_inert(out)
    assert_inert(err)


def test_multiline_note_cannot_start_a_command(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "check", str(folder), "--format", "json")
    cid = json.loads(out)["conflicts"][0]["id"]
    note = "first line\n  ::error::injected\n::add-mask::x\n##[error]y"
    assert run(capsys, "decide", cid, "--confirm", "--note", note, "--reports", str(folder))[0] == 0
    code, out, err = run(capsys, "check", str(folder), "--fail-on", "none")
    assert code == 0
    assert "injected" in out
    assert_inert(out)


def test_legacy_prefix_in_report_text_is_neutralised(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "seoul.txt").write_text(SEOUL.replace("Kursk region", "Kursk region ##[error]boom"), "utf-8")
    code, out, _ = run(capsys, "check", str(folder), "--verbose")
    assert code == 1
    assert "boom" in out
    assert_inert(out)


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_bidi_controls_are_escaped_in_json_and_sarif(folder: Path, capsys: pytest.CaptureFixture[str],
                                                     fmt: str) -> None:
    (folder / "seoul.txt").write_text(SEOUL.replace("lawmaker", f"law{BIDI}maker"), "utf-8")
    code, out, _ = run(capsys, "check", str(folder), "--format", fmt)
    assert code == 1
    assert not any(c in out for c in BIDI)
    assert "\\u202e" in out
    json.loads(out)


def test_bidi_controls_are_escaped_in_extract_json(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "seoul.txt").write_text(SEOUL.replace("lawmaker", f"law{BIDI}maker"), "utf-8")
    code, out, _ = run(capsys, "extract", str(folder / "seoul.txt"), "--format", "json")
    assert code == 0
    assert not any(c in out for c in BIDI)
    json.loads(out)


def test_argparse_errors_are_made_safe(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["check", ".", "--max-bytes", f"1\n::error::x{OSC52}"])
    assert exc.value.code == 2
    assert_inert(capsys.readouterr().err)
