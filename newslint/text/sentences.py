"""Sentence splitting for newsroom prose.

Works on the normalised view (straight quotes, plain spaces) inside one block,
so a heading or list item without a full stop still ends where its block ends.
A regular expression finds candidate boundaries (terminal punctuation, optional
closing quotes or brackets, whitespace); only those candidates, never every
character, are looked at in Python to rule out abbreviations ("Dr.", "Jan."),
initials ("George W. Bush"), dotted acronyms ("U.S.") and the like. Decimals
("1.9%") never match because no space follows their full stop.
"""
from __future__ import annotations

import re

_CANDIDATE = re.compile(r"(?:[.!?]+|\u2026)[\"')\]\u2019\u201d]*(?=\s)")
_SPACE = re.compile(r"\s+")
_LAST_TOKEN = re.compile(r"(\S+)\Z")

#: Words that take a full stop without ending a sentence (lower case, no dot).
ABBREVIATIONS = frozenset(
    """
    mr mrs ms messrs dr prof sen sens rep reps gov gen lt col maj capt cmdr adm sgt cpl pvt
    rev fr sr jr st mt ft ave blvd rd vol vols pp fig figs approx est dept univ
    jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues wed thu thur thurs fri
    vs v cf al e.g i.e viz ca
    """.split()
)

#: After a dotted acronym ("U.S.", "a.m.") these words show a new sentence has begun.
SENTENCE_STARTERS = frozenset(
    """
    The A An But And He She It They We I In On At This That These Those There His Her Its Their
    Our After Before When While However Meanwhile Yet So Still Now Then Last Next Some Many Most
    """.split()
)

#: Abbreviations only when a number follows.
_NUMBER_ABBREVIATIONS = frozenset({"no", "nos", "art", "p"})
_DOTTED_ACRONYM = re.compile(r"^(?:[A-Za-z]\.){1,4}$")
_LIST_NUMBER = re.compile(r"^(?:\d{1,3}|[A-Za-z]|[ivxIVX]{1,4})$")
_WORDLIKE = re.compile(r"\w")
_OPENERS = "\"'([\u2018\u201c"


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Return ``(start, end)`` spans of the sentences in ``text[start:end]``, trimmed of spaces."""
    spans: list[tuple[int, int]] = []
    sentence_start = start
    for m in _CANDIDATE.finditer(text, start, end):
        if not _is_boundary(text, m, end, sentence_start):
            continue
        spans.append((sentence_start, m.end()))
        sentence_start = m.end()
    spans.append((sentence_start, end))
    out: list[tuple[int, int]] = []
    for s, e in spans:
        s, e = _trim(text, s, e)
        if s >= e:
            continue
        if out and not _WORDLIKE.search(text, s, e):
            out[-1] = (out[-1][0], e)  # a stray quote mark or bracket belongs to the sentence before
        else:
            out.append((s, e))
    return out


def _is_boundary(text: str, m: re.Match, end: int, sentence_start: int) -> bool:
    after = _SPACE.match(text, m.end(), end)
    nxt_pos = after.end() if after else m.end()
    if nxt_pos >= end:
        return True  # the block ends here anyway
    nxt = text[nxt_pos]
    if not (nxt.isupper() or nxt.isdigit() or nxt in _OPENERS):
        return False
    punct = m.group()
    if not punct.startswith(".") or punct.startswith(".."):
        return True  # ! ? and ellipses are boundaries before a capital
    before = _LAST_TOKEN.search(text, max(0, m.start() - 24), m.start())
    if before is None:
        return True
    if punct == "." and _LIST_NUMBER.match(before.group(1)) and not text[sentence_start : before.start(1)].strip():
        return False  # "1. A heading" or "b. an item": the number labels what follows
    token = re.split(r"[-\u2011/]", before.group(1).lstrip(_OPENERS))[-1]
    if not token:
        return True
    if len(token) == 1 and token.isalpha() and token.isupper():
        return False  # an initial: "George W. Bush"
    if token.lower() in ABBREVIATIONS:
        return False
    if token.lower() in _NUMBER_ABBREVIATIONS and nxt.isdigit():
        return False  # "No. 10", but "said no. Nobody"
    if _DOTTED_ACRONYM.match(token + "."):
        next_word = re.match(r"[A-Za-z]+", text[nxt_pos : nxt_pos + 20])
        return bool(next_word and next_word.group() in SENTENCE_STARTERS)
    return True


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e
