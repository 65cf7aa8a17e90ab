"""The core run: the process-pool path for large folders must give what the in-process path gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker import pipeline
from checker.errors import InputError
from checker.pipeline import analyse, load_and_extract

OPTIONS = dict(encoding=None, strict=False, reference_date=None, max_bytes=10_000_000)


def write_reports(folder: Path, n: int) -> None:
    folder.mkdir()
    for i in range(n):
        (folder / f"r{i:02d}.txt").write_text(
            f"ANKARA, Feb. {i % 20 + 1}, 2023 — A magnitude {5 + i % 3}.{i % 10} earthquake struck eastern Turkey, "
            f"killing {10 + i} people, the disaster agency said.\n",
            "utf-8",
        )


@pytest.fixture
def pooled(monkeypatch):
    """Small folders take the pool path too: above the count threshold, whatever their size."""
    monkeypatch.setattr(pipeline, "_POOL_BYTES", 0)


def test_pool_and_in_process_agree(tmp_path: Path, pooled) -> None:
    write_reports(tmp_path / "many", 30)  # above the pool threshold
    docs, extracted, problems = load_and_extract([str(tmp_path / "many")], OPTIONS)
    assert [d.path for d in docs] == sorted(d.path for d in docs) and len(docs) == 30
    assert problems == []
    for doc, result in zip(docs, extracted):
        assert result.path == doc.path
        assert result.assertions
    small = [str(tmp_path / "many" / f"r{i:02d}.txt") for i in range(3)]
    docs_small, extracted_small, _ = load_and_extract(small, OPTIONS)
    assert [r.assertions for r in extracted_small] == [r.assertions for r in extracted[:3]]


def test_pool_reports_bad_files_and_honours_strict(tmp_path: Path, pooled) -> None:
    write_reports(tmp_path / "many", 30)
    (tmp_path / "many" / "broken.txt").write_bytes(b"\x00\x01\x02 binary")
    docs, _, problems = load_and_extract([str(tmp_path / "many")], OPTIONS)
    assert len(docs) == 30
    assert [Path(p.path).name for p in problems] == ["broken.txt"]
    with pytest.raises(InputError, match="broken.txt"):
        load_and_extract([str(tmp_path / "many")], {**OPTIONS, "strict": True})


def test_analyse_finds_the_planted_magnitude_conflict(tmp_path: Path) -> None:
    folder = tmp_path / "r"
    folder.mkdir()
    (folder / "a.txt").write_text("ANKARA, Feb. 6, 2023 — A magnitude 7.8 earthquake struck southern Turkey.\n")
    (folder / "b.txt").write_text("ANKARA, Feb. 6, 2023 — A magnitude 6.1 earthquake struck southern Turkey.\n")
    analysis = analyse([str(folder)])
    assert [(c.kind.value, c.attribute) for c in analysis.conflicts] == [("numeric", "magnitude")]
    assert {d.path for d in analysis.documents} == {str(folder / "a.txt"), str(folder / "b.txt")}


def test_without_text_the_same_conflicts_and_the_documents_metadata_only(tmp_path: Path) -> None:
    folder = tmp_path / "r"
    folder.mkdir()
    (folder / "a.txt").write_text("ANKARA, Feb. 6, 2023 — A magnitude 7.8 earthquake struck southern Turkey.\n")
    (folder / "b.md").write_text("# Quake\n\nANKARA, Feb. 6, 2023 — A magnitude 6.1 earthquake struck southern Turkey.\n")
    (folder / "c.txt").write_text("A magnitude 6.1 earthquake struck southern Turkey in February.\n")  # undated
    full = analyse([str(folder)])
    bare = analyse([str(folder)], keep_text=False)
    assert bare.conflicts == full.conflicts and bare.warnings == full.warnings
    assert bare.info() == full.info() and full.documents[2].date is not None
    assert [(d.raw, d.text, d.segments) for d in bare.documents] == [("", "", None)] * 3
    assert all(d.text for d in full.documents)


def test_an_undated_report_takes_its_neighbours_date(tmp_path: Path) -> None:
    folder = tmp_path / "r"
    folder.mkdir()
    (folder / "dated.txt").write_text("ROME, Oct. 2, 2023 — The treaty was signed in March, officials said.\n")
    (folder / "undated.txt").write_text("The treaty was signed in September, a diplomat said.\n")
    analysis = analyse([str(folder)])
    undated = next(d for d in analysis.documents if d.path.endswith("undated.txt"))
    assert undated.date is not None and undated.date.year == 2023
    assert any("assumed 2023-10-02" in w for w in analysis.warnings)
    assert [c.kind.value for c in analysis.conflicts] == ["date"]


def test_a_document_past_the_conflict_cap_is_cut_with_a_warning(tmp_path, monkeypatch) -> None:
    from checker.ingest import limits
    from checker.pipeline import analyse

    monkeypatch.setattr(limits, "MAX_CONFLICTS_PER_DOCUMENT", 2)
    towns = ["Tarvick", "Millbrook", "Harrowgate", "Kessler", "Dunmore"]
    a = " ".join(f"Floods in {t} killed {10 + i} people on Monday, officials said." for i, t in enumerate(towns))
    b = " ".join(f"Floods in {t} killed {90 + i} people on Monday, officials said." for i, t in enumerate(towns))
    (tmp_path / "a.txt").write_text("LONDON, March 4, 2025 — " + a, "utf-8")
    (tmp_path / "b.txt").write_text("LONDON, March 4, 2025 — " + b, "utf-8")
    result = analyse([str(tmp_path)])
    assert len(result.conflicts) == 2
    assert any("a.txt" in w and "conflicts" in w for w in result.warnings)


def test_a_folder_of_little_text_is_read_in_process(tmp_path: Path, monkeypatch) -> None:
    write_reports(tmp_path / "many", 30)  # many files, 5 KB in all: a pool would cost more than it saves
    monkeypatch.setattr(pipeline, "_pool", lambda workers: pytest.fail("a pool was started"))
    docs, extracted, _ = load_and_extract([str(tmp_path / "many")], OPTIONS)
    assert len(docs) == len(extracted) == 30


def test_pool_without_text_sends_dated_reports_back_as_metadata(tmp_path: Path, pooled) -> None:
    write_reports(tmp_path / "many", 30)
    (tmp_path / "many" / "undated.txt").write_text("A magnitude 6.0 earthquake struck eastern Turkey in June.\n")
    full, extracted_full, _ = load_and_extract([str(tmp_path / "many")], OPTIONS)
    lean, extracted_lean, _ = load_and_extract([str(tmp_path / "many")], OPTIONS, keep_text=False)
    assert [r.model_dump() for r in extracted_lean] == [r.model_dump() for r in extracted_full]
    assert [(d.path, d.date, d.title) for d in lean] == [(d.path, d.date, d.title) for d in full]
    texts = {Path(d.path).name: d.raw for d in lean}
    assert texts.pop("undated.txt")  # read again with its neighbours' date, so its text comes back
    assert set(texts.values()) == {""}


def test_analyse_gives_the_same_conflicts_with_or_without_text(tmp_path: Path, pooled) -> None:
    write_reports(tmp_path / "many", 30)
    (tmp_path / "many" / "undated.txt").write_text("A magnitude 9.0 earthquake struck eastern Turkey, killing 10 people.\n")
    kept = analyse([str(tmp_path / "many")])
    lean = analyse([str(tmp_path / "many")], keep_text=False)
    assert [c.model_dump() for c in lean.conflicts] == [c.model_dump() for c in kept.conflicts]
    assert lean.warnings == kept.warnings
    assert [d.model_dump() for d in lean.documents] == [d.metadata_only().model_dump() for d in kept.documents]
