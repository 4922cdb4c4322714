"""Suggesting spans from recognisers: figures (and the document references they are told from).

Proposals are stored as suggested spans. Running again never duplicates a span, and a suggestion
that was rejected is not proposed again for that document.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from annotator.documents import Cancelled
from annotator.model import Changes, Origin, SpanState

if TYPE_CHECKING:
    from annotator.project import Project

Progress = Callable[[int, int | None], bool | None]


@dataclass
class SuggestResult:
    documents: int = 0
    proposed: int = 0
    added: int = 0
    by_label: dict[str, int] = field(default_factory=dict)
    changes: Changes | None = None


def suggest_figures(project: Project, doc_ids: Sequence[int] | None = None, *,
                    progress: Progress | None = None) -> SuggestResult:
    """Run the figure recogniser over documents (all by default) as ONE undoable step.

    ``progress(done, total)`` may return False to cancel; nothing is stored then.
    """
    from annotator.figures import recognise

    ids = list(doc_ids) if doc_ids is not None else project.documents.ids()
    result = SuggestResult()
    known = set(project.schema.label_names())
    with project.operation("suggest.figures", summary={"documents": len(ids)}) as op:
        for n, doc_id in enumerate(ids, 1):
            doc = project.documents.get(doc_id)
            proposals = [s.to_record() for s in recognise(doc.text, language=doc.language) if s.label in known]
            result.proposed += len(proposals)
            added = project.spans.add_many_in(op, doc_id, proposals, origin=Origin.SUGGESTED,
                                              state=SpanState.SUGGESTED)
            result.added += added
            result.documents += 1
            if progress is not None and progress(n, len(ids)) is False:
                raise Cancelled("suggesting cancelled; nothing was stored")
        for table, _id, _before, after in op.rows:
            if table == "spans" and after is not None:
                result.by_label[after["label"]] = result.by_label.get(after["label"], 0) + 1
        op.summary.update(proposed=result.proposed, added=result.added)
    result.changes = op.result
    return result
