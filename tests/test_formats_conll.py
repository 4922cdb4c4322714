"""CoNLL / IOB2 / BILOU: the real samples import, seqeval reads what we write, round trips."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from seqeval.metrics.sequence_labeling import get_entities
from seqeval.scheme import BILOU, Entities
from test_tokens import token_records

from annotator.errors import FormatError
from annotator.formats.conll import read_conll, write_bilou, write_conll, write_conll_layers, write_iob2
from annotator.formats.tokens import SimpleTokenizer, TokenIndex
from annotator.model import DocRecord, LinkRecord, SpanRecord, SpanState

DATA = Path(__file__).parent / "data"
SPACY = DATA / "spacy_iob_samples"
THRUN = [
    ("Sebastian Thrun", "PERSON"), ("Google", "ORG"), ("2007", "DATE"), ("American", "NORP"),
    ("Thrun", "PERSON"), ("Recode", "ORG"), ("earlier this week", "DATE"),
]


def ents(doc: DocRecord) -> list[tuple[str, str]]:
    return [(doc.text[s.start:s.end], s.label) for s in doc.spans]


# ---- the samples -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "n_docs"),
    [
        ("ner-token-per-line.iob", 1),
        ("ner-token-per-line-with-pos.iob", 1),
        ("ner-token-per-line-conll2003.iob", 1),
        ("ner-sent-per-line.iob", 2),
    ],
)
def test_spacy_samples_import(name: str, n_docs: int) -> None:
    problems: list[str] = []
    docs = list(read_conll(SPACY / name, problems=problems))
    assert len(docs) == n_docs
    assert [e for d in docs for e in ents(d)] == THRUN
    assert problems == []
    assert docs[0].text.startswith("When Sebastian Thrun started working on self - driving cars")
    # the CoNLL-2003 sample has a blank line between its two sentences; the others none
    assert docs[0].text.count("\n") == (1 if "conll2003" in name else 0)


def test_doccano_tab_separated_conll_imports() -> None:
    docs = list(read_conll(DATA / "doccano_samples" / "data_import__tests__data__sequence_labeling__example.conll"))
    assert [(d.text, ents(d)) for d in docs] == [
        ("JAPAN GET", [("JAPAN", "LOC")]),
        ("Nadim Ladki", [("Nadim Ladki", "PER")]),
    ]


@pytest.mark.parametrize(
    ("content", "options", "expected"),
    [
        ("EU B-ORG\nrejects O\n", {}, [("EU rejects", [("EU", "ORG")])]),
        ("EU\tB-ORG\nrejects\tO\n\nGerman\tI-MISC\n", {}, [("EU rejects", [("EU", "ORG")]),
                                                      ("German", [("German", "MISC")])]),
        ("EU B-ORG\n\nx O\n", {"doc_breaks": "none"}, [("EU\nx", [("EU", "ORG")])]),
        ("-DOCSTART- -X- O O\n\nA NN _ U-PER\nB NN _ B-LOC\nC NN _ L-LOC\n\nD NN _ O\n"
         "-DOCSTART- -X- O O\nE NN _ B-X\n", {},
         [("A B C\nD", [("A", "PER"), ("B C", "LOC")]), ("E", [("E", "X")])]),
        ("Peter I-PER\nBlackburn I-PER\nB-PER B-PER\n", {"scheme": "IOB1"},
         [("Peter Blackburn B-PER", [("Peter Blackburn", "PER"), ("B-PER", "PER")])]),
        ("Sơn_La B-LOC\n", {"underscore_as_space": True}, [("Sơn La", [("Sơn La", "LOC")])]),
        ("e\u0301 B-X\r\nb I-X\r\n", {}, [("\u00e9 b", [("\u00e9 b", "X")])]),
        ("\ufeffa B-X\n", {}, [("a", [("a", "X")])]),
        ("a O B-PER\nb B-LOC I-PER\n", {"levels": 2}, [("a b", [("a b", "PER"), ("b", "LOC")])]),
        ("", {}, []),
        ("\n\n", {}, []),
    ],
)
def test_read_conll_table(content: str, options: dict[str, object], expected: list[tuple[str, list]]) -> None:
    docs = list(read_conll(io.BytesIO(content.encode("utf-8")), **options))  # type: ignore[arg-type]
    assert [(d.text, sorted(ents(d), key=lambda e: (d.text.find(e[0]), e))) for d in docs] == [
        (t, sorted(e, key=lambda x: (t.find(x[0]), x))) for t, e in expected
    ]


def test_broken_scheme_is_read_leniently_and_listed() -> None:
    problems: list[str] = []
    docs = list(read_conll(io.BytesIO(b"a O\nb I-PER\n"), scheme="IOB2", problems=problems))
    assert ents(docs[0]) == [("b", "PER")]
    assert len(problems) == 1 and ":2:" in problems[0]


@pytest.mark.parametrize(
    ("content", "line", "message"),
    [
        (b"a O\nb\n", 2, "found 1 column"),
        (b"a O\nb PERSON\n", 2, "not a tag"),
        (b"a O\nb \xff\xfe O\n", None, "encoding"),
        (b"a O\x00\x00\x00 b\n", None, "not a text file"),
    ],
)
def test_bad_input_names_file_and_line(content: bytes, line: int | None, message: str, tmp_path: Path) -> None:
    f = tmp_path / "bad.conll"
    f.write_bytes(content)
    with pytest.raises(FormatError) as err:
        list(read_conll(f, encoding="utf-8" if b"\xff" in content else None))
    assert err.value.path == str(f)
    if line is not None:
        assert err.value.line == line
    assert message in str(err.value)


# ---- writing -----------------------------------------------------------------------------------

DOC = DocRecord(
    text="Ông Lê Hồng Long, Trưởng Ban Tổ chức Tỉnh ủy Sơn La, nói 88,8% đảng viên.\nDòng hai.",
    spans=[
        SpanRecord(4, 16, "PER", {"notes": "x"}),
        SpanRecord(18, 51, "CLAIM"),
        SpanRecord(25, 44, "ORG"),
        SpanRecord(45, 51, "LOC"),
        SpanRecord(57, 62, "PERCENT", {"value": "88.8"}),
        SpanRecord(58, 62, "COUNT"),  # starts inside "88,8"
        SpanRecord(68, 78, "CLAIM", state=SpanState.SUGGESTED),  # crosses the line break
    ],
    links=[LinkRecord("a", "b", "figure")],
    ext_id="d1",
)


def test_write_conll2003_reports_what_it_cannot_carry(tmp_path: Path) -> None:
    out = tmp_path / "out.conll"
    report = write_conll([DOC], out)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "-DOCSTART- -X- O O" and lines[1] == ""
    assert lines[2] == "Ông _ _ O"
    assert lines[3] == "Lê _ _ B-PER"
    assert "88,8 _ _ B-PERCENT" in lines and "% _ _ I-PERCENT" in lines
    assert report.documents == 1 and report.files == [str(out)]
    text = "\n".join(report.problems)
    assert "COUNT [58:62]" in text and "starts inside token" in text
    assert "CLAIM [68:78]" in text and "sentence break" in text
    assert "CLAIM [18:51]" in text and "tag column" in text  # needs a second level
    assert "attributes of 2 span(s)" in text and "1 link(s)" in text and "state of 1" in text
    docs = list(read_conll(out))
    assert ents(docs[0]) == [("Lê Hồng Long", "PER"), ("Ban Tổ chức Tỉnh ủy", "ORG"), ("Sơn La", "LOC"),
                             ("88,8 %", "PERCENT")]


def test_nested_spans_go_to_extra_columns_main_level_last(tmp_path: Path) -> None:
    out = tmp_path / "nested.iob"
    report = write_iob2([DOC], out, levels=2, sep="\t")
    row = next(r for r in out.read_text(encoding="utf-8").splitlines() if r.startswith("Ban\t"))
    assert row == "Ban\tI-CLAIM\tB-ORG"
    assert not any("CLAIM [18:51]" in p for p in report.problems)
    docs = list(read_conll(out, levels=2))
    assert ("Trưởng Ban Tổ chức Tỉnh ủy Sơn La", "CLAIM") in ents(docs[0])
    # a reader of the last column alone gets the main level
    assert ("Trưởng Ban Tổ chức Tỉnh ủy Sơn La", "CLAIM") not in ents(next(read_conll(out)))


def test_one_file_per_layer(tmp_path: Path) -> None:
    report = write_conll_layers([DOC], tmp_path / "layers", columns=2)
    assert sorted(p.name for p in (tmp_path / "layers").iterdir()) == ["claim.conll", "entity.conll", "figure.conll"]
    claim = next(read_conll(tmp_path / "layers" / "claim.conll"))
    assert ents(claim) == [("Trưởng Ban Tổ chức Tỉnh ủy Sơn La", "CLAIM")]
    entity = next(read_conll(tmp_path / "layers" / "entity.conll"))
    assert [lab for _, lab in ents(entity)] == ["PER", "ORG", "LOC"]
    assert not any("tag column" in p for p in report.problems)
    assert sum("1 link(s)" in p for p in report.problems) == 1


def test_seqeval_reads_our_iob2_and_bilou(tmp_path: Path) -> None:
    expected = [("PER", "Lê Hồng Long"), ("ORG", "Ban Tổ chức Tỉnh ủy"), ("LOC", "Sơn La"), ("PERCENT", "88,8 %")]
    for writer, scheme in ((write_iob2, "IOB2"), (write_bilou, "BILOU")):
        out = tmp_path / f"x.{scheme}"
        writer([DOC], out, docstart=False)
        sentences: list[list[tuple[str, str]]] = [[]]
        for line in out.read_text(encoding="utf-8").splitlines():
            if not line:
                sentences.append([])
            else:
                tok, tag = line.split(" ")
                sentences[-1].append((tok, tag))
        sent = sentences[0]
        toks = [t for t, _ in sent]
        tags = [g for _, g in sent]
        if scheme == "IOB2":
            found = [(lab, " ".join(toks[s:e + 1])) for lab, s, e in get_entities(tags)]
        else:
            found = [(e.tag, " ".join(toks[e.start:e.end])) for e in Entities([tags], scheme=BILOU).entities[0]]
        assert found == expected


def test_doccano_style_output_reads_back(tmp_path: Path) -> None:
    out = tmp_path / "doccano.conll"
    write_iob2([DocRecord("JAPAN GET", [SpanRecord(0, 5, "LOC")]), DocRecord("Nadim Ladki", [SpanRecord(0, 11, "PER")])],
               out, sep="\t", docstart=False)
    assert out.read_text(encoding="utf-8") == "JAPAN\tB-LOC\nGET\tO\n\nNadim\tB-PER\nLadki\tI-PER\n\n"


def test_vietnamese_words_are_written_with_underscores(tmp_path: Path) -> None:
    out = tmp_path / "vi.conll"
    rec = DocRecord("Đại hội Đảng bộ tỉnh Sơn La", [SpanRecord(21, 27, "LOC")])
    report = write_iob2([rec], out, tokenizer="vi-words")
    assert "Sơn_La B-LOC" in out.read_text(encoding="utf-8").splitlines()
    assert report.problems == []
    back = next(read_conll(out, underscore_as_space=True))
    assert back.text == rec.text and ents(back) == [("Sơn La", "LOC")]


def test_failed_export_leaves_no_file(tmp_path: Path) -> None:
    out = tmp_path / "x.conll"

    def records():  # noqa: ANN202
        yield DOC
        raise RuntimeError("cancelled")

    with pytest.raises(RuntimeError):
        write_conll(records(), out)
    assert list(tmp_path.iterdir()) == []


def test_write_to_open_stream_and_bad_options() -> None:
    buf = io.StringIO()
    report = write_iob2([DocRecord("a b", [SpanRecord(0, 1, "PER")])], buf, docstart=False)
    assert buf.getvalue() == "a B-PER\nb O\n\n" and report.files == []
    with pytest.raises(ValueError):
        write_conll([], io.StringIO(), columns=3)
    with pytest.raises(ValueError):
        write_conll([], io.StringIO(), scheme="IOX")


# ---- round trip --------------------------------------------------------------------------------


def _read_tokens(text: str) -> tuple[list[list[str]], list[tuple[int, int]]]:
    lines = [[m.group() for m in re.finditer(r"[^ ]+", line)] for line in text.split("\n")]
    offsets = [(m.start(), m.end()) for m in re.finditer(r"[^ \n]+", text)]
    return lines, offsets


@pytest.mark.parametrize("scheme", ["IOB2", "BILOU", "IOB1"])
@given(rec=token_records(max_spans=10, attrs=True))
@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_round_trip_tokens_and_labelled_ranges(scheme: str, rec: DocRecord) -> None:
    buf = io.StringIO()
    report = write_conll([rec], buf, scheme=scheme, levels=3, columns=2)
    back = list(read_conll(io.BytesIO(buf.getvalue().encode("utf-8")), scheme=scheme, levels=3))
    tokens = SimpleTokenizer().tokenize(rec.text)
    if not tokens:
        assert back == []
        return
    (doc,) = back
    # tokens come back, sentence by sentence (a line break in the text ends a sentence)
    lines, offsets = _read_tokens(doc.text)
    expected_lines: list[list[str]] = [[]]
    for k, (s, e) in enumerate(tokens):
        if k and "\n" in rec.text[tokens[k - 1][1]:s]:
            expected_lines.append([])
        expected_lines[-1].append(rec.text[s:e])
    assert lines == expected_lines
    # every span comes back on the same tokens with its label, or is listed in the report
    idx = TokenIndex(tokens)
    back_idx = TokenIndex(offsets)
    got = set()
    for sp in doc.spans:
        rng = back_idx.tokens_of(sp.start, sp.end)
        assert rng is not None
        got.add((*rng, sp.label))
    want = set()
    for sp in rec.spans:
        rng = idx.tokens_of(sp.start, sp.end)
        assert rng is not None
        key = (*rng, sp.label)
        if not any(f"{sp.label} [{sp.start}:{sp.end}]" in p for p in report.problems):
            want.add(key)
    assert want <= got <= {(*idx.tokens_of(s.start, s.end), s.label) for s in rec.spans}  # type: ignore[misc]
    if any(sp.attrs for sp in rec.spans):
        assert any("attributes of" in p for p in report.problems)


def test_skip_bad_documents_when_asked(tmp_path: Path) -> None:
    f = tmp_path / "mixed.conll"
    f.write_text("-DOCSTART- -X- O O\n\na B-X\nb WRONG\n\nc O\n"
                 "-DOCSTART- -X- O O\n\nd B-Y\n", encoding="utf-8")
    errors: list[FormatError] = []
    docs = list(read_conll(f, errors=errors))
    assert [(d.text, ents(d)) for d in docs] == [("d", [("d", "Y")])]
    assert [(e.line, "WRONG" in str(e)) for e in errors] == [(4, True)]
    # one document per sentence: only the bad sentence goes
    g = tmp_path / "sentences.conll"
    g.write_text("a B-X\n\nb\n\nc B-Y\n", encoding="utf-8")
    errors = []
    assert [d.text for d in read_conll(g, errors=errors)] == ["a", "c"] and errors[0].line == 3


@pytest.mark.parametrize("fmt", ["conll", "iob2", "bilou"])
def test_through_the_registry(fmt: str, tmp_path: Path) -> None:
    from annotator.formats import get_format, guess_format

    out = tmp_path / "x.conll"
    report = get_format(fmt).write([DOC], out, tokenizer="simple")
    assert report.documents == 1
    assert guess_format(out).name == "conll"
    (doc,) = list(guess_format(out).read(out))
    assert ("Lê Hồng Long", "PER") in ents(doc)
