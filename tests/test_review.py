"""Claims and the editors' review: the state machine as a table, roles, guards, records, history."""

from __future__ import annotations

import itertools
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.errors import NotFoundError, PermissionDenied, ProjectError, TransitionError, ValidationError
from annotator.project import Project
from annotator.review import (
    ACTIONS,
    STATES,
    figure_value,
    next_state,
    sentence_context,
)

PASS = "correct horse battery"
TEXT = ("Ông Lê Hồng Long nói: hơn 90% trong 595 Đảng bộ ở Sơn La đã xong. "
        "Tỉnh chi 4,5 nghìn tỷ đồng cho trường học. Còn lại 12 dự án.")

# ---- the state machine, written out: (state, action) → (new state, who may do it) -------------
ALLOWED: dict[tuple[str, str], tuple[str, str]] = {
    ("draft", "flag"): ("flagged", "anyone"),
    ("flagged", "unflag"): ("draft", "anyone"),
    ("flagged", "take"): ("in_review", "editor"),
    ("flagged", "dismiss"): ("dismissed", "editor"),
    ("in_review", "return"): ("returned", "editor"),
    ("in_review", "decide"): ("decided", "editor"),
    ("returned", "revise"): ("draft", "anyone"),
    ("decided", "decide"): ("decided", "editor"),
    ("decided", "publish"): ("published", "editor"),
    ("published", "reopen"): ("in_review", "editor"),
    ("dismissed", "reopen"): ("flagged", "editor"),
}
ROLES = ("annotator", "editor_locked", "editor")
# how each state is reached from draft by an unlocked editor
PATHS: dict[str, list[str]] = {
    "draft": [],
    "flagged": ["flag"],
    "in_review": ["flag", "take"],
    "returned": ["flag", "take", "return"],
    "decided": ["flag", "take", "decide"],
    "published": ["flag", "take", "decide", "publish"],
    "dismissed": ["flag", "dismiss"],
}
OPTIONS: dict[str, dict[str, Any]] = {
    "decide": {"verdict": "refuted", "rationale": "The report says 85%.", "evidence": ["https://example.org/report"]},
    "reopen": {"reason": "new figures came out"},
    "return": {"reason": "link the 595 figure"},
    "dismiss": {"reason": "opinion"},
}


def expected(state: str, role: str, action: str) -> str:
    if (state, action) not in ALLOWED:
        return "TransitionError"
    to, who = ALLOWED[(state, action)]
    if who == "editor" and role != "editor":
        return "PermissionDenied"
    return to


def test_the_table_matches_the_module() -> None:
    assert set(STATES) == {s for s, _ in ALLOWED} | {t for t, _ in ALLOWED.values()}
    for state, action in itertools.product(STATES, ACTIONS):
        if (state, action) in ALLOWED:
            assert next_state(state, action) == ALLOWED[(state, action)][0]
        else:
            with pytest.raises(TransitionError):
                next_state(state, action)


def make_doc(p: Project) -> tuple[int, list[int]]:
    """One document with three claim sentences; returns the doc id and the claim ids."""
    doc = p.documents.add(TEXT, title="Sơn La", source_url="https://news.example/son-la", published="2020-08-05",
                          language="vi")
    claims = []
    start = 0
    for sentence in TEXT.split(". "):
        s = TEXT.index(sentence, start)
        (cid,) = p.spans.add(doc_id=doc, start=s, end=s + len(sentence), label="CLAIM",
                             attrs={"checkworthiness": "checkworthy_factual"}).spans
        claims.append(cid)
        start = s + len(sentence)
    return doc, claims


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project with one claim in each state; people: ann (annotator), ed (editor)."""
    path = tmp_path_factory.mktemp("review") / "p"
    p = Project.create(path, actor="ed")
    p.people.add("ed", role="editor", passphrase=PASS)
    p.people.add("ann", role="annotator")
    p.unlock(PASS)
    doc = p.documents.add(" ".join(f"Câu số {k} có {k * 10}% dân số." for k in range(len(STATES))), title="T")
    text = p.documents.text(doc)
    for k, state in enumerate(STATES):
        s = text.index(f"Câu số {k}")
        (cid,) = p.spans.add(doc_id=doc, start=s, end=text.index(".", s) + 1, label="CLAIM").spans
        assert cid == k + 1
        for action in PATHS[state]:
            p.claims.apply(action, cid, **OPTIONS.get(action, {}))
        assert p.claims.state(cid) == state
    p.close()
    return path


@pytest.fixture
def as_role(template: Path, tmp_path: Path) -> Iterator[Any]:
    opened: list[Project] = []

    def open_as(role: str) -> Project:
        target = tmp_path / f"p{len(opened)}"
        shutil.copytree(template, target)
        p = Project.open(target, actor="ann" if role == "annotator" else "ed")
        if role == "editor":
            p.unlock(PASS)
        opened.append(p)
        return p

    yield open_as
    for p in opened:
        p.close()


@pytest.mark.parametrize(("state", "role", "action"), list(itertools.product(STATES, ROLES, ACTIONS)))
def test_state_machine(as_role: Any, state: str, role: str, action: str) -> None:
    p: Project = as_role(role)
    cid = STATES.index(state) + 1
    assert p.claims.state(cid) == state
    events_before = len(p.history.events(claim_id=cid))
    want = expected(state, role, action)
    if want in ("TransitionError", "PermissionDenied"):
        error = TransitionError if want == "TransitionError" else PermissionDenied
        with pytest.raises(error) as info:
            p.claims.apply(action, cid, **OPTIONS.get(action, {}))
        if error is TransitionError:  # says from which state, and what is allowed from it
            assert state.replace("_", " ") in str(info.value) and "one can:" in str(info.value)
        assert p.claims.state(cid) == state
        assert len(p.history.events(claim_id=cid)) == events_before
        # the window's mirror agrees
        assert not next(c for c in p.claims.allowed(cid) if c.action == action).allowed
        return
    assert next(c for c in p.claims.allowed(cid) if c.action == action).allowed
    changes = p.claims.apply(action, cid, **OPTIONS.get(action, {}))
    assert cid in changes.claims and changes.op == f"review.{action}"
    assert p.claims.state(cid) == want
    event = p.history.events(claim_id=cid)[0]
    assert event["op"] == f"review.{action}" and event["actor"] == p.actor and event["at"]
    assert event["summary"]["from"] == state and event["summary"]["to"] == want
    assert len(p.history.events(claim_id=cid)) == events_before + 1


def test_allowed_explains_locked_editor_needs_unlock(as_role: Any) -> None:
    p = as_role("editor_locked")
    take = next(c for c in p.claims.allowed(STATES.index("flagged") + 1) if c.action == "take")
    assert not take.allowed and take.needs_unlock and "unlock" in take.reason
    p2 = as_role("annotator")
    take2 = next(c for c in p2.claims.allowed(STATES.index("flagged") + 1) if c.action == "take")
    assert not take2.allowed and not take2.needs_unlock and "not an editor" in take2.reason


# ---- editors and passphrases --------------------------------------------------------------------


@pytest.fixture
def team(project: Project) -> Project:
    project.actor = "ed"
    project.people.add("ed", role="editor", passphrase=PASS)
    project.actor = "ann"
    return project


def as_editor(p: Project) -> None:
    p.actor = "ed"
    p.unlock(PASS)


def as_annotator(p: Project) -> None:
    p.lock()
    p.actor = "ann"


def test_passphrase_is_kept_only_as_a_salted_scrypt_hash(team: Project) -> None:
    raw = team.path.read_bytes() + (team.path.parent / "project.db-wal").read_bytes() if (
        team.path.parent / "project.db-wal").exists() else team.path.read_bytes()
    assert PASS.encode() not in raw
    (stored,) = [r["pass_hash"] for r in team.store.query("SELECT pass_hash FROM people WHERE name = 'ed'")]
    assert stored.startswith("scrypt$")
    with pytest.raises(PermissionDenied, match="wrong passphrase"):
        team.actor = "ed"
        team.unlock("wrong")
    assert not team.editor_unlocked


def test_an_annotator_cannot_demote_an_editor(team: Project) -> None:
    with pytest.raises(PermissionDenied):
        team.people.add("ed", role="annotator")
    with pytest.raises(PermissionDenied):  # nor make themselves an editor
        team.people.add(team.actor, role="editor", passphrase="mine")


def test_a_new_claim_span_gets_a_draft_claim_row(team: Project) -> None:
    doc, claims = make_doc(team)
    assert [team.claims.state(c) for c in claims] == ["draft"] * 3
    (fig,) = team.spans.add(doc_id=doc, start=TEXT.index("hơn"), end=TEXT.index("%") + 1, label="PERCENT").spans
    assert team.claims.state(fig) is None
    with pytest.raises(NotFoundError, match="not a claim"):
        team.claims.flag(fig)
    with pytest.raises(NotFoundError, match="no claim"):
        team.claims.flag(9999)


def test_flag_needs_an_accepted_claim_and_keeps_the_flag_attribute_in_step(team: Project) -> None:
    doc, claims = make_doc(team)
    team.spans.set_state([claims[0]], "suggested")
    with pytest.raises(ValidationError, match="accept it"):
        team.claims.flag(claims[0])
    team.claims.flag(claims[1], reason="numbers look off")
    assert team.spans.get(claims[1]).attrs["flag"] is True
    assert team.claims.history(claims[1])[-1]["summary"]["reason"] == "numbers look off"
    team.claims.unflag(claims[1])
    assert team.spans.get(claims[1]).attrs["flag"] is False
    assert team.claims.state(claims[1]) == "draft"


def test_annotator_cannot_change_a_claim_in_review_nor_what_it_rests_on(team: Project) -> None:
    doc, claims = make_doc(team)
    cid = claims[0]
    (fig,) = team.spans.add(doc_id=doc, start=TEXT.index("hơn"), end=TEXT.index("%") + 1, label="PERCENT",
                            attrs={"value": "90", "bound": ">", "unit": "%"}).spans
    (per,) = team.spans.add(doc_id=doc, start=4, end=16, label="PER").spans
    (loc,) = team.spans.add(doc_id=doc, start=TEXT.index("Sơn"), end=TEXT.index("Sơn") + 6, label="LOC").spans
    team.links.add(source_id=cid, target_id=fig, role="figure")
    team.claims.flag(cid)
    team.spans.update(cid, attrs={"checkworthiness": "checkworthy_factual", "notes": "still editable", "flag": True})
    team.links.add(source_id=cid, target_id=per, role="claimant")  # flagged: still the annotator's
    as_editor(team)
    team.claims.take(cid)
    as_annotator(team)
    refused = [
        lambda: team.spans.update(cid, attrs={"notes": "changed"}),
        lambda: team.spans.update(cid, end=TEXT.index(".")),
        lambda: team.spans.delete([cid]),
        lambda: team.spans.reject([cid]),
        lambda: team.links.add(source_id=cid, target_id=loc, role="entity"),
        lambda: team.links.delete([team.links.for_span(cid)[0].id]),
        lambda: team.spans.update(fig, attrs={"value": "95", "unit": "%"}),  # a figure it rests on
        lambda: team.spans.delete([per]),  # its claimant
    ]
    for change in refused:
        with pytest.raises(PermissionDenied, match="only an unlocked editor"):
            change()
    team.spans.update(loc, attrs={"notes": "not linked: editable"})
    # many spans at once (checked in one query): the held one is named and nothing changes
    with pytest.raises(PermissionDenied, match=f"span {fig} is linked from claim {cid}, which is in review"):
        team.spans.reject([loc, fig])
    assert team.spans.get(loc).state == "accepted"
    # undo of the annotator's earlier claim edit is refused too
    with pytest.raises(PermissionDenied, match="cannot be undone by an annotator"):
        team.undo(next(e["id"] for e in team.history.events(actor="ann") if e["op"] == "links.add"))
    # an unlocked editor may change it
    as_editor(team)
    team.spans.update(cid, attrs={"notes": "editor's fix", "flag": True})
    assert team.spans.get(cid).attrs["notes"] == "editor's fix"


def test_returned_claim_is_the_annotators_again(team: Project) -> None:
    doc, claims = make_doc(team)
    cid = claims[0]
    team.claims.flag(cid)
    as_editor(team)
    team.claims.take(cid)
    team.claims.return_(cid, reason="split into two claims")
    as_annotator(team)
    rec = team.claims.get(cid)
    assert rec.state == "returned" and rec.note == "split into two claims" and rec.reviewer == "ed"
    team.spans.update(cid, end=TEXT.index(" trong"))
    team.claims.revise(cid)
    team.claims.flag(cid)
    assert [e["op"] for e in team.claims.history(cid)] == [
        "spans.add", "review.flag", "review.take", "review.return", "spans.update", "review.revise", "review.flag"]


def test_review_steps_are_not_undoable(team: Project) -> None:
    doc, claims = make_doc(team)
    team.spans.update(claims[0], attrs={"notes": "x"})
    team.claims.flag(claims[0])
    review_events = team.history.events(op_prefix="review.")
    assert review_events and not any(e["undoable"] for e in review_events)
    # plain undo skips the review step and would undo the annotator's edit, which the flag changed since
    with pytest.raises(ProjectError, match="changed since"):
        team.undo()
    assert team.claims.state(claims[0]) == "flagged"


def test_decide_checks_and_stores_verdict_rating_rationale_evidence(team: Project) -> None:
    doc, claims = make_doc(team)
    cid = claims[0]
    team.claims.flag(cid)
    as_editor(team)
    team.claims.take(cid)
    bad: list[tuple[dict[str, Any], str]] = [
        ({"verdict": "true"}, "verdict 'true'"),
        ({"verdict": "refuted", "evidence": ["ftp://x.org/a"]}, "not an http"),
        ({"verdict": "refuted", "evidence": ["see the report"]}, "not an http"),
        ({"verdict": "refuted", "evidence": [{"url": "https://x.org", "stance": "agrees"}]}, "stance 'agrees'"),
        ({"verdict": "refuted", "evidence": [{"url": "https://x.org", "page": 3}]}, "unknown field"),
    ]
    for options, message in bad:
        with pytest.raises(ValidationError, match=message):
            team.claims.decide(cid, **options)
    assert team.claims.state(cid) == "in_review"
    with pytest.raises(ValidationError, match="needs a verdict"):
        team.claims.apply("decide", cid)
    team.claims.decide(cid, verdict="not_enough_evidence", evidence=[
        "https://gso.gov.vn/report", {"url": "https://vov.vn/a", "publisher": "VOV", "quote": "hơn 90%",
                                      "stance": "supports"}])
    rec = team.claims.get(cid)
    assert rec.verdict == "not_enough_evidence" and rec.rating_text == "Not enough evidence"
    assert [e.url for e in rec.evidence] == ["https://gso.gov.vn/report", "https://vov.vn/a"]
    assert rec.evidence[1].publisher == "VOV" and rec.evidence[1].stance == "supports"
    assert rec.reviewer == "ed" and rec.reviewed_at
    # deciding again keeps the evidence unless given, and sets a custom rating text
    team.claims.decide(cid, verdict="refuted", rating_text="Sai", rationale="GSO says 85%")
    rec = team.claims.get(cid)
    assert (rec.verdict, rec.rating_text, rec.rationale, len(rec.evidence)) == ("refuted", "Sai", "GSO says 85%", 2)
    team.claims.publish(cid)
    with pytest.raises(ValidationError, match="needs a reason"):
        team.claims.reopen(cid, reason="  ")
    team.claims.reopen(cid, reason="GSO corrected its figure")
    rec = team.claims.get(cid)
    assert rec.state == "in_review" and rec.note == "GSO corrected its figure" and rec.published_at


def test_actions_refuse_unknown_names_and_options(team: Project) -> None:
    doc, claims = make_doc(team)
    with pytest.raises(ValidationError, match="unknown review action"):
        team.claims.apply("approve", claims[0])
    with pytest.raises(ValidationError, match="takes no verdict"):
        team.claims.apply("flag", claims[0], verdict="supported")


# ---- records and the list ------------------------------------------------------------------------


def test_demo_claim_record_has_context_figures_claimant_and_history(demo: Project) -> None:
    (rec,) = demo.claims.list(doc_id=1)
    assert rec.text.startswith("Đến ngày 4/8/2020") and rec.text in rec.sentence
    assert rec.context_before.endswith("?") and rec.context_after.startswith("Trong đó")
    assert rec.context == f"{rec.context_before} {rec.sentence} {rec.context_after}"
    assert [(f.label, f.value) for f in rec.figures] == [
        ("DATE", "2020-08-04"), ("COUNT", "595"), ("RATIO", "1 (17–17)"), ("DURATION", "2020–2025")]
    assert all(f.text in rec.text for f in rec.figures) and rec.figures[2].text == "17/17"
    assert rec.claimant is not None and rec.claimant.text == "Lu Honglong" and rec.claimant.label == "PER"
    assert rec.checkworthiness == "checkworthy_factual" and rec.verifiable and rec.numeric_type == "statistical"
    assert rec.state == "draft" and rec.doc_title.startswith("Báo cáo")
    demo.claims.flag(rec.id)
    rec = demo.claims.get(rec.id)
    assert [e["op"] for e in rec.history] == ["review.flag"] and rec.history[0]["actor"] == "tester"
    d = rec.to_dict()
    assert d["figures"][2]["value"] == "1 (17–17)" and d["history"][0]["summary"]["to"] == "flagged"


def test_list_filters(team: Project) -> None:
    doc, claims = make_doc(team)
    team.spans.update(claims[2], attrs={"checkworthiness": "non_factual"})
    team.claims.flag(claims[0])
    team.claims.flag(claims[1])
    as_editor(team)
    team.claims.take(claims[1])
    team.claims.decide(claims[1], verdict="supported")
    team.spans.add(doc_id=doc, start=0, end=3, label="CLAIM")  # by the editor
    as_annotator(team)

    def ids(**kw: Any) -> list[int]:
        return [r.id for r in team.claims.list(**kw)]

    assert ids(state="flagged") == [claims[0]]
    assert ids(state=["flagged", "decided"]) == claims[:2]
    assert ids(state="flagged,decided") == claims[:2]
    assert ids(verdict="supported") == [claims[1]]
    assert ids(checkworthiness="non_factual") == [claims[2]]
    assert len(ids(annotator="ann")) == 3 and len(ids(annotator="ed")) == 1
    assert len(ids(doc_id=doc)) == 4 and ids(doc_id=[doc + 1]) == []
    assert ids(text="DANG BO") == [claims[0]]  # case and diacritics ignored, đ → d
    assert ids(text="nghìn tỷ") == [claims[1]]
    assert ids(text="son la") == ids()  # the title matches every claim of the document
    with pytest.raises(ValidationError, match="unknown claim state"):
        team.claims.list(state="approved")
    assert team.claims.counts()["flagged"] == 1 and sum(team.claims.counts().values()) == 4
    team.spans.reject([claims[2]])
    assert claims[2] not in ids() and claims[2] in ids(span_states=None)


def test_history_filter_by_claim_id(team: Project) -> None:
    doc, claims = make_doc(team)
    team.claims.flag(claims[0])
    team.claims.flag(claims[1])
    assert [e["summary"]["claim_id"] for e in team.history.events(claim_id=claims[1])] == [claims[1]]


@pytest.mark.parametrize(
    ("attrs", "shown"),
    [
        ({"value": "90", "bound": ">", "unit": "%"}, "> 90%"),
        ({"value": "88.8", "unit": "%"}, "88.8%"),
        ({"value": "4500000000000", "bound": "≥", "unit": "VND"}, "≥ 4500000000000 VND"),
        ({"value": "1", "low": "17", "high": "17"}, "1 (17–17)"),
        ({"low": "2020", "high": "2025"}, "2020–2025"),
        ({"date": "2020-08-04", "granularity": "day"}, "2020-08-04"),
        ({"date": "2020-08-01/2020-08-05", "granularity": "day"}, "2020-08-01 – 2020-08-05"),
        ({"value": "3", "date": "XXXX-09"}, "3 · XXXX-09"),
        ({"value": "12", "bound": "="}, "12"),
        ({}, ""),
    ],
)
def test_figure_value(attrs: dict[str, Any], shown: str) -> None:
    assert figure_value(attrs) == shown


@pytest.mark.parametrize(
    ("text", "claim", "before", "sentence", "after"),
    [
        ("A b. C d. E f.", "C d", "A b.", "C d.", "E f."),
        ("A b. C d. E f.", "A b.", "", "A b.", "C d."),
        ("Giá 4.5 tỷ. Xong.", "4.5", "", "Giá 4.5 tỷ.", "Xong."),
        ("Hỏi?\nĐáp: có 90%. Hết", "90%", "Hỏi?", "Đáp: có 90%.", "Hết"),
        ("One. Two spans. Three.", "One. Two", "", "One. Two spans.", "Three."),
    ],
)
def test_sentence_context(text: str, claim: str, before: str, sentence: str, after: str) -> None:
    start = text.index(claim)
    assert sentence_context(text, start, start + len(claim)) == (before, sentence, after)


@given(st.text(alphabet="ab .?!\nĐ", max_size=60), st.data())
def test_the_sentence_always_holds_the_claim(text: str, data: st.DataObject) -> None:
    if not text:
        return
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    before, sentence, after = sentence_context(text, start, end)
    assert text[start:end].strip() in sentence
    assert before.strip() == before and after.strip() == after


def test_refusals_keep_their_template_for_translation() -> None:
    """The core's refusals are plain English strings (what the CLI prints) that keep their
    template and values (what the window translates), whole through pickling and copying."""
    import copy
    import pickle

    from annotator import messages as M
    from annotator.messages import Said, say

    said = say(M.CANNOT_STEP, action="take", state="in_review", allowed="return, decide")
    assert said == "cannot take a claim that is in review; from in review one can: return, decide"
    for again in (pickle.loads(pickle.dumps(said)), copy.deepcopy(said)):
        assert isinstance(again, Said) and again == said and again.template == M.CANNOT_STEP
        assert again.values == said.values
    err = PermissionDenied(say(M.WRONG_PASSPHRASE, person="thu"))
    assert str(err) == "wrong passphrase for 'thu'" and isinstance(err.args[0], Said)
    assert set(M.TEMPLATES) >= {M.CLAIM_HELD, M.NOTHING_TO_UNDO, M.SPAN_EMPTY}
