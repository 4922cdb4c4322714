"""The registry of file formats: names and extensions mapped to reader and writer functions.

Readers: ``read(path, **options) -> Iterator[DocRecord]`` (text NFC + LF, spans on it).
Writers: ``write(records, out_path, **options) -> WriteReport``.
Modules are imported only when used, so optional dependencies (spaCy, datasets) stay optional.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annotator.errors import FormatError


@dataclass(frozen=True, slots=True)
class Format:
    name: str
    description: str
    extensions: tuple[str, ...] = ()
    reader: str | None = None  # "module:function"
    writer: str | None = None
    token_level: bool = False
    directory_output: bool = False  # writes a folder (brat, one file per layer …)

    def _load(self, ref: str | None, what: str) -> Callable[..., Any]:
        if ref is None:
            raise FormatError(f"format {self.name!r} cannot be {what}")
        module, func = ref.split(":")
        try:
            mod = importlib.import_module(module)
        except ImportError as exc:
            if (exc.name or "").startswith("annotator"):
                raise
            raise FormatError(f"format {self.name!r} needs an optional package: {exc.name or exc}. "
                              f"Install it with: pip install 'annotator[formats]'") from None
        return getattr(mod, func)  # type: ignore[no-any-return]

    def read(self, path: str | Path, **options: Any) -> Any:
        return self._load(self.reader, "imported")(path, **options)

    def write(self, records: Any, out: str | Path, **options: Any) -> Any:
        return self._load(self.writer, "exported")(records, out, **options)


FORMATS: dict[str, Format] = {
    f.name: f
    for f in [
        Format("jsonl", "Annotator JSONL: {id, text, meta, spans:[{start,end,label,attrs}]}", (".jsonl", ".ndjson"),
               "annotator.formats.jsonl:read_jsonl", "annotator.formats.jsonl:write_jsonl"),
        Format("text", "Plain text files (one document each) or folders of them", (".txt",),
               "annotator.formats.plaintext:read_plaintext", None),
        Format("markdown", "Markdown: the article text", (".md", ".markdown"),
               "annotator.formats.plaintext:read_markdown", None),
        Format("html", "HTML: the article text (scripts, styles and navigation dropped)", (".html", ".htm"),
               "annotator.formats.html:read_html", None),
        Format("docx", "Word documents", (".docx",), "annotator.formats.docx:read_docx", None),
        # JSON files are told apart by their content (guess_format), not by these endings: they
        # say which files of a folder an import with --format reads
        Format("prodigy", "Prodigy JSONL (tokens, token_end inclusive)", (".jsonl", ".json"),
               "annotator.formats.prodigy:read_prodigy", "annotator.formats.prodigy:write_prodigy", token_level=True),
        Format("doccano", "doccano JSONL (sequence labelling, with relations when there are any)", (".jsonl", ".json"),
               "annotator.formats.doccano:read_doccano", "annotator.formats.doccano:write_doccano"),
        Format("labelstudio", "Label Studio JSON tasks (offsets as Label Studio counts them)", (".json",),
               "annotator.formats.labelstudio:read_labelstudio", "annotator.formats.labelstudio:write_labelstudio"),
        Format("brat", "brat standoff (.txt + .ann): T, R, A, N and # lines", (".ann",),
               "annotator.formats.brat:read_brat", "annotator.formats.brat:write_brat", directory_output=True),
        Format("conll", "CoNLL-2003 (4 columns, -DOCSTART-), IOB2 tags", (".conll", ".iob", ".bio"),
               "annotator.formats.conll:read_conll", "annotator.formats.conll:write_conll", token_level=True),
        Format("iob2", "Token per line, IOB2 tags, nested spans in extra columns", (".iob", ".bio"),
               "annotator.formats.conll:read_conll", "annotator.formats.conll:write_iob2", token_level=True),
        Format("bilou", "Token per line, BILOU tags, nested spans in extra columns", (".bilou",),
               "annotator.formats.conll:read_conll", "annotator.formats.conll:write_bilou", token_level=True),
        Format("spacy", "spaCy DocBin (.spacy): doc.ents and doc.spans[layer]", (".spacy",),
               "annotator.formats.spacy_docbin:read_docbin", "annotator.formats.spacy_docbin:write_docbin",
               token_level=True),
        Format("hf", "Hugging Face datasets JSONL: tokens + ner_tags with declared features", (),
               None, "annotator.formats.hf:write_hf_jsonl", token_level=True),
        Format("hf-parquet", "Hugging Face datasets Parquet", (".parquet",),
               None, "annotator.formats.hf:write_hf_parquet", token_level=True),
    ]
}


def get_format(name: str) -> Format:
    try:
        return FORMATS[name]
    except KeyError:
        raise FormatError(f"unknown format {name!r}; known: {', '.join(sorted(FORMATS))}") from None


def register(fmt: Format) -> None:
    FORMATS[fmt.name] = fmt


def guess_format(path: str | Path) -> Format:
    """The import format of a file by its extension (JSONL is sniffed for its flavour)."""
    p = Path(path)
    if p.is_dir():
        if any(p.glob("*.ann")):
            return FORMATS["brat"]
        return FORMATS["text"]
    suffix = "".join(p.suffixes[-1:]).lower()
    if suffix in (".jsonl", ".ndjson", ".json"):
        return _sniff_json(p)
    for f in FORMATS.values():
        if suffix in f.extensions and f.reader:
            return f
    return FORMATS["text"]


def _sniff_json(p: Path) -> Format:
    import json

    with p.open("rb") as fh:
        head = fh.read(65536).decode("utf-8", errors="replace").lstrip("\ufeff").lstrip()
    if head.startswith("["):
        return FORMATS["labelstudio"] if '"annotations"' in head or '"data"' in head else FORMATS["doccano"]
    first = head.splitlines()[0] if head else ""
    try:
        obj = json.loads(first)
    except json.JSONDecodeError:
        return FORMATS["doccano"] if '"entities"' in head else FORMATS["jsonl"]
    if isinstance(obj, dict):
        if "tokens" in obj and ("_input_hash" in obj or "answer" in obj or "_task_hash" in obj):
            return FORMATS["prodigy"]
        if "label" in obj or "entities" in obj:
            return FORMATS["doccano"]
        if "data" in obj and "annotations" in obj:
            return FORMATS["labelstudio"]
        spans = obj.get("spans")
        if isinstance(spans, list) and spans and isinstance(spans[0], dict) and "token_start" in spans[0]:
            return FORMATS["prodigy"]
    return FORMATS["jsonl"]
