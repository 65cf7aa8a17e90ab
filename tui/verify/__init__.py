"""``checker review --verify DRAFT --against SOURCES``: a verify run in the terminal UI (issue 16, item 3)."""

from tui.verify.app import VerifyApp, VerifyRun, make_verify_app

__all__ = ["VerifyApp", "VerifyRun", "make_verify_app"]
