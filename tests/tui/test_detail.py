"""The detail pane says why two claims were compared: the alignment score and the fields that matched."""

from checker.models import Alignment
from tui.widgets.detail import describe_conflict


def test_detail_shows_what_the_claims_matched_on(analysis):
    conflict = analysis.conflicts[0].model_copy(
        update={"alignment": Alignment(score=0.81, matched=["thing", "entities"])}
    )
    text = describe_conflict(conflict, None).plain
    assert "thing, entities" in text and "0.81" in text


def test_detail_without_alignment_has_no_match_line(analysis):
    conflict = analysis.conflicts[0].model_copy(update={"alignment": None})
    with_score = conflict.model_copy(update={"alignment": Alignment(score=0.81, matched=["thing"])})
    lines = describe_conflict(conflict, None).plain.splitlines()
    assert len(describe_conflict(with_score, None).plain.splitlines()) == len(lines) + 1
