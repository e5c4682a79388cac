"""What a story's HTML and Markdown renderings compute alike, as plain data: the order of a
report's stories, the outlet × claim matrix, the summary's numbered citations, and the
story's articles grouped by thread with copies folded under the article they copy.

Pure functions over the report dict (``report_to_dict``); the templates (HTML) and
``markdown*.py`` only lay these out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from akhbar.story.ranking import Coverage, rank_by_coverage

__all__ = [
    "MATRIX_ROWS",
    "Citations",
    "Listed",
    "Listing",
    "Matrix",
    "article_names",
    "claim_matrix",
    "numbered_citations",
    "outlet_of",
    "ranked_stories",
    "short_text",
    "story_listing",
]

_Item = dict[str, Any]

# The matrix shows the claims most outlets carry first; the full list follows it.
MATRIX_ROWS = 30
# A claim's wording in a matrix row is cut here (the full text is in the list below).
_ROW_CHARS = 90


# A title in an article's short name is cut here.
_NAME_TITLE_CHARS = 48


def article_names(articles: Mapping[str, Mapping[str, Any]]) -> dict[str, str]:
    """Id -> "outlet — title" (the title cut at a word): how the reports cite an article."""
    out = {}
    for value, article in articles.items():
        title = (article.get("title") or "").strip()
        if len(title) > _NAME_TITLE_CHARS:
            title = title[:_NAME_TITLE_CHARS].rsplit(" ", 1)[0] + "…"
        outlet = article.get("outlet") or "—"
        out[value] = f"{outlet} — {title}" if title else outlet
    return out


def outlet_of(article: str, articles: Mapping[str, _Item]) -> str:
    """The outlet of an article, or the article id when it names none."""
    found = articles.get(article, {}).get("outlet")
    return found or article


def short_text(text: str) -> str:
    """A claim's wording cut at a word for a matrix row."""
    return text if len(text) <= _ROW_CHARS else text[:_ROW_CHARS].rsplit(" ", 1)[0] + "…"


def ranked_stories(stories: list[_Item], articles: Mapping[str, _Item]) -> list[_Item]:
    """Stories ranked as on akhbar serve's front page (``story.ranking``): most outlets
    first, less a story's age against the newest; then more articles, then the id."""
    coverage = []
    for story in stories:
        members = [articles.get(a, {}) for a in story["articles"]]
        outlets = {m.get("outlet") or a for m, a in zip(members, story["articles"], strict=True)}
        days = [m["published"][:10] for m in members if m.get("published")]
        last = dt.date.fromisoformat(max(days)) if days else None
        coverage.append(Coverage(story["id"], len(outlets), len(story["articles"]), last))
    by_id = {story["id"]: story for story in stories}
    return [by_id[value] for value in rank_by_coverage(coverage)]


@dataclass(frozen=True)
class Matrix:
    """Outlet columns (sorted), rows of (claim, outlet -> mark) most-carried first, and how
    many claims the rows leave out. A mark is ● (carries it) or ◐ (a copy of another
    article's text, not independent)."""

    outlets: tuple[str, ...]
    rows: tuple[tuple[_Item, dict[str, str]], ...]
    more: int


def claim_matrix(claims: list[_Item], articles: Mapping[str, _Item]) -> Matrix:
    """The outlet × claim matrix of a story's claims."""
    outlets = tuple(sorted({outlet_of(a, articles) for c in claims for a in c["articles"]}))
    rows = sorted(
        claims, key=lambda c: (-len({outlet_of(a, articles) for a in c["articles"]}), c["id"])
    )[:MATRIX_ROWS]
    marked = []
    for claim in rows:
        copies = set(claim.get("copies") or [])
        marks: dict[str, str] = {}
        for article in claim["articles"]:
            outlet = outlet_of(article, articles)
            if marks.get(outlet) != "●":
                marks[outlet] = "◐" if article in copies else "●"
        marked.append((claim, marks))
    return Matrix(outlets, tuple(marked), len(claims) - len(rows))


@dataclass(frozen=True)
class Citations:
    """The summary's sentences, each with its citations (number, evidence), and the cited
    sentences by number (one number per cited sentence of an article, first cited first)."""

    sentences: tuple[tuple[_Item, tuple[tuple[int, _Item], ...]], ...]
    cited: tuple[tuple[int, _Item], ...]


def numbered_citations(summary: list[_Item]) -> Citations:
    """Number the evidence of a story's summary sentences."""
    numbers: dict[tuple[str, int], int] = {}
    cited: list[tuple[int, _Item]] = []
    sentences = []
    for item in summary:
        marks = []
        for evidence in item["evidence"]:
            key = (evidence["article"], evidence["start"])
            if key not in numbers:
                numbers[key] = len(numbers) + 1
                cited.append((numbers[key], evidence))
            marks.append((numbers[key], evidence))
        sentences.append((item, tuple(marks)))
    return Citations(tuple(sentences), tuple(cited))


@dataclass(frozen=True)
class Listed:
    """One article in a story's list, with the articles that copy it (folded under it)."""

    id: str
    article: _Item
    copies: tuple[tuple[str, _Item], ...] = ()


@dataclass(frozen=True)
class Listing:
    """A story's articles: per outlet counts, and groups (a thread's headline and days, or
    None for a story of one thread) of listed articles."""

    outlets: tuple[tuple[str, int], ...]
    groups: tuple[tuple[_Item | None, tuple[Listed, ...]], ...]
    count: int


def story_listing(
    ids: list[str], articles: Mapping[str, _Item], threads: list[_Item] | None = None
) -> Listing | None:
    """The story's articles by thread (when it has several), a duplicate under the article
    it copies when both are in the story; None when some article is not in ``articles``."""
    if not ids or not all(value in articles for value in ids):
        return None
    outlets: dict[str, int] = {}
    for value in ids:
        name = articles[value]["outlet"] or "—"
        outlets[name] = outlets.get(name, 0) + 1

    def listed(group: list[str]) -> tuple[Listed, ...]:
        inside = set(group)
        under: dict[str, list[str]] = {}
        for value in group:
            root, seen = value, {value}
            # A copy of a copy folds under the first article of the chain in this group.
            while (up := articles[root].get("duplicate_of")) in inside and up not in seen:
                root = up
                seen.add(up)
            if articles[root].get("duplicate_of") in seen:
                root = value  # a cycle (never written by dedup): list each of them
            if root != value:
                under.setdefault(root, []).append(value)
        folded = {copy for copies in under.values() for copy in copies}
        return tuple(
            Listed(value, articles[value], tuple((c, articles[c]) for c in under.get(value, ())))
            for value in group
            if value not in folded
        )

    if threads and len(threads) > 1:
        groups = tuple((thread, listed(thread["articles"])) for thread in threads)
    else:
        groups = ((None, listed(ids)),)
    return Listing(tuple(sorted(outlets.items())), groups, len(ids))
