"""Claims and their review (state machine, roles). See issue 6."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from annotator.errors import PermissionDenied
from annotator.model import Layer, Span

if TYPE_CHECKING:
    from annotator.project import Project

# states in which the annotator can no longer change the claim
LOCKED_STATES = frozenset({"in_review", "decided", "published"})


class Claims:
    def __init__(self, project: Project) -> None:
        self.project = project
        self.store = project.store

    def state(self, span_id: int) -> str | None:
        return self.store.scalar("SELECT state FROM claims WHERE span_id = ?", (span_id,))

    def check_span_editable(self, span: Span) -> None:
        """An annotator cannot change a claim (or its links) once it is in review."""
        if span.layer != Layer.CLAIM:
            return
        st = self.state(span.id)
        if st in LOCKED_STATES and not self.project.editor_unlocked:
            raise PermissionDenied(f"claim {span.id} is {st.replace('_', ' ')}: only an unlocked editor may change it")

    def check_doc_editable(self, doc_id: int, start: int, end: int) -> None:
        """Adding spans is always allowed; links to locked claims are checked by the links API."""

    def check_replay(self, rows: list[list[Any]]) -> None:
        """Undo/redo may not change a claim under review unless an editor is unlocked."""
        if self.project.editor_unlocked:
            return
        for table, id_, before, after in rows:
            span_id = None
            if table == "claims":
                span_id = id_
            elif table == "spans" and ((before or after or {}).get("layer") == "claim" or table == "spans"):
                span_id = id_
            elif table == "links":
                span_id = (before or after or {}).get("source_id")
            if span_id is not None:
                st = self.state(int(span_id))
                if st in LOCKED_STATES:
                    raise PermissionDenied(f"claim {span_id} is {st.replace('_', ' ')}: this cannot be undone by an annotator")
