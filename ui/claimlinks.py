"""A claim's links in the main window: list them, add them with keys or clicks, remove them.

When a CLAIM span is selected the tagging panel shows a "Links" section: one row per link from
the claim (role, label, the linked span's text). Delete (or "Remove") deletes the chosen link;
Enter or a double click selects the linked span. "Add link…" offers the document's figure and
entity spans, those inside the claim first.

From the keyboard: with a claim selected, Ctrl+L starts *linking from this claim*; then select a
figure or an entity span (click, J/K, the span list) and press Enter to link it (role ``figure``
for a figure, ``entity`` for an entity), or Shift+Enter to link an entity as the ``claimant``.
Linking goes on, for several links, until Escape, which selects the claim again.

Every edit goes through ``window.perform`` (one undo step each; a refusal of the core, such as a
claim under review or a duplicate link, is shown in the status bar). Installed by the window as
a feature module (:func:`install`). GUI thread only.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.model import Layer, Span

LinkIdRole = Qt.ItemDataRole.UserRole
TargetIdRole = Qt.ItemDataRole.UserRole + 1
ROLE_FOR_LAYER = {Layer.FIGURE: "figure", Layer.ENTITY: "entity"}
_DELETE_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def role_text(role: str) -> str:
    """The translated name of a link role (an unknown role is shown as stored)."""
    names = {"figure": QCoreApplication.translate("ClaimLinks", "figure"),
             "entity": QCoreApplication.translate("ClaimLinks", "entity"),
             "claimant": QCoreApplication.translate("ClaimLinks", "claimant")}
    return names.get(role, role)


def _excerpt(text: str, span: Span, limit: int = 60) -> str:
    piece = " ".join(text[span.start:span.end].split())
    return piece if len(piece) <= limit else piece[: limit - 1] + "…"


class LinksView(QTreeWidget):
    """The links of one claim; Delete asks to remove the current one, Enter/double click to open it."""

    remove_requested = Signal(int)
    """a link id"""
    open_requested = Signal(int)
    """the linked span's id"""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(3)
        self.setHeaderLabels([self.tr("Role"), self.tr("Label"), self.tr("Text")])
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAllColumnsShowFocus(True)
        self.setSelectionMode(QTreeWidget.SelectionMode.SingleSelection)
        header = self.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.itemActivated.connect(self._activated)

    def current_link_id(self) -> int | None:
        item = self.currentItem()
        return int(item.data(0, LinkIdRole)) if item is not None else None

    def event(self, event: QEvent) -> bool:
        # Delete and Enter belong to this list while it has the focus, not to the window's keys
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if event.key() in _DELETE_KEYS + _ENTER_KEYS and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
                event.accept()
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in _DELETE_KEYS:
            link_id = self.current_link_id()
            if link_id is not None:
                self.remove_requested.emit(link_id)
            event.accept()
            return
        super().keyPressEvent(event)

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        self.open_requested.emit(int(item.data(0, TargetIdRole)))


class LinksPanel(QWidget):
    """The "Links" section of the tagging panel: title, list, Add link… and Remove."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self.tr("Links"), self)
        self.title.setProperty("role", "panel-title")
        self.view = LinksView(self)
        self.view.setAccessibleName(self.tr("Links of the claim"))
        self.add_button = QPushButton(self.tr("Add link…"), self)
        self.add_button.setToolTip(self.tr("Link a figure or an entity of this document to the claim"))
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.setToolTip(self.tr("Remove the chosen link (Delete)"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.view.currentItemChanged.connect(lambda *_: self._update_buttons())
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self.view.currentItem() is not None)

    def set_rows(self, rows: list[tuple[int, int, str, str, str]]) -> None:
        """Show ``(link_id, target_id, role, label, text)`` rows, keeping the current link if still there."""
        keep = self.view.current_link_id()
        self.view.clear()
        for link_id, target_id, role, label, text in rows:
            item = QTreeWidgetItem([role_text(role), label, text])
            item.setData(0, LinkIdRole, link_id)
            item.setData(0, TargetIdRole, target_id)
            item.setToolTip(2, text)
            self.view.addTopLevelItem(item)
            if link_id == keep:
                self.view.setCurrentItem(item)
        self.title.setText(self.tr("Links ({n})").format(n=len(rows)))
        self._update_buttons()


class LinkChooser(QDialog):
    """Choose a figure or entity span of the document and the role of its link to the claim."""

    AUTOMATIC = ""

    def __init__(self, candidates: list[tuple[Span, str, bool]], parent: QWidget | None = None) -> None:
        """``candidates``: (span, its text, whether it lies inside the claim), inside ones first."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add link to the claim"))
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Figures and entities of this document"))
        self.spans: list[Span] = []
        for span, text, inside in candidates:
            where = self.tr("in the claim") if inside else self.tr("elsewhere")
            item = QListWidgetItem(f"{span.label} · {text} ({where})")
            item.setData(Qt.ItemDataRole.UserRole, span.id)
            self.list.addItem(item)
            self.spans.append(span)
        if self.spans:
            self.list.setCurrentRow(0)
        self.role = QComboBox(self)
        self.role.addItem(self.tr("Figure or entity (by its layer)"), self.AUTOMATIC)
        self.role.addItem(self.tr("Claimant (an entity)"), "claimant")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.list.itemActivated.connect(lambda _item: self.accept())
        role_row = QHBoxLayout()
        role_row.addWidget(QLabel(self.tr("Role:"), self))
        role_row.addWidget(self.role, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(role_row)
        layout.addWidget(buttons)
        self.resize(440, 360)

    def chosen(self) -> tuple[Span, str] | None:
        """The chosen span and role ("" = by its layer), or None."""
        row = self.list.currentRow()
        if row < 0:
            return None
        return self.spans[row], str(self.role.currentData())


class ClaimLinker(QObject):
    """Keeps the Links section in step with the selection and makes the link edits."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.panel = LinksPanel(window.tag_panel)
        self.panel.hide()
        self.claim_id: int | None = None
        self.linking = False
        self.chooser: LinkChooser | None = None

        def action(name: str, text: str, keys: list[str], slot: Any) -> QAction:
            act = QAction(text, window)
            act.setObjectName(name)
            act.setShortcuts([QKeySequence(k) for k in keys])
            act.triggered.connect(lambda _c=False: slot())
            window.action_map[name] = act
            return act

        self.start_action = action("link_from_claim", self.tr("&Link from this claim"), ["Ctrl+L"], self.start_linking)
        self.start_action.setToolTip(self.tr("Link from the selected claim: select figures or entities, "
                                             "Enter links each, Esc stops (Ctrl+L)"))
        window.addAction(self.start_action)
        self.link_action = action("link_selected", self.tr("Link the selected &figure or entity"),
                                  ["Return", "Enter"], lambda: self.link_selected(claimant=False))
        self.claimant_action = action("link_claimant", self.tr("Link the selected entity as &claimant"),
                                      ["Shift+Return", "Shift+Enter"], lambda: self.link_selected(claimant=True))
        self.stop_action = action("stop_linking", self.tr("&Stop linking"), ["Escape"], self.stop_linking)
        # Enter and Escape act only where the span is chosen, and only while linking
        for act in (self.link_action, self.claimant_action, self.stop_action):
            act.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            act.setEnabled(False)
            window.tag_panel.span_list.addAction(act)
        for act in (self.link_action, self.claimant_action):
            window.text_view.addAction(act)
        # the article has its own Escape (clear the selection): while linking Escape stops instead
        window.text_view.installEventFilter(self)

        self.panel.view.remove_requested.connect(self.remove_link)
        self.panel.view.open_requested.connect(self.open_target)
        self.panel.remove_button.clicked.connect(self._remove_current)
        self.panel.add_button.clicked.connect(lambda _c=False: self.open_chooser())

    # ---- what is shown -------------------------------------------------------------------------

    def claim(self) -> Span | None:
        return self.window.text_view.span(self.claim_id) if self.claim_id is not None else None

    def on_span_selected(self, span_id: int) -> None:
        if self.linking:
            if self.claim() is None:
                self.stop_linking(reselect=False)
            else:
                self.refresh()
                return
        span = self.window.text_view.span(span_id) if span_id >= 0 else None
        self.claim_id = span.id if span is not None and span.layer == Layer.CLAIM else None
        self.refresh()

    def on_document_opened(self, _doc_id: int) -> None:
        self.on_span_selected(-1)

    def on_project_changed(self, *_: Any) -> None:
        if self.claim_id is not None and self.claim() is None:
            self.stop_linking(reselect=False)
            self.claim_id = None
        self.refresh()

    def refresh(self) -> None:
        claim = self.claim()
        if claim is None or self.window.project.closed:
            self.panel.hide()
            return
        view = self.window.text_view
        text = view.text()
        rows = []
        targets: set[int] = set()
        for link in self.window.project.links.for_span(claim.id):
            if link.source_id != claim.id:
                continue
            target = view.span(link.target_id)
            label = target.label if target is not None else "?"
            excerpt = _excerpt(text, target) if target is not None else ""
            rows.append((link.id, link.target_id, link.role, label, excerpt))
            targets.add(link.target_id)
        self.panel.set_rows(rows)
        self.panel.show()
        if self.linking:
            view.set_highlighted(targets | {claim.id})

    # ---- linking from the keyboard -------------------------------------------------------------

    def start_linking(self) -> None:
        span_id = self.window.text_view.selected_span_id()
        span = self.window.text_view.span(span_id) if span_id is not None else None
        if span is None or span.layer != Layer.CLAIM:
            if not self.linking:
                self.window.show_error(self.tr("Select a claim first, then press Ctrl+L to link from it."))
            return
        self.claim_id = span.id
        self.linking = True
        for act in (self.link_action, self.claimant_action, self.stop_action):
            act.setEnabled(True)
        self.window.show_message(
            self.tr("Linking from the claim “{text}”: select a figure or an entity, Enter links it, "
                    "Shift+Enter as the claimant; Esc stops.").format(text=_excerpt(self.window.text_view.text(), span, 40)),
            0)
        self.refresh()

    def stop_linking(self, *, reselect: bool = True) -> None:
        if not self.linking:
            return
        self.linking = False
        for act in (self.link_action, self.claimant_action, self.stop_action):
            act.setEnabled(False)
        self.window.show_message(self.tr("Stopped linking."), 3000)
        if reselect and self.claim() is not None:
            self.window.select_span(self.claim_id)
        else:
            self.refresh()

    def link_selected(self, *, claimant: bool) -> None:
        if not self.linking:
            return
        view = self.window.text_view
        span_id = view.selected_span_id()
        span = view.span(span_id) if span_id is not None else None
        if span is None or span.id == self.claim_id:
            self.window.show_error(self.tr("Select a figure or an entity to link to the claim."))
            return
        self.add_link(span, "claimant" if claimant else "")

    def add_link(self, span: Span, role: str = "") -> bool:
        """Link ``span`` to the claim shown; role "" = by its layer. Returns whether it was linked."""
        claim = self.claim()
        if claim is None:
            return False
        if role == "claimant":
            if span.layer != Layer.ENTITY:
                self.window.show_error(self.tr("Only an entity can be the claimant."))
                return False
        else:
            role = ROLE_FOR_LAYER.get(span.layer, "")
            if not role:
                self.window.show_error(self.tr("Only a figure or an entity can be linked to a claim."))
                return False
        claim_id = claim.id
        label = span.label
        result = self.window.perform(
            lambda: self.window.project.links.add(source_id=claim_id, target_id=span.id, role=role),
            self.tr("Link {label} to the claim as {role}").format(label=label, role=role_text(role)))
        if result is not None:
            self.window.show_message(self.tr("Linked {label} as {role}.").format(label=label, role=role_text(role)),
                                     0 if self.linking else 6000)
        return result is not None

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if self.linking and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape \
                and not event.modifiers():
            if event.type() == QEvent.Type.ShortcutOverride:
                event.accept()
                return True
            if event.type() == QEvent.Type.KeyPress:
                self.stop_linking()
                return True
        return False

    # ---- the list's own edits --------------------------------------------------------------------

    def remove_link(self, link_id: int) -> None:
        self.window.perform(lambda: self.window.project.links.delete([link_id]), self.tr("Remove link from the claim"))

    def _remove_current(self) -> None:
        link_id = self.panel.view.current_link_id()
        if link_id is not None:
            self.remove_link(link_id)

    def open_target(self, span_id: int) -> None:
        self.window.select_span(span_id)
        self.window.text_view.setFocus()

    def candidates(self) -> list[tuple[Span, str, bool]]:
        """The document's figure and entity spans, inside the claim first, each in document order."""
        claim = self.claim()
        if claim is None:
            return []
        text = self.window.text_view.text()
        spans = [s for s in self.window.tag_panel.span_model.spans() if s.layer in ROLE_FOR_LAYER]
        spans.sort(key=lambda s: (s.start, s.end))
        inside = [s for s in spans if claim.start <= s.start and s.end <= claim.end]
        outside = [s for s in spans if not (claim.start <= s.start and s.end <= claim.end)]
        return [(s, _excerpt(text, s), True) for s in inside] + [(s, _excerpt(text, s), False) for s in outside]

    def open_chooser(self) -> LinkChooser | None:
        """Show the "Add link…" chooser (not modal for the event loop: it links when accepted)."""
        if self.claim() is None:
            return None
        chooser = LinkChooser(self.candidates(), self.window)
        chooser.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        chooser.accepted.connect(lambda: self._chosen(chooser))
        self.chooser = chooser
        chooser.destroyed.connect(lambda *_: setattr(self, "chooser", None))
        chooser.open()
        return chooser

    def _chosen(self, chooser: LinkChooser) -> None:
        chosen = chooser.chosen()
        if chosen is not None:
            self.add_link(*chosen)


def install(window: Any) -> ClaimLinker:
    """Add the Links section to the tagging panel and the linking keys to the Span menu."""
    linker = ClaimLinker(window)
    splitter = window.tag_panel.splitter
    splitter.insertWidget(2, linker.panel)
    splitter.setCollapsible(2, False)
    splitter.setStretchFactor(2, 0)
    splitter.setSizes([window.tag_panel.labels.sizeHint().height(), 170, 150, 280])
    window.claim_links = linker
    span_menu = window.menus.get("span")
    if isinstance(span_menu, QMenu):
        span_menu.addSeparator()
        for act in (linker.start_action, linker.link_action, linker.claimant_action, linker.stop_action):
            span_menu.addAction(act)
    window.span_selected.connect(linker.on_span_selected)
    window.bus.project_changed.connect(linker.on_project_changed)
    window.document_opened.connect(linker.on_document_opened)
    return linker
