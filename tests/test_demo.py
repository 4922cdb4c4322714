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
    assert by_text["4/8/2020"].attrs["date"] == "2020-08-04"
    claim = next(s for s in spans if s.layer == Layer.CLAIM)
    roles = sorted(lk.role for lk in demo.links.for_span(claim.id))
    assert "claimant" in roles and roles.count("figure") >= 3
    assert demo.search.find("Son La")
