"""Blocking: which assertions are about the same thing, without comparing every pair of sentences.

Assertions are grouped by (attribute family, subject key); near-identical keys (spelling variants, a stray plural)
are merged with rapidfuzz inside a block of keys sharing their head noun, so the cost grows with the number of
distinct keys per head, not with the corpus squared.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Callable, Iterable, Sequence

from rapidfuzz import fuzz

from checker.extract.lexicon import english_word
from checker.models import Assertion

_FUZZY_THRESHOLD = 92.0
_REFUSAL_FAMILIES = {"killed": "casualties", "injured": "casualties", "casualties": "casualties", "missing": "casualties"}


def family(attribute: str) -> str:
    """Attributes that a refusal to confirm can cover together ("casualties" covers killed and injured)."""
    return _REFUSAL_FAMILIES.get(attribute, attribute)


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


def blocks(assertions: Sequence[Assertion]) -> dict[tuple[str, tuple], list[Assertion]]:
    """Assertions grouped by (canonical subject key, aspect): the attribute, and for dates and happenings the event.

    Whether something happened is compared between the same subjects only: "ratification completed" and "North
    Korea's own ratification not complete" are two countries' ratifications. A bare name ("dronavir") may still join
    the one longer key that holds it ("drug dronavir"); a bare common noun may not."""
    mapping = canonical_keys(a.subject_key for a in assertions)
    exact = canonical_keys((a.subject_key for a in assertions), may_widen=_a_name)
    out: dict[tuple[str, tuple], list[Assertion]] = defaultdict(list)
    for a in assertions:
        keys = exact if a.attribute == "happened" else mapping
        out[(keys[a.subject_key], a.aspect)].append(a)
    return out
