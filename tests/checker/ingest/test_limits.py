"""Hostile metadata and text: deep nesting, aliases, lone surrogates and dates at the ends of the calendar."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from checker.extract import extract_document
from checker.ingest import parse_document
from checker.ingest.limits import MAX_NESTING, nesting_depth, replace_surrogates, scalar_text
from checker.ingest.metadata import from_front_matter, parse_front_matter

BODY = "500 troops arrived in Kursk on Monday.\n"
DEEP = 5_000


def test_nesting_depth_ignores_brackets_in_strings() -> None:
    assert nesting_depth('{"a": [1, {"b": "[[[["}]}') == 3
    assert nesting_depth("x = '[[[[' \n y = [[1]]", quotes="\"'") == 2
    assert nesting_depth('"\\"[[" [') == 1


def test_nesting_depth_stops_counting_past_the_limit() -> None:
    assert nesting_depth("[" * 100_000, limit=10) == 11


@pytest.mark.parametrize(
    "front",
    [
        "---\ntitle: " + "[" * DEEP + "]" * DEEP + "\n---\n",
        "---\ntitle: " + "{a: " * DEEP + "1" + "}" * DEEP + "\n---\n",
        "---\n" + "".join(" " * i + f"k{i}:\n" for i in range(300)) + " " * 300 + "v: 1\n---\n",
        "+++\ntitle = " + "[" * DEEP + "]" * DEEP + "\n+++\n",
        "+++\ntitle = " + "{a = " * DEEP + "1" + "}" * DEEP + "\n+++\n",
    ],
    ids=["yaml-flow-list", "yaml-flow-map", "yaml-block", "toml-array", "toml-table"],
)
def test_front_matter_nested_thousands_deep_is_ignored_not_a_crash(front: str) -> None:
    doc = parse_document("a.md", front + "Troops arrive\n\n" + BODY)
    assert doc.title in ("Troops arrive", "a")  # never text of the nested value
    assert "500 troops" in doc.text
    assert doc.text.startswith(" ")  # the front matter block is still blanked, not read as prose
    assert extract_document(doc).assertions


def test_yaml_billion_laughs_is_ignored() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 12):
        prev = chr(ord("a") + i - 1)
        name = chr(ord("a") + i)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    lines.append("title: *l")
    front = parse_front_matter("\n".join(lines), "yaml")
    assert front == {}


def test_metadata_strings_come_from_scalars_only() -> None:
    meta = from_front_matter({"title": [["a"] * 3] * 3, "date": {"x": 1}, "author": [[["deep"]]]}, None)
    assert (meta.title, meta.date_text, meta.source) == (None, None, None)
    meta = from_front_matter({"title": 2024, "author": [{"name": "Jane Doe"}]}, None)
    assert (meta.title, meta.source) == ("2024", "Jane Doe")


def test_scalar_text_refuses_containers_and_huge_integers() -> None:
    assert scalar_text(["a"]) is None
    assert scalar_text({"a": "b"}) is None
    assert scalar_text(10**5000) is None
    assert scalar_text("x" * 10_000) == "x" * 2_000


@pytest.mark.parametrize(
    "ld",
    [
        "[" * 100_000 + "]" * 100_000,
        '{"headline":' * DEEP + '"x"' + "}" * DEEP,
    ],
    ids=["array", "object"],
)
def test_json_ld_nested_too_deep_is_ignored(ld: str) -> None:
    raw = f'<html><head><script type="application/ld+json">{ld}</script></head><body><p>{BODY}</p></body></html>'
    doc = parse_document("a.html", raw)
    assert "500 troops" in doc.text
    assert extract_document(doc).assertions


def test_json_ld_within_the_limit_still_gives_the_headline() -> None:
    ld = json.dumps({"@context": "https://schema.org", "headline": "Troops in Kursk", "x": [[[1]]]})
    raw = f'<html><head><script type="application/ld+json">{ld}</script></head><body><p>{BODY}</p></body></html>'
    assert nesting_depth(ld) < MAX_NESTING
    assert parse_document("a.html", raw).title == "Troops in Kursk"


def test_replace_surrogates_keeps_length() -> None:
    assert replace_surrogates("a\ud800b\udcffc") == "a\ufffdb\ufffdc"
    assert replace_surrogates("plain") == "plain"


@pytest.mark.parametrize(
    ("path", "raw"),
    [
        ("a.txt", "Title \ud800 here\n\n" + BODY),
        ("a.md", '---\ntitle: "Troops \\ud800 arrive"\n---\n' + BODY),
        ("a.html", '<script type="application/ld+json">{"headline": "T \\ud800"}</script><p>' + BODY + "</p>"),
        ("caf\udce9.txt", BODY),
    ],
    ids=["text", "yaml-escape", "json-ld-escape", "file-name"],
)
def test_lone_surrogates_never_reach_text_or_metadata(path: str, raw: str) -> None:
    doc = parse_document(path, raw)
    for value in (doc.raw, doc.text, doc.title or "", doc.source or ""):
        value.encode("utf-8")  # raises UnicodeEncodeError on a lone surrogate
    assert len(doc.raw) == len(raw)
    result = extract_document(doc)
    assert result.assertions
    if doc.path == path and path.isascii():
        result.model_dump_json()


@pytest.mark.parametrize("day", [dt.date(1, 1, 1), dt.date(9999, 12, 31)])
def test_a_report_date_at_the_ends_of_the_calendar_is_no_date(day: dt.date) -> None:
    doc = parse_document("a.md", f"---\ndate: {day.isoformat()}\n---\nTroops arrived yesterday, in June.\n")
    assert doc.date is None
    assert parse_document("a.txt", "Troops arrived yesterday.", reference_date=day).date is None
    extract_document(parse_document("a.txt", "Troops arrived yesterday, in June.", reference_date=day))
