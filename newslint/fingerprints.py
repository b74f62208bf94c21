"""Fingerprints that recognise the same finding across runs.

Two kinds, for two consumers:

* :func:`content_fingerprint` is newslint's own. It hashes the rule, the flagged
  text and the sentence (or line) around it, but not the line number, so a
  finding keeps its fingerprint when an editor moves the paragraph or adds text
  above it. Baselines (``--baseline``) and SARIF ``partialFingerprints`` use it.
* :func:`github_line_hashes` reproduces GitHub's ``primaryLocationLineHash``:
  the rolling hash over the first 100 non-blank characters from the start of
  each line that GitHub's upload tooling computes when a SARIF file lacks one.
  Giving GitHub the same value it would compute itself keeps alerts matched
  between runs even for files GitHub cannot read back exactly.
"""
from __future__ import annotations

import hashlib
import sys
from array import array
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from newslint.document import Document
    from newslint.findings import Finding

_FINGERPRINT_HEX = 16


def _squash(text: str) -> str:
    """Whitespace-insensitive form: re-wrapping a paragraph must not change a fingerprint."""
    return " ".join(text.split())


def content_fingerprint(rule: str, flagged: str, context: str) -> str:
    """A short hash of what was flagged and the words around it, independent of position."""
    key = "\x1f".join((rule, _squash(flagged), _squash(context)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:_FINGERPRINT_HEX]


def fingerprint_in_document(doc: "Document", finding: "Finding") -> str:
    """Fingerprint a finding while its document is at hand (the engine calls this).

    The context is the sentence holding the span when there is one, so editing a
    neighbouring sentence of the same paragraph leaves the fingerprint alone;
    otherwise it is the span's first line.
    """
    flagged = doc.text[finding.start : finding.end]
    index = doc.sentence_index(finding.start)
    if index is not None and finding.end <= doc.sentences[index].end:
        sentence = doc.sentences[index]
        context = doc.text[sentence.start : sentence.end]
    else:
        context = finding.source_line
    return content_fingerprint(finding.rule, flagged, context)


def fingerprint_of(finding: "Finding") -> str:
    """The finding's fingerprint, computed from its source line when the engine left none.

    Corpus findings are built after their documents are gone, so they arrive
    without one; their located source line is enough for a stable value.
    """
    if finding.fingerprint:
        return finding.fingerprint
    loc = finding.location
    line = finding.source_line
    if loc is not None and loc.end_line == loc.line:
        flagged = line[loc.column - 1 : loc.end_column - 1]
    elif loc is not None:
        flagged = line[loc.column - 1 :]
    else:
        flagged = ""
    return content_fingerprint(finding.rule, flagged or finding.message, line)


# -- GitHub's primaryLocationLineHash --------------------------------------------------

_BLOCK = 100
_MOD = 37
_MASK = (1 << 64) - 1
_FIRST_MOD = pow(_MOD, _BLOCK, 1 << 64)
_TAB, _SPACE, _LF, _CR = 9, 32, 10, 13
_EOF = 0xFFFF


def _utf16_units(text: str) -> array:
    units = array("H")
    units.frombytes(text.encode("utf-16-le"))
    if sys.byteorder == "big":  # pragma: no cover - the encoding above is little-endian
        units.byteswap()
    return units


def github_line_hashes(text: str) -> dict[int, str]:
    """``{line: "hash:n"}`` exactly as GitHub's fingerprinting computes it for a file.

    GitHub reads the file as UTF-16 code units, skips spaces and tabs, treats
    CR, LF and CRLF alike, appends an end-of-file marker and zero padding, and
    hashes the 100 characters that start each line (base 37, wrapping at 64
    bits). ``:n`` numbers repeated hashes in file order. A text ending in a
    newline also gets a hash for the empty line after it, as GitHub's does.
    """
    window = [0] * _BLOCK
    starts = [-1] * _BLOCK  # the line whose first character sits in this window slot
    hashes: dict[int, str] = {}
    seen: dict[str, int] = {}
    value = index = line = 0
    line_start, prev_cr = True, False

    def emit(slot: int) -> None:
        digest = format(value, "x")
        seen[digest] = seen.get(digest, 0) + 1
        hashes[starts[slot]] = f"{digest}:{seen[digest]}"
        starts[slot] = -1

    units = _utf16_units(text)
    units.append(_EOF)
    for unit in units:
        if unit == _SPACE or unit == _TAB or (prev_cr and unit == _LF):
            prev_cr = False
            continue
        prev_cr = unit == _CR
        if prev_cr:
            unit = _LF
        if starts[index] != -1:
            emit(index)
        if line_start:
            line_start = False
            line += 1
            starts[index] = line
        if unit == _LF:
            line_start = True
        oldest, window[index] = window[index], unit
        value = (_MOD * value + unit - _FIRST_MOD * oldest) & _MASK
        index = (index + 1) % _BLOCK
    for _ in range(_BLOCK):  # flush: pad with zeros until every pending line is hashed
        if starts[index] != -1:
            emit(index)
        value = (_MOD * value - _FIRST_MOD * window[index]) & _MASK
        window[index] = 0
        index = (index + 1) % _BLOCK
    return hashes
