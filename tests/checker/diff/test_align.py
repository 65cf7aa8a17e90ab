from checker.diff.align import align


def _kinds(old: str, new: str) -> list[str]:
    return [item.kind for item in align(old, new).items()]


PARAS = [
    "The first paragraph opens the report. It names no figures at all.",
    "The second paragraph is about the harbour. Ships left at dawn.",
    "The third paragraph covers the market. Prices rose sharply on Monday.",
    "The fourth paragraph quotes the mayor. She asked for calm.",
]


def test_identical_texts_have_no_changes():
    text = "\n\n".join(PARAS)
    assert _kinds(text, text) == []


def test_moved_paragraph_is_a_move_not_remove_and_add():
    old = "\n\n".join(PARAS)
    new = "\n\n".join([PARAS[0], PARAS[2], PARAS[3], PARAS[1]])
    items = align(old, new).items()
    assert [i.kind for i in items] == ["moved"]
    assert items[0].move is not None and items[0].move.identical


def test_moved_and_edited_paragraph_is_still_a_move():
    edited = PARAS[1].replace("dawn", "noon")
    old = "\n\n".join(PARAS)
    new = "\n\n".join([PARAS[0], PARAS[2], PARAS[3], edited])
    items = align(old, new).items()
    assert [i.kind for i in items] == ["moved"]
    assert not items[0].move.identical


def test_edited_sentence_is_changed_and_new_sentence_added():
    old = "\n\n".join(PARAS)
    new = "\n\n".join([PARAS[0], PARAS[1].replace("dawn", "noon"), PARAS[2] + " Shops closed early.", PARAS[3]])
    items = align(old, new).items()
    assert [i.kind for i in items] == ["changed", "added"]
    assert items[0].old[0].text == "Ships left at dawn."
    assert items[1].new[0].text == "Shops closed early."


def test_rewrapped_lines_are_no_change():
    old = "The report says the bridge\nwas closed on Monday. Traffic was diverted."
    new = "The report says the bridge was closed\non Monday. Traffic was diverted."
    assert _kinds(old, new) == []


def test_change_inside_wrapped_sentence_covers_the_whole_sentence():
    old = "Intro line here.\nThe report says the bridge\nwas closed on Monday.\nTraffic was diverted."
    new = "Intro line here.\nThe report says the bridge\nwas closed on Tuesday.\nTraffic was diverted."
    items = align(old, new).items()
    assert [i.kind for i in items] == ["changed"]
    assert items[0].old[0].text == "The report says the bridge\nwas closed on Monday."


def test_many_consecutive_edited_paragraphs_pair_one_to_one():
    old_paras = [f"Paragraph {i} reports {i * 10} trucks. The convoy {i} moved north." for i in range(300)]
    new_paras = [p.replace("north", "south") for p in old_paras]
    items = align("\n\n".join(old_paras), "\n\n".join(new_paras)).items()
    assert len(items) == 300
    assert all(i.kind == "changed" for i in items)
