"""Models built inside the core with ``model_construct`` share one set of field names, and stay independent."""

from __future__ import annotations

from checker.extract import extract_text
from checker.models import Span


def test_frames_share_their_field_set_and_copies_do_not_touch_it():
    a, b = extract_text("Strikes killed 12 people in Kharkiv on Monday. Another 40 were injured in Sumy.")[:2]
    assert a.model_fields_set is b.model_fields_set
    assert a.model_fields_set == set(type(a).model_fields)
    copy = a.model_copy(update={"rule": "other"})
    assert copy.rule == "other" and a.rule != "other"
    assert copy.model_fields_set is not a.model_fields_set
    assert a.model_fields_set == set(type(a).model_fields)


def test_a_partial_construct_keeps_its_own_field_set():
    span = Span.model_construct(start=1, end=2)
    assert span.model_fields_set == {"start", "end"}
    full = Span.model_construct(start=1, end=2, line=1, column=2, text="x")
    assert full.model_fields_set == set(Span.model_fields)
    assert span.model_fields_set is not full.model_fields_set
