"""``checker index --parquet``: claims written partitioned by blocking key read back exactly, also by block."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("pyarrow")
pytest.importorskip("fsspec")

from checker.cli import main  # noqa: E402
from checker.errors import ConfigError  # noqa: E402
from checker.extract import extract_document  # noqa: E402
from checker.ingest import parse_document  # noqa: E402
from checker.store.parquet import block_name, read_claims, write_claims  # noqa: E402

PENTAGON = ("WASHINGTON, Nov. 22, 2024 — About 11,000 North Korean troops are in Russia's Kursk region, a Pentagon "
            "spokesperson said. The treaty was signed in June.\n")
SEOUL = ("SEOUL, Nov. 22, 2024 — No more than 3,000 North Korean troops are in Russia's Kursk region, a lawmaker "
         "said. At least 40 people were killed in the strike.\n")


def _extracted():
    return [extract_document(parse_document(name, text)) for name, text in (("b.txt", SEOUL), ("a.txt", PENTAGON))]


@pytest.mark.parametrize("where", ["folder", "memory"])
def test_claims_read_back_as_written(tmp_path: Path, where: str) -> None:
    target = str(tmp_path / "claims") if where == "folder" else f"memory://{tmp_path.name}/claims"
    extracted = _extracted()
    stats = write_claims(extracted, target)
    claims = [a for d in sorted(extracted, key=lambda d: d.path) for a in d.assertions]
    assert stats.documents == 2 and stats.claims == len(claims) >= 4
    assert read_claims(target) == claims


def test_only_the_blocks_asked_for_are_read(tmp_path: Path) -> None:
    extracted = _extracted()
    write_claims(extracted, str(tmp_path / "claims"))
    counts = [a for d in extracted for a in d.assertions if a.attribute == "count"]
    wanted = {block_name(a) for a in counts}
    found = read_claims(str(tmp_path / "claims"), wanted)
    assert found and {block_name(a) for a in found} == wanted
    assert {a.attribute for a in found} == {"count"}
    assert read_claims(str(tmp_path / "claims"), []) == []


def test_a_folder_checker_did_not_write_is_left_alone(tmp_path: Path) -> None:
    target = tmp_path / "mine"
    target.mkdir()
    (target / "notes.txt").write_text("keep me", "utf-8")
    with pytest.raises(ConfigError):
        write_claims(_extracted(), str(target))
    assert (target / "notes.txt").exists()
    with pytest.raises(ConfigError):
        read_claims(str(target))


def test_a_second_run_replaces_the_first(tmp_path: Path) -> None:
    target = str(tmp_path / "claims")
    write_claims(_extracted(), target)
    one = _extracted()[:1]
    write_claims(one, target)
    assert read_claims(target) == one[0].assertions


def test_index_command_writes_parquet(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text(PENTAGON, "utf-8")
    (tmp_path / "corpus" / "b.txt").write_text(SEOUL, "utf-8")
    assert main(["index", "corpus", "--parquet", "out"]) == 0
    assert "claims of 2 reports" in capsys.readouterr().out
    assert {a.path for a in read_claims("out")} == {"corpus/a.txt", "corpus/b.txt"}
    assert not (tmp_path / ".checker" / "index.sqlite").exists()  # Parquet instead of the SQLite index
