import io
import re

import pytest

from checker.report import write_report
from checker.report.text import write

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def render(res, verbose: bool = True, **kw) -> str:
    """The report as ``checker check --verbose`` prints it (each conflict a block), or a line each."""
    out = io.StringIO()
    write(res, out, verbose=verbose, **kw)
    return out.getvalue()


class TTY(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_one_line_per_conflict_by_default(make):
    out = render(make.result(make.conflict()), verbose=False)
    lines = out.splitlines()
    assert lines[0].startswith("reports/a.txt:1:1: numeric: North Korean troops in Kursk: 11,000 vs 15,000 (high, new")
    assert "[[" not in out and len(lines) == 3  # the line, a blank line, the summary
    assert lines[-1] == "1 conflict (1 high, 0 medium, 0 low) in 2 documents; 1 new"


def test_one_line_view_names_the_id_and_the_note(make):
    c = make.conflict()
    out = render(make.result(c, decisions={c.id: ("dismissed", "Same event\nsecond line")}),
                 verbose=False, show_all=True)
    first = out.splitlines()[0]
    assert c.id in first and "dismissed" in first and "Same event" in first


def test_block_layout_and_value_marks(make):
    out = render(make.result(make.conflict()))
    lines = out.splitlines()
    assert lines[0] == "reports/a.txt:1:1: numeric: North Korean troops in Kursk: 11,000 vs 15,000"
    assert lines[1] == '  reports/a.txt:1:1 (Reuters): "About [[11,000]] North Korean troops are in Kursk."'
    assert lines[2] == '  reports/b.txt:5:3 (TASS): "As many as [[15,000]] troops from North Korea are there."'
    assert lines[3] == "  high severity; new"
    assert lines[-1] == "1 conflict (1 high, 0 medium, 0 low) in 2 documents; 1 new"


def test_stance_tags_show_negation_and_modality(make):
    second = make.evidence(
        "b.txt",
        "Officials cannot confirm 15,000 troops.",
        "15,000",
        source="MoD",
        polarity="negated",
        modality="cannot_confirm",
    )
    out = render(make.result(make.conflict(second=second)))
    assert '  b.txt:1:1 (MoD; negated, cannot confirm): "Officials cannot confirm [[15,000]] troops."' in out


def test_decisions_confirmed_listed_with_note_dismissed_hidden(make):
    out = render(make.mixed())
    assert "c-low" not in out and "date:" not in out
    assert "  medium severity; confirmed: Called both desks; figures differ." in out
    assert out.splitlines()[-1] == (
        "2 conflicts (1 high, 1 medium, 0 low) in 2 documents; 1 new, 1 confirmed; 1 dismissed not shown"
    )


def test_show_all_lists_dismissed_with_note(make):
    out = render(make.mixed(), show_all=True)
    assert "reports/a.txt:1:1: date: When it was signed: 3 May vs 5 May" in out
    assert "  low severity; dismissed: Same event" in out
    assert out.splitlines()[-1] == (
        "3 conflicts (1 high, 1 medium, 1 low) in 2 documents; 1 new, 1 confirmed, 1 dismissed"
    )


def test_no_conflicts_summary(make):
    assert render(make.result(documents=1)) == "No conflicts in 1 document.\n"
    only_dismissed = make.result(make.conflict(), decisions={"c1": ("dismissed", None)}, documents=3)
    assert render(only_dismissed) == "No conflicts in 3 documents; 1 dismissed not shown.\n"


def test_multiline_note_is_indented_not_a_new_block(make):
    res = make.result(make.conflict(), decisions={"c1": ("confirmed", "line one\nline two")})
    lines = render(res).splitlines()
    assert "  high severity; confirmed: line one" in lines
    assert "    line two" in lines


def test_multiline_sentence_is_folded_onto_one_line(make):
    first = make.evidence(text="About\n11,000\ttroops\n\nare there.", value="11,000")
    out = render(make.result(make.conflict(first=first)))
    assert '"About [[11,000]] troops are there."' in out


def test_value_found_by_text_when_raw_offsets_do_not_map(make):
    # HTML: the raw span is longer than the analysed sentence, so offsets cannot be subtracted.
    first = make.evidence(text="Some 11,000 troops arrived.", value="11,000", raw_length=90)
    first = first.model_copy(update={"value_start": first.start + 40, "value_end": first.start + 46})
    out = render(make.result(make.conflict(first=first)))
    assert '"Some [[11,000]] troops arrived."' in out


def test_value_not_in_sentence_is_shown_after_it(make):
    first = make.evidence(text="Some eleven thousand troops arrived.", value="11000", raw_length=80)
    first = first.model_copy(update={"value_start": 200, "value_end": 205})
    out = render(make.result(make.conflict(first=first)))
    assert '"Some eleven thousand troops arrived." (value: 11000)' in out


def test_long_sentences_are_clipped_around_the_value(make):
    text = "word " * 200 + "11,000 troops " + "more " * 200
    out = render(make.result(make.conflict(first=make.evidence(text=text, value="11,000"))))
    line = out.splitlines()[1]
    assert '"...' in line and '..."' in line and "[[11,000]]" in line
    assert len(line) < 450


def test_no_escape_codes_without_colour_even_on_a_forced_terminal(make, monkeypatch):
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("TERM", "xterm-256color")
    out = TTY()
    write_report(make.mixed(), "text", out, color=False, verbose=True)
    assert "\x1b" not in out.getvalue()
    assert "[[11,000]]" in out.getvalue()


def test_colour_is_the_callers_choice_not_the_environments(make, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("TERM", "dumb")
    out = render(make.mixed(), color=True)
    assert "\x1b[1;31mnumeric\x1b[0m" in out  # kind coloured by severity (high = red)
    assert "\x1b[1;33mlocation\x1b[0m" in out  # medium = yellow
    assert "\x1b[1;4;31m11,000\x1b[0m" in out  # value bold, underlined, coloured; no brackets
    assert "[[" not in out
    assert (
        ANSI.sub("", out).splitlines()[0]
        == "reports/a.txt:1:1: numeric: North Korean troops in Kursk: 11,000 vs 15,000"
    )


@pytest.mark.parametrize("color", [False, True])
def test_report_text_is_shown_literally(make, hostile, color):
    first = make.evidence(text="Said: " + hostile, value="11,000", source=hostile)
    res = make.result(
        make.conflict(message=hostile, first=first, subject=hostile), decisions={"c1": ("confirmed", hostile)}
    )
    out = render(res, color=color)
    out.encode("utf-8")  # no lone surrogate reaches the stream
    if color:
        # Every escape sequence on the stream is an SGR style we asked for; none came from the report.
        leftovers = ANSI.sub("", out)
    else:
        assert not ANSI.search(out)
        leftovers = out
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]", leftovers)
    if "[bold red]" in hostile:
        assert "[bold red]11,000[/bold red]" in ANSI.sub("", out.splitlines()[0])
    if "\x1b[31m" in hostile:
        assert "\\x1b[31m" in out


def test_escapes_are_readable(make):
    res = make.result(make.conflict(message="a\x1b[2Jb\x9bc\u202ed\x07e"))
    assert render(res).splitlines()[0].endswith(": a\\x1b[2Jb\\x9bc\\u202ed\\x07e")
