import datetime as dt
import json
import multiprocessing
import sys
from pathlib import Path

import pytest

from checker.errors import DecisionsError
from checker.models import Decision, DecisionStatus
from checker.store.decisions import DecisionStore, default_decisions_path, dumps_decision

UTC = dt.timezone.utc


def _decision(conflict_id: str, status: str = "confirmed", **extra: object) -> Decision:
    return Decision(id=conflict_id, status=DecisionStatus(status), **extra)


def test_default_path_is_inside_dot_checker(tmp_path: Path) -> None:
    assert default_decisions_path(tmp_path) == tmp_path / ".checker" / "decisions.jsonl"


def test_missing_file_means_no_decisions(tmp_path: Path) -> None:
    assert DecisionStore(tmp_path / "nope" / "decisions.jsonl").load() == {}


def test_round_trip_keeps_every_field(tmp_path: Path) -> None:
    store = DecisionStore(tmp_path / ".checker" / "decisions.jsonl")  # parent folder does not exist yet
    when = dt.datetime(2026, 11, 29, 17, tzinfo=UTC)
    full = _decision("abc123", "dismissed", note="same figure, rounded", decided_at=when, by="alice")
    bare = _decision("def456", "pending")
    store.record(full)
    store.record(bare)
    assert store.load() == {"abc123": full, "def456": bare}
    assert DecisionStore(store.path).load() == {"abc123": full, "def456": bare}


def test_line_format_is_one_key_order_utc_z(tmp_path: Path) -> None:
    store = DecisionStore(tmp_path / "d.jsonl")
    plus_one = dt.timezone(dt.timedelta(hours=1))
    store.record(_decision("abc123", note="n", decided_at=dt.datetime(2026, 11, 29, 18, tzinfo=plus_one), by="alice"))
    assert store.path.read_text("utf-8") == (
        '{"id": "abc123", "status": "confirmed", "note": "n", "decided_at": "2026-11-29T17:00:00Z", "by": "alice"}\n'
    )


def test_output_sorted_by_id_and_stable(tmp_path: Path) -> None:
    store = DecisionStore(tmp_path / "d.jsonl")
    ids = ["c3", "a1", "b2", "a10"]
    store.record_many(_decision(i) for i in ids)
    first = store.path.read_bytes()
    assert [json.loads(line)["id"] for line in first.decode().splitlines()] == sorted(ids)
    assert first.endswith(b"\n")
    other = DecisionStore(tmp_path / "e.jsonl")
    for i in reversed(ids):
        other.record(_decision(i))
    assert other.path.read_bytes() == first
    store.record(_decision("b2"))  # same decision again: byte-identical file
    assert store.path.read_bytes() == first


def test_record_replaces_earlier_decision(tmp_path: Path) -> None:
    store = DecisionStore(tmp_path / "d.jsonl")
    store.record(_decision("x", "confirmed"))
    store.record(_decision("x", "dismissed", note="checked with the desk"))
    assert store.load()["x"].status is DecisionStatus.DISMISSED
    assert len(store.path.read_text().splitlines()) == 1


def test_remove_is_undo(tmp_path: Path) -> None:
    store = DecisionStore(tmp_path / "d.jsonl")
    kept, undone = _decision("a"), _decision("b", "dismissed", note="oops")
    store.record_many([kept, undone])
    assert store.remove("b") == undone
    assert store.load() == {"a": kept}
    assert store.remove("b") is None
    assert store.remove("a") == kept
    assert store.load() == {}


def test_remove_on_missing_file_creates_nothing(tmp_path: Path) -> None:
    store = DecisionStore(tmp_path / "sub" / "d.jsonl")
    assert store.remove("a") is None
    assert not (tmp_path / "sub").exists()


@pytest.mark.parametrize(
    "note",
    [
        "Kursk Oblast, not Ukraine — per the ministry; 11 000 ≈ eleven thousand 🙂",
        "first line\nsecond line\r\n\tthird",
        "line separator\u2028paragraph separator\u2029next-line\x85end",
        'quotes " and \\ backslashes',
        "lone surrogate \ud800 survives",
    ],
)
def test_awkward_notes_round_trip_on_one_line(tmp_path: Path, note: str) -> None:
    store = DecisionStore(tmp_path / "d.jsonl")
    store.record(_decision("n1", note=note, by="Zoë"))
    store.record(_decision("n2"))
    assert store.load()["n1"].note == note
    assert store.load()["n1"].by == "Zoë"
    assert store.path.read_bytes().count(b"\n") == 2


def test_unicode_is_written_readably(tmp_path: Path) -> None:
    store = DecisionStore(tmp_path / "d.jsonl")
    store.record(_decision("u", note="Київ"))
    assert "Київ" in store.path.read_text("utf-8")


def test_reads_hand_edited_file(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    path.write_bytes(
        b'\xef\xbb\xbf{"status":"dismissed","id":"b"}\r\n'
        b"\n"
        b'  {"id": "a", "status": "confirmed", "note": null, "decided_at": "2026-11-29T17:00:00+00:00"}  \n'
    )
    decisions = DecisionStore(path).load()
    assert decisions["b"].status is DecisionStatus.DISMISSED
    assert decisions["a"].decided_at == dt.datetime(2026, 11, 29, 17, tzinfo=UTC)


GOOD = '{"id": "abc123", "status": "confirmed"}\n'


@pytest.mark.parametrize(
    ("bad_line", "expected"),
    [
        ('{"id": "x" "status": "confirmed"}', "not valid JSON: Expecting ',' delimiter"),
        ('{"id": "x", "status": "confirm"}', "unknown status 'confirm' (did you mean 'confirmed'?)"),
        ('{"id": "abc123", "status": "dismissed"}', "duplicate id abc123 (first on line 1)"),
        ('{"id": "x"}', "missing status"),
        ('{"status": "confirmed"}', "missing id"),
        ('{"id": "", "status": "confirmed"}', "id must be a non-empty string"),
        ('{"id": 7, "status": "confirmed"}', "id must be a non-empty string"),
        ('["x", "confirmed"]', "expected a JSON object"),
        ('{"id": "x", "status": "confirmed", "stauts": "x"}', "unknown key 'stauts' (did you mean 'status'?)"),
        ('{"id": "x", "status": "confirmed", "id": "y"}', "key 'id' appears twice"),
        ('{"id": "x", "status": "confirmed", "note": 5}', "note must be a string"),
        ('{"id": "x", "status": "confirmed", "decided_at": "yesterday"}', "not an ISO 8601 date-time"),
        ("<<<<<<< HEAD", "unresolved merge conflict marker"),
    ],
)
def test_corrupt_file_names_file_line_and_problem(tmp_path: Path, bad_line: str, expected: str) -> None:
    path = tmp_path / "decisions.jsonl"
    path.write_text(GOOD + "\n" + bad_line + "\n", encoding="utf-8")
    with pytest.raises(DecisionsError) as caught:
        DecisionStore(path).load()
    assert caught.value.line == 3
    assert caught.value.path == str(path)
    assert expected in caught.value.reason
    assert str(caught.value).startswith(f"{path}:3: ")


def test_invalid_utf8_is_reported_with_line(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    path.write_bytes(GOOD.encode() + b'{"id": "\xff", "status": "confirmed"}\n')
    with pytest.raises(DecisionsError, match="not valid UTF-8") as caught:
        DecisionStore(path).load()
    assert caught.value.line == 2


@pytest.mark.parametrize("action", ["record", "record_many", "remove"])
def test_corrupt_file_is_never_overwritten(tmp_path: Path, action: str) -> None:
    path = tmp_path / "d.jsonl"
    original = (GOOD + '{"id": "x", "status": "confirm"}\n').encode()
    path.write_bytes(original)
    store = DecisionStore(path)
    with pytest.raises(DecisionsError) as caught:
        if action == "record":
            store.record(_decision("new"))
        elif action == "record_many":
            store.record_many([_decision("new"), _decision("other")])
        else:
            store.remove("abc123")
    assert caught.value.line == 2
    assert path.read_bytes() == original
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.jsonl", "d.jsonl.lock"]  # no temp file left


def test_empty_id_is_refused(tmp_path: Path) -> None:
    store = DecisionStore(tmp_path / "d.jsonl")
    with pytest.raises(DecisionsError, match="empty id"):
        store.record(_decision("  "))
    assert not store.path.exists()


def test_write_failure_leaves_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = DecisionStore(tmp_path / "d.jsonl")
    store.record(_decision("a"))
    before = store.path.read_bytes()

    def broken_replace(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("checker.store.decisions.os.replace", broken_replace)
    with pytest.raises(DecisionsError, match="cannot write: No space left"):
        store.record(_decision("b"))
    assert store.path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.jsonl", "d.jsonl.lock"]


def test_directory_in_place_of_file(tmp_path: Path) -> None:
    (tmp_path / "d.jsonl").mkdir()
    with pytest.raises(DecisionsError, match="is a directory"):
        DecisionStore(tmp_path / "d.jsonl").load()


def test_symlinked_file_stays_a_symlink(tmp_path: Path) -> None:
    real = tmp_path / "shared" / "decisions.jsonl"
    real.parent.mkdir()
    link = tmp_path / "d.jsonl"
    link.symlink_to(real)
    DecisionStore(link).record(_decision("a"))
    assert link.is_symlink()
    assert DecisionStore(real).load().keys() == {"a"}


def test_dumps_decision_leaves_out_absent_fields() -> None:
    assert dumps_decision(_decision("a", "pending")) == '{"id": "a", "status": "pending"}'


def _write_many(path: str, prefix: str, count: int) -> None:
    store = DecisionStore(Path(path))
    for i in range(count):
        store.record(_decision(f"{prefix}{i:03d}", note=f"by {prefix}"))


@pytest.mark.skipif(sys.platform == "win32", reason="flock is POSIX")
def test_concurrent_writers_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / ".checker" / "decisions.jsonl"
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    workers = [context.Process(target=_write_many, args=(str(path), prefix, 50)) for prefix in ("p", "q")]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
    assert [worker.exitcode for worker in workers] == [0, 0]
    decisions = DecisionStore(path).load()
    assert len(decisions) == 100
    assert decisions["q049"].note == "by q"


def test_a_decision_dated_at_the_start_of_the_calendar_round_trips(tmp_path: Path) -> None:
    when = dt.datetime(1, 1, 1, 0, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    store = DecisionStore(tmp_path / "d.jsonl")
    store.record_many([Decision(id="0001", status=DecisionStatus.CONFIRMED, decided_at=when)])
    assert store.load()["0001"].decided_at == when
