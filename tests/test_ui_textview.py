"""The article view: spans drawn at the right characters, selections that snap, clicks, find, scrolling.

Driven as a person would (keys, clicks); offsets given in code points and checked against Qt's
own cursor geometry at UTF-16 positions from ``OffsetMap``.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QEvent, QPoint, QRectF, Qt
from PySide6.QtGui import QColor, QHelpEvent, QImage, QPalette, QTextCursor
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from annotator.model import DocId, Layer, Span, SpanId, SpanState
from annotator.offsets import OffsetMap
from annotator.project import Project
from annotator.schema import Schema, default_schema
from ui.spanlayers import SpanLayers, innermost_first, nesting_depths
from ui.spanpaint import SpanStyle
from ui.textview import SpanTextView

SCHEMA = default_schema()


def mk(sid: int, start: int, end: int, label: str, state: SpanState = SpanState.ACCEPTED,
       **attrs: object) -> Span:
    return Span(SpanId(sid), DocId(1), start, end, label, SCHEMA.label(label).layer, dict(attrs), state=state)


@pytest.fixture
def view(qtbot: QtBot) -> Iterator[SpanTextView]:
    v = SpanTextView()
    qtbot.addWidget(v)
    v.resize(640, 420)
    v.show()
    qtbot.waitExposed(v)
    yield v


def place(view: SpanTextView, cp: int, anchor: int | None = None) -> None:
    """Put the caret at ``cp`` (and the selection's anchor at ``anchor``), code points."""
    m = view.offset_map()
    cursor = view.textCursor()
    cursor.setPosition(m.to_utf16(cp if anchor is None else anchor))
    if anchor is not None:
        cursor.setPosition(m.to_utf16(cp), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)


def x_at(view: SpanTextView, cp: int) -> QRectF:
    """Qt's caret rectangle at code point ``cp`` (via the view's OffsetMap)."""
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.offset_map().to_utf16(cp))
    return QRectF(view.cursorRect(cursor))


# ---- spans drawn where their characters are ---------------------------------------------------

ASTRAL_TEXTS = [
    # (text, [(needle, label)]) — spans located by code-point search in the text
    ("Trước 😀😀 là Sơn La, sau là 88,8% dân số.", [("Sơn La", "LOC"), ("88,8%", "PERCENT")]),
    ("Ông Le\u0302\u0301 Ho\u0302\u0300ng Long 👍🏽 nói 17/17 đảng bộ.", [("Le\u0302\u0301 Ho\u0302\u0300ng Long", "PER"),
                                                                ("17/17", "RATIO")]),
    ("𠀀𠀁 CJK 𠀂 then VOV and 👨‍👩‍👧 family of 595 members", [("VOV", "ORG"), ("595", "COUNT")]),
]


@pytest.mark.parametrize(("text", "needles"), ASTRAL_TEXTS)
def test_spans_are_drawn_over_their_characters(view: SpanTextView, text: str,
                                               needles: list[tuple[str, str]]) -> None:
    spans = [mk(k, text.index(n), text.index(n) + len(n), label) for k, (n, label) in enumerate(needles, 1)]
    view.set_document(text, spans, SCHEMA)
    m = OffsetMap(text)
    assert not m.trivial  # the texts put astral characters before the spans
    for span in spans:
        rects = view.span_rects(span.id)
        assert len(rects) == 1
        start, end = x_at(view, span.start), x_at(view, span.end)
        assert rects[0].left() == pytest.approx(start.left(), abs=1.5)
        assert rects[0].right() == pytest.approx(end.left(), abs=1.5)
        assert rects[0].top() == pytest.approx(start.top(), abs=1.5)


def tinted_share(image: QImage, rect: QRectF, color: QColor) -> float:
    """Share of the pixels inside ``rect`` (shrunk by 2 px) that have ``color``."""
    r = rect.adjusted(2, 3, -2, -3).toRect()
    hits = total = 0
    for y in range(r.top(), r.bottom() + 1):
        for x in range(r.left(), r.right() + 1):
            c = image.pixelColor(x, y)
            total += 1
            hits += all(abs(a - b) <= 8 for a, b in ((c.red(), color.red()), (c.green(), color.green()),
                                                    (c.blue(), color.blue())))
    return hits / max(1, total)


def test_entity_tint_covers_the_span_and_nothing_beside_it(view: SpanTextView) -> None:
    text = "😀😀😀 abc Sơn La def 😀 ghi"
    a = text.index("Sơn La")
    loc = mk(1, a, a + 6, "LOC")
    view.set_document(text, [loc], SCHEMA)
    image = view.viewport().grab().toImage()
    style = SpanStyle(SCHEMA, view.palette())
    base = view.palette().color(QPalette.ColorRole.Base)
    tint = style.tint("LOC", style.entity_alpha)
    expected = QColor.fromRgbF(*(tint.alphaF() * t + (1 - tint.alphaF()) * b for t, b in
                                 ((tint.redF(), base.redF()), (tint.greenF(), base.greenF()),
                                  (tint.blueF(), base.blueF()))))
    inside = view.span_rects(1)[0]
    assert tinted_share(image, inside, expected) > 0.4
    before = QRectF(x_at(view, a - 4).left(), inside.top(), x_at(view, a - 1).left() - x_at(view, a - 4).left(),
                    inside.height())
    after = QRectF(x_at(view, a + 7).left(), inside.top(), x_at(view, a + 10).left() - x_at(view, a + 7).left(),
                   inside.height())
    assert tinted_share(image, before, expected) < 0.05
    assert tinted_share(image, after, expected) < 0.05


def test_rejected_spans_are_not_drawn_and_a_rejection_removes_a_span(view: SpanTextView) -> None:
    text = "Sơn La và Hà Nội"
    view.set_document(text, [mk(1, 0, 6, "LOC"), mk(2, 10, 16, "LOC", SpanState.REJECTED)], SCHEMA)
    assert view.span(1) is not None and view.span(2) is None
    assert view.span_rects(2) == []
    view.apply_changes([mk(1, 0, 6, "LOC", SpanState.REJECTED)], set())
    assert view.span(1) is None and view.span_rects(1) == []


def test_palette_decides_light_or_dark_colours(view: SpanTextView) -> None:
    light = SpanStyle(SCHEMA, view.palette())
    dark_palette = QPalette(view.palette())
    dark_palette.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    dark_palette.setColor(QPalette.ColorRole.Text, QColor("#e6e6e6"))
    dark = SpanStyle(SCHEMA, dark_palette)
    assert not light.dark and dark.dark
    # strokes of pale labels get darker on light backgrounds, dark ones lighter on dark
    assert light.line_color("PER").lightness() < QColor("#f4a3a8").lightness()
    assert dark.line_color("MEASURE").lightness() > QColor("#1a73e8").lightness()
    assert SpanStyle(SCHEMA, view.palette()).color("NOT_A_LABEL").isValid()


# ---- selections snap -------------------------------------------------------------------------

SNAP_TEXT = "Tỉnh So\u031bn La có 88,8% dân số 😀👍🏽 ở đây."


def test_shift_right_selection_snaps_to_the_word(view: SpanTextView, qtbot: QtBot) -> None:
    view.set_document(SNAP_TEXT, [], SCHEMA)
    word = SNAP_TEXT.index("So\u031bn")
    place(view, word)
    with qtbot.waitSignal(view.selection_changed):
        qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    # two clusters "S", "ơ" (o + combining horn) are selected; the word is "Sơn"
    assert view.selection_range() == (word, word + 4)
    view.set_character_precision(True)
    assert view.selection_range() == (word, word + 3)


def test_ctrl_shift_right_selects_words_and_figures_stay_whole(view: SpanTextView, qtbot: QtBot) -> None:
    view.set_document(SNAP_TEXT, [], SCHEMA)
    fig = SNAP_TEXT.index("88,8%")
    place(view, fig)
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert view.selection_range() == (fig, fig + 5)


def test_character_precision_never_splits_a_cluster(view: SpanTextView, qtbot: QtBot) -> None:
    view.set_document(SNAP_TEXT, [], SCHEMA)
    view.set_character_precision(True)
    o = SNAP_TEXT.index("o\u031b")
    place(view, o)
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert view.selection_range() == (o, o + 2)  # the base letter with its mark
    # a selection ending between "o" and its mark (a mouse can do that) still takes both
    place(view, o + 1, anchor=o - 1)
    assert view.selection_range() == (o - 1, o + 2)
    # an end inside the surrogate pair of an emoji, and the skin tone after 👍
    emoji = SNAP_TEXT.index("😀")
    m = view.offset_map()
    cursor = view.textCursor()
    cursor.setPosition(m.to_utf16(emoji) - 1)
    cursor.setPosition(m.to_utf16(emoji) + 1, QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    assert view.selection_range() == (emoji - 1, emoji + 1)
    place(view, emoji + 2, anchor=emoji + 1)  # just 👍 without its modifier
    assert view.selection_range() == (emoji + 1, emoji + 3)


def test_no_selection_and_white_space_give_none(view: SpanTextView) -> None:
    view.set_document(SNAP_TEXT, [], SCHEMA)
    assert view.selection_range() is None
    space = SNAP_TEXT.index(" ")
    place(view, space + 1, anchor=space)
    assert view.selection_range() is None


# ---- clicking spans --------------------------------------------------------------------------

NEST = "Ông Lữ nói: đến nay toàn bộ 595 Đảng bộ ở Sơn La đã xong đại hội. Phần còn lại."


@pytest.fixture
def nested(view: SpanTextView) -> dict[str, Span]:
    claim_end = NEST.index(".") + 1
    fig = NEST.index("595 Đảng bộ")
    spans = {
        "claim": mk(1, NEST.index("đến"), claim_end, "CLAIM"),
        "count": mk(2, fig, fig + len("595 Đảng bộ"), "COUNT", value="595"),
        "org": mk(3, fig + 4, fig + len("595 Đảng bộ"), "ORG"),
        "loc": mk(4, NEST.index("Sơn La"), NEST.index("Sơn La") + 6, "LOC"),
    }
    view.set_document(NEST, list(spans.values()), SCHEMA)
    return spans


def center_of(view: SpanTextView, span: Span) -> QPoint:
    return view.span_rects(span.id)[0].center().toPoint()


def test_click_selects_the_innermost_span_and_repeated_clicks_go_outwards(
        view: SpanTextView, nested: dict[str, Span], qtbot: QtBot) -> None:
    where = center_of(view, nested["org"])
    expected = [nested["org"].id, nested["count"].id, nested["claim"].id, nested["org"].id]
    for sid in expected:
        with qtbot.waitSignal(view.span_selected) as blocker:
            qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)
        assert blocker.args == [sid]
        assert view.selected_span_id() == sid
    # a click on plain text selects nothing
    plain = x_at(view, NEST.index("Phần") + 1).center().toPoint()
    with qtbot.waitSignal(view.span_selected) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=plain)
    assert blocker.args == [-1]
    assert view.selected_span_id() is None


def test_double_click_activates_the_span(view: SpanTextView, nested: dict[str, Span], qtbot: QtBot) -> None:
    where = center_of(view, nested["loc"])
    with qtbot.waitSignal(view.span_activated) as blocker:
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert blocker.args == [nested["loc"].id]


def test_select_span_reveals_emits_and_removal_unselects(view: SpanTextView, qtbot: QtBot) -> None:
    text = "\n".join(f"Đoạn {i}: nội dung của đoạn văn số {i}." for i in range(300))
    far = text.index("Đoạn 250")
    view.set_document(text, [mk(7, far, far + 8, "MISC")], SCHEMA)
    assert view.span_rects(7) == []  # scrolled away
    with qtbot.waitSignal(view.span_selected) as blocker:
        view.select_span(7)
    assert blocker.args == [7] and view.selected_span_id() == 7
    assert view.span_rects(7)  # now on screen
    with qtbot.waitSignal(view.span_selected) as blocker:
        view.apply_changes([], {7})
    assert blocker.args == [-1] and view.selected_span_id() is None
    view.select_span(12345)  # unknown: nothing selected, no error
    assert view.selected_span_id() is None


def test_margin_click_selects_the_claim(view: SpanTextView, nested: dict[str, Span], qtbot: QtBot) -> None:
    y = int(view.span_rects(nested["claim"].id)[0].center().y())
    # the strip left of the text, at the claim's height
    at = view.viewport().mapTo(view, QPoint(0, y)) - QPoint(6, 0)
    margin = view.childAt(at)
    assert margin is not None and margin is not view.viewport()
    with qtbot.waitSignal(view.span_selected) as blocker:
        qtbot.mouseClick(margin, Qt.MouseButton.LeftButton, pos=margin.mapFrom(view, at))
    assert blocker.args == [nested["claim"].id]


@pytest.mark.qt_log_ignore("does not support raise")  # the offscreen platform cannot raise the tip
def test_hover_shows_label_and_attributes_innermost_first(view: SpanTextView, nested: dict[str, Span]) -> None:
    cp = nested["org"].start + 1
    tip = view.tooltip_text(cp)
    assert tip.index("ORG") < tip.index("COUNT") < tip.index("CLAIM")
    assert "value: 595" in tip
    assert view.tooltip_text(NEST.index("Phần")) == ""
    where = center_of(view, nested["org"])
    event = QHelpEvent(QEvent.Type.ToolTip, where, view.viewport().mapToGlobal(where))
    view.viewportEvent(event)
    assert "ORG" in QToolTip.text()
    QToolTip.hideText()


def test_highlighted_and_suggested_spans(view: SpanTextView, nested: dict[str, Span]) -> None:
    view.set_highlighted({nested["count"].id, nested["loc"].id})
    assert view.highlighted() == {nested["count"].id, nested["loc"].id}
    before = view.viewport().grab().toImage()
    view.apply_changes([mk(4, nested["loc"].start, nested["loc"].end, "LOC", SpanState.SUGGESTED)], set())
    after = view.viewport().grab().toImage()
    assert before != after  # a suggestion looks different from the accepted span


# ---- the reader's place ----------------------------------------------------------------------

LONG = ("Sơn La có 595 Đảng bộ. " * 40 + "\n") * 40 + "Đoạn dài " * 3000


def test_apply_changes_keeps_the_scroll_position_and_selection(view: SpanTextView, qtbot: QtBot) -> None:
    view.set_document(LONG, [mk(1, 0, 6, "LOC")], SCHEMA)
    middle = len(LONG) // 2
    view.reveal(middle, middle + 5, select=True)
    QApplication.processEvents()  # Qt lays out the blocks above and settles the scroll bar
    bar = view.verticalScrollBar()
    value, top = bar.value(), view.cursorForPosition(QPoint(2, 2)).position()
    assert value > 0
    selection = view.selection_range()
    changes = [mk(100 + k, middle - 200 + 10 * k, middle - 195 + 10 * k, "COUNT") for k in range(30)]
    changes.append(mk(200, 0, len(LONG), "CLAIM"))
    view.apply_changes(changes, {1})
    view.apply_changes([mk(100, middle - 100, middle - 90, "PER")], {101, 102})
    QApplication.processEvents()  # the repaints
    assert bar.value() == value
    assert view.cursorForPosition(QPoint(2, 2)).position() == top
    assert view.selection_range() == selection
    assert view.span_rects(200)  # the new claim is drawn on screen


def test_zoom_keeps_the_top_line(view: SpanTextView) -> None:
    view.set_document(LONG, [], SCHEMA)
    view.reveal(len(LONG) // 2, len(LONG) // 2 + 1)
    top = view.cursorForPosition(QPoint(2, 2)).position()
    size = view.font().pointSizeF()
    view.zoom_in()
    view.zoom_in()
    assert view.zoom() == 2 and view.font().pointSizeF() > size
    assert x_at(view, view.offset_map().to_cp(top)).top() < view.fontMetrics().lineSpacing()
    view.zoom_out()
    view.set_zoom(0)
    assert view.font().pointSizeF() == pytest.approx(size)
    view.set_zoom(1000)
    assert view.zoom() <= 20


# ---- find ------------------------------------------------------------------------------------

FIND_TEXT = "😀 Ông nói Sơn La; SON LA nữa; rồi sơn la. Đà Nẵng và Da Nang."


@pytest.mark.parametrize(("query", "kwargs", "expected"), [
    ("Son La", {}, ["Sơn La", "SON LA", "sơn la", "Sơn La"]),
    ("Son La", {"case_sensitive": True}, ["Sơn La", "Sơn La"]),
    ("da nang", {}, ["Đà Nẵng", "Da Nang", "Đà Nẵng"]),
    ("son la", {"backward": True}, ["sơn la", "SON LA", "Sơn La", "sơn la"]),
])
def test_find_ignores_diacritics_and_wraps(view: SpanTextView, query: str, kwargs: dict[str, bool],
                                           expected: list[str]) -> None:
    view.set_document(FIND_TEXT, [], SCHEMA)
    found = []
    for _ in expected:
        assert view.find(query, **kwargs)
        sel = view.selection_range()
        assert sel is not None
        found.append(FIND_TEXT[sel[0]:sel[1]])
    assert found == expected


def test_find_reports_no_match(view: SpanTextView) -> None:
    view.set_document(FIND_TEXT, [], SCHEMA)
    assert not view.find("Hà Nội")
    assert not view.find("")
    assert view.selection_range() is None


# ---- the demo article ------------------------------------------------------------------------

def test_demo_article_renders_with_its_spans(view: SpanTextView, demo: Project) -> None:
    text = demo.documents.get(1).text
    spans = demo.spans.for_doc(1)
    view.set_document(text, spans, demo.schema)
    claim = next(s for s in spans if s.layer == Layer.CLAIM)
    view.select_span(claim.id)
    inside = [s.id for s in spans if claim.start <= s.start and s.end <= claim.end and s.id != claim.id]
    assert inside
    view.set_highlighted(inside)
    assert all(view.span_rects(sid) for sid in [claim.id, *inside])
    assert not view.grab().isNull()


# ---- the layering, pure Python ----------------------------------------------------------------

def _layer_spans(draw: st.DrawFn) -> tuple[int, list[Span]]:
    length = draw(st.integers(0, 40))
    n = draw(st.integers(0, 12))
    spans = []
    for k in range(n):
        a = draw(st.integers(0, length))
        b = draw(st.integers(a, length))
        label = draw(st.sampled_from(["PER", "LOC", "COUNT", "CLAIM"]))
        spans.append(mk(k + 1, a, b, label))
    return length, spans


layer_cases = st.composite(_layer_spans)


def covered(spans: list[Span], cp: int) -> set[int]:
    return {s.id for s in spans if s.start <= cp < s.end}


def check_layers(layers: SpanLayers, spans: list[Span]) -> None:
    segs = layers.segments()
    if layers.length:
        assert segs[0].start == 0 and segs[-1].end == layers.length
    for left, right in zip(segs, segs[1:], strict=False):
        assert left.end == right.start and left.ids != right.ids
    for seg in segs:
        for cp in range(seg.start, seg.end):
            assert seg.ids == covered(spans, cp)
            assert layers.ids_at(cp) == covered(spans, cp)


@settings(max_examples=200, deadline=None)
@given(layer_cases(), st.data())
def test_layering_covers_exactly_the_span_ranges(case: tuple[int, list[Span]], data: st.DataObject) -> None:
    length, spans = case
    layers = SpanLayers(length, spans)
    check_layers(layers, spans)
    # incremental changes give the same layering as building from scratch
    live: dict[int, Span] = {s.id: s for s in spans}
    for step in range(data.draw(st.integers(0, 8))):
        remove = data.draw(st.booleans())
        if live and remove:
            sid: int = data.draw(st.sampled_from(sorted(live)))
            layers.remove(sid)
            del live[sid]
        else:
            a = data.draw(st.integers(0, length))
            b = data.draw(st.integers(a, length))
            sid = data.draw(st.sampled_from([*live, 100 + step])) if live else 100 + step
            live[sid] = mk(sid, a, b, "ORG")
            layers.add(live[sid])
    check_layers(layers, list(live.values()))
    assert layers.segments() == SpanLayers(length, live.values()).segments()
    a = data.draw(st.integers(0, length))
    b = data.draw(st.integers(a, length))
    expect = {s.id for s in live.values() if s.start < b and a < s.end and s.start < s.end and a < b}
    assert {s.id for s in layers.overlapping(a, b)} == expect


def test_innermost_first_and_nesting_depths() -> None:
    claim, fig, org, org2 = mk(1, 0, 50, "CLAIM"), mk(2, 10, 30, "COUNT"), mk(3, 14, 30, "ORG"), mk(4, 14, 20, "PER")
    assert [s.id for s in innermost_first([claim, fig, org, org2])] == [4, 3, 2, 1]
    assert nesting_depths([claim, fig, org, org2]) == {1: 0, 2: 0, 3: 0, 4: 1}
    same = [mk(5, 0, 4, "PER"), mk(6, 0, 4, "LOC")]
    assert sorted(nesting_depths(same).values()) == [0, 1]  # identical ranges both stay visible


def test_schema_without_a_label_still_draws(view: SpanTextView) -> None:
    schema = Schema("tiny", SCHEMA.labels[:1], SCHEMA.attributes, SCHEMA.layer_attributes)
    view.set_document("Sơn La", [mk(1, 0, 6, "LOC")], schema)
    assert view.span_rects(1) and not view.grab().isNull()


def test_spans_of_another_document_are_ignored(view: SpanTextView) -> None:
    view.set_document("Sơn La và Hà Nội", [mk(1, 0, 6, "LOC")], SCHEMA)
    other = Span(SpanId(2), DocId(99), 10, 16, "LOC", Layer.ENTITY)
    view.apply_changes([other, mk(3, 10, 16, "LOC")], set())
    assert view.span(2) is None and view.span(3) is not None


def test_setting_the_same_text_again_keeps_the_place(view: SpanTextView, qtbot: QtBot) -> None:
    view.set_document(LONG, [mk(1, 0, 6, "LOC")], SCHEMA)
    view.reveal(len(LONG) // 2, len(LONG) // 2 + 4, select=True)
    view.select_span(1)
    QApplication.processEvents()
    value, selection = view.verticalScrollBar().value(), view.selection_range()
    view.set_document(LONG, [mk(1, 0, 6, "LOC"), mk(2, 7, 9, "ORG")], SCHEMA)
    assert view.verticalScrollBar().value() == value and view.selection_range() == selection
    assert view.selected_span_id() == 1 and view.span(2) is not None
    with qtbot.waitSignal(view.span_selected) as blocker:
        view.set_document("Một văn bản khác.", [], SCHEMA)
    assert blocker.args == [-1] and view.verticalScrollBar().value() == 0


def test_ctrl_wheel_zooms_through_the_zoom_level(view: SpanTextView) -> None:
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QWheelEvent

    view.set_document(LONG, [], SCHEMA)
    pos = QPointF(50, 50)
    event = QWheelEvent(pos, view.viewport().mapToGlobal(pos), QPoint(0, 0), QPoint(0, 120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(view.viewport(), event)
    assert view.zoom() == 1
