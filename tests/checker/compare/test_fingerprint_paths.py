"""Conflict ids for reports whose file names are not valid UTF-8 (os.fsdecode gives them surrogate escapes)."""

from __future__ import annotations

import datetime as dt
import hashlib

from checker.compare import find_conflicts
from checker.compare.fingerprint import conflict_id, value_key
from checker.extract import extract_text
from checker.models import ConflictKind

DAY = dt.date(2024, 11, 25)
LEFT = "At least 200 people were killed in the flooding, the governor said."
RIGHT = "Fewer than 50 people were killed in the flooding, a relief agency said."


def test_a_conflict_between_files_with_non_utf8_names_has_an_id() -> None:
    left = extract_text(LEFT, path="r\udcffport.txt", date=DAY)
    right = extract_text(RIGHT, path="\ud800.txt", date=DAY)
    (conflict,) = find_conflicts(left + right)
    assert len(conflict.id) == 16
    renamed = extract_text(LEFT, path="r\udcfeport.txt", date=DAY)
    (other,) = find_conflicts(renamed + right)
    assert other.id != conflict.id


def test_utf8_paths_keep_their_ids() -> None:
    a = extract_text(LEFT, path="left.txt", date=DAY)[0]
    b = extract_text(RIGHT, path="right.txt", date=DAY)[0]
    sides = sorted([(a.path, value_key(a)), (b.path, value_key(b))])
    material = "\x1f".join(["numeric", "people", "killed", *(f"{p}\x1e{v}" for p, v in sides)])
    expected = hashlib.sha256(material.encode("utf-8")).hexdigest()[:16]
    assert conflict_id(ConflictKind("numeric"), "people", "killed", a, b) == expected
