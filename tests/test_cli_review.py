"""``annotator people`` and ``annotator review``: roles enforced by the core, refusals exit 1 with the reason."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from annotator.cli import main
from annotator.project import Project

PASS = "mật khẩu biên tập"
ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, env: dict[str, str] | None = None, input: str | None = None) -> click.testing.Result:
    return CliRunner().invoke(main, list(args), env=env, input=input, catch_exceptions=False)


@pytest.fixture
def proj(demo_path: Path) -> str:
    """The demo project with an editor 'thu' and an annotator 'lan'."""
    path = str(demo_path)
    assert run("people", path, "add", "lan").exit_code == 0
    r = run("people", path, "add", "thu", "--role", "editor", env={"ANNOTATOR_PASSPHRASE": PASS})
    assert r.exit_code == 0, r.output
    return path


def claim_id(path: str) -> int:
    with Project.open(path) as p:
        return p.claims.list(doc_id=1)[0].id


def test_people_add_and_list(proj: str) -> None:
    r = run("people", proj, "list")
    assert r.exit_code == 0
    lines = {line.split()[0]: line.split()[1] for line in r.output.splitlines()}
    assert lines["lan"] == "annotator" and lines["thu"] == "editor"
    people = [json.loads(line) for line in run("people", proj, "list", "--json").output.splitlines()]
    assert {"name": "thu", "role": "editor", "passphrase": True} in people
    with Project.open(proj, actor="thu") as p:
        p.unlock(PASS)  # the passphrase from the environment is the one kept (as a hash)
        assert p.editor_unlocked


def test_editor_passphrase_from_a_hidden_confirmed_prompt(project: Project) -> None:
    path = str(project.path.parent)
    project.close()
    r = run("people", path, "add", "thu", "--role", "editor", input="bí mật\nbí mật\n")
    assert r.exit_code == 0, r.output
    assert "bí mật" not in r.output  # not echoed
    with Project.open(path, actor="thu") as p:
        p.unlock("bí mật")
        assert p.editor_unlocked


def test_a_second_editor_needs_an_unlocked_editor(proj: str) -> None:
    env = {"ANNOTATOR_PASSPHRASE": "new one"}
    r = run("people", proj, "add", "minh", "--role", "editor", "--as", "lan", env=env)
    assert r.exit_code == 1 and "not an editor" in r.output
    r = run("people", proj, "add", "minh", "--role", "editor", "--as", "thu",
            env={**env, "ANNOTATOR_UNLOCK_PASSPHRASE": "wrong"})
    assert r.exit_code == 1 and "wrong passphrase" in r.output
    r = run("people", proj, "add", "minh", "--role", "editor", "--as", "thu",
            env={**env, "ANNOTATOR_UNLOCK_PASSPHRASE": PASS})
    assert r.exit_code == 0, r.output
    r = run("people", proj, "add", "hoa", "--role", "editor", "--as", "thu", env={"ANNOTATOR_PASSPHRASE": "x"},
            input=f"{PASS}\n")  # the unlocking passphrase asked for
    assert r.exit_code == 0, r.output


def test_review_from_flag_to_publish_and_reopen(proj: str) -> None:
    cid = str(claim_id(proj))
    ed = {"ANNOTATOR_PASSPHRASE": PASS}
    r = run("review", proj, "flag", cid, "--as", "lan", "--reason", "595 or 590?")
    assert r.exit_code == 0 and "draft → flagged (by lan)" in r.output
    r = run("review", proj, "take", cid, "--as", "lan", env=ed)
    assert r.exit_code == 1 and "only an editor" in r.output and "'lan' is not an editor" in r.output
    r = run("review", proj, "take", cid, "--as", "thu", env={"ANNOTATOR_PASSPHRASE": "nope"})
    assert r.exit_code == 1 and "wrong passphrase" in r.output
    r = run("review", proj, "take", cid, "--as", "thu", input=f"{PASS}\n")  # passphrase from the prompt
    assert r.exit_code == 0 and "flagged → in_review (by thu)" in r.output, r.output
    r = run("review", proj, "take", cid, "--as", "thu", env=ed)
    assert r.exit_code == 1 and "cannot take a claim that is in review" in r.output and "one can: return, decide" in r.output
    r = run("review", proj, "decide", cid, "--as", "thu", "--verdict", "refuted", "--rationale", "590 only",
            "--evidence", "https://sonla.gov.vn/bao-cao",
            "--evidence", '{"url": "https://vov.vn/x", "publisher": "VOV", "stance": "refutes"}', env=ed)
    assert r.exit_code == 0, r.output
    r = run("review", proj, "decide", cid, "--as", "thu", "--verdict", "refuted", "--evidence", "not a url", env=ed)
    assert r.exit_code == 1 and "not an http(s) URL" in r.output
    assert run("review", proj, "publish", cid, "--as", "thu", env=ed).exit_code == 0
    r = run("review", proj, "reopen", cid, "--as", "thu", env=ed)
    assert r.exit_code == 1 and "needs a reason" in r.output
    r = run("review", proj, "reopen", cid, "--as", "thu", "--reason", "GSO revised", env=ed)
    assert r.exit_code == 0 and "published → in_review" in r.output
    with Project.open(proj) as p:
        rec = p.claims.get(int(cid))
        assert rec.state == "in_review" and rec.verdict == "refuted" and rec.rationale == "590 only"
        assert [e.url for e in rec.evidence] == ["https://sonla.gov.vn/bao-cao", "https://vov.vn/x"]
        assert rec.evidence[1].publisher == "VOV"
        ops = [(e["actor"], e["op"]) for e in p.history.events(claim_id=int(cid))][::-1]
    assert ops == [("lan", "review.flag"), ("thu", "review.take"), ("thu", "review.decide"),
                   ("thu", "review.publish"), ("thu", "review.reopen")]


def test_review_list_and_show(proj: str) -> None:
    cid = claim_id(proj)
    run("review", proj, "flag", str(cid), "--as", "lan")
    r = run("review", proj, "list", "--state", "flagged")
    assert r.exit_code == 0 and f"{cid:>6}  flagged" in r.output and "1 claim(s)" in r.output
    assert run("review", proj, "list", "--state", "published").output.strip() == "0 claim(s)"
    recs = [json.loads(line) for line in run("review", proj, "list", "--text", "dang bo", "--json").output.splitlines()
            if line.startswith("{")]
    assert [x["id"] for x in recs] == [cid] and recs[0]["history"][0]["op"] == "review.flag"
    assert recs[0]["figures"][2]["value"] == "1 (17–17)"
    r = run("review", proj, "list", "--state", "approved")
    assert r.exit_code == 1 and "unknown claim state" in r.output
    r = run("review", proj, "show", str(cid))
    assert "Claimant: Lu Honglong" in r.output and "Figure: 17/17 = 1 (17–17) (RATIO)" in r.output
    assert "review.flag" in r.output
    assert json.loads(run("review", proj, "show", str(cid), "--json").output)["state"] == "flagged"
    r = run("review", proj, "show", "9999")
    assert r.exit_code == 1 and "no claim with id 9999" in r.output


def test_settings_and_export_through_the_cli(proj: str, tmp_path: Path) -> None:
    ed = {"ANNOTATOR_PASSPHRASE": PASS}
    r = run("review", proj, "settings", "--publisher", "Kiểm chứng", "--as", "lan")
    assert r.exit_code == 1 and "not an editor" in r.output
    r = run("review", proj, "settings", "--publisher", "Kiểm chứng", "--publisher-url", "https://kc.example.vn",
            "--url-template", "https://kc.example.vn/c/{id}", "--as", "thu", env=ed)
    assert r.exit_code == 0 and "name: Kiểm chứng" in r.output
    cid = str(claim_id(proj))
    run("review", proj, "flag", cid, "--as", "lan")
    for step in (["take"], ["decide", "--verdict", "supported"], ["publish"]):
        assert run("review", proj, step[0], cid, *step[1:], "--as", "thu", env=ed).exit_code == 0
    out = tmp_path / "claims.csv"
    r = run("export", proj, "-f", "review-csv", "-o", str(out))
    assert r.exit_code == 0 and "2 span(s)" in r.output
    with out.open(encoding="utf-8-sig", newline="") as f:
        table = {row["id"]: row for row in csv.DictReader(f)}
    assert table[cid]["state"] == "published" and table[cid]["verdict"] == "supported"
    cr = tmp_path / "cr.json"
    r = run("export", proj, "-f", "claimreview", "-o", str(cr))
    assert r.exit_code == 0 and "no URL" in r.output  # the demo article has no URL: said, not hidden
    (item,) = json.loads(cr.read_text(encoding="utf-8"))
    assert item["url"] == f"https://kc.example.vn/c/{cid}"


def test_a_refused_step_exits_1_in_a_real_process(proj: str) -> None:
    env = {**os.environ, "ANNOTATOR_USER": "lan", "PYTHONPATH": str(ROOT)}
    env.pop("ANNOTATOR_PASSPHRASE", None)
    out = subprocess.run([sys.executable, "-m", "annotator", "review", proj, "publish", str(claim_id(proj))],
                         capture_output=True, text=True, env=env, cwd=ROOT, timeout=60)
    assert out.returncode == 1
    assert "cannot publish a claim that is draft; from draft one can: flag" in out.stderr
