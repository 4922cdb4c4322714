"""The review window: the editors' queue of claims across the project, triaged from the keyboard.

The queue (:class:`ClaimQueueModel` behind :class:`ClaimFilterProxy`) lists claims filtered by
state, verdict, annotator, document, check-worthiness and text. The pane beside it shows the
selected claim: its sentence with the sentences around it, its linked figures with their
normalised values, its entities and claimant, the review so far and its history.

Keys (shown in the menus and tooltips): Return opens the claim in the main window, N / Shift+N
the next / previous claim, F flag, U unflag, T take into review, R return, V revise, X dismiss,
D decide, P publish, O reopen, Ctrl+L unlock. The window only mirrors the core's rules
(``project.claims.allowed``): editor steps ask an editor to unlock with the passphrase first, and
are disabled, with the reason in the tooltip, for annotators. Use from the GUI thread.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from annotator.errors import AnnotatorError
from annotator.folding import fold
from annotator.model import Changes
from annotator.project import Project
from annotator.review import (
    ACTIONS,
    CHECKWORTHINESS,
    QUEUE_STATES,
    STATES,
    VERDICTS,
    ActionCheck,
    ClaimRecord,
)
from ui import icons
from ui.bus import ProjectBus
from ui.i18n import choice_title, core_text
from ui.settings import REVIEW_HIDDEN_COLUMNS, REVIEW_SPLITTER, Settings

Index = QModelIndex | QPersistentModelIndex

ID, STATE, CLAIM, VERDICT, CHECKWORTHY, ANNOTATOR, DOCUMENT = range(7)
COLUMNS = 7
COLUMN_KEYS = {STATE: "state", VERDICT: "verdict", CHECKWORTHY: "checkworthiness", ANNOTATOR: "annotator",
               DOCUMENT: "article"}
"""the columns a person may hide (right-click the header), by their key in the settings"""
ClaimRole = Qt.ItemDataRole.UserRole + 1
"""the :class:`~annotator.review.ClaimRecord` of the row"""
ClaimIdRole = Qt.ItemDataRole.UserRole + 2
"""the claim id (int)"""

STATE_COLORS = {"draft": "#80868b", "flagged": "#d93025", "in_review": "#e8710a", "returned": "#b06000",
                "decided": "#1a73e8", "published": "#188038", "dismissed": "#9aa0a6"}
KEYS = {"open": "Return", "next": "N", "previous": "Shift+N", "flag": "F", "unflag": "U", "take": "T",
        "return": "R", "revise": "V", "dismiss": "X", "decide": "D", "publish": "P", "reopen": "O",
        "unlock": "Ctrl+L", "find": "Ctrl+F", "close": "Ctrl+W"}
QUEUE = "queue"  # the state filter's "editors' queue" choice


def state_name(state: str) -> str:
    names = {
        "draft": QCoreApplication.translate("ReviewWindow", "Draft"),
        "flagged": QCoreApplication.translate("ReviewWindow", "Flagged"),
        "in_review": QCoreApplication.translate("ReviewWindow", "In review"),
        "returned": QCoreApplication.translate("ReviewWindow", "Returned"),
        "decided": QCoreApplication.translate("ReviewWindow", "Decided"),
        "published": QCoreApplication.translate("ReviewWindow", "Published"),
        "dismissed": QCoreApplication.translate("ReviewWindow", "Dismissed"),
    }
    return names.get(state, state)


def verdict_name(verdict: str | None) -> str:
    if not verdict:
        return ""
    names = {
        "supported": QCoreApplication.translate("ReviewWindow", "Supported"),
        "refuted": QCoreApplication.translate("ReviewWindow", "Refuted"),
        "conflicting": QCoreApplication.translate("ReviewWindow", "Conflicting"),
        "not_enough_evidence": QCoreApplication.translate("ReviewWindow", "Not enough evidence"),
    }
    return names.get(verdict, verdict)


def checkworthiness_name(value: str | None) -> str:
    if not value:
        return ""
    names = {
        "non_factual": QCoreApplication.translate("ReviewWindow", "Non-factual"),
        "unimportant_factual": QCoreApplication.translate("ReviewWindow", "Unimportant factual"),
        "checkworthy_factual": QCoreApplication.translate("ReviewWindow", "Check-worthy factual"),
    }
    return names.get(value, value)


def action_name(action: str) -> str:
    names = {
        "flag": QCoreApplication.translate("ReviewWindow", "&Flag for review"),
        "unflag": QCoreApplication.translate("ReviewWindow", "&Unflag"),
        "take": QCoreApplication.translate("ReviewWindow", "&Take into review"),
        "return": QCoreApplication.translate("ReviewWindow", "&Return to annotator…"),
        "revise": QCoreApplication.translate("ReviewWindow", "Re&vise (back to draft)"),
        "dismiss": QCoreApplication.translate("ReviewWindow", "Dismiss…"),
        "decide": QCoreApplication.translate("ReviewWindow", "&Decide…"),
        "publish": QCoreApplication.translate("ReviewWindow", "&Publish"),
        "reopen": QCoreApplication.translate("ReviewWindow", "Re&open…"),
    }
    return names.get(action, action)


# ---- the queue model ---------------------------------------------------------------------------------


class ClaimQueueModel(QAbstractTableModel):
    """Every claim of the project (rejected claim spans left out) as a row; filter with the proxy."""

    def __init__(self, project: Project, parent: Any = None) -> None:
        super().__init__(parent)
        self.project = project
        self._records: list[ClaimRecord] = []
        self._row_of: dict[int, int] = {}
        self._load()

    def _load(self) -> None:
        self._records = self.project.claims.list(history=False)
        self._row_of = {r.id: k for k, r in enumerate(self._records)}

    def refresh(self) -> None:
        """Read every claim again: a real reset (after an import, an undo of many changes …)."""
        self.beginResetModel()
        self._load()
        self.endResetModel()

    def record(self, row: int) -> ClaimRecord:
        return self._records[row]

    def row_of(self, claim_id: int) -> int | None:
        return self._row_of.get(claim_id)

    @property
    def records(self) -> list[ClaimRecord]:
        return list(self._records)

    def apply_changes(self, changes: Changes) -> None:
        """Update only the claims a change touched (or the claims whose linked spans it touched)."""
        if changes.op.startswith(("documents.", "undo:", "redo:", "merge", "schema")) or len(changes.spans) > 200:
            self.refresh()
            return
        touched = set(changes.claims) | {sid for sid in changes.spans if sid in self._row_of}
        linked = set(changes.spans) - touched
        if linked:
            for r in self._records:
                if any(x.span_id in linked for x in (*r.figures, *r.entities, *(() if r.claimant is None
                                                                               else (r.claimant,)))):
                    touched.add(r.id)
        if not touched and not changes.spans and not changes.links:
            return
        # a new claim span, or a claim span deleted, rejected or accepted again
        current = set(self.project.claims.ids(doc_id=changes.documents)) if changes.documents else set()
        known_in_docs = {r.id for r in self._records if r.doc_id in changes.documents}
        if current != known_in_docs:
            self.refresh()
            return
        for cid in sorted(touched & set(self._row_of)):
            row = self._row_of[cid]
            self._records[row] = self.project.claims.get(cid, history=False)
            self.dataChanged.emit(self.index(row, 0), self.index(row, COLUMNS - 1))

    # ---- Qt model API ----------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMNS

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        r = self._records[index.row()]
        column = index.column()
        if role == ClaimRole:
            return r
        if role == ClaimIdRole:
            return r.id
        if role == Qt.ItemDataRole.DisplayRole:
            if column == ID:
                return str(r.id)
            if column == STATE:
                return state_name(r.state)
            if column == VERDICT:
                return verdict_name(r.verdict)
            if column == CHECKWORTHY:
                return checkworthiness_name(r.checkworthiness)
            if column == ANNOTATOR:
                return r.annotator or ""
            if column == DOCUMENT:
                return r.doc_title or str(r.doc_id)
            if column == CLAIM:
                return " ".join(r.text.split())
        elif role == Qt.ItemDataRole.ToolTipRole:
            return r.sentence
        elif role == Qt.ItemDataRole.ForegroundRole and column == STATE:
            return QColor(STATE_COLORS.get(r.state, "#80868b"))
        elif role == Qt.ItemDataRole.TextAlignmentRole and column == ID:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        elif role == Qt.ItemDataRole.UserRole:  # sort key
            if column == ID:
                return r.id
            if column == STATE:
                return STATES.index(r.state) if r.state in STATES else 99
            if column == DOCUMENT:
                return (r.doc_id, r.start)
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < COLUMNS:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return [self.tr("#"), self.tr("State"), self.tr("Claim"), self.tr("Verdict"), self.tr("Check-worthiness"),
                    self.tr("Annotator"), self.tr("Article")][section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


class ClaimFilterProxy(QSortFilterProxyModel):
    """Filters the queue by state, verdict, annotator, document, check-worthiness and text."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.states: set[str] | None = set(QUEUE_STATES)
        self.verdict: str | None = None
        self.annotator: str | None = None
        self.doc_id: int | None = None
        self.checkworthiness: str | None = None
        self.text = ""
        self.setSortRole(Qt.ItemDataRole.UserRole)

    def set_filter(self, **values: Any) -> None:
        self.beginFilterChange()
        for key, value in values.items():
            if not hasattr(self, key) or key.startswith("_"):
                raise AttributeError(key)
            setattr(self, key, value)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, ClaimQueueModel) or source_parent.isValid():
            return False
        r = model.record(source_row)
        if self.states is not None and r.state not in self.states:
            return False
        if self.verdict is not None and r.verdict != self.verdict:
            return False
        if self.annotator is not None and r.annotator != self.annotator:
            return False
        if self.doc_id is not None and r.doc_id != self.doc_id:
            return False
        if self.checkworthiness is not None and r.checkworthiness != self.checkworthiness:
            return False
        if self.text:
            needle = fold(self.text.strip())
            if needle not in fold(r.text) and needle not in fold(r.doc_title):
                return False
        return True

    def lessThan(self, left: Index, right: Index) -> bool:
        a, b = left.data(Qt.ItemDataRole.UserRole), right.data(Qt.ItemDataRole.UserRole)
        try:
            return bool(a < b)
        except TypeError:
            return str(a) < str(b)


# ---- dialogs ------------------------------------------------------------------------------------------


class UnlockDialog(QDialog):
    """Asks the acting editor for the passphrase; stays open (saying why) when it is wrong."""

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.setWindowTitle(self.tr("Unlock editor actions"))
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setObjectName("passphrase")
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #d93025")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._try)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Passphrase of the editor {name}:").format(name=project.actor), self))
        layout.addWidget(self.passphrase)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _try(self) -> None:
        try:
            self.project.unlock(self.passphrase.text())
        except AnnotatorError:
            self.error.setText(self.tr("Wrong passphrase; try again."))
            self.passphrase.selectAll()
            return
        self.passphrase.clear()
        self.accept()


class ReasonDialog(QDialog):
    """A one-line reason for returning, dismissing or reopening a claim."""

    def __init__(self, title: str, prompt: str, *, required: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.required = required
        self.setWindowTitle(title)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("reason")
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #d93025")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._try)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(prompt, self))
        layout.addWidget(self.reason)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _try(self) -> None:
        if self.required and not self.reason.text().strip():
            self.error.setText(self.tr("A reason is needed."))
            return
        self.accept()


class DecideDialog(QDialog):
    """Verdict, rating text, rationale and evidence (one source a line: URL | publisher | stance | quote)."""

    def __init__(self, record: ClaimRecord, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Decide claim {id}").format(id=record.id))
        self.resize(560, 420)
        self.verdict = QComboBox(self)
        self.verdict.setObjectName("verdict")
        for v in VERDICTS:
            self.verdict.addItem(verdict_name(v), v)
        if record.verdict in VERDICTS:
            self.verdict.setCurrentIndex(VERDICTS.index(record.verdict))
        self.rating_text = QLineEdit(record.rating_text or "", self)
        self.rating_text.setObjectName("rating_text")
        self.rating_text.setPlaceholderText(self.tr("The rating readers see (default: the verdict)"))
        self.rationale = QPlainTextEdit(record.rationale or "", self)
        self.rationale.setObjectName("rationale")
        self.rationale.setTabChangesFocus(True)
        self.evidence = QPlainTextEdit(self)
        self.evidence.setObjectName("evidence")
        self.evidence.setTabChangesFocus(True)
        self.evidence.setPlaceholderText(self.tr("One source a line: URL | publisher | stance | quote\n"
                                                "stance: supports, refutes, mixed or context"))
        self.evidence.setPlainText("\n".join(
            " | ".join(x for x in (e.url, e.publisher, e.stance, e.quote)).rstrip(" |") for e in record.evidence))
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #d93025")
        self.error.setWordWrap(True)
        claim = QLabel(record.text, self)
        claim.setTextFormat(Qt.TextFormat.PlainText)
        claim.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Verdict:"), self.verdict)
        form.addRow(self.tr("Rating &text:"), self.rating_text)
        form.addRow(self.tr("&Rationale:"), self.rationale)
        form.addRow(self.tr("&Evidence:"), self.evidence)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Decide"))
        ok.setToolTip(self.tr("Decide (Ctrl+Return)"))
        submit = QAction(self)
        submit.setShortcut(QKeySequence("Ctrl+Return"))
        submit.triggered.connect(self.accept)
        self.addAction(submit)
        layout = QVBoxLayout(self)
        layout.addWidget(claim)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.verdict.setFocus()

    def values(self) -> dict[str, Any]:
        evidence: list[dict[str, str]] = []
        for line in self.evidence.toPlainText().splitlines():
            if not line.strip():
                continue
            parts = [p.strip() for p in line.split("|")] + ["", "", ""]
            evidence.append({"url": parts[0], "publisher": parts[1], "stance": parts[2], "quote": "|".join(
                p for p in parts[3:] if p)})
        return {"verdict": self.verdict.currentData(), "rating_text": self.rating_text.text().strip() or None,
                "rationale": self.rationale.toPlainText().strip(), "evidence": evidence}


# ---- the window -------------------------------------------------------------------------------------------


class ReviewWindow(QMainWindow):
    """The editors' queue. ``open_requested(doc_id, start, end, claim_id)`` asks the main window to show a claim."""

    open_requested = Signal(int, int, int, int)
    claim_did_change = Signal(int)
    """a review step was taken on this claim (id)"""

    def __init__(self, project: Project, bus: ProjectBus | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if parent is not None:
            self.setWindowFlag(Qt.WindowType.Window, True)
        self.project = project
        self.bus = bus if bus is not None else ProjectBus(project, self)
        self._own_bus = bus is None
        self._dialog: QDialog | None = None
        self._checks: dict[str, ActionCheck] = {}
        self.setWindowTitle(self.tr("Review claims — {project}").format(project=project.name))
        self.resize(1200, 720)

        self.model = ClaimQueueModel(project, self)
        self.proxy = ClaimFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.sort(ID, Qt.SortOrder.AscendingOrder)

        self.view = QTableView(self)
        self.view.setObjectName("queue")
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(ID, Qt.SortOrder.AscendingOrder)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for col, width in ((ID, 40), (STATE, 80), (VERDICT, 90), (CHECKWORTHY, 130), (ANNOTATOR, 70),
                           (DOCUMENT, 120)):
            header.resizeSection(col, max(width, header.sectionSizeHint(col)))  # the title whole, in any language
        header.setSectionResizeMode(CLAIM, QHeaderView.ResizeMode.Stretch)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        self._settings = Settings()
        for col, key in COLUMN_KEYS.items():
            self.view.setColumnHidden(col, key in self._settings.get(REVIEW_HIDDEN_COLUMNS))
        self.view.activated.connect(lambda _index: self.open_current())

        self.detail = QTextBrowser(self)
        self.detail.setObjectName("detail")
        self.detail.setOpenExternalLinks(True)
        self.explain = QLabel(self)
        self.explain.setObjectName("explain")
        self.explain.setWordWrap(True)
        self.explain.setTextFormat(Qt.TextFormat.PlainText)
        right = QWidget(self)
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.detail, 1)
        rl.addWidget(self.explain)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.view)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.splitter = splitter
        if not splitter.restoreState(QByteArray(self._settings.get(REVIEW_SPLITTER))):
            splitter.setSizes([760, 440])  # the queue wide enough to read its claims

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addLayout(self._filters())
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)

        self._make_actions()
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        self.proxy.modelReset.connect(self._show_current)
        self.proxy.layoutChanged.connect(self._show_current)
        self.bus.project_changed.connect(self._project_changed)
        self._fill_filter_choices()
        self._select_row(0)
        self._show_current()

    # ---- building -------------------------------------------------------------------------------

    def _combo(self, name: str, tip: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setToolTip(tip)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        return combo

    def _filters(self) -> QHBoxLayout:
        self.state_filter = self._combo("state_filter", self.tr("Which review states to show"))
        self.state_filter.addItem(self.tr("Queue: flagged, in review, decided"), QUEUE)
        self.state_filter.addItem(self.tr("All states"), None)
        for s in STATES:
            self.state_filter.addItem(state_name(s), s)
        self.verdict_filter = self._combo("verdict_filter", self.tr("Verdict"))
        self.verdict_filter.addItem(self.tr("Any verdict"), None)
        for v in VERDICTS:
            self.verdict_filter.addItem(verdict_name(v), v)
        self.annotator_filter = self._combo("annotator_filter", self.tr("Annotator"))
        self.doc_filter = self._combo("doc_filter", self.tr("Article"))
        self.doc_filter.setMaximumWidth(260)
        self.cw_filter = self._combo("checkworthiness_filter", self.tr("Check-worthiness"))
        self.cw_filter.addItem(self.tr("Any check-worthiness"), None)
        for c in CHECKWORTHINESS:
            self.cw_filter.addItem(checkworthiness_name(c), c)
        self.text_filter = QLineEdit(self)
        self.text_filter.setObjectName("text_filter")
        self.text_filter.setClearButtonEnabled(True)
        self.text_filter.setPlaceholderText(self.tr("Find in claims (Ctrl+F)"))
        self.text_filter.textChanged.connect(self._filters_changed)
        self.text_filter.returnPressed.connect(self.view.setFocus)
        row = QHBoxLayout()
        for w in (self.state_filter, self.verdict_filter, self.annotator_filter, self.doc_filter, self.cw_filter):
            row.addWidget(w)
            w.currentIndexChanged.connect(self._filters_changed)
        row.addWidget(self.text_filter, 1)
        return row

    def _fill_filter_choices(self) -> None:
        records = self.model.records
        for combo, items, any_text in (
            (self.annotator_filter, sorted({r.annotator for r in records if r.annotator}), self.tr("Any annotator")),
            (self.doc_filter, sorted({(r.doc_id, r.doc_title) for r in records}), self.tr("Every article")),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(any_text, None)
            for item in items:
                if isinstance(item, tuple):
                    combo.addItem(f"{item[0]}: {item[1]}"[:60], item[0])
                else:
                    combo.addItem(item, item)
            at = combo.findData(current)
            combo.setCurrentIndex(max(0, at))
            combo.blockSignals(False)

    def _action(self, name: str, text: str, slot: Callable[[], Any], icon: str | None = None) -> QAction:
        action = QAction(text, self)
        action.setObjectName(f"action_{name}")
        action.setShortcut(QKeySequence(KEYS[name]))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if icon:
            action.setIcon(icons.icon(icon))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _make_actions(self) -> None:
        self.actions_by_name: dict[str, QAction] = {
            "open": self._action("open", self.tr("&Open in the article"), self.open_current, "document-open"),
            "next": self._action("next", self.tr("&Next claim"), lambda: self.step(1), "go-next"),
            "previous": self._action("previous", self.tr("Pre&vious claim"), lambda: self.step(-1), "go-previous"),
            "unlock": self._action("unlock", self.tr("&Unlock editor actions…"), self.ask_unlock, "person"),
            "find": self._action("find", self.tr("&Find in claims"), self._focus_find, "edit-find"),
            "close": self._action("close", self.tr("&Close"), self.close),
        }
        self.actions_by_name["find"].setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
        self.actions_by_name["close"].setShortcut(QKeySequence(QKeySequence.StandardKey.Close))
        for name in ACTIONS:
            self.actions_by_name[name] = self._action(name, action_name(name), self._trigger_slot(name))
        menu = self.menuBar().addMenu(self.tr("&Claim"))
        for name in ("open", "next", "previous"):
            menu.addAction(self.actions_by_name[name])
        menu.addSeparator()
        for name in ACTIONS:
            menu.addAction(self.actions_by_name[name])
        menu.addSeparator()
        menu.addAction(self.actions_by_name["unlock"])
        menu.addAction(self.actions_by_name["find"])
        menu.addAction(self.actions_by_name["close"])
        bar = self.addToolBar(self.tr("Review"))
        bar.setObjectName("review_toolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for name in ("open", "previous", "next", "flag", "take", "return", "dismiss", "decide", "publish",
                     "reopen", "unlock"):
            bar.addAction(self.actions_by_name[name])
        for action in self.actions_by_name.values():
            self._tooltip(action, "")

    def _trigger_slot(self, action: str) -> Callable[[], None]:
        def run() -> None:  # no parameters: Qt passes no "checked" flag
            self.trigger(action)

        return run

    def _tooltip(self, action: QAction, reason: str) -> None:
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        text = action.text().replace("&", "").rstrip("…")
        tip = f"{text} ({keys})" if keys else text
        action.setToolTip(f"{tip}\n{reason}" if reason else tip)

    # ---- state ----------------------------------------------------------------------------------------

    def current(self) -> ClaimRecord | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        record = index.data(ClaimRole)
        return record if isinstance(record, ClaimRecord) else None

    def _select_row(self, row: int) -> None:
        count = self.proxy.rowCount()
        if count == 0:
            self.view.setCurrentIndex(QModelIndex())
            return
        row = max(0, min(row, count - 1))
        self.view.setCurrentIndex(self.proxy.index(row, 0))
        self.view.scrollTo(self.proxy.index(row, 0))

    def select_claim(self, claim_id: int) -> bool:
        row = self.model.row_of(claim_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self.view.setCurrentIndex(index)
        return True

    def step(self, delta: int) -> None:
        """Move to the next (or previous) claim of the queue."""
        row = self.view.currentIndex().row()
        self._select_row(0 if row < 0 else row + delta)
        self.view.setFocus()

    def _focus_find(self) -> None:
        self.text_filter.setFocus()
        self.text_filter.selectAll()

    def _filters_changed(self, *_: Any) -> None:
        keep = self.current()
        state = self.state_filter.currentData()
        self.proxy.set_filter(
            states=set(QUEUE_STATES) if state == QUEUE else None if state is None else {state},
            verdict=self.verdict_filter.currentData(), annotator=self.annotator_filter.currentData(),
            doc_id=self.doc_filter.currentData(), checkworthiness=self.cw_filter.currentData(),
            text=self.text_filter.text())
        if keep is None or not self.select_claim(keep.id):
            self._select_row(0)
        self._show_current()

    def _project_changed(self, changes: Changes, initiator: object) -> None:
        keep = self.current()
        row = self.view.currentIndex().row()
        self.model.apply_changes(changes)
        if changes.people or changes.documents:
            self._fill_filter_choices()
        if keep is None or not self.select_claim(keep.id):
            self._select_row(row)  # the claim left the queue: the next one takes its place
        self._show_current()

    def _show_current(self) -> None:
        record = self.current()
        if record is None:
            empty = self.tr("No claim in the queue with these filters.")
            self.detail.setHtml(f"<p>{html.escape(empty)}</p>")
            self._checks = {}
        else:
            full = self.project.claims.get(record.id)
            self.detail.setHtml(self._claim_html(full))
            self._checks = {c.action: c for c in self.project.claims.allowed(record.id)}
        self._update_actions()

    def _update_actions(self) -> None:
        has = self.current() is not None
        self.actions_by_name["open"].setEnabled(has)
        role = self.tr("editor") if self.project.is_editor else self.tr("annotator")
        lock = self.tr("unlocked") if self.project.editor_unlocked else self.tr("locked")
        who = self.tr("{name} ({role}{lock})").format(name=self.project.actor, role=role,
                                                      lock=f", {lock}" if self.project.is_editor else "")
        self.actions_by_name["unlock"].setEnabled(self.project.is_editor and not self.project.editor_unlocked)
        notes = []
        record = self.current()
        for name in ACTIONS:
            action = self.actions_by_name[name]
            check = self._checks.get(name)
            usable = check is not None and (check.allowed or check.needs_unlock)
            action.setEnabled(usable)
            reason = ""
            if check is not None and not check.allowed:
                if check.needs_unlock:
                    reason = self.tr("Asks for the editor's passphrase first.")
                elif check.to is not None:  # the state allows it, the role does not
                    reason = self.tr("Only an editor can do this; you are {who}.").format(who=who)
                    notes.append(name)
                else:
                    reason = self.tr("Not from this state ({state}).").format(
                        state=state_name(record.state if record else ""))
            self._tooltip(action, reason)
        text = self.tr("Working as {who}.").format(who=who)
        if notes:
            text += " " + self.tr("Editor steps ({steps}) need an editor.").format(
                steps=", ".join(action_name(n).replace("&", "").rstrip("…") for n in notes))
        elif any(c.needs_unlock for c in self._checks.values()):
            text += " " + self.tr("Editor steps ask for your passphrase (Ctrl+L unlocks now).")
        self.explain.setText(text)
        self.statusBar().showMessage(self.tr("{shown} of {total} claims").format(
            shown=self.proxy.rowCount(), total=self.model.rowCount()))

    # ---- steps ------------------------------------------------------------------------------------------

    def open_current(self) -> None:
        record = self.current()
        if record is not None:
            self.open_requested.emit(record.doc_id, record.start, record.end, record.id)

    def ask_unlock(self, then: Callable[[], None] | None = None) -> None:
        dialog = UnlockDialog(self.project, self)
        dialog.setObjectName("unlock_dialog")

        def unlocked() -> None:
            self._show_current()
            if then is not None:
                then()

        dialog.accepted.connect(unlocked)
        self._open_dialog(dialog)

    def _open_dialog(self, dialog: QDialog) -> None:
        self._dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.finished.connect(self._dialog_finished)
        dialog.open()

    def _dialog_finished(self, _result: int) -> None:
        self._dialog = None
        # back to the queue, keys and all
        self.activateWindow()
        self.view.setFocus()

    @property
    def dialog(self) -> QDialog | None:
        """The dialog the window is waiting on (unlock, reason, decide), if any."""
        return self._dialog

    def trigger(self, action: str) -> None:
        """Take ``action`` on the current claim: unlock first if needed, ask what the step needs."""
        record = self.current()
        if record is None:
            return
        check = {c.action: c for c in self.project.claims.allowed(record.id)}[action]
        if not check.allowed:
            if check.needs_unlock:
                self.ask_unlock(lambda: self.trigger(action))
            else:
                self.statusBar().showMessage(check.reason, 8000)
                self.explain.setText(check.reason)
            return
        if action == "decide":
            dialog = DecideDialog(self.project.claims.get(record.id), self)
            dialog.setObjectName("decide_dialog")
            dialog.accepted.connect(lambda: self._perform(action, record.id, dialog.values()))
            self._open_dialog(dialog)
        elif action in ("return", "dismiss", "reopen"):
            prompts = {"return": self.tr("Why does the claim go back to its annotator?"),
                       "dismiss": self.tr("Why is the claim not worth checking? (optional)"),
                       "reopen": self.tr("Why is the claim reopened?")}
            reason_dialog = ReasonDialog(action_name(action).replace("&", "").rstrip("…"), prompts[action],
                                         required=action != "dismiss", parent=self)
            reason_dialog.setObjectName("reason_dialog")
            reason_dialog.accepted.connect(
                lambda: self._perform(action, record.id, {"reason": reason_dialog.reason.text().strip() or None}))
            self._open_dialog(reason_dialog)
        else:
            self._perform(action, record.id, {})

    def _perform(self, action: str, claim_id: int, options: dict[str, Any]) -> None:
        try:
            self.project.claims.apply(action, claim_id, **options)
        except AnnotatorError as exc:
            message = self.tr("Not done: {reason}").format(reason=core_text(exc))
            self.statusBar().showMessage(message, 10000)
            self.explain.setText(message)
            if action == "decide":  # keep what was typed: reopen the dialog with the reason
                self.trigger("decide")
                if isinstance(self._dialog, DecideDialog):
                    self._dialog.error.setText(core_text(exc))
                    self._fill_decide(self._dialog, options)
            return
        self.claim_did_change.emit(claim_id)
        self.view.setFocus()

    @staticmethod
    def _fill_decide(dialog: DecideDialog, options: dict[str, Any]) -> None:
        if options.get("verdict") in VERDICTS:
            dialog.verdict.setCurrentIndex(VERDICTS.index(options["verdict"]))
        dialog.rating_text.setText(options.get("rating_text") or "")
        dialog.rationale.setPlainText(options.get("rationale") or "")
        dialog.evidence.setPlainText("\n".join(" | ".join(x for x in (e["url"], e["publisher"], e["stance"],
                                                                       e["quote"])).rstrip(" |")
                                               for e in options.get("evidence") or []))

    def changeEvent(self, event: Any) -> None:
        # the main window may have switched the person (and locked editor actions) meanwhile
        if event.type() == event.Type.ActivationChange and self.isActiveWindow() and self._dialog is None:
            self._update_actions()
        super().changeEvent(event)

    def _column_menu(self, pos: Any) -> None:
        self.column_menu().popup(self.view.horizontalHeader().mapToGlobal(pos))

    def column_menu(self) -> QMenu:
        """The header's menu: show or hide the columns other than # and Claim (kept in the settings)."""
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        model = self.view.model()
        for col in COLUMN_KEYS:
            title = model.headerData(col, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
            action = menu.addAction(str(title))
            action.setCheckable(True)
            action.setChecked(not self.view.isColumnHidden(col))
            action.toggled.connect(lambda shown, c=col: self.set_column_shown(c, shown))
        return menu

    def set_column_shown(self, col: int, shown: bool) -> None:
        self.view.setColumnHidden(col, not shown)
        hidden = [key for c, key in COLUMN_KEYS.items() if self.view.isColumnHidden(c)]
        self._settings.set(REVIEW_HIDDEN_COLUMNS, hidden)

    def closeEvent(self, event: Any) -> None:
        self._settings.set(REVIEW_SPLITTER, bytes(self.splitter.saveState().data()))
        if self._own_bus:
            self.bus.detach()
        super().closeEvent(event)

    # ---- the claim pane -------------------------------------------------------------------------------

    def _claim_html(self, r: ClaimRecord) -> str:
        e = html.escape
        # tr() outside the f-strings: pyside6-lupdate does not look inside them
        titles = {"claim": self.tr("claim {id}").format(id=r.id), "figures": self.tr("Figures"),
                  "entities": self.tr("Entities"), "note": self.tr("Note from the editor:"),
                  "rationale": self.tr("Rationale"), "evidence": self.tr("Evidence"), "history": self.tr("History")}
        color = STATE_COLORS.get(r.state, "#80868b")
        parts = [f'<p><b style="color:{color}">{e(state_name(r.state))}</b>'
                 + (f" · <b>{e(r.rating_text or verdict_name(r.verdict))}</b>" if r.verdict else "")
                 + f" · {e(titles['claim'])}</p>"]
        sentence, claim = r.sentence, r.text.strip()
        at = sentence.find(claim)
        marked = (e(sentence) if at < 0 else
                  f"{e(sentence[:at])}<span style='background:#fff0b3;color:#202124'><b>{e(claim)}</b></span>"
                  f"{e(sentence[at + len(claim):])}")
        before = f"<span style='color:#80868b'>{e(r.context_before)}</span> " if r.context_before else ""
        after = f" <span style='color:#80868b'>{e(r.context_after)}</span>" if r.context_after else ""
        parts.append(f"<p>{before}{marked}{after}</p>")
        facts = [(self.tr("Article"), f"{r.doc_title} ({r.doc_id})"), (self.tr("URL"), r.doc_url or ""),
                 (self.tr("Date"), r.doc_published or ""),
                 (self.tr("Claimant"), r.claimant.name if r.claimant else ""),
                 (self.tr("Check-worthiness"), checkworthiness_name(r.checkworthiness)),
                 (self.tr("Verifiable"), "" if r.verifiable is None else self.tr("yes") if r.verifiable
                  else self.tr("no")),
                 (self.tr("Numeric type"), choice_title("numeric_type", r.numeric_type or "")), (self.tr("Notes"), r.notes),
                 (self.tr("Annotator"), r.annotator or ""), (self.tr("Reviewer"), r.reviewer or "")]
        parts.append("<table cellspacing=0 cellpadding=2>" + "".join(
            f"<tr><td style='color:#80868b'>{e(k)}</td><td>{e(v)}</td></tr>" for k, v in facts if v) + "</table>")
        if r.figures:
            parts.append(f"<h4>{e(titles['figures'])}</h4><table cellspacing=0 cellpadding=2>" + "".join(
                f"<tr><td>{e(f.text)}</td><td style='color:#80868b'>{e(f.label)}</td><td>→ <b>{e(f.value)}</b></td>"
                "</tr>" for f in r.figures) + "</table>")
        if r.entities:
            parts.append(f"<h4>{e(titles['entities'])}</h4><p>" + ", ".join(
                f"{e(x.name)} <span style='color:#80868b'>{e(x.label)}</span>" for x in r.entities) + "</p>")
        if r.note:
            parts.append(f"<p><b>{e(titles['note'])}</b> {e(r.note)}</p>")
        if r.rationale:
            parts.append(f"<h4>{e(titles['rationale'])}</h4><p>{e(r.rationale)}</p>")
        if r.evidence:
            parts.append(f"<h4>{e(titles['evidence'])}</h4><ul>" + "".join(
                f"<li><a href='{e(x.url)}'>{e(x.url)}</a> {e(x.publisher)} <i>{e(x.stance)}</i>"
                + (f"<br><i>“{e(x.quote)}”</i>" if x.quote else "") + "</li>" for x in r.evidence) + "</ul>")
        if r.history:
            rows = []
            for h in reversed(r.history):
                s = h.get("summary", {})
                what = h["op"].removeprefix("review.")
                what = action_name(what).replace("&", "").rstrip("…") if what in ACTIONS else what
                step = f"{state_name(s['from'])} → {state_name(s['to'])}" if "from" in s and "to" in s else ""
                extra = s.get("reason") or (verdict_name(s.get("verdict")) if s.get("verdict") else "")
                rows.append(f"<tr><td style='color:#80868b'>{e(h['at'][:16].replace('T', ' '))}</td>"
                            f"<td>{e(h['actor'] or '')}</td><td>{e(what)}</td><td>{e(step)}</td><td>{e(extra)}</td></tr>")
            parts.append(f"<h4>{e(titles['history'])}</h4><table cellspacing=0 cellpadding=3>{''.join(rows)}</table>")
        return "".join(parts)


# ---- the main window's entry ----------------------------------------------------------------------------


def open_review_window(window: QMainWindow) -> ReviewWindow | None:
    """Show the review window of ``window``'s project (one per main window), raised and focused."""
    project = getattr(window, "project", None)
    if callable(project):
        project = project()
    if not isinstance(project, Project):
        return None
    existing = getattr(window, "_review_window", None)
    if isinstance(existing, ReviewWindow) and existing.project is project:
        existing.show()
        existing.raise_()
        existing.activateWindow()
        return existing
    if isinstance(existing, ReviewWindow):
        existing.close()
    bus = getattr(window, "bus", None)
    review = ReviewWindow(project, bus if isinstance(bus, ProjectBus) else None, window)
    review.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    review.destroyed.connect(lambda *_: setattr(window, "_review_window", None))
    review.open_requested.connect(lambda doc, start, end, claim: _show_in(window, doc, start, end, claim))
    window._review_window = review  # type: ignore[attr-defined]
    review.show()
    return review


def _show_in(window: QMainWindow, doc_id: int, start: int, end: int, claim_id: int) -> None:
    """Open the claim in the main window (``open_document`` and ``select_span`` when it has them)."""
    opener = getattr(window, "open_document", None)
    if not callable(opener):
        return
    try:
        opened = opener(doc_id, select=(start, end))
    except TypeError:  # a window whose open_document takes only the id
        opened = opener(doc_id)
    selector = getattr(window, "select_span", None)
    if opened is not False and callable(selector):
        selector(claim_id)
    window.raise_()
    window.activateWindow()


def install(window: QMainWindow) -> QAction:
    """Add "Review claims…" (Ctrl+Shift+R) to ``window``'s Review menu (made if missing)."""
    bar = window.menuBar()
    menu: QMenu | None = None
    for action in bar.actions():
        found = action.menu()
        if isinstance(found, QMenu) and action.objectName() == "menu_review":
            menu = found
            break
    if menu is None:
        menu = QMenu(QCoreApplication.translate("ReviewWindow", "&Review"), bar)
        menu.setObjectName("reviewMenu")
        menu.menuAction().setObjectName("menu_review")
        menus = getattr(window, "menus", None)
        help_menu = menus.get("help") if isinstance(menus, dict) else None
        if isinstance(help_menu, QMenu):
            bar.insertMenu(help_menu.menuAction(), menu)  # before Help, as menus go
        else:
            bar.addMenu(menu)
        if isinstance(menus, dict):
            menus.setdefault("review", menu)
    action = QAction(icons.icon("history"), QCoreApplication.translate("ReviewWindow", "Review &claims…"), window)
    action.setObjectName("action_review_claims")
    action.setShortcut(QKeySequence("Ctrl+Shift+R"))
    action.setToolTip(QCoreApplication.translate("ReviewWindow", "Review claims: the editors' queue (Ctrl+Shift+R)"))
    action.triggered.connect(lambda: open_review_window(window))
    menu.addAction(action)
    window.addAction(action)
    return action
