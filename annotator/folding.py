"""Folding text for matching: case, Vietnamese diacritics (đ → d too), spacing.

``fold`` keeps the length (one folded character per character), so positions found in the
folded text are positions in the original.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_SPECIAL = {"đ": "d", "Đ": "d", "ð": "d", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "ß": "s", "æ": "a", "œ": "o"}


@lru_cache(maxsize=4096)
def fold_char(ch: str) -> str:
    """One character, lower-cased, without diacritics; always exactly one character."""
    if ch in _SPECIAL:
        return _SPECIAL[ch]
    if ch.isascii():
        return ch.lower()
    base = unicodedata.normalize("NFD", ch)[0].lower()
    if unicodedata.combining(base):  # a lone combining mark folds to nothing visible
        return " "
    return base if len(base) == 1 else ch


class _FoldTable(dict[int, str]):
    """``str.translate`` table folding every character, filled as characters are first met."""

    def __missing__(self, code: int) -> str:
        folded = fold_char(chr(code))
        self[code] = folded
        return folded


_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Length-preserving fold: ``len(fold(t)) == len(t)``.

    One ``str.translate`` over a table of the characters met so far (several times faster than
    folding character by character in Python; the same result).
    """
    if text.isascii():
        return text.lower()
    return text.translate(_TABLE)


def fold_key(text: str) -> str:
    """Fold and drop spacing and punctuation: "Hồng Long" and "Honglong" give the same key."""
    return "".join(c for c in fold(text) if c.isalnum())
