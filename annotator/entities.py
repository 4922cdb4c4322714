"""Canonical entities: the people, organisations and places that mention spans link to.

    project.entities.add(name="Lê Hồng Long", type="PER", aliases=["Luo Honglong"])
    project.entities.suggest("Lu Honglong", type="PER")      # ranked, from a cached index
    project.entities.merge(keep_id, [other_id])              # one undoable step
    project.entities.split(entity_id, [span_id, ...], name="Lữ Hồng Long")

Every change is one operation (one event, one undo). Suggestions come from a
:class:`~annotator.variants.NameIndex` of every name and alias, built on first use and kept up
to date from the project's change notifications, so a lookup never scans the table.
"""

from __future__ import annotations

import builtins
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from annotator.errors import NotFoundError, ValidationError
from annotator.model import Changes, Entity, EntityId, Layer, Span
from annotator.variants import CLUSTER_THRESHOLD, Match, NameIndex, cluster_variants, name_key

if TYPE_CHECKING:
    from annotator.project import Project


def entity_from_row(r: Any) -> Entity:
    return Entity(id=EntityId(r["id"]), name=r["name"], type=r["type"], aliases=tuple(json.loads(r["aliases"] or "[]")),
                  external_id=r["external_id"], notes=r["notes"] or "", uid=r["uid"])


def merged_fields(keep: Entity, others: Sequence[Entity]) -> dict[str, Any]:
    """What ``keep`` becomes when ``others`` are merged into it: its aliases gain the others' names
    and aliases; an external id or notes it lacks are taken from the others (a differing external
    id is kept in the notes). Used by :meth:`Entities.merge` and by settling a ``same_entity``
    conflict (:func:`annotator.conflicts.resolve`)."""
    aliases = _unique([*keep.aliases, *(n for o in others for n in (o.name, *o.aliases))], drop=[keep.name])
    external_id = keep.external_id
    notes = [keep.notes] if keep.notes else []
    for o in others:
        if o.external_id and not external_id:
            external_id = o.external_id
        elif o.external_id and o.external_id != external_id:
            notes.append(f"{o.name}: {o.external_id}")
        if o.notes and o.notes not in notes:
            notes.append(o.notes)
    return {"aliases": aliases, "external_id": external_id, "notes": "\n".join(notes)}


@dataclass(frozen=True, slots=True)
class EntitySuggestion:
    """An entity proposed for a mention: its canonical name, the name or alias that matched, a score."""

    entity_id: EntityId
    name: str
    type: str
    matched: str
    score: float
    how: str  # see annotator.variants.compare: exact, folded, spacing, family, typo, given, last, prefix, fuzzy


@dataclass(frozen=True, slots=True)
class Mention:
    """A mention span with its text and a little context, for lists and jumping."""

    span: Span
    text: str
    before: str
    after: str
    doc_title: str


@dataclass(frozen=True, slots=True)
class ClusterVariant:
    """One spelling in a proposed cluster, with its mention spans and the entities they link to."""

    text: str
    span_ids: tuple[int, ...]
    entity_ids: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class MentionCluster:
    """Mentions (of one label) proposed as one entity: spellings, most frequent first."""

    label: str
    name: str  # the proposed canonical name: the linked entity's, else the best spelling
    variants: tuple[ClusterVariant, ...]
    entity_ids: tuple[int, ...]  # entities its mentions already link to
    unlinked: int  # mentions linked to no entity

    @property
    def span_ids(self) -> tuple[int, ...]:
        return tuple(s for v in self.variants for s in v.span_ids)

    @property
    def texts(self) -> tuple[str, ...]:
        return tuple(v.text for v in self.variants)

    @property
    def resolved(self) -> bool:
        """Nothing to do: every mention links to one and the same entity."""
        return self.unlinked == 0 and len(self.entity_ids) == 1


def _spelling_rank(text: str, count: int) -> tuple[bool, bool, int]:
    """Prefer spellings with diacritics, not all capitals, then the most frequent."""
    return (not text.isascii(), not text.isupper(), count)


def _unique(names: Iterable[str], *, drop: Iterable[str] = ()) -> list[str]:
    dropped = set(drop)
    out: list[str] = []
    for n in names:
        n = n.strip()
        if n and n not in dropped and n not in out:
            out.append(n)
    return out


class Entities:
    def __init__(self, project: Project) -> None:
        self.project = project
        self.store = project.store
        self._index: NameIndex | None = None
        self._index_max_id = 0
        self._index_data_version: int | None = None
        project.subscribe(self._on_changes)

    # ---- reading ------------------------------------------------------------------------------

    def get(self, entity_id: int) -> Entity:
        r = self.store.one("SELECT * FROM entities WHERE id = ?", (entity_id,))
        if r is None:
            raise NotFoundError(f"no entity with id {entity_id}")
        return entity_from_row(r)

    def get_many(self, entity_ids: Iterable[int]) -> builtins.list[Entity]:
        """Entities with these ids (missing ones left out), in the given order."""
        ids = list(entity_ids)
        rows = {r["id"]: r for r in self.store.rows_by_ids("entities", ids)}
        return [entity_from_row(rows[i]) for i in ids if i in rows]

    def list(self, *, type: str | None = None) -> builtins.list[Entity]:
        if type:
            rows = self.store.query("SELECT * FROM entities WHERE type = ? ORDER BY name COLLATE NOCASE, id", (type,))
        else:
            rows = self.store.query("SELECT * FROM entities ORDER BY name COLLATE NOCASE, id")
        return [entity_from_row(r) for r in rows]

    def count(self) -> int:
        return int(self.store.scalar("SELECT COUNT(*) FROM entities"))

    def find(self, name: str, type: str | None = None) -> Entity | None:
        sql, params = "SELECT * FROM entities WHERE name = ?", [name]
        if type:
            sql += " AND type = ?"
            params.append(type)
        r = self.store.one(sql + " ORDER BY id LIMIT 1", params)
        return None if r is None else entity_from_row(r)

    def find_external(self, external_id: str) -> Entity | None:
        r = self.store.one("SELECT * FROM entities WHERE external_id = ? ORDER BY id LIMIT 1", (external_id,))
        return None if r is None else entity_from_row(r)

    def mention_counts(self) -> dict[int, int]:
        return {e: n for e, n in self.store.conn.execute(
            "SELECT entity_id, COUNT(*) FROM spans WHERE entity_id IS NOT NULL AND state != 'rejected' GROUP BY entity_id")}

    def mention_counts_by_state(self) -> dict[int, dict[str, int]]:
        """Per entity: how many of its mentions are accepted and suggested (rejected left out)."""
        out: dict[int, dict[str, int]] = {}
        for e, st, n in self.store.conn.execute(
            "SELECT entity_id, state, COUNT(*) FROM spans WHERE entity_id IS NOT NULL AND state != 'rejected' "
            "GROUP BY entity_id, state"):
            out.setdefault(e, {})[st] = n
        return out

    def mentions(self, entity_id: int) -> builtins.list[Span]:
        ids = [r[0] for r in self.store.conn.execute(
            "SELECT id FROM spans WHERE entity_id = ? ORDER BY doc_id, start", (entity_id,))]
        return self.project.spans.get_many(ids)

    def mention_contexts(self, entity_id: int, *, context: int = 40) -> builtins.list[Mention]:
        """The entity's mentions (rejected ones left out) with their text and context, in document order."""
        spans = sorted((s for s in self.mentions(entity_id) if s.state != "rejected"), key=lambda s: (s.doc_id, s.start))
        out: builtins.list[Mention] = []
        doc_id, text, title = -1, "", ""
        for s in spans:
            if s.doc_id != doc_id:
                doc = self.project.documents.get(s.doc_id)
                doc_id, text, title = doc.id, doc.text, doc.title
            out.append(Mention(s, text[s.start:s.end], text[max(0, s.start - context):s.start].replace("\n", " "),
                               text[s.end:s.end + context].replace("\n", " "), title))
        return out

    def span_text(self, span: Span) -> str:
        return self.project.documents.text(span.doc_id)[span.start:span.end]

    # ---- simple changes -----------------------------------------------------------------------

    def add(self, *, name: str, type: str, aliases: Sequence[str] = (), external_id: str | None = None,
            notes: str = "") -> Changes:
        name = name.strip()
        if not name:
            raise ValidationError("an entity needs a name")
        with self.project.operation("entities.add", summary={"name": name, "type": type}) as op:
            eid = op.insert("entities", {"name": name, "type": type, "aliases": _unique(aliases, drop=[name]),
                                         "external_id": external_id or None, "notes": notes,
                                         "created_at": op.time, "updated_at": op.time})
            op.summary["entity_id"] = eid
        return op.result

    def ensure(self, name: str, type: str) -> int:
        """Id of the entity with this name and type, created inside the current transaction if new."""
        found = self.find(name, type)
        if found is not None:
            return found.id
        from annotator.store import new_uid, now

        t = now()
        cur = self.store.conn.execute(
            "INSERT INTO entities (uid, name, type, aliases, notes, created_at, updated_at) VALUES (?,?,?,?,?,?,?)",
            (new_uid(), name, type, "[]", "", t, t))
        return int(cur.lastrowid or 0)

    def update(self, entity_id: int, **values: Any) -> Changes:
        """Change name, type, aliases, external_id or notes."""
        allowed = {"name", "type", "aliases", "external_id", "notes"}
        bad = set(values) - allowed
        if bad:
            raise ValidationError(f"cannot change {', '.join(sorted(bad))} of an entity")
        if "name" in values:
            values["name"] = str(values["name"]).strip()
            if not values["name"]:
                raise ValidationError("an entity needs a name")
        if "aliases" in values:
            values["aliases"] = _unique(values["aliases"])
        self.get(entity_id)
        with self.project.operation("entities.update", summary={"entity_id": entity_id, "fields": sorted(values)}) as op:
            op.update("entities", entity_id, values)
        return op.result

    def delete(self, entity_ids: Sequence[int]) -> Changes:
        for e in entity_ids:
            self.get(e)
        with self.project.operation("entities.delete", summary={"entity_ids": list(entity_ids)}) as op:
            for e in entity_ids:
                op.delete("entities", e)
        return op.result

    # ---- curating -----------------------------------------------------------------------------

    def rename(self, entity_id: int, name: str, *, keep_alias: bool = True) -> Changes:
        """Give the entity a new name; the old one stays as an alias unless ``keep_alias=False``."""
        ent = self.get(entity_id)
        name = name.strip()
        if not name:
            raise ValidationError("an entity needs a name")
        aliases = [*ent.aliases, ent.name] if keep_alias else list(ent.aliases)
        with self.project.operation("entities.rename", summary={"entity_id": entity_id, "from": ent.name,
                                                                "to": name}) as op:
            op.update("entities", entity_id, {"name": name, "aliases": _unique(aliases, drop=[name])})
        return op.result

    def merge(self, keep_id: int, other_ids: Sequence[int]) -> Changes:
        """Merge ``other_ids`` into ``keep_id`` in ONE undoable step.

        Every mention of the others links to the kept entity; its aliases gain the others' names
        and aliases; an external id or notes it lacks are taken from the others (a differing
        external id is kept in the notes); the others are deleted. Undo restores all of it.
        """
        others_ids = [o for o in dict.fromkeys(other_ids) if o != keep_id]
        if not others_ids:
            raise ValidationError("merge needs at least one other entity")
        keep = self.get(keep_id)
        others = [self.get(o) for o in others_ids]
        fields = merged_fields(keep, others)
        spans = [s for o in others for s in self.mentions(o.id)]
        with self.project.operation("entities.merge", summary={"entity_id": keep_id, "merged": others_ids,
                                                               "names": [o.name for o in others],
                                                               "mentions": len(spans)}) as op:
            for s in spans:
                op.update("spans", s.id, {"entity_id": keep_id})
            op.update("entities", keep_id, fields)
            for o in others:
                op.delete("entities", o.id)
            op.touch("entities", keep_id)
        return op.result

    def split(self, entity_id: int, span_ids: Sequence[int], *, name: str | None = None,
              type: str | None = None) -> Changes:
        """Move the chosen mentions of an entity to a new entity, in one undoable step.

        The new entity is named ``name`` (default: the first mention's text) and takes that name
        out of the old entity's aliases. ``changes.entities`` holds the old and the new id.
        """
        ent = self.get(entity_id)
        if not span_ids:
            raise ValidationError("split needs at least one mention to move")
        spans = self.project.spans.get_many(dict.fromkeys(span_ids))
        if len(spans) != len(set(span_ids)):
            raise NotFoundError("some of these spans do not exist")
        wrong = [s.id for s in spans if s.entity_id != entity_id]
        if wrong:
            raise ValidationError(f"span(s) {', '.join(map(str, wrong))} are not mentions of entity {entity_id}")
        spans.sort(key=lambda s: (s.doc_id, s.start))
        new_name = (name or self.span_text(spans[0])).strip()
        if not new_name:
            raise ValidationError("an entity needs a name")
        moved = {name_key(self.span_text(s)).key for s in spans} | {name_key(new_name).key}
        kept_aliases = [a for a in ent.aliases if name_key(a).key not in moved]
        new_aliases = _unique((a for a in ent.aliases if name_key(a).key in moved), drop=[new_name])
        with self.project.operation("entities.split", summary={"entity_id": entity_id, "name": new_name,
                                                               "span_ids": [s.id for s in spans]}) as op:
            new_id = op.insert("entities", {"name": new_name, "type": type or ent.type, "aliases": new_aliases,
                                            "external_id": None, "notes": "", "created_at": op.time,
                                            "updated_at": op.time})
            for s in spans:
                op.update("spans", s.id, {"entity_id": new_id})
            if kept_aliases != list(ent.aliases):
                op.update("entities", entity_id, {"aliases": kept_aliases})
            op.touch("entities", entity_id, new_id)
            op.summary["new_entity_id"] = new_id
        return op.result

    def link(self, span_ids: Sequence[int], entity_id: int | None) -> Changes:
        """Link mention spans to an entity (``None`` unlinks), in one undoable step."""
        if entity_id is not None:
            self.get(entity_id)
        spans = self.project.spans.get_many(dict.fromkeys(span_ids))
        if len(spans) != len(set(span_ids)):
            raise NotFoundError("some of these spans do not exist")
        for s in spans:
            if s.layer != Layer.ENTITY:
                raise ValidationError(f"span {s.id} ({s.label}) is not an entity mention")
        with self.project.operation("entities.link" if entity_id is not None else "entities.unlink",
                                    summary={"entity_id": entity_id, "span_ids": [s.id for s in spans][:1000]}) as op:
            for s in spans:
                op.update("spans", s.id, {"entity_id": entity_id})
            if entity_id is not None:
                op.touch("entities", entity_id)
            op.touch("entities", *(s.entity_id for s in spans if s.entity_id is not None))
        return op.result

    def unlink(self, span_ids: Sequence[int]) -> Changes:
        return self.link(span_ids, None)

    def unify(self, span_ids: Sequence[int], *, name: str | None = None, type: str | None = None) -> Changes:
        """Make these mentions one entity, in one undoable step (accepting a proposed cluster).

        When some already link to entities, the one with most mentions is kept and the others
        are merged into it; otherwise a new entity is created (named ``name``, default the best
        spelling: diacritics first, then frequency) — or the one entity of that type already named
        so. Unlinked mentions are linked; the mention spellings that differ from the name become
        aliases.
        """
        spans = self.project.spans.get_many(dict.fromkeys(span_ids))
        if not spans:
            raise ValidationError("nothing to unify")
        for s in spans:
            if s.layer != Layer.ENTITY:
                raise ValidationError(f"span {s.id} ({s.label}) is not an entity mention")
        texts: dict[str, int] = {}
        for s in spans:
            t = self.span_text(s)
            texts[t] = texts.get(t, 0) + 1
        linked: builtins.list[int] = sorted({s.entity_id for s in spans if s.entity_id is not None})
        if not linked:  # an entity of that name (e.g. from a gazetteer) rather than a duplicate
            label = type or spans[0].label
            wanted = name or max(texts, key=lambda t: _spelling_rank(t, texts[t]))
            owners = {m.owner for m in self.index().exact(wanted) if m.type == label}
            if len(owners) == 1:
                linked = builtins.list(owners)
        counts = self.mention_counts()
        with self.project.operation("entities.unify", summary={"span_ids": [s.id for s in spans][:1000]}) as op:
            keep_id: int
            if linked:
                keep_id = max(linked, key=lambda e: (counts.get(e, 0), -e))
                keep = self.get(keep_id)
                others = [self.get(e) for e in linked if e != keep_id]
                for o in others:
                    for s in self.mentions(o.id):
                        op.update("spans", s.id, {"entity_id": keep_id})
                new_name = (name or keep.name).strip()
                aliases = _unique([*keep.aliases, keep.name, *(n for o in others for n in (o.name, *o.aliases)),
                                   *texts], drop=[new_name])
                op.update("entities", keep_id, {"name": new_name, "aliases": aliases})
                for o in others:
                    op.delete("entities", o.id)
            else:
                new_name = (name or max(texts, key=lambda t: _spelling_rank(t, texts[t]))).strip()
                keep_id = op.insert("entities", {"name": new_name, "type": type or spans[0].label,
                                                 "aliases": _unique(texts, drop=[new_name]), "external_id": None,
                                                 "notes": "", "created_at": op.time, "updated_at": op.time})
            for s in spans:
                if s.entity_id != keep_id:
                    op.update("spans", s.id, {"entity_id": keep_id})
            op.touch("entities", keep_id)
            op.summary["entity_id"] = keep_id
        return op.result

    # ---- clusters -----------------------------------------------------------------------------

    def clusters(self, *, labels: Iterable[str] | None = None, doc_ids: Iterable[int] | None = None,
                 threshold: float = CLUSTER_THRESHOLD, min_variants: int = 2, unresolved_only: bool = False,
                 states: Iterable[str] = ("accepted", "suggested")) -> builtins.list[MentionCluster]:
        """Propose clusters of entity mentions across the project (or these documents).

        Spellings of one label that :func:`annotator.variants.compare` scores ≥ ``threshold``
        cluster together, and so do mentions already linked to one entity. Clusters with fewer
        than ``min_variants`` spellings are left out; ``unresolved_only`` leaves out clusters whose
        mentions all link to one entity already. Biggest first. They are proposals: accept one
        with :meth:`unify` (or :meth:`merge` the entities it names).
        """
        wanted = set(labels) if labels is not None else None
        docs = set(doc_ids) if doc_ids is not None else None
        entity_labels = {lab.name for lab in self.project.schema.labels_of(Layer.ENTITY)}
        spellings: dict[tuple[str, str], builtins.list[Span]] = {}
        text_doc, text = -1, ""
        for s in self.project.spans.iter_all(states=states):
            if s.layer != Layer.ENTITY or s.label not in entity_labels or (wanted is not None and s.label not in wanted):
                continue
            if docs is not None and s.doc_id not in docs:
                continue
            if s.doc_id != text_doc:
                text_doc, text = s.doc_id, self.project.documents.text(s.doc_id)
            spellings.setdefault((s.label, text[s.start:s.end]), []).append(s)
        keys = builtins.list(spellings)
        by_entity: dict[int, int] = {}
        joined: builtins.list[tuple[int, int]] = []
        for k, key in enumerate(keys):
            for s in spellings[key]:
                if s.entity_id is not None:
                    if s.entity_id in by_entity:
                        joined.append((by_entity[s.entity_id], k))
                    else:
                        by_entity[s.entity_id] = k
        counts = self.mention_counts()
        out: builtins.list[MentionCluster] = []
        for group in cluster_variants(keys, joined=joined, threshold=threshold):
            if len(group) < min_variants:
                continue
            variants = []
            for k in group:
                spans = spellings[keys[k]]
                variants.append(ClusterVariant(keys[k][1], tuple(s.id for s in spans),
                                               tuple(sorted({s.entity_id for s in spans if s.entity_id is not None}))))
            variants.sort(key=lambda v: (-len(v.span_ids), v.text))
            entity_ids = tuple(sorted({e for v in variants for e in v.entity_ids}))
            unlinked = sum(1 for k in group for s in spellings[keys[k]] if s.entity_id is None)
            cluster_label = keys[group[0]][0]
            if entity_ids:
                top = max(entity_ids, key=lambda e: (counts.get(e, 0), -e))
                name = self.get(top).name
            else:
                name = max(variants, key=lambda v: _spelling_rank(v.text, len(v.span_ids))).text
            cluster = MentionCluster(cluster_label, name, tuple(variants), entity_ids, unlinked)
            if unresolved_only and cluster.resolved:
                continue
            out.append(cluster)
        out.sort(key=lambda c: (-len(c.span_ids), c.label, c.name))
        return out

    # ---- suggestions --------------------------------------------------------------------------

    def suggest(self, text: str, *, type: str | None = None, limit: int = 10, min_score: float = 0.5,
                prefix: bool = False) -> builtins.list[EntitySuggestion]:
        """Entities whose name or an alias matches ``text`` as a spelling variant, best first.

        ``prefix=True`` while a person types (names starting with the text at any word rank too).
        Answers from the cached index: no table scan (well under 50 ms at 100,000 entities).
        """
        index = self.index()
        return [self._suggestion(index, m) for m in
                index.lookup(text, type=type, limit=limit, min_score=min_score, prefix=prefix)]

    def suggest_for_span(self, span_id: int, *, limit: int = 10, same_type: bool = True) -> builtins.list[EntitySuggestion]:
        """Entities proposed for a mention span (of its label unless ``same_type=False``)."""
        span = self.project.spans.get(span_id)
        return self.suggest(self.span_text(span), type=span.label if same_type else None, limit=limit)

    @staticmethod
    def _suggestion(index: NameIndex, m: Match) -> EntitySuggestion:
        names = index.names_of(m.owner)
        return EntitySuggestion(EntityId(m.owner), names[0] if names else m.name, m.type, m.name, m.score, m.how)

    def index(self) -> NameIndex:
        """The name index (built on first use; kept current from change notifications).

        Also notices entities added by other connections or inside imports (``ensure``).
        """
        dv = int(self.store.conn.execute("PRAGMA data_version").fetchone()[0])
        max_id = int(self.store.scalar("SELECT MAX(id) FROM entities") or 0)
        if self._index is None or dv != self._index_data_version or max_id < self._index_max_id \
                or self._index.garbage > 0.3:
            self._build_index()
        elif max_id > self._index_max_id:
            new_ids = [r[0] for r in self.store.conn.execute("SELECT id FROM entities WHERE id > ?",
                                                             (self._index_max_id,))]
            self._refresh(new_ids)
            self._index_max_id = max_id
        assert self._index is not None
        return self._index

    def _build_index(self) -> None:
        def rows() -> Iterable[tuple[int, str, str, bool]]:
            cur = self.store.conn.execute("SELECT id, type, name, aliases FROM entities ORDER BY id")
            for eid, type_, name, aliases in cur:
                yield eid, type_, name, True
                for a in dict.fromkeys(json.loads(aliases or "[]")):
                    if a != name:
                        yield eid, type_, a, False

        self._index = NameIndex(rows())
        self._index_max_id = int(self.store.scalar("SELECT MAX(id) FROM entities") or 0)
        self._index_data_version = int(self.store.conn.execute("PRAGMA data_version").fetchone()[0])

    def _refresh(self, entity_ids: Iterable[int]) -> None:
        if self._index is None:
            return
        ids = list(entity_ids)
        for e in ids:
            self._index.remove_owner(e)
        for r in self.store.rows_by_ids("entities", ids):
            self._index.add(r["id"], r["type"], [r["name"], *json.loads(r["aliases"] or "[]")])

    def _on_changes(self, changes: Changes) -> None:
        if self._index is not None and changes.entities:
            self._refresh(changes.entities)
            self._index_max_id = max(self._index_max_id, *changes.entities)
