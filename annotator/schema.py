"""Label schemas: which labels exist, their layer, colour, key and typed attributes.

A schema is a TOML or JSON file (the default is ``resources/schemas/news.toml``). It is validated
on load; errors name the place (``labels[3].color``). A project stores its schema as JSON.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from annotator.errors import SchemaError, UnknownLabelError, ValidationError
from annotator.model import Layer

ATTR_TYPES = {"string", "text", "decimal", "enum", "bool", "date", "int"}
_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")
_DECIMAL = re.compile(r"^-?\d+(\.\d+)?$")
_DAY = r"(\d{4}|XXXX)(-(\d{2}|XX)(-\d{2})?)?"
_DATE = re.compile(rf"^{_DAY}(/{_DAY})?$")  # a date, or an ISO 8601 interval of two (a range of days)
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_\-.]*$")


def default_schema_path() -> Path:
    return Path(__file__).resolve().parent.parent / "resources" / "schemas" / "news.toml"


@dataclass(frozen=True, slots=True)
class AttributeDef:
    name: str
    type: str
    choices: tuple[str, ...] = ()
    description: str = ""

    def validate(self, value: Any) -> Any:
        """Return the value in its stored form, or raise ValidationError saying why."""
        t = self.type
        if value is None:
            return None
        if t == "bool":
            if isinstance(value, bool):
                return value
            if isinstance(value, str) and value.lower() in {"true", "false", "1", "0", "yes", "no"}:
                return value.lower() in {"true", "1", "yes"}
            raise ValidationError(f"attribute {self.name!r}: {value!r} is not true or false")
        if t == "int":
            if isinstance(value, bool) or not isinstance(value, int | str):
                raise ValidationError(f"attribute {self.name!r}: {value!r} is not a whole number")
            try:
                return int(value)
            except ValueError:
                raise ValidationError(f"attribute {self.name!r}: {value!r} is not a whole number") from None
        text = str(value) if isinstance(value, int | float) and not isinstance(value, bool) else value
        if not isinstance(text, str):
            raise ValidationError(f"attribute {self.name!r}: {value!r} is not text")
        if t == "decimal" and not _DECIMAL.match(text):
            raise ValidationError(
                f"attribute {self.name!r}: {text!r} is not a decimal with '.' and no grouping (e.g. 88.8)"
            )
        if t == "enum" and text not in self.choices:
            raise ValidationError(f"attribute {self.name!r}: {text!r} is not one of {', '.join(self.choices)}")
        if t == "date" and not _DATE.match(text):
            raise ValidationError(f"attribute {self.name!r}: {text!r} is not an ISO date (2020-08-04, 2020-08, XXXX-09) "
                                  f"or interval (2020-08-01/2020-08-05)")
        return text


@dataclass(frozen=True, slots=True)
class LabelDef:
    name: str
    layer: Layer
    color: str
    key: str = ""
    description: str = ""


@dataclass(frozen=True, slots=True)
class Schema:
    name: str
    labels: tuple[LabelDef, ...]
    attributes: Mapping[str, AttributeDef]
    layer_attributes: Mapping[Layer, tuple[str, ...]]
    layer_descriptions: Mapping[Layer, str] = field(default_factory=dict)
    version: int = 1
    _by_name: dict[str, LabelDef] = field(default_factory=dict, compare=False, repr=False)
    _attrs_by_label: dict[str, dict[str, AttributeDef]] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        by_name = {lab.name: lab for lab in self.labels}
        object.__setattr__(self, "_by_name", by_name)
        object.__setattr__(self, "_attrs_by_label", {
            lab.name: {a: self.attributes[a] for a in self.layer_attributes.get(lab.layer, ())}
            for lab in self.labels})

    def label(self, name: str) -> LabelDef:
        try:
            return self._by_name[name]
        except KeyError:
            raise UnknownLabelError(f"unknown label {name!r}; the schema has {', '.join(self.label_names())}") from None

    def has_label(self, name: str) -> bool:
        return name in self._by_name

    def label_names(self) -> list[str]:
        return [lab.name for lab in self.labels]

    def labels_of(self, layer: Layer) -> list[LabelDef]:
        return [lab for lab in self.labels if lab.layer == layer]

    def attributes_of(self, label: str) -> list[AttributeDef]:
        self.label(label)
        return list(self._attrs_by_label[label].values())

    def validate_attrs(self, label: str, attrs: Mapping[str, Any], *, strict: bool = True) -> dict[str, Any]:
        """Check and convert a span's attributes.

        Unknown names are refused when ``strict`` (edits); imports keep them as they are, so
        attributes of other tools (brat's, Label Studio's) survive a round trip.
        """
        if not attrs:
            return {}
        self.label(label)
        allowed = self._attrs_by_label[label]
        out: dict[str, Any] = {}
        for key, value in attrs.items():
            if key not in allowed and not strict:
                out[key] = value
                continue
            if key not in allowed:
                raise ValidationError(
                    f"label {label}: unknown attribute {key!r}; allowed: {', '.join(allowed) or 'none'}"
                )
            checked = allowed[key].validate(value)
            if checked is not None and checked != "":
                out[key] = checked
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "version": self.version,
            "attributes": {
                a.name: {"type": a.type, **({"choices": list(a.choices)} if a.choices else {}),
                         **({"description": a.description} if a.description else {})}
                for a in self.attributes.values()
            },
            "layers": {
                str(layer): {"attributes": list(names), "description": self.layer_descriptions.get(layer, "")}
                for layer, names in self.layer_attributes.items()
            },
            "labels": [
                {"name": lab.name, "layer": str(lab.layer), "color": lab.color, "key": lab.key,
                 "description": lab.description}
                for lab in self.labels
            ],
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True)

    def with_labels(self, extra: list[LabelDef]) -> Schema:
        """A copy with labels added (formats bring labels the schema does not know yet)."""
        known = set(self.label_names())
        labels = list(self.labels) + [lab for lab in extra if lab.name not in known]
        return Schema(self.name, tuple(labels), self.attributes, self.layer_attributes,
                      self.layer_descriptions, self.version)


def _need(data: Mapping[str, Any], key: str, where: str, kind: type | tuple[type, ...]) -> Any:
    if key not in data:
        raise SchemaError(f"{where}.{key}: missing")
    value = data[key]
    if not isinstance(value, kind):
        raise SchemaError(f"{where}.{key}: expected {getattr(kind, '__name__', kind)}, got {value!r}")
    return value


def _table(data: Mapping[str, Any], key: str, where: str) -> Mapping[str, Any]:
    value = data.get(key) or {}
    if not isinstance(value, Mapping):
        raise SchemaError(f"{where}{key}: must be a table, got {value!r}")
    return value


def _names(data: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = data.get(key, ())
    if not isinstance(value, list | tuple):
        raise SchemaError(f"{where}.{key}: must be a list, got {value!r}")
    return tuple(str(v) for v in value)


def schema_from_dict(data: Mapping[str, Any], *, source: str = "schema") -> Schema:
    """Validate and build a schema; every error names ``source`` and the place in it."""
    if not isinstance(data, Mapping):
        raise SchemaError(f"{source}: the top level must be a table/object")
    attrs: dict[str, AttributeDef] = {}
    for name, spec in _table(data, "attributes", f"{source}: ").items():
        where = f"{source}: attributes.{name}"
        if not isinstance(spec, Mapping):
            raise SchemaError(f"{where}: must be a table")
        typ = spec.get("type", "string")
        if typ not in ATTR_TYPES:
            raise SchemaError(f"{where}.type: {typ!r} is not one of {', '.join(sorted(ATTR_TYPES))}")
        choices = _names(spec, "choices", where)
        if typ == "enum" and not choices:
            raise SchemaError(f"{where}.choices: an enum needs choices")
        attrs[name] = AttributeDef(name, typ, choices, str(spec.get("description", "")))
    layer_attrs: dict[Layer, tuple[str, ...]] = {}
    layer_desc: dict[Layer, str] = {}
    for lname, spec in _table(data, "layers", f"{source}: ").items():
        where = f"{source}: layers.{lname}"
        try:
            layer = Layer(lname)
        except ValueError:
            raise SchemaError(f"{where}: unknown layer; use entity, figure or claim") from None
        if not isinstance(spec, Mapping):
            raise SchemaError(f"{where}: must be a table")
        names = _names(spec, "attributes", where)
        for a in names:
            if a not in attrs:
                raise SchemaError(f"{where}.attributes: {a!r} is not declared under [attributes]")
        layer_attrs[layer] = names
        layer_desc[layer] = str(spec.get("description", ""))
    labels: list[LabelDef] = []
    seen_names: set[str] = set()
    seen_keys: dict[str, str] = {}
    raw_labels = data.get("labels")
    if not isinstance(raw_labels, list) or not raw_labels:
        raise SchemaError(f"{source}: labels: at least one label is needed")
    for i, spec in enumerate(raw_labels):
        where = f"{source}: labels[{i}]"
        if not isinstance(spec, Mapping):
            raise SchemaError(f"{where}: must be a table")
        name = _need(spec, "name", where, str)
        where = f"{source}: labels[{i}] ({name})"
        if not _NAME.match(name):
            raise SchemaError(f"{where}.name: use letters, digits, _ - . (no spaces)")
        if name in seen_names:
            raise SchemaError(f"{where}.name: duplicate label")
        seen_names.add(name)
        layer_name = _need(spec, "layer", where, str)
        try:
            layer = Layer(layer_name)
        except ValueError:
            raise SchemaError(f"{where}.layer: {layer_name!r} is not entity, figure or claim") from None
        color = str(spec.get("color", "#cccccc"))
        if not _COLOR.match(color):
            raise SchemaError(f"{where}.color: {color!r} is not a #rrggbb colour")
        key = str(spec.get("key", ""))
        if len(key) > 1:
            raise SchemaError(f"{where}.key: {key!r} must be one character")
        if key:
            if key in seen_keys:
                raise SchemaError(f"{where}.key: {key!r} is already the key of {seen_keys[key]}")
            seen_keys[key] = name
        labels.append(LabelDef(name, layer, color, key, str(spec.get("description", ""))))
    for layer in Layer:
        layer_attrs.setdefault(layer, ())
    version = data.get("version", 1)
    if isinstance(version, bool) or not isinstance(version, int):
        raise SchemaError(f"{source}: version: must be a whole number, got {version!r}")
    return Schema(str(data.get("name", "schema")), tuple(labels), attrs, layer_attrs, layer_desc, version)


def load_schema(path: str | Path) -> Schema:
    """Read a TOML or JSON schema file."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise SchemaError(f"{p}: cannot read ({exc.strerror})") from None
    try:
        if p.suffix.lower() == ".json":
            data = json.loads(raw.decode("utf-8"))
        else:
            data = tomllib.loads(raw.decode("utf-8"))
    except (json.JSONDecodeError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise SchemaError(f"{p}: not valid {'JSON' if p.suffix.lower() == '.json' else 'TOML'}: {exc}") from None
    return schema_from_dict(data, source=str(p))


def schema_from_json(text: str) -> Schema:
    return schema_from_dict(json.loads(text), source="project schema")


@lru_cache(maxsize=1)
def default_schema() -> Schema:
    """The shipped news schema (read once; a Schema is immutable)."""
    return load_schema(default_schema_path())
