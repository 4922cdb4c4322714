"""The agreement window: per label, per annotator pair and per document, as sortable tables.

The figures come from :func:`annotator.agreement.agreement` (computed in the background by the
caller, then handed over with :meth:`AgreementDialog.set_report`). Each table's model returns the
raw number under :data:`VALUE_ROLE` (sorting uses it, through a proxy) and the text shown under
the display role. Double-clicking a document row emits ``document_activated(doc_id)``.
GUI thread only.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.agreement import AgreementReport, DocumentScores, Scores
from annotator.conflicts import Conflict
from annotator.project import Project

_Index = QModelIndex | QPersistentModelIndex
VALUE_ROLE = Qt.ItemDataRole.UserRole + 1
"""the raw value of a cell (float, int, str or None), for sorting"""
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
"""the row's key: a label, an (annotator, annotator) pair or a document id"""


def _fmt(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{round(value, 3) + 0.0:.3f}"
    return str(value)


class _Table(QAbstractTableModel):
    """A read-only table of rows of values, with a header; subclasses fill ``_rows``."""

    HEADERS: Sequence[object] = ()  # QT_TRANSLATE_NOOP returns object in the stubs
    """column titles, each in QT_TRANSLATE_NOOP with its class's name (for pyside6-lupdate)"""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[Any, list[Any]]] = []  # (key, values)

    def _set(self, rows: list[tuple[Any, list[Any]]]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def headers(self) -> list[str]:
        return [self.tr(str(h)) for h in self.HEADERS]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            hs = self.headers()
            return hs[section] if 0 <= section < len(hs) else None
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        key, values = self._rows[index.row()]
        if not 0 <= index.column() < len(values):
            return None
        value = values[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return _fmt(value)
        if role == VALUE_ROLE:
            return -1.0e9 if value is None else value  # undefined figures sort first
        if role == ROW_ROLE:
            return key
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if isinstance(value, int | float) or value is None:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def _summary(sc: Scores | DocumentScores) -> list[Any]:
    return [sc.mean_exact_f1, sc.mean_partial_f1, sc.mean_kappa, sc.alpha]


class LabelModel(_Table):
    """One row per label, and one for all labels: spans, mean pairwise F1s and kappa, alpha."""

    COL_LABEL, COL_SPANS, COL_EXACT, COL_PARTIAL, COL_KAPPA, COL_ALPHA = range(6)
    HEADERS = (QT_TRANSLATE_NOOP("LabelModel", "Label"), QT_TRANSLATE_NOOP("LabelModel", "Spans"),
               QT_TRANSLATE_NOOP("LabelModel", "Exact F1"), QT_TRANSLATE_NOOP("LabelModel", "Partial F1"),
               QT_TRANSLATE_NOOP("LabelModel", "Kappa"), QT_TRANSLATE_NOOP("LabelModel", "Alpha"))

    def set_report(self, report: AgreementReport | None) -> None:
        rows: list[tuple[Any, list[Any]]] = []
        if report is not None and report.documents:
            for name, sc in report.by_label.items():
                rows.append((name, [name, sum(sc.spans.values()), *_summary(sc)]))
            rows.append(("", [self.tr("(all labels)"), sum(report.overall.spans.values()), *_summary(report.overall)]))
        self._set(rows)


class PairModel(_Table):
    """One row per annotator pair (all labels): documents, exact P/R/F1, partial F1, kappa."""

    COL_FIRST, COL_SECOND, COL_DOCS, COL_P, COL_R, COL_EXACT, COL_PARTIAL, COL_KAPPA = range(8)
    HEADERS = (QT_TRANSLATE_NOOP("PairModel", "Annotator"), QT_TRANSLATE_NOOP("PairModel", "Other"),
               QT_TRANSLATE_NOOP("PairModel", "Documents"), QT_TRANSLATE_NOOP("PairModel", "Precision"),
               QT_TRANSLATE_NOOP("PairModel", "Recall"), QT_TRANSLATE_NOOP("PairModel", "Exact F1"),
               QT_TRANSLATE_NOOP("PairModel", "Partial F1"), QT_TRANSLATE_NOOP("PairModel", "Kappa"))

    def set_report(self, report: AgreementReport | None, label: str | None = None) -> None:
        rows: list[tuple[Any, list[Any]]] = []
        if report is not None:
            sc = report.overall if not label else report.by_label.get(label)
            if sc is not None:
                for (a, b), p in sorted(sc.pairs.items()):
                    rows.append(((a, b), [a, b, p.documents, p.exact.precision, p.exact.recall, p.exact.f1,
                                          p.partial.f1, p.kappa]))
        self._set(rows)


class DocumentModel(_Table):
    """One row per document: annotators, mean pairwise F1s and kappa, alpha."""

    COL_ID, COL_TITLE, COL_ANNOTATORS, COL_EXACT, COL_PARTIAL, COL_KAPPA, COL_ALPHA = range(7)
    HEADERS = (QT_TRANSLATE_NOOP("DocumentModel", "Id"), QT_TRANSLATE_NOOP("DocumentModel", "Title"),
               QT_TRANSLATE_NOOP("DocumentModel", "Annotators"), QT_TRANSLATE_NOOP("DocumentModel", "Exact F1"),
               QT_TRANSLATE_NOOP("DocumentModel", "Partial F1"), QT_TRANSLATE_NOOP("DocumentModel", "Kappa"),
               QT_TRANSLATE_NOOP("DocumentModel", "Alpha"))

    def set_report(self, report: AgreementReport | None) -> None:
        rows: list[tuple[Any, list[Any]]] = []
        if report is not None:
            for doc_id, sc in report.by_doc.items():
                people = sorted({x for pair in sc.pairs for x in pair})
                rows.append((doc_id, [doc_id, report.titles.get(doc_id, ""), len(people), *_summary(sc)]))
        self._set(rows)


class ConflictModel(_Table):
    """The conflicts merges left: kind, row, the versions (the one in use first)."""

    COL_KIND, COL_UID, COL_VERSIONS, COL_KEPT = range(4)
    HEADERS = (QT_TRANSLATE_NOOP("ConflictModel", "Kind"), QT_TRANSLATE_NOOP("ConflictModel", "Row"),
               QT_TRANSLATE_NOOP("ConflictModel", "Versions"), QT_TRANSLATE_NOOP("ConflictModel", "In use"))

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._conflicts: list[Conflict] = []

    def set_conflicts(self, conflicts: Sequence[Conflict]) -> None:
        self._conflicts = list(conflicts)
        self._set([(c.key, [c.kind, c.uid, len(c.versions), c.describe().split(" | ")[c.kept].lstrip("* ")])
                   for c in self._conflicts])

    def conflict(self, row: int) -> Conflict | None:
        return self._conflicts[row] if 0 <= row < len(self._conflicts) else None


def _table(model: QAbstractTableModel, name: str, parent: QWidget) -> QTableView:
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(VALUE_ROLE)
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the model's own order until a header is clicked
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    view.verticalHeader().setVisible(False)
    return view


class AgreementDialog(QDialog):
    """Agreement tables; ``set_report`` fills them (the computation runs elsewhere)."""

    document_activated = Signal(int)

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.report: AgreementReport | None = None
        self.setWindowTitle(self.tr("Agreement"))
        self.resize(820, 520)
        self.summary = QLabel(self.tr("Comparing annotators…"), self)
        self.summary.setObjectName("agreementSummary")
        self.summary.setWordWrap(True)
        self.labels = LabelModel(self)
        self.pairs = PairModel(self)
        self.documents = DocumentModel(self)
        self.tabs = QTabWidget(self)
        self.label_view = _table(self.labels, "agreementLabels", self)
        self.pair_view = _table(self.pairs, "agreementPairs", self)
        self.doc_view = _table(self.documents, "agreementDocuments", self)
        self.tabs.addTab(self.label_view, self.tr("&Labels"))
        self.tabs.addTab(self.pair_view, self.tr("&Pairs"))
        self.tabs.addTab(self.doc_view, self.tr("&Documents"))
        self.doc_view.activated.connect(self._doc_activated)
        self.label_view.selectionModel().currentRowChanged.connect(self._label_chosen)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        note = QLabel(self.tr("Exact F1: same start, end and label. Partial: overlapping, same label. Kappa "
                              "(Cohen, per pair) and alpha (Krippendorff, nominal, all annotators) compare the "
                              "label of every token. Choose a label to see its pairs; open a document to "
                              "adjudicate it."), self)
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def set_report(self, report: AgreementReport) -> None:
        self.report = report
        self.labels.set_report(report)
        self.pairs.set_report(report)
        self.documents.set_report(report)
        if not report.documents:
            self.summary.setText(self.tr("No document has the work of two annotators yet."))
            return
        o = report.overall
        self.summary.setText(self.tr("{docs} document(s), annotators {who}. Overall: alpha {alpha}, mean kappa "
                                     "{kappa}, mean exact F1 {exact}, mean partial F1 {partial}.").format(
            docs=report.documents, who=", ".join(report.annotators), alpha=_fmt(o.alpha), kappa=_fmt(o.mean_kappa),
            exact=_fmt(o.mean_exact_f1), partial=_fmt(o.mean_partial_f1)))

    def _label_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        label = current.data(ROW_ROLE) if current.isValid() else None
        self.pairs.set_report(self.report, label or None)
        self.tabs.setTabText(1, self.tr("&Pairs ({label})").format(label=label) if label else self.tr("&Pairs"))

    def _doc_activated(self, index: QModelIndex) -> None:
        doc_id = index.data(ROW_ROLE)
        if isinstance(doc_id, int):
            self.document_activated.emit(doc_id)
