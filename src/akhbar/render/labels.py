"""Headings and labels shared by the Markdown and HTML reports: Arabic first, English after.

Both renderers take their words from here so the two reports name every section alike.
"""

from __future__ import annotations

from typing import NamedTuple


class Label(NamedTuple):
    arabic: str
    english: str


TITLE = Label("تقرير الأخبار", "akhbar report")
STORIES = Label("القصص", "Stories")
ARTICLES = Label("المقالات", "Articles")
BOILERPLATE = Label("النصوص المحذوفة", "Removed boilerplate")
SKIPPED = Label("مدخلات لم تُقرأ", "Skipped inputs")
NONE_YET = Label("لا شيء بعد", "none yet")
EVIDENCE = Label("الشواهد", "evidence")
STORY_ARTICLES = Label("مقالات القصة", "articles")

# One entry per list of a story, in reading order: the summary first, then the detail.
STORY_SECTIONS: tuple[tuple[str, Label], ...] = (
    ("summary", Label("الملخص", "Summary")),
    ("events", Label("الخط الزمني", "Timeline / events")),
    ("entities", Label("الأطراف", "Entities")),
    ("quotes", Label("الاقتباسات", "Quotes")),
    ("attributions", Label("المصادر والإسناد", "Sources / attributions")),
    ("claims", Label("الادعاءات", "Claims")),
    ("contradictions", Label("التناقضات", "Contradictions")),
)

# Columns of the articles table: dict key and its label.
ARTICLE_COLUMNS: tuple[tuple[str, Label], ...] = (
    ("id", Label("المعرّف", "id")),
    ("outlet", Label("الوسيلة", "outlet")),
    ("title", Label("العنوان", "title")),
    ("published", Label("تاريخ النشر", "published")),
    ("source", Label("المصدر", "source")),
)

CLAIM_STATUS: dict[str, Label] = {
    "corroborated": Label("مؤكَّد من أكثر من مصدر", "corroborated"),
    "single_source": Label("مصدر واحد", "single source"),
    "contested": Label("متنازع عليه", "contested"),
}

FIELDS: dict[str, Label] = {
    "aliases": Label("أسماء أخرى", "aliases"),
    "titles": Label("الألقاب والمناصب", "titles"),
    "via": Label("عبر", "via"),
    "chain": Label("سلسلة النقل", "chain"),
    "sources": Label("المصادر", "sources"),
    "articles": Label("المقالات", "articles"),
    "type": Label("النوع", "type"),
    "kind": Label("النوع", "kind"),
    "precision": Label("الدقة", "precision"),
    "reason": Label("السبب", "reason"),
    "line": Label("السطر", "line"),
    "story": Label("القصة", "story"),
    "main_event": Label("الحدث الرئيسي", "main event"),
    "duplicate_of": Label("نسخة مكررة من", "duplicate of"),
    "sentence": Label("الجملة", "sentence"),
    "url": Label("الرابط", "URL"),
    "no_date": Label("بلا تاريخ", "no date"),
}

# Chains run origin first; in right-to-left text the arrow must point left to follow reading.
CHAIN_ARROW = " ← "
LIST_SEPARATOR = "، "


def bilingual(label: Label) -> str:
    """Plain text form "عربي (English)" for headings and labels."""
    return f"{label.arabic} ({label.english})"
