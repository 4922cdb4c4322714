"""Light and dark themes: a Fusion palette plus a stylesheet from ``resources/styles``.

``system`` follows the desktop (``QStyleHints.colorScheme()``) and switches when the desktop
does; ``light`` and ``dark`` force one. Use from the GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from ui import icons

CHOICES = ("system", "light", "dark")


def dark_palette() -> QPalette:
    pal = QPalette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    colors = {
        role.Window: "#202124", role.WindowText: "#e8eaed", role.Base: "#17181a",
        role.AlternateBase: "#24262a", role.ToolTipBase: "#303134", role.ToolTipText: "#e8eaed",
        role.PlaceholderText: "#9aa0a6", role.Text: "#e8eaed", role.Button: "#2d2e30",
        role.ButtonText: "#e8eaed", role.BrightText: "#ffffff", role.Light: "#3c4043",
        role.Midlight: "#35363a", role.Mid: "#44474a", role.Dark: "#121314", role.Shadow: "#000000",
        role.Highlight: "#3b6fc4", role.HighlightedText: "#ffffff", role.Link: "#8ab4f8",
        role.LinkVisited: "#c58af9",
    }
    for r, c in colors.items():
        pal.setColor(r, QColor(c))
    for r, c in {role.WindowText: "#7c8085", role.Text: "#7c8085", role.ButtonText: "#7c8085",
                 role.Highlight: "#3c4043", role.HighlightedText: "#9aa0a6"}.items():
        pal.setColor(group.Disabled, r, QColor(c))
    return pal


def light_palette(app: QApplication) -> QPalette:
    pal = app.style().standardPalette()
    pal.setColor(QPalette.ColorRole.Highlight, QColor("#1a73e8"))
    pal.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    pal.setColor(QPalette.ColorRole.AlternateBase, QColor("#f6f8fa"))
    return pal


def stylesheet(scheme: str) -> str:
    parts = []
    for name in ("base.qss", f"{scheme}.qss"):
        path = icons.resource_path("styles", name)
        if path.is_file():
            parts.append(path.read_text(encoding="utf-8"))
    return "\n".join(parts)


class ThemeManager(QObject):
    """Applies a theme choice to the application and follows the desktop when it is ``system``."""

    theme_changed = Signal(str)
    """the effective scheme: "light" or "dark\""""

    def __init__(self, app: QApplication, choice: str = "system") -> None:
        super().__init__(app)
        self.app = app
        self.choice = choice if choice in CHOICES else "system"
        self.scheme = ""
        app.setStyle("Fusion")
        app.styleHints().colorSchemeChanged.connect(self._system_changed)
        self.apply(self.choice)

    def system_scheme(self) -> str:
        return "dark" if self.app.styleHints().colorScheme() == Qt.ColorScheme.Dark else "light"

    def apply(self, choice: str) -> str:
        """Use ``choice`` (system, light, dark); returns the effective scheme."""
        self.choice = choice if choice in CHOICES else "system"
        scheme = self.system_scheme() if self.choice == "system" else self.choice
        if scheme == self.scheme:
            return scheme
        self.scheme = scheme
        self.app.setPalette(dark_palette() if scheme == "dark" else light_palette(self.app))
        self.app.setStyleSheet(stylesheet(scheme))
        icons.clear_cache()
        self.theme_changed.emit(scheme)
        return scheme

    @Slot(Qt.ColorScheme)
    def _system_changed(self, _scheme: Qt.ColorScheme) -> None:
        if self.choice == "system":
            self.apply("system")
