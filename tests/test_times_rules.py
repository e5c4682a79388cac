"""Rules fixed after the blind ANT set (tests/data/times/ant_times_blind.jsonl) and the
held-out set: real ANT sentences with their publication dates and exact TimeML values."""

from __future__ import annotations

import datetime as dt

import pytest

from akhbar.analyze.times.find import find_times
from akhbar.arabic.doc import make_doc

D = dt.date


def values(text: str, anchor: dt.date | None) -> list[tuple[str, str | None]]:
    return [(t.surface, t.value) for t in find_times(make_doc(text), anchor=anchor)]


WEEKDAY_TENSE = [
    # a past-tense event verb before a weekday one or two days ahead: the last one
    (
        'الهجوم وقع يوم السبت، ونعلم في الحقيقة أنه كان سلاحا كيميائيا".',
        D(2018, 4, 13),
        "يوم السبت",
        "2018-04-07",
    ),
    ("وتوفيت ستورغيس الأحد بينما استعاد راولي الوعي", D(2018, 7, 13), "الأحد", "2018-07-08"),
    (
        "وكانت السعودية قالت يوم الخميس إنها تعلق شحنات النفط",
        D(2018, 8, 1),
        "يوم الخميس",
        "2018-07-26",
    ),
    # a reporting verb before a complement, or a verb after لو, is no cue: the coming one
    (
        "وأكدت وسائل الإعلام التركية أن حالة الطوارئ سترفع الاثنين",
        D(2018, 7, 7),
        "الاثنين",
        "2018-07-09",
    ),
    (
        "يمكنه تقليص الفارق لو فاز على ضيفه أوغسبورغ يوم الاثنين",
        D(2018, 2, 24),
        "يوم الاثنين",
        "2018-02-26",
    ),
]


@pytest.mark.parametrize(("text", "anchor", "surface", "value"), WEEKDAY_TENSE)
def test_weekday_tense(text: str, anchor: dt.date, surface: str, value: str) -> None:
    assert values(text, anchor) == [(surface, value)]


def test_today_with_the_weekday_before_the_anchor() -> None:
    text = "اتفقت مصر اليوم الثلاثاء، مع البنك الدولي على اقتراض 3 مليارات دولار"
    assert values(text, D(2018, 10, 17)) == [("اليوم الثلاثاء", "2018-10-16")]


COUNTS = [
    ("احتوى على هويات وأرقام ضمان اجتماعي مسروقة لسنوات.", D(2018, 4, 25), "سنوات", "PXY"),
    ("بعد أن تقطعت بهم السبل لأيام في البحر المتوسط.", D(2018, 6, 30), "أيام", "PXD"),
    ("ولكن عادة ما تزول بعد أسبوع من نفسها.", D(2018, 10, 11), "أسبوع", "P1W"),
    ("منعت هذه الخطوة كما فعلت قبل أسبوع.", D(2018, 4, 7), "قبل أسبوع", "2018-W13"),
    ("نما 3.1% عنه قبل عام في السوق", D(2018, 5, 29), "قبل عام", "2017"),
    ("بالاسترخاء لمدة 10 ثوان، يجب أن", D(2018, 9, 11), "10 ثوان", "PT10S"),
    ("أخبره أن لديه ثواني معدودة فقط", D(2018, 4, 22), "ثواني معدودة", "PTXS"),
    ("حكم على كل منهما بالسجن 7 أعوام ونصف العام.", D(2018, 4, 25), "7 أعوام ونصف العام", "P7Y6M"),
    ("تحقق طوال السنوات العشرين الماضية، تظهر", D(2018, 3, 9), "السنوات العشرين الماضية", "P20Y"),
]


@pytest.mark.parametrize(("text", "anchor", "surface", "value"), COUNTS)
def test_counts_and_durations(text: str, anchor: dt.date, surface: str, value: str) -> None:
    assert values(text, anchor) == [(surface, value)]


def test_one_unit_needs_a_preposition_and_is_not_an_idiom() -> None:
    assert values("تزايد فيه حجم الحكومة عاما بعد عام", D(2018, 5, 1)) == []
    assert values("والعرب بشكل عام.", D(2018, 5, 1)) == []


CALENDAR = [
    ("وتاريخ 11 / 5 / 1439هـ .", D(2018, 2, 20), "11 / 5 / 1439هـ", "2018-01-28"),
    ("خلال النصف الأول من عام 2018، وسط", D(2018, 10, 17), "النصف الأول من عام 2018", "2018-H1"),
    ("في الربع الأول من السنة، وذلك", D(2018, 5, 29), "الربع الأول من السنة", "2018-Q1"),
    (
        "نشرة سوق العمل للربع الرابع من العام الماضي،",
        D(2018, 4, 30),
        "للربع الرابع من العام الماضي",
        "2017-Q4",
    ),
    (
        "في الـ13 من أبريل/ نيسان الجاري، وارتفاع",
        D(2018, 4, 25),
        "الـ13 من أبريل/ نيسان الجاري",
        "2018-04-13",
    ),
    (
        "والاتحاد الأوروبي معفى حتى منتصف ليل 31 أيار/مايو من الرسوم",
        D(2018, 5, 16),
        "منتصف ليل 31 أيار/مايو",
        "2018-05-31T24:00",
    ),
    ("وقبل رمضان وفي ظل الاستعداد", D(2018, 5, 27), "رمضان", "2018-05-16/2018-06-14"),
    ("وهو الفوز الأول للبرتغال بطلة أوروبا 2016 في مبارياته", D(2018, 6, 8), "2016", "2016"),
    ("في كأس العالم 2018 بروسيا", D(2018, 5, 30), "2018", "2018"),
]


@pytest.mark.parametrize(("text", "anchor", "surface", "value"), CALENDAR)
def test_calendar_forms(text: str, anchor: dt.date, surface: str, value: str) -> None:
    assert values(text, anchor) == [(surface, value)]


def test_fiscal_year_quarter_and_name_are_not_read() -> None:
    text = "أن الربع الأول من العام المالي 2017/2018 شهد زيادة"
    assert [v for _, v in values(text, D(2018, 5, 1))] == ["2017/2018"]
    assert values("قال الفنان محمد رمضان إن", D(2018, 5, 27)) == []


def test_ranges_of_days() -> None:
    text = "مرتبطة بمباريات المنتخب الانجليزي السبع، ما بين 14 يونيو/ حزيران، و15 يوليو/ تموز."
    assert values(text, D(2018, 9, 8)) == [
        ("14 يونيو/ حزيران، و15 يوليو/ تموز", "2018-06-14/2018-07-15")
    ]
    text = "بين التاسع من كانون الثاني/يناير 2017 و18 كانون الثاني/يناير، ذات صدقية"
    assert values(text, D(2018, 3, 1)) == [
        ("التاسع من كانون الثاني/يناير 2017 و18 كانون الثاني/يناير", "2017-01-09/2017-01-18")
    ]


def test_a_range_end_without_a_year_takes_the_other_ends_year() -> None:
    assert values("من 20 ديسمبر إلى 5 يناير 2016", D(2018, 9, 8)) == [
        ("20 ديسمبر إلى 5 يناير 2016", "2015-12-20/2016-01-05")
    ]


def test_yearly_months_seasons_and_holidays() -> None:
    text = "حظيت بموافقة المجلس خلال يونيو/حزيران من كل عام، لتقدم هذه النسخ في كل خريف"
    found = find_times(make_doc(text), anchor=D(2018, 2, 10))
    assert [(t.surface, t.value, t.type) for t in found] == [
        ("يونيو/حزيران من كل عام", "XXXX-06", "SET"),
        ("كل خريف", "XXXX-FA", "SET"),
    ]
    text = "ويقام كل عام في شهر مايو / أيار في مدينة كان"
    assert values(text, D(2018, 4, 10)) == [("كل عام", "P1Y"), ("شهر مايو / أيار", "XXXX-05")]
    text = "تخللت مسيرات عيد العمال الثلاثاء في العاصمة الفرنسية"
    assert values(text, D(2018, 5, 2)) == [("عيد العمال", "2018-05-01"), ("الثلاثاء", "2018-05-01")]
