"""Writers for ``checker extract``: a readable table per document, or the versioned JSON described in the README
("Output contracts")."""

from __future__ import annotations

import json
from typing import Sequence, TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from checker.extract.places import gazetteer
from checker.models import Assertion, DocumentAssertions, Event, Name, Place, Polarity, Quantity, TimeRange
from checker.report._safe import json_escape_raw, safe_line, safe_text as clean


def _number(x: float) -> str:
    return f"{x:,.0f}" if abs(x) >= 100 or x == int(x) else f"{x:,.3g}"


def value_text(a: Assertion) -> str:
    """The value as written, with its normalised reading where that adds something."""
    v = a.value
    if isinstance(v, Quantity):
        low = "…" if v.low is None else _number(v.low)
        high = "…" if v.high is None else _number(v.high)
        unit = f" {v.unit}" if v.unit else ""
        norm = _number(v.nominal) if v.low == v.high == v.nominal else f"{low}–{high}"
        return f"{a.value_span.text} [{norm}{unit}]"
    if isinstance(v, Place):
        country = gazetteer().country_of(v.key)
        inside = f" ({gazetteer().name(country)})" if country and country != v.key else ""
        return f"{v.name}{inside}"
    if isinstance(v, TimeRange):
        span = v.start.isoformat() if v.start == v.end else f"{v.start.isoformat()}..{v.end.isoformat()}"
        return f"{a.value_span.text} [{span}]"
    if isinstance(v, Event):
        return v.text or v.predicate
    if isinstance(v, Name):
        return v.text
    return str(v)  # pragma: no cover


def frame_text(a: Assertion) -> str:
    """The claim frame of an assertion in one line: "thing troops · entities north-korea · predicate deploy"."""
    parts = [f"thing {a.thing or a.subject_key}"]
    if a.entities:
        parts.append("entities " + ", ".join(a.entities))
    parts.append(f"predicate {a.predicate or '-'}")
    if a.expected:
        parts.append("expected")
    scope = [x for x in (a.scope_place, a.time.text if a.time else None, a.scope_event) if x]
    if scope:
        parts.append("scope " + ", ".join(scope))
    parts.append(f"rule {a.rule or '-'}")
    return " · ".join(parts)


def _write_rules(console: Console, names: set[str]) -> None:
    from checker.extract.assertions import RULES

    for rule in RULES:
        if rule.name not in names:
            continue
        console.print(Text(f"rule {rule.name}", style="bold"), Text(f"  {rule.description}"))
        for name, how in rule.fields.items():
            console.print(Text(f"  {name:<10} {how}", style="dim"))
        console.print()


def write_assertions(
    results: Sequence[DocumentAssertions], fmt: str, stream: TextIO, *, color: bool = False, explain: bool = False
) -> None:
    if fmt == "json":
        payload = {
            "version": 1,
            "documents": [
                {
                    "path": r.path,
                    "title": r.title,
                    "date": r.date.isoformat() if r.date else None,
                    "source": r.source,
                    "countries": r.countries,
                    "names": r.names,
                    "assertions": [a.model_dump(mode="json", exclude={"path"}) for a in r.assertions],
                }
                for r in results
            ],
        }
        stream.write(json_escape_raw(json.dumps(payload, indent=2, ensure_ascii=False)))
        stream.write("\n")
        return
    console = Console(file=stream, force_terminal=color, no_color=not color, highlight=False, soft_wrap=False,
                      width=None if color else 160)
    for r in results:
        meta = " · ".join(x for x in (r.title, r.date.isoformat() if r.date else None, r.source) if x)
        console.print(Text(safe_line(r.path), style="bold"), Text(f"  {safe_line(meta)}", style="dim"))
        if not r.assertions:
            console.print(Text("  no assertions found", style="dim"))
            continue
        table = Table(show_edge=False, pad_edge=False, box=None, header_style="bold")
        for col in ("line:col", "subject", "attribute", "value", "stance", "source"):
            table.add_column(col, overflow="fold")
        for a in r.assertions:
            stance = ("NOT " if a.polarity == Polarity.NEGATED else "") + a.modality.value
            table.add_row(
                Text(f"{a.evidence.line}:{a.value_span.column}"),
                Text(clean(a.subject)),
                Text(a.attribute),
                Text(clean(value_text(a))),
                Text(stance, style="red" if a.polarity == Polarity.NEGATED else ""),
                Text(clean(a.source or "")),
            )
        if explain:
            for a in r.assertions:
                stance = ("NOT " if a.polarity == Polarity.NEGATED else "") + a.modality.value
                said = f" ({a.source})" if a.source else ""
                console.print(Text(f"{a.evidence.line}:{a.value_span.column}  "),
                              Text(safe_line(f"{a.subject} · {a.attribute} · {value_text(a)} · {stance}{said}")),
                              sep="")
                console.print(Text("    "), Text(safe_line(frame_text(a)), style="dim"), sep="")
            console.print()
            continue
        console.print(table)
        console.print()
    if explain:
        from checker.extract.assertions import rule_named

        used = {r.name for a in (a for r in results for a in r.assertions) if (r := rule_named(a.rule))}
        _write_rules(console, used)
