"""Reading paths into documents: walking, stdin, decoding, limits, and how failures are reported."""

from __future__ import annotations

import datetime as dt
import io
import os

import pytest

from checker.errors import InputError
from checker.ingest import InputProblem, LoadResult, discover, load_documents

DATA = "tests/data/ingest"


def write(path, content: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    """A folder as users keep one: reports in several formats, sub-folders, and things that are not reports."""
    root = tmp_path / "reports"
    write(root / "b.txt", "Report B says 10 troops.\n")
    write(root / "a.md", "# A\n\nReport A says 12 troops.\n")
    write(root / "sub" / "c.html", "<html><body><p>Report C says 14 troops.</p></body></html>")
    write(root / "sub" / "inner" / "d.text", "Report D.\n")
    write(root / "A2.markdown", "Report A2.\n")
    write(root / "e.htm", "<p>Report E.</p>")
    write(root / ".hidden" / "x.txt", "hidden folder\n")
    write(root / ".checker" / "y.txt", "checker state\n")
    write(root / ".secret.txt", "hidden file\n")
    write(root / "README.md", "# About this folder\n")
    write(root / "data.json", '{"troops": 5}')
    write(root / "notes.pdf", b"%PDF-1.4 binary")
    monkeypatch.chdir(tmp_path)
    return "reports"


def paths(result: LoadResult) -> list[str]:
    return [d.path for d in result.documents]


def test_folder_walk_is_sorted_recursive_and_skips_non_reports(corpus):
    result = load_documents([corpus])
    assert paths(result) == [
        "reports/A2.markdown",
        "reports/a.md",
        "reports/b.txt",
        "reports/e.htm",
        "reports/sub/c.html",
        "reports/sub/inner/d.text",
    ]
    assert result.problems == []


def test_paths_keep_the_form_given(corpus):
    assert paths(load_documents([corpus + "/"]))[0] == "reports/A2.markdown"
    assert paths(load_documents(["./" + corpus]))[0] == "./reports/A2.markdown"
    os.chdir(corpus)
    assert paths(load_documents(["."]))[0] == "A2.markdown"
    assert not any(os.path.isabs(p) for p in paths(load_documents(["sub"])))


def test_formats_follow_extensions(corpus):
    formats = {d.path.rsplit("/", 1)[1]: d.format for d in load_documents([corpus]).documents}
    assert formats == {
        "A2.markdown": "markdown",
        "a.md": "markdown",
        "b.txt": "text",
        "e.htm": "html",
        "c.html": "html",
        "d.text": "text",
    }


def test_explicit_file_loads_whatever_its_extension(corpus):
    result = load_documents(["reports/README.md", "reports/.hidden/x.txt"])
    assert paths(result) == ["reports/README.md", "reports/.hidden/x.txt"]


def test_same_file_twice_loads_once(corpus):
    result = load_documents([corpus, "reports/b.txt"])
    assert paths(result).count("reports/b.txt") == 1


def test_stdin_dash(tmp_path):
    result = load_documents(["-"], stdin=io.BytesIO("KYIV (Reuters) - About 11,000 troops.\n".encode()))
    (doc,) = result.documents
    assert doc.path == "-" and doc.format == "text" and doc.source == "Reuters"
    assert doc.title is None  # a sentence is no headline, and stdin has no file name to fall back on


def test_stdin_is_read_from_sys_stdin_by_default(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"<p>Page &amp; text</p>")))
    (doc,) = load_documents(["-"]).documents
    assert doc.format == "html" and doc.text == "Page & text"


def test_missing_path_is_an_input_error(tmp_path):
    with pytest.raises(InputError) as err:
        load_documents([str(tmp_path / "nope.txt")])
    assert err.value.reason == "no such file or folder"
    assert err.value.path == str(tmp_path / "nope.txt")


def test_folder_without_reports(tmp_path):
    write(tmp_path / "x.json", "{}")
    with pytest.raises(InputError) as err:
        load_documents([str(tmp_path)])
    assert err.value.reason.startswith("no reports in this folder (looked for .htm .html .markdown .md .text .txt)")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"Troops\x00\x01\x02 here", "is a binary file (it contains NUL bytes), not a text report"),
        (bytes(range(1, 32)) * 10, "is a binary file (mostly control bytes), not a text report"),
        (b"%PDF-1.7\n...", "is a PDF file; convert it to text first"),
        (b"PK\x03\x04....", "is a ZIP archive (or a .docx/.odt document); save it as text first"),
    ],
)
def test_binary_files(tmp_path, content, reason):
    write(tmp_path / "bad.txt", content)
    with pytest.raises(InputError) as err:
        load_documents([str(tmp_path / "bad.txt")])
    assert err.value.reason == reason


def test_undecodable_bytes_say_where(tmp_path):
    write(tmp_path / "bad.txt", "line one\nline two\nabcdef\xff rest".encode("latin-1").replace(b"\xff", b"\xff"))
    with pytest.raises(InputError) as err:
        load_documents([str(tmp_path / "bad.txt")])
    assert err.value.reason == "byte 0xff at line 3, column 7 is not valid UTF-8; pass --encoding"
    assert str(err.value) == f"{tmp_path / 'bad.txt'}: {err.value.reason}"


def test_column_counts_characters_not_bytes(tmp_path):
    write(tmp_path / "bad.txt", "Kyiv — é".encode() + b"\xfe")
    with pytest.raises(InputError, match="byte 0xfe at line 1, column 9 is not valid UTF-8"):
        load_documents([str(tmp_path / "bad.txt")])


def test_encoding_option(tmp_path):
    write(tmp_path / "latin.txt", "Café in Zürich: 300 guests.\n".encode("latin-1"))
    (doc,) = load_documents([str(tmp_path / "latin.txt")], encoding="latin-1").documents
    assert doc.raw == "Café in Zürich: 300 guests.\n"
    with pytest.raises(InputError, match="unknown encoding 'klingon'"):
        load_documents([str(tmp_path / "latin.txt")], encoding="klingon")


def test_html_declared_charset_is_used_when_utf8_fails(tmp_path):
    page = '<html><head><meta charset="windows-1252"></head><body><p>Caf\xe9 \x93quoted\x94</p></body></html>'
    write(tmp_path / "page.html", page.encode("latin-1"))
    (doc,) = load_documents([str(tmp_path / "page.html")]).documents
    assert doc.text == "Café “quoted”"


def test_bom_is_removed_and_offsets_count_from_after_it(tmp_path):
    write(tmp_path / "bom.txt", b"\xef\xbb\xbfHello 5 troops.")
    (doc,) = load_documents([str(tmp_path / "bom.txt")]).documents
    assert doc.raw == doc.text == "Hello 5 troops." and doc.raw.index("5") == 6


def test_utf16_with_bom(tmp_path):
    write(tmp_path / "u16.txt", "Zwölf Soldaten.\n".encode("utf-16"))
    (doc,) = load_documents([str(tmp_path / "u16.txt")]).documents
    assert doc.raw == "Zwölf Soldaten.\n"


def test_crlf_is_kept(tmp_path):
    write(tmp_path / "crlf.txt", b"Title line\r\nSecond line with 5 troops.\r\n")
    (doc,) = load_documents([str(tmp_path / "crlf.txt")]).documents
    assert doc.raw == "Title line\r\nSecond line with 5 troops.\r\n"
    assert doc.span(doc.text.index("5"), doc.text.index("5") + 1).line == 2


def test_size_limit(tmp_path):
    write(tmp_path / "big.txt", "x" * 12_300_000)
    with pytest.raises(InputError) as err:
        load_documents([str(tmp_path / "big.txt")])
    assert err.value.reason == "12.3 MB is over the 10 MB limit"
    with pytest.raises(InputError, match="over the 1,000 bytes limit"):
        load_documents(["-"], stdin=io.BytesIO(b"y" * 2000), max_bytes=1000)


def test_empty_file_is_a_warning_and_skipped(tmp_path):
    write(tmp_path / "empty.txt", "")
    write(tmp_path / "blank.md", "  \n\n")
    write(tmp_path / "ok.txt", "Some 5 troops.")
    write(tmp_path / "chrome.html", "<html><body><nav>Menu</nav><script>x=1</script></body></html>")
    result = load_documents([str(tmp_path)])
    assert paths(result) == [str(tmp_path / "ok.txt")]
    assert [(os.path.basename(p.path), p.severity) for p in result.problems] == [
        ("blank.md", "warning"),
        ("chrome.html", "warning"),
        ("empty.txt", "warning"),
    ]
    assert result.problems[0].reason == "is empty (no text to check); skipped"


def test_one_bad_file_among_good_ones(tmp_path):
    write(tmp_path / "a.txt", "Good report, 5 troops.")
    write(tmp_path / "b.txt", b"bad \x00 bytes")
    write(tmp_path / "c.txt", "Another good one.")
    result = load_documents([str(tmp_path), str(tmp_path / "missing.txt")])
    assert [os.path.basename(p) for p in paths(result)] == ["a.txt", "c.txt"]
    assert [(os.path.basename(p.path), p.severity) for p in result.problems] == [
        ("missing.txt", "error"),
        ("b.txt", "error"),
    ]
    assert all(isinstance(p, InputProblem) for p in result.problems)


def test_strict_mode_raises_on_first_bad_file(tmp_path):
    write(tmp_path / "a.txt", "Good report.")
    write(tmp_path / "b.txt", b"bad \x00 bytes")
    write(tmp_path / "c.txt", b"\xff")
    with pytest.raises(InputError) as err:
        load_documents([str(tmp_path)], strict=True)
    assert err.value.path.endswith("b.txt")


def test_nothing_loaded_is_an_error(tmp_path):
    write(tmp_path / "a.txt", b"\x00\x00")
    write(tmp_path / "b.txt", "")
    with pytest.raises(InputError) as err:
        load_documents([str(tmp_path)])
    assert err.value.reason.startswith("no report could be loaded (")
    with pytest.raises(InputError, match="is empty"):
        load_documents([str(tmp_path / "b.txt")])
    with pytest.raises(InputError):
        load_documents([])


def test_progress_is_reported_per_file(corpus):
    calls: list[tuple[int, int]] = []
    load_documents([corpus], on_progress=lambda done, total: calls.append((done, total)))
    assert calls == [(i, 6) for i in range(1, 7)]


def test_reference_date_is_the_fallback(corpus):
    day = dt.date(2024, 11, 25)
    docs = load_documents([corpus], reference_date=day).documents
    assert {d.date for d in docs} == {day}


def test_fixture_files_load():
    result = load_documents([DATA])
    assert {d.format for d in result.documents} == {"text", "markdown", "html"}
    by_name = {d.path.rsplit("/", 1)[1]: d for d in result.documents}
    dateline = by_name["dateline.txt"]
    assert (dateline.title, dateline.source, dateline.date) == ("Troops massing near the border", "Reuters", None)


def test_discover_hands_over_the_stat_of_each_file_it_walked(tmp_path):
    root = tmp_path / "reports"
    for name in ("b.txt", "a.md", "sub/c.html", "README.md", ".hidden.txt", "notes.pdf"):
        write(root / name, "Text.\n")
    write(tmp_path / "single.txt", "Alone.\n")
    stats = {}
    found, _ = discover([str(root / "sub"), str(root), str(tmp_path / "single.txt")], stats=stats)
    assert [os.path.relpath(p, tmp_path) for p in found] == [
        "reports/sub/c.html", "reports/a.md", "reports/b.txt", "single.txt"
    ]
    # Every walked file once (c.html under the spelling that came first), with its own stat; not a file named
    # on its own, which the walk did not look at.
    assert set(stats) == set(found[:3])
    for path, info in stats.items():
        assert (info.st_ino, info.st_size, info.st_mtime_ns) == (
            os.stat(path).st_ino, os.stat(path).st_size, os.stat(path).st_mtime_ns
        )


def test_a_folder_sorts_before_a_file_whose_name_it_begins(tmp_path):
    # By path parts: "a" < "a-b.txt", so a/ comes first, though "a/" > "a-" as text.
    for name in ("a-b.txt", "a/x.txt", "a.txt", "a/y/z.txt", "a0.txt"):
        write(tmp_path / name, "Text.\n")
    found, _ = discover([str(tmp_path)])
    assert [os.path.relpath(p, tmp_path) for p in found] == ["a/x.txt", "a/y/z.txt", "a-b.txt", "a.txt", "a0.txt"]
