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
