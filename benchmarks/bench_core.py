"""Import and export at size, each as a ratio to a bare baseline measured in the same run.

    python benchmarks/bench_core.py            # 10,000 articles of ~3,000 characters (~300k spans)
    python benchmarks/bench_core.py --small    # a quick run for CI

Baselines (issue 9): import vs a bare sqlite3 executemany of the same rows in one transaction;
export to JSONL and CoNLL vs a plain json.dumps of the same records to a file; spaCy DocBin vs
spaCy building the same DocBin from the same tokens.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from annotator.model import DocRecord  # noqa: E402
from annotator.project import Project  # noqa: E402
from benchmarks.common import machine, report, timed  # noqa: E402
from benchmarks.corpus import documents  # noqa: E402


def _records(n: int, chars: int) -> list[DocRecord]:
    return [DocRecord(text=d.text, spans=d.spans, ext_id=d.ext_id, title=d.ext_id) for d in documents(n, chars)]


def bench_import(records: list[DocRecord], tmp: Path) -> dict[str, float]:
    """Ours: DocRecords → project (normalise, hash, validate, ids, one event). Baseline: the rows
    our import stores (documents, spans, the claims' review rows), prepared beforehand, written
    with bare executemany into the same tables."""
    from annotator.store import new_uid, now
    from annotator.textnorm import text_hash

    t = now()
    doc_rows = [(i, new_uid(), r.title, r.text, text_hash(r.text), len(r.text), "new", "{}", t, t)
                for i, r in enumerate(records, 1)]
    span_rows = [(new_uid(), i, s.start, s.end, s.label, "entity", "{}", "imported", "accepted", "bench", 0, t, t)
                 for i, r in enumerate(records, 1) for s in r.spans]
    # our import also stores the review state of every claim span (a row in claims): so does the
    # baseline (span ids are 1, 2, … in a new project)
    claim_rows = [(k, "draft", t) for k, row in enumerate(span_rows, 1) if row[4] == "CLAIM"]

    def baseline() -> None:
        path = tmp / f"raw{time.perf_counter_ns()}"
        Project.create(path, actor="bench").close()
        conn = sqlite3.connect(path / "project.db", isolation_level=None)
        conn.execute("BEGIN")
        conn.executemany("INSERT INTO documents (id, uid, title, text, text_hash, length, status, meta, created_at, "
                         "updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)", doc_rows)
        conn.executemany('INSERT INTO spans (uid, doc_id, start, "end", label, layer, attrs, origin, state, '
                         "annotator, gold, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", span_rows)
        conn.executemany("INSERT INTO claims (span_id, state, updated_at) VALUES (?,?,?)", claim_rows)
        conn.execute("COMMIT")
        conn.close()

    def ours() -> None:
        path = tmp / f"p{time.perf_counter_ns()}"
        Project.create(path, actor="bench").close()
        with Project.open(path, actor="bench") as p:
            p.documents.import_records(records, normalized=False)

    return {"baseline": timed(baseline), "ours": timed(ours)}


def bench_export(records: list[DocRecord], tmp: Path, *, spacy_too: bool) -> dict[str, dict[str, float]]:
    project_path = tmp / "export-project"
    with Project.create(project_path, actor="bench") as p:
        p.documents.import_records(records)
    from annotator.export_run import run_export

    def plain_json() -> None:
        with (tmp / "plain.jsonl").open("w", encoding="utf-8") as fh:
            for r in records:
                fh.write(json.dumps({"id": r.ext_id, "text": r.text, "spans": [
                    {"start": s.start, "end": s.end, "label": s.label} for s in r.spans]}, ensure_ascii=False))
                fh.write("\n")

    def export(fmt: str, name: str) -> Callable[[], None]:
        def run() -> None:
            with Project.open(project_path) as p:
                run_export(p, fmt, tmp / name)
        return run

    out = {
        "jsonl": {"baseline": timed(plain_json), "ours": timed(export("jsonl", "out.jsonl"))},
        "conll": {"baseline": timed(plain_json), "ours": timed(export("conll", "out.conll"))},
    }
    if spacy_too:
        try:
            import spacy  # noqa: F401
        except ImportError:
            return out
        out["spacy"] = {"baseline": timed(_spacy_baseline(project_path, tmp)), "ours": timed(export("spacy", "out.spacy"))}
    return out


def _spacy_baseline(project_path: Path, tmp: Path) -> Callable[[], None]:
    """spaCy building the same DocBin from the same tokens, prepared beforehand in memory.

    The words, spaces, spans (with their keys, labels, kb ids and ids), ents and user data are
    taken from the Docs our writer makes (built once, untimed), so both DocBins are the same;
    the baseline times only spaCy: ``Doc(words, spaces)``, ``char_span`` for every span,
    ``doc.spans[key]``, ``doc.ents``, ``user_data``, ``DocBin.add``, ``to_bytes`` and the write.
    """
    from spacy.tokens import Doc, DocBin
    from spacy.vocab import Vocab

    from annotator.exporting import project_records
    from annotator.formats.base import WriteReport
    from annotator.formats.spacy_docbin import docs_from_records
    from annotator.formats.tokens import get_tokenizer, layer_resolver

    prepared: list[tuple[list[str], list[bool], dict[str, list[tuple[int, int, str, str, str]]],
                         list[tuple[int, int]], Any]] = []
    with Project.open(project_path) as p:
        for doc in docs_from_records(project_records(p), Vocab(), WriteReport(), tokenizer=get_tokenizer(None),
                                     layer_of=layer_resolver(p.schema)):
            groups = {key: [(s.start_char, s.end_char, s.label_, s.kb_id_, s.id_) for s in doc.spans[key]]
                      for key in doc.spans}
            prepared.append(([t.text for t in doc], [bool(t.whitespace_) for t in doc], groups,
                             [(e.start_char, e.end_char) for e in doc.ents], doc.user_data))

    def run() -> None:
        vocab = Vocab()
        db = DocBin(store_user_data=True)
        for words, spaces, groups, ents, user_data in prepared:
            doc = Doc(vocab, words=words, spaces=spaces)
            by_offsets = {}
            for key, spans in groups.items():
                made = []
                for a, b, label, kb_id, span_id in spans:
                    sp = doc.char_span(a, b, label=label, kb_id=kb_id, span_id=span_id)
                    by_offsets[(a, b)] = sp
                    made.append(sp)
                doc.spans[key] = made
            doc.ents = [by_offsets[e] for e in ents]
            doc.user_data.update(user_data)
            db.add(doc)
        (tmp / "base.spacy").write_bytes(db.to_bytes())

    return run


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--small", action="store_true", help="a quick run (200 documents)")
    ap.add_argument("--docs", type=int, default=None)
    ap.add_argument("--chars", type=int, default=3000)
    ap.add_argument("--no-spacy", action="store_true")
    args = ap.parse_args(argv)
    n = args.docs or (200 if args.small else 10000)
    records = _records(n, args.chars)
    spans = sum(len(r.spans) for r in records)
    print(machine())
    print(f"corpus: {n} documents of ~{args.chars} characters, {spans} spans")
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        rows: list[tuple[str, dict[str, Any], float | None]] = []
        rows.append(("import", bench_import(records, tmp), 2.0))
        for fmt, figures in bench_export(records, tmp, spacy_too=not args.no_spacy).items():
            rows.append((f"export {fmt}", figures, 1.3 if fmt == "spacy" else 2.0))
        report(rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
