"""Long work off the GUI thread, in one place: progress dialog, cancel, result on the GUI thread.

    job = window.jobs.run(lambda project, progress: import_paths(project, paths, progress=progress),
                          title=tr("Import"), label=tr("Importing…"), own_project=True,
                          on_result=show_report)

The callable runs on a worker thread and never touches widgets. It gets ``progress(done, total)``
which returns False once the person pressed Cancel (the core then raises ``Cancelled`` and
writes nothing). Its result, error or cancellation is delivered on the GUI thread.

SQLite connections are used by one thread at a time. With ``own_project=True`` the worker opens
its own :class:`Project` on the same file (WAL lets the window keep reading) and closes it after;
otherwise it gets no project and must not use the window's one. While a job runs the runner is
``busy`` and the window blocks edits (the progress dialog is window-modal as well); only one job
runs at a time.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from annotator.documents import Cancelled
from annotator.project import Project

ProgressFn = Callable[[int, "int | None"], bool]


class Job(QObject):
    """One background job. Signals arrive on the GUI thread."""

    progressed = Signal(int, int)
    """(done, total); total is 0 when unknown"""
    succeeded = Signal(object)
    failed = Signal(object)
    """the exception the callable raised"""
    cancelled = Signal()
    finished = Signal()
    """always emitted last, whatever happened"""
    _completed = Signal()

    def __init__(self, title: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self._cancel = threading.Event()
        self._last_emit = 0.0
        self.result: Any = None
        self.error: BaseException | None = None
        self.was_cancelled = False
        self.done = False
        self._completed.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @Slot()
    def _deliver(self) -> None:
        try:
            if self.was_cancelled:
                self.cancelled.emit()
            elif self.error is not None:
                self.failed.emit(self.error)
            else:
                self.succeeded.emit(self.result)
        finally:
            self.finished.emit()

    def cancel(self) -> None:
        """Ask the callable to stop (takes effect at its next progress call)."""
        self._cancel.set()

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    def progress(self, done: int, total: int | None = None) -> bool:
        """Called by the worker; returns False when cancelled. Throttled to ~20 updates a second."""
        now = time.monotonic()
        if now - self._last_emit >= 0.05 or (total is not None and done >= total):
            self._last_emit = now
            self.progressed.emit(int(done), int(total or 0))
        return not self._cancel.is_set()


class JobRunner(QObject):
    """Runs jobs one at a time for a window."""

    busy_changed = Signal(bool)

    def __init__(self, parent_widget: QWidget | None = None) -> None:
        super().__init__(parent_widget)
        self._widget = parent_widget
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._running: Job | None = None
        self._dialog: QProgressDialog | None = None
        self.show_dialog = True

    @property
    def busy(self) -> bool:
        return self._running is not None

    @property
    def current(self) -> Job | None:
        return self._running

    def run(self, fn: Callable[..., Any], *, title: str, label: str,
            own_project: bool = False, project_path: str | Path | None = None, actor: str | None = None,
            on_result: Callable[[Any], None] | None = None,
            on_error: Callable[[BaseException], None] | None = None,
            on_cancel: Callable[[], None] | None = None, cancellable: bool = True) -> Job:
        """Start ``fn(progress)`` — or ``fn(project, progress)`` with ``own_project`` — in the background.

        Raises RuntimeError when a job is already running.
        """
        if self._running is not None:
            raise RuntimeError("a background job is already running")
        if own_project and project_path is None:
            raise ValueError("own_project needs project_path")
        job = Job(title, self)
        self._running = job
        if on_result is not None:
            job.succeeded.connect(on_result)
        if on_error is not None:
            job.failed.connect(on_error)
        if on_cancel is not None:
            job.cancelled.connect(on_cancel)
        job.finished.connect(self._job_finished)
        if self.show_dialog:
            self._open_dialog(job, title, label, cancellable)
        self.busy_changed.emit(True)

        def work() -> None:
            try:
                if own_project:
                    worker_project = Project.open(str(project_path), actor=actor)
                    try:
                        result = fn(worker_project, job.progress)
                    finally:
                        worker_project.close()
                else:
                    result = fn(job.progress)
            except Cancelled:
                job.was_cancelled = True
            except BaseException as exc:  # noqa: BLE001 - delivered to the GUI thread
                job.error = exc
            else:
                if job.cancel_requested and result is None:
                    job.was_cancelled = True
                job.result = result
            job.done = True
            job._completed.emit()  # queued: the Job lives on the GUI thread

        self._pool.start(work)
        return job

    def wait(self, msecs: int = -1) -> bool:
        """Block until the pool is idle (at shutdown); queued results are delivered later."""
        return bool(self._pool.waitForDone(msecs))

    def _open_dialog(self, job: Job, title: str, label: str, cancellable: bool) -> None:
        dialog = QProgressDialog(label, self.tr("Cancel") if cancellable else "", 0, 0, self._widget)
        dialog.setWindowTitle(title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        if not cancellable:
            dialog.setCancelButton(None)
        dialog.canceled.connect(job.cancel)
        dialog.canceled.connect(lambda: dialog.setLabelText(self.tr("Cancelling…")))

        def update(done: int, total: int) -> None:
            if total > 0:
                dialog.setMaximum(total)
                dialog.setValue(min(done, total))
            else:
                dialog.setMaximum(0)
                dialog.setValue(0)

        job.progressed.connect(update)
        self._dialog = dialog

    @Slot()
    def _job_finished(self) -> None:
        if self._dialog is not None:
            self._dialog.canceled.disconnect()
            self._dialog.close()
            self._dialog.deleteLater()
            self._dialog = None
        self._running = None
        self.busy_changed.emit(False)
