import io

import pytest

from checker.errors import ConfigError
from checker.report import FORMATS, write_report


def test_formats():
    assert set(FORMATS) == {"text", "json", "sarif", "github", "junit"}


def test_unknown_format_is_a_config_error(make):
    with pytest.raises(ConfigError, match="unknown output format 'xml'"):
        write_report(make.result(), "xml", io.StringIO())


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize("show_all", [False, True])
def test_every_format_hides_dismissed_unless_show_all(make, fmt, show_all):
    out = io.StringIO()
    write_report(make.mixed(), fmt, out, show_all=show_all)
    text = out.getvalue()
    assert "c-high" in text or fmt == "text"  # text shows locations, not ids
    assert ("Same event" in text) == show_all


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_format_handles_no_conflicts(make, fmt):
    out = io.StringIO()
    write_report(make.result(documents=1), fmt, out)
    if fmt == "github":
        assert out.getvalue() == ""  # nothing to annotate
    else:
        assert out.getvalue().endswith("\n") and "c-high" not in out.getvalue()
