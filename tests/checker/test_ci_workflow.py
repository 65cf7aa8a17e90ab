"""The CI story end to end, in a temporary git repository: a standing corpus, incoming reports, decisions.

The check fails on a new conflict; recorded decisions make it pass; an unrelated edit keeps them valid; a changed
number is a new conflict that fails again; a hand-broken decisions file fails clearly and is never rewritten.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from checker.cli import main

CORPUS = {
    "corpus/seoul.txt": "SEOUL, Nov. 20, 2024 — About 11,000 North Korean troops are deployed in Russia's Kursk "
    "region, South Korea's spy agency said on Wednesday.\n",
    "corpus/quake.txt": "ANKARA, Nov. 20, 2024 — A magnitude 5.1 earthquake struck eastern Turkey on Wednesday, the "
    "disaster agency said.\n",
}
INCOMING = "MOSCOW, Nov. 21, 2024 — No more than 3,000 North Korean troops are deployed in Russia's Kursk region, a " \
    "Russian war blogger wrote on Thursday.\n"


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    for path, text in CORPUS.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text, "utf-8")
    (tmp_path / "incoming").mkdir()
    (tmp_path / "incoming/blogger.txt").write_text(INCOMING, "utf-8")
    (tmp_path / "checker.toml").write_text('corpus = ["corpus"]\n', "utf-8")
    git(tmp_path, "init", "-q")
    git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@example.org", "add", ".")
    git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "reports")
    return tmp_path


def check(capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, dict, str]:
    code = main(["check", "incoming/", "--format", "json", *extra])
    out, err = capsys.readouterr()
    return code, json.loads(out) if out.strip().startswith("{") else {}, err


def test_decisions_gate_the_check_across_edits(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, data, _ = check(capsys)
    assert code == 1
    assert [c["kind"] for c in data["conflicts"]] == ["numeric"]
    conflict = data["conflicts"][0]
    assert conflict["evidence"][0]["path"] == "incoming/blogger.txt"  # the incoming side leads
    assert (repo / ".checker/index.sqlite").exists()

    assert main(["decide", conflict["id"], "--confirm", "--note", "blogger undercounts", "--reports", "incoming/"]) == 0
    capsys.readouterr()
    code, data, _ = check(capsys)
    assert code == 0
    assert data["conflicts"][0]["status"] == "confirmed"
    decisions = (repo / ".checker/decisions.jsonl").read_text("utf-8")
    assert conflict["id"] in decisions and "blogger undercounts" in decisions

    # An unrelated edit (a new first paragraph, so every offset moves) keeps the decision valid.
    blogger = repo / "incoming/blogger.txt"
    blogger.write_text("Editor's note: updated with a headline.\n\n" + INCOMING, "utf-8")
    code, data, _ = check(capsys)
    assert code == 0
    assert [c["id"] for c in data["conflicts"]] == [conflict["id"]]

    # A changed number is a new disagreement: it fails again.
    blogger.write_text(INCOMING.replace("3,000", "2,000"), "utf-8")
    code, data, _ = check(capsys)
    assert code == 1
    assert data["conflicts"][0]["id"] != conflict["id"]
    assert data["conflicts"][0]["status"] == "new"


def test_a_broken_decisions_file_fails_clearly_and_is_kept(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    decisions = repo / ".checker/decisions.jsonl"
    decisions.parent.mkdir(exist_ok=True)
    broken = '{"id": "abc", "status": "confirmed"}\n{"id": "def", "status": confirmed}\n'
    decisions.write_text(broken, "utf-8")
    code, _, err = check(capsys)
    assert code == 2
    assert "decisions.jsonl:2" in err
    code = main(["decide", "0123456789abcdef", "--dismiss"])
    assert code == 2
    assert decisions.read_text("utf-8") == broken


def test_corpus_old_disagreements_are_not_news(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "corpus/quake-2.txt").write_text(
        "ANKARA, Nov. 20, 2024 — A magnitude 6.4 earthquake struck eastern Turkey on Wednesday, a seismologist "
        "said.\n",
        "utf-8",
    )
    code, data, _ = check(capsys)
    assert code == 1  # the blogger's conflict, and nothing from the corpus's own quarrel
    assert all(e["path"] != "corpus/quake-2.txt" for c in data["conflicts"] for e in c["evidence"])
    assert main(["check", "corpus/", "--format", "json", "--fail-on", "none"]) == 0
    out = capsys.readouterr().out
    assert any(c["kind"] == "numeric" for c in json.loads(out)["conflicts"])
