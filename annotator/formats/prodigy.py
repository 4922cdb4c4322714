"""Prodigy JSONL: one task a line.

    {"text": "…",
     "tokens": [{"text": "Lê", "start": 4, "end": 6, "id": 1, "ws": true}, …],
     "spans": [{"start": 4, "end": 16, "text": "Lê Hồng Long", "label": "PER",
                "token_start": 1, "token_end": 3}, …],
     "relations": [{"head": 3, "child": 9, "label": "entity",
                    "head_span": {"start": …, "end": …, "token_start": …, "token_end": …, "label": …},
                    "child_span": {…}}],
     "answer": "accept", "meta": {"title": "…", "source": "…"}, "_annotator": {…}}

Character ``end`` is exclusive, ``token_end`` is *inclusive* (Prodigy's convention). Tokens are
laid out as spaCy (and so Prodigy's ``add_tokens``) lays them out: a gap between words that is
not one space (a line break, two spaces, a tab) is a token of its own, so the tokens with their
``ws`` flags give back the text. A relation's ``head``/``child`` is the last token of its span,
with the whole span in ``head_span``/``child_span``.

What Prodigy has no field for travels where Prodigy keeps but ignores it: a span's ``attrs``,
``state`` (when it differs from the task's answer), ``id`` and ``entity`` inside the span; the
document's id, title, metadata, source, date, language and status under ``_annotator``. A span
that is not on token boundaries cannot be a Prodigy span: it is reported and kept only under
``_annotator.unaligned`` (so our own reader still gets it back); a link joining such a span is
kept under ``_annotator.links``. ``with_tokens=False`` writes
character spans only, as Prodigy's ``ner`` input accepts, and then every span is written.

Answer ↔ state: the task's ``answer`` is ``reject`` when every span is rejected, else
``accept``. Reading, ``accept`` makes spans accepted, ``reject`` rejected, ``ignore`` suggested
(a task with no answer: accepted, or ``no_answer`` state); a span's own ``state`` wins.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from annotator.errors import FormatError
from annotator.formats.base import (
    Output,
    Source,
    WriteReport,
    check_offsets,
    check_span_text,
    doc_label,
    iter_json_records,
    normalized_record,
    open_output,
    report_error,
    span_extras,
)
from annotator.formats.tokens import TokenIndex, Tokenizer, describe, get_tokenizer, with_gaps
from annotator.model import DocRecord, DocStatus, LinkRecord, SpanRecord, SpanState

__all__ = ["write_prodigy", "read_prodigy", "task_from_record", "record_from_task"]

_ANSWER_STATE = {"accept": SpanState.ACCEPTED, "reject": SpanState.REJECTED, "ignore": SpanState.SUGGESTED}
_DOC_FIELDS = ("ext_id", "title", "meta", "source_url", "published", "language", "status")


def task_from_record(rec: DocRecord, report: WriteReport, *, index: int = 0,
                     tokenizer: Tokenizer | None = None) -> dict[str, Any]:
    """The Prodigy task for one record; problems go to ``report``.

    With ``tokenizer`` None, no tokens are written and spans carry character offsets only.
    """
    name = doc_label(rec, index)
    text = rec.text
    states = {sp.state for sp in rec.spans}
    answer = "reject" if states == {SpanState.REJECTED} else "accept"
    default = _ANSWER_STATE[answer]
    task: dict[str, Any] = {"text": text}
    token_of_start: dict[int, int] = {}
    token_of_end: dict[int, int] = {}
    idx: TokenIndex | None = None
    if tokenizer is not None:
        offsets = tokenizer.tokenize(text)
        idx = TokenIndex(offsets)
        laid = with_gaps(text, offsets)
        tokens: list[dict[str, Any]] = []
        for k, (s, e, ws) in enumerate(laid):
            tok: dict[str, Any] = {"text": text[s:e], "start": s, "end": e, "id": k, "ws": ws}
            if idx.tokens_of(s, e) is None:
                tok["disabled"] = True  # a white-space token, as spaCy makes them: not selectable
            tokens.append(tok)
            token_of_start.setdefault(s, k)
            token_of_end[e] = k
        task["tokens"] = tokens
    spans: list[dict[str, Any]] = []
    unaligned: list[dict[str, Any]] = []
    where: dict[str, dict[str, Any]] = {}
    for sp in rec.spans:
        d: dict[str, Any] = {"start": sp.start, "end": sp.end, "text": text[sp.start:sp.end], "label": sp.label}
        if idx is not None:
            if idx.tokens_of(sp.start, sp.end) is None:
                report.problem(f"{describe('span', sp, text)} is not on token boundaries "
                               f"({idx.why_not(sp.start, sp.end)}); kept only under _annotator.unaligned", doc=name)
                unaligned.append({**d, **span_extras(sp, default=default, id_key="id")})
                continue
            d["token_start"] = token_of_start[sp.start]
            d["token_end"] = token_of_end[sp.end]
        d.update(span_extras(sp, default=default, id_key="id"))
        spans.append(d)
        if sp.ext_id is not None:
            where[sp.ext_id] = d
    task["spans"] = spans
    relations = []
    kept_links: list[dict[str, Any]] = []
    for lk in rec.links:
        head, child = where.get(lk.source), where.get(lk.target)
        if head is None or child is None:
            report.problem(f"link {lk.role} {lk.source} → {lk.target} not written as a relation "
                           "(a span it joins is not a Prodigy span); kept only under _annotator.links", doc=name)
            kept_links.append({"source": lk.source, "target": lk.target, "role": lk.role,
                               **({"id": lk.ext_id} if lk.ext_id is not None else {})})
            continue
        rel: dict[str, Any] = {"label": lk.role}
        for key, d in (("head", head), ("child", child)):
            if "token_end" in d:
                rel[key] = d["token_end"]
            rel[f"{key}_span"] = {k: d[k] for k in ("start", "end", "token_start", "token_end", "label", "id")
                                  if k in d}
        if lk.ext_id is not None:
            rel["id"] = lk.ext_id
        relations.append(rel)
    if relations:
        task["relations"] = relations
    task["answer"] = answer
    meta: dict[str, Any] = {}
    if rec.title:
        meta["title"] = rec.title
    if rec.source_url:
        meta["source"] = rec.source_url
    if meta:
        task["meta"] = meta
    ours: dict[str, Any] = {}
    for f in _DOC_FIELDS:
        v = getattr(rec, f)
        if v not in (None, "", {}):
            ours[f] = str(v) if f == "status" else v
    if unaligned:
        ours["unaligned"] = unaligned
    if kept_links:
        ours["links"] = kept_links
    if ours:
        task["_annotator"] = ours
    report.spans += len(spans) + len(unaligned)
    report.links += len(relations) + len(kept_links)
    return task


def write_prodigy(
    records: Iterable[DocRecord],
    out: Output,
    *,
    tokenizer: str | Tokenizer | None = None,
    with_tokens: bool = True,
    progress: Callable[[int], Any] | None = None,
) -> WriteReport:
    """Write Prodigy JSONL, one task a line (see the module doc)."""
    report = WriteReport()
    tok = get_tokenizer(tokenizer, problems=report.problems) if with_tokens else None
    with open_output(out) as fh:
        for i, rec in enumerate(records):
            task = task_from_record(rec, report, index=i, tokenizer=tok)
            fh.write(json.dumps(task, ensure_ascii=False) + "\n")
            report.document_done(progress)
    report.wrote(out)
    return report


# ---- reading -----------------------------------------------------------------------------------


def _int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def record_from_task(task: Any, *, path: str, line: int, no_answer: SpanState = SpanState.ACCEPTED,
                     problems: list[str] | None = None) -> DocRecord:
    """One Prodigy task → a normalised record; bad input raises FormatError naming path and line."""
    if not isinstance(task, dict):
        raise FormatError("expected a JSON object (a Prodigy task)", path=path, line=line)
    text = task.get("text")
    if not isinstance(text, str):
        raise FormatError('"text" is missing or not a string', path=path, line=line)
    answer = task.get("answer")
    if answer is None:
        default = no_answer
    elif isinstance(answer, str) and answer in _ANSWER_STATE:
        default = _ANSWER_STATE[answer]
    else:
        raise FormatError(f'"answer" must be accept, reject or ignore, not {answer!r}', path=path, line=line)
    tokens = task.get("tokens")
    if tokens is not None and not (isinstance(tokens, list) and all(isinstance(t, dict) for t in tokens)):
        raise FormatError('"tokens" must be a list of objects', path=path, line=line)
    found_ours = task.get("_annotator")
    ours: dict[str, Any] = found_ours if isinstance(found_ours, dict) else {}
    for where, key in ((task, "spans"), (task, "relations"), (ours, "unaligned"), (ours, "links")):
        if not isinstance(where.get(key) or [], list):
            raise FormatError(f'"{"_annotator." if where is ours else ""}{key}" must be a list', path=path, line=line)
    raw_spans = list(task.get("spans") or []) + list(ours.get("unaligned") or [])
    spans: list[SpanRecord] = []
    by_chars: dict[tuple[Any, Any, Any], str] = {}
    by_id: dict[str, str] = {}
    by_token_end: dict[int, str] = {}
    for k, s in enumerate(raw_spans):
        what = f"spans[{k}]"
        if not isinstance(s, dict):
            raise FormatError(f"{what}: expected an object", path=path, line=line)
        start, end = s.get("start"), s.get("end")
        if (start is None or end is None) and tokens and _int(s.get("token_start")) and _int(s.get("token_end")):
            ts, te = s["token_start"], s["token_end"]
            if not 0 <= ts <= te < len(tokens):
                raise FormatError(f"{what}: tokens {ts}..{te} outside the {len(tokens)} tokens", path=path, line=line)
            start, end = tokens[ts].get("start"), tokens[te].get("end")
        start, end = check_offsets(len(text), start, end, path=path, line=line, what=what)
        label = s.get("label")
        if not isinstance(label, str) or not label:
            raise FormatError(f"{what}: missing label", path=path, line=line)
        if isinstance(s.get("text"), str):
            check_span_text(text, start, end, s["text"], path=path, line=line, what=what)
        if tokens and _int(s.get("token_start")) and _int(s.get("token_end")):
            ts, te = s["token_start"], s["token_end"]
            ok = 0 <= ts <= te < len(tokens) and tokens[ts].get("start") == start and tokens[te].get("end") == end
            if not ok:
                raise FormatError(f"{what}: token_start {ts} / token_end {te} (inclusive) do not match "
                                  f"characters {start}-{end}", path=path, line=line)
        state = default
        if "state" in s:
            try:
                state = SpanState(s["state"])
            except ValueError:
                raise FormatError(f"{what}: unknown state {s['state']!r}", path=path, line=line) from None
        attrs = s.get("attrs") or {}
        if not isinstance(attrs, dict):
            raise FormatError(f"{what}: attrs must be an object", path=path, line=line)
        sid = s.get("id")
        spans.append(SpanRecord(start, end, label, dict(attrs), state, None if sid is None else str(sid),
                                s.get("entity")))
        by_chars.setdefault((start, end, label), str(k))
        if sid is not None:
            by_id.setdefault(str(sid), str(k))
        by_chars.setdefault((start, end, None), str(k))
        if _int(s.get("token_end")):
            by_token_end[s["token_end"]] = str(k)
    links: list[LinkRecord] = []
    for k, rel in enumerate(task.get("relations") or []):
        if not isinstance(rel, dict):
            raise FormatError(f"relations[{k}]: expected an object", path=path, line=line)
        ends = []
        for key in ("head", "child"):
            sd = rel.get(f"{key}_span")
            found: str | None = None
            if isinstance(sd, dict) and sd.get("id") is not None:
                found = by_id.get(str(sd["id"]))
            if found is None and isinstance(sd, dict):
                found = by_chars.get((sd.get("start"), sd.get("end"), sd.get("label"))) or by_chars.get(
                    (sd.get("start"), sd.get("end"), None))
            if found is None and _int(rel.get(key)):
                found = by_token_end.get(rel[key]) or None
            ends.append(found)
        head, child = ends
        label = str(rel.get("label", "link"))
        if head is None or child is None:
            msg = f"relations[{k}] {label}: joins a token that is in no span; not imported"
            if problems is None:
                raise FormatError(msg, path=path, line=line)
            problems.append(f"{path}:{line}: {msg}")
            continue
        links.append(LinkRecord(head, child, label, None if rel.get("id") is None else str(rel["id"])))
    # links name spans by position; give those spans ids (their own, else "p<k>")
    used = {x for lk in links for x in (lk.source, lk.target)}
    pos_to_id: dict[str, str] = {}
    taken = {sp.ext_id for sp in spans if sp.ext_id is not None}
    for k_str in sorted(used, key=int):
        sp = spans[int(k_str)]
        if sp.ext_id is None:
            new = f"p{k_str}"
            while new in taken:
                new += "_"
            sp.ext_id = new
            taken.add(new)
        pos_to_id[k_str] = sp.ext_id
    links = [LinkRecord(pos_to_id[lk.source], pos_to_id[lk.target], lk.role, lk.ext_id) for lk in links]
    for k, d in enumerate(ours.get("links") or []):
        if not isinstance(d, dict) or "source" not in d or "target" not in d:
            raise FormatError(f"_annotator.links[{k}]: needs source and target", path=path, line=line)
        links.append(LinkRecord(str(d["source"]), str(d["target"]), str(d.get("role", "link")),
                                None if d.get("id") is None else str(d["id"])))
    found_meta = task.get("meta")
    meta_in: dict[str, Any] = found_meta if isinstance(found_meta, dict) else {}
    if ours:
        if not isinstance(ours.get("meta") or {}, dict):
            raise FormatError('"_annotator.meta" must be an object', path=path, line=line)
        meta = dict(ours.get("meta") or {})
        title = str(ours.get("title") or "")
        ext_id = ours.get("ext_id")
    else:
        meta = dict(meta_in)
        title = str(meta_in.get("title") or "")
        ext_id = None
        if answer is not None:
            meta["prodigy_answer"] = answer
    status = ours.get("status")
    spans.sort(key=lambda sp: (sp.start, -sp.end, sp.label))
    return normalized_record(
        text, spans, links=links, path=path, line=line, title=title, ext_id=None if ext_id is None else str(ext_id),
        meta=meta, source_url=ours.get("source_url") or meta_in.get("source"), published=ours.get("published"),
        language=ours.get("language"), imported_from=path,
        status=DocStatus(status) if isinstance(status, str) and status in {s.value for s in DocStatus} else None,
    )


def read_prodigy(
    path: Source,
    *,
    encoding: str | None = None,
    errors: list[FormatError] | None = None,
    no_answer: SpanState = SpanState.ACCEPTED,
    problems: list[str] | None = None,
) -> Iterator[DocRecord]:
    """Stream the tasks of a Prodigy JSONL file (or a JSON array of tasks) as records.

    Tokens are used only to place spans that give tokens but no characters and to check those
    that give both. A bad task raises FormatError naming the file and line, or, with ``errors``,
    is recorded there and skipped. Relations that join no span are errors, or are listed in
    ``problems`` when it is given.
    """
    for name, line, task in iter_json_records(path, encoding=encoding, errors=errors):
        try:
            yield record_from_task(task, path=name, line=line, no_answer=no_answer, problems=problems)
        except FormatError as exc:
            report_error(exc, errors)
