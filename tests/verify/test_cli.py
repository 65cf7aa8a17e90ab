"""``checker verify`` end to end: loading like check, exit codes, --fail-on, bad input."""

from __future__ import annotations

import json

import pytest

from checker.cli import main

SOURCE = "The storm killed 12 people in Texas on Monday, officials said.\n"


@pytest.fixture
def files(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "source.txt").write_text(SOURCE, encoding="utf-8")

    def draft(text: str, name: str = "draft.txt") -> str:
        (tmp_path / name).write_text(text, encoding="utf-8")
        return name

    return draft


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(["verify", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_supported_draft_exits_0(files, capsys):
    code, out, _ = run(capsys, files("A dozen people were killed by the storm in Texas.\n"), "--against", "source.txt",
                       "--date", "2025-03-14")
    assert code == 0, out
    assert "SUPPORTED" in out


def test_contradicted_draft_exits_1_with_json_claims(files, capsys):
    code, out, _ = run(capsys, files("The storm killed 40 people in Texas.\n"), "--against", "source.txt",
                       "--format", "json", "--date", "2025-03-14")
    assert code == 1
    data = json.loads(out)
    statuses = [c["status"] for c in data["claims"]]
    assert "contradicted" in statuses
    assert data["drafts"][0]["path"] == "draft.txt"
    assert [d["path"] for d in data["sources"]] == ["source.txt"]


def test_fail_on_contradicted_ignores_unsupported(files, capsys):
    draft = files("The storm injured 7 people.\n")
    code, out, _ = run(capsys, draft, "--against", "source.txt", "--format", "json", "--date", "2025-03-14")
    assert code == 1
    assert {c["status"] for c in json.loads(out)["claims"]} == {"unsupported"}
    code, _, _ = run(capsys, draft, "--against", "source.txt", "--fail-on", "contradicted", "--date", "2025-03-14")
    assert code == 0


def test_missing_source_is_bad_input(files, capsys):
    code, _, err = run(capsys, files("The storm killed 12 people.\n"), "--against", "nowhere.txt")
    assert code == 2
    assert "nowhere.txt" in err


def test_missing_draft_is_bad_input(files, capsys):
    code, _, err = run(capsys, "nowhere.txt", "--against", "source.txt")
    assert code == 2
    assert "nowhere.txt" in err


def test_against_is_required(files, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["verify", files("The storm killed 12 people.\n")])
    assert exc.value.code == 2


def test_a_draft_inside_the_source_folder_is_not_its_own_source(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "all").mkdir()
    (tmp_path / "all" / "draft.txt").write_text("The storm killed 40 people in Texas.\n", encoding="utf-8")
    (tmp_path / "all" / "source.txt").write_text(SOURCE, encoding="utf-8")
    code, out, _ = run(capsys, "all/draft.txt", "--against", "all", "--format", "json", "--date", "2025-03-14")
    data = json.loads(out)
    assert [d["path"] for d in data["sources"]] == ["all/source.txt"]
    assert code == 1 and "contradicted" in {c["status"] for c in data["claims"]}


def test_help_teaches_the_statuses(capsys):
    with pytest.raises(SystemExit):
        main(["verify", "--help"])
    out = capsys.readouterr().out
    for word in ("supported", "contradicted", "unsupported", "unchecked", "--fail-on", "examples"):
        assert word in out


def test_a_claim_accepted_by_id_no_longer_fails(files, capsys):
    draft = files("The storm injured 7 people.\n")
    code, out, _ = run(capsys, draft, "--against", "source.txt", "--format", "json", "--date", "2025-03-14")
    assert code == 1
    ids = [c["id"] for c in json.loads(out)["claims"] if c["status"] == "unsupported"]
    assert ids
    for claim_id in ids:
        assert main(["decide", claim_id, "--confirm", "--note", "sourced by phone call", "--reports", draft,
                     "--against", "source.txt", "--date", "2025-03-14"]) == 0
    capsys.readouterr()
    code, out, _ = run(capsys, draft, "--against", "source.txt", "--format", "json", "--date", "2025-03-14")
    assert code == 0
    claims = json.loads(out)["claims"]
    assert all(c["accepted"] and c["note"] == "sourced by phone call" for c in claims if c["status"] == "unsupported")


def test_review_verify_opens_the_verify_review_on_the_loaded_run(files, capsys, monkeypatch):
    import tui.verify

    seen = {}

    class FakeApp:
        load_error = None
        return_code = 0

        def __init__(self, load, store, analyst=None):
            self._load = load

        def run(self):
            seen["run"] = self._load()

    monkeypatch.setattr(tui.verify, "make_verify_app", lambda load, store, analyst=None: FakeApp(load, store))
    draft = files("The storm killed 40 people in Texas.\n")
    assert main(["review", "--verify", draft, "--against", "source.txt", "--date", "2025-03-14"]) == 0
    run_ = seen["run"]
    assert {d.path for d in run_.report.drafts} == {"draft.txt"}
    assert "contradicted" in {c.status.value for c in run_.report.claims}
    assert set(run_.documents) == {"draft.txt", "source.txt"}


def test_review_verify_without_sources_is_bad_input(files, capsys):
    assert main(["review", "--verify", files("The storm killed 40 people.\n")]) == 2
    assert "--against" in capsys.readouterr().err


def test_against_takes_several_sources(files, capsys, tmp_path):
    (tmp_path / "other.txt").write_text("Officials said 300 homes were damaged by the storm.\n", encoding="utf-8")
    draft = files("The storm killed 12 people in Texas.\nOfficials said 300 homes were damaged.\n")
    code, out, _ = run(capsys, draft, "--against", "source.txt", "other.txt", "--format", "json",
                       "--date", "2025-03-14")
    data = json.loads(out)
    assert [d["path"] for d in data["sources"]] == ["source.txt", "other.txt"]
    assert [d["path"] for d in data["drafts"]] == ["draft.txt"]


MATCH = "Harbour City beat Eastvale 3-1 at Riverside Park on Saturday.\n"


def indexed(capsys, tmp_path, **reports: str) -> None:
    """A corpus folder of these reports, indexed into corpus.sqlite."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in reports.items():
        (corpus / f"{name}.txt").write_text(text, encoding="utf-8")
    assert main(["index", "corpus", "--index", "corpus.sqlite", "--quiet"]) == 0
    capsys.readouterr()


def test_against_an_index_reads_only_the_indexed_reports_on_the_drafts_claims(files, capsys, tmp_path):
    indexed(capsys, tmp_path, storm=SOURCE, match=MATCH)
    code, out, _ = run(capsys, files("The storm killed 40 people in Texas.\n"), "--against", "corpus.sqlite",
                       "--format", "json", "--date", "2025-03-14")
    data = json.loads(out)
    assert code == 1
    assert [d["path"].rsplit("/", 1)[-1] for d in data["sources"]] == ["storm.txt"]
    assert "contradicted" in {c["status"] for c in data["claims"]}


def test_against_an_index_with_nothing_on_the_drafts_claims_leaves_them_unsupported(files, capsys, tmp_path):
    indexed(capsys, tmp_path, match=MATCH)
    code, out, _ = run(capsys, files("The storm killed 40 people in Texas.\n"), "--against", "corpus.sqlite",
                       "--format", "json", "--date", "2025-03-14")
    assert code == 1
    assert {c["status"] for c in json.loads(out)["claims"]} == {"unsupported"}


def test_against_an_index_and_a_folder_together_is_bad_input(files, capsys, tmp_path):
    indexed(capsys, tmp_path, storm=SOURCE)
    code, _, err = run(capsys, files("The storm killed 40 people.\n"), "--against", "corpus.sqlite", "source.txt")
    assert code == 2 and "corpus.sqlite" in err


def test_quiet_prints_no_warnings(files, capsys):
    draft = files("The storm killed 12 people in Texas.\n")  # neither file has a date: a warning each
    _, _, err = run(capsys, draft, "--against", "source.txt")
    assert "warning" in err
    code, out, err = run(capsys, draft, "--against", "source.txt", "--quiet")
    assert (code, err) == (0, "")
    assert "SUPPORTED" in out


def test_progress_follows_the_sources(files, capsys):
    from contextlib import contextmanager

    from checker.cli import build_parser
    from checker.verify.cli import run as run_verify

    seen = []

    @contextmanager
    def progress():
        yield lambda done, total: seen.append((done, total))

    args = build_parser().parse_args(["verify", files("The storm killed 12 people.\n"), "--against", "source.txt",
                                      "--date", "2025-03-14"])
    run_verify(args, progress)
    capsys.readouterr()
    assert seen[-1] == (1, 1)


@pytest.mark.parametrize(("draft", "status"), [("The health minister resigned on Monday after the vote.\n", "supported"),
                                               ("The health minister resigned on Tuesday after the vote.\n",
                                                "contradicted")],
                         ids=["same-weekday", "another-weekday"])
def test_an_undated_draft_reads_its_weekday_as_of_the_source(tmp_path, monkeypatch, capsys, draft, status):
    """The draft's date is guessed (the median of the sources': March 12); its "Monday" is the Monday of the
    report that says it (March 4, for a report of March 6), not the Monday before the guess."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text("---\ndate: 2024-03-06\n---\nThe health minister resigned on Monday after the "
                                   "vote, officials said.\n", "utf-8")
    (tmp_path / "b.md").write_text("---\ndate: 2024-03-12\n---\nTalks on the budget continued, officials said.\n",
                                   "utf-8")
    (tmp_path / "c.md").write_text("---\ndate: 2024-03-13\n---\nThe budget vote was delayed again.\n", "utf-8")
    (tmp_path / "draft.txt").write_text(draft, "utf-8")
    _, out, _ = run(capsys, "draft.txt", "--against", "a.md", "b.md", "c.md", "--format", "json")
    claims = {c["attribute"]: c["status"] for c in json.loads(out)["claims"]}
    assert claims["when:resign"] == status


def test_an_undated_draft_sentence_reads_its_weekday_as_of_the_source(tmp_path, monkeypatch, capsys):
    """The same in a draft sentence no claim of which lines up with a source's: its "Tuesday" is looked for as the
    Tuesday of each source, not of the guessed date."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text("---\ndate: 2024-03-07\n---\nThe death toll from the landslide in Peru on Tuesday "
                                   "rose to 31, officials said.\n", "utf-8")
    (tmp_path / "b.md").write_text("---\ndate: 2024-03-12\n---\nRescue work continued, officials said.\n", "utf-8")
    (tmp_path / "c.md").write_text("---\ndate: 2024-03-14\n---\nRoads in the region reopened.\n", "utf-8")
    (tmp_path / "draft.txt").write_text("In Peru on Tuesday the count rose to 31, officials said.\n", "utf-8")
    _, out, _ = run(capsys, "draft.txt", "--against", "a.md", "b.md", "c.md", "--format", "json")
    flagged = [c["evidence"]["value"] for c in json.loads(out)["claims"] if c["rule"] == "value-not-in-sources"]
    assert "Tuesday" not in flagged
