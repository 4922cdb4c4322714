"""Adjudication: settle where annotators differ, building the gold layer that exports use.

    for region in disagreements(project, doc_id):
        print(region.key, {who: [s.label for s in v] for who, v in region.versions.items()})
    take(project, doc_id, Choice(region.key, "lan"))

A *region* is a stretch of one layer where annotators' spans overlap one another (spans that
overlap chain into one region). Each annotator of the document has a *version* of it: their
spans there, possibly none. A disagreement is a region whose versions differ (offsets, label or
attributes). Gold spans are copies with ``gold = 1``, the adjudicator as ``annotator`` and state
accepted; exports prefer them wherever a document has any (``Selection.source = "auto"``).

:func:`take` copies the chosen versions into the gold layer, replacing gold spans already in
those regions; the first time on a document it also copies every region where all agree, so the
gold layer is complete. Links between spans that are both copied come along. One undoable step.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from annotator.errors import NotFoundError, ValidationError
from annotator.model import Changes, Layer, Span

if TYPE_CHECKING:
    from annotator.project import Project
    from annotator.store import Operation


def _content(spans: Iterable[Span]) -> tuple[tuple[int, int, str, str], ...]:
    return tuple(sorted((s.start, s.end, s.label, json.dumps(s.attrs, sort_keys=True, ensure_ascii=False))
                        for s in spans))


@dataclass(frozen=True)
class Region:
    layer: str
    start: int
    end: int
    versions: Mapping[str, tuple[Span, ...]]  # annotator -> their spans here, in text order
    gold: tuple[Span, ...] = ()

    @property
    def key(self) -> str:
        return f"{self.layer}:{self.start}-{self.end}"

    @property
    def agreed(self) -> bool:
        return len({_content(v) for v in self.versions.values()}) <= 1

    @property
    def groups(self) -> list[list[str]]:
        """Annotators grouped by identical versions, largest group first."""
        by: dict[tuple[Any, ...], list[str]] = {}
        for who in sorted(self.versions):
            by.setdefault(_content(self.versions[who]), []).append(who)
        return sorted(by.values(), key=lambda g: (-len(g), g))

    def gold_matches(self) -> list[str]:
        """Annotators whose version is what the gold layer holds here (none before adjudication)."""
        if not self.gold:
            return []
        g = _content(self.gold)
        return [who for who, v in sorted(self.versions.items()) if _content(v) == g]


@dataclass
class DocumentRegions:
    doc_id: int
    annotators: list[str] = field(default_factory=list)
    regions: list[Region] = field(default_factory=list)
    has_gold: bool = False
    decided: dict[str, str | None] = field(default_factory=dict)
    """region key -> whose version was taken (``None``: no span), from the log"""

    @property
    def disagreements(self) -> list[Region]:
        return [r for r in self.regions if not r.agreed]


def annotators_of(project: Project, doc_id: int) -> list[str]:
    """People with an annotation on the document, or given it in a work package."""
    from annotator.package import assignments

    who = {r[0] for r in project.store.conn.execute(
        "SELECT DISTINCT annotator FROM spans WHERE doc_id = ? AND gold = 0 AND annotator IS NOT NULL "
        "AND state = 'accepted'", (doc_id,))}
    uid = project.store.scalar("SELECT uid FROM documents WHERE id = ?", (doc_id,))
    if uid is None:
        raise NotFoundError(f"no document with id {doc_id}")
    for name, uids in assignments(project).items():
        if uid in uids:
            who.add(name)
    return sorted(who)


def gold_spans(project: Project, doc_id: int) -> list[Span]:
    """The document's gold layer (adjudicated spans), in text order."""
    ids = [r[0] for r in project.store.conn.execute(
        'SELECT id FROM spans WHERE doc_id = ? AND gold = 1 ORDER BY start, "end"', (doc_id,))]
    return project.spans.get_many(ids)


def documents_to_adjudicate(project: Project) -> list[int]:
    """Ids of the documents at least two people annotated (or were given), in id order."""
    from annotator.package import assignments

    people: dict[int, set[str]] = {}
    for doc_id, who in project.store.conn.execute(
            "SELECT DISTINCT doc_id, annotator FROM spans WHERE gold = 0 AND annotator IS NOT NULL "
            "AND state = 'accepted'"):
        people.setdefault(doc_id, set()).add(who)
    given = assignments(project)
    if given:
        by_uid = {u: i for i, u in project.store.conn.execute("SELECT id, uid FROM documents")}
        for name, uids in given.items():
            for u in uids:
                if u in by_uid:
                    people.setdefault(by_uid[u], set()).add(name)
    return sorted(d for d, who in people.items() if len(who) >= 2)


def regions(project: Project, doc_id: int, *, annotators: Iterable[str] | None = None,
            layers: Iterable[str] | None = None) -> DocumentRegions:
    """Every region of the document with each annotator's version (accepted, non-gold spans)."""
    people = annotators_of(project, doc_id)
    if annotators is not None:
        wanted = set(annotators)
        people = [p for p in people if p in wanted]
    want_layers = {str(x) for x in layers} if layers is not None else None
    spans = project.spans.for_doc(doc_id, states=["accepted"])
    out = DocumentRegions(doc_id, people)
    gold_rows = {r[0] for r in project.store.conn.execute("SELECT id FROM spans WHERE doc_id = ? AND gold = 1", (doc_id,))}
    out.has_gold = bool(gold_rows)
    by_layer: dict[str, list[Span]] = {}
    gold_by_layer: dict[str, list[Span]] = {}
    for s in spans:
        layer = str(s.layer)
        if want_layers is not None and layer not in want_layers:
            continue
        if s.id in gold_rows:
            gold_by_layer.setdefault(layer, []).append(s)
        elif s.annotator in people:
            by_layer.setdefault(layer, []).append(s)
    for layer in [x.value for x in Layer]:
        items = sorted(by_layer.get(layer, []), key=lambda s: (s.start, s.end))
        clusters: list[list[Span]] = []
        end = -1
        for s in items:
            if clusters and s.start < end:
                clusters[-1].append(s)
                end = max(end, s.end)
            else:
                clusters.append([s])
                end = s.end
        golds = gold_by_layer.get(layer, [])
        for cluster in clusters:
            a, b = min(s.start for s in cluster), max(s.end for s in cluster)
            versions = {p: tuple(s for s in cluster if s.annotator == p) for p in people}
            gold = tuple(g for g in golds if g.start < b and a < g.end)
            out.regions.append(Region(layer, a, b, versions, gold))
    out.regions.sort(key=lambda r: (r.start, r.end, r.layer))
    out.decided = decisions(project, doc_id)
    return out


def decisions(project: Project, doc_id: int) -> dict[str, str | None]:
    """What was taken for each region of the document, by the adjudication steps in the log.

    Steps that were undone do not count; a later step for a region replaces an earlier one.
    """
    out: dict[str, str | None] = {}
    events = project.history.events(op_prefix="adjudicate.take", limit=1_000_000)
    for e in reversed(events):  # oldest first
        summary = e["summary"]
        if summary.get("doc_id") != doc_id or e["op"] != "adjudicate.take" or project.history.is_undone(e["id"]):
            continue
        out.update(summary.get("choices") or {})
    return out


def disagreements(project: Project, doc_id: int, *, annotators: Iterable[str] | None = None,
                  layers: Iterable[str] | None = None) -> list[Region]:
    """The regions of the document where the annotators' versions differ, in text order."""
    return regions(project, doc_id, annotators=annotators, layers=layers).disagreements


@dataclass(frozen=True)
class Choice:
    """Take ``annotator``'s version of the region ``region`` (its key); ``None``: no span there."""

    region: str
    annotator: str | None


def take(project: Project, doc_id: int, choice: Choice | Sequence[Choice], *,
         fill_agreed: bool = True) -> Changes:
    """Copy the chosen versions into the gold layer (one undoable step).

    Gold spans already in a chosen region are replaced. With ``fill_agreed``, the first take on
    a document without gold also copies every region where all annotators agree. Raises
    NotFoundError for an unknown region and ValidationError for someone without a version there.
    """
    choices = [choice] if isinstance(choice, Choice) else list(choice)
    doc = regions(project, doc_id)
    by_key = {r.key: r for r in doc.regions}
    plan: list[tuple[Region, tuple[Span, ...]]] = []
    for c in choices:
        region = by_key.get(c.region)
        if region is None:
            raise NotFoundError(f"document {doc_id} has no region {c.region}")
        if c.annotator is not None and c.annotator not in region.versions:
            raise ValidationError(f"{c.annotator} has no version of region {c.region}")
        plan.append((region, region.versions[c.annotator] if c.annotator is not None else ()))
    if fill_agreed and not doc.has_gold:
        chosen = {r.key for r, _ in plan}
        for r in doc.regions:
            if r.agreed and r.key not in chosen and r.versions:
                plan.append((r, next(iter(r.versions.values()))))
    summary = {"doc_id": doc_id, "regions": [r.key for r, _ in plan][:200],
               "choices": {c.region: c.annotator for c in choices}}
    with project.operation("adjudicate.take", summary=summary) as op:
        copies: dict[int, int] = {}
        for region, spans in plan:
            for g in region.gold:
                if project.store.one("SELECT 1 FROM spans WHERE id = ?", (g.id,)):
                    op.delete("spans", g.id)
            for s in spans:
                copies[s.id] = _copy(project, op, s)
        _copy_links(project, op, doc_id, copies)
        op.touch("documents", doc_id)
    return op.result


def take_all(project: Project, doc_id: int, annotator: str) -> Changes:
    """Take ``annotator``'s version of every disagreement of the document (and the agreed rest)."""
    doc = regions(project, doc_id)
    if annotator not in doc.annotators:
        raise ValidationError(f"{annotator} did not annotate document {doc_id}")
    return take(project, doc_id, [Choice(r.key, annotator) for r in doc.disagreements])


def _copy(project: Project, op: Operation, s: Span) -> int:
    row = project.store.row("spans", s.id)
    sid = op.insert("spans", {
        "doc_id": s.doc_id, "start": s.start, "end": s.end, "label": s.label, "layer": str(s.layer),
        "attrs": row["attrs"], "origin": "manual", "state": "accepted", "annotator": project.actor,
        "entity_id": s.entity_id, "gold": 1, "ext_id": s.ext_id, "created_at": op.time, "updated_at": op.time})
    if s.layer == Layer.CLAIM:
        op.insert("claims", {"span_id": sid, "state": "draft", "updated_at": op.time})
    return sid


def _copy_links(project: Project, op: Operation, doc_id: int, copies: Mapping[int, int]) -> None:
    """Links between annotators' spans whose both ends are now in the gold layer are copied there.

    A gold span stands for every annotator span with the same offsets and label, so a link made
    by one annotator comes along once both of its ends were taken (in this step or an earlier one).
    """
    if not copies:
        return
    conn = project.store.conn
    gold = {(a, b, lab): sid for sid, a, b, lab in conn.execute(
        'SELECT id, start, "end", label FROM spans WHERE doc_id = ? AND gold = 1', (doc_id,))}
    twin = {sid: gold[(a, b, lab)] for sid, a, b, lab in conn.execute(
        'SELECT id, start, "end", label FROM spans WHERE doc_id = ? AND gold = 0', (doc_id,)) if (a, b, lab) in gold}
    for source, target, role in conn.execute(
            "SELECT source_id, target_id, role FROM links WHERE doc_id = ? ORDER BY id", (doc_id,)).fetchall():
        if source not in twin or target not in twin or (source not in copies and target not in copies):
            continue
        s, t = twin[source], twin[target]
        if s == t or conn.execute("SELECT 1 FROM links WHERE source_id = ? AND target_id = ? AND role = ?",
                                  (s, t, role)).fetchone():
            continue
        op.insert("links", {"doc_id": doc_id, "source_id": s, "target_id": t, "role": role,
                            "annotator": project.actor, "created_at": op.time})
