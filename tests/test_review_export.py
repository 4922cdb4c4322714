"""Review exports read back: csv, openpyxl, json, JSON-LD ClaimReview terms, a self-contained HTML page."""

from __future__ import annotations

import csv
import json
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from annotator import review_export
from annotator.export_run import run_export
from annotator.exporting import Selection
from annotator.project import Project
from annotator.review_export import COLUMNS, export_review

PASS = "editor passphrase"
VI = ("Ông Lê Hồng Long cho biết: toàn bộ 595 Đảng bộ đã tổ chức xong đại hội. "
      "Kết quả bầu trực tiếp đạt hơn 90%. Tỉnh có 17/17 Đảng bộ hoàn thành.")
EN = "=SUM(A1) is not a formula. The province spent 4.5 trillion dong."


def find(text: str, needle: str) -> tuple[int, int]:
    s = text.index(needle)
    return s, s + len(needle)


@pytest.fixture
def reviewed(project: Project) -> Project:
    """Claims in several states; the published one has a claimant, figures and evidence."""
    p = project
    p.actor = "ed"
    p.people.add("ed", role="editor", passphrase=PASS)
    p.actor = "lan"
    vi = p.documents.add(VI, title="Đại hội Sơn La", source_url="https://vov.vn/son-la", published="2020-08-05",
                         language="vi")
    en = p.documents.add(EN, title="Budget", language="en")

    def add(doc: int, text: str, needle: str, label: str, **attrs: Any) -> int:
        start, end = find(text, needle)
        (sid,) = p.spans.add(doc_id=doc, start=start, end=end, label=label, attrs=attrs).spans
        return sid

    c1 = add(vi, VI, "toàn bộ 595 Đảng bộ đã tổ chức xong đại hội.", "CLAIM", checkworthiness="checkworthy_factual",
             verifiable=True, numeric_type="statistical")
    c2 = add(vi, VI, "Kết quả bầu trực tiếp đạt hơn 90%.", "CLAIM", checkworthiness="checkworthy_factual")
    c3 = add(vi, VI, "Tỉnh có 17/17 Đảng bộ hoàn thành.", "CLAIM", checkworthiness="unimportant_factual")
    c4 = add(en, EN, "=SUM(A1) is not a formula.", "CLAIM", checkworthiness="non_factual", notes="tab\there")
    per = add(vi, VI, "Lê Hồng Long", "PER")
    n595 = add(vi, VI, "595", "COUNT", value="595", referent="Đảng bộ")
    p90 = add(vi, VI, "hơn 90%", "PERCENT", value="90", bound=">", unit="%")
    p.links.add(source_id=c1, target_id=n595, role="figure")
    p.links.add(source_id=c1, target_id=per, role="claimant")
    p.links.add(source_id=c2, target_id=p90, role="figure")
    for c in (c1, c2, c3):
        p.claims.flag(c)
    p.actor = "ed"
    p.unlock(PASS)
    p.claims.set_publisher(name="Kiểm chứng VN", url="https://factcheck.example.vn",
                           url_template="https://factcheck.example.vn/claims/{id}")
    p.claims.take(c1)
    p.claims.decide(c1, verdict="refuted", rationale="Only 590 held congresses by 4 August.", evidence=[
        {"url": "https://tinhuy.sonla.gov.vn/report", "publisher": "Tỉnh ủy Sơn La", "quote": "590 đảng bộ",
         "stance": "refutes"}, "https://vov.vn/son-la"])
    p.claims.publish(c1)
    p.claims.take(c2)
    p.claims.decide(c2, verdict="not_enough_evidence")
    p.claims.publish(c2)
    p.claims.take(c3)
    p.lock()
    p.actor = "lan"
    p.claims.flag(c4)
    p.ids = {"c1": c1, "c2": c2, "c3": c3, "c4": c4, "vi": vi, "en": en}  # type: ignore[attr-defined]
    return p


def test_csv_has_one_row_per_claim_with_every_column(reviewed: Project, tmp_path: Path) -> None:
    out = tmp_path / "claims.csv"
    rep = export_review(reviewed, "review-csv", out, Selection())
    assert rep.spans == 4 and rep.documents == 2 and not rep.problems
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    with out.open(encoding="utf-8-sig", newline="") as f:
        table = list(csv.DictReader(f))
    assert list(table[0]) == [name for name, _ in COLUMNS]
    required = {"id", "state", "claim", "context", "article_title", "article_url", "article_date", "claimant",
                "figures", "checkworthiness", "verdict", "rating_text", "rationale", "evidence_urls", "annotator",
                "reviewer", "reviewed_at"}
    assert required <= set(table[0])
    by_id = {int(r["id"]): r for r in table}
    c1 = by_id[reviewed.ids["c1"]]  # type: ignore[attr-defined]
    assert c1["state"] == "published" and c1["verdict"] == "refuted" and c1["rating_text"] == "Refuted"
    assert c1["claim"] == "toàn bộ 595 Đảng bộ đã tổ chức xong đại hội."
    assert c1["context"].startswith("Ông Lê Hồng Long cho biết:") and "Kết quả bầu" in c1["context"]
    assert (c1["article_title"], c1["article_url"], c1["article_date"]) == (
        "Đại hội Sơn La", "https://vov.vn/son-la", "2020-08-05")
    assert c1["claimant"] == "Lê Hồng Long" and c1["figures"] == "595 = 595"
    assert c1["evidence_urls"].split("\n") == ["https://tinhuy.sonla.gov.vn/report", "https://vov.vn/son-la"]
    assert (c1["annotator"], c1["reviewer"]) == ("lan", "ed") and c1["reviewed_at"].startswith("20")
    c2 = by_id[reviewed.ids["c2"]]  # type: ignore[attr-defined]
    assert c2["figures"] == "hơn 90% = > 90%" and c2["rating_text"] == "Not enough evidence"
    c4 = by_id[reviewed.ids["c4"]]  # type: ignore[attr-defined]
    # a spreadsheet would run it as a formula: the CSV cell starts with ' (the XLSX cell is typed as text)
    assert c4["claim"] == "'=SUM(A1) is not a formula." and c4["state"] == "flagged" and c4["reviewer"] == ""


def test_xlsx_reads_back_with_openpyxl_and_never_makes_formulas(reviewed: Project, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "claims.xlsx"
    rep = export_review(reviewed, "review-xlsx", out, Selection())
    assert rep.spans == 4
    wb = load_workbook(out)
    assert wb.sheetnames == ["Claims", "Evidence"]
    ws = wb["Claims"]
    table = [list(r) for r in ws.iter_rows(values_only=True)]
    assert table[0] == [name for name, _ in COLUMNS] and len(table) == 5
    rows = {r[0]: dict(zip(table[0], r, strict=True)) for r in table[1:]}
    c4 = rows[reviewed.ids["c4"]]  # type: ignore[attr-defined]
    assert c4["claim"] == "=SUM(A1) is not a formula."
    cell = next(c for c in ws["C"] if c.value == "=SUM(A1) is not a formula.")
    assert cell.data_type == "s"
    c1 = rows[reviewed.ids["c1"]]  # type: ignore[attr-defined]
    assert c1["claimant"] == "Lê Hồng Long" and c1["verdict"] == "refuted" and c1["figures"] == "595 = 595"
    ev = [list(r) for r in wb["Evidence"].iter_rows(values_only=True)]
    assert ev[0] == ["claim_id", "url", "publisher", "stance", "quote"]
    assert ev[1] == [reviewed.ids["c1"], "https://tinhuy.sonla.gov.vn/report", "Tỉnh ủy Sơn La",  # type: ignore[attr-defined]
                     "refutes", "590 đảng bộ"]
    assert ws.freeze_panes == "A2"


def test_jsonl_has_the_full_record_and_history(reviewed: Project, tmp_path: Path) -> None:
    out = tmp_path / "claims.jsonl"
    export_review(reviewed, "review-jsonl", out, Selection())
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 4
    c1 = next(x for x in lines if x["id"] == reviewed.ids["c1"])  # type: ignore[attr-defined]
    assert [h["op"] for h in c1["history"] if h["op"].startswith("review.")] == [
        "review.flag", "review.take", "review.decide", "review.publish"]
    assert [(h["actor"], h["summary"]["to"]) for h in c1["history"] if h["op"] == "review.publish"] == [
        ("ed", "published")]
    assert c1["evidence"][0] == {"url": "https://tinhuy.sonla.gov.vn/report", "publisher": "Tỉnh ủy Sơn La",
                                 "quote": "590 đảng bộ", "stance": "refutes"}
    assert c1["claimant"]["text"] == "Lê Hồng Long" and c1["figures"][0]["value"] == "595"
    assert c1["checkworthiness"] == "checkworthy_factual" and c1["verifiable"] is True
    for key in ("sentence", "context_before", "context_after", "doc_title", "doc_url", "state", "reviewer"):
        assert key in c1


# schema.org terms we may use, by type (a typo or an invented term fails the check)
SCHEMA_TERMS = {
    "ClaimReview": {"@context", "@type", "url", "claimReviewed", "datePublished", "author", "reviewRating",
                    "itemReviewed", "inLanguage", "reviewBody", "citation"},
    "Rating": {"@type", "ratingValue", "bestRating", "worstRating", "alternateName"},
    "Claim": {"@type", "author", "datePublished", "appearance", "firstAppearance"},
    "CreativeWork": {"@type", "url", "headline", "datePublished", "publisher"},
    "Organization": {"@type", "name", "url"},
    "Person": {"@type", "name", "url"},
}


def check_terms(node: Any) -> None:
    if isinstance(node, list):
        for x in node:
            check_terms(x)
    elif isinstance(node, dict):
        assert node["@type"] in SCHEMA_TERMS, node
        assert set(node) <= SCHEMA_TERMS[node["@type"]], set(node) - SCHEMA_TERMS[node["@type"]]
        for value in node.values():
            check_terms(value)


def check_claim_review(cr: dict[str, Any]) -> None:
    """What fact-check search engines require of a ClaimReview."""
    assert cr["@context"] in ("https://schema.org", "http://schema.org") and cr["@type"] == "ClaimReview"
    check_terms(cr)
    assert isinstance(cr["claimReviewed"], str) and cr["claimReviewed"].strip()
    assert cr["url"].startswith("https://")
    assert len(cr["datePublished"]) == 10 and cr["datePublished"][4] == "-"
    assert cr["author"]["@type"] == "Organization" and cr["author"]["name"]
    rating = cr["reviewRating"]
    assert rating["@type"] == "Rating" and rating["alternateName"]
    if "ratingValue" in rating:
        assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
    item = cr["itemReviewed"]
    assert item["@type"] == "Claim"
    assert item["appearance"] and all(a["@type"] == "CreativeWork" and a["url"].startswith("http")
                                      for a in item["appearance"])


def test_claimreview_json_ld_for_published_claims(reviewed: Project, tmp_path: Path) -> None:
    out = tmp_path / "claimreview.json"
    rep = export_review(reviewed, "claimreview", out, Selection())
    items = json.loads(out.read_text(encoding="utf-8"))
    assert rep.spans == 2 == len(items) and not rep.problems
    for cr in items:
        check_claim_review(cr)
    c1 = next(cr for cr in items if cr["url"].endswith(f"/claims/{reviewed.ids['c1']}"))  # type: ignore[attr-defined]
    assert c1["claimReviewed"] == "toàn bộ 595 Đảng bộ đã tổ chức xong đại hội."
    assert c1["reviewRating"] == {"@type": "Rating", "alternateName": "Refuted", "ratingValue": 1, "bestRating": 5,
                                  "worstRating": 1}
    assert c1["author"] == {"@type": "Organization", "name": "Kiểm chứng VN", "url": "https://factcheck.example.vn"}
    assert c1["itemReviewed"]["author"] == {"@type": "Person", "name": "Lê Hồng Long"}
    assert c1["itemReviewed"]["datePublished"] == "2020-08-05"
    assert c1["itemReviewed"]["appearance"][0]["url"] == "https://vov.vn/son-la"
    assert c1["inLanguage"] == "vi" and c1["reviewBody"].startswith("Only 590")
    c2 = next(cr for cr in items if cr is not c1)
    assert c2["reviewRating"] == {"@type": "Rating", "alternateName": "Not enough evidence"}


def test_claimreview_reports_what_is_missing(demo: Project, tmp_path: Path) -> None:
    demo.actor = "ed"
    demo.people.add("ed", role="editor", passphrase=PASS)
    demo.unlock(PASS)
    (rec,) = demo.claims.list(doc_id=1)
    for action, kw in (("flag", {}), ("take", {}), ("decide", {"verdict": "supported"}), ("publish", {})):
        demo.claims.apply(action, rec.id, **kw)
    out = tmp_path / "cr.json"
    rep = export_review(demo, "claimreview", out, Selection())
    assert rep.spans == 1
    assert any("no publisher URL" in p for p in rep.problems)
    assert any(f"claim {rec.id}: its article has no URL" in p for p in rep.problems)
    (cr,) = json.loads(out.read_text(encoding="utf-8"))
    assert cr["url"].startswith("urn:annotator:claim:") and cr["itemReviewed"]["author"]["name"] == "Lu Honglong"


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self.in_script = False
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self.in_script = tag == "script"
        if self.in_script:
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self.in_script = False

    def handle_data(self, data: str) -> None:
        if self.in_script:
            self.scripts[-1] += data
        else:
            self.text.append(data)


def test_html_report_is_self_contained(reviewed: Project, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    rep = export_review(reviewed, "review-html", out, Selection())
    assert rep.spans == 4
    page = _Page()
    source = out.read_text(encoding="utf-8")
    page.feed(source)
    tags = {t for t, _ in page.tags}
    assert "article" in tags and "style" in tags
    assert not tags & {"link", "img", "iframe", "object", "embed"}
    assert all("src" not in attrs for _, attrs in page.tags)
    assert "url(" not in source and "@import" not in source
    assert all(attrs.get("type") == "application/ld+json" for t, attrs in page.tags if t == "script")
    text = "".join(page.text)
    assert "toàn bộ 595 Đảng bộ đã tổ chức xong đại hội." in text and "Only 590 held congresses" in text
    assert "=SUM(A1) is not a formula." in text and "> 90%" in text
    assert len(page.scripts) == 2
    for script in page.scripts:
        check_claim_review(json.loads(script))
    assert source.count("<article") == 4 and '<mark>toàn bộ 595 Đảng bộ đã tổ chức xong đại hội.</mark>' in source


def test_html_report_links_only_web_urls(project: Project, tmp_path: Path) -> None:
    doc = project.documents.add("A claim here. More.", title="<b>T</b>", source_url="javascript:alert(1)")
    project.spans.add(doc_id=doc, start=0, end=13, label="CLAIM")
    out = tmp_path / "r.html"
    export_review(project, "review-html", out, Selection())
    source = out.read_text(encoding="utf-8")
    assert "javascript:" not in source and "&lt;b&gt;T&lt;/b&gt;" in source


def test_selection_and_dispatch_from_run_export(reviewed: Project, tmp_path: Path) -> None:
    out = tmp_path / "lan.jsonl"
    reports = run_export(reviewed, "review-jsonl", out, Selection(annotators={"nobody"}))
    assert reports[""].spans == 0 and out.read_text(encoding="utf-8") == ""
    reports = run_export(reviewed, "review-csv", out.with_suffix(".csv"),
                         Selection(doc_ids=[reviewed.ids["en"]]))  # type: ignore[attr-defined]
    assert reports[""].spans == 1 and reports[""].documents == 1
    reports = run_export(reviewed, "review-csv", out.with_suffix(".csv"), Selection(layers={"entity"}))
    assert reports[""].spans == 0 and "leaves out the claim layer" in reports[""].problems[0]


@pytest.mark.parametrize("fmt", review_export.FORMATS)
def test_a_failed_export_leaves_the_old_file_and_no_temporary(reviewed: Project, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch, fmt: str) -> None:
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "out.file"
    out.write_text("old", encoding="utf-8")

    def boom(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(review_export, "claim_review", boom)
    monkeypatch.setattr(review_export, "rows", boom)
    monkeypatch.setattr(review_export.ClaimRecord, "to_dict", boom)
    with pytest.raises(RuntimeError, match="disk on fire"):
        export_review(reviewed, fmt, out, Selection())
    assert out.read_text(encoding="utf-8") == "old"
    assert [p.name for p in out.parent.iterdir()] == ["out.file"]


def test_csv_cells_never_start_a_formula() -> None:
    from annotator.review_export import _csv_cell

    assert _csv_cell("=HYPERLINK(\"http://x\")") == "'=HYPERLINK(\"http://x\")"
    assert _csv_cell("+84 912") == "'+84 912" and _csv_cell("@sum") == "'@sum"
    assert _csv_cell("-5% in 2020") == "-5% in 2020" and _csv_cell(3) == 3
