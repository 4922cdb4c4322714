"""Label Studio JSON: tasks with text, annotations and predictions of ``labels`` and relations.

**Offsets.** Label Studio's ``value.start``/``value.end`` for the ``Text`` tag count code points
of the task text (a ``\\r\\n`` is two), end exclusive — checked in Label Studio's own
end-to-end test ``web/libs/editor/tests/integration/e2e/ner/emoji.cy.ts`` (text
``"🐱 Warning: This is a test text"``, ``test`` at 21-25, the code-point offsets, with either
value of the feature flag) and since the fix of label-studio#1008/#1347 (label-studio-frontend
PR 308, 2022). Label Studio before 1.4 counted UTF-16 units. Reading with ``offsets="auto"``
takes code points, unless a region's ``value.text`` only matches in UTF-16 units (an old export):
then that task is read in UTF-16 units. Writing uses code points, or UTF-16 with
``offsets="utf16"`` for an old Label Studio. All conversion goes through
:class:`annotator.offsets.OffsetMap`.

**Read.** A JSON export (a list of tasks; one task or JSONL also accepted) or a list of tasks to
import with ``predictions``. Per task, one record: the text is ``data[text_key]`` (``text``, or
the only string in ``data``). Every ``labels`` region of every annotation becomes a span in state
*accepted*; of every prediction, a span in state *suggested* (so one task with two annotators
gives both annotators' spans). A region with several labels gives one span per label.
``relation`` results become links (``direction: left`` is turned round). A region's
``meta.text`` becomes ``attrs["notes"]``. ``value.text``, when present, must match the text at
the offsets (line breaks written as ``\\n`` or collapsed white space are accepted).
Everything else — task fields, other ``data`` keys, annotation fields (who, when, reviews …),
results of other types (choices, textarea, per-region fields) and region ids — is kept in
``meta["labelstudio"]`` so the export writes the same tasks back.

**Write.** A JSON list of tasks, streamed. Spans return to the annotation or prediction they came
from (when their state still fits it); other accepted spans go to the first annotation (a new one
if none), other suggested spans to the first prediction (model version ``annotator``). Rejected
spans, attributes other than notes, discontinuous fragments and entity names cannot be written
and are reported, as are links between spans of different annotations.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

from annotator.errors import FormatError
from annotator.formats.base import (
    FRAGMENTS,
    Output,
    Source,
    WriteReport,
    check_offsets,
    doc_label,
    iter_json_records,
    normalized_record,
    open_output,
    report_error,
    same_span_text,
)
from annotator.model import DocRecord, LinkRecord, SpanRecord, SpanState
from annotator.offsets import OffsetMap

__all__ = ["read_labelstudio", "write_labelstudio", "labelstudio_task"]

Unit = Literal["codepoint", "utf16"]
NOTES = "notes"
_TASK_SPECIAL = {"data", "annotations", "predictions", "completions"}
_REGION_KEYS = {"id", "from_name", "to_name", "type", "value", "meta"}
_VALUE_KEYS = {"start", "end", "text", "labels"}


# ---- reading -----------------------------------------------------------------------------------


@dataclass
class _Group:
    kind: str  # "annotation" | "prediction"
    fields: dict[str, Any]
    regions: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    other: list[Any] = field(default_factory=list)


def _text_key(data: dict[str, Any], wanted: str | None, results: list[Any], path: str, line: int) -> str:
    """The data field holding the text: ``wanted``, else ``text``, else the one the regions fit."""
    if wanted is not None:
        if not isinstance(data.get(wanted), str):
            raise FormatError(f"task data has no text under {wanted!r}", path=path, line=line)
        return wanted
    if isinstance(data.get("text"), str):
        return "text"
    strings = [k for k, v in data.items() if isinstance(v, str)]
    if len(strings) == 1:
        return strings[0]
    regions = list(_label_regions(results))
    # the Text tag is often named like its data field (<Text name="doc" value="$doc">)
    named = {str(r.get("to_name")) for r in regions} & set(strings)
    if len(named) == 1:
        return named.pop()

    def fits(key: str) -> bool:
        t = data[key]
        return all(isinstance(r["value"].get("text"), str) and isinstance(r["value"].get("start"), int)
                   and isinstance(r["value"].get("end"), int)
                   and same_span_text(t[r["value"]["start"]:r["value"]["end"]], r["value"]["text"])
                   for r in regions)

    fitting = [k for k in strings if fits(k)] if regions else []
    if len(fitting) == 1:
        return fitting[0]
    raise FormatError(f"cannot tell which data field is the text ({', '.join(strings) or 'none'}); "
                      "pass text_key", path=path, line=line)


def _label_regions(results: list[Any]) -> Iterator[dict[str, Any]]:
    for item in results:
        if isinstance(item, dict) and item.get("type") == "labels" and isinstance(item.get("value"), dict):
            yield item


class _LazyMap:
    """An OffsetMap built only when a conversion is really needed (it scans the whole text)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._map: OffsetMap | None = None

    @property
    def map(self) -> OffsetMap:
        if self._map is None:
            self._map = OffsetMap(self.text)
        return self._map


def _choose_unit(raw: str, lazy: _LazyMap, groups: list[list[Any]], wanted: str, prev: Unit) -> Unit:
    if wanted in ("codepoint", "utf16"):
        return wanted  # type: ignore[return-value]
    cp_ok = u16_ok = 0  # regions that fit in one unit only (before any emoji both fit)
    for results in groups:
        for item in _label_regions(results):
            v = item["value"]
            s, e, t = v.get("start"), v.get("end"), v.get("text")
            if not (isinstance(s, int) and isinstance(e, int) and isinstance(t, str)):
                continue
            omap = lazy.map
            if omap.trivial:
                return "codepoint"  # both units agree everywhere
            in_cp = 0 <= s <= e <= len(raw) and same_span_text(raw[s:e], t)
            in_u16 = 0 <= s <= e <= omap.length16 and same_span_text(
                raw[omap.to_cp(s):omap.to_cp(e, round_up=True)], t)
            cp_ok += in_cp and not in_u16
            u16_ok += in_u16 and not in_cp
    if u16_ok and not cp_ok:
        return "utf16"
    if cp_ok:
        return "codepoint"
    return prev


def _task_record(task: Any, path: str, line: int, text_key: str | None, offsets: str,
                 state: dict[str, Any]) -> DocRecord:
    if not isinstance(task, dict):
        raise FormatError(f"expected a task object, got {type(task).__name__}", path=path, line=line)
    data = task.get("data")
    if not isinstance(data, dict):
        raise FormatError("a task needs a 'data' object", path=path, line=line)
    containers: list[tuple[str, dict[str, Any]]] = []
    for key, kind in (("annotations", "annotation"), ("completions", "annotation"), ("predictions", "prediction")):
        value = task.get(key) or []
        if not isinstance(value, list):
            raise FormatError(f"'{key}' must be a list", path=path, line=line)
        for c in value:
            if not isinstance(c, dict) or not isinstance(c.get("result", []), list):
                raise FormatError(f"each of '{key}' must be an object with a 'result' list", path=path, line=line)
            containers.append((kind, c))
    tk = _text_key(data, text_key, [r for _, c in containers for r in (c.get("result") or [])], path, line)
    raw: str = data[tk]
    lazy = _LazyMap(raw)
    unit = _choose_unit(raw, lazy, [c.get("result") or [] for _, c in containers], offsets,
                        state.get("unit", "codepoint"))
    if unit == "utf16" and offsets == "auto":
        state["unit"] = "utf16"
    spans: list[SpanRecord] = []
    links: list[LinkRecord] = []
    groups: list[_Group] = []
    regions_meta: dict[str, dict[str, Any]] = {}
    links_meta: dict[str, dict[str, Any]] = {}
    used_ext: set[str] = set()
    for g_index, (kind, container) in enumerate(containers):
        group = _Group(kind, {k: v for k, v in container.items() if k != "result"})
        groups.append(group)
        span_state = SpanState.ACCEPTED if kind == "annotation" else SpanState.SUGGESTED
        local: dict[str, str] = {}  # LS region id → ext id of its first span
        results = container.get("result") or []
        for item in results:
            if not isinstance(item, dict):
                raise FormatError(f"a result must be an object, got {item!r}", path=path, line=line)
            value = item.get("value")
            if item.get("type") == "labels" and isinstance(value, dict):
                labels = value.get("labels")
                if not isinstance(labels, list) or not labels or not all(isinstance(x, str) for x in labels):
                    raise FormatError(f"region {item.get('id')!r} has no labels", path=path, line=line)
                limit = lazy.map.length16 if unit == "utf16" else len(raw)
                s, e = check_offsets(limit, value.get("start"), value.get("end"), path=path, line=line,
                                     what=f"region {item.get('id')!r}")
                if unit == "utf16":
                    s, e = lazy.map.span_to_cp(s, e)
                stated = value.get("text")
                if isinstance(stated, str) and not same_span_text(raw[s:e], stated):
                    raise FormatError(
                        f"region {item.get('id')!r} ({labels[0]}): value.text is {stated[:40]!r} but the task "
                        f"text at {value.get('start')}-{value.get('end')} ({unit} offsets) is {raw[s:e][:40]!r}",
                        path=path, line=line)
                ls_id = str(item.get("id") or f"r{len(spans)}")
                attrs: dict[str, Any] = {}
                note = item.get("meta", {}).get("text") if isinstance(item.get("meta"), dict) else None
                if isinstance(note, list) and note:
                    attrs[NOTES] = "\n".join(str(x) for x in note)
                elif isinstance(note, str) and note:
                    attrs[NOTES] = note
                extra = {k: v for k, v in item.items() if k not in _REGION_KEYS}
                meta_extra = {k: v for k, v in item["meta"].items() if k != "text"} \
                    if isinstance(item.get("meta"), dict) else {}
                value_extra = {k: v for k, v in value.items() if k not in _VALUE_KEYS}
                for k, label in enumerate(labels):
                    base = ls_id if k == 0 else f"{ls_id}#{k}"
                    ext = base if base not in used_ext else f"{base}@{g_index}"
                    n = 1
                    while ext in used_ext:
                        ext = f"{base}@{g_index}.{n}"
                        n += 1
                    used_ext.add(ext)
                    if k == 0:
                        local.setdefault(ls_id, ext)
                    spans.append(SpanRecord(start=s, end=e, label=label, attrs=dict(attrs), state=span_state,
                                            ext_id=ext))
                    group.regions.append(ext)
                    rm: dict[str, Any] = {"id": ls_id, "from_name": item.get("from_name"),
                                          "to_name": item.get("to_name")}
                    if extra:
                        rm["extra"] = extra
                    if value_extra:
                        rm["value"] = value_extra
                    if meta_extra:
                        rm["meta"] = meta_extra
                    regions_meta[ext] = rm
            elif item.get("type") == "relation":
                pass  # after all regions of the group are known
            else:
                group.other.append(item)
        for item in results:
            if not (isinstance(item, dict) and item.get("type") == "relation"):
                continue
            a, b = str(item.get("from_id")), str(item.get("to_id"))
            for end_id in (a, b):
                if end_id not in local:
                    raise FormatError(f"relation {a}->{b} refers to region {end_id}, which is not in its annotation",
                                      path=path, line=line)
            src, dst = local[a], local[b]
            direction = item.get("direction", "right")
            if direction == "left":
                src, dst = dst, src
            labels = item.get("labels") or []
            ext = f"rel{len(links) + 1}"
            links.append(LinkRecord(source=src, target=dst, role=str(labels[0]) if labels else "", ext_id=ext))
            group.links.append(ext)
            lm = {k: v for k, v in item.items() if k not in {"from_id", "to_id", "type", "direction", "labels"}}
            if direction == "bi":
                lm["direction"] = "bi"
            if len(labels) > 1:
                lm["labels"] = labels
            if lm:
                links_meta[ext] = lm
    ls_meta: dict[str, Any] = {
        "task": {k: v for k, v in task.items() if k not in _TASK_SPECIAL},
        "groups": [{"kind": g.kind, "fields": g.fields, "regions": g.regions, "links": g.links,
                    **({"other": g.other} if g.other else {})} for g in groups],
        "regions": regions_meta,
    }
    if tk != "text":
        ls_meta["text_key"] = tk
    data_extra = {k: v for k, v in data.items() if k != tk}
    if data_extra:
        ls_meta["data"] = data_extra
    if links_meta:
        ls_meta["links"] = links_meta
    if unit == "utf16":
        ls_meta["unit"] = "utf16"
    ident = task.get("id")
    title = data.get("title") if isinstance(data.get("title"), str) else ""
    return normalized_record(raw, spans, links=links, path=path, line=line, title=title,
                             ext_id=None if ident is None else str(ident),
                             meta={"labelstudio": ls_meta}, imported_from=path)


def read_labelstudio(src: Source, *, text_key: str | None = None,
                     offsets: Literal["auto", "codepoint", "utf16"] = "auto", encoding: str | None = None,
                     errors: list[FormatError] | None = None) -> Iterator[DocRecord]:
    """One record per Label Studio task (see the module text), streamed task by task.

    A broken file, a task without text, offsets outside the text or a ``value.text`` that
    does not match raise FormatError naming the file and the line where the task starts; with
    ``errors`` a bad task is listed there and skipped.
    """
    state: dict[str, Any] = {}
    for path, line, task in iter_json_records(src, encoding=encoding, errors=errors):
        try:
            yield _task_record(task, path, line, text_key, offsets, state)
        except FormatError as exc:
            report_error(exc, errors)


# ---- writing -----------------------------------------------------------------------------------


def _ok_state(kind: str, state: SpanState) -> bool:
    return (kind == "annotation") == (state == SpanState.ACCEPTED)


def labelstudio_task(record: DocRecord, *, offsets: Unit = "codepoint", from_name: str = "label",
                     to_name: str = "text", text_key: str = "text") -> tuple[dict[str, Any], list[str]]:
    """The Label Studio task for one record, and the problems met."""
    problems: list[str] = []
    raw_ls = record.meta.get("labelstudio")
    ls: dict[str, Any] = raw_ls if isinstance(raw_ls, dict) else {}
    text = record.text
    lazy = _LazyMap(text)
    tk = str(ls.get("text_key", text_key))
    data: dict[str, Any] = {tk: text}
    data.update({k: v for k, v in (ls.get("data") or {}).items() if k != tk})
    if not ls and record.title:
        data.setdefault("title", record.title)
    regions_meta: dict[str, dict[str, Any]] = ls.get("regions") or {}
    links_meta: dict[str, dict[str, Any]] = ls.get("links") or {}
    default_from = next((m.get("from_name") for m in regions_meta.values() if m.get("from_name")), from_name)
    default_to = next((m.get("to_name") for m in regions_meta.values() if m.get("to_name")), to_name)

    # which group each span goes to
    good: list[SpanRecord] = []
    for sp in record.spans:
        where = f"span {sp.start}-{sp.end} {sp.label}"
        if not (0 <= sp.start < sp.end <= len(text)):
            problems.append(f"{where}: offsets outside the text; not written")
            continue
        if sp.state == SpanState.REJECTED:
            problems.append(f"{where}: a rejected span has no place in Label Studio; not written")
            continue
        good.append(sp)
        extra = [k for k in sp.attrs if k not in (NOTES, FRAGMENTS)]
        if extra:
            problems.append(f"{where}: attributes {', '.join(sorted(extra))} have no place in Label Studio")
        if sp.attrs.get(FRAGMENTS):
            problems.append(f"{where}: discontinuous span written as its whole extent")
        if sp.entity:
            problems.append(f"{where}: entity name {sp.entity!r} has no place in Label Studio")
    by_ext: dict[str, SpanRecord] = {}
    for sp in good:
        if sp.ext_id is not None:
            by_ext.setdefault(sp.ext_id, sp)
    template = [g for g in (ls.get("groups") or []) if isinstance(g, dict)]
    members: list[list[SpanRecord]] = [[] for _ in template]
    placed: set[int] = set()
    for gi, g in enumerate(template):
        for ext in g.get("regions", []):
            found = by_ext.get(ext)
            if found is not None and id(found) not in placed and _ok_state(g.get("kind", ""), found.state):
                members[gi].append(found)
                placed.add(id(found))
    kinds = [g.get("kind", "annotation") for g in template]
    for sp in good:
        if id(sp) in placed:
            continue
        want = "annotation" if sp.state == SpanState.ACCEPTED else "prediction"
        if want not in kinds:
            template.append({"kind": want, "fields": {"model_version": "annotator"} if want == "prediction" else {},
                             "regions": [], "links": []})
            members.append([])
            kinds.append(want)
        members[kinds.index(want)].append(sp)

    group_of: dict[int, int] = {id(sp): gi for gi, ms in enumerate(members) for sp in ms}
    ext_span = {sp.ext_id: sp for sp in good if sp.ext_id is not None}
    annotations: list[dict[str, Any]] = []
    predictions: list[dict[str, Any]] = []
    region_ids: dict[int, str] = {}  # id(span) → LS region id written
    results: list[list[dict[str, Any]]] = []
    for gi in range(len(template)):
        result: list[dict[str, Any]] = []
        by_region: dict[tuple[str, int, int], dict[str, Any]] = {}
        used_ids: set[str] = set()
        for sp in members[gi]:
            rm = regions_meta.get(sp.ext_id or "", {})
            ls_id = str(rm.get("id") or sp.ext_id or f"s{len(used_ids) + 1}")
            key = (ls_id, sp.start, sp.end)
            if key in by_region and sp.label not in by_region[key]["value"]["labels"]:
                by_region[key]["value"]["labels"].append(sp.label)
                region_ids[id(sp)] = ls_id
                continue
            base, k = ls_id, 1
            while ls_id in used_ids:
                ls_id = f"{base}_{k}"
                k += 1
            used_ids.add(ls_id)
            region_ids[id(sp)] = ls_id
            if offsets == "utf16":
                s, e = lazy.map.span_to_utf16(sp.start, sp.end)
            else:
                s, e = sp.start, sp.end
            value: dict[str, Any] = {"start": s, "end": e, "text": text[sp.start:sp.end], "labels": [sp.label]}
            value.update(rm.get("value") or {})
            item: dict[str, Any] = {"id": ls_id, "from_name": rm.get("from_name") or default_from,
                                    "to_name": rm.get("to_name") or default_to, "type": "labels", "value": value}
            item.update(rm.get("extra") or {})
            meta = dict(rm.get("meta") or {})
            if sp.attrs.get(NOTES):
                meta["text"] = [str(sp.attrs[NOTES])]
            if meta:
                item["meta"] = meta
            by_region[(ls_id, sp.start, sp.end)] = item
            result.append(item)
        results.append(result)
    for lk in record.links:
        a, b = ext_span.get(lk.source), ext_span.get(lk.target)
        if a is None or b is None or id(a) not in region_ids or id(b) not in region_ids:
            problems.append(f"link {lk.role} {lk.source}->{lk.target}: a span it joins is not in the export; not written")
            continue
        if group_of[id(a)] != group_of[id(b)]:
            problems.append(f"link {lk.role} {lk.source}->{lk.target}: joins spans of different annotations; not written")
            continue
        lm = links_meta.get(lk.ext_id or "", {})
        rel: dict[str, Any] = {"from_id": region_ids[id(a)], "to_id": region_ids[id(b)], "type": "relation",
                               "direction": lm.get("direction", "right"),
                               "labels": lm.get("labels") or ([lk.role] if lk.role else [])}
        rel.update({k: v for k, v in lm.items() if k not in ("direction", "labels")})
        results[group_of[id(a)]].append(rel)
    for gi, g in enumerate(template):
        kept_ids = {r["id"] for r in results[gi] if "id" in r}
        written_at = {r["id"]: (r["value"]["start"], r["value"]["end"]) for r in results[gi]
                      if r.get("type") == "labels" and "id" in r}
        region_like = set(regions_meta.get(e, {}).get("id") for e in g.get("regions", []))
        for other in g.get("other", []) or []:
            oid = other.get("id") if isinstance(other, dict) else None
            # a per-region field of a region that is gone goes with it
            if oid is None or oid in kept_ids or oid not in region_like:
                ovalue = other.get("value") if isinstance(other, dict) else None
                if oid in written_at and isinstance(ovalue, dict) and "start" in ovalue and "end" in ovalue:
                    # keep a per-region field on its region, which normalisation may have moved
                    s16, e16 = written_at[oid]
                    other = {**other, "value": {**ovalue, "start": s16, "end": e16}}
                results[gi].append(other)
        container = {**(g.get("fields") or {}), "result": results[gi]}
        (annotations if g.get("kind") == "annotation" else predictions).append(container)
    task: dict[str, Any] = dict(ls.get("task") or {})
    task["data"] = data
    task["annotations"] = annotations
    task["predictions"] = predictions
    return task, problems


def write_labelstudio(records: Iterable[DocRecord], out: Output, *, offsets: Unit = "codepoint",
                      from_name: str = "label", to_name: str = "text",
                      text_key: str = "text") -> WriteReport:
    """Write a Label Studio JSON task list to a path (atomically) or an open text stream.

    ``from_name``/``to_name``/``text_key`` are the names in the Label Studio labelling config
    (``<Labels name="label" toName="text">``, ``<Text name="text" value="$text">``); records
    read from Label Studio keep their own.
    """
    report = WriteReport()
    with open_output(out) as f:
        f.write("[")
        first = True
        for index, record in enumerate(records):
            task, problems = labelstudio_task(record, offsets=offsets, from_name=from_name,
                                              to_name=to_name, text_key=text_key)
            for p in problems:
                report.problem(p, doc=doc_label(record, index))
            f.write("\n" if first else ",\n")
            first = False
            f.write(json.dumps(task, ensure_ascii=False))
            report.documents += 1
            for c in task["annotations"] + task["predictions"]:
                for r in c["result"]:
                    if r.get("type") == "labels":
                        report.spans += len(r["value"]["labels"])
                    elif r.get("type") == "relation":
                        report.links += 1
        f.write("\n]\n")
    return report
