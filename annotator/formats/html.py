"""HTML pages → the article text, with the standard library's ``html.parser`` (no extra package).

The page is parsed into a small element tree. The article is the longest ``<article>`` (else
``<main>`` or ``role=main``, else ``<body>``). Scripts, styles, forms, navigation, asides,
footers, page headers outside the article, hidden elements and blocks whose class or id says
share/related/comments/ads/… are dropped. Paragraphs, headings and table blocks are separated by
a blank line; list items, table rows and ``<br>`` by a line end; table cells by a tab; other
white space is collapsed (kept in ``<pre>``). Title, canonical URL, publication date, language,
description and author come from the head when present.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from annotator.errors import FormatError
from annotator.formats.base import Source, normalized_record, open_binary, report_error, source_name
from annotator.formats.encoding import decode_bytes
from annotator.model import DocRecord

__all__ = ["read_html", "html_to_article", "Article", "HTML_SUFFIXES"]

HTML_SUFFIXES = (".html", ".htm", ".xhtml")

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
         "source", "track", "wbr"}
_DROP = {"script", "style", "noscript", "template", "nav", "footer", "aside", "form", "button",
         "iframe", "svg", "math", "select", "option", "object", "embed", "canvas", "audio", "video",
         "head", "dialog", "menu", "label", "input", "textarea"}
_DROP_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar",
               "dialog", "alert"}
_DROP_WORDS = {"share", "sharing", "social", "related", "comment", "comments", "advert", "advertisement",
               "ads", "ad", "banner", "breadcrumb", "breadcrumbs", "cookie", "cookies", "newsletter",
               "subscribe", "sidebar", "promo", "popup", "modal", "sponsored", "outbrain", "taboola"}
_PARA = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "figure", "ul", "ol",
         "dl", "section", "article", "header", "main", "address", "hr", "figcaption", "details",
         "summary"}
_LINE = {"li", "tr", "dt", "dd", "div", "caption", "br", "body"}
_CELL = {"td", "th"}
# a start tag of these closes an open <p> (HTML's implied end tags)
_CLOSES_P = _PARA | {"div", "li", "dl", "dt", "dd"}
_WS = re.compile(r"[ \t\n\r\f\v]+")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)


@dataclass
class _El:
    tag: str
    attrs: dict[str, str]
    parent: _El | None
    children: list[_El | str] = field(default_factory=list)


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _El("#root", {}, None)
        self.cur = self.root

    def _open(self, tag: str) -> bool:
        el: _El | None = self.cur
        while el is not None:
            if el.tag == tag:
                return True
            el = el.parent
        return False

    def _close(self, tag: str) -> None:
        el: _El | None = self.cur
        while el is not None and el.tag != tag:
            el = el.parent
        if el is not None and el.parent is not None:
            self.cur = el.parent

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _CLOSES_P and self._open("p"):
            self._close("p")
        if tag == "li" and self.cur.tag == "li":
            self._close("li")
        if tag in ("dt", "dd") and self.cur.tag in ("dt", "dd"):
            self._close(self.cur.tag)
        if tag in ("td", "th") and self.cur.tag in ("td", "th"):
            self._close(self.cur.tag)
        if tag == "tr" and self.cur.tag in ("td", "th", "tr"):
            self._close("tr")
        el = _El(tag, {k: (v or "") for k, v in attrs}, self.cur)
        self.cur.children.append(el)
        if tag not in _VOID:
            self.cur = el

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        el = _El(tag, {k: (v or "") for k, v in attrs}, self.cur)
        self.cur.children.append(el)

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        if self._open(tag):
            self._close(tag)

    def handle_data(self, data: str) -> None:
        if data:
            self.cur.children.append(data)


@dataclass
class Article:
    """What :func:`html_to_article` finds in a page."""

    text: str
    title: str = ""
    source_url: str | None = None
    published: str | None = None
    language: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


def _walk(el: _El) -> Iterator[_El]:
    stack = [el]
    while stack:
        e = stack.pop()
        yield e
        stack.extend(c for c in reversed(e.children) if isinstance(c, _El))


def _dropped(el: _El, in_article: bool) -> bool:
    tag = el.tag
    if tag in _DROP:
        return True
    if tag == "header" and not in_article:
        return True
    a = el.attrs
    if "hidden" in a or a.get("aria-hidden", "").lower() == "true":
        return True
    if a.get("role", "").lower() in _DROP_ROLES:
        return True
    style = a.get("style", "").replace(" ", "").lower()
    if "display:none" in style or "visibility:hidden" in style:
        return True
    words = set(re.split(r"[\s_\-]+", (a.get("class", "") + " " + a.get("id", "")).lower()))
    return bool(words & _DROP_WORDS)


class _Renderer:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pending = ""  # the break owed before the next text: "", "\t", "\n" or "\n\n"

    def brk(self, kind: str) -> None:
        rank = {"": 0, "\t": 1, "\n": 2, "\n\n": 3}
        if rank[kind] > rank[self.pending]:
            self.pending = kind

    def text(self, s: str, pre: bool) -> None:
        if not pre:
            s = _WS.sub(" ", s)
            if self.pending or not self.parts or self.parts[-1].endswith((" ", "\n", "\t")):
                s = s.lstrip(" ")
        if not s:
            return
        if self.parts and self.pending:
            if self.parts[-1].endswith(" "):
                self.parts[-1] = self.parts[-1].rstrip(" ")
            self.parts.append(self.pending)
        self.pending = ""
        self.parts.append(s)

    def render(self, el: _El, *, in_article: bool, pre: bool = False) -> None:
        for child in el.children:
            if isinstance(child, str):
                self.text(child, pre)
                continue
            tag = child.tag
            if _dropped(child, in_article):
                continue
            if tag == "br":
                self.brk("\n")
                if pre:
                    self.text("\n", True)
                continue
            if tag in ("img", "hr"):
                if tag == "hr":
                    self.brk("\n\n")
                continue
            kind = "\n\n" if tag in _PARA else "\n" if tag in _LINE else "\t" if tag in _CELL else ""
            if kind:
                self.brk(kind)
            inner = in_article or tag in ("article", "main") or child.attrs.get("role") == "main"
            self.render(child, in_article=inner, pre=pre or tag in ("pre", "textarea"))
            if kind and kind != "\t":
                self.brk(kind)

    def result(self) -> str:
        text = "".join(self.parts)
        lines = [ln.rstrip(" ") for ln in text.split("\n")]
        return "\n".join(lines).strip()


def _text_of(el: _El) -> str:
    r = _Renderer()
    r.render(el, in_article=True)
    return r.result()


def _first(root: _El, pred: Any) -> _El | None:
    for e in _walk(root):
        if pred(e):
            return e
    return None


def html_to_article(page: str) -> Article:
    """Parse an HTML page and return its article text and metadata."""
    builder = _TreeBuilder()
    builder.feed(page)
    builder.close()
    root = builder.root
    metas: dict[str, str] = {}
    canonical = None
    lang = None
    title_tag = ""
    for e in _walk(root):
        if e.tag == "meta":
            key = (e.attrs.get("property") or e.attrs.get("name") or e.attrs.get("itemprop") or "").lower()
            if key and "content" in e.attrs and key not in metas:
                metas[key] = e.attrs["content"].strip()
        elif e.tag == "link" and "canonical" in e.attrs.get("rel", "").lower().split():
            canonical = canonical or e.attrs.get("href") or None
        elif e.tag == "html" and e.attrs.get("lang"):
            lang = lang or e.attrs["lang"].strip()
        elif e.tag == "title" and not title_tag:
            title_tag = _WS.sub(" ", "".join(c for c in e.children if isinstance(c, str))).strip()
    articles = [e for e in _walk(root) if e.tag == "article"]
    content: _El | None = None
    if articles:
        content = max(articles, key=lambda a: len(_text_of(a)))
    if content is None:
        content = _first(root, lambda e: e.tag == "main" or e.attrs.get("role") == "main")
    if content is None:
        content = _first(root, lambda e: e.tag == "body") or root
    renderer = _Renderer()
    renderer.render(content, in_article=content.tag in ("article", "main") or content.attrs.get("role") == "main")
    text = renderer.result()
    h1 = _first(content, lambda e: e.tag == "h1")
    title = metas.get("og:title") or (_text_of(h1) if h1 else "") or title_tag
    published = metas.get("article:published_time") or metas.get("datepublished") or metas.get("pubdate") \
        or metas.get("date") or metas.get("dc.date")
    if not published:
        t = _first(content, lambda e: e.tag == "time" and bool(e.attrs.get("datetime")))
        published = t.attrs["datetime"] if t else None
    meta: dict[str, Any] = {}
    for key, name in (("description", "description"), ("og:description", "description"),
                      ("author", "author"), ("article:author", "author"), ("og:site_name", "site")):
        if metas.get(key) and name not in meta:
            meta[name] = metas[key]
    return Article(text=text, title=title.strip()[:300], source_url=canonical or metas.get("og:url"),
                   published=published, language=lang or metas.get("og:locale"), meta=meta)


def _decode_html(data: bytes, path: str, encoding: str | None) -> tuple[str, str]:
    if not encoding and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        m = _CHARSET.search(data[:4096])
        if m:
            declared = m.group(1).decode("ascii", "replace")
            try:
                return decode_bytes(data, path=path, encoding=declared).text, declared
            except FormatError:
                pass  # a wrong declaration: fall back to detection
    d = decode_bytes(data, path=path, encoding=encoding)
    return d.text, d.encoding


def _one(src: Source, rel: str | None, encoding: str | None) -> DocRecord:
    name = source_name(src)
    with open_binary(src) as f:
        data = f.read()
    page, enc = (data, "text") if isinstance(data, str) else _decode_html(data, name, encoding)
    art = html_to_article(page)
    if not art.text.strip():
        raise FormatError("the page holds no article text", path=name)
    stem = Path(name).stem if name != "<stream>" else ""
    return normalized_record(
        art.text, (), path=name, title=art.title or stem, ext_id=rel or (Path(name).name if stem else None),
        meta={"encoding": enc, **art.meta, **({"filename": rel} if rel else {})},
        source_url=art.source_url, published=art.published, language=art.language, imported_from=name,
    )


def read_html(src: Source, *, encoding: str | None = None,
              errors: list[FormatError] | None = None) -> Iterator[DocRecord]:
    """One record per HTML page: ``src`` is a file, a binary stream, or a folder (recursive).

    The encoding is the page's ``<meta charset>`` when it decodes, else detected. A page with
    no article text raises FormatError (or, with ``errors``, is listed there and skipped).
    """
    if isinstance(src, str | os.PathLike) and Path(src).is_dir():
        folder = Path(src)
        paths = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in HTML_SUFFIXES
                       and not any(part.startswith(".") for part in p.relative_to(folder).parts))
        for path in paths:
            try:
                yield _one(path, path.relative_to(folder).as_posix(), encoding)
            except FormatError as exc:
                report_error(exc, errors)
        return
    try:
        yield _one(src, None, encoding)
    except FormatError as exc:
        report_error(exc, errors)
