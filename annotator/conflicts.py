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

One kind is not a row: ``same_entity``, two entities of one name (:func:`annotator.folding.fold_key`)
and type that two copies (or a copy and this project) made, keyed ``same_entity.<uidA>+<uidB>``
(the uids sorted, so either order of merging gives the same key). Its versions are "kept apart"
(the one in use, stamped with the later ``updated_at`` of the two) and "one entity: merge B into
A" (stamp "", never the one in use). Settling it as one entity merges B into A as
:meth:`annotator.entities.Entities.merge` does (mentions, aliases, external id, notes), deletes B
(a tombstone, so it stays deleted) and records ``merged`` ({B: A}) and ``replaced`` ({A: A's
fingerprint before}) in the ``team.resolve`` event: merging maps the copies' links to B onto A
and does not take A's former version for news (:func:`merged_entities`).
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from annotator.errors import NotFoundError
from annotator.model import Changes
from annotator.store import new_uid
from annotator.versions import Applier, Version, _fetch, fingerprint

if TYPE_CHECKING:
    from annotator.project import Project

# the kinds of conflict about one row: kind -> table (same_entity is about a pair of rows, not listed)
KINDS = {"document": "documents", "span": "spans", "entity": "entities", "claim": "claims"}
SAME_ENTITY = "same_entity"
_APART, _ONE = "apart", "one"  # the fingerprints of the two versions of a same_entity conflict


@dataclass(frozen=True, slots=True)
class Conflict:
    """A row changed in two ways; ``versions`` sorted, the live one is ``versions[kept]``."""

    kind: str  # document, span, entity, claim, same_entity
    uid: str  # row uid (for a claim: its span's uid; for a document: its text hash; same_entity: "A+B")
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
        for k, text in enumerate(self.version_texts()):
            mark = "*" if k == self.kept else " "
            parts.append(f"{mark}{k + 1}: {text}")
        return f"{self.kind} {self.uid}: " + " | ".join(parts)

    def version_texts(self) -> list[str]:
        """Each version in a few words, in order (what :meth:`describe` joins)."""
        return [_short(self.kind, v) for v in self.versions]

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
    elif kind == SAME_ENTITY:
        (a, b), (name_a, name_b) = d.get("uids") or ("?", "?"), d.get("names") or ("?", "?")
        if d.get("merge"):
            return f"one entity: merge {name_b} ({b}) into {name_a} ({a})"
        text = f"kept apart: {name_a} ({a}) and {name_b} ({b}), {d.get('type')}"
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
    one = c.kind == SAME_ENTITY and bool((chosen.values or {}).get("merge"))
    if one:
        keep_uid, other_uid = c.uid.split("+", 1)
        for euid in (keep_uid, other_uid):
            if conn.execute("SELECT 1 FROM entities WHERE uid = ?", (euid,)).fetchone() is None:
                raise NotFoundError(f"entity {euid} is gone: conflict {key!r} can only be kept apart")
    with project.operation("team.resolve", undoable=False,
                           summary={"conflict": key, "kind": c.kind, "uid": c.uid, "chosen": chosen.fp}) as op:
        m = Applier(project, op)
        if one:
            _one_entity(conn, m, keep_uid, other_uid)
        elif c.kind != SAME_ENTITY:
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


def _one_entity(conn: sqlite3.Connection, m: Applier, keep_uid: str, other_uid: str) -> None:
    """Merge entity ``other_uid`` into ``keep_uid`` (settling a same_entity conflict as one entity).

    As :meth:`annotator.entities.Entities.merge` does, in the resolution's operation: the mentions
    link to the kept entity (their own time stamps kept, as when a merge maps the copies' links to
    the other entity onto it, so an unchanged mention is not news), the kept entity takes the
    other's name, aliases, external id and notes, and the other is deleted (a tombstone). Open
    span conflicts that link to the other entity link to the kept one.
    """
    from annotator.entities import entity_from_row, merged_fields

    op = m.op
    rows = {r["uid"]: r for r in _fetch(conn, "SELECT * FROM entities WHERE uid IN (?, ?)", (keep_uid, other_uid))}
    keep, other = rows[keep_uid], rows[other_uid]
    before = fingerprint(m.cols["entities"], keep)
    for sid, doc in conn.execute("SELECT id, doc_id FROM spans WHERE entity_id = ? ORDER BY id", (other["id"],)).fetchall():
        conn.execute("UPDATE spans SET entity_id = ? WHERE id = ?", (keep["id"], sid))
        op.touch("spans", int(sid))
        op.touch("documents", int(doc))
    op.update("entities", int(keep["id"]), merged_fields(entity_from_row(keep), [entity_from_row(other)]))
    m.delete_entity(int(other["id"]), other_uid)
    _relinked(conn, m.cols["spans"], other_uid, keep_uid)
    # the other entity's pairs with third entities are moot: those have their own pair with the kept
    # one when they came from a copy (same folded name and type)
    for key, target in conn.execute("SELECT uid, target_uid FROM conflicts WHERE kind = ? AND resolved_at IS NULL",
                                    (SAME_ENTITY,)).fetchall():
        if other_uid in target.split("+") and keep_uid not in target.split("+"):
            drop_conflict(conn, key)
    op.summary["merged"] = {other_uid: keep_uid}
    op.summary["replaced"] = {keep_uid: before}


def _open_span_conflicts(conn: sqlite3.Connection, entity_uid: str, *, live_only: bool) -> list[tuple[str, Conflict]]:
    """(key, conflict) of the open span conflicts with a version (the live one: ``live_only``) that
    may link to entity ``entity_uid``."""
    needle = json.dumps(entity_uid)
    where = "instr(local, ?)" if live_only else "(instr(local, ?) OR instr(other, ?))"
    rows = conn.execute("SELECT uid, kind, target_uid, local, other FROM conflicts WHERE kind = 'span' "
                        f"AND resolved_at IS NULL AND {where} ORDER BY uid",
                        (needle,) if live_only else (needle, needle)).fetchall()
    return [(key, _conflict_from_row(kind, target, local, other)) for key, kind, target, local, other in rows]


def _linked_to(v: Version, columns: list[str], old: str, new: str | None) -> Version | None:
    """Span version ``v`` linking to entity ``new`` instead of ``old``; None when ``v`` does not link
    to ``old`` or its fingerprint was made over other columns (an older copy: left to the merge)."""
    values = v.values or {}
    if values.get("entity_uid") != old:
        return None
    cols = [col for col in columns if col in values]
    if fingerprint(cols, values, (old,)) != v.fp:
        return None
    return Version(fingerprint(cols, values, (new,)), v.updated_at, {**values, "entity_uid": new})


def _store_versions(conn: sqlite3.Connection, key: str, c: Conflict, versions: dict[str, Version]) -> None:
    """Keep conflict ``c`` with these versions, or drop it when fewer than two are left."""
    if len(versions) < 2:
        drop_conflict(conn, key)
    else:
        store_conflict(conn, Conflict(c.kind, c.uid, c.doc_hash, tuple(sorted(versions.values(), key=Version.key))), "")


def _relinked(conn: sqlite3.Connection, columns: list[str], old: str, new: str) -> None:
    """Entity ``old`` was merged into ``new``: every version of an open span conflict that links to
    ``old`` links to ``new`` (as merging maps the copies' links), one fewer version where two meet."""
    for key, c in _open_span_conflicts(conn, old, live_only=False):
        versions: dict[str, Version] = {}
        for v in c.versions:
            v = _linked_to(v, columns, old, new) or v
            have = versions.get(v.fp)
            if have is None or (v.updated_at or "") > (have.updated_at or ""):
                versions[v.fp] = v
        _store_versions(conn, key, c, versions)


def _unlinked(conn: sqlite3.Connection, columns: list[str], entity_uid: str) -> None:
    """Entity ``entity_uid`` was deleted by settling a conflict, and its mentions lost the link (as
    in a copy that deleted it): an open span conflict whose live version was such a mention now
    records the live row as it is, unlinked, so merging the same copies again finds nothing new.
    The other versions stay as the copies have them (choosing one links nothing: the entity is gone).
    """
    for key, c in _open_span_conflicts(conn, entity_uid, live_only=True):
        live = c.versions[c.kept]
        unlinked = _linked_to(live, columns, entity_uid, None)
        if unlinked is None:
            continue
        versions = {v.fp: v for v in c.versions if v is not live}
        if unlinked.fp in versions:  # the same as another version now: one fewer in play
            if (versions[unlinked.fp].updated_at or "") >= (unlinked.updated_at or ""):
                unlinked = versions[unlinked.fp]
        versions[unlinked.fp] = unlinked
        _store_versions(conn, key, c, versions)


# ---- the table, for merging ----------------------------------------------------------------------


def same_entity_conflict(first: Any, second: Any) -> Conflict:
    """The conflict of two entity rows (``uid``, ``name``, ``type``, ``updated_at``) of one name and type."""
    a, b = sorted((first, second), key=lambda r: r["uid"])
    shared = {"uids": [a["uid"], b["uid"]], "names": [a["name"], b["name"]], "type": a["type"]}
    apart = Version(_APART, max(a["updated_at"] or "", b["updated_at"] or ""), {**shared, "apart": True})
    one = Version(_ONE, "", {**shared, "merge": b["uid"], "into": a["uid"]})
    return Conflict(SAME_ENTITY, f"{a['uid']}+{b['uid']}", None, tuple(sorted((apart, one), key=Version.key)))


def merged_entities(conn: sqlite3.Connection) -> tuple[dict[str, str], dict[str, set[str]]]:
    """Entities merged into others by settling same_entity conflicts here: (merged uid -> the uid it
    lives on as, chains followed; kept uid -> its fingerprints before, which are not news)."""
    merged: dict[str, str] = {}
    replaced: dict[str, set[str]] = {}
    for raw_merged, raw_replaced in conn.execute(
            "SELECT json_extract(summary, '$.merged'), json_extract(summary, '$.replaced') FROM events "
            "WHERE op = 'team.resolve' AND json_extract(summary, '$.merged') IS NOT NULL "
            "AND json_extract(summary, '$.from_copy') IS NULL ORDER BY id"):
        merged.update(json.loads(raw_merged))
        for uid, fp in json.loads(raw_replaced or "{}").items():
            replaced.setdefault(uid, set()).add(fp)
    for uid in list(merged):
        seen = {uid}
        target = merged[uid]
        while target in merged and target not in seen:
            seen.add(target)
            target = merged[target]
        merged[uid] = target
    return merged, replaced



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
