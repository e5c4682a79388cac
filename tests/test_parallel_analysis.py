"""``akhbar analyze --jobs N`` and ``--scheduler local`` write the single-process report.

37 real articles (the five seeds and the ANT slices under tests/data), so the work spreads
over three batches and both workers take some.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from akhbar.cli import app
from akhbar.pipeline import ANALYZE_BATCH

ROOT = Path(__file__).resolve().parents[1]
INPUTS = [
    str(ROOT / "examples" / "seeds"),
    str(ROOT / "tests" / "data" / "store" / "ant_sample.jsonl"),
    str(ROOT / "tests" / "data" / "dedup" / "ant_duplicates.jsonl"),
    str(ROOT / "tests" / "data" / "corpus" / "ant_unrelated.jsonl"),
]


def _report(*options: str) -> dict:
    result = CliRunner().invoke(app, ["analyze", *INPUTS, "-f", "json", *options])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def single() -> dict:
    report = _report("--jobs", "1")
    assert len(report["articles"]) > 2 * ANALYZE_BATCH
    return report


def test_two_processes_write_the_single_process_report(single: dict) -> None:
    assert _report("--jobs", "2") == single


def test_a_local_dask_cluster_writes_the_single_process_report(single: dict) -> None:
    pytest.importorskip("dask.distributed")
    assert _report("--scheduler", "local") == single


def test_jobs_below_one_is_a_usage_error() -> None:
    result = CliRunner().invoke(app, ["analyze", INPUTS[0], "--jobs", "0"])
    assert result.exit_code == 2
    assert "--jobs" in result.output
