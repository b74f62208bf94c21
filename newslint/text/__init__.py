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


def shorten(text: str, limit: int = 80) -> str:
    """``text`` on one line, cut at a word near ``limit`` characters with "...", for quoting in a message.

    A finding's message quotes what it flags; a run-on sentence must not put a whole page in it.
    """
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit] + "..."
