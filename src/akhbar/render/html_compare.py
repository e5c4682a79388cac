"""The comparison sections of a story in HTML: who carries which claim (an outlet × claim
matrix), contradictions with each side's sentences side by side, and unique facts per outlet."""

from __future__ import annotations

from typing import Any

from akhbar.render import labels
from akhbar.render.html_parts import (
    article_names,
    article_refs,
    auto,
    esc,
    label,
    ltr_id,
)

_Item = dict[str, Any]

# The matrix shows the claims most outlets carry first; the full list follows it.
MATRIX_ROWS = 30
# A claim's wording in a matrix row is cut here (the full text is in the list below).
_ROW_CHARS = 90


def outlet_of(article: str, articles: dict[str, _Item]) -> str:
    """The outlet of an article, or the article id when it names none."""
    found = articles.get(article, {}).get("outlet")
    return found or article


def short_text(text: str) -> str:
    """A claim's wording cut at a word for a matrix row."""
    return text if len(text) <= _ROW_CHARS else text[:_ROW_CHARS].rsplit(" ", 1)[0] + "…"


def claim_matrix(claims: list[_Item], articles: dict[str, _Item]) -> str:
    """A table: one row per claim, one column per outlet; ● carries it, ◐ carries a copy of
    another article's text (not independent)."""
    if not claims:
        return ""
    outlets = sorted({outlet_of(a, articles) for claim in claims for a in claim["articles"]})
    rows = sorted(
        claims,
        key=lambda c: (-len({outlet_of(a, articles) for a in c["articles"]}), c["id"]),
    )[:MATRIX_ROWS]
    head = "".join(f'<th scope="col">{auto(name)}</th>' for name in outlets)
    body = "".join(_matrix_row(claim, outlets, articles) for claim in rows)
    more = len(claims) - len(rows)
    note = f"<p><small>+{more}</small></p>" if more > 0 else ""
    return (
        f'<div class="table-wrap"><table class="matrix"><caption>{label(labels.MATRIX)}'
        f'</caption><thead><tr><th scope="col">{label(labels.MATRIX_CLAIM)}</th>{head}</tr>'
        f"</thead><tbody>{body}</tbody></table></div>{note}"
    )


def _matrix_row(claim: _Item, outlets: list[str], articles: dict[str, _Item]) -> str:
    copies = set(claim.get("copies") or [])
    marks: dict[str, str] = {}
    for article in claim["articles"]:
        outlet = outlet_of(article, articles)
        mark = "◐" if article in copies else "●"
        if marks.get(outlet) != "●":
            marks[outlet] = mark
    short = short_text(claim["text"])
    status = claim["status"]
    cells = "".join(
        f'<td class="mark" title="{esc(labels.MATRIX_MARKS.get(marks.get(name, ""), ""))}">'
        f"{marks.get(name, '')}</td>"
        for name in outlets
    )
    return (
        f'<tr><th scope="row"><span class="status status-{esc(status)}">'
        f"{esc(labels.CLAIM_STATUS[status].arabic)}</span> {auto(short)}</th>{cells}</tr>"
    )


def contradiction_html(item: _Item, articles: dict[str, _Item]) -> str:
    """One contradiction: its kind and what it is about, then each side in a column with
    its value, outlets and the sentences that give it."""
    kind = labels.CONTRADICTION_KINDS.get(item["kind"], labels.Label(item["kind"], item["kind"]))
    sides = "".join(_side(value, item["kind"], articles) for value in item["values"])
    return (
        f'<li class="contradiction kind-{esc(item["kind"])}"><strong>{label(kind)}</strong>: '
        f'{auto(item["about"])}<div class="sides">{sides}</div></li>'
    )


def _side(value: _Item, kind: str, articles: dict[str, _Item]) -> str:
    shown = value["value"]
    if kind == "account":
        shown = labels.RESPONSES.get(shown, labels.Label(shown, shown)).arabic
    outlets = labels.LIST_SEPARATOR.join(
        auto(name) for name in dict.fromkeys(outlet_of(a, articles) for a in value["articles"])
    )
    when = (
        f' <small><bdi dir="ltr">{esc(value["published"])}</bdi></small>'
        if value.get("published")
        else ""
    )
    quotes = "".join(
        f'<blockquote dir="auto">{esc(e["text"])} <small>{ltr_id(e["article"])}</small>'
        "</blockquote>"
        for e in value["evidence"]
    )
    return (
        f'<div class="side"><p><q dir="auto">{esc(shown)}</q>{when} — {outlets}</p>'
        f"<p><small>{article_refs(value['articles'], article_names(articles))}</small></p>"
        f"{quotes}</div>"
    )


def unique_fact_html(item: _Item, names: dict[str, str]) -> str:
    where = article_refs([item["evidence"]["article"]], names)
    return (
        f"<li><strong>{auto(item['outlet'])}</strong> · {auto(item['about'])}: "
        f'<q dir="auto">{esc(item["text"])}</q> <small>{where}</small></li>'
    )
