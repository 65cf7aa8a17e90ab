"""Files an attacker can put in a folder of reports: pipes, devices, huge sparse files, symlinks out of the folder,
reports that hide their text in an unclosed comment; and failing closed on any unreadable report."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from checker.errors import InputError
from checker.ingest import load_documents, read_bytes, read_document

REPORT = "KYIV, Nov. 25, 2024 (Reuters) - About 11,000 North Korean troops are in Kursk Oblast.\n"


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "good.txt").write_text(REPORT, encoding="utf-8")
    return folder


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_named_like_a_report_is_skipped_not_read(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    os.mkfifo(folder / "pipe.txt")  # nothing ever writes to it: reading it would block forever
    result = load_documents([str(folder)])
    assert [Path(d.path).name for d in result.documents] == ["good.txt"]
    assert [Path(p.path).name for p in result.problems] == ["pipe.txt"]
    with pytest.raises(InputError):
        read_bytes(str(folder / "pipe.txt"))


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_a_symlink_to_dev_zero_is_refused_before_reading(tmp_path: Path) -> None:
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    with pytest.raises(InputError):
        read_document(str(link))
    with pytest.raises(InputError):
        read_bytes(str(link), max_bytes=1_000)


def test_a_huge_sparse_file_is_refused_by_its_size(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:
        fh.truncate(2_000_000_000)  # 2 GB of holes: a whole read would exhaust memory
    with pytest.raises(InputError):
        read_bytes(str(big))
    assert [Path(p.path).name for p in load_documents([str(big), str(_folder(tmp_path))]).unreadable] == ["big.txt"]


def test_symlinks_out_of_the_folder_are_skipped_unless_followed(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    outside = tmp_path / "secret"
    outside.mkdir()
    (outside / "passwd.txt").write_text("root:x:0:0:500 troops in Kursk.\n", encoding="utf-8")
    (folder / "evidence.txt").symlink_to(outside / "passwd.txt")
    (folder / "more").symlink_to(outside, target_is_directory=True)
    (folder / "alias.txt").symlink_to(folder / "good.txt")  # inside the folder: fine
    result = load_documents([str(folder)])
    real = sorted(Path(os.path.realpath(d.path)).name for d in result.documents)
    assert real == ["good.txt"]  # alias.txt is the same file as good.txt, loaded once
    assert sorted(Path(p.path).name for p in result.problems) == ["evidence.txt", "more"]
    assert all(p.severity == "warning" for p in result.problems)
    followed = load_documents([str(folder)], follow_symlinks=True)
    real = sorted(Path(os.path.realpath(d.path)).name for d in followed.documents)
    assert real == ["good.txt", "passwd.txt"]  # each file once, however many links lead to it


def test_a_symlink_loop_is_walked_once(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    (folder / "loop").symlink_to(folder, target_is_directory=True)
    result = load_documents([str(folder)], follow_symlinks=True)
    assert [Path(d.path).name for d in result.documents] == ["good.txt"]


def test_unreadable_reports_are_listed_and_fail_closed_on_request(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    (folder / "bad.txt").write_bytes(b"About 500 troops \xff arrived.\n")
    result = load_documents([str(folder)])
    assert [Path(p.path).name for p in result.unreadable] == ["bad.txt"]
    assert len(result.documents) == 1
    with pytest.raises(InputError) as err:
        load_documents([str(folder)], allow_unreadable=False)
    assert Path(err.value.path).name == "bad.txt"


@pytest.mark.parametrize("name", ["page.html", "notes.md"])
def test_a_report_hidden_in_an_unclosed_comment_is_unreadable_not_empty(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text("<!-- draft\n<p>" + REPORT + "</p>\n", encoding="utf-8")
    with pytest.raises(InputError):
        read_document(str(path))
    result = load_documents([str(path), str(_folder(tmp_path))])
    assert [Path(p.path).name for p in result.unreadable] == [name]


def test_an_unclosed_comment_after_some_text_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "page.md"
    path.write_text(REPORT + "\n<!-- the rest\nFewer than 500 troops are in Kursk.\n", encoding="utf-8")
    result = load_documents([str(path)])
    assert len(result.documents) == 1
    assert [Path(p.path).name for p in result.unreadable] == ["page.md"]
    closed = tmp_path / "closed.md"
    closed.write_text(REPORT + "\n<!-- a note -->\nMore text.\n", encoding="utf-8")
    assert load_documents([str(closed)]).problems == []
