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
            yield DocRecord(
                text=d["text"], spans=spans, links=links, title=d["title"], ext_id=d["ext_id"] or str(d["id"]),
                meta=json.loads(d["meta"] or "{}"), source_url=d["source_url"], published=d["published"],
                language=d["language"], imported_from=d["imported_from"], status=DocStatus(d["status"]),
            )
