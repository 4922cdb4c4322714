"""Deterministic benchmark documents, generated in memory (nothing is committed or read from elsewhere).

Text is made of real sentences of ``resources/samples/son-la-congress-interview.vi.txt`` (real
Vietnamese with real figures); spans come from simple patterns (COUNT/PERCENT figures), a name
list (PER/LOC/ORG entities) and the sentences holding a figure (CLAIM, containing the others), so
the spans nest the way real annotations do. Offsets are code points, end exclusive.

Standard cases: main N=1000 docs of 3,000 characters (about 31,700 spans); long N=1 of
100,000 characters (about 1,004 spans); very long N=1 of 1,000,000 characters (about 10,354
spans) as one paragraph, the worst case for text layout.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from annotator.model import SpanRecord

SEED = Path(__file__).resolve().parent.parent / "resources" / "samples" / "son-la-congress-interview.vi.txt"

NAMES = {
    "PER": ["Lê Hồng Long", "Lữ Hồng Long", "Lu Honglong", "Luo Honglong"],
    "LOC": ["Sơn La", "Sun La", "Tôn La"],
    "ORG": ["Tỉnh ủy", "Bộ Chính trị", "Ban Tổ chức Trung ương", "VOV"],
}
FIGURE = re.compile(r"\d+(?:[.,]\d+)*(?:\s?%)?(?:/\d+(?:/\d+)?)?(?:-\d+)?")


@dataclass(slots=True)
class BenchDoc:
    ext_id: str
    text: str
    spans: list[SpanRecord] = field(default_factory=list)


def sentences(seed: Path = SEED) -> list[str]:
    """The seed article's sentences longer than 20 characters (NFC)."""
    text = unicodedata.normalize("NFC", seed.read_text(encoding="utf-8"))
    return [s.strip() for s in re.split(r"(?<=[.;?!])\s+|\n+", text) if len(s.strip()) > 20]


def _spans_of(doc: str, parts: list[str]) -> list[SpanRecord]:
    spans: list[SpanRecord] = []
    pos = 0
    for s in parts:
        start = doc.index(s, pos)
        end = start + len(s)
        pos = end
        figs = [(start + m.start(), start + m.end()) for m in FIGURE.finditer(s)]
        for a, b in figs:
            spans.append(SpanRecord(a, b, "PERCENT" if doc[b - 1] == "%" else "COUNT"))
        for label, names in NAMES.items():
            for name in names:
                for m in re.finditer(re.escape(name), s):
                    spans.append(SpanRecord(start + m.start(), start + m.end(), label))
        if figs:
            spans.append(SpanRecord(start, end, "CLAIM"))
    spans.sort(key=lambda r: (r.start, -r.end))
    return spans


def documents(n_docs: int, chars: int, *, emoji: bool = False, seed: int = 7) -> Iterator[BenchDoc]:
    """``n_docs`` documents of about ``chars`` characters each, every one a single paragraph.

    With ``emoji`` about one sentence in twenty ends with an astral character (two UTF-16 units),
    so code point and UTF-16 offsets differ.
    """
    pool = sentences()
    rng = random.Random(seed)
    for i in range(n_docs):
        parts: list[str] = []
        size = 0
        while size < chars:
            s = rng.choice(pool)
            if emoji and rng.random() < 0.05:
                s = s + " 📊"
            parts.append(s)
            size += len(s) + 1
        text = " ".join(parts)
        yield BenchDoc(f"doc-{i:06d}", text, _spans_of(text, parts))
