"""Label schemas: the default one, validation errors that name the place, attributes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.errors import SchemaError, ValidationError
from annotator.model import Layer
from annotator.schema import default_schema, load_schema, schema_from_dict


def test_default_schema_has_the_news_labels() -> None:
    s = default_schema()
    assert {lab.name for lab in s.labels_of(Layer.ENTITY)} == {"PER", "ORG", "LOC", "MISC", "DOC_REF"}
    assert {lab.name for lab in s.labels_of(Layer.FIGURE)} == {
        "COUNT", "PERCENT", "MONEY", "MEASURE", "DATE", "DURATION", "ORDINAL", "RATIO"}
    assert [lab.name for lab in s.labels_of(Layer.CLAIM)] == ["CLAIM"]
    for lab in s.labels:
        assert lab.color.startswith("#") and lab.key and lab.description
    names = {a.name for a in s.attributes_of("PERCENT")}
    assert {"value", "low", "high", "bound", "unit", "scale", "referent", "date", "granularity", "ambiguous"} <= names
    assert {"checkworthiness", "verifiable", "numeric_type", "notes", "flag"} <= {a.name for a in s.attributes_of("CLAIM")}


def test_round_trip_through_json() -> None:
    s = default_schema()
    again = schema_from_dict(json.loads(s.to_json()))
    assert again.to_dict() == s.to_dict()


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d["labels"][3].update(color="#zz0000"), "labels[3] (MISC).color"),
        (lambda d: d["labels"][1].update(layer="thing"), "labels[1] (ORG).layer"),
        (lambda d: d["labels"][2].update(key="p"), "labels[2] (LOC).key"),
        (lambda d: d["labels"][0].pop("name"), "labels[0].name: missing"),
        (lambda d: d["labels"].append(dict(d["labels"][0])), "duplicate label"),
        (lambda d: d["attributes"]["bound"].pop("choices"), "attributes.bound.choices"),
        (lambda d: d["attributes"]["value"].update(type="number"), "attributes.value.type"),
        (lambda d: d["layers"]["figure"]["attributes"].append("nope"), "layers.figure.attributes"),
        (lambda d: d.update(labels=[]), "at least one label"),
        (lambda d: d.update(attributes=[1]), "attributes: must be a table"),
        (lambda d: d["attributes"]["bound"].update(choices="<>"), "attributes.bound.choices: must be a list"),
        (lambda d: d["layers"].update(figure=3), "layers.figure: must be a table"),
        (lambda d: d["layers"]["figure"].update(attributes="value"), "layers.figure.attributes: must be a list"),
        (lambda d: d.update(version="2"), "version: must be a whole number"),
    ],
)
def test_invalid_schema_names_the_place(mutate, message: str) -> None:  # type: ignore[no-untyped-def]
    data = default_schema().to_dict()
    mutate(data)
    with pytest.raises(SchemaError) as info:
        schema_from_dict(data, source="mine.toml")
    assert message in str(info.value)
    assert "mine.toml" in str(info.value)


def test_toml_syntax_error_names_the_file(tmp_path: Path) -> None:
    f = tmp_path / "bad.toml"
    f.write_text("labels = [", encoding="utf-8")
    with pytest.raises(SchemaError, match="bad.toml"):
        load_schema(f)


def test_json_schema_file(tmp_path: Path) -> None:
    f = tmp_path / "s.json"
    f.write_text(json.dumps({"labels": [{"name": "X", "layer": "entity", "color": "#112233", "key": "x"}]}))
    s = load_schema(f)
    assert s.label_names() == ["X"]


@pytest.mark.parametrize(
    ("label", "attrs", "ok"),
    [
        ("PERCENT", {"value": "88.8", "bound": ">"}, True),
        ("PERCENT", {"value": "88,8"}, False),
        ("PERCENT", {"value": "1.500.000"}, False),
        ("PERCENT", {"bound": "about"}, False),
        ("DATE", {"date": "2020-08-04", "granularity": "day"}, True),
        ("DATE", {"date": "XXXX-09", "granularity": "month"}, True),
        ("DATE", {"date": "4/8/2020"}, False),
        ("CLAIM", {"checkworthiness": "checkworthy_factual", "flag": True}, True),
        ("CLAIM", {"checkworthiness": "very"}, False),
        ("PER", {"value": "1"}, False),
        ("COUNT", {"ambiguous": "maybe"}, False),
    ],
)
def test_attribute_validation(label: str, attrs: dict[str, object], ok: bool) -> None:
    s = default_schema()
    if ok:
        assert s.validate_attrs(label, attrs)
    else:
        with pytest.raises(ValidationError):
            s.validate_attrs(label, attrs)
