"""Error types. Raised at the edge with the file and the reason; caught once, in the CLI, which exits 2.

Anything else that escapes is a bug: the CLI exits 3 with one line naming the report and ``ISSUES_URL``.
"""

from __future__ import annotations

DIST_NAME = "report-checker"
"""The distribution name on the package index (the import package and the command are ``checker``)."""


def issues_url() -> str:
    """Where an internal error (exit 3) asks to be reported: the ``Issues`` project URL of the installed
    distribution (``[project.urls]`` in pyproject.toml), else a pointer to it."""
    from importlib import metadata

    try:
        urls = metadata.metadata(DIST_NAME).get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        urls = []
    for entry in urls:
        label, _, url = entry.partition(",")
        if label.strip().lower() in ("issues", "bug tracker", "tracker") and url.strip():
            return url.strip()
    return f"the issue tracker of {DIST_NAME} (pip show {DIST_NAME})"


class CheckerError(Exception):
    """Base of every error checker reports to a user rather than crashing on."""


class InputError(CheckerError):
    """A report (or a path given on the command line) that cannot be read as a report."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class ConfigError(CheckerError):
    """A configuration file or option that does not make sense."""


class DecisionsError(CheckerError):
    """The decisions file is unreadable or hand-broken; it is never overwritten when this is raised."""

    def __init__(self, path: str, reason: str, line: int | None = None) -> None:
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {reason}")
        self.path = path
        self.reason = reason
        self.line = line


class UnknownIdError(CheckerError):
    """A conflict id that no conflict in the reports (or, for --undo, no decision) has; names the nearest ones."""

    def __init__(self, conflict_id: str, nearest: list[str], where: str | None = None) -> None:
        hint = f"; nearest known: {', '.join(nearest)}" if nearest else "; no conflicts are known"
        scope = f"no decision in {where} has" if where else "no conflict in the reports has"
        super().__init__(f"{conflict_id}: {scope} this id{hint}")
        self.conflict_id = conflict_id
        self.nearest = nearest
