"""brat standoff: the tutorial collection round trip, discontinuous spans, CRLF, errors, hypothesis."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.errors import FormatError
from annotator.formats.base import FRAGMENTS
from annotator.formats.brat import brat_ann, brat_labels, read_brat, read_brat_conf, write_brat
from annotator.model import DocRecord, Layer, LinkRecord, SpanRecord, SpanState
from annotator.textnorm import normalize

TUTORIAL = Path(__file__).parent / "data" / "brat_news_tutorial"


def canonical(ann_text: str) -> Counter[tuple[object, ...]]:
    """The annotations of a .ann file as brat defines them, ids of A/N/# lines left out."""
    out: Counter[tuple[object, ...]] = Counter()
    for line in ann_text.split("\n"):
        if not line.strip():
            continue
        ident, rest = line.split("\t", 1)
        data, tail = rest.split("\t", 1) if "\t" in rest else (rest, "")
        kind = ident[0]
        tokens = data.split(" ")
        if kind == "T":
            frags = tuple(tuple(int(x) for x in f.split()) for f in data.split(" ", 1)[1].split(";"))
            out[("T", ident, tokens[0], frags, tail)] += 1
        elif kind == "R":
            out[("R", ident, tokens[0], tuple(tokens[1:]), tail)] += 1
        elif kind == "E":
            out[("E", ident, tokens[0], tuple(sorted(tokens[1:])))] += 1
        elif kind in "AM":
            out[("A", tokens[0], tokens[1], " ".join(tokens[2:]) or True)] += 1
        elif kind == "N":
            out[("N", *tokens, tail)] += 1
        elif kind == "#":
            out[("#", *tokens, tail)] += 1
        elif kind == "*":
            out[("*", tokens[0], tuple(sorted(tokens[1:])))] += 1
        else:  # pragma: no cover - the tutorial has no other kinds
            raise AssertionError(line)
    return out


def docs_in(folder: Path) -> list[str]:
    return sorted(p.stem for p in folder.glob("*.txt"))


# ---- the brat tutorial collection --------------------------------------------------------------


def test_tutorial_imports_every_annotation() -> None:
    recs = {r.ext_id: r for r in read_brat(TUTORIAL)}
    assert sorted(recs) == docs_in(TUTORIAL)
    intro = recs["000-introduction"]
    assert intro.text == (TUTORIAL / "000-introduction.txt").read_text(encoding="utf-8")
    spans = {sp.ext_id: sp for sp in intro.spans}
    assert (spans["T1"].start, spans["T1"].end, spans["T1"].label) == (418, 426, "Organization")
    assert intro.text[418:426] == "Citibank"
    assert spans["T2"].attrs == {"notes": "100000000 USD"}
    assert spans["T4"].attrs == {"Mention": "Name", "Individual": True}
    assert spans["T5"].attrs == {"Mention": "Nominal", "Individual": True, "normalized": "Wikipedia:64488"}
    assert spans["T5"].entity == "Carlos Salinas de Gortari"
    assert {(lk.source, lk.target, lk.role, lk.ext_id) for lk in intro.links} == {
        ("T6", "T7", "Origin", "R2"), ("T4", "T5", "Family", "R1")}
    assert intro.meta["brat"]["lines"] == [
        "E1\tTransfer-money:T3 Giver-Arg:T1 Money-Arg:T2 Beneficiary-Arg:T4 Recipient-Arg:T6",
        "A5\tConfidence E1 High",
    ]
    notes = recs["110-note_annotation"]
    kept = notes.meta["brat"]["lines"]
    assert "#3\tAnnotatorNotes R1\tShould this be marked? It's not explicitly stated." in kept
    assert any(line.startswith("*\tAlias") for line in recs["060-relation_annotation"].meta["brat"]["lines"])
    total_t = sum(len(r.spans) for r in recs.values())
    assert total_t == sum(line.startswith("T") for p in TUTORIAL.glob("*.ann")
                          for line in p.read_text(encoding="utf-8").split("\n"))


def test_tutorial_exports_back_to_the_same_annotations(tmp_path: Path) -> None:
    out = tmp_path / "export"
    report = write_brat(read_brat(TUTORIAL), out)
    assert report.problems == []
    assert report.documents == len(docs_in(TUTORIAL))
    assert docs_in(out) == docs_in(TUTORIAL)
    for stem in docs_in(TUTORIAL):
        assert (out / f"{stem}.txt").read_bytes() == (TUTORIAL / f"{stem}.txt").read_bytes()
        original = canonical((TUTORIAL / f"{stem}.ann").read_text(encoding="utf-8"))
        exported = canonical((out / f"{stem}.ann").read_text(encoding="utf-8"))
        assert exported == original, stem
    # and the export reads back to the same records
    again = list(read_brat(out))
    first = list(read_brat(TUTORIAL))
    assert [(r.text, r.spans, r.links, r.meta["brat"] if "brat" in r.meta else None) for r in again] == [
        (r.text, r.spans, r.links, r.meta["brat"] if "brat" in r.meta else None) for r in first]
    conf = read_brat_conf(out)
    assert {"Person", "Organization", "GPE", "Money"} <= set(conf.entities)
    assert {"Merge-org", "Report", "Transfer-money"} <= set(conf.events)
    assert {"Family", "Origin", "Located", "Employment", "Alias"} <= set(conf.relations)
    assert conf.attributes["Confidence"] == ("High", "Low", "Neutral")


def test_conf_line_outside_a_known_section_is_named(tmp_path: Path) -> None:
    (tmp_path / "annotation.conf").write_text("# types\n\n[entities]\nPerson\n[colours]\nRed\n", encoding="utf-8")
    with pytest.raises(FormatError, match=r"annotation.conf:6: line outside a known section \(\[colours\]\)"):
        read_brat_conf(tmp_path)


def test_annotation_conf_gives_labels_for_a_schema() -> None:
    conf = read_brat_conf(TUTORIAL)
    names = [lab.name for lab in conf.labels]
    assert names[:4] == ["Person", "Organization", "GPE", "Money"]
    assert "Merge-org" in names and "Report" in names
    assert "Life" not in names and "Transaction" not in names  # '!' types only group others
    assert all(lab.layer == Layer.ENTITY for lab in conf.labels)
    colours = {lab.name: lab.color for lab in conf.labels}
    assert colours["Person"] == "#ff821c" and colours["Money"] == "#007000"  # from visual.conf
    assert conf.relations[:2] == ["Located", "Geographical_part"]
    assert conf.attributes["Mention"] == ("Name", "Nominal", "Other")
    assert conf.attributes["Individual"] == ()
    assert brat_labels(TUTORIAL / "annotation.conf") == conf.labels
    from annotator.schema import default_schema

    schema = default_schema().with_labels(conf.labels)
    assert schema.has_label("Merge-org")


# ---- discontinuous spans, CRLF, decomposed text ------------------------------------------------


def write_doc(folder: Path, stem: str, text: bytes, ann: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{stem}.txt").write_bytes(text)
    (folder / f"{stem}.ann").write_text(ann, encoding="utf-8")


def test_discontinuous_span_is_one_span_with_fragments(tmp_path: Path) -> None:
    text = "Hà Nội và TP. Hồ Chí Minh"
    ann = "T1\tLOC 0 2;7 9\tHà và\nT2\tLOC 10 25\tTP. Hồ Chí Minh\nA1\tCity T1\n"
    write_doc(tmp_path / "in", "d", text.encode("utf-8"), ann)
    (rec,) = read_brat(tmp_path / "in")
    sp = rec.spans[0]
    assert (sp.start, sp.end, sp.attrs) == (0, 9, {FRAGMENTS: [[0, 2], [7, 9]], "City": True})
    out_ann, problems = brat_ann(rec)
    assert problems == []
    assert canonical(out_ann) == canonical(ann)


def test_crlf_and_decomposed_text_keep_spans_on_their_characters(tmp_path: Path) -> None:
    raw = "Dòng một\r\nHo\u0302\u0300ng Ha\u0300 \U0001f600 Sơn La\r\n"
    start = raw.index("Ho")
    end = raw.index(" \U0001f600")
    sl = raw.index("Sơn")
    ann = (f"T1\tPER {start} {end}\t{raw[start:end]}\nT2\tLOC {sl} {sl + 6}\tSơn La\n"
           f"T3\tMISC 0 {sl + 6}\t{raw[:sl + 6].replace(chr(13) + chr(10), '  ')}\n")
    write_doc(tmp_path / "in", "d", raw.encode("utf-8"), ann)
    (rec,) = read_brat(tmp_path / "in")
    assert rec.text == normalize(raw).text
    got = {sp.ext_id: rec.text[sp.start:sp.end] for sp in rec.spans}
    assert got == {"T1": "Hồng Hà", "T2": "Sơn La", "T3": normalize(raw[:sl + 6]).text}
    write_brat([rec], tmp_path / "out")
    (back,) = read_brat(tmp_path / "out")
    assert (back.text, back.spans) == (rec.text, rec.spans)
    assert (tmp_path / "out" / "d.txt").read_bytes() == rec.text.encode("utf-8")


def test_cp1258_text_file(tmp_path: Path) -> None:
    def to_cp1258(t: str) -> bytes:
        import unicodedata

        tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
        out = bytearray()
        for ch in t:
            d = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in d if c not in tones))
            out += base.encode("cp1258") + "".join(c for c in d if c in tones).encode("cp1258")
        return bytes(out)

    text = "Đảng bộ tỉnh Sơn La"
    raw = to_cp1258(text).decode("cp1258")  # what is in the file, tone marks apart
    s = raw.index("S")
    write_doc(tmp_path, "d", to_cp1258(text), f"T1\tLOC {s} {len(raw)}\t{raw[s:]}\n")
    (rec,) = read_brat(tmp_path / "d.txt")
    assert rec.text == text
    assert rec.text[rec.spans[0].start:rec.spans[0].end] == "Sơn La"


# ---- errors ------------------------------------------------------------------------------------

TEXT = "Alice met Bob in Hà Nội."


@pytest.mark.parametrize(
    ("ann", "line", "message"),
    [
        ("T1\tPER 0 5\tAlice\nT2 PER 10 13 Bob\n", 2, "tab"),
        ("T1\tPER 0 5\tAlice\nT2\tPER 10 99\tBob\n", 2, "outside"),
        ("T1\tPER 5 0\tAlice\n", 1, "empty or reversed"),
        ("T1\tPER 0 x\tAlice\n", 1, "bad offsets"),
        ("T1\tPER 0 ⁵\tAlice\n", 1, "bad offsets"),  # a digit to isdigit, not to int
        ("T1\tPER 0 5\tAlicia\n", 1, "text column"),
        ("T1\tPER 1 6\tAlice\n", 1, "text column"),
        ("T1\tPER 0 5\tAlice\nT1\tPER 10 13\tBob\n", 2, "duplicate"),
        ("T1\tPER 0 5\tAlice\nR1\tKnows Arg1:T1 Arg2:T9\t\n", 2, "T9"),
        ("T1\tPER 0 5\tAlice\nX1\tfoo\n", 2, "unknown annotation kind"),
        ("T1\tPER 0 5\tAlice\nR1\tKnows Arg1:T1\t\n", 2, "two"),
        ("T1\tPER 0 5\tAlice\nN1\tReference T1 nocolon\tx\n", 2, "DB:ID"),
        ("T1\tPER\tAlice\n", 1, "TYPE START END"),
        ("1x\tPER 0 5\tAlice\n", 1, "not an annotation id"),
    ],
)
def test_bad_ann_lines_name_file_and_line(tmp_path: Path, ann: str, line: int, message: str) -> None:
    write_doc(tmp_path, "d", TEXT.encode("utf-8"), ann)
    with pytest.raises(FormatError, match=message) as info:
        list(read_brat(tmp_path))
    assert info.value.path == str(tmp_path / "d.ann")
    assert info.value.line == line


def test_skip_mode_lists_the_bad_documents(tmp_path: Path) -> None:
    write_doc(tmp_path, "a", TEXT.encode("utf-8"), "T1\tPER 0 5\tAlice\n")
    write_doc(tmp_path, "b", TEXT.encode("utf-8"), "T1\tPER 0 5\tAlicia\n")
    (tmp_path / "c.txt").write_bytes(b"\x00\x01binary\x00")
    (tmp_path / "d.txt").write_text("no annotations yet", encoding="utf-8")
    (tmp_path / "orphan.ann").write_text("T1\tPER 0 1\tx\n", encoding="utf-8")
    errors: list[FormatError] = []
    recs = list(read_brat(tmp_path, errors=errors))
    assert [(r.ext_id, len(r.spans)) for r in recs] == [("a", 1), ("d", 0)]
    assert sorted(Path(e.path or "").name for e in errors) == ["b.ann", "c.txt", "orphan.ann"]


def test_reading_needs_files_not_a_stream(tmp_path: Path) -> None:
    import io

    with pytest.raises(FormatError):
        list(read_brat(io.BytesIO(b"x")))
    with pytest.raises(FormatError, match="no such file"):
        list(read_brat(tmp_path / "missing.txt"))


# ---- writing: what brat cannot carry is reported -----------------------------------------------


def test_problems_are_reported_not_dropped(tmp_path: Path) -> None:
    text = "Giá tăng 88,8% tại Hà Nội"
    rec = DocRecord(text=text, title="Giá", spans=[
        SpanRecord(9, 14, "PERCENT", attrs={"value": "88.8", "unit": "%", "ambiguous": False,
                                             "referent": "giá", "bad": "a\tb", "obj": {"x": 1}},
                   state=SpanState.SUGGESTED, ext_id="f1"),
        SpanRecord(19, 25, "LOC", attrs={"normalized": "no colon"}, entity="Hà Nội", ext_id="e1"),
        SpanRecord(0, 3, "has space", ext_id="x"),
    ], links=[LinkRecord("f1", "e1", "located in"), LinkRecord("f1", "gone", "about")])
    report = write_brat([rec], tmp_path / "out")
    ann = (tmp_path / "out" / "Giá.ann").read_text(encoding="utf-8")
    assert "value T1 88.8" in ann and "unit T1 %" in ann
    assert "ambiguous T1 false" in ann and "referent T1 giá" in ann
    assert "T3\thas_space 0 3\tGiá" in ann
    text_problems = "\n".join(report.problems)
    for expected in ("state suggested", "'a\\tb'", "{'x': 1}", "'no colon'", "entity name 'Hà Nội'",
                     "label 'has space'", "relation type 'located in'", "gone"):
        assert expected in text_problems
    assert all(p.startswith("'Giá'") for p in report.problems)
    (back,) = read_brat(tmp_path / "out")
    assert back.spans[0].attrs == {"value": "88.8", "unit": "%", "ambiguous": "false", "referent": "giá"}
    assert [(lk.source, lk.target, lk.role) for lk in back.links] == [("T1", "T2", "located_in")]


def test_kept_lines_whose_spans_are_gone_are_reported(tmp_path: Path) -> None:
    (rec,) = [r for r in read_brat(TUTORIAL) if r.ext_id == "000-introduction"]
    rec.spans = [sp for sp in rec.spans if sp.ext_id != "T3"]  # the trigger of E1
    ann, problems = brat_ann(rec)
    assert "E1\t" not in ann and "A5\t" not in ann
    assert any("E1" in p for p in problems) and any("A5" in p for p in problems)


def test_file_names_and_failed_export(tmp_path: Path) -> None:
    recs = [DocRecord(text="a", ext_id="folder/one.txt"), DocRecord(text="b", title="Tin tức: số 1"),
            DocRecord(text="c", ext_id="../evil"), DocRecord(text="d", ext_id="folder/one")]
    report = write_brat(recs, tmp_path / "out", conf=False)
    assert sorted(report.files) == sorted(["folder/one.txt", "folder/one.ann", "Tin-tức-số-1.txt", "Tin-tức-số-1.ann",
                                           "doc-00003.txt", "doc-00003.ann", "folder/one-2.txt", "folder/one-2.ann"])
    assert (tmp_path / "out" / "folder" / "one-2.txt").read_text() == "d"
    assert not (tmp_path / "out" / "annotation.conf").exists()

    def failing() -> Iterator[DocRecord]:
        yield DocRecord(text="x")
        raise KeyboardInterrupt  # a cancel from the progress dialog

    with pytest.raises(KeyboardInterrupt):
        write_brat(failing(), tmp_path / "cancelled")
    assert sorted(os.listdir(tmp_path)) == ["out"]


def test_existing_collection_is_not_overwritten(tmp_path: Path) -> None:
    shutil.copytree(TUTORIAL, tmp_path / "c")
    with pytest.raises(FileExistsError):
        write_brat([], tmp_path / "c")
    assert (tmp_path / "c" / "000-introduction.ann").read_bytes() == (TUTORIAL / "000-introduction.ann").read_bytes()


# ---- hypothesis round trip ---------------------------------------------------------------------

ATOMS = ["a", "B", "z", " ", " ", "\t", "\r\n", "\n", "e\u0301", "o\u0302\u0300", "ệ", "Đ", "\U0001f600",
         "\U0001f468\u200d\U0001f469\u200d\U0001f467", "\u05e9\u05dc", "\u0645\u0631", "\u200b", "\u200c",
         "\u2028", "\x85", ".", "9", ";", "|", "#"]


@st.composite
def records(draw: st.DrawFn) -> DocRecord:
    raw = "".join(draw(st.lists(st.sampled_from(ATOMS), min_size=1, max_size=30)))
    text = normalize(raw).text
    n = len(text)
    spans: list[SpanRecord] = []
    for k in range(draw(st.integers(0, 6))):
        s = draw(st.integers(0, n - 1))
        e = draw(st.integers(s + 1, n))
        attrs: dict[str, object] = {}
        if draw(st.booleans()):
            cuts = sorted(set(draw(st.lists(st.integers(s + 1, e - 1), max_size=4)) if e - s > 2 else []))
            bounds = [s, *cuts, e]
            frags = [[bounds[i], bounds[i + 1]] for i in range(0, len(bounds) - 1, 2)]
            if len(frags) > 1:
                attrs[FRAGMENTS] = frags
                s, e = frags[0][0], frags[-1][1]
        if draw(st.booleans()):
            attrs["notes"] = draw(st.sampled_from(["một ghi chú", "two\nlines", "tab\tinside"]))
        if draw(st.booleans()):
            attrs["normalized"] = "Wikidata:Q1858"
        if draw(st.booleans()):
            attrs["flag"] = True
        if draw(st.booleans()):
            attrs["value"] = draw(st.sampled_from(["88.8", "có dấu cách", "x|y"]))
        entity = "Hà Nội" if "normalized" in attrs and draw(st.booleans()) else None
        spans.append(SpanRecord(s, e, draw(st.sampled_from(["PER", "LOC", "Merge-org"])), attrs=attrs,
                                ext_id=f"x{k}", entity=entity))
    links = []
    if len(spans) > 1:
        for _ in range(draw(st.integers(0, 3))):
            a, b = draw(st.integers(0, len(spans) - 1)), draw(st.integers(0, len(spans) - 1))
            links.append(LinkRecord(f"x{a}", f"x{b}", draw(st.sampled_from(["rel", "Origin"]))))
    return DocRecord(text=text, spans=spans, links=links, title="t")


def key(rec: DocRecord) -> tuple[str, list[tuple[object, ...]], list[tuple[object, ...]]]:
    def sk(sp: SpanRecord) -> tuple[object, ...]:
        return (sp.start, sp.end, sp.label, sorted((k, str(v)) for k, v in sp.attrs.items()), sp.entity)

    by_id = {sp.ext_id: sk(sp) for sp in rec.spans}
    return (rec.text, sorted(map(sk, rec.spans), key=repr),
            sorted(((by_id[lk.source], by_id[lk.target], lk.role) for lk in rec.links), key=repr))


@settings(max_examples=60, deadline=None)
@given(st.lists(records(), min_size=1, max_size=3))
def test_write_then_read_gives_the_same_text_spans_and_links(recs: list[DocRecord]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        report = write_brat(recs, out)
        assert report.problems == []
        back = list(read_brat(out))
    assert [key(r) for r in back] == [key(r) for r in recs]
