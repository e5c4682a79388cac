"""The report as Markdown: Arabic headings with English labels, one section per story.

Every piece of article-derived text goes through ``escape_inline`` so it stays text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from akhbar.model import Report
from akhbar.render import labels
from akhbar.render.dates import format_date
from akhbar.render.document import report_to_dict
from akhbar.render.html_provenance import CHAINS, COPIES, COPIES_TEXT_OF
from akhbar.render.labels import FIELDS, Label, bilingual
from akhbar.render.markdown_compare import claim_matrix_md, contradiction_md, unique_fact_md
from akhbar.render.markdown_summary import summary_md
from akhbar.render.markdown_text import escape_inline, link
from akhbar.render.timeline import (
    ARTICLE_FORMS,
    count_text,
    main_event_articles,
    split_dated,
    thread_days,
)

_Item = dict[str, Any]


def render_markdown(report: Report) -> str:
    """Return the report as Markdown text ending in a newline.

    Example heading: ``## القصص (Stories)``; an empty section reads ``لا شيء بعد (none yet)``.
    """
    doc = report_to_dict(report)
    blocks = [
        f"# {bilingual(labels.TITLE)}",
        _intro(doc),
        f"## {bilingual(labels.STORIES)}",
        *_stories(doc["stories"], doc["articles"]),
        f"## {bilingual(labels.ARTICLES)}",
        _articles_table(doc["articles"]),
        f"## {bilingual(labels.BOILERPLATE)}",
        *_boilerplate(doc["articles"]),
        f"## {bilingual(labels.SKIPPED)}",
        _bullets(doc["skipped"], _skipped_item),
    ]
    return "\n\n".join(blocks) + "\n"


def _intro(doc: _Item) -> str:
    generator = doc["generated_by"]
    counts = (
        (labels.ARTICLES, doc["articles"]),
        (labels.STORIES, doc["stories"]),
        (labels.SKIPPED, doc["skipped"]),
    )
    tally = " · ".join(f"{bilingual(name)}: {len(items)}" for name, items in counts)
    version = f"{escape_inline(generator['name'])} {escape_inline(generator['version'])}"
    return f"{tally}\n\n{version} · {escape_inline(doc['schema'])}"


def _none() -> str:
    return f"_{bilingual(labels.NONE_YET)}_"


def _ids(values: Iterable[str]) -> str:
    """Escaped values (ids, aliases, titles) joined with an Arabic comma; a dash when none."""
    return labels.LIST_SEPARATOR.join(escape_inline(value) for value in values) or "—"


def _field(key: str, value: str) -> str:
    return f"{bilingual(FIELDS[key])}: {value}"


def _bullets(items: list[_Item], line: Callable[[_Item], str]) -> str:
    return "\n".join(line(item) for item in items) if items else _none()


def _evidence_lines(evidence: list[_Item], indent: str) -> list[str]:
    return [
        f"{indent}- «{escape_inline(item['text'])}» — {escape_inline(item['article'])}"
        f" ({FIELDS['sentence'].english} {item['sentence']}, {item['start']}–{item['end']})"
        for item in evidence
    ]


def _stories(stories: list[_Item], articles: list[_Item]) -> list[str]:
    if not stories:
        return [_none()]
    blocks: list[str] = []
    by_id = {article["id"]: article for article in articles}
    for story in stories:
        blocks.append(f"### {escape_inline(story['title'])} ({escape_inline(story['id'])})")
        blocks.append(f"**{bilingual(labels.STORY_ARTICLES)}:** {_ids(story['articles'])}")
        if len(story.get("threads") or []) > 1:
            blocks.append(_threads(story["threads"]))
        for key, label in labels.STORY_SECTIONS:
            blocks.append(f"#### {bilingual(label)}")
            if key == "summary":
                blocks.append(summary_md(story, by_id) or _none())
                continue
            if key == "claims" and story[key]:
                blocks.append(claim_matrix_md(story[key], by_id))
            if key == "contradictions":
                items = [contradiction_md(item, by_id) for item in story[key]]
                blocks.append("\n".join(items) or _none())
            elif key == "events":
                main_of = main_event_articles(articles, story["id"])
                blocks.append(_timeline(story[key], main_of) if story[key] else _none())
            else:
                blocks.append(_bullets(story[key], _STORY_ITEMS[key]))
            if key == "attributions":
                blocks.extend(_provenance(story))
    return blocks


def _threads(threads: list[_Item]) -> str:
    """One line per thread: its days, headline and articles."""
    lines = []
    for thread in threads:
        days = thread_days(thread) or "?"
        headline = escape_inline(thread["title"] or thread["id"])
        lines.append(f"- {days} · {headline}: {_ids(thread['articles'])}")
    return f"**{bilingual(labels.THREADS)}:**\n" + "\n".join(lines)


def _provenance(story: _Item) -> list[str]:
    """One line per distinct chain ("خبر مباشر ← ريا نوفوستي ← الكرملين"), then who
    printed whose text."""
    chains: dict[tuple[str, ...], list[str]] = {}
    for item in story["attributions"]:
        if len(item["chain"]) > 1:
            articles = chains.setdefault(tuple(item["chain"]), [])
            articles.extend(a for a in [item["article"]] if a not in articles)
    chain_lines = [
        f"- {labels.CHAIN_ARROW.join(escape_inline(step) for step in chain)} — {_ids(ids)}"
        for chain, ids in chains.items()
    ]
    graph = story.get("provenance") or {"edges": []}
    copy_lines = [
        f"- **{escape_inline(edge['source'])}** {bilingual(COPIES_TEXT_OF)} "
        f"**{escape_inline(edge['target'])}** — {_field('articles', _ids(edge['articles']))}"
        for edge in graph["edges"]
        if edge["kind"] == "copies"
    ]
    return [
        f"**{bilingual(CHAINS)}**",
        "\n".join(chain_lines) or _none(),
        f"**{bilingual(COPIES)}**",
        "\n".join(copy_lines) or _none(),
    ]


def _timeline(events: list[_Item], main_of: dict[str, list[str]]) -> str:
    """Dated events in date order, then the undated ones under their own bold line."""
    dated, undated = split_dated(events)
    groups = ["\n".join(_event_item(event, main_of.get(event["id"], [])) for event in dated)]
    if undated:
        groups.append(f"**{bilingual(labels.UNDATED_EVENTS)}**")
        groups.append(
            "\n".join(_event_item(event, main_of.get(event["id"], [])) for event in undated)
        )
    return "\n\n".join(group for group in groups if group)


def _event_item(item: _Item, main: list[str]) -> str:
    """ "- **12 شباط/فبراير 2025** · يوم (day) — label (id)", then articles, main event of,
    and the evidence sentences quoted below."""
    date = escape_inline(format_date(item["date"], item["precision"], item["mod"]))
    precision = labels.lookup(labels.PRECISIONS, item["precision"])
    precision_text = f" · {escape_inline(bilingual(precision))}" if item["precision"] else ""
    count = f" ({count_text(n, ARTICLE_FORMS)})" if (n := len(item["articles"])) else ""
    lines = [
        f"- **{date}**{precision_text} — {escape_inline(item['label'])}"
        f" ({escape_inline(item['id'])})",
        f"  - {_field('articles', _ids(item['articles']))}{count}",
    ]
    if main:
        lines.append(f"  - {_field('main_event_of', _ids(main))}")
    if item["evidence"]:
        lines.append(f"  - {bilingual(labels.EVIDENCE)} ({len(item['evidence'])}):")
        lines.extend(_evidence_lines(item["evidence"], "    "))
    return "\n".join(lines)


def _entity_item(item: _Item) -> str:
    return (
        f"- **{escape_inline(item['name'])}** ({escape_inline(item['type'])}, "
        f"{escape_inline(item['id'])}) — {_field('aliases', _ids(item['aliases']))}; "
        f"{_field('titles', _ids(item['titles']))}; {_field('articles', _ids(item['articles']))}"
    )


def _quote_item(item: _Item) -> str:
    return (
        f"- **{escape_inline(item['speaker'])}**: «{escape_inline(item['text'])}» — "
        f"{escape_inline(item['article'])}; {_field('via', _ids(item['via']))}"
    )


def _attribution_item(item: _Item) -> str:
    chain = labels.CHAIN_ARROW.join(escape_inline(step) for step in item["chain"]) or "—"
    return (
        f"- {escape_inline(item['article'])}: **{escape_inline(item['source'])}** — "
        f"{_field('chain', chain)}"
    )


def _claim_item(item: _Item) -> str:
    status: Label = labels.CLAIM_STATUS[item["status"]]
    return (
        f"- {escape_inline(item['text'])} — **{bilingual(status)}** — "
        f"{_field('articles', _ids(item['articles']))} ({escape_inline(item['id'])})"
    )


_STORY_ITEMS: dict[str, Callable[[_Item], str]] = {
    "entities": _entity_item,
    "quotes": _quote_item,
    "attributions": _attribution_item,
    "claims": _claim_item,
    "unique_facts": unique_fact_md,
}


def _articles_table(articles: list[_Item]) -> str:
    if not articles:
        return _none()
    header = "| " + " | ".join(bilingual(label) for _, label in labels.ARTICLE_COLUMNS) + " |"
    rule = "|" + "---|" * len(labels.ARTICLE_COLUMNS)
    rows = [header, rule]
    for article in articles:
        published = escape_inline(article["published"]) if article["published"] else "—"
        source = labels.lookup(labels.PUBLISHED_SOURCES, article["published_source"])
        cells = [
            escape_inline(article["id"]),
            escape_inline(article["outlet"]) if article["outlet"] else "—",
            link(article["title"] or "—", article["url"])
            + (f" ({bilingual(labels.FIELDS['title_only'])})" if article["title_only"] else ""),
            f"{published} · {escape_inline(bilingual(source))}",
            escape_inline(article["source"]),
        ]
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows) + _published_notes(articles)


def _published_notes(articles: list[_Item]) -> str:
    """After the table, one indented note per article whose date needed explaining."""
    explained = [a for a in articles if a["published_notes"] or a["published_evidence"]]
    if not explained:
        return ""
    lines = [f"**{bilingual(labels.PUBLISHED_NOTES)}**", ""]
    for article in explained:
        source = labels.lookup(labels.PUBLISHED_SOURCES, article["published_source"])
        lines.append(f"- {escape_inline(article['id'])} — {escape_inline(bilingual(source))}")
        lines.extend(
            f"  - {bilingual(FIELDS['note'])}: {escape_inline(note)}"
            for note in article["published_notes"]
        )
        lines.extend(_evidence_lines(article["published_evidence"], "  "))
    return "\n\n" + "\n".join(lines)


def _boilerplate(articles: list[_Item]) -> list[str]:
    with_lines = [article for article in articles if article["boilerplate"]]
    if not with_lines:
        return [_none()]
    blocks: list[str] = []
    for article in with_lines:
        title = escape_inline(article["title"]) if article["title"] else "—"
        blocks.append(f"### {escape_inline(article['id'])} — {title}")
        blocks.append(
            "\n".join(
                f"- {bilingual(FIELDS['line'])} {line['line']}: «{escape_inline(line['text'])}» "
                f"— {escape_inline(line['reason'])}"
                for line in article["boilerplate"]
            )
        )
    return blocks


def _skipped_item(item: _Item) -> str:
    return f"- {escape_inline(item['source'])}: {escape_inline(item['reason'])}"
