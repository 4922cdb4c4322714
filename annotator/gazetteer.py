"""Gazetteers: a CSV or TSV of names, types and aliases becomes entities and suggests mentions.

File layout (a header row names the columns; without one they are taken in this order)::

    name,type,aliases,external_id,notes
    Lê Hồng Long,PER,Luo Honglong|Lu Honglong,,Trưởng Ban Tổ chức Tỉnh ủy
    Sơn La,LOC,Sun La;Son La,Q36763,

Aliases are separated by ``|`` or ``;``. Types are entity labels of the project's schema
(PERSON, LOCATION, GPE, ORGANIZATION … are accepted for PER, LOC, ORG). ``#`` starts a comment
line. :func:`import_gazetteer` adds or updates entities in one undoable step;
:func:`suggest_entities` proposes suggested, linked mention spans wherever an entity's name or
alias occurs (folded, whole words) — call it on newly imported documents.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.errors import FormatError, ValidationError
from annotator.model import Changes, Layer, SpanState
from annotator.occurrences import Occurrence, add_mentions, filter_untagged, longest_matches
from annotator.schema import Schema
from annotator.variants import name_key, windows

if TYPE_CHECKING:
    from annotator.project import Project

TYPE_SYNONYMS = {
    "PERSON": "PER", "PERS": "PER", "PEOPLE": "PER",
    "LOCATION": "LOC", "GPE": "LOC", "PLACE": "LOC", "FAC": "LOC",
    "ORGANIZATION": "ORG", "ORGANISATION": "ORG", "NORP": "ORG",
}
_COLUMNS = {
    "name": "name", "canonical": "name", "entity": "name",
    "type": "type", "label": "type", "category": "type",
    "aliases": "aliases", "alias": "aliases", "variants": "aliases", "other names": "aliases",
    "external_id": "external_id", "external id": "external_id", "qid": "external_id", "wikidata": "external_id",
    "id": "external_id", "notes": "notes", "note": "notes", "description": "notes",
}
_ORDER = ["name", "type", "aliases", "external_id", "notes"]


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    external_id: str | None = None
    notes: str = ""
    line: int = 0


@dataclass
class _Planned:
    name: str
    type: str
    aliases: list[str]
    external_id: str | None
    notes: str


@dataclass
class GazetteerReport:
    added: list[int] = field(default_factory=list)
    updated: list[int] = field(default_factory=list)
    unchanged: list[int] = field(default_factory=list)
    changes: Changes | None = None

    @property
    def entity_ids(self) -> list[int]:
        return [*self.added, *self.updated, *self.unchanged]


def split_aliases(cell: str) -> list[str]:
    """``a|b;c`` → ``[a, b, c]`` (blank parts dropped)."""
    return [a.strip() for a in cell.replace(";", "|").split("|") if a.strip()]


def _entity_type(raw: str, schema: Schema | None, *, path: str, line: int) -> str:
    t = raw.strip()
    candidates = [t, t.upper(), TYPE_SYNONYMS.get(t.upper(), "")]
    if schema is None:
        return TYPE_SYNONYMS.get(t.upper(), t.upper())
    for c in candidates:
        if c and schema.has_label(c):
            if schema.label(c).layer != Layer.ENTITY:
                raise FormatError(f"{c} is not an entity label", path=path, line=line)
            return c
    names = ", ".join(lab.name for lab in schema.labels_of(Layer.ENTITY))
    raise FormatError(f"unknown entity type {raw!r} (use one of {names})", path=path, line=line)


def _delimiter(first_line: str, path: str) -> str:
    if path.lower().endswith((".tsv", ".tab")) or ("\t" in first_line and "," not in first_line):
        return "\t"
    if ";" in first_line and "," not in first_line and "\t" not in first_line:
        return ";"
    return ","


def parse_gazetteer(text: str, *, path: str = "<gazetteer>", schema: Schema | None = None,
                    default_type: str | None = None) -> list[GazetteerEntry]:
    """Entries of a gazetteer's text; raise :class:`FormatError` naming the line of a bad row."""
    lines = text.splitlines()
    first = next((ln for ln in lines if ln.strip() and not ln.lstrip().startswith("#")), "")
    delim = _delimiter(first, path)
    reader = csv.reader(io.StringIO(text), delimiter=delim)
    columns: list[str] | None = None
    out: list[GazetteerEntry] = []
    for row in reader:
        line = reader.line_num
        cells = [c.strip() for c in row]
        if not any(cells) or cells[0].startswith("#"):
            continue
        if columns is None:
            heads = [_COLUMNS.get(c.lower().lstrip("\ufeff")) for c in cells]
            if "name" in heads:
                columns = [h or f"_{k}" for k, h in enumerate(heads)]
                continue
            columns = _ORDER
        values = {col: (cells[k] if k < len(cells) else "") for k, col in enumerate(columns)}
        name = values.get("name", "")
        if not name:
            raise FormatError("a row without a name", path=path, line=line)
        raw_type = values.get("type", "") or default_type
        if not raw_type:
            raise FormatError(f"{name!r} has no type", path=path, line=line)
        out.append(GazetteerEntry(
            name=name, type=_entity_type(raw_type, schema, path=path, line=line),
            aliases=tuple(a for a in dict.fromkeys(split_aliases(values.get("aliases", ""))) if a != name),
            external_id=values.get("external_id") or None, notes=values.get("notes", ""), line=line))
    return out


def read_gazetteer(path: str | os.PathLike[str], *, schema: Schema | None = None,
                   default_type: str | None = None) -> list[GazetteerEntry]:
    """Read a CSV/TSV gazetteer file (UTF-8 with or without BOM, or a detected legacy encoding)."""
    from annotator.formats.encoding import decode_bytes

    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise FormatError(f"cannot read ({exc.strerror})", path=str(p)) from None
    text = decode_bytes(data, path=str(p)).text
    return parse_gazetteer(text, path=str(p), schema=schema, default_type=default_type)


def import_gazetteer(project: Project, source: str | os.PathLike[str] | Iterable[GazetteerEntry], *,
                     default_type: str | None = None) -> GazetteerReport:
    """Add the gazetteer's entities in ONE undoable step; existing ones gain the new aliases.

    An entry is the same entity as an existing one with its external id, else with the same
    type and the same name after folding; entries repeated in the file are merged.
    """
    entries = (read_gazetteer(source, schema=project.schema, default_type=default_type)
               if isinstance(source, str | os.PathLike) else list(source))
    index = project.entities.index()
    report = GazetteerReport()
    planned: dict[tuple[str, str], _Planned] = {}  # (type, folded key) → entries merged
    for e in entries:
        k = (e.type, name_key(e.name).key)
        if k in planned:
            planned[k].aliases.extend(e.aliases)
            planned[k].external_id = planned[k].external_id or e.external_id
            planned[k].notes = planned[k].notes or e.notes
        else:
            planned[k] = _Planned(e.name, e.type, list(e.aliases), e.external_id, e.notes)
    summary_name = str(source)[:200] if isinstance(source, str | os.PathLike) else "entries"
    with project.operation("entities.import_gazetteer", summary={"source": summary_name,
                                                                 "entries": len(entries)}) as op:
        for (type_, key), p in planned.items():
            existing = project.entities.find_external(p.external_id) if p.external_id else None
            if existing is None:
                for hit in index.exact(name_key(p.name)):
                    if hit.type == type_ and hit.primary and hit.nk.key == key:
                        existing = project.entities.get(hit.owner)
                        break
            if existing is None:
                eid = op.insert("entities", {
                    "name": p.name, "type": type_, "aliases": [a for a in dict.fromkeys(p.aliases) if a != p.name],
                    "external_id": p.external_id, "notes": p.notes, "created_at": op.time, "updated_at": op.time})
                report.added.append(eid)
                continue
            values: dict[str, object] = {}
            new_aliases = [a for a in dict.fromkeys([*existing.aliases, p.name, *p.aliases]) if a != existing.name]
            if new_aliases != list(existing.aliases):
                values["aliases"] = new_aliases
            if p.external_id and not existing.external_id:
                values["external_id"] = p.external_id
            if p.notes and not existing.notes:
                values["notes"] = p.notes
            if values:
                op.update("entities", existing.id, values)
                report.updated.append(existing.id)
            else:
                report.unchanged.append(existing.id)
        op.summary.update(added=len(report.added), updated=len(report.updated))
    report.changes = op.result
    return report


def find_entity_names(project: Project, doc_ids: Iterable[int], *, types: Iterable[str] | None = None,
                      min_length: int = 3) -> list[Occurrence]:
    """Places where an entity's name or alias occurs (folded, spacing ignored, whole words).

    The longest match wins; a name written with a capital only matches text with a capital.
    An occurrence links to the entity when exactly one entity has that spelling.
    """
    index = project.entities.index()
    wanted = set(types) if types is not None else None
    entity_labels = {lab.name for lab in project.schema.labels_of(Layer.ENTITY)}
    max_words = min(max(index.max_tokens, 1), 8)
    out: list[Occurrence] = []
    for doc_id in doc_ids:
        text = project.documents.text(doc_id)
        found: list[Occurrence] = []
        for w in windows(text, max_words):
            if len(w.nk.key) < min_length:
                continue
            hits = [h for h in index.exact(w.nk) if h.type in entity_labels
                    and (wanted is None or h.type in wanted)
                    and (not h.name[:1].isupper() or text[w.start].isupper())]
            if not hits:
                continue
            types_found = {h.type for h in hits}
            if len(types_found) > 1:
                continue  # "Sơn La" the person and the province: let a person decide
            owners = {h.owner for h in hits}
            found.append(Occurrence(doc_id, w.start, w.end, text[w.start:w.end],
                                    entity_id=next(iter(owners)) if len(owners) == 1 else None, label=hits[0].type))
        out += longest_matches(found)
    return out


def suggest_entities(project: Project, doc_ids: Iterable[int], *, types: Iterable[str] | None = None,
                     state: SpanState | str = SpanState.SUGGESTED, min_length: int = 3) -> Changes:
    """Propose linked mention spans for entity names/aliases found in these documents (one step).

    Meant for newly imported documents: places already tagged with that label, or rejected
    before, are skipped. Returns empty Changes when there is nothing to propose.
    """
    ids = list(doc_ids)
    if not ids or project.entities.count() == 0:
        return Changes()
    found = find_entity_names(project, ids, types=types, min_length=min_length)
    kept, _ = filter_untagged(project, found, "")
    if not kept:
        return Changes()
    if any(o.label is None for o in kept):
        raise ValidationError("internal: an entity occurrence without a label")
    return add_mentions(project, kept, label=None, state=state, op_name="entities.suggest_mentions",
                        summary={"doc_ids": ids[:1000]})
