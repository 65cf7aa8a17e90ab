from checker.diff import diff_documents
from checker.models import Document

BEFORE = "Ukraine said the bridge was closed on Monday."
AFTER = "Officials in Kyiv declined to comment."


def _doc(path: str, body: str) -> Document:
    text = f"{BEFORE}\n\n{body}\n\n{AFTER}\n"
    return Document(path=path, raw=text, text=text)


def _changes(old: str, new: str):
    return diff_documents(_doc("old.txt", old), _doc("new.txt", new)).changes


def test_reworded_sentence_with_the_same_number_is_no_fact_change(extraction):
    old = "About 10,000 North Korean troops are in the Kursk region."
    new = "About 10,000 North Korean troops are now in the Kursk region, as before."
    diff = diff_documents(_doc("old.txt", old), _doc("new.txt", new))
    assert diff.changes == []
    assert [h.kind for h in diff.text] == ["changed"]


def test_changed_count_is_one_value_change(extraction):
    changes = _changes(
        "About 10,000 North Korean troops are in the Kursk region.",
        "About 11,000 North Korean troops are in the Kursk region.",
    )
    assert len(changes) == 1
    c = changes[0]
    assert (c.kind, c.subject_key, c.attribute, c.aspects) == ("changed", "north-korea troops", "count", ["value"])
    assert c.old.text == "About 10,000" and c.new.text == "About 11,000"
    assert "10,000" in c.message and "11,000" in c.message and "->" in c.message


def test_changed_place_is_a_location_change(extraction):
    changes = _changes(
        "About 10,000 North Korean troops are in the Kursk region.",
        "About 10,000 North Korean troops are in the Belgorod region.",
    )
    assert [(c.kind, c.attribute, c.aspects) for c in changes] == [("changed", "location", ["value"])]
    assert changes[0].message.endswith("Kursk region -> Belgorod region")


def test_added_negation_is_a_polarity_change(extraction):
    changes = _changes(
        "North Korean troops are in the Kursk region.",
        "North Korean troops are not in the Kursk region.",
    )
    assert [(c.kind, c.attribute, c.aspects) for c in changes] == [("changed", "location", ["polarity"])]
    assert changes[0].new.polarity == "negated"


def test_new_sentence_adds_facts_and_deleted_sentence_removes_them(extraction):
    changes = _changes(
        "The earthquake killed 120 people in the city.",
        "The earthquake killed 120 people in the city. About 300 people were injured.",
    )
    assert {c.kind for c in changes} == {"added"}
    assert "injured" in {c.attribute for c in changes}
    back = _changes(
        "The earthquake killed 120 people in the city. About 300 people were injured.",
        "The earthquake killed 120 people in the city.",
    )
    assert {c.kind for c in back} == {"removed"}
    assert "injured" in {c.attribute for c in back}


def test_moved_paragraph_changes_no_fact(extraction):
    a = "About 10,000 North Korean troops are in the Kursk region."
    b = "The earthquake killed 120 people in the city."
    x, y = "Something else happened.", "The weather was cold."
    diff = diff_documents(_doc("old.txt", f"{a}\n\n{x}\n\n{y}\n\n{b}"), _doc("new.txt", f"{x}\n\n{y}\n\n{a}\n\n{b}"))
    assert diff.changes == []
    assert [h.kind for h in diff.text] == ["moved"]


def test_fact_offsets_are_raw_offsets_of_each_version():
    old, new = _doc("old.txt", "The earthquake killed 120 people."), _doc("new.txt", "The earthquake killed 140 people.")
    (c,) = diff_documents(old, new).changes
    assert old.raw[c.old.start : c.old.end] == "120"
    assert new.raw[c.new.start : c.new.end] == "140"
    assert c.new.line == 3


def test_figure_restated_in_other_words_is_no_fact_change(extraction):
    assert _changes(
        "Turnout in the Kestrel Bay election was 61%, the commission said.",
        "Turnout in the Kestrel Bay election was 61.2 percent, the commission said.",
    ) == []
    assert _changes(
        "The Atlas Rally covers 700 km of desert tracks.",
        "The Atlas Rally covers 435 miles of desert tracks.",
    ) == []


def test_moved_figure_inside_its_rounding_is_still_a_change(extraction):
    changes = _changes(
        "About 10,000 people in Orla County have been vaccinated, the ministry said.",
        "The ministry said about 12,000 people in Orla County have now been vaccinated.",
    )
    assert [(c.kind, c.aspects) for c in changes] == [("changed", ["value"])]


def test_opposite_outcome_is_one_polarity_change_with_both_passages(extraction):
    changes = _changes(
        "The Harbour Bridge was closed on Monday after the storm, police said.",
        "The Harbour Bridge remained open on Monday after the storm, police said.",
    )
    assert [(c.kind, c.aspects) for c in changes] == [("changed", ["polarity"])]
    assert (changes[0].old.text, changes[0].new.text) == ("was closed", "remained open")


def test_moved_date_no_frame_reads_is_found_as_a_restatement(extraction):
    changes = _changes(
        "The Court of Appeal will hand down its judgment in the Harlow Estates case on 3 June 2025.",
        "The Court of Appeal will hand down its judgment in the Harlow Estates case on 5 June 2025.",
    )
    assert [(c.kind, c.aspects, c.old.text, c.new.text) for c in changes] == [("changed", ["value"], "3 June 2025", "5 June 2025")]


def test_moved_date_in_a_sentence_that_names_nothing_is_found_in_an_edited_version(extraction):
    changes = _changes(
        "The court will deliver its ruling on 3 June 2025, the clerk said.",
        "The court will deliver its ruling on 5 June 2025, the clerk said.",
    )
    assert [(c.kind, c.old.text, c.new.text) for c in changes] == [("changed", "3 June 2025", "5 June 2025")]


def test_currency_changed_around_the_same_number_is_a_change(extraction):
    changes = _changes(
        "Northwind Corp reported quarterly revenue of $4.2 billion.",
        "Northwind Corp reported quarterly revenue of €4.2 billion.",
    )
    assert [(c.kind, c.aspects) for c in changes] == [("changed", ["value"])]


def test_a_crowded_block_still_pairs_linked_sentences(monkeypatch):
    monkeypatch.setattr("checker.diff.facts.MAX_BLOCK_PAIRS", 0)
    changes = _changes(
        "About 10,000 North Korean troops are in the Kursk region.",
        "About 11,000 North Korean troops are in the Kursk region.",
    )
    assert [(c.kind, c.attribute, c.aspects) for c in changes] == [("changed", "count", ["value"])]
