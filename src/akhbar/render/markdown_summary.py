"""A story at a glance in Markdown: the summary with numbered citations, then the cited
sentences by number, then how many contradictions the story holds."""

from __future__ import annotations

from typing import Any

from akhbar.render import labels
from akhbar.render.dates import format_date
from akhbar.render.labels import bilingual
from akhbar.render.markdown_text import escape_inline
from akhbar.render.story_view import article_names, numbered_citations, outlet_of

_Item = dict[str, Any]


def summary_md(story: _Item, articles: dict[str, _Item]) -> str:
    """The summary paragraph ("... [1][2]"), then "[1] «sentence» — outlet — title (id)"."""
    citations = numbered_citations(story["summary"])
    parts = []
    for item, cites in citations.sentences:
        marks = "".join(f"\\[{number}\\]" for number, _ in cites)
        when = f" ({format_date(item['date'], 'day', None)})" if item.get("date") else ""
        parts.append(f"{escape_inline(item['text'])}{escape_inline(when)} {marks}")
    if not parts:
        return ""
    lines = [" ".join(parts), "", f"**{bilingual(labels.CITATIONS)}**", ""]
    names = article_names(articles)
    for number, evidence in citations.cited:
        article = evidence["article"]
        lines.append(
            f"{number}. «{escape_inline(evidence['text'])}» — "
            f"{escape_inline(names.get(article, outlet_of(article, articles)))}"
            f" ({escape_inline(article)})"
        )
    disagree = [c for c in story["contradictions"] if c["kind"] != "update"]
    if disagree:
        lines += ["", f"⚠ {bilingual(labels.CONTRADICTIONS_FLAG)}: {len(disagree)}"]
    return "\n".join(lines)
