"""Our JSONL: exact round trip (emoji, CRLF, decomposed Vietnamese), bad lines named."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.errors import FormatError
from annotator.export_run import run_export
from annotator.exporting import Selection
from annotator.formats.jsonl import read_jsonl, write_jsonl
from annotator.importing import import_paths
from annotator.model import DocRecord, SpanRecord, SpanState
from annotator.project import Project

PIECES = ["a", "b", " ", "\t", "\n", "ơ", "Đ", "😀", "👩\u200d💻", "ש", "م", "\u200b", "e\u0301", "1", ",", "%"]
texts = st.lists(st.sampled_from(PIECES), min_size=1, max_size=40).map("".join)
LABELS = ["PER", "LOC", "COUNT", "PERCENT", "CLAIM"]


@st.composite
def docs(draw: st.DrawFn) -> DocRecord:
    text = unicodedata.normalize("NFC", draw(texts))
    spans = []
    for _ in range(draw(st.integers(0, 6))):
        a = draw(st.integers(0, len(text) - 1))
        b = draw(st.integers(a + 1, len(text)))
        spans.append(SpanRecord(a, b, draw(st.sampled_from(LABELS))))
    return DocRecord(text=text, spans=spans)


def _key(rec: DocRecord) -> tuple[str, list[tuple[int, int, str]]]:
    return rec.text, sorted((s.start, s.end, s.label) for s in rec.spans)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(docs(), min_size=1, max_size=4))
def test_file_round_trip(tmp_path: Path, records: list[DocRecord]) -> None:
    out = tmp_path / "x.jsonl"
    write_jsonl(records, out)
    back = list(read_jsonl(out))
    assert [_key(r) for r in back] == [_key(r) for r in records]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(docs(), min_size=1, max_size=3, unique_by=lambda d: d.text))
def test_project_round_trip(tmp_path_factory: pytest.TempPathFactory, records: list[DocRecord]) -> None:
    tmp = tmp_path_factory.mktemp("rt")
    src = tmp / "in.jsonl"
    write_jsonl(records, src)
    with Project.create(tmp / "p") as p:
        import_paths(p, [src])
        run_export(p, "jsonl", tmp / "out.jsonl")
    back = list(read_jsonl(tmp / "out.jsonl"))
    want = {r.text: sorted(set((s.start, s.end, s.label) for s in r.spans)) for r in records}
    assert {r.text: sorted((s.start, s.end, s.label) for s in r.spans) for r in back} == want


def test_raw_text_with_crlf_and_decomposed_marks_keeps_span_characters(tmp_path: Path) -> None:
    raw = unicodedata.normalize("NFD", "Ông Lê Hồng Long\r\nnói 😀 ở Sơn La")
    s = raw.index("S")
    line = {"id": "a", "text": raw, "spans": [{"start": s, "end": len(raw), "label": "LOC"},
                                               {"start": 0, "end": raw.index("\r"), "label": "PER"}]}
    f = tmp_path / "in.jsonl"
    f.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    (rec,) = read_jsonl(f)
    assert rec.text == "Ông Lê Hồng Long\nnói 😀 ở Sơn La"
    assert sorted(rec.text[x.start:x.end] for x in rec.spans) == ["Sơn La", "Ông Lê Hồng Long"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"text": "abc"}\n{"text": "abc", "spans": [}\n', "bad.jsonl:2: not valid JSON"),
        ('{"text": 5}\n', 'bad.jsonl:1: "text" is missing'),
        ('{"text": "abc", "spans": [{"start": 1, "end": 9, "label": "PER"}]}\n', "bad.jsonl:1: spans[0] 1-9 PER: outside"),
        ('\n\n{"text": "abc", "spans": [{"start": 2, "end": 2, "label": "PER"}]}\n', "bad.jsonl:3: spans[0] 2-2 PER: empty"),
        ('{"text": "abc", "spans": [{"start": 0, "end": 1, "label": "PER", "text": "b"}]}\n', "does not match"),
        ('{"text": "abc", "spans": [{"start": 0, "label": "PER"}]}\n', "missing 'end'"),
        ('{"text": "abc", "spans": 3}\n', 'bad.jsonl:1: "spans" must be a list'),
        ('{"text": "abc", "links": {"a": 1}}\n', 'bad.jsonl:1: "links" must be a list'),
        ('{"text": "abc", "spans": [{"start": 0, "end": 1, "label": "PER", "attrs": [1]}]}\n',
         "bad.jsonl:1: spans[0]: attrs must be an object"),
    ],
)
def test_bad_lines_are_named(tmp_path: Path, content: str, message: str) -> None:
    f = tmp_path / "bad.jsonl"
    f.write_text(content, encoding="utf-8")
    with pytest.raises(FormatError, match=message.replace("[", r"\[").replace("]", r"\]")):
        list(read_jsonl(f))


def test_binary_file_is_refused(tmp_path: Path) -> None:
    f = tmp_path / "x.jsonl"
    f.write_bytes(b'{"text": "a"}\n\x00\x01\x02')
    with pytest.raises(FormatError, match=r"x.jsonl.*(binary|not a text)"):
        list(read_jsonl(f))


def test_skip_bad_lists_exactly_the_bad_records(tmp_path: Path, project: Project) -> None:
    f = tmp_path / "mixed.jsonl"
    f.write_text('{"text": "Sơn La", "spans": [{"start": 0, "end": 6, "label": "LOC"}]}\n'
                 '{"text": broken\n'
                 '{"text": "abc", "spans": [{"start": 0, "end": 2, "label": "NOPE"}]}\n', encoding="utf-8")
    with pytest.raises(Exception, match="not valid JSON"):
        import_paths(project, [f])
    assert project.documents.count() == 0
    result = import_paths(project, [f], skip_bad=True)
    assert len(result.documents_added) == 1
    assert len(result.skipped) == 2
    assert any("mixed.jsonl:2" in s for s in result.skipped) and any("NOPE" in s for s in result.skipped)


def test_export_selection(demo: Project, tmp_path: Path) -> None:
    run_export(demo, "jsonl", tmp_path / "fig.jsonl", Selection(layers={"figure"}))
    labels = {s.label for r in read_jsonl(tmp_path / "fig.jsonl") for s in r.spans}
    assert labels and labels <= {"COUNT", "PERCENT", "MONEY", "DATE", "DURATION", "RATIO", "MEASURE", "ORDINAL"}
    run_export(demo, "jsonl", tmp_path / "per.jsonl", Selection(labels={"PER"}))
    assert {s.label for r in read_jsonl(tmp_path / "per.jsonl") for s in r.spans} == {"PER"}
    demo.documents.set_status(1, "annotated")
    run_export(demo, "jsonl", tmp_path / "ann.jsonl", Selection(statuses={"annotated"}))
    assert len(list(read_jsonl(tmp_path / "ann.jsonl"))) == 1


def test_suggested_spans_only_when_asked(demo: Project, tmp_path: Path) -> None:
    demo.spans.add_many(1, [SpanRecord(0, 3, "MISC")], origin="suggested", state="suggested")
    run_export(demo, "jsonl", tmp_path / "a.jsonl")
    run_export(demo, "jsonl", tmp_path / "b.jsonl", Selection(states={"accepted", "suggested"}))
    count = [sum(len(r.spans) for r in read_jsonl(tmp_path / n)) for n in ("a.jsonl", "b.jsonl")]
    assert count[1] == count[0] + 1


def test_split_by_document_is_reproducible(tmp_path: Path, project: Project) -> None:
    project.documents.import_records([DocRecord(text=f"document number {i}") for i in range(20)])
    a = run_export(project, "jsonl", tmp_path / "a", split=[0.6, 0.2, 0.2], seed=3)
    b = run_export(project, "jsonl", tmp_path / "b", split=[0.6, 0.2, 0.2], seed=3)
    parts = {n: sorted(r.text for r in read_jsonl(rep.path)) for n, rep in a.items()}
    assert {n: len(v) for n, v in parts.items()} == {"train": 12, "dev": 4, "test": 4}
    assert parts == {n: sorted(r.text for r in read_jsonl(rep.path)) for n, rep in b.items()}
    assert len(set().union(*map(set, parts.values()))) == 20


def test_failed_export_leaves_no_file(tmp_path: Path, demo: Project) -> None:
    out = tmp_path / "out.jsonl"

    def boom(done: int, total: int | None) -> bool:
        return done < 2

    with pytest.raises(Exception, match="cancelled"):
        run_export(demo, "jsonl", out, progress=boom)
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [tmp_path / "demo"] or not any(p.name.startswith(".out") for p in tmp_path.iterdir())


def _records_key(path: Path) -> list[tuple[object, ...]]:
    return [(r.ext_id, r.title, r.text, r.meta, r.status, r.language,
             sorted((s.start, s.end, s.label, s.ext_id, json.dumps(s.attrs, sort_keys=True), str(s.state), s.entity,
                     s.annotator) for s in r.spans),
             sorted((lk.source, lk.target, lk.role) for lk in r.links)) for r in read_jsonl(path)]


@pytest.mark.parametrize(
    "sel",
    [Selection(), Selection(states={"accepted", "suggested"}), Selection(layers={"figure"}),
     Selection(labels={"PER", "CLAIM"}), Selection(source="all"), Selection(source="gold"),
     Selection(annotators={"demo"})],
    ids=["default", "suggested", "figures", "labels", "all", "gold", "annotator"],
)
def test_fast_jsonl_export_gives_the_same_records_as_the_general_path(demo: Project, tmp_path: Path,
                                                                     sel: Selection) -> None:
    from annotator.exporting import project_records

    demo.spans.add_many(1, [SpanRecord(0, 3, "MISC", {"notes": "x"})], origin="suggested", state="suggested")
    text = "Ông Lê Hồng Long 😀 nói hơn 90% ở Sơn La.\tHết"
    for n in range(2):  # documents without links take the fast path; one of them has a gold layer
        doc = demo.documents.add(f"{text} {n}", title=f"t{n}", language="vi", source_url="https://x.org/a")
        demo.spans.add_many(doc, [SpanRecord(4, 16, "PER"), SpanRecord(23, 30, "PERCENT", {"value": "90"}),
                                  SpanRecord(23, 30, "COUNT", state=SpanState.SUGGESTED)])
        if n:
            with demo.operation("test.gold") as op:
                op.update("spans", demo.spans.for_doc(doc)[0].id, {"gold": 1})
    fast = run_export(demo, "jsonl", tmp_path / "fast.jsonl", sel)[""]
    write_jsonl(project_records(demo, sel), tmp_path / "general.jsonl")
    assert _records_key(tmp_path / "fast.jsonl") == _records_key(tmp_path / "general.jsonl")
    assert fast.documents == 4


def test_jsonl_export_keeps_linked_documents_that_share_an_external_id(project: Project, tmp_path: Path) -> None:
    # ids from two source files may repeat ("1" in each); documents with links take the general path
    from annotator.model import LinkRecord

    def rec(text: str) -> DocRecord:
        return DocRecord(text, [SpanRecord(0, 3, "PER", ext_id="a"), SpanRecord(4, 7, "ORG", ext_id="b")],
                         links=[LinkRecord("a", "b", "member_of")], ext_id="1")

    project.documents.import_records([rec("Ann Acm x"), rec("Bob Bcm y")], normalized=True)
    run_export(project, "jsonl", tmp_path / "out.jsonl")
    lines = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(o["id"], o["text"], len(o["links"])) for o in lines] == [("1", "Ann Acm x", 1), ("1", "Bob Bcm y", 1)]
