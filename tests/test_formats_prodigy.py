"""Prodigy JSONL: token_end inclusive, relations, answers ↔ states, bad input, round trips."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_tokens import any_records

from annotator.errors import FormatError
from annotator.formats.prodigy import read_prodigy, write_prodigy
from annotator.model import DocRecord, LinkRecord, SpanRecord, SpanState

TEXT = "Ông Lê Hồng Long nói:\n88,8%  đảng viên 👍🏽 đồng ý."


def at(frag: str) -> tuple[int, int]:
    i = TEXT.index(frag)
    return i, i + len(frag)


REC = DocRecord(
    text=TEXT,
    spans=[
        SpanRecord(*at("Lê Hồng Long"), "PER", {"notes": "n"}, ext_id="per", entity="Lê Hồng Long"),
        SpanRecord(*at("88,8%"), "PERCENT", {"value": "88.8"}, state=SpanState.SUGGESTED, ext_id="pct"),
        SpanRecord(*at("88,8%  đảng viên 👍🏽 đồng ý"), "CLAIM", ext_id="claim"),
        SpanRecord(*at("ng viên"), "ORG"),  # inside the word "đảng"
    ],
    links=[LinkRecord("claim", "pct", "figure", ext_id="L1"), LinkRecord("claim", "per", "entity")],
    title="Phỏng vấn",
    ext_id="d1",
    meta={"k": [1, 2]},
)


def lines(buf: io.StringIO) -> list[dict[str, Any]]:
    return [json.loads(line) for line in buf.getvalue().splitlines()]


def test_write_tokens_spans_relations() -> None:
    buf = io.StringIO()
    report = write_prodigy([REC], buf)
    (task,) = lines(buf)
    toks = task["tokens"]
    # the tokens with their ws flags give back the text; gaps that are not one space are tokens
    assert "".join(t["text"] + (" " if t["ws"] else "") for t in toks) == TEXT
    assert [t["id"] for t in toks] == list(range(len(toks)))
    newline = next(t for t in toks if t["text"] == "\n")
    assert newline.get("disabled") is True
    per = task["spans"][0]
    assert (per["start"], per["end"], per["text"], per["label"]) == (*at("Lê Hồng Long"), "Lê Hồng Long", "PER")
    assert [toks[k]["text"] for k in (per["token_start"], per["token_end"])] == ["Lê", "Long"]  # inclusive
    assert per["attrs"] == {"notes": "n"} and per["id"] == "per" and "state" not in per
    pct = task["spans"][1]
    assert pct["state"] == "suggested" and toks[pct["token_end"]]["text"] == "%"
    assert task["answer"] == "accept"
    assert [s["label"] for s in task["spans"]] == ["PER", "PERCENT", "CLAIM"]
    rel = task["relations"][0]
    assert rel["label"] == "figure" and rel["head"] == task["spans"][2]["token_end"]
    assert rel["child"] == pct["token_end"] and rel["child_span"]["start"] == pct["start"]
    assert task["meta"] == {"title": "Phỏng vấn"}
    assert task["_annotator"]["unaligned"][0]["label"] == "ORG"
    assert len(report.problems) == 1 and "ORG" in report.problems[0] and "token boundaries" in report.problems[0]
    assert report.spans == 4 and report.links == 2


def test_without_tokens_every_span_is_written() -> None:
    buf = io.StringIO()
    report = write_prodigy([REC], buf, with_tokens=False)
    (task,) = lines(buf)
    assert "tokens" not in task and len(task["spans"]) == 4 and "token_start" not in task["spans"][0]
    assert report.problems == []
    assert "head" not in task["relations"][0] and "head_span" in task["relations"][0]


@pytest.mark.parametrize(
    ("states", "answer"),
    [([], "accept"), ([SpanState.REJECTED], "reject"), ([SpanState.REJECTED, SpanState.ACCEPTED], "accept"),
     ([SpanState.SUGGESTED], "accept")],
)
def test_answer_follows_the_states(states: list[SpanState], answer: str) -> None:
    buf = io.StringIO()
    write_prodigy([DocRecord("a b c", [SpanRecord(0, 1, "PER", state=s) for s in states])], buf)
    assert lines(buf)[0]["answer"] == answer
    back = next(read_prodigy(io.BytesIO(buf.getvalue().encode())))
    assert [s.state for s in back.spans] == states


TOKENS = [{"text": "Ana", "start": 0, "end": 3, "id": 0, "ws": True},
          {"text": "Lima", "start": 4, "end": 8, "id": 1, "ws": True},
          {"text": "works", "start": 9, "end": 14, "id": 2, "ws": False}]


@pytest.mark.parametrize(
    ("task", "expected"),
    [
        ({"text": "Ana Lima works", "spans": [{"start": 0, "end": 8, "label": "PER"}]},
         [(0, 8, "PER", SpanState.ACCEPTED)]),
        ({"text": "Ana Lima works", "tokens": TOKENS, "spans": [{"token_start": 0, "token_end": 1, "label": "PER"}],
          "answer": "reject"}, [(0, 8, "PER", SpanState.REJECTED)]),
        ({"text": "Ana Lima works", "tokens": TOKENS,
          "spans": [{"start": 4, "end": 8, "token_start": 1, "token_end": 1, "label": "PER", "text": "Lima"}],
          "answer": "ignore"}, [(4, 8, "PER", SpanState.SUGGESTED)]),
        ({"text": "a\r\nLima", "spans": [{"start": 3, "end": 7, "label": "LOC", "text": "Lima"}]},
         [(2, 6, "LOC", SpanState.ACCEPTED)]),
        ({"text": "cafe\u0301 x", "spans": [{"start": 0, "end": 5, "label": "ORG"}]},
         [(0, 4, "ORG", SpanState.ACCEPTED)]),
        ({"text": "😀 Ana", "spans": [{"start": 2, "end": 5, "label": "PER", "text": "Ana"}]},
         [(2, 5, "PER", SpanState.ACCEPTED)]),
    ],
)
def test_read_table(task: dict[str, Any], expected: list[tuple[int, int, str, SpanState]]) -> None:
    (rec,) = read_prodigy(io.BytesIO(json.dumps(task).encode()))
    assert [(s.start, s.end, s.label, s.state) for s in rec.spans] == expected


def test_read_relations_from_prodigy_tasks() -> None:
    task = {"text": "Ana Lima works", "tokens": TOKENS, "answer": "accept",
            "spans": [{"start": 0, "end": 3, "token_start": 0, "token_end": 0, "label": "PER"},
                      {"start": 4, "end": 8, "token_start": 1, "token_end": 1, "label": "LOC"}],
            "relations": [{"head": 0, "child": 1, "label": "LIVES_IN"},
                          {"head": 1, "child": 0, "label": "X",
                           "head_span": {"start": 4, "end": 8, "token_start": 1, "token_end": 1, "label": "LOC"},
                           "child_span": {"start": 0, "end": 3, "token_start": 0, "token_end": 0, "label": "PER"}},
                          {"head": 2, "child": 0, "label": "DEP"}]}
    problems: list[str] = []
    (rec,) = read_prodigy(io.BytesIO(json.dumps(task).encode()), problems=problems)
    ids = {s.ext_id: (s.start, s.end) for s in rec.spans}
    assert [(ids[lk.source], ids[lk.target], lk.role) for lk in rec.links] == [
        ((0, 3), (4, 8), "LIVES_IN"), ((4, 8), (0, 3), "X")]
    assert len(problems) == 1 and "DEP" in problems[0] and ":1:" in problems[0]
    assert rec.meta == {"prodigy_answer": "accept"}


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"text": "Ana Lima", "spans": [{"start": 0, "end": 9, "label": "PER"}]}', "outside the text"),
        ('{"text": "Ana Lima", "spans": [{"start": 0, "end": 3, "label": "PER", "text": "Lim"}]}', "the file says"),
        ('{"text": "Ana Lima", "spans": [{"start": 0, "end": 3}]}', "missing label"),
        ('{"text": "Ana Lima works", "tokens": ' + json.dumps(TOKENS)
         + ', "spans": [{"start": 0, "end": 8, "token_start": 0, "token_end": 2, "label": "PER"}]}', "inclusive"),
        ('{"text": "a", "answer": "maybe"}', "answer"),
        ('{"spans": []}', '"text"'),
        ('{"text": "a", "spans": [', "broken JSON"),
        ('{"text": "a", "spans": [{"start": 0, "end": 1, "label": "X", "state": "odd"}]}', "unknown state"),
        ('{"text": "a", "answer": {"a": 1}}', "answer"),
        ('{"text": "a", "spans": 3}', '"spans" must be a list'),
        ('{"text": "a", "relations": 3}', '"relations" must be a list'),
        ('{"text": "a", "_annotator": {"links": 3}}', '"_annotator.links" must be a list'),
        ('{"text": "a", "_annotator": {"meta": 3}}', '"_annotator.meta" must be an object'),
        ('{"text": "a", "tokens": [1]}', '"tokens" must be a list of objects'),
    ],
)
def test_bad_input_names_file_and_line(line: str, message: str, tmp_path: Path) -> None:
    f = tmp_path / "tasks.jsonl"
    f.write_text('{"text": "fine"}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(FormatError) as err:
        list(read_prodigy(f))
    assert (err.value.path, err.value.line) == (str(f), 2)
    assert message in str(err.value)
    errors: list[FormatError] = []
    good = list(read_prodigy(f, errors=errors))
    assert [r.text for r in good] == ["fine"] and len(errors) == 1 and errors[0].line == 2


def test_write_to_a_path_is_atomic(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    report = write_prodigy([REC], out)
    assert report.files == [str(out)] and out.read_text(encoding="utf-8").count("\n") == 1

    def records():  # noqa: ANN202
        yield REC
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_prodigy(records(), out)
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]
    assert out.read_text(encoding="utf-8").count("\n") == 1


def _key(r: DocRecord) -> tuple[Any, ...]:
    spans = sorted((s.start, s.end, s.label, str(s.state), sorted(s.attrs.items()), s.ext_id or "", s.entity or "")
                   for s in r.spans)
    return r.text, spans, sorted((lk.source, lk.target, lk.role, lk.ext_id or "") for lk in r.links)


@given(recs=st.lists(any_records(), min_size=1, max_size=3), with_tokens=st.booleans())
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_round_trip_exact(recs: list[DocRecord], with_tokens: bool) -> None:
    buf = io.StringIO()
    report = write_prodigy(recs, buf, with_tokens=with_tokens)
    back = list(read_prodigy(io.BytesIO(buf.getvalue().encode("utf-8"))))
    assert [_key(r) for r in back] == [_key(r) for r in recs]
    # a link that cannot be a Prodigy relation is reported (and kept under _annotator)
    relations = sum(len(task.get("relations", [])) for task in lines(buf))
    unwritten = sum("not written as a relation" in p for p in report.problems)
    assert relations + unwritten == sum(len(r.links) for r in recs)
    if with_tokens:
        for task in lines(buf):
            toks = task["tokens"]
            assert "".join(t["text"] + (" " if t["ws"] else "") for t in toks) == task["text"]
            for sp in task["spans"]:
                assert toks[sp["token_start"]]["start"] == sp["start"]
                assert toks[sp["token_end"]]["end"] == sp["end"]
