"""The shortcuts of the date checks' second speed round give what the plain ways give.

Each shortcut here skips work that cannot change a finding; these tests hold each one to the
plain computation beside it, on the project's articles, the benchmark corpus and generated text.
"""
from __future__ import annotations

import datetime as dt
import importlib.util
import random
import shutil
import tempfile
from functools import lru_cache
from pathlib import Path

from test_dates_speed import article_texts, generated_texts, shaped_texts

from newslint.checks import dates as checks
from newslint.checks.dates import Anachronism
from newslint.dates import dateline, expressions
from newslint.dates.expressions import document_dates, scan
from newslint.dates.knowledge import load_officeholders
from newslint.dates.language import FUTURE_OR_PLAN, HYPOTHETICAL
from newslint.markup import parse_document

BENCHMARK = Path(__file__).resolve().parents[1] / "benchmarks" / "run.py"


def corpus_texts(count: int = 300) -> list[str]:
    return _benchmark_articles()[:count]


@lru_cache(maxsize=1)
def _benchmark_articles() -> list[str]:
    """About 300 articles from the benchmark's own generator, built here (benchmarks/corpus is
    not committed, and a fresh clone must test the same texts)."""
    spec = importlib.util.spec_from_file_location("newslint_benchmark", BENCHMARK)
    assert spec is not None and spec.loader is not None
    generator = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generator)
    folder = Path(tempfile.mkdtemp(prefix="newslint-dates-"))
    try:
        generator.build_corpus(folder, 0.7)
        return [p.read_text(encoding="utf-8") for p in sorted(folder.iterdir())]
    finally:
        shutil.rmtree(folder)


def dateline_lines() -> list[str]:
    """Lines that are datelines, nearly datelines, and body text with dates."""
    rng = random.Random(3)
    heads = ["", "GLASGOW, ", "KYIV, Ukraine, ", "By Jane Smith | ", "Published: ", "Updated on ", "Kyiv, ",
             "AL-ARISH, Egypt, ", "The talks on ", "NATO chief Jens Stoltenberg met officials in Brussels on "]
    dates = ["Monday 6 October 2025", "March 3, 2022", "3 March 2022", "2022-03-03", "17.05.2025", "03/04/2022",
             "June 31, 2023", "May 2019", "2019", "Saturday, May 17, 2025"]
    tails = ["", " 10:32 GMT", " -- Russian forces shelled the city.", " (AP) \u2014 Talks resumed.",
             ", officials said.",
             " and the weeks after it, when ministers met again and again to talk about the plan for the city."]
    lines = [rng.choice(heads) + rng.choice(dates) + rng.choice(tails) for _ in range(600)]
    for text in article_texts() + corpus_texts() + generated_texts(300) + shaped_texts(300):
        lines.extend(text.splitlines()[:12])
    return lines


def test_the_dateline_shortcuts_read_each_line_as_the_full_reading_does():
    lines = dateline_lines()
    read = 0
    for line in lines:
        found = dateline._dateline_in(line)
        assert found == dateline._read_dateline(line), line
        read += found is not None
    assert read > 200


# -- officeholders --------------------------------------------------------------------------
def officeholder_texts(count: int, seed: int = 11) -> list[str]:
    """Articles of titles and names among dates of many years, near and far from the title's terms."""
    kb = load_officeholders()
    rng = random.Random(seed)
    pairs = sorted({(title, name) for office in kb.offices for title in office.titles
                    for term in office.terms for name in [term.person]})
    aliases = sorted(kb.aliases)
    dates = ["In May 2019,", "in 2003", "On 3 March 2022", "last week", "on Tuesday", "in the 1990s", "in summer 2016",
             "since 2010", "yesterday", "three years ago", "from 2001 to 2009", "by March 2024", "in early 2025", ""]
    verbs = ["said", "says", "has said", "will visit", "visited", "met", "is", ", who left office in 2021,", "would"]
    texts = []
    for _ in range(count):
        sentences = []
        for _ in range(rng.randint(1, 6)):
            title, name = rng.choice(pairs)
            if rng.random() < 0.2:
                name = rng.choice(aliases)
            title = rng.choice([title, title.title(), title.capitalize()])
            lead = rng.choice(["", "Former ", "then-", "The ", '"'])
            sentences.append(f"{rng.choice(dates)} {lead}{title} {name} {rng.choice(verbs)} {rng.choice(dates)}.")
        texts.append(" ".join(sentences))
    return texts


def officeholder_findings(doc, kb, shortcut):
    found = Anachronism()._officeholders(doc, document_dates(doc), kb, set(), shortcut=shortcut)
    return [(f.start, f.end, f.message) for f in found]


def test_titles_passed_over_for_fitting_every_date_are_never_flagged():
    texts = officeholder_texts(1500) + article_texts() + corpus_texts()
    pubs = [None, dt.date(2025, 6, 1), dt.date(2019, 5, 1), dt.date(2008, 1, 10)]
    kb = load_officeholders()
    flagged = 0
    for number, text in enumerate(texts):
        doc = parse_document("article.txt", text, "text")[0]
        doc.metadata.date = doc.metadata.date or pubs[number % len(pubs)]
        fast = officeholder_findings(doc, kb, True)
        assert fast == officeholder_findings(doc, kb, False), text
        flagged += len(fast)
    assert flagged > 500


# -- the date index -----------------------------------------------------------------------
def described(mentions):
    return [(m.start, m.end, m.text, m.kind, m.first, m.last, m.year, m.month, m.day, m.year_given, m.weekday,
             m.weekday_span, m.problem, m.lead) for m in mentions]


def test_the_index_builds_on_demand_the_mentions_the_scan_builds():
    """The index leaves "Tuesday", "last week" and the like unbuilt until a lookup reaches them: every
    lookup must give what the full scan gives, and ``dated`` every mention with a date of its own."""
    rng = random.Random(17)
    texts = generated_texts(400) + shaped_texts(400) + article_texts() + corpus_texts(200)
    deferred = 0
    for number, text in enumerate(texts):
        pub = [None, dt.date(2025, 1, 5), dt.date(2024, 2, 29)][number % 3]
        full = scan(text, pub)
        index = expressions.DateIndex(expressions._resolve(text, pub, 0, None), text, pub)
        assert described(index.dated) == described(
            [m for m in full if m.kind in ("day", "month", "year", "decade") or m.kind == "season" and m.year_given]
        ), text
        for _ in range(5):
            start = rng.randrange(len(text) + 1)
            end = rng.randrange(start, len(text) + 1)
            assert described(index.between(start, end)) == described(
                [m for m in full if start <= m.start and m.end <= end]
            ), (text, start, end)
        assert described(index.mentions) == described(full), text
        assert described(expressions.scan_dated(text, pub)) == described(index.dated)
        deferred += len(full) - len(index.dated)
    assert deferred > 1000



# -- sentence searches ----------------------------------------------------------------------
def test_a_sentence_search_re2_turns_down_would_have_found_nothing():
    patterns = [FUTURE_OR_PLAN, HYPOTHETICAL, checks._PAST_PERFECT]
    assert all(checks._prefilter(pattern).available for pattern in patterns)
    texts = generated_texts(300) + article_texts() + corpus_texts(150) + officeholder_texts(200)
    found = 0
    for text in texts:
        doc = parse_document("article.txt", text, "text")[0]
        for sentence in doc.sentences:
            bounds = (sentence.start, sentence.end)
            piece = doc.normalized[sentence.start : sentence.end]
            for pattern in patterns:
                expected = pattern.search(piece) is not None
                assert checks._found_in(doc, pattern, bounds, piece) == expected, (pattern.pattern, piece)
                found += expected
    assert found > 1000
