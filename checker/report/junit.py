"""JUnit XML report, for CI systems that show test results but know nothing of SARIF.

Each shown conflict is a test case: new conflicts fail (the body is the same block the text report prints);
reviewed ones -- baselined, confirmed, and dismissed (only with ``show_all``) -- are skipped with their status
and the analyst's note. An empty result is
one passing test case, so a CI dashboard records that the check ran. ElementTree escapes markup; characters XML
1.0 cannot carry at all (most controls) are made visible as ``\\xNN`` first, so the file always parses.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import TextIO

from checker.models import CheckResult
from checker.report._common import Shown, escape_unsafe, hidden_count, shown, summary_line
from checker.report.text import conflict_lines

SUITE_NAME = "checker"


def write(result: CheckResult, stream: TextIO, *, color: bool = False, show_all: bool = False) -> None:
    """Write the JUnit XML document (``color`` is accepted for a uniform signature and ignored)."""
    root = to_element(result, show_all=show_all)
    ET.indent(root)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ET.tostring(root, encoding="unicode"))
    stream.write("\n")


def to_element(result: CheckResult, *, show_all: bool = False) -> ET.Element:
    """The ``<testsuites>`` element with one ``<testsuite>``."""
    items = list(shown(result, show_all))
    failures = sum(1 for item in items if not item.review.reviewed)
    skipped = len(items) - failures
    tests = max(len(items), 1)
    counts = {"tests": str(tests), "failures": str(failures), "errors": "0", "skipped": str(skipped)}
    root = ET.Element("testsuites", {"name": SUITE_NAME, **counts})
    suite = ET.SubElement(root, "testsuite", {"name": SUITE_NAME, **counts})
    props = ET.SubElement(suite, "properties")
    ET.SubElement(
        props, "property", {"name": "summary", "value": summary_line(result, items, hidden_count(result, show_all))}
    )
    if not items:
        ET.SubElement(suite, "testcase", {"classname": SUITE_NAME, "name": "no conflicts"})
    for item in items:
        suite.append(testcase(item))
    return root


def testcase(item: Shown) -> ET.Element:
    """One conflict as a test case named by subject, attribute and its stable id (so CI can track it)."""
    c = item.conflict
    first = c.evidence[0]
    case = ET.Element(
        "testcase",
        {
            "classname": f"{SUITE_NAME}.{c.kind.value}",
            "name": _safe(f"{c.subject} / {c.attribute} [{c.id}]"),
            "file": _safe(first.path),
            "line": str(first.line),
        },
    )
    if item.review.reviewed:
        label = item.review.value + (f": {item.note}" if item.note else "")
        ET.SubElement(case, "skipped", {"message": _safe(label)})
        return case
    body = "\n".join(line.plain for line in conflict_lines(item, color=False))
    failure = ET.SubElement(
        case, "failure", {"type": f"{c.kind.value}/{c.severity.value}", "message": _safe(c.message)}
    )
    failure.text = body  # already made safe line by line by the text renderer
    return case


def _safe(text: str) -> str:
    return escape_unsafe(text)
