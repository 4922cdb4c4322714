"""spaCy DocBin: spaCy loads what we write and finds the spans where we put them; round trips."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_tokens import any_records, token_records

from annotator.errors import FormatError
from annotator.formats.conll import write_conll
from annotator.formats.spacy_docbin import read_docbin, write_docbin
from annotator.model import DocRecord, DocStatus, LinkRecord, SpanRecord, SpanState

spacy = pytest.importorskip("spacy")
from spacy.tokens import DocBin  # noqa: E402

DATA = Path(__file__).parent / "data"
TEXT = "Ông Lê Hồng Long, Trưởng Ban Tổ chức Tỉnh ủy Sơn La,\r\nnói  88,8% đảng viên 👍🏽."


def find(text: str, frag: str, nth: int = 0) -> tuple[int, int]:
    i = -1
    for _ in range(nth + 1):
        i = text.find(frag, i + 1)
    assert i >= 0, frag
    return i, i + len(frag)


def record() -> DocRecord:
    from annotator.textnorm import normalize

    t = normalize(TEXT).text
    return DocRecord(
        text=t,
        spans=[
            SpanRecord(*find(t, "Lê Hồng Long"), "PER", {"notes": "chủ tịch"}, ext_id="s1", entity="Lê Hồng Long"),
            SpanRecord(*find(t, "Trưởng Ban Tổ chức Tỉnh ủy Sơn La"), "CLAIM", {"checkworthiness": "checkworthy_factual"},
                       state=SpanState.SUGGESTED, ext_id="c1"),
            SpanRecord(*find(t, "Ban Tổ chức Tỉnh ủy Sơn La"), "ORG"),
            SpanRecord(*find(t, "Tỉnh ủy"), "ORG"),
            SpanRecord(*find(t, "Sơn La"), "LOC"),
            SpanRecord(*find(t, "88,8%"), "PERCENT", {"value": "88.8", "unit": "%", "ambiguous": False}),
            SpanRecord(*find(t, "8,8"), "COUNT"),  # inside the token "88,8"
        ],
        links=[LinkRecord("c1", "s1", "entity", ext_id="l1")],
        title="Phỏng vấn",
        ext_id="doc-1",
        meta={"tags": ["a", "b"], "n": 3},
        source_url="https://example.org/a",
        status=DocStatus.REVIEWED,
    )


@functools.lru_cache(maxsize=1)
def _nlp() -> Any:
    return spacy.blank("en")


def load(path: Path) -> list[Any]:
    return list(DocBin().from_disk(path).get_docs(_nlp().vocab))


def test_spacy_finds_our_spans_where_we_put_them(tmp_path: Path) -> None:
    rec = record()
    out = tmp_path / "train.spacy"
    report = write_docbin([rec], out)
    (doc,) = load(out)
    assert doc.text == rec.text
    groups = {key: [(s.text, s.label_) for s in doc.spans[key]] for key in doc.spans}
    assert groups == {
        "entity": [("Lê Hồng Long", "PER"), ("Ban Tổ chức Tỉnh ủy Sơn La", "ORG"), ("Tỉnh ủy", "ORG"),
                   ("Sơn La", "LOC")],
        "claim": [("Trưởng Ban Tổ chức Tỉnh ủy Sơn La", "CLAIM")],
        "figure": [("88,8%", "PERCENT")],
    }
    # ents: entity layer first, longer first, never overlapping; claims are not entities
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Lê Hồng Long", "PER"), ("Ban Tổ chức Tỉnh ủy Sơn La", "ORG"), ("88,8%", "PERCENT")]
    per = doc.spans["entity"][0]
    assert (per.start_char, per.end_char, per.kb_id_, per.id_) == (*find(rec.text, "Lê Hồng Long"), "Lê Hồng Long", "s1")
    problems = "\n".join(report.problems)
    assert "COUNT" in problems and "kept only in doc.user_data" in problems
    assert "2 span(s) overlap an entity" in problems and "Tỉnh ủy" in problems and "Sơn La" in problems
    assert report.documents == 1 and report.spans == 7 and report.links == 1
    stored = doc.user_data["annotator"]["spans"]
    assert stored[5]["attrs"] == {"value": "88.8", "unit": "%", "ambiguous": False}


def test_read_back_exactly(tmp_path: Path) -> None:
    rec = record()
    out = tmp_path / "x.spacy"
    write_docbin([rec, DocRecord("")], out)
    back = list(read_docbin(out))
    assert len(back) == 2
    got = back[0]
    assert got.text == rec.text and got.spans == rec.spans and got.links == rec.links
    assert (got.title, got.ext_id, got.meta, got.source_url, got.status) == (
        rec.title, rec.ext_id, rec.meta, rec.source_url, rec.status)
    assert back[1].text == "" and back[1].spans == []


@pytest.mark.parametrize(
    ("options", "keys", "n_ents"),
    [
        ({"span_key": "sc"}, ["sc"], 3),
        ({"ents_layers": ("entity",)}, ["entity", "claim", "figure"], 2),
        ({"ents_layers": ()}, ["entity", "claim", "figure"], 0),
        ({"tokenizer": "spacy:en"}, ["entity", "claim", "figure"], 3),
    ],
)
def test_options(options: dict[str, Any], keys: list[str], n_ents: int, tmp_path: Path) -> None:
    out = tmp_path / "o.spacy"
    write_docbin([record()], out, **options)
    (doc,) = load(out)
    assert sorted(doc.spans) == sorted(keys)
    assert len(doc.ents) == n_ents
    assert sum(len(doc.spans[k]) for k in doc.spans) == 6


def test_a_docbin_made_by_spacy_imports(tmp_path: Path) -> None:
    from spacy.training.converters import conll_ner_to_docs

    sample = (DATA / "spacy_iob_samples" / "ner-token-per-line-conll2003.iob").read_text(encoding="utf-8")
    docs = conll_ner_to_docs(sample, n_sents=10, no_print=True)
    out = tmp_path / "spacy-made.spacy"
    DocBin(docs=docs).to_disk(out)
    recs = list(read_docbin(out))
    found = [(r.text[s.start:s.end], s.label) for r in recs for s in r.spans]
    assert found == [("Sebastian Thrun", "PERSON"), ("Google", "ORG"), ("2007", "DATE"), ("American", "NORP"),
                     ("Thrun", "PERSON"), ("Recode", "ORG"), ("earlier this week", "DATE")]


def test_spacy_converter_reads_our_conll2003(tmp_path: Path) -> None:
    from spacy.training.converters import conll_ner_to_docs

    out = tmp_path / "x.conll"
    write_conll([record()], out)
    docs = conll_ner_to_docs(out.read_text(encoding="utf-8"), n_sents=10, no_print=True)
    assert [(e.text, e.label_) for d in docs for e in d.ents] == [
        ("Lê Hồng Long", "PER"), ("Ban Tổ chức Tỉnh ủy Sơn La", "ORG"), ("88,8 %", "PERCENT")]


def test_bad_file_and_failed_export(tmp_path: Path) -> None:
    bad = tmp_path / "bad.spacy"
    bad.write_bytes(b"\x00not a docbin at all")
    with pytest.raises(FormatError) as err:
        list(read_docbin(bad))
    assert err.value.path == str(bad)

    def records():  # noqa: ANN202
        yield record()
        raise RuntimeError("cancelled")

    with pytest.raises(RuntimeError):
        write_docbin(records(), tmp_path / "never.spacy")
    assert not (tmp_path / "never.spacy").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["bad.spacy"]


@given(recs=st.lists(any_records(), min_size=1, max_size=3))
@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_round_trip_exact(recs: list[DocRecord], tmp_path: Path) -> None:
    out = tmp_path / "rt.spacy"
    write_docbin(recs, out)
    back = list(read_docbin(out))
    assert [(r.text, r.spans, r.links) for r in back] == [(r.text, r.spans, r.links) for r in recs]


@given(rec=token_records())
@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_spans_on_tokens_are_spacy_spans(rec: DocRecord, tmp_path: Path) -> None:
    out = tmp_path / "tok.spacy"
    report = write_docbin([rec], out)
    assert not any("not a spaCy span" in p for p in report.problems)
    (doc,) = load(out)
    assert doc.text == rec.text
    in_groups = sorted((s.start_char, s.end_char, s.label_) for k in doc.spans for s in doc.spans[k])
    assert in_groups == sorted((s.start, s.end, s.label) for s in rec.spans)
    ents = [(e.start_char, e.end_char) for e in doc.ents]
    assert all(a[1] <= b[0] for a, b in zip(ents, ents[1:], strict=False))
