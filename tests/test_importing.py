"""Which reader reads which file: the registry's endings for folders and for exported files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.export_run import EXTENSIONS, run_export
from annotator.formats import FORMATS, guess_format
from annotator.importing import import_paths, plan
from annotator.project import Project


@pytest.mark.parametrize("fmt", sorted(f.name for f in FORMATS.values() if f.reader and f.writer))
def test_an_exported_file_is_imported_again_by_its_ending(fmt: str, project: Project, tmp_path: Path) -> None:
    doc = project.documents.add("Ông Lê Hồng Long ở Sơn La.")
    project.spans.add(doc_id=doc, start=4, end=16, label="PER")
    out = tmp_path / f"out{EXTENSIONS[fmt]}"
    run_export(project, fmt, out)
    with Project.create(tmp_path / "again") as again:
        result = import_paths(again, [out])
        assert result.spans_added == 1, guess_format(out).name
        (span,) = again.spans.for_doc(result.documents_added[0])
        assert (span.start, span.end, span.label) == (4, 16, "PER")


@pytest.mark.parametrize(("fmt", "found"), [("prodigy", ["a.jsonl", "b.json"]), ("doccano", ["a.jsonl", "b.json"]),
                                            ("labelstudio", ["b.json"]), ("bilou", ["d.bilou"])])
def test_a_folder_imported_with_a_format_reads_that_formats_files(tmp_path: Path, fmt: str, found: list[str]) -> None:
    for name in ("a.jsonl", "b.json", "c.txt", "d.bilou"):
        (tmp_path / name).write_text(json.dumps({"text": "x"}), encoding="utf-8")
    assert [(p.name, f.name) for p, f in plan([tmp_path], fmt)] == [(n, fmt) for n in found]


def test_a_folder_without_a_format_reads_json_files_too(tmp_path: Path, project: Project) -> None:
    task = {"data": {"text": "Sơn La"}, "annotations": [{"result": [
        {"id": "r", "type": "labels", "from_name": "label", "to_name": "text",
         "value": {"start": 0, "end": 6, "labels": ["LOC"], "text": "Sơn La"}}]}]}
    (tmp_path / "ls.json").write_text(json.dumps([task], ensure_ascii=False), encoding="utf-8")
    assert [f.name for _p, f in plan([tmp_path])] == ["labelstudio"]
    assert import_paths(project, [tmp_path], suggest_entities=False).spans_added == 1
    (span,) = project.spans.iter_all()
    assert (span.start, span.end, span.label) == (0, 6, "LOC")
