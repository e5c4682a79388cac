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
THREADS = Label("مجريات القصة", "threads")
UNDATED_EVENTS = Label("أحداث بلا تاريخ", "undated events")
DATE_SETTLED = Label("كيف حُدِّد تاريخ النشر", "how the date was settled")
PUBLISHED_NOTES = Label("ملاحظات تاريخ النشر", "publication date notes")
TIMELINE_LEGEND = Label(
    "دائرة ممتلئة: يوم محدد · دائرة مفرغة: تاريخ تقريبي · لون مميز: حدث رئيسي لمقالات",
    "filled: exact day · hollow: approximate date · highlighted: main event of articles",
)

# One entry per list of a story, in reading order: the summary first, then the detail.
STORY_SECTIONS: tuple[tuple[str, Label], ...] = (
    ("summary", Label("الملخص", "Summary")),
    ("events", Label("الخط الزمني", "Timeline / events")),
    ("entities", Label("الأطراف", "Entities")),
    ("quotes", Label("الاقتباسات", "Quotes")),
    ("attributions", Label("المصادر والإسناد", "Sources / attributions")),
    ("claims", Label("الادعاءات", "Claims")),
    ("contradictions", Label("التناقضات", "Contradictions")),
    ("unique_facts", Label("ما انفردت به وسيلة واحدة", "Unique facts")),
)

# A collapsed story's fold, and the index of a report's stories.
STORY_DETAIL = Label("تفاصيل القصة", "the story in detail")
STORY_INDEX = Label("فهرس القصص", "stories, most covered first")
# Copies of an article (duplicates) folded under it in a story's list.
COPIES_FOLDED = Label("نسخ منه", "copies")

# The summary's citations and the flag of a story whose outlets disagree.
CITATIONS = Label("الجمل المستشهد بها", "cited sentences")
CONTRADICTIONS_FLAG = Label("تناقضات بين الوسائل", "contradictions")

# The outlet × claim matrix: its caption, first column and what a mark means.
MATRIX = Label("من يورد كل ادعاء", "Outlet × claim")
MATRIX_CLAIM = Label("الادعاء", "claim")
MATRIX_MARKS: dict[str, str] = {
    "●": "carries it (يورده)",
    "◐": "carries a copy of another article's text (نسخة من نص آخر)",
}

CONTRADICTION_KINDS: dict[str, Label] = {
    "name": Label("اختلاف في الاسم", "name"),
    "number": Label("اختلاف في الرقم", "number"),
    "date": Label("اختلاف في التاريخ", "date"),
    "account": Label("روايات مختلفة", "differing accounts"),
    "update": Label("تحديث للحصيلة", "update"),
}

# How a response is told (the polarity of a statement), in an account's sides.
RESPONSES: dict[str, Label] = {
    "refuse": Label("رفض", "refused"),
    "decline": Label("امتنع عن التعليق", "declined to comment"),
    "deny": Label("نفى", "denied"),
    "accept": Label("وافق", "accepted"),
}

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
    "title_only": Label("عنوان فقط", "title only"),
    "sentence": Label("الجملة", "sentence"),
    "url": Label("الرابط", "URL"),
    "no_date": Label("بلا تاريخ", "no date"),
    "main_event_of": Label("الحدث الرئيسي لـ", "main event of"),
    "note": Label("ملاحظة", "note"),
}

# TimeML precision of an event date (akhbar.model.TimeExpression.precision).
PRECISIONS: dict[str, Label] = {
    "day": Label("يوم", "day"),
    "daypart": Label("جزء من اليوم", "part of day"),
    "time": Label("ساعة", "time"),
    "week": Label("أسبوع", "week"),
    "month": Label("شهر", "month"),
    "season": Label("فصل", "season"),
    "quarter": Label("ربع سنة", "quarter"),
    "year": Label("سنة", "year"),
    "decade": Label("عقد", "decade"),
    "ref": Label("إشارة زمنية", "reference"),
}

# Where an article's publication date came from (akhbar.model.PublishedSource).
PUBLISHED_SOURCES: dict[str, Label] = {
    "input": Label("من المدخلات", "input"),
    "text": Label("من نص المقال", "text"),
    "html-meta": Label("من بيانات الصفحة", "html-meta"),
    "inferred": Label("مستنتج", "inferred"),
    "unknown": Label("غير معروف", "unknown"),
}

# Chains run origin first; in right-to-left text the arrow must point left to follow reading.
CHAIN_ARROW = " ← "
LIST_SEPARATOR = "، "


def bilingual(label: Label) -> str:
    """Plain text form "عربي (English)" for headings and labels."""
    return f"{label.arabic} ({label.english})"


def lookup(table: dict[str, Label], key: str | None) -> Label:
    """The label of ``key``; a key the table lacks is shown as itself (a newer pipeline value)."""
    return table.get(key or "", Label(key or "—", key or "—"))
