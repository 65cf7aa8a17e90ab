"""Without the optional packages, ``check --dask`` and ``index --parquet`` say what to install (exit 2); nothing
else needs them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from checker.cli import main


def test_dask_option_without_the_extra_names_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("dask", "dask.bag", "distributed"):
        monkeypatch.setitem(sys.modules, name, None)  # import fails as when the package is absent
    (tmp_path / "a.txt").write_text("About 11,000 troops are in Kursk.\n", "utf-8")
    assert main(["check", str(tmp_path / "a.txt"), "--dask", "local"]) == 2
    assert "report-checker[dask]" in capsys.readouterr().err


def test_a_check_without_dask_imports_no_dask(tmp_path: Path) -> None:
    report = tmp_path / "a.txt"
    report.write_text("About 11,000 troops are in Kursk.\n", "utf-8")
    probe = (f"import sys; from checker.cli import main; main(['check', {str(report)!r}, '--quiet']); "
             "print(sorted(m for m in sys.modules "
             "if m.split('.')[0] in ('dask', 'distributed') or m.startswith('checker.scale')))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=tmp_path, check=False)
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_parquet_index_without_the_extra_names_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    (tmp_path / "a.txt").write_text("About 11,000 troops are in Kursk.\n", "utf-8")
    assert main(["index", str(tmp_path / "a.txt"), "--parquet", str(tmp_path / "out")]) == 2
    assert "report-checker[dask]" in capsys.readouterr().err
