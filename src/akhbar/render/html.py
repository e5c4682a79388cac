"""The report as one self-contained HTML page: Arabic, right-to-left, readable offline.

No scripts and no external assets: CSS is inline and collapsible parts use ``<details>``.
All article-derived text is escaped by the builders in ``html_parts``.
"""

from __future__ import annotations

from typing import Any

from akhbar.model import Report
from akhbar.render import labels
from akhbar.render.document import report_to_dict
from akhbar.render.html_parts import (
    anchor,
    auto,
    esc,
    evidence_items,
    field,
    label,
    ltr_id,
    none_yet,
    url_html,
)
from akhbar.render.html_story import story_html
from akhbar.render.html_style import STYLESHEET
from akhbar.render.timeline import main_event_articles

_Item = dict[str, Any]


def render_html(report: Report) -> str:
    """Return the report as a complete HTML document (``<html lang="ar" dir="rtl">``)."""
    doc = report_to_dict(report)
    by_id = {article["id"]: article for article in doc["articles"]}
    ranked = ranked_stories(doc["stories"], by_id)
    # One story is shown open; several are listed in an index, each folded below it.
    collapsed = len(ranked) > 1
    stories = (_index(ranked, by_id) if collapsed else "") + "".join(
        story_html(
            story, main_event_articles(doc["articles"], story["id"]), by_id, collapsed=collapsed
        )
        for story in ranked
    ) or none_yet()
    title = f"{labels.TITLE.arabic} ({labels.TITLE.english})"
    return (
        '<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="{esc(doc["generated_by"]["name"])} '
        f'{esc(doc["generated_by"]["version"])}">\n'
        f"<title>{esc(title)}</title>\n<style>{STYLESHEET}</style>\n</head>\n<body>\n<main>\n"
        f"<header><h1>{label(labels.TITLE)}</h1>{_intro(doc)}</header>\n"
        f'<section id="stories"><h2>{label(labels.STORIES)}</h2>{stories}</section>\n'
        f'<section id="articles"><h2>{label(labels.ARTICLES)}</h2>'
        f"{_articles_table(doc['articles'])}</section>\n"
        f"{_optional('boilerplate', labels.BOILERPLATE, _boilerplate(doc['articles']))}"
        f"{_optional('skipped', labels.SKIPPED, _skipped(doc['skipped']))}"
        "</main>\n</body>\n</html>\n"
    )


def ranked_stories(stories: list[_Item], articles: dict[str, _Item]) -> list[_Item]:
    """Stories by the outlets covering them (most first), then the newest, then id."""

    def rank(story: _Item) -> tuple[int, str, str]:
        members = [articles.get(a, {}) for a in story["articles"]]
        outlets = {m.get("outlet") or a for m, a in zip(members, story["articles"], strict=True)}
        days = [m["published"][:10] for m in members if m.get("published")]
        newest = max(days, default="")
        # Newest first: compare the day's digits inverted.
        inverted = newest.translate(str.maketrans("0123456789", "9876543210"))
        return (-len(outlets), inverted, story["id"])

    return sorted(stories, key=rank)


def _index(stories: list[_Item], articles: dict[str, _Item]) -> str:
    """A list of the stories, each a link to it, with its outlets, articles and flags."""
    items = []
    for story in stories:
        outlets = {articles.get(a, {}).get("outlet") or "—" for a in story["articles"]}
        disputed = sum(c["kind"] != "update" for c in story["contradictions"])
        flag = f' <span class="flag">⚠ {disputed}</span>' if disputed else ""
        items.append(
            f'<li><a href="#{anchor("story-", story["id"])}">{auto(story["title"])}</a> '
            f"<small>{len(outlets)} · {len(story['articles'])}</small>{flag}</li>"
        )
    return (
        f'<nav class="story-index"><h3>{label(labels.STORY_INDEX)}</h3>'
        f"<ol>{''.join(items)}</ol></nav>"
    )


def _optional(key: str, name: labels.Label, body: str) -> str:
    """A section of the report, left out when it has nothing to show."""
    if not body or 'class="none"' in body[:40]:
        return ""
    return f'<section id="{key}"><h2>{label(name)}</h2>{body}</section>\n'


def _intro(doc: _Item) -> str:
    counts = (
        (len(doc["articles"]), labels.ARTICLES),
        (len(doc["stories"]), labels.STORIES),
        (len(doc["skipped"]), labels.SKIPPED),
    )
    parts = " · ".join(f"{label(name)}: {count}" for count, name in counts)
    generator = doc["generated_by"]
    return (
        f'<p class="meta">{parts}<br><bdi dir="ltr">{esc(generator["name"])} '
        f"{esc(generator['version'])} · {esc(doc['schema'])}</bdi></p>"
    )


def _articles_table(articles: list[_Item]) -> str:
    if not articles:
        return none_yet()
    head = "".join(f'<th scope="col">{label(name)}</th>' for _, name in labels.ARTICLE_COLUMNS)
    rows = "".join(_article_row(article) for article in articles)
    return (
        f'<div class="table-wrap"><table><thead><tr>{head}</tr></thead>'
        f"<tbody>{rows}</tbody></table></div>"
    )


def _article_row(article: _Item) -> str:
    cells = {
        "id": ltr_id(article["id"]),
        "outlet": auto(article["outlet"]) if article["outlet"] else "—",
        "title": (auto(article["title"]) if article["title"] else "—")
        + (f" <small>({label(labels.FIELDS['title_only'])})</small>" * article["title_only"])
        + f"<br><small>{field('url', url_html(article['url']))}</small>",
        "published": _published(article),
        "source": f'<bdi dir="auto">{esc(article["source"])}</bdi>',
    }
    # data-label names the column when a phone stacks the cells (see html_style).
    tds = "".join(
        f'<td data-label="{esc(name.arabic)} ({esc(name.english)})">{cells[key]}</td>'
        for key, name in labels.ARTICLE_COLUMNS
    )
    return f'<tr id="{anchor("article-", article["id"])}">{tds}</tr>'


def _published(article: _Item) -> str:
    """The date, where it came from ("مستنتج (inferred)"), and how it was settled, collapsed."""
    date = f'<bdi dir="ltr">{esc(article["published"])}</bdi>' if article["published"] else "—"
    source = label(labels.lookup(labels.PUBLISHED_SOURCES, article["published_source"]))
    notes, spans = article["published_notes"], article["published_evidence"]
    if not (notes or spans):
        return f"{date}<br><small>{source}</small>"
    # The notes are English sentences written by the pipeline (quoting Arabic words): LTR.
    rows = "".join(f'<li dir="ltr" lang="en">{esc(note)}</li>' for note in notes)
    return (
        f'{date}<br><small>{source}</small><details class="settled"><summary>'
        f"{label(labels.DATE_SETTLED)} ({len(notes) + len(spans)})</summary>"
        f"<ul>{rows}{evidence_items(spans)}</ul></details>"
    )


def _boilerplate(articles: list[_Item]) -> str:
    with_lines = [article for article in articles if article["boilerplate"]]
    if not with_lines:
        return none_yet()
    blocks = []
    line_label = label(labels.FIELDS["line"])
    for article in with_lines:
        lines = "".join(
            f'<li>{line_label} {esc(line["line"])}: <q dir="auto">{esc(line["text"])}</q>'
            f" <small>({auto(line['reason'])})</small></li>"
            for line in article["boilerplate"]
        )
        title = auto(article["title"]) if article["title"] else "—"
        blocks.append(
            f"<details><summary>{ltr_id(article['id'])} — {title} "
            f"({len(article['boilerplate'])})</summary><ul>{lines}</ul></details>"
        )
    return "".join(blocks)


def _skipped(skipped: list[_Item]) -> str:
    if not skipped:
        return none_yet()
    items = "".join(
        # The reason is an English message: its own block so it wraps as one LTR paragraph.
        f'<li><bdi class="id" dir="ltr">{esc(item["source"])}</bdi>'
        f'<div dir="auto">{esc(item["reason"])}</div></li>'
        for item in skipped
    )
    return f"<ul>{items}</ul>"
