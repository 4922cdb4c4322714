"""Run every benchmark script in this folder and print one table of ratios to same-run baselines.

    python benchmarks/run.py              # full size (several minutes: 10,000-article import/export,
                                          # 1 MB article, 100,000-document project …)
    python benchmarks/run.py --small      # every script at its small size (CI: checks they work)
    python benchmarks/run.py --only core scale      # some of them (bench_core.py, bench_scale.py)
    python benchmarks/run.py -- --data benchmarks/data   # pass options on to every script

Each ``bench_*.py`` runs in its own process, one after the other (never two at once: they would
measure each other); its own output is shown as it comes. Scripts that report through
``benchmarks.common.report``/``report_limits`` also hand their rows over (through the
``ANNOTATOR_BENCH_RESULTS`` file), and the summary at the end lists every case: baseline, ours,
the ratio, the target and whether it holds, with the machine they ran on. The exit status is
non-zero only when a script fails (a missed target is a finding, not an error).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from benchmarks.common import RESULTS_ENV, machine  # noqa: E402


def scripts(only: list[str] | None = None) -> list[Path]:
    """The benchmark scripts (``bench_*.py``), in name order, optionally only some."""
    found = sorted(HERE.glob("bench_*.py"))
    if only:
        wanted = {w.removeprefix("bench_").removesuffix(".py") for w in only}
        found = [p for p in found if p.stem.removeprefix("bench_") in wanted]
    return found


def run_one(script: Path, args: list[str], results: Path, timeout: float) -> tuple[int, float]:
    """Run one script, streaming its output; returns (exit code, seconds)."""
    env = {**os.environ, RESULTS_ENV: str(results), "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "PYTHONUNBUFFERED": "1"}
    t0 = time.perf_counter()
    try:
        proc = subprocess.run([sys.executable, str(script), *args], env=env, timeout=timeout, check=False)
        code = proc.returncode
    except subprocess.TimeoutExpired:
        print(f"{script.name}: stopped after {timeout:.0f} s", flush=True)
        code = 124
    return code, time.perf_counter() - t0


def _fmt(value: float, unit: str) -> str:
    if unit == "MB":
        return f"{value:.0f} MB"
    return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"


def summary(rows: list[dict[str, Any]]) -> str:
    """The table of every reported case."""
    lines = [f"{'script':<18} {'case':<40} {'baseline':>10} {'ours':>10} {'ratio':>8} {'target':>9}  ok"]
    for r in rows:
        ratio = "" if r.get("ratio") is None else f"{r['ratio']:.2f}x"
        unit = r.get("unit", "s")
        lines.append(f"{r['script']:<18} {r['case']:<40} {_fmt(r['baseline'], unit):>10} {_fmt(r['ours'], unit):>10} "
                     f"{ratio:>8} {r.get('target') or '':>9}  {'yes' if r.get('ok') else 'NO'}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    passed: list[str] = []
    if "--" in argv:
        k = argv.index("--")
        argv, passed = argv[:k], argv[k + 1:]
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--small", action="store_true", help="run every script with --small (quick; for CI)")
    ap.add_argument("--only", nargs="+", metavar="NAME", help="only these scripts (core, scale, textview …)")
    ap.add_argument("--timeout", type=float, default=3600.0, help="seconds allowed to each script")
    args = ap.parse_args(argv)
    chosen = scripts(args.only)
    if not chosen:
        print("no benchmark scripts found", file=sys.stderr)
        return 2
    extra = (["--small"] if args.small else []) + passed
    print(machine(), flush=True)
    rows: list[dict[str, Any]] = []
    failed: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for script in chosen:
            print(f"\n=== {script.name} {' '.join(extra)}".rstrip(), flush=True)
            results = Path(tmp) / f"{script.stem}.jsonl"
            code, took = run_one(script, extra, results, args.timeout)
            print(f"--- {script.name}: exit {code}, {took:.1f} s", flush=True)
            if code != 0:
                failed.append(script.name)
            if results.exists():
                for line in results.read_text(encoding="utf-8").splitlines():
                    rows.append({"script": script.stem.removeprefix("bench_"), **json.loads(line)})
    print(f"\n=== summary ({'small' if args.small else 'full'} size; {time.strftime('%Y-%m-%d')})")
    print(machine())
    print(summary(rows) if rows else "(no script reported ratios)")
    missed = [f"{r['script']}: {r['case']}" for r in rows if not r.get("ok")]
    print(f"{len(rows)} case(s), {len(rows) - len(missed)} within target, {len(missed)} not"
          + (f"; failed scripts: {', '.join(failed)}" if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
