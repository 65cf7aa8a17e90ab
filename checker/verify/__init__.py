"""Verify a draft against its sources: every claim frame of the draft supported, contradicted or unsupported.

``checker check`` asks a symmetric question between peer reports and never flags what one report says and another
does not; ``checker verify`` asks the asymmetric one a summary owes its sources. The core (:mod:`core`) is pure: it
takes assertions and returns ``ClaimVerdict``s; reading files is the CLI's job (:mod:`cli`), formatting the
writers' (:mod:`writers`).
"""

from __future__ import annotations

from typing import Any

__all__ = ["verify_claims"]


def __getattr__(name: str) -> Any:
    """``verify_claims``, imported on first use: the command line registers ``checker verify`` (``verify.cli``)
    without loading the core, so that ``checker --help`` and the other commands start without it."""
    if name == "verify_claims":
        from checker.verify.core import verify_claims

        return verify_claims
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
