"""``check --against`` through the index finds exactly what comparing the incoming reports with every corpus
report finds (conflict ids and evidence), on the first run, on later runs that read no corpus file, and with the
corpus path spelled another way."""

from __future__ import annotations

import datetime as dt
import os
import time
from pathlib import Path

import pytest

import checker.pipeline as pipeline
from checker.compare import find_conflicts
from checker.compare.engine import cap_conflicts
from checker.extract import extract_document
from checker.ingest import limits, load_documents
from checker.models import Conflict

TROOPS = (
    "KYIV, Nov. {day}, 2024 (Reuters) - About {n:,} North Korean troops are in Kursk Oblast, officials said.{who}\n"
)
QUAKE = "KATHMANDU, March {day}, 2025 (AP) - An earthquake killed {n} people in Nepal, the government said.\n"
SAID = " Ukrainian President Volodymyr Zelensky and Defence Minister Rustem Umerov said so on Monday."
NEW = (
    "SEOUL, Nov. 27, 2024 (Yonhap) - About 3,000 North Korean troops are in Kursk Oblast, the spy agency said."
    " Ukrainian President Volodymyr Zelensky disagreed. The earthquake in Nepal killed 400 people.\n"
)


def _corpus(tmp_path: Path) -> tuple[Path, Path]:
    corpus, incoming = tmp_path / "corpus", tmp_path / "incoming"
    corpus.mkdir()
    incoming.mkdir()
    for i in range(10):
        text = TROOPS.format(day=20 + i % 6, n=11_000 + 500 * i, who=SAID if i < 7 else "")
        (corpus / f"troops-{i}.txt").write_text(text, encoding="utf-8")
        (corpus / f"quake-{i}.txt").write_text(QUAKE.format(day=3 + i % 3, n=140 + i), encoding="utf-8")
    then = time.time() - 60
    for path in corpus.iterdir():
        os.utime(path, (then, then))
    (incoming / "new.txt").write_text(NEW, encoding="utf-8")
    return corpus, incoming


def _shape(conflicts: list[Conflict]) -> list[tuple]:
    return [(c.id, [(e.path, e.start, e.end, e.text, e.value) for e in c.evidence]) for c in conflicts]


def _compared_with_everything(incoming: str, corpus: str) -> list[Conflict]:
    """What a check against the corpus reported before there was an index: every corpus claim, every corpus
    report's date, countries and names, compared with the incoming report's."""
    new = load_documents([incoming]).documents
    old = load_documents([corpus]).documents
    fresh, context = [extract_document(d) for d in new], [extract_document(d) for d in old]
    everything = fresh + context
    conflicts = find_conflicts(
        [a for d in everything for a in d.assertions],
        dates={d.path: d.date for d in new + old},
        incoming={d.path for d in new},
        countries={d.path: d.countries for d in everything},
        names={d.path: d.names for d in everything},
        statements={d.path: d.statements for d in fresh},
    )
    return cap_conflicts(conflicts, limits.MAX_CONFLICTS_PER_DOCUMENT)[0]


def test_check_against_the_index_finds_what_comparing_everything_finds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus, incoming = _corpus(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert len(_compared_with_everything("incoming", "corpus")) >= 2  # a troops count and a toll

    extracted: list[str] = []
    real = pipeline.extract_all

    def extract_all(documents, on_progress=None):  # type: ignore[no-untyped-def]
        extracted.extend(Path(d.path).parent.name for d in documents)
        return real(documents, on_progress)

    monkeypatch.setattr(pipeline, "extract_all", extract_all)
    index = tmp_path / "index.sqlite"
    runs = {}
    spellings = (("first", "corpus"), ("again", "corpus"), ("absolute", str(corpus)), ("dotted", "./corpus/"))
    for label, spelled in spellings:
        extracted.clear()
        found = pipeline.analyse(["incoming"], against=[spelled], index_path=index, reference_date=dt.date(2024, 12, 1))
        runs[label] = found
        assert extracted.count("corpus") == (20 if label == "first" else 0)
    # Conflict ids name the files as given, so each spelling is compared with everything spelled that way.
    for label, spelled in spellings:
        expected = _shape(_compared_with_everything("incoming", spelled))
        assert _shape(runs[label].conflicts) == expected, label


def _discovered(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paths every file discovery of the run is asked to list."""
    asked: list[str] = []
    real = pipeline.discover

    def discover(paths, **kwargs):  # type: ignore[no-untyped-def]
        asked.extend(paths)
        return real(paths, **kwargs)

    monkeypatch.setattr(pipeline, "discover", discover)
    return asked


def _indexed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *folders: str, at: str = "index.sqlite") -> Path:
    """The test corpus written and indexed (``folders`` of it) at ``tmp_path / at``, the working folder its root."""
    _corpus(tmp_path)
    monkeypatch.chdir(tmp_path)
    index = tmp_path / at
    pipeline.build_index(list(folders), index_path=index)
    return index


def test_check_against_the_index_file_lists_no_corpus_and_finds_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index = _indexed(tmp_path, monkeypatch, "corpus", at="built/index.sqlite")
    asked = _discovered(monkeypatch)
    found = pipeline.analyse(["incoming"], against=[str(index)], reference_date=dt.date(2024, 12, 1))
    assert asked == ["incoming"]
    assert len(found.conflicts) >= 2
    assert _shape(found.conflicts) == _shape(_compared_with_everything("incoming", "corpus"))


def test_check_against_the_index_file_sees_an_edit_once_indexed_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index = _indexed(tmp_path, monkeypatch, "corpus")
    before = _shape(_compared_with_everything("incoming", "corpus"))
    (tmp_path / "corpus" / "troops-7.txt").write_text(TROOPS.format(day=21, n=90_000, who=""), encoding="utf-8")
    after = _shape(_compared_with_everything("incoming", "corpus"))
    assert before != after

    def check() -> list[tuple]:
        return _shape(pipeline.analyse(["incoming"], against=[str(index)], reference_date=dt.date(2024, 12, 1)).conflicts)

    assert check() == before  # the index as it stands: the edit is not looked for
    pipeline.build_index(["corpus"], index_path=index)
    assert check() == after


def test_check_against_the_index_file_leaves_out_an_incoming_report_it_holds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index = _indexed(tmp_path, monkeypatch, "corpus", "incoming")
    found = pipeline.analyse(["incoming/new.txt"], against=[str(index)], reference_date=dt.date(2024, 12, 1))
    assert _shape(found.conflicts) == _shape(_compared_with_everything("incoming/new.txt", "corpus"))


@pytest.mark.parametrize("case", ["empty", "other-extractor", "mixed", "two-indexes"])
def test_check_against_an_index_file_that_cannot_stand_for_the_corpus_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str
) -> None:
    import sqlite3

    from checker.errors import ConfigError
    from checker.store.index import CorpusIndex

    _corpus(tmp_path)
    monkeypatch.chdir(tmp_path)
    index = tmp_path / "index.sqlite"
    against = [str(index)]
    if case == "empty":
        CorpusIndex(index).close()
    else:
        pipeline.build_index(["corpus"], index_path=index)
    if case == "other-extractor":
        with sqlite3.connect(index) as conn:
            conn.execute("UPDATE meta SET value = 'older' WHERE key = 'extractor'")
        conn.close()
    elif case == "mixed":
        against.append("corpus")
    elif case == "two-indexes":
        pipeline.build_index(["corpus"], index_path=tmp_path / "other.sqlite")
        against.append(str(tmp_path / "other.sqlite"))
    with pytest.raises(ConfigError):
        pipeline.analyse(["incoming"], against=against, reference_date=dt.date(2024, 12, 1))


def test_check_against_the_index_file_reads_while_another_run_holds_the_write_lock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    import checker.store.index as index_module

    index = _indexed(tmp_path, monkeypatch, "corpus")
    expected = _shape(pipeline.analyse(["incoming"], against=[str(index)], reference_date=dt.date(2024, 12, 1)).conflicts)
    monkeypatch.setattr(index_module, "_BUSY_MS", 200)  # a lock waited for fails in 0.2 s, not 10
    writer = sqlite3.connect(index, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # a checker index run in the middle of a batch
    try:
        found = pipeline.analyse(["incoming"], against=[str(index)], reference_date=dt.date(2024, 12, 1))
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert _shape(found.conflicts) == expected
