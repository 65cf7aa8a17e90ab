"""The ``checker`` command. I/O lives here: arguments, settings, progress, exit codes; the core is called in.

Exit codes follow linters: 0 clean, 1 conflicts that need attention, 2 usage or input error. Every CheckerError is
caught here, once, and printed as ``checker: error: <file>: <reason>``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Sequence, TextIO

from checker import __version__
from checker.errors import CheckerError, ConfigError, InputError

EXIT_OK, EXIT_CONFLICTS, EXIT_ERROR = 0, 1, 2

_DESCRIPTION = """\
Read reports, normalise them into assertions, and flag where they contradict each other.

  checker extract seeds/                  what each report claims, as a table (or --format json)
  checker check seeds/                    conflicts between and within reports; exit 1 if any is new
  checker check --against corpus/ new/    only conflicts that involve the new reports
  checker review seeds/                   judge each conflict in a terminal UI (decisions are saved)
  checker decide ID --confirm --note ...  record a decision from a script
  checker baseline seeds/                 accept every current conflict, gate only on new ones
  checker diff old.md new.md              which facts changed between two versions of a report
  checker eval tests/data/cases/          precision and recall on a labelled folder of cases

Reports are .txt, .md (YAML front matter: title, date, source) or .html files, folders of them, or - for stdin.
Settings come from [tool.checker] in pyproject.toml or from checker.toml; flags override them.
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


def _add_input_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--encoding", help="decode reports with this encoding instead of UTF-8 (e.g. cp1252)")
    p.add_argument("--date", type=_date, metavar="YYYY-MM-DD",
                   help="reference date for reports that carry none (resolves 'on Monday', 'in June')")
    p.add_argument("--strict", action="store_true", help="stop at the first unreadable report instead of skipping it")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="checker", description=_DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--version", action="version", version=f"checker {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("extract", help="print the assertions each report makes",
                       description="Print the assertions (subject, attribute, value, polarity, modality, source) "
                       "each report makes, with the line and column they come from.",
                       formatter_class=argparse.RawDescriptionHelpFormatter,
                       epilog="examples:\n  checker extract seeds/\n  checker extract report.html --format json\n"
                       "  cat report.txt | checker extract - --date 2024-11-25")
    p.add_argument("paths", nargs="+", metavar="PATH", help="report files, folders, or - for stdin")
    p.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    _add_input_options(p)

    p = sub.add_parser("check", help="flag conflicts between and within reports",
                       description="Flag numeric, location, date, polarity and unverified conflicts between and "
                       "within reports. Exit 0 when nothing needs attention, 1 when a conflict does, 2 on bad input.",
                       formatter_class=argparse.RawDescriptionHelpFormatter,
                       epilog="examples:\n  checker check seeds/\n  checker check --format sarif seeds/ > checker.sarif\n"
                       "  checker check --against corpus/ incoming/today.md --format github\n"
                       "  checker check seeds/ --min-severity medium --fail-on any")
    p.add_argument("paths", nargs="*", metavar="PATH", help="reports to check (default: 'paths' from settings)")
    p.add_argument("--against", action="append", metavar="CORPUS", default=None,
                   help="standing corpus (repeatable): only conflicts involving PATHs are reported; the corpus is "
                   "read through the index in .checker/index.sqlite, so only new or changed files are extracted")
    p.add_argument("--format", choices=("text", "json", "sarif", "github", "junit"), default=None,
                   help="output format (default: text)")
    p.add_argument("--min-severity", choices=("low", "medium", "high"), default=None,
                   help="hide conflicts below this severity (default: low)")
    p.add_argument("--fail-on", choices=("new", "confirmed", "any", "none"), default=None,
                   help="which conflicts make the exit code 1: undecided (new, the default), confirmed, any "
                   "not dismissed, or none")
    p.add_argument("--show-all", action="store_true", help="also list dismissed conflicts")
    p.add_argument("--decisions", type=Path, default=None, metavar="FILE",
                   help="decisions file (default: .checker/decisions.jsonl)")
    p.add_argument("--tolerance", type=float, default=None, metavar="FRACTION",
                   help="relative rounding tolerance for numbers (default: 0.05)")
    _add_input_options(p)

    p = sub.add_parser("decide", help="record a review decision on a conflict id (for scripts)",
                       description="Record that a conflict (by the id 'checker check' prints) is a real "
                       "disagreement (--confirm) or not one (--dismiss). Decisions go to the decisions file, "
                       "which 'checker check' and 'checker review' read.",
                       formatter_class=argparse.RawDescriptionHelpFormatter,
                       epilog="examples:\n  checker decide 3f9a1c0b2d4e5f60 --confirm --note 'NIS figure is older'\n"
                       "  checker decide 3f9a1c0b2d4e5f60 --dismiss --note 'different brigades'")
    p.add_argument("id", metavar="ID", help="conflict id, as printed by checker check (json: conflicts[].id)")
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--confirm", action="store_true", help="a real disagreement")
    group.add_argument("--dismiss", action="store_true", help="not a conflict (say why with --note)")
    group.add_argument("--undo", action="store_true", help="forget the decision: the conflict is new again")
    p.add_argument("--note", help="why; shown next to the conflict in check output and the review UI")
    p.add_argument("--decisions", type=Path, default=None, metavar="FILE")

    p = sub.add_parser("baseline", help="accept every current conflict so only new ones fail the check",
                       description="Record every conflict the reports hold now as confirmed with the note "
                       "'accepted by checker baseline', so that 'checker check' fails only on conflicts that "
                       "appear later. Existing decisions are kept.")
    p.add_argument("paths", nargs="*", metavar="PATH", help="reports (default: 'paths' from settings)")
    p.add_argument("--against", action="append", metavar="CORPUS", default=None,
                   help="standing corpus (repeatable); only conflicts involving PATHs")
    p.add_argument("--decisions", type=Path, default=None, metavar="FILE")
    _add_input_options(p)

    p = sub.add_parser("index", help="build or refresh the corpus index used by check --against",
                       description="Read and extract a standing corpus into the SQLite index (.checker/index.sqlite "
                       "by default). Only files that are new or whose content changed are read again, so running it "
                       "on every pipeline run is cheap.",
                       formatter_class=argparse.RawDescriptionHelpFormatter,
                       epilog="examples:\n  checker index corpus/\n  checker check --against corpus/ incoming/")
    p.add_argument("corpus", nargs="*", metavar="CORPUS", help="corpus folders or files (default: 'corpus' setting)")
    p.add_argument("--index", type=Path, default=None, metavar="FILE", help="index file (default: .checker/index.sqlite)")
    p.add_argument("--encoding", help="decode reports with this encoding instead of UTF-8")
    p.add_argument("--date", type=_date, metavar="YYYY-MM-DD", help="reference date for reports that carry none")

    p = sub.add_parser("review", help="judge each conflict in a terminal UI",
                       description="Open the review UI: every conflict with both passages side by side. "
                       "c confirm, d dismiss, n note, u undo, o open the document, / search, f filter, ? help, "
                       "q quit. Decisions are saved at once to the decisions file.")
    p.add_argument("paths", nargs="*", metavar="PATH", help="reports (default: 'paths' from settings)")
    p.add_argument("--against", action="append", metavar="CORPUS", default=None,
                   help="standing corpus (repeatable); only conflicts involving PATHs")
    p.add_argument("--decisions", type=Path, default=None, metavar="FILE")
    _add_input_options(p)

    p = sub.add_parser("diff", help="which facts changed between versions of a report",
                       description="Align versions of one report sentence by sentence and word by word, and list "
                       "the facts whose value, place, date, polarity, modality or source changed, plus facts added "
                       "and removed. With more than two versions (or --git), each version is compared with the one "
                       "before it; --timeline shows each fact's history instead.",
                       formatter_class=argparse.RawDescriptionHelpFormatter,
                       epilog="examples:\n  checker diff seeds/seoul-nis-briefing.md seeds/seoul-nis-briefing-updated.md\n"
                       "  checker diff v1.md v2.md v3.md --timeline\n  checker diff --git reports/briefing.md\n"
                       "  checker diff old.html new.html --format html > changes.html")
    p.add_argument("paths", nargs="*", metavar="VERSION", help="two or more versions, oldest first")
    p.add_argument("--git", metavar="FILE", help="compare the committed versions of FILE in git history")
    p.add_argument("--timeline", action="store_true", help="print each fact's values across all versions")
    p.add_argument("--format", choices=("text", "json", "html"), default="text")
    p.add_argument("--encoding", help="decode the versions with this encoding instead of UTF-8")
    p.add_argument("--date", type=_date, metavar="YYYY-MM-DD", help="reference date for versions that carry none")

    p = sub.add_parser("eval", help="precision and recall of check on a labelled folder of cases",
                       description="Run the comparison on every case file (*.toml) in DIR and report precision and "
                       "recall against the conflicts each case expects. The case format is in docs/eval-format.md.")
    p.add_argument("dir", metavar="DIR", help="folder of *.toml cases")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--verbose", "-v", action="store_true", help="list every missed and unexpected conflict")
    from checker.verify import cli as verify_cli  # checker verify and review --verify (issue 16)

    verify_cli.register(sub, _COMMANDS)
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
    }
    settings, _ = load_settings(overrides=overrides)
    return settings


@contextmanager
def _progress(enabled: bool, label: str) -> Iterator:
    """A rich progress bar on stderr for long runs; nothing when stderr is not a terminal."""
    if not enabled or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=None)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield update


def _warn(messages: Sequence[str]) -> None:
    for m in messages:
        print(f"checker: warning: {m}", file=sys.stderr)


def cmd_extract(args: argparse.Namespace) -> int:
    from checker.pipeline import date_from_neighbours, load_and_extract, undated_warnings
    from checker.report.assertions import write_assertions

    options = dict(encoding=args.encoding, strict=args.strict, reference_date=args.date, max_bytes=10_000_000)
    with _progress(True, "extracting") as progress:
        documents, extracted, problems = load_and_extract(args.paths, options, progress)
    notes: list[str] = []
    if args.date is None:
        documents, extracted, notes = date_from_neighbours(documents, extracted)
        notes += undated_warnings(documents)
    _warn([str(p) for p in problems] + notes)
    write_assertions(extracted, args.format, sys.stdout, color=_use_color(sys.stdout))
    return EXIT_OK


def _analyse(settings, args: argparse.Namespace, progress):
    """One run of the core with the settings and input flags of check, baseline and review."""
    from checker.pipeline import analyse

    return analyse(
        settings.paths,
        against=settings.corpus,
        index_path=settings.index,
        encoding=settings.encoding,
        strict=args.strict,
        reference_date=args.date,
        max_bytes=settings.max_bytes,
        tolerance=settings.numeric_tolerance,
        on_progress=progress,
    )


def cmd_check(args: argparse.Namespace) -> int:
    from checker.models import CheckResult, DecisionStatus, Severity
    from checker.report import write_report
    from checker.store.decisions import DecisionStore

    settings = _settings(args)
    if not settings.paths:
        raise ConfigError("no reports to check: name them (checker check reports/) or set 'paths' in [tool.checker]")
    with _progress(True, "checking") as progress:
        analysis = _analyse(settings, args, progress)
    _warn(analysis.warnings)
    decisions = DecisionStore(settings.decisions).load()
    threshold = Severity(settings.min_severity).rank
    shown = [c for c in analysis.conflicts if c.severity.rank >= threshold]
    result = CheckResult(documents=analysis.info(), conflicts=shown,
                         decisions={c.id: decisions[c.id] for c in shown if c.id in decisions})
    write_report(result, settings.format, sys.stdout, color=_use_color(sys.stdout), show_all=args.show_all)

    def status(cid: str) -> DecisionStatus:
        d = decisions.get(cid)
        return d.status if d else DecisionStatus.PENDING

    statuses = [status(c.id) for c in shown]
    failing = {
        "new": [s for s in statuses if s == DecisionStatus.PENDING],
        "confirmed": [s for s in statuses if s == DecisionStatus.CONFIRMED],
        "any": [s for s in statuses if s != DecisionStatus.DISMISSED],
        "none": [],
    }[settings.fail_on]
    return EXIT_CONFLICTS if failing else EXIT_OK


def cmd_eval(args: argparse.Namespace) -> int:
    from checker.evaluate import evaluate_folder, write_evaluation

    report = evaluate_folder(Path(args.dir))
    write_evaluation(report, args.format, sys.stdout, verbose=args.verbose)
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
            doc = read_document(path, encoding=args.encoding, reference_date=args.date)
            if doc is None:
                raise InputError(path, "is empty: nothing to compare")
            docs.append(doc)
    if len(docs) < 2:
        raise InputError(args.git or args.paths[0], "has only one version: nothing to compare")
    color = _use_color(sys.stdout)
    if args.timeline:
        if args.format == "html":
            raise ConfigError("--timeline prints text or json, not html")
        write_timeline(fact_timeline(docs), args.format, sys.stdout, color=color)
    else:
        write_diff(diff_history(docs), args.format, sys.stdout, color=color)
    return EXIT_OK


def cmd_index(args: argparse.Namespace) -> int:
    from checker.config import load_settings
    from checker.pipeline import build_index

    settings, _ = load_settings(overrides={"corpus": args.corpus or None, "index": args.index,
                                           "encoding": args.encoding})
    if not settings.corpus:
        raise ConfigError("no corpus: name it (checker index corpus/) or set 'corpus' in [tool.checker]")
    with _progress(True, "indexing") as progress:
        stats, warnings = build_index(settings.corpus, index_path=settings.index, encoding=settings.encoding,
                                      reference_date=args.date, max_bytes=settings.max_bytes, on_progress=progress)
    _warn(warnings)
    print(f"{settings.index}: {stats.added} added, {stats.updated} updated, {stats.unchanged} unchanged, "
          f"{stats.removed} removed")
    return EXIT_OK


def _who() -> str | None:
    return os.environ.get("CHECKER_USER") or os.environ.get("USER") or os.environ.get("USERNAME")


def cmd_decide(args: argparse.Namespace) -> int:
    from checker.models import Decision, DecisionStatus
    from checker.store.decisions import DecisionStore

    settings = _settings(args)
    store = DecisionStore(settings.decisions)
    if args.undo:
        removed = store.remove(args.id)
        print(f"{args.id}: {'decision removed' if removed else 'had no decision'}")
        return EXIT_OK
    status = DecisionStatus.CONFIRMED if args.confirm else DecisionStatus.DISMISSED
    store.record(Decision(id=args.id, status=status, note=args.note,
                          decided_at=dt.datetime.now(dt.timezone.utc).replace(microsecond=0), by=_who()))
    print(f"{args.id}: {status.value} ({settings.decisions})")
    return EXIT_OK


def cmd_baseline(args: argparse.Namespace) -> int:
    from checker.models import Decision, DecisionStatus
    from checker.store.decisions import DecisionStore

    settings = _settings(args)
    if not settings.paths:
        raise ConfigError("no reports: name them (checker baseline reports/) or set 'paths' in [tool.checker]")
    with _progress(True, "checking") as progress:
        analysis = _analyse(settings, args, progress)
    _warn(analysis.warnings)
    store = DecisionStore(settings.decisions)
    existing = store.load()
    now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    new = [Decision(id=c.id, status=DecisionStatus.CONFIRMED, note="accepted by checker baseline", decided_at=now,
                    by=_who()) for c in analysis.conflicts if c.id not in existing]
    store.record_many(new)
    print(f"baseline: {len(new)} conflicts accepted, {len(analysis.conflicts) - len(new)} already decided "
          f"({settings.decisions})")
    return EXIT_OK


def cmd_review(args: argparse.Namespace) -> int:
    from checker.store.decisions import DecisionStore
    from tui.app import make_app

    settings = _settings(args)
    if not settings.paths:
        raise ConfigError("no reports: name them (checker review reports/) or set 'paths' in [tool.checker]")
    store = DecisionStore(settings.decisions)
    store.load()  # a broken decisions file is reported before the screen opens

    def load(progress):
        return _analyse(settings, args, progress)

    app = make_app(load, store, analyst=_who())
    app.run()
    if app.load_error:
        raise app.load_error
    return app.return_code or EXIT_OK


_COMMANDS = {
    "extract": cmd_extract,
    "check": cmd_check,
    "decide": cmd_decide,
    "baseline": cmd_baseline,
    "review": cmd_review,
    "index": cmd_index,
    "diff": cmd_diff,
    "eval": cmd_eval,
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return EXIT_ERROR
    try:
        return _COMMANDS[args.command](args)
    except CheckerError as exc:
        print(f"checker: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("checker: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
