r"""The one escaping rule for every human-facing line checker prints, on stdout and on stderr.

Reports, their file names, front matter and the decisions file are untrusted, and what checker prints is read by
terminals and by CI runners. So, before any of it is shown:

- controls that act on a terminal or a log parser (C0 except tab and newline, DEL, C1 -- ``\x9b`` is an 8-bit
  CSI), lone surrogates (undecodable bytes kept by surrogateescape), Unicode line and paragraph separators, and the
  bidirectional embedding/override/isolate controls (U+202A-202E, U+2066-2069, "Trojan Source") are shown as
  visible escapes such as ``\x1b`` or ``\u202e``;
- no line can start a GitHub Actions workflow command: a line whose first non-blank characters are ``::`` gets its
  first colon shown as ``\x3a`` (the runner trims leading whitespace before it looks, so indented lines count);
- the legacy command prefix ``##[`` (and Azure's ``##vso[``), which runners find anywhere in a line, becomes
  ``##\x5b``.

``safe_text`` keeps newlines (and applies the line rules to every line); ``safe_line`` folds a value onto one line.
``LineGuard`` wraps an output stream and applies the line rules to whatever is written, whole lines at a time, so
a line assembled from several safe pieces is still safe where it starts. JSON and SARIF use ``json_escape_raw``.
"""

from __future__ import annotations

import io
import re
from typing import TextIO

__all__ = ["LineGuard", "escape_controls", "json_escape_raw", "neutralise_commands", "safe_line", "safe_text"]

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029\u202a-\u202e\u2066-\u2069\ufffe\uffff]")
_WHITESPACE = re.compile(r"\s+")
# A line that a runner would read as a workflow command: blanks (and, with colour, SGR codes) then "::".
_COMMAND_START = re.compile(r"^((?:[ \t\f\v]|\x1b\[[0-9;]*m)*):", re.MULTILINE)
_COMMAND_PREFIX_AT_START = re.compile(r"^(?:[ \t\f\v]|\x1b\[[0-9;]*m)*::", re.MULTILINE)
_LEGACY = re.compile(r"##(vso)?\[", re.IGNORECASE)
# Inside JSON strings: what json.dumps(ensure_ascii=False) leaves raw but a terminal or line reader may act on.
_JSON_RAW = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escape_char(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def escape_controls(text: str) -> str:
    r"""Replace characters that could act on a terminal or parser with a visible escape such as ``\x1b``."""
    return _UNSAFE.sub(_escape_char, text)


def _neutralise_start(match: re.Match[str]) -> str:
    return match.group(1) + "\\x3a"


def neutralise_commands(text: str) -> str:
    r"""No line of ``text`` starts a workflow command (``::``) and no ``##[`` legacy command prefix survives."""
    if "::" in text:
        text = _COMMAND_PREFIX_AT_START.sub(lambda m: _COMMAND_START.sub(_neutralise_start, m.group(), count=1), text)
    if "##" in text:
        text = _LEGACY.sub(lambda m: "##" + (m.group(1) or "") + "\\x5b", text)
    return text


def safe_text(text: str) -> str:
    """Untrusted text made safe to print, newlines kept: controls escaped, every line unable to start a command."""
    return neutralise_commands(escape_controls(text))


def safe_line(text: str) -> str:
    """Untrusted text made safe to print on one line: as ``safe_text``, with runs of whitespace folded to a space."""
    return neutralise_commands(_WHITESPACE.sub(" ", escape_controls(text)).strip())


def json_escape_raw(text: str) -> str:
    r"""Serialised JSON with the characters ``ensure_ascii=False`` leaves raw (C1, separators, bidi, surrogates) as
    ``\uXXXX`` escapes, and the ``[`` of a ``##[`` as ``\u005b``. They only occur inside strings, so the document's
    data is unchanged."""
    text = _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return _LEGACY.sub(lambda m: "##" + (m.group(1) or "") + "\\u005b", text) if "##" in text else text


class LineGuard(io.TextIOBase):
    """A text stream that passes whole lines to ``stream`` with the workflow-command rules applied.

    Writers build lines from pieces (a path, then a message); each piece is escaped where it is made, and this guard
    makes sure the line as a whole cannot start a command either. Call ``flush`` (or ``close``) at the end.
    """

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self._stream = stream
        self._pending = ""

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return self._stream.isatty()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self._stream, "encoding", "utf-8") or "utf-8"

    def write(self, text: str) -> int:
        data = self._pending + text
        cut = data.rfind("\n") + 1
        self._pending = data[cut:]
        if cut:
            self._stream.write(neutralise_commands(data[:cut]))
        return len(text)

    def flush(self) -> None:
        if self._pending:
            self._stream.write(neutralise_commands(self._pending))
            self._pending = ""
        self._stream.flush()
