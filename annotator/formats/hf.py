"""Hugging Face ``datasets`` token classification files: JSONL or Parquet with declared features.

Each row is ``{"id": str, "tokens": [str], "ner_tags": [int]}``, one a document (or one a line
of text with ``unit="line"``). The features are declared the ``datasets`` way::

    Features({"id": Value("string"), "tokens": List(Value("string")),
              "ner_tags": List(ClassLabel(names=["O", "B-PER", "I-PER", …]))})

* JSONL: the features go to a sidecar ``<name>.features.json`` (``{"features": <Features.to_dict()>,
  "label_names": […], "scheme": …, "tokenizer": …}``); load with
  ``Dataset.from_json(path, features=load_features(sidecar))`` or
  ``load_dataset("json", data_files=path, features=…)``.
* Parquet: the features are in the file's schema metadata (the ``huggingface`` key, as
  ``datasets`` writes it), so ``load_dataset("parquet", …)`` and ``Dataset.from_parquet`` find
  them by themselves.

Tag names are ``O`` then ``B-``/``I-`` (IOB2) or ``B-``/``I-``/``L-``/``U-`` (BILOU) for each
label, in the order of ``labels`` (default: the built-in schema's labels of the written layers),
so ids are stable across splits written with the same labels (labels of layers not written are
left out). A label not in that list is
added at the end and reported. One tag sequence per row: overlapping spans are flattened by
:func:`~annotator.formats.tokens.assign_levels` (entity layer first, longer first) and the
spans that do not fit are reported, as are spans off token boundaries and spans of layers not
written (``layers``, default entity and figure). ``datasets`` itself does not check that
``tokens`` and ``ner_tags`` have the same length: these writers always write them equal.

Rows are written as they come (JSONL) or in row groups of ``batch_size`` (Parquet: first to a
temporary file, then copied group by group into the final file once the label names are known),
so memory stays bounded. Needs ``pyarrow`` for Parquet; ``datasets`` is used for the feature
declaration when installed.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from annotator.formats.base import WriteReport, atomic_output, doc_label
from annotator.formats.tokens import (
    TokenIndex,
    Tokenizer,
    assign_levels,
    describe,
    encode_tags,
    get_tokenizer,
    layer_resolver,
    place_spans,
)
from annotator.model import DocRecord

__all__ = ["write_hf_jsonl", "write_hf_parquet", "features_dict", "load_features", "tag_names", "sidecar_path"]

_SCHEMES = {"IOB2": ("B", "I"), "BILOU": ("B", "I", "L", "U")}


def tag_names(labels: Sequence[str], scheme: str = "IOB2") -> list[str]:
    """``["O", "B-X", "I-X", …]`` for the labels, in their order."""
    if scheme not in _SCHEMES:
        raise ValueError(f"scheme must be IOB2 or BILOU, not {scheme!r}")
    return ["O"] + [f"{p}-{lab}" for lab in labels for p in _SCHEMES[scheme]]


def features_dict(names: Sequence[str]) -> dict[str, Any]:
    """The ``datasets.Features`` of our rows as ``Features.to_dict()`` gives it."""
    try:
        import datasets
    except ImportError:
        seq = "Sequence"
        return {
            "id": {"dtype": "string", "_type": "Value"},
            "tokens": {"feature": {"dtype": "string", "_type": "Value"}, "_type": seq},
            "ner_tags": {"feature": {"names": list(names), "_type": "ClassLabel"}, "_type": seq},
        }
    feats = datasets.Features({
        "id": datasets.Value("string"),
        "tokens": datasets.Sequence(datasets.Value("string")),
        "ner_tags": datasets.Sequence(datasets.ClassLabel(names=list(names))),
    })
    return feats.to_dict()  # type: ignore[no-any-return]


def load_features(path: str | os.PathLike[str]) -> Any:
    """``datasets.Features`` from one of our ``.features.json`` sidecars (needs ``datasets``)."""
    import datasets

    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return datasets.Features.from_dict(data["features"])


def sidecar_path(out: str | os.PathLike[str]) -> Path:
    """``train.jsonl`` → ``train.features.json``."""
    p = Path(out)
    stem = p.name[: -len(p.suffix)] if p.suffix else p.name
    return p.with_name(f"{stem}.features.json")


class _Rows:
    """Turns records into rows, keeping the label ids and the report."""

    def __init__(self, report: WriteReport, *, tokenizer: Tokenizer, labels: Sequence[str] | None,
                 scheme: str, layers: Sequence[str], layer_of: Callable[[str], str], unit: str) -> None:
        if unit not in ("document", "line"):
            raise ValueError("unit must be document or line")
        self.report, self.tok, self.scheme, self.layers, self.layer_of, self.unit = (
            report, tokenizer, scheme, tuple(layers), layer_of, unit)
        if labels is None:
            from annotator.schema import default_schema

            labels = [lab.name for lab in default_schema().labels if str(lab.layer) in self.layers]
        self.labels: list[str] = [lab for lab in dict.fromkeys(labels) if layer_of(lab) in self.layers]
        self.names = tag_names(self.labels, scheme)
        self.ids = {n: k for k, n in enumerate(self.names)}
        self.other_layers = 0

    def _id(self, tag: str) -> int:
        if tag not in self.ids:
            label = tag[2:]
            self.labels.append(label)
            for p in _SCHEMES[self.scheme]:
                self.names.append(f"{p}-{label}")
                self.ids[f"{p}-{label}"] = len(self.names) - 1
            self.report.problem(f"label {label!r} is not among the declared labels; added as tag ids "
                                f"{self.ids[f'B-{label}']}…{len(self.names) - 1}")
        return self.ids[tag]

    def rows(self, rec: DocRecord, i: int) -> Iterator[dict[str, Any]]:
        name = doc_label(rec, i)
        text = rec.text
        offsets = self.tok.tokenize(text)
        idx = TokenIndex(offsets)
        chosen = [sp for sp in rec.spans if self.layer_of(sp.label) in self.layers]
        self.other_layers += len(rec.spans) - len(chosen)
        placed, missed = place_spans(chosen, idx)
        for k, why in missed:
            self.report.problem(f"{describe('span', chosen[k], text)} not written: {why}", doc=name)
        # rows: the whole document, or one per line of text
        bounds = [0]
        if self.unit == "line":
            bounds += [k for k in range(1, len(offsets)) if "\n" in text[offsets[k - 1][1]:offsets[k][0]]]
        bounds.append(len(offsets))
        keep = []
        for sp in placed:
            if any(sp.first < b <= sp.last for b in bounds[1:-1]):
                self.report.problem(f"{describe('span', chosen[sp.index], text)} not written: crosses a line break "
                                    f"(rows are lines)", doc=name)
            else:
                keep.append(sp)
        levels, left = assign_levels(keep, layer_of=self.layer_of, order=self.layers, max_levels=1)
        for sp in left:
            self.report.problem(f"{describe('span', chosen[sp.index], text)} not written: overlaps a span "
                                f"in ner_tags (one tag a token)", doc=name)
        level = levels[0] if levels else []
        tags = encode_tags(len(offsets), [(s.first, s.last, s.label) for s in level], self.scheme)
        ids = [self._id(t) for t in tags]
        self.report.spans += len(level)
        base = rec.ext_id if rec.ext_id else str(i)
        for r in range(len(bounds) - 1):
            a, b = bounds[r], bounds[r + 1]
            if a == b and self.unit == "line":
                continue
            yield {
                "id": base if self.unit == "document" else f"{base}-{r}",
                "tokens": [text[s:e] for s, e in offsets[a:b]],
                "ner_tags": ids[a:b],
            }

    def finish(self) -> None:
        if self.other_layers:
            self.report.problem(f"{self.other_layers} span(s) of other layers than {', '.join(self.layers)} "
                                f"not written (choose them with layers=…)")

    def sidecar(self, tokenizer_name: str) -> dict[str, Any]:
        return {"features": features_dict(self.names), "label_names": self.names, "labels": self.labels,
                "scheme": self.scheme, "tokenizer": tokenizer_name}


def _start(tokenizer: str | Tokenizer | None, labels: Sequence[str] | None, scheme: str, layers: Sequence[str],
           layer_of: Callable[[str], str] | None, schema: Any, unit: str) -> tuple[WriteReport, Tokenizer, _Rows]:
    """What both writers begin with: the options checked, the report, the tokeniser and the rows."""
    if scheme not in _SCHEMES:
        raise ValueError(f"scheme must be IOB2 or BILOU, not {scheme!r}")
    report = WriteReport()
    tok = get_tokenizer(tokenizer, problems=report.problems)
    rows = _Rows(report, tokenizer=tok, labels=labels, scheme=scheme, layers=layers,
                 layer_of=layer_of or layer_resolver(schema), unit=unit)
    return report, tok, rows


def write_hf_jsonl(
    records: Iterable[DocRecord],
    out: str | os.PathLike[str],
    *,
    tokenizer: str | Tokenizer | None = None,
    labels: Sequence[str] | None = None,
    scheme: str = "IOB2",
    layers: Sequence[str] = ("entity", "figure"),
    layer_of: Callable[[str], str] | None = None,
    schema: Any = None,
    unit: str = "document",
    progress: Callable[[int], Any] | None = None,
) -> WriteReport:
    """JSONL rows ``{id, tokens, ner_tags}`` plus the ``<name>.features.json`` sidecar."""
    report, tok, rows = _start(tokenizer, labels, scheme, layers, layer_of, schema, unit)
    side = sidecar_path(out)
    with atomic_output(out) as fh:
        for i, rec in enumerate(records):
            for row in rows.rows(rec, i):
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            report.document_done(progress)
        rows.finish()
        with atomic_output(side) as sf:
            sf.write(json.dumps(rows.sidecar(tok.name), ensure_ascii=False, indent=2) + "\n")
    report.files += [os.fspath(out), os.fspath(side)]
    return report


def write_hf_parquet(
    records: Iterable[DocRecord],
    out: str | os.PathLike[str],
    *,
    tokenizer: str | Tokenizer | None = None,
    labels: Sequence[str] | None = None,
    scheme: str = "IOB2",
    layers: Sequence[str] = ("entity", "figure"),
    layer_of: Callable[[str], str] | None = None,
    schema: Any = None,
    unit: str = "document",
    batch_size: int = 1000,
    progress: Callable[[int], Any] | None = None,
) -> WriteReport:
    """A Parquet file with the ``datasets`` features in its schema metadata (needs pyarrow)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    report, _tok, rows = _start(tokenizer, labels, scheme, layers, layer_of, schema, unit)
    arrow_schema = pa.schema([("id", pa.string()), ("tokens", pa.list_(pa.string())),
                              ("ner_tags", pa.list_(pa.int64()))])
    target = Path(out)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".rows", dir=target.parent)
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        writer = pq.ParquetWriter(tmp_path, arrow_schema)
        batch: list[dict[str, Any]] = []

        def flush() -> None:
            if batch:
                writer.write_table(pa.Table.from_pylist(batch, schema=arrow_schema))
                batch.clear()

        try:
            for i, rec in enumerate(records):
                batch.extend(rows.rows(rec, i))
                if len(batch) >= batch_size:
                    flush()
                report.document_done(progress)
            flush()
        finally:
            writer.close()
        rows.finish()
        # the label names are known only now: copy the row groups into a file whose schema
        # declares them (datasets reads the features from the schema written at the start)
        meta = {"huggingface": json.dumps({"info": {"features": features_dict(rows.names)}})}
        final_schema = arrow_schema.with_metadata(meta)
        src = pq.ParquetFile(tmp_path)
        try:
            with atomic_output(target, binary=True) as fh:
                final = pq.ParquetWriter(fh, final_schema)
                try:
                    for g in range(src.num_row_groups):
                        final.write_table(src.read_row_group(g).cast(final_schema))
                finally:
                    final.close()
        finally:
            src.close()
    finally:
        tmp_path.unlink(missing_ok=True)
    report.files.append(os.fspath(target))
    return report
