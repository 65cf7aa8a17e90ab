"""``check --dask`` on a LocalCluster of two worker processes gives what the one-machine run gives.

Skipped when the optional extra is not installed (``pip install -e '.[dev,dask]'``; CI installs it).
"""

from __future__ import annotations

import importlib.util
import json
import logging
import sys
from pathlib import Path

import pytest

pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")

from checker.cli import main  # noqa: E402
from checker.evaluate import load_case  # noqa: E402
from checker.pipeline import analyse  # noqa: E402
from checker.scale.dask_run import analyse_on_dask  # noqa: E402

DATA = Path(__file__).parents[2] / "data"
SEEDS = Path(__file__).parents[3] / "seeds"
BENCHMARKS = Path(__file__).parents[3] / "benchmarks"


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=logging.ERROR) as running:
        yield running


def _write_cases(folder: Path, cases: list[Path]) -> None:
    """Each labelled case's reports as files, one folder per case."""
    for case_file in cases:
        case = load_case(case_file)
        target = folder / case_file.parent.name / case_file.stem
        for name, text in case.documents.items():
            path = target / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, "utf-8")


def _dump(conflicts) -> list[dict]:
    return [c.model_dump(mode="json") for c in conflicts]


@pytest.mark.parametrize("labelled", ["cases", "cases_fresh"])
def test_labelled_sets_give_the_same_conflicts_on_dask(tmp_path: Path, cluster, labelled: str) -> None:
    # All cases of a set read as one corpus: many blocks, restatements and stories meet across cases, and the
    # undated ones take the median date of the rest, on the workers as at home.
    _write_cases(tmp_path, sorted((DATA / labelled).glob("*.toml")))
    local = analyse([str(tmp_path)])
    spread = analyse_on_dask([str(tmp_path)], scheduler=cluster.scheduler_address, partitions=7)
    assert len(local.conflicts) >= 10
    assert [c.id for c in spread.conflicts] == [c.id for c in local.conflicts]
    assert _dump(spread.conflicts) == _dump(local.conflicts)
    assert [d.path for d in spread.documents] == [d.path for d in local.documents]
    assert [d.date for d in spread.documents] == [d.date for d in local.documents]


def _generator():
    """benchmarks/generate.py: wire-style stories told by several outlets, with planted conflicts."""
    spec = importlib.util.spec_from_file_location("generate", BENCHMARKS / "generate.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("generate", module)  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module.generate


def test_generated_reports_give_the_same_conflicts_on_dask(tmp_path: Path, cluster) -> None:
    # Generated reports reuse wire copy (restatements) and name agencies in many reports (common names): the
    # phases the labelled cases barely reach.
    _generator()(160, tmp_path, 11)
    local = analyse([str(tmp_path)])
    spread = analyse_on_dask([str(tmp_path)], scheduler=cluster.scheduler_address, partitions=6)
    restated = [c for c in local.conflicts if c.alignment is not None and c.alignment.matched == ["sentence"]]
    assert restated and len(restated) < len(local.conflicts)
    assert _dump(spread.conflicts) == _dump(local.conflicts)


def test_each_case_alone_gives_the_same_conflicts_on_dask(tmp_path: Path, cluster) -> None:
    # Case by case as `checker eval` reads them (a sample: a cluster round trip per case).
    cases = sorted((DATA / "cases").glob("*.toml"))[::12]
    _write_cases(tmp_path, cases)
    found = 0
    for folder in sorted(p for p in (tmp_path / "cases").iterdir()):
        local = analyse([str(folder)])
        spread = analyse_on_dask([str(folder)], scheduler=cluster.scheduler_address, partitions=3)
        assert _dump(spread.conflicts) == _dump(local.conflicts)
        found += len(local.conflicts)
    assert found > 0


def test_check_command_with_dask_prints_what_it_prints_without(
    tmp_path: Path, cluster, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    args = ["check", str(SEEDS), "--date", "2024-11-25", "--format", "json", "--decisions", "d.jsonl"]
    assert main(args) == 1
    without = capsys.readouterr().out
    assert main([*args, "--dask", cluster.scheduler_address]) == 1
    assert capsys.readouterr().out == without
    assert json.loads(without)["conflicts"]


def test_dask_setting_in_pyproject_is_used(
    tmp_path: Path, cluster, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text(
        f'[tool.checker]\ndask = "{cluster.scheduler_address}"\npaths = ["{SEEDS.as_posix()}"]\n', "utf-8"
    )
    assert main(["check", "--date", "2024-11-25", "--format", "json", "--decisions", "d.jsonl", "--against",
                 str(SEEDS)]) == 2  # not with a standing corpus (yet): said, exit 2
    assert "--dask" in capsys.readouterr().err
    assert main(["check", "--date", "2024-11-25", "--format", "json", "--decisions", "d.jsonl"]) == 1
    assert json.loads(capsys.readouterr().out)["conflicts"]


def test_a_local_cluster_size_must_be_a_count(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text("About 11,000 troops are in Kursk.\n", "utf-8")
    assert main(["check", str(tmp_path / "a.txt"), "--dask", "local:two"]) == 2
    assert "local:N" in capsys.readouterr().err


def test_the_places_a_report_is_about_travel_with_its_claims() -> None:
    """The scope gate reads the places below a country each report puts its things in (``report_places``); on Dask
    a block sees a report's figure without its location claims, so the places travel with the report's ``_Doc``."""
    from checker.compare.engine import report_places
    from checker.extract import extract_document
    from checker.ingest import parse_document
    from checker.scale.dask_run import _Loaded, _story_test, _with_context

    doc = parse_document("seville.txt", "SEVILLE, Spain, Aug. 2, 2025 - Firefighters in Seville fought a blaze on "
                                        "Friday. The temperature reached 46 degrees, officials said.\n")
    extracted = extract_document(doc)
    places = report_places(extracted.assertions)["seville.txt"]
    _, _, carried = _with_context(_Loaded(0, doc.path, doc, extracted, None), frozenset())
    assert carried.places == places
    assert _story_test([carried]).places == {"seville.txt": places}
