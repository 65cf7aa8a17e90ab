"""The pipeline fails closed on unreadable incoming reports when asked, and an unreadable or tampered corpus never
hides the conflicts of the readable part."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from checker.errors import InputError
from checker.pipeline import analyse

LEFT = "KYIV, Nov. 25, 2024 (Reuters) - About 11,000 North Korean troops are in Kursk Oblast, officials said.\n"
RIGHT = "SEOUL, Nov. 26, 2024 (Yonhap) - About 3,000 North Korean troops are in Kursk Oblast, the spy agency said.\n"


def _setup(tmp_path: Path) -> tuple[Path, Path, Path]:
    incoming, corpus = tmp_path / "incoming", tmp_path / "corpus"
    incoming.mkdir()
    corpus.mkdir()
    (incoming / "new.txt").write_text(RIGHT, encoding="utf-8")
    (corpus / "old.txt").write_text(LEFT, encoding="utf-8")
    return incoming, corpus, tmp_path / "index.sqlite"


def test_an_unreadable_incoming_report_fails_closed_only_when_asked(tmp_path: Path) -> None:
    incoming, corpus, index = _setup(tmp_path)
    (incoming / "bad.txt").write_bytes(b"About 500 \xff troops.\n")
    found = analyse([str(incoming)], against=[str(corpus)], index_path=index)
    assert found.conflicts and any("bad.txt" in w for w in found.warnings)
    with pytest.raises(InputError) as err:
        analyse([str(incoming)], against=[str(corpus)], index_path=index, allow_unreadable=False)
    assert Path(err.value.path).name == "bad.txt"


def test_an_unreadable_corpus_file_never_hides_the_conflicts_on_later_runs(tmp_path: Path) -> None:
    incoming, corpus, index = _setup(tmp_path)
    (corpus / "bad.txt").write_bytes(b"About 500 \xff troops.\n")
    runs = [analyse([str(incoming)], against=[str(corpus)], index_path=index, allow_unreadable=False) for _ in range(3)]
    assert all(len(r.conflicts) == 1 for r in runs)
    assert all(any("bad.txt" in w for w in r.warnings) for r in runs)


def test_tampered_index_rows_are_re_extracted_and_announced(tmp_path: Path) -> None:
    incoming, corpus, index = _setup(tmp_path)
    first = analyse([str(incoming)], against=[str(corpus)], index_path=index)
    conn = sqlite3.connect(index)
    conn.execute("DELETE FROM claims")
    conn.execute("DELETE FROM blocks")
    conn.commit()
    conn.close()
    second = analyse([str(incoming)], against=[str(corpus)], index_path=index)
    assert [c.id for c in second.conflicts] == [c.id for c in first.conflicts] != []
    assert any("index" in w for w in second.warnings)


def test_a_report_over_the_assertion_cap_is_announced_incoming_and_corpus(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from checker.ingest import limits

    monkeypatch.setattr(limits, "MAX_ASSERTIONS_PER_DOCUMENT", 3)
    incoming, corpus, index = _setup(tmp_path)
    many = " ".join(f"Unit {i} reported {i + 100} troops killed." for i in range(5))
    (incoming / "many.txt").write_text(many, encoding="utf-8")
    (corpus / "many-old.txt").write_text(many, encoding="utf-8")
    found = analyse([str(incoming)], against=[str(corpus)], index_path=index)
    capped = [w for w in found.warnings if "assertions" in w]
    assert {Path(w.split(":")[0]).name for w in capped} == {"many.txt", "many-old.txt"}
    assert len([a for a in found.assertions if a.path.endswith("/many.txt")]) == 3
