"""Aligning two versions of a report: lines first, sentences only where lines differ, moves across the whole text.

Why in three steps: splitting a megabyte into sentences costs about as much as ``difflib.ndiff`` on its lines, so
the whole text is aligned on its non-blank lines (each hashed to an int, so ``SequenceMatcher`` compares ints and
blank lines -- the most common "line" of all -- never take part). Each run of differing lines is widened to
sentence boundaries over the equal lines around it and only then split into sentences and aligned again, sentence
ids against sentence ids. Inside a replaced run, old and new sentences are paired by word overlap along the
diagonal (a cheap monotone pairing, not ndiff's quadratic ``fancy_replace``), so a thousand edited paragraphs in a
row cost a thousand small pairings.

Moves: a block of sentences deleted in one place whose sentences reappear inserted elsewhere (all of them, or most
of them with a few edited) is a move, not a delete and an add; a run that reappears edited beyond sentence identity
is still a move when its words mostly agree.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Literal

from checker.extract.sentences import split_sentences

# Same boundaries as checker.extract.sentences: terminal punctuation at a line end, a blank line, a list item or
# heading on its own line.
_ENDS_SENTENCE = re.compile(r"""[.!?…]["'”’)\]]*$""")
_ENDS_SOFT = re.compile(r"""[!?…]["'”’)\]]*$""")
_STARTS_BLOCK = re.compile(r"(?:[-*•]|\d+[.)]\s|#)")
_WORD = re.compile(r"\w+")

# Word-overlap (Dice) needed to call two sentences at the same place one changed sentence rather than a removal
# and an addition, and to call a run that reappears elsewhere a move although no sentence of it is identical.
PAIR_SIMILARITY = 0.34
FUZZY_MOVE_SIMILARITY = 0.8
# Pairings above this many candidate pairs go along the diagonal instead of through the full table.
_DP_LIMIT = 400
_BAND = 4
_FUZZY_LIMIT = 20_000
_MAX_MOVE_ROUNDS = 8
# A single sentence found verbatim elsewhere is not a move when a sentence this similar stands in its place.
IN_PLACE_SIMILARITY = 0.5


@dataclass(eq=False, slots=True)
class Sent:
    """A sentence in a changed stretch of one version (offsets into ``Document.text``)."""

    start: int
    end: int
    key: int
    text: str
    block: int
    partner: Sent | None = None
    move: int = -1
    _words: frozenset[str] | None = None

    @property
    def words(self) -> frozenset[str]:
        if self._words is None:
            self._words = frozenset(w.lower() for w in _WORD.findall(self.text))
        return self._words


@dataclass(eq=False, slots=True)
class Block:
    """Where the versions differ: old sentences replaced by new ones (either side may be empty)."""

    old: list[Sent]
    new: list[Sent]
    pairs: list[tuple[int, int]] = field(default_factory=list)


@dataclass(eq=False, slots=True)
class Move:
    old: list[Sent]
    new: list[Sent]

    @property
    def identical(self) -> bool:
        return len(self.old) == len(self.new) and all(s.partner is t and s.key == t.key for s, t in zip(self.old, self.new))


ItemKind = Literal["added", "removed", "changed", "moved"]


@dataclass(slots=True)
class Item:
    kind: ItemKind
    old: list[Sent]
    new: list[Sent]
    move: Move | None = None


@dataclass(slots=True)
class Alignment:
    blocks: list[Block]
    moves: list[Move]

    def old_sentences(self) -> Iterator[Sent]:
        for b in self.blocks:
            yield from b.old

    def new_sentences(self) -> Iterator[Sent]:
        for b in self.blocks:
            yield from b.new

    def items(self) -> list[Item]:
        """Changes in the order of the new version; consecutive additions (removals) in one block form one item."""
        out: list[Item] = []
        for block in self.blocks:
            i = j = 0
            for pi, pj in [*block.pairs, (len(block.old), len(block.new))]:
                while i < pi:
                    s = block.old[i]
                    if s.move < 0:
                        _push(out, "removed", s, None)
                    i += 1
                while j < pj:
                    t = block.new[j]
                    if t.move < 0:
                        _push(out, "added", None, t)
                    else:
                        move = self.moves[t.move]
                        if move.new[0] is t:
                            out.append(Item("moved", move.old, move.new, move))
                    j += 1
                if pi < len(block.old):
                    out.append(Item("changed", [block.old[pi]], [block.new[pj]]))
                    i, j = i + 1, j + 1
        return out


def _push(out: list[Item], kind: ItemKind, old: Sent | None, new: Sent | None) -> None:
    last = out[-1] if out else None
    if last is not None and last.kind == kind and (
        (old is not None and last.old[-1].block == old.block) or (new is not None and last.new[-1].block == new.block)
    ):
        (last.old if old is not None else last.new).append(old or new)  # type: ignore[arg-type]
        return
    out.append(Item(kind, [old] if old is not None else [], [new] if new is not None else []))


# --------------------------------------------------------------------------------------------------- lines


@dataclass(slots=True)
class _Lines:
    """The non-blank lines of a text: stripped text, offsets, and whether a blank line (or the start) precedes."""

    keys: list[str]
    starts: list[int]
    ends: list[int]
    para: list[bool]
    length: int

    @classmethod
    def of(cls, text: str) -> _Lines:
        keys: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        para: list[bool] = []
        blank = True
        pos = 0
        for line in text.split("\n"):
            stripped = line.strip()
            if stripped:
                lead = len(line) - len(line.lstrip())
                keys.append(stripped)
                starts.append(pos + lead)
                ends.append(pos + lead + len(stripped))
                para.append(blank)
                blank = False
            else:
                blank = True
            pos += len(line) + 1
        return cls(keys, starts, ends, para, len(text))

    def boundary(self, k: int) -> bool:
        """Whether a sentence can start at line ``k`` (``k == len`` is the end of the text)."""
        if k <= 0 or k >= len(self.keys) or self.para[k] or _STARTS_BLOCK.match(self.keys[k]):
            return True
        prev = self.keys[k - 1]
        if not _ENDS_SENTENCE.search(prev):
            return False
        return not (_ENDS_SOFT.search(prev) and self.keys[k][0].islower())

    def offset(self, k: int) -> int:
        """Text offset where line ``k`` starts (the end of the text for ``k == len``)."""
        return self.starts[k] if k < len(self.starts) else self.length

    def end_offset(self, k: int) -> int:
        """Text offset where line ``k - 1`` ends (0 for ``k == 0``)."""
        return self.ends[k - 1] if k > 0 else 0


def _regions(a: _Lines, b: _Lines, intern: dict[str, int]) -> list[list[int]]:
    """Runs of differing lines ``[i1, i2, j1, j2]``, widened over the equal lines around them to sentence
    boundaries (in lockstep, so both sides stay aligned) and merged where the widening meets the next run."""
    ia = [intern.setdefault(k, len(intern)) for k in a.keys]
    ib = [intern.setdefault(k, len(intern)) for k in b.keys]
    ops = SequenceMatcher(None, ia, ib, autojunk=False).get_opcodes()
    regions: list[list[int]] = []
    for n, (tag, i1, i2, j1, j2) in enumerate(ops):
        if tag == "equal":
            continue
        floor = regions[-1][1] if regions else 0
        while i1 > floor and not (a.boundary(i1) and b.boundary(j1)):
            i1, j1 = i1 - 1, j1 - 1
        if regions and i1 == floor:
            r = regions[-1]
            r[1], r[3] = i2, j2
        else:
            r = [i1, i2, j1, j2]
            regions.append(r)
        limit = ops[n + 1][2] if n + 1 < len(ops) else i2  # the end of the equal lines that follow
        while r[1] < limit and not (a.boundary(r[1]) and b.boundary(r[3])):
            r[1], r[3] = r[1] + 1, r[3] + 1
    return regions


# --------------------------------------------------------------------------------------------------- sentences


def _normal(text: str) -> str:
    return " ".join(text.split())


def align(old_text: str, new_text: str) -> Alignment:
    """Blocks of differing sentences, moves among them, and changed-sentence pairs."""
    a, b = _Lines.of(old_text), _Lines.of(new_text)
    intern: dict[str, int] = {}
    blocks: list[Block] = []
    for i1, i2, j1, j2 in _regions(a, b, intern):
        olds = split_sentences(old_text, a.offset(i1), a.end_offset(i2)) if i2 > i1 else []
        news = split_sentences(new_text, b.offset(j1), b.end_offset(j2)) if j2 > j1 else []
        ka = [intern.setdefault(_normal(s.text), len(intern)) for s in olds]
        kb = [intern.setdefault(_normal(s.text), len(intern)) for s in news]
        for tag, s1, s2, t1, t2 in SequenceMatcher(None, ka, kb, autojunk=False).get_opcodes():
            if tag == "equal":
                continue
            n = len(blocks)
            blocks.append(
                Block(
                    [Sent(s.start, s.end, k, s.text, n) for s, k in zip(olds[s1:s2], ka[s1:s2])],
                    [Sent(s.start, s.end, k, s.text, n) for s, k in zip(news[t1:t2], kb[t1:t2])],
                )
            )
    moves: list[Move] = []
    _exact_moves(blocks, moves)
    for block in blocks:
        free_old = [i for i, s in enumerate(block.old) if s.move < 0]
        free_new = [j for j, t in enumerate(block.new) if t.move < 0]
        for x, y in pair_sentences([block.old[i] for i in free_old], [block.new[j] for j in free_new]):
            block.pairs.append((free_old[x], free_new[y]))
    _fuzzy_moves(blocks, moves)
    for move in moves:
        free_old = [s for s in move.old if s.partner is None]
        free_new = [t for t in move.new if t.partner is None]
        pair_sentences(free_old, free_new)
    return Alignment(blocks, moves)


def _similarity(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 1.0 if a == b else 0.0
    return 2 * len(a & b) / (len(a) + len(b))


def pair_sentences(olds: list[Sent], news: list[Sent], threshold: float = PAIR_SIMILARITY) -> list[tuple[int, int]]:
    """Monotone pairs (old index, new index) of similar sentences; sets ``partner`` on both."""
    m, n = len(olds), len(news)
    if not m or not n:
        return []
    pairs: list[tuple[int, int]] = []
    if m * n <= _DP_LIMIT:
        # Best total similarity over monotone pairings (a small Needleman-Wunsch without gap costs).
        score = [[0.0] * (n + 1) for _ in range(m + 1)]
        for i in range(1, m + 1):
            row, up = score[i], score[i - 1]
            for j in range(1, n + 1):
                best = max(up[j], row[j - 1])
                sim = _similarity(olds[i - 1].words, news[j - 1].words)
                if sim >= threshold and up[j - 1] + sim > best:
                    best = up[j - 1] + sim
                row[j] = best
        i, j = m, n
        while i and j:
            if score[i][j] == score[i - 1][j]:
                i -= 1
            elif score[i][j] == score[i][j - 1]:
                j -= 1
            else:
                pairs.append((i - 1, j - 1))
                i, j = i - 1, j - 1
        pairs.reverse()
    else:
        last = -1
        for i, s in enumerate(olds):
            centre = i * n // m
            best, best_j = threshold, -1
            for j in range(max(last + 1, centre - _BAND), min(n, centre + _BAND + 1)):
                sim = _similarity(s.words, news[j].words)
                if sim >= best:
                    best, best_j = sim, j
            if best_j >= 0:
                pairs.append((i, best_j))
                last = best_j
    for i, j in pairs:
        olds[i].partner, news[j].partner = news[j], olds[i]
    return pairs


# --------------------------------------------------------------------------------------------------- moves


def _exact_moves(blocks: list[Block], moves: list[Move]) -> None:
    """Deleted sentences that reappear verbatim in another block: the stretch they span there is a move.

    Candidates (old block, new block) are taken biggest first, so a moved paragraph keeps all its sentences even
    when one of them also occurs, edited away, somewhere else.
    """
    where: dict[int, list[Sent]] = {}
    for block in blocks:
        for t in block.new:
            where.setdefault(t.key, []).append(t)
    if not where:
        return
    for _ in range(_MAX_MOVE_ROUNDS):
        candidates: list[tuple[int, int, int]] = []
        for bi, block in enumerate(blocks):
            votes: Counter[int] = Counter()
            for s in block.old:
                if s.move < 0:
                    for t in where.get(s.key, ()):
                        if t.move < 0 and t.block != bi:
                            votes[t.block] += 1
            candidates.extend((-n, bi, target) for target, n in votes.items())
        candidates.sort()
        progress = False
        for _, bi, target in candidates:
            progress |= _move_between(blocks[bi], blocks[target], moves)
        if not progress:
            break


def _move_between(source: Block, target: Block, moves: list[Move]) -> bool:
    olds = [s for s in source.old if s.move < 0]
    news = [t for t in target.new if t.move < 0]
    sm = SequenceMatcher(None, [s.key for s in olds], [t.key for t in news], autojunk=False)
    matched = [m for m in sm.get_matching_blocks() if m.size]
    if not matched:
        return False
    oa, ob = matched[0].a, matched[-1].a + matched[-1].size
    na, nb = matched[0].b, matched[-1].b + matched[-1].size
    if sum(m.size for m in matched) * 2 < max(ob - oa, nb - na):
        top = max(matched, key=lambda m: m.size)
        matched = [top]
        oa, ob, na, nb = top.a, top.a + top.size, top.b, top.b + top.size
    if ob - oa == 1 and nb - na == 1 and (_edited_in_place(olds[oa], source.new) or _edited_in_place(news[na], target.old)):
        return False  # one sentence that is more likely edited where it stood than moved
    # Sentences edited on the way travel with the block: widen it over similar neighbours on both sides.
    while oa > 0 and na > 0 and _similarity(olds[oa - 1].words, news[na - 1].words) >= PAIR_SIMILARITY:
        oa, na = oa - 1, na - 1
    while ob < len(olds) and nb < len(news) and _similarity(olds[ob].words, news[nb].words) >= PAIR_SIMILARITY:
        ob, nb = ob + 1, nb + 1
    move = Move(olds[oa:ob], news[na:nb])
    index = len(moves)
    moves.append(move)
    for s in (*move.old, *move.new):
        s.move = index
    for m in matched:
        for k in range(m.size):
            olds[m.a + k].partner, news[m.b + k].partner = news[m.b + k], olds[m.a + k]
    return True


def _edited_in_place(s: Sent, others: list[Sent]) -> bool:
    return any(o.move < 0 and _similarity(s.words, o.words) >= IN_PLACE_SIMILARITY for o in others)


def _fuzzy_moves(blocks: list[Block], moves: list[Move]) -> None:
    """Leftover removed runs that reappear as added runs elsewhere with mostly the same words."""
    old_runs = _free_runs([b.old for b in blocks])
    new_runs = _free_runs([b.new for b in blocks])
    if not old_runs or not new_runs or len(old_runs) * len(new_runs) > _FUZZY_LIMIT:
        return
    new_words = [frozenset().union(*(t.words for t in run)) for run in new_runs]
    taken: set[int] = set()
    for run in old_runs:
        words = frozenset().union(*(s.words for s in run))
        best, best_k = FUZZY_MOVE_SIMILARITY, -1
        for k, (other, ws) in enumerate(zip(new_runs, new_words)):
            if k in taken or other[0].block == run[0].block:
                continue
            sim = _similarity(words, ws)
            if sim >= best:
                best, best_k = sim, k
        if best_k < 0:
            continue
        taken.add(best_k)
        index = len(moves)
        moves.append(Move(run, new_runs[best_k]))
        for s in (*run, *new_runs[best_k]):
            s.move = index


def _free_runs(sides: list[list[Sent]]) -> list[list[Sent]]:
    """Maximal runs of unpaired, unmoved sentences that stand next to each other in one block."""
    runs: list[list[Sent]] = []
    for side in sides:
        current: list[Sent] = []
        for s in side:
            if s.move < 0 and s.partner is None:
                current.append(s)
            elif current:
                runs.append(current)
                current = []
        if current:
            runs.append(current)
    return runs
