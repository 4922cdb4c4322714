"""The find bar under the article (Ctrl+F): type, Enter for the next match, Shift+Enter for the
previous one, Escape to close. Matching ignores diacritics ("Son La" finds "Sơn La").
GUI thread only.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from ui import icons


class Findable(Protocol):
    def find(self, text: str, *, backward: bool = False, case_sensitive: bool = False) -> bool: ...

    def setFocus(self) -> None: ...  # noqa: N802 - Qt name


class _FindEdit(QLineEdit):
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        bar = self.parent()
        assert isinstance(bar, FindBar)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            bar.find_next(backward=bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier))
            return
        if event.key() == Qt.Key.Key_Escape:
            bar.close_bar()
            return
        super().keyPressEvent(event)


class FindBar(QWidget):
    """Find in the open document."""

    closed = Signal()

    def __init__(self, target: Findable, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.target = target
        self.edit = _FindEdit(self)
        self.edit.setPlaceholderText(self.tr("Find in document"))
        self.edit.setClearButtonEnabled(True)
        self.edit.setAccessibleName(self.tr("Find in document"))
        self.case = QCheckBox(self.tr("Match case"), self)
        self.previous_button = QToolButton(self)
        self.previous_button.setToolTip(self.tr("Previous match (Shift+Enter, Shift+F3)"))
        self.next_button = QToolButton(self)
        self.next_button.setToolTip(self.tr("Next match (Enter, F3)"))
        self.close_button = QToolButton(self)
        self.close_button.setToolTip(self.tr("Close (Escape)"))
        self.close_button.setAutoRaise(True)
        self.result = QLabel(self)
        self.result.setProperty("role", "hint")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(4)
        layout.addWidget(QLabel(self.tr("Find:"), self))
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.case)
        layout.addWidget(self.result)
        layout.addWidget(self.close_button)
        self.previous_button.clicked.connect(lambda: self.find_next(backward=True))
        self.next_button.clicked.connect(lambda: self.find_next())
        self.close_button.clicked.connect(self.close_bar)
        self.edit.textEdited.connect(self._typed)
        self.refresh_icons()
        self.hide()

    def refresh_icons(self) -> None:
        self.previous_button.setIcon(icons.icon("go-previous"))
        self.next_button.setIcon(icons.icon("go-next"))
        self.close_button.setIcon(icons.icon("span-reject"))

    def open_bar(self) -> None:
        self.show()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.target.setFocus()
        self.closed.emit()

    def _typed(self, text: str) -> None:
        if text:
            self.find_next()
        else:
            self._mark(True)

    def find_next(self, *, backward: bool = False) -> bool:
        """Find the next (or previous) match; marks the field when there is none."""
        text = self.edit.text()
        if not text:
            return False
        found = self.target.find(text, backward=backward, case_sensitive=self.case.isChecked())
        self._mark(found)
        return found

    def _mark(self, found: bool) -> None:
        self.result.setText("" if found else self.tr("Not found"))
        if self.edit.property("notfound") != (not found):
            self.edit.setProperty("notfound", not found)
            self.edit.style().unpolish(self.edit)
            self.edit.style().polish(self.edit)
