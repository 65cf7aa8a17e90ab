"""Blocking: which assertions are about the same thing, without comparing every pair of sentences.

Assertions are grouped by (attribute family, subject key); near-identical keys (spelling variants, a stray plural)
are merged with rapidfuzz inside a block of keys sharing their head noun, so the cost grows with the number of
distinct keys per head, not with the corpus squared.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Callable, Iterable, Sequence

from rapidfuzz import fuzz

from checker.compare.similarity import concept
from checker.extract.lexicon import english_word
from checker.models import Assertion

_FUZZY_THRESHOLD = 92.0
_REFUSAL_FAMILIES = {"killed": "casualties", "injured": "casualties", "casualties": "casualties", "missing": "casualties"}


def family(attribute: str) -> str:
    """Attributes that a refusal to confirm can cover together ("casualties" covers killed and injured)."""
    return _REFUSAL_FAMILIES.get(attribute, attribute)


def members(name: str) -> tuple[str, ...]:
    """The attributes of one family (``family`` maps each of them to ``name``), ``name`` first."""
    return (name, *sorted(a for a, f in _REFUSAL_FAMILIES.items() if f == name and a != name))


def canonical_keys(
    keys: Iterable[str], *, subsets: bool = True, may_widen: Callable[[str], bool] | None = None
) -> dict[str, str]:
    """Map each subject key to a representative.

    Two merges, both within keys that share a head word: near-identical spellings (rapidfuzz ratio), and a key
    whose words are a subset of exactly one longer key ("agreement" and "defence agreement", "cholera cases" and
    "yemen cholera cases"). When the shorter key fits several longer ones ("agreement" with "trade agreement" and
    "defence agreement") it is ambiguous and stays apart, so merging never chains unrelated subjects together.
    """
    by_head: dict[str, list[str]] = defaultdict(list)
    for key in sorted(set(keys)):
        by_head[key.split()[-1]].append(key)
    mapping: dict[str, str] = {}
    for group in by_head.values():
        reps: list[str] = []
        for key in group:
            for rep in reps:
                if key.split()[0] == rep.split()[0] and fuzz.ratio(key, rep) >= _FUZZY_THRESHOLD:
                    mapping[key] = rep
                    break
            else:
                reps.append(key)
                mapping[key] = key
        if not subsets:
            continue
        words = {rep: set(rep.split()) for rep in reps}
        for rep in reps:
            if may_widen is not None and not may_widen(rep):
                continue
            wider = [other for other in reps if other != rep and words[rep] < words[other]]
            if len(wider) == 1:
                for key, target in mapping.items():
                    if target == rep:
                        mapping[key] = wider[0]
    return mapping


def _a_name(key: str) -> bool:
    return " " not in key and not english_word(key)


def blocks(assertions: Sequence[Assertion]) -> dict[tuple, list[Assertion]]:
    """Assertions grouped by what they can be about: the aspect (attribute; the event of a date, as a concept; the
    thing a change is of; still expected or not) and the measured thing's head as a concept ("soldiers" and
    "troops" meet, "sales" and "revenue" meet). Whether something happened, and when, is grouped by thing alone,
    so that opposite verbs ("upheld" / "overturned") meet, and a date whose verb no rule read meets the verbed one. Which pairs inside a block are really about the same thing is
    for the alignment score (``similarity.score``) to say."""
    out: dict[tuple, list[Assertion]] = defaultdict(list)
    for a in assertions:
        out[block_key(a)].append(a)
    return out


def block_key(a: Assertion) -> tuple:
    """The block an assertion falls in (see :func:`blocks`): only claims with equal keys are ever compared."""
    attribute, verb, metric, expected = a.aspect
    if attribute in ("happened", "when"):
        # Opposite verbs meet ("upheld" / "overturned"), and a date with no verb meets the verbed one ("the landslide
        # on July 4" / "the landslide struck on July 2"); two different verbs are told apart by the alignment.
        verb = None
    words = (a.thing or a.subject_key).split()
    head = concept(words[-1]) if words else ""
    return (attribute, concept(verb) if verb else None, concept(metric) if metric else None, expected, head)
