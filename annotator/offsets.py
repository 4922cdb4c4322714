"""The one place where text positions are converted and snapped.

Python strings (and our store, spaCy, Prodigy, doccano, brat) count code points; Qt and Label
Studio count UTF-16 code units. Every character outside the Basic Multilingual Plane (emoji,
rare CJK) is one code point but two UTF-16 units, so it shifts every offset after it. All
conversion goes through :class:`OffsetMap`; nothing else in the code base does this arithmetic.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Sequence

__all__ = [
    "OffsetMap",
    "utf16_len",
    "cp_to_utf16",
    "utf16_to_cp",
    "is_cluster_boundary",
    "snap_to_cluster",
    "snap_to_words",
    "is_word_char",
]


_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


def utf16_len(text: str) -> int:
    """Length of ``text`` in UTF-16 code units."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


class OffsetMap:
    """Converts positions in one text between code points and UTF-16 units.

    Built in one pass (O(n)); each conversion is a binary search over the astral characters, so
    a 1 MB article with no emoji converts in constant time.
    """

    __slots__ = ("_astral", "_astral16", "length", "length16")

    def __init__(self, text: str) -> None:
        astral = [m.start() for m in _ASTRAL.finditer(text)] if not text.isascii() else []
        self._astral: list[int] = astral
        # UTF-16 position of each astral character
        self._astral16: list[int] = [cp + k for k, cp in enumerate(astral)]
        self.length = len(text)
        self.length16 = len(text) + len(astral)

    @property
    def trivial(self) -> bool:
        """True when both units agree everywhere (no character outside the BMP)."""
        return not self._astral

    def to_utf16(self, cp: int) -> int:
        """UTF-16 offset of code-point offset ``cp`` (0 ≤ cp ≤ len)."""
        if not 0 <= cp <= self.length:
            raise ValueError(f"code-point offset {cp} outside 0..{self.length}")
        if not self._astral:
            return cp
        return cp + bisect.bisect_left(self._astral, cp)

    def to_cp(self, u16: int, *, round_up: bool = False) -> int:
        """Code-point offset of UTF-16 offset ``u16``.

        An offset that falls between the two halves of a surrogate pair is moved to the start of
        that character, or to its end with ``round_up``.
        """
        if not 0 <= u16 <= self.length16:
            raise ValueError(f"UTF-16 offset {u16} outside 0..{self.length16}")
        if not self._astral:
            return u16
        k = bisect.bisect_left(self._astral16, u16)
        # k astral characters start strictly before u16
        if k and self._astral16[k - 1] + 1 == u16:
            # inside the pair of astral character k-1
            return self._astral[k - 1] + (1 if round_up else 0)
        return u16 - k

    def span_to_utf16(self, start: int, end: int) -> tuple[int, int]:
        return self.to_utf16(start), self.to_utf16(end)

    def span_to_cp(self, start16: int, end16: int) -> tuple[int, int]:
        return self.to_cp(start16), self.to_cp(end16, round_up=True)


def cp_to_utf16(text: str, cp: int) -> int:
    return OffsetMap(text).to_utf16(cp)


def utf16_to_cp(text: str, u16: int) -> int:
    return OffsetMap(text).to_cp(u16)


# ---- grapheme-ish clusters and words ---------------------------------------------------------

_ZWJ = "\u200d"
_JOINING = {"Mn", "Me", "Mc"}


def _extends(ch: str) -> bool:
    """True for characters that belong to the cluster before them."""
    if ch == _ZWJ or "\ufe00" <= ch <= "\ufe0f" or "\U0001f3fb" <= ch <= "\U0001f3ff":
        return True
    if "\U000e0020" <= ch <= "\U000e007f":  # emoji tag sequences
        return True
    return unicodedata.category(ch) in _JOINING


def is_cluster_boundary(text: str, i: int) -> bool:
    """Whether a span may start or end at code point ``i`` without splitting a character.

    Never between a base letter and its combining marks, inside a ZWJ emoji sequence, or
    between a CR and LF.
    """
    if i <= 0 or i >= len(text):
        return True
    ch, prev = text[i], text[i - 1]
    if prev == "\r" and ch == "\n":
        return False
    if _extends(ch):
        return False
    if prev == _ZWJ:
        return False
    # regional indicator pairs (flags): boundary only after an even run
    if _is_ri(ch) and _is_ri(prev):
        run = 0
        j = i - 1
        while j >= 0 and _is_ri(text[j]):
            run += 1
            j -= 1
        return run % 2 == 0
    return True


def _is_ri(ch: str) -> bool:
    return "\U0001f1e6" <= ch <= "\U0001f1ff"


def snap_to_cluster(text: str, i: int, *, forward: bool) -> int:
    """Move ``i`` to the nearest cluster boundary, forward or backward."""
    i = max(0, min(len(text), i))
    step = 1 if forward else -1
    while not is_cluster_boundary(text, i):
        i += step
    return i


def is_word_char(ch: str) -> bool:
    """Letters, digits, combining marks and ``_`` are word characters (inner punctuation such as
    the ``,`` of ``88,8`` is handled by :func:`snap_to_words`)."""
    cat = unicodedata.category(ch)
    return cat[0] in "LNM" or ch in "_"


_INNER = set(".,'’-/%")


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Grow a selection to whole words, and trim white space and outer punctuation.

    "88,8%", "4/8/2020", "35-CT/TW" stay whole: punctuation between two word characters is
    part of the word. A selection that holds no word character is only trimmed of white space.
    """
    n = len(text)
    start, end = max(0, min(start, n)), max(0, min(end, n))
    if start > end:
        start, end = end, start
    # trim white space
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        s = snap_to_cluster(text, start, forward=False)
        return s, s
    if not any(is_word_char(c) for c in text[start:end]):
        return snap_to_cluster(text, start, forward=False), snap_to_cluster(text, end, forward=True)

    def inner(k: int) -> bool:
        return 0 < k < n - 1 and text[k] in _INNER and is_word_char(text[k - 1]) and is_word_char(text[k + 1])

    # trim leading/trailing punctuation that is not inside a word
    while start < end and not is_word_char(text[start]) and not inner(start):
        start += 1
    while end > start and not is_word_char(text[end - 1]) and not inner(end - 1) and text[end - 1] != "%":
        end -= 1
    # grow to word edges
    while start > 0 and (is_word_char(text[start - 1]) or inner(start - 1)):
        start -= 1
    while end < n and (is_word_char(text[end]) or inner(end) or (text[end] == "%" and end > 0 and text[end - 1].isdigit())):
        end += 1
    return snap_to_cluster(text, start, forward=False), snap_to_cluster(text, end, forward=True)


def word_bounds(text: str) -> Sequence[tuple[int, int]]:
    """All word (start, end) pairs, as :func:`snap_to_words` sees words."""
    out: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        if is_word_char(text[i]):
            s, e = snap_to_words(text, i, i + 1)
            out.append((s, e))
            i = max(e, i + 1)
        else:
            i += 1
    return out
