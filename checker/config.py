"""Project settings from ``checker.toml`` or ``pyproject.toml`` ``[tool.checker]``, overridden by command-line flags.

Where settings come from, nearest first: walking up from the current directory, the first folder holding a
``checker.toml``, or a ``pyproject.toml`` with a ``[tool.checker]`` table, wins (a ``pyproject.toml`` without one is
passed over, so a tool-less Python project inside a checker project still finds the outer settings). When one
folder holds both, ``checker.toml`` wins. Files are never merged: one file is the whole story, as with most tools.

``checker.toml`` holds its settings as top-level keys, with no table around them::

    paths = ["reports"]
    corpus = ["archive"]
    min_severity = "medium"
    fail_on = "confirmed"

``pyproject.toml`` holds the same keys under ``[tool.checker]``. Paths in a file (``paths``, ``corpus``,
``decisions``, ``index``) are relative to that file's folder, so the project behaves the same from any subfolder;
they come back relative to the current directory (absolute when written absolute, or on another drive).
Paths given as flags are relative to the current directory already and are left alone.
"""

from __future__ import annotations

import codecs
import difflib
import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from checker.errors import ConfigError

__all__ = ["CONFIG_FILE", "PYPROJECT_FILE", "Settings", "find_config", "load_settings"]

CONFIG_FILE = "checker.toml"
PYPROJECT_FILE = "pyproject.toml"


class Settings(BaseModel):
    """Everything a run can be configured with; the defaults are what a project without any file gets.

    Strict types: TOML already has real numbers, booleans and lists, so ``numeric_tolerance = "0.05"`` is far more
    likely a mistake than a wish, and is reported rather than coerced.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)

    paths: list[str] = Field(default_factory=list, description="Reports to check when none are named.")
    corpus: list[str] = Field(default_factory=list, description="Earlier reports to index and compare against.")
    decisions: Path = Field(default=Path(".checker/decisions.jsonl"), strict=False)
    index: Path = Field(default=Path(".checker/index.sqlite"), strict=False)
    min_severity: Literal["low", "medium", "high"] = "low"
    fail_on: Literal["new", "confirmed", "any", "none"] = "new"
    numeric_tolerance: float = Field(default=0.05, ge=0.0, le=1.0, description="Relative rounding tolerance.")
    format: Literal["text", "json", "sarif", "github", "junit"] = "text"
    encoding: str | None = Field(default=None, description="Encoding of reports; None means detect.")
    max_bytes: int = Field(default=10_000_000, gt=0, description="Largest report read, in bytes.")
    dask: str | None = Field(default=None, description="Dask scheduler for check: 'local', 'local:N' or an address.")

    @field_validator("encoding")
    @classmethod
    def _known_encoding(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                codecs.lookup(value)
            except LookupError:
                raise ValueError(f"unknown encoding {value!r}") from None
        return value


_FIELDS = tuple(Settings.model_fields)
_PATH_FIELDS = frozenset({"decisions", "index"})
_PATH_LIST_FIELDS = frozenset({"paths", "corpus"})


def _display(path: Path) -> str:
    """A config path as a person would type it: relative to the current directory when it is inside it."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as stream:
            return tomllib.load(stream)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{_display(path)}: not valid TOML: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"{_display(path)}: cannot read: {exc.strerror or exc}") from None


def _checker_table(path: Path) -> dict[str, Any] | None:
    """The settings table of a config file, or None for a ``pyproject.toml`` that does not configure checker."""
    data = _read_toml(path)
    if path.name != PYPROJECT_FILE:
        return data
    tool = data.get("tool")
    if not isinstance(tool, dict) or "checker" not in tool:
        return None
    table = tool["checker"]
    if not isinstance(table, dict):
        raise ConfigError(f"{_display(path)}: [tool.checker] must be a table, not {type(table).__name__}")
    return table


def find_config(start: Path | None = None) -> tuple[Path, dict[str, Any]] | None:
    """The nearest config file at or above ``start`` (default: the current directory) and its settings table."""
    folder = Path(os.path.abspath(start if start is not None else os.getcwd()))  # abspath also folds ".."
    if folder.is_file():
        folder = folder.parent
    for candidate in (folder, *folder.parents):
        for name in (CONFIG_FILE, PYPROJECT_FILE):
            path = candidate / name
            if path.is_file():
                table = _checker_table(path)
                if table is not None:
                    return path, table
    return None


def _resolve(value: str, base: Path) -> str:
    """A path written in a config file, made usable from the current directory."""
    expanded = os.path.expanduser(value)
    if os.path.isabs(expanded):
        return os.path.normpath(expanded)
    joined = os.path.normpath(os.path.join(base, expanded))
    try:
        return os.path.relpath(joined, os.getcwd())
    except ValueError:  # another drive on Windows
        return joined


def _unknown_key(key: str, where: str) -> ConfigError:
    close = difflib.get_close_matches(key, _FIELDS, n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    if key == "checker" and where.endswith(CONFIG_FILE):
        hint = f" ({CONFIG_FILE} takes its settings as top-level keys, without a [checker] table)"
    return ConfigError(f"{where}: unknown key '{key}'{hint}")


def _validation_error(exc: ValidationError, where: str, noun: str) -> ConfigError:
    """The first pydantic complaint, in the words of the file: which key, what it should be, what it was."""
    error = exc.errors(include_url=False)[0]
    loc = error["loc"]
    key = str(loc[0]) if loc else "?"
    for part in loc[1:]:
        key += f"[{part}]" if isinstance(part, int) else f".{part}"
    message = "should be a path (a string)" if error["type"] == "path_type" else str(error["msg"])
    message = message.removeprefix("Value error, ")
    message = message[:1].lower() + message[1:]
    got = error.get("input")
    shown = f", got {got!r}" if not isinstance(got, dict) and got is not None else ""
    if isinstance(got, bool):  # as the TOML file spells it
        shown = f", got {str(got).lower()}"
    if "unknown encoding" in message:
        shown = ""
    return ConfigError(f"{where}: {noun} '{key}': {message}{shown}")


def _from_file(path: Path, table: Mapping[str, Any]) -> dict[str, Any]:
    """Check a file's keys and turn its relative paths into paths from the current directory."""
    where = _display(path) + (" [tool.checker]" if path.name == PYPROJECT_FILE else "")
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key not in Settings.model_fields:
            raise _unknown_key(key, where)
        values[key] = value
    try:
        Settings.model_validate(values)  # types first, so a path list of numbers is a type error, not a crash
    except ValidationError as exc:
        raise _validation_error(exc, where, "key") from None
    base = path.parent
    for key in _PATH_FIELDS & values.keys():
        values[key] = _resolve(os.fspath(values[key]), base)
    for key in _PATH_LIST_FIELDS & values.keys():
        values[key] = [_resolve(item, base) for item in values[key]]
    return values


def _from_overrides(overrides: Mapping[str, object]) -> dict[str, Any]:
    """Flags that were given. None means "not given"; so does an empty path list, which is what argparse hands
    over for a ``nargs="*"`` argument nobody typed -- otherwise ``checker check`` alone would forget the file's paths.
    """
    values: dict[str, Any] = {}
    for key, value in overrides.items():
        if key not in Settings.model_fields:
            raise _unknown_key(key, "options")
        if value is None:
            continue
        if key in _PATH_LIST_FIELDS:
            if isinstance(value, (str, os.PathLike)):
                value = [value]
            value = [os.fspath(item) if isinstance(item, os.PathLike) else item for item in value]  # type: ignore
            if not value:
                continue
        values[key] = value
    return values


def load_settings(
    start: Path | None = None, overrides: Mapping[str, object] | None = None
) -> tuple[Settings, Path | None]:
    """The settings for a run and the file they came from (None when no file applies).

    ``start`` is where the search begins (default: the current directory). ``overrides`` are command-line values
    by setting name; they replace the file's values (lists are replaced, not extended).
    """
    found = find_config(start)
    values: dict[str, Any] = {}
    path: Path | None = None
    if found is not None:
        path, table = found
        values.update(_from_file(path, table))
    values.update(_from_overrides(overrides or {}))
    try:
        settings = Settings.model_validate(values)
    except ValidationError as exc:
        raise _validation_error(exc, "options", "option") from None
    return settings, path
