"""Capitalised-name candidates: every capitalised word of a document, found once.

The index is computed from ``doc.normalized`` with one regular-expression scan
and shared through ``doc.memo("name_candidates", name_candidates)``. Words are
split at hyphens ("Kiev-based" gives "Kiev"); an Arabic article joined by a
hyphen ("al-Qaeda", "el-Sisi") is kept as the candidate's particle; a trailing
possessive "'s" is left out of the word.
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import accumulate, compress, repeat
from typing import TYPE_CHECKING, Callable, Iterable, NamedTuple

if TYPE_CHECKING:  # pragma: no cover
    from newslint.document import Document

_LETTER = r"[^\W\d_]"


class Candidate(NamedTuple):
    """One capitalised word: ``start``/``end`` cover the word, ``particle`` the "al-" before it.

    A named tuple, not a dataclass: a long document has tens of thousands of them.
    """

    start: int
    end: int
    word: str
    particle: str = ""

    @property
    def spelling(self) -> str:
        return f"{self.particle}-{self.word}" if self.particle else self.word

    @property
    def particle_start(self) -> int:
        return self.start - len(self.particle) - 1 if self.particle else self.start


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    """The capitalised words of a text and the gaps between them, as ``split`` gives them.

    Compiled on first use: the class of capital letters is built from Unicode data.
    A word is a capital, letters, and apostrophe-joined parts ("O'Neil"), less a
    final possessive "'s" (the look-ahead refuses that last part), which is left
    in the gap after the word. The pattern starts with the class of capitals (no
    look-behind), which lets the regex engine skip quickly to the next capital;
    what stands before a word is judged by :func:`candidates_in`.
    """
    capitals = "".join(
        ch for block in ((0x41, 0x250), (0x370, 0x530), (0x1E00, 0x1F00)) for ch in map(chr, range(*block)) if ch.isupper()
    )
    return re.compile(rf"([{re.escape(capitals)}]{_LETTER}*(?:'(?![sS](?!{_LETTER}|'{_LETTER})){_LETTER}+)*)")


#: An Arabic article joined to the name by a hyphen, just before it ("al-", "el-", "ash-").
_PARTICLE = re.compile(rf"(?<!{_LETTER})([aAeE]l|a[dnrstz]|ash|e[sz])-$")


def name_candidates(doc: "Document") -> list[Candidate]:
    """Every capitalised word of ``doc`` in text order (use through ``doc.memo``)."""
    return candidates_in(doc.normalized)


def candidates_in(norm: str) -> list[Candidate]:
    """Every capitalised word of a normalized text (a document's, or a dictionary variant).

    A long article has thousands of capitalised words, so no Python step is taken
    per word: ``split`` gives the gaps and words, their offsets are the running sum
    of their lengths, and the candidates are built by C-level ``map``. Only the
    words not after a space (a sixth of them) are looked at one by one: a capital
    inside a word ("iPhone") or after an initial's dot or an apostrophe is no
    candidate, and one after a hyphen may have an "al-" particle.
    """
    parts = _pattern().split(norm)  # gap, word, gap, word, ..., gap
    if len(parts) == 1:
        return []
    offsets = list(accumulate(map(len, parts)))
    starts = offsets[0:-1:2]  # a word starts where the gap before it ends
    out = list(map(tuple.__new__, repeat(Candidate), zip(starts, offsets[1::2], parts[1::2], repeat(""))))
    rejected = []
    for number in [i for i, gap in enumerate(parts[0:-1:2]) if gap[-1:] != " "]:
        start = starts[number]
        if not start:
            continue
        before = norm[start - 1]
        if before.isalpha() or before in "'.":
            rejected.append(number)  # a capital inside a word ("iPhone") or after an initial's dot
        elif before == "-" and start > 2:
            found = _PARTICLE.search(norm, max(0, start - 5), start)
            if found is not None:
                out[number] = out[number]._replace(particle=found.group(1))
    for number in reversed(rejected):
        del out[number]
    return out


def first_candidate(norm: str) -> Candidate | None:
    """``candidates_in(norm)[0]``, or None, without listing the others when ``norm`` opens with a capital.

    A word at the very start has nothing before it to judge, so a match there is the
    first candidate. The house dictionary asks this of each of its ~300 variants
    when it is built, which listing every candidate made a tenth of a short run.
    """
    m = _pattern().match(norm)
    if m is not None:
        return Candidate(0, m.end(), m.group())
    found = candidates_in(norm)
    return found[0] if found else None


def candidates_of(doc: "Document") -> list[Candidate]:
    """The shared index of ``doc``'s capitalised words."""
    return doc.memo("name_candidates", name_candidates)


_LOWERCASE_WORD = re.compile(rf"\b[a-z\u00df-\u00ff]{_LETTER}*")


def written_in_lower_case(doc: "Document", folded: str) -> bool:
    """Whether ``doc`` writes ``folded`` as a lower-case word: a capitalised form of it is a common word.

    A lower-case word is a run of letters that starts at a word boundary with a
    lower-case letter (``_LOWERCASE_WORD``). Only the capitalised words of a document
    are ever asked about, a few dozen against thousands of words, so each is looked
    up with ``str.find`` (C speed) and confirmed with the pattern where found; listing
    every lower-case word cost a regex scan. A document asked about more than
    ``_FIND_LIMIT`` words (a long one) is listed after all, so the cost stays linear.
    """
    return lower_case_test(doc)(folded)


def lower_case_test(doc: "Document") -> Callable[[str], bool]:
    """:func:`written_in_lower_case` bound to ``doc``, for a loop over many words."""
    return doc.memo("lowercase_words", _LowerCaseWords).has


def written_in_lower_case_among(doc: "Document", words: Iterable[str]) -> set[str]:
    """The capitalised ``words`` that ``doc`` also writes in lower case (common words), asked at once.

    Same answers as :func:`written_in_lower_case` on each word's case-folded form.
    """
    return doc.memo("lowercase_words", _LowerCaseWords).among(words)


#: Lookups per document after which one scan for every lower-case word is cheaper.
_FIND_LIMIT = 64


class _LowerCaseWords:
    __slots__ = ("norm", "answers", "every")

    def __init__(self, doc: "Document") -> None:
        self.norm = doc.normalized
        self.answers: dict[str, bool] = {}
        self.every: frozenset[str] | None = None

    def has(self, folded: str) -> bool:
        if self.every is not None:
            return folded in self.every
        known = self.answers.get(folded)
        if known is None:
            if len(self.answers) >= _FIND_LIMIT:
                self.every = frozenset(_LOWERCASE_WORD.findall(self.norm))
                return folded in self.every
            known = self.answers[folded] = _occurs_in_lower_case(self.norm, folded)
        return known

    def among(self, words: Iterable[str]) -> set[str]:
        words = list(words)
        folded = list(map(str.casefold, words))
        if self.every is None and len(self.answers) + len(folded) > _FIND_LIMIT:
            self.every = frozenset(_LOWERCASE_WORD.findall(self.norm))
        if self.every is not None:
            return set(compress(words, map(self.every.__contains__, folded)))
        # most names never occur in lower case: ``in`` rules them out at C speed, uncached
        has = self.has
        return {w for w, f in compress(zip(words, folded), map(self.norm.__contains__, folded)) if has(f)}


def _occurs_in_lower_case(norm: str, folded: str) -> bool:
    size = len(folded)
    at = norm.find(folded)
    while at >= 0:
        # ``match`` at ``at`` still sees the character before it for ``\b``
        m = _LOWERCASE_WORD.match(norm, at)
        if m is not None and m.end() == at + size:
            return True
        at = norm.find(folded, at + 1)
    return False
