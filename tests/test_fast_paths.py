"""The fast paths made for the benchmarks give exactly what the plain code they replace gives.

SimpleTokenizer's regular expression against its character-by-character reference, ``split``
against ``tokenize``, the table-driven ``fold`` against folding one character at a time, and the
spaCy words/spaces shortcut against ``with_gaps``.
"""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_tokens import PIECES, SEPARATORS, texts

from annotator.folding import fold, fold_char
from annotator.formats.spacy_docbin import _words_and_spaces, _words_and_spaces_fast
from annotator.formats.tokens import SimpleTokenizer, TokenIndex, VietnameseTokenizer, split_tokens

TOK = SimpleTokenizer()
# characters whose rules differ: joiners, marks, flags, skin tones, tags, separators of every kind
ODD = ["\u200d", "\u200c", "\u00ad", "\ufe0f", "\u0301", "\u0308", "\U0001f1fb", "\U0001f1f3", "\U0001f3fd",
       "\U000e0067", "\U000e007f", "\u200b", "\ufeff", "\x85", "\x1c", "\u3000", "\u2028", "\ud800",
       "\U000f0000", "\U00050000", "'", "’", ":", "_", "\u00b7", ".", ",", "-", "/", "!", "%", "a", "1", " "]
pieces = st.sampled_from(PIECES + SEPARATORS + ODD)


@settings(max_examples=400, deadline=None)
@given(st.lists(pieces, max_size=14).map("".join))
def test_regex_tokenizer_is_the_reference(text: str) -> None:
    assert TOK.tokenize(text) == TOK.tokenize_slow(text)


@pytest.mark.parametrize("context", ["{}", "a{}", "{}a", "!{}", "\u200d{}", "a.{}", "{}\U0001f1fb"])
def test_every_kind_of_character_in_context(context: str) -> None:
    # the first and last code point of every run of one category, and every odd one
    chars, last = [], None
    for cp in list(range(0x30000)) + list(range(0xE0000, 0xE0200)):
        cat = unicodedata.category(chr(cp))
        if cat != last:
            chars += [chr(cp - 1), chr(cp)] if cp else [chr(cp)]
            last = cat
    for ch in chars + ODD:
        text = context.format(ch)
        assert TOK.tokenize(text) == TOK.tokenize_slow(text), ascii(text)


@settings(max_examples=200, deadline=None)
@given(texts())
def test_split_gives_the_tokens_texts_and_bounds(text: str) -> None:
    for tok in (TOK, VietnameseTokenizer(), VietnameseTokenizer.with_word_list()):
        words, starts, ends = split_tokens(tok, text)
        offsets = tok.tokenize(text)
        assert list(zip(starts, ends, strict=True)) == offsets
        assert words == [text[a:b] for a, b in offsets]
        idx = TokenIndex.from_bounds(starts, ends)
        assert idx.offsets == TokenIndex(offsets).offsets and len(idx) == len(offsets)
        for k, (a, b) in enumerate(offsets):
            assert idx.tokens_of(a, b) == (k, k)


@settings(max_examples=200, deadline=None)
@given(texts())
def test_spacy_words_and_spaces_shortcut(text: str) -> None:
    words, starts, ends = TOK.split(text)
    assert _words_and_spaces_fast(text, words, starts, ends) == _words_and_spaces(text, TOK.tokenize(text))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_fold_table_is_fold_char(text: str) -> None:
    assert fold(text) == "".join(fold_char(c) for c in text)
    assert len(fold(text)) == len(text)
