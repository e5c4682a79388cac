"""Rules for times read against the publication date, and for durations, clocks and sets.

"اليوم الخميس", "مساء أمس", "يوم الثلاثاء", "الأسبوع الماضي", "قبل يومين", "لمدة يومين",
"الساعة 11:55 مساء", "يوميا", "مؤخرا".
"""

from __future__ import annotations

import re

from akhbar.analyze.times.anchored import UNIT_PRECISION, found_at
from akhbar.analyze.times.found import Context, Found, next_word, previous_word, squash, to_int
from akhbar.model import TimeRule

__all__ = [
    "clock_rule",
    "count_rule",
    "day_word_rule",
    "every_weekday_rule",
    "fixed_rule",
    "period_rule",
    "plural_period_rule",
    "weekday_rule",
]

_PLURAL_UNITS = {
    "ايام": "D", "اسابيع": "W", "اشهر": "M", "شهور": "M", "سنوات": "Y", "اعوام": "Y",
    "سنين": "Y", "عقود": "DE", "ساعات": "H", "العقود": "DE", "الساعات": "H",
    "الايام": "D", "الاسابيع": "W", "الاشهر": "M", "الشهور": "M", "السنوات": "Y",
    "الاعوام": "Y", "السنين": "Y", "اليومين": "D", "الاسبوعين": "W", "الشهرين": "M",
    "العامين": "Y", "السنتين": "Y", "الساعتين": "H", "دقايق": "MIN", "ثوان": "S", "ثواني": "S",
}  # fmt: skip
# "سبعة أعوام ونصف العام": the half of each unit, in TimeML's smaller units.
_HALF = {"Y": "6M", "M": "15D", "D": "T12H", "H": "30M", "MIN": "30S"}
_BOTH_CUES = frozenset({"كلا", "بين", "هذين"})
_AMPM_SHIFT = {"مساء": 12, "مساءا": 12, "ظهرا": 12, "عصرا": 12, "بعد الظهر": 12, "ليلا": 12}


def _duration(count: int | str, unit: str, half: bool = False) -> str:
    extra = _HALF.get(unit, "") if half and isinstance(count, int) else ""
    if unit in ("H", "MIN", "S"):
        return f"PT{count}{'M' if unit == 'MIN' else unit}{extra}"
    return f"P{count}{unit}{extra}"


def _today_is_blocked(m: re.Match[str], ctx: Context) -> bool:
    lex = ctx.lex
    if previous_word(ctx.key, m.start()) in lex.today_blockers_before:
        return True
    return not m["wd"] and next_word(ctx.key, m.end()) in lex.today_blockers_after


def day_word_rule(m: re.Match[str], ctx: Context) -> list[Found]:
    """ "اليوم الخميس" (the anchor; a weekday that disagrees sets weekday_conflict), "مساء أمس"."""
    lex = ctx.lex
    word = squash(m["dw"])
    if word == "اليوم" and not m["part"] and _today_is_blocked(m, ctx):
        return []
    offset, own_part = lex.day_words[word]
    part = lex.day_parts[m["part"]] if m["part"] else own_part
    # "اليوم الثلاثاء" in a report dated Wednesday: the feed's date is a day off (its time
    # zone); the weekday the text names, one day either side, is the day meant. The conflict
    # flag stays: akhbar.analyze.times.published moves the publication date on it.
    rule = TimeRule("day", (offset, part, lex.weekdays[m["wd"]] if m["wd"] else None))
    precision = "daypart" if part else "day"
    return [found_at(m.start(), m.end(), rule, ctx.anchor, precision=precision)]


def weekday_rule(m: re.Match[str], ctx: Context) -> list[Found]:
    """ "يوم الثلاثاء" (the last Tuesday on or before the anchor), "الأحد المقبل"."""
    lex = ctx.lex
    part = lex.day_parts[m["part"]] if m["part"] else None
    bare = not (m["yawm"] or m["part"] or m["dir"])
    if m["wd"] == "الاثنين" and bare and previous_word(ctx.key, m.start()) in _BOTH_CUES:
        return []  # الاثنين "the two"
    direction = lex.directions[m["dir"]] if m["dir"] else None
    tense = ctx.tense(m.start()) if direction is None else 0
    rule = TimeRule("weekday", (lex.weekdays[m["wd"]], direction, tense, part))
    precision = "daypart" if part else "day"
    return [found_at(m.start(), m.end(), rule, ctx.anchor, precision=precision)]


def period_rule(m: re.Match[str], ctx: Context) -> list[Found]:
    """ "الأسبوع الماضي" → ISO week, "الشهر الماضي" → month, "مطلع العام" → year with mod START."""
    lex = ctx.lex
    if not (m["dir"] or m["this"] or m["mod"]):
        return []
    unit = lex.periods[m["per"]]
    mod = lex.mods[m["mod"]] if m["mod"] else None
    amount = lex.directions[m["dir"]] if m["dir"] else 0
    rule = TimeRule("shift", (unit, amount, mod))
    return [found_at(m.start(), m.end(), rule, ctx.anchor, precision=UNIT_PRECISION[unit], mod=mod)]


_REPEATED = frozenset({"يوما", "اسبوعا", "شهرا", "عاما", "سنه", "ساعه"})
_SPAN_PREPS = frozenset({"بعد", "خلال", "طوال", "لمده", "مده", "علي مدي", "علي مدار"})


def count_rule(m: re.Match[str], ctx: Context) -> list[Found]:
    """ "لمدة يومين" → P2D, "ثلاث سنوات" → P3Y, "قبل يومين" → anchor − 2 days, "قبل أيام",
    "لسنوات" → PXY, "بعد أسبوع" → P1W, "قبل عام" → the year before the anchor's."""
    prep = squash(m["prep"]) if m["prep"] else None
    unit, count = _unit_and_count(m, ctx)
    if unit is None or (m["one"] and prep is None):
        return []
    if prep == "بعد" and previous_word(ctx.key, m.start()) in _REPEATED:
        return []  # "عاما بعد عام": year after year
    if m["bare"] and not (_bare_is_time(m, ctx, prep) or m["few_after"]):
        return []
    if prep == "قبل" and next_word(ctx.key, m.end()) not in ("من", "علي"):
        if m["bare"] and not m["few_after"]:
            return [Found(m.start(), m.end(), "DATE", "PAST_REF", "ref", True)]
        if isinstance(count, int) and unit in ("D", "W", "M", "Y") and not m["half"]:
            rule = TimeRule("shift", (unit, -count, None))
            return [found_at(m.start(), m.end(), rule, ctx.anchor, precision=UNIT_PRECISION[unit])]
    start = m.start("core")
    value = _duration(count, unit, bool(m["half"]))
    return [Found(start, m.end(), "DURATION", value, UNIT_PRECISION[unit])]


def _bare_is_time(m: re.Match[str], ctx: Context, prep: str | None) -> bool:
    """A plural unit alone ("أيام") is a time after قبل/منذ/بعد/خلال, or after ل ("لسنوات")."""
    if prep in ("قبل", "منذ") or prep in _SPAN_PREPS:
        return True
    return m.start() > 0 and ctx.key[m.start() - 1] == "ل"


def _unit_and_count(m: re.Match[str], ctx: Context) -> tuple[str | None, int | str]:
    units = ctx.lex.units
    if m["dual"]:
        unit, count = units[m["dual"]]
        return unit, count or 2
    if m["one"]:
        return units[m["one"]][0], 1
    if m["bare"]:
        return _PLURAL_UNITS[m["bare"]], "X"
    if m["few"]:
        return units[m["unit2"]][0], "X"
    number = m["num"].replace(",", ".")
    count: int | str | None = to_int(number, dict(ctx.lex.numbers))
    if count is None:
        if not re.fullmatch(r"\d+\.\d+", number):
            return None, 0
        count = number
    if count == 0:
        return None, 0
    return units[m["unit"]][0], count


def plural_period_rule(m: re.Match[str], ctx: Context) -> list[Found]:
    """ "الأشهر الثلاثة الماضية" → P3M, "السنوات الأخيرة" → PXY, "العامين الماضيين" → P2Y."""
    if m["dual"]:
        unit, count = _PLURAL_UNITS[m["dual"]], 2
    elif m["unit3"]:
        unit = ctx.lex.units[m["unit3"]][0]
        count = to_int(m["num3"], dict(ctx.lex.numbers)) or "X"
    else:
        unit = _PLURAL_UNITS[m["unit"]]
        count = to_int(m["num"], dict(ctx.lex.numbers)) or "X"
    return [Found(m.start(), m.end(), "DURATION", _duration(count, unit), UNIT_PRECISION[unit])]


def clock_rule(m: re.Match[str], ctx: Context) -> list[Found]:
    """ "الساعة 11:55 مساء" → "T23:55"; the caller puts the day in front (see times.py)."""
    if m["midnight"]:  # "منتصف الليل": TimeML's end of the day
        hour, minute = 24, 0
    elif m["hhmm"]:
        hour, minute = int(m["hhmm"][:2]), int(m["hhmm"][2:])
    elif m["hw"]:
        hour, minute = ctx.lex.clock_hours[squash(m["hw"])], 0
        frac = squash(m["frac"]) if m["frac"] else ""
        minute = {"والنصف": 30, "والربع": 15}.get(frac, 0)
        if frac.startswith("الا"):
            hour, minute = hour - 1, 45
    elif m["h2"]:
        hour, minute = int(m["h2"]), int(m["mi2"])
    else:
        hour, minute = int(m["h"]), int(m["mi"] or 0)
    ampm = squash(m["ampm"]) if m["ampm"] else None
    if ampm in _AMPM_SHIFT and hour < 12 and not (ampm == "ليلا" and hour < 6):
        hour += 12
    elif ampm in ("صباحا", "فجرا") and hour == 12:
        hour = 0
    if not (0 <= hour <= 24 and 0 <= minute < 60):
        return []
    return [Found(m.start(), m.end(), "TIME", f"T{hour:02d}:{minute:02d}", "time", True)]


def fixed_rule(m: re.Match[str], ctx: Context) -> list[Found]:
    """ "مؤخرا" → PAST_REF, "حاليا" → PRESENT_REF, "يوميا" → SET P1D."""
    word = squash(m["fixed"])
    if word in ctx.lex.sets:
        value = ctx.lex.sets[word]
        precision = "season" if value.startswith("X") else UNIT_PRECISION[value.lstrip("PT1")]
        return [Found(m.start(), m.end(), "SET", value, precision)]
    return [Found(m.start(), m.end(), "DATE", ctx.lex.refs[word], "ref", True)]


def every_weekday_rule(m: re.Match[str], ctx: Context) -> list[Found]:
    """ "كل يوم جمعة" → SET "XXXX-WXX-5"."""
    weekday = ctx.lex.weekdays["ال" + m["wd"]]
    return [Found(m.start(), m.end(), "SET", f"XXXX-WXX-{weekday}", "day")]
