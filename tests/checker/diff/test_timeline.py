import datetime as dt

from checker.diff import fact_timeline
from checker.models import Document


def _doc(path: str, text: str) -> Document:
    return Document(path=path, raw=text, text=text, date=dt.date(2025, 6, 1))


def test_a_fact_keeps_its_track_through_other_words_and_a_new_value():
    docs = [
        _doc("v1.txt", "Turnout in the Kestrel Bay election was 61%, the commission said."),
        _doc("v2.txt", "Turnout in the Kestrel Bay election was 61.2 percent, the commission said."),
        _doc("v3.txt", "Turnout in the Kestrel Bay election was 64%, the commission said."),
    ]
    (turnout,) = [t for t in fact_timeline(docs) if t.attribute == "turnout"]
    assert [s.text for s in turnout.states] == ["61%", "61.2 percent", "64%"]


def test_changed_only_leaves_out_a_fact_only_restated():
    docs = [
        _doc("v1.txt", "About 11,000 people in Tarn County have received the vaccine, officials said."),
        _doc("v2.txt", "Nearly 11,000 people in Tarn County have received the vaccine, officials said."),
    ]
    assert fact_timeline(docs, changed_only=True) == []
    assert fact_timeline(docs) != []
