"""Revision diff: which facts and which sentences changed between versions of one report (``checker diff``).

``align`` aligns the versions (lines, then sentences where lines differ, then moves), ``words`` marks words inside
changed sentences, ``facts`` pairs the assertions of changed sentences, ``timeline`` follows facts through many
versions, ``git`` reads versions from history, and ``text``/``html_page``/``writers`` print the result.
"""

from __future__ import annotations

from collections.abc import Sequence

from checker.diff.align import align
from checker.diff.facts import fact_changes
from checker.diff.git import git_versions
from checker.diff.hunks import text_hunks
from checker.diff.timeline import fact_timeline
from checker.diff.writers import FORMATS, diff_json, write_diff, write_timeline
from checker.models import Document, DocumentInfo, RevisionDiff

__all__ = [
    "FORMATS",
    "diff_documents",
    "diff_history",
    "diff_json",
    "fact_timeline",
    "git_versions",
    "write_diff",
    "write_timeline",
]


def _info(doc: Document) -> DocumentInfo:
    return DocumentInfo(path=doc.path, title=doc.title, source=doc.source, date=doc.date)


def diff_documents(old: Document, new: Document) -> RevisionDiff:
    """Facts changed, added and removed from ``old`` to ``new``, and the text hunks, in the new version's order."""
    alignment = align(old.text, new.text)
    return RevisionDiff(
        old=_info(old),
        new=_info(new),
        changes=fact_changes(old, new, alignment),
        text=text_hunks(old, new, alignment),
    )


def diff_history(docs: Sequence[Document]) -> list[RevisionDiff]:
    """The diff of each version against the one before it (oldest first)."""
    return [diff_documents(a, b) for a, b in zip(docs, docs[1:])]
