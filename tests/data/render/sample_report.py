"""Hand-built reports for the render tests, from the five seed articles (examples/seeds/).

Titles, outlets, boilerplate lines and sentences are copied from the seeds; the story parts
(one event, entity, quote, attribution, claim, contradiction, summary sentence and more) are
written by hand so every item shape of the report is exercised.

Run ``python tests/data/render/sample_report.py OUT.html`` to write the sample as HTML.
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import replace
from pathlib import Path

from akhbar.model import (
    Article,
    ArticleAnalysis,
    Assignment,
    Attribution,
    BoilerplateLine,
    Claim,
    Contradiction,
    ContradictionValue,
    Entity,
    Event,
    Evidence,
    Quote,
    Report,
    Sentence,
    SkippedInput,
    Span,
    Story,
    SummarySentence,
)

A000, A001, A002, A003, A004 = (
    "000_a07f516d440c7618",
    "001_a72c5b70b15c2776",
    "002_408b543a26764ddd",
    "003_7e57f8d70e9d2bf3",
    "004_c80ef43e0c326550",
)

SENTENCES = {
    A000: (
        "أرسل الرئيس الروسي فلاديمير بوتين رسالة إلى نظيره السوري أحمد الشرع، دعا فيها إلى"
        " تعزيز التعاون العملي بين البلدين.",
        "وأفاد المتحدث باسم الكرملين، دميتري بيسكوف، بأن بوتين أكد في رسالته دعم موسكو لجهود"
        " الرئيس الشرع الهادفة إلى تحقيق الاستقرار في سوريا.",
    ),
    A001: (
        "أكد الكرملين أن بوتين أجرى محادثة هاتفية مع الشرع، أكد خلالها موقف روسيا المبدئي"
        " الداعم لوحدة وسيادة وسلامة الأراضي السورية.",
    ),
    A002: (
        'وأضاف بيسكوف أن بوتين أكد "استعداد روسيا الدائم لتطوير التعاون العملي مع القيادة'
        ' السورية".',
    ),
    A003: (
        "في أول تواصل رسمي منذ سقوط نظام بشار الأسد، أجرى الرئيس الروسي فلاديمير بوتين اتصالًا"
        " هاتفيًا مع الرئيس الإنتقالي في سوريا أحمد الشرع،",
    ),
    A004: (
        "وأفاد بيان صادر عن الكرملين بأن بوتين أجرى اتصالًا هاتفيًا مع الشرع، حيث هنأه على"
        " توليه منصب الرئاسة، متمنيًا له التوفيق في قيادة البلاد.",
        "إلا أن المتحدث باسم الكرملين ديمتري بيسكوف رفض التعليق على هذا الطلب.",
    ),
}

TITLES = {
    A000: "في رسالة إلى الرئيس الشرع.. بوتين يدعو إلى تعزيز التعاون مع سوريا",
    A001: "الرئيس الروسي بوتين يجري اتصالا مع أحمد الشرع",
    A002: "رسالة من بوتين إلى الشرع: مستعدون للتعاون ونؤيد استقرار سورية",
    A003: "بوتين يهاتف الشرع..ماذا تريد روسيا من الإدارة الجديدة في سوريا",
    A004: "بوتين يبحث مع الشرع العلاقات الثنائية والتطورات في سوريا بعد سقوط نظام الأسد",
}


def analysis(article_id: str, **fields: object) -> ArticleAnalysis:
    """An ArticleAnalysis whose text is the seed sentences joined by spaces, offsets exact."""
    sentences, start = [], 0
    for index, text in enumerate(SENTENCES[article_id]):
        sentences.append(Sentence(index=index, start=start, end=start + len(text), text=text))
        start += len(text) + 1
    text = " ".join(SENTENCES[article_id])
    source = f"examples/seeds/{article_id}.txt"
    article = Article(id=article_id, source=source, text=text, title=TITLES[article_id], **fields)
    return ArticleAnalysis(article=article, sentences=tuple(sentences))


def evidence(article_id: str, sentence: int, surface: str) -> Evidence:
    """Evidence for ``surface`` inside the given seed sentence, offsets into the article text."""
    text = " ".join(SENTENCES[article_id])
    start = text.index(surface)
    span = Span(article=article_id, start=start, end=start + len(surface), sentence=sentence)
    return Evidence(span=span, text=surface)


def sample_analyses() -> tuple[ArticleAnalysis, ...]:
    return (
        analysis(
            A000,
            outlet="سيريا ستار تايمز",
            outlet_source="signature",
            boilerplate=(BoilerplateLine("سيريا ستار تايمز - syriastartimes,", "signature", 14),),
        ),
        analysis(A001, outlet="خبر مباشر", outlet_source="signature"),
        analysis(
            A002,
            published=dt.date(2025, 3, 20),
            published_source="text",
            boilerplate=(
                BoilerplateLine("+ الخط -", "widget", 5),
                BoilerplateLine("استمع إلى الملخص", "widget", 7),
                BoilerplateLine("اظهر الملخص", "widget", 9),
                BoilerplateLine("المساهمون", "contributors", 26),
            ),
        ),
        analysis(
            A003,
            outlet="aboutmsr.com",
            outlet_source="domain",
            url="https://aboutmsr.com/?p=%D8%A8%D9%88%D8%AA%D9%8A%D9%86-%D9%8A%D9%87%D8%A7%D8%AA%D9%81",
            boilerplate=(BoilerplateLine("اقرا أيضا", "read-also", 24),),
        ),
        analysis(
            A004,
            published=dt.datetime(2025, 2, 12, 18, 30),
            published_source="input",
        ),
    )


def sample_story() -> Story:
    return Story(
        id="story-putin-sharaa",
        title="بوتين والشرع",
        articles=(A000, A001, A002, A003, A004),
        events=(
            Event(
                id="event-call",
                date="2025-02-12",
                precision="day",
                label="اتصال هاتفي بين بوتين والشرع",
                articles=(A001, A003, A004),
                evidence=(evidence(A004, 0, "بوتين أجرى اتصالًا هاتفيًا مع الشرع"),),
            ),
            Event(
                id="event-letter",
                date="2025-03-20",
                precision="day",
                label="رسالة من بوتين إلى الشرع",
                articles=(A000, A002),
            ),
        ),
        entities=(
            Entity(
                id="entity-peskov",
                type="person",
                name="دميتري بيسكوف",
                aliases=("ديمتري بيسكوف",),
                titles=("المتحدث باسم الكرملين",),
                articles=(A000, A002, A004),
            ),
        ),
        quotes=(
            Quote(
                speaker="دميتري بيسكوف",
                text="استعداد روسيا الدائم لتطوير التعاون العملي مع القيادة السورية",
                article=A002,
            ),
        ),
        attributions=(
            Attribution(
                article=A001, source="الكرملين", chain=("الكرملين", "ريا نوفوستي", "خبر مباشر")
            ),
        ),
        claims=(
            Claim(
                id="claim-unity",
                text="روسيا تدعم وحدة سوريا وسيادتها وسلامة أراضيها",
                articles=(A001, A004),
                status="corroborated",
            ),
        ),
        contradictions=(
            Contradiction(
                about="اسم المتحدث باسم الكرملين",
                kind="name",
                values=(
                    ContradictionValue(
                        "دميتري بيسكوف", (A000,), (evidence(A000, 1, "دميتري بيسكوف"),)
                    ),
                    ContradictionValue(
                        "ديمتري بيسكوف", (A004,), (evidence(A004, 1, "ديمتري بيسكوف"),)
                    ),
                ),
            ),
        ),
        summary=(
            SummarySentence(
                text="أجرى الرئيس الروسي فلاديمير بوتين اتصالًا هاتفيًا مع الرئيس السوري أحمد الشرع.",
                sources=(A001, A003, A004),
            ),
        ),
    )


def sample_report() -> Report:
    """The five seeds in one story, every story list filled, one skipped input."""
    events = {A000: "event-letter", A002: "event-letter"}
    assignments = tuple(
        Assignment(
            id=article_id, story="story-putin-sharaa", event=events.get(article_id, "event-call")
        )
        for article_id in (A000, A001, A002, A003, A004)
    )
    skipped = (
        SkippedInput(
            "examples/broken.html",
            "could not decode the bytes as UTF-8 or windows-1256; re-save the file as UTF-8",
        ),
        # A long unbroken name: the phone layout must wrap it, not scroll sideways.
        SkippedInput(
            "archive/9f2c4e1b7a6d3850c1e9f4b2a7d6c3e8b1f0a9d2c7e4b5a6f3d8c1e0b9a2f7d4.warc",
            "empty file: nothing to read",
        ),
    )
    return Report(sample_analyses(), (sample_story(),), assignments, skipped)


def timeline_events() -> tuple[Event, ...]:
    """The sample's two events plus one of each other date form, in the story's date order."""
    call, letter = sample_story().events
    return (
        Event(
            id="event-intervention",
            date="2015",
            precision="year",
            mod="ON_OR_AFTER",
            label="تدخل عسكري (military intervention)",
            articles=(A003,),
        ),
        Event(
            id="event-fall",
            date="2024-12-08",
            precision="day",
            label="سقوط (fall)",
            articles=(A003,),
            evidence=(evidence(A003, 0, "منذ سقوط نظام بشار الأسد"),),
        ),
        Event(
            id="event-visit",
            date="2025-01",
            precision="month",
            label="زيارة / لقاء (visit / meeting)",
            articles=(A000, A002),
        ),
        call,
        letter,
        Event(id="event-apology", date=None, precision=None, label="اعتذار (apology)"),
    )


def timeline_report() -> Report:
    """The sample with a full timeline and article 004's date inferred from article 002."""
    inferred = replace(
        sample_analyses()[4].article,
        published=dt.date(2025, 2, 12),
        published_source="inferred",
        published_evidence=(evidence(A004, 0, "بوتين أجرى اتصالًا هاتفيًا مع الشرع"),),
        published_notes=(
            f"'اليوم' refers to the اتصال هاتفي (phone call) that {A002} dates '12 فبراير'",
        ),
    )
    analyses = (*sample_analyses()[:4], replace(sample_analyses()[4], article=inferred))
    story = replace(sample_story(), events=timeline_events())
    sample = sample_report()
    return Report(analyses, (story,), sample.assignments, sample.skipped)


def hostile_timeline_report() -> Report:
    """Event labels, evidence and date notes that try to become markup inside the timeline."""
    bad = '</text></svg><script>alert(1)</script><svg onload=alert(2)> & "x"'
    article = Article(
        id="evil<2>",
        source="x.txt",
        text=bad,
        title="عنوان",
        published=dt.date(2025, 2, 12),
        published_source="inferred",
        published_evidence=(Evidence(Span("evil<2>", 0, len(bad), 0), bad),),
        published_notes=(f"note {bad}",),
    )
    events = (
        Event(
            id='e"1',
            date="2025-02-12",
            precision="day",
            label=bad,
            articles=("evil<2>",),
            evidence=(Evidence(Span("evil<2>", 0, len(bad), 0), bad),),
        ),
        Event(id="e<2>", date=None, precision="<b>", label=f"undated {bad}", mod="<i>"),
    )
    story = Story(id="s<2>", title="قصة", articles=("evil<2>",), events=events)
    assignment = Assignment(id="evil<2>", story="s<2>", event='e"1')
    return Report((ArticleAnalysis(article, ()),), (story,), (assignment,), ())


def hostile_report() -> Report:
    """Article text that tries to become markup: script tags, attribute breakouts, bad URLs."""
    article = Article(
        id="evil<1>",
        source="inbox/<iframe src=x>.html",
        text="نص",
        title="<script>alert(1)</script>",
        outlet='"><img src=x onerror=alert(1)>',
        url="javascript:alert(1)",
        boilerplate=(BoilerplateLine("# عاجل | <b>خبر</b>", "widget", 1),),
    )
    story = Story(id="s<1>", title="[قصة](javascript:alert(1))", articles=("evil<1>",))
    skipped = (SkippedInput("x.html", '<svg onload=alert(1)> | "quoted"'),)
    assignment = Assignment(id="evil<1>", story="s<1>")
    return Report((ArticleAnalysis(article, ()),), (story,), (assignment,), skipped)


if __name__ == "__main__":
    from akhbar.render import render_html

    Path(sys.argv[1]).write_text(render_html(sample_report()), encoding="utf-8")
