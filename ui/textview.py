"""The article view: read-only wrapped text with every span drawn in its label's colour.

Spans are painted behind the text from a span index (:class:`ui.spanlayers.SpanLayers`), not
stored as character formats in the ``QTextDocument``. A format change inside a block makes Qt lay
out that whole block again: in a one-paragraph 1 MB article that is about 180 ms per new span,
whatever the edit's size. Painting only the spans on screen keeps opening at the cost of a bare
``setPlainText`` and tagging at the cost of repainting a few lines, and the document (and so
the reader's scroll position) never changes when spans do.

Public offsets are code points; Qt counts UTF-16 units; the conversion goes through the one
:class:`annotator.offsets.OffsetMap` of the open document. GUI thread only.
"""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QFont,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QTextBlock,
    QTextCursor,
    QTextLine,
    QWheelEvent,
)
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QToolTip, QWidget

from annotator.folding import fold
from annotator.model import Layer, Span, SpanState
from annotator.offsets import OffsetMap, snap_to_cluster, snap_to_words
from annotator.schema import Schema
from ui.spanlayers import SpanLayers, nesting_depths
from ui.spanpaint import (
    MARGIN_WIDTH,
    ClaimBar,
    Fragment,
    SpanStyle,
    paint_claim_bars,
    paint_fragments,
    paint_selection_preview,
)

__all__ = ["SpanTextView", "ZOOM_MIN", "ZOOM_MAX"]

ZOOM_MIN = -6
ZOOM_MAX = 12
_ZOOM_FACTOR = 1.1
_LONG_PARAGRAPH = re.compile(r"[^\n]{2000,}")


@dataclass(frozen=True, slots=True)
class _Line:
    """One visual line on screen: its text range (UTF-16, document positions) and geometry."""

    start: int
    end: int
    line: QTextLine
    block_pos: int
    x: float  # viewport x of the layout origin
    top: float  # viewport y of the line's top
    height: float


def _x_of(line: QTextLine, pos: int) -> float:
    """x of a cursor position in a line (PySide returns ``(x, pos)``)."""
    result = line.cursorToX(pos)
    return float(result[0] if isinstance(result, tuple) else result)  # type: ignore[arg-type]


class _ClaimMargin(QWidget):
    """The strip left of the text where claims show as bars."""

    def __init__(self, view: SpanTextView) -> None:
        super().__init__(view)
        self._view = view
        self.setMouseTracking(False)

    def sizeHint(self) -> QSize:
        return QSize(MARGIN_WIDTH, 0)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), self._view.palette().color(self._view.viewport().backgroundRole()))
        self._view._paint_margin(painter, event.rect())
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._view._click_margin(event.position().y())
        event.accept()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            self._view._margin_tooltip(event)
            return True
        return super().event(event)


class SpanTextView(QPlainTextEdit):
    """Read-only, wrapped article text with its spans drawn in their labels' colours.

    Signals: ``span_selected(int)`` when the selected span changes (−1 for none), whether by a
    click or by :meth:`select_span`; ``selection_changed()`` when the text selection (or how it
    snaps) changes; ``span_activated(int)`` on a double click on a span.
    """

    span_selected = Signal(int)
    selection_changed = Signal()
    span_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTabChangesFocus(True)  # keyboard users leave the text with Tab
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.document().setUndoRedoEnabled(False)
        self._text = ""
        self._map = OffsetMap("")
        self._layers = SpanLayers(0)
        self._schema: Schema | None = None
        self._doc_id: int | None = None
        self._style = SpanStyle(None, self.palette())
        self._selected: int | None = None
        self._emphasised: frozenset[int] = frozenset()
        self._char_precision = False
        self._folded: str | None = None
        self._zoom = 0
        self._base_point_size = self.font().pointSizeF()
        self._press_pos: QPoint | None = None
        self._skip_release = False
        self._last_click_ids: tuple[int, ...] = ()
        self._before_click: int | None = None
        self._margin = _ClaimMargin(self)
        self.setViewportMargins(MARGIN_WIDTH, 0, 0, 0)
        self.selectionChanged.connect(self._on_selection_changed)
        self.updateRequest.connect(self._on_update_request)

    # ---- the document --------------------------------------------------------------------------

    def set_document(self, text: str, spans: Iterable[Span], schema: Schema, *, doc_id: int | None = None) -> None:
        """Show ``text`` with ``spans`` (rejected ones are not drawn), scrolled to the top.

        ``doc_id`` (by default that of the spans) lets :meth:`apply_changes` ignore spans of
        other documents, so a caller may pass it every span a change touched. Setting the text
        already shown (same document) only replaces the spans: the scroll position, the text
        selection and the selected span (if it is still there) stay.
        """
        spans = list(spans)
        new_id = doc_id if doc_id is not None else (spans[0].doc_id if spans else None)
        same = bool(text) and text == self._text and (new_id is None or self._doc_id in (None, new_id))
        previous = self._selected
        self._doc_id = new_id if new_id is not None else (self._doc_id if same else None)
        self._schema = schema
        self._style = SpanStyle(schema, self.palette())
        self._layers = SpanLayers(len(text), (s for s in spans if s.state != SpanState.REJECTED))
        self._last_click_ids = ()
        if same:
            self.viewport().update()
            self._margin.update()
            if previous is not None and previous not in self._layers:
                self._selected = None
                self.span_selected.emit(-1)
            return
        self._text = text
        self._map = OffsetMap(text)
        self._folded = None
        self._selected = None
        self._emphasised = frozenset()
        self.setPlainText(text)
        self._cache_long_paragraphs()
        self._margin.update()
        if previous is not None:
            self.span_selected.emit(-1)

    def _cache_long_paragraphs(self) -> None:
        """Keep the shaped glyphs of long paragraphs between paints.

        By default a ``QTextLayout`` drops them after laying out, so every paint itemises and
        shapes the whole paragraph again: 45 ms per repaint of a one-paragraph 1 MB article,
        1 ms with the cache, for about the same memory.
        """
        document = self.document()
        for match in _LONG_PARAGRAPH.finditer(self._text):
            block = document.findBlock(self._map.to_utf16(match.start()))
            layout = block.layout() if block.isValid() else None
            if layout is not None:
                layout.setCacheEnabled(True)

    def apply_changes(self, updated: Iterable[Span], removed_ids: Iterable[int]) -> None:
        """Take added or edited spans and removed ids; repaint only what they touch.

        A span updated to the rejected state is removed from the view; spans of another document
        (when the view knows its document's id) are ignored. The scroll position and the text
        selection stay where they are.
        """
        dirty: list[tuple[int, int]] = []
        claims_changed = False
        for sid in removed_ids:
            old = self._layers.remove(sid)
            if old is not None:
                dirty.append((old.start, old.end))
                claims_changed |= old.layer == Layer.CLAIM
        for span in updated:
            if self._doc_id is not None and span.doc_id != self._doc_id:
                continue
            old = self._layers.spans.get(span.id)
            if old is not None:
                dirty.append((old.start, old.end))
                claims_changed |= old.layer == Layer.CLAIM
            if span.state == SpanState.REJECTED:
                self._layers.remove(span.id)
            else:
                self._layers.add(span)
                dirty.append((span.start, span.end))
                claims_changed |= span.layer == Layer.CLAIM
        if self._selected is not None and self._selected not in self._layers:
            self._set_selected(None)
        self._update_ranges(dirty)
        if claims_changed:
            self._margin.update()

    def text(self) -> str:
        """The open document's text."""
        return self._text

    def offset_map(self) -> OffsetMap:
        """The code point ↔ UTF-16 map of the open document."""
        return self._map

    def span(self, span_id: int) -> Span | None:
        """A span shown in the view, by id."""
        return self._layers.spans.get(span_id)

    def spans_at(self, cp: int) -> list[Span]:
        """The shown spans covering the character at ``cp``, innermost first."""
        return self._layers.at(cp)

    # ---- selections ------------------------------------------------------------------------------

    def set_character_precision(self, on: bool) -> None:
        """Snap the selection to characters (clusters) instead of whole words."""
        if bool(on) != self._char_precision:
            self._char_precision = bool(on)
            if self.textCursor().hasSelection():
                self.viewport().update()
                self.selection_changed.emit()

    def character_precision(self) -> bool:
        return self._char_precision

    def selection_range(self) -> tuple[int, int] | None:
        """The text selection in code points, snapped (words, or clusters); None if empty."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start, end = self._map.span_to_cp(cursor.selectionStart(), cursor.selectionEnd())
        if self._char_precision:
            start = snap_to_cluster(self._text, start, forward=False)
            end = snap_to_cluster(self._text, end, forward=True)
        else:
            start, end = snap_to_words(self._text, start, end)
        return (start, end) if start < end else None

    def select_span(self, span_id: int | None) -> None:
        """Select a shown span (None or an unknown id selects none) and scroll it into view."""
        span = self._layers.spans.get(span_id) if span_id is not None else None
        self._set_selected(span.id if span is not None else None)
        if span is not None:
            self.reveal(span.start, span.end)

    def selected_span_id(self) -> int | None:
        return self._selected

    def set_highlighted(self, span_ids: Iterable[int]) -> None:
        """Draw these spans emphasised (for example those linked to the selected claim)."""
        ids = frozenset(span_ids)
        if ids != self._emphasised:
            self._emphasised = ids
            self.viewport().update()
            self._margin.update()

    def highlighted(self) -> frozenset[int]:
        return self._emphasised

    def _set_selected(self, span_id: int | None) -> None:
        if span_id == self._selected:
            return
        old = self._layers.spans.get(self._selected) if self._selected is not None else None
        self._selected = span_id
        new = self._layers.spans.get(span_id) if span_id is not None else None
        self._update_ranges([(s.start, s.end) for s in (old, new) if s is not None])
        if Layer.CLAIM in {s.layer for s in (old, new) if s is not None}:
            self._margin.update()
        self.span_selected.emit(-1 if span_id is None else span_id)

    def _on_selection_changed(self) -> None:
        # the snapped outline may reach beyond what Qt repaints for the selection itself
        self.viewport().update()
        self.selection_changed.emit()

    # ---- scrolling, zoom, find -----------------------------------------------------------------

    def reveal(self, start: int, end: int, select: bool = False) -> None:
        """Scroll so ``[start, end)`` (code points) is on screen; with ``select`` also select it."""
        start = max(0, min(start, self._map.length))
        end = max(start, min(end, self._map.length))
        s16, e16 = self._map.span_to_utf16(start, end)
        if select:
            cursor = QTextCursor(self.document())
            cursor.setPosition(s16)
            cursor.setPosition(e16, QTextCursor.MoveMode.KeepAnchor)
            self.setTextCursor(cursor)
        self._scroll_to_show(s16, e16)

    def zoom_in(self) -> None:
        self.set_zoom(self._zoom + 1)

    def zoom_out(self) -> None:
        self.set_zoom(self._zoom - 1)

    def zoom(self) -> int:
        return self._zoom

    def set_zoom(self, steps: int) -> None:
        """Text size ``steps`` steps of 10 % from the normal size; the top line stays on top."""
        steps = max(ZOOM_MIN, min(ZOOM_MAX, int(steps)))
        if steps == self._zoom:
            return
        anchor = self._top_position()
        self._zoom = steps
        font = QFont(self.font())
        font.setPointSizeF(max(4.0, self._base_point_size * _ZOOM_FACTOR**steps))
        self.setFont(font)
        self._scroll_to_top(anchor)

    def find(  # type: ignore[override]  # the spec'd name; Qt's find() has other arguments
        self, text: str, *, backward: bool = False, case_sensitive: bool = False
    ) -> bool:
        """Select the next (or previous) match after (before) the selection, wrapping around.

        Diacritics never matter ("Son La" finds "Sơn La", "đ" matches "d"); case matters only
        with ``case_sensitive``. Returns whether a match was found.
        """
        if not text or not self._text:
            return False
        if self._folded is None:
            self._folded = fold(self._text)
        hay, needle = self._folded, fold(text)
        cursor = self.textCursor()
        sel_start, sel_end = self._map.span_to_cp(cursor.selectionStart(), cursor.selectionEnd())
        hit = self._search(hay, needle, text, sel_start, sel_end, backward, case_sensitive)
        if hit is None:
            return False
        self.reveal(hit, hit + len(needle), select=True)
        return True

    def _search(self, hay: str, needle: str, original: str, sel_start: int, sel_end: int,
                backward: bool, case_sensitive: bool) -> int | None:
        def same_case(pos: int) -> bool:
            chunk = self._text[pos:pos + len(original)]
            return all(a.isupper() == b.isupper() and a.islower() == b.islower() for a, b in zip(chunk, original, strict=True))

        def forward_from(pos: int, limit: int) -> int | None:
            while True:
                k = hay.find(needle, pos, limit)
                if k < 0:
                    return None
                if not case_sensitive or same_case(k):
                    return k
                pos = k + 1

        def backward_before(pos: int, low: int) -> int | None:
            # matches starting before pos (and at or after low)
            end = min(len(hay), pos - 1 + len(needle))
            while True:
                k = hay.rfind(needle, low, end)
                if k < 0 or k >= pos:
                    return None
                if not case_sensitive or same_case(k):
                    return k
                end = k - 1 + len(needle)

        n = len(hay)
        if backward:
            hit = backward_before(sel_start, 0)
            return hit if hit is not None else backward_before(n + 1, sel_start)
        hit = forward_from(sel_end if sel_end > sel_start else sel_start, n)
        return hit if hit is not None else forward_from(0, n)

    def _line_number(self, pos16: int) -> int:
        """The scroll-bar line of a UTF-16 position (QPlainTextEdit scrolls by visual lines)."""
        block = self.document().findBlock(pos16)
        if not block.isValid():
            return 0
        self.document().documentLayout().blockBoundingRect(block)  # lays the block out
        layout = block.layout()
        line = layout.lineForTextPosition(pos16 - block.position()) if layout is not None else QTextLine()
        return block.firstLineNumber() + (line.lineNumber() if line.isValid() else 0)

    def _scroll_to_show(self, s16: int, e16: int) -> None:
        bar = self.verticalScrollBar()
        first, last = self._line_number(s16), self._line_number(max(s16, e16 - 1))
        top, page = bar.value(), max(1, bar.pageStep())
        if first >= top and last < top + page:
            return
        if last - first < page:
            bar.setValue(max(0, first - page // 3))
        else:
            bar.setValue(first)

    def _top_position(self) -> int:
        """Code point at the start of the top visible line."""
        lines = self._visible_lines(QRect(0, 0, max(1, self.viewport().width()), 1))
        return self._map.to_cp(lines[0].start) if lines else 0

    def _scroll_to_top(self, cp: int) -> None:
        if cp > 0:
            self.verticalScrollBar().setValue(self._line_number(self._map.to_utf16(cp)))

    def wheelEvent(self, event: QWheelEvent) -> None:
        # QPlainTextEdit zooms a read-only view on Ctrl+wheel by itself; go through set_zoom so
        # the zoom level is known and the top line stays
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y()
            if delta:
                self.set_zoom(self._zoom + (1 if delta > 0 else -1))
            event.accept()
            return
        super().wheelEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        width_changed = event.oldSize().width() != event.size().width() and event.oldSize().width() > 0
        anchor = self._top_position() if width_changed else 0
        super().resizeEvent(event)
        cr = self.contentsRect()
        self._margin.setGeometry(QRect(cr.left(), cr.top(), MARGIN_WIDTH, cr.height()))
        if anchor:
            # a new width re-wraps the lines; keep the line the reader was at on top
            self._scroll_to_top(anchor)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self._style = SpanStyle(self._schema, self.palette())
            self.viewport().update()
            self._margin.update()

    def _on_update_request(self, rect: QRect, dy: int) -> None:
        if dy:
            self._margin.scroll(0, dy)
        else:
            self._margin.update(0, rect.y(), self._margin.width(), rect.height())

    # ---- geometry ------------------------------------------------------------------------------

    def _visible_lines(self, clip: QRect) -> list[_Line]:
        """The visual lines meeting ``clip`` (viewport coordinates), top to bottom."""
        out: list[_Line] = []
        block: QTextBlock = self.firstVisibleBlock()
        offset = self.contentOffset()
        if not block.isValid():
            return out
        top = self.blockBoundingGeometry(block).translated(offset).top()
        bottom_limit = min(clip.bottom(), self.viewport().height()) + 1
        while block.isValid() and top <= bottom_limit:
            height = self.blockBoundingRect(block).height()
            if block.isVisible() and top + height >= clip.top():
                layout = block.layout()
                n = layout.lineCount() if layout is not None else 0
                origin = layout.position() if layout is not None else QPointF()
                base_y = top + origin.y()
                # binary search: a one-paragraph article has thousands of lines in one block
                lo, hi = 0, n
                while lo < hi:
                    mid = (lo + hi) // 2
                    ln = layout.lineAt(mid)
                    if base_y + ln.y() + ln.height() < clip.top():
                        lo = mid + 1
                    else:
                        hi = mid
                bpos = block.position()
                for i in range(lo, n):
                    ln = layout.lineAt(i)
                    y = base_y + ln.y()
                    if y > bottom_limit:
                        break
                    start = bpos + ln.textStart()
                    out.append(_Line(start, start + ln.textLength(), ln, bpos, offset.x() + origin.x(), y,
                                     ln.height()))
            top += height
            block = block.next()
        return out

    def _fragments(self, spans: Iterable[Span], lines: Sequence[_Line]) -> list[Fragment]:
        starts = [ln.start for ln in lines]
        out: list[Fragment] = []
        for span in spans:
            s16, e16 = self._map.span_to_utf16(span.start, span.end)
            out.extend(Fragment(span, r) for r in self._range_rects(s16, e16, lines, starts))
        return out

    @staticmethod
    def _range_rects(s16: int, e16: int, lines: Sequence[_Line], starts: Sequence[int]) -> list[QRectF]:
        rects: list[QRectF] = []
        if s16 >= e16:
            return rects
        k = max(0, bisect.bisect_right(starts, s16) - 1)
        while k < len(lines) and lines[k].start < e16:
            ln = lines[k]
            k += 1
            a, b = max(s16, ln.start), min(e16, ln.end)
            if a >= b:
                continue
            x1 = _x_of(ln.line, a - ln.block_pos)
            x2 = _x_of(ln.line, b - ln.block_pos)
            if x2 < x1:
                x1, x2 = x2, x1
            rects.append(QRectF(ln.x + x1, ln.top, x2 - x1, ln.height))
        return rects

    def _visible_cp_range(self, lines: Sequence[_Line]) -> tuple[int, int]:
        return self._map.span_to_cp(lines[0].start, lines[-1].end)

    def span_rects(self, span_id: int) -> list[QRectF]:
        """Viewport rectangles of a shown span's parts on screen (empty when it is scrolled away)."""
        span = self._layers.spans.get(span_id)
        if span is None:
            return []
        lines = self._visible_lines(self.viewport().rect())
        s16, e16 = self._map.span_to_utf16(span.start, span.end)
        return self._range_rects(s16, e16, lines, [ln.start for ln in lines])

    def _position_at(self, point: QPointF) -> int | None:
        """Code point of the character under ``point`` (viewport coordinates), if any."""
        y = int(point.y())
        for ln in self._visible_lines(QRect(0, y, max(1, self.viewport().width()), 1)):
            if not ln.top <= point.y() < ln.top + ln.height:
                continue
            x = point.x() - ln.x
            left = ln.line.x()
            if x < left or x > left + ln.line.naturalTextWidth():
                return None
            pos = ln.line.xToCursor(x, QTextLine.CursorPosition.CursorOnCharacter) + ln.block_pos
            if not ln.start <= pos < ln.end:
                return None
            cp = self._map.to_cp(pos)
            return cp if cp < self._map.length else None
        return None

    def _update_ranges(self, ranges: Iterable[tuple[int, int]]) -> None:
        """Repaint the on-screen lines that any of these code-point ranges touches."""
        ranges = list(ranges)
        if not ranges:
            return
        lines = self._visible_lines(self.viewport().rect())
        if not lines:
            return
        v0, v1 = self._visible_cp_range(lines)
        top: float | None = None
        bottom = 0.0
        starts = [ln.start for ln in lines]
        for start, end in ranges:
            if end < v0 or start > v1:
                continue
            s16, e16 = self._map.span_to_utf16(max(start, v0), min(max(end, start + 1), v1))
            k0 = max(0, bisect.bisect_right(starts, s16) - 1)
            k1 = max(k0, bisect.bisect_right(starts, max(s16, e16 - 1)) - 1)
            t, b = lines[k0].top, lines[k1].top + lines[k1].height
            top = t if top is None else min(top, t)
            bottom = max(bottom, b)
        if top is not None:
            self.viewport().update(QRect(0, int(top) - 2, self.viewport().width(), int(bottom - top) + 5))

    # ---- painting ------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._layers.spans or self.textCursor().hasSelection():
            painter = QPainter(self.viewport())
            self._paint_spans(painter, event.rect())
            painter.end()
        super().paintEvent(event)

    def _paint_spans(self, painter: QPainter, clip: QRect) -> None:
        lines = self._visible_lines(clip)
        if not lines:
            return
        painter.setClipRect(clip)
        v0, v1 = self._visible_cp_range(lines)
        spans = self._layers.overlapping(v0, max(v1, v0 + 1))
        if spans:
            fragments = self._fragments(spans, lines)
            paint_fragments(painter, fragments, nesting_depths(spans), self._style,
                            selected=self._selected, emphasised=self._emphasised)
        snapped = self.selection_range()
        if snapped is not None:
            s16, e16 = self._map.span_to_utf16(*snapped)
            rects = self._range_rects(s16, e16, lines, [ln.start for ln in lines])
            paint_selection_preview(painter, rects, self._style)

    def _claim_bars(self, clip: QRect) -> list[ClaimBar]:
        lines = self._visible_lines(QRect(0, clip.top(), max(1, self.viewport().width()), clip.height()))
        if not lines:
            return []
        v0, v1 = self._visible_cp_range(lines)
        claims = [s for s in self._layers.overlapping(v0, max(v1, v0 + 1)) if s.layer == Layer.CLAIM]
        depths = nesting_depths(claims)
        starts = [ln.start for ln in lines]
        bars: list[ClaimBar] = []
        for span in claims:
            rects = self._range_rects(*self._map.span_to_utf16(span.start, span.end), lines, starts)
            if rects:
                bars.append(ClaimBar(span, rects[0].top(), rects[-1].bottom(), depths.get(span.id, 0)))
        return bars

    def _paint_margin(self, painter: QPainter, clip: QRect) -> None:
        if not self._layers.spans:
            return
        paint_claim_bars(painter, self._claim_bars(clip), self._style, selected=self._selected,
                         emphasised=self._emphasised)

    # ---- mouse ---------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press_pos = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton:
            return
        if self._skip_release:
            self._skip_release = False
            return
        pressed, self._press_pos = self._press_pos, None
        moved = pressed is not None and (
            (event.position().toPoint() - pressed).manhattanLength() >= QApplication.startDragDistance()
        )
        if moved or self.textCursor().hasSelection():
            return
        self._click_at(event.position())

    def _click_at(self, point: QPointF) -> None:
        """Select the innermost span here; clicking again in the same place goes one level out."""
        cp = self._position_at(point)
        spans = self._layers.at(cp) if cp is not None else []
        self._before_click = self._selected
        if not spans:
            self._last_click_ids = ()
            self._set_selected(None)
            return
        ids = tuple(s.id for s in spans)
        if self._selected in ids and ids == self._last_click_ids:
            target = ids[(ids.index(self._selected) + 1) % len(ids)]
        else:
            target = ids[0]
        self._last_click_ids = ids
        self._set_selected(target)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        super().mouseDoubleClickEvent(event)
        if event.button() != Qt.MouseButton.LeftButton:
            return
        self._skip_release = True
        cp = self._position_at(event.position())
        ids = [s.id for s in self._layers.at(cp)] if cp is not None else []
        if not ids:
            return
        # the first click of the pair may have stepped out a level: activate what was meant
        target = self._before_click if self._before_click in ids else ids[0]
        self._last_click_ids = tuple(ids)
        self._set_selected(target)
        self.span_activated.emit(target)

    def _click_margin(self, y: float) -> None:
        bars = [b for b in self._claim_bars(self._margin.rect()) if b.top <= y <= b.bottom]
        if not bars:
            return
        bars.sort(key=lambda b: b.span.end - b.span.start)
        ids: list[int] = [b.span.id for b in bars]
        target = ids[(ids.index(self._selected) + 1) % len(ids)] if self._selected in ids else ids[0]
        self._set_selected(target)

    # ---- tooltips ------------------------------------------------------------------------------

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            cp = self._position_at(QPointF(event.pos()))
            spans = self._layers.at(cp) if cp is not None else []
            if spans:
                QToolTip.showText(event.globalPos(), self._tooltip(spans), self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def _margin_tooltip(self, event: QHelpEvent) -> None:
        y = event.pos().y()
        bars = [b.span for b in self._claim_bars(self._margin.rect()) if b.top <= y <= b.bottom]
        if bars:
            QToolTip.showText(event.globalPos(), self._tooltip(bars), self._margin)
        else:
            QToolTip.hideText()

    def tooltip_text(self, cp: int) -> str:
        """The tooltip shown over the character at ``cp`` (empty when no span covers it)."""
        spans = self._layers.at(cp)
        return self._tooltip(spans) if spans else ""

    def _tooltip(self, spans: Sequence[Span]) -> str:
        parts: list[str] = []
        for span in spans:
            head = f"<b>{html.escape(span.label)}</b>"
            if span.state == SpanState.SUGGESTED:
                head += " <i>" + html.escape(self.tr("suggested")) + "</i>"
            words = self._text[span.start:span.end]
            if len(words) > 60:
                words = words[:57] + "…"
            lines = [head + " · " + html.escape(words)]
            for key, value in span.attrs.items():
                lines.append(f"&nbsp;&nbsp;{html.escape(str(key))}: {html.escape(str(value))}")
            parts.append("<br>".join(lines))
        return "<hr>".join(parts)
