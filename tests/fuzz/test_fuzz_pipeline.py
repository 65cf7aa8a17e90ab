"""Property-based: any reports (news-like text with hostile fragments, or plain bytes), any reference date, go
through ingest -> extract -> compare -> every writer with the invariants of harness.py holding."""

from __future__ import annotations

import datetime as dt

import harness
import pytest
import strategies
from hypothesis import HealthCheck, given, settings

from checker.extract.sentences import split_sentences

# Derandomized: the suite gives the same examples every run (new inputs are scripts/fuzz.py's job).
FUZZ = settings(
    max_examples=80, deadline=None, database=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)


@FUZZ
@given(strategies.files, strategies.dates)
def test_pipeline_keeps_its_invariants(files: list[tuple[str, bytes]], reference: dt.date | None) -> None:
    harness.run(files, reference, skip=harness.KNOWN_FAILING_WRITERS)


@pytest.mark.parametrize("files", [[("b.md", b"\x7f About 500 troops.")], [("r\udcffport.txt", b"About 500 troops.")]])
def test_extract_json_escapes_controls_and_non_utf8_paths(files: list[tuple[str, bytes]]) -> None:
    harness.run(files)


@FUZZ
@given(strategies.texts)
def test_sentences_cover_the_text_and_point_into_it(text: str) -> None:
    found = split_sentences(text)
    for s in found:
        assert text[s.start : s.end] == s.text and s.text.strip() == s.text
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))
