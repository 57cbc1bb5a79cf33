"""Times, zones, days and dates as members write them: "9am is fine", "8:30 central",
"mexico city 8am", "pause till monday", "on vacation until March 20".

Each finder looks for one kind of phrase inside a longer message and returns None when there is
none; nothing here guesses from a bare number without a cue. Absolute dates ("March 20",
"20/3") are read by python-dateutil; weekdays and spans ("monday", "next week", "2 weeks")
by the small rules below, because they are relative to the member's own today.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, time, timedelta
from functools import cache
from typing import Final
from zoneinfo import ZoneInfo, available_timezones

from dateutil import parser as date_parser

from bot.schedule.local_time import day_number, parse_time, timezone_or_none

# a day name, its three letters captured (never "month": "next month" is no Monday)
_DAY = r"(?!month)(mon|tue|wed|thu|fri|sat|sun)[a-z]*"
_DAY_RANGE = re.compile(rf"\b{_DAY}\s*(?:-|to|through|thru)\s*{_DAY}\b")  # "mon-fri"
_WEEKDAY_WORD = re.compile(
    r"\b(mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?s?\b"
)

# "9am", "9 am", "7:45", "8.30pm", "at 9", "9 o'clock", "noon". A bare number needs a cue.
_CLOCK = re.compile(
    r"(?<![\d/:.])(\d{1,2})(?:[:.h](\d{2}))?\s*(a\.?m\.?|p\.?m\.?|o'?clock|h\b|ish\b)?(?![\d/:])",
    re.IGNORECASE,
)
_CLOCK_CUE = re.compile(r"\b(at|around|by|to|for|like|@)\s*$", re.IGNORECASE)
# "half 8" / "half past 8" (8:30), "quarter past 9", "quarter to 9" (8:45)
_SPOKEN = re.compile(
    r"\b(half(?: past)?|quarter past|quarter to)\s+(\d{1,2})\b"
    r"(?:\s*(a\.?m\.?|p\.?m\.?|in the (?:morning|afternoon|evening)|at night|tonight)(?![a-z]))?",
    re.IGNORECASE,
)
# A number followed by what it counts.
_COUNTED = re.compile(
    r"\s*(more |new |other )?(jobs?|roles?|positions?|openings?|applications?|apps|people|persons?|names?|"
    r"asks?|compan(y|ies)|contacts?|referrals?|intros?|introductions?|messages?|msgs|emails?|calls?|"
    r"recruiters?|friends?|connections?|coffees?|events?|times?|questions?)\b",
    re.IGNORECASE,
)
_NOON = re.compile(r"\b(noon|midday)\b", re.IGNORECASE)

# Everyday names for zones. City names come from the tz database itself (see _cities).
ZONE_ALIASES: dict[str, str] = {
    "central": "America/Chicago",
    "cst": "America/Chicago",
    "cdt": "America/Chicago",
    "ct": "America/Chicago",
    "eastern": "America/New_York",
    "est": "America/New_York",
    "edt": "America/New_York",
    "et": "America/New_York",
    "pacific": "America/Los_Angeles",
    "pst": "America/Los_Angeles",
    "pdt": "America/Los_Angeles",
    "pt": "America/Los_Angeles",
    "mountain": "America/Denver",
    "mst": "America/Denver",
    "mdt": "America/Denver",
    "utc": "UTC",
    "gmt": "Europe/London",
    "bst": "Europe/London",
    "uk": "Europe/London",
    "cet": "Europe/Berlin",
    "cest": "Europe/Berlin",
    "ist": "Asia/Kolkata",
    "india": "Asia/Kolkata",
    "bangalore": "Asia/Kolkata",
    "bengaluru": "Asia/Kolkata",
    "mumbai": "Asia/Kolkata",
    "delhi": "Asia/Kolkata",
    "new delhi": "Asia/Kolkata",
    "sf": "America/Los_Angeles",
    "san francisco": "America/Los_Angeles",
    "seattle": "America/Los_Angeles",
    "nyc": "America/New_York",
    "boston": "America/New_York",
    "atlanta": "America/New_York",
    "miami": "America/New_York",
    "washington": "America/New_York",
    "dc": "America/New_York",
    "minneapolis": "America/Chicago",
    "dallas": "America/Chicago",
    "austin": "America/Chicago",
    "houston": "America/Chicago",
    "brazil": "America/Sao_Paulo",
    "rio": "America/Sao_Paulo",
    "germany": "Europe/Berlin",
    "munich": "Europe/Berlin",
    "france": "Europe/Paris",
    "spain": "Europe/Madrid",
    "barcelona": "Europe/Madrid",
    "italy": "Europe/Rome",
    "milan": "Europe/Rome",
    "netherlands": "Europe/Amsterdam",
    "japan": "Asia/Tokyo",
    "nigeria": "Africa/Lagos",
    "kenya": "Africa/Nairobi",
    "philippines": "Asia/Manila",
    "colombia": "America/Bogota",
    "argentina": "America/Argentina/Buenos_Aires",
    "buenos aires": "America/Argentina/Buenos_Aires",
    "peru": "America/Lima",
    "mexico": "America/Mexico_City",
    "cdmx": "America/Mexico_City",
    "guadalajara": "America/Mexico_City",
    "monterrey": "America/Monterrey",
    "sydney": "Australia/Sydney",
    "melbourne": "Australia/Melbourne",
    "toronto": "America/Toronto",
    "vancouver": "America/Vancouver",
    "montreal": "America/Toronto",
    "singapore": "Asia/Singapore",
    "dubai": "Asia/Dubai",
    "hong kong": "Asia/Hong_Kong",
    "beijing": "Asia/Shanghai",
    "china": "Asia/Shanghai",
    "korea": "Asia/Seoul",
    "poland": "Europe/Warsaw",
    "ukraine": "Europe/Kyiv",
    "kiev": "Europe/Kyiv",
}

_EVERY_DAY = frozenset(range(7))
_WEEKDAYS = frozenset(range(5))
# Ways of naming a set of days, each with the days it means.
_DAYS_PHRASES: dict[str, frozenset[int]] = {
    phrase: days
    for days, phrases in (
        (_EVERY_DAY, ("every day", "everyday", "daily", "7 days a week", "weekends too")),
        (_EVERY_DAY, ("weekends as well", "also weekends")),
        (_WEEKDAYS, ("weekdays", "week days", "workdays", "working days", "mon-fri")),
        (_WEEKDAYS, ("monday to friday", "monday through friday")),
        (frozenset({5, 6}), ("weekends only",)),
        # "every other day": three days a week, spread out.
        (frozenset({0, 2, 4}), ("every other day", "every second day", "alternate days")),
        (frozenset({0, 2, 4}), ("3 days a week", "three days a week", "3x a week")),
    )
    for phrase in phrases
}

_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"  # month words
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_ABSOLUTE_DATE = re.compile(
    rf"\b({_MONTH}\s+\d{{1,2}}(st|nd|rd|th)?|\d{{1,2}}(st|nd|rd|th)?\s+(of\s+)?{_MONTH}"
    r"|\d{1,2}/\d{1,2})\b",
    re.IGNORECASE,
)
_SPAN = re.compile(
    r"\b(?:for\s+)?(a|an|one|two|three|four|five|six|seven|eight|nine|ten|couple( of)?|few|\d{1,3})"
    r"\s+(days?|weeks?|wks?|months?)\b",
    re.IGNORECASE,
)
_NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "couple": 2,
    "couple of": 2,
    "few": 3,
}


def plain(text: str) -> str:
    """Lower case without accents: 'São Paulo' -> 'sao paulo'."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# Zones whose last part is no city a member would write, and cities that are people's names.
_NOT_CITIES = ("Etc/", "SystemV/", "US/", "posix/", "right/", "Antarctica/", "Arctic/")
_NAMES_NOT_CITIES = frozenset(
    {
        "casey",
        "davis",
        "palmer",
        "regina",
        "victoria",
        "nome",
        "eucla",
        "isabel",
        "marengo",
        "knox",
        "salem",
        "center",
        "beulah",
        "juneau",
        "creston",
        "louisville",
        "jersey",
    }
)


@cache
def _cities() -> dict[str, str]:
    """'mexico city' -> 'America/Mexico_City', from the tz database's own names."""
    names: dict[str, str] = {}
    for key in sorted(available_timezones()):
        if key.startswith(_NOT_CITIES) or "/" not in key or key.count("/") > 1:
            continue
        city = key.rsplit("/", 1)[1].replace("_", " ").lower()
        if city not in _NAMES_NOT_CITIES:
            names.setdefault(city, key)
    names.update(ZONE_ALIASES)
    return names


@cache
def _city_pattern() -> re.Pattern[str]:
    words = sorted(_cities(), key=len, reverse=True)
    # (not after an apostrophe: "c'est parfait" holds no EST)
    return re.compile(r"(?<![\w'’])(" + "|".join(re.escape(w) for w in words) + r")\b")


def find_zone(text: str) -> ZoneInfo | None:
    """An IANA name ("Europe/Berlin"), a zone word ("central", "CET") or a city ("mexico city")."""
    for token in re.findall(r"[A-Za-z][A-Za-z0-9_+\-]*(?:/[A-Za-z0-9_+\-]+){1,2}", text):
        zone = timezone_or_none(token)
        if zone is not None:
            return zone
        # "america/mexico_city" typed in lower case
        fixed = "/".join(p[:1].upper() + p[1:] for p in token.split("/"))
        fixed = re.sub(r"_([a-z])", lambda m: "_" + m.group(1).upper(), fixed)
        zone = timezone_or_none(fixed)
        if zone is not None:
            return zone
    if re.search(r"\butc\b", text, re.IGNORECASE):
        return ZoneInfo("UTC")
    match = _city_pattern().search(plain(text))
    return ZoneInfo(_cities()[match.group(1)]) if match else None


_LOOSE_AFTER = re.compile(
    r"^\s*(my time|is ok|is fine|is good|ok|okay|fine|good|alright|works?|would|please|pls|\?|$|"
    r"and i|but)",
    re.IGNORECASE,
)
_MILITARY = re.compile(r"(?:at\s+)?(\d{4})\s*(?:h|hrs|hours)?\??", re.IGNORECASE)
# A four-digit time inside a message, where it can be nothing else: "make it 0600 hrs", "change
# checkin to 0600", "msg me at 0600 instead" (a cue before it, or "h"/"hrs" after it; never a
# year such as "in 2026").
_MILITARY_IN = re.compile(
    r"(?:\b(?:at|to|make it|check ?-?ins?|set|@)\s+(?P<cued>(?:[01]\d|2[0-3])[0-5]\d)\b"
    r"|\b(?P<marked>(?:[01]\d|2[0-3])[0-5]\d)\s*(?:h|hrs|hours)\b)",
    re.IGNORECASE,
)
# "8 in the morning", "7:30 in the evening", "9 at night": the hour and its part of the day.
# Spanish too ("a las 6 de la mañana", "5:30 mañana", "7 de la tarde"): after `plain`,
# without its accents.
_HOUR_OF_THE_DAY = re.compile(
    r"\b(\d{1,2})(?:[:.](\d{2}))?\s+(?:o'?clock\s+)?(?:in\s+the\s+(morning|afternoon|evening)"
    r"|at\s+(night)|(?:de\s+la\s+|en\s+la\s+|por\s+la\s+)?(manana)"
    r"|(?:de\s+la\s+|en\s+la\s+|por\s+la\s+)(tarde|noche))\b",
    re.IGNORECASE,
)
_LOOSE_BEFORE = re.compile(
    r"\b(make it|do|how about|maybe|but|instead|,)\s*$|^(is|does|would) $", re.IGNORECASE
)


# An hour in words ("half past eight", "eight thirty", "at nine", "seven am"): turned into digits
# only where a time is meant (minutes, am/pm, a lead such as "half past" or "at", or a message
# that answers "what time suits you?"), so that "ask one person" stays words.
_HOUR_WORDS = "one two three four five six seven eight nine ten eleven twelve".split()
_MINUTE_WORDS = {
    "o'clock": "00", "oclock": "00", "oh five": "05", "ten": "10", "fifteen": "15",
    "twenty": "20", "thirty": "30", "forty": "40", "forty five": "45", "forty-five": "45",
    "fifty": "50",
}  # fmt: skip
_SPELLED_HOUR = re.compile(
    r"\b(?P<lead>half past|half|quarter past|quarter to|at|around|@)?\s*\b(?P<hour>"
    + "|".join(_HOUR_WORDS)
    + r")\b(?:[ -](?P<minutes>o'?clock|oh five|forty[ -]five|fifteen|thirty|twenty|forty|fifty|ten)\b)?"
    r"(?P<suffix>\s*(?:a\.?m\.?|p\.?m\.?)(?![a-z]))?"
    r"(?!\s+(?:point|of|more|times?|things?|person|people|days?|weeks?|months?|years?)\b)",
    re.IGNORECASE,
)


def _hours_in_digits(text: str, loose: bool) -> str:
    def digits(match: re.Match[str]) -> str:
        lead, minutes, suffix = match.group("lead"), match.group("minutes"), match.group("suffix")
        if not (lead or minutes or suffix or loose):
            return match.group(0)
        hour = _HOUR_WORDS.index(match.group("hour").lower()) + 1
        clock = (
            f"{hour}:{_MINUTE_WORDS[' '.join(minutes.lower().replace('-', ' ').split())]}"
            if minutes
            else str(hour)
        )
        return f"{lead + ' ' if lead else ''}{clock}{suffix or ''}"

    return _SPELLED_HOUR.sub(digits, text)


def find_time(text: str, loose: bool = False) -> time | None:
    """A clock time inside a message: '9am is fine', 'can you do 7:45 instead', 'at 8'. With
    `loose` (the member was just asked for a time), a bare hour with a cue counts too:
    '9 is ok', 'make it 8', '11?'. Hours in words count too ('half past eight')."""
    text = _hours_in_digits(text, loose)
    military = _MILITARY.fullmatch(text.strip()) if loose else None
    if military:  # "0745", "at 1930h": a time only where a time was asked for
        return parse_time(military.group(1))
    military = _MILITARY_IN.search(text)
    if military:
        return parse_time(military.group("cued") or military.group("marked"))
    if _NOON.search(text):
        return time(12, 0)
    spoken = _SPOKEN.search(text)
    if spoken:
        minutes = {"half": 30, "half past": 30, "quarter past": 15, "quarter to": -15}[
            " ".join(spoken.group(1).lower().split())
        ]
        hour = int(spoken.group(2))
        if 1 <= hour <= 12:
            # "quarter to six pm", "half past seven in the evening": the afternoon's hour
            later = (spoken.group(3) or "").lower().replace(".", "")
            afternoon = later == "pm" or later.endswith(("afternoon", "evening", "night"))
            total = (hour + (12 if afternoon and hour != 12 else 0)) * 60 + minutes
            return time(total // 60, total % 60)
    of_the_day = _HOUR_OF_THE_DAY.search(plain(text))
    if of_the_day and 1 <= int(of_the_day.group(1)) <= 12:
        hour, minute = int(of_the_day.group(1)), int(of_the_day.group(2) or 0)
        later = (
            of_the_day.group(3) in ("afternoon", "evening")
            or of_the_day.group(4)
            or of_the_day.group(6)
        )
        if later and hour != 12:
            hour += 12
        elif not later and hour == 12:
            hour = 0
        if minute <= 59:
            return time(hour, minute)
    for match in _CLOCK.finditer(text):
        hour = int(match.group(1))
        minute = int(match.group(2)) if match.group(2) else 0
        suffix = (match.group(3) or "").lower().replace(".", "")
        before = text[: match.start()]
        bare_ok = (
            loose
            and 5 <= hour <= 12
            and (_LOOSE_AFTER.match(text[match.end() :]) or _LOOSE_BEFORE.search(before))
        )
        if not match.group(2) and not suffix and not _CLOCK_CUE.search(before) and not bare_ok:
            continue  # a bare number ("pause 5", "2 weeks") is not a time
        if text[match.end() :].lstrip().lower().startswith(("day", "week", "month", "min", "hour")):
            continue
        if _COUNTED.match(text[match.end() :]):
            continue  # "apply to 10 jobs", "ask for 2 names": a count, not a time
        if suffix in ("am", "pm"):
            if not 1 <= hour <= 12:
                continue
            hour = hour % 12 + (12 if suffix == "pm" else 0)
        elif 1 <= hour <= 5 and not match.group(1).startswith("0"):
            hour += 12  # "at 2", "after lunch like 1.30": nobody means a check-in at 2 a.m.
        if hour > 23 or minute > 59:
            continue
        return time(hour, minute)
    return None


def find_days(text: str) -> frozenset[int] | None:
    """Which weekdays: 'weekdays', 'every day', 'mon-fri', 'mon, wed and fri'."""
    lowered = plain(text)
    for phrase, days in _DAYS_PHRASES.items():
        if re.search(rf"\b{re.escape(phrase)}\b", lowered):
            return days
    range_match = _DAY_RANGE.search(lowered)
    if range_match:
        first = _day_index(range_match.group(1))
        last = _day_index(range_match.group(2))
        span = {first}
        while first != last:
            first = (first + 1) % 7
            span.add(first)
        return frozenset(span)
    named = [_day_index(m.group(1)) for m in _WEEKDAY_WORD.finditer(lowered)]
    if len(named) == 1 and re.search(r"\b(only|just)\b", lowered):
        return frozenset(named)  # "just mondays then": one day a week
    return frozenset(named) if len(set(named)) >= 2 else None  # ("fridays … fridays" is one)


def _day_index(word: str) -> int:
    number = day_number(word.lower())
    assert number is not None  # the patterns above only match day names
    return number


@dataclass(frozen=True)
class Break:
    """How long a member wants to be left alone: until a date (exclusive) or for some days;
    from `start` when it begins later ("off next week", "away march 9-13"), else from now."""

    until: date | None = None
    days: int | None = None
    start: date | None = None

    def resume_day(self, today: date) -> date:
        """The first day check-ins come back."""
        if self.until is not None:
            return self.until
        return today + timedelta(days=7 if self.days is None else self.days)


# Breaks said relative to today, tried in this order: the pattern, and how many days ahead
# check-ins come back.
_RELATIVE_BREAKS: tuple[tuple[re.Pattern[str], Callable[[date], int]], ...] = (
    # "pause till next week", "back next week": until next Monday
    (re.compile(r"\bthis (week )?and next( week)?\b"), lambda today: 14 - today.weekday()),
    (
        re.compile(
            r"\b(till|til|until|untill|back|see you|talk|after|from|remind me|ask me again"
            r"|ask again|check in|text me|ping me|message me)\s+next week\b"
        ),
        lambda today: 7 - today.weekday(),
    ),
    (re.compile(r"\bnext week\b"), lambda today: 14 - today.weekday()),
    (re.compile(r"\bnext month\b"), lambda today: (_first_of_next_month(today) - today).days),
    (re.compile(r"\b(this|the rest of the) week\b"), lambda today: 7 - today.weekday()),
    (re.compile(r"\b(till|til|until|untill)\s+tomorrow\b"), lambda today: 1),
    (re.compile(r"\btomorrow\b"), lambda today: 2),
)
_UNTIL_WEEKDAY = re.compile(
    rf"\b(?:till|til|until|untill|to|through|thru|back on|back|after|next)\s+{_DAY}\b"
)


# "march 9-13", "9-13 march", "from the 9th to the 13th", "mar 9 to mar 13": a break with a
# first and a last day.
_DATE_RANGE = re.compile(
    rf"\b(?:(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?|(?:the\s+)?(?P<d1b>\d{{1,2}})"
    rf"(?:st|nd|rd|th)?(?:\s+(?:of\s+)?(?P<m1b>{_MONTH}))?)"
    rf"\s*(?:-|–|to|till|til|until|through|thru)\s*"
    rf"(?:(?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b|(?:the\s+)?(?P<d2b>\d{{1,2}})"
    rf"(?:st|nd|rd|th)?\b(?:\s+(?:of\s+)?(?P<m2b>{_MONTH}))?)",
    re.IGNORECASE,
)


# A range written but not a break ("march 13-9", "feb 30 - mar 2", a year away): no days at
# all, so the pause is refused with an example instead of guessing other dates. Told apart by
# identity (`brk is NO_DATES`): "pause 0" is an equal Break with its own answer.
NO_DATES = Break(days=0)
_LONGEST_RANGE = timedelta(days=183)


def _date_range(lowered: str, today: date) -> Break | None:
    """ "away march 9-13": from the 9th, back the day after the 13th; a day of the month alone
    ("from the 9th to the 13th") is the next such day; "dec 20 - jan 5" crosses the year, and a
    range already begun ("off march 1 to june 30" on the 3rd) runs from today. None where no
    range of days is said; `NO_DATES` where one is said that can't be a break."""
    found = _DATE_RANGE.search(lowered)
    if found is None:
        return None
    first_day = int(found.group("d1") or found.group("d1b"))
    last_day = int(found.group("d2") or found.group("d2b"))
    first_month = found.group("m1") or found.group("m1b")
    last_month = found.group("m2") or found.group("m2b") or first_month
    first_month = first_month or last_month
    said = re.search(r"\b(?:from|between|away|off|out|leave|vacation|holiday|trip)\b", lowered)
    if first_month is None and (not said or re.fullmatch(r"\d+\s*[-–]\s*\d+", found.group(0))):
        return None  # "9-5", "i'm off 9-5" are working hours, not a break
    if not (1 <= first_day <= 31 and 1 <= last_day <= 31):
        return NO_DATES
    if first_month is None or last_month is None:
        start = _next_day_of_month(today - timedelta(days=1), first_day)
        end = _next_day_of_month(start - timedelta(days=1), last_day)
    else:
        begin = _day_in(today.year, first_month, first_day)
        finish = _day_in(today.year, last_month, last_day)
        if begin is None or finish is None:
            return NO_DATES  # "feb 30"
        if finish < begin:  # "dec 20 - jan 5"
            finish = _day_in(today.year + 1, last_month, last_day) or finish
        if finish < today:  # all of it past this year: next year's
            crosses = finish.year > begin.year
            begin = _day_in(begin.year + 1, first_month, first_day) or begin
            finish = _day_in(begin.year + crosses, last_month, last_day) or finish
        start, end = begin, finish
    if end < start or end - start > _LONGEST_RANGE:
        return NO_DATES
    return Break(until=end + timedelta(days=1), start=start if start > today else None)


def _day_in(year: int, month: str, day: int) -> date | None:
    """The date of a month word and a day in `year`; None for "feb 30"."""
    try:
        return date(year, _MONTHS.index(month[:3].lower()) + 1, day)
    except ValueError:
        return None


_WHOLE_MONTH_OFF = re.compile(
    rf"\b(?:take|taking|took|have|having|am off|i'?m off|off for|off in|off all of)\s+(?:all of |the whole of "
    rf"|the month of |all )?{_MONTH}(?:\s+off)?\b(?!\s*\d)"
)


# Day names and "until", "week", "tomorrow" as French, Spanish, Portuguese and Tagalog members
# write them ("pause jusqu'à lundi", "hasta el lunes", "até segunda", "hanggang lunes"): read as
# the English words the patterns below know.
_IN_ENGLISH: Final = {
    "lundi": "monday", "mardi": "tuesday", "mercredi": "wednesday", "jeudi": "thursday",
    "vendredi": "friday", "samedi": "saturday", "dimanche": "sunday",
    "lunes": "monday", "martes": "tuesday", "miercoles": "wednesday", "jueves": "thursday",
    "viernes": "friday", "sabado": "saturday", "domingo": "sunday",
    "segunda": "monday", "terca": "tuesday", "quarta": "wednesday", "quinta": "thursday",
    "sexta": "friday", "miyerkules": "wednesday", "huwebes": "thursday", "biyernes": "friday",
    "jusqu'a": "until", "jusqu'au": "until", "jusqua": "until", "jusqu a": "until",
    "jusqu au": "until", "hasta el": "until", "hasta": "until",
    "hanggang": "until", "semaine": "week", "semana": "week", "demain": "tomorrow",
    "manana": "tomorrow", "amanha": "tomorrow", "bukas": "tomorrow",
}  # fmt: skip
_FOREIGN_WORD: Final = re.compile(
    r"\b(" + "|".join(sorted(map(re.escape, _IN_ENGLISH), key=len, reverse=True)) + r")\b"
)


def find_break(text: str, today: date) -> Break | None:
    """'till monday', 'until March 20', 'next week', 'a week', '3 days', 'for two weeks',
    'march 9-13'. A break that begins later ('off next week' said on a Tuesday, 'away from the
    9th to the 13th') has its `start`."""
    lowered = _FOREIGN_WORD.sub(lambda m: _IN_ENGLISH[m.group(1)], plain(text))
    ranged = _date_range(lowered, today)
    if ranged is not None:
        return ranged
    whole_month = _WHOLE_MONTH_OFF.search(lowered)
    if whole_month:  # "im taking april off entirely": the first of April to the first of May
        number = _MONTHS.index(whole_month.group(1)[:3]) + 1
        year = today.year + (1 if number < today.month else 0)
        first = date(year, number, 1)
        after = date(year + (number == 12), number % 12 + 1, 1)
        return Break(until=after, start=first if first > today else None)
    if re.search(r"\bnext week\b", lowered) and not re.search(
        r"\b(till|til|until|untill|back|see you|talk|after|from|remind me|ask me again|ask again"
        r"|check in|text me|ping me|message me)\s+next week\b|\bthis (week )?and next\b",
        lowered,
    ):
        # "off next week", "no check ins next week pls": the coming Monday to the one after
        monday = today + timedelta(days=7 - today.weekday())
        return Break(
            until=monday + timedelta(days=7), start=monday if today.weekday() < 5 else None
        )
    absolute = _ABSOLUTE_DATE.search(lowered)
    if absolute:
        day = _absolute_date(absolute.group(0), today)
        if day is not None:
            return Break(until=day)
    day_of_month = re.search(
        r"\b(?:till|til|until|to|on|back|back on) the (\d{1,2})(?:st|nd|rd|th)?\b", lowered
    )
    if day_of_month and 1 <= int(day_of_month.group(1)) <= 31:
        return Break(until=_next_day_of_month(today, int(day_of_month.group(1))))
    for phrase, days_ahead in _RELATIVE_BREAKS:
        if phrase.search(lowered):
            return Break(until=today + timedelta(days=days_ahead(today)))
    month = re.search(rf"\b(?:till|til|until|back in|in) {_MONTH}(?!\s*\d)", lowered)
    if month:  # "pause til april": until the first of that month
        number = _MONTHS.index(month.group(1)[:3]) + 1
        year = today.year + (1 if number <= today.month else 0)
        return Break(until=date(year, number, 1))
    weekday = _UNTIL_WEEKDAY.search(lowered)
    if weekday:
        target = _day_index(weekday.group(1))
        ahead = (target - today.weekday()) % 7 or 7
        return Break(until=today + timedelta(days=ahead))
    span = _SPAN.search(lowered)
    if span:
        amount = span.group(1).lower()
        count = int(amount) if amount.isdecimal() else _NUMBER_WORDS.get(amount, 1)
        unit = span.group(3)[0]
        days = count * {"d": 1, "w": 7, "m": 30}[unit]
        return Break(days=days)
    return None


def _first_of_next_month(today: date) -> date:
    return date(today.year + 1, 1, 1) if today.month == 12 else date(today.year, today.month + 1, 1)


def _next_day_of_month(today: date, day: int) -> date:
    """The next date after today falling on that day of a month ("till the 10th")."""
    year, month = today.year, today.month
    for _ in range(13):
        try:
            candidate = date(year, month, day)
        except ValueError:
            candidate = None
        if candidate is not None and candidate > today:
            return candidate
        month, year = (1, year + 1) if month == 12 else (month + 1, year)
    return today + timedelta(days=7)


def _absolute_date(phrase: str, today: date) -> date | None:
    """'march 20' -> the next 20 March on or after today (dateutil reads the phrase)."""
    try:
        parsed = date_parser.parse(phrase, default=date_parser.parse(today.isoformat()))
    except (ValueError, OverflowError):
        return None
    day: date = parsed.date()
    if day < today:
        try:
            day = day.replace(year=day.year + 1)
        except ValueError:
            return None
    return day
