"""Annotator core: the Qt-free library behind the desktop app and the CLI.

Never import PySide6 (or anything Qt) from this package.
"""

from __future__ import annotations

__version__ = "0.1.0"

from annotator.errors import AnnotatorError  # noqa: E402

__all__ = ["AnnotatorError", "__version__"]
