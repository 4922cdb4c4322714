"""The SQLite store: connection, schema migrations, transactions and recorded operations.

A project is one SQLite database in WAL mode. Its schema version is ``PRAGMA user_version``;
migrations are ordered and each runs in one transaction. This module and the Project sub-APIs
are the only places that run SQL.

Every change goes through an :class:`Operation`: it records the rows it inserts, updates and
deletes (before and after), writes one event to the append-only ``events`` table and returns
:class:`~annotator.model.Changes`. Undo and redo replay those rows, so they work the same from
the CLI and the window.
"""

from __future__ import annotations

import itertools
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from annotator import messages as M
from annotator.errors import NewerProjectError, NotFoundError, ProjectError
from annotator.messages import say
from annotator.model import Changes, EventId

# SQLite's default limit is 32766 host parameters on 3.32+, 999 before: stay well below.
BATCH = 500

_M1 = [
    """CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)""",
    """CREATE TABLE documents (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        uid TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL,
        text_hash TEXT NOT NULL,
        length INTEGER NOT NULL,
        status TEXT NOT NULL DEFAULT 'new'
            CHECK (status IN ('new', 'in_progress', 'annotated', 'reviewed')),
        source_url TEXT, published TEXT, language TEXT, imported_from TEXT, ext_id TEXT,
        meta TEXT NOT NULL DEFAULT '{}',
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL)""",
    "CREATE INDEX documents_hash ON documents(text_hash)",
    "CREATE INDEX documents_status ON documents(status)",
    # the document list filters titles: scanning this index never reads the texts
    "CREATE INDEX documents_titles ON documents(title, status)",
    """CREATE TRIGGER documents_text_frozen BEFORE UPDATE OF text ON documents
        WHEN NEW.text IS NOT OLD.text
        BEGIN SELECT RAISE(ABORT, 'document text never changes after import'); END""",
    """CREATE TABLE entities (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        uid TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL, type TEXT NOT NULL,
        aliases TEXT NOT NULL DEFAULT '[]', external_id TEXT, notes TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL)""",
    "CREATE INDEX entities_name ON entities(name)",
    """CREATE TABLE spans (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        uid TEXT NOT NULL UNIQUE,
        doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        label TEXT NOT NULL, layer TEXT NOT NULL,  -- entity, figure, claim (checked by the core)
        attrs TEXT NOT NULL DEFAULT '{}',
        origin TEXT NOT NULL,  -- manual, suggested, imported
        state TEXT NOT NULL,  -- accepted, suggested, rejected
        annotator TEXT,
        entity_id INTEGER REFERENCES entities(id) ON DELETE SET NULL,
        gold INTEGER NOT NULL DEFAULT 0,
        ext_id TEXT,
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL)""",
    "CREATE INDEX spans_doc ON spans(doc_id, start)",
    "CREATE INDEX spans_entity ON spans(entity_id) WHERE entity_id IS NOT NULL",
    "CREATE INDEX spans_gold ON spans(doc_id) WHERE gold = 1",
    """CREATE TABLE links (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        uid TEXT NOT NULL UNIQUE,
        doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        source_id INTEGER NOT NULL REFERENCES spans(id) ON DELETE CASCADE,
        target_id INTEGER NOT NULL REFERENCES spans(id) ON DELETE CASCADE,
        role TEXT NOT NULL, annotator TEXT, ext_id TEXT, created_at TEXT NOT NULL,
        UNIQUE (source_id, target_id, role))""",
    "CREATE INDEX links_target ON links(target_id)",
    "CREATE INDEX links_doc ON links(doc_id)",
    """CREATE TABLE people (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        uid TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL UNIQUE,
        role TEXT NOT NULL CHECK (role IN ('annotator', 'editor')),
        pass_hash TEXT, created_at TEXT NOT NULL)""",
    """CREATE TABLE events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        uid TEXT NOT NULL UNIQUE,
        at TEXT NOT NULL, actor TEXT, op TEXT NOT NULL,
        summary TEXT NOT NULL DEFAULT '{}',
        rows TEXT,
        undoable INTEGER NOT NULL DEFAULT 0,
        reverts INTEGER REFERENCES events(id),
        redoes INTEGER REFERENCES events(id))""",
    "CREATE INDEX events_reverts ON events(reverts) WHERE reverts IS NOT NULL",
    "CREATE INDEX events_redoes ON events(redoes) WHERE redoes IS NOT NULL",
    """CREATE TRIGGER events_no_update BEFORE UPDATE ON events
        BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END""",
    """CREATE TRIGGER events_no_delete BEFORE DELETE ON events
        BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END""",
]

_M2 = [
    # review state of claim spans; its history is in the event log
    """CREATE TABLE claims (
        span_id INTEGER PRIMARY KEY REFERENCES spans(id) ON DELETE CASCADE,
        state TEXT NOT NULL DEFAULT 'draft',
        verdict TEXT, rating_text TEXT, rationale TEXT,
        evidence TEXT NOT NULL DEFAULT '[]',
        reviewer TEXT, reviewed_at TEXT, published_at TEXT,
        updated_at TEXT NOT NULL)""",
    "CREATE INDEX claims_state ON claims(state)",
]

_M3 = [
    # Diacritic-insensitive search: the folded text (đ → d as well) in a contentless FTS5 index.
    """CREATE VIRTUAL TABLE docs_fts USING fts5(
        title, body, content='', tokenize='unicode61 remove_diacritics 2')""",
    "ALTER TABLE documents ADD COLUMN indexed INTEGER NOT NULL DEFAULT 0",
    "CREATE INDEX documents_unindexed ON documents(id) WHERE indexed = 0",
]

_M4 = [
    # merge conflicts kept for a person to settle (two decisions on one claim, two renames …)
    """CREATE TABLE conflicts (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        uid TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        target_uid TEXT,
        local TEXT NOT NULL DEFAULT '{}',
        other TEXT NOT NULL DEFAULT '{}',
        source TEXT,
        created_at TEXT NOT NULL,
        resolved_at TEXT, resolved_by TEXT, resolution TEXT)""",
    "CREATE INDEX conflicts_open ON conflicts(kind) WHERE resolved_at IS NULL",
    # a merge looks up the settled conflicts of each row it meets again (versions a person rejected):
    # without this, merging after 10,000 settled conflicts took 17 s instead of 0.5 s
    "CREATE INDEX conflicts_target ON conflicts(kind, target_uid)",
]

MIGRATIONS: list[list[str]] = [_M1, _M2, _M3, _M4]
SCHEMA_VERSION = len(MIGRATIONS)

TABLE_KIND = {
    "documents": "documents",
    "spans": "spans",
    "entities": "entities",
    "links": "links",
    "claims": "claims",
    "people": "people",
    "conflicts": "conflicts",
}
# primary key column of each recorded table
TABLE_KEY = {"claims": "span_id"}
JSON_COLUMNS = {"attrs", "meta", "aliases", "evidence", "summary", "local", "other"}


def now() -> str:
    """UTC timestamp, ISO 8601 with milliseconds."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class _Uids:
    """Unique ids that stay unique across copies of a project: random prefix + counter.

    A new prefix is drawn in each process (a forked child never repeats its parent's ids).
    """

    def __init__(self) -> None:
        self._pid = -1
        self._reset()

    def _reset(self) -> None:
        self._prefix = os.urandom(6).hex()
        self._count = itertools.count(1)
        self._pid = os.getpid()

    def __call__(self) -> str:
        # next() on itertools.count is atomic under the GIL: no lock needed
        return f"{self._prefix}{next(self._count):06x}"

    def after_fork(self) -> None:
        self._reset()


new_uid = _Uids()
if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=new_uid.after_fork)


def migrate(conn: sqlite3.Connection, path: str, *, target: int = SCHEMA_VERSION) -> int:
    """Bring the database to ``target``; refuse one written by a newer version (untouched)."""
    found = conn.execute("PRAGMA user_version").fetchone()[0]
    if found > SCHEMA_VERSION:
        raise NewerProjectError(path, found, SCHEMA_VERSION)
    for version in range(found + 1, target + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in MIGRATIONS[version - 1]:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {version}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return found


def resolve_path(path: str | os.PathLike[str]) -> Path:
    """A project is a folder holding ``project.db``; a ``.annotator``/``.db`` file is one too."""
    p = Path(path)
    if p.suffix.lower() in {".annotator", ".db", ".sqlite"} and not p.is_dir():
        return p
    return p / "project.db"


class Store:
    """One connection to a project database. Use from one thread at a time."""

    def __init__(self, path: str | os.PathLike[str], *, create: bool = False) -> None:
        self.path = resolve_path(path)
        if not create and not self.path.exists():
            raise ProjectError(f"{path}: no project here (expected {self.path}); create one with 'annotator init'")
        if create:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        if self.path.exists():
            with self.path.open("rb") as fh:
                head = fh.read(16)
            if head and head != b"SQLite format 3\x00":
                raise ProjectError(f"{self.path}: not an Annotator project (not an SQLite database)")
        try:
            conn = sqlite3.connect(str(self.path), isolation_level=None, check_same_thread=False)
            conn.execute("PRAGMA foreign_keys = ON")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                conn.close()
                raise NewerProjectError(str(self.path), version, SCHEMA_VERSION)
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA busy_timeout = 5000")
        except sqlite3.DatabaseError as exc:
            raise ProjectError(f"{self.path}: cannot open ({exc})") from None
        self.conn = conn
        self.migrated_from = migrate(conn, str(self.path))
        self._db: Any = None
        self._depth = 0
        self._savepoints = itertools.count()
        self.closed = False

    @property
    def db(self) -> Any:
        """The same connection as a ``sqlite_utils.Database``, for scripts and inspection.

        Imported on first use: sqlite-utils pulls in pandas when it is installed (~300 ms, ~100 MB),
        which no window or command needs.
        """
        if self._db is None:
            import sqlite_utils

            self._db = sqlite_utils.Database(self.conn)
        return self._db

    def close(self) -> None:
        if not self.closed:
            self.closed = True
            try:
                self.conn.execute("PRAGMA optimize")
            finally:
                self.conn.close()

    # ---- transactions -----------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One transaction; nested calls become savepoints."""
        if self._depth == 0:
            self.conn.execute("BEGIN IMMEDIATE")
            self._depth = 1
            try:
                yield self.conn
            except BaseException:
                self._depth = 0
                self.conn.execute("ROLLBACK")
                raise
            else:
                self._depth = 0
                self.conn.execute("COMMIT")
        else:
            name = f"sp{next(self._savepoints)}"
            self.conn.execute(f"SAVEPOINT {name}")
            self._depth += 1
            try:
                yield self.conn
            except BaseException:
                self.conn.execute(f"ROLLBACK TO {name}")
                self.conn.execute(f"RELEASE {name}")
                raise
            else:
                self.conn.execute(f"RELEASE {name}")
            finally:
                self._depth -= 1

    @property
    def in_transaction(self) -> bool:
        return self._depth > 0

    # ---- reading ----------------------------------------------------------------------------

    def query(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[sqlite3.Row]:
        cur = self.conn.execute(sql, params)
        cur.row_factory = sqlite3.Row  # type: ignore[assignment]
        return cur.fetchall()

    def one(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> sqlite3.Row | None:
        cur = self.conn.execute(sql, params)
        cur.row_factory = sqlite3.Row  # type: ignore[assignment]
        return cur.fetchone()

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self.conn.execute(sql, params).fetchone()
        return None if row is None else row[0]

    def rows_by_ids(self, table: str, ids: Iterable[int], *, key: str = "id") -> list[dict[str, Any]]:
        """Rows of ``table`` for many ids, in batches (no 'too many SQL variables')."""
        out: list[dict[str, Any]] = []
        ids = list(ids)
        for k in range(0, len(ids), BATCH):
            chunk = ids[k : k + BATCH]
            marks = ",".join("?" * len(chunk))
            out.extend(dict(r) for r in self.query(f'SELECT * FROM {table} WHERE "{key}" IN ({marks})', chunk))
        return out

    def row(self, table: str, id_: int) -> dict[str, Any]:
        key = TABLE_KEY.get(table, "id")
        r = self.one(f'SELECT * FROM {table} WHERE "{key}" = ?', (id_,))
        if r is None:
            raise NotFoundError(f"no {table[:-1]} with id {id_}")
        return dict(r)

    def get_setting(self, key: str, default: str | None = None) -> str | None:
        r = self.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return default if r is None else r[0]

    def set_setting(self, key: str, value: str) -> None:
        self.conn.execute(
            "INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )


# ---- operations -------------------------------------------------------------------------------


def _cols(row: dict[str, Any]) -> str:
    return ", ".join(f'"{c}"' for c in row)


class Operation:
    """Records one change to the project: rows before and after, one event, the Changes.

    Use through ``Project.operation(...)``. ``undoable=False`` records only a summary (bulk
    imports: undo them by deleting what they brought).
    """

    def __init__(self, store: Store, op: str, actor: str | None, *, undoable: bool = True,
                 summary: dict[str, Any] | None = None) -> None:
        self.store = store
        self.op = op
        self.actor = actor
        self.undoable = undoable
        self.summary: dict[str, Any] = dict(summary or {})
        self.rows: list[tuple[str, int, dict[str, Any] | None, dict[str, Any] | None]] = []
        self.touched: dict[str, set[int]] = {k: set() for k in set(TABLE_KIND.values())}
        self.schema_changed = False
        self.reverts: int | None = None
        self.redoes: int | None = None
        self.time = now()
        self.result: Changes = Changes()

    @property
    def conn(self) -> sqlite3.Connection:
        return self.store.conn

    def touch(self, kind: str, *ids: int) -> None:
        self.touched[kind].update(ids)

    def _record(self, table: str, id_: int, before: dict[str, Any] | None, after: dict[str, Any] | None) -> None:
        if table in TABLE_KIND:
            self.touched[TABLE_KIND[table]].add(id_)
            if table in ("spans", "links") and (after or before):
                doc = (after or before or {}).get("doc_id")
                if doc is not None:
                    self.touched["documents"].add(int(doc))
        if self.undoable:
            if table == "documents":  # the text never changes: keep it out of the log
                before = None if before is None else {k: v for k, v in before.items() if k != "text"}
                after = None if after is None else {k: v for k, v in after.items() if k != "text"}
            self.rows.append((table, id_, before, after))

    def insert(self, table: str, row: dict[str, Any]) -> int:
        """Insert one row (``uid`` added when the table has one and it is missing)."""
        if table in ("documents", "spans", "entities", "links", "people", "conflicts") and "uid" not in row:
            row = {**row, "uid": new_uid()}
        row = {k: _db_value(k, v) for k, v in row.items()}
        cur = self.conn.execute(
            f"INSERT INTO {table} ({_cols(row)}) VALUES ({', '.join('?' * len(row))})", list(row.values())
        )
        key = TABLE_KEY.get(table, "id")
        id_ = int(row[key]) if key in row and row[key] is not None else int(cur.lastrowid or 0)
        full = dict(row)
        full[key] = id_
        self._record(table, id_, None, full if self.undoable else None)
        return id_

    def update(self, table: str, id_: int, values: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
        """Update columns of one row; records only the columns that really change."""
        key = TABLE_KEY.get(table, "id")
        current = self.store.row(table, id_)
        values = {k: _db_value(k, v) for k, v in values.items()}
        changed = {k: v for k, v in values.items() if current.get(k) != v}
        if not changed:
            return {}, {}
        if "updated_at" in current and "updated_at" not in values:
            changed["updated_at"] = self.time
        sets = ", ".join(f'"{c}" = ?' for c in changed)
        self.conn.execute(f'UPDATE {table} SET {sets} WHERE "{key}" = ?', [*changed.values(), id_])
        before = {k: current.get(k) for k in changed}
        self._record(table, id_, before, dict(changed))
        return before, changed

    def delete(self, table: str, id_: int) -> dict[str, Any]:
        """Delete one row, first recording (and deleting) what would cascade with it."""
        key = TABLE_KEY.get(table, "id")
        current = self.store.row(table, id_)
        if table == "spans":
            for (lid,) in self.conn.execute(
                "SELECT id FROM links WHERE source_id = ? OR target_id = ?", (id_, id_)
            ).fetchall():
                self.delete("links", lid)
            if self.conn.execute("SELECT 1 FROM claims WHERE span_id = ?", (id_,)).fetchone():
                self.delete("claims", id_)
        elif table == "entities":
            for (sid,) in self.conn.execute("SELECT id FROM spans WHERE entity_id = ?", (id_,)).fetchall():
                self.update("spans", sid, {"entity_id": None})
        elif table == "documents":
            for (sid,) in self.conn.execute("SELECT id FROM spans WHERE doc_id = ?", (id_,)).fetchall():
                self.delete("spans", sid)
        self.conn.execute(f'DELETE FROM {table} WHERE "{key}" = ?', (id_,))
        self._record(table, id_, current, None)
        return current

    def write_event(self) -> EventId:
        rows = json.dumps([list(r) for r in self.rows], ensure_ascii=False) if self.undoable else None
        cur = self.conn.execute(
            "INSERT INTO events (uid, at, actor, op, summary, rows, undoable, reverts, redoes) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (new_uid(), self.time, self.actor, self.op, json.dumps(self.summary, ensure_ascii=False, default=str),
             rows, int(self.undoable and bool(self.rows) and self.reverts is None and self.redoes is None),
             self.reverts, self.redoes),
        )
        return EventId(int(cur.lastrowid or 0))

    def changes(self, event_id: EventId | None) -> Changes:
        t = self.touched
        return Changes(
            documents=frozenset(t["documents"]), spans=frozenset(t["spans"]), entities=frozenset(t["entities"]),
            links=frozenset(t["links"]), claims=frozenset(t["claims"]), people=frozenset(t["people"]),
            conflicts=frozenset(t["conflicts"]),
            schema=self.schema_changed, event_id=event_id, op=self.op,
        )


def _db_value(column: str, value: Any) -> Any:
    if column in JSON_COLUMNS and not isinstance(value, str | None):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if isinstance(value, bool):
        return int(value)
    if hasattr(value, "value") and isinstance(getattr(value, "value", None), str):  # StrEnum
        return str(value)
    return value


def replay(op: Operation, rows: list[list[Any]], *, backwards: bool) -> None:
    """Apply recorded rows forwards (redo) or backwards (undo) through ``op``.

    Raises ProjectError when a row was changed since, so an undo never overwrites later work.
    """
    seq = reversed(rows) if backwards else rows
    for table, id_, before, after in seq:
        old, new = (after, before) if backwards else (before, after)
        key = TABLE_KEY.get(table, "id")
        current = op.store.one(f'SELECT * FROM {table} WHERE "{key}" = ?', (id_,))
        if old is None:  # row must not exist; insert new
            if current is not None:
                raise ProjectError(f"cannot replay: {table[:-1]} {id_} exists again")
            assert new is not None
            if table == "documents":
                raise ProjectError("cannot bring back a deleted document by undo")
            op.insert(table, dict(new))
        else:  # delete, or update
            if current is None:
                raise ProjectError(say(M.GONE_SINCE, row=table[:-1], id=id_))
            cur = dict(current)
            # a row to delete must be as recorded (its text is not in the log); a row to update
            # too, but for the time of its last change
            ignored = "text" if new is None else "updated_at"
            if any(cur.get(k) != v for k, v in old.items() if k != ignored):
                raise ProjectError(say(M.CHANGED_SINCE, row=table[:-1], id=id_,
                                       columns=", ".join(k for k, v in old.items() if cur.get(k) != v)))
            if new is None:
                op.delete(table, id_)
            else:
                op.update(table, id_, dict(new))
