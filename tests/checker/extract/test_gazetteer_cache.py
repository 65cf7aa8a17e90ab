"""The gazetteer's build cache: read back, it is the gazetteer built from the data files; damaged, it is rebuilt."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

import pytest

from checker.extract import places
from checker.extract.places import Gazetteer, gazetteer


def state(g: Gazetteer) -> list[tuple[str, object]]:
    """Every field, with the order of every mapping (``find`` walks some of them in order)."""

    def ordered(value: object) -> object:
        if isinstance(value, dict):
            return [(k, ordered(v)) for k, v in value.items()]
        if isinstance(value, tuple):
            return tuple(ordered(v) for v in value)
        return value

    return sorted((name, ordered(value)) for name, value in vars(g).items())


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    gazetteer.cache_clear()
    yield tmp_path / "checker"
    gazetteer.cache_clear()


def fresh() -> Gazetteer:
    data = resources.files("checker.data")
    return places._build({name: data.joinpath(name).read_text("utf-8") for name in places._SOURCES})


def test_the_cached_gazetteer_is_the_built_one(cache_home: Path) -> None:
    built = fresh()
    first = gazetteer()  # builds, and writes the cache
    assert len(list(cache_home.glob("gazetteer-*.marshal"))) == 1
    gazetteer.cache_clear()
    second = gazetteer()  # reads it
    assert state(first) == state(built)
    assert state(second) == state(built)
    assert second.find("Troops left Kursk Oblast for Kyiv.") == built.find("Troops left Kursk Oblast for Kyiv.")


@pytest.mark.parametrize("damage", [b"", b"\0" * 40, None], ids=["empty", "zeros", "flipped-byte"])
def test_a_damaged_cache_is_built_again(cache_home: Path, damage: bytes | None) -> None:
    gazetteer()
    (path,) = cache_home.glob("gazetteer-*.marshal")
    blob = path.read_bytes()
    path.write_bytes(damage if damage is not None else blob[:-10] + bytes([blob[-10] ^ 1]) + blob[-9:])
    gazetteer.cache_clear()
    assert state(gazetteer()) == state(fresh())
    assert path.read_bytes() == blob  # written again whole


def test_an_unwritable_cache_folder_is_built_around(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "file").write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "file"))
    gazetteer.cache_clear()
    try:
        assert state(gazetteer()) == state(fresh())
    finally:
        gazetteer.cache_clear()


def test_only_the_newest_builds_are_kept(cache_home: Path) -> None:
    cache_home.mkdir(parents=True)
    old = [cache_home / f"gazetteer-old{i}.marshal" for i in range(places._KEPT + 2)]
    for i, path in enumerate(old):
        path.write_bytes(b"x")
        os.utime(path, (1_000_000 + i, 1_000_000 + i))
    gazetteer()  # builds, writes its own, prunes
    kept = sorted(p.name for p in cache_home.glob("gazetteer-*.marshal"))
    assert len(kept) == places._KEPT
    assert [p.name for p in old[-(places._KEPT - 1):]] == sorted(k for k in kept if "old" in k)


def test_a_changed_gazetteer_names_another_cache() -> None:
    data = resources.files("checker.data")
    texts = {name: data.joinpath(name).read_text("utf-8") for name in places._SOURCES}
    lines = texts["gazetteer.json"].splitlines(keepends=True)
    kent = next(i for i, line in enumerate(lines) if line.startswith('{"key":"GB-KEN"'))
    changed = {**texts, "gazetteer.json": "".join(lines[:kent] + lines[kent + 1:])}
    assert places._cache_path(changed) != places._cache_path(texts)
    assert [m.place.key for m in places._build(texts).find("Rain fell in Kent.")] == ["GB-KEN"]
    assert places._build(changed).find("Rain fell in Kent.") == []
