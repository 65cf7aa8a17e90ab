"""The JSON writer's encoder gives exactly what ``json.dumps(indent=2)`` and the escaping pass gave."""

from __future__ import annotations

import json

import pytest

from checker.report._safe import json_escape_raw
from checker.report.json import dumps

HOSTILE = ["plain", "", "Zürich — São Paulo", "tab\there", "bell\x07", "del\x7f", "nel\x85", "line\u2028sep",
           "bidi\u202eevil", "lone \ud800 surrogate", "##[error]x", "##vso[task]y", 'quote " and \\ backslash',
           "emoji 😀"]


@pytest.mark.parametrize(
    "data",
    [
        {"version": 1, "documents": [], "conflicts": []},
        {"a": {}, "b": [], "c": [[], {}], "d": [1, -2, 0.1, 1e-07, 1e16, 12345678901234567890, True, False, None]},
        {"floats": [float("nan"), float("inf"), float("-inf"), -0.0, 2.5]},
        {"strings": HOSTILE, **{text: text for text in HOSTILE}},
        [{"nested": [{"deep": [[[["x"]]]]}]}],
        ("tuple", 1),
        "top-level string",
        3,
    ],
)
def test_same_bytes_as_the_standard_encoder_and_escaping(data: object) -> None:
    assert dumps(data) == json_escape_raw(json.dumps(data, indent=2, ensure_ascii=False))


def test_anything_but_plain_json_data_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        dumps({"when": object()})
    with pytest.raises(TypeError):
        dumps({1: "int key"})
