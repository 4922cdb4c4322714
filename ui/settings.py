"""The app's settings, declared once: key, type, default and help, stored with QSettings.

Only user preferences live here (window layout, theme, language, recent projects, who is
working); project data stays in the project's SQLite database.

    settings = Settings()
    settings.get(THEME)            # "system"
    settings.set(ZOOM, 2)

``ANNOTATOR_SETTINGS_DIR`` puts the settings in ``$ANNOTATOR_SETTINGS_DIR/annotator.ini``
(tests use it so they never touch the user's settings). Use from the GUI thread.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

ORGANIZATION = "Annotator"
APPLICATION = "Annotator"
MAX_RECENT = 10


@dataclass(frozen=True, slots=True)
class Setting:
    """One declared setting. ``type`` is one of str, int, bool, list (of str) or bytes."""

    key: str
    type: type
    default: Any
    help: str
    choices: tuple[str, ...] = ()


SETTINGS: dict[str, Setting] = {}


def declare(key: str, type_: type, default: Any, help_: str, choices: tuple[str, ...] = ()) -> Setting:
    if key in SETTINGS:
        raise ValueError(f"setting {key!r} is declared twice")
    setting = Setting(key, type_, default, help_, choices)
    SETTINGS[key] = setting
    return setting


LANGUAGE = declare("ui/language", str, "system", "Interface language: system, en or vi.", ("system", "en", "vi"))
THEME = declare("ui/theme", str, "system", "Colour theme: system (follow the desktop), light or dark.",
                ("system", "light", "dark"))
ZOOM = declare("ui/zoom", int, 0, "Text zoom steps of the article view (0 is the normal size).")
CHARACTER_PRECISION = declare("ui/character_precision", bool, False,
                              "Select characters instead of whole words when tagging.")
GEOMETRY = declare("window/geometry", bytes, b"", "Main window position and size.")
WINDOW_STATE = declare("window/state", bytes, b"", "Main window toolbars and docks.")
SPLITTER = declare("window/splitter", bytes, b"", "Sizes of the document list, article and tagging panel.")
SIDE_SPLITTER = declare("window/side_splitter", bytes, b"", "Sizes inside the tagging panel.")
LAST_PROJECT = declare("session/last_project", str, "", "The project opened last; opened again at start.")
RECENT_PROJECTS = declare("session/recent_projects", list, [], "Projects opened recently, newest first.")
PERSON = declare("session/person", str, "", "Who is using the app (their name in the project's log).")
LAST_DOCUMENTS = declare("session/last_documents", list, [],
                         "Document open last in each project, as 'path|id' entries.")
REVIEW_HIDDEN_COLUMNS = declare("review/hidden_columns", list, ["annotator"],
                                "Columns of the review queue hidden by the person (right-click the header).")
REVIEW_SPLITTER = declare("review/splitter", bytes, b"", "Sizes of the review queue and the claim pane.")
IMPORT_DIR = declare("dialogs/import_dir", str, "", "Folder the Import dialog opened last.")
EXPORT_DIR = declare("dialogs/export_dir", str, "", "Folder the Export dialog wrote to last.")
EXPORT_FORMAT = declare("dialogs/export_format", str, "jsonl", "Format chosen last in the Export dialog.")


def settings_path() -> Path | None:
    """The INI file used when ``ANNOTATOR_SETTINGS_DIR`` is set, else None (native store)."""
    folder = os.environ.get("ANNOTATOR_SETTINGS_DIR")
    return Path(folder) / "annotator.ini" if folder else None


def qsettings() -> QSettings:
    path = settings_path()
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        return QSettings(str(path), QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)


class Settings:
    """Typed access to the declared settings. Unknown keys are refused (no scattered strings)."""

    def __init__(self, store: QSettings | None = None) -> None:
        self._q = store or qsettings()

    @property
    def path(self) -> str:
        return self._q.fileName()

    def get(self, setting: Setting) -> Any:
        self._check(setting)
        if not self._q.contains(setting.key):
            return _copy(setting.default)
        raw = self._q.value(setting.key)
        try:
            value = _convert(raw, setting.type)
        except (TypeError, ValueError):
            return _copy(setting.default)
        if setting.choices and value not in setting.choices:
            return _copy(setting.default)
        return value

    def set(self, setting: Setting, value: Any) -> None:
        self._check(setting)
        if setting.type is bytes:
            value = QByteArray(bytes(value))
        elif setting.type is list:
            value = [str(v) for v in value]
        elif setting.type is not type(value) and not (setting.type is int and isinstance(value, bool)):
            value = setting.type(value)
        if setting.choices and value not in setting.choices:
            raise ValueError(f"setting {setting.key}: {value!r} is not one of {', '.join(setting.choices)}")
        self._q.setValue(setting.key, value)

    def reset(self, setting: Setting) -> None:
        self._check(setting)
        self._q.remove(setting.key)

    def sync(self) -> None:
        self._q.sync()

    # ---- recent projects ------------------------------------------------------------------------

    def add_recent(self, path: str) -> list[str]:
        """Put ``path`` first in the recent projects (and make it the last project)."""
        path = str(Path(path).resolve())
        recent = [p for p in self.get(RECENT_PROJECTS) if p != path]
        recent.insert(0, path)
        del recent[MAX_RECENT:]
        self.set(RECENT_PROJECTS, recent)
        self.set(LAST_PROJECT, path)
        return recent

    def last_document(self, project_path: str) -> int | None:
        key = str(Path(project_path).resolve()) + "|"
        for entry in self.get(LAST_DOCUMENTS):
            if entry.startswith(key):
                try:
                    return int(entry[len(key):])
                except ValueError:
                    return None
        return None

    def set_last_document(self, project_path: str, doc_id: int) -> None:
        key = str(Path(project_path).resolve()) + "|"
        entries = [e for e in self.get(LAST_DOCUMENTS) if not e.startswith(key)]
        entries.insert(0, f"{key}{doc_id}")
        self.set(LAST_DOCUMENTS, entries[:MAX_RECENT * 2])

    @staticmethod
    def _check(setting: Setting) -> None:
        if SETTINGS.get(setting.key) is not setting:
            raise KeyError(f"undeclared setting {setting.key!r}")


def _copy(value: Any) -> Any:
    return list(value) if isinstance(value, list) else value


def _convert(raw: Any, type_: type) -> Any:
    if type_ is bool:
        if isinstance(raw, str):
            return raw.lower() in {"true", "1", "yes"}
        return bool(raw)
    if type_ is int:
        return int(raw)
    if type_ is str:
        return "" if raw is None else str(raw)
    if type_ is list:
        if raw is None or raw == "":
            return []
        if isinstance(raw, str):
            return [raw]
        return [str(v) for v in raw]
    if type_ is bytes:
        if isinstance(raw, QByteArray):
            return bytes(raw.data())
        if isinstance(raw, bytes | bytearray):
            return bytes(raw)
        raise TypeError("not bytes")
    return type_(raw)
