"""Plain text, Markdown, HTML and DOCX import; encodings; the shared base (atomic output, JSON streaming)."""

from __future__ import annotations

import io
import json
import os
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.errors import FormatError
from annotator.formats.base import (
    WriteReport,
    atomic_directory,
    atomic_output,
    iter_json_records,
    normalized_record,
    open_output,
    read_text_file,
    same_span_text,
)
from annotator.formats.encoding import decode_bytes
from annotator.formats.html import html_to_article, read_html
from annotator.formats.plaintext import markdown_to_text, read_markdown, read_plaintext
from annotator.model import SpanRecord
from annotator.textnorm import normalize

VI = "Hội nghị Đảng bộ tỉnh Sơn La lần thứ XV, nhiệm kỳ 2020-2025: tỷ lệ 88,8% đạt được, người dân ủng hộ."
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def to_cp1258(text: str) -> bytes:
    """Encode Vietnamese as Windows-1258 does: base letters precomposed, tone marks combining."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        d = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in d if c not in _TONES))
        out += base.encode("cp1258") + "".join(c for c in d if c in _TONES).encode("cp1258")
    return bytes(out)


# ---- encodings ---------------------------------------------------------------------------------

# VNI and TCVN3 (ABC) bytes of "Việt Nam được nước không, cá lá" written by hand from their tables
VNI = "Vieät Nam ñöôïc nöôùc khoâng, caù laù".encode("latin-1")
TCVN3 = b"Vi\xd6t Nam \xae\xeec n\xad\xedc kh\xabng, c\xb8 l\xb8"


@pytest.mark.parametrize(
    ("data", "encoding", "text"),
    [
        (VI.encode("utf-8"), "utf-8", VI),
        (b"\xef\xbb\xbf" + VI.encode("utf-8"), "utf-8-sig", VI),
        (VI.encode("utf-16"), "utf-16", VI),
        (b"\xfe\xff" + VI.encode("utf-16-be"), "utf-16", VI),
        (VI.encode("utf-16-le"), "utf-16-le", VI),
        (VI.encode("utf-16-be"), "utf-16-be", VI),
        (VI.encode("utf-32"), "utf-32", VI),
        (to_cp1258(VI), "cp1258", None),  # decomposed tone marks: NFC gives VI back
        ("Café, très bien; où est la gare? Ça va.".encode("cp1252"), "cp1252", "Café, très bien; où est la gare? Ça va."),
        (b"line one\r\nline two\r\n", "utf-8", "line one\r\nline two\r\n"),
    ],
)
def test_decode_bytes_finds_the_encoding(data: bytes, encoding: str, text: str | None) -> None:
    decoded = decode_bytes(data, path="f.txt")
    assert decoded.encoding == encoding
    if text is not None:
        assert decoded.text == text
    else:
        assert decoded.text != VI  # Windows-1258 keeps the tone marks apart …
        assert normalize(decoded.text).text == VI  # … and NFC composes them


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x00\x01\x02\x03binary\x00\xff", "NUL"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3", "PDF"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"),
        (b"SQLite format 3\x00\x10\x00", "SQLite"),
        (VNI, "VNI"),
        (TCVN3, "TCVN3"),
        (bytes(range(1, 32)) * 20, "control"),
    ],
)
def test_decode_bytes_refuses_what_is_not_text(data: bytes, message: str) -> None:
    with pytest.raises(FormatError) as info:
        decode_bytes(data, path="bad.txt")
    assert info.value.path == "bad.txt"
    assert message in str(info.value)


def test_a_named_encoding_wins_and_a_bad_byte_names_the_line() -> None:
    assert decode_bytes("Đà Nẵng".encode("utf-16-le"), encoding="utf-16-le").text == "Đà Nẵng"
    with pytest.raises(FormatError) as info:
        decode_bytes(b"ok\nok\n\xff\xfe bad", path="x.txt", encoding="utf-8")
    assert info.value.line == 3
    with pytest.raises(FormatError, match="unknown encoding"):
        decode_bytes(b"x", encoding="no-such-codec")


def test_cp1258_file_imports_as_nfc_vietnamese(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes(to_cp1258(VI))
    (rec,) = read_plaintext(path)
    assert rec.text == VI
    assert rec.meta["encoding"] == "cp1258"


# ---- plain text --------------------------------------------------------------------------------


def test_plaintext_file_keeps_text_and_normalises(tmp_path: Path) -> None:
    raw = "Tiêu đề\r\n\r\nHo\u0302\u0300ng ha\u0300 \U0001f600 cuối.\r\n"
    path = tmp_path / "bai-viet.txt"
    path.write_bytes(raw.encode("utf-8"))
    (rec,) = read_plaintext(path)
    assert rec.text == unicodedata.normalize("NFC", raw.replace("\r\n", "\n"))
    assert rec.title == "bai-viet"
    assert rec.ext_id == "bai-viet.txt"
    assert rec.imported_from == str(path)
    (rec2,) = read_plaintext(path, title_from="first_line")
    assert rec2.title == "Tiêu đề"


def test_plaintext_folder_in_path_order_with_skipped_bad_files(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("hai", encoding="utf-8")
    (tmp_path / "1.txt").write_text("một", encoding="utf-8")
    (tmp_path / "3.md").write_text("# Ba\n\n*ba* ba", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02\x00")
    (tmp_path / ".hidden.txt").write_text("no", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    errors: list[FormatError] = []
    recs = list(read_plaintext(tmp_path, errors=errors))
    assert [(r.ext_id, r.text) for r in recs] == [("1.txt", "một"), ("3.md", "Ba\n\nba ba"), ("b/2.txt", "hai")]
    assert recs[1].title == "Ba"
    assert sorted(Path(e.path or "").name for e in errors) == ["bin.txt", "empty.txt"]
    with pytest.raises(FormatError, match="bin.txt"):
        list(read_plaintext(tmp_path))


def test_plaintext_reads_an_open_binary_stream() -> None:
    (rec,) = read_plaintext(io.BytesIO("xin chào\n".encode("utf-16")))
    assert rec.text == "xin chào\n"
    assert rec.meta["encoding"] == "utf-16"


def test_missing_file_is_a_format_error(tmp_path: Path) -> None:
    with pytest.raises(FormatError, match="cannot read"):
        list(read_plaintext(tmp_path / "nope.txt"))


# ---- Markdown ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("md", "text"),
    [
        ("# Tiêu đề\n\nĐoạn **một** có [liên kết](http://x.vn \"t\").", "Tiêu đề\n\nĐoạn một có liên kết."),
        ("dòng một\ndòng hai\n\ndòng ba", "dòng một dòng hai\n\ndòng ba"),
        ("hard  \nbreak", "hard\nbreak"),
        ("- một\n- _hai_\n1. ba\n- [x] bốn", "một\nhai\nba\nbốn"),
        ("> trích\n> dẫn", "trích dẫn"),
        ("![ảnh](a.png)\n\nchữ", "chữ"),
        ("```\ncode *kept*\n```", "code *kept*"),
        ("| a | b |\n|---|:-:|\n| 1 | 2 |", "a\tb\n1\t2"),
        ("Title\n=====\n\nbody", "Title\n\nbody"),
        ("---\ntitle: X\n---\nbody", "body"),
        ("[ref]: http://x\n\nsnake_case_name and 2*3*4 and \\*x\\*", "snake_case_name and 2*3*4 and *x*"),
        ("a &amp; b <b>c</b><br>d `e`", "a & b c\nd e"),
        ("***\n\n<https://vov.vn>", "https://vov.vn"),
    ],
)
def test_markdown_to_text(md: str, text: str) -> None:
    assert markdown_to_text(md) == text


def test_markdown_front_matter_fills_the_record(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: \"Đại hội\"\ndate: 2020-08-04\nlang: vi\nurl: https://vov.vn/a\ntags: x\n---\n"
                    "# Heading\n\nBody.", encoding="utf-8")
    (rec,) = read_markdown(path)
    assert (rec.title, rec.published, rec.language, rec.source_url) == ("Đại hội", "2020-08-04", "vi", "https://vov.vn/a")
    assert rec.meta["front_matter"] == {"tags": "x"}
    assert rec.text == "Heading\n\nBody."


# ---- HTML --------------------------------------------------------------------------------------

PAGE = """<!doctype html><html lang="vi"><head><meta charset="{charset}"><title>Tin | Báo</title>
<meta property="og:title" content="Đại hội Đảng bộ">
<link rel="canonical" href="https://vov.vn/a.html">
<meta property="article:published_time" content="2020-08-04T08:00:00+07:00">
<meta name="author" content="PV">
<style>p {{ color: red }}</style><script>var x = "<p>không</p>";</script></head>
<body><header><nav><a href="/">Trang chủ</a> | <a>Thời sự</a></nav></header>
<div class="breadcrumb">Home › News</div>
<article><header><h1>Đại hội  Đảng bộ
tỉnh Sơn La</h1></header>
<p>Tỷ lệ <b>88,8%</b> đạt &amp; vượt<br>dòng hai.
<p>Đoạn hai có <a href="#">liên kết</a>.</p>
<ul><li>một<li>hai</ul>
<table><tr><td>a<td>b<tr><td>1<td>2</table>
<div class="share-buttons">Chia sẻ Facebook</div>
<aside>Tin liên quan</aside><form><input value="x">Tìm</form>
<p hidden>ẩn</p><p style="display: none">ẩn</p>
<pre>  code
  kept</pre>
<footer>Bản quyền</footer></article>
<div class="related-news"><article><p>ngắn</p></article></div>
<footer>© 2020</footer></body></html>"""

ARTICLE = ("Đại hội Đảng bộ tỉnh Sơn La\n\nTỷ lệ 88,8% đạt & vượt\ndòng hai.\n\nĐoạn hai có liên kết.\n\n"
           "một\nhai\n\na\tb\n1\t2\n\n  code\n  kept")


def test_html_article_text_only() -> None:
    art = html_to_article(PAGE.format(charset="utf-8"))
    assert art.text == ARTICLE
    assert art.title == "Đại hội Đảng bộ"
    assert art.source_url == "https://vov.vn/a.html"
    assert art.published == "2020-08-04T08:00:00+07:00"
    assert art.language == "vi"
    assert art.meta["author"] == "PV"


@pytest.mark.parametrize(
    ("page", "text"),
    [
        ("<html><body><main><p>a</p><p>b</p></main><aside>x</aside></body></html>", "a\n\nb"),
        ("<body><div role='navigation'>menu</div><p>x &lt;y&gt; &#7879;</p></body>", "x <y> ệ"),
        ("<p>no body tag<br/>here</p>", "no body tag\nhere"),
        ("<body><h2>H</h2>text <i>in</i>line</body>", "H\n\ntext inline"),
        ("<body><p>a</p><!-- comment --><noscript>js</noscript><template>t</template></body>", "a"),
    ],
)
def test_html_cases(page: str, text: str) -> None:
    assert html_to_article(page).text == text


def test_read_html_uses_the_declared_charset(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(PAGE.format(charset="windows-1258").encode("ascii", "xmlcharrefreplace"))
    (rec,) = read_html(path)
    assert rec.text == ARTICLE
    utf16 = tmp_path / "u16.htm"
    utf16.write_bytes(PAGE.format(charset="utf-16").encode("utf-16"))
    (rec16,) = read_html(utf16)
    assert rec16.text == ARTICLE
    assert (rec16.source_url, rec16.language) == ("https://vov.vn/a.html", "vi")


def test_read_html_folder_and_empty_page(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(PAGE.format(charset="utf-8"), encoding="utf-8")
    (tmp_path / "empty.htm").write_text("<html><script>x</script></html>", encoding="utf-8")
    errors: list[FormatError] = []
    recs = list(read_html(tmp_path, errors=errors))
    assert [r.ext_id for r in recs] == ["a.html"]
    assert len(errors) == 1 and "no article text" in str(errors[0])


# ---- DOCX --------------------------------------------------------------------------------------


def _docx_bytes() -> bytes:
    docx = pytest.importorskip("docx")
    d = docx.Document()
    d.add_heading("Đại hội Đảng bộ", level=1)
    p = d.add_paragraph("Tỷ lệ 88,8% ")
    p.add_run("đạt").bold = True
    p.add_run().add_break()
    p.add_run("dòng hai")
    d.add_paragraph("")
    t = d.add_table(rows=2, cols=2)
    for (r, c), v in {(0, 0): "a", (0, 1): "b", (1, 0): "1", (1, 1): "2"}.items():
        t.cell(r, c).text = v
    d.add_paragraph("Ho\u0302\u0300ng kết thúc.")
    d.sections[0].header.paragraphs[0].text = "page header"
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_docx_text_title_and_nfc(tmp_path: Path) -> None:
    from annotator.formats.docx import read_docx

    path = tmp_path / "bai.docx"
    path.write_bytes(_docx_bytes())
    (rec,) = read_docx(path)
    assert rec.text == "Đại hội Đảng bộ\n\nTỷ lệ 88,8% đạt\ndòng hai\n\na\tb\n1\t2\n\nHồng kết thúc."
    assert rec.title == "Đại hội Đảng bộ"
    assert "page header" not in rec.text
    (from_stream,) = read_docx(io.BytesIO(path.read_bytes()))
    assert from_stream.text == rec.text


def test_docx_bad_files(tmp_path: Path) -> None:
    from annotator.formats.docx import read_docx

    (tmp_path / "bad.docx").write_bytes(b"not a zip at all")
    (tmp_path / "good.docx").write_bytes(_docx_bytes())
    (tmp_path / "~$lock.docx").write_bytes(b"lock file")
    errors: list[FormatError] = []
    recs = list(read_docx(tmp_path, errors=errors))
    assert [r.ext_id for r in recs] == ["good.docx"]
    assert len(errors) == 1 and errors[0].path == str(tmp_path / "bad.docx")


# ---- base: normalisation of spans, text checks -------------------------------------------------

ATOMS = ["a", "b", " ", "\t", "\r\n", "\n", "e\u0301", "o\u0302\u0300", "ệ", "Đ", "\U0001f600",
         "\U0001f44d\U0001f3fd", "\u05e9", "\u0645", "\u200b", "\u200d", "\u2060", ".", "9"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(ATOMS), min_size=1, max_size=40), st.data())
def test_normalized_record_keeps_spans_on_the_same_characters(atoms: list[str], data: st.DataObject) -> None:
    bounds = [0]
    for a in atoms:
        bounds.append(bounds[-1] + len(a))
    raw = "".join(atoms)
    pairs = data.draw(st.lists(st.tuples(st.integers(0, len(atoms) - 1), st.integers(1, len(atoms))), max_size=6))
    spans = [SpanRecord(bounds[min(i, j - 1)], bounds[max(j, i + 1)], "L") for i, j in pairs]
    rec = normalized_record(raw, spans)
    assert rec.text == normalize(raw).text
    for raw_span, sp in zip(spans, rec.spans, strict=True):
        assert rec.text[sp.start:sp.end] == normalize(raw[raw_span.start:raw_span.end]).text


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [(-1, 2, "outside"), (0, 99, "outside"), (3, 3, "empty"), (4, 2, "empty"), ("1", 2, "whole numbers"), (True, 2, "whole numbers")],
)
def test_normalized_record_refuses_bad_offsets(start: object, end: object, message: str) -> None:
    with pytest.raises(FormatError, match=message) as info:
        normalized_record("abcdef", [SpanRecord(start, end, "L")], path="f.json", line=7)  # type: ignore[arg-type]
    assert (info.value.path, info.value.line) == ("f.json", 7)


@pytest.mark.parametrize(
    ("found", "stated", "same"),
    [("Hà Nội", "Hà Nội", True), ("a\nb", "a b", True), ("a\nb", "a\\nb", True), ("a  b", "a b", True),
     ("Hà Nội", "à Nội ", False), ("abc", "abd", False), ("  ", " ", False)],
)
def test_same_span_text(found: str, stated: str, same: bool) -> None:
    assert same_span_text(found, stated) is same


def test_read_text_file_keeps_crlf_and_strips_the_bom(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(b"\xef\xbb\xbfa\r\nb")
    assert read_text_file(path) == ("a\r\nb", "utf-8-sig")


# ---- base: atomic output -----------------------------------------------------------------------


class Boom(Exception):
    pass


def test_atomic_output_replaces_only_on_success(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(Boom), atomic_output(target) as f:
        f.write("half")
        raise Boom
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(os.listdir(tmp_path)) == ["out.jsonl"]
    with atomic_output(target) as f:
        f.write("new\n")
    assert target.read_bytes() == b"new\n"
    assert sorted(os.listdir(tmp_path)) == ["out.jsonl"]


def test_atomic_output_binary_and_new_folder(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "x.bin"
    with atomic_output(target, binary=True) as f:
        f.write(b"\x00\x01")
    assert target.read_bytes() == b"\x00\x01"


def test_open_output_uses_a_given_stream() -> None:
    buf = io.StringIO()
    with open_output(buf) as f:
        f.write("x")
    assert buf.getvalue() == "x"


def test_atomic_directory(tmp_path: Path) -> None:
    target = tmp_path / "collection"
    with pytest.raises(Boom), atomic_directory(target) as d:
        (d / "a.txt").write_text("x")
        raise Boom
    assert not target.exists() and os.listdir(tmp_path) == []
    with atomic_directory(target) as d:
        (d / "a.txt").write_text("x")
    assert (target / "a.txt").read_text() == "x"
    with pytest.raises(FileExistsError):
        with atomic_directory(target):
            pass
    empty = tmp_path / "empty"
    empty.mkdir()
    with atomic_directory(empty) as d:
        (d / "b.txt").write_text("y")
    assert os.listdir(empty) == ["b.txt"]


def test_write_report_problems() -> None:
    report = WriteReport()
    assert report.ok
    report.problem("cannot", doc="d1")
    assert report.problems == ["d1: cannot"] and not report.ok


# ---- base: JSON records, streaming -------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "values"),
    [
        ('{"a": 1}\n\n{"a": 2}\n', [(1, {"a": 1}), (3, {"a": 2})]),
        ('[{"a": 1},\n {"a": 2}]', [(1, {"a": 1}), (2, {"a": 2})]),
        ('\n{\n  "a": 1\n}\n{\n  "a": 2\n}\n', [(2, {"a": 1}), (5, {"a": 2})]),
        ("[]", []),
        ("", []),
        ('\ufeff[{"a": "x\\ny"}]', [(1, {"a": "x\ny"})]),
    ],
)
def test_iter_json_records_shapes(content: str, values: list[tuple[int, object]]) -> None:
    got = [(line, v) for _, line, v in iter_json_records(io.BytesIO(content.encode("utf-8")))]
    assert got == values


@pytest.mark.parametrize(
    ("content", "line"),
    [('[{"a": 1},\n{"a": 2\n', 3), ('{\n "a": 1,\n "b": [1,}\n', 3), ('[{"a": 1} {"a": 2}]', 1), ('[{"a":1}', 1)],
)
def test_iter_json_records_broken_json_names_the_line(content: str, line: int) -> None:
    with pytest.raises(FormatError) as info:
        list(iter_json_records(io.BytesIO(content.encode("utf-8"))))
    assert info.value.line == line


class _Counting(io.BytesIO):
    most = 0

    def read(self, n: int | None = -1) -> bytes:
        data = super().read(n)
        _Counting.most = max(_Counting.most, self.tell())
        return data


@pytest.mark.parametrize("as_array", [False, True])
def test_json_records_stream_without_reading_the_whole_file(as_array: bool) -> None:
    docs = [{"text": f"Văn bản số {i} " * 20, "label": [[0, 3, "X"]]} for i in range(10000)]
    if as_array:
        body = ("[\n" + ",\n".join(json.dumps(d, ensure_ascii=False) for d in docs) + "\n]").encode("utf-8")
    else:
        body = "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs).encode("utf-8")
    _Counting.most = 0
    stream = _Counting(body)
    records = iter_json_records(stream)
    first = next(records)
    assert first[2] == docs[0]
    assert _Counting.most < 400_000 < len(body)
    assert sum(1 for _ in records) == 9999
