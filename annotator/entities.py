"""Canonical entities: the people, organisations and places that mention spans link to."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from annotator.errors import NotFoundError, ValidationError
from annotator.model import Changes, Entity, EntityId

if TYPE_CHECKING:
    from annotator.project import Project


def entity_from_row(r: Any) -> Entity:
    return Entity(id=EntityId(r["id"]), name=r["name"], type=r["type"], aliases=tuple(json.loads(r["aliases"] or "[]")),
                  external_id=r["external_id"], notes=r["notes"] or "", uid=r["uid"])


class Entities:
    def __init__(self, project: Project) -> None:
        self.project = project
        self.store = project.store

    def get(self, entity_id: int) -> Entity:
        r = self.store.one("SELECT * FROM entities WHERE id = ?", (entity_id,))
        if r is None:
            raise NotFoundError(f"no entity with id {entity_id}")
        return entity_from_row(r)

    def list(self, *, type: str | None = None) -> list[Entity]:
        if type:
            rows = self.store.query("SELECT * FROM entities WHERE type = ? ORDER BY name COLLATE NOCASE, id", (type,))
        else:
            rows = self.store.query("SELECT * FROM entities ORDER BY name COLLATE NOCASE, id")
        return [entity_from_row(r) for r in rows]

    def find(self, name: str, type: str | None = None) -> Entity | None:
        sql, params = "SELECT * FROM entities WHERE name = ?", [name]
        if type:
            sql += " AND type = ?"
            params.append(type)
        r = self.store.one(sql + " ORDER BY id LIMIT 1", params)
        return None if r is None else entity_from_row(r)

    def mention_counts(self) -> dict[int, int]:
        return {e: n for e, n in self.store.conn.execute(
            "SELECT entity_id, COUNT(*) FROM spans WHERE entity_id IS NOT NULL AND state != 'rejected' GROUP BY entity_id")}

    def mentions(self, entity_id: int) -> list[Any]:
        ids = [r[0] for r in self.store.conn.execute(
            "SELECT id FROM spans WHERE entity_id = ? ORDER BY doc_id, start", (entity_id,))]
        return self.project.spans.get_many(ids)

    def add(self, *, name: str, type: str, aliases: Sequence[str] = (), external_id: str | None = None,
            notes: str = "") -> Changes:
        name = name.strip()
        if not name:
            raise ValidationError("an entity needs a name")
        with self.project.operation("entities.add", summary={"name": name, "type": type}) as op:
            eid = op.insert("entities", {"name": name, "type": type, "aliases": list(dict.fromkeys(aliases)),
                                         "external_id": external_id, "notes": notes,
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
        if "name" in values and not str(values["name"]).strip():
            raise ValidationError("an entity needs a name")
        if "aliases" in values:
            values["aliases"] = list(dict.fromkeys(values["aliases"]))
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
