"""Conflict ids survive unrelated edits to either report and change when the disagreement changes."""

from __future__ import annotations

import datetime as dt

from checker.compare import find_conflicts
from checker.compare.fingerprint import conflict_id, value_key
from checker.extract import extract_text
from checker.models import Assertion, ConflictKind, Event, Modality, Place, Polarity, Quantity, Span, TimeRange

DAY = dt.date(2024, 11, 25)
LEFT = "The storm flattened crops. At least 200 people were killed in the flooding, the governor said."
RIGHT = "Fewer than 50 people were killed in the flooding, a relief agency said."


def ids(left: str, right: str) -> list[str]:
    assertions = extract_text(left, path="left.txt", date=DAY) + extract_text(right, path="right.txt", date=DAY)
    return [c.id for c in find_conflicts(assertions)]


def test_baseline_has_one_conflict() -> None:
    assert len(ids(LEFT, RIGHT)) == 1


def test_id_survives_an_unrelated_sentence_in_either_report() -> None:
    base = ids(LEFT, RIGHT)
    assert ids(LEFT + " Schools will stay shut until Friday.", RIGHT) == base
    assert ids(LEFT, "Aid convoys reached the valley. " + RIGHT) == base


def test_id_survives_a_new_first_paragraph() -> None:
    assert ids("Update, evening edition.\n\nRoads into the valley remain closed.\n\n" + LEFT, RIGHT) == ids(LEFT, RIGHT)


def test_id_changes_when_a_number_changes() -> None:
    base = ids(LEFT, RIGHT)
    changed = ids(LEFT, RIGHT.replace("Fewer than 50", "Fewer than 40"))
    assert len(changed) == 1 and changed != base


def test_id_changes_when_a_path_changes() -> None:
    a = extract_text(LEFT, path="left.txt", date=DAY) + extract_text(RIGHT, path="right.txt", date=DAY)
    b = extract_text(LEFT, path="left.txt", date=DAY) + extract_text(RIGHT, path="other.txt", date=DAY)
    assert [c.id for c in find_conflicts(a)] != [c.id for c in find_conflicts(b)]


def _made(path: str, value, *, start: int = 0, polarity: Polarity = Polarity.AFFIRMED,
          modality: Modality = Modality.ASSERTED) -> Assertion:
    span = Span(start=start, end=start + 5, line=1, column=1, text="words")
    return Assertion(path=path, subject="x", subject_key="x", attribute="count", value=value, polarity=polarity,
                     modality=modality, evidence=span, value_span=span)


def test_conflict_id_is_symmetric_and_ignores_offsets() -> None:
    a = _made("a.txt", Quantity(nominal=5, low=5, high=5))
    b = _made("b.txt", Quantity(nominal=9, low=9, high=9), start=400)
    b_moved = _made("b.txt", Quantity(nominal=9, low=9, high=9), start=10)
    first = conflict_id(ConflictKind.NUMERIC, "x", "count", a, b)
    assert first == conflict_id(ConflictKind.NUMERIC, "x", "count", b, a)
    assert first == conflict_id(ConflictKind.NUMERIC, "x", "count", a, b_moved)
    assert len(first) == 16 and int(first, 16) >= 0
    assert first != conflict_id(ConflictKind.CHANGE, "x", "count", a, b)
    assert first != conflict_id(ConflictKind.NUMERIC, "y", "count", a, b)


def test_value_key_by_value_kind() -> None:
    q = _made("a.txt", Quantity(nominal=200, low=200, high=None, text="at least 200"))
    assert value_key(q) == "200..*|affirmed|claim"
    assert value_key(_made("a.txt", Place(key="RU-KRS", name="Kursk Oblast"))) == "RU-KRS|affirmed|claim"
    june = TimeRange(start=dt.date(2024, 6, 1), end=dt.date(2024, 6, 30))
    assert value_key(_made("a.txt", june)) == "2024-06-01..2024-06-30|affirmed|claim"
    negated = _made("a.txt", Event(predicate="grant"), polarity=Polarity.NEGATED)
    assert value_key(negated) == "grant|negated|claim"
    refusal = _made("a.txt", Event(predicate="killed"), modality=Modality.CANNOT_CONFIRM)
    assert value_key(refusal) == "killed|affirmed|refusal"


def test_value_key_ignores_the_wording_of_a_number() -> None:
    a = _made("a.txt", Quantity(nominal=11000, low=11000, high=11000, text="11,000"))
    b = _made("a.txt", Quantity(nominal=11000, low=11000, high=11000, text="eleven thousand"))
    assert value_key(a) == value_key(b)
