"""What every importer and exporter shares: sources, atomic output, reports, offset checks.

Readers take a path or an open file and yield :class:`~annotator.model.DocRecord`s one at a
time. They read the file's text raw (CRLF and decomposed characters kept, so the offsets a format
states still apply), check every span there, and then build the record with
:func:`normalized_record`, which stores NFC text with LF line ends and moves each span onto the
same characters.

Writers take an iterable of records and a path or an open file, write while they iterate, and
return a :class:`WriteReport` that lists everything the format could not carry. A path is written
through :func:`atomic_output` (or :func:`atomic_directory`): a temporary file next to the target
renamed into place at the end, so a failed or cancelled export (an exception raised by the record
iterator, for instance) leaves nothing behind and never a half-written file.

Bad input raises :class:`~annotator.errors.FormatError` naming the file and line. Readers that
take ``errors`` append the error of a bad record to that list and go on with the next record
instead (see :func:`report_error`).
"""

from __future__ import annotations

import codecs
import io
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, Any, TypeAlias, TypeGuard

from annotator.errors import FormatError
from annotator.formats.encoding import decode_bytes, sniff_encoding
from annotator.model import DocRecord, LinkRecord, SpanRecord, SpanState
from annotator.textnorm import normalize

__all__ = [
    "Source",
    "Output",
    "WriteReport",
    "source_name",
    "open_binary",
    "read_text_file",
    "open_text",
    "iter_lines",
    "iter_json_values",
    "iter_json_records",
    "normalized_record",
    "check_offsets",
    "check_span_text",
    "same_span_text",
    "span_extras",
    "report_error",
    "atomic_output",
    "atomic_directory",
    "open_output",
    "doc_label",
    "FRAGMENTS",
]

Source: TypeAlias = "str | os.PathLike[str] | IO[bytes] | IO[str]"
Output: TypeAlias = "str | os.PathLike[str] | IO[str]"

#: attrs key of a discontinuous span: its fragments as ``[[start, end], …]`` in document
#: offsets; the span itself covers the first start to the last end.
FRAGMENTS = "fragments"

_HEAD = 262144
_CHUNK = 65536
_MAX_RECORD = 64 * 1024 * 1024


# ---- reports -----------------------------------------------------------------------------------


@dataclass(slots=True)
class WriteReport:
    """What an exporter wrote, and what it could not represent (never dropped silently)."""

    documents: int = 0
    spans: int = 0
    links: int = 0
    problems: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)

    def problem(self, message: str, *, doc: str | None = None) -> None:
        self.problems.append(f"{doc}: {message}" if doc else message)

    def document_done(self, progress: Callable[[int], Any] | None = None) -> None:
        """Count one more document written, and tell ``progress`` how many so far."""
        self.documents += 1
        if progress is not None:
            progress(self.documents)

    def wrote(self, out: object) -> None:
        """List ``out`` among the files written when it is a path (an open stream is not a file)."""
        if _is_path(out):
            self.files.append(os.fspath(out))

    @property
    def ok(self) -> bool:
        return not self.problems


def doc_label(record: DocRecord, index: int) -> str:
    """How a problem names a document: its external id, else its title, else its position."""
    if record.ext_id:
        return str(record.ext_id)
    if record.title:
        return repr(record.title[:60])
    return f"document {index + 1}"


def report_error(error: FormatError, errors: list[FormatError] | None) -> None:
    """Raise ``error``, or record it when the caller asked to skip bad records."""
    if errors is None:
        raise error
    errors.append(error)


# ---- sources -----------------------------------------------------------------------------------


def _is_path(src: object) -> TypeGuard[str | os.PathLike[str]]:
    return isinstance(src, str | os.PathLike)


def source_name(src: object) -> str:
    """The file name used in error messages."""
    if _is_path(src):
        return os.fspath(src)
    name = getattr(src, "name", None)
    return name if isinstance(name, str) else "<stream>"


def _cannot_read(path: str, exc: OSError) -> FormatError:
    return FormatError(f"cannot read ({exc.strerror or exc})", path=path)


@contextmanager
def open_binary(src: Source) -> Iterator[IO[bytes]]:
    """A binary stream over ``src`` (opened and closed here when it is a path)."""
    name = source_name(src)
    if _is_path(src):
        try:
            f = open(src, "rb")  # noqa: SIM115
        except OSError as exc:
            raise _cannot_read(name, exc) from None
        with f:
            yield f
        return
    if isinstance(src, io.TextIOBase):
        raise FormatError("a binary file or a path is needed here, not a text stream", path=name)
    yield src  # type: ignore[misc]


def read_text_file(src: Source, *, encoding: str | None = None) -> tuple[str, str]:
    """The whole text of a file as found (BOM removed, line ends kept) and its encoding.

    Raises :class:`FormatError` for binary files and undecodable bytes.
    """
    name = source_name(src)
    if not _is_path(src) and isinstance(src, io.TextIOBase):
        return src.read(), getattr(src, "encoding", None) or "text"
    with open_binary(src) as f:
        try:
            data = f.read()
        except OSError as exc:
            raise _cannot_read(name, exc) from None
    if not isinstance(data, bytes):
        return str(data), "text"
    decoded = decode_bytes(data, path=name, encoding=encoding)
    return decoded.text, decoded.encoding


class _Prefixed(io.RawIOBase):
    """A raw stream that gives ``head`` first, then the rest of ``rest``."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, b: Any) -> int:
        if self._head.nbytes:
            n = min(len(b), self._head.nbytes)
            b[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(b))
        n = len(data)
        b[:n] = data
        return n


@contextmanager
def open_text(src: Source, *, encoding: str | None = None) -> Iterator[tuple[IO[str], str]]:
    """A text stream over ``src`` for line-by-line reading, and the encoding chosen.

    The encoding is judged from the first 256 KB; line ends are returned untranslated. A bad
    byte further on surfaces from :func:`iter_lines` as a FormatError with its line number.
    """
    name = source_name(src)
    if not _is_path(src) and isinstance(src, io.TextIOBase):
        yield src, getattr(src, "encoding", None) or "text"  # type: ignore[misc]
        return
    with open_binary(src) as raw:
        head = raw.read(_HEAD)
        enc = encoding or sniff_encoding(head, path=name)
        try:
            codecs.lookup(enc)
        except LookupError:
            raise FormatError(f"unknown encoding {enc!r}", path=name) from None
        stream = io.TextIOWrapper(
            io.BufferedReader(_Prefixed(head, raw)), encoding=enc, errors="strict", newline=""
        )
        try:
            yield stream, enc
        finally:
            stream.detach()


def iter_lines(stream: IO[str], path: str, *, start: int = 0) -> Iterator[tuple[int, str]]:
    """(1-based line number, line without its line end) for each line of a text stream.

    ``start`` is the number of lines already read from the stream.
    """
    lineno = start
    while True:
        try:
            line = stream.readline()
        except UnicodeDecodeError as exc:
            raise FormatError(f"bytes not valid in the file's encoding ({exc.reason})",
                              path=path, line=lineno + 1) from None
        if not line:
            return
        lineno += 1
        if lineno == 1 and line.startswith("\ufeff"):
            line = line[1:]
        yield lineno, line.rstrip("\r\n")


def _read_chunk(stream: IO[str], path: str, line: int, size: int = _CHUNK) -> str:
    try:
        return stream.read(size)
    except UnicodeDecodeError as exc:
        raise FormatError(f"bytes not valid in the file's encoding ({exc.reason})", path=path, line=line) from None


def iter_json_values(stream: IO[str], path: str) -> Iterator[tuple[int, Any]]:
    """(line, value) for each top-level JSON value of a stream, unwrapping one top-level array.

    Reads a JSON array of objects (a Label Studio export, a pretty-printed doccano file),
    a single object, or objects one after another (JSONL included) without holding the whole
    file: each element is parsed as soon as it is complete. A syntax error raises FormatError
    with the line where the broken value starts; the reader cannot resynchronise after it.
    """
    decoder = json.JSONDecoder()
    buf = ""
    pos = 0
    line = 1
    eof = False
    in_array: bool | None = None
    first = True

    def need_more() -> bool:
        nonlocal buf, pos, eof
        if eof:
            return False
        # grow geometrically so one large value is not re-parsed once per small chunk
        chunk = _read_chunk(stream, path, line, max(_CHUNK, len(buf) - pos))
        if not chunk:
            eof = True
            return False
        buf = buf[pos:] + chunk
        pos = 0
        return True

    def skip_ws() -> bool:
        """Advance over white space; False at the end of the input."""
        nonlocal pos, line
        while True:
            n = len(buf)
            while pos < n and buf[pos] in " \t\r\n\ufeff":
                if buf[pos] == "\n":
                    line += 1
                pos += 1
            if pos < n:
                return True
            if not need_more():
                return False

    while True:
        if not skip_ws():
            if in_array:
                raise FormatError("the JSON array is not closed (missing ']')", path=path, line=line)
            return
        ch = buf[pos]
        if first:
            first = False
            if ch == "[":
                in_array = True
                pos += 1
                if not skip_ws():
                    raise FormatError("the JSON array is not closed (missing ']')", path=path, line=line)
                if buf[pos] == "]":
                    pos += 1
                    in_array = False
                    continue
                ch = buf[pos]
            else:
                in_array = False
        elif in_array:
            if ch == "]":
                pos += 1
                in_array = False
                continue
            if ch != ",":
                raise FormatError("expected ',' or ']' between array elements", path=path, line=line)
            pos += 1
            if not skip_ws():
                raise FormatError("the JSON array is not closed (missing ']')", path=path, line=line)
        elif in_array is False and ch in ",]":
            raise FormatError(f"unexpected {ch!r} after the last JSON value", path=path, line=line)
        start_line = line
        while True:
            try:
                value, end = decoder.raw_decode(buf, pos)
                break
            except json.JSONDecodeError as exc:
                if len(buf) - pos > _MAX_RECORD:
                    raise FormatError("a JSON value larger than 64 MB, or broken JSON", path=path,
                                      line=start_line) from None
                if need_more():
                    continue
                bad_line = start_line + buf.count("\n", pos, exc.pos)
                raise FormatError(f"broken JSON: {exc.msg}", path=path, line=bad_line) from None
        line += buf.count("\n", pos, end)
        pos = end
        yield start_line, value


def iter_json_records(src: Source, *, encoding: str | None = None,
                      errors: list[FormatError] | None = None) -> Iterator[tuple[str, int, Any]]:
    """(path, line, value) for each record of a JSONL file, or of a JSON array/object file.

    JSONL is read line by line, so a broken line is reported (or, with ``errors``, recorded and
    skipped) on its own. A file whose first record spans several lines is read as JSON values.
    """
    name = source_name(src)
    with open_text(src, encoding=encoding) as (stream, _enc):
        head: list[str] = []  # the raw lines up to the first non-blank one, line ends kept
        while True:
            try:
                raw_line = stream.readline()
            except UnicodeDecodeError as exc:
                raise FormatError(f"bytes not valid in the file's encoding ({exc.reason})",
                                  path=name, line=len(head) + 1) from None
            if not raw_line:
                break
            if not head:
                raw_line = raw_line.lstrip("\ufeff")
            head.append(raw_line)
            if raw_line.strip():
                break
        if not head or not head[-1].strip():
            return
        first_no, first = len(head), head[-1].strip()
        jsonl = True
        try:
            value = json.loads(first)
            # one JSON array on one line is a JSON file, not JSONL
            jsonl = not isinstance(value, list)
        except json.JSONDecodeError:
            jsonl = False
        if jsonl:
            yield name, first_no, value
            for lineno, text in iter_lines(stream, name, start=first_no):
                if not text.strip():
                    continue
                try:
                    value = json.loads(text)
                except json.JSONDecodeError as exc:
                    report_error(FormatError(f"broken JSON line: {exc.msg} (column {exc.colno})",
                                             path=name, line=lineno), errors)
                    continue
                yield name, lineno, value
            return
        chained = _ChainText("".join(head), stream)
        for lineno, value in iter_json_values(chained, name):  # type: ignore[arg-type]
            yield name, lineno, value


class _ChainText:
    """Minimal read(n) over a string followed by a text stream."""

    def __init__(self, head: str, rest: IO[str]) -> None:
        self._head = head
        self._rest = rest

    def read(self, n: int = -1) -> str:
        if self._head:
            out, self._head = self._head, ""
            return out
        return self._rest.read(n)


# ---- offsets -----------------------------------------------------------------------------------


def check_offsets(length: int, start: Any, end: Any, *, path: str | None, line: int | None,
                  what: str = "span") -> tuple[int, int]:
    """Validate a (start, end) pair against a text of ``length`` code points; return it as ints."""
    for v in (start, end):
        if isinstance(v, bool) or not isinstance(v, int):
            raise FormatError(f"{what} offsets must be whole numbers, got {start!r}, {end!r}", path=path, line=line)
    if start < 0 or end > length:
        raise FormatError(f"{what} {start}-{end} lies outside the text (length {length})", path=path, line=line)
    if start >= end:
        raise FormatError(f"{what} {start}-{end} is empty or reversed", path=path, line=line)
    return start, end


_LINE_BREAKS = str.maketrans({c: " " for c in "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"})


def same_span_text(found: str, stated: str) -> bool:
    """Whether a span's text as a format states it matches the document's characters.

    Exact match, or the same text with line breaks written as spaces (brat's one-line text
    column) or as the two characters ``\\n`` (Label Studio), or the same words when a tool
    collapsed white space. A shifted offset changes letters, so it never passes.
    """
    if found == stated:
        return True
    if found.translate(_LINE_BREAKS) == stated:
        return True
    if found.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\r") == stated:
        return True
    return " ".join(found.split()) == " ".join(stated.split()) and bool(found.strip())


def check_span_text(raw: str, start: int, end: int, stated: str, *, path: str | None,
                    line: int | None, what: str = "span") -> None:
    """Raise FormatError when ``stated`` is not the text at ``raw[start:end]``."""
    found = raw[start:end]
    if not same_span_text(found, stated):
        raise FormatError(
            f"{what} {start}-{end}: the file says {_short(stated)} but the text there is {_short(found)}",
            path=path, line=line,
        )


def _short(s: str) -> str:
    return repr(s if len(s) <= 40 else s[:37] + "…")


def span_extras(sp: SpanRecord, *, default: SpanState = SpanState.ACCEPTED,
                id_key: str = "ext_id") -> dict[str, Any]:
    """What of a span a format has no field for, to keep beside it: its attributes, its state
    when it is not ``default``, its external id (under ``id_key``) and its entity name; only
    those that are set, in that order."""
    d: dict[str, Any] = {}
    if sp.attrs:
        d["attrs"] = sp.attrs
    if sp.state != default:
        d["state"] = str(sp.state)
    if sp.ext_id is not None:
        d[id_key] = sp.ext_id
    if sp.entity is not None:
        d["entity"] = sp.entity
    return d


def normalized_record(raw_text: str, spans: Iterable[SpanRecord] = (), *,
                      links: Iterable[LinkRecord] = (), path: str | None = None,
                      line: int | None = None, **fields: Any) -> DocRecord:
    """The record for a document read as ``raw_text`` with spans on the raw characters.

    Applies :func:`annotator.textnorm.normalize` (NFC, LF) and maps every span, and every
    fragment of a discontinuous span, onto the normalised text; a span that covered part of a
    character sequence that normalisation merged grows to cover all of it. Offsets are checked
    first (FormatError naming ``path``/``line``). ``fields`` go to :class:`DocRecord`.
    """
    norm = normalize(raw_text)
    n = len(raw_text)
    out: list[SpanRecord] = []
    for sp in spans:
        check_offsets(n, sp.start, sp.end, path=path, line=line)
        frags = sp.attrs.get(FRAGMENTS) if sp.attrs else None
        if norm.identity:
            out.append(sp)
            continue
        s, e = norm.map_span(sp.start, sp.end)
        attrs = sp.attrs
        if frags:
            attrs = dict(attrs)
            attrs[FRAGMENTS] = [list(norm.map_span(int(a), int(b))) for a, b in frags]
        out.append(replace(sp, start=s, end=e, attrs=attrs))
    return DocRecord(text=norm.text, spans=out, links=list(links), **fields)


# ---- output ------------------------------------------------------------------------------------


@contextmanager
def atomic_output(path: str | os.PathLike[str], *, binary: bool = False,
                  encoding: str = "utf-8") -> Iterator[IO[Any]]:
    """Write a file through a temporary sibling renamed over ``path`` only on success.

    Any exception (including KeyboardInterrupt or a cancel raised by a progress callback)
    removes the temporary file and leaves an existing ``path`` untouched. Text mode writes
    line ends exactly as given (``newline=""``).
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        if binary:
            f: IO[Any] = os.fdopen(fd, "wb")
        else:
            f = os.fdopen(fd, "w", encoding=encoding, newline="")
        with f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        mode = (target.stat().st_mode & 0o777) if target.exists() else 0o644
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


@contextmanager
def atomic_directory(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Build a directory in a temporary sibling and move it to ``path`` only on success.

    ``path`` must not exist or must be an empty directory (FileExistsError otherwise, before
    anything is written). On failure the temporary directory is removed.
    """
    target = Path(path)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise FileExistsError(f"{target}: exists and is not an empty directory")
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent))
    try:
        yield tmp
        os.chmod(tmp, 0o755)
        if target.exists():
            target.rmdir()
        os.rename(tmp, target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


@contextmanager
def open_output(out: Output, *, encoding: str = "utf-8") -> Iterator[IO[str]]:
    """A text stream for ``out``: a path is written atomically, an open stream is used as is."""
    if _is_path(out):
        with atomic_output(out, encoding=encoding) as f:
            yield f
    else:
        yield out  # type: ignore[misc]
