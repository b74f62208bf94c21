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
from bisect import bisect_left

from newslint.text import offsets_of

#: Terminal punctuation, closing quotes or brackets, then spaces; group 1 is the next character.
_CANDIDATE = re.compile(r"(?:[.!?]+|\u2026)[\"')\]\u2019\u201d]*(?=\s+(\S?))")
_WORD = re.compile(r"[A-Za-z]+")

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


def split_sentences(text: str, start: int, end: int, marks: list[int] | None = None) -> list[tuple[int, int]]:
    """Return ``(start, end)`` spans of the sentences in ``text[start:end]``, trimmed of spaces.

    Without ``marks`` this is the plain reading (the candidate pattern searched
    through the block) that :func:`split_blocks` is tested against.
    """
    if marks is not None:
        return [(s, e) for s, e, _ in split_blocks(text, [(start, end)], marks)]
    out: list[tuple[int, int, int]] = []
    sentence_start = start
    for m in _CANDIDATE.finditer(text, start, end):
        if _is_boundary(text, m, sentence_start):
            _add(text, sentence_start, m.end(), out, 0, 0)
            sentence_start = m.end()
    _add(text, sentence_start, end, out, 0, 0)
    return [(s, e) for s, e, _ in out]


def split_blocks(text: str, blocks: list[tuple[int, int]], marks: list[int]) -> list[tuple[int, int, int]]:
    """``(start, end, block index)`` of the sentences of each ``(start, end)`` block, as
    :func:`split_sentences` gives them; ``marks`` are :func:`terminal_marks` of ``text``.

    The candidate pattern is tried only at the marks, where it can start, and not
    at a block's last character (a candidate needs white space after it). Half the
    blocks of an article (headings, short paragraphs) have no mark before their last
    character: such a block is one sentence, taken as it is.
    """
    out: list[tuple[int, int, int]] = []
    count = len(marks)
    match = _CANDIDATE.match
    for index, (start, end) in enumerate(blocks):
        at_mark = bisect_left(marks, start)
        last = end - 1
        if (at_mark == count or marks[at_mark] >= last) and start < end:
            if not text[start].isspace() and not text[last].isspace():
                out.append((start, end, index))
                continue
        first = len(out)
        sentence_start = after = start
        for i in range(at_mark, count):
            at = marks[i]
            if at >= last:
                break
            if at >= after:
                m = match(text, at, end)
                if m is not None:
                    after = m.end()
                    if _is_boundary(text, m, sentence_start):
                        _add(text, sentence_start, after, out, first, index)
                        sentence_start = after
        _add(text, sentence_start, end, out, first, index)
    return out


def terminal_marks(text: str) -> list[int]:
    """Offsets of the characters a candidate boundary starts with, in order."""
    return offsets_of(text, ".!?\u2026")


def _add(text: str, s: int, e: int, out: list[tuple[int, int, int]], first: int, index: int) -> None:
    """Append the trimmed span of block ``index``, whose sentences start at ``out[first]``;
    a stray quote mark or bracket joins the sentence before."""
    if s >= e or text[s].isspace() or text[e - 1].isspace():
        chunk = text[s:e]
        stripped = chunk.strip()
        if not stripped:
            return
        s += len(chunk) - len(chunk.lstrip())
        e = s + len(stripped)
    char = text[s]
    if len(out) > first and not (char.isalnum() or char == "_") and not _WORDLIKE.search(text, s, e):
        out[-1] = (out[-1][0], e, index)
    else:
        out.append((s, e, index))


def _is_boundary(text: str, m: re.Match, sentence_start: int) -> bool:
    nxt = m.group(1)  # the first character after the spaces; empty at the end of the block
    if not nxt:
        return True
    if not (nxt.isupper() or nxt.isdigit() or nxt in _OPENERS):
        return False
    punct = m.group()
    if punct[0] != "." or punct.startswith(".."):
        return True  # ! ? and ellipses are boundaries before a capital
    dot = m.start()
    lo = max(sentence_start, dot - 24)
    space = max(text.rfind(" ", lo, dot), text.rfind("\n", lo, dot))
    raw = text[space + 1 if space >= 0 else lo : dot]
    if not raw or (len(raw) > 6 and raw.isalnum()):
        return True  # too long for a list number or an abbreviation, and no dots
    if punct == "." and _LIST_NUMBER.match(raw) and not text[sentence_start : dot - len(raw)].strip():
        return False  # "1. A heading" or "b. an item": the number labels what follows
    token = raw.lstrip(_OPENERS)
    if "-" in token or "/" in token:
        token = token.replace("/", "-").rsplit("-", 1)[-1]
    if not token:
        return True
    if len(token) == 1 and token.isalpha() and token.isupper():
        return False  # an initial: "George W. Bush"
    lowered = token.lower()
    if lowered in ABBREVIATIONS:
        return False
    if lowered in _NUMBER_ABBREVIATIONS and nxt.isdigit():
        return False  # "No. 10", but "said no. Nobody"
    if _DOTTED_ACRONYM.match(token + "."):
        next_word = _WORD.match(text, m.start(1))
        return bool(next_word and next_word.group() in SENTENCE_STARTERS)
    return True
