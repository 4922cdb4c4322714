"""Claims and the editors' review: the state machine, roles, and claim records. See issue 6.

A claim is a span of the ``claim`` layer; its review state lives in the ``claims`` table (one row
per claim span, made by the spans API when the span is added). The states::

    draft --flag--> flagged --take--> in_review --decide--> decided --publish--> published
      ^    <-unflag--   |                |    ^               |  (decide again)       |
      |                 dismiss        return  `----reopen (with a reason)-----------'
      |                 v                v
      |              dismissed        returned --revise--> draft
      |                 `--reopen (with a reason)--> flagged

Anyone working on the project may ``flag`` a draft claim, ``unflag`` a flagged one (back to
draft, while no editor has taken it) and ``revise`` a returned one (back to draft, to be edited
and flagged again). Every other step needs an editor who has unlocked editor actions with the
passphrase (:meth:`Project.unlock`); so does setting a verdict, rating text, rationale or
evidence. Once a claim is in review (in_review, decided, published) an annotator can no longer
change its span, its attributes, its links, nor the spans it links to.

Every step is one operation named ``review.<action>`` whose summary holds ``claim_id``, ``from``
and ``to`` (and the reason, verdict …), so the event log says who did what and when. Review steps
are *not* undoable (``undoable=False``), neither for annotators nor for editors: a decision is
taken back by another recorded step (return, reopen), never erased by an undo.

A step the state machine does not allow raises :class:`TransitionError` naming the state and
what can be done from it; a step the person's role does not allow raises
:class:`PermissionDenied`. The state is checked first, then the role, then the arguments.
"""

from __future__ import annotations

import builtins
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from annotator import messages as M
from annotator.errors import NotFoundError, PermissionDenied, TransitionError, ValidationError
from annotator.folding import fold
from annotator.messages import say
from annotator.model import Changes, Layer, Span, SpanState
from annotator.store import BATCH

if TYPE_CHECKING:
    from annotator.project import Project

# ---- the state machine ------------------------------------------------------------------------

STATES = ("draft", "flagged", "in_review", "returned", "decided", "published", "dismissed")
VERDICTS = ("supported", "refuted", "conflicting", "not_enough_evidence")
VERDICT_LABELS = {
    "supported": "Supported",
    "refuted": "Refuted",
    "conflicting": "Conflicting",
    "not_enough_evidence": "Not enough evidence",
}
STANCES = ("supports", "refutes", "mixed", "context")
CHECKWORTHINESS = ("non_factual", "unimportant_factual", "checkworthy_factual")

# (action, from state) → to state
TRANSITIONS: dict[tuple[str, str], str] = {
    ("flag", "draft"): "flagged",
    ("unflag", "flagged"): "draft",
    ("take", "flagged"): "in_review",
    ("dismiss", "flagged"): "dismissed",
    ("return", "in_review"): "returned",
    ("revise", "returned"): "draft",
    ("decide", "in_review"): "decided",
    ("decide", "decided"): "decided",
    ("publish", "decided"): "published",
    ("reopen", "published"): "in_review",
    ("reopen", "dismissed"): "flagged",
}
ACTIONS = ("flag", "unflag", "take", "return", "revise", "dismiss", "decide", "publish", "reopen")
# actions anyone may take; the rest need an unlocked editor
ANYONE_ACTIONS = frozenset({"flag", "unflag", "revise"})
EDITOR_ACTIONS = frozenset(ACTIONS) - ANYONE_ACTIONS

# states in which the annotator can no longer change the claim
LOCKED_STATES = frozenset({"in_review", "decided", "published"})
# states of the editors' queue
QUEUE_STATES = ("flagged", "in_review", "decided")


def allowed_from(state: str) -> list[str]:
    """The actions the state machine allows from ``state`` (whoever may take them)."""
    return [a for a in ACTIONS if (a, state) in TRANSITIONS]


def next_state(state: str, action: str) -> str:
    """Where ``action`` leads from ``state``; TransitionError (with what is allowed) if nowhere."""
    if action not in ACTIONS:
        raise ValidationError(f"unknown review action {action!r}; one of: {', '.join(ACTIONS)}")
    to = TRANSITIONS.get((action, state))
    if to is None:
        allowed = allowed_from(state)
        template = (M.CANNOT_STEP_PUBLISHED if state == "published" and action in {"take", "return", "decide"}
                    else M.CANNOT_STEP)
        raise TransitionError(say(template, action=action, state=state,
                                  allowed=", ".join(allowed) if allowed else say(M.NOTHING)))
    return to


# ---- records ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Evidence:
    """A source an editor relied on: its URL, publisher, a quote, and how it bears on the claim."""

    url: str
    publisher: str = ""
    quote: str = ""
    stance: str = ""  # supports, refutes, mixed, context, or ""

    def to_dict(self) -> dict[str, str]:
        return {"url": self.url, "publisher": self.publisher, "quote": self.quote, "stance": self.stance}


def evidence_item(value: str | Mapping[str, Any] | Evidence) -> Evidence:
    """Check one evidence item (a URL, a mapping or an Evidence); ValidationError if bad."""
    if isinstance(value, Evidence):
        item = value
    elif isinstance(value, str):
        item = Evidence(url=value.strip())
    elif isinstance(value, Mapping):
        unknown = set(value) - {"url", "publisher", "quote", "stance"}
        if unknown:
            raise ValidationError(f"evidence: unknown field(s) {', '.join(sorted(unknown))}")
        item = Evidence(url=str(value.get("url") or "").strip(), publisher=str(value.get("publisher") or "").strip(),
                        quote=str(value.get("quote") or "").strip(), stance=str(value.get("stance") or "").strip())
    else:
        raise ValidationError(f"evidence must be a URL or a mapping, not {type(value).__name__}")
    parts = urlsplit(item.url)
    if parts.scheme not in {"http", "https"} or not parts.netloc or any(c.isspace() for c in item.url):
        raise ValidationError(f"evidence URL {item.url!r} is not an http(s) URL")
    if item.stance and item.stance not in STANCES:
        raise ValidationError(f"evidence stance {item.stance!r}: one of {', '.join(STANCES)}")
    return item


@dataclass(frozen=True, slots=True)
class LinkedSpan:
    """A span a claim links to (a figure, an entity, its claimant) with what the review needs."""

    span_id: int
    role: str
    label: str
    layer: str
    text: str
    start: int
    end: int
    value: str = ""  # a figure's normalised value, e.g. "> 90%" or "2020–2025"
    attrs: dict[str, Any] = field(default_factory=dict)
    entity_id: int | None = None
    entity_name: str | None = None

    @property
    def name(self) -> str:
        """The canonical entity name when there is one, else the text."""
        return self.entity_name or self.text


@dataclass(frozen=True, slots=True)
class ClaimRecord:
    """One claim with everything a reviewer reads: text, context, links, review, history."""

    id: int
    uid: str
    doc_id: int
    doc_title: str
    doc_url: str | None
    doc_published: str | None
    language: str | None
    start: int
    end: int
    text: str
    sentence: str
    context_before: str
    context_after: str
    state: str
    verdict: str | None
    rating_text: str | None
    rationale: str | None
    evidence: tuple[Evidence, ...]
    reviewer: str | None
    reviewed_at: str | None
    published_at: str | None
    updated_at: str
    annotator: str | None
    span_state: str
    attrs: dict[str, Any]
    figures: tuple[LinkedSpan, ...] = ()
    entities: tuple[LinkedSpan, ...] = ()
    claimant: LinkedSpan | None = None
    history: tuple[dict[str, Any], ...] = ()

    @property
    def checkworthiness(self) -> str | None:
        v = self.attrs.get("checkworthiness")
        return None if v is None else str(v)

    @property
    def verifiable(self) -> bool | None:
        v = self.attrs.get("verifiable")
        return None if v is None else bool(v)

    @property
    def numeric_type(self) -> str | None:
        v = self.attrs.get("numeric_type")
        return None if v is None else str(v)

    @property
    def notes(self) -> str:
        return str(self.attrs.get("notes") or "")

    @property
    def flag(self) -> bool:
        return bool(self.attrs.get("flag"))

    @property
    def context(self) -> str:
        """The claim's sentence with the sentences around it."""
        return " ".join(p for p in (self.context_before, self.sentence, self.context_after) if p)

    @property
    def note(self) -> str:
        """The reason given with the latest return, dismissal or reopening (for the annotator)."""
        for e in reversed(self.history):
            reason = e.get("summary", {}).get("reason")
            if reason and e.get("op") in {"review.return", "review.dismiss", "review.reopen"}:
                return str(reason)
        return ""

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (the JSONL review export writes this)."""
        d = asdict(self)
        d["evidence"] = [e.to_dict() for e in self.evidence]
        d["history"] = list(self.history)
        d.update(checkworthiness=self.checkworthiness, verifiable=self.verifiable,
                 numeric_type=self.numeric_type, notes=self.notes, flag=self.flag, context=self.context,
                 note=self.note)
        return d


@dataclass(frozen=True, slots=True)
class ActionCheck:
    """Whether the acting person may take ``action`` on a claim now, and if not, why."""

    action: str
    to: str | None
    allowed: bool
    needs_unlock: bool = False
    reason: str = ""


# ---- figures' normalised values and sentences --------------------------------------------------


def figure_value(attrs: Mapping[str, Any]) -> str:
    """A figure's normalised value for people: ``> 90%``, ``1 (17–17)``, ``2020–2025``, a date."""
    value, low, high = attrs.get("value"), attrs.get("low"), attrs.get("high")
    bound, unit, date = attrs.get("bound"), attrs.get("unit"), attrs.get("date")
    out = ""
    if value not in (None, ""):
        out = f"{bound} {value}" if bound and bound != "=" else str(value)
        if low not in (None, "") and high not in (None, ""):
            out += f" ({low}–{high})"
    elif low not in (None, "") or high not in (None, ""):
        out = f"{low if low is not None else ''}–{high if high is not None else ''}"
    if out and unit:
        out += unit if unit == "%" else f" {unit}"
    if date:
        date = str(date).replace("/", " – ")  # a range of days: 2020-08-01/2020-08-05
        out = f"{out} · {date}" if out else date
    return out


_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’»)\]]*\s+|\n+")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Rough sentence boundaries (end exclusive, surrounding space trimmed)."""
    out: list[tuple[int, int]] = []
    pos = 0
    for m in _SENTENCE_END.finditer(text):
        end = m.start() if m.group(0).isspace() else m.start() + len(m.group(0).rstrip())
        if text[pos:end].strip():
            out.append((pos, end))
        pos = m.end()
    if text[pos:].strip():
        out.append((pos, len(text.rstrip())))
    return out


def sentence_context(text: str, start: int, end: int, *, around: int = 1,
                     sentences: list[tuple[int, int]] | None = None) -> tuple[str, str, str]:
    """(sentences before, the sentence(s) holding start–end, sentences after)."""
    spans = sentences if sentences is not None else sentence_spans(text)
    hit = [k for k, (a, b) in enumerate(spans) if a < end and start < b]
    if not hit:
        return "", text[start:end], ""
    first, last = hit[0], hit[-1]
    s0, s1 = min(spans[first][0], start), max(spans[last][1], end)
    before = " ".join(text[a:b].strip() for a, b in spans[max(0, first - around):first])
    after = " ".join(text[a:b].strip() for a, b in spans[last + 1:last + 1 + around])
    return before, text[s0:s1].strip(), after


def _as_set(value: str | Iterable[str] | None) -> set[str] | None:
    if value is None:
        return None
    if isinstance(value, str):
        return {v.strip() for v in value.split(",") if v.strip()}
    return {str(v) for v in value}


# ---- the sub-API ---------------------------------------------------------------------------------


class Claims:
    """``project.claims``: review state of claim spans, the steps between states, claim records."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self.store = project.store

    # ---- guards the core calls ---------------------------------------------------------------

    def state(self, span_id: int) -> str | None:
        return self.store.scalar("SELECT state FROM claims WHERE span_id = ?", (span_id,))

    def _locking_claims(self, span_ids: Iterable[int]) -> dict[int, tuple[int, str]]:
        """For each of these spans that a claim in review holds: (that claim, its state).

        A claim in review holds itself and the spans it links to; a span that is such a claim
        is held by itself first. One query a batch, however many spans.
        """
        ids = builtins.list(dict.fromkeys(span_ids))
        locked = ",".join(f"'{s}'" for s in sorted(LOCKED_STATES))
        out: dict[int, tuple[int, str]] = {}
        for k in range(0, len(ids), BATCH):
            chunk = ids[k : k + BATCH]
            marks = ",".join("?" * len(chunk))
            for held, claim_id, st in self.store.conn.execute(
                    f"SELECT c.span_id, c.span_id, c.state FROM claims c "
                    f"WHERE c.span_id IN ({marks}) AND c.state IN ({locked}) UNION ALL "
                    f"SELECT l.target_id, c.span_id, c.state FROM links l JOIN claims c ON c.span_id = l.source_id "
                    f"WHERE l.target_id IN ({marks}) AND c.state IN ({locked})", [*chunk, *chunk]):
                if held == claim_id or held not in out:
                    out[int(held)] = (int(claim_id), str(st))
        return out

    def check_span_editable(self, span: Span) -> None:
        """An annotator cannot change a claim in review, nor its links, nor a span it links to."""
        self.check_spans_editable([span])

    def check_spans_editable(self, spans: Sequence[Span]) -> None:
        """:meth:`check_span_editable` for many spans at once; the first held one (in order) raises."""
        if not spans or self.project.editor_unlocked:
            return
        held = self._locking_claims(s.id for s in spans)
        for span in spans:
            hit = held.get(span.id)
            if hit is None:
                continue
            claim_id, st = hit
            if claim_id == span.id:
                raise PermissionDenied(say(M.CLAIM_HELD, claim=span.id, state=st))
            raise PermissionDenied(say(M.LINKED_CLAIM_HELD, span=span.id, claim=claim_id, state=st))

    def check_replay(self, rows: list[list[Any]]) -> None:
        """Undo/redo may not change a claim under review (or what it links to) unless an editor is unlocked."""
        if self.project.editor_unlocked:
            return
        span_ids: set[int] = set()
        for table, id_, before, after in rows:
            row = before or after or {}
            if table in ("claims", "spans"):
                span_ids.add(int(id_))
            elif table == "links":
                for key in ("source_id", "target_id"):
                    if row.get(key) is not None:
                        span_ids.add(int(row[key]))
        held = self._locking_claims(span_ids)
        for sid in sorted(held):
            claim_id, st = held[sid]
            raise PermissionDenied(say(M.CLAIM_HELD_UNDO, claim=claim_id, state=st))

    # ---- the steps -------------------------------------------------------------------------------

    def _row(self, claim_id: int) -> dict[str, Any]:
        r = self.store.one("SELECT c.*, s.doc_id, s.state AS span_state, s.attrs, s.label FROM claims c "
                           "JOIN spans s ON s.id = c.span_id WHERE c.span_id = ?", (claim_id,))
        if r is None:
            if self.store.scalar("SELECT 1 FROM spans WHERE id = ?", (claim_id,)):
                raise NotFoundError(f"span {claim_id} is not a claim")
            raise NotFoundError(f"no claim with id {claim_id}")
        return dict(r)

    def _check(self, action: str, claim_id: int, state: str) -> str:
        to = next_state(state, action)
        if action in EDITOR_ACTIONS:
            self.project.require_editor(say(M.STEP_ON_CLAIM, action=action, claim=claim_id))
        return to

    def check(self, action: str, claim_id: int) -> str:
        """Raise what :meth:`apply` would raise for the state and role (not the arguments); else the new state."""
        return self._check(action, claim_id, self._row(claim_id)["state"])

    def allowed(self, claim_id: int) -> builtins.list[ActionCheck]:
        """Each action with whether the acting person may take it now, for windows to mirror."""
        state = self._row(claim_id)["state"]
        out = []
        for action in ACTIONS:
            to = TRANSITIONS.get((action, state))
            try:
                self._check(action, claim_id, state)
            except TransitionError as exc:
                out.append(ActionCheck(action, to, False, reason=str(exc)))
            except PermissionDenied as exc:
                out.append(ActionCheck(action, to, False, needs_unlock=self.project.is_editor, reason=str(exc)))
            else:
                out.append(ActionCheck(action, to, True))
        return out

    def _step(self, action: str, claim_id: int, values: dict[str, Any] | None = None,
              extra: dict[str, Any] | None = None, span_attrs: dict[str, Any] | None = None) -> Changes:
        row = self._row(claim_id)
        to = self._check(action, claim_id, row["state"])
        summary = {"claim_id": claim_id, "doc_id": row["doc_id"], "from": row["state"], "to": to, **(extra or {})}
        with self.project.operation(f"review.{action}", summary=summary, undoable=False) as op:
            op.update("claims", claim_id, {"state": to, **(values or {})})
            op.touch("claims", claim_id)
            op.touch("spans", claim_id)
            if span_attrs is not None:
                op.update("spans", claim_id, {"attrs": span_attrs})
        return op.result

    def _flag_attrs(self, claim_id: int, value: bool) -> dict[str, Any] | None:
        """The span's ``flag`` attribute kept in step with the state (when the schema has it)."""
        span = self.project.spans.get(claim_id)
        if not any(a.name == "flag" for a in self.project.schema.attributes_of(span.label)):
            return None
        if bool(span.attrs.get("flag")) == value:
            return None
        return {**span.attrs, "flag": value}

    def flag(self, claim_id: int, *, reason: str | None = None) -> Changes:
        """draft → flagged (anyone). The claim span must be accepted."""
        row = self._row(claim_id)
        self._check("flag", claim_id, row["state"])
        if row["span_state"] != SpanState.ACCEPTED:
            raise ValidationError(say(M.ACCEPT_BEFORE_FLAG, claim=claim_id, span_state=row["span_state"]))
        extra = {"reason": reason} if reason else None
        return self._step("flag", claim_id, extra=extra, span_attrs=self._flag_attrs(claim_id, True))

    def unflag(self, claim_id: int) -> Changes:
        """flagged → draft (anyone), while no editor has taken the claim."""
        self.check("unflag", claim_id)
        return self._step("unflag", claim_id, span_attrs=self._flag_attrs(claim_id, False))

    def take(self, claim_id: int) -> Changes:
        """flagged → in_review (editor); the editor becomes the claim's reviewer."""
        return self._step("take", claim_id, {"reviewer": self.project.actor})

    def return_(self, claim_id: int, *, reason: str | None = None) -> Changes:
        """in_review → returned (editor), to the annotator with a reason."""
        return self._step("return", claim_id, extra={"reason": (reason or "").strip() or None})

    def revise(self, claim_id: int) -> Changes:
        """returned → draft (anyone): the annotator takes a returned claim back to work on it."""
        return self._step("revise", claim_id, span_attrs=self._flag_attrs(claim_id, False))

    def dismiss(self, claim_id: int, *, reason: str | None = None) -> Changes:
        """flagged → dismissed (editor): not worth checking."""
        return self._step("dismiss", claim_id, extra={"reason": (reason or "").strip() or None})

    def decide(self, claim_id: int, *, verdict: str, rating_text: str | None = None, rationale: str | None = None,
               evidence: Sequence[str | Mapping[str, Any] | Evidence] | None = None) -> Changes:
        """in_review or decided → decided (editor), with a verdict, rating text, rationale and evidence.

        ``rating_text`` (the rating readers see, ClaimReview's ``alternateName``) defaults to
        the verdict's label; ``evidence`` replaces what was there when given.
        """
        row = self._row(claim_id)
        self._check("decide", claim_id, row["state"])
        if verdict not in VERDICTS:
            raise ValidationError(f"verdict {verdict!r}: one of {', '.join(VERDICTS)}")
        items = [evidence_item(e) for e in evidence] if evidence is not None else [
            evidence_item(e) for e in json.loads(row["evidence"] or "[]")]
        values = {
            "verdict": verdict,
            "rating_text": (rating_text or "").strip() or VERDICT_LABELS[verdict],
            "rationale": (rationale or "").strip() or (row["rationale"] if rationale is None else None),
            "evidence": [e.to_dict() for e in items],
            "reviewer": self.project.actor,
        }
        with self.project.operation("review.decide", summary={
                "claim_id": claim_id, "doc_id": row["doc_id"], "from": row["state"], "to": "decided",
                "verdict": verdict, "rating_text": values["rating_text"], "rationale": values["rationale"],
                "evidence": [e.url for e in items]}, undoable=False) as op:
            op.update("claims", claim_id, {"state": "decided", "reviewed_at": op.time, **values})
            op.touch("claims", claim_id)
            op.touch("spans", claim_id)
        return op.result

    def publish(self, claim_id: int) -> Changes:
        """decided → published (editor)."""
        row = self._row(claim_id)
        self._check("publish", claim_id, row["state"])
        if not row["verdict"]:
            raise ValidationError(say(M.NO_VERDICT_TO_PUBLISH, claim=claim_id))
        with self.project.operation("review.publish", summary={
                "claim_id": claim_id, "doc_id": row["doc_id"], "from": row["state"], "to": "published",
                "verdict": row["verdict"]}, undoable=False) as op:
            op.update("claims", claim_id, {"state": "published", "published_at": op.time})
            op.touch("claims", claim_id)
            op.touch("spans", claim_id)
        return op.result

    def reopen(self, claim_id: int, *, reason: str) -> Changes:
        """published → in_review, or dismissed → flagged (editor), only with a reason."""
        row = self._row(claim_id)
        self._check("reopen", claim_id, row["state"])
        if not (reason or "").strip():
            raise ValidationError(say(M.REOPEN_NEEDS_REASON, claim=claim_id))
        return self._step("reopen", claim_id, {"reviewer": self.project.actor}, extra={"reason": reason.strip()})

    def apply(self, action: str, claim_id: int, **options: Any) -> Changes:
        """Take ``action`` by name (``return`` for :meth:`return_`); options as for that method."""
        if action not in ACTIONS:
            raise ValidationError(f"unknown review action {action!r}; one of: {', '.join(ACTIONS)}")
        method = getattr(self, "return_" if action == "return" else action)
        accepted = {"flag": {"reason"}, "return": {"reason"}, "dismiss": {"reason"}, "reopen": {"reason"},
                    "decide": {"verdict", "rating_text", "rationale", "evidence"}}.get(action, set())
        given = {k: v for k, v in options.items() if v not in (None, (), [])}
        unknown = set(given) - accepted
        if unknown:
            raise ValidationError(f"{action} takes no {', '.join(sorted(unknown))}")
        if action == "decide" and "verdict" not in given:
            self.check(action, claim_id)
            raise ValidationError(say(M.DECIDE_NEEDS_VERDICT, verdicts=", ".join(VERDICTS)))
        if action == "reopen" and "reason" not in given:
            self.check(action, claim_id)
            raise ValidationError(say(M.REOPEN_NEEDS_REASON, claim=claim_id))
        result: Changes = method(claim_id, **given)
        return result

    # ---- reading ---------------------------------------------------------------------------------

    def get(self, claim_id: int, *, history: bool = True, around: int = 1) -> ClaimRecord:
        self._row(claim_id)
        return self._records([claim_id], history=history, around=around)[0]

    def ids(self, *, state: str | Iterable[str] | None = None, verdict: str | Iterable[str] | None = None,
            annotator: str | Iterable[str] | None = None, doc_id: int | Iterable[int] | None = None,
            checkworthiness: str | Iterable[str] | None = None,
            span_states: Iterable[str] | None = ("accepted", "suggested")) -> builtins.list[int]:
        """Claim ids passing the filters, in document order (no text filter: see :meth:`list`)."""
        where: list[str] = []
        params: list[Any] = []

        def within(column: str, values: set[str] | set[int] | None) -> None:
            if values is not None:
                where.append(f"{column} IN ({','.join('?' * len(values))})" if values else "0")
                params.extend(sorted(values, key=str))

        states = _as_set(state)
        if states is not None and states - set(STATES):
            raise ValidationError(f"unknown claim state(s): {', '.join(sorted(states - set(STATES)))}")
        within("c.state", states)
        within("c.verdict", _as_set(verdict))
        within("s.annotator", _as_set(annotator))
        within("s.state", _as_set(span_states))
        if doc_id is not None:
            within("s.doc_id", {int(doc_id)} if isinstance(doc_id, int) else {int(d) for d in doc_id})
        cw = _as_set(checkworthiness)
        if cw is not None:
            where.append(f"json_extract(s.attrs, '$.checkworthiness') IN ({','.join('?' * len(cw))})" if cw else "0")
            params.extend(sorted(cw))
        sql = "SELECT c.span_id FROM claims c JOIN spans s ON s.id = c.span_id"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += ' ORDER BY s.doc_id, s.start, s."end", s.id'
        return [int(r[0]) for r in self.store.conn.execute(sql, params)]

    def list(self, *, state: str | Iterable[str] | None = None, verdict: str | Iterable[str] | None = None,
             annotator: str | Iterable[str] | None = None, doc_id: int | Iterable[int] | None = None,
             checkworthiness: str | Iterable[str] | None = None, text: str | None = None,
             span_states: Iterable[str] | None = ("accepted", "suggested"), history: bool = True,
             around: int = 1) -> builtins.list[ClaimRecord]:
        """Claims passing the filters, in document order, as full records.

        ``text`` matches the claim or the article title ignoring case and
        Vietnamese diacritics. Rejected claim spans are left out unless ``span_states`` says.
        """
        ids = self.ids(state=state, verdict=verdict, annotator=annotator, doc_id=doc_id,
                       checkworthiness=checkworthiness, span_states=span_states)
        records = self._records(ids, history=history, around=around)
        if text and text.strip():
            needle = fold(text.strip())
            records = [r for r in records if needle in fold(r.text) or needle in fold(r.doc_title)]
        return records

    def counts(self) -> dict[str, int]:
        """Claims per state (every state, zero included)."""
        found = dict(self.store.conn.execute("SELECT state, COUNT(*) FROM claims GROUP BY state").fetchall())
        return {s: int(found.get(s, 0)) for s in STATES}

    def history(self, claim_id: int) -> builtins.list[dict[str, Any]]:
        """Events about this claim, oldest first: review steps, edits of its span and links."""
        return self._histories({claim_id}).get(claim_id, [])

    def _histories(self, claim_ids: set[int]) -> dict[int, builtins.list[dict[str, Any]]]:
        out: dict[int, builtins.list[dict[str, Any]]] = {}
        if not claim_ids:
            return out
        about = ("(json_extract(summary, '$.claim_id') IS NOT NULL OR "
                 "(op IN ('spans.add', 'spans.update') AND json_extract(summary, '$.span_id') IS NOT NULL) OR "
                 "(op = 'links.add' AND json_extract(summary, '$.source_id') IS NOT NULL))")
        params: list[Any] = []
        if len(claim_ids) == 1:  # one claim: let SQLite skip the rest
            about += (" AND ? IN (json_extract(summary, '$.claim_id'), json_extract(summary, '$.span_id'), "
                      "json_extract(summary, '$.source_id'))")
            params.append(next(iter(claim_ids)))
        cur = self.store.conn.execute(f"SELECT id, at, actor, op, summary FROM events WHERE {about} ORDER BY id", params)
        for id_, at, actor, op, summary in cur:
            s = json.loads(summary or "{}")
            cid = s.get("claim_id") if s.get("claim_id") is not None else (
                s.get("source_id") if op == "links.add" else s.get("span_id"))
            if cid is None or int(cid) not in claim_ids:
                continue
            out.setdefault(int(cid), []).append({"id": id_, "at": at, "actor": actor, "op": op, "summary": s})
        return out

    def _doc_text(self, doc_id: int, cache: dict[int, tuple[str, builtins.list[tuple[int, int]]]]
                  ) -> tuple[str, builtins.list[tuple[int, int]]]:
        if doc_id not in cache:
            if len(cache) > 64:
                cache.clear()
            t = self.project.documents.text(doc_id)
            cache[doc_id] = (t, sentence_spans(t))
        return cache[doc_id]

    def _records(self, ids: Sequence[int], *, history: bool, around: int) -> builtins.list[ClaimRecord]:
        out: builtins.list[ClaimRecord] = []
        histories = self._histories(set(ids)) if history else {}
        texts: dict[int, tuple[str, builtins.list[tuple[int, int]]]] = {}
        for k in range(0, len(ids), BATCH):
            chunk = builtins.list(ids[k : k + BATCH])
            marks = ",".join("?" * len(chunk))
            rows = {r["span_id"]: r for r in self.store.query(
                f"SELECT c.*, s.uid, s.doc_id, s.start, s.\"end\", s.attrs, s.state AS span_state, s.annotator, "
                f"d.title, d.source_url, d.published, d.language FROM claims c JOIN spans s ON s.id = c.span_id "
                f"JOIN documents d ON d.id = s.doc_id WHERE c.span_id IN ({marks})", chunk)}
            link_rows: dict[int, builtins.list[Any]] = {}
            for lr in self.store.query(
                    f"SELECT l.source_id, l.role, t.id, t.doc_id, t.label, t.layer, t.start, t.\"end\", t.attrs, "
                    f"t.entity_id, e.name AS entity_name FROM links l JOIN spans t ON t.id = l.target_id "
                    f"LEFT JOIN entities e ON e.id = t.entity_id WHERE l.source_id IN ({marks}) "
                    f"ORDER BY t.start, t.id", chunk):
                link_rows.setdefault(lr["source_id"], []).append(lr)
            for cid in chunk:
                r = rows.get(cid)
                if r is None:
                    continue
                doc_id = r["doc_id"]
                text, sents = self._doc_text(doc_id, texts)
                before, sentence, after = sentence_context(text, r["start"], r["end"], around=around, sentences=sents)
                links: builtins.list[LinkedSpan] = []
                for lr in link_rows.get(cid, []):
                    attrs = json.loads(lr["attrs"] or "{}")
                    links.append(LinkedSpan(
                        span_id=lr["id"], role=lr["role"], label=lr["label"], layer=lr["layer"],
                        text=text[lr["start"]:lr["end"]], start=lr["start"], end=lr["end"],
                        value=figure_value(attrs) if lr["layer"] == Layer.FIGURE else "", attrs=attrs,
                        entity_id=lr["entity_id"], entity_name=lr["entity_name"]))
                claimants = [x for x in links if x.role == "claimant"]
                out.append(ClaimRecord(
                    id=cid, uid=r["uid"], doc_id=doc_id, doc_title=r["title"], doc_url=r["source_url"],
                    doc_published=r["published"], language=r["language"], start=r["start"], end=r["end"],
                    text=text[r["start"]:r["end"]], sentence=sentence, context_before=before, context_after=after,
                    state=r["state"], verdict=r["verdict"], rating_text=r["rating_text"], rationale=r["rationale"],
                    evidence=tuple(Evidence(**e) for e in json.loads(r["evidence"] or "[]")),
                    reviewer=r["reviewer"], reviewed_at=r["reviewed_at"], published_at=r["published_at"],
                    updated_at=r["updated_at"], annotator=r["annotator"], span_state=r["span_state"],
                    attrs=json.loads(r["attrs"] or "{}"),
                    figures=tuple(x for x in links if x.role != "claimant" and x.layer == Layer.FIGURE),
                    entities=tuple(x for x in links if x.role != "claimant" and x.layer != Layer.FIGURE),
                    claimant=claimants[0] if claimants else None,
                    history=tuple(histories.get(cid, [])),
                ))
        return out

    # ---- publisher settings (for the ClaimReview export) ------------------------------------------

    def publisher(self) -> dict[str, str]:
        """Who publishes the fact checks: ``name``, ``url`` and the ``url_template`` of a claim's page."""
        return {
            "name": self.store.get_setting("review.publisher") or self.project.name,
            "url": self.store.get_setting("review.publisher_url") or "",
            "url_template": self.store.get_setting("review.url_template") or "",
        }

    def set_publisher(self, *, name: str | None = None, url: str | None = None,
                      url_template: str | None = None) -> Changes:
        """Set the publisher of the fact checks (editor). ``url_template`` may use {id}, {uid}, {doc_id}."""
        self.project.require_editor(say(M.SET_PUBLISHER))
        values = {"review.publisher": name, "review.publisher_url": url, "review.url_template": url_template}
        for key in ("review.publisher_url", "review.url_template"):
            v = values[key]
            if v:
                parts = urlsplit(v.replace("{", "").replace("}", ""))
                if parts.scheme not in {"http", "https"} or not parts.netloc:
                    raise ValidationError(f"{v!r} is not an http(s) URL")
        if url_template:
            try:
                url_template.format(id=1, uid="u", doc_id=1)
            except (KeyError, IndexError, ValueError) as exc:
                raise ValidationError(
                    f"URL template {url_template!r}: use only {{id}}, {{uid}}, {{doc_id}} ({exc})") from None
        given = {k: v.strip() for k, v in values.items() if v is not None}
        with self.project.operation("review.settings", summary=given, undoable=False) as op:
            for k, v in given.items():
                self.store.set_setting(k, v)
        return op.result
