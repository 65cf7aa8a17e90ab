"""The console command as a process: ``entry`` ends the process without tearing the interpreter down, and loses
nothing on the way (the exit code, every byte written to a pipe, the exit handlers)."""

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
SEOUL = """SEOUL, Nov. 22, 2024 — No more than 3,000 North Korean troops are in Russia's Kursk region, a South Korean
lawmaker said on Friday.
"""

_WITH_HANDLER = """
import atexit, sys
from checker.cli import entry
atexit.register(print, "exit handler ran")
sys.argv = ["checker", *sys.argv[1:]]
entry()
"""


def _run(cwd: Path, *command: str) -> subprocess.CompletedProcess[str]:
    # Block-buffered output, as in most pipelines: what is still in the buffer at the end must reach the pipe.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"} | {"NO_COLOR": "1"}
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=env, timeout=120)


@pytest.fixture
def reports(tmp_path: Path) -> Path:
    (tmp_path / "pentagon.txt").write_text(PENTAGON, "utf-8")
    (tmp_path / "seoul.txt").write_text(SEOUL, "utf-8")
    return tmp_path


@pytest.mark.parametrize(("args", "code"), [(["check", "pentagon.txt", "seoul.txt"], 1),
                                            (["check", "pentagon.txt"], 0),
                                            (["check", "missing.txt"], 2)],
                         ids=["conflict", "clean", "bad-input"])
def test_the_exit_code_is_mains(reports: Path, args: list[str], code: int) -> None:
    assert _run(reports, sys.executable, "-m", "checker", *args).returncode == code


def test_all_of_the_output_reaches_a_pipe(reports: Path) -> None:
    done = _run(reports, sys.executable, "-m", "checker", "check", "--format", "json", "pentagon.txt", "seoul.txt")
    conflicts = json.loads(done.stdout)["conflicts"]
    assert [c["kind"] for c in conflicts] == ["numeric"]


def test_exit_handlers_still_run(reports: Path) -> None:
    done = _run(reports, sys.executable, "-c", _WITH_HANDLER, "check", "pentagon.txt", "--quiet")
    assert done.returncode == 0
    assert done.stdout.splitlines()[-1] == "exit handler ran"


def test_a_profiler_still_writes_its_results(reports: Path) -> None:
    done = _run(reports, sys.executable, "-m", "cProfile", "-o", "run.prof", "-m", "checker", "check", "pentagon.txt")
    assert done.returncode == 0
    assert (reports / "run.prof").stat().st_size > 0


_WITH_THREAD = """
import sys, threading, time
from pathlib import Path
from checker.cli import entry

def late():
    time.sleep(0.3)
    Path("thread-done").write_text("yes")

threading.Thread(target=late).start()
sys.argv = ["checker", *sys.argv[1:]]
entry()
"""

_STDOUT_CLOSED = """
import sys
from checker.cli import entry
sys.stdout = None
sys.argv = ["checker", *sys.argv[1:]]
entry()
"""


def test_a_thread_still_at_work_is_waited_for(reports: Path) -> None:
    done = _run(reports, sys.executable, "-c", _WITH_THREAD, "check", "pentagon.txt", "--quiet")
    assert done.returncode == 0
    assert (reports / "thread-done").read_text() == "yes"


def test_a_closed_stdout_is_no_crash(reports: Path) -> None:
    done = _run(reports, sys.executable, "-c", _STDOUT_CLOSED, "check", "pentagon.txt", "--quiet")
    assert "Traceback" not in done.stderr
