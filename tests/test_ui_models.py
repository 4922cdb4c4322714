"""The window's item models: qtmodeltester, lazy fetching, sorting and filtering, at 100,000 documents."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from annotator.model import DocRecord, DocStatus
from annotator.project import Project
from annotator.search import Hit
from ui.doclist import ID, PAGE, SPANS, STATUS, TITLE, DocIdRole, DocInfoRole, DocListModel, DocumentList
from ui.search_dialog import HitListModel, SearchDialog
from ui.tagpanel import SpanIdRole, SpanListModel


def test_document_list_model_passes_the_model_tester(qapp, qtmodeltester, demo: Project) -> None:  # type: ignore[no-untyped-def]
    model = DocListModel(demo)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 2
    assert model.data(model.index(0, TITLE)) == "Báo cáo chính trị Đại hội Đảng bộ tỉnh Sơn La"
    assert model.data(model.index(0, STATUS)) == "New"
    assert model.data(model.index(1, SPANS)) == str(demo.documents.info(2).span_count)
    assert model.data(model.index(1, ID), DocIdRole) == 2
    assert model.data(model.index(1, ID), DocInfoRole).title.startswith("Province")


def test_span_list_model_passes_the_model_tester_through_edits(qapp, qtmodeltester, demo: Project) -> None:  # type: ignore[no-untyped-def]
    model = SpanListModel()
    text = demo.documents.text(2)
    model.set_document(text, demo.spans.for_doc(2), demo.schema)
    qtmodeltester.check(model, force_py=True)
    n = model.rowCount()
    first = model.span_at(0)
    # add a span before every other one, move one, remove one: rows stay in document order
    added = demo.spans.get_many(demo.spans.add(doc_id=2, start=0, end=8, label="LOC").spans)
    model.apply_changes(added, set())
    assert model.rowCount() == n + 1 and model.data(model.index(0, 0), SpanIdRole) == added[0].id
    moved = demo.spans.get_many(demo.spans.update(first.id, start=first.start + 1).spans)
    model.apply_changes(moved, set())
    model.apply_changes([], {added[0].id})
    spans = model.spans()
    assert [(s.start, -s.end, s.id) for s in spans] == sorted((s.start, -s.end, s.id) for s in spans)
    assert model.rowCount() == n
    rejected = demo.spans.get_many(demo.spans.reject([spans[0].id]).spans)
    model.apply_changes(rejected, set())
    assert model.rowCount() == n - 1
    qtmodeltester.check(model, force_py=True)


def test_hit_list_model_passes_the_model_tester(qapp, qtmodeltester, demo: Project) -> None:  # type: ignore[no-untyped-def]
    model = HitListModel()
    model.set_hits(demo.search.find("Son La"))
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() >= 3
    assert model.data(model.index(0, 2)) == "Sơn La"
    model.set_hits([Hit(1, "t", 0, 1, "", "x", "y")])
    qtmodeltester.check(model, force_py=True)


def test_sorting_and_filtering_are_done_by_the_core(qtbot, demo: Project) -> None:  # type: ignore[no-untyped-def]
    panel = DocumentList(demo)
    qtbot.addWidget(panel)
    model = panel.model
    model.sort(TITLE, Qt.SortOrder.AscendingOrder)
    assert [model.doc_id(r) for r in range(model.rowCount())] == [1, 2]
    model.sort(TITLE, Qt.SortOrder.DescendingOrder)
    assert [model.doc_id(r) for r in range(model.rowCount())] == [2, 1]
    model.sort(SPANS, Qt.SortOrder.DescendingOrder)
    assert model.doc_id(0) == 1  # 15 spans against 8
    qtbot.keyClicks(panel.filter_edit, "province")
    assert model.rowCount() == 1 and model.doc_id(0) == 2
    panel.filter_edit.clear()
    demo.documents.set_status(1, DocStatus.ANNOTATED)
    panel.status_box.setCurrentIndex(panel.status_box.findData("unfinished"))
    assert [model.doc_id(r) for r in range(model.rowCount())] == [2]
    panel.status_box.setCurrentIndex(panel.status_box.findData("annotated"))
    assert [model.doc_id(r) for r in range(model.rowCount())] == [1]


def test_changes_update_rows_in_place(qtbot, demo: Project) -> None:  # type: ignore[no-untyped-def]
    model = DocListModel(demo)
    seen: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda a, b: seen.append((a.row(), b.row())))
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    model.on_project_changed(demo.documents.set_status(2, DocStatus.ANNOTATED))
    assert seen == [(1, 1)] and not resets
    assert model.data(model.index(1, STATUS)) == "Annotated"
    model.on_project_changed(demo.spans.add(doc_id=1, start=0, end=3, label="MISC"))
    assert model.data(model.index(0, SPANS)) == str(demo.documents.info(1).span_count)
    result = demo.documents.import_records([DocRecord(text="A third one.", title="Third")])
    model.on_project_changed(result.changes)
    assert resets and model.rowCount() == 3


@pytest.fixture(scope="module")
def big_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """100,000 tiny documents (made once for this module)."""
    path = tmp_path_factory.mktemp("big") / "big"
    project = Project.create(path, actor="tester")
    records = (DocRecord(text=f"Document {i}: {i * 7} words.", title=f"Title {i:06d}",
                         status=DocStatus.ANNOTATED if i % 3 == 0 else DocStatus.NEW) for i in range(100_000))
    project.documents.import_records(records, normalized=True)
    project.close()
    return path


@pytest.mark.slow
def test_the_list_stays_instant_with_100000_documents(qtbot, qtmodeltester, big_project: Path) -> None:  # type: ignore[no-untyped-def]
    project = Project.open(big_project, actor="tester")
    try:
        started = time.perf_counter()
        panel = DocumentList(project)
        qtbot.addWidget(panel)
        panel.setMinimumSize(300, 300)  # a top-level test widget: keep the layout from resizing it
        panel.resize(400, 600)
        panel.show()
        qtbot.waitExposed(panel)
        opened = time.perf_counter() - started
        model = panel.model
        assert model.total == 100_000
        assert model.rowCount() <= 2 * PAGE  # rows come page by page, not all at once
        assert opened < 1.0

        # jump to the end with the keyboard: rows are fetched as the view needs them
        started = time.perf_counter()
        panel.view.setFocus()
        panel.view.setCurrentIndex(model.index(0, TITLE))
        for _ in range(5):
            qtbot.keyClick(panel.view, Qt.Key.Key_PageDown)
        assert panel.view.currentIndex().row() > 50
        assert model.row_of(100_000) == 99_999  # load up to the last one on demand
        assert model.rowCount() == 100_000
        assert model.data(model.index(99_999, TITLE)) == "Title 099999"
        assert time.perf_counter() - started < 1.5

        for column, order in ((TITLE, Qt.SortOrder.DescendingOrder), (SPANS, Qt.SortOrder.AscendingOrder),
                              (STATUS, Qt.SortOrder.AscendingOrder)):
            started = time.perf_counter()
            panel.view.sortByColumn(column, order)
            model.data(model.index(0, TITLE))
            assert time.perf_counter() - started < 1.0, column
        assert model.data(model.index(0, STATUS)) == "Annotated"

        started = time.perf_counter()
        qtbot.keyClicks(panel.filter_edit, "Title 0999")
        assert model.total == 100 and model.rowCount() == 100
        assert time.perf_counter() - started < 1.0
        panel.filter_edit.clear()
        panel.status_box.setCurrentIndex(panel.status_box.findData("annotated"))
        assert model.total == 33_334
        # the tester gets a model of its own: the panel's one goes with the panel at teardown
        lone = DocListModel(project)
        lone.set_filter(status=["annotated"], text="Title 09")
        qtmodeltester.check(lone, force_py=True)
    finally:
        project.close()


def test_search_dialog_lists_hits_and_enter_opens_one(qtbot, demo: Project) -> None:  # type: ignore[no-untyped-def]
    dialog = SearchDialog(demo)
    qtbot.addWidget(dialog)
    dialog.open_with()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClicks(dialog.query, "Son La")
    qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
    assert dialog.model.rowCount() >= 3
    assert {dialog.model.hit(r).match for r in range(dialog.model.rowCount())} >= {"Sơn La", "SON LA"}
    qtbot.keyClick(dialog.query, Qt.Key.Key_Down)
    assert dialog.results.hasFocus()
    with qtbot.waitSignal(dialog.hit_activated) as signal:
        qtbot.keyClick(dialog.results, Qt.Key.Key_Return)
    doc_id, start, end = signal.args
    assert demo.documents.text(doc_id)[start:end] == dialog.model.hit(0).match
    # only inside spans of a label
    dialog.label_box.setCurrentIndex(dialog.label_box.findData("LOC"))
    hits = [dialog.model.hit(r) for r in range(dialog.model.rowCount())]
    assert hits and all(h.match in {"Sơn La", "SON LA"} for h in hits)
    assert len(hits) < len(demo.search.find("Son La"))
    dialog.query.clear()
    dialog.run_search()
    assert dialog.model.rowCount() == 0
    assert dialog.status.text() == ""
