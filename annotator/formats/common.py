"""Small helpers the lead's formats use (JSONL); see base.py for the shared format helpers."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from annotator.errors import FormatError


@dataclass
class WriteSummary:
    documents: int = 0
    spans: int = 0
    problems: list[str] = field(default_factory=list)


@contextmanager
def atomic_output_path(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; it replaces ``path`` only if the block succeeds."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=str(path.parent))
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        os.replace(tmp_path, path)
    except BaseException:
        tmp_path.unlink(missing_ok=True)
        raise


def open_text_lines(path: str | Path) -> Iterator[tuple[int, str]]:
    """(line number, line) of a UTF-8 text file (BOM tolerated); binary files are refused."""
    p = Path(path)
    try:
        fh = p.open("rb")
    except OSError as exc:
        raise FormatError(f"cannot read ({exc.strerror})", path=str(p)) from None
    with fh:
        for n, raw in enumerate(fh, 1):
            if b"\x00" in raw:
                raise FormatError("binary data (NUL bytes): not a text file", path=str(p), line=n)
            if n == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            try:
                yield n, raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise FormatError(f"not UTF-8 (byte {exc.start + 1} of the line)", path=str(p), line=n) from None
