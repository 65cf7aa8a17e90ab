"""Visible main text of an HTML page, with a segment map back to the raw page.

A small regex tokenizer is used instead of a DOM library because what matters here is offsets: every run of
analysed text has to point at the characters it came from, so a finding in a paragraph can be shown at the right
line and column of the page (the DOM parsers at hand, selectolax and html.parser's tree builders, give no source
offsets for text nodes; selectolax, once declared for this, is no longer a dependency). The tokenizer walks the page once, drops what a reader never sees as article prose
(script, style, navigation, footers, forms, hidden elements, boilerplate blocks named by class or id), decodes
entities (each entity is its own segment, mapped to its ``&``), collapses whitespace the way a browser renders it,
and turns block boundaries into newlines that belong to no segment. It also collects page metadata (title, date,
site, author) for ``metadata.py`` to resolve.

Choosing the main text: the largest ``<article>`` if it holds a fair share of the page, else ``<main>``, else the
body. Class/id boilerplate rules are a heuristic, so if they would leave less than a fifth of the text they are
dropped for that page.
"""

from __future__ import annotations

import gc
import html as _html
import html.entities as _html_entities
import json
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from checker.ingest.limits import MAX_NESTING, nesting_depth
from checker.models import Segment

# ------------------------------------------------------------------------------------------------ knowledge

VOID = frozenset(
    "area base basefont bgsound br col embed frame hr img input keygen link meta param source track wbr".split()
)
# Content a reader never sees as the article's prose (or, for <del>, sees as withdrawn); dropped with its contents.
HARD_SKIP = frozenset(
    "script style noscript template nav footer aside form svg math iframe button select option datalist textarea "
    "dialog menu object embed canvas video audio map head del".split()
)
# Elements whose contents the tokenizer must not parse as markup (HTML "raw text" and "escapable raw text").
RAW_TEXT = frozenset("script style textarea title xmp iframe noembed noframes noscript plaintext".split())
# Elements that start a new line (1) or a new paragraph (2) in the analysed text.
BLOCK_BREAK: dict[str, int] = {
    **dict.fromkeys("p h1 h2 h3 h4 h5 h6 blockquote section article main header table pre ul ol dl figure".split(), 2),
    **dict.fromkeys(
        "div li br tr dt dd figcaption caption address hr center fieldset legend details summary".split(), 1
    ),
}
# Block-level elements that the class/id boilerplate heuristic may drop (never html/body/main/article).
SOFT_SKIP_TAGS = frozenset("div section ul ol header footer aside nav table figure sup".split())
CELL_TAGS = frozenset(("td", "th"))
_ATTR_TAGS = SOFT_SKIP_TAGS | {"meta", "time", "script"}
_ROLE_SKIP = frozenset(("navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "dialog"))


@cache
def html_knowledge() -> dict[str, frozenset[str]]:
    """Meta tag names and boilerplate words, from ``checker/data/ingest_html.json``."""
    text = resources.files("checker.data").joinpath("ingest_html.json").read_text(encoding="utf-8")
    data = json.loads(text)
    return {
        key: frozenset(v.lower() for v in values) for key, values in data.items() if not key.startswith("_")
    }


# ------------------------------------------------------------------------------------------------ tokenizer

# Any markup: a comment, a declaration/processing instruction, or a start/end tag (quoted ">" allowed in values).
_MARKUP = re.compile(
    r"<(?:(!--)|([!?])|(/?)([A-Za-z][A-Za-z0-9:_-]*)((?:[^>\"']++|\"[^\"]*+\"|'[^']*+'|[\"'])*+)>)"
)
_ATTR = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")
_RAW_END = {name: re.compile(rf"</{name}\s*>", re.I) for name in RAW_TEXT}
# Whitespace a browser collapses: any run except a lone ordinary space.
_COLLAPSE = re.compile(r"[ \t\n\r\f]{2,}|[\t\n\r\f]")
_ENTITY = re.compile(r"&(?:#[xX][0-9a-fA-F]+;?|#[0-9]+;?|([A-Za-z][A-Za-z0-9]{0,31})(;?))")
_HTML5 = _html_entities.html5
_LONGEST_LEGACY = max(len(k) for k in _HTML5 if not k.endswith(";"))
_INVISIBLE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")
_DISPLAY_NONE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_CLASS_SPLIT = re.compile(r"[-_]")
_SENTENCE_END = frozenset(".!?:;")


def _attrs(text: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for m in _ATTR.finditer(text):
        name = m.group(1).lower()
        if name not in out:
            value = m.group(2) if m.group(2) is not None else m.group(3) if m.group(3) is not None else m.group(4)
            out[name] = _html.unescape(value) if value else ""
    return out


@dataclass
class HtmlMeta:
    """What the page says about itself; ``metadata.from_html`` turns this into title/date/source."""

    title_tag: str | None = None
    meta: dict[str, str] = field(default_factory=dict)  # lower-cased name/property/itemprop -> first content
    time_datetime: str | None = None  # first <time datetime> in an article, main or header
    first_h1: str | None = None
    json_ld: list[dict] = field(default_factory=list)


@dataclass
class HtmlText:
    text: str
    segments: list[Segment]
    meta: HtmlMeta


# A piece of output: ("t", raw_start, text, is_entity, ctx) for text, ("b", strength, ctx) for a block break,
# ("c", 0, ctx) a table-cell gap, ("s", 1, ctx) / ("r", 1, ctx) a table row's start / end.
# ctx = (outermost article id or -1, in <main>, in <body>, in a boilerplate block)
_Piece = tuple


class _Walker:
    """One pass over the page; see the module docstring.

    ``regions`` holds the open elements that change how text inside them counts: dropped ("hard"), boilerplate
    ("soft"), or a main-text landmark given by attribute (``role="main"``, ``itemprop="articleBody"``). Each entry is
    [tag, depth, kind]; depth counts nested elements of the same tag so the right end tag closes it. Entries are
    kept per tag name (innermost last), so a tag finds its own entry in constant time however many other elements
    are open: a page of thousands of distinct hidden elements must not cost a stack scan per tag.
    """

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.pieces: list[_Piece] = []
        self.meta = HtmlMeta()
        knowledge = html_knowledge()
        self.boiler = knowledge["boilerplate_words"]
        self.prefixes = tuple(sorted(knowledge["boilerplate_prefixes"]))  # "relatedposts", "sharedaddy"
        self.regions: dict[str, list[list]] = {}
        self.hard = 0
        self.soft = 0
        self.saw_soft = False
        self.article_stack: list[int] = []
        self.next_article = 0
        self.main_depth = 0
        self.header_depth = 0
        self.in_body = False
        self.seen_body_tag = False
        self.h1_parts: list[str] | None = None
        self.h1_done = False
        self._update_ctx()

    # -- context -------------------------------------------------------------------------------------------
    def _update_ctx(self) -> None:
        art = self.article_stack[0] if self.article_stack else -1
        self.ctx = (art, self.main_depth > 0, self.in_body or not self.seen_body_tag, self.soft > 0)

    def _region_kind(self, tag: str, attrs: dict[str, str]) -> str | None:
        """How an element's contents count: "hard" (never prose), "soft" (boilerplate by class/id), "main" or
        "article" (a landmark given by attribute), or None."""
        if tag in HARD_SKIP:
            return "hard"
        if tag == "header" and not self.article_stack and not self.main_depth:
            return "hard"  # the site banner; an article's own header (headline, byline, date) is kept
        if not attrs:
            return None
        if "hidden" in attrs or attrs.get("aria-hidden", "").lower() == "true":
            return "hard"
        role = attrs.get("role", "").lower()
        if role in _ROLE_SKIP:
            return "hard"
        style = attrs.get("style")
        if style and _DISPLAY_NONE.search(style):
            return "hard"
        if tag in SOFT_SKIP_TAGS:
            names = (attrs.get("class", "") + " " + attrs.get("id", "")).lower().split()
            boiler = self.boiler
            for name in names:
                if name in boiler:
                    return "soft"
                parts = _CLASS_SPLIT.split(name)
                if len(parts) <= 3 and any(p in boiler or p.startswith(self.prefixes) for p in parts):
                    return "soft"
        if tag != "article" and (role == "article" or attrs.get("itemprop", "").lower() == "articlebody"):
            return "article"
        if tag != "main" and role == "main":
            return "main"
        return None

    def _enter(self, kind: str) -> None:
        if kind == "hard":
            self.hard += 1
            return
        if kind == "soft":
            self.soft += 1
            self.saw_soft = True
        elif kind == "article":
            self.article_stack.append(self.next_article)
            self.next_article += 1
        elif kind == "main":
            self.main_depth += 1
        self._update_ctx()

    def _leave(self, kind: str) -> None:
        if kind == "hard":
            self.hard -= 1
            return
        if kind == "soft":
            self.soft -= 1
        elif kind == "article" and self.article_stack:
            self.article_stack.pop()
        elif kind == "main" and self.main_depth:
            self.main_depth -= 1
        self._update_ctx()

    # -- tags ----------------------------------------------------------------------------------------------
    @staticmethod
    def _wants_attrs(tag: str, attr_text: str) -> bool:
        """Parsing attributes is the tokenizer's main cost; only do it where an attribute can change anything."""
        if len(attr_text) < 3:
            return False
        return tag in _ATTR_TAGS or "hidden" in attr_text or "role" in attr_text or "none" in attr_text

    def start_tag(self, tag: str, attr_text: str, self_closing: bool) -> None:
        attrs = _attrs(attr_text) if self._wants_attrs(tag, attr_text) else {}
        if tag == "meta":
            self._meta(attrs)
            return
        if tag == "body":
            self.in_body = self.seen_body_tag = True
            self._close_head()
            self._update_ctx()
            return
        if tag == "time" and self.meta.time_datetime is None and "datetime" in attrs:
            if self.article_stack or self.main_depth or self.header_depth:
                self.meta.time_datetime = attrs["datetime"]
        if not (tag in VOID or self_closing):
            same = self.regions.get(tag)
            if same:
                same[-1][1] += 1
            kind = self._region_kind(tag, attrs) if (attrs or tag in HARD_SKIP or tag == "header") else None
            if kind:
                self.regions.setdefault(tag, []).append([tag, 1, kind])
                self._enter(kind)
            if tag == "article":
                self._enter("article")
            elif tag == "main":
                self._enter("main")
            elif tag == "header":
                self.header_depth += 1
            elif tag == "h1" and not self.h1_done and not self.hard:
                self.h1_parts = []
        if self.hard:
            return
        if tag in CELL_TAGS:
            self.pieces.append(("c", 0, self.ctx))
        elif tag == "tr":
            self.pieces.append(("s", 1, self.ctx))
        else:
            strength = BLOCK_BREAK.get(tag)
            if strength:
                self.pieces.append(("b", strength, self.ctx))

    def _close_head(self) -> None:
        """``</head>`` is optional: the body starting ends it."""
        for _ in self.regions.pop("head", ()):
            self.hard -= 1

    def end_tag(self, tag: str) -> None:
        if tag == "body":
            self.in_body = False
            self._update_ctx()
            return
        if not self.hard:
            strength = BLOCK_BREAK.get(tag)
            if tag == "tr":
                self.pieces.append(("r", 1, self.ctx))
            elif strength:
                self.pieces.append(("b", strength, self.ctx))
        same = self.regions.get(tag)
        if same:
            entry = same[-1]
            entry[1] -= 1
            if entry[1] == 0:
                same.pop()
                self._leave(entry[2])
        if tag == "article":
            self._leave("article")
        elif tag == "main":
            self._leave("main")
        elif tag == "header" and self.header_depth:
            self.header_depth -= 1
        elif tag == "h1" and self.h1_parts is not None:
            title = " ".join("".join(self.h1_parts).split())
            if title:
                self.meta.first_h1 = title
                self.h1_done = True
            self.h1_parts = None

    def _meta(self, attrs: dict[str, str]) -> None:
        content = attrs.get("content")
        if content is None:
            return
        for key in ("property", "name", "itemprop"):
            name = attrs.get(key)
            if name:
                self.meta.meta.setdefault(name.lower().strip(), content.strip())

    def raw_text(self, tag: str, start: int, end: int, attr_text: str) -> None:
        """Contents of script/style/title/...: never analysed text, but a source of metadata."""
        if tag == "title" and self.meta.title_tag is None and not (self.regions.get("svg") or self.regions.get("math")):
            title = " ".join(_html.unescape(self.raw[start:end]).split())
            if title:
                self.meta.title_tag = title
        elif tag == "script" and "ld+json" in attr_text.lower():
            body = self.raw[start:end]
            if nesting_depth(body) > MAX_NESTING:
                return  # real JSON-LD is a few levels deep; json.loads recurses per level
            try:
                data = json.loads(body)
            except (ValueError, RecursionError):
                return
            for item in data if isinstance(data, list) else [data]:
                if not isinstance(item, dict):
                    continue
                graph = item.get("@graph")
                if isinstance(graph, list):
                    self.meta.json_ld.extend(g for g in graph if isinstance(g, dict))
                else:
                    self.meta.json_ld.append(item)

    # -- text ----------------------------------------------------------------------------------------------
    def data(self, start: int, end: int) -> None:
        if self.hard or start >= end:
            return
        raw = self.raw
        ctx = self.ctx
        pieces = self.pieces
        h1 = self.h1_parts
        chunk = raw[start:end]
        if "&" not in chunk:
            pieces.append(("t", start, chunk, False, ctx))
            if h1 is not None:
                h1.append(chunk)
            return
        pos = 0
        for m in _ENTITY.finditer(chunk):
            found = _entity(m)
            if found is None:
                continue
            decoded, length = found
            if m.start() > pos:
                pieces.append(("t", start + pos, chunk[pos : m.start()], False, ctx))
            decoded = "".join(ch for ch in decoded if ch not in _INVISIBLE)
            if decoded:
                pieces.append(("t", start + m.start(), decoded, True, ctx))
            pos = m.start() + length
        if pos < len(chunk):
            pieces.append(("t", start + pos, chunk[pos:], False, ctx))
        if h1 is not None:
            h1.append(_html.unescape(chunk))


def _entity(m: re.Match[str]) -> tuple[str, int] | None:
    """What a character reference stands for and how many raw characters it takes, or None if it is just text.

    Named references without ";" follow the HTML rule for legacy names: the longest known prefix counts
    ("&copy2024" is "©2024"; "&copyNorth" is "©North"), the rest of the name stays text.
    """
    name = m.group(1)
    if name is None:
        decoded = _html.unescape(m.group())
        return (decoded, len(m.group())) if decoded != m.group() else None
    if m.group(2):
        decoded = _HTML5.get(name + ";")
        if decoded is not None:
            return decoded, len(m.group())
    for size in range(min(len(name), _LONGEST_LEGACY), 1, -1):
        decoded = _HTML5.get(name[:size])
        if decoded is not None:
            return decoded, size + 1
    return None


def _tokenize(raw: str) -> _Walker:
    """Walk the page's markup once; text between tags goes to ``_Walker.data`` with its raw offsets."""
    walker = _Walker(raw)
    pos = 0
    n = len(raw)
    find = raw.find
    search = _MARKUP.search
    data, start_tag, end_tag = walker.data, walker.start_tag, walker.end_tag
    # A tag ends at a ">"; searching no further than the last one keeps "<div <div <div ..." (no ">") linear.
    stop = raw.rfind(">") + 1
    while pos < n:
        m = search(raw, pos, stop)
        if m is None:
            data(pos, n)  # a stray "<" that opens no markup stays text
            break
        lt = m.start()
        if lt > pos:
            data(pos, lt)
        comment, declaration, closing, name, attr_text = m.groups()
        if comment:
            close = find("-->", lt + 4)
            pos = n if close == -1 else close + 3
            continue
        if declaration:
            close = find(">", lt + 2)
            pos = n if close == -1 else close + 1
            continue
        name = name.lower()
        pos = m.end()
        if closing:
            end_tag(name)
            continue
        self_closing = attr_text.endswith("/")
        start_tag(name, attr_text, self_closing)
        if name in RAW_TEXT and not self_closing:
            end_m = _RAW_END[name].search(raw, pos)
            content_end = n if end_m is None else end_m.start()
            walker.raw_text(name, pos, content_end, attr_text)
            end_tag(name)
            pos = n if end_m is None else end_m.end()
    return walker


# ------------------------------------------------------------------------------------------------ assembly


def _choose(pieces: list[_Piece]) -> tuple[int | None, bool]:
    """Which article (or main) holds the main text: (article id or None, restrict to main)."""
    per_article: dict[int, int] = {}
    main_len = total = 0
    for piece in pieces:
        if piece[0] != "t":
            continue
        art, in_main, in_body, _soft = piece[4]
        if not in_body:
            continue
        size = len(piece[2])
        total += size
        if art >= 0:
            per_article[art] = per_article.get(art, 0) + size
        if in_main:
            main_len += size
    if per_article:
        best, size = max(per_article.items(), key=lambda kv: kv[1])
        if size >= 500 or size >= 0.2 * total:
            return best, False
    return None, main_len > 0 and (main_len >= 300 or main_len >= 0.2 * total)


# By pending strength: nothing, table-cell gap, line, paragraph. A cell gap is a tab, not a space, so that the
# cells "512" and "446" never read as the number 512,446.
_SEPARATORS = ("", "\t", "\n", "\n\n")


def _assemble(pieces: list[_Piece], article: int | None, main_only: bool, use_soft: bool) -> tuple[str, list[Segment]]:
    """Join the chosen text pieces, collapsing whitespace; separators (spaces, newlines, a row's ".") belong to
    no segment."""
    out: list[str] = []
    segs: list[list[int]] = []  # [text_start, raw_start, length]
    length = 0
    pending = 0  # index into _SEPARATORS
    space = False
    last_in_segment = False  # whether out[-1] is the text of segs[-1]
    row_has_text = False

    def trim_trailing_space() -> None:
        # "Hello </p>": the space is inside the segment; drop it rather than leave "Hello \n\n"
        nonlocal length, last_in_segment
        if last_in_segment and out[-1].endswith(" "):
            out[-1] = out[-1][:-1]
            segs[-1][2] -= 1
            length -= 1
            if not out[-1]:
                out.pop()
                segs.pop()
                last_in_segment = bool(segs) and bool(out) and segs[-1][0] + segs[-1][2] == length

    for piece in pieces:
        kind = piece[0]
        ctx = piece[-1]
        if not ctx[2] or (article is not None and ctx[0] != article) or (main_only and not ctx[1]):
            continue
        if use_soft and ctx[3]:
            continue
        if kind == "b":
            pending = max(pending, piece[1] + 1)
            continue
        if kind == "s":
            row_has_text = False
            pending = max(pending, 2)
            continue
        if kind == "c":
            if length:
                pending = max(pending, 1)
            continue
        if kind == "r":
            # a table row reads as one sentence: end it like one
            if row_has_text:
                trim_trailing_space()
                if length and out[-1][-1] not in _SENTENCE_END:
                    out.append(".")
                    length += 1
                    last_in_segment = False
            row_has_text = False
            pending = max(pending, 2)
            continue
        _, raw_start, chunk, is_entity, _ = piece
        if is_entity:
            if chunk.isspace() and chunk != "\xa0":
                space = True
                continue
            parts = [(0, chunk)]
        else:
            parts = []
            pos = 0
            for m in _COLLAPSE.finditer(chunk):
                if m.start() > pos:
                    parts.append((pos, chunk[pos : m.start()]))
                parts.append((m.start(), None))
                pos = m.end()
            if pos < len(chunk):
                parts.append((pos, chunk[pos:]))
        for offset, text in parts:
            if text is None:
                space = True
                continue
            if text[0] == " " and not is_entity:
                text = text[1:]
                offset += 1
                space = True
                if not text:
                    continue
            if length:
                if pending:
                    trim_trailing_space()
                    out.append(_SEPARATORS[pending])
                    length += len(_SEPARATORS[pending])
                elif space and out[-1][-1] != " ":
                    out.append(" ")
                    length += 1
            pending = 0
            space = False
            segs.append([length, raw_start + offset, len(text)])
            out.append(text)
            length += len(text)
            last_in_segment = True
            row_has_text = True
    if out:
        trim_trailing_space()
    construct = Segment  # plain validation is faster than model_construct in pydantic 2
    segments = [construct(text_start=a, raw_start=b, length=c) for a, b, c in segs]
    return "".join(out), segments


def _text_size(pieces: list[_Piece], article: int | None, main_only: bool, use_soft: bool) -> int:
    size = 0
    for piece in pieces:
        if piece[0] == "t":
            ctx = piece[4]
            if not ctx[2] or (article is not None and ctx[0] != article) or (main_only and not ctx[1]):
                continue
            if use_soft and ctx[3]:
                continue
            size += len(piece[2])
    return size


def extract_html(raw: str) -> HtmlText:
    """The analysed text, segment map and metadata of an HTML page.

    The garbage collector is paused meanwhile: the walk allocates one small tuple per text run and nothing
    cyclic, and generational collections triggered by those allocations otherwise halve the speed on big pages.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _extract(raw)
    finally:
        if was_enabled:
            gc.enable()


def _extract(raw: str) -> HtmlText:
    walker = _tokenize(raw)
    pieces = walker.pieces
    article, main_only = _choose(pieces)
    use_soft = True
    if walker.saw_soft:
        # the boilerplate heuristic is only trusted while it leaves most of the text in place
        kept = _text_size(pieces, article, main_only, True)
        use_soft = kept >= 0.2 * _text_size(pieces, article, main_only, False)
    text, segments = _assemble(pieces, article, main_only, use_soft=use_soft)
    return HtmlText(text=text, segments=segments, meta=walker.meta)
