"""Small word lists the date checks share: number words, ordinals, tense and mood cues.

These are deliberately narrow. The checks use them to decide when to stay
quiet (a future or hypothetical sentence, an approximate count), so a cue
missing here costs a finding, never a false alarm.
"""
from __future__ import annotations

from newslint.dates.lazy import LazyPattern

_UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
          "sixteen seventeen eighteen nineteen").split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_UNIT_ORDINALS = ("zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
                  "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth").split()
_TENS_ORDINALS = "twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth".split()
_SPECIAL_ORDINALS = {"centenary": 100, "centennial": 100, "hundredth": 100, "bicentenary": 200, "bicentennial": 200}

CARDINAL_WORDS = {w: i for i, w in enumerate(_UNITS)} | {w: 20 + 10 * i for i, w in enumerate(_TENS)}
ORDINAL_WORDS = {w: i for i, w in enumerate(_UNIT_ORDINALS)} | {w: 20 + 10 * i for i, w in enumerate(_TENS_ORDINALS)}

#: A count in digits or words: "20", "twenty", "twenty-one".
COUNT = r"\d{1,3}|(?:" + "|".join(_TENS) + r")(?:-(?:" + "|".join(_UNITS[1:10]) + r"))?|" + "|".join(
    sorted(_UNITS[1:], key=len, reverse=True)
)
#: An ordinal in digits or words: "20th", "twentieth", "twenty-first", "centenary".
ORDINAL = (
    r"\d{1,3}(?:st|nd|rd|th)|(?:(?:" + "|".join(_TENS) + r")-(?:" + "|".join(_UNIT_ORDINALS[1:10]) + r"))|"
    + "|".join(sorted(_UNIT_ORDINALS[1:] + _TENS_ORDINALS + list(_SPECIAL_ORDINALS), key=len, reverse=True))
)


def parse_count(text: str) -> int | None:
    text = text.lower()
    if text.isdigit():
        return int(text)
    if text in CARDINAL_WORDS:
        return CARDINAL_WORDS[text]
    tens, _, unit = text.partition("-")
    if tens in CARDINAL_WORDS and unit in CARDINAL_WORDS:
        return CARDINAL_WORDS[tens] + CARDINAL_WORDS[unit]
    return None


def parse_ordinal(text: str) -> int | None:
    text = text.lower()
    if text[:-2].isdigit():
        return int(text[:-2])
    if text in ORDINAL_WORDS:
        return ORDINAL_WORDS[text]
    if text in _SPECIAL_ORDINALS:
        return _SPECIAL_ORDINALS[text]
    tens, _, unit = text.partition("-")
    if tens in CARDINAL_WORDS and unit in ORDINAL_WORDS:
        return CARDINAL_WORDS[tens] + ORDINAL_WORDS[unit]
    return None


#: Words before a title that say the person is not (or not yet) in office at the time spoken of.
NOT_IN_OFFICE = LazyPattern(
    r"(?i)\b(?:former|then|ex|late|future|erstwhile|onetime|one-time|outgoing|incoming|previous|past|deputy|vice|"
    r"acting|interim|caretaker|shadow|would-be|prospective|presumptive|likely|possible|potential|under|during|"
    r"a|an|candidate|nominee|designate)\b[\s\u2010\u2011-]*(?:[A-Z][\w.'\u2019-]*[\s-]+){0,3}$"
)
#: A sentence that imagines rather than reports. "were" only where it opens a condition
#: ("Were the talks to fail", ", were it not for"); "talks were held" is a plain past.
HYPOTHETICAL = LazyPattern(
    r"(?i)\b(?:if|would|could|might|imagine|suppose|supposing|hypothetical(?:ly)?|unless|whether)\b"
    r"|(?:^[\s\"'(]*|[,;]\s*)were\s+(?:it|they|he|she|we|I|you|the|this|that|these|those|there)\b"
)

#: Verbs and phrases that put a sentence in the future, a plan, a wish or a condition.
FUTURE_OR_PLAN = LazyPattern(
    r"(?i)\b(?:will|won't|shall|would|could|might|may|should|must|'ll|going\s+to|is\s+to|are\s+to|due|"
    r"scheduled|slated|planned|plans?|expected|expects?|set\s+(?:for|to)|aims?|intends?|hopes?|proposed|"
    r"postponed|delayed|rescheduled|moved|deadline|upcoming|coming|next|ahead|"
    r"announced|called|invited|agreed\s+to|pledged|promised|vowed|prepar\w*|await\w*|forthcoming|later)\b"
)
_IRREGULAR_PAST = frozenset(
    "was were had did met held took said told made came went won lost fell rose began ran gave saw left "
    "sent spent struck swore broke brought bought caught chose drew drove flew forgot fought found froze "
    "got grew hid hit kept knew laid led lent meant overtook paid put quit read rode rang sat sold shook "
    "shot shut sang sank slept slid spoke stood stole stuck swept threw understood withdrew wrote became "
    "sought taught thought".split()
)
#: Words ending in -ed that do not report a past event (plans, schedules, adjectives).
_NOT_PAST = frozenset(
    "scheduled planned expected slated proposed intended anticipated rescheduled postponed delayed pencilled "
    "penciled earmarked tipped tabled timetabled booked billed advertised called announced confirmed "
    "invited needed hoped aimed set due red bed shed need speed seed feed proceed exceed succeed".split()
)


def is_past_verb(word: str) -> bool:
    word = word.lower()
    if word in _IRREGULAR_PAST:
        return True
    return word.endswith("ed") and len(word) > 4 and word not in _NOT_PAST
