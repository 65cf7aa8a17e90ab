"""Every test starts from the same environment, whether it runs at a terminal or on a CI runner.

The CLI reads a few variables (``CI`` makes an unreadable report an error, ``NO_COLOR``/``FORCE_COLOR`` style the
output, ``CHECKER_USER`` names the analyst). A test that needs one sets it with ``monkeypatch.setenv``.

The caches checker keeps in the user's cache folder (the gazetteer's index, simplemma's English trie) go to a
folder of the test session's own (``XDG_CACHE_HOME``), also for the commands tests run in subprocesses.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

_ENVIRONMENT = ("CI", "GITHUB_ACTIONS", "NO_COLOR", "FORCE_COLOR", "CHECKER_USER")


@pytest.fixture(autouse=True)
def _hermetic_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in _ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(autouse=True, scope="session")
def _session_cache_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    before = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if before is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = before
