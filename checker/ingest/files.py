"""Paths on the command line to ``Document``s: walking folders, reading files and stdin, decoding, and limits.

Offsets: ``Document.raw`` is the file decoded as read, with a leading byte-order mark removed, so offset 0 is the
first character after the BOM. Line endings are kept as they are (``\\r\\n`` stays two characters), so every
offset and line/column checker reports matches what an editor shows.

One unreadable file should not cost an analyst the other forty: unless ``strict``, a bad file becomes an
``InputProblem`` and the rest load. Only when nothing at all could be loaded is that an error. A gate must fail
closed, though: with ``allow_unreadable=False`` any report that cannot be read or decoded is an ``InputError``
(``LoadResult.unreadable`` lists them either way).

Nothing is read before it is known to be a regular file within the byte limit: a FIFO named ``*.txt``, a device
(a symlink to /dev/zero) or a 2 GB sparse file costs one ``stat``. A folder walk skips, with a warning, symlinks
that lead out of the folder given (``follow_symlinks=True`` allows them) and anything that is not a regular file.
"""

from __future__ import annotations

import codecs
import datetime as dt
import gc
import os
import re
import stat
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import BinaryIO, Literal

from checker.errors import InputError
from checker.ingest.document import EXTENSIONS, parse_document
from checker.ingest.limits import DEFAULT_MAX_BYTES
from checker.models import Document

STDIN = "-"
_SKIP_DIRS = frozenset((".checker", "__pycache__", "node_modules"))
# A folder of reports often carries its own README; project files are not reports (named explicitly, they load).
_NOT_REPORTS = re.compile(r"(?i)^(?:readme|license|licence|changelog|contributing|code_of_conduct)(?:\.[a-z]+)?$")
_SNIFF_BYTES = 8192
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\b\x1b\x0b")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF file; convert it to text first"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.odt document); save it as text first"),
    (b"\xd0\xcf\x11\xe0", "a legacy Office document; save it as text first"),
    (b"{\\rtf", "an RTF document; save it as text first"),
    (b"\x89PNG", "a PNG image, not a text report"),
    (b"\xff\xd8\xff", "a JPEG image, not a text report"),
    (b"GIF8", "a GIF image, not a text report"),
    (b"\x1f\x8b", "a gzip archive; decompress it first"),
)


@dataclass(frozen=True)
class InputProblem:
    """A path that could not be (fully) used; ``severity`` is "error" for a skipped bad file, else "warning"."""

    path: str
    reason: str
    severity: Literal["warning", "error"] = "error"

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass(frozen=True)
class LoadResult:
    """The documents that loaded, in command-line then walk order, and what went wrong with the rest."""

    documents: list[Document] = field(default_factory=list)
    problems: list[InputProblem] = field(default_factory=list)

    @property
    def unreadable(self) -> list[InputProblem]:
        """Reports that could not be read or decoded (missing, binary, undecodable, over the limit, not a regular
        file, hidden by an unclosed comment), each with its reason: what a gate must not pass over silently."""
        return [p for p in self.problems if p.severity == "error"]


# ------------------------------------------------------------------------------------------------ discovery


def _join(base: str, rel: str) -> str:
    """``seeds`` + ``a/b.txt`` -> ``seeds/a/b.txt``, keeping the path as the user wrote it (never absolute)."""
    if base in (".", "./"):
        return rel
    sep = "" if base.endswith(("/", os.sep)) else "/"
    return base + sep + rel


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def _extension(name: str) -> str:
    """``os.path.splitext(name)[1].lower()`` for a file name (no folder part), without its generality: this runs
    once per file of a corpus that may hold a hundred thousand."""
    dot = name.rfind(".")
    if dot <= 0 or name[0] == "." and not name[:dot].strip("."):
        return os.path.splitext(name)[1].lower()  # leading dots: splitext's own rules
    return name[dot:].lower()


def _walk(
    folder: str,
    problems: list[InputProblem] | None = None,
    follow_symlinks: bool = False,
    stats: dict[str, os.stat_result] | None = None,
) -> list[str]:
    """Reports under ``folder``, sorted by path parts; hidden folders and files, ``.checker/`` and READMEs skipped.

    A symlink (file or folder) whose target is outside ``folder`` is skipped with a warning unless
    ``follow_symlinks``; so is anything that is not a regular file (a FIFO, socket or device named like a report).

    One ``os.scandir`` per folder and one ``stat`` per report (``DirEntry`` knows names, kinds and links without
    asking the OS again); ``stats``, when given, receives each report's ``stat`` by the path returned, so that the
    corpus index compares sizes and modification times without looking at the files a second time. Folders are
    walked depth first in listing order, as ``os.walk`` does (it decides which spelling of a folder reached twice
    through symlinks is kept).
    """
    problems = problems if problems is not None else []
    root = os.path.realpath(folder)
    prefix = _join(folder, "")
    # Sorted by path parts: the relative path with "\x00" (in no file name) between parts sorts as the parts do.
    found: list[tuple[str, str, os.stat_result | None]] = []
    visited = {root}
    extensions = EXTENSIONS
    not_report = _NOT_REPORTS.match
    is_regular = stat.S_ISREG

    def skip(rel: str, reason: str) -> None:
        problems.append(InputProblem(prefix + rel, reason, "warning"))

    def is_dir(entry: os.DirEntry[str]) -> bool:
        try:
            return entry.is_dir()
        except OSError:
            return False

    # (folder path, its path relative to ``folder`` ending in "/", and the same as a sort key)
    stack: list[tuple[str, str, str]] = [(folder, "", "")]
    while stack:
        dirpath, rel_dir, key_dir = stack.pop()
        try:
            with os.scandir(dirpath) as it:
                entries = list(it)
        except OSError:
            continue  # as os.walk: a folder that cannot be listed is passed over
        subdirs: list[tuple[str, str, str]] = []
        for entry in entries:
            name = entry.name
            if name[:1] == "." or (not is_dir(entry) and _extension(name) not in extensions):
                continue  # hidden, or a file that is no report
            if is_dir(entry):
                if name in _SKIP_DIRS:
                    continue
                if entry.is_symlink():
                    target = os.path.realpath(entry.path)
                    if not follow_symlinks:
                        if not _inside(target, root):
                            skip(rel_dir + name, "is a symlink to a folder outside the folder given; "
                                 "skipped (allow with follow_symlinks)")
                        continue  # a link inside the folder: its files are reached the direct way
                    if target in visited:
                        continue  # a symlink loop, or a folder already walked
                    visited.add(target)
                subdirs.append((entry.path, rel_dir + name + "/", key_dir + name + "\x00"))
                continue
            if not_report(name):
                continue
            rel = rel_dir + name
            if not follow_symlinks and entry.is_symlink() and not _inside(os.path.realpath(entry.path), root):
                skip(rel, "is a symlink to a file outside the folder given; skipped (allow with follow_symlinks)")
                continue
            try:
                info: os.stat_result | None = entry.stat()
            except OSError:
                info = None  # a dangling link or a race: reading it reports the reason
            if info is not None and not is_regular(info.st_mode):
                skip(rel, "is not a regular file (a pipe, socket or device); skipped")
                continue
            found.append((key_dir + name, rel, info))
        stack.extend(reversed(subdirs))
    found.sort()
    out = [prefix + rel for _, rel, _ in found]
    if stats is not None:
        for path, (_, _, info) in zip(out, found):
            if info is not None:
                stats[path] = info
    return out


def _expand(
    path: str,
    problems: list[InputProblem] | None = None,
    follow_symlinks: bool = False,
    stats: dict[str, os.stat_result] | None = None,
) -> list[str]:
    """The files one command-line path stands for; raises ``InputError`` for a missing path or an empty folder.
    ``stats`` receives the ``stat`` of each file found in a folder walk (see ``_walk``)."""
    if path == STDIN:
        return [STDIN]
    if os.path.isdir(path):
        files = _walk(path, problems, follow_symlinks, stats)
        if not files:
            exts = " ".join(sorted(EXTENSIONS))
            raise InputError(path, f"no reports in this folder (looked for {exts})")
        return files
    if os.path.exists(path):
        return [path]
    raise InputError(path, "no such file or folder")


# ------------------------------------------------------------------------------------------------ reading


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def _limit_text(max_bytes: int) -> str:
    limit = max_bytes / 1_000_000
    return f"{limit:g} MB" if limit >= 1 else f"{max_bytes:,} bytes"


def _limit(size: int, max_bytes: int) -> str:
    return f"{_megabytes(size)} is over the {_limit_text(max_bytes)} limit"


def _read_bytes(path: str, max_bytes: int, stdin: BinaryIO | None) -> bytes:
    if path == STDIN:
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = stream.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise InputError(path, f"standard input is over the {_limit_text(max_bytes)} limit")
        return data
    return read_bytes(path, max_bytes)


def read_bytes(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of the report file ``path``; ``InputError`` for anything but a regular file of at most
    ``max_bytes``, found out before reading (opened non-blocking, so a FIFO cannot stall the open either)."""
    fd = -1
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(path, "is a folder")
        if not stat.S_ISREG(info.st_mode):
            raise InputError(path, "is not a regular file (a pipe, socket or device), not a report")
        if info.st_size > max_bytes:
            raise InputError(path, _limit(info.st_size, max_bytes))
        with os.fdopen(fd, "rb") as fh:
            fd = -1
            data = fh.read(max_bytes + 1)
        if len(data) > max_bytes:  # the file grew after stat
            raise InputError(path, _limit(len(data), max_bytes))
        return data
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except IsADirectoryError:
        raise InputError(path, "is a folder") from None
    except FileNotFoundError:
        raise InputError(path, "no such file or folder") from None
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror or exc})") from None
    finally:
        if fd >= 0:
            os.close(fd)


def _binary_reason(data: bytes) -> str | None:
    for magic, reason in _MAGIC:
        if data.startswith(magic):
            return f"is {reason}"
    head = data[:_SNIFF_BYTES]
    if b"\x00" in head:
        return "is a binary file (it contains NUL bytes), not a text report"
    controls = sum(1 for b in head if b < 0x20 and b not in _TEXT_CONTROLS)
    if head and controls > 0.1 * len(head):
        return "is a binary file (mostly control bytes), not a text report"
    return None


def _where(data: bytes, index: int, encoding_label: str) -> str:
    """'byte 0xff at line 3, column 7 is not valid UTF-8' for a decode error at ``index``."""
    line_start = data.rfind(b"\n", 0, index) + 1
    line = data.count(b"\n", 0, index) + 1
    try:
        codec = "utf-8-sig" if encoding_label == "UTF-8" else encoding_label
        column = len(data[line_start:index].decode(codec)) + 1
    except (UnicodeDecodeError, LookupError):
        column = index - line_start + 1
    return f"byte 0x{data[index]:02x} at line {line}, column {column} is not valid {encoding_label}"


def decode(path: str, data: bytes, encoding: str | None = None) -> str:
    """Bytes to text: UTF-8 (BOM removed), UTF-16 with a BOM, an HTML page's declared charset, or ``encoding``.

    Raises ``InputError`` for binary data and undecodable bytes, saying where the first bad byte is.
    """
    if encoding:
        try:
            codec = codecs.lookup(encoding)
        except LookupError:
            raise InputError(path, f"unknown encoding {encoding!r}") from None
        reason = None if codec.name.startswith("utf-16") or codec.name.startswith("utf-32") else _binary_reason(data)
        if reason:
            raise InputError(path, reason)
        try:
            text = data.decode(codec.name)
        except UnicodeDecodeError as exc:
            raise InputError(path, _where(data, exc.start, encoding) + "; check --encoding") from None
        return text[1:] if text.startswith("\ufeff") else text
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and not data.startswith(codecs.BOM_UTF32_LE):
        try:
            text = data.decode("utf-16")  # the codec removes the BOM
        except UnicodeDecodeError as exc:
            raise InputError(path, _where(data, exc.start, "UTF-16") + "; pass --encoding") from None
        controls = sum(1 for ch in text[:_SNIFF_BYTES] if ch < " " and ch not in "\t\n\r\f")
        if "\x00" in text or controls > 0.1 * len(text[:_SNIFF_BYTES]):
            raise InputError(path, "is a binary file (it starts like UTF-16 but is not text), not a text report")
        return text
    reason = _binary_reason(data)
    if reason:
        raise InputError(path, reason)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        error = exc
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"))
        except (UnicodeDecodeError, LookupError):
            pass
    raise InputError(path, _where(data, error.start, "UTF-8") + "; pass --encoding") from None


def read_document(
    path: str,
    *,
    encoding: str | None = None,
    reference_date: dt.date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None,
) -> Document | None:
    """Read and parse one file (or stdin); ``None`` for an empty report, ``InputError`` for a bad one.

    A page or Markdown file whose text is all inside an unclosed ``<!--`` is not empty but unreadable: a gate
    must not pass a report it could not check.
    """
    data = _read_bytes(path, max_bytes, stdin)
    if len(data) > max_bytes:  # the file grew after stat
        raise InputError(path, _limit(len(data), max_bytes))
    raw = decode(path, data, encoding)
    if not raw.strip():
        return None
    document = parse_document(path, raw, reference_date=reference_date)
    if not document.text.strip():
        line = unclosed_comment_line(document)
        if line is not None:
            raise InputError(path, f"an unclosed <!-- comment at line {line} hides all of its text")
        return None
    return document


def hidden_text_problem(document: Document) -> InputProblem | None:
    """An error-severity problem when part of a loaded report is hidden by an unclosed ``<!--``, else None."""
    line = unclosed_comment_line(document)
    if line is None:
        return None
    return InputProblem(document.path, f"an unclosed <!-- comment at line {line} hides the text after it")


def unclosed_comment_line(document: Document) -> int | None:
    """The line of an ``<!--`` in an HTML or Markdown report that no ``-->`` closes and that hides text after it
    (HTML and Markdown both drop everything after it as comment), or None."""
    if document.format == "text":
        return None
    raw = document.raw
    opened = raw.rfind("<!--")
    if opened == -1 or raw.find("-->", opened + 4) != -1:
        return None
    pos = 0
    while True:  # the first opener that is never closed
        start = raw.find("<!--", pos)
        end = raw.find("-->", start + 4)
        if end == -1:
            break
        pos = end + 3
    if not raw[start + 4 :].strip():
        return None  # nothing after it to hide
    if document.format == "html" and start > raw.rfind(">"):
        return None  # the HTML tokenizer reads a "<" that no ">" follows as text
    if document.format == "markdown" and document.text[start:].strip():
        return None  # inside code, or otherwise not read as a comment: the text after it is analysed
    return raw.count("\n", 0, start) + 1


# ------------------------------------------------------------------------------------------------ loading


def _identity(path: str, info: os.stat_result | None = None) -> tuple[int, int] | str:
    """What makes two paths one file: device and inode (one ``stat``, or none when the folder walk made it: where
    ``realpath`` costs a ``lstat`` per path component, and a corpus of 100,000 files is listed on every
    ``check --against``), or the real path where the file system gives no inode numbers or the file cannot be
    looked at."""
    if info is None:
        try:
            info = os.stat(path)
        except (OSError, ValueError):
            return os.path.realpath(path)
    return (info.st_dev, info.st_ino) if info.st_ino else os.path.realpath(path)


def _targets(
    paths: Sequence[str],
    problems: list[InputProblem],
    strict: bool,
    follow_symlinks: bool = False,
    stats: dict[str, os.stat_result] | None = None,
) -> Iterator[str]:
    seen: set[tuple[int, int] | str] = set()
    listed: dict[str, os.stat_result] = {}
    for path in paths:
        try:
            files = _expand(path, problems, follow_symlinks, listed)
        except InputError as exc:
            if strict:
                raise
            problems.append(InputProblem(exc.path, exc.reason, "error"))
            continue
        for file in files:
            info = listed.get(file)
            if info is not None and info.st_ino:
                key: tuple[int, int] | str = (info.st_dev, info.st_ino)  # ``_identity``, inlined: once per file
            else:
                key = file if file == STDIN else _identity(file, info)
            if key not in seen:
                seen.add(key)
                if stats is not None and info is not None:
                    stats[file] = info
                yield file


def discover(
    paths: Sequence[str],
    *,
    strict: bool = False,
    follow_symlinks: bool = False,
    stats: dict[str, os.stat_result] | None = None,
) -> tuple[list[str], list[InputProblem]]:
    """The report files the paths name (folders walked as ``load_documents`` walks them), without reading them;
    for callers that decide per file whether it needs reading at all (the corpus index). ``stats`` receives the
    ``stat`` the folder walk took of each file it found (files named on their own are not in it), for
    ``CorpusIndex.sync``: a corpus is then looked at once per file."""
    problems: list[InputProblem] = []
    with paused_gc():
        return list(_targets(paths, problems, strict, follow_symlinks, stats)), problems


@contextmanager
def paused_gc() -> Iterator[None]:
    """The cyclic garbage collector paused: listing a corpus makes a few objects per file and no cycles, and the
    collector would walk all of them again and again as they pile up (about a tenth of listing 100,000 files)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load_documents(
    paths: Sequence[str],
    *,
    encoding: str | None = None,
    strict: bool = False,
    reference_date: dt.date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_progress: Callable[[int, int], None] | None = None,
    stdin: BinaryIO | None = None,
    allow_unreadable: bool = True,
    follow_symlinks: bool = False,
) -> LoadResult:
    """Load every report the paths name ("-" is stdin); see the module docstring for how failures are handled.

    ``on_progress(done, total)`` is called after each file. ``stdin`` replaces ``sys.stdin.buffer`` (tests, TUI).
    Empty reports are skipped with a warning, even when ``strict``; they are not broken, just empty.
    ``allow_unreadable=False`` makes any unreadable report an ``InputError`` once all are tried (fail closed);
    ``follow_symlinks`` lets a folder walk follow symlinks that leave the folder.
    """
    if not paths:
        raise InputError(".", "no reports given")
    problems: list[InputProblem] = []
    files = list(_targets(paths, problems, strict, follow_symlinks))
    documents: list[Document] = []
    for done, path in enumerate(files, 1):
        try:
            document = read_document(
                path, encoding=encoding, reference_date=reference_date, max_bytes=max_bytes, stdin=stdin
            )
        except InputError as exc:
            if strict:
                raise
            problems.append(InputProblem(exc.path, exc.reason, "error"))
        else:
            if document is None:
                problems.append(InputProblem(path, "is empty (no text to check); skipped", "warning"))
            else:
                documents.append(document)
                hidden = hidden_text_problem(document)
                if hidden is not None:
                    if strict:
                        raise InputError(hidden.path, hidden.reason)
                    problems.append(hidden)
        if on_progress is not None:
            on_progress(done, len(files))
    unreadable = [p for p in problems if p.severity == "error"]
    if unreadable and not allow_unreadable:
        more = f" (and {len(unreadable) - 1} more unreadable reports)" if len(unreadable) > 1 else ""
        raise InputError(unreadable[0].path, unreadable[0].reason + more)
    if not documents:
        errors = [p for p in problems if p.severity == "error"]
        if len(problems) == 1:
            raise InputError(problems[0].path, problems[0].reason)
        first = (errors or problems)[0] if problems else None
        detail = "; ".join(str(p) for p in problems[:3]) + (" ..." if len(problems) > 3 else "")
        raise InputError(first.path if first else paths[0], f"no report could be loaded ({detail})")
    return LoadResult(documents=documents, problems=problems)
