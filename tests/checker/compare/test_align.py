"""Blocking: which subject keys are taken to name the same thing."""

from __future__ import annotations

from checker.compare.align import canonical_keys, family


def test_identical_keys_map_to_themselves() -> None:
    assert canonical_keys(["people", "people"]) == {"people": "people"}


def test_near_identical_spelling_merges_within_a_head() -> None:
    mapping = canonical_keys(["health ministry staff", "health ministery staff"])
    assert mapping["health ministry staff"] == mapping["health ministery staff"]


def test_different_nationality_never_merges() -> None:
    mapping = canonical_keys(["russia troops", "north-korea troops", "ukraine troops"])
    assert len(set(mapping.values())) == 3


def test_different_heads_never_merge() -> None:
    mapping = canonical_keys(["cholera cases", "cholera deaths"])
    assert mapping["cholera cases"] != mapping["cholera deaths"]


def test_shorter_key_joins_its_only_wider_key() -> None:
    mapping = canonical_keys(["agreement", "defence agreement"])
    assert mapping["agreement"] == mapping["defence agreement"] == "defence agreement"


def test_shorter_key_fitting_several_wider_keys_stays_apart() -> None:
    mapping = canonical_keys(["agreement", "trade agreement", "defence agreement"])
    assert mapping["agreement"] == "agreement"
    assert mapping["trade agreement"] != mapping["defence agreement"]


def test_nested_keys_do_not_chain() -> None:
    mapping = canonical_keys(["cases", "cholera cases", "yemen cholera cases"])
    # "cholera cases" fits one wider key and joins it; "cases" fits two and stays apart, so nothing chains.
    assert mapping["cholera cases"] == mapping["yemen cholera cases"]
    assert mapping["cases"] == "cases"


def test_bare_head_joins_a_single_nationality_but_not_one_of_two() -> None:
    assert canonical_keys(["troops", "north-korea troops"])["troops"] == "north-korea troops"
    assert canonical_keys(["troops", "north-korea troops", "russia troops"])["troops"] == "troops"


def test_every_key_is_mapped_and_order_does_not_matter() -> None:
    keys = ["brigade", "tanker", "people", "kursk region", "defence agreement", "agreement"]
    assert canonical_keys(keys) == canonical_keys(list(reversed(keys)))
    assert set(canonical_keys(keys)) == set(keys)


def test_refusal_families() -> None:
    assert family("killed") == family("injured") == family("casualties") == "casualties"
    assert family("revenue") == "revenue"
