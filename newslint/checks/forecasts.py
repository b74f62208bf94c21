"""speculative-forecast: predictions stated as fact in the writer's own voice.

Newsroom standards keep reporting apart from prediction: a forecast belongs to a
source ("analysts expect...") or carries a hedge ("may", "is likely to"). This
check flags the ones that do neither:

* imperatives that tell the reader what is coming ("Expect fares to climb");
* run-in labels ("Trend forecast: ...") followed by a claim;
* certainty phrases ("is bound to", "is certain to");
* unhedged futures ("The truce will break down within a month"), unless the
  clause reads as a plan or an appointment ("The board will vote on Friday").

Precision comes first, so anything that hands the prediction to someone else
(quotation, a speech or thought verb, "according to"), asks a question, embeds
the future in "whether"/"when"/"if", or describes the past stays silent.

The cue lists live in ``rules/forecast-cues.yaml``; the option ``extra_cues``
adds to them. The whole document is scanned once for triggers, with RE2 on an
ASCII view of the lower-cased text (``newslint.text.ascii_view``); only sentences holding
a trigger are looked at more closely, and there one RE2 set first tells which
other cue lists can match at all (:class:`_Prefilter`), so most patterns never
run. Every pattern is compiled on first use: a short article needs few of them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Callable, Iterator

from newslint.checks.base import Check, CheckContext, Docs, Option, OptionError
from newslint.document import Document
from newslint.findings import Finding, Severity
from newslint.hookspecs import hookimpl
from newslint.resources import load_rules_file
from newslint.text import ascii_view, shorten

CUES_FILE = "forecast-cues.yaml"
CUE_LISTS = (
    "imperatives",
    "imperatives_with_infinitive",
    "labels",
    "certainty_phrases",
    "certainty_adverbs",
    "scheduling_verbs",
    "scheduling_phrases",
    "schedule_times",
    "passive_forecasts",
    "set_phrases",
    "hedges",
    "attribution",
)

# -- English grammar the check relies on (not newsroom cues, so not in the YAML) --------

#: The forms of the future the check reads ("it'll" only with pronouns that are not the writer).
_FUTURES = ("will", "won't", "it'll", "they'll", "he'll", "she'll", "that'll", "there'll", "this'll")
#: Hedged futures, reported at info level when the option asks for them.
_HEDGED_FUTURES = ("may", "might", "could", "is likely to", "are likely to", "is unlikely to", "are unlikely to")
#: Words before "will" that make it the noun ("the will to fight", "in his will").
_NOUN_WILL_BEFORE = frozenset(
    "the a an his her their its our my your whose political free good ill own popular public "
    "collective national iron sheer strong living last of at with against no".split()
)
#: Words right after "will" that show it is a noun ("the will to win", "will of the people").
_NOUN_WILL_AFTER = frozenset("to of and or".split())
#: Subjects whose future is the newsroom's plan or an instruction, not a forecast.
_SKIP_SUBJECTS = frozenset("i we you".split())
#: Words that turn the rest of their clause into an embedded question or condition.
_SUBORDINATORS = frozenset("whether if when whenever how why what where whom whose which until unless".split())
#: Relative pronouns that, right before "will", describe rather than predict ("a law that will ban").
_RELATIVES = frozenset("that which who".split())
#: Words that open a condition on the main clause ("If the rains fail, ...", "Should the talks collapse, ...").
_CONDITIONS = frozenset("if unless should".split())
#: "If anything, ...", "if not", "if only": idioms that assert the outcome rather than set a condition.
_NOT_CONDITIONS_AFTER = frozenset("anything nothing only not ever".split())
#: Adverbs that may stand between "will" and its verb.
_ADVERBS = frozenset(
    "not also only still soon then now again even ever all both each just already too first never "
    "no longer".split()
)
#: Verbs that end in -ly and so must not be skipped as adverbs.
_LY_VERBS = frozenset("apply reply rely supply comply imply multiply fly rally tally".split())
_ORDINALS = frozenset("first second third fourth fifth last latest final only next".split())
_DETERMINERS = frozenset("the a an your our their his her its this that these those my some".split())
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec"
)
#: Calendar dates and clock times: "1 September", "January 20", "in March", "7am", "10:30".
_DATE_OR_TIME = (
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\b"
    rf"|\b(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b"
    r"|\b(?:in|next|this|early|mid|late|from|until|by|on)\s+(?:january|february|march|april|june|july|"
    r"august|september|october|november|december)\b"
    r"|\b\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)|\b\d{1,2}:\d{2}\b"
    r"|\bfrom\s+(?:19|20)\d\d\b"
)
#: Irregular past participles: after "will be" they make a passive, which usually reports a plan.
_IRREGULAR_PARTICIPLES = frozenset(
    """built held sworn paid spent cut put set sent sold told hit left made given taken seen known
    shown brought bought kept lost met run won shut struck thrown chosen driven written beaten
    broken forgotten frozen drawn grown torn laid led read heard found bound fed hung shot split
    spread let""".split()
)
#: Conjunctions that, after a comma, open a new clause.
_CONJUNCTIONS = "and|but|while|whereas|although|though|so|yet|since|because|or"
#: Where a clause ends: semicolons, colons, spaced dashes, and a comma before a conjunction.
_CLAUSE_BREAK = rf"[;:](?=\s)|\s[-\u2013\u2014]\s|\u2014|,\s+(?:{_CONJUNCTIONS})\b"
#: "it will be necessary to...": a statement of need, not a prediction.
_NORMATIVE = frozenset("necessary essential important crucial vital critical imperative".split())


class _Grammar:
    """The fixed Python patterns, each compiled on first use so that importing the check stays cheap."""

    @cached_property
    def plan_figure(self) -> re.Pattern:
        """Money and head counts ("cut 500 jobs", "cost £4bn"): the figures of an announced plan.

        Years and percentages are left out: "by 2035" and "10 per cent" are typical of forecasts.
        Every alternative holds a digit (the prefilter relies on it).
        """
        return re.compile(
            r"[£$€¥]\s?\d|\b\d[\d,.]*\s?(?:bn|m|million|billion|trillion|thousand)\b"
            r"|\b\d{1,3}(?:,\d{3})+\b|\b(?!(?:19|20)\d\d\b)\d{3,}\b",
            re.IGNORECASE,
        )

    @cached_property
    def age(self) -> re.Pattern:
        """An age after "will": "be 40", "turn 65 next month", "be 18 years old" (not "be 40%")."""
        return re.compile(
            r"\s+(?:be|turn)\s+(?:1[0-2]\d|\d{1,2})(?:\s+years?\s+old\b|\s+(?:next|this|on|in|when|later)\b|\s*[,;.]|\s*\Z)"
        )

    @cached_property
    def condition_after(self) -> re.Pattern:
        """A condition that follows the claim within its clause: "... will rise if the bill passes"."""
        return re.compile(r"(?<!,)(?<!\beven)(?<!\bas) (?:if|unless) (?!(?:anything|nothing|only|not|ever)\b)[^,;]")

    @cached_property
    def word(self) -> re.Pattern:
        return re.compile(r"[a-z][a-z'-]*")  # on lower-cased text

    @cached_property
    def tag_separator(self) -> re.Pattern:
        """Punctuation that sets off a speech tag after the reported words ("..., the bank said")."""
        return re.compile(r"[,(\u2013\u2014]|\s-\s")

    @cached_property
    def viewpoint(self) -> re.Pattern:
        """"For the Kremlin," / "To Western analysts,": the sentence reports that party's view."""
        return re.compile(r"(?:For|To)\s+(?:the\s+)?[A-Z][\w'-]*[^,.;:]{0,80},")

    @cached_property
    def list_prefix(self) -> re.Pattern:
        return re.compile(r"[\s\u2022\u00b7*+\-\u2013\u2014>#]*(?:\(?\d{1,3}[.)]\s+)?")

    @cached_property
    def claim_follows(self) -> re.Pattern:
        return re.compile(r"\s*\S")


_GRAMMAR = _Grammar()
_TRIM_LEFT = " \t\n\u2022\u00b7*+-\u2013\u2014"
_TRIM_RIGHT = " \t\n.,;:!\u2013\u2014-"


def _phrase_pattern(phrases: list[str], space: str = r"\s+", closed: bool = True) -> str:
    """One alternation of whole-word phrases, longest first, any run of ``space`` between words.

    ``closed=False`` leaves out the closing word boundary (see :class:`_Prefilter`).
    """
    unique = sorted({p.strip().lower() for p in phrases if p and p.strip()}, key=len, reverse=True)
    parts = [space.join(re.escape(word) for word in phrase.split()) for phrase in unique]
    if not parts:
        return r"(?!x)x"
    return r"\b(?:" + "|".join(parts) + (r")\b" if closed else ")")


# -- RE2 on the ASCII view of the text (newslint.text.ascii_view) -------------------------

#: Python's ``\s`` and ``\d`` in the view.
_RE2_SPACE = f"[{ascii_view.SPACE_CLASS}]"
_RE2_DIGIT = f"[{ascii_view.DIGIT_CLASS}]"


def _for_re2(source: str) -> str:
    """A Python pattern for the lower-cased text as an RE2 pattern for the view.

    Only ``\\s`` and ``\\d`` change meaning, so ``source`` must use them outside brackets
    only and otherwise stick to ASCII and to what RE2 supports (no look-arounds).
    """
    return source.replace(r"\s", _RE2_SPACE).replace(r"\d", _RE2_DIGIT)


def _spelt_in_ascii(phrases: list[str]) -> bool:
    """Whether RE2 on the view finds what ``re`` finds on the text: cues in ASCII that use no stand-in."""
    chars = {c for p in phrases for c in p.lower() if not c.isspace()}
    return bool(chars) and all(c.isascii() for c in chars) and not chars & ascii_view.STAND_INS


class _Pattern:
    """A pattern on the lower-cased text, run by RE2 on the ASCII view when it has an RE2 form.

    ``write(for_re2)`` spells it for Python's ``re`` or for RE2, on first use. Either way the
    matches are what the ``re`` form finds on the text; without an RE2 form (a cue not spelt
    in ASCII, or ``use_re2=False`` in the tests) Python's ``re`` does the work.
    """

    def __init__(self, write: Callable[[bool], str], uses_re2: bool) -> None:
        self._write = write
        self.uses_re2 = uses_re2

    @cached_property
    def _python(self) -> re.Pattern:
        return re.compile(self._write(False))

    @cached_property
    def _re2(self):
        import re2  # only when first needed: importing it costs a few milliseconds

        return re2.compile(self._write(True).encode("ascii"))

    def spans(self, low: str, view: bytes) -> list[tuple[int, int]]:
        """The spans of ``finditer`` over the whole text."""
        if not self.uses_re2:
            return [m.span() for m in self._python.finditer(low)]
        return ascii_view.re2_spans(self._re2, view)

    def search(self, low: str, view: bytes, start: int = 0, end: int | None = None) -> tuple[int, int] | None:
        """The span of ``search(low, start, end)``, or None."""
        if not self.uses_re2:
            m = self._python.search(low, start, len(low) if end is None else end)
        else:  # RE2 looks past its end position for a word boundary, Python's re does not: cut the view
            m = self._re2.search(view if end is None or end >= len(view) else view[:end], start)
        return None if m is None else m.span()

    def match(self, low: str, view: bytes, pos: int) -> tuple[int, int] | None:
        """The span of ``match(low, pos)``, or None."""
        m = self._re2.match(view, pos) if self.uses_re2 else self._python.match(low, pos)
        return None if m is None else m.span()


def _phrases(phrases: list[str], use_re2: bool, follow: str = "") -> _Pattern:
    """A cue list as one whole-word pattern, then ``follow`` (a Python pattern :func:`_for_re2` can spell)."""

    def write(for_re2: bool) -> str:
        if for_re2:
            return _phrase_pattern(phrases, _RE2_SPACE + "+") + _for_re2(follow)
        return _phrase_pattern(phrases) + follow

    return _Pattern(write, use_re2 and _spelt_in_ascii(phrases))


class _Prefilter:
    """Which cue lists can match somewhere in a sentence: one RE2 set search instead of a search per list.

    Each list is loosened so that it matches wherever its exact pattern matches, in the
    whole sentence or in any part of it (a search that ends early takes the end as a word
    boundary, so the loose form drops the closing ``\\b``). A list the set does not report
    cannot match; a list it cannot loosen is always reported.
    """

    def __init__(self, loose: dict[str, str | None]) -> None:
        import re2

        self._always = frozenset(name for name, pattern in loose.items() if pattern is None)
        self._names = [name for name, pattern in loose.items() if pattern is not None]
        self._set = re2.Set.SearchSet()
        for name in self._names:
            self._set.Add(loose[name].encode("ascii"))
        self._set.Compile()
        self._answers: dict[tuple[int, ...], frozenset[str]] = {}  # few distinct ones: saves building sets

    def lists_in(self, view: bytes) -> frozenset[str]:
        found = tuple(self._set.Match(view) or ())
        answer = self._answers.get(found)
        if answer is None:
            answer = self._answers[found] = self._always.union(self._names[i] for i in found)
        return answer


class _AllLists:
    """What a sentence may hold without a prefilter: every list."""

    def __contains__(self, name: str) -> bool:
        return True


_ALL_LISTS = _AllLists()


def _label_starts(cues: Cues, low: str, view: bytes) -> list[int]:
    """The start offsets of ``cues.label`` matches in ``low``.

    ``cues.label`` asks for a claim after the colon, which only Python's ``re`` can look
    ahead for; so RE2 finds each label with its colon and Python checks what follows.
    A label holds no colon, so one that fails that check shares its colon with any label
    starting inside it, which fails too: the starts are those of ``cues.label.finditer``.
    """
    if ":" not in low:
        return []
    if any(":" in label for label in cues.lists["labels"]):
        return [m.start() for m in cues.label.finditer(low)]
    follows = _GRAMMAR.claim_follows
    return [start for start, colon_end in cues.label_colon.spans(low, view) if follows.match(low, colon_end)]


def _lemmas(word: str) -> tuple[str, ...]:
    """The word and the base forms a regular past participle may come from (closed, planned)."""
    forms = [word]
    if word.endswith("ed"):
        forms += [word[:-1], word[:-2]]
        if len(word) > 4 and word[-3] == word[-4]:
            forms.append(word[:-3])
        if word.endswith("ied"):
            forms.append(word[:-3] + "y")
    return tuple(forms)


class Cues:
    """The cue lists as patterns, each compiled on first use: triggers for the document, the rest per sentence.

    Every pattern is lower case and runs on the lower-cased text (``ascii_view.lowered``) or
    its ASCII view. ``use_re2=False`` keeps to Python's ``re`` (no view, no prefilter): the
    slow, plain form the tests hold the fast one to.
    """

    def __init__(self, lists: dict[str, list[str]], hedged_triggers: bool, use_re2: bool = True) -> None:
        kinds = dict.fromkeys(_FUTURES, "will")
        kinds.update(dict.fromkeys((c.lower() for c in lists["certainty_phrases"]), "certain"))
        kinds.update(dict.fromkeys((c.lower() for c in lists["imperatives"]), "imperative"))
        kinds.update(dict.fromkeys((c.lower() for c in lists["imperatives_with_infinitive"]), "infinitive"))
        if hedged_triggers:
            kinds.update(dict.fromkeys(_HEDGED_FUTURES, "hedged"))
        self.kinds = {" ".join(k.split()): v for k, v in kinds.items()}
        self.lists = lists
        self.use_re2 = use_re2
        # One alternation, not one group per kind: about three times faster in ``re``.
        self.trigger = _phrases(list(self.kinds), use_re2)
        self.certainty = _phrases(lists["certainty_adverbs"], use_re2)
        self.hedge = _phrases(lists["hedges"], use_re2)
        self.hedged_complement = _phrases(lists["hedges"], use_re2, follow=r"\s+that\b")
        self.attribution = _phrases(lists["attribution"], use_re2)
        self.set_phrase = _phrases(lists["set_phrases"], use_re2)
        self.label_colon = _phrases(lists["labels"], use_re2, follow=r"\s*:")
        schedule = lists["schedule_times"] + lists["scheduling_phrases"]

        def write_schedule(for_re2: bool) -> str:
            if for_re2:
                return _phrase_pattern(schedule, _RE2_SPACE + "+") + "|" + _for_re2(_DATE_OR_TIME)
            return _phrase_pattern(schedule) + "|" + _DATE_OR_TIME

        self.schedule = _Pattern(write_schedule, use_re2 and _spelt_in_ascii(schedule))
        self.scheduling_verbs = frozenset(v.strip().lower() for v in lists["scheduling_verbs"])
        self.passive_forecasts = frozenset(v.strip().lower() for v in lists["passive_forecasts"])

    def kind_of(self, cue: str) -> str:
        """What a trigger is (given its text): will, certain, imperative, infinitive or hedged."""
        return self.kinds.get(cue) or self.kinds[" ".join(cue.split())]

    @cached_property
    def label(self) -> re.Pattern:
        return re.compile(rf"({_phrase_pattern(self.lists['labels'])})\s*:\s*(?=\S)")

    @cached_property
    def clause_break(self) -> re.Pattern:
        return re.compile(_CLAUSE_BREAK)

    @cached_property
    def infinitive(self) -> re.Pattern:
        return re.compile(r"\s+(?:[\w'\"-]+\s+){0,8}?to\s+(?!(?:" + "|".join(sorted(_DETERMINERS)) + r")\b)[a-z]+")

    @cached_property
    def prefilter(self) -> _Prefilter | None:
        """The loose forms of the per-sentence patterns (see :class:`_Prefilter`); None without RE2."""
        if not self.use_re2:
            return None
        space = _RE2_SPACE + "+"

        def loose(phrases: list[str]) -> str | None:
            return _phrase_pattern(phrases, space, closed=False) if _spelt_in_ascii(phrases) else None

        return _Prefilter(
            {
                "attribution": loose(self.lists["attribution"]),
                "hedges": loose(self.lists["hedges"]),  # hedged_complement starts with a hedge
                "set_phrases": loose(self.lists["set_phrases"]),
                "certainty_adverbs": loose(self.lists["certainty_adverbs"]),
                "figures": _RE2_DIGIT,  # every alternative of plan_figure holds a digit
                # _CLAUSE_BREAK with the look-ahead dropped; in the view the dashes are NUL (OTHER_STAND_IN).
                "clause_breaks": rf"[;:\x00]|{_RE2_SPACE}-|,{space}(?:{_CONJUNCTIONS})",
            }
        )


def load_cue_lists(extra: dict[str, list[str]] | None = None) -> dict[str, list[str]]:
    """The cue lists of ``rules/forecast-cues.yaml``, with ``extra`` cues added."""
    data = load_rules_file(CUES_FILE)
    lists = {name: [str(c) for c in data[name]["cues"]] for name in CUE_LISTS}
    for name, cues in (extra or {}).items():
        lists[name] = lists[name] + [str(c) for c in cues]
    return lists


def _validate_extra(value: dict) -> None:
    for name, cues in value.items():
        if name not in CUE_LISTS:
            raise OptionError(f"unknown cue list {name!r} (known: {', '.join(CUE_LISTS)})")
        if not isinstance(cues, list) or not all(isinstance(c, str) and c.strip() for c in cues):
            raise OptionError(f"extra_cues.{name} must be a list of words or phrases")


@dataclass
class _Candidate:
    """A forecast found in one sentence: its span (document offsets) and how it was recognised."""

    start: int
    end: int
    kind: str  # imperative, label, certain, will, conditional, hedged
    cue: str
    hedged: bool = False


class _Sentence:
    """One sentence with the facts every trigger in it shares, computed on first use."""

    def __init__(self, doc: Document, start: int, end: int, cues: Cues, low: str, view: bytes) -> None:
        self.doc = doc
        self.start = start
        self.end = end
        self.text = doc.normalized[start:end]
        self.low = low[start:end]
        self.view = view[start:end]
        self.cues = cues
        prefilter = cues.prefilter
        #: The cue lists that may match in the sentence (see :class:`_Prefilter`).
        self.lists = _ALL_LISTS if prefilter is None else prefilter.lists_in(self.view)
        self._prefix_end: int | None = None
        self._breaks: list[tuple[int, int]] | None = None
        self._attribution: list[tuple[int, int]] | None = None

    @property
    def prefix_end(self) -> int:
        """Where the text starts after list markers."""
        if self._prefix_end is None:
            self._prefix_end = _GRAMMAR.list_prefix.match(self.text).end()
        return self._prefix_end

    def breaks(self) -> list[tuple[int, int]]:
        if self._breaks is None:
            self._breaks = []
            if "clause_breaks" in self.lists:
                self._breaks = [(m.start(), m.end()) for m in self.cues.clause_break.finditer(self.low)]
        return self._breaks

    def clause(self, pos: int) -> tuple[int, int]:
        """Sentence-relative bounds of the clause around ``pos``."""
        start, end = 0, len(self.text)
        for b_start, b_end in self.breaks():
            if b_end <= pos:
                start = b_end
            elif b_start >= pos:
                end = b_start
                break
        return start, end

    def attributed(self, start: int, end: int, claim_follows: bool = False) -> bool:
        """Whether the sentence hands the cue at ``start:end`` to a source.

        A source named before the cue counts ("Analysts say rents will..."); after it, only
        as a tag set off by punctuation ("..., the bank said") or "according to", so that
        "will only end when Moscow has guarantees that..." stays the writer's own. After a
        label (``claim_follows``) the claim is what follows, so any source in it counts.
        """
        if self._attribution is None:
            self._attribution = []
            if "attribution" in self.lists:
                self._attribution = self.cues.attribution.spans(self.low, self.view)
            self._attribution.extend(self._viewpoint())
        for a_start, a_end in self._attribution:
            if a_start < end and start < a_end:
                continue  # the cue's own words ("Expect", "Prediction:")
            if self.opens_clause(a_start) and self._imperative_at(a_start):
                continue  # "..., and expect fares to follow": another forecast, not a source
            if a_end <= start or claim_follows or self.low.startswith("according", a_start):
                return True
            if _GRAMMAR.tag_separator.search(self.text, end, a_start):
                return True
        return False

    def _viewpoint(self) -> list[tuple[int, int]]:
        """A frame naming whose view follows: "For the Kremlin, ...", "To Western analysts, ..."."""
        text = self.text
        if ("For" not in text and "To" not in text) or not text.startswith(("For", "To"), self.prefix_end):
            return []
        m = _GRAMMAR.viewpoint.match(self.text, self.prefix_end)
        return [(m.start(), m.end())] if m else []

    def hedged(self, start: int, end: int) -> bool:
        """Whether a hedge sits in the clause, or governs it from earlier ("suggests that a and b")."""
        if "hedges" not in self.lists:
            return False
        if self.cues.hedge.search(self.low, self.view, start, end) is not None:
            return True
        return start > 0 and self.cues.hedged_complement.search(self.low, self.view, 0, start) is not None

    def quoted(self, start: int, end: int) -> bool:
        return self.doc.in_quotation(self.start + start, self.start + end)

    def trigger_at(self, pos: int) -> str | None:
        """The kind of the trigger that starts at ``pos``, if one does."""
        span = self.cues.trigger.match(self.low, self.view, pos)
        return None if span is None else self.cues.kind_of(self.low[span[0] : span[1]])

    def _imperative_at(self, pos: int) -> bool:
        return self.trigger_at(pos) in ("imperative", "infinitive")

    def opens_clause(self, pos: int) -> bool:
        """Whether ``pos`` starts the sentence or a clause (see :meth:`at_clause_start`, ``_CLAUSE_BREAK``)."""
        return self.at_clause_start(pos) or any(
            b_end <= pos and not self.text[b_end:pos].strip() for _, b_end in self.breaks()
        )

    def at_clause_start(self, pos: int) -> bool:
        """Whether only list markers, a label or a clause break come before ``pos``."""
        before = self.text[:pos].rstrip()
        if not before or _GRAMMAR.list_prefix.fullmatch(before):
            return True
        return before.endswith((":", ";", "\u2013", "\u2014", " -"))

    def words(self, start: int, end: int) -> list[str]:
        return _GRAMMAR.word.findall(self.low, start, end)


class SpeculativeForecast(Check):
    id = "speculative-forecast"
    category = "forecasts"
    severity = Severity.WARNING
    summary = "Predictions stated as fact in the writer's own voice, neither attributed nor hedged."
    docs = Docs(
        flags=(
            "Forecasts the article asserts on its own authority: imperatives such as \"Expect fares "
            "to climb\", labels such as \"Trend forecast:\", certainty phrases (\"is bound to\", "
            "\"will almost certainly\") and unhedged futures about events nobody has scheduled "
            "(\"The truce will break down within a month\"). Attributed predictions, quotations, "
            "scheduled events and announced plans, ages (\"she will be 40 next year\"), hedged "
            "statements, conditions (\"If the bill passes, taxes will rise\"), questions and the "
            "past are left alone; \"even if\" and \"if anything\" still assert the outcome."
        ),
        why=(
            "Readers take the article's own voice as reported fact. A prediction needs an owner "
            "(who expects it?) or an honest hedge; otherwise the desk is vouching for the future."
        ),
        example="The truce will break down within a month.",
        better="The truce could break down within a month, two diplomats involved in the talks said.",
    )
    options = (
        Option(
            "report_hedged",
            False,
            "also report hedged and conditional forecasts (may, could, will likely, is likely to, "
            "if ... will) at info level",
        ),
        Option(
            "extra_cues",
            {},
            "cues added to rules/forecast-cues.yaml, by list name, e.g. {labels: [Crystal ball]}",
            type=dict,
            validate=_validate_extra,
        ),
    )

    def _cues(self, ctx: CheckContext) -> Cues:
        extra = ctx.options.get("extra_cues") or {}
        hedged = bool(ctx.options.get("report_hedged"))
        key = ("speculative-forecast-cues", hedged, repr(sorted(extra.items())))
        return ctx.memo(key, lambda: Cues(load_cue_lists(extra), hedged))

    def check(self, doc: Document, ctx: CheckContext) -> Iterator[Finding]:
        cues = self._cues(ctx)
        report_hedged = bool(ctx.options.get("report_hedged"))
        by_sentence: dict[int, list[tuple[int, int]]] = {}
        low, view = ascii_view.lowered(doc), ascii_view.view(doc)
        for span in cues.trigger.spans(low, view):
            index = doc.sentence_index(span[0])
            if index is not None:
                by_sentence.setdefault(index, []).append(span)
        for start in _label_starts(cues, low, view):  # checked at sentence starts in _analyse
            index = doc.sentence_index(start)
            if index is not None:
                by_sentence.setdefault(index, [])
        sentences = doc.sentences
        for index in sorted(by_sentence):
            triggers = by_sentence[index]
            sentence = sentences[index]
            block = doc.blocks[sentence.block]
            if "blockquote" in block.scopes:
                continue
            if _asks(doc.normalized[sentence.start : sentence.end]):
                continue
            sent = _Sentence(doc, sentence.start, sentence.end, cues, low, view)
            found = self._analyse(sent, triggers, block.kind)
            if found is None or (found.hedged and not report_hedged):
                continue
            yield self._report(doc, found)

    # -- recognising a forecast in one sentence --------------------------------------------
    def _analyse(self, sent: _Sentence, triggers: list[tuple[int, int]], block_kind: str) -> _Candidate | None:
        hedged: _Candidate | None = None
        label = None
        if block_kind not in ("heading", "headline") and ":" in sent.low:  # a label ends in a colon
            label = sent.cues.label.match(sent.low, sent.prefix_end)
        if label is not None:
            found = self._labelled(sent, label)
            if found is not None and not found.hedged:
                return found
            hedged = found
        for start, end in triggers:
            start, end = start - sent.start, end - sent.start
            if sent.quoted(start, end):
                continue
            kind = sent.cues.kind_of(sent.low[start:end])
            if kind == "will":
                found = self._future(sent, start, end)
            elif kind == "certain":
                found = self._certain(sent, start, end)
            elif kind == "hedged":
                found = self._hedged_modal(sent, start, end)
            else:
                found = self._imperative(sent, start, end, needs_infinitive=kind == "infinitive")
            if found is None:
                continue
            if label is not None and not found.hedged:
                found.start = sent.start + label.start()
            if not found.hedged:
                return found
            hedged = hedged or found
        return hedged

    def _labelled(self, sent: _Sentence, label: re.Match) -> _Candidate | None:
        claim_start = label.end()
        _, claim_end = sent.clause(claim_start + 1)
        if not _GRAMMAR.word.search(sent.text, claim_start, claim_end) or sent.quoted(claim_start, claim_end):
            return None
        own_end = label.end(1)
        opening = sent.cues.trigger.match(sent.low, sent.view, claim_start)
        if opening is not None and sent.cues.kind_of(sent.low[opening[0] : opening[1]]) in ("imperative", "infinitive"):
            own_end = opening[1]  # "Trend forecast: Expect ...": the imperative is the claim, not a source
        if sent.attributed(label.start(1), own_end, claim_follows=True):
            return None
        return self._candidate(
            sent,
            label.start(),
            claim_end,
            "label",
            sent.text[label.start(1) : label.end(1)],
            hedged=sent.hedged(claim_start, claim_end),
        )

    def _imperative(self, sent: _Sentence, start: int, end: int, needs_infinitive: bool) -> _Candidate | None:
        if not sent.opens_clause(start):
            return None
        _, clause_end = sent.clause(end)
        if needs_infinitive and not sent.cues.infinitive.match(sent.low, end, clause_end):
            return None
        if sent.attributed(start, end):
            return None
        cue = sent.text[start:end]
        return self._candidate(sent, start, clause_end, "imperative", cue, hedged=sent.hedged(end, clause_end))

    def _certain(self, sent: _Sentence, start: int, end: int) -> _Candidate | None:
        clause_start, clause_end = sent.clause(start)
        if self._subordinate(sent, clause_start, start) or sent.attributed(start, end):
            return None
        cue = sent.text[start:end]
        hedged = sent.hedged(clause_start, clause_end)
        return self._candidate(sent, clause_start, clause_end, "certain", cue, hedged=hedged)

    def _future(self, sent: _Sentence, start: int, end: int) -> _Candidate | None:
        """An unhedged "will" in the writer's voice that is not a plan or an appointment."""
        text = sent.text
        if text[start] == "W":
            return None  # a name ("Will Carter") or a question's opening
        before = sent.words(max(0, start - 30), start)
        previous = before[-1] if before else ""
        if previous in _NOUN_WILL_BEFORE or previous in _SKIP_SUBJECTS:
            return None
        clause_start, clause_end = sent.clause(start)
        after = sent.words(end, clause_end)
        if not after or after[0] in _NOUN_WILL_AFTER:
            return None
        if "set_phrases" in sent.lists and any(
            s <= start < e for s, e in sent.cues.set_phrase.spans(sent.low, sent.view)
        ):
            return None  # "time will tell"
        if self._subordinate(sent, clause_start, start):
            return None
        if sent.attributed(start, end):
            return None
        if sent.hedged(clause_start, clause_end):
            return self._candidate(sent, clause_start, clause_end, "will", text[start:end], hedged=True)
        if self._conditional(sent, clause_start, start, clause_end):
            return self._candidate(sent, clause_start, clause_end, "conditional", text[start:end], hedged=True)
        planned = self._planned(sent, after, end, clause_start, clause_end)
        if planned and not ("certainty_adverbs" in sent.lists and sent.cues.certainty.search(sent.low, sent.view)):
            return None  # a plan, unless a certainty adverb makes it a forecast
        return self._candidate(sent, clause_start, clause_end, "will", text[start:end])

    def _hedged_modal(self, sent: _Sentence, start: int, end: int) -> _Candidate | None:
        """"may", "could", "is likely to": reported at info level when report_hedged is on."""
        text = sent.text
        if text[start].isupper() and start > 0:
            return None  # the month "May", a name
        after = sent.words(end, min(len(text), end + 20))
        if not after or after[0] == "have" or after[:2] in (["not", "have"], ["well", "have"]):
            return None  # "could have", "may not have": the past
        before = sent.words(max(0, start - 12), start)
        if before and before[-1] in _SKIP_SUBJECTS:
            return None  # "You may also like", "we might"
        clause_start, clause_end = sent.clause(start)
        if self._subordinate(sent, clause_start, start) or sent.attributed(start, end):
            return None
        return self._candidate(sent, clause_start, clause_end, "hedged", text[start:end], hedged=True)

    @staticmethod
    def _subordinate(sent: _Sentence, clause_start: int, pos: int) -> bool:
        """Whether the cue sits in an embedded question, a condition or a relative clause."""
        segment_start = max(clause_start, sent.text.rfind(",", clause_start, pos) + 1)
        words = sent.words(segment_start, pos)
        if not _SUBORDINATORS.isdisjoint(words):
            return True
        return len(words) > 1 and words[-1] in _RELATIVES

    @staticmethod
    def _conditional(sent: _Sentence, clause_start: int, pos: int, clause_end: int) -> bool:
        """Whether a condition governs the future at ``pos``, which makes it a hedge.

        "If the rains fail, the harvest will be poor" and "Taxes will rise if the bill passes"
        claim a consequence, not an outcome. "Even if", "as if", "if anything" and a condition
        set off by a comma after the claim ("..., if history is any guide") assert the outcome
        all the same, so they do not count.
        """
        before = sent.words(clause_start, pos)
        if before and before[0] in _CONDITIONS and "," in sent.text[clause_start:pos]:
            return before[0] == "should" or len(before) < 2 or before[1] not in _NOT_CONDITIONS_AFTER
        return _GRAMMAR.condition_after.search(sent.low, pos, clause_end) is not None

    @staticmethod
    def _planned(sent: _Sentence, after: list[str], will_end: int, clause_start: int, clause_end: int) -> bool:
        """Whether the future reads as an appointment or an announced plan.

        Signs of a plan: a date or clock time, a scheduling verb ("will vote", "will be
        held"), a passive ("will be asked"), or the money and head counts of an announcement
        ("will cut 500 jobs"). Passives that predict harm ("will be left homeless") are listed
        in the cues as forecasts.
        """
        if sent.cues.schedule.search(sent.low, sent.view, clause_start, clause_end):
            return True
        if _GRAMMAR.age.match(sent.low, will_end, clause_end):
            return True  # "she will be 40 next year": the calendar, not a guess
        if "figures" in sent.lists and _GRAMMAR.plan_figure.search(sent.text, will_end, clause_end):
            return True
        verbs = [w for w in after if w not in _ADVERBS and (not w.endswith("ly") or w in _LY_VERBS)]
        if not verbs:
            return False
        if verbs[0] == "be" and len(verbs) > 1:
            rest = after[after.index("be") + 1 :]
            if len(rest) > 1 and rest[0] in _DETERMINERS and rest[1] in _ORDINALS:
                return True  # "will be the first visit by..."
            if verbs[1] in _NORMATIVE:
                return True  # "it will be necessary to...": a need, not a forecast
            verbs = verbs[1:]
            participle = verbs[0] in _IRREGULAR_PARTICIPLES or (len(verbs[0]) > 4 and verbs[0].endswith("ed"))
            if participle:
                return verbs[0] not in sent.cues.passive_forecasts
        known = sent.cues.scheduling_verbs
        head = verbs[0]
        if not known.isdisjoint(_lemmas(head)):
            return True
        return " ".join(verbs[:2]) in known or " ".join(verbs[:3]) in known

    @staticmethod
    def _candidate(sent: _Sentence, start: int, end: int, kind: str, cue: str, hedged: bool = False) -> _Candidate:
        segment = sent.text[start:end]
        left = len(segment) - len(segment.lstrip(_TRIM_LEFT))
        right = len(segment.rstrip(_TRIM_RIGHT))
        return _Candidate(sent.start + start + left, sent.start + start + max(right, left), kind, cue, hedged)

    # -- reporting -----------------------------------------------------------------------
    def _report(self, doc: Document, found: _Candidate) -> Finding:
        excerpt = shorten(doc.normalized[found.start : found.end])
        cue = " ".join(found.cue.split())
        if found.hedged:
            kind = "Conditional" if found.kind == "conditional" else "Hedged"
            message = (
                f'{kind} prediction: "{excerpt}". '
                "Make sure it is the article's own analysis and not a source's; if it is a source's, attribute it."
            )
            return self.finding(found.start, found.end, message, severity=Severity.INFO, cue=cue, kind=found.kind)
        if found.kind == "imperative":
            head = f'"{excerpt}" tells readers what to expect in the article\'s own voice.'
        elif found.kind == "label":
            head = f'The label "{cue}:" presents a prediction as fact: "{excerpt}".'
        elif found.kind == "certain":
            head = f'"{cue}" states a prediction as certain: "{excerpt}".'
        else:
            head = f'Prediction stated as fact: "{excerpt}".'
        message = f"{head} Attribute it to a source, hedge it (may, is likely to), or cut it."
        return self.finding(found.start, found.end, message, cue=cue, kind=found.kind)


def _asks(sentence: str) -> bool:
    """Whether the sentence is a question (which predicts nothing)."""
    return sentence.rstrip(" \"')]*_").endswith("?")


@hookimpl
def newslint_register_checks() -> list[Check]:
    return [SpeculativeForecast()]


__all__ = ["SpeculativeForecast", "load_cue_lists", "CUE_LISTS", "Cues"]
