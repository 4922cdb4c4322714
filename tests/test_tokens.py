"""Tokenisers, tag schemes and the overlap policy of the token-level formats.

Also holds the hypothesis strategies the token-format tests share (random text with emoji,
combining marks, CRLF, tabs, right-to-left and zero-width characters; random nested spans).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from seqeval.metrics.sequence_labeling import get_entities
from seqeval.scheme import BILOU, IOB2, Entities

from annotator.formats.tokens import (
    SimpleTokenizer,
    TokenIndex,
    TokenSpan,
    VietnameseTokenizer,
    assign_levels,
    decode_tags,
    detect_scheme,
    encode_tags,
    get_tokenizer,
    layer_resolver,
    parse_tag,
)
from annotator.model import DocRecord, LinkRecord, SpanRecord, SpanState
from annotator.textnorm import normalize

# ---- shared strategies ---------------------------------------------------------------------

PIECES = [
    "Sơn", "La", "Đảng", "bộ", "88,8", "%", "4/8/2020", "35-CT/TW", "2020-2025", "XV", "ông",
    "Lê", "Hồng", "Long", "e\u0301", "Ủy", "ban", "a", "b", "cd", "123", ".", ",", "(", ")", "-", "/",
    "👍🏽", "👨\u200d👩\u200d👧", "🇻🇳", "😀", "مرحبا", "שלום", "\u200b", "\u200d", "\ufeff", "\u200f",
    "x\u0308", "\u1100\u1161", "A", "Z",
]
SEPARATORS = [" ", " ", " ", "\r\n", "\n", "\t", "  ", "", "\u00a0"]
LABELS = ["PER", "ORG", "LOC", "COUNT", "PERCENT", "CLAIM"]


@st.composite
def texts(draw: st.DrawFn, min_pieces: int = 0, max_pieces: int = 25) -> str:
    """NFC/LF text (as a project stores it) built from awkward pieces."""
    n = draw(st.integers(min_pieces, max_pieces))
    out = []
    for _ in range(n):
        out.append(draw(st.sampled_from(PIECES)))
        out.append(draw(st.sampled_from(SEPARATORS)))
    return normalize("".join(out)).text


@st.composite
def token_records(draw: st.DrawFn, *, max_spans: int = 8, attrs: bool = False) -> DocRecord:
    """A record whose spans sit on simple-tokeniser boundaries, nested and overlapping at random."""
    text = draw(texts())
    toks = SimpleTokenizer().tokenize(text)
    spans: list[SpanRecord] = []
    if toks:
        for _ in range(draw(st.integers(0, max_spans))):
            a = draw(st.integers(0, len(toks) - 1))
            b = draw(st.integers(a, min(len(toks) - 1, a + 4)))
            label = draw(st.sampled_from(LABELS))
            extra = {"notes": draw(st.text(max_size=5))} if attrs and draw(st.booleans()) else {}
            spans.append(SpanRecord(toks[a][0], toks[b][1], label, extra))
    return DocRecord(text=text, spans=spans, title=draw(st.sampled_from(["", "t"])))


@st.composite
def any_records(draw: st.DrawFn) -> DocRecord:
    """Random text and random spans anywhere (nested, crossing, inside tokens), with attributes."""
    text = draw(texts(min_pieces=1))
    spans = []
    for k in range(draw(st.integers(0, 8))):
        a = draw(st.integers(0, len(text) - 1))
        b = draw(st.integers(a + 1, len(text)))
        spans.append(SpanRecord(a, b, draw(st.sampled_from(LABELS)),
                                draw(st.sampled_from([{}, {"notes": "x"}, {"value": "1.5", "ambiguous": True}])),
                                draw(st.sampled_from(list(SpanState))), draw(st.sampled_from([None, f"s{k}"]))))
    ids = [sp.ext_id for sp in spans if sp.ext_id is not None]
    links = []
    if ids:
        for k in range(draw(st.integers(0, 3))):
            links.append(LinkRecord(draw(st.sampled_from(ids)), draw(st.sampled_from(ids)),
                                    draw(st.sampled_from(["figure", "entity"])), draw(st.sampled_from([None, f"l{k}"]))))
    return DocRecord(text=text, spans=spans, links=links)


# ---- tokenisers --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("Tỷ lệ 88,8% năm 2020.", ["Tỷ", "lệ", "88,8", "%", "năm", "2020", "."]),
        ("ngày 4/8/2020, số 35-CT/TW", ["ngày", "4/8/2020", ",", "số", "35-CT/TW"]),
        ("nhiệm kỳ (2020-2025)", ["nhiệm", "kỳ", "(", "2020-2025", ")"]),
        ("self-driving cars don't", ["self-driving", "cars", "don't"]),
        ("end-", ["end", "-"]),
        ("a...b", ["a", ".", ".", ".", "b"]),
        ("👍🏽ok 👨\u200d👩\u200d👧!", ["👍🏽", "ok", "👨\u200d👩\u200d👧", "!"]),
        ("🇻🇳🇺🇸", ["🇻🇳", "🇺🇸"]),
        ("e\u0301t cafe\u0301", ["e\u0301t", "cafe\u0301"]),
        ("a\u200bb \ufeffc", ["a", "b", "c"]),
        ("x\u200dy", ["x\u200dy"]),
        ("مرحبا بالعالم!", ["مرحبا", "بالعالم", "!"]),
        ("a\r\nb\tc\u00a0d", ["a", "b", "c", "d"]),
        ("", []),
        ("   \n\t ", []),
    ],
)
def test_simple_tokenizer(text: str, tokens: list[str]) -> None:
    offsets = SimpleTokenizer().tokenize(text)
    assert [text[s:e] for s, e in offsets] == tokens


@given(texts())
@settings(max_examples=80, deadline=None)
def test_simple_tokens_are_ordered_trimmed_and_cover_every_visible_char(text: str) -> None:
    offsets = SimpleTokenizer().tokenize(text)
    prev = 0
    for s, e in offsets:
        assert prev <= s < e
        assert not text[s].isspace() and not text[e - 1].isspace()
        prev = e
    covered = {i for s, e in offsets for i in range(s, e)}
    for i, ch in enumerate(text):
        if i not in covered:
            assert ch.isspace() or ch in "\u200b\u200d\u200f\ufeff\u00a0", repr(ch)


def test_vietnamese_word_segmentation_joins_known_words_only_across_one_space() -> None:
    tok = VietnameseTokenizer.with_word_list()
    text = "Đại hội Đảng bộ tỉnh Sơn La\nSơn  La, Hà Nội."
    got = [text[s:e] for s, e in tok.tokenize(text)]
    assert got == ["Đại hội", "Đảng bộ", "tỉnh", "Sơn La", "Sơn", "La", ",", "Hà Nội", "."]
    syllables = [text[s:e] for s, e in VietnameseTokenizer().tokenize(text)]
    assert syllables[:4] == ["Đại", "hội", "Đảng", "bộ"]


@pytest.mark.parametrize(
    ("spec", "name", "falls_back"),
    [
        ("simple", "simple", False),
        (None, "simple", False),
        ("vi", "vi", False),
        ("vi-words", "vi-words", False),
        ("spacy:en", "spacy:en", False),
        ("spacy:xx-not-a-language", "simple", True),
    ],
)
def test_get_tokenizer(spec: str | None, name: str, falls_back: bool) -> None:
    problems: list[str] = []
    tok = get_tokenizer(spec, problems=problems)
    assert tok.name == name
    assert bool(problems) == falls_back


def test_spacy_vi_without_pyvi_falls_back_to_syllables_and_says_so() -> None:
    pytest.importorskip("spacy")
    try:
        import pyvi  # noqa: F401
    except ImportError:
        problems: list[str] = []
        tok = get_tokenizer("spacy:vi", problems=problems)
        assert tok.name == "vi"
        assert "pyvi" in problems[0] or "spacy:vi" in problems[0]
    else:
        pytest.skip("pyvi is installed")


def test_vi_pyvi_without_pyvi_uses_the_word_list() -> None:
    problems: list[str] = []
    tok = get_tokenizer("vi-pyvi", problems=problems)
    try:
        import pyvi  # noqa: F401
    except ImportError:
        assert tok.name == "vi-words" and problems
    else:
        text = "Đại hội Đảng bộ"
        assert all(text[s:e].strip() == text[s:e] for s, e in tok.tokenize(text))


def test_spacy_tokenizer_drops_white_space_tokens() -> None:
    tok = get_tokenizer("spacy:en")
    text = "Hello,  world!\n\nIt's 88.8%."
    got = [text[s:e] for s, e in tok.tokenize(text)]
    assert "Hello" in got and "world" in got and all(t.strip() for t in got)


def test_unknown_tokenizer_name() -> None:
    with pytest.raises(ValueError, match="unknown tokenizer"):
        get_tokenizer("nope")


# ---- token index -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "tokens", "why"),
    [
        (0, 3, (0, 0), ""),
        (0, 8, (0, 1), ""),
        (4, 8, (1, 1), ""),
        (1, 3, None, "starts inside token 0"),
        (0, 6, None, "ends inside token 1"),
        (3, 4, None, "covers no token"),
        (2, 2, None, "empty span"),
    ],
)
def test_token_index(start: int, end: int, tokens: tuple[int, int] | None, why: str) -> None:
    text = "abc defg"
    idx = TokenIndex(SimpleTokenizer().tokenize(text))
    assert idx.tokens_of(start, end) == tokens
    if tokens is None:
        assert idx.why_not(start, end) == why


# ---- tags --------------------------------------------------------------------------------------

SPANS = [(0, 1, "PER"), (2, 2, "PER"), (4, 6, "LOC"), (7, 7, "ORG")]


@pytest.mark.parametrize(
    ("scheme", "tags"),
    [
        ("IOB2", ["B-PER", "I-PER", "B-PER", "O", "B-LOC", "I-LOC", "I-LOC", "B-ORG"]),
        ("IOB1", ["I-PER", "I-PER", "B-PER", "O", "I-LOC", "I-LOC", "I-LOC", "I-ORG"]),
        ("BILOU", ["B-PER", "L-PER", "U-PER", "O", "B-LOC", "I-LOC", "L-LOC", "U-ORG"]),
        ("IOBES", ["B-PER", "E-PER", "S-PER", "O", "B-LOC", "I-LOC", "E-LOC", "S-ORG"]),
    ],
)
def test_encode_and_decode_tags(scheme: str, tags: list[str]) -> None:
    assert encode_tags(8, SPANS, scheme) == tags
    spans, broken = decode_tags(tags, scheme)
    assert spans == SPANS and broken == []
    if scheme != "IOB1":
        assert decode_tags(tags, "auto")[0] == SPANS


@pytest.mark.parametrize(
    ("tags", "scheme", "spans", "broken"),
    [
        (["O", "I-PER", "I-PER"], "IOB2", [(1, 2, "PER")], [1]),
        (["O", "I-PER", "I-PER"], "IOB1", [(1, 2, "PER")], []),
        (["B-PER", "I-LOC"], "IOB2", [(0, 0, "PER"), (1, 1, "LOC")], [1]),
        (["B-PER", "I-PER", "O"], "BILOU", [(0, 1, "PER")], [1]),
        (["U-PER", "L-PER"], "BILOU", [(0, 0, "PER"), (1, 1, "PER")], [1]),
        (["B-PER", "L-PER"], "IOB2", [(0, 1, "PER")], [1]),
        (["B_PER", "I_PER"], "IOB2", [(0, 1, "PER")], []),
    ],
)
def test_decode_is_lenient_and_lists_what_broke_the_scheme(
    tags: list[str], scheme: str, spans: list[tuple[int, int, str]], broken: list[int]
) -> None:
    assert decode_tags(tags, scheme) == (spans, broken)


@pytest.mark.parametrize("bad", ["PER", "X-PER", "B-", "", "o"])
def test_parse_tag_refuses_non_tags(bad: str) -> None:
    with pytest.raises(ValueError):
        parse_tag(bad)


@pytest.mark.parametrize(
    ("tags", "scheme"),
    [(["O", "B-X", "L-X"], "BILOU"), (["U-X"], "BILOU"), (["S-X"], "IOBES"), (["I-X", "B-X"], "IOB2"), ([], "IOB2")],
)
def test_detect_scheme(tags: list[str], scheme: str) -> None:
    assert detect_scheme(tags) == scheme


@st.composite
def tagged(draw: st.DrawFn) -> tuple[int, list[tuple[int, int, str]]]:
    n = draw(st.integers(0, 30))
    spans: list[tuple[int, int, str]] = []
    k = 0
    while k < n:
        if draw(st.booleans()):
            last = draw(st.integers(k, min(n - 1, k + 3)))
            spans.append((k, last, draw(st.sampled_from(["A", "B", "C-D"]))))
            k = last + 1
        else:
            k += 1
    return n, spans


@given(tagged())
@settings(max_examples=100, deadline=None)
def test_seqeval_reads_our_iob2_and_bilou(case: tuple[int, list[tuple[int, int, str]]]) -> None:
    n, spans = case
    iob2 = encode_tags(n, spans, "IOB2")
    assert sorted((s, e, lab) for lab, s, e in get_entities(iob2)) == spans
    for scheme, cls in (("IOB2", IOB2), ("BILOU", BILOU)):
        tags = encode_tags(n, spans, scheme)
        ents = Entities([tags], scheme=cls).entities[0] if tags else []
        assert [(e.start, e.end - 1, e.tag) for e in ents] == spans
        assert decode_tags(tags, scheme) == (spans, [])
    assert decode_tags(encode_tags(n, spans, "IOB1"), "IOB1") == (spans, [])


def test_encode_refuses_overlap() -> None:
    with pytest.raises(ValueError, match="overlap"):
        encode_tags(3, [(0, 1, "A"), (1, 2, "B")])


# ---- the overlap policy ------------------------------------------------------------------------


def test_assign_levels_prefers_entities_then_longer_spans() -> None:
    layer_of = layer_resolver()
    spans = [
        TokenSpan(0, 9, "CLAIM", 0),
        TokenSpan(2, 3, "PER", 1),
        TokenSpan(2, 2, "PER", 2),
        TokenSpan(5, 5, "PERCENT", 3),
        TokenSpan(3, 6, "ORG", 4),
        TokenSpan(2, 3, "PER", 5),
    ]
    levels, left = assign_levels(spans, layer_of=layer_of)
    assert [[(s.first, s.last, s.label) for s in lvl] for lvl in levels] == [
        [(2, 2, "PER"), (3, 6, "ORG")],
        [(2, 3, "PER"), (5, 5, "PERCENT")],
        [(0, 9, "CLAIM")],
    ]
    assert [s.index for s in left] == [5]  # the exact duplicate
    flat = [(s.first, s.last, s.label) for lvl in levels for s in lvl]
    assert sorted(flat) == sorted({(s.first, s.last, s.label) for s in spans})
    for lvl in levels:
        for a, b in zip(lvl, lvl[1:], strict=False):
            assert a.last < b.first
    one, rest = assign_levels(spans, layer_of=layer_of, max_levels=1)
    assert len(one) == 1 and len(one[0]) + len(rest) == len(spans)


@given(token_records())
@settings(max_examples=60, deadline=None)
def test_assign_levels_keeps_every_distinct_span_and_never_overlaps(rec: DocRecord) -> None:
    idx = TokenIndex(SimpleTokenizer().tokenize(rec.text))
    spans = []
    for i, sp in enumerate(rec.spans):
        rng = idx.tokens_of(sp.start, sp.end)
        assert rng is not None
        spans.append(TokenSpan(rng[0], rng[1], sp.label, i))
    levels, left = assign_levels(spans, layer_of=layer_resolver())
    placed = [(s.first, s.last, s.label) for lvl in levels for s in lvl]
    assert len(placed) == len(set(placed)) == len({(s.first, s.last, s.label) for s in spans})
    assert len(placed) + len(left) == len(spans)
    for lvl in levels:
        assert all(a.last < b.first for a, b in zip(lvl, lvl[1:], strict=False))


def test_pyvi_output_is_mapped_back_onto_the_text(monkeypatch: pytest.MonkeyPatch) -> None:
    """pyvi is optional; its output form (syllables joined by "_") is mapped back to offsets."""
    import sys
    import types

    fake = types.ModuleType("pyvi")

    class ViTokenizer:
        @staticmethod
        def tokenize(text: str) -> str:
            return "Đại_hội Đảng_bộ tỉnh Sơn_La ,"

    fake.ViTokenizer = ViTokenizer  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "pyvi", fake)
    problems: list[str] = []
    tok = get_tokenizer("vi-pyvi", problems=problems)
    text = "Đại hội  Đảng bộ tỉnh Sơn La,"
    assert problems == [] and tok.name == "vi-pyvi"
    assert [text[s:e] for s, e in tok.tokenize(text)] == ["Đại hội", "Đảng bộ", "tỉnh", "Sơn La", ","]


@pytest.mark.parametrize(
    ("text", "laid"),
    [
        ("a b", [("a", True), ("b", False)]),
        ("a  b\n", [("a", True), (" ", False), ("b", False), ("\n", False)]),
        (" a\u200bb", [(" ", False), ("a", False), ("\u200b", False), ("b", False)]),
        ("a\tb", [("a", False), ("\t", False), ("b", False)]),
    ],
)
def test_with_gaps_lays_tokens_out_as_spacy_does(text: str, laid: list[tuple[str, bool]]) -> None:
    from annotator.formats.tokens import with_gaps

    got = with_gaps(text, SimpleTokenizer().tokenize(text))
    assert [(text[s:e], ws) for s, e, ws in got] == laid
    assert "".join(text[s:e] + (" " if ws else "") for s, e, ws in got) == text


# ---- words joined by a segmenter (pyvi) --------------------------------------------------------

_SYLLABLES = st.text(alphabet="aăâbđeêôơưxyàảãáạằẳẵắặÔĐƯ0123456789.,%“”()_😀", min_size=1, max_size=5)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.lists(_SYLLABLES, min_size=1, max_size=3),
                          st.sampled_from([" ", "  ", "\n", " \t", "\n\n"])), max_size=12),
       st.sampled_from(["", " ", "\n"]))
def test_words_joined_by_a_segmenter_map_back_onto_the_text(words: list[tuple[list[str], str]], lead: str) -> None:
    """A segmenter's words, written with "_" for the white space inside a word and sometimes a
    "_" for a line break passed just before (as pyvi does), map back to exactly their places."""
    from annotator.formats.tokens import align_joined

    text, expected, written = lead, [], []
    for syllables, gap in words:
        start = len(text)
        inner = [" ", "\n ", "  "][len(syllables) % 3]
        text += inner.join(syllables)
        expected.append((start, len(text)))
        quirk = text[start - 1:start] == "\n" and not syllables[0].startswith("_")  # pyvi: "\n_âm"
        written.append(("_" if quirk else "") + "_".join(syllables))
        text += gap
    assert align_joined(text, written) == expected


def test_pyvi_words_on_a_real_article() -> None:
    """With pyvi installed (the `vi` extra): Vietnamese words on the seed article, every character
    but white space in exactly one token (white space in at most one: inside a word), a name as one
    word; CoNLL writes it with "_"."""
    pytest.importorskip("pyvi")
    from pathlib import Path

    from annotator.formats.conll import write_conll

    text = normalize((Path(__file__).parent / "data" / "son-la-congress-interview.vi.txt").read_text("utf-8")).text
    problems: list[str] = []
    tok = get_tokenizer("vi-pyvi", problems=problems)
    assert problems == [] and tok.name == "vi-pyvi"
    offsets = tok.tokenize(text)
    covered = [0] * len(text)
    for a, b in offsets:
        assert text[a:b] == text[a:b].strip() and a < b
        for i in range(a, b):
            covered[i] += 1
    assert all(covered[i] == 1 or (c.isspace() and covered[i] == 0) for i, c in enumerate(text))
    words = {text[a:b] for a, b in offsets}
    assert {"Lữ Hồng Long", "Sơn La", "đại hội"} <= words
    assert get_tokenizer("spacy:vi", problems=problems).name == "spacy:vi" and problems == []
    start = text.index("Lữ Hồng Long")
    rec = DocRecord(text=text, spans=[SpanRecord(start, start + len("Lữ Hồng Long"), "PER")])
    import io

    out = io.StringIO()
    write_conll([rec], out, tokenizer="vi-pyvi")
    assert "Lữ_Hồng_Long _ _ B-PER\n" in out.getvalue()
