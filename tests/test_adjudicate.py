"""Adjudication: regions, disagreements, taking a version into the gold layer that exports use."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from annotator.adjudicate import (
    Choice,
    disagreements,
    documents_to_adjudicate,
    gold_spans,
    regions,
    take,
    take_all,
)
from annotator.errors import NotFoundError, ValidationError
from annotator.exporting import Selection, project_records
from annotator.project import Project

TEXT = "Ông Lê Hồng Long đến Sơn La hôm 4/8/2020 và nói 595 Đảng bộ đã họp."


def _at(needle: str) -> tuple[int, int]:
    s = TEXT.index(needle)
    return s, s + len(needle)


# (annotator, needle, label, attrs)
WORK = [
    ("lan", "Lê Hồng Long", "PER", {}), ("minh", "Lê Hồng Long", "PER", {}), ("vy", "Lê Hồng Long", "PER", {}),
    ("lan", "Sơn La", "LOC", {}), ("minh", "Sơn La", "ORG", {}),  # vy: nothing there
    ("lan", "595", "COUNT", {"value": "595"}), ("minh", "595", "COUNT", {"value": "595"}),
    ("vy", "595 Đảng bộ", "COUNT", {"value": "595"}),
    ("lan", "595 Đảng bộ đã họp", "CLAIM", {}), ("minh", "595 Đảng bộ đã họp", "CLAIM", {}),
    ("vy", "595 Đảng bộ đã họp", "CLAIM", {}),
]


@pytest.fixture
def doc(tmp_path: Path) -> Any:
    p = Project.create(tmp_path / "p", actor="lead")
    d = p.documents.add(TEXT)
    ids: dict[tuple[str, str], int] = {}
    for who, needle, label, attrs in WORK:
        p.actor = who
        a, b = _at(needle)
        ids[(who, label)] = next(iter(p.spans.add(doc_id=d, start=a, end=b, label=label, attrs=attrs).spans))
    p.actor = "lan"
    p.links.add(source_id=ids[("lan", "CLAIM")], target_id=ids[("lan", "COUNT")], role="figure")
    p.actor = "editor"
    p.doc = d  # type: ignore[attr-defined]
    yield p
    p.close()


def _key(layer: str, needle: str) -> str:
    a, b = _at(needle)
    return f"{layer}:{a}-{b}"


def test_regions_and_disagreements(doc: Project) -> None:
    found = regions(doc, doc.doc)  # type: ignore[attr-defined]
    assert found.annotators == ["lan", "minh", "vy"] and not found.has_gold
    assert [(r.key, r.agreed) for r in found.regions] == [
        (_key("entity", "Lê Hồng Long"), True),
        (_key("entity", "Sơn La"), False),
        (_key("figure", "595 Đảng bộ"), False),
        (_key("claim", "595 Đảng bộ đã họp"), True),
    ]
    loc = found.regions[1]
    assert {who: [s.label for s in v] for who, v in loc.versions.items()} == {"lan": ["LOC"], "minh": ["ORG"], "vy": []}
    assert found.regions[2].groups == [["lan", "minh"], ["vy"]]
    assert [r.key for r in disagreements(doc, doc.doc)] == [loc.key, found.regions[2].key]  # type: ignore[attr-defined]
    assert disagreements(doc, doc.doc, annotators=["lan", "minh"], layers=["figure"]) == []  # type: ignore[attr-defined]


def _gold(p: Project) -> list[tuple[int, int, str, str | None]]:
    return sorted((s.start, s.end, s.label, s.annotator) for s in p.spans.for_doc(p.doc)  # type: ignore[attr-defined]
                  if p.store.scalar("SELECT gold FROM spans WHERE id = ?", (s.id,)))


def test_take_builds_the_gold_layer_and_exports_use_it(doc: Project) -> None:
    d = doc.doc  # type: ignore[attr-defined]
    changes = take(doc, d, Choice(_key("entity", "Sơn La"), "minh"))
    assert d in changes.documents
    # the chosen version, and everything all agreed on, with the adjudicator as annotator
    assert _gold(doc) == sorted([(*_at("Lê Hồng Long"), "PER", "editor"), (*_at("Sơn La"), "ORG", "editor"),
                                 (*_at("595 Đảng bộ đã họp"), "CLAIM", "editor")])
    assert regions(doc, d).regions[1].gold_matches() == ["minh"]
    # taking another version of the same region replaces it
    take(doc, d, Choice(_key("entity", "Sơn La"), "lan"))
    take(doc, d, Choice(_key("figure", "595 Đảng bộ"), "lan"))
    assert (*_at("Sơn La"), "LOC", "editor") in _gold(doc) and (*_at("Sơn La"), "ORG", "editor") not in _gold(doc)
    # lan's link claim -> figure came along with both ends
    gold_links = [x for x in doc.links.for_doc(d)
                  if doc.store.scalar("SELECT gold FROM spans WHERE id = ?", (x.source_id,))]
    assert [x.role for x in gold_links] == ["figure"]
    # exports prefer the gold layer
    (record,) = list(project_records(doc, Selection()))
    assert sorted((s.start, s.end, s.label) for s in record.spans) == sorted(
        (a, b, lab) for a, b, lab, _ in _gold(doc))
    (everyone,) = list(project_records(doc, Selection(source="all")))
    assert len(everyone.spans) == len(WORK) + len(_gold(doc))


def test_take_nothing_and_undo(doc: Project) -> None:
    d = doc.doc  # type: ignore[attr-defined]
    take(doc, d, Choice(_key("entity", "Sơn La"), "vy"))  # vy tagged nothing there: no gold span
    assert all(lab != "LOC" and lab != "ORG" for _, _, lab, _ in _gold(doc))
    assert regions(doc, d).regions[1].gold_matches() == []
    doc.undo()
    assert _gold(doc) == []


def test_take_all_prefers_one_annotator(doc: Project) -> None:
    d = doc.doc  # type: ignore[attr-defined]
    take_all(doc, d, "vy")
    labels = sorted(lab for _, _, lab, _ in _gold(doc))
    assert labels == ["CLAIM", "COUNT", "PER"]
    assert (*_at("595 Đảng bộ"), "COUNT", "editor") in _gold(doc)
    assert all(r.agreed or r.gold_matches() in (["vy"], []) for r in regions(doc, d).regions)


@pytest.mark.parametrize(("choice", "error"), [
    (Choice("entity:0-1", "lan"), NotFoundError),
    (Choice(_key("entity", "Sơn La"), "nobody"), ValidationError),
])
def test_refusals(doc: Project, choice: Choice, error: type[Exception]) -> None:
    with pytest.raises(error):
        take(doc, doc.doc, choice)  # type: ignore[attr-defined]
    with pytest.raises(ValidationError):
        take_all(doc, doc.doc, "nobody")  # type: ignore[attr-defined]
    with pytest.raises(NotFoundError):
        regions(doc, 999)


def test_decisions_come_from_the_log(doc: Project) -> None:
    d = doc.doc  # type: ignore[attr-defined]
    loc, fig = _key("entity", "Sơn La"), _key("figure", "595 Đảng bộ")
    take(doc, d, Choice(loc, None))
    take(doc, d, [Choice(loc, "minh"), Choice(fig, "vy")])
    assert regions(doc, d).decided == {loc: "minh", fig: "vy"}
    doc.undo()
    assert regions(doc, d).decided == {loc: None}
    assert documents_to_adjudicate(doc) == [d]
    assert [s.label for s in gold_spans(doc, d)] == ["PER", "CLAIM"]
