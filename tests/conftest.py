"""Every test starts from the same environment, whether it runs at a terminal or on a CI runner.

The CLI reads a few variables (``CI`` makes an unreadable report an error, ``NO_COLOR``/``FORCE_COLOR`` style the
output, ``CHECKER_USER`` names the analyst). A test that needs one sets it with ``monkeypatch.setenv``.
"""

from __future__ import annotations

import pytest

_ENVIRONMENT = ("CI", "GITHUB_ACTIONS", "NO_COLOR", "FORCE_COLOR", "CHECKER_USER")


@pytest.fixture(autouse=True)
def _hermetic_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in _ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)
