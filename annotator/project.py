"""The Project facade: the one object that owns a project's database.

    project = Project.open("projects/demo", actor="lan")
    changes = project.spans.add(doc_id=1, start=0, end=6, label="LOC")
    project.undo()

Sub-APIs: ``documents``, ``spans``, ``links``, ``entities``, ``people``, ``claims`` (review),
``search``, ``history``. Every change is one transaction, writes one event, and returns
:class:`~annotator.model.Changes`. Use a Project from one thread at a time.
"""

from __future__ import annotations

import getpass
import json
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from annotator import messages as M
from annotator.errors import PermissionDenied, ProjectError
from annotator.messages import say
from annotator.model import Changes, EventId, Role
from annotator.schema import Schema, default_schema, load_schema, schema_from_json
from annotator.store import Operation, Store, replay, resolve_path

Listener = Callable[[Changes], None]


def default_actor() -> str:
    """Who is working: ANNOTATOR_USER, else the login name."""
    name = os.environ.get("ANNOTATOR_USER")
    if name:
        return name
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name on some systems
        return "annotator"


class Project:
    """An open project. Create with :meth:`create` or :meth:`open`."""

    def __init__(self, store: Store, *, actor: str | None = None) -> None:
        from annotator.documents import Documents
        from annotator.entities import Entities
        from annotator.people import People
        from annotator.review import Claims
        from annotator.search import Search
        from annotator.spans import Links, Spans

        self.store = store
        self.actor: str = actor or default_actor()
        self._unlocked: set[str] = set()
        self._listeners: list[Listener] = []
        raw = store.get_setting("schema")
        self._schema: Schema = schema_from_json(raw) if raw else default_schema()
        self.documents = Documents(self)
        self.spans = Spans(self)
        self.links = Links(self)
        self.entities = Entities(self)
        self.people = People(self)
        self.claims = Claims(self)
        self.search = Search(self)
        self.history = History(self)

    # ---- opening --------------------------------------------------------------------------

    @classmethod
    def create(cls, path: str | os.PathLike[str], *, schema: Schema | str | os.PathLike[str] | None = None,
               actor: str | None = None, exist_ok: bool = False) -> Project:
        """Create a new project at ``path`` (a folder, or a ``.annotator`` file)."""
        db = resolve_path(path)
        if db.exists() and not exist_ok:
            raise ProjectError(f"{path}: a project exists here already")
        store = Store(path, create=True)
        if store.get_setting("schema") is None:
            sch = schema if isinstance(schema, Schema) else load_schema(Path(schema)) if schema else default_schema()
            with store.transaction():
                store.set_setting("schema", sch.to_json())
                store.set_setting("created_with", "annotator")
        return cls(store, actor=actor)

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, actor: str | None = None) -> Project:
        """Open an existing project, migrating an older one; a newer one is refused untouched."""
        return cls(Store(path), actor=actor)

    @property
    def path(self) -> Path:
        return self.store.path

    @property
    def name(self) -> str:
        p = self.store.path
        return p.parent.name if p.name == "project.db" else p.stem

    def close(self) -> None:
        self.store.close()

    @property
    def closed(self) -> bool:
        return self.store.closed

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- schema ---------------------------------------------------------------------------

    @property
    def schema(self) -> Schema:
        return self._schema

    def reload_schema(self) -> Schema:
        """Read the schema again from the database (another connection may have changed it)."""
        raw = self.store.get_setting("schema")
        self._schema = schema_from_json(raw) if raw else default_schema()
        return self._schema

    def set_schema(self, schema: Schema) -> Changes:
        """Replace the label schema (labels in use must stay)."""
        used = {r[0] for r in self.store.conn.execute("SELECT DISTINCT label FROM spans")}
        missing = sorted(used - set(schema.label_names()))
        if missing:
            from annotator.errors import ValidationError

            raise ValidationError(f"the new schema lacks labels in use: {', '.join(missing)}")
        with self.operation("schema.set", summary={"name": schema.name}, undoable=False) as op:
            self.store.set_setting("schema", schema.to_json())
            op.schema_changed = True
        self._schema = schema
        return op.result

    # ---- roles ----------------------------------------------------------------------------

    def unlock(self, passphrase: str) -> None:
        """Unlock editor actions for the acting person (checks the stored scrypt hash)."""
        self.people.verify(self.actor, passphrase)
        self._unlocked.add(self.actor)

    def lock(self) -> None:
        self._unlocked.discard(self.actor)

    @property
    def is_editor(self) -> bool:
        person = self.people.find(self.actor)
        return person is not None and person.role == Role.EDITOR

    @property
    def editor_unlocked(self) -> bool:
        return self.is_editor and self.actor in self._unlocked

    def require_editor(self, what: str) -> None:
        if not self.is_editor:
            raise PermissionDenied(say(M.NOT_AN_EDITOR, what=what, person=self.actor))
        if self.actor not in self._unlocked:
            raise PermissionDenied(say(M.MUST_UNLOCK, what=what, person=self.actor))

    # ---- changes ------------------------------------------------------------------------------

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener(changes)`` after every committed change; returns an unsubscribe."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    @contextmanager
    def operation(self, op: str, *, summary: dict[str, Any] | None = None,
                  undoable: bool = True) -> Iterator[Operation]:
        """One change: a transaction, one event, and ``operation.result`` (the Changes) after."""
        operation = Operation(self.store, op, self.actor, undoable=undoable, summary=summary)
        with self.store.transaction():
            if op not in {"people.add", "schema.set"}:
                self.people.ensure_actor(operation)
            yield operation
            event = operation.write_event()
        operation.result = operation.changes(event)
        if not operation.result.empty:
            for listener in list(self._listeners):
                listener(operation.result)

    # ---- undo -------------------------------------------------------------------------------

    def undo(self, event_id: EventId | int | None = None) -> Changes:
        """Revert one event (the actor's latest undoable one by default)."""
        return self.history.revert(event_id)

    def redo(self, event_id: EventId | int | None = None) -> Changes:
        """Apply an undone event again (the latest undone one by default)."""
        return self.history.reapply(event_id)


class History:
    """The event log, and undo/redo built on it. The log is append-only: undo adds an event."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self.store = project.store

    def events(self, *, limit: int = 200, op_prefix: str | None = None, actor: str | None = None,
               claim_id: int | None = None) -> list[dict[str, Any]]:
        where: list[str] = []
        params: list[Any] = []
        if op_prefix:
            where.append("op LIKE ?")
            params.append(op_prefix + "%")
        if actor:
            where.append("actor = ?")
            params.append(actor)
        if claim_id is not None:
            where.append("json_extract(summary, '$.claim_id') = ?")
            params.append(claim_id)
        sql = "SELECT id, at, actor, op, summary, undoable, reverts, redoes FROM events"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY id DESC LIMIT ?"
        params.append(limit)
        out = []
        for r in self.store.query(sql, params):
            d = dict(r)
            d["summary"] = json.loads(d["summary"] or "{}")
            out.append(d)
        return out

    def count(self) -> int:
        """How many events the log holds."""
        return int(self.store.scalar("SELECT COUNT(*) FROM events"))

    def is_undoable(self, event_id: int) -> bool:
        """Whether undo may revert this event now: an undoable change, not undone already."""
        r = self.store.one("SELECT undoable FROM events WHERE id = ?", (event_id,))
        return bool(r and r["undoable"]) and not self.is_undone(event_id)

    def is_undone(self, event_id: int) -> bool:
        """An event is undone when its latest undo is newer than its latest redo."""
        last_undo = self.store.scalar("SELECT MAX(id) FROM events WHERE reverts = ?", (event_id,))
        if last_undo is None:
            return False
        last_redo = self.store.scalar("SELECT MAX(id) FROM events WHERE redoes = ?", (event_id,))
        return last_redo is None or last_undo > last_redo

    def _rows(self, event_id: int) -> tuple[str, list[list[Any]]]:
        r = self.store.one("SELECT op, rows, undoable FROM events WHERE id = ?", (event_id,))
        if r is None:
            raise ProjectError(f"no event {event_id}")
        if not r["undoable"]:
            raise ProjectError(f"event {event_id} ({r['op']}) cannot be undone")
        return r["op"], json.loads(r["rows"])

    def last_undoable(self) -> int | None:
        for r in self.store.query(
            "SELECT id FROM events WHERE undoable = 1 AND actor IS ? ORDER BY id DESC LIMIT 200",
            (self.project.actor,),
        ):
            if not self.is_undone(r["id"]):
                return int(r["id"])
        return None

    def last_undone(self) -> int | None:
        """The event a redo would apply: the newest undo not yet redone, unless a new change came after."""
        for r in self.store.query(
            "SELECT id, undoable, reverts, redoes FROM events WHERE actor IS ? AND (undoable = 1 OR reverts IS NOT NULL "
            "OR redoes IS NOT NULL) ORDER BY id DESC LIMIT 500",
            (self.project.actor,),
        ):
            if r["undoable"]:
                return None  # a new change clears the redo stack
            if r["reverts"] is not None and self.is_undone(r["reverts"]):
                return int(r["reverts"])
        return None

    def revert(self, event_id: EventId | int | None = None) -> Changes:
        """Undo an event (the actor's latest undoable one by default): a new event reverting it."""
        return self._replay(self.last_undoable() if event_id is None else int(event_id), undo=True)

    def reapply(self, event_id: EventId | int | None = None) -> Changes:
        """Redo an undone event (the latest undone one by default): a new event applying it again."""
        return self._replay(self.last_undone() if event_id is None else int(event_id), undo=False)

    def _replay(self, target: int | None, *, undo: bool) -> Changes:
        verb = "undo" if undo else "redo"
        if target is None:
            raise ProjectError(say(M.NOTHING_TO_UNDO if undo else M.NOTHING_TO_REDO))
        if self.is_undone(target) == undo:
            raise ProjectError(f"event {target} is undone already" if undo else f"event {target} is not undone")
        op_name, rows = self._rows(target)
        self.project.claims.check_replay(rows)
        with self.project.operation(f"{verb}:{op_name}", summary={"event": target}) as op:
            if undo:
                op.reverts = target
            else:
                op.redoes = target
            replay(op, rows, backwards=undo)
        return op.result
