"""What a command loads: parsing arguments loads none of the core, and check and verify load no terminal UI.

Each run is a fresh interpreter (the test process has imported much of everything already), which calls ``main``
and prints the names of the modules then loaded.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PENTAGON = """WASHINGTON, Nov. 22, 2024 — About 11,000 North Korean troops are in Russia's Kursk region, a Pentagon
spokesperson said on Friday.
"""
DRAFT = "About 12,000 North Korean troops are in Russia's Kursk region.\n"

_PROBE = """
import json, sys
from checker.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def loaded(cwd: Path, *args: str) -> set[str]:
    env = {"NO_COLOR": "1", "PATH": os.environ.get("PATH", ""), "HOME": str(cwd)}
    if "XDG_CACHE_HOME" in os.environ:
        env["XDG_CACHE_HOME"] = os.environ["XDG_CACHE_HOME"]  # the session's (tests/conftest.py)
    done = subprocess.run([sys.executable, "-c", _PROBE, *args], cwd=cwd, capture_output=True, text=True, env=env)
    return set(json.loads(done.stderr.strip().splitlines()[-1]))


def top(names: set[str]) -> set[str]:
    return {n.split(".")[0] for n in names}


@pytest.mark.parametrize("args", [["--help"], ["check", "--help"], ["verify", "--help"], ["--version"]],
                         ids=["help", "check-help", "verify-help", "version"])
def test_parsing_arguments_loads_none_of_the_core(tmp_path: Path, args: list[str]) -> None:
    names = loaded(tmp_path, *args)
    assert "checker.cli" in names
    assert not {"pydantic", "rich", "textual", "simplemma", "rapidfuzz"} & top(names)
    assert not {n for n in names if n.startswith(("checker.extract", "checker.compare", "checker.models"))}


@pytest.mark.parametrize(
    "args",
    [["check", "a.txt", "--format", "json"], ["check", "a.txt"], ["check", "a.txt", "--format", "sarif"],
     ["verify", "draft.txt", "--against", "a.txt", "--format", "json"], ["verify", "draft.txt", "--against", "a.txt"]],
    ids=["check-json", "check-text", "check-sarif", "verify-json", "verify-text"],
)
def test_check_and_verify_load_no_terminal_ui(tmp_path: Path, args: list[str]) -> None:
    (tmp_path / "a.txt").write_text(PENTAGON, "utf-8")
    (tmp_path / "draft.txt").write_text(DRAFT, "utf-8")
    names = loaded(tmp_path, *args)
    assert "checker.extract" in names  # the command ran
    assert not {"textual", "tui"} & top(names)
    assert "sqlite3" not in names  # the index is for --against only
    if "json" in args:
        assert "rich" not in top(names)  # the text writer's
