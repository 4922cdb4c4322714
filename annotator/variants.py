"""Name variants: when do two spellings name the same person or place, and an index to ask fast.

Scraped and machine-translated news spells one name many ways ("Lê Hồng Long", "Luo Honglong",
"Lu Honglong", "Lữ Hồng Long"). :func:`compare` scores two names after folding case, Vietnamese
diacritics (đ → d) and spacing, with these rules, strongest first:

* ``exact`` / ``folded`` / ``spacing`` (1.0): the same letters after folding ("Sơn La" = "SON LA",
  "Hồng Long" = "Honglong").
* ``family`` (0.9 / 0.85): the same given part (every token but the first, spacing ignored) and a
  family part one edit away, or two edits with the same first letter ("Lê" / "Lữ" / "Lu" / "Luo";
  "Sơn La" / "Sun La" / "Tôn La"). Different given names never match this way.
* ``typo`` (≤ 0.95): long names (8+ letters) with the same first letter and token count, a
  fuzzy ratio ≥ 0.9 and the same last token (or one edit in a last token of 5+ letters).
* ``given`` (0.7) / ``last`` (0.6): one name is only the other's given part, or last token
  ("Honglong" for "Lê Hồng Long"): offered when linking, too weak to cluster.

:data:`CLUSTER_THRESHOLD` (0.8) separates what may cluster from what is only offered.
:class:`NameIndex` answers "which names look like this one" without scanning: dictionaries by
folded key, given part and last token, a sorted list of token-start keys for typing, and a
rapidfuzz search over a prebuilt list of keys for typos. Pure Python, no Qt, no database.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from annotator.folding import fold

CLUSTER_THRESHOLD = 0.8
"""Lowest :func:`compare` score at which two mentions are proposed as one entity."""

_TOKEN = re.compile(r"[^\W_]+")
# what may separate the words of one name in running text: spaces, hyphens, apostrophes
_GAP = re.compile(r"[ \t\u00a0\u2009\u202f\-\u2010\u2011'\u2019]{1,3}")


class NameKey(NamedTuple):
    """A name folded for matching: tokens, the key without spacing, head (family) and tail (given)."""

    text: str
    tokens: tuple[str, ...]
    key: str
    head: str
    tail: str
    last: str


@lru_cache(maxsize=1 << 16)
def _fold_word(word: str) -> tuple[str, ...]:
    return tuple(_TOKEN.findall(fold(word)))


def name_key(text: str) -> NameKey:
    """Fold ``text`` (case, diacritics, đ → d) into a :class:`NameKey`."""
    tokens = tuple(t for w in text.split() for t in _fold_word(w))
    key = "".join(tokens)
    if len(tokens) > 1:
        head, tail = tokens[0], "".join(tokens[1:])
    else:
        head, tail = "", ""
    return NameKey(text, tokens, key, head, tail, tokens[-1] if tokens else "")


@dataclass(frozen=True, slots=True)
class Similarity:
    score: float
    how: str  # exact, folded, spacing, family, typo, given, last, prefix, fuzzy or "" (no match)


NO_MATCH = Similarity(0.0, "")


def _heads_close(a: str, b: str) -> int | None:
    """Edits between two family parts when they are close enough to be one name's spellings."""
    if not a or not b or max(len(a), len(b)) < 2:
        return None
    d = Levenshtein.distance(a, b, score_cutoff=2)
    if d <= 1:
        return d
    if d == 2 and a[0] == b[0]:
        return d
    return None


def compare(a: NameKey, b: NameKey) -> Similarity:
    """How likely two names are spellings of one name (see the module docstring for the rules)."""
    if not a.key or not b.key:
        return NO_MATCH
    if a.key == b.key:
        if a.text == b.text:
            return Similarity(1.0, "exact")
        return Similarity(1.0, "folded" if a.tokens == b.tokens else "spacing")
    if a.tail and a.tail == b.tail and len(a.tail) >= 2:
        d = _heads_close(a.head, b.head)
        if d is not None:
            return Similarity(0.9 if d <= 1 else 0.85, "family")
    best = NO_MATCH
    if (len(a.key) >= 8 and len(b.key) >= 8 and a.key[0] == b.key[0] and len(a.tokens) == len(b.tokens)):
        r = fuzz.ratio(a.key, b.key) / 100.0
        if r >= 0.9:
            la, lb = a.last, b.last
            if la == lb or (min(len(la), len(lb)) >= 5 and Levenshtein.distance(la, lb, score_cutoff=1) <= 1):
                best = Similarity(round(0.95 * r, 3), "typo")
    if best.score < 0.7:
        short, long_ = (a, b) if len(a.key) < len(b.key) else (b, a)
        if len(short.key) >= 3 and len(long_.tokens) > 1:
            if short.key == long_.tail:
                best = Similarity(0.7, "given")
            elif short.key == long_.last and best.score < 0.6:
                best = Similarity(0.6, "last")
    return best


def name_similarity(a: str | NameKey, b: str | NameKey) -> float:
    """The :func:`compare` score of two names (strings or keys), 0 to 1."""
    ka = a if isinstance(a, NameKey) else name_key(a)
    kb = b if isinstance(b, NameKey) else name_key(b)
    return compare(ka, kb).score


# ---- the index ----------------------------------------------------------------------------------


class Entry(NamedTuple):
    owner: int  # entity id (or any id the caller indexes names for)
    type: str
    name: str
    nk: NameKey
    primary: bool  # the owner's own name, not an alias


@dataclass(frozen=True, slots=True)
class Match:
    owner: int
    type: str
    name: str  # the name or alias that matched
    score: float
    how: str
    primary: bool


class NameIndex:
    """Names (with aliases) of many owners, looked up by spelling variant, prefix or typo.

    Build once, then :meth:`add` / :meth:`remove_owner` as owners change (removed entries become
    tombstones; :meth:`garbage` tells when a rebuild pays). Not thread-safe: one thread at a time.
    """

    FUZZY_CUTOFF = 80.0
    BUCKET_CAP = 2000
    WEAK_BUCKET_CAP = 200
    PREFIX_SCAN = 400

    def __init__(self, entries: Iterable[tuple[int, str, str, bool]] = ()) -> None:
        self._entries: list[Entry | None] = []
        # for the typo search: first letter → (keys, entry indices); "" marks a tombstone
        self._fuzzy: dict[str, tuple[list[str], list[int]]] = {}
        self._fuzzy_pos: list[int] = []  # aligned with _entries: the entry's place in its bucket
        self._by_owner: dict[int, list[int]] = {}
        self._by_key: dict[str, list[int]] = {}
        self._by_tail: dict[str, list[int]] = {}
        self._by_last: dict[str, list[int]] = {}
        # "key from a token start on" + NUL + entry index, sorted (strings sort faster than tuples)
        self._prefix: list[str] = []
        self._dead = 0
        self.max_tokens = 0  # most words in one indexed name
        pending: list[str] = []
        for owner, type_, name, primary in entries:
            self._add(owner, type_, name, primary, pending)
        pending.sort()
        self._prefix = pending
        # fresh copies lie together in memory: the C scan over them runs several times faster
        for keys, _ in self._fuzzy.values():
            keys[:] = [k.encode("utf-8").decode("utf-8") for k in keys]

    # ---- building ------------------------------------------------------------------------------

    def _add(self, owner: int, type_: str, name: str, primary: bool, prefix: list[str] | None) -> None:
        nk = name_key(name)
        if not nk.key:
            return
        idx = len(self._entries)
        self._entries.append(Entry(owner, type_, name, nk, primary))
        bucket = self._fuzzy.setdefault(nk.key[0], ([], []))
        self._fuzzy_pos.append(len(bucket[0]))
        bucket[0].append(nk.key)
        bucket[1].append(idx)
        self.max_tokens = max(self.max_tokens, len(nk.tokens))
        self._by_owner.setdefault(owner, []).append(idx)
        self._by_key.setdefault(nk.key, []).append(idx)
        if nk.tail:
            self._by_tail.setdefault(nk.tail, []).append(idx)
            self._by_last.setdefault(nk.last, []).append(idx)
        starts = ["".join(nk.tokens[k:]) for k in range(len(nk.tokens))]
        for s in dict.fromkeys(starts):
            if prefix is None:
                bisect.insort(self._prefix, f"{s}\0{idx}")
            else:
                prefix.append(f"{s}\0{idx}")

    def add(self, owner: int, type_: str, names: Iterable[str]) -> None:
        """Index an owner's names; the first is its own name, the rest aliases."""
        seen: set[str] = set()
        for k, name in enumerate(names):
            if name and name not in seen:
                seen.add(name)
                self._add(owner, type_, name, k == 0, None)

    def remove_owner(self, owner: int) -> None:
        for idx in self._by_owner.pop(owner, []):
            e = self._entries[idx]
            if e is not None:
                self._entries[idx] = None
                self._fuzzy[e.nk.key[0]][0][self._fuzzy_pos[idx]] = ""
                self._dead += 1

    def __len__(self) -> int:
        return len(self._entries) - self._dead

    def __contains__(self, owner: object) -> bool:
        return owner in self._by_owner

    @property
    def garbage(self) -> float:
        """Share of tombstones (rebuild when it grows past a third or so)."""
        return self._dead / len(self._entries) if self._entries else 0.0

    def names_of(self, owner: int) -> list[str]:
        return [e.name for i in self._by_owner.get(owner, []) if (e := self._entries[i]) is not None]

    # ---- asking --------------------------------------------------------------------------------

    def _live(self, ids: Iterable[int]) -> Iterator[tuple[int, Entry]]:
        for i in ids:
            e = self._entries[i]
            if e is not None:
                yield i, e

    def exact(self, text: str | NameKey) -> list[Entry]:
        """Entries whose folded key (spacing ignored) equals the text's."""
        nk = text if isinstance(text, NameKey) else name_key(text)
        return [e for _, e in self._live(self._by_key.get(nk.key, ()))]

    def lookup(self, text: str | NameKey, *, type: str | None = None, limit: int = 10, min_score: float = 0.5,
               prefix: bool = False, fuzzy: bool = True, per_owner: bool = True) -> list[Match]:
        """The best matches for ``text``, best first.

        ``prefix``: the text is being typed, so also match names that start (at any word) with it.
        ``fuzzy``: also rank typo-level matches (rapidfuzz ratio ≥ 80 on the folded keys).
        ``per_owner``: one match per owner (its best name).
        """
        q = text if isinstance(text, NameKey) else name_key(text)
        if not q.key:
            return []
        found: dict[int, Similarity] = {}

        def consider(ids: Iterable[int], cap: int) -> None:
            for n, (i, e) in enumerate(self._live(ids)):
                if n >= cap:
                    break
                if i in found or (type is not None and e.type != type):
                    continue
                s = compare(q, e.nk)
                if s.score > 0:
                    found[i] = s

        consider(self._by_key.get(q.key, ()), self.BUCKET_CAP)
        if q.tail:
            consider(self._by_tail.get(q.tail, ()), self.BUCKET_CAP)
            consider(self._by_key.get(q.tail, ()), self.WEAK_BUCKET_CAP)
            consider(self._by_key.get(q.last, ()), self.WEAK_BUCKET_CAP)
        consider(self._by_tail.get(q.key, ()), self.WEAK_BUCKET_CAP)
        consider(self._by_last.get(q.key, ()), self.WEAK_BUCKET_CAP)
        bucket = self._fuzzy.get(q.key[0]) if fuzzy and len(q.key) >= 4 else None
        if bucket is not None:  # typos after the first letter (names sharing it)
            hits = process.extract(q.key, bucket[0], scorer=fuzz.ratio, processor=None,
                                   score_cutoff=self.FUZZY_CUTOFF, limit=max(limit * 4, 20))
            for _, ratio, pos in hits:
                i = bucket[1][pos]
                e = self._entries[i]
                if e is None or (type is not None and e.type != type):
                    continue
                s = found.get(i) or compare(q, e.nk)
                fz = Similarity(round(0.75 * ratio / 100.0, 3), "fuzzy")
                found[i] = s if s.score >= fz.score else fz
        if prefix:
            lo = bisect.bisect_left(self._prefix, q.key)
            for item in self._prefix[lo: lo + self.PREFIX_SCAN]:
                if not item.startswith(q.key):
                    break
                s_key, _, num = item.partition("\0")
                i = int(num)
                e = self._entries[i]
                if e is None or (type is not None and e.type != type):
                    continue
                whole = e.nk.key == s_key
                cover = len(q.key) / len(s_key)
                p = Similarity(round((0.5 + 0.45 * cover) if whole else (0.45 + 0.35 * cover), 3), "prefix")
                if p.score > found.get(i, NO_MATCH).score:
                    found[i] = p
            if q.tail:  # "Lu Hong…" while typing: a family variant whose given part starts so
                lo = bisect.bisect_left(self._prefix, q.tail)
                for item in self._prefix[lo: lo + self.PREFIX_SCAN]:
                    if not item.startswith(q.tail):
                        break
                    s_key, _, num = item.partition("\0")
                    i = int(num)
                    e = self._entries[i]
                    if e is None or (type is not None and e.type != type) or s_key != e.nk.tail:
                        continue
                    if _heads_close(q.head, e.nk.head) is None:
                        continue
                    p = Similarity(round(0.45 + 0.35 * len(q.key) / len(e.nk.key), 3), "prefix")
                    if p.score > found.get(i, NO_MATCH).score:
                        found[i] = p
        out: list[Match] = []
        for i, s in found.items():
            e = self._entries[i]
            if e is not None and s.score >= min_score:
                out.append(Match(e.owner, e.type, e.name, s.score, s.how, e.primary))
        out.sort(key=lambda m: (-m.score, not m.primary, m.name.casefold(), m.owner))
        if per_owner:
            seen: set[int] = set()
            unique = []
            for m in out:
                if m.owner not in seen:
                    seen.add(m.owner)
                    unique.append(m)
            out = unique
        return out[:limit]


# ---- names in running text ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Window:
    """A run of 1..n words of a text: its offsets, folded key, and whether it looks like a name."""

    start: int
    end: int
    nk: NameKey
    capitalised: bool  # first and last word start with a capital (or a digit)


def word_offsets(text: str) -> list[tuple[int, int]]:
    """(start, end) of every word (letters and digits) of ``text``; offsets are code points."""
    return [(m.start(), m.end()) for m in _TOKEN.finditer(fold(text))]


def windows(text: str, max_words: int, *, words: list[tuple[int, int]] | None = None) -> Iterator[Window]:
    """Every run of up to ``max_words`` words not broken by punctuation, in text order."""
    words = word_offsets(text) if words is None else words
    folded = fold(text)
    for i, (s, e) in enumerate(words):
        first_cap = text[s].isupper() or text[s].isdigit()
        toks: list[str] = []
        end = e
        for j in range(i, min(i + max_words, len(words))):
            if j > i:
                gap = text[words[j - 1][1]: words[j][0]]
                if not _GAP.fullmatch(gap):
                    break
            ws, we = words[j]
            toks.append(folded[ws:we])
            end = we
            key = "".join(toks)
            last_cap = text[ws].isupper() or text[ws].isdigit()
            tokens = tuple(toks)
            nk = NameKey(text[s:end], tokens, key, tokens[0] if len(tokens) > 1 else "",
                         "".join(tokens[1:]) if len(tokens) > 1 else "", tokens[-1])
            yield Window(s, end, nk, first_cap and last_cap)


def is_whole_words(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` neither starts nor ends inside a word."""
    if start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        return False
    return not (end < len(text) and text[end].isalnum() and text[end - 1].isalnum())


# ---- clustering -----------------------------------------------------------------------------------


def cluster_variants(variants: list[tuple[str, str]], *, joined: Iterable[tuple[int, int]] = (),
                     threshold: float = CLUSTER_THRESHOLD) -> list[list[int]]:
    """Group distinct ``(label, text)`` spellings that name one thing; returns lists of indices.

    Two spellings of the same label join when :func:`compare` scores them ≥ ``threshold``
    (single linkage); ``joined`` pairs (e.g. mentions a person already linked to one entity)
    join regardless. Groups are sorted by size, then first index; singletons are included.
    Candidates come from a :class:`NameIndex`, so this is not quadratic in the spellings.
    """
    parent = list(range(len(variants)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        a, b = find(i), find(j)
        if a != b:
            parent[max(a, b)] = min(a, b)

    for i, j in joined:
        union(i, j)
    index = NameIndex((k, label, text, True) for k, (label, text) in enumerate(variants))
    for k, (label, text) in enumerate(variants):
        for m in index.lookup(text, type=label, limit=50, min_score=threshold, fuzzy=True):
            if m.owner != k and m.how not in ("fuzzy", "prefix"):
                union(k, m.owner)
    groups: dict[int, list[int]] = {}
    for k in range(len(variants)):
        groups.setdefault(find(k), []).append(k)
    return sorted(groups.values(), key=lambda g: (-len(g), g[0]))
