"""Shared helpers of the benchmark scripts: timing, machine description, the ratio table."""

from __future__ import annotations

import os
import platform
import statistics
import time
from collections.abc import Callable
from typing import Any


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
        print(f"{name:<22} {base:>11.3f} {ours:>9.3f} {ratio:>6.2f}x {('≤%.1fx' % target) if target else '':>7}  {ok}")
