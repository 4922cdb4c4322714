"""The window's infrastructure: settings, change bus, undo adapter, background jobs, themes,
icons, translations, and a guard against PySide6 dropping references to None."""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QPalette
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QWidget

from annotator.documents import Cancelled
from annotator.errors import ValidationError
from annotator.project import Project
from ui import icons
from ui import settings as S
from ui.bus import ProjectBus
from ui.i18n import TRANSLATIONS, choose_language, compile_ts, install_translators, remove_translators
from ui.jobs import JobRunner
from ui.theme import ThemeManager
from ui.undo import ProjectUndoStack

# ---- settings --------------------------------------------------------------------------------


def test_settings_live_in_the_folder_named_by_the_environment(qapp) -> None:  # type: ignore[no-untyped-def]
    settings = S.Settings()
    assert Path(settings.path) == Path(os.environ["ANNOTATOR_SETTINGS_DIR"]) / "annotator.ini"
    assert settings.get(S.THEME) == "system"  # the declared default
    settings.set(S.THEME, "dark")
    settings.set(S.ZOOM, 3)
    settings.set(S.CHARACTER_PRECISION, True)
    settings.set(S.GEOMETRY, b"\x01\x02\x00")
    settings.set(S.RECENT_PROJECTS, ["/a"])
    settings.sync()
    again = S.Settings()
    assert again.get(S.THEME) == "dark"
    assert again.get(S.ZOOM) == 3
    assert again.get(S.CHARACTER_PRECISION) is True
    assert again.get(S.GEOMETRY) == b"\x01\x02\x00"
    assert again.get(S.RECENT_PROJECTS) == ["/a"]


@pytest.mark.parametrize(("setting", "value", "error"), [
    (S.Setting("no/such", str, "", "undeclared"), "x", KeyError),
    (S.THEME, "purple", ValueError),
    (S.LANGUAGE, "fr", ValueError),
])
def test_settings_refuse_undeclared_keys_and_unknown_choices(qapp, setting, value, error) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(error):
        S.Settings().set(setting, value)


def test_every_setting_has_help_and_a_default_of_its_type() -> None:
    for setting in S.SETTINGS.values():
        assert setting.help and isinstance(setting.default, setting.type)
        assert not setting.choices or setting.default in setting.choices


def test_recent_projects_newest_first_without_repeats(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    settings = S.Settings()
    for k in [*range(12), 3]:
        settings.add_recent(str(tmp_path / f"p{k}"))
    recent = settings.get(S.RECENT_PROJECTS)
    assert recent[0] == str(tmp_path / "p3") and len(recent) == S.MAX_RECENT == len(set(recent))
    assert settings.get(S.LAST_PROJECT) == str(tmp_path / "p3")
    settings.set_last_document(str(tmp_path / "p1"), 7)
    settings.set_last_document(str(tmp_path / "p2"), 9)
    assert settings.last_document(str(tmp_path / "p1")) == 7
    assert settings.last_document(str(tmp_path / "p9")) is None


# ---- the bus -----------------------------------------------------------------------------------


def test_the_bus_names_who_made_a_change(qtbot, demo: Project) -> None:  # type: ignore[no-untyped-def]
    bus = ProjectBus(demo)
    seen: list[tuple[object, object]] = []
    bus.project_changed.connect(lambda changes, initiator: seen.append((changes, initiator)))
    me = object()
    with bus.initiated_by(me):
        changes = demo.spans.add(doc_id=1, start=0, end=3, label="MISC")
    demo.documents.set_status(1, "annotated")
    assert seen[0] == (changes, me)
    assert seen[1][1] is None and seen[1][0].documents == {1}
    bus.detach()
    demo.documents.set_status(1, "new")
    assert len(seen) == 2


def test_a_change_made_on_another_thread_arrives_on_the_gui_thread(qtbot, demo: Project) -> None:  # type: ignore[no-untyped-def]
    bus = ProjectBus(demo)
    threads: list[int] = []
    bus.project_changed.connect(lambda _c, _i: threads.append(threading.get_ident()))
    worker = threading.Thread(target=lambda: demo.documents.set_status(2, "annotated"))
    with qtbot.waitSignal(bus.project_changed, timeout=5000) as signal:
        worker.start()
        worker.join()
    assert signal.args[0].documents == {2} and signal.args[1] is None
    assert threads == [threading.get_ident()]
    bus.detach()


# ---- undo ----------------------------------------------------------------------------------------


@pytest.fixture
def stack(qtbot, demo: Project) -> ProjectUndoStack:  # type: ignore[no-untyped-def]
    bus = ProjectBus(demo)
    return ProjectUndoStack(demo, bus, bus)


def test_undo_and_redo_replay_the_core_events(stack: ProjectUndoStack, demo: Project) -> None:
    stack.setClean()
    changes = stack.perform(lambda: demo.spans.add(doc_id=1, start=0, end=3, label="MISC"), "Tag MISC")
    assert changes is not None
    span_id = next(iter(changes.spans))
    assert stack.count() == 1 and not stack.isClean() and stack.undoText() == "Tag MISC"
    stack.undo()
    assert not demo.spans.get_many([span_id]) and stack.isClean()
    stack.redo()
    assert demo.spans.get(span_id).label == "MISC"
    # a macro: two core operations, one step
    stack.perform(lambda: [demo.spans.update(span_id, label="LOC"), demo.documents.set_status(1, "annotated")],
                  "Two at once")
    assert stack.count() == 2
    stack.undo()
    assert demo.spans.get(span_id).label == "MISC" and demo.documents.get(1).status == "new"
    stack.redo()
    assert demo.spans.get(span_id).label == "LOC" and demo.documents.get(1).status == "annotated"


def test_a_refused_edit_or_undo_is_reported_not_raised(qtbot, stack: ProjectUndoStack, demo: Project) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(stack.failed) as refused:
        assert stack.perform(lambda: demo.spans.add(doc_id=1, start=5, end=2, label="LOC"), "bad") is None
    assert "empty span" in refused.args[0] and stack.count() == 0
    changes = stack.perform(lambda: demo.spans.add(doc_id=1, start=0, end=3, label="MISC"), "Tag MISC")
    assert changes is not None
    span_id = next(iter(changes.spans))
    demo.spans.update(span_id, label="LOC")  # changed behind the stack's back
    with qtbot.waitSignal(stack.failed) as refused:
        stack.undo()
    assert "changed since" in refused.args[0]
    assert demo.spans.get(span_id).label == "LOC"  # nothing overwritten
    assert stack.count() == 0  # the stale step is dropped


def test_non_undoable_operations_are_not_pushed(stack: ProjectUndoStack, demo: Project) -> None:
    from annotator.model import DocRecord

    result = demo.documents.import_records([DocRecord(text="Another text.")])
    assert stack.push_changes(result.changes, "Import") is None and stack.count() == 0


# ---- background jobs ------------------------------------------------------------------------------


@pytest.fixture
def runner(qtbot) -> JobRunner:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    return JobRunner(parent)


def test_a_job_delivers_its_result_on_the_gui_thread(qtbot, runner: JobRunner) -> None:  # type: ignore[no-untyped-def]
    results: list[tuple[object, int]] = []
    busy: list[bool] = []
    runner.busy_changed.connect(busy.append)

    def work(progress) -> str:  # type: ignore[no-untyped-def]
        for k in range(1, 4):
            assert progress(k, 3) is True
        return f"done on {threading.get_ident()}"

    job = runner.run(work, title="T", label="L", on_result=lambda r: results.append((r, threading.get_ident())))
    assert runner.busy
    with pytest.raises(RuntimeError):
        runner.run(work, title="T", label="L")
    with qtbot.waitSignal(job.finished, timeout=5000):
        pass
    assert results[0][1] == threading.get_ident()
    assert results[0][0] != f"done on {threading.get_ident()}"  # it ran elsewhere
    assert busy == [True, False] and not runner.busy


def test_a_job_reports_errors_and_cancellation(qtbot, runner: JobRunner) -> None:  # type: ignore[no-untyped-def]
    def fail(_progress) -> None:  # type: ignore[no-untyped-def]
        raise ValidationError("bad input")

    with qtbot.waitSignal(runner.run(fail, title="T", label="L").failed, timeout=5000) as failed:
        pass
    assert isinstance(failed.args[0], ValidationError)
    qtbot.waitUntil(lambda: not runner.busy)

    started = threading.Event()

    def long(progress) -> None:  # type: ignore[no-untyped-def]
        started.set()
        while progress(1, None):
            started.wait(0.01)
        raise Cancelled("stopped")

    job = runner.run(long, title="T", label="L")
    assert started.wait(5)
    with qtbot.waitSignal(job.cancelled, timeout=5000):
        job.cancel()
    assert job.was_cancelled and job.error is None


@pytest.mark.qt_log_ignore("does not support propagateSizeHints")  # the progress dialog sizes itself offscreen
def test_the_progress_dialog_shows_progress_and_cancels(qtbot, runner: JobRunner) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QProgressDialog, QPushButton

    def long(progress) -> None:  # type: ignore[no-untyped-def]
        done = 0
        while progress(done % 100, 100):
            done += 1
            threading.Event().wait(0.005)
        raise Cancelled("stopped")

    job = runner.run(long, title="Counting", label="Counting to a hundred…")
    dialog = runner.parent().findChild(QProgressDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=5000)  # after its short grace period
    assert dialog.labelText() == "Counting to a hundred…" and dialog.maximum() == 100
    cancel = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Cancel")
    with qtbot.waitSignal(job.cancelled, timeout=5000):
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert not runner.busy


def test_a_job_can_use_its_own_connection(qtbot, runner: JobRunner, demo: Project) -> None:  # type: ignore[no-untyped-def]
    def work(project: Project, progress) -> tuple[int, bool]:  # type: ignore[no-untyped-def]
        project.documents.set_status(1, "annotated")
        return id(project), project is demo

    job = runner.run(work, title="T", label="L", own_project=True, project_path=demo.path.parent, actor="tester")
    with qtbot.waitSignal(job.succeeded, timeout=5000) as done:
        pass
    assert done.args[0][1] is False
    assert demo.documents.get(1).status == "annotated"  # committed: the window's connection sees it


# ---- look and language ----------------------------------------------------------------------------


def test_dark_and_light_themes(qapp) -> None:  # type: ignore[no-untyped-def]
    old_palette, old_sheet, old_style = qapp.palette(), qapp.styleSheet(), qapp.style().name()
    try:
        theme = ThemeManager(qapp, "dark")
        assert theme.scheme == "dark"
        assert qapp.palette().color(QPalette.ColorRole.Window).lightness() < 60
        assert "invalid" in qapp.styleSheet()
        dark_icon = icons.icon("edit-undo").pixmap(24).toImage()
        with_changes: list[str] = []
        theme.theme_changed.connect(with_changes.append)
        theme.apply("light")
        assert with_changes == ["light"]
        assert qapp.palette().color(QPalette.ColorRole.Window).lightness() > 180
        light_icon = icons.icon("edit-undo").pixmap(24).toImage()
        assert dark_icon != light_icon  # icons follow the text colour
        assert theme.apply("system") == theme.system_scheme()
    finally:
        qapp.setStyle(old_style)
        qapp.setPalette(old_palette)
        qapp.setStyleSheet(old_sheet)
        icons.clear_cache()


def test_every_icon_is_a_valid_svg_and_unknown_names_fall_back(qapp) -> None:  # type: ignore[no-untyped-def]
    files = sorted(icons.ICONS.glob("*.svg"))
    assert len(files) >= 20
    for path in files:
        assert QSvgRenderer(str(path)).isValid(), path.name
        assert path.stat().st_size < 4000
        assert not icons.icon(path.stem).isNull(), path.stem
    assert icons.icon("no-such-icon-anywhere").isNull()


@pytest.mark.parametrize(("setting", "system", "expected"), [
    ("system", QLocale.Language.Vietnamese, "vi"),
    ("system", QLocale.Language.English, "en"),
    ("system", QLocale.Language.French, "en"),
    ("vi", QLocale.Language.English, "vi"),
    ("en", QLocale.Language.Vietnamese, "en"),
])
def test_language_from_the_setting_or_the_system(setting: str, system: QLocale.Language, expected: str) -> None:
    assert choose_language(setting, QLocale(system)) == expected


def test_the_vietnamese_translation_is_compiled_and_used(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ts = TRANSLATIONS / "annotator_vi.ts"
    qm = TRANSLATIONS / "annotator_vi.qm"
    compile_ts(ts, tmp_path / "check.qm")
    assert (tmp_path / "check.qm").read_bytes() == qm.read_bytes(), "run: python -m ui.i18n compile"
    assert qm.stat().st_size < 100_000
    translators = install_translators(qapp, "vi")
    try:
        assert QCoreApplication.translate("MainWindow", "&File") == "&Tệp"
        assert QCoreApplication.translate("MainWindow", "&Undo") == "&Hoàn tác"
        assert QCoreApplication.translate("DocListModel", "Annotated") == "Đã gán nhãn"
    finally:
        remove_translators(qapp, translators)
        QLocale.setDefault(QLocale(QLocale.Language.English))
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


WINDOW_CONTEXTS = {"AppController", "AttributeEditor", "BulkWork", "DocListModel", "DocumentList", "ExportDialog", "FindBar",
                   "HitListModel", "ImportDialog", "JobRunner", "LabelButton", "MainWindow", "PersonDialog",
                   "SearchDialog", "ShortcutsDialog", "SpanListModel", "TagPanel", "Tagger", "tagpanel",
                   # entities panel, review window, adjudication and agreement, schema and format texts
                   "EntitiesPanel", "EntityModel", "MentionModel", "RenameDialog", "MergeDialog", "SplitDialog",
                   "LinkEntityDialog", "TagAllDialog", "ClustersDialog", "ReviewWindow", "ClaimQueueModel",
                   "DecideDialog", "ReasonDialog", "UnlockDialog", "AdjudicationWindow", "DisagreementModel",
                   "ConflictsDialog", "AgreementDialog", "schema", "formats", "core"}


def test_every_text_of_the_main_window_has_its_vietnamese_translation() -> None:
    import xml.etree.ElementTree as ET

    root = ET.parse(TRANSLATIONS / "annotator_vi.ts").getroot()
    seen, untranslated = set(), []
    for context in root.iter("context"):  # every context, not only the listed ones
        name = context.findtext("name")
        seen.add(name)
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in {"unfinished", "vanished", "obsolete"}:
                untranslated.append((name, message.findtext("source")))
    assert WINDOW_CONTEXTS <= seen, "run: python -m ui.i18n update"
    assert not untranslated


def test_the_default_schema_and_the_formats_have_their_texts_listed_for_translation() -> None:
    from annotator.formats import FORMATS
    from annotator.schema import default_schema
    from ui.i18n import FORMAT_TEXTS, SCHEMA_TEXTS

    schema = default_schema()
    descriptions = {a.description for a in schema.attributes.values()} | set(schema.layer_descriptions.values()) \
        | {lab.description for lab in schema.labels}
    assert descriptions - {""} <= set(SCHEMA_TEXTS)
    assert {f.description for f in FORMATS.values()} <= set(FORMAT_TEXTS)


def test_every_sentence_of_the_core_is_listed_for_translation() -> None:
    from annotator.messages import TEMPLATES
    from ui.i18n import CORE_TEXTS

    assert len(TEMPLATES) >= 25 and set(TEMPLATES) == set(CORE_TEXTS)


def test_the_core_refusals_are_shown_in_the_interface_language(qapp, demo) -> None:  # type: ignore[no-untyped-def]
    """A refusal of the core (an exception carrying a Said) reads in Vietnamese in the Vietnamese
    interface, with the review state and steps named as the review window names them; in English
    it is the CLI's sentence; a plain message is shown as it is."""
    from annotator.errors import PermissionDenied, TransitionError
    from ui.i18n import core_text

    cid = demo.claims.list()[0].id
    with pytest.raises(TransitionError) as step:
        demo.claims.publish(cid)  # a draft cannot be published
    demo.people.add("thu", role="editor", passphrase="pw")
    demo.claims.flag(cid)
    demo.actor = "thu"
    with pytest.raises(PermissionDenied) as locked:
        demo.claims.take(cid)  # not unlocked
    assert str(step.value) == "cannot publish a claim that is draft; from draft one can: flag"
    assert core_text(step.value) == "Cannot publish a claim that is draft; from draft one can: flag"
    assert core_text(ValueError("plain")) == "plain"
    translators = install_translators(qapp, "vi")
    try:
        vi = core_text(step.value)
        assert vi.startswith("Không thể «Công bố» một nhận định đang ở trạng thái «Bản nháp»"), vi
        assert vi.endswith("chỉ có thể: Gắn cờ để duyệt"), vi
        assert core_text(locked.value) == (f"«Nhận để duyệt» nhận định {cid}: 'thu' cần mở khóa các thao tác biên "
                                           "tập bằng mật khẩu trước")
    finally:
        remove_translators(qapp, translators)
        QLocale.setDefault(QLocale(QLocale.Language.English))


# ---- PySide6 ------------------------------------------------------------------------------------


def test_many_calls_returning_none_keep_none_alive(qtbot) -> None:  # type: ignore[no-untyped-def]
    """PySide6 6.12.0 on CPython 3.11 loses a reference to None per such call and then aborts."""
    widget = QWidget()
    qtbot.addWidget(widget)
    before = sys.getrefcount(None)
    for _ in range(100_000):
        widget.setEnabled(True)
    assert sys.getrefcount(None) >= before - 1000
    assert QApplication.instance() is not None
