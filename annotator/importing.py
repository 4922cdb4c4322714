"""Importing files and folders into a project: all or nothing, with progress."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.documents import Cancelled, ImportResult
from annotator.errors import FormatError
from annotator.formats import FORMATS, Format, get_format, guess_format
from annotator.model import DocRecord, Origin, SpanState

if TYPE_CHECKING:
    from annotator.project import Project

Progress = Callable[[int, int | None], bool | None]


def plan(paths: Sequence[str | Path], fmt: str | None = None) -> list[tuple[Path, Format]]:
    """Which reader reads which path. Folders: brat collections, or every readable file inside."""
    out: list[tuple[Path, Format]] = []
    for raw in paths:
        p = Path(raw)
        if not p.exists():
            raise FormatError("no such file or folder", path=str(p))
        if fmt:
            f = get_format(fmt)
            if p.is_dir() and not f.directory_output and f.name not in {"text", "markdown"}:
                out.extend((c, f) for c in sorted(p.rglob("*")) if c.is_file() and c.suffix.lower() in f.extensions)
            else:
                out.append((p, f))
            continue
        if p.is_dir():
            guessed = guess_format(p)
            if guessed.name == "brat":
                out.append((p, guessed))
                continue
            readable = {ext for f in FORMATS.values() if f.reader for ext in f.extensions}
            for child in sorted(p.rglob("*")):
                if child.is_file() and child.suffix.lower() in readable and not child.name.startswith("."):
                    out.append((child, guess_format(child)))
        else:
            out.append((p, guess_format(p)))
    return out


def import_paths(project: Project, paths: Sequence[str | Path], *, fmt: str | None = None,
                 skip_bad: bool = False, add_labels: bool = False, progress: Progress | None = None,
                 origin: Origin = Origin.IMPORTED, suggested: bool = False, suggest_entities: bool = True,
                 **options: Any) -> ImportResult:
    """Import every path in ONE transaction: a failure or cancel leaves the project as it was.

    ``skip_bad`` skips bad records and lists them in ``result.skipped`` instead of failing.
    ``suggest_entities``: afterwards, the project's known entities (a gazetteer's names and
    aliases) found in the new documents are proposed as suggested, linked mentions — a separate,
    undoable step (``result.suggestions``).
    """
    jobs = plan(paths, fmt)
    errors: list[FormatError] | None = [] if skip_bad else None

    def records() -> Iterator[DocRecord]:
        for path, f in jobs:
            kwargs = dict(options)
            if f.name == "text":  # news files are often named by number: the headline is the title
                kwargs.setdefault("title_from", "first_line")
            if errors is not None:
                kwargs["errors"] = errors
            for rec in f.read(path, **_accepted(f, kwargs)):
                if not rec.imported_from:
                    rec.imported_from = str(path)
                if suggested:
                    for span in rec.spans:
                        span.state = SpanState.SUGGESTED
                yield rec

    skipped: list[str] = []
    with project.store.transaction():
        result = project.documents.import_records(
            records(), imported_from=", ".join(str(p) for p, _ in jobs)[:500], origin=origin, normalized=False,
            errors=skipped if skip_bad else None, add_labels=add_labels, progress=progress,
        )
    if errors:
        result.skipped = [str(e) for e in errors] + result.skipped
    if suggest_entities and result.documents_added:
        from annotator.gazetteer import suggest_entities as suggest

        result.suggestions = suggest(project, result.documents_added)
    return result


def _accepted(f: Format, kwargs: dict[str, Any]) -> dict[str, Any]:
    """Pass only the options the reader takes."""
    import inspect

    try:
        fn = f._load(f.reader, "imported")
        params = inspect.signature(fn).parameters
    except (FormatError, ValueError, TypeError):
        return kwargs
    if any(p.kind == p.VAR_KEYWORD for p in params.values()):
        return kwargs
    return {k: v for k, v in kwargs.items() if k in params}


__all__ = ["Cancelled", "ImportResult", "import_paths", "plan"]
