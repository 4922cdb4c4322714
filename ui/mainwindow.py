"""The main window: document list, article, tagging panel, menus, history, status bar.

One window shows one open :class:`~annotator.project.Project`. Every edit goes through the core
(``window.perform``), is stored at once and lands on the undo stack; every view refreshes from
the bus's ``project_changed(changes, initiator)`` signal. GUI thread only.

Feature plug-ins
================
Features add their own menus, docks and keys without editing this file. For each module named
in :data:`FEATURES` that can be imported, the window calls ``module.install(window)`` once, after
its own menus exist and before the first document opens. A module that does not exist yet is
skipped; any other import error is raised. ``install`` may use:

* ``window.project``, ``window.bus`` (``project_changed(changes, initiator)``),
  ``window.undo_stack`` (:class:`ui.undo.ProjectUndoStack`), ``window.jobs``
  (:class:`ui.jobs.JobRunner`), ``window.settings`` (:class:`ui.settings.Settings`);
* widgets: ``window.text_view`` (:class:`ui.textview.SpanTextView`), ``window.tag_panel``,
  ``window.doc_list``; ``window.menus[name]`` for ``file``, ``edit``, ``view``, ``document``,
  ``span``, ``help`` (or ``window.menuBar()`` for a menu of its own); ``window.action_map[name]``;
* ``window.perform(action, text)`` — run a core edit, push it as one undo step, show a refusal;
* ``window.run_job(fn, title=, label=, on_result=)`` — background work with progress;
* ``window.add_dock(dock, area)`` — a dock listed under View → Panels, its layout remembered;
* ``window.open_document(doc_id, select=(start, end))``, ``window.select_span(span_id)``,
  ``window.current_doc_id``, signals ``document_opened(int)`` and ``span_selected(int)``;
* ``window.set_merge_handler(callable(paths))`` — replaces what File → Merge… does with the chosen
  copies (by default: ``annotator.merge.merge`` in a background job);
* ``window.show_message(text)`` (status bar) and ``window.show_error(text)``.

Keys already taken (do not reuse): the schema's label keys, J, K, A, R, Shift+A, Delete,
Escape, Alt(+Shift)+Left/Right, Ctrl+O/I/E/Q/Z/Y/F/H, Ctrl+Shift+Z/F/N/I/A/C/G, F1, F3,
Shift+F3, Ctrl+Return, Ctrl+PgUp/PgDown, Ctrl+plus/minus/0, Alt+1/2/3, Ctrl+L (link from the
selected claim; while linking, Return/Enter and Shift+Return/Enter in the article and span list).
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QToolBar,
    QUndoView,
    QVBoxLayout,
    QWidget,
)

from annotator.errors import AnnotatorError, NotFoundError
from annotator.model import Changes, DocStatus, Layer, SpanState
from annotator.project import Project
from ui import icons
from ui import settings as S
from ui.bulk import BulkWork
from ui.bus import ProjectBus
from ui.dialogs import ExportDialog, ExportOptions, ImportDialog, PersonDialog, ShortcutsDialog
from ui.doclist import DocumentList
from ui.findbar import FindBar
from ui.i18n import core_text
from ui.jobs import Job, JobRunner
from ui.search_dialog import SearchDialog
from ui.tagging import RESERVED_KEYS, Tagger
from ui.tagpanel import TagPanel
from ui.textview import SpanTextView
from ui.undo import ProjectUndoStack

FEATURES = ("ui.entities_panel", "ui.review_window", "ui.adjudication", "ui.claimlinks")
BULK_OPS = ("documents.import", "team.merge", "undo:team.merge", "redo:team.merge")
"""Operations whose Changes name documents but not each span: the open document is reloaded."""
APP_NAME = "Annotator"


def install_features(window: MainWindow, names: Sequence[str] = FEATURES) -> list[str]:
    """Call ``install(window)`` of every feature module that exists; returns those installed."""
    installed = []
    for name in names:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:  # not written yet
                continue
            raise
        install = getattr(module, "install", None)
        if install is not None:
            install(window)
            installed.append(name)
    return installed


class MainWindow(QMainWindow):
    """The annotation window of one project."""

    document_opened = Signal(int)
    span_selected = Signal(int)
    """the selected span's id, −1 for none"""
    project_open_requested = Signal(str)
    language_change_requested = Signal(str)
    closed = Signal()

    def __init__(self, project: Project, *, settings: S.Settings | None = None, theme: Any = None,
                 features: Sequence[str] = FEATURES, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.settings = settings or S.Settings()
        self.theme = theme
        self.bus = ProjectBus(project, self)
        self.undo_stack = ProjectUndoStack(project, self.bus, self)
        self.jobs = JobRunner(self)
        self.tagger = Tagger(self)
        self.bulk = BulkWork(self)
        self.current_doc_id: int | None = None
        self.current_status: DocStatus | None = None
        self._current_title = ""
        self.menus: dict[str, QMenu] = {}
        self.action_map: dict[str, QAction] = {}
        self.label_actions: dict[str, QAction] = {}
        self.edit_actions: list[QAction] = []
        self.merge_handler: Callable[[list[str]], object] | None = None
        self.search_dialog: SearchDialog | None = None
        self._feature_docks: list[QDockWidget] = []
        self._closing = False

        self.setWindowIcon(icons.app_icon())
        # an explicit minimum keeps the layout from changing it at every content change
        self.setMinimumSize(720, 480)
        self.setAcceptDrops(True)
        self.setDockOptions(QMainWindow.DockOption.AnimatedDocks | QMainWindow.DockOption.AllowTabbedDocks)
        self._build_widgets()
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._build_status_bar()
        self._connect()
        self._restore_settings()
        self.installed_features = install_features(self, features)
        # feature menus come before Help, which stays last
        self.menuBar().removeAction(self.menus["help"].menuAction())
        self.menuBar().addAction(self.menus["help"].menuAction())
        self.undo_stack.setClean()
        self._update_title()
        self._open_initial_document()

    # ---- building -------------------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.doc_list = DocumentList(self.project, self)
        self.text_view = SpanTextView(self)
        self.text_view.setAccessibleName(self.tr("Article"))
        self.find_bar = FindBar(self.text_view, self)
        centre = QWidget(self)
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 4, 0, 0)
        centre_layout.setSpacing(0)
        self.doc_heading = QLabel(self)
        self.doc_heading.setProperty("role", "panel-title")
        self.doc_heading.setContentsMargins(6, 0, 6, 2)
        self.doc_heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        centre_layout.addWidget(self.doc_heading)
        centre_layout.addWidget(self.text_view, 1)
        centre_layout.addWidget(self.find_bar)
        self.tag_panel = TagPanel(self.project.schema, self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.doc_list)
        self.splitter.addWidget(centre)
        self.splitter.addWidget(self.tag_panel)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([300, 680, 350])
        self.setCentralWidget(self.splitter)

        self.history_view = QUndoView(self.undo_stack, self)
        self.history_view.setEmptyLabel(self.tr("<opened>"))
        self.history_view.setAccessibleName(self.tr("History"))
        self.history_dock = QDockWidget(self.tr("History"), self)
        self.history_dock.setObjectName("historyDock")
        self.history_dock.setWidget(self.history_view)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.history_dock)
        self.resizeDocks([self.history_dock], [110], Qt.Orientation.Vertical)

    def _action(self, name: str, text: str, slot: Callable[..., Any] | None = None, *,
                keys: Sequence[QKeySequence | QKeySequence.StandardKey | str] = (), icon: str = "",
                tip: str = "", checkable: bool = False, edit: bool = False) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        sequences: list[QKeySequence] = []
        for k in keys:
            if isinstance(k, QKeySequence.StandardKey):
                sequences.extend(QKeySequence.keyBindings(k))
            else:
                sequences.append(QKeySequence(k))
        if sequences:
            action.setShortcuts(sequences)
        if icon:
            action.setIcon(icons.icon(icon))
            action.setProperty("icon_name", icon)
        action.setCheckable(checkable)
        self._set_tip(action, tip or text)
        if slot is not None:
            action.triggered.connect(lambda checked=False: slot(checked) if checkable else slot())
        self.addAction(action)
        self.action_map[name] = action
        if edit:
            self.edit_actions.append(action)
        return action

    @staticmethod
    def _set_tip(action: QAction, tip: str) -> None:
        tip = tip.replace("&", "")
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{tip} ({keys})" if keys else tip)
        action.setStatusTip(tip)

    def _build_actions(self) -> None:
        a = self._action
        # file
        a("open_project", self.tr("&Open project…"), self.choose_project, keys=[QKeySequence.StandardKey.Open],
          icon="document-open")
        a("import", self.tr("&Import…"), self.import_dialog, keys=["Ctrl+I"], icon="document-import",
          tip=self.tr("Import documents (or drop files on the window)"), edit=True)
        a("export", self.tr("&Export…"), self.export_dialog, keys=["Ctrl+E"], icon="document-export")
        merge = a("merge", self.tr("&Merge…"), self.merge_dialog, icon="merge",
                  tip=self.tr("Bring in the work of other copies of this project"), edit=True)
        if importlib.util.find_spec("annotator.merge") is not None:
            self.merge_handler = self.merge_paths
        else:
            merge.setEnabled(False)
            self.edit_actions.remove(merge)
        a("switch_person", self.tr("Switch &person…"), self.switch_person, icon="person")
        a("quit", self.tr("&Quit"), self.close, keys=[QKeySequence.StandardKey.Quit], icon="application-exit")
        # edit
        undo = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        undo.setObjectName("undo")
        undo.setShortcuts([QKeySequence("Ctrl+Z")])
        undo.setIcon(icons.icon("edit-undo"))
        undo.setProperty("icon_name", "edit-undo")
        redo = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        redo.setObjectName("redo")
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        redo.setIcon(icons.icon("edit-redo"))
        redo.setProperty("icon_name", "edit-redo")
        for act in (undo, redo):
            self.addAction(act)
            self.action_map[act.objectName()] = act
        a("find", self.tr("&Find in document…"), self.find_bar.open_bar, keys=[QKeySequence.StandardKey.Find],
          icon="edit-find")
        a("find_next", self.tr("Find &next"), lambda: self.find_bar.find_next(), keys=["F3"])
        a("find_previous", self.tr("Find pre&vious"), lambda: self.find_bar.find_next(backward=True), keys=["Shift+F3"])
        a("search_project", self.tr("&Search project…"), self.open_search, keys=["Ctrl+Shift+F"], icon="search-project")
        # view
        a("zoom_in", self.tr("Zoom &in"), self.zoom_in, keys=["Ctrl++", "Ctrl+="], icon="zoom-in")
        a("zoom_out", self.tr("Zoom &out"), self.zoom_out, keys=["Ctrl+-"], icon="zoom-out")
        a("zoom_reset", self.tr("&Normal size"), self.zoom_reset, keys=["Ctrl+0"])
        a("character_precision", self.tr("&Character precision"), self.set_character_precision, keys=["Ctrl+Shift+C"],
          icon="character-precision", checkable=True,
          tip=self.tr("Select single characters instead of whole words"))
        a("focus_documents", self.tr("Go to the &document list"), lambda: self.doc_list.view.setFocus(), keys=["Alt+1"])
        a("focus_text", self.tr("Go to the &article"), lambda: self.text_view.setFocus(), keys=["Alt+2"])
        a("focus_spans", self.tr("Go to the &span list"), lambda: self.tag_panel.span_list.setFocus(), keys=["Alt+3"])
        # document
        self.status_group = QActionGroup(self)
        status_names = {DocStatus.NEW: (self.tr("Mark &new"), "Ctrl+Shift+N"),
                        DocStatus.IN_PROGRESS: (self.tr("Mark &in progress"), "Ctrl+Shift+I"),
                        DocStatus.ANNOTATED: (self.tr("Mark &annotated"), "Ctrl+Shift+A"),
                        DocStatus.REVIEWED: (self.tr("Mark &reviewed"), "")}
        for status, (text, key) in status_names.items():
            act = a(f"status_{status}", text, None, keys=[key] if key else [], checkable=True, edit=True)
            act.triggered.connect(lambda _checked=False, s=status: self.set_status(s))
            self.status_group.addAction(act)
        a("next_unfinished", self.tr("Next &unfinished document"), self.next_unfinished, keys=["Ctrl+Return"],
          icon="go-next-unfinished")
        a("next_document", self.tr("Ne&xt document"), lambda: self.step_document(+1), keys=["Ctrl+PgDown"], icon="go-next")
        a("previous_document", self.tr("P&revious document"), lambda: self.step_document(-1), keys=["Ctrl+PgUp"],
          icon="go-previous")
        suggest = a("suggest_figures", self.tr("Suggest &figures"), lambda: self.suggest_figures(all_documents=False),
                    keys=["Ctrl+Shift+G"], icon="suggest", edit=True,
                    tip=self.tr("Propose the figures of this document as suggestions to accept or reject"))
        suggest_all = a("suggest_figures_all", self.tr("Suggest figures in &every document"),
                        lambda: self.suggest_figures(all_documents=True), edit=True)
        if importlib.util.find_spec("annotator.suggest") is None:
            for act in (suggest, suggest_all):
                act.setEnabled(False)
                act.setToolTip(self.tr("Figure suggestions are not installed in this version"))
            self.edit_actions.remove(suggest)
            self.edit_actions.remove(suggest_all)
        # span
        for lab in self.project.schema.labels:
            self._label_action(lab.name, lab.key)
        a("next_span", self.tr("&Next span"), lambda: self.tagger.select_step(+1), keys=["J"], icon="go-next")
        a("previous_span", self.tr("&Previous span"), lambda: self.tagger.select_step(-1), keys=["K"], icon="go-previous")
        a("delete_span", self.tr("&Delete span"), self.tagger.delete_selected, keys=[QKeySequence.StandardKey.Delete],
          icon="edit-delete", edit=True)
        a("start_left", self.tr("Extend start (one word left)"), lambda: self.tagger.move_edge("start", -1),
          keys=["Alt+Left"], edit=True)
        a("start_right", self.tr("Shrink start (one word right)"), lambda: self.tagger.move_edge("start", +1),
          keys=["Alt+Right"], edit=True)
        a("end_left", self.tr("Shrink end (one word left)"), lambda: self.tagger.move_edge("end", -1),
          keys=["Alt+Shift+Left"], edit=True)
        a("end_right", self.tr("Extend end (one word right)"), lambda: self.tagger.move_edge("end", +1),
          keys=["Alt+Shift+Right"], edit=True)
        a("accept_span", self.tr("&Accept suggestion"), lambda: self.tagger.set_state(SpanState.ACCEPTED), keys=["A"],
          icon="span-accept", edit=True)
        a("reject_span", self.tr("&Reject suggestion"), lambda: self.tagger.set_state(SpanState.REJECTED), keys=["R"],
          icon="span-reject", edit=True)
        a("accept_all", self.tr("Accept &all suggestions in this document"), self.tagger.accept_all, keys=["Shift+A"],
          icon="span-accept-all", edit=True)
        clear = a("clear_selection", self.tr("&Clear selection"), self.tagger.clear_selection, keys=["Escape"])
        clear.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.removeAction(clear)
        self.text_view.addAction(clear)
        # help
        a("shortcuts", self.tr("&Keyboard shortcuts"), self.show_shortcuts, keys=[QKeySequence.StandardKey.HelpContents])
        a("about", self.tr("&About Annotator"), self.show_about)

    def _label_action(self, name: str, key: str) -> QAction:
        shortcut = key if key and key.lower() not in RESERVED_KEYS else ""
        act = self._action(f"label_{name}", self.tr("Tag as {label}").format(label=name),
                           lambda n=name: self._label_chosen(n), keys=[shortcut.upper()] if shortcut else [],
                           edit=True)
        act.setIcon(icons.swatch(self.project.schema.label(name).color))
        self.label_actions[name] = act
        return act

    def _build_menus(self) -> None:
        bar = self.menuBar()
        acts = self.action_map

        def menu(key: str, title: str) -> QMenu:
            m = bar.addMenu(title)
            m.setObjectName(f"{key}Menu")
            self.menus[key] = m
            return m

        file_menu = menu("file", self.tr("&File"))
        file_menu.addAction(acts["open_project"])
        self.recent_menu = file_menu.addMenu(self.tr("&Recent projects"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self._fill_recent()
        file_menu.addSeparator()
        for name in ("import", "export", "merge"):
            file_menu.addAction(acts[name])
        file_menu.addSeparator()
        file_menu.addAction(acts["switch_person"])
        file_menu.addSeparator()
        file_menu.addAction(acts["quit"])

        edit_menu = menu("edit", self.tr("&Edit"))
        edit_menu.addAction(acts["undo"])
        edit_menu.addAction(acts["redo"])
        edit_menu.addSeparator()
        for name in ("find", "find_next", "find_previous", "search_project"):
            edit_menu.addAction(acts[name])

        view_menu = menu("view", self.tr("&View"))
        for name in ("zoom_in", "zoom_out", "zoom_reset"):
            view_menu.addAction(acts[name])
        view_menu.addSeparator()
        view_menu.addAction(acts["character_precision"])
        view_menu.addSeparator()
        theme_menu = view_menu.addMenu(icons.icon("theme"), self.tr("&Theme"))
        self.theme_group = QActionGroup(self)
        current_theme = self.settings.get(S.THEME)
        for key, text in (("system", self.tr("Follow the &system")), ("light", self.tr("&Light")), ("dark", self.tr("&Dark"))):
            act = theme_menu.addAction(text)
            act.setCheckable(True)
            act.setChecked(key == current_theme)
            act.setObjectName(f"theme_{key}")
            act.triggered.connect(lambda _c=False, k=key: self.set_theme(k))
            self.theme_group.addAction(act)
            self.action_map[f"theme_{key}"] = act
        language_menu = view_menu.addMenu(icons.icon("language"), self.tr("&Language"))
        self.language_group = QActionGroup(self)
        current_language = self.settings.get(S.LANGUAGE)
        for key, text in (("system", self.tr("Follow the &system")), ("en", "&English"), ("vi", "&Tiếng Việt")):
            act = language_menu.addAction(text)
            act.setCheckable(True)
            act.setChecked(key == current_language)
            act.setObjectName(f"language_{key}")
            act.triggered.connect(lambda _c=False, k=key: self.set_language(k))
            self.language_group.addAction(act)
            self.action_map[f"language_{key}"] = act
        view_menu.addSeparator()
        self.panels_menu = view_menu.addMenu(self.tr("&Panels"))
        history = self.history_dock.toggleViewAction()
        history.setText(self.tr("&History"))
        history.setShortcut(QKeySequence("Ctrl+H"))
        self.panels_menu.addAction(history)
        self.action_map["history"] = history
        view_menu.addSeparator()
        for name in ("focus_documents", "focus_text", "focus_spans"):
            view_menu.addAction(acts[name])

        doc_menu = menu("document", self.tr("&Document"))
        status_menu = doc_menu.addMenu(icons.icon("status-set"), self.tr("&Status"))
        for act in self.status_group.actions():
            status_menu.addAction(act)
        doc_menu.addSeparator()
        for name in ("next_unfinished", "next_document", "previous_document"):
            doc_menu.addAction(acts[name])
        doc_menu.addSeparator()
        doc_menu.addAction(acts["suggest_figures"])
        doc_menu.addAction(acts["suggest_figures_all"])
        doc_menu.addAction(acts["accept_all"])

        span_menu = menu("span", self.tr("&Span"))
        self.tag_menu = span_menu.addMenu(self.tr("&Tag as"))
        self._fill_tag_menu()
        span_menu.addSeparator()
        for name in ("next_span", "previous_span", "clear_selection"):
            span_menu.addAction(acts[name])
        span_menu.addSeparator()
        for name in ("start_left", "start_right", "end_left", "end_right"):
            span_menu.addAction(acts[name])
        span_menu.addSeparator()
        for name in ("accept_span", "reject_span", "accept_all", "delete_span"):
            span_menu.addAction(acts[name])

        help_menu = menu("help", self.tr("&Help"))
        help_menu.addAction(acts["shortcuts"])
        help_menu.addAction(acts["about"])

    def _fill_tag_menu(self) -> None:
        self.tag_menu.clear()
        for layer in Layer:
            labels = self.project.schema.labels_of(layer)
            if not labels:
                continue
            self.tag_menu.addSection(_layer_name(self, layer))
            for lab in labels:
                self.tag_menu.addAction(self.label_actions[lab.name])

    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("Main toolbar"), self)
        bar.setObjectName("mainToolBar")
        bar.setIconSize(QSize(18, 18))
        bar.setMovable(False)
        for name in ("open_project", "import", "export", None, "undo", "redo", None, "find", "search_project",
                     None, "previous_document", "next_document", "next_unfinished", None, "suggest_figures",
                     "accept_all", None, "character_precision"):
            if name is None:
                bar.addSeparator()
            else:
                bar.addAction(self.action_map[name])
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        self.toolbar = bar

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.selection_label = QLabel(self)
        self.mode_label = QLabel(self)
        self.doc_label = QLabel(self)
        self.person_label = QLabel(self)
        for label in (self.selection_label, self.mode_label, self.doc_label, self.person_label):
            status.addPermanentWidget(label)
        self.person_label.setToolTip(self.tr("Who is working (File → Switch person…)"))
        self._update_person()
        self._update_mode()

    def _connect(self) -> None:
        self.bus.project_changed.connect(self._on_project_changed)
        self.doc_list.document_activated.connect(self.open_document)
        self.text_view.span_selected.connect(self._on_span_selected)
        self.text_view.selection_changed.connect(self._update_selection_label)
        self.text_view.span_activated.connect(self._span_activated)
        self.tag_panel.span_list.span_chosen.connect(self.select_span)
        self.tag_panel.labels.label_chosen.connect(self._label_chosen)
        self.tag_panel.attributes.attrs_edited.connect(self._attrs_edited)
        self.tag_panel.attributes.accept_requested.connect(self._accept_span)
        self.tag_panel.attributes.reject_requested.connect(self._reject_span)
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        self.undo_stack.failed.connect(self.show_error)
        self.jobs.busy_changed.connect(self._set_busy)
        if self.theme is not None and hasattr(self.theme, "theme_changed"):
            self.theme.theme_changed.connect(self._theme_changed)

    # slots are methods, not lambdas: Qt drops them with the window, so none runs half-destroyed

    def _span_activated(self, _span_id: int) -> None:
        self.tag_panel.attributes.setFocus()

    def _accept_span(self, span_id: int) -> None:
        self._set_span_state(span_id, SpanState.ACCEPTED)

    def _reject_span(self, span_id: int) -> None:
        self._set_span_state(span_id, SpanState.REJECTED)

    def _clean_changed(self, clean: bool) -> None:
        self.setWindowModified(not clean)

    def _theme_changed(self, _scheme: str) -> None:
        self.refresh_icons()

    # ---- settings ----------------------------------------------------------------------------

    def _restore_settings(self) -> None:
        geometry = self.settings.get(S.GEOMETRY)
        if geometry:
            self.restoreGeometry(geometry)
        else:
            self.resize(1360, 860)
        state = self.settings.get(S.WINDOW_STATE)
        if state:
            self.restoreState(state)
        splitter = self.settings.get(S.SPLITTER)
        if splitter:
            self.splitter.restoreState(splitter)
        side = self.settings.get(S.SIDE_SPLITTER)
        if side:
            self.tag_panel.splitter.restoreState(side)
        self.text_view.set_zoom(self.settings.get(S.ZOOM))
        precision = bool(self.settings.get(S.CHARACTER_PRECISION))
        self.action_map["character_precision"].setChecked(precision)
        self.text_view.set_character_precision(precision)
        self._update_mode()

    def save_settings(self) -> None:
        self.settings.set(S.GEOMETRY, bytes(self.saveGeometry().data()))
        self.settings.set(S.WINDOW_STATE, bytes(self.saveState().data()))
        self.settings.set(S.SPLITTER, bytes(self.splitter.saveState().data()))
        self.settings.set(S.SIDE_SPLITTER, bytes(self.tag_panel.splitter.saveState().data()))
        self.settings.set(S.ZOOM, self.text_view.zoom())
        if self.current_doc_id is not None:
            self.settings.set_last_document(str(self.project.path), self.current_doc_id)
        self.settings.sync()

    # ---- documents ---------------------------------------------------------------------------

    def _open_initial_document(self) -> None:
        last = self.settings.last_document(str(self.project.path))
        if last is not None:
            try:
                self.project.documents.info(last)
            except NotFoundError:
                last = None
        if last is None and self.doc_list.model.rowCount():
            last = self.doc_list.model.doc_id(0)
        if last is not None:
            self.open_document(last)
        else:
            self._show_no_document()

    def _show_no_document(self) -> None:
        self.current_doc_id = None
        self.current_status = None
        self._current_title = ""
        self.text_view.set_document("", [], self.project.schema)
        self.tag_panel.span_model.clear()
        self.tag_panel.attributes.set_span(None, None)
        self.tag_panel.set_span_count(0, 0)
        self.doc_heading.setText(self.tr("No documents yet: File → Import…, or drop files here."))
        self._update_title()
        self._update_doc_label()

    def open_document(self, doc_id: int, select: tuple[int, int] | None = None) -> bool:
        """Show a document (and select ``select``, code points, when given)."""
        try:
            doc = self.project.documents.get(doc_id)
        except NotFoundError as exc:
            self.show_error(core_text(exc))
            return False
        if doc_id != self.current_doc_id:
            spans = self.project.spans.for_doc(doc_id)
            self.current_doc_id = doc.id
            self.text_view.set_document(doc.text, spans, self.project.schema)
            self.tag_panel.span_model.set_document(doc.text, spans, self.project.schema)
            self.tag_panel.attributes.set_span(None, None)
            self.tag_panel.labels.set_current(None)
            self.settings.set_last_document(str(self.project.path), doc.id)
        self.current_status = doc.status
        self._current_title = doc.title
        self.doc_heading.setText(doc.title)
        self.doc_heading.setToolTip(doc.source_url or doc.imported_from or "")
        self.doc_list.select(doc.id)
        self._update_title()
        self._update_doc_label()
        self._update_counts()
        self._update_selection_label()
        if select is not None:
            self.text_view.reveal(select[0], select[1], select=True)
            self.text_view.setFocus()
        self.document_opened.emit(doc.id)
        return True

    def select_span(self, span_id: int | None) -> None:
        self.text_view.select_span(span_id)

    def step_document(self, step: int) -> None:
        if self.current_doc_id is None:
            return
        target = self.doc_list.neighbour(self.current_doc_id, step)
        if target is not None:
            self.open_document(target)

    def next_unfinished(self) -> None:
        target = self.project.documents.next_unfinished(after=self.current_doc_id)
        if target is None:
            self.show_message(self.tr("Every document is annotated."))
            return
        self.open_document(target)
        self.text_view.setFocus()

    def set_status(self, status: DocStatus) -> None:
        doc_id = self.current_doc_id
        if doc_id is None or status == self.current_status:
            self._update_doc_label()
            return
        name = self.doc_list.model.status_text(status)
        self.perform(lambda: self.project.documents.set_status(doc_id, status),
                     self.tr("Mark document {status}").format(status=name))

    # ---- editing -----------------------------------------------------------------------------

    def perform(self, action: Callable[[], Changes | Sequence[Changes] | None], text: str) -> Changes | None:
        """Run a core edit as one undoable step; a refusal is shown, not raised."""
        if self.jobs.busy:
            self.show_message(self.tr("Wait until the background job has finished."))
            return None
        return self.undo_stack.perform(action, text, initiator=self)

    def _label_chosen(self, label: str) -> None:
        self.tagger.label_key(label)
        if not self.text_view.hasFocus() and QApplication.focusWidget() is not self.tag_panel.span_list:
            self.text_view.setFocus()

    def _attrs_edited(self, span_id: int, attrs: dict[str, Any]) -> None:
        if self.project.closed:
            return
        span = self.text_view.span(span_id)
        label = span.label if span is not None else ""
        self.perform(lambda: self.project.spans.update(span_id, attrs=attrs),
                     self.tr("Edit attributes of {label}").format(label=label))

    def _set_span_state(self, span_id: int, state: SpanState) -> None:
        self.select_span(span_id)
        self.tagger.set_state(state)

    def _set_busy(self, busy: bool) -> None:
        for action in self.edit_actions:
            action.setEnabled(not busy)
        self.tag_panel.labels.setEnabled(not busy)
        self.tag_panel.attributes.setEnabled(not busy)
        self.action_map["undo"].setEnabled(not busy and self.undo_stack.canUndo())
        self.action_map["redo"].setEnabled(not busy and self.undo_stack.canRedo())

    # ---- reacting to changes -----------------------------------------------------------------

    def _on_project_changed(self, changes: Changes, initiator: object) -> None:
        self.doc_list.model.on_project_changed(changes, initiator)
        if changes.schema:
            self._schema_changed()
        doc_id = self.current_doc_id
        if doc_id is None:
            if changes.documents and self.doc_list.model.rowCount():
                self.open_document(self.doc_list.model.doc_id(0))
            return
        if doc_id in changes.documents:
            try:
                info = self.project.documents.info(doc_id)
            except NotFoundError:
                self._show_no_document()
                return
            if changes.op.startswith(BULK_OPS):
                # bulk operations (import into a known document, merge) do not list their spans
                self._reload_current()
                return
            if info.status != self.current_status or info.title != self._current_title:
                self.current_status = info.status
                self._current_title = info.title
                self.doc_heading.setText(info.title)
                self._update_title()
                self._update_doc_label()
        if changes.spans:
            found = self.project.spans.get_many(sorted(changes.spans))
            mine = [s for s in found if s.doc_id == doc_id]
            kept = {s.id for s in mine}
            removed = {i for i in changes.spans if i not in kept and self.text_view.span(i) is not None}
            if mine or removed:
                self.text_view.apply_changes(mine, removed)
                self.tag_panel.span_model.apply_changes(mine, removed)
                self._update_counts()
                selected = self.text_view.selected_span_id()
                if selected is not None and (selected in kept or changes.links):
                    self._on_span_selected(selected)
        elif changes.links:
            selected = self.text_view.selected_span_id()
            if selected is not None:
                self._on_span_selected(selected)

    def _reload_current(self) -> None:
        """Show the open document again from the project, keeping the place and the selection."""
        doc_id = self.current_doc_id
        if doc_id is None:
            return
        selected = self.text_view.selected_span_id()
        scroll = self.text_view.verticalScrollBar().value()
        self.current_doc_id = None
        if self.open_document(doc_id):
            self.text_view.verticalScrollBar().setValue(scroll)
            if selected is not None:
                self.text_view.select_span(selected)

    def _schema_changed(self) -> None:
        schema = self.project.schema
        self.tag_panel.labels.set_schema(schema)
        for act in self.label_actions.values():
            self.removeAction(act)
        self.label_actions.clear()
        for lab in schema.labels:
            self._label_action(lab.name, lab.key)
        self._fill_tag_menu()
        self._reload_current()

    def _on_span_selected(self, span_id: int) -> None:
        span = self.text_view.span(span_id) if span_id >= 0 else None
        self.tag_panel.span_list.show_span(span.id if span is not None else None)
        entity_name = None
        if span is not None and span.entity_id is not None:
            try:
                entity_name = self.project.entities.get(span.entity_id).name
            except NotFoundError:
                entity_name = None
        self.tag_panel.attributes.set_span(span, self.project.schema, text=self.text_view.text(),
                                           entity_name=entity_name)
        self.tag_panel.labels.set_current(span.label if span is not None else None)
        linked: set[int] = set()
        if span is not None and span.layer == Layer.CLAIM:
            linked = {link.target_id for link in self.project.links.for_span(span.id) if link.source_id == span.id}
        self.text_view.set_highlighted(linked)
        self._update_selection_label()
        self.span_selected.emit(span.id if span is not None else -1)

    # ---- labels in the window ---------------------------------------------------------------

    def _update_title(self) -> None:
        parts = [p for p in (self._current_title, self.project.name, APP_NAME) if p]
        parts[0] += "[*]"  # where Qt shows the modified mark
        self.setWindowTitle(" — ".join(parts))

    def _update_doc_label(self) -> None:
        status = self.current_status
        for act in self.status_group.actions():
            act.setChecked(status is not None and act.objectName() == f"status_{status}")
        if self.current_doc_id is None or status is None:
            self.doc_label.setText(self.tr("No document"))
            return
        model = self.doc_list.model
        row = model.row_of(self.current_doc_id, load=False)
        position = self.tr("Document {n} of {total}").format(n=(row + 1) if row is not None else "–",
                                                             total=model.total)
        self.doc_label.setText(f"{position} · {model.status_text(status)}")

    def _update_counts(self) -> None:
        spans = self.tag_panel.span_model.spans()
        suggested = sum(1 for s in spans if s.state == SpanState.SUGGESTED)
        self.tag_panel.set_span_count(len(spans), suggested)

    def _update_selection_label(self) -> None:
        rng = self.text_view.selection_range()
        span_id = self.text_view.selected_span_id()
        if rng is not None:
            self.selection_label.setText(self.tr("Selection {start}–{end}").format(start=rng[0], end=rng[1]))
        elif span_id is not None and (span := self.text_view.span(span_id)) is not None:
            self.selection_label.setText(f"{span.label} {span.start}–{span.end}")
        else:
            self.selection_label.setText("")

    def _update_mode(self) -> None:
        if self.action_map["character_precision"].isChecked():
            self.mode_label.setText(self.tr("Characters"))
            self.mode_label.setToolTip(self.tr("Selections are exact to the character (Ctrl+Shift+C for words)"))
        else:
            self.mode_label.setText(self.tr("Words"))
            self.mode_label.setToolTip(self.tr("Selections snap to whole words (Ctrl+Shift+C for characters)"))

    def _update_person(self) -> None:
        self.person_label.setText(self.project.actor)

    def show_message(self, text: str, msecs: int = 6000) -> None:
        self.statusBar().showMessage(text, msecs)

    def show_error(self, text: str) -> None:
        """Show a refusal or failure: in the status bar, and in a box for long texts."""
        self.statusBar().showMessage(text, 12000)
        QApplication.beep()

    def message_box(self, icon: QMessageBox.Icon, title: str, text: str, details: str = "") -> QMessageBox:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self)
        if details:
            box.setDetailedText(details)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    def refresh_icons(self) -> None:
        for action in self.findChildren(QAction):
            name = action.property("icon_name")
            if name:
                action.setIcon(icons.icon(str(name)))
        self.find_bar.refresh_icons()
        self.doc_list.view.viewport().update()

    # ---- view --------------------------------------------------------------------------------

    def zoom_in(self) -> None:
        self.text_view.zoom_in()
        self.settings.set(S.ZOOM, self.text_view.zoom())

    def zoom_out(self) -> None:
        self.text_view.zoom_out()
        self.settings.set(S.ZOOM, self.text_view.zoom())

    def zoom_reset(self) -> None:
        self.text_view.set_zoom(0)
        self.settings.set(S.ZOOM, 0)

    def set_character_precision(self, on: bool) -> None:
        self.action_map["character_precision"].setChecked(on)
        self.text_view.set_character_precision(on)
        self.settings.set(S.CHARACTER_PRECISION, bool(on))
        self._update_mode()
        self._update_selection_label()

    def set_theme(self, choice: str) -> None:
        self.settings.set(S.THEME, choice)
        self.action_map[f"theme_{choice}"].setChecked(True)
        if self.theme is not None:
            self.theme.apply(choice)

    def set_language(self, language: str) -> None:
        self.settings.set(S.LANGUAGE, language)
        self.action_map[f"language_{language}"].setChecked(True)
        self.language_change_requested.emit(language)

    def open_search(self) -> None:
        if self.search_dialog is None:
            self.search_dialog = SearchDialog(self.project, self)
            self.search_dialog.hit_activated.connect(self._open_hit)
        rng = self.text_view.selection_range()
        self.search_dialog.open_with(self.text_view.text()[rng[0]:rng[1]] if rng else "")

    def _open_hit(self, doc_id: int, start: int, end: int) -> None:
        self.open_document(doc_id, select=(start, end))
        self.activateWindow()

    def show_shortcuts(self) -> ShortcutsDialog:
        def flat(menu: QMenu) -> list[QAction]:
            """The menu's actions with those of its submenus (Status, Panels); Tag as has its own section."""
            found: list[QAction] = []
            for act in menu.actions():
                sub = act.menu()
                if isinstance(sub, QMenu) and sub is not self.tag_menu:
                    found.extend(flat(sub))
                elif not act.isSeparator():
                    found.append(act)
            return found

        in_bar = [a.menu() for a in self.menuBar().actions()]  # in the menu bar's order
        menus = sorted(self.menus.values(), key=lambda m: in_bar.index(m) if m in in_bar else len(in_bar))
        sections = [(m.title(), flat(m)) for m in menus]
        sections.insert(5, (self.tr("Tag as"), list(self.label_actions.values())))
        dialog = ShortcutsDialog(sections, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_about(self) -> None:
        from annotator import __version__

        QMessageBox.about(self, self.tr("About Annotator"), self.tr(
            "<h3>Annotator {version}</h3><p>Offline annotation of news text: entities, figures and claims, "
            "with review and exact exports.</p><p>Project: {path}</p>").format(
                version=__version__, path=self.project.path))

    # ---- people ------------------------------------------------------------------------------

    def switch_person(self) -> str | None:
        dialog = PersonDialog(self.project.people.list(), self.project.actor, self)
        if dialog.exec() != PersonDialog.DialogCode.Accepted:
            return None
        name = dialog.chosen()
        self.set_person(name)
        return name

    def set_person(self, name: str) -> None:
        self.project.lock()
        self.project.actor = name
        self.settings.set(S.PERSON, name)
        self._update_person()
        self.show_message(self.tr("Working as {name}.").format(name=name))

    # ---- projects ----------------------------------------------------------------------------

    def choose_project(self) -> None:
        start = str(Path(self.project.path).parent.parent)
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open project"), start,
                                              self.tr("Annotator projects (project.db *.annotator);;All files (*)"))
        if path:
            p = Path(path)
            self.project_open_requested.emit(str(p.parent if p.name == "project.db" else p))

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.get(S.RECENT_PROJECTS)
        for k, path in enumerate(recent):
            act = self.recent_menu.addAction(f"&{k + 1} {path}" if k < 9 else path)
            act.triggered.connect(lambda _c=False, p=path: self.project_open_requested.emit(p))
        if not recent:
            empty = self.recent_menu.addAction(self.tr("(none)"))
            empty.setEnabled(False)

    # ---- background jobs ---------------------------------------------------------------------

    def run_job(self, fn: Callable[..., Any], *, title: str, label: str,
                on_result: Callable[[Any], None] | None = None, own_project: bool = True) -> Job | None:
        """Run ``fn(project, progress)`` (its own connection) in the background; errors are shown."""
        if self.jobs.busy:
            self.show_message(self.tr("Wait until the background job has finished."))
            return None
        return self.jobs.run(fn, title=title, label=label, own_project=own_project,
                             project_path=str(self.project.path), actor=self.project.actor,
                             on_result=on_result, on_error=lambda exc: self._job_failed(title, exc),
                             on_cancel=lambda: self.show_message(self.tr("{title}: cancelled; nothing was changed.")
                                                                 .format(title=title)))

    def _job_failed(self, title: str, exc: BaseException) -> None:
        if isinstance(exc, AnnotatorError):
            self.message_box(QMessageBox.Icon.Warning, title, core_text(exc))
        else:
            import traceback

            details = "".join(traceback.format_exception(exc))
            self.message_box(QMessageBox.Icon.Critical, title,
                              self.tr("Something went wrong: {error}").format(error=exc), details)

    def import_dialog(self, paths: list[str] | None = None) -> ImportDialog:
        return self.bulk.import_dialog(paths)

    def import_paths(self, paths: list[str], **options: Any) -> Job | None:
        return self.bulk.import_paths(paths, **options)

    def export_dialog(self) -> ExportDialog:
        return self.bulk.export_dialog()

    def export(self, options: ExportOptions) -> Job | None:
        return self.bulk.export(options)

    def merge_dialog(self) -> None:
        self.bulk.merge_dialog()

    def merge_paths(self, paths: list[str]) -> Job | None:
        return self.bulk.merge_paths(paths)

    def suggest_figures(self, *, all_documents: bool) -> Job | None:
        return self.bulk.suggest_figures(all_documents=all_documents)

    def set_merge_handler(self, handler: Callable[[list[str]], object] | None) -> None:
        self.merge_handler = handler
        self.action_map["merge"].setEnabled(handler is not None)

    def add_dock(self, dock: QDockWidget, area: Qt.DockWidgetArea = Qt.DockWidgetArea.RightDockWidgetArea) -> None:
        """Add a feature's dock; it is listed under View → Panels and its place is remembered.

        Feature docks asking for the same side share it as tabs, and start narrow so the article
        keeps its room; a layout the person arranged before is restored instead.
        """
        if not dock.objectName():
            dock.setObjectName(f"{type(dock).__name__}Dock")
        others = [d for d in self._feature_docks if self.dockWidgetArea(d) == area]
        self.addDockWidget(area, dock)
        if others:
            self.tabifyDockWidget(others[-1], dock)
        elif area in (Qt.DockWidgetArea.RightDockWidgetArea, Qt.DockWidgetArea.LeftDockWidgetArea):
            self.resizeDocks([dock], [300], Qt.Orientation.Horizontal)
        self._feature_docks.append(dock)
        self.panels_menu.addAction(dock.toggleViewAction())
        state = self.settings.get(S.WINDOW_STATE)
        if state:
            self.restoreDockWidget(dock)

    # ---- drag and drop ---------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if urls and all(u.isLocalFile() for u in urls) and not self.jobs.busy:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.import_paths(paths)

    # ---- closing -----------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self.jobs.busy and self.jobs.current is not None:
            self.jobs.current.cancel()
        self.jobs.wait()
        self.tag_panel.attributes.set_span(None, None)  # sends what is typed, then stops editing
        self.save_settings()
        if self.search_dialog is not None:
            self.search_dialog.close()
        self.bus.detach()
        if not self._closing:
            self._closing = True
            self.project.close()
        super().closeEvent(event)
        self.closed.emit()


def _layer_name(window: QWidget, layer: Layer) -> str:
    from ui.tagpanel import layer_title

    return layer_title(layer)
