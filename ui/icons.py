"""Icons: SVG files under ``resources/icons``, drawn in the theme's text colour.

``icon("edit-undo")`` renders ``resources/icons/edit-undo.svg`` with ``currentColor`` replaced by
the palette's text colour (so the same file serves light and dark themes); a name without a file
falls back to the desktop's icon theme (``QIcon.fromTheme``). Use from the GUI thread.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
ICONS = RESOURCES / "icons"
SIZES = (16, 20, 24, 32, 48)


def resource_path(*parts: str) -> Path:
    """A file under ``resources/``."""
    return RESOURCES.joinpath(*parts)


def _palette_colors() -> tuple[str, str]:
    pal = QGuiApplication.palette()
    return (pal.color(QPalette.ColorRole.WindowText).name(), pal.color(QPalette.ColorRole.Window).name())


def icon(name: str, color: QColor | str | None = None) -> QIcon:
    """The icon ``name`` in ``color`` (default: the palette's text colour)."""
    fg, bg = _palette_colors()
    if color is not None:
        fg = QColor(color).name()
    return _icon(name, fg, bg)


@lru_cache(maxsize=256)
def _icon(name: str, fg: str, bg: str) -> QIcon:
    path = ICONS / f"{name}.svg"
    if not path.is_file():
        return QIcon.fromTheme(name)
    svg = path.read_text(encoding="utf-8").replace("currentBackground", bg).replace("currentColor", fg)
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    result = QIcon()
    for size in SIZES:
        for ratio in (1, 2):
            pixmap = QPixmap(size * ratio, size * ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            renderer.render(painter, QRectF(0, 0, size * ratio, size * ratio))
            painter.end()
            pixmap.setDevicePixelRatio(ratio)
            result.addPixmap(pixmap)
    return result


def app_icon() -> QIcon:
    """The application's own (coloured) icon."""
    path = ICONS / "annotator.svg"
    return QIcon(str(path)) if path.is_file() else QIcon()


def swatch(color: str, size: int = 12) -> QIcon:
    """A small filled square of a label's colour."""
    return _swatch(QColor(color).name(), size)


@lru_cache(maxsize=256)
def _swatch(color: str, size: int) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(color))
    painter.setPen(QColor(color).darker(140))
    painter.drawRoundedRect(QRectF(0.5, 0.5, size - 1, size - 1), 2, 2)
    painter.end()
    return QIcon(pixmap)


def clear_cache() -> None:
    """Forget rendered icons (after a theme change)."""
    _icon.cache_clear()
