"""Sourcing checks: ``unsourced-statistic`` and ``vague-attribution``.

An editor's first question about a number is "says who?", and about a claim
"who says so?". Both checks work sentence by sentence on the document's
normalised view, lower-cased once (``ascii_view.lowered``), with a few regular
expressions compiled on first use from the cue lists in ``rules/sourcing.yaml``.
RE2 first finds, in one pass over the document, the few places where a claim or
a cue can start; the Python patterns, which decide, run only there (see
"candidate places" below).

unsourced-statistic
    Finds statistical claims (percentages, proportions in words, changes and
    multiples, record claims, large counts of people or things, "N of M"), then
    looks for a source in the same sentence ("according to", "X said/found",
    "a survey by", "(ONS, 2023)", a link). A sentence that plainly continues a
    sourced one ("A further 12% disagreed") inherits its source, and a sentence
    right after that names the source ("That is according to the ONS") covers
    the one before. Quoted speech, headlines whose figure the body repeats,
    tables and datelines are left alone.

vague-attribution
    Finds claims attributed to nobody in particular ("experts say", "studies
    show", "reportedly", bare "sources said", "it is widely believed"). A name
    or description next to the group ("Nomura strategists", "analysts at
    Nomura", "the bank's economists") or a named outlet in the sentence ("The
    Guardian reported") silences it; so does a number before the group, which
    makes it a statistic ("78% of analysts believe") for the other check.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any, Iterable, Iterator

from newslint.checks.base import Check, CheckContext, Docs, Option, OptionError
from newslint.document import Document
from newslint.findings import Finding, Severity
from newslint.hookspecs import hookimpl
from newslint.resources import load_rules_file
from newslint.text import ascii_view, shorten

DATA_FILE = "sourcing.yaml"

#: Blocks whose sentences are never judged: page furniture and tabular data.
_SKIP_KINDS = frozenset({"byline", "dateline", "table_cell"})
_HEADLINE_KINDS = frozenset({"heading", "headline"})


# -- shared helpers -----------------------------------------------------------------

@lru_cache(maxsize=None)
def _rx(source: str) -> re.Pattern:
    """``source`` compiled the first time it is used: importing the module compiles nothing."""
    return re.compile(source)


def _alt(words: Iterable[str]) -> str:
    """A regex matching any of the literal ``words``, shaped as a trie so that Python's
    regex engine rejects a non-matching position after a character or two (a flat
    alternation of a hundred words tries every word at every position). Spaces inside
    an entry match any run of whitespace. Callers add word boundaries."""
    entries = sorted({" ".join(w.split()).lower() for w in words if w and not w.isspace()})
    return _trie_regex(entries, 0) if entries else ""


def _trie_regex(words: list[str], depth: int) -> str:
    """The trie of ``words`` (sorted, distinct, all sharing their first ``depth`` characters)
    below that shared prefix. A word alone in its branch is written out whole: most of a
    trie's nodes are such chains, and building a trie of dicts a node at a time cost three
    times as much (every document that uses a pattern pays for its building once)."""
    ends = len(words[0]) == depth  # a word that ends here sorts first
    branches = []
    i = 1 if ends else 0
    while i < len(words):
        char = words[i][depth]
        j = i + 1
        while j < len(words) and words[j][depth] == char:
            j += 1
        if j == i + 1:
            branches.append(_literal(words[i][depth:]))
        else:
            branches.append(_literal(char) + _trie_regex(words[i:j], depth + 1))
        i = j
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if ends else body


def _literal(text: str) -> str:
    """``text`` as a regex, each space standing for any run of whitespace."""
    return r"\s+".join(map(re.escape, text.split(" ")))


#: Characters that can stand before a word. A scan finds a word only right after one of
#: these (or at the very start of the text), never after a letter or a digit.
_LEAD_CHARS = " \n\"'([/,;:\u2014\u2013\u2026-"
_LEAD_SET = frozenset(_LEAD_CHARS)


def _scan_words(low: str, word: re.Pattern, places: Iterable[int]) -> Iterator[re.Match]:
    """Matches of ``word`` on the lower-cased text at its start or right after a lead character,
    none overlapping another or its lead character: what ``re.finditer(LEAD + word)`` finds,
    tried only at ``places`` (in order, a superset of where ``word`` can match)."""
    free = 0  # where the next lead character may stand
    for place in places:
        if place == 0:  # the text's start needs no lead character
            m = word.match(low)
        elif place > free and low[place - 1] in _LEAD_SET:
            m = word.match(low, place)
        else:
            continue
        if m is not None:
            free = m.end()
            yield m


# -- candidate places, found with RE2 --------------------------------------------------
#
# Python's regex engine tries a big alternation at every position of the text; RE2 runs
# it as one automaton, many times faster. RE2 only finds *where* a claim or a cue can
# start (a superset of the real places); the Python patterns then match there, so findings
# never depend on the two engines agreeing. RE2 reads the document's ASCII view
# (newslint.text.ascii_view: one byte per character, other characters replaced by stand-ins
# of the same class), and the patterns are translated to match the view wherever the
# original matches the text (_re2_source).

#: What _re2_source looks at; everything else is copied as it is.
_RE2_TOKEN = r"(?s)\\.|[\[\]^$]|\((?:\?P<\w+>|\?)?|[^\x00-\x7f]"


def _re2_source(pattern: str) -> str:
    """Translate one of this module's patterns for RE2 on the ASCII view: it then matches at
    least wherever the Python pattern matches the original (groups do not capture). Only
    constructs for which that holds are accepted (no negated classes or escapes, no
    look-arounds, no anchors but \\A)."""
    out: list[str] = []
    done, in_class = 0, False
    for m in _rx(_RE2_TOKEN).finditer(pattern):
        out.append(pattern[done : m.start()])
        done, token = m.end(), m.group()
        if token[0] == "\\":
            code = token[1]
            if code == "s":
                token = ascii_view.SPACE_CLASS if in_class else f"[{ascii_view.SPACE_CLASS}]"
            elif code == "d":
                token = ascii_view.DIGIT_CLASS if in_class else f"[{ascii_view.DIGIT_CLASS}]"
            elif code == "Z" and not in_class:
                token = r"\z"
            elif not code.isascii():
                token = f"\\x{ord(ascii_view.stand_in(code)):02x}"
            elif code.isalnum() and not (code == "w" or code in "bA" and not in_class):
                raise ValueError(f"RE2 translation: {token} in {pattern!r}")
        elif in_class:
            in_class = token != "]"
            if not token.isascii() and "-" in (pattern[m.start() - 1], pattern[done : done + 1]):
                raise ValueError(f"RE2 translation: range of non-ASCII characters in {pattern!r}")
        elif token == "[":
            if pattern.startswith(("^", "]"), done):
                raise ValueError(f"RE2 translation: negated or odd class in {pattern!r}")
            in_class = True
        elif token[0] == "(":  # groups need not capture: RE2 then only runs its fast automata
            if token == "(?" and not pattern.startswith(":", done):
                raise ValueError(f"RE2 translation: group {pattern[m.start() : done + 2]!r} in {pattern!r}")
            token = "(?" if token == "(?" else "(?:"
        elif token in "^$":
            raise ValueError(f"RE2 translation: {token!r} in {pattern!r}")
        out.append(token if token.isascii() else f"\\x{ord(ascii_view.stand_in(token)):02x}")
    out.append(pattern[done:])
    return "".join(out)


def _re2_compile(pattern: str) -> Any:
    """A pattern for the ASCII view (see _re2_source), compiled by RE2."""
    import re2

    options = re2.Options()
    options.encoding = re2.Options.Encoding.LATIN1
    return re2.compile(_re2_source(pattern).encode("ascii"), options)


def _match_starts(automaton: Any, view: bytes) -> list[int]:
    """Every offset where a match of ``automaton`` starts, overlapping ones included."""
    next_start = _start_finder(automaton)
    starts = []
    start = next_start(view, 0)
    while start != -1:
        starts.append(start)
        start = next_start(view, start + 1)
    return starts


def _start_finder(automaton: Any) -> Any:
    """``(view, pos) -> offset``: where the first match at or after ``pos`` starts, -1 if none,
    from the compiled RE2 object itself (``ascii_view.raw_re2``) when the wrapper exposes it."""
    raw = ascii_view.raw_re2(automaton)
    if raw is None:
        def search(view: bytes, pos: int) -> int:
            m = automaton.search(view, pos)
            return -1 if m is None else m.start()
        return search
    match, anchor = raw
    return lambda view, pos: match(anchor, view, pos, len(view))[0][0]


def _collapse(text: str) -> str:
    return " ".join(text.split())


_WORD_NUMBERS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
}
_WORD_NUMBERS.update(
    {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
     "hundred": 100, "a hundred": 100, "thousand": 1000, "a thousand": 1000, "a million": 10**6}
)


def _number_value(token: str) -> float | None:
    """The value of "12", "1,200", "3.5", "eight", "twenty-five" or "a hundred"; None if unknown."""
    token = _collapse(token.lower())
    try:
        return float(token.replace(",", ""))
    except ValueError:
        pass
    if token in _WORD_NUMBERS:
        return float(_WORD_NUMBERS[token])
    parts = re.split(r"[- ]", token)
    if len(parts) == 2 and parts[0] in _WORD_NUMBERS and parts[1] in _WORD_NUMBERS:
        return float(_WORD_NUMBERS[parts[0]] + _WORD_NUMBERS[parts[1]])
    return None


# -- statistics: the vocabulary ---------------------------------------------------------

# Word lists, built into trie-shaped patterns on first use (see _vocabulary).
_NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred"
).split()
_CHANGE_WORDS = (
    "rose risen rises rise rising climbed climbs climb climbing fell falls fall falling fallen dropped drops drop "
    "dropping declined declines decline declining jumped jumps jump jumping surged surges surge soared soars "
    "plunged plunges plummeted slumped slumps grew grows grow growing grown increased increases increase decreased "
    "decreases decrease shrank shrunk shrinks slid slides sank tumbled gained gains lost up down higher lower cut "
    "slashed reduced expanded contracted swelled ballooned"
).split()
_HEDGE_WORDS = [
    "about", "around", "almost", "nearly", "more than", "over", "some", "roughly", "just over", "just under",
    "an estimated", "approximately", "close to", "at least", "less than", "fewer than", "up to", "as much as",
    "as many as", "well over", "well under", "only", "just", "barely", "fully", "exactly", "precisely", "under",
]
_SUPERLATIVE_WORDS = (
    "highest lowest biggest largest smallest fastest slowest steepest sharpest strongest weakest worst best most "
    "fewest deepest greatest hottest coldest wettest driest warmest coolest sunniest windiest snowiest busiest "
    "quietest cheapest dearest longest shortest heaviest lightest richest poorest deadliest costliest tightest "
    "loosest widest narrowest tallest oldest youngest least lowest-ever highest-ever"
).split()
#: Words one of which every statistical claim contains (besides digits): the scan looks
#: only around these, then tries the full pattern at the few word starts just before.
_KEY_WORDS = [
    *_NUMBER_WORDS, *_SUPERLATIVE_WORDS, "half", "halved", "halving", "third", "thirds", "quarter", "quarters",
    "fifth", "fifths", "sixth", "sixths", "tenth", "tenths", "eighths", "majority", "doubled", "doubling",
    "tripled", "tripling", "trebled", "trebling", "quadrupled", "quadrupling", "record", "all-time", "multi-year",
    "decade", "million", "billion", "thousand", "twice",
]


@lru_cache(maxsize=1)
def _vocabulary() -> dict[str, str]:
    return {
        "numw": rf"(?:(?:{_alt(_NUMBER_WORDS)})(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|a\s+hundred)",
        "change": f"(?:{_alt(_CHANGE_WORDS)})",
        "hedge": f"(?:{_alt(_HEDGE_WORDS)})",
        "superlative": f"(?:{_alt(_SUPERLATIVE_WORDS)})",
    }


_DIG = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?)"
_FRACTION = (
    r"(?:half|a\s+(?:third|quarter|fifth|tenth)|one[\s-](?:third|quarter|fifth|tenth)|"
    r"(?:two|three|four)[- ](?:thirds|quarters|fifths|tenths))"
)
_SPAN_OF_TIME = (
    r"(?:since\s+(?:(?:19|20)\d\d\b|records\s+began|record-keeping|the\s+(?:19|20)\d0s|the\s+[a-z]+(?:\s+[a-z]+)?\s+"
    r"(?:crisis|war|pandemic|recession|depression|crash))|(?:in|for)\s+(?:more\s+than\s+|over\s+|nearly\s+|almost\s+|"
    r"at\s+least\s+)?(?:\d+|a|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|"
    r"fifty|a\s+hundred)\s+(?:years?|decades?|months|weeks|centur(?:y|ies))\b|(?:in|for)\s+(?:decades|years|a\s+"
    r"generation|a\s+century)\b|on\s+record|ever\s+recorded|in\s+(?:living\s+memory|recorded\s+history|history))"
)

#: Kinds whose bare form is a count (info), not a measured statistic (warning).
COUNT_KINDS = frozenset({"count", "n_of_m"})


#: Words that open the noun phrase a figure counts: "78% of the analysts", "half of his constituents".
_CLAIM_DETERMINER_WORDS = frozenset("the all its their our these those his her my your".split())
_CLAIM_DETERMINERS = f"(?:{'|'.join(sorted(_CLAIM_DETERMINER_WORDS))})"
_FRACTION_AFTER_OF_SKIP = frozenset(
    """year years season century decade match game day night month week term race period hour film book show
    programme program session meeting mile way time page story episode court field pitch second first final
    quarter half sentence life lifetime career tenure childhood reign stint spell shift journey lap innings
    round mandate""".split()
)
_BEFORE_HALF_SKIP = frozenset(
    """first second third fourth other latter former back front top bottom northern southern eastern western
    upper lower final opening closing early late later last next previous each every same this that the""".split()
)
_FRACTION_UNITS = frozenset("an a hour hours mile miles century dozen day way time past price term point inch".split())
_MAJORITY_BLOCKERS = frozenset(
    "won win wins winning secured secure holds hold held had has have command commands lost lose gained gain "
    "need needs needed require requires required form formed with by retain retained".split()
)
_LABEL_WORDS = frozenset(
    """part page chapter episode game round stage step day week number no volume season leg set match race question
    item figure table article section paragraph clause rule grade level phase year book act scene verse track
    heat lap hole""".split()
)
_TIME_UNITS = frozenset(
    "games matches days weeks months years hours minutes seasons races starts attempts appearances innings rounds "
    "times tries shots".split()
)
_CHANGE_NOUNS = frozenset(
    "increase increases rise rises jump jumps growth expansion surge reduction drop decline fall gain higher more "
    "larger bigger greater improvement".split()
)
#: Superlatives that are measurements in themselves ("the highest since 2008").
_MEASURED_SUPERLATIVES = frozenset(
    """highest lowest fastest slowest steepest sharpest strongest weakest hottest coldest wettest driest warmest
    coolest sunniest windiest snowiest cheapest dearest fewest deadliest costliest highest-ever lowest-ever""".split()
)
#: Nouns that make another superlative a measurement ("the biggest fall since 2008").
_QUANTITY_NOUNS = frozenset(
    """level levels rate rates rise rises fall falls drop drops increase increases decrease decline declines jump
    surge gain gains loss losses growth number numbers figure figures total amount share inflation unemployment
    turnout price prices deficit debt output sales profit profits revenue spending investment exports imports
    yield yields reading margin majority count tally population temperature temperatures rainfall
    one-day one-month monthly annual quarterly weekly daily""".split()
)
_MULTIPLE_SKIP_AFTER = frozenset("down as up over back for".split())


@lru_cache(maxsize=1)
def _data() -> dict:
    data = load_rules_file(DATA_FILE)
    if not isinstance(data, dict) or "statistics" not in data or "vague_attribution" not in data:
        raise ValueError(f"rules/{DATA_FILE} must have 'statistics' and 'vague_attribution' sections")
    return data


#: Claim kinds in the order their patterns are tried at one place: the first that matches wins.
_MENTION_KINDS = ("pct", "pts", "chg", "mult", "fold", "times", "inm", "nofm", "frac", "maj", "rec", "rechi", "count")
_MULTIPLE_WORDS = "doubled doubling tripled tripling trebled trebling quadrupled quadrupling halved halving".split()


def _mention_first_words() -> dict[str, list[str]]:
    """The words each claim pattern (see _mention_sources) can start with; "0" stands for a digit."""
    numw = [*_NUMBER_WORDS, "a"]
    return {
        "pct": ["0", *numw],
        "pts": _CHANGE_WORDS,
        "chg": _CHANGE_WORDS,
        "mult": _MULTIPLE_WORDS,
        "fold": ["0", *"two three four five six seven eight nine ten twenty hundred thousand".split()],
        "times": ["0", *numw, "twice", "half"],
        "inm": ["0", *numw],
        "nofm": ["0", *numw],
        "frac": [*(h.split()[0] for h in _HEDGE_WORDS), "half", "a", "one", *"two three four five seven nine".split()],
        "maj": ["a", "the"],
        "rec": _SUPERLATIVE_WORDS,
        "rechi": ["0", "record", "all", "multi", "decade", "a", "the",
                  *"two three four five six seven eight nine ten twenty thirty forty fifty".split()],
        "count": ["0", *numw, "half"],
    }


class _StatLexicon:
    """The patterns of unsourced-statistic, each compiled the first time a document needs it
    (most documents need only a few claim kinds, and sentences without a claim need no source
    patterns)."""

    def __init__(self) -> None:
        self.data = _data()["statistics"]
        self.vocabulary = _vocabulary()
        self._mentions: dict[str, re.Pattern] = {}
        words = {key: frozenset(w.lower() for w in self.data[key])
                 for key in ("adjective_markers", "clause_end_verbs", "noun_like_verbs", "unowned_evidence")}
        self.adjective_markers = words["adjective_markers"]
        self.clause_end_verbs = words["clause_end_verbs"]
        self.noun_like_verbs = words["noun_like_verbs"]
        self.unowned_evidence = words["unowned_evidence"]
        self.dispatch = self._dispatch()

    def _dispatch(self) -> dict[str, tuple[str, ...]]:
        """Claim kinds by how the place opens: its first three letters, a two-letter word with
        its space ("up "), "a" with its space, or "0" for a digit."""
        kinds: dict[str, list[str]] = {}
        for kind, words in _mention_first_words().items():
            for word in words:
                key = word[:3] if len(word) >= 3 or word == "0" else word + " "
                kinds.setdefault(key, []).append(kind)
        return {key: tuple(k for k in _MENTION_KINDS if k in found) for key, found in kinds.items()}

    def mention_at(self, low: str, position: int) -> tuple[str, re.Match] | None:
        """The kind and match of the first claim pattern (in _MENTION_KINDS order) that matches at
        ``position``. Only the patterns that can open with the word there are tried."""
        head = low[position : position + 3]
        if head[:1].isdecimal():
            kinds = self.dispatch["0"]
        else:
            kinds = self.dispatch.get(head)
            if kinds is None:  # a one- or two-letter word, looked up with its space ("a ", "up ")
                cut = 1 if head[1:2].isspace() or head[1:2] == "-" else 2 if head[2:3].isspace() or head[2:3] == "-" else 0
                kinds = self.dispatch.get(head[:cut] + " ", ()) if cut else ()
        for kind in kinds:
            pattern = self._mentions.get(kind)
            if pattern is None:
                pattern = self._mentions[kind] = re.compile(_mention_sources(self)[kind])
            m = pattern.match(low, position)
            if m is not None:
                return kind, m
        return None

    @cached_property
    def claim_starts(self) -> Any:
        """RE2 automaton for every claim pattern at once: where a claim can start (see _claim_starts)."""
        sources = _mention_sources(self)
        return _re2_compile("|".join(f"(?:{sources[kind]})" for kind in _MENTION_KINDS))

    @cached_property
    def anchor(self) -> re.Pattern:
        """A number or key word at the start of the text or after a lead character."""
        return re.compile(rf"(?:^|[{re.escape(_LEAD_CHARS)}])(?P<word>\d[\d,.]*|{_alt(_KEY_WORDS)})")

    @cached_property
    def change_before(self) -> re.Pattern:
        v = self.vocabulary
        return re.compile(rf"\b{v['change']}\s+(?:by\s+|to\s+|from\s+)?(?:{v['hedge']}\s+)?\Z")

    @cached_property
    def hedge_before(self) -> re.Pattern:
        return re.compile(rf"\b{self.vocabulary['hedge']}\s+\Z")

    @cached_property
    def change_last_words(self) -> frozenset[str]:
        """The words ``change_before`` and ``hedge_before`` can end with (see _word_before_figure)."""
        return _last_words([*_CHANGE_WORDS, "by", "to", "from", *_HEDGE_WORDS])

    @cached_property
    def set_rate_last_words(self) -> frozenset[str]:
        """The words ``set_rate_before`` can end with (see _word_before_figure)."""
        return _last_words([*self.data["set_rate_before"], "of", "at", "to", "by", *_HEDGE_WORDS])

    @cached_property
    def claim_tail(self) -> re.Pattern:
        return re.compile(rf"\s+of\s+((?:{_CLAIM_DETERMINERS}\s+)?[\w'-]+(?:\s+[\w'-]+)?)")

    @cached_property
    def claim_noun(self) -> re.Pattern:
        return re.compile(rf"\s+((?:{_CLAIM_DETERMINERS}\s+)?[\w'-]+(?:\s+[\w'-]+)?)")

    @cached_property
    def set_rate_after(self) -> re.Pattern:
        # One describing word may stand between ("a 2% inflation target"), but not a function
        # word: "rose 5% in tax revenue" is still a measured change.
        return re.compile(
            rf"[\s-]*(?:(?!(?:{_alt(_SET_RATE_FUNCTION_WORDS)})\b)[a-z]+[\s-]+)?(?:{_alt(self.data['set_rate_nouns'])})\b"
        )

    @cached_property
    def size_verbs(self) -> frozenset[str]:
        return frozenset(self.data["size_verbs"])

    @cached_property
    def set_rate_before(self) -> re.Pattern:
        return re.compile(
            rf"\b(?:{_alt(self.data['set_rate_before'])})\s+(?:of\s+|at\s+|to\s+|by\s+)?(?:{self.vocabulary['hedge']}\s+)?\Z"
        )

    @cached_property
    def dressing_before(self) -> re.Pattern:
        return re.compile(rf"\b({_alt(self.data['dressing'])})\s+(?:[a-z-]+\s+)?\Z")

    @cached_property
    def opinion_after(self) -> re.Pattern:
        return re.compile(rf"\b(?:{_alt(self.data['opinion_words'])})\b")

    @cached_property
    def opinion_sentence(self) -> re.Pattern:
        return re.compile(r"\b(?:poll|polls|polled|polling|survey|surveys|surveyed|respondents|approval)\b")

    @cached_property
    def source_any(self) -> re.Pattern:
        return re.compile(rf"\b(?:{_alt(self.data['source_phrases'])})\b|\b(?:{_alt(self.data['source_nouns'])})\s+(?:from|by)\s")

    @cached_property
    def source_verb(self) -> re.Pattern:
        return re.compile(rf"\b(?:{_alt([*self.data['source_verbs'], *self.data['noun_like_verbs']])})\b")

    @cached_property
    def named_evidence(self) -> re.Pattern:
        return re.compile(
            rf"(?:\b[A-Z][\w&.-]*(?:\s+(?:of|for|on|and|&)?\s*[A-Z][\w&.-]*)*|\b\w+'s?)\s+(?:[\w-]+\s+){{0,2}}?"
            rf"(?i:{_alt(self.data['source_nouns'])})\b"
        )

    @cached_property
    def source_any_words(self) -> frozenset[str]:
        """Words one of which every match of ``source_any`` holds whole (see _Sourcing._has_source)."""
        return _first_words([*self.data["source_phrases"], *self.data["source_nouns"]])

    @cached_property
    def source_verb_words(self) -> frozenset[str]:
        """The words ``source_verb`` matches."""
        return _first_words([*self.data["source_verbs"], *self.data["noun_like_verbs"]])

    @cached_property
    def source_noun_words(self) -> frozenset[str]:
        """The source nouns, one of which ends every match of ``named_evidence``."""
        return _first_words(self.data["source_nouns"])

    @cached_property
    def paren_citation(self) -> re.Pattern:
        return re.compile(
            r"\((?:[A-Z][^()\n\d]{0,60}?,?\s*)?(?:19|20)\d\d[a-z]?\)|\((?:source|sources|data|figures)\s*:|"
            r"\[\d{1,3}\]|\[\^\w+\]|\bsources?\s*:",
            re.IGNORECASE,
        )

    @cached_property
    def link(self) -> re.Pattern:
        return re.compile(r"\]\(|\]\[|<a\s|href=|https?://|www\.")

    @cached_property
    def continuation_start(self) -> re.Pattern:
        return re.compile(rf"(?:{_alt(self.data['continuation_starts'])})\b")

    @cached_property
    def continuation_anywhere(self) -> re.Pattern:
        return re.compile(rf"\b(?:{_alt(self.data['continuation_anywhere'])})\b")

    @cached_property
    def source_follows(self) -> re.Pattern:
        return re.compile(rf"(?:{_alt(self.data['source_follows'])})(?!\w)")

    evidence_owners = frozenset(
        "the latest new recent official available these those this provisional preliminary early updated "
        "monthly annual quarterly weekly".split()
    )
    claim_stop = frozenset(
        """believe believes believed think thinks thought say says said support supports supported oppose
        opposed back backed are were is was have has had will would who that which in on at for to from and or
        but with by as than because now still also do did does can could may might should lack lacks live lives
        agree agreed disagree disagreed want wanted expect expected feel felt say cannot can't don't
        according""".split()
    )


@lru_cache(maxsize=1)
def _stat_lexicon() -> _StatLexicon:
    return _StatLexicon()


@lru_cache(maxsize=1)
def _mention_sources(lex: _StatLexicon) -> dict[str, str]:
    """The source of each claim pattern, by kind (compiled in small groups by _StatLexicon.mention_at)."""
    v = lex.vocabulary
    numw, change, hedge, superlative = v["numw"], v["change"], v["hedge"], v["superlative"]
    pop = _alt(lex.data["population_nouns"])
    return {
        "pct": rf"\b(?:{_DIG}|{numw})\s?(?:%|per\s?cent\b|percent\b|pc\b|pct\b|percentage[- ]points?\b)",
        "pts": rf"\b{change}\s+(?:by\s+)?(?:{hedge}\s+)?(?:{_DIG}|{numw})\s+(?:percentage\s+)?(?:points?|pts|basis\s+points|bps)\b",
        "chg": rf"\b{change}\s+(?:by\s+)?(?:{hedge}\s+)?(?:a\s+(?:third|quarter|fifth|tenth|half)|half|(?:two|three|four)[- ](?:thirds|quarters|fifths|tenths))\b",
        "mult": r"\b(?:doubled|doubling|tripled|tripling|trebled|trebling|quadrupled|quadrupling|halved|halving)\b",
        "fold": r"\b(?:two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|thousand|\d+)[- ]?fold\b",
        "times": rf"\b(?:(?:{numw}|\d+(?:\.\d+)?)\s+times|twice|half)\s+(?:as\s+(?:many|much|likely|high|large|big|fast|often|expensive|costly)|more|higher|larger|bigger|greater|faster|less|fewer|lower|smaller|the\s+(?:national|average|rate|level|number|amount|size))\b",
        "inm": rf"\b(?:{numw}|\d{{1,3}})[\s-]+(?:in|out[\s-]+of)[\s-]+(?:{numw}|\d{{1,3}}(?:,\d{{3}})*|a\s+(?:hundred|thousand|million))\b",
        "nofm": rf"\b(?:{numw}|\d{{1,3}}(?:,\d{{3}})*)\s+of\s+(?:the\s+|its\s+|their\s+|all\s+|our\s+)?(?:{numw}|\d{{1,3}}(?:,\d{{3}})*)\b",
        "frac": rf"\b(?:{hedge}\s+{_FRACTION}(?:\s+of\b)?|half\s+of\b|(?:a|one)[\s-](?:third|quarter|fifth|sixth|tenth)\s+of\b|(?:two|three|four|five|seven|nine)[- ](?:thirds|quarters|fifths|sixths|eighths|tenths)(?:\s+of\b)?)",
        "maj": r"\b(?:a|the)\s+(?:(?:clear|large|slim|narrow|vast|big|small|solid|overwhelming|sizeable|sizable|substantial|slight|tiny|bare)\s+)?majority\s+of\b",
        "rec": rf"\b{superlative}\s+(?P<rec_gap>(?:[a-z'-]+\s+){{0,3}}?){_SPAN_OF_TIME}",
        "rechi": r"\b(?:record|all-time|multi-year|(?:\d+|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty)[- ](?:year|month|week|decade)|decade)[- ](?:highs?|lows?)\b"
                 r"|\b(?:a|the)\s+record\s+(?:[$£€¥]?\d[\d,.]*|number|numbers|level|levels|amount|total|share|proportion|turnout|sum)\b",
        # The figure, in digits or in words, then the nouns once (the longest of these patterns
        # to compile): tried in the same order as "digits + nouns | words + nouns".
        "count": rf"(?:\b{_DIG}(?:\s?(?:million|billion|trillion|thousand|m|bn|k)\b)?"
                 rf"|\b(?:{numw}|half\s+a|a)\s+(?:million|billion|thousand|hundred\s+thousand))"
                 rf"\s+(?:[a-z-]+\s+){{0,2}}?(?:{pop})\b",
    }


@dataclass
class StatMention:
    """One statistical claim: the figure's span, the claim phrase reported, and what kind it is."""

    start: int
    end: int
    kind: str
    claim_start: int
    claim_end: int
    opinion: bool = False
    dressing: str | None = None
    #: Governed by a future or modal verb ("will fall below 2%", "could climb 10%"): a forecast or
    #: a plan, which nobody measured; the message asks whose it is.
    projected: bool = False


def find_statistics(doc: Document, min_count: int = 1000) -> list[StatMention]:
    """Every statistical claim in the document's prose, in order (shared by checks through ``doc.memo``)."""
    return doc.memo(f"sourcing.statistics.{min_count}", lambda d: list(_scan_statistics(d, min_count)))


def _scan_statistics(doc: Document, min_count: int) -> Iterator[StatMention]:
    """Claims found from their key words and numbers (anchors), tried only near where RE2
    says a claim can start: the same claims a scan of every anchor finds."""
    starts = _claim_starts(doc)
    if not starts:
        return
    lex = _stat_lexicon()
    low = ascii_view.lowered(doc)
    text = doc.normalized
    covered, year = 0, _rx(_YEAR)
    for anchor in _anchors_near(lex, low, starts):
        position = anchor.start("word")
        if position < covered or year.fullmatch(anchor.group("word")):
            continue  # a year starts no claim ("2008 people" is read as a year, never as a count)
        found = _mention_around(lex, low, position, starts)
        if found is None:
            continue
        kind, m = found
        start, end = m.span()
        covered = end
        if not _keep_mention(kind, m, low, text, min_count):
            continue
        claim_start, claim_end = _claim_span(lex, low, kind, start, end)
        yield StatMention(start, end, _KIND_NAMES.get(kind, kind), claim_start, claim_end)


def _claim_starts(doc: Document) -> list[int]:
    """Every offset where some claim pattern matches (found by RE2 on the ASCII view, a superset
    of where :meth:`_StatLexicon.mention_at` succeeds), in order; once per document. A text
    without a digit or a key word has no claim: it needs neither the claim patterns nor the
    rules file."""

    def build(d: Document) -> list[int]:
        view = ascii_view.view(d)
        if _key_words().search(view) is None:
            return []
        return _match_starts(_stat_lexicon().claim_starts, view)

    return doc.memo("sourcing.claim-starts", build)


@lru_cache(maxsize=1)
def _key_words() -> Any:
    """RE2 automaton for a digit or a key word anywhere: every claim holds one (see _KEY_WORDS)."""
    return _re2_compile(rf"\d|{_alt(_KEY_WORDS)}")


#: How far before its key word or number a claim may start (see _mention_around).
_REACH = 45
#: The longest key word.
_KEY_LENGTH = max(map(len, _KEY_WORDS))


def _anchors_near(lex: _StatLexicon, low: str, starts: list[int]) -> Iterator[re.Match]:
    """The anchors a scan of the whole text finds (``lex.anchor``) that lie within _REACH
    characters after a claim start; no other anchor can be part of a claim. The scan jumps
    from one stretch to the next at a space or line break: no anchor holds one, so the scan
    goes on from there exactly as it would have from the start of the text."""
    free = 0  # where the next lead character may stand
    i = 0
    while i < len(starts):
        start, stop = starts[i], starts[i] + _REACH
        i += 1
        while i < len(starts) and starts[i] <= stop:  # one stretch for overlapping reaches
            stop = starts[i] + _REACH
            i += 1
        jump = max(low.rfind(" ", free, start), low.rfind("\n", free, start))
        end = min(len(low), stop + 1 + _KEY_LENGTH)  # room for a key word starting at ``stop``
        for m in lex.anchor.finditer(low, max(free, jump), end):
            if m.start("word") > stop:
                break
            if m.end() == end:  # a number the stretch cut short
                m = lex.anchor.match(low, m.start())
            free = m.end()
            yield m


#: What a finding calls each kind of claim pattern.
_KIND_NAMES = {"pts": "change", "chg": "change", "pct": "percent", "mult": "multiple", "fold": "multiple",
               "times": "multiple", "inm": "proportion", "frac": "proportion", "maj": "proportion",
               "rec": "record", "rechi": "record", "nofm": "n_of_m"}

#: Words that can open a claim whose key is a number that follows: "down 8 points", "a record 3 million".
_LEADS_TO_NUMBER = frozenset([*_CHANGE_WORDS, "by", "record", "about", "around", "almost", "nearly", "over", "some",
                              "roughly", "than", "least", "to", "estimated", "approximately", "just"])
_WORD_START = r"(?<![\w'-])[a-z$£€¥]"


def _mention_around(lex: _StatLexicon, low: str, position: int, starts: list[int]) -> tuple[str, re.Match] | None:
    """The claim (its kind and match) that contains the key word or number at ``position``: tried
    at the key itself, then from up to four words earlier ("fell by a third", "a majority of",
    "down 8 points"); only at offsets in ``starts`` (see _claim_starts), where one can begin."""
    near = starts[bisect.bisect_left(starts, position - _REACH) : bisect.bisect_right(starts, position)]
    if not near:
        return None
    if near[-1] == position:
        found = lex.mention_at(low, position)
        if found is not None:
            return found
        near.pop()
    # Only a word that leads to a number ("down 8 points") opens a claim that reaches one.
    if not near or low[position].isdigit() and _previous_word(low, position) not in _LEADS_TO_NUMBER:
        return None
    for w in [w.start() for w in _rx(_WORD_START).finditer(low, max(0, position - _REACH), position)][-4:]:
        if w in near:
            found = lex.mention_at(low, w)
            if found is not None and found[1].end() > position:
                return found
    return None


_YEAR = r"(?:1[89]|20)\d\d"
#: The first word of a reversed window: the last word before a place. A match on the reversed
#: text is tried once, where a search for the last word would be tried at every position.
_FIRST_WORD = r"[^a-z'-]*([a-z'-]+)"
_NEXT_TOKENS = r"[a-z0-9'-]+|[.,;:!?]"


def _previous_word(low: str, start: int) -> str:
    m = _rx(_FIRST_WORD).match(low[max(0, start - 30) : start][::-1])
    return m.group(1)[::-1] if m else ""


def _last_words(entries: Iterable[str]) -> frozenset[str]:
    """The last word of each entry of a word list, which must be words of letters a-z."""
    return frozenset(e.rsplit(" ", 1)[-1] for e in _letter_words(entries))


def _first_words(entries: Iterable[str]) -> frozenset[str]:
    """The first word of each entry of a word list, which must be words of letters a-z."""
    return frozenset(e.split(" ", 1)[0] for e in _letter_words(entries))


def _letter_words(entries: Iterable[str]) -> list[str]:
    entries = [" ".join(e.split()).lower() for e in entries]
    odd = [e for e in entries if not re.fullmatch(r"[a-z]+(?: [a-z]+)*", e)]
    if odd:
        raise ValueError(f"not words of letters a-z: {odd}")
    return entries


#: Spaces, then letters, on the reversed window: matched once, where a search would try every position.
_REVERSED_WORD_BEFORE = r"\s+([a-z]+)"


def _word_before_figure(low: str, window_start: int, start: int) -> str:
    """The letters a-z that end where the spaces just before ``start`` begin, all of them back
    to ``window_start``; "" if there is no space or no such letter. A search in the window for
    a list of words (letters, each after a word boundary or a space) then spaces up to ``start``
    can only match when this is the last word of an entry: checking that first spares the
    search before most figures (see _last_words)."""
    m = _rx(_REVERSED_WORD_BEFORE).match(low[window_start:start][::-1])
    return m.group(1)[::-1] if m else ""


def _next_words(low: str, end: int, n: int = 2) -> list[str]:
    return _rx(_NEXT_TOKENS).findall(low, end, end + 40)[:n]


def _keep_mention(kind: str, m: re.Match, low: str, text: str, min_count: int) -> bool:
    """Rule out look-alikes: set rates, names with digits, game halves, years read as counts..."""
    start, end = m.span()
    before_char = low[start - 1] if start else " "
    if before_char.isalnum() or before_char in "-./$£€¥" and kind in ("pct", "count", "nofm", "inm", "times"):
        return False  # F-16, COP30, 3.5.1, $3 million...
    lex = _stat_lexicon()
    if kind == "pct":
        if lex.set_rate_after.match(low, end, end + 40):
            return False
        window_start = max(0, start - 40)
        if _word_before_figure(low, window_start, start) in lex.set_rate_last_words and lex.set_rate_before.search(
            low, window_start, start
        ):
            return False
        if m.group().startswith("100") and not re.match(r"\s+of\b", low[end : end + 6]):
            return False  # "100% sure", "100 per cent committed"
        if _rx(_VOTE_SHARE).match(low, end):
            return False  # "won 52% of the vote": an election result, an event
        return not _is_target(low, start, end)
    if kind == "rec":
        gap = m.group("rec_gap").split()
        if not gap or m.group().split()[0] in _MEASURED_SUPERLATIVES:
            return True  # "the highest since 2008", "the biggest in 30 years"
        # "the biggest one-day fall since 2008" is built on a figure; "the largest land war
        # since the second world war" is not.
        return any(w in _QUANTITY_NOUNS for w in gap)
    following = _next_words(low, end)  # the other kinds look at the words after the figure
    nxt = following[0] if following else ""
    if kind == "mult":
        return nxt not in _MULTIPLE_SKIP_AFTER
    if kind == "fold":
        prev = _previous_word(low, start)
        return nxt in _CHANGE_NOUNS or prev in _CHANGE_WORDS
    if kind in ("inm", "nofm"):
        parts = re.split(r"[\s-]+(?:in|out[\s-]+of|of)[\s-]+(?:the\s+|its\s+|their\s+|all\s+|our\s+)?", m.group(), maxsplit=1)
        if len(parts) != 2:
            return False
        num, den = _number_value(parts[0]), _number_value(parts[1])
        if num is None or den is None or not 0 < num < den:
            return False
        if nxt in _TIME_UNITS or _previous_word(low, start) in _LABEL_WORDS:
            return False
        if kind == "nofm":
            return num > 1 and den >= 10 and nxt not in ("%", "per", "percent")
        return True
    if kind == "frac":
        prev = _previous_word(low, start)
        group = m.group()
        if prev in _BEFORE_HALF_SKIP and not re.match(_vocabulary()["hedge"], group):
            return False
        if group.endswith("of"):
            after = following
            if after and (after[0] in ("a", "an") or after[0] in _FRACTION_AFTER_OF_SKIP or after[0][:1].isdigit()):
                return False
            if len(after) > 1 and after[0] in ("the", "this", "that", "its", "his", "her", "their") and (
                after[1] in _FRACTION_AFTER_OF_SKIP or after[1][:1].isdigit()
            ):
                return False
            return True
        if nxt in ("majority", "vote", "supermajority"):
            return False
        if nxt in _FRACTION_UNITS:
            return low[end : end + 12].split()[:2] in (["a", "million"], ["a", "billion"])
        return True
    if kind == "maj":
        if _previous_word(low, start) in _MAJORITY_BLOCKERS:
            return False
        if nxt[:1].isdigit() or nxt in ("seats", "votes", "delegates", "mps", "the"):
            return nxt == "the" and len(following) > 1 and following[1] not in ("vote", "votes", "seats", "house")
        return True
    if kind == "count":
        number = _rx(_DIG).match(m.group())
        scaled = _rx(_SCALED).match(m.group())
        if number and not scaled:
            digits = number.group()
            value = _number_value(digits)
            if value is None or value < min_count:
                return False
            if "," not in digits and 1000 <= value <= 2100:
                return False  # a year: "in 2008 people lost their homes"
        if _previous_word(low, start) in lex.size_verbs and nxt not in _COMPARATIVES:
            return False  # "which employs 3,000 people": how big something is, not a finding
        return True
    return True


_SCALED = rf"{_DIG}\s?(?:million|billion|trillion|thousand|m|bn|k)\b"
#: Words that cannot be the describing word in "a 2% inflation target".
_SET_RATE_FUNCTION_WORDS = ("of", "in", "on", "at", "to", "for", "from", "by", "and", "or", "the", "a", "an", "than",
                            "over", "since", "last", "this", "per", "more", "less", "fewer", "higher", "lower")
#: After a size verb, these make the count a change after all ("employs 3,000 fewer people").
_COMPARATIVES = ("fewer", "more", "less", "extra", "additional", "new")

_VOTE_SHARE = r"\s+of\s+(?:the\s+)?(?:popular\s+|valid\s+|total\s+|first-round\s+)?(?:vote|votes|ballots)\b"
_DEADLINE_AFTER = r"\s+(?:[a-z]+\s+){0,3}?by\s+(?:(?:the\s+end\s+of\s+)?(?:19|20)\d\d|the\s+end\s+of)\b"
_TARGET_BEFORE = (
    r"\b(?:target|targets|goal|goals|aim|aims|aiming|ambition|pledge|pledged|pledges|plan|plans|planned|want|wants|"
    r"promise|promised|promises|vow|vowed|vows|seek|seeks|intend|intends|commit|commits|committed|commitment|"
    r"propose|proposed|proposes|agreed|agree|agrees|required|require|requires|obliged|must|should)\b"
    r"(?:\s+[\w'-]+){0,6}\s+\Z"
)


def _is_target(low: str, start: int, end: int) -> bool:
    """A goal, not a measurement: "cut emissions by 55% by 2030", "a target of 40% women"."""
    return bool(_rx(_DEADLINE_AFTER).match(low, end, end + 40) or _rx(_TARGET_BEFORE).search(low, max(0, start - 60), start))


def _claim_span(lex: _StatLexicon, low: str, kind: str, start: int, end: int) -> tuple[int, int]:
    """Widen a figure to the phrase an editor reads: "climbed 17%", "78% of geopolitical analysts"."""
    window_start = max(0, start - 40)
    if _word_before_figure(low, window_start, start) in lex.change_last_words:
        change = lex.change_before.search(low, window_start, start)
        if change:
            start = change.start()
        else:
            hedge = lex.hedge_before.search(low, window_start, start)
            if hedge:
                start = hedge.start()
    tail = lex.claim_tail.match(low, end, end + 60)
    if low.endswith("of", start, end) or kind in ("inm", "nofm"):
        tail = lex.claim_noun.match(low, end, end + 60)
    elif kind == "rec":
        article = re.search(r"\b(?:the|its|their)\s+\Z", low[max(0, start - 8) : start])
        if article:
            start -= len(article.group())
    if tail:
        words = list(re.finditer(r"[\w'-]+", low[tail.start(1) : tail.end(1)]))
        kept_end = None
        for w in words:
            word = w.group()
            if word in lex.claim_stop:
                break
            kept_end = tail.start(1) + w.end()
            if word.endswith("s") and not word.endswith("'s") and word not in _CLAIM_DETERMINER_WORDS:
                break  # a plural noun ends the phrase: "three in ten drivers", not "... drivers admit"
        if kept_end is not None:
            end = kept_end
    return start, end


# -- statistics: sources ------------------------------------------------------------------

_LETTER_RUN = "[a-z]+"


class _Sourcing:
    """Which sentences of one document name a source, directly or by continuing one that does."""

    def __init__(self, doc: Document, mentions_by_sentence: dict[int, list[StatMention]]) -> None:
        self.doc = doc
        self.lex = _stat_lexicon()
        self.low = ascii_view.lowered(doc)
        self.mentions = mentions_by_sentence
        self._odd_letters = "\u0131" in self.low or "\u017f" in self.low
        self._direct: dict[int, bool] = {}
        self._sourced: dict[int, bool] = {}

    def direct(self, index: int) -> bool:
        if index not in self._direct:
            self._direct[index] = self._has_source(index)
        return self._direct[index]

    def sourced(self, index: int, depth: int = 0) -> bool:
        """Direct source, or carried from the sentence before (or named by the one after)."""
        if index in self._sourced:
            return self._sourced[index]
        result = self.direct(index)
        if not result and depth < 6:
            previous = self._neighbour(index, -1)
            if previous is not None and self._continues(index, previous) and self.sourced(previous, depth + 1):
                result = True
        if not result:
            following = self._neighbour(index, 1)
            if following is not None and self.direct(following):
                s = self.doc.sentences[following]
                result = bool(self.lex.source_follows.match(self.low, s.start, s.end))
        self._sourced[index] = result
        return result

    def _neighbour(self, index: int, step: int) -> int | None:
        """The sentence before or after in the same block, or across to the next prose block."""
        other = index + step
        sentences = self.doc.sentences
        if not 0 <= other < len(sentences):
            return None
        here, there = self.doc.blocks[sentences[index].block], self.doc.blocks[sentences[other].block]
        if there.kind in _HEADLINE_KINDS or there.kind in _SKIP_KINDS or here.kind in _HEADLINE_KINDS:
            return None
        return other

    def _continues(self, index: int, previous: int) -> bool:
        """Whether a sentence plainly continues the one before ("A further 12% disagreed")."""
        s = self.doc.sentences[index]
        low, lex = self.low, self.lex
        start = s.start
        while start < s.end and not low[start].isalnum():
            start += 1
        if lex.continuation_start.match(low, start, s.end) or lex.continuation_anywhere.search(low, s.start, s.end):
            return True
        if self.doc.sentences[previous].block != s.block:
            return False
        # "12% disagreed." right after the poll is named, in the same paragraph.
        first = self.mentions.get(index)
        return bool(first) and first[0].claim_start <= start + 2 and bool(
            lex.opinion_after.match(low, first[0].claim_end + 1, min(s.end, first[0].claim_end + 30))
        )

    def _has_source(self, index: int) -> bool:
        """Whether the sentence names a source itself. Each pattern but ``link`` needs a word of
        its list, whole, in the sentence, or (``paren_citation``) a bracket or a colon: a look in
        the sentence's set of words spares most of the searches, the costliest part of the check."""
        doc, lex, low = self.doc, self.lex, self.low
        s = doc.sentences[index]
        start, end, norm = s.start, s.end, doc.normalized
        words = self._words(start, end)
        if (words is None or not words.isdisjoint(lex.source_any_words)) and lex.source_any.search(low, start, end):
            return True
        if (norm.find("(", start, end) >= 0 or norm.find("[", start, end) >= 0 or norm.find(":", start, end) >= 0) and (
            lex.paren_citation.search(norm, start, end)
        ):
            return True
        if lex.link.search(doc.text, start, end):
            return True
        if words is None or not words.isdisjoint(lex.source_noun_words):
            for m in lex.named_evidence.finditer(norm, start, end):
                first = m.group().split()[0]
                if m.start() == start and not (first.isupper() and len(first) > 1) and "'" not in first:
                    if not re.match(r"[A-Z][\w&.-]*\s+(?:of\s+|for\s+|on\s+|and\s+|&\s*)?[A-Z]", m.group()):
                        continue  # only the capital that starts the sentence: "Official figures show"
                return True
        if words is not None and words.isdisjoint(lex.source_verb_words):
            return False
        ends = [x.end for x in self.mentions.get(index, [])]  # in order: mentions never overlap
        for m in lex.source_verb.finditer(low, start, end):
            if self._verb_attributes(m, start, ends):
                return True
        return False

    def _words(self, start: int, end: int) -> set[str] | None:
        """The words of letters a-z in the lower-cased text from ``start`` to ``end``. None when
        the document holds "\u0131" or "\u017f", which ``named_evidence``, ignoring case, reads as
        "i" and "s" but lower-casing leaves as they are: its words may then be spelt otherwise."""
        if self._odd_letters:
            return None
        return set(_rx(_LETTER_RUN).findall(self.low, start, end))

    def _verb_attributes(self, m: re.Match, sentence_start: int, ends: list[int]) -> bool:
        """Whether a source verb gives the claim a source, not a respondent's answer or an adjective."""
        low, lex = self.low, self.lex
        before = re.findall(r"[a-z0-9'-]+|[,;:()\"]", low[max(sentence_start, m.start() - 60) : m.start()])
        if before and before[-1] in lex.adjective_markers:
            return False  # "an estimated 3 million", "the highest recorded"
        if m.group() in lex.clause_end_verbs and not re.match(r"\s*(?:[,.;:]|that\b)", low[m.end() : m.end() + 8]):
            return False  # "the economy added 200,000 jobs"
        if before and before[-1] in lex.unowned_evidence:
            owners = []
            for word in reversed(before[:-1]):
                if not word[:1].isalnum() or len(owners) == 2:
                    break
                owners.append(word)
            if all(w in lex.evidence_owners for w in owners):
                return False  # "Data show", "The latest figures show": whose?
        if m.group() in lex.noun_like_verbs:
            follows_that = re.match(r"\s+that\b|\s*[,.;:!?]|\s*\Z", low[m.end() : m.end() + 6]) is not None
            if not follows_that and not (before and before[-1] in ("it", "he", "she", "who", "which")):
                return False  # "estimates of 3 million", "reports of abuse": nouns, not attributions
        i = bisect.bisect_right(ends, m.start())
        if i:
            between = low[ends[i - 1] : m.start()]
            if not re.search(r"[,;:()\"]", between) and len(between.split()) <= 8:
                return False  # "62% of voters say": the respondents speak, not a source
        return True


# -- statistics: the check -------------------------------------------------------------------

class UnsourcedStatistic(Check):
    id = "unsourced-statistic"
    category = "sourcing"
    severity = Severity.WARNING
    summary = "A statistic the text does not attribute to anyone."
    docs = Docs(
        flags=(
            "Percentages, proportions ('one in eight', 'a majority of'), changes and multiples ('climbed 17%', "
            "'doubled'), record claims ('the highest since 2008') and large counts ('3 million people') with "
            "no source in the sentence: no 'according to', no 'X said/found/estimated', no 'a survey by X', "
            "no citation or link, no 'under the plan', no 'the court heard'. A sentence that plainly continues a sourced one "
            "('A further 12% disagreed') is covered. Survey, opinion and dressed-up figures ('a staggering 78%') are warnings; bare counts "
            "are info (option counts: false turns them off). A figure after 'will', 'could' or 'is set to' "
            "('will fall below 2%') is a forecast or a plan, and the message asks whose."
        ),
        why=(
            "A reader cannot judge a number without knowing who measured it, how and when. Unsourced figures "
            "are how invented statistics spread, and the first thing a correction has to retract."
        ),
        example="A staggering 78% of geopolitical analysts believe the stalemate will last into next year.",
        better=(
            "In a survey of 212 analysts published in March by the Halden Institute, 78% said they expected "
            "the stalemate to last into next year."
        ),
    )
    options = (
        Option("counts", True, "report bare counts ('3 million people lack...') at info severity"),
        Option(
            "min_count",
            1000,
            "smallest count of people or things, written without million/billion, that is reported",
            validate=lambda v: _positive(v, "min_count"),
        ),
    )

    def check(self, doc: Document, ctx: CheckContext) -> Iterable[Finding]:
        mentions = find_statistics(doc, ctx.options.get("min_count", 1000))
        if not mentions:
            return
        report_counts = ctx.options.get("counts", True)
        lex = _stat_lexicon()
        low = ascii_view.lowered(doc)
        by_sentence: dict[int, list[StatMention]] = {}
        for mention in mentions:
            index = doc.sentence_index(mention.start)
            if index is None or doc.sentence_index(max(mention.start, mention.end - 1)) != index:
                continue
            by_sentence.setdefault(index, []).append(mention)
        sourcing = _Sourcing(doc, by_sentence)
        for index, found in by_sentence.items():
            sentence = doc.sentences[index]
            block = doc.blocks[sentence.block]
            if block.kind in _SKIP_KINDS or "blockquote" in block.scopes:
                continue
            claims = [c for c in _merge(found, low) if not doc.in_quotation(c.start, c.end)]
            if block.kind in _HEADLINE_KINDS:
                claims = [c for c in claims if not _repeated_in_body(doc, c, block)]
            if not claims or sourcing.sourced(index):
                continue
            survey = lex.opinion_sentence.search(low, sentence.start, sentence.end) is not None
            for claim in claims:
                _describe(claim, lex, low, doc.normalized, sentence.start, survey)
                counted = claim.kind in COUNT_KINDS and not claim.opinion and not claim.dressing
                if counted and not report_counts:
                    continue
                yield self._finding(doc, claim, Severity.INFO if counted else Severity.WARNING)

    def _finding(self, doc: Document, claim: StatMention, severity: Severity) -> Finding:
        phrase = shorten(doc.text[claim.claim_start : claim.claim_end])
        if claim.projected:
            message = f"No source for {phrase}: who says so, and when?"
        elif claim.kind in COUNT_KINDS and not claim.opinion:
            message = f"No source for {phrase}: who counted this, and when?"
        else:
            message = f"No source for {phrase}: who measured this, and when?"
        if claim.dressing:
            message += f" '{claim.dressing}' dresses the figure up; give the number and its source plainly."
        elif claim.projected:
            message += " A figure about the future is someone's forecast or plan; name whose."
        elif claim.opinion:
            message += " Name the survey or poll, who ran it and when."
        else:
            message += " Add 'according to ...' or name who published the figure."
        return self.finding(
            claim.claim_start,
            claim.claim_end,
            message,
            severity=severity,
            kind=claim.kind,
            opinion=claim.opinion,
            dressed=bool(claim.dressing),
            projected=claim.projected,
        )


def _positive(value: Any, name: str) -> None:
    if value < 1:
        raise OptionError(f"{name} must be at least 1, got {value!r}")


#: Between two figures of one comparison: "46% in 2024, up from 38%", "4.1% compared with 3.9%".
_COMPARISON_GAP = (
    r"(?:\s+(?:in|on|at|for|during|last|this|a|the|year|month|week|quarter|[a-z]+day|\d{4}|\w+)){0,3}\s*,?\s+"
    r"(?:up|down)?\s*(?:from|compared\s+with|compared\s+to|against|versus|vs\.?|than)\s+(?:about\s+|around\s+|just\s+)?"
)

_APPOSITION_GAP = r"[\s,]*(?:(?:the|its|their|his|her|a|an)\s+)?"
_COMPARISON_START = r"(?:up|down)\s+from\b"
#: What ends the clause between two figures, so that they are separate claims.
_CLAUSE_BREAK_IN_GAP = r"[,;:()\"]|\b(?:while|whereas|but|and)\b"


def _merge(found: list[StatMention], low: str) -> list[StatMention]:
    """Join figures of one clause ("rose from 4.1% to 4.5%") into one claim; keep the others apart."""
    merged: list[StatMention] = []
    for mention in sorted(found, key=lambda m: m.claim_start):
        if merged:
            last = merged[-1]
            gap = low[last.claim_end : mention.claim_start] if mention.claim_start > last.claim_end else ""
            apposition = (
                (mention.kind == "record" and _rx(_APPOSITION_GAP).fullmatch(gap) is not None)
                or bool(_rx(_COMPARISON_GAP).fullmatch(gap))
                or (  # "grew by 5.6% in the three months to January, down from 6.2%"
                    _rx(_COMPARISON_START).match(low, mention.claim_start) is not None
                    and len(gap.split()) <= 8
                    and not _rx(_CLAUSE_BREAK_IN_GAP).search(gap.rstrip().removesuffix(","))
                )
            )
            if mention.claim_start <= last.claim_end or apposition or (
                not _rx(_CLAUSE_BREAK_IN_GAP).search(gap) and len(gap.split()) <= 4
            ):
                kind = last.kind if last.kind not in COUNT_KINDS else mention.kind
                merged[-1] = StatMention(
                    min(last.start, mention.start),
                    max(last.end, mention.end),
                    kind,
                    min(last.claim_start, mention.claim_start),
                    max(last.claim_end, mention.claim_end),
                )
                continue
        merged.append(mention)
    return merged


#: A future or modal verb up to four words before a figure, in the same clause: "will fall below",
#: "could climb", "is set to rise to". Matched on the text as written: a capital "May" is the month.
_PROJECTION_BEFORE = (
    r"\b(?:will|would|could|might|may|shall|won't|wouldn't|(?:is|are)\s+(?:set|likely|due)\s+to)"
    r"(?:\s+[A-Za-z'-]+){1,4}\s+\Z"
)


def _describe(claim: StatMention, lex: _StatLexicon, low: str, norm: str, s_start: int, survey: bool) -> None:
    """Mark a claim as an opinion or survey figure (``survey``: its sentence mentions a poll
    or survey) or as a projection, and find a word that dresses it up."""
    claim.opinion = survey or lex.opinion_after.search(low, claim.end, claim.claim_end + 60) is not None
    claim.projected = _rx(_PROJECTION_BEFORE).search(norm, max(s_start, claim.start - 50), claim.start) is not None
    dressed = lex.dressing_before.search(low, max(s_start, claim.claim_start - 40), claim.claim_start)
    claim.dressing = dressed.group(1) if dressed else None


def _repeated_in_body(doc: Document, claim: StatMention, block: Any) -> bool:
    """A headline figure the article repeats is judged where it is repeated; words-only ones are skipped."""
    digits = re.search(r"\d[\d,.]*\d|\d", doc.normalized[claim.start : claim.end])
    if digits is None:
        return True
    norm = doc.normalized
    token = digits.group()
    position = norm.find(token)
    while position != -1:
        if not block.start <= position < block.end:
            return True
        position = norm.find(token, position + 1)
    return False


# -- vague attribution -----------------------------------------------------------------------

@dataclass
class _VagueLexicon:
    """The cues of vague-attribution for one set of options. RE2 finds where a cue can start
    (``automaton``, see :meth:`starts`); the Python pattern (``cue``), compiled only once a
    document has such a place, matches there. Phrases from the ``extra_phrases`` option, which
    RE2 may not read as Python does, are looked for by a Python scan of their own (``more``)."""

    cue_source: str
    automaton: Any
    more: re.Pattern | None
    head_family: dict
    family_verbs: dict
    allowed: frozenset
    pronoun_blockers: frozenset
    bare_source_modifiers: frozenset
    vague_capitalised: frozenset
    describing: frozenset
    inverted_verbs: frozenset
    silencer_source: str

    @cached_property
    def cue(self) -> re.Pattern:
        return re.compile(self.cue_source)

    def starts(self, doc: Document) -> list[int]:
        """Where a cue can start, in order (a superset of where ``cue`` matches)."""
        starts = _match_starts(self.automaton, ascii_view.view(doc))
        if self.more is not None:
            low = ascii_view.lowered(doc)
            starts = sorted({0, *starts, *(m.end() for m in self.more.finditer(low))})
        return starts


_POSSESSIVE_PRONOUNS = frozenset("his her their its our my your whose".split())
#: Words that end the look-back before a group without naming it ("But critics say", "and some experts").
_FUNCTION_WORDS = frozenset(
    """and but or that as while because although though if when so yet some many most several other others few
    a an to of in on at for by with from also even still now meanwhile however today yesterday recently then
    there here it is are was were has have had will would can could may might said says say told not only
    both all more""".split()
)
_DEFINITE = frozenset("the this that these those such".split())
_STATISTIC_BEFORE = (
    r"(?:%|\bper\s?cent|\bpercent|\bpc|\d|\bhalf|\bthirds?|\bquarters?|\bfifths?|\btenths?|\bmajority|\bminority"
    r"|\bin\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d+))\s+(?:of\s+)?(?:(?:the|all|those|these)\s+)?"
    r"(?:[a-z-]+\s+){0,2}\Z"
)
def _silencer_source(research: list[str]) -> str:
    """Signs that the sentence names who holds the view or did the research, which silence its
    vague cues. ``research`` (``named_research`` in rules/sourcing.yaml) are the kinds of work a
    named body publishes."""
    nouns = _alt(research)
    return (
        r"\baccording\s+to\s+(?:the\s+|an?\s+)?(?:[A-Z]|\w+'s\b)"
        # named research closing the sentence or cited in it: ", a Reuters poll of 40 economists found",
        # ", the central bank's survey of forecasters showed", "a survey by Bloomberg"
        rf"|,\s+(?:an?|the)\s+(?:(?:[a-z-]+\s+)?[\w&.-]+'s\s+|[A-Z][\w&.-]*\s+){{1,3}}(?:[a-z-]+\s+)?{nouns}\b"
        rf"|\b{nouns}\s+(?:published\s+|conducted\s+|carried\s+out\s+)?(?:by|from|for)\s+(?:the\s+)?[A-Z]"
        r"|\b(?:reported|first\s+reported|revealed)\s+by\s+(?:the\s+)?[A-Z]"
        r"|\b(?:[A-Z][\w&.-]+\s+){1,3}(?:reported|reports|has\s+reported|had\s+reported|first\s+reported|revealed)\b"
        r"|\b(?:newspaper|news\s+agency|broadcaster|magazine|daily|website)\s+(?:the\s+)?[A-Z]"
        r"|\b(?:including|such\s+as|among\s+them)\s+(?:the\s+)?[A-Z]"
        r"|\b(?:said|says|told|wrote)\s+(?:[A-Z][\w.-]+\s+){0,3}[A-Z][\w.-]+\s*[,.;]"
    )


@lru_cache(maxsize=8)
def _vague_lexicon(extra_subjects: tuple[str, ...] = (), extra_phrases: tuple[str, ...] = (),
                   allowed: tuple[str, ...] = ()) -> _VagueLexicon:
    d = _data()["vague_attribution"]
    fillers = rf"(?:(?:{_alt(d['fillers'])})\s+){{0,2}}"
    subjects = _alt([*d["subjects"], *extra_subjects])
    inverted = ("say says said argue argues argued believe believes note notes noted warn warns warned claim claims "
                "claimed suggest suggests suggested insist insists insisted contend contends").split()
    # The phrases lose their leading \b: a scan opens them after a lead character.
    phrases = [p.removeprefix(chr(92) + "b") for p in d["phrases"]]
    extra_phrases = tuple(p.removeprefix(chr(92) + "b") for p in extra_phrases)
    # Every "group + verb" cue in one branch: the family comes from the group word and is
    # checked in Python (fewer branches make a faster match).
    heads: dict[str, str] = {}
    for family, key in (("subject", "subjects"), ("evidence", "evidence"), ("pronoun", "pronouns")):
        heads.update({_collapse(w.lower()): family for w in d[key]})
    heads.update({_collapse(w.lower()): "subject" for w in extra_subjects})
    heads["sources"] = "source"
    verbs = {
        "subject": d["verbs"], "evidence": d["evidence_verbs"], "source": d["bare_source_verbs"],
        "pronoun": d["pronoun_verbs"],
    }
    groups = (
        rf"(?P<head>{_alt(heads)})\s+(?P<of>of\s+(?:[\w,'-]+\s+){{1,4}}?)?{fillers}"
        rf"(?P<verb>{_alt([v for vs in verbs.values() for v in vs])})\b"
        rf"|(?P<inverted>(?:{_alt(inverted)})\s+(?:(?:some|many|other|several|most)\s+)?(?:[a-z-]+\s+)?"
        rf"(?:{subjects}|sources)\b)"
    )
    built_in, extra = "|".join(f"(?:{p})" for p in phrases), "|".join(f"(?:{p})" for p in extra_phrases)
    return _VagueLexicon(
        cue_source=f"(?P<word>{groups}|(?P<phrase>{built_in}{'|' if extra else ''}{extra}))",
        automaton=_re2_compile(f"{groups}|{built_in}"),
        more=re.compile(f"[{re.escape(_LEAD_CHARS)}](?={extra})") if extra else None,
        head_family=heads,
        family_verbs={family: frozenset(_collapse(v.lower()) for v in vs) for family, vs in verbs.items()},
        allowed=frozenset(_collapse(a.lower()) for a in allowed),
        pronoun_blockers=frozenset(w.lower() for w in d["pronoun_blockers"]) | {"the", "at", "for", "with"},
        bare_source_modifiers=frozenset(w.lower() for w in d["bare_source_modifiers"]),
        vague_capitalised=frozenset(w.lower() for w in d["vague_capitalised"]),
        describing=frozenset(w.lower() for w in d["describing_words"]),
        inverted_verbs=frozenset(inverted),
        silencer_source=_silencer_source(d["named_research"]),
    )


_MESSAGES = {
    "subject": "'{cue}' attributes the claim to nobody in particular. Name them, or say who they are "
               "(for example 'economists at the central bank').",
    "pronoun": "'{cue}' attributes the claim to nobody in particular. Say who believes it, or report it as "
               "the view of someone named.",
    "inverted": "'{cue}' attributes the claim to nobody in particular. Name them, or say who they are.",
    "evidence": "'{cue}' does not say which research. Name the study or report, who did it and when.",
    "source": "'{cue}' does not describe the sources. Say who they are or why they would know "
              "(for example 'two officials who attended the meeting').",
    "reported": "'{cue}' does not say who reported it. Name the outlet or the source.",
    "phrase": "'{cue}' does not say who holds this view. Name who does, or attribute the claim to a source.",
}


class VagueAttribution(Check):
    id = "vague-attribution"
    category = "sourcing"
    severity = Severity.WARNING
    summary = "A claim attributed to nobody in particular ('experts say', 'studies show', 'reportedly')."
    docs = Docs(
        flags=(
            "Attributions to unnamed groups or unnamed research: 'experts say', 'analysts believe', 'critics "
            "say', 'studies show', 'research suggests', 'some believe', 'many people think', 'it is widely "
            "believed', 'observers note', 'reportedly', bare 'sources said', 'according to reports'. A name or "
            "description beside the group ('strategists at Nomura said', 'diplomatic sources said'), a named "
            "outlet in the sentence ('The Guardian reported') or named research ('..., a Reuters poll found', "
            "'according to a WHO report') keeps it silent, as does quoted speech. The cue "
            "lists are in rules/sourcing.yaml; options extra_subjects, extra_phrases and allow_phrases extend them."
        ),
        why=(
            "Unnamed experts and unnamed studies let a writer put an opinion in someone else's mouth. Readers "
            "cannot weigh a claim when they cannot tell who makes it, or why that person would know."
        ),
        example="Experts say the new bridge will need replacing within a decade.",
        better="Engineers at the city's transport department say the new bridge will need replacing within a decade.",
    )
    options = (
        Option("extra_subjects", [], "more unnamed groups, plural ('pollsters')", type=list,
               validate=lambda v: _strings(v, "extra_subjects")),
        Option("extra_phrases", [], "more cue phrases, as regular expressions on lower-case text", type=list,
               validate=lambda v: _patterns(v, "extra_phrases")),
        Option("allow_phrases", [], "cues your desk accepts, as they appear ('critics say')", type=list,
               validate=lambda v: _strings(v, "allow_phrases")),
    )

    def check(self, doc: Document, ctx: CheckContext) -> Iterable[Finding]:
        lex = _vague_lexicon(
            tuple(ctx.options.get("extra_subjects", ())),
            tuple(ctx.options.get("extra_phrases", ())),
            tuple(ctx.options.get("allow_phrases", ())),
        )
        starts = lex.starts(doc)
        if not starts:
            return  # no cue anywhere: the cue pattern need not even be compiled
        low = ascii_view.lowered(doc)
        silenced: dict[int, bool] = {}
        for m in _scan_words(low, lex.cue, starts):
            family = _family(lex, m, low)
            if family is None:
                continue
            start, end = m.span("word")
            index = doc.sentence_index(start)
            if index is None or doc.sentence_index(end - 1) != index:
                continue
            sentence = doc.sentences[index]
            block = doc.blocks[sentence.block]
            if block.kind in _SKIP_KINDS or block.kind in _HEADLINE_KINDS or "blockquote" in block.scopes:
                continue
            if doc.in_quotation(start, end):
                continue
            cue = _collapse(doc.text[start:end])
            if cue.lower() in lex.allowed or not _is_vague(doc, lex, family, m, sentence.start, sentence.end):
                continue
            if index not in silenced:  # a named outlet or example anywhere in the sentence
                silenced[index] = _rx(lex.silencer_source).search(doc.normalized, sentence.start, sentence.end) is not None
            if silenced[index]:
                continue
            if family == "phrase" and re.search(r"report", cue.lower()):
                family = "reported"
            yield self.finding(start, end, _MESSAGES[family].format(cue=cue), cue=cue.lower())


def _strings(value: list, name: str) -> None:
    if not all(isinstance(v, str) and v.strip() for v in value):
        raise OptionError(f"{name} must be a list of non-empty strings")


def _patterns(value: list, name: str) -> None:
    from newslint.checks.rulepacks import backtracking_risk

    _strings(value, name)
    for pattern in value:
        problem = backtracking_risk(pattern)
        if problem:
            raise OptionError(f"{name}: pattern {pattern!r} is unsafe: {problem}")


def _tokens_before(doc: Document, sentence_start: int, start: int) -> list[tuple[str, bool]]:
    """Words and punctuation before ``start`` in the same sentence, nearest last, each with
    whether it is an ordinary word capitalised only because it opens the sentence."""
    window_start = max(sentence_start, start - 80)
    out = []
    for w in re.finditer(r"[\w'&.-]+|[,;:()\"]", doc.normalized[window_start:start]):
        token = w.group()
        opener = window_start + w.start() == sentence_start and token[:1].isupper() and _used_in_lower_case(doc, token)
        out.append((token, opener))
    return out


def _used_in_lower_case(doc: Document, token: str) -> bool:
    """Whether the article also writes this word in lower case: "Sleep experts" is not a name, "Nomura" is."""
    if not token[1:].islower():
        return False
    seen = doc.memo("sourcing.lower-case-words", lambda d: {})
    if token not in seen:
        seen[token] = re.search(rf"\b{re.escape(token.lower())}\b", doc.normalized) is not None
    return seen[token]


def _family(lex: _VagueLexicon, m: re.Match, low: str) -> str | None:
    """Which kind of cue matched ("subject", "evidence", "source", "pronoun", "inverted",
    "phrase"), or None when the group word and its verb do not belong together."""
    if m.group("head") is None:
        return "inverted" if m.group("inverted") is not None else "phrase"
    family = lex.head_family[_collapse(m.group("head"))]
    if m.group("of") and family in ("pronoun", "source"):
        return None  # "some of the residents said": described by the words after "of"
    allowed = lex.family_verbs[family]
    verb = _collapse(m.group("verb"))
    words = low[m.end("head") : m.start("verb")].split()
    if verb in allowed or any(" ".join([*words[-n:], verb]) in allowed for n in (1, 2) if len(words) >= n):
        return family
    return None


def _is_vague(doc: Document, lex: _VagueLexicon, family: str, m: re.Match, s_start: int, s_end: int) -> bool:
    """Whether the words around a cue leave it unnamed (the sentence-wide silencers are checked apart)."""
    norm, low = doc.normalized, ascii_view.lowered(doc)
    start, end = m.span("word")
    if family in ("subject", "evidence", "source", "pronoun"):
        word_start = m.start("head")
        before = _tokens_before(doc, s_start, word_start)
        if _rx(_STATISTIC_BEFORE).search(low, max(s_start, word_start - 40), word_start):
            return False  # "78% of analysts believe": a statistic, not an attribution
        if not _unnamed(lex, family, before):
            return False
    elif family == "inverted":
        tail = norm[end : min(s_end, end + 20)].lstrip()
        if tail and tail[0] not in ".,;:!?)\"":
            return False  # "said analysts at Capital Economics": described
        words = norm[start:end].split()[1:-1]
        if any(w[:1].isupper() and w.lower() not in lex.vague_capitalised for w in words):
            return False  # "said Nomura analysts."
    else:
        after = re.match(r"\s*([a-z]+)", low[end : min(s_end, end + 30)])
        if "according" in low[start:end] and after and after.group(1) in lex.describing:
            return False  # "according to reports in the Financial Times"
    return True


def _unnamed(lex: _VagueLexicon, family: str, before: list[tuple[str, bool]]) -> bool:
    """Whether the words before a group leave it unnamed ("many analysts") or name it ("Nomura analysts")."""
    if family == "pronoun":
        return not before or before[-1][0].lower() not in lex.pronoun_blockers
    if family == "source":
        if not before:
            return True
        prev = before[-1][0]
        return not prev[:1].isalnum() or prev.lower() in lex.bare_source_modifiers or prev.lower() in (
            "and", "but", "that", "as", "while", "said", "say", "says", "told"
        )
    for token, opener in reversed(before[-3:]):
        lower = token.lower()
        if not token[:1].isalnum():
            return True  # punctuation: nothing names the group
        if lower in _DEFINITE or lower in _POSSESSIVE_PRONOUNS or lower.endswith("'s") or lower.endswith("s'"):
            return False  # "the experts" already introduced, "the bank's economists", "his critics"
        if lower in _FUNCTION_WORDS:
            return True
        if token[:1].isupper() and lower not in lex.vague_capitalised and not opener:
            return False  # "Nomura strategists", "UN experts"
    return True


@hookimpl
def newslint_register_checks() -> list[Check]:
    return [UnsourcedStatistic(), VagueAttribution()]
