"""The gate fails closed: in CI an incoming report that cannot be read is an error, not a skipped file."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.cli import main

A = "KYIV, Nov. 22, 2024 — About 11,000 North Korean troops are in Russia's Kursk region, the Pentagon said.\n"
B = "SEOUL, Nov. 22, 2024 — No more than 3,000 North Korean troops are in Russia's Kursk region, a lawmaker said.\n"


@pytest.fixture
def reports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    folder = tmp_path / "incoming"
    folder.mkdir()
    (folder / "a.txt").write_text(A, "utf-8")
    (folder / "b.txt").write_text(B, "utf-8")
    (folder / "c.txt").write_bytes(B.encode("utf-8").replace(b"troops", b"tr\xffoops"))
    return folder


@pytest.mark.parametrize("fmt", ["github", "sarif", "junit"])
def test_an_unreadable_report_fails_a_ci_format(reports: Path, fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(reports), "--format", fmt]) == 2
    assert main(["check", str(reports), "--format", fmt, "--allow-unreadable"]) == 1


def test_ci_in_the_environment_fails_closed_in_text_too(reports: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert main(["check", str(reports)]) == 1  # at a terminal: a warning, the conflict still reported
    monkeypatch.setenv("CI", "true")
    assert main(["check", str(reports)]) == 2


def test_a_symlink_out_of_the_folder_is_skipped_unless_followed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CI", raising=False)
    outside = tmp_path / "outside.txt"
    outside.write_text(B, "utf-8")
    folder = tmp_path / "incoming"
    folder.mkdir()
    (folder / "a.txt").write_text(A, "utf-8")
    (folder / "b.txt").symlink_to(outside)
    assert main(["check", str(folder)]) == 0
    assert "b.txt" in capsys.readouterr().err
    assert main(["check", str(folder), "--follow-symlinks"]) == 1
