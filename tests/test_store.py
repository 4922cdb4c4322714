"""The store: WAL, migrations from every earlier version, newer versions refused, append-only log."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from annotator.errors import NewerProjectError, ProjectError
from annotator.project import Project
from annotator.store import MIGRATIONS, SCHEMA_VERSION, migrate


def _db_at(path: Path, version: int) -> None:
    """A database as an older Annotator (schema ``version``) left it, with data in it."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    migrate(conn, str(path), target=version)
    t = "2026-01-01T00:00:00.000Z"
    conn.execute("INSERT INTO documents (uid, title, text, text_hash, length, created_at, updated_at) "
                 "VALUES ('d1', 'Old', 'Sơn La có 595 Đảng bộ', 'h', 21, ?, ?)", (t, t))
    conn.execute("INSERT INTO spans (uid, doc_id, start, \"end\", label, layer, origin, state, created_at, updated_at) "
                 "VALUES ('s1', 1, 0, 6, 'LOC', 'entity', 'manual', 'accepted', ?, ?)", (t, t))
    conn.execute("INSERT INTO settings (key, value) VALUES ('schema', ?)",
                 (Project.create.__globals__["default_schema"]().to_json(),))
    conn.close()


@pytest.mark.parametrize("version", range(1, SCHEMA_VERSION))
def test_older_project_is_migrated_on_open(tmp_path: Path, version: int) -> None:
    db = tmp_path / f"v{version}.annotator"
    _db_at(db, version)
    with Project.open(db) as p:
        assert p.store.migrated_from == version
        assert p.store.scalar("PRAGMA user_version") == SCHEMA_VERSION
        assert p.documents.text(1) == "Sơn La có 595 Đảng bộ"
        assert [s.label for s in p.spans.for_doc(1)] == ["LOC"]
        # every later feature works on the migrated data
        assert p.search.find("son la")[0].doc_id == 1
        p.spans.add(doc_id=1, start=10, end=13, label="COUNT", attrs={"value": "595"})


def test_every_migration_is_listed_in_order() -> None:
    assert SCHEMA_VERSION == len(MIGRATIONS) >= 4


def test_newer_project_is_refused_untouched(tmp_path: Path) -> None:
    db = tmp_path / "new.annotator"
    Project.create(db).close()
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = db.read_bytes()
    with pytest.raises(NewerProjectError, match="newer Annotator"):
        Project.open(db)
    assert db.read_bytes() == before


def test_not_a_project(tmp_path: Path) -> None:
    f = tmp_path / "x.annotator"
    f.write_text("hello")
    with pytest.raises(ProjectError, match="not an Annotator project"):
        Project.open(f)
    with pytest.raises(ProjectError, match="no project here"):
        Project.open(tmp_path / "missing")


def test_project_is_one_sqlite_file_in_wal_mode(project: Project) -> None:
    assert project.path.name == "project.db"
    assert project.store.scalar("PRAGMA journal_mode") == "wal"
    tables = {r[0] for r in project.store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"documents", "spans", "entities", "links", "claims", "people", "events", "settings"} <= tables


def test_event_log_is_append_only(project: Project) -> None:
    doc = project.documents.add("Sơn La")
    project.spans.add(doc_id=doc, start=0, end=6, label="LOC")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        project.store.conn.execute("UPDATE events SET actor = 'x'")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        project.store.conn.execute("DELETE FROM events")


def test_document_text_never_changes(project: Project) -> None:
    doc = project.documents.add("Sơn La")
    with pytest.raises(sqlite3.DatabaseError, match="never changes"):
        project.store.conn.execute("UPDATE documents SET text = 'x' WHERE id = ?", (doc,))


def test_nested_transactions_roll_back_to_savepoints(project: Project) -> None:
    store = project.store
    with store.transaction():
        store.set_setting("a", "1")
        with pytest.raises(RuntimeError), store.transaction():
            store.set_setting("b", "2")
            raise RuntimeError
    assert store.get_setting("a") == "1"
    assert store.get_setting("b") is None
