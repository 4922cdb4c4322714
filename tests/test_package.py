"""Work packages: one file per person, a project of its own, that comes back by merging."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from annotator.documents import Cancelled
from annotator.errors import NotFoundError, PermissionDenied, ProjectError, ValidationError
from annotator.merge import BASE_DOC_PREFIX, merge
from annotator.package import assignments, make_package, package_info
from annotator.project import Project

TEXTS = [
    "Ông Lê Hồng Long đến Sơn La hôm 4/8/2020.",
    "Bộ Giáo dục chi hơn 4.500 tỷ đồng cho 1.200 phòng học.",
    "VOV đưa tin về nhiệm kỳ 2020-2025.",
]


@pytest.fixture
def lead(tmp_path: Path) -> Any:
    p = Project.create(tmp_path / "main", actor="lead")
    p.people.add("lead", role="editor", passphrase="secret")
    ids = [p.documents.add(t, title=f"doc {k}") for k, t in enumerate(TEXTS)]
    e = next(iter(p.entities.add(name="Lê Hồng Long", type="PER").entities))
    p.spans.add(doc_id=ids[0], start=4, end=16, label="PER", entity_id=e)
    c = next(iter(p.spans.add(doc_id=ids[0], start=0, end=len(TEXTS[0]) - 1, label="CLAIM").spans))
    f = next(iter(p.spans.add(doc_id=ids[0], start=32, end=40, label="DATE").spans))
    p.links.add(source_id=c, target_id=f, role="time")
    p.spans.add(doc_id=ids[1], start=0, end=11, label="ORG")
    p.ids = ids  # type: ignore[attr-defined]
    yield p
    p.close()


def _rows(p: Project, sql: str) -> list[tuple[Any, ...]]:
    return [tuple(r) for r in p.store.conn.execute(sql)]


def test_package_holds_the_assigned_documents_with_their_uids(lead: Project, tmp_path: Path) -> None:
    ids = lead.ids  # type: ignore[attr-defined]
    out = tmp_path / "lan.annotator"
    result = make_package(lead, out, annotator="lan", doc_ids=[ids[0]])
    assert out.is_file() and not list(tmp_path.glob("*.partial*"))
    assert (result.documents, result.spans, result.links, result.claims, result.entities) == (1, 3, 1, 1, 1)
    pkg = Project.open(out, actor="lan")
    try:
        doc_sql = "SELECT uid, text, text_hash, status FROM documents"
        assert _rows(pkg, doc_sql) == _rows(lead, doc_sql + f" WHERE id = {ids[0]}")
        span_sql = 'SELECT uid, start, "end", label, annotator, created_at, updated_at FROM spans ORDER BY uid'
        assert _rows(pkg, span_sql) == _rows(lead, span_sql.replace("ORDER", f"WHERE doc_id = {ids[0]} ORDER"))
        assert _rows(pkg, "SELECT uid, role FROM links") == _rows(lead, "SELECT uid, role FROM links")
        assert _rows(pkg, "SELECT uid, name FROM entities") == _rows(lead, "SELECT uid, name FROM entities")
        assert pkg.schema.to_json() == lead.schema.to_json()
        info = package_info(pkg)
        assert info is not None and info["annotator"] == "lan" and info["documents"] == 1
        assert pkg.store.get_setting(BASE_DOC_PREFIX + lead.documents.get(ids[0]).text_hash)
        assert [e["op"] for e in pkg.history.events()] == ["team.package"]
        assert pkg.search.documents("Son La") == [ids[0]]  # the package indexes its text for search
        # the person can work in it as in any project
        pkg.spans.add(doc_id=ids[0], start=21, end=27, label="LOC")
    finally:
        pkg.close()
    assert package_info(lead) is None
    assert assignments(lead) == {"lan": {_uid(lead, ids[0])}}
    ev = lead.history.events(op_prefix="team.package")
    assert ev[0]["summary"]["annotator"] == "lan" and ev[0]["summary"]["documents"] == 1


def _uid(p: Project, doc_id: int) -> str:
    return str(p.store.scalar("SELECT uid FROM documents WHERE id = ?", (doc_id,)))


def test_no_passphrase_but_ones_own(lead: Project, tmp_path: Path) -> None:
    lead.unlock("secret")
    lead.people.add("hoa", role="editor", passphrase="pw-hoa")
    make_package(lead, tmp_path / "hoa.annotator", annotator="hoa")
    make_package(lead, tmp_path / "lan.annotator", annotator="lan")
    hoa = Project.open(tmp_path / "hoa.annotator", actor="hoa")
    try:
        hoa.unlock("pw-hoa")  # her own passphrase works in her package
        assert hoa.editor_unlocked
    finally:
        hoa.close()
    lan = Project.open(tmp_path / "lan.annotator", actor="lead")
    try:
        with pytest.raises(PermissionDenied):
            lan.unlock("secret")  # the lead's hash is not in lan's file
        assert {p.name for p in lan.people.list()} >= {"lead", "hoa", "lan"}
    finally:
        lan.close()


def test_package_round_trip_brings_the_work_back(lead: Project, tmp_path: Path) -> None:
    ids = lead.ids  # type: ignore[attr-defined]
    out = tmp_path / "lan.annotator"
    make_package(lead, out, annotator="lan", doc_ids=ids[:2])
    pkg = Project.open(out, actor="lan")
    pkg.spans.add(doc_id=ids[1], start=16, end=37, label="MONEY", attrs={"value": "4500000000000"})
    pkg.documents.set_status(ids[1], "annotated")
    pkg.close()
    result = merge(lead, [out])
    assert result.spans_added == 1 and result.documents_updated == 1 and not result.conflicts
    money = [s for s in lead.spans.for_doc(ids[1]) if s.label == "MONEY"]
    assert [(s.annotator, s.attrs) for s in money] == [("lan", {"value": "4500000000000"})]
    assert lead.documents.get(ids[1]).status == "annotated"


@pytest.mark.parametrize(("kwargs", "error"), [
    ({"annotator": " "}, ValidationError),
    ({"annotator": "lan", "doc_ids": [999]}, NotFoundError),
    ({"annotator": "lan", "name": "lan.db"}, ValidationError),
    ({"annotator": "lan", "name": "exists.annotator"}, ProjectError),
])
def test_refusals(lead: Project, tmp_path: Path, kwargs: dict[str, Any], error: type[Exception]) -> None:
    (tmp_path / "exists.annotator").write_bytes(b"")
    name = kwargs.pop("name", "out.annotator")
    with pytest.raises(error):
        make_package(lead, tmp_path / name, **kwargs)
    assert not (tmp_path / "out.annotator").exists()


def test_overwrite_and_cancel(lead: Project, tmp_path: Path) -> None:
    out = tmp_path / "lan.annotator"
    make_package(lead, out, annotator="lan")
    first = out.read_bytes()
    with pytest.raises(Cancelled):
        make_package(lead, out, annotator="lan", overwrite=True, progress=lambda done, total: False)
    assert out.read_bytes() == first and not list(tmp_path.glob(".lan*"))
    seen: list[tuple[int, int | None]] = []
    make_package(lead, out, annotator="lan", overwrite=True, progress=lambda d, t: seen.append((d, t)) or None)
    assert seen[-1] == (3, 3)
    pkg = Project.open(out)
    assert json.loads(pkg.store.get_setting("team.package") or "{}")["documents"] == 3
    pkg.close()
