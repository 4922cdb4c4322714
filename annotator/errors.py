"""Typed exceptions of the core. They carry data; the CLI and UI turn them into sentences."""

from __future__ import annotations


class AnnotatorError(Exception):
    """Base of every error the core raises on purpose."""


class ProjectError(AnnotatorError):
    """The project file cannot be opened or created."""


class NewerProjectError(ProjectError):
    """The project was written by a newer version of Annotator; it is left untouched."""

    def __init__(self, path: str, found: int, supported: int) -> None:
        super().__init__(
            f"{path}: written by a newer Annotator (schema version {found}, this one knows up to "
            f"{supported}); upgrade Annotator to open it. The file was not changed."
        )
        self.path, self.found, self.supported = path, found, supported


class ValidationError(AnnotatorError):
    """Input that breaks a rule of the model (bad offsets, unknown label, bad attribute)."""


class UnknownLabelError(ValidationError):
    """A label the project's schema does not have."""


class NotFoundError(AnnotatorError):
    """An id that is not in the project."""


class PermissionDenied(AnnotatorError):
    """The acting person's role does not allow the operation."""


class TransitionError(AnnotatorError):
    """A review transition that the state machine does not allow from the current state."""


class SchemaError(AnnotatorError):
    """A label schema file is invalid; the message names the place."""


class FormatError(AnnotatorError):
    """Bad input in an imported file; names the file and line."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        where = ""
        if path is not None:
            where = path if line is None else f"{path}:{line}"
            where += ": "
        super().__init__(where + message)
        self.path, self.line, self.reason = path, line, message
