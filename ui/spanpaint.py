"""How spans look: colours per palette and the painting of span fragments behind the text.

Each layer has its own visual channel so nested and overlapping spans stay distinguishable:
claims are a light tint over whole lines plus a bar in the margin, entities a rounded
background (inner ones inset, so an entity inside an entity shows both), figures a coloured
box with a heavy underline. Suggested spans are paler and dashed; the selected span gets an
outline in the palette's highlight colour; emphasised spans (e.g. those linked to the selected
claim) are drawn stronger. Rejected spans are never drawn (the view does not pass them here).

GUI thread only.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPalette, QPen

from annotator.model import Layer, Span, SpanState
from annotator.schema import Schema

__all__ = ["Fragment", "SpanStyle", "paint_fragments", "paint_claim_bars", "ClaimBar",
           "MARGIN_WIDTH", "BAR_WIDTH"]

FALLBACK_COLOR = "#9e9e9e"
BAR_WIDTH = 3.0
BAR_GAP = 2.0
BAR_COLUMNS = 3
MARGIN_WIDTH = int(2 + BAR_COLUMNS * (BAR_WIDTH + BAR_GAP) + 1)


@dataclass(frozen=True, slots=True)
class Fragment:
    """The part of a span on one visual line, in viewport coordinates (the full line height)."""

    span: Span
    rect: QRectF


@dataclass(frozen=True, slots=True)
class ClaimBar:
    """A claim's extent on screen, for the margin: from the top of its first visible line to
    the bottom of its last."""

    span: Span
    top: float
    bottom: float
    column: int


class SpanStyle:
    """Colours of spans for one schema and one palette (light or dark)."""

    def __init__(self, schema: Schema | None, palette: QPalette) -> None:
        self._colors: dict[str, QColor] = {}
        if schema is not None:
            for lab in schema.labels:
                self._colors[lab.name] = QColor(lab.color)
        base = palette.color(QPalette.ColorRole.Base)
        self.dark = base.lightness() < 128
        self.base = base
        self.highlight = palette.color(QPalette.ColorRole.Highlight)
        # the selection outline must stand out on any span colour: the highlight, pushed away
        # from the base lightness
        self.outline = QColor(self.highlight).lighter(150) if self.dark else QColor(self.highlight).darker(130)
        self.text = palette.color(QPalette.ColorRole.Text)
        # alphas tuned by looking at both palettes: pastel entity colours need more on light
        self.entity_alpha = 0.42 if self.dark else 0.55
        self.claim_alpha = 0.20 if self.dark else 0.16

    def color(self, label: str) -> QColor:
        c = self._colors.get(label)
        return QColor(c) if c is not None else QColor(FALLBACK_COLOR)

    def line_color(self, label: str) -> QColor:
        """The label colour for strokes: lifted on dark backgrounds, deepened on light."""
        c = self.color(label)
        if self.dark:
            return c.lighter(125) if c.lightness() < 140 else c
        return c.darker(135) if c.lightness() > 170 else c

    def tint(self, label: str, alpha: float) -> QColor:
        c = self.color(label)
        c.setAlphaF(max(0.0, min(1.0, alpha)))
        return c


def _pen(color: QColor, width: float, *, dashed: bool) -> QPen:
    pen = QPen(color, width)
    pen.setCosmetic(True)
    if dashed:
        pen.setStyle(Qt.PenStyle.CustomDashLine)
        pen.setDashPattern([3.0, 2.0])
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def paint_fragments(painter: QPainter, fragments: Sequence[Fragment], depths: dict[int, int],
                    style: SpanStyle, *, selected: int | None, emphasised: frozenset[int] | set[int]) -> None:
    """Paint span fragments behind the text: claims, then entities (outer first), then figures,
    then the selection outline on top."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    claims = [f for f in fragments if f.span.layer == Layer.CLAIM]
    entities = sorted((f for f in fragments if f.span.layer == Layer.ENTITY),
                      key=lambda f: depths.get(f.span.id, 0))
    figures = sorted((f for f in fragments if f.span.layer == Layer.FIGURE),
                     key=lambda f: depths.get(f.span.id, 0))
    painter.setPen(Qt.PenStyle.NoPen)
    for f in claims:
        alpha = style.claim_alpha
        if f.span.state == SpanState.SUGGESTED:
            alpha *= 0.5
        if f.span.id in emphasised:
            alpha *= 2.0
        painter.fillRect(f.rect, style.tint(f.span.label, alpha))
    for f in entities:
        _paint_entity(painter, f, depths.get(f.span.id, 0), style, f.span.id in emphasised)
    for f in figures:
        _paint_figure(painter, f, depths.get(f.span.id, 0), style, f.span.id in emphasised)
    if selected is not None:
        for f in fragments:
            if f.span.id == selected:
                depth = depths.get(f.span.id, 0) if f.span.layer != Layer.CLAIM else 0
                r = f.rect.adjusted(-1.0, 0.5 + depth, 1.0, -0.5 - depth)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.setPen(_pen(style.outline, 2.0, dashed=False))
                painter.drawRoundedRect(r, 3.0, 3.0)
    painter.restore()


def _inset(rect: QRectF, depth: int, base: float) -> QRectF:
    d = min(base + 2.0 * depth, max(0.0, rect.height() / 2 - 3.0))
    return rect.adjusted(0.0, d, 0.0, -d)


def _paint_entity(painter: QPainter, f: Fragment, depth: int, style: SpanStyle, emphasised: bool) -> None:
    suggested = f.span.state == SpanState.SUGGESTED
    r = _inset(f.rect, depth, 1.0)
    alpha = style.entity_alpha * (0.45 if suggested else 1.0)
    if emphasised:
        alpha = min(1.0, alpha * 1.6)
    painter.setBrush(QBrush(style.tint(f.span.label, alpha)))
    if suggested or emphasised or depth:
        # a border separates an inner entity from the outer one and marks suggestions
        painter.setPen(_pen(style.line_color(f.span.label), 1.0, dashed=suggested))
    else:
        painter.setPen(Qt.PenStyle.NoPen)
    painter.drawRoundedRect(r, 3.0, 3.0)


def _paint_figure(painter: QPainter, f: Fragment, depth: int, style: SpanStyle, emphasised: bool) -> None:
    suggested = f.span.state == SpanState.SUGGESTED
    color = style.line_color(f.span.label)
    if suggested:
        color.setAlphaF(0.75)
    r = _inset(f.rect, depth, 0.5)
    if emphasised:
        painter.setBrush(QBrush(style.tint(f.span.label, 0.22)))
    else:
        painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(_pen(color, 2.0 if emphasised else 1.0, dashed=suggested))
    painter.drawRoundedRect(r.adjusted(0.5, 0.0, -0.5, 0.0), 2.5, 2.5)
    # the heavy underline keeps figures legible when a box sits on an entity background
    y = r.bottom() - 1.0
    painter.setPen(_pen(color, 2.5 if not suggested else 1.5, dashed=suggested))
    painter.drawLine(QPointF(r.left() + 1.5, y), QPointF(r.right() - 1.5, y))


def paint_claim_bars(painter: QPainter, bars: Iterable[ClaimBar], style: SpanStyle, *, selected: int | None,
                     emphasised: frozenset[int] | set[int], left: float = 2.0) -> None:
    """Paint claim bars in margin columns (column 0 leftmost)."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    for bar in bars:
        x = left + min(bar.column, BAR_COLUMNS - 1) * (BAR_WIDTH + BAR_GAP)
        rect = QRectF(x, bar.top + 1.0, BAR_WIDTH, max(2.0, bar.bottom - bar.top - 2.0))
        color = style.line_color(bar.span.label)
        suggested = bar.span.state == SpanState.SUGGESTED
        if suggested:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(_pen(color, 1.0, dashed=True))
            painter.drawRect(rect.adjusted(0.5, 0.5, -0.5, -0.5))
        else:
            if bar.span.id in emphasised:
                rect = rect.adjusted(-1.0, 0.0, 1.0, 0.0)
            painter.fillRect(rect, color)
        if bar.span.id == selected:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(_pen(style.outline, 1.5, dashed=False))
            painter.drawRect(rect.adjusted(-1.0, -1.0, 1.0, 1.0))
    painter.restore()


def paint_selection_preview(painter: QPainter, rects: Iterable[QRectF], style: SpanStyle) -> None:
    """A dotted outline around what a new span would cover (the snapped selection)."""
    painter.save()
    painter.setBrush(Qt.BrushStyle.NoBrush)
    pen = _pen(style.outline, 1.0, dashed=True)
    painter.setPen(pen)
    for r in rects:
        painter.drawRect(r.adjusted(-1.0, 0.5, 1.0, -0.5))
    painter.restore()
