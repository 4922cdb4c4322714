"""How far annotators agree: span F1 (exact and partial), Cohen's kappa and Krippendorff's alpha.

    report = agreement(project, labels={"PER", "LOC"})
    report.overall.alpha, report.overall.pairs[0].exact.f1, report.by_label["PER"].mean_kappa

What is compared: each annotator's accepted spans (``spans.annotator``; gold spans and spans
without an annotator left out) on the documents that at least two of them worked on. An
annotator worked on a document when they have a span on it or were given it in a work package.

* **Exact span F1**, per annotator pair: a span counts when the other has one with the same
  start, end and label (F1 is symmetric; precision and recall take the first of the pair as
  the reference).
* **Partial span F1**: a span counts when the other has one of the same label overlapping it;
  precision is the share of the second's spans that overlap, recall the share of the first's.
* **Cohen's kappa, token level**, per pair: tokens are the ``simple`` tokeniser's (words and
  punctuation, :mod:`annotator.formats.tokens`); per layer a token's value is the label of the
  span covering it (the longest when several of one layer do; "O" when none), so one token
  counts once per layer. Per label the values are binary (this label or not).
* **Krippendorff's alpha, nominal**, over the same token units with every annotator of the
  document as a coder (missing values allowed).

Overall figures pool every token of every document (micro); per-document figures use that
document's tokens alone. A figure that is undefined (no variation at all) is ``None``. Pure
Python, streaming document by document: the figures are sums, so memory does not grow with the
project. Checked against scikit-learn, the ``krippendorff`` package and published examples.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import TYPE_CHECKING, Any

from annotator.store import BATCH

if TYPE_CHECKING:
    from annotator.project import Project

OUTSIDE = "O"
Progress = Callable[[int, int | None], bool | None]
SpanT = tuple[int, int, str]


# ---- the coefficients, on plain data ------------------------------------------------------------


def kappa_from_counts(pairs: Counter[tuple[Hashable, Hashable]]) -> float | None:
    """Cohen's kappa from counts of (first rater's value, second rater's value)."""
    n = sum(pairs.values())
    if not n:
        return None
    agree = sum(c for (x, y), c in pairs.items() if x == y)
    first: Counter[Hashable] = Counter()
    second: Counter[Hashable] = Counter()
    for (x, y), c in pairs.items():
        first[x] += c
        second[y] += c
    po = agree / n
    pe = sum(first[v] * second[v] for v in first) / (n * n)
    if pe >= 1.0:
        return None
    return (po - pe) / (1 - pe)


def cohen_kappa(first: Sequence[Hashable], second: Sequence[Hashable]) -> float | None:
    """Cohen's kappa of two raters' values for the same items (``None`` when undefined)."""
    if len(first) != len(second):
        raise ValueError("both raters must rate the same items")
    return kappa_from_counts(Counter(zip(first, second, strict=True)))


@dataclass
class AlphaSums:
    """Running sums for nominal Krippendorff's alpha (coincidence-matrix form), unit by unit."""

    n: int = 0  # pairable values
    observed: float = 0.0  # sum over units of (m² - Σ n_uc²) / (m - 1)
    totals: Counter[Hashable] = field(default_factory=Counter)

    def add_unit(self, values: Iterable[Hashable | None]) -> None:
        self.add_counts(Counter(v for v in values if v is not None))

    def add_counts(self, counts: Mapping[Hashable, int]) -> None:
        """One unit given as how many coders gave each value."""
        m = sum(counts.values())
        if m < 2:
            return  # a value nobody else gave is not pairable
        self.n += m
        self.observed += (m * m - sum(c * c for c in counts.values())) / (m - 1)
        for v, c in counts.items():
            if c:
                self.totals[v] += c

    def alpha(self) -> float | None:
        n = self.n
        expected = n * n - sum(c * c for c in self.totals.values())
        if n < 2 or expected <= 0:
            return None
        return 1.0 - (n - 1) * self.observed / expected


def krippendorff_alpha(units: Iterable[Iterable[Hashable | None]]) -> float | None:
    """Nominal Krippendorff's alpha; each unit lists the coders' values (``None``: missing)."""
    sums = AlphaSums()
    for unit in units:
        sums.add_unit(unit)
    return sums.alpha()


@dataclass
class SpanMatch:
    """Counts for span F1 between a first (reference) and a second annotator."""

    matched_first: int = 0  # first's spans the second matched
    matched_second: int = 0  # second's spans that match one of the first's
    first: int = 0
    second: int = 0

    def __iadd__(self, other: SpanMatch) -> SpanMatch:
        self.matched_first += other.matched_first
        self.matched_second += other.matched_second
        self.first += other.first
        self.second += other.second
        return self

    @property
    def precision(self) -> float | None:
        return self.matched_second / self.second if self.second else None

    @property
    def recall(self) -> float | None:
        return self.matched_first / self.first if self.first else None

    @property
    def f1(self) -> float | None:
        if not self.first and not self.second:
            return None
        p, r = self.precision or 0.0, self.recall or 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1,
                "first": self.first, "second": self.second,
                "matched_first": self.matched_first, "matched_second": self.matched_second}


def exact_match(first: Iterable[SpanT], second: Iterable[SpanT]) -> SpanMatch:
    a, b = set(first), set(second)
    tp = len(a & b)
    return SpanMatch(tp, tp, len(a), len(b))


def partial_match(first: Iterable[SpanT], second: Iterable[SpanT]) -> SpanMatch:
    a, b = set(first), set(second)

    def hits(xs: set[SpanT], ys: set[SpanT]) -> int:
        # per label: starts in order and the running maximum of the ends; a span (s, e) overlaps
        # one of them exactly when some span starting before e ends after s
        index: dict[str, tuple[list[int], list[int]]] = {}
        for label in {y[2] for y in ys}:
            items = sorted((y[0], y[1]) for y in ys if y[2] == label)
            ends, top = [], -1
            for _, end in items:
                top = max(top, end)
                ends.append(top)
            index[label] = ([start for start, _ in items], ends)
        n = 0
        for s, e, label in xs:
            found = index.get(label)
            if found is not None:
                k = bisect.bisect_left(found[0], e)
                if k and found[1][k - 1] > s:
                    n += 1
        return n

    return SpanMatch(hits(a, b), hits(b, a), len(a), len(b))


def token_labels(tokens: Sequence[tuple[int, int]], spans: Iterable[SpanT]) -> list[str]:
    """Each token's label: the label of the longest span overlapping it, else ``OUTSIDE``."""
    out = [OUTSIDE] * len(tokens)
    starts = [t[0] for t in tokens]
    # shortest first, so the longest is written last (ties: by label, then position)
    for s, e, label in sorted(spans, key=lambda x: (x[1] - x[0], x[2], x[0]), reverse=False):
        k = max(0, bisect.bisect_right(starts, s) - 1)
        while k < len(tokens) and tokens[k][0] < e:
            if tokens[k][1] > s:
                out[k] = label
            k += 1
    return out


# ---- the report ---------------------------------------------------------------------------------


@dataclass
class PairScores:
    first: str
    second: str
    documents: int = 0
    tokens: int = 0
    exact: SpanMatch = field(default_factory=SpanMatch)
    partial: SpanMatch = field(default_factory=SpanMatch)
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)

    @property
    def kappa(self) -> float | None:
        return kappa_from_counts(self.confusion)  # type: ignore[arg-type]

    def to_dict(self) -> dict[str, Any]:
        return {"first": self.first, "second": self.second, "documents": self.documents, "tokens": self.tokens,
                "exact": self.exact.to_dict(), "partial": self.partial.to_dict(), "kappa": self.kappa}


def _mean(values: Iterable[float | None]) -> float | None:
    vs = [v for v in values if v is not None]
    return sum(vs) / len(vs) if vs else None


@dataclass
class Scores:
    """Agreement of one slice (everything, a label, a layer or a document)."""

    pairs: dict[tuple[str, str], PairScores] = field(default_factory=dict)
    alpha_sums: AlphaSums = field(default_factory=AlphaSums)
    spans: Counter[str] = field(default_factory=Counter)  # spans per annotator
    documents: int = 0

    def pair(self, a: str, b: str) -> PairScores:
        key = (a, b)
        if key not in self.pairs:
            self.pairs[key] = PairScores(a, b)
        return self.pairs[key]

    @property
    def alpha(self) -> float | None:
        return self.alpha_sums.alpha()

    @property
    def mean_exact_f1(self) -> float | None:
        return _mean(p.exact.f1 for p in self.pairs.values())

    @property
    def mean_partial_f1(self) -> float | None:
        return _mean(p.partial.f1 for p in self.pairs.values())

    @property
    def mean_kappa(self) -> float | None:
        return _mean(p.kappa for p in self.pairs.values())

    def to_dict(self) -> dict[str, Any]:
        return {"alpha": self.alpha, "mean_exact_f1": self.mean_exact_f1, "mean_partial_f1": self.mean_partial_f1,
                "mean_kappa": self.mean_kappa, "documents": self.documents, "spans": dict(sorted(self.spans.items())),
                "pairs": [p.to_dict() for _, p in sorted(self.pairs.items())]}


@dataclass(frozen=True, slots=True)
class PairSummary:
    """One pair's figures on one document (kept small: a report may hold 10,000 documents)."""

    exact_f1: float | None
    partial_f1: float | None
    kappa: float | None


@dataclass(frozen=True, slots=True)
class DocumentScores:
    """A document's agreement, summed up once the document is done."""

    alpha: float | None
    mean_exact_f1: float | None
    mean_partial_f1: float | None
    mean_kappa: float | None
    spans: dict[str, int]
    pairs: dict[tuple[str, str], PairSummary]
    documents: int = 1

    @classmethod
    def of(cls, sc: Scores) -> DocumentScores:
        return cls(sc.alpha, sc.mean_exact_f1, sc.mean_partial_f1, sc.mean_kappa, dict(sc.spans),
                   {k: PairSummary(p.exact.f1, p.partial.f1, p.kappa) for k, p in sc.pairs.items()})

    def to_dict(self) -> dict[str, Any]:
        return {"alpha": self.alpha, "mean_exact_f1": self.mean_exact_f1, "mean_partial_f1": self.mean_partial_f1,
                "mean_kappa": self.mean_kappa, "spans": dict(sorted(self.spans.items())),
                "pairs": [{"first": a, "second": b, "exact_f1": p.exact_f1, "partial_f1": p.partial_f1,
                           "kappa": p.kappa} for (a, b), p in sorted(self.pairs.items())]}


@dataclass
class AgreementReport:
    annotators: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    layers: list[str] = field(default_factory=list)
    documents: int = 0
    overall: Scores = field(default_factory=Scores)
    by_label: dict[str, Scores] = field(default_factory=dict)
    by_layer: dict[str, Scores] = field(default_factory=dict)
    by_doc: dict[int, DocumentScores] = field(default_factory=dict)
    titles: dict[int, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "annotators": self.annotators, "labels": self.labels, "layers": self.layers, "documents": self.documents,
            "overall": self.overall.to_dict(),
            "by_label": {k: v.to_dict() for k, v in self.by_label.items()},
            "by_layer": {k: v.to_dict() for k, v in self.by_layer.items()},
            "by_doc": [{"doc_id": d, "title": self.titles.get(d, ""), **s.to_dict()} for d, s in self.by_doc.items()],
        }


def _doc_annotators(project: Project) -> dict[str, set[str]]:
    """Document uid -> people given it in a work package."""
    from annotator.package import assignments

    out: dict[str, set[str]] = {}
    for name, uids in assignments(project).items():
        for u in uids:
            out.setdefault(u, set()).add(name)
    return out


def agreement(project: Project, *, labels: Iterable[str] | None = None, layers: Iterable[str] | None = None,
              annotators: Iterable[str] | None = None, doc_ids: Sequence[int] | None = None,
              tokenizer: str = "simple", states: Iterable[str] = ("accepted",),
              progress: Progress | None = None) -> AgreementReport:
    """Agreement between the annotators of ``project`` (see the module docstring).

    ``labels``/``layers``/``annotators``/``doc_ids`` narrow what is compared; ``progress(done,
    total)`` is called per batch of documents (return False to stop early: the figures then
    cover the documents seen so far). Reads only; any thread that owns the project may call it.
    """
    from annotator.formats.tokens import get_tokenizer

    schema = project.schema
    want_labels = set(labels) if labels else None
    want_layers = set(layers) if layers else None
    if want_labels:
        schema_labels = [schema.label(x) for x in sorted(want_labels)]  # raises for an unknown label
        want_layers = (want_layers or set(str(x.layer) for x in schema_labels)) & {str(x.layer) for x in schema_labels}
    layer_of = {lab.name: str(lab.layer) for lab in schema.labels}
    label_order = {lab.name: k for k, lab in enumerate(schema.labels)}
    who = set(annotators) if annotators else None
    tok = get_tokenizer(tokenizer)
    assigned = _doc_annotators(project)
    report = AgreementReport()
    all_annotators: set[str] = set()
    seen_labels: set[str] = set()
    seen_layers: set[str] = set()
    store = project.store
    ids = list(doc_ids) if doc_ids is not None else project.documents.ids()
    st = [str(s) for s in states]
    for k in range(0, len(ids), BATCH):
        chunk = ids[k : k + BATCH]
        marks = ",".join("?" * len(chunk))
        docs = {r[0]: (r[1], r[2], r[3]) for r in store.conn.execute(
            f"SELECT id, uid, title, text FROM documents WHERE id IN ({marks})", chunk)}
        spans: dict[int, dict[str, list[SpanT]]] = {}
        for doc, start, end, label, annotator in store.conn.execute(
                f'SELECT doc_id, start, "end", label, annotator FROM spans WHERE doc_id IN ({marks}) '
                f"AND gold = 0 AND annotator IS NOT NULL AND state IN ({','.join('?' * len(st))})", [*chunk, *st]):
            if who is not None and annotator not in who:
                continue
            if want_labels is not None and label not in want_labels:
                continue
            if want_layers is not None and layer_of.get(label) not in want_layers:
                continue
            spans.setdefault(doc, {}).setdefault(annotator, []).append((start, end, label))
        for doc_id in chunk:
            if doc_id not in docs:
                continue
            uid, title, text = docs[doc_id]
            by_person = spans.get(doc_id, {})
            people = set(by_person) | {p for p in assigned.get(uid, set()) if who is None or p in who}
            if len(people) < 2:
                continue
            coders = sorted(people)
            report.documents += 1
            report.titles[doc_id] = title
            all_annotators.update(coders)
            doc_scores = Scores()
            _score_document(report, doc_scores, coders, by_person, tok.tokenize(text), layer_of, want_layers,
                            seen_labels, seen_layers)
            report.by_doc[doc_id] = DocumentScores.of(doc_scores)
        if progress is not None and progress(min(k + BATCH, len(ids)), len(ids)) is False:
            break
    report.annotators = sorted(all_annotators)
    report.labels = sorted(seen_labels, key=lambda x: (label_order.get(x, 1 << 30), x))
    report.layers = [x for x in ("entity", "figure", "claim") if x in seen_layers] + sorted(
        seen_layers - {"entity", "figure", "claim"})
    report.by_label = {lab: report.by_label[lab] for lab in report.labels if lab in report.by_label}
    return report


def _by_label(spans: Iterable[SpanT]) -> dict[str, list[SpanT]]:
    out: dict[str, list[SpanT]] = {}
    for sp in spans:
        out.setdefault(sp[2], []).append(sp)
    return out


def _score_document(report: AgreementReport, doc: Scores, coders: list[str], by_person: dict[str, list[SpanT]],
                    tokens: list[tuple[int, int]], layer_of: dict[str, str], want_layers: set[str] | None,
                    seen_labels: set[str], seen_layers: set[str]) -> None:
    labels_here = sorted({s[2] for spans in by_person.values() for s in spans})
    layers_here = sorted({layer_of.get(x, "entity") for x in labels_here})
    if want_layers is not None:
        layers_here = sorted(set(layers_here) | want_layers)
    seen_labels.update(labels_here)
    seen_layers.update(layers_here)
    slices: list[Scores] = [report.overall, doc]
    for s in slices:
        s.documents += 1
    for lab in labels_here:
        report.by_label.setdefault(lab, Scores()).documents += 1
    for layer in layers_here:
        report.by_layer.setdefault(layer, Scores()).documents += 1
    for person in coders:
        for s_ in by_person.get(person, []):
            for sc in (report.overall, doc, report.by_label[s_[2]], report.by_layer[layer_of.get(s_[2], "entity")]):
                sc.spans[person] += 1
    # span F1, per pair: matching needs the same label, so the counts of a layer, of the document
    # and overall are the sums of the labels' counts (each computed once)
    grouped = {c: _by_label(by_person.get(c, [])) for c in coders}
    for a, b in combinations(coders, 2):
        targets = [report.overall.pair(a, b), doc.pair(a, b)]
        layer_pairs = {layer: report.by_layer[layer].pair(a, b) for layer in layers_here}
        for p in (*targets, *layer_pairs.values()):
            p.documents += 1
        for lab in labels_here:
            la, lb = grouped[a].get(lab, []), grouped[b].get(lab, [])
            exact, partial = exact_match(la, lb), partial_match(la, lb)
            label_pair = report.by_label[lab].pair(a, b)
            label_pair.documents += 1
            for p in (*targets, layer_pairs[layer_of.get(lab, "entity")], label_pair):
                p.exact += exact
                p.partial += partial
    # token values, per layer and coder
    for layer in layers_here:
        values = {c: token_labels(tokens, [x for x in by_person.get(c, []) if layer_of.get(x[2], "entity") == layer])
                  for c in coders}
        layer_labels = [lab for lab in labels_here if layer_of.get(lab, "entity") == layer]
        layer_scores = report.by_layer[layer]
        columns = [values[c] for c in coders]
        m = len(coders)
        label_sums = [(lab, report.by_label[lab].alpha_sums) for lab in layer_labels]
        for unit in zip(*columns, strict=True):
            counts = Counter(unit)
            for sc in (report.overall, doc, layer_scores):
                sc.alpha_sums.add_counts(counts)
            for lab, sums in label_sums:
                k = counts.get(lab, 0)
                sums.add_counts({True: k, False: m - k})
        for a, b in combinations(coders, 2):
            pairs = Counter(zip(values[a], values[b], strict=True))
            for sc in (report.overall, doc, layer_scores):
                p = sc.pair(a, b)
                p.tokens += len(tokens)
                p.confusion.update(pairs)
            for lab in layer_labels:
                p = report.by_label[lab].pair(a, b)
                p.tokens += len(tokens)
                for (x, y), c in pairs.items():
                    p.confusion[(str(x == lab), str(y == lab))] += c
