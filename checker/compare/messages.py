"""Plain-words explanations: "pentagon.txt says around 11,000 North Korean troops (Pentagon); seoul.txt says ..."."""

from __future__ import annotations

import os

from checker.models import Assertion, ConflictKind, Event, Modality, Name, Place, Polarity, Quantity, TimeRange

_MODALITY_WORDS = {
    Modality.HEDGED: "estimates",
    Modality.UNCONFIRMED: "cites unconfirmed reports of",
    Modality.REPORTED: "reports",
    Modality.CANNOT_CONFIRM: "cannot confirm",
}



def negated(words: str) -> str:
    """``words`` as a denial: "not in Kursk", but "were not destroyed" stays as it is (it already says so)."""
    from checker.extract.lexicon import lexicon

    lex = lexicon()
    present = set(words.lower().replace("n't", " n't").split())
    if not lex.negation_particles.isdisjoint(present):
        return words
    first, _, rest = words.partition(" ")
    if rest and first.lower() in lex.auxiliaries:
        return f"{first} not {rest}"  # "were deployed" -> "were not deployed"
    return f"not {words}"


def _past(verb: str) -> str:
    """"sign" -> "signed", "strike" -> "struck": only for messages, so the lexicon's irregular list suffices."""
    from checker.extract.lexicon import lexicon

    for past, base in lexicon().irregular_verbs.items():
        if base == verb:
            return past
    if verb.endswith("e"):
        return verb + "d"
    if verb.endswith("y") and len(verb) > 2 and verb[-2] not in "aeiou":
        return verb[:-1] + "ied"
    return verb + "ed"


def describe_value(a: Assertion) -> str:
    """The claim in a few words, as the report put it."""
    v = a.value
    negated = a.polarity == Polarity.NEGATED
    if isinstance(v, Quantity):
        # The frame in words: value, the thing as the report named it, and what is said of it when the subject does
        # not already say so ("61.2 percent turnout", not "61.2 percent Turnout turnout").
        what = a.attribute
        said = {w.lower().strip(".,'’") for w in a.subject.split()} | set((a.thing or "").split())
        quiet = what in ("count", "amount", "share") or what in said or what.rstrip("s") in said
        tail = "" if quiet else f" {what.replace('_', ' ')}"
        return f"{'not ' if negated else ''}{a.value_span.text.strip()} {a.subject}{tail}".strip()
    if isinstance(v, Place):
        return f"{a.subject} {'not ' if negated else ''}in {v.name}"
    if isinstance(v, TimeRange):
        verb = f" {_past(a.predicate)}" if a.predicate else ""
        return f"{a.subject}{' not' if negated else ''}{verb} {a.value_span.text.strip()}".strip()
    if isinstance(v, Event):
        if a.modality == Modality.CANNOT_CONFIRM:
            return f"{v.predicate} ({a.subject})"
        return f"{a.subject} {'not ' if negated else ''}{v.text or v.predicate}"
    if isinstance(v, Name):
        at = a.value_span.start - a.evidence.start
        before = bool(a.subject) and a.subject.lower() in a.evidence.text[: max(at, 0)].lower()
        return (f"{a.subject} {v.text}" if before else f"{v.text} {a.subject}").strip()  # "at Newcastle Crown Court"
    return str(v)  # pragma: no cover


def side(a: Assertion) -> str:
    verb = _MODALITY_WORDS.get(a.modality, "says")
    who = f" ({a.source})" if a.source else ""
    return f"{os.path.basename(a.path)} {verb} {describe_value(a)}{who}"


def explain(kind: ConflictKind, left: Assertion, right: Assertion) -> str:
    text = f"{side(left)}; {side(right)}"
    if kind == ConflictKind.CHANGE:
        return f"changed over time: {text}"
    if left.path == right.path:
        same_voice = (left.source or "").strip().lower() == (right.source or "").strip().lower()
        if same_voice:
            return f"the report contradicts itself: {text}"
        return f"within one report, two sources disagree: {text}"
    return text
