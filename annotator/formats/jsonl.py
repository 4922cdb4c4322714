"""Annotator's own JSONL: one document a line, lossless.

    {"id": "…", "text": "…", "title": "…", "meta": {…},
     "spans": [{"id": "…", "start": 0, "end": 5, "label": "PER", "attrs": {…}, "state": "accepted",
                "entity": "Lê Hồng Long"}],
     "links": [{"source": "<span id>", "target": "<span id>", "role": "figure"}]}

Offsets are code points, end exclusive, into ``text``. ``id``, ``title``, ``meta``, ``links``
and everything in a span but start/end/label are optional on import.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from annotator.errors import FormatError
from annotator.formats.base import WriteReport, iter_lines, open_output, open_text
from annotator.model import DocRecord, DocStatus, LinkRecord, SpanRecord, SpanState
from annotator.textnorm import normalize

KNOWN = {"id", "text", "title", "meta", "spans", "links", "source_url", "published", "language", "status"}


def record_from_obj(obj: Any, *, path: str, line: int) -> DocRecord:
    """One JSON object → a normalised DocRecord; errors name the file and line."""
    if not isinstance(obj, dict):
        raise FormatError("expected a JSON object", path=path, line=line)
    text = obj.get("text")
    if not isinstance(text, str):
        raise FormatError('"text" is missing or not a string', path=path, line=line)
    norm = normalize(text)
    spans: list[SpanRecord] = []
    for key in ("spans", "links"):
        if not isinstance(obj.get(key) or [], list):
            raise FormatError(f'"{key}" must be a list', path=path, line=line)
    for k, s in enumerate(obj.get("spans") or []):
        if not isinstance(s, dict):
            raise FormatError(f"spans[{k}]: expected an object", path=path, line=line)
        try:
            start, end, label = s["start"], s["end"], s["label"]
        except KeyError as exc:
            raise FormatError(f"spans[{k}]: missing {exc.args[0]!r}", path=path, line=line) from None
        if not isinstance(start, int) or not isinstance(end, int) or isinstance(start, bool):
            raise FormatError(f"spans[{k}]: start and end must be whole numbers", path=path, line=line)
        if not 0 <= start < end <= len(text):
            why = "empty span" if start >= end else f"outside the text (length {len(text)})"
            raise FormatError(f"spans[{k}] {start}-{end} {label}: {why}", path=path, line=line)
        if "text" in s and s["text"] != text[start:end]:
            raise FormatError(f"spans[{k}] {start}-{end}: text {s['text']!r} does not match {text[start:end]!r}",
                              path=path, line=line)
        a, b = norm.map_span(start, end)
        try:
            state = SpanState(s.get("state", "accepted"))
        except ValueError:
            raise FormatError(f"spans[{k}]: unknown state {s.get('state')!r}", path=path, line=line) from None
        attrs = s.get("attrs") or {}
        if not isinstance(attrs, dict):
            raise FormatError(f"spans[{k}]: attrs must be an object", path=path, line=line)
        sid = s.get("id")
        spans.append(SpanRecord(a, b, str(label), dict(attrs), state,
                                None if sid is None else str(sid), s.get("entity"), s.get("annotator")))
    links = []
    for k, lk in enumerate(obj.get("links") or []):
        try:
            links.append(LinkRecord(str(lk["source"]), str(lk["target"]), str(lk.get("role", "link")),
                                    None if lk.get("id") is None else str(lk.get("id"))))
        except (KeyError, TypeError):
            raise FormatError(f"links[{k}]: needs source and target", path=path, line=line) from None
    status = obj.get("status")
    meta = obj.get("meta") or {}
    if not isinstance(meta, dict):
        raise FormatError('"meta" must be an object', path=path, line=line)
    return DocRecord(
        text=norm.text, spans=spans, links=links, title=str(obj.get("title") or meta.get("title") or ""),
        ext_id=None if obj.get("id") is None else str(obj["id"]), meta=meta,
        source_url=obj.get("source_url"), published=obj.get("published"), language=obj.get("language"),
        status=DocStatus(status) if status in {s.value for s in DocStatus} else None,
    )


def read_jsonl(path: str | Path, *, errors: list[FormatError] | None = None,
               encoding: str | None = None) -> Iterator[DocRecord]:
    """Stream records; a bad line raises FormatError (or is skipped into ``errors``)."""
    with open_text(path, encoding=encoding) as (stream, _enc):
        yield from _records(stream, str(path), errors)


def _records(stream: IO[str], path: str, errors: list[FormatError] | None) -> Iterator[DocRecord]:
    for line_no, line in iter_lines(stream, path):
        if not line.strip():
            continue
        if "\x00" in line:
            raise FormatError("binary data (NUL bytes): not a text file", path=path, line=line_no)
        try:
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise FormatError(f"not valid JSON ({exc.msg} at column {exc.colno})", path=path,
                                  line=line_no) from None
            yield record_from_obj(obj, path=path, line=line_no)
        except FormatError as exc:
            if errors is None:
                raise
            errors.append(exc)


def record_to_obj(rec: DocRecord) -> dict[str, Any]:
    obj: dict[str, Any] = {"id": rec.ext_id, "title": rec.title, "text": rec.text, "meta": rec.meta}
    for key in ("source_url", "published", "language"):
        if getattr(rec, key):
            obj[key] = getattr(rec, key)
    if rec.status:
        obj["status"] = str(rec.status)
    spans = []
    for s in rec.spans:
        d: dict[str, Any] = {"start": s.start, "end": s.end, "label": s.label}
        if s.ext_id:
            d["id"] = s.ext_id
        if s.attrs:
            d["attrs"] = s.attrs
        if s.state != SpanState.ACCEPTED:
            d["state"] = str(s.state)
        if s.entity:
            d["entity"] = s.entity
        if s.annotator:
            d["annotator"] = s.annotator
        spans.append(d)
    obj["spans"] = spans
    if rec.links:
        obj["links"] = [{"source": lk.source, "target": lk.target, "role": lk.role,
                         **({"id": lk.ext_id} if lk.ext_id else {})} for lk in rec.links]
    return obj


def write_jsonl(records: Iterable[DocRecord], out: str | Path | IO[str], **_: Any) -> WriteReport:
    """Write records as JSONL (atomically when ``out`` is a path: no partial file on failure)."""
    report = WriteReport()
    with open_output(out) as fh:
        for rec in records:
            fh.write(json.dumps(record_to_obj(rec), ensure_ascii=False))
            fh.write("\n")
            report.documents += 1
            report.spans += len(rec.spans)
            report.links += len(rec.links)
    return report


def write_jsonl_lines(lines: Iterable[tuple[str, int, int]], out: str | Path | IO[str]) -> WriteReport:
    """Write ready-made JSONL lines ``(line, spans, links)`` (atomically when ``out`` is a path)."""
    report = WriteReport()
    with open_output(out) as fh:
        for line, n_spans, n_links in lines:
            fh.write(line)
            fh.write("\n")
            report.documents += 1
            report.spans += n_spans
            report.links += n_links
    return report
