"""The article view at size: opening to the first paint, and tagging one span, against Qt baselines.

    python benchmarks/bench_textview.py            # long (100k chars) and very long (1 MB) articles
    python benchmarks/bench_textview.py --small    # a quick run for CI

Opening (issue 9): our ``SpanTextView.set_document`` plus the first paint with every span on screen
drawn, as a ratio to a bare ``QTextEdit.setPlainText`` plus the same number of character formats
(merged in one edit block, undo off) plus the first paint, on the same text in the same run
(target ≤ 1.5×). A ``QPlainTextEdit`` with the formats and bare ``setPlainText`` are printed too.
"First paint" is ``widget.grab()``, which paints the whole widget once.

Tagging (target: median < 16 ms, 95th percentile < 50 ms) in the very long article, scrolled to
its middle: "view" is ``apply_changes`` with one new span plus the repaint it causes; "by key"
adds the core write a real key press makes (``selection_range``, ``project.spans.add`` and
``spans.get`` in a project holding that article and its spans, then ``apply_changes`` and the
repaint). Scrolling there: a page down, and a jump to a random place, each to the repaint.
Runs offscreen unless ``QT_QPA_PLATFORM`` says otherwise.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6 import __version__ as PYSIDE_VERSION  # noqa: E402
from PySide6.QtCore import QEvent, QObject  # noqa: E402
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor  # noqa: E402
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QTextEdit, QWidget  # noqa: E402

from annotator.model import DocId, DocRecord, Span, SpanId  # noqa: E402
from annotator.project import Project  # noqa: E402
from annotator.schema import Schema, default_schema  # noqa: E402
from benchmarks.common import machine, report  # noqa: E402
from benchmarks.corpus import BenchDoc, documents  # noqa: E402
from ui.textview import SpanTextView  # noqa: E402

SIZE = (1000, 750)


def _app() -> QApplication:
    app = QApplication.instance()
    return app if isinstance(app, QApplication) else QApplication([])


def _spans(doc: BenchDoc, schema: Schema) -> list[Span]:
    return [Span(SpanId(i), DocId(1), r.start, r.end, r.label, schema.label(r.label).layer)
            for i, r in enumerate(doc.spans, 1)]


def _fresh(widget: QWidget) -> QWidget:
    widget.resize(*SIZE)
    widget.show()
    _app().processEvents()
    return widget


def _dispose(widget: QWidget) -> None:
    widget.close()
    widget.deleteLater()
    _app().processEvents()


def _median_open(make: Callable[[], QWidget], fill: Callable[[QWidget], None], repeat: int) -> float:
    """Median time of ``fill`` plus the first paint, each time on a new shown widget."""
    times: list[float] = []
    for _ in range(repeat):
        w = _fresh(make())
        t0 = time.perf_counter()
        fill(w)
        w.grab()
        times.append(time.perf_counter() - t0)
        _dispose(w)
    return statistics.median(times)


def _with_formats(doc: BenchDoc) -> Callable[[QWidget], None]:
    colors = [QColor("#f4a3a8"), QColor("#9ccfef"), QColor("#a8dba8"), QColor("#e8710a"), QColor("#fbbc04")]

    def fill(w: QWidget) -> None:
        assert isinstance(w, QTextEdit | QPlainTextEdit)
        document = w.document()
        document.setUndoRedoEnabled(False)
        w.setPlainText(doc.text)
        cursor = QTextCursor(document)
        cursor.beginEditBlock()
        for k, s in enumerate(doc.spans):  # no emoji in this text: code points are UTF-16 units
            fmt = QTextCharFormat()
            fmt.setBackground(colors[k % len(colors)])
            cursor.setPosition(s.start)
            cursor.setPosition(s.end, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(fmt)
        cursor.endEditBlock()

    return fill


def _bare(doc: BenchDoc) -> Callable[[QWidget], None]:
    def fill(w: QWidget) -> None:
        assert isinstance(w, QTextEdit | QPlainTextEdit)
        w.document().setUndoRedoEnabled(False)
        w.setPlainText(doc.text)

    return fill


def bench_open(name: str, doc: BenchDoc, schema: Schema, repeat: int) -> tuple[str, dict[str, float], float]:
    spans = _spans(doc, schema)

    def ours(w: QWidget) -> None:
        assert isinstance(w, SpanTextView)
        w.set_document(doc.text, spans, schema)

    figures = {
        "baseline": _median_open(QTextEdit, _with_formats(doc), repeat),
        "plain+formats": _median_open(QPlainTextEdit, _with_formats(doc), repeat),
        "bare": _median_open(QPlainTextEdit, _bare(doc), repeat),
        "ours": _median_open(SpanTextView, ours, repeat),
    }
    print(f"  {name}: {len(doc.text):,} chars, {len(doc.spans):,} spans — QTextEdit+formats "
          f"{figures['baseline']:.3f} s, QPlainTextEdit+formats {figures['plain+formats']:.3f} s, "
          f"bare QPlainTextEdit.setPlainText {figures['bare']:.3f} s, SpanTextView {figures['ours']:.3f} s "
          f"({figures['ours'] / figures['plain+formats']:.2f}× the QPlainTextEdit baseline)")
    return f"open {name}", figures, 1.5


class _PaintCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def _percentiles(times: Sequence[float]) -> tuple[float, float]:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered), p95


def _visible_words(view: SpanTextView, rng: random.Random, n: int) -> list[tuple[int, int]]:
    """``n`` random words on screen (code points)."""
    from annotator.offsets import word_bounds

    top = view.cursorForPosition(view.viewport().rect().topLeft()).position()
    bottom = view.cursorForPosition(view.viewport().rect().bottomRight()).position()
    a, b = view.offset_map().span_to_cp(top, bottom)
    words = [(a + s, a + e) for s, e in word_bounds(view.text()[a:b])]
    return [rng.choice(words) for _ in range(n)]


def bench_interaction(doc: BenchDoc, schema: Schema, reps: int, tmp: Path) -> None:
    app = _app()
    rng = random.Random(3)
    labels = ["PER", "LOC", "ORG", "COUNT", "PERCENT", "MISC"]
    project = Project.create(tmp / "tagging", actor="bench")
    project.documents.import_records([DocRecord(text=doc.text, spans=doc.spans, title="very long")],
                                     normalized=True)
    doc_id = project.documents.ids()[0]
    spans = project.spans.for_doc(doc_id)
    view = SpanTextView()
    _fresh(view)
    view.set_document(doc.text, spans, project.schema)
    middle = len(doc.text) // 2
    view.reveal(middle, middle + 1)
    view.grab()
    app.processEvents()
    painted = _PaintCounter()
    view.viewport().installEventFilter(painted)

    # view only: apply_changes with one new span, then the repaint it asks for
    view_times: list[float] = []
    next_id = max(s.id for s in spans) + 1_000_000
    for (start, end) in _visible_words(view, rng, reps):
        span = Span(SpanId(next_id), DocId(doc_id), start, end, rng.choice(labels),
                    schema.label("PER").layer)
        next_id += 1
        before = painted.count
        t0 = time.perf_counter()
        view.apply_changes([span], set())
        app.processEvents()
        view_times.append(time.perf_counter() - t0)
        assert painted.count > before, "apply_changes did not repaint"

    # by key: the selection becomes a span in the project, then on screen
    key_times: list[float] = []
    for (start, end) in _visible_words(view, rng, reps):
        s16, e16 = view.offset_map().span_to_utf16(start, end)
        cursor = view.textCursor()
        cursor.setPosition(s16)
        cursor.setPosition(e16, QTextCursor.MoveMode.KeepAnchor)
        view.setTextCursor(cursor)
        app.processEvents()
        label = rng.choice(labels)
        t0 = time.perf_counter()
        rng_sel = view.selection_range()
        assert rng_sel is not None
        changes = project.spans.add(doc_id=doc_id, start=rng_sel[0], end=rng_sel[1], label=label)
        view.apply_changes(project.spans.get_many(changes.spans), set())
        app.processEvents()
        key_times.append(time.perf_counter() - t0)

    # scrolling: one page down (the paint of a whole new screen), and a jump anywhere
    bar = view.verticalScrollBar()
    page_times: list[float] = []
    jump_times: list[float] = []
    for k in range(reps):
        times, target = (page_times, bar.value() + bar.pageStep()) if k % 2 else (
            jump_times, rng.randrange(bar.maximum() + 1))
        before = painted.count
        t0 = time.perf_counter()
        bar.setValue(min(target, bar.maximum()))
        app.processEvents()
        times.append(time.perf_counter() - t0)
        assert painted.count > before or target > bar.maximum(), "scrolling did not repaint"
    view.viewport().removeEventFilter(painted)
    _dispose(view)
    project.close()
    for name, times in (("view (apply_changes + repaint)", view_times),
                        ("by key (selection → core add → view)", key_times)):
        med, p95 = _percentiles(times)
        ok = "yes" if med < 0.016 and p95 < 0.050 else "NO"
        print(f"  tag one span, {name}: median {med * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms, "
              f"max {max(times) * 1000:.1f} ms over {len(times)} (target median < 16 ms, p95 < 50 ms: {ok})")
    for name, times in (("one page down", page_times), ("jump to anywhere", jump_times)):
        med, p95 = _percentiles(times)
        print(f"  scroll {name}: median {med * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms, max {max(times) * 1000:.1f} ms")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--small", action="store_true", help="small sizes, for CI: checks that it runs")
    args = parser.parse_args(argv)
    _app()
    schema = default_schema()
    if args.small:
        cases, repeat, reps = [("long", 10_000), ("very long", 50_000)], 1, 10
    else:
        cases, repeat, reps = [("long", 100_000), ("very long", 1_000_000)], 3, 200
    print(machine() + f", PySide6 {PYSIDE_VERSION}, QPA {os.environ.get('QT_QPA_PLATFORM', '')}")
    rows: list[tuple[str, dict[str, Any], float | None]] = []
    docs: dict[str, BenchDoc] = {}
    for name, chars in cases:
        docs[name] = next(documents(1, chars))
        rows.append(bench_open(name, docs[name], schema, repeat))
    with tempfile.TemporaryDirectory() as tmp:
        bench_interaction(docs["very long"], schema, reps, Path(tmp))
    print()
    report(rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
