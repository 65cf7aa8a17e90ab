from checker.models import Document, Evidence, Segment
from tui.context import DocumentView, passage

RAW = "First line here. The army said 500 troops left on Monday. Officials disagreed.\n\nNew paragraph."


def ev(raw: str, sentence: str, value: str, path: str = "a.txt") -> Evidence:
    start = raw.index(sentence)
    at = raw.index(value, start)
    return Evidence(path=path, start=start, end=start + len(sentence), line=1, column=start + 1, text=sentence,
                    value=value, value_start=at, value_end=at + len(value))


def test_passage_has_a_sentence_each_side_and_the_value():
    doc = Document(path="a.txt", raw=RAW, text=RAW)
    p = passage(ev(RAW, "The army said 500 troops left on Monday.", "500 troops"), DocumentView(doc))
    assert p.before == "First line here. "
    assert p.sentence == "The army said 500 troops left on Monday."
    assert p.after == " Officials disagreed."
    assert p.sentence[p.value[0] : p.value[1]] == "500 troops"
    assert not p.clipped_before and not p.clipped_after


def test_context_stops_at_paragraph_break_and_abbreviation_does_not_split():
    raw = "Intro.\n\nU.S. officials said 40 people died. Next one here."
    doc = Document(path="a.txt", raw=raw, text=raw)
    p = passage(ev(raw, "U.S. officials said 40 people died.", "40 people"), DocumentView(doc))
    assert p.before == "Intro.\n\n"
    assert p.after == " Next one here."


def test_long_neighbours_are_clipped():
    raw = "x" * 1000 + " The count was 7. " + "y" * 1000
    doc = Document(path="a.txt", raw=raw, text=raw)
    p = passage(ev(raw, "The count was 7.", "7"), DocumentView(doc), limit=50)
    assert p.clipped_before and p.clipped_after
    assert len(p.before) <= 50 and len(p.after) <= 50


def test_html_offsets_map_back_to_text():
    raw = "<p>Hello.</p><p>The toll rose to <b>12</b> dead.</p>"
    text = "Hello.\nThe toll rose to 12 dead."
    segments = [
        Segment(text_start=0, raw_start=3, length=6),
        Segment(text_start=7, raw_start=16, length=17),
        Segment(text_start=24, raw_start=36, length=2),
        Segment(text_start=26, raw_start=42, length=6),
    ]
    doc = Document(path="p.html", format="html", raw=raw, text=text, segments=segments)
    start = doc.span(7, len(text))
    value = doc.span(24, 26)
    evidence = Evidence(path="p.html", start=start.start, end=start.end, line=1, column=1, text=start.text,
                        value="12", value_start=value.start, value_end=value.end)
    p = passage(evidence, DocumentView(doc))
    assert p.sentence == "The toll rose to 12 dead."
    assert p.sentence[p.value[0] : p.value[1]] == "12"
    assert p.before == "Hello.\n"


def test_without_document_the_evidence_text_is_used():
    e = ev(RAW, "The army said 500 troops left on Monday.", "500 troops")
    p = passage(e, None)
    assert p.sentence == e.text and p.sentence[p.value[0] : p.value[1]] == "500 troops"


def test_offsets_outside_the_document_fall_back_to_evidence():
    doc = Document(path="a.txt", raw="short", text="short")
    e = ev(RAW, "Officials disagreed.", "Officials")
    p = passage(e, DocumentView(doc))
    assert p.sentence == "Officials disagreed." and p.value == (0, 9)


def test_abbreviations_do_not_end_the_context_sentence():
    raw = "MOSCOW, Oct. 25, 2024 - The Kremlin denied it. Mr. Peskov said 0 troops were sent. Done here."
    doc = Document(path="a.txt", raw=raw, text=raw)
    p = passage(ev(raw, "Mr. Peskov said 0 troops were sent.", "0 troops"), DocumentView(doc))
    assert p.before == "MOSCOW, Oct. 25, 2024 - The Kremlin denied it. "
    assert p.after == " Done here."
