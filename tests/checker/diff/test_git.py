import subprocess

import pytest

from checker.diff import diff_history, git_versions
from checker.errors import InputError


def _git(repo, *args):
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path):
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "config", "user.name", "Test")
    _git(tmp_path, "config", "user.email", "test@example.com")
    _git(tmp_path, "config", "commit.gpgsign", "false")
    return tmp_path


def _commit(repo, name, text, message):
    (repo / name).write_text(text, encoding="utf-8")
    _git(repo, "add", name)
    _git(repo, "commit", "-q", "-m", message)


def test_versions_oldest_first_across_a_rename(repo):
    _commit(repo, "report.txt", "About 10,000 North Korean troops are in the Kursk region.\n", "first")
    _commit(repo, "report.txt", "About 11,000 North Korean troops are in the Kursk region.\n", "second")
    _git(repo, "mv", "report.txt", "briefing.txt")
    _git(repo, "commit", "-q", "-m", "rename")
    _commit(repo, "briefing.txt", "About 12,000 North Korean troops are in the Kursk region.\n", "third")
    docs = git_versions(str(repo / "briefing.txt"))
    assert [d.text.split()[1] for d in docs] == ["10,000", "11,000", "11,000", "12,000"]
    assert all(d.path.startswith(str(repo / "briefing.txt") + "@") and len(d.path.rsplit("@", 1)[1]) == 7 for d in docs)
    diffs = diff_history(docs)
    assert [len(d.changes) for d in diffs] == [1, 0, 1]


def test_markdown_versions_keep_their_format(repo):
    _commit(repo, "r.md", "# Title\n\nAbout 10,000 troops are there.\n", "md")
    (doc,) = git_versions(str(repo / "r.md"))
    assert doc.format == "markdown" and doc.title == "Title"


def test_outside_a_repository_is_an_input_error(tmp_path):
    (tmp_path / "a.txt").write_text("text", encoding="utf-8")
    with pytest.raises(InputError, match="not in a git repository"):
        git_versions(str(tmp_path / "a.txt"))


def test_file_without_history_is_an_input_error(repo):
    _commit(repo, "other.txt", "x\n", "other")
    (repo / "new.txt").write_text("not committed", encoding="utf-8")
    with pytest.raises(InputError, match="no history"):
        git_versions(str(repo / "new.txt"))
