"""The shortcuts of the date checks' second speed round give what the plain ways give.

Each shortcut here skips work that cannot change a finding; these tests hold each one to the
plain computation beside it, on the project's articles, the benchmark corpus and generated text.
"""
from __future__ import annotations

import random
from pathlib import Path

from test_dates_speed import article_texts, generated_texts, shaped_texts

from newslint.dates import dateline

CORPUS = Path(__file__).resolve().parents[1] / "benchmarks" / "corpus"


def corpus_texts(count: int = 300) -> list[str]:
    paths = sorted(CORPUS.glob("*"))[:count]
    return [p.read_text(encoding="utf-8") for p in paths]


def dateline_lines() -> list[str]:
    """Lines that are datelines, nearly datelines, and body text with dates."""
    rng = random.Random(3)
    heads = ["", "GLASGOW, ", "KYIV, Ukraine, ", "By Jane Smith | ", "Published: ", "Updated on ", "Kyiv, ",
             "AL-ARISH, Egypt, ", "The talks on ", "NATO chief Jens Stoltenberg met officials in Brussels on "]
    dates = ["Monday 6 October 2025", "March 3, 2022", "3 March 2022", "2022-03-03", "17.05.2025", "03/04/2022",
             "June 31, 2023", "May 2019", "2019", "Saturday, May 17, 2025"]
    tails = ["", " 10:32 GMT", " -- Russian forces shelled the city.", " (AP) \u2014 Talks resumed.", ", officials said.",
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
