"""Choosing what goes out of a project, and streaming it as format records.

By default only accepted spans go out; where a document has an adjudicated gold layer, that
layer is used instead of everyone's spans.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from annotator.errors import ValidationError
from annotator.model import DocRecord, DocStatus, LinkRecord, SpanRecord, SpanState
from annotator.store import BATCH

if TYPE_CHECKING:
    from annotator.project import Project


@dataclass
class Selection:
    layers: set[str] | None = None
    labels: set[str] | None = None
    states: set[str] = field(default_factory=lambda: {"accepted"})
    statuses: set[str] | None = None
    annotators: set[str] | None = None
    doc_ids: Sequence[int] | None = None
    source: str = "auto"  # auto: gold where adjudicated, else all; gold; all

    def validate(self, project: Project) -> None:
        if self.labels:
            unknown = self.labels - set(project.schema.label_names())
            if unknown:
                raise ValidationError(f"unknown label(s): {', '.join(sorted(unknown))}")
        if self.statuses:
            bad = self.statuses - {s.value for s in DocStatus}
            if bad:
                raise ValidationError(f"unknown document status(es): {', '.join(sorted(bad))}")
        bad_states = self.states - {s.value for s in SpanState}
        if bad_states:
            raise ValidationError(f"unknown span state(s): {', '.join(sorted(bad_states))}")
        if self.source not in {"auto", "gold", "all"}:
            raise ValidationError("source must be auto, gold or all")


def selected_doc_ids(project: Project, sel: Selection) -> list[int]:
    ids = project.documents.ids(status=sel.statuses) if sel.statuses else project.documents.ids()
    if sel.doc_ids is not None:
        wanted = set(sel.doc_ids)
        ids = [i for i in ids if i in wanted]
    return ids


def split_ids(doc_ids: Sequence[int], ratios: Sequence[float], *, seed: int = 0,
              names: Sequence[str] = ("train", "dev", "test")) -> dict[str, list[int]]:
    """Split documents (never spans) into parts by ratio, reproducibly for a seed."""
    if any(r < 0 for r in ratios) or not sum(ratios):
        raise ValidationError("split ratios must be non-negative and not all zero")
    ids = sorted(doc_ids)
    random.Random(seed).shuffle(ids)
    total = sum(ratios)
    out: dict[str, list[int]] = {}
    start = 0
    for k, (name, r) in enumerate(zip(names, ratios, strict=False)):
        end = len(ids) if k == len(ratios) - 1 else start + round(len(ids) * r / total)
        out[name] = sorted(ids[start:end])
        start = end
    return out


_STATES = {s.value: s for s in SpanState}


def _order(row: Any) -> tuple[int, int, int]:
    return row[2], -row[3], row[0]


def project_records(project: Project, sel: Selection | None = None,
                    doc_ids: Iterable[int] | None = None) -> Iterator[DocRecord]:
    """Stream the selected documents with their selected spans and links, in batches."""
    for _doc_id, rec in _records_by_id(project, sel, doc_ids):
        yield rec


def _records_by_id(project: Project, sel: Selection | None,
                   doc_ids: Iterable[int] | None) -> Iterator[tuple[int, DocRecord]]:
    """(document id, record) for :func:`project_records`: the external id need not be unique."""
    sel = sel or Selection()
    ids = list(doc_ids) if doc_ids is not None else selected_doc_ids(project, sel)
    store = project.store
    entity_names: dict[int, str] = {}
    for k in range(0, len(ids), BATCH):
        chunk = ids[k : k + BATCH]
        marks = ",".join("?" * len(chunk))
        docs = {r["id"]: r for r in store.query(f"SELECT * FROM documents WHERE id IN ({marks})", chunk)}
        spans_by_doc: dict[int, list[Any]] = {i: [] for i in chunk}
        cur = store.conn.execute(
            f'SELECT id, doc_id, start, "end", label, layer, attrs, state, annotator, entity_id, gold, ext_id '
            f"FROM spans WHERE doc_id IN ({marks})", chunk)
        for row in cur:
            spans_by_doc[row[1]].append(row)
        links_by_doc: dict[int, list[Any]] = {i: [] for i in chunk}
        for row in store.conn.execute(
                f"SELECT doc_id, source_id, target_id, role, ext_id FROM links WHERE doc_id IN ({marks}) ORDER BY id",
                chunk):
            links_by_doc[row[0]].append(row)
        needed = {r[9] for rows in spans_by_doc.values() for r in rows if r[9] is not None} - set(entity_names)
        if needed:
            for e in store.rows_by_ids("entities", needed):
                entity_names[e["id"]] = e["name"]
        for doc_id in chunk:
            d = docs.get(doc_id)
            if d is None:
                continue
            rows = spans_by_doc[doc_id]
            rows.sort(key=_order)
            has_gold = any(r[10] for r in rows)
            use_gold = sel.source == "gold" or (sel.source == "auto" and has_gold)
            spans: list[SpanRecord] = []
            kept: set[int] = set()
            for (sid, _doc, start, end, label, layer, attrs, state, annotator, entity_id, gold, ext_id) in rows:
                if use_gold and not gold:
                    continue
                if state not in sel.states:
                    continue
                if sel.layers and layer not in sel.layers:
                    continue
                if sel.labels and label not in sel.labels:
                    continue
                if sel.annotators and annotator not in sel.annotators:
                    continue
                kept.add(sid)
                spans.append(SpanRecord(start, end, label, json.loads(attrs) if attrs != "{}" else {},
                                        _STATES[state], ext_id or f"T{sid}",
                                        entity_names.get(entity_id) if entity_id is not None else None,
                                        annotator))
            ext_of = {sid: ext for sid, ext in ((r[0], r[11] or f"T{r[0]}") for r in rows) if sid in kept}
            links = [LinkRecord(ext_of[s], ext_of[t], role, ext) for _d, s, t, role, ext in links_by_doc[doc_id]
                     if s in ext_of and t in ext_of]
            yield doc_id, DocRecord(
                text=d["text"], spans=spans, links=links, title=d["title"], ext_id=d["ext_id"] or str(d["id"]),
                meta=json.loads(d["meta"] or "{}"), source_url=d["source_url"], published=d["published"],
                language=d["language"], imported_from=d["imported_from"], status=DocStatus(d["status"]),
            )


def _span_filter(sel: Selection) -> tuple[str, list[Any]]:
    """The selection as SQL over ``spans s`` (the same rules as project_records)."""
    where: list[str] = []
    params: list[Any] = []
    states = sorted(sel.states)
    where.append(f"s.state IN ({','.join('?' * len(states))})")
    params += states
    for column, values in (("layer", sel.layers), ("label", sel.labels), ("annotator", sel.annotators)):
        if values:
            vs = sorted(values)
            where.append(f"s.{column} IN ({','.join('?' * len(vs))})")
            params += vs
    if sel.source == "gold":
        where.append("s.gold = 1")
    return " AND ".join(where), params


def project_jsonl_lines(project: Project, sel: Selection | None = None,
                        doc_ids: Iterable[int] | None = None) -> Iterator[tuple[str, int, int]]:
    """Our JSONL lines ``(line, spans, links)`` for the selected documents, built by SQLite.

    The same records as ``write_jsonl(project_records(...))`` (a test holds that, for every kind of
    selection), about twice as fast: SQLite escapes the texts and builds the span objects in C.
    Documents with links take the general path.
    """
    from annotator.formats.jsonl import record_to_obj

    sel = sel or Selection()
    ids = list(doc_ids) if doc_ids is not None else selected_doc_ids(project, sel)
    store = project.store
    span_where, span_params = _span_filter(sel)
    for k in range(0, len(ids), BATCH):
        chunk = ids[k : k + BATCH]
        marks = ",".join("?" * len(chunk))
        linked = {r[0] for r in store.conn.execute(
            f"SELECT DISTINCT doc_id FROM links WHERE doc_id IN ({marks})", chunk)}
        where, params = span_where, list(span_params)
        if sel.source == "auto":  # documents with a gold layer give only their gold spans
            gold_docs = [r[0] for r in store.conn.execute(
                f"SELECT DISTINCT doc_id FROM spans WHERE gold = 1 AND doc_id IN ({marks})", chunk)]
            if gold_docs:
                where += f" AND (s.gold = 1 OR s.doc_id NOT IN ({','.join('?' * len(gold_docs))}))"
                params += gold_docs
        fast = [d for d in chunk if d not in linked]
        lines: dict[int, tuple[str, int]] = {}
        if fast:
            fmarks = ",".join("?" * len(fast))
            counts = dict(store.conn.execute(
                f"SELECT s.doc_id, COUNT(*) FROM spans s WHERE s.doc_id IN ({fmarks}) AND {where} GROUP BY s.doc_id",
                [*fast, *params]))
            for doc_id, line in store.conn.execute(
                "SELECT d.id, json_object('id', COALESCE(d.ext_id, CAST(d.id AS TEXT)), 'title', d.title,"
                "  'text', d.text, 'meta', CASE d.meta WHEN '{}' THEN json_object() ELSE json(d.meta) END,"
                "  'source_url', d.source_url, 'published', d.published, 'language', d.language,"
                "  'status', d.status, 'spans', COALESCE(("
                # one aggregate straight over the span objects: a subquery between them would lose
                # their JSON subtype, and every object would be parsed again
                "    SELECT json_group_array(json_object('start', s.start, 'end', s.\"end\", 'label', s.label,"
                "      'id', COALESCE(s.ext_id, 'T' || s.id),"
                "      'attrs', CASE s.attrs WHEN '{}' THEN json_object() ELSE json(s.attrs) END,"
                "      'state', s.state, 'entity', e.name, 'annotator', s.annotator))"
                "    FROM spans s LEFT JOIN entities e ON e.id = s.entity_id"
                f"    WHERE s.doc_id = d.id AND {where}), json_array()))"  # index order: start, then id
                f" FROM documents d WHERE d.id IN ({fmarks})",
                [*params, *fast],
            ):
                n = counts.get(doc_id, 0)
                lines[doc_id] = (line, n)
        # the general path for documents with links (matched by position: external ids may repeat)
        slow = dict(zip(sorted(linked), project_records(project, sel, sorted(linked)), strict=True))
        for doc_id in chunk:
            if doc_id in lines:
                line, n = lines[doc_id]
                yield line, n, 0
            elif doc_id in slow:
                rec = slow[doc_id]
                yield json.dumps(record_to_obj(rec), ensure_ascii=False), len(rec.spans), len(rec.links)
