"""Scoring figure suggestions against a gold annotation.

Matching rule: a predicted span matches a gold span when its start, end and label are all equal
(exact offsets, code points, end exclusive). A gold span matches at most one prediction; a
second identical prediction is a false positive. Only spans whose label is in ``labels`` (by
default the labels the recogniser proposes: the figure labels and DOC_REF) are scored, and
rejected spans are ignored on both sides, so a gold file may also hold entities and claims.

* precision = matched / predicted, recall = matched / gold, f1 their harmonic mean;
* value accuracy = the share of matched spans whose normalised values agree with gold's on every
  key of :data:`VALUE_KEYS` (value, low, high, date, unit, and normalized for DOC_REF). Decimals
  are compared as numbers ("8" equals "8.0"), everything else as text; a key absent on both sides
  agrees, absent on one side disagrees;
* attribute accuracy, per attribute: over matched spans where either side has the attribute,
  the share where both agree (bound, referent, scale … are reported here, not in value accuracy).

With nothing to score on either side every score is 1.0; otherwise a ratio with an empty
denominator is 0.0. Pure functions; any thread may call them.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from annotator.errors import FormatError
from annotator.figures import RECOGNISED_LABELS, Suggestion, recognise
from annotator.model import DocRecord, SpanRecord, SpanState

__all__ = [
    "VALUE_KEYS",
    "LabelScore",
    "Scores",
    "ScoredSpan",
    "ValueMismatch",
    "evaluate",
    "evaluate_recogniser",
    "load_gold",
]

VALUE_KEYS = ("value", "low", "high", "date", "unit", "normalized")
_DECIMAL_KEYS = frozenset({"value", "low", "high", "scale"})
_ATTRIBUTE_KEYS = ("value", "low", "high", "bound", "unit", "scale", "date", "granularity", "referent",
                   "ambiguous", "normalized")


@dataclass(frozen=True, slots=True)
class ScoredSpan:
    """A span named by its document (gold id, or position in the gold list) and its text."""

    doc: str
    start: int
    end: int
    label: str
    text: str
    attrs: Mapping[str, Any] = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True, slots=True)
class ValueMismatch:
    gold: ScoredSpan
    predicted: ScoredSpan
    keys: tuple[str, ...]  # the VALUE_KEYS that differ


class _Counts:
    """Precision, recall and f1 from the counts ``tp``, ``fp`` and ``fn`` of a subclass."""

    __slots__ = ()
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp, self.fn == 0)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn, self.fp == 0)

    @property
    def f1(self) -> float:
        return _f1(self.precision, self.recall)


@dataclass(frozen=True, slots=True)
class LabelScore(_Counts):
    label: str
    tp: int
    fp: int
    fn: int


@dataclass(frozen=True, slots=True)
class Scores(_Counts):
    """The result of :func:`evaluate`."""

    tp: int
    fp: int
    fn: int
    value_correct: int
    per_label: Mapping[str, LabelScore]
    attribute_accuracy: Mapping[str, float]
    misses: tuple[ScoredSpan, ...]  # gold spans nothing matched
    false_positives: tuple[ScoredSpan, ...]  # predictions that matched no gold span
    value_mismatches: tuple[ValueMismatch, ...]

    @property
    def value_accuracy(self) -> float:
        return _ratio(self.value_correct, self.tp, self.fp == 0 and self.fn == 0)

    def as_dict(self) -> dict[str, Any]:
        """Plain data for JSON output."""

        def span(s: ScoredSpan) -> dict[str, Any]:
            return {"doc": s.doc, "start": s.start, "end": s.end, "label": s.label, "text": s.text,
                    "attrs": dict(s.attrs)}

        return {
            "precision": self.precision, "recall": self.recall, "f1": self.f1,
            "value_accuracy": self.value_accuracy, "tp": self.tp, "fp": self.fp, "fn": self.fn,
            "per_label": {k: {"tp": v.tp, "fp": v.fp, "fn": v.fn, "precision": v.precision,
                              "recall": v.recall, "f1": v.f1} for k, v in self.per_label.items()},
            "attribute_accuracy": dict(self.attribute_accuracy),
            "misses": [span(s) for s in self.misses],
            "false_positives": [span(s) for s in self.false_positives],
            "value_mismatches": [{"gold": span(m.gold), "predicted": span(m.predicted), "keys": list(m.keys)}
                                 for m in self.value_mismatches],
        }

    def report(self, *, limit: int = 50) -> str:
        """A plain-text report: the three scores, a per-label table, then the errors."""
        lines = [
            f"precision       {self.precision:.3f}  ({self.tp}/{self.tp + self.fp})",
            f"recall          {self.recall:.3f}  ({self.tp}/{self.tp + self.fn})",
            f"f1              {self.f1:.3f}",
            f"value accuracy  {self.value_accuracy:.3f}  ({self.value_correct}/{self.tp})",
            "",
            f"{'label':<10} {'tp':>5} {'fp':>5} {'fn':>5} {'prec':>6} {'rec':>6} {'f1':>6}",
        ]
        for lab in sorted(self.per_label):
            s = self.per_label[lab]
            lines.append(f"{lab:<10} {s.tp:>5} {s.fp:>5} {s.fn:>5} {s.precision:>6.3f} {s.recall:>6.3f} {s.f1:>6.3f}")
        for title, spans in (("missed", self.misses), ("false positives", self.false_positives)):
            if spans:
                lines += ["", f"{title} ({len(spans)}):"]
                lines += [f"  {s.doc} {s.start}-{s.end} {s.label} {s.text!r}" for s in spans[:limit]]
        if self.value_mismatches:
            lines += ["", f"value mismatches ({len(self.value_mismatches)}):"]
            for m in self.value_mismatches[:limit]:
                diffs = ", ".join(f"{k}: {m.gold.attrs.get(k)!r} ≠ {m.predicted.attrs.get(k)!r}" for k in m.keys)
                lines.append(f"  {m.gold.doc} {m.gold.start}-{m.gold.end} {m.gold.label} {m.gold.text!r}: {diffs}")
        return "\n".join(lines)


def _ratio(num: int, den: int, vacuous: bool) -> float:
    if den == 0:
        return 1.0 if vacuous else 0.0
    return num / den


def _f1(p: float, r: float) -> float:
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


# ---- reading doc-likes and span-likes ---------------------------------------------------------

def _get(obj: Any, name: str, default: Any = None) -> Any:
    if isinstance(obj, Mapping):
        return obj.get(name, default)
    return getattr(obj, name, default)


def _doc_key(doc: Any, index: int) -> str:
    for name in ("ext_id", "id"):
        v = _get(doc, name)
        if v is not None:
            return str(v)
    return str(index)


def _spans_of(item: Any) -> Iterable[Any]:
    spans = _get(item, "spans") if not isinstance(item, Sequence) or isinstance(item, str | bytes) else item
    return spans or ()


def _collect(doc_key: str, text: str, spans: Iterable[Any], labels: frozenset[str]) -> list[ScoredSpan]:
    out = []
    for s in spans:
        label = str(_get(s, "label"))
        state = _get(s, "state")
        if label not in labels or str(state) == SpanState.REJECTED.value:
            continue
        start, end = int(_get(s, "start")), int(_get(s, "end"))
        out.append(ScoredSpan(doc_key, start, end, label, text[start:end], dict(_get(s, "attrs") or {})))
    return out


def _same(key: str, a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if key in _DECIMAL_KEYS:
        try:
            return Decimal(str(a)) == Decimal(str(b))
        except InvalidOperation:
            return str(a) == str(b)
    if isinstance(a, bool) or isinstance(b, bool):
        return str(a).lower() == str(b).lower()
    return str(a) == str(b)


def evaluate(gold: Sequence[Any], predicted: Sequence[Any], *,
             labels: Iterable[str] = RECOGNISED_LABELS) -> Scores:
    """Score ``predicted`` against ``gold`` (see the module docstring for the rules).

    ``gold`` holds documents: :class:`~annotator.model.DocRecord`\\ s or anything with ``text``
    and ``spans`` (objects or dicts). ``predicted`` is aligned with it, one item per document:
    a document-like with ``spans``, or simply a sequence of spans (:class:`Suggestion`,
    :class:`~annotator.model.SpanRecord`, :class:`~annotator.model.Span`, or dicts with
    start/end/label/attrs).
    """
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold documents but {len(predicted)} predicted ones")
    wanted = frozenset(labels)
    tp = fp = fn = correct = 0
    per: dict[str, list[int]] = {}
    attr_seen: dict[str, int] = {}
    attr_ok: dict[str, int] = {}
    misses: list[ScoredSpan] = []
    fps: list[ScoredSpan] = []
    mismatches: list[ValueMismatch] = []
    for i, (gdoc, pitem) in enumerate(zip(gold, predicted, strict=True)):
        key = _doc_key(gdoc, i)
        text = str(_get(gdoc, "text") or "")
        g_spans = _collect(key, text, _spans_of(gdoc), wanted)
        p_spans = _collect(key, text, _spans_of(pitem), wanted)
        pool: dict[tuple[int, int, str], list[ScoredSpan]] = {}
        for g in g_spans:
            pool.setdefault((g.start, g.end, g.label), []).append(g)
        for p in sorted(p_spans, key=lambda s: (s.start, s.end, s.label)):
            counts = per.setdefault(p.label, [0, 0, 0])
            candidates = pool.get((p.start, p.end, p.label))
            if not candidates:
                fp += 1
                counts[1] += 1
                fps.append(p)
                continue
            g = candidates.pop(0)
            tp += 1
            counts[0] += 1
            differing = tuple(k for k in VALUE_KEYS if not _same(k, g.attrs.get(k), p.attrs.get(k)))
            if differing:
                mismatches.append(ValueMismatch(g, p, differing))
            else:
                correct += 1
            for k in _ATTRIBUTE_KEYS:
                if k in g.attrs or k in p.attrs:
                    attr_seen[k] = attr_seen.get(k, 0) + 1
                    if _same(k, g.attrs.get(k), p.attrs.get(k)):
                        attr_ok[k] = attr_ok.get(k, 0) + 1
        for rest in pool.values():
            for g in rest:
                fn += 1
                per.setdefault(g.label, [0, 0, 0])[2] += 1
                misses.append(g)
    misses.sort(key=lambda s: (s.doc, s.start, s.end))
    return Scores(
        tp=tp, fp=fp, fn=fn, value_correct=correct,
        per_label={lab: LabelScore(lab, *c) for lab, c in sorted(per.items())},
        attribute_accuracy={k: attr_ok.get(k, 0) / n for k, n in sorted(attr_seen.items())},
        misses=tuple(misses), false_positives=tuple(fps), value_mismatches=tuple(mismatches),
    )


def evaluate_recogniser(gold: Sequence[Any], *,
                        recogniser: Callable[..., list[Suggestion]] = recognise,
                        labels: Iterable[str] = RECOGNISED_LABELS) -> Scores:
    """Run ``recogniser(text, language=…)`` on every gold document and score it."""
    predicted = [recogniser(str(_get(d, "text") or ""), language=_get(d, "language")) for d in gold]
    return evaluate(gold, predicted, labels=labels)


def load_gold(path: str | Path) -> list[DocRecord]:
    """Read a gold file in our JSONL layout (one ``{"id", "text", "meta", "spans"}`` a line).

    Offsets are taken as written (no normalisation); a span whose offsets fall outside the text,
    or whose optional ``text`` differs from the text at its offsets, raises FormatError.
    """
    p = Path(path)
    docs: list[DocRecord] = []
    try:
        lines = p.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise FormatError(f"cannot read ({exc.strerror})", path=str(p)) from None
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise FormatError(f"not JSON: {exc.msg}", path=str(p), line=n) from None
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
            raise FormatError('expected an object with a "text" string', path=str(p), line=n)
        text = obj["text"]
        spans = []
        for k, s in enumerate(obj.get("spans") or []):
            try:
                start, end, label = int(s["start"]), int(s["end"]), str(s["label"])
            except (KeyError, TypeError, ValueError):
                raise FormatError(f"spans[{k}]: needs start, end and label", path=str(p), line=n) from None
            if not 0 <= start < end <= len(text):
                raise FormatError(f"spans[{k}] {start}-{end}: outside the text or empty", path=str(p), line=n)
            if "text" in s and s["text"] != text[start:end]:
                raise FormatError(f"spans[{k}] {start}-{end}: text {s['text']!r} is not {text[start:end]!r}",
                                  path=str(p), line=n)
            try:
                state = SpanState(s.get("state", "accepted"))
            except ValueError:
                raise FormatError(f"spans[{k}]: unknown state {s.get('state')!r}", path=str(p), line=n) from None
            spans.append(SpanRecord(start, end, label, dict(s.get("attrs") or {}), state))
        docs.append(DocRecord(text=text, spans=spans, ext_id=None if obj.get("id") is None else str(obj["id"]),
                              meta=dict(obj.get("meta") or {}), language=obj.get("language")))
    return docs
