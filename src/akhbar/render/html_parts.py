"""Small HTML builders for the report: escaping, bidi isolation, links, labels.

Every function escapes what it is given (``html.escape`` with ``quote=True``), so callers
pass raw article text and never build markup from it themselves. Ids and Latin text are
wrapped in ``<bdi>`` so a Latin id inside an Arabic line keeps its place.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping
from typing import Any

from akhbar.render import labels
from akhbar.render.labels import Label

# Only plain http(s) URLs become links: no scheme tricks (javascript:, data:), and no spaces or
# control characters, which browsers strip and could use to hide a scheme.
_SAFE_URL = re.compile(r"^https?://[^\s<>\"'`\x00-\x1f\x7f]+$", re.IGNORECASE)
_ANCHOR_UNSAFE = re.compile(r"[^A-Za-z0-9_-]")


def esc(text: Any) -> str:
    """Escape any value for HTML text or a quoted attribute."""
    return html.escape(str(text), quote=True)


def auto(text: str, tag: str = "bdi") -> str:
    """Article text isolated with its own direction (Arabic or Latin), escaped."""
    return f'<{tag} dir="auto">{esc(text)}</{tag}>'


def ltr_id(value: str) -> str:
    """An id (often Latin or digits) isolated left-to-right."""
    return f'<bdi class="id" dir="ltr">{esc(value)}</bdi>'


def label(value: Label) -> str:
    """ "عربي (English)" with the English part isolated and muted."""
    return f'{esc(value.arabic)} <span class="en" lang="en" dir="ltr">({esc(value.english)})</span>'


def none_yet() -> str:
    return f'<p class="none">{label(labels.NONE_YET)}</p>'


def anchor(prefix: str, value: str) -> str:
    """A stable fragment id for ``value``: unsafe characters spelled as their code points."""
    return prefix + _ANCHOR_UNSAFE.sub(lambda match: f"_{ord(match.group()):x}_", value)


def article_refs(ids: Iterable[str], names: Mapping[str, str] | None = None) -> str:
    """Links to the articles table rows, joined with an Arabic comma; a dash when none.
    ``names`` (id -> "outlet — title") shows an article by its outlet and title, its id
    in the link's tooltip; an article it does not name shows its id."""
    names = names or {}
    links = [
        f'<a href="#{anchor("article-", value)}" title="{esc(value)}">'
        f"{auto(names[value]) if value in names else ltr_id(value)}</a>"
        for value in ids
    ]
    return labels.LIST_SEPARATOR.join(links) or "—"


# A title in an article's short name is cut here.
_NAME_TITLE_CHARS = 48


def article_names(articles: Mapping[str, Mapping[str, Any]]) -> dict[str, str]:
    """Id -> "outlet — title" (the title cut at a word), for :func:`article_refs`."""
    out = {}
    for value, article in articles.items():
        title = (article.get("title") or "").strip()
        if len(title) > _NAME_TITLE_CHARS:
            title = title[:_NAME_TITLE_CHARS].rsplit(" ", 1)[0] + "…"
        outlet = article.get("outlet") or "—"
        out[value] = f"{outlet} — {title}" if title else outlet
    return out


def texts(values: Iterable[str]) -> str:
    """Escaped strings joined with an Arabic comma; a dash when none."""
    return labels.LIST_SEPARATOR.join(auto(value) for value in values) or "—"


def is_safe_url(url: str | None) -> bool:
    return bool(url) and _SAFE_URL.match(url) is not None


def url_html(url: str | None) -> str:
    """A link for an http(s) URL; any other URL is shown as plain escaped text."""
    if not url:
        return "—"
    if not is_safe_url(url):
        return f'<bdi dir="ltr">{esc(url)}</bdi>'
    return f'<a href="{esc(url)}" dir="ltr" rel="noopener noreferrer">{esc(url)}</a>'


def field(key: str, value_html: str) -> str:
    """A labelled value: "المقالات (articles): ..."."""
    return f'<span class="field">{label(labels.FIELDS[key])}: {value_html}</span>'


def evidence_items(items: list[dict[str, Any]]) -> str:
    """Evidence spans as ``<li>``: the quoted words, their article, sentence and offsets."""
    return "".join(
        f'<li><q dir="auto">{esc(item["text"])}</q> <small>{ltr_id(item["article"])}'
        f" · {esc(labels.FIELDS['sentence'].english)} {esc(item['sentence'])}"
        f' · <bdi dir="ltr">{esc(item["start"])}–{esc(item["end"])}</bdi></small></li>'
        for item in items
    )


def evidence(items: list[dict[str, Any]]) -> str:
    """Evidence spans in a collapsed ``<details>``; nothing when there are none."""
    if not items:
        return ""
    summary = f"<summary>{label(labels.EVIDENCE)} ({len(items)})</summary>"
    return f"<details>{summary}<ul>{evidence_items(items)}</ul></details>"
