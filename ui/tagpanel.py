"""The tagging panel: labels by layer with their keys, the document's spans, the attribute editor.

* :class:`LabelPanel` — one button per label, grouped by layer, showing the label's colour and
  key; a click emits ``label_chosen(name)``.
* :class:`SpanListModel` — the spans of the current document as a table model (label, text),
  kept in document order and updated row by row from core changes.
* :class:`AttributeEditor` — a form generated from ``schema.attributes_of(label)``: decimal,
  int, date and string as line edits, text as a small text box, enum as a choice list, bool as a
  check box. Each field is checked with ``AttributeDef.validate`` as you type; an invalid value
  shows its error under the field and is never sent. A valid change emits
  ``attrs_edited(span_id, attrs)`` (the span's complete new attributes); the window stores it.

Widgets here never call the core's writing methods themselves. Use from the GUI thread.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from annotator.errors import ValidationError
from annotator.model import Layer, Span, SpanState
from annotator.schema import AttributeDef, LabelDef, Schema
from ui import icons
from ui.i18n import attribute_title, choice_title, core_text, schema_text

Index = QModelIndex | QPersistentModelIndex


def layer_title(layer: Layer | str) -> str:
    return {
        "entity": QCoreApplication.translate("tagpanel", "Entities"),
        "figure": QCoreApplication.translate("tagpanel", "Figures"),
        "claim": QCoreApplication.translate("tagpanel", "Claims"),
    }.get(str(layer), str(layer))


def state_text(state: SpanState | str) -> str:
    return {
        "accepted": QCoreApplication.translate("tagpanel", "accepted"),
        "suggested": QCoreApplication.translate("tagpanel", "suggested"),
        "rejected": QCoreApplication.translate("tagpanel", "rejected"),
    }.get(str(state), str(state))


def excerpt(text: str, start: int, end: int, limit: int = 80) -> str:
    piece = " ".join(text[start:end].split())
    return piece if len(piece) <= limit else piece[: limit - 1] + "…"


# ---- labels -----------------------------------------------------------------------------------


class LabelButton(QAbstractButton):
    """A label: colour swatch, name, and its key at the right."""

    def __init__(self, label: LabelDef, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = label
        self.setCheckable(True)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAttribute(Qt.WidgetAttribute.WA_Hover)
        self.setText(label.name)
        self.setAccessibleName(label.name)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setToolTip(self._tooltip())

    def _tooltip(self) -> str:
        lines = [f"<b>{self.label.name}</b>"]
        if self.label.description:
            lines.append(schema_text(self.label.description))
        if self.label.key:
            lines.append(self.tr("Key: {key} (tags the selection, or changes the selected span's label)")
                         .format(key=f"<b>{self.label.key.upper()}</b>"))
        return "<br>".join(lines)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        fm = self.fontMetrics()
        width = 12 + 8 + fm.horizontalAdvance(self.label.name) + 12 + fm.horizontalAdvance("W") + 16
        return QSize(width, fm.height() + 10)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self.sizeHint()

    def paintEvent(self, _event: Any) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        color = QColor(self.label.color)
        hovered = self.underMouse() or self.hasFocus()
        if self.isChecked():
            fill = QColor(color)
            fill.setAlpha(90)
            border = color.darker(130)
        else:
            fill = pal.color(QPalette.ColorRole.Button if hovered else QPalette.ColorRole.Base)
            border = pal.color(QPalette.ColorRole.Mid)
        if self.isDown():
            fill = fill.darker(110)
        painter.setPen(border)
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, 4, 4)
        h = rect.height()
        sw = QRectF(7, (h - 11) / 2 + 0.5, 11, 11)
        painter.setPen(color.darker(140))
        painter.setBrush(color)
        painter.drawRoundedRect(sw, 2, 2)
        text_color = pal.color(QPalette.ColorRole.ButtonText if self.isEnabled() else QPalette.ColorRole.PlaceholderText)
        painter.setPen(text_color)
        fm = self.fontMetrics()
        key_w = fm.horizontalAdvance("W") + 8
        text_rect = QRectF(24, 0, rect.width() - 24 - key_w - 6, h)
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                         fm.elidedText(self.label.name, Qt.TextElideMode.ElideRight, int(text_rect.width())))
        if self.label.key:
            key_rect = QRectF(rect.right() - key_w - 4, (h - fm.height()) / 2, key_w, fm.height())
            painter.setPen(pal.color(QPalette.ColorRole.Mid))
            painter.setBrush(pal.color(QPalette.ColorRole.Window))
            painter.drawRoundedRect(key_rect, 3, 3)
            painter.setPen(pal.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(key_rect, Qt.AlignmentFlag.AlignCenter, self.label.key.upper())
        painter.end()


class LabelPanel(QWidget):
    """Every label of the schema, grouped by layer."""

    label_chosen = Signal(str)

    def __init__(self, schema: Schema, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.buttons: dict[str, LabelButton] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(2)
        self._layout = layout
        self.set_schema(schema)

    def set_schema(self, schema: Schema) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.buttons.clear()
        for layer in Layer:
            labels = schema.labels_of(layer)
            if not labels:
                continue
            title = QLabel(layer_title(layer), self)
            title.setProperty("role", "panel-title")
            title.setToolTip(schema_text(schema.layer_descriptions.get(layer, "")))
            self._layout.addWidget(title)
            grid_host = QWidget(self)
            grid = QGridLayout(grid_host)
            grid.setContentsMargins(0, 0, 0, 0)
            grid.setHorizontalSpacing(4)
            grid.setVerticalSpacing(4)
            columns = 3
            for k, lab in enumerate(labels):
                button = LabelButton(lab, grid_host)
                button.clicked.connect(lambda _=False, name=lab.name: self.label_chosen.emit(name))
                grid.addWidget(button, k // columns, k % columns)
                self.buttons[lab.name] = button
            self._layout.addWidget(grid_host)
        self._layout.addStretch(1)

    def set_current(self, label: str | None) -> None:
        """Show which label the selected span has."""
        for name, button in self.buttons.items():
            button.setChecked(name == label)


# ---- spans --------------------------------------------------------------------------------------

LABEL, TEXT = range(2)
SpanIdRole = Qt.ItemDataRole.UserRole + 1
"""the span id (int)"""
SpanRole = Qt.ItemDataRole.UserRole + 2
"""the :class:`~annotator.model.Span`"""


def _order_key(span: Span) -> tuple[int, int, int]:
    return (span.start, -span.end, span.id)


class SpanListModel(QAbstractTableModel):
    """The spans of one document in document order: label and text."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._spans: list[Span] = []
        self._keys: list[tuple[int, int, int]] = []
        self._text = ""
        self._schema: Schema | None = None

    def set_document(self, text: str, spans: Sequence[Span], schema: Schema) -> None:
        self.beginResetModel()
        self._text = text
        self._schema = schema
        self._spans = sorted((s for s in spans if s.state != SpanState.REJECTED), key=_order_key)
        self._keys = [_order_key(s) for s in self._spans]
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self._spans, self._keys, self._text = [], [], ""
        self.endResetModel()

    def apply_changes(self, updated: Sequence[Span], removed_ids: set[int] | frozenset[int]) -> None:
        """Insert, move, update or remove rows for spans that changed."""
        gone = set(removed_ids) | {s.id for s in updated if s.state == SpanState.REJECTED}
        for gone_row in sorted((r for r, s in enumerate(self._spans) if s.id in gone), reverse=True):
            self._remove(gone_row)
        for span in updated:
            if span.state == SpanState.REJECTED:
                continue
            row = self.row_of(span.id)
            if row is not None:
                if self._keys[row] == _order_key(span):
                    self._spans[row] = span
                    self.dataChanged.emit(self.index(row, 0), self.index(row, 1))
                    continue
                self._remove(row)
            key = _order_key(span)
            at = bisect.bisect_left(self._keys, key)
            self.beginInsertRows(QModelIndex(), at, at)
            self._spans.insert(at, span)
            self._keys.insert(at, key)
            self.endInsertRows()

    def _remove(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._spans[row]
        del self._keys[row]
        self.endRemoveRows()

    def spans(self) -> list[Span]:
        return list(self._spans)

    def span_at(self, row: int) -> Span:
        return self._spans[row]

    def row_of(self, span_id: int) -> int | None:
        for row, s in enumerate(self._spans):
            if s.id == span_id:
                return row
        return None

    # ---- Qt model API ----------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._spans)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._spans):
            return None
        span = self._spans[index.row()]
        column = index.column()
        if role == SpanIdRole:
            return span.id
        if role == SpanRole:
            return span
        if role == Qt.ItemDataRole.DisplayRole:
            if column == LABEL:
                return span.label if span.state == SpanState.ACCEPTED else f"{span.label}?"
            return excerpt(self._text, span.start, span.end, 60)
        if role == Qt.ItemDataRole.DecorationRole and column == LABEL:
            color = "#999999"
            if self._schema is not None and self._schema.has_label(span.label):
                color = self._schema.label(span.label).color
            return icons.swatch(color)
        if role == Qt.ItemDataRole.FontRole and span.state == SpanState.SUGGESTED:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [f"{span.label} ({state_text(span.state)}) {span.start}–{span.end}",
                     excerpt(self._text, span.start, span.end, 200)]
            lines += [f"{k}: {v}" for k, v in span.attrs.items()]
            return "\n".join(lines)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and section in (0, 1):
            return [self.tr("Label"), self.tr("Text")][section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


class SpanListView(QTreeView):
    """The spans of the current document; choosing a row selects that span."""

    span_chosen = Signal(int)

    def __init__(self, model: SpanListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAllColumnsShowFocus(True)
        self.setAlternatingRowColors(True)
        self.setIconSize(QSize(11, 11))
        self.setSelectionMode(QTreeView.SelectionMode.SingleSelection)
        header = self.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(LABEL, QHeaderView.ResizeMode.ResizeToContents)
        self._quiet = False
        self.selectionModel().currentRowChanged.connect(self._current_changed)
        self.activated.connect(self._current_changed)

    def _current_changed(self, current: QModelIndex, *_: Any) -> None:
        if self._quiet or not current.isValid():
            return
        span_id = current.data(SpanIdRole)
        if span_id is not None:
            self.span_chosen.emit(int(span_id))

    def show_span(self, span_id: int | None) -> None:
        """Make ``span_id`` the current row without emitting ``span_chosen``."""
        model = self.model()
        assert isinstance(model, SpanListModel)
        self._quiet = True
        try:
            row: int | None = None if span_id is None or span_id < 0 else model.row_of(span_id)
            if row is None:
                self.selectionModel().clear()
            else:
                index = model.index(row, 0)
                self.setCurrentIndex(index)
                self.scrollTo(index)
        finally:
            self._quiet = False


# ---- attributes ---------------------------------------------------------------------------------


class _FocusOut(QObject):
    def __init__(self, callback: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self._callback = callback

    def eventFilter(self, _obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.FocusOut:
            self._callback()
        return False


class AttributeField:
    """One attribute's editor widget with its error line."""

    def __init__(self, attr: AttributeDef, editor: AttributeEditor) -> None:
        self.attr = attr
        self.editor = editor
        self.error = QLabel(editor)
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.hide()
        t = attr.type
        self.widget: QWidget
        if t == "enum":
            box = QComboBox(editor)
            box.addItem("—", None)
            for choice in attr.choices:
                box.addItem(choice_title(attr.name, choice), choice)
            box.activated.connect(lambda _i: editor._commit(self))
            self.widget = box
        elif t == "bool":
            check = QCheckBox(editor)
            check.clicked.connect(lambda _c: editor._commit(self))
            self.widget = check
        elif t == "text":
            text = QPlainTextEdit(editor)
            text.setTabChangesFocus(True)
            text.setFixedHeight(text.fontMetrics().lineSpacing() * 3 + 12)
            text.textChanged.connect(lambda: self.check())
            text.installEventFilter(_FocusOut(lambda: editor._commit(self), text))
            self.widget = text
        else:
            line = QLineEdit(editor)
            line.setPlaceholderText(self.placeholder())
            line.textEdited.connect(lambda _t: self.check())
            line.editingFinished.connect(lambda: editor._commit(self))
            self.widget = line
        self.widget.setAccessibleName(attribute_title(attr.name))
        if attr.description:
            self.widget.setToolTip(schema_text(attr.description))

    def placeholder(self) -> str:
        t = self.attr.type
        if t == "decimal":
            return QCoreApplication.translate("AttributeEditor", "e.g. 88.8")
        if t == "date":
            return QCoreApplication.translate("AttributeEditor", "e.g. 2020-08-04, 2020-08, XXXX-09")
        if t == "int":
            return QCoreApplication.translate("AttributeEditor", "a whole number")
        return ""

    def raw(self) -> Any:
        w = self.widget
        if isinstance(w, QComboBox):
            return w.currentData()
        if isinstance(w, QCheckBox):
            return w.isChecked()
        if isinstance(w, QPlainTextEdit):
            return w.toPlainText().strip() or None
        assert isinstance(w, QLineEdit)
        return w.text().strip() or None

    def set_value(self, value: Any) -> None:
        w = self.widget
        w.blockSignals(True)
        try:
            if isinstance(w, QComboBox):
                k = w.findData(value) if value is not None else 0
                w.setCurrentIndex(max(0, k))
            elif isinstance(w, QCheckBox):
                w.setChecked(bool(value))
            elif isinstance(w, QPlainTextEdit):
                w.setPlainText("" if value is None else str(value))
            elif isinstance(w, QLineEdit):
                w.setText("" if value is None else str(value))
                w.setCursorPosition(0)
        finally:
            w.blockSignals(False)
        self.check()

    def check(self) -> tuple[bool, Any]:
        """Validate the current input; shows or hides the error. Returns (valid, stored value)."""
        raw = self.raw()
        try:
            value = self.attr.validate(raw)
        except ValidationError as exc:
            self._show_error(self.message(exc))
            return False, None
        self._show_error("")
        return True, value

    def message(self, exc: ValidationError) -> str:
        t = self.attr.type
        if t == "decimal":
            return QCoreApplication.translate("AttributeEditor", "A decimal with '.' and no grouping, e.g. 88.8 or 4500000")
        if t == "date":
            return QCoreApplication.translate("AttributeEditor", "An ISO date: 2020-08-04, a month 2020-08, XXXX-09 when the year is unknown, "
                                              "or a range of days 2020-08-01/2020-08-05")
        if t == "int":
            return QCoreApplication.translate("AttributeEditor", "A whole number")
        if t == "enum":
            return QCoreApplication.translate("AttributeEditor", "One of: {choices}").format(choices=", ".join(self.attr.choices))
        return core_text(exc)

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))
        invalid = bool(text)
        if self.widget.property("invalid") != invalid:
            self.widget.setProperty("invalid", invalid)
            style = self.widget.style()
            style.unpolish(self.widget)
            style.polish(self.widget)


class AttributeEditor(QWidget):
    """The selected span: what it is, its state, and a form of its attributes."""

    attrs_edited = Signal(int, dict)
    """(span id, the complete new attributes)"""
    accept_requested = Signal(int)
    reject_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.span: Span | None = None
        self.fields: dict[str, AttributeField] = {}
        self._label_key: tuple[str, ...] = ()
        self._committing = False

        self.title = QLabel(self.tr("Attributes"), self)
        self.title.setProperty("role", "panel-title")
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.accept_button = QPushButton(icons.icon("span-accept"), self.tr("Accept"), self)
        self.reject_button = QPushButton(icons.icon("span-reject"), self.tr("Reject"), self)
        self.accept_button.setToolTip(self.tr("Accept this suggestion (A)"))
        self.reject_button.setToolTip(self.tr("Reject this suggestion (R)"))
        self.accept_button.clicked.connect(lambda: self.span and self.accept_requested.emit(self.span.id))
        self.reject_button.clicked.connect(lambda: self.span and self.reject_requested.emit(self.span.id))
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.reject_button)
        buttons.addStretch(1)
        self.suggestion_bar = QWidget(self)
        self.suggestion_bar.setLayout(buttons)

        self.form_host = QWidget(self)
        self.form = QFormLayout(self.form_host)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.empty = QLabel(self.tr("Select a span to see and edit its attributes."), self)
        self.empty.setProperty("role", "hint")
        self.empty.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.suggestion_bar)
        layout.addWidget(self.form_host)
        layout.addWidget(self.empty)
        layout.addStretch(1)
        self.set_span(None, None)

    def set_span(self, span: Span | None, schema: Schema | None, *, text: str = "",
                 entity_name: str | None = None, editable: bool = True) -> None:
        """Show ``span`` (None: nothing selected). Keeps fields being edited when only values changed."""
        if self.span is not None and (span is None or span.id != self.span.id):
            self.commit_pending()
        same = (span is not None and self.span is not None and span.id == self.span.id
                and schema is not None and self._label_key == self._key(span, schema))
        self.span = span
        if span is None or schema is None:
            self._clear_form()
            self.summary.hide()
            self.suggestion_bar.hide()
            self.form_host.hide()
            self.empty.show()
            self._label_key = ()
            return
        self.empty.hide()
        self.summary.show()
        self.form_host.show()
        self.summary.setText(self._summary(span, text, entity_name))
        self.suggestion_bar.setVisible(span.state == SpanState.SUGGESTED)
        if not same:
            self._build(span, schema)
        for name, field in self.fields.items():
            if same and field.widget.hasFocus():
                continue  # the person is typing here
            field.set_value(span.attrs.get(name))
            field.widget.setEnabled(editable)

    @staticmethod
    def _key(span: Span, schema: Schema) -> tuple[str, ...]:
        try:
            return (span.label, *(a.name for a in schema.attributes_of(span.label)))
        except ValidationError:
            return (span.label,)

    def _summary(self, span: Span, text: str, entity_name: str | None) -> str:
        from html import escape

        parts = [f"<b>{escape(span.label)}</b> · {escape(state_text(span.state))}"]
        if text:
            parts.append(f"“{escape(excerpt(text, span.start, span.end, 120))}”")
        details = [self.tr("characters {start}–{end}").format(start=span.start, end=span.end)]
        if span.annotator:
            details.append(self.tr("by {name}").format(name=escape(span.annotator)))
        parts.append(" · ".join(details))
        if entity_name:
            parts.append(self.tr("Entity: {name}").format(name=f"<b>{escape(entity_name)}</b>"))
        return "<br>".join(parts)

    def _clear_form(self) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.fields.clear()

    def _build(self, span: Span, schema: Schema) -> None:
        self._clear_form()
        self._label_key = self._key(span, schema)
        try:
            attrs = schema.attributes_of(span.label)
        except ValidationError:
            attrs = []
        for attr in attrs:
            field = AttributeField(attr, self)
            box = QWidget(self.form_host)
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(1)
            column.addWidget(field.widget)
            column.addWidget(field.error)
            field.error.setParent(box)
            label = QLabel(attribute_title(attr.name), self.form_host)
            label.setBuddy(field.widget)
            if attr.description:
                label.setToolTip(schema_text(attr.description))
            self.form.addRow(label, box)
            label.show()  # now, not at the next event loop pass as the layout would
            box.show()
            self.fields[attr.name] = field
        if not attrs:
            hint = QLabel(self.tr("This label has no attributes."), self.form_host)
            hint.setProperty("role", "hint")
            self.form.addRow(hint)

    def commit_pending(self) -> None:
        """Send what is typed but not yet confirmed (before the span or document changes)."""
        for field in list(self.fields.values()):
            if self.span is None:
                return
            self._commit(field)

    def _commit(self, field: AttributeField) -> None:
        """Send a valid, changed value as the span's new attributes."""
        if self.span is None or self._committing:
            return
        valid, value = field.check()
        if not valid:
            return
        current = self.span.attrs.get(field.attr.name)
        if value == current or (value in (None, "") and current in (None, "")):
            return
        if field.attr.type == "bool" and not value and current is None:
            return
        attrs = dict(self.span.attrs)
        if value is None or value == "":
            attrs.pop(field.attr.name, None)
        else:
            attrs[field.attr.name] = value
        self._committing = True
        try:
            self.attrs_edited.emit(self.span.id, attrs)
        finally:
            self._committing = False

    def has_errors(self) -> bool:
        return any(not f.error.isHidden() for f in self.fields.values())


class TagPanel(QWidget):
    """The right-hand panel: labels on top, the span list, the attribute editor below."""

    def __init__(self, schema: Schema, parent: QWidget | None = None) -> None:
        from PySide6.QtWidgets import QSplitter

        super().__init__(parent)
        self.labels = LabelPanel(schema, self)
        self.span_model = SpanListModel(self)
        self.span_list = SpanListView(self.span_model, self)
        self.span_list.setAccessibleName(self.tr("Spans of this document"))
        self.attributes = AttributeEditor(self)

        spans_host = QWidget(self)
        spans_layout = QVBoxLayout(spans_host)
        spans_layout.setContentsMargins(4, 0, 4, 0)
        spans_layout.setSpacing(2)
        self.spans_title = QLabel(self.tr("Spans"), spans_host)
        self.spans_title.setProperty("role", "panel-title")
        spans_layout.addWidget(self.spans_title)
        spans_layout.addWidget(self.span_list, 1)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.attributes)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.labels)
        self.splitter.addWidget(spans_host)
        self.splitter.addWidget(scroll)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([self.labels.sizeHint().height(), 170, 330])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

    def set_span_count(self, n: int, suggested: int) -> None:
        if suggested:
            self.spans_title.setText(self.tr("Spans ({n}, {s} suggested)").format(n=n, s=suggested))
        else:
            self.spans_title.setText(self.tr("Spans ({n})").format(n=n))
