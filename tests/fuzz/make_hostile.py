"""Write a corpus of hostile report files: every input that once crashed, hung or fooled checker, plus friends.

    python tests/fuzz/make_hostile.py OUT_DIR        # writes the files, prints what it made

Used by ``test_hostile_corpus.py`` (into a temporary folder) and by ``scripts/fuzz.py`` as seeds to mutate.
``reports()`` gives the regular files as (name, bytes); ``write(folder)`` also makes what only a file system can
hold (a FIFO named like a report, a symlink to /dev/zero, a symlink out of the folder, a 2 GB sparse file, a file
name that is not UTF-8) where the platform allows.

``KNOWN_ISSUES`` names inputs that still fail, with the reason; the test expects them to fail until they are fixed
(then it fails, and the entry must go).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

CLAIM = "About 11,000 North Korean troops are in Kursk Oblast, officials said."
COUNTER = "About 3,000 North Korean troops are in Kursk Oblast, the spy agency said."
DEEP = 5_000

KNOWN_ISSUES: dict[str, str] = {}


def _billion_laughs() -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 12):
        prev, name = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    lines.append("title: *l")
    return "---\n" + "\n".join(lines) + "\n---\n" + CLAIM + "\n"


def reports() -> list[tuple[str, bytes]]:
    """The regular hostile files, as (file name, bytes)."""
    text: dict[str, str] = {
        "counter.txt": "SEOUL, Nov. 26, 2024 (Yonhap) - " + COUNTER + "\n",
        "huge-integer.txt": f"They deployed {'9' * 400} troops and {'1' * 5000} tanks. {CLAIM}\n",
        "year-one.md": "---\ndate: 0001-01-01\n---\nTroops arrived yesterday. The pact was signed in June. " + CLAIM,
        "year-9999.md": "---\ndate: 9999-12-31\n---\nTroops arrive tomorrow, next year and in June. " + CLAIM,
        "dateline-year-one.txt": "KYIV, Jan. 1, 0001 (Reuters) - Troops arrived yesterday, in June. " + CLAIM,
        "deep-yaml.md": "---\ntitle: " + "[" * DEEP + "]" * DEEP + "\n---\n" + CLAIM + "\n",
        "deep-yaml-block.md": "---\n" + "".join(" " * i + f"k{i}:\n" for i in range(400)) + " " * 400 + "v: 1\n---\n"
        + CLAIM,
        "deep-toml.md": "+++\ntitle = " + "[" * DEEP + "]" * DEEP + "\n+++\n" + CLAIM + "\n",
        "deep-json-ld.html": '<html><head><script type="application/ld+json">' + '{"headline":' * DEEP + '"x"'
        + "}" * DEEP + f"</script></head><body><p>{CLAIM}</p></body></html>",
        "billion-laughs.md": _billion_laughs(),
        "surrogate-yaml.md": '---\ntitle: "Troops \\ud800 arrive"\n---\n' + CLAIM,
        "surrogate-json-ld.html": '<script type="application/ld+json">{"headline": "T \\udcff"}</script><p>' + CLAIM
        + "</p>",
        "ends-with-from.txt": CLAIM + " The ministry said it had deployed 500 troops from",
        "dots.txt": CLAIM + " " + "." * 300_000 + "end",
        "bangs.txt": CLAIM + " " + "?!" * 100_000 + "end",
        "one-long-sentence.txt": " ".join(["Kyiv, Kursk, Odesa, 500 troops, Kharkiv, 12 tanks,"] * 600) + ".",
        "no-newlines.txt": (CLAIM + " ") * 5_000,
        "headings.txt": "Short heading line\nNext Line\n" * 10_000,
        "hidden-elements.html": "<html><body>" + "".join(f"<t{i} hidden>x" for i in range(20_000))
        + f"<p>{CLAIM}</p></body></html>",
        "unclosed-comment.html": f"<!-- draft\n<p>{CLAIM}</p>\n",
        "unclosed-comment-tail.md": CLAIM + "\n\n<!-- the rest\n" + COUNTER + "\n",
        "terminal-escapes.txt": f"\x1b]52;c;ZXZpbA==\x07\x1b[2J{CLAIM}\n::error file=x::injected\n##[error]fake\n",
        "bidi.txt": f"\u202eevil\u202c \u2066{CLAIM}\u2069\n",
        "workflow-command.md": f"# Title\n\n{CLAIM}\n::add-mask::secret\n::stop-commands::token\n",
        "many-assertions.txt": " ".join(f"Unit {i} reported {i + 100} troops killed." for i in range(1_000)),
        "crlf.txt": (CLAIM + "\r\n") * 50 + "lone\rreturn\r" + COUNTER,
        "nul-controls.txt": CLAIM + "\x0b\x0c\x1b" + COUNTER,
        "markup-soup.html": "<div <div <div " * 5_000 + "<p>" + CLAIM + "&#xD800;&#0;&bogus;</p>",
        "brackets.md": "[" * 100_000 + CLAIM + "]" * 100_000,
        "tables.md": "| a | b |\n|---|---|\n" + "| 512 | 446 |\n" * 5_000,
    }
    out = [(name, body.encode("utf-8", "surrogatepass") if "surrogate" in name else body.encode("utf-8"))
           for name, body in text.items()]
    out += [
        ("invalid-utf8.txt", CLAIM.encode() + b" \xff\xfe 500 troops.\n"),
        ("binary.txt", b"%PDF-1.7\n" + bytes(range(256)) * 10),
        ("nul.txt", b"About 500 troops\x00 arrived.\n"),
        ("utf16.txt", "\ufeff".encode("utf-16-le") + CLAIM.encode("utf-16-le")),
        ("empty.txt", b""),
        ("blank.md", b"   \n\n\t\n"),
        ("latin1-page.html", b'<meta charset="latin-1"><p>Caf\xe9 ' + CLAIM.encode() + b"</p>"),
    ]
    return out


def write(folder: Path) -> dict[str, str]:
    """Write the corpus into ``folder`` (created); returns the special files made, by name, with what they are."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in reports():
        (folder / name).write_bytes(data)
    special: dict[str, str] = {}
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "fifo.txt")
        special["fifo.txt"] = "a FIFO nobody writes to"
    if os.path.exists("/dev/zero"):
        (folder / "zero.txt").symlink_to("/dev/zero")
        special["zero.txt"] = "a symlink to /dev/zero"
    outside = folder.parent / (folder.name + "-outside")
    outside.mkdir(exist_ok=True)
    (outside / "secret.txt").write_text("root:x:0:0:" + COUNTER + "\n", encoding="utf-8")
    (folder / "escape.txt").symlink_to(outside / "secret.txt")
    special["escape.txt"] = "a symlink to a file outside the folder"
    with open(folder / "sparse.txt", "wb") as fh:
        fh.truncate(2_000_000_000)
    special["sparse.txt"] = "a 2 GB sparse file"
    try:
        raw_name = os.fsdecode(b"not-utf8-\xff.txt")
        (folder / raw_name).write_text(COUNTER + "\n", encoding="utf-8")
        special[raw_name] = "a file name that is not UTF-8"
    except (OSError, UnicodeEncodeError):
        pass
    return special


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    special = write(Path(argv[0]))
    print(f"{len(reports())} hostile reports and {len(special)} special files in {argv[0]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
