"""The adjudication window (keys take versions), the agreement tables, conflicts, the menus."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from annotator.adjudicate import gold_spans, regions
from annotator.agreement import agreement
from annotator.merge import conflicts, merge
from annotator.package import make_package
from annotator.project import Project
from ui.adjudication import AdjudicationWindow, ConflictsDialog, DisagreementModel
from ui.agreement_view import ROW_ROLE, AgreementDialog, ConflictModel, DocumentModel, LabelModel, PairModel

TEXTS = [
    "Ông Lê Hồng Long đến Sơn La hôm 4/8/2020 và nói 595 Đảng bộ đã họp.",
    "Bộ Giáo dục chi hơn 4.500 tỷ đồng cho 1.200 phòng học ở Sơn La.",
]
# (doc, annotator, needle, label)
WORK = [
    (0, "lan", "Lê Hồng Long", "PER"), (0, "minh", "Lê Hồng Long", "PER"), (0, "vy", "Hồng Long", "PER"),
    (0, "lan", "Sơn La", "LOC"), (0, "minh", "Sơn La", "ORG"),
    (0, "lan", "595", "COUNT"), (0, "minh", "595", "COUNT"), (0, "vy", "595", "COUNT"),
    (1, "lan", "Bộ Giáo dục", "ORG"), (1, "minh", "Bộ Giáo dục", "ORG"), (1, "minh", "Sơn La", "LOC"),
]


@pytest.fixture
def rated(tmp_path: Path) -> Any:
    p = Project.create(tmp_path / "p", actor="lead")
    ids = [p.documents.add(t, title=f"Bài {k}") for k, t in enumerate(TEXTS)]
    for doc, who, needle, label in WORK:
        p.actor = who
        s = TEXTS[doc].index(needle)
        p.spans.add(doc_id=ids[doc], start=s, end=s + len(needle), label=label)
    p.actor = "thu"
    p.ids = ids  # type: ignore[attr-defined]
    yield p
    p.close()


def _show_active(qtbot: Any, win: AdjudicationWindow) -> None:
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    win.table.setFocus()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win and win.table.hasFocus())


def _press(qtbot: Any, win: AdjudicationWindow, key: Any, modifier: Any = Qt.KeyboardModifier.NoModifier) -> None:
    """A key typed in the window, as a person does (to the widget that has the focus)."""
    qtbot.keyClick(QApplication.focusWidget() or win, key, modifier)


def _gold(p: Project, doc_id: int) -> list[tuple[str, str]]:
    text = p.documents.text(doc_id)
    return sorted((s.label, text[s.start:s.end]) for s in gold_spans(p, doc_id))


def test_models_pass_the_model_tester(rated: Project, qtmodeltester: Any) -> None:
    doc = regions(rated, rated.ids[0])  # type: ignore[attr-defined]
    model = DisagreementModel()
    model.set_document(rated.documents.text(doc.doc_id), doc)
    qtmodeltester.check(model)
    assert model.rowCount() == 2 and model.columnCount() == 6
    assert model.headerData(3, Qt.Orientation.Horizontal) == "1 · lan"
    report = agreement(rated)
    for m in (LabelModel(), PairModel(), DocumentModel()):
        m.set_report(report)
        qtmodeltester.check(m)
        assert m.rowCount() > 0
    conflict_model = ConflictModel()
    conflict_model.set_conflicts([])
    qtmodeltester.check(conflict_model)


def test_keys_take_versions_into_the_gold_layer(rated: Project, qtbot: Any) -> None:
    d0 = rated.ids[0]  # type: ignore[attr-defined]
    win = AdjudicationWindow(rated, doc_id=d0)
    qtbot.addWidget(win)
    _show_active(qtbot, win)
    assert [h.text() for h in win.headers[:4]] == ["1 · lan", "2 · minh", "3 · vy", "Gold (adjudicated)"]
    first = win.current_region()
    assert first is not None and first.layer == "entity"
    # the current disagreement is marked in each column: minh's PER and vy's shorter PER
    assert win.views[2].highlighted() == frozenset(s.id for s in first.versions["vy"])
    with qtbot.waitSignal(win.taken):
        _press(qtbot, win, Qt.Key.Key_3)  # vy's "Hồng Long"
    assert ("PER", "Hồng Long") in _gold(rated, d0)
    assert ("COUNT", "595") in _gold(rated, d0)  # what all agreed on came along
    assert win.current_row == 1  # on to the next disagreement
    _press(qtbot, win, Qt.Key.Key_Return)  # already the last: stays
    _press(qtbot, win, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert win.current_row == 0
    _press(qtbot, win, Qt.Key.Key_Return)
    _press(qtbot, win, Qt.Key.Key_0)  # "Sơn La": no span at all
    assert not any(text == "Sơn La" for _, text in _gold(rated, d0))
    assert "2 settled" in win.info.text()
    assert win.model.data(win.model.index(0, DisagreementModel.COL_GOLD)) == "vy"
    _press(qtbot, win, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo the last take
    assert "1 settled" in win.info.text()
    _press(qtbot, win, Qt.Key.Key_PageDown)
    assert win.doc_id == rated.ids[1]  # type: ignore[attr-defined]
    assert [h.text() for h in win.headers[:3]] == ["1 · lan", "2 · minh", "Gold (adjudicated)"]
    assert not win.headers[3].parentWidget().isVisible()  # type: ignore[union-attr]
    _press(qtbot, win, Qt.Key.Key_2)
    assert _gold(rated, rated.ids[1]) == [("LOC", "Sơn La"), ("ORG", "Bộ Giáo dục")]  # type: ignore[attr-defined]
    win.close()


def test_agreement_dialog_tables(rated: Project, qtbot: Any) -> None:
    dialog = AgreementDialog(rated)
    qtbot.addWidget(dialog)
    dialog.set_report(agreement(rated))
    dialog.show()
    assert "annotators lan, minh, vy" in dialog.summary.text()
    labels = [dialog.labels.data(dialog.labels.index(r, 0)) for r in range(dialog.labels.rowCount())]
    assert labels == ["PER", "ORG", "LOC", "COUNT", "(all labels)"]
    assert dialog.pairs.rowCount() == 3
    # choosing a label shows its pairs
    dialog.label_view.selectRow(0)
    assert dialog.tabs.tabText(1) == "&Pairs (PER)"
    # sorting goes by value, through the proxy
    proxy = dialog.doc_view.model()
    dialog.doc_view.sortByColumn(DocumentModel.COL_EXACT, Qt.SortOrder.AscendingOrder)
    values = [proxy.index(r, DocumentModel.COL_EXACT).data() for r in range(proxy.rowCount())]
    assert values == sorted(values)
    dialog.tabs.setCurrentIndex(2)
    index = proxy.index(0, 1)
    with qtbot.waitSignal(dialog.document_activated) as blocker:
        dialog.doc_view.activated.emit(index)
    assert blocker.args == [index.data(ROW_ROLE)]


def test_conflicts_dialog_settles_one(rated: Project, tmp_path: Path, qtbot: Any) -> None:
    d0 = rated.ids[0]  # type: ignore[attr-defined]
    for who, label in (("an", "MISC"), ("bao", "ORG")):
        make_package(rated, tmp_path / f"{who}.annotator", annotator=who, doc_ids=[d0])
        with Project.open(tmp_path / f"{who}.annotator", actor=who) as q:
            first = q.spans.for_doc(d0)[0]
            q.spans.update(first.id, label=label)
    merge(rated, [tmp_path / "an.annotator", tmp_path / "bao.annotator"])
    (conflict,) = conflicts(rated)
    dialog = ConflictsDialog(rated)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.model.rowCount() == 1 and dialog.versions.count() == 2
    # each version in a few words, and nothing else (no number, no mark)
    assert [dialog.versions.itemText(k) for k in range(2)] == conflict.version_texts()
    assert all(not t[:1].isdigit() and not t.startswith("*") for t in conflict.version_texts())
    other = 1 - conflict.kept
    dialog.versions.setCurrentIndex(other)
    qtbot.mouseClick(dialog.keep, Qt.MouseButton.LeftButton)
    assert dialog.model.rowCount() == 0 and conflicts(rated) == []


def test_conflicts_dialog_lists_and_settles_the_same_entity(rated: Project, tmp_path: Path, qtbot: Any) -> None:
    for who in ("an", "bao"):
        make_package(rated, tmp_path / f"{who}.annotator", annotator=who, doc_ids=[rated.ids[0]])  # type: ignore[attr-defined]
        with Project.open(tmp_path / f"{who}.annotator", actor=who) as q:
            q.entities.add(name="Lê Hồng Long", type="PER")
    merge(rated, [tmp_path / "an.annotator", tmp_path / "bao.annotator"])
    (conflict,) = conflicts(rated)
    assert conflict.kind == "same_entity"
    dialog = ConflictsDialog(rated)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.model.rowCount() == 1 and dialog.versions.count() == 2
    assert dialog.versions.currentText().startswith("kept apart")
    one = next(k for k, v in enumerate(conflict.versions) if (v.values or {}).get("merge"))
    dialog.versions.setCurrentIndex(one)
    assert "one entity: merge" in dialog.versions.currentText()
    qtbot.mouseClick(dialog.keep, Qt.MouseButton.LeftButton)
    assert dialog.model.rowCount() == 0 and conflicts(rated) == []
    assert [e.name for e in rated.entities.list()] == ["Lê Hồng Long"]


def test_installed_in_the_main_window(rated: Project, qtbot: Any) -> None:
    from ui.mainwindow import MainWindow

    window = MainWindow(rated, features=("ui.review_window", "ui.adjudication"))
    qtbot.addWidget(window)
    window.show()
    names = {a.objectName() for a in window.menus["review"].actions()}
    assert {"action_agreement", "action_adjudicate", "action_conflicts"} <= names
    assert window.action_map["adjudicate"].shortcut().toString() == "Ctrl+Shift+D"
    assert window.action_map["merge"].isEnabled()  # File → Merge… is the window's own
    window.action_map["agreement"].trigger()
    dialog = window.agreement_dialog
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10000)
    assert dialog.labels.rowCount() == 5
    dialog.close()
    window.open_document(rated.ids[0])  # type: ignore[attr-defined]
    window.action_map["adjudicate"].trigger()
    adj = window.adjudication_window
    _show_active(qtbot, adj)
    assert adj.doc_id == rated.ids[0]  # type: ignore[attr-defined]
    _press(qtbot, adj, Qt.Key.Key_1)
    assert window.undo_stack.count() == 1 and window.undo_stack.undoText() == "Take lan's version"
    window.undo_stack.undo()
    assert gold_spans(rated, rated.ids[0]) == []  # type: ignore[attr-defined]
    adj.close()
    window.action_map["conflicts"].trigger()
    assert window.conflicts_dialog.model.rowCount() == 0
    window.conflicts_dialog.close()
    QApplication.processEvents()
