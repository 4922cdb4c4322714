"""The demo project: made on first start from the sample articles in ``resources/samples``."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from annotator.model import DocRecord, LinkRecord, SpanRecord
from annotator.project import Project

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "resources" / "samples"
DEFAULT_DEMO = ROOT / "projects" / "demo"

# (text to find, occurrence, label, attrs); figures keep their head noun outside the span
_SON_LA: list[tuple[str, int, str, dict[str, Any]]] = [
    ("Lê Hồng Long", 0, "PER", {}),
    ("Luo Honglong", 0, "PER", {}),
    ("Lu Honglong", 0, "PER", {}),
    ("Lữ Hồng Long", 0, "PER", {}),
    ("Sơn La", 1, "LOC", {}),
    ("Sun La", 0, "LOC", {}),
    ("VOV", 0, "ORG", {}),
    ("ngày 4/8/2020", 0, "DATE", {"date": "2020-08-04", "granularity": "day"}),
    ("595", 0, "COUNT", {"value": "595", "referent": "Đảng bộ"}),
    ("17/17", 0, "RATIO", {"value": "1", "low": "17", "high": "17", "referent": "Đảng bộ"}),
    ("2020-2025", 0, "DURATION", {"low": "2020", "high": "2025", "referent": "nhiệm kỳ"}),
    ("hơn 90%", 0, "PERCENT", {"value": "90", "bound": ">", "unit": "%"}),
    ("88,8%", 0, "PERCENT", {"value": "88.8", "unit": "%"}),
    ("hơn 82%", 0, "PERCENT", {"value": "82", "bound": ">", "unit": "%", "referent": "dân số"}),
]
_CLAIM_SON_LA = "toàn bộ 595 Đảng bộ"

_BUDGET: list[tuple[str, int, str, dict[str, Any]]] = [
    ("Nguyen Van Minh", 0, "PER", {}),
    ("SON LA", 0, "LOC", {}),
    ("Ministry of Education and Training", 0, "ORG", {}),
    ("Directive 35-CT/TW", 0, "DOC_REF", {"normalized": "35-CT/TW"}),
    ("more than 4.5 trillion dong", 0, "MONEY",
     {"value": "4500000000000", "bound": ">", "unit": "VND", "scale": "1000000000000"}),
    ("About 1,200", 0, "COUNT", {"value": "1200", "bound": "~", "referent": "classrooms"}),
    ("at least 85%", 0, "PERCENT", {"value": "85", "bound": "≥", "unit": "%"}),
]


def _find(text: str, needle: str, occurrence: int) -> int:
    pos = -1
    for _ in range(occurrence + 1):
        pos = text.find(needle, pos + 1)
        if pos < 0:
            raise ValueError(f"demo annotation {needle!r} not in sample text")
    return pos


def _record(path: Path, table: list[tuple[str, int, str, dict[str, Any]]], claim_anchor: str,
            language: str) -> DocRecord:
    text = path.read_text(encoding="utf-8")
    spans: list[SpanRecord] = []
    for k, (needle, occ, label, attrs) in enumerate(table):
        start = _find(text, needle, occ)
        spans.append(SpanRecord(start, start + len(needle), label, attrs, ext_id=f"d{k}",
                                entity=("Lê Hồng Long" if label == "PER" and "Long" in needle else None)))
    # one claim: the sentence holding the anchor, linked to the figures inside it
    a = _find(text, claim_anchor, 0)
    start = max(text.rfind(". ", 0, a) + 2, text.rfind("\n", 0, a) + 1, text.rfind(": ", 0, a) + 2)
    m = re.compile(r"[.!?](?=\s|$)").search(text, a)  # not the point inside "4.5"
    end = m.end() if m else len(text)
    spans.append(SpanRecord(start, end, "CLAIM", {"checkworthiness": "checkworthy_factual", "verifiable": True,
                                                  "numeric_type": "statistical", "flag": True}, ext_id="claim"))
    links = [LinkRecord("claim", s.ext_id or "", "figure" if s.label not in {"PER", "ORG", "LOC", "MISC", "DOC_REF"}
                        else "entity") for s in spans[:-1] if start <= s.start and s.end <= end]
    # the claimant: the person speaking just before the claim
    speakers = [s for s in spans[:-1] if s.label == "PER" and s.end <= start and start - s.end < 80]
    if speakers:
        links.append(LinkRecord("claim", speakers[-1].ext_id or "", "claimant"))
    title = text.splitlines()[0] if language == "en" else "Báo cáo chính trị Đại hội Đảng bộ tỉnh Sơn La"
    return DocRecord(text=text, spans=spans, links=links, title=title, language=language,
                     imported_from=f"resources/samples/{path.name}", source_url=None)


def create_demo(path: str | Path = DEFAULT_DEMO) -> Project:
    """Create the demo project at ``path`` (which must not exist yet) and return it open."""
    project = Project.create(path, actor="demo")
    records = [
        _record(SAMPLES / "son-la-congress-interview.vi.txt", _SON_LA, _CLAIM_SON_LA, "vi"),
        _record(SAMPLES / "budget-report.en.txt", _BUDGET, "approved a budget", "en"),
    ]
    project.documents.import_records(records, imported_from="demo")
    project.search.index_pending()
    return project


def ensure_demo(path: str | Path = DEFAULT_DEMO) -> Path:
    """Create the demo project on first start; return its path."""
    from annotator.store import resolve_path

    if not resolve_path(path).exists():
        create_demo(path).close()
    return Path(path)
