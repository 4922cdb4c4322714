"""A whole annotation session driven from the keyboard, the way a person works (issue 3, item 12).

Open the demo project, select text with the keyboard, tag a claim, an entity and a figure inside
it, change a label, undo, redo, mark the document annotated, go to the next unfinished one,
close, reopen and find everything there.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from uihelpers import open_window

from annotator.model import DocStatus, Layer
from ui.mainwindow import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(qtbot, demo_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    w = open_window(qtbot, demo_path)
    yield w
    w.close()


def find(qtbot, window: MainWindow, text: str) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+F, type, Enter, Escape: the match is selected and the article has the focus."""
    qtbot.keyClick(window.text_view, Qt.Key.Key_F, CTRL)
    assert window.find_bar.edit.hasFocus()
    window.find_bar.edit.clear()
    qtbot.keyClicks(window.find_bar.edit, text)
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Escape)
    assert window.text_view.hasFocus()


def selected_text(window: MainWindow) -> str:
    rng = window.text_view.selection_range()
    assert rng is not None
    return window.text_view.text()[rng[0]:rng[1]]


def test_a_whole_session_from_the_keyboard(qtbot, demo_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, demo_path)
    view = window.text_view
    assert window.current_doc_id == 1
    # go to the English article with the keyboard: the list, then Down
    qtbot.keyClick(view, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert window.doc_list.view.hasFocus()
    qtbot.keyClick(window.doc_list.view, Qt.Key.Key_Down)
    assert window.current_doc_id == 2
    assert window.windowTitle().startswith("Province Approves")
    assert window.windowTitle().endswith("— demo — Annotator")
    qtbot.keyClick(window.doc_list.view, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert view.hasFocus()
    spans_before = window.tag_panel.span_model.rowCount()

    # the claim: start at "at least", grow word by word to the end of the sentence
    find(qtbot, window, "at least")
    assert selected_text(window) == "at least"
    while not selected_text(window).endswith("said"):
        qtbot.keyClick(view, Qt.Key.Key_Right, CTRL | SHIFT)
    claim_text = selected_text(window)
    assert claim_text == "at least 85% of the money goes to the 12 poorest districts, Minh said"
    qtbot.keyClick(view, Qt.Key.Key_C)
    claim = view.span(view.selected_span_id() or -1)
    assert claim is not None and claim.label == "CLAIM" and claim.layer == Layer.CLAIM
    assert window.current_status == DocStatus.IN_PROGRESS  # the first edit starts the document

    # an entity inside the claim, tagged with the wrong key first
    find(qtbot, window, "Minh said")
    qtbot.keyClick(view, Qt.Key.Key_Left, CTRL | SHIFT)
    assert selected_text(window) == "Minh"
    qtbot.keyClick(view, Qt.Key.Key_O)
    entity = view.span(view.selected_span_id() or -1)
    assert entity is not None and entity.label == "ORG"
    # change its label: the label key with a span selected and no text selected
    qtbot.keyClick(view, Qt.Key.Key_P)
    assert view.span(entity.id).label == "PER"  # type: ignore[union-attr]
    assert window.tag_panel.labels.buttons["PER"].isChecked()

    # a figure inside the claim
    find(qtbot, window, "12 poorest")
    qtbot.keyClick(view, Qt.Key.Key_Left, CTRL | SHIFT)
    assert selected_text(window) == "12"
    qtbot.keyClick(view, Qt.Key.Key_1)
    figure = view.span(view.selected_span_id() or -1)
    assert figure is not None and figure.label == "COUNT"
    for inner in (entity, figure):
        assert claim.start <= inner.start and inner.end <= claim.end
    assert window.tag_panel.span_model.rowCount() == spans_before + 3

    # its value in the attribute editor, typed and confirmed with Enter
    value = window.tag_panel.attributes.fields["value"].widget
    value.setFocus()
    qtbot.keyClicks(value, "12")
    qtbot.keyClick(value, Qt.Key.Key_Return)
    assert view.span(figure.id).attrs == {"value": "12"}  # type: ignore[union-attr]
    view.setFocus()

    # undo the attribute and the relabelling of the entity, then redo both
    steps = window.undo_stack.count()
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert view.span(figure.id).attrs == {}  # type: ignore[union-attr]
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert view.span(figure.id) is None
    assert view.span(entity.id).label == "PER"  # type: ignore[union-attr]
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert view.span(entity.id).label == "ORG"  # type: ignore[union-attr]
    assert window.isWindowModified()
    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_Z, CTRL | SHIFT)
    assert view.span(entity.id).label == "PER"  # type: ignore[union-attr]
    assert view.span(figure.id) is not None and view.span(figure.id).attrs == {"value": "12"}  # type: ignore[union-attr]
    assert window.undo_stack.count() == steps and window.undo_stack.index() == steps

    # done with this article: mark it annotated, go to the next unfinished one
    qtbot.keyClick(view, Qt.Key.Key_A, CTRL | SHIFT)
    assert window.current_status == DocStatus.ANNOTATED
    assert window.doc_list.model.data(window.doc_list.model.index_of(2, 2)) == "Annotated"
    qtbot.keyClick(view, Qt.Key.Key_Return, CTRL)
    assert window.current_doc_id == 1
    window.close()
    assert window.project.closed

    # reopen: everything is there, and the window comes back on the document left last
    again = open_window(qtbot, demo_path)
    assert again.current_doc_id == 1
    project = again.project
    assert project.documents.get(2).status == DocStatus.ANNOTATED
    stored = {(s.label, project.documents.text(2)[s.start:s.end]): s for s in project.spans.for_doc(2)}
    assert ("CLAIM", claim_text) in stored
    assert ("PER", "Minh") in stored
    assert stored[("COUNT", "12")].attrs == {"value": "12"}
    assert ("ORG", "Minh") not in stored
    again.open_document(2)
    assert again.tag_panel.span_model.rowCount() == spans_before + 3
    again.close()


def test_keys_move_between_spans_resize_delete_and_review_suggestions(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view = window.text_view
    window.open_document(2)
    spans = window.tag_panel.span_model.spans()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Home, CTRL)
    qtbot.keyClick(view, Qt.Key.Key_J)
    assert view.selected_span_id() == spans[0].id
    qtbot.keyClick(view, Qt.Key.Key_J)
    assert view.selected_span_id() == spans[1].id
    qtbot.keyClick(view, Qt.Key.Key_K)
    assert view.selected_span_id() == spans[0].id
    assert window.tag_panel.span_list.currentIndex().row() == 0

    # "Nguyen Van Minh": shrink its start by a word, grow it back, then its end
    person = next(s for s in spans if s.label == "PER")
    view.select_span(person.id)
    text = view.text()
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    moved = view.span(person.id)
    assert moved is not None and text[moved.start:moved.end] == "Van Minh"
    qtbot.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier | SHIFT)
    grown = view.span(person.id)
    assert grown is not None and text[grown.start:grown.end] == "Nguyen Van Minh told"
    qtbot.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier | SHIFT)
    assert text[view.span(person.id).start:view.span(person.id).end] == "Nguyen Van Minh"  # type: ignore[union-attr]

    # Delete removes the selected span; Ctrl+Z brings it back
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert view.span(person.id) is None
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert view.span(person.id) is not None

    # suggestions: R rejects and moves on, A accepts, Shift+A accepts the rest
    project = window.project
    start = text.index("Ministry")
    project.spans.add(doc_id=2, start=start, end=start + len("Ministry"), label="ORG", state="suggested")
    for word, label in (("2020 survey", "DATE"), ("Politburo", "ORG")):
        s = text.index(word)
        project.spans.add(doc_id=2, start=s, end=s + len(word.split()[0]), label=label, state="suggested")
    suggested = [s for s in window.tag_panel.span_model.spans() if s.state == "suggested"]
    assert len(suggested) == 3
    assert "3 suggested" in window.tag_panel.spans_title.text()
    view.select_span(suggested[0].id)
    qtbot.keyClick(view, Qt.Key.Key_R)
    assert view.span(suggested[0].id) is None
    assert view.selected_span_id() == suggested[1].id
    qtbot.keyClick(view, Qt.Key.Key_A)
    assert view.span(suggested[1].id).state == "accepted"  # type: ignore[union-attr]
    qtbot.keyClick(view, Qt.Key.Key_A, SHIFT)
    assert view.span(suggested[2].id).state == "accepted"  # type: ignore[union-attr]
    assert project.spans.get(suggested[0].id).state == "rejected"


def test_escape_and_labels_by_click(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view = window.text_view
    window.open_document(2)
    find(qtbot, window, "Friday")
    qtbot.mouseClick(window.tag_panel.labels.buttons["DATE"], Qt.MouseButton.LeftButton)
    span = view.span(view.selected_span_id() or -1)
    assert span is not None and span.label == "DATE" and view.text()[span.start:span.end] == "Friday"
    assert view.hasFocus()
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert view.selected_span_id() is None
    # with nothing selected a label key only explains what to do
    count = window.undo_stack.count()
    qtbot.keyClick(view, Qt.Key.Key_P)
    assert window.undo_stack.count() == count
    assert "Select some text" in window.statusBar().currentMessage()


def test_a_refused_edit_is_shown_not_raised(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view = window.text_view
    window.open_document(2)
    person = next(s for s in window.tag_panel.span_model.spans() if s.label == "PER")
    view.select_span(person.id)
    qtbot.keyClick(view, Qt.Key.Key_1)  # a figure label for an entity span: another layer
    assert view.span(person.id).label == "PER"  # type: ignore[union-attr]
    assert "another layer" in window.statusBar().currentMessage()
