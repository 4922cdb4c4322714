"""Adjudication: one document with each annotator's spans side by side, a key takes a version.

The window shows a column per annotator (their spans only) and one for the gold layer, and
below them the list of disagreements. The current disagreement is marked in every column.
Keys: ``1``…``9`` take annotator N's version of it into the gold layer (``0``: nothing there),
then the next disagreement comes; ``Return`` next, ``Shift+Return`` previous disagreement;
``PgDown``/``PgUp`` next/previous document; ``Ctrl+Z`` undoes the last step. Each take is
one core operation (:func:`annotator.adjudicate.take`), pushed on the main window's undo
stack when there is one.

:func:`install` adds to the main window: Review → Agreement… (Ctrl+Shift+K), Review →
Adjudicate… (Ctrl+Shift+D) and Review → Merge conflicts…; File → Merge… is the window's own.
GUI thread only; the UI runs no SQL.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QCloseEvent, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.adjudicate import (
    Choice,
    DocumentRegions,
    Region,
    documents_to_adjudicate,
    gold_spans,
    regions,
    take,
)
from annotator.errors import AnnotatorError
from annotator.model import Changes
from annotator.project import Project
from ui.i18n import core_text, layer_name
from ui.textview import SpanTextView

_Index = QModelIndex | QPersistentModelIndex
Perform = Callable[[Callable[[], Changes], str], Any]


def _version_text(text: str, spans: tuple[Any, ...]) -> str:
    if not spans:
        return "–"
    return "; ".join(f"{s.label} «{text[s.start:s.end]}»" for s in spans)


class DisagreementModel(QAbstractTableModel):
    """The disagreements of one document: region, its text, gold, then one column per annotator."""

    COL_REGION, COL_TEXT, COL_GOLD = 0, 1, 2
    FIRST_ANNOTATOR = 3
    RegionRole = Qt.ItemDataRole.UserRole + 1
    """the :class:`annotator.adjudicate.Region` of the row"""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._annotators: list[str] = []
        self._rows: list[Region] = []
        self._decided: dict[str, str | None] = {}

    def set_document(self, text: str, doc: DocumentRegions | None) -> None:
        self.beginResetModel()
        self._text = text
        self._annotators = list(doc.annotators) if doc else []
        self._rows = list(doc.disagreements) if doc else []
        self._decided = dict(doc.decided) if doc else {}
        self.endResetModel()

    def update_regions(self, doc: DocumentRegions) -> None:
        """Same document, gold changed: the rows stay, their gold column changes."""
        fresh = {r.key: r for r in doc.disagreements}
        if [r.key for r in self._rows] != [r.key for r in doc.disagreements] or list(doc.annotators) != self._annotators:
            self.set_document(self._text, doc)
            return
        self._rows = [fresh[r.key] for r in self._rows]
        self._decided = dict(doc.decided)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.columnCount() - 1))

    def region(self, row: int) -> Region | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.FIRST_ANNOTATOR + len(self._annotators)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == self.COL_REGION:
            return self.tr("Where")
        if section == self.COL_TEXT:
            return self.tr("Text")
        if section == self.COL_GOLD:
            return self.tr("Gold")
        k = section - self.FIRST_ANNOTATOR
        if 0 <= k < len(self._annotators):
            return f"{k + 1} · {self._annotators[k]}" if k < 9 else self._annotators[k]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == self.RegionRole:
            return r
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.COL_REGION:
                return f"{layer_name(r.layer)} {r.start}–{r.end}"
            if col == self.COL_TEXT:
                return self._text[r.start:r.end].replace("\n", " ")[:80]
            if col == self.COL_GOLD:
                if r.key in self._decided and not r.gold:
                    return self.tr("(no span)")
                if not r.gold:
                    return "–"
                who = r.gold_matches()
                return ", ".join(who) if who else _version_text(self._text, r.gold)
            k = col - self.FIRST_ANNOTATOR
            if 0 <= k < len(self._annotators):
                return _version_text(self._text, r.versions.get(self._annotators[k], ()))
        if role == Qt.ItemDataRole.FontRole and col >= self.FIRST_ANNOTATOR:
            k = col - self.FIRST_ANNOTATOR
            if 0 <= k < len(self._annotators) and self._annotators[k] in r.gold_matches():
                font = QFont()
                font.setBold(True)
                return font
        if role == Qt.ItemDataRole.ToolTipRole and col >= self.FIRST_ANNOTATOR:
            return self.tr("Press {key} to take this version").format(key=col - self.FIRST_ANNOTATOR + 1)
        return None


class AdjudicationWindow(QMainWindow):
    """Settle one document's disagreements at a time, from the keyboard."""

    document_changed = Signal(int)
    """the document now shown"""
    taken = Signal(int)
    """a version was taken into the gold layer of this document"""

    def __init__(self, project: Project, *, doc_id: int | None = None, perform: Perform | None = None,
                 undo: Callable[[], Any] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self._perform = perform
        self._undo = undo
        self.doc_id: int | None = None
        self.doc: DocumentRegions | None = None
        self._text = ""
        self.setWindowTitle(self.tr("Adjudicate"))
        self.resize(1100, 700)

        top = QWidget(self)
        bar = QHBoxLayout(top)
        bar.setContentsMargins(6, 6, 6, 0)
        self.doc_combo = QComboBox(top)
        self.doc_combo.setObjectName("adjudicationDocuments")
        self.doc_combo.setMinimumContentsLength(30)
        self.prev_doc = QPushButton(self.tr("◀ Document"), top)
        self.next_doc = QPushButton(self.tr("Document ▶"), top)
        self.info = QLabel(top)
        self.info.setObjectName("adjudicationInfo")
        self.info.setContentsMargins(8, 2, 8, 2)
        self.info.setWordWrap(True)
        bar.addWidget(QLabel(self.tr("Document:"), top))
        bar.addWidget(self.doc_combo, 1)
        bar.addWidget(self.prev_doc)
        bar.addWidget(self.next_doc)

        self.columns = QSplitter(Qt.Orientation.Horizontal, self)
        self.views: list[SpanTextView] = []
        self.headers: list[QLabel] = []
        self.model = DisagreementModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("disagreements")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._show_current(cur.row()))

        body = QSplitter(Qt.Orientation.Vertical, self)
        body.addWidget(self.columns)
        body.addWidget(self.table)
        body.setStretchFactor(0, 3)
        body.setStretchFactor(1, 1)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(top)
        layout.addWidget(self.info)
        layout.addWidget(body, 1)
        self.setCentralWidget(central)

        self._keys: list[QShortcut] = []
        for n in range(10):
            sc = QShortcut(QKeySequence(str(n)), self)
            sc.activated.connect(lambda n=n: self.take_version(None if n == 0 else n - 1))
            self._keys.append(sc)
        for seq, slot in (("Return", lambda: self.step(+1)), ("Enter", lambda: self.step(+1)),
                          ("Shift+Return", lambda: self.step(-1)), ("Shift+Enter", lambda: self.step(-1)),
                          ("PgDown", lambda: self.step_document(+1)), ("PgUp", lambda: self.step_document(-1)),
                          (QKeySequence.StandardKey.Undo, self.undo)):
            sc = QShortcut(QKeySequence(seq), self)
            sc.activated.connect(slot)
            self._keys.append(sc)
        self.prev_doc.clicked.connect(lambda: self.step_document(-1))
        self.next_doc.clicked.connect(lambda: self.step_document(+1))
        self.doc_combo.activated.connect(lambda k: self.open_document(int(self.doc_combo.itemData(k))))
        self._unsubscribe = project.subscribe(self._on_changes)
        self._busy = False
        self.reload_documents()
        if doc_id is not None:
            self.open_document(doc_id)
        elif self.doc_combo.count():
            self.open_document(int(self.doc_combo.itemData(0)))
        else:
            self._update_info()

    # ---- documents --------------------------------------------------------------------------

    def reload_documents(self) -> None:
        """List the documents at least two people annotated."""
        ids = documents_to_adjudicate(self.project)
        infos: dict[int, Any] = {int(d.id): d for d in self.project.documents.infos(ids)}
        self.doc_combo.blockSignals(True)
        self.doc_combo.clear()
        for i in ids:
            title = infos[i].title if i in infos else ""
            self.doc_combo.addItem(f"{i} · {title}"[:90], i)
        self.doc_combo.blockSignals(False)

    def open_document(self, doc_id: int) -> None:
        try:
            text = self.project.documents.text(doc_id)
            doc = regions(self.project, doc_id)
        except AnnotatorError as exc:
            self.info.setText(core_text(exc))
            return
        self.doc_id, self.doc, self._text = doc_id, doc, text
        k = self.doc_combo.findData(doc_id)
        if k >= 0:
            self.doc_combo.setCurrentIndex(k)
        self._build_columns(doc)
        self.model.set_document(text, doc)
        self.table.resizeColumnsToContents()
        if self.model.rowCount():
            self.table.selectRow(0)
        else:
            self._show_current(-1)
        self.document_changed.emit(doc_id)

    def _build_columns(self, doc: DocumentRegions) -> None:
        names = [*doc.annotators, "gold"]
        while len(self.views) < len(names):
            box = QWidget(self.columns)
            lay = QVBoxLayout(box)
            lay.setContentsMargins(2, 2, 2, 2)
            header = QLabel(box)
            header.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            view = SpanTextView(box)
            view.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
            lay.addWidget(header)
            lay.addWidget(view, 1)
            self.columns.addWidget(box)
            self.views.append(view)
            self.headers.append(header)
        schema = self.project.schema
        spans = self.project.spans.for_doc(doc.doc_id, states=["accepted"])
        gold_ids = {s.id for s in gold_spans(self.project, doc.doc_id)}
        for k, view in enumerate(self.views):
            column = view.parentWidget()
            if column is not None:
                column.setVisible(k < len(names))
            if k >= len(names):
                continue
            name = names[k]
            if name == "gold":
                mine = [s for s in spans if s.id in gold_ids]
                self.headers[k].setText(self.tr("Gold (adjudicated)"))
            else:
                mine = [s for s in spans if s.annotator == name and s.id not in gold_ids]
                self.headers[k].setText(f"{k + 1} · {name}" if k < 9 else name)
            view.set_document(self._text, mine, schema, doc_id=doc.doc_id)

    def step_document(self, step: int) -> None:
        n = self.doc_combo.count()
        if not n:
            return
        k = self.doc_combo.currentIndex()
        k = max(0, min(n - 1, (k if k >= 0 else 0) + step))
        self.open_document(int(self.doc_combo.itemData(k)))

    # ---- disagreements ----------------------------------------------------------------------------

    @property
    def current_row(self) -> int:
        return self.table.currentIndex().row() if self.table.currentIndex().isValid() else -1

    def current_region(self) -> Region | None:
        return self.model.region(self.current_row)

    def step(self, step: int) -> None:
        n = self.model.rowCount()
        if not n:
            return
        row = self.current_row
        row = 0 if row < 0 else max(0, min(n - 1, row + step))
        self.table.selectRow(row)

    def _show_current(self, row: int) -> None:
        region = self.model.region(row)
        names = [*(self.doc.annotators if self.doc else []), "gold"]
        for k, view in enumerate(self.views[: len(names)]):
            if region is None:
                view.set_highlighted([])
                continue
            ids = [s.id for s in (region.gold if names[k] == "gold" else region.versions.get(names[k], ()))]
            view.set_highlighted(ids)
            view.reveal(region.start, region.end, select=True)  # the region, marked in every column
        self._update_info()

    def _update_info(self) -> None:
        if self.doc is None:
            self.info.setText(self.tr("No document has the work of two annotators yet."))
            return
        n = self.model.rowCount()
        if not n:
            self.info.setText(self.tr("Document {doc}: the annotators agree everywhere.").format(doc=self.doc_id))
            return
        row = self.current_row
        settled = sum(1 for r in range(n) if (reg := self.model.region(r)) is not None and reg.key in self.doc.decided)
        self.info.setText(self.tr("Disagreement {k} of {n} ({settled} settled). Keys: 1–{m} take that annotator's "
                                  "version, 0 none, Return next, Shift+Return previous, Ctrl+Z undo.").format(
            k=row + 1, n=n, settled=settled, m=min(9, len(self.doc.annotators))))

    def take_version(self, annotator_index: int | None) -> Changes | None:
        """Take annotator number ``annotator_index`` (0-based; ``None``: nothing) for the current region."""
        region = self.current_region()
        if region is None or self.doc is None or self.doc_id is None:
            return None
        if annotator_index is not None and not 0 <= annotator_index < len(self.doc.annotators):
            return None
        who = None if annotator_index is None else self.doc.annotators[annotator_index]
        doc_id = self.doc_id
        text = self.tr("Take {who}'s version").format(who=who) if who else self.tr("Take no span")

        def action() -> Changes:
            return take(self.project, doc_id, Choice(region.key, who))

        self._busy = True
        try:
            if self._perform is not None:
                result = self._perform(action, text)
            else:
                result = action()
        except AnnotatorError as exc:
            self.info.setText(core_text(exc))
            return None
        finally:
            self._busy = False
        row = self.current_row
        self._refresh()
        self.table.selectRow(min(row + 1, self.model.rowCount() - 1))
        self.taken.emit(doc_id)
        return result if isinstance(result, Changes) else None

    def undo(self) -> None:
        try:
            if self._undo is not None:
                self._undo()
            else:
                self.project.undo()
        except AnnotatorError as exc:
            self.info.setText(core_text(exc))
        self._refresh()

    def _refresh(self) -> None:
        """Gold changed: redraw the columns and the list, keeping the place."""
        if self.doc_id is None:
            return
        row = self.current_row
        doc = regions(self.project, self.doc_id)
        self.doc = doc
        self._build_columns(doc)
        self.model.update_regions(doc)
        if self.model.rowCount():
            self.table.selectRow(max(0, min(row, self.model.rowCount() - 1)))
        self._show_current(self.current_row)

    def _on_changes(self, changes: Changes) -> None:
        if self._busy or self.doc_id is None or changes.op.startswith("adjudicate"):
            return
        if self.doc_id in changes.documents:
            self._refresh()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._unsubscribe()
        super().closeEvent(event)


class ConflictsDialog(QDialog):
    """The conflicts merges left: pick the version to keep (core: annotator.conflicts.resolve)."""

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        from ui.agreement_view import ConflictModel

        super().__init__(parent)
        self.project = project
        self.setWindowTitle(self.tr("Merge conflicts"))
        self.resize(900, 420)
        self.model = ConflictModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("conflicts")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.versions = QComboBox(self)
        self.keep = QPushButton(self.tr("Keep this version"), self)
        self.keep.clicked.connect(self.resolve_current)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Version:"), self))
        row.addWidget(self.versions, 1)
        row.addWidget(self.keep)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _p: self._fill_versions(cur.row()))
        self.reload()

    def reload(self) -> None:
        from annotator.conflicts import conflicts

        self.model.set_conflicts(conflicts(self.project))
        if self.model.rowCount():
            self.table.selectRow(0)
        else:
            self._fill_versions(-1)

    def _fill_versions(self, row: int) -> None:
        self.versions.clear()
        c = self.model.conflict(row)
        self.keep.setEnabled(c is not None)
        if c is None:
            return
        for k, text in enumerate(c.version_texts()):
            self.versions.addItem(text, k)
        self.versions.setCurrentIndex(c.kept)

    def resolve_current(self) -> None:
        from annotator.conflicts import resolve

        c = self.model.conflict(self.table.currentIndex().row())
        if c is None:
            return
        try:
            resolve(self.project, c.key, int(self.versions.currentData()))
        except AnnotatorError as exc:
            self.setWindowTitle(core_text(exc))
            return
        self.reload()


# ---- the main window's menus --------------------------------------------------------------------


def _review_menu(window: QMainWindow) -> QMenu:
    """The Review menu (made by the review feature; made here if it is missing)."""
    bar = window.menuBar()
    for action in bar.actions():
        menu = action.menu()
        if isinstance(menu, QMenu) and action.objectName() == "menu_review":
            return menu
    menu = QMenu(QCoreApplication.translate("Adjudication", "&Review"), bar)
    menu.setObjectName("reviewMenu")
    menu.menuAction().setObjectName("menu_review")
    menus = getattr(window, "menus", None)
    help_menu = menus.get("help") if isinstance(menus, dict) else None
    if isinstance(help_menu, QMenu):
        bar.insertMenu(help_menu.menuAction(), menu)
    else:
        bar.addMenu(menu)
    if isinstance(menus, dict):
        menus.setdefault("review", menu)
    return menu


def open_agreement(window: Any) -> Any:
    """Compute agreement (in the background when the window can) and show it."""
    from annotator.agreement import agreement
    from ui.agreement_view import AgreementDialog

    dialog = AgreementDialog(window.project, parent=window)
    dialog.document_activated.connect(lambda doc_id: open_adjudication(window, doc_id))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    run_job = getattr(window, "run_job", None)
    if callable(run_job):
        run_job(lambda project, progress: agreement(project, progress=progress),
                title=QCoreApplication.translate("Adjudication", "Agreement"),
                label=QCoreApplication.translate("Adjudication", "Comparing annotators…"),
                on_result=dialog.set_report)
    else:
        dialog.set_report(agreement(window.project))
    window.agreement_dialog = dialog
    return dialog


def open_adjudication(window: Any, doc_id: int | None = None) -> AdjudicationWindow:
    """The adjudication window of the main window (one), on ``doc_id`` or the current document."""
    existing = getattr(window, "adjudication_window", None)
    if doc_id is None:
        current = getattr(window, "current_doc_id", None)
        if current is not None and current in documents_to_adjudicate(window.project):
            doc_id = current
    if isinstance(existing, AdjudicationWindow) and existing.isVisible():
        if doc_id is not None:
            existing.open_document(doc_id)
        existing.raise_()
        existing.activateWindow()
        return existing
    perform = getattr(window, "perform", None)
    undo_stack = getattr(window, "undo_stack", None)
    adj = AdjudicationWindow(window.project, doc_id=doc_id, perform=perform if callable(perform) else None,
                             undo=undo_stack.undo if undo_stack is not None else None, parent=window)
    adj.setWindowFlag(Qt.WindowType.Window, True)
    adj.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    adj.show()
    window.adjudication_window = adj
    return adj


def open_conflicts(window: Any) -> ConflictsDialog:
    dialog = ConflictsDialog(window.project, parent=window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    window.conflicts_dialog = dialog
    return dialog


def install(window: QMainWindow) -> dict[str, QAction]:
    """Add Agreement…, Adjudicate… and Merge conflicts… to the Review menu of ``window``."""
    menu = _review_menu(window)
    menu.addSeparator()
    actions: dict[str, QAction] = {}
    for name, text, key, tip, slot in (
        ("agreement", QCoreApplication.translate("Adjudication", "&Agreement…"), "Ctrl+Shift+K",
         QCoreApplication.translate("Adjudication",
                                    "How far the annotators agree: span F1, kappa, alpha (Ctrl+Shift+K)"),
         open_agreement),
        ("adjudicate", QCoreApplication.translate("Adjudication", "A&djudicate…"), "Ctrl+Shift+D",
         QCoreApplication.translate("Adjudication",
                                    "Settle where annotators differ, into the gold layer (Ctrl+Shift+D)"),
         open_adjudication),
        ("conflicts", QCoreApplication.translate("Adjudication", "Merge &conflicts…"), "",
         QCoreApplication.translate("Adjudication",
                                    "Rows two people changed differently, kept by merges for you to settle"),
         open_conflicts),
    ):
        action = QAction(text, window)
        action.setObjectName(f"action_{name}")
        if key:
            action.setShortcut(QKeySequence(key))
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False, slot=slot: slot(window))
        menu.addAction(action)
        window.addAction(action)
        actions[name] = action
    action_map = getattr(window, "action_map", None)
    if isinstance(action_map, dict):
        action_map.update(actions)
    return actions
