"""Documents: import (all or nothing), read, list and filter, status."""

from __future__ import annotations

import builtins
import itertools
import json
from collections.abc import Callable, Iterable, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from annotator.errors import AnnotatorError, NotFoundError, UnknownLabelError, ValidationError
from annotator.model import DocId, DocRecord, DocStatus, Document, DocumentInfo, Layer, Origin, SpanState
from annotator.store import BATCH, new_uid, now
from annotator.textnorm import normalize, text_hash
from annotator.versions import NOT_CONTENT, content_columns, content_fingerprint, document_content

if TYPE_CHECKING:
    from annotator.project import Project

Progress = Callable[[int, int | None], bool | None]
"""progress(done, total) → return False to cancel."""


class Cancelled(AnnotatorError):
    """The person cancelled a long operation; nothing was written."""


@dataclass
class ImportResult:
    documents_added: list[int] = field(default_factory=list)
    documents_matched: list[int] = field(default_factory=list)
    spans_added: int = 0
    spans_skipped: int = 0
    links_added: int = 0
    skipped: list[str] = field(default_factory=list)  # bad records skipped on request, with reasons
    entities_added: set[int] = field(default_factory=set)
    changes: Any = None
    suggestions: Any = None  # Changes of the known-entity suggestions made after the import

    @property
    def documents(self) -> int:
        return len(self.documents_added) + len(self.documents_matched)


def _info(row: Any, counts: dict[int, int]) -> DocumentInfo:
    return DocumentInfo(
        id=DocId(row["id"]), title=row["title"], status=DocStatus(row["status"]), length=row["length"],
        span_count=counts.get(row["id"], 0), language=row["language"], source_url=row["source_url"],
    )


class Documents:
    def __init__(self, project: Project) -> None:
        self.project = project
        self.store = project.store

    # ---- reading ------------------------------------------------------------------------------

    def get(self, doc_id: int) -> Document:
        r = self.store.one("SELECT * FROM documents WHERE id = ?", (doc_id,))
        if r is None:
            raise NotFoundError(f"no document with id {doc_id}")
        return Document(
            id=DocId(r["id"]), title=r["title"], text=r["text"], text_hash=r["text_hash"],
            status=DocStatus(r["status"]), source_url=r["source_url"], published=r["published"],
            language=r["language"], imported_from=r["imported_from"], meta=json.loads(r["meta"] or "{}"),
            created_at=r["created_at"], updated_at=r["updated_at"],
        )

    def text(self, doc_id: int) -> str:
        t = self.store.scalar("SELECT text FROM documents WHERE id = ?", (doc_id,))
        if t is None:
            raise NotFoundError(f"no document with id {doc_id}")
        return str(t)

    def info(self, doc_id: int) -> DocumentInfo:
        infos = self.infos([doc_id])
        if not infos:
            raise NotFoundError(f"no document with id {doc_id}")
        return infos[0]

    def infos(self, doc_ids: Sequence[int]) -> builtins.list[DocumentInfo]:
        """Rows for these ids (without text), in the given order."""
        rows: dict[int, Any] = {}
        for k in range(0, len(doc_ids), BATCH):
            chunk = list(doc_ids[k : k + BATCH])
            marks = ",".join("?" * len(chunk))
            for r in self.store.query(
                f"SELECT id, title, status, length, language, source_url FROM documents WHERE id IN ({marks})", chunk
            ):
                rows[r["id"]] = r
        counts = self.span_counts(list(rows))
        return [_info(rows[i], counts) for i in doc_ids if i in rows]

    def span_counts(self, doc_ids: Sequence[int]) -> dict[int, int]:
        """Number of spans that are not rejected, per document."""
        out: dict[int, int] = {}
        for k in range(0, len(doc_ids), BATCH):
            chunk = list(doc_ids[k : k + BATCH])
            marks = ",".join("?" * len(chunk))
            for doc, n in self.store.conn.execute(
                f"SELECT doc_id, COUNT(*) FROM spans WHERE doc_id IN ({marks}) AND state != 'rejected' "
                "GROUP BY doc_id", chunk
            ):
                out[doc] = n
        return out

    def _where(self, status: Iterable[str] | str | None, text: str | None) -> tuple[str, builtins.list[Any]]:
        where: builtins.list[str] = []
        params: builtins.list[Any] = []
        if status:
            statuses = [status] if isinstance(status, str) else list(status)
            where.append(f"status IN ({','.join('?' * len(statuses))})")
            params.extend(str(s) for s in statuses)
        if text:
            where.append("(title LIKE ? ESCAPE '\\' OR CAST(id AS TEXT) = ?)")
            esc = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            params.extend([f"%{esc}%", text.strip()])
        return (" WHERE " + " AND ".join(where)) if where else "", params

    def ids(self, *, status: Iterable[str] | str | None = None, text: str | None = None,
            order: str = "id", descending: bool = False) -> builtins.list[int]:
        """Ids of the documents that pass the filter, sorted; cheap even for 100,000 documents."""
        where, params = self._where(status, text)
        columns = {"id": "id", "title": "title COLLATE NOCASE", "status": "status", "length": "length"}
        if order == "spans":
            sql = (f"SELECT d.id FROM documents d LEFT JOIN (SELECT doc_id, COUNT(*) n FROM spans "
                   f"WHERE state != 'rejected' GROUP BY doc_id) c ON c.doc_id = d.id{where} "
                   f"ORDER BY COALESCE(c.n, 0) {'DESC' if descending else 'ASC'}, d.id")
        else:
            col = columns.get(order, "id")
            index = _covering_index(status, text) if order != "length" else ""
            sql = f"SELECT id FROM documents{index}{where} ORDER BY {col} {'DESC' if descending else 'ASC'}, id"
        return [r[0] for r in self.store.conn.execute(sql, params)]

    def list(self, *, status: Iterable[str] | str | None = None, text: str | None = None,
             limit: int | None = None, offset: int = 0) -> builtins.list[DocumentInfo]:
        ids = self.ids(status=status, text=text)
        page = ids[offset : offset + limit if limit is not None else None]
        return self.infos(page)

    def count(self, *, status: Iterable[str] | str | None = None, text: str | None = None) -> int:
        where, params = self._where(status, text)
        return int(self.store.scalar(f"SELECT COUNT(*) FROM documents{_covering_index(status, text)}{where}", params))

    def by_hash(self, digest: str) -> builtins.list[int]:
        return [r[0] for r in self.store.conn.execute("SELECT id FROM documents WHERE text_hash = ?", (digest,))]

    def next_unfinished(self, after: int | None = None) -> int | None:
        """The next document (by id, wrapping round) that is new or in progress."""
        q = "SELECT id FROM documents WHERE status IN ('new', 'in_progress') AND id > ? ORDER BY id LIMIT 1"
        r = self.store.conn.execute(q, (after or 0,)).fetchone()
        if r is None and after:
            r = self.store.conn.execute(q, (0,)).fetchone()
            if r is not None and r[0] == after:
                return None
        return None if r is None else int(r[0])

    def status_counts(self) -> dict[str, int]:
        return {s: n for s, n in self.store.conn.execute("SELECT status, COUNT(*) FROM documents GROUP BY status")}

    # ---- changing ------------------------------------------------------------------------------

    def set_status(self, doc_id: int, status: DocStatus | str) -> Any:
        try:
            st = DocStatus(status)
        except ValueError:
            raise ValidationError(f"unknown status {status!r}; use new, in_progress, annotated or reviewed") from None
        with self.project.operation("documents.set_status", summary={"doc_id": doc_id, "status": str(st)}) as op:
            op.update("documents", doc_id, {"status": str(st)})
        return op.result

    def update_meta(self, doc_id: int, **values: Any) -> Any:
        """Change title, source_url, published, language or meta (never the text)."""
        allowed = {"title", "source_url", "published", "language", "meta"}
        bad = set(values) - allowed
        if bad:
            raise ValidationError(f"cannot change {', '.join(sorted(bad))} of a document")
        with self.project.operation("documents.update", summary={"doc_id": doc_id}) as op:
            op.update("documents", doc_id, values)
        return op.result

    def delete(self, doc_ids: Sequence[int]) -> Any:
        """Delete documents with their spans (not undoable; recorded in the log).

        The event lists each document's ``uids``, ``text_hashes`` and ``contents`` (a fingerprint of
        everything on it) beside ``doc_ids``, so that merging a copy that still has the document as
        it was does not bring it back (see :mod:`annotator.merge`).
        """
        conn = self.store.conn
        cols = {t: content_columns(conn, t) for t in NOT_CONTENT}
        with self.project.operation("documents.delete", summary={"doc_ids": list(doc_ids)}, undoable=False) as op:
            gone: builtins.list[tuple[str, str, str]] = []
            for d in doc_ids:
                content = content_fingerprint(document_content(conn, d, cols))  # NotFoundError for an unknown id
                self.project.search.unindex(d)
                row = op.delete("documents", d)
                gone.append((row["uid"], row["text_hash"], content))
            op.summary.update(uids=[g[0] for g in gone], text_hashes=[g[1] for g in gone],
                              contents=[g[2] for g in gone])
        return op.result

    def add(self, text: str, *, title: str = "", spans: Sequence[Any] = (), **meta: Any) -> int:
        """Add one document (text NFC-normalised, spans mapped); returns its id."""
        record = DocRecord(text=text, title=title, spans=list(spans), **meta)
        result = self.import_records([record], normalized=False)
        ids = result.documents_added or result.documents_matched
        return ids[0]

    def import_records(
        self,
        records: Iterable[DocRecord],
        *,
        imported_from: str | None = None,
        origin: Origin = Origin.IMPORTED,
        normalized: bool = False,
        errors: builtins.list[str] | None = None,
        add_labels: bool = False,
        progress: Progress | None = None,
        total: int | None = None,
        gold: bool = False,
    ) -> ImportResult:
        """Import documents with their spans and links in ONE transaction: all or nothing.

        ``normalized``: the records' text is already NFC with LF line ends (formats do that);
        otherwise the text is normalised here and spans mapped onto it. A record whose text is
        already in the project adds only the spans it does not have. With ``errors`` given, a bad
        record is skipped and its reason appended; otherwise the first bad record raises and
        nothing is written. ``add_labels`` adds unknown labels to the schema (entity layer).
        ``progress(done, total)`` may return False to cancel (raises Cancelled, nothing written).
        """
        project = self.project
        result = ImportResult()
        schema = project.schema
        new_labels: builtins.list[str] = []
        with project.operation("documents.import", undoable=False, summary={"from": imported_from}) as op:
            state = _ImportState(self.store, project.actor, origin, imported_from, normalized, add_labels, gold)
            for n, rec in enumerate(records, 1):
                try:
                    # a savepoint per record only when bad records are to be skipped; otherwise the
                    # first error rolls the whole import back anyway
                    with self.store.transaction() if errors is not None else nullcontext():
                        one = ImportResult()
                        rows = self._import_one(rec, one, state, schema, new_labels)
                    state.keep(rows)
                    result.documents_added += one.documents_added
                    result.documents_matched += one.documents_matched
                    result.spans_added += one.spans_added
                    result.spans_skipped += one.spans_skipped
                    result.links_added += one.links_added
                    result.entities_added |= one.entities_added
                except (ValidationError, ValueError) as exc:
                    where = rec.ext_id or rec.title or f"record {n}"
                    if errors is None:  # keep the kind of error (an unknown label stays one)
                        kind = type(exc) if isinstance(exc, ValidationError) else ValidationError
                        raise kind(f"{imported_from or 'input'}: {where}: {exc}") from None
                    errors.append(f"{where}: {exc}")
                    result.skipped.append(f"{where}: {exc}")
                if progress is not None and progress(n, total) is False:
                    raise Cancelled("import cancelled; nothing was imported")
            state.flush()
            if new_labels:
                from annotator.schema import LabelDef

                palette = ["#c2dfff", "#ffd6a5", "#caffbf", "#fdffb6", "#ffc6ff", "#bdb2ff", "#9bf6ff"]
                extra = [LabelDef(lab, Layer.ENTITY, palette[i % len(palette)], "", "added by import")
                         for i, lab in enumerate(new_labels)]
                sch = schema.with_labels(extra)
                self.store.set_setting("schema", sch.to_json())
                project._schema = sch
                op.schema_changed = True
            op.touch("documents", *result.documents_added, *result.documents_matched)
            op.touch("entities", *result.entities_added)
            op.summary.update(documents_added=len(result.documents_added),
                              documents_matched=len(result.documents_matched),
                              spans_added=result.spans_added, doc_ids=result.documents_added[:10000],
                              skipped=len(result.skipped))
        result.changes = op.result
        return result

    def _import_one(self, rec: DocRecord, result: ImportResult, st: _ImportState, schema: Any,
                    new_labels: builtins.list[str]) -> _Rows:
        """Check one record, insert its document, and return its span/claim/link rows to buffer."""
        conn = self.store.conn
        if not isinstance(rec.text, str):
            raise ValidationError("the text is missing or not a string")
        mapped: builtins.list[tuple[int, int]] | None = None  # None: the spans' own offsets hold
        if st.normalized:
            text = rec.text
        else:
            norm = normalize(rec.text)
            text = norm.text
            if not norm.identity:
                mapped = []
                for s in rec.spans:
                    if not (0 <= s.start < s.end <= len(rec.text)):
                        raise ValidationError(
                            f"span {s.start}-{s.end} {s.label}: " + ("empty span" if s.start >= s.end else
                                                                      f"outside the text (length {len(rec.text)})"))
                    mapped.append(norm.map_span(s.start, s.end))
        digest = text_hash(text)
        existing = conn.execute("SELECT id FROM documents WHERE text_hash = ? LIMIT 1", (digest,)).fetchone()
        have: set[tuple[int, int, str]] = set()
        t = st.time
        if existing:
            doc_id = int(existing[0])
            result.documents_matched.append(doc_id)
            if doc_id in st.pending_docs:  # the same text came earlier in this import: write its spans first
                st.flush()
            have = {(a, b, c) for a, b, c in conn.execute(
                'SELECT start, "end", label FROM spans WHERE doc_id = ?', (doc_id,))}
        else:
            cur = conn.execute(
                "INSERT INTO documents (uid, title, text, text_hash, length, status, source_url, published, "
                "language, imported_from, ext_id, meta, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (new_uid(), rec.title or _title_of(text), text, digest, len(text), str(rec.status or DocStatus.NEW),
                 rec.source_url, rec.published, rec.language, rec.imported_from or st.imported_from, rec.ext_id,
                 json.dumps(rec.meta, ensure_ascii=False) if rec.meta else "{}", t, t),
            )
            doc_id = int(cur.lastrowid or 0)
            result.documents_added.append(doc_id)
        n = len(text)
        rows = _Rows()
        id_of: dict[str, int] = {}
        by_name = schema._by_name
        origin = str(st.origin)
        actor = st.actor
        gold = int(st.gold)
        next_id = st.ids.__next__
        next_uid = st.uids.__next__
        uid_base = st.uid_base
        spans_out = rows.spans
        claims_out = rows.claims
        accepted = SpanState.ACCEPTED
        added = 0
        for k, s in enumerate(rec.spans):
            if mapped is None:
                start, end = s.start, s.end
            else:
                start, end = mapped[k]
            if not (0 <= start < end <= n):
                raise ValidationError(
                    f"span {start}-{end} {s.label}: " + ("empty span" if start >= end else f"outside the text (length {n})")
                )
            label = s.label
            lab = by_name.get(label)
            if lab is None:
                if not st.add_labels:
                    raise UnknownLabelError(
                        f"span {start}-{end}: unknown label {label!r}; the schema has {', '.join(schema.label_names())}"
                    )
                if label not in new_labels:
                    new_labels.append(label)
                layer = "entity"
                attrs_json = json.dumps(s.attrs, ensure_ascii=False) if s.attrs else "{}"
            else:
                layer = lab.layer.value
                attrs_json = (json.dumps(schema.validate_attrs(label, s.attrs, strict=False), ensure_ascii=False)
                              if s.attrs else "{}")
            key = (start, end, label)
            if key in have:
                result.spans_skipped += 1
                continue
            have.add(key)
            entity_id = None
            if s.entity:
                before = self.project.entities.find(s.entity, label)
                entity_id = before.id if before else self.project.entities.ensure(s.entity, label)
                if before is None:
                    result.entities_added.add(entity_id)
            sid = next_id()
            ext_id = s.ext_id
            if ext_id:
                id_of[ext_id] = sid
            # plain str values: sqlite3 binds exact str directly, while a str enum member goes
            # through its adapter look-up (two failed attribute look-ups per value)
            state: str = "accepted" if s.state is accepted else SpanState(s.state or "accepted").value
            spans_out.append((sid, f"{uid_base}{next_uid():08x}", doc_id, start, end, label, layer, attrs_json,
                              origin, state, s.annotator or actor, entity_id, gold, ext_id, t, t))
            if layer == "claim":
                claims_out.append((sid, t))
            added += 1
        result.spans_added += added
        if rows.spans:
            rows.doc_id = doc_id
        for link in rec.links:
            if link.source not in id_of or link.target not in id_of:
                if link.source in id_of or link.target in id_of or not existing:
                    raise ValidationError(f"link {link.ext_id or ''} {link.role}: refers to a span that is not in the record")
                continue
            rows.links.append((f"{uid_base}{next_uid():08x}", doc_id, id_of[link.source], id_of[link.target], link.role, actor,
                               link.ext_id, t))
            result.links_added += 1
        return rows


@dataclass(slots=True)
class _Rows:
    """The rows one imported record adds, buffered until they are written in bulk."""

    spans: builtins.list[tuple[Any, ...]] = field(default_factory=list)
    claims: builtins.list[tuple[int, str]] = field(default_factory=list)
    links: builtins.list[tuple[Any, ...]] = field(default_factory=list)
    doc_id: int | None = None


class _ImportState:
    """One import: its settings, the ids it hands out, and the rows waiting to be written.

    Span ids are handed out here (the import holds the write lock, and AUTOINCREMENT keeps
    ``sqlite_sequence`` at or above every id ever used), so claims and links are written with
    their spans' ids: no look-ups, no second pass over the rows. Uids are one fresh unique prefix
    per import and a counter.
    """

    FLUSH = 20000

    def __init__(self, store: Any, actor: str, origin: Origin, imported_from: str | None, normalized: bool,
                 add_labels: bool, gold: bool) -> None:
        self.store = store
        self.actor, self.origin, self.imported_from = actor, origin, imported_from
        self.normalized, self.add_labels, self.gold = normalized, add_labels, gold
        self.time = now()
        seq = store.conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'spans'").fetchone()
        self.ids = itertools.count((seq[0] if seq else 0) + 1)
        self.uid_base = new_uid() + "."  # then a zero-padded counter: uids sort in insertion order
        self.uids = itertools.count(1)
        self.pending = _Rows()
        self.pending_docs: set[int] = set()  # documents whose spans are buffered, not yet written

    def keep(self, rows: _Rows) -> None:
        """Buffer the rows of a record that went in; write them once enough have gathered."""
        pending = self.pending
        pending.spans += rows.spans
        pending.claims += rows.claims
        pending.links += rows.links
        if rows.doc_id is not None:
            self.pending_docs.add(rows.doc_id)
        if len(pending.spans) >= self.FLUSH:
            self.flush()

    def flush(self) -> None:
        conn = self.store.conn
        p = self.pending
        if p.spans:
            conn.executemany(
                'INSERT INTO spans (id, uid, doc_id, start, "end", label, layer, attrs, origin, state, annotator, '
                "entity_id, gold, ext_id, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", p.spans)
        if p.claims:
            conn.executemany("INSERT INTO claims (span_id, state, updated_at) VALUES (?, 'draft', ?)", p.claims)
        if p.links:
            conn.executemany(
                "INSERT OR IGNORE INTO links (uid, doc_id, source_id, target_id, role, annotator, ext_id, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", p.links)
        self.pending = _Rows()
        self.pending_docs.clear()


def _covering_index(status: Any, text: str | None) -> str:
    """``INDEXED BY`` the index that holds every column a list filter reads (rowids are in every
    index), so the filter never reads the table, whose pages hold the texts. SQLite's planner would
    rather scan the table in id order to save a sort: 2-3 times slower on 100,000 documents (more
    so once ANALYZE has run)."""
    if text:
        return " INDEXED BY documents_titles"
    if status:
        return " INDEXED BY documents_status"
    return ""


def _title_of(text: str) -> str:
    for line in text.splitlines():
        line = line.strip()
        if line:
            return line[:120]
    return "(empty)"
