"""doccano JSONL: doccano's own samples, both export forms, errors, hypothesis round trip."""

from __future__ import annotations

import io
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.errors import FormatError
from annotator.formats.doccano import read_doccano, write_doccano
from annotator.model import DocRecord, LinkRecord, SpanRecord, SpanState
from annotator.textnorm import normalize

SAMPLES = Path(__file__).parent / "data" / "doccano_samples"
GOOGLE = "Google was founded on September 4, 1998, by Larry Page and Sergey Brin."
SEQ = [
    ("EU rejects German call to boycott British lamb.", [(0, 2, "ORG"), (11, 17, "MISC")]),
    ("Peter Blackburn", [(0, 15, "PERSON")]),
    ("President Obama", [(10, 15, "PERSON")]),
]
REL_SPANS = [(0, 6, "ORG"), (22, 39, "DATE"), (44, 54, "PERSON"), (59, 70, "PERSON")]
REL_LINKS = [((0, 6), (22, 39), "foundedAt"), ((0, 6), (44, 54), "foundedBy"), ((0, 6), (59, 70), "foundedBy")]


def spans_of(rec: DocRecord) -> list[tuple[int, int, str]]:
    return [(sp.start, sp.end, sp.label) for sp in rec.spans]


def links_of(rec: DocRecord) -> list[tuple[tuple[int, int], tuple[int, int], str]]:
    at = {sp.ext_id: (sp.start, sp.end) for sp in rec.spans}
    return [(at[lk.source], at[lk.target], lk.role) for lk in rec.links]


@pytest.mark.parametrize(
    ("name", "docs"),
    [
        ("data_export__pipeline__examples__sequence_labeling__example.jsonl", SEQ),
        ("data_import__pipeline__examples__sequence_labeling__example.jsonl",  # column_data/column_label
         [(SEQ[0][0], [(0, 2, "ORG")]), SEQ[1], SEQ[2]]),
        ("data_import__pipeline__examples__relation_extraction__example.jsonl", [(GOOGLE, REL_SPANS)]),
        ("data_export__pipeline__examples__relation_extraction__example.jsonl", [(GOOGLE, REL_SPANS)]),  # pretty JSON
        ("data_import__tests__data__sequence_labeling__example_overlapping.jsonl",
         [("exampleA", [(0, 1, "LOC"), (0, 1, "LOC")])]),
    ],
)
def test_doccano_samples_import(name: str, docs: list[tuple[str, list[tuple[int, int, str]]]]) -> None:
    recs = list(read_doccano(SAMPLES / name))
    assert [(r.text, spans_of(r)) for r in recs] == docs
    for r in recs:
        for sp in r.spans:
            assert r.text[sp.start:sp.end]
        if r.text == GOOGLE:
            assert links_of(r) == REL_LINKS
            assert r.text[22:39] == "September 4, 1998"


def test_sample_metadata_is_kept_and_written_back() -> None:
    (rec,) = read_doccano(SAMPLES / "data_import__tests__data__sequence_labeling__example_overlapping.jsonl")
    assert rec.meta["doccano"] == {"meta": {"wikiPageID": 1}}
    buf = io.StringIO()
    write_doccano([rec], buf)
    assert json.loads(buf.getvalue()) == {"text": "exampleA", "label": [[0, 1, "LOC"], [0, 1, "LOC"]],
                                          "meta": {"wikiPageID": 1}}


def test_relation_sample_round_trips_exactly() -> None:
    src = SAMPLES / "data_import__pipeline__examples__relation_extraction__example.jsonl"
    (rec,) = read_doccano(src)
    buf = io.StringIO()
    report = write_doccano([rec], buf)
    assert (report.documents, report.spans, report.links, report.problems) == (1, 4, 3, [])
    out = json.loads(buf.getvalue())
    original = json.loads(src.read_text(encoding="utf-8"))
    assert out["entities"] == original["entities"]
    assert [{k: r[k] for k in ("from_id", "to_id", "type")} for r in out["relations"]] == original["relations"]


def test_relation_form_only_when_links_exist_converting_earlier_lines() -> None:
    plain = DocRecord(text="Hà Nội đẹp", spans=[SpanRecord(0, 6, "LOC")], ext_id="7")
    linked = DocRecord(text="Ông A ở Huế", spans=[SpanRecord(0, 5, "PER", ext_id="p"), SpanRecord(8, 11, "LOC", ext_id="l")],
                       links=[LinkRecord("p", "l", "lives_in")])
    only_plain = io.StringIO()
    write_doccano([plain, plain], only_plain)
    assert [json.loads(x) for x in only_plain.getvalue().splitlines()] == [
        {"id": 7, "text": "Hà Nội đẹp", "label": [[0, 6, "LOC"]]}] * 2
    mixed = io.StringIO()
    report = write_doccano([plain, linked, plain], mixed)
    lines = [json.loads(x) for x in mixed.getvalue().splitlines()]
    assert [("entities" in x, "label" in x) for x in lines] == [(True, False)] * 3
    assert lines[0] == {"id": 7, "text": "Hà Nội đẹp", "relations": [],
                        "entities": [{"id": 0, "label": "LOC", "start_offset": 0, "end_offset": 6}]}
    assert lines[1]["relations"] == [{"id": 0, "from_id": 0, "to_id": 1, "type": "lives_in"}]
    assert (report.documents, report.spans, report.links) == (3, 4, 1)
    forced = io.StringIO()
    report = write_doccano([linked], forced, relations=False)
    assert "label" in json.loads(forced.getvalue())
    assert any("1 links not written" in p for p in report.problems)


def test_crlf_and_decomposed_json_text() -> None:
    raw = "Dòng\r\nHo\u0302\u0300ng \U0001f600 Sơn La"
    s = raw.index("Ho")
    e = raw.index(" \U0001f600")
    sl = raw.index("Sơn")
    line = json.dumps({"text": raw, "label": [[s, e, "PER"], [sl, sl + 6, "LOC"]]})
    (rec,) = read_doccano(io.BytesIO(line.encode("utf-8")))
    assert rec.text == normalize(raw).text
    assert [rec.text[sp.start:sp.end] for sp in rec.spans] == ["Hồng", "Sơn La"]


# ---- errors ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "line", "message"),
    [
        (['{"text": "ab", "label": []}', '{"text": "ab", "label": [[0, 1, "X"]'], 2, "broken JSON"),
        (['{"text": "ab", "label": [[0, 3, "X"]]}'], 1, "outside"),
        (['{"label": [[0, 1, "X"]]}'], 1, "no text"),
        (['{"text": "ab", "label": [[0, 1]]}'], 1, "must be"),
        (['{"text": "ab", "label": ["x", 1]}'], 1, "must be"),
        (['{"text": "ab"}', "[1, 2]"], 2, "JSON object"),
        (['{"text": "Huế", "entities": [{"id": 1, "start_offset": 0, "end_offset": 3, "label": "L", "text": "Hue"}]}'],
         1, "the text there"),
        (['{"text": "ab", "entities": [{"id": 1, "start_offset": 0, "end_offset": 1, "label": "L"}],'
          ' "relations": [{"from_id": 1, "to_id": 2, "type": "r"}]}'], 1, "entity 2"),
        (['{"text": "ab", "entities": [{"id": 1, "start_offset": 0, "label": "L"}]}'], 1, "end_offset"),
        (['{"text": "ab", "entities": [{"id": 1, "start_offset": 0, "end_offset": 1, "label": "L"},'
          ' {"id": 1, "start_offset": 1, "end_offset": 2, "label": "L"}]}'], 1, "twice"),
    ],
)
def test_bad_records_name_file_and_line(tmp_path: Path, lines: list[str], line: int, message: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(FormatError, match=message) as info:
        list(read_doccano(path))
    assert (info.value.path, info.value.line) == (str(path), line)
    errors: list[FormatError] = []
    good = list(read_doccano(path, errors=errors))
    assert len(good) == len(lines) - 1
    assert [(e.line, e.reason) for e in errors] == [(line, info.value.reason)]


def test_skip_mode_lists_exactly_the_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    rows = [json.dumps({"text": f"doc {i}", "label": [[0, 3, "X"]]}) for i in range(6)]
    rows[1] = "{broken"
    rows[4] = json.dumps({"text": "doc", "label": [[0, 30, "X"]]})
    path.write_text("\n".join(rows), encoding="utf-8")
    errors: list[FormatError] = []
    recs = list(read_doccano(path, errors=errors))
    assert [r.text for r in recs] == ["doc 0", "doc 2", "doc 3", "doc 5"]
    assert [e.line for e in errors] == [2, 5]


def test_binary_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_bytes(b"\x00\x01\x02" * 50)
    with pytest.raises(FormatError, match="not a text file"):
        list(read_doccano(path))


# ---- writing -----------------------------------------------------------------------------------


def test_what_doccano_cannot_carry_is_reported() -> None:
    rec = DocRecord(text="88,8% ở Hà Nội", ext_id="d1", spans=[
        SpanRecord(0, 5, "PERCENT", attrs={"value": "88.8"}, state=SpanState.SUGGESTED),
        SpanRecord(8, 14, "LOC", attrs={"fragments": [[8, 10], [11, 14]]}, entity="Hà Nội"),
        SpanRecord(3, 40, "BAD"),
    ], links=[LinkRecord("a", "b", "r")])
    buf = io.StringIO()
    report = write_doccano([rec], buf, relations=True)
    joined = "\n".join(report.problems)
    for expected in ("attributes value", "discontinuous", "state suggested", "entity name", "outside", "a->b"):
        assert expected in joined
    assert all(p.startswith("d1: ") for p in report.problems)
    assert [e["label"] for e in json.loads(buf.getvalue())["entities"]] == ["PERCENT", "LOC"]


def test_failed_export_leaves_no_file_and_keeps_the_old_one(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("old\n", encoding="utf-8")

    def failing() -> Iterator[DocRecord]:
        yield DocRecord(text="a")
        raise RuntimeError("disk full")

    for relations in (None, True):
        with pytest.raises(RuntimeError):
            write_doccano(failing(), target, relations=relations)
        assert target.read_text(encoding="utf-8") == "old\n"
        assert os.listdir(tmp_path) == ["out.jsonl"]
    report = write_doccano([DocRecord(text="new")], target)
    assert report.documents == 1
    assert json.loads(target.read_text(encoding="utf-8")) == {"text": "new", "label": []}


# ---- hypothesis round trip ---------------------------------------------------------------------

ATOMS = ["a", "B", " ", "\t", "\r\n", "\n", "e\u0301", "ệ", "Đ", "\U0001f600", "\U0001f44d\U0001f3fd",
         "\u05e9\u05dc", "\u0645", "\u200b", "\u200d", "\u2028", '"', "\\", "9"]


@st.composite
def records(draw: st.DrawFn) -> DocRecord:
    text = normalize("".join(draw(st.lists(st.sampled_from(ATOMS), min_size=1, max_size=30)))).text
    n = len(text)
    spans = []
    for k in range(draw(st.integers(0, 8))):  # nested, overlapping and duplicate spans
        s = draw(st.integers(0, n - 1))
        e = draw(st.integers(s + 1, n))
        spans.append(SpanRecord(s, e, draw(st.sampled_from(["PER", "LOC", "Số liệu"])), ext_id=f"s{k}"))
    links = []
    if spans and draw(st.booleans()):
        for _ in range(draw(st.integers(1, 3))):
            a, b = draw(st.integers(0, len(spans) - 1)), draw(st.integers(0, len(spans) - 1))
            links.append(LinkRecord(f"s{a}", f"s{b}", draw(st.sampled_from(["r", "ở"]))))
    return DocRecord(text=text, spans=spans, links=links)


@settings(max_examples=80, deadline=None)
@given(st.lists(records(), min_size=1, max_size=4), st.sampled_from([None, True]))
def test_write_then_read_gives_the_same_text_spans_and_links(recs: list[DocRecord], relations: bool | None) -> None:
    buf = io.StringIO()
    report = write_doccano(recs, buf, relations=relations)
    assert report.problems == []
    back = list(read_doccano(io.BytesIO(buf.getvalue().encode("utf-8"))))
    assert [r.text for r in back] == [r.text for r in recs]
    assert [spans_of(r) for r in back] == [spans_of(r) for r in recs]
    assert [sorted(links_of(r)) for r in back] == [sorted(links_of(r)) for r in recs]


@pytest.mark.parametrize("relations", [False, True])
def test_ids_that_look_numeric_but_are_not_decimal_stay_text(relations: bool) -> None:
    # "²".isdigit() is true but int("²") fails: such ids are written as they are, or given fresh numbers
    rec = DocRecord("ab cd", [SpanRecord(0, 2, "PER", ext_id="²"), SpanRecord(3, 5, "ORG", ext_id="7")],
                    links=[LinkRecord("²", "7", "member_of", ext_id="³")], ext_id="²")
    buf = io.StringIO()
    write_doccano([rec], buf, relations=relations)
    obj = json.loads(buf.getvalue())
    assert obj["id"] == "²"
    if relations:
        assert [e["id"] for e in obj["entities"]] == [0, 7]
        assert obj["relations"] == [{"id": 0, "from_id": 0, "to_id": 7, "type": "member_of"}]
