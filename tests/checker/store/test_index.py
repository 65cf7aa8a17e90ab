import datetime as dt
import sqlite3
from collections.abc import Sequence
from pathlib import Path

import pytest

from checker.compare import find_conflicts
from checker.errors import CheckerError
from checker.extract import extract_document
from checker.ingest import load_documents
from checker.models import Document, DocumentAssertions
from checker.store.index import (
    SCHEMA_VERSION,
    CorpusIndex,
    RefreshStats,
    blocking_keys,
    content_hash,
    default_index_path,
)

TROOPS = "KYIV, Nov. 25, 2024 (Reuters) - About 11,000 North Korean troops are in Kursk Oblast, officials said.\n"
QUAKE = "KATHMANDU, March 3, 2025 (AP) - An earthquake of magnitude 6.2 killed 140 people in Nepal, the government said.\n"
REVENUE = "Acme Corp reported revenue of $4.2 billion for the quarter, the company said.\n"


class CountingExtract:
    """The real extractor, remembering which paths it was asked to extract."""

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def __call__(self, documents: Sequence[Document]) -> list[DocumentAssertions]:
        self.calls.append([d.path for d in documents])
        return [extract_document(d) for d in documents]

    @property
    def paths(self) -> list[str]:
        return [p for call in self.calls for p in call]


def _corpus(tmp_path: Path, files: dict[str, str]) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _load(folder: Path) -> list[Document]:
    return load_documents([str(folder)]).documents


def _index(tmp_path: Path) -> CorpusIndex:
    return CorpusIndex(default_index_path(tmp_path))


def test_default_path_is_inside_dot_checker(tmp_path: Path) -> None:
    assert default_index_path(tmp_path) == tmp_path / ".checker" / "index.sqlite"


def test_first_refresh_adds_every_document_and_creates_the_folder(tmp_path: Path) -> None:
    folder = _corpus(tmp_path, {"a.txt": TROOPS, "b.txt": QUAKE})
    extract = CountingExtract()
    with _index(tmp_path) as index:
        stats = index.refresh(_load(folder), extract)
        assert stats == RefreshStats(added=2, updated=0, unchanged=0, removed=0)
        assert sorted(extract.paths) == sorted(d.path for d in _load(folder))
        assert len(index) == 2
        keys = {(a.subject_key, a.attribute) for a in index.assertions_for()}
        assert ("north-korea troops", "count") in keys
        assert ("people", "killed") in keys
    assert (tmp_path / ".checker" / "index.sqlite").is_file()


def test_unchanged_second_refresh_extracts_nothing(tmp_path: Path) -> None:
    folder = _corpus(tmp_path, {"a.txt": TROOPS, "b.txt": QUAKE})
    with _index(tmp_path) as index:
        index.refresh(_load(folder), CountingExtract())
    extract = CountingExtract()
    with _index(tmp_path) as index:  # reopened: the state lives in the file
        stats = index.refresh(_load(folder), extract)
    assert stats == RefreshStats(added=0, updated=0, unchanged=2, removed=0)
    assert extract.paths == []


def test_changed_file_is_the_only_one_extracted_again(tmp_path: Path) -> None:
    folder = _corpus(tmp_path, {"a.txt": TROOPS, "b.txt": QUAKE})
    with _index(tmp_path) as index:
        index.refresh(_load(folder), CountingExtract())
        (folder / "b.txt").write_text(QUAKE.replace("140", "180"), encoding="utf-8")
        extract = CountingExtract()
        stats = index.refresh(_load(folder), extract)
        assert stats == RefreshStats(added=0, updated=1, unchanged=1, removed=0)
        assert [Path(p).name for p in extract.paths] == ["b.txt"]
        numbers = {a.value.nominal for a in index.assertions_for() if a.value.type == "quantity"}
        assert 180 in numbers and 140 not in numbers  # the old rows were replaced, not kept beside the new


def test_removed_file_loses_its_rows(tmp_path: Path) -> None:
    folder = _corpus(tmp_path, {"a.txt": TROOPS, "b.txt": QUAKE})
    with _index(tmp_path) as index:
        index.refresh(_load(folder), CountingExtract())
        (folder / "b.txt").unlink()
        stats = index.refresh(_load(folder), CountingExtract())
        assert stats == RefreshStats(added=0, updated=0, unchanged=1, removed=1)
        assert {Path(d.path).name for d in index.documents()} == {"a.txt"}
        assert all(Path(a.path).name == "a.txt" for a in index.assertions_for())
        assert {Path(p).name for p in index.dates()} == {"a.txt"}


def test_documents_and_dates_come_from_the_reports(tmp_path: Path) -> None:
    folder = _corpus(tmp_path, {"a.txt": TROOPS, "c.txt": REVENUE})
    with _index(tmp_path) as index:
        index.refresh(_load(folder), CountingExtract())
        by_name = {Path(d.path).name: d for d in index.documents()}
        assert by_name["a.txt"].date == dt.date(2024, 11, 25)
        assert by_name["a.txt"].source == "Reuters"
        assert by_name["c.txt"].date is None
        assert {Path(p).name: d for p, d in index.dates().items()} == {"a.txt": dt.date(2024, 11, 25), "c.txt": None}


def test_assertions_for_filters_by_blocking_keys(tmp_path: Path) -> None:
    folder = _corpus(tmp_path, {"a.txt": TROOPS, "b.txt": QUAKE, "c.txt": REVENUE})
    with _index(tmp_path) as index:
        index.refresh(_load(folder), CountingExtract())
        got = index.assertions_for([("acme", "revenue")])
        assert [(a.subject_key, a.attribute) for a in got] == [("acme", "revenue")]
        exact = index.assertions_for([("north-korea troops", "count")], exact=True)
        assert {(a.subject_key, a.attribute) for a in exact} == {("north-korea troops", "count")}
        assert index.assertions_for([("acme corp", "killed")]) == []
        assert index.assertions_for([]) == []


def test_assertions_for_widens_to_what_the_comparison_would_line_up(tmp_path: Path) -> None:
    # A refusal about "casualties" meets a count of "killed": one family. A plural slip merges in the comparison.
    folder = _corpus(tmp_path, {"a.txt": "Upwards of 500 North Korean troops have been killed in Kursk.\n"})
    with _index(tmp_path) as index:
        index.refresh(_load(folder), CountingExtract())
        got = index.assertions_for([("north-korea troops", "casualties")])
        assert "killed" in {a.attribute for a in got}
        assert index.assertions_for([("north-korea troops", "casualties")], exact=True) == []
        assert index.assertions_for([("south-korea troops", "killed")]) == []


def test_new_report_against_the_index_finds_what_a_full_comparison_finds(tmp_path: Path) -> None:
    folder = _corpus(tmp_path, {"a.txt": TROOPS, "b.txt": QUAKE, "c.txt": REVENUE})
    new = tmp_path / "new.txt"
    new.write_text(
        "SEOUL, Nov. 25, 2024 (Yonhap) - About 3,000 North Korean troops are in Kursk Oblast, the spy agency said. "
        "Acme Corp reported revenue of $9.8 billion for the quarter.\n",
        encoding="utf-8",
    )
    incoming = _load(new)
    with _index(tmp_path) as index:
        index.refresh(_load(folder), CountingExtract())
        fresh = [a for d in incoming for a in extract_document(d).assertions]
        context = index.assertions_for(blocking_keys(fresh))
        dates = index.dates() | {d.path: d.date for d in incoming}
        via_index = find_conflicts(fresh + context, dates=dates, incoming={d.path for d in incoming})
    everything = [a for d in _load(folder) + incoming for a in extract_document(d).assertions]
    full = find_conflicts(everything, dates=dates, incoming={d.path for d in incoming})
    assert full  # the case is only worth something if there is a conflict to find
    assert [c.id for c in via_index] == [c.id for c in full]


def test_stale_and_keep_skip_loading_unchanged_files(tmp_path: Path) -> None:
    folder = _corpus(tmp_path, {"a.txt": TROOPS, "b.txt": QUAKE})
    with _index(tmp_path) as index:
        index.refresh(_load(folder), CountingExtract())
        (folder / "b.txt").write_text(QUAKE + "More to follow.\n", encoding="utf-8")
        (folder / "c.txt").write_text(REVENUE, encoding="utf-8")
        files = [d.path for d in _load(folder)]
        stale = index.stale(files)
        assert sorted(Path(p).name for p in stale) == ["b.txt", "c.txt"]
        extract = CountingExtract()
        loaded = load_documents(stale).documents
        stats = index.refresh(loaded, extract, keep=set(files) - set(stale))
        assert stats == RefreshStats(added=1, updated=1, unchanged=1, removed=0)
        assert sorted(Path(p).name for p in extract.paths) == ["b.txt", "c.txt"]
        assert len(index) == 3


def test_needs_compares_content_hashes(tmp_path: Path) -> None:
    folder = _corpus(tmp_path, {"a.txt": TROOPS})
    with _index(tmp_path) as index:
        docs = _load(folder)
        index.refresh(docs, CountingExtract())
        path = docs[0].path
        assert index.needs({path: content_hash(TROOPS)}) == set()
        assert index.needs({path: content_hash(TROOPS + " "), "other.txt": "0"}) == {path, "other.txt"}


def test_a_changed_date_counts_as_a_change(tmp_path: Path) -> None:
    folder = _corpus(tmp_path, {"c.txt": REVENUE})
    with _index(tmp_path) as index:
        index.refresh(_load(folder), CountingExtract())
        redated = load_documents([str(folder)], reference_date=dt.date(2025, 1, 2)).documents
        assert index.refresh(redated, CountingExtract()).updated == 1


def test_batches_commit_and_report_progress(tmp_path: Path) -> None:
    folder = _corpus(tmp_path, {f"{i}.txt": TROOPS.replace("11,000", f"{i + 1},000") for i in range(5)})
    extract = CountingExtract()
    progress: list[tuple[int, int]] = []
    with _index(tmp_path) as index:
        index.refresh(_load(folder), extract, lambda done, total: progress.append((done, total)), batch=2)
    assert [len(call) for call in extract.calls] == [2, 2, 1]
    assert progress == [(0, 5), (2, 5), (4, 5), (5, 5)]


def test_failed_extraction_leaves_the_index_as_it_was(tmp_path: Path) -> None:
    folder = _corpus(tmp_path, {"a.txt": TROOPS})
    with _index(tmp_path) as index:
        index.refresh(_load(folder), CountingExtract())
        (folder / "a.txt").write_text(QUAKE, encoding="utf-8")

        def broken(documents: Sequence[Document]) -> list[DocumentAssertions]:
            raise RuntimeError("worker died")

        with pytest.raises(RuntimeError):
            index.refresh(_load(folder), broken)
        assert {a.attribute for a in index.assertions_for()} >= {"count"}
        assert index.refresh(_load(folder), CountingExtract()).updated == 1


def test_schema_version_mismatch_rebuilds(tmp_path: Path) -> None:
    folder = _corpus(tmp_path, {"a.txt": TROOPS})
    path = default_index_path(tmp_path)
    with CorpusIndex(path) as index:
        index.refresh(_load(folder), CountingExtract())
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with CorpusIndex(path) as index:
        assert len(index) == 0
        assert index.refresh(_load(folder), CountingExtract()).added == 1
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    conn.close()


def test_another_extractor_version_drops_cached_assertions(tmp_path: Path) -> None:
    folder = _corpus(tmp_path, {"a.txt": TROOPS})
    path = default_index_path(tmp_path)
    with CorpusIndex(path, version="1.0") as index:
        index.refresh(_load(folder), CountingExtract())
    with CorpusIndex(path, version="1.0") as index:
        assert len(index) == 1
    with CorpusIndex(path, version="1.1") as index:
        assert len(index) == 0


def test_corrupt_file_is_a_clear_error_and_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "index.sqlite"
    garbage = b"this is not a database, it is a shopping list\n" * 200
    path.write_bytes(garbage)
    with pytest.raises(CheckerError) as err:
        CorpusIndex(path)
    assert str(path) in str(err.value)
    assert "delete it" in str(err.value)
    assert path.read_bytes() == garbage


def test_someone_elses_sqlite_database_is_not_taken_over(tmp_path: Path) -> None:
    path = tmp_path / "app.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE files (name TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(CheckerError, match="not a checker index"):
        CorpusIndex(path)
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT name FROM sqlite_master").fetchall() == [("files",)]
    conn.close()


def test_index_uses_wal(tmp_path: Path) -> None:
    path = default_index_path(tmp_path)
    CorpusIndex(path).close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def test_sync_loads_only_stale_files_and_drops_vanished_ones(tmp_path: Path) -> None:
    folder = _corpus(tmp_path, {"a.txt": TROOPS, "b.txt": QUAKE})
    loaded: list[list[str]] = []

    def load(paths: list[str]) -> list[Document]:
        loaded.append(paths)
        return load_documents(paths).documents

    with _index(tmp_path) as index:
        files = [d.path for d in _load(folder)]
        assert index.sync(files, load, CountingExtract()).added == 2
        assert index.sync(files, load, CountingExtract()) == RefreshStats(unchanged=2)
        assert len(loaded) == 1 and len(index) == 2
        (folder / "a.txt").write_text(TROOPS.replace("11,000", "12,000"), encoding="utf-8")
        stats = index.sync([p for p in files if p.endswith("a.txt")], load, CountingExtract())
        assert stats == RefreshStats(added=0, updated=1, unchanged=0, removed=1)
        assert [Path(p).name for p in loaded[-1]] == ["a.txt"]


def test_unreadable_files_count_as_stale_so_loading_reports_them(tmp_path: Path) -> None:
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"%PDF-1.7 not a report")
    with _index(tmp_path) as index:
        assert index.stale([str(tmp_path / "gone.txt"), str(binary)]) == [str(tmp_path / "gone.txt"), str(binary)]


def test_two_indexes_opened_on_a_new_file_both_work(tmp_path: Path) -> None:
    path = default_index_path(tmp_path)
    first, second = CorpusIndex(path), CorpusIndex(path)
    folder = _corpus(tmp_path, {"a.txt": TROOPS})
    first.refresh(_load(folder), CountingExtract())
    assert len(second) == 1
    first.close()
    second.close()


def _quake(day: int | None, killed: int) -> str:
    dateline = f"KATHMANDU, March {day}, 2025 (AP) - " if day else ""
    return f"{dateline}An earthquake killed {killed} people in Nepal, the government said.\n"


def _files_of(assertions) -> list[str]:
    return sorted({Path(a.path).name for a in assertions})


@pytest.mark.parametrize(
    ("name", "day", "per_side", "expected"),
    [
        # Two files on each side of March 10 in the comparison's order: date, then path (d10 < d10a < d10b).
        ("d10.txt", 10, 2, ["d07.txt", "d09.txt", "d10a.txt", "d12.txt"]),
        ("d10b.txt", 10, 2, ["d09.txt", "d10a.txt", "d12.txt", "d15.txt"]),
        ("d10.txt", 10, 1, ["d09.txt", "d10a.txt"]),
        # The dated files after the report run out: undated ones come next, as the comparison orders them.
        ("new.txt", 20, 2, ["d12.txt", "d15.txt", "undated.txt"]),
        # An undated report sorts after every dated one: the latest dated files and the undated ones.
        ("new.txt", None, 2, ["d12.txt", "d15.txt", "undated.txt"]),
    ],
    ids=["middle", "middle-later-path", "one-a-side", "latest", "undated"],
)
def test_nearest_keeps_the_files_nearest_in_time_on_each_side(tmp_path, name, day, per_side, expected) -> None:
    from checker.store.index import Probe

    days = {"d01.txt": 1, "d03.txt": 3, "d07.txt": 7, "d09.txt": 9, "d10a.txt": 10, "d12.txt": 12, "d15.txt": 15}
    texts = {file: _quake(d, 100 + d) for file, d in days.items()} | {"undated.txt": _quake(None, 99)}
    folder = _corpus(tmp_path, texts)
    incoming = folder / name  # named as if beside them: only its path's place among theirs matters
    with _index(tmp_path) as index:
        index.refresh(_load(folder), CountingExtract())
        keys = frozenset({("people", "killed")})
        date = dt.date(2025, 3, day) if day else None
        got = index.nearest([Probe(str(incoming), date, keys)], per_side=per_side)
        assert _files_of(got) == expected
        assert {a.attribute for a in got} == {"killed"}
        # However many a side may take, nothing beyond what the block and window hold is read.
        window = (date - dt.timedelta(days=45), date + dt.timedelta(days=45)) if date else None
        everything = index.assertions_for(keys, between=window)
        assert index.nearest([Probe(str(incoming), date, keys)], between=window, per_side=50) == everything


def test_nearest_reads_each_incoming_reports_own_neighbours(tmp_path) -> None:
    from checker.store.index import Probe

    folder = _corpus(tmp_path, {f"d{d:02d}.txt": _quake(d, 100 + d) for d in (1, 2, 3, 20, 21, 22)})
    keys = frozenset({("people", "killed")})
    with _index(tmp_path) as index:
        index.refresh(_load(folder), CountingExtract())
        probes = [Probe(str(folder / "d02a.txt"), dt.date(2025, 3, 2), keys),
                  Probe(str(folder / "d21a.txt"), dt.date(2025, 3, 21), keys)]
        assert _files_of(index.nearest(probes, per_side=1)) == ["d02.txt", "d03.txt", "d21.txt", "d22.txt"]


def test_nearest_looks_past_a_crowded_day_for_the_files_after_the_report(tmp_path) -> None:
    # Every file of the report's day sorts before it by path: its nearest later neighbours are on later days.
    from checker.store.index import Probe

    texts = {f"a{i}.txt": _quake(10, 200 + i) for i in range(5)} | {"d12.txt": _quake(12, 112),
                                                                     "d15.txt": _quake(15, 115)}
    folder = _corpus(tmp_path, texts)
    keys = frozenset({("people", "killed")})
    with _index(tmp_path) as index:
        index.refresh(_load(folder), CountingExtract())
        got = index.nearest([Probe(str(folder / "z.txt"), dt.date(2025, 3, 10), keys)], per_side=2)
        assert _files_of(got) == ["a3.txt", "a4.txt", "d12.txt", "d15.txt"]
