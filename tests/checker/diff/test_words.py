from checker.diff.words import word_changes


def _rebuild(changes, side):
    skip = "insert" if side == "old" else "delete"
    return "".join(c.text for c in changes if c.op != skip)


def test_changed_number_is_marked_whole():
    changes = word_changes("About 10,000 troops are there.", "About 11,000 troops are there.")
    assert [(c.op, c.text) for c in changes if c.op != "equal"] == [("delete", "10,000"), ("insert", "11,000")]


def test_adjacent_edits_read_as_one_replacement():
    changes = word_changes("a b c d", "a x y d")
    assert [(c.op, c.text) for c in changes] == [
        ("equal", "a "),
        ("delete", "b c"),
        ("insert", "x y"),
        ("equal", " d"),
    ]


def test_both_texts_rebuild_exactly():
    old = "Officials said  about 10,000 troops\nwere in Kursk."
    new = "Officials denied that 12,000 troops were in Kursk, officials said."
    changes = word_changes(old, new)
    assert _rebuild(changes, "old") == old
    assert _rebuild(changes, "new") == new


def test_identical_text_is_one_equal_run():
    assert [(c.op, c.text) for c in word_changes("Same text.", "Same text.")] == [("equal", "Same text.")]
