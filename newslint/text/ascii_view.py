"""An ASCII view of a document's lower-cased text, for RE2.

RE2 scans far faster than Python's ``re`` and compiles big alternations in a fraction of
the time, but it reads bytes and its ``\\b``, ``\\w``, ``\\s`` and ``\\d`` know only ASCII.
So the checks that use it (speculative-forecast, unsourced-statistic, vague-attribution)
run it on a view of the lower-cased text with one ASCII byte per character: ASCII stays,
and every other character becomes a stand-in of its kind for Python's ``re``:

* a space (``str.isspace``, ``re``'s ``\\s``) becomes ``\\x1f``, itself a space to ``re``;
* a digit (``str.isdecimal``, ``re``'s ``\\d``) becomes ``D``;
* another word character (``str.isalnum``, ``re``'s ``\\w``) becomes ``X``;
* anything else becomes NUL.

No stand-in occurs in the lower-cased text as itself in a way that matters: it has no
upper-case ASCII letters and no NUL (the engine refuses NUL bytes), and ``\\x1f`` is a space
either way. So with ``\\s`` and ``\\d`` spelt as :data:`SPACE_CLASS` and :data:`DIGIT_CLASS`,
an ASCII pattern without upper-case letters matches the view exactly where ``re`` matches
the text, at the same offsets (a literal space does not match ``\\x1f``, nor in ``re`` the
character it stands for).

:func:`lowered` and :func:`view` compute the two once per document (``doc.memo``), for all
the checks to share.
"""
from __future__ import annotations

import codecs
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newslint.document import Document

SPACE_STAND_IN = "\x1f"
DIGIT_STAND_IN = "D"
WORD_STAND_IN = "X"
OTHER_STAND_IN = "\x00"
STAND_INS = frozenset((SPACE_STAND_IN, DIGIT_STAND_IN, WORD_STAND_IN, OTHER_STAND_IN))

#: Python's ``\s`` in the view, for use inside brackets (RE2's ``\s`` leaves out \v and \x1c-\x1f).
SPACE_CLASS = r"\t\n\x0b\x0c\r\x1c-\x1f "
#: Python's ``\d`` in the view, for use inside brackets.
DIGIT_CLASS = "0-9" + DIGIT_STAND_IN


def stand_in(char: str) -> str:
    """The view's byte (as a one-character string) for one character of the lower-cased text."""
    if char.isascii():
        return char
    if char.isspace():
        return SPACE_STAND_IN
    if char.isdecimal():
        return DIGIT_STAND_IN
    return WORD_STAND_IN if char.isalnum() else OTHER_STAND_IN


def _stand_in_run(error: UnicodeEncodeError) -> tuple[str, int]:
    """Encoding error handler: the stand-ins for a run of non-ASCII characters."""
    return "".join(map(stand_in, error.object[error.start : error.end])), error.end


_ERRORS = "newslint.ascii-view"
codecs.register_error(_ERRORS, _stand_in_run)


def ascii_view(low: str) -> bytes:
    """``low`` as one ASCII byte per character (see the module docstring).

    In mostly ASCII text the ASCII encoder hands the few runs of other characters to an
    error handler; text in another script goes through one ``str.translate`` instead. Each
    is many times faster than the other on the other kind of text.
    """
    if low.isascii():
        return low.encode("ascii")
    others = len(low) - len(low.encode("ascii", "ignore"))
    if others * 20 < len(low):
        return low.encode("ascii", _ERRORS)
    return low.translate({ord(c): stand_in(c) for c in set(low) if not c.isascii()}).encode("ascii")


def lower_one_for_one(text: str) -> str:
    """``text`` in lower case, one character for one, so offsets still hold.

    The only character whose lower case is longer, "\u0130", becomes the first character of it ("i").
    """
    low = text.lower()
    if len(low) != len(text):
        odd = {c: c.lower()[0] for c in set(text) if len(c.lower()) != 1}
        low = text.translate(str.maketrans(odd)).lower()
    return low


def lowered(doc: Document) -> str:
    """``doc.normalized`` in lower case, offset for offset (once per document)."""
    return doc.memo("ascii-view.lowered", lambda d: lower_one_for_one(d.normalized))


def view(doc: Document) -> bytes:
    """The ASCII view of :func:`lowered` (once per document)."""
    return doc.memo("ascii-view.view", lambda d: ascii_view(lowered(d)))


# -- running RE2 over a view ---------------------------------------------------------------------

def raw_re2(compiled) -> tuple[Any, Any] | None:
    """``(match, anchor)``: the ``Match`` method of the compiled RE2 object under a google-re2
    pattern and its unanchored mode, so that ``match(anchor, view, pos, end)[0]`` is the span of
    the first match in ``view[pos:end]`` (``(-1, -1)`` for none). None when this wrapper keeps
    them elsewhere: callers then use its public methods.

    The wrapper's ``search`` and ``finditer`` build a generator and a match object per call,
    which costs more than the search itself on a short stretch; the scans that run RE2
    thousands of times per document (the sourcing cues, the date prefilter, the forecast
    cues) call the compiled object directly.
    """
    raw = getattr(compiled, "_regexp", None)
    anchor = getattr(getattr(type(raw), "Anchor", None), "UNANCHORED", None)
    return None if anchor is None else (raw.Match, anchor)


def re2_spans(compiled, view: bytes) -> list[tuple[int, int]]:
    """The spans of ``compiled.finditer(view)`` (an RE2 pattern from the ``re2`` module).

    Through :func:`raw_re2`, which halves the cost of a cue list with thousands of matches in
    an archive. The loop is the wrapper's own: the next search starts where a match ended, one
    byte further after an empty match. Another wrapper layout falls back to ``finditer``.
    """
    raw = raw_re2(compiled)
    if raw is None:
        return [m.span() for m in compiled.finditer(view)]
    (match, anchor), end, pos = raw, len(view), 0
    spans = []
    while True:
        span = match(anchor, view, pos, end)[0]
        if span[0] < 0:
            return spans
        spans.append(span)
        if pos == end:
            return spans
        pos = pos + 1 if pos == span[1] else span[1]
