"""Search the whole project (Ctrl+Shift+F): keyword-in-context lines, Enter jumps to the hit.

Diacritics never matter ("Son La" finds "Sơn La"); the search can be limited to text inside
spans of one label. The core (``project.search.find``) does the work; this dialog lists the
hits. GUI thread only.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from annotator.project import Project
from annotator.search import Hit

DOCUMENT, BEFORE, MATCH, AFTER = range(4)
HitRole = Qt.ItemDataRole.UserRole + 1
"""the :class:`~annotator.search.Hit`"""

Index = QModelIndex | QPersistentModelIndex


class HitListModel(QAbstractTableModel):
    """Search hits as keyword-in-context rows: document, text before, match, text after."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._hits: list[Hit] = []

    def set_hits(self, hits: Sequence[Hit]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def hit(self, row: int) -> Hit:
        return self._hits[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        column = index.column()
        if role == HitRole:
            return hit
        if role == Qt.ItemDataRole.DisplayRole:
            return [hit.title, hit.before, hit.match, hit.after][column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{hit.title}\n…{hit.before}{hit.match}{hit.after}…"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column == BEFORE:
                return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.FontRole and column == MATCH:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 4:
            return [self.tr("Document"), self.tr("Before"), self.tr("Match"), self.tr("After")][section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


class _ElideLeft(QStyledItemDelegate):
    """The text before a match is cut on its left, so the words next to the match stay."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:  # noqa: N802
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideLeft  # type: ignore[attr-defined]


class _QueryEdit(QLineEdit):
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Down:
            dialog = self.window()
            if isinstance(dialog, SearchDialog) and dialog.model.rowCount():
                dialog.results.setFocus()
                dialog.results.setCurrentIndex(dialog.model.index(0, 0))
                return
        super().keyPressEvent(event)


class SearchDialog(QDialog):
    """Find a word or phrase in every document."""

    hit_activated = Signal(int, int, int)
    """(document id, start, end) in code points"""

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.setWindowTitle(self.tr("Search project"))
        self.setModal(False)
        self.setMinimumSize(480, 300)  # explicit: the layout never changes it (offscreen warns when it does)
        self.resize(820, 460)
        self.query = _QueryEdit(self)
        self.query.setPlaceholderText(self.tr("Words to find (diacritics do not matter: Son La finds Sơn La)"))
        self.query.setClearButtonEnabled(True)
        self.query.setAccessibleName(self.tr("Search for"))
        self.label_box = QComboBox(self)
        self.label_box.setAccessibleName(self.tr("Only inside spans of"))
        self.label_box.addItem(self.tr("Anywhere"), None)
        for lab in project.schema.labels:
            self.label_box.addItem(self.tr("Inside {label}").format(label=lab.name), lab.name)
        self.model = HitListModel(self)
        self.results = QTreeView(self)
        self.results.setModel(self.model)
        self.results.setRootIsDecorated(False)
        self.results.setUniformRowHeights(True)
        self.results.setAllColumnsShowFocus(True)
        self.results.setAlternatingRowColors(True)
        self.results.setItemDelegateForColumn(BEFORE, _ElideLeft(self.results))
        self.results.setAccessibleName(self.tr("Results"))
        header = self.results.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(BEFORE, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(DOCUMENT, 180)
        header.resizeSection(BEFORE, 260)
        header.resizeSection(MATCH, 120)
        self.status = QLabel(self)
        self.status.setProperty("role", "hint")
        hint = QLabel(self.tr("Enter searches; ↓ goes to the results; Enter on a result opens it."), self)
        hint.setProperty("role", "hint")

        top = QHBoxLayout()
        top.addWidget(self.query, 1)
        top.addWidget(self.label_box)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.results, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(hint)
        layout.addLayout(bottom)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(300)
        self._timer.timeout.connect(self.run_search)
        self.query.textEdited.connect(lambda _t: self._timer.start())
        self.query.returnPressed.connect(self.run_search)
        self.label_box.currentIndexChanged.connect(lambda _i: self.run_search())
        self.results.activated.connect(self._activated)

    def open_with(self, text: str = "") -> None:
        if text:
            self.query.setText(text)
            self.run_search()
        self.show()
        if QGuiApplication.platformName() != "offscreen":  # it cannot raise windows, and says so
            self.raise_()
        self.activateWindow()
        self.query.setFocus()
        self.query.selectAll()

    def run_search(self) -> list[Hit]:
        self._timer.stop()
        text = self.query.text().strip()
        if not text:
            self.model.set_hits([])
            self.status.setText("")
            return []
        hits = self.project.search.find(text, label=self.label_box.currentData(), limit=500)
        self.model.set_hits(hits)
        docs = len({h.doc_id for h in hits})
        if not hits:
            self.status.setText(self.tr("No match."))
        else:
            self.status.setText(self.tr("%n match(es)", "", len(hits)) + " · " +
                                self.tr("in %n document(s)", "", docs))
        if hits:
            self.results.setCurrentIndex(self.model.index(0, 0))
        return hits

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            hit = self.model.hit(index.row())
            self.hit_activated.emit(hit.doc_id, hit.start, hit.end)
