"""Word (.docx) files → text, with python-docx (the optional ``formats`` extra).

The body is read in order: each non-empty paragraph is a block (line breaks inside it kept), each
table a block with rows on lines and cells separated by tabs; content controls are read through.
Page headers, footers, comments and footnotes are not article text and are left out. Blocks are
separated by a blank line. The title is the document property, else the first Title/Heading 1
paragraph, else the file name.
"""

from __future__ import annotations

import os
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from annotator.errors import FormatError
from annotator.formats.base import Source, normalized_record, open_binary, report_error, source_name
from annotator.model import DocRecord

__all__ = ["read_docx", "docx_text", "DOCX_SUFFIXES"]

DOCX_SUFFIXES = (".docx", ".docm")


def _import_docx() -> Any:
    try:
        import docx
    except ImportError:
        raise FormatError(
            "reading .docx files needs python-docx; install the formats extra: pip install 'annotator[formats]'"
        ) from None
    return docx


def _blocks(document: Any) -> Iterator[tuple[str, str]]:
    """(style name, text) of each body block in order; tables give style '#table'."""
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    def walk(parent_el: Any) -> Iterator[tuple[str, str]]:
        for child in parent_el.iterchildren():
            if child.tag == qn("w:p"):
                p = Paragraph(child, document)
                style = ""
                try:
                    style = p.style.name if p.style is not None else ""
                except (KeyError, ValueError):
                    style = ""
                yield style or "", p.text
            elif child.tag == qn("w:tbl"):
                table = Table(child, document)
                rows: list[str] = []
                for row in table.rows:
                    cells: list[str] = []
                    seen: set[int] = set()
                    for cell in row.cells:
                        if id(cell._tc) in seen:  # a merged cell repeats
                            continue
                        seen.add(id(cell._tc))
                        cells.append(" ".join(cell.text.split("\n")).strip())
                    if any(cells):
                        rows.append("\t".join(cells))
                yield "#table", "\n".join(rows)
            elif child.tag == qn("w:sdt"):
                content = child.find(qn("w:sdtContent"))
                if content is not None:
                    yield from walk(content)

    yield from walk(document.element.body)


def docx_text(src: Source) -> tuple[str, str, dict[str, Any]]:
    """(text, title, metadata) of a .docx file or binary stream; FormatError when it is not one."""
    docx = _import_docx()
    name = source_name(src)
    with open_binary(src) as f:
        try:
            document = docx.Document(f)
        except (zipfile.BadZipFile, KeyError, ValueError) as exc:
            raise FormatError(f"not a readable .docx file ({exc})", path=name) from None
        except Exception as exc:  # python-docx raises its own PackageNotFoundError and lxml errors
            raise FormatError(f"not a readable .docx file ({type(exc).__name__}: {exc})", path=name) from None
    parts: list[str] = []
    heading = ""
    for style, text in _blocks(document):
        if not text.strip():
            continue
        if not heading and (style == "Title" or style.startswith("Heading 1")):
            heading = text.strip()
        parts.append(text.strip("\n"))
    props = document.core_properties
    meta: dict[str, Any] = {}
    for key in ("author", "subject", "keywords", "category", "language"):
        value = getattr(props, key, None)
        if value:
            meta[key] = str(value)
    if props.created:
        meta["created"] = props.created.isoformat()
    title = (props.title or "").strip() or heading
    return "\n\n".join(parts), title, meta


def _one(src: Source, rel: str | None) -> DocRecord:
    name = source_name(src)
    text, title, meta = docx_text(src)
    if not text.strip():
        raise FormatError("the document holds no text", path=name)
    stem = Path(name).stem if name != "<stream>" else ""
    language = meta.pop("language", None)
    return normalized_record(
        text, (), path=name, title=title or stem, ext_id=rel or (Path(name).name if stem else None),
        meta={**meta, **({"filename": rel} if rel else {})}, language=language, imported_from=name,
    )


def read_docx(src: Source, *, errors: list[FormatError] | None = None) -> Iterator[DocRecord]:
    """One record per Word file: ``src`` is a .docx file, a binary stream, or a folder (recursive).

    Needs python-docx (the ``formats`` extra); without it every file raises FormatError saying so.
    """
    if isinstance(src, str | os.PathLike) and Path(src).is_dir():
        folder = Path(src)
        paths = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in DOCX_SUFFIXES
                       and not p.name.startswith(("~$", ".")))
        for path in paths:
            try:
                yield _one(path, path.relative_to(folder).as_posix())
            except FormatError as exc:
                report_error(exc, errors)
        return
    try:
        yield _one(src, None)
    except FormatError as exc:
        report_error(exc, errors)
