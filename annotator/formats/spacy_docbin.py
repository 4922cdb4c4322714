"""spaCy DocBin (``.spacy``): training data for ``spacy train``.

Writing (:func:`write_docbin`):

* Each text becomes a ``Doc`` whose ``doc.text`` is exactly the text: the tokens are ours
  (see :mod:`annotator.formats.tokens`; default ``simple``, or ``spacy:<lang>``), and the gaps
  between them that are not a single space become white-space tokens, as spaCy itself does.
* ``doc.spans[<layer>]`` holds every span that sits on token boundaries, under the key of its
  layer (``"entity"``, ``"figure"``, ``"claim"``; unknown labels are ``entity``), or all under one
  key when ``span_key`` is given (e.g. ``"sc"`` for spancat). A span's ``kb_id`` is its canonical
  entity name and its ``id`` its external id, when it has them.
* ``doc.ents`` holds the spans of ``ents_layers`` (default entity and figure) that do not
  overlap, chosen by :func:`~annotator.formats.tokens.assign_levels` (entity layer first, then
  longer first, then earlier). The others are reported as "only in doc.spans".
* ``doc.user_data["annotator"]`` keeps what spaCy has no field for: every span as
  ``{start, end, label, attrs, state, ext_id, entity}`` (character offsets), the links, and the
  document's title, id, metadata, source, date, language and status. A span that is not on token
  boundaries cannot be a spaCy ``Span``: it is reported and kept only there.

spaCy's DocBin is built in memory and written once at the end (``DocBin.to_bytes``), that is
spaCy's design; it stores token arrays, not objects, so 10,000 news articles take a few tens of
MB. The file is written atomically.

Reading (:func:`read_docbin`) gives back the exact records from ``user_data`` when present, plus
any span of ``doc.ents`` or ``doc.spans[...]`` that is not among them, so DocBins made by other
tools (``spacy convert``) import too. Needs spaCy (an optional dependency), imported lazily.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from annotator.errors import FormatError
from annotator.formats.base import (
    Source,
    WriteReport,
    atomic_output,
    doc_label,
    normalized_record,
    open_binary,
    report_error,
    source_name,
    span_extras,
)
from annotator.formats.tokens import (
    TokenIndex,
    Tokenizer,
    assign_levels,
    describe,
    get_tokenizer,
    layer_resolver,
    place_spans,
    split_tokens,
    with_gaps,
)
from annotator.model import DocRecord, DocStatus, LinkRecord, SpanRecord, SpanState

__all__ = ["write_docbin", "read_docbin", "docs_from_records", "USER_KEY"]

USER_KEY = "annotator"


def _words_and_spaces(text: str, offsets: Sequence[tuple[int, int]]) -> tuple[list[str], list[bool]]:
    """spaCy words/spaces reproducing ``text`` exactly: gaps other than one space become tokens."""
    laid = with_gaps(text, offsets)
    return [text[s:e] for s, e, _ in laid], [ws for _, _, ws in laid]


def _words_and_spaces_fast(text: str, words: list[str], starts: Sequence[int],
                           ends: Sequence[int]) -> tuple[list[str], list[bool]]:
    """As :func:`_words_and_spaces`, from the tokens' texts and bounds; when every gap between
    tokens is empty or one space (most text) without any per-token Python work."""
    if words and starts[0] == 0:
        gaps = list(map(text.__getitem__, map(slice, ends, [*starts[1:], len(text)])))
        if set(gaps) <= _PLAIN_GAPS:
            return words, list(map(" ".__eq__, gaps))
    return _words_and_spaces(text, list(zip(starts, ends, strict=True)))


_PLAIN_GAPS = {"", " "}


def _span_dict(sp: SpanRecord, layer: str, where: str) -> dict[str, Any]:
    return {"start": sp.start, "end": sp.end, "label": sp.label, "layer": layer, "in": where, **span_extras(sp)}


def docs_from_records(
    records: Iterable[DocRecord],
    vocab: Any,
    report: WriteReport,
    *,
    tokenizer: Tokenizer,
    ents_layers: Sequence[str] = ("entity", "figure"),
    span_key: str | None = None,
    layer_of: Callable[[str], str],
    progress: Callable[[int], Any] | None = None,
) -> Iterator[Any]:
    """spaCy ``Doc`` objects for the records, one at a time (see the module doc)."""
    from spacy.tokens import Doc

    for i, rec in enumerate(records):
        name = doc_label(rec, i)
        tokens, starts, ends = split_tokens(tokenizer, rec.text)
        words, spaces = _words_and_spaces_fast(rec.text, tokens, starts, ends)
        doc = Doc(vocab, words=words, spaces=spaces)
        if doc.text != rec.text:  # pragma: no cover - guarded by the construction above
            raise AssertionError("spaCy Doc text differs from the record's text")
        idx = TokenIndex.from_bounds(starts, ends)
        placed, missed = place_spans(rec.spans, idx)
        where = ["user_data"] * len(rec.spans)
        for k, why in missed:
            report.problem(f"{describe('span', rec.spans[k], rec.text)} is not a spaCy span ({why}); "
                           f"kept only in doc.user_data", doc=name)
        groups: dict[str, list[Any]] = {}
        spacy_spans: dict[int, Any] = {}
        for ts in placed:
            sp = rec.spans[ts.index]
            span = doc.char_span(sp.start, sp.end, label=sp.label, kb_id=sp.entity or "",
                                 span_id=sp.ext_id or "")
            if span is None:  # pragma: no cover - our tokens are the Doc's tokens
                report.problem(f"{describe('span', sp, rec.text)} not on spaCy tokens; kept only in doc.user_data",
                               doc=name)
                continue
            spacy_spans[ts.index] = span
            groups.setdefault(span_key or layer_of(sp.label), []).append(span)
            where[ts.index] = "spans"
        for key, spans in groups.items():
            doc.spans[key] = spans
        candidates = [ts for ts in placed if layer_of(ts.label) in ents_layers and ts.index in spacy_spans]
        levels, left = assign_levels(candidates, layer_of=layer_of, order=tuple(ents_layers), max_levels=1)
        chosen = levels[0] if levels else []
        doc.ents = [spacy_spans[ts.index] for ts in chosen]
        for ts in chosen:
            where[ts.index] = "ents+spans"
        if left:
            report.problem(
                f"{len(left)} span(s) overlap an entity and are only in doc.spans, not doc.ents: "
                + "; ".join(describe("", rec.spans[ts.index], rec.text).lstrip(": ") for ts in left[:5])
                + (" …" if len(left) > 5 else ""),
                doc=name,
            )
        doc.user_data[USER_KEY] = {
            "spans": [_span_dict(sp, layer_of(sp.label), where[k]) for k, sp in enumerate(rec.spans)],
            "links": [{"source": lk.source, "target": lk.target, "role": lk.role,
                       **({"ext_id": lk.ext_id} if lk.ext_id is not None else {})} for lk in rec.links],
            "doc": {k: v for k, v in {
                "title": rec.title, "ext_id": rec.ext_id, "meta": rec.meta, "source_url": rec.source_url,
                "published": rec.published, "language": rec.language, "imported_from": rec.imported_from,
                "status": str(rec.status) if rec.status is not None else None,
            }.items() if v not in (None, "", {})},
        }
        report.spans += len(rec.spans)
        report.links += len(rec.links)
        report.document_done(progress)
        yield doc


def write_docbin(
    records: Iterable[DocRecord],
    out: str | os.PathLike[str],
    *,
    tokenizer: str | Tokenizer | None = None,
    ents_layers: Sequence[str] = ("entity", "figure"),
    span_key: str | None = None,
    layer_of: Callable[[str], str] | None = None,
    schema: Any = None,
    progress: Callable[[int], Any] | None = None,
) -> WriteReport:
    """Write a ``.spacy`` DocBin (see the module doc). Needs spaCy."""
    from spacy.tokens import DocBin
    from spacy.vocab import Vocab

    report = WriteReport()
    tok = get_tokenizer(tokenizer, problems=report.problems)
    vocab = getattr(getattr(tok, "_nlp", None), "vocab", None) or Vocab()
    db = DocBin(store_user_data=True)
    for doc in docs_from_records(records, vocab, report, tokenizer=tok, ents_layers=ents_layers,
                                 span_key=span_key, layer_of=layer_of or layer_resolver(schema), progress=progress):
        db.add(doc)
    with atomic_output(out, binary=True) as fh:
        fh.write(db.to_bytes())
    report.files.append(os.fspath(out))
    return report


def _plain(value: Any) -> Any:
    """msgpack gives tuples back for lists: turn them into lists again."""
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def read_docbin(path: Source, *, lang: str | None = None,
                errors: list[FormatError] | None = None) -> Iterator[DocRecord]:
    """Stream the documents of a ``.spacy`` file as records (see the module doc). Needs spaCy.

    ``lang`` picks the vocabulary to load into (default: a bare one; any works). A document whose
    stored annotations are broken raises FormatError, or with ``errors`` is recorded and skipped.
    """
    from spacy.tokens import DocBin
    from spacy.vocab import Vocab

    name = source_name(path)
    with open_binary(path) as fh:
        data = fh.read()
    try:
        db = DocBin().from_bytes(data)
    except Exception as exc:  # spaCy raises ValueError/KeyError/msgpack errors for a bad file
        raise FormatError(f"not a spaCy DocBin ({type(exc).__name__}: {exc})", path=name) from None
    if lang:
        import spacy

        vocab = spacy.blank(lang).vocab
    else:
        vocab = Vocab()
    for n, doc in enumerate(db.get_docs(vocab), 1):
        try:
            rec = _record(doc, name, n)
        except FormatError as exc:
            report_error(exc, errors)
        else:
            yield rec


def _record(doc: Any, name: str, n: int) -> DocRecord:
    stored = _plain(doc.user_data.get(USER_KEY)) if doc.user_data else None
    spans: list[SpanRecord] = []
    seen: set[tuple[int, int, str]] = set()
    info: dict[str, Any] = {}
    links: list[LinkRecord] = []
    if isinstance(stored, dict):
        for k, d in enumerate(stored.get("spans") or []):
            try:
                state = SpanState(d.get("state", "accepted"))
                spans.append(SpanRecord(int(d["start"]), int(d["end"]), str(d["label"]), dict(d.get("attrs") or {}),
                                        state, d.get("ext_id"), d.get("entity")))
            except (KeyError, TypeError, ValueError) as exc:
                raise FormatError(f"document {n}: user_data span {k} is broken ({exc})", path=name) from None
            seen.add((spans[-1].start, spans[-1].end, spans[-1].label))
        for k, d in enumerate(stored.get("links") or []):
            try:
                links.append(LinkRecord(str(d["source"]), str(d["target"]), str(d.get("role", "link")),
                                        d.get("ext_id")))
            except (KeyError, TypeError) as exc:
                raise FormatError(f"document {n}: user_data link {k} is broken ({exc})", path=name) from None
        info = dict(stored.get("doc") or {})
    found = list(doc.ents) + [sp for key in doc.spans for sp in doc.spans[key]]
    for sp in found:
        key = (sp.start_char, sp.end_char, sp.label_)
        if key in seen or not sp.label_:
            continue
        seen.add(key)
        spans.append(SpanRecord(sp.start_char, sp.end_char, sp.label_, ext_id=sp.id_ or None,
                                entity=sp.kb_id_ or None))
    status = info.get("status")
    return normalized_record(
        doc.text, spans, links=links, path=name, line=None,
        title=str(info.get("title", "")), ext_id=info.get("ext_id"), meta=dict(info.get("meta") or {}),
        source_url=info.get("source_url"), published=info.get("published"), language=info.get("language"),
        imported_from=info.get("imported_from") or name,
        status=DocStatus(status) if status in {s.value for s in DocStatus} else None,
    )
