"""Tagging from the keyboard: what each tagging key does to the current document.

The :class:`Tagger` turns a key press into one core edit (``project.spans.add/update/delete/
accept/reject``) and pushes it on the undo stack; the views then update from the change
notification like for any other change. Keys (the window's *Span* menu shows them):

==========================  ==========================================================
label key (p o l m d 1-8 c)  tag the selection; with no selection, relabel the selected span
click on a label             the same
J / K                        select the next / previous span
Delete                       delete the selected span
Alt+Left / Alt+Right         move the selected span's start left (grow) / right (shrink)
Alt+Shift+Left / …+Right     move its end left (shrink) / right (grow)
A / R                        accept / reject the selected suggestion (then go to the next one)
Shift+A                      accept every suggestion in the document
Escape                       clear the selection and the selected span
==========================  ==========================================================

Boundaries move by whole words, or by characters with character precision on. Use from the
GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QTextCursor

from annotator.model import Changes, DocStatus, Span, SpanState
from annotator.offsets import is_word_char, snap_to_cluster, snap_to_words

if TYPE_CHECKING:
    from annotator.project import Project
    from ui.mainwindow import MainWindow

RESERVED_KEYS = frozenset("ajkr")
"""Single keys the tagging commands use; a schema label with one of these keys gets no shortcut."""


def step_boundary(text: str, pos: int, direction: int, *, words: bool) -> int:
    """The next boundary from ``pos`` in ``direction`` (+1/-1): a word edge, or a character edge."""
    n = len(text)
    if not words:
        return snap_to_cluster(text, max(0, min(n, pos + direction)), forward=direction > 0)
    k = pos
    if direction > 0:
        while k < n and not is_word_char(text[k]):
            k += 1
        return n if k >= n else snap_to_words(text, k, k + 1)[1]
    while k > 0 and not is_word_char(text[k - 1]):
        k -= 1
    return 0 if k <= 0 else snap_to_words(text, k - 1, k)[0]


def moved_edges(text: str, start: int, end: int, edge: str, direction: int, *,
                words: bool) -> tuple[int, int] | None:
    """New (start, end) after moving one edge a step; None when the span would vanish or not move."""
    if edge == "start":
        if direction < 0:
            new_start = step_boundary(text, start, -1, words=words)
        else:
            new_start = step_boundary(text, start, +1, words=words)
            if words:
                while new_start < end and not is_word_char(text[new_start]):
                    new_start += 1
        new = (new_start, end)
    else:
        if direction > 0:
            new_end = step_boundary(text, end, +1, words=words)
        else:
            new_end = step_boundary(text, end, -1, words=words)
            if words:
                while new_end > start and not is_word_char(text[new_end - 1]):
                    new_end -= 1
        new = (start, new_end)
    if new == (start, end) or new[0] >= new[1]:
        return None
    return new


class Tagger(QObject):
    """The tagging commands of one window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    # ---- helpers ----------------------------------------------------------------------------

    @property
    def project(self) -> Project:
        return self.window.project

    def _selected(self) -> Span | None:
        span_id = self.window.text_view.selected_span_id()
        return self.window.text_view.span(span_id) if span_id is not None else None

    def _perform(self, action: Callable[[], Changes | list[Changes] | None], text: str) -> Changes | None:
        return self.window.perform(action, text)

    def _with_progress_status(self, changes: Changes) -> list[Changes]:
        """The first edit of a new document also marks it in progress (same undo step)."""
        out = [changes]
        doc_id = self.window.current_doc_id
        if doc_id is not None and self.window.current_status == DocStatus.NEW:
            out.append(self.project.documents.set_status(doc_id, DocStatus.IN_PROGRESS))
        return out

    def _can_edit(self) -> bool:
        if self.window.current_doc_id is None:
            return False
        if self.window.jobs.busy:
            self.window.show_message(self.tr("Wait until the background job has finished."))
            return False
        return True

    # ---- tagging -------------------------------------------------------------------------------

    def label_key(self, label: str) -> None:
        """A label's key or button: tag the selection, or relabel the selected span."""
        if not self._can_edit():
            return
        view = self.window.text_view
        selection = view.selection_range()
        if selection is not None:
            self.create(label, *selection)
            return
        span = self._selected()
        if span is not None:
            self.relabel(span, label)
            return
        self.window.show_message(self.tr("Select some text first (Shift+arrows or the mouse), then press a label key."))

    def create(self, label: str, start: int, end: int) -> Changes | None:
        doc_id = self.window.current_doc_id
        if doc_id is None:
            return None
        added: list[Changes] = []

        def act() -> list[Changes]:
            added.append(self.project.spans.add(doc_id=doc_id, start=start, end=end, label=label))
            return self._with_progress_status(added[0])

        changes = self._perform(act, self.tr("Tag {label}: {text}").format(
            label=label, text=_short(self.window.text_view.text()[start:end])))
        if changes is None or not added:
            return None
        new_ids = sorted(added[0].spans)
        view = self.window.text_view
        cursor = view.textCursor()
        cursor.setPosition(cursor.selectionEnd())
        cursor.clearSelection()
        view.setTextCursor(cursor)
        if new_ids:
            view.select_span(max(new_ids))
        return changes

    def relabel(self, span: Span, label: str) -> None:
        if label == span.label:
            return
        self._perform(lambda: self.project.spans.update(span.id, label=label),
                      self.tr("Change {old} to {new}").format(old=span.label, new=label))

    def delete_selected(self) -> None:
        span = self._selected()
        if span is None or not self._can_edit():
            return
        following = self._neighbour(span, +1) or self._neighbour(span, -1)
        if self._perform(lambda: self.project.spans.delete([span.id]),
                         self.tr("Delete {label}: {text}").format(label=span.label, text=self._text_of(span))):
            self.window.text_view.select_span(following.id if following else None)

    # ---- moving around -----------------------------------------------------------------------

    def _ordered(self) -> list[Span]:
        return self.window.tag_panel.span_model.spans()

    def _neighbour(self, span: Span, step: int) -> Span | None:
        spans = self._ordered()
        ids = [s.id for s in spans]
        if span.id not in ids:
            return None
        k = ids.index(span.id) + step
        return spans[k] if 0 <= k < len(spans) else None

    def select_step(self, step: int) -> None:
        """Select the next (+1) or previous (-1) span in document order."""
        spans = self._ordered()
        if not spans:
            return
        current = self._selected()
        if current is not None:
            target = self._neighbour(current, step)
            if target is None:
                target = spans[0] if step > 0 else spans[-1]
        else:
            cursor = self.window.text_view.textCursor()
            pos = self.window.text_view.offset_map().to_cp(cursor.position())
            after = [s for s in spans if s.start >= pos]
            before = [s for s in spans if s.start < pos]
            target = (after[0] if after else spans[0]) if step > 0 else (before[-1] if before else spans[-1])
        self.window.text_view.select_span(target.id)

    def clear_selection(self) -> None:
        view = self.window.text_view
        cursor = view.textCursor()
        if cursor.hasSelection():
            cursor.clearSelection()
            view.setTextCursor(cursor)
        view.select_span(None)

    # ---- boundaries --------------------------------------------------------------------------

    def move_edge(self, edge: str, direction: int) -> None:
        """Move the selected span's ``edge`` ("start"/"end") one step left (-1) or right (+1)."""
        span = self._selected()
        if span is None or not self._can_edit():
            return
        text = self.window.text_view.text()
        words = not self.window.text_view.character_precision()
        new = moved_edges(text, span.start, span.end, edge, direction, words=words)
        if new is None:
            return
        start, end = new
        self._perform(lambda: self.project.spans.update(span.id, start=start, end=end),
                      self.tr("Resize {label} to {text}").format(label=span.label, text=_short(text[start:end])))
        self.window.text_view.select_span(span.id)

    # ---- suggestions -------------------------------------------------------------------------

    def _suggested(self) -> list[Span]:
        return [s for s in self._ordered() if s.state == SpanState.SUGGESTED]

    def set_state(self, state: SpanState) -> None:
        """Accept or reject the selected suggestion, then select the next suggestion."""
        span = self._selected()
        if span is None or not self._can_edit():
            if span is None:
                self.window.show_message(self.tr("Select a suggested span first (J/K moves between spans)."))
            return
        if span.state == state:
            return
        following = [s for s in self._suggested() if s.id != span.id and (s.start, -s.end) > (span.start, -span.end)]
        action = (self.project.spans.accept if state == SpanState.ACCEPTED else self.project.spans.reject)
        text = (self.tr("Accept {label}: {text}") if state == SpanState.ACCEPTED
                else self.tr("Reject {label}: {text}")).format(label=span.label, text=self._text_of(span))
        if self._perform(lambda: action([span.id]), text) is not None:
            if following:
                self.window.text_view.select_span(following[0].id)
            elif state == SpanState.ACCEPTED:
                self.window.text_view.select_span(span.id)

    def accept_all(self) -> None:
        if not self._can_edit():
            return
        ids = [s.id for s in self._suggested()]
        if not ids:
            self.window.show_message(self.tr("This document has no suggestions to accept."))
            return
        self._perform(lambda: self.project.spans.accept(ids),
                      self.tr("Accept %n suggestion(s)", "", len(ids)))

    def _text_of(self, span: Span) -> str:
        return _short(self.window.text_view.text()[span.start:span.end])

    def select_text(self, start: int, end: int) -> None:
        """Select ``[start, end)`` (code points) in the text view."""
        view = self.window.text_view
        s16, e16 = view.offset_map().span_to_utf16(start, end)
        cursor = view.textCursor()
        cursor.setPosition(s16)
        cursor.setPosition(e16, QTextCursor.MoveMode.KeepAnchor)
        view.setTextCursor(cursor)


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
