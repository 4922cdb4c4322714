"""Gazetteers: CSV/TSV parsing (tables of good and bad rows), import with undo, suggestions in text."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.errors import FormatError
from annotator.gazetteer import (
    GazetteerEntry,
    find_entity_names,
    import_gazetteer,
    parse_gazetteer,
    read_gazetteer,
    suggest_entities,
)
from annotator.project import Project
from annotator.schema import default_schema

CSV = """name,type,aliases,external_id,notes
Lê Hồng Long,PER,Luo Honglong|Lu Honglong,,Trưởng Ban Tổ chức
Sơn La,LOC,Sun La;Son La,Q36763,
"""


@pytest.mark.parametrize(("text", "path", "expected"), [
    (CSV, "g.csv", [("Lê Hồng Long", "PER", ("Luo Honglong", "Lu Honglong"), None),
                    ("Sơn La", "LOC", ("Sun La", "Son La"), "Q36763")]),
    ("name\ttype\taliases\nVOV\tORG\tĐài Tiếng nói Việt Nam\n", "g.tsv",
     [("VOV", "ORG", ("Đài Tiếng nói Việt Nam",), None)]),
    ("Hà Nội,LOCATION,Hanoi|Ha Noi\n", "g.csv", [("Hà Nội", "LOC", ("Hanoi", "Ha Noi"), None)]),  # no header
    ("# a comment\n\nType;Name\nperson;Nguyễn Văn Minh\n", "g.txt", [("Nguyễn Văn Minh", "PER", (), None)]),
    ("\ufeffname,type,qid\nĐà Nẵng,GPE,Q25282\n", "g.csv", [("Đà Nẵng", "LOC", (), "Q25282")]),
    ('name,type,aliases\n"Bộ Giáo dục, Đào tạo",ORG,"MOET|Bộ GD&ĐT|MOET"\n', "g.csv",
     [("Bộ Giáo dục, Đào tạo", "ORG", ("MOET", "Bộ GD&ĐT"), None)]),
])
def test_parse(text: str, path: str, expected: list[tuple[object, ...]]) -> None:
    got = parse_gazetteer(text, path=path, schema=default_schema())
    assert [(e.name, e.type, e.aliases, e.external_id) for e in got] == expected


@pytest.mark.parametrize(("text", "line", "words"), [
    ("name,type\nSơn La,PLANET\n", 2, "unknown entity type 'PLANET'"),
    ("name,type\nSơn La,COUNT\n", 2, "COUNT is not an entity label"),
    ("name,type\nSơn La,LOC\n,PER\n", 3, "without a name"),
    ("name,aliases\nSơn La,Sun La\n", 2, "has no type"),
])
def test_bad_rows_name_the_line(text: str, line: int, words: str) -> None:
    with pytest.raises(FormatError) as err:
        parse_gazetteer(text, path="g.csv", schema=default_schema())
    assert err.value.line == line and words in str(err.value) and "g.csv" in str(err.value)


def test_default_type_and_files(tmp_path: Path) -> None:
    f = tmp_path / "people.tsv"
    f.write_text("name\taliases\nLê Hồng Long\tLu Honglong\n", encoding="utf-8")
    (e,) = read_gazetteer(f, schema=default_schema(), default_type="PER")
    assert (e.name, e.type, e.aliases, e.line) == ("Lê Hồng Long", "PER", ("Lu Honglong",), 2)
    with pytest.raises(FormatError):
        read_gazetteer(tmp_path / "missing.csv")


def test_import_adds_updates_and_undoes(project: Project, tmp_path: Path) -> None:
    project.entities.add(name="Sơn La", type="LOC", aliases=["Tỉnh Sơn La"])
    f = tmp_path / "g.csv"
    f.write_text(CSV + "Lê Hồng Long,PER,Lữ Hồng Long\n", encoding="utf-8")
    report = import_gazetteer(project, f)
    assert len(report.added) == 1 and len(report.updated) == 1 and report.unchanged == []
    le = project.entities.get(report.added[0])
    assert le.aliases == ("Luo Honglong", "Lu Honglong", "Lữ Hồng Long") and le.notes == "Trưởng Ban Tổ chức"
    son = project.entities.get(report.updated[0])
    assert son.aliases == ("Tỉnh Sơn La", "Sun La", "Son La") and son.external_id == "Q36763"
    again = import_gazetteer(project, f)
    assert (again.added, again.updated, len(again.unchanged)) == ([], [], 2)
    project.undo()  # the second import changed nothing: undo the first
    assert project.entities.count() == 1
    assert project.entities.list()[0].aliases == ("Tỉnh Sơn La",)


def test_import_matches_existing_by_external_id(project: Project) -> None:
    project.entities.add(name="Son La province", type="LOC", external_id="Q36763")
    report = import_gazetteer(project, [GazetteerEntry("Sơn La", "LOC", ("Sun La",), "Q36763")])
    assert report.added == [] and len(report.updated) == 1
    assert project.entities.list()[0].aliases == ("Sơn La", "Sun La")


TEXT = ("Ông Lu Honglong nói: tỉnh SƠN LA và Sun La County; sơn la viết thường; "
        "Lê Hồng Longer không phải; Tôn La không có trong danh bạ.")


@pytest.fixture
def gazetted(project: Project) -> tuple[Project, int]:
    doc = project.documents.add(TEXT, title="t")
    import_gazetteer(project, parse_gazetteer(CSV, schema=project.schema))
    return project, doc


def test_find_entity_names_whole_words_capitals_and_links(gazetted: tuple[Project, int]) -> None:
    project, doc = gazetted
    found = find_entity_names(project, [doc])
    le = project.entities.find("Lê Hồng Long")
    son = project.entities.find("Sơn La")
    assert [(o.text, o.label, o.entity_id) for o in found] == [
        ("Lu Honglong", "PER", le.id),  # type: ignore[union-attr]
        ("SƠN LA", "LOC", son.id),  # type: ignore[union-attr]
        ("Sun La", "LOC", son.id),  # type: ignore[union-attr]
    ]


def test_suggest_entities_proposes_linked_suggestions_once(gazetted: tuple[Project, int]) -> None:
    project, doc = gazetted
    changes = suggest_entities(project, [doc])
    spans = project.spans.get_many(changes.spans)
    assert len(spans) == 3
    assert {(str(s.state), s.entity_id is not None) for s in spans} == {("suggested", True)}
    assert suggest_entities(project, [doc]).spans == frozenset()  # already there
    project.spans.reject([spans[0].id])
    project.spans.delete([spans[1].id])
    again = suggest_entities(project, [doc])
    assert len(again.spans) == 1  # the deleted one comes back, the rejected one does not
    project.undo()
    assert len(project.spans.for_doc(doc)) == 2


def test_suggest_entities_with_nothing_to_do(project: Project) -> None:
    doc = project.documents.add("Không có tên nào.", title="x")
    assert suggest_entities(project, [doc]).empty
    project.entities.add(name="Hà Nội", type="LOC")
    assert suggest_entities(project, [doc]).empty
    assert suggest_entities(project, []).empty


def test_longest_name_wins_and_ambiguous_types_are_left(project: Project) -> None:
    doc = project.documents.add("Ban Tổ chức Tỉnh ủy Sơn La họp ở Sơn La. Ông Hoa Sen và Hoa Sen.", title="x")
    project.entities.add(name="Sơn La", type="LOC")
    project.entities.add(name="Ban Tổ chức Tỉnh ủy Sơn La", type="ORG")
    project.entities.add(name="Hoa Sen", type="ORG")
    project.entities.add(name="Hoa Sen", type="PER")
    found = find_entity_names(project, [doc])
    assert [(o.text, o.label) for o in found] == [("Ban Tổ chức Tỉnh ủy Sơn La", "ORG"), ("Sơn La", "LOC")]
    assert [o.text for o in find_entity_names(project, [doc], types=["LOC"])] == ["Sơn La", "Sơn La"]


def test_known_entities_are_proposed_in_newly_imported_documents(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Issue 5: a gazetteer drives suggestions in documents imported afterwards (CLI path)."""
    from click.testing import CliRunner

    from annotator.cli import main

    p = tmp_path / "p"
    Project.create(p).close()
    gaz = tmp_path / "g.csv"
    gaz.write_text("name,type,aliases\nLê Hồng Long,PER,Lu Honglong|Luo Honglong\nSơn La,LOC,Sun La\n", encoding="utf-8")
    assert CliRunner().invoke(main, ["entities", str(p), "import", str(gaz)]).exit_code == 0
    art = tmp_path / "a.txt"
    art.write_text("Ông Lu Honglong nói ở tỉnh Sun La hôm nay.", encoding="utf-8")
    r = CliRunner().invoke(main, ["import", str(p), str(art)])
    assert r.exit_code == 0 and "mention(s) of known entities" in r.output
    with Project.open(p) as proj:
        spans = proj.spans.for_doc(proj.documents.ids()[0])
        text = proj.documents.text(spans[0].doc_id)
        got = {(text[s.start:s.end], s.label, s.state, proj.entities.get(s.entity_id).name) for s in spans}
    assert got == {("Lu Honglong", "PER", "suggested", "Lê Hồng Long"), ("Sun La", "LOC", "suggested", "Sơn La")}
