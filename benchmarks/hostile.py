"""Hostile inputs: time and peak memory of ``akhbar analyze`` on text that used to blow up.

    python benchmarks/hostile.py [--baseline aaad24a] [--sizes 100000 1000000 10000000]
                                 [--tiny 10000] [--limit 600]

Each input is analysed by ``akhbar analyze FILE -f json`` in a fresh process (peak resident
memory from the kernel, the report written to a temporary file), by this checkout and by the
``--baseline`` commit (checked out with ``git worktree``, run with this venv's packages), each
given ``--limit`` seconds. The inputs:

- ``unpunctuated``: one line of Arabic words with no punctuation at all, of each ``--sizes``
  bytes, opening with a quotation ("قال بيسكوف "...) so that quote finding has work to do;
- ``tiny``: a JSONL file of ``--tiny`` articles of a dozen words each.

Issue 13 asks for peak memory under 1 GB on each.
"""

from __future__ import annotations

import argparse
import itertools
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The commit before issue 13's first commit.
BASELINE = "aaad24a"
# Seed 002's words without punctuation, shared with tests/test_bounded_output.py.
WORDS = [
    word
    for line in (ROOT / "tests" / "data" / "large" / "unpunctuated_words.txt")
    .read_text(encoding="utf-8")
    .splitlines()
    if not line.startswith("#")
    for word in line.split()
]


def unpunctuated(size: int) -> str:
    words = itertools.cycle(WORDS)
    parts, length = ['قال بيسكوف "'], 0
    while length < size:
        word = next(words)
        parts.append(word)
        length += len(word.encode()) + 1
    return " ".join(parts) + '"'


def tiny_articles(count: int) -> str:
    return "".join(
        json.dumps(
            {"id": f"t{n}", "date": "2025-02-12", "text": " ".join(WORDS[n % 7 : n % 7 + 12])},
            ensure_ascii=False,
        )
        + "\n"
        for n in range(count)
    )


# Runs the CLI in this process and reports its own peak resident memory at exit.
_RUNNER = (
    "import atexit, resource, sys; sys.path.insert(0, {src!r}); "
    "atexit.register(lambda: sys.stderr.write("
    "'\\nPEAK %d\\n' % resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)); "
    "from akhbar.cli import main; main()"
)


def run(code: Path, source: Path, limit: int) -> tuple[str, str]:
    """(seconds, peak MB and report size) of one analysis in a fresh process, or why it did
    not finish."""
    out = source.with_suffix(f".{code.name}.json")
    runner = _RUNNER.format(src=str(code / "src"))
    command = [sys.executable, "-c", runner, "analyze", str(source), "-f", "json", "-o", str(out)]
    start = time.perf_counter()
    try:
        done = subprocess.run(command, capture_output=True, timeout=limit, check=False)
    except subprocess.TimeoutExpired:
        return f">{limit} s", "-"
    seconds = time.perf_counter() - start
    stderr = done.stderr.decode(errors="replace")
    if done.returncode not in (0, 1) or not out.exists():
        lines = [line for line in stderr.strip().splitlines() if not line.startswith("PEAK")]
        return f"failed ({(lines or ['?'])[-1][:50]})", "-"
    peak = int(next(line.split()[1] for line in stderr.splitlines() if line.startswith("PEAK")))
    return f"{seconds:.1f} s", f"{peak / 1024:.0f} MB ({out.stat().st_size / 1e6:.1f} MB report)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default=BASELINE)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000, 10_000_000])
    parser.add_argument("--tiny", type=int, default=10_000)
    parser.add_argument("--limit", type=int, default=600)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        baseline = work / "baseline"
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(baseline), args.baseline],
            check=True,
            capture_output=True,
        )
        try:
            inputs = []
            for size in args.sizes:
                path = work / f"unpunctuated-{size}.txt"
                path.write_text(unpunctuated(size), encoding="utf-8")
                inputs.append((f"unpunctuated {size / 1e6:g} MB", path))
            path = work / "tiny.jsonl"
            path.write_text(tiny_articles(args.tiny), encoding="utf-8")
            inputs.append((f"{args.tiny} tiny articles", path))
            print(f"{'input':28}{'new':>12}  {'peak':30}{'baseline ' + args.baseline:>18}  peak")
            for label, source in inputs:
                new = run(ROOT, source, args.limit)
                old = run(baseline, source, args.limit)
                print(f"{label:28}{new[0]:>12}  {new[1]:30}{old[0]:>18}  {old[1]}", flush=True)
        finally:
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(baseline)],
                check=False,
                capture_output=True,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
