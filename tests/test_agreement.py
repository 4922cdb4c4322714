"""Agreement figures, checked against published worked examples and reference implementations."""

from __future__ import annotations

import math
import warnings
from pathlib import Path
from typing import Any

import krippendorff
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.metrics import cohen_kappa_score

from annotator.agreement import (
    OUTSIDE,
    agreement,
    cohen_kappa,
    exact_match,
    krippendorff_alpha,
    partial_match,
    token_labels,
)
from annotator.formats.tokens import get_tokenizer
from annotator.package import make_package
from annotator.project import Project

# ---- published worked examples ---------------------------------------------------------------

# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 observers,
# 12 units, values 1-5, missing data; nominal alpha = 0.743.
K2011 = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
    [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
]
# Wikipedia, "Krippendorff's alpha", computational example: 3 coders, 15 units; nominal 0.691.
WIKI_ALPHA = [
    [None, None, None, None, None, 3, 4, 1, 2, 1, 1, 3, 3, None, 3],
    [1, None, 2, 1, 3, 3, 4, 3, None, None, None, None, None, None, None],
    [None, None, 2, 1, 3, 4, 4, None, 2, 1, 1, 3, 3, None, 4],
]


def _units(rows: list[list[Any]]) -> list[list[Any]]:
    return [list(u) for u in zip(*rows, strict=True)]


@pytest.mark.parametrize(("data", "published"), [(K2011, 0.743), (WIKI_ALPHA, 0.691)])
def test_alpha_published_examples(data: list[list[Any]], published: float) -> None:
    got = krippendorff_alpha(_units(data))
    assert got is not None and round(got, 3) == published
    ref = krippendorff.alpha(np.array([[np.nan if v is None else v for v in row] for row in data], dtype=float),
                             level_of_measurement="nominal")
    assert math.isclose(got, ref, abs_tol=1e-12)


def _table(yy: int, yn: int, ny: int, nn: int) -> tuple[list[str], list[str]]:
    first = ["yes"] * (yy + yn) + ["no"] * (ny + nn)
    second = ["yes"] * yy + ["no"] * yn + ["yes"] * ny + ["no"] * nn
    return first, second


# Wikipedia, "Cohen's kappa": 50 grant proposals (20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no) -> 0.4;
# and the two tables with the same 60% agreement: 0.1304 and 0.2593.
@pytest.mark.parametrize(("cells", "published"), [
    ((20, 5, 10, 15), 0.4),
    ((45, 15, 25, 15), 0.1304),
    ((25, 35, 5, 35), 0.2593),
])
def test_kappa_published_examples(cells: tuple[int, int, int, int], published: float) -> None:
    first, second = _table(*cells)
    got = cohen_kappa(first, second)
    assert got is not None and round(got, 4) == published
    assert math.isclose(got, cohen_kappa_score(first, second), abs_tol=1e-12)


# ---- reference implementations on random data -------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from("OABC"), st.sampled_from("OABC")), min_size=1, max_size=60))
def test_kappa_matches_sklearn(pairs: list[tuple[str, str]]) -> None:
    first, second = [a for a, _ in pairs], [b for _, b in pairs]
    got = cohen_kappa(first, second)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ref = cohen_kappa_score(first, second)
    if got is None:
        assert math.isnan(ref) or len(set(first) | set(second)) == 1
    else:
        assert math.isclose(got, ref, abs_tol=1e-9)


@settings(max_examples=60, deadline=None)
@given(st.integers(2, 5).flatmap(lambda coders: st.lists(
    st.lists(st.one_of(st.none(), st.integers(0, 3)), min_size=coders, max_size=coders), min_size=1, max_size=40)))
def test_alpha_matches_the_krippendorff_package(units: list[list[int | None]]) -> None:
    got = krippendorff_alpha(units)
    matrix = np.array([[np.nan if v is None else v for v in u] for u in units], dtype=float).T
    pairable = [u for u in units if sum(v is not None for v in u) >= 2]
    values = {v for u in pairable for v in u if v is not None}
    if got is None:
        assert len(values) <= 1
        return
    ref = krippendorff.alpha(matrix, level_of_measurement="nominal")
    assert math.isclose(got, ref, abs_tol=1e-9)


@pytest.mark.parametrize(("first", "second", "exact", "partial"), [
    # same spans
    ([(0, 5, "PER")], [(0, 5, "PER")], (1.0, 1.0, 1.0), (1.0, 1.0, 1.0)),
    # boundary differs: no exact match, a partial one
    ([(0, 5, "PER")], [(0, 4, "PER")], (0.0, 0.0, 0.0), (1.0, 1.0, 1.0)),
    # label differs: neither
    ([(0, 5, "PER")], [(0, 5, "ORG")], (0.0, 0.0, 0.0), (0.0, 0.0, 0.0)),
    # one of two found; the second has an extra one far away
    ([(0, 5, "PER"), (10, 14, "LOC")], [(0, 5, "PER"), (20, 22, "LOC")], (0.5, 0.5, 0.5), (0.5, 0.5, 0.5)),
    # one long span against two short ones inside it
    ([(0, 10, "ORG")], [(0, 3, "ORG"), (5, 10, "ORG")], (0.0, 0.0, 0.0), (1.0, 1.0, 1.0)),
])
def test_span_matching(first: list[Any], second: list[Any], exact: tuple[float, float, float],
                       partial: tuple[float, float, float]) -> None:
    e, p = exact_match(first, second), partial_match(first, second)
    assert (e.precision, e.recall, e.f1) == exact
    assert (p.precision, p.recall, p.f1) == partial


def test_token_labels_longest_span_wins_and_partial_tokens_count() -> None:
    text = "Bộ Giáo dục Việt Nam chi tiền"
    tokens = get_tokenizer("simple").tokenize(text)
    labels = token_labels(tokens, [(0, 20, "ORG"), (12, 20, "LOC"), (25, 27, "MONEY")])
    assert labels == ["ORG", "ORG", "ORG", "ORG", "ORG", OUTSIDE, "MONEY"]


# ---- the project report, against the references on the same tokens --------------------------------

DOCS = [
    "Ông Lê Hồng Long đến Sơn La hôm 4/8/2020 cùng đoàn VOV.",
    "Bộ Giáo dục và Đào tạo chi hơn 4.500 tỷ đồng cho 1.200 phòng học ở Sơn La.",
]
# (doc, annotator, needle, label)
WORK = [
    (0, "lan", "Lê Hồng Long", "PER"), (0, "lan", "Sơn La", "LOC"), (0, "lan", "VOV", "ORG"),
    (0, "minh", "Lê Hồng Long", "PER"), (0, "minh", "Sơn", "LOC"), (0, "minh", "4/8/2020", "DATE"),
    (0, "vy", "Hồng Long", "PER"), (0, "vy", "Sơn La", "LOC"), (0, "vy", "VOV", "ORG"),
    (1, "lan", "Bộ Giáo dục và Đào tạo", "ORG"), (1, "lan", "Sơn La", "LOC"),
    (1, "minh", "Bộ Giáo dục và Đào tạo", "ORG"), (1, "minh", "4.500 tỷ đồng", "MONEY"),
]


@pytest.fixture
def rated(tmp_path: Path) -> Any:
    p = Project.create(tmp_path / "p", actor="lead")
    ids = [p.documents.add(t, title=f"doc {k}") for k, t in enumerate(DOCS)]
    for doc, who, needle, label in WORK:
        p.actor = who
        start = DOCS[doc].index(needle)
        p.spans.add(doc_id=ids[doc], start=start, end=start + len(needle), label=label)
    p.actor = "lead"
    # a gold span and a suggestion are not anyone's annotation
    p.spans.add(doc_id=ids[0], start=0, end=3, label="MISC", state="suggested")
    p.ids = ids  # type: ignore[attr-defined]
    yield p
    p.close()


def _spans(doc: int, who: str, labels: set[str] | None = None) -> list[tuple[int, int, str]]:
    out = []
    for d, w, needle, label in WORK:
        if d == doc and w == who and (labels is None or label in labels):
            s = DOCS[doc].index(needle)
            out.append((s, s + len(needle), label))
    return out


def _layer_values(doc: int, who: str, layer: str) -> list[str]:
    from annotator.schema import default_schema

    sch = default_schema()
    tokens = get_tokenizer("simple").tokenize(DOCS[doc])
    return token_labels(tokens, [s for s in _spans(doc, who) if str(sch.label(s[2]).layer) == layer])


def test_report_matches_the_references(rated: Project) -> None:
    report = agreement(rated)
    assert report.annotators == ["lan", "minh", "vy"]
    assert report.documents == 2
    assert report.labels == ["PER", "ORG", "LOC", "MONEY", "DATE"]
    assert report.layers == ["entity", "figure"]
    # pairwise kappa = sklearn on the tokens of both documents and both layers, concatenated
    for a, b, docs in (("lan", "minh", [0, 1]), ("lan", "vy", [0]), ("minh", "vy", [0])):
        first = [v for d in docs for layer in ("entity", "figure") for v in _layer_values(d, a, layer)]
        second = [v for d in docs for layer in ("entity", "figure") for v in _layer_values(d, b, layer)]
        pair = report.overall.pairs[(a, b)]
        assert math.isclose(pair.kappa or 0, cohen_kappa_score(first, second), abs_tol=1e-12)
        assert pair.documents == len(docs)
    # alpha = the krippendorff package over the same units, vy missing from document 1
    coders = ["lan", "minh", "vy"]
    rows = []
    for c in coders:
        row: list[float] = []
        for d in (0, 1):
            for layer in ("entity", "figure"):
                vals = _layer_values(d, c, layer)
                row += [np.nan] * len(vals) if (c == "vy" and d == 1) else vals  # type: ignore[list-item]
        rows.append(row)
    codes = {v: k for k, v in enumerate(sorted({v for r in rows for v in r if isinstance(v, str)}))}
    matrix = np.array([[codes[v] if isinstance(v, str) else np.nan for v in r] for r in rows], dtype=float)
    assert math.isclose(report.overall.alpha or 0, krippendorff.alpha(matrix, level_of_measurement="nominal"),
                        abs_tol=1e-12)
    # exact span F1 by hand: lan/minh agree on PER and ORG (2 of 5 and 2 of 5)
    lm = report.overall.pairs[("lan", "minh")]
    assert (lm.exact.matched_first, lm.exact.first, lm.exact.second) == (2, 5, 5)
    assert lm.exact.f1 == pytest.approx(0.4)
    assert lm.partial.f1 == pytest.approx(0.6)  # Sơn/Sơn La overlaps as well
    # per label: PER on document 0 only, binary kappa as sklearn
    per = report.by_label["PER"]
    first = [v == "PER" for v in _layer_values(0, "lan", "entity")]
    second = [v == "PER" for v in _layer_values(0, "vy", "entity")]
    assert math.isclose(per.pairs[("lan", "vy")].kappa or 0, cohen_kappa_score(first, second), abs_tol=1e-12)
    assert per.spans == {"lan": 1, "minh": 1, "vy": 1}
    # per document: document 1 has two annotators
    d1 = report.by_doc[rated.ids[1]]  # type: ignore[attr-defined]
    assert list(d1.pairs) == [("lan", "minh")]
    json_ready = report.to_dict()
    assert json_ready["by_doc"][1]["doc_id"] == rated.ids[1]  # type: ignore[attr-defined]


def test_label_filter_and_annotator_filter(rated: Project) -> None:
    report = agreement(rated, labels={"LOC"}, annotators={"lan", "vy"})
    assert report.labels == ["LOC"] and report.layers == ["entity"]
    assert report.documents == 1  # vy did not work on document 1
    pair = report.overall.pairs[("lan", "vy")]
    assert pair.exact.f1 == 1.0 and pair.kappa == 1.0 and report.overall.alpha == 1.0


def test_an_assigned_annotator_who_tagged_nothing_disagrees(rated: Project, tmp_path: Path) -> None:
    make_package(rated, tmp_path / "an.annotator", annotator="an", doc_ids=[rated.ids[1]])  # type: ignore[attr-defined]
    report = agreement(rated, annotators={"lan", "an"})
    pair = report.overall.pairs[("an", "lan")]
    assert pair.exact.f1 == 0.0 and pair.documents == 1
    assert report.overall.spans == {"lan": 2}


def test_progress_and_empty(project: Project) -> None:
    calls: list[tuple[int, int | None]] = []
    report = agreement(project, progress=lambda d, t: calls.append((d, t)) or None)
    assert report.documents == 0 and report.overall.alpha is None and report.overall.mean_kappa is None
    assert calls == []
