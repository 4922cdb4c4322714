"""Merging other copies of a project: work packages coming back, colleagues' copies.

    result = merge(project, ["lan.annotator", "minh.annotator"], progress=update)
    for conflict in result.conflicts: print(conflict.describe())

What comes in: documents (matched by content hash, never by id), spans, links, entities, claims
(review state), people, label definitions, and the copy's events (its review steps), appended to
the local log under their own uid. Rows are matched by ``uid``, which is unique across copies.

Rules (three-way, per row; "base" is the version the copy started from, recorded in a work
package by :mod:`annotator.package`; a plain copy has no base and every difference counts as
changed on both sides):

* only the copy changed a row → the copy's version is taken;
* only this project changed it → kept;
* both changed it the same way → kept (the later ``updated_at`` is kept);
* both changed it differently → a **conflict**: both versions are kept in the conflict record,
  and the live row is the version with the latest ``updated_at`` (ties: by content), so the
  result does not depend on the order of merging. Conflicts are listed by :func:`conflicts`
  and settled by :func:`resolve`; a version a person rejected never comes back by merging.
* a row deleted in the copy (it was in the base, it is gone) is deleted here when this project
  did not change it since; otherwise the edit wins over the deletion and the pair is a conflict.
  A row deleted here that the copy still has unchanged stays deleted; a row deleted here that
  the copy edited comes back (edit wins) and the pair is a conflict. Deletions here are known
  from the event log (recorded rows of undoable deletions) and from earlier merges' events.
* documents are deleted only here, never by merging (a document a copy deleted stays here). A
  document deleted here (``documents.delete`` records its text hash and a fingerprint of
  everything on it) stays deleted when the copy has it, as a whole (its fields, spans, reviews,
  links), as its package's base had it, as it was deleted here, or as a merge brought it in
  before it was deleted again: the copy did not change it since. A copy that changed it after
  its package was made (a plain copy, which has no base: whose version differs) brings it back
  whole, as the copy has it, and the pair is a conflict of kind ``document`` with the
  versions "deleted" and the copy's fields, the copy's in use (the edit wins, as for rows). Rows
  of the base that copy deleted stay deleted (other copies' unchanged versions of them stay out).
  Settling the conflict as deleted deletes the document again with everything on it, and so
  does deleting it again; either way that content stays out when the same copies come back.
  While it is back (or was imported again), a copy that would have kept it out (it has it as
  its package's base had it, as it was deleted here, or as a merge brought it in before it was
  deleted again) counts for nothing on it: it did not change it since its package, and what it
  has was superseded by the deletion here (its base is older than the deletion; a version
  deleted here is not news). So a copy's part in a deleted document does not depend on whether
  another copy brought it back before or after, and nothing is lost: that copy has no edit of
  it. The other copies merge into it as usual, except that what the copy that brought it back
  had not changed since its package (fields, spans, reviews) is that copy's base, not an edit
  here: another copy's edit of such a row is taken without a conflict, and of two unchanged
  versions (of copies that changed the document) the later is kept, whichever copy brought the
  document back. In such a copy, a row equal to the version deleted with the document is an
  edit like any other, as when that copy brings the document back whole.
* what hangs on a row counts as a change of it where a deletion would take it along: a claim's
  review or a span's new links (deleting the span is then a conflict, the span stays), an
  entity that spans or kept conflict versions still refer to (it stays, or comes back). An
  entity deleted here that comes back only for that, unchanged in the copy, comes back as the
  version deleted here, which is not an edit here: a copy's edit of it replaces it (the
  conflict is the deletion against that edit), whether that copy came before or after. A copy's
  deletion that is already an open conflict with the row as it is here stays one until a person
  settles it, even once nothing hangs on the row any more (its mention was settled unlinked).
* a version that was superseded is not news: the copy's base once the copy replaced it, a
  version deleted here, a version a person rejected or chose when settling a conflict (what the
  row became here since supersedes the chosen one: an edit, or a mention that lost its entity
  when the entity was settled as deleted). So a settled conflict never reopens by merging the
  same copies again.
* links never change, so they are added or deleted only; two copies adding the same link keep
  the smaller uid.
* two copies that each make an entity of the same name (:func:`annotator.folding.fold_key`) and
  type, or a copy's new entity of the name and type of one here (its package had it already),
  are a conflict of kind ``same_entity`` keyed ``same_entity.<uidA>+<uidB>`` (uids sorted: the
  second of the two to come in finds the first, so either order gives the same pairs, and a
  pair open or settled is not made again). Its versions are "kept apart" (in use, stamped with
  the later ``updated_at`` of the two) and "one entity: merge B into A" (stamp "", never in
  use; A is the smaller uid). Kept apart, it stays settled. As one entity, settling merges B
  into A as ``entities.merge`` does (mentions, aliases, external id, notes), deletes B (so it
  stays deleted by the rules above) and records ``merged`` {B: A} in the ``team.resolve``
  event; merging then maps every copy's link to B onto A before comparing spans (a copy's
  unchanged mention of B is the relinked mention here, not news), and A's version before the
  merge is superseded like a chosen one. Open span conflicts whose versions linked to B link to
  A (one fewer version where two meet), and B's pairs with third entities are dropped (those
  have their own pair with A).
* people come in as annotators without passphrases: a copy can never make someone an editor.
  Labels the copy's schema has and ours lacks are added.
* events of the copy keep their uid; ids in their summaries (claim_id, span_id …) are turned
  into ours (the copy's kept under ``copy_ids``), so a claim's history shows its review steps
  from every copy; they cannot be undone here (their recorded rows are another copy's ids).

What content-based merging cannot tell apart (documented, not guarded): an edit that restores
an earlier version of a row looks like no edit, and an annotator's edit that happens to equal a
version a *later* package superseded is taken for that version; in these two cases the order of
merging can decide between a listed conflict and a clean take (nothing is lost either way).
Otherwise the order does not matter, for copies packaged at the same time or at different times
(property-tested with random edit scripts on two and three copies and local edits).

Timestamps come from the rows themselves, never from the merge, so merging A then B gives the
same rows as B then A; merging a file twice changes nothing (a merge that brings nothing writes
nothing, not even an event). Everything runs in ONE transaction with one ``team.merge`` event,
document by document in batches, so memory stays bounded.

Where the parts live: fingerprints, versions, the combination of versions, writing a version
into the project and reading what was deleted here in :mod:`annotator.versions`; the
``conflicts`` table, :func:`conflicts` and :func:`resolve` in :mod:`annotator.conflicts` (both
re-exported here); the merge itself here.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.conflicts import (
    KINDS,
    SAME_ENTITY,
    Conflict,
    conflicts,
    drop_conflict,
    load_conflict,
    merged_entities,
    open_conflict_keys,
    open_conflicts_mention,
    resolve,
    same_entity_conflict,
    settled_conflict_keys,
    settled_versions,
    store_conflict,
)
from annotator.documents import Cancelled
from annotator.errors import NewerProjectError, ProjectError
from annotator.folding import fold_key
from annotator.model import Changes
from annotator.store import SCHEMA_VERSION, Store, new_uid, resolve_path
from annotator.versions import (
    DELETED,
    NOT_CONTENT,
    Applier,
    Version,
    _chunks,
    _deleted,
    _fetch,
    _marks,
    _q,
    combine,
    content_columns,
    content_fingerprint,
    deleted_documents,
    deleted_rows,
    document_content,
    fingerprint,
    revived_rows,
)

if TYPE_CHECKING:
    from annotator.project import Project
    from annotator.store import Operation

__all__ = [
    "BASE_DOC_PREFIX", "BASE_ENTITIES_PREFIX", "DELETED", "DOC_BATCH", "KINDS", "PACKAGE_KEY", "Conflict",
    "MergeResult", "Progress", "Version", "combine", "conflicts", "content_columns", "deleted_documents",
    "deleted_rows", "fingerprint", "merge", "open_copy", "resolve",
]

Progress = Callable[[int, int | None], bool | None]

DOC_BATCH = 200
BASE_DOC_PREFIX = "team.base.doc."
BASE_ENTITIES_PREFIX = "team.base.entities."
PACKAGE_KEY = "team.package"
_PREFIX = 12  # length of the random per-process part of a uid (annotator.store.new_uid)


# ---- result ------------------------------------------------------------------------------------


@dataclass
class MergeResult:
    sources: list[str] = field(default_factory=list)
    documents_added: int = 0
    documents_updated: int = 0
    spans_added: int = 0
    spans_updated: int = 0
    spans_deleted: int = 0
    links_added: int = 0
    links_deleted: int = 0
    links_skipped: int = 0  # an end was deleted here: the link cannot come back
    entities_added: int = 0
    entities_updated: int = 0
    entities_deleted: int = 0
    claims_added: int = 0
    claims_updated: int = 0
    people_added: list[str] = field(default_factory=list)
    labels_added: list[str] = field(default_factory=list)
    events_added: int = 0
    conflicts: list[Conflict] = field(default_factory=list)
    changes: Changes = field(default_factory=Changes)

    @property
    def changed(self) -> bool:
        return any((self.documents_added, self.documents_updated, self.spans_added, self.spans_updated,
                    self.spans_deleted, self.links_added, self.links_deleted, self.entities_added,
                    self.entities_updated, self.entities_deleted, self.claims_added, self.claims_updated,
                    self.people_added, self.labels_added, self.events_added, self._touched_conflicts,
                    self._documents_seen))

    _touched_conflicts: int = 0
    _documents_seen: list[list[str]] = field(default_factory=list)  # [text hash, content] of deleted texts

    def counts(self) -> dict[str, Any]:
        names = [f.name for f in fields(self) if f.name not in ("sources", "conflicts", "changes")
                 and not f.name.startswith("_")]
        return {**{n: getattr(self, n) for n in names}, "conflicts": len(self.conflicts)}


class _Unchanged(Exception):
    """Nothing came in: roll back so not even an event is written."""


# ---- opening a copy ------------------------------------------------------------------------------


@contextmanager
def open_copy(path: str | os.PathLike[str]) -> Iterator[sqlite3.Connection]:
    """A read-only connection to another copy; an older one is migrated in a temporary copy."""
    db = resolve_path(path)
    if not db.exists():
        raise ProjectError(f"{path}: no project here")
    with db.open("rb") as fh:
        if fh.read(16) != b"SQLite format 3\x00":
            raise ProjectError(f"{path}: not an Annotator project (not an SQLite database)")
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    tmp: str | None = None
    try:
        conn.row_factory = sqlite3.Row
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise NewerProjectError(str(db), version, SCHEMA_VERSION)
        if version < SCHEMA_VERSION:
            conn.close()
            tmp = tempfile.mkdtemp(prefix="annotator-merge-")
            target = Path(tmp) / "copy.db"
            shutil.copyfile(db, target)
            Store(target).close()  # migrates the temporary copy, never the original
            conn = sqlite3.connect(str(target))
            conn.row_factory = sqlite3.Row
        yield conn
    except sqlite3.DatabaseError as exc:
        raise ProjectError(f"{path}: cannot read ({exc})") from None
    finally:
        conn.close()
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)


# ---- merging one copy --------------------------------------------------------------------------


class _Merger:
    def __init__(self, project: Project, op: Operation, applier: Applier, copy: sqlite3.Connection,
                 name: str, result: MergeResult, tombs: dict[str, dict[str, dict[str, Any]]],
                 progress: Callable[[int], bool | None] | None,
                 doc_tombs: dict[str, dict[str, Any]] | None = None) -> None:
        self.project = project
        self.op = op
        self.ap = applier
        self.conn = project.store.conn
        self.copy = copy
        self.name = name
        self.result = result
        self.tombs = tombs
        self.doc_tombs = doc_tombs or {}  # text hash -> deleted_documents() entry
        self.progress = progress
        pkg = copy.execute("SELECT value FROM settings WHERE key = ?", (PACKAGE_KEY,)).fetchone()
        self.package: dict[str, Any] | None = json.loads(pkg[0]) if pkg else None
        local_cols = applier.cols
        fp_cols = (self.package or {}).get("columns") or {}
        copy_cols = {t: content_columns(copy, t) for t in NOT_CONTENT}
        # fingerprints over the columns the base was made with (and both sides have)
        self.cols = {t: [c for c in (fp_cols.get(t) or local_cols[t]) if c in local_cols[t] and c in copy_cols[t]]
                     for t in NOT_CONTENT}
        self.write_cols = {t: [c for c in local_cols[t] if c in copy_cols[t]] for t in NOT_CONTENT}
        self.conflict_keys = open_conflict_keys(self.conn)
        self.resolved_keys = settled_conflict_keys(self.conn)
        # entities merged into others here (same_entity settled as one): the copy's links to them are
        # links to the entity they live on as, and the kept entity's former versions are not news
        self.merged, self.replaced = merged_entities(self.conn)
        self.c_entity_uid: dict[int, str] = {int(i): self.merged.get(u, u)
                                             for i, u in copy.execute("SELECT id, uid FROM entities")}
        self._names: dict[tuple[str, str], set[str]] | None = None  # (folded name, type) -> entity uids here
        self.l_entity_uid: dict[int, str] = {int(i): u for i, u in self.conn.execute("SELECT id, uid FROM entities")}
        self.c_doc_local: dict[int, int] = {}
        self.fresh_prefixes = self._fresh_prefixes()
        self.c_tombs = deleted_rows(copy)
        # deleted spans referred to entities that may be gone since: map their ids too
        for tombs, ids in ((self.c_tombs, self.c_entity_uid), (self.tombs, self.l_entity_uid)):
            gone = {int(t["row"]["id"]): u for u, t in tombs["entities"].items() if t.get("row", {}).get("id") is not None}
            every = {**gone, **ids}
            for t in ("spans", "entities"):
                self._tomb_fps(tombs[t], t, every)

    # -- helpers

    def _fresh_prefixes(self) -> set[str]:
        """Uid prefixes of the copy's spans that no span here has: those rows are new for sure.

        Uids are a per-process random prefix and a counter, so an annotator's new spans share a
        few prefixes; one index probe per prefix saves a lookup per span.
        """
        prefixes = [r[0] for r in self.copy.execute(f"SELECT DISTINCT substr(uid, 1, {_PREFIX}) FROM spans LIMIT 1001")]
        if len(prefixes) > 1000:
            return set()
        return {p for p in prefixes if self.conn.execute(
            "SELECT 1 FROM spans WHERE uid >= ? AND uid < ? LIMIT 1", (p, p + "\U0010ffff")).fetchone() is None}

    def _tomb_fps(self, tombs: dict[str, dict[str, Any]], table: str, entity_uid: dict[int, str]) -> None:
        for item in tombs.values():
            if "fp" not in item:
                row = item["row"]
                extra = (entity_uid.get(row.get("entity_id")),) if table == "spans" else ()  # type: ignore[arg-type]
                try:
                    item["fp"] = fingerprint(self.cols[table], row, extra)
                except KeyError:
                    item["fp"] = DELETED

    def _version(self, table: str, row: Any, extra: dict[str, Any] | None = None,
                 fp_extra: Sequence[Any] = ()) -> Version:
        values = {c: row[c] for c in self.write_cols[table]}
        if "created_at" in row.keys():
            values["created_at"] = row["created_at"]
        if extra:
            values.update(extra)
        return Version(fingerprint(self.cols[table], row, fp_extra), row["updated_at"] or "", values)

    def _settled(self, kind: str, uid: str) -> set[str]:
        """Versions a person chose or rejected settling this row's conflicts: none of them is news."""
        out = settled_versions(self.conn, kind, uid) if f"{kind}.{uid}" in self.resolved_keys else set()
        if kind == "entity" and uid in self.replaced:
            out |= self.replaced[uid]  # what it was before another entity was merged into it
        return out

    def _existing(self, kind: str, uid: str) -> list[Version]:
        key = f"{kind}.{uid}"
        if key not in self.conflict_keys:
            return []
        found = load_conflict(self.conn, key)
        return [] if found is None else list(found.versions)

    def step(self, kind: str, uid: str, doc_hash: str | None, local: Version | None, base: str | None,
             incoming: Version, local_tomb: str | None = None, *, force: bool = False) -> Version | None:
        """Decide one row. Returns the version to make live (``None``: leave it as it is).

        ``local_tomb``: the fingerprint of the version deleted here (the row is absent here).
        ``force``: something attached to the row (a claim's review, links, mentions) changed on
        the side that keeps it, so the row counts as changed there even if its own content did not.
        """
        if local is not None and incoming.fp == local.fp:
            existing = self._existing(kind, uid)
            if existing:  # the copy's base is superseded; the conflict keeps the live row's stamp
                self._settle(kind, uid, doc_hash, combine(existing, None, base if base != incoming.fp else None,
                                                          incoming))
            if (incoming.updated_at or "") > (local.updated_at or "") and not incoming.deleted:
                return incoming  # same content, later stamp: order-independent time stamps
            return None
        if incoming.fp in self._settled(kind, uid):
            return None
        if not force and local is not None and local.fp in self.ap.revived.get(kind, {}).get(uid, ()):
            return self._over_revived(kind, uid, doc_hash, local, base, incoming)
        if not force and incoming.fp == base:
            return None
        if not force and local_tomb and incoming.fp == local_tomb:
            return None  # the version deleted here (even if the row came back since): superseded
        if local is None and incoming.deleted:
            return None
        existing = self._existing(kind, uid)
        if incoming.deleted and local is not None and _holds(existing, local) and _holds(existing, incoming):
            # the copy's deletion against this row is already an open conflict: it stays one until a
            # person settles it, even once nothing hangs on the row any more (a settled mention)
            return None
        here = local if local is not None else (_deleted() if local_tomb is not None else None)
        versions = combine(existing, here, base, incoming)
        if force and here is not None and all(v.fp != here.fp for v in versions):
            versions = sorted([*versions, here], key=Version.key)
        self._settle(kind, uid, doc_hash, versions)
        winner = versions[-1]
        if local is not None and winner.fp == local.fp and winner.updated_at == local.updated_at:
            return None
        if local is None and winner.deleted:
            return None
        return winner

    def _over_revived(self, kind: str, uid: str, doc_hash: str | None, local: Version, base: str | None,
                      incoming: Version) -> Version | None:
        """``local`` came back unchanged with a document deleted here: a base, not an edit here. The
        copy's edit is taken; if it did not change the row either, the later unchanged version is."""
        if incoming.fp == base and (incoming.updated_at, incoming.fp) <= (local.updated_at, local.fp):
            return None
        versions = combine([v for v in self._existing(kind, uid) if v.fp != local.fp], None, base, incoming)
        self._settle(kind, uid, doc_hash, versions)
        if incoming.fp == base:
            self.ap.note_revived(kind, uid, incoming.fp)
        return versions[-1]

    def _settle(self, kind: str, uid: str, doc_hash: str | None, versions: list[Version]) -> None:
        """Record the versions in play: two or more are a conflict; one closes any conflict."""
        c = Conflict(kind, uid, doc_hash, tuple(versions))
        key = c.key
        if len(versions) < 2:  # superseded: nobody has to decide any more (the merge event lists it)
            if key in self.conflict_keys:
                drop_conflict(self.conn, key)
                self.conflict_keys.discard(key)
                self.result._touched_conflicts += 1
            return
        if store_conflict(self.conn, c, self.op.time):
            self.result._touched_conflicts += 1
        self.conflict_keys.add(key)
        self.result.conflicts.append(c)
        if kind == "span":
            for v in versions:
                euid = (v.values or {}).get("entity_uid")
                if euid and self.ap.entity_id(euid) is None:
                    self.ap.dangling.setdefault(euid, set())

    # -- the parts

    def run(self) -> None:
        self.labels()
        self.people()
        self.entities()
        self.documents()
        self.entities_at_end()
        self.events()

    def labels(self) -> None:
        from annotator.schema import schema_from_json

        raw = self.copy.execute("SELECT value FROM settings WHERE key = 'schema'").fetchone()
        if raw is None:
            return
        theirs = schema_from_json(raw[0])
        ours = self.project.schema
        extra = [lab for lab in theirs.labels if not ours.has_label(lab.name)]
        if extra:
            sch = ours.with_labels(sorted(extra, key=lambda lab: lab.name))
            self.project.store.set_setting("schema", sch.to_json())
            self.project._schema = sch
            self.op.schema_changed = True
            self.result.labels_added += [lab.name for lab in extra]

    def people(self) -> None:
        have = {r[0] for r in self.conn.execute("SELECT name FROM people")}
        uids = {r[0] for r in self.conn.execute("SELECT uid FROM people")}
        for r in self.copy.execute("SELECT uid, name, created_at FROM people ORDER BY id"):
            if r["name"] in have:
                continue
            uid = r["uid"] if r["uid"] not in uids else new_uid()
            cur = self.conn.execute("INSERT INTO people (uid, name, role, pass_hash, created_at) VALUES (?, ?, 'annotator', NULL, ?)",
                                    (uid, r["name"], r["created_at"]))
            self.op.touch("people", int(cur.lastrowid or 0))
            have.add(r["name"])
            self.result.people_added.append(r["name"])

    def _base_entities(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for (value,) in self.copy.execute("SELECT value FROM settings WHERE key LIKE 'team.base.entities.%' ORDER BY key"):
            out.update(json.loads(value))
        return out

    def entities(self) -> None:
        base = self._base_entities() if self.package else {}
        seen: set[str] = set()
        ids = [r[0] for r in self.copy.execute("SELECT id FROM entities ORDER BY id")]
        for chunk in _chunks(ids):
            crow = {r["uid"]: r for r in self.copy.execute(f"SELECT * FROM entities WHERE id IN ({_marks(len(chunk))})", list(chunk))}
            self._entity_batch(crow, base, seen)
        # deleted in the copy (in its base, or deleted in its log, and gone from it): decided at
        # the end, when we know whether anything here still refers to them
        self.entity_gone = [(u, base[u]) for u in base if u not in seen]
        self.entity_gone += [(u, t["fp"]) for u, t in self.c_tombs["entities"].items() if u not in seen and u not in base]
        self.entity_base = base
        self.l_entity_uid = {int(i): u for i, u in self.conn.execute("SELECT id, uid FROM entities")}

    def _tomb_version(self, tomb: dict[str, Any]) -> Version | None:
        """The version of an entity deleted here, when the log kept it."""
        if "version" in tomb:
            v = tomb["version"]
            return Version(tomb["fp"], v.get("updated_at") or "", v.get("values"))
        row = tomb.get("row") or {}
        if "name" in row and "updated_at" in row:
            return self._version("entities", row)
        return None

    def _referenced(self, uid: str) -> bool:
        """Whether a span here, or a version kept in an open conflict, refers to entity ``uid``."""
        if self.conn.execute("SELECT 1 FROM spans s JOIN entities e ON e.id = s.entity_id WHERE e.uid = ? LIMIT 1",
                             (uid,)).fetchone():
            return True
        return open_conflicts_mention(self.conn, "span", uid)

    def entities_at_end(self) -> None:
        """Entities the copy deleted, and entities deleted here that the merged spans refer to."""
        for chunk in _chunks(self.entity_gone):
            uids = [u for u, _ in chunk]
            lrow = {r["uid"]: r for r in _fetch(
                self.conn, f"SELECT * FROM entities WHERE uid IN ({_marks(len(uids))})", uids)}
            for uid, b in chunk:
                if uid not in lrow:
                    continue
                local = self._version("entities", lrow[uid])
                # still referred to here: deleting it would cut them loose (a conflict)
                v = self.step("entity", uid, None, local, b, _deleted(), force=self._referenced(uid))
                if v is not None:
                    self._apply_entity(uid, v, local)
        for euid in sorted(self.ap.dangling):
            spans = self.ap.dangling[euid]
            if self.ap.entity_id(euid) is not None:
                continue
            row = _fetch(self.copy, "SELECT * FROM entities WHERE uid = ?", (euid,)).fetchone()
            if row is None:
                continue  # the copy deleted it as well
            incoming = self._version("entities", row)
            if not self._referenced(euid) and not spans:
                continue
            tomb = self.tombs["entities"].get(euid)
            unchanged = incoming.fp == self.entity_base.get(euid)
            if tomb is not None and unchanged:
                # the copy did not change it: bring back the version deleted here, the latest known
                incoming = self._tomb_version(tomb) or incoming
            v = self.step("entity", euid, None, None, self.entity_base.get(euid), incoming,
                          tomb["fp"] if tomb is not None else None, force=True)
            if v is not None:
                self._apply_entity(euid, v, None)
                if tomb is not None and unchanged and v.fp == incoming.fp:
                    # back only because something refers to it: not an edit (a copy's edit replaces it)
                    self.ap.note_revived("entity", euid, v.fp)
            eid = self.ap.entity_id(euid)
            if eid is not None and spans:
                self.conn.executemany("UPDATE spans SET entity_id = ? WHERE uid = ?", [(eid, u) for u in sorted(spans)])
        self.ap.dangling.clear()
        self.l_entity_uid = {int(i): u for i, u in self.conn.execute("SELECT id, uid FROM entities")}

    def _entity_batch(self, crow: dict[str, Any], base: dict[str, str], seen: set[str]) -> None:
        uids = list(crow)
        seen.update(uids)
        lrow = {r["uid"]: r for r in _fetch(self.conn, f"SELECT * FROM entities WHERE uid IN ({_marks(len(uids))})", uids)}
        for uid in uids:
            incoming = self._version("entities", crow[uid])
            local = self._version("entities", lrow[uid]) if uid in lrow else None
            tomb = self.tombs["entities"].get(uid)
            if local is None and tomb is None and not self._existing("entity", uid):
                self.ap.apply_entity(uid, incoming)
                self.result.entities_added += 1
                self._same_entity(crow[uid])
                continue
            v = self.step("entity", uid, None, local, base.get(uid), incoming, tomb["fp"] if tomb else None)
            if v is not None:
                self._apply_entity(uid, v, local)

    def _same_entity(self, row: Any) -> None:
        """A copy's entity just added: every entity here of the same folded name and type (another
        copy's new one, or one the copy's package already had) makes a ``same_entity`` conflict with
        it, unless that pair was settled or is open already. Whichever of the two comes first, the
        second finds the first: the same pairs in any order."""
        if self._names is None:
            self._names = {}
            for uid, name, type_ in self.conn.execute("SELECT uid, name, type FROM entities"):
                self._names.setdefault((fold_key(name or ""), type_), set()).add(uid)
        key = (fold_key(row["name"] or ""), row["type"])
        same = self._names.setdefault(key, set())
        same.add(row["uid"])
        if not key[0]:
            return
        for other in sorted(same - {row["uid"]}):
            pair = "+".join(sorted((row["uid"], other)))
            ckey = f"{SAME_ENTITY}.{pair}"
            if ckey in self.resolved_keys or ckey in self.conflict_keys:
                continue
            here = _fetch(self.conn, "SELECT uid, name, type, updated_at FROM entities WHERE uid = ?", (other,)).fetchone()
            if here is None:
                continue
            c = same_entity_conflict(row, here)
            if store_conflict(self.conn, c, self.op.time):
                self.result._touched_conflicts += 1
            self.conflict_keys.add(ckey)
            self.result.conflicts.append(c)

    def _apply_entity(self, uid: str, v: Version, local: Version | None) -> None:
        self.ap.apply_entity(uid, v)
        if v.deleted:
            self.result.entities_deleted += 1
        elif local is None:
            self.result.entities_added += 1
        else:
            self.result.entities_updated += 1

    # -- documents, spans, links, claims

    def documents(self) -> None:
        ids = [r[0] for r in self.copy.execute("SELECT id FROM documents ORDER BY id")]
        done = 0
        for chunk in _chunks(ids, DOC_BATCH):
            self._doc_batch(list(chunk))
            done += len(chunk)
            if self.progress is not None and self.progress(len(chunk)) is False:
                raise Cancelled("merge cancelled; nothing was merged")

    def _base_docs(self, hashes: Sequence[str]) -> dict[str, dict[str, Any]]:
        if not self.package:
            return {}
        keys = [BASE_DOC_PREFIX + h for h in hashes]
        return {k[len(BASE_DOC_PREFIX):]: json.loads(v) for k, v in self.copy.execute(
            f"SELECT key, value FROM settings WHERE key IN ({_marks(len(keys))})", keys)}

    def _doc_batch(self, c_ids: list[int]) -> None:
        conn, copy = self.conn, self.copy
        dcols = self.write_cols["documents"]
        crows = {r["id"]: r for r in copy.execute(
            f"SELECT id, uid, text_hash, length, created_at, updated_at, {', '.join(_q(c) for c in dcols)} "
            f"FROM documents WHERE id IN ({_marks(len(c_ids))})", c_ids)}
        hashes = sorted({r["text_hash"] for r in crows.values()})
        lrows: dict[str, Any] = {}
        for r in _fetch(conn, f"SELECT * FROM documents WHERE text_hash IN ({_marks(len(hashes))}) ORDER BY id DESC", hashes):
            lrows[r["text_hash"]] = r  # the lowest id wins when a text is there twice
        base = self._base_docs(hashes)
        # documents: add the missing ones (with their text), merge the changeable fields
        for cid in c_ids:
            cr = crows[cid]
            h = cr["text_hash"]
            tomb = self.doc_tombs.get(h)
            if tomb is not None and self._deleted_here(cid, cr, h, tomb, base.get(h), h in lrows):
                continue  # deleted here, and the copy has it as it was: it stays deleted
            if h not in lrows:
                text = copy.execute("SELECT text FROM documents WHERE id = ?", (cid,)).fetchone()[0]
                uid = cr["uid"]
                if conn.execute("SELECT 1 FROM documents WHERE uid = ?", (uid,)).fetchone():
                    uid = new_uid()
                cur = conn.execute(
                    f"INSERT INTO documents (uid, text, text_hash, length, created_at, updated_at, "
                    f"{', '.join(_q(c) for c in dcols)}) VALUES (?, ?, ?, ?, ?, ?, {_marks(len(dcols))})",
                    [uid, text, h, cr["length"], cr["created_at"], cr["updated_at"], *(cr[c] for c in dcols)])
                doc_id = int(cur.lastrowid or 0)
                self.op.touch("documents", doc_id)
                self.result.documents_added += 1
                lrows[h] = _fetch(conn, "SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
            else:
                local = self._version("documents", lrows[h])
                incoming = self._version("documents", cr)
                v = self.step("document", h, h, local, base.get(h, {}).get("doc"), incoming)
                if v is not None:
                    self.ap.apply_document(h, v)
                    self.result.documents_updated += 1
            self.c_doc_local[cid] = int(lrows[h]["id"])
        c_ids = [c for c in c_ids if c in self.c_doc_local]
        if not c_ids:
            return
        base = {h: entry for h, entry in base.items() if h in lrows}
        local_ids = sorted({self.c_doc_local[c] for c in c_ids})
        hash_of_local = {int(r["id"]): h for h, r in lrows.items()}
        fresh = self._spans(c_ids, local_ids, hash_of_local, base)
        self._claims(c_ids, local_ids, base, fresh)
        self._links(c_ids, local_ids, base)

    def _deleted_here(self, cid: int, cr: Any, h: str, tomb: dict[str, Any], base: dict[str, Any] | None,
                      present: bool) -> bool:
        """For a document whose text was deleted here: whether the copy's document stays out.

        It stays out when the copy has it as its package's base had it, as it was deleted here,
        or as it was when merged here before a deletion: absent here, it is not brought back;
        present (another copy brought it back, or it was imported again), the copy's version of
        it is not merged either, so the order of merging does not matter. Otherwise the copy changed
        it: it comes back whole, as the copy has it, as a conflict, and the rows of the base that
        the copy no longer has count as deleted here (as they were in the copy). What the copy had
        is remembered in the merge event, so deleting the document again keeps that out too.
        """
        content = document_content(self.copy, cid, self.cols)
        fp = content_fingerprint(content)
        # the copy did not change it since its package, or has it as a deletion here superseded
        known = (base is not None and fp == content_fingerprint(base)) or fp in tomb["contents"]
        if present:  # it came back, or was imported again
            if known:  # what would have stayed out counts for nothing now either: order-independent
                return True
            if fp not in tomb["seen"]:  # merged as usual; remembered once
                self._seen(h, fp)
            return False
        if known or fp in tomb["seen"]:
            if f"document.{h}" in self.conflict_keys:  # it came back as a conflict and was deleted again
                self._settle("document", h, h, [_deleted(tomb["at"])])
            return True
        incoming = self._version("documents", cr)
        self._settle("document", h, h, combine(self._existing("document", h), _deleted(tomb["at"]), None, incoming))
        self.ap.note_unchanged(h, content, base or {})  # came back as its base had it: not an edit
        for uid, b in (base or {}).get("spans", {}).items():
            if uid not in content["spans"] and uid not in self.tombs["spans"]:
                self.ap.note_deleted("spans", uid, b)
        for uid in (base or {}).get("links", []):
            if uid not in content["links"] and uid not in self.tombs["links"]:
                self.ap.note_deleted("links", uid, DELETED)
        self._seen(h, fp)
        return False

    def _seen(self, doc_hash: str, fp: str) -> None:
        if [doc_hash, fp] not in self.result._documents_seen:
            self.result._documents_seen.append([doc_hash, fp])

    def _span_version(self, row: Any, entity_uid: dict[int, str]) -> Version:
        euid = entity_uid.get(row["entity_id"]) if row["entity_id"] is not None else None
        return self._version("spans", row, {"entity_uid": euid}, (euid,))

    def _spans(self, c_ids: list[int], local_ids: list[int], hash_of_local: dict[int, str],
               base: dict[str, dict[str, Any]]) -> set[str]:
        """Merge the spans of a batch; returns the uids of claim spans inserted fresh."""
        conn = self.conn
        crows = {r["uid"]: r for r in self.copy.execute(
            f"SELECT * FROM spans WHERE doc_id IN ({_marks(len(c_ids))})", c_ids)}
        base_spans: dict[str, tuple[str | None, str | None]] = {}  # uid -> (fp, doc hash)
        for doc_hash, entry in base.items():
            for uid, fp in entry.get("spans", {}).items():
                base_spans[uid] = (fp, doc_hash)
        local_set = set(local_ids)
        lrows: dict[str, Any] = {}
        elsewhere: set[str] = set()
        if self.package:
            # only the rows the copy has or had: the other spans here (other annotators') are not
            # read at all, so merging the tenth copy costs what merging the first did
            fresh = self.fresh_prefixes
            wanted = sorted({u for u in crows if u[:_PREFIX] not in fresh} | set(base_spans))
            for chunk in _chunks(wanted):
                for r in _fetch(conn, f"SELECT * FROM spans WHERE uid IN ({_marks(len(chunk))})", list(chunk)):
                    if r["doc_id"] in local_set:
                        lrows[r["uid"]] = r
                    else:
                        elsewhere.add(r["uid"])
        else:  # a plain copy: what it deleted is known from its log, so look at every span here
            lrows = {r["uid"]: r for r in _fetch(
                conn, f"SELECT * FROM spans WHERE doc_id IN ({_marks(len(local_ids))})", local_ids)}
            new_uids = [u for u in crows if u not in lrows]
            for chunk in _chunks(new_uids):
                elsewhere.update(r[0] for r in conn.execute(
                    f"SELECT uid FROM spans WHERE uid IN ({_marks(len(chunk))})", list(chunk)))
        inserts: list[list[Any]] = []
        scols = self.write_cols["spans"]
        fresh_claims: set[str] = set()
        span_tombs = self.tombs["spans"]
        conflict_prefix = "span."
        any_conflicts = any(k.startswith(conflict_prefix) for k in self.conflict_keys)
        for uid, cr in crows.items():
            if uid in elsewhere:
                continue  # the same row on another document here: leave it
            doc_local = self.c_doc_local[cr["doc_id"]]
            lr = lrows.get(uid)
            tomb = span_tombs.get(uid)
            if lr is None and tomb is None and not (any_conflicts and conflict_prefix + uid in self.conflict_keys):
                entity = None
                euid = self.c_entity_uid.get(cr["entity_id"]) if cr["entity_id"] is not None else None
                if euid:
                    r = conn.execute("SELECT id FROM entities WHERE uid = ?", (euid,)).fetchone()
                    entity = None if r is None else int(r[0])
                    if entity is None:
                        self.ap.dangling.setdefault(euid, set()).add(uid)
                inserts.append([uid, doc_local, *(cr[c] for c in scols), entity, cr["created_at"], cr["updated_at"]])
                if cr["layer"] == "claim":
                    fresh_claims.add(uid)
                continue
            incoming = self._span_version(cr, self.c_entity_uid)
            local = self._span_version(lr, self.l_entity_uid) if lr is not None else None
            b: str | None = base_spans.get(uid, (None, None))[0]
            h = hash_of_local.get(doc_local)
            # deleted here, but its review or links changed there: that counts as an edit
            force = lr is None and tomb is not None and self._attachments_changed(self.copy, uid, base.get(h or ""))
            v = self.step("span", uid, h, local, b, incoming, tomb["fp"] if tomb else None, force=force)
            if v is not None:
                self._apply_span(uid, hash_of_local.get(doc_local), v, local)
        if inserts:
            conn.executemany(
                f"INSERT INTO spans (uid, doc_id, {', '.join(_q(c) for c in scols)}, entity_id, created_at, updated_at) "
                f"VALUES (?, ?, {_marks(len(scols))}, ?, ?, ?)", inserts)
            self.result.spans_added += len(inserts)
            for r in inserts:
                self.op.touch("documents", r[1])
        # deleted in the copy: in its base, or deleted in its log, and gone from it
        for uid, lr in lrows.items():
            if uid in crows:
                continue
            b = base_spans.get(uid, (None, None))[0]
            if b is None:
                ct: dict[str, Any] | None = self.c_tombs["spans"].get(uid)
                if ct is None:
                    continue  # the copy never had it
                b = ct["fp"]
            local = self._span_version(lr, self.l_entity_uid)
            h = hash_of_local.get(int(lr["doc_id"]))
            # its review or links changed here: the deletion is a conflict, the span stays
            force = self._attachments_changed(self.conn, uid, base.get(h or "") if self.package else None)
            v = self.step("span", uid, h, local, b, _deleted(), force=force)
            if v is not None:
                self._apply_span(uid, hash_of_local.get(int(lr["doc_id"])), v, local)
        return fresh_claims

    def _attachments_changed(self, conn: sqlite3.Connection, uid: str, base_doc: dict[str, Any] | None) -> bool:
        """Whether span ``uid``'s claim review or links (in ``conn``) changed since the base.

        A deletion of the span would take them along, so such a change counts as a change of the
        span. Without a base, any review step or link counts (keep rather than lose).
        """
        row = _fetch(conn, "SELECT id, layer FROM spans WHERE uid = ?", (uid,)).fetchone()
        if row is None:
            return False
        claims = (base_doc or {}).get("claims", {})
        if row["layer"] == "claim":
            c = _fetch(conn, "SELECT * FROM claims WHERE span_id = ?", (row["id"],)).fetchone()
            if c is not None:
                b = claims.get(uid)
                if (c["state"] != "draft") if b is None else (fingerprint(self.cols["claims"], c) != b):
                    return True
        base_links = set((base_doc or {}).get("links", []))
        return any(luid not in base_links for (luid,) in conn.execute(
            "SELECT uid FROM links WHERE source_id = ? OR target_id = ?", (row["id"], row["id"])))

    def _apply_span(self, uid: str, doc_hash: str | None, v: Version, local: Version | None) -> None:
        if local is None and v.values is not None and v.values.get("layer") == "claim":
            # coming back after a deletion here: bring its review state too
            claim = self.copy.execute(
                "SELECT c.* FROM claims c JOIN spans s ON s.id = c.span_id WHERE s.uid = ?", (uid,)).fetchone()
            if claim is not None:
                cv = self._version("claims", claim)
                v = Version(v.fp, v.updated_at, {**v.values, "claim": cv.to_json()})
        self.ap.apply_span(uid, doc_hash, v)
        if v.deleted:
            self.result.spans_deleted += 1
        elif local is None:
            self.result.spans_added += 1
        else:
            self.result.spans_updated += 1

    def _claims(self, c_ids: list[int], local_ids: list[int], base: dict[str, dict[str, Any]],
                fresh: set[str]) -> None:
        conn = self.conn
        crows = {r["uid"]: r for r in self.copy.execute(
            f"SELECT s.uid AS uid, c.* FROM claims c JOIN spans s ON s.id = c.span_id WHERE s.doc_id IN ({_marks(len(c_ids))})",
            c_ids)}
        for uid in sorted(fresh - set(crows)):  # a claim span without its review row: a draft
            conn.execute("INSERT OR IGNORE INTO claims (span_id, state, updated_at) "
                         "SELECT id, 'draft', updated_at FROM spans WHERE uid = ?", (uid,))
        if not crows:
            return
        lrows = {r["uid"]: r for r in _fetch(
            conn, f"SELECT s.uid AS uid, s.id AS sid, c.* FROM spans s LEFT JOIN claims c ON c.span_id = s.id "
            f"WHERE s.doc_id IN ({_marks(len(local_ids))}) AND s.layer = 'claim'", local_ids)}
        base_claims: dict[str, str] = {}
        for entry in base.values():
            base_claims.update(entry.get("claims", {}))
        for uid, cr in crows.items():
            lr = lrows.get(uid)
            if lr is None:
                continue  # its span is not here (deleted, and stays deleted)
            incoming = self._version("claims", cr)
            if lr["span_id"] is None:
                self.ap.apply_claim(uid, incoming)
                self.result.claims_added += 1
                continue
            local = self._version("claims", lr)
            v = self.step("claim", uid, None, local, base_claims.get(uid), incoming)
            if v is not None:
                self.ap.apply_claim(uid, v)
                self.result.claims_updated += 1

    def _links(self, c_ids: list[int], local_ids: list[int], base: dict[str, dict[str, Any]]) -> None:
        conn = self.conn
        lcols = self.write_cols["links"]
        crows = {r["uid"]: r for r in self.copy.execute(
            f"SELECT l.*, s.uid AS s_uid, t.uid AS t_uid FROM links l JOIN spans s ON s.id = l.source_id "
            f"JOIN spans t ON t.id = l.target_id WHERE l.doc_id IN ({_marks(len(c_ids))})", c_ids)}
        lrows = {r["uid"]: r for r in _fetch(
            conn, f"SELECT l.*, s.uid AS s_uid, t.uid AS t_uid FROM links l JOIN spans s ON s.id = l.source_id "
            f"JOIN spans t ON t.id = l.target_id WHERE l.doc_id IN ({_marks(len(local_ids))})", local_ids)}
        base_links: set[str] = set()
        for entry in base.values():
            base_links.update(entry.get("links", []))
        by_ends = {(r["s_uid"], r["t_uid"], r["role"]): uid for uid, r in lrows.items()}
        span_ids: dict[str, int] = {}
        wanted = sorted({u for r in crows.values() for u in (r["s_uid"], r["t_uid"])})
        for chunk in _chunks(wanted):
            span_ids.update((u, int(i)) for u, i in conn.execute(
                f"SELECT uid, id FROM spans WHERE uid IN ({_marks(len(chunk))})", list(chunk)))
        for uid in sorted(crows):
            cr = crows[uid]
            if uid in lrows or uid in self.tombs["links"]:
                continue
            src, dst = span_ids.get(cr["s_uid"]), span_ids.get(cr["t_uid"])
            if src is None or dst is None:
                self.result.links_skipped += 1
                continue
            ends = (cr["s_uid"], cr["t_uid"], cr["role"])
            other = by_ends.get(ends)
            if other is not None:
                # the same link made twice: keep the smaller uid, whatever the order of merging
                if uid < other:  # the whole row of the smaller uid, so both orders agree
                    conn.execute(f"UPDATE links SET uid = ?, {', '.join(f'{_q(c)} = ?' for c in lcols)}, created_at = ? "
                                 "WHERE uid = ?", [uid, *(cr[c] for c in lcols), cr["created_at"], other])
                    by_ends[ends] = uid
                    self.result.links_added += 1
                continue
            doc = self.c_doc_local[cr["doc_id"]]
            conn.execute(
                f"INSERT INTO links (uid, doc_id, source_id, target_id, {', '.join(_q(c) for c in lcols)}, created_at) "
                f"VALUES (?, ?, ?, ?, {_marks(len(lcols))}, ?)", [uid, doc, src, dst, *(cr[c] for c in lcols), cr["created_at"]])
            by_ends[ends] = uid
            self.op.touch("documents", doc)
            self.result.links_added += 1
        for uid, lr in lrows.items():
            if uid in crows:
                continue
            if uid in base_links or uid in self.c_tombs["links"]:
                conn.execute("DELETE FROM links WHERE uid = ?", (uid,))
                self.ap.note_deleted("links", uid, DELETED)
                self.op.touch("documents", int(lr["doc_id"]))
                self.result.links_deleted += 1

    # -- events

    def events(self) -> None:
        """Append the copy's events that are not here yet (their uid kept), oldest first."""
        conn, copy = self.conn, self.copy
        last = 0
        origin = {"file": self.name, "package": (self.package or {}).get("id")}
        while True:
            rows = copy.execute("SELECT * FROM events WHERE id > ? ORDER BY id LIMIT 1000", (last,)).fetchall()
            if not rows:
                break
            last = rows[-1]["id"]
            uids = [r["uid"] for r in rows]
            have = {r[0] for r in conn.execute(f"SELECT uid FROM events WHERE uid IN ({_marks(len(uids))})", uids)}
            fresh = [r for r in rows if r["uid"] not in have]
            if not fresh:
                continue
            mapper = _IdMapper(conn, copy, self.c_doc_local, fresh)
            values = []
            for r in fresh:
                summary = json.loads(r["summary"] or "{}")
                summary = mapper.summary(summary)
                summary["from_copy"] = {**origin, "event": r["id"], **(summary.get("from_copy") or {})}
                values.append((r["uid"], r["at"], r["actor"], r["op"], json.dumps(summary, ensure_ascii=False),
                               r["rows"], 0, mapper.event(r["reverts"]), mapper.event(r["redoes"])))
            conn.executemany("INSERT INTO events (uid, at, actor, op, summary, rows, undoable, reverts, redoes) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", values)
            self.result.events_added += len(values)


def _holds(versions: Sequence[Version], v: Version) -> bool:
    """Whether ``v`` is among ``versions`` (same content, a time stamp no later)."""
    return any(x.fp == v.fp and (x.updated_at or "") >= (v.updated_at or "") for x in versions)


_ID_KEYS = {
    "doc_id": "documents", "doc_ids": "documents", "span_id": "spans", "span_ids": "spans", "claim_id": "spans",
    "source_id": "spans", "target_id": "spans", "entity_id": "entities", "entity_ids": "entities",
    "link_id": "links", "link_ids": "links",
}


class _IdMapper:
    """Turns the copy's row ids in event summaries into ours (through uids); keeps the originals."""

    def __init__(self, conn: sqlite3.Connection, copy: sqlite3.Connection, docs: dict[int, int],
                 events: Sequence[Any]) -> None:
        self.conn = conn
        self.docs = docs
        wanted: dict[str, set[int]] = {}
        event_ids: set[int] = set()
        for r in events:
            s = json.loads(r["summary"] or "{}")
            for k, table in _ID_KEYS.items():
                v = s.get(k)
                vals = v if isinstance(v, list) else [v]
                wanted.setdefault(table, set()).update(x for x in vals if isinstance(x, int))
            for k in ("reverts", "redoes"):
                if r[k] is not None:
                    event_ids.add(int(r[k]))
            if isinstance(s.get("event"), int):
                event_ids.add(int(s["event"]))
        self.maps: dict[str, dict[int, int]] = {}
        for table, ids in wanted.items():
            m: dict[int, int] = {}
            if table == "documents":
                m = {i: docs[i] for i in ids if i in docs}
            else:
                for chunk in _chunks(sorted(ids)):
                    uid_of = {u: int(i) for i, u in copy.execute(
                        f"SELECT id, uid FROM {table} WHERE id IN ({_marks(len(chunk))})", list(chunk))}
                    if uid_of:
                        us = list(uid_of)
                        for u, i in conn.execute(f"SELECT uid, id FROM {table} WHERE uid IN ({_marks(len(us))})", us):
                            m[uid_of[u]] = int(i)
            self.maps[table] = m
        self.events: dict[int, int] = {}
        for chunk in _chunks(sorted(event_ids)):
            uid_of = {u: int(i) for i, u in copy.execute(
                f"SELECT id, uid FROM events WHERE id IN ({_marks(len(chunk))})", list(chunk))}
            if uid_of:
                us = list(uid_of)
                for u, i in conn.execute(f"SELECT uid, id FROM events WHERE uid IN ({_marks(len(us))})", us):
                    self.events[uid_of[u]] = int(i)

    def event(self, copy_id: int | None) -> int | None:
        return None if copy_id is None else self.events.get(int(copy_id))

    def summary(self, s: dict[str, Any]) -> dict[str, Any]:
        original: dict[str, Any] = {}
        for k, table in _ID_KEYS.items():
            if k not in s:
                continue
            v = s[k]
            m = self.maps.get(table, {})
            if isinstance(v, int):
                original[k] = v
                s[k] = m.get(v)
            elif isinstance(v, list):
                original[k] = v
                s[k] = [m.get(x) if isinstance(x, int) else x for x in v]
        if isinstance(s.get("event"), int):
            original["event"] = s["event"]
            s["event"] = self.events.get(s["event"])
        if original:
            s["copy_ids"] = original
        return s


# ---- entry point -------------------------------------------------------------------------------------


def merge(project: Project, others: Sequence[str | os.PathLike[str]], *,
          progress: Progress | None = None) -> MergeResult:
    """Bring the work of other copies into ``project``: one transaction, one ``team.merge`` event.

    ``progress(done, total)`` counts documents over all copies; returning False cancels (raises
    :class:`~annotator.documents.Cancelled`; nothing is written). Merging nothing new writes
    nothing. Raises ProjectError for a file that is not a project (nothing written).
    """
    result = MergeResult()
    here = project.path.resolve()
    paths = []
    total = 0
    for other in others:
        db = resolve_path(other)
        if db.exists() and db.resolve() == here:
            raise ProjectError(f"{other}: this is the project itself")
        with open_copy(other) as c:
            total += int(c.execute("SELECT COUNT(*) FROM documents").fetchone()[0])
        paths.append(other)
    done = [0]

    def step(n: int) -> bool | None:
        done[0] += n
        return progress(done[0], total) if progress is not None else None

    try:
        with project.operation("team.merge", undoable=False, summary={"from": [str(p) for p in paths]}) as op:
            applier = Applier(project, op)
            applier.touch_spans = total < 5000
            tombs = deleted_rows(project.store.conn)
            applier.tombs = tombs
            applier.revived = revived_rows(project.store.conn)
            doc_tombs = deleted_documents(project.store.conn)
            for other in paths:
                name = Path(other).name
                with open_copy(other) as copy:
                    _Merger(project, op, applier, copy, name, result, tombs, step, doc_tombs).run()
                result.sources.append(str(other))
            if not result.changed:
                raise _Unchanged
            op.summary.update(result.counts())
            op.summary["deleted"] = applier.deleted
            if applier.revived_log:
                op.summary["revived"] = applier.revived_log
            if result._documents_seen:
                op.summary["documents_seen"] = result._documents_seen
            op.summary["conflict_keys"] = sorted({c.key for c in result.conflicts})[:1000]
    except _Unchanged:
        result.changes = Changes(op="team.merge")
    else:
        result.changes = op.result
    # a conflict met several times (several copies) is listed once, as it stands now
    keys = list(dict.fromkeys(c.key for c in result.conflicts))
    result.conflicts = []
    for key in keys:
        found = load_conflict(project.store.conn, key)
        if found is not None:
            result.conflicts.append(found)
    return result
