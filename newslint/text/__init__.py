"""Text utilities shared by the document model and the checks (no markup knowledge here)."""
from __future__ import annotations


def offsets_of(text: str, chars: str) -> list[int]:
    """Offsets of every occurrence in ``text`` of any of the single characters ``chars``, in order.

    One ``str.find`` pass per character runs at C speed; a regular expression would try
    every position of the text.
    """
    found: list[int] = []
    for char in chars:
        at = text.find(char)
        while at >= 0:
            found.append(at)
            at = text.find(char, at + 1)
    found.sort()
    return found
