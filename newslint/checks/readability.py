"""Readability: the article's reading grade, long sentences, long paragraphs.

Scores use the published formulas that textstat implements (Flesch-Kincaid
grade, Coleman-Liau index, Flesch reading ease), but the counts come from
newslint's own Document rather than from textstat:

* Only body prose counts: paragraphs (and, for sentence length, list items that
  are full sentences). Headlines, crossheads, bylines, datelines, table cells,
  code, URLs and front matter are left out. textstat would count a headline with
  no full stop as part of the next sentence and split "Dr. Smith" in two.
* Syllables are counted by rule (vowel groups, silent e's, vowel pairs read as
  two), right for most news vocabulary and off by one at worst. textstat 0.7.6+
  looks English words up in NLTK's cmudict and downloads it on first use, which
  fails offline; pyphen, its fallback, loads for 0.2 s and costs about 50
  microseconds a word. The rule needs no data file and no network.
* Counting splits each sentence on whitespace (C speed) and judges each distinct
  token once per process, so scoring an archive costs little more than reading it.
"""
from __future__ import annotations

import itertools
import operator
import re
from collections import Counter
from typing import Iterable, NamedTuple

from newslint.checks.base import Check, CheckContext, Docs, Option, OptionError
from newslint.document import Document
from newslint.findings import Finding, Severity
from newslint.hookspecs import hookimpl

_LETTER_RUNS = re.compile(r"[^\W\d_]+")
_HAS_ALNUM = re.compile(r"[^\W_]")
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")
_CONSONANT_LE = re.compile(r"[^aeiouy]le$")  # "table", "people": the final e is voiced
#: Vowel pairs read as two syllables: "med-i-a", "stad-i-um", "act-u-al", "ar-e-a", "vid-e-o".
_SPLIT_VOWELS = re.compile(r"(?<![cgstxl])i(?=[au])|(?<![gq])u(?=a)|(?<=[rd])e(?=a$|o)")
_SENTENCE_END = re.compile(r"[.!?\u2026][\"')\]\u2019\u201d]*\s*$")
#: Blocks whose sentences are body prose.
_BODY = frozenset({"paragraph"})
_LIST = "list_item"

_token_cache: dict[str, tuple[bool, int, int]] = {}
_IS_WORD = operator.itemgetter(0)
_TOKEN_CACHE_SIZE = 200_000
#: Punctuation stripped from the edges of a token before it is counted.
_EDGES = "\"'()[]{}<>.,;:!?\u2018\u2019\u201c\u201d\u2013\u2014-/*#%&@+=|~^`$\u2026\u00ab\u00bb"
#: Endings after which an inner silent e stays silent ("lately", "movement", "careful").
_E_SUFFIXES = ("ly", "ment", "ful", "ness", "less")


def token_info(token: str) -> tuple[bool, int, int]:
    """``(is_word, syllables, letters)`` of one whitespace-separated token, cached per process.

    A word is a token with a letter or digit in it ("3,000", "U.S.-led", "don't" are one
    word each; a lone dash is none). Numbers count as one syllable.
    """
    cached = _token_cache.get(token)
    if cached is not None:
        return cached
    if len(_token_cache) >= _TOKEN_CACHE_SIZE:
        _token_cache.clear()
    info = _token_cache[token] = _judge(token)
    return info


def _token_infos(tokens: list[str]) -> list[tuple[bool, int, int]]:
    """:func:`token_info` of each of ``tokens``, by C-level lookups in the cache; only new tokens are judged."""
    infos = list(map(_token_cache.get, tokens))
    if None in infos:
        missing = set(itertools.compress(tokens, map(operator.not_, infos)))
        if len(_token_cache) + len(missing) > _TOKEN_CACHE_SIZE:
            _token_cache.clear()
            missing = set(tokens)
        for token in missing:
            _token_cache[token] = _judge(token)
        infos = list(map(_token_cache.__getitem__, tokens))
    return infos


def _judge(token: str) -> tuple[bool, int, int]:
    core = token.strip(_EDGES)
    if not core or not _HAS_ALNUM.search(core):
        info = (False, 0, 0)
    else:
        parts = _LETTER_RUNS.findall(core.lower())
        count = sum(map(_part_syllables, parts)) if parts else 1
        info = (True, max(count, 1), sum(ch.isalnum() for ch in core))
    return info


def syllables(word: str) -> int:
    """Syllables in one word (see :func:`_part_syllables`)."""
    return token_info(word)[1]


def _part_syllables(part: str) -> int:
    """Syllables in one run of letters, by rule: vowel groups, less silent e's, plus split pairs.

    A dictionary would be more exact, but the ones at hand cost too much: pyphen (textstat's
    fallback) takes 0.2 s to load and about 50 microseconds a word, seconds on an archive, and
    still counts "area" as one syllable; textstat's cmudict needs a download.
    """
    groups = len(_VOWEL_GROUPS.findall(part))
    if groups <= 1:
        return groups  # 0 for the "t" of "don't" or the "s" of a possessive
    if part.endswith("e") and part[-2] not in "aeiouy" and not _CONSONANT_LE.search(part):
        groups -= 1  # "fire", "whole"; not "table", "free"
    elif part.endswith("ed") and part[-3] not in "aeiouytd":
        groups -= 1  # "walked", not "wanted"
    elif part.endswith("es") and part[-3] not in "aeiouyscxzgh":
        groups -= 1  # "makes", not "boxes" or "pages"
    for suffix in _E_SUFFIXES:
        cut = len(suffix) + 1
        if part.endswith("e" + suffix) and len(part) > cut + 1 and part[-cut - 1] not in "aeiouy":
            groups -= 1  # "lately", "movement"
            break
    groups += len(_SPLIT_VOWELS.findall(part))  # "media", "stadium", "actual", "area"
    if part.endswith("ism"):
        groups += 1
    return max(groups, 1)


def word_count(tokens: list[str]) -> int:
    return sum(1 for t in tokens if token_info(t)[0])


class Scores(NamedTuple):
    """Counts and formula results for the body prose of one article."""

    words: int
    sentences: int
    syllables: int
    letters: int
    longest_sentence: int

    @property
    def flesch_kincaid_grade(self) -> float:
        return 0.39 * self.words / self.sentences + 11.8 * self.syllables / self.words - 15.59

    @property
    def coleman_liau_index(self) -> float:
        letters_per_100 = 100.0 * self.letters / self.words
        sentences_per_100 = 100.0 * self.sentences / self.words
        return 0.0588 * letters_per_100 - 0.296 * sentences_per_100 - 15.8

    @property
    def flesch_reading_ease(self) -> float:
        return 206.835 - 1.015 * self.words / self.sentences - 84.6 * self.syllables / self.words

    @property
    def grade(self) -> float:
        """The reading grade newslint compares with the target: the mean of the two grade formulas."""
        return (self.flesch_kincaid_grade + self.coleman_liau_index) / 2

    def as_dict(self) -> dict:
        if not self.words:
            return {"words": 0, "sentences": self.sentences}
        return {
            "words": self.words,
            "sentences": self.sentences,
            "syllables": self.syllables,
            "words_per_sentence": round(self.words / self.sentences, 1),
            "longest_sentence_words": self.longest_sentence,
            "flesch_kincaid_grade": round(self.flesch_kincaid_grade, 1),
            "coleman_liau_index": round(self.coleman_liau_index, 1),
            "flesch_reading_ease": round(self.flesch_reading_ease, 1),
            "reading_grade": round(self.grade, 1),
        }


def sentence_tokens(doc: Document) -> list[list[str]]:
    """Whitespace tokens of each sentence of ``doc`` (same order as ``doc.sentences``), computed once.

    ``str.split`` runs at C speed; whether a token is a word is decided once per distinct
    token (:func:`token_info`), so counting an archive costs little more than reading it.
    """

    def build(doc: Document) -> list[list[str]]:
        norm = doc.normalized
        return [norm[s.start : s.end].split() for s in doc.sentences]

    return doc.memo("readability:sentence-tokens", build)


def _body_sentence_indices(doc: Document) -> list[int]:
    return [i for i, s in enumerate(doc.sentences) if doc.blocks[s.block].kind in _BODY]


def article_scores(doc: Document) -> Scores:
    """Scores of the body prose of ``doc`` (shared by the grade check and ``--statistics``)."""

    def build(doc: Document) -> Scores:
        tokens_by_sentence = sentence_tokens(doc)
        norm = doc.normalized
        sentences = doc.sentences
        has_alnum = _HAS_ALNUM.search
        body = [
            tokens_by_sentence[i]
            for i in _body_sentence_indices(doc)
            if has_alnum(norm, sentences[i].start, sentences[i].end)
        ]
        # Each token's judgement comes from the per-process cache and is summed with C-level
        # maps: no Python step per token or per sentence.
        infos = _token_infos(list(itertools.chain.from_iterable(body)))
        words, syllable_total, letters = (sum(map(operator.itemgetter(field), infos)) for field in range(3))
        longest = max(body, key=len, default=[])
        return Scores(words, len(body), syllable_total, letters, sum(map(_IS_WORD, _token_infos(longest))))

    return doc.memo("readability:scores", build)


def article_statistics(doc: Document) -> dict:
    """Per-article readability figures for ``newslint check --statistics`` (JSON-ready)."""
    return article_scores(doc).as_dict()


_TABLE_COLUMNS = (
    ("words", "WORDS"),
    ("sentences", "SENTENCES"),
    ("words_per_sentence", "WORDS/SENT"),
    ("flesch_kincaid_grade", "FK GRADE"),
    ("coleman_liau_index", "CL INDEX"),
    ("flesch_reading_ease", "EASE"),
    ("reading_grade", "GRADE"),
)


def _cell(value) -> str:
    if value is None:
        return "-"
    return f"{value:.1f}" if isinstance(value, float) else str(value)


def statistics_table(files) -> str:
    """The text report's ``--statistics`` section: one row of scores per checked article."""
    rows = [(r.path, r.statistics) for r in files if r.statistics is not None]
    if not rows:
        return ""
    header = ["ARTICLE", *(title for _, title in _TABLE_COLUMNS)]
    table = [header] + [
        [path, *(_cell(stats.get(key)) for key, _ in _TABLE_COLUMNS)]
        for path, stats in rows
    ]
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    lines = ["", "Readability (body prose only):"]
    for row in table:
        cells = [row[0].ljust(widths[0])] + [cell.rjust(widths[i]) for i, cell in enumerate(row) if i]
        lines.append("  " + "  ".join(cells).rstrip())
    return "\n".join(lines) + "\n"


def _positive(value) -> None:
    if value <= 0:
        raise OptionError(f"must be greater than 0, got {value!r}")


class ReadingGrade(Check):
    id = "readability-grade"
    category = "readability"
    severity = Severity.INFO
    summary = "Article reads above the target grade (Flesch-Kincaid and Coleman-Liau)."
    options = (
        Option("max_grade", 10.0, "highest acceptable reading grade (mean of Flesch-Kincaid and Coleman-Liau)",
               type=float, validate=_positive),
        Option("min_words", 50, "articles with fewer words of body prose are not scored", type=int,
               validate=_positive),
    )
    docs = Docs(
        flags="An article whose body prose scores above the target reading grade: the mean of the "
        "Flesch-Kincaid grade and the Coleman-Liau index, both reported. Headlines, crossheads, "
        "lists, tables and code are not scored; articles under min_words are skipped.",
        why="Wire copy aims near grade 8 to 10 so that any reader can follow it at a glance. A high "
        "score means long sentences and long words; it points at the story to edit, not at one line.",
        example="The administration's comprehensive infrastructure modernization initiative, "
        "characterized by unprecedented intergovernmental coordination and considerable "
        "organizational complexity, necessitates substantial additional appropriations, "
        "according to congressional budgetary analysts. Municipal representatives "
        "consequently anticipate protracted negotiations regarding implementation "
        "responsibilities, environmental documentation requirements and the "
        "prioritization of deteriorating transportation facilities across economically "
        "disadvantaged metropolitan communities. Administration spokespeople "
        "characterized preliminary estimations as considerably underdetermined.",
        better="The government wants to fix old roads and bridges. It will need more money, "
        "budget experts in Congress said. City leaders expect long talks. They will argue "
        "about who does the work and who checks the effect on the land. They also want the "
        "worst roads in poor areas fixed first. Work could start next year if the money comes "
        "through, the leaders said.",
    )

    def check(self, doc: Document, ctx: CheckContext) -> Iterable[Finding]:
        scores = article_scores(doc)
        if scores.words < ctx.options["min_words"] or not scores.sentences:
            return
        target = ctx.options["max_grade"]
        if scores.grade <= target:
            return
        first = doc.sentences[_body_sentence_indices(doc)[0]]
        message = (
            f"The article reads at grade {scores.grade:.1f}, above the target of {target:g} "
            f"(Flesch-Kincaid {scores.flesch_kincaid_grade:.1f}, Coleman-Liau {scores.coleman_liau_index:.1f}; "
            f"{scores.words / scores.sentences:.1f} words a sentence). Shorten sentences and prefer plain words."
        )
        yield self.finding(first.start, first.end, message, **scores.as_dict())


class SentenceLength(Check):
    id = "readability-sentence-length"
    category = "readability"
    severity = Severity.INFO
    summary = "Sentences longer than max_words words."
    options = (Option("max_words", 35, "longest acceptable sentence, in words", type=int, validate=_positive),)
    docs = Docs(
        flags="A sentence in a paragraph, or a list item written as a full sentence, with more than "
        "max_words words (default 35). Headlines, crossheads and bylines are not checked, nor is a "
        "sentence that is entirely a quotation (the speaker's words are not the writer's to cut).",
        why="Readers lose the thread of a long sentence; in news copy one sentence should carry one "
        "idea. Splitting it is the quickest readability fix there is.",
        example="The council voted on Tuesday night to approve the new budget, which raises parking "
        "fees in the city centre, cuts library opening hours at four branches and delays the "
        "planned renovation of the main swimming pool until at least the spring of next year.",
        better="The council approved the new budget on Tuesday night. It raises parking fees in the "
        "city centre and cuts library hours at four branches. The main swimming pool will not be "
        "renovated until next spring at the earliest.",
    )

    def check(self, doc: Document, ctx: CheckContext) -> Iterable[Finding]:
        limit = ctx.options["max_words"]
        tokens_by_sentence = sentence_tokens(doc)
        norm = doc.normalized
        for index, sentence in enumerate(doc.sentences):
            tokens = tokens_by_sentence[index]
            if len(tokens) <= limit:  # a token count is never below the word count
                continue
            count = word_count(tokens)
            if count <= limit:
                continue
            kind = doc.blocks[sentence.block].kind
            if kind not in _BODY and not (kind == _LIST and _SENTENCE_END.search(norm, sentence.start, sentence.end)):
                continue
            if doc.in_quotation(sentence.start, sentence.end):
                continue
            yield self.finding(
                sentence.start,
                sentence.end,
                f"This sentence has {count} words (limit {limit}); split it.",
                words=count,
            )


class ParagraphLength(Check):
    id = "readability-paragraph-length"
    category = "readability"
    severity = Severity.INFO
    summary = "Paragraphs with more than max_sentences sentences."
    options = (
        Option("max_sentences", 4, "most sentences a news paragraph should have", type=int, validate=_positive),
    )
    docs = Docs(
        flags="A body paragraph with more than max_sentences sentences (default 4). Headings and list "
        "items are not paragraphs.",
        why="News paragraphs are short: one to three sentences, one idea each. A long block of text "
        "on a phone screen looks like a wall and readers skip it.",
        example="The storm reached the coast at dawn. Winds tore roofs from houses. Power failed across "
        "the county. Schools stayed shut. Roads were closed by noon.",
        better="The storm reached the coast at dawn. Winds tore roofs from houses.\n\n"
        "Power failed across the county. Schools stayed shut, and roads were closed by noon.",
    )

    def check(self, doc: Document, ctx: CheckContext) -> Iterable[Finding]:
        limit = ctx.options["max_sentences"]
        norm = doc.normalized
        per_block: Counter[int] = Counter(
            s.block for s in doc.sentences if _HAS_ALNUM.search(norm, s.start, s.end)
        )
        for index, count in sorted(per_block.items()):
            block = doc.blocks[index]
            if block.kind not in _BODY or count <= limit:
                continue
            yield self.finding(
                block.start,
                block.end,
                f"This paragraph has {count} sentences (limit {limit}); break it up.",
                sentences=count,
            )


@hookimpl
def newslint_register_checks():
    return [ReadingGrade(), SentenceLength(), ParagraphLength()]
