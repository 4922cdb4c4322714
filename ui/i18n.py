"""Interface languages: English (the source text) and Vietnamese (``resources/translations``).

The language comes from the settings (``ui/language``): ``system`` picks Vietnamese when the
system locale is Vietnamese, English otherwise. Translations are Qt ``.ts`` files (edited with
Qt Linguist) compiled to ``.qm``; both are committed. After changing user-facing text run::

    .venv/bin/python -m ui.i18n update     # pyside6-lupdate over ui/*.py, then pyside6-lrelease

A test checks that the committed ``.qm`` matches its ``.ts``. Use from the GUI thread.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ui.icons import resource_path

LANGUAGES: dict[str, str] = {"en": "English", "vi": "Tiếng Việt"}
TRANSLATIONS = resource_path("translations")
UI_DIR = Path(__file__).resolve().parent


def choose_language(setting: str, system: QLocale | None = None) -> str:
    """The language to use for a ``ui/language`` setting: en or vi."""
    if setting in LANGUAGES:
        return setting
    locale = system or QLocale.system()
    return "vi" if locale.language() == QLocale.Language.Vietnamese else "en"


def qm_path(language: str, name: str = "annotator") -> Path:
    return TRANSLATIONS / f"{name}_{language}.qm"


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load our translation (and Qt's own, when it ships one) for ``language``.

    Returns the installed translators; keep a reference to them for as long as they are used.
    """
    installed: list[QTranslator] = []
    if language == "en":
        return installed
    candidates = [qm_path(language), qm_path(language, "qtbase")]
    qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    candidates.append(qt_dir / f"qtbase_{language}.qm")
    for path in candidates:
        if not path.is_file():
            continue
        translator = QTranslator(app)
        if translator.load(str(path)):
            app.installTranslator(translator)
            installed.append(translator)
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese if language == "vi" else QLocale.Language.English))
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)


def _tool(name: str) -> str:
    candidate = Path(sys.executable).parent / name
    found = str(candidate) if candidate.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found (it comes with PySide6)")
    return found


def compile_ts(ts: Path, qm: Path) -> None:
    """Compile one ``.ts`` to ``.qm`` with pyside6-lrelease."""
    subprocess.run([_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def update(languages: list[str] | None = None) -> None:
    """Extract the strings of ui/*.py into the .ts files, then compile them."""
    sources = sorted(str(p) for p in UI_DIR.glob("*.py"))
    for language in languages or [lang for lang in LANGUAGES if lang != "en"]:
        ts = TRANSLATIONS / f"annotator_{language}.ts"
        subprocess.run([_tool("pyside6-lupdate"), "-silent", "-locations", "none", "-no-obsolete", *sources,
                        "-ts", str(ts)], check=True)
        compile_ts(ts, qm_path(language))
        qtbase = TRANSLATIONS / f"qtbase_{language}.ts"
        if qtbase.is_file():
            compile_ts(qtbase, qm_path(language, "qtbase"))


if __name__ == "__main__":
    if sys.argv[1:2] == ["update"]:
        update(sys.argv[2:] or None)
    elif sys.argv[1:2] == ["compile"]:
        for ts in sorted(TRANSLATIONS.glob("*.ts")):
            compile_ts(ts, ts.with_suffix(".qm"))
    else:
        raise SystemExit("usage: python -m ui.i18n update [LANG…] | compile")
