"""Hugging Face files: `datasets` loads them with the declared ClassLabel features; tags line up."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_tokens import token_records

os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
datasets = pytest.importorskip("datasets")
pytest.importorskip("pyarrow")

from annotator.formats.base import doc_label  # noqa: E402
from annotator.formats.hf import load_features, sidecar_path, tag_names, write_hf_jsonl, write_hf_parquet  # noqa: E402
from annotator.formats.tokens import SimpleTokenizer, TokenIndex, decode_tags  # noqa: E402
from annotator.model import DocRecord, SpanRecord  # noqa: E402

datasets.disable_progress_bars()

TEXT = "Ông Lê Hồng Long, Trưởng Ban Tổ chức Tỉnh ủy Sơn La:\n88,8% đảng viên 👍🏽 đồng ý."


def at(frag: str) -> tuple[int, int]:
    i = TEXT.index(frag)
    return i, i + len(frag)


REC = DocRecord(
    text=TEXT,
    spans=[
        SpanRecord(*at("Lê Hồng Long"), "PER"),
        SpanRecord(*at("Trưởng Ban Tổ chức Tỉnh ủy Sơn La"), "CLAIM"),
        SpanRecord(*at("Ban Tổ chức Tỉnh ủy Sơn La"), "ORG"),
        SpanRecord(*at("Sơn La"), "LOC"),
        SpanRecord(*at("88,8%"), "PERCENT"),
        SpanRecord(*at("8,8"), "COUNT"),
        SpanRecord(*at("đảng viên"), "TEAM"),  # not in the schema
    ],
    ext_id="d1",
)
LABELS = ["PER", "ORG", "LOC", "PERCENT"]


def entities(tokens: list[str], tags: list[int], names: list[str], scheme: str = "IOB2") -> list[tuple[str, str]]:
    spans, broken = decode_tags([names[t] for t in tags], scheme)
    assert broken == []
    return [(" ".join(tokens[a:b + 1]), lab) for a, b, lab in spans]


def check_rows(ds: Any) -> None:
    # datasets does not check this: we do
    for row in ds:
        assert len(row["tokens"]) == len(row["ner_tags"])


def test_jsonl_loads_with_declared_features(tmp_path: Path) -> None:
    out = tmp_path / "train.jsonl"
    report = write_hf_jsonl([REC, DocRecord("Hà Nội", [SpanRecord(0, 6, "LOC")])], out, labels=LABELS)
    side = sidecar_path(out)
    assert side.name == "train.features.json" and report.files == [str(out), str(side)]
    feats = load_features(side)
    names = feats["ner_tags"].feature.names
    assert names[:5] == ["O", "B-PER", "I-PER", "B-ORG", "I-ORG"] and names[-2:] == ["B-TEAM", "I-TEAM"]
    ds = datasets.load_dataset("json", data_files=str(out), features=feats, split="train",
                               cache_dir=str(tmp_path / "cache"))
    assert ds.features == feats
    assert isinstance(ds.features["ner_tags"].feature, datasets.ClassLabel)
    check_rows(ds)
    assert ds[0]["id"] == "d1" and ds[1]["id"] == "1"
    assert entities(ds[0]["tokens"], ds[0]["ner_tags"], names) == [
        ("Lê Hồng Long", "PER"), ("Ban Tổ chức Tỉnh ủy Sơn La", "ORG"), ("88,8 %", "PERCENT"), ("đảng viên", "TEAM")]
    problems = "\n".join(report.problems)
    assert "COUNT [" in problems and "starts inside token" in problems
    assert "LOC [" in problems and "overlaps a span in ner_tags" in problems
    assert "'TEAM' is not among the declared labels" in problems
    assert "1 span(s) of other layers" in problems  # the claim


def test_parquet_carries_its_features(tmp_path: Path) -> None:
    out = tmp_path / "train.parquet"
    report = write_hf_parquet([REC] * 3, out, labels=LABELS, scheme="BILOU", batch_size=2)
    assert report.files == [str(out)] and [p.name for p in tmp_path.iterdir()] == ["train.parquet"]
    ds = datasets.load_dataset("parquet", data_files=str(out), split="train", cache_dir=str(tmp_path / "cache"))
    names = ds.features["ner_tags"].feature.names
    assert names == tag_names([*LABELS, "TEAM"], "BILOU")
    check_rows(ds)
    assert len(ds) == 3
    assert entities(ds[2]["tokens"], ds[2]["ner_tags"], names, "BILOU")[0] == ("Lê Hồng Long", "PER")
    direct = datasets.Dataset.from_parquet(str(out), cache_dir=str(tmp_path / "cache2"))
    assert direct.features == ds.features


def test_lines_as_rows_and_default_labels(tmp_path: Path) -> None:
    out = tmp_path / "lines.jsonl"
    rec = DocRecord("Sơn La\n\nHà Nội và Đà Nẵng", [SpanRecord(0, 6, "LOC"), SpanRecord(8, 14, "LOC"),
                                                    SpanRecord(0, 14, "ORG")])
    report = write_hf_jsonl([rec], out, unit="line")
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["0-0", "0-1"]
    assert [r["tokens"] for r in rows] == [["Sơn", "La"], ["Hà", "Nội", "và", "Đà", "Nẵng"]]
    side = json.loads(sidecar_path(out).read_text(encoding="utf-8"))
    assert side["labels"][:5] == ["PER", "ORG", "LOC", "MISC", "DOC_REF"] and "CLAIM" not in side["labels"]
    assert any("crosses a line break" in p for p in report.problems)


def test_empty_export_and_failure(tmp_path: Path) -> None:
    out = tmp_path / "empty.parquet"
    write_hf_parquet([], out)
    import pyarrow.parquet as pq

    # datasets refuses to build an empty split, so read the file's schema the way it does
    schema = pq.read_schema(out)
    feats = datasets.Features.from_arrow_schema(schema)
    assert pq.ParquetFile(out).metadata.num_rows == 0
    assert isinstance(feats["ner_tags"].feature, datasets.ClassLabel)

    def records():  # noqa: ANN202
        yield REC
        raise RuntimeError("cancelled")

    for writer, name in ((write_hf_jsonl, "x.jsonl"), (write_hf_parquet, "x.parquet")):
        with pytest.raises(RuntimeError):
            writer(records(), tmp_path / name)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.parquet"]
    with pytest.raises(ValueError):
        write_hf_jsonl([], tmp_path / "y.jsonl", scheme="IOB1")


@given(recs=st.lists(token_records(), min_size=1, max_size=3), scheme=st.sampled_from(["IOB2", "BILOU"]))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_tokens_and_labelled_ranges_round_trip(recs: list[DocRecord], scheme: str, tmp_path: Path) -> None:
    out = tmp_path / "rt.jsonl"
    report = write_hf_jsonl(recs, out, labels=["PER", "ORG", "LOC"], scheme=scheme,
                            layers=("entity", "figure", "claim"))
    names = json.loads(sidecar_path(out).read_text(encoding="utf-8"))["label_names"]
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == len(recs)
    for k, (row, rec) in enumerate(zip(rows, recs, strict=True)):
        offsets = SimpleTokenizer().tokenize(rec.text)
        assert row["tokens"] == [rec.text[s:e] for s, e in offsets]
        assert len(row["ner_tags"]) == len(row["tokens"])
        got, broken = decode_tags([names[t] for t in row["ner_tags"]], scheme)
        assert broken == []
        idx = TokenIndex(offsets)
        mine = [p for p in report.problems if p.startswith(f"{doc_label(rec, k)}:")]
        for sp in rec.spans:
            first_last = idx.tokens_of(sp.start, sp.end)
            assert first_last is not None
            if (*first_last, sp.label) not in got:
                assert any(f"{sp.label} [{sp.start}:{sp.end}]" in p for p in mine)
