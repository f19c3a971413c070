"""`loa bench`: run every benchmark module (`loa/bench/*_bench.py`, each `run() -> dict`) in its own
process, side by side in one session, and write the results to docs/BENCHMARKS.md."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent.parent
REPORT = ROOT / "docs" / "BENCHMARKS.md"
RESULTS = ROOT / "bench-results"


def register(subparsers: Any) -> None:
    bench = subparsers.add_parser("bench", help="chạy các phép đo hiệu năng và ghi docs/BENCHMARKS.md")
    bench.add_argument("names", nargs="*", help="chỉ chạy các phép đo này (ví dụ: topic plans)")
    bench.add_argument("--timeout", type=int, default=1800, help="giới hạn giây cho mỗi phép đo")
    bench.set_defaults(handler=_bench)


def discover() -> list[str]:
    return sorted(p.stem.removesuffix("_bench") for p in BENCH_DIR.glob("*_bench.py"))


def run_one(name: str, timeout: int) -> dict[str, Any]:
    code = (
        "import json, resource, sys, time\n"
        f"import loa.bench.{name}_bench as m\n"
        "t = time.perf_counter(); r = m.run(); r.setdefault('wall_seconds', round(time.perf_counter() - t, 2))\n"
        "r.setdefault('peak_rss_mb', round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1))\n"
        "sys.stdout.write('\\n@@RESULT@@' + json.dumps(r, ensure_ascii=False, default=str))\n"
    )
    started = time.perf_counter()
    try:
        proc = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            timeout=timeout,
            cwd=ROOT,
            env=os.environ,
        )
    except subprocess.TimeoutExpired:
        return {"error": f"timed out after {timeout} s"}
    if "@@RESULT@@" not in proc.stdout:
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-5:]
        return {"error": " | ".join(tail), "wall_seconds": round(time.perf_counter() - started, 1)}
    result: dict[str, Any] = json.loads(proc.stdout.rsplit("@@RESULT@@", 1)[1])
    return result


def _fmt(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:,.4g}" if abs(value) < 1e5 else f"{value:,.0f}"
    if isinstance(value, dict | list):
        return "`" + json.dumps(value, ensure_ascii=False, default=str)[:300] + "`"
    return str(value)


def render(results: dict[str, dict[str, Any]]) -> str:
    lines = [
        "# Benchmarks",
        "",
        f"Measured by `make bench` on {platform.platform()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}; each section says when it ran (`loa bench NAME` re-runs one). Each "
        "benchmark runs in its own process, one after the other in one session; numbers are medians of "
        "repeated runs where the benchmark repeats, and comparisons are measured side by side in the same "
        "process. This machine is shared and noisy: read ratios rather than absolute times.",
        "",
    ]
    for name, result in results.items():
        lines += [f"## {name}", "", "| measure | value |", "|---|---|"]
        lines += [f"| {key} | {_fmt(value)} |" for key, value in result.items()]
        lines.append("")
    return "\n".join(lines)


def sections(report: str) -> dict[str, str]:
    """The sections of a rendered report by benchmark name, as text (heading included)."""
    found: dict[str, str] = {}
    for part in report.split("\n## ")[1:]:
        name = part.split("\n", 1)[0].strip()
        found[name] = "## " + part.rstrip("\n") + "\n"
    return found


def merge(report: str, fresh: dict[str, dict[str, Any]]) -> str:
    """The report with the sections of `fresh` replaced or added, the other sections kept as they were
    (a partial run must not wipe the numbers of the benchmarks it did not run)."""
    kept = {name: text for name, text in sections(report).items() if name not in fresh}
    rendered = render(fresh)
    merged = {**kept, **sections(rendered)}
    header = rendered.split("\n## ", 1)[0].rstrip("\n")
    return header + "\n\n" + "\n".join(merged[name] for name in sorted(merged))


def _bench(args: argparse.Namespace) -> int:
    names = args.names or discover()
    unknown = sorted(set(names) - set(discover()))
    if unknown:
        print(f"loa: không có phép đo: {', '.join(unknown)} (có: {', '.join(discover())})", file=sys.stderr)
        return 2
    RESULTS.mkdir(exist_ok=True)
    results: dict[str, dict[str, Any]] = {}
    for name in names:
        print(f"loa bench: {name} …", file=sys.stderr, flush=True)
        results[name] = {**run_one(name, args.timeout), "measured_at": f"{dt.datetime.now():%Y-%m-%d %H:%M}"}
        print(
            f"loa bench: {name}: {json.dumps(results[name], ensure_ascii=False, default=str)[:400]}",
            file=sys.stderr,
        )
    (RESULTS / "last.json").write_text(json.dumps(results, ensure_ascii=False, indent=1, default=str))
    REPORT.write_text(merge(REPORT.read_text() if REPORT.exists() else "", results))
    print(f"loa bench: wrote {REPORT.relative_to(ROOT)}", file=sys.stderr)
    return 1 if any("error" in r for r in results.values()) else 0
