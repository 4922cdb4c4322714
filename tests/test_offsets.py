"""Offsets: code points <-> UTF-16, cluster and word snapping (property-tested)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.offsets import OffsetMap, is_cluster_boundary, snap_to_cluster, snap_to_words, utf16_len

# emoji (astral, ZWJ sequences, skin tones, flags), combining marks, CRLF, tabs, RTL, zero-width
PIECES = ["a", "Z", " ", "\t", "\r\n", "\n", "ơ", "o\u0302\u0301", "Đ", "😀", "👩\u200d💻", "👍🏽", "🇻🇳",
          "שלום", "مرحبا", "\u200b", "\u200c", "\u200d", "\ufeff", "𝔘", "中", "1", ",", ".", "%", "-"]
texts = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


def utf16_units(s: str) -> int:
    return len(s.encode("utf-16-le")) // 2


@given(texts)
def test_to_utf16_counts_units_of_the_prefix(text: str) -> None:
    m = OffsetMap(text)
    assert m.length16 == utf16_len(text) == utf16_units(text)
    for i in range(len(text) + 1):
        assert m.to_utf16(i) == utf16_units(text[:i])


@given(texts)
def test_round_trip_cp_utf16_cp(text: str) -> None:
    m = OffsetMap(text)
    for i in range(len(text) + 1):
        assert m.to_cp(m.to_utf16(i)) == i


@given(texts)
def test_utf16_inside_a_pair_rounds_to_the_character_edges(text: str) -> None:
    m = OffsetMap(text)
    for i, ch in enumerate(text):
        if ord(ch) > 0xFFFF:
            inside = m.to_utf16(i) + 1
            assert m.to_cp(inside) == i
            assert m.to_cp(inside, round_up=True) == i + 1


def test_out_of_range_is_refused() -> None:
    m = OffsetMap("ab😀")
    with pytest.raises(ValueError):
        m.to_utf16(4)
    with pytest.raises(ValueError):
        m.to_cp(5)


@pytest.mark.parametrize(
    ("text", "position", "boundary"),
    [
        ("o\u0302\u0301x", 1, False),  # before a combining circumflex
        ("o\u0302\u0301x", 2, False),
        ("o\u0302\u0301x", 3, True),
        ("a\r\nb", 2, False),  # inside CRLF
        ("👩\u200d💻", 1, False),  # before ZWJ
        ("👩\u200d💻", 2, False),  # after ZWJ
        ("🇻🇳🇺🇸", 2, True),  # between two flags
        ("🇻🇳🇺🇸", 1, False),  # inside a flag
        ("👍🏽!", 1, False),  # before a skin tone
        ("ab", 1, True),
    ],
)
def test_cluster_boundaries(text: str, position: int, boundary: bool) -> None:
    assert is_cluster_boundary(text, position) is boundary


@given(texts, st.integers(0, 60), st.booleans())
def test_snap_to_cluster_lands_on_a_boundary(text: str, i: int, forward: bool) -> None:
    j = snap_to_cluster(text, min(i, len(text)), forward=forward)
    assert is_cluster_boundary(text, j)


@pytest.mark.parametrize(
    ("text", "sel", "expected"),
    [
        ("hơn 88,8% dân số", (5, 7), "88,8%"),
        ("ngày 4/8/2020, toàn bộ", (6, 8), "4/8/2020"),
        ("Chỉ thị số 35-CT/TW của", (12, 14), "35-CT/TW"),
        ("ông Lê Hồng Long nói", (5, 13), "Lê Hồng Long"),
        ("  Sơn La  ", (0, 10), "Sơn La"),
        ("(Sơn La)", (0, 8), "Sơn La"),
        ("Nguye\u0302\u0303n Văn", (0, 3), "Nguye\u0302\u0303n"),
        ("say 😀 hi", (4, 5), "😀"),
    ],
)
def test_snap_to_words(text: str, sel: tuple[int, int], expected: str) -> None:
    s, e = snap_to_words(text, *sel)
    assert text[s:e] == expected


@settings(max_examples=200)
@given(texts, st.integers(0, 60), st.integers(0, 60))
def test_snap_to_words_never_splits_a_cluster(text: str, a: int, b: int) -> None:
    s, e = snap_to_words(text, min(a, len(text)), min(b, len(text)))
    assert 0 <= s <= e <= len(text)
    assert is_cluster_boundary(text, s) and is_cluster_boundary(text, e)
