import os
from pathlib import Path

import pytest
from pydantic import ValidationError

from checker.config import Settings, find_config, load_settings
from checker.errors import ConfigError


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project folder with a checker.toml stop-gap above it, so files outside tmp_path never leak in."""
    _write(tmp_path / "checker.toml", "")
    project = tmp_path / "project"
    project.mkdir()
    monkeypatch.chdir(project)
    return project


def test_defaults_when_no_file_applies(isolated: Path) -> None:
    settings, path = load_settings()
    assert path == isolated.parent / "checker.toml"  # the empty stop-gap
    assert settings == Settings()
    assert settings.paths == [] and settings.corpus == []
    assert settings.decisions == Path(".checker/decisions.jsonl")
    assert settings.index == Path(".checker/index.sqlite")
    assert (settings.min_severity, settings.fail_on, settings.format) == ("low", "new", "text")
    assert settings.numeric_tolerance == 0.05
    assert settings.encoding is None


def test_checker_toml_top_level_keys(isolated: Path) -> None:
    _write(
        isolated / "checker.toml", 'min_severity = "high"\nfail_on = "any"\nnumeric_tolerance = 0\nformat = "json"\n'
    )
    settings, path = load_settings()
    assert path == isolated / "checker.toml"
    assert (settings.min_severity, settings.fail_on, settings.numeric_tolerance, settings.format) == (
        "high",
        "any",
        0.0,
        "json",
    )


def test_pyproject_tool_checker(isolated: Path) -> None:
    _write(isolated / "pyproject.toml", '[project]\nname = "x"\n\n[tool.checker]\nmin_severity = "medium"\n')
    settings, path = load_settings()
    assert path == isolated / "pyproject.toml"
    assert settings.min_severity == "medium"


def test_nearest_file_wins(isolated: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _write(isolated / "checker.toml", 'min_severity = "high"\n')
    inner = isolated / "desk" / "today"
    _write(isolated / "desk" / "pyproject.toml", '[tool.checker]\nmin_severity = "medium"\n')
    inner.mkdir()
    monkeypatch.chdir(inner)
    settings, path = load_settings()
    assert path == isolated / "desk" / "pyproject.toml"
    assert settings.min_severity == "medium"
    # files are not merged: the outer file's other keys do not leak in
    _write(isolated / "checker.toml", 'min_severity = "high"\nfail_on = "none"\n')
    assert load_settings()[0].fail_on == "new"


def test_pyproject_without_tool_checker_is_skipped(isolated: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _write(isolated / "checker.toml", 'fail_on = "confirmed"\n')
    _write(isolated / "lib" / "pyproject.toml", '[project]\nname = "lib"\n[tool.ruff]\nline-length = 100\n')
    monkeypatch.chdir(isolated / "lib")
    settings, path = load_settings()
    assert path == isolated / "checker.toml"
    assert settings.fail_on == "confirmed"


def test_checker_toml_beats_pyproject_in_same_folder(isolated: Path) -> None:
    _write(isolated / "pyproject.toml", '[tool.checker]\nfail_on = "any"\n')
    _write(isolated / "checker.toml", 'fail_on = "none"\n')
    settings, path = load_settings()
    assert path == isolated / "checker.toml"
    assert settings.fail_on == "none"


def test_start_argument_and_file_start(isolated: Path) -> None:
    _write(isolated / "elsewhere" / "checker.toml", 'format = "sarif"\n')
    report = _write(isolated / "elsewhere" / "reports" / "a.txt", "text")
    assert load_settings(isolated / "elsewhere" / "reports")[0].format == "sarif"
    assert load_settings(report)[0].format == "sarif"
    assert find_config(isolated / "elsewhere" / "reports" / ".." / "..") == (isolated.parent / "checker.toml", {})


def test_paths_are_relative_to_the_file(isolated: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _write(
        isolated / "checker.toml",
        'paths = ["seeds", "reports/*.md"]\ncorpus = ["../archive"]\ndecisions = "review/decisions.jsonl"\n'
        f'index = "{(isolated / "abs.sqlite").as_posix()}"\n',
    )
    settings, _ = load_settings()
    assert settings.paths == ["seeds", os.path.join("reports", "*.md")]
    assert settings.corpus == [os.path.join("..", "archive")]
    assert settings.decisions == Path("review/decisions.jsonl")
    assert settings.index == isolated / "abs.sqlite"  # written absolute, stays absolute

    monkeypatch.chdir(_write(isolated / "reports" / "x.md", "").parent)
    settings, _ = load_settings()
    assert settings.paths == [os.path.join("..", "seeds"), "*.md"]
    assert settings.corpus == [os.path.join("..", "..", "archive")]
    assert settings.decisions == Path("../review/decisions.jsonl")
    # the resolved paths name the same files as the ones written in the file
    assert (Path.cwd() / settings.decisions).resolve() == (isolated / "review" / "decisions.jsonl").resolve()


def test_default_paths_are_not_moved(isolated: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _write(isolated / "checker.toml", 'fail_on = "any"\n')
    monkeypatch.chdir(_write(isolated / "sub" / "x", "").parent)
    assert load_settings()[0].decisions == Path(".checker/decisions.jsonl")


def test_flags_override_file_values(isolated: Path) -> None:
    _write(isolated / "checker.toml", 'paths = ["seeds"]\nmin_severity = "high"\nfail_on = "any"\n')
    settings, path = load_settings(
        overrides={"min_severity": "medium", "fail_on": None, "paths": ["other"], "decisions": Path("d.jsonl")}
    )
    assert path == isolated / "checker.toml"
    assert settings.min_severity == "medium"
    assert settings.fail_on == "any"  # None means the flag was not given
    assert settings.paths == ["other"]  # replaced, not extended
    assert settings.decisions == Path("d.jsonl")


def test_empty_path_list_flag_keeps_file_paths(isolated: Path) -> None:
    _write(isolated / "checker.toml", 'paths = ["seeds"]\n')
    assert load_settings(overrides={"paths": []})[0].paths == ["seeds"]
    assert load_settings(overrides={"paths": [Path("a.txt")]})[0].paths == ["a.txt"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('min_severty = "high"\n', "checker.toml: unknown key 'min_severty' (did you mean 'min_severity'?)"),
        ('colour = "red"\n', "checker.toml: unknown key 'colour'"),
        ('[checker]\npaths = ["a"]\n', "without a [checker] table"),
        ('min_severity = "critical"\n', "checker.toml: key 'min_severity': input should be 'low', 'medium' or 'high'"),
        ('fail_on = "always"\n', "key 'fail_on'"),
        ('paths = "seeds"\n', "checker.toml: key 'paths': input should be a valid list, got 'seeds'"),
        ("paths = [1]\n", "key 'paths[0]'"),
        ('numeric_tolerance = "0.05"\n', "key 'numeric_tolerance'"),
        ("numeric_tolerance = true\n", "key 'numeric_tolerance': input should be a valid number, got true"),
        ("numeric_tolerance = 5.0\n", "key 'numeric_tolerance': input should be less than or equal to 1"),
        ("max_bytes = 0\n", "key 'max_bytes'"),
        ("decisions = 3\n", "key 'decisions': should be a path"),
        ('encoding = "utf-9"\n', "checker.toml: key 'encoding': unknown encoding 'utf-9'"),
        ("paths = [\n", "checker.toml: not valid TOML"),
    ],
)
def test_bad_checker_toml(isolated: Path, text: str, expected: str) -> None:
    _write(isolated / "checker.toml", text)
    with pytest.raises(ConfigError) as caught:
        load_settings()
    assert expected in str(caught.value)


def test_bad_pyproject_names_table(isolated: Path) -> None:
    _write(isolated / "pyproject.toml", '[tool.checker]\nformt = "json"\n')
    with pytest.raises(ConfigError) as caught:
        load_settings()
    assert str(caught.value) == "pyproject.toml [tool.checker]: unknown key 'formt' (did you mean 'format'?)"


def test_broken_pyproject_is_an_error_not_skipped(isolated: Path) -> None:
    _write(isolated / "pyproject.toml", "[tool.checker\n")
    with pytest.raises(ConfigError, match="pyproject.toml: not valid TOML"):
        load_settings()


def test_bad_overrides(isolated: Path) -> None:
    with pytest.raises(ConfigError, match="options: unknown key 'fail_of' \\(did you mean 'fail_on'\\?\\)"):
        load_settings(overrides={"fail_of": "any"})
    with pytest.raises(ConfigError, match="options: option 'format': input should be"):
        load_settings(overrides={"format": "yaml"})


def test_settings_are_frozen() -> None:
    with pytest.raises(ValidationError):
        Settings().fail_on = "any"  # type: ignore[misc]


def test_no_file_anywhere_gives_defaults_and_none(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if any((folder / name).is_file() for folder in tmp_path.parents for name in ("checker.toml", "pyproject.toml")):
        pytest.skip("a config file above the temporary folder would be found")
    monkeypatch.chdir(tmp_path)
    assert load_settings(overrides={"format": "junit"}) == (Settings(format="junit"), None)

