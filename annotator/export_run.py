"""Running an export: selection, optional train/dev/test split, progress, atomic output."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from annotator.documents import Cancelled
from annotator.errors import FormatError
from annotator.exporting import Selection, project_records, selected_doc_ids, split_ids
from annotator.formats import get_format

if TYPE_CHECKING:
    from annotator.project import Project

T = TypeVar("T")

EXTENSIONS = {
    "jsonl": ".jsonl", "prodigy": ".jsonl", "doccano": ".jsonl", "labelstudio": ".json", "brat": "",
    "conll": ".conll", "iob2": ".iob", "bilou": ".bilou", "spacy": ".spacy", "hf": ".jsonl",
    "hf-parquet": ".parquet",
}
REVIEW_FORMATS = {"review-csv", "review-xlsx", "review-jsonl", "claimreview", "review-html"}


@dataclass
class ExportReport:
    path: Path
    documents: int = 0
    spans: int = 0
    problems: list[str] = field(default_factory=list)


def export_formats() -> list[str]:
    return [*EXTENSIONS, *sorted(REVIEW_FORMATS)]


def run_export(project: Project, fmt: str, output: Path, sel: Selection | None = None, *,
               split: list[float] | None = None, seed: int = 0, tokenizer: str | None = None,
               writer_options: dict[str, Any] | None = None,
               progress: Callable[[int, int | None], bool | None] | None = None) -> dict[str, ExportReport]:
    """Export; returns a report per part ("" when not split). Output appears only when complete.

    ``writer_options`` go to the format's writer (e.g. ``offsets="utf16"`` for Label Studio,
    ``levels=2`` for CoNLL); one it does not take is refused with the options it does take.
    """
    sel = sel or Selection()
    sel.validate(project)
    if fmt in REVIEW_FORMATS:
        from annotator.review_export import export_review

        review = export_review(project, fmt, output, sel)
        return {"": ExportReport(output, getattr(review, "documents", 0), getattr(review, "spans", 0),
                                 list(getattr(review, "problems", [])))}
    f = get_format(fmt)
    ids = selected_doc_ids(project, sel)
    parts: dict[str, list[int]] = split_ids(ids, split, seed=seed) if split else {"": ids}
    total = len(ids)
    done = [0]
    reports: dict[str, ExportReport] = {}

    def counted(records: Iterator[T]) -> Iterator[T]:
        for rec in records:
            done[0] += 1
            if progress is not None and progress(done[0], total) is False:
                raise Cancelled("export cancelled; no file was written")
            yield rec

    options: dict[str, Any] = {}
    if tokenizer and f.token_level:
        options["tokenizer"] = tokenizer
    writer = f._load(f.writer, "exported")
    accepted = inspect.signature(writer).parameters
    if "labels" in accepted:
        options["labels"] = [lab.name for lab in project.schema.labels if not sel.labels or lab.name in sel.labels]
    if "schema" in accepted:
        options["schema"] = project.schema
    options = {k: v for k, v in options.items() if k in accepted or any(
        p.kind == p.VAR_KEYWORD for p in accepted.values())}
    if writer_options:
        takes = sorted(k for k, p in accepted.items() if p.kind == p.KEYWORD_ONLY and k not in
                       {"progress", "schema", "labels"})
        unknown = sorted(set(writer_options) - set(takes))
        if unknown:
            raise FormatError(f"format {fmt} has no option {', '.join(unknown)}; it takes: {', '.join(takes) or 'none'}")
        options.update(writer_options)
    for name, part_ids in parts.items():
        target = output if not name else output / f"{name}{EXTENSIONS.get(fmt, '')}"
        if name and not EXTENSIONS.get(fmt):
            target = output / name
        if fmt == "jsonl":  # lines built by SQLite: the same records, several times faster
            from annotator.exporting import project_jsonl_lines
            from annotator.formats.jsonl import write_jsonl_lines

            rep: Any = write_jsonl_lines(counted(project_jsonl_lines(project, sel, part_ids)), target)
        else:
            rep = writer(counted(project_records(project, sel, part_ids)), target, **options)
        if rep is None:
            raise FormatError(f"format {fmt} wrote no report")
        reports[name] = ExportReport(target, int(getattr(rep, "documents", 0)), int(getattr(rep, "spans", 0)),
                                     list(getattr(rep, "problems", [])))
    return reports
