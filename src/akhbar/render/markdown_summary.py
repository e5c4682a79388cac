"""A story at a glance in Markdown: the summary with numbered citations, then the cited
sentences by number, then how many contradictions the story holds."""

from __future__ import annotations

from typing import Any

from akhbar.render import labels
from akhbar.render.dates import format_date
from akhbar.render.html_compare import outlet_of
from akhbar.render.labels import bilingual
from akhbar.render.markdown_text import escape_inline

_Item = dict[str, Any]


def summary_md(story: _Item, articles: dict[str, _Item]) -> str:
    """The summary paragraph ("... [1][2]"), then "[1] «sentence» — outlet, article"."""
    numbers: dict[tuple[str, int], int] = {}
    cited: list[tuple[int, _Item]] = []
    parts = []
    for item in story["summary"]:
        marks = []
        for evidence in item["evidence"]:
            key = (evidence["article"], evidence["start"])
            if key not in numbers:
                numbers[key] = len(numbers) + 1
                cited.append((numbers[key], evidence))
            marks.append(f"\\[{numbers[key]}\\]")
        when = f" ({format_date(item['date'], 'day', None)})" if item.get("date") else ""
        parts.append(f"{escape_inline(item['text'])}{escape_inline(when)} {''.join(marks)}")
    if not parts:
        return ""
    lines = [" ".join(parts), "", f"**{bilingual(labels.CITATIONS)}**", ""]
    for number, evidence in cited:
        article = evidence["article"]
        lines.append(
            f"{number}. «{escape_inline(evidence['text'])}» — "
            f"{escape_inline(outlet_of(article, articles))}, {escape_inline(article)}"
        )
    disagree = [c for c in story["contradictions"] if c["kind"] != "update"]
    if disagree:
        lines += ["", f"⚠ {bilingual(labels.CONTRADICTIONS_FLAG)}: {len(disagree)}"]
    return "\n".join(lines)
