"""SharedValues: equal strings and values of results from extraction workers held once."""

from __future__ import annotations

import pytest


def _received(text: str, path: str):
    """An extraction result as a pool worker hands it over: a fresh copy, sharing nothing with any other."""
    import pickle

    from checker.extract import extract_document
    from checker.ingest import parse_document

    return pickle.loads(pickle.dumps(extract_document(parse_document(path, text))))


def test_shared_values_hold_equal_strings_and_values_once_and_change_no_output():
    from checker.sharing import SharedValues

    text = "KYIV, Nov. 25, 2024 - Strikes killed 12 people in Kharkiv on Monday, officials said.\n"
    first, second = _received(text, "a.txt"), _received(text, "b.txt")
    before = [r.model_dump_json() for r in (first, second)]
    assert first.assertions[0].evidence.text is not second.assertions[0].evidence.text
    shared = SharedValues()
    first, second = shared.share(first), shared.share(second)
    assert [r.model_dump_json() for r in (first, second)] == before
    a, b = first.assertions[0], second.assertions[0]
    assert a.evidence.text is b.evidence.text
    assert a.subject is b.subject and a.value is b.value
    assert a.evidence.start is b.evidence.start


@pytest.mark.parametrize(
    "left, right",
    [(1, 1.0), (0.0, -0.0)],
    ids=["int-and-float", "zero-signs"],
)
def test_shared_values_keep_apart_values_that_print_differently(left, right):
    from checker.models import Quantity
    from checker.sharing import SharedValues

    shared = SharedValues()
    values = [Quantity.model_construct(nominal=x, low=x, high=x, text="n") for x in (left, right)]
    held = [shared._value(v) for v in values]
    assert held[0] is values[0] and held[1] is values[1]
    assert [h.model_dump_json() for h in held] == [v.model_dump_json() for v in values]
