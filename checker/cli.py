"""The ``checker`` command. I/O lives here: arguments, settings, progress, exit codes; the core is called in.

Exit codes follow linters: 0 clean, 1 conflicts that need attention, 2 usage, input or settings error, 3 internal
error. Every CheckerError is caught here, once, and printed as ``checker: error: <file>: <reason>``; any other
exception is a bug, printed as one line naming the report being processed and where to report it (``--debug``
adds the traceback).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, NoReturn, Sequence, TextIO

from checker import __version__
from checker.errors import CheckerError, issues_url, ConfigError, InputError
from checker.report._safe import LineGuard, safe_line

EXIT_OK, EXIT_CONFLICTS, EXIT_ERROR, EXIT_INTERNAL = 0, 1, 2, 3

_DESCRIPTION = """\
Read reports, normalise them into assertions, and flag where they contradict each other.

  checker extract seeds/                  what each report claims, as a table (or --format json)
  checker check seeds/                    conflicts between and within reports; exit 1 if any is new
  checker check new/ --against corpus/    only conflicts that involve the new reports
  checker review seeds/                   judge each conflict in a terminal UI (decisions are saved)
  checker decide ID --confirm --note ...  record a decision from a script
  checker baseline seeds/                 accept every current conflict, gate only on new ones
  checker diff old.md new.md              which facts changed between two versions of a report
  checker eval tests/data/cases/          precision and recall on a labelled folder of cases

Reports are .txt, .md (YAML front matter: title, date, source) or .html files, folders of them, or - for stdin.
Settings come from [tool.checker] in pyproject.toml or from checker.toml; flags override them.

exit codes: 0 nothing to act on, 1 conflicts, 2 bad input or settings, 3 internal error (a bug: please report it)
"""


def _use_color(stream: TextIO) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return stream.isatty() and os.environ.get("TERM") != "dumb"


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date like 2024-11-25") from None


_SIZE_SUFFIX = {"": 1, "B": 1, "K": 1_000, "KB": 1_000, "M": 1_000_000, "MB": 1_000_000, "G": 1_000_000_000,
                "GB": 1_000_000_000}


def _byte_count(value: str) -> int:
    """``--max-bytes``: a positive number of bytes, optionally with a K/M/G (KB/MB/GB, powers of 1000) suffix."""
    text = value.strip().upper().replace("_", "").replace(",", "")
    digits = text.rstrip("KMGB")
    suffix = text[len(digits):]
    try:
        number = float(digits) * _SIZE_SUFFIX[suffix]
    except (KeyError, ValueError):
        raise argparse.ArgumentTypeError(f"{value!r} is not a size like 20000000, 500K or 20MB") from None
    if not number >= 1 or number != number or number > 2**62:
        raise argparse.ArgumentTypeError(f"{value!r}: the limit must be at least one byte")
    return int(number)


_LIMIT_HINT = " (raise the limit with --max-bytes or max_bytes in settings)"


def _limit_hint(message: str) -> str:
    """The size limit's message, naming the flag and the setting that change it."""
    if " limit" in message and "over the" in message and _LIMIT_HINT not in message:
        return message + _LIMIT_HINT
    return message


def _add_max_bytes(p: argparse.ArgumentParser) -> None:
    p.add_argument("--max-bytes", type=_byte_count, default=None, metavar="SIZE",
                   help="largest report read, in bytes (K, M, G suffixes allowed; default: 10MB, or max_bytes "
                   "in settings); larger files are skipped with a warning, or an error with --strict")


def _add_output_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--output", "-o", metavar="FILE", default=None,
                   help="write the report to FILE instead of standard output (replaced whole, never half-written)")
    p.add_argument("--quiet", "-q", action="store_true",
                   help="print the report and errors only: no warnings, no progress, no files summary")


def _add_input_options(p: argparse.ArgumentParser) -> None:
    _add_max_bytes(p)
    p.add_argument("--encoding", help="decode reports with this encoding instead of UTF-8 (e.g. cp1252)")
    p.add_argument("--date", type=_date, metavar="YYYY-MM-DD",
                   help="reference date for reports that carry none (resolves 'on Monday', 'in June')")
    p.add_argument("--strict", action="store_true", help="stop at the first unreadable report instead of skipping it")
    p.add_argument("--allow-unreadable", action="store_true",
                   help="skip an incoming report that cannot be read, with a warning, even in CI (formats github, "
                   "sarif, junit, or CI=true); without it the gate fails closed there: exit 2")
    p.add_argument("--follow-symlinks", action="store_true",
                   help="follow symbolic links that lead out of the folders given (skipped with a warning)")


class _Parser(argparse.ArgumentParser):
    """argparse, with its error line made safe like every other line (it may quote a value from the command line,
    which a shell glob can fill with a file name)."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_ERROR, f"{self.prog}: error: {safe_line(message)}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="checker", description=_DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--version", action="version", version=f"checker {__version__}")
    parser.add_argument("--debug", action="store_true", help="show the traceback of an internal error (exit 3)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("extract", help="print the assertions each report makes",
                       description="Print the assertions (subject, attribute, value, polarity, modality, source) "
                       "each report makes, with the line and column they come from.",
                       formatter_class=argparse.RawDescriptionHelpFormatter,
                       epilog="examples:\n  checker extract seeds/\n  checker extract seeds/ --explain\n  checker extract report.html --format json\n"
                       "  cat report.txt | checker extract - --date 2024-11-25")
    p.add_argument("paths", nargs="+", metavar="PATH", help="report files, folders, or - for stdin")
    p.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    p.add_argument("--explain", action="store_true",
                   help="under each assertion, its claim frame (thing, entities, predicate, scope) and the rule "
                   "that made it; then each rule used, with where it takes every field from")
    _add_output_options(p)
    _add_input_options(p)

    p = sub.add_parser("check", help="flag conflicts between and within reports",
                       description="Flag numeric, location, date, polarity, unverified, change and name conflicts "
                       "between and within reports. Exit 0 when nothing needs attention, 1 when a conflict does, 2 on bad input "
                       "or settings, 3 on an internal error (a bug).",
                       formatter_class=argparse.RawDescriptionHelpFormatter,
                       epilog="examples:\n  checker check seeds/\n  checker check --format sarif seeds/ > checker.sarif\n"
                       "  checker check incoming/today.md --format github --against corpus/ archive/2023/\n"
                       "  checker check seeds/ --min-severity medium --fail-on any")
    p.add_argument("paths", nargs="*", metavar="PATH", help="reports to check (default: 'paths' from settings)")
    p.add_argument("--against", nargs="+", action="extend", metavar="CORPUS", default=None,
                   help="standing corpus: one or more files or folders (every path after --against, so put it last; "
                   "may be repeated); only conflicts involving PATHs are reported; the corpus is read through the "
                   "index in .checker/index.sqlite: only new or changed files are extracted, and only the indexed "
                   "reports that share a subject and time window with PATHs are read. Name the index file itself "
                   "(--against .checker/index.sqlite) to compare with the corpus as the last checker index left "
                   "it, without listing the corpus: constant time however large it is")
    p.add_argument("--format", choices=("text", "json", "sarif", "github", "junit"), default=None,
                   help="output format (default: text)")
    p.add_argument("--min-severity", choices=("low", "medium", "high"), default=None,
                   help="hide conflicts below this severity (default: low)")
    p.add_argument("--fail-on", choices=("new", "confirmed", "any", "none"), default=None,
                   help="which conflicts make the exit code 1: undecided (new, the default), confirmed, any "
                   "not dismissed, or none")
    p.add_argument("--show-reviewed", "--show-all", dest="show_all", action="store_true",
                   help="also list reviewed conflicts that are otherwise left out: dismissed ones in every format; in "
                   "--format github, baselined/confirmed/dismissed ones as ::notice; in sarif, decided ones no longer "
                   "found (baselineState absent)")
    p.add_argument("--verbose", "-v", action="store_true",
                   help="text format: under each conflict's line, both passages with the value marked [[like "
                   "this]], the review status and the command that decides it (default: one line per conflict)")
    p.add_argument("--decisions", type=Path, default=None, metavar="FILE",
                   help="decisions file (default: .checker/decisions.jsonl)")
    p.add_argument("--tolerance", type=float, default=None, metavar="FRACTION",
                   help="relative rounding tolerance for numbers (default: 0.05)")
    p.add_argument("--dask", default=None, metavar="SCHEDULER",
                   help="run reading, extraction and comparison as Dask tasks, with the same conflicts and ids: "
                   "'local' starts a cluster of one worker process per core on this machine (local:4 for four), "
                   "an address such as tcp://10.0.0.5:8786 uses a running scheduler whose workers have checker "
                   "installed; needs pip install 'report-checker[dask]' (setting: dask; see docs/scale.md)")
    _add_output_options(p)
    _add_input_options(p)

    p = sub.add_parser("decide", help="record a review decision on conflict ids (for scripts)",
                       description="Record that conflicts (by the ids 'checker check' prints) are real "
                       "disagreements (--confirm) or not (--dismiss), or forget a decision (--undo). Ids are looked "
                       "up in the reports first (--reports, default: 'paths' and 'corpus' from settings): an id no "
                       "conflict has is refused with exit 2 and the nearest known ids. Each decision keeps who "
                       "(--by, default $CHECKER_USER or $USER), when (UTC) and why (--note).",
                       formatter_class=argparse.RawDescriptionHelpFormatter,
                       epilog="examples:\n  checker decide 3f9a1c0b2d4e5f60 --confirm --note 'NIS figure is older' "
                       "--reports incoming/\n"
                       "  checker decide 3f9a1c0b2d4e5f60 61523cae76456ff3 --dismiss --note 'different brigades'\n"
                       "  checker decide --all-new --confirm --note 'accepted at launch' --reports incoming/\n"
                       "  checker decide 3f9a1c0b2d4e5f60 --undo")
    p.add_argument("ids", nargs="*", metavar="ID",
                   help="conflict ids, as printed by checker check (json: conflicts[].id)")
    p.add_argument("--all-new", action="store_true", help="every conflict in the reports that has no decision yet")
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--confirm", action="store_true", help="a real disagreement")
    group.add_argument("--dismiss", action="store_true", help="not a conflict (say why with --note)")
    group.add_argument("--undo", action="store_true", help="forget the decision: the conflict is new again")
    p.add_argument("--note", help="why; shown next to the conflict in check output and the review UI")
    p.add_argument("--by", metavar="NAME", help="who decides (default: $CHECKER_USER, else $USER)")
    p.add_argument("--reports", nargs="+", metavar="PATH", default=None,
                   help="reports the conflicts come from (default: 'paths' from settings)")
    p.add_argument("--against", nargs="+", action="extend", metavar="CORPUS", default=None,
                   help="standing corpus, as given to checker check --against; also the sources of checker verify, "
                   "so that the ids of a draft's unsupported claims are known (accept one with --confirm --note)")
    p.add_argument("--decisions", type=Path, default=None, metavar="FILE")
    p.add_argument("--quiet", "-q", action="store_true", help="no warnings and no progress bar")
    _add_input_options(p)

    p = sub.add_parser("baseline", help="accept every current conflict so only new ones fail the check",
                       description="Record every conflict the reports hold now as confirmed with the note "
                       "'accepted by checker baseline', so that 'checker check' fails only on conflicts that "
                       "appear later. Existing decisions are kept.")
    p.add_argument("paths", nargs="*", metavar="PATH", help="reports (default: 'paths' from settings)")
    p.add_argument("--against", nargs="+", action="extend", metavar="CORPUS", default=None,
                   help="standing corpus: one or more files or folders (put it last); only conflicts involving PATHs")
    p.add_argument("--decisions", type=Path, default=None, metavar="FILE")
    p.add_argument("--quiet", "-q", action="store_true", help="no warnings and no progress bar")
    _add_input_options(p)

    p = sub.add_parser("index", help="build or refresh the corpus index used by check --against",
                       description="Read and extract a standing corpus into the SQLite index (.checker/index.sqlite "
                       "by default). A file whose size and modification time are as indexed is not read again, one "
                       "whose text is unchanged is not extracted again, and a copy of an indexed report takes its "
                       "claims, so running it on every pipeline run is cheap. Files are known by absolute path: "
                       "'corpus/' and '/srv/news/corpus/' are one corpus. An index written by another version of "
                       "checker is rebuilt, with a warning.",
                       formatter_class=argparse.RawDescriptionHelpFormatter,
                       epilog="examples:\n  checker index corpus/\n  checker check incoming/ --against corpus/\n"
                       "  checker check incoming/ --against .checker/index.sqlite   (the corpus as indexed, unlisted)")
    p.add_argument("corpus", nargs="*", metavar="CORPUS", help="corpus folders or files (default: 'corpus' setting)")
    p.add_argument("--index", type=Path, default=None, metavar="FILE", help="index file (default: .checker/index.sqlite)")
    _add_max_bytes(p)
    p.add_argument("--quiet", "-q", action="store_true", help="no warnings and no progress bar")
    p.add_argument("--encoding", help="decode reports with this encoding instead of UTF-8")
    p.add_argument("--date", type=_date, metavar="YYYY-MM-DD", help="reference date for reports that carry none")
    p.add_argument("--parquet", default=None, metavar="DIR",
                   help="write the corpus's claims as a Parquet dataset partitioned by blocking key instead, for "
                   "corpora larger than one disk or read by a cluster; DIR may be an fsspec URL such as "
                   "s3://bucket/claims (needs pip install 'report-checker[dask]'; see docs/scale.md)")

    p = sub.add_parser("review", help="judge each conflict in a terminal UI",
                       description="Open the review UI: every conflict with both passages side by side. "
                       "c confirm, d dismiss, n note, u undo, o open the document, v diff, / search, f filter, "
                       "s sort, ? help, "
                       "q or ctrl+c quit. Decisions are saved at once to the decisions file.")
    p.add_argument("paths", nargs="*", metavar="PATH", help="reports (default: 'paths' from settings)")
    p.add_argument("--against", nargs="+", action="extend", metavar="CORPUS", default=None,
                   help="standing corpus: one or more files or folders (put it last); only conflicts involving PATHs")
    p.add_argument("--decisions", type=Path, default=None, metavar="FILE")
    p.add_argument("--verify", action="append", metavar="DRAFT", default=None,
                   help="open a verify run instead: the claims of DRAFT (repeatable) checked --against the sources, "
                   "each marked supported, contradicted or unsupported; 'a' accepts a claim with a note, saved in "
                   "the decisions file and honoured by checker verify")
    _add_input_options(p)

    p = sub.add_parser("diff", help="which facts changed between versions of a report",
                       description="Align versions of one report sentence by sentence and word by word, and list "
                       "the facts whose value, place, date, polarity, modality or source changed, plus facts added "
                       "and removed. Facts are lined up and judged as `checker check` does, so a fact restated in "
                       "other words (61% / 61.2 percent, 700 km / 435 miles) is no change, while a moved date or "
                       "\"closed\" / \"remained open\" is. With more than two versions (or --git), each version is compared with the one "
                       "before it; --timeline shows each fact's history instead.",
                       formatter_class=argparse.RawDescriptionHelpFormatter,
                       epilog="examples:\n  checker diff seeds/seoul-nis-briefing.md seeds/seoul-nis-briefing-updated.md\n"
                       "  checker diff v1.md v2.md v3.md --timeline\n  checker diff --git reports/briefing.md\n"
                       "  checker diff old.html new.html --format html -o changes.html\n"
                       "  checker diff old.md new.md --exit-code --format json   # exit 1 when a fact changed")
    p.add_argument("paths", nargs="*", metavar="VERSION", help="two or more versions, oldest first")
    p.add_argument("--git", metavar="FILE", help="compare the committed versions of FILE in git history")
    p.add_argument("--timeline", action="store_true", help="print each fact's values across all versions")
    p.add_argument("--format", choices=("text", "json", "html"), default="text")
    p.add_argument("--exit-code", action="store_true",
                   help="exit 1 when a fact changed between the versions and 0 when none did (as git diff "
                   "--exit-code); without it, diff exits 0 whatever changed")
    p.add_argument("--output", "-o", metavar="FILE", default=None, help="write to FILE instead of standard output")
    p.add_argument("--encoding", help="decode the versions with this encoding instead of UTF-8")
    _add_max_bytes(p)
    p.add_argument("--date", type=_date, metavar="YYYY-MM-DD", help="reference date for versions that carry none")

    p = sub.add_parser("eval", help="precision and recall of check on a labelled folder of cases",
                       description="Run the comparison on every case file (*.toml) in DIR and report precision and "
                       "recall against the conflicts each case expects. The case format is in docs/eval-format.md.")
    p.add_argument("dir", metavar="DIR", help="folder of *.toml cases")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--verbose", "-v", action="store_true", help="list every missed and unexpected conflict")
    from checker.verify import cli as verify_cli  # checker verify (issue 16)

    verify_cli.add_parser(sub)
    for command in sub.choices.values():
        command.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                             help="show the traceback of an internal error (exit 3)")
    return parser


def _settings(args: argparse.Namespace):
    from checker.config import load_settings

    overrides = {
        "paths": getattr(args, "paths", None) or None,
        "corpus": getattr(args, "against", None) or None,
        "decisions": getattr(args, "decisions", None),
        "min_severity": getattr(args, "min_severity", None),
        "fail_on": getattr(args, "fail_on", None),
        "format": getattr(args, "format", None) if args.command == "check" else None,
        "numeric_tolerance": getattr(args, "tolerance", None),
        "encoding": getattr(args, "encoding", None),
        "max_bytes": getattr(args, "max_bytes", None),
        "dask": getattr(args, "dask", None),
    }
    settings, _ = load_settings(overrides=overrides)
    return settings


def _sizes(paths: Sequence[str] | None) -> list[int]:
    """Sizes in bytes of the report files ``paths`` stand for, in reading order (0 for stdin or a vanished file)."""
    if not paths:
        return []
    from checker.ingest import discover

    files, _ = discover(list(paths))
    sizes = []
    for f in files:
        try:
            sizes.append(0 if f == "-" else os.stat(f).st_size)
        except OSError:
            sizes.append(0)
    return sizes


def _progress_wanted(args: argparse.Namespace | None) -> bool:
    """Progress is drawn on stderr for people: never with --quiet, never when stderr is not a terminal."""
    if args is not None and getattr(args, "quiet", False):
        return False
    return sys.stderr.isatty() and os.environ.get("TERM") != "dumb"


@contextmanager
def _progress(args: argparse.Namespace | None, label: str, paths: Sequence[str] | None = None) -> Iterator:
    """A rich progress bar on stderr for long runs -- files and bytes done, with an ETA -- or nothing (see
    ``_progress_wanted``). The core reports ``(done, total)`` in documents; while ``total`` is the number of files
    ``paths`` stand for, bytes done are those of the first ``done`` files."""
    if not _progress_wanted(args):
        yield None
        return
    from itertools import accumulate

    from rich.console import Console
    from rich.progress import (BarColumn, DownloadColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn,
                               TimeRemainingColumn)

    sizes = _sizes(paths)
    running = [0, *accumulate(sizes)]
    with Progress(SpinnerColumn(), TextColumn(label), BarColumn(), DownloadColumn(binary_units=False),
                  TextColumn("{task.fields[files]}"), TimeElapsedColumn(), TextColumn("eta"), TimeRemainingColumn(),
                  console=Console(stderr=True), transient=True) as bar:
        total_bytes = running[-1] or None
        task = bar.add_task(label, total=total_bytes, files=f"0/{len(sizes) or '?'} files")

        def update(done: float, total: int) -> None:
            if sizes and total == len(sizes):
                whole = min(int(done), len(sizes))  # a fraction: the share of one long report's text analysed
                part = (done - whole) * sizes[whole] if whole < len(sizes) else 0
                bar.update(task, completed=running[whole] + part, total=total_bytes,
                           files=f"{whole}/{total} files")
            else:  # another phase (the corpus): files only
                bar.update(task, completed=done, total=total or None, files=f"{done}/{total} files")

        yield update


def _say(kind: str, message: str) -> None:
    """One line on stderr, ``checker: <kind>: <message>``, with the message made safe (``report._safe``)."""
    print(f"checker: {kind}: {safe_line(_limit_hint(message))}", file=sys.stderr)


def _warn(messages: Sequence[str], args: argparse.Namespace | None = None) -> None:
    """Each warning once, in first-seen order; none with --quiet."""
    if args is not None and getattr(args, "quiet", False):
        return
    for m in dict.fromkeys(messages):
        _say("warning", m)


def _input_summary(args: argparse.Namespace, paths: Sequence[str], loaded: Sequence[str], max_bytes: int,
                   stream: TextIO | None = None) -> None:
    """The files line (checked, skipped with reasons, unreadable) on ``stream`` (default stderr); not with --quiet."""
    if getattr(args, "quiet", False):
        return
    from checker.report.inputs import summarise

    line = summarise(paths, loaded, max_bytes).line()
    if stream is None:
        print(f"checker: {safe_line(line)}", file=sys.stderr)
    else:
        print(safe_line(line), file=stream)


@contextmanager
def _output(args: argparse.Namespace, fmt: str) -> Iterator[tuple[TextIO, bool]]:
    """Where the report goes and whether in colour: ``--output FILE`` (written whole, then renamed into place, so
    a reader never sees half a file; no colour) or stdout. Text for people goes through ``_human``."""
    target = getattr(args, "output", None)
    if target is None:
        with _human(sys.stdout, fmt) as out:
            yield out, _use_color(sys.stdout)
        return
    path = Path(target)
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(temp, "w", encoding="utf-8", newline="") as stream, _human(stream, fmt) as out:
            yield out, False
        os.replace(temp, path)
    except OSError as exc:
        raise ConfigError(f"{target}: cannot write the report: {exc.strerror or exc}") from None
    finally:
        if temp.exists():
            temp.unlink()


def _info(message: str) -> None:
    """A one-line result on stdout (``checker decide``, ``index``, ``baseline``), made safe."""
    print(safe_line(message))


@contextmanager
def _human(stream: TextIO, fmt: str = "text") -> Iterator[TextIO]:
    """``stream`` for a writer: text meant for people goes through a ``LineGuard`` so that no line it prints can
    start a workflow command; machine formats (json, sarif, junit, github) escape for themselves."""
    if fmt not in ("text", "html"):
        yield stream
        return
    guard = LineGuard(stream)
    try:
        yield guard  # type: ignore[misc]
    finally:
        guard.flush()


def cmd_extract(args: argparse.Namespace) -> int:
    from checker.pipeline import date_from_neighbours, load_and_extract, undated_warnings
    from checker.report.assertions import write_assertions

    from checker.config import load_settings

    settings, _ = load_settings(overrides={"encoding": args.encoding, "max_bytes": args.max_bytes})
    options = dict(encoding=settings.encoding, strict=args.strict, reference_date=args.date,
                   max_bytes=settings.max_bytes, follow_symlinks=args.follow_symlinks)
    with _progress(args, "extracting", args.paths) as progress:
        documents, extracted, problems = load_and_extract(args.paths, options, progress)
    notes: list[str] = []
    if args.date is None:
        documents, extracted, notes = date_from_neighbours(documents, extracted)
        notes += undated_warnings(documents)
    _warn([str(p) for p in problems] + notes, args)
    with _output(args, args.format) as (out, color):
        write_assertions(extracted, args.format, out, color=color, explain=args.explain)
    _input_summary(args, args.paths, [d.path for d in documents], settings.max_bytes)
    return EXIT_OK


def _analyse(settings, args: argparse.Namespace, progress, *, keep_text: bool = False):
    """One run of the core with the settings and input flags of check, baseline and review (only the review UI
    shows the reports' texts: the others keep their metadata, see ``analyse``)."""
    from checker.pipeline import analyse

    return analyse(settings.paths, against=settings.corpus, index_path=settings.index, on_progress=progress,
                   keep_text=keep_text, **_run_options(settings, args))


def _run_options(settings, args: argparse.Namespace) -> dict:
    """The input and comparison options a run takes, locally or on Dask."""
    return dict(
        encoding=settings.encoding,
        strict=args.strict,
        reference_date=args.date,
        max_bytes=settings.max_bytes,
        tolerance=settings.numeric_tolerance,
        allow_unreadable=_allow_unreadable(args, settings.format),
        follow_symlinks=getattr(args, "follow_symlinks", False),
    )


def _analyse_on_dask(settings, args: argparse.Namespace):
    """``check --dask``: the same run on a Dask cluster (``checker.scale``, imported only here)."""
    if settings.corpus:
        raise ConfigError("--dask does not take --against (or 'corpus') yet: check the reports and corpus together, "
                          "or drop --dask")
    from checker.scale.dask_run import analyse_on_dask

    return analyse_on_dask(settings.paths, scheduler=settings.dask, **_run_options(settings, args))


def _allow_unreadable(args: argparse.Namespace, fmt: str) -> bool:
    """Whether an incoming report that cannot be read is skipped (a warning) rather than an error (exit 2): skipped
    at a terminal, an error in CI (a CI format, or CI=true in the environment) unless --allow-unreadable. A gate
    that cannot read what it guards must not pass it."""
    if getattr(args, "allow_unreadable", False):
        return True
    in_ci = fmt in ("github", "sarif", "junit") or os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")
    return not in_ci


def cmd_check(args: argparse.Namespace) -> int:
    from checker.models import CheckResult, Severity
    from checker.report import write_report
    from checker.store.decisions import DecisionStore, ReviewStatus, review_status

    settings = _settings(args)
    if not settings.paths:
        raise ConfigError("no reports to check: name them (checker check reports/) or set 'paths' in [tool.checker]")
    if settings.dask:
        analysis = _analyse_on_dask(settings, args)
    else:
        with _progress(args, "checking", settings.paths) as progress:
            analysis = _analyse(settings, args, progress)
    _warn(analysis.warnings, args)
    decisions = DecisionStore(settings.decisions).load()
    threshold = Severity(settings.min_severity).rank
    shown = [c for c in analysis.conflicts if c.severity.rank >= threshold]
    present = {c.id for c in analysis.conflicts}
    kept = {c.id for c in shown} | {cid for cid in decisions if cid not in present}  # absent ones for SARIF
    result = CheckResult(documents=analysis.info(), conflicts=shown,
                         decisions={cid: d for cid, d in decisions.items() if cid in kept})
    with _output(args, settings.format) as (out, color):
        write_report(result, settings.format, out, color=color, show_all=args.show_all, verbose=args.verbose)
        loaded = [d.path for d in analysis.documents]
        if settings.format == "text":  # the files line follows the conflicts summary; other formats: stderr
            _input_summary(args, settings.paths, loaded, settings.max_bytes, out)
    if settings.format != "text":
        _input_summary(args, settings.paths, loaded, settings.max_bytes)

    statuses = [review_status(decisions.get(c.id)) for c in shown]
    failing = {
        "new": [s for s in statuses if s is ReviewStatus.NEW],
        "confirmed": [s for s in statuses if s in (ReviewStatus.CONFIRMED, ReviewStatus.BASELINED)],
        "any": [s for s in statuses if s is not ReviewStatus.DISMISSED],
        "none": [],
    }[settings.fail_on]
    return EXIT_CONFLICTS if failing else EXIT_OK


def cmd_eval(args: argparse.Namespace) -> int:
    from checker.evaluate import evaluate_folder, write_evaluation

    report = evaluate_folder(Path(args.dir))
    with _human(sys.stdout, args.format) as out:
        write_evaluation(report, args.format, out, verbose=args.verbose)
    return EXIT_OK


def cmd_diff(args: argparse.Namespace) -> int:
    from checker.diff import diff_history, fact_timeline, git_versions, write_diff, write_timeline
    from checker.ingest import read_document

    if args.git:
        if args.paths:
            raise ConfigError("give either --git FILE or VERSION paths, not both")
        docs = git_versions(args.git, encoding=args.encoding)
    else:
        if len(args.paths) < 2:
            raise ConfigError("checker diff needs two or more versions (oldest first), or --git FILE")
        docs = []
        for path in args.paths:
            doc = read_document(path, encoding=args.encoding, reference_date=args.date,
                                max_bytes=args.max_bytes or _settings(args).max_bytes)
            if doc is None:
                raise InputError(path, "is empty: nothing to compare")
            docs.append(doc)
    if len(docs) < 2:
        raise InputError(args.git or args.paths[0], "has only one version: nothing to compare")
    if args.timeline:
        if args.format == "html":
            raise ConfigError("--timeline prints text or json, not html")
        timelines = fact_timeline(docs)
        changed = any(any(state != t.states[0] for state in t.states) for t in timelines)
        with _output(args, args.format) as (out, color):
            write_timeline(timelines, args.format, out, color=color)
    else:
        diffs = diff_history(docs)
        changed = any(d.changes for d in diffs)
        with _output(args, args.format) as (out, color):
            write_diff(diffs, args.format, out, color=color)
    return EXIT_CONFLICTS if args.exit_code and changed else EXIT_OK


def cmd_index(args: argparse.Namespace) -> int:
    from checker.config import load_settings
    from checker.pipeline import build_index

    settings, _ = load_settings(overrides={"corpus": args.corpus or None, "index": args.index,
                                           "encoding": args.encoding, "max_bytes": args.max_bytes})
    if not settings.corpus:
        raise ConfigError("no corpus: name it (checker index corpus/) or set 'corpus' in [tool.checker]")
    if args.parquet:
        return _index_parquet(settings, args)
    with _progress(args, "indexing", settings.corpus) as progress:
        stats, warnings = build_index(settings.corpus, index_path=settings.index, encoding=settings.encoding,
                                      reference_date=args.date, max_bytes=settings.max_bytes, on_progress=progress)
    _warn(warnings, args)
    _info(f"{settings.index}: {stats.added} added, {stats.updated} updated, {stats.unchanged} unchanged, "
          f"{stats.removed} removed")
    return EXIT_OK


def _index_parquet(settings, args: argparse.Namespace) -> int:
    """``index --parquet DIR``: the corpus's claims as Parquet partitioned by blocking key (``store.parquet``)."""
    from checker.pipeline import load_and_extract
    from checker.store.parquet import write_claims

    options = dict(encoding=settings.encoding, strict=False, reference_date=args.date, max_bytes=settings.max_bytes)
    with _progress(args, "indexing", settings.corpus) as progress:
        _, extracted, problems = load_and_extract(settings.corpus, options, progress)
    _warn([str(p) for p in problems], args)
    stats = write_claims(extracted, args.parquet)
    _info(f"{args.parquet}: {stats.claims} claims of {stats.documents} reports in {stats.buckets} buckets")
    return EXIT_OK


def _who() -> str | None:
    return os.environ.get("CHECKER_USER") or os.environ.get("USER") or os.environ.get("USERNAME")


def _nearest(wanted: str, known: Sequence[str], limit: int = 3) -> list[str]:
    """The known ids closest to a mistyped one (rapidfuzz ratio), best first."""
    from rapidfuzz import fuzz, process

    return [match for match, _, _ in process.extract(wanted, list(known), scorer=fuzz.ratio, limit=limit)]


def cmd_decide(args: argparse.Namespace) -> int:
    from checker.errors import UnknownIdError
    from checker.models import Decision, DecisionStatus
    from checker.store.decisions import DecisionStore

    if not args.ids and not args.all_new:
        raise ConfigError("name the conflict ids to decide, or pass --all-new")
    if args.undo and args.all_new:
        raise ConfigError("--all-new decides new conflicts; it cannot be combined with --undo")
    args.paths = args.reports
    settings = _settings(args)
    store = DecisionStore(settings.decisions)
    existing = store.load()
    if args.undo:
        known: Sequence[str] = sorted(existing)
        ids = list(dict.fromkeys(args.ids))
    else:
        paths = settings.paths or settings.corpus
        if not paths:
            raise ConfigError("decide looks the ids up in the reports first: name them (--reports incoming/) or "
                              "set 'paths' in [tool.checker]")
        if not settings.paths:
            settings = settings.model_copy(update={"paths": list(paths), "corpus": []})
        with _progress(args, "checking", settings.paths) as progress:
            analysis = _analyse(settings, args, progress)
        _warn(analysis.warnings, args)
        current = [c.id for c in analysis.conflicts]
        if args.against:
            current += _failing_claim_ids(args, settings.paths)
        known = sorted(set(current) | set(existing))
        ids = list(dict.fromkeys(args.ids))
        if args.all_new:
            ids += [cid for cid in current if cid not in existing and cid not in ids]
    for cid in ids:
        if cid not in known:
            raise UnknownIdError(cid, _nearest(cid, known), str(settings.decisions) if args.undo else None)
    if args.undo:
        for cid in ids:
            removed = store.remove(cid)
            _info(f"{cid}: {'decision removed' if removed else 'had no decision'}")
        return EXIT_OK
    status = DecisionStatus.CONFIRMED if args.confirm else DecisionStatus.DISMISSED
    now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    by = args.by or _who()
    store.record_many(Decision(id=cid, status=status, note=args.note, decided_at=now, by=by) for cid in ids)
    for cid in ids:
        _info(f"{cid}: {status.value} ({settings.decisions})")
    if not ids:
        _info("no new conflicts to decide")
    return EXIT_OK


def _failing_claim_ids(args: argparse.Namespace, drafts: Sequence[str]) -> list[str]:
    """The ids of the reports' claims that checker verify finds unsupported or contradicted by --against, so that
    decide accepts a claim as it accepts a conflict ("sourced by phone call")."""
    from checker.verify.cli import verify_files

    verify_args = argparse.Namespace(drafts=list(drafts), against=list(args.against), encoding=args.encoding,
                                     strict=args.strict, date=args.date, tolerance=0.05)
    report, _, _ = verify_files(verify_args)
    return [c.id for c in report.claims if c.status.value in ("unsupported", "contradicted")]


def cmd_baseline(args: argparse.Namespace) -> int:
    from checker.models import Decision, DecisionStatus
    from checker.store.decisions import BASELINE_NOTE, DecisionStore

    settings = _settings(args)
    if not settings.paths:
        raise ConfigError("no reports: name them (checker baseline reports/) or set 'paths' in [tool.checker]")
    with _progress(args, "checking", settings.paths) as progress:
        analysis = _analyse(settings, args, progress)
    _warn(analysis.warnings, args)
    store = DecisionStore(settings.decisions)
    existing = store.load()
    now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    new = [Decision(id=c.id, status=DecisionStatus.CONFIRMED, note=BASELINE_NOTE, decided_at=now,
                    by=_who()) for c in analysis.conflicts if c.id not in existing]
    store.record_many(new)
    _info(f"baseline: {len(new)} conflicts accepted, {len(analysis.conflicts) - len(new)} already decided "
          f"({settings.decisions})")
    return EXIT_OK


def cmd_review(args: argparse.Namespace) -> int:
    if args.verify:  # checker review --verify DRAFT --against SOURCES: the verify review
        from checker.verify.cli import run_review

        return run_review(args)
    from checker.store.decisions import DecisionStore
    from tui.app import make_app

    settings = _settings(args)
    if not settings.paths:
        raise ConfigError("no reports: name them (checker review reports/) or set 'paths' in [tool.checker]")
    store = DecisionStore(settings.decisions)
    store.load()  # a broken decisions file is reported before the screen opens

    def load(progress):
        return _analyse(settings, args, progress, keep_text=True)

    app = make_app(load, store, analyst=_who())
    app.run()
    if app.load_error:
        raise app.load_error
    return app.return_code or EXIT_OK


def cmd_verify(args: argparse.Namespace) -> int:
    from checker.verify.cli import run

    return run(args, lambda: _progress(args, "reading sources", args.against))


_COMMANDS = {
    "extract": cmd_extract,
    "check": cmd_check,
    "decide": cmd_decide,
    "baseline": cmd_baseline,
    "review": cmd_review,
    "index": cmd_index,
    "diff": cmd_diff,
    "eval": cmd_eval,
    "verify": cmd_verify,
}


def _processing(exc: BaseException, args: argparse.Namespace) -> str:
    """The report being processed when ``exc`` was raised: from the innermost call whose *parameters* name it (a
    ``doc``/``document`` with a ``path``, or a ``path``); loop variables are never trusted, they may hold the report
    before. Work done in a process pool leaves no such call here, so then the paths the command was given are named.
    """
    tb = exc.__traceback__
    frames = []
    while tb is not None:
        frames.append(tb.tb_frame)
        tb = tb.tb_next
    for frame in reversed(frames):
        code = frame.f_code
        params = code.co_varnames[: code.co_argcount + code.co_kwonlyargcount]
        local = frame.f_locals
        for name in ("doc", "document", "version"):
            path = getattr(local.get(name), "path", None) if name in params else None
            if isinstance(path, str):
                return path
        for name in ("path", "filename"):
            if name in params and isinstance(local.get(name), str):
                return local[name]
    given = [str(p) for p in (getattr(args, "paths", None) or getattr(args, "corpus", None) or [])]
    return f"one of {', '.join(given)}" if given else "(no report yet)"


def _internal_error(exc: BaseException, args: argparse.Namespace) -> int:
    """An unexpected exception: one line naming the report and where to report it; the traceback with --debug."""
    if getattr(args, "debug", False):
        import traceback

        traceback.print_exception(exc, file=sys.stderr)
    where = _processing(exc, args)
    hint = "" if getattr(args, "debug", False) else " (run with --debug for the traceback)"
    _say("internal error", f"while processing {where}: {type(exc).__name__}: {exc} -- this is a bug in checker "
         f"{__version__}; please report it to {issues_url()} with the report if you can{hint}")
    return EXIT_INTERNAL


def entry() -> NoReturn:
    """The ``checker`` command (and ``python -m checker``): ``main``, then the exit handlers, then the process ends
    without tearing the interpreter down. Freeing every claim, sentence and module one by one at exit costs a tenth
    of a second after a verify of 100 reports (more after a large check) and changes nothing a user can see; mypy
    ends the same way. The interpreter exits normally instead whenever its own shutdown has work to do: a thread
    still running (an executor's idle workers are stopped by a hook only that shutdown runs), or a profiler, a
    debugger or a coverage tracer that writes its results then. ``main`` itself returns normally, for the tests
    and for callers in Python."""
    import atexit
    import threading

    code = main()
    if _traced() or any(t is not threading.main_thread() and not t.daemon for t in threading.enumerate()):
        raise SystemExit(code)
    atexit._run_exitfuncs()  # what normal exit runs: temporary folders, pools, logging
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:  # closed by the caller (">&-")
                stream.flush()
        except BrokenPipeError:  # a reader that stopped early ("checker check ... | head")
            pass
        except (OSError, ValueError):  # a full disk: what was still buffered is lost, as Python's own exit reports
            code = code or 120
    os._exit(code)


def _traced() -> bool:
    """Whether a profiler, debugger or coverage tool watches this process (through ``sys.setprofile``,
    ``sys.settrace``, or, from Python 3.12, ``sys.monitoring``)."""
    if sys.getprofile() is not None or sys.gettrace() is not None:
        return True
    monitoring = getattr(sys, "monitoring", None)
    return monitoring is not None and any(monitoring.get_tool(i) is not None for i in range(6))


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return EXIT_ERROR
    try:
        return _COMMANDS[args.command](args)
    except CheckerError as exc:
        _say("error", str(exc))
        return EXIT_ERROR
    except KeyboardInterrupt:
        _say("error", "interrupted")
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # noqa: BLE001 - the one place an unexpected error becomes exit 3
        return _internal_error(exc, args)
