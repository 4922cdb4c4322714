"""Interface languages: English (the source text) and Vietnamese (``resources/translations``).

The language comes from the settings (``ui/language``): ``system`` picks Vietnamese when the
system locale is Vietnamese, English otherwise. Translations are Qt ``.ts`` files (edited with
Qt Linguist) compiled to ``.qm``; both are committed. After changing user-facing text run::

    .venv/bin/python -m ui.i18n update     # pyside6-lupdate over ui/*.py, then pyside6-lrelease

A test checks that the committed ``.qm`` matches its ``.ts``. Use from the GUI thread.

The schema and the format registry are data of the Qt-free core, written in English; the texts of
the default schema (``resources/schemas/news.toml``) and of the registered formats are listed here
so that they are translated too (:func:`attribute_title`, :func:`choice_title`, :func:`schema_text`,
:func:`format_description`). A project's own labels and attributes keep the text they were given.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QTranslator

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


# ---- texts of the default schema and of the format registry -------------------------------------------

def attribute_title(name: str) -> str:
    """The form label of a schema attribute: translated for the default schema, else its name."""
    titles = {
        "value": QCoreApplication.translate("schema", "value"),
        "low": QCoreApplication.translate("schema", "low"),
        "high": QCoreApplication.translate("schema", "high"),
        "bound": QCoreApplication.translate("schema", "bound"),
        "unit": QCoreApplication.translate("schema", "unit"),
        "scale": QCoreApplication.translate("schema", "scale"),
        "referent": QCoreApplication.translate("schema", "referent"),
        "date": QCoreApplication.translate("schema", "date"),
        "granularity": QCoreApplication.translate("schema", "granularity"),
        "ambiguous": QCoreApplication.translate("schema", "ambiguous"),
        "checkworthiness": QCoreApplication.translate("schema", "check-worthiness"),
        "verifiable": QCoreApplication.translate("schema", "verifiable"),
        "numeric_type": QCoreApplication.translate("schema", "numeric type"),
        "notes": QCoreApplication.translate("schema", "notes"),
        "flag": QCoreApplication.translate("schema", "flag"),
        "normalized": QCoreApplication.translate("schema", "normalized"),
    }
    return titles.get(name, name.replace("_", " "))


def layer_name(layer: str) -> str:
    """A layer's name as a word (entity, figure, claim), translated; other layers as they are stored."""
    names = {
        "entity": QCoreApplication.translate("schema", "entity"),
        "figure": QCoreApplication.translate("schema", "figure"),
        "claim": QCoreApplication.translate("schema", "claim"),
    }
    return names.get(str(layer), str(layer))


def choice_title(attribute: str, value: str) -> str:
    """How an enum value of the default schema is shown; other values are shown as they are stored."""
    titles = {
        ("granularity", "day"): QCoreApplication.translate("schema", "day"),
        ("granularity", "month"): QCoreApplication.translate("schema", "month"),
        ("granularity", "year"): QCoreApplication.translate("schema", "year"),
        ("granularity", "decade"): QCoreApplication.translate("schema", "decade"),
        ("granularity", "century"): QCoreApplication.translate("schema", "century"),
        ("checkworthiness", "non_factual"): QCoreApplication.translate("schema", "non-factual"),
        ("checkworthiness", "unimportant_factual"): QCoreApplication.translate("schema", "unimportant factual"),
        ("checkworthiness", "checkworthy_factual"): QCoreApplication.translate("schema", "check-worthy factual"),
        ("numeric_type", "statistical"): QCoreApplication.translate("schema", "statistical"),
        ("numeric_type", "temporal"): QCoreApplication.translate("schema", "temporal"),
        ("numeric_type", "comparison"): QCoreApplication.translate("schema", "comparison"),
        ("numeric_type", "interval"): QCoreApplication.translate("schema", "interval"),
    }
    return titles.get((attribute, value), value)


SCHEMA_TEXTS = (
    # attribute descriptions
    QT_TRANSLATE_NOOP("schema", "Normalised value: a decimal with '.' and no grouping"),
    QT_TRANSLATE_NOOP("schema", "Lower end of a range or interval"),
    QT_TRANSLATE_NOOP("schema", "Upper end of a range or interval"),
    QT_TRANSLATE_NOOP("schema", "How the value bounds the quantity (hơn → >, khoảng → ~, ít nhất → ≥ …)"),
    QT_TRANSLATE_NOOP("schema", "%, an ISO 4217 currency (VND, USD …) or a measure unit"),
    QT_TRANSLATE_NOOP("schema", "Scale word multiplied into the value (nghìn → 1000, triệu → 1000000 …)"),
    QT_TRANSLATE_NOOP("schema", "The noun the figure counts (595 Đảng bộ → Đảng bộ)"),
    QT_TRANSLATE_NOOP("schema", "ISO date; XXXX for an unknown year (XXXX-09), YYYY-MM for a month; start/end for a "
                                 "range of days (2020-08-01/2020-08-05)"),
    QT_TRANSLATE_NOOP("schema", "The reading cannot be decided (thousands dot or decimal point?)"),
    QT_TRANSLATE_NOOP("schema", "Is this worth checking?"),
    QT_TRANSLATE_NOOP("schema", "Flag this claim for the editors' review"),
    QT_TRANSLATE_NOOP("schema", "A normalised form or external reference (brat N lines)"),
    # layer descriptions
    QT_TRANSLATE_NOOP("schema", "People, organisations, places and document references"),
    QT_TRANSLATE_NOOP("schema", "Numbers with a normalised value"),
    QT_TRANSLATE_NOOP("schema", "Check-worthy statements, linked to the figures and entities they rest on"),
    # label descriptions
    QT_TRANSLATE_NOOP("schema", "A person"),
    QT_TRANSLATE_NOOP("schema", "An organisation, party body or institution"),
    QT_TRANSLATE_NOOP("schema", "A place: province, district, country"),
    QT_TRANSLATE_NOOP("schema", "Another named thing: event, law, product"),
    QT_TRANSLATE_NOOP("schema", "A document reference such as 35-CT/TW or 30/2020/NĐ-CP (not a figure)"),
    QT_TRANSLATE_NOOP("schema", "A count of things"),
    QT_TRANSLATE_NOOP("schema", "A percentage"),
    QT_TRANSLATE_NOOP("schema", "An amount of money"),
    QT_TRANSLATE_NOOP("schema", "A measured quantity with a unit"),
    QT_TRANSLATE_NOOP("schema", "A date or a month or a year"),
    QT_TRANSLATE_NOOP("schema", "A period or term (2015-2020, nhiệm kỳ 2020-2025)"),
    QT_TRANSLATE_NOOP("schema", "An ordinal, including Roman numerals (khóa XV)"),
    QT_TRANSLATE_NOOP("schema", "A fraction or ratio (17/17)"),
    QT_TRANSLATE_NOOP("schema", "A check-worthy statement"),
)
"""The descriptions of the default schema, for pyside6-lupdate to find."""


def schema_text(text: str) -> str:
    """A description from the schema (of a label, layer or attribute), translated when it is a known one."""
    return QCoreApplication.translate("schema", text) if text else text


FORMAT_TEXTS = (
    QT_TRANSLATE_NOOP("formats", "Annotator JSONL: {id, text, meta, spans:[{start,end,label,attrs}]}"),
    QT_TRANSLATE_NOOP("formats", "Plain text files (one document each) or folders of them"),
    QT_TRANSLATE_NOOP("formats", "Markdown: the article text"),
    QT_TRANSLATE_NOOP("formats", "HTML: the article text (scripts, styles and navigation dropped)"),
    QT_TRANSLATE_NOOP("formats", "Word documents"),
    QT_TRANSLATE_NOOP("formats", "Prodigy JSONL (tokens, token_end inclusive)"),
    QT_TRANSLATE_NOOP("formats", "doccano JSONL (sequence labelling, with relations when there are any)"),
    QT_TRANSLATE_NOOP("formats", "Label Studio JSON tasks (offsets as Label Studio counts them)"),
    QT_TRANSLATE_NOOP("formats", "brat standoff (.txt + .ann): T, R, A, N and # lines"),
    QT_TRANSLATE_NOOP("formats", "CoNLL-2003 (4 columns, -DOCSTART-), IOB2 tags"),
    QT_TRANSLATE_NOOP("formats", "Token per line, IOB2 tags, nested spans in extra columns"),
    QT_TRANSLATE_NOOP("formats", "Token per line, BILOU tags, nested spans in extra columns"),
    QT_TRANSLATE_NOOP("formats", "spaCy DocBin (.spacy): doc.ents and doc.spans[layer]"),
    QT_TRANSLATE_NOOP("formats", "Hugging Face datasets JSONL: tokens + ner_tags with declared features"),
    QT_TRANSLATE_NOOP("formats", "Hugging Face datasets Parquet"),
)
"""The descriptions of the registered formats (``annotator/formats``), for pyside6-lupdate to find."""


def format_description(text: str) -> str:
    """A format's description from the registry, translated when it is a known one."""
    return QCoreApplication.translate("formats", text) if text else text


CORE_TEXTS = (
    QT_TRANSLATE_NOOP("core", "claim {claim} is {state}: only an unlocked editor may change it"),
    QT_TRANSLATE_NOOP("core", "span {span} is linked from claim {claim}, which is {state}: only an unlocked editor may "
                              "change it"),
    QT_TRANSLATE_NOOP("core", "claim {claim} is {state}: this cannot be undone by an annotator"),
    QT_TRANSLATE_NOOP("core", "cannot {action} a claim that is {state}; from {state} one can: {allowed}"),
    QT_TRANSLATE_NOOP("core", "cannot {action} a claim that is {state} (a published claim goes back into review only by "
                              "reopening it with a reason); from {state} one can: {allowed}"),
    QT_TRANSLATE_NOOP("core", "nothing"),
    QT_TRANSLATE_NOOP("core", "claim {claim} is {span_state}: accept it before flagging it"),
    QT_TRANSLATE_NOOP("core", "claim {claim} has no verdict to publish"),
    QT_TRANSLATE_NOOP("core", "reopening claim {claim} needs a reason"),
    QT_TRANSLATE_NOOP("core", "deciding a claim needs a verdict: {verdicts}"),
    QT_TRANSLATE_NOOP("core", "{what}: only an editor may do this, and {person} is not an editor"),
    QT_TRANSLATE_NOOP("core", "{what}: {person} must unlock editor actions with the passphrase first"),
    QT_TRANSLATE_NOOP("core", "{action} claim {claim}"),
    QT_TRANSLATE_NOOP("core", "setting the fact-check publisher"),
    QT_TRANSLATE_NOOP("core", "changing people's roles"),
    QT_TRANSLATE_NOOP("core", "adding an editor"),
    QT_TRANSLATE_NOOP("core", "{person} is not a person of this project"),
    QT_TRANSLATE_NOOP("core", "{person} is not an editor"),
    QT_TRANSLATE_NOOP("core", "wrong passphrase for {person}"),
    QT_TRANSLATE_NOOP("core", "nothing to undo"),
    QT_TRANSLATE_NOOP("core", "nothing to redo"),
    QT_TRANSLATE_NOOP("core", "cannot undo: {row} {id} was changed since ({columns})"),
    QT_TRANSLATE_NOOP("core", "cannot replay: {row} {id} is gone"),
    QT_TRANSLATE_NOOP("core", "span {start}-{end}: start is negative"),
    QT_TRANSLATE_NOOP("core", "span {start}-{end}: empty span (end must be after start)"),
    QT_TRANSLATE_NOOP("core", "span {start}-{end}: past the end of the text (length {length})"),
    QT_TRANSLATE_NOOP("core", "a link joins two spans of the same document"),
    QT_TRANSLATE_NOOP("core", "a span cannot link to itself"),
    QT_TRANSLATE_NOOP("core", "a link needs a role"),
    QT_TRANSLATE_NOOP("core", "span {source} already links to span {target} as {role}"),
)
"""The core's sentences (``annotator.messages``), for pyside6-lupdate to find."""


def core_text(what: object) -> str:
    """A sentence of the core in the interface language.

    ``what`` is an exception or a string; a :class:`~annotator.messages.Said` (what the core's
    refusals carry) is translated from its template, with review states and steps named as the
    review window names them; without a translation it is the core's English sentence (as the CLI
    prints it). Either starts with a capital. Anything else is shown as it is.
    """
    from annotator.messages import Said

    text = what.args[0] if isinstance(what, BaseException) and what.args else what
    if not isinstance(text, Said):
        return str(what)
    translated = QCoreApplication.translate("core", text.template)
    if translated == text.template:
        return _sentence(str(text))  # no translation (English): the core's own sentence, as the CLI says it
    from ui.review_window import action_name, state_name

    values: dict[str, object] = {}
    for key, value in text.values.items():
        if isinstance(value, Said):
            value = core_text(value)
        elif key in {"state", "span_state"} and isinstance(value, str):
            value = state_name(value) if key == "state" else choice_title("state", value)
        elif key == "action" and isinstance(value, str):
            value = action_name(value).replace("&", "").rstrip("…")
        elif key == "allowed" and isinstance(value, str):
            value = ", ".join(action_name(a).replace("&", "").rstrip("…") for a in value.split(", "))
        elif key == "person":
            value = repr(value)
        values[key] = value
    return _sentence(translated.format(**values))


def _sentence(text: str) -> str:
    """A message shown on its own starts with a capital ("claim 3 is …" → "Claim 3 is …")."""
    return text[:1].upper() + text[1:]


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
