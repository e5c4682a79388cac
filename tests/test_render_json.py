"""render_json and the render() dispatcher."""

from __future__ import annotations

import json
import runpy
from pathlib import Path

import pytest

from akhbar.errors import ConfigError
from akhbar.render import FORMATS, render, render_html, render_json, render_markdown
from akhbar.render.document import report_to_dict

FIXTURE = runpy.run_path(str(Path(__file__).parent / "data" / "render" / "sample_report.py"))


def test_json_is_utf8_text_indented_with_trailing_newline() -> None:
    report = FIXTURE["sample_report"]()
    text = render_json(report)
    assert text.endswith("}\n")
    assert text.startswith('{\n  "schema": "akhbar.report/1",\n  "generated_by": {\n')
    assert '"title": "بوتين والشرع"' in text  # Arabic as is, not \\u escapes
    assert "\\u06" not in text
    assert json.loads(text) == report_to_dict(report)


def test_dispatcher_picks_each_renderer() -> None:
    report = FIXTURE["sample_report"]()
    assert FORMATS == ("json", "md", "html")
    assert render(report, "json") == render_json(report)
    assert render(report, "md") == render_markdown(report)
    assert render(report, "html") == render_html(report)


@pytest.mark.parametrize("fmt", ["pdf", "HTML", "markdown", ""])
def test_dispatcher_rejects_unknown_formats(fmt: str) -> None:
    with pytest.raises(ConfigError) as caught:
        render(FIXTURE["sample_report"](), fmt)
    assert str(caught.value) == (
        f"unknown report format {fmt!r}: choose one of json, md, html (for example --format html)"
    )
