"""A story at a glance in HTML: its summary, each sentence with numbered citations that open
the cited sentence of each article, highlighted, and a flag when outlets disagree."""

from __future__ import annotations

from typing import Any

from akhbar.render import labels
from akhbar.render.dates import format_date
from akhbar.render.html_compare import outlet_of
from akhbar.render.html_parts import anchor, auto, esc, label, ltr_id

_Item = dict[str, Any]


def summary_html(story: _Item, articles: dict[str, _Item]) -> str:
    """The summary as a paragraph of sentences with their citations, then the cited
    sentences (each a target of its citation), then how many contradictions there are."""
    sentences = story["summary"]
    if not sentences:
        return ""
    numbers: dict[tuple[str, int], int] = {}
    cited: list[tuple[int, _Item]] = []
    parts = []
    for item in sentences:
        marks = []
        for evidence in item["evidence"]:
            key = (evidence["article"], evidence["start"])
            if key not in numbers:
                numbers[key] = len(numbers) + 1
                cited.append((numbers[key], evidence))
            target = _target(story["id"], numbers[key])
            marks.append(f'<a class="cite" href="#{target}">[{numbers[key]}]</a>')
        when = (
            f' <small class="date"><bdi>{esc(format_date(item["date"], "day", None))}</bdi></small>'
            if item.get("date")
            else ""
        )
        parts.append(f"{auto(item['text'], 'span')}{when} <sup>{''.join(marks)}</sup>")
    sources = "".join(_cited(story["id"], number, e, articles) for number, e in cited)
    return (
        f'<div class="glance"><p class="summary" dir="rtl">{" ".join(parts)}</p>'
        f'<details class="citations"><summary>{label(labels.CITATIONS)} ({len(cited)})</summary>'
        f"<ol>{sources}</ol></details>{_flag(story)}</div>"
    )


def _target(story_id: str, number: int) -> str:
    return anchor(f"cite-{number}-", story_id)


def _cited(story_id: str, number: int, evidence: _Item, articles: dict[str, _Item]) -> str:
    article = evidence["article"]
    title = (articles.get(article) or {}).get("title") or article
    return (
        f'<li value="{number}" id="{_target(story_id, number)}"><mark dir="auto">'
        f"{esc(evidence['text'])}</mark><br><small>{auto(outlet_of(article, articles))} — "
        f'<a href="#{anchor("article-", article)}">{auto(title)}</a> '
        f"{ltr_id(article)}</small></li>"
    )


def _flag(story: _Item) -> str:
    """A line telling how many contradictions the story holds, linking to them."""
    disagree = [c for c in story["contradictions"] if c["kind"] != "update"]
    if not disagree:
        return ""
    target = anchor("story-contradictions-", story["id"])
    return (
        f'<p class="flag"><a href="#{target}">⚠ {label(labels.CONTRADICTIONS_FLAG)}: '
        f"{len(disagree)}</a></p>"
    )
