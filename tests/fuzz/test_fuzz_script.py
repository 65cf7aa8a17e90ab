"""scripts/fuzz.py runs, counts what it tried, and keeps known findings apart from new ones."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "fuzz.py"


def _fuzz():  # noqa: ANN202 - the script's module
    spec = importlib.util.spec_from_file_location("fuzz_script", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def test_a_short_run_reports_inputs_and_no_new_findings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = _fuzz().main(["--minutes", "0.02", "--seed", "1", "--out", str(tmp_path / "out"), "--memory-mb", "0"])
    out = capsys.readouterr().out
    assert code == 0
    assert "inputs tried" in out and "new findings: 0 inputs" in out
    for case in (tmp_path / "out").glob("finding-*/case.json"):
        assert json.loads(case.read_text("utf-8"))["known"] is True
