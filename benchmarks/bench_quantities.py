"""Throughput of ``find_quantities`` on about 1 MB of generated, varied news prose; prints MB/s.

The prose (about one number per 130 characters: denser than the wire copy in ``seeds/``) mixes what the
extractor must find (counts, money, percentages, measurements, ranges, vague plurals) with
what it must skip (dates, years, scores, model numbers, times) and plenty of number-free filler, in roughly the
proportions of wire copy. Run: ``python benchmarks/bench_quantities.py [megabytes]``.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

from checker.extract.quantities import find_quantities

_FILLER = [
    "The government said it would review the decision after consulting regional officials and aid agencies.",
    "Witnesses described scenes of confusion as emergency services struggled to reach the worst-hit districts.",
    "Analysts cautioned that the figures were preliminary and could change as more information became available.",
    "The ministry did not respond to a request for comment on Tuesday, and the spokesperson declined to elaborate.",
    "Opposition leaders called for an independent inquiry, accusing the authorities of withholding information.",
    "Markets were little changed in early trading as investors awaited the central bank's policy statement.",
    "One of the officials, who spoke on condition of anonymity, said no one had expected the talks to collapse.",
    "Residents said they had heard explosions overnight but could not say where the strikes had landed.",
    "The decision drew sharp criticism from rights groups, who said it would leave the most vulnerable exposed.",
    "Diplomats said a draft text was circulating but that several delegations still had reservations about it.",
    "The company said the restructuring was on track and reiterated its guidance for the rest of the year.",
    "Doctors at the main hospital said they were running short of supplies and appealed for blood donations.",
    "Election observers reported long queues at some polling stations but no major irregularities.",
    "The coach said his side had been the better team for long spells but had failed to take their chances.",
]

_TEMPLATES = [
    "About {n:,} troops were deployed to the {place} region, officials said on {month} {day}.",
    "The {mag}-magnitude earthquake struck at a depth of {km} km, killing at least {small} people.",
    "Revenue rose {pct}% to ${money} billion in the quarter, beating estimates of ${money2}bn.",
    "Turnout was {pct}.{d} percent, and the party won {seats} seats, up from {seats2} in {year}.",
    "Between {n:,} and {n2:,} people have fled since {month} {day}, the UN said.",
    "Nearly {n:,} homes were destroyed and tens of thousands were left without power.",
    "The {team} won {s1}-{s2} on Sunday after trailing at half-time.",
    "Hundreds of protesters gathered; police said more than {small} were arrested.",
    "The F-16 and Su-34 jets flew {km} miles at speeds above {speed} mph, the ministry said.",
    "The fire burned {n:,} acres, roughly {km} square kilometres, near Highway {small}.",
    "Under Article {small} of the treaty, members must spend {pct} per cent of GDP on defence by {year}.",
    "Inflation fell from {pct} to {pct2}% in {month}, while unemployment held at {pct}.{d}%.",
    "Temperatures reached {temp}C ({tempf}F) at {hour}:{minute} on {day} {month}.",
    "Some {word} thousand soldiers and a dozen tanks crossed the border, two officials said.",
    "The company cut {n:,} jobs, or about {pct} percent of its workforce, and set aside EUR {money}m.",
    "Upwards of {small} people were killed and {n:,} injured, according to the health ministry.",
]

_WORDS = ["two", "three", "five", "eleven", "twenty", "forty"]
_MONTHS = ["Jan.", "Feb.", "March", "April", "May", "June", "Nov.", "Dec."]
_PLACES = ["Kursk", "Donetsk", "Kherson", "Gaza", "Hatay", "Sichuan"]
_TEAMS = ["home side", "visitors", "champions", "Chelsea"]


def generate(size: int, seed: int = 7) -> str:
    """Deterministic prose of at least ``size`` characters."""
    rng = random.Random(seed)
    parts: list[str] = []
    total = 0
    while total < size:
        if rng.random() < 0.65:
            s = rng.choice(_FILLER)
        else:
            s = rng.choice(_TEMPLATES).format(
                n=rng.randrange(100, 90000),
                n2=rng.randrange(90000, 200000),
                small=rng.randrange(2, 600),
                mag=round(rng.uniform(4, 9), 1),
                km=rng.randrange(5, 900),
                pct=rng.randrange(1, 99),
                pct2=rng.randrange(1, 99),
                d=rng.randrange(0, 9),
                money=round(rng.uniform(1, 90), 1),
                money2=round(rng.uniform(1, 90), 1),
                seats=rng.randrange(50, 400),
                seats2=rng.randrange(50, 400),
                year=rng.randrange(1990, 2030),
                month=rng.choice(_MONTHS),
                day=rng.randrange(1, 29),
                place=rng.choice(_PLACES),
                team=rng.choice(_TEAMS),
                s1=rng.randrange(0, 5),
                s2=rng.randrange(0, 5),
                speed=rng.randrange(40, 700),
                temp=rng.randrange(-20, 45),
                tempf=rng.randrange(0, 110),
                hour=rng.randrange(0, 24),
                minute=f"{rng.randrange(0, 60):02d}",
                word=rng.choice(_WORDS),
            )
        parts.append(s)
        total += len(s) + 1
    return " ".join(parts)


def seed_prose(size: int) -> str:
    """The repository's real seed reports, repeated to ``size`` characters (empty if there are none)."""
    root = Path(__file__).resolve().parent.parent / "seeds"
    texts = [p.read_text("utf-8") for p in sorted(root.glob("*")) if p.suffix in (".txt", ".md") and p.stem != "README"]
    if not texts:
        return ""
    one = "\n\n".join(texts)
    return (one + "\n\n") * (size // len(one) + 1)


def measure(label: str, text: str) -> None:
    """Best of five runs, in CPU time of this process: the figure that matters for "MB/s on one core", and steadier
    than wall time on a busy machine."""
    find_quantities(text[:10_000])  # warm caches and compiled patterns
    best = float("inf")
    count = 0
    for _ in range(5):
        t0 = time.process_time()
        count = len(find_quantities(text))
        best = min(best, time.process_time() - t0)
    size_mb = len(text.encode("utf-8")) / 1_000_000
    print(f"find_quantities [{label}]: {size_mb:.2f} MB, {count} quantities, {best:.3f} s, {size_mb / best:.1f} MB/s")


def main() -> None:
    megabytes = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    size = int(megabytes * 1_000_000)
    measure("generated", generate(size))
    seeds = seed_prose(size)
    if seeds:
        measure("seeds", seeds)


if __name__ == "__main__":
    main()
