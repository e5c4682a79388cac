"""One story of the HTML report: every section, each with its items or "none yet"."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from akhbar.render import labels
from akhbar.render.html_parts import (
    anchor,
    article_refs,
    auto,
    esc,
    evidence,
    field,
    label,
    ltr_id,
    none_yet,
    texts,
)
from akhbar.render.html_provenance import provenance_html
from akhbar.render.html_timeline import timeline_html

_Item = dict[str, Any]


def story_html(story: _Item, main_of: dict[str, list[str]]) -> str:
    """An ``<article>`` for one story: title, its articles, then every section in order.

    ``main_of`` maps an event id to the articles whose main event it is.
    """
    sections = "".join(
        _section(story["id"], key, section_label, story[key], main_of)
        if key != "attributions"
        else _section(story["id"], key, section_label, story[key], main_of, provenance_html(story))
        for key, section_label in labels.STORY_SECTIONS
    )
    return (
        f'<article class="story" id="{anchor("story-", story["id"])}">'
        f"<h3>{auto(story['title'])} <small>{ltr_id(story['id'])}</small></h3>"
        f"<p>{field('articles', article_refs(story['articles']))}</p>"
        f"{sections}</article>"
    )


def _section(
    story_id: str,
    key: str,
    section_label: labels.Label,
    items: list[_Item],
    main_of: dict[str, list[str]],
    drawing: str = "",
) -> str:
    if not items:
        body = none_yet()
    elif key == "events":
        body = timeline_html(items, main_of)
    else:
        body = f'<ul class="{key}">' + "".join(_ITEMS[key](item) for item in items) + "</ul>"
    section_id = anchor(f"story-{key}-", story_id)
    return f'<section id="{section_id}"><h4>{label(section_label)}</h4>{drawing}{body}</section>'


def _summary(item: _Item) -> str:
    return f"<li>{auto(item['text'], 'span')} <small>[{article_refs(item['sources'])}]</small></li>"


def _entity(item: _Item) -> str:
    return (
        f"<li><strong>{auto(item['name'])}</strong> <small>({auto(item['type'])}"
        f"{labels.LIST_SEPARATOR}{ltr_id(item['id'])})</small><br>"
        f"{field('aliases', texts(item['aliases']))}<br>"
        f"{field('titles', texts(item['titles']))}<br>"
        f"{field('articles', article_refs(item['articles']))}</li>"
    )


def _quote(item: _Item) -> str:
    return (
        f'<li><strong>{auto(item["speaker"])}</strong>: <q dir="auto">{esc(item["text"])}</q>'
        f" <small>[{article_refs([item['article']])}]</small><br>"
        f"{field('via', texts(item['via']))}</li>"
    )


def _attribution(item: _Item) -> str:
    chain = labels.CHAIN_ARROW.join(auto(step) for step in item["chain"]) or "—"
    return (
        f"<li>{article_refs([item['article']])}: <strong>{auto(item['source'])}</strong><br>"
        f"{field('chain', chain)}</li>"
    )


def _claim(item: _Item) -> str:
    status = item["status"]
    return (
        f'<li>{auto(item["text"], "span")} — <span class="status status-{esc(status)}">'
        f"{label(labels.CLAIM_STATUS[status])}</span> <small>{ltr_id(item['id'])}</small><br>"
        f"{field('articles', article_refs(item['articles']))}</li>"
    )


def _contradiction(item: _Item) -> str:
    values = "".join(
        f'<li><q dir="auto">{esc(value["value"])}</q> — {article_refs(value["articles"])}'
        f"{evidence(value['evidence'])}</li>"
        for value in item["values"]
    )
    return (
        f"<li><strong>{auto(item['about'])}</strong> <small>({auto(item['kind'])})</small>"
        f"<ul>{values}</ul></li>"
    )


_ITEMS: dict[str, Callable[[_Item], str]] = {
    "summary": _summary,
    "entities": _entity,
    "quotes": _quote,
    "attributions": _attribution,
    "claims": _claim,
    "contradictions": _contradiction,
}
