"""A report's versions from git history, oldest first, each a ``Document`` named ``path@abcdef1``.

``git log --follow`` lists the commits that touched the file across renames, with the name it had in each, and
``git show COMMIT:NAME`` gives its text then. Git is run as a subprocess (no library), in the file's own folder so
the path may lie in any repository; failures become ``InputError`` with git's reason.
"""

from __future__ import annotations

import os
import subprocess

from checker.errors import InputError
from checker.ingest import decode, detect_format, parse_document
from checker.models import Document


def _git(cwd: str, path: str, *args: str) -> bytes:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        raise InputError(path, "git is not installed (needed to read the file's history)") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        reason = message[-1] if message else f"git {args[0]} failed"
        if "not a git repository" in reason:
            reason = "not in a git repository"
        raise InputError(path, reason)
    return done.stdout


def git_versions(path: str, *, encoding: str | None = None) -> list[Document]:
    """Every committed version of ``path`` (empty versions skipped), oldest first."""
    folder = os.path.dirname(os.path.abspath(path)) or "."
    if not os.path.isdir(folder):
        raise InputError(path, "no such folder")
    name = os.path.basename(path)
    log = _git(folder, path, "log", "--follow", "--name-only", "--format=%x00%H", "--", name)
    entries: list[tuple[str, str]] = []
    for chunk in log.decode("utf-8", "surrogateescape").split("\x00")[1:]:
        lines = [line for line in chunk.splitlines() if line.strip()]
        if len(lines) >= 2:
            entries.append((lines[0].strip(), lines[-1]))
    if not entries:
        raise InputError(path, "has no history in git (not committed yet?)")
    docs: list[Document] = []
    for commit, repo_path in reversed(entries):
        label = f"{path}@{commit[:7]}"
        data = _git(folder, path, "show", f"{commit}:{repo_path}", "--")
        raw = decode(label, data, encoding)
        if raw.strip():
            docs.append(parse_document(label, raw, detect_format(path, raw)))
    if not docs:
        raise InputError(path, "every version in git is empty")
    return docs

