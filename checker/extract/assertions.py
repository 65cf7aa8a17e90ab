"""One sentence -> the assertions it makes.

The single-purpose finders (quantities, dates, places) say *what values* a sentence holds; this module decides
*what each value is about*: the noun phrase a number counts, the trigger word that says what happened to it
("killed", "revenue", "lost"), where something is said to be, when an event is said to have happened, and whether
it happened at all. Every rule is local to a clause or a short window so that a sentence about two things does not
bleed one into the other; a subject it cannot find is left out rather than guessed.
"""

from __future__ import annotations

from checker.extract.context import DocumentState, SentenceContext, scope_event, subjects_in
from checker.extract.event_rules import date_assertions, event_assertions, refusal_assertions
from checker.extract.place_rules import location_assertions
from checker.extract.quantity_rules import quantity_assertions, remember_organisation
from checker.models import Assertion

__all__ = ["DocumentState", "SentenceContext", "sentence_assertions"]


def sentence_assertions(ctx: SentenceContext) -> list[Assertion]:
    """Every assertion of one sentence, in reading order of kinds: numbers, places, dates, events, refusals."""
    if not ctx.tokens:
        return []
    event_noun = scope_event(ctx)
    remember_organisation(ctx)
    made: list[Assertion] = []
    made += quantity_assertions(ctx, event_noun)
    made += location_assertions(ctx)
    made += date_assertions(ctx)
    made += event_assertions(ctx)
    made += refusal_assertions(ctx, made)
    subjects = subjects_in(ctx, 0, len(ctx.tokens))
    if subjects:
        ctx.state.last_subject = subjects[-1][1]
    return made
