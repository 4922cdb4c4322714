"""Normalising imported text (CRLF → LF, NFC) while keeping spans on the same characters.

Stored text is NFC with "\\n" line ends and never changes after import. Spans given on the raw
text are mapped with :class:`Normalized.map_span`.
"""

from __future__ import annotations

import bisect
import hashlib
import unicodedata
from dataclasses import dataclass


def text_hash(text: str) -> str:
    """Content hash of a stored text: documents are matched across copies by this."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Normalized:
    """The normalised text and the raw pieces that normalisation changed."""

    text: str
    # (raw_start, raw_end, norm_start, norm_end) of each changed piece, in order
    changed: tuple[tuple[int, int, int, int], ...]
    raw_length: int

    @property
    def identity(self) -> bool:
        return not self.changed

    def map_offset(self, raw: int, *, end: bool = False) -> int:
        """Position in the normalised text of raw position ``raw``.

        A position inside a piece that normalisation merged (a base and its decomposed marks, a
        CRLF) goes to the piece's start, or to its end when ``end`` is set, so a span keeps
        covering every character it covered.
        """
        if not 0 <= raw <= self.raw_length:
            raise ValueError(f"offset {raw} outside 0..{self.raw_length}")
        if not self.changed:
            return raw
        k = bisect.bisect_right(self.changed, (raw, 1 << 62)) - 1
        if k < 0:
            return raw
        a, b, c, d = self.changed[k]
        if raw >= b:
            return d + (raw - b)
        if raw == a:
            return c
        return d if end else c

    def map_span(self, start: int, end: int) -> tuple[int, int]:
        s, e = self.map_offset(start), self.map_offset(end, end=True)
        return (s, e) if e > s or start == end else (s, max(e, s))


def _segments(raw: str) -> list[tuple[int, int]]:
    """Split into pieces that normalise independently: a starter with its following marks."""
    bounds: list[int] = [0]
    n = len(raw)
    for i in range(1, n):
        ch = raw[i]
        if raw[i - 1] == "\r" and ch == "\n":
            continue
        if unicodedata.combining(ch) or "\u1160" <= ch <= "\u11ff":
            continue
        bounds.append(i)
    bounds.append(n)
    return [(bounds[k], bounds[k + 1]) for k in range(len(bounds) - 1) if bounds[k] < bounds[k + 1]]


def _norm_piece(piece: str) -> str:
    return unicodedata.normalize("NFC", piece.replace("\r\n", "\n").replace("\r", "\n"))


def _build(raw: str, pieces: list[tuple[int, int]]) -> Normalized:
    changed: list[tuple[int, int, int, int]] = []
    parts: list[str] = []
    pos = 0
    for a, b in pieces:
        piece = raw[a:b]
        out = piece if (piece.isascii() and "\r" not in piece) else _norm_piece(piece)
        if out != piece:
            changed.append((a, b, pos, pos + len(out)))
        parts.append(out)
        pos += len(out)
    return Normalized("".join(parts), tuple(changed), len(raw))


def normalize(raw: str) -> Normalized:
    """NFC-normalise ``raw`` and turn CRLF and lone CR into LF, keeping an offset map."""
    if "\r" not in raw and (raw.isascii() or unicodedata.is_normalized("NFC", raw)):
        return Normalized(raw, (), len(raw))
    result = _build(raw, _segments(raw))
    whole = _norm_piece(raw)
    if result.text != whole:
        # composition across two starters (Hangul LV+T and the like): fall back to whole lines
        lines: list[tuple[int, int]] = []
        start = 0
        for i, ch in enumerate(raw):
            if ch == "\n":
                lines.append((start, i + 1))
                start = i + 1
        if start < len(raw):
            lines.append((start, len(raw)))
        result = _build(raw, lines)
    return result
