"""Canonical entities: curating (rename, merge, split, link, unify) with undo, suggestions, clusters."""

from __future__ import annotations

import pytest

from annotator.errors import NotFoundError, ValidationError
from annotator.model import Span
from annotator.project import Project


def mention(project: Project, text: str, label: str | None = None) -> Span:
    """The first span (of ``label``) whose text is ``text``."""
    for s in project.spans.iter_all(states=None):
        if project.documents.text(s.doc_id)[s.start:s.end] == text and (label is None or s.label == label):
            return s
    raise AssertionError(f"no span {text!r}")


def snapshot(project: Project) -> tuple[object, ...]:
    ents = tuple((e.id, e.name, e.type, e.aliases, e.external_id, e.notes) for e in project.entities.list())
    links = tuple((s.id, s.entity_id) for s in project.spans.iter_all(states=None))
    return ents, links


@pytest.fixture
def three(project: Project) -> Project:
    """A document with three people, two of them one person spelled two ways."""
    text = "Ông Lê Hồng Long gặp ông Luo Honglong và bà Nguyễn Thị Hà tại Sơn La. Sun La."
    doc = project.documents.add(text, title="t")
    for needle, label in [("Lê Hồng Long", "PER"), ("Luo Honglong", "PER"), ("Nguyễn Thị Hà", "PER"),
                          ("Sơn La", "LOC"), ("Sun La", "LOC")]:
        a = text.index(needle)
        project.spans.add(doc_id=doc, start=a, end=a + len(needle), label=label)
    project.entities.add(name="Lê Hồng Long", type="PER", external_id="Q1", notes="official")
    project.entities.add(name="Luo Honglong", type="PER", aliases=["Lu Honglong"], external_id="Q2")
    project.entities.add(name="Nguyễn Thị Hà", type="PER")
    le, luo, ha = (project.entities.find(n).id for n in ("Lê Hồng Long", "Luo Honglong", "Nguyễn Thị Hà"))  # type: ignore[union-attr]
    project.entities.link([mention(project, "Lê Hồng Long").id], le)
    project.entities.link([mention(project, "Luo Honglong").id], luo)
    project.entities.link([mention(project, "Nguyễn Thị Hà").id], ha)
    return project


def ids(project: Project, *names: str) -> list[int]:
    return [project.entities.find(n).id for n in names]  # type: ignore[union-attr]


# ---- basic API ----------------------------------------------------------------------------------


def test_add_get_update_delete(project: Project) -> None:
    changes = project.entities.add(name=" Sơn La ", type="LOC", aliases=["Sun La", "Sun La", "Sơn La"],
                                   external_id="Q36763", notes="tỉnh")
    (eid,) = changes.entities
    e = project.entities.get(eid)
    assert (e.name, e.type, e.aliases, e.external_id, e.notes) == ("Sơn La", "LOC", ("Sun La",), "Q36763", "tỉnh")
    assert project.entities.find_external("Q36763") == e
    project.entities.update(eid, notes="province", aliases=["Sun La", "Son La"])
    assert project.entities.get(eid).aliases == ("Sun La", "Son La")
    project.entities.delete([eid])
    with pytest.raises(NotFoundError):
        project.entities.get(eid)
    project.undo()
    assert project.entities.get(eid).notes == "province"


@pytest.mark.parametrize(("call", "error"), [
    (lambda p: p.entities.add(name="  ", type="PER"), ValidationError),
    (lambda p: p.entities.update(1, colour="red"), ValidationError),
    (lambda p: p.entities.update(1, name=""), ValidationError),
    (lambda p: p.entities.rename(1, " "), ValidationError),
    (lambda p: p.entities.merge(1, [1]), ValidationError),
    (lambda p: p.entities.merge(1, [999]), NotFoundError),
    (lambda p: p.entities.split(1, []), ValidationError),
    (lambda p: p.entities.link([999], 1), NotFoundError),
    (lambda p: p.entities.link([1], 999), NotFoundError),
    (lambda p: p.entities.get(999), NotFoundError),
])
def test_bad_requests_raise_typed_errors(three: Project, call: object, error: type[Exception]) -> None:
    with pytest.raises(error):
        call(three)  # type: ignore[operator]


def test_mentions_and_counts(three: Project) -> None:
    le, = ids(three, "Lê Hồng Long")
    assert three.entities.mention_counts()[le] == 1
    (m,) = three.entities.mention_contexts(le)
    assert m.text == "Lê Hồng Long" and m.before.endswith("Ông ") and m.after.startswith(" gặp")
    assert three.entities.mention_counts_by_state()[le] == {"accepted": 1}


# ---- rename, merge, split -------------------------------------------------------------------------


def test_rename_keeps_the_old_name_as_alias(three: Project) -> None:
    (luo,) = ids(three, "Luo Honglong")
    three.entities.rename(luo, "Lữ Hồng Long")
    e = three.entities.get(luo)
    assert (e.name, e.aliases) == ("Lữ Hồng Long", ("Lu Honglong", "Luo Honglong"))
    three.entities.rename(luo, "Luo Honglong", keep_alias=False)
    assert three.entities.get(luo).aliases == ("Lu Honglong",)


def test_merge_relinks_mentions_unions_aliases_and_undoes_in_one_step(three: Project) -> None:
    le, luo = ids(three, "Lê Hồng Long", "Luo Honglong")
    before = snapshot(three)
    changes = three.entities.merge(le, [luo])
    assert changes.entities == {le, luo}
    kept = three.entities.get(le)
    assert kept.aliases == ("Luo Honglong", "Lu Honglong")
    assert kept.external_id == "Q1" and "Luo Honglong: Q2" in kept.notes
    assert three.entities.mention_counts()[le] == 2
    assert {m.text for m in three.entities.mention_contexts(le)} == {"Lê Hồng Long", "Luo Honglong"}
    with pytest.raises(NotFoundError):
        three.entities.get(luo)
    three.undo()
    assert snapshot(three) == before
    three.redo()
    assert three.entities.mention_counts()[le] == 2


def test_merge_takes_a_missing_external_id(three: Project) -> None:
    ha, luo = ids(three, "Nguyễn Thị Hà", "Luo Honglong")
    three.entities.merge(ha, [luo])
    assert three.entities.get(ha).external_id == "Q2"


def test_split_moves_chosen_mentions_to_a_new_entity(three: Project) -> None:
    le, luo = ids(three, "Lê Hồng Long", "Luo Honglong")
    three.entities.merge(le, [luo])
    before = snapshot(three)
    moved = mention(three, "Luo Honglong")
    changes = three.entities.split(le, [moved.id])
    (new,) = changes.entities - {le}
    e = three.entities.get(new)
    assert (e.name, e.type) == ("Luo Honglong", "PER")
    assert three.spans.get(moved.id).entity_id == new
    assert "Luo Honglong" not in three.entities.get(le).aliases
    assert [m.text for m in three.entities.mention_contexts(le)] == ["Lê Hồng Long"]
    three.undo()
    assert snapshot(three) == before


def test_split_refuses_mentions_of_another_entity(three: Project) -> None:
    le, = ids(three, "Lê Hồng Long")
    with pytest.raises(ValidationError):
        three.entities.split(le, [mention(three, "Nguyễn Thị Hà").id])


def test_link_unlink_and_non_entity_spans(three: Project) -> None:
    le, = ids(three, "Lê Hồng Long")
    s = mention(three, "Luo Honglong")
    three.entities.link([s.id], le)
    assert three.spans.get(s.id).entity_id == le
    three.entities.unlink([s.id])
    assert three.spans.get(s.id).entity_id is None
    doc = three.documents.add("Có 595 đảng bộ.", title="n")
    three.spans.add(doc_id=doc, start=3, end=6, label="COUNT", attrs={"value": "595"})
    fig = mention(three, "595")
    with pytest.raises(ValidationError):
        three.entities.link([fig.id], le)


def test_unify_creates_one_entity_for_unlinked_mentions(three: Project) -> None:
    son, sun = mention(three, "Sơn La"), mention(three, "Sun La")
    n = three.entities.count()
    three.entities.unify([son.id, sun.id])
    eid = three.spans.get(son.id).entity_id
    assert eid is not None and three.spans.get(sun.id).entity_id == eid
    e = three.entities.get(eid)
    assert (e.name, e.type, e.aliases) == ("Sơn La", "LOC", ("Sun La",))
    assert three.entities.count() == n + 1
    three.undo()
    assert three.entities.count() == n and three.spans.get(son.id).entity_id is None


def test_unify_merges_the_entities_already_linked(three: Project) -> None:
    le, luo = ids(three, "Lê Hồng Long", "Luo Honglong")
    a, b = mention(three, "Lê Hồng Long"), mention(three, "Luo Honglong")
    three.entities.unify([a.id, b.id], name="Lê Hồng Long")
    assert three.spans.get(a.id).entity_id == three.spans.get(b.id).entity_id
    kept = three.entities.get(three.spans.get(a.id).entity_id)  # type: ignore[arg-type]
    assert kept.name == "Lê Hồng Long" and {"Luo Honglong", "Lu Honglong"} <= set(kept.aliases)
    assert len({le, luo} & {e.id for e in three.entities.list()}) == 1


# ---- suggestions and the index ---------------------------------------------------------------------


@pytest.mark.parametrize(("text", "type_", "expected"), [
    ("Lu Honglong", "PER", "Luo Honglong"),  # alias of that entity: exact after folding
    ("Lữ Hồng Long", "PER", "Luo Honglong"),
    ("Le Hong Long", "PER", "Lê Hồng Long"),
    ("nguyen thi ha", None, "Nguyễn Thị Hà"),
])
def test_suggest_ranks_variants(three: Project, text: str, type_: str | None, expected: str) -> None:
    found = three.entities.suggest(text, type=type_)
    assert found[0].name == expected
    assert found[0].score >= 0.8


def test_suggest_for_span_uses_its_text_and_label(three: Project) -> None:
    found = three.entities.suggest_for_span(mention(three, "Luo Honglong").id)
    assert [s.name for s in found][:2] == ["Luo Honglong", "Lê Hồng Long"]
    assert found[1].how == "family"
    assert three.entities.suggest_for_span(mention(three, "Sơn La").id) == []


def test_index_follows_every_change(three: Project) -> None:
    assert three.entities.suggest("Sơn La") == []
    three.entities.add(name="Sơn La", type="LOC")
    (eid,) = [s.entity_id for s in three.entities.suggest("Son La")]
    three.entities.rename(eid, "Tỉnh Sơn La")
    assert three.entities.suggest("Sơn La")[0].matched == "Sơn La"  # the old name, now an alias
    assert three.entities.suggest("Tinh Son La")[0].entity_id == eid
    three.entities.delete([eid])
    assert three.entities.suggest("Son La") == []
    three.undo()
    assert three.entities.suggest("Son La")[0].entity_id == eid


def test_index_sees_entities_added_during_import_and_by_other_connections(three: Project) -> None:
    three.entities.suggest("x")  # build
    with three.store.transaction():
        three.entities.ensure("Hà Nội", "LOC")
    assert three.entities.suggest("Ha Noi")[0].name == "Hà Nội"
    other = Project.open(three.path, actor="other")
    try:
        other.entities.add(name="Đà Nẵng", type="LOC")
    finally:
        other.close()
    assert three.entities.suggest("Da Nang")[0].name == "Đà Nẵng"


# ---- clusters on the seed article ------------------------------------------------------------------


def test_seed_clusters(demo: Project) -> None:
    clusters = demo.entities.clusters()
    by_label = {c.label: c for c in clusters}
    per, loc = by_label["PER"], by_label["LOC"]
    assert sorted(per.texts) == sorted(["Lê Hồng Long", "Luo Honglong", "Lu Honglong", "Lữ Hồng Long"])
    assert per.name == "Lê Hồng Long" and not per.resolved and per.unlinked == 2
    assert {"Sơn La", "Sun La"} <= set(loc.texts) and loc.name == "Sơn La"
    assert set(loc.texts) <= {"Sơn La", "Sun La", "SON LA"}  # SON LA: the English article's mention
    assert len(clusters) == 2  # nothing else has two spellings
    assert all(c.label == "PER" for c in demo.entities.clusters(labels=["PER"]))


def test_accepting_the_seed_cluster_resolves_it(demo: Project) -> None:
    per = next(c for c in demo.entities.clusters() if c.label == "PER")
    demo.entities.unify(per.span_ids)
    per2 = next(c for c in demo.entities.clusters() if c.label == "PER")
    assert per2.resolved and per2.entity_ids == per.entity_ids
    assert not [c for c in demo.entities.clusters(unresolved_only=True) if c.label == "PER"]
    e = demo.entities.get(per.entity_ids[0])
    assert {"Luo Honglong", "Lu Honglong", "Lữ Hồng Long"} <= set(e.aliases)


def test_different_people_do_not_cluster(project: Project) -> None:
    text = "Nguyễn Văn Minh, Nguyễn Văn Linh, Nguyen Van Minh, Lê Hồng Phong, Lê Hồng Long, Trần Hồng Long."
    doc = project.documents.add(text, title="people")
    start = 0
    for name in [n.strip(" .") for n in text.split(",")]:
        a = text.index(name, start)
        project.spans.add(doc_id=doc, start=a, end=a + len(name), label="PER")
        start = a + len(name)
    groups = sorted(sorted(c.texts) for c in project.entities.clusters(min_variants=1))
    assert groups == [["Lê Hồng Long"], ["Lê Hồng Phong"], ["Nguyen Van Minh", "Nguyễn Văn Minh"],
                      ["Nguyễn Văn Linh"], ["Trần Hồng Long"]]


def test_unify_links_to_the_existing_entity_of_that_name(three: Project) -> None:
    three.entities.add(name="Sơn La", type="LOC", external_id="Q36763")
    n = three.entities.count()
    son, sun = mention(three, "Sơn La"), mention(three, "Sun La")
    three.entities.unify([son.id, sun.id])
    assert three.entities.count() == n
    e = three.entities.get(three.spans.get(sun.id).entity_id)  # type: ignore[arg-type]
    assert (e.name, e.external_id, e.aliases) == ("Sơn La", "Q36763", ("Sun La",))
