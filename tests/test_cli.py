"""The command line: every command, help with examples, clear errors, no Qt loaded."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from annotator.cli import main
from annotator.model import SpanRecord
from annotator.project import Project

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str) -> click.testing.Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def all_commands() -> list[tuple[str, click.Command]]:
    out: list[tuple[str, click.Command]] = []

    def walk(prefix: str, cmd: click.Command) -> None:
        out.append((prefix, cmd))
        if isinstance(cmd, click.Group):
            for name, sub in cmd.commands.items():
                walk(f"{prefix} {name}".strip(), sub)

    walk("", main)
    return out


@pytest.mark.parametrize(("name", "command"), all_commands(), ids=lambda x: x if isinstance(x, str) else "")
def test_every_command_has_help_with_an_example(name: str, command: click.Command) -> None:
    assert command.help and command.help.strip(), f"{name or 'annotator'} has no help"
    if not isinstance(command, click.Group) or name == "":
        assert "Example" in command.help, f"'{name}' help has no example"


def test_every_top_level_command_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in main.commands:
        assert f"annotator {name}" in readme, f"README does not mention 'annotator {name}'"


@pytest.mark.parametrize("args", [["-h"], ["import", "-h"], ["export", "--help"], ["stats", "-h"]])
def test_h_works(args: list[str]) -> None:
    result = run(*args)
    assert result.exit_code == 0 and "Usage:" in result.output


def test_version() -> None:
    assert "annotator, version" in run("--version").output


def test_init_import_ls_stats_export(tmp_path: Path) -> None:
    p = tmp_path / "proj"
    assert run("init", str(p)).exit_code == 0
    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps({"id": "x", "text": "Sơn La 😀 có 595 Đảng bộ",
                               "spans": [{"start": 0, "end": 6, "label": "LOC"},
                                         {"start": 12, "end": 15, "label": "COUNT", "attrs": {"value": "595"}}]},
                              ensure_ascii=False) + "\n", encoding="utf-8")
    txt = tmp_path / "b.txt"
    txt.write_text("Second article\n\nBody.", encoding="utf-8")
    r = run("import", str(p), str(src), str(txt))
    assert r.exit_code == 0, r.output
    assert "Imported 2 new document(s)" in r.output
    ls = run("ls", str(p))
    assert "Sơn La" in ls.output and "Second article" in ls.output
    st = json.loads(run("stats", str(p), "--json").output)
    assert st["documents"]["total"] == 2 and st["spans"]["by_label"] == {"COUNT": 1, "LOC": 1}
    out = tmp_path / "out.jsonl"
    r = run("export", str(p), "-o", str(out))
    assert r.exit_code == 0 and "Wrote 2 document(s), 2 span(s)" in r.output
    assert "595" in out.read_text(encoding="utf-8")
    assert "documents.import" in run("log", str(p)).output


def test_bad_input_names_file_and_line_and_changes_nothing(tmp_path: Path) -> None:
    p = tmp_path / "proj"
    run("init", str(p))
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "ok"}\n{"text": "abc", "spans": [{"start": 1, "end": 9, "label": "PER"}]}\n')
    r = CliRunner().invoke(main, ["import", str(p), str(bad)])
    assert r.exit_code == 1
    assert "bad.jsonl:2" in r.output and "outside the text" in r.output
    with Project.open(p) as proj:
        assert proj.documents.count() == 0


@pytest.mark.parametrize(
    ("option", "message"),
    [(["--tokenizer", "vi-word"], "unknown tokenizer 'vi-word'"),
     (["--split", "0.8,x"], "expected numbers separated by commas")],
)
def test_bad_export_options_are_usage_errors(tmp_path: Path, option: list[str], message: str) -> None:
    run("init", str(tmp_path / "p"))
    r = CliRunner().invoke(main, ["export", str(tmp_path / "p"), "-f", "conll", "-o", str(tmp_path / "o"), *option])
    assert r.exit_code == 2 and message in r.output
    assert not (tmp_path / "o").exists()


def test_export_with_a_named_tokenizer_and_split(tmp_path: Path) -> None:
    with Project.create(tmp_path / "p") as proj:
        for n in range(4):
            proj.documents.add(f"Sơn La {n}", spans=[SpanRecord(0, 6, "LOC")])
    r = run("export", str(tmp_path / "p"), "-f", "iob2", "-o", str(tmp_path / "o"), "--tokenizer", " vi-words ",
            "--split", "0.5,0.5")
    assert r.exit_code == 0, r.output
    assert (tmp_path / "o" / "train.iob").read_text(encoding="utf-8").count("B-LOC") == 2
    assert "Sơn_La B-LOC" in (tmp_path / "o" / "dev.iob").read_text(encoding="utf-8")


def test_missing_project_is_a_clear_error(tmp_path: Path) -> None:
    r = CliRunner().invoke(main, ["ls", str(tmp_path)])
    assert r.exit_code == 1 and "no project here" in r.output


def test_undo_redo_from_the_command_line(tmp_path: Path) -> None:
    with Project.create(tmp_path / "p", actor="lan") as proj:
        doc = proj.documents.add("Sơn La")
        proj.spans.add(doc_id=doc, start=0, end=6, label="LOC")
    assert "Undid" in run("undo", str(tmp_path / "p"), "--as", "lan").output
    with Project.open(tmp_path / "p") as proj:
        assert proj.spans.count() == 0
    assert "Redid" in run("redo", str(tmp_path / "p"), "--as", "lan").output


def _no_qt_script(commands: list[list[str]]) -> str:
    return (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "import annotator, annotator.project, annotator.cli\n"
        "from annotator.cli import main\n"
        f"for args in {commands!r}:\n"
        "    r = CliRunner().invoke(main, args)\n"
        "    print(args[0], r.exit_code, file=sys.stderr)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'PyQt5', 'PyQt6', 'ui',\n"
        "                                                        'pandas', 'spacy', 'datasets'))\n"
        "print('QT:' + ','.join(bad))\n"
    )


def test_core_and_every_cli_command_load_no_qt(tmp_path: Path) -> None:
    """No Qt, and none of the heavy optional libraries (pandas, spaCy, datasets) either."""
    p = str(tmp_path / "p")
    src = tmp_path / "a.jsonl"
    src.write_text('{"text": "Sơn La", "spans": [{"start": 0, "end": 6, "label": "LOC"}]}\n', encoding="utf-8")
    commands = [["init", p], ["import", p, str(src)], ["ls", p], ["stats", p], ["log", p],
                ["export", p, "-o", str(tmp_path / "o.jsonl")], ["search", p, "son la"], ["undo", p], ["redo", p],
                ["--version"]]
    for name, cmd in main.commands.items():
        if isinstance(cmd, click.Group):
            commands.append([name, "-h"])
            for sub in cmd.commands:
                commands.append([name, p, sub, "-h"])
    env = dict(os.environ)
    out = subprocess.run([sys.executable, "-c", _no_qt_script(commands)], capture_output=True, text=True, env=env,
                         cwd=ROOT, timeout=300)
    assert out.returncode == 0, out.stderr
    assert "QT:\n" in out.stdout or out.stdout.strip().endswith("QT:"), out.stdout


def test_killed_import_leaves_all_or_nothing(tmp_path: Path) -> None:
    """SIGKILL in the middle of a large import: the project opens, intact, with none of it."""
    p = tmp_path / "p"
    Project.create(p).close()
    big = tmp_path / "big.jsonl"
    line = {"text": "Ông Lê Hồng Long nói hơn 90% trong 595 Đảng bộ ở Sơn La. " * 20,
            "spans": [{"start": 4, "end": 16, "label": "PER"}, {"start": 21, "end": 28, "label": "PERCENT"}]}
    with big.open("w", encoding="utf-8") as fh:
        for i in range(30000):
            line["id"] = str(i)
            line["text"] = f"{i} " + line["text"][len(str(i - 1)) + 1 if i else 0:]
            fh.write(json.dumps(line, ensure_ascii=False) + "\n")
    marker = tmp_path / "started"
    script = (
        "import sys, pathlib\n"
        "from annotator.project import Project\n"
        "from annotator.importing import import_paths\n"
        f"p = Project.open({str(p)!r})\n"
        "def progress(done, total):\n"
        f"    if done == 5000: pathlib.Path({str(marker)!r}).write_text('x')\n"
        f"import_paths(p, [{str(big)!r}], progress=progress)\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT)
    try:
        for _ in range(600):
            if marker.exists() or proc.poll() is not None:
                break
            import time

            time.sleep(0.05)
        assert marker.exists(), "the import did not start"
        proc.kill()
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    with Project.open(p) as proj:
        assert proj.store.scalar("PRAGMA integrity_check") == "ok"
        assert proj.documents.count() == 0 and proj.spans.count() == 0
    # and a complete import of the same file is all of it
    with Project.open(p) as proj:
        from annotator.importing import import_paths

        small = tmp_path / "small.jsonl"
        small.write_text("\n".join(big.read_text(encoding="utf-8").splitlines()[:50]) + "\n", encoding="utf-8")
        import_paths(proj, [small])
        assert proj.documents.count() == 50 and proj.spans.count() == 100


def test_schema_show_and_replace(tmp_path: Path) -> None:
    p = tmp_path / "p"
    run("init", str(p))
    out = run("schema", str(p)).output
    assert "PER" in out and "figure: attributes value" in out
    bad = tmp_path / "bad.toml"
    bad.write_text('[[labels]]\nname = "X"\nlayer = "thing"\n', encoding="utf-8")
    r = CliRunner().invoke(main, ["schema", str(p), "--set", str(bad)])
    assert r.exit_code == 1 and "labels[0] (X).layer" in r.output
    good = tmp_path / "good.json"
    good.write_text(json.dumps({"name": "mine", "labels": [{"name": "X", "layer": "entity", "color": "#112233"}]}))
    assert "is now mine (1 labels)" in run("schema", str(p), "--set", str(good)).output
    assert json.loads(run("schema", str(p), "--json").output)["name"] == "mine"


def test_writer_options_reach_the_format(tmp_path: Path, demo_path: Path) -> None:
    out = tmp_path / "ls.json"
    with Project.open(demo_path) as p:
        doc = p.documents.add("😀 Sơn La", title="emoji")
        p.spans.add(doc_id=doc, start=2, end=8, label="LOC")
    r = run("export", str(demo_path), "-f", "labelstudio", "-o", str(out), "-O", "offsets=utf16")
    assert r.exit_code == 0, r.output
    tasks = json.loads(out.read_text(encoding="utf-8"))
    task = next(t for t in tasks if t["data"]["text"].startswith("😀"))
    (region,) = [x for a in task["annotations"] for x in a["result"] if x.get("type") == "labels"]
    assert (region["value"]["start"], region["value"]["end"]) == (3, 9)  # UTF-16 units: the emoji counts 2
    bad = CliRunner().invoke(main, ["export", str(demo_path), "-f", "jsonl", "-o", str(tmp_path / "x"), "-O", "nope=1"])
    assert bad.exit_code == 1 and "has no option nope" in bad.output


def test_search_finds_phrases_in_context_and_documents(demo_path: Path) -> None:
    """`annotator search`: hits in context with code-point offsets into the stored text (diacritics
    and case ignored), only inside spans of a label when asked, the matching documents, and grep's
    exit codes."""
    from annotator.project import Project

    r = CliRunner().invoke(main, ["search", str(demo_path), "son la", "--json"])
    assert r.exit_code == 0, r.output
    hits = [json.loads(line) for line in r.output.splitlines()]
    with Project.open(demo_path) as p:
        texts = {d: p.documents.get(d).text for d in {h["doc_id"] for h in hits}}
    assert len(hits) >= 5
    assert {texts[h["doc_id"]][h["start"]:h["end"]] for h in hits} <= {"Sơn La", "Son La", "SON LA", "Sơn la"}
    assert all(h["match"] == texts[h["doc_id"]][h["start"]:h["end"]] for h in hits)
    per = CliRunner().invoke(main, ["search", str(demo_path), "Lu Honglong", "--label", "PER", "--json"])
    assert per.exit_code == 0 and [json.loads(x)["match"] for x in per.output.splitlines()] == ["Lu Honglong"]
    plain = CliRunner().invoke(main, ["search", str(demo_path), "Son La", "--limit", "2"])
    assert plain.exit_code == 0 and len(plain.output.splitlines()) == 2 and "[Sơn La]" in plain.output
    docs = CliRunner().invoke(main, ["search", str(demo_path), "dai hoi", "--documents", "--json"])
    assert docs.exit_code == 0 and [json.loads(x)["id"] for x in docs.output.splitlines()] == [1]
    none = CliRunner().invoke(main, ["search", str(demo_path), "zzzz"])
    assert none.exit_code == 1 and "No match" in none.output
    bad = CliRunner().invoke(main, ["search", str(demo_path), "x", "--label", "NOPE"])
    assert bad.exit_code == 2 and "not a label" in bad.output
