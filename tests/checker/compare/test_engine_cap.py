"""find_capped_conflicts(): the per-report cap applied to findings gives what capping the full list gives."""

from __future__ import annotations

import datetime as dt

from checker.compare.engine import cap_conflicts, find_capped_conflicts, find_conflicts
from checker.extract import extract_text

DAY = dt.date(2024, 11, 25)

# Three reports that disagree on many tolls with each other and within themselves.
_REPORTS = {
    "a.txt": "Floods in Sindh killed {0} people on Monday. The storm in Balochistan destroyed {1} homes. "
    "Officials said {2} people were evacuated from Karachi. Another {3} people were injured in Hyderabad.",
    "b.txt": "Floods in Sindh killed {1} people on Monday. The storm in Balochistan destroyed {2} homes. "
    "Officials said {3} people were evacuated from Karachi. Another {0} people were injured in Hyderabad.",
    "c.txt": "Floods in Sindh killed {2} people on Monday. The storm in Balochistan destroyed {3} homes. "
    "Officials said {0} people were evacuated from Karachi. Another {1} people were injured in Hyderabad.",
}


def _assertions():
    out = []
    for path, text in _REPORTS.items():
        for k in range(3):  # the same paragraph with other figures: many disagreements per report
            out += extract_text(text.format(*(120 + 7 * k, 4_300 + k, 950 - k, 61 + 3 * k)), path=path, date=DAY)
    return out


def test_capped_findings_keep_what_capping_the_conflicts_keeps():
    assertions = _assertions()
    dates = dict.fromkeys(_REPORTS, DAY)
    everything = find_conflicts(assertions, dates=dates)
    assert len(everything) > 6
    for cap in (1, 2, 5, len(everything)):
        expected, expected_full = cap_conflicts(everything, cap)
        found, full = find_capped_conflicts(assertions, cap=cap, dates=dates)
        assert [c.id for c in found] == [c.id for c in expected]
        assert found == expected
        assert full == expected_full


def test_no_cap_is_find_conflicts():
    assertions = _assertions()
    dates = dict.fromkeys(_REPORTS, DAY)
    found, full = find_capped_conflicts(assertions, cap=None, dates=dates)
    assert found == find_conflicts(assertions, dates=dates)
    assert full == []


# One report whose tolls contradict each other (high severity) and whose refusals to confirm meet every toll (medium).
_REFUSED = " ".join(
    f"Floods in Sindh killed {100 + 9 * k} people on Monday. The army could not confirm the deaths." for k in range(4)
)


def test_a_report_filled_with_high_conflicts_builds_no_lower_ones_and_still_counts_as_full():
    assertions = extract_text(_REFUSED, path="a.txt", date=DAY)
    dates = {"a.txt": DAY}
    everything = find_conflicts(assertions, dates=dates)
    high = [c for c in everything if c.severity.value == "high"]
    assert 0 < len(high) < len(everything)
    assert {c.kind.value for c in everything if c not in high} == {"unverified"}
    for cap in range(1, len(everything) + 1):
        expected, expected_full = cap_conflicts(everything, cap)
        assert find_capped_conflicts(assertions, cap=cap, dates=dates) == (expected, expected_full)
