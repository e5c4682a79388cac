"""The timeline section of one story in the HTML report: the drawing, then the same as text.

The SVG (``html_timeline_svg``) gives the overview; the ordered list after it holds every
event with its readable date, precision, articles, the articles it is the main event of, and
its evidence in a collapsed ``<details>``: the text a screen reader reads, and what the
Markdown report shows. Undated events follow under their own heading.
"""

from __future__ import annotations

from typing import Any

from akhbar.render import labels
from akhbar.render.dates import format_date
from akhbar.render.html_parts import anchor, article_refs, auto, esc, evidence, field, label, ltr_id
from akhbar.render.html_timeline_svg import timeline_svg
from akhbar.render.timeline import ARTICLE_FORMS, count_text, split_dated

__all__ = ["timeline_html"]

_Item = dict[str, Any]


def timeline_html(
    events: list[_Item], main_of: dict[str, list[str]], names: dict[str, str] | None = None
) -> str:
    """The drawing with its legend, the dated events as a list, then the undated ones.

    ``main_of`` maps an event id to the articles whose main event it is
    (``timeline.main_event_articles``).
    """
    dated, undated = split_dated(events)
    parts = []
    if dated:
        parts.append(
            f'<figure class="timeline">{timeline_svg(dated, main_of)}'
            f"<figcaption>{label(labels.TIMELINE_LEGEND)}</figcaption></figure>"
        )
        parts.append(_list("ol", dated, main_of, names or {}))
    if undated:
        parts.append(f'<p class="undated">{label(labels.UNDATED_EVENTS)}</p>')
        parts.append(_list("ul", undated, main_of, names or {}))
    return "".join(parts)


def _list(
    tag: str, events: list[_Item], main_of: dict[str, list[str]], names: dict[str, str]
) -> str:
    items = "".join(_event(event, main_of.get(event["id"], []), names) for event in events)
    return f'<{tag} class="events">{items}</{tag}>'


def _event(event: _Item, main: list[str], names: dict[str, str]) -> str:
    """One event: "<date> (precision) — label id", its articles, main event of, evidence."""
    date = esc(format_date(event["date"], event["precision"], event["mod"]))
    precision = (
        f" <small>· {label(labels.lookup(labels.PRECISIONS, event['precision']))}</small>"
        if event["precision"]
        else ""
    )
    count = esc(count_text(len(event["articles"]), ARTICLE_FORMS))
    articles = article_refs(event["articles"], names)
    articles += f' <small class="count">({count})</small>' if event["articles"] else ""
    main_line = f"<br>{field('main_event_of', article_refs(main, names))}" if main else ""
    kind = "event tl-main" if main else "event"
    return (
        f'<li id="{anchor("event-", event["id"])}" class="{kind}"><strong>{date}</strong>'
        f"{precision} — {auto(event['label'], 'span')} <small>{ltr_id(event['id'])}</small><br>"
        f"{field('articles', articles)}"
        f"{main_line}{evidence(event['evidence'])}</li>"
    )
