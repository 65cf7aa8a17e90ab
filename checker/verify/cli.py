"""``checker verify DRAFT... --against SOURCE...``: the I/O edge of verify (arguments, loading, output, exit code).

Drafts and sources are loaded and extracted exactly as ``checker check`` loads reports
(:func:`checker.pipeline.load_and_extract`), so formats, dates, warnings and input errors behave the same. Exit 0
when every checkable claim is supported, 1 when one is contradicted or unsupported (only contradicted with
``--fail-on contradicted``), 2 on bad input.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from contextlib import nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Collection, ContextManager, Sequence

if TYPE_CHECKING:
    from checker.models import ClaimVerdict, Document, DocumentAssertions
    from checker.pipeline import Progress

EXIT_OK, EXIT_FINDINGS = 0, 1

DESCRIPTION = """\
Check a draft (a summary, a briefing, a press release) against the reports it was written from. Every claim frame
of the draft (a figure, a date, a place, whether something happened) gets one status:

  supported     a source says the same, in other words or rounded: "nearly 11,000" by "10,900",
                "eleven thousand" by "11,000", "in Russia" by "in Kursk Oblast"
  contradicted  a source makes the same claim with a value that cannot also be true (numeric, date,
                location or polarity conflict, as in 'checker check')
  unsupported   no source says it: an invented figure, place, date or event
  unchecked     nothing to check: a question, a refusal to confirm, or an event told in other words
                whose sentence holds no name, figure, date, place or negation missing from the sources

Exit 0 when nothing is contradicted or unsupported, 1 otherwise (--fail-on contradicted: only when something is
contradicted), 2 on bad input (a missing or unreadable file, no sources). A claim a reviewer accepted by its id
(checker decide ID --confirm --note ...) is shown with the note and fails nothing.
"""

EPILOG = """\
examples:
  checker verify summary.md --against reports/
  checker verify briefing.txt --against wire1.txt wire2.html --format json
  checker verify draft.md --against sources/ --fail-on contradicted --format github
  checker verify draft.md --against sources/ --format sarif > verify.sarif
  checker index archive/ && checker verify draft.md --against .checker/index.sqlite   # a large standing corpus
  checker decide 3f9a1c0b2d4e5f60 --confirm --note 'sourced by phone call'   # accept a claim by its id

JSON output (version 1) is documented in docs/verify.md; its JSON Schema ships as
checker/data/verify-v1.schema.json.
"""

FORMATS = ("text", "json", "sarif", "github")


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date like 2024-11-25") from None


def _fraction(value: str) -> float:
    try:
        x = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number like 0.05") from None
    if not 0 <= x < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a fraction between 0 and 1")
    return x


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Register ``verify`` on the ``checker`` sub-command parsers."""
    p = subparsers.add_parser("verify", help="check a draft's claims against its sources",
                              description=DESCRIPTION, epilog=EPILOG,
                              formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("drafts", nargs="+", metavar="DRAFT", help="the draft(s) to check: files, folders, or - for stdin")
    p.add_argument("--against", action="extend", nargs="+", required=True, metavar="SOURCE",
                   help="source reports the draft was written from: files or folders, one or more (put it after "
                   "the drafts, or repeat it); or a corpus index (checker index CORPUS writes .checker/index.sqlite): "
                   "then only the indexed reports that share a subject and time window with the draft's claims are "
                   "read")
    p.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    p.add_argument("--fail-on", choices=("any", "contradicted", "none"), default="any",
                   help="which claims make the exit code 1: contradicted or unsupported (any, the default), "
                   "only contradicted, or none")
    p.add_argument("--decisions", type=Path, default=None, metavar="FILE",
                   help="decisions file (default: .checker/decisions.jsonl): a claim id with a decision on file "
                   "(checker decide ID --confirm --note 'sourced by phone call') is accepted and fails nothing")
    p.add_argument("--tolerance", type=_fraction, default=0.05, metavar="FRACTION",
                   help="relative rounding tolerance for numbers (default: 0.05; percentages: half a point)")
    p.add_argument("--encoding", help="decode files with this encoding instead of UTF-8 (e.g. cp1252)")
    p.add_argument("--date", type=_date, metavar="YYYY-MM-DD",
                   help="reference date for files that carry none (resolves 'on Monday', 'in June')")
    p.add_argument("--strict", action="store_true", help="stop at the first unreadable file instead of skipping it")
    p.add_argument("--quiet", "-q", action="store_true", help="no warnings and no progress bar")
    return p


def _use_color(stream) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return stream.isatty() and os.environ.get("TERM") != "dumb"


def verify_extracted(documents: Sequence[Document], extracted: Sequence[DocumentAssertions], n_drafts: int, *,
                     tolerance: float = 0.05, assumed: Collection[str] = ()) -> list[ClaimVerdict]:
    """The verdicts of the first ``n_drafts`` documents' claims against the rest, from what ``load_and_extract``
    read: every input the core takes (dates, the source documents, the sentences of sources and drafts), so that
    the command and the benchmark measure the same thing."""
    from checker.compare import CompareOptions
    from checker.verify.core import verify_claims

    return verify_claims(
        [a for x in extracted[:n_drafts] for a in x.assertions],
        [a for x in extracted[n_drafts:] for a in x.assertions],
        dates={d.path: d.date for d in documents},
        options=CompareOptions(tolerance=tolerance),
        documents=documents[n_drafts:],
        statements={x.path: x.statements for x in extracted[n_drafts:]},
        draft_statements={x.path: x.statements for x in extracted[:n_drafts]},
        assumed=frozenset(assumed),
    )


def verify_files(args: argparse.Namespace, on_progress: Progress | None = None):
    """Load and extract the drafts and the sources as ``check`` does, and verify: the report (without
    decisions), every document read (drafts first), and the warnings to print. ``on_progress`` follows the reading
    and extraction of the sources, the long part of a run."""
    from checker.errors import InputError
    from checker.models import DocumentInfo, VerifyReport
    from checker.pipeline import date_from_neighbours, load_and_extract, undated_warnings

    options = dict(encoding=args.encoding, strict=args.strict, reference_date=args.date, max_bytes=10_000_000)
    draft_docs, draft_found, problems = load_and_extract(args.drafts, options)
    draft_paths = {d.path for d in draft_docs}
    against, notes, from_index = _sources(args.against, draft_docs, draft_found)
    source_docs, source_found, source_problems = (load_and_extract(against, options, on_progress) if against
                                                  else ([], [], []))
    problems += source_problems
    kept = [(d, x) for d, x in zip(source_docs, source_found) if d.path not in draft_paths]
    # An index with nothing on the drafts' claims leaves them unsupported; given sources that leave none are bad input.
    if not kept and not from_index:
        raise InputError(args.against[0], "no source report left to check the draft against")
    source_docs, source_found = [d for d, _ in kept], [x for _, x in kept]
    warnings = notes + [str(p) for p in problems]
    documents, extracted = draft_docs + source_docs, draft_found + source_found
    assumed: list[str] = []
    if args.date is None:
        assumed = [d.path for d in draft_docs if d.date is None]
        documents, extracted, notes = date_from_neighbours(documents, extracted)
        warnings += notes + undated_warnings(documents)
    n = len(draft_docs)
    claims = verify_extracted(documents, extracted, n, tolerance=args.tolerance, assumed=assumed)

    def infos(docs) -> list[DocumentInfo]:
        return [DocumentInfo(path=d.path, title=d.title, source=d.source, date=d.date) for d in docs]

    report = VerifyReport(drafts=infos(documents[:n]), sources=infos(documents[n:]), claims=claims)
    return report, documents, warnings


def _sources(against: Sequence[str], drafts: Sequence[Document], found: Sequence[DocumentAssertions]
             ) -> tuple[list[str], list[str], bool]:
    """The source paths to read, warnings, and whether they come from an index: ``--against`` as given, or, when it
    names a corpus index (``checker index`` builds one; ``.checker/index.sqlite``), the indexed files that can speak
    of the drafts' claims."""
    from checker.errors import ConfigError

    from checker.store.header import is_index_file  # the index (and sqlite3) is loaded only when one is named

    indexes = [p for p in against if is_index_file(p)]
    if not indexes:
        return list(against), [], False
    from checker.pipeline import indexed_sources

    if len(indexes) > 1 or len(against) > 1:
        raise ConfigError(f"--against takes one index file ({indexes[0]}) or source files and folders, not both nor "
                          "several indexes")
    paths, warnings = indexed_sources(indexes[0], found, {d.path: d.date for d in drafts})
    if not paths:
        warnings.append(f"{indexes[0]}: no indexed report speaks of the drafts' claims")
    return paths, warnings, True


def run(args: argparse.Namespace, progress: Callable[[], ContextManager[Progress | None]] = nullcontext) -> int:
    """Load, verify, write; the exit code. Input problems raise ``CheckerError`` (the CLI prints them, exit 2).
    ``progress`` opens the progress bar the command draws while the sources are read (none by default)."""
    from checker.models import ClaimStatus
    from checker.store.decisions import DecisionStore
    from checker.verify.writers import write_verify

    with progress() as on_progress:
        report, _, warnings = verify_files(args, on_progress)
    decisions = DecisionStore(_decisions_path(args)).load()
    report = report.model_copy(update={"decisions": {c.id: decisions[c.id] for c in report.claims
                                                     if c.id in decisions}})
    for w in [] if args.quiet else warnings:
        print(f"checker: warning: {w}", file=sys.stderr)
    write_verify(report, args.format, sys.stdout, color=_use_color(sys.stdout))
    failing = {
        "any": (ClaimStatus.CONTRADICTED, ClaimStatus.UNSUPPORTED),
        "contradicted": (ClaimStatus.CONTRADICTED,),
        "none": (),
    }[args.fail_on]
    return EXIT_FINDINGS if any(c.status in failing and report.decision(c) is None for c in report.claims) else EXIT_OK


def _decisions_path(args: argparse.Namespace) -> Path:
    """--decisions, else the 'decisions' setting of [tool.checker] / checker.toml, as for check and review."""
    from checker.config import load_settings

    settings, _ = load_settings(overrides={"decisions": args.decisions})
    return settings.decisions


# ----------------------------------------------------------------------------------------------------- review


def run_review(args: argparse.Namespace) -> int:
    """``checker review --verify DRAFT --against SOURCES``: the verify review in the terminal UI."""
    from checker.errors import ConfigError
    from checker.store.decisions import DecisionStore
    from tui.verify import VerifyRun, make_verify_app

    if not args.against:
        raise ConfigError("review --verify needs the sources: --against SOURCE (files or folders)")
    if args.paths:
        raise ConfigError("review --verify takes the drafts with --verify, not as paths")
    store = DecisionStore(_decisions_path(args))
    store.load()  # a broken decisions file is reported before the screen opens
    options = argparse.Namespace(drafts=args.verify, against=args.against, encoding=args.encoding, date=args.date,
                                 strict=args.strict, tolerance=0.05)

    def load() -> VerifyRun:
        report, documents, _ = verify_files(options)
        return VerifyRun(report=report, documents={d.path: d for d in documents})

    app = make_verify_app(load, store, analyst=os.environ.get("CHECKER_USER") or os.environ.get("USER"))
    app.run()
    if app.load_error:
        raise app.load_error
    return app.return_code or EXIT_OK
