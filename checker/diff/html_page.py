"""A standalone HTML page for a diff: a table of changed facts and the text hunks with track-changes marks.

Every string that comes from a report (paths, sentences, subjects, values) goes through ``html.escape`` (quotes
included) after terminal controls are made visible, so a report holding ``<script>`` shows those characters. The
page has inline CSS (light and dark colours, chosen by ``prefers-color-scheme``), a viewport for phones, a legend of
its marks, and no script or external resource, so it can be mailed or archived as one file.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from checker.compare.messages import negated
from checker.models import FactChange, FactSide, FactTimeline, RevisionDiff, TextHunk
from checker.report._common import escape_unsafe

_CSS = """
:root { color-scheme: light dark; }
body { font: 15px/1.5 system-ui, sans-serif; margin: 2em auto; padding: 0 1em; max-width: 60em; color: #222;
       background: #fff; }
.table-wrap { overflow-x: auto; }
.legend { font-size: .9em; color: #555; border: 1px solid #ddd; padding: .4em .8em; }
.legend span { margin-right: 1.2em; white-space: nowrap; }
h1 { font-size: 1.3em; } h2 { font-size: 1.1em; margin-top: 1.5em; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid #ddd; padding: .3em .5em; text-align: left; vertical-align: top; }
.kind { font-weight: bold; } .changed .kind { color: #a60; } .added .kind { color: #070; } .removed .kind { color: #b00; }
.where { color: #666; font-size: .85em; } .aspects { color: #666; }
.hunk { margin: .8em 0; padding: .4em .8em; border-left: 4px solid #ccc; }
.hunk.added { border-color: #4a4; } .hunk.removed { border-color: #c44; } .hunk.changed { border-color: #da3; }
.hunk.moved { border-color: #58c; }
del { background: #fdd; color: #900; } ins { background: #dfd; color: #060; text-decoration: none; }
.moved-text { background: #eef4ff; }
@media (prefers-color-scheme: dark) {
  body { color: #ddd; background: #161616; }
  th, td { border-bottom-color: #333; }
  .where, .aspects, .legend { color: #aaa; } .legend { border-color: #444; }
  .changed .kind { color: #f0b060; } .added .kind { color: #7c7; } .removed .kind { color: #f77; }
  .hunk { border-left-color: #555; }
  del { background: #4a1d1d; color: #ffb3b3; } ins { background: #1d3d1d; color: #b3ffb3; }
  .moved-text { background: #1d2a44; }
}
"""

_LEGEND = (
    '<p class="legend"><b>Legend:</b> '
    '<span><span class="kind changed">changed</span>: a fact with a new value, place, date, polarity, modality or '
    "source</span> "
    '<span><span class="kind added">added</span> / <span class="kind removed">removed</span>: a fact only in the '
    "new / old version</span> "
    "<span><del>struck out</del>: text taken out</span> <span><ins>highlighted</ins>: text put in</span> "
    '<span><span class="moved-text">shaded</span>: text moved unchanged</span></p>'
)


def _e(text: str | None) -> str:
    return html.escape(escape_unsafe(text or ""), quote=True)


def _page(title: str, body: list[str]) -> str:
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        f"<title>{_e(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n{_LEGEND}\n" + "\n".join(body)
        + "\n</body>\n</html>\n"
    )


def diff_page(diffs: Sequence[RevisionDiff]) -> str:
    title = "checker diff" if not diffs else f"checker diff: {diffs[0].old.path} -> {diffs[-1].new.path}"
    body: list[str] = []
    for diff in diffs:
        body.extend(_diff_section(diff))
    return _page(title, body)


def _side(side: FactSide | None, path: str) -> str:
    if side is None:
        return "<td></td>"
    words = negated(side.text) if side.polarity.value == "negated" else side.text
    return (
        f"<td>{_e(words)}<div class=\"where\">{_e(side.value)}; "
        f"{_e(path)}:{side.line}:{side.column}</div></td>"
    )


def _fact_row(change: FactChange, old_path: str, new_path: str) -> str:
    return (
        f"<tr class=\"{_e(change.kind)}\"><td class=\"kind\">{_e(change.kind)}</td><td>{_e(change.subject)}</td>"
        f"<td>{_e(change.attribute)}</td>{_side(change.old, old_path)}{_side(change.new, new_path)}"
        f"<td class=\"aspects\">{_e(', '.join(change.aspects))}</td></tr>"
    )


def _hunk(hunk: TextHunk, old_path: str, new_path: str) -> str:
    where = []
    if hunk.old is not None:
        where.append(f"{_e(old_path)}:{hunk.old.line}")
    if hunk.new is not None:
        where.append(f"{_e(new_path)}:{hunk.new.line}")
    arrow = " &rarr; " if hunk.kind == "moved" else " / "
    if hunk.words:
        parts = []
        for w in hunk.words:
            text = _e(w.text)
            parts.append(text if w.op == "equal" else f"<del>{text}</del>" if w.op == "delete" else f"<ins>{text}</ins>")
        content = "".join(parts)
    elif hunk.kind == "removed":
        content = f"<del>{_e(hunk.old.text if hunk.old else '')}</del>"
    elif hunk.kind == "added":
        content = f"<ins>{_e(hunk.new.text if hunk.new else '')}</ins>"
    else:
        content = f"<span class=\"moved-text\">{_e(hunk.new.text if hunk.new else '')}</span>"
    return (
        f"<div class=\"hunk {_e(hunk.kind)}\"><div class=\"where\">{_e(hunk.kind)}: {arrow.join(where)}</div>"
        f"<p>{content}</p></div>"
    )


def _diff_section(diff: RevisionDiff) -> list[str]:
    old, new = diff.old.path, diff.new.path
    out = [f"<section>\n<h1>{_e(old)} &rarr; {_e(new)}</h1>"]
    out.append(f"<h2>Facts ({len(diff.changes)})</h2>")
    if diff.changes:
        out.append(
            "<div class=\"table-wrap\"><table><tr><th></th><th>subject</th><th>attribute</th><th>old</th><th>new</th>"
            "<th>what changed</th></tr>"
        )
        out.extend(_fact_row(c, old, new) for c in diff.changes)
        out.append("</table></div>")
    else:
        out.append("<p>No fact changed.</p>")
    out.append(f"<h2>Text ({len(diff.text)})</h2>")
    out.extend(_hunk(h, old, new) for h in diff.text)
    out.append("</section>")
    return out


def timeline_page(timelines: Sequence[FactTimeline]) -> str:
    body = ["<h1>Fact timeline</h1>"]
    if not timelines:
        body.append("<p>No facts.</p>")
        return _page("checker timeline", body)
    versions = timelines[0].versions
    body.append("<table><tr><th>subject</th><th>attribute</th>" + "".join(f"<th>{_e(v)}</th>" for v in versions) + "</tr>")
    for t in timelines:
        cells = []
        for side in t.states:
            if side is None:
                cells.append("<td class=\"where\">absent</td>")
            else:
                words = negated(side.text) if side.polarity.value == "negated" else side.text
                cells.append(f"<td>{_e(words)}</td>")
        body.append(f"<tr><td>{_e(t.subject)}</td><td>{_e(t.attribute)}</td>{''.join(cells)}</tr>")
    body.append("</table>")
    return _page("checker timeline", body)
