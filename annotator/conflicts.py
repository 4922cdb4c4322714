"""Conflicts that merges leave, for a person to settle: the ``conflicts`` table.

    for c in conflicts(project): print(c.key, c.describe())
    resolve(project, c.key, choice)  # version ``choice`` becomes the live row

A conflict is a row that two copies (or a copy and this project) changed in different ways; see
:mod:`annotator.merge` for when one arises. An open one has uid ``<kind>.<row uid>`` (kind:
document, span, entity or claim; for a document the row uid is its text hash, for a claim its
span's uid), the version in use in ``local`` (with the document's text hash) and the others in
``other``; the live row is the greatest version by :meth:`annotator.versions.Version.key` (an
edit over a deletion, then the latest ``updated_at``), so it does not depend on the order of
merging. A settled one is kept (uid suffixed, ``resolution`` naming the chosen and rejected
versions) so that merging the same files again does not reopen it: a version a person rejected
never comes back by merging. This module is the only one that reads or writes the table.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from annotator.errors import NotFoundError
from annotator.model import Changes
from annotator.store import new_uid
from annotator.versions import Applier, Version, fingerprint

if TYPE_CHECKING:
    from annotator.project import Project

KINDS = {"document": "documents", "span": "spans", "entity": "entities", "claim": "claims"}  # kind -> table


@dataclass(frozen=True, slots=True)
class Conflict:
    """A row changed in two ways; ``versions`` sorted, the live one is ``versions[kept]``."""

    kind: str  # document, span, entity, claim
    uid: str  # row uid (for a claim: its span's uid; for a document: its text hash)
    doc_hash: str | None
    versions: tuple[Version, ...]

    @property
    def key(self) -> str:
        return f"{self.kind}.{self.uid}"

    @property
    def kept(self) -> int:
        return max(range(len(self.versions)), key=lambda k: self.versions[k].key())

    def describe(self) -> str:
        """One line for a person: what changed two ways (data; the UI words it through tr())."""
        parts = []
        for k, v in enumerate(self.versions):
            mark = "*" if k == self.kept else " "
            parts.append(f"{mark}{k + 1}: {_short(self.kind, v)}")
        return f"{self.kind} {self.uid}: " + " | ".join(parts)

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "uid": self.uid, "doc": self.doc_hash,
                "versions": [v.to_json() for v in self.versions]}


def _short(kind: str, v: Version) -> str:
    if v.values is None:
        return f"deleted ({v.updated_at})" if v.updated_at else "deleted"
    d = v.values
    if kind == "span":
        text = f"{d.get('label')} {d.get('start')}-{d.get('end')} {d.get('state')}"
        if d.get("attrs") not in (None, "{}"):
            text += f" {d.get('attrs')}"
    elif kind == "claim":
        text = f"{d.get('state')} {d.get('verdict') or ''} by {d.get('reviewer') or '?'}".strip()
    elif kind == "entity":
        text = f"{d.get('name')} ({d.get('type')})"
    else:
        text = f"{d.get('status')} {d.get('title')!r}"
    return f"{text} @ {v.updated_at}"


# ---- listing and settling -----------------------------------------------------------------------


def conflicts(project: Project, *, kind: str | None = None, doc_id: int | None = None) -> list[Conflict]:
    """The open conflicts left by merges, for a person to settle."""
    doc_hash = project.documents.get(doc_id).text_hash if doc_id is not None else None
    sql = "SELECT kind, target_uid, local, other FROM conflicts WHERE resolved_at IS NULL"
    params: list[Any] = []
    if kind:
        sql += " AND kind = ?"
        params.append(kind)
    out = []
    for row in project.store.conn.execute(sql + " ORDER BY uid", params):
        c = _conflict_from_row(*row)
        if doc_hash is None or c.doc_hash == doc_hash:
            out.append(c)
    return out


def resolve(project: Project, key: str, choice: int) -> Changes:
    """Settle a conflict: version ``choice`` (index into ``versions``) becomes the live row.

    The conflict is kept as settled, with the versions not chosen as rejected, so merging their
    copies again does not bring them back (nor the chosen one over what the row becomes here
    later). Choosing the deleted version of a document (one deleted here that a copy brought
    back) deletes it with everything on it; choosing the deleted version of an entity unlinks
    its mentions, and an open span conflict whose live version was such a mention records it
    unlinked. One logged operation (not undoable: settle it again).
    """
    conn = project.store.conn
    c = load_conflict(conn, key)
    if c is None:
        raise NotFoundError(f"no open conflict {key!r}")
    if not 0 <= choice < len(c.versions):
        raise NotFoundError(f"conflict {key!r} has no version {choice + 1}")
    chosen = c.versions[choice]
    rejected = sorted({v.fp for v in c.versions if v.fp != chosen.fp})
    with project.operation("team.resolve", undoable=False,
                           summary={"conflict": key, "kind": c.kind, "uid": c.uid, "chosen": chosen.fp}) as op:
        m = Applier(project, op)
        m.apply(c.kind, c.uid, c.doc_hash, chosen)
        for euid, *_ in m.deleted.get("entities", []):
            _unlinked(conn, m.cols["spans"], euid)
        conn.execute(
            "UPDATE conflicts SET uid = ?, resolved_at = ?, resolved_by = ?, resolution = ? "
            "WHERE uid = ? AND resolved_at IS NULL",
            (f"{key}@{new_uid()}", op.time, project.actor,
             json.dumps({"chosen": chosen.fp, "rejected": rejected}), key))
        op.summary["deleted"] = m.deleted
    return op.result


def _unlinked(conn: sqlite3.Connection, columns: list[str], entity_uid: str) -> None:
    """Entity ``entity_uid`` was deleted by settling a conflict, and its mentions lost the link (as
    in a copy that deleted it): an open span conflict whose live version was such a mention now
    records the live row as it is, unlinked, so merging the same copies again finds nothing new.
    The other versions stay as the copies have them (choosing one links nothing: the entity is gone).
    """
    needle = json.dumps(entity_uid)
    rows = conn.execute("SELECT uid, kind, target_uid, local, other FROM conflicts WHERE kind = 'span' "
                        "AND resolved_at IS NULL AND instr(local, ?) ORDER BY uid", (needle,)).fetchall()
    for key, kind, target, local, other in rows:
        c = _conflict_from_row(kind, target, local, other)
        live = c.versions[c.kept]
        values = live.values or {}
        if values.get("entity_uid") != entity_uid:
            continue
        cols = [col for col in columns if col in values]
        if fingerprint(cols, values, (entity_uid,)) != live.fp:
            continue  # made over other columns (an older copy): leave it to the merge
        unlinked = Version(fingerprint(cols, values, (None,)), live.updated_at, {**values, "entity_uid": None})
        versions = {v.fp: v for v in c.versions if v is not live}
        if unlinked.fp in versions:  # the same as another version now: one fewer in play
            if (versions[unlinked.fp].updated_at or "") >= (unlinked.updated_at or ""):
                unlinked = versions[unlinked.fp]
        versions[unlinked.fp] = unlinked
        if len(versions) < 2:
            drop_conflict(conn, key)
        else:
            store_conflict(conn, Conflict(kind, target, c.doc_hash, tuple(sorted(versions.values(), key=Version.key))),
                           "")


# ---- the table, for merging ----------------------------------------------------------------------


def _conflict_from_row(kind: str, target: str, local: str, other: str) -> Conflict:
    here = json.loads(local)
    versions = [Version.from_json(here["version"]), *(Version.from_json(v) for v in json.loads(other))]
    return Conflict(kind, target, here.get("doc"), tuple(sorted(versions, key=Version.key)))


def load_conflict(conn: sqlite3.Connection, key: str) -> Conflict | None:
    row = conn.execute("SELECT kind, target_uid, local, other FROM conflicts WHERE uid = ? AND resolved_at IS NULL",
                       (key,)).fetchone()
    return None if row is None else _conflict_from_row(*row)


def store_conflict(conn: sqlite3.Connection, c: Conflict, at: str) -> bool:
    """Write an open conflict (the version in use as ``local``); returns whether anything changed."""
    kept = c.kept
    local = json.dumps({"doc": c.doc_hash, "version": c.versions[kept].to_json()}, ensure_ascii=False, sort_keys=True)
    other = json.dumps([v.to_json() for k, v in enumerate(c.versions) if k != kept], ensure_ascii=False, sort_keys=True)
    row = conn.execute("SELECT local, other FROM conflicts WHERE uid = ? AND resolved_at IS NULL", (c.key,)).fetchone()
    if row is not None:
        if tuple(row) == (local, other):
            return False
        conn.execute("UPDATE conflicts SET local = ?, other = ? WHERE uid = ? AND resolved_at IS NULL",
                     (local, other, c.key))
        return True
    conn.execute("INSERT INTO conflicts (uid, kind, target_uid, local, other, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                 (c.key, c.kind, c.uid, local, other, at))
    return True


def settled_versions(conn: sqlite3.Connection, kind: str, uid: str) -> set[str]:
    """Versions a person saw when settling conflicts of this row: the rejected ones and the chosen one.

    None of them is news to a merge: a rejected version never comes back, and the chosen one was
    taken then; what the row became here since (an edit, or a mention that lost its entity when
    the entity was settled as deleted) supersedes it.
    """
    out: set[str] = set()
    for (raw,) in conn.execute("SELECT resolution FROM conflicts WHERE kind = ? AND target_uid = ? "
                               "AND resolved_at IS NOT NULL", (kind, uid)):
        d = json.loads(raw or "{}")
        out.update(d.get("rejected", []))
        if d.get("chosen"):
            out.add(d["chosen"])
    return out


def open_conflict_keys(conn: sqlite3.Connection) -> set[str]:
    """Keys (``<kind>.<uid>``) of the open conflicts."""
    return {r[0] for r in conn.execute("SELECT uid FROM conflicts WHERE resolved_at IS NULL")}


def settled_conflict_keys(conn: sqlite3.Connection) -> set[str]:
    """Keys (``<kind>.<uid>``) of the rows that have a settled conflict (see :func:`settled_versions`)."""
    return {f"{k}.{u}" for k, u in conn.execute(
        "SELECT DISTINCT kind, target_uid FROM conflicts WHERE resolved_at IS NOT NULL")}


def drop_conflict(conn: sqlite3.Connection, key: str) -> bool:
    """Delete an open conflict nobody has to decide any more; returns whether there was one."""
    return conn.execute("DELETE FROM conflicts WHERE uid = ? AND resolved_at IS NULL", (key,)).rowcount > 0


def open_conflicts_mention(conn: sqlite3.Connection, kind: str, uid: str) -> bool:
    """Whether a version kept in an open conflict of ``kind`` holds the value ``uid`` (JSON string)."""
    needle = json.dumps(uid)
    return conn.execute("SELECT 1 FROM conflicts WHERE kind = ? AND resolved_at IS NULL "
                        "AND (instr(local, ?) OR instr(other, ?)) LIMIT 1", (kind, needle, needle)).fetchone() is not None
