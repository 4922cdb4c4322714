"""Annotate all occurrences: tag every other place a mention's text occurs, in one undoable step.

    preview = preview_occurrences(project, span_id, scope="project", match="folded")
    print(preview.total, "more places")                    # ask the person first
    tag_occurrences(project, span_id, preview=preview, state="suggested")

Matches are whole words only; ``match="folded"`` also finds the text with other case or
diacritics ("Sơn La" finds "SƠN LA" and "Son La"). Places already tagged with the same label
(or rejected there before) are skipped. The new spans get the source's label and entity link.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from annotator.errors import ValidationError
from annotator.folding import fold
from annotator.model import Changes, Layer, Origin, Span, SpanState
from annotator.variants import CLUSTER_THRESHOLD, NameIndex, is_whole_words, name_key, windows

if TYPE_CHECKING:
    from annotator.project import Project

Scope = Literal["document", "project"]
MatchMode = Literal["exact", "folded"]


@dataclass(frozen=True, slots=True)
class Occurrence:
    doc_id: int
    start: int
    end: int
    text: str
    entity_id: int | None = None  # set when the occurrence proposes a link (gazetteer, clusters)
    label: str | None = None


@dataclass(frozen=True, slots=True)
class OccurrencePreview:
    """What :func:`tag_occurrences` would add: the places, and how many were skipped as tagged."""

    source: Span
    text: str
    scope: Scope
    match: MatchMode
    occurrences: tuple[Occurrence, ...]
    skipped: int = 0
    by_doc: dict[int, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return len(self.occurrences)


def find_text(project: Project, text: str, *, doc_ids: Iterable[int] | None = None,
              match: MatchMode = "exact") -> list[Occurrence]:
    """Whole-word places of ``text`` in these documents (default: every document that may hold it)."""
    if match not in ("exact", "folded"):
        raise ValidationError(f"match must be 'exact' or 'folded', not {match!r}")
    needle = text if match == "exact" else fold(text)
    if not needle.strip():
        return []
    if doc_ids is None:
        if re.search(r"\w", text):
            ids = project.search.documents(text, limit=1 << 30, ranked=False)
        else:
            ids = project.documents.ids()
    else:
        ids = list(doc_ids)
    out: list[Occurrence] = []
    for doc_id in sorted(set(ids)):
        body = project.documents.text(doc_id)
        hay = body if match == "exact" else fold(body)
        pos = hay.find(needle)
        while pos >= 0:
            end = pos + len(needle)
            if is_whole_words(body, pos, end):
                out.append(Occurrence(doc_id, pos, end, body[pos:end]))
            pos = hay.find(needle, pos + 1)
    return out


def longest_matches(found: Iterable[Occurrence]) -> list[Occurrence]:
    """Of places found in one document: the longest at each start (the first found of equal
    ones), then left to right each that does not overlap the one kept before it."""
    best: dict[int, Occurrence] = {}
    for o in found:
        prev = best.get(o.start)
        if prev is None or o.end > prev.end:
            best[o.start] = o
    out: list[Occurrence] = []
    last_end = -1
    for start in sorted(best):
        if start >= last_end:
            out.append(best[start])
            last_end = best[start].end
    return out


def _blocked(project: Project, doc_id: int, label: str) -> list[tuple[int, int, str]]:
    return [(s.start, s.end, str(s.state)) for s in project.spans.for_doc(doc_id) if s.label == label]


def filter_untagged(project: Project, occurrences: Iterable[Occurrence], label: str) -> tuple[list[Occurrence], int]:
    """Leave out places that overlap a span of ``label`` (or were rejected there); returns (kept, skipped)."""
    kept: list[Occurrence] = []
    skipped = 0
    cache: dict[tuple[int, str], list[tuple[int, int, str]]] = {}
    for o in occurrences:
        key = (o.doc_id, o.label or label)
        spans = cache.get(key)
        if spans is None:
            spans = cache[key] = _blocked(project, *key)
        if any((st != "rejected" and a < o.end and o.start < b) or (a == o.start and b == o.end)
               for a, b, st in spans):
            skipped += 1
            continue
        spans.append((o.start, o.end, "new"))  # overlapping proposals: the first wins
        kept.append(o)
    return kept, skipped


def preview_occurrences(project: Project, span_id: int, *, scope: Scope = "document",
                        match: MatchMode = "exact") -> OccurrencePreview:
    """Where else the text of span ``span_id`` occurs (not yet tagged with its label)."""
    if scope not in ("document", "project"):
        raise ValidationError(f"scope must be 'document' or 'project', not {scope!r}")
    span = project.spans.get(span_id)
    if span.layer == Layer.CLAIM:
        raise ValidationError("claims are not tagged by occurrence")
    text = project.documents.text(span.doc_id)[span.start:span.end]
    found = find_text(project, text, doc_ids=[span.doc_id] if scope == "document" else None, match=match)
    kept, skipped = filter_untagged(project, found, span.label)
    by_doc: dict[int, int] = {}
    for o in kept:
        by_doc[o.doc_id] = by_doc.get(o.doc_id, 0) + 1
    return OccurrencePreview(span, text, scope, match, tuple(kept), skipped, by_doc)


def tag_occurrences(project: Project, span_id: int, *, scope: Scope = "document", match: MatchMode = "exact",
                    state: SpanState | str = SpanState.SUGGESTED,
                    preview: OccurrencePreview | None = None) -> Changes:
    """Tag every other occurrence of a span's text with its label and entity link: ONE undoable step.

    Pass the ``preview`` the person saw to tag exactly those places (they are checked again).
    """
    if preview is None or preview.source.id != span_id:
        preview = preview_occurrences(project, span_id, scope=scope, match=match)
    span = project.spans.get(span_id)
    kept, _ = filter_untagged(project, preview.occurrences, span.label)
    return add_mentions(project, kept, label=span.label, entity_id=span.entity_id, state=state,
                        op_name="spans.tag_occurrences",
                        summary={"span_id": span_id, "text": preview.text, "scope": preview.scope,
                                 "match": preview.match})


def find_variants(project: Project, names: Sequence[str], *, label: str, doc_ids: Iterable[int] | None = None,
                  threshold: float = CLUSTER_THRESHOLD, entity_id: int | None = None) -> list[Occurrence]:
    """Untagged places whose words are a spelling variant of one of ``names`` (e.g. a cluster's).

    Only runs of capitalised words are considered (names, not "là"), whole words; the longest
    match at a place wins; places tagged with ``label`` already (or rejected there) are left out.
    Default documents: those that contain a name's given part or last word (full-text search).
    """
    keys = [name_key(n) for n in names if name_key(n).key]
    if not keys:
        return []
    index = NameIndex((k, label, nk.text, True) for k, nk in enumerate(keys))
    if doc_ids is None:
        ids: set[int] = set()
        for nk in keys:
            for words in {nk.last, nk.tail, nk.key}:
                if words:
                    ids.update(project.search.documents(words, limit=1 << 30, ranked=False))
            ids.update(project.search.documents(nk.text, limit=1 << 30, ranked=False))
    else:
        ids = set(doc_ids)
    max_words = min(max(len(nk.tokens) for nk in keys) + 1, 8)
    found: list[Occurrence] = []
    for doc_id in sorted(ids):
        text = project.documents.text(doc_id)
        found += longest_matches(
            Occurrence(doc_id, w.start, w.end, text[w.start:w.end], entity_id=entity_id, label=label)
            for w in windows(text, max_words)
            if w.capitalised and len(w.nk.key) >= 2 and index.lookup(w.nk, limit=1, min_score=threshold, fuzzy=False))
    kept, _ = filter_untagged(project, found, label)
    return kept


def add_mentions(project: Project, occurrences: Sequence[Occurrence], *, label: str | None,
                 entity_id: int | None = None, state: SpanState | str = SpanState.SUGGESTED,
                 op_name: str = "spans.add_mentions", summary: dict[str, object] | None = None) -> Changes:
    """Add a span at each occurrence (its own label/entity, else ``label``/``entity_id``) in ONE operation."""
    st = SpanState(state)
    origin = Origin.SUGGESTED if st == SpanState.SUGGESTED else Origin.MANUAL
    lengths: dict[int, int] = {}
    rows = []
    for o in occurrences:
        lab = o.label or label
        if lab is None:
            raise ValidationError("an occurrence needs a label")
        if o.doc_id not in lengths:
            lengths[o.doc_id] = len(project.documents.text(o.doc_id))
        layer = project.spans.check_bounds(lengths[o.doc_id], o.start, o.end, lab)
        if layer == Layer.CLAIM:
            raise ValidationError("claims are not tagged by occurrence")
        rows.append((o, lab, layer, o.entity_id if o.entity_id is not None else entity_id))
    if entity_id is not None:
        project.entities.get(entity_id)
    with project.operation(op_name, summary={**(summary or {}), "count": len(rows),
                                             "documents": len({o.doc_id for o in occurrences})}) as op:
        for o, lab, layer, eid in rows:
            op.insert("spans", project.spans.row_for(doc_id=o.doc_id, start=o.start, end=o.end, label=lab,
                                                  layer=layer, attrs={}, state=st, origin=origin,
                                                  entity_id=eid, t=op.time))
            if eid is not None:
                op.touch("entities", eid)
    return op.result
