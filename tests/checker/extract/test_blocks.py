"""A long report is extracted a block of sentences at a time: the same assertions as one pass over the text."""

from __future__ import annotations

import datetime as dt

import checker.extract as extract
from checker.extract.sentences import split_sentences
from checker.ingest import limits
from checker.models import Document

_PARAGRAPHS = [
    "KYIV, Nov. 25, 2024 — Russian strikes killed 12 people in Kharkiv on Monday, officials said.",
    "About 8,000 North Korean soldiers have reached the Kursk region, a U.S. official said. Gen. Smith "
    "disputed it.",
    "Revenue at Northwind Corp rose to $4.2 billion in the third quarter... then fell in October. Shares fell 3%.",
    "1. The dam near Odesa burst on Nov. 20.\n2. More than 1,500 homes were flooded.",
    "Rescue workers said 340 people were evacuated from Mykolaiv. The toll may rise above 15.",
]


def _text(n: int) -> str:
    return "\n\n".join(_PARAGRAPHS[i % len(_PARAGRAPHS)].replace("12", str(12 + i)) for i in range(n))


def _frames(result) -> list[tuple]:
    return [(a.evidence.start, a.value_span.start, a.value_span.end, a.subject_key, a.attribute, a.value,
             a.scope_place, a.source, a.modality) for a in result.assertions]


def _doc(text: str) -> Document:
    return Document(path="long.txt", raw=text, text=text, date=dt.date(2024, 11, 25), body_start=len("KYIV, Nov. 25, 2024 — "))


def test_blocks_give_the_assertions_of_one_pass(monkeypatch):
    doc = _doc(_text(60))
    whole = extract.extract_document(doc)
    assert len(whole.assertions) > 100
    for size in (700, 1_500, 4_000):
        monkeypatch.setattr(extract, "_BLOCK_CHARS", size)
        blocked = extract.extract_document(doc)
        assert _frames(blocked) == _frames(whole)
        assert [s.evidence for s in blocked.statements] == [s.evidence for s in whole.statements]
        assert blocked.countries == whole.countries


def test_blocks_cover_the_sentences_of_one_split(monkeypatch):
    text = _text(40)
    monkeypatch.setattr(extract, "_BLOCK_CHARS", 500)
    blocks = list(extract._sentence_blocks(text, 0))
    assert len(blocks) >= len(text) // 600
    assert [s for block in blocks for s in block] == split_sentences(text)


def test_a_report_past_the_cap_stops_being_read(monkeypatch):
    monkeypatch.setattr(extract, "_BLOCK_CHARS", 1_000)
    monkeypatch.setattr(limits, "MAX_ASSERTIONS_PER_DOCUMENT", 30)
    result = extract.extract_document(_doc(_text(200)))
    assert len(result.assertions) == 30
    assert max(a.evidence.end for a in result.assertions) < 5_000


def test_progress_moves_through_one_long_report(monkeypatch):
    from checker.pipeline import extract_all

    monkeypatch.setattr(extract, "_BLOCK_CHARS", 1_000)
    seen: list[tuple[float, int]] = []
    extract_all([_doc(_text(60)), _doc(_text(2))], lambda done, total: seen.append((done, total)))
    fractions = [done for done, _ in seen if done < 1]
    assert len(fractions) > 3
    assert fractions == sorted(fractions) and 0 < fractions[0]
    assert seen[-1] == (2, 2) and all(total == 2 for _, total in seen)
