"""Whole-report inputs at the edges: a sentence cut off mid-phrase, as hard-wrapped or truncated copy gives."""

from __future__ import annotations

import pytest

from checker.extract import extract_text


@pytest.mark.xfail(
    strict=True,
    raises=IndexError,
    reason="country_after/actor_key in checker/extract/subjects.py index past the last token; the fix (return "
    "None, 0 when i >= len(tokens)) belongs to the owner of subjects.py",
)
@pytest.mark.parametrize("text", ["The ministry said it had deployed 500 troops from", "deployed 500 troops from\n"])
def test_a_sentence_ending_in_a_preposition_after_a_quantity(text: str) -> None:
    assert extract_text(text)
