"""Starting the desktop app: ``run_app(project_path)`` (what ``annotator gui`` calls).

Sets up the QApplication (language, theme, icon), asks who is working when the settings do not
know yet, opens the project in a :class:`~ui.mainwindow.MainWindow` and runs the event loop.
With ``screenshot`` it renders the window offscreen-ready to a PNG and returns at once.
GUI thread only.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QMessageBox

from annotator.errors import AnnotatorError
from annotator.model import Layer
from annotator.project import Project, default_actor
from ui import icons
from ui import settings as S
from ui.dialogs import PersonDialog
from ui.i18n import choose_language, core_text, install_translators, remove_translators
from ui.mainwindow import FEATURES, MainWindow
from ui.theme import ThemeManager

SCREENSHOT_SIZE = (1600, 900)


def application() -> QApplication:
    """The QApplication, created once with the app's name and icon."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Annotator")
    app.setOrganizationName(S.ORGANIZATION)
    app.setApplicationDisplayName("Annotator")
    app.setWindowIcon(icons.app_icon())
    return app


def choose_person(project: Project, settings: S.Settings, *, ask: bool) -> str | None:
    """Who is working: $ANNOTATOR_USER, else the person a work package was made for, else the
    remembered person, else ask (None: cancelled)."""
    env = os.environ.get("ANNOTATOR_USER")
    if env:
        return env
    from annotator.package import package_info

    info = package_info(project)
    if info and info.get("annotator"):
        return str(info["annotator"])
    remembered = settings.get(S.PERSON)
    if remembered:
        return str(remembered)
    if not ask:
        return default_actor()
    dialog = PersonDialog(project.people.list(), default_actor())
    if dialog.exec() != PersonDialog.DialogCode.Accepted or not dialog.chosen():
        return None
    settings.set(S.PERSON, dialog.chosen())
    return dialog.chosen()


class AppController(QObject):
    """Owns the open window; swaps it when another project or language is chosen."""

    def __init__(self, app: QApplication, settings: S.Settings) -> None:
        super().__init__(app)
        self.app = app
        self.settings = settings
        self.language = choose_language(settings.get(S.LANGUAGE))
        self.translators = install_translators(app, self.language)
        self.theme = ThemeManager(app, settings.get(S.THEME))
        self.window: MainWindow | None = None
        self.features: tuple[str, ...] = FEATURES

    def open(self, path: str, *, ask_person: bool = True) -> MainWindow | None:
        """Open the project at ``path`` in a new window (closing the old one); None on failure."""
        try:
            project = Project.open(path)
        except AnnotatorError as exc:
            QMessageBox.critical(self.window, self.tr("Cannot open the project"), core_text(exc))
            return None
        person = choose_person(project, self.settings, ask=ask_person)
        if person is None:
            project.close()
            return None
        project.actor = person
        old = self.window
        if old is not None:
            old.close()
        window = MainWindow(project, settings=self.settings, theme=self.theme, features=self.features)
        window.project_open_requested.connect(self._open_requested)
        window.language_change_requested.connect(self.set_language)
        self.settings.add_recent(str(project.path.parent if project.path.name == "project.db" else project.path))
        self.window = window
        return window

    def _open_requested(self, path: str) -> None:
        current = self.window
        if current is not None and Path(path).resolve() in {current.project.path.resolve(),
                                                            current.project.path.parent.resolve()}:
            return
        window = self.open(path)
        if window is not None:
            window.show()

    def set_language(self, setting: str) -> None:
        """Use another interface language now: the window is built again in it."""
        language = choose_language(setting)
        if language == self.language or self.window is None:
            return
        remove_translators(self.app, self.translators)
        self.language = language
        self.translators = install_translators(self.app, language)
        path = str(self.window.project.path)
        path = str(Path(path).parent) if Path(path).name == "project.db" else path
        # queued: the menu action that asked is still running inside the old window
        QTimer.singleShot(0, lambda: self._reopen(path))

    def _reopen(self, path: str) -> None:
        window = self.open(path, ask_person=False)
        if window is not None:
            window.show()


def take_screenshot(window: MainWindow, path: str) -> None:
    """Render the window (showing a claim with its attributes when there is one) to a PNG."""
    app = QApplication.instance()
    assert app is not None
    window.resize(*SCREENSHOT_SIZE)
    window.show()
    app.processEvents()
    spans = window.tag_panel.span_model.spans()
    claims = [s for s in spans if s.layer == Layer.CLAIM]
    if claims or spans:
        window.select_span((claims or spans)[0].id)
    app.processEvents()
    save_png(window.grab().toImage(), path)


def save_png(image: QImage, path: str, *, max_bytes: int = 280_000) -> None:
    """Save as PNG; past ``max_bytes``, as 256 colours chosen for a window's few distinct ones.

    Colours are grouped by their top 5 bits per channel, so the many grey shades of smoothed
    text share a few entries and the rare saturated ones (label colours) keep theirs.
    """
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    image.save(path, "PNG", 0)  # type: ignore[call-overload]  # the stubs want bytes; PySide takes str
    if Path(path).stat().st_size <= max_bytes:
        return
    counts = Counter(memoryview(image.constBits()).cast("I"))  # type: ignore[arg-type]
    groups: dict[int, tuple[int, int]] = {}  # group -> (pixels in the group, its most used colour)
    for rgb, n in counts.most_common():
        key = ((rgb >> 19) & 0x1F) << 10 | ((rgb >> 11) & 0x1F) << 5 | ((rgb >> 3) & 0x1F)
        total, best = groups.get(key, (0, rgb))
        groups[key] = (total + n, best)
    chosen = sorted(groups.values(), reverse=True)[:256]
    table = [0xFF000000 | (rgb & 0xFFFFFF) for _n, rgb in chosen]
    image.convertToFormat(QImage.Format.Format_Indexed8, table,
                          Qt.ImageConversionFlag.ThresholdDither).save(path, "PNG", 0)  # type: ignore[call-overload]


def run_app(project_path: str | None, *, screenshot: str | None = None) -> int:
    """Start the app on a project; returns the exit code. ``screenshot``: save a PNG and exit."""
    app = application()
    settings = S.Settings()
    controller = AppController(app, settings)
    if not project_path:
        from annotator.store import resolve_path

        last = settings.get(S.LAST_PROJECT) or None
        project_path = last if last and resolve_path(last).exists() else None
    if not project_path:
        from annotator.demo import ensure_demo

        project_path = str(ensure_demo())
    if screenshot is not None:
        # a screenshot never asks anything and leaves the person's settings alone
        settings = S.Settings(_scratch_settings())
        controller.settings = settings
    window = controller.open(project_path, ask_person=screenshot is None)
    if window is None:
        return 1
    if screenshot is not None:
        take_screenshot(window, screenshot)
        window.close()
        return 0
    window.show()
    return app.exec()


def _scratch_settings() -> QSettings:
    import tempfile

    folder = tempfile.mkdtemp(prefix="annotator-screenshot-")
    return QSettings(str(Path(folder) / "annotator.ini"), QSettings.Format.IniFormat)
