"""doccano JSONL: sequence labelling and sequence labelling with relations.

Read, one record per line (or per element of a JSON array / pretty-printed objects, as in
doccano's own relation example):

* sequence labelling: ``{"text": …, "label": [[start, end, "LABEL"], …]}``; the text and label
  keys may be named otherwise (doccano lets you choose; ``column_data``/``column_label`` are
  recognised, or pass ``text_key``/``label_key``); items may also be objects with
  ``start_offset``/``end_offset``/``label``;
* relations: ``{"text": …, "entities": [{"id", "start_offset", "end_offset", "label"}],
  "relations": [{"id", "from_id", "to_id", "type"}]}``;
* doccano 1.0 exports: ``"annotations": [{"label", "start_offset", "end_offset", "user"}]``.

Offsets are code points of the JSON string (a CR counts), end exclusive. An entity that states
its ``text`` is checked against it. ``id`` becomes the record's ``ext_id``; every other key
(``meta``, ``Comments``, document categories …) is kept in ``meta["doccano"]`` and written back.
Overlapping and duplicate spans are all kept (doccano itself may drop overlaps on import).

Written: the relation form when any document has links (``relations=None``, decided while
streaming: lines already written are converted through a temporary file, memory stays bounded),
else the sequence-labelling form; ``relations=True/False`` forces one. Span attributes,
discontinuous fragments, states other than accepted and entity names have no place in doccano
and are reported.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterable, Iterator
from typing import IO, Any

from annotator.errors import FormatError
from annotator.formats.base import (
    FRAGMENTS,
    Output,
    Source,
    WriteReport,
    check_offsets,
    check_span_text,
    doc_label,
    iter_json_records,
    normalized_record,
    open_output,
    report_error,
)
from annotator.model import DocRecord, LinkRecord, SpanRecord, SpanState

__all__ = ["read_doccano", "write_doccano", "doccano_line"]

_TEXT_KEYS = ("text", "data", "column_data")
_LABEL_KEYS = ("label", "labels", "column_label")
_CORE = {"text", "label", "entities", "relations", "id"}


def _offset_item(item: Any, path: str, line: int, n: int, raw: str) -> tuple[SpanRecord, Any]:
    """A span from ``[s, e, "L"]`` or ``{"start_offset", "end_offset", "label", …}``; and its id."""
    ident: Any = None
    if isinstance(item, list | tuple):
        if len(item) != 3 or not isinstance(item[2], str | int):
            raise FormatError(f"a label must be [start, end, \"LABEL\"], got {item!r}", path=path, line=line)
        s, e, label = item
        stated = None
    elif isinstance(item, dict):
        try:
            s, e, label = item["start_offset"], item["end_offset"], item["label"]
        except KeyError as exc:
            raise FormatError(f"an entity lacks {exc.args[0]!r}: {item!r}", path=path, line=line) from None
        ident = item.get("id")
        stated = item.get("text")
    else:
        raise FormatError(f"a label must be a list or an object, got {item!r}", path=path, line=line)
    s, e = check_offsets(n, s, e, path=path, line=line, what=f"span {label}")
    if isinstance(stated, str):
        check_span_text(raw, s, e, stated, path=path, line=line, what=f"span {label}")
    return SpanRecord(start=s, end=e, label=str(label),
                      ext_id=None if ident is None else str(ident)), ident


def _record(obj: Any, path: str, line: int, text_key: str | None, label_key: str | None) -> DocRecord:
    if not isinstance(obj, dict):
        raise FormatError(f"expected a JSON object per document, got {type(obj).__name__}", path=path, line=line)
    tk = text_key or next((k for k in _TEXT_KEYS if isinstance(obj.get(k), str)), None)
    if tk is None or not isinstance(obj.get(tk), str):
        raise FormatError(f"no text: expected a string under {text_key or ' or '.join(_TEXT_KEYS)!r}",
                          path=path, line=line)
    raw: str = obj[tk]
    n = len(raw)
    used = {tk, "id"}
    spans: list[SpanRecord] = []
    links: list[LinkRecord] = []
    if "entities" in obj and label_key is None:
        used |= {"entities", "relations"}
        ents = obj["entities"]
        if not isinstance(ents, list):
            raise FormatError("'entities' must be a list", path=path, line=line)
        by_id: dict[str, SpanRecord] = {}
        for item in ents:
            span, ident = _offset_item(item, path, line, n, raw)
            if span.ext_id is not None:
                if span.ext_id in by_id:
                    raise FormatError(f"entity id {ident!r} is used twice", path=path, line=line)
                by_id[span.ext_id] = span
            spans.append(span)
        rels = obj.get("relations") or []
        if not isinstance(rels, list):
            raise FormatError("'relations' must be a list", path=path, line=line)
        for rel in rels:
            if not isinstance(rel, dict) or "from_id" not in rel or "to_id" not in rel:
                raise FormatError(f"a relation needs from_id and to_id: {rel!r}", path=path, line=line)
            src, dst = str(rel["from_id"]), str(rel["to_id"])
            for end_id in (src, dst):
                if end_id not in by_id:
                    raise FormatError(f"relation {rel!r} refers to entity {end_id}, which is not there",
                                      path=path, line=line)
            rid = rel.get("id")
            links.append(LinkRecord(source=src, target=dst, role=str(rel.get("type", rel.get("label", ""))),
                                    ext_id=None if rid is None else str(rid)))
    else:
        lk = label_key or next((k for k in _LABEL_KEYS if isinstance(obj.get(k), list)), None)
        items: list[Any] = []
        if lk is not None and isinstance(obj.get(lk), list):
            value = obj[lk]
            if all(isinstance(v, list | tuple | dict) for v in value):
                items = value
                used.add(lk)
            elif not all(isinstance(v, str) for v in value):
                # (a list of strings is a document category, text classification: kept in meta)
                raise FormatError(f"{lk!r} must be a list of [start, end, \"LABEL\"], got {value!r}",
                                  path=path, line=line)
        elif label_key is not None and label_key in obj:
            raise FormatError(f"{label_key!r} must be a list", path=path, line=line)
        if lk is None and isinstance(obj.get("annotations"), list):
            items = obj["annotations"]
            used.add("annotations")
        for item in items:
            spans.append(_offset_item(item, path, line, n, raw)[0])
    extras = {k: v for k, v in obj.items() if k not in used}
    meta: dict[str, Any] = {}
    if extras:
        meta["doccano"] = extras
    ident = obj.get("id")
    return normalized_record(raw, spans, links=links, path=path, line=line,
                             ext_id=None if ident is None else str(ident), meta=meta, imported_from=path)


def read_doccano(src: Source, *, encoding: str | None = None, text_key: str | None = None,
                 label_key: str | None = None,
                 errors: list[FormatError] | None = None) -> Iterator[DocRecord]:
    """One record per doccano document (see the module text for the shapes read).

    A broken JSON line, a missing text, offsets outside the text or a stated entity text that
    does not match raise FormatError naming the file and line; with ``errors`` the bad record
    is listed there and skipped.
    """
    for path, line, obj in iter_json_records(src, encoding=encoding, errors=errors):
        try:
            yield _record(obj, path, line, text_key, label_key)
        except FormatError as exc:
            report_error(exc, errors)


# ---- writing -----------------------------------------------------------------------------------


def _int_ids(values: list[str | None]) -> list[int]:
    """Integer ids: the given ones when they are whole numbers and unique, fresh ones otherwise."""
    taken: set[int] = set()
    keep: list[int | None] = []
    for v in values:
        if v is not None and v.isdecimal() and int(v) not in taken:
            taken.add(int(v))
            keep.append(int(v))
        else:
            keep.append(None)
    nxt = 0
    out: list[int] = []
    for k in keep:
        if k is None:
            while nxt in taken:
                nxt += 1
            taken.add(nxt)
            k = nxt
        out.append(k)
    return out


def doccano_line(record: DocRecord, *, relations: bool) -> tuple[dict[str, Any], list[str]]:
    """The JSON object for one record, and the problems met."""
    problems: list[str] = []
    n = len(record.text)
    good: list[SpanRecord] = []
    for sp in record.spans:
        where = f"span {sp.start}-{sp.end} {sp.label}"
        if not (0 <= sp.start < sp.end <= n):
            problems.append(f"{where}: offsets outside the text; not written")
            continue
        good.append(sp)
        extra = [k for k in sp.attrs if k != FRAGMENTS]
        if extra:
            problems.append(f"{where}: attributes {', '.join(sorted(extra))} have no place in doccano")
        if sp.attrs.get(FRAGMENTS):
            problems.append(f"{where}: discontinuous span written as its whole extent")
        if sp.state != SpanState.ACCEPTED:
            problems.append(f"{where}: state {sp.state} has no place in doccano; written as a label")
        if sp.entity:
            problems.append(f"{where}: entity name {sp.entity!r} has no place in doccano")
    extras = record.meta.get("doccano") if isinstance(record.meta.get("doccano"), dict) else {}
    obj: dict[str, Any] = {}
    if record.ext_id is not None:
        obj["id"] = int(record.ext_id) if str(record.ext_id).isdecimal() else record.ext_id
    obj["text"] = record.text
    if relations:
        ids = _int_ids([sp.ext_id for sp in good])
        obj["entities"] = [{"id": i, "label": sp.label, "start_offset": sp.start, "end_offset": sp.end}
                           for i, sp in zip(ids, good, strict=True)]
        by_ext: dict[str, int] = {}
        for i, sp in zip(ids, good, strict=True):
            if sp.ext_id is not None and sp.ext_id not in by_ext:
                by_ext[sp.ext_id] = i
        rels: list[dict[str, Any]] = []
        ok_links = [lk for lk in record.links if lk.source in by_ext and lk.target in by_ext]
        for lk in record.links:
            if lk not in ok_links:
                problems.append(f"link {lk.role} {lk.source}->{lk.target}: a span it joins is not in the export; not written")
        rel_ids = _int_ids([lk.ext_id for lk in ok_links])
        for rid, lk in zip(rel_ids, ok_links, strict=True):
            rels.append({"id": rid, "from_id": by_ext[lk.source], "to_id": by_ext[lk.target], "type": lk.role})
        obj["relations"] = rels
    else:
        obj["label"] = [[sp.start, sp.end, sp.label] for sp in good]
        if record.links:
            problems.append(f"{len(record.links)} links not written (sequence-labelling form has no relations)")
    for k, v in (extras or {}).items():
        if k not in obj and k not in _CORE:
            obj[k] = v
    return obj, problems


def _to_relation_form(obj: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in obj.items():
        if k == "label":
            out["entities"] = [{"id": i, "label": lab, "start_offset": s, "end_offset": e}
                               for i, (s, e, lab) in enumerate(v)]
            out["relations"] = []
        else:
            out[k] = v
    return out


def _dump(obj: dict[str, Any]) -> str:
    return json.dumps(obj, ensure_ascii=False) + "\n"


def write_doccano(records: Iterable[DocRecord], out: Output, *,
                  relations: bool | None = None) -> WriteReport:
    """Write doccano JSONL to a path (atomically) or an open text stream.

    ``relations=None`` writes the relation form as soon as one document has links (and then for
    every document, converting those already written), else the sequence-labelling form.
    """
    report = WriteReport()
    with open_output(out) as f:
        spool: IO[str] | None = None
        mode = relations
        try:
            for index, record in enumerate(records):
                if mode is None and record.links:
                    mode = True
                    if spool is not None:
                        spool.seek(0)
                        for line in spool:
                            f.write(_dump(_to_relation_form(json.loads(line))))
                        spool.close()
                        spool = None
                obj, problems = doccano_line(record, relations=bool(mode))
                for p in problems:
                    report.problem(p, doc=doc_label(record, index))
                if mode is None:
                    if spool is None:
                        spool = tempfile.TemporaryFile("w+", encoding="utf-8")
                    spool.write(_dump(obj))
                else:
                    f.write(_dump(obj))
                report.documents += 1
                report.spans += len(obj.get("label") or obj.get("entities") or [])
                report.links += len(obj.get("relations") or [])
            if spool is not None:
                spool.seek(0)
                for line in spool:
                    f.write(line)
        finally:
            if spool is not None:
                spool.close()
    return report
