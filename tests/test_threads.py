"""A story's threads (issue 14, part 3): its articles grouped by happening, in time order."""

from __future__ import annotations

import datetime as dt

from akhbar.story.threads import ThreadMember, central_title, story_threads

DAY = dt.date.fromisoformat


def test_an_event_reporting_two_dated_happenings_is_two_threads_in_date_order() -> None:
    # The seeds: one corpus event; the text dates the call 12 February, the letter 20 March.
    members = [
        ThreadMember(
            "000",
            "event-1",
            "في رسالة إلى الرئيس الشرع.. بوتين يدعو إلى تعزيز التعاون",
            None,
            DAY("2025-03-20"),
            "2025-03-20",
        ),
        ThreadMember(
            "001",
            "event-1",
            "الرئيس الروسي بوتين يجري اتصالا مع أحمد الشرع",
            "خبر مباشر",
            None,
            "2025-02-12",
        ),
        ThreadMember(
            "002",
            "event-1",
            "رسالة من بوتين إلى الشرع: مستعدون للتعاون",
            None,
            DAY("2025-03-20"),
            "2025-03-20",
        ),
        ThreadMember(
            "004",
            "event-1",
            "بوتين يبحث مع الشرع العلاقات الثنائية",
            None,
            DAY("2025-02-12"),
            "2025-02-12",
        ),
        ThreadMember(
            "005", "event-1", "قراءة في العلاقات السورية الروسية", None, DAY("2025-03-21"), None
        ),
    ]
    threads = story_threads(members)
    assert [(t.id, t.articles, t.date) for t in threads] == [
        ("event-1@2025-02-12", ("001", "004"), "2025-02-12"),
        ("event-1@2025-03-20", ("000", "002"), "2025-03-20"),
        ("event-1", ("005",), None),  # its main event is undated: it stays with the event
    ]
    assert threads[0].outlets == ("خبر مباشر",)
    assert (threads[1].first_published, threads[1].last_published) == (DAY("2025-03-20"),) * 2


def test_one_happening_keeps_the_event_whole_and_undated_threads_come_last() -> None:
    members = [
        ThreadMember("a", None, "مقال بلا حدث", None, None),
        ThreadMember(
            "b", "event-2", "روسيا تهزم مصر بثلاثية", "skynews", DAY("2018-06-19"), "2018-06-19"
        ),
        ThreadMember(
            "c", "event-2", "مصر تخسر أمام روسيا بثلاثية", "BBC", DAY("2018-06-20"), "2018-06-19"
        ),
        ThreadMember("d", "event-3", "المغرب يودع المونديال", "france24", DAY("2018-06-20")),
    ]
    threads = story_threads(members)
    assert [(t.id, t.articles) for t in threads] == [
        ("event-2", ("b", "c")),
        ("event-3", ("d",)),
        ("a", ("a",)),  # an article the corpus stage left without an event is its own thread
    ]
    assert (threads[0].first_published, threads[0].last_published) == (
        DAY("2018-06-19"),
        DAY("2018-06-20"),
    )


def test_the_central_title_is_the_one_the_others_resemble_most() -> None:
    titles = [
        "شاهد.. لحظة توقيع القرار",
        "ترامب يعلن انسحاب الولايات المتحدة من الاتفاق النووي مع إيران",
        "ترامب ينسحب من الاتفاق النووي الإيراني",
        "الاتفاق النووي: ترامب يعلن الانسحاب",
    ]
    assert central_title(titles) == "الاتفاق النووي: ترامب يعلن الانسحاب"  # shares most with each
    assert central_title(["عنوان واحد"]) == "عنوان واحد"
    assert central_title(["", "  "]) is None


def test_background_dates_and_next_day_reactions_do_not_split_an_event() -> None:
    # Iran deal day (ANT, 8-9 May 2018): one article's main event is the 2015 agreement (its
    # background), a reaction's is dated the next day; the event stays one thread.
    members = [
        ThreadMember(
            "w",
            "event-9",
            "ترامب يعلن الانسحاب من الاتفاق النووي",
            "BBC",
            DAY("2018-05-08"),
            "2018-05-08",
        ),
        ThreadMember(
            "b", "event-9", "ماذا تضمن اتفاق 2015؟", "CNN", DAY("2018-05-08"), "2015-07-14"
        ),
        ThreadMember(
            "r", "event-9", "روحاني يرد على قرار ترامب", "skynews", DAY("2018-05-09"), "2018-05-09"
        ),
    ]
    (thread,) = story_threads(members)
    assert (thread.id, thread.articles, thread.date) == ("event-9", ("w", "b", "r"), "2018-05-08")
