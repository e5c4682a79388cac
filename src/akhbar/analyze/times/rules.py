"""Rules for calendar dates: month names, years, Hijri dates, numeric dates, decades, seasons.

Each rule takes one regex match (on the key form) and a :class:`Context`, and returns the
expressions it reads there (none when the match is not a time after all).
"""

from __future__ import annotations

import re

from akhbar.analyze.times import resolve as cal
from akhbar.analyze.times.anchored import found_at
from akhbar.analyze.times.found import Context, Found, previous_word, squash, to_int
from akhbar.arabic.tokens import CONJUNCTIONS, key_forms
from akhbar.model import TimeRule

__all__ = [
    "date_rule",
    "decade_rule",
    "hijri_rule",
    "holiday_rule",
    "numeric_rule",
    "quarter_rule",
    "season_rule",
    "year_rule",
]

_MONTH_GROUPS = ("mb", "m1", "m2", "m3", "m4")
_YEAR_FOLLOWERS = frozenset(".,،;:)!?؟\"'\n-")
# A month every year: "يونيو من كل عام" after it, "كل عام في شهر مايو" before it.
_EVERY_YEAR_AFTER = re.compile(r"[ \t]*[،,]?[ \t]*(?:من|في)[ \t]+كل[ \t]+(?:عام|سنه)(?!\w)")
_EVERY_YEAR_BEFORE = re.compile(r"(?<!\w)كل[ \t]+(?:عام|سنه)[ \t]+(?:في[ \t]+)?$")
_HIJRI_PREPS = frozenset({"في", "قبل", "بعد", "خلال", "طوال", "حتي", "منذ", "مع", "اثناء"})
_QUARTERS = {"الاول": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الاخير": 4}


def _direction(ctx: Context, word: str | None) -> int | None:
    return None if word is None else ctx.lex.directions[word]


def _day_of(ctx: Context, text: str | None) -> int | None:
    if text and text[:2] == "ال" and text[2:].strip().isdigit():  # "الـ13 من أبريل"
        text = text[2:].strip()
    day = to_int(text, dict(ctx.lex.ordinals))
    return day if day is not None and 1 <= day <= 31 else None


def date_rule(m: re.Match[str], ctx: Context) -> list[Found]:
    """ "الثامن من ديسمبر/ كانون الأول 2024", "12 فبراير/ شباط الفائت", "مطلع مارس الماضي"."""
    lex = ctx.lex
    names = [squash(m[g]) for g in _MONTH_GROUPS if m[g]]
    month = lex.months[squash(m["m1"])]
    day, year = _day_of(ctx, m["d1"]), to_int(m["y"])
    direction = _direction(ctx, m["dir"])
    anchored = day or year or m["shahr"] or direction is not None or len(names) > 1
    if not anchored and names[0] in lex.ambiguous_months:
        return []
    if m["d1"] and day is None:
        return []
    if year is None and not day and direction is None and (every := _every_year(m, ctx)):
        return [Found(m.start(), every, "SET", f"XXXX-{month:02d}", "month")]
    day2 = _day_of(ctx, m["d2"])
    weekday = lex.weekdays[m["wd"]] if m["wd"] else None
    mod = lex.mods[m["mod"]] if m["mod"] else None
    if year is None:
        if day:
            rule = TimeRule("day_month", (month, day, direction, day2, weekday, mod))
        else:
            rule = TimeRule("month", (month, direction, mod))
        precision = "day" if day else "month"
        return [found_at(m.start(), m.end(), rule, ctx.anchor, precision=precision, mod=mod)]
    date = cal.safe_date(year, month, day) if day else None
    if date is None:
        return [Found(m.start(), m.end(), "DATE", cal.month_iso(year, month), "month", False, mod)]
    value, conflict = date.isoformat(), False
    if day2 and (end := cal.safe_date(year, month, day2)):
        value = f"{value}/{end.isoformat()}"
    elif weekday is not None:
        conflict = date.isoweekday() != weekday
    return [Found(m.start(), m.end(), "DATE", value, "day", False, mod, conflict)]


def holiday_rule(m: re.Match[str], ctx: Context) -> list[Found]:
    """ "عيد العمال" → May 1 (of the year given, else read as "1 مايو" would be)."""
    month, day = ctx.lex.holidays[squash(m["holiday"])]
    if m["y"]:
        date = cal.safe_date(int(m["y"]), month, day)
        return [Found(m.start(), m.end(), "DATE", date.isoformat(), "day")] if date else []
    rule = TimeRule("day_month", (month, day, _direction(ctx, m["dir"]), None, None, None))
    return [found_at(m.start(), m.end(), rule, ctx.anchor, precision="day")]


def _every_year(m: re.Match[str], ctx: Context) -> int | None:
    """The end of a yearly month ("يونيو من كل عام", "كل عام في شهر مايو"), else None."""
    after = _EVERY_YEAR_AFTER.match(ctx.key, m.end())
    if after:
        return after.end()
    if _EVERY_YEAR_BEFORE.search(ctx.key, max(0, m.start() - 20), m.start()):
        return m.end()
    return None


def _year_is_marked(m: re.Match[str], ctx: Context) -> bool:
    if m["kw"]:
        return True
    if int(m["y1"]) < 1900:  # a bare 1500 is more often a count than a year
        return False
    if m["between"] or m["mod"] or m["y2"]:
        return True
    if previous_word(ctx.key, m.start()) in ctx.lex.year_cues:
        return True
    rest = ctx.key[m.end() : m.end() + 2].lstrip(" \t")
    return not rest or rest[0] in _YEAR_FOLLOWERS


def year_rule(m: re.Match[str], ctx: Context) -> list[Found]:
    """ "عام 2015", "العام 2018", "بين عامي 2011 و2015" (a range), "أواخر 2016"."""
    if not _year_is_marked(m, ctx):
        return []
    first, second = int(m["y1"]), to_int(m["y2"])
    mod = ctx.lex.mods[m["mod"]] if m["mod"] else None
    if second is None:
        return [Found(m.start(), m.end(), "DATE", str(first), "year", False, mod)]
    is_range = m["between"] or m["sep"] in ("-", "/", "الي", "حتي")
    if is_range and first < second:
        return [Found(m.start(), m.end(), "DATE", f"{first}/{second}", "year", False, mod)]
    return [
        Found(m.start(), m.end("y1"), "DATE", str(first), "year", False, mod),
        Found(m.start("y2"), m.end(), "DATE", str(second), "year"),
    ]


def hijri_rule(m: re.Match[str], ctx: Context) -> list[Found]:
    """ "20 رمضان 1439 هـ", "شهر رمضان" (the one of the anchor's Hijri year), "1440 هـ"."""
    if m["ny"]:
        date = cal.hijri_to_date(int(m["ny"]), int(m["nm"]), int(m["nd"]))
        return [Found(m.start(), m.end(), "DATE", date.isoformat(), "day")] if date else []
    if m["hy2"]:
        value = cal.hijri_year_range(int(m["hy2"]))
        return [Found(m.start(), m.end(), "DATE", value, "day")] if value else []
    day, year = _day_of(ctx, m["d"]), to_int(m["hy"])
    if not (day or year or m["shahr"] or _hijri_month_alone(m, ctx)):
        return []
    month = ctx.lex.hijri_months[squash(m["hm"])]
    if year is None:
        # An anchor outside the Umm al-Qura table resolves it to nothing (value None), as no
        # anchor does.
        rule = TimeRule("hijri", (month, day))
        return [found_at(m.start(), m.end(), rule, ctx.anchor, precision="day")]
    date = cal.hijri_to_date(year, month, day) if day else None
    value = date.isoformat() if date else cal.hijri_month_range(year, month)
    return [Found(m.start(), m.end(), "DATE", value, "day")] if value else []


def _hijri_month_alone(m: re.Match[str], ctx: Context) -> bool:
    """ "قبل رمضان": a month name alone after a preposition ("محمد رمضان" is a name; صفر
    "zero" and رجب, a given name, stay out)."""
    if squash(m["hm"]) in ("صفر", "رجب"):
        return False
    word = previous_word(ctx.key, m.start())
    return not _HIJRI_PREPS.isdisjoint(key_forms(word, CONJUNCTIONS))


def numeric_rule(m: re.Match[str], ctx: Context) -> list[Found]:
    """ "02/05/2018" (day first, as Arabic news writes it) and ISO "2018-05-02"."""
    if m["y"]:
        date = cal.safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    else:
        date = cal.safe_date(int(m["y2"]), int(m["m2"]), int(m["d2"]))
    return [Found(m.start(), m.end(), "DATE", date.isoformat(), "day")] if date else []


def decade_rule(m: re.Match[str], ctx: Context) -> list[Found]:
    """ "التسعينيات" → "199" (TimeML decade); the 20th century unless the text says the 21st."""
    century = 20 if m["cent"] and "الحا" in m["cent"] else 19
    value = f"{century}{ctx.lex.decades[m['dec']]}"
    return [Found(m.start(), m.end(), "DATE", value, "decade")]


def season_rule(m: re.Match[str], ctx: Context) -> list[Found]:
    """ "صيف 2018" → "2018-SU"; "الشتاء الماضي" → the last winter before the anchor's season."""
    code = ctx.lex.seasons[m["season"]]
    mod = ctx.lex.mods[m["mod"]] if m["mod"] else None
    if m["y"]:
        return [Found(m.start(), m.end(), "DATE", f"{m['y']}-{code}", "season", False, mod)]
    rule = TimeRule("season", (code, ctx.lex.directions[m["dir"]], mod))
    return [found_at(m.start(), m.end(), rule, ctx.anchor, precision="season", mod=mod)]


def quarter_rule(m: re.Match[str], ctx: Context) -> list[Found]:
    """ "الربع الأول من هذا العام" → "2018-Q1" (TimeML quarter), "الربع الثالث من 2017";
    "النصف الأول من عام 2018" → "2018-H1"; "الربع الأول من العام" is the anchor's year."""
    number = _QUARTERS[m["q"]]
    if m["part"] == "نصف":
        if number > 2 and m["q"] != "الاخير":
            return []
        code = f"H{min(number, 2)}"
    else:
        code = f"Q{number}"
    if m["y"]:
        return [Found(m.start(), m.end(), "DATE", f"{m['y']}-{code}", "quarter")]
    shift = ctx.lex.directions[m["dir"]] if m["dir"] else 0
    rule = TimeRule("quarter", (code, shift))
    return [found_at(m.start(), m.end(), rule, ctx.anchor, precision="quarter")]
