"""HTML pages: only the main visible prose is analysed, and every analysed character maps back to the page."""

from __future__ import annotations

import datetime as dt
import html
import random
import re

import pytest

from checker.ingest import parse_document
from checker.ingest.html import extract_html
from checker.models import Document

FIXTURE = "tests/data/ingest/article.html"
_TAGS = re.compile(r"<!--.*?-->|<(script|style|nav|footer)\b.*?</\1>|</?[A-Za-z][^>]*>", re.S)
_ENTITY = re.compile(r"&#?\w+;?")
_CHUNK = re.compile(r"[^.!?\n]+[.!?]?")


def covered(doc: Document) -> dict[int, int]:
    """Analysed offset -> index of the segment covering it (separators are absent)."""
    out = {}
    for n, seg in enumerate(doc.segments or ()):
        for k in range(seg.length):
            out[seg.text_start + k] = n
    return out


def assert_maps_back(doc: Document) -> None:
    """Every analysed character sits at its raw offset, except entities, which map to their "&"."""
    assert doc.segments is not None
    starts = [s.text_start for s in doc.segments]
    assert starts == sorted(starts)
    inside = covered(doc)
    for i, ch in enumerate(doc.text):
        if i not in inside:
            assert ch in " \t\n.", f"separator {ch!r} at {i}"
            continue
        r = doc.to_raw(i)
        if doc.raw[r] == "&" and ch != "&":
            assert html.unescape(_ENTITY.match(doc.raw, r).group())[0] == ch
        else:
            assert doc.raw[r] == ch, (i, ch, doc.raw[r - 10 : r + 10])
    # sentence-sized chunks: the raw stretch a span names, read as a browser would, is the chunk
    for m in _CHUNK.finditer(doc.text):
        start, end = m.start(), m.end()
        while start < end and start not in inside:
            start += 1
        while end > start and end - 1 not in inside:
            end -= 1  # a span ending on a separator would reach one raw character past its segment
        if start == end:
            continue
        span = doc.span(start, end)
        raw_end = span.end
        if doc.raw[raw_end - 1] == "&":
            raw_end = _ENTITY.match(doc.raw, raw_end - 1).end()
        seen = "".join(html.unescape(_TAGS.sub("", doc.raw[span.start : raw_end])).split())
        chunk = "".join(ch for k, ch in enumerate(doc.text[start:end], start) if k in inside)
        assert seen == "".join(chunk.split()), (seen, chunk)


@pytest.fixture(scope="module")
def article() -> Document:
    with open(FIXTURE, encoding="utf-8") as fh:
        return parse_document(FIXTURE, fh.read())


def test_fixture_maps_back(article):
    assert_maps_back(article)


def test_main_text_only(article):
    text = article.text
    assert "Rescuers pulled survivors" in text and "Officials said more help was on its way." in text
    for junk in ("3000", "777", "4444", "900 days", "5555", "6666", "7777", "8888", "9999", "1111", "2222",
                 "3333", "1212", "1313", "1414", "1515", "1616", "1,717", "LD headline", "World"):
        assert junk not in text, junk


def test_entities_are_decoded(article):
    assert "Monday’s earthquake" in article.text
    assert "7.8 & struck" in article.text
    assert "17.9\xa0km" in article.text
    assert "45\xa0000 tents were needed – far more" in article.text


def test_blocks_become_line_breaks(article):
    assert "rose to 2,100, officials said.\n\nThe quake" in article.text
    assert "the 1,500 delivered.\nOfficials said" in article.text
    assert "on Wednesday as the death toll" in article.text  # wrapped source lines collapse to one space


def test_table_rows_read_as_sentences(article):
    assert "Province\tDeaths.\nHatay\t1,200.\nKahramanmaras\t900." in article.text


def test_metadata(article):
    assert article.format == "html"
    assert article.title == "Quake toll rises to 2,100"
    assert article.source == "Example Wire"
    assert article.date == dt.date(2023, 2, 8)


def test_script_never_reaches_the_text():
    doc = parse_document("p.html", "<html><body><p>Before.</p><script>var troops = 3000;</script><p>After.</p>")
    assert "3000" not in doc.text and doc.text == "Before.\n\nAfter."


@pytest.mark.parametrize("tag", ["script", "style", "noscript", "template", "nav", "footer", "aside", "form",
                                 "svg", "iframe", "button", "select", "textarea"])
def test_chrome_elements_are_dropped(tag):
    doc = parse_document("p.html", f"<body><p>Kept 1.</p><{tag}>Dropped 99</{tag}><p>Kept 2.</p></body>")
    assert doc.text == "Kept 1.\n\nKept 2."


def test_article_is_preferred_over_the_rest_of_the_body():
    page = "<body><div>Sidebar teaser about 42 tanks</div><article><p>" + "The story. " * 60 + "</p></article></body>"
    doc = parse_document("p.html", page)
    assert "42" not in doc.text and doc.text.startswith("The story.")


def test_largest_article_wins_on_listing_pages():
    page = "<body><article><p>Teaser 1.</p></article><article><p>" + "Main story text. " * 50 + "</p></article></body>"
    assert "Teaser" not in parse_document("p.html", page).text


def test_main_is_used_without_an_article():
    page = "<body><div class='hero'>Promo 7</div><main><p>" + "Main text here. " * 30 + "</p></main></body>"
    doc = parse_document("p.html", page)
    assert "Promo" not in doc.text and doc.text.startswith("Main text here.")


def test_boilerplate_classes_are_dropped_unless_they_hold_the_whole_page():
    page = "<body><div class='share-bar'>Share 12</div><p>Story 1.</p><div id='related-links'>Other 13</div></body>"
    assert parse_document("p.html", page).text == "Story 1."
    whole = "<body><div class='post has-ads'>" + "Whole story. " * 20 + "</div></body>"
    assert parse_document("p.html", whole).text.startswith("Whole story.")


def test_header_is_kept_inside_article_and_dropped_outside():
    page = ("<body><header>Site 1</header><article><header><h1>Headline</h1></header>"
            "<p>" + "Body. " * 100 + "</p></article></body>")
    doc = parse_document("p.html", page)
    assert doc.text.startswith("Headline\n\nBody.") and "Site 1" not in doc.text


def test_unclosed_head_ends_at_body():
    doc = parse_document("p.html", "<html><head><title>T</title><body><p>Visible text.</p></body>")
    assert doc.text == "Visible text." and doc.title == "T"


def test_fragment_and_stray_brackets():
    doc = parse_document("p.html", "<p>Losses < 5% and 3 > 2 &amp; more &bogus; here</p>")
    assert doc.text == "Losses < 5% and 3 > 2 & more &bogus; here"
    assert_maps_back(doc)


def test_crlf_offsets():
    raw = "<html>\r\n<body>\r\n<p>First line\r\n  continues with 5 troops.</p>\r\n</body></html>\r\n"
    doc = parse_document("p.html", raw)
    assert doc.text == "First line continues with 5 troops."
    span = doc.span(doc.text.index("5"), doc.text.index("5") + 1)
    assert raw[span.start] == "5" and (span.line, span.column) == (4, 18)


@pytest.mark.parametrize(
    ("head", "title", "date", "source"),
    [
        ('<title>Floods hit north | Daily Post</title><meta property="og:site_name" content="Daily Post">',
         "Floods hit north", None, "Daily Post"),
        ('<meta name="twitter:title" content="TW title"><meta name="author" content="Jane Roe">'
         '<meta name="dc.date" content="2022-03-04">', "TW title", dt.date(2022, 3, 4), "Jane Roe"),
        ('<meta itemprop="datePublished" content="2021-01-02T23:59:00-05:00"><title>Plain</title>',
         "Plain", dt.date(2021, 1, 2), None),
        ('<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", "headline": "LD", '
         '"datePublished": "2020-05-06", "publisher": {"name": "LD Pub"}}]}</script>',
         "LD", dt.date(2020, 5, 6), "LD Pub"),
    ],
)
def test_head_metadata(head, title, date, source):
    doc = parse_document("p.html", f"<html><head>{head}</head><body><p>Some text.</p></body></html>")
    assert (doc.title, doc.date, doc.source) == (title, date, source)


def test_time_in_article_header_and_h1_fallback():
    page = ('<body><article><header><h1>The &amp; headline</h1><time datetime="2019-07-08">July 8</time>'
            "</header><p>Text.</p></article></body>")
    doc = parse_document("p.html", page)
    assert doc.title == "The & headline" and doc.date == dt.date(2019, 7, 8)


def test_svg_title_is_not_the_page_title():
    doc = parse_document("p.html", "<body><svg><title>Icon</title></svg><p>Short line</p></body>")
    assert doc.title == "Short line"


# ---------------------------------------------------------------------------------------------- random pages

_WORDS = ["troops", "11,000", "Kursk", "said", "about", "7.8", "Oblast", "North", "Korean", "—", "officials"]
_ENTITIES = ["&amp;", "&#8217;", "&nbsp;", "&eacute;", "&#x2014;", "&lt;", "&quot;", "&mdash;", "&copy"]
_INLINE = ["<b>", "</b>", '<a href="/x?a=1&amp;b=2">', "</a>", "<span class='c'>", "</span>", "<em>", "</em>"]
_BLOCK = ["<p>", "</p>", "<div>", "</div>", "<br>", "<br/>", "<li>", "</li>", "<h2>", "</h2>", "<tr><td>", "</td></tr>"]
_JUNK = ["<script>var q = 99;</script>", "<nav>menu 77</nav>", "<!-- note 66 -->", "<style>p{width:55px}</style>",
         "<footer>foot 44</footer>"]
_SPACE = [" ", " ", " ", "\n", "  ", "\t", "\r\n   "]


def random_page(rng: random.Random) -> str:
    parts = ["<html><head><title>T</title></head><body>"]
    for _ in range(rng.randint(5, 80)):
        roll = rng.random()
        pool = _WORDS if roll < 0.45 else _SPACE if roll < 0.7 else _ENTITIES if roll < 0.8 else \
            _INLINE if roll < 0.88 else _BLOCK if roll < 0.96 else _JUNK
        parts.append(rng.choice(pool))
    parts.append("</body></html>")
    return "".join(parts)


@pytest.mark.parametrize("seed", range(150))
def test_random_pages_map_back(seed):
    doc = parse_document("r.html", random_page(random.Random(seed)))
    assert_maps_back(doc)
    for junk in ("99", "77", "66", "55", "44"):
        assert junk not in doc.text
    assert doc.text == doc.text.strip(" \n")
    assert "  " not in doc.text.replace("\xa0", "x")


def test_extract_html_is_pure_and_repeatable():
    raw = random_page(random.Random(7))
    assert extract_html(raw) == extract_html(raw)


def test_landmarks_given_by_attributes():
    body = "<p>" + "Real story text. " * 40 + "</p>"
    page = f"<body><div class='teaser'>Teaser 5</div><div role='main'>{body}</div></body>"
    assert "Teaser" not in parse_document("p.html", page).text
    page = f"<body><div>Promo 6</div><div itemprop='articleBody'>{body}</div><div>Promo 7</div></body>"
    text = parse_document("p.html", page).text
    assert text.startswith("Real story text.") and "Promo" not in text


def test_citation_marks_and_deleted_text_are_dropped():
    doc = parse_document("p.html", '<p>Toll was <del>500</del> 300.<sup class="reference">[12]</sup> More.</p>')
    assert doc.text == "Toll was 300. More."


def test_typical_cms_page():
    path = "tests/data/ingest/wordpress.html"
    with open(path, encoding="utf-8") as fh:
        doc = parse_document(path, fh.read())
    assert doc.text == (
        "Storm kills 12\n\nJune 3, 2024\n\nMIAMI (AP) — A storm killed 12 people on Sunday, officials said.\n\n"
        "About 40,000 homes lost power."
    )
    assert (doc.title, doc.source, doc.date) == ("Storm kills 12", "The Gazette", dt.date(2024, 6, 3))
    assert_maps_back(doc)


def test_thousands_of_distinct_hidden_elements_are_walked_in_one_pass() -> None:
    # each tag used to scan the stack of open hidden regions: 20k of them took 26 s
    n = 20_000
    page = "<html><body>" + "".join(f"<t{i} hidden>x" for i in range(n)) + "".join(f"</t{i}>" for i in range(n))
    page += "<p>About 500 troops arrived.</p></body></html>"
    assert extract_html(page).text == "About 500 troops arrived."
    unclosed = "<html><body>" + "".join(f'<t{i} style="display:none">' for i in range(n)) + "<p>hidden</p>"
    assert extract_html(unclosed).text == ""
