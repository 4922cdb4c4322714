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

from benchmarks.common import machine, report, timed  # noqa: E402
from benchmarks.corpus import documents  # noqa: E402

from annotator.model import DocRecord  # noqa: E402
from annotator.project import Project  # noqa: E402


def _records(n: int, chars: int) -> list[DocRecord]:
    return [DocRecord(text=d.text, spans=d.spans, ext_id=d.ext_id, title=d.ext_id) for d in documents(n, chars)]


def bench_import(records: list[DocRecord], tmp: Path) -> dict[str, float]:
    """Ours: DocRecords → project (normalise, hash, validate, ids, one event). Baseline: the rows
    our import stores, prepared beforehand, written with bare executemany into the same tables."""
    from annotator.store import new_uid, now
    from annotator.textnorm import text_hash

    t = now()
    doc_rows = [(i, new_uid(), r.title, r.text, text_hash(r.text), len(r.text), "new", "{}", t, t)
                for i, r in enumerate(records, 1)]
    span_rows = [(new_uid(), i, s.start, s.end, s.label, "entity", "{}", "imported", "accepted", "bench", 0, t, t)
                 for i, r in enumerate(records, 1) for s in r.spans]

    def baseline() -> None:
        path = tmp / f"raw{time.perf_counter_ns()}"
        Project.create(path, actor="bench").close()
        conn = sqlite3.connect(path / "project.db", isolation_level=None)
        conn.execute("BEGIN")
        conn.executemany("INSERT INTO documents (id, uid, title, text, text_hash, length, status, meta, created_at, "
                         "updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)", doc_rows)
        conn.executemany('INSERT INTO spans (uid, doc_id, start, "end", label, layer, attrs, origin, state, '
                         "annotator, gold, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", span_rows)
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
            import spacy
            from spacy.tokens import DocBin, Span
        except ImportError:
            return out
        from annotator.formats.tokens import get_tokenizer

        tok = get_tokenizer(None)
        nlp = spacy.blank("xx")
        prepared = []
        for r in records:
            offsets = list(tok(r.text))
            prepared.append((r, offsets))

        def spacy_baseline() -> None:
            from spacy.tokens import Doc

            db = DocBin(store_user_data=True)
            for r, offsets in prepared:
                words = [r.text[a:b] for a, b in offsets]
                spaces = [b < len(r.text) and (k + 1 >= len(offsets) or offsets[k + 1][0] > b)
                          for k, (a, b) in enumerate(offsets)]
                doc = Doc(nlp.vocab, words=words, spaces=spaces)
                spans = [doc.char_span(s.start, s.end, label=s.label, alignment_mode="expand") for s in r.spans]
                doc.spans["all"] = [s for s in spans if s is not None]
                ents: list[Span] = []
                last = -1
                for s in sorted((s for s in spans if s is not None), key=lambda s: (s.start, -s.end)):
                    if s.start >= last:
                        ents.append(s)
                        last = s.end
                doc.ents = ents
                db.add(doc)
            db.to_disk(tmp / "base.spacy")

        out["spacy"] = {"baseline": timed(spacy_baseline), "ours": timed(export("spacy", "out.spacy"))}
    return out


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
