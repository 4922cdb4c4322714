"""Versions of a project's rows, as merging sees them: fingerprints, the three-way combination,
and writing a chosen version into a project.

A row is compared by a *fingerprint* of its content columns (identity and bookkeeping columns
left out; JSON columns parsed, so key order does not matter). A :class:`Version` is one state
of a row: fingerprint, ``updated_at`` and values, or deleted (fingerprint ``"-"``).
:func:`combine` says which versions are still in play when a copy brings one in (used by
:mod:`annotator.merge` and :mod:`annotator.conflicts`); :class:`Applier` makes a version the
live row (rows keep their own time stamps, so merging in any order gives the same rows) and
records what it deleted in the operation's event, where :func:`deleted_rows` and
:func:`deleted_documents` read the versions deleted in a database (and :func:`revived_rows` the
versions that came back unchanged with a deleted document).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from annotator.errors import NotFoundError
from annotator.store import BATCH

if TYPE_CHECKING:
    from annotator.project import Project
    from annotator.store import Operation

DELETED = "-"  # fingerprint of "the row was deleted"

# columns that are identity or bookkeeping, not content (content columns are read from the table,
# so a later migration that adds a column is merged without changing this module)
NOT_CONTENT = {
    "documents": {"id", "uid", "text", "text_hash", "length", "created_at", "updated_at", "indexed"},
    "spans": {"id", "uid", "doc_id", "entity_id", "created_at", "updated_at"},
    "entities": {"id", "uid", "created_at", "updated_at"},
    "claims": {"span_id", "updated_at"},
    "links": {"id", "uid", "doc_id", "source_id", "target_id", "created_at"},
}
_JSON = {"attrs", "meta", "aliases", "evidence"}


# ---- fingerprints ------------------------------------------------------------------------------


def content_columns(conn: sqlite3.Connection, table: str) -> list[str]:
    """The columns of ``table`` that hold content (what a fingerprint covers), in table order."""
    skip = NOT_CONTENT[table]
    return [r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] not in skip]


def _norm(column: str, value: Any) -> Any:
    if column in _JSON and isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def fingerprint(columns: Sequence[str], row: Any, extra: Sequence[Any] = ()) -> str:
    """A short hash of a row's content: equal content, equal fingerprint (JSON columns parsed)."""
    values = [_norm(c, row[c]) for c in columns]
    values.extend(extra)
    raw = json.dumps(values, ensure_ascii=False, sort_keys=True, default=str, separators=(",", ":"))
    return hashlib.blake2b(raw.encode("utf-8"), digest_size=10).hexdigest()


def document_content(conn: sqlite3.Connection, doc_id: int, cols: dict[str, list[str]]) -> dict[str, Any]:
    """Everything on a document, by fingerprint, shaped as a work package's base entry
    (:mod:`annotator.package`): ``doc`` (its row), ``spans`` and ``claims`` (span uid -> fingerprint;
    a span's fingerprint covers its entity's uid) and ``links`` (uids)."""
    doc = _fetch(conn, "SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if doc is None:
        raise NotFoundError(f"no document with id {doc_id}")
    spans = {r["uid"]: fingerprint(cols["spans"], r, (r["entity_uid"],)) for r in _fetch(
        conn, "SELECT s.*, e.uid AS entity_uid FROM spans s LEFT JOIN entities e ON e.id = s.entity_id "
        "WHERE s.doc_id = ?", (doc_id,))}
    claims = {r["uid"]: fingerprint(cols["claims"], r) for r in _fetch(
        conn, "SELECT s.uid AS uid, c.* FROM claims c JOIN spans s ON s.id = c.span_id WHERE s.doc_id = ?", (doc_id,))}
    links = sorted(r[0] for r in conn.execute("SELECT uid FROM links WHERE doc_id = ?", (doc_id,)))
    return {"doc": fingerprint(cols["documents"], doc), "spans": spans, "claims": claims, "links": links}


def content_fingerprint(entry: dict[str, Any]) -> str:
    """One fingerprint for a :func:`document_content` (or a package's base entry): equal content, equal."""
    shape = {"doc": entry.get("doc"), "spans": entry.get("spans") or {}, "claims": entry.get("claims") or {},
             "links": sorted(entry.get("links") or [])}
    raw = json.dumps(shape, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.blake2b(raw.encode("utf-8"), digest_size=10).hexdigest()


# ---- versions ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Version:
    """One version of a row: its fingerprint, time stamp and values (``None``: deleted)."""

    fp: str
    updated_at: str
    values: dict[str, Any] | None

    @property
    def deleted(self) -> bool:
        return self.values is None

    def key(self) -> tuple[bool, str, str]:
        # the live row of a conflict is the greatest: an edit over a deletion, then the latest
        return (self.values is not None, self.updated_at or "", self.fp)

    def to_json(self) -> dict[str, Any]:
        return {"fp": self.fp, "updated_at": self.updated_at, "values": self.values}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Version:
        return cls(d["fp"], d.get("updated_at") or "", d.get("values"))


def _deleted(updated_at: str = "") -> Version:
    return Version(DELETED, updated_at, None)


def combine(existing: Sequence[Version], local: Version | None, base: str | None, incoming: Version) -> list[Version]:
    """The versions still in play after ``incoming`` (news to us) arrives from a copy based on ``base``.

    The copy saw ``base`` and replaced it, so ``base`` is superseded; every other version stays.
    One version left: no conflict. Same content is one version (latest time stamp).
    """
    by_fp: dict[str, Version] = {}

    def add(v: Version) -> None:
        old = by_fp.get(v.fp)
        if old is None or (v.updated_at or "") > (old.updated_at or ""):
            by_fp[v.fp] = v

    for v in existing:
        add(v)
    if local is not None:
        add(local)
    if base is not None:
        by_fp.pop(base, None)
    add(incoming)
    return sorted(by_fp.values(), key=Version.key)


# ---- reading rows --------------------------------------------------------------------------------


def _fetch(conn: sqlite3.Connection, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
    """A cursor whose rows are addressed by column name (the connection's own factory untouched)."""
    cur = conn.execute(sql, params)
    cur.row_factory = sqlite3.Row  # type: ignore[assignment]
    return cur


def _chunks(items: Sequence[Any], n: int = BATCH) -> Iterator[Sequence[Any]]:
    for k in range(0, len(items), n):
        yield items[k : k + n]


def _marks(n: int) -> str:
    return ",".join("?" * n)


def _q(col: str) -> str:
    return f'"{col}"'


def _as_dict(conn: sqlite3.Connection, table: str, row: Any) -> dict[str, Any]:
    if isinstance(row, sqlite3.Row):
        return dict(row)
    if isinstance(row, dict):
        return row
    names = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
    return dict(zip(names, row, strict=False))


# ---- what was deleted here (read from the log; Applier.note_deleted writes it) ------------------


def deleted_rows(conn: sqlite3.Connection, tables: Iterable[str] = ("spans", "links", "entities")
                 ) -> dict[str, dict[str, dict[str, Any]]]:
    """Rows deleted in this database, by table and uid, as recorded in its own event log.

    Reads the recorded rows of undoable operations (a deletion is ``[table, id, before, null]``)
    and the ``deleted`` lists of merges and resolutions; events that came from other copies are
    not this database's deletions and are skipped.
    """
    wanted = set(tables)
    out: dict[str, dict[str, dict[str, Any]]] = {t: {} for t in wanted}
    cur = conn.execute(
        "SELECT json_extract(r.value, '$[0]'), json_extract(r.value, '$[2]') FROM events e, json_each(e.rows) r "
        "WHERE e.rows IS NOT NULL AND e.rows LIKE '%}, null]%' "
        "AND json_extract(e.summary, '$.from_copy') IS NULL "
        "AND json_type(r.value, '$[3]') = 'null' AND json_type(r.value, '$[2]') = 'object' ORDER BY e.id")
    for table, before in cur:
        if table in wanted:
            row = json.loads(before)
            if row.get("uid"):
                out[table][row["uid"]] = {"row": row}
    cur = conn.execute(
        "SELECT json_extract(summary, '$.deleted') FROM events WHERE op IN ('team.merge', 'team.resolve') "
        "AND json_extract(summary, '$.deleted') IS NOT NULL AND json_extract(summary, '$.from_copy') IS NULL "
        "ORDER BY id")
    for (raw,) in cur:
        for table, items in json.loads(raw).items():
            if table in wanted:
                for uid, fp, *rest in items:
                    item: dict[str, Any] = {"fp": fp}
                    if rest:
                        item["row"] = {"id": rest[0]}
                    if len(rest) > 1:
                        item["version"] = rest[1]
                    out[table][uid] = item
    return out


def deleted_documents(conn: sqlite3.Connection) -> dict[str, dict[str, Any]]:
    """Texts deleted in this database: text hash -> ``{"at": latest deletion, "contents": set, "seen": set}``.

    ``contents`` are :func:`content_fingerprint` s of what is superseded by a deletion: what
    ``documents.delete`` and conflicts settled as deleted deleted, and what merges brought into
    such a document before it was deleted (again) (``documents_seen``: it was here, so the later
    deletion covers it). ``seen`` is what merges brought in since the latest deletion: live
    content, not superseded (a merge records it once). Events that came from other copies are
    skipped.
    """
    out: dict[str, dict[str, Any]] = {}
    cur = conn.execute(
        "SELECT e.id, h.key, e.at, h.value, json_extract(e.summary, '$.contents[' || h.key || ']'), 1 "
        "FROM events e, json_each(e.summary, '$.text_hashes') h "
        "WHERE e.op = 'documents.delete' AND json_extract(e.summary, '$.from_copy') IS NULL "
        "UNION ALL SELECT e.id, d.key, e.at, json_extract(d.value, '$[0]'), json_extract(d.value, '$[1]'), "
        "e.op = 'team.resolve' "
        "FROM events e, json_each(e.summary, CASE e.op WHEN 'team.resolve' THEN '$.deleted.documents' "
        "ELSE '$.documents_seen' END) d "
        "WHERE e.op IN ('team.resolve', 'team.merge') AND json_extract(e.summary, '$.from_copy') IS NULL "
        "ORDER BY 1, 2")
    for _, _, at, doc_hash, content, deletion in cur:
        tomb = out.setdefault(doc_hash, {"at": "", "contents": set(), "seen": set(), "deleted": False})
        if deletion:
            tomb["at"] = max(tomb["at"], at)
            tomb["deleted"] = True
            tomb["contents"] |= tomb["seen"]  # it was here when it was deleted: superseded now
            tomb["seen"] = set()
            if content:
                tomb["contents"].add(content)
        elif content:
            tomb["seen"].add(content)
    return {h: tomb for h, tomb in out.items() if tomb.pop("deleted")}


def revived_rows(conn: sqlite3.Connection) -> dict[str, dict[str, set[str]]]:
    """Versions that came back unchanged with a document deleted here: kind -> uid -> fingerprints.

    When a copy brings back a document deleted here, the rows it did not change since its package
    (``revived`` in a merge event: kind, uid, fingerprint) are only its base, not an edit: a later
    copy is merged against them as against a version nobody changed (see :mod:`annotator.merge`).
    Events that came from other copies are skipped.
    """
    out: dict[str, dict[str, set[str]]] = {}
    cur = conn.execute(
        "SELECT json_extract(summary, '$.revived') FROM events WHERE op = 'team.merge' "
        "AND json_extract(summary, '$.revived') IS NOT NULL AND json_extract(summary, '$.from_copy') IS NULL "
        "ORDER BY id")
    for (raw,) in cur:
        for kind, uid, fp in json.loads(raw):
            out.setdefault(kind, {}).setdefault(uid, set()).add(fp)
    return out


# ---- applying versions -----------------------------------------------------------------------------


class Applier:
    """Writes versions into the local project (no time stamps of its own: rows keep theirs).

    Used inside one operation by a merge and by settling a conflict; ``deleted`` collects what it
    deleted, for the operation's event (so later merges know it was deleted here).
    """

    def __init__(self, project: Project, op: Operation) -> None:
        self.project = project
        self.op = op
        self.conn = project.store.conn
        self.deleted: dict[str, list[list[str]]] = {}
        self.tombs: dict[str, dict[str, dict[str, Any]]] = {}  # what this run deleted, as deleted_rows()
        self.revived: dict[str, dict[str, set[str]]] = {}  # as revived_rows(), this run's included
        self.revived_log: list[list[str]] = []  # this run's, for the event
        self.dangling: dict[str, set[str]] = {}  # entity uid not here -> uids of spans that refer to it
        self.cols = {t: content_columns(self.conn, t) for t in NOT_CONTENT}
        self.touch_spans = True

    def entity_id(self, uid: str | None) -> int | None:
        if not uid:
            return None
        r = self.conn.execute("SELECT id FROM entities WHERE uid = ?", (uid,)).fetchone()
        return None if r is None else int(r[0])

    def entity_uid(self, entity_id: int | None) -> str | None:
        if entity_id is None:
            return None
        r = self.conn.execute("SELECT uid FROM entities WHERE id = ?", (entity_id,)).fetchone()
        return None if r is None else str(r[0])

    def doc_id(self, doc_hash: str | None) -> int | None:
        if not doc_hash:
            return None
        r = self.conn.execute("SELECT id FROM documents WHERE text_hash = ? ORDER BY id LIMIT 1", (doc_hash,)).fetchone()
        return None if r is None else int(r[0])

    def note_deleted(self, table: str, uid: str, fp: str, row_id: int | None = None,
                     version: dict[str, Any] | None = None) -> None:
        """Remember a deletion (for the merge event, so later merges know it was deleted here)."""
        entry: list[Any] = [uid, fp]
        item: dict[str, Any] = {"fp": fp}
        if row_id is not None:
            entry.append(row_id)
            item["row"] = {"id": row_id}
            if version is not None:
                entry.append(version)
                item["version"] = version
        self.deleted.setdefault(table, []).append(entry)
        self.tombs.setdefault(table, {})[uid] = item

    def note_revived(self, kind: str, uid: str, fp: str) -> None:
        """Remember a version that came back unchanged with a deleted document (see :func:`revived_rows`)."""
        have = self.revived.setdefault(kind, {}).setdefault(uid, set())
        if fp not in have:
            have.add(fp)
            self.revived_log.append([kind, uid, fp])

    def note_unchanged(self, doc_hash: str, content: dict[str, Any], base: dict[str, Any]) -> None:
        """A document deleted here came back from a copy (its :func:`document_content`): remember what
        the copy had not changed since its package's ``base`` entry (fields, spans, reviews)."""
        for kind, has, had in (("document", {doc_hash: content["doc"]}, {doc_hash: base.get("doc")}),
                               ("span", content["spans"], base.get("spans", {})),
                               ("claim", content["claims"], base.get("claims", {}))):
            for uid, fp in has.items():
                if had.get(uid) == fp:
                    self.note_revived(kind, uid, fp)

    def apply(self, kind: str, uid: str, doc_hash: str | None, v: Version) -> None:
        """Make ``v`` the live version of row ``uid`` of ``kind``."""
        if kind == "span":
            self.apply_span(uid, doc_hash, v)
        elif kind == "entity":
            self.apply_entity(uid, v)
        elif kind == "claim":
            self.apply_claim(uid, v)
        elif kind == "document":
            self.apply_document(doc_hash or uid, v)

    def apply_document(self, doc_hash: str, v: Version) -> None:
        doc = self.doc_id(doc_hash)
        if doc is None:
            return
        if v.values is None:  # only settling a conflict does this: a merge never deletes a document
            self.delete_document(doc, doc_hash)
            return
        cols = [c for c in self.cols["documents"] if c in v.values]
        self.conn.execute(f"UPDATE documents SET {', '.join(f'{_q(c)} = ?' for c in cols)}, updated_at = ? WHERE id = ?",
                          [*(v.values[c] for c in cols), v.updated_at, doc])
        self.op.touch("documents", doc)

    def delete_document(self, doc: int, doc_hash: str) -> None:
        """Delete a document with everything on it; what it held is remembered (by its text hash and
        :func:`content_fingerprint`), so a copy that still has exactly that does not bring it back."""
        fp = content_fingerprint(document_content(self.conn, doc, self.cols))
        self.project.search.unindex(doc)
        self.op.delete("documents", doc)
        self.note_deleted("documents", doc_hash, fp)

    def apply_entity(self, uid: str, v: Version) -> None:
        r = self.conn.execute("SELECT id FROM entities WHERE uid = ?", (uid,)).fetchone()
        if v.values is None:
            if r is not None:
                self.delete_entity(int(r[0]), uid)
            return
        cols = [c for c in self.cols["entities"] if c in v.values]
        if r is None:
            self.conn.execute(
                f"INSERT INTO entities (uid, {', '.join(_q(c) for c in cols)}, created_at, updated_at) "
                f"VALUES (?, {_marks(len(cols))}, ?, ?)",
                [uid, *(v.values[c] for c in cols), v.values.get("created_at") or v.updated_at, v.updated_at])
            eid = self.conn.execute("SELECT id FROM entities WHERE uid = ?", (uid,)).fetchone()[0]
        else:
            eid = int(r[0])
            self.conn.execute(f"UPDATE entities SET {', '.join(f'{_q(c)} = ?' for c in cols)}, updated_at = ? WHERE id = ?",
                              [*(v.values[c] for c in cols), v.updated_at, eid])
        self.op.touch("entities", eid)

    def delete_entity(self, eid: int, uid: str) -> None:
        d = _as_dict(self.conn, "entities", self.conn.execute("SELECT * FROM entities WHERE id = ?", (eid,)).fetchone())
        fp = fingerprint(self.cols["entities"], d)
        version = {"updated_at": d["updated_at"],
                   "values": {c: d[c] for c in (*self.cols["entities"], "created_at") if c in d}}
        # mentions lose the link without a new time stamp: the same as in the copy that deleted it
        self.conn.execute("UPDATE spans SET entity_id = NULL WHERE entity_id = ?", (eid,))
        self.conn.execute("DELETE FROM entities WHERE id = ?", (eid,))
        self.note_deleted("entities", uid, fp, eid, version)
        self.op.touch("entities", eid)

    def span_values(self, v: Version) -> tuple[list[str], list[Any]]:
        assert v.values is not None
        cols = [c for c in self.cols["spans"] if c in v.values]
        return cols, [v.values[c] for c in cols]

    def apply_span(self, uid: str, doc_hash: str | None, v: Version) -> None:
        r = self.conn.execute("SELECT id, doc_id FROM spans WHERE uid = ?", (uid,)).fetchone()
        if v.values is None:
            if r is not None:
                self.delete_span(int(r[0]), uid)
            return
        cols, vals = self.span_values(v)
        entity = self.entity_id(v.values.get("entity_uid"))
        if entity is None and v.values.get("entity_uid"):
            self.dangling.setdefault(v.values["entity_uid"], set()).add(uid)
        if r is None:
            doc = self.doc_id(doc_hash)
            if doc is None:
                return
            self.conn.execute(
                f"INSERT INTO spans (uid, doc_id, {', '.join(_q(c) for c in cols)}, entity_id, created_at, updated_at) "
                f"VALUES (?, ?, {_marks(len(cols))}, ?, ?, ?)",
                [uid, doc, *vals, entity, v.values.get("created_at") or v.updated_at, v.updated_at])
            sid = int(self.conn.execute("SELECT id FROM spans WHERE uid = ?", (uid,)).fetchone()[0])
            if v.values.get("layer") == "claim" and self.conn.execute(
                    "SELECT 1 FROM claims WHERE span_id = ?", (sid,)).fetchone() is None:
                claim = v.values.get("claim")
                if isinstance(claim, dict):
                    self.apply_claim(uid, Version(claim["fp"], claim["updated_at"], claim["values"]))
                else:
                    self.conn.execute("INSERT INTO claims (span_id, state, updated_at) VALUES (?, 'draft', ?)",
                                      (sid, v.updated_at))
            self.op.touch("documents", doc)
        else:
            sid = int(r[0])
            self.conn.execute(
                f"UPDATE spans SET {', '.join(f'{_q(c)} = ?' for c in cols)}, entity_id = ?, updated_at = ? WHERE id = ?",
                [*vals, entity, v.updated_at, sid])
            self.op.touch("documents", int(r[1]))
        if self.touch_spans:
            self.op.touch("spans", sid)

    def delete_span(self, sid: int, uid: str) -> None:
        row = self.conn.execute("SELECT * FROM spans WHERE id = ?", (sid,)).fetchone()
        d = _as_dict(self.conn, "spans", row)
        fp = fingerprint(self.cols["spans"], d, (self.entity_uid(d["entity_id"]),))
        for (luid,) in self.conn.execute("SELECT uid FROM links WHERE source_id = ? OR target_id = ?", (sid, sid)):
            self.note_deleted("links", luid, DELETED)
        self.conn.execute("DELETE FROM links WHERE source_id = ? OR target_id = ?", (sid, sid))
        self.conn.execute("DELETE FROM claims WHERE span_id = ?", (sid,))
        self.conn.execute("DELETE FROM spans WHERE id = ?", (sid,))
        self.note_deleted("spans", uid, fp)
        self.op.touch("documents", int(d["doc_id"]))
        if self.touch_spans:
            self.op.touch("spans", sid)

    def apply_claim(self, span_uid: str, v: Version) -> None:
        r = self.conn.execute("SELECT id FROM spans WHERE uid = ?", (span_uid,)).fetchone()
        if r is None or v.values is None:
            return
        sid = int(r[0])
        cols = [c for c in self.cols["claims"] if c in v.values]
        have = self.conn.execute("SELECT 1 FROM claims WHERE span_id = ?", (sid,)).fetchone()
        if have is None:
            self.conn.execute(
                f"INSERT INTO claims (span_id, {', '.join(_q(c) for c in cols)}, updated_at) VALUES (?, {_marks(len(cols))}, ?)",
                [sid, *(v.values[c] for c in cols), v.updated_at])
        else:
            self.conn.execute(f"UPDATE claims SET {', '.join(f'{_q(c)} = ?' for c in cols)}, updated_at = ? WHERE span_id = ?",
                              [*(v.values[c] for c in cols), v.updated_at, sid])
        self.op.touch("claims", sid)

