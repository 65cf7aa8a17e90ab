"""Long fuzz run for nightly use: random and mutated hostile reports through the whole pipeline, for N minutes.

    .venv/bin/python scripts/fuzz.py --minutes 10 [--seed 1] [--out fuzz-findings/] [--hang-seconds 30]

Each input is one to three reports (generated from the fragments in tests/fuzz/strategies.py, or a report of
tests/fuzz/make_hostile.py mutated: bytes flipped, cut, spliced, repeated) and a reference date, put through
ingest -> extract -> compare -> every writer by tests/fuzz/harness.py, which checks the invariants (no exception,
outputs parse, no raw control characters, one GitHub command per line). An input that takes longer than
``--hang-seconds`` counts as a hang; the address space is capped (``--memory-mb``) so a blow-up is a MemoryError.

Findings are grouped by kind and place (exception type and the innermost checker frame, or the invariant), one
example of each saved under ``--out``. Findings already known (``KNOWN_ISSUES`` in make_hostile.py, the writers in
``harness.KNOWN_FAILING_WRITERS``) are counted apart. Exit 0 when nothing new was found, 1 otherwise.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import signal
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "fuzz"))

import harness  # noqa: E402
import make_hostile  # noqa: E402
import strategies  # noqa: E402

# Where the known issues happen (file name and function), so their findings are told apart from new ones.
KNOWN_PLACES = {("IndexError", "subjects.py:actor_key")}


class Hang(Exception):
    pass


def _alarm(signum: int, frame: object) -> None:
    raise Hang()


def _text(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(0, 14)):
        r = rng.random()
        if r < 0.45:
            parts.append(rng.choice(strategies.SENTENCES))
        elif r < 0.8:
            parts.append(rng.choice(strategies.HOSTILE) * rng.choice((1, 1, 1, 2, 10, 100)))
        else:
            parts.append("".join(chr(rng.choice((rng.randint(0, 0x7F), rng.randint(0, 0x10FFFF)))) for _ in
                                 range(rng.randint(0, 20))))
        parts.append(rng.choice(strategies.SEPARATORS))
    return rng.choice(strategies.FRONT_MATTER) + "".join(parts)


def _mutate(data: bytes, rng: random.Random, seeds: list[bytes]) -> bytes:
    data = bytearray(data[: rng.choice((2_000, 20_000, 65_536))])
    for _ in range(rng.randint(1, 8)):
        op = rng.random()
        if not data:
            data = bytearray(rng.choice(seeds)[:1000])
        pos = rng.randrange(len(data) + 1)
        if op < 0.3 and data:
            data[min(pos, len(data) - 1)] = rng.randrange(256)
        elif op < 0.5:
            other = rng.choice(seeds)
            start = rng.randrange(len(other) + 1)
            data[pos:pos] = other[start : start + rng.randint(1, 400)]
        elif op < 0.65:
            del data[pos : pos + rng.randint(1, 200)]
        elif op < 0.8:
            piece = data[pos : pos + rng.randint(1, 50)]
            data[pos:pos] = piece * rng.randint(2, 50)
        else:
            data[pos:pos] = rng.choice(strategies.HOSTILE).encode("utf-8", "surrogatepass")
    return bytes(data)


def _date(rng: random.Random) -> dt.date | None:
    r = rng.random()
    if r < 0.4:
        return None
    if r < 0.55:
        return rng.choice((dt.date(1, 1, 1), dt.date(1, 1, 5), dt.date(9999, 12, 25), dt.date(9999, 12, 31)))
    return dt.date.fromordinal(rng.randint(1, dt.date.max.toordinal()))


def _input(rng: random.Random, seeds: list[bytes]) -> tuple[list[tuple[str, bytes]], dt.date | None]:
    files = []
    for name in rng.sample(strategies.NAMES, rng.randint(1, 3)):
        r = rng.random()
        if r < 0.55:
            data = _text(rng).encode("utf-8", rng.choice(("surrogatepass", "replace")))
        elif r < 0.9:
            data = _mutate(rng.choice(seeds), rng, seeds)
        else:
            data = rng.randbytes(rng.randint(0, 300))
        files.append((name, data))
    return files, _date(rng)


def _place(exc: BaseException) -> str:
    """The innermost frame inside checker/ (file:function), else the innermost frame."""
    frames = traceback.extract_tb(exc.__traceback__)
    inside = [f for f in frames if f"{os.sep}checker{os.sep}" in f.filename]
    frame = (inside or frames or [None])[-1]
    return f"{Path(frame.filename).name}:{frame.name}" if frame else "?"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--minutes", type=float, default=1.0)
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--out", type=Path, default=Path("fuzz-findings"))
    ap.add_argument("--hang-seconds", type=float, default=30.0)
    ap.add_argument("--memory-mb", type=int, default=4096, help="address-space cap; 0 for none")
    args = ap.parse_args(argv)
    seed = args.seed if args.seed is not None else int(time.time())
    rng = random.Random(seed)
    seeds = [data for _, data in make_hostile.reports()]
    if args.memory_mb > 0:
        limit = args.memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    previous_handler = signal.signal(signal.SIGALRM, _alarm)
    deadline = time.monotonic() + args.minutes * 60
    tried = 0
    outcomes: Counter[str] = Counter()
    findings: dict[tuple[str, str], int] = {}
    examples: dict[tuple[str, str], tuple[list[tuple[str, bytes]], dt.date | None, str]] = {}
    slowest = (0.0, "")
    while time.monotonic() < deadline:
        files, reference = _input(rng, seeds)
        tried += 1
        start = time.monotonic()
        signal.setitimer(signal.ITIMER_REAL, args.hang_seconds)
        key = None
        try:
            result = harness.run(files, reference)
            outcomes["refused" if result.refused else "ok"] += 1
            outcomes["with conflicts"] += bool(result.conflicts)
        except Hang:
            key = ("hang", f"over {args.hang_seconds:g} s")
            detail = "hang"
        except harness.InvariantError as exc:
            key = ("invariant", exc.invariant + " in " + str(exc).split(":", 2)[1].strip())
            detail = str(exc)
        except MemoryError as exc:
            key = ("MemoryError", _place(exc))
            detail = "memory"
        except Exception as exc:  # noqa: BLE001 - every other exception is a finding
            key = (type(exc).__name__, _place(exc))
            detail = "".join(traceback.format_exception(exc))[-3000:]
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        took = time.monotonic() - start
        if took > slowest[0]:
            slowest = (took, ", ".join(f"{n!r} ({len(d):,} bytes)" for n, d in files))
        if key is not None:
            findings[key] = findings.get(key, 0) + 1
            examples.setdefault(key, (files, reference, detail))
    signal.signal(signal.SIGALRM, previous_handler)
    known = {k: n for k, n in findings.items() if k in KNOWN_PLACES or any(w in k[1] for w in harness.KNOWN_FAILING_WRITERS)}
    new = {k: n for k, n in findings.items() if k not in known}
    if findings:
        args.out.mkdir(parents=True, exist_ok=True)
        for i, (key, (files, reference, detail)) in enumerate(examples.items()):
            case = args.out / f"finding-{i:02d}"
            case.mkdir(exist_ok=True)
            for n, (name, data) in enumerate(files):
                (case / f"{n}.bin").write_bytes(data)
            (case / "case.json").write_text(json.dumps({
                "kind": key[0], "where": key[1], "known": key in known, "reference": str(reference),
                "names": [name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
                          for name, _ in files], "detail": detail,
            }, indent=2), encoding="utf-8")
    print(f"seed {seed}; {args.minutes:g} min; {tried:,} inputs tried ({outcomes['ok']:,} loaded, "
          f"{outcomes['refused']:,} with a report refused at ingest, {outcomes['with conflicts']:,} with conflicts)")
    print(f"slowest input: {slowest[0]:.2f} s ({slowest[1]})")
    for title, group in (("new findings", new), ("known findings", known)):
        print(f"{title}: {sum(group.values())} inputs, {len(group)} distinct")
        for (kind, where), n in sorted(group.items(), key=lambda kv: -kv[1]):
            print(f"  {n:6,}  {kind}: {where}")
    if findings:
        print(f"one example of each in {args.out}/")
    return 1 if new else 0


if __name__ == "__main__":
    raise SystemExit(main())
