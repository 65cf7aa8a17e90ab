"""The decisions file: analysts' verdicts on conflict ids, as JSON lines that diff and merge well.

One record per line, sorted by conflict id, keys always in the same order, so two analysts deciding different
conflicts produce changes git can merge line by line. Writes are read-merge-write under an exclusive lock on a
sibling ``<name>.lock`` file and land by atomic rename, so the review UI and ``checker decide`` running at the same
time never lose each other's decisions and a crash never leaves half a file. A file a person has broken by hand is
reported with its line number and never overwritten: it may hold decisions nobody else has a copy of.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import difflib
import json
import os
import secrets
from collections.abc import Iterable, Iterator
from enum import StrEnum
from pathlib import Path

from checker.errors import DecisionsError
from checker.models import Decision, DecisionStatus

try:  # POSIX
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]
    import msvcrt

__all__ = ["BASELINE_NOTE", "DecisionStore", "ReviewStatus", "default_decisions_path", "dumps_decision",
           "review_status"]

BASELINE_NOTE = "accepted by checker baseline"
"""The note ``checker baseline`` records with each decision; it marks the decision as part of the baseline."""


class ReviewStatus(StrEnum):
    """The one status vocabulary every output uses (text, JSON, SARIF, GitHub, JUnit, the review UI).

    ``new``: nobody has decided; ``baselined``: accepted by ``checker baseline``; ``confirmed``: an analyst says
    it is a real disagreement; ``dismissed``: an analyst says it is not a conflict.
    """

    NEW = "new"
    BASELINED = "baselined"
    CONFIRMED = "confirmed"
    DISMISSED = "dismissed"

    @property
    def reviewed(self) -> bool:
        return self is not ReviewStatus.NEW


def review_status(decision: Decision | None) -> ReviewStatus:
    """The review status of a conflict from its decision (``None``: no decision on file)."""
    if decision is None or decision.status is DecisionStatus.PENDING:
        return ReviewStatus.NEW
    if decision.status is DecisionStatus.DISMISSED:
        return ReviewStatus.DISMISSED
    if decision.note == BASELINE_NOTE:
        return ReviewStatus.BASELINED
    return ReviewStatus.CONFIRMED

_KEYS = ("id", "status", "note", "decided_at", "by")
_OPTIONAL_TEXT = ("note", "by")
_STATUSES = tuple(s.value for s in DecisionStatus)
_CONFLICT_MARKERS = (b"<<<<<<<", b"=======", b">>>>>>>", b"|||||||")


def default_decisions_path(root: Path) -> Path:
    """Where a project keeps its decisions unless configured otherwise: next to the index, inside ``.checker``."""
    return Path(root) / ".checker" / "decisions.jsonl"


def _format_time(value: dt.datetime) -> str:
    """UTC with a ``Z`` when the time knows its zone, so every analyst's clock writes the same text."""
    if value.tzinfo is not None and value.utcoffset() is not None:
        try:
            value = value.astimezone(dt.timezone.utc).replace(tzinfo=None)
        except OverflowError:  # "0001-01-01T00:30+01:00" has no UTC time in the calendar: kept with its offset
            return value.isoformat()
        suffix = "Z"
    else:  # a naive time is written as given rather than guessing its zone
        suffix = ""
    timespec = "seconds" if value.microsecond == 0 else "microseconds"
    return value.isoformat(timespec=timespec) + suffix


def dumps_decision(decision: Decision) -> str:
    """One decision as its line in the file (without the newline); keys in one order, absent fields left out."""
    record: dict[str, str] = {"id": decision.id, "status": decision.status.value}
    if decision.note is not None:
        record["note"] = decision.note
    if decision.decided_at is not None:
        record["decided_at"] = _format_time(decision.decided_at)
    if decision.by is not None:
        record["by"] = decision.by
    text = json.dumps(record, ensure_ascii=False, separators=(", ", ": "))
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate cannot be UTF-8; the \\u escape round-trips it
        text = json.dumps(record, ensure_ascii=True, separators=(", ", ": "))
    return text


def _serialise(decisions: dict[str, Decision]) -> bytes:
    return "".join(dumps_decision(decisions[key]) + "\n" for key in sorted(decisions)).encode("utf-8")


def _reject_duplicate_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    record: dict[str, object] = {}
    for key, value in pairs:
        if key in record:
            raise _LineProblem(f"key '{key}' appears twice in one record")
        record[key] = value
    return record


class _LineProblem(ValueError):
    """What is wrong with one line; ``_parse`` adds the file and line number."""


def _suggest(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _decode_record(raw: bytes) -> Decision:
    """One non-blank line -> a Decision, or ``_LineProblem`` saying in a person's words what is wrong."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _LineProblem(f"not valid UTF-8 (byte {exc.start + 1})") from None
    try:
        record = json.loads(text, object_pairs_hook=_reject_duplicate_keys)
    except json.JSONDecodeError as exc:
        raise _LineProblem(f"not valid JSON: {exc.msg} (column {exc.colno})") from None
    if not isinstance(record, dict):
        raise _LineProblem(f"expected a JSON object, found {type(record).__name__}")
    for key in record:
        if key not in _KEYS:
            raise _LineProblem(f"unknown key '{key}'{_suggest(key, _KEYS)}")
    conflict_id = record.get("id")
    if not isinstance(conflict_id, str) or not conflict_id.strip():
        if conflict_id is None:
            raise _LineProblem("missing id")
        raise _LineProblem(f"id must be a non-empty string, not {conflict_id!r}")
    status = record.get("status")
    if status is None:
        raise _LineProblem(f"missing status for id {conflict_id}")
    if status not in _STATUSES:
        expected = ", ".join(_STATUSES)
        hint = _suggest(status, _STATUSES) if isinstance(status, str) else ""
        raise _LineProblem(f"unknown status {status!r}{hint}; expected one of {expected}")
    for key in _OPTIONAL_TEXT:
        if record.get(key) is not None and not isinstance(record[key], str):
            raise _LineProblem(f"{key} must be a string, not {record[key]!r}")
    decided_at = record.get("decided_at")
    if decided_at is not None:
        if not isinstance(decided_at, str):
            raise _LineProblem(f"decided_at must be a string, not {decided_at!r}")
        try:
            decided_at = dt.datetime.fromisoformat(decided_at)
        except ValueError:
            raise _LineProblem(f"decided_at {record['decided_at']!r} is not an ISO 8601 date-time") from None
    return Decision(
        id=conflict_id,
        status=DecisionStatus(status),
        note=record.get("note"),
        decided_at=decided_at,
        by=record.get("by"),
    )


def _parse(data: bytes, path: str) -> dict[str, Decision]:
    """The whole file -> decisions by id; the first problem raises ``DecisionsError`` with its line number."""
    if data.startswith(b"\xef\xbb\xbf"):  # some editors on Windows add a byte-order mark
        data = data[3:]
    decisions: dict[str, Decision] = {}
    first_line: dict[str, int] = {}
    # Split on "\n" only: str.splitlines() would also break on U+2028 and friends, which JSON leaves unescaped.
    for number, raw in enumerate(data.split(b"\n"), start=1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith(_CONFLICT_MARKERS):
            raise DecisionsError(path, "unresolved merge conflict marker; resolve the merge by hand", number)
        try:
            decision = _decode_record(line)
        except _LineProblem as exc:
            raise DecisionsError(path, str(exc), number) from None
        if decision.id in decisions:
            raise DecisionsError(
                path, f"duplicate id {decision.id} (first on line {first_line[decision.id]})", number
            )
        decisions[decision.id] = decision
        first_line[decision.id] = number
    return decisions


class DecisionStore:
    """Reads and updates one decisions file; every method goes to disk, so several processes can share it.

    Nothing is cached between calls: the file is small, and a cached copy would be exactly how one process
    overwrites another's decisions.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    def __repr__(self) -> str:
        return f"DecisionStore({str(self.path)!r})"

    # ------------------------------------------------------------------------------------------------ reading

    def load(self) -> dict[str, Decision]:
        """All decisions by conflict id; ``{}`` when the file does not exist yet."""
        return self._read(self.path)

    def _read(self, path: Path) -> dict[str, Decision]:
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return {}
        except IsADirectoryError:
            raise DecisionsError(str(self.path), "is a directory, not a decisions file") from None
        except OSError as exc:
            raise DecisionsError(str(self.path), f"cannot read: {exc.strerror or exc}") from None
        return _parse(data, str(self.path))

    # ------------------------------------------------------------------------------------------------ writing

    def record(self, decision: Decision) -> None:
        """Add or replace the decision for ``decision.id``."""
        self.record_many((decision,))

    def record_many(self, decisions: Iterable[Decision]) -> None:
        """Add or replace several decisions in one locked write (a bulk action in the UI is one change)."""
        incoming = list(decisions)
        for decision in incoming:
            if not isinstance(decision, Decision):
                raise TypeError(f"expected Decision, got {type(decision).__name__}")
            if not decision.id.strip():
                raise DecisionsError(str(self.path), "cannot record a decision with an empty id")
        if not incoming:
            return
        with self._locked() as target:
            current = self._read(target)
            for decision in incoming:
                current[decision.id] = decision
            self._write(target, current)

    def remove(self, conflict_id: str) -> Decision | None:
        """Forget the decision for ``conflict_id`` (undo in the UI); returns what was removed, if anything."""
        if not self.path.exists():
            return None
        with self._locked() as target:
            current = self._read(target)
            removed = current.pop(conflict_id, None)
            if removed is not None:
                self._write(target, current)
        return removed

    @contextlib.contextmanager
    def _locked(self) -> Iterator[Path]:
        """Hold the exclusive lock; yields the real file to write (a symlinked file keeps its link)."""
        target = Path(os.path.realpath(self.path))
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(target.with_name(target.name + ".lock"), os.O_RDWR | os.O_CREAT, 0o666)
        except OSError as exc:
            raise DecisionsError(str(self.path), f"cannot create lock file: {exc.strerror or exc}") from None
        try:
            _lock(fd)
            try:
                yield target
            finally:
                _unlock(fd)
        finally:
            # The lock file stays: deleting it would let a waiting process lock a file nobody else can see.
            os.close(fd)

    def _write(self, target: Path, decisions: dict[str, Decision]) -> None:
        """Atomic replace: temp file in the same folder, fsync, rename, fsync the folder."""
        data = _serialise(decisions)
        try:
            if target.read_bytes() == data:
                return  # nothing changed; leave the file and its timestamp alone
        except OSError:
            pass
        folder = target.parent
        temp = folder / f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp"
        try:
            # 0o666 lets the umask decide, as for any file the user creates; an existing file keeps its mode.
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
            try:
                with contextlib.suppress(OSError):
                    os.chmod(temp, target.stat().st_mode & 0o7777)
                view = memoryview(data)
                while view:
                    view = view[os.write(fd, view) :]
                os.fsync(fd)
            finally:
                os.close(fd)
            os.replace(temp, target)
        except OSError as exc:
            with contextlib.suppress(OSError):
                temp.unlink()
            raise DecisionsError(str(self.path), f"cannot write: {exc.strerror or exc}") from None
        _fsync_directory(folder)


def _lock(fd: int) -> None:
    if fcntl is not None:
        fcntl.flock(fd, fcntl.LOCK_EX)
    else:  # pragma: no cover - Windows: LK_LOCK retries for about ten seconds, so keep asking
        while True:
            try:
                msvcrt.locking(fd, msvcrt.LK_LOCK, 1)
                return
            except OSError:
                continue


def _unlock(fd: int) -> None:
    if fcntl is not None:
        fcntl.flock(fd, fcntl.LOCK_UN)
    else:  # pragma: no cover - Windows
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)


def _fsync_directory(folder: Path) -> None:
    """Make the rename itself durable; not possible (nor needed) on every platform, so failures are ignored."""
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
