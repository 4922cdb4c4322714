"""Spans and the links between them."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from annotator import messages as M
from annotator.errors import NotFoundError, ValidationError
from annotator.messages import say
from annotator.model import (
    Changes,
    DocId,
    EntityId,
    Layer,
    Link,
    LinkId,
    Origin,
    Span,
    SpanId,
    SpanRecord,
    SpanState,
)
from annotator.store import BATCH, Operation

if TYPE_CHECKING:
    from annotator.project import Project

_UNSET: Any = object()

SPAN_COLUMNS = ('id, uid, doc_id, start, "end", label, layer, attrs, origin, state, annotator, entity_id, '
                "gold, ext_id, created_at, updated_at")


def span_from_row(r: Any) -> Span:
    return Span(
        id=SpanId(r["id"]), doc_id=DocId(r["doc_id"]), start=r["start"], end=r["end"], label=r["label"],
        layer=Layer(r["layer"]), attrs=json.loads(r["attrs"] or "{}"), origin=Origin(r["origin"]),
        state=SpanState(r["state"]), annotator=r["annotator"],
        entity_id=EntityId(r["entity_id"]) if r["entity_id"] is not None else None,
        uid=r["uid"], ext_id=r["ext_id"], created_at=r["created_at"], updated_at=r["updated_at"],
    )


class Spans:
    def __init__(self, project: Project) -> None:
        self.project = project
        self.store = project.store

    # ---- reading ------------------------------------------------------------------------------

    def get(self, span_id: int) -> Span:
        r = self.store.one(f"SELECT {SPAN_COLUMNS} FROM spans WHERE id = ?", (span_id,))
        if r is None:
            raise NotFoundError(f"no span with id {span_id}")
        return span_from_row(r)

    def get_many(self, span_ids: Iterable[int]) -> list[Span]:
        ids = list(span_ids)
        out: list[Span] = []
        for k in range(0, len(ids), BATCH):
            chunk = ids[k : k + BATCH]
            marks = ",".join("?" * len(chunk))
            out.extend(span_from_row(r) for r in self.store.query(
                f"SELECT {SPAN_COLUMNS} FROM spans WHERE id IN ({marks})", chunk))
        return out

    def for_doc(self, doc_id: int, *, states: Iterable[str] | None = None,
                layers: Iterable[str] | None = None) -> list[Span]:
        """Spans of one document, by start then longest first."""
        sql = f"SELECT {SPAN_COLUMNS} FROM spans WHERE doc_id = ?"
        params: list[Any] = [doc_id]
        if states is not None:
            st = [str(s) for s in states]
            sql += f" AND state IN ({','.join('?' * len(st))})"
            params += st
        if layers is not None:
            ly = [str(x) for x in layers]
            sql += f" AND layer IN ({','.join('?' * len(ly))})"
            params += ly
        sql += ' ORDER BY start, "end" DESC, id'
        return [span_from_row(r) for r in self.store.query(sql, params)]

    def iter_all(self, *, states: Iterable[str] | None = ("accepted",)) -> Iterator[Span]:
        """The project's spans of these states (accepted by default; None: every state), in
        document order, streamed."""
        sql = f"SELECT {SPAN_COLUMNS} FROM spans"
        params: list[Any] = []
        if states is not None:
            st = [str(s) for s in states]
            sql += f" WHERE state IN ({','.join('?' * len(st))})"
            params = st
        sql += ' ORDER BY doc_id, start, "end" DESC, id'
        cur = self.store.conn.execute(sql, params)
        cur.row_factory = sqlite3.Row
        for r in cur:
            yield span_from_row(r)

    def count(self, *, state: str | None = None, layer: str | None = None) -> int:
        where, params = [], []
        if state:
            where.append("state = ?")
            params.append(state)
        if layer:
            where.append("layer = ?")
            params.append(layer)
        sql = "SELECT COUNT(*) FROM spans" + (" WHERE " + " AND ".join(where) if where else "")
        return int(self.store.scalar(sql, params))

    def counts_by(self, column: str, *, state: str | None = None) -> dict[str, int]:
        """Spans per value of ``column`` (``state``, ``label`` or ``layer``), of one state if given;
        in the order of the values."""
        if column not in ("state", "label", "layer"):
            raise ValueError(f"spans are counted by state, label or layer, not {column!r}")
        where = " WHERE state = ?" if state is not None else ""
        return {v: n for v, n in self.store.conn.execute(
            f"SELECT {column}, COUNT(*) FROM spans{where} GROUP BY {column} ORDER BY {column}",
            () if state is None else (str(state),))}

    # ---- validation ---------------------------------------------------------------------------

    def _check(self, doc_id: int, start: int, end: int, label: str) -> Layer:
        length = self.store.scalar("SELECT length FROM documents WHERE id = ?", (doc_id,))
        if length is None:
            raise NotFoundError(f"no document with id {doc_id}")
        return self.check_bounds(length, start, end, label)

    def check_bounds(self, length: int, start: int, end: int, label: str) -> Layer:
        """The layer of ``label``, after checking a span start-end in a text of ``length``."""
        if not isinstance(start, int) or not isinstance(end, int):
            raise ValidationError(f"span offsets must be whole numbers, got {start!r}-{end!r}")
        if start < 0:
            raise ValidationError(say(M.SPAN_NEGATIVE, start=start, end=end))
        if end <= start:
            raise ValidationError(say(M.SPAN_EMPTY, start=start, end=end))
        if end > length:
            raise ValidationError(say(M.SPAN_PAST_END, start=start, end=end, length=length))
        return self.project.schema.label(label).layer

    # ---- changing ------------------------------------------------------------------------------

    def row_for(self, *, doc_id: int, start: int, end: int, label: str, layer: Layer, attrs: Mapping[str, Any],
             state: SpanState | str, origin: Origin | str, entity_id: int | None, t: str) -> dict[str, Any]:
        """The row a new span is stored as (attributes validated), for ``Operation.insert``."""
        return {
            "doc_id": doc_id, "start": start, "end": end, "label": label, "layer": str(layer),
            "attrs": self.project.schema.validate_attrs(label, attrs or {}), "origin": str(Origin(origin)),
            "state": str(SpanState(state)), "annotator": self.project.actor, "entity_id": entity_id,
            "created_at": t, "updated_at": t,
        }

    def add(self, *, doc_id: int, start: int, end: int, label: str, attrs: Mapping[str, Any] | None = None,
            state: SpanState | str = SpanState.ACCEPTED, origin: Origin | str = Origin.MANUAL,
            entity_id: int | None = None) -> Changes:
        """Add one span. ``changes.spans`` holds its id."""
        layer = self._check(doc_id, start, end, label)  # adding a span is allowed even beside a claim in review
        with self.project.operation("spans.add", summary={"doc_id": doc_id, "label": label,
                                                         "start": start, "end": end}) as op:
            sid = op.insert("spans", self.row_for(doc_id=doc_id, start=start, end=end, label=label, layer=layer,
                                              attrs=attrs or {}, state=state, origin=origin,
                                              entity_id=entity_id, t=op.time))
            if layer == Layer.CLAIM:
                op.insert("claims", {"span_id": sid, "state": "draft", "updated_at": op.time})
            op.summary["span_id"] = sid
        return op.result

    def add_many(self, doc_id: int, items: Sequence[SpanRecord], *, origin: Origin | str = Origin.MANUAL,
                 state: SpanState | str | None = None, skip_existing: bool = True,
                 skip_rejected: bool = True, op_name: str = "spans.add_many") -> Changes:
        """Add many spans to one document in one undoable step.

        ``skip_existing``: a span with the same offsets and label is not added twice;
        ``skip_rejected``: nor one that was rejected before (suggestions are not proposed again).
        """
        with self.project.operation(op_name, summary={"doc_id": doc_id, "count": 0}) as op:
            op.summary["count"] = self.add_many_in(op, doc_id, items, origin=origin, state=state,
                                                   skip_existing=skip_existing, skip_rejected=skip_rejected)
        return op.result

    def add_many_in(self, op: Operation, doc_id: int, items: Sequence[SpanRecord], *,
                    origin: Origin | str = Origin.MANUAL, state: SpanState | str | None = None,
                    skip_existing: bool = True, skip_rejected: bool = True) -> int:
        """Add spans inside an operation that is already open (for multi-document steps)."""
        length = self.store.scalar("SELECT length FROM documents WHERE id = ?", (doc_id,))
        if length is None:
            raise NotFoundError(f"no document with id {doc_id}")
        have = {(a, b, c): st for a, b, c, st in self.store.conn.execute(
            'SELECT start, "end", label, state FROM spans WHERE doc_id = ?', (doc_id,))}
        added = 0
        for item in items:
            layer = self.check_bounds(length, item.start, item.end, item.label)
            key = (item.start, item.end, item.label)
            if key in have and (skip_existing or (skip_rejected and have[key] == "rejected")):
                continue
            have[key] = "new"
            sid = op.insert("spans", self.row_for(
                doc_id=doc_id, start=item.start, end=item.end, label=item.label, layer=layer,
                attrs=item.attrs, state=state or item.state, origin=origin, entity_id=None, t=op.time))
            if layer == Layer.CLAIM:
                op.insert("claims", {"span_id": sid, "state": "draft", "updated_at": op.time})
            added += 1
        return added

    def update(self, span_id: int, *, label: str | None = None, start: int | None = None,
               end: int | None = None, attrs: Mapping[str, Any] | None = None,
               state: SpanState | str | None = None, entity_id: int | None = _UNSET) -> Changes:
        """Change a span's label, boundaries, attributes, state or entity link."""
        span = self.get(span_id)
        self.project.claims.check_span_editable(span)
        values: dict[str, Any] = {}
        new_label = label or span.label
        new_start = span.start if start is None else start
        new_end = span.end if end is None else end
        layer = self._check(span.doc_id, new_start, new_end, new_label)
        if label is not None and label != span.label:
            if layer != span.layer:
                raise ValidationError(
                    f"cannot change {span.label} ({span.layer}) into {label} ({layer}): another layer")
            values["label"] = label
        if start is not None:
            values["start"] = start
        if end is not None:
            values["end"] = end
        if attrs is not None:
            # attributes that came with an import (brat's, Label Studio's) may stay; new ones must
            # be in the schema
            foreign = {k: v for k, v in attrs.items() if k in span.attrs and k not in
                       {a.name for a in self.project.schema.attributes_of(new_label)}}
            checked = self.project.schema.validate_attrs(new_label, {k: v for k, v in attrs.items() if k not in foreign})
            values["attrs"] = {**checked, **foreign}
        elif label is not None:
            values["attrs"] = self.project.schema.validate_attrs(new_label, span.attrs, strict=False)
        if state is not None:
            values["state"] = str(SpanState(state))
        if entity_id is not _UNSET:
            if entity_id is not None:
                self.project.entities.get(entity_id)
            values["entity_id"] = entity_id
        with self.project.operation("spans.update", summary={"span_id": span_id, "doc_id": span.doc_id,
                                                            "fields": sorted(values)}) as op:
            op.update("spans", span_id, values)
            op.touch("spans", span_id)
        return op.result

    def set_state(self, span_ids: Sequence[int], state: SpanState | str) -> Changes:
        """Accept or reject suggestions (one undoable step for many)."""
        try:
            st = str(SpanState(state))
        except ValueError:
            raise ValidationError(f"unknown span state {state!r}; use accepted, suggested or rejected") from None
        spans = self.get_many(span_ids)
        if len(spans) != len(set(span_ids)):
            missing = set(span_ids) - {s.id for s in spans}
            raise NotFoundError(f"no span with id {', '.join(map(str, sorted(missing)))}")
        self.project.claims.check_spans_editable(spans)
        with self.project.operation(f"spans.{'accept' if st == 'accepted' else 'reject' if st == 'rejected' else 'state'}",
                                    summary={"span_ids": list(span_ids)[:1000], "state": st}) as op:
            for s in spans:
                op.update("spans", s.id, {"state": st})
        return op.result

    def accept(self, span_ids: Sequence[int]) -> Changes:
        return self.set_state(span_ids, SpanState.ACCEPTED)

    def reject(self, span_ids: Sequence[int]) -> Changes:
        return self.set_state(span_ids, SpanState.REJECTED)

    def delete(self, span_ids: Sequence[int]) -> Changes:
        """Delete spans with their links (undoable)."""
        spans = self.get_many(span_ids)
        if len(spans) != len(set(span_ids)):
            missing = set(span_ids) - {s.id for s in spans}
            raise NotFoundError(f"no span with id {', '.join(map(str, sorted(missing)))}")
        self.project.claims.check_spans_editable(spans)
        with self.project.operation("spans.delete", summary={"span_ids": list(span_ids)[:1000]}) as op:
            for s in spans:
                op.delete("spans", s.id)
        return op.result


def link_from_row(r: Any) -> Link:
    return Link(id=LinkId(r["id"]), doc_id=DocId(r["doc_id"]), source_id=SpanId(r["source_id"]),
                target_id=SpanId(r["target_id"]), role=r["role"], uid=r["uid"], ext_id=r["ext_id"])


class Links:
    """Directed links between spans of one document: claim → figure/entity, claimant, relations."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self.store = project.store

    def add(self, *, source_id: int, target_id: int, role: str) -> Changes:
        src, dst = self.project.spans.get(source_id), self.project.spans.get(target_id)
        if src.doc_id != dst.doc_id:
            raise ValidationError(say(M.LINK_ACROSS_DOCUMENTS))
        if source_id == target_id:
            raise ValidationError(say(M.LINK_TO_ITSELF))
        if not role:
            raise ValidationError(say(M.LINK_NEEDS_ROLE))
        self.project.claims.check_span_editable(src)
        if self.store.one("SELECT 1 FROM links WHERE source_id = ? AND target_id = ? AND role = ?",
                          (source_id, target_id, role)):
            raise ValidationError(say(M.LINK_EXISTS, source=source_id, target=target_id, role=role))
        with self.project.operation("links.add", summary={"doc_id": src.doc_id, "source_id": source_id,
                                                         "target_id": target_id, "role": role}) as op:
            op.insert("links", {"doc_id": src.doc_id, "source_id": source_id, "target_id": target_id,
                                "role": role, "annotator": self.project.actor, "created_at": op.time})
            op.touch("spans", source_id, target_id)
        return op.result

    def delete(self, link_ids: Sequence[int]) -> Changes:
        links = [self.get(i) for i in link_ids]
        self.project.claims.check_spans_editable(self.project.spans.get_many(dict.fromkeys(lk.source_id for lk in links)))
        with self.project.operation("links.delete", summary={"link_ids": list(link_ids)}) as op:
            for link in links:
                op.delete("links", link.id)
                op.touch("spans", link.source_id, link.target_id)
        return op.result

    def get(self, link_id: int) -> Link:
        r = self.store.one("SELECT * FROM links WHERE id = ?", (link_id,))
        if r is None:
            raise NotFoundError(f"no link with id {link_id}")
        return link_from_row(r)

    def for_doc(self, doc_id: int) -> list[Link]:
        return [link_from_row(r) for r in self.store.query("SELECT * FROM links WHERE doc_id = ? ORDER BY id", (doc_id,))]

    def count(self) -> int:
        return int(self.store.scalar("SELECT COUNT(*) FROM links"))

    def for_span(self, span_id: int) -> list[Link]:
        return [link_from_row(r) for r in self.store.query(
            "SELECT * FROM links WHERE source_id = ? OR target_id = ? ORDER BY id", (span_id, span_id))]
