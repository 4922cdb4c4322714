"""``annotator package / merge / agreement / adjudicate`` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from annotator.cli import main
from annotator.commands.team import parse_ids
from annotator.project import Project


def run(*args: str) -> click.testing.Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture
def proj(demo_path: Path) -> str:
    return str(demo_path)


def _edit(path: Path, who: str, label: str) -> None:
    """``who`` relabels the first entity span of document 1 and tags 'Sơn La' in it."""
    with Project.open(path, actor=who) as q:
        first = [s for s in q.spans.for_doc(1) if s.layer == "entity"][0]
        q.spans.update(first.id, label=label)
        text = q.documents.text(1)
        start = text.index("Sơn La")
        q.spans.add(doc_id=1, start=start, end=start + 6, label="LOC" if who == "lan" else "ORG")


@pytest.mark.parametrize(("value", "ids"), [("1,4,10-12", [1, 4, 10, 11, 12]), ("", None), (" 3 ,", [3])])
def test_parse_ids(value: str, ids: list[int] | None) -> None:
    assert parse_ids(value) == ids


def test_package_merge_conflicts_agreement_adjudicate(proj: str, tmp_path: Path) -> None:
    lan, minh = tmp_path / "lan.annotator", tmp_path / "minh.annotator"
    r = run("package", proj, "--annotator", "lan", "--docs", "1", "-o", str(lan))
    assert r.exit_code == 0, r.output
    assert f"Wrote {lan} for lan: 1 document(s)" in r.stdout
    assert "Packaging" in r.stderr  # progress goes to stderr
    assert run("package", proj, "--annotator", "minh", "-o", str(minh)).exit_code == 0
    again = run("package", proj, "--annotator", "minh", "-o", str(minh))
    assert again.exit_code == 1 and "exists already" in again.output
    _edit(lan, "lan", "ORG")
    _edit(minh, "minh", "MISC")

    r = run("merge", proj, str(lan), str(minh))
    assert r.exit_code == 0, r.output
    assert "Merged 2 file(s)" in r.stdout and "spans 2 added" in r.stdout
    assert "1 conflict(s) kept for a person to settle" in r.stdout
    assert "Merging: " in r.stderr and "(100%)" in r.stderr
    assert run("merge", proj, str(lan), str(minh)).stdout.startswith("Nothing new in 2 file(s).")

    listed = run("merge", proj, "--conflicts", "--json")
    (conflict,) = [json.loads(line) for line in listed.stdout.splitlines()]
    assert conflict["kind"] == "span" and len(conflict["versions"]) == 2
    r = run("merge", proj, "--resolve", f"{conflict['key']}=1")
    assert r.exit_code == 0 and "Settled" in r.stdout
    assert run("merge", proj, "--conflicts").stdout.strip() == "No conflicts."

    r = run("agreement", proj)  # the demo's own spans are by 'demo'
    assert r.exit_code == 0, r.output
    assert "annotators: demo, lan, minh" in r.stdout and "lan / minh" in r.stdout and "-0.000" not in r.stdout
    data = json.loads(run("agreement", proj, "--json", "--label", "LOC,ORG", "--annotators", "lan,minh").stdout)
    assert data["annotators"] == ["lan", "minh"] and set(data["labels"]) <= {"LOC", "ORG"}
    assert data["overall"]["pairs"][0]["exact"]["f1"] == 0.0
    assert "title" in run("agreement", proj, "--by-doc").stdout

    listing = run("adjudicate", proj, "--doc", "1")
    assert "Document 1" in listing.stdout and "lan" in listing.stdout and "'Sơn La'" in listing.stdout
    region = next(line.split()[0] for line in listing.stdout.splitlines() if line.startswith("  entity:"))
    r = run("adjudicate", proj, "--doc", "1", "--take", f"{region}=lan", "--as", "thu")
    assert r.exit_code == 0 and "took 1 region(s)" in r.stdout
    r = run("adjudicate", proj, "--doc", "1", "--prefer", "minh", "--as", "thu")
    assert r.exit_code == 0 and "took minh's version" in r.stdout
    with Project.open(proj) as p:
        gold = p.store.conn.execute("SELECT annotator, COUNT(*) FROM spans WHERE gold = 1 GROUP BY annotator").fetchall()
    assert gold and gold[0][0] == "thu"


@pytest.mark.parametrize("args", [
    ["merge", "{proj}", "{junk}"],
    ["package", "{proj}", "--annotator", "lan", "--docs", "x-y", "-o", "{out}"],
    ["package", "{proj}", "--annotator", "lan", "--docs", "999", "-o", "{out}"],
    ["merge", "{proj}", "--resolve", "nonsense"],
    ["merge", "{proj}", "--resolve", "span.nothing=1"],
    ["merge", "{proj}"],
    ["adjudicate", "{proj}", "--take", "entity:0-1=lan"],
    ["agreement", "{proj}", "--label", "NOPE"],
])
def test_refusals_exit_1_with_a_reason(proj: str, tmp_path: Path, args: list[str]) -> None:
    junk = tmp_path / "junk.annotator"
    junk.write_text("not sqlite")
    filled = [a.format(proj=proj, junk=junk, out=tmp_path / "o.annotator") for a in args]
    r = run(*filled)
    assert r.exit_code == 1
    assert r.output.startswith("Error: ") and len(r.output.strip()) > len("Error: ")
    assert "Traceback" not in r.output


def test_agreement_with_nothing_to_compare(proj: str) -> None:
    assert "No document has the work of two annotators" in run("agreement", proj).stdout


def test_same_entity_listed_and_settled_as_one(proj: str, tmp_path: Path) -> None:
    paths = [tmp_path / "lan.annotator", tmp_path / "minh.annotator"]
    for path, who in zip(paths, ("lan", "minh"), strict=True):
        assert run("package", proj, "--annotator", who, "-o", str(path)).exit_code == 0
        with Project.open(path, actor=who) as q:
            q.entities.add(name="Nguyễn Thị Thu" if who == "lan" else "nguyễn thị thu", type="PER")
    r = run("merge", proj, *map(str, paths))
    assert r.exit_code == 0 and "1 conflict(s) kept for a person to settle" in r.stdout
    assert "one entity: merge" in r.stdout and "kept apart" in r.stdout
    (conflict,) = [json.loads(line) for line in run("merge", proj, "--conflicts", "--json").stdout.splitlines()]
    assert conflict["kind"] == "same_entity" and conflict["key"].startswith("same_entity.")
    one = next(k for k, v in enumerate(conflict["versions"]) if v["values"].get("merge")) + 1
    r = run("merge", proj, "--resolve", f"{conflict['key']}={one}")
    assert r.exit_code == 0 and "Settled" in r.stdout
    with Project.open(proj) as p:
        assert len([e for e in p.entities.list() if e.name.lower() == "nguyễn thị thu"]) == 1
    assert run("merge", proj, *map(str, paths)).stdout.startswith("Nothing new in 2 file(s).")
    assert run("merge", proj, "--conflicts").stdout.strip() == "No conflicts."
