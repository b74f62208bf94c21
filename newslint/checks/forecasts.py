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
adds to them. The whole document is scanned once with one trigger expression;
only sentences holding a trigger are looked at more closely.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from newslint.checks.base import Check, CheckContext, Docs, Option, OptionError
from newslint.document import Document
from newslint.findings import Finding, Severity
from newslint.hookspecs import hookimpl
from newslint.resources import load_rules_file

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
#: Money and head counts ("cut 500 jobs", "cost £4bn"): the figures of an announced plan.
#: Years and percentages are left out: "by 2035" and "10 per cent" are typical of forecasts.
_PLAN_FIGURE = re.compile(
    r"[£$€¥]\s?\d|\b\d[\d,.]*\s?(?:bn|m|million|billion|trillion|thousand)\b"
    r"|\b\d{1,3}(?:,\d{3})+\b|\b(?!(?:19|20)\d\d\b)\d{3,}\b",
    re.IGNORECASE,
)
#: Irregular past participles: after "will be" they make a passive, which usually reports a plan.
_IRREGULAR_PARTICIPLES = frozenset(
    """built held sworn paid spent cut put set sent sold told hit left made given taken seen known
    shown brought bought kept lost met run won shut struck thrown chosen driven written beaten
    broken forgotten frozen drawn grown torn laid led read heard found bound fed hung shot split
    spread let""".split()
)
#: Where a clause ends: semicolons, colons, spaced dashes, and a comma before a conjunction.
_CLAUSE_BREAK = (
    r"[;:](?=\s)|\s[-\u2013\u2014]\s|\u2014"
    r"|,\s+(?:and|but|while|whereas|although|though|so|yet|since|because|or)\b"
)
_WORD = re.compile(r"[a-z][a-z'-]*")  # on lower-cased text
#: Punctuation that sets off a speech tag after the reported words ("..., the bank said").
_TAG_SEPARATOR = re.compile(r"[,(\u2013\u2014]|\s-\s")
#: "For the Kremlin," / "To Western analysts,": the sentence reports that party's view.
_VIEWPOINT = re.compile(r"(?:For|To)\s+(?:the\s+)?[A-Z][\w'-]*[^,.;:]{0,80},")
#: "it will be necessary to...": a statement of need, not a prediction.
_NORMATIVE = frozenset("necessary essential important crucial vital critical imperative".split())
_LIST_PREFIX = re.compile(r"[\s\u2022\u00b7*+\-\u2013\u2014>#]*(?:\(?\d{1,3}[.)]\s+)?")
_TRIM_LEFT = " \t\n\u2022\u00b7*+-\u2013\u2014"
_TRIM_RIGHT = " \t\n.,;:!\u2013\u2014-"
_EXCERPT_MAX = 80


def _phrase_pattern(phrases: list[str]) -> str:
    """One alternation of whole-word phrases, longest first, any run of spaces between words."""
    unique = sorted({p.strip().lower() for p in phrases if p and p.strip()}, key=len, reverse=True)
    parts = [r"\s+".join(re.escape(word) for word in phrase.split()) for phrase in unique]
    return r"\b(?:" + "|".join(parts) + r")\b" if parts else r"(?!x)x"


#: One character that is not a word character: ASCII ones by range, others checked by ``(?<=\W)``.
_NON_WORD_BEFORE = r"[\x00-\x2f\x3a-\x40\x5b-\x5e\x60\x7b-\U0010ffff](?<=\W)"


def _scan_pattern(phrases: list[str], follows: str = "") -> re.Pattern | None:
    """A faster form of ``_phrase_pattern(phrases)`` for scanning a whole document.

    A pattern that opens with ``\b`` makes Python's ``re`` attempt a match at every
    position. This one opens with the non-word character before the phrase, so the
    engine skips in C to the next space or punctuation mark, and it shapes the
    phrases as a trie, so a position is rejected after a letter or two. Group 1 is
    the phrase; run it on ``" " + text`` (offsets shift by one). Same matches as
    the ``\b`` form when every phrase starts and ends with a word character (they
    cannot then overlap the character before the next match); None otherwise.
    """
    trie = _phrase_trie(phrases)
    if trie is None:
        return None
    return re.compile(rf"{_NON_WORD_BEFORE}({trie})\b" + (f"(?={follows})" if follows else ""))


def _reversed_label_pattern(labels: list[str]) -> re.Pattern | None:
    """The labels spelt backwards, to read from a colon towards the start of the text (see :func:`_label_starts`).

    Group 1 is the label, longest first; the character before it must not be a word
    character, as for ``_scan_pattern``. None when a label holds a colon or ``_scan_pattern`` would be None.
    """
    if any(":" in label for label in labels):
        return None
    trie = _phrase_trie([" ".join(label.lower().split())[::-1] for label in labels])
    return None if trie is None else re.compile(rf"\s*({trie})(?!\w)")


def _phrase_trie(phrases: list[str]) -> str | None:
    """The lower-cased phrases as one trie expression; None unless each starts and ends with a word character."""
    unique = {" ".join(p.lower().split()) for p in phrases if p and p.strip()}
    if not unique or not all(re.match(r"\w", p) and re.search(r"\w$", p) for p in unique):
        return None
    trie: dict = {}
    for phrase in unique:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict) -> str:
    """Longer continuations first, as in the longest-first alternation of ``_phrase_pattern``."""
    branches = [(r"\s+" if char == " " else re.escape(char)) + _trie_pattern(node[char]) for char in sorted(node) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def _scan(pattern: re.Pattern | None, fallback: re.Pattern, text: str) -> Iterator[int]:
    """Start offsets of the matches of ``fallback.finditer(text)``, found with ``pattern``."""
    if pattern is None:
        return (m.start() for m in fallback.finditer(text))
    return (m.start(1) - 1 for m in pattern.finditer(" " + text))


def _scan_spans(pattern: re.Pattern | None, fallback: re.Pattern, text: str) -> list[tuple[int, int]]:
    """The spans of the matches of ``fallback.finditer(text)``, found with ``pattern`` as in :func:`_scan`."""
    if pattern is None:
        return [m.span() for m in fallback.finditer(text)]
    return [(m.start(1) - 1, m.end(1) - 1) for m in pattern.finditer(" " + text)]


_CLAIM_FOLLOWS = re.compile(r"\s*\S")


def _label_starts(cues: Cues, low: str) -> list[int]:
    """The start offsets of ``cues.label`` matches in ``low``, found from the colons.

    Colons are rare, and a label ends right before one (spaces aside) and holds none,
    so each colon has at most one label: reading backwards from the colon finds the
    longest, which is where the forward scan would start it.
    """
    if cues.label_reversed is None:
        return list(_scan(cues.label_scan, cues.label, low))
    backwards = low[::-1]
    last = len(low) - 1
    starts = []
    colon = low.find(":")
    while colon >= 0:
        m = cues.label_reversed.match(backwards, last - colon + 1)
        if m is not None and _CLAIM_FOLLOWS.match(low, colon + 1):
            starts.append(last - m.end(1) + 1)
        colon = low.find(":", colon + 1)
    return starts


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


@dataclass(frozen=True)
class Cues:
    """The cue lists compiled once: one trigger expression for the document, smaller ones per sentence.

    Every pattern is lower case and runs on the lower-cased text (see :func:`_lowered`):
    several times faster than case-insensitive matching in Python's ``re``.
    """

    trigger: re.Pattern
    kinds: dict[str, str]
    label: re.Pattern
    certainty: re.Pattern
    hedge: re.Pattern
    hedged_complement: re.Pattern
    attribution: re.Pattern
    schedule: re.Pattern
    clause_break: re.Pattern
    set_phrase: re.Pattern
    scheduling_verbs: frozenset[str]
    passive_forecasts: frozenset[str]
    infinitive: re.Pattern
    trigger_scan: re.Pattern | None = None  # faster forms for the whole document, see _scan_pattern
    label_scan: re.Pattern | None = None
    attribution_scan: re.Pattern | None = None
    label_reversed: re.Pattern | None = None

    def kind_of(self, match: re.Match) -> str:
        """What a trigger match is: will, certain, imperative, infinitive or hedged."""
        return self.kinds[" ".join(match.group().split())]

    @classmethod
    def build(cls, lists: dict[str, list[str]], hedged_triggers: bool) -> "Cues":
        kinds = dict.fromkeys(_FUTURES, "will")
        kinds.update(dict.fromkeys((c.lower() for c in lists["certainty_phrases"]), "certain"))
        kinds.update(dict.fromkeys((c.lower() for c in lists["imperatives"]), "imperative"))
        kinds.update(dict.fromkeys((c.lower() for c in lists["imperatives_with_infinitive"]), "infinitive"))
        if hedged_triggers:
            kinds.update(dict.fromkeys(_HEDGED_FUTURES, "hedged"))
        kinds = {" ".join(k.split()): v for k, v in kinds.items()}
        return cls(
            # One alternation, not one group per kind: about three times faster in ``re``.
            trigger=re.compile(_phrase_pattern(list(kinds))),
            kinds=kinds,
            label=re.compile(rf"({_phrase_pattern(lists['labels'])})\s*:\s*(?=\S)"),
            certainty=re.compile(_phrase_pattern(lists["certainty_adverbs"])),
            hedge=re.compile(_phrase_pattern(lists["hedges"])),
            hedged_complement=re.compile(_phrase_pattern(lists["hedges"]) + r"\s+that\b"),
            attribution=re.compile(_phrase_pattern(lists["attribution"])),
            schedule=re.compile(
                _phrase_pattern(lists["schedule_times"] + lists["scheduling_phrases"]) + "|" + _DATE_OR_TIME
            ),
            clause_break=re.compile(_CLAUSE_BREAK),
            set_phrase=re.compile(_phrase_pattern(lists["set_phrases"])),
            scheduling_verbs=frozenset(v.strip().lower() for v in lists["scheduling_verbs"]),
            passive_forecasts=frozenset(v.strip().lower() for v in lists["passive_forecasts"]),
            infinitive=re.compile(
                r"\s+(?:[\w'\"-]+\s+){0,8}?to\s+(?!(?:" + "|".join(sorted(_DETERMINERS)) + r")\b)[a-z]+"
            ),
            trigger_scan=_scan_pattern(list(kinds)),
            label_scan=_scan_pattern(lists["labels"], follows=r"\s*:\s*\S"),
            attribution_scan=_scan_pattern(lists["attribution"]),
            label_reversed=_reversed_label_pattern(lists["labels"]),
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
    kind: str  # imperative, label, certain, will, hedged
    cue: str
    hedged: bool = False


class _Sentence:
    """One sentence with the facts every trigger in it shares, computed on first use."""

    def __init__(self, doc: Document, start: int, end: int, cues: Cues) -> None:
        self.doc = doc
        self.start = start
        self.end = end
        self.text = doc.normalized[start:end]
        self.low = doc.memo(_LOWERED, _lowered)[start:end]
        self.cues = cues
        self._breaks: list[tuple[int, int]] | None = None
        self._attribution: list[tuple[int, int]] | None = None

    @property
    def is_question(self) -> bool:
        return self.text.rstrip(" \"')]*_").endswith("?")

    def breaks(self) -> list[tuple[int, int]]:
        if self._breaks is None:
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
            self._attribution = _scan_spans(self.cues.attribution_scan, self.cues.attribution, self.low)
            self._attribution.extend(self._viewpoint())
        for a_start, a_end in self._attribution:
            if a_start < end and start < a_end:
                continue  # the cue's own words ("Expect", "Prediction:")
            if self.opens_clause(a_start) and self._imperative_at(a_start):
                continue  # "..., and expect fares to follow": another forecast, not a source
            if a_end <= start or claim_follows or self.low.startswith("according", a_start):
                return True
            if _TAG_SEPARATOR.search(self.text, end, a_start):
                return True
        return False

    def _viewpoint(self) -> list[tuple[int, int]]:
        """A frame naming whose view follows: "For the Kremlin, ...", "To Western analysts, ..."."""
        m = _VIEWPOINT.match(self.text, len(_LIST_PREFIX.match(self.text).group()))
        return [(m.start(), m.end())] if m else []

    def hedged(self, start: int, end: int) -> bool:
        """Whether a hedge sits in the clause, or governs it from earlier ("suggests that a and b")."""
        if self.cues.hedge.search(self.low, start, end) is not None:
            return True
        return start > 0 and self.cues.hedged_complement.search(self.low, 0, start) is not None

    def quoted(self, start: int, end: int) -> bool:
        return self.doc.in_quotation(self.start + start, self.start + end)

    def _imperative_at(self, pos: int) -> bool:
        m = self.cues.trigger.match(self.low, pos)
        return m is not None and self.cues.kind_of(m) in ("imperative", "infinitive")

    def opens_clause(self, pos: int) -> bool:
        """Whether ``pos`` starts the sentence or a clause (see :meth:`at_clause_start`, ``_CLAUSE_BREAK``)."""
        return self.at_clause_start(pos) or any(
            b_end <= pos and not self.text[b_end:pos].strip() for _, b_end in self.breaks()
        )

    def at_clause_start(self, pos: int) -> bool:
        """Whether only list markers, a label or a clause break come before ``pos``."""
        before = self.text[:pos].rstrip()
        if not before or _LIST_PREFIX.fullmatch(before):
            return True
        return before.endswith((":", ";", "\u2013", "\u2014", " -"))

    def words(self, start: int, end: int) -> list[str]:
        return _WORD.findall(self.low, start, end)


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
            "scheduled events and announced plans, hedged statements, questions and the past are "
            "left alone."
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
            "also report hedged forecasts (may, could, will likely, is likely to) at info level",
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
        return ctx.memo(key, lambda: Cues.build(load_cue_lists(extra), hedged))

    def check(self, doc: Document, ctx: CheckContext) -> Iterator[Finding]:
        cues = self._cues(ctx)
        report_hedged = bool(ctx.options.get("report_hedged"))
        by_sentence: dict[int, list[re.Match]] = {}
        lowered = doc.memo(_LOWERED, _lowered)
        for start in _scan(cues.trigger_scan, cues.trigger, lowered):
            index = doc.sentence_index(start)
            if index is not None:
                by_sentence.setdefault(index, []).append(cues.trigger.match(lowered, start))
        for start in _label_starts(cues, lowered):  # checked at sentence starts in _analyse
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
            sent = _Sentence(doc, sentence.start, sentence.end, cues)
            if sent.is_question:
                continue
            found = self._analyse(sent, triggers, block.kind)
            if found is None or (found.hedged and not report_hedged):
                continue
            yield self._report(doc, found)

    # -- recognising a forecast in one sentence --------------------------------------------
    def _analyse(self, sent: _Sentence, triggers: list[re.Match], block_kind: str) -> _Candidate | None:
        hedged: _Candidate | None = None
        label = None
        if block_kind not in ("heading", "headline"):
            prefix = _LIST_PREFIX.match(sent.text)
            label = sent.cues.label.match(sent.low, prefix.end() if prefix else 0)
        if label is not None:
            found = self._labelled(sent, label)
            if found is not None and not found.hedged:
                return found
            hedged = found
        for m in triggers:
            start, end = m.start() - sent.start, m.end() - sent.start
            if sent.quoted(start, end):
                continue
            kind = sent.cues.kind_of(m)
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
        if not _WORD.search(sent.text, claim_start, claim_end) or sent.quoted(claim_start, claim_end):
            return None
        own_end = label.end(1)
        opening = sent.cues.trigger.match(sent.low, claim_start)
        if opening is not None and sent.cues.kind_of(opening) in ("imperative", "infinitive"):
            own_end = opening.end()  # "Trend forecast: Expect ...": the imperative is the claim, not a source
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
        if any(m.start() <= start < m.end() for m in sent.cues.set_phrase.finditer(sent.low)):
            return None  # "time will tell"
        if self._subordinate(sent, clause_start, start):
            return None
        if sent.attributed(start, end):
            return None
        if sent.hedged(clause_start, clause_end):
            return self._candidate(sent, clause_start, clause_end, "will", text[start:end], hedged=True)
        planned = self._planned(sent, after, end, clause_start, clause_end)
        if planned and sent.cues.certainty.search(sent.low) is None:  # a certainty adverb makes even a plan a forecast
            return None
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
        if any(w in _SUBORDINATORS for w in words):
            return True
        return len(words) > 1 and words[-1] in _RELATIVES

    @staticmethod
    def _planned(sent: _Sentence, after: list[str], will_end: int, clause_start: int, clause_end: int) -> bool:
        """Whether the future reads as an appointment or an announced plan.

        Signs of a plan: a date or clock time, a scheduling verb ("will vote", "will be
        held"), a passive ("will be asked"), or the money and head counts of an announcement
        ("will cut 500 jobs"). Passives that predict harm ("will be left homeless") are listed
        in the cues as forecasts.
        """
        if sent.cues.schedule.search(sent.low, clause_start, clause_end):
            return True
        if _PLAN_FIGURE.search(sent.text, will_end, clause_end):
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
        if any(form in known for form in _lemmas(head)):
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
        excerpt = _excerpt(doc.normalized[found.start : found.end])
        cue = " ".join(found.cue.split())
        if found.hedged:
            message = (
                f'Hedged prediction: "{excerpt}". '
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


_LOWERED = "speculative-forecast:lowered"


def _lowered(doc: Document) -> str:
    """``doc.normalized`` in lower case, one character for one (so offsets still hold).

    The few characters whose lower case is longer ("\u0130") are folded to one character first.
    """
    text = doc.normalized
    low = text.lower()
    if len(low) != len(text):
        odd = {c: c.lower()[0] for c in set(text) if len(c.lower()) != 1}
        low = text.translate(str.maketrans(odd)).lower()
    return low


def _excerpt(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= _EXCERPT_MAX:
        return text
    cut = text.rfind(" ", 0, _EXCERPT_MAX)
    return text[: cut if cut > 40 else _EXCERPT_MAX] + "..."


@hookimpl
def newslint_register_checks() -> list[Check]:
    return [SpeculativeForecast()]


__all__ = ["SpeculativeForecast", "load_cue_lists", "CUE_LISTS", "Cues"]
