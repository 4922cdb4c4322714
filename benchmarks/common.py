"""Shared helpers of the benchmark scripts: timing, machine description, the ratio table."""

from __future__ import annotations

import json
import os
import platform
import statistics
import time
from collections.abc import Callable
from typing import Any

RESULTS_ENV = "ANNOTATOR_BENCH_RESULTS"
"""When set, :func:`report` and :func:`report_limits` also append their rows to this JSON-lines
file (``benchmarks/run.py`` collects them into one table)."""


def _record(case: str, baseline: float, ours: float, target: str, ok: bool, unit: str = "s") -> None:
    path = os.environ.get(RESULTS_ENV)
    if path:
        ratio = ours / baseline if baseline else None
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(json.dumps({"case": case, "baseline": baseline, "ours": ours, "ratio": ratio,
                                 "target": target, "ok": ok, "unit": unit}, ensure_ascii=False) + "\n")


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return (f"machine: {platform.system()} {platform.release()}, {cpu}, {os.cpu_count()} cores, "
            f"Python {platform.python_version()}")


def timed(fn: Callable[[], Any], *, repeat: int = 3) -> float:
    """Median wall time of ``repeat`` runs, in seconds."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def report(rows: list[tuple[str, dict[str, Any], float | None]]) -> None:
    """Print one line per case: baseline, ours, the ratio and the target."""
    print(f"{'case':<22} {'baseline s':>11} {'ours s':>9} {'ratio':>7} {'target':>7}  ok")
    for name, fig, target in rows:
        base, ours = fig["baseline"], fig["ours"]
        ratio = ours / base if base else float("inf")
        ok = "yes" if target is None or ratio <= target else "NO"
        shown = f"≤{target:.1f}x" if target else ""
        print(f"{name:<22} {base:>11.3f} {ours:>9.3f} {ratio:>6.2f}x {shown:>7}  {ok}")
        _record(name, base, ours, shown, ok == "yes")


def report_limits(rows: list[tuple[str, float, float, float | None, str]]) -> None:
    """Cases with an absolute limit: (name, baseline, ours, limit, unit) with unit "s" or "MB".

    Prints the baseline, ours, their ratio, the limit on ours and whether ours keeps it.
    """
    print(f"{'case':<34} {'baseline':>10} {'ours':>10} {'ratio':>8} {'limit':>9}  ok")
    for name, base, ours, limit, unit in rows:
        ratio = ours / base if base else float("inf")
        ok = limit is None or ours < limit

        def fmt(v: float, unit: str = unit) -> str:
            return f"{v * 1000:.1f} ms" if unit == "s" else f"{v:.0f} MB"

        lim = "" if limit is None else "<" + (f"{limit * 1000:.0f} ms" if unit == "s" else f"{limit:.0f} MB")
        print(f"{name:<34} {fmt(base):>10} {fmt(ours):>10} {ratio:>7.2f}x {lim:>9}  {'yes' if ok else 'NO'}")
        _record(name, base, ours, lim, ok, unit)
