"""split_sentences(): abbreviation-aware splitting whose offsets always point back into the text."""

from __future__ import annotations

import pytest

from checker.extract.sentences import split_sentences
from checker.ingest.limits import MAX_SENTENCE_CHARS


def split(text: str) -> list[str]:
    sentences = split_sentences(text)
    for s in sentences:
        assert text[s.start : s.end] == s.text
        assert s.text == s.text.strip()
    return [s.text for s in sentences]


def test_plain_sentences() -> None:
    assert split("The dam burst. Villages were flooded! Was anyone warned?") == [
        "The dam burst.", "Villages were flooded!", "Was anyone warned?"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Polls closed on Nov. 25 in the capital. Counting began.",
         ["Polls closed on Nov. 25 in the capital.", "Counting began."]),
        ("The U.S. Navy sent two ships. They arrived Monday.",
         ["The U.S. Navy sent two ships.", "They arrived Monday."]),
        ("Gen. Laura Ortiz ordered a pullback. The unit left.",
         ["Gen. Laura Ortiz ordered a pullback.", "The unit left."]),
        ("The memo was signed by K. T. Osei and two aides. Nobody objected.",
         ["The memo was signed by K. T. Osei and two aides.", "Nobody objected."]),
        ("Dr. Amara Bell and Mr. Ito met. Prof. Lee was absent.",
         ["Dr. Amara Bell and Mr. Ito met.", "Prof. Lee was absent."]),
        ("The tremor hit at 4 a.m. on Friday. Schools closed.",
         ["The tremor hit at 4 a.m. on Friday.", "Schools closed."]),
        ("Brightline Inc. posted a loss. Shares fell.", ["Brightline Inc. posted a loss.", "Shares fell."]),
    ],
)
def test_abbreviations_do_not_end_sentences(text: str, expected: list[str]) -> None:
    assert split(text) == expected


def test_decimal_points_and_digit_groups_do_not_split() -> None:
    assert split("Inflation rose to 3.5 percent. The index closed at 4,200.5 points.") == [
        "Inflation rose to 3.5 percent.", "The index closed at 4,200.5 points."]


def test_closing_quote_stays_with_its_sentence() -> None:
    assert split('"We will rebuild," the mayor said. "It will take years." Crews arrived.') == [
        '"We will rebuild," the mayor said.', '"It will take years."', "Crews arrived."]


def test_question_inside_quote_followed_by_lower_case_does_not_split() -> None:
    assert split('"Is the water safe?" asked a resident. Nobody knew.') == [
        '"Is the water safe?" asked a resident.', "Nobody knew."]


def test_blank_line_ends_a_sentence_without_punctuation() -> None:
    text = "Storm update for coastal towns\n\nWinds reached 150 km/h overnight."
    assert split(text) == ["Storm update for coastal towns", "Winds reached 150 km/h overnight."]


def test_blank_lines_after_a_full_stop_make_no_sentence_of_their_own() -> None:
    text = "Rain fell all day.   \n \n\n  The river rose.\n\n\n"
    assert [(s.start, s.end, s.text) for s in split_sentences(text)] == [
        (0, 18, "Rain fell all day."), (27, 42, "The river rose.")]


def test_bulleted_list_items_are_sentences() -> None:
    text = "Confirmed cases by district:\n- North: 14 cases\n- South: 9 cases\n* East: 2 cases"
    assert split(text) == ["Confirmed cases by district:", "- North: 14 cases", "- South: 9 cases",
                           "* East: 2 cases"]


def test_numbered_list_items_are_sentences() -> None:
    text = "Results so far:\n1. Turnout was 61 percent\n2. Two seats remain open"
    assert split(text) == ["Results so far:", "1. Turnout was 61 percent", "2. Two seats remain open"]


def test_three_dot_ellipsis_before_lower_case_does_not_split() -> None:
    assert split("Shares dipped... then recovered by noon.") == ["Shares dipped... then recovered by noon."]


def test_unicode_ellipsis_before_lower_case_does_not_split() -> None:
    assert split("Shares dipped… then recovered by noon.") == ["Shares dipped… then recovered by noon."]


def test_heading_line_is_its_own_sentence() -> None:
    assert split("Intro line.\n# Casualties\nThe toll rose.") == ["Intro line.", "# Casualties", "The toll rose."]


def test_start_and_end_keep_offsets_into_the_whole_text() -> None:
    text = "Header words. The clinic reopened. Staff returned."
    start = text.index("The clinic")
    sentences = split_sentences(text, start, len(text))
    assert [s.text for s in sentences] == ["The clinic reopened.", "Staff returned."]
    assert sentences[0].start == start
    assert all(text[s.start : s.end] == s.text for s in sentences)


def test_surrounding_whitespace_is_trimmed_and_empty_text_has_no_sentences() -> None:
    assert split("   \n\n  ") == []
    sentences = split_sentences("  Aid arrived.  ")
    assert [(s.start, s.end) for s in sentences] == [(2, 14)]


def test_hard_wrapped_prose_is_not_cut_at_line_ends() -> None:
    text = ("ROME, May 2, 2024 - Rescuers pulled 14 people from the rubble of a hotel that collapsed\n"
            "overnight in the town of Amatrice, and firefighters said they had reached\n"
            "Italian and French guests trapped on the second floor.")
    assert len(split(text)) == 1


def test_indented_lines_left_by_markdown_bullets_are_items() -> None:
    assert split("Key figures:\n  Sustained winds 110 km/h\n  Surge 2 metres") == [
        "Key figures:", "Sustained winds 110 km/h", "Surge 2 metres"]


# Hostile input: each of these took minutes to hours with a quadratic splitter; linear, they take milliseconds.
@pytest.mark.parametrize("run", [".", "?!", "…", "!"])
def test_a_megabyte_of_sentence_punctuation_is_one_pass(run: str) -> None:
    text = "Troops arrived. " + run * (1_000_000 // len(run)) + "Then they left."
    found = split_sentences(text)
    assert found[0].text == "Troops arrived."
    assert found[-1].text.endswith("Then they left.")


def test_a_long_text_without_newlines_splits_into_its_sentences() -> None:
    text = "About 11,000 troops arrived in Kursk on Monday. " * 40_000
    assert len(split_sentences(text)) == 40_000


def test_many_heading_like_line_breaks_are_looked_at_once_each() -> None:
    # every break used to copy the text before it to look at the previous line
    text = "Short heading line\nNext Line\n" * 20_000
    found = split_sentences(text)
    assert [s.text for s in found[:1]] == ["Short heading line"]
    assert found[-1].end == len(text) - 1


def test_a_sentence_over_the_cap_is_cut_at_clause_punctuation() -> None:
    text = " ".join(["Kyiv, Kursk, Odesa, 500 troops, Kharkiv, 12 tanks;"] * 2_000) + "."
    found = split_sentences(text)
    assert len(found) > 1
    assert all(len(s.text) <= MAX_SENTENCE_CHARS for s in found)
    assert all(s.text.endswith((";", ".")) for s in found)
    assert all(text[s.start : s.end] == s.text for s in found)
    assert "".join(s.text for s in found).replace(" ", "") == text.replace(" ", "")
