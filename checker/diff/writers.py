"""``checker diff`` output: one entry point per result kind, dispatching on ``--format`` (text, json, html).

The JSON shape is a contract (docs/diff.md): one diff is ``{"version", "old", "new", "changes", "text"}``; several
(a history) are ``{"version", "diffs": [...]}``. Raw offsets everywhere, like ``checker check --format json``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, Literal, TextIO

from checker.diff.html_page import diff_page, timeline_page
from checker.diff.text import write_diff_text, write_timeline_text
from checker.errors import ConfigError
from checker.report._safe import json_escape_raw
from checker.models import FactTimeline, RevisionDiff

FORMATS = ("text", "json", "html")
JSON_VERSION = 1
Format = Literal["text", "json", "html"]


def diff_json(diff: RevisionDiff) -> dict[str, Any]:
    """The JSON object of one diff (``mode="json"``: dates as ISO strings, enums as their values)."""
    return {"version": JSON_VERSION, **diff.model_dump(mode="json")}


def write_diff(diffs: Sequence[RevisionDiff], fmt: Format, stream: TextIO, *, color: bool = False) -> None:
    """Write one diff (two versions) or a history of diffs in ``fmt``."""
    if fmt == "text":
        write_diff_text(diffs, stream, color=color)
    elif fmt == "json":
        if len(diffs) == 1:
            payload: dict[str, Any] = diff_json(diffs[0])
        else:
            payload = {"version": JSON_VERSION, "diffs": [d.model_dump(mode="json") for d in diffs]}
        stream.write(json_escape_raw(json.dumps(payload, ensure_ascii=False, indent=2)))
        stream.write("\n")
    elif fmt == "html":
        stream.write(diff_page(diffs))
    else:
        raise ConfigError(f"unknown diff format {fmt!r}; use one of {', '.join(FORMATS)}")


def write_timeline(timelines: Sequence[FactTimeline], fmt: Format, stream: TextIO, *, color: bool = False) -> None:
    """Write fact timelines (``fact_timeline``) in ``fmt``."""
    if fmt == "text":
        write_timeline_text(timelines, stream, color=color)
    elif fmt == "json":
        payload = {"version": JSON_VERSION, "timeline": [t.model_dump(mode="json") for t in timelines]}
        stream.write(json_escape_raw(json.dumps(payload, ensure_ascii=False, indent=2)))
        stream.write("\n")
    elif fmt == "html":
        stream.write(timeline_page(timelines))
    else:
        raise ConfigError(f"unknown diff format {fmt!r}; use one of {', '.join(FORMATS)}")
