"""A damaged or tampered index is rebuilt (or the damaged files re-extracted) with a warning, never a traceback;
a full disk is a clear error; paths that are not UTF-8 are stored and given back as they were."""

from __future__ import annotations

import os
import sqlite3
import zlib
from pathlib import Path

import pytest

from checker.errors import CheckerError
from checker.extract import extract_document
from checker.ingest import discover, load_documents
from checker.models import Document, DocumentAssertions
from checker.store.index import CorpusIndex, blocking_keys, default_index_path

TROOPS = "KYIV, Nov. 25, 2024 (Reuters) - About 11,000 North Korean troops are in Kursk Oblast, officials said.\n"
QUAKE = "KATHMANDU, March 3, 2025 (AP) - An earthquake of magnitude 6.2 killed 140 people in Nepal, the government said.\n"


def _extract(documents: list[Document]) -> list[DocumentAssertions]:
    return [extract_document(d) for d in documents]


def _load(paths: list[str]) -> list[Document]:
    return load_documents(paths).documents if paths else []


def _corpus(tmp_path: Path, n: int = 40) -> list[str]:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for i in range(n):
        text = TROOPS.replace("11,000", f"{11_000 + i:,}") if i % 2 else QUAKE.replace("140", str(140 + i))
        (folder / f"r{i:03}.txt").write_text(text * 5, encoding="utf-8")
    files, _ = discover([str(folder)])
    return files


def _snapshot(index: CorpusIndex) -> list[tuple[str, str, str]]:
    return sorted((a.path, a.attribute, a.value.model_dump_json()) for a in index.assertions_for())


def _built(tmp_path: Path) -> tuple[Path, list[str], list[tuple[str, str, str]]]:
    files = _corpus(tmp_path)
    path = default_index_path(tmp_path)
    with CorpusIndex(path) as index:
        index.sync(files, _load, _extract)
        expected = _snapshot(index)
        assert expected and not index.warnings
    return path, files, expected


def conn_count(path: Path, query: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(query).fetchone()[0]
    finally:
        conn.close()


def test_flipped_bytes_in_the_data_pages_rebuild_the_index_with_a_warning(tmp_path: Path) -> None:
    path, files, expected = _built(tmp_path)
    data = bytearray(path.read_bytes())
    assert len(data) > 4 * 4096
    for i in range(2 * 4096, len(data), 7):
        data[i] ^= 0xA5
    path.write_bytes(bytes(data))
    with CorpusIndex(path) as index:
        index.sync(files, _load, _extract)
        assert _snapshot(index) == expected
        assert index.warnings


def test_the_right_version_with_wrong_columns_is_rebuilt(tmp_path: Path) -> None:
    path, files, expected = _built(tmp_path)
    conn = sqlite3.connect(path)
    conn.execute("ALTER TABLE files RENAME COLUMN sha256 TO digest")
    conn.commit()
    conn.close()
    with CorpusIndex(path) as index:
        index.sync(files, _load, _extract)
        assert _snapshot(index) == expected


def test_deleted_assertion_rows_are_noticed_and_re_extracted(tmp_path: Path) -> None:
    path, files, expected = _built(tmp_path)
    conn = sqlite3.connect(path)
    # Block entries of eleven files go, and the blob of three of them: the counts no longer add up.
    conn.execute("DELETE FROM blocks WHERE file IN (SELECT id FROM files ORDER BY key LIMIT 11)")
    conn.execute("DELETE FROM claims WHERE file IN (SELECT id FROM files ORDER BY key LIMIT 3)")
    conn.commit()
    conn.close()
    with CorpusIndex(path) as index:
        stats = index.sync(files, _load, _extract)
        assert stats.updated + stats.added == 11
        assert index.warnings
        assert _snapshot(index) == expected


def test_edited_assertion_rows_fail_the_digest_and_are_re_extracted_on_read(tmp_path: Path) -> None:
    path, files, expected = _built(tmp_path)
    conn = sqlite3.connect(path)
    changed = 0
    for fid, data in conn.execute("SELECT file, data FROM claims").fetchall():
        text = zlib.decompress(data).decode("utf-8")
        edited = text.replace("11,001", "3,000").replace("11001", "3000")
        if edited != text:
            conn.execute("UPDATE claims SET data = ? WHERE file = ?", (zlib.compress(edited.encode("utf-8")), fid))
            changed += 1
    conn.commit()
    conn.close()
    assert changed
    with CorpusIndex(path) as index:
        index.sync(files, _load, _extract)
        assert not index.warnings  # counts still match: only reading the rows can tell
        keys = blocking_keys(a for d in _extract(_load(files[:2])) for a in d.assertions)
        got = index.assertions_for(keys)
        assert index.warnings
        assert sorted((a.path, a.attribute, a.value.model_dump_json()) for a in got) == [
            e for e in expected if e[0] in {a.path for a in got}
        ]
        assert _snapshot(index) == expected
        assert not index.damaged()


def test_a_full_disk_is_a_clear_error_and_keeps_the_last_state(tmp_path: Path) -> None:
    files = _corpus(tmp_path)
    path = default_index_path(tmp_path)
    with CorpusIndex(path) as index:
        index.sync(files[:2], _load, _extract)
        before = _snapshot(index)
        pages = index._conn.execute("PRAGMA page_count").fetchone()[0]
        index._conn.execute(f"PRAGMA max_page_count = {pages + 1}")
        with pytest.raises(CheckerError) as err:
            index.sync(files, _load, _extract)
        assert not isinstance(err.value, sqlite3.Error)
        assert _snapshot(index) == before


def test_a_path_that_is_not_utf8_is_stored_and_given_back(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    name = os.fsdecode(b"caf\xe9.txt")
    try:
        (folder / name).write_text(TROOPS, encoding="utf-8")
    except (UnicodeEncodeError, OSError):
        pytest.skip("the file system refuses names that are not UTF-8")
    files, _ = discover([str(folder)])
    with CorpusIndex(default_index_path(tmp_path)) as index:
        index.sync(files, _load, _extract)
        assert index.sync(files, _load, _extract).unchanged == 1
        assert {a.path for a in index.assertions_for()} == set(files)
        assert set(index.dates()) == set(files)
        assert [d.path for d in index.documents()] == files


def test_stale_reads_no_more_than_the_byte_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:
        fh.truncate(2_000_000_000)
    with CorpusIndex(default_index_path(tmp_path)) as index:
        assert index.stale([str(big)]) == [str(big)]


def test_rows_of_a_file_the_index_never_saw_are_not_served(tmp_path: Path) -> None:
    path, files, expected = _built(tmp_path)
    conn = sqlite3.connect(path)
    # Claims and block entries of a file id no file row has (a forged report slipped into the index).
    conn.execute("INSERT INTO claims SELECT 999999, data FROM claims c JOIN files f ON c.file = f.id WHERE f.path = ?",
                 (files[1],))
    conn.execute("INSERT INTO blocks SELECT head, lead, b.date, attribute, 999999 FROM blocks b"
                 " JOIN files f ON b.file = f.id WHERE f.path = ?", (files[1],))
    conn.commit()
    conn.close()
    with CorpusIndex(path) as index:
        index.sync(files, _load, _extract)
        keys = blocking_keys(a for d in _extract(_load(files[:2])) for a in d.assertions)
        got = index.assertions_for(keys)
        assert sorted((a.path, a.attribute, a.value.model_dump_json()) for a in got) == [
            e for e in expected if e[0] in {a.path for a in got}
        ]
        assert conn_count(path, "SELECT COUNT(*) FROM claims WHERE file = 999999") == 0
        assert index.warnings
        assert _snapshot(index) == expected
