"""The report as one self-contained HTML page: Arabic, right-to-left, readable offline.

Rendered from ``templates/report.html``, whose stories are drawn by the same
``templates/story.html`` as akhbar serve's story pages; every link stays in the page
(:data:`akhbar.render.templating.STATIC_LINKS`). No scripts and no external assets: CSS is
inline and collapsible parts use ``<details>``. Templates autoescape all article text.
"""

from __future__ import annotations

from akhbar.model import Report
from akhbar.render.document import report_to_dict
from akhbar.render.story_view import article_names, ranked_stories
from akhbar.render.templating import STATIC_LINKS, report_environment
from akhbar.render.timeline import main_event_articles

__all__ = ["render_html"]


def render_html(report: Report) -> str:
    """Return the report as a complete HTML document (``<html lang="ar" dir="rtl">``)."""
    doc = report_to_dict(report)
    by_id = {article["id"]: article for article in doc["articles"]}
    template = report_environment().get_template("report.html")
    return template.render(
        doc=doc,
        ranked=ranked_stories(doc["stories"], by_id),
        by_id=by_id,
        names=article_names(by_id),
        main_of=lambda story_id: main_event_articles(doc["articles"], story_id),
        links=STATIC_LINKS,
    )
