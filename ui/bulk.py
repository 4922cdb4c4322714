"""Work on many documents at once, run in the background: import, export, merge, suggest figures.

Each action gathers its choices (a dialog, dropped files), runs the core function in a
:class:`~ui.jobs.Job` with its own connection to the project, and reports the result in the
window; new rows reach the views through the bus. GUI thread only.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from annotator.model import Changes
from annotator.project import Project
from ui import settings as S
from ui.dialogs import ExportDialog, ExportOptions, ImportDialog
from ui.jobs import Job

if TYPE_CHECKING:
    from ui.mainwindow import MainWindow


class BulkWork(QObject):
    """The window's long-running actions."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def import_dialog(self, paths: list[str] | None = None) -> ImportDialog:
        dialog = ImportDialog(paths, start_dir=self.window.settings.get(S.IMPORT_DIR), parent=self.window,
                              allow_add_labels=True)
        dialog.accepted.connect(lambda: self.import_paths(**vars(dialog.options())))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def import_paths(self, paths: list[str], fmt: str | None = None, skip_bad: bool = False,
                     suggested: bool = False, add_labels: bool = False) -> Job | None:
        """Import files in the background (all or nothing), then show what came in."""
        from annotator.importing import import_paths

        if not paths:
            return None
        self.window.settings.set(S.IMPORT_DIR, str(Path(paths[0]).parent))

        def work(project: Project, progress: Callable[[int, int | None], bool]) -> Any:
            result = import_paths(project, paths, fmt=fmt, skip_bad=skip_bad, add_labels=add_labels,
                                  suggested=suggested, progress=progress)
            project.search.index_pending()
            return result

        label = self.tr("Importing {n} file(s)…").format(n=len(paths))
        return self.window.run_job(work, title=self.tr("Import"), label=label, on_result=self._imported)

    def _reload_schema(self) -> None:
        """Another connection (a job's) changed the schema: read it again before views use it."""
        self.window.project.reload_schema()

    def _imported(self, result: Any) -> None:
        if result.changes is not None and result.changes.schema:
            self._reload_schema()
        if result.changes is not None:
            self.window.bus.publish(result.changes)
        text = self.tr("Imported {new} new document(s), {old} already present; {spans} span(s).").format(
            new=len(result.documents_added), old=len(result.documents_matched), spans=result.spans_added)
        self.window.show_message(text, 10000)
        if result.documents_added and self.window.current_doc_id is None:
            self.window.open_document(result.documents_added[0])
        if result.skipped:
            skipped = self.tr("Skipped {n} bad record(s).").format(n=len(result.skipped))
            self.window.message_box(QMessageBox.Icon.Information, self.tr("Import"), f"{text}\n{skipped}",
                                    "\n".join(result.skipped))

    def export_dialog(self) -> ExportDialog:
        dialog = ExportDialog(self.window.project.schema, start_dir=self.window.settings.get(S.EXPORT_DIR),
                              fmt=self.window.settings.get(S.EXPORT_FORMAT), parent=self.window)
        dialog.accepted.connect(lambda: self.export(dialog.options()))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def export(self, options: ExportOptions) -> Job | None:
        from annotator.export_run import run_export

        self.window.settings.set(S.EXPORT_DIR, str(options.output.parent))
        self.window.settings.set(S.EXPORT_FORMAT, options.fmt)

        def work(project: Project, progress: Callable[[int, int | None], bool]) -> Any:
            return run_export(project, options.fmt, options.output, options.selection, split=options.split,
                              seed=options.seed, tokenizer=options.tokenizer,
                              writer_options=options.writer_options or None, progress=progress)

        label = self.tr("Exporting to {path}…").format(path=options.output)
        return self.window.run_job(work, title=self.tr("Export"), label=label, on_result=self._exported)

    def _exported(self, reports: dict[str, Any]) -> None:
        problems = [p for rep in reports.values() for p in rep.problems]
        docs = sum(rep.documents for rep in reports.values())
        spans = sum(rep.spans for rep in reports.values())
        if len(reports) > 1:
            folder = Path(next(iter(reports.values())).path).parent
            text = self.tr("Wrote {docs} document(s), {spans} span(s) in {parts} parts to {path}").format(
                docs=docs, spans=spans, parts=len(reports), path=folder)
        else:
            rep = next(iter(reports.values()))
            text = self.tr("Wrote {docs} document(s), {spans} span(s) to {path}").format(
                docs=docs, spans=spans, path=rep.path)
        self.window.show_message(text, 10000)
        if problems:
            self.window.message_box(QMessageBox.Icon.Information, self.tr("Export"), text + "\n" + self.tr(
                "{n} span(s) could not be written in this format.").format(n=len(problems)), "\n".join(problems))

    def merge_dialog(self) -> None:
        if self.window.merge_handler is None:
            return
        paths, _ = QFileDialog.getOpenFileNames(self.window, self.tr("Merge other copies"), "",
                                                self.tr("Annotator projects (*.annotator project.db);;All files (*)"))
        if paths:
            self.window.merge_handler([str(Path(p).parent if Path(p).name == "project.db" else p) for p in paths])

    def merge_paths(self, paths: list[str]) -> Job | None:
        """Merge other copies of this project in the background (the default File → Merge…)."""
        from annotator.merge import merge

        def work(project: Project, progress: Callable[[int, int | None], bool]) -> Any:
            return merge(project, paths, progress=progress)

        label = self.tr("Merging {n} copy(ies)…").format(n=len(paths))
        return self.window.run_job(work, title=self.tr("Merge"), label=label, on_result=self._merged)

    def _merged(self, result: Any) -> None:
        changes = getattr(result, "changes", None)
        if isinstance(changes, Changes):
            if changes.schema:
                self._reload_schema()
            self.window.bus.publish(changes)
        if not getattr(result, "changed", True):
            self.window.show_message(self.tr("Nothing new to merge."))
            return
        text = self.tr("Merged: {docs} new document(s), {spans} new span(s), {updated} updated.").format(
            docs=result.documents_added, spans=result.spans_added, updated=result.spans_updated)
        conflicts = list(getattr(result, "conflicts", []))
        self.window.show_message(text, 10000)
        if conflicts:
            self.window.message_box(QMessageBox.Icon.Information, self.tr("Merge"), text + "\n" + self.tr(
                "{n} conflict(s) were kept for a person to settle.").format(n=len(conflicts)),
                "\n".join(str(getattr(c, "describe", lambda c=c: c)()) for c in conflicts))

    def suggest_figures(self, *, all_documents: bool) -> Job | None:
        try:
            from annotator.suggest import suggest_figures
        except ImportError:
            return None
        if self.window.current_doc_id is None and not all_documents:
            return None
        doc_ids = None if all_documents or self.window.current_doc_id is None else [self.window.current_doc_id]

        def work(project: Project, progress: Callable[[int, int | None], bool]) -> Any:
            return suggest_figures(project, doc_ids, progress=progress)

        return self.window.run_job(work, title=self.tr("Suggest figures"), label=self.tr("Looking for figures…"),
                                   on_result=self._suggested)

    def _suggested(self, result: Any) -> None:
        changes = getattr(result, "changes", result if isinstance(result, Changes) else None)
        added = int(getattr(result, "added", 0))
        if isinstance(changes, Changes):
            self.window.undo_stack.push_changes(changes, self.tr("Suggest %n figure(s)", "", added))
            self.window.bus.publish(changes)
        self.window.show_message(
            self.tr("%n figure(s) suggested: A accepts, R rejects, Shift+A accepts all.", "", added))
        if added and self.window.current_doc_id is not None:
            self.window.tagger.select_step(+1)
