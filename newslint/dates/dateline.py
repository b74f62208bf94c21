"""The publication date from a dateline in the first lines of an article.

Wire copy and scraped pages often carry their date only in the text:
"GLASGOW, Monday 6 October 2025", "Saturday, May 17, 2025",
"Published: 17 May 2025 10:32 BST", "By Jane Smith | May 17, 2025", or an AP
dateline opening the first paragraph ("KYIV, Ukraine, March 3, 2022 -- ...").
A line counts only when it is short and the date is the point of it, so a
caption or a body sentence that happens to hold a full date is never read as
the dateline.
"""
from __future__ import annotations

import datetime as _dt
import re
from typing import TYPE_CHECKING

from newslint.dates.expressions import scan_dated
from newslint.dates.lazy import LazyPattern

if TYPE_CHECKING:  # pragma: no cover
    from newslint.document import Document

#: How far into the article a dateline may sit.
LEADING_BLOCKS = 8
LEADING_CHARS = 2000
_MAX_WORDS = 16

# What may stand before the date on a dateline: a place in capitals, a byline, "Published:".
_BEFORE = LazyPattern(
    r"^(?:by\s+[^|\u00b7\u2014\u2013\n]{1,60}?\s*[|\u00b7\u2014\u2013-]\s*)?"
    r"(?:[A-Z][A-Z .'\u2019-]{1,40}(?:,\s*[A-Z][\w.' -]{1,30})?,\s*)?"
    r"(?P<label>(?:first\s+|last\s+)?(?:published|posted|updated|date|dated)\b\s*(?:on|:)?\s*)?$",
    re.IGNORECASE,
)
# What may follow it: a time, a time zone, separators.
_AFTER = LazyPattern(
    r"^[\s,.|\u00b7\u2014\u2013-]*(?:(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:\(?[A-Z]{2,4}\)?)?)?"
    r"[\s.|\u00b7\u2014\u2013-]*$",
    re.IGNORECASE,
)
# An AP dateline opening the first paragraph: "KYIV, Ukraine, March 3, 2022 -- Russian forces..."
_INLINE_PLACE = LazyPattern(r"^[A-Z][A-Z .'\u2019-]{2,40}(?:,\s*[A-Z][\w.' -]{1,30})?,\s*$")
_INLINE_AFTER = LazyPattern(r"^\s*(?:\([^)]{1,20}\)\s*)?(?:--|[\u2014\u2013-])\s*\S")
# Every full date has a year, 1 or 2 and three more digits; a line of more than _MAX_WORDS words can
# only be an AP dateline, which opens with a place in capitals. _dateline_in scans (the costly part)
# only lines that pass both tests: most leading lines of an article fail one.
_YEAR_DIGITS = LazyPattern(r"[12]\d\d\d")
_PLACE_START = LazyPattern(r"[A-Z][A-Z .'\u2019-]{2}")


def find_dateline(doc: "Document") -> tuple[_dt.date, str] | None:
    """The publication date a leading dateline gives, and the dateline as written."""
    fallback = None
    for block in doc.blocks[:LEADING_BLOCKS]:
        if block.start > LEADING_CHARS:
            break
        line = doc.normalized[block.start : block.end]
        found = _dateline_in(line)
        if found is None:
            continue
        date, written, updated = found
        if not updated:
            return date, written
        fallback = fallback or (date, written)
    return fallback


def _dateline_in(line: str) -> tuple[_dt.date, str, bool] | None:
    """The date a dateline line gives, the line as written, and whether it is an update's date."""
    if _YEAR_DIGITS.search(line) is None:
        return None
    if len(line.split()) > _MAX_WORDS and _PLACE_START.match(line) is None:
        return None
    return _read_dateline(line)


def _read_dateline(line: str) -> tuple[_dt.date, str, bool] | None:
    """:func:`_dateline_in` without the shortcuts: the first full date in the line decides."""
    for mention in scan_dated(line, None):
        if mention.kind != "day" or not mention.year_given or mention.first is None:
            continue
        before, after = line[: mention.start], line[mention.end :]
        head = _BEFORE.match(before.strip())
        if head and len(line.split()) <= _MAX_WORDS and _AFTER.match(after):
            label = (head.group("label") or "").lower()
            return mention.first, " ".join(line.split()), "updated" in label
        if _INLINE_PLACE.match(before) and _INLINE_AFTER.match(after):
            return mention.first, " ".join(line[: mention.end].split()), False
        return None  # the first full date decides: a later one is body text
    return None


def apply_dateline(doc: "Document") -> bool:
    """Set the publication date from a dateline, when the article has one; say so in ``date_source``."""
    found = find_dateline(doc)
    if found is None:
        return False
    date, written = found
    if len(written) > 60:
        written = written[:57] + "..."
    doc.metadata.date = date
    doc.metadata.date_source = f"dateline '{written}'"
    return True
