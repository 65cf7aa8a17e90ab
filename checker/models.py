"""Every data shape that crosses a module boundary in checker.

Keeping the models in one module means the ingest, extract, compare, report, store and TUI layers agree on one
vocabulary, and a JSON consumer can read the schema in one place. Offsets are always character offsets into the
file's decoded text as read (``Document.raw``), so editors and CI annotations can jump to them, even when analysis
ran on text extracted from HTML.
"""

from __future__ import annotations

import bisect
import datetime as dt
from enum import StrEnum
from functools import cached_property
from collections.abc import Mapping
from typing import Annotated, Any, Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field

# --------------------------------------------------------------------------------------------------- documents


_FIELD_SETS: dict[frozenset[str], set[str]] = {}


class _Constructed(BaseModel):
    """A model the core builds by the hundred thousand (claim frames, their spans and values).

    pydantic gives every instance its own set of the fields it was given, which for a frame of 18 fields costs more
    than the frame's values; instances given the same fields share one set instead. (It is copied before any
    change: ``model_copy`` copies it, and these models are frozen.)"""

    def model_post_init(self, context: object, /) -> None:
        given = self.__pydantic_fields_set__
        if given is not type(self).__dict__.get("_all_fields_set"):
            key = frozenset(given)
            shared = _FIELD_SETS.get(key)
            if shared is None:
                shared = _FIELD_SETS[key] = set(key)
            object.__setattr__(self, "__pydantic_fields_set__", shared)

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False):  # type: ignore[override]
        out = super().model_copy(update=update, deep=deep)
        out.model_post_init(None)  # the copy's own set, shared again
        return out

    @classmethod
    def model_construct(cls, _fields_set: set[str] | None = None, **values):  # type: ignore[override]
        """Every field given (as the core always does): the instance is set up by ``direct_construct``, as pydantic's own
        ``model_construct`` would, without its per-field walk over aliases and defaults (a tenth of extraction)."""
        d = cls.__dict__
        if "_plain_construct" not in d:
            _prepare(cls)
        if _fields_set is None:
            if d["_plain_construct"]:
                if list(values) == d["_field_order"]:  # every field, in order: the usual call, ``direct_construct`` inlined
                    m = _new(cls)
                    _setattr(m, "__dict__", values)
                    _setattr(m, "__pydantic_fields_set__", d["_all_fields_set"])
                    _setattr(m, "__pydantic_extra__", None)
                    _setattr(m, "__pydantic_private__", None)
                    return m
                if values.keys() == d["_all_fields_set"]:
                    return direct_construct(cls, {k: values[k] for k in d["_field_order"]})
            elif values.keys() == d["_all_fields_set"]:
                _fields_set = d["_all_fields_set"]
        return super().model_construct(_fields_set, **values)


_new = object.__new__
_setattr = object.__setattr__


def direct_construct(cls, values: dict[str, Any]):
    """``cls.model_construct(**values)`` for a plain ``_Constructed`` model (see ``_prepare_plain``) given every
    field in declaration order: the same instance, with the class's one shared set of field names, without the
    keyword packing and checks (``model_post_init`` would keep the shared set: nothing to do). For hot loops that
    build spans, matches and sentences from trusted values."""
    m = _new(cls)
    _setattr(m, "__dict__", values)
    _setattr(m, "__pydantic_fields_set__", cls.__dict__["_all_fields_set"])
    _setattr(m, "__pydantic_extra__", None)
    _setattr(m, "__pydantic_private__", None)
    return m


def _prepare_plain(*classes: type[BaseModel]) -> None:
    """Prepare models for ``direct_construct``, which only they may be given."""
    for cls in classes:
        _prepare(cls)
        if not cls.__dict__["_plain_construct"]:
            raise TypeError(f"{cls.__name__} is not a plain model: build it with model_construct")


def shared_fields_set(names: set[str] | frozenset[str]) -> set[str]:
    """The one set of field names shared by instances given exactly ``names`` (what ``model_post_init`` keeps)."""
    key = frozenset(names)
    shared = _FIELD_SETS.get(key)
    if shared is None:
        shared = _FIELD_SETS[key] = set(key)
    return shared


def direct_as_given(cls, values: dict[str, Any], given: set[str]):
    """An instance of ``cls`` holding ``values`` (every field, in declaration order, each already of its field's
    type), as validating the fields named in ``given`` would make it: same values, same fields set (``given`` must
    come from ``shared_fields_set``). For values built from trusted ints, floats and strings in a hot loop."""
    m = _new(cls)
    _setattr(m, "__dict__", values)
    _setattr(m, "__pydantic_fields_set__", given)
    _setattr(m, "__pydantic_extra__", None)
    _setattr(m, "__pydantic_private__", None)
    return m


def _prepare(cls: type[BaseModel]) -> None:
    type.__setattr__(cls, "_all_fields_set", set(cls.model_fields))
    type.__setattr__(cls, "_field_order", list(cls.model_fields))
    type.__setattr__(cls, "_plain_construct", _plain_construct(cls))


def _plain_construct(cls: type[BaseModel]) -> bool:
    """Whether ``model_construct`` of ``cls`` with every field given only stores the values: no aliases to map, no
    extras kept, no private attributes, not a root model."""
    return (
        all(f.alias is None and f.validation_alias is None for f in cls.model_fields.values())
        and cls.model_config.get("extra") != "allow"
        and not cls.__private_attributes__
        and not cls.__pydantic_root_model__
    )



class Segment(BaseModel):
    """A run of analysed text that maps one-to-one onto a run of the raw file.

    HTML extraction drops tags and decodes entities, so the analysed text is a patchwork of raw runs; a list of
    segments lets every analysed offset be translated back to the raw page.
    """

    model_config = ConfigDict(frozen=True)

    text_start: int
    raw_start: int
    length: int


class Span(_Constructed):
    """A stretch of a file: raw offsets, 1-based line and column of ``start``, and the text it covers."""

    model_config = ConfigDict(frozen=True)

    start: int
    end: int
    line: int
    column: int
    text: str


_prepare(Span)


class Document(BaseModel):
    """One report as read from disk (or stdin), with the text the extractors analyse.

    ``raw`` is the decoded file as read; ``text`` is what the extractors see: identical to ``raw`` for plain text,
    ``raw`` with markup blanked to spaces (same length, same offsets) for Markdown, the visible main text for HTML. ``segments`` maps ``text`` offsets back to ``raw`` offsets; when
    it is ``None`` the two texts are the same and the mapping is the identity. ``body_start`` is where the report's
    own words begin in ``text``: after a dateline ("KYIV, Nov. 25, 2024 —"), whose place and date are metadata
    rather than claims.
    """

    model_config = ConfigDict(arbitrary_types_allowed=True)

    path: str
    format: Literal["text", "markdown", "html"] = "text"
    title: str | None = None
    source: str | None = None
    date: dt.date | None = None
    raw: str
    text: str
    segments: list[Segment] | None = None
    body_start: int = 0

    @cached_property
    def _line_starts(self) -> list[int]:
        starts = [0]
        raw = self.raw
        pos = raw.find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = raw.find("\n", pos + 1)
        return starts

    @cached_property
    def _segment_starts(self) -> list[int]:
        return [s.text_start for s in self.segments or ()]

    def to_raw(self, offset: int) -> int:
        """Translate an offset in ``text`` into an offset in ``raw``."""
        if self.segments is None:
            return offset
        if not self.segments:
            return 0
        i = bisect.bisect_right(self._segment_starts, offset) - 1
        if i < 0:
            return self.segments[0].raw_start
        seg = self.segments[i]
        return seg.raw_start + min(offset - seg.text_start, seg.length)

    def _raw_end(self, end: int) -> int:
        """The raw offset just after the analysed character ``end - 1``; a separator that belongs to no segment
        (HTML block breaks) ends at the end of the segment before it."""
        if self.segments is None:
            return end
        if not self.segments:
            return 0
        last = end - 1
        i = bisect.bisect_right(self._segment_starts, last) - 1
        if i < 0:
            return self.segments[0].raw_start
        seg = self.segments[i]
        inside = last - seg.text_start
        return seg.raw_start + inside + 1 if inside < seg.length else seg.raw_start + seg.length

    def line_column(self, raw_offset: int) -> tuple[int, int]:
        """1-based line and column of a raw offset."""
        i = bisect.bisect_right(self._line_starts, raw_offset) - 1
        return i + 1, raw_offset - self._line_starts[i] + 1

    def metadata_only(self) -> "Document":
        """This report's path, format, title, source and date without its text: what a run that only reports
        conflicts keeps once the text is extracted (a 10 MB report's text is 10-20 MB held to the end otherwise)."""
        return Document.model_construct(path=self.path, format=self.format, title=self.title, source=self.source,
                                        date=self.date, raw="", text="", segments=None, body_start=0)

    def span(self, start: int, end: int) -> Span:
        """A ``Span`` for ``text[start:end]`` with raw offsets, line and column."""
        if self.segments is None:  # plain text and Markdown: analysed offsets are raw offsets
            raw_start = start
            raw_end = end if end > start else start
        else:
            raw_start = self.to_raw(start)
            raw_end = self._raw_end(end) if end > start else raw_start
        starts = self._line_starts
        i = bisect.bisect_right(starts, raw_start) - 1
        line, column = i + 1, raw_start - starts[i] + 1  # ``line_column(raw_start)``
        # Built from trusted ints and a slice: skip validation, which dominates extraction time otherwise.
        return direct_construct(Span, {"start": raw_start, "end": raw_end, "line": line, "column": column,
                              "text": self.text[start:end]})


class Sentence(_Constructed):
    """A sentence of ``Document.text``; offsets are into the analysed text, not the raw file."""

    model_config = ConfigDict(frozen=True)

    start: int
    end: int
    text: str


# --------------------------------------------------------------------------------------------------- values


class Quantity(_Constructed):
    """A number as an interval, so that "about", "upwards of" and ranges compare by arithmetic.

    ``low``/``high`` of ``None`` mean unbounded on that side ("more than 200" has ``high=None``). ``unit`` is the
    canonical unit after conversion ("" for a plain count, "percent", "km", "ha", "kg", "USD", ...); ``dimension``
    groups units that can be compared ("count", "percent", "length", "area", "mass", "money", "magnitude", ...).
    ``nominal`` is the number as written, in the canonical unit.
    """

    model_config = ConfigDict(frozen=True)

    type: Literal["quantity"] = "quantity"
    nominal: float
    low: float | None
    high: float | None
    unit: str = ""
    dimension: str = "count"
    qualifier: str | None = None
    approximate: bool = False
    text: str = ""


class Place(_Constructed):
    """A place from the gazetteer; ``key`` is its gazetteer id (ISO code or a built id), ``name`` its usual name."""

    model_config = ConfigDict(frozen=True)

    type: Literal["place"] = "place"
    key: str
    name: str
    text: str = ""


class TimeRange(_Constructed):
    """A date or period as an inclusive range of days, keeping the uncertainty of "in June" or "last week"."""

    model_config = ConfigDict(frozen=True)

    type: Literal["time"] = "time"
    start: dt.date
    end: dt.date
    text: str = ""


class Event(_Constructed):
    """That something happened (or, with negated polarity, did not): ``predicate`` is the verb's base form."""

    model_config = ConfigDict(frozen=True)

    type: Literal["event"] = "event"
    predicate: str
    text: str = ""


class Name(_Constructed):
    """Who: a person or organisation as the report names it ("Adam Burgess", "Newcastle Crown Court"). Only a
    restated sentence yields one (``checker.compare.restatement``): the same words around two different names."""

    model_config = ConfigDict(frozen=True)

    type: Literal["name"] = "name"
    text: str


Value = Annotated[Quantity | Place | TimeRange | Event | Name, Field(discriminator="type")]


# --------------------------------------------------------------------------------------------------- matches
# What the single-purpose extractors (quantities, dates, places) return: a value and where it stands in the
# analysed text (offsets into ``Document.text``). ``assertions.py`` combines them into ``Assertion``s.


class QuantityMatch(_Constructed):
    model_config = ConfigDict(frozen=True)

    start: int
    end: int
    quantity: Quantity


class DateMatch(_Constructed):
    model_config = ConfigDict(frozen=True)

    start: int
    end: int
    range: TimeRange
    relation: Literal["on", "as_of", "before", "after", "since"] = "on"


class PlaceMatch(_Constructed):
    model_config = ConfigDict(frozen=True)

    start: int
    end: int
    place: Place


class TableRow(_Constructed):
    """A data row of a table: its span and each cell's span (offsets into the analysed text, cell text stripped)."""

    model_config = ConfigDict(frozen=True)

    start: int
    end: int
    cells: list[tuple[int, int]]


class Table(_Constructed):
    """A table of a report ("| Party | Seats |" over "| --- | --- |"): its span, its column headers as written and
    its data rows."""

    model_config = ConfigDict(frozen=True)

    start: int
    end: int
    header: list[str]
    rows: list[TableRow]


# --------------------------------------------------------------------------------------------------- assertions


class Polarity(StrEnum):
    AFFIRMED = "affirmed"
    NEGATED = "negated"


class Modality(StrEnum):
    """How firmly the claim is made: the comparison lowers severity for anything but ``asserted``."""

    ASSERTED = "asserted"
    HEDGED = "hedged"  # estimates, "about", "believed to", "may"
    UNCONFIRMED = "unconfirmed"  # "unconfirmed reports that ...", "allegedly"
    REPORTED = "reported"  # third-hand: "X reported, citing Y"
    CANNOT_CONFIRM = "cannot_confirm"  # a refusal: "I can't confirm those reports"


class Assertion(_Constructed):
    """One claim a report makes, as a claim frame: the measured *thing* of some *entities*, what happened to it
    (*predicate*), its *value*, with how, when, where and by whom it is said.

    The frame fields are typed and separate, so no reader ever splits a string:

    - ``thing``: what is measured or talked about, as a canonical head noun with the modifiers that change what it
      is ("troops", "revenue", "operating profit", "magnitude");
    - ``entities``: who or what the thing belongs to ("north-korea" for North Korean troops, "northwind" for
      Northwind's revenue or revenue at Northwind), as lower-case keys (countries as gazetteer slugs);
    - ``predicate``: the lemma of the verb or event ("sign", "kill", "rise"); None for a linking verb ("was",
      "stood at") or no verb;
    - ``attribute``: what kind of claim it is, one plain word from the vocabulary in docs/architecture.md
      (``count``, ``killed``, ``revenue``, ``increase``, ``location``, ``when``, ``happened``, ...);
    - ``expected``: a figure for what is due or planned ("33 hostages are due to be freed"), not yet a fact.

    ``subject``/``subject_key`` are the surface noun phrase and the key that lines claims up (entities, then
    thing). ``evidence`` is the sentence (raw offsets); ``value_span`` the words that carry the value, for
    highlighting. ``time`` is the time the claim refers to when the sentence says so ("as of Oct. 30");
    ``scope_place`` (a gazetteer key) and ``scope_event`` (an event noun such as "earthquake") narrow what the claim
    is about, so that "people killed" in two unrelated disasters are not lined up. ``rule`` names the extraction
    rule that made the assertion (``checker extract --explain``).
    """

    model_config = ConfigDict(frozen=True)

    path: str
    subject: str
    subject_key: str
    attribute: str
    value: Value
    thing: str = ""
    entities: tuple[str, ...] = ()
    predicate: str | None = None
    expected: bool = False
    rule: str = ""
    polarity: Polarity = Polarity.AFFIRMED
    modality: Modality = Modality.ASSERTED
    source: str | None = None
    time: TimeRange | None = None
    scope_place: str | None = None
    scope_event: str | None = None
    evidence: Span
    value_span: Span

    @property
    def aspect(self) -> tuple[str, str | None, str | None, bool]:
        """What two claims must share to be about the same aspect of a subject: the attribute, the event for dates
        and happenings ("when" a treaty was *signed*), the measured thing for a change ("rose" of *revenue*), and
        whether the figure is still expected."""
        verb = self.predicate if self.attribute in _PREDICATE_ATTRIBUTES else None
        metric = self.thing if self.attribute in _CHANGE_ATTRIBUTES and self.thing else None
        return self.attribute, verb, metric, self.expected

    @property
    def aspect_label(self) -> str:
        """The aspect in words for people and fingerprints ("when sign", "increase of revenue", "killed, expected");
        never parsed back."""
        attribute, verb, metric, expected = self.aspect
        label = f"{attribute}:{verb}" if verb else attribute
        if metric:
            label = f"{label}:{metric}"
        return f"{label}:expected" if expected else label


_PREDICATE_ATTRIBUTES = frozenset({"when", "happened"})
_CHANGE_ATTRIBUTES = frozenset({"increase", "decrease", "lost", "gained"})


class Slot(NamedTuple):
    """A value as it stands in a sentence (a figure, a date, a place), whatever claim it belongs to: ``at`` and
    ``until`` are offsets into the statement's ``evidence.text`` (the sentence as analysed), ``start`` and ``end``
    raw offsets into the file, ``text`` the words. A named tuple, not a model: a report holds one per value, and
    they never leave the process."""

    value: Quantity | Place | TimeRange | Name
    at: int
    until: int
    start: int
    end: int
    text: str


class Statement(_Constructed):
    """A sentence with the values it holds, for lining up two reports that say the same thing in nearly the same
    words (``checker.compare.restatement``): wire copy reused with one figure, date, place or "not" changed.

    ``polarity``, ``modality`` and ``source`` are the sentence's stance (at its main verb).
    """

    model_config = ConfigDict(frozen=True)

    evidence: Span
    slots: tuple[Slot, ...] = ()
    modality: Modality = Modality.ASSERTED
    source: str | None = None


class DocumentAssertions(BaseModel):
    """The result of extracting one document: what ``checker extract`` prints and the comparison reads.

    ``countries`` are the gazetteer keys of the countries the report is about (its title, dateline and lead, and
    every place it locates something in): the comparison only lines up claims of reports that share one.
    ``names`` are the rare capitalised words it uses (people, companies, units: "Haddad", "Aomori"), a cheap
    fingerprint of its story.
    """

    path: str
    title: str | None = None
    source: str | None = None
    date: dt.date | None = None
    countries: list[str] = Field(default_factory=list)
    names: list[str] = Field(default_factory=list)
    statements: list[Statement] = Field(default_factory=list)
    assertions: list[Assertion]


# --------------------------------------------------------------------------------------------------- conflicts


class ConflictKind(StrEnum):
    NUMERIC = "numeric"
    LOCATION = "location"
    DATE = "date"
    POLARITY = "polarity"
    UNVERIFIED = "unverified"
    CHANGE = "change"
    NAME = "name"


class Severity(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"

    @property
    def rank(self) -> int:
        return ("low", "medium", "high").index(self.value)


class Evidence(BaseModel):
    """One side of a conflict: where it is (raw offsets of the sentence), what it says and who says it."""

    model_config = ConfigDict(frozen=True)

    path: str
    start: int
    end: int
    line: int
    column: int
    text: str
    value: str
    value_start: int
    value_end: int
    source: str | None = None
    polarity: Polarity = Polarity.AFFIRMED
    modality: Modality = Modality.ASSERTED


class Alignment(BaseModel):
    """Why two claims were compared: a score in [0, 1] over their frame fields and the fields that matched
    (``thing``, ``entities``, ``predicate``, ``context``). ``different_entities``: both name whose thing it is, and
    not the same one; ``different_scope``: their sentences name two parts of one whole ("the men's final" / "the
    women's final")."""

    model_config = ConfigDict(frozen=True)

    score: float
    matched: list[str] = Field(default_factory=list)
    different_entities: bool = False
    different_scope: bool = False


class Conflict(BaseModel):
    """Two assertions about the same subject and attribute that cannot both be true (or, for ``change``, moved).

    ``id`` is a fingerprint of subject key, attribute, kind, normalised values and paths: it survives unrelated
    edits to either document, so review decisions keyed by it stay valid.
    """

    model_config = ConfigDict(frozen=True)

    id: str
    kind: ConflictKind
    severity: Severity
    subject: str
    attribute: str
    message: str
    evidence: tuple[Evidence, Evidence]
    alignment: Alignment | None = None


class DocumentInfo(BaseModel):
    """What reports and the review UI show about a document without carrying its text."""

    model_config = ConfigDict(frozen=True)

    path: str
    title: str | None = None
    source: str | None = None
    date: dt.date | None = None


class CheckResult(BaseModel):
    """Everything a report writer or the review UI needs: the documents, the conflicts and their decisions."""

    version: int = 1
    documents: list[DocumentInfo]
    conflicts: list[Conflict]
    decisions: dict[str, "Decision"] = Field(default_factory=dict)


class Analysis(BaseModel):
    """What one run of the core over a set of reports yields: the CLI and the review UI both start from this."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    documents: list[Document]
    assertions: list[Assertion] = Field(default_factory=list)
    conflicts: list[Conflict]
    warnings: list[str] = Field(default_factory=list)

    def info(self) -> list[DocumentInfo]:
        return [DocumentInfo(path=d.path, title=d.title, source=d.source, date=d.date) for d in self.documents]


# --------------------------------------------------------------------------------------------------- decisions


class DecisionStatus(StrEnum):
    PENDING = "pending"
    CONFIRMED = "confirmed"
    DISMISSED = "dismissed"


class Decision(BaseModel):
    """An analyst's verdict on one conflict id, as stored in the decisions file."""

    model_config = ConfigDict(frozen=True)

    id: str
    status: DecisionStatus
    note: str | None = None
    decided_at: dt.datetime | None = None
    by: str | None = None


CheckResult.model_rebuild()


# --------------------------------------------------------------------------------------------------- evaluation


class ExpectedConflict(BaseModel):
    """A conflict a labelled case expects: its kind, and optionally words of its subject key and its attribute."""

    kind: ConflictKind
    subject: list[str] = Field(default_factory=list)
    attribute: str | None = None
    paths: list[str] = Field(default_factory=list)


class EvalCase(BaseModel):
    """One labelled case of ``checker eval``: a few documents and the conflicts among them (none = negative)."""

    path: str
    description: str = ""
    domain: str = ""
    tags: list[str] = Field(default_factory=list)
    documents: dict[str, str]
    expected: list[ExpectedConflict] = Field(default_factory=list)
    allowed: list[ExpectedConflict] = Field(default_factory=list)


class CaseResult(BaseModel):
    case: EvalCase
    found: list[Conflict]
    matched: list[tuple[ExpectedConflict, Conflict]]
    missed: list[ExpectedConflict]
    unexpected: list[Conflict]


class EvalReport(BaseModel):
    cases: list[CaseResult]

    @property
    def true_positives(self) -> int:
        return sum(len(c.matched) for c in self.cases)

    @property
    def precision(self) -> float:
        found = self.true_positives + sum(len(c.unexpected) for c in self.cases)
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positives + sum(len(c.missed) for c in self.cases)
        return self.true_positives / expected if expected else 1.0


# ---- revision diff
# What ``checker diff`` reports between two versions of one report: the facts that changed (pairs of assertions
# by subject key and attribute) and the text that changed (sentence hunks with word-level marks). Offsets are raw
# offsets into each version, like everywhere else.

DiffAspect = Literal["value", "polarity", "modality", "source", "time"]


class WordChange(BaseModel):
    """A run of words inside a changed sentence or moved block: kept, deleted from the old or inserted in the new."""

    model_config = ConfigDict(frozen=True)

    op: Literal["equal", "delete", "insert"]
    text: str


class TextHunk(BaseModel):
    """Sentences added, removed, changed (with word marks) or moved (with word marks when edited on the way)."""

    model_config = ConfigDict(frozen=True)

    kind: Literal["added", "removed", "changed", "moved"]
    old: Span | None = None
    new: Span | None = None
    words: list[WordChange] = Field(default_factory=list)


class FactSide(BaseModel):
    """One version of a fact: where its value stands (raw offsets), the words, the normalised value and the stance."""

    model_config = ConfigDict(frozen=True)

    start: int
    end: int
    line: int
    column: int
    text: str
    value: str
    sentence: str
    polarity: Polarity = Polarity.AFFIRMED
    modality: Modality = Modality.ASSERTED
    source: str | None = None
    time: str | None = None


class FactChange(BaseModel):
    """A fact that changed, appeared or disappeared between two versions; ``aspects`` says what changed."""

    model_config = ConfigDict(frozen=True)

    kind: Literal["changed", "added", "removed"]
    subject: str
    subject_key: str
    attribute: str
    aspects: list[DiffAspect] = Field(default_factory=list)
    old: FactSide | None = None
    new: FactSide | None = None
    message: str


class RevisionDiff(BaseModel):
    """Everything ``checker diff`` says about one pair of versions."""

    old: DocumentInfo
    new: DocumentInfo
    changes: list[FactChange]
    text: list[TextHunk]


class FactTimeline(BaseModel):
    """One fact followed through a report's versions: ``states[i]`` is its form in ``versions[i]`` (None: absent)."""

    subject: str
    subject_key: str
    attribute: str
    versions: list[str]
    states: list[FactSide | None]


# --------------------------------------------------------------------------------------------------- verify
# What ``checker verify`` says of a draft checked against its sources: one verdict per claim frame of the draft.
# Offsets are raw offsets, like everywhere else; the contract of the JSON form is docs/verify.md.


class ClaimStatus(StrEnum):
    SUPPORTED = "supported"  # an aligned source claim says the same (within rounding and hedges)
    CONTRADICTED = "contradicted"  # an aligned source claim cannot be true with it
    UNSUPPORTED = "unsupported"  # no source claim says it
    UNCHECKED = "unchecked"  # nothing checkable: a question, a refusal to confirm


class ClaimVerdict(BaseModel):
    """One claim of a draft and what the sources say of it.

    ``evidence`` is the draft's sentence and value span; ``sources`` the source passages behind the verdict, best
    first (the supporting or conflicting one; for an unsupported claim, the nearest aligned ones if any). ``kind``
    is the conflict kind of a contradicted claim; ``score`` the alignment score of the first source passage;
    ``rule`` names the verify rule that decided the status. ``id`` is a fingerprint of the draft's path and the
    claim (subject key, aspect, normalised value), never of offsets, so a reviewer's decision on it survives edits.
    """

    model_config = ConfigDict(frozen=True)

    id: str = ""
    status: ClaimStatus
    subject: str
    attribute: str
    evidence: Evidence
    sources: list[Evidence] = Field(default_factory=list)
    kind: ConflictKind | None = None
    score: float | None = None
    rule: str = ""
    message: str = ""


class VerifyReport(BaseModel):
    """Everything a verify writer needs: the drafts, the sources, one verdict per draft claim, and the reviewers'
    decisions on claims by id (an unsupported claim accepted with a note: "sourced by phone call")."""

    version: int = 1
    drafts: list[DocumentInfo]
    sources: list[DocumentInfo]
    claims: list[ClaimVerdict]
    decisions: dict[str, Decision] = Field(default_factory=dict)

    def count(self, status: ClaimStatus) -> int:
        return sum(1 for c in self.claims if c.status is status)

    def decision(self, claim: ClaimVerdict) -> Decision | None:
        """The reviewer's decision on a claim: any decision on file accepts it (it no longer fails the run)."""
        return self.decisions.get(claim.id) if claim.id else None


_prepare_plain(Sentence, QuantityMatch, DateMatch, PlaceMatch, TableRow, Table)
