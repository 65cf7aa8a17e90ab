"""Stable conflict ids: the same disagreement keeps its id across unrelated edits to either report.

The id hashes what the conflict is about (subject key, attribute, kind), the two normalised values and the two
paths -- never offsets or line numbers -- and orders the two sides canonically so that A-vs-B and B-vs-A agree.
Any path hashes, including one whose name is not valid UTF-8.
"""

from __future__ import annotations

import hashlib

from checker.compare.values import quantity_key
from checker.models import Assertion, ConflictKind, Event, Name, Place, Quantity, TimeRange


def value_key(a: Assertion) -> str:
    v = a.value
    if isinstance(v, Quantity):
        body = quantity_key(v)
    elif isinstance(v, Place):
        body = v.key
    elif isinstance(v, TimeRange):
        body = f"{v.start.isoformat()}..{v.end.isoformat()}"
    elif isinstance(v, Event):
        body = v.predicate
    elif isinstance(v, Name):
        body = " ".join(v.text.lower().split())
    else:  # pragma: no cover - the Value union is closed
        body = str(v)
    return f"{body}|{a.polarity.value}|{'refusal' if a.modality == 'cannot_confirm' else 'claim'}"


def conflict_id(kind: ConflictKind, subject_key: str, attribute: str, left: Assertion, right: Assertion) -> str:
    sides = sorted([(left.path, value_key(left)), (right.path, value_key(right))])
    material = "\x1f".join([kind.value, subject_key, attribute, *(f"{p}\x1e{v}" for p, v in sides)])
    # A path that is not UTF-8 reaches us with surrogate escapes (os.fsdecode); "surrogatepass" hashes any string,
    # and leaves the ids of UTF-8 paths as they were.
    return hashlib.sha256(material.encode("utf-8", "surrogatepass")).hexdigest()[:16]
