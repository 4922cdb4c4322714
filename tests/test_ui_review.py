"""The review window: the queue model, keyboard triage, and the window mirroring the core's rules."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMainWindow

from annotator.project import Project
from ui.review_window import (
    ClaimFilterProxy,
    ClaimQueueModel,
    DecideDialog,
    ReasonDialog,
    ReviewWindow,
    UnlockDialog,
    install,
)

PASS = "pw"  # ASCII: typed with keyClicks
# the offscreen platform says this when a window is shown; it is not ours
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)\(\)")


@pytest.fixture
def queue(demo: Project) -> Project:
    """The demo with both claims flagged by the annotator lan; thu is an editor (locked)."""
    demo.actor = "thu"
    demo.people.add("thu", role="editor", passphrase=PASS)
    demo.actor = "lan"
    for rec in demo.claims.list():
        demo.claims.flag(rec.id)
    demo.actor = "thu"
    return demo


def claim_ids(p: Project) -> list[int]:
    return [r.id for r in p.claims.list()]


@pytest.fixture
def window(queue: Project, qtbot: Any) -> Iterator[ReviewWindow]:
    w = ReviewWindow(queue)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    w.view.setFocus()
    back_to_queue(qtbot, w)
    yield w
    w.close()


def press(qtbot: Any, w: Any, key: Any, modifier: Any = Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(w, key, modifier)


def dialog_of(qtbot: Any, window: ReviewWindow, kind: type) -> Any:
    qtbot.waitUntil(lambda: isinstance(window.dialog, kind) and window.dialog.isVisible())
    return window.dialog


def back_to_queue(qtbot: Any, window: ReviewWindow) -> None:
    """A closed dialog hands the keys back to the queue (activation is asynchronous)."""
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window and window.view.hasFocus())


def test_models_pass_the_model_tester(queue: Project, qtmodeltester: Any) -> None:
    model = ClaimQueueModel(queue)
    qtmodeltester.check(model)
    proxy = ClaimFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    proxy.set_filter(text="dang bo")
    assert proxy.rowCount() == 1
    qtmodeltester.check(proxy)


def test_triage_the_queue_from_the_keyboard(window: ReviewWindow, queue: Project, qtbot: Any) -> None:
    first, second = claim_ids(queue)
    view = window.view
    assert window.current() is not None and window.current().id == first  # type: ignore[union-attr]
    assert "Lu Honglong" in window.detail.toPlainText() and "1 (17–17)" in window.detail.toPlainText()

    # T: take into review; the locked editor is asked for the passphrase first
    press(qtbot, view, Qt.Key.Key_T)
    unlock = dialog_of(qtbot, window, UnlockDialog)
    qtbot.keyClicks(unlock.passphrase, "wrong")
    press(qtbot, unlock.passphrase, Qt.Key.Key_Return)
    assert unlock.isVisible() and "Wrong passphrase" in unlock.error.text()
    unlock.passphrase.clear()
    qtbot.keyClicks(unlock.passphrase, PASS)
    press(qtbot, unlock.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: queue.claims.state(first) == "in_review")
    assert queue.editor_unlocked

    # D: decide — verdict with the arrow keys, Tab through the fields, Ctrl+Return
    back_to_queue(qtbot, window)
    press(qtbot, view, Qt.Key.Key_D)
    decide = dialog_of(qtbot, window, DecideDialog)
    qtbot.waitUntil(lambda: decide.verdict.hasFocus())
    press(qtbot, decide.verdict, Qt.Key.Key_Down)  # supported → refuted
    press(qtbot, decide.verdict, Qt.Key.Key_Tab)
    qtbot.keyClicks(decide.rating_text, "Sai")
    press(qtbot, decide.rating_text, Qt.Key.Key_Tab)
    qtbot.keyClicks(decide.rationale, "Only 590 held congresses by 4 August.")
    press(qtbot, decide.rationale, Qt.Key.Key_Tab)
    qtbot.keyClicks(decide.evidence, "https://sonla.gov.vn/bao-cao | Tinh uy | refutes | 590 dang bo")
    press(qtbot, decide.evidence, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: queue.claims.state(first) == "decided")
    rec = queue.claims.get(first)
    assert (rec.verdict, rec.rating_text, rec.rationale) == ("refuted", "Sai", "Only 590 held congresses by 4 August.")
    assert rec.evidence[0].url == "https://sonla.gov.vn/bao-cao" and rec.evidence[0].stance == "refutes"
    assert window.current().id == first and window.current().verdict == "refuted"  # type: ignore[union-attr]

    # P: publish — the claim leaves the queue and the next one takes its place
    back_to_queue(qtbot, window)
    press(qtbot, view, Qt.Key.Key_P)
    qtbot.waitUntil(lambda: queue.claims.state(first) == "published")
    assert window.current() is not None and window.current().id == second  # type: ignore[union-attr]
    assert window.proxy.rowCount() == 1

    # X: dismiss with a reason
    press(qtbot, view, Qt.Key.Key_X)
    reason = dialog_of(qtbot, window, ReasonDialog)
    qtbot.keyClicks(reason.reason, "opinion")
    press(qtbot, reason.reason, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: queue.claims.state(second) == "dismissed")
    back_to_queue(qtbot, window)
    assert window.proxy.rowCount() == 0 and window.current() is None
    assert not window.actions_by_name["take"].isEnabled()

    # every state again; N moves on; O reopens the dismissed claim with a reason (required)
    window.state_filter.setFocus()
    window.state_filter.setCurrentIndex(window.state_filter.findData(None))
    view.setFocus()
    assert window.proxy.rowCount() == 2 and window.current().id == first  # type: ignore[union-attr]
    press(qtbot, view, Qt.Key.Key_N)
    assert window.current().id == second  # type: ignore[union-attr]
    press(qtbot, view, Qt.Key.Key_O)
    reopen = dialog_of(qtbot, window, ReasonDialog)
    press(qtbot, reopen.reason, Qt.Key.Key_Return)
    assert reopen.isVisible() and "reason is needed" in reopen.error.text()
    qtbot.keyClicks(reopen.reason, "the GSO report changed")
    press(qtbot, reopen.reason, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: queue.claims.state(second) == "flagged")
    back_to_queue(qtbot, window)

    # T then R: take it and return it to the annotator with a reason
    press(qtbot, view, Qt.Key.Key_T)
    qtbot.waitUntil(lambda: queue.claims.state(second) == "in_review")
    press(qtbot, view, Qt.Key.Key_R)
    back = dialog_of(qtbot, window, ReasonDialog)
    qtbot.keyClicks(back.reason, "link the figure")
    press(qtbot, back.reason, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: queue.claims.state(second) == "returned")
    back_to_queue(qtbot, window)
    assert "link the figure" in window.detail.toPlainText()
    ops = [e["op"] for e in queue.history.events(claim_id=second)][::-1]
    assert ops == ["review.flag", "review.dismiss", "review.reopen", "review.take", "review.return"]

    # Shift+N back to the first; Return asks the main window to open it
    press(qtbot, view, Qt.Key.Key_N, Qt.KeyboardModifier.ShiftModifier)
    assert window.current().id == first  # type: ignore[union-attr]
    rec = queue.claims.get(first)
    with qtbot.waitSignal(window.open_requested) as blocker:
        press(qtbot, view, Qt.Key.Key_Return)
    assert blocker.args == [rec.doc_id, rec.start, rec.end, first]


def test_annotator_sees_editor_steps_disabled_and_why(queue: Project, qtbot: Any) -> None:
    queue.actor = "lan"
    w = ReviewWindow(queue)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    w.view.setFocus()
    back_to_queue(qtbot, w)
    first = w.current().id  # type: ignore[union-attr]
    take = w.actions_by_name["take"]
    assert not take.isEnabled() and "Only an editor" in take.toolTip()
    assert w.actions_by_name["unflag"].isEnabled() and not w.actions_by_name["unlock"].isEnabled()
    assert "need an editor" in w.explain.text() and "lan (annotator)" in w.explain.text()
    press(qtbot, w.view, Qt.Key.Key_T)  # nothing happens: the window mirrors the core
    assert queue.claims.state(first) == "flagged" and w.dialog is None
    press(qtbot, w.view, Qt.Key.Key_U)  # unflag is the annotator's
    qtbot.waitUntil(lambda: queue.claims.state(first) == "draft")
    assert w.current() is not None and w.current().id != first  # type: ignore[union-attr]
    # the core refuses even if the window is asked directly
    w.trigger("take")
    assert "not an editor" in w.explain.text()
    assert queue.claims.state(w.current().id) == "flagged"  # type: ignore[union-attr]
    w.close()


def test_filters_and_changes_from_elsewhere(window: ReviewWindow, queue: Project, qtbot: Any) -> None:
    first, second = claim_ids(queue)
    qtbot.keyClick(window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.text_filter.hasFocus()
    qtbot.keyClicks(window.text_filter, "dang bo")  # diacritics and case ignored
    assert window.proxy.rowCount() == 1 and window.current().id == first  # type: ignore[union-attr]
    window.text_filter.clear()
    assert window.proxy.rowCount() == 2
    window.doc_filter.setCurrentIndex(window.doc_filter.findData(queue.claims.get(second).doc_id))
    assert window.proxy.rowCount() == 1 and window.current().id == second  # type: ignore[union-attr]
    window.doc_filter.setCurrentIndex(0)
    window.cw_filter.setCurrentIndex(window.cw_filter.findData("non_factual"))
    assert window.proxy.rowCount() == 0 and "No claim" in window.detail.toPlainText()
    window.cw_filter.setCurrentIndex(0)
    # a change made elsewhere (the CLI, another window) shows at once
    queue.unlock(PASS)
    queue.claims.take(second)
    window.verdict_filter.setCurrentIndex(window.verdict_filter.findData("supported"))
    assert window.proxy.rowCount() == 0
    queue.claims.decide(second, verdict="supported")
    assert window.proxy.rowCount() == 1 and window.current().id == second  # type: ignore[union-attr]
    assert window.model.record(window.model.row_of(second) or 0).state == "decided"  # type: ignore[arg-type]


def test_install_adds_the_menu_action_and_opens_one_window(queue: Project, qtbot: Any) -> None:
    main = QMainWindow()
    main.project = queue  # type: ignore[attr-defined]
    opened: list[Any] = []
    main.open_document = lambda doc_id, select=None: opened.append((doc_id, select))  # type: ignore[attr-defined]
    main.select_span = lambda span_id: opened.append(span_id)  # type: ignore[attr-defined]
    qtbot.addWidget(main)
    action = install(main)
    assert action.shortcut().toString() == "Ctrl+Shift+R"
    assert any(a.menu() is not None and action in a.menu().actions() for a in main.menuBar().actions())
    action.trigger()
    review = main._review_window  # type: ignore[attr-defined]
    assert isinstance(review, ReviewWindow) and review.isVisible()
    action.trigger()
    assert main._review_window is review  # type: ignore[attr-defined]
    rec = review.current()
    assert rec is not None
    review.open_current()
    assert opened == [(rec.doc_id, (rec.start, rec.end)), rec.id]
    review.close()
    QApplication.processEvents()


def test_the_main_window_installs_the_review_and_opens_a_claim(queue: Project, qtbot: Any) -> None:
    from ui.mainwindow import MainWindow
    from ui.settings import Settings

    main = MainWindow(queue, settings=Settings())
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow)
    assert "ui.review_window" in main.installed_features
    titles = [a.text() for a in main.menuBar().actions()]
    assert titles.index("&Review") == len(titles) - 2  # before Help
    qtbot.keyClick(main, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: isinstance(getattr(main, "_review_window", None), ReviewWindow))
    review: ReviewWindow = main._review_window  # type: ignore[attr-defined]
    qtbot.waitExposed(review)
    rec = review.current()
    assert rec is not None
    review.open_current()
    assert main.current_doc_id == rec.doc_id
    assert main.text_view.selected_span_id() == rec.id
    review.close()
    main.close()


def test_queue_columns_can_be_hidden_and_stay_hidden(queue: Project, qtbot: Any) -> None:
    """Annotator is hidden by default (it has its own filter); the header's menu shows and hides the
    other columns, and the choice is kept for the next window. # and Claim always stay."""
    from ui.review_window import ANNOTATOR, CHECKWORTHY, CLAIM, COLUMN_KEYS, ID

    w = ReviewWindow(queue)
    qtbot.addWidget(w)
    assert w.view.isColumnHidden(ANNOTATOR) and not w.view.isColumnHidden(CLAIM)
    menu = w.column_menu()
    titles = [a.text() for a in menu.actions()]
    assert "Claim" not in titles and "#" not in titles and len(titles) == len(COLUMN_KEYS)
    annotator = next(a for a in menu.actions() if a.text() == "Annotator")
    assert not annotator.isChecked()
    annotator.setChecked(True)  # as a click would
    assert not w.view.isColumnHidden(ANNOTATOR)
    w.set_column_shown(CHECKWORTHY, False)
    w.close()
    again = ReviewWindow(queue)
    qtbot.addWidget(again)
    assert not again.view.isColumnHidden(ANNOTATOR) and again.view.isColumnHidden(CHECKWORTHY)
    assert not again.view.isColumnHidden(ID) and not again.view.isColumnHidden(CLAIM)
    # the claim column gets the room: wider than any other
    again.resize(1200, 720)
    again.show()
    qtbot.waitExposed(again)
    widths = [again.view.columnWidth(c) for c in range(7) if not again.view.isColumnHidden(c)]
    assert again.view.columnWidth(CLAIM) == max(widths)
    again.close()
