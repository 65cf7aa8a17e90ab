import io
import xml.etree.ElementTree as ET

from checker.report import write_report
from checker.report._common import escape_unsafe


def render(res, **kw) -> str:
    out = io.StringIO()
    write_report(res, "junit", out, **kw)
    return out.getvalue()


def test_parseable_with_counts_and_one_case_per_conflict(make):
    out = render(make.mixed())
    assert out.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites')
    root = ET.fromstring(out.encode("utf-8"))
    suite = root.find("testsuite")
    assert (suite.get("tests"), suite.get("failures"), suite.get("skipped"), suite.get("errors")) == (
        "2",
        "1",
        "1",
        "0",
    )
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == [
        "North Korean troops / count [c-high]",
        "North Korean troops / count [c-medium]",
    ]
    assert cases[0].get("classname") == "checker.numeric"
    assert (cases[0].get("file"), cases[0].get("line")) == ("reports/a.txt", "1")
    failure = cases[0].find("failure")
    assert failure.get("message") == "North Korean troops in Kursk: 11,000 vs 15,000"
    assert failure.get("type") == "numeric/high"
    assert '"About [[11,000]] North Korean troops are in Kursk."' in failure.text
    assert cases[1].find("failure") is None
    assert cases[1].find("skipped").get("message") == "confirmed: Called both desks; figures differ."


def test_baselined_is_skipped(make):
    res = make.result(make.conflict("c1"), decisions={"c1": ("confirmed", "accepted by checker baseline")})
    case = ET.fromstring(render(res)).find("testsuite/testcase")
    assert case.find("failure") is None
    assert case.find("skipped").get("message").startswith("baselined")


def test_dismissed_skipped_only_with_show_all(make):
    root = ET.fromstring(render(make.mixed(), show_all=True))
    suite = root.find("testsuite")
    assert (suite.get("tests"), suite.get("failures"), suite.get("skipped")) == ("3", "1", "2")
    skipped = suite.findall("testcase")[2]
    assert skipped.find("failure") is None
    assert skipped.find("skipped").get("message") == "dismissed: Same event"


def test_no_conflicts_is_one_passing_case(make):
    root = ET.fromstring(render(make.result(documents=1)))
    suite = root.find("testsuite")
    assert (suite.get("tests"), suite.get("failures")) == ("1", "0")
    assert suite.find("testcase").find("failure") is None
    assert suite.find("properties/property").get("value") == "No conflicts in 1 document."


def test_hostile_text_stays_well_formed_and_literal(make, hostile):
    first = make.evidence(path=hostile, text="Said: " + hostile, value="11,000", source=hostile)
    res = make.result(
        make.conflict(message=hostile, first=first, subject=hostile),
        make.conflict("c2", message=hostile, first=first),
        decisions={"c2": ("dismissed", hostile)},
    )
    root = ET.fromstring(render(res, show_all=True).encode("utf-8"))
    cases = root.findall("testsuite/testcase")
    assert len(cases) == 2
    assert cases[0].find("failure").get("message") == escape_unsafe(hostile)
    assert cases[0].get("file") == escape_unsafe(hostile)
    assert cases[1].find("skipped").get("message") == "dismissed: " + escape_unsafe(hostile)
