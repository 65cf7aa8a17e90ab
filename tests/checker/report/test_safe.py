"""The one escaping rule (checker/report/_safe.py): controls, workflow commands, legacy prefixes, JSON escapes."""

import io
import json

import pytest

from checker.report._safe import LineGuard, json_escape_raw, neutralise_commands, safe_line, safe_text

BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def starts_command(line: str) -> bool:
    return line.lstrip().startswith("::")


@pytest.mark.parametrize("char", ["\x1b", "\x07", "\x9b", "\x85", "\u2028", "\ud800", *BIDI])
def test_controls_c1_bidi_are_escaped_visibly(char):
    out = safe_text(f"a{char}b")
    assert char not in out
    assert out.startswith("a\\") and out.endswith("b")


@pytest.mark.parametrize("text", ["::error::x", "  ::error::x", "\t::add-mask::s", "ok\n   ::stop-commands::t"])
def test_no_line_can_start_a_workflow_command(text):
    assert not any(starts_command(line) for line in safe_text(text).splitlines())
    assert not starts_command(safe_line(text))


def test_colour_codes_before_a_command_do_not_hide_it():
    out = neutralise_commands("\x1b[1m  ::error::x")
    assert "::error" not in out


def test_colons_elsewhere_are_kept():
    assert safe_line("reports/a.txt:1:2: numeric: 11,000 vs 3,000") == "reports/a.txt:1:2: numeric: 11,000 vs 3,000"


@pytest.mark.parametrize("text", ["##[error]boom", "x ##[group]y", "##vso[task.setvariable]z", "##VSO[x]"])
def test_legacy_command_prefix_is_neutralised_anywhere(text):
    assert "##[" not in safe_line(text).lower() and "##vso[" not in safe_line(text).lower()


def test_safe_line_folds_newlines():
    assert "\n" not in safe_line("one\ntwo\r\nthree")


def test_json_escape_raw_keeps_the_data_and_leaves_no_raw_bidi():
    data = {"a": f"x{BIDI}\x85##[error]y"}
    text = json_escape_raw(json.dumps(data, ensure_ascii=False))
    assert not any(c in text for c in BIDI + "\x85")
    assert "##[" not in text
    assert json.loads(text) == data


def test_line_guard_checks_whole_lines_built_from_pieces():
    sink = io.StringIO()
    guard = LineGuard(sink)
    guard.write(":")
    guard.write(":error::x\nok\n  :")
    guard.write(":warning::y")
    guard.flush()
    assert sink.getvalue().count("\n") == 2
    assert not any(starts_command(line) for line in sink.getvalue().splitlines())
