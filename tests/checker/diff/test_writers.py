import io
import json

import pytest

from checker.diff import diff_documents, write_diff
from checker.errors import ConfigError
from checker.models import Document

OLD = "About 10,000 North Korean troops are in the Kursk region.\n\nThe Kremlin declined to comment.\n"
NEW = "About 11,000 North Korean troops are in the Kursk region.\n\nThe Kremlin declined to comment. <script>alert(1)</script> [bold]x[/bold]\n"


def _diff():
    return diff_documents(Document(path="old.txt", raw=OLD, text=OLD), Document(path="new.txt", raw=NEW, text=NEW))


def _write(fmt: str, color: bool = False, diffs=None) -> str:
    out = io.StringIO()
    write_diff(diffs or [_diff()], fmt, out, color=color)
    return out.getvalue()


def test_json_contract():
    data = json.loads(_write("json"))
    assert set(data) == {"version", "old", "new", "changes", "text"}
    assert data["old"]["path"] == "old.txt" and data["new"]["path"] == "new.txt"
    (change,) = data["changes"]
    assert change["kind"] == "changed"
    assert change["subject_key"] == "north-korea troops" and change["attribute"] == "count"
    assert change["aspects"] == ["value"]
    for side, raw, figure in (("old", OLD, "10,000"), ("new", NEW, "11,000")):
        s = change[side]
        assert {"start", "end", "text", "value", "line", "column", "polarity", "modality", "source"} <= set(s)
        assert raw[s["start"] : s["end"]] == s["text"] and figure in s["text"]
    assert change["old"]["value"] == "9,000..11,000"
    kinds = [h["kind"] for h in data["text"]]
    assert kinds == ["changed", "added"]
    hunk = data["text"][0]
    assert {"delete": "10,000", "insert": "11,000"} == {w["op"]: w["text"] for w in hunk["words"] if w["op"] != "equal"}
    assert OLD[hunk["old"]["start"] : hunk["old"]["end"]] == hunk["old"]["text"]


def test_json_history_lists_every_diff():
    data = json.loads(_write("json", diffs=[_diff(), _diff()]))
    assert set(data) == {"version", "diffs"} and len(data["diffs"]) == 2


def test_html_escapes_report_text():
    page = _write("html")
    assert page.startswith("<!DOCTYPE html>")
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<del>10,000</del>" in page and "<ins>11,000</ins>" in page


def test_text_shows_facts_before_word_diff_and_no_markup():
    text = _write("text")
    assert text.index("North Korean troops, count: About 10,000 -> About 11,000") < text.index("@@")
    assert "About [-10,000-]{+11,000+} North Korean troops" in text
    assert "[bold]x[/bold]" in text  # shown literally, never as console markup
    assert "\x1b" not in text


def test_text_in_colour_uses_escapes_instead_of_brackets():
    text = _write("text", color=True)
    assert "\x1b[" in text and "[-10,000-]" not in text


def test_controls_in_reports_are_escaped():
    new = NEW.replace("declined", "declined\x1b[31m")
    diff = diff_documents(Document(path="o.txt", raw=OLD, text=OLD), Document(path="n.txt", raw=new, text=new))
    out = io.StringIO()
    write_diff([diff], "text", out)
    assert "\x1b" not in out.getvalue() and "\\x1b[31m" in out.getvalue()


def test_unknown_format_is_a_config_error():
    with pytest.raises(ConfigError):
        _write("yaml")


def test_html_page_has_viewport_legend_and_dark_colours():
    page = _write("html")
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    assert 'class="legend"' in page
    assert "@media (prefers-color-scheme: dark)" in page


@pytest.mark.parametrize("hostile", ['<img src=x onerror=alert(1)>', '"><script>x</script>', "\x1b]52;c;x\x07"])
def test_html_escapes_every_report_text(hostile):
    old_doc = Document(path=f"old{hostile}.txt", raw=OLD, text=OLD)
    new_text = NEW.replace("Kremlin", f"Kremlin {hostile}")
    new_doc = Document(path=f"new{hostile}.txt", raw=new_text, text=new_text)
    out = io.StringIO()
    write_diff([diff_documents(old_doc, new_doc)], "html", out)
    page = out.getvalue()
    assert "<img" not in page and "<script>" not in page and "\x1b" not in page and "\x07" not in page
