"""Shared helpers of the window tests: open a main window on a project the way the app does."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annotator.project import Project
from ui.mainwindow import MainWindow
from ui.settings import Settings


def open_window(qtbot: Any, path: Path | Project, *, size: tuple[int, int] | None = None) -> MainWindow:
    """A shown, active main window on ``path`` (or an open project), acting as 'tester'."""
    project = path if isinstance(path, Project) else Project.open(path, actor="tester")
    window = MainWindow(project, settings=Settings())
    qtbot.addWidget(window)
    if size:
        window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window
