"""Diff tests run the fact checks both ways the diff extracts: whole documents, and the excerpt for large ones."""

from __future__ import annotations

import pytest


@pytest.fixture(params=["whole", "excerpt"])
def extraction(request, monkeypatch):
    if request.param == "excerpt":
        monkeypatch.setattr("checker.diff.facts.FULL_EXTRACT_LIMIT", 0)
    return request.param
