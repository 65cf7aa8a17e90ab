"""The hostile corpus of make_hostile.py, read from disk the way `checker check` reads a folder: nothing crashes or
hangs, every output keeps its invariants, what cannot be read is listed, and failing closed works."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import harness
import make_hostile
import pytest

from checker.errors import InputError
from checker.ingest import load_documents
from checker.models import CheckResult, DocumentInfo
from checker.pipeline import analyse


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    folder = tmp_path_factory.mktemp("hostile") / "reports"
    special = make_hostile.write(folder)
    for name in make_hostile.KNOWN_ISSUES:
        (folder / name).unlink()  # tested on their own below
    return folder, special


def test_a_folder_of_hostile_files_is_checked_without_a_crash(corpus: tuple[Path, dict[str, str]]) -> None:
    folder, special = corpus
    # a date for undated reports: otherwise they are extracted twice (once more with their neighbours' date)
    analysis = analyse([str(folder)], reference_date=dt.date(2024, 11, 26))
    loaded = {Path(d.path).name for d in analysis.documents}
    assert "counter.txt" in loaded and "huge-integer.txt" in loaded
    warned = " ".join(analysis.warnings)
    for name in special:
        if name.isascii():
            assert name not in loaded and name in warned
    for name in ("invalid-utf8.txt", "binary.txt", "nul.txt", "unclosed-comment.html", "unclosed-comment-tail.md"):
        assert name in warned
    assert analysis.conflicts
    result = CheckResult(
        documents=[DocumentInfo(path=d.path, title=d.title, source=d.source, date=d.date) for d in analysis.documents],
        conflicts=analysis.conflicts,
    )
    harness.check_writers(result, [])


def test_the_same_folder_fails_closed_when_unreadable_reports_are_not_allowed(
    corpus: tuple[Path, dict[str, str]],
) -> None:
    folder, _ = corpus
    with pytest.raises(InputError):
        load_documents([str(folder)], allow_unreadable=False)


def test_known_issues_still_fail_until_fixed() -> None:
    """Each input listed in KNOWN_ISSUES still fails (when one stops failing, drop its entry); none is listed now."""
    reports = dict(make_hostile.reports())
    for name in sorted(make_hostile.KNOWN_ISSUES):
        with pytest.raises(Exception):  # noqa: B017
            harness.run([(name, reports[name])])
