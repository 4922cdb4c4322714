"""brat standoff: a ``.txt`` file and a ``.ann`` file per document, and ``annotation.conf``.

Offsets are code points of the ``.txt`` file as stored (a CR counts), end exclusive. How each
kind of ``.ann`` line maps to records, so that an export gives back the same annotations:

``T`` text-bound
    A :class:`SpanRecord` with ``ext_id`` = the T id. A discontinuous ``T5 L 0 5;10 15`` is ONE
    span covering 0-15 whose ``attrs["fragments"]`` is ``[[0, 5], [10, 15]]``; the export writes
    the fragments back. Formats without discontinuous spans see the whole extent (their writers
    report it). The text column is checked against the file (fragments joined by one space, line
    breaks may be written as spaces); a mismatch is a FormatError naming the ``.ann`` line.
``R`` relation
    A :class:`LinkRecord` (source = Arg1, target = Arg2, role = relation type, ``ext_id`` = R id).
    Argument role names other than Arg1/Arg2 are kept in ``meta["brat"]["relation_args"]``.
``A``/``M`` attribute on a T
    ``attrs[name] = value`` (``True`` for a binary attribute). ``M`` is brat's old name for
    ``A`` and is written back as ``A``.
``N`` normalization (``Reference``) on a T
    ``attrs["normalized"] = "DB:ID"`` and ``SpanRecord.entity`` = its text (the canonical name).
``#`` ``AnnotatorNotes`` on a T
    ``attrs["notes"]`` (several notes joined by line ends; written back one line each).
``E`` events, ``*`` equivalences, and A/N/# lines on events or relations (or a second N on a T,
an attribute named like one of the keys above)
    Kept verbatim, in order, in ``meta["brat"]["lines"]`` and written back with their ids after
    the other lines; a kept line whose target is gone from the export is reported and left out.

The export renumbers only A, N and # lines (their ids carry no meaning); T and R ids are kept
when the records carry valid unique ones, so kept event lines still point at the right spans.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.errors import FormatError
from annotator.formats.base import (
    FRAGMENTS,
    Source,
    WriteReport,
    atomic_directory,
    check_offsets,
    doc_label,
    normalized_record,
    read_text_file,
    report_error,
    same_span_text,
)
from annotator.model import DocRecord, Layer, LinkRecord, SpanRecord, SpanState
from annotator.schema import LabelDef

__all__ = [
    "read_brat",
    "write_brat",
    "brat_ann",
    "parse_ann",
    "BratConfig",
    "read_brat_conf",
    "brat_labels",
    "NOTES",
    "NORMALIZED",
]

NOTES = "notes"
NORMALIZED = "normalized"
_RESERVED = {NOTES, NORMALIZED, FRAGMENTS}
_ID = re.compile(r"^([A-Za-z]+|#[A-Za-z]*)([0-9]+)(.*)$")
_T_ID = re.compile(r"^T([0-9]+)$")
_R_ID = re.compile(r"^R([0-9]+)$")
_NORM = re.compile(r"^(\S+) (\S+) (\S+?):(\S+)$")
_NORM_VALUE = re.compile(r"^\S+?:\S+$")
_SAFE_PART = re.compile(r"^[\w\-.]+$")
_LINE_BREAKS = str.maketrans({c: " " for c in "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"})
_KNOWN_SUFFIX = re.compile(r"\.(txt|text|md|markdown|html?|docx|ann|json|jsonl)$", re.I)
_PALETTE = ("#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3", "#fdb462", "#b3de69", "#fccde5",
            "#d9d9d9", "#bc80bd", "#ccebc5", "#ffed6f")


# ---- reading -----------------------------------------------------------------------------------


@dataclass
class _Ann:
    """One parsed .ann file: spans and links on the raw text, plus the lines kept verbatim."""

    spans: list[SpanRecord] = field(default_factory=list)
    links: list[LinkRecord] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    relation_args: dict[str, list[str]] = field(default_factory=dict)


def _refs(kind: str, data: str) -> list[str]:
    """The annotation ids a line of ``kind`` (T, R, E, A, M, N, #, *) refers to."""
    tokens = data.split()
    if kind in ("A", "M", "N", "#"):
        return tokens[1:2]
    if kind == "E":
        return [t.split(":", 1)[1] for t in tokens if ":" in t]
    if kind == "R":
        return [t.split(":", 1)[1] for t in tokens[1:] if ":" in t]
    if kind == "*":
        return tokens[1:]
    return []


def parse_ann(ann_text: str, raw_text: str, *, path: str = "<ann>") -> _Ann:
    """Parse the text of a ``.ann`` file against its document's raw text; FormatError on bad lines."""
    out = _Ann()
    spans: dict[str, SpanRecord] = {}
    ids: dict[str, int] = {}
    deferred: list[tuple[int, str, str, str, str | None, str]] = []  # (line, id, kind, data, tail, raw line)
    n = len(raw_text)
    for lineno, line in enumerate(ann_text.split("\n"), start=1):
        line = line[:-1] if line.endswith("\r") else line
        if not line.strip():
            continue
        if "\t" not in line:
            raise FormatError("expected an annotation id followed by a tab", path=path, line=lineno)
        ann_id, rest = line.split("\t", 1)
        data, tail = rest.split("\t", 1) if "\t" in rest else (rest, None)
        if ann_id == "*":
            kind = "*"
        else:
            m = _ID.match(ann_id)
            if not m:
                raise FormatError(f"{ann_id!r} is not an annotation id", path=path, line=lineno)
            kind = m.group(1)[0]
            if ann_id in ids:
                raise FormatError(f"duplicate id {ann_id} (first on line {ids[ann_id]})", path=path, line=lineno)
            ids[ann_id] = lineno
        if kind == "T":
            parts = data.split(" ", 1)
            if len(parts) != 2 or not parts[0]:
                raise FormatError(f"{ann_id}: expected 'TYPE START END'", path=path, line=lineno)
            label, offs = parts
            frags: list[list[int]] = []
            for piece in offs.split(";"):
                bits = piece.strip().split(" ")
                if len(bits) != 2 or not all(b.isdecimal() for b in bits):
                    raise FormatError(f"{ann_id}: bad offsets {offs!r}", path=path, line=lineno)
                s, e = check_offsets(n, int(bits[0]), int(bits[1]), path=path, line=lineno, what=ann_id)
                frags.append([s, e])
            if tail is not None:
                found = " ".join(raw_text[s:e] for s, e in frags)
                if not same_span_text(found, tail):
                    raise FormatError(
                        f"{ann_id}: the text column says {tail[:40]!r} but the document has "
                        f"{found[:40]!r} at {offs}", path=path, line=lineno)
            start = min(s for s, _ in frags)
            end = max(e for _, e in frags)
            attrs: dict[str, Any] = {FRAGMENTS: frags} if len(frags) > 1 else {}
            span = SpanRecord(start=start, end=end, label=label, attrs=attrs, ext_id=ann_id)
            spans[ann_id] = span
            out.spans.append(span)
        elif kind in ("R", "E", "A", "M", "N", "#", "*"):
            deferred.append((lineno, ann_id, kind, data, tail, line))
        else:
            raise FormatError(f"{ann_id}: unknown annotation kind {kind!r}", path=path, line=lineno)
    defined = set(ids)
    for lineno, ann_id, kind, data, tail, line in deferred:
        refs = _refs(kind, data)
        if kind in ("R", "A", "M", "N", "#") and not refs or (kind in ("E", "*") and not data.strip()):
            raise FormatError(f"{ann_id}: incomplete {kind} line", path=path, line=lineno)
        for ref in refs:
            if ref not in defined:
                raise FormatError(f"{ann_id} refers to {ref}, which is not defined", path=path, line=lineno)
        target = spans.get(refs[0]) if refs else None
        if kind == "R":
            args = [tuple(t.split(":", 1)) for t in data.split()[1:]]
            if len(args) != 2 or any(len(a) != 2 for a in args):
                raise FormatError(f"{ann_id}: a relation needs exactly two ROLE:ID arguments", path=path, line=lineno)
            (r1, a1), (r2, a2) = args
            if a1 in spans and a2 in spans and not (tail or "").strip():
                out.links.append(LinkRecord(source=a1, target=a2, role=data.split()[0], ext_id=ann_id))
                if (r1, r2) != ("Arg1", "Arg2"):
                    out.relation_args[ann_id] = [r1, r2]
                continue
        elif kind in ("A", "M") and target is not None:
            m2 = re.match(r"^(\S+) (\S+)(?: (.+))?$", data)
            if not m2:
                raise FormatError(f"{ann_id}: expected 'NAME TARGET [VALUE]'", path=path, line=lineno)
            name, _t, value = m2.groups()
            if name not in _RESERVED and name not in target.attrs:
                target.attrs[name] = True if value is None else value
                continue
        elif kind == "N" and target is not None:
            m3 = _NORM.match(data)
            if not m3:
                raise FormatError(f"{ann_id}: expected 'Reference TARGET DB:ID'", path=path, line=lineno)
            if m3.group(1) == "Reference" and NORMALIZED not in target.attrs and target.entity is None:
                target.attrs[NORMALIZED] = f"{m3.group(3)}:{m3.group(4)}"
                target.entity = tail or None
                continue
        elif kind == "#" and target is not None:
            bits = data.split()
            if len(bits) == 2 and bits[0] == "AnnotatorNotes" and tail is not None and "\n" not in tail:
                prev = target.attrs.get(NOTES)
                target.attrs[NOTES] = tail if prev is None else f"{prev}\n{tail}"
                continue
        out.lines.append(line)
    return out


def _pairs(folder: Path) -> Iterator[tuple[Path, Path | None, str]]:
    """(txt, ann or None, id) for every document under a collection folder, in path order."""
    txts: list[Path] = []
    anns: set[Path] = set()
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            if name.startswith("."):
                continue
            p = Path(root) / name
            if name.endswith(".txt"):
                txts.append(p)
            elif name.endswith(".ann"):
                anns.add(p)
    for txt in sorted(txts, key=lambda p: p.relative_to(folder).with_suffix("").parts):
        ann = txt.with_suffix(".ann")
        anns.discard(ann)
        yield txt, ann if ann.exists() else None, txt.relative_to(folder).with_suffix("").as_posix()
    for orphan in sorted(anns):
        yield orphan.with_suffix(".txt"), orphan, orphan.relative_to(folder).with_suffix("").as_posix()


def _read_doc(txt: Path, ann: Path | None, doc_id: str, encoding: str | None) -> DocRecord:
    if not txt.exists():
        raise FormatError("has no .txt file beside it", path=str(ann))
    raw, enc = read_text_file(txt, encoding=encoding)
    parsed = _Ann()
    if ann is not None:
        ann_text, _ = read_text_file(ann)  # brat writes .ann files in UTF-8; detected all the same
        parsed = parse_ann(ann_text, raw, path=str(ann))
    brat_meta: dict[str, Any] = {}
    if parsed.lines:
        brat_meta["lines"] = parsed.lines
    if parsed.relation_args:
        brat_meta["relation_args"] = parsed.relation_args
    meta: dict[str, Any] = {"encoding": enc}
    if brat_meta:
        meta["brat"] = brat_meta
    return normalized_record(raw, parsed.spans, links=parsed.links, path=str(txt), title=Path(doc_id).name,
                             ext_id=doc_id, meta=meta, imported_from=str(txt))


def read_brat(src: Source, *, encoding: str | None = None,
              errors: list[FormatError] | None = None) -> Iterator[DocRecord]:
    """One record per brat document.

    ``src`` is a collection folder (walked recursively; ``.txt`` files in path order, each with
    the ``.ann`` of the same name when there is one), or one ``.txt``/``.ann`` path. ``ext_id`` is
    the document's path without suffix relative to the folder. A bad document raises FormatError
    naming the file and line, or with ``errors`` is listed there and skipped whole.
    """
    if not isinstance(src, str | os.PathLike):
        raise FormatError("brat documents are read from a folder or a .txt/.ann path, not a stream")
    p = Path(src)
    if p.is_dir():
        for txt, ann, doc_id in _pairs(p):
            try:
                yield _read_doc(txt, ann, doc_id, encoding)
            except FormatError as exc:
                report_error(exc, errors)
        return
    txt = p.with_suffix(".txt")
    ann = p.with_suffix(".ann")
    if not txt.exists() and not ann.exists():
        report_error(FormatError("no such file", path=str(p)), errors)
        return
    try:
        yield _read_doc(txt, ann if ann.exists() else None, p.stem, encoding)
    except FormatError as exc:
        report_error(exc, errors)


# ---- writing -----------------------------------------------------------------------------------


class _Ids:
    """Fresh annotation ids per prefix, never reusing one already taken."""

    def __init__(self, taken: Iterable[str]) -> None:
        self.taken = set(taken)
        self.next: dict[str, int] = {}

    def new(self, prefix: str) -> str:
        k = self.next.get(prefix, 1)
        while f"{prefix}{k}" in self.taken:
            k += 1
        self.next[prefix] = k + 1
        ident = f"{prefix}{k}"
        self.taken.add(ident)
        return ident


def _type_name(name: str, what: str, problems: list[str]) -> str:
    if name and not any(c.isspace() for c in name):
        return name
    fixed = re.sub(r"\s+", "_", name.strip()) or "_"
    problems.append(f"{what} {name!r} has white space, which brat does not allow; written as {fixed!r}")
    return fixed


def brat_ann(record: DocRecord) -> tuple[str, list[str]]:
    """The ``.ann`` text for one record, and the problems met (what could not be written)."""
    problems: list[str] = []
    text = record.text
    brat_meta = record.meta.get("brat") if isinstance(record.meta.get("brat"), dict) else {}
    kept: list[str] = [ln for ln in (brat_meta or {}).get("lines", []) if isinstance(ln, str) and "\t" in ln]
    rel_args: dict[str, list[str]] = dict((brat_meta or {}).get("relation_args", {}) or {})
    kept_ids = {ln.split("\t", 1)[0] for ln in kept} - {"*"}
    ids = _Ids(kept_ids)
    span_ids: dict[str, str] = {}
    lines: list[str] = []
    attr_lines: list[str] = []
    written: set[str] = set()
    t_of: list[str] = []
    for sp in record.spans:
        ext = sp.ext_id
        if ext and _T_ID.match(ext) and ext not in ids.taken:
            tid = ext
            ids.taken.add(tid)
        else:
            tid = ""
        t_of.append(tid)
    for sp, tid in zip(record.spans, t_of, strict=True):
        if not tid:
            tid = ids.new("T")
        if sp.ext_id:
            if sp.ext_id in span_ids:
                problems.append(f"span id {sp.ext_id!r} is used twice; links to it go to the first")
            else:
                span_ids[sp.ext_id] = tid
        where = f"span {tid} ({sp.start}-{sp.end} {sp.label})"
        if not (0 <= sp.start < sp.end <= len(text)):
            problems.append(f"{where}: offsets outside the text; not written")
            continue
        frags_raw = sp.attrs.get(FRAGMENTS)
        frags: list[tuple[int, int]] = [(sp.start, sp.end)]
        if frags_raw:
            try:
                cand = [(int(a), int(b)) for a, b in frags_raw]
            except (TypeError, ValueError):
                cand = []
            if cand and all(0 <= a < b <= len(text) for a, b in cand):
                frags = cand
            else:
                problems.append(f"{where}: bad fragments {frags_raw!r}; written as one continuous span")
        label = _type_name(sp.label, f"{where}: label", problems)
        offs = ";".join(f"{a} {b}" for a, b in frags)
        col = " ".join(text[a:b] for a, b in frags).translate(_LINE_BREAKS)
        lines.append(f"{tid}\t{label} {offs}\t{col}")
        written.add(tid)
        if sp.state != SpanState.ACCEPTED:
            problems.append(f"{where}: state {sp.state} has no place in brat; written as a plain annotation")
        wrote_norm = False
        for key, value in sp.attrs.items():
            if key == FRAGMENTS:
                continue
            if key == NOTES:
                for note in str(value).split("\n"):
                    if note.strip():
                        attr_lines.append(f"{ids.new('#')}\tAnnotatorNotes {tid}\t{note}")
                continue
            if key == NORMALIZED:
                norm = str(value)
                if _NORM_VALUE.match(norm):
                    wrote_norm = True
                    attr_lines.append(f"{ids.new('N')}\tReference {tid} {norm}\t{(sp.entity or '').translate(_LINE_BREAKS)}")
                else:
                    problems.append(f"{where}: normalized value {norm!r} is not DB:ID; not written")
                continue
            name = _type_name(key, f"{where}: attribute", problems)
            if value is True:
                attr_lines.append(f"{ids.new('A')}\t{name} {tid}")
            elif value is None or value == "":
                continue
            elif isinstance(value, bool | int | float | str):
                sval = str(value).lower() if isinstance(value, bool) else str(value)
                if any(c in sval for c in "\t\n\r") or sval != sval.strip():
                    problems.append(f"{where}: attribute {key} value {sval!r} has tabs, line ends or outer spaces; not written")
                else:
                    attr_lines.append(f"{ids.new('A')}\t{name} {tid} {sval}")
            else:
                problems.append(f"{where}: attribute {key} value {value!r} is not a single value; not written")
        if sp.entity and not wrote_norm:
            problems.append(f"{where}: entity name {sp.entity!r} without a normalized reference has no place in brat")
    link_ids: set[str] = set()
    link_lines: list[str] = []
    pre_r = {lk.ext_id for lk in record.links
             if lk.ext_id and _R_ID.match(lk.ext_id) and lk.ext_id not in ids.taken}
    ids.taken.update(pre_r)
    for lk in record.links:
        a, b = span_ids.get(lk.source), span_ids.get(lk.target)
        if a is None or b is None or a not in written or b not in written:
            problems.append(f"link {lk.role} {lk.source}->{lk.target}: a span it joins is not in the export; not written")
            continue
        rid = lk.ext_id if lk.ext_id and lk.ext_id in pre_r and lk.ext_id not in link_ids else ids.new("R")
        link_ids.add(rid)
        roles = rel_args.get(lk.ext_id or "", ["Arg1", "Arg2"])
        role = _type_name(lk.role, f"link {rid}: relation type", problems)
        link_lines.append(f"{rid}\t{role} {roles[0]}:{a} {roles[1]}:{b}\t")
    # keep verbatim lines whose targets are still there (they may refer to each other: repeat)
    active = list(kept)
    while True:
        ok_ids = written | link_ids | {ln.split("\t", 1)[0] for ln in active}
        dropped = []
        for ln in active:
            ident, rest = ln.split("\t", 1)
            kind = "*" if ident == "*" else ident[:1]
            if any(ref not in ok_ids for ref in _refs(kind, rest.split("\t", 1)[0])):
                dropped.append(ln)
        if not dropped:
            break
        for ln in dropped:
            active.remove(ln)
            problems.append(f"kept brat line {ln.split(chr(9), 1)[0]} refers to an annotation not in the export; not written")
    all_lines = lines + link_lines + attr_lines + active
    return ("\n".join(all_lines) + "\n") if all_lines else "", problems


def _stem(record: DocRecord, index: int, used: set[str]) -> str:
    cand = _KNOWN_SUFFIX.sub("", str(record.ext_id or ""))
    parts = cand.split("/")
    if not cand or not all(_SAFE_PART.match(p) and not p.startswith(".") for p in parts):
        slug = re.sub(r"[^\w\-]+", "-", record.title.strip())[:60].strip("-")
        cand = slug or f"doc-{index + 1:05d}"
    stem, k = cand, 2
    while stem.lower() in used:
        stem = f"{cand}-{k}"
        k += 1
    used.add(stem.lower())
    return stem


@dataclass
class _ConfCollector:
    entities: dict[str, None] = field(default_factory=dict)
    events: dict[str, set[str]] = field(default_factory=dict)
    relations: dict[str, None] = field(default_factory=dict)
    equivs: dict[str, None] = field(default_factory=dict)
    attributes: dict[str, set[str]] = field(default_factory=dict)

    def add(self, ann: str) -> None:
        triggers: dict[str, str] = {}
        for line in ann.split("\n"):
            if "\t" not in line:
                continue
            ident, rest = line.split("\t", 1)
            data = rest.split("\t", 1)[0]
            kind = ident[:1]
            tokens = data.split()
            if kind == "T":
                triggers[ident] = tokens[0]
            elif kind == "E":
                etype = tokens[0].split(":", 1)[0]
                roles = self.events.setdefault(etype, set())
                roles.update(re.sub(r"\d+$", "", t.split(":", 1)[0]) for t in tokens[1:] if ":" in t)
            elif kind == "R":
                self.relations[tokens[0]] = None
            elif ident == "*" and tokens:
                self.equivs[tokens[0]] = None
            elif kind in ("A", "M"):
                vals = self.attributes.setdefault(tokens[0], set())
                if len(tokens) > 2:
                    vals.add(" ".join(tokens[2:]))
        for label in triggers.values():
            if label not in self.events:
                self.entities[label] = None

    def text(self) -> str:
        out = ["# Written by Annotator from the exported annotations; edit to taste.", "", "[entities]", ""]
        out += [e for e in self.entities if e not in self.events]
        out += ["", "[relations]", ""]
        out += [f"{r}\tArg1:<ENTITY>, Arg2:<ENTITY>" for r in self.relations if r not in self.equivs]
        out += [f"{r}\tArg1:<ENTITY>, Arg2:<ENTITY>, <REL-TYPE>:symmetric-transitive" for r in self.equivs]
        out += ["<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>", "", "[events]", ""]
        for ev, roles in self.events.items():
            args = ", ".join(f"{r}*:<ENTITY>" for r in sorted(roles))
            out.append(f"{ev}\t{args}" if args else ev)
        out += ["", "[attributes]", ""]
        for name, vals in self.attributes.items():
            spec = "Arg:<ANY>" + (f", Value:{'|'.join(sorted(vals))}" if vals else "")
            out.append(f"{name}\t{spec}")
        return "\n".join(out) + "\n"


def write_brat(records: Iterable[DocRecord], out_dir: str | os.PathLike[str], *,
               conf: bool = True) -> WriteReport:
    """Write a brat collection: ``<stem>.txt`` (the stored text, UTF-8, LF) and ``<stem>.ann``.

    ``out_dir`` must not exist or be empty; it appears only when the whole export succeeded.
    The file stem is the record's ``ext_id`` (without a known suffix; ``/`` makes
    sub-folders) when it is a safe path, else a slug of the title, else ``doc-00001``. With
    ``conf`` an ``annotation.conf`` listing the types used is written too (a starting point).
    Every annotation that brat cannot carry is listed in the report's problems.
    """
    report = WriteReport()
    collector = _ConfCollector()
    used: set[str] = set()
    with atomic_directory(out_dir) as tmp:
        for index, record in enumerate(records):
            stem = _stem(record, index, used)
            ann, problems = brat_ann(record)
            txt_path = tmp / f"{stem}.txt"
            txt_path.parent.mkdir(parents=True, exist_ok=True)
            with open(txt_path, "w", encoding="utf-8", newline="") as f:
                f.write(record.text)
            with open(tmp / f"{stem}.ann", "w", encoding="utf-8", newline="") as f:
                f.write(ann)
            label = doc_label(record, index)
            for p in problems:
                report.problem(p, doc=label)
            report.documents += 1
            report.spans += sum(1 for ln in ann.split("\n") if ln.startswith("T"))
            report.links += sum(1 for ln in ann.split("\n") if ln.startswith("R"))
            report.files += [f"{stem}.txt", f"{stem}.ann"]
            collector.add(ann)
        if conf:
            (tmp / "annotation.conf").write_text(collector.text(), encoding="utf-8")
            report.files.append("annotation.conf")
    return report


# ---- annotation.conf ---------------------------------------------------------------------------


@dataclass
class BratConfig:
    """The types declared in a brat ``annotation.conf``."""

    entities: list[str] = field(default_factory=list)
    events: list[str] = field(default_factory=list)
    relations: list[str] = field(default_factory=list)
    attributes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    labels: list[LabelDef] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # types whose names a schema cannot hold


_LABEL_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_\-.]*$")
_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")


def _conf_lines(text: str) -> Iterator[tuple[int, str, str]]:
    """(line number, section in lower case, stripped line) of each line of a brat ``.conf``
    file that is not blank, a comment or a ``[section]`` heading."""
    section = ""
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip().lower()
            continue
        yield lineno, section, line


def _visual_colours(path: Path) -> dict[str, str]:
    colours: dict[str, str] = {}
    if not path.exists():
        return colours
    text, _ = read_text_file(path)
    for _lineno, section, line in _conf_lines(text):
        if section != "drawing":
            continue
        name, _, spec = line.partition("\t") if "\t" in line else line.partition(" ")
        for item in spec.split(","):
            key, _, value = item.strip().partition(":")
            if key.strip() == "bgColor" and _HEX.match(value.strip()):
                colours[name.strip()] = value.strip().lower()
    return colours


def read_brat_conf(path: str | os.PathLike[str]) -> BratConfig:
    """Read ``annotation.conf`` (``path`` is the file or the collection folder).

    ``labels`` holds a :class:`LabelDef` (layer entity) for every entity type and event type
    that can be annotated (``!`` types are only hierarchy and are left out), coloured from a
    ``visual.conf`` beside it when that gives a ``bgColor:#rrggbb``, else from a fixed palette.
    """
    p = Path(path)
    conf = p / "annotation.conf" if p.is_dir() else p
    if not conf.exists():
        raise FormatError("no annotation.conf", path=str(conf))
    text, _ = read_text_file(conf)
    cfg = BratConfig()
    for lineno, section, line in _conf_lines(text):
        if line.startswith("<") and "=" in line:
            continue  # macro definition
        name = re.split(r"[\s]", line, maxsplit=1)[0]
        if name.startswith("<"):
            continue
        annotatable = not name.startswith("!")
        name = name.lstrip("!")
        if section == "entities" and annotatable:
            cfg.entities.append(name)
        elif section == "events" and annotatable:
            cfg.events.append(name)
        elif section == "relations":
            cfg.relations.append(name)
        elif section == "attributes":
            m = re.search(r"Value:([^,\s][^,]*)", line)
            cfg.attributes[name] = tuple(v.strip() for v in m.group(1).split("|")) if m else ()
        elif section not in ("entities", "events", "relations", "attributes"):
            raise FormatError(f"line outside a known section ([{section}])", path=str(conf), line=lineno)
    colours = _visual_colours(conf.parent / "visual.conf")
    seen: set[str] = set()
    for i, name in enumerate(cfg.entities + cfg.events):
        if name in seen:
            continue
        seen.add(name)
        if not _LABEL_NAME.match(name):
            cfg.skipped.append(name)
            continue
        kind = "event trigger" if name in cfg.events else "entity"
        cfg.labels.append(LabelDef(name=name, layer=Layer.ENTITY,
                                   color=colours.get(name, _PALETTE[i % len(_PALETTE)]),
                                   description=f"brat {kind} type"))
    return cfg


def brat_labels(path: str | os.PathLike[str]) -> list[LabelDef]:
    """The labels a project schema needs for a brat collection (see :func:`read_brat_conf`)."""
    return read_brat_conf(path).labels
