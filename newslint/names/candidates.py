"""Capitalised-name candidates: every capitalised word of a document, found once.

The index is computed from ``doc.normalized`` with one regular-expression scan
and shared through ``doc.memo("name_candidates", name_candidates)``. Words are
split at hyphens ("Kiev-based" gives "Kiev"); an Arabic article joined by a
hyphen ("al-Qaeda", "el-Sisi") is kept as the candidate's particle; a trailing
possessive "'s" is left out of the word.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from newslint.document import Document

_LETTER = r"[^\W\d_]"


@dataclass(frozen=True, slots=True)
class Candidate:
    """One capitalised word: ``start``/``end`` cover the word, ``particle`` the "al-" before it."""

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
    """Compiled on first use: the class of capital letters is built from Unicode data."""
    capitals = "".join(
        ch for block in ((0x41, 0x250), (0x370, 0x530), (0x1E00, 0x1F00)) for ch in map(chr, range(*block)) if ch.isupper()
    )
    capital = "[" + re.escape(capitals) + "]"
    return re.compile(
        rf"(?<!{_LETTER})(?<!['.])"
        rf"(?:(?P<particle>[aAeE]l|a[dnrstz]|ash|e[sz])-)?"
        rf"(?P<word>{capital}{_LETTER}*(?:'{_LETTER}+)*)"
    )


def name_candidates(doc: "Document") -> list[Candidate]:
    """Every capitalised word of ``doc`` in text order (use through ``doc.memo``)."""
    out: list[Candidate] = []
    for m in _pattern().finditer(doc.normalized):
        word = m.group("word")
        end = m.end()
        if word.endswith(("'s", "'S")):
            word, end = word[:-2], end - 2
        particle = m.group("particle") or ""
        out.append(Candidate(m.start("word"), end, word, particle))
    return out


def candidates_of(doc: "Document") -> list[Candidate]:
    """The shared index of ``doc``'s capitalised words."""
    return doc.memo("name_candidates", name_candidates)


_WORD = re.compile(rf"{_LETTER}+")


def lowercase_words(doc: "Document") -> frozenset[str]:
    """Words the document writes in lower case: a capitalised form of one is a common word."""

    def build(d: "Document") -> frozenset[str]:
        return frozenset(w for w in _WORD.findall(d.normalized) if w.islower())

    return doc.memo("lowercase_words", build)
