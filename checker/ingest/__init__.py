"""Ingestion: files, folders and stdin become ``Document``s (see ``files.py`` for reading, ``document.py`` for
parsing one report, ``html.py``/``markdown.py`` for the formats and ``metadata.py`` for title, date and source)."""

from checker.ingest.document import EXTENSIONS, detect_format, parse_document
from checker.ingest.files import (
    DEFAULT_MAX_BYTES,
    InputProblem,
    LoadResult,
    decode,
    discover,
    hidden_text_problem,
    load_documents,
    read_bytes,
    read_document,
    unclosed_comment_line,
)

__all__ = [
    "DEFAULT_MAX_BYTES",
    "EXTENSIONS",
    "InputProblem",
    "LoadResult",
    "decode",
    "discover",
    "hidden_text_problem",
    "detect_format",
    "load_documents",
    "parse_document",
    "read_bytes",
    "read_document",
    "unclosed_comment_line",
]
