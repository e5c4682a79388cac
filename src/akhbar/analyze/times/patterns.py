"""Regular expressions for Arabic time expressions, built once from the time lexicons.

All patterns run on the key form of a text (see :mod:`akhbar.arabic.normalize`), so one
spelling per word is enough: "إبريل" and "أبريل" are both "ابريل" there. Each pattern
names its parts with groups that :mod:`akhbar.analyze.times.rules` reads.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType

from akhbar.analyze.times.lexicon import TimeLexicon, time_lexicon
from akhbar.arabic.tokens import CONJUNCTIONS, proclitic_spellings, spell

__all__ = ["TimePatterns", "time_patterns"]

_S = r"[ \t]+"  # spaces inside one expression; a newline ends it
_S0 = r"[ \t]*"
_RB = r"(?!\w)"
# The proclitic chains a time word takes, spelt by akhbar.arabic.tokens' grammar: a
# conjunction, then ب or ل (كـ dates nothing). The article is part of the patterns' words.
_CLITICS = ("", *proclitic_spellings(prepositions=("ب", "ل"), article=False))
# Day words take only و/ف and ب after one: "لامس" (touched) is not ل + أمس; "بالأمس" is its
# own entry.
_DAY_CLITICS = tuple(c for c in _CLITICS if c[:1] in CONJUNCTIONS and "ل" not in c)


def _after(chains: tuple[str, ...]) -> str:
    """A word start: after a non-letter, or after one of ``chains`` that follows one."""
    lengths = sorted({len(chain) for chain in chains if chain})
    # One lookbehind per length (each must be of fixed width): (?<=(?<!\w)(?:وب|ول|فب|فل)).
    behind = "|".join(
        rf"(?<=(?<!\w)(?:{'|'.join(c for c in chains if len(c) == n)}))" for n in lengths
    )
    return rf"(?:(?<!\w)|{behind})"


_LB = _after(_CLITICS)
_LB_DAY = _after(_DAY_CLITICS)
_YEAR = r"(?<!\d)(?:19|20)\d\d(?!\d)"
_HIJRI_YEAR = r"(?<!\d)1[34]\d\d(?!\d)"
_SIDES = ("الماضيه", "الاخيره", "المقبله", "القادمه", "المنصرمه", "الفايته")
_SIDES_DUAL = ("الماضيين", "الاخيرين", "المقبلين", "القادمين", "المنصرمين", "الفايتين")
_ERA = r"(?:ه|هجري|هجريه|للهجره)(?!\w)"
_YEAR_WORD = r"(?:عام|العام|سنه|السنه|لعام|للعام|لسنه)"
_ANY_YEAR = r"(?<!\d)(?:1\d|20)\d\d(?!\d)"  # after a month name or عام, 1000-2099


@dataclass(frozen=True)
class TimePatterns:
    date: re.Pattern[str]
    year: re.Pattern[str]
    day_word: re.Pattern[str]
    weekday: re.Pattern[str]
    period: re.Pattern[str]
    count: re.Pattern[str]
    plural_period: re.Pattern[str]
    clock: re.Pattern[str]
    hijri: re.Pattern[str]
    fixed: re.Pattern[str]
    decade: re.Pattern[str]
    numeric: re.Pattern[str]
    season: re.Pattern[str]
    every_weekday: re.Pattern[str]
    quarter: re.Pattern[str]
    holiday: re.Pattern[str]
    triggers: Mapping[str, frozenset[str]]  # written word -> names of patterns it may be in
    trigger_words: re.Pattern[str]  # finds the words of ``triggers`` in one pass


def _alt(words: Iterable[str]) -> str:
    """An alternation that tries longer words first, so "امس الاول" wins over "امس"."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", _S) for w in ordered) + ")"


def _date(lex: TimeLexicon) -> str:
    month = _alt(lex.months)
    day = rf"(?:(?:ال{_S0})?(?<![\d.,:/])\d{{1,2}}(?!\d)|{_alt(lex.ordinals)})"
    pair = (
        rf"(?:{_S0}[/\\-]{_S0}(?P<m2>{month})"
        rf"|{_S0}\({_S0}(?P<m3>{month}){_S0}\)|{_S}(?P<m4>{month}))"
    )
    return (
        rf"{_LB}(?:(?P<wd>{_alt(lex.weekdays)}){_S0}[،,]?{_S0})?"
        rf"(?:(?P<mod>{_alt(lex.mods)}){_S})?"
        rf"(?:(?P<d1>{day})(?:{_S0}(?:-|و|الي|حتي){_S0}(?P<d2>{day}))?{_S0}(?:من{_S})?)?"
        rf"(?:(?P<shahr>شهر){_S})?"
        rf"(?:\({_S0}(?P<mb>{month}){_S0}\){_S0})?"
        rf"(?P<m1>{month}){_RB}{pair}?{_RB}"
        rf"(?:{_S0}[،,]?{_S0}(?:(?:من|في){_S})?(?:{_YEAR_WORD}{_S0})?(?P<y>{_ANY_YEAR})(?:{_S0}م{_RB})?)?"
        rf"(?:{_S}(?P<dir>{_alt(lex.directions)}){_RB})?"
    )


def _year(lex: TimeLexicon) -> str:
    sep = rf"{_S0}(?P<sep>-|/|و|الي|حتي){_S0}"
    return (
        rf"(?:{_LB}(?P<mod>{_alt(lex.mods)}){_S})?(?:{_LB}(?P<between>بين|من){_S})?"
        rf"(?:{_LB}(?P<kw>عامي|العامين|سنتي|{_YEAR_WORD}){_S0})?"
        rf"(?P<y1>{_ANY_YEAR})(?:{_S0}م{_RB})?"
        rf"(?:{sep}(?:{_YEAR_WORD}{_S0})?(?P<y2>{_ANY_YEAR})(?:{_S0}م{_RB})?)?"
    )


def _day_word(lex: TimeLexicon) -> str:
    return (
        rf"{_LB_DAY}(?:(?P<part>{_alt(lex.day_parts)}){_S}(?:يوم{_S})?)?"
        rf"(?P<dw>{_alt(lex.day_words)}){_RB}"
        rf"(?:{_S0}[،,]?{_S0}(?P<wd>{_alt(lex.weekdays)}){_RB})?"
    )


def _weekday(lex: TimeLexicon) -> str:
    return (
        rf"{_LB}(?:(?P<part>{_alt(lex.day_parts)}){_S})?(?:(?P<yawm>يوم|نهار){_S})?"
        rf"(?P<wd>{_alt(lex.weekdays)}){_RB}(?:{_S}(?P<dir>{_alt(lex.directions)}){_RB})?"
    )


def _period(lex: TimeLexicon) -> str:
    return (
        rf"{_LB}(?:(?P<mod>{_alt(lex.mods)}){_S})?(?:(?P<this>هذا|هذه){_S})?"
        rf"(?P<per>{_alt(lex.periods)}){_RB}(?:{_S}(?P<dir>{_alt(lex.directions)}){_RB})?"
    )


_PLURALS = ("ايام", "اسابيع", "اشهر", "شهور", "سنوات", "اعوام", "سنين", "عقود", "ساعات")
_PLURALS_SHORT = ("دقايق", "ثوان", "ثواني")
# One unit with no number ("بعد أسبوع", "قبل عام"); counted only after a preposition.
_ONE = "(?:اسبوع|شهر|عام|سنه|يوم|ساعه|دقيقه|ثانيه)"


def _count(lex: TimeLexicon) -> str:
    units = _alt(w for w, (_, n) in lex.units.items() if n is None)
    duals = _alt(w for w, (_, n) in lex.units.items() if n is not None)
    plurals = _alt((*_PLURALS, *_PLURALS_SHORT))
    preps = r"(?:قبل|منذ|بعد|خلال|لمده|طوال|مده|علي مدي|علي مدار|نحو|حوالي)"
    approx = r"(?:قرابه|نحو|حوالي|زهاء)"
    number = rf"(?:(?<![\d.,])\d+(?:[.,]\d+)?|{_alt(lex.numbers)})"
    half = rf"(?P<half>{_S}و{_S0}نصف(?:{_S}(?:ال)?{_ONE})?)?"
    months = _alt([*lex.months, *lex.hijri_months, *lex.weekdays])
    return (
        rf"{_LB}(?:(?P<prep>{preps}){_S}(?:{approx}{_S})?)?(?P<core>"
        rf"(?P<num>{number}){_S}(?P<unit>{units})"
        rf"|(?P<few>عده|بضعه|بضع){_S}(?P<unit2>{units})"
        rf"|(?P<dual>{duals})"
        rf"|(?P<one>{_ONE})(?!{_S0}#?(?:\d|{months}))"
        rf"|(?P<bare>{plurals})(?:{_S}(?P<few_after>قليله|عديده|طويله|معدوده))?){half}{_RB}"
    )


def _plural_period(lex: TimeLexicon) -> str:
    plural = "(?P<unit>الايام|الاسابيع|الاشهر|الشهور|السنوات|الاعوام|السنين|الساعات|العقود)"
    dual = "(?P<dual>اليومين|الاسبوعين|الشهرين|العامين|السنتين|الساعتين)"
    number = rf"(?:\d+|{_alt(lex.numbers)})"
    side = _alt(_SIDES)
    side_dual = _alt(_SIDES_DUAL)
    units = _alt(w for w, (_, n) in lex.units.items() if n is None)
    counted = rf"ال{_S0}(?P<num3>{number}){_S}(?P<unit3>{units}){_S}(?P<side3>{side})"
    return (
        rf"{_LB}(?:{plural}(?:{_S}(?:ال)?(?P<num>{number}))?{_S}(?P<side>{side})"
        rf"|{dual}{_S}(?P<side2>{side_dual})|{counted}){_RB}"
    )


def _clock(lex: TimeLexicon) -> str:
    ampm = r"(?:صباحا|مساء|مساءا|ظهرا|فجرا|ليلا|عصرا|بعد الظهر)"
    gmt = r"(?:بتوقيت غرينتش|بتوقيت جرينتش|بتوقيت غرينيتش|غرينتش|تغ|ت غ|جي ام تي)"
    bare_clock = (
        rf"(?P<h2>(?<![\d.,:/])\d{{1,2}}){_S0}[:.,]{_S0}(?P<mi2>\d{{2}})(?![\d.,:/])"
        rf"(?={_S}(?:{ampm}|{gmt}))"
    )
    days = _alt([*lex.weekdays, *lex.day_words])
    night_of = rf"(?={_S}ليله?{_S}(?:يوم{_S})?{days})"  # "منتصف ليلة الأحد", "منتصف ليلة أمس"
    midnight = rf"{_LB}(?P<midnight>منتصف{night_of}|منتصف{_S}(?:ال)?ليل(?:ه)?){_RB}"
    return (
        rf"(?:{bare_clock}|{midnight}|{_LB}(?:ال)?ساعه{_S}"
        rf"(?:(?P<h>(?<!\d)\d{{1,2}})(?:{_S0}[:.,]{_S0}(?P<mi>\d{{2}}))?(?!\d)"
        rf"|(?P<hhmm>(?<!\d)\d{{4}}(?!\d))"
        rf"|(?P<hw>{_alt(lex.clock_hours)})(?:{_S}(?P<frac>والنصف|والربع|الا ربعا|الا ربع))?)"
        rf")(?:{_S}(?:(?:من|في){_S})?(?P<ampm>{ampm}))?"
        rf"(?:{_S0}\(?{_S0}(?P<gmt>{gmt}))?{_RB}"
    )


def _hijri(lex: TimeLexicon) -> str:
    day = rf"(?:(?<![\d.,:/])\d{{1,2}}(?!\d)|{_alt(lex.ordinals)})"
    this_year = rf"(?:(?:ل?هذا{_S})?{_YEAR_WORD}{_S0})"
    numeric = (
        rf"(?<![\d/.])(?P<nd>\d{{1,2}}){_S0}(?P<nsep>[/.-]){_S0}(?P<nm>\d{{1,2}}){_S0}(?P=nsep)"
        rf"{_S0}(?P<ny>{_HIJRI_YEAR})"
    )
    return (
        rf"{_LB}(?:(?:(?P<d>{day}){_S0}(?:من{_S})?)?(?:(?P<shahr>شهر){_S})?"
        rf"(?P<hm>{_alt(lex.hijri_months)}){_RB}"
        rf"(?:{_S0}{this_year}?(?P<hy>{_HIJRI_YEAR}))?(?:{_S0}(?P<era>{_ERA}))?"
        rf"|(?:{_YEAR_WORD}{_S0})?(?P<hy2>{_HIJRI_YEAR}){_S0}{_ERA}"
        rf"|{numeric}{_S0}{_ERA})"
    )


def _fixed(lex: TimeLexicon) -> str:
    return rf"{_LB}(?P<fixed>{_alt([*lex.refs, *lex.sets])}){_RB}"


def _decade(lex: TimeLexicon) -> str:
    century = r"(?P<cent>القرن الماضي|القرن العشرين|القرن الحالي|القرن الحادي والعشرين)"
    return (
        rf"{_LB}(?:ال)?(?P<dec>{_alt(lex.decades)}){_RB}"
        rf"(?:{_S}(?:من{_S})?{century.replace(' ', _S)}{_RB})?"
    )


def _numeric() -> str:
    return (
        rf"(?<![\d/.])(?:(?P<d>\d{{1,2}})(?P<sep>[/.-])(?P<m>\d{{1,2}})(?P=sep)(?P<y>{_YEAR})"
        rf"|(?P<y2>{_YEAR})-(?P<m2>\d{{1,2}})-(?P<d2>\d{{1,2}}))(?![\d/])"
    )


def _season(lex: TimeLexicon) -> str:
    return (
        rf"{_LB}(?:(?P<mod>{_alt(lex.mods)}){_S})?(?P<season>{_alt(lex.seasons)}){_RB}"
        rf"(?:{_S}(?:{_YEAR_WORD}{_S0})?(?P<y>{_YEAR})|{_S}(?P<dir>{_alt(lex.directions)}){_RB})"
    )


def _every_weekday(lex: TimeLexicon) -> str:
    bare = _alt(w.removeprefix("ال") for w in lex.weekdays)
    return rf"{_LB}كل{_S}(?:يوم{_S})?(?:ال)?(?P<wd>{bare}){_RB}"


# Words too common to be worth a scan of their own; another word of the phrase triggers it.
_NOT_TRIGGERS = frozenset(
    {"في", "من", "بعد", "اول", "حتي", "علي", "الوقت", "وقت", "ذو", "ذي"}
    | {"يوم", "عام", "شهر", "سنه", "اسبوع", "ساعه"}
)


def _triggers(lex: TimeLexicon) -> Mapping[str, frozenset[str]]:
    """Which patterns each word can be part of; a pattern only runs near its words."""
    plurals = (*_PLURALS, *_PLURALS_SHORT)
    sources: dict[str, Iterable[str]] = {
        "date": lex.months,
        "day_word": lex.day_words,
        "weekday": lex.weekdays,
        "period": lex.periods,
        "count": [*lex.units, *plurals],
        # the tail every plural period ends with ("الأيام الماضية", "العامين الأخيرين")
        "plural_period": [*_SIDES, *_SIDES_DUAL],
        "clock": [
            *("ساعه", "الساعه", "ليل", "الليل", "ليله", "صباحا", "مساء", "مساءا"),
            *("غرينتش", "جرينتش", "غرينيتش", "تغ"),
        ],
        "hijri": [*lex.hijri_months, "ه", "هجري", "هجريه", "للهجره"],
        "fixed": [*lex.refs, *lex.sets],
        "decade": [*lex.decades, *("ال" + word for word in lex.decades)],
        "season": lex.seasons,
        "every_weekday": ["كل"],
        "quarter": ["الربع", "النصف"],
        # only the rarer words of a holiday's name ("عيد", "رأس"), not "العالمي" or "اليوم"
        "holiday": ["عيد", "راس", "المراه", "للمراه"],
    }
    table: dict[str, set[str]] = {}
    for name, phrases in sources.items():
        for phrase in phrases:
            words = [w for w in phrase.split() if w not in _NOT_TRIGGERS] or phrase.split()
            for word in words:
                for form in _written_forms(word):
                    table.setdefault(form, set()).add(name)
    # Numbers that may be years; one before 1900 counts only after عام or a month name.
    for year in range(1000, 2100):
        names = {"year", "numeric", "season"} if year >= 1900 else {"year"}
        names |= {"hijri"} if 1300 <= year < 1500 else set()
        table.setdefault(str(year), set()).update(names)
    return MappingProxyType({word: frozenset(names) for word, names in table.items()})


def _written_forms(word: str) -> set[str]:
    """The word as it may stand in text: after a clitic (والعام, بالعام, للعام)."""
    return {spell(clitic, word) for clitic in _CLITICS}


def _trie(words: Iterable[str]) -> str:
    """One regex for many words, shaped as a trie so a failing word fails fast."""
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        branches = [re.escape(char) + emit(sub) for char, sub in sorted(node.items()) if char]
        if not branches:
            return ""
        optional = "?" if "" in node else ""
        if len(branches) == 1 and not optional:
            return branches[0]
        return "(?:" + "|".join(branches) + ")" + optional

    return emit(root)


def _trigger_words(triggers: Mapping[str, frozenset[str]]) -> re.Pattern[str]:
    letters = [word for word in triggers if not word[0].isdigit()]
    years = r"(?<!\d)(?:1\d|20)\d\d(?!\d)"
    return re.compile(rf"{years}|(?<![^\W\d_]){_trie(letters)}(?![^\W\d_])")


def _quarter(lex: TimeLexicon) -> str:
    which = r"(?P<q>الاول|الثاني|الثالث|الرابع|الاخير)"
    year = (
        rf"(?P<this>هذا{_S})?(?:العام|السنه)(?!{_S}المالي)"  # a fiscal year is not the year
        rf"(?:{_S}(?P<dir>{_alt(lex.directions)}))?"
    )
    return (
        rf"(?:{_LB}ال|(?<!\w)[وف]?لل)(?P<part>ربع|نصف){_S}{which}{_S}(?:من{_S})?"
        rf"(?:(?:{_YEAR_WORD}{_S0})?(?P<y>{_ANY_YEAR})|{year}){_RB}"
    )


def _holiday(lex: TimeLexicon) -> str:
    return (
        rf"{_LB}(?P<holiday>{_alt(lex.holidays)}){_RB}"
        rf"(?:{_S0}[،,]?{_S0}(?:(?:من|في){_S})?(?:{_YEAR_WORD}{_S0})?(?P<y>{_YEAR}))?"
        rf"(?:{_S}(?P<dir>{_alt(lex.directions)}){_RB})?"
    )


@cache
def time_patterns() -> TimePatterns:
    """The compiled patterns (built on first use, then shared)."""
    lex = time_lexicon()
    triggers = _triggers(lex)
    return TimePatterns(
        date=re.compile(_date(lex)),
        year=re.compile(_year(lex)),
        day_word=re.compile(_day_word(lex)),
        weekday=re.compile(_weekday(lex)),
        period=re.compile(_period(lex)),
        count=re.compile(_count(lex)),
        plural_period=re.compile(_plural_period(lex)),
        clock=re.compile(_clock(lex)),
        hijri=re.compile(_hijri(lex)),
        fixed=re.compile(_fixed(lex)),
        decade=re.compile(_decade(lex)),
        numeric=re.compile(_numeric()),
        season=re.compile(_season(lex)),
        every_weekday=re.compile(_every_weekday(lex)),
        quarter=re.compile(_quarter(lex)),
        holiday=re.compile(_holiday(lex)),
        triggers=triggers,
        trigger_words=_trigger_words(triggers),
    )
