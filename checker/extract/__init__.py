"""Document -> assertions. The one entry point the CLI, the comparison, the diff and the TUI call."""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Callable, Iterator
from operator import attrgetter

from checker.extract.assertions import DocumentState, SentenceContext, sentence_assertions
from checker.extract.dates import find_dates
from checker.extract.lexicon import english_word
from checker.extract.places import gazetteer
from checker.extract.quantities import find_quantities
from checker.extract.sentences import split_sentences
from checker.extract.stance import SourceMemory, analyse_stance
from checker.extract.subjects import actor_key
from checker.extract.tables import find_tables
from checker.extract.tokens import tokenize
from checker.ingest import limits
from checker.models import (
    Assertion,
    Document,
    DocumentAssertions,
    Place,
    PlaceMatch,
    Sentence,
    Slot,
    Statement,
    Table,
    TableRow,
)

__all__ = ["extract_document", "extract_text"]


def _bucket(items: list, sentences: list) -> list[list]:
    """Distribute start-sorted matches over start-sorted sentences in one pass."""
    out: list[list] = [[] for _ in sentences]
    items = sorted(items, key=lambda m: m.start)
    k = 0
    for i, s in enumerate(sentences):
        while k < len(items) and items[k].start < s.start:
            k += 1
        j = k
        while j < len(items) and items[j].start < s.end:
            if items[j].end <= s.end:
                out[i].append(items[j])
            j += 1
        k = j
    return out


def _skip_dateline(sentences: list[Sentence], body_start: int) -> list[Sentence]:
    """Start the first sentence after the dateline: its place and date describe the report, not a claim."""
    if not body_start:
        return sentences
    out = []
    for s in sentences:
        if s.end <= body_start:
            continue
        if s.start < body_start:
            start = body_start
            while start < s.end and s.text[start - s.start].isspace():
                start += 1
            s = Sentence(start=start, end=s.end, text=s.text[start - s.start :])
        out.append(s)
    return out


# A long report is analysed a block of sentences at a time: the finders (figures, dates, places) run over one block
# and its matches are dropped once its sentences are done, so memory follows the block, not the report, and a
# report that reaches the assertion cap stops being scanned there. Nearly every report is one block, and its result
# is exactly that of one pass over the whole text. ``_MARGIN`` characters either side of a block are shown to the
# finders, so that what they look back or ahead at near a block's edge is what a whole-text pass would see.
_BLOCK_CHARS = 262_144
_MARGIN = 256


def _sentence_blocks(text: str, body_start: int) -> Iterator[list[Sentence]]:
    """The sentences of ``text`` after the dateline, in runs covering about ``_BLOCK_CHARS`` characters each.

    A window's last sentence may be cut short by the window's end, so it is split again as the first of the next
    window: the sentences are those of one ``split_sentences(text)`` call, found a window at a time."""
    n = len(text)
    a = 0
    while a < n:
        b = a + _BLOCK_CHARS
        if b >= n:
            found = split_sentences(text, a, n)
            a = n
        else:
            found = split_sentences(text, a, b)
            if len(found) > 1:
                a = found.pop().start
            elif found and found[0].start > a:
                a = found[0].start  # only leading space before one sentence: start the next window at it
                continue
            else:
                a = b
        found = _skip_dateline(found, body_start)
        if found:
            yield found


def _shifted(matches: list, by: int) -> list:
    """Matches found in a window of the text starting at ``by``, moved to offsets into the whole text.

    They are moved in place: the finders build every match afresh for the window they are given and keep none, so
    no one else holds them yet, and this is what ``model_construct`` of the shifted values would build, without a
    new object per match (a long report shifts every match it holds)."""
    if by:
        for m in matches:
            values = m.__dict__
            values["start"] += by
            values["end"] += by
    return matches


def extract_document(doc: Document, on_block: Callable[[int, int], None] | None = None) -> DocumentAssertions:
    """All assertions of a document, each pointing back to its sentence and value span in the raw file.

    ``on_block(done, total)`` is told the characters of ``doc.text`` analysed so far after each block of a long
    report, for a progress bar (a report of one block calls it never).

    The cyclic garbage collector is paused meanwhile: extraction makes no reference cycles (its objects are freed by
    reference counting), but each collection walks every live token, frame and span, which cost a tenth of the time
    on 1 MB and more on longer reports (issue 17)."""
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        return _extract_document(doc, on_block)
    finally:
        if paused:
            gc.enable()


def _extract_document(doc: Document, on_block: Callable[[int, int], None] | None) -> DocumentAssertions:
    text = doc.text
    gaz = gazetteer()
    lead_end = doc.body_start + _LEAD_CHARS
    memory = SourceMemory()
    state = DocumentState()
    assertions: list[Assertion] = []
    statements: list[Statement] = []
    lead_places: list[PlaceMatch] | None = None
    names: set[str] = set()
    cap = limits.MAX_ASSERTIONS_PER_DOCUMENT
    # Pipe tables are read row by row (``tables``), not as sentences; an HTML page's tables are flattened to text.
    tables = find_tables(doc.raw) if doc.format != "html" and doc.segments is None and len(doc.raw) == len(text) \
        else []
    tables = [t for t in tables if t.start >= doc.body_start]
    tables_read: set[int] = set()
    for sentences in _sentence_blocks(text, doc.body_start):
        # The first window starts at the top, so that the dateline's places count among the lead's (``_countries``);
        # a report of one block is analysed as a whole. Matches outside the block's sentences are not bucketed.
        at = max(0, sentences[0].start - _MARGIN) if lead_places is not None else 0
        end = sentences[-1].end + _MARGIN
        window = text if not at and end >= len(text) else text[at:end]
        quantities = _bucket(_shifted(find_quantities(window), at), sentences)
        dates = _bucket(_shifted(find_dates(window, doc.date), at), sentences)
        found_places = _shifted(gaz.find(window), at)
        if lead_places is None:
            lead_places = [m for m in found_places if m.start < lead_end]
        places = _bucket(found_places, sentences)
        del window, found_places
        for i, sentence in enumerate(sentences):
            if len(assertions) >= cap:
                break  # the caller warns (``limits.assertion_cap_warning``); the rest of the report is not extracted
            while tables and tables[0].end <= sentence.start:
                tables.pop(0)
            if not tables or tables[0].start >= sentence.end:  # (most reports hold no table)
                pieces: tuple = ((sentence, quantities[i], dates[i], places[i]),)
            else:
                # A table's rows are read as rows, once, at the first sentence it was split into; the words of that
                # sentence before or after the table (a line with no full stop before or after it) as sentences.
                cut, at = [], sentence.start
                for table in tables:
                    if table.start >= sentence.end:
                        break
                    if table.start not in tables_read:
                        tables_read.add(table.start)
                        for row in table.rows:
                            if len(assertions) < cap:
                                assertions.extend(_row_assertions(doc, table, row, memory, state))
                    cut.append(_piece(text, at, table.start, quantities[i], dates[i], places[i]))
                    at = max(at, table.end)
                cut.append(_piece(text, at, sentence.end, quantities[i], dates[i], places[i]))
                pieces = tuple(p for p in cut if p is not None)
            for piece, piece_quantities, piece_dates, piece_places in pieces:
                tokens = tokenize(text, piece.start, piece.end)
                names.update([t.lower for t in tokens if t.is_capitalised and not t.initial and len(t.lower) > 2])
                opaque = [(m.start, m.end) for m in (*piece_quantities, *piece_dates, *piece_places)]
                stance = analyse_stance(tokens, text, memory, opaque)
                ctx = SentenceContext(doc, piece, tokens, stance, piece_quantities, piece_dates, piece_places, state)
                assertions.extend(sentence_assertions(ctx))
                if len(tokens) >= _STATEMENT_TOKENS:
                    statements.append(_statement(ctx, len(tokens)))
        if len(assertions) >= cap:
            break
        if on_block is not None and sentences[-1].end + _MARGIN < len(text):
            on_block(sentences[-1].end, len(text))
    del assertions[cap:]
    return DocumentAssertions(
        path=doc.path,
        title=doc.title,
        source=doc.source,
        date=doc.date,
        countries=_countries(doc, lead_places or [], assertions),
        names=_rare(names),
        statements=statements,
        assertions=assertions,
    )


_tuple_new = tuple.__new__
_AT = attrgetter("at")
_STATEMENT_TOKENS = 6  # shorter sentences ("Shares fell.") are too plain for a reworded copy to be recognised


def _statement(ctx: SentenceContext, n_tokens: int) -> Statement:
    """The sentence and every value in it, for the restatement comparison. The evidence span is the one the
    sentence's assertions share, so the sentence's text is held once."""
    doc = ctx.doc
    found = [(m.quantity, m.start, m.end) for m in ctx.quantities]
    found += [(m.range, m.start, m.end) for m in ctx.dates]
    found += [(m.place, m.start, m.end) for m in ctx.places]
    base = ctx.sentence.start
    ev = ctx.evidence
    text = doc.text
    # Each slot is built as the plain tuple of the named tuple's fields (its Python ``__new__`` would cost a call).
    if len(ev.text) == ev.end - ev.start:  # plain text and Markdown: analysed and raw offsets differ by a shift
        shift = ev.start - base
        slots = [_tuple_new(Slot, (v, a - base, b - base, a + shift, b + shift, text[a:b])) for v, a, b in found]
    else:
        to_raw = doc.to_raw
        slots = [
            _tuple_new(Slot, (v, a - base, b - base, to_raw(a), to_raw(b - 1) + 1, text[a:b])) for v, a, b in found
        ]
    slots.sort(key=_AT)
    return Statement.model_construct(
        evidence=ev,
        slots=tuple(slots),
        modality=ctx.stance.modality(n_tokens - 1),
        source=ctx.stance.source or doc.source,
    )


def _piece(text: str, start: int, end: int, *matches: list) -> tuple | None:
    """The words of a sentence between ``start`` and ``end`` (outside a table) as a sentence of their own, with the
    sentence's matches that fall inside them; None when only spaces are left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        return None
    sentence = Sentence.model_construct(start=start, end=end, text=text[start:end])
    return (sentence, *([m for m in found if start <= m.start and m.end <= end] for found in matches))


def _row_assertions(doc: Document, table: Table, row: TableRow, memory: SourceMemory, state: DocumentState
                    ) -> list[Assertion]:
    """The claims of one table row (the ``table-cell`` rule), its figures found in the row alone, as written
    between its pipes (a Markdown table's pipes are blanked in the analysed text, which would run cells together)."""
    text = doc.text
    tokens = tokenize(text, row.start, row.end)
    quantities = _shifted(find_quantities(doc.raw[row.start : row.end]), row.start)
    stance = analyse_stance(tokens, text, memory, [(q.start, q.end) for q in quantities])
    sentence = Sentence.model_construct(start=row.start, end=row.end, text=text[row.start : row.end])
    ctx = SentenceContext(doc, sentence, tokens, stance, quantities, [], [], state, table=table, row=row)
    return sentence_assertions(ctx)


def _rare(words: set[str]) -> list[str]:
    """Capitalised words that are not ordinary English words: names of people, companies, units and places."""
    return sorted(w for w in words if w.isalpha() and not english_word(w))


_LEAD_CHARS = 400


def _countries(doc: Document, places: list[PlaceMatch], assertions: list[Assertion]) -> list[str]:
    """The countries a report is about: places named in its title, dateline and lead, and where it locates things."""
    gaz = gazetteer()
    lead_end = doc.body_start + _LEAD_CHARS
    title = doc.title or ""
    if title.islower() and not doc.text.islower():
        title = ""  # a file name standing for a title ("draft", "report-2"): no place to read, and no reason to
        # build the case-insensitive tables of a lower-cased text for it
    keys = [m.place.key for m in gaz.find(title)]
    keys += [m.place.key for m in places if m.start < lead_end]
    keys += [a.value.key for a in assertions if isinstance(a.value, Place)]
    keys += [a.scope_place for a in assertions if a.scope_place]
    # "Cambodian troops violated the ceasefire": nationalities in the title and lead name the story's countries too.
    for token in tokenize((doc.title or "") + "\n" + doc.text[doc.body_start : lead_end]):
        if token.is_capitalised:
            country, _ = actor_key([token], 0)
            if country:
                keys.append(country)
    out = set()
    for key in keys:
        country = gaz.country_of(key.split(":")[0])
        if country:
            out.add(country)
    return sorted(out)


def extract_text(text: str, *, path: str = "<text>", date: dt.date | None = None, source: str | None = None) -> list[Assertion]:
    """Assertions of a plain-text snippet; a convenience for tests and the Python API."""
    doc = Document(path=path, raw=text, text=text, date=date, source=source)
    return extract_document(doc).assertions
