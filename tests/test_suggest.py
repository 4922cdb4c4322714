"""Suggesting figures into a project: stored as suggestions, never duplicated, rejections kept."""

from __future__ import annotations

import json

from click.testing import CliRunner

from annotator.cli import main
from annotator.model import Origin, SpanState
from annotator.project import Project
from annotator.suggest import suggest_figures

TEXT = "Đến ngày 4/8/2020, toàn bộ 595 Đảng bộ đạt hơn 90%, theo Chỉ thị số 35-CT/TW. Gọi 0912 345 678."


def test_suggestions_are_stored_as_suggested_with_attributes(project: Project) -> None:
    doc = project.documents.add(TEXT, language="vi")
    result = suggest_figures(project, [doc])
    spans = project.spans.for_doc(doc)
    assert result.added == len(spans) > 0
    assert all(s.state == SpanState.SUGGESTED and s.origin == Origin.SUGGESTED for s in spans)
    by_text = {TEXT[s.start:s.end]: s for s in spans}
    assert by_text["595"].attrs == {"value": "595", "referent": "Đảng bộ"}
    assert by_text["hơn 90%"].attrs["bound"] == ">"
    assert any(s.label == "DOC_REF" for s in spans)
    assert not any("0912" in TEXT[s.start:s.end] for s in spans)  # a phone number is no figure


def test_running_again_never_duplicates_and_rejections_stay_rejected(project: Project) -> None:
    doc = project.documents.add(TEXT, language="vi")
    first = suggest_figures(project, [doc])
    spans = project.spans.for_doc(doc)
    project.spans.reject([spans[0].id])
    project.spans.accept([spans[1].id])
    again = suggest_figures(project, [doc])
    assert again.added == 0 and again.proposed == first.proposed
    assert len(project.spans.for_doc(doc)) == len(spans)
    assert project.spans.get(spans[0].id).state == SpanState.REJECTED


def test_one_undo_takes_back_a_whole_run(project: Project) -> None:
    docs = [project.documents.add(TEXT), project.documents.add("Hơn 1.500 người, khoảng 88,8%.", language="vi")]
    suggest_figures(project)
    assert all(project.spans.for_doc(d) for d in docs)
    project.undo()
    assert project.spans.count() == 0


def test_cli_suggest_and_export_with_or_without_suggestions(tmp_path) -> None:  # type: ignore[no-untyped-def]
    p = tmp_path / "p"
    with Project.create(p) as proj:
        proj.documents.add(TEXT, language="vi")
    r = CliRunner().invoke(main, ["suggest", "figures", str(p)])
    assert r.exit_code == 0 and "new suggestion(s)" in r.output
    r = CliRunner().invoke(main, ["suggest", "figures", str(p)])
    assert r.output.startswith("0 new suggestion(s)")
    CliRunner().invoke(main, ["export", str(p), "-o", str(tmp_path / "a.jsonl")])
    CliRunner().invoke(main, ["export", str(p), "-o", str(tmp_path / "b.jsonl"), "--include-suggested"])
    assert json.loads((tmp_path / "a.jsonl").read_text(encoding="utf-8"))["spans"] == []
    assert "595" in (tmp_path / "b.jsonl").read_text(encoding="utf-8")
