"""The report as JSON text (``akhbar.report/1``)."""

from __future__ import annotations

import json

from akhbar.model import Report
from akhbar.render.document import report_to_dict


def render_json(report: Report) -> str:
    """Return the report as UTF-8 JSON text: Arabic kept as is, indent 2, trailing newline."""
    return json.dumps(report_to_dict(report), ensure_ascii=False, indent=2) + "\n"
