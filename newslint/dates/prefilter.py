"""Finding where a pattern can match, fast: RE2 over an ASCII view proposes, Python's ``re`` decides.

Python's ``re`` tries a pattern at every position of a text unless the pattern opens with a
literal; a pattern that opens with a look-behind, a word boundary, an optional group or a
case-insensitive word costs 10-40 ms per MB of text, each. RE2 runs many patterns as one
automaton, but has no look-around and only ASCII classes. So each Python pattern is paired with
its *relaxation* (:func:`relax`): an RE2 pattern that matches the ASCII view of a text at every
place where the Python pattern can start a match, and perhaps at a few more. One RE2 pass finds
those places (:class:`Prefilter`); the Python pattern is then tried at each of them alone, in
text order, skipping places inside its previous match (:func:`finditer_at`). That gives exactly
the matches ``pattern.finditer`` gives: ``re`` looks behind the start position at the real text,
and no match can start anywhere else. A relaxation that matches nowhere in a document also says
the pattern cannot match there at all (the event cues use it so).

The ASCII view (:func:`ascii_view`) has one byte per character of the text: ASCII stays, every
other character is ``?``, except the four that Python's case-insensitive matching takes for
ASCII letters (long s, dotless i, dotted capital I, the Kelvin sign), which become ``s``, ``i``,
``i`` and ``k``. A relaxation therefore has :data:`SPACE` for ``\\s`` and :data:`DIGIT` for
``\\d`` (a Unicode space or digit is a ``?`` in the view), ``\\?`` for any other character
outside ASCII, and leaves out ``\\b`` and look-arounds, which only narrow a match.

Without RE2 (a dependency; this is a safety net) :attr:`Prefilter.available` is false and the
callers run the Python patterns' own ``finditer``: the same matches, slowly.
"""
from __future__ import annotations

import json
import re
import sys
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator

try:  # the parser behind re.compile: relax() reads its parse trees
    from re import _constants as _sre, _parser as _sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _sre
    import sre_parse as _sre_parse

from newslint.resources import source_fingerprint
from newslint.text.ascii_view import raw_re2

if TYPE_CHECKING:  # pragma: no cover
    from newslint.document import Document

#: What ``\s`` may match, in a relaxation: ASCII white space, and ``?`` for the rest of Unicode's.
SPACE = r"[\t\n\x0b\x0c\r \x1c-\x1f?]"
#: What ``\d`` may match, in a relaxation: ASCII digits, and ``?`` for the rest of Unicode's.
DIGIT = r"[0-9?]"

# Characters outside ASCII that Python's IGNORECASE matches against ASCII letters.
_CASE_FOLDS = {"\u017f": "s", "\u0131": "i", "\u0130": "i", "\u212a": "k"}
_FOLD_TABLE = str.maketrans(_CASE_FOLDS)


def ascii_view(text: str) -> bytes:
    """The text as ASCII bytes, one per character (see the module docs)."""
    if text.isascii():
        return text.encode("ascii")
    if any(ch in text for ch in _CASE_FOLDS):
        text = text.translate(_FOLD_TABLE)
    return text.encode("ascii", "replace")


def document_view(doc: "Document") -> bytes:
    """The ASCII view of the document's normalised text, made once per document for every check."""
    return doc.memo("prefilter.ascii_view", lambda d: ascii_view(d.normalized))


def fold(word: str) -> str:
    """``word`` lowercased, as Python's case-insensitive matching reads it ("La\u017ft" is "last")."""
    return word.lower() if word.isascii() else word.translate(_FOLD_TABLE).lower()


def view_char(ch: str) -> str:
    """The character that stands for ``ch`` in the ASCII view."""
    return ch if ch.isascii() else _CASE_FOLDS.get(ch, "?")


def relax_literal(text: str) -> str:
    """An RE2 pattern for the literal ``text`` as it appears in the ASCII view (``re.escape`` works
    character by character, so escaping the view of the whole text is escaping each view_char)."""
    return re.escape(ascii_view(text).decode("ascii"))


class Prefilter:
    """Places in a text where any of some relaxations match (see the module docs)."""

    def __init__(self, relaxations: Iterable[str]) -> None:
        source = "|".join(f"(?:{r})" for r in relaxations)
        self._compiled = self._match = self._anchor = None
        if not source:  # nothing to look for: unavailable, and the caller searches the slow way
            return
        try:
            import re2
        except ImportError:  # pragma: no cover - google-re2 is a dependency
            return
        options = re2.Options()
        options.never_capture = True
        options.max_mem = 64 << 20  # room for the automaton of a large alternation (the officeholders)
        try:
            self._compiled = re2.compile(source.encode("ascii"), options)
        except re2.error:  # pragma: no cover - a relaxation RE2 does not take: the slow way
            return
        # RE2's own Match (one call per place found) when this google-re2 has it; else its public search
        self._match, self._anchor = raw_re2(self._compiled) or (None, None)

    @property
    def available(self) -> bool:
        return self._compiled is not None

    def finditer(self, pattern: re.Pattern[str], text: str, view: bytes | None = None) -> Iterator[re.Match[str]]:
        """``pattern.finditer(text)``, for the pattern these relaxations were made from; ``view`` is
        ``ascii_view(text)`` when the caller has it. Without RE2, the pattern's own ``finditer``."""
        if not self.available:  # pragma: no cover - without RE2
            return pattern.finditer(text)
        return finditer_at(pattern, text, self.starts(ascii_view(text) if view is None else view))

    def any(self, view: bytes, pos: int, end: int) -> bool:
        """Whether a relaxation matches within ``view[pos:end]``: when none does, no pattern they
        were made from can match in that stretch of the text, searched as a string of its own."""
        if self._match is not None:
            return self._match(self._anchor, view, pos, end)[0][0] >= 0
        return self._compiled.search(view, pos, end) is not None  # pragma: no cover - another layout

    def starts(self, view: bytes) -> list[int]:
        """Every position where a relaxation matches, in order."""
        end = len(view)
        found: list[int] = []
        pos = 0
        if self._match is not None:
            match, anchor = self._match, self._anchor
            while pos < end:
                start = match(anchor, view, pos, end)[0][0]
                if start < 0:
                    break
                found.append(start)
                pos = start + 1
            return found
        search = self._compiled.search  # pragma: no cover - another google-re2 layout: slower
        while pos < end and (hit := search(view, pos, end)) is not None:  # pragma: no cover
            found.append(hit.start())
            pos = hit.start() + 1
        return found


@lru_cache(maxsize=None)
def pattern_prefilter(pattern: str, flags: int = 0) -> Prefilter:
    """The prefilter of one Python pattern (made once): unavailable when it has no relaxation,
    and then the pattern's own search decides."""
    relaxed = relax(pattern, flags)
    return Prefilter([relaxed] if relaxed else [])


def finditer_at(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, trying only ``starts``: ascending, and among them every place a
    match can start. For patterns that never match the empty string."""
    reach = 0
    for start in starts:
        if start >= reach:
            match = pattern.match(text, start)
            if match is not None:
                yield match
                reach = match.end()


def relax(pattern: str, flags: int = 0) -> str | None:
    r"""The relaxation of a Python pattern, made from its parse tree: an RE2 pattern over the ASCII
    view that matches wherever ``pattern`` matches the text (and perhaps elsewhere); None when the
    pattern uses something this cannot follow (a conditional group), relaxes to nothing, or is not
    a valid pattern.

    Look-arounds and anchors are dropped, classes widened to the ASCII view (``\d`` is
    :data:`DIGIT`, ``\s`` :data:`SPACE`, ``\w`` a letter, digit, ``_`` or ``?``; a negated class or
    ``.`` any character), characters outside ASCII written as the view has them; literals keep
    their case unless the pattern ignores it. The project's own patterns come from
    :data:`SHIPPED_FILE` (see :func:`shipped_relaxations`).
    """
    try:
        return relax_valid(pattern, flags)
    except (re.error, RecursionError, TypeError, ValueError):
        return None


def relax_valid(pattern: str, flags: int = 0) -> str | None:
    """:func:`relax` for a pattern that must be valid: raises ``re.error`` as ``re.compile`` would
    (but for a look-behind of varying width) instead of answering None."""
    shipped = shipped_relaxations().get((pattern, flags), _NOT_SHIPPED)
    if shipped is not _NOT_SHIPPED:
        return shipped
    return relax_tree(parse(pattern, flags))


#: The relaxations of the project's own patterns (the date expressions, the built-in event cues,
#: the checks' prefiltered patterns), worked out ahead: making them walks parse trees in Python, some
#: 10 ms on every start-up. ``python -m newslint.dates.relaxations`` rewrites the file.
SHIPPED_FILE = Path(__file__).with_name("relaxations.json")
_NOT_SHIPPED = object()


def relaxation_key() -> dict[str, str] | None:
    """What the shipped relaxations must have been made with: the Python version (whose parser
    makes the trees) and this module's source (the code that relaxes them, by
    :func:`~newslint.resources.source_fingerprint`); None without the source."""
    try:
        source = Path(__file__).read_bytes()
    except OSError:  # pragma: no cover - installed without sources
        return None
    return {"python": "%d.%d" % sys.version_info[:2], "prefilter": source_fingerprint(source)}


@lru_cache(maxsize=1)
def shipped_relaxations() -> dict[tuple[str, int], str | None]:
    """The relaxations in :data:`SHIPPED_FILE` by (pattern, flags), each exactly what
    ``relax_tree(parse(pattern, flags))`` gives; empty when the file was made with another version
    of this module or of Python (then every relaxation is worked out)."""
    try:
        table = json.loads(SHIPPED_FILE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(table, dict) or table.get("key") != relaxation_key():
        return {}
    return {(pattern, flags): relaxed for pattern, flags, relaxed in table["relaxations"]}


def relaxation_table(patterns: Iterable[tuple[str, int]]) -> dict:
    """The contents of :data:`SHIPPED_FILE` for ``patterns`` ((pattern, flags) pairs, all valid),
    worked out here and now."""
    rows = sorted({(pattern, flags, relax_tree(parse(pattern, flags))) for pattern, flags in patterns})
    return {"key": relaxation_key(), "relaxations": [list(row) for row in rows]}


def parse(pattern: str, flags: int = 0):
    """The parse tree ``re.compile`` makes of ``pattern``; raises ``re.error`` as it would (but for
    the one error ``re`` finds only when compiling: a look-behind of varying width)."""
    return _sre_parse.parse(pattern, flags)


def relax_tree(parsed) -> str | None:
    """:func:`relax` for a pattern already parsed (:func:`parse`)."""
    try:
        body = _relax_items(list(parsed))
    except (_Unrelaxable, RecursionError, TypeError, ValueError):
        return None
    if not body:
        return None
    return f"(?i:{body})" if parsed.state.flags & re.IGNORECASE else body


class _Unrelaxable(Exception):
    pass


_ANY = "(?s:.)"
# What \d, \s and \w may match in the view.
_CATEGORY_BYTES = {
    category: {c for c in range(128) if re.fullmatch(view_class, chr(c))}
    for category, view_class in (
        (_sre.CATEGORY_DIGIT, DIGIT),
        (_sre.CATEGORY_SPACE, SPACE),
        (_sre.CATEGORY_WORD, "[0-9A-Za-z_?]"),
    )
}


def _relax_items(items) -> str:
    return "".join(_relax_item(op, av) for op, av in items)


def _relax_item(op, av) -> str:
    if op is _sre.LITERAL:
        return relax_literal(chr(av))
    if op in (_sre.NOT_LITERAL, _sre.ANY):
        return _ANY
    if op is _sre.IN:
        return _relax_class(av)
    if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
        return ""  # zero width: leaving it out only lets more through
    if op is _sre.SUBPATTERN:
        _, add_flags, del_flags, items = av
        inner = _relax_items(list(items))
        if add_flags & re.IGNORECASE:
            return f"(?i:{inner})"
        if del_flags & re.IGNORECASE:
            return f"(?-i:{inner})"
        return f"(?:{inner})"
    if op is getattr(_sre, "ATOMIC_GROUP", None):
        return f"(?:{_relax_items(list(av))})"
    if op is _sre.BRANCH:
        return "(?:" + "|".join(_relax_items(list(branch)) for branch in av[1]) + ")"
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", None)):
        low, high, items = av
        inner = _relax_items(list(items))
        if not inner:
            return ""
        if low > 1000:  # beyond RE2's counted repeats: ask for fewer
            return f"(?:{inner})*"
        if high > 1000:  # unbounded, or beyond RE2's counted repeats
            return f"(?:{inner}){{{low},}}"
        return f"(?:{inner}){{{low},{high}}}"
    if op is _sre.GROUPREF:
        return f"{_ANY}*"
    raise _Unrelaxable(op)


def _relax_class(items) -> str:
    chars: set[int] = set()
    for op, av in items:
        if op is _sre.NEGATE:
            return _ANY
        if op is _sre.LITERAL:
            chars.add(ord(view_char(chr(av))))
        elif op is _sre.RANGE:
            low, high = av
            chars.update(range(low, min(high, 127) + 1))
            if high > 127:
                chars.add(ord("?"))
                chars.update(ord(fold) for ch, fold in _CASE_FOLDS.items() if low <= ord(ch) <= high)
        elif op is _sre.CATEGORY and av in _CATEGORY_BYTES:
            chars |= _CATEGORY_BYTES[av]
        else:  # a negated category, a line break class...
            return _ANY
    return _class(chars)


def _class(chars: set[int]) -> str:
    """An RE2 class of ASCII bytes, runs written as ranges: ``[\\x30-\\x39\\x3f]``."""
    parts, codes = [], sorted(chars)
    i = 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        parts.append(f"\\x{codes[i]:02x}" if i == j else f"\\x{codes[i]:02x}-\\x{codes[j]:02x}")
        i = j + 1
    return "[" + "".join(parts) + "]"
