"""Tokens for the token-level formats (CoNLL, spaCy, Hugging Face, Prodigy) and tag sequences.

A tokeniser returns ``(start, end)`` code-point offsets into the text, in order, never
overlapping, never holding white space at their ends. Spans are then placed on tokens with
:class:`TokenIndex`; a span whose start or end is not a token boundary is *reported* by the
writers, never moved.

Tokenisers (see :func:`get_tokenizer`):

``"simple"`` (default)
    Runs of letters, digits and combining marks are words. Punctuation *between two word
    characters* stays inside the word, so numbers and codes with inner punctuation are one
    token: ``88,8``, ``4/8/2020``, ``35-CT/TW``, ``2020-2025``, ``self-driving``, ``don't``.
    Every other non-space character is a token of its own (one user-perceived character: an emoji
    with its modifiers or ZWJ sequence, a flag, a mark on a symbol); ``%`` after ``88,8`` is its
    own token. White space, control characters and zero-width format characters (ZWSP, BOM,
    bidi marks) separate tokens and belong to none, except ZWJ/ZWNJ/soft hyphen between two word
    characters, which stay inside the word.
``"spacy:<lang>"``
    ``spacy.blank(lang)``'s rule-based tokenizer (no model download); white-space tokens are
    dropped. Needs spaCy; ``"spacy:vi"`` needs pyvi. When it cannot be loaded the writer falls
    back (Vietnamese syllables for ``vi``, otherwise ``simple``) and says so in its report.
``"vi"``
    Vietnamese syllables: the ``simple`` rules (a syllable is a word between spaces).
``"vi-words"``
    Vietnamese words: syllables joined greedily (longest match first) with the word list shipped
    in ``vi_words.txt`` (or a list you give). A joined word contains a space (``Sơn La``);
    CoNLL writes it with ``_`` (``Sơn_La``), as VLSP data does.
``"vi-pyvi"``
    Word segmentation by pyvi when it is installed; otherwise ``vi-words`` and a report line.

Tag sequences: :func:`encode_tags` / :func:`decode_tags` for IOB1, IOB2, BILOU and IOBES, and
:func:`assign_levels`, the one deterministic policy for spans that overlap (used for CoNLL tag
columns, spaCy ``doc.ents`` and Hugging Face ``ner_tags``).
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from annotator.model import SpanRecord
from annotator.offsets import is_cluster_boundary

Offsets = tuple[int, int]

__all__ = [
    "Tokenizer",
    "SimpleTokenizer",
    "SpacyTokenizer",
    "VietnameseTokenizer",
    "get_tokenizer",
    "check_tokenizer_name",
    "TokenIndex",
    "split_tokens",
    "TokenSpan",
    "SCHEMES",
    "encode_tags",
    "decode_tags",
    "parse_tag",
    "detect_scheme",
    "assign_levels",
    "layer_resolver",
    "LAYER_ORDER",
    "with_gaps",
]


@runtime_checkable
class Tokenizer(Protocol):
    """Anything with a ``name`` and ``tokenize(text) -> [(start, end), ...]`` (code points)."""

    @property
    def name(self) -> str: ...

    def tokenize(self, text: str) -> list[Offsets]: ...


# ---- the default tokeniser ----------------------------------------------------------------

_INNER_PUNCT = frozenset(".,'’-/:_\u00b7")
_JOINERS = frozenset("\u200c\u200d\u00ad")  # ZWNJ, ZWJ, soft hyphen


def _is_word(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "LNM"


def _is_separator(ch: str) -> bool:
    """White space, controls and format characters: they separate tokens."""
    if ch.isspace():
        return True
    cat = unicodedata.category(ch)
    return cat in ("Cc", "Cf", "Zl", "Zp", "Zs", "Cs", "Co", "Cn") and not _is_emoji_part(ch)


def _is_emoji_part(ch: str) -> bool:
    # tag characters of emoji tag sequences are Cf but belong to the emoji
    return "\U000e0020" <= ch <= "\U000e007f"


_PLANES = ((0, 0x10000), (0x10000, 0x40000), (0xE0000, 0xE1000))  # assigned, non-private code points


@lru_cache(maxsize=1)
def _classes() -> tuple[dict[str, str], dict[str, str]]:
    """Regex class bodies (ranges) of word characters (w), other visible ones (o) and marks (m),
    for the Basic Multilingual Plane and for the planes above it."""
    bmp: dict[str, list[str]] = {"w": [], "o": [], "m": []}
    astral: dict[str, list[str]] = {"w": [], "o": [], "m": []}
    first = {"L": "w", "N": "w", "M": "w", "P": "o", "S": "o"}
    for lo, hi in _PLANES:
        out = bmp if lo == 0 else astral
        cats = list(map(unicodedata.category, map(chr, range(lo, hi))))
        flags = "".join([first.get(c[0], "s") for c in cats])
        marks = "".join(["m" if c[0] == "M" else "-" for c in cats])
        for code, source in (("w", flags), ("o", flags), ("m", marks)):
            for m in re.finditer(code + "+", source):
                a, b = lo + m.start(), lo + m.end() - 1
                out[code].append(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}")
    return {k: "".join(v) for k, v in bmp.items()}, {k: "".join(v) for k, v in astral.items()}


@lru_cache(maxsize=2)
def _token_pattern(astral: bool = True) -> re.Pattern[str]:
    """The rules of :class:`SimpleTokenizer` as one regular expression, built once per process.

    Character classes come from ``unicodedata`` of the running Python, so the expression agrees
    with the character tests of :meth:`SimpleTokenizer.tokenize_slow` (``_is_word``,
    ``_is_separator``, :func:`~annotator.offsets.is_cluster_boundary`); outside ``_PLANES``
    there are only unassigned and private-use code points, which are separators. With
    ``astral=False`` the expression knows only the Basic Multilingual Plane: it is for texts
    without characters above it, and several times faster (``re`` tests the ranges above the
    BMP one by one whenever a character is not in a class).
    """
    bmp, high = _classes()
    cls = {k: v + (high[k] if astral else "") for k, v in bmp.items()}
    inner = re.escape("".join(sorted(_INNER_PUNCT | _JOINERS)))
    word, mark = cls["w"], cls["m"]
    if astral:
        tags = "\\U000e0020-\\U000e007f"  # emoji tag characters (Cf) belong to the emoji
        ri = "[\\U0001f1e6-\\U0001f1ff]"  # regional indicators pair up into flags
        other = f"(?:{ri}{ri}?|[{cls['o']}{tags}])"
        ext = "\\u200d\\ufe00-\\ufe0f\\U0001f3fb-\\U0001f3ff" + tags  # offsets._extends, besides marks
        after_zwj = f"(?<=\\u200d)(?:{ri}{ri}?|\\S)"  # anything but white space joins a ZWJ
    else:
        other = f"[{cls['o']}]"
        ext = "\\u200d\\ufe00-\\ufe0f"
        after_zwj = "(?<=\\u200d)\\S"
    word_token = f"[{word}]++(?:(?:[{inner}][{word}]|[{ext}]|{after_zwj})[{word}]*+)*+"
    other_token = f"{other}(?:[{mark}{ext}]|{after_zwj})*+"
    return re.compile(f"{word_token}|{other_token}")


def _has_astral(text: str) -> bool:
    # UTF-16 is twice as long as the text exactly when nothing lies above the BMP
    return len(text.encode("utf-16-le", "surrogatepass")) != 2 * len(text)


def _pattern_for(text: str) -> re.Pattern[str]:
    return _token_pattern(_has_astral(text))


@lru_cache(maxsize=2)
def _splitter(astral: bool) -> re.Pattern[str]:
    return re.compile(f"({_token_pattern(astral).pattern})")


def _splitter_for(text: str) -> re.Pattern[str]:
    return _splitter(_has_astral(text))


@dataclass(frozen=True, slots=True)
class SimpleTokenizer:
    """White space and punctuation; numbers and codes with inner punctuation stay whole.

    A token is a run of word characters (letters, digits, marks), where a character of
    ``.,'’-/:_·`` or a joiner between two word characters stays inside; or one user-perceived
    character of anything else visible. The rules run as one regular expression
    (:func:`_token_pattern`); :meth:`tokenize_slow` is the same rules character by character,
    kept as their reference.
    """

    name: str = "simple"

    def tokenize(self, text: str) -> list[Offsets]:
        return list(map(re.Match.span, _pattern_for(text).finditer(text)))

    def split(self, text: str) -> tuple[list[str], list[int], list[int]]:
        """The tokens' texts, starts and ends, as three lists (no per-token tuples: faster)."""
        parts = _splitter_for(text).split(text)  # gap, token, gap, token, …, gap
        bounds = list(accumulate(map(len, parts)))
        return parts[1::2], bounds[0:-1:2], bounds[1::2]

    def tokenize_slow(self, text: str) -> list[Offsets]:
        out: list[Offsets] = []
        i, n = 0, len(text)
        while i < n:
            ch = text[i]
            if _is_word(ch):
                j = i + 1
                while j < n:
                    c = text[j]
                    if _is_word(c):
                        j += 1
                    elif (c in _INNER_PUNCT or c in _JOINERS) and j + 1 < n and _is_word(text[j + 1]):
                        j += 2
                    elif not is_cluster_boundary(text, j) and not text[j].isspace():
                        j += 1
                    else:
                        break
                out.append((i, j))
                i = j
            elif _is_separator(ch):
                i += 1
            else:
                j = i + 1
                while j < n and not is_cluster_boundary(text, j) and not text[j].isspace():
                    j += 1
                if not all(_is_separator(c) for c in text[i:j]):
                    out.append((i, j))
                i = j
        return out


# ---- Vietnamese ---------------------------------------------------------------------------


def _default_vi_words_path() -> Path:
    return Path(__file__).resolve().parent / "vi_words.txt"


@lru_cache(maxsize=4)
def load_word_list(path: str | None = None) -> frozenset[tuple[str, ...]]:
    """Multi-syllable words (lower case, as syllable tuples) from a UTF-8 file, one a line.

    Lines starting with ``#`` and blank lines are ignored.
    """
    p = Path(path) if path else _default_vi_words_path()
    words: set[tuple[str, ...]] = set()
    for line in p.read_text(encoding="utf-8").splitlines():
        line = unicodedata.normalize("NFC", line.strip())
        if not line or line.startswith("#"):
            continue
        syl = tuple(line.lower().split())
        if len(syl) > 1:
            words.add(syl)
    return frozenset(words)


@dataclass(frozen=True, slots=True)
class VietnameseTokenizer:
    """Vietnamese syllables, optionally joined into words by a greedy longest-match dictionary.

    Syllables are joined only when separated by exactly one space, so a word never spans a line
    break or punctuation.
    """

    segment: bool = False
    words: frozenset[tuple[str, ...]] = field(default_factory=frozenset)
    name: str = "vi"

    @classmethod
    def with_word_list(cls, path: str | None = None) -> VietnameseTokenizer:
        return cls(segment=True, words=load_word_list(path), name="vi-words")

    def split(self, text: str) -> tuple[list[str], list[int], list[int]]:
        """As :meth:`SimpleTokenizer.split`."""
        if not self.segment or not self.words:
            return SimpleTokenizer().split(text)
        return _split_offsets(text, self.tokenize(text))

    def tokenize(self, text: str) -> list[Offsets]:
        syll = SimpleTokenizer().tokenize(text)
        if not self.segment or not self.words:
            return syll
        max_len = max((len(w) for w in self.words), default=1)
        out: list[Offsets] = []
        i = 0
        while i < len(syll):
            best = 1
            for k in range(min(max_len, len(syll) - i), 1, -1):
                ok = all(
                    text[syll[i + m][1]:syll[i + m + 1][0]] == " " for m in range(k - 1)
                )
                if not ok:
                    continue
                key = tuple(text[s:e].lower() for s, e in syll[i:i + k])
                if key in self.words:
                    best = k
                    break
            out.append((syll[i][0], syll[i + best - 1][1]))
            i += best
        return out


@dataclass(slots=True)
class PyviTokenizer:
    """pyvi's word segmentation, mapped back onto the text's offsets."""

    name: str = "vi-pyvi"
    _vi: Any = None

    def tokenize(self, text: str) -> list[Offsets]:
        if self._vi is None:
            from pyvi import ViTokenizer  # type: ignore[import-not-found]

            self._vi = ViTokenizer
        return align_joined(text, self._vi.tokenize(text).split())


def align_joined(text: str, words: Sequence[str], joiner: str = "_") -> list[Offsets]:
    """Offsets in ``text`` of ``words`` that a segmenter wrote with the white space inside a word
    replaced by ``joiner`` (pyvi: "Lữ_Hồng_Long"), walking the text once.

    A joiner stands for a run of white space in the text (also one just passed: pyvi writes a
    line break then "_" before the next word), or for itself where the text has it ("IMG_2020").
    A word that does not start where the text goes on is looked for further on; one that stops
    matching ends there. So offsets always lie in the text, in order, without overlap, and never
    start or end on white space.
    """
    out: list[Offsets] = []
    n = len(text)
    pos = 0
    for word in words:
        while pos < n and text[pos].isspace():
            pos += 1
        core = word.strip(joiner) or word
        if pos >= n:
            break
        if not (text.startswith(word[0], pos) or text.startswith(core[0], pos)):
            k = text.find(core.split(joiner)[0], pos)
            if k < 0:
                continue
            pos = k
        start = end = pos
        for c in word:
            if pos < n and text[pos] == c:
                pos += 1
                end = pos
            elif c == joiner and pos < n and text[pos].isspace():
                while pos < n and text[pos].isspace():
                    pos += 1
            elif c == joiner and (pos == start or text[pos - 1].isspace()):
                continue  # stands for white space already passed
            else:
                break
        if end > start:
            out.append((start, end))
        pos = end if end > start else pos
    return out


# ---- spaCy --------------------------------------------------------------------------------


@dataclass(slots=True)
class SpacyTokenizer:
    """``spacy.blank(lang).tokenizer``; white-space tokens are not tokens here."""

    lang: str
    name: str = ""
    _nlp: Any = None

    def __post_init__(self) -> None:
        if not self.name:
            self.name = f"spacy:{self.lang}"

    def load(self) -> None:
        """Load the spaCy pipeline now; raises ImportError (or another error) when it can't."""
        if self._nlp is None:
            import spacy

            self._nlp = spacy.blank(self.lang)

    def tokenize(self, text: str) -> list[Offsets]:
        self.load()
        doc = self._nlp.make_doc(text)
        return [(t.idx, t.idx + len(t.text)) for t in doc if not t.is_space and t.text.strip()]


_SIMPLE_NAMES = ("simple", "default", "whitespace")


def check_tokenizer_name(name: str) -> str:
    """``name`` without surrounding space when :func:`get_tokenizer` knows it, else ValueError.

    Loads nothing (a command line checks its option with it before any work starts).
    """
    name = name.strip()
    if name in _SIMPLE_NAMES or name in ("vi", "vi-words", "vi-pyvi") or name.startswith("spacy:"):
        return name
    raise ValueError(f"unknown tokenizer {name!r}; use simple, vi, vi-words, vi-pyvi or spacy:<lang>")


def get_tokenizer(spec: str | Tokenizer | None = None, *, problems: list[str] | None = None) -> Tokenizer:
    """The tokeniser named by ``spec`` (see the module doc), or ``spec`` itself.

    When an optional dependency is missing, falls back and appends a sentence to ``problems``.
    An unknown name raises ValueError.
    """
    if spec is not None and not isinstance(spec, str):
        return spec
    name = check_tokenizer_name(spec or "simple")
    note = problems.append if problems is not None else (lambda _m: None)
    if name in _SIMPLE_NAMES:
        return SimpleTokenizer()
    if name == "vi":
        return VietnameseTokenizer()
    if name == "vi-words":
        return VietnameseTokenizer.with_word_list()
    if name == "vi-pyvi":
        try:
            import pyvi  # type: ignore[import-not-found]  # noqa: F401
        except ImportError:
            note("tokenizer vi-pyvi: pyvi is not installed; used the shipped Vietnamese word list (vi-words)")
            return VietnameseTokenizer.with_word_list()
        return PyviTokenizer()
    lang = name.split(":", 1)[1]  # "spacy:<lang>", the one name left
    tok = SpacyTokenizer(lang)
    try:
        tok.load()
    except Exception as exc:  # ImportError, or spaCy's own error for an unknown language
        fallback: Tokenizer = VietnameseTokenizer()
        if lang != "vi":
            fallback = SimpleTokenizer()
        note(f"tokenizer {name}: cannot load spaCy's {lang!r} tokenizer ({type(exc).__name__}: {exc}); "
             f"used {fallback.name}")
        return fallback
    return tok


def split_tokens(tok: Tokenizer, text: str) -> tuple[list[str], list[int], list[int]]:
    """The tokens of ``text`` as (texts, starts, ends): fast for the simple tokenisers."""
    split = getattr(tok, "split", None)
    if split is not None:
        return split(text)  # type: ignore[no-any-return]
    return _split_offsets(text, tok.tokenize(text))


def _split_offsets(text: str, offsets: Sequence[Offsets]) -> tuple[list[str], list[int], list[int]]:
    starts = [s for s, _ in offsets]
    ends = [e for _, e in offsets]
    return list(map(text.__getitem__, map(slice, starts, ends))), starts, ends


# ---- spans on tokens ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TokenSpan:
    """A span on tokens: tokens ``first`` .. ``last`` inclusive."""

    first: int
    last: int
    label: str
    index: int  # position of the span in the record's span list


class TokenIndex:
    """Token offsets of one text, with look-ups from character offsets to token numbers.

    Look-ups are binary searches over the start and end lists (built with C-level zips, no
    per-token Python work), so indexing a long text costs almost nothing.
    """

    __slots__ = ("_offsets", "_starts", "_ends")

    def __init__(self, offsets: Sequence[Offsets]) -> None:
        self._offsets: list[Offsets] | None = offsets if isinstance(offsets, list) else list(offsets)
        starts, ends = zip(*self._offsets, strict=True) if self._offsets else ((), ())
        self._starts: Sequence[int] = starts
        self._ends: Sequence[int] = ends

    @classmethod
    def from_bounds(cls, starts: Sequence[int], ends: Sequence[int]) -> TokenIndex:
        """An index from the tokens' starts and ends (as :meth:`SimpleTokenizer.split` gives them)."""
        idx = cls.__new__(cls)
        idx._offsets = None
        idx._starts, idx._ends = starts, ends
        return idx

    @property
    def offsets(self) -> list[Offsets]:
        if self._offsets is None:
            self._offsets = list(zip(self._starts, self._ends, strict=True))
        return self._offsets

    def __len__(self) -> int:
        return len(self._starts)

    def starting_at(self, start: int) -> int | None:
        """The token that starts at ``start``, if one does."""
        k = bisect.bisect_left(self._starts, start)
        return k if k < len(self._starts) and self._starts[k] == start else None

    def ending_at(self, end: int) -> int | None:
        """The token that ends at ``end``, if one does."""
        k = bisect.bisect_left(self._ends, end)
        return k if k < len(self._ends) and self._ends[k] == end else None

    @property
    def starts(self) -> Sequence[int]:
        return self._starts

    @property
    def ends(self) -> Sequence[int]:
        return self._ends

    def first_after(self, pos: int) -> int:
        """The number of the first token starting after ``pos`` (``len(self)`` when none does)."""
        return bisect.bisect_right(self._starts, pos)

    def tokens_of(self, start: int, end: int) -> tuple[int, int] | None:
        """First and last (inclusive) token of a span that sits on token boundaries, else None."""
        first = self.starting_at(start)
        last = self.ending_at(end)
        if first is None or last is None or last < first:
            return None
        return first, last

    def why_not(self, start: int, end: int) -> str:
        """A short reason why (start, end) is not on token boundaries."""
        if end <= start:
            return "empty span"
        k = bisect.bisect_left(self._ends, start + 1)
        if k >= len(self._starts) or self._starts[k] >= end:
            return "covers no token"
        parts = []
        if self.starting_at(start) is None:
            parts.append(f"starts inside token {k}")
        if self.ending_at(end) is None:
            j = bisect.bisect_left(self._ends, end)
            parts.append(f"ends inside token {j}")
        return " and ".join(parts) or "not on token boundaries"

    def char_span(self, first: int, last: int) -> Offsets:
        return self._starts[first], self._ends[last]


# ---- tag schemes --------------------------------------------------------------------------

SCHEMES = ("IOB1", "IOB2", "BILOU", "IOBES")


def parse_tag(tag: str) -> tuple[str, str | None]:
    """``"B-PER"`` → ``("B", "PER")``; ``"O"`` → ``("O", None)``. Raises ValueError otherwise.

    ``B_PER`` is accepted too; S/E (IOBES) and U/L (BILOU) prefixes are recognised.
    """
    if tag == "O":
        return "O", None
    if len(tag) > 2 and tag[0] in "BIOLUSE" and tag[1] in "-_":
        prefix, label = tag[0], tag[2:]
        if prefix != "O":
            return prefix, label
    raise ValueError(f"{tag!r} is not a tag (O, B-X, I-X, L-X, U-X, E-X or S-X)")


def detect_scheme(tags: Iterable[str]) -> str:
    """BILOU when L-/U- tags occur, IOBES when E-/S- tags occur, else IOB2 (which also reads IOB1)."""
    seen: set[str] = set()
    for t in tags:
        if t != "O":
            seen.add(t[:1])
    if seen & {"L", "U"}:
        return "BILOU"
    if seen & {"E", "S"}:
        return "IOBES"
    return "IOB2"


def encode_tags(n_tokens: int, spans: Iterable[tuple[int, int, str]], scheme: str = "IOB2") -> list[str]:
    """Tags for non-overlapping spans given as (first, last inclusive, label) token ranges."""
    if scheme not in SCHEMES:
        raise ValueError(f"unknown tag scheme {scheme!r}; use one of {', '.join(SCHEMES)}")
    tags = ["O"] * n_tokens
    ordered = sorted(spans)
    prev_end, prev_label = -2, None
    single, last_p = ("U", "L") if scheme == "BILOU" else ("S", "E")
    for first, last, label in ordered:
        if any(tags[k] != "O" for k in range(first, last + 1)):
            raise ValueError(f"spans overlap at tokens {first}..{last}")
        if scheme == "IOB1":
            begin = "B" if prev_end == first - 1 and prev_label == label else "I"
            tags[first] = f"{begin}-{label}"
            for k in range(first + 1, last + 1):
                tags[k] = f"I-{label}"
        elif scheme == "IOB2":
            tags[first] = f"B-{label}"
            for k in range(first + 1, last + 1):
                tags[k] = f"I-{label}"
        else:
            if first == last:
                tags[first] = f"{single}-{label}"
            else:
                tags[first] = f"B-{label}"
                for k in range(first + 1, last):
                    tags[k] = f"I-{label}"
                tags[last] = f"{last_p}-{label}"
        prev_end, prev_label = last, label
    return tags


def decode_tags(tags: Sequence[str], scheme: str = "auto") -> tuple[list[tuple[int, int, str]], list[int]]:
    """Spans (first, last inclusive, label) from tags, and the positions of tags that broke the scheme.

    Reading is lenient the way conlleval and seqeval are: an ``I-X`` that does not continue an
    ``X`` starts a new span (this is also how IOB1 is read, so IOB1 and IOB2 read alike); a span
    that is not closed by ``L-``/``E-`` in BILOU/IOBES ends where the next tag does not continue
    it. Tags that break the given scheme are returned so the reader can report them. Raises
    ValueError for a string that is not a tag at all.
    """
    if scheme == "auto":
        scheme = detect_scheme(tags)
    if scheme not in SCHEMES:
        raise ValueError(f"unknown tag scheme {scheme!r}; use one of {', '.join(SCHEMES)} or auto")
    iob = scheme in ("IOB1", "IOB2")
    end_p, single = ("L", "U") if scheme == "BILOU" else ("E", "S")
    out: list[tuple[int, int, str]] = []
    broken: list[int] = []
    start, label_open = -1, None

    def close(last: int, *, proper: bool) -> None:
        nonlocal start, label_open
        if label_open is not None:
            if not proper and not iob:
                broken.append(last)
            out.append((start, last, label_open))
        start, label_open = -1, None

    for k, tag in enumerate(tags):
        prefix, label = parse_tag(tag)
        if iob and prefix in ("L", "U", "E", "S"):
            broken.append(k)
            prefix = "I" if prefix in ("L", "E") else "B"
        elif not iob and prefix in ("L", "U", "E", "S") and prefix not in (end_p, single):
            broken.append(k)
            prefix = end_p if prefix in ("L", "E") else single
        if prefix == "O":
            close(k - 1, proper=False)
            continue
        if prefix in ("B", single):
            close(k - 1, proper=False)
            start, label_open = k, label
            if prefix == single:
                close(k, proper=True)
            continue
        # I-X or L-X/E-X
        if label_open != label:
            close(k - 1, proper=False)
            if scheme != "IOB1":
                broken.append(k)
            start, label_open = k, label
        if prefix == end_p:
            close(k, proper=True)
    close(len(tags) - 1, proper=False)
    return out, broken


# ---- layers and the overlap policy --------------------------------------------------------

LAYER_ORDER = ("entity", "figure", "claim")


def layer_resolver(schema: Any = None) -> Callable[[str], str]:
    """A function label → layer name. Uses ``schema`` (default: the built-in news schema);
    labels it does not know are in the ``entity`` layer."""
    if schema is None:
        from annotator.schema import default_schema

        schema = default_schema()
    known = {lab.name: str(lab.layer) for lab in schema.labels}

    def layer_of(label: str) -> str:
        return known.get(label, "entity")

    return layer_of


def _layer_rank(layer: str, order: Sequence[str]) -> int:
    return order.index(layer) if layer in order else len(order)


def assign_levels(
    spans: Sequence[TokenSpan],
    *,
    layer_of: Callable[[str], str],
    order: Sequence[str] = LAYER_ORDER,
    max_levels: int | None = None,
) -> tuple[list[list[TokenSpan]], list[TokenSpan]]:
    """Put spans on levels where no two overlap; the policy for ents, tag columns and ner_tags.

    Spans are taken in a fixed order — layer (``order``: entity, then figure, then claim), then
    longer first, then earlier, then label — and each goes to the first level where it overlaps
    nothing. So level 0 holds the entity layer's longest spans, nested or crossing spans go to
    deeper levels. Spans that would need a level past ``max_levels`` are returned as left over.
    An exact duplicate (same tokens, same label) is left over too.
    """
    ordered = sorted(
        spans,
        key=lambda s: (_layer_rank(layer_of(s.label), order), -(s.last - s.first), s.first, s.label, s.index),
    )
    levels: list[list[TokenSpan]] = []
    occupied: list[list[tuple[int, int]]] = []  # sorted (first, last) per level
    seen: set[tuple[int, int, str]] = set()
    left: list[TokenSpan] = []
    for sp in ordered:
        key = (sp.first, sp.last, sp.label)
        if key in seen:
            left.append(sp)
            continue
        placed = False
        for lvl, occ in enumerate(occupied):
            k = bisect.bisect_left(occ, (sp.first, sp.last))
            clash = (k > 0 and occ[k - 1][1] >= sp.first) or (k < len(occ) and occ[k][0] <= sp.last)
            if not clash:
                occ.insert(k, (sp.first, sp.last))
                levels[lvl].append(sp)
                placed = True
                break
        if not placed:
            if max_levels is not None and len(levels) >= max_levels:
                left.append(sp)
                continue
            occupied.append([(sp.first, sp.last)])
            levels.append([sp])
        seen.add(key)
    for spans_at in levels:
        spans_at.sort(key=lambda s: (s.first, s.last))
    return levels, left


def place_spans(
    spans: Sequence[SpanRecord], index: TokenIndex
) -> tuple[list[TokenSpan], list[tuple[int, str]]]:
    """Token ranges of the spans that sit on token boundaries, and (span position, reason) of the rest."""
    placed: list[TokenSpan] = []
    missed: list[tuple[int, str]] = []
    for i, sp in enumerate(spans):
        rng = index.tokens_of(sp.start, sp.end)
        if rng is None:
            missed.append((i, index.why_not(sp.start, sp.end)))
        else:
            placed.append(TokenSpan(rng[0], rng[1], sp.label, i))
    return placed, missed


def with_gaps(text: str, offsets: Sequence[Offsets]) -> list[tuple[int, int, bool]]:
    """Tokens as spaCy lays them out: (start, end, followed by one space), where every gap between
    our tokens that is not a single space becomes a token of its own (as spaCy's white-space
    tokens), so the tokens with their spaces give back ``text`` exactly."""
    out: list[tuple[int, int, bool]] = []
    pos = 0

    def gap(a: int, b: int) -> None:
        if a < b and out and not out[-1][2] and text[a] == " ":
            out[-1] = (out[-1][0], out[-1][1], True)
            a += 1
        if a < b:
            out.append((a, b, False))

    for s, e in offsets:
        gap(pos, s)
        out.append((s, e, False))
        pos = e
    gap(pos, len(text))
    return out


def describe(record_name: str, sp: SpanRecord, text: str) -> str:
    """``doc 'x': PER [3:8] 'Thrun'`` — how reports name a span."""
    frag = text[sp.start:sp.end]
    if len(frag) > 40:
        frag = frag[:37] + "…"
    return f"{record_name}: {sp.label} [{sp.start}:{sp.end}] {frag!r}"
