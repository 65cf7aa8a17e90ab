"""The distribution name: free on the package index, and the same in pyproject, the code and the README."""

import tomllib
from pathlib import Path

from checker.errors import DIST_NAME

ROOT = Path(__file__).parents[2]


def test_pyproject_readme_and_code_agree():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    assert project["name"] == DIST_NAME != "checker"
    assert project["scripts"] == {"checker": "checker.cli:entry"}
    readme = (ROOT / "README.md").read_text("utf-8")
    assert f"pip install {DIST_NAME}" in readme
