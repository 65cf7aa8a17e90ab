"""The command line end to end: exit codes, error messages, formats, decisions. Runs ``main()`` in-process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.cli import main

PENTAGON = """WASHINGTON, Nov. 22, 2024 — About 11,000 North Korean troops are in Russia's Kursk region, a Pentagon
spokesperson said on Friday.
"""
SEOUL = """SEOUL, Nov. 22, 2024 — No more than 3,000 North Korean troops are in Russia's Kursk region, a South Korean
lawmaker said on Friday.
"""
QUAKE = """ANKARA, Feb. 6, 2023 — A magnitude 7.8 earthquake struck southern Turkey on Monday, the agency said.
"""


@pytest.fixture
def reports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "pentagon.txt").write_text(PENTAGON, "utf-8")
    (folder / "seoul.txt").write_text(SEOUL, "utf-8")
    return folder


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    for command in ("extract", "check", "review", "decide", "baseline", "diff", "eval"):
        assert command in out


def test_no_command_prints_help_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys)
    assert code == 2
    assert "usage" in out


def test_extract_json_contract(reports: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "extract", str(reports / "pentagon.txt"), "--format", "json")
    assert code == 0
    data = json.loads(out)
    doc = data["documents"][0]
    assert doc["path"] == str(reports / "pentagon.txt")
    assert doc["date"] == "2024-11-22"
    counts = [a for a in doc["assertions"] if a["attribute"] == "count"]
    assert counts and counts[0]["subject_key"] == "north-korea troops"
    assert counts[0]["value"]["nominal"] == 11000
    ev = counts[0]["evidence"]
    raw = (reports / "pentagon.txt").read_text("utf-8")
    assert raw[ev["start"] : ev["end"]] == ev["text"]
    assert {"subject", "attribute", "value", "polarity", "modality", "source", "time", "evidence"} <= counts[0].keys()


def test_extract_text_is_a_table(reports: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "extract", str(reports))
    assert code == 0
    assert "North Korean troops" in out and "count" in out
    assert "\x1b[" not in out  # NO_COLOR and not a terminal


def test_extract_explain_names_the_rule_and_frame_of_each_assertion(
    reports: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from checker.extract.assertions import RULES

    code, out, _ = run(capsys, "extract", str(reports / "seoul.txt"), "--explain")
    assert code == 0
    frames = [line.split() for line in out.splitlines() if line.startswith("    thing ")]
    assert frames and all("rule" in words for words in frames)
    used = {words[words.index("rule") + 1] for words in frames}
    assert "quantity" in used
    described = {line.split()[1] for line in out.splitlines() if line.startswith("rule ")}
    assert described == used & {r.name for r in RULES}


def test_check_finds_a_conflict_and_exits_1(reports: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", str(reports), "--format", "json")
    assert code == 1
    data = json.loads(out)
    assert data["version"] == 1
    assert [c["kind"] for c in data["conflicts"]] == ["numeric"]
    paths = {e["path"] for e in data["conflicts"][0]["evidence"]}
    assert paths == {str(reports / "pentagon.txt"), str(reports / "seoul.txt")}


def test_check_clean_reports_exit_0(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "quake.txt").write_text(QUAKE, "utf-8")
    code, out, _ = run(capsys, "check", "quake.txt")
    assert code == 0
    assert "No conflicts" in out


def test_missing_path_is_an_input_error(reports: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "check", "nowhere/")
    assert code == 2
    assert "nowhere" in err and "error" in err


def test_binary_file_is_named(reports: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = reports.parent / "image.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    code, _, err = run(capsys, "extract", str(bad))
    assert code == 2
    assert "image.txt" in err


def test_one_bad_file_among_good_ones_is_a_warning(reports: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (reports / "broken.txt").write_bytes(b"troops \xff\xfe here")
    code, _, err = run(capsys, "check", str(reports))
    assert code == 1
    assert "broken.txt" in err and "warning" in err
    code, _, err = run(capsys, "check", str(reports), "--strict")
    assert code == 2


def test_decide_then_check_passes(reports: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "check", str(reports), "--format", "json")
    conflict_id = json.loads(out)["conflicts"][0]["id"]
    code, _, _ = run(capsys, "decide", conflict_id, "--dismiss", "--note", "different dates of counting",
                     "--reports", str(reports))
    assert code == 0
    code, out, _ = run(capsys, "check", str(reports))
    assert code == 0
    code, out, _ = run(capsys, "check", str(reports), "--show-all", "--format", "json")
    assert json.loads(out)["conflicts"][0]["status"] == "dismissed"
    code, _, _ = run(capsys, "decide", conflict_id, "--undo")
    code, _, _ = run(capsys, "check", str(reports))
    assert code == 1


def test_baseline_accepts_existing_conflicts(reports: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "baseline", str(reports))
    assert code == 0 and "1 conflicts accepted" in out
    code, _, _ = run(capsys, "check", str(reports))
    assert code == 0
    code, _, _ = run(capsys, "check", str(reports), "--fail-on", "confirmed")
    assert code == 1


def test_min_severity_hides_lower_conflicts(reports: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "check", str(reports), "--format", "json")
    severity = json.loads(out)["conflicts"][0]["severity"]
    assert severity in ("low", "medium", "high")
    code, out, _ = run(capsys, "check", str(reports), "--min-severity", "high", "--format", "json")
    assert len(json.loads(out)["conflicts"]) == (1 if severity == "high" else 0)


@pytest.mark.parametrize("fmt", ["sarif", "github", "junit", "text"])
def test_every_format_writes_something(reports: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    code, out, _ = run(capsys, "check", str(reports), "--format", fmt)
    assert code == 1
    assert "seoul.txt" in out


def test_paths_from_settings(reports: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (reports.parent / "checker.toml").write_text('paths = ["reports"]\nfail_on = "none"\n', "utf-8")
    code, out, _ = run(capsys, "check")
    assert code == 0
    assert "numeric" in out


def test_bad_setting_names_the_file(reports: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (reports.parent / "checker.toml").write_text('min_severty = "high"\n', "utf-8")
    code, _, err = run(capsys, "check", str(reports))
    assert code == 2
    assert "checker.toml" in err and "min_severity" in err


def test_diff_reports_a_changed_count(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = tmp_path / "v1.txt"
    new = tmp_path / "v2.txt"
    old.write_text("About 10,000 North Korean troops are in the Kursk region.\n", "utf-8")
    new.write_text("About 11,000 North Korean troops are in the Kursk region.\n", "utf-8")
    code, out, _ = run(capsys, "diff", str(old), str(new), "--format", "json")
    assert code == 0
    changes = json.loads(out)["changes"]
    assert any(c["kind"] == "changed" and c["attribute"] == "count" for c in changes)
    code, _, err = run(capsys, "diff", str(old))
    assert code == 2 and "two or more" in err


def test_eval_prints_precision_and_recall(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cases = tmp_path / "cases"
    cases.mkdir()
    (cases / "quake.toml").write_text(
        'description = "magnitudes"\ndomain = "disaster"\n[documents]\n'
        '"a.txt" = "ANKARA, Feb. 6, 2023 — A magnitude 7.8 earthquake struck southern Turkey on Monday."\n'
        '"b.txt" = "ANKARA, Feb. 6, 2023 — A magnitude 6.1 earthquake struck southern Turkey on Monday."\n'
        '[[expected]]\nkind = "numeric"\nattribute = "magnitude"\n',
        "utf-8",
    )
    code, out, _ = run(capsys, "eval", str(cases))
    assert code == 0
    assert "precision 1.00" in out and "recall 1.00" in out


def _first_id(capsys: pytest.CaptureFixture[str], reports: Path) -> str:
    _, out, _ = run(capsys, "check", str(reports), "--format", "json")
    return json.loads(out)["conflicts"][0]["id"]


def test_decide_refuses_an_unknown_id_and_names_the_nearest(reports: Path, capsys: pytest.CaptureFixture[str]) -> None:
    real = _first_id(capsys, reports)
    typo = real[:-1] + ("0" if real[-1] != "0" else "1")
    code, _, err = run(capsys, "decide", typo, "--dismiss", "--reports", str(reports))
    assert code == 2
    assert typo in err and real in err
    assert not (reports.parent / ".checker/decisions.jsonl").exists()


def test_decide_unknown_id_in_undo_is_refused(reports: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "decide", "0123456789abcdef", "--undo")
    assert code == 2 and "0123456789abcdef" in err


def test_decide_without_reports_is_a_usage_error(reports: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = run(capsys, "decide", "0123456789abcdef", "--confirm")
    assert code == 2


def test_decide_several_ids_keeps_who_when_why(reports: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (reports / "quake-a.txt").write_text(QUAKE, "utf-8")
    (reports / "quake-b.txt").write_text(QUAKE.replace("7.8", "6.1"), "utf-8")
    _, out, _ = run(capsys, "check", str(reports), "--format", "json")
    ids = [c["id"] for c in json.loads(out)["conflicts"]]
    assert len(ids) >= 2
    code, _, _ = run(capsys, "decide", *ids[:2], "--dismiss", "--note", "why", "--by", "ana", "--reports", str(reports))
    assert code == 0
    lines = [json.loads(line) for line in (reports.parent / ".checker/decisions.jsonl").read_text("utf-8").splitlines()]
    assert sorted(r["id"] for r in lines) == sorted(ids[:2])
    assert all(r["by"] == "ana" and r["note"] == "why" and r["decided_at"].endswith("Z") for r in lines)


def test_decide_all_new_decides_only_undecided(reports: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (reports / "quake-a.txt").write_text(QUAKE, "utf-8")
    (reports / "quake-b.txt").write_text(QUAKE.replace("7.8", "6.1"), "utf-8")
    _, out, _ = run(capsys, "check", str(reports), "--format", "json")
    ids = [c["id"] for c in json.loads(out)["conflicts"]]
    run(capsys, "decide", ids[0], "--dismiss", "--reports", str(reports))
    code, _, _ = run(capsys, "decide", "--all-new", "--confirm", "--reports", str(reports))
    assert code == 0
    records = {json.loads(x)["id"]: json.loads(x)["status"]
               for x in (reports.parent / ".checker/decisions.jsonl").read_text("utf-8").splitlines()}
    assert records[ids[0]] == "dismissed"
    assert all(records[i] == "confirmed" for i in ids[1:])
    code, _, _ = run(capsys, "check", str(reports))
    assert code == 0


def test_baselined_conflicts_are_not_errors_in_github_format(reports: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", str(reports), "--format", "github")
    assert code == 1 and out.startswith("::error ")
    run(capsys, "baseline", str(reports))
    code, out, _ = run(capsys, "check", str(reports), "--format", "github")
    assert code == 0 and out == ""
    code, out, _ = run(capsys, "check", str(reports), "--format", "github", "--show-reviewed")
    assert code == 0 and out.startswith("::notice ") and len(out.splitlines()) == 1


def test_one_status_vocabulary_in_text_json_sarif(reports: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "baseline", str(reports))
    _, text, _ = run(capsys, "check", str(reports))
    _, out, _ = run(capsys, "check", str(reports), "--format", "json")
    _, sarif, _ = run(capsys, "check", str(reports), "--format", "sarif")
    assert ", baselined" in text
    assert json.loads(out)["conflicts"][0]["status"] == "baselined"
    result = json.loads(sarif)["runs"][0]["results"][0]
    assert result["properties"]["status"] == "baselined"
    assert result["baselineState"] == "unchanged"
    assert result["suppressions"][0]["kind"] == "external"


def test_against_takes_several_paths(reports: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (reports.parent / "corpus-a").mkdir()
    (reports.parent / "corpus-b").mkdir()
    (reports.parent / "corpus-a" / "seoul.txt").write_text(SEOUL, "utf-8")
    (reports.parent / "corpus-b" / "quake.txt").write_text(QUAKE, "utf-8")
    (reports / "seoul.txt").unlink()
    code, out, _ = run(capsys, "check", str(reports / "pentagon.txt"), "--format", "json",
                       "--against", str(reports.parent / "corpus-b"), str(reports.parent / "corpus-a"))
    assert code == 1
    paths = {e["path"] for c in json.loads(out)["conflicts"] for e in c["evidence"]}
    assert any("corpus-a" in p for p in paths)


def test_help_shows_against_taking_many_paths(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    out = capsys.readouterr().out
    assert "--against CORPUS [CORPUS ...]" in out
    assert "--max-bytes SIZE" in out


@pytest.mark.parametrize("where", ["flag", "config"])
def test_max_bytes_flag_and_setting(reports: Path, capsys: pytest.CaptureFixture[str], where: str) -> None:
    args = ["check", str(reports), "--strict"]
    if where == "flag":
        args += ["--max-bytes", "50"]
    else:
        (reports.parent / "checker.toml").write_text("max_bytes = 50\n", "utf-8")
    code, _, err = run(capsys, *args)
    assert code == 2
    assert "--max-bytes" in err and "max_bytes" in err
    code, _, _ = run(capsys, "check", str(reports), "--max-bytes", "1MB")
    assert code == 1


def test_max_bytes_rejects_nonsense(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["check", ".", "--max-bytes", "lots"])
    assert exc.value.code == 2


def test_each_warning_is_printed_once(reports: Path, capsys: pytest.CaptureFixture[str],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    import checker.pipeline

    real = checker.pipeline.analyse

    def doubled(*args, **kwargs):
        analysis = real(*args, **kwargs)
        return analysis.model_copy(update={"warnings": ["a.txt: odd", "b.txt: odd", "a.txt: odd"]})

    monkeypatch.setattr(checker.pipeline, "analyse", doubled)
    _, _, err = run(capsys, "check", str(reports))
    assert err.splitlines() == ["checker: warning: a.txt: odd", "checker: warning: b.txt: odd"]


def test_summary_counts_checked_skipped_and_unreadable(reports: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (reports / "scan.pdf").write_bytes(b"%PDF-1.4\n")
    (reports / "huge.txt").write_text(PENTAGON * 400, "utf-8")
    (reports / "broken.txt").write_bytes(b"troops \xff\xfe here")
    code, out, _ = run(capsys, "check", str(reports), "--max-bytes", "20K")
    assert code == 1
    last = out.splitlines()[-1]
    assert last.startswith("2 files checked; 2 skipped")
    assert "too large" in last and "unsupported format" in last and last.endswith("1 unreadable")
    code, out, err = run(capsys, "check", str(reports), "--max-bytes", "20K", "--format", "json")
    json.loads(out)
    assert "2 files checked" in err


def test_quiet_prints_the_report_only(reports: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (reports / "broken.txt").write_bytes(b"troops \xff\xfe here")
    code, out, err = run(capsys, "check", str(reports), "--quiet")
    assert code == 1
    assert err == ""
    assert "files checked" not in out
    assert "conflict" in out.splitlines()[-1]


def test_output_file_gets_the_report(reports: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = reports.parent / "checker.sarif"
    code, out, _ = run(capsys, "check", str(reports), "--format", "sarif", "--output", str(target))
    assert code == 1 and out == ""
    assert json.loads(target.read_text("utf-8"))["version"] == "2.1.0"
    assert [p.name for p in reports.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_output_to_a_missing_folder_is_exit_2(reports: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "check", str(reports), "--output", str(reports.parent / "no" / "such" / "out.txt"))
    assert code == 2 and "out.txt" in err


def test_progress_is_off_when_not_a_terminal_or_quiet(monkeypatch: pytest.MonkeyPatch) -> None:
    import argparse
    import io

    from checker.cli import _progress_wanted

    monkeypatch.setattr("sys.stderr", io.StringIO())
    assert not _progress_wanted(argparse.Namespace(quiet=False))

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr("sys.stderr", Tty())
    monkeypatch.setenv("TERM", "xterm")
    assert _progress_wanted(argparse.Namespace(quiet=False))
    assert not _progress_wanted(argparse.Namespace(quiet=True))


def test_diff_exit_code_says_whether_facts_changed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old, same, new = tmp_path / "v1.txt", tmp_path / "v1-copy.txt", tmp_path / "v2.txt"
    old.write_text("About 10,000 North Korean troops are in the Kursk region.\n", "utf-8")
    same.write_text("About 10,000 North Korean troops are in the Kursk region.\n", "utf-8")
    new.write_text("About 11,000 North Korean troops are in the Kursk region.\n", "utf-8")
    assert run(capsys, "diff", str(old), str(new), "--exit-code")[0] == 1
    assert run(capsys, "diff", str(old), str(same), "--exit-code")[0] == 0
    assert run(capsys, "diff", str(old), str(new))[0] == 0
    assert run(capsys, "diff", str(old), str(new), "--timeline", "--exit-code")[0] == 1
    assert run(capsys, "diff", str(old), str(same), "--timeline", "--exit-code")[0] == 0
    page = tmp_path / "changes.html"
    assert run(capsys, "diff", str(old), str(new), "--format", "html", "-o", str(page), "--exit-code")[0] == 1
    assert page.read_text("utf-8").startswith("<!DOCTYPE html>")
