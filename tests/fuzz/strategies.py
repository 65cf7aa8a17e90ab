"""Hypothesis strategies for reports: news-like sentences mixed with the fragments that broke checker before."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

SENTENCES = [
    "About 11,000 North Korean troops are in Kursk Oblast, officials said.",
    "Fewer than 3,000 North Korean troops are in Kursk Oblast, the spy agency said.",
    "At least 200 people were killed in the flooding on Monday.",
    "The treaty was signed in June, the ministry said.",
    "Troops arrived yesterday and will leave next year.",
    "The Pentagon could not confirm reports of 500 killed.",
    "Acme Corp reported revenue of $4.2 billion for the quarter.",
    "The ministry said it had deployed 500 troops to",
    "KYIV, Nov. 25, 2024 (Reuters) - ",
]
HOSTILE = [
    "9" * 320,
    "." * 200,
    "?!" * 100,
    "…" * 50,
    "<!--",
    "-->",
    "<p>",
    "</p>",
    "<div hidden>",
    '<script type="application/ld+json">{"headline": "\\ud800"}</script>',
    "[" * 80,
    "]" * 80,
    "\ud800",
    "\udcff",
    "\x1b]52;c;ZXZpbA==\x07",
    "\x1b[31m",
    "\u202e",
    "\u2066",
    "\n::error file=x::boom\n",
    "##[error]",
    "\r",
    "\x00",
    "\x0b\x0c",
    "&#xD800;",
    "&amp;",
    "| 512 | 446 |\n|---|---|\n",
    "Kyiv, Kursk, Odesa, Kharkiv,",
    "from",
]
SEPARATORS = [" ", "\n", "\n\n", ". ", "\r\n", ""]
FRONT_MATTER = [
    "",
    "---\ntitle: Troops\ndate: 2024-11-25\n---\n",
    "---\ndate: 0001-01-01\n---\n",
    "---\ndate: 9999-12-31\n---\n",
    "---\ntitle: " + "[" * 300 + "]" * 300 + "\n---\n",
    "+++\ntitle = " + "[" * 300 + "]" * 300 + "\n+++\n",
    "---\na: &a [1,2]\nb: [*a,*a]\ntitle: *b\n---\n",
]
NAMES = ["a.txt", "b.md", "c.html", "d", "r\udcffport.txt", "e\u202e.md", "f g.txt"]

pieces = st.one_of(st.sampled_from(SENTENCES), st.sampled_from(HOSTILE), st.text(max_size=30))
texts = st.builds(
    lambda front, parts, seps: front + "".join(p + seps[i % len(seps)] for i, p in enumerate(parts)),
    st.sampled_from(FRONT_MATTER),
    st.lists(pieces, max_size=12),
    st.lists(st.sampled_from(SEPARATORS), min_size=1, max_size=4),
)
encoded = st.one_of(
    texts.map(lambda t: t.encode("utf-8", "surrogatepass")),
    texts.map(lambda t: t.encode("utf-8", "replace")),
    st.binary(max_size=200),
)
files = st.lists(st.tuples(st.sampled_from(NAMES), encoded), min_size=1, max_size=3, unique_by=lambda f: f[0])
dates = st.one_of(st.none(), st.dates(), st.sampled_from([dt.date(1, 1, 1), dt.date(9999, 12, 31)]))
