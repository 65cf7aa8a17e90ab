"""Make report text safe to show in a terminal without changing its length.

Reports are untrusted: a scraped page can carry escape sequences that would move the cursor or recolour the
screen, bidi overrides that reorder what the analyst reads, or text that looks like Rich/Textual markup. The UI
therefore always wraps report text in ``rich.text.Text`` (never markup) and passes it through ``clean`` first.
Each unsafe character is replaced by exactly one visible stand-in, so the raw offsets carried by ``Evidence`` still
index the cleaned string.
"""

from __future__ import annotations

import re

# C0 controls except tab and newline become their Unicode "control picture" (ESC -> U+241B), so the analyst can
# see that the file contained one; CR becomes a space so CRLF files read normally; DEL has its own picture; C1
# controls and bidi overrides/isolates become U+FFFD.
_TABLE: dict[int, str] = {c: chr(0x2400 + c) for c in range(0x20) if c not in (0x09, 0x0A, 0x0D)}
_TABLE[0x0D] = " "
_TABLE[0x7F] = "\u2421"
_TABLE.update({c: "\ufffd" for c in range(0x80, 0xA0)})
_TABLE.update({c: "\ufffd" for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))})

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_LINE_BREAKS = re.compile(r"[\t\n]")


def clean(text: str) -> str:
    """Replace control characters one-for-one; offsets into ``text`` stay valid in the result."""
    if _UNSAFE.search(text) is None:  # the common case costs one scan and no copy
        return text
    return text.translate(_TABLE)


def clean_line(text: str) -> str:
    """``clean`` for a one-line cell: tabs and newlines become spaces too."""
    return _LINE_BREAKS.sub(" ", clean(text))


def truncate(text: str, width: int) -> str:
    """Cut ``text`` to ``width`` characters with an ellipsis, so long subjects cannot blow up a table column."""
    return text if len(text) <= width else text[: max(width - 1, 0)] + "\u2026"
