"""Scoring figure suggestions: the matching rules, and the recogniser on the Sơn La gold."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from annotator.errors import FormatError
from annotator.figeval import VALUE_KEYS, evaluate, evaluate_recogniser, load_gold
from annotator.figures import RECOGNISED_LABELS, Suggestion, recognise
from annotator.formats.jsonl import read_jsonl
from annotator.model import DocRecord, SpanRecord, SpanState
from annotator.schema import default_schema

DATA = Path(__file__).parent / "data"
GOLD = DATA / "son-la.gold.jsonl"

TEXT = "Đạt hơn 90% và 595 Đảng bộ."  # "hơn 90%" 4-11, "595" 15-18


def _gold(*spans: SpanRecord) -> list[DocRecord]:
    return [DocRecord(text=TEXT, spans=list(spans), ext_id="doc")]


PCT = SpanRecord(4, 11, "PERCENT", {"value": "90", "bound": ">", "unit": "%"})
CNT = SpanRecord(15, 18, "COUNT", {"value": "595", "referent": "Đảng bộ"})


# ---- the seed article -------------------------------------------------------------------------

def test_seed_article_scores_at_least_095() -> None:
    scores = evaluate_recogniser(load_gold(GOLD))
    assert scores.precision >= 0.95, scores.report()
    assert scores.recall >= 0.95, scores.report()
    assert scores.value_accuracy >= 0.95, scores.report()
    assert scores.tp >= 40


def test_gold_is_consistent() -> None:
    raw = json.loads(GOLD.read_text(encoding="utf-8").splitlines()[0])
    text = raw["text"]
    assert text == (DATA / "son-la-congress-interview.vi.txt").read_text(encoding="utf-8")
    schema = default_schema()
    last_end = 0
    for s in raw["spans"]:
        assert text[s["start"]:s["end"]] == s["text"]
        assert s["text"] == s["text"].strip() and s["start"] >= last_end
        last_end = s["end"]
        assert s["label"] in RECOGNISED_LABELS
        assert schema.validate_attrs(s["label"], s["attrs"]) == s["attrs"]
    labels = {s["label"] for s in raw["spans"]}
    assert {"COUNT", "PERCENT", "DATE", "DURATION", "ORDINAL", "RATIO", "DOC_REF"} <= labels
    # no figure inside a document reference, and the identifier line has nothing
    ident = text.index("1663833675")
    assert not any(s["start"] <= ident < s["end"] for s in raw["spans"])


def test_gold_reads_the_same_with_the_jsonl_format() -> None:
    (ours,) = load_gold(GOLD)
    (theirs,) = list(read_jsonl(GOLD))
    assert theirs.text == ours.text
    assert [(s.start, s.end, s.label, s.attrs) for s in theirs.spans] == \
        [(s.start, s.end, s.label, s.attrs) for s in ours.spans]


# ---- matching rules ---------------------------------------------------------------------------

def test_exact_match_scores_one() -> None:
    s = evaluate(_gold(PCT, CNT), [[Suggestion(4, 11, "PERCENT", {"value": "90", "unit": "%", "bound": ">"}),
                                    Suggestion(15, 18, "COUNT", {"value": "595"})]])
    assert (s.precision, s.recall, s.f1, s.value_accuracy) == (1.0, 1.0, 1.0, 1.0)
    assert s.per_label["COUNT"].tp == 1 and s.per_label["PERCENT"].f1 == 1.0
    assert s.attribute_accuracy["referent"] == 0.0  # reported, but not part of value accuracy
    assert s.attribute_accuracy["value"] == 1.0


@pytest.mark.parametrize(("pred", "tp", "fp", "fn"), [
    (SpanRecord(5, 11, "PERCENT", {"value": "90"}), 0, 1, 2),  # one code point off: miss + false positive
    (SpanRecord(4, 11, "COUNT", {"value": "90"}), 0, 1, 2),  # right offsets, wrong label
    (SpanRecord(4, 12, "PERCENT", {"value": "90"}), 0, 1, 2),
    (SpanRecord(15, 18, "COUNT", {"value": "595"}), 1, 0, 1),
])
def test_offsets_and_label_must_both_agree(pred: SpanRecord, tp: int, fp: int, fn: int) -> None:
    s = evaluate(_gold(PCT, CNT), [[pred]])
    assert (s.tp, s.fp, s.fn) == (tp, fp, fn)
    assert len(s.misses) == fn and len(s.false_positives) == fp
    assert s.precision == (tp / (tp + fp)) and s.recall == tp / (tp + fn)


def test_a_duplicate_prediction_is_a_false_positive() -> None:
    s = evaluate(_gold(CNT), [[Suggestion(15, 18, "COUNT", {"value": "595"})] * 2])
    assert (s.tp, s.fp, s.fn) == (1, 1, 0)
    assert s.false_positives[0].text == "595"


def test_value_accuracy_compares_normalised_values() -> None:
    preds = [Suggestion(4, 11, "PERCENT", {"value": "90.0", "unit": "%"}),  # 90.0 == 90
             Suggestion(15, 18, "COUNT", {"value": "596"})]
    s = evaluate(_gold(PCT, CNT), [preds])
    assert s.tp == 2 and s.value_correct == 1 and s.value_accuracy == 0.5
    (mm,) = s.value_mismatches
    assert mm.keys == ("value",) and mm.gold.text == "595" and mm.predicted.attrs["value"] == "596"
    assert "596" in s.report()


@pytest.mark.parametrize("key", VALUE_KEYS)
def test_each_value_key_counts(key: str) -> None:
    gold = SpanRecord(15, 18, "COUNT", {key: "1"})
    assert evaluate(_gold(gold), [[SpanRecord(15, 18, "COUNT", {key: "2"})]]).value_accuracy == 0.0
    assert evaluate(_gold(gold), [[SpanRecord(15, 18, "COUNT", {})]]).value_accuracy == 0.0
    assert evaluate(_gold(gold), [[SpanRecord(15, 18, "COUNT", {key: "1", "bound": "~"})]]).value_accuracy == 1.0


def test_other_labels_and_rejected_spans_are_not_scored() -> None:
    per = SpanRecord(0, 3, "PER")
    rejected = SpanRecord(15, 18, "COUNT", {"value": "595"}, state=SpanState.REJECTED)
    s = evaluate(_gold(PCT, per, rejected), [[PCT, SpanRecord(0, 3, "ORG")]])
    assert (s.tp, s.fp, s.fn) == (1, 0, 0)
    only_counts = evaluate(_gold(PCT, CNT), [[PCT, CNT]], labels={"COUNT"})
    assert (only_counts.tp, only_counts.fp, only_counts.fn) == (1, 0, 0)


def test_predictions_may_be_documents_spans_or_dicts() -> None:
    as_doc = DocRecord(text=TEXT, spans=[PCT])
    as_dicts = [{"start": 4, "end": 11, "label": "PERCENT", "attrs": {"value": "90", "unit": "%"}}]
    gold_dicts = [{"id": 7, "text": TEXT, "spans": [{"start": 4, "end": 11, "label": "PERCENT",
                                                     "attrs": {"value": "90", "unit": "%"}}]}]
    for pred in (as_doc, as_dicts, {"spans": as_dicts}):
        s = evaluate(gold_dicts, [pred])
        assert (s.tp, s.fp, s.fn) == (1, 0, 0)
    assert evaluate(gold_dicts, [[]]).misses[0].doc == "7"


def test_empty_and_mismatched_inputs() -> None:
    empty = evaluate([DocRecord(text="no figures")], [[]])
    assert (empty.precision, empty.recall, empty.value_accuracy) == (1.0, 1.0, 1.0)
    nothing_found = evaluate(_gold(PCT), [[]])
    assert (nothing_found.precision, nothing_found.recall, nothing_found.value_accuracy) == (0.0, 0.0, 0.0)
    with pytest.raises(ValueError):
        evaluate(_gold(PCT), [])


def test_report_and_dict() -> None:
    s = evaluate(_gold(PCT, CNT), [[PCT, SpanRecord(0, 3, "COUNT", {"value": "1"})]])
    text = s.report()
    assert "precision       0.500" in text and "recall          0.500" in text
    assert "missed (1)" in text and "'595'" in text and "false positives (1)" in text
    data: dict[str, Any] = json.loads(json.dumps(s.as_dict(), ensure_ascii=False))
    assert data["tp"] == 1 and data["misses"][0]["text"] == "595"
    assert data["per_label"]["COUNT"] == {"tp": 0, "fp": 1, "fn": 1, "precision": 0.0, "recall": 0.0, "f1": 0.0}


def test_evaluate_recogniser_uses_the_document_language() -> None:
    gold = [DocRecord(text="It cost 1.500 in all.", language="en",
                      spans=[SpanRecord(8, 13, "COUNT", {"value": "1.5"})])]
    assert evaluate_recogniser(gold).value_accuracy == 1.0
    vi = [DocRecord(text="It cost 1.500 in all.", language="vi", spans=gold[0].spans)]
    assert evaluate_recogniser(vi).value_accuracy == 0.0  # read as 1500
    assert evaluate_recogniser(gold, recogniser=lambda text, language: []).recall == 0.0
    assert recognise(gold[0].text, language="en")[0].attrs["value"] == "1.5"


# ---- reading gold files --------------------------------------------------------------------

@pytest.mark.parametrize(("line", "why"), [
    ("not json", "not JSON"),
    ('{"spans": []}', "text"),
    ('{"text": "abc", "spans": [{"start": 0, "end": 9, "label": "COUNT"}]}', "outside"),
    ('{"text": "abc", "spans": [{"start": 0, "end": 2, "label": "COUNT", "text": "bc"}]}', "is not"),
    ('{"text": "abc", "spans": [{"start": 0, "label": "COUNT"}]}', "needs start"),
    ('{"text": "abc", "spans": [{"start": 0, "end": 1, "label": "X", "state": "maybe"}]}', "unknown state"),
])
def test_load_gold_names_the_line(tmp_path: Path, line: str, why: str) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text('{"text": "ok", "spans": []}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(FormatError) as err:
        load_gold(path)
    assert err.value.line == 2 and why in str(err.value)


def test_load_gold_missing_file(tmp_path: Path) -> None:
    with pytest.raises(FormatError):
        load_gold(tmp_path / "nope.jsonl")
