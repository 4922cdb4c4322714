"""Label Studio JSON: offsets in code points (UTF-16 for old exports), annotations and predictions,
relations, the task template that gives the same tasks back, errors, hypothesis round trip."""

from __future__ import annotations

import copy
import io
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.errors import FormatError
from annotator.formats.labelstudio import labelstudio_task, read_labelstudio, write_labelstudio
from annotator.model import DocRecord, LinkRecord, SpanRecord, SpanState
from annotator.offsets import OffsetMap
from annotator.textnorm import normalize

TEXT = "🐱 Warning: Bộ Y tế 👍 báo cáo 88,8% ở Hà Nội."
HN = TEXT.index("Hà Nội")
BYT = TEXT.index("Bộ Y tế")
PCT = TEXT.index("88,8%")


def region(rid: str, start: int, end: int, labels: list[str], text: str | None = None, **extra: Any) -> dict[str, Any]:
    value: dict[str, Any] = {"start": start, "end": end, "labels": labels}
    if text is not None:
        value["text"] = text
    return {"id": rid, "from_name": "ner", "to_name": "doc", "type": "labels", "value": value, **extra}


def export_task() -> dict[str, Any]:
    """A task shaped like a Label Studio 1.x JSON export (fields as Label Studio writes them)."""
    return {
        "id": 12,
        "annotations": [{
            "id": 7,
            "completed_by": {"id": 1, "email": "an@example.org", "first_name": "", "last_name": ""},
            "result": [
                region("r1", BYT, BYT + 7, ["ORG"], "Bộ Y tế", origin="manual"),
                region("r2", HN, HN + 6, ["LOC", "GPE"], "Hà Nội", origin="manual", meta={"text": ["thủ đô"]}),
                region("r3", PCT, PCT + 5, ["PERCENT"], "88,8%", origin="prediction-changed"),
                {"from_id": "r1", "to_id": "r3", "type": "relation", "direction": "right", "labels": ["reports"]},
                {"from_id": "r3", "to_id": "r2", "type": "relation", "direction": "left", "labels": []},
                {"id": "r3", "from_name": "value", "to_name": "doc", "type": "textarea",
                 "value": {"start": PCT, "end": PCT + 5, "text": ["88.8"]}, "origin": "manual"},
                {"id": "c1", "from_name": "topic", "to_name": "doc", "type": "choices",
                 "value": {"choices": ["health"]}, "origin": "manual"},
            ],
            "reviews": [], "was_cancelled": False, "ground_truth": False,
            "created_at": "2024-05-01T10:00:00.000000Z", "updated_at": "2024-05-01T10:05:00.000000Z",
            "lead_time": 42.5, "prediction": {}, "result_count": 0, "task": 12, "parent_prediction": 3,
        }, {
            "id": 8, "completed_by": 2, "result": [region("x9", HN, HN + 6, ["LOC"], "Hà Nội")],
            "was_cancelled": False, "ground_truth": True,
        }],
        "predictions": [{
            "id": 3, "model_version": "ner-v2", "score": 0.61,
            "result": [region("r3", PCT, PCT + 5, ["PERCENT"], score=0.9),
                       region("p2", 0, 1, ["EMOJI"], score=0.2)],
            "created_at": "2024-04-30T09:00:00.000000Z", "task": 12,
        }],
        "data": {"doc": TEXT, "url": "https://vov.vn/a.html"},
        "meta": {}, "created_at": "2024-04-30T09:00:00.000000Z", "updated_at": "2024-05-01T10:05:00.000000Z",
        "inner_id": 12, "total_annotations": 2, "cancelled_annotations": 0, "total_predictions": 1,
        "project": 4, "updated_by": 1, "file_upload": "abc-news.json",
    }


def read_one(tasks: Any, **kw: Any) -> DocRecord:
    (rec,) = read_labelstudio(io.BytesIO(json.dumps(tasks, ensure_ascii=False).encode("utf-8")), **kw)
    return rec


def canon(task: dict[str, Any]) -> dict[str, Any]:
    """A task with each result list in a fixed order, to compare exports."""
    t = copy.deepcopy(task)
    for key in ("annotations", "predictions"):
        for c in t.get(key, []):
            c["result"] = sorted(c["result"], key=lambda r: json.dumps(r, sort_keys=True, ensure_ascii=False))
    return t


# ---- reading a Label Studio export -------------------------------------------------------------


def test_export_reads_with_code_point_offsets() -> None:
    rec = read_one([export_task()])
    assert rec.text == TEXT and rec.ext_id == "12"
    got = [(rec.text[sp.start:sp.end], sp.label, sp.state, sp.ext_id, sp.attrs) for sp in rec.spans]
    acc, sug = SpanState.ACCEPTED, SpanState.SUGGESTED
    assert got == [
        ("Bộ Y tế", "ORG", acc, "r1", {}),
        ("Hà Nội", "LOC", acc, "r2", {"notes": "thủ đô"}),
        ("Hà Nội", "GPE", acc, "r2#1", {"notes": "thủ đô"}),
        ("88,8%", "PERCENT", acc, "r3", {}),
        ("Hà Nội", "LOC", acc, "x9", {}),  # the second annotator's span
        ("88,8%", "PERCENT", sug, "r3@2", {}),  # a prediction re-using a region id
        ("🐱", "EMOJI", sug, "p2", {}),
    ]
    assert [(lk.source, lk.target, lk.role) for lk in rec.links] == [("r1", "r3", "reports"), ("r2", "r3", "")]


def test_export_gives_the_same_tasks_back() -> None:
    task = export_task()
    rec = read_one([task])
    out, problems = labelstudio_task(rec)
    assert problems == []
    expected = copy.deepcopy(task)
    # the one change: a 'left' relation is written turned round, as 'right'
    rel = expected["annotations"][0]["result"][4]
    rel.update({"from_id": "r2", "to_id": "r3", "direction": "right"})
    for pred in expected["predictions"][0]["result"]:  # the writer states each region's text
        pred["value"]["text"] = TEXT[pred["value"]["start"]:pred["value"]["end"]]
    assert canon(out) == canon(expected)
    assert read_one([out]).spans == rec.spans


def test_write_labelstudio_streams_a_json_list(tmp_path: Path) -> None:
    recs = [read_one([export_task()]), DocRecord(text="Huế", title="Tin", spans=[SpanRecord(0, 3, "LOC")])]
    path = tmp_path / "tasks.json"
    report = write_labelstudio(recs, path)
    assert (report.documents, report.spans, report.links, report.problems) == (2, 8, 2, [])
    tasks = json.loads(path.read_text(encoding="utf-8"))
    assert len(tasks) == 2
    assert tasks[1] == {"data": {"text": "Huế", "title": "Tin"}, "predictions": [], "annotations": [{"result": [
        {"id": "s1", "from_name": "label", "to_name": "text", "type": "labels",
         "value": {"start": 0, "end": 3, "text": "Huế", "labels": ["LOC"]}}]}]}
    again = list(read_labelstudio(path))
    assert [r.spans for r in again] == [r.spans for r in [recs[0]]] + [again[1].spans]
    assert again[1].title == "Tin"


def test_utf16_offsets_of_old_exports_are_detected() -> None:
    om = OffsetMap(TEXT)
    s16, e16 = om.span_to_utf16(HN, HN + 6)
    assert (s16, e16) == (HN + 2, HN + 8)  # two emoji before: two extra UTF-16 units
    old = {"data": {"text": TEXT}, "annotations": [{"result": [
        region("w", 3, 10, ["X"], "Warning"),  # after the emoji: fits UTF-16 units only
        region("a", s16, e16, ["LOC"], "Hà Nội"), region("b", 0, 2, ["EMOJI"])]}]}
    rec = read_one([old])
    assert [(rec.text[sp.start:sp.end], sp.label) for sp in rec.spans] == [
        ("Warning", "X"), ("Hà Nội", "LOC"), ("🐱", "EMOJI")]
    # a region before the first emoji fits both units and decides nothing
    text2 = "Bộ Y tế 👍 ở Hà Nội"
    both = {"data": {"text": text2}, "annotations": [{"result": [
        region("b", 0, 7, ["ORG"], "Bộ Y tế"), region("h", 13, 19, ["LOC"], "Hà Nội")]}]}
    rec2 = read_one([both])
    assert [rec2.text[sp.start:sp.end] for sp in rec2.spans] == ["Bộ Y tế", "Hà Nội"]
    assert rec2.meta["labelstudio"]["unit"] == "utf16"
    assert rec.meta["labelstudio"]["unit"] == "utf16"
    with pytest.raises(FormatError, match="value.text|outside"):
        read_one([old], offsets="codepoint")
    (u16,) = [read_one([old], offsets="utf16")]
    assert u16.spans == rec.spans


def test_writing_utf16_offsets_for_an_old_label_studio() -> None:
    rec = DocRecord(text=TEXT, spans=[SpanRecord(HN, HN + 6, "LOC")])
    task, _ = labelstudio_task(rec, offsets="utf16")
    value = task["annotations"][0]["result"][0]["value"]
    assert (value["start"], value["end"]) == (HN + 2, HN + 8)
    assert TEXT.encode("utf-16-le")[2 * value["start"]:2 * value["end"]].decode("utf-16-le") == "Hà Nội"
    assert read_one([task], offsets="utf16").spans[0].start == HN


def test_crlf_and_decomposed_task_text() -> None:
    raw = "Dòng\r\nHo\u0302\u0300ng \U0001f600 Sơn La"
    s, sl = raw.index("Ho"), raw.index("Sơn")
    task = {"data": {"text": raw}, "annotations": [{"result": [
        region("a", s, s + 6, ["PER"], raw[s:s + 6]), region("b", sl, sl + 6, ["LOC"], "Sơn La"),
        {"id": "a", "from_name": "f", "to_name": "doc", "type": "textarea", "value": {"start": s, "end": s + 6, "text": ["x"]}},
    ]}]}
    rec = read_one([task])
    assert rec.text == normalize(raw).text
    assert [rec.text[sp.start:sp.end] for sp in rec.spans] == ["Hồng", "Sơn La"]
    out, _ = labelstudio_task(rec)
    result = out["annotations"][0]["result"]
    assert [r["value"]["start"] for r in result] == [rec.spans[0].start, rec.spans[1].start, rec.spans[0].start]


def test_task_list_as_jsonl_and_a_single_task() -> None:
    body = "\n".join(json.dumps({"data": {"text": t}, "annotations": []}) for t in ("a", "b"))
    assert [r.text for r in read_labelstudio(io.BytesIO(body.encode()))] == ["a", "b"]
    assert read_one({"data": {"body": "only string"}}).text == "only string"


# ---- errors ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("task", "message"),
    [
        ({"data": {"text": "Huế"}, "annotations": [{"result": [region("a", 0, 3, ["L"], "Hue")]}]}, "value.text"),
        ({"data": {"text": "Huế"}, "annotations": [{"result": [region("a", 0, 9, ["L"])]}]}, "outside"),
        ({"data": {"text": "Huế"}, "annotations": [{"result": [region("a", 0, 3, [])]}]}, "no labels"),
        ({"data": {"text": "Huế"}, "annotations": [{"result": [
            region("a", 0, 3, ["L"]), {"from_id": "a", "to_id": "zz", "type": "relation"}]}]}, "zz"),
        ({"annotations": []}, "'data'"),
        ({"data": {"a": "x", "b": "y"}}, "text_key"),
        ({"data": {"text": "x"}, "annotations": {"result": []}}, "must be a list"),
        ({"data": {"text": "x"}, "annotations": [{"result": [5]}]}, "must be an object"),
        (["not", "a", "task"], "task object"),
    ],
)
def test_bad_tasks_name_file_and_line(tmp_path: Path, task: Any, message: str) -> None:
    path = tmp_path / "ls.json"
    good = {"data": {"text": "ok"}, "annotations": []}
    path.write_text("[\n" + json.dumps(good) + ",\n" + json.dumps(task, ensure_ascii=False) + "\n]", encoding="utf-8")
    with pytest.raises(FormatError, match=message) as info:
        list(read_labelstudio(path))
    assert (info.value.path, info.value.line) == (str(path), 3)
    errors: list[FormatError] = []
    assert [r.text for r in read_labelstudio(path, errors=errors)] == ["ok"]
    assert [e.line for e in errors] == [3]


def test_broken_json_is_a_format_error(tmp_path: Path) -> None:
    path = tmp_path / "ls.json"
    path.write_text('[{"data": {"text": "a"}},\n{"data": ', encoding="utf-8")
    with pytest.raises(FormatError, match="broken JSON") as info:
        list(read_labelstudio(path))
    assert info.value.path == str(path)


# ---- writing: what Label Studio cannot carry is reported ---------------------------------------


def test_problems_are_reported() -> None:
    rec = DocRecord(text="88,8% ở Hà Nội", ext_id="d", spans=[
        SpanRecord(0, 5, "PERCENT", attrs={"value": "88.8", "notes": "kept"}, ext_id="a"),
        SpanRecord(8, 14, "LOC", state=SpanState.SUGGESTED, attrs={"fragments": [[8, 10], [11, 14]]},
                   entity="Hà Nội", ext_id="b"),
        SpanRecord(0, 2, "X", state=SpanState.REJECTED),
    ], links=[LinkRecord("a", "b", "in"), LinkRecord("a", "zz", "in")])
    task, problems = labelstudio_task(rec)
    joined = "\n".join(problems)
    for expected in ("attributes value", "discontinuous", "entity name", "rejected", "different annotations", "zz"):
        assert expected in joined
    assert task["annotations"][0]["result"][0]["meta"] == {"text": ["kept"]}
    assert task["predictions"][0]["model_version"] == "annotator"


def test_config_names_and_failed_export(tmp_path: Path) -> None:
    rec = DocRecord(text="Huế", spans=[SpanRecord(0, 3, "LOC")])
    task, _ = labelstudio_task(rec, from_name="ner", to_name="body", text_key="body")
    assert task["data"] == {"body": "Huế"}
    assert {task["annotations"][0]["result"][0][k] for k in ("from_name", "to_name")} == {"ner", "body"}
    target = tmp_path / "out.json"

    def failing() -> Iterator[DocRecord]:
        yield rec
        raise RuntimeError("cancelled")

    with pytest.raises(RuntimeError):
        write_labelstudio(failing(), target)
    assert os.listdir(tmp_path) == []


# ---- hypothesis round trip ---------------------------------------------------------------------

ATOMS = ["a", "B", " ", "\t", "\r\n", "\n", "e\u0301", "ệ", "Đ", "\U0001f600", "\U0001f44d\U0001f3fd",
         "\U0001f468\u200d\U0001f469\u200d\U0001f467", "\u05e9\u05dc", "\u0645", "\u200b", "\u200c", "\u2028", "9"]


@st.composite
def records(draw: st.DrawFn) -> DocRecord:
    text = normalize("".join(draw(st.lists(st.sampled_from(ATOMS), min_size=1, max_size=30)))).text
    n = len(text)
    spans = []
    for k in range(draw(st.integers(0, 8))):
        s = draw(st.integers(0, n - 1))
        e = draw(st.integers(s + 1, n))
        state = draw(st.sampled_from([SpanState.ACCEPTED, SpanState.SUGGESTED]))
        attrs = {"notes": "ghi chú"} if draw(st.booleans()) else {}
        spans.append(SpanRecord(s, e, draw(st.sampled_from(["PER", "LOC"])), attrs=attrs, state=state, ext_id=f"s{k}"))
    links = []
    for _ in range(draw(st.integers(0, 3)) if spans else 0):
        a = draw(st.sampled_from(spans))
        b = draw(st.sampled_from([sp for sp in spans if sp.state == a.state]))
        links.append(LinkRecord(a.ext_id or "", b.ext_id or "", draw(st.sampled_from(["r", "ở", ""]))))
    return DocRecord(text=text, spans=spans, links=links)


def key(rec: DocRecord) -> tuple[str, list[Any], list[Any]]:
    at = {sp.ext_id: (sp.start, sp.end, sp.label, sp.state) for sp in rec.spans}
    return (rec.text,
            sorted((sp.start, sp.end, sp.label, sp.state, sorted(sp.attrs.items())) for sp in rec.spans),
            sorted((at[lk.source], at[lk.target], lk.role) for lk in rec.links))


@settings(max_examples=80, deadline=None)
@given(st.lists(records(), min_size=1, max_size=3), st.sampled_from(["codepoint", "utf16"]))
def test_write_then_read_gives_the_same_text_spans_and_links(recs: list[DocRecord], unit: str) -> None:
    buf = io.StringIO()
    report = write_labelstudio(recs, buf, offsets=unit)  # type: ignore[arg-type]
    assert report.problems == []
    back = list(read_labelstudio(io.BytesIO(buf.getvalue().encode("utf-8")), offsets=unit))  # type: ignore[arg-type]
    assert [key(r) for r in back] == [key(r) for r in recs]
    # and a second round gives the very same JSON
    again = io.StringIO()
    write_labelstudio(back, again, offsets=unit)  # type: ignore[arg-type]
    assert json.loads(again.getvalue()) == json.loads(buf.getvalue())
