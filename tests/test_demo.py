"""The demo project: made from the shipped samples, with accepted spans of every layer."""

from __future__ import annotations

from annotator.model import Layer
from annotator.project import Project


def test_demo_has_every_layer_and_a_linked_claim(demo: Project) -> None:
    titles = [d.title for d in demo.documents.list()]
    assert titles[0] == "Báo cáo chính trị Đại hội Đảng bộ tỉnh Sơn La" and len(titles) == 2
    spans = demo.spans.for_doc(1)
    assert {s.layer for s in spans} == {Layer.ENTITY, Layer.FIGURE, Layer.CLAIM}
    text = demo.documents.text(1)
    by_text = {text[s.start:s.end]: s for s in spans}
    assert by_text["88,8%"].attrs["value"] == "88.8"
    assert by_text["ngày 4/8/2020"].attrs["date"] == "2020-08-04"
    claim = next(s for s in spans if s.layer == Layer.CLAIM)
    roles = sorted(lk.role for lk in demo.links.for_span(claim.id))
    assert "claimant" in roles and roles.count("figure") >= 3
    assert demo.search.find("Son La")


def test_suggesting_figures_on_the_demo_agrees_with_its_hand_annotations(demo: Project) -> None:
    """The demo's figures follow the recogniser's conventions, so no near-duplicates appear."""
    from annotator.suggest import suggest_figures

    before = {(s.doc_id, s.start, s.end): s.label for d in (1, 2) for s in demo.spans.for_doc(d)
              if s.layer == Layer.FIGURE or s.label == "DOC_REF"}
    suggest_figures(demo)
    after = [s for d in (1, 2) for s in demo.spans.for_doc(d) if s.state == "suggested"]
    for s in after:  # no suggestion overlaps a hand-made figure with other boundaries
        for (doc, a, b), label in before.items():
            if doc == s.doc_id and a < s.end and s.start < b:
                assert (a, b) == (s.start, s.end) or label != s.label, (demo.documents.text(doc)[s.start:s.end], label)
