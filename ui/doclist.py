"""The document list: an item model that stays instant with 100,000 documents.

The model holds only the sorted, filtered list of ids (``project.documents.ids``, one cheap
query) and exposes rows page by page through ``canFetchMore``/``fetchMore``; a row's title, status
and span count are read with ``project.documents.infos`` one page at a time, when a view first
asks for them. Sorting and filtering are done by the core query, not by a QSortFilterProxyModel,
because a proxy would have to fetch every row to sort them.

Use from the GUI thread.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.model import Changes, DocStatus, DocumentInfo
from annotator.project import Project
from ui import icons

ID, TITLE, STATUS, SPANS = range(4)
COLUMNS = 4
DocIdRole = Qt.ItemDataRole.UserRole + 1
"""the document id (int)"""
DocInfoRole = Qt.ItemDataRole.UserRole + 2
"""the :class:`~annotator.model.DocumentInfo`"""

PAGE = 200
_ORDER = {ID: "id", TITLE: "title", STATUS: "status", SPANS: "spans"}
_RESET_OPS = ("documents.import", "documents.delete", "merge", "team.merge", "team.resolve", "undo:team.merge",
              "redo:team.merge")
STATUS_ICONS = {DocStatus.NEW: "status-new", DocStatus.IN_PROGRESS: "status-in-progress",
                DocStatus.ANNOTATED: "status-annotated", DocStatus.REVIEWED: "status-reviewed"}
STATUS_COLORS = {DocStatus.NEW: "#80868b", DocStatus.IN_PROGRESS: "#e8710a",
                 DocStatus.ANNOTATED: "#188038", DocStatus.REVIEWED: "#1a73e8"}

Index = QModelIndex | QPersistentModelIndex


class DocListModel(QAbstractTableModel):
    """Documents of a project: id, title, status, span count; lazily fetched, sorted and filtered."""

    def __init__(self, project: Project, parent: Any = None) -> None:
        super().__init__(parent)
        self.project = project
        self._ids: list[int] = []
        self._loaded = 0
        self._cache: dict[int, DocumentInfo] = {}
        self._row_of: dict[int, int] | None = None
        self._status: tuple[str, ...] | None = None
        self._text = ""
        self._order = "id"
        self._descending = False
        self._query()

    # ---- what is shown ---------------------------------------------------------------------------

    def _query(self) -> None:
        self._ids = self.project.documents.ids(status=self._status, text=self._text or None,
                                               order=self._order, descending=self._descending)
        self._loaded = min(PAGE, len(self._ids))
        self._cache.clear()
        self._row_of = None

    def refresh(self) -> None:
        """Query the ids again (after an import, or a filter change): a real reset."""
        self.beginResetModel()
        self._query()
        self.endResetModel()

    def set_filter(self, *, status: Iterable[str] | None = None, text: str = "") -> None:
        """Show only documents with one of ``status`` whose title contains ``text`` (or whose id it is)."""
        self._status = tuple(str(s) for s in status) if status else None
        self._text = text.strip()
        self.refresh()

    @property
    def total(self) -> int:
        """Documents passing the filter (loaded into rows or not)."""
        return len(self._ids)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        order_name = _ORDER.get(column, "id")
        descending = order == Qt.SortOrder.DescendingOrder
        if (order_name, descending) == (self._order, self._descending):
            return
        self._order, self._descending = order_name, descending
        # the core sorts and the rows are fetched again lazily: a reset, not a layout change
        self.refresh()

    # ---- lazy rows ----------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._loaded

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMNS

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._loaded < len(self._ids)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        self._load_to(min(len(self._ids), self._loaded + PAGE) - 1)

    def _load_to(self, row: int) -> None:
        if row < self._loaded:
            return
        last = min(row, len(self._ids) - 1)
        self.beginInsertRows(QModelIndex(), self._loaded, last)
        self._loaded = last + 1
        self.endInsertRows()

    def _info(self, row: int) -> DocumentInfo | None:
        doc_id = self._ids[row]
        info = self._cache.get(doc_id)
        if info is None:
            if len(self._cache) > 20 * PAGE:
                self._cache.clear()
            first = row - row % PAGE
            for item in self.project.documents.infos(self._ids[first:first + PAGE]):
                self._cache[item.id] = item
            info = self._cache.get(doc_id)
        return info

    # ---- Qt model API ----------------------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= self._loaded:
            return None
        row, column = index.row(), index.column()
        if role == DocIdRole:
            return self._ids[row]
        info = self._info(row)
        if info is None:  # deleted under us; a refresh follows
            return None
        if role == DocInfoRole:
            return info
        if role == Qt.ItemDataRole.DisplayRole:
            if column == ID:
                return str(info.id)
            if column == TITLE:
                return info.title
            if column == STATUS:
                return self.status_text(info.status)
            if column == SPANS:
                return str(info.span_count)
        elif role == Qt.ItemDataRole.ToolTipRole:
            lines = [info.title, self.tr("Document {id} · {status} · {spans} spans · {length} characters").format(
                id=info.id, status=self.status_text(info.status), spans=info.span_count, length=info.length)]
            if info.source_url:
                lines.append(info.source_url)
            return "\n".join(lines)
        elif role == Qt.ItemDataRole.DecorationRole and column == STATUS:
            return icons.icon(STATUS_ICONS.get(info.status, "status-new"), STATUS_COLORS.get(info.status))
        elif role == Qt.ItemDataRole.TextAlignmentRole and column in (ID, SPANS):
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < COLUMNS:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return [self.tr("#"), self.tr("Title"), self.tr("Status"), self.tr("Spans")][section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return [self.tr("Document number (import order)"), self.tr("Title"), self.tr("Work status"),
                    self.tr("Spans, not counting rejected suggestions")][section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def status_text(self, status: DocStatus | str) -> str:
        return {
            "new": self.tr("New"), "in_progress": self.tr("In progress"),
            "annotated": self.tr("Annotated"), "reviewed": self.tr("Reviewed"),
        }.get(str(status), str(status))

    # ---- ids and rows ------------------------------------------------------------------------

    def doc_id(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, doc_id: int, *, load: bool = True) -> int | None:
        """The row of a document (fetching rows up to it when ``load``), or None when filtered out."""
        if self._row_of is None:
            self._row_of = {d: r for r, d in enumerate(self._ids)}
        row = self._row_of.get(doc_id)
        if row is None:
            return None
        if row >= self._loaded:
            if not load:
                return None
            self._load_to(row)
        return row

    def index_of(self, doc_id: int, column: int = TITLE) -> QModelIndex:
        row = self.row_of(doc_id)
        return QModelIndex() if row is None else self.index(row, column)

    def ids(self) -> list[int]:
        """Every id passing the filter, in the shown order (loaded or not)."""
        return list(self._ids)

    # ---- project changes ---------------------------------------------------------------------

    def on_project_changed(self, changes: Changes, _initiator: object = None) -> None:
        """Update the rows a change touched; re-query when documents came or went."""
        if changes.op.startswith(_RESET_OPS):
            self.refresh()
            return
        if not changes.documents:
            return
        if self._row_of is None:
            self._row_of = {d: r for r, d in enumerate(self._ids)}
        unknown = [d for d in changes.documents if d not in self._row_of]
        if unknown and self.project.documents.count(status=self._status, text=self._text or None) != len(self._ids):
            self.refresh()
            return
        for doc_id in changes.documents:
            self._cache.pop(doc_id, None)
            row = self._row_of.get(doc_id)
            if row is not None and row < self._loaded:
                self.dataChanged.emit(self.index(row, 0), self.index(row, COLUMNS - 1))


class DocListView(QTableView):
    """A flat, sortable list of documents.

    A table view, not a tree view: a tree view walks every loaded row (calling the model for
    each) whenever it lays out, which costs a second at 100,000 rows; a table with fixed row
    heights only asks for the rows on screen.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.setIconSize(QSize(14, 14))
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollMode(QTableView.ScrollMode.ScrollPerPixel)
        vertical = self.verticalHeader()
        vertical.hide()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.setCornerButtonEnabled(False)

    def setModel(self, model: Any) -> None:  # noqa: N802 - Qt override
        super().setModel(model)
        self.setSortingEnabled(True)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(ID, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(STATUS, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(SPANS, QHeaderView.ResizeMode.Interactive)
        self.fit_columns()

    def fit_columns(self) -> None:
        """Size the number, status and count columns to their contents; the title takes the rest."""
        model = self.model()
        header = self.horizontalHeader()
        metrics = self.fontMetrics()
        ids = model.ids() if isinstance(model, DocListModel) else []
        digits = len(str(max(ids))) if ids else 1
        header.resizeSection(ID, metrics.horizontalAdvance("0" * max(2, digits)) + 14)
        if isinstance(model, DocListModel):
            widest = max(metrics.horizontalAdvance(model.status_text(s)) for s in DocStatus)
            header.resizeSection(STATUS, widest + self.iconSize().width() + 18)
            spans = str(model.headerData(SPANS, Qt.Orientation.Horizontal))
            header.resizeSection(SPANS, metrics.horizontalAdvance(spans) + 22)
        header.setSortIndicator(ID, Qt.SortOrder.AscendingOrder)


class DocumentList(QWidget):
    """The left panel: a text filter, a status filter and the list."""

    document_activated = Signal(int)
    """the document the person chose (current row changed)"""

    STATUS_FILTERS: tuple[tuple[str, tuple[str, ...]], ...] = (
        ("all", ()), ("unfinished", ("new", "in_progress")), ("new", ("new",)),
        ("in_progress", ("in_progress",)), ("annotated", ("annotated",)), ("reviewed", ("reviewed",)),
    )

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = DocListModel(project, self)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Filter by title or number"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName(self.tr("Filter documents"))
        self.status_box = QComboBox(self)
        self.status_box.setAccessibleName(self.tr("Filter by status"))
        labels = {"all": self.tr("All"), "unfinished": self.tr("Unfinished"), "new": self.tr("New"),
                  "in_progress": self.tr("In progress"), "annotated": self.tr("Annotated"),
                  "reviewed": self.tr("Reviewed")}
        for key, _statuses in self.STATUS_FILTERS:
            self.status_box.addItem(labels[key], key)
        self.view = DocListView(self)
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Documents"))

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.setSpacing(4)
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.status_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 0, 4)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)

        self.filter_edit.textChanged.connect(self._filter_changed)
        self.status_box.currentIndexChanged.connect(self._filter_changed)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.model.modelReset.connect(self._restore_current)
        self._current: int | None = None
        self._restoring = False

    def statuses(self) -> tuple[str, ...]:
        key = self.status_box.currentData()
        return dict(self.STATUS_FILTERS).get(key, ())

    def _filter_changed(self) -> None:
        self.model.set_filter(status=self.statuses(), text=self.filter_edit.text())

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._restoring or not current.isValid():
            return
        doc_id = self.model.data(current, DocIdRole)
        if doc_id is not None and doc_id != self._current:
            self._current = int(doc_id)
            self.document_activated.emit(int(doc_id))

    def _restore_current(self) -> None:
        if self._current is not None:
            self.select(self._current, emit=False)

    def select(self, doc_id: int, *, emit: bool = False) -> bool:
        """Make ``doc_id`` the current row (when it passes the filter); returns whether it is shown."""
        if not emit:
            self._current = doc_id
        index = self.model.index_of(doc_id)
        self._restoring = not emit
        try:
            if not index.isValid():
                self.view.selectionModel().clearSelection()
                return False
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)
        finally:
            self._restoring = False
        return True

    def neighbour(self, doc_id: int, step: int) -> int | None:
        """The document ``step`` rows after (or before) ``doc_id`` in the shown order."""
        row = self.model.row_of(doc_id)
        if row is None:
            return None
        target = row + step
        if not 0 <= target < self.model.total:
            return None
        self.model.row_of(self.model.doc_id(target))
        return self.model.doc_id(target)
