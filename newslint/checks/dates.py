"""Date checks: dates that cannot be right on the calendar, or for the time spoken of.

* ``date-weekday-mismatch``: a weekday written with a date that falls on another day.
* ``date-invalid``: 30 February, 31 June, 29 February in a common year, month 13.
* ``date-anachronism``: an officeholder named with a title for a time they did not
  hold it; a date after publication told in the past tense; a known event given
  another date.
* ``date-anniversary``: an anniversary or "N years since" count that does not fit
  the years.

Every check reads the one date index of the document (``newslint.dates.expressions``,
memoised as ``doc.memo("dates")``); the knowledge bases load once per process. What the
checks search for beyond dates (titles and names, event cues, anniversary phrases) is
found with one RE2 pass each over the document's ASCII view (``newslint.dates.prefilter``).
"""
from __future__ import annotations

import bisect
import datetime as _dt
import re
from functools import lru_cache
from typing import Iterator

from newslint.checks.base import Check, CheckContext, Docs, Option
from newslint.dates.expressions import (
    MONTH_NAMES,
    MONTH_WORD,
    WEEKDAY_NAMES,
    DateIndex,
    DateMention,
    describe_range,
    document_dates,
    format_date,
    month_number,
    ordinal,
    time_phrase,
)
from newslint.dates.knowledge import (
    Event,
    EventCues,
    OfficeMention,
    Officeholders,
    load_events,
    load_officeholders,
    title_words,
)
from newslint.dates.language import (
    COUNT,
    FUTURE_OR_PLAN,
    HYPOTHETICAL,
    NOT_IN_OFFICE,
    ORDINAL,
    is_past_verb,
    parse_count,
    parse_ordinal,
)
from newslint.dates.lazy import LazyPattern
from newslint.dates.prefilter import Prefilter, document_view, pattern_prefilter
from newslint.document import Document
from newslint.findings import Finding, Severity
from newslint.hookspecs import hookimpl

_ONE_DAY = _dt.timedelta(days=1)
_KB_OPTION_HELP = "extra YAML files (paths relative to the configuration file) merged into the built-in {}"


def _is_str_list(value) -> None:
    if not all(isinstance(item, str) for item in value):
        raise ValueError("expected a list of file paths")


def _sentence_bounds(doc: Document, offset: int) -> tuple[int, int] | None:
    index = doc.sentence_index(offset)
    if index is None:
        return None
    sentence = doc.sentences[index]
    return sentence.start, sentence.end


def _written_date(mention: DateMention) -> str:
    """The date as the writer ordered it, without the weekday: "March 3, 2022" or "3 March 2022"."""
    day, month, year = mention.first.day, MONTH_NAMES[mention.first.month], mention.first.year
    body = mention.text[mention.weekday_span[1] - mention.start :] if mention.weekday_span else mention.text
    digit = re.search(r"\d", body)
    month_first = digit is not None and re.search(r"[A-Za-z]{3}", body[: digit.start()]) is not None
    return f"{month} {day}, {year}" if month_first else f"{day} {month} {year}"


# ---------------------------------------------------------------------------------------
class WeekdayMismatch(Check):
    id = "date-weekday-mismatch"
    category = "dates"
    severity = Severity.ERROR
    summary = "A weekday written with a date that falls on another day."
    docs = Docs(
        flags=(
            "A weekday named with a date (\"Friday, March 3, 2022\", \"Monday 6 October\") when the date falls "
            "on another day. A date without a year takes the year nearest the publication date, unless a year "
            "written earlier in the paragraph makes the pair right."
        ),
        why=(
            "Readers check weekdays against their own calendars; a wrong pair means either the weekday or the "
            "date is wrong, and the reader cannot tell which."
        ),
        example="Talks resumed on Friday, March 3, 2022, in Brussels.",
        better="Talks resumed on Thursday, March 3, 2022, in Brussels.",
        date="2022-03-10",
    )

    def check(self, doc: Document, ctx: CheckContext) -> Iterator[Finding]:
        pub = doc.metadata.date
        for mention in document_dates(doc).dated:
            if mention.weekday is None or mention.first is None or mention.kind != "day":
                continue
            actual = mention.first.weekday()
            if actual == mention.weekday or self._context_year_fits(doc, mention):
                continue
            written = _written_date(mention)
            verb = "was" if pub is None or mention.first <= pub else "falls on"
            assumed = "" if mention.year_given else f" (reading it as {mention.first.year}, the year nearest publication)"
            ws, we = mention.weekday_span
            replacement = doc.text[mention.start : ws] + WEEKDAY_NAMES[actual] + doc.text[we : mention.end]
            yield self.finding(
                mention.start,
                mention.end,
                f"{written} {verb} a {WEEKDAY_NAMES[actual]}, not a {WEEKDAY_NAMES[mention.weekday]}{assumed}.",
                replacement=replacement,
                fixable=False,
                weekday=WEEKDAY_NAMES[actual],
            )

    @staticmethod
    def _context_year_fits(doc: Document, mention: DateMention) -> bool:
        """A date without a year may belong to a year written earlier in its paragraph."""
        if mention.year_given:
            return False
        block = doc.block_at(mention.start)
        start = block.start if block else max(0, mention.start - 600)
        for other in document_dates(doc).between(start, mention.start):
            if other.year_given and other.year and other.first is not None:
                for year in range(other.first.year, other.last.year + 1):
                    try:
                        if _dt.date(year, mention.month, mention.day).weekday() == mention.weekday:
                            return True
                    except ValueError:
                        continue
        return False


# ---------------------------------------------------------------------------------------
class InvalidDate(Check):
    id = "date-invalid"
    category = "dates"
    severity = Severity.ERROR
    summary = "A date that does not exist: 30 February, 31 June, month 13."
    docs = Docs(
        flags=(
            "Dates that are not on any calendar: a 30th or 31st of February, a 31st of April, June, September "
            "or November, 29 February in a year that is not a leap year, a month above 12 in numeric dates "
            "(\"2022-13-05\"). A 29 February without a year is read in the year nearest publication."
        ),
        why="An impossible date is always a typo, and it hides which date the reporter meant.",
        example="The ceasefire took effect on June 31, 2023.",
        better="The ceasefire took effect on June 30, 2023.",
        date="2023-07-10",
    )

    def check(self, doc: Document, ctx: CheckContext) -> Iterator[Finding]:
        for mention in document_dates(doc).dated:
            if mention.problem is None:
                continue
            text = mention.text
            if mention.weekday_span:
                text = doc.normalized[mention.weekday_span[1] : mention.end].lstrip(" ,")
                if text.lower().startswith("the "):
                    text = text[4:]
            assumed = ""
            if not mention.year_given and mention.year is not None:
                assumed = f" (read as {mention.year}, the year nearest publication)"
            yield self.finding(
                mention.start, mention.end, f"{text} is not a real date: {mention.problem}{assumed}."
            )


# ---------------------------------------------------------------------------------------
# Dates that say when a sentence happens: after these words ("in May 2019", "on Monday").
_ADVERBIAL_LEAD = LazyPattern(r"(?:^|\b)(?:in|on|during|throughout|early|late|mid|at|of)$")
_RANGE_LEAD = LazyPattern(r"\b(?:since|from|until|till|before|after|between|by|to|through|ahead)$")
_ANCHOR_KINDS = frozenset({"day", "month", "year", "season", "decade", "relative", "weekday"})
# A clause boundary: a date on its far side says when something else happened.
_BOUNDARY = LazyPattern(
    r"[;:()\"]|\b(?:that|which|who|whom|whose|when|because|after|before|since|while|if|but|whether|where|until|"
    r"though|although|unlike)\b"
)
# After a name, a pronoun or a reporting verb with more words after it starts the reported clause:
# "said he had marched in 2003", "said Britain joined in 2003" (but "said in 2019" is the saying).
_NEW_CLAUSE = LazyPattern(
    r"\b(?:he|she|they|it|we|I|his|her|their)\b|\b(?:said|says|told|tells|argued|warned|claimed|noted|insisted|"
    r"recalled|added|wrote|believes?|thinks?|thought)\s+\S+\s+\S"
)
_ATTRIBUTIVE_GAP = LazyPattern(
    r"(?:\s+[\w'\u2019.-]+){1,5}\s+(?:between|with|by|of|involving|featuring|for|hosted\s+by)\s+"
    r"(?:(?:the\s+)?[A-Z][\w'\u2019.-]*\s+){0,2}"
)
_APPOSITIVE = LazyPattern(r"\s*(?:,[^,.;:]{1,80},|\([^)]{1,80}\))")
_PRESENT_VERB = LazyPattern(
    r"\s+(?:(?:also|now|still|again|today|already|repeatedly|reportedly|recently|publicly|formally|officially)\s+)?"
    r"(?P<verb>has|have|is|are|says|will|[a-z]+s)\b"
)
_NOT_VERBS = frozenset(
    "was his its this as us across plus versus thus perhaps whereas always afterwards towards downs bus gas news "
    "campus status focus virus crisis basis analysis thesis chaos".split()
)
_PLAIN_WORD = LazyPattern(r"[A-Za-z'-]+")
# The start of a range that the date right after it closes: "from 1 to", "between 30 July and",
# "from August 1 through". Searched in the few words before the date.
_RANGE_OPENING = LazyPattern(
    rf"\b(?:from|between)\s+(?P<start>(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+(?:of\s+)?(?P<month>{MONTH_WORD}))?"
    rf"|(?P<month_first>{MONTH_WORD})\s+(?P<day_second>\d{{1,2}})(?:st|nd|rd|th)?),?\s*"
    r"(?:to|and|until|till|through|-|\u2013)\s*$"
)
_PROPER_NOUN_AFTER = LazyPattern(r"\s+(?:[A-Z][a-z]|[IVX]+\b)")
_NOT_PROPER = LazyPattern(
    r"\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|"
    r"August|September|October|November|December|On|In|At|And|But)\b"
)
# What may come between an event's name and its date: "the summit in Alaska in", ", issued in", " (".
_EVENT_AFTER_GAP = LazyPattern(
    r"(?:\s+[a-z]+)?"
    r"(?:\s+(?:of|on|with|between|into|against|in|at)\s+(?:the\s+)?[A-Z][\w'\u2019.-]*(?:\s+(?:and\s+)?[A-Z][\w'\u2019.-]*){0,3})?"
    r"\s*,?\s*(?:(?:which|that)\s+(?:was|were)\s+)?"
    r"(?:(?:held|issued|signed|took\s+place|happened|occurred|began|started|struck|launched|staged|convened)\s+)?"
    r"(?:(?:in|at)\s+[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*)?\s+)?"
    r"(?:in|on|of|during)\s+(?:early\s+|mid-?\s*|late\s+)?"
    r"|\s*\(\s*"
)
_EVENT_BEFORE_GAP = LazyPattern(r"(?:['\u2019]s)?(?:\s+[\w'\u2019.-]+){0,3}\s+")
_EVENT_GAP_STOP = LazyPattern(
    r"(?i)\b(?:anniversary|since|after|before|until|following|ahead|prior|years?|months?|weeks?|days?|and|or|but|"
    r"than|verdict|trial|report|inquiry|investigation|ruling)\b|[,;:]"
)


class Anachronism(Check):
    id = "date-anachronism"
    category = "dates"
    severity = Severity.WARNING
    summary = "A title, tense or event date that does not fit the time spoken of."
    docs = Docs(
        flags=(
            "(1) A title and name used for a time when the person did not hold the office: the time is a date "
            "in the same clause (\"In May 2019, Prime Minister Boris Johnson said...\"), or the publication date "
            "when the verb is present or present perfect. Quiet after \"former\", \"then-\", \"ex-\", \"the late\", "
            "\"future\", \"under\", in hypotheticals, and in quotations. (2) A date after publication told in "
            "the past tense, or a range that opens after it (\"ran from 1 to 3 August\"). (3) A known event "
            "(rules/events.yaml) given another date."
        ),
        why=(
            "Titles change hands and readers remember who held them; a wrong title or a past-tense report of "
            "a future date tells them the copy was written carelessly or for another day."
        ),
        example="In May 2019, Prime Minister Boris Johnson said the deal was dead.",
        better="In May 2019, Prime Minister Theresa May said the deal was dead.",
        date="2025-06-01",
    )
    options = (
        Option("officeholder_files", [], _KB_OPTION_HELP.format("rules/officeholders.yaml"), type=list,
               validate=_is_str_list),
        Option("event_files", [], _KB_OPTION_HELP.format("rules/events.yaml"), type=list, validate=_is_str_list),
    )

    def check(self, doc: Document, ctx: CheckContext) -> Iterator[Finding]:
        dates = document_dates(doc)
        flagged_mentions: set[int] = set()
        for finding in self._event_dates(doc, dates, ctx):
            flagged_mentions.add(finding.start)
            yield finding
        if _may_name_officeholder(doc, ctx):
            yield from self._officeholders(doc, dates, _officeholders(ctx), flagged_mentions)
        if doc.metadata.date is not None:
            yield from self._past_tense_future(doc, dates, doc.metadata.date)

    # -- (1) officeholders ------------------------------------------------------------
    def _officeholders(
        self, doc: Document, dates: DateIndex, kb: Officeholders, flagged: set[int], shortcut: bool = True
    ) -> Iterator[Finding]:
        """With ``shortcut``, a title that fits every date of its sentence and the publication date is
        passed over at once: no time it could be judged at makes it wrong (test_dates_fast holds the
        findings to those without the shortcut)."""
        norm = doc.normalized
        pub = doc.metadata.date
        sentences: dict[int, _SentenceDates] = {}
        for mention in kb.find(norm, document_view(doc)):
            index = doc.sentence_index(mention.start)
            if index is None:
                continue
            offices = kb.offices_of(mention)
            if not offices:
                continue
            sentence = sentences.get(index)
            if sentence is None:
                sentence = sentences[index] = _SentenceDates(doc, dates, index)
            if shortcut and sentence.always_fits(mention, offices, pub):
                continue
            s_start, s_end = sentence.start, sentence.end
            after = norm[mention.end : s_end]
            anchors = self._anchors(norm, sentence, mention)
            if anchors:
                if any(_fits(mention, offices, a.first, a.last) for a in anchors):
                    continue
                anchor = min(anchors, key=lambda a: abs(a.start - mention.start))
                if anchor.start in flagged:
                    continue  # the event check already flagged this date
                first, last, when = anchor.first, anchor.last, time_phrase(anchor.first, anchor.last)
            elif (
                pub is not None
                and not after.startswith(("'s", "\u2019s"))
                and self._present_tense(after)
                and not sentence.has_year  # a caption's own date
            ):
                first = last = pub
                when = f"At publication ({format_date(pub)})"
            else:
                continue
            if _fits(mention, offices, first, last) or self._quiet(doc, mention, s_start, after):
                continue
            message = self._message(mention, offices, first, last, when, pub)
            if message:
                yield self.finding(mention.start, mention.end, message, part="officeholder")

    @staticmethod
    def _quiet(doc: Document, mention: OfficeMention, s_start: int, after: str) -> bool:
        """Whether the title is not claimed for the time spoken of: in a quotation, after "former" or
        "then-", in a hypothetical, part of a longer name, "-elect". Asked last, of a title that does
        not fit its time, because most do and these searches cost more than the rest."""
        if doc.in_quotation(mention.start, mention.end):
            return True
        before = doc.normalized[s_start : mention.start]
        if NOT_IN_OFFICE.search(before) or HYPOTHETICAL.search(before):
            return True
        if _PROPER_NOUN_AFTER.match(after) and not _NOT_PROPER.match(after):
            return True  # "Queen Elizabeth II Centre", "Donald Trump Jr."
        return re.match(r"\s*(?:-|\s)(?:elect|designate)\b|\s+(?:would|could|might)\b", after) is not None

    @staticmethod
    def _message(mention: OfficeMention, offices, first, last, when: str, pub) -> str | None:
        for office in offices:
            holders = office.holders(first, last)
            if not holders:
                continue  # the knowledge base does not cover that time
            named = sorted(mention.people)[0] if len(mention.people) == 1 else mention.name
            held = "; ".join(t.describe() for t in office.terms if t.person in mention.people)
            tense = "was" if first <= (pub or _dt.date.today()) else "is"
            was = tense if len(holders) == 1 else f"{tense}, in turn,"
            return (
                f"{when} the {office.label} {was} {' then '.join(holders)}, not {named}. "
                f"{named} in office: {held}; write 'former' or 'then-' if that is meant."
            )
        return None

    @staticmethod
    def _anchors(norm: str, sentence: "_SentenceDates", mention: OfficeMention) -> list[DateMention]:
        """Dates that say when the sentence's officeholder acted (see the module docs)."""
        skip_from = skip_to = -1
        appositive = _APPOSITIVE.match(norm, mention.end)
        if appositive:
            skip_from, skip_to = appositive.start(), appositive.end()
        anchors = []
        for date, adverbial in sentence.candidates:
            if skip_from <= date.start < skip_to:
                continue
            if date.end <= mention.start:
                gap = norm[date.end : mention.start]
                if adverbial or not date.lead:
                    if not _BOUNDARY.search(gap):
                        anchors.append(date)
                elif _ATTRIBUTIVE_GAP.fullmatch(gap):  # "the August 2023 Alaska summit between President ..."
                    anchors.append(date)
            elif date.start >= mention.end and adverbial:
                gap = norm[mention.end : date.start]
                if appositive and date.start >= skip_to:
                    gap = norm[skip_to : date.start]
                if not _BOUNDARY.search(gap) and not _NEW_CLAUSE.search(gap) and len(gap.split()) <= 5 and "," not in gap:
                    anchors.append(date)
        return anchors

    @staticmethod
    def _present_tense(after: str) -> bool:
        appositive = _APPOSITIVE.match(after)
        rest = after[appositive.end() :] if appositive else after
        verb = _PRESENT_VERB.match(rest)
        return bool(verb) and verb.group("verb") not in _NOT_VERBS and not verb.group("verb").endswith("ss")

    # -- (2) past tense about a date after publication ------------------------------------
    def _past_tense_future(self, doc: Document, dates: DateIndex, pub: _dt.date) -> Iterator[Finding]:
        norm = doc.normalized
        after = pub + _ONE_DAY
        for date in dates.dated:
            if date.first is None or date.kind not in ("day", "month", "year") or date.first <= after:
                continue
            if date.kind != "day" and not date.year_given:
                continue
            bounds = _sentence_bounds(doc, date.start)
            if bounds is None:
                continue
            start, first = date.start, date.first
            if not _ADVERBIAL_LEAD.search(date.lead):
                opening = _range_opening(norm, bounds[0], date)
                if opening is None or opening[1] <= after:
                    continue  # not a range, or one that began by publication
                start, first = opening
            if not self._told_as_past(norm, bounds[0], start, date.end) or doc.in_quotation(start, date.end):
                continue
            sentence = norm[bounds[0] : bounds[1]]
            if _found_in(doc, FUTURE_OR_PLAN, bounds, sentence) or _found_in(doc, HYPOTHETICAL, bounds, sentence):
                continue
            yield self.finding(
                start,
                date.end,
                f"{norm[start:date.end]} is after the publication date ({format_date(pub)}), but the sentence "
                f"reports it in the past tense.",
                part="past-tense-future",
                resolved=describe_range(first, date.last),
            )

    @staticmethod
    def _told_as_past(norm: str, s_start: int, start: int, end: int) -> bool:
        """A past-tense verb tied to the date: "held on 30 November", "On 30 November, ministers agreed"."""
        words_before = _PLAIN_WORD.findall(norm, max(s_start, start - 60), start)
        near = [w.lower() for w in words_before[-4:-1]]  # the words before the preposition
        if "to" in near:
            return False
        if any(map(is_past_verb, near)):
            return True
        if len(words_before) <= 1:  # the date opens the sentence: look at the verb that follows
            following = _PLAIN_WORD.findall(norm, end, end + 80)[:5]
            return any(map(is_past_verb, following))
        return False

    # -- (3) known events -------------------------------------------------------------------
    def _event_dates(self, doc: Document, dates: DateIndex, ctx: CheckContext) -> Iterator[Finding]:
        # Only a sentence with a year in it can give an event another year: look for cues there alone,
        # once the document is known to hold such a date and a possible cue (most hold no cue).
        years = [d for d in dates.dated if d.year_given]
        if not years:
            return
        events = _possible_events(doc, ctx)
        if not events:
            return
        sentences = sorted({b for d in years if (b := _sentence_bounds(doc, d.start))})
        norm = doc.normalized
        view = document_view(doc)
        cues = _events(ctx)[1]
        cue_starts = [cues.starts(event, view) for event in events]
        for bounds in sentences:
            sentence = norm[bounds[0] : bounds[1]]
            for event, starts in zip(events, cue_starts):
                if starts is not None and not _any_within(starts, *bounds):
                    continue  # no match of the cue can start in this sentence
                if event.requires is not None and not event.requires.search(sentence):
                    continue
                for cue in event.cue.finditer(norm, bounds[0], bounds[1]):
                    for date in _dates_beside(norm, dates, bounds, cue.start(), cue.end()):
                        if date.overlaps(event.first - _ONE_DAY, event.last + _ONE_DAY):
                            continue
                        yield self._event_finding(event, date)

    def _event_finding(self, event: Event, date: DateMention) -> Finding:
        when = f"on {event.describe()}" if event.first == event.last else f"from {event.describe()}"
        name = event.name[0].upper() + event.name[1:]
        return self.finding(
            date.start,
            date.end,
            f"{name} was {when}, not {'on' if date.kind == 'day' else 'in'} {date.text}.",
            replacement=_with_year(date, event),
            fixable=False,
            part="event",
            event=event.id,
        )


def _range_opening(norm: str, s_start: int, date: DateMention) -> tuple[int, _dt.date] | None:
    """Where a range closed by ``date`` starts, and its first day: "from 1 to 3 August 2025"."""
    window_start = max(s_start, date.start - 40)
    match = _RANGE_OPENING.search(norm[window_start : date.start])
    if match is None or date.first is None:
        return None
    day = int(match.group("day") or match.group("day_second"))
    month_word = match.group("month") or match.group("month_first")
    month = month_number(month_word) if month_word else date.first.month
    year = date.first.year - (month > date.first.month)  # "from 30 December to 2 January 2026"
    try:
        first = _dt.date(year, month, day)
    except ValueError:
        return None
    return window_start + match.start("start"), first


def _fits(mention: OfficeMention, offices, first: _dt.date, last: _dt.date) -> bool:
    """Whether one of the mention's people held one of the offices at some time in ``first``..``last``."""
    for office in offices:
        for term in office.terms:
            if term.person not in mention.people:
                continue
            if term.overlaps(first, last) or (office.keeps_title and first >= term.start):
                return True
    return False


class _SentenceDates:
    """A sentence's dates as the officeholder test reads them, worked out once for every title in it:
    the dates that may anchor a title (no range word before them), each with whether it reads as an
    adverbial of time; whether any date has a year."""

    __slots__ = ("start", "end", "resolved", "has_year", "_candidates", "_fitting")

    def __init__(self, doc: Document, dates: DateIndex, index: int) -> None:
        sentence = doc.sentences[index]
        self.start, self.end = sentence.start, sentence.end
        found = dates.between(self.start, self.end)
        self.has_year = any(d.year_given for d in found)
        #: The dates that may anchor a title but for a range word before them.
        self.resolved = [d for d in found if d.first is not None and d.kind in _ANCHOR_KINDS]
        self._candidates: list[tuple[DateMention, bool]] | None = None
        self._fitting: dict[tuple, bool] = {}

    @property
    def candidates(self) -> list[tuple[DateMention, bool]]:
        """Made for the first title that does not fit at once: the words before each date (its
        ``lead``, a regular-expression search) are read only then."""
        if self._candidates is None:
            self._candidates = [
                (d, bool(_ADVERBIAL_LEAD.search(d.lead)) or d.kind in ("relative", "weekday", "day"))
                for d in self.resolved
                if not _RANGE_LEAD.search(d.lead)
            ]
        return self._candidates

    def always_fits(self, mention: OfficeMention, offices, pub: _dt.date | None) -> bool:
        """Whether the title fits every date that may anchor it here, and the publication date: then
        it is right whichever of them it is judged at. A date it fits needs no look at its lead."""
        key = (mention.people, mention.title)
        fitting = self._fitting.get(key)
        if fitting is None:
            fitting = self._fitting[key] = (pub is None or _fits(mention, offices, pub, pub)) and all(
                _fits(mention, offices, d.first, d.last) or _RANGE_LEAD.search(d.lead) for d in self.resolved
            )
        return fitting


def _any_within(positions: list[int], start: int, end: int) -> bool:
    i = bisect.bisect_left(positions, start)
    return i < len(positions) and positions[i] < end


def _dates_beside(norm: str, dates: DateIndex, bounds, cue_start: int, cue_end: int) -> list[DateMention]:
    """Dates written right before or right after an event's name, in the same sentence."""
    found = []
    for date in dates.between(*bounds):
        if not date.year_given or date.first is None or date.kind not in ("day", "month", "year", "season"):
            continue
        if date.end <= cue_start:
            gap = norm[date.end : cue_start]
            if _EVENT_BEFORE_GAP.fullmatch(gap) and not _EVENT_GAP_STOP.search(gap):
                found.append(date)
        elif date.start >= cue_end:
            gap = norm[cue_end : date.start]
            if _EVENT_AFTER_GAP.fullmatch(gap) and not _EVENT_GAP_STOP.search(gap.replace(",", " ")):
                found.append(date)
    return found


def _with_year(date: DateMention, event: Event) -> str | None:
    """The date with the event's year put in, when only the year is wrong."""
    if event.first.year != event.last.year or date.year is None:
        return None
    if date.kind == "month" and date.month is not None and not (event.first.month <= date.month <= event.last.month):
        return None
    if date.kind == "day":
        return None
    return date.text.replace(str(date.year), str(event.first.year))


def _prefilter(pattern: LazyPattern) -> Prefilter:
    return pattern_prefilter(pattern.pattern, pattern.flags)


def _found_in(doc: Document, pattern: LazyPattern, bounds: tuple[int, int], sentence: str) -> bool:
    """Whether ``pattern`` matches ``sentence``, the text at ``bounds``; RE2 answers "no" first when
    its relaxation matches nowhere there (one call; ``re`` takes some 15 us for a long sentence, and
    a sentence reported as past tense has been searched in full twice). test_dates_fast holds it to
    the plain search."""
    prefilter = _prefilter(pattern)
    if prefilter.available and not prefilter.any(document_view(doc), *bounds):
        return False
    return pattern.search(sentence) is not None


def _officeholders(ctx: CheckContext) -> Officeholders:
    files = tuple(ctx.options.get("officeholder_files") or ())
    return ctx.memo(("officeholders", files), lambda: load_officeholders(files, ctx.config.root))


def _may_name_officeholder(doc: Document, ctx: CheckContext) -> bool:
    """Whether the document holds the first word of a title (in any case), so that it may name an
    officeholder; the knowledge base is loaded only for a document that does."""
    files = tuple(ctx.options.get("officeholder_files") or ())
    words = ctx.memo(("officeholder-titles", files), lambda: title_words(files, ctx.config.root))
    if words is None:
        return True
    view = doc.memo("dates.lower_view", lambda d: document_view(d).lower())
    return any(word.encode("ascii") in view for word in words)


def _events(ctx: CheckContext) -> tuple[list[Event], EventCues]:
    """The events of the check's files and their cue search, loaded on first need."""
    return _load_events(tuple(ctx.options.get("event_files") or ()), ctx.config.root)


@lru_cache(maxsize=8)
def _load_events(files: tuple[str, ...], root) -> tuple[list[Event], EventCues]:
    """One per set of files, shared by date-anachronism and date-anniversary."""
    events = load_events(files, root)
    return events, EventCues(events)


def _possible_events(doc: Document, ctx: CheckContext) -> list[Event]:
    """The events whose cue may be in the document, found once per document and set of events."""
    cues = _events(ctx)[1]
    found = doc.memo("dates.possible_events", lambda d: {})
    if cues not in found:
        found[cues] = cues.possible(document_view(doc))
    return found[cues]


# ---------------------------------------------------------------------------------------
_APPROXIMATE = LazyPattern(
    r"(?i)\b(?:nearly|almost|about|around|over|some|roughly|approximately|close\s+to|at\s+least|at\s+most|up\s+to|"
    r"under|fewer\s+than|less\s+than|more\s+than|barely|just\s+over|just\s+under|upwards\s+of|the\s+past|the\s+last|"
    r"the\s+first|the\s+next|another|the)\s*$"
)
_PAST_PERFECT = LazyPattern(r"(?i)\b(?:had|was|were|did)\b")


class Anniversary(Check):
    id = "date-anniversary"
    category = "dates"
    severity = Severity.WARNING
    summary = "An anniversary or 'N years since' count that does not fit the years."
    docs = Docs(
        flags=(
            "\"The 20th anniversary of the 2004 tsunami\" in an article of December 2025 (it is the 21st), "
            "\"N years since YEAR\", \"N years after YEAR\" (present tense only) and \"N years ago, in YEAR\". "
            "The count is taken at a date written in the sentence, or else at publication; around the turn of "
            "the year either neighbouring count is accepted unless the event's day is known (rules/events.yaml)."
        ),
        why="Readers do this subtraction in their heads; a count that is one off looks careless.",
        example="Survivors gathered to mark the 20th anniversary of the 2004 tsunami.",
        better="Survivors gathered to mark the 21st anniversary of the 2004 tsunami.",
        date="2025-12-26",
    )
    options = (
        Option("event_files", [], _KB_OPTION_HELP.format("rules/events.yaml"), type=list, validate=_is_str_list),
    )

    _ANNIVERSARY = LazyPattern(
        rf"(?i)\b(?P<count>{ORDINAL})\s+anniversary\s+of\s+(?P<what>[^.;:!?]{{1,120}})"
        rf"|\b(?P<count2>centenary|centennial|bicentenary|bicentennial)\s+of\s+(?P<what2>[^.;:!?]{{1,120}})"
    )
    _YEARS = LazyPattern(
        rf"(?i)\b(?P<count>{COUNT})\s+years\s+(?P<rel>since|after|on\s+from|ago,?\s+in)\s+(?P<what>[^.;:!?]{{1,80}})"
    )

    # Cheap scans for the words every match contains; the full patterns run only around them.
    # The hints themselves are found where one RE2 pass each says they can start.
    _ANNIVERSARY_HINT = LazyPattern(r"(?i)(?:anniversary|centenary|centennial|bicentenary|bicentennial)\s+of\b")
    _YEARS_HINT = LazyPattern(r"(?i)\byears\s+(?:since|after|on\s+from|ago)\b")

    @staticmethod
    def _around(hints: LazyPattern, full: LazyPattern, doc: Document) -> Iterator[re.Match[str]]:
        text = doc.normalized
        for hint in _prefilter(hints).finditer(hints, text, document_view(doc)):
            match = full.search(text, max(0, hint.start() - 40), hint.end() + 130)
            if match is not None and match.start() <= hint.start() < match.end():
                yield match

    def check(self, doc: Document, ctx: CheckContext) -> Iterator[Finding]:
        norm = doc.normalized
        dates = document_dates(doc)
        for match in self._around(self._ANNIVERSARY_HINT, self._ANNIVERSARY, doc):
            count_group = "count" if match.group("count") else "count2"
            what_group = "what" if match.group("what") else "what2"
            count = parse_ordinal(match.group(count_group))
            yield from self._judge(doc, ctx, dates, match, count_group, what_group, count, "anniversary")
        for match in self._around(self._YEARS_HINT, self._YEARS, doc):
            if _APPROXIMATE.search(norm[max(0, match.start() - 20) : match.start()]):
                continue
            rel = match.group("rel").lower()
            kind = "ago" if rel.startswith("ago") else ("after" if rel == "after" else "since")
            yield from self._judge(doc, ctx, dates, match, "count", "what", parse_count(match.group("count")), kind)

    def _judge(self, doc, ctx, dates, match, count_group, what_group, count, kind) -> Iterator[Finding]:
        if not count:
            return
        bounds = _sentence_bounds(doc, match.start())
        if bounds is None or doc.in_quotation(match.start(), match.end()):
            return
        norm = doc.normalized
        sentence = norm[bounds[0] : bounds[1]]
        if _found_in(doc, HYPOTHETICAL, bounds, sentence):
            return
        if kind in ("after", "since") and _found_in(doc, _PAST_PERFECT, bounds, sentence):
            return  # "five years after 1986, the Soviet Union collapsed": counted from another time
        origin = self._origin(doc, ctx, dates, match, what_group, kind)
        if origin is None:
            return
        year_mention, event_day = origin
        origin_year = year_mention.year if year_mention else event_day.year
        references = [
            d for d in dates.between(*bounds)
            if d is not year_mention and d.first is not None and d.kind in _ANCHOR_KINDS
            and not match.start(what_group) <= d.start < match.end(what_group)
            and (bool(_ADVERBIAL_LEAD.search(d.lead)) or d.kind in ("relative", "season"))
            and not _RANGE_LEAD.search(d.lead)
        ]
        if kind == "ago":
            references = []  # "20 years ago, in 2004" counts back from publication
        accepted, expected, at = self._expected(references, doc.metadata.date, origin_year, event_day)
        if expected is None or expected < 1 or count in accepted:
            return
        span_end = (year_mention.end if year_mention else match.end(count_group))
        start = match.start(count_group)
        written = match.group(count_group)
        if kind == "anniversary":
            right = ordinal(expected)
            message = f"{at} is the {right} anniversary of {origin_year}, not the {ordinal(count)}."
            replacement = right if written[:1].isdigit() else None
        else:
            right = str(expected)
            message = f"{at} is {expected} years after {origin_year}, not {count}."
            replacement = right if written[:1].isdigit() else None
        if replacement is not None:
            replacement = replacement + norm[match.end(count_group) : span_end]
        yield self.finding(start, span_end, message, replacement=replacement, fixable=False, expected=expected)

    @staticmethod
    def _origin(doc, ctx, dates, match, what_group, kind):
        """The year counted from (a year written in the phrase), or a known event's day."""
        norm = doc.normalized
        what_start, what_end = match.start(what_group), match.end(what_group)
        clause_end = what_end
        stop = re.search(r",|\b(?:and|but|when|which|who|while|because)\b", norm[what_start:what_end])
        if stop and kind != "ago":
            clause_end = what_start + stop.start()
        words_limit = what_start + len(" ".join(norm[what_start:clause_end].split()[:10])) + 2
        for date in dates.between(what_start, min(clause_end, words_limit)):
            if date.year_given and date.year and date.kind in ("year", "month", "day"):
                day = date.first if date.kind == "day" else None
                return date, day
            return None  # some other date comes first: not a simple count
        for event in _possible_events(doc, ctx):
            if event.cue.search(norm, what_start, clause_end):
                return None, event.first
        return None

    @staticmethod
    def _expected(references, pub, origin_year: int, event_day: _dt.date | None):
        """The counts that fit, the one to suggest, and the time it is counted at, in words."""
        if references:
            ref = min(references, key=lambda d: d.start)
            years = range(ref.first.year, ref.last.year + 1)
            accepted = {y - origin_year for y in years}
            return accepted, ref.first.year - origin_year if len(years) == 1 else None, ref.describe()
        if pub is None:
            return set(), None, ""
        at = f"{MONTH_NAMES[pub.month]} {pub.year}"
        if event_day is not None:
            nearest = min(
                (abs((_safe_date(y, event_day.month, event_day.day) - pub).days), y)
                for y in (pub.year - 1, pub.year, pub.year + 1)
            )[1]
            expected = nearest - event_day.year
            return {expected}, expected, at
        expected = pub.year - origin_year
        accepted = {expected}
        if pub.month <= 2:
            accepted.add(expected - 1)
        if pub.month >= 11:
            accepted.add(expected + 1)
        return accepted, expected, at


def _safe_date(year: int, month: int, day: int) -> _dt.date:
    """The anniversary day in ``year`` (29 February falls on the 28th in a common year)."""
    try:
        return _dt.date(year, month, day)
    except ValueError:
        return _dt.date(year, month, day - 1)


#: The patterns searched through ``_prefilter``: their relaxations ship with the date package
#: (``python -m newslint.dates.relaxations``).
PREFILTERED = (FUTURE_OR_PLAN, HYPOTHETICAL, _PAST_PERFECT, Anniversary._ANNIVERSARY_HINT, Anniversary._YEARS_HINT)


@hookimpl
def newslint_register_checks():
    return [WeekdayMismatch(), InvalidDate(), Anachronism(), Anniversary()]
