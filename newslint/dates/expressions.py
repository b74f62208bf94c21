"""Date expressions: find them once per document and resolve each to a range of days.

A mention keeps what the writer put down (year, month, day, a weekday named
with the date) and what it means: ``first``..``last``, the days it can refer
to. Expressions that lean on the publication date ("last week", "in March",
"Thursday 3 March") are resolved against it; without one they stay
unresolved (``first`` is None) and the checks that need them stay quiet.

A date without a year takes the year that puts it nearest the publication
date, as a reader would: "30 December" in an article of 5 January is last
year's. Dates that cannot exist (30 February, 31 June, month 13) carry a
``problem`` and no range.

All arithmetic is the standard library's (``datetime``, ``calendar``).
"""
from __future__ import annotations

import bisect
import calendar
import datetime as _dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter
from typing import TYPE_CHECKING

from newslint.dates.lazy import LazyPattern
from newslint.dates.prefilter import SPACE, Prefilter, ascii_view, document_view, fold, relax

if TYPE_CHECKING:  # pragma: no cover
    from newslint.document import Document

MONTH_NAMES = (
    "", "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

_MONTH_NUMBER = {name.lower(): i for i, name in enumerate(MONTH_NAMES) if name}
_MONTH_NUMBER.update(
    {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
     "oct": 10, "nov": 11, "dec": 12}
)


def month_number(word: str) -> int | None:
    """1-12 for a month's name or abbreviation ("August", "Aug.", "sept"), else None."""
    return _MONTH_NUMBER.get(word.rstrip(".").lower())


_WEEKDAY_NUMBER = {name.lower(): i for i, name in enumerate(WEEKDAY_NAMES)}
_WEEKDAY_NUMBER.update(
    {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6}
)
_SEASON_MONTHS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}

# -- patterns -------------------------------------------------------------------
#: A month's name or abbreviation ("August", "Aug.", "Sept"), for patterns here and in the checks.
MONTH_WORD = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_MONTH = rf"(?P<month>{MONTH_WORD})"
_WEEKDAY_WORD = (
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|Mon\.|Tues?\.|Wed\.|Thu(?:rs?)?\.|Fri\.|Sat\.|Sun\."
)
# A weekday written with the date: "Thursday, March 3", "Monday 6 October", "Friday the 3rd of".
_WEEKDAY = rf"(?:(?P<weekday>{_WEEKDAY_WORD})(?:,\s*|\s+)(?:the\s+)?)?"
_DAY = r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
# A year is four digits that are not part of a bigger number, a decimal or an amount.
_YEAR = r"(?P<year>1[0-9]\d\d|20\d\d|21\d\d)(?![\d%]|[.,]\d|s\b)"
_NOT_AMOUNT = r"(?!\d|\s*(?:%|per\s*cent|percent)|[.,]\d)"

_PATTERNS: tuple[tuple[str, str], ...] = (
    # "Thursday, March 3, 2022", "March 3", "Mar. 3rd 2022"
    ("mdy", rf"\b{_WEEKDAY}{_MONTH}\s+{_DAY}\b{_NOT_AMOUNT}(?:\s*[-\u2013]\s*(?:3[01]|[12]\d|0?[1-9])\b)?"
            rf"(?:(?:,\s*|\s+){_YEAR})?"),
    # "Monday 6 October 2025", "3rd of March", "the 30 April"
    ("dmy", rf"\b{_WEEKDAY}(?<![\d.,/-]){_DAY}(?:\s+of)?\s+{_MONTH}(?![\w])(?:,?\s+{_YEAR})?"),
    # "August 2023", "Aug. 2023"
    ("my", rf"\b{_MONTH}(?:,\s*|\s+)(?:of\s+)?{_YEAR}"),
    # ISO "2022-03-03" (month 13 is caught as invalid)
    ("iso", r"(?<![\d/.-])(?P<year>1[0-9]\d\d|20\d\d|21\d\d)-(?P<a>\d{1,2})-(?P<b>\d{1,2})(?![\d-])"),
    # "03/03/2022" (month/day or day/month) and "17.05.2025" (day.month)
    ("slash", r"(?<![\d/.-])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>1[0-9]\d\d|20\d\d|21\d\d)(?![\d/])"),
    ("dotted", r"(?<![\d/.-])(?P<b>\d{1,2})\.(?P<a>\d{1,2})\.(?P<year>1[0-9]\d\d|20\d\d|21\d\d)(?![\d.]\d)"),
    # "summer 2023", "the winter of 2022"
    ("season_year", rf"(?i:\b(?P<season>spring|summer|autumn|fall|winter))(?:\s+of)?\s+{_YEAR}"),
    # "this summer", "last winter"
    ("season_rel", r"(?i:\b(?P<rel>this|last|next|past)\s+(?P<season>spring|summer|autumn|fall|winter))\b"),
    # "the 1990s", "the early 2000s", "the '90s"
    ("decade", r"(?i:\bthe\s+(?:(?:early|late|mid)[\s-]+)?)(?:(?P<decade>1[0-9]\d0|20\d0)s|['\u2019](?P<short>\d0)s)\b"),
    # "last week", "this year", "next month", "the past year"
    ("relative", r"(?i:\b(?P<rel>last|this|next|past)\s+(?P<unit>week|weekend|month|year))\b"),
    ("deictic", r"(?i:\b(?P<word>yesterday|today|tomorrow|tonight))\b"),
    # "three weeks ago", "a year ago"
    # (found from the word "ago" backwards: see _AGO_BEFORE)
    ("ago", r"(?i:\bago\b)"),
    # "on Tuesday", "last Friday", plain "Tuesday"
    ("weekday", r"(?:\b(?P<rel>last|next|this)\s+)?\b(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"),
    # "in 2023", "the 2004 tsunami"
    ("year", rf"(?<![\d.,$\u00a3\u20ac/#-])\b{_YEAR}"),
)

# Where each pattern can start: the first three letters, lowercased, of the word a match opens
# with ("digit": an ASCII digit; "other": a character outside ASCII, which may be a digit of
# another script). The one RE2 pass over the patterns' relaxations (newslint.dates.prefilter)
# proposes places; at each, only the patterns that can start with what is there are tried.
# test_dates checks the scan against every pattern's own finditer.
_MONTH_KEYS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_WEEKDAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_STARTS: dict[str, tuple[str, ...]] = {
    "mdy": _MONTH_KEYS + _WEEKDAY_KEYS,
    "dmy": _WEEKDAY_KEYS + ("digit",),
    "my": _MONTH_KEYS,
    "iso": ("digit",),
    "slash": ("digit", "other"),
    "dotted": ("digit", "other"),
    "season_year": ("spr", "sum", "aut", "fal", "win"),
    "season_rel": ("thi", "las", "nex", "pas"),
    "decade": ("the",),
    "relative": ("las", "thi", "nex", "pas"),
    "deictic": ("yes", "tod", "tom", "ton"),
    "ago": ("ago",),
    "weekday": _WEEKDAY_KEYS + ("las", "nex", "thi"),
    "year": ("digit",),
}

# A weekday written as one of a list ("Tuesday and Wednesday, March 4 and 5") or a date that opens a
# range ("Friday, March 3-5") does not pair one weekday with one date.
_WEEKDAY_LIST_BEFORE = LazyPattern(
    rf"(?:{_WEEKDAY_WORD})\s*(?:,|and|or|to|through|-|\u2013)\s*$", re.IGNORECASE
)
_RANGE_AFTER = LazyPattern(r"\s*(?:-|\u2013|\u2014|and|or|to|through|until)\s*\d", re.IGNORECASE)
# "In June 31 people died": a count after a month, not the 31st of June.
_COUNT_AFTER = LazyPattern(
    r"\s+(?!(?:and|at|to|in|on|when|the|a|an|with|for|from|as|after|before|until|was|is|will|were|had|has|"
    r"of|by|this|that|which|is|its|his|her|their)\b)[a-z]"
)


@dataclass(slots=True, unsafe_hash=True)
class DateMention:
    """One date expression as written, and the days it means; read-only by convention (one
    document's mentions are shared by every check). Not frozen: a frozen dataclass sets each field
    through ``object.__setattr__``, which tripled the cost of building the thousands a document holds.

    ``kind`` is ``day``, ``month``, ``year``, ``decade``, ``season``, ``relative``
    (last week, three years ago, yesterday) or ``weekday`` (a bare "Tuesday").
    ``first``/``last`` bound the days meant (inclusive); None when the date is
    impossible (see ``problem``) or leans on a publication date the article lacks.
    ``weekday`` is the weekday written with the date (0 = Monday), if any.
    ``lead``, the words before it, is read from ``source`` (the text scanned, whose offsets were
    shifted by ``shift``) when asked for.
    """

    start: int
    end: int
    text: str
    kind: str
    first: _dt.date | None
    last: _dt.date | None
    year: int | None = None
    month: int | None = None
    day: int | None = None
    year_given: bool = False
    weekday: int | None = None
    weekday_span: tuple[int, int] | None = None
    problem: str | None = None
    #: The text the mention was found in, and what was added to offsets in it: for ``lead``.
    source: str = field(default="", repr=False, compare=False)
    shift: int = field(default=0, repr=False, compare=False)
    #: ``lead``, once worked out: the checks ask for it once per officeholder in the sentence.
    lead_text: str | None = field(default=None, repr=False, compare=False)

    @property
    def lead(self) -> str:
        """Up to three lowercase words before the mention in its sentence ("said on", "in early")."""
        lead = self.lead_text
        if lead is None:
            lead = self.lead_text = _lead(self.source, self.start - self.shift) if self.source else ""
        return lead

    @property
    def resolved(self) -> bool:
        return self.first is not None

    def overlaps(self, first: _dt.date, last: _dt.date | None) -> bool:
        """Whether this mention's days overlap ``first``..``last`` (None: open-ended)."""
        if self.first is None or self.last is None:
            return False
        return self.first <= (last or _dt.date.max) and first <= self.last

    def describe(self) -> str:
        """The time meant, in words an editor reads back ("May 2019", "3 March 2022")."""
        return describe_range(self.first, self.last) if self.first else self.text


def describe_range(first: _dt.date, last: _dt.date) -> str:
    if first == last:
        return format_date(first)
    if first.year == last.year and first.month == last.month and _whole_months(first, last):
        return f"{MONTH_NAMES[first.month]} {first.year}"
    if first == _dt.date(first.year, 1, 1) and last == _dt.date(first.year, 12, 31):
        return str(first.year)
    return f"{format_date(first)} to {format_date(last)}"


def time_phrase(first: _dt.date, last: _dt.date) -> str:
    """A message's opening words for the time ``first``..``last``: "On 3 March 2022", "In May 2019",
    "In 2019", "Between 27 February and 12 March 2024" (a weekday or a season is such a stretch)."""
    described = describe_range(first, last)
    if first == last:
        return f"On {described}"
    if " to " not in described:  # one month or one year
        return f"In {described}"
    whole_months = _whole_months(first, last)
    if whole_months and first.month == 1 and last.month == 12:
        return f"Between {first.year} and {last.year}"
    if whole_months:
        start, end = f"{MONTH_NAMES[first.month]} {first.year}", f"{MONTH_NAMES[last.month]} {last.year}"
    else:
        start, end = format_date(first), format_date(last)
    if first.year == last.year:
        start = start.rsplit(" ", 1)[0]
    return f"Between {start} and {end}"


def _whole_months(first: _dt.date, last: _dt.date) -> bool:
    """Whether ``first``..``last`` starts on a month's first day and ends on a month's last."""
    return first.day == 1 and last.day == _month_days(last.year, last.month)


def format_date(day: _dt.date) -> str:
    return f"{day.day} {MONTH_NAMES[day.month]} {day.year}"


def ordinal(number: int) -> str:
    """1st, 2nd, 3rd, 11th, 21st, 112th."""
    if 10 <= number % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


_MONTH_LENGTHS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_from_ordinal = _dt.date.fromordinal  # day arithmetic on ordinals: timedelta objects cost more


def _month_days(year: int, month: int) -> int:
    return 29 if month == 2 and calendar.isleap(year) else _MONTH_LENGTHS[month]


def _max_days(month: int) -> int:
    """The most days ``month`` ever has (29 for February)."""
    return 29 if month == 2 else _MONTH_LENGTHS[month]


def nearest_year(month: int, day: int, pub: _dt.date) -> int:
    """The year that puts ``month``/``day`` nearest ``pub`` (29 February counts as the 28th)."""
    best = None
    for year in (pub.year - 1, pub.year, pub.year + 1):
        candidate = _dt.date(year, month, min(day, _month_days(year, month)))
        distance = abs((candidate - pub).days)
        if best is None or distance < best[0]:
            best = (distance, year)
    return best[1]


def day_problem(year: int | None, month: int, day: int) -> str | None:
    """Why ``day`` ``month`` (``year``) cannot exist, or None."""
    if not 1 <= month <= 12:
        return f"there is no month {month}"
    if day > _max_days(month):
        days = "28 days, 29 in a leap year" if month == 2 else f"{_max_days(month)} days"
        return f"{MONTH_NAMES[month]} has {days}"
    if year is not None and month == 2 and day == 29 and not calendar.isleap(year):
        return f"{year} is not a leap year, so February {year} has 28 days"
    return None


# -- scanning -------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _compiled() -> tuple[tuple[str, LazyPattern], ...]:
    """The patterns, each compiled when first tried: a short article tries only a few of them."""
    return tuple((kind, LazyPattern(pattern)) for kind, pattern in _PATTERNS)


@lru_cache(maxsize=1)
def _prefilter() -> tuple[Prefilter, dict[bytes, tuple[int, ...]]]:
    """The RE2 pass over every relaxation, and which patterns (by index) to try at each kind of start."""
    relaxed = [relax(pattern) for _, pattern in _PATTERNS]
    prefilter = Prefilter(relaxed) if all(relaxed) else Prefilter(())
    tried: dict[bytes, list[int]] = {}
    for index, (kind, _) in enumerate(_PATTERNS):
        for key in _STARTS[kind]:
            tried.setdefault(key.encode("ascii"), []).append(index)
    return prefilter, {key: tuple(indices) for key, indices in tried.items()}


@lru_cache(maxsize=1)
def _numeric_patterns() -> dict[tuple[int, bool, bool], tuple[int, ...]]:
    """The patterns to try where a number starts, by its first character, whether "/" or "." follows
    within two characters, and whether "-" is the fifth character: "03/03/2022" and "17.05.2025"
    need the separator, a year opens with 1 or 2, and "2022-03-03" has its dash there."""
    kinds = [kind for kind, _ in _PATTERNS]
    _, tried = _prefilter()
    table = {}
    for first in b"0123456789?":
        for separated in (False, True):
            for dashed in (False, True):
                allowed = {"dmy"} if first != 63 else set()
                if separated:
                    allowed |= {"slash", "dotted"}
                if first in b"12":
                    allowed |= {"year", "iso"} if dashed else {"year"}
                key = b"digit" if first != 63 else b"other"
                table[first, separated, dashed] = tuple(i for i in tried[key] if kinds[i] in allowed)
    return table


# A weekday starts "Thursday, March 3" (mdy) or "Monday 6 October" (dmy) only when a separator, perhaps
# "the", and a month's capital or a digit follow it; in the ASCII view (a superset: any word, and "?"
# for every character outside ASCII, among them Unicode's other spaces and digits).
_DATE_AFTER_WEEKDAY = LazyPattern(rf"[A-Za-z]+\.?(?:,{SPACE}*|{SPACE}+)(?:the{SPACE}+)?[0-9?JFMASOND]".encode("ascii"))


@lru_cache(maxsize=1)
def _weekday_alone_patterns() -> dict[bytes, tuple[int, ...]]:
    """The patterns to try at a weekday with no date after it (``_DATE_AFTER_WEEKDAY``): all those
    of its start but mdy and dmy, which are then never tried (nor compiled, in a short article)."""
    kinds = [kind for kind, _ in _PATTERNS]
    _, tried = _prefilter()
    return {
        key.encode("ascii"): tuple(i for i in tried[key.encode("ascii")] if kinds[i] not in ("mdy", "dmy"))
        for key in _WEEKDAY_KEYS
    }


_AGO = [kind for kind, _ in _PATTERNS].index("ago")
_ORDER = itemgetter(0, 1, 2)
_INDEX = itemgetter(2)


def scan(text: str, pub: _dt.date | None, offset: int = 0, view: bytes | None = None) -> list[DateMention]:
    """Every date expression in ``text`` (offsets shifted by ``offset``), longest first at a place.

    Where expressions overlap, the one starting first wins, then the longest, then the one whose
    pattern comes first in ``_PATTERNS``; the others are part of it or a lesser reading, and are
    never built. ``view`` is ``ascii_view(text)``, when the caller has it.
    """
    return [_built(entry, text, pub, offset) for entry in _resolve(text, pub, offset, view)]


def scan_dated(text: str, pub: _dt.date | None) -> list[DateMention]:
    """:func:`scan`'s mentions of a day, month, year, season or decade (as ``DateIndex.dated``)."""
    return [e for e in _resolve(text, pub, 0, None) if type(e) is DateMention and e.kind != "relative"]


def _built(entry: DateMention | tuple[int, re.Match], text: str, pub: _dt.date | None, offset: int) -> DateMention:
    return entry if type(entry) is DateMention else _BUILDERS[entry[0]](entry[1], text, pub, offset)


def _resolve(text: str, pub: _dt.date | None, offset: int, view: bytes | None) -> list:
    """:func:`scan`'s mentions, but those of ``_DEFERRED`` patterns left as (pattern index, match)
    to be built when asked for (:func:`_built`)."""
    found = pattern_matches(text, view)
    if _AGO in map(_INDEX, found):
        found = _with_ago_built(found, text, pub, offset)
    found.sort(key=_ORDER)
    kept: list = []
    reach = -1
    for start, _, index, item in found:
        if start < reach:
            continue
        if index in _DEFERRED:
            kept.append((index, item))
            reach = item.end()
            continue
        mention = item if index == _AGO else _BUILDERS[index](item, text, pub, offset)
        if mention is not None:
            kept.append(mention)
            reach = mention.end - offset
    return kept


def _with_ago_built(found, text, pub, offset):
    """An "ago" expression starts before the word its pattern finds: build it to know where."""
    out = []
    for entry in found:
        if entry[2] == _AGO:
            mention = _ago(entry[3], text, pub, offset)
            if mention is None:
                continue
            entry = (mention.start - offset, mention.start - mention.end, _AGO, mention)
        out.append(entry)
    return out


def pattern_matches(text: str, view: bytes | None = None, fast: bool = True) -> list[tuple[int, int, int, re.Match]]:
    """What each of ``_PATTERNS`` finds with ``finditer``, as (start, -length, pattern index, match).

    The matches come in no particular order. With ``fast`` (and RE2 at hand) a pattern is tried only
    where the one RE2 pass over all their relaxations found a place to start, and only if ``_STARTS``
    lets it start with what is there (see newslint.dates.prefilter); the matches are the same.
    """
    patterns = _compiled()
    prefilter, tried = _prefilter()
    found: list[tuple[int, int, int, re.Match]] = []
    if not (fast and prefilter.available):
        for index, (_, pattern) in enumerate(patterns):
            for match in pattern.finditer(text):
                found.append((match.start(), match.start() - match.end(), index, match))
        return found
    if view is None:
        view = ascii_view(text)
    by_digits, weekday_alone, none = _numeric_patterns(), _weekday_alone_patterns(), ()
    date_after_weekday = _DATE_AFTER_WEEKDAY.match
    reach = [0] * len(patterns)  # per pattern: where its last match ended, as in finditer
    for pos in prefilter.starts(view):
        first = view[pos]
        if 48 <= first <= 57 or first == 63:  # an ASCII digit, or "?": a character outside ASCII
            near = view[pos + 1 : pos + 3]
            indices = by_digits[first, b"/" in near or b"." in near, view[pos + 4 : pos + 5] == b"-"]
        else:
            key = view[pos : pos + 3].lower()
            indices = tried.get(key, none)
            if key in weekday_alone and date_after_weekday(view, pos) is None:
                indices = weekday_alone[key]
        for index in indices:
            if pos >= reach[index]:
                match = patterns[index][1].match(text, pos)
                if match is not None:
                    end = reach[index] = match.end()
                    found.append((pos, pos - end, index, match))
    return found


class DateIndex:
    """A document's date mentions in text order, with quick lookup by span.

    ``dated`` holds the mentions that name a day, month, year, season or decade. Most of the others
    ("Tuesday", "last week", "this summer", "today": two in five of all, and only the checks that
    read a sentence's every date want them) are built the first time a lookup reaches them.
    """

    def __init__(self, entries: list, text: str, pub: _dt.date | None) -> None:
        self._entries = entries
        self._text, self._pub = text, pub
        self._starts = [e.start if type(e) is DateMention else e[1].start() for e in entries]
        self.dated = [e for e in entries if type(e) is DateMention and e.kind != "relative"]

    @property
    def mentions(self) -> list[DateMention]:
        """Every mention, in text order."""
        return [self._mention(i) for i in range(len(self._entries))]

    def _mention(self, i: int) -> DateMention:
        entry = self._entries[i]
        if type(entry) is not DateMention:
            entry = self._entries[i] = _built(entry, self._text, self._pub, 0)
        return entry

    def between(self, start: int, end: int) -> list[DateMention]:
        """The mentions lying wholly inside ``start``..``end``."""
        i = bisect.bisect_left(self._starts, start)
        starts, out = self._starts, []
        while i < len(starts) and starts[i] < end:
            mention = self._mention(i)
            if mention.end <= end:
                out.append(mention)
            i += 1
        return out


def document_dates(doc: "Document") -> DateIndex:
    """The shared per-document index (``doc.memo("dates", ...)``), built once per document."""
    return doc.memo("dates", _document_dates)


def _document_dates(doc: "Document") -> DateIndex:
    text, pub = doc.normalized, doc.metadata.date
    return DateIndex(_resolve(text, pub, 0, document_view(doc)), text, pub)


_LEAD_WORD = LazyPattern(r"[A-Za-z][\w'-]*")


def _lead(text: str, start: int) -> str:
    """Up to three lowercase words before ``start`` in the same sentence ("said on", "in early")."""
    window = text[max(0, start - 40) : start]
    cut = max(window.rfind("."), window.rfind("\n"), window.rfind(";"))
    words = _LEAD_WORD.findall(window, cut + 1)
    return " ".join(words[-3:]).lower()


def _span(match, text, offset, kind, first, last, year=None, month=None, year_given=False) -> DateMention:
    """A mention covering the whole match, with no day, weekday or problem."""
    return DateMention(
        match.start() + offset, match.end() + offset, match.group(), kind, first, last, year, month, None,
        year_given, None, None, None, text, offset
    )


def _weekday_of(match: re.Match, text: str, offset: int) -> tuple[int | None, tuple[int, int] | None]:
    word = match.group("weekday")
    if not word:
        return None, None
    if _after_weekday_list(text, match.start()):
        return None, None
    if _RANGE_AFTER.match(text, match.end("day")):
        return None, None
    return _WEEKDAY_NUMBER[word.rstrip(".").lower()], (match.start("weekday") + offset, match.end("weekday") + offset)


_LIST_WORDS = {"d": "and", "r": "or", "o": "to", "h": "through"}


def _after_weekday_list(text: str, start: int) -> bool:
    """Whether ``_WEEKDAY_LIST_BEFORE`` matches the 20 characters before ``start``. The usual "no" is
    read from their end without the search: a match ends in a weekday (the last letter "y", or the
    abbreviation's "."), a separator and white space."""
    low = max(0, start - 20)
    tail = text[low:start].rstrip()
    if not tail:
        return False
    if tail[-1] in ",-\u2013":
        tail = tail[:-1]
    else:
        word = _LIST_WORDS.get(tail[-1].lower())
        if word is None or tail[-len(word) :].lower() != word:
            return False
        tail = tail[: -len(word)]
    tail = tail.rstrip()
    if not tail or tail[-1] not in "yY.":
        return False
    return _WEEKDAY_LIST_BEFORE.search(text, low, start) is not None


def _day_mention(match, text, pub, offset, month: int, day: int, year: int | None) -> DateMention | None:
    if year is None and day >= 29 and _lead(text, match.start()).endswith("in") and _COUNT_AFTER.match(
        text, match.end()
    ):
        return None  # "in June 31 people died"
    weekday, weekday_span = _weekday_of(match, text, offset)
    year_given = year is not None
    problem = day_problem(year, month, day)
    if problem is None and year is None and pub is not None:
        year = nearest_year(month, day, pub)
        problem = day_problem(year, month, day)
    first = _dt.date(year, month, day) if problem is None and year is not None else None
    return DateMention(
        match.start() + offset, match.end() + offset, match.group(), "day", first, first, year, month, day,
        year_given, weekday, weekday_span, problem, text, offset
    )


def _named(match, text, pub, offset):
    month = _MONTH_NUMBER[match.group("month").rstrip(".").lower()]
    year = match.group("year")
    return _day_mention(match, text, pub, offset, month, int(match.group("day")), int(year) if year else None)


def _numeric(match, text, offset, readings: list[tuple[int, int]]) -> DateMention | None:
    """A numeric date, given its possible (month, day) readings."""
    year = int(match.group("year"))
    valid = {(m, d) for m, d in readings if 1 <= m <= 12 and 1 <= d <= 31 and day_problem(year, m, d) is None}
    if not valid:  # explain with a reading whose month exists, if there is one: "31/11" is November's
        month, day = min(readings, key=lambda r: not 1 <= r[0] <= 12)
        problem = day_problem(year, month, day) or f"there is no day {day}"
        return DateMention(
            match.start() + offset, match.end() + offset, match.group(), "day", None, None, year, None, None, True,
            None, None, problem, text, offset
        )
    if len(valid) > 1:
        return None  # 03/04/2022: no way to tell which is meant
    ((month, day),) = valid
    day_date = _dt.date(year, month, day)
    return DateMention(
        match.start() + offset, match.end() + offset, match.group(), "day", day_date, day_date, year, month,
        day, True, None, None, None, text, offset
    )


def _iso(match, text, pub, offset):
    return _numeric(match, text, offset, [(int(match.group("a")), int(match.group("b")))])


def _slashed(match, text, pub, offset):
    a, b = int(match.group("a")), int(match.group("b"))
    return _numeric(match, text, offset, [(a, b), (b, a)])


def _dotted(match, text, pub, offset):
    return _numeric(match, text, offset, [(int(match.group("a")), int(match.group("b")))])


def _month_year(match, text, pub, offset):
    month = _MONTH_NUMBER[match.group("month").rstrip(".").lower()]
    year = int(match.group("year"))
    first = _dt.date(year, month, 1)
    last = _dt.date(year, month, _month_days(year, month))
    return _span(match, text, offset, "month", first, last, year=year, month=month, year_given=True)


_REL_SHIFT = {"this": 0, "next": 1, "last": -1, "past": -1}
_PAST_DAYS = {"week": 7, "weekend": 7, "month": 31, "year": 366}
_DEICTIC_SHIFT = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}
_SLACK_DAYS = {"day": 0, "week": 3, "month": 15, "year": 183, "decade": 1826}


def _season_range(season: str, year: int) -> tuple[_dt.date, _dt.date]:
    first_month, last_month = _SEASON_MONTHS[fold(season)]
    if first_month > last_month:  # winter runs over the new year: allow either reading
        return _dt.date(year - 1, 12, 1), _dt.date(year + 1, 2, _month_days(year + 1, 2))
    return _dt.date(year, first_month, 1), _dt.date(year, last_month, _month_days(year, last_month))


def _season_year(match, text, pub, offset):
    year = int(match.group("year"))
    first, last = _season_range(match.group("season"), year)
    return _span(match, text, offset, "season", first, last, year=year, year_given=True)


def _season_relative(match, text, pub, offset):
    first = last = None
    if pub is not None:
        shift = _REL_SHIFT[fold(match.group("rel"))]
        first, last = _season_range(match.group("season"), pub.year + shift)
    return _span(match, text, offset, "season", first, last)


def _decade(match, text, pub, offset):
    if match.group("decade"):
        start_year = int(match.group("decade"))
    else:
        short = int(match.group("short"))
        start_year = (1900 if short >= 30 else 2000) + short
    return _span(match, text, offset, "decade", _dt.date(start_year, 1, 1), _dt.date(start_year + 9, 12, 31),
                 year=start_year, year_given=True)


def _relative(match, text, pub, offset):
    first = last = None
    if pub is not None:
        rel, unit = fold(match.group("rel")), fold(match.group("unit"))
        shift = _REL_SHIFT[rel]
        if rel == "past":  # "the past year": the stretch ending now
            span = _PAST_DAYS[unit]
            first, last = _from_ordinal(pub.toordinal() - span), pub
        elif unit in ("week", "weekend"):
            monday = pub.toordinal() - pub.weekday() + 7 * shift
            first, last = _from_ordinal(monday), _from_ordinal(monday + 6)
        elif unit == "month":
            index = pub.year * 12 + pub.month - 1 + shift
            year, month = divmod(index, 12)
            first, last = _dt.date(year, month + 1, 1), _dt.date(year, month + 1, _month_days(year, month + 1))
        else:
            first, last = _dt.date(pub.year + shift, 1, 1), _dt.date(pub.year + shift, 12, 31)
    return _span(match, text, offset, "relative", first, last)


def _deictic(match, text, pub, offset):
    first = None
    if pub is not None:
        shift = _DEICTIC_SHIFT[fold(match.group("word"))]
        first = _from_ordinal(pub.toordinal() + shift)
    return _span(match, text, offset, "relative", first, first)


_COUNT_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30.44, "year": 365.25, "decade": 3652.5}


_AGO_BEFORE = LazyPattern(
    r"(?i:\b(?P<count>\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a\s+few)"
    r"\s+(?P<unit>days?|weeks?|months?|years?|decades?)\s+)$"
)


def _ago(found, text, pub, offset):
    """ "three weeks ago": the cheap match is the word "ago"; the count and unit are read backwards."""
    match = _AGO_BEFORE.search(text, max(0, found.start() - 30), found.start())
    if match is None:
        return None
    first = last = None
    if pub is not None:
        count_word = fold(match.group("count"))
        unit = fold(match.group("unit")).rstrip("s")
        if count_word.isdigit() or count_word in _COUNT_WORDS:
            count = int(count_word) if count_word.isdigit() else _COUNT_WORDS[count_word]
            low, high = count, count
        else:  # "several", "a few"
            low, high = 2, 9
        # Writers round: "a year ago" covers a stretch around the exact day.
        slack = _SLACK_DAYS[unit]
        first = _from_ordinal(pub.toordinal() - (round(high * _UNIT_DAYS[unit]) + slack))
        last = _from_ordinal(pub.toordinal() - max(0, round(low * _UNIT_DAYS[unit]) - slack))
    return DateMention(
        match.start() + offset, found.end() + offset, text[match.start() : found.end()], "relative", first,
        last, None, None, None, False, None, None, None, text, offset
    )


def _weekday_alone(match, text, pub, offset):
    first = last = None
    rel = (match.group("rel") or "").lower()
    if pub is not None:
        target = _WEEKDAY_NUMBER[match.group("weekday").lower()]
        back = (pub.weekday() - target) % 7 or 7
        ahead = (target - pub.weekday()) % 7 or 7
        today = pub.toordinal()
        if rel == "last":
            first = last = _from_ordinal(today - back)
        elif rel == "next":
            first = last = _from_ordinal(today + ahead)
        else:  # "on Tuesday": the one just past or the one coming, the tense decides
            first, last = _from_ordinal(today - back), _from_ordinal(today + ahead)
    return _span(match, text, offset, "weekday", first, last)


def _year(match, text, pub, offset):
    year = int(match.group("year"))
    return _span(match, text, offset, "year", _dt.date(year, 1, 1), _dt.date(year, 12, 31), year=year,
                 year_given=True)


# Patterns whose mention always spans the match and is never one of "dated"'s kinds: built on demand.
_DEFERRED = frozenset(
    i for i, (kind, _) in enumerate(_PATTERNS) if kind in ("season_rel", "relative", "deictic", "weekday")
)

_BUILDERS = tuple(
    {
        "mdy": _named,
        "dmy": _named,
        "my": _month_year,
        "iso": _iso,
        "slash": _slashed,
        "dotted": _dotted,
        "season_year": _season_year,
        "season_rel": _season_relative,
        "decade": _decade,
        "relative": _relative,
        "deictic": _deictic,
        "ago": _ago,
        "weekday": _weekday_alone,
        "year": _year,
    }[kind]
    for kind, _ in _PATTERNS
)
