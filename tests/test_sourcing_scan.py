"""The sourcing checks' fast paths find exactly what the straightforward versions find.

RE2 finds, on the ASCII view of the text (newslint/text/ascii_view.py), where a claim or a
cue can start (newslint/checks/statistics.py: _re2_source, _claim_starts, _VagueLexicon.starts);
the Python patterns then match only there, and unsourced-statistic scans for its key words
and numbers only near those places (_anchors_near, _mention_around). The reference versions
below are the plain ones: every position, every anchor, one alternation of every claim pattern.
"""
from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
import yaml

from newslint.checks import statistics as st
from newslint.markup import parse_document
from newslint.resources import load_rules_file
from newslint.text import ascii_view

DATA = Path(__file__).resolve().parent / "data" / "sourcing"
_LEAD = "[" + re.escape(st._LEAD_CHARS) + "]"

EDGE_CASES = [
    "1,two 3,5.2 half-way halfway about halfway records record-high all-time highs all time highs",
    "Prices\u2014up 8 points\u2013fell by a third\u2026two-thirds of (one in five) [a majority of] /4 in 10/",
    "A\tmajority of voters; up\n8 points: \"twice as likely\" 'half of' -one-third of- ninety-nine of 100",
    "İstanbul's 3 million people \u00a0 40% of firms, a  record 3 million, the highest since 2008, 5,000 jobs",
    "Experts say, critics\u2014argue, \"studies show\" sources said (analysts believe) it's said that rumours say",
    "It is widely believed that; said experts. argued critics, tea-party activists say; word on the street is x",
    "half a million people, a thousand workers, a nine-fold rise, twice as many, a record 40 jobs, 3-fold gains",
    "the clear majority of members; just under a quarter of; at least 40% of; an estimated 2 million homes",
    "a lot of people think; reportedly-so; according to reports-and some-believe many\u2014fear others\nargue",
    # Characters RE2 reads through stand-ins: other digits, spaces, letters and symbols.
    "\u0663\u0664% of caf\u00e9 owners, 40\u2003per cent, \u00e9lite 12% rise, 7\u00b2 of 10, \u00a34bn record 5 million "
    "people, na\u00efve experts say, \u017fome believe, d\u00e9put\u00e9s say, up \u0665 points, \u00bd of voters",
    "1_000 people, 40_% of, experts_say, \x1c40% of\x1f staff, \x0bsources said, \u2028one in five\u2029adults",
    "A 1,234,567,890,123 people total; 12,345.678.9 jobs; half a million, a million people rose by 12.5 percentage points",
    # Another script: the view is built another way.
    "Инфляция выросла на 5% — "
    "эксперты say; 40% of избирателей, "
    "experts say «данные» № ٣٤ рост вдвое",
    # A claim opening far before its number; a number running past the stretch scanned for anchors.
    "Exports contracted   by   approximately   12 points. Half of them said 123456789012345678901234567890123456789012345 "
    "were 5 million people",
]

#: Words the claim and cue patterns are made of, for texts that exercise them in odd orders.
_SOUP = [
    *st._KEY_WORDS, *st._CHANGE_WORDS, *st._HEDGE_WORDS, *st._SUPERLATIVE_WORDS, *st._MULTIPLE_WORDS,
    *"""the a an of in on at by to from that said says according since records began years on record per cent
    percent pc points percentage basis fold times as many more than out voters people jobs homes residents
    workers high low ever experts critics analysts some many most sources studies research reportedly it is
    widely believed are were have long argued show suggest found survey poll — – … ( ) " ' , ; : . / -
    £ € caf\u00e9 \u0663 \u00e9lite \u2003 _ İ""".split(),
]
_NUMBERS = ["3", "12", "40%", "4.5%", "1,200", "2008", "15,000", "100%", "52", "1000", "2030", "3 million",
            "£4bn", "$3", "8", "9.9", "1.2m", "200,000", "10-fold", "0.5", "1,2", "12,", "7."]


def _soup(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        words = [rng.choice(_NUMBERS) if rng.random() < 0.2 else rng.choice(_SOUP) for _ in range(rng.randint(3, 80))]
        texts.append(" ".join(w.capitalize() if rng.random() < 0.1 else w for w in words))
    return texts


def _texts() -> list[str]:
    texts = [case["text"] for path in sorted(DATA.glob("*.yaml")) for case in yaml.safe_load(path.read_text("utf-8"))]
    rules = load_rules_file("sourcing.yaml")
    for section in ("statistics", "vague_attribution"):
        for outcome in ("fire", "quiet"):
            texts += rules[section]["examples"][outcome]
    examples = Path(__file__).resolve().parent.parent / "examples"
    texts += [p.read_text("utf-8") for p in sorted(examples.iterdir()) if p.is_file()]
    return [*texts, *EDGE_CASES, "\n\n".join(EDGE_CASES), *_soup(300, 7)]


TEXTS = _texts()


def _doc(text: str):
    return parse_document("a.txt", text, "text")[0]


def _reference_scan(word: re.Pattern, low: str) -> list[tuple[int, int]]:
    """The scan as one pattern: a lead character, then the word (or the word at the start)."""
    led = re.compile(f"(?:^|{_LEAD})(?:{word.pattern})")
    return [m.span("word") for m in led.finditer(low)]


def _everything() -> re.Pattern:
    """Every claim pattern as one alternation, in the order mention_at tries them."""
    sources = st._mention_sources(st._stat_lexicon())
    return re.compile("|".join(f"(?P<{k}>{sources[k]})" for k in st._MENTION_KINDS))


def _reference_statistics(doc, min_count: int = 1000) -> list[tuple]:
    """unsourced-statistic's claims as a scan of every anchor finds them, trying the claim
    patterns at the anchor and at the four words before it."""
    lex, everything = st._stat_lexicon(), _everything()
    low, text = ascii_view.lowered(doc), doc.normalized

    def claim_at(place):
        m = everything.match(low, place)
        return m and (m.lastgroup, m)

    covered, found = 0, []
    for anchor in re.finditer(f"(?:^|{_LEAD})(?P<word>\\d[\\d,.]*|{st._alt(st._KEY_WORDS)})", low):
        position = anchor.start("word")
        if position < covered or st._rx(st._YEAR).fullmatch(anchor.group("word")):
            continue
        claim = claim_at(position)
        if claim is None and not (low[position].isdigit() and st._previous_word(low, position) not in st._LEADS_TO_NUMBER):
            for w in [w.start() for w in st._rx(st._WORD_START).finditer(low, max(0, position - 45), position)][-4:]:
                before = claim_at(w)
                if before and before[1].end() > position:
                    claim = before
                    break
        if claim is None:
            continue
        kind, m = claim
        covered = m.end()
        if st._keep_mention(kind, m, low, text, min_count):
            found.append((m.start(), m.end(), st._KIND_NAMES.get(kind, kind), *st._claim_span(lex, low, kind, *m.span())))
    return found


def test_statistics_match_a_scan_of_every_anchor():
    for text in TEXTS:
        for min_count in (1000, 50):
            got = [(m.start, m.end, m.kind, m.claim_start, m.claim_end) for m in st.find_statistics(_doc(text), min_count)]
            assert got == _reference_statistics(_doc(text), min_count), text[:80]


def test_anchors_near_claim_starts_are_those_of_the_whole_scan():
    lex = st._stat_lexicon()
    for text in TEXTS:
        doc = _doc(text)
        low, starts = ascii_view.lowered(doc), st._claim_starts(doc)
        everywhere = [(m.start("word"), m.end()) for m in lex.anchor.finditer(low)]
        near = [(m.start("word"), m.end()) for m in st._anchors_near(lex, low, starts)]
        assert set(near) <= set(everywhere), text[:80]
        assert {a for a in everywhere if any(s <= a[0] <= s + 45 for s in starts)} <= set(near), text[:80]


def test_claims_start_only_where_re2_says_they_can():
    everything = _everything()
    for text in TEXTS:
        doc = _doc(text)
        low = ascii_view.lowered(doc)
        starts = set(st._claim_starts(doc))
        missed = [i for i in range(len(low)) if everything.match(low, i) and i not in starts]
        assert not missed, low[missed[0] : missed[0] + 60]


def test_text_without_figures_has_no_claim_starts():
    assert st._claim_starts(_doc("The council met on Thursday. Critics say the bridge is unsafe.")) == []


OPTIONS = [
    {},
    {"extra_subjects": ("pollsters", "tea-party activists", "d\u00e9put\u00e9s", "\u0663 analysts"),
     "extra_phrases": ("word on the street is", "it's said", "(?i:rumours?) say", "[a-z]+ insiders claim",
                       "(?<!not )widely feared", "\u017fome believe")},
]


@pytest.mark.parametrize("options", OPTIONS)
def test_vague_cues_match_the_plain_scan(options):
    lex = st._vague_lexicon(options.get("extra_subjects", ()), options.get("extra_phrases", ()))
    for text in TEXTS:
        doc = _doc(text)
        got = [m.span("word") for m in st._scan_words(ascii_view.lowered(doc), lex.cue, lex.starts(doc))]
        assert got == _reference_scan(lex.cue, ascii_view.lowered(doc)), text[:80]


@pytest.mark.parametrize("options", OPTIONS)
def test_cues_start_only_where_the_prefilter_says_they_can(options):
    lex = st._vague_lexicon(options.get("extra_subjects", ()), options.get("extra_phrases", ()))
    for text in TEXTS:
        doc = _doc(text)
        low = ascii_view.lowered(doc)
        starts = set(lex.starts(doc))
        missed = [i for i in range(len(low)) if lex.cue.match(low, i) and i not in starts]
        assert not missed, low[missed[0] : missed[0] + 60]


@pytest.mark.parametrize(
    "pattern",
    [r"\bcafés?\b", r"\d+\s*%", r"[\w'-]+\s+say", r"[$£€]\d", r"(?P<n>\d{1,3})(?:,\d{3})*\Z",
     r"[a-z-]+\s+(?:of\s+)?the", "٣ of", "naïve|ſome"],
)
def test_re2_translation_matches_wherever_python_does(pattern):
    """The view keeps \\s, \\d, \\w and \\b where they were, so RE2 misses no match."""
    python = re.compile(pattern)
    automaton = st._re2_compile(pattern)
    for text in TEXTS[-320:]:
        doc = _doc(text)
        low = ascii_view.lowered(doc)
        starts = set(st._match_starts(automaton, ascii_view.view(doc)))
        assert all(i in starts for i in range(len(low)) if python.match(low, i)), (pattern, low[:80])


@pytest.mark.parametrize("pattern", [r"[^a-z]", r"\W", r"\S", r"\D", r"\B", r"a(?=b)", r"(?<!a)b", r"(?i)a", r"^a",
                                     r"a$", r"(\w)\1", "[à-ü]", r"[\b]", r"\x41"])
def test_re2_translation_refuses_what_could_miss_a_match(pattern):
    with pytest.raises(ValueError):
        st._re2_source(pattern)


def test_claim_dispatch_matches_one_alternation_of_every_claim_pattern():
    lex = st._stat_lexicon()
    everything = _everything()
    for text in TEXTS:
        low = ascii_view.lowered(_doc(text))
        for start in [m.start() for m in re.finditer(r"(?<![\w'-])\S", low)]:
            expected = everything.match(low, start)
            got = lex.mention_at(low, start)
            assert (got and (got[0], got[1].span())) == (expected and (expected.lastgroup, expected.span())), (
                low[start : start + 60]
            )


def test_previous_word_matches_a_search_for_the_last_word():
    last_word = re.compile(r"([a-z'-]+)[^a-z'-]*\Z")
    for text in TEXTS:
        low = ascii_view.lowered(_doc(text))
        for start in range(len(low) + 1):
            m = last_word.search(low, max(0, start - 30), start)
            assert st._previous_word(low, start) == (m.group(1) if m else ""), low[max(0, start - 30) : start]


class _SearchOnly:
    """An automaton seen only through ``search``, as a wrapper without ``_regexp`` would be."""

    def __init__(self, automaton):
        self.search = automaton.search


def _starts_by_search(automaton, view: bytes) -> list[int]:
    starts, m = [], automaton.search(view)
    while m is not None:
        starts.append(m.start())
        m = automaton.search(view, m.start() + 1)
    return starts


def test_match_starts_equal_a_loop_of_searches():
    """_match_starts calls RE2 under the wrapper; it finds what the wrapper's search finds."""
    automata = [st._stat_lexicon().claim_starts, st._vague_lexicon().automaton, st._key_words(),
                st._re2_compile(r"\d+\s*%|[a-z]+|\bof\b")]
    assert all(hasattr(a, "_regexp") for a in automata)  # the route under the wrapper is the one tested
    for text in TEXTS:
        view = ascii_view.view(_doc(text))
        for automaton in automata:
            expected = _starts_by_search(automaton, view)
            assert st._match_starts(automaton, view) == expected, text[:80]
            assert st._match_starts(_SearchOnly(automaton), view) == expected, text[:80]


def test_word_before_figure_spares_only_searches_that_cannot_match():
    """_claim_span and _keep_mention search the window before a figure only when the word
    before its spaces can end the pattern; at every offset of every text, a match implies it."""
    lex = st._stat_lexicon()
    checks = [(lex.change_before, lex.change_last_words), (lex.hedge_before, lex.change_last_words),
              (lex.set_rate_before, lex.set_rate_last_words)]
    matched = 0
    for text in [*TEXTS, "Set a tax at  about 5%; a quota of 3 rates\tto 4%; rose\u2003by 8%; x-rose 5%; é fell 2"]:
        low = ascii_view.lowered(_doc(text))
        for start in range(len(low) + 1):
            window_start = max(0, start - 40)
            word = st._word_before_figure(low, window_start, start)
            for pattern, words in checks:
                if pattern.search(low, window_start, start):
                    matched += 1
                    assert word in words, (pattern.pattern[:40], low[window_start:start])
    assert matched > 1000  # the texts exercise the patterns


def test_last_words_refuses_entries_that_are_not_words_of_letters():
    assert st._last_words(["up to", "Rate  AT", "fell"]) == {"to", "at", "fell"}
    for odd in (["co-pay"], ["u.s."], ["5%"]):
        with pytest.raises(ValueError):
            st._last_words(odd)
