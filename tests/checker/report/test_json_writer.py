import io
import json
import re
from pathlib import Path

import jsonschema
import pytest

from checker.store.decisions import ReviewStatus

from checker.models import ConflictKind, Modality, Polarity, Severity
from checker.report import write_report
from checker.report.json import schema, to_dict

DOCS = Path(__file__).parents[3] / "docs" / "json-schema.md"


def render(res, **kw) -> str:
    out = io.StringIO()
    write_report(res, "json", out, **kw)
    return out.getvalue()


def validate(data) -> None:
    validator = jsonschema.Draft202012Validator(schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    validator.validate(data)


def test_exact_shape_and_key_order(make):
    data = json.loads(render(make.mixed()))
    assert list(data) == ["version", "documents", "conflicts"]
    assert data["version"] == 1
    assert data["documents"][0] == {
        "path": "reports/a.txt",
        "title": "Troops in Kursk",
        "date": "2024-11-05",
        "source": "Reuters",
    }
    assert data["documents"][1] == {"path": "reports/b.txt", "title": None, "date": None, "source": None}
    assert list(data["conflicts"][0]) == [
        "id",
        "kind",
        "severity",
        "subject",
        "attribute",
        "message",
        "status",
        "note",
        "alignment",
        "evidence",
    ]
    assert list(data["conflicts"][0]["evidence"][0]) == [
        "path",
        "start",
        "end",
        "line",
        "column",
        "text",
        "value",
        "value_start",
        "value_end",
        "source",
        "polarity",
        "modality",
    ]
    assert data["conflicts"][0]["evidence"][1] == {
        "path": "reports/b.txt",
        "start": 120,
        "end": 172,
        "line": 5,
        "column": 3,
        "text": "As many as 15,000 troops from North Korea are there.",
        "value": "15,000",
        "value_start": 131,
        "value_end": 137,
        "source": "TASS",
        "polarity": "affirmed",
        "modality": "asserted",
    }


def test_indented_two_spaces_with_trailing_newline(make):
    out = render(make.result(make.conflict()))
    assert out.startswith('{\n  "version": 1,\n  "documents": [\n    {\n      "path"')
    assert out.endswith("}\n")


def test_status_and_note_follow_decisions(make):
    data = json.loads(render(make.mixed()))
    assert [(c["id"], c["status"], c["note"]) for c in data["conflicts"]] == [
        ("c-high", "new", None),
        ("c-medium", "confirmed", "Called both desks; figures differ."),
    ]
    baselined = make.result(make.conflict("c1"), decisions={"c1": ("confirmed", "accepted by checker baseline")})
    assert json.loads(render(baselined))["conflicts"][0]["status"] == "baselined"
    data = json.loads(render(make.mixed(), show_all=True))
    assert data["conflicts"][2]["status"] == "dismissed"
    assert data["conflicts"][2]["note"] == "Same event"


def test_output_validates_against_shipped_schema(make):
    validate(json.loads(render(make.mixed(), show_all=True)))
    validate(json.loads(render(make.result(documents=1))))


@pytest.mark.parametrize(
    "breakage",
    [
        lambda d: d.update(version=2),
        lambda d: d["conflicts"][0].pop("note"),
        lambda d: d["conflicts"][0].update(status="pending"),
        lambda d: d["conflicts"][0]["evidence"].pop(),
        lambda d: d["conflicts"][0]["evidence"][0].update(line=0),
        lambda d: d["documents"][0].update(date="5 Nov 2024"),
        lambda d: d["documents"][0].update(extra=1),
    ],
)
def test_schema_rejects_output_that_breaks_the_contract(make, breakage):
    data = to_dict(make.mixed())
    breakage(data)
    with pytest.raises(jsonschema.ValidationError):
        validate(data)


def test_schema_enums_match_the_models():
    defs = schema()["$defs"]
    assert defs["conflict"]["properties"]["kind"]["enum"] == [k.value for k in ConflictKind]
    assert set(defs["conflict"]["properties"]["severity"]["enum"]) == {s.value for s in Severity}
    assert defs["conflict"]["properties"]["status"]["enum"] == [s.value for s in ReviewStatus]
    assert defs["evidence"]["properties"]["polarity"]["enum"] == [p.value for p in Polarity]
    assert defs["evidence"]["properties"]["modality"]["enum"] == [m.value for m in Modality]


def test_docs_describe_every_field():
    doc = DOCS.read_text(encoding="utf-8")
    defs = schema()["$defs"]
    fields = set(schema()["properties"]) | {
        name for d in ("document", "conflict", "evidence") for name in defs[d]["properties"]
    }
    missing = sorted(f for f in fields if f"`{f}`" not in doc)
    assert not missing


def test_hostile_text_round_trips_without_raw_controls(make, hostile):
    first = make.evidence(text="Said: " + hostile, value="11,000", source=hostile)
    res = make.result(make.conflict(message=hostile, first=first), decisions={"c1": ("confirmed", hostile)})
    out = render(res)
    assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]", out)
    out.encode("utf-8")
    data = json.loads(out)
    assert data["conflicts"][0]["message"] == hostile
    assert data["conflicts"][0]["note"] == hostile
    assert data["conflicts"][0]["evidence"][0]["source"] == hostile
    validate(data)


def test_docs_example_is_valid():
    doc = DOCS.read_text(encoding="utf-8")
    example = re.search(r"```json\n(.*?)```", doc, re.S).group(1)
    validate(json.loads(example))
