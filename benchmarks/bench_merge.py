"""Merging the work of 10 annotators on 10,000 documents: time, peak memory, ratio to plain SQL.

    python benchmarks/bench_merge.py            # 10 annotators x 10,000 documents x ~30 spans
    python benchmarks/bench_merge.py --small    # 10 annotators x 300 documents (CI)

In a temporary folder: a project of tiny Vietnamese documents with two pre-annotated spans each;
one work package per annotator (all documents, timed); in each package ~30 new spans per
document (written with plain SQL: generation, not measured), 1% of the pre-annotations edited
(so annotators conflict), 0.5% deleted, and one logged event per document. Then, each in a
fresh process (so the peak memory is the merge's own): ``annotator.merge.merge`` of the 10
packages into the project, and the baseline, a plain sqlite ATTACH + INSERT … SELECT of the
same spans and events (no three-way rules, no conflicts, no checks). Printed: times, peak
resident memory of each process, the ratio to the baseline, the conflicts found, the peak
memory of a merge of a quarter of the documents, to show that memory does not grow with size,
and the time agreement takes over the merged project (10 annotators on every document).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.common import machine, report_limits  # noqa: E402

WORDS = ["Ông", "Nguyễn", "Văn", "Minh", "đến", "Sơn", "La", "hôm", "nay", "và", "nói", "rằng", "tỉnh", "đã",
         "chi", "hơn", "4.500", "tỷ", "đồng", "cho", "1.200", "phòng", "học", "năm", "2020", "Bộ", "Giáo", "dục"]
LABELS = ["PER", "ORG", "LOC", "MISC", "COUNT", "MONEY", "DATE", "PERCENT"]
LAYER = {"PER": "entity", "ORG": "entity", "LOC": "entity", "MISC": "entity", "COUNT": "figure",
         "MONEY": "figure", "DATE": "figure", "PERCENT": "figure"}


def make_project(path: Path, n_docs: int, seed: int = 3) -> None:
    from annotator.model import DocRecord, SpanRecord
    from annotator.project import Project

    rng = random.Random(seed)
    records = []
    for i in range(n_docs):
        text = f"Bài {i}: " + " ".join(rng.choice(WORDS) for _ in range(40)) + "."
        records.append(DocRecord(text=text, title=f"Bài {i}", spans=[
            SpanRecord(0, 3, "MISC"), SpanRecord(len(f"Bài {i}: "), len(f"Bài {i}: ") + 3, "PER")]))
    with Project.create(path, actor="lead") as p:
        p.documents.import_records(records, normalized=True)


def fill_copy(path: Path, who: str, seed: int, spans_per_doc: int) -> dict[str, int]:
    """What the annotator did in the package, written with plain SQL (not timed)."""
    import itertools

    prefix, counter = os.urandom(6).hex(), itertools.count(1)  # as the annotator's own app would

    def new_uid() -> str:
        return f"{prefix}{next(counter):06x}"

    rng = random.Random(seed)
    conn = sqlite3.connect(path)
    t = f"2024-05-{1 + seed % 28:02d}T10:00:00.000Z"
    docs = conn.execute("SELECT id, length FROM documents ORDER BY id").fetchall()
    rows, events = [], []
    for doc_id, length in docs:
        for _ in range(spans_per_doc):
            a = rng.randrange(0, length - 8)
            label = rng.choice(LABELS)
            rows.append((new_uid(), doc_id, a, a + rng.randint(2, 8), label, LAYER[label], "{}", "manual", "accepted",
                         who, None, 0, None, t, t))
        events.append((new_uid(), t, who, "spans.add_many", json.dumps({"doc_id": doc_id, "count": spans_per_doc})))
    conn.executemany('INSERT INTO spans (uid, doc_id, start, "end", label, layer, attrs, origin, state, annotator, '
                     "entity_id, gold, ext_id, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
    conn.executemany("INSERT INTO events (uid, at, actor, op, summary) VALUES (?,?,?,?,?)", events)
    pre = [r[0] for r in conn.execute("SELECT id FROM spans WHERE annotator = 'lead'")]
    rng.shuffle(pre)
    edited = pre[: len(pre) // 100]
    deleted = pre[len(pre) // 100: len(pre) // 100 + len(pre) // 200]
    conn.executemany("UPDATE spans SET label = ?, updated_at = ? WHERE id = ?",
                     [(rng.choice(["ORG", "LOC"]), t, i) for i in edited])
    conn.executemany("DELETE FROM spans WHERE id = ?", [(i,) for i in deleted])
    conn.commit()
    conn.close()
    return {"spans": len(rows), "edited": len(edited), "deleted": len(deleted), "events": len(events)}


def peak_rss_mb() -> float:
    """This process's peak resident memory. VmHWM, not ru_maxrss: on Linux ru_maxrss keeps the
    parent's high-water mark across fork and exec, so a child would report the parent's size."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child_merge(project: str, copies: list[str], limit_docs: int | None) -> None:
    """Run in a fresh process: merge, print JSON with time and peak memory."""
    from annotator.merge import merge
    from annotator.project import Project

    progress_calls = [0]

    def progress(done: int, total: int | None) -> None:
        progress_calls[0] += 1

    before = peak_rss_mb()  # imports (sqlite_utils pulls in pandas when it is installed)
    with Project.open(project, actor="lead") as p:
        t0 = time.perf_counter()
        result = merge(p, copies, progress=progress)
        seconds = time.perf_counter() - t0
        merged_rss = peak_rss_mb()
        from annotator.agreement import agreement

        t0 = time.perf_counter()
        report = agreement(p)
        agreement_s = time.perf_counter() - t0
    print(json.dumps({"seconds": seconds, "rss_mb": merged_rss, "imports_mb": before, "agreement_s": agreement_s,
                      "agreement_rss_mb": peak_rss_mb(), "agreement_docs": report.documents,
                      "spans_added": result.spans_added, "spans_updated": result.spans_updated,
                      "spans_deleted": result.spans_deleted, "events": result.events_added,
                      "conflicts": len(result.conflicts), "progress_calls": progress_calls[0]}))


def child_baseline(project: str, copies: list[str]) -> None:
    """Run in a fresh process: the same spans and events with ATTACH + INSERT … SELECT."""
    conn = sqlite3.connect(project, isolation_level=None)
    t0 = time.perf_counter()
    conn.execute("BEGIN")
    for k, path in enumerate(copies):
        conn.execute(f"ATTACH DATABASE ? AS c{k}", (path,))
        conn.execute(
            f'INSERT INTO main.spans (uid, doc_id, start, "end", label, layer, attrs, origin, state, annotator, gold, '
            f"created_at, updated_at) SELECT s.uid, d.id, s.start, s.\"end\", s.label, s.layer, s.attrs, s.origin, "
            f"s.state, s.annotator, s.gold, s.created_at, s.updated_at FROM c{k}.spans s "
            f"JOIN c{k}.documents cd ON cd.id = s.doc_id JOIN main.documents d ON d.text_hash = cd.text_hash "
            f"WHERE s.uid NOT IN (SELECT uid FROM main.spans)")
        conn.execute(f"INSERT INTO main.events (uid, at, actor, op, summary) SELECT uid, at, actor, op, summary "
                     f"FROM c{k}.events WHERE uid NOT IN (SELECT uid FROM main.events)")
    conn.execute("COMMIT")
    for k in range(len(copies)):
        conn.execute(f"DETACH DATABASE c{k}")
    seconds = time.perf_counter() - t0
    conn.close()
    print(json.dumps({"seconds": seconds, "rss_mb": peak_rss_mb()}))


def _child(args: list[str]) -> dict[str, float]:
    out = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--small", action="store_true", help="300 documents (CI)")
    ap.add_argument("--docs", type=int, default=None)
    ap.add_argument("--annotators", type=int, default=10)
    ap.add_argument("--spans", type=int, default=30, help="new spans per document per annotator")
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        kind, project, *copies = args.child
        if kind == "merge":
            child_merge(project, copies, None)
        else:
            child_baseline(project, copies)
        return

    from annotator.package import make_package
    from annotator.project import Project

    n_docs = args.docs or (300 if args.small else 10_000)
    print(machine())
    print(f"{args.annotators} annotators x {n_docs} documents, ~{args.spans} new spans per document each")
    with tempfile.TemporaryDirectory(prefix="bench-merge-") as tmp:
        root = Path(tmp)
        sizes = [n_docs // 4, n_docs] if not args.small else [n_docs]
        figures: dict[int, dict[str, dict[str, float]]] = {}
        for size in sizes:
            base = root / f"main-{size}.annotator"
            make_project(base, size)
            copies = []
            t0 = time.perf_counter()
            with Project.open(base, actor="lead") as p:
                for k in range(args.annotators):
                    out = root / f"a{k}-{size}.annotator"
                    make_package(p, out, annotator=f"annotator{k}")
                    copies.append(out)
            package_s = time.perf_counter() - t0
            made = [fill_copy(c, f"annotator{k}", k, args.spans) for k, c in enumerate(copies)]
            ours_db, base_db = root / f"ours-{size}.annotator", root / f"base-{size}.annotator"
            for target in (ours_db, base_db):
                target.write_bytes(base.read_bytes())
            ours = _child(["--child", "merge", str(ours_db), *map(str, copies)])
            baseline = _child(["--child", "baseline", str(base_db), *map(str, copies)])
            figures[size] = {"ours": ours, "baseline": baseline}
            total_spans = sum(m["spans"] for m in made)
            print(f"\n{size} documents: {len(copies)} packages in {package_s:.1f} s; merging {total_spans:,} new spans, "
                  f"{sum(m['edited'] for m in made)} edited and {sum(m['deleted'] for m in made)} deleted "
                  f"pre-annotations, {sum(m['events'] for m in made):,} events")
            print(f"  merge: {ours['seconds']:.1f} s ({total_spans / ours['seconds']:,.0f} spans/s), peak RSS "
                  f"{ours['rss_mb']:.0f} MB ({ours['imports_mb']:.0f} MB of it before merging: the imports); "
                  f"{int(ours['spans_added']):,} added, {int(ours['spans_updated'])} updated, "
                  f"{int(ours['spans_deleted'])} deleted, {int(ours['conflicts'])} conflicts kept, "
                  f"{int(ours['events']):,} events, {int(ours['progress_calls'])} progress calls")
            print(f"  agreement over the merged project ({int(ours['agreement_docs']):,} documents, "
                  f"{args.annotators} annotators): {ours['agreement_s']:.1f} s, peak RSS {ours['agreement_rss_mb']:.0f} MB")
            print(f"  baseline (ATTACH + INSERT SELECT): {baseline['seconds']:.1f} s, peak RSS {baseline['rss_mb']:.0f} MB")
        print()
        rows = []
        for size, fig in figures.items():
            limit = None if size != n_docs else 600.0
            rows.append((f"merge {args.annotators}x{size} docs (time)", fig["baseline"]["seconds"],
                         fig["ours"]["seconds"], limit, "s"))
            rows.append((f"merge {args.annotators}x{size} docs (peak RSS)", fig["baseline"]["rss_mb"],
                         fig["ours"]["rss_mb"], 500.0, "MB"))
        report_limits(rows)
        if len(figures) > 1:
            small, big = (figures[n]["ours"]["rss_mb"] - figures[n]["ours"]["imports_mb"] for n in (sizes[0], sizes[-1]))
            print(f"\nbounded memory: the merge itself adds {small:.0f} MB at {sizes[0]} documents, {big:.0f} MB at "
                  f"{sizes[-1]} ({big / max(small, 1):.2f}x for {sizes[-1] / sizes[0]:.0f}x the data)")


if __name__ == "__main__":
    main()
