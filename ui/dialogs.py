"""The window's dialogs: who is working, Import…, Export…, and the list of keyboard shortcuts.

Each sets an explicit minimum size, so its layout never changes the window's size hints later
(the offscreen test platform warns when that happens).

Each dialog only gathers choices and returns them as a plain record; the window runs the core
call (in a background job where it can be long). GUI thread only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.exporting import Selection
from annotator.model import DocStatus, Layer, Person, Role
from annotator.schema import Schema
from ui.i18n import format_description

# ---- who is working --------------------------------------------------------------------------


class PersonDialog(QDialog):
    """Choose who is working: a person of the project, or a new name."""

    def __init__(self, people: list[Person], current: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Who is working?"))
        self.setMinimumSize(320, 280)
        intro = QLabel(self.tr("Your name is written in the project's log with every change you make."), self)
        intro.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("People of this project"))
        for person in people:
            role = self.tr("editor") if person.role == Role.EDITOR else self.tr("annotator")
            item = QListWidgetItem(f"{person.name} ({role})", self.list)
            item.setData(Qt.ItemDataRole.UserRole, person.name)
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("Or type a new name"))
        self.name.setAccessibleName(self.tr("Name"))
        self.name.setText(current)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.name)
        layout.addWidget(self.buttons)
        self.list.currentItemChanged.connect(self._chosen_in_list)
        self.list.itemActivated.connect(lambda _item: self.accept())
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.name.textChanged.connect(self._update)
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == current:
                self.list.setCurrentRow(row)
        self._update()

    def _chosen_in_list(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if item is not None:
            self.name.setText(item.data(Qt.ItemDataRole.UserRole))

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.name.text().strip()))

    def chosen(self) -> str:
        return self.name.text().strip()


# ---- import ---------------------------------------------------------------------------------


@dataclass
class ImportOptions:
    paths: list[str]
    fmt: str | None = None
    skip_bad: bool = False
    suggested: bool = False
    add_labels: bool = False


class ImportDialog(QDialog):
    """Files and folders to import, their format, and how strict to be."""

    def __init__(self, paths: list[str] | None = None, *, start_dir: str = "", allow_add_labels: bool = False,
                 parent: QWidget | None = None) -> None:
        from annotator.formats import FORMATS

        super().__init__(parent)
        self.setWindowTitle(self.tr("Import documents"))
        self.setMinimumSize(460, 340)
        self.resize(560, 420)
        self.start_dir = start_dir
        self.paths = QListWidget(self)
        self.paths.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.paths.setAccessibleName(self.tr("Files and folders to import"))
        add_files = QPushButton(self.tr("Add files…"), self)
        add_folder = QPushButton(self.tr("Add folder…"), self)
        remove = QPushButton(self.tr("Remove"), self)
        add_files.clicked.connect(self._add_files)
        add_folder.clicked.connect(self._add_folder)
        remove.clicked.connect(self._remove)
        self.format = QComboBox(self)
        self.format.addItem(self.tr("Guess from each file"), None)
        for f in FORMATS.values():
            if f.reader:
                self.format.addItem(f"{f.name} — {format_description(f.description)}", f.name)
        self.skip_bad = QCheckBox(self.tr("Skip bad records and list them (otherwise nothing is imported)"), self)
        self.suggested = QCheckBox(self.tr("Import the files' spans as suggestions to accept or reject"), self)
        self.add_labels = QCheckBox(self.tr("Add labels the schema does not have"), self)
        self.add_labels.setVisible(allow_add_labels)
        note = QLabel(self.tr("All or nothing: an import that fails or is cancelled leaves the project as it was."),
                      self)
        note.setProperty("role", "hint")
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.import_button = self.buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        side = QVBoxLayout()
        side.addWidget(add_files)
        side.addWidget(add_folder)
        side.addWidget(remove)
        side.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.paths, 1)
        top.addLayout(side)
        form = QFormLayout()
        form.addRow(self.tr("Format:"), self.format)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addLayout(form)
        layout.addWidget(self.skip_bad)
        layout.addWidget(self.suggested)
        layout.addWidget(self.add_labels)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        for p in paths or []:
            self.add_path(p)
        self._update()

    def add_path(self, path: str) -> None:
        existing = {self.paths.item(i).text() for i in range(self.paths.count())}
        if path not in existing:
            self.paths.addItem(path)
        self._update()

    def _add_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("Files to import"), self.start_dir,
                                                self.tr("Documents (*.txt *.md *.html *.htm *.docx *.jsonl *.json "
                                                        "*.ndjson *.conll *.iob *.bio *.ann *.spacy);;All files (*)"))
        for f in files:
            self.add_path(f)

    def _add_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder to import"), self.start_dir)
        if folder:
            self.add_path(folder)

    def _remove(self) -> None:
        for item in self.paths.selectedItems():
            self.paths.takeItem(self.paths.row(item))
        self._update()

    def _update(self) -> None:
        self.import_button.setEnabled(self.paths.count() > 0)

    def options(self) -> ImportOptions:
        return ImportOptions(
            paths=[self.paths.item(i).text() for i in range(self.paths.count())],
            fmt=self.format.currentData(), skip_bad=self.skip_bad.isChecked(),
            suggested=self.suggested.isChecked(), add_labels=self.add_labels.isChecked() and self.add_labels.isVisible(),
        )


# ---- export ---------------------------------------------------------------------------------


@dataclass
class ExportOptions:
    fmt: str
    output: Path
    selection: Selection
    split: list[float] | None = None
    seed: int = 0
    notes: list[str] = field(default_factory=list)
    tokenizer: str | None = None  # token formats: how words are split (see annotator.formats.tokens)
    writer_options: dict[str, Any] = field(default_factory=dict)  # e.g. Label Studio offsets, CoNLL levels


class ExportDialog(QDialog):
    """Format, destination and what goes out: layers, labels, suggestions, statuses, a split."""

    def __init__(self, schema: Schema, *, start_dir: str = "", fmt: str = "jsonl",
                 parent: QWidget | None = None) -> None:
        from annotator.export_run import EXTENSIONS, REVIEW_FORMATS, export_formats
        from annotator.formats import FORMATS

        super().__init__(parent)
        self.setWindowTitle(self.tr("Export"))
        self.setMinimumSize(520, 480)
        self.resize(620, 600)
        self._extensions = EXTENSIONS
        self._review = REVIEW_FORMATS
        self._formats = FORMATS
        self.format = QComboBox(self)
        self.format.setAccessibleName(self.tr("Format"))
        for name in export_formats():
            f = FORMATS.get(name)
            description = format_description(f.description) if f is not None else self.tr("claims for the editors' review")
            self.format.addItem(f"{name} — {description}", name)
        k = self.format.findData(fmt)
        self.format.setCurrentIndex(max(0, k))
        self.output = QLineEdit(self)
        self.output.setAccessibleName(self.tr("Write to"))
        self.start_dir = start_dir
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self._browse)

        self.layers: dict[str, QCheckBox] = {}
        layers_box = QGroupBox(self.tr("Layers"), self)
        layers_row = QHBoxLayout(layers_box)
        names = {"entity": self.tr("Entities"), "figure": self.tr("Figures"), "claim": self.tr("Claims")}
        for layer in Layer:
            check = QCheckBox(names[str(layer)], layers_box)
            check.setChecked(True)
            check.toggled.connect(self._layers_changed)
            self.layers[str(layer)] = check
            layers_row.addWidget(check)
        layers_row.addStretch(1)

        self.labels = QTreeWidget(self)
        self.labels.setHeaderHidden(True)
        self.labels.setRootIsDecorated(False)
        self.labels.setAccessibleName(self.tr("Labels"))
        for lab in schema.labels:
            item = QTreeWidgetItem(self.labels, [f"{lab.name}  ({lab.layer})"])
            item.setData(0, Qt.ItemDataRole.UserRole, lab.name)
            item.setData(0, Qt.ItemDataRole.UserRole + 1, str(lab.layer))
            item.setCheckState(0, Qt.CheckState.Checked)
        self.include_suggested = QCheckBox(self.tr("Include suggested spans (default: accepted only)"), self)

        self.statuses: dict[str, QCheckBox] = {}
        status_box = QGroupBox(self.tr("Documents with status"), self)
        status_row = QHBoxLayout(status_box)
        status_names = {"new": self.tr("New"), "in_progress": self.tr("In progress"),
                        "annotated": self.tr("Annotated"), "reviewed": self.tr("Reviewed")}
        for st in DocStatus:
            check = QCheckBox(status_names[str(st)], status_box)
            check.setChecked(True)
            self.statuses[str(st)] = check
            status_row.addWidget(check)
        status_row.addStretch(1)

        self.source = QComboBox(self)
        self.source.addItem(self.tr("Gold layer where adjudicated, else all accepted spans"), "auto")
        self.source.addItem(self.tr("Only the adjudicated gold layer"), "gold")
        self.source.addItem(self.tr("Every annotator's spans"), "all")

        # how the token formats split words, and the options some writers take
        self.tokenizer = QComboBox(self)
        self.tokenizer.setAccessibleName(self.tr("Tokens"))
        for name, title in (("simple", self.tr("Words and punctuation (default)")),
                            ("vi", self.tr("Vietnamese syllables")),
                            ("vi-words", self.tr("Vietnamese words (shipped word list)")),
                            ("vi-pyvi", self.tr("Vietnamese words (pyvi)")),
                            ("spacy:vi", self.tr("spaCy's Vietnamese tokenizer")),
                            ("spacy:en", self.tr("spaCy's English tokenizer"))):
            self.tokenizer.addItem(title, name)
        self.levels = QSpinBox(self)
        self.levels.setRange(1, 6)
        self.levels.setMaximumWidth(90)
        self.levels.setAccessibleName(self.tr("Tag columns"))
        self.levels.setToolTip(self.tr("Nested spans need more than one tag column; extra columns come before the "
                                       "main one"))
        self.offsets = QComboBox(self)
        self.offsets.setAccessibleName(self.tr("Offsets"))
        self.offsets.addItem(self.tr("Characters (Label Studio 1.4 and later)"), "codepoint")
        self.offsets.addItem(self.tr("UTF-16 units (older Label Studio)"), "utf16")

        self.split = QCheckBox(self.tr("Split by document into train / dev / test"), self)
        self.ratios = [QDoubleSpinBox(self) for _ in range(3)]
        for spin, value in zip(self.ratios, (0.8, 0.1, 0.1), strict=True):
            spin.setRange(0.0, 1.0)
            spin.setSingleStep(0.05)
            spin.setDecimals(2)
            spin.setValue(value)
        self.seed = QSpinBox(self)
        self.seed.setRange(0, 2**31 - 1)
        split_row = QHBoxLayout()  # under the check box, indented: the whole sentence stays readable
        split_row.addSpacing(24)
        for spin, name in zip(self.ratios, (self.tr("train"), self.tr("dev"), self.tr("test")), strict=True):
            split_row.addWidget(QLabel(name, self))
            split_row.addWidget(spin)
        split_row.addWidget(QLabel(self.tr("seed"), self))
        split_row.addWidget(self.seed)
        split_row.addStretch(1)
        self.split.toggled.connect(self._split_changed)

        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton(self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        out_row = QHBoxLayout()
        out_row.addWidget(self.output, 1)
        out_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Format:"), self.format)
        form.addRow(self.tr("Write to:"), out_row)
        form.addRow(self.tr("Spans from:"), self.source)
        form.addRow(self.tr("Tokens:"), self.tokenizer)
        form.addRow(self.tr("Tag columns:"), self.levels)
        form.addRow(self.tr("Offsets:"), self.offsets)
        self._form = form
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(layers_box)
        layout.addWidget(QLabel(self.tr("Labels:"), self))
        layout.addWidget(self.labels, 1)
        layout.addWidget(self.include_suggested)
        layout.addWidget(status_box)
        layout.addWidget(self.split)
        layout.addLayout(split_row)
        layout.addWidget(self.buttons)
        self.output.textChanged.connect(self._update)
        self.format.currentIndexChanged.connect(self._format_changed)
        self._split_changed(False)
        self._update()

    def _format_changed(self) -> None:
        out = self.output.text().strip()
        if out and not self._writes_folder():
            suffix = self._extensions.get(self.format.currentData(), "")
            if suffix:
                self.output.setText(str(Path(out).with_suffix(suffix)))
        self._update()

    def _writes_folder(self) -> bool:
        name = self.format.currentData()
        f = self._formats.get(name)
        return self.split.isChecked() or (f is not None and f.directory_output)

    def _browse(self) -> None:
        if self._writes_folder():
            path = QFileDialog.getExistingDirectory(self, self.tr("Export to folder"), self.start_dir)
        else:
            suffix = self._extensions.get(self.format.currentData(), "")
            default = str(Path(self.start_dir or ".") / f"export{suffix}")
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export to file"), default)
        if path:
            self.output.setText(path)

    def _layers_changed(self) -> None:
        for item in self._label_items():
            layer = item.data(0, Qt.ItemDataRole.UserRole + 1)
            item.setDisabled(not self.layers[layer].isChecked())

    def _label_items(self) -> list[QTreeWidgetItem]:
        items = (self.labels.topLevelItem(i) for i in range(self.labels.topLevelItemCount()))
        return [item for item in items if item is not None]

    def _split_changed(self, on: bool) -> None:
        for spin in self.ratios:
            spin.setEnabled(on)
        self.seed.setEnabled(on)

    def _update(self) -> None:
        self.export_button.setEnabled(bool(self.output.text().strip()))
        name = self.format.currentData()
        f = self._formats.get(name)
        shown = {self.tokenizer: f is not None and f.token_level,
                 self.levels: name in ("conll", "iob2", "bilou"),
                 self.offsets: name == "labelstudio"}
        for widget, on in shown.items():  # only the options the chosen format takes
            self._form.setRowVisible(widget, on)

    def options(self) -> ExportOptions:
        layers = {name for name, check in self.layers.items() if check.isChecked()}
        labels = set()
        all_labels = True
        for item in self._label_items():
            if item.isDisabled():
                continue
            if item.checkState(0) == Qt.CheckState.Checked:
                labels.add(item.data(0, Qt.ItemDataRole.UserRole))
            else:
                all_labels = False
        statuses = {name for name, check in self.statuses.items() if check.isChecked()}
        selection = Selection(
            layers=None if len(layers) == len(self.layers) else layers,
            labels=None if all_labels else labels,
            states={"accepted", "suggested"} if self.include_suggested.isChecked() else {"accepted"},
            statuses=None if len(statuses) == len(self.statuses) else statuses,
            source=self.source.currentData(),
        )
        split = [spin.value() for spin in self.ratios] if self.split.isChecked() else None
        name = self.format.currentData()
        f = self._formats.get(name)
        writer_options: dict[str, Any] = {}
        if name in ("conll", "iob2", "bilou") and self.levels.value() > 1:
            writer_options["levels"] = self.levels.value()
        if name == "labelstudio" and self.offsets.currentData() != "codepoint":
            writer_options["offsets"] = self.offsets.currentData()
        tokenizer = self.tokenizer.currentData() if f is not None and f.token_level else None
        return ExportOptions(fmt=name, output=Path(self.output.text().strip()),
                             selection=selection, split=split, seed=self.seed.value(),
                             tokenizer=None if tokenizer == "simple" else tokenizer, writer_options=writer_options)


# ---- keyboard shortcuts -----------------------------------------------------------------------


class ShortcutsDialog(QDialog):
    """Every action of the window's menus with its keys."""

    def __init__(self, sections: list[tuple[str, list[QAction]]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.setMinimumSize(360, 300)
        self.resize(520, 600)
        tree = QTreeWidget(self)
        tree.setColumnCount(2)
        tree.setHeaderLabels([self.tr("Action"), self.tr("Keys")])
        tree.setRootIsDecorated(True)
        tree.setAlternatingRowColors(True)
        for title, actions in sections:
            parent_item = QTreeWidgetItem(tree, [title.replace("&", "")])
            for action in actions:
                keys = ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts())
                if not keys or action.text() == "":
                    continue
                QTreeWidgetItem(parent_item, [action.text().replace("&", ""), keys])
            parent_item.setExpanded(True)
        tree.resizeColumnToContents(0)
        self.tree = tree
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tree)
        layout.addWidget(buttons)
