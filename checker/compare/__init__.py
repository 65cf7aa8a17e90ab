"""Assertions -> conflicts (numeric, location, date, polarity, unverified, change)."""

from checker.compare.engine import CompareOptions, find_conflicts

__all__ = ["CompareOptions", "find_conflicts"]
