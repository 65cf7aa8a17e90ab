"""The corpus index: a SQLite cache of every corpus report's assertions, so a standing corpus is extracted once.

Checking one new report against a hundred thousand old ones should cost the new report, not the corpus. So the
index keeps, per file, its size and modification time, a SHA-256 of its decoded text (``Document.raw``, what
extraction sees before parsing) and the assertions extracted from it:

- ``sync`` trusts size and modification time: a file whose size and mtime are those stored is not read at all;
  one whose size or mtime changed is read and hashed, and extracted again only if its text changed. A file
  modified within ``_RACY_NS`` of being hashed is hashed again next time (a change in the same clock tick as the
  hash would otherwise go unseen). Given the folder walk's own ``stat`` of each file (``Listing``), it looks at
  no file again: an unchanged corpus costs one ``stat`` per file per run, and one query for all stored sizes
  and mtimes. Tools that change a file's bytes but restore its size and mtime (``rsync -t`` onto a file of the
  same length, say) are not noticed; ``checker index`` after ``rm .checker/index.sqlite`` is.
- Files are keyed by their normalised absolute path (``os.path.abspath``), so ``corpus/`` and ``/srv/corpus/``
  are one corpus; results name each file as the last ``sync`` or ``refresh`` spelled it.
- A file's assertions are one zlib-compressed JSON blob (``claims``), its evidence stored as offsets into the
  stretch of the report text the claims cover (the text once, not a sentence per claim); a ``blocks`` table
  (head word, leading word, attribute -> file) is what a check looks up, so ``assertions_for`` reads only the
  files with a claim in the incoming report's blocks, and ``nearest`` only the ``NEAREST`` files on either side
  of each incoming report in time, per block and attribute (the comparison meets at most 12 claims a side): a
  subject in thousands of reports costs a check what a rare one does. A ``names`` table counts in how many files
  each name appears, so the comparison's "common name" rule sees the whole corpus without reading it.

It is a cache: a schema from another checker version is dropped and rebuilt with a warning, assertions from
another extractor version are dropped and rebuilt, rather than migrated. A file that is not a SQLite database at
all is never overwritten -- it may be something else the user pointed at by mistake -- and is reported as a
``CheckerError`` naming it. An index of ours that SQLite finds damaged (flipped bytes, the right version with the
wrong columns: any ``sqlite3.DatabaseError``) is deleted and rebuilt, with a warning in ``warnings``; a full disk
or a lock held too long is a ``CheckerError``.

The index is only as trustworthy as where it came from (docs/security.md): each file's row keeps the number of
its assertions and block entries and a SHA-256 of its blob, checked when the blob is read; a blob that no longer
matches (edited behind checker's back) makes that file be extracted again, with a warning. Every ``sync`` also
compares the number of blobs and block entries with the totals the file rows promise (two counts, no reading), so
deleted or forged rows are found and the files concerned extracted again. That catches damage and careless edits,
not a forger who recomputes the digests: never restore an index cached from an untrusted branch.

Paths are stored as given; one that is not valid UTF-8 (a file name decoded with surrogate escapes) is stored as
``\\x00`` plus the hex of its bytes, since SQLite text must be UTF-8.

One connection, WAL journal (readers do not block the writer), every write in one ``BEGIN IMMEDIATE`` transaction
so a crash or Ctrl-C leaves the previous state, and a busy timeout so two runs on one index wait for each other.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import hashlib
import json
import os
import sqlite3
import stat as stat_mode
import time
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from checker import __version__
from checker.compare.align import family, members
from checker.compare.engine import NEIGHBOURS, common_name_limit
from checker.errors import CheckerError, InputError
from checker.ingest import decode, read_bytes
from checker.ingest.files import paused_gc
from checker.ingest.limits import DEFAULT_MAX_BYTES, replace_surrogates
from checker.store.header import APPLICATION_ID, is_index_file
from pydantic import BaseModel

from checker.models import (
    Assertion,
    Document,
    DocumentAssertions,
    DocumentInfo,
    Event,
    Place,
    Quantity,
    TimeRange,
)

__all__ = [
    "SCHEMA_VERSION",
    "CorpusIndex",
    "IndexedFile",
    "Listing",
    "NEAREST",
    "Probe",
    "RefreshStats",
    "blocking_keys",
    "content_hash",
    "default_index_path",
    "extractor_version",
    "is_index_file",
]

# Bump whenever the tables below change: an index with another number is dropped and rebuilt (it is only a cache).
# 4: files keyed by absolute path with size/mtime; claims as one compressed blob per file; blocks and names tables.
# A block entry carries its file's date ('' for none), so a check reads only the files in its time window.
# 5: block entries ordered by (head, lead, attribute, date): the files nearest in time to a date are a range scan.
SCHEMA_VERSION = 5
_BUSY_MS = 10_000
# Documents extracted per batch: each batch commits on its own, so an interrupted first index keeps its progress.
_BATCH = 1000
# A file modified less than this long before it was hashed is hashed again on the next sync, whatever its mtime
# says: file systems with coarse timestamps (FAT: 2 s) would hide a second write in the same tick.
_RACY_NS = 2_000_000_000
# Rows asked for per query with ``IN (...)`` (SQLite allows 32,766 variables; fewer keeps statements cheap).
_CHUNK = 500
# ``CorpusIndex.nearest``: files read per incoming report, block, attribute and side in time. The comparison lines a
# claim up with at most ``NEIGHBOURS`` (12) claims on either side of it in date order; twice that many files leaves
# room for files whose entry in a block holds claims the comparison blocks apart (another verb or measure).
NEAREST = 2 * NEIGHBOURS
_UNDATED = "\uffff"  # sorts after every ISO date: where the comparison puts reports without a date

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE files (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    path TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    mtime_ns INTEGER,
    hashed_ns INTEGER NOT NULL,
    encoding TEXT NOT NULL,
    title TEXT,
    date TEXT,
    source TEXT,
    countries TEXT NOT NULL,
    names TEXT NOT NULL,
    n_assertions INTEGER NOT NULL,
    n_blocks INTEGER NOT NULL,
    claims_sha256 TEXT NOT NULL
);
CREATE INDEX files_by_sha256 ON files (sha256);
CREATE TABLE claims (file INTEGER PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE blocks (
    head TEXT NOT NULL,
    lead TEXT NOT NULL,
    date TEXT NOT NULL,
    attribute TEXT NOT NULL,
    file INTEGER NOT NULL,
    PRIMARY KEY (head, lead, attribute, date, file)
) WITHOUT ROWID;
CREATE TABLE names (name TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
CREATE INDEX names_by_count ON names (n);
"""
_TABLES = ("meta", "files", "claims", "blocks", "names")
_COLUMNS = {
    "meta": ["key", "value"],
    "files": [
        "id", "key", "path", "sha256", "size", "mtime_ns", "hashed_ns", "encoding", "title", "date", "source",
        "countries", "names", "n_assertions", "n_blocks", "claims_sha256",
    ],
    "claims": ["file", "data"],
    "blocks": ["head", "lead", "date", "attribute", "file"],
    "names": ["name", "n"],
}
_RAW_PATH = "\x00"  # prefix of a stored path that was not valid UTF-8 (hex of its bytes follows)
_SPANS = ("evidence", "value_span")

Extract = Callable[[Sequence[Document]], list[DocumentAssertions]]
_T = TypeVar("_T")
Progress = Callable[[int, int], None]


def default_index_path(root: Path) -> Path:
    """Where a project keeps its index unless configured otherwise: next to the decisions, inside ``.checker``."""
    return Path(root) / ".checker" / "index.sqlite"


@functools.cache
def extractor_version() -> str:
    """checker's version plus a digest of the code and data that turn a file into assertions.

    A development checkout changes the extractor without bumping the version; hashing its sources (ingest,
    extract, data: about 1.5 MB, ~10 ms once per process) makes any such change invalidate cached assertions.
    """
    package = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for sub in ("ingest", "extract", "data"):
        for path in sorted((package / sub).rglob("*")):
            if path.suffix in (".py", ".json") and path.is_file():
                digest.update(path.relative_to(package).as_posix().encode())
                digest.update(path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:12]}"


def content_hash(raw: str) -> str:
    """SHA-256 of a report's decoded text: the same whether computed from a ``Document`` or from the file's bytes."""
    return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()


def _key(path: str) -> str:
    """``path`` as stored: itself, or (not encodable as UTF-8) ``\\x00`` plus the hex of its bytes."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return _RAW_PATH + path.encode("utf-8", "surrogatepass").hex()
    return path


def _path(key: str) -> str:
    """The path a stored key stands for (the inverse of ``_key``)."""
    if key.startswith(_RAW_PATH):
        return bytes.fromhex(key[len(_RAW_PATH) :]).decode("utf-8", "surrogatepass")
    return key


def _norm(path: str) -> str:
    """The key a file is indexed under: its normalised absolute path (``corpus/a.txt`` and ``./corpus/a.txt``
    and ``/home/me/corpus/a.txt`` are one file), stored as ``_key`` stores paths."""
    return _normaliser()(path)


def _normaliser() -> Callable[[str], str]:
    """``_norm`` with the working folder looked up once: a sync normalises every corpus path.

    ``os.path.normpath`` is pure Python before 3.12 and most of the cost of keying 100,000 paths; a POSIX path with
    no ``.`` or empty part (no ``//``, no part starting with a dot, no trailing ``/``) below a working folder that is
    itself normal is already what it would return, so it is joined without it."""
    cwd = os.path.join(os.getcwd(), "")
    normpath, isabs = os.path.normpath, os.path.isabs
    posix = os.sep == "/" and os.altsep is None
    plain_cwd = posix and normpath(cwd) + "/" in (cwd, "//")

    def norm(path: str) -> str:
        if plain_cwd and "/." not in path and "//" not in path and not path.startswith(".") and path[-1:] != "/":
            full = path if path[:1] == "/" else cwd + path
        else:
            full = normpath(path if isabs(path) else cwd + path)
        return full if full.isascii() else _key(full)

    return norm


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _is_full(exc: sqlite3.Error) -> bool:
    return getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL or "disk is full" in str(exc)


def _is_busy(exc: sqlite3.Error) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    return code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) or "locked" in str(exc)


def _block_of(subject_key: str) -> tuple[str, str]:
    """(head word, leading word) of a subject key: the comparison only ever merges keys that share both
    (``checker.compare.align.canonical_keys``), so fetching by them cannot miss a block-mate of a new claim."""
    words = subject_key.split()
    if not words:
        return "", ""
    return words[-1], words[0] if len(words) > 1 else ""


def blocking_keys(assertions: Iterable[Assertion]) -> set[tuple[str, str]]:
    """The (subject_key, attribute) pairs of some assertions: what to pass to ``CorpusIndex.assertions_for``."""
    return {(a.subject_key, a.attribute) for a in assertions}


# ------------------------------------------------------------------------------------------- the claims blob


def _fields(model: type[BaseModel]) -> tuple[str, ...]:
    return tuple(model.model_fields)


# A claim is stored as the list of its field values in this order (no key names: most of a claim's JSON was them).
_CLAIM_FIELDS = tuple(f for f in _fields(Assertion) if f != "path")
_VALUE_FIELDS = {model.model_fields["type"].default: _fields(model) for model in (Quantity, Place, TimeRange, Event)}
# Written into the index's meta: blobs packed with other field lists are dropped, not misread.
_PACKING = hashlib.sha256(repr((_CLAIM_FIELDS, sorted(_VALUE_FIELDS.items()))).encode()).hexdigest()[:12]


def _pack(raw: str, assertions: Sequence[Assertion]) -> tuple[bytes, set[tuple[str, str, str]]]:
    """One file's assertions as a compressed blob, and the (head, lead, attribute) blocks they fall into.

    Each assertion is the list of its field values (``_CLAIM_FIELDS``, without ``path``: the file row has it; the
    value and time as the lists of theirs). A span whose text is the report's text at its offsets is stored as
    ``[start, end, line, column]``, and the text once, as the stretch from the first to the last such span
    (``base`` is where it starts); a value's text that is its span's is left out (``null``). A span that does not
    match the text (never seen, but cheap to allow) keeps its text.
    """
    matching = [s for a in assertions for s in (a.evidence, a.value_span) if raw[s.start : s.end] == s.text]
    base = min((s.start for s in matching), default=0)
    end = max((s.end for s in matching), default=0)
    claims = []
    blocks = set()
    for a in assertions:
        data = a.model_dump(mode="json", exclude={"path"})
        for name in _SPANS:
            s = getattr(a, name)
            if raw[s.start : s.end] == s.text:
                data[name] = [s.start, s.end, s.line, s.column]
        value = data["value"]
        if value["text"] == a.value_span.text and isinstance(data["value_span"], list):
            value["text"] = None
        data["value"] = list(value.values())
        if data["time"] is not None:
            data["time"] = list(data["time"].values())
        claims.append([data[f] for f in _CLAIM_FIELDS])
        blocks.add((*_block_of(a.subject_key), a.attribute))
    text = json.dumps([base, raw[base:end], claims], ensure_ascii=False, separators=(",", ":"))
    return zlib.compress(text.encode("utf-8", "surrogatepass"), 6), blocks


def _unpack(data: bytes) -> tuple[int, str, list[dict[str, Any]]]:
    """(base, text, claims as dicts of field values) of a blob written by ``_pack``; ``ValueError`` for one that
    is not."""
    try:
        base, text, rows = json.loads(zlib.decompress(data).decode("utf-8", "surrogatepass"))
        claims = []
        for row in rows:
            if len(row) != len(_CLAIM_FIELDS):
                raise ValueError("a claim of another shape")
            claims.append(dict(zip(_CLAIM_FIELDS, row)))
        return int(base), str(text), claims
    except (zlib.error, UnicodeDecodeError, json.JSONDecodeError, TypeError) as exc:
        raise ValueError(str(exc)) from None


def _claim(data: dict[str, Any], base: int, text: str, path: str) -> Assertion:
    data = dict(data)
    for name in _SPANS:
        span = data[name]
        if isinstance(span, list):
            start, end, line, column = span
            data[name] = {"start": start, "end": end, "line": line, "column": column,
                          "text": text[start - base : end - base]}
    value = dict(zip(_VALUE_FIELDS[data["value"][0]], data["value"]))
    if value["text"] is None:
        value["text"] = data["value_span"]["text"]
    data["value"] = value
    if data["time"] is not None:
        data["time"] = dict(zip(_VALUE_FIELDS["time"], data["time"]))
    data["path"] = path
    return Assertion.model_validate(data)


def _claim_block(data: dict[str, Any]) -> tuple[str, str, str]:
    return (*_block_of(data["subject_key"]), data["attribute"])


@dataclass(frozen=True)
class RefreshStats:
    """What one ``refresh`` did, by file."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0

    @property
    def extracted(self) -> int:
        return self.added + self.updated


@dataclass(frozen=True)
class IndexedFile:
    """What the comparison needs to know of an indexed file besides its claims (``CorpusIndex.files_for``)."""

    path: str
    date: dt.date | None
    countries: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Probe:
    """An incoming report as ``CorpusIndex.nearest`` places it among the corpus: its path as the comparison will
    name it, its date, and the (subject_key, attribute) pairs of its claims (``blocking_keys``)."""

    path: str
    date: dt.date | None
    keys: frozenset[tuple[str, str]]


@dataclass(frozen=True)
class Listing:
    """What a folder walk saw of the corpus files (``discover(stats=...)``): each file's ``stat`` by path, and
    the time (``time.time_ns``) taken before the walk began, which a file row stores as when it was looked at."""

    stats: Mapping[str, os.stat_result]
    at_ns: int


@dataclass(frozen=True)
class _Seen:
    """A file's size and mtime, and when we looked (before reading it): what a file row stores to trust them."""

    size: int
    mtime_ns: int
    at_ns: int


def _stat(path: str) -> os.stat_result | None:
    try:
        return os.stat(path)
    except (OSError, ValueError):  # stdin, a file gone since it was listed, a name the OS refuses
        return None


class CorpusIndex:
    """An index file of corpus assertions; open it, ``refresh`` it with the corpus, then query it.

    ``version`` identifies the extractor (``extractor_version()`` by default): assertions written by another one
    are thrown away on open, because a better extractor must not be hidden behind a stale cache.
    """

    def __init__(self, path: Path, *, version: str | None = None) -> None:
        self.path = Path(path)
        self.version = version if version is not None else extractor_version()
        self.warnings: list[str] = []
        # What the last ``sync`` was given, so that damage found while reading can be repaired by re-extracting.
        self._loader: tuple[Callable[[list[str]], Sequence[Document]], Extract] | None = None
        self._files: list[str] = []
        # How this run spells each indexed file (key -> path as given), and what ``stale`` saw of the files it
        # found stale, so that writing them stores the size and mtime from before they were read.
        self._spelled: dict[str, str] = {}
        self._keys: dict[str, str] = {}  # the other way round, for the paths the last ``stale`` looked at
        self._seen: dict[str, _Seen] = {}
        # The key of each file a read returned claims of, by the path it was shown as: ``files_for`` looks rows up
        # by it, so an index read without a ``sync`` (paths as stored, maybe relative to another folder) still works.
        self._read_keys: dict[str, str] = {}
        # Whether opening this index threw its contents away (another schema or extractor, damage): an index that
        # a check reads as it stands (``check --against INDEX``) must then be built again, not read empty.
        self.emptied = False
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CheckerError(f"{self.path}: cannot create its folder ({exc.strerror or exc})") from None
        self._connect()

    # ------------------------------------------------------------------------------------------- lifecycle

    def _connect(self, *, retry: bool = True) -> None:
        try:
            self._conn = sqlite3.connect(self.path, isolation_level=None, timeout=_BUSY_MS / 1000)
        except sqlite3.Error as exc:
            raise self._error(exc) from None
        try:
            self._open()
        except sqlite3.DatabaseError as exc:
            self._conn.close()
            if retry and self._damaged(exc) and self._ours_on_disk():
                self._rebuild(exc, reconnect=False)
                self._connect(retry=False)
                return
            raise self._error(exc) from None
        except BaseException:
            self._conn.close()
            raise

    def _damaged(self, exc: sqlite3.Error) -> bool:
        """Whether ``exc`` means the database is damaged (rebuild it), not that the disk is full or it is busy."""
        return isinstance(exc, sqlite3.DatabaseError) and not (_is_full(exc) or _is_busy(exc))

    def _ours_on_disk(self) -> bool:
        """Whether the file's SQLite header carries checker's application id: a damaged index of ours is rebuilt,
        anything else is left alone."""
        return is_index_file(self.path)

    def _rebuild(self, exc: Exception, *, reconnect: bool = True) -> None:
        """Delete a damaged index of ours (and its WAL files) and start an empty one, saying so in ``warnings``."""
        if reconnect:
            try:
                self._conn.close()
            except sqlite3.Error:
                pass
        self.warnings.append(f"{self.path}: the index was damaged ({exc}); rebuilt from the corpus")
        self.emptied = True
        for suffix in ("", "-wal", "-shm", "-journal"):
            try:
                os.unlink(f"{self.path}{suffix}")
            except FileNotFoundError:
                pass
            except OSError as err:
                raise CheckerError(f"{self.path}: damaged and cannot be deleted ({err.strerror or err})") from None
        if reconnect:
            self._connect(retry=False)

    def _error(self, exc: Exception) -> CheckerError:
        text = str(exc)
        if isinstance(exc, sqlite3.Error) and _is_full(exc):
            reason = "the disk is full; free some space and run again (the index keeps its last complete state)"
        elif isinstance(exc, sqlite3.Error) and _is_busy(exc):
            reason = f"the index is locked by another checker run for over {_BUSY_MS // 1000} s; try again"
        elif "not a database" in text or "malformed" in text or "encrypted" in text:
            reason = "is not a readable checker index (the file is damaged or not SQLite); delete it to rebuild"
        else:
            reason = f"the index cannot be used ({text})"
        return CheckerError(f"{self.path}: {reason}")

    def _header(self) -> tuple[int, set[str]]:
        """(schema version, table names); raises ``CheckerError`` for a SQLite file that is not ours."""
        conn = self._conn
        user_version = conn.execute("PRAGMA user_version").fetchone()[0]
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if tables and app_id != APPLICATION_ID:
            raise CheckerError(
                f"{self.path}: is a SQLite database but not a checker index; "
                "point the index setting elsewhere or delete the file"
            )
        return user_version, tables

    def _columns_match(self) -> bool:
        for table, columns in _COLUMNS.items():
            found = [row[1] for row in self._conn.execute(f"PRAGMA table_info({table})")]
            if found != columns:
                return False
        return True

    def _open(self) -> None:
        conn = self._conn
        conn.execute(f"PRAGMA busy_timeout = {_BUSY_MS}")
        self._header()  # a non-database file fails here, before anything is written to it
        # Claim blobs are 1-2 KB: 8 KB pages hold five of them where 4 KB pages hold two (a new file only).
        conn.execute("PRAGMA page_size = 8192")
        conn.execute("PRAGMA journal_mode = WAL")  # cannot change inside a transaction
        conn.execute("PRAGMA synchronous = NORMAL")
        if self._current():
            return  # nothing to create or clear: no write lock taken, so a check reads while ``checker index`` writes
        # Looked at again under the write lock: another run may be creating or clearing the same index right now.
        with self._transaction():
            user_version, tables = self._header()
            if not tables:
                self._create(tables)
                return
            self.emptied = True
            if user_version != SCHEMA_VERSION:
                self.warnings.append(
                    f"{self.path}: the index was written by another version of checker (index format "
                    f"{user_version}, this one reads {SCHEMA_VERSION}); rebuilt from the corpus"
                )
                self._create(tables)
            elif not self._columns_match():
                self.warnings.append(f"{self.path}: the index's tables are not as written; rebuilt from the corpus")
                self._create(tables)
            elif self._meta("extractor") != self.version or self._meta("packing") != _PACKING:
                self._empty()
                conn.execute("INSERT OR REPLACE INTO meta VALUES ('extractor', ?)", (self.version,))
                conn.execute("INSERT OR REPLACE INTO meta VALUES ('packing', ?)", (_PACKING,))
            else:
                self.emptied = False

    def _current(self) -> bool:
        """Whether the index as last committed is of this schema, these columns, this extractor and packing."""
        user_version, tables = self._header()
        return (
            bool(tables) and user_version == SCHEMA_VERSION and self._columns_match()
            and self._meta("extractor") == self.version and self._meta("packing") == _PACKING
        )

    def _create(self, old_tables: set[str]) -> None:
        # Every table of an older schema goes, not just the ones this schema also has (they are all ours: the
        # application id was checked).
        for table in sorted(old_tables):
            if not table.startswith("sqlite_"):
                self._conn.execute(f'DROP TABLE IF EXISTS "{table}"')
        for statement in _SCHEMA.split(";"):
            if statement.strip():
                self._conn.execute(statement)
        self._conn.execute("INSERT INTO meta VALUES ('extractor', ?)", (self.version,))
        self._conn.execute("INSERT INTO meta VALUES ('packing', ?)", (_PACKING,))
        self._conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        self._conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def _empty(self) -> None:
        for table in ("files", "claims", "blocks", "names"):
            self._conn.execute(f"DELETE FROM {table}")

    def _guarded(self, action: Callable[[], _T], redo: Callable[[], None] | None = None) -> _T:
        """Run ``action``; if SQLite finds the index damaged, rebuild it, run ``redo`` (re-sync) and try once more.
        A full disk or a lock is a ``CheckerError``, never a traceback."""
        try:
            return action()
        except sqlite3.DatabaseError as exc:
            if not self._damaged(exc):
                raise self._error(exc) from None
            self._rebuild(exc)
            if redo is not None:
                redo()
        try:
            return action()
        except sqlite3.DatabaseError as exc:
            raise self._error(exc) from None

    def _meta(self, key: str) -> str | None:
        row = self._conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield
            self._conn.execute("COMMIT")
        except BaseException:
            if self._conn.in_transaction:  # SQLite may have rolled back already (a full disk does)
                try:
                    self._conn.execute("ROLLBACK")
                except sqlite3.Error:
                    pass
            raise

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> CorpusIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------------------------------- freshness

    def _shown(self, key: str, stored: str) -> str:
        """The path to show for a file: as this run spelled it, else as it was spelled when written."""
        return self._spelled.get(key) or _path(stored)

    def hashes(self) -> dict[str, str]:
        """Content hash of every indexed file, by path."""
        return self._guarded(
            lambda: {self._shown(k, p): v for k, p, v in self._conn.execute("SELECT key, path, sha256 FROM files")}
        )

    def needs(self, hashes: Mapping[str, str]) -> set[str]:
        """Which of ``hashes`` (path -> ``content_hash``) are new or changed since they were indexed."""
        stored = dict(self._conn.execute("SELECT key, sha256 FROM files"))
        return {path for path, digest in hashes.items() if stored.get(_norm(path)) != digest}

    def stale(
        self,
        paths: Iterable[str],
        *,
        encoding: str | None = None,
        max_bytes: int = DEFAULT_MAX_BYTES,
        listing: Listing | None = None,
    ) -> list[str]:
        """Which report files must be loaded and extracted again; the rest are unchanged since indexed.

        A file whose size and modification time are those stored (and whose stored hash was taken well after that
        time, see ``_RACY_NS``) is not read. Any other is read and hashed as ``load_documents`` would read it
        (regular files of at most ``max_bytes``); if its text is what was indexed, its new size and mtime are
        stored and it is not stale. A file that cannot be read or decoded counts as stale, so that loading it
        reports the problem. Pass the paths not returned as ``keep`` to ``refresh``. ``listing`` holds the
        ``stat`` a folder walk already took of (some of) the paths, and when (``Listing``): those are not looked at
        again.
        """
        return self._guarded(lambda: self._stale(list(paths), encoding, max_bytes, listing))

    def _stale(
        self, paths: list[str], encoding: str | None, max_bytes: int, listing: Listing | None = None
    ) -> list[str]:
        label = encoding or ""
        # One query for the whole corpus, of the files whose stored size and mtime can be trusted as they are
        # (hashed well after their mtime, with this encoding): a file whose stat matches is unchanged. The rest of
        # a row is read only for the files that fail that test, which are few unless the corpus changed.
        trusted = {
            key: (size, mtime_ns)
            for key, size, mtime_ns in self._conn.execute(
                "SELECT key, size, mtime_ns FROM files WHERE encoding = ? AND mtime_ns < hashed_ns - ?",
                (label, _RACY_NS),
            )
        }
        norm = _normaliser()
        self._keys = keys = {}
        spelled = self._spelled
        listed = listing.stats if listing is not None else {}
        listed_ns = listing.at_ns if listing is not None else 0
        is_regular = stat_mode.S_ISREG
        verdicts: list[tuple[str, str, _Seen | None]] = []  # (path, key, what was seen) of files not trusted
        for path in paths:
            key = norm(path)
            spelled[key] = path
            keys[path] = key
            st = listed.get(path)
            if st is not None:
                now = listed_ns  # taken before the walk began: earlier than this stat, as it must be
            else:
                now = time.time_ns()  # before the stat: a write after it makes the stored mtime older than the file
                st = _stat(path)
            if st is None or not is_regular(st.st_mode) or st.st_size > max_bytes:
                verdicts.append((path, key, None))
            elif trusted.get(key) != (st.st_size, st.st_mtime_ns):
                verdicts.append((path, key, _Seen(st.st_size, st.st_mtime_ns, now)))
        looked = [key for _, key, seen in verdicts if seen is not None]
        rows = {key: (fid, digest) for key, _, fid, digest in self._file_rows(looked, "f.id, f.sha256")}
        out: list[str] = []
        confirmed: list[tuple[int, int, int, str, int]] = []
        for path, key, seen in verdicts:
            if seen is None:
                out.append(path)
                continue
            row = rows.get(key)
            if row is None:
                self._seen[key] = seen
                out.append(path)
                continue
            fid, digest = row
            try:
                found = content_hash(replace_surrogates(decode(path, read_bytes(path, max_bytes), encoding)))
            except (OSError, InputError):
                out.append(path)
                continue
            if found == digest:
                confirmed.append((seen.size, seen.mtime_ns, seen.at_ns, label, fid))
            else:
                self._seen[key] = seen
                out.append(path)
        if confirmed:
            with self._transaction():
                self._conn.executemany(
                    "UPDATE files SET size = ?, mtime_ns = ?, hashed_ns = ?, encoding = ? WHERE id = ?", confirmed
                )
        return out

    def damaged(self, paths: Iterable[str] | None = None) -> list[str]:
        """Indexed files whose claims blob no longer matches the digest and count written with it (all files, or
        those of ``paths``): edited behind checker's back, or damaged on disk."""
        keys = None if paths is None else [_norm(p) for p in paths]
        out = []
        for key, stored, count, digest, data in self._file_rows(keys, "f.n_assertions, f.claims_sha256, c.data"):
            if self._unpacked(data, count, digest) is None:
                out.append(self._shown(key, stored))
        return sorted(out)

    def _unpacked(self, data: bytes | None, count: int, digest: str) -> tuple[int, str, list[dict]] | None:
        """A blob's contents if it is the one the file row describes, else None."""
        if data is None or _digest(data) != digest:
            return None
        try:
            base, text, claims = _unpack(data)
        except ValueError:
            return None
        return (base, text, claims) if len(claims) == count else None

    def _file_rows(self, keys: Sequence[str] | None, columns: str, where: str = "", args: tuple = ()) -> Iterator:
        """``key, path`` and ``columns`` of the files of ``keys`` (all files when None), their blob as ``c.data``."""
        query = f"SELECT f.key, f.path, {columns} FROM files f LEFT JOIN claims c ON c.file = f.id"
        if keys is None:
            yield from self._conn.execute(query + (f" WHERE {where}" if where else ""), args)
            return
        for start in range(0, len(keys), _CHUNK):
            chunk = keys[start : start + _CHUNK]
            marks = ",".join("?" * len(chunk))
            yield from self._conn.execute(
                f"{query} WHERE f.key IN ({marks})" + (f" AND {where}" if where else ""), (*chunk, *args)
            )

    def _miscounted(self) -> list[str]:
        """Files whose blob or block entries are missing, or that lost or gained block entries behind checker's
        back; block entries and blobs of no indexed file are deleted. Costs two counts when nothing is wrong."""
        conn = self._conn
        promised = conn.execute("SELECT COUNT(*), COALESCE(SUM(n_blocks), 0) FROM files").fetchone()
        found = (conn.execute("SELECT COUNT(*) FROM claims").fetchone()[0],
                 conn.execute("SELECT COUNT(*) FROM blocks").fetchone()[0])
        if tuple(promised) == found:
            return []
        counts = dict(conn.execute("SELECT file, COUNT(*) FROM blocks GROUP BY file"))
        blobs = {fid for (fid,) in conn.execute("SELECT file FROM claims")}
        out = []
        ids = set()
        for fid, key, path, n_blocks in conn.execute("SELECT id, key, path, n_blocks FROM files"):
            ids.add(fid)
            if counts.get(fid, 0) != n_blocks or fid not in blobs:
                out.append(self._shown(key, path))
        orphans = [(fid,) for fid in (set(counts) | blobs) - ids]
        if orphans:
            with self._transaction():
                conn.executemany("DELETE FROM blocks WHERE file = ?", orphans)
                conn.executemany("DELETE FROM claims WHERE file = ?", orphans)
            if not out:
                self.warnings.append(f"{self.path}: rows of files the index never held were found and dropped")
        return out

    # ------------------------------------------------------------------------------------------- writing

    def refresh(
        self,
        documents: Sequence[Document],
        extract: Extract,
        on_progress: Progress | None = None,
        *,
        keep: Iterable[str] = (),
        batch: int = _BATCH,
        encoding: str | None = None,
    ) -> RefreshStats:
        """Bring the index in line with the corpus: ``documents`` plus the paths in ``keep`` are the whole of it.

        Only documents that are new, or whose text or date changed, are passed to ``extract`` (in batches, each
        committed on its own); rows of indexed files that are neither among ``documents`` nor in ``keep`` are
        deleted. ``keep`` names files known unchanged that were not loaded (see ``stale``); they count as
        unchanged. ``on_progress(done, total)`` counts documents extracted and written. ``encoding`` is the one
        the documents were decoded with (a later ``stale`` with another one hashes them again).
        """
        # Every stored key (one column: a check against 100,000 files reads no digests), and the digest and date of
        # the documents given, which are few unless the index is being built.
        stored = {key for (key,) in self._conn.execute("SELECT key FROM files")}
        todo: list[tuple[Document, str, str]] = []
        seen: set[str] = set()
        added = updated = unchanged = 0
        norm = _normaliser()
        given: list[tuple[Document, str]] = []
        for doc in documents:
            key = norm(doc.path)
            if key in seen:
                continue
            seen.add(key)
            self._spelled[key] = doc.path
            given.append((doc, key))
        held = {
            key: (digest, date)
            for key, _, digest, date in self._file_rows([k for _, k in given if k in stored], "f.sha256, f.date")
        } if given else {}
        for doc, key in given:
            digest = content_hash(doc.raw)
            old = held.get(key)
            if old is None:
                added += 1
            elif old != (digest, doc.date.isoformat() if doc.date else None):
                updated += 1
            else:
                unchanged += 1
                continue
            todo.append((doc, key, digest))
        kept = 0
        known = self._keys
        spelled = self._spelled
        for path in keep:
            key = known.get(path) or norm(path)
            if key in stored and key not in seen:
                seen.add(key)
                spelled[key] = path
                kept += 1
        unchanged += kept
        gone = [key for key in stored if key not in seen]
        if gone:
            with self._transaction():
                self._delete(gone)
        total = len(todo)
        if on_progress:
            on_progress(0, total)
        for start in range(0, total, max(1, batch)):
            chunk = todo[start : start + max(1, batch)]
            # A report already indexed under another path (same text, date and kind of file: a wire story
            # filed twice, a copied folder) takes that file's claims instead of being extracted again.
            firsts: dict[tuple, int] = {}
            plans: list[tuple[Document, str, str, int | tuple]] = []
            unique: list[Document] = []
            for doc, key, digest in chunk:
                twin = (digest, doc.date.isoformat() if doc.date else None, os.path.splitext(key)[1].lower())
                if twin in firsts:
                    plans.append((doc, key, digest, firsts[twin]))
                    continue
                donor = self._donor(twin)
                if donor is not None:
                    plans.append((doc, key, digest, donor))
                    continue
                firsts[twin] = len(unique)
                plans.append((doc, key, digest, len(unique)))
                unique.append(doc)
            results = extract(unique) if unique else []
            if len(results) != len(unique):
                raise CheckerError(f"{self.path}: extraction returned {len(results)} results for {len(unique)} reports")
            with self._transaction():
                for doc, key, digest, source in plans:
                    if isinstance(source, int):
                        self._write(doc, key, digest, results[source], encoding)
                    else:
                        self._store(doc, key, digest, encoding, *source)
            if on_progress:
                on_progress(start + len(chunk), total)
        return RefreshStats(added=added, updated=updated, unchanged=unchanged, removed=len(gone))

    def sync(
        self,
        files: Sequence[str],
        load: Callable[[list[str]], Sequence[Document]],
        extract: Extract,
        on_progress: Progress | None = None,
        *,
        encoding: str | None = None,
        max_bytes: int = DEFAULT_MAX_BYTES,
        listing: Listing | None = None,
    ) -> RefreshStats:
        """``refresh`` for a corpus given as report files: only new and changed files are loaded and extracted.

        ``files`` is the whole corpus (as file discovery spells the paths); ``load`` turns the stale ones into
        documents (``load_documents`` with the caller's options, keeping its problems for warnings). An unchanged
        corpus of a hundred thousand files costs one ``stat`` per file and no reading at all; none when
        ``listing`` (see ``stale``) holds the ``stat`` file discovery took. Files whose rows
        were deleted or added behind checker's back count as stale (with a warning); a damaged index is rebuilt.
        """
        self._loader = (load, extract)
        self._files = list(files)

        def run() -> RefreshStats:
            with paused_gc():
                stale = self._stale(self._files, encoding, max_bytes, listing)
            fresh = set(self._files).difference(stale)
            tampered = [p for p in self._miscounted() if p in fresh]
            if tampered:
                self._warn_tampered(tampered)
                self._forget(tampered)
                stale += tampered
                fresh -= set(tampered)
            documents = load(stale) if stale else []
            return self.refresh(documents, extract, on_progress, keep=fresh, encoding=encoding)

        return self._guarded(run)

    def _warn_tampered(self, paths: Sequence[str]) -> None:
        shown = ", ".join(paths[:3]) + (f" and {len(paths) - 3} more" if len(paths) > 3 else "")
        self.warnings.append(
            f"{self.path}: the stored assertions of {shown} do not match their digest (edited or damaged); "
            "extracted again"
        )

    def _forget(self, paths: Sequence[str]) -> None:
        with self._transaction():
            self._delete([_norm(p) for p in paths])

    def _delete(self, keys: Sequence[str]) -> None:
        """Delete files by key: their row, blob, block entries and name counts."""
        conn = self._conn
        names: Counter[str] = Counter()
        for start in range(0, len(keys), _CHUNK):
            chunk = list(keys[start : start + _CHUNK])
            marks = ",".join("?" * len(chunk))
            rows = conn.execute(
                f"SELECT f.id, f.date, f.names, f.n_assertions, f.claims_sha256, c.data FROM files f "
                f"LEFT JOIN claims c ON c.file = f.id WHERE f.key IN ({marks})",
                chunk,
            ).fetchall()
            for fid, date, found, count, digest, data in rows:
                names.update(set(found.split()))
                unpacked = self._unpacked(data, count, digest)
                if unpacked is None:  # the blob does not say which blocks: look them all up (slow, and rare)
                    conn.execute("DELETE FROM blocks WHERE file = ?", (fid,))
                else:
                    conn.executemany(
                        "DELETE FROM blocks WHERE head = ? AND lead = ? AND date = ? AND attribute = ? AND file = ?",
                        [(head, lead, date or "", attribute, fid)
                         for head, lead, attribute in {_claim_block(c) for c in unpacked[2]}],
                    )
                conn.execute("DELETE FROM claims WHERE file = ?", (fid,))
                conn.execute("DELETE FROM files WHERE id = ?", (fid,))
        if names:
            conn.executemany("UPDATE names SET n = n - ? WHERE name = ?", [(n, name) for name, n in names.items()])
            conn.execute("DELETE FROM names WHERE n <= 0")

    def _donor(self, twin: tuple[str, str | None, str]) -> tuple | None:
        """The stored claims of an indexed file with this (text digest, date, extension), as ``_store`` takes
        them, or None."""
        digest, date, extension = twin
        for key, countries, names, count, claims_digest, data in self._conn.execute(
            "SELECT f.key, f.countries, f.names, f.n_assertions, f.claims_sha256, c.data FROM files f "
            "JOIN claims c ON c.file = f.id WHERE f.sha256 = ? AND f.date IS ?",
            (digest, date),
        ):
            unpacked = self._unpacked(data, count, claims_digest)
            if os.path.splitext(key)[1].lower() == extension and unpacked is not None:
                blocks = {_claim_block(c) for c in unpacked[2]}
                return data, blocks, countries.split(), names.split(), count
        return None

    def _write(
        self, doc: Document, key: str, digest: str, result: DocumentAssertions, encoding: str | None = None
    ) -> None:
        data, blocks = _pack(doc.raw, result.assertions)
        self._store(doc, key, digest, encoding, data, blocks, result.countries, result.names, len(result.assertions))

    def _store(
        self,
        doc: Document,
        key: str,
        digest: str,
        encoding: str | None,
        data: bytes,
        blocks: set[tuple[str, str, str]],
        countries: Sequence[str],
        names: Sequence[str],
        count: int,
    ) -> None:
        self._delete([key])
        seen = self._seen.pop(key, None)
        if seen is None:  # not stat'ed before it was read: store no mtime, so the next sync hashes it once
            seen = _Seen(len(doc.raw.encode("utf-8", "surrogatepass")), -1, 0)
        date = doc.date.isoformat() if doc.date else None
        cursor = self._conn.execute(
            "INSERT INTO files (key, path, sha256, size, mtime_ns, hashed_ns, encoding, title, date, source,"
            " countries, names, n_assertions, n_blocks, claims_sha256)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                key, _key(doc.path), digest, seen.size, seen.mtime_ns, seen.at_ns, encoding or "", doc.title, date,
                doc.source, " ".join(countries), " ".join(names), count, len(blocks), _digest(data),
            ),
        )
        fid = cursor.lastrowid
        self._conn.execute("INSERT INTO claims (file, data) VALUES (?, ?)", (fid, data))
        self._conn.executemany(
            "INSERT INTO blocks VALUES (?, ?, ?, ?, ?)",
            [(head, lead, date or "", attribute, fid) for head, lead, attribute in blocks],
        )
        self._conn.executemany(
            "INSERT INTO names VALUES (?, 1) ON CONFLICT (name) DO UPDATE SET n = n + 1",
            [(n,) for n in sorted(set(names))],
        )

    def clear(self) -> None:
        """Forget every file (the next ``refresh`` extracts the whole corpus again)."""
        with self._transaction():
            self._empty()

    # ------------------------------------------------------------------------------------------- reading

    def assertions_for(
        self,
        keys: Iterable[tuple[str, str]] | None = None,
        *,
        exact: bool = False,
        between: tuple[dt.date, dt.date] | None = None,
    ) -> list[Assertion]:
        """Indexed assertions, in path then text order: all of them, or those in the blocks of ``keys``.

        ``keys`` are (subject_key, attribute) pairs, usually ``blocking_keys`` of the incoming reports. By default
        the answer is widened to what the comparison could line up with them -- subject keys sharing head and
        leading word (spelling variants merge there), and attributes of one refusal family ("can't confirm
        casualties" meets "500 killed") -- so asking the index gives the same conflicts as comparing everything.
        ``exact`` returns only the very pairs asked for. ``between`` keeps files dated in that range (and undated
        ones): the comparison never lines up reports further apart, so their claims need not even be read.
        Only the files with a claim in those blocks are read (the ``blocks`` table says which).
        """
        wanted = None if keys is None else set(keys)
        return self._guarded(lambda: self._assertions_for(wanted, exact=exact, between=between), self._resync)

    def _resync(self) -> None:
        """After a rebuild: extract the corpus of the last ``sync`` again (reads cannot be answered otherwise)."""
        if self._loader is None:
            raise CheckerError(f"{self.path}: the index was damaged and has been reset; run the command again")
        load, extract = self._loader
        self.refresh(load(self._files), extract)

    def _assertions_for(
        self,
        keys: set[tuple[str, str]] | None,
        *,
        exact: bool,
        between: tuple[dt.date, dt.date] | None,
    ) -> list[Assertion]:
        where, args = "", ()
        if between is not None:
            where, args = "(f.date IS NULL OR f.date BETWEEN ? AND ?)", (between[0].isoformat(), between[1].isoformat())
        if keys is None:
            rows = self._file_rows(None, "f.n_assertions, f.claims_sha256, c.data", where, args)
            accept: Callable[[dict[str, Any]], bool] = lambda claim: True  # noqa: E731
        else:
            if not keys:
                return []
            # (head, lead) -> the attribute families (or, exact, the (subject_key, attribute) pairs) asked for.
            wanted: dict[tuple[str, str], set] = defaultdict(set)
            for subject_key, attribute in keys:
                wanted[_block_of(subject_key)].add((subject_key, attribute) if exact else family(attribute))
            ids: set[int] = set()
            # Two range scans of the blocks' primary key per (head, lead): undated files, and those in the window.
            query = "SELECT attribute, file FROM blocks WHERE head = ? AND lead = ?"
            spans = [((), "")] if between is None else [((between[0].isoformat(), between[1].isoformat()),
                                                         " AND date BETWEEN ? AND ?"), (("",), " AND date = ?")]
            for (head, lead), asked in wanted.items():
                for extra, condition in spans:
                    for attribute, fid in self._conn.execute(query + condition, (head, lead, *extra)):
                        if exact or family(attribute) in asked:
                            ids.add(fid)
            if exact:
                def accept(claim: dict[str, Any]) -> bool:
                    return (claim["subject_key"], claim["attribute"]) in wanted.get(_block_of(claim["subject_key"]), ())
            else:
                def accept(claim: dict[str, Any]) -> bool:
                    return family(claim["attribute"]) in wanted.get(_block_of(claim["subject_key"]), ())
            rows = self._rows_by_id(sorted(ids), "", ())
        found = self._claims_of(rows, accept)
        if found is None:
            return self._assertions_for(keys, exact=exact, between=between)
        return found

    def _claims_of(self, rows: Iterable, accept: Callable[[dict[str, Any]], bool]) -> list[Assertion] | None:
        """The accepted claims of file rows (``key, path, n_assertions, claims_sha256, data``) in path then text
        order; None when a blob failed its digest (those files were repaired: ask again)."""
        found: list[tuple[str, int, Assertion]] = []
        bad: list[str] = []
        for key, stored, count, digest, data in rows:
            unpacked = self._unpacked(data, count, digest)
            path = self._shown(key, stored)
            if unpacked is None:
                bad.append(path)
                continue
            base, text, claims = unpacked
            self._read_keys[path] = key
            found.extend((path, i, _claim(c, base, text, path)) for i, c in enumerate(claims) if accept(c))
        if bad:
            self._repair(bad)
            return None
        found.sort(key=lambda item: (item[0], item[1]))
        return [a for _, _, a in found]

    def nearest(
        self,
        probes: Iterable[Probe],
        *,
        between: tuple[dt.date, dt.date] | None = None,
        per_side: int = NEAREST,
        exclude: Iterable[str] = (),
    ) -> list[Assertion]:
        """``assertions_for(keys, between=between)`` for the probes' keys, with every block capped in time: for each
        incoming report, block (head and leading word of a subject key) and attribute of the families asked for,
        only the ``per_side`` files just before the report and the ``per_side`` just after it in the comparison's
        order (date, then path; undated files last); in path then text order.

        The comparison lines a claim up with at most its 12 nearest block-mates on either side in that order
        (``engine.NEIGHBOURS``), so files further away could only meet the report through a refusal to confirm
        (which meets every claim of its subject) or through block-mates the cap leaves out (a block of the
        comparison is not exactly a block here): what a check reads stays bounded however common a subject is
        ("people killed" in 5,000 reports of one quarter), at that documented price. Each side is read from the
        ``blocks`` primary key a whole date at a time, nearest dates first, so the cost is the dates scanned, not
        the size of the block. Files at the paths in ``exclude`` (the incoming reports, when the index may hold them)
        are left out.
        """
        found = list(probes)
        skip = {_norm(p) for p in exclude}
        return self._guarded(lambda: self._nearest(found, between, per_side, skip), self._resync)

    def _nearest(
        self, probes: list[Probe], between: tuple[dt.date, dt.date] | None, per_side: int,
        skip: set[str] = frozenset(),  # type: ignore[assignment]
    ) -> list[Assertion]:
        wanted: dict[tuple[str, str], set[str]] = defaultdict(set)
        # Per (probe, block, attribute): the candidates as (date or _UNDATED, file id).
        lines: list[tuple[Probe, set[tuple[str, int]]]] = []
        for probe in probes:
            blocks: dict[tuple[str, str], set[str]] = defaultdict(set)
            for subject_key, attribute in probe.keys:
                blocks[_block_of(subject_key)].add(family(attribute))
            for block, families in blocks.items():
                wanted[block] |= families
                for attribute in sorted({a for f in families for a in members(f)}):
                    lines.append((probe, self._around(block, attribute, probe.date, between, per_side)))
        paths = self._paths({fid for _, line in lines for _, fid in line}, skip)
        ids: set[int] = set()
        for probe, line in lines:
            ordered = sorted((date, paths[fid], fid) for date, fid in line if fid in paths)
            at = bisect.bisect_left(ordered, (probe.date.isoformat() if probe.date else _UNDATED, probe.path))
            ids.update(fid for _, _, fid in ordered[max(0, at - per_side) : at + per_side])
        if not ids:
            return []

        def accept(claim: dict[str, Any]) -> bool:
            return family(claim["attribute"]) in wanted.get(_block_of(claim["subject_key"]), ())

        found = self._claims_of(self._rows_by_id(sorted(ids), "", ()), accept)
        return self._nearest(probes, between, per_side, skip) if found is None else found

    def _around(
        self,
        block: tuple[str, str],
        attribute: str,
        date: dt.date | None,
        between: tuple[dt.date, dt.date] | None,
        per_side: int,
    ) -> set[tuple[str, int]]:
        """(date or ``_UNDATED``, file id) of the block entries of one attribute nearest to ``date``: whole dates,
        nearest first, on each side until ``per_side`` files lie strictly before and after that date (within
        ``between``), and the undated files when the dated ones after it run out (the comparison puts them last).
        An undated report comes after every dated file: the latest dated files and the undated ones."""
        head, lead = block
        low, high = (between[0].isoformat(), between[1].isoformat()) if between else ("", _UNDATED)
        select = "SELECT date, file FROM blocks WHERE head = ? AND lead = ? AND attribute = ? AND date > '' AND "
        day = date.isoformat() if date else _UNDATED
        sides = [(select + "date BETWEEN ? AND ? ORDER BY date DESC", (low, min(day, high)))]
        if date is not None:
            sides.append((select + "date BETWEEN ? AND ? ORDER BY date", (max(day, low), high)))
        out: set[tuple[str, int]] = set()
        undated = date is None
        for later, (sql, bounds) in enumerate(sides):
            # Block entries are small: a date packed with reports is read whole (its files are ordered by path,
            # which the index does not hold), and only the files that end up nearest are read.
            beyond, last = 0, None
            cursor = self._conn.execute(sql, (head, lead, attribute, *bounds))
            for found, fid in cursor:
                if found != last and beyond >= per_side:
                    break
                last = found
                beyond += found != day
                out.add((found, fid))
            else:
                undated = undated or bool(later)  # the dated files after the report ran out
            cursor.close()
        if undated:
            out.update((_UNDATED, fid) for (fid,) in self._conn.execute(
                "SELECT file FROM blocks WHERE head = ? AND lead = ? AND attribute = ? AND date = ''",
                (head, lead, attribute),
            ))
        return out

    def _paths(self, ids: set[int], skip: set[str] = frozenset()) -> dict[int, str]:  # type: ignore[assignment]
        """Each file's path as the comparison will name it (``_shown``), by id; none for the keys in ``skip``."""
        out: dict[int, str] = {}
        ordered = sorted(ids)
        for start in range(0, len(ordered), _CHUNK):
            chunk = ordered[start : start + _CHUNK]
            for fid, key, stored in self._conn.execute(
                f"SELECT id, key, path FROM files WHERE id IN ({','.join('?' * len(chunk))})", chunk
            ):
                if key not in skip:
                    out[fid] = self._shown(key, stored)
        return out

    def _rows_by_id(self, ids: Sequence[int], where: str, args: tuple) -> Iterator:
        query = ("SELECT f.key, f.path, f.n_assertions, f.claims_sha256, c.data FROM files f "
                 "LEFT JOIN claims c ON c.file = f.id WHERE f.id IN ({})" + (f" AND {where}" if where else ""))
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            yield from self._conn.execute(query.format(",".join("?" * len(chunk))), (*chunk, *args))

    def _repair(self, paths: Sequence[str]) -> None:
        """Extract ``paths`` again (their blob failed the digest check), or drop them when this index was not
        synced in this run (then the next sync extracts them)."""
        if not paths:
            return
        self._warn_tampered(list(paths))
        self._forget(paths)
        if self._loader is None:
            return
        load, extract = self._loader
        files = set(self._files)
        try:
            documents = list(load([p for p in paths if p in files]))
        except CheckerError:  # none of them can be read now: their rows stay dropped
            return
        results = extract(documents)
        with self._transaction():
            for doc, result in zip(documents, results):
                self._write(doc, _norm(doc.path), content_hash(doc.raw), result)

    def files_for(self, paths: Iterable[str]) -> dict[str, IndexedFile]:
        """Date, countries and names of the indexed files among ``paths`` (those ``assertions_for`` returned
        claims of), for ``find_conflicts``: a check reads these rows only, not the corpus's."""
        def read() -> dict[str, IndexedFile]:
            out = {}
            known = self._read_keys
            for key, stored, date, countries, names in self._file_rows(
                [known.get(p) or _norm(p) for p in set(paths)], "f.date, f.countries, f.names"
            ):
                path = self._shown(key, stored)
                out[path] = IndexedFile(
                    path, dt.date.fromisoformat(date) if date else None, countries.split(), names.split()
                )
            return out

        return self._guarded(read, self._resync)

    def common_names(self, incoming: Mapping[str, Iterable[str]]) -> set[str]:
        """The names too common to tie reports to one story, counted over the indexed files plus ``incoming``
        (path -> names of reports not in the index): what ``find_conflicts(common_names=...)`` takes, so that a
        check against the index judges names as a comparison of the whole corpus would."""
        def read() -> set[str]:
            extra = Counter(name for found in incoming.values() for name in set(found))
            documents = len(self) + len(incoming)
            floor = common_name_limit(documents) - sum(1 for _ in incoming)
            counts = dict(self._conn.execute("SELECT name, n FROM names WHERE n > ?", (floor,)))
            for name, n in extra.items():
                if name not in counts:
                    row = self._conn.execute("SELECT n FROM names WHERE name = ?", (name,)).fetchone()
                    counts[name] = row[0] if row else 0
                counts[name] += n
            limit = common_name_limit(documents)
            return {name for name, n in counts.items() if n > limit}

        return self._guarded(read, self._resync)

    def documents(self) -> list[DocumentInfo]:
        """Every indexed file as reports and the review UI show it, sorted by path."""
        def read() -> list[DocumentInfo]:
            out = [
                DocumentInfo(
                    path=self._shown(key, stored), title=title, source=source,
                    date=dt.date.fromisoformat(date) if date else None,
                )
                for key, stored, title, source, date in self._conn.execute(
                    "SELECT key, path, title, source, date FROM files"
                )
            ]
            return sorted(out, key=lambda d: d.path)

        return self._guarded(read, self._resync)

    def dates(self) -> dict[str, dt.date | None]:
        """Each indexed file's reference date, for ``find_conflicts(dates=...)``."""
        return self._guarded(
            lambda: {
                self._shown(key, stored): dt.date.fromisoformat(date) if date else None
                for key, stored, date in self._conn.execute("SELECT key, path, date FROM files")
            },
            self._resync,
        )

    def contexts(self) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
        """Each indexed file's countries and names (``DocumentAssertions.countries``/``names``); ``files_for``
        gives the same for just the files a check needs."""
        def read() -> tuple[dict[str, list[str]], dict[str, list[str]]]:
            countries: dict[str, list[str]] = {}
            names: dict[str, list[str]] = {}
            for key, stored, c, n in self._conn.execute("SELECT key, path, countries, names FROM files"):
                path = self._shown(key, stored)
                countries[path] = c.split()
                names[path] = n.split()
            return countries, names

        return self._guarded(read, self._resync)

    def has_files(self) -> bool:
        """Whether any file is indexed (one row looked at, where ``len`` counts them all)."""
        return self._guarded(lambda: self._conn.execute("SELECT 1 FROM files LIMIT 1").fetchone() is not None)

    def __len__(self) -> int:
        return self._guarded(lambda: self._conn.execute("SELECT COUNT(*) FROM files").fetchone()[0], self._resync)
