"""Plain records of the data model: ids, documents, spans, entities, links, changes.

These are what the core returns and what formats read and write. All offsets are code points
into the stored (NFC) text, end exclusive.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any, NewType

DocId = NewType("DocId", int)
SpanId = NewType("SpanId", int)
EntityId = NewType("EntityId", int)
LinkId = NewType("LinkId", int)
PersonId = NewType("PersonId", int)
EventId = NewType("EventId", int)


class Layer(enum.StrEnum):
    ENTITY = "entity"
    FIGURE = "figure"
    CLAIM = "claim"


class Origin(enum.StrEnum):
    MANUAL = "manual"
    SUGGESTED = "suggested"
    IMPORTED = "imported"


class SpanState(enum.StrEnum):
    ACCEPTED = "accepted"
    SUGGESTED = "suggested"
    REJECTED = "rejected"


class DocStatus(enum.StrEnum):
    NEW = "new"
    IN_PROGRESS = "in_progress"
    ANNOTATED = "annotated"
    REVIEWED = "reviewed"


class Role(enum.StrEnum):
    ANNOTATOR = "annotator"
    EDITOR = "editor"


@dataclass(frozen=True, slots=True)
class Document:
    id: DocId
    title: str
    text: str
    text_hash: str
    status: DocStatus = DocStatus.NEW
    source_url: str | None = None
    published: str | None = None
    language: str | None = None
    imported_from: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    created_at: str = ""
    updated_at: str = ""


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """A document row without its text, for lists."""

    id: DocId
    title: str
    status: DocStatus
    length: int
    span_count: int
    language: str | None = None
    source_url: str | None = None


@dataclass(frozen=True, slots=True)
class Span:
    id: SpanId
    doc_id: DocId
    start: int
    end: int
    label: str
    layer: Layer
    attrs: dict[str, Any] = field(default_factory=dict)
    origin: Origin = Origin.MANUAL
    state: SpanState = SpanState.ACCEPTED
    annotator: str | None = None
    entity_id: EntityId | None = None
    uid: str = ""
    ext_id: str | None = None
    created_at: str = ""
    updated_at: str = ""


@dataclass(frozen=True, slots=True)
class Entity:
    id: EntityId
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    external_id: str | None = None
    notes: str = ""
    uid: str = ""


@dataclass(frozen=True, slots=True)
class Link:
    """A directed link between two spans of one document (claim → figure/entity, relations)."""

    id: LinkId
    doc_id: DocId
    source_id: SpanId
    target_id: SpanId
    role: str
    uid: str = ""
    ext_id: str | None = None


@dataclass(frozen=True, slots=True)
class Person:
    id: PersonId
    name: str
    role: Role
    has_passphrase: bool = False


@dataclass(frozen=True, slots=True)
class Event:
    id: EventId
    at: str
    actor: str | None
    op: str
    summary: dict[str, Any]
    undone: bool = False


# ---- records used by formats (no ids: they are not in a project yet) ----------------------


@dataclass(slots=True)
class SpanRecord:
    start: int
    end: int
    label: str
    attrs: dict[str, Any] = field(default_factory=dict)
    state: SpanState = SpanState.ACCEPTED
    ext_id: str | None = None
    entity: str | None = None  # canonical entity name, when the format carries one
    annotator: str | None = None  # who made it, when the format says (default: the importing person)


@dataclass(slots=True)
class LinkRecord:
    source: str  # ext_id of the source span
    target: str  # ext_id of the target span
    role: str
    ext_id: str | None = None


@dataclass(slots=True)
class DocRecord:
    """One document as read from or written to a file."""

    text: str
    spans: list[SpanRecord] = field(default_factory=list)
    links: list[LinkRecord] = field(default_factory=list)
    title: str = ""
    ext_id: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    source_url: str | None = None
    published: str | None = None
    language: str | None = None
    imported_from: str | None = None
    status: DocStatus | None = None


# ---- what an operation changed -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Changes:
    """What one core operation touched. The UI refreshes only the views that care."""

    documents: frozenset[int] = frozenset()
    spans: frozenset[int] = frozenset()
    entities: frozenset[int] = frozenset()
    links: frozenset[int] = frozenset()
    claims: frozenset[int] = frozenset()
    people: frozenset[int] = frozenset()
    conflicts: frozenset[int] = frozenset()
    schema: bool = False
    event_id: EventId | None = None
    op: str = ""

    @property
    def empty(self) -> bool:
        return not (
            self.documents or self.spans or self.entities or self.links or self.claims
            or self.people or self.conflicts or self.schema
        )
