"""What an extraction rule is: a named object that reads one sentence's context and returns assertions, with the
examples that say what it must and must not produce (as duckling and Recognizers-Text keep theirs).

``checker extract --explain`` names the rule behind each assertion and prints its description; each rule's
examples run as parametrised tests (tests/checker/extract/test_rules.py), one test id per example.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Sequence

if TYPE_CHECKING:
    from checker.extract.context import SentenceContext
    from checker.models import Assertion


@dataclass(frozen=True)
class Example:
    """A sentence and the assertion the rule makes of the value written ``value`` (or, with ``made=False``, that it
    makes none of it). Fields left as None are not checked; ``entities`` lists the entity keys expected."""

    text: str
    value: str
    attribute: str | None = None
    thing: str | None = None
    entities: tuple[str, ...] | None = None
    predicate: str | None = None
    polarity: str | None = None
    made: bool = True


@dataclass(frozen=True)
class Rule:
    """One extraction rule. ``fields`` says, field by field, where the rule takes each part of the frame from."""

    name: str
    description: str
    fields: dict[str, str]
    apply: Callable[["SentenceContext", Sequence["Assertion"]], list["Assertion"]]
    examples: tuple[Example, ...] = field(default=())
