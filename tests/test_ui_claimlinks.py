"""A claim's links in the main window: listed, made with keys and clicks, removed (issue 6, item 1)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from uihelpers import open_window

from ui.claimlinks import ClaimLinker, LinkIdRole, TargetIdRole
from ui.mainwindow import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
CLAIM, SON_LA, LU_HONGLONG, LE_HONG_LONG, FIGURE_OUTSIDE = 15, 5, 3, 1, 12
"""demo document 1: the claim (links to figures 8–11 and claimant 3), unlinked spans outside it"""


@pytest.fixture
def window(qtbot, demo_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    w = open_window(qtbot, demo_path, size=(1300, 850))
    w.open_document(1)
    yield w
    w.close()


def linker(window: MainWindow) -> ClaimLinker:
    found = window.claim_links  # type: ignore[attr-defined]
    assert isinstance(found, ClaimLinker)
    return found


def rows(window: MainWindow) -> list[tuple[str, str, int]]:
    view = linker(window).panel.view
    return [(view.topLevelItem(i).text(0), view.topLevelItem(i).text(1), int(view.topLevelItem(i).data(0, TargetIdRole)))
            for i in range(view.topLevelItemCount())]


def core_links(window: MainWindow) -> set[tuple[int, str]]:
    return {(link.target_id, link.role) for link in window.project.links.for_span(CLAIM) if link.source_id == CLAIM}


def test_selecting_the_claim_lists_its_links(window: MainWindow) -> None:
    panel = linker(window).panel
    window.select_span(SON_LA)
    assert not panel.isVisible()
    window.select_span(CLAIM)
    assert panel.isVisible()
    assert sorted(rows(window)) == sorted([("figure", "DATE", 8), ("figure", "COUNT", 9), ("figure", "RATIO", 10),
                                           ("figure", "DURATION", 11), ("claimant", "PER", LU_HONGLONG)])
    assert panel.view.topLevelItem(0).text(2) == "ngày 4/8/2020"
    assert window.text_view.highlighted() == {8, 9, 10, 11, LU_HONGLONG}


def test_keyboard_linking_adds_links_until_escape_and_undo_removes_them(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view = window.text_view
    window.select_span(CLAIM)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_L, CTRL)
    assert linker(window).linking
    assert "Esc" in window.statusBar().currentMessage()

    window.select_span(SON_LA)  # an entity: Enter links it as "entity"
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert (SON_LA, "entity") in core_links(window)
    assert ("entity", "LOC", SON_LA) in rows(window)
    assert linker(window).panel.isVisible()  # still the claim's links while a figure/entity is selected

    window.select_span(FIGURE_OUTSIDE)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    window.select_span(LE_HONG_LONG)
    qtbot.keyClick(view, Qt.Key.Key_Return, SHIFT)
    window.select_span(FIGURE_OUTSIDE)
    qtbot.keyClick(view, Qt.Key.Key_Return, SHIFT)  # a figure cannot be the claimant: refused, shown
    assert {(FIGURE_OUTSIDE, "figure"), (LE_HONG_LONG, "claimant")} <= core_links(window)
    assert (FIGURE_OUTSIDE, "claimant") not in core_links(window)
    qtbot.keyClick(view, Qt.Key.Key_Return)  # a duplicate: the core refuses, the window shows it
    assert "already links" in window.statusBar().currentMessage()

    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert not linker(window).linking
    assert view.selected_span_id() == CLAIM  # Escape goes back to the claim
    qtbot.keyClick(view, Qt.Key.Key_Return)  # no longer linking: Enter links nothing
    assert len(core_links(window)) == 8

    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert len(core_links(window)) == 5
    assert SON_LA not in {target for _, _, target in rows(window)}


def test_delete_in_the_list_removes_a_link_and_enter_opens_it(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.select_span(CLAIM)
    view = linker(window).panel.view
    view.setFocus()
    view.setCurrentItem(view.topLevelItem(0))
    removed = int(view.topLevelItem(0).data(0, LinkIdRole))
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert removed not in {link.id for link in window.project.links.for_span(CLAIM)}
    assert window.text_view.span(CLAIM) is not None  # the claim itself is not deleted
    assert len(rows(window)) == 4
    target = int(view.topLevelItem(0).data(0, TargetIdRole))
    view.setCurrentItem(view.topLevelItem(0))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert window.text_view.selected_span_id() == target


def test_add_link_chooser_offers_spans_inside_the_claim_first(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.select_span(CLAIM)
    button = linker(window).panel.add_button
    qtbot.waitUntil(lambda: button.isVisible() and button.height() > 0)  # the section is laid out
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    chooser = linker(window).chooser
    assert chooser is not None
    assert [s.id for s in chooser.spans[:4]] == [8, 9, 10, 11]  # inside the claim, then the others
    ids = [s.id for s in chooser.spans]
    chooser.list.setCurrentRow(ids.index(LE_HONG_LONG))
    chooser.role.setCurrentIndex(1)  # claimant
    chooser.accept()
    assert (LE_HONG_LONG, "claimant") in core_links(window)


def test_linking_actions_are_in_the_span_menu(window: MainWindow) -> None:
    span_menu = window.menus["span"].actions()
    assert window.action_map["link_from_claim"] in span_menu
    assert window.action_map["link_from_claim"].shortcut().toString() == "Ctrl+L"


def test_screenshot_with_links(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window.select_span(CLAIM)
    path = tmp_path / "claim-links.png"
    assert window.grab().save(str(path))
    assert path.stat().st_size > 1000
