"""One story of the HTML report: every section, each with its items or "none yet"."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from akhbar.render import labels
from akhbar.render.html_compare import claim_matrix, contradiction_html, unique_fact_html
from akhbar.render.html_parts import (
    anchor,
    article_names,
    article_refs,
    auto,
    esc,
    field,
    label,
    ltr_id,
    texts,
)
from akhbar.render.html_provenance import provenance_html
from akhbar.render.html_summary import summary_html
from akhbar.render.html_timeline import timeline_html
from akhbar.render.timeline import ARTICLE_FORMS, count_text, thread_days

_Item = dict[str, Any]


# Up to this many articles the story's list is open; a longer one starts folded.
_OPEN_ARTICLES = 8


def story_html(
    story: _Item,
    main_of: dict[str, list[str]],
    articles: dict[str, _Item] | None = None,
    *,
    collapsed: bool = False,
) -> str:
    """An ``<article>`` for one story: title, its articles, then every section that has
    something to show, in order (an empty one is left out).

    ``main_of`` maps an event id to the articles whose main event it is; ``articles``
    (id -> article) lets the story list each article by outlet and title; ``collapsed``
    folds all but the title and summary under a ``<details>`` (a long report's stories).
    """
    articles = articles or {}
    drawings = {
        "summary": summary_html(story, articles),
        "attributions": provenance_html(story),
        "claims": claim_matrix(story["claims"], articles),
    }
    sections = [
        _section(story["id"], key, section_label, story[key], main_of, articles, drawings)
        for key, section_label in labels.STORY_SECTIONS
        if story[key]
    ]
    listing = _story_articles(story["articles"], articles, story.get("threads") or [])
    head = f"<h3>{auto(story['title'])} <small>{ltr_id(story['id'])}</small></h3>"
    if collapsed:
        lead = sections[0] if story["summary"] else ""
        rest = "".join(sections[1:] if story["summary"] else sections)
        body = (
            f'{lead}<details class="story-detail"><summary>{label(labels.STORY_DETAIL)}'
            f"</summary>{listing}{rest}</details>"
        )
    else:
        body = listing + "".join(sections)
    story_id = anchor("story-", story["id"])
    return f'<article class="story" id="{story_id}">{head}{body}</article>'


def _story_articles(
    ids: list[str], articles: dict[str, _Item], threads: list[_Item] | None = None
) -> str:
    """The story's articles as "outlet — title (date)" links, with a count per outlet;
    grouped under their threads (date range, headline) when the story has several."""
    if not ids or not all(value in articles for value in ids):
        return f"<p>{field('articles', article_refs(ids))}</p>"
    outlets: dict[str, int] = {}
    for value in ids:
        name = articles[value]["outlet"] or "—"
        outlets[name] = outlets.get(name, 0) + 1
    per_outlet = labels.LIST_SEPARATOR.join(
        f"{auto(name)} {count}" for name, count in sorted(outlets.items())
    )
    if threads and len(threads) > 1:
        items = "".join(_thread(thread, articles) for thread in threads)
    else:
        items = "".join(_story_article(value, articles[value]) for value in ids)
    state = " open" if len(ids) <= _OPEN_ARTICLES else ""
    summary = f"{esc(count_text(len(ids), ARTICLE_FORMS))} · {per_outlet}"
    return (
        f'<details class="story-articles"{state}><summary>{label(labels.STORY_ARTICLES)}: '
        f"{summary}</summary><ol>{items}</ol></details>"
    )


def _thread(thread: _Item, articles: dict[str, _Item]) -> str:
    """One thread: its days and headline, then its articles."""
    days = thread_days(thread)
    when = f'<bdi dir="ltr">{esc(days)}</bdi> · ' if days else ""
    headline = auto(thread["title"]) if thread["title"] else ltr_id(thread["id"])
    count = esc(count_text(len(thread["articles"]), ARTICLE_FORMS))
    items = "".join(_story_article(value, articles[value]) for value in thread["articles"])
    return (
        f'<li class="thread"><b>{when}{headline}</b> <small>({count})</small><ol>{items}</ol></li>'
    )


def _story_article(value: str, article: _Item) -> str:
    outlet = auto(article["outlet"]) if article["outlet"] else "—"
    title = auto(article["title"]) if article["title"] else ltr_id(value)
    day = article["published"][:10] if article.get("published") else ""
    when = f' <small><bdi dir="ltr">{esc(day)}</bdi></small>' if day else ""
    return (
        f'<li><a href="#{anchor("article-", value)}" title="{esc(value)}">{outlet} — {title}</a>'
        f"{when}</li>"
    )


def _section(
    story_id: str,
    key: str,
    section_label: labels.Label,
    items: list[_Item],
    main_of: dict[str, list[str]],
    articles: dict[str, _Item],
    drawings: dict[str, str],
) -> str:
    if key == "events":
        body = timeline_html(items, main_of)
    elif key == "summary":
        body = drawings[key]  # the story at a glance: see html_summary
    elif key == "contradictions":
        body = (
            '<ul class="contradictions">'
            + "".join(contradiction_html(item, articles) for item in items)
            + "</ul>"
        )
    else:
        names = article_names(articles)
        body = f'<ul class="{key}">' + "".join(_ITEMS[key](item, names) for item in items) + "</ul>"
    section_id = anchor(f"story-{key}-", story_id)
    drawing = drawings.get(key, "") if key != "summary" else ""  # drawn above its list
    return f'<section id="{section_id}"><h4>{label(section_label)}</h4>{drawing}{body}</section>'


def _entity(item: _Item, names: dict[str, str]) -> str:
    return (
        f"<li><strong>{auto(item['name'])}</strong> <small>({auto(item['type'])}"
        f"{labels.LIST_SEPARATOR}{ltr_id(item['id'])})</small><br>"
        f"{field('aliases', texts(item['aliases']))}<br>"
        f"{field('titles', texts(item['titles']))}<br>"
        f"{field('articles', article_refs(item['articles'], names))}</li>"
    )


def _quote(item: _Item, names: dict[str, str]) -> str:
    return (
        f'<li><strong>{auto(item["speaker"])}</strong>: <q dir="auto">{esc(item["text"])}</q>'
        f" <small>[{article_refs([item['article']], names)}]</small><br>"
        f"{field('via', texts(item['via']))}</li>"
    )


def _attribution(item: _Item, names: dict[str, str]) -> str:
    chain = labels.CHAIN_ARROW.join(auto(step) for step in item["chain"]) or "—"
    return (
        f"<li>{article_refs([item['article']], names)}: <strong>{auto(item['source'])}</strong><br>"
        f"{field('chain', chain)}</li>"
    )


def _claim(item: _Item, names: dict[str, str]) -> str:
    status = item["status"]
    return (
        f'<li>{auto(item["text"], "span")} — <span class="status status-{esc(status)}">'
        f"{label(labels.CLAIM_STATUS[status])}</span> <small>{ltr_id(item['id'])}</small><br>"
        f"{field('articles', article_refs(item['articles'], names))}</li>"
    )


_ITEMS: dict[str, Callable[[_Item, dict[str, str]], str]] = {
    "entities": _entity,
    "quotes": _quote,
    "attributions": _attribution,
    "claims": _claim,
    "unique_facts": unique_fact_html,
}
