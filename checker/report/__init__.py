"""Report writers: one findings list (a ``CheckResult``), many output formats.

Each writer formats what it is given and computes nothing about conflicts; all share the signature of
``write_report`` minus ``fmt``. Dismissed conflicts are left out unless ``show_all``; colour is the caller's
decision (``--color``/``NO_COLOR`` handling belongs to the CLI), and only the text format uses it.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Protocol, TextIO

from checker.errors import ConfigError

if TYPE_CHECKING:
    from checker.models import CheckResult


class Writer(Protocol):
    def __call__(self, result: CheckResult, stream: TextIO, *, color: bool = False, show_all: bool = False) -> None: ...


# Format -> the module whose ``write`` writes it. A writer's module is imported when that format is written, so the
# command line does not load rich (text) or xml (junit) to print JSON, nor any writer to print --help.
_MODULES = {"text": "text", "json": "json", "sarif": "sarif", "github": "github", "junit": "junit"}


def _writer(fmt: str) -> Writer:
    return import_module(f"checker.report.{_MODULES[fmt]}").write


def __getattr__(name: str) -> dict[str, Writer]:
    """``FORMATS``: every writer by format, imported on first use."""
    if name == "FORMATS":
        formats = {fmt: _writer(fmt) for fmt in _MODULES}
        globals()["FORMATS"] = formats
        return formats
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
    if fmt not in _MODULES:
        raise ConfigError(f"unknown output format {fmt!r}; choose one of: {', '.join(_MODULES)}")
    writer = _writer(fmt)
    if fmt == "text":
        writer(result, stream, color=color, show_all=show_all, verbose=verbose)  # type: ignore[call-arg]
    else:
        writer(result, stream, color=color, show_all=show_all)


__all__ = ["FORMATS", "Writer", "write_report"]
