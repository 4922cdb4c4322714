"""Import normalisation: NFC and LF, with spans mapped onto the same characters."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from annotator.textnorm import normalize

PIECES = ["a", " ", "\r\n", "\r", "\n", "\t", "ơ", "o\u031b", "e\u0302\u0301", "ế", "Đ", "😀", "ש", "\u200b", "x"]
texts = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)


def canon(s: str) -> str:
    return unicodedata.normalize("NFC", s.replace("\r\n", "\n").replace("\r", "\n"))


def test_decomposed_vietnamese_and_crlf() -> None:
    raw = "Nguye\u0302\u0303n\r\nSo\u031bn La"
    n = normalize(raw)
    assert n.text == "Nguyễn\nSơn La"
    s = raw.index("S")
    start, end = n.map_span(s, len(raw))
    assert n.text[start:end] == "Sơn La"


def test_already_normal_text_is_identity() -> None:
    n = normalize("Sơn La 😀")
    assert n.identity and n.text == "Sơn La 😀"


@given(texts)
def test_text_is_nfc_with_lf(raw: str) -> None:
    n = normalize(raw)
    assert n.text == canon(raw)
    assert "\r" not in n.text
    assert unicodedata.is_normalized("NFC", n.text)


@given(texts, st.data())
def test_spans_on_cluster_edges_keep_their_characters(raw: str, data: st.DataObject) -> None:
    # cluster edges of the raw text: before a starter that is not the LF of a CRLF
    edges = [i for i in range(len(raw) + 1)
             if i in (0, len(raw)) or (not unicodedata.combining(raw[i]) and not (raw[i - 1] == "\r" and raw[i] == "\n"))]
    a = data.draw(st.sampled_from(edges))
    b = data.draw(st.sampled_from(edges))
    a, b = min(a, b), max(a, b)
    n = normalize(raw)
    s, e = n.map_span(a, b)
    assert n.text[s:e] == canon(raw[a:b])
