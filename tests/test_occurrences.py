"""Annotate all occurrences: preview, whole words, exact or folded, skip tagged, one undoable step."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.errors import ValidationError
from annotator.folding import fold
from annotator.occurrences import (
    Occurrence,
    find_text,
    find_variants,
    longest_matches,
    preview_occurrences,
    tag_occurrences,
)
from annotator.project import Project

TEXT_A = "Sơn La là tỉnh miền núi. SƠN LA có Sơn Lao? Không. Tỉnh Son La và Sơn La-Việt; xSơn La."
TEXT_B = "Ở Sơn La, son la và Sơn La."


@pytest.fixture
def two_docs(project: Project) -> tuple[Project, int, int, int]:
    a = project.documents.add(TEXT_A, title="a")
    b = project.documents.add(TEXT_B, title="b")
    project.entities.add(name="Sơn La", type="LOC")
    eid = project.entities.find("Sơn La").id  # type: ignore[union-attr]
    project.spans.add(doc_id=a, start=0, end=6, label="LOC", entity_id=eid)
    project.search.index_pending()
    return project, a, b, project.spans.for_doc(a)[0].id


def texts(project: Project, occurrences: object) -> list[tuple[int, str]]:
    return [(o.doc_id, o.text) for o in occurrences]  # type: ignore[attr-defined]


@pytest.mark.parametrize(("scope", "match", "expected"), [
    ("document", "exact", [(1, "Sơn La")]),  # "Sơn Lao" and "xSơn La" are not whole words; "Sơn La-Việt" is
    ("document", "folded", [(1, "SƠN LA"), (1, "Son La"), (1, "Sơn La")]),
    ("project", "exact", [(1, "Sơn La"), (2, "Sơn La"), (2, "Sơn La")]),
    ("project", "folded", [(1, "SƠN LA"), (1, "Son La"), (1, "Sơn La"), (2, "Sơn La"), (2, "son la"),
                           (2, "Sơn La")]),
])
def test_preview_counts_the_other_occurrences(two_docs: tuple[Project, int, int, int], scope: str, match: str,
                                              expected: list[tuple[int, str]]) -> None:
    project, a, b, span_id = two_docs
    preview = preview_occurrences(project, span_id, scope=scope, match=match)  # type: ignore[arg-type]
    assert texts(project, preview.occurrences) == expected
    assert preview.total == len(expected) and preview.skipped == 1  # the source span itself
    assert sum(preview.by_doc.values()) == preview.total
    assert preview.text == "Sơn La"


def test_tag_occurrences_is_one_undoable_step_with_label_and_link(two_docs: tuple[Project, int, int, int]) -> None:
    project, a, b, span_id = two_docs
    eid = project.spans.get(span_id).entity_id
    preview = preview_occurrences(project, span_id, scope="project", match="folded")
    events = len(project.history.events())
    changes = tag_occurrences(project, span_id, preview=preview, state="suggested")
    assert len(changes.spans) == preview.total == 6
    assert len(project.history.events()) == events + 1
    new = project.spans.get_many(changes.spans)
    assert {(s.label, s.entity_id, str(s.state), str(s.origin)) for s in new} == {("LOC", eid, "suggested", "suggested")}
    assert project.entities.mention_counts()[eid] == 7  # type: ignore[index]
    # again: everything is tagged now
    assert preview_occurrences(project, span_id, scope="project", match="folded").total == 0
    project.undo()
    assert project.spans.get_many(changes.spans) == []
    assert project.entities.mention_counts()[eid] == 1  # type: ignore[index]


def test_accepted_occurrences_and_rejected_places(two_docs: tuple[Project, int, int, int]) -> None:
    project, a, b, span_id = two_docs
    changes = tag_occurrences(project, span_id, scope="document", match="exact", state="accepted")
    spans = project.spans.get_many(changes.spans)
    assert [(str(s.state), s.start) for s in spans] == [("accepted", TEXT_A.index("Sơn La-"))]
    project.spans.reject([spans[0].id])
    # a place rejected before is not proposed again, nor one overlapping a LOC span
    assert preview_occurrences(project, span_id).total == 0


def test_other_labels_do_not_block(two_docs: tuple[Project, int, int, int]) -> None:
    project, a, b, span_id = two_docs
    start = TEXT_B.index("Sơn La")
    project.spans.add(doc_id=b, start=start, end=start + 6, label="ORG")
    preview = preview_occurrences(project, span_id, scope="project")
    assert (b, start) in {(o.doc_id, o.start) for o in preview.occurrences}


def test_claims_and_bad_arguments_are_refused(two_docs: tuple[Project, int, int, int]) -> None:
    project, a, b, span_id = two_docs
    project.spans.add(doc_id=a, start=0, end=23, label="CLAIM")
    claim = [s for s in project.spans.for_doc(a) if s.label == "CLAIM"][0]
    with pytest.raises(ValidationError):
        preview_occurrences(project, claim.id)
    with pytest.raises(ValidationError):
        preview_occurrences(project, span_id, scope="world")  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        find_text(project, "Sơn La", match="fuzzy")  # type: ignore[arg-type]
    assert find_text(project, "   ") == []


def test_find_variants_finds_untagged_spellings_on_the_seed(demo: Project) -> None:
    found = find_variants(demo, ["Sơn La", "Sun La"], label="LOC")
    spellings = {o.text for o in found}
    assert spellings == {"Sơn La", "Sun La", "Tôn La"}
    text = demo.documents.text(1)
    assert all(text[o.start:o.end] == o.text and o.label == "LOC" for o in found)
    assert not any(o.text == "Sơn La" and o.start == text.index("Sơn La", text.index("Sơn La") + 1) for o in found)
    people = find_variants(demo, ["Lê Hồng Long", "Luo Honglong"], label="PER")
    assert {o.text for o in people} == {"Lu Honglong"}  # its second occurrence is untagged


def test_find_variants_ignores_lowercase_words(project: Project) -> None:
    doc = project.documents.add("Đây là sơn la, không phải Tôn La.", title="x")
    found = find_variants(project, ["Sơn La"], label="LOC", doc_ids=[doc])
    assert [o.text for o in found] == ["Tôn La"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(["Sơn", "La", "SƠN LA", "son la", "Lao", "xSơn", "Sơn La", "-", ", ", "\n", "đ"]),
                min_size=1, max_size=14))
def test_folded_places_are_exactly_the_whole_word_matches(project: Project, words: list[str]) -> None:
    text = " ".join(words)
    doc = project.documents.add(text, title="h")
    body = project.documents.text(doc)
    found = find_text(project, "Sơn La", doc_ids=[doc], match="folded")
    expected = [m.start() for m in re.finditer(r"(?<![^\W_])son la(?![^\W_])", fold(body))]
    assert [o.start for o in found] == expected
    assert all(fold(o.text) == "son la" and body[o.start:o.end] == o.text for o in found)


@pytest.mark.parametrize(
    ("found", "kept"),
    [
        ([], []),
        ([(0, 3), (0, 6), (4, 6)], [(0, 6)]),  # the longest at a start; what it covers goes
        ([(4, 6), (0, 3), (3, 5)], [(0, 3), (3, 5)]),  # by start; (4, 6) overlaps (3, 5)
        ([(2, 4), (2, 4), (5, 9)], [(2, 4), (5, 9)]),
    ],
)
def test_longest_matches(found: list[tuple[int, int]], kept: list[tuple[int, int]]) -> None:
    occs = [Occurrence(1, a, b, "x" * (b - a), entity_id=k) for k, (a, b) in enumerate(found)]
    out = longest_matches(occs)
    assert [(o.start, o.end) for o in out] == kept
    if found[:2] == [(2, 4), (2, 4)]:
        assert out[0].entity_id == 0  # of equal ones, the first found
