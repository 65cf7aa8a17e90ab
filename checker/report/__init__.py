"""Report writers: one findings list (a ``CheckResult``), many output formats.

Each writer formats what it is given and computes nothing about conflicts; all share the signature of
``write_report`` minus ``fmt``. Dismissed conflicts are left out unless ``show_all``; colour is the caller's
decision (``--color``/``NO_COLOR`` handling belongs to the CLI), and only the text format uses it.
"""

from __future__ import annotations

from typing import Protocol, TextIO

from checker.errors import ConfigError
from checker.models import CheckResult
from checker.report import github, junit, sarif, text
from checker.report import json as json_report


class Writer(Protocol):
    def __call__(self, result: CheckResult, stream: TextIO, *, color: bool = False, show_all: bool = False) -> None: ...


FORMATS: dict[str, Writer] = {
    "text": text.write,
    "json": json_report.write,
    "sarif": sarif.write,
    "github": github.write,
    "junit": junit.write,
}


def write_report(
    result: CheckResult,
    fmt: str,
    stream: TextIO,
    *,
    color: bool = False,
    show_all: bool = False,
    verbose: bool = False,
) -> None:
    """Write ``result`` to ``stream`` in format ``fmt`` (a key of ``FORMATS``). ``verbose`` is for the text format
    (both passages of each conflict under its line); the machine formats always carry everything."""
    try:
        writer = FORMATS[fmt]
    except KeyError:
        raise ConfigError(f"unknown output format {fmt!r}; choose one of: {', '.join(FORMATS)}") from None
    if fmt == "text":
        text.write(result, stream, color=color, show_all=show_all, verbose=verbose)
    else:
        writer(result, stream, color=color, show_all=show_all)


__all__ = ["FORMATS", "Writer", "write_report"]
