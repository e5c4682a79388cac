"""The static HTML report of two days of ANT in Chromium: its size and time to first paint,
beside the same report written by an earlier commit (``--baseline``).

    python benchmarks/report_page.py [--days FIRST LAST] [--baseline REV] [--runs 3]

Both reports are written from the same articles (``akhbar analyze`` of the ANT articles
published between FIRST and LAST); the baseline's code is checked out with ``git worktree``
and run in a child process, which also times the rendering alone (the report to the page:
Jinja2 templates now, Python string builders up to f6ae92a, the default baseline). Each page
is opened from disk in headless Chromium (Debian's, through Playwright) ``--runs`` times:
first-contentful-paint and the load event, medians.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "ant-multisource.jsonl.gz"
_WRITE = """
import sys, time
from akhbar.pipeline import analyze_inputs
from akhbar.render import render
report = analyze_inputs([sys.argv[1]])
start = time.perf_counter()
page = render(report, "html")
print(round((time.perf_counter() - start) * 1000, 1))
open(sys.argv[2], "w", encoding="utf-8").write(page)
"""


def _timing(page_path: Path, runs: int) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    paints, loads = [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"]
        )
        for _ in range(runs):
            page = browser.new_page()
            page.goto(page_path.as_uri(), wait_until="load")
            paints.append(
                page.evaluate(
                    "performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1"
                )
            )
            loads.append(
                page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
            )
            page.close()
        browser.close()
    return {
        "first_paint_ms": round(statistics.median(paints), 1),
        "load_ms": round(statistics.median(loads), 1),
    }


def _day_file(days: list[str], path: Path) -> int:
    count = 0
    with gzip.open(DATA, "rt", encoding="utf-8") as src, path.open("w", encoding="utf-8") as dst:
        for line in src:
            if days[0] <= (json.loads(line).get("date") or "")[:10] <= days[1]:
                dst.write(line)
                count += 1
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--days", nargs=2, default=["2018-05-07", "2018-05-08"])
    # f6ae92a: the last commit whose report was written by Python string builders.
    parser.add_argument("--baseline", default="f6ae92a")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        day = folder / "day.jsonl"
        count = _day_file(args.days, day)
        worktree = folder / "baseline"
        subprocess.run(
            ["git", "worktree", "add", "--detach", str(worktree), args.baseline],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        try:
            pages = {}
            for name, source in (("now", ROOT / "src"), (args.baseline, worktree / "src")):
                out = folder / f"{name}.html"
                env = {**os.environ, "PYTHONPATH": str(source)}
                written = subprocess.run(
                    [sys.executable, "-c", _WRITE, str(day), str(out)],
                    env=env,
                    check=True,
                    capture_output=True,
                    text=True,
                )
                render_ms = float(written.stdout.split()[-1])
                size = round(out.stat().st_size / 2**20, 2)
                pages[name] = {"mib": size, "render_ms": render_ms, **_timing(out, args.runs)}
        finally:
            subprocess.run(
                ["git", "worktree", "remove", "--force", str(worktree)], cwd=ROOT, check=False
            )
    print(json.dumps({"days": args.days, "articles": count, "pages": pages}, indent=2))


if __name__ == "__main__":
    main()
