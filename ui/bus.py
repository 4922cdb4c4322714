"""One signal for every change to the project: ``project_changed(changes, initiator)``.

The bus subscribes to :meth:`Project.subscribe`; each committed core operation arrives as one
:class:`~annotator.model.Changes`. Each view decides whether it cares. The view that made a
change names itself as the initiator so it can skip its own echo::

    with bus.initiated_by(self):
        project.spans.add(...)

A change committed on another thread (a background job using this project) is delivered on the
GUI thread through a queued connection.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QObject, Qt, Signal, Slot

from annotator.model import Changes
from annotator.project import Project


class ProjectBus(QObject):
    """Relays a project's changes as a Qt signal. Create on the GUI thread."""

    project_changed = Signal(object, object)
    """(changes: Changes, initiator: object | None)"""

    _relay = Signal(object, object)

    def __init__(self, project: Project, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self._initiator: object | None = None
        self._gui_thread = threading.get_ident()
        self._relay.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._unsubscribe: Callable[[], None] | None = project.subscribe(self._on_changes)

    def detach(self) -> None:
        """Stop listening (the project is about to close)."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

    @contextmanager
    def initiated_by(self, initiator: object) -> Iterator[None]:
        """Changes committed inside this block carry ``initiator``."""
        previous, self._initiator = self._initiator, initiator
        try:
            yield
        finally:
            self._initiator = previous

    def publish(self, changes: Changes, initiator: object | None = None) -> None:
        """Announce changes made elsewhere (another connection, e.g. a background job's)."""
        if not changes.empty:
            self.project_changed.emit(changes, initiator)

    def _on_changes(self, changes: Changes) -> None:
        if threading.get_ident() == self._gui_thread:
            self.project_changed.emit(changes, self._initiator)
        else:
            self._relay.emit(changes, None)

    @Slot(object, object)
    def _deliver(self, changes: Changes, initiator: object | None) -> None:
        self.project_changed.emit(changes, initiator)
