"""``annotator entities PROJECT …``: both argument orders, every subcommand, help with examples."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import main
from annotator.commands.entities import entities
from annotator.project import Project


def run(*args: str, ok: bool = True) -> str:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    if ok:
        assert result.exit_code == 0, result.output
    else:
        assert result.exit_code != 0, result.output
    return result.output


def span_id(path: Path, text: str) -> int:
    with Project.open(path) as p:
        for s in p.spans.iter_all():
            if p.documents.text(s.doc_id)[s.start:s.end] == text:
                return s.id
    raise AssertionError(text)


@pytest.mark.parametrize("order", ["project-first", "command-first"])
def test_list_in_either_order(demo_path: Path, order: str) -> None:
    args = [str(demo_path), "list"] if order == "project-first" else ["list", str(demo_path)]
    out = run("entities", *args)
    assert "Lê Hồng Long" in out and "PER" in out


def test_clusters_print_the_seed_clusters(demo_path: Path) -> None:
    out = run("entities", str(demo_path), "clusters", "--untagged")
    assert 'PER "Lê Hồng Long" — 4 spellings' in out
    assert 'LOC "Sơn La"' in out
    for spelling in ("Luo Honglong", "Lu Honglong", "Lữ Hồng Long", "Sun La", '"Tôn La"'):
        assert spelling in out
    lines = [json.loads(x) for x in run("entities", str(demo_path), "clusters", "--json").splitlines()]
    assert sorted(len(c["variants"]) for c in lines) == [3, 4]
    assert run("entities", str(demo_path), "clusters", "--label", "ORG") == "No clusters of name variants.\n"


def test_add_suggest_merge_rename_show(demo_path: Path) -> None:
    p = str(demo_path)
    run("entities", p, "add", "Luo Honglong", "--type", "PER", "--alias", "Lu Honglong", "--as", "lan")
    out = run("entities", p, "suggest", "Lữ Hồng Long", "--type", "PER")
    assert out.splitlines()[0].startswith("1.00") and "Luo Honglong" in out and "Lê Hồng Long" in out
    with Project.open(demo_path) as proj:
        le, luo = proj.entities.find("Lê Hồng Long").id, proj.entities.find("Luo Honglong").id  # type: ignore[union-attr]
    run("entities", p, "link", str(luo), str(span_id(demo_path, "Luo Honglong")))
    out = run("entities", p, "merge", str(le), str(luo))
    assert "Merged 1" in out and "3 mention(s)" in out and "Luo Honglong" in out
    run("entities", p, "rename", str(le), "Lê Hồng Long (Sơn La)")
    out = run("entities", p, "show", str(le))
    assert "Lê Hồng Long (Sơn La)" in out and "also:" in out and "[Luo Honglong]" in out
    data = json.loads(run("entities", p, "show", str(le), "--json"))
    assert len(data["mentions"]) == 3
    run("undo", p)  # the rename
    assert "Lê Hồng Long (Sơn La)" not in run("entities", p, "list")


def test_split_unify_link_unlink(demo_path: Path) -> None:
    p = str(demo_path)
    lu = span_id(demo_path, "Lữ Hồng Long")
    out = run("entities", p, "split", "1", str(lu))
    assert "new entity" in out and "Lữ Hồng Long" in out
    ids = [str(span_id(demo_path, t)) for t in ("Lê Hồng Long", "Luo Honglong", "Lu Honglong", "Lữ Hồng Long")]
    out = run("entities", p, "unify", *ids, "--name", "Lê Hồng Long")
    assert "4 mention(s) are now" in out
    assert "resolved" in run("entities", p, "clusters", "--label", "PER")
    run("entities", p, "unlink", ids[1])
    assert "1 unlinked" in run("entities", p, "clusters", "--label", "PER")
    run("entities", p, "link", "999", ids[1], ok=False)


def test_import_gazetteer_and_suggest(demo_path: Path, tmp_path: Path) -> None:
    g = tmp_path / "places.csv"
    g.write_text("name,type,aliases,external_id\nSơn La,LOC,Sun La|Son La,Q36763\nVOV,ORG,,\n", encoding="utf-8")
    out = run("entities", str(demo_path), "import", str(g))
    assert "2 entit(ies) added" in out and "mention(s) suggested" in out
    assert "Q36763" in run("entities", str(demo_path), "list", "--type", "LOC")
    bad = tmp_path / "bad.csv"
    bad.write_text("name,type\nSơn La,PLANET\n", encoding="utf-8")
    out = run("entities", str(demo_path), "import", str(bad), ok=False)
    assert "bad.csv:2" in out


def test_tag_all(demo_path: Path) -> None:
    sid = str(span_id(demo_path, "Sun La"))
    out = run("entities", str(demo_path), "tag-all", sid, "--dry-run")
    assert out.startswith("Would tag 4 more occurrence(s) of \"Sun La\"")
    out = run("entities", str(demo_path), "tag-all", sid, "--accept")
    assert out.startswith("Tagged 4")
    assert run("entities", str(demo_path), "tag-all", sid).startswith("Tagged 0")


def test_errors_are_clean(demo_path: Path, tmp_path: Path) -> None:
    assert "no entity with id 99" in run("entities", str(demo_path), "show", "99", ok=False)
    run("entities", str(tmp_path / "nowhere"), "list", ok=False)


@pytest.mark.parametrize("name", sorted(entities.commands))
def test_every_subcommand_has_help_with_an_example(name: str) -> None:
    out = CliRunner().invoke(main, ["entities", name, "-h"]).output
    assert "Example:" in out and "annotator entities" in out
    assert entities.commands[name].help


def test_group_help() -> None:
    out = run("entities", "-h")
    assert "Example:" in out and "clusters" in out and "import" in out
