"""Review exports: claims with their review, for editors and for fact-check search engines.

* ``review-csv`` – one row per claim (UTF-8 with a BOM so spreadsheet programs read Vietnamese);
* ``review-xlsx`` – the same rows in a workbook (sheet *Claims*) plus a sheet *Evidence* with one
  row per evidence item; every cell is text (a claim starting with ``=`` never becomes a formula;
  in the CSV such a cell starts with ``'``, as spreadsheets expect);
* ``review-jsonl`` – one JSON object per claim: the full record with its history;
* ``claimreview`` – a JSON array of schema.org ``ClaimReview`` objects (JSON-LD), one per
  *published* claim, with the fields fact-check search engines read;
* ``review-html`` – a self-contained HTML report (inline style, no script or asset from elsewhere).

Every file is written next to its target and renamed into place when complete.
"""

from __future__ import annotations

import csv
import html
import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from annotator.errors import ValidationError
from annotator.exporting import Selection, selected_doc_ids
from annotator.formats.base import atomic_output
from annotator.review import STATES, VERDICT_LABELS, ClaimRecord
from annotator.store import now

if TYPE_CHECKING:
    from annotator.project import Project

FORMATS = ("review-csv", "review-xlsx", "review-jsonl", "claimreview", "review-html")

# one row per claim: (column, value)
COLUMNS: list[tuple[str, Callable[[ClaimRecord], Any]]] = [
    ("id", lambda r: r.id),
    ("state", lambda r: r.state),
    ("claim", lambda r: r.text),
    ("context", lambda r: r.context),
    ("article_title", lambda r: r.doc_title),
    ("article_url", lambda r: r.doc_url or ""),
    ("article_date", lambda r: r.doc_published or ""),
    ("claimant", lambda r: r.claimant.name if r.claimant else ""),
    ("figures", lambda r: "; ".join(f"{f.text} = {f.value}" if f.value else f.text for f in r.figures)),
    ("entities", lambda r: "; ".join(e.name for e in r.entities)),
    ("checkworthiness", lambda r: r.checkworthiness or ""),
    ("verifiable", lambda r: "" if r.verifiable is None else ("yes" if r.verifiable else "no")),
    ("numeric_type", lambda r: r.numeric_type or ""),
    ("verdict", lambda r: r.verdict or ""),
    ("rating_text", lambda r: r.rating_text or ""),
    ("rationale", lambda r: r.rationale or ""),
    ("evidence_urls", lambda r: "\n".join(e.url for e in r.evidence)),
    ("annotator", lambda r: r.annotator or ""),
    ("reviewer", lambda r: r.reviewer or ""),
    ("reviewed_at", lambda r: r.reviewed_at or ""),
    ("published_at", lambda r: r.published_at or ""),
    ("doc_id", lambda r: r.doc_id),
    ("notes", lambda r: r.notes),
]
EVIDENCE_COLUMNS = ["claim_id", "url", "publisher", "stance", "quote"]

# ClaimReview's numeric rating (1 = worst, 5 = best); "not enough evidence" has only its text
RATING_VALUES = {"refuted": 1, "conflicting": 3, "supported": 5}


@dataclass
class ReviewExportReport:
    path: Path
    documents: int = 0
    spans: int = 0  # claims written
    problems: list[str] = field(default_factory=list)


def claims_for_export(project: Project, sel: Selection | None = None) -> tuple[list[ClaimRecord], list[str]]:
    """The claims a selection picks (documents, statuses, annotators, span states), with problems."""
    sel = sel or Selection()
    problems: list[str] = []
    claim_labels = {lab.name for lab in project.schema.labels if lab.layer == "claim"}
    if (sel.layers and "claim" not in sel.layers) or (sel.labels and not sel.labels & claim_labels):
        problems.append("the selection leaves out the claim layer: no claims to export")
        return [], problems
    doc_ids = selected_doc_ids(project, sel) if sel.statuses or sel.doc_ids is not None else None
    records = project.claims.list(doc_id=doc_ids, annotator=sel.annotators, span_states=sel.states)
    return records, problems


def export_review(project: Project, fmt: str, output: Path, sel: Selection | None = None) -> ReviewExportReport:
    """Write the claims of ``sel`` to ``output`` in review format ``fmt`` (see the module doc)."""
    if fmt not in FORMATS:
        raise ValidationError(f"unknown review format {fmt!r}; one of: {', '.join(FORMATS)}")
    output = Path(output)
    records, problems = claims_for_export(project, sel)
    if fmt == "claimreview":
        records = [r for r in records if r.state == "published"]
    report = ReviewExportReport(output, len({r.doc_id for r in records}), len(records), problems)
    if fmt == "review-csv":
        with atomic_output(output, encoding="utf-8-sig") as f:
            write_csv(records, f)
    elif fmt == "review-xlsx":
        with atomic_output(output, binary=True) as f:
            report.problems += write_xlsx(records, f)
    elif fmt == "review-jsonl":
        with atomic_output(output) as f:
            for r in records:
                f.write(json.dumps(r.to_dict(), ensure_ascii=False) + "\n")
    elif fmt == "claimreview":
        items, extra = claim_reviews(project, records)
        report.problems += extra
        with atomic_output(output) as f:
            json.dump(items, f, ensure_ascii=False, indent=2)
            f.write("\n")
    else:
        with atomic_output(output) as f:
            f.write(html_report(project, records))
    return report


# ---- CSV and XLSX ------------------------------------------------------------------------------


def rows(records: Iterable[ClaimRecord]) -> Iterable[list[Any]]:
    for r in records:
        yield [get(r) for _, get in COLUMNS]


_FORMULA_START = ("=", "+", "@", "\t", "\r")


def _csv_cell(value: Any) -> Any:
    """A cell a spreadsheet will not run as a formula (CSV injection): such text gets a leading '."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def write_csv(records: Iterable[ClaimRecord], f: IO[str]) -> None:
    w = csv.writer(f, lineterminator="\r\n")
    w.writerow([name for name, _ in COLUMNS])
    w.writerows([_csv_cell(v) for v in row] for row in rows(records))


def write_xlsx(records: list[ClaimRecord], f: IO[bytes]) -> list[str]:
    """Write the workbook; returns problems (characters a workbook cannot hold are dropped)."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    problems: list[str] = []
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Claims"

    def put(sheet: Any, row: int, col: int, value: Any, claim_id: int | None) -> None:
        if isinstance(value, str):
            clean = ILLEGAL_CHARACTERS_RE.sub("", value)
            if clean != value:
                problems.append(f"claim {claim_id}: control characters dropped from {sheet.title} column {col}")
            cell = sheet.cell(row=row, column=col, value=clean)
            cell.data_type = "s"  # text, never a formula
        else:
            sheet.cell(row=row, column=col, value=value)

    bold = Font(bold=True)
    for col, (name, _) in enumerate(COLUMNS, 1):
        ws.cell(row=1, column=col, value=name).font = bold
    for i, (r, values) in enumerate(zip(records, rows(records), strict=True), 2):
        for col, value in enumerate(values, 1):
            put(ws, i, col, value, r.id)
    widths = {"claim": 60, "context": 80, "rationale": 50, "figures": 40, "evidence_urls": 40, "article_title": 40}
    wrap = Alignment(wrap_text=True, vertical="top")
    for col, (name, _) in enumerate(COLUMNS, 1):
        ws.column_dimensions[get_column_letter(col)].width = widths.get(name, 16)
        if name in widths:
            for (cell,) in ws.iter_rows(min_row=2, min_col=col, max_col=col):
                cell.alignment = wrap
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{max(1, len(records) + 1)}"
    ev = wb.create_sheet("Evidence")
    for col, name in enumerate(EVIDENCE_COLUMNS, 1):
        ev.cell(row=1, column=col, value=name).font = bold
    n = 2
    for r in records:
        for e in r.evidence:
            for col, value in enumerate([r.id, e.url, e.publisher, e.stance, e.quote], 1):
                put(ev, n, col, value, r.id)
            n += 1
    wb.save(f)
    return problems


# ---- schema.org ClaimReview ----------------------------------------------------------------------


def review_url(publisher: dict[str, str], r: ClaimRecord) -> str:
    """The URL of the fact-check page of a claim, from the project's publisher settings."""
    template = publisher.get("url_template") or ""
    if template:
        return template.format(id=r.id, uid=r.uid, doc_id=r.doc_id)
    base = publisher.get("url") or ""
    if base:
        return f"{base.rstrip('/')}/#claim-{r.uid}"
    return f"urn:annotator:claim:{r.uid}"


def claim_review(r: ClaimRecord, publisher: dict[str, str]) -> dict[str, Any]:
    """One schema.org ClaimReview (JSON-LD) for a decided or published claim."""
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": r.rating_text or VERDICT_LABELS.get(r.verdict or "", "")}
    value = RATING_VALUES.get(r.verdict or "")
    if value is not None:
        rating.update(ratingValue=value, bestRating=5, worstRating=1)
    author: dict[str, Any] = {"@type": "Organization", "name": publisher.get("name") or "Annotator"}
    if publisher.get("url"):
        author["url"] = publisher["url"]
    appearance: dict[str, Any] = {"@type": "CreativeWork"}
    if r.doc_url:
        appearance["url"] = r.doc_url
    if r.doc_title:
        appearance["headline"] = r.doc_title
    if r.doc_published:
        appearance["datePublished"] = r.doc_published
    item: dict[str, Any] = {"@type": "Claim", "appearance": [appearance]}
    if r.claimant is not None:
        item["author"] = {"@type": "Person" if r.claimant.label == "PER" else "Organization", "name": r.claimant.name}
    if r.doc_published:
        item["datePublished"] = r.doc_published
    out: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": review_url(publisher, r),
        "claimReviewed": " ".join(r.text.split()),
        "datePublished": (r.published_at or r.reviewed_at or now())[:10],
        "author": author,
        "reviewRating": rating,
        "itemReviewed": item,
    }
    if r.language:
        out["inLanguage"] = r.language
    if r.rationale:
        out["reviewBody"] = r.rationale
    if r.evidence:
        out["citation"] = [
            {"@type": "CreativeWork", "url": e.url, **({"publisher": {"@type": "Organization", "name": e.publisher}}
                                                     if e.publisher else {})}
            for e in r.evidence]
    return out


def claim_reviews(project: Project, records: list[ClaimRecord]) -> tuple[list[dict[str, Any]], list[str]]:
    """ClaimReview objects and what they lack for fact-check search engines."""
    publisher = project.claims.publisher()
    problems: list[str] = []
    if records and not (publisher["url"] or publisher["url_template"]):
        problems.append("no publisher URL: each ClaimReview url is a urn: placeholder (set one with "
                        "'annotator review PROJECT settings --publisher-url URL')")
    items = []
    for r in records:
        if not r.doc_url:
            problems.append(f"claim {r.id}: its article has no URL (itemReviewed.appearance has no url)")
        items.append(claim_review(r, publisher))
    return items, problems


# ---- the HTML report -------------------------------------------------------------------------------

_CSS = """
body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem 2rem;color:#202124}
h1{font-size:1.5rem}h2{font-size:1.1rem;margin:.2rem 0}
article{border:1px solid #dadce0;border-radius:8px;padding:1rem;margin:1rem 0}
.badge{display:inline-block;border-radius:1rem;padding:0 .6rem;font-size:.8rem;background:#e8eaed;margin-right:.3rem}
.published{background:#ceead6}.decided{background:#d2e3fc}.in_review{background:#feefc3}
.flagged{background:#fad2cf}.returned{background:#fde7d9}.dismissed{background:#f1f3f4;color:#5f6368}
.context{color:#5f6368}mark{background:#fff0b3;color:#202124}
table{border-collapse:collapse;margin:.4rem 0}td,th{border-bottom:1px solid #eee;padding:.15rem .6rem;text-align:left;
vertical-align:top;font-size:.9rem}dl{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem;margin:.4rem 0}
dt{color:#5f6368}dd{margin:0}blockquote{margin:.2rem 1rem;color:#3c4043;border-left:3px solid #dadce0;padding-left:.6rem}
nav li{margin:.1rem 0}.muted{color:#5f6368;font-size:.85rem}
"""


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value))


def _context_html(r: ClaimRecord) -> str:
    sentence = r.sentence
    claim = r.text.strip()
    at = sentence.find(claim)
    if at < 0:
        marked = f"<mark>{_e(sentence)}</mark>"
    else:
        marked = f"{_e(sentence[:at])}<mark>{_e(claim)}</mark>{_e(sentence[at + len(claim):])}"
    return " ".join(p for p in (_e(r.context_before), marked, _e(r.context_after)) if p)


def _claim_html(r: ClaimRecord, publisher: dict[str, str]) -> str:
    parts = [f'<article id="claim-{r.id}">',
             f'<span class="badge {_e(r.state)}">{_e(r.state.replace("_", " "))}</span>']
    if r.verdict:
        parts.append(f'<span class="badge">{_e(r.rating_text or VERDICT_LABELS.get(r.verdict, r.verdict))}</span>')
    parts.append(f"<h2>{_e(r.text)}</h2>")
    parts.append(f'<p class="context">{_context_html(r)}</p>')
    article = _e(r.doc_title or f"document {r.doc_id}")
    if r.doc_url and r.doc_url.lower().startswith(("http://", "https://")):  # never a javascript: link
        article = f'<a href="{_e(r.doc_url)}">{article}</a>'
    facts = [("Claim", f"#{r.id} (document {r.doc_id})"), ("Article", None), ("Date", r.doc_published),
             ("Claimant", r.claimant.name if r.claimant else None), ("Check-worthiness", r.checkworthiness),
             ("Verifiable", None if r.verifiable is None else ("yes" if r.verifiable else "no")),
             ("Numeric type", r.numeric_type), ("Notes", r.notes or None), ("Annotator", r.annotator),
             ("Reviewer", r.reviewer), ("Reviewed at", r.reviewed_at), ("Published at", r.published_at)]
    parts.append("<dl>")
    for name, value in facts:
        if name == "Article":
            parts.append(f"<dt>Article</dt><dd>{article}</dd>")
        elif value:
            parts.append(f"<dt>{_e(name)}</dt><dd>{_e(value)}</dd>")
    parts.append("</dl>")
    if r.figures:
        parts.append("<table><tr><th>Figure</th><th>Label</th><th>Normalised value</th></tr>")
        parts += [f"<tr><td>{_e(f.text)}</td><td>{_e(f.label)}</td><td>{_e(f.value)}</td></tr>" for f in r.figures]
        parts.append("</table>")
    if r.entities:
        parts.append("<p>Entities: " + ", ".join(f"{_e(e.name)} <span class=muted>{_e(e.label)}</span>"
                                                  for e in r.entities) + "</p>")
    if r.rationale:
        parts.append(f"<h3>Rationale</h3><p>{_e(r.rationale)}</p>")
    if r.evidence:
        parts.append("<h3>Evidence</h3><ul>")
        for ev in r.evidence:
            extra = " ".join(x for x in (_e(ev.publisher), f"<span class=muted>{_e(ev.stance)}</span>"
                                         if ev.stance else "") if x)
            quote = f"<blockquote>{_e(ev.quote)}</blockquote>" if ev.quote else ""
            parts.append(f'<li><a href="{_e(ev.url)}">{_e(ev.url)}</a> {extra}{quote}</li>')
        parts.append("</ul>")
    if r.history:
        parts.append('<details><summary>History</summary><table><tr><th>When</th><th>Who</th><th>What</th>'
                     "<th>Details</th></tr>")
        for h in r.history:
            s = h.get("summary", {})
            what = h["op"].removeprefix("review.")
            detail = f"{s['from']} → {s['to']}" if "from" in s and "to" in s else ""
            for key in ("reason", "verdict"):
                if s.get(key):
                    detail += f" · {key}: {s[key]}"
            parts.append(f"<tr><td>{_e(h['at'])}</td><td>{_e(h['actor'])}</td><td>{_e(what)}</td>"
                         f"<td>{_e(detail)}</td></tr>")
        parts.append("</table></details>")
    if r.state == "published":
        data = json.dumps(claim_review(r, publisher), ensure_ascii=False).replace("</", "<\\/")
        parts.append(f'<script type="application/ld+json">{data}</script>')
    parts.append("</article>")
    return "\n".join(parts)


def html_report(project: Project, records: list[ClaimRecord]) -> str:
    """A self-contained HTML page: counts, a contents list, then every claim in full."""
    publisher = project.claims.publisher()
    counts = Counter(r.state for r in records)
    summary = " ".join(f'<span class="badge {s}">{s.replace("_", " ")}: {counts[s]}</span>'
                       for s in STATES if counts[s])
    toc = "\n".join(f'<li><a href="#claim-{r.id}">{_e(r.text[:90])}</a> '
                    f'<span class="badge {_e(r.state)}">{_e(r.state.replace("_", " "))}</span></li>' for r in records)
    body = "\n".join(_claim_html(r, publisher) for r in records)
    title = f"Claims review — {project.name}"
    return (f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{_e(title)}</title>\n'
            f"<style>{_CSS}</style>\n</head>\n<body>\n<h1>{_e(title)}</h1>\n"
            f'<p class="muted">{len(records)} claim(s) · generated {_e(now())}</p>\n<p>{summary}</p>\n'
            f"<nav><ol>\n{toc}\n</ol></nav>\n{body}\n</body>\n</html>\n")
