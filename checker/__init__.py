"""checker: normalise reports into assertions and flag where they contradict each other."""

__version__ = "0.1.0"
