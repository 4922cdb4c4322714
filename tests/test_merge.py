"""Merging copies: three-way rules, conflicts, events, idempotence and order independence."""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.documents import Cancelled
from annotator.errors import AnnotatorError, NewerProjectError, ProjectError
from annotator.merge import Version, combine, conflicts, merge, resolve
from annotator.package import make_package
from annotator.project import Project
from annotator.store import migrate

TEXT1 = "Ông Lê Hồng Long đến Sơn La hôm 4/8/2020 và nói 595 Đảng bộ đã họp."
TEXT2 = "Bộ Giáo dục chi hơn 4.500 tỷ đồng cho 1.200 phòng học."
TEXT3 = "VOV đưa tin về nhiệm kỳ 2020-2025."


# ---- dumps --------------------------------------------------------------------------------------


def raw_dump(p: Project) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, as stored (ids included): for 'changes nothing'."""
    conn = p.store.conn
    out = {}
    for table in ("documents", "spans", "links", "entities", "claims", "people", "events", "settings", "conflicts"):
        out[table] = sorted(tuple(r) for r in conn.execute(f"SELECT * FROM {table}"))
    return out


def dump(p: Project) -> dict[str, Any]:
    """The project by uids and content hashes, local ids left out: for 'the same project'."""
    conn = p.store.conn
    conn_rows = _rows(conn)
    doc_hash = {r["id"]: r["text_hash"] for r in conn_rows("SELECT id, text_hash FROM documents")}
    span_uid = {r["id"]: r["uid"] for r in conn_rows("SELECT id, uid FROM spans")}
    ent_uid = {r["id"]: r["uid"] for r in conn_rows("SELECT id, uid FROM entities")}
    ev_uid = {r["id"]: r["uid"] for r in conn_rows("SELECT id, uid FROM events")}

    def clean(r: sqlite3.Row, drop: set[str], **mapped: Any) -> tuple[Any, ...]:
        d = {k: r[k] for k in r.keys() if k not in drop}
        for k, f in mapped.items():
            d[k] = f(r[k])
        return tuple(sorted(d.items()))

    out: dict[str, Any] = {}
    out["documents"] = sorted(clean(r, {"id", "uid", "indexed"}) for r in conn_rows("SELECT * FROM documents"))
    out["spans"] = sorted(clean(r, {"id"}, doc_id=doc_hash.get, entity_id=ent_uid.get)
                          for r in conn_rows("SELECT * FROM spans"))
    out["links"] = sorted(clean(r, {"id"}, doc_id=doc_hash.get, source_id=span_uid.get, target_id=span_uid.get)
                          for r in conn_rows("SELECT * FROM links"))
    out["entities"] = sorted(clean(r, {"id"}) for r in conn_rows("SELECT * FROM entities"))
    out["claims"] = sorted(clean(r, set(), span_id=span_uid.get) for r in conn_rows("SELECT * FROM claims"))
    out["people"] = sorted(clean(r, {"id", "uid"}) for r in conn_rows("SELECT * FROM people"))

    def summary(raw: str) -> str:
        s = json.loads(raw)
        s = {k: v for k, v in s.items() if not (k.endswith("_id") or k.endswith("_ids") or k == "event")}
        return json.dumps(s, sort_keys=True)

    out["events"] = sorted(clean(r, {"id"}, summary=summary, reverts=ev_uid.get, redoes=ev_uid.get)
                           for r in conn_rows("SELECT * FROM events WHERE op != 'team.merge'"))
    out["settings"] = sorted(tuple(r) for r in conn.execute("SELECT key, value FROM settings"))
    # when a conflict was found (and its row id) depends on the order; what it holds does not
    out["conflicts"] = sorted(clean(r, {"id", "created_at"}) for r in conn_rows("SELECT * FROM conflicts"))
    return out


def _rows(conn: sqlite3.Connection) -> Callable[[str], list[sqlite3.Row]]:
    def q(sql: str) -> list[sqlite3.Row]:
        cur = conn.execute(sql)
        cur.row_factory = sqlite3.Row  # type: ignore[assignment]
        return cur.fetchall()
    return q


# ---- fixtures -----------------------------------------------------------------------------------


class Team:
    """A project with two documents, spans of every layer, an entity, a link, and packages."""

    def __init__(self, root: Path, *, editor: bool = True) -> None:
        self.root = root
        p = Project.create(root / "main", actor="lead")
        if editor:  # scrypt is slow on purpose: the property test does without
            p.people.add("lead", role="editor", passphrase="secret")
            p.unlock("secret")
        self.d1 = p.documents.add(TEXT1, title="one")
        self.d2 = p.documents.add(TEXT2, title="two")
        self.ent = next(iter(p.entities.add(name="Lê Hồng Long", type="PER").entities))
        self.per = self._add(p, self.d1, "Lê Hồng Long", "PER", entity_id=self.ent)
        self.loc = self._add(p, self.d1, "Sơn La", "LOC")
        self.claim = self._add(p, self.d1, "595 Đảng bộ đã họp", "CLAIM")
        self.count = self._add(p, self.d1, "595", "COUNT", attrs={"value": "595"})
        p.links.add(source_id=self.claim, target_id=self.count, role="figure")
        self.money = self._add(p, self.d2, "4.500 tỷ đồng", "MONEY")
        self.uid = {name: p.spans.get(getattr(self, name)).uid for name in ("per", "loc", "claim", "count", "money")}
        self.p = p

    @staticmethod
    def _add(p: Project, doc: int, needle: str, label: str, **kw: Any) -> int:
        text = p.documents.text(doc)
        start = text.index(needle)
        return next(iter(p.spans.add(doc_id=doc, start=start, end=start + len(needle), label=label, **kw).spans))

    def package(self, name: str, docs: list[int] | None = None) -> Path:
        path = self.root / f"{name}.annotator"
        make_package(self.p, path, annotator=name, doc_ids=docs)
        return path

    def clone(self, name: str) -> Project:
        """A copy of the main project as it is now (to merge in another order)."""
        self.p.store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        target = self.root / name
        shutil.copytree(self.root / "main", target)
        return Project.open(target, actor="lead")


def span_by_uid(p: Project, uid: str) -> Any:
    r = p.store.conn.execute("SELECT id FROM spans WHERE uid = ?", (uid,)).fetchone()
    return None if r is None else p.spans.get(r[0])


@pytest.fixture
def team(tmp_path: Path) -> Any:
    t = Team(tmp_path)
    yield t
    t.p.close()


def edit(path: Path, actor: str, fn: Callable[[Project], Any]) -> None:
    q = Project.open(path, actor=actor)
    try:
        fn(q)
    finally:
        q.close()


def set_claim(q: Project, uid: str, **values: Any) -> None:
    """A review step as the review API records it: claims row changed, claim_id in the summary."""
    sid = span_by_uid(q, uid).id
    with q.operation("review.decide", summary={"claim_id": sid, **values}) as op:
        op.update("claims", sid, values)


# ---- unit: the combination rule ------------------------------------------------------------------


V = Version


@pytest.mark.parametrize(("existing", "local", "base", "incoming", "expected"), [
    # only the copy changed: its version alone
    ([], V("b", "1", {}), "b", V("c", "2", {}), ["c"]),
    # both changed: both kept, live is the latest
    ([], V("l", "3", {}), "b", V("c", "2", {}), ["c", "l"]),
    # no base known: both kept
    ([], V("l", "1", {}), None, V("c", "2", {}), ["l", "c"]),
    # a conflict already open gains a third version; the copy's base is superseded
    ([V("x", "1", {}), V("b", "2", {})], V("b", "2", {}), "b", V("c", "3", {}), ["x", "c"]),
    # an edit outranks a deletion whatever the time stamps
    ([], V("l", "1", {}), "b", V("-", "9", None), ["-", "l"]),
    # same content twice: one version, the later stamp
    ([V("c", "1", {})], None, None, V("c", "5", {}), ["c"]),
])
def test_combine(existing: list[Version], local: Version | None, base: str | None, incoming: Version,
                 expected: list[str]) -> None:
    got = combine(existing, local, base, incoming)
    assert [v.fp for v in got] == expected
    assert got == sorted(got, key=Version.key)


# ---- the rules, one by one ---------------------------------------------------------------------


def test_new_spans_come_in_with_their_annotator(team: Team) -> None:
    lan = team.package("lan")
    edit(lan, "lan", lambda q: Team._add(q, team.d2, "1.200", "COUNT", attrs={"value": "1200"}))
    result = merge(team.p, [lan])
    assert result.spans_added == 1 and not result.conflicts
    added = [s for s in team.p.spans.for_doc(team.d2) if s.label == "COUNT"]
    assert [(s.annotator, s.attrs) for s in added] == [("lan", {"value": "1200"})]
    assert "lan" in {p.name for p in team.p.people.list()}
    ev = team.p.history.events(op_prefix="team.merge")
    assert ev and ev[0]["summary"]["spans_added"] == 1


def test_copy_edit_taken_when_unchanged_here(team: Team) -> None:
    lan = team.package("lan")
    edit(lan, "lan", lambda q: q.spans.update(span_by_uid(q, team.uid["loc"]).id, label="ORG"))
    result = merge(team.p, [lan])
    assert result.spans_updated == 1 and not result.conflicts
    assert team.p.spans.get(team.loc).label == "ORG"


def test_local_edit_kept_when_copy_unchanged(team: Team) -> None:
    lan = team.package("lan")
    edit(lan, "lan", lambda q: Team._add(q, team.d2, "1.200", "COUNT"))
    team.p.spans.update(team.loc, label="MISC")
    merge(team.p, [lan])
    assert team.p.spans.get(team.loc).label == "MISC"
    assert not conflicts(team.p)


def test_same_edit_twice_is_no_conflict(team: Team) -> None:
    lan = team.package("lan")
    edit(lan, "lan", lambda q: q.spans.update(span_by_uid(q, team.uid["loc"]).id, label="ORG"))
    team.p.spans.update(team.loc, label="ORG")
    result = merge(team.p, [lan])
    assert not result.conflicts and team.p.spans.get(team.loc).label == "ORG"


def test_span_changed_two_ways_is_a_conflict_kept_for_a_person(team: Team) -> None:
    lan, minh = team.package("lan"), team.package("minh")
    edit(lan, "lan", lambda q: q.spans.update(span_by_uid(q, team.uid["loc"]).id, label="ORG"))
    edit(minh, "minh", lambda q: q.spans.update(span_by_uid(q, team.uid["loc"]).id, label="MISC"))
    result = merge(team.p, [lan, minh])
    assert len(result.conflicts) == 1
    c = result.conflicts[0]
    assert c.kind == "span" and c.uid == team.uid["loc"]
    assert sorted(v.values["label"] for v in c.versions if v.values) == ["MISC", "ORG"]
    # the live row is the kept (latest) version; nothing was dropped
    assert team.p.spans.get(team.loc).label == c.versions[c.kept].values["label"]  # type: ignore[index]
    assert [x.key for x in conflicts(team.p)] == [c.key]
    assert c.key in team.p.history.events(op_prefix="team.merge")[0]["summary"]["conflict_keys"]
    # a person settles it; merging the same files again does not reopen it
    other = 1 - c.kept
    resolve(team.p, c.key, other)
    assert team.p.spans.get(team.loc).label == c.versions[other].values["label"]  # type: ignore[index]
    assert conflicts(team.p) == []
    settled = team.p.store.conn.execute("SELECT kind, resolved_by, resolution FROM conflicts").fetchall()
    assert [(k, who) for k, who, _ in settled] == [("span", "lead")]  # kept, as settled, by whom
    assert json.loads(settled[0][2])["chosen"] == c.versions[other].fp
    before = raw_dump(team.p)
    merge(team.p, [lan, minh])
    assert raw_dump(team.p) == before


def test_copy_deletion_applied_when_unchanged_here(team: Team) -> None:
    lan = team.package("lan")
    edit(lan, "lan", lambda q: q.spans.delete([span_by_uid(q, team.uid["count"]).id]))
    result = merge(team.p, [lan])
    assert result.spans_deleted == 1 and not result.conflicts
    assert span_by_uid(team.p, team.uid["count"]) is None
    assert team.p.links.for_doc(team.d1) == []  # its link went with it, as in the copy
    # and it stays deleted when another copy that did not touch it comes back
    minh_path = team.root / "minh.annotator"
    edit(lan, "lan", lambda q: None)
    shutil.copyfile(lan, minh_path)
    assert not merge(team.p, [minh_path]).changed


def test_copy_deletion_of_a_span_edited_here_is_a_conflict_and_the_edit_stays(team: Team) -> None:
    lan = team.package("lan")
    edit(lan, "lan", lambda q: q.spans.delete([span_by_uid(q, team.uid["loc"]).id]))
    team.p.spans.update(team.loc, label="ORG")
    result = merge(team.p, [lan])
    assert len(result.conflicts) == 1 and any(v.deleted for v in result.conflicts[0].versions)
    assert team.p.spans.get(team.loc).label == "ORG"


def test_deleted_here_stays_deleted_unless_the_copy_edited_it(team: Team) -> None:
    lan, minh = team.package("lan"), team.package("minh")
    edit(minh, "minh", lambda q: q.spans.update(span_by_uid(q, team.uid["money"]).id, label="COUNT"))
    team.p.spans.delete([team.loc, team.money])
    merge(team.p, [lan])  # lan did not touch them
    assert span_by_uid(team.p, team.uid["loc"]) is None and span_by_uid(team.p, team.uid["money"]) is None
    result = merge(team.p, [minh])  # minh edited MONEY: the edit comes back, as a conflict
    back = span_by_uid(team.p, team.uid["money"])
    assert back is not None and back.label == "COUNT"
    assert [c.uid for c in result.conflicts] == [team.uid["money"]]
    assert span_by_uid(team.p, team.uid["loc"]) is None


def test_entity_renamed_two_ways(team: Team) -> None:
    lan, minh = team.package("lan"), team.package("minh")
    eid_uid = team.p.entities.get(team.ent).uid

    def rename(name: str) -> Callable[[Project], Any]:
        def f(q: Project) -> Any:
            e = next(e for e in q.entities.list() if e.uid == eid_uid)
            return q.entities.update(e.id, name=name)
        return f

    edit(lan, "lan", rename("Lê H. Long"))
    edit(minh, "minh", rename("Long Lê Hồng"))
    result = merge(team.p, [lan, minh])
    assert [c.kind for c in result.conflicts] == ["entity"]
    names = sorted(v.values["name"] for v in result.conflicts[0].versions if v.values)
    assert names == ["Long Lê Hồng", "Lê H. Long"]
    assert team.p.entities.get(team.ent).name in names
    assert team.p.spans.get(team.per).entity_id == team.ent


# ---- two copies create the same entity -------------------------------------------------------------


def new_entity(team: Team, name: str, type_: str, span: str | None, **kw: Any) -> Callable[[Project], Any]:
    """A copy's annotator makes an entity (and links span ``span`` to it)."""
    def f(q: Project) -> None:
        eid = next(iter(q.entities.add(name=name, type=type_, **kw).entities))
        if span is not None:
            q.spans.update(span_by_uid(q, team.uid[span]).id, entity_id=eid)
    return f


def entity_uids(p: Project) -> list[str]:
    return sorted(e.uid for e in p.entities.list())


def _same_entity_copies(team: Team, who: tuple[str, ...] = ("lan", "minh")) -> dict[str, Path]:
    paths = {w: team.package(w) for w in who}
    names = {"lan": "Sơn La", "minh": "sơn  la", "vy": "Son La"}  # one folded name
    for w, path in paths.items():
        edit(path, w, new_entity(team, names[w], "LOC", "loc" if w != "vy" else None,
                                 aliases=[f"alias {w}"], notes=f"note {w}"))
    return paths


def test_same_entity_made_in_two_copies_is_a_conflict_in_either_order(team: Team) -> None:
    paths = _same_entity_copies(team)
    other = team.clone("other")
    try:
        result = merge(team.p, [paths["lan"], paths["minh"]])
        merge(other, [paths["minh"]])
        merge(other, [paths["lan"]])
        assert dump(team.p) == dump(other)
    finally:
        other.close()
    found = {c.kind: c for c in conflicts(team.p)}
    assert set(found) == {"same_entity", "span"}  # and both linked 'Sơn La' to their own entity
    c = found["same_entity"]
    new = sorted(set(entity_uids(team.p)) - {team.p.entities.get(team.ent).uid})
    assert c.key == f"same_entity.{new[0]}+{new[1]}" and c.key in {x.key for x in result.conflicts}
    assert [v.values and v.values.get("merge") for v in c.versions] == [new[1], None] and c.kept == 1
    text = c.describe()
    assert "one entity: merge" in text and "kept apart" in text and "Sơn La" in text
    before = raw_dump(team.p)
    again = merge(team.p, [paths["minh"], paths["lan"]])
    assert not again.changed and raw_dump(team.p) == before


def test_a_copy_entity_the_package_had_already_is_a_conflict(team: Team) -> None:
    lan = team.package("lan")
    edit(lan, "lan", new_entity(team, "LÊ HỒNG LONG", "PER", None))
    edit(lan, "lan", new_entity(team, "Lê Hồng Long", "ORG", None))  # another type: another entity
    (c,) = merge(team.p, [lan]).conflicts
    assert c.kind == "same_entity" and team.p.entities.get(team.ent).uid in c.uid.split("+")
    assert not merge(team.p, [lan]).changed


def _settle_same_entity(team: Team, choice: str) -> None:
    for c in conflicts(team.p, kind="same_entity"):
        resolve(team.p, c.key, next(k for k, v in enumerate(c.versions) if bool(v.values.get("merge")) == (choice == "one")))


@pytest.mark.parametrize("order", [("lan", "minh"), ("minh", "lan")])
@pytest.mark.parametrize("choice", ["apart", "one"])
def test_same_entity_settled_then_merged_again_changes_nothing(team: Team, choice: str, order: tuple[str, str]) -> None:
    paths = _same_entity_copies(team)
    merge(team.p, [paths[w] for w in order])
    (c,) = conflicts(team.p, kind="same_entity")
    a, b = c.uid.split("+")
    _settle_same_entity(team, choice)
    assert conflicts(team.p, kind="same_entity") == []
    loc = span_by_uid(team.p, team.uid["loc"])
    if choice == "one":
        assert entity_uids(team.p) == sorted([a, team.p.entities.get(team.ent).uid])
        kept = next(e for e in team.p.entities.list() if e.uid == a)
        assert loc.entity_id == kept.id
        assert {"alias lan", "alias minh"} <= set(kept.aliases) and len(set(kept.aliases) & {"Sơn La", "sơn  la"}) == 1
        assert sorted(kept.notes.split("\n")) == ["note lan", "note minh"]
        assert conflicts(team.p) == []  # both linked the span to one entity now: the same mention
        ev = team.p.history.events(op_prefix="team.resolve")[0]["summary"]
        assert ev["merged"] == {b: a} and [d[0] for d in ev["deleted"]["entities"]] == [b]
    else:
        assert len(entity_uids(team.p)) == 3 and [x.kind for x in conflicts(team.p)] == ["span"]
    before = raw_dump(team.p)
    for copies in ([paths["lan"], paths["minh"]], [paths["minh"]], [paths["lan"]]):
        again = merge(team.p, copies)
        assert not again.changed and raw_dump(team.p) == before


@pytest.mark.parametrize("order", [("lan", "minh", "vy"), ("vy", "minh", "lan")])
def test_same_entity_in_three_copies(team: Team, order: tuple[str, ...]) -> None:
    paths = _same_entity_copies(team, ("lan", "minh", "vy"))
    merge(team.p, [paths[w] for w in order])
    pairs = conflicts(team.p, kind="same_entity")
    new = sorted(set(entity_uids(team.p)) - {team.p.entities.get(team.ent).uid})
    assert len(new) == 3 and sorted(c.uid for c in pairs) == [f"{new[0]}+{new[1]}", f"{new[0]}+{new[2]}",
                                                              f"{new[1]}+{new[2]}"]
    resolve(team.p, f"same_entity.{new[0]}+{new[1]}", 0)  # one entity: the pair of the merged one is moot
    assert [c.uid for c in conflicts(team.p, kind="same_entity")] == [f"{new[0]}+{new[2]}"]
    _settle_same_entity(team, "one")
    assert entity_uids(team.p) == sorted([new[0], team.p.entities.get(team.ent).uid])
    assert conflicts(team.p) == []
    before = raw_dump(team.p)
    assert not merge(team.p, [paths[w] for w in reversed(order)]).changed
    assert raw_dump(team.p) == before


# ---- a settled conflict stays settled ------------------------------------------------------------


def _entity_deleted_and_mention_changed(team: Team, where: str, change: str) -> Path:
    """The entity deleted on one side (``where``: here or in the copy), its mention changed on the other;
    merged once: a span conflict (linked and changed / unlinked) and an entity conflict (deleted / kept)."""
    lan = team.package("lan")
    euid = team.p.entities.get(team.ent).uid

    def change_mention(q: Project) -> None:
        s = span_by_uid(q, team.uid["per"])
        if change == "relabel":
            q.spans.update(s.id, label="ORG")
        else:
            q.spans.update(s.id, start=s.start + 1)

    def drop(q: Project) -> None:
        q.entities.delete([e.id for e in q.entities.list() if e.uid == euid])

    if where == "here":
        edit(lan, "lan", change_mention)
        drop(team.p)
    else:
        edit(lan, "lan", drop)
        change_mention(team.p)
    found = merge(team.p, [lan]).conflicts
    assert sorted(c.kind for c in found) == ["entity", "span"]
    return lan


def _settle(team: Team, kind: str, keep: str) -> Any:
    """Settle the open conflict of ``kind``: keep the deletion (the entity deleted, the mention unlinked)
    or the edit (the entity kept, the mention changed and linked); returns the chosen version."""
    c = next(c for c in conflicts(team.p) if c.kind == kind)
    if kind == "entity":
        choice = next(k for k, v in enumerate(c.versions) if v.deleted == (keep == "deletion"))
    else:  # the mention as it was (the side that deleted the entity), or changed
        as_it_was = ("PER", TEXT1.index("Lê Hồng Long"))
        choice = next(k for k, v in enumerate(c.versions)
                      if ((v.values or {}).get("label"), (v.values or {}).get("start")) == as_it_was)
        if keep == "edit":
            choice = 1 - choice
    resolve(team.p, c.key, choice)
    return c.versions[choice]


@pytest.mark.parametrize("first", ["entity", "span"])
@pytest.mark.parametrize(("entity", "mention"), [("deletion", "deletion"), ("edit", "edit"),
                                                 ("deletion", "edit"), ("edit", "deletion")])
@pytest.mark.parametrize("change", ["relabel", "move"])
@pytest.mark.parametrize("where", ["here", "copy"])
def test_settled_entity_deletion_against_a_changed_mention_stays_settled(
        team: Team, where: str, change: str, entity: str, mention: str, first: str) -> None:
    """Whichever side a person keeps for the entity and for its mention, in either order, merging the same
    copy again changes nothing: no conflict comes back and neither choice is undone."""
    euid = team.p.entities.get(team.ent).uid
    lan = _entity_deleted_and_mention_changed(team, where, change)
    keep = {"entity": entity, "span": mention}
    chosen = {}
    for kind in (first, "span" if first == "entity" else "entity"):
        chosen[kind] = _settle(team, kind, keep[kind])
    assert conflicts(team.p) == []
    before = raw_dump(team.p)
    again = merge(team.p, [lan])
    assert not again.changed and not again.conflicts
    assert raw_dump(team.p) == before
    # the choices stand: the entity is here only if kept, the mention as chosen (linked only if both kept)
    kept = [e for e in team.p.entities.list() if e.uid == euid]
    assert len(kept) == (entity == "edit")
    span = span_by_uid(team.p, team.uid["per"])
    values = chosen["span"].values
    assert (span.label, span.start, span.end) == (values["label"], values["start"], values["end"])
    assert span.entity_id == (kept[0].id if kept and mention == "edit" else None)


@pytest.mark.parametrize("keep", ["deletion", "edit"])
@pytest.mark.parametrize("kind", ["entity", "span"])
@pytest.mark.parametrize("where", ["here", "copy"])
def test_one_of_the_two_settled_the_other_open_merging_again_changes_nothing(
        team: Team, where: str, kind: str, keep: str) -> None:
    lan = _entity_deleted_and_mention_changed(team, where, "relabel")
    _settle(team, kind, keep)
    open_before = [c.key for c in conflicts(team.p)]
    before = raw_dump(team.p)
    again = merge(team.p, [lan])
    assert raw_dump(team.p) == before and not again.changed
    assert [c.key for c in conflicts(team.p)] == open_before


def test_claim_decided_two_ways_by_two_editors(team: Team) -> None:
    team.p.people.add("hoa", role="editor", passphrase="pw-hoa")
    team.p.people.add("tuan", role="editor", passphrase="pw-tuan")
    hoa, tuan = team.package("hoa"), team.package("tuan")

    def decide(verdict: str) -> Callable[[Project], Any]:
        def f(q: Project) -> None:
            q.unlock("pw-hoa" if q.actor == "hoa" else "pw-tuan")
            set_claim(q, team.uid["claim"], state="decided", verdict=verdict, reviewer=q.actor)
        return f

    edit(hoa, "hoa", decide("true"))
    edit(tuan, "tuan", decide("false"))
    result = merge(team.p, [hoa, tuan])
    assert [c.kind for c in result.conflicts] == ["claim"]
    got = {(v.values["verdict"], v.values["reviewer"]) for v in result.conflicts[0].versions if v.values}
    assert got == {("true", "hoa"), ("false", "tuan")}
    # the review steps came with their claim id turned into ours
    steps = team.p.history.events(claim_id=team.claim)
    assert {e["actor"] for e in steps if e["op"] == "review.decide"} == {"hoa", "tuan"}


def test_package_editor_hashes_stay_out_of_other_packages(team: Team) -> None:
    lan = team.package("lan")
    q = Project.open(lan, actor="lead")
    try:
        from annotator.errors import PermissionDenied

        with pytest.raises(PermissionDenied):
            q.unlock("secret")
    finally:
        q.close()


def test_document_status_and_new_documents(team: Team, tmp_path: Path) -> None:
    lan = team.package("lan", [team.d1])
    edit(lan, "lan", lambda q: q.documents.set_status(team.d1, "annotated"))
    # a colleague's own project: a document we do not have, with a span
    other = Project.create(tmp_path / "other", actor="vy")
    other.documents.add(TEXT3, title="three", spans=[])
    d3 = other.documents.ids()[0]
    other.spans.add(doc_id=d3, start=0, end=3, label="ORG")
    other.close()
    result = merge(team.p, [lan, tmp_path / "other"])
    assert team.p.documents.get(team.d1).status == "annotated"
    assert result.documents_added == 1
    new = [d for d in team.p.documents.list() if d.title == "three"][0]
    assert team.p.documents.text(new.id) == TEXT3
    assert [(s.label, s.annotator) for s in team.p.spans.for_doc(new.id)] == [("ORG", "vy")]
    assert team.p.search.documents("VOV") == [new.id]


def test_events_are_appended_once_and_not_undoable_here(team: Team) -> None:
    lan = team.package("lan")
    edit(lan, "lan", lambda q: q.spans.update(span_by_uid(q, team.uid["loc"]).id, label="ORG"))
    q = Project.open(lan)
    their = {r[0] for r in q.store.conn.execute("SELECT uid FROM events")}
    q.close()
    merge(team.p, [lan])
    ours = {r[0]: r[1] for r in team.p.store.conn.execute("SELECT uid, undoable FROM events")}
    assert their <= set(ours)
    assert all(ours[u] == 0 for u in their)
    lan_events = team.p.history.events(actor="lan")
    assert any(e["op"] == "spans.update" and e["summary"]["span_id"] == team.loc for e in lan_events)
    team.p.actor = "lan"
    with pytest.raises(ProjectError):
        team.p.undo()  # lan's edit was made elsewhere: it cannot be undone here


def test_merging_twice_changes_nothing(team: Team) -> None:
    lan, minh = team.package("lan"), team.package("minh")
    edit(lan, "lan", lambda q: q.spans.update(span_by_uid(q, team.uid["loc"]).id, label="ORG"))
    edit(minh, "minh", lambda q: q.spans.update(span_by_uid(q, team.uid["loc"]).id, label="MISC"))
    edit(minh, "minh", lambda q: q.spans.delete([span_by_uid(q, team.uid["count"]).id]))
    merge(team.p, [lan, minh])
    before = raw_dump(team.p)
    again = merge(team.p, [lan, minh])
    assert not again.changed and again.changes.event_id is None
    assert raw_dump(team.p) == before
    assert [c.key for c in again.conflicts] == [c.key for c in conflicts(team.p)]


def test_order_does_not_matter(team: Team) -> None:
    lan, minh = team.package("lan"), team.package("minh", [team.d1])
    edit(lan, "lan", lambda q: (q.spans.update(span_by_uid(q, team.uid["loc"]).id, label="ORG"),
                                Team._add(q, team.d2, "1.200", "COUNT")))
    edit(minh, "minh", lambda q: (q.spans.update(span_by_uid(q, team.uid["loc"]).id, start=21),
                                  q.spans.delete([span_by_uid(q, team.uid["count"]).id]),
                                  q.documents.set_status(team.d1, "annotated")))
    other = team.clone("other")
    try:
        merge(team.p, [lan, minh])
        merge(other, [minh])
        merge(other, [lan])
        assert dump(team.p) == dump(other)
    finally:
        other.close()


def test_same_link_made_twice_keeps_one(team: Team) -> None:
    lan, minh = team.package("lan"), team.package("minh")

    def link(q: Project) -> None:
        q.links.add(source_id=span_by_uid(q, team.uid["claim"]).id, target_id=span_by_uid(q, team.uid["per"]).id,
                    role="claimant")

    edit(lan, "lan", link)
    edit(minh, "minh", link)
    other = team.clone("other")
    try:
        merge(team.p, [lan, minh])
        merge(other, [minh, lan])
        roles = [x.role for x in team.p.links.for_doc(team.d1)]
        assert sorted(roles) == ["claimant", "figure"]
        assert dump(team.p)["links"] == dump(other)["links"]
    finally:
        other.close()


def test_labels_and_people_from_a_copy(team: Team, tmp_path: Path) -> None:
    from annotator.model import Layer
    from annotator.schema import LabelDef

    other = Project.create(tmp_path / "other", actor="vy")
    other.set_schema(other.schema.with_labels([LabelDef("EVENT", Layer.ENTITY, "#123456")]))
    other.people.add("boss", role="editor", passphrase="pw")
    d = other.documents.add(TEXT1)
    other.spans.add(doc_id=d, start=0, end=3, label="EVENT")
    other.close()
    result = merge(team.p, [tmp_path / "other"])
    assert result.labels_added == ["EVENT"] and team.p.schema.has_label("EVENT")
    boss = team.p.people.find("boss")
    assert boss is not None and boss.role == "annotator" and not boss.has_passphrase


def test_progress_and_cancel(team: Team) -> None:
    lan = team.package("lan")
    edit(lan, "lan", lambda q: Team._add(q, team.d2, "1.200", "COUNT"))
    seen: list[tuple[int, int | None]] = []
    before = raw_dump(team.p)
    with pytest.raises(Cancelled):
        merge(team.p, [lan], progress=lambda done, total: False)
    assert raw_dump(team.p) == before
    merge(team.p, [lan], progress=lambda done, total: seen.append((done, total)) or None)
    assert seen[-1] == (2, 2)


def test_bad_inputs(team: Team, tmp_path: Path) -> None:
    junk = tmp_path / "junk.annotator"
    junk.write_text("not a database")
    with pytest.raises(ProjectError):
        merge(team.p, [junk])
    with pytest.raises(ProjectError):
        merge(team.p, [tmp_path / "missing.annotator"])
    with pytest.raises(ProjectError):
        merge(team.p, [team.root / "main"])
    newer = tmp_path / "newer.annotator"
    Project.create(newer).close()
    conn = sqlite3.connect(newer)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(NewerProjectError):
        merge(team.p, [newer])


def test_an_older_copy_is_read_without_being_changed(team: Team, tmp_path: Path) -> None:
    old = tmp_path / "old.annotator"
    conn = sqlite3.connect(old)
    migrate(conn, str(old), target=2)
    conn.execute("INSERT INTO documents (uid, title, text, text_hash, length, created_at, updated_at) "
                 "VALUES ('olddoc1', 't', ?, ?, ?, '2020-01-01', '2020-01-01')",
                 (TEXT3, __import__("annotator.textnorm", fromlist=["text_hash"]).text_hash(TEXT3), len(TEXT3)))
    conn.commit()
    conn.close()
    data = old.read_bytes()
    result = merge(team.p, [old])
    assert result.documents_added == 1
    assert old.read_bytes() == data


# ---- documents deleted here --------------------------------------------------------------------


def doc_by_text(p: Project, text: str) -> int | None:
    from annotator.textnorm import text_hash

    ids = p.documents.by_hash(text_hash(text))
    return ids[0] if ids else None


def test_document_delete_records_uid_and_text_hash(team: Team) -> None:
    rows = [tuple(r) for r in team.p.store.conn.execute("SELECT id, uid, text_hash FROM documents ORDER BY id")]
    team.p.documents.delete([team.d2, team.d1])
    s = team.p.history.events(op_prefix="documents.delete")[0]["summary"]
    by_id = {i: (uid, h) for i, uid, h in rows}
    assert s["doc_ids"] == [team.d2, team.d1]
    assert list(zip(s["uids"], s["text_hashes"], strict=True)) == [by_id[team.d2], by_id[team.d1]]
    assert len(set(s["contents"])) == 2 and all(len(c) == 20 for c in s["contents"])  # fingerprints


def test_a_document_deleted_in_a_copy_stays_here(team: Team) -> None:
    lan = team.package("lan")
    edit(lan, "lan", lambda q: q.documents.delete([team.d2]))
    merge(team.p, [lan])
    assert doc_by_text(team.p, TEXT2) == team.d2 and span_by_uid(team.p, team.uid["money"]) is not None


def test_document_deleted_here_stays_deleted_when_the_copy_did_not_change_it(team: Team) -> None:
    lan = team.package("lan")
    edit(lan, "lan", lambda q: q.spans.update(span_by_uid(q, team.uid["loc"]).id, label="ORG"))  # d1 only
    team.p.documents.delete([team.d2])
    result = merge(team.p, [lan])
    assert result.spans_updated == 1 and result.documents_added == 0 and not result.conflicts
    assert doc_by_text(team.p, TEXT2) is None and span_by_uid(team.p, team.uid["money"]) is None
    assert not merge(team.p, [lan]).changed


@pytest.mark.parametrize("order", [("lan", "minh"), ("minh", "lan")])
def test_document_deleted_here_comes_back_as_a_conflict_when_the_copy_changed_it(
        team: Team, order: tuple[str, str]) -> None:
    paths = {"lan": team.package("lan"), "minh": team.package("minh")}
    # lan worked on d2 after the package was made (a new span, a deletion); minh did not touch it
    edit(paths["lan"], "lan", lambda q: (Team._add(q, team.d2, "1.200", "COUNT"),
                                         q.spans.delete([span_by_uid(q, team.uid["money"]).id])))
    team.p.documents.delete([team.d2])
    results = [merge(team.p, [paths[name]]) for name in order]
    doc = doc_by_text(team.p, TEXT2)
    assert doc is not None  # the edit wins over the deletion, as lan has the document
    assert [s.label for s in team.p.spans.for_doc(doc)] == ["COUNT"]  # minh's unchanged MONEY stays deleted
    found = conflicts(team.p)
    assert [(c.kind, c.uid) for c in found] == [("document", team.p.documents.get(doc).text_hash)]
    assert [v.deleted for v in found[0].versions] == [True, False] and found[0].kept == 1
    assert found[0].key in {c.key for r in results for c in r.conflicts}
    # a person settles it as deleted: gone again, and merging the same files brings nothing back
    resolve(team.p, found[0].key, 0)
    assert doc_by_text(team.p, TEXT2) is None and conflicts(team.p) == []
    before = raw_dump(team.p)
    assert not merge(team.p, [paths["lan"], paths["minh"]]).changed
    assert raw_dump(team.p) == before


def test_document_brought_back_is_the_same_in_either_order(team: Team) -> None:
    lan, minh = team.package("lan"), team.package("minh")
    edit(lan, "lan", lambda q: (q.documents.set_status(team.d2, "annotated"),
                                q.spans.delete([span_by_uid(q, team.uid["money"]).id])))
    edit(minh, "minh", lambda q: Team._add(q, team.d2, "1.200", "COUNT"))
    team.p.documents.delete([team.d2])
    other = team.clone("other")
    try:
        merge(team.p, [lan, minh])
        merge(other, [minh])
        merge(other, [lan])
        assert dump(team.p) == dump(other)
        doc = doc_by_text(team.p, TEXT2)
        assert doc is not None and team.p.documents.get(doc).status == "annotated"
        assert sorted(s.label for s in team.p.spans.for_doc(doc)) == ["COUNT"]
    finally:
        other.close()


def test_document_kept_when_the_conflict_is_settled_for_the_copy(team: Team) -> None:
    lan = team.package("lan")
    edit(lan, "lan", lambda q: Team._add(q, team.d2, "1.200", "COUNT"))
    team.p.documents.delete([team.d2])
    c = merge(team.p, [lan]).conflicts[0]
    resolve(team.p, c.key, c.kept)
    doc = doc_by_text(team.p, TEXT2)
    assert doc is not None and sorted(s.label for s in team.p.spans.for_doc(doc)) == ["COUNT", "MONEY"]
    team.p.search.index_pending()
    assert team.p.search.documents("Giao duc") == [doc]
    assert conflicts(team.p) == [] and not merge(team.p, [lan]).changed


def test_document_deleted_here_and_a_plain_copy(team: Team) -> None:
    """A plain copy has no base: it keeps a deleted document out when it has it as it was deleted."""
    team.clone("other").close()
    other = team.root / "other"
    team.p.documents.delete([team.d2])
    assert not merge(team.p, [other]).changed and doc_by_text(team.p, TEXT2) is None
    # new work on it in that copy is a change: it comes back, as a conflict
    edit(other, "vy", lambda q: Team._add(q, team.d2, "1.200", "COUNT"))
    result = merge(team.p, [other])
    assert [c.kind for c in result.conflicts] == ["document"] and doc_by_text(team.p, TEXT2) is not None
    resolve(team.p, result.conflicts[0].key, 0)  # settled as deleted: that content stays out
    assert doc_by_text(team.p, TEXT2) is None
    assert not merge(team.p, [other]).changed


@pytest.mark.parametrize("how", ["delete", "resolve"])
def test_document_brought_back_then_deleted_again_stays_deleted(team: Team, how: str) -> None:
    lan, minh = team.package("lan"), team.package("minh")
    edit(lan, "lan", lambda q: Team._add(q, team.d2, "1.200", "COUNT"))
    edit(minh, "minh", lambda q: q.spans.update(span_by_uid(q, team.uid["money"]).id, label="PERCENT"))
    team.p.documents.delete([team.d2])
    found = merge(team.p, [lan, minh]).conflicts
    back = doc_by_text(team.p, TEXT2)
    assert back is not None and sorted(s.label for s in team.p.spans.for_doc(back)) == ["COUNT", "PERCENT"]
    if how == "delete":  # a person deletes it again instead of settling the conflict
        team.p.documents.delete([back])
    else:
        resolve(team.p, found[0].key, 0)
    # what is here was deleted, and so is each copy's own version: neither comes back
    for copies in ([lan], [minh], [lan, minh]):
        result = merge(team.p, copies)
        assert doc_by_text(team.p, TEXT2) is None and not result.conflicts
    assert conflicts(team.p) == []  # deleting it settled the conflict
    assert not merge(team.p, [minh, lan]).changed


def _deleted_then_revived(team: Team, between: list[tuple[str, int]],
                          scripts: dict[str, list[tuple[str, int]]]) -> tuple[dict[str, Path], Project]:
    """Packages made before and after the lead's ``between`` edits, edited; then d1 deleted here."""
    paths = {"lan": team.package("lan")}
    _apply(team.p, team.uid, between, lead=True)
    paths.update(minh=team.package("minh"), vy=team.package("vy", [team.d1]))
    for who, script in scripts.items():
        edit(paths[who], who, lambda q, s=script: _apply(q, team.uid, s))  # type: ignore[misc]
    team.p.documents.delete([team.d1])
    return paths, team.clone("other")


def test_revived_document_unchanged_rows_are_a_base_not_an_edit(tmp_path: Path) -> None:
    """Found by the three-copies property test: lan (packaged before the lead moved the claim) brings
    the deleted document back with the claim as its base had it; vy moved the claim after the lead.
    Whichever comes first, vy's move is taken, without a conflict against lan's unchanged claim."""
    team = Team(tmp_path, editor=False)
    paths, other = _deleted_then_revived(team, [("move", 0)], {"lan": [("relabel", 2)], "vy": [("move", 0)]})
    try:
        merge(team.p, [paths["lan"], paths["minh"], paths["vy"]])
        for who in ("vy", "lan", "minh"):
            merge(other, [paths[who]])
        assert dump(team.p) == dump(other)
        assert [c.kind for c in conflicts(team.p)] == ["document"]
        claim = span_by_uid(team.p, team.uid["claim"])
        start = TEXT1.index("595 Đảng bộ đã họp")
        assert (claim.start, claim.end) == (start + 1, start + len("595 Đảng bộ đã họp") - 1)
    finally:
        other.close()
        team.p.close()


def test_revived_document_keeps_the_later_of_two_unchanged_versions(tmp_path: Path) -> None:
    """lan and minh both bring the deleted document back, each with the claim and the document's fields
    as its base had them (the lead changed both between the packages): minh's later ones win."""
    team = Team(tmp_path, editor=False)
    paths, other = _deleted_then_revived(team, [("status", 0), ("move", 0)],
                                         {"lan": [("relabel", 2)], "minh": [("relabel", 7)]})
    try:
        merge(team.p, [paths["lan"], paths["minh"]])
        merge(other, [paths["minh"]])
        merge(other, [paths["lan"]])
        assert dump(team.p) == dump(other)
        doc = doc_by_text(team.p, TEXT1)
        assert doc is not None and team.p.documents.get(doc).status == "reviewed"
        start = TEXT1.index("595 Đảng bộ đã họp")
        claim = span_by_uid(team.p, team.uid["claim"])
        assert (claim.start, claim.end) == (start, start + len("595 Đảng bộ đã họp") - 1)
        document = next(c for c in conflicts(team.p) if c.kind == "document")
        assert [v.values and v.values["status"] for v in document.versions] == [None, "reviewed"]
    finally:
        other.close()
        team.p.close()


def test_document_brought_back_twice_with_the_same_content_in_either_order(team: Team) -> None:
    """minh and then lan make the same edit on d2, deleted here: lan's (later) stamp is kept whether both
    come in one merge or minh's brings the document back first (what a merge brought in since the
    deletion is live content, not a version the deletion superseded)."""
    lan, minh = team.package("lan"), team.package("minh")
    edit(minh, "minh", lambda q: q.spans.update(span_by_uid(q, team.uid["money"]).id, label="COUNT"))
    edit(lan, "lan", lambda q: q.spans.update(span_by_uid(q, team.uid["money"]).id, label="COUNT"))
    team.p.documents.delete([team.d2])
    other = team.clone("other")
    try:
        merge(team.p, [lan, minh])
        merge(other, [minh])
        merge(other, [lan])
        assert dump(team.p) == dump(other)
        q = Project.open(lan)
        try:
            stamp = span_by_uid(q, team.uid["money"]).updated_at
        finally:
            q.close()
        assert span_by_uid(other, team.uid["money"]).updated_at == stamp
    finally:
        other.close()


def test_document_imported_again_gets_nothing_from_a_copy_that_did_not_change_it(team: Team) -> None:
    lan = team.package("lan")
    team.p.documents.delete([team.d2])
    doc = team.p.documents.add(TEXT2, title="two again")
    assert merge(team.p, [lan]).spans_added == 0
    assert team.p.spans.for_doc(doc) == []  # MONEY was deleted with the document, lan has it unchanged


# ---- property: any two edit scripts, either order -------------------------------------------------

EDITS = st.lists(st.tuples(st.sampled_from(["relabel", "move", "delete", "add", "rename", "status", "decide",
                                            "link", "unlink", "mention", "drop_entity", "drop_doc"]),
                           st.integers(0, 4)), max_size=4)


def _apply(q: Project, team_uids: dict[str, str], script: list[tuple[str, int]], lead: bool = False,
           drop_docs: bool = False) -> None:
    """Apply an edit script; ``lead`` edits never produce the content an annotator's edit does;
    ``drop_docs``: documents may be deleted (in the project, after the packages were made)."""
    names = sorted(team_uids)
    for what, k in script:
        try:
            _apply_one(q, team_uids, names, what, k, lead, drop_docs)
        except AnnotatorError:
            pass  # refused (a decided claim is locked): a person would see the refusal


def _apply_one(q: Project, team_uids: dict[str, str], names: list[str], what: str, k: int, lead: bool,
               drop_docs: bool) -> None:
    uid = team_uids[names[k % len(names)]]
    s = span_by_uid(q, uid)
    if what == "relabel" and s is not None and s.layer == "entity":
        # never back to a label a span started with: an edit that restores an earlier version
        # cannot be told from no edit (see the merge module)
        q.spans.update(s.id, label="DOC_REF" if lead else ["ORG", "MISC"][k % 2])
    elif what == "move" and s is not None and s.start + 1 < s.end:
        q.spans.update(s.id, **({"end": s.end - 1} if lead else {"start": s.start + 1}))
    elif what == "delete" and s is not None:
        q.spans.delete([s.id])
    elif what == "add":
        d = q.documents.ids()[k % len(q.documents.ids())]
        q.spans.add(doc_id=d, start=k, end=k + 2, label="MISC")
    elif what == "rename" and q.entities.list():
        e = q.entities.list()[0]
        q.entities.update(e.id, name=f"{e.name} {'lead' if lead else k}")
    elif what == "status":
        q.documents.set_status(q.documents.ids()[0], "reviewed" if lead else ["in_progress", "annotated"][k % 2])
    elif what == "decide":
        c = span_by_uid(q, team_uids["claim"])
        if c is not None:
            set_claim(q, team_uids["claim"], verdict="lead" if lead else f"v{k}", state="decided")
    elif what == "link":
        c = span_by_uid(q, team_uids["claim"])
        if c is not None and s is not None and s.doc_id == c.doc_id and s.id != c.id:
            q.links.add(source_id=c.id, target_id=s.id, role="lead" if lead else f"r{k % 2}")
    elif what == "unlink":
        links = [x for d in q.documents.ids() for x in q.links.for_doc(d)]
        if links:
            q.links.delete([links[k % len(links)].id])
    elif what == "mention" and s is not None and s.layer == "entity" and q.entities.list():
        q.spans.update(s.id, entity_id=q.entities.list()[0].id)
    elif what == "drop_entity" and q.entities.list() and not lead:  # would equal an annotator's drop
        q.entities.delete([q.entities.list()[0].id])
    elif what == "drop_doc" and drop_docs and len(q.documents.ids()) > 1:
        q.documents.delete([q.documents.ids()[k % len(q.documents.ids())]])


# Derandomized: the examples are the same on every run, so CI is never red by chance; examples
# random seeds found are kept in the parametrised table below.
@settings(max_examples=40, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(a=EDITS, b=EDITS, here=EDITS)
def test_order_independence_and_idempotence_over_random_edits(tmp_path_factory: pytest.TempPathFactory,
                                                              a: list[tuple[str, int]], b: list[tuple[str, int]],
                                                              here: list[tuple[str, int]]) -> None:
    _two_copies_any_order(tmp_path_factory, a, b, here)


# Examples random seeds found (order-dependent before the rules in the merge module said):
# - the lead edits a row and deletes its document; one copy brings the document back; the other
#   has the document as it was deleted (doc-as-deleted-*) or as its base had it (doc-as-base), so
#   it stayed out while the document was deleted, and it counts for nothing once it is back either;
# - the lead renames an entity and deletes it; one copy's conflicting mention brings it back as the
#   version deleted here, the other copy renamed it: that rename replaces it, in either order.
@pytest.mark.parametrize(("a", "b", "here"), [
    pytest.param([("relabel", 2)], [("move", 0)], [("relabel", 2), ("drop_doc", 0)], id="doc-as-deleted-relabel"),
    pytest.param([("relabel", 2)], [("move", 0)], [("move", 0), ("drop_doc", 0)], id="doc-as-deleted-move"),
    pytest.param([], [("move", 0)], [("relabel", 2), ("move", 0), ("drop_doc", 0)], id="doc-as-base"),
    pytest.param([("relabel", 4)], [("rename", 0)], [("rename", 1), ("drop_entity", 0)], id="entity-deleted-renamed"),
])
def test_order_independence_examples(tmp_path_factory: pytest.TempPathFactory, a: list[tuple[str, int]],
                                     b: list[tuple[str, int]], here: list[tuple[str, int]]) -> None:
    _two_copies_any_order(tmp_path_factory, a, b, here)


def _two_copies_any_order(tmp_path_factory: pytest.TempPathFactory, a: list[tuple[str, int]],
                          b: list[tuple[str, int]], here: list[tuple[str, int]]) -> None:
    team = Team(tmp_path_factory.mktemp("prop"), editor=False)
    try:
        pa, pb = team.package("lan"), team.package("minh")
        edit(pa, "lan", lambda q: _apply(q, team.uid, a))
        edit(pb, "minh", lambda q: _apply(q, team.uid, b))
        _apply(team.p, team.uid, here, drop_docs=True)
        other = team.clone("other")
        try:
            merge(team.p, [pa, pb])
            merge(other, [pb])
            merge(other, [pa])
            assert dump(team.p) == dump(other)
            before = raw_dump(other)
            merge(other, [pa, pb])
            assert raw_dump(other) == before
            # nothing silently dropped: every conflicting row is live or listed
            for c in conflicts(team.p):
                assert len(c.versions) >= 2
        finally:
            other.close()
    finally:
        team.p.close()


@settings(max_examples=20, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(a=EDITS, b=EDITS, here=EDITS, data=st.data())
def test_settling_every_conflict_then_merging_again_changes_nothing(
        tmp_path_factory: pytest.TempPathFactory, a: list[tuple[str, int]], b: list[tuple[str, int]],
        here: list[tuple[str, int]], data: st.DataObject) -> None:
    """Whatever a person chooses for each open conflict, merging the same copies again changes nothing."""
    _settle_all_then_merge_again(tmp_path_factory, a, b, here,
                                 lambda c: data.draw(st.integers(0, len(c.versions) - 1), label=c.key))


@pytest.mark.parametrize(("a", "b", "here", "choice"), [
    # random seed 5 (derandomize=False, max_examples=100); fails on the commit that added the test too
    pytest.param([], [("mention", 2)], [("drop_entity", 0)], 0, id="entity-settled-deleted-unlinks-to-base",
                 marks=pytest.mark.xfail(strict=True, reason=(
                     "documented, not guarded (see the merge module): an edit that restores an earlier version "
                     "looks like no edit. minh linked LOC to the entity the lead deleted; settling the entity as "
                     "deleted unlinks LOC, which is LOC as minh's package had it, so merging minh again takes "
                     "its linked LOC for minh's edit of an unchanged row: the entity stays deleted and the row "
                     "ends as it was, but the merge counts spans_updated 1 and writes a team.merge event"))),
])
def test_settling_every_conflict_examples(tmp_path_factory: pytest.TempPathFactory, a: list[tuple[str, int]],
                                          b: list[tuple[str, int]], here: list[tuple[str, int]], choice: int) -> None:
    _settle_all_then_merge_again(tmp_path_factory, a, b, here, lambda c: choice)


def _settle_all_then_merge_again(tmp_path_factory: pytest.TempPathFactory, a: list[tuple[str, int]],
                                 b: list[tuple[str, int]], here: list[tuple[str, int]],
                                 choose: Callable[[Any], int]) -> None:
    team = Team(tmp_path_factory.mktemp("settle"), editor=False)
    try:
        pa, pb = team.package("lan"), team.package("minh")
        edit(pa, "lan", lambda q: _apply(q, team.uid, a))
        edit(pb, "minh", lambda q: _apply(q, team.uid, b))
        _apply(team.p, team.uid, here, drop_docs=True)
        merge(team.p, [pa, pb])
        settled: set[str] = set()
        while True:  # settling one may settle or change another (an entity's mentions): re-read each time
            open_now = [c for c in conflicts(team.p) if c.key not in settled]
            if not open_now:
                break
            c = open_now[0]
            resolve(team.p, c.key, choose(c))
            settled.add(c.key)
        before = raw_dump(team.p)
        again = merge(team.p, [pa, pb])
        assert raw_dump(team.p) == before
        assert not again.changed
    finally:
        team.p.close()


@settings(max_examples=25, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(a=EDITS, b=EDITS, c=EDITS, between=EDITS, here=EDITS)
def test_three_copies_made_at_different_times_any_order(tmp_path_factory: pytest.TempPathFactory,
                                                        a: list[tuple[str, int]], b: list[tuple[str, int]],
                                                        c: list[tuple[str, int]], between: list[tuple[str, int]],
                                                        here: list[tuple[str, int]]) -> None:
    _three_copies_any_order(tmp_path_factory, a, b, c, between, here)


_LATER_PACKAGE = ("documented, not guarded (see the merge module): an annotator's edit equals a version a later "
                  "package superseded, here the lead's mention of LOC made between the packages (lan makes the same "
                  "mention; or vy's entity deletion takes it off again, which is LOC as lan's earlier package had "
                  "it); the order of merging decides between a listed conflict and a clean take of the other copy's "
                  "edit (nothing is lost either way)")
_RESTORED_LINKS = ("documented, not guarded (see the merge module): an edit that restores an earlier version looks "
                   "like no edit. The lead replaced the figure link by a 'lead' link between the packages and then "
                   "deleted d1; minh deleted the 'lead' link, which restores d1's links as lan's earlier package had "
                   "them. Merged after lan brought d1 back (without the 'lead' link, as its base had it), minh's "
                   "deletion finds nothing to delete and vy's unchanged 'lead' link then comes in as new; merged "
                   "after vy brought the link back, minh's deletion is taken. The order decides whether the link "
                   "stays (nothing is lost: at worst a deleted link is back)")


@pytest.mark.parametrize(("a", "b", "c", "between", "here"), [
    pytest.param([("relabel", 2)], [], [("drop_entity", 0)], [("mention", 2)], [], id="mention-taken-off",
                 marks=pytest.mark.xfail(strict=True, reason=_LATER_PACKAGE)),
    pytest.param([("mention", 2)], [], [("relabel", 2)], [("mention", 2)], [], id="same-mention",
                 marks=pytest.mark.xfail(strict=True, reason=_LATER_PACKAGE)),
    # random seed 4 (derandomize=False, max_examples=200)
    pytest.param([("relabel", 2)], [("unlink", 0)], [("move", 0)], [("link", 1), ("unlink", 0)], [("drop_doc", 0)],
                 id="link-deletion-restores-earlier-package", marks=pytest.mark.xfail(strict=True, reason=_RESTORED_LINKS)),
])
def test_three_copies_known_order_dependence(tmp_path_factory: pytest.TempPathFactory, a: list[tuple[str, int]],
                                             b: list[tuple[str, int]], c: list[tuple[str, int]],
                                             between: list[tuple[str, int]], here: list[tuple[str, int]]) -> None:
    _three_copies_any_order(tmp_path_factory, a, b, c, between, here)


def _three_copies_any_order(tmp_path_factory: pytest.TempPathFactory, a: list[tuple[str, int]],
                            b: list[tuple[str, int]], c: list[tuple[str, int]], between: list[tuple[str, int]],
                            here: list[tuple[str, int]]) -> None:
    team = Team(tmp_path_factory.mktemp("prop3"), editor=False)
    try:
        pa = team.package("lan")
        # the project moves on before the next packages (see the merge module: an annotator's edit
        # that happens to equal a version a later package replaced is the one order-dependent case)
        _apply(team.p, team.uid, between, lead=True)
        pb, pc = team.package("minh"), team.package("vy", [team.d1])
        for path, who, script in ((pa, "lan", a), (pb, "minh", b), (pc, "vy", c)):
            edit(path, who, lambda q, s=script: _apply(q, team.uid, s))  # type: ignore[misc]
        _apply(team.p, team.uid, here, lead=True, drop_docs=True)
        other = team.clone("other")
        try:
            merge(team.p, [pa, pb, pc])
            for path in (pc, pa, pb):
                merge(other, [path])
            assert dump(team.p) == dump(other)
        finally:
            other.close()
    finally:
        team.p.close()
