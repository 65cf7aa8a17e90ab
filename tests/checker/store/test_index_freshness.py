"""What the index trusts and what it reads: size and mtime decide whether a file is read at all, a file is one
file however its path is spelled, claims come back exactly as extracted, and an index of an older format is
rebuilt with a warning."""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Sequence
from pathlib import Path

import pytest

import checker.store.index as index_module
from checker.extract import extract_document
from checker.ingest import discover, load_documents
from checker.models import Document, DocumentAssertions
from checker.store.index import SCHEMA_VERSION, CorpusIndex, RefreshStats, default_index_path

TROOPS = "KYIV, Nov. 25, 2024 (Reuters) - About 11,000 North Korean troops are in Kursk Oblast, officials said.\n"
QUAKE = "KATHMANDU, March 3, 2025 (AP) - An earthquake of magnitude 6.2 killed 140 people in Nepal, the government said.\n"
REVENUE = "Acme Corp reported revenue of $4.2 billion for the quarter, the company said.\n"
PAGE = (
    "<html><head><title>Quake toll rises</title></head><body><nav>Home | World</nav><article>"
    "<p>KATHMANDU, March 4, 2025 (AFP) &mdash; The earthquake killed 152 people in Nepal, officials said.</p>"
    "</article></body></html>\n"
)
NOTES = "---\ntitle: Troops\ndate: 2024-11-26\n---\n\n# Troops\n\nAbout **12,000** North Korean troops are in Kursk.\n"


class Spy:
    """Which files were read (hashed) by the index, and which were loaded and extracted."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.read: list[str] = []
        self.loaded: list[str] = []
        real = index_module.read_bytes

        def read_bytes(path: str, max_bytes: int) -> bytes:
            self.read.append(Path(path).name)
            return real(path, max_bytes)

        monkeypatch.setattr(index_module, "read_bytes", read_bytes)

    def load(self, paths: list[str]) -> list[Document]:
        self.loaded += [Path(p).name for p in paths]
        return load_documents(paths).documents if paths else []

    def reset(self) -> None:
        self.read, self.loaded = [], []


def _extract(documents: Sequence[Document]) -> list[DocumentAssertions]:
    return [extract_document(d) for d in documents]


def _age(path: Path, seconds: float) -> None:
    """Give ``path`` an mtime ``seconds`` ago (a file written long before it was indexed)."""
    then = time.time() - seconds
    os.utime(path, (then, then))


def _corpus(tmp_path: Path, files: dict[str, str]) -> tuple[Path, list[str]]:
    folder = tmp_path / "corpus"
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
        _age(folder / name, 60)
    found, _ = discover([str(folder)])
    return folder, found


def test_claims_come_back_exactly_as_extracted(tmp_path: Path) -> None:
    folder, files = _corpus(
        tmp_path, {"a.txt": TROOPS, "b.txt": QUAKE, "c.txt": REVENUE, "d.html": PAGE, "e.md": NOTES}
    )
    expected = sorted(
        (a for d in _extract(load_documents(files).documents) for a in d.assertions),
        key=lambda a: (a.path, a.evidence.start, a.value_span.start),
    )
    assert {Path(a.path).suffix for a in expected} == {".txt", ".html", ".md"}
    with CorpusIndex(default_index_path(tmp_path)) as index:
        index.sync(files, lambda paths: load_documents(paths).documents, _extract)
        got = sorted(index.assertions_for(), key=lambda a: (a.path, a.evidence.start, a.value_span.start))
    assert got == expected


def test_a_touched_file_is_read_again_and_unchanged_files_are_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, files = _corpus(tmp_path, {"a.txt": TROOPS, "b.txt": QUAKE, "c.txt": REVENUE})
    spy = Spy(monkeypatch)
    with CorpusIndex(default_index_path(tmp_path)) as index:
        assert index.sync(files, spy.load, _extract).added == 3
        spy.reset()
        assert index.sync(files, spy.load, _extract) == RefreshStats(unchanged=3)
        assert spy.read == [] and spy.loaded == []  # size and mtime as stored: nothing read at all

        (folder / "b.txt").write_text(QUAKE.replace("140", "1,400"), encoding="utf-8")  # size and text change
        _age(folder / "b.txt", 30)
        _age(folder / "c.txt", 30)  # mtime only: the same text
        spy.reset()
        assert index.sync(files, spy.load, _extract) == RefreshStats(updated=1, unchanged=2)
        assert sorted(spy.read) == ["b.txt", "c.txt"]
        assert spy.loaded == ["b.txt"]
        numbers = {a.value.nominal for a in index.assertions_for() if a.value.type == "quantity"}
        assert 1400 in numbers and 140 not in numbers

        spy.reset()
        assert index.sync(files, spy.load, _extract) == RefreshStats(unchanged=3)
        assert spy.read == [] and spy.loaded == []  # the new size and mtime were stored


def test_a_file_written_just_before_it_was_hashed_is_hashed_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, files = _corpus(tmp_path, {"a.txt": TROOPS, "b.txt": QUAKE})
    (folder / "b.txt").write_text(QUAKE, encoding="utf-8")  # mtime now: a second write could share its tick
    spy = Spy(monkeypatch)
    with CorpusIndex(default_index_path(tmp_path)) as index:
        index.sync(files, spy.load, _extract)
        spy.reset()
        assert index.sync(files, spy.load, _extract) == RefreshStats(unchanged=2)
        assert spy.read == ["b.txt"] and spy.loaded == []


def test_another_encoding_hashes_the_files_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _, files = _corpus(tmp_path, {"a.txt": TROOPS})
    spy = Spy(monkeypatch)
    with CorpusIndex(default_index_path(tmp_path)) as index:
        index.sync(files, spy.load, _extract)
        spy.reset()
        index.sync(files, spy.load, _extract, encoding="cp1252")
        assert spy.read == ["a.txt"]


def test_the_corpus_spelled_relative_or_absolute_is_one_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _corpus(tmp_path, {"a.txt": TROOPS, "b.txt": QUAKE})
    monkeypatch.chdir(tmp_path)
    spy = Spy(monkeypatch)
    relative, _ = discover(["corpus"])
    absolute, _ = discover([str(tmp_path / "corpus")])
    dotted, _ = discover(["./corpus/"])
    with CorpusIndex(default_index_path(tmp_path)) as index:
        index.sync(relative, spy.load, _extract)
        for spelled in (absolute, dotted, relative):
            spy.reset()
            assert index.sync(spelled, spy.load, _extract) == RefreshStats(unchanged=2)
            assert spy.read == [] and spy.loaded == []
            # Results name the files as this run spelled them.
            assert {a.path for a in index.assertions_for()} == set(spelled)
            assert set(index.files_for(spelled)) == set(spelled)


def test_an_index_of_an_older_format_is_rebuilt_with_a_warning(tmp_path: Path) -> None:
    path = default_index_path(tmp_path)
    path.parent.mkdir()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id = {0x43484B31}")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    conn.execute("CREATE TABLE files (path TEXT PRIMARY KEY, sha256 TEXT NOT NULL)")
    conn.execute("CREATE TABLE assertions (id INTEGER PRIMARY KEY, path TEXT NOT NULL, data TEXT NOT NULL)")
    conn.execute("INSERT INTO assertions (path, data) VALUES ('old.txt', '{}')")
    conn.commit()
    conn.close()
    _, files = _corpus(tmp_path, {"a.txt": TROOPS})
    with CorpusIndex(path) as index:
        assert len(index.warnings) == 1 and str(path) in index.warnings[0]
        assert index.sync(files, lambda paths: load_documents(paths).documents, _extract).added == 1
        tables = {r[0] for r in index._conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "assertions" not in tables
    with CorpusIndex(path) as index:
        assert index.warnings == [] and len(index) == 1


def test_common_names_are_counted_over_the_whole_index(tmp_path: Path) -> None:
    # "zelensky" is in six of eight reports: over the limit of five, so it ties no two reports to one story.
    said = " Ukrainian President Volodymyr Zelensky said."
    texts = {f"r{i}.txt": TROOPS.replace("11,000", f"{11 + i},000") + (said if i < 6 else "") for i in range(8)}
    _, files = _corpus(tmp_path, texts)
    with CorpusIndex(default_index_path(tmp_path)) as index:
        index.sync(files, lambda paths: load_documents(paths).documents, _extract)
        assert "zelensky" in index.common_names({})
        assert "zelensky" not in index.common_names({f"new{i}.txt": [] for i in range(300)})  # limit: 2% of 308
        assert "kyiv-only" in index.common_names({f"new{i}.txt": ["kyiv-only"] for i in range(6)})


def test_a_copy_of_an_indexed_report_takes_its_claims_without_extraction(tmp_path: Path) -> None:
    folder, files = _corpus(tmp_path, {"a.txt": TROOPS, "b.txt": QUAKE, "c.md": TROOPS})
    extracted: list[str] = []

    def extract(documents: Sequence[Document]) -> list[DocumentAssertions]:
        extracted.extend(Path(d.path).name for d in documents)
        return _extract(documents)

    load = lambda paths: load_documents(paths).documents  # noqa: E731
    with CorpusIndex(default_index_path(tmp_path)) as index:
        index.sync(files, load, extract)
        (folder / "copy").mkdir()
        for name in ("a.txt", "b.txt"):
            (folder / "copy" / name).write_text((folder / name).read_text(encoding="utf-8"), encoding="utf-8")
        (folder / "copy" / "twice.txt").write_text(REVENUE, encoding="utf-8")
        (folder / "copy" / "twice-again.txt").write_text(REVENUE, encoding="utf-8")
        extracted.clear()
        files, _ = discover([str(folder)])
        assert index.sync(files, load, extract).added == 4
        assert sorted(extracted) == ["twice-again.txt"] or sorted(extracted) == ["twice.txt"]
        by_file: dict[str, list] = {}
        for a in index.assertions_for():
            by_file.setdefault(a.path, []).append(a)
        for name in ("a.txt", "b.txt"):
            copy = str(folder / "copy" / name)
            assert by_file[copy] == [a.model_copy(update={"path": copy}) for a in by_file[str(folder / name)]]
        # The same text as Markdown is parsed as Markdown: never a twin of the plain text.
        assert "c.md" in {Path(p).name for p in by_file}


def _listed(folder: Path) -> tuple[list[str], index_module.Listing]:
    """The corpus as ``check --against`` lists it: the walk's own ``stat`` of each file, taken after ``at_ns``."""
    at_ns, stats = time.time_ns(), {}
    found, _ = discover([str(folder)], stats=stats)
    return found, index_module.Listing(stats, at_ns)


def test_with_the_walks_stats_a_changed_file_is_extracted_again_and_a_touched_one_is_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, _ = _corpus(tmp_path, {"a.txt": TROOPS, "b.txt": QUAKE, "c.txt": REVENUE})
    spy = Spy(monkeypatch)
    monkeypatch.setattr(index_module, "_stat", lambda path: pytest.fail(f"{path} looked at twice"))
    with CorpusIndex(default_index_path(tmp_path)) as index:
        files, listing = _listed(folder)
        assert index.sync(files, spy.load, _extract, listing=listing).added == 3
        spy.reset()
        files, listing = _listed(folder)
        assert index.sync(files, spy.load, _extract, listing=listing) == RefreshStats(unchanged=3)
        assert spy.read == [] and spy.loaded == []

        # The same size, another figure: only the mtime tells, and it is enough.
        (folder / "b.txt").write_text(QUAKE.replace("140", "410"), encoding="utf-8")
        _age(folder / "b.txt", 30)
        _age(folder / "c.txt", 30)  # touched, the same text
        spy.reset()
        files, listing = _listed(folder)
        assert index.sync(files, spy.load, _extract, listing=listing) == RefreshStats(updated=1, unchanged=2)
        assert sorted(spy.read) == ["b.txt", "c.txt"] and spy.loaded == ["b.txt"]
        numbers = {a.value.nominal for a in index.assertions_for() if a.value.type == "quantity"}
        assert 410 in numbers and 140 not in numbers

        spy.reset()
        files, listing = _listed(folder)
        assert index.sync(files, spy.load, _extract, listing=listing) == RefreshStats(unchanged=3)
        assert spy.read == [] and spy.loaded == []


def test_a_file_written_just_before_the_walk_is_hashed_again_next_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The time a row stores as "looked at" is the walk's start: a write in the same tick cannot hide behind it.
    folder, _ = _corpus(tmp_path, {"a.txt": TROOPS, "b.txt": QUAKE})
    (folder / "b.txt").write_text(QUAKE, encoding="utf-8")
    spy = Spy(monkeypatch)
    with CorpusIndex(default_index_path(tmp_path)) as index:
        files, listing = _listed(folder)
        index.sync(files, spy.load, _extract, listing=listing)
        spy.reset()
        files, listing = _listed(folder)
        assert index.sync(files, spy.load, _extract, listing=listing) == RefreshStats(unchanged=2)
        assert spy.read == ["b.txt"] and spy.loaded == []
