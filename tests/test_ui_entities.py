"""The Entities panel in the main window: the model, filtering, rename/merge/split through dialogs,
jumping to mentions, the link chooser as you type, tag all occurrences, name-variant clusters."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication, QDialog, QTreeWidgetItem
from uihelpers import open_window

from annotator.model import Span
from annotator.project import Project
from ui.entities_panel import (
    ClustersDialog,
    EntitiesPanel,
    EntityModel,
    LinkEntityDialog,
    MergeDialog,
    RenameDialog,
    SplitDialog,
    TagAllDialog,
)
from ui.mainwindow import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(qtbot, demo_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    project = Project.open(demo_path, actor="tester")
    project.entities.add(name="Sơn La", type="LOC", aliases=["Son La province"], external_id="Q36763")
    w = open_window(qtbot, project, size=(1400, 850))
    yield w
    w.close()


def panel_of(window: MainWindow) -> EntitiesPanel:
    panel = window.entities_panel  # type: ignore[attr-defined]
    assert isinstance(panel, EntitiesPanel)
    return panel


def span_with(window: MainWindow, text: str) -> Span:
    project = window.project
    for s in project.spans.iter_all():
        if project.documents.text(s.doc_id)[s.start:s.end] == text:
            return s
    raise AssertionError(text)


def names(panel: EntitiesPanel) -> list[str]:
    return [panel.proxy.index(r, 0).data() for r in range(panel.proxy.rowCount())]


def select_rows(panel: EntitiesPanel, *entity_ids: int) -> None:
    sel = panel.table.selectionModel()
    sel.clearSelection()
    for k, eid in enumerate(entity_ids):
        ix = panel.proxy.mapFromSource(panel.model.index(panel.model.row_of(eid), 0))  # type: ignore[arg-type]
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        if k == 0:
            sel.setCurrentIndex(ix, flags)
        else:
            sel.select(ix, flags)


D = TypeVar("D", bound=QDialog)


def modal(qtbot, kind: type[D]) -> D:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), kind))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, kind)
    return dialog


def test_models_pass_the_model_tester(qtmodeltester, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    panel = panel_of(window)
    qtmodeltester.check(panel.model)
    qtmodeltester.check(panel.proxy)
    panel.select_entity(1)
    assert panel.mentions.rowCount() == 2
    qtmodeltester.check(panel.mentions)
    assert panel.model.headerData(EntityModel.MENTIONS, Qt.Orientation.Horizontal) == "Mentions"


def test_panel_is_installed_with_its_actions(window: MainWindow) -> None:
    panel = panel_of(window)
    dock = window.entities_dock  # type: ignore[attr-defined]
    assert dock.isVisible() and dock.widget() is panel
    assert window.action_map["entities_panel"] in window.panels_menu.actions()
    assert window.action_map["link_entity"].shortcut().toString() == "Ctrl+Shift+L"
    assert window.action_map["tag_all_occurrences"].shortcut().toString() == "Ctrl+Shift+T"
    assert window.action_map["link_entity"] in window.menus["span"].actions()
    assert sorted(names(panel)) == ["Lê Hồng Long", "Sơn La"]
    row = panel.model.row_of(1)
    assert panel.model.index(row, EntityModel.MENTIONS).data() == "2"  # type: ignore[arg-type]


def test_filter_by_folded_text_and_type(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    panel = panel_of(window)
    qtbot.keyClicks(panel.filter, "son la prov")
    assert names(panel) == ["Sơn La"]  # through its alias
    panel.filter.clear()
    panel.type_box.setCurrentIndex(panel.type_box.findData("PER"))
    assert names(panel) == ["Lê Hồng Long"]


def test_rows_follow_core_changes_and_undo(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    panel, project = panel_of(window), window.project
    window.perform(lambda: project.entities.add(name="VOV", type="ORG"), "add")
    assert "VOV" in names(panel)
    vov = project.entities.find("VOV").id  # type: ignore[union-attr]
    window.perform(lambda: project.entities.link([span_with(window, "VOV").id], vov), "link")
    assert panel.model.index(panel.model.row_of(vov), EntityModel.MENTIONS).data() == "1"  # type: ignore[arg-type]
    window.undo_stack.undo()
    assert panel.model.mention_count(vov) == 0
    window.undo_stack.undo()
    assert "VOV" not in names(panel)


def test_entities_made_by_an_import_appear(window: MainWindow) -> None:
    from annotator.model import DocRecord, SpanRecord

    panel, project = panel_of(window), window.project
    record = DocRecord(text="Ông Phạm Văn Tư nói.", spans=[SpanRecord(4, 15, "PER", entity="Phạm Văn Tư")])
    window.perform(lambda: project.documents.import_records([record]).changes, "import")
    assert "Phạm Văn Tư" in names(panel)


def test_rename_through_the_dialog_with_f2(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    panel = panel_of(window)
    son = window.project.entities.find("Sơn La").id  # type: ignore[union-attr]
    select_rows(panel, son)
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_F2)
    dialog = modal(qtbot, RenameDialog)
    qtbot.keyClicks(dialog.name_edit, "Son La Province")  # replaces the selected old name
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    e = window.project.entities.get(son)
    assert (e.name, e.aliases) == ("Son La Province", ("Son La province", "Sơn La"))
    assert "Son La Province" in names(panel)
    window.undo_stack.undo()
    assert window.project.entities.get(son).name == "Sơn La"


def test_merge_selected_entities_keeps_links_and_undoes(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    panel, project = panel_of(window), window.project
    project.entities.unify([span_with(window, "Luo Honglong").id, span_with(window, "Lu Honglong").id],
                           name="Luo Honglong")
    luo = project.entities.find("Luo Honglong").id  # type: ignore[union-attr]
    assert panel.model.mention_count(luo) == 2
    select_rows(panel, 1, luo)
    assert panel.merge_action.isEnabled()
    panel.merge_action.trigger()
    dialog = modal(qtbot, MergeDialog)
    assert dialog.keep_box.count() == 2
    dialog.keep_box.setCurrentIndex(dialog.keep_box.findData(1))
    dialog.accept()
    assert names(panel).count("Luo Honglong") == 0
    assert panel.model.mention_count(1) == 4
    assert "Luo Honglong" in project.entities.get(1).aliases
    assert panel.mentions.rowCount() == 4  # the kept entity is current, with every mention
    window.undo_stack.undo()
    assert "Luo Honglong" in names(panel) and panel.model.mention_count(1) == 2


def test_split_selected_mentions(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    panel = panel_of(window)
    panel.select_entity(1)
    assert not panel.split_action.isEnabled()
    panel.mention_list.setCurrentIndex(panel.mentions.index(1))
    assert panel.split_action.isEnabled()
    panel.split_action.trigger()
    dialog = modal(qtbot, SplitDialog)
    assert dialog.name_edit.text() == "Lữ Hồng Long"
    dialog.name_edit.clear()
    qtbot.keyClicks(dialog.name_edit, "Lu Hong Long")
    dialog.accept()
    assert "Lu Hong Long" in names(panel)
    assert panel.model.mention_count(1) == 1


def test_activating_a_mention_opens_it(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    panel = panel_of(window)
    window.open_document(2)
    panel.select_entity(1)
    second = panel.mentions.mention(1)
    panel.mention_list.setFocus()
    panel.mention_list.setCurrentIndex(panel.mentions.index(1))
    qtbot.keyClick(panel.mention_list, Qt.Key.Key_Return)
    assert window.current_doc_id == second.span.doc_id == 1
    assert window.text_view.selected_span_id() == second.span.id


def test_the_panel_follows_the_selected_span(window: MainWindow) -> None:
    panel = panel_of(window)
    panel.select_entity(window.project.entities.find("Sơn La").id)  # type: ignore[union-attr]
    window.select_span(span_with(window, "Lữ Hồng Long").id)
    assert panel.current_id() == 1


def test_link_chooser_ranks_as_you_type(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    luo = span_with(window, "Luo Honglong")
    window.select_span(luo.id)
    window.text_view.setFocus()
    qtbot.keyClick(window.text_view, Qt.Key.Key_L, CTRL | SHIFT)
    dialog = modal(qtbot, LinkEntityDialog)
    first = dialog.list.item(0)
    assert first is not None and first.text().startswith("Lê Hồng Long")  # a family-name variant
    dialog.query.clear()
    assert dialog.list.count() == 0 and not dialog.new_button.isEnabled()
    qtbot.keyClicks(dialog.query, "Le Ho")
    item = dialog.list.item(0)
    assert item is not None and item.text().startswith("Lê Hồng Long")
    qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
    assert window.project.spans.get(luo.id).entity_id == 1
    window.undo_stack.undo()
    assert window.project.spans.get(luo.id).entity_id is None


def test_link_chooser_creates_a_new_entity(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    vov = span_with(window, "VOV")
    window.select_span(vov.id)
    window.action_map["link_entity"].trigger()
    dialog = modal(qtbot, LinkEntityDialog)
    assert dialog.list.count() == 0
    dialog.query.clear()
    qtbot.keyClicks(dialog.query, "Voice of Vietnam")
    qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
    e = window.project.entities.find("Voice of Vietnam")
    assert e is not None and e.type == "ORG" and e.aliases == ("VOV",)
    assert window.project.spans.get(vov.id).entity_id == e.id
    window.undo_stack.undo()  # both steps at once
    assert window.project.entities.find("Voice of Vietnam") is None


def test_link_needs_an_entity_mention(window: MainWindow) -> None:
    window.select_span(None)
    window.action_map["link_entity"].trigger()
    assert QApplication.activeModalWidget() is None
    assert "Select an entity mention" in window.statusBar().currentMessage()


def test_tag_all_occurrences_with_a_preview(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    sun = span_with(window, "Sun La")
    window.select_span(sun.id)
    window.text_view.setFocus()
    qtbot.keyClick(window.text_view, Qt.Key.Key_T, CTRL | SHIFT)
    dialog = modal(qtbot, TagAllDialog)
    assert dialog.count.text() == "4 more place(s) in 1 document(s); 1 already tagged."
    qtbot.mouseClick(dialog.whole_project, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.as_accepted, Qt.MouseButton.LeftButton)
    before = len(window.project.spans.for_doc(1))
    events = window.undo_stack.count()
    dialog.accept()
    assert len(window.project.spans.for_doc(1)) == before + 4
    assert window.undo_stack.count() == events + 1
    assert window.tag_panel.span_model.rowCount() == before + 4
    window.undo_stack.undo()
    assert len(window.project.spans.for_doc(1)) == before


def top_items(dialog: ClustersDialog) -> list[QTreeWidgetItem]:
    items = [dialog.tree.topLevelItem(k) for k in range(dialog.tree.topLevelItemCount())]
    return [t for t in items if t is not None]


def test_name_variant_clusters(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    panel = panel_of(window)
    dialog = panel.clusters_dialog()
    assert isinstance(dialog, ClustersDialog)
    tops = top_items(dialog)
    assert [(t.text(0), t.text(1), t.childCount()) for t in tops] == [("Lê Hồng Long", "PER", 4), ("Sơn La", "LOC", 3)]
    dialog.tree.setCurrentItem(tops[1])
    qtbot.mouseClick(dialog.untagged_button, Qt.MouseButton.LeftButton)
    assert "Tôn La" in {window.project.documents.text(1)[s.start:s.end]
                        for s in window.project.spans.for_doc(1) if s.label == "LOC"}
    tops = top_items(dialog)
    assert (tops[0].text(0), tops[0].text(2)) == ("Sơn La", "14")  # the untagged places joined it
    dialog.tree.setCurrentItem(tops[1])
    qtbot.mouseClick(dialog.unify_button, Qt.MouseButton.LeftButton)
    per = top_items(dialog)[1]
    assert (per.text(0), per.text(3)) == ("Lê Hồng Long", "one entity")
    assert dialog.current() is dialog.clusters[0] and dialog.unify_button.isEnabled()  # Sơn La still to do
    assert panel.model.mention_count(1) == 4
    dialog.reject()


def test_screenshot_of_the_panel(window: MainWindow, tmp_path: Path) -> None:
    panel = panel_of(window)
    panel.select_entity(1)
    image = window.entities_dock.grab().toImage()  # type: ignore[attr-defined]
    path = tmp_path / "entities.png"
    assert image.save(str(path)) and path.stat().st_size > 1000
    assert image.width() >= 300
