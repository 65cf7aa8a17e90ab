import io
import re

from checker.report import write_report
from checker.report._common import escape_unsafe
from checker.report.github import escape_data, escape_property

COMMAND_LINE = re.compile(r"^::(error|warning|notice) ([^:]*)::(.*)$")


def render(res, **kw) -> str:
    out = io.StringIO()
    write_report(res, "github", out, **kw)
    return out.getvalue()


def unescape_data(text: str) -> str:
    """What the Actions runner does to a command's message."""
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


def unescape_property(text: str) -> str:
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")


def parse(line: str) -> tuple[str, dict[str, str], str]:
    match = COMMAND_LINE.match(line)
    assert match, line
    props = dict(part.split("=", 1) for part in match.group(2).split(","))
    return match.group(1), {k: unescape_property(v) for k, v in props.items()}, unescape_data(match.group(3))


def test_only_new_conflicts_are_annotated_by_default(make):
    lines = render(make.mixed()).splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(
        "::error file=reports/a.txt,line=1,col=1,endLine=1,endColumn=47,"
        "title=numeric conflict (high)%3A North Korean troops / count::"
        "North Korean troops in Kursk: 11,000 vs 15,000%0Areports/a.txt:1:1 (Reuters): "
    )
    assert "c-medium" not in lines[0] and "c-low" not in lines[0]


def test_reviewed_conflicts_are_notices_only_with_show_reviewed(make):
    lines = render(make.mixed(), show_all=True).splitlines()
    assert [parse(line)[0] for line in lines] == ["error", "notice", "notice"]
    _, props, message = parse(lines[1])
    assert props["title"] == "location conflict (medium; confirmed): North Korean troops / count"
    assert message.splitlines()[0] == "Where the troops are: Kursk vs Donetsk"
    assert "confirmed: Called both desks; figures differ." in message.splitlines()
    assert message.splitlines()[-1] == "conflict id: c-medium"
    assert "dismissed: Same event" in parse(lines[2])[2].splitlines()


def test_baselined_conflicts_are_never_errors(make):
    res = make.result(make.conflict("c1"), decisions={"c1": ("confirmed", "accepted by checker baseline")})
    assert render(res) == ""
    level, props, _ = parse(render(res, show_all=True).strip())
    assert level == "notice" and "baselined" in props["title"]


def test_new_low_is_notice_medium_is_warning(make):
    assert render(make.result(make.conflict("c9", "date", "low"))).startswith("::notice file=")
    assert render(make.result(make.conflict("c8", "date", "medium"))).startswith("::warning file=")


def test_multiline_span_drops_columns(make):
    first = make.evidence(text="About\n11,000 troops.", value="11,000", line=4, column=2)
    _, props, _ = parse(render(make.result(make.conflict(first=first))).strip())
    assert props["line"] == "4" and props["endLine"] == "5"
    assert "col" not in props and "endColumn" not in props


def test_escaping_rules():
    assert escape_data("50% done\r\nnext\rx") == "50%25 done%0Anext\\x0dx"
    assert escape_data("a\nb") == "a%0Ab"
    assert escape_property("a,b:c%\n") == "a%2Cb%3Ac%25%0A"
    assert unescape_data(escape_data("%0A literal")) == "%0A literal"
    assert unescape_property(escape_property("x,y:%2C")) == "x,y:%2C"


def test_hostile_text_cannot_add_a_command(make, hostile):
    first = make.evidence(path=hostile, text="Said: " + hostile, value="11,000", source=hostile)
    second = make.evidence(path=hostile, text=hostile, value="11,000", source=hostile, start=500)
    res = make.result(
        make.conflict("c1", message=hostile, first=first, second=second, subject=hostile),
        make.conflict("c2", "location", "medium", message=hostile, first=first, subject=hostile, attribute=hostile),
        decisions={"c2": ("confirmed", hostile)},
    )
    out = render(res, show_all=True)
    out.encode("utf-8")
    # Split the way any line reader might, including on Unicode and legacy separators.
    lines = out.splitlines()
    assert len(lines) == 2
    for line in lines:
        level, props, message = parse(line)
        assert set(props) <= {"file", "line", "col", "endLine", "endColumn", "title"}
        # What the runner decodes is the report text itself (controls made visible), not a broken-off piece.
        assert props["file"] == escape_unsafe(hostile)
        assert message.startswith(escape_unsafe(hostile) + "\n")
    assert [line.split(" ", 1)[0] for line in lines] == ["::error", "::notice"]
