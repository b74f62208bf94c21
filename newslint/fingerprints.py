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

import operator
import sys
from array import array
from collections import Counter
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
    from hashlib import sha256  # here: a run that finds nothing never loads OpenSSL (~3 ms of start-up)

    key = "\x1f".join((rule, _squash(flagged), _squash(context)))
    return sha256(key.encode("utf-8")).hexdigest()[:_FINGERPRINT_HEX]


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
_LF_BYTES = array("H", [10]).tobytes()  # an LF unit as the array's bytes hold it
_EOF = 0xFFFF
_POWERS = [pow(_MOD, _BLOCK - 1 - k, 1 << 64) for k in range(_BLOCK)]  # base 37, most significant first


def _filtered_units(text: str) -> array:
    """The UTF-16 code units GitHub hashes: no spaces or tabs, CR and CRLF read as LF, an
    end-of-file marker, then zeros to fill the last windows."""
    # str.replace, not translate: translate takes a slow path for any text outside ASCII
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace(" ", "").replace("\t", "")
    units = array("H")
    units.frombytes(text.encode("utf-16-le"))
    if sys.byteorder == "big":  # pragma: no cover - the encoding above is little-endian
        units.byteswap()
    units.append(_EOF)
    units.extend([0] * _BLOCK)
    return units


class GithubLineHashes:
    """GitHub's ``primaryLocationLineHash`` of the lines of one file, computed when asked for.

    GitHub reads the file as UTF-16 code units, skips spaces and tabs, treats CR, LF and
    CRLF alike, appends an end-of-file marker and zero padding, and hashes the 100 units
    that start each line (base 37, wrapping at 64 bits) with a rolling hash over every
    unit. Only the windows at line starts matter, so each is hashed directly with C-level
    arithmetic, and only for the lines a report needs: a loop over every unit in Python
    took seconds on an archive. The ``:n`` suffix numbers repeated hashes in file order;
    repeats are found by comparing the windows themselves (equal windows, equal hashes; a
    64-bit collision between different windows is left out). A text ending in a newline
    also has a hash for the empty line after it, as GitHub's does.
    """

    def __init__(self, text: str) -> None:
        self._units = _filtered_units(text)
        data = self._units.tobytes()  # two bytes per unit: the windows are compared as bytes
        starts = [0]  # where each line's window begins: the start, and after every LF
        at = data.find(_LF_BYTES)
        while at >= 0:
            if at % 2:  # the high byte of one unit and the low byte of the next: not an LF
                at = data.find(_LF_BYTES, at + 1)
            else:
                starts.append(at // 2 + 1)
                at = data.find(_LF_BYTES, at + 2)
        self._starts = starts
        windows = [data[2 * start : 2 * start + 2 * _BLOCK] for start in starts]
        self._repeat = [1] * len(windows)  # most windows occur once: count only those that repeat
        repeated = {window for window, count in Counter(windows).items() if count > 1}
        seen: dict[bytes, int] = {}
        for index, window in enumerate(windows):
            if window in repeated:
                seen[window] = seen.get(window, 0) + 1
                self._repeat[index] = seen[window]
        self._known: dict[int, str] = {}

    @property
    def lines(self) -> range:
        return range(1, len(self._starts) + 1)

    def get(self, line: int) -> str | None:
        """``"hash:n"`` for the 1-based ``line``, or None past the end of the file."""
        if not 1 <= line <= len(self._starts):
            return None
        known = self._known.get(line)
        if known is None:  # several findings on one line share it
            start = self._starts[line - 1]
            value = sum(map(operator.mul, self._units[start : start + _BLOCK], _POWERS)) & _MASK
            known = self._known[line] = f"{value:x}:{self._repeat[line - 1]}"
        return known

