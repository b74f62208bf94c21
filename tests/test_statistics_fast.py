"""The sourcing checks' cheaper building blocks give what the plain ones give.

newslint/checks/statistics.py builds its word lists into trie-shaped patterns (_alt), writing
a word alone in its branch out whole; the plain trie below goes a character at a time.
"""
from __future__ import annotations

import re

from newslint.checks import statistics as st
from newslint.resources import load_rules_file


def _plain_trie(words) -> str:
    trie: dict = {}
    for word in {" ".join(w.split()).lower() for w in words if w and not w.isspace()}:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _plain_trie_regex(trie)


def _plain_trie_regex(node: dict) -> str:
    branches = []
    for token in sorted(k for k in node if k):
        piece = r"\s+" if token == " " else token if token.isalnum() else re.escape(token)
        branches.append(piece + _plain_trie_regex(node[token]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def _word_lists() -> list[list[str]]:
    data = load_rules_file("sourcing.yaml")
    lists = [st._KEY_WORDS, st._NUMBER_WORDS, st._CHANGE_WORDS, st._HEDGE_WORDS, st._SUPERLATIVE_WORDS]
    for section in ("statistics", "vague_attribution"):
        lists += [v for v in data[section].values() if isinstance(v, list) and all(isinstance(w, str) for w in v)]
    return [*lists, [], [""], ["a", "ab", "abc", "a b", "ab c", "b"], ["rise", "rises", "risen"], ["x"],
            ["a  lot of", " co-pay ", "u.s.", "d\u00e9put\u00e9s", "\u0663 analysts", "(x)", "x+y", "   ",
             "Tea\tParty", "what?", "a_b", "\u2014 dash", "\u00e9", "\u00e9t\u00e9"]]


def test_trie_is_the_plain_character_trie():
    for words in _word_lists():
        assert st._alt(words) == _plain_trie(words), words[:5]
    assert st._alt([]) == ""


def _plain_has_source(sourcing: st._Sourcing, index: int) -> bool:
    """_Sourcing._has_source with every search tried in every sentence."""
    doc, lex, low = sourcing.doc, sourcing.lex, sourcing.low
    s = doc.sentences[index]
    if lex.source_any.search(low, s.start, s.end):
        return True
    if lex.paren_citation.search(doc.normalized, s.start, s.end) or lex.link.search(doc.text, s.start, s.end):
        return True
    for m in lex.named_evidence.finditer(doc.normalized, s.start, s.end):
        first = m.group().split()[0]
        if m.start() == s.start and not (first.isupper() and len(first) > 1) and "'" not in first:
            if not re.match(r"[A-Z][\w&.-]*\s+(?:of\s+|for\s+|on\s+|and\s+|&\s*)?[A-Z]", m.group()):
                continue
        return True
    ends = [x.end for x in sourcing.mentions.get(index, [])]
    return any(sourcing._verb_attributes(m, s.start, ends) for m in lex.source_verb.finditer(low, s.start, s.end))


_SOURCE_SENTENCES = [
    "Unemployment rose 5%, the ONS said.", "Unemployment rose 5% (ONS, 2023).", "Prices rose 4% [12].",
    "Sources: ONS. Prices rose 4%.", "Prices rose 4%, according to the bank.", "A YouGov SURVEY shows 40% agree.",
    "A YouGov \u017furvey shows 40% agree.", "A YouGov Survey\u0131 shows 40%.", "Office \u0130ndex data: 3 million people.",
    "The Kelvin \u212aount shows 40%.", "Prices rose 4%, see https://example.org.", "Prices rose 4% per [the data](x).",
    "Prices rose 4%, the bank estimated.", "Estimates of 3 million people were wrong.", "40% of voters say yes.",
    "Polled by Ipsos, 40% of voters agree.", "Data show 40% of homes are damp.", "The economy added 200,000 jobs.",
    "Prices rose 40% in a YouGov \u017furvey.", "Prices rose 40% in the YouGov \u0131ndex.", "Reports\u00e9 said 40% rose.", "40% rose, said_ the survey_", "Forty percent rose, \u00e9tude surveyed by x.",
]


def test_source_words_spare_only_searches_that_cannot_match():
    from test_sourcing_scan import TEXTS, _doc

    decided = 0
    for text in [*TEXTS, *_SOURCE_SENTENCES, " ".join(_SOURCE_SENTENCES)]:
        doc = _doc(text)
        by_sentence: dict[int, list] = {}
        for mention in st.find_statistics(doc):
            by_sentence.setdefault(doc.sentence_index(mention.start), []).append(mention)
        sourcing = st._Sourcing(doc, by_sentence)
        for index in range(len(doc.sentences)):
            expected = _plain_has_source(sourcing, index)
            decided += expected
            assert sourcing._has_source(index) == expected, doc.sentences[index]
    assert decided > 100  # the texts exercise the patterns


def test_count_pattern_matches_as_its_two_branches_do():
    """The count pattern writes the population nouns once, after either kind of figure."""
    from test_sourcing_scan import TEXTS, _doc

    lex = st._stat_lexicon()
    numw, pop = lex.vocabulary["numw"], st._alt(lex.data["population_nouns"])
    plain = re.compile(
        rf"\b{st._DIG}(?:\s?(?:million|billion|trillion|thousand|m|bn|k)\b)?\s+(?:[a-z-]+\s+){{0,2}}?(?:{pop})\b"
        rf"|\b(?:{numw}|half\s+a|a)\s+(?:million|billion|thousand|hundred\s+thousand)\s+(?:[a-z-]+\s+){{0,2}}?(?:{pop})\b"
    )
    count = re.compile(st._mention_sources(lex)["count"])
    extra = ["3 million people, 2,000 new jobs, a million more homes, half a million young voters, 12 bn k people",
             "twenty-five thousand old farm workers, a hundred thousand residents, 40 m tonnes of 5 k units"]
    matched = 0
    for text in [*TEXTS, *extra]:
        low = st.ascii_view.lowered(_doc(text))
        for start in range(len(low)):
            expected = plain.match(low, start)
            matched += expected is not None
            got = count.match(low, start)
            assert (got and got.span()) == (expected and expected.span()), low[start : start + 60]
    assert matched > 50
