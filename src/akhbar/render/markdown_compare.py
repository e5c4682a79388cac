"""The comparison sections of a story in Markdown: the outlet × claim matrix, contradictions
with each side's sentences, and unique facts per outlet."""

from __future__ import annotations

from typing import Any

from akhbar.render import labels
from akhbar.render.labels import bilingual
from akhbar.render.markdown_text import escape_inline
from akhbar.render.story_view import claim_matrix, outlet_of, short_text

_Item = dict[str, Any]


def claim_matrix_md(claims: list[_Item], articles: dict[str, _Item]) -> str:
    """One row per claim (most outlets first), one column per outlet: ● carries it, ◐ a
    copy of another article's text."""
    matrix = claim_matrix(claims, articles)
    cells = [escape_inline(name) for name in matrix.outlets]
    lines = [
        f"| {bilingual(labels.MATRIX_CLAIM)} | " + " | ".join(cells) + " |",
        "|---|" + "---|" * len(matrix.outlets),
    ]
    for claim, marks in matrix.rows:
        status = labels.CLAIM_STATUS[claim["status"]].english
        label = f"{escape_inline(short_text(claim['text']))} ({status})"
        row = [label] + [marks.get(o, "") for o in matrix.outlets]
        lines.append("| " + " | ".join(row) + " |")
    legend = "; ".join(f"{mark} {meaning}" for mark, meaning in labels.MATRIX_MARKS.items())
    return "\n".join(lines) + f"\n\n{escape_inline(legend)}"


def contradiction_md(item: _Item, articles: dict[str, _Item]) -> str:
    kind = labels.CONTRADICTION_KINDS.get(item["kind"], labels.Label(item["kind"], item["kind"]))
    lines = [f"- **{bilingual(kind)}**: {escape_inline(item['about'])}"]
    for value in item["values"]:
        shown = value["value"]
        if item["kind"] == "account":
            shown = bilingual(labels.RESPONSES.get(shown, labels.Label(shown, shown)))
        outlets = "، ".join(
            escape_inline(o)
            for o in dict.fromkeys(outlet_of(a, articles) for a in value["articles"])
        )
        when = f" ({value['published']})" if value.get("published") else ""
        lines.append(f"  - «{escape_inline(shown)}»{when} — {outlets}")
        lines.extend(
            f"    > {escape_inline(e['text'])} — {escape_inline(e['article'])}"
            for e in value["evidence"]
        )
    return "\n".join(lines)


def unique_fact_md(item: _Item) -> str:
    return (
        f"- **{escape_inline(item['outlet'])}** · {escape_inline(item['about'])}: "
        f"«{escape_inline(item['text'])}» — {escape_inline(item['evidence']['article'])}"
    )
