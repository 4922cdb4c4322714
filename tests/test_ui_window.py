"""The main window's features: attribute editor, find, status, import by drop, export, suggestions,
feature plug-ins, language and theme, the screenshot mode and the command line that starts it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit
from uihelpers import open_window

from annotator.exporting import Selection
from annotator.model import DocStatus
from annotator.project import Project
from ui import settings as S
from ui.app import SCREENSHOT_SIZE, AppController, run_app
from ui.dialogs import ExportDialog, ExportOptions, ImportDialog, PersonDialog
from ui.mainwindow import MainWindow, install_features

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(qtbot, demo_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    w = open_window(qtbot, demo_path)
    yield w
    w.close()


def wait_job(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not window.jobs.busy, timeout=20000)


def test_the_window_shows_the_project_and_its_first_document(window: MainWindow) -> None:
    assert window.windowTitle() == "Báo cáo chính trị Đại hội Đảng bộ tỉnh Sơn La[*] — demo — Annotator"
    assert not window.isWindowModified()
    assert window.doc_list.model.rowCount() == 2
    assert window.text_view.text() == window.project.documents.text(1)
    assert window.tag_panel.span_model.rowCount() == len(window.project.spans.for_doc(1))
    assert set(window.tag_panel.labels.buttons) == set(window.project.schema.label_names())
    assert window.doc_label.text() == "Document 1 of 2 · New"
    assert window.person_label.text() == "tester"
    assert window.history_dock.isVisible()
    # every menu entry with a key shows it; single keys for labels
    assert window.label_actions["PER"].shortcut().toString() == "P"
    assert window.action_map["undo"].shortcut().toString() == "Ctrl+Z"
    assert window.action_map["redo"].shortcut().toString() == "Ctrl+Shift+Z"
    assert window.action_map["search_project"].shortcut().toString() == "Ctrl+Shift+F"
    assert "(Ctrl+Return)" in window.action_map["next_unfinished"].toolTip()
    titles = [m.title() for m in window.menus.values()]
    assert titles[:5] == ["&File", "&Edit", "&View", "&Document", "&Span"]
    assert window.menuBar().actions()[-1].text() == "&Help"


def test_attribute_editor_validates_as_you_type(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view = window.text_view
    count = next(s for s in window.tag_panel.span_model.spans() if s.label == "COUNT")
    view.select_span(count.id)
    editor = window.tag_panel.attributes
    assert "595" in editor.summary.text()
    value = editor.fields["value"]
    assert isinstance(value.widget, QLineEdit) and value.widget.text() == "595"
    value.widget.setFocus()
    value.widget.selectAll()
    qtbot.keyClicks(value.widget, "1.500,5")
    assert value.error.isVisible() and "decimal" in value.error.text()
    assert value.widget.property("invalid") is True
    qtbot.keyClick(value.widget, Qt.Key.Key_Return)
    assert window.project.spans.get(count.id).attrs["value"] == "595"  # never sent
    value.widget.selectAll()
    qtbot.keyClicks(value.widget, "1500.5")
    assert not value.error.isVisible() and value.widget.property("invalid") is False
    qtbot.keyClick(value.widget, Qt.Key.Key_Return)
    assert window.project.spans.get(count.id).attrs["value"] == "1500.5"
    # an enum from the keyboard, a date with its error
    bound = editor.fields["bound"].widget
    assert isinstance(bound, QComboBox)
    bound.setFocus()
    qtbot.keyClick(bound, Qt.Key.Key_Down)
    assert window.project.spans.get(count.id).attrs["bound"] == "="
    date = editor.fields["date"]
    date.widget.setFocus()
    qtbot.keyClicks(date.widget, "4/8/2020")
    assert date.error.isVisible() and "ISO" in date.error.text()
    date.widget.clear()
    qtbot.keyClicks(date.widget, "2020-08")
    # leaving the field stores it too
    view.setFocus()
    assert window.project.spans.get(count.id).attrs == {"value": "1500.5", "bound": "=", "date": "2020-08",
                                                        "referent": "Đảng bộ"}
    assert window.undo_stack.count() == 3
    window.undo_stack.undo()
    assert "date" not in window.project.spans.get(count.id).attrs
    assert editor.fields["date"].widget.text() == ""  # the editor follows the undo


def test_find_bar_ignores_diacritics(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view = window.text_view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_F, CTRL)
    bar = window.find_bar
    assert bar.isVisible() and bar.edit.hasFocus()
    qtbot.keyClicks(bar.edit, "Son La")
    rng = view.selection_range()
    assert rng is not None and view.text()[rng[0]:rng[1]] == "Sơn La"
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    second = view.selection_range()
    assert second is not None and second[0] > rng[0]
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return, SHIFT)
    assert view.selection_range() == rng
    qtbot.keyClicks(bar.edit, "xyz")
    assert bar.result.text() == "Not found" and bar.edit.property("notfound") is True
    qtbot.keyClick(bar.edit, Qt.Key.Key_Escape)
    assert not bar.isVisible() and view.hasFocus()


def test_status_next_unfinished_and_document_keys(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view = window.text_view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_I, CTRL | SHIFT)
    assert window.project.documents.get(1).status == DocStatus.IN_PROGRESS
    assert window.action_map["status_in_progress"].isChecked()
    qtbot.keyClick(view, Qt.Key.Key_PageDown, CTRL)
    assert window.current_doc_id == 2
    qtbot.keyClick(view, Qt.Key.Key_A, CTRL | SHIFT)
    qtbot.keyClick(view, Qt.Key.Key_PageUp, CTRL)
    assert window.current_doc_id == 1
    qtbot.keyClick(view, Qt.Key.Key_A, CTRL | SHIFT)
    qtbot.keyClick(view, Qt.Key.Key_Return, CTRL)
    assert window.current_doc_id == 1
    assert window.statusBar().currentMessage() == "Every document is annotated."
    # a status is undone like any edit
    window.undo_stack.undo()
    assert window.project.documents.get(1).status == DocStatus.IN_PROGRESS
    assert window.doc_label.text().endswith("In progress")


def test_dropping_files_imports_them_in_the_background(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    files = []
    for k in range(3):
        f = tmp_path / f"article{k}.txt"
        f.write_text(f"Headline number {k}\n\nThe body of article {k} mentions Ha Noi.", encoding="utf-8")
        files.append(f)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(f)) for f in files])
    enter = QDragEnterEvent(QPoint(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, drop)
    assert window.jobs.busy
    wait_job(qtbot, window)
    assert window.doc_list.model.rowCount() == 5
    titles = {window.doc_list.model.data(window.doc_list.model.index(r, 1)) for r in range(5)}
    assert {"Headline number 0", "Headline number 2"} <= titles
    assert "Imported 3 new document(s)" in window.statusBar().currentMessage()
    assert len(window.project.search.find("Ha Noi")) == 3  # indexed for searching too
    # the same files again: nothing new, nothing broken
    window.import_paths([str(f) for f in files])
    wait_job(qtbot, window)
    assert window.doc_list.model.rowCount() == 5


def test_the_import_dialog_imports_what_it_lists(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    article = tmp_path / "note.md"
    article.write_text("# A short note\n\nNguyen Van Minh visited Son La.", encoding="utf-8")
    dialog = window.import_dialog([str(article)])
    qtbot.waitUntil(dialog.isVisible)
    dialog.suggested.setChecked(True)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    wait_job(qtbot, window)
    assert window.project.documents.count() == 3
    assert window.settings.get(S.IMPORT_DIR) == str(tmp_path)


@pytest.mark.qt_log_ignore("does not support propagateSizeHints")  # a QMessageBox fixes its size offscreen
def test_an_import_that_fails_changes_nothing_and_says_why(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "fine"}\n{"text": 12}\n', encoding="utf-8")
    window.import_paths([str(bad)])
    wait_job(qtbot, window)
    qtbot.waitUntil(lambda: any(w.isVisible() and w.windowTitle() == "Import"
                                for w in QApplication.topLevelWidgets()))
    assert window.project.documents.count() == 2
    for w in QApplication.topLevelWidgets():
        if w.windowTitle() == "Import":
            w.close()


def test_edits_wait_while_a_job_writes(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    gate = threading.Event()
    job = window.run_job(lambda _project, _progress: gate.wait(10), title="Wait", label="Waiting")
    assert job is not None
    assert not window.action_map["delete_span"].isEnabled()
    assert not window.tag_panel.labels.isEnabled()
    assert window.run_job(lambda _p, _q: None, title="Again", label="") is None
    gate.set()
    wait_job(qtbot, window)
    assert window.action_map["delete_span"].isEnabled()


def test_export_runs_in_the_background_and_writes_the_selection(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "out.jsonl"
    window.export(ExportOptions("jsonl", out, Selection(layers={"entity"})))
    wait_job(qtbot, window)
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 2
    labels = {s["label"] for rec in lines for s in rec["spans"]}
    assert labels and labels <= {"PER", "ORG", "LOC", "MISC", "DOC_REF"}
    assert "Wrote 2 document(s)" in window.statusBar().currentMessage()
    # a split writes a folder of parts
    folder = tmp_path / "parts"
    window.export(ExportOptions("jsonl", folder, Selection(), split=[0.5, 0.5, 0.0], seed=3))
    wait_job(qtbot, window)
    assert sorted(p.name for p in folder.iterdir()) == ["dev.jsonl", "test.jsonl", "train.jsonl"]
    assert "in 3 parts" in window.statusBar().currentMessage()
    # the tokenizer and writer options chosen in the dialog reach the writer
    conll = tmp_path / "out.conll"
    window.export(ExportOptions("conll", conll, Selection(), tokenizer="vi-words", writer_options={"levels": 2}))
    wait_job(qtbot, window)
    first = next(line for line in conll.read_text(encoding="utf-8").splitlines() if line and "DOCSTART" not in line)
    assert len(first.split(" ")) == 5  # token, POS, chunk and two tag columns
    words = [line.split(" ")[0] for line in conll.read_text(encoding="utf-8").splitlines() if line]
    assert "Sơn_La" in words and "Sơn" not in words  # Vietnamese words, not syllables
    ls = tmp_path / "ls.json"
    window.export(ExportOptions("labelstudio", ls, Selection(), writer_options={"offsets": "utf16"}))
    wait_job(qtbot, window)
    assert json.loads(ls.read_text(encoding="utf-8"))


def test_export_and_import_dialogs_gather_choices(qtbot, demo: Project, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from annotator.export_run import export_formats
    from annotator.formats import FORMATS

    dialog = ExportDialog(demo.schema, start_dir=str(tmp_path), fmt="conll")
    qtbot.addWidget(dialog)
    assert [dialog.format.itemData(i) for i in range(dialog.format.count())] == export_formats()
    assert dialog.format.currentData() == "conll"
    assert not dialog.export_button.isEnabled()
    qtbot.keyClicks(dialog.output, str(tmp_path / "x.conll"))
    assert dialog.export_button.isEnabled()
    dialog.layers["figure"].setChecked(False)
    dialog.layers["claim"].setChecked(False)
    dialog.include_suggested.setChecked(True)
    dialog.statuses["new"].setChecked(False)
    dialog.split.setChecked(True)
    dialog.seed.setValue(7)
    options = dialog.options()
    assert options.fmt == "conll" and options.output == tmp_path / "x.conll"
    assert options.selection.layers == {"entity"} and options.selection.labels is None
    assert options.selection.states == {"accepted", "suggested"}
    assert options.selection.statuses == {"in_progress", "annotated", "reviewed"}
    assert options.split == [0.8, 0.1, 0.1] and options.seed == 7

    # the writer options the format takes, and only those, are offered
    def shown(widget) -> bool:  # type: ignore[no-untyped-def]
        return dialog._form.isRowVisible(widget)

    assert shown(dialog.tokenizer) and shown(dialog.levels) and not shown(dialog.offsets)
    assert options.tokenizer is None and options.writer_options == {}
    dialog.tokenizer.setCurrentIndex(dialog.tokenizer.findData("vi-pyvi"))
    dialog.levels.setValue(2)
    options = dialog.options()
    assert options.tokenizer == "vi-pyvi" and options.writer_options == {"levels": 2}
    dialog.format.setCurrentIndex(dialog.format.findData("labelstudio"))
    assert not shown(dialog.tokenizer) and not shown(dialog.levels) and shown(dialog.offsets)
    dialog.offsets.setCurrentIndex(dialog.offsets.findData("utf16"))
    options = dialog.options()
    assert options.tokenizer is None and options.writer_options == {"offsets": "utf16"}
    dialog.format.setCurrentIndex(dialog.format.findData("jsonl"))
    assert not any(shown(w) for w in (dialog.tokenizer, dialog.levels, dialog.offsets))

    imp = ImportDialog([str(tmp_path)])
    qtbot.addWidget(imp)
    readers = [imp.format.itemData(i) for i in range(1, imp.format.count())]
    assert readers == [f.name for f in FORMATS.values() if f.reader]
    imp.format.setCurrentIndex(imp.format.findData("text"))
    imp.suggested.setChecked(True)
    got = imp.options()
    assert got.paths == [str(tmp_path)] and got.fmt == "text" and got.suggested and not got.skip_bad


def test_suggest_figures_then_review_them_with_keys(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("annotator.suggest")
    window.open_document(2)
    view = window.text_view
    before = window.tag_panel.span_model.rowCount()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_G, CTRL | SHIFT)
    wait_job(qtbot, window)
    suggested = [s for s in window.tag_panel.span_model.spans() if s.state == "suggested"]
    assert suggested and window.tag_panel.span_model.rowCount() == before + len(suggested)
    assert view.selected_span_id() in {s.id for s in window.tag_panel.span_model.spans()}
    # one undo step takes them all back
    window.undo_stack.undo()
    assert not [s for s in window.tag_panel.span_model.spans() if s.state == "suggested"]
    window.undo_stack.redo()
    qtbot.keyClick(view, Qt.Key.Key_A, SHIFT)
    assert not [s for s in window.project.spans.for_doc(2) if s.state == "suggested"]


def test_feature_modules_plug_in_and_missing_ones_are_skipped(qtbot, window: MainWindow, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "fake_feature.py").write_text(
        "from PySide6.QtWidgets import QDockWidget, QLabel\n"
        "def install(window):\n"
        "    menu = window.menuBar().addMenu('Fake')\n"
        "    menu.addAction('Do it')\n"
        "    dock = QDockWidget('Fake panel', window)\n"
        "    dock.setWidget(QLabel('hello'))\n"
        "    window.add_dock(dock)\n"
        "    window.set_merge_handler(lambda paths: None)\n", encoding="utf-8")
    (tmp_path / "broken_feature.py").write_text("import no_such_dependency_here\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert install_features(window, ["no_such_feature_yet", "fake_feature"]) == ["fake_feature"]
    assert "Fake" in [a.text() for a in window.menuBar().actions()]
    assert "Fake panel" in [a.text() for a in window.panels_menu.actions()]
    assert window.action_map["merge"].isEnabled()
    with pytest.raises(ModuleNotFoundError):
        install_features(window, ["broken_feature"])


def test_person_dialog_and_switching_person(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    dialog = PersonDialog(window.project.people.list(), "")
    qtbot.addWidget(dialog)
    assert dialog.list.count() == len(window.project.people.list()) >= 1
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    dialog.list.setCurrentRow(0)
    assert dialog.chosen() == dialog.list.item(0).data(Qt.ItemDataRole.UserRole)
    dialog.name.setText("  lan ")
    assert dialog.chosen() == "lan"
    window.set_person("lan")
    assert window.project.actor == "lan" and window.person_label.text() == "lan"
    assert window.settings.get(S.PERSON) == "lan"
    window.text_view.select_span(window.tag_panel.span_model.span_at(0).id)
    window.tagger.delete_selected()
    assert window.project.history.events(limit=1)[0]["actor"] == "lan"


def test_view_keys_zoom_precision_and_theme(qtbot, window: MainWindow, qapp) -> None:  # type: ignore[no-untyped-def]
    view = window.text_view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Plus, CTRL)
    qtbot.keyClick(view, Qt.Key.Key_Plus, CTRL)
    assert view.zoom() == 2 and window.settings.get(S.ZOOM) == 2
    qtbot.keyClick(view, Qt.Key.Key_Minus, CTRL)
    assert view.zoom() == 1
    qtbot.keyClick(view, Qt.Key.Key_0, CTRL)
    assert view.zoom() == 0
    qtbot.keyClick(view, Qt.Key.Key_C, CTRL | SHIFT)
    assert view.character_precision() and window.mode_label.text() == "Characters"
    assert window.settings.get(S.CHARACTER_PRECISION) is True
    qtbot.keyClick(view, Qt.Key.Key_C, CTRL | SHIFT)
    assert not view.character_precision() and window.mode_label.text() == "Words"
    window.action_map["theme_dark"].trigger()
    assert window.settings.get(S.THEME) == "dark"


def test_the_shortcut_list_names_every_key(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    dialog = window.show_shortcuts()
    qtbot.addWidget(dialog)
    rows = {}
    tree = dialog.tree
    for i in range(tree.topLevelItemCount()):
        section = tree.topLevelItem(i)
        assert section is not None
        for k in range(section.childCount()):
            child = section.child(k)
            assert child is not None
            rows[child.text(0)] = child.text(1)
    assert rows["Next span"] == "J" and rows["Delete span"] == "Del"
    assert rows["Tag as CLAIM"] == "C"
    assert rows["Extend end (one word right)"] == "Alt+Shift+Right"
    dialog.close()


def test_the_app_opens_projects_and_switches_language(qtbot, qapp, demo_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    old_palette, old_sheet = qapp.palette(), qapp.styleSheet()
    controller = AppController(qapp, S.Settings())
    controller.features = ()  # only the window's own menus are looked at here
    try:
        window = controller.open(str(demo_path))
        assert window is not None
        qtbot.addWidget(window)
        assert controller.settings.get(S.RECENT_PROJECTS)[0] == str(demo_path.resolve())
        assert window.project.actor == "tester"  # from ANNOTATOR_USER
        window.open_document(2)
        controller.set_language("vi")
        qtbot.waitUntil(lambda: controller.window is not window)
        again = controller.window
        assert again is not None
        qtbot.addWidget(again)
        assert window.project.closed and again.current_doc_id == 2
        assert again.menus["file"].title() == "&Tệp"
        assert again.doc_label.text() == "Tài liệu 2/2 · Mới"
        controller.set_language("en")
        qtbot.waitUntil(lambda: controller.window is not again)
        last = controller.window
        assert last is not None
        qtbot.addWidget(last)
        assert last.menus["file"].title() == "&File"
    finally:
        if controller.window is not None:
            controller.window.close()
        qapp.setPalette(old_palette)
        qapp.setStyleSheet(old_sheet)


def test_screenshot_mode_renders_the_window(qtbot, qapp, demo_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    old_palette, old_sheet = qapp.palette(), qapp.styleSheet()
    try:
        png = tmp_path / "window.png"
        assert run_app(str(demo_path), screenshot=str(png)) == 0
        image = QImage(str(png))
        assert (image.width(), image.height()) == SCREENSHOT_SIZE
        assert png.stat().st_size < 300_000
        # the person's own settings are left alone
        assert not S.Settings().get(S.GEOMETRY)
    finally:
        qapp.setPalette(old_palette)
        qapp.setStyleSheet(old_sheet)


@pytest.mark.slow
def test_the_command_line_starts_the_app_for_a_screenshot(demo_path: Path, tmp_path: Path) -> None:
    png = tmp_path / "cli.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-m", "annotator", "gui", str(demo_path), "--screenshot", str(png)],
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert QImage(str(png)).width() == SCREENSHOT_SIZE[0]


def test_merging_a_colleagues_copy_brings_in_their_spans(qtbot, window: MainWindow, demo_path: Path,  # type: ignore[no-untyped-def]
                                                         tmp_path: Path) -> None:
    pytest.importorskip("annotator.merge")
    import shutil

    copy = tmp_path / "colleague"
    shutil.copytree(demo_path, copy)
    with Project.open(copy, actor="lan") as theirs:
        text = theirs.documents.text(1)
        start = text.index("Trung ương")
        theirs.spans.add(doc_id=1, start=start, end=start + len("Trung ương"), label="ORG")
    assert window.action_map["merge"].isEnabled()
    shown = window.tag_panel.span_model.rowCount()
    window.merge_paths([str(copy)])
    wait_job(qtbot, window)
    assert window.tag_panel.span_model.rowCount() == shown + 1
    assert any(window.text_view.text()[s.start:s.end] == "Trung ương" for s in window.tag_panel.span_model.spans())
    assert "Merged" in window.statusBar().currentMessage()
    window.merge_paths([str(copy)])
    wait_job(qtbot, window)
    assert window.statusBar().currentMessage() == "Nothing new to merge."


def test_a_work_package_opens_as_the_person_it_was_made_for(demo_path, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from annotator.package import make_package
    from annotator.project import Project
    from ui import settings as S
    from ui.app import choose_person

    with Project.open(demo_path, actor="thu") as p:
        make_package(p, tmp_path / "lan.annotator", annotator="lan")
    monkeypatch.delenv("ANNOTATOR_USER", raising=False)
    with Project.open(tmp_path / "lan.annotator") as pkg:
        assert choose_person(pkg, S.Settings(), ask=False) == "lan"
