"""Name-variant matching: the rules (positive and negative tables), the index, text windows, clusters."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.variants import (
    CLUSTER_THRESHOLD,
    NameIndex,
    cluster_variants,
    compare,
    is_whole_words,
    name_key,
    name_similarity,
    windows,
)

# (a, b, how): pairs that are one name
SAME = [
    ("Sơn La", "SON LA", "folded"),
    ("Sơn La", "sơn la", "folded"),
    ("Đà Nẵng", "Da Nang", "folded"),
    ("Hồng Long", "Honglong", "spacing"),
    ("Lu Honglong", "Lữ Hồng Long", "spacing"),
    ("Hà Nội", "Hanoi", "spacing"),
    ("Lê Hồng Long", "Lu Honglong", "family"),
    ("Lê Hồng Long", "Lữ Hồng Long", "family"),
    ("Lê Hồng Long", "Luo Honglong", "family"),
    ("Luo Honglong", "Lu Honglong", "family"),
    ("Sơn La", "Sun La", "family"),
    ("Sơn La", "Tôn La", "family"),
    ("Washington", "Washingtom", "typo"),
    ("Ministry of Education and Training", "Ministry of Educaton and Training", "typo"),
]

# pairs that must never cluster (different people or places)
DIFFERENT = [
    ("Sơn La", "Lê Hồng Long"),
    ("Nguyễn Văn Minh", "Nguyễn Văn Linh"),
    ("Nguyễn Văn Minh", "Nguyễn Văn Nam"),
    ("Lê Hồng Long", "Lê Hồng Phong"),
    ("Lê Hồng Long", "Trần Hồng Long"),
    ("Lê Hồng Long", "Hà Hồng Long"),
    ("Hà Nội", "Hà Nam"),
    ("Quảng Nam", "Quảng Ninh"),
    ("Hòa Bình", "Thái Bình"),
    ("Sơn La", "Sơn Tây"),
    ("Sun La", "Long An"),
    ("Bắc Ninh", "Bắc Kạn"),
    ("VOV", "VTV"),
    ("Phạm Minh Chính", "Phạm Minh Châu"),
    ("Hồng Long", "Lê Hồng Long"),  # a given name alone is offered for linking, never clustered
    ("Long", "Lê Hồng Long"),
]


@pytest.mark.parametrize(("a", "b", "how"), SAME)
def test_variants_of_one_name_match(a: str, b: str, how: str) -> None:
    s = compare(name_key(a), name_key(b))
    assert s.how == how
    assert s.score >= CLUSTER_THRESHOLD


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_different_names_do_not_cluster(a: str, b: str) -> None:
    assert name_similarity(a, b) < CLUSTER_THRESHOLD
    assert name_similarity(b, a) < CLUSTER_THRESHOLD


@pytest.mark.parametrize(("a", "b", "how", "score"), [
    ("Sơn La", "Sơn La", "exact", 1.0),
    ("Hồng Long", "Lê Hồng Long", "given", 0.7),
    ("Long", "Lê Hồng Long", "last", 0.6),
    ("Lê Hồng Long", "Luo Honglong", "family", 0.85),
    ("Lê Hồng Long", "Lữ Hồng Long", "family", 0.9),
    ("", "Sơn La", "", 0.0),
])
def test_scores(a: str, b: str, how: str, score: float) -> None:
    s = compare(name_key(a), name_key(b))
    assert (s.how, s.score) == (how, score)


@pytest.mark.parametrize(("text", "key", "head", "tail"), [
    ("Lê Hồng Long", "lehonglong", "le", "honglong"),
    ("Luo Honglong", "luohonglong", "luo", "honglong"),
    ("ĐẶNG  Thị-Hà", "dangthiha", "dang", "thiha"),
    ("VOV", "vov", "", ""),
    ("35-CT/TW", "35cttw", "35", "cttw"),
])
def test_name_key(text: str, key: str, head: str, tail: str) -> None:
    nk = name_key(text)
    assert (nk.key, nk.head, nk.tail) == (key, head, tail)


NAME = st.lists(st.sampled_from(["Lê", "Lữ", "Lu", "Luo", "Hồng", "Long", "Honglong", "Sơn", "Sun", "Tôn", "La",
                                 "Nguyễn", "Văn", "Minh", "Linh", "Hà", "Nội", "Nam", "Đặng"]),
                min_size=1, max_size=4).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(NAME, NAME)
def test_compare_is_symmetric(a: str, b: str) -> None:
    assert name_similarity(a, b) == name_similarity(b, a)
    assert 0.0 <= name_similarity(a, b) <= 1.0


@settings(max_examples=200, deadline=None)
@given(NAME)
def test_a_name_matches_its_folded_and_respaced_forms(a: str) -> None:
    assert name_similarity(a, a.upper()) == 1.0
    assert name_similarity(a, a.replace(" ", "")) == 1.0


# ---- index ------------------------------------------------------------------------------------------

ENTITIES = [
    (1, "PER", ["Lê Hồng Long", "Trưởng Ban Long"]),
    (2, "LOC", ["Sơn La", "Son La province"]),
    (3, "PER", ["Nguyễn Văn Minh"]),
    (4, "PER", ["Nguyễn Văn Linh"]),
    (5, "PER", ["Trần Hồng Long"]),
    (6, "ORG", ["Ministry of Education and Training", "MOET"]),
]


@pytest.fixture
def index() -> NameIndex:
    idx = NameIndex()
    for owner, type_, names in ENTITIES:
        idx.add(owner, type_, names)
    return idx


@pytest.mark.parametrize(("query", "kwargs", "first", "how"), [
    ("Lu Honglong", {}, 1, "family"),
    ("Luo Honglong", {"type": "PER"}, 1, "family"),
    ("SUN LA", {}, 2, "family"),
    ("son la", {}, 2, "folded"),
    ("Nguyen Van Minh", {}, 3, "folded"),
    ("moet", {}, 6, "folded"),
    ("Ministry of Educaton and Training", {}, 6, "typo"),
    ("Minis", {"prefix": True}, 6, "prefix"),
    ("Lu Hong", {"prefix": True}, 1, "prefix"),
    ("Hồng Lo", {"prefix": True, "type": "PER"}, 1, "prefix"),
    ("Nguyen Van Mihn", {}, 3, "fuzzy"),
])
def test_lookup_ranks_the_right_entity_first(index: NameIndex, query: str, kwargs: dict[str, object], first: int,
                                             how: str) -> None:
    found = index.lookup(query, **kwargs)  # type: ignore[arg-type]
    assert found, query
    assert (found[0].owner, found[0].how) == (first, how)
    assert [m.score for m in found] == sorted((m.score for m in found), reverse=True)


def test_lookup_filters_by_type_and_keeps_one_match_per_owner(index: NameIndex) -> None:
    assert index.lookup("Sơn La", type="PER") == []
    found = index.lookup("Son La", per_owner=False)
    assert [m.owner for m in found].count(2) == 1  # "Son La province" is not a variant of "Son La"
    assert all(m.owner != 4 for m in index.lookup("Nguyễn Văn Minh", min_score=CLUSTER_THRESHOLD))


def test_lookup_names_the_matched_alias(index: NameIndex) -> None:
    m = index.lookup("MOET")[0]
    assert (m.owner, m.name, m.primary) == (6, "MOET", False)


def test_remove_and_re_add_an_owner(index: NameIndex) -> None:
    n = len(index)
    index.remove_owner(1)
    assert 1 not in index
    assert all(m.owner != 1 for m in index.lookup("Lê Hồng Long", prefix=True))
    assert len(index) == n - 2
    assert index.garbage > 0
    index.add(1, "PER", ["Lữ Hồng Long"])
    assert index.lookup("Lê Hồng Long")[0].owner == 1
    assert index.names_of(1) == ["Lữ Hồng Long"]


def test_empty_queries_and_index() -> None:
    assert NameIndex().lookup("Sơn La", prefix=True) == []
    idx = NameIndex([(1, "LOC", "Sơn La", True)])
    assert idx.lookup("  ,, ") == []
    assert idx.max_tokens == 2


# ---- windows over running text ------------------------------------------------------------------


def test_windows_stop_at_punctuation_and_report_capitals() -> None:
    text = "Ông Lê Hồng Long, tỉnh Sơn La. Huyện là"
    got = {(text[w.start:w.end], w.capitalised) for w in windows(text, 3)}
    assert ("Lê Hồng Long", True) in got
    assert ("Sơn La", True) in got
    assert ("Hồng Long tỉnh", False) not in got  # the comma breaks the run
    assert ("La Huyện", True) not in got  # so does the full stop
    assert ("Huyện là", False) in got


@pytest.mark.parametrize(("text", "start", "end", "whole"), [
    ("Sơn La", 0, 6, True),
    ("Sơn Lao", 0, 6, False),
    ("xSơn La", 1, 7, False),
    ("(Sơn La)", 1, 7, True),
])
def test_is_whole_words(text: str, start: int, end: int, whole: bool) -> None:
    assert is_whole_words(text, start, end) is whole


# ---- clusters --------------------------------------------------------------------------------------


def test_seed_spellings_form_two_clusters() -> None:
    variants = [("PER", "Lê Hồng Long"), ("PER", "Luo Honglong"), ("PER", "Lu Honglong"), ("PER", "Lữ Hồng Long"),
                ("LOC", "Sơn La"), ("LOC", "Sun La"), ("LOC", "Tôn La"), ("ORG", "VOV"),
                ("PER", "Nguyen Van Minh"), ("PER", "Nguyễn Văn Linh"), ("LOC", "Lê Hồng Long")]
    groups = [sorted(variants[k][1] for k in g) for g in cluster_variants(variants)]
    assert groups[0] == sorted(["Lê Hồng Long", "Luo Honglong", "Lu Honglong", "Lữ Hồng Long"])
    assert groups[1] == sorted(["Sơn La", "Sun La", "Tôn La"])
    assert sorted(map(len, groups)) == [1, 1, 1, 1, 3, 4]  # VOV, the two Nguyễn, the LOC "Lê Hồng Long" alone


def test_joined_pairs_cluster_regardless() -> None:
    groups = cluster_variants([("PER", "Hồ Chí Minh"), ("PER", "Bác Hồ")], joined=[(0, 1)])
    assert groups == [[0, 1]]
