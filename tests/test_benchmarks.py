"""The benchmark scripts work: each runs at its small size and prints ratios to its baselines.

Not timed tests: nothing here asserts on speed (the figures are read by people, see
benchmarks/README.md); a missed target never fails a test.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "benchmarks"
sys.path.insert(0, str(ROOT))

from benchmarks.run import scripts  # noqa: E402

RATIO = re.compile(r"\d+(?:\.\d+)?x\b")


def _run(args: list[str], tmp_path: Path, results: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(tmp_path)}
    if results is not None:
        env["ANNOTATOR_BENCH_RESULTS"] = str(results)
    return subprocess.run([sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)


def test_every_script_is_found() -> None:
    names = {p.name for p in scripts()}
    assert {"bench_core.py", "bench_scale.py"} <= names
    assert all(p.name.startswith("bench_") for p in scripts())
    assert [p.name for p in scripts(["core"])] == ["bench_core.py"]


@pytest.mark.parametrize("script", scripts(), ids=lambda p: p.stem)
def test_script_runs_small_and_prints_ratios(script: Path, tmp_path: Path) -> None:
    results = tmp_path / "results.jsonl"
    proc = _run([str(script), "--small"], tmp_path, results)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert "machine:" in proc.stdout
    assert RATIO.search(proc.stdout), proc.stdout[-3000:]
    if results.exists():  # scripts that report through benchmarks.common hand their rows over too
        rows = [json.loads(line) for line in results.read_text(encoding="utf-8").splitlines()]
        assert rows
        for row in rows:
            assert row["case"] and row["baseline"] > 0 and row["ours"] > 0
            assert row["ratio"] == pytest.approx(row["ours"] / row["baseline"])
            assert isinstance(row["ok"], bool)


def test_core_and_scale_report_every_target(tmp_path: Path) -> None:
    cases = {}
    for name in ("bench_core.py", "bench_scale.py"):
        results = tmp_path / f"{name}.jsonl"
        proc = _run([str(BENCH / name), "--small"], tmp_path, results)
        assert proc.returncode == 0, proc.stderr[-3000:]
        cases.update({r["case"]: r for r in map(json.loads, results.read_text(encoding="utf-8").splitlines())})
    assert {"import", "export jsonl", "export conll", "export spacy"} <= set(cases)
    assert {"open to first paint", "filter list: core ids()", "search: documents (FTS5)",
            "peak memory (open+paint+filter+search)"} <= set(cases)
    assert cases["export spacy"]["target"] == "≤1.3x"
    assert cases["open to first paint"]["target"] == "<1000 ms"
    assert cases["peak memory (open+paint+filter+search)"]["unit"] == "MB"


def test_runner_prints_one_summary_with_the_machine(tmp_path: Path) -> None:
    proc = _run([str(BENCH / "run.py"), "--small", "--only", "scale"], tmp_path)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    out = proc.stdout
    assert "=== bench_scale.py --small" in out
    tail = out[out.index("=== summary (small size"):]
    assert "machine:" in tail
    assert re.search(r"scale\s+open to first paint\s+.*\d+\.\d+x\s+<1000 ms\s+(yes|NO)", tail), tail
    assert re.search(r"\d+ case\(s\), \d+ within target, \d+ not", tail)


def test_runner_refuses_nothing_to_run(tmp_path: Path) -> None:
    proc = _run([str(BENCH / "run.py"), "--small", "--only", "no-such-benchmark"], tmp_path)
    assert proc.returncode == 2
    assert "no benchmark scripts found" in proc.stderr
