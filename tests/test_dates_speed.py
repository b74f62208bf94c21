"""The fast paths of the date checks find exactly what the plain patterns find.

The date scan, the officeholder search, the event cues and the anniversary phrases are searched
with one RE2 pass over an ASCII view of the text that proposes where a match can start, and
Python's ``re`` decides there (``newslint.dates.prefilter``). These tests hold them to the plain
``finditer`` of the same patterns, on the project's articles and on generated text full of the
awkward cases: abbreviations, odd case, digits and spaces from other scripts, the letters that
case-insensitive matching folds (long s, dotless i, the Kelvin sign), amounts and ranges.
"""
from __future__ import annotations

import datetime as dt
import random
import re

import pytest

from conftest import EXAMPLES, SHARED
from newslint.checks.dates import Anniversary
from newslint.dates import expressions
from newslint.dates.expressions import pattern_matches, scan
from newslint.dates.knowledge import EventCues, load_events, load_officeholders
from newslint.dates.prefilter import Prefilter, ascii_view, finditer_at, fold, relax

SEEDS = SHARED / "seeds"
_WORDS = (
    "January February March April May June July August September October November December Jan Jan. Feb. Mar "
    "Mar. Apr. Jun. Jul. Aug. Sep. Sept Sept. Oct. Nov. Dec. Monday Tuesday Wednesday Thursday Friday Saturday "
    "Sunday Mon. Tue. Tues. Wed. Thu. Thur. Thurs. Fri. Sat. Sun. MONDAY march JUNE monday the The THE of on in "
    "at last Last LAST this This next Next past Past ago Ago AGO years year weeks week weekend month months day "
    "days decade early mid late mid- spring Summer autumn fall Fall winter WINTER yesterday Today tomorrow "
    "tonight a an one two three several few per cent percent % $ \u00a3 \u20ac # st nd rd th and or to through "
    "until people died was is 1990s 1990S '90s \u201990s 80s 2000s Marta Mark Sunni Omar Chicago dragon "
    "la\u017ft \u017fpring \u0130 \u0131 \u212a Kim \u00e9 March\u00e9 Prime Minister President Boris Johnson "
    "Joe Biden Chancellor Angela Merkel Olaf Scholz King Charles Queen Elizabeth anniversary centenary since "
    "after Brexit referendum Alaska summit Trump Putin tsunami attacks full-scale invasion Russia"
).split()
_NUMBERS = ["1", "3", "5", "9", "12", "29", "30", "31", "32", "0", "05", "2022", "2023", "1999", "2100", "2199",
            "2200", "999", "12345", "2,000", "15.5", "1\u0663", "\u0663", "\u0662\u0660\u0662\u0662", "10", "20th"]
_GLUE = [" ", " ", " ", ", ", ",", "  ", "\n", "\n\n", "-", "\u2013", "\u2014", "/", ".", ". ", "'", "\u2019",
         "(", ")", "\u00a0", "\u2003", "\u3000", "\x85", "?", ";", ":", " of ", " the ", "s ", "%"]


def generated_texts(count: int, seed: int = 20251122) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(1, 40)):
            parts.append(rng.choice(_NUMBERS) if rng.random() < 0.35 else rng.choice(_WORDS))
            parts.append(rng.choice(_GLUE))
        texts.append("".join(parts))
    return texts


_SHAPES = [
    "{W}, {M} {D}, {Y}", "{W} {D} {M} {Y}", "{D}{th} of {M}", "{M} {D}-{D}, {Y}", "{M}, {Y}", "{M} of {Y}",
    "{Y}-{D}-{D}", "{D}/{D}/{Y}", "{D}.{D}.{Y}", "{season} of {Y}", "{rel} {season}", "the early {Y}s",
    "the '{d}0s", "{n} {unit} ago", "{rel} {unit}", "{rel} {W}", "in {Y}", "In {M} {D} people", "{W} and {W}, {M} {D}",
]
_FILL = {
    "W": ["Monday", "Tue.", "Thurs.", "Sunday", "Fri."], "M": ["March", "Sept.", "May", "Feb", "December"],
    "D": ["3", "03", "12", "29", "30", "31", "13"], "Y": ["2022", "2024", "1990", "2100"], "th": ["", "th", "rd"],
    "season": ["summer", "Winter", "fall"], "rel": ["last", "this", "next", "past"], "d": ["9", "0", "8"],
    "n": ["three", "20", "a few", "an"], "unit": ["weeks", "year", "days", "decades", "weekend"],
}
_ODD = {"0": "\u0660", "1": "\u0661", "2": "\u0662", "3": "\u0663", "9": "\u0669", " ": "\u2003", "s": "\u017f",
        "i": "\u0131", "k": "\u212a", "'": "\u2019", "-": "\u2013"}


def shaped_texts(count: int, seed: int = 7) -> list[str]:
    """Date-shaped strings with a character or two swapped for a look-alike Python's patterns also accept."""
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        text = " ".join(
            rng.choice(_SHAPES).format_map({k: rng.choice(v) for k, v in _FILL.items()}) for _ in range(rng.randint(1, 3))
        )
        chars = list(text)
        for _ in range(rng.randint(0, 3)):
            i = rng.randrange(len(chars))
            chars[i] = _ODD.get(chars[i], chars[i])
        texts.append("".join(chars))
    return texts


def article_texts() -> list[str]:
    paths = sorted(EXAMPLES.glob("*")) + sorted(SEEDS.glob("*"))
    return [p.read_text(encoding="utf-8", errors="replace") for p in paths if p.is_file()]


TEXTS = generated_texts(1500) + shaped_texts(1500) + article_texts()


def plain_scan(text, pub):
    """The scan as the plain patterns give it: every match of every pattern built, then overlaps dropped."""
    found = []
    for _, _, index, match in pattern_matches(text, fast=False):
        mention = expressions._BUILDERS[index](match, text, pub, 0)
        if mention is not None:
            found.append((index, mention))
    found.sort(key=lambda item: (item[1].start, item[1].start - item[1].end, item[0]))
    kept, reach = [], -1
    for _, mention in found:
        if mention.start >= reach:
            kept.append(mention)
            reach = mention.end
    return kept


def described(mentions):
    return [(m.start, m.end, m.text, m.kind, m.first, m.last, m.year, m.month, m.day, m.year_given, m.weekday,
             m.weekday_span, m.problem, m.lead) for m in mentions]


def test_the_fast_path_is_in_use():
    assert expressions._prefilter()[0].available


def test_pattern_matches_are_those_of_each_pattern_alone():
    for text in TEXTS:
        fast = sorted((s, n, i, m.span()) for s, n, i, m in pattern_matches(text))
        plain = sorted((s, n, i, m.span()) for s, n, i, m in pattern_matches(text, fast=False))
        assert fast == plain, text


@pytest.mark.parametrize("pub", [None, dt.date(2025, 1, 5), dt.date(2024, 2, 29)])
def test_scan_gives_what_the_plain_patterns_give(pub):
    for text in TEXTS:
        assert described(scan(text, pub)) == described(plain_scan(text, pub)), text


def test_offsets_shift_and_lead_reads_the_scanned_text():
    text = "Talks resumed in early March 2022, officials said on Friday."
    shifted = scan(text, dt.date(2022, 3, 10), offset=100)
    assert [(m.start - 100, m.end - 100, m.lead) for m in shifted] == [
        (m.start, m.end, m.lead) for m in scan(text, dt.date(2022, 3, 10))
    ]
    assert [m.lead for m in shifted] == ["resumed in early", "officials said on"]


def test_letters_that_case_folding_turns_into_ascii_do_not_crash_the_scan():
    mentions = scan("La\u017ft \u017fpring, two day\u017f ago, this \u212aind of week", dt.date(2025, 6, 1))
    assert [m.kind for m in mentions] == ["season", "relative"]


def test_relaxations_match_wherever_the_pattern_starts_a_match():
    patterns = [p for _, p in expressions._PATTERNS] + [Anniversary._ANNIVERSARY_HINT, Anniversary._YEARS_HINT]
    patterns += [e.cue for e in load_events()] + [load_officeholders().pattern]
    for pattern in patterns:
        compiled = re.compile(pattern) if isinstance(pattern, str) else pattern
        relaxed = relax(compiled.pattern, compiled.flags)
        assert relaxed, compiled.pattern
        prefilter = Prefilter([relaxed])
        for text in TEXTS[:400]:
            starts = set(prefilter.starts(ascii_view(text)))
            assert {m.start() for m in compiled.finditer(text)} <= starts, (compiled.pattern, text)


def test_officeholder_search_finds_what_its_pattern_finds():
    kb = load_officeholders()
    for text in TEXTS:
        assert [(m.start, m.end, m.name) for m in kb.find(text)] == [
            (m.start(), m.end(), m.group("name")) for m in kb.pattern.finditer(text)
        ]


def test_event_cues_keep_every_event_whose_cue_is_in_the_text():
    events = load_events()
    cues = EventCues(events)
    texts = TEXTS + [ex["text"] for e in load_rules_events() for ex in e.get("examples", {}).get("fires", [])]
    for text in texts:
        possible = cues.possible(ascii_view(text))
        assert [e for e in events if e.cue.search(text)] == [e for e in possible if e.cue.search(text)], text
        assert all(e in possible for e in events if e.cue.search(text))
    assert cues.possible(ascii_view("The council met on Thursday.")) == []


def load_rules_events():
    from newslint.resources import load_rules_file

    return load_rules_file("events.yaml")["events"]


def test_the_weekday_list_shortcut_answers_as_the_pattern_does():
    lists = ["Monday and ", "Tue., ", "THURSDAY - ", "friday \u2013", "Sunday through\n", "Wed. or", "Sat to ",
             "Monday band ", "Thursday, the ", "ROTTERDAM, ", "on ", "Mon.-", "tuesday AND  "]
    texts = [a + b for a in lists for b in ["", "X", "12 June"]] + TEXTS[:300]
    for text in texts:
        for start in range(len(text) + 1):
            expected = expressions._WEEKDAY_LIST_BEFORE.search(text, max(0, start - 20), start) is not None
            assert expressions._after_weekday_list(text, start) == expected, (text, start)


def test_finditer_at_skips_places_inside_the_previous_match():
    pattern = re.compile(r"aa")
    assert [m.start() for m in finditer_at(pattern, "aaaa", [0, 1, 2, 3])] == [0, 2]


def test_the_ascii_view_keeps_one_byte_per_character():
    text = "Caf\u00e9 \u0663 la\u017ft \u0130 \u212a\U0001f600"
    view = ascii_view(text)
    assert len(view) == len(text) and view == b"Caf? ? last i k?"
    assert fold("La\u017fT") == "last"


def test_the_title_words_read_from_the_file_text_are_those_the_loaded_base_matches():
    from newslint.dates.knowledge import normalize_title, title_words

    kb = load_officeholders()
    assert title_words() == {normalize_title(t).split()[0] for office in kb.offices for t in office.titles}


def test_a_document_without_a_title_word_has_no_officeholder_mention():
    """The title-word test lets date-anachronism skip loading the officeholders: it must never skip
    a document where the base would find a title and name."""
    from newslint.dates.knowledge import title_words

    kb, words = load_officeholders(), title_words()
    rng = random.Random(5)
    titles = sorted({t for office in kb.offices for t in office.titles})
    names = sorted(kb.aliases)
    cases = [str.lower, str.upper, str.title, lambda s: s.replace("k", "\u212a").replace("s", "\u017f")]
    spaces = [" ", ", ", "\n", "\u00a0"]
    texts = TEXTS + [
        rng.choice(["", "Then ", "The "]) + rng.choice(cases)(rng.choice(titles)) + rng.choice(spaces)
        + rng.choice(names) + rng.choice([" said.", "-led", "s"])
        for _ in range(2000)
    ]
    found = 0
    for text in texts:
        if any(kb.find(text)):
            found += 1
            assert any(w.encode() in ascii_view(text).lower() for w in words), text
    assert found > 500


@pytest.mark.parametrize(
    "titles",
    ['"prime minister"', "prime minister,\n      premier", "yes", "", "*pm", "mayor # or provost"],
)
def test_titles_written_another_way_mean_the_file_must_be_loaded(tmp_path, titles):
    from newslint.dates.knowledge import title_words

    (tmp_path / "local.yaml").write_text(f"offices:\n  - id: x\n    titles: [{titles}]\n", encoding="utf-8")
    assert title_words(["local.yaml"], tmp_path) is None
    (tmp_path / "block.yaml").write_text("offices:\n  - id: x\n    titles:\n      - mayor\n", encoding="utf-8")
    assert title_words(["block.yaml"], tmp_path) is None
    assert title_words(["missing.yaml"], tmp_path) is None


def test_a_newsroom_title_joins_the_title_words(tmp_path):
    from newslint.dates.knowledge import title_words

    (tmp_path / "local.yaml").write_text("offices:\n  - id: x\n    titles: [lord mayor, provost]\n", encoding="utf-8")
    assert {"lord", "provost", "president"} <= title_words(["local.yaml"], tmp_path)


def test_the_knowledge_bases_load_only_for_documents_that_may_need_them():
    """Start-up: a short article without a year or a title loads neither base (tens of ms each)."""
    import subprocess
    import sys

    script = (
        "from newslint.engine import lint_text\n"
        "from newslint.resources import load_rules_file\n"
        "rules = ['date-anachronism', 'date-anniversary', 'date-weekday-mismatch', 'date-invalid']\n"
        "lint_text('', select=rules, date='2025-06-01')\n"  # the files every run reads (rule packs)
        "before = load_rules_file.cache_info().currsize\n"
        "for text in ('The council met on Thursday.', 'The council met in 2024.', 'The President spoke.'):\n"
        "    lint_text(text, select=rules, date='2025-06-01')\n"
        "    print(load_rules_file.cache_info().currsize - before)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["0", "1", "2"]
