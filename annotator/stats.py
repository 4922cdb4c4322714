"""Project statistics for ``annotator stats``: counts read through the project's sub-APIs."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from annotator.store import SCHEMA_VERSION

if TYPE_CHECKING:
    from annotator.project import Project


def project_stats(project: Project) -> dict[str, Any]:
    by_status = project.documents.status_counts()
    by_state = project.spans.counts_by("state")
    return {
        "name": project.name,
        "path": str(project.path),
        "schema": project.schema.name,
        "schema_version": SCHEMA_VERSION,
        "documents": {"total": sum(by_status.values()), "by_status": by_status},
        "spans": {"total": sum(by_state.values()), "by_state": by_state,
                  "by_label": project.spans.counts_by("label", state="accepted"),
                  "by_layer": project.spans.counts_by("layer", state="accepted")},
        "entities": project.entities.count(),
        "links": project.links.count(),
        "claims": {s: n for s, n in sorted(project.claims.counts().items()) if n},
        "people": {p.name: str(p.role) for p in project.people.list()},
        "events": project.history.count(),
    }
