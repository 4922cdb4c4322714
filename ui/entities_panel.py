"""The Entities panel: canonical entities with their mentions; rename, merge, split, link, tag all.

* :class:`EntityModel` — every entity of the project as a table (name, type, aliases, mentions),
  updated row by row from core changes; :class:`EntityFilterProxy` filters it by folded name or
  alias and by type, and sorts it.
* :class:`MentionModel` — the mentions of the current entity with context; activating one opens
  its document with the mention selected.
* :class:`LinkEntityDialog` — "link this mention to an entity": ranked suggestions (spelling
  variants, then names starting with what is typed) refreshed as the annotator types, or a new
  entity with the typed name.
* :class:`TagAllDialog` — "Tag all occurrences…" with a live count of the places it would tag.
* :class:`RenameDialog`, :class:`MergeDialog`, :class:`SplitDialog`, :class:`ClustersDialog`.

:func:`install` adds the dock (View → Panels, Ctrl+Shift+E) and the Span-menu actions "Link to
entity…" (Ctrl+Shift+L) and "Tag all occurrences…" (Ctrl+Shift+T) to the main window. Every edit
goes through ``window.perform`` (one undo step each). Widgets never run SQL; GUI thread only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QPushButton,
    QRadioButton,
    QSplitter,
    QToolButton,
    QTreeView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.entities import Mention, MentionCluster
from annotator.errors import NotFoundError
from annotator.folding import fold
from annotator.model import Changes, Entity, Layer, Span
from annotator.occurrences import (
    OccurrencePreview,
    add_mentions,
    find_variants,
    preview_occurrences,
    tag_occurrences,
)
from annotator.project import Project

Index = QModelIndex | QPersistentModelIndex
USER = Qt.ItemDataRole.UserRole


class WindowLike(Protocol):
    """What the panel uses of the main window (see ``ui/mainwindow.py``)."""

    project: Project

    def perform(self, action: Callable[[], Changes | Sequence[Changes] | None], text: str) -> Changes | None: ...
    def open_document(self, doc_id: int, select: tuple[int, int] | None = None) -> bool: ...
    def select_span(self, span_id: int | None) -> None: ...
    def show_message(self, text: str, msecs: int = 6000) -> None: ...
    def show_error(self, text: str) -> None: ...


# ---- the entity table ---------------------------------------------------------------------------


class EntityModel(QAbstractTableModel):
    """Every entity of a project: name, type, aliases, mention count. Rows follow core changes."""

    NAME, TYPE, ALIASES, MENTIONS = range(4)
    EntityRole = USER + 1  # the Entity
    EntityIdRole = USER + 2
    SortRole = USER + 3
    FilterRole = USER + 4  # folded name and aliases

    def __init__(self, project: Project, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self._rows: list[Entity] = []
        self._row_of: dict[int, int] = {}
        self._counts: dict[int, dict[str, int]] = {}
        self._folded: dict[int, str] = {}
        self.reload()

    def reload(self) -> None:
        """Read every entity again (a real reset: use on opening, not for edits)."""
        self.beginResetModel()
        self._rows = self.project.entities.list()
        self._reindex()
        self._counts = self.project.entities.mention_counts_by_state()
        self.endResetModel()

    def _reindex(self) -> None:
        self._row_of = {e.id: k for k, e in enumerate(self._rows)}
        self._folded = {e.id: fold(" | ".join((e.name, *e.aliases))) for e in self._rows}

    # ---- Qt model interface -------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt override
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 4:
            return (self.tr("Name"), self.tr("Type"), self.tr("Also written"), self.tr("Mentions"))[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        e = self._rows[index.row()]
        col = index.column()
        counts = self._counts.get(e.id, {})
        total = sum(counts.values())
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.NAME:
                return e.name
            if col == self.TYPE:
                return e.type
            if col == self.ALIASES:
                return "; ".join(e.aliases)
            if col == self.MENTIONS:
                return str(total)
        elif role == self.SortRole:
            if col == self.MENTIONS:
                return total
            return fold(str(self.data(index, Qt.ItemDataRole.DisplayRole)))
        elif role == Qt.ItemDataRole.ToolTipRole:
            lines = [f"{e.name} ({e.type})"]
            if e.external_id:
                lines.append(e.external_id)
            if e.aliases:
                lines.append(self.tr("Also written: {names}").format(names="; ".join(e.aliases)))
            lines.append(self.tr("{accepted} accepted, {suggested} suggested mention(s)").format(
                accepted=counts.get("accepted", 0), suggested=counts.get("suggested", 0)))
            if e.notes:
                lines.append(e.notes)
            return "\n".join(lines)
        elif role == Qt.ItemDataRole.TextAlignmentRole and col == self.MENTIONS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        elif role == self.EntityRole:
            return e
        elif role == self.EntityIdRole:
            return e.id
        elif role == self.FilterRole:
            return self._folded.get(e.id, "")
        return None

    # ---- reading ------------------------------------------------------------------------------

    def entity(self, row: int) -> Entity:
        return self._rows[row]

    def row_of(self, entity_id: int) -> int | None:
        return self._row_of.get(entity_id)

    def mention_count(self, entity_id: int) -> int:
        return sum(self._counts.get(entity_id, {}).values())

    # ---- following the core -------------------------------------------------------------------

    def on_project_changed(self, changes: Changes, _initiator: object = None) -> None:
        """Update the rows an operation touched (insert, update, remove) and the counts."""
        if not changes.entities and changes.documents and self.project.entities.count() != len(self._rows):
            self.reload()  # an import made entities without naming them in its changes
            return
        if changes.entities:
            ids = sorted(changes.entities)
            found: dict[int, Entity] = {e.id: e for e in self.project.entities.get_many(ids)}
            gone = sorted((self._row_of[i] for i in ids if i not in found and i in self._row_of), reverse=True)
            for row in gone:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                self.endRemoveRows()
            if gone:
                self._reindex()
            new = [found[i] for i in ids if i in found and i not in self._row_of]
            for i in ids:
                at = self._row_of.get(i)
                if at is not None and i in found and found[i] != self._rows[at]:
                    self._rows[at] = found[i]
                    self._folded[i] = fold(" | ".join((found[i].name, *found[i].aliases)))
                    self.dataChanged.emit(self.index(at, 0), self.index(at, 3))
            if new:
                first = len(self._rows)
                self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
                self._rows.extend(new)
                self._reindex()
                self.endInsertRows()
        if changes.entities or changes.spans:
            counts = self.project.entities.mention_counts_by_state()
            changed = {i for i in set(counts) | set(self._counts) if counts.get(i) != self._counts.get(i)}
            self._counts = counts
            for i in changed:
                where = self._row_of.get(i)
                if where is not None:
                    ix = self.index(where, self.MENTIONS)
                    self.dataChanged.emit(ix, ix)


class EntityFilterProxy(QSortFilterProxyModel):
    """Filters entities by folded text (name or alias) and type; sorts by the model's SortRole."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._needle = ""
        self._type = ""
        self.setSortRole(EntityModel.SortRole)
        self.setDynamicSortFilter(True)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._needle = " ".join(fold(text).split())
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_type(self, type_: str) -> None:
        self.beginFilterChange()
        self._type = type_
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802 - Qt override
        model = self.sourceModel()
        ix = model.index(source_row, 0, source_parent)
        if self._type and model.data(ix, EntityModel.EntityRole).type != self._type:
            return False
        return not self._needle or self._needle in str(model.data(ix, EntityModel.FilterRole))


class MentionModel(QAbstractListModel):
    """The mentions of one entity, with context, in document order."""

    SpanRole = USER + 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Mention] = []

    def set_mentions(self, mentions: list[Mention]) -> None:
        self.beginResetModel()
        self._rows = list(mentions)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        m = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            mark = "" if m.span.state == "accepted" else self.tr(" (suggested)")
            return f"{m.span.doc_id} · …{m.before[-28:].lstrip()}[{m.text}]{m.after[:28].rstrip()}…{mark}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("{title}, at {start}").format(title=m.doc_title, start=m.span.start)
        if role == self.SpanRole:
            return m.span
        return None

    def mention(self, row: int) -> Mention:
        return self._rows[row]


# ---- dialogs --------------------------------------------------------------------------------------


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
    box.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


class RenameDialog(QDialog):
    def __init__(self, entity: Entity, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entity = entity
        self.setWindowTitle(self.tr("Rename entity"))
        self.name_edit = QLineEdit(entity.name, self)
        self.name_edit.selectAll()
        self.name_edit.setAccessibleName(self.tr("New name"))
        self.keep = QRadioButton(self.tr("Keep the old name as an alias"), self)
        self.keep.setChecked(True)
        form = QFormLayout(self)
        form.addRow(self.tr("&Name:"), self.name_edit)
        form.addRow(self.keep)
        self.buttons = _buttons(self, self.tr("Rename"))
        form.addRow(self.buttons)
        self.name_edit.textChanged.connect(self._check)

    def _check(self, text: str) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(text.strip()))

    def name(self) -> str:
        return self.name_edit.text().strip()


class MergeDialog(QDialog):
    """Which of the selected entities survives (the others' mentions and names move to it)."""

    def __init__(self, entities: list[Entity], counts: dict[int, int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Merge entities"))
        self.entities = entities
        self.keep_box = QComboBox(self)
        self.keep_box.setAccessibleName(self.tr("Entity to keep"))
        ordered = sorted(entities, key=lambda e: (-counts.get(e.id, 0), e.id))
        for e in ordered:
            self.keep_box.addItem(self.tr("{name} ({type}, {n} mention(s))").format(
                name=e.name, type=e.type, n=counts.get(e.id, 0)), e.id)
        total = sum(counts.get(e.id, 0) for e in entities)
        intro = QLabel(self.tr("{n} entities become one with {m} mention(s). Their names are kept as aliases; "
                               "undo brings them back.").format(n=len(entities), m=total), self)
        intro.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(intro)
        form.addRow(self.tr("&Keep:"), self.keep_box)
        form.addRow(_buttons(self, self.tr("Merge")))

    def keep_id(self) -> int:
        return int(self.keep_box.currentData())

    def other_ids(self) -> list[int]:
        keep = self.keep_id()
        return [e.id for e in self.entities if e.id != keep]


class SplitDialog(QDialog):
    def __init__(self, entity: Entity, mentions: list[Mention], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Split entity"))
        self.mentions = mentions
        self.name_edit = QLineEdit(mentions[0].text if mentions else "", self)
        self.name_edit.setAccessibleName(self.tr("Name of the new entity"))
        intro = QLabel(self.tr("Move {n} mention(s) of {name} to a new entity.").format(n=len(mentions),
                                                                                         name=entity.name), self)
        intro.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(intro)
        form.addRow(self.tr("New &name:"), self.name_edit)
        form.addRow(_buttons(self, self.tr("Split")))

    def name(self) -> str:
        return self.name_edit.text().strip()


class LinkEntityDialog(QDialog):
    """Choose the entity a mention names: ranked suggestions refresh as you type."""

    def __init__(self, project: Project, span: Span, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.span = span
        self.setWindowTitle(self.tr("Link mention to entity"))
        self.query = QLineEdit(text, self)
        self.query.setAccessibleName(self.tr("Entity name"))
        self.query.setPlaceholderText(self.tr("Type a name…"))
        self.any_type = QRadioButton(self.tr("Entities of any type"), self)
        self.any_type.setAutoExclusive(False)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Suggested entities"))
        self.new_button = QPushButton(self.tr("&New entity"), self)
        self.new_button.setToolTip(self.tr("Create an entity with the typed name and link the mention to it"))
        self.buttons = _buttons(self, self.tr("Link"))
        self.buttons.addButton(self.new_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Mention: «{text}» ({label})").format(text=text, label=span.label), self))
        layout.addWidget(self.query)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.any_type)
        layout.addWidget(self.buttons)
        self.created = False
        self.query.textChanged.connect(self.refresh)
        self.any_type.toggled.connect(self.refresh)
        self.list.itemActivated.connect(lambda _item: self.accept())
        self.new_button.clicked.connect(self._new)
        self.query.installEventFilter(self)
        self.resize(460, 360)
        self.refresh()

    def eventFilter(self, watched: QObject, event: Any) -> bool:  # noqa: N802 - Qt override
        # Up/Down in the name field move through the suggestions (keyboard first)
        if watched is self.query and event.type() == event.Type.KeyPress and event.key() in (Qt.Key.Key_Up,
                                                                                           Qt.Key.Key_Down):
            step = -1 if event.key() == Qt.Key.Key_Up else 1
            row = max(0, min(self.list.count() - 1, self.list.currentRow() + step))
            self.list.setCurrentRow(row)
            return True
        return super().eventFilter(watched, event)

    def refresh(self) -> None:
        text = self.query.text()
        type_ = None if self.any_type.isChecked() else self.span.label
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # the first lookup may build the index
        try:
            found = self.project.entities.suggest(text, type=type_, limit=12, prefix=True) if text.strip() else []
        finally:
            QApplication.restoreOverrideCursor()
        self.list.clear()
        for s in found:
            via = self.tr(" — as «{alias}»").format(alias=s.matched) if s.matched != s.name else ""
            item = QListWidgetItem(f"{s.name}  ({s.type}){via}   {s.score:.2f}", self.list)
            item.setData(USER, int(s.entity_id))
            item.setToolTip(self.tr("Match: {how}, score {score:.2f}").format(how=s.how, score=s.score))
        if found:
            self.list.setCurrentRow(0)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(found))
        self.new_button.setEnabled(bool(text.strip()))

    def chosen_entity(self) -> int | None:
        item = self.list.currentItem()
        return None if item is None or self.created else int(item.data(USER))

    def new_name(self) -> str | None:
        return self.query.text().strip() if self.created else None

    def _new(self) -> None:
        if self.query.text().strip():
            self.created = True
            self.accept()


class TagAllDialog(QDialog):
    """Where else the mention's text occurs; a live count before tagging them all (one undo step)."""

    def __init__(self, project: Project, span: Span, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.span = span
        self.setWindowTitle(self.tr("Tag all occurrences"))
        self.this_doc = QRadioButton(self.tr("In this &document"), self)
        self.whole_project = QRadioButton(self.tr("In the whole &project"), self)
        self.exact = QRadioButton(self.tr("&Exactly this text"), self)
        self.folded = QRadioButton(self.tr("Also other &case and diacritics"), self)
        self.as_suggestions = QRadioButton(self.tr("As &suggestions to review"), self)
        self.as_accepted = QRadioButton(self.tr("As &accepted"), self)
        self.groups = []
        for a, b in ((self.this_doc, self.whole_project), (self.exact, self.folded),
                     (self.as_suggestions, self.as_accepted)):
            group = QButtonGroup(self)
            group.addButton(a)
            group.addButton(b)
            a.setChecked(True)
            self.groups.append(group)
        self.count = QLabel(self)
        self.count.setObjectName("occurrenceCount")
        self.count.setWordWrap(True)
        self.buttons = _buttons(self, self.tr("Tag them"))
        form = QFormLayout(self)
        text = project.documents.text(span.doc_id)[span.start:span.end]
        link = ""
        if span.entity_id is not None:
            try:
                link = self.tr(", linked to {name}").format(name=project.entities.get(span.entity_id).name)
            except NotFoundError:
                link = ""
        form.addRow(QLabel(self.tr("Tag «{text}» as {label}{link}").format(text=text, label=span.label, link=link),
                           self))
        form.addRow(self.tr("Where:"), _pair(self.this_doc, self.whole_project))
        form.addRow(self.tr("Match:"), _pair(self.exact, self.folded))
        form.addRow(self.tr("Add:"), _pair(self.as_suggestions, self.as_accepted))
        form.addRow(self.count)
        form.addRow(self.buttons)
        self.preview: OccurrencePreview | None = None
        for b in (self.this_doc, self.whole_project, self.exact, self.folded):
            b.toggled.connect(self._toggled)
        self.refresh()

    def _toggled(self, on: bool) -> None:
        if on:
            self.refresh()

    def refresh(self) -> None:
        self.preview = preview_occurrences(self.project, self.span.id,
                                           scope="project" if self.whole_project.isChecked() else "document",
                                           match="folded" if self.folded.isChecked() else "exact")
        p = self.preview
        self.count.setText(self.tr("{n} more place(s) in {d} document(s); {k} already tagged.").format(
            n=p.total, d=len(p.by_doc), k=p.skipped))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(p.total > 0)

    def state(self) -> str:
        return "accepted" if self.as_accepted.isChecked() else "suggested"


def _pair(a: QWidget, b: QWidget) -> QWidget:
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(a)
    row.addWidget(b)
    row.addStretch(1)
    return box


class ClustersDialog(QDialog):
    """Proposed clusters of name variants; make one entity of a cluster, or tag its untagged places."""

    def __init__(self, panel: EntitiesPanel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.panel = panel
        self.setWindowTitle(self.tr("Name variants"))
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([self.tr("Cluster / spelling"), self.tr("Type"), self.tr("Mentions"),
                                   self.tr("State")])
        self.tree.setAccessibleName(self.tr("Proposed clusters"))
        self.unify_button = QPushButton(self.tr("&Make one entity"), self)
        self.untagged_button = QPushButton(self.tr("&Tag untagged places…"), self)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.unify_button)
        row.addWidget(self.untagged_button)
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addLayout(row)
        self.clusters: list[MentionCluster] = []
        self.unify_button.clicked.connect(self.unify_current)
        self.untagged_button.clicked.connect(self.tag_untagged_current)
        self.tree.currentItemChanged.connect(self._current_changed)
        self.resize(620, 420)
        self.refresh()

    def refresh(self) -> None:
        self.clusters = self.panel.project.entities.clusters()
        self.tree.clear()
        for k, c in enumerate(self.clusters):
            state = self.tr("one entity") if c.resolved else self.tr("{n} unlinked").format(n=c.unlinked)
            top = QTreeWidgetItem(self.tree, [c.name, c.label, str(len(c.span_ids)), state])
            top.setData(0, USER, k)
            for v in c.variants:
                child = QTreeWidgetItem(top, [v.text, "", str(len(v.span_ids)), ""])
                child.setData(0, USER, k)
            top.setExpanded(True)
        first = self.tree.topLevelItem(0)
        if first is not None:
            self.tree.setCurrentItem(first)
        self._current_changed()
        self.tree.resizeColumnToContents(0)

    def current(self) -> MentionCluster | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        return self.clusters[int(item.data(0, USER))]

    def _current_changed(self, *_args: object) -> None:
        c = self.current()
        self.unify_button.setEnabled(c is not None and not c.resolved)
        self.untagged_button.setEnabled(c is not None)

    def unify_current(self) -> None:
        c = self.current()
        if c is None:
            return
        project = self.panel.project
        self.panel.main.perform(lambda: project.entities.unify(c.span_ids, name=c.name),
                                  self.tr("Make one entity of {name}").format(name=c.name))
        self.refresh()

    def tag_untagged_current(self) -> None:
        c = self.current()
        if c is None:
            return
        project = self.panel.project
        entity = c.entity_ids[0] if len(c.entity_ids) == 1 else None
        found = find_variants(project, c.texts, label=c.label, entity_id=entity)
        if not found:
            self.panel.main.show_message(self.tr("No untagged place looks like {name}.").format(name=c.name))
            return
        self.panel.main.perform(
            lambda: add_mentions(project, found, label=c.label, entity_id=entity, state="suggested",
                                 op_name="entities.tag_variants", summary={"name": c.name}),
            self.tr("Suggest {n} mention(s) of {name}").format(n=len(found), name=c.name))
        self.panel.main.show_message(self.tr("Suggested {n} mention(s) of {name}.").format(n=len(found),
                                                                                           name=c.name))
        self.refresh()


# ---- the panel ----------------------------------------------------------------------------------


class EntitiesPanel(QWidget):
    """Entity list with filter, the current entity's mentions, and the curating actions."""

    entity_chosen = Signal(int)

    def __init__(self, window: WindowLike, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.main = window
        self.project = window.project
        self.model = EntityModel(self.project, self)
        self.proxy = EntityFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Filter by name or alias…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName(self.tr("Filter entities"))
        self.type_box = QComboBox(self)
        self.type_box.setAccessibleName(self.tr("Entity type"))
        self.type_box.addItem(self.tr("All types"), "")
        for lab in self.project.schema.labels_of(Layer.ENTITY):
            self.type_box.addItem(lab.name, lab.name)
        self.table = QTreeView(self)
        self.table.setObjectName("entityTable")
        self.table.setAccessibleName(self.tr("Entities"))
        self.table.setModel(self.proxy)
        self.table.setRootIsDecorated(False)
        self.table.setUniformRowHeights(True)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(EntityModel.MENTIONS, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.header()
        # shown as name, type, mentions, then the aliases taking what is left (a narrow dock
        # still shows whole names and counts)
        header.moveSection(header.visualIndex(EntityModel.ALIASES), EntityModel.MENTIONS)
        header.setStretchLastSection(True)
        for col in (EntityModel.NAME, EntityModel.TYPE, EntityModel.MENTIONS):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.mentions = MentionModel(self)
        self.mention_list = QListView(self)
        self.mention_list.setObjectName("mentionList")
        self.mention_list.setAccessibleName(self.tr("Mentions of the entity"))
        self.mention_list.setModel(self.mentions)
        self.mention_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.mention_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.mention_list.setWordWrap(True)
        self.mention_list.setSpacing(2)
        self.mention_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.mention_title = QLabel(self)
        self.mention_title.setProperty("role", "panel-title")

        self.rename_action = self._action(self.tr("&Rename…"), self.rename_dialog, "F2",
                                          self.tr("Rename the entity (the old name stays as an alias)"))
        self.merge_action = self._action(self.tr("&Merge…"), self.merge_dialog, "Ctrl+M",
                                         self.tr("Merge the selected entities into one"))
        self.split_action = self._action(self.tr("&Split off…"), self.split_dialog, "",
                                         self.tr("Move the selected mentions to a new entity"))
        self.delete_action = self._action(self.tr("&Delete entity"), self.delete_selected, "",
                                          self.tr("Delete the entity (its mentions stay, unlinked)"))
        self.clusters_action = self._action(self.tr("Name &variants…"), self.clusters_dialog, "",
                                            self.tr("Propose clusters of mentions that spell one name differently"))
        buttons = QHBoxLayout()
        for act in (self.rename_action, self.merge_action, self.split_action, self.clusters_action):
            b = QToolButton(self)
            b.setDefaultAction(act)
            buttons.addWidget(b)
        buttons.addStretch(1)

        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        filters = QHBoxLayout()
        filters.addWidget(self.filter, 1)
        filters.addWidget(self.type_box)
        top_layout.addLayout(filters)
        top_layout.addWidget(self.table, 1)
        top_layout.addLayout(buttons)
        bottom = QWidget(self)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.mention_title)
        bottom_layout.addWidget(self.mention_list, 1)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(top)
        split.addWidget(bottom)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(split)

        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for act in (self.rename_action, self.merge_action, self.delete_action):
            self.table.addAction(act)
        self.mention_list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.mention_list.addAction(self.split_action)

        self.filter.textChanged.connect(self.proxy.set_text)
        self.type_box.currentIndexChanged.connect(self._type_chosen)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.selectionModel().currentRowChanged.connect(self._selection_changed)
        self.mention_list.activated.connect(self.jump_to_mention)
        self.mention_list.selectionModel().selectionChanged.connect(self._update_actions)
        self._current_id: int | None = None
        self._update_mentions()
        self._update_actions()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(440, 520)

    def _action(self, text: str, slot: Callable[[], Any], key: str, tip: str) -> QAction:
        act = QAction(text, self)
        if key:
            act.setShortcut(QKeySequence(key))
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        act.setToolTip(f"{tip} ({key})" if key else tip)
        act.setStatusTip(tip)
        act.triggered.connect(lambda _checked=False: slot())
        self.addAction(act)
        return act

    # ---- selection ------------------------------------------------------------------------------

    def selected_ids(self) -> list[int]:
        rows = self.table.selectionModel().selectedRows()
        return [int(self.proxy.data(ix, EntityModel.EntityIdRole)) for ix in rows]

    def current_id(self) -> int | None:
        ix = self.table.currentIndex()
        if ix.isValid() and self.table.selectionModel().isRowSelected(ix.row(), ix.parent()):
            return int(self.proxy.data(ix, EntityModel.EntityIdRole))
        ids = self.selected_ids()
        return ids[0] if ids else None

    def select_entity(self, entity_id: int | None) -> bool:
        """Make ``entity_id`` the current entity (clearing the filter when it hides it)."""
        if entity_id is None:
            return False
        row = self.model.row_of(entity_id)
        if row is None:
            return False
        ix = self.proxy.mapFromSource(self.model.index(row, 0))
        if not ix.isValid():
            self.filter.clear()
            self.type_box.setCurrentIndex(0)
            ix = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.setCurrentIndex(ix)
        self.table.selectionModel().select(ix, self.table.selectionModel().SelectionFlag.ClearAndSelect
                                           | self.table.selectionModel().SelectionFlag.Rows)
        self.table.scrollTo(ix)
        return True

    def show_entity_of_span(self, span_id: int) -> None:
        """Follow the window's selected span: show its entity (when it links to one)."""
        if span_id < 0:
            return
        try:
            span = self.project.spans.get(span_id)
        except NotFoundError:
            return
        if span.entity_id is not None:
            self.select_entity(span.entity_id)

    def _type_chosen(self, _index: int) -> None:
        self.proxy.set_type(str(self.type_box.currentData() or ""))

    def _selection_changed(self, *_args: object) -> None:
        cid = self.current_id()
        if cid != self._current_id:
            self._current_id = cid
            self._update_mentions()
            if cid is not None:
                self.entity_chosen.emit(cid)
        self._update_actions()

    def _update_mentions(self) -> None:
        cid = self._current_id
        if cid is None or self.model.row_of(cid) is None:
            self.mentions.set_mentions([])
            self.mention_title.setText(self.tr("Mentions"))
            return
        e = self.model.entity(self.model.row_of(cid))  # type: ignore[arg-type]
        found = self.project.entities.mention_contexts(cid, context=30)
        self.mentions.set_mentions(found)
        self.mention_title.setText(self.tr("{n} mention(s) of {name}").format(n=len(found), name=e.name))

    def _update_actions(self, *_args: object) -> None:
        ids = self.selected_ids()
        self.rename_action.setEnabled(len(ids) == 1)
        self.merge_action.setEnabled(len(ids) >= 2)
        self.delete_action.setEnabled(bool(ids))
        self.split_action.setEnabled(self._current_id is not None
                                     and bool(self.mention_list.selectionModel().selectedRows()))

    def on_project_changed(self, changes: Changes, initiator: object = None) -> None:
        self.model.on_project_changed(changes, initiator)
        if self._current_id is not None and (changes.entities or changes.spans):
            if self.model.row_of(self._current_id) is None:
                self._current_id = None
            self._update_mentions()
        self._update_actions()

    # ---- actions --------------------------------------------------------------------------------

    def jump_to_mention(self, index: QModelIndex) -> None:
        """Open the mention's document with the mention selected."""
        span = self.mentions.data(index, MentionModel.SpanRole)
        if span is None:
            return
        if self.main.open_document(span.doc_id, select=(span.start, span.end)):
            self.main.select_span(span.id)

    def rename_dialog(self) -> RenameDialog | None:
        cid = self.current_id()
        if cid is None:
            return None
        dialog = RenameDialog(self.project.entities.get(cid), self)
        dialog.accepted.connect(lambda: self._rename(cid, dialog.name(), dialog.keep.isChecked()))
        dialog.open()
        return dialog

    def _rename(self, entity_id: int, name: str, keep: bool) -> None:
        if name:
            self.main.perform(lambda: self.project.entities.rename(entity_id, name, keep_alias=keep),
                                self.tr("Rename entity to {name}").format(name=name))

    def merge_dialog(self) -> MergeDialog | None:
        ids = self.selected_ids()
        if len(ids) < 2:
            return None
        ents = self.project.entities.get_many(ids)
        dialog = MergeDialog(ents, {e.id: self.model.mention_count(e.id) for e in ents}, self)
        dialog.accepted.connect(lambda: self.merge(dialog.keep_id(), dialog.other_ids()))
        dialog.open()
        return dialog

    def merge(self, keep_id: int, other_ids: list[int]) -> Changes | None:
        name = self.project.entities.get(keep_id).name
        result = self.main.perform(lambda: self.project.entities.merge(keep_id, other_ids),
                                     self.tr("Merge {n} entities into {name}").format(n=len(other_ids) + 1, name=name))
        if result is not None:
            self.select_entity(keep_id)
        return result

    def split_dialog(self) -> SplitDialog | None:
        cid = self._current_id
        rows = sorted(ix.row() for ix in self.mention_list.selectionModel().selectedRows())
        if cid is None or not rows:
            return None
        chosen = [self.mentions.mention(r) for r in rows]
        dialog = SplitDialog(self.project.entities.get(cid), chosen, self)
        dialog.accepted.connect(lambda: self._split(cid, [m.span.id for m in chosen], dialog.name()))
        dialog.open()
        return dialog

    def _split(self, entity_id: int, span_ids: list[int], name: str) -> None:
        self.main.perform(lambda: self.project.entities.split(entity_id, span_ids, name=name or None),
                            self.tr("Split {n} mention(s) off into {name}").format(n=len(span_ids), name=name))

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.main.perform(lambda: self.project.entities.delete(ids),
                                self.tr("Delete {n} entit(ies)").format(n=len(ids)))

    WARM_LIMIT = 20_000

    def warm_index(self) -> None:
        """Build the entity name index now when it is quick (up to WARM_LIMIT entities)."""
        if not self.project.closed and 0 < self.project.entities.count() <= self.WARM_LIMIT:
            self.project.entities.index()

    def clusters_dialog(self) -> ClustersDialog:
        dialog = ClustersDialog(self, self)
        dialog.open()
        return dialog


# ---- actions on the window's selected span --------------------------------------------------------


def _selected_span(window: Any) -> Span | None:
    view = getattr(window, "text_view", None)
    span_id = view.selected_span_id() if view is not None else None
    if span_id is None:
        return None
    try:
        return window.project.spans.get(span_id)  # type: ignore[no-any-return]
    except NotFoundError:
        return None


def link_dialog(window: Any) -> LinkEntityDialog | None:
    """"Link to entity…" for the window's selected mention (an entity-layer span)."""
    span = _selected_span(window)
    if span is None or span.layer != Layer.ENTITY:
        window.show_message(QCoreApplication.translate("EntitiesPanel", "Select an entity mention first."))
        return None
    project: Project = window.project
    text = project.documents.text(span.doc_id)[span.start:span.end]
    dialog = LinkEntityDialog(project, span, text, window)

    def done() -> None:
        new_name = dialog.new_name()
        if new_name:
            def create() -> list[Changes]:
                added = project.entities.add(name=new_name, type=span.label,
                                             aliases=[text] if text != new_name else [])
                return [added, project.entities.link([span.id], min(added.entities))]

            what = QCoreApplication.translate("EntitiesPanel", "Link «{text}» to new entity {name}")
            window.perform(create, what.format(text=text, name=new_name))
            return
        eid = dialog.chosen_entity()
        if eid is not None:
            name = project.entities.get(eid).name
            what = QCoreApplication.translate("EntitiesPanel", "Link «{text}» to {name}")
            window.perform(lambda: project.entities.link([span.id], eid), what.format(text=text, name=name))

    dialog.accepted.connect(done)
    dialog.open()
    return dialog


def tag_all_dialog(window: Any) -> TagAllDialog | None:
    """"Tag all occurrences…" of the window's selected span (not a claim)."""
    span = _selected_span(window)
    if span is None or span.layer == Layer.CLAIM:
        window.show_message(QCoreApplication.translate("EntitiesPanel", "Select an entity or figure span first."))
        return None
    project: Project = window.project
    dialog = TagAllDialog(project, span, window)

    def done() -> None:
        preview = dialog.preview
        if preview is None or not preview.total:
            return
        state = dialog.state()
        what = QCoreApplication.translate("EntitiesPanel", "Tag {n} occurrence(s) of «{text}»")
        changes = window.perform(lambda: tag_occurrences(project, span.id, preview=preview, state=state),
                                 what.format(n=preview.total, text=preview.text))
        if changes is not None:
            done_text = QCoreApplication.translate("EntitiesPanel", "Tagged {n} more occurrence(s) of «{text}».")
            window.show_message(done_text.format(n=len(changes.spans), text=preview.text))

    dialog.accepted.connect(done)
    dialog.open()
    return dialog


def install(window: Any) -> EntitiesPanel:
    """Add the Entities dock and the Span-menu actions to the main window; returns the panel."""
    panel = EntitiesPanel(window)
    dock = QDockWidget(QCoreApplication.translate("EntitiesPanel", "Entities"), window)
    dock.setObjectName("entitiesDock")
    dock.setWidget(panel)
    if hasattr(window, "add_dock"):
        window.add_dock(dock, Qt.DockWidgetArea.RightDockWidgetArea)
    elif isinstance(window, QMainWindow):
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    toggle = dock.toggleViewAction()
    toggle.setText(QCoreApplication.translate("EntitiesPanel", "&Entities"))
    toggle.setShortcut(QKeySequence("Ctrl+Shift+E"))
    window.entities_panel = panel
    window.entities_dock = dock

    link = QAction(QCoreApplication.translate("EntitiesPanel", "&Link to entity…"), window)
    link.setObjectName("link_entity")
    link.setShortcut(QKeySequence("Ctrl+Shift+L"))
    link.setToolTip(QCoreApplication.translate("EntitiesPanel", "Link the selected mention to an entity, with suggestions (Ctrl+Shift+L)"))
    link.triggered.connect(lambda _c=False: link_dialog(window))
    tag_all = QAction(QCoreApplication.translate("EntitiesPanel", "Tag all &occurrences…"), window)
    tag_all.setObjectName("tag_all_occurrences")
    tag_all.setShortcut(QKeySequence("Ctrl+Shift+T"))
    tag_all.setToolTip(QCoreApplication.translate("EntitiesPanel", "Tag every other occurrence of the selected span's text (Ctrl+Shift+T)"))
    tag_all.triggered.connect(lambda _c=False: tag_all_dialog(window))
    for act in (link, tag_all):
        window.addAction(act)
    action_map = getattr(window, "action_map", None)
    if isinstance(action_map, dict):
        action_map.update(link_entity=link, tag_all_occurrences=tag_all, entities_panel=toggle,
                          name_variants=panel.clusters_action)
    menus = getattr(window, "menus", None)
    span_menu = menus.get("span") if isinstance(menus, dict) else None
    if isinstance(span_menu, QMenu):
        span_menu.addSeparator()
        span_menu.addAction(link)
        span_menu.addAction(tag_all)
    document_menu = menus.get("document") if isinstance(menus, dict) else None
    if isinstance(document_menu, QMenu):
        document_menu.addAction(panel.clusters_action)
    bus = getattr(window, "bus", None)
    if bus is not None:
        bus.project_changed.connect(panel.on_project_changed)
    selected = getattr(window, "span_selected", None)
    if selected is not None:
        selected.connect(panel.show_entity_of_span)
    # the name index is built on first use (about 2 s per 100,000 entities): for a usual project
    # build it as soon as the window is idle, so the first keypress in the chooser is fast
    QTimer.singleShot(0, panel.warm_index)
    return panel
