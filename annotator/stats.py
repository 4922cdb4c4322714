"""Project statistics for ``annotator stats`` and the window's status bar."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from annotator.store import SCHEMA_VERSION

if TYPE_CHECKING:
    from annotator.project import Project


def project_stats(project: Project) -> dict[str, Any]:
    conn = project.store.conn
    by_status = project.documents.status_counts()
    by_state = {s: n for s, n in conn.execute("SELECT state, COUNT(*) FROM spans GROUP BY state")}
    by_label = {lab: n for lab, n in conn.execute(
        "SELECT label, COUNT(*) FROM spans WHERE state = 'accepted' GROUP BY label ORDER BY label")}
    by_layer = {lab: n for lab, n in conn.execute(
        "SELECT layer, COUNT(*) FROM spans WHERE state = 'accepted' GROUP BY layer ORDER BY layer")}
    claims = {s: n for s, n in conn.execute("SELECT state, COUNT(*) FROM claims GROUP BY state ORDER BY state")}
    return {
        "name": project.name,
        "path": str(project.path),
        "schema": project.schema.name,
        "schema_version": SCHEMA_VERSION,
        "documents": {"total": sum(by_status.values()), "by_status": by_status},
        "spans": {"total": sum(by_state.values()), "by_state": by_state, "by_label": by_label, "by_layer": by_layer},
        "entities": int(project.store.scalar("SELECT COUNT(*) FROM entities")),
        "links": int(project.store.scalar("SELECT COUNT(*) FROM links")),
        "claims": claims,
        "people": {p.name: str(p.role) for p in project.people.list()},
        "events": int(project.store.scalar("SELECT COUNT(*) FROM events")),
    }
