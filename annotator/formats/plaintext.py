"""Plain text and Markdown files, one document per file; folders of them.

Plain text is imported exactly as found (only NFC and LF applied, by
:func:`~annotator.formats.base.normalized_record`). Markdown is turned into its article text:
headings, paragraphs, list items, quotes and table rows become plain lines; emphasis, link
targets, images, HTML tags, reference definitions and front matter are dropped (the front
matter's title, date, language and URL go to the record).
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

from annotator.errors import FormatError
from annotator.formats.base import (
    Source,
    normalized_record,
    read_text_file,
    report_error,
    source_name,
)
from annotator.model import DocRecord

__all__ = ["read_plaintext", "read_markdown", "markdown_to_text", "TEXT_SUFFIXES", "MARKDOWN_SUFFIXES"]

TEXT_SUFFIXES = (".txt", ".text")
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")

TitleFrom = Literal["filename", "first_line"]


def _files_in(folder: Path, suffixes: tuple[str, ...]) -> list[Path]:
    """Files under ``folder`` with one of ``suffixes``, hidden ones skipped, in path order."""
    out: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and name.lower().endswith(suffixes):
                out.append(Path(root) / name)
    return sorted(out, key=lambda p: p.relative_to(folder).parts)


def _first_line(text: str) -> str:
    for line in text.split("\n"):
        line = line.strip()
        if line:
            return line[:200]
    return ""


def _one_file(src: Source, *, rel: str | None, encoding: str | None, title_from: TitleFrom,
              markdown: bool | None) -> DocRecord:
    name = source_name(src)
    raw, enc = read_text_file(src, encoding=encoding)
    if not raw.strip():
        raise FormatError("the file holds no text", path=name)
    is_md = markdown if markdown is not None else name.lower().endswith(MARKDOWN_SUFFIXES)
    fields: dict[str, Any] = {}
    meta: dict[str, Any] = {"encoding": enc}
    if rel is not None:
        meta["filename"] = rel
    stem = Path(name).stem if name != "<stream>" else ""
    if is_md:
        body, front = _markdown(raw)
        title = str(front.pop("title", "") or "") or _first_heading(raw) or stem
        for key, field_name in (("date", "published"), ("published", "published"), ("lang", "language"),
                                ("language", "language"), ("url", "source_url"), ("source", "source_url")):
            if key in front and field_name not in fields:
                fields[field_name] = str(front.pop(key))
        if front:
            meta["front_matter"] = front
        raw = body
        if not raw.strip():
            raise FormatError("the Markdown file holds no article text", path=name)
    else:
        title = _first_line(raw) if title_from == "first_line" else stem
    return normalized_record(
        raw, (), path=name, title=title or _first_line(raw), ext_id=rel if rel is not None else (
            Path(name).name if name != "<stream>" else None),
        meta=meta, imported_from=name, **fields,
    )


def read_plaintext(src: Source, *, encoding: str | None = None, title_from: TitleFrom = "filename",
                   errors: list[FormatError] | None = None) -> Iterator[DocRecord]:
    """One record per text file: ``src`` is a file, an open file, or a folder (walked recursively).

    Folders give their ``.txt``/``.text`` and Markdown files in path order; a Markdown file is
    converted with :func:`markdown_to_text`. The title is the file name without its suffix, or
    the first non-empty line with ``title_from="first_line"`` (Markdown: front matter title or
    first heading). ``ext_id`` is the path relative to the folder. An empty, binary or
    undecodable file raises FormatError, or is listed in ``errors`` and skipped.
    """
    if isinstance(src, str | os.PathLike) and Path(src).is_dir():
        folder = Path(src)
        for path in _files_in(folder, TEXT_SUFFIXES + MARKDOWN_SUFFIXES):
            try:
                yield _one_file(path, rel=path.relative_to(folder).as_posix(), encoding=encoding,
                                title_from=title_from, markdown=None)
            except FormatError as exc:
                report_error(exc, errors)
        return
    try:
        yield _one_file(src, rel=None, encoding=encoding, title_from=title_from, markdown=None)
    except FormatError as exc:
        report_error(exc, errors)


def read_markdown(src: Source, *, encoding: str | None = None,
                  errors: list[FormatError] | None = None) -> Iterator[DocRecord]:
    """Like :func:`read_plaintext`, but every file (or the stream) is read as Markdown."""
    if isinstance(src, str | os.PathLike) and Path(src).is_dir():
        folder = Path(src)
        for path in _files_in(folder, MARKDOWN_SUFFIXES):
            try:
                yield _one_file(path, rel=path.relative_to(folder).as_posix(), encoding=encoding,
                                title_from="filename", markdown=True)
            except FormatError as exc:
                report_error(exc, errors)
        return
    try:
        yield _one_file(src, rel=None, encoding=encoding, title_from="filename", markdown=True)
    except FormatError as exc:
        report_error(exc, errors)


# ---- Markdown → text ---------------------------------------------------------------------------

_FENCE = re.compile(r"^\s{0,3}(```+|~~~+)")
_ATX = re.compile(r"^\s{0,3}(#{1,6})(?:\s+(.*?))?\s*#*\s*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_HR = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_LIST = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?")
_QUOTE = re.compile(r"^\s{0,3}>\s?")
_REFDEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+")
_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)|!\[([^\]]*)\]\[[^\]]*\]")
_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()\s]|\([^)]*\))*(?:\s+\"[^\"]*\")?\)|\[([^\]]+)\]\[[^\]]*\]")
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^>\s]+)>")
_CODE = re.compile(r"(`+)(.+?)\1")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EM_STAR = re.compile(r"(?<![\w*\\])\*(?=[^\s*])(.+?)(?<=[^\s*\\])\*(?![\w*])")
_EM_UNDER = re.compile(r"(?<![\w_\\])_(?=[^\s_])(.+?)(?<=[^\s_\\])_(?![\w_])")
_STRIKE = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
_BR_TAG = re.compile(r"<br\s*/?>", re.I)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|<!--.*?-->", re.S)
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_FRONT_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*)$")


def _first_heading(md: str) -> str:
    in_fence = False
    for line in md.split("\n"):
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        m = _ATX.match(line)
        if m and not in_fence and m.group(2):
            return _inline(m.group(2)).strip()
    return ""


def _inline(s: str) -> str:
    codes: list[str] = []

    def keep_code(m: re.Match[str]) -> str:
        codes.append(m.group(2).strip())
        return f"\x00{len(codes) - 1}\x00"

    s = _CODE.sub(keep_code, s)
    s = _BR_TAG.sub("\n", s)
    s = _IMAGE.sub("", s)
    s = _LINK.sub(lambda m: m.group(1) or m.group(2) or "", s)
    s = _AUTOLINK.sub(r"\1", s)
    s = _TAG.sub("", s)
    for _ in range(2):  # nested emphasis (***x***)
        s = _STRONG.sub(r"\2", s)
        s = _EM_STAR.sub(r"\1", s)
        s = _EM_UNDER.sub(r"\1", s)
        s = _STRIKE.sub(r"\1", s)
    s = _ESCAPE.sub(r"\1", s)
    s = html.unescape(s)
    return re.sub(r"\x00(\d+)\x00", lambda m: codes[int(m.group(1))], s)


def _front_matter(lines: list[str]) -> tuple[dict[str, Any], int]:
    if not lines or lines[0].strip() != "---":
        return {}, 0
    for i in range(1, min(len(lines), 200)):
        if lines[i].strip() in ("---", "..."):
            meta: dict[str, Any] = {}
            for line in lines[1:i]:
                m = _FRONT_KEY.match(line)
                if m and m.group(2).strip():
                    meta[m.group(1).lower()] = m.group(2).strip().strip("\"'")
            return meta, i + 1
    return {}, 0


def markdown_to_text(md: str) -> str:
    """The article text of a Markdown document: paragraphs separated by a blank line."""
    return _markdown(md)[0]


def _markdown(md: str) -> tuple[str, dict[str, Any]]:
    """(article text, front matter) of a Markdown document."""
    lines = md.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    front, i = _front_matter(lines)
    blocks: list[str] = []
    para: list[str] = []

    def flush() -> None:
        if para:
            text = "".join(para).strip()
            if text:
                blocks.append(text)
            para.clear()

    def add_line(text: str, *, hard: bool) -> None:
        if para and not para[-1].endswith("\n"):
            para.append(" ")
        para.append(text.strip() + ("\n" if hard else ""))

    n = len(lines)
    while i < n:
        line = lines[i]
        fence = _FENCE.match(line)
        if fence:
            flush()
            marker = fence.group(1)
            body: list[str] = []
            i += 1
            while i < n and not lines[i].lstrip().startswith(marker[0] * len(marker)):
                body.append(lines[i])
                i += 1
            i += 1
            if any(b.strip() for b in body):
                blocks.append("\n".join(body).strip("\n"))
            continue
        if not line.strip():
            flush()
            i += 1
            continue
        if _HR.match(line) and not para:
            i += 1
            continue
        if para and _SETEXT.match(line):
            # the paragraph so far was a heading
            flush()
            i += 1
            continue
        atx = _ATX.match(line)
        if atx:
            flush()
            if atx.group(2):
                blocks.append(_inline(atx.group(2)).strip())
            i += 1
            continue
        if _REFDEF.match(line):
            i += 1
            continue
        if "|" in line and i + 1 < n and "|" in lines[i + 1] and _TABLE_SEP.match(lines[i + 1]):
            flush()
            rows: list[str] = []
            while i < n and lines[i].strip() and "|" in lines[i]:
                if not _TABLE_SEP.match(lines[i]):
                    cells = lines[i].strip().strip("|").split("|")
                    rows.append("\t".join(_inline(c).strip() for c in cells))
                i += 1
            blocks.append("\n".join(rows))
            continue
        stripped = line
        while _QUOTE.match(stripped):
            stripped = _QUOTE.sub("", stripped, count=1)
        item = _LIST.match(stripped)
        if item:
            if para and not para[-1].endswith("\n"):
                para.append("\n")
            stripped = stripped[item.end():]
        hard = line.endswith("  ") or line.endswith("\\")
        text = _inline(stripped.rstrip("\\"))
        if text.strip():
            add_line(text, hard=hard or bool(item))
        i += 1
    flush()
    out = "\n\n".join(b.strip("\n") for b in blocks if b.strip())
    return out, front
