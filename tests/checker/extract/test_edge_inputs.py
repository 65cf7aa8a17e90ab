"""Whole-report inputs at the edges: a sentence cut off mid-phrase, as hard-wrapped or truncated copy gives."""

from __future__ import annotations

import pytest

from checker.extract import extract_text
from checker.ingest import limits
from checker.ingest.limits import MAX_SENTENCE_CHARS


@pytest.mark.parametrize("text", ["The ministry said it had deployed 500 troops from", "deployed 500 troops from\n"])
def test_a_sentence_ending_in_a_preposition_after_a_quantity(text: str) -> None:
    found = extract_text(text)
    assert [a.value_span.text for a in found if a.attribute == "count"] == ["500"]


def test_one_long_sentence_of_places_and_numbers_is_extracted() -> None:
    # tokens x places per sentence made 20 KB of this take 8 s and 60 KB minutes; sentences are now capped
    text = " ".join(["Kyiv, Kursk, Odesa, 500 troops, Kharkiv, 12 tanks,"] * 800) + "."
    found = extract_text(text)
    assert found
    assert all(a.evidence.end - a.evidence.start <= MAX_SENTENCE_CHARS for a in found)


def test_assertions_per_document_are_capped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_ASSERTIONS_PER_DOCUMENT", 40)
    text = " ".join(f"Unit {i} reported {i + 100} troops killed." for i in range(100))
    found = extract_text(text)
    assert len(found) == 40
    warnings = limits.assertion_cap_warnings([("a.txt", len(found)), ("b.txt", 3)])
    assert len(warnings) == 1 and warnings[0].startswith("a.txt")
