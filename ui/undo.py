"""The Qt face of the core's undo: a QUndoStack whose commands replay recorded core events.

Every edit is stored by the core at once (one transaction, one event). The window then pushes a
:class:`CoreCommand` that remembers the event ids. The command's first ``redo()`` (which
``QUndoStack.push`` calls) does nothing because the edit already ran; ``undo()`` calls
``project.undo(event_id)`` and a later ``redo()`` calls ``project.redo(event_id)``. An edit made of
several core operations is one command holding several events (a macro), undone in reverse.

    stack = ProjectUndoStack(project, bus)
    stack.perform(lambda: project.spans.add(doc_id=1, start=0, end=6, label="LOC"), "Tag LOC")

When the core refuses to undo (the rows were changed since, or a claim went into review), the
command is dropped from the stack and ``failed`` carries the reason. Use from the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from annotator.errors import AnnotatorError
from annotator.model import Changes, EventId
from annotator.project import Project
from ui.bus import ProjectBus
from ui.i18n import core_text


class CoreCommand(QUndoCommand):
    """Undo/redo of core events that have already been applied once."""

    def __init__(self, stack: ProjectUndoStack, event_ids: Sequence[EventId], text: str) -> None:
        super().__init__(text)
        self._stack = stack
        self.event_ids: tuple[EventId, ...] = tuple(event_ids)
        self._applied = True

    def redo(self) -> None:
        if self._applied:  # the first redo (from push): the core op already ran
            return
        for k, event_id in enumerate(self.event_ids):
            if not self._stack._replay(self, "redo", event_id):
                # keep what was redone consistent: take back the events redone so far
                for done in reversed(self.event_ids[:k]):
                    self._stack._replay(self, "undo", done)
                return
        self._applied = True

    def undo(self) -> None:
        events = list(reversed(self.event_ids))
        for k, event_id in enumerate(events):
            if not self._stack._replay(self, "undo", event_id):
                for done in reversed(events[:k]):
                    self._stack._replay(self, "redo", done)
                return
        self._applied = False


class ProjectUndoStack(QUndoStack):
    """The session's undo history of one project."""

    failed = Signal(str)
    """A core operation, undo or redo was refused; the argument is the reason."""

    def __init__(self, project: Project, bus: ProjectBus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.bus = bus

    def push_changes(self, changes: Changes | Sequence[Changes] | None, text: str) -> CoreCommand | None:
        """Record core operations that already ran as one undoable step (skips non-undoable ones)."""
        items = [changes] if isinstance(changes, Changes) else list(changes or [])
        history = self.project.history
        ids = [c.event_id for c in items
               if c is not None and c.event_id is not None and history.is_undoable(c.event_id)]
        if not ids:
            return None
        command = CoreCommand(self, ids, text)
        self.push(command)
        return command

    def perform(self, action: Callable[[], Changes | Sequence[Changes] | None], text: str,
                initiator: object | None = None) -> Changes | None:
        """Run a core edit, push it as one undoable step, report a refusal through ``failed``.

        Returns the (last) Changes, or None when the core refused.
        """
        try:
            with self.bus.initiated_by(initiator):
                result = action()
        except AnnotatorError as exc:
            self.failed.emit(core_text(exc))
            return None
        self.push_changes(result, text)
        if isinstance(result, Changes) or result is None:
            return result
        return result[-1] if result else None

    def _replay(self, command: CoreCommand, which: str, event_id: EventId) -> bool:
        try:
            with self.bus.initiated_by(self):
                if which == "undo":
                    self.project.undo(event_id)
                else:
                    self.project.redo(event_id)
        except AnnotatorError as exc:
            command.setObsolete(True)
            self.failed.emit(core_text(exc))
            return False
        return True
