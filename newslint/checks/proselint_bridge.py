"""proselint's advice, curated for news and run on newslint's prose view.

Each bridged check is reported as ``proselint/<path>`` (proselint's own check
path, e.g. ``proselint/spelling.misc``) with exact offsets into the original
text, so suppression comments, ``--select``/``--ignore`` and severity overrides
apply as to any other rule.

Why a bridge rather than calling ``proselint`` on the file:

* proselint knows nothing of markup; newslint hands it ``doc.normalized``, where
  code, URLs, front matter and tags are blanked and curly quotes are straight.
* proselint runs every check as its own pass over the text (about 0.25 MB/s on
  news). Here the patterns of every enabled proselint check are compiled into
  one RE2 set, matched once per document; only patterns that matched anywhere
  are searched again for their positions.
* proselint's word boundary is RE2's ASCII ``\\b``, so it finds "ne" inside the
  Dutch "Oekraïne". Every match here must also start and end at a real word
  boundary in Unicode terms (and not be glued to a word by a hyphen).
* Its diacritics check reads the verb "resume" as the noun "résumé"; here
  "resume" counts only after a determiner or possessive ("her resume").
* Quoted speech is the speaker's, not the writer's: matches inside quotations
  are dropped (proselint does the same, with a cruder quote finder).

Only checks listed in :data:`CURATED` are registered, each with its own example
and better version; ``on=False`` ones are registered but off by default. The
README explains the choice. The patterns are read from a table made from proselint
ahead of time (:data:`SHIPPED_PATTERNS`), so a run imports proselint only when the
installed one is not the one the table was made from; RE2 and the table are loaded
on first use, so runs that disable every ``proselint/*`` rule never load them.
"""
from __future__ import annotations

import itertools
import json
import operator
import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable, NamedTuple

from newslint.checks.base import Check, CheckContext, Docs
from newslint.document import Document
from newslint.findings import Finding, Severity
from newslint.hookspecs import hookimpl
from newslint.resources import source_fingerprint, write_shipped

PREFIX = "proselint/"
INFO, WARNING = Severity.INFO, Severity.WARNING


def _has_dash_separator(matched: str) -> bool:
    """dash_and_from: "from 2015-2019" is a range; "from 9/11" is not."""
    return any(dash in matched for dash in "-\u2013\u2014")


def _has_period(matched: str) -> bool:
    """am_pm.spacing: "8p.m."; the undotted "8pm" is lowercase_periods' finding, not a second one."""
    return "." in matched


class Curation(NamedTuple):
    """How newslint uses one proselint check: on or off for news, why, and its documentation.

    ``skip`` drops proselint entries that are ordinary news English or a house-style choice;
    ``accept`` is an extra test on the matched text where proselint's pattern is too loose.
    """

    path: str
    on: bool
    summary: str
    why: str
    example: str
    better: str
    severity: Severity = INFO
    skip: tuple[str, ...] = ()
    accept: Callable[[str], bool] | None = None


#: The bridged checks. The README's table is written from this list.
CURATED: tuple[Curation, ...] = (
    # -- on by default: clear errors and stock phrases a desk editor cuts ------------------------
    Curation("annotations.misc", True, "Notes to self (TODO, FIXME) left in copy.",
             "A TODO or FIXME left in copy is published as is if nobody catches it.",
             "The minister resigned on Tuesday, TODO check the date.",
             "The minister resigned on Tuesday.", WARNING),
    Curation("cliches.hell", True, "The cliché 'all hell broke loose'.",
             "Say what happened instead of reaching for a stock phrase.",
             "When the lights went out, all hell broke loose in the stadium.",
             "When the lights went out, fans rushed the exits."),
    Curation("cliches.misc.garner", True, "Clichés from Garner's Modern American Usage.",
             "Stock phrases ('crystal clear', 'moment of truth') tell the reader nothing the facts do not.",
             "The mayor said the plan was crystal clear.",
             "The mayor said the plan was clear.",
             # ordinary news English, a named concept, or reported by corporate_speak already
             skip=("in light of", "decision-making process", "innocent bystander", "male chauvinism",
                   "for free", "at the end of the day")),
    Curation("dates_times.am_pm.lowercase_periods", True, "Times written '8pm' or '8 am' instead of '8 p.m.'.",
             "Wire style writes times as '8 p.m.'; one form keeps copy consistent.",
             "The polls close at 8pm on Thursday.",
             "The polls close at 8 p.m. on Thursday."),
    Curation("dates_times.am_pm.spacing", True, "No space before 'a.m.' or 'p.m.' ('8p.m.').",
             "Wire style puts a space between the hour and 'a.m.' or 'p.m.'.",
             "The polls close at 8p.m. on Thursday.",
             "The polls close at 8 p.m. on Thursday.", accept=_has_period),
    Curation("dates_times.am_pm.midnight_noon", True, "'12 a.m.' and '12 p.m.', and '8 p.m. at night'.",
             "Readers confuse 12 a.m. and 12 p.m.; 'midnight' and 'noon' cannot be misread.",
             "The curfew starts at 12 a.m. on Friday.",
             "The curfew starts at midnight on Friday."),
    Curation("dates_times.dates.decade_apostrophes", True, "Decades written with an apostrophe ('1980's').",
             "A decade is a plural, not a possessive: 1980s.",
             "Inflation last ran this high in the 1980's.",
             "Inflation last ran this high in the 1980s."),
    Curation("dates_times.dates.dash_and_from", True, "Ranges written 'from 2015-2019'.",
             "'From' needs 'to': a dash inside a from-range reads as a subtraction or a score.",
             "Turnout rose from 2015-2019 in every district.",
             "Turnout rose from 2015 to 2019 in every district.", accept=_has_dash_separator),
    Curation("dates_times.dates.month_of_year", True, "'June of 2021' instead of 'June 2021'.",
             "The 'of' adds nothing; wire style writes 'June 2021'.",
             "The law took effect in June of 2021.",
             "The law took effect in June 2021."),
    Curation("hedging", True, "Hedges ('to a certain degree', 'so to speak').",
             "A hedge without a source or a number is vagueness; say how much, or who says so.",
             "The rebound is, to a certain degree, a statistical quirk.",
             "The rebound is partly a statistical quirk, the bank's economists said."),
    Curation("industrial_language.corporate_speak", True, "Corporate catchphrases ('low-hanging fruit').",
             "Business jargon in a reporter's own words borrows the spin of the people being covered.",
             "The company wants to pick the low-hanging fruit first.",
             "The company wants to make the easiest savings first."),
    Curation("industrial_language.jargon", True, "Office jargon ('in the affirmative', 'disincentivize').",
             "Plain words are shorter and clearer.",
             "The board answered in the affirmative.",
             "The board said yes."),
    Curation("lexical_illusions", True, "A word or phrase typed twice ('the the').",
             "The eye skips the repeat on screen; it is obvious in print. Names such as 'Bora Bora' are exempt.",
             "The minister said the the budget was final.",
             "The minister said the budget was final.", WARNING),
    Curation("misc.currency", True, "Currency given twice ('$40 dollars').",
             "The symbol already says dollars.",
             "Tickets cost $40 dollars each.",
             "Tickets cost $40 each.", WARNING),
    Curation("misc.debased", True, "Empty phrases ('leaves much to be desired').",
             "Say what is wrong; the phrase is a verdict without the evidence.",
             "The new timetable leaves much to be desired.",
             "The new timetable adds 20 minutes to most journeys."),
    Curation("misc.false_plurals.misc", True, "False plurals ('phenomenons').",
             "The plural of phenomenon is phenomena.",
             "Such phenomenons are rare, the study found.",
             "Such phenomena are rare, the study found.", WARNING),
    Curation("misc.false_plurals.kudos", True, "'Many kudos': kudos is singular.",
             "Kudos is a singular noun; it cannot be counted.",
             "The crew received many kudos for the rescue.",
             "The crew was praised for the rescue."),
    Curation("misc.illogic.coin", True, "'To coin a phrase from': you borrow an existing phrase.",
             "Coining means inventing; a quoted phrase is borrowed.",
             "To coin a phrase from Churchill, this was their finest hour.",
             "To borrow a phrase from Churchill, this was their finest hour."),
    Curation("misc.latin", True, "Latin where English does ('inter alia').",
             "A general reader should not need a dictionary to follow a news story.",
             "The charges include, inter alia, fraud and bribery.",
             "The charges include fraud and bribery, among other things."),
    Curation("misc.many_a", True, "'Many a' with a plural verb ('there are many a reason').",
             "'Many a' takes a singular verb.",
             "There are many a reason to doubt the figures.",
             "There is many a reason to doubt the figures.", WARNING),
    Curation("misc.metadiscourse", True, "Writing about the article ('The rest of this article').",
             "News copy gets on with the story instead of describing itself.",
             "The rest of this article explains how the vote works.",
             "Here is how the vote works."),
    Curation("misc.not_guilty", True, "'Not guilty beyond a reasonable doubt'.",
             "Guilt must be proved beyond reasonable doubt; the phrase garbles the legal standard.",
             "The jury found him not guilty beyond a reasonable doubt.",
             "The jury found him not guilty.", WARNING),
    Curation("misc.pretension", True, "Pretentious coinages ('reconceptualize').",
             "Plain words reach more readers.",
             "The agency wants to reconceptualize public transport.",
             "The agency wants to rethink public transport."),
    Curation("misc.tense_present", True, "Usage errors ('the reason is because', 'between you and I').",
             "These are errors readers write in to complain about.",
             "The reason is because the contract expired.",
             "The reason is that the contract expired.", WARNING),
    Curation("misc.whence", True, "'From whence': whence already means 'from where'.",
             "The 'from' is redundant.",
             "He returned to the village from whence he came.",
             "He returned to the village he came from."),
    Curation("mixed_metaphors.misc", True, "Garbled idioms ('button your seatbelts').",
             "A garbled idiom makes the writer look careless.",
             "Button your seatbelts: the budget debate starts today.",
             "Fasten your seatbelts: the budget debate starts today.", WARNING),
    Curation("mondegreens", True, "Misheard phrases ('for all intensive purposes').",
             "Misheard idioms are errors, not style.",
             "For all intensive purposes, the deal is done.",
             "For all intents and purposes, the deal is done.", WARNING,
             skip=("to the manor born",)),  # also the title of a television series
    Curation("nonwords", True, "Non-words ('irregardless', 'thusly').",
             "Readers take these for errors.",
             "Irregardless of the weather, the parade will go ahead.",
             "Regardless of the weather, the parade will go ahead.", WARNING,
             skip=("squelch", "pettifogger")),  # both are real words
    Curation("oxymorons", True, "Self-contradicting phrases ('exact estimate').",
             "An estimate cannot be exact; the phrase claims precision the number lacks.",
             "The report gave an exact estimate of the damage.",
             "The report gave an estimate of the damage."),
    Curation("redundancy.misc.garner", True, "Redundant pairs ('mutual agreement', 'past history').",
             "Every redundant word costs space the story needs.",
             "The two parties reached a mutual agreement on Monday.",
             "The two parties reached an agreement on Monday."),
    Curation("redundancy.misc.wallace", True, "'Rectangular in shape', 'audible to the ear'.",
             "The qualifier repeats what the adjective says.",
             "The new plaza is rectangular in shape.",
             "The new plaza is rectangular."),
    Curation("redundancy.misc.nordquist", True, "'Absolutely essential', 'p.m. at night'.",
             "The intensifier adds nothing to an absolute.",
             "A permit is absolutely essential for the march.",
             "A permit is essential for the march."),
    Curation("redundancy.ras_syndrome", True, "Acronym plus the word it stands for ('PIN number').",
             "The N in PIN already means number.",
             "Enter your PIN number at the ATM.",
             "Enter your PIN at the ATM."),
    Curation("spelling.misc", True, "Common misspellings ('millenium', 'liason').",
             "A misspelling costs the story its credibility.",
             "The town celebrated the new millenium with fireworks.",
             "The town celebrated the new millennium with fireworks.", WARNING,
             skip=("glamor", "grandad", "mangos", "lassoes", "hireable")),  # accepted variants
    Curation("spelling.ally_ly", True, "-ally misspelt as -ly ('accidently').",
             "A misspelling costs the story its credibility.",
             "Officials accidently released the names.",
             "Officials accidentally released the names.", WARNING),
    Curation("spelling.ely_ly", True, "-ely misspelt as -ly ('immediatly').",
             "A misspelling costs the story its credibility.",
             "The order takes effect immediatly.",
             "The order takes effect immediately.", WARNING),
    Curation("spelling.ance_ence", True, "-ance and -ence confused ('appearence').",
             "A misspelling costs the story its credibility.",
             "Her appearence at the hearing surprised the court.",
             "Her appearance at the hearing surprised the court.", WARNING),
    Curation("spelling.ve_of", True, "'Could of' for 'could've'.",
             "'Could of' is a mishearing of 'could've'.",
             "The council could of acted sooner.",
             "The council could have acted sooner.", WARNING),
    Curation("spelling.athletes", True, "Misspelt names of well-known athletes.",
             "Getting a name wrong is the error readers notice first.",
             "Brett Farve threw three touchdowns.",
             "Brett Favre threw three touchdowns.", WARNING),
    Curation("typography.punctuation.hyperbole", True, "Doubled punctuation ('!!', '?!?').",
             "News copy reports; it does not shout.",
             "The result shocked everyone!!",
             "The result shocked everyone."),
    # -- registered, off by default: noise in news or a house-style choice --------------------------
    Curation("misc.preferred_forms", False, "Garner's preferred forms ('shoe-in' for 'shoo-in').",
             "Off by default: many entries are house-style choices newsrooms make the other way "
             "('longstanding', 'largesse', 'moustache', 'for the duration of').",
             "The deal was a shoe-in, aides said.",
             "The deal was a shoo-in, aides said."),
    Curation("typography.diacritical_marks", False, "Loanwords without their accents ('cafe', 'resume').",
             "Off by default: AP and most English-language wires print cafe, resume and naive without accents. "
             "When on, the verb 'resume' is left alone.",
             "She sent her resume to the paper.",
             "She sent her résumé to the paper; talks resume on Monday."),
    Curation("dates_times.dates.month_year_comma", False, "A comma between month and year ('March, 1998').",
             "Off by default: it also fires on 'In March, 1500 troops arrived'.",
             "The mill closed in March, 1998.",
             "The mill closed in March 1998."),
    Curation("archaism", False, "Archaic words ('methinks', 'perchance').",
             "Off by default: its list includes 'divers' (as in scuba divers) and the name 'Christiana'.",
             "Methinks the council protests too much.",
             "The council seems to protest too much."),
    Curation("skunked_terms", False, "Disputed usages ('hopefully', 'decimate').",
             "Off by default: AP accepts 'hopefully', and 'decimate' is everyday news usage.",
             "Hopefully, the bridge reopens next week.",
             "Officials hope the bridge reopens next week."),
    Curation("redundancy.misc.after_the_deadline", False, "A long list of redundancies ('armed gunman').",
             "Off by default: its 360 entries include 'safe haven', 'first of all' and 'gather up'.",
             "The armed gunman fled on foot.",
             "The gunman fled on foot."),
    Curation("needless_variants", False, "Needless variants ('abolishment' for 'abolition').",
             "Off by default: it also flags words news uses freely ('fiefdom', 'normalcy', 'cease fire').",
             "The senator welcomed the abolishment of the fee.",
             "The senator welcomed the abolition of the fee."),
)

#: Checks newslint matches itself because proselint's pattern needs Python's ``re``.
_SPECIAL = {"lexical_illusions"}

_DETERMINERS = frozenset("a an the her his my your our their its this that whose".split())
_PREV_WORD = re.compile(r"(\w+)\W*$")


class Hit(NamedTuple):
    path: str
    start: int
    end: int
    message: str
    replacement: str | None


class _Pattern:
    """One proselint pattern: which check, how to word the finding, what to exclude.

    The RE2 pattern and its exception set are compiled the first time the document-level set
    says the pattern matched: most of the ~500 patterns never match a given run, and compiling
    them all up front was a third of the bridge's start-up.
    """

    __slots__ = ("path", "source", "message", "replacement", "offset", "exception_sources", "accept", "_compiled")

    def __init__(self, path: str, source: str, message: str, replacement: str | None, offset: tuple[int, int],
                 exception_sources: tuple[str, ...], accept: Callable[[str], bool] | None) -> None:
        self.path = path
        self.source = source
        self.message = message
        self.replacement = replacement  # None: an existence check, the message takes the matched text
        self.offset = offset
        self.exception_sources = exception_sources  # matched text equal to one of these is not reported
        self.accept = accept
        self._compiled: tuple[Any, Any] | None = None

    def compiled(self, re2: Any, options: Any) -> tuple[Any, Any]:
        """The compiled pattern and its exceptions (an RE2 set anchored at both ends, or None)."""
        if self._compiled is None:
            excepted = None
            if self.exception_sources:
                excepted = re2.Set.FullMatchSet(options)
                for source in self.exception_sources:
                    excepted.Add(source)
                excepted.Compile()
            self._compiled = (re2.compile(self.source, options), excepted)
        return self._compiled


class Matcher:
    """Every pattern of some proselint checks in one RE2 set: one pass per document finds candidates."""

    def __init__(self, paths: Iterable[str]) -> None:
        import re2

        curated = {c.path: c for c in CURATED}
        wanted = set(paths) - _SPECIAL
        table = pattern_table()
        missing = wanted - table.keys()
        if missing:
            raise LookupError(f"proselint has no checks named {', '.join(sorted(missing))}")
        options = re2.Options()
        options.perl_classes = True
        options.word_boundary = True
        options.case_sensitive = True  # case-insensitive patterns carry (?i:...)
        self._re2, self._options = re2, options
        self.patterns = [
            _Pattern(path, source, message, replacement, tuple(offset), tuple(exceptions), curated[path].accept)
            for path, checks in table.items()
            if path in wanted
            for message, offset, patterns in checks
            for source, replacement, exceptions in patterns
        ]
        self._set = re2.Set.SearchSet(options)
        for pattern in self.patterns:
            self._set.Add(pattern.source)
        self._set.Compile()

    def scan(self, text: str) -> list[Hit]:
        """All matches in ``text``, before the document-level guards (quotes, blocks) are applied."""
        indices = self._set.Match(text) if self.patterns else None
        hits: list[Hit] = []
        for index in sorted(indices or ()):
            pattern = self.patterns[index]
            regex, exceptions = pattern.compiled(self._re2, self._options)
            for m in regex.finditer(text):
                start, end = m.start(), m.end()
                if start == end or _glued(text, start, end):
                    continue
                matched = text[start:end].strip()
                if pattern.accept is not None and not pattern.accept(matched):
                    continue
                if exceptions is not None and exceptions.Match(matched):
                    continue
                start, end = start + pattern.offset[0], end + pattern.offset[1]
                if pattern.replacement is None:
                    hits.append(Hit(pattern.path, start, end, pattern.message.format(matched), None))
                else:
                    message = pattern.message.format(pattern.replacement, matched)
                    hits.append(Hit(pattern.path, start, end, message, pattern.replacement))
        return hits


#: The pattern table read from proselint, shipped: importing proselint's hundred modules was
#: over a sixth of newslint's start-up. :func:`pattern_table` uses it only while proselint's
#: source and this module's are the ones it was made from (their lengths and CRC-32s, about
#: 2 ms to read); otherwise it reads proselint. ``python -m newslint.resources`` refreshes it.
SHIPPED_PATTERNS = Path(__file__).with_name("proselint_patterns.json")


@lru_cache(maxsize=1)
def pattern_table() -> dict[str, list[list]]:
    """The patterns of each curated check, keyed by proselint's check path, in proselint's order.

    A path holds one entry per proselint check registered under it: [message, [start, end]
    offset, patterns], and each pattern is [RE2 source, replacement or None, exception sources].
    """
    try:
        shipped = json.loads(SHIPPED_PATTERNS.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        shipped = None
    if isinstance(shipped, dict) and shipped.get("key") == table_key():
        return shipped["checks"]
    return patterns_from_proselint()


def table_key() -> dict[str, str | None]:
    """What the table is made from: proselint's source (every .py file of the installed package)
    and this module's (the curation and the padding rules)."""
    from importlib.util import find_spec

    spec = find_spec("proselint")
    proselint = None
    if spec is not None and spec.submodule_search_locations:
        root = next(iter(spec.submodule_search_locations))
        chunks = []
        for folder, subfolders, names in os.walk(root):
            subfolders[:] = sorted(f for f in subfolders if f != "__pycache__")
            for name in sorted(names):
                if name.endswith(".py"):
                    path = os.path.join(folder, name)
                    with open(path, "rb") as source:
                        chunks += [os.path.relpath(path, root).encode(), source.read()]
        proselint = source_fingerprint(b"\0".join(chunks))
    return {"proselint": proselint, "bridge": source_fingerprint(Path(__file__).read_bytes())}


def patterns_from_proselint() -> dict[str, list[list]]:
    """The table worked out from proselint's check registry, with the curation's skips applied."""
    from proselint.checks import __register__
    from proselint.registry.checks import Padding, types

    curated = {c.path: c for c in CURATED}
    table: dict[str, list[list]] = {}
    for check in __register__:
        if check.path not in curated or check.path in _SPECIAL:
            continue
        insensitive = check.engine.opts.case_insensitive

        def pattern(source: str, replacement: str | None, exceptions: tuple, padding) -> list:
            excepted = [_pad(padding, e) for e in exceptions]
            if insensitive:
                source, excepted = f"(?i:{source})", [f"(?i:{e})" for e in excepted]
            return [source, replacement, excepted]

        skip = {s.lower() for s in curated[check.path].skip}
        kind = check.check_type
        if isinstance(kind, types.Existence):
            patterns = [pattern(_pad(kind.padding, item), None, kind.exceptions, kind.padding)
                        for item in kind.items if item.lower() not in skip]
        elif isinstance(kind, types.ExistenceSimple):
            patterns = [pattern(kind.pattern, None, kind.exceptions, Padding.RAW)]
        elif isinstance(kind, (types.PreferredFormsSimple, types.PreferredForms)):
            patterns = [pattern(_pad(kind.padding, item), _unescape(replacement), (), kind.padding)
                        for item, replacement in kind.items.items() if item.lower() not in skip]
        else:
            raise TypeError(f"proselint check {check.path} has a type the bridge cannot run: {type(kind)}")
        table.setdefault(check.path, []).append([check.message, list(check.offset), patterns])
    return table


def shipped_patterns_text() -> str:
    """What :data:`SHIPPED_PATTERNS` should hold: the table read from the installed proselint."""
    checks = ",\n".join(f"{json.dumps(path)}: {json.dumps(entries, ensure_ascii=False)}"
                         for path, entries in patterns_from_proselint().items())
    return f'{{"key": {json.dumps(table_key())},\n"checks": {{\n{checks}\n}}}}\n'


def write_shipped_patterns() -> Path:
    return write_shipped(SHIPPED_PATTERNS, shipped_patterns_text())


def _pad(padding, item: str) -> str:
    """proselint's padding, with its look-around variant replaced by ``\\b`` (RE2 has no look-around).

    The stricter neighbours it meant to exclude (hyphens, apostrophes) are checked by :func:`_glued`.
    """
    value = getattr(padding, "value", padding)
    if "(?<!" in value:
        return rf"\b(?:{item})\b"
    if value == r"\b{}\b":
        return rf"\b(?:{item})\b"
    return value.format(item)


def _unescape(replacement: str) -> str:
    """Some proselint replacements are written as regexes ('a\\.m\\.')."""
    return re.sub(r"\\(.)", r"\1", replacement)


def _wordish(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _glued(text: str, start: int, end: int) -> bool:
    """Whether a match starts or ends inside a word, in Unicode terms ("ne" in "Oekraïne").

    RE2's ``\\b`` only knows ASCII letters. A match is also glued when a hyphen joins it to a
    word ("family-" is not the adverb the phrasal-adjective rule means).
    """
    if _wordish(text[start]) and start > 0:
        before = text[start - 1]
        if _wordish(before) or (before == "-" and start > 1 and _wordish(text[start - 2])):
            return True
    if _wordish(text[end - 1]) and end < len(text):
        after = text[end]
        if _wordish(after) or (after == "-" and end + 1 < len(text) and _wordish(text[end + 1])):
            return True
    return False


def _is_verb_resume(text: str, hit: Hit) -> bool:
    """'Talks will resume' is the verb; only 'her resume', 'a resume' mean résumé."""
    if not text[hit.start : hit.end].lower().startswith("resume"):
        return False
    before = _PREV_WORD.search(text, max(0, hit.start - 40), hit.start)
    return before is None or before.group(1).lower() not in _DETERMINERS


# -- lexical illusions ---------------------------------------------------------------------------

_REPEAT_OK = frozenset({"had had", "that that"})
_TRAILING = ".,;:!?\"')"
_LEXICAL_MESSAGE = "There's a lexical illusion in '{}' - a phrase is repeated."


def _repeat_candidates(lowered: str) -> set[tuple[str, ...]]:
    """Words typed twice ("the the") or two-word phrases typed twice ("in the in the").

    Found by C-speed comparisons of whitespace tokens (trailing punctuation stripped), so
    a document is scanned once at split() speed; the few candidates are then located
    exactly by :func:`lexical_illusions`. Tokens of punctuation alone do not count.

    Most documents have no repeat at all, which a cheaper pass shows first: with every
    punctuation mark of ``_TRAILING`` turned into a space (``str.replace``, no per-token
    call), any repeat of stripped tokens is still a repeat of neighbouring pieces.
    """
    pieces = lowered
    for mark in _TRAILING:
        pieces = pieces.replace(mark, " ")
    if not _repeats(pieces.split()):
        return set()
    return _repeats(list(map(str.rstrip, lowered.split(), itertools.repeat(_TRAILING))))


def _repeats(words: list[str]) -> set[tuple[str, ...]]:
    """Alphanumeric words equal to the next one, and pairs equal to the next pair."""
    same_next = map(operator.eq, words, itertools.islice(words, 1, None))
    found: set[tuple[str, ...]] = {(w,) for w in itertools.compress(words, same_next) if w.isalnum()}
    last = len(words) - 3
    # a word equal to the one after next is rare: the pair test runs in Python only there
    for i in itertools.compress(itertools.count(), map(operator.eq, words, itertools.islice(words, 2, None))):
        if i < last and words[i + 1] == words[i + 3] and words[i].isalnum() and words[i + 1].isalnum():
            found.add((words[i], words[i + 1]))
    return found


def lexical_illusions(doc: Document) -> list[Hit]:
    text = doc.normalized
    hits = []
    for phrase in _repeat_candidates(text.lower()):
        unit = r"[ \t]+".join(map(re.escape, phrase))
        pattern = re.compile(rf"(?<![\w'-]){unit}(?:\s+{unit})+(?![\w'-])", re.IGNORECASE)
        for m in pattern.finditer(text):
            words = m.group().split()
            if " ".join(words).lower() in _REPEAT_OK or phrase[0].isdigit():
                continue
            if all(w[:1].isupper() for w in words[:: len(phrase)]):
                continue  # "Bora Bora", "Sirhan Sirhan": a name, not a slip
            shown = " ".join(words[: 2 * len(phrase)])  # the first repeat, however long the run
            hits.append(Hit("lexical_illusions", m.start(), m.end(), _LEXICAL_MESSAGE.format(shown), None))
    hits.sort(key=lambda h: h.start)
    return hits


# -- the checks -----------------------------------------------------------------------------------

_MATCHERS: dict[tuple[str, ...], Matcher] = {}


def _matcher(paths: tuple[str, ...]) -> Matcher:
    matcher = _MATCHERS.get(paths)
    if matcher is None:
        matcher = _MATCHERS[paths] = Matcher(paths)
    return matcher


_DEFAULT_PATHS = tuple(sorted(c.path for c in CURATED if c.on and c.path not in _SPECIAL))


def _scanner(paths: tuple[str, ...]) -> Callable[[Document], dict[str, list[Hit]]]:
    """A memo factory: scan a document once for a group of checks (all default-on ones together)."""

    def scan(doc: Document) -> dict[str, list[Hit]]:
        out: dict[str, list[Hit]] = {}
        for hit in _matcher(paths).scan(doc.normalized):
            out.setdefault(hit.path, []).append(hit)
        return out

    return scan


class ProselintCheck(Check):
    """One proselint check, bridged. Instances are made from :data:`CURATED`."""

    category = "proselint"

    def __init__(self, curation: Curation) -> None:
        self.curation = curation
        self.path = curation.path
        self.id = PREFIX + curation.path
        self.severity = curation.severity
        self.summary = curation.summary
        self.enabled_by_default = curation.on
        self.docs = Docs(flags=curation.summary, why=curation.why, example=curation.example, better=curation.better)
        group = _DEFAULT_PATHS if curation.path in _DEFAULT_PATHS else (curation.path,)
        self._memo_key = "proselint:" + ",".join(group)
        self._scan = lexical_illusions if curation.path in _SPECIAL else _scanner(group)

    def _hits(self, doc: Document) -> list[Hit]:
        found = doc.memo(self._memo_key, self._scan)
        return found if self.path in _SPECIAL else found.get(self.path, [])

    def check(self, doc: Document, ctx: CheckContext) -> Iterable[Finding]:
        hits = self._hits(doc)
        # Most of the ~45 bridged checks find nothing in most articles: no generator for those.
        return self._findings(doc, hits) if hits else ()

    def _findings(self, doc: Document, hits: list[Hit]) -> Iterable[Finding]:
        text = doc.normalized
        seen: set[tuple[int, int]] = set()
        for hit in hits:
            if (hit.start, hit.end) in seen or doc.in_quotation(hit.start, hit.end):
                continue
            block = doc.block_at(hit.start)
            if block is None or hit.end > block.end:
                continue  # prose only, and never across a paragraph or heading boundary
            if self.path == "typography.diacritical_marks" and _is_verb_resume(text, hit):
                continue
            seen.add((hit.start, hit.end))
            yield self.finding(hit.start, hit.end, hit.message, replacement=_offered(doc, hit))


def _offered(doc: Document, hit: Hit) -> str | None:
    """The replacement to show, when proselint gives a single one (not "x' or 'y", not "a / b")."""
    replacement = hit.replacement
    if replacement is None or "'" in replacement or " / " in replacement or replacement.endswith("..."):
        return None
    from newslint.checks.rulepacks import match_case

    return match_case(doc.text[hit.start : hit.end], replacement)


@hookimpl
def newslint_register_checks():
    return [ProselintCheck(c) for c in CURATED]
