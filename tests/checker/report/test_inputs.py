"""The files summary: every input file is checked, skipped with a reason, or unreadable -- none left out."""

from pathlib import Path

from checker.report.inputs import Skip, classify, summarise

REPORT = "WASHINGTON, Nov. 22, 2024 — About 11,000 North Korean troops are in Kursk.\n"


def test_classify_by_size_and_content(tmp_path: Path):
    (tmp_path / "big.txt").write_text(REPORT * 10, "utf-8")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00")
    (tmp_path / "nul.txt").write_bytes(b"ab\x00cd")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "latin1.txt").write_bytes(b"caf\xe9 au lait")
    assert classify(str(tmp_path / "big.txt"), 100) is Skip.TOO_LARGE
    assert classify(str(tmp_path / "image.txt"), 10_000) is Skip.BINARY
    assert classify(str(tmp_path / "nul.txt"), 10_000) is Skip.BINARY
    assert classify(str(tmp_path / "empty.txt"), 10_000) is Skip.EMPTY
    assert classify(str(tmp_path / "latin1.txt"), 10_000) is Skip.UNREADABLE
    assert classify(str(tmp_path / "gone.txt"), 10_000) is Skip.UNREADABLE


def test_summary_counts_every_file(tmp_path: Path):
    (tmp_path / "a.txt").write_text(REPORT, "utf-8")
    (tmp_path / "b.md").write_text(REPORT * 50, "utf-8")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "sheet.xlsx").write_bytes(b"PK\x03\x04")
    (tmp_path / "README.md").write_text("# notes", "utf-8")
    (tmp_path / ".hidden.pdf").write_bytes(b"%PDF-1.4")
    summary = summarise([str(tmp_path)], [str(tmp_path / "a.txt")], 1_000)
    assert summary.checked == 1
    assert dict(summary.skipped) == {Skip.TOO_LARGE: 1, Skip.UNSUPPORTED: 2}
    assert summary.unreadable == 0
