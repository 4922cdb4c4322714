"""The spans of one document, layered for drawing and hit-testing (no Qt here).

The text is cut at every span boundary into segments; each segment carries the set of span ids
covering every character in it. Adjacent segments always differ, and together they tile the
whole text ``[0, length)``. Adding or removing a span touches only the segments inside it, so a
change costs O(spans there + log n), not a rebuild. Offsets are code points, end exclusive.

All methods are for the GUI thread of the view that owns the instance (nothing here locks).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass

from annotator.model import Layer, Span

__all__ = ["Segment", "SpanLayers", "innermost_first", "nesting_depths"]

_EMPTY: frozenset[int] = frozenset()


@dataclass(frozen=True, slots=True)
class Segment:
    """Characters ``[start, end)``, all covered by exactly the spans ``ids``."""

    start: int
    end: int
    ids: frozenset[int]


def innermost_first(spans: Iterable[Span]) -> list[Span]:
    """Shortest first (the innermost of nested spans); ties by later start, then id."""
    return sorted(spans, key=lambda s: (s.end - s.start, -s.start, s.id))


def nesting_depths(spans: Iterable[Span]) -> dict[int, int]:
    """For each span, how many other spans of its layer contain it (0 for the outermost).

    Two spans with the same range count as nested in id order, so both stay visible.
    Meant for the few dozen spans on screen: O(k log k + k·d) for k spans nested d deep.
    """
    out: dict[int, int] = {}
    by_layer: dict[Layer, list[Span]] = {}
    for s in spans:
        by_layer.setdefault(s.layer, []).append(s)
    for group in by_layer.values():
        group.sort(key=lambda s: (s.start, -s.end, s.id))
        open_: list[Span] = []  # chain of spans containing the current one, outermost first
        for s in group:
            while open_ and open_[-1].end < s.end:
                open_.pop()
            # what is left on the stack starts at or before s and ends at or after it
            out[s.id] = len(open_)
            open_.append(s)
    return out


class SpanLayers:
    """Spans of one text, cut into covering segments.

    ``length`` is the text length in code points; span ranges are clipped to it and a span
    that is empty after clipping covers nothing (but is still known by id).
    """

    __slots__ = ("length", "spans", "_bounds", "_covers")

    def __init__(self, length: int, spans: Iterable[Span] = ()) -> None:
        self.length = max(0, length)
        self.spans: dict[int, Span] = {}
        # segment k is [_bounds[k], _bounds[k + 1]) covered by _covers[k]
        self._bounds: list[int] = [0, self.length]
        self._covers: list[frozenset[int]] = [_EMPTY]
        self._build(spans)

    # ---- building ----------------------------------------------------------------------------

    def _clip(self, span: Span) -> tuple[int, int]:
        s = max(0, min(span.start, self.length))
        e = max(s, min(span.end, self.length))
        return s, e

    def _build(self, spans: Iterable[Span]) -> None:
        """A sweep over the span boundaries: one pass, sorted events."""
        starts: dict[int, list[int]] = {}
        ends: dict[int, list[int]] = {}
        for span in spans:
            self.spans[span.id] = span
        for span in self.spans.values():
            s, e = self._clip(span)
            if s < e:
                starts.setdefault(s, []).append(span.id)
                ends.setdefault(e, []).append(span.id)
        points = sorted(set(starts) | set(ends) | {0, self.length})
        bounds: list[int] = []
        covers: list[frozenset[int]] = []
        active: set[int] = set()
        for p in points[:-1]:
            active.difference_update(ends.get(p, ()))
            active.update(starts.get(p, ()))
            cover = frozenset(active)
            if covers and covers[-1] == cover:
                continue  # 0 and length are always points, even where nothing changes
            bounds.append(p)
            covers.append(cover)
        bounds.append(self.length)
        if not covers:  # empty text
            bounds, covers = [0, self.length], [_EMPTY]
        self._bounds, self._covers = bounds, covers

    def _split(self, x: int) -> int:
        """Make ``x`` a segment boundary; return the index of the segment starting at ``x``."""
        k = bisect.bisect_right(self._bounds, x) - 1
        if self._bounds[k] == x:
            return k
        self._bounds.insert(k + 1, x)
        self._covers.insert(k + 1, self._covers[k])
        return k + 1

    def _merge_at(self, x: int) -> None:
        """Join the two segments meeting at ``x`` if they have the same cover."""
        if x <= 0 or x >= self.length:
            return
        k = bisect.bisect_left(self._bounds, x)
        if k < len(self._bounds) and self._bounds[k] == x and self._covers[k - 1] == self._covers[k]:
            del self._bounds[k]
            del self._covers[k]

    def _cover(self, span: Span, add: bool) -> None:
        s, e = self._clip(span)
        if s >= e:
            return
        i = self._split(s)
        j = self._split(e) if e < self.length else len(self._covers)
        sid = frozenset((span.id,))
        covers = self._covers
        for k in range(i, j):
            covers[k] = covers[k] | sid if add else covers[k] - sid
        self._merge_at(e)
        self._merge_at(s)

    # ---- changing ----------------------------------------------------------------------------

    def add(self, span: Span) -> None:
        """Add a span, or replace the one with its id (its old range is uncovered first)."""
        if span.id in self.spans:
            self.remove(span.id)
        self.spans[span.id] = span
        self._cover(span, True)

    def remove(self, span_id: int) -> Span | None:
        """Forget a span; return it, or None if it was not known."""
        span = self.spans.pop(span_id, None)
        if span is not None:
            self._cover(span, False)
        return span

    # ---- reading -----------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.spans)

    def __contains__(self, span_id: object) -> bool:
        return span_id in self.spans

    def segments(self, start: int = 0, end: int | None = None) -> list[Segment]:
        """The segments meeting ``[start, end)``, clipped to it (all of them by default)."""
        end = self.length if end is None else min(end, self.length)
        start = max(0, start)
        if start >= end:
            return []
        out: list[Segment] = []
        k = bisect.bisect_right(self._bounds, start) - 1
        while k < len(self._covers) and self._bounds[k] < end:
            out.append(Segment(max(start, self._bounds[k]), min(end, self._bounds[k + 1]), self._covers[k]))
            k += 1
        return out

    def ids_at(self, cp: int) -> frozenset[int]:
        """Ids of the spans covering the character at ``cp``."""
        if not 0 <= cp < self.length:
            return _EMPTY
        return self._covers[bisect.bisect_right(self._bounds, cp) - 1]

    def at(self, cp: int) -> list[Span]:
        """Spans covering the character at ``cp``, innermost first."""
        return innermost_first(self.spans[i] for i in self.ids_at(cp))

    def overlapping(self, start: int, end: int) -> list[Span]:
        """Spans sharing at least one character with ``[start, end)``, by start then longest."""
        ids: set[int] = set()
        for seg in self.segments(start, end):
            ids.update(seg.ids)
        return sorted((self.spans[i] for i in ids), key=lambda s: (s.start, -s.end, s.id))

    def ordered(self) -> list[Span]:
        """All known spans by start, longest first (the order of a span list)."""
        return sorted(self.spans.values(), key=lambda s: (s.start, -s.end, s.id))
