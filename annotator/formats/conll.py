"""CoNLL token-per-line files: CoNLL-2003, IOB1/IOB2, BILOU (and IOBES) tags.

Reading (:func:`read_conll`) takes

* token per line, columns separated by tabs or spaces: ``token tag`` (2 columns),
  ``token POS tag`` (3), ``token POS chunk tag`` (CoNLL-2003, 4); the token is the first
  column and the tags are the last ``levels`` columns;
* sentence per line, ``token|POS|tag`` items separated by spaces (spaCy's ``-c ner`` layout);
* ``-DOCSTART-`` lines as document breaks, blank lines as sentence breaks. A file with no
  ``-DOCSTART-`` makes one document of each sentence (as doccano and the Hugging Face CoNLL
  sets do) unless ``doc_breaks="none"`` makes the whole file one document;
* IOB1, IOB2, BILOU or IOBES, detected per document (``scheme="auto"``) or given.

The document text is rebuilt: tokens joined by one space, sentences by a line break, and the
spans are placed on it. So tokens and labelled token ranges come back exactly; the original
spacing does not (CoNLL does not carry it).

Writing (:func:`write_conll`, :func:`write_iob2`, :func:`write_bilou`) tokenises each text (see
:mod:`annotator.formats.tokens`), splits sentences at line breaks, and writes one tag column per
nesting level (``levels``, default 1). Spans are put on levels by
:func:`~annotator.formats.tokens.assign_levels` (entity layer first, longer first); extra levels
are written *before* the main tag column, so the last column — the one spaCy's converter and
most CoNLL readers take — holds level 0. :func:`write_conll_layers` writes one file per layer
instead. Everything that cannot be written is listed in the report: spans not on token
boundaries, spans across a sentence break, spans needing more levels, and (once per document)
the attributes, states, ids and links CoNLL has no place for.
"""

from __future__ import annotations

import bisect
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack
from functools import partial
from pathlib import Path
from typing import IO, Any

from annotator.errors import FormatError
from annotator.formats.base import (
    Output,
    Source,
    WriteReport,
    atomic_directory,
    doc_label,
    iter_lines,
    normalized_record,
    open_output,
    open_text,
    report_error,
    source_name,
)
from annotator.formats.tokens import (
    LAYER_ORDER,
    SCHEMES,
    SimpleTokenizer,
    TokenIndex,
    Tokenizer,
    TokenSpan,
    VietnameseTokenizer,
    assign_levels,
    decode_tags,
    describe,
    encode_tags,
    get_tokenizer,
    layer_resolver,
    parse_tag,
    place_spans,
    split_tokens,
)
from annotator.model import DocRecord, SpanRecord, SpanState

__all__ = ["read_conll", "write_conll", "write_iob2", "write_bilou", "write_conll_layers", "DOCSTART"]

DOCSTART = "-DOCSTART-"
_DOCSTART_LINE = {4: "-DOCSTART- -X- O O", 2: "-DOCSTART- O"}


# ---- reading -----------------------------------------------------------------------------------

_Token = tuple[str, list[str], int]  # token text, tags (one per level, main level last), line


def _is_docstart(line: str) -> bool:
    return line.split(None, 1)[0] == DOCSTART if line.strip() else False


def _split_columns(line: str) -> list[str]:
    return line.split("\t") if "\t" in line else line.split()


def _looks_sentence_per_line(line: str) -> bool:
    items = line.split()
    if len(items) < 2 or "\t" in line:
        return False
    for item in items:
        parts = item.split("|")
        if len(parts) < 2:
            return False
        try:
            parse_tag(parts[-1])
        except ValueError:
            return False
    return True


def read_conll(
    path: Source,
    *,
    scheme: str = "auto",
    levels: int = 1,
    layout: str = "auto",
    doc_breaks: str = "auto",
    underscore_as_space: bool = False,
    encoding: str | None = None,
    problems: list[str] | None = None,
    errors: list[FormatError] | None = None,
) -> Iterator[DocRecord]:
    """Stream the documents of a CoNLL/IOB file (see the module doc).

    ``levels``: how many trailing tag columns to read (our files with nested spans have more
    than one; level 0 is the last column). ``layout``: ``"auto"``, ``"token"`` (token per line) or
    ``"sentence"`` (``tok|POS|tag`` items, one sentence a line). ``doc_breaks``: ``"auto"``
    (``-DOCSTART-`` when the file starts with one, else one document per sentence),
    ``"docstart"``, ``"sentence"`` or ``"none"`` (the whole file is one document).
    ``underscore_as_space`` turns ``_`` inside tokens back into spaces (Vietnamese word
    segmentation written VLSP-style). Tags that break the scheme are read leniently and listed in
    ``problems`` when given. Raises FormatError naming the file and line for lines with too few
    columns or strings that are not tags; with ``errors``, records the error there and skips
    that document instead.
    """
    if scheme != "auto" and scheme not in SCHEMES:
        raise ValueError(f"unknown tag scheme {scheme!r}")
    if levels < 1:
        raise ValueError("levels must be at least 1")
    name = source_name(path)
    with open_text(path, encoding=encoding) as (stream, _enc):
        lines = iter_lines(stream, name)
        yield from _read_lines(lines, name, scheme=scheme, levels=levels, layout=layout,
                               doc_breaks=doc_breaks, underscore_as_space=underscore_as_space,
                               problems=problems, errors=errors)


def _read_lines(
    lines: Iterator[tuple[int, str]], name: str, *, scheme: str, levels: int, layout: str,
    doc_breaks: str, underscore_as_space: bool, problems: list[str] | None,
    errors: list[FormatError] | None,
) -> Iterator[DocRecord]:
    first: tuple[int, str] | None = None
    skipped: list[tuple[int, str]] = []
    for no, line in lines:
        skipped.append((no, line))
        if line.strip():
            first = (no, line)
            break
    if first is None:
        return
    if doc_breaks == "auto":
        doc_breaks = "docstart" if _is_docstart(first[1]) else "sentence"
    if layout == "auto":
        probe = first[1]
        if _is_docstart(probe):
            # look at the first line after the DOCSTART one
            for no, line in lines:
                skipped.append((no, line))
                if line.strip() and not _is_docstart(line):
                    probe = line
                    break
        layout = "sentence" if _looks_sentence_per_line(probe) else "token"
    if layout not in ("token", "sentence"):
        raise ValueError(f"unknown layout {layout!r}; use auto, token or sentence")
    if doc_breaks not in ("docstart", "sentence", "none"):
        raise ValueError(f"unknown doc_breaks {doc_breaks!r}; use auto, docstart, sentence or none")

    def all_lines() -> Iterator[tuple[int, str]]:
        yield from skipped
        yield from lines

    sentences: list[list[_Token]] = []
    current: list[_Token] = []
    doc_line = first[0]
    count = 0
    bad = False

    def flush_doc() -> Iterator[DocRecord]:
        nonlocal sentences, count, bad
        if current:
            sentences.append(list(current))
            current.clear()
        if sentences and not bad:
            count += 1
            try:
                rec = _build(sentences, name, doc_line, scheme=scheme, levels=levels,
                             underscore_as_space=underscore_as_space, problems=problems, number=count)
            except FormatError as exc:
                report_error(exc, errors)
            else:
                yield rec
        sentences = []
        bad = False

    for no, line in all_lines():
        if _is_docstart(line):
            yield from flush_doc()
            doc_line = no
            continue
        if not line.strip():
            if current:
                sentences.append(list(current))
                current.clear()
            if doc_breaks == "sentence" and (sentences or bad):
                yield from flush_doc()
            continue
        if not sentences and not current:
            doc_line = no if doc_breaks != "docstart" else doc_line
        if bad:
            if layout == "sentence" and doc_breaks == "sentence":
                bad = False  # each line is a document of its own
            else:
                continue
        try:
            _parse_line(line, no, name, layout, levels, current)
        except FormatError as exc:
            report_error(exc, errors)
            bad = True
            current.clear()
            continue
        if layout == "sentence":
            sentences.append(list(current))
            current.clear()
            if doc_breaks == "sentence":
                yield from flush_doc()
    yield from flush_doc()


def _parse_line(line: str, no: int, name: str, layout: str, levels: int, current: list[_Token]) -> None:
    if layout == "sentence":
        for item in line.split():
            parts = item.split("|")
            if len(parts) < 1 + levels:
                raise FormatError(f"item {item!r} needs a token and {levels} tag(s) separated by '|'",
                                  path=name, line=no)
            for tag in parts[len(parts) - levels:]:
                if _bad_tag(tag):
                    raise FormatError(f"{tag!r} is not a tag (O, B-X, I-X, L-X, U-X, E-X or S-X)", path=name, line=no)
            current.append((parts[0], parts[len(parts) - levels:], no))
        return
    cols = _split_columns(line)
    if len(cols) < 1 + levels:
        raise FormatError(
            f"expected a token and {levels} tag column(s), found {len(cols)} column(s)", path=name, line=no
        )
    for tag in cols[len(cols) - levels:]:
        if _bad_tag(tag):
            raise FormatError(f"{tag!r} is not a tag (O, B-X, I-X, L-X, U-X, E-X or S-X)", path=name, line=no)
    current.append((cols[0], cols[len(cols) - levels:], no))


def _build(
    sentences: list[list[_Token]], name: str, doc_line: int, *, scheme: str, levels: int,
    underscore_as_space: bool, problems: list[str] | None, number: int,
) -> DocRecord:
    parts: list[str] = []
    spans: list[SpanRecord] = []
    pos = 0
    for si, sent in enumerate(sentences):
        if si:
            parts.append("\n")
            pos += 1
        offsets: list[tuple[int, int]] = []
        for ti, (tok, _tags, _no) in enumerate(sent):
            if underscore_as_space:
                tok = tok.replace("_", " ") if tok.strip("_") else tok
            if ti:
                parts.append(" ")
                pos += 1
            parts.append(tok)
            offsets.append((pos, pos + len(tok)))
            pos += len(tok)
        for lvl in range(levels):
            # the main level (0) is the last column
            tags = [t[1][levels - 1 - lvl] for t in sent]
            try:
                found, broken = decode_tags(tags, scheme)
            except ValueError as exc:
                bad = next((t for t in sent if _bad_tag(t[1][levels - 1 - lvl])), sent[0])
                raise FormatError(str(exc), path=name, line=bad[2]) from None
            if broken and problems is not None:
                used = scheme if scheme != "auto" else "detected scheme"
                for k in broken:
                    problems.append(f"{name}:{sent[k][2]}: tag {tags[k]!r} breaks the {used}; read leniently")
            for first, last, label in found:
                spans.append(SpanRecord(offsets[first][0], offsets[last][1], label, state=SpanState.ACCEPTED))
    text = "".join(parts)
    spans.sort(key=lambda s: (s.start, -s.end, s.label))
    return normalized_record(text, spans, path=name, line=doc_line, meta={"source_line": doc_line},
                             imported_from=name, title="")


def _bad_tag(tag: str) -> bool:
    try:
        parse_tag(tag)
    except ValueError:
        return True
    return False


# ---- writing -----------------------------------------------------------------------------------


def _sentence_breaks(text: str, index: TokenIndex, mode: str) -> list[int]:
    """Indexes of the tokens that start a new sentence (after the first), ascending.

    A token never holds a line break, so each line break of the text lies in a gap: the token
    after it starts a sentence. Found from the line breaks, not by looking at every gap.
    """
    if mode == "document":
        return []
    if mode != "lines":
        raise ValueError(f"unknown sentences mode {mode!r}; use lines or document")
    n = len(index)
    out: list[int] = []
    q = text.find("\n")
    while q >= 0:
        k = index.first_after(q)
        if 0 < k < n and (not out or out[-1] != k) and "\n" in text[index.ends[k - 1]:index.starts[k]]:
            out.append(k)
        q = text.find("\n", q + 1)
    return out


class _DocTags:
    """One document prepared for token-level writing."""

    def __init__(
        self, rec: DocRecord, idx: int, tok: Tokenizer, report: WriteReport, *, levels: int,
        layer_of: Callable[[str], str], layers: Sequence[str] | None, sentences: str, scheme: str,
        fmt: str, order: Sequence[str] = LAYER_ORDER, report_links: bool = True,
    ) -> None:
        self.name = doc_label(rec, idx)
        self.text = rec.text
        self.tokenizer = tok
        self.tokens, starts, ends = split_tokens(tok, rec.text)
        self.index = TokenIndex.from_bounds(starts, ends)
        chosen = [sp for sp in rec.spans if layers is None or layer_of(sp.label) in layers]
        placed, missed = place_spans(chosen, self.index)
        for i, why in missed:
            report.problem(f"{describe('span', chosen[i], rec.text)} not written: {why}", doc=self.name)
        breaks = _sentence_breaks(rec.text, self.index, sentences)
        self.breaks = breaks
        keep: list[TokenSpan] = []
        for sp in placed:
            b = bisect.bisect_right(breaks, sp.first)
            if b < len(breaks) and breaks[b] <= sp.last:
                report.problem(f"{describe('span', chosen[sp.index], rec.text)} not written: "
                               f"crosses a sentence break (a line break)", doc=self.name)
            else:
                keep.append(sp)
        lv, left = assign_levels(keep, layer_of=layer_of, order=order, max_levels=levels)
        for sp in left:
            report.problem(f"{describe('span', chosen[sp.index], rec.text)} not written: overlaps spans on all "
                           f"{levels} tag column(s) (or repeats one); write more levels or one file per layer",
                           doc=self.name)
        n = len(self.index)
        self.columns = [
            encode_tags(n, [(s.first, s.last, s.label) for s in (lv[k] if k < len(lv) else [])], scheme)
            for k in range(levels)
        ]
        # the tokens with a tag other than O in some column: every other line is the same
        self.tagged = sorted({k for spans in lv for s in spans for k in range(s.first, s.last + 1)})
        self.written = sum(len(x) for x in lv)
        report.spans += self.written
        lost: list[str] = []
        with_attrs = sum(1 for sp in chosen if sp.attrs)
        if with_attrs:
            lost.append(f"attributes of {with_attrs} span(s)")
        states = sum(1 for sp in chosen if sp.state != SpanState.ACCEPTED)
        if states:
            lost.append(f"the state of {states} span(s) not accepted (written as plain tags)")
        if rec.links and report_links:
            lost.append(f"{len(rec.links)} link(s)")
        if lost:
            report.problem(f"{fmt} has no place for: " + ", ".join(lost), doc=self.name)

    def token_texts(self, report: WriteReport, space: str) -> list[str]:
        """The tokens as written: white space inside a token replaced by ``space`` (or reported)."""
        text = self.text
        idx = self.index
        out = self.tokens
        # the simple tokenisers never put white space in a token; others may (Vietnamese words)
        if type(self.tokenizer) not in _NO_SPACE_TOKENIZERS or getattr(self.tokenizer, "segment", False):
            if _SPACE.search("".join(out)):
                out = list(out)
                for k, tok in enumerate(out):
                    if _SPACE.search(tok):
                        if space:
                            out[k] = "_".join(tok.split()) if space == "_" else space.join(tok.split())
                        else:
                            report.problem(f"token {tok!r} holds white space", doc=self.name)
        if DOCSTART in text:
            for k, tok in enumerate(out):
                if tok == DOCSTART:
                    report.problem(f"token {tok!r} at {idx.starts[k]} will read back as a document break",
                                   doc=self.name)
        return out


_SPACE = re.compile(r"\s")
_NO_SPACE_TOKENIZERS = (SimpleTokenizer, VietnameseTokenizer)


def write_conll(
    records: Iterable[DocRecord],
    out: Output,
    *,
    tokenizer: str | Tokenizer | None = None,
    scheme: str = "IOB2",
    columns: int = 4,
    levels: int = 1,
    sep: str = " ",
    sentences: str = "lines",
    docstart: bool = True,
    layers: Sequence[str] | None = None,
    layer_of: Callable[[str], str] | None = None,
    schema: Any = None,
    space_in_token: str = "_",
    progress: Callable[[int], Any] | None = None,
) -> WriteReport:
    """Write CoNLL: by default CoNLL-2003 (``tok _ _ tag``, ``-DOCSTART- -X- O O``), IOB2.

    ``columns``: 4 (``tok POS chunk tag``, POS and chunk written as ``_``) or 2 (``tok tag``).
    ``levels``: tag columns per token, for nested spans (extra levels before the main column).
    ``sep``: ``" "`` or ``"\\t"`` (doccano wants tabs and 2 columns). ``sentences``: ``"lines"``
    (a line break in the text ends a sentence) or ``"document"``. ``layers``: only spans of these
    layers (``layer_of`` maps label → layer; default: the built-in schema). A token holding white
    space (Vietnamese words) is written with ``space_in_token`` (``_``). ``progress`` is called
    with the number of documents written so far.
    """
    if columns not in (2, 4):
        raise ValueError("columns must be 2 or 4")
    if scheme not in SCHEMES:
        raise ValueError(f"unknown tag scheme {scheme!r}; use one of {', '.join(SCHEMES)}")
    if levels < 1:
        raise ValueError("levels must be at least 1")
    report = WriteReport()
    tok = get_tokenizer(tokenizer, problems=report.problems)
    lay = layer_of or layer_resolver(schema)
    with open_output(out) as fh:
        for i, rec in enumerate(records):
            doc = _DocTags(rec, i, tok, report, levels=levels, layer_of=lay, layers=layers,
                           sentences=sentences, scheme=scheme, fmt="CoNLL")
            _write_doc(fh, doc, report, columns=columns, sep=sep, docstart=docstart,
                       space_in_token=space_in_token)
            report.document_done(progress)
    report.wrote(out)
    return report


def _write_doc(fh: IO[str], doc: _DocTags, report: WriteReport, *, columns: int, sep: str,
               docstart: bool, space_in_token: str) -> None:
    """One document, written in one piece: lines whose tags are all O are joined in C."""
    pieces: list[str] = []
    if docstart:
        head = _DOCSTART_LINE[columns].split(" ")
        if len(doc.columns) > 1:
            head = head[:-1] + ["O"] * len(doc.columns)
        pieces.append(sep.join(head) + "\n\n")
    tokens = doc.token_texts(report, space_in_token)
    n = len(tokens)
    cols = list(reversed(doc.columns))  # main level last
    mid = ["_", "_"] if columns == 4 else []
    plain = sep + sep.join([*mid, *["O"] * len(cols)]) + "\n"  # the end of a line tagged O everywhere
    breaks = set(doc.breaks)
    tagged = set(doc.tagged)
    pos = 0
    for k in sorted(breaks | tagged):
        if k > pos:
            pieces.append(plain.join(tokens[pos:k]))
            pieces.append(plain)
        if k in breaks:
            pieces.append("\n")
        if k in tagged:
            pieces.append(sep.join([tokens[k], *mid, *[c[k] for c in cols]]) + "\n")
            pos = k + 1
        else:
            pos = k
    if pos < n:
        pieces.append(plain.join(tokens[pos:]))
        pieces.append(plain)
    if n:
        pieces.append("\n")
    fh.write("".join(pieces))


#: Token per line, two columns (``tok tag``) by default, IOB2 or BILOU; options as :func:`write_conll`.
write_iob2 = partial(write_conll, scheme="IOB2", columns=2)
write_bilou = partial(write_conll, scheme="BILOU", columns=2)


def write_conll_layers(
    records: Iterable[DocRecord],
    out_dir: str | os.PathLike[str],
    *,
    layers: Sequence[str] = LAYER_ORDER,
    tokenizer: str | Tokenizer | None = None,
    scheme: str = "IOB2",
    columns: int = 4,
    levels: int = 1,
    sep: str = " ",
    sentences: str = "lines",
    layer_of: Callable[[str], str] | None = None,
    schema: Any = None,
    space_in_token: str = "_",
    progress: Callable[[int], Any] | None = None,
) -> WriteReport:
    """One CoNLL file per layer in ``out_dir`` (``entity.conll``, ``figure.conll``, ``claim.conll``).

    Each file holds every document with the same tokens and only that layer's spans, so nested
    spans of different layers (a figure inside a claim) need no extra column. The folder is
    built aside and moved into place at the end (nothing is left on failure).
    """
    report = WriteReport()
    tok = get_tokenizer(tokenizer, problems=report.problems)
    lay = layer_of or layer_resolver(schema)
    with atomic_directory(out_dir) as tmp, ExitStack() as stack:
        files = {
            layer: stack.enter_context(open(Path(tmp) / f"{layer}.conll", "w", encoding="utf-8", newline=""))
            for layer in layers
        }
        for i, rec in enumerate(records):
            for layer in layers:
                doc = _DocTags(rec, i, tok, report, levels=levels, layer_of=lay, layers=[layer],
                               sentences=sentences, scheme=scheme, fmt=f"CoNLL ({layer})",
                               report_links=layer == layers[0])
                _write_doc(files[layer], doc, report, columns=columns, sep=sep, docstart=True,
                           space_in_token=space_in_token)
            report.document_done(progress)
        stack.close()
    report.files.extend(os.fspath(Path(out_dir) / f"{layer}.conll") for layer in layers)
    return report
