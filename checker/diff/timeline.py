"""Each fact followed through a report's versions: "count: about 10,000 (v1) -> about 11,000 (v3)".

Every version is extracted whole and consecutive versions are paired with the same rule as the diff (identical
facts first, then by the comparison's alignment score and conflict kinds), so a fact keeps its track while its value
changes and a new track starts when a fact first appears.
"""

from __future__ import annotations

from collections.abc import Sequence

from checker.diff.facts import Judge, fact_side, pair_facts
from checker.extract import extract_document
from checker.models import Assertion, Document, FactSide, FactTimeline


def fact_timeline(docs: Sequence[Document], *, changed_only: bool = False) -> list[FactTimeline]:
    """One timeline per fact; with ``changed_only``, only facts that changed, appeared or vanished on the way."""
    versions = [d.path for d in docs]
    tracks: list[list[Assertion | None]] = []
    previous: list[tuple[Assertion, int]] = []  # assertions of the last version and their track
    changed: set[int] = set()  # tracks whose fact changed between two versions
    for v, doc in enumerate(docs):
        current = extract_document(doc).assertions
        track_of = {id(a): t for a, t in previous}
        now: list[tuple[Assertion, int]] = []
        judge = Judge.of(docs[v - 1], doc) if v else Judge()
        for o, n, diff in pair_facts([a for a, _ in previous], current, judge=judge):
            if n is None:
                continue
            if o is not None:
                t = track_of[id(o)]
                if diff:
                    changed.add(t)
            else:
                t = len(tracks)
                tracks.append([None] * len(docs))
            tracks[t][v] = n
            now.append((n, t))
        previous = now
    out: list[FactTimeline] = []
    for t, track in enumerate(tracks):
        present = [a for a in track if a is not None]
        if changed_only and t not in changed and all(a is not None for a in track):
            continue
        last = present[-1]
        states: list[FactSide | None] = [fact_side(a) if a is not None else None for a in track]
        out.append(
            FactTimeline(
                subject=last.subject, subject_key=last.subject_key, attribute=last.aspect_label, versions=versions, states=states
            )
        )
    out.sort(key=lambda t: (t.subject_key, t.attribute))
    return out
