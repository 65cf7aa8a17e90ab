"""Verify a draft against its sources: every claim frame of the draft supported, contradicted or unsupported.

``checker check`` asks a symmetric question between peer reports and never flags what one report says and another
does not; ``checker verify`` asks the asymmetric one a summary owes its sources. The core (:mod:`core`) is pure: it
takes assertions and returns ``ClaimVerdict``s; reading files is the CLI's job (:mod:`cli`), formatting the
writers' (:mod:`writers`).
"""

from checker.verify.core import verify_claims

__all__ = ["verify_claims"]
