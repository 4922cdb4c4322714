"""Every writer that takes ``progress`` calls it once per document written, with the count so far."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from annotator.formats.conll import write_conll, write_conll_layers, write_iob2
from annotator.formats.hf import write_hf_jsonl, write_hf_parquet
from annotator.formats.prodigy import write_prodigy
from annotator.formats.spacy_docbin import write_docbin
from annotator.model import DocRecord, SpanRecord

RECORDS = [DocRecord(f"Sơn La {n}", [SpanRecord(0, 6, "LOC")], ext_id=str(n)) for n in range(3)]


@pytest.mark.parametrize(
    ("writer", "name", "options"),
    [(write_conll, "a.conll", {}), (write_iob2, "a.iob", {}), (write_conll_layers, "layers", {}),
     (write_prodigy, "a.jsonl", {}), (write_hf_jsonl, "a.jsonl", {}),
     (write_hf_parquet, "a.parquet", {"batch_size": 2}), (write_docbin, "a.spacy", {})],
    ids=["conll", "iob2", "conll-layers", "prodigy", "hf", "hf-parquet", "spacy"],
)
def test_progress_counts_the_documents(tmp_path: Path, writer: Callable[..., Any], name: str,
                                       options: dict[str, Any]) -> None:
    seen: list[int] = []
    report = writer(iter(RECORDS), tmp_path / name, progress=seen.append, **options)
    assert seen == [1, 2, 3] and report.documents == 3
    assert report.files and all(Path(f).exists() for f in report.files)
