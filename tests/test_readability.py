"""Readability checks: grade, sentence length, paragraph length, --statistics; all offline."""
from __future__ import annotations

import json
import socket
import subprocess
import sys

import pytest

from conftest import run_cli
from newslint.checks.readability import Scores, article_statistics, syllables
from newslint.engine import lint_text
from newslint.markup import parse_document

LONG_SENTENCE = (
    "The regional transport authority confirmed on Wednesday that the bus route serving the "
    "northern villages would be cut back to two journeys a day from next month because the "
    "operator could no longer find enough drivers to keep the timetable running."
)  # 41 words
HARD = (
    "The administration's comprehensive infrastructure modernization initiative necessitates "
    "considerable intergovernmental coordination. Municipal representatives anticipate protracted "
    "negotiations regarding implementation responsibilities and environmental documentation. "
    "Congressional budgetary analysts characterized preliminary estimations as considerably "
    "underdetermined. Metropolitan transportation authorities emphasized prioritization of "
    "deteriorating facilities throughout economically disadvantaged communities. Administrative "
    "representatives subsequently acknowledged considerable organizational uncertainty regarding "
    "jurisdictional accountability."
)
EASY = (
    "The town wants to fix its old roads. It needs more money first. The mayor said the work "
    "could start in May. Drivers have waited a long time. Some roads have deep holes. A bus lost "
    "a wheel last week. Nobody was hurt. The council will vote on the plan next Tuesday. Most "
    "members back it. The work should take two years."
)


def rules(text, select, **kwargs):
    return [f for f in lint_text(text, select=select, **kwargs) if f.rule in select]


def doc(text, kind="text"):
    return parse_document("a.txt", text, kind)[0]


def test_article_scores_agree_with_counting_sentence_by_sentence(monkeypatch):
    """The C-level summing in ``article_scores`` against a plain per-sentence count, with a tiny cache too."""
    import random

    from newslint.checks import readability

    def plain(d):
        tokens_by_sentence = readability.sentence_tokens(d)
        words = syllable_total = letters = sentences = 0
        longest = []
        for i, sentence in enumerate(d.sentences):
            if d.blocks[sentence.block].kind != "paragraph" or not any(c.isalnum() for c in d.normalized[sentence.start : sentence.end]):
                continue
            sentences += 1
            tokens = tokens_by_sentence[i]
            longest = tokens if len(tokens) > len(longest) else longest
            for token in tokens:
                is_word, count, size = readability.token_info(token)
                words, syllable_total, letters = words + is_word, syllable_total + count, letters + size
        return Scores(words, sentences, syllable_total, letters, readability.word_count(longest))

    pieces = ["The", "media", "area's", "3,000", "U.S.-led", "\u2014", "-", "don't", "fire", "stadium", "# Head", "- item",
              "\u00e9lan", "x", "...", "\"Quoted", "table", "walked", "it.", "Why?", "Dr.", "\n\n", "2024"]
    rng = random.Random(3)
    texts = [HARD, EASY, LONG_SENTENCE] + [
        " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 120))) for _ in range(300)
    ]
    for size in (readability._TOKEN_CACHE_SIZE, 7):
        monkeypatch.setattr(readability, "_TOKEN_CACHE_SIZE", size)
        readability._token_cache.clear()
        for kind in ("text", "markdown"):
            for text in texts:
                d = doc(text, kind)
                assert readability.article_scores(d) == plain(d), text


# -- syllables and formulas ------------------------------------------------------------------

@pytest.mark.parametrize(
    "word,count",
    [("the", 1), ("fire", 1), ("whole", 1), ("table", 2), ("people", 2), ("walked", 1), ("wanted", 2),
     ("makes", 1), ("pages", 2), ("area", 3), ("media", 3), ("government", 3), ("international", 5),
     ("readability", 5), ("lately", 2), ("don't", 1), ("2023", 1), ("post-war", 2)],
)
def test_syllable_counts_of_everyday_news_words(word, count):
    assert syllables(word) == count


def test_flesch_kincaid_formula_on_hand_counted_text():
    # "The cat sat on the mat." : 6 words, 1 sentence, 6 syllables, 17 letters
    scores = Scores(words=6, sentences=1, syllables=6, letters=17, longest_sentence=6)
    assert scores.flesch_kincaid_grade == pytest.approx(0.39 * 6 + 11.8 - 15.59)
    assert scores.coleman_liau_index == pytest.approx(0.0588 * 100 * 17 / 6 - 0.296 * 100 / 6 - 15.8)
    stats = article_statistics(doc("The cat sat on the mat."))
    assert (stats["words"], stats["sentences"], stats["syllables"]) == (6, 1, 6)
    assert stats["flesch_kincaid_grade"] == round(0.39 * 6 + 11.8 - 15.59, 1)


def test_scores_count_body_prose_only_not_headings_lists_or_code():
    markdown = (
        "# An Extraordinarily Complicated Organisational Headline\n\n"
        "The cat sat on the mat.\n\n"
        "- internationalisation considerations notwithstanding\n\n"
        "```\nincomprehensibilities = characteristically_unintelligible()\n```\n\n"
        "See https://example.org/extraordinarily/complicated for more.\n"
    )
    stats = article_statistics(parse_document("a.md", markdown, "markdown")[0])
    assert stats["sentences"] == 2
    assert stats["words"] == 6 + 3  # "See ... for more." without the URL


def test_hard_text_scores_far_above_easy_text():
    hard, easy = article_statistics(doc(HARD)), article_statistics(doc(EASY))
    assert hard["reading_grade"] > 15 > 6 > easy["reading_grade"]
    assert hard["flesch_reading_ease"] < easy["flesch_reading_ease"]


# -- readability-grade ------------------------------------------------------------------------

def test_grade_fires_once_per_article_with_both_scores():
    found = rules(HARD, ["readability-grade"])
    assert len(found) == 1
    props = found[0].properties
    assert {"flesch_kincaid_grade", "coleman_liau_index", "words", "sentences"} <= set(props)
    assert "Flesch-Kincaid" in found[0].message and "Coleman-Liau" in found[0].message
    assert HARD[found[0].start : found[0].end].startswith("The administration's")


def test_grade_silent_for_plain_copy_and_for_short_articles():
    assert rules(EASY, ["readability-grade"]) == []
    assert rules(HARD.split(". ")[0] + ".", ["readability-grade"]) == []  # under min_words


def test_grade_target_and_minimum_are_configurable():
    assert rules(EASY, ["readability-grade"], options={"readability-grade": {"max_grade": 1.0}})
    assert rules(HARD, ["readability-grade"], options={"readability-grade": {"max_grade": 60.0}}) == []
    short = HARD.split(". ")[0] + "."
    assert rules(short, ["readability-grade"], options={"readability-grade": {"min_words": 5}})


def test_grade_is_suppressed_by_a_disable_comment():
    text = "<!-- newslint-disable readability-grade -->\n\n" + HARD
    assert rules(text, ["readability-grade"], kind="markdown") == []


# -- readability-sentence-length ---------------------------------------------------------------

def test_long_sentence_fires_pointing_at_the_sentence():
    text = "Services change next month. " + LONG_SENTENCE + " Drivers are scarce."
    found = rules(text, ["readability-sentence-length"])
    assert len(found) == 1
    assert text[found[0].start : found[0].end] == LONG_SENTENCE
    assert found[0].properties["words"] == 41 and "41 words" in found[0].message


def test_sentence_limit_is_configurable_and_short_sentences_pass():
    assert rules(LONG_SENTENCE, ["readability-sentence-length"], options={
        "readability-sentence-length": {"max_words": 45}}) == []
    assert rules("Buses run twice a day. Drivers are scarce.", ["readability-sentence-length"]) == []


def test_dashes_and_numbers_are_counted_sensibly():
    # 35 words exactly once the lone dashes are left out; "3,000" is one word
    words = " ".join(["word"] * 29)
    text = f"About 3,000 people \u2014 many of them \u2014 {words}."
    assert rules(text, ["readability-sentence-length"]) == []
    assert rules(text.replace("many", "many more"), ["readability-sentence-length"])


def test_headings_fragment_lists_and_whole_quotations_are_not_checked():
    heading = "# " + LONG_SENTENCE.rstrip(".") + "\n\nShort body."
    fragment_list = "- " + LONG_SENTENCE.rstrip(".").replace(",", "") + "\n"
    quoted = '"' + LONG_SENTENCE + '"\n'
    for text in (heading, fragment_list, quoted):
        assert rules(text, ["readability-sentence-length"], kind="markdown") == [], text
    sentence_list = "- " + LONG_SENTENCE + "\n"
    assert rules(sentence_list, ["readability-sentence-length"], kind="markdown")


# -- readability-paragraph-length ---------------------------------------------------------------

def test_paragraph_with_too_many_sentences_fires_over_the_paragraph():
    para = "Rain fell. Rivers rose. Roads closed. Schools shut. Trains stopped."
    text = "Flood warning.\n\n" + para + "\n\nMore tomorrow."
    found = rules(text, ["readability-paragraph-length"])
    assert len(found) == 1 and text[found[0].start : found[0].end] == para
    assert found[0].properties["sentences"] == 5


def test_short_paragraphs_and_lists_pass_and_limit_is_configurable():
    assert rules("Rain fell. Rivers rose. Roads closed. Schools shut.", ["readability-paragraph-length"]) == []
    listed = "".join(f"- Item {n}. It matters.\n" for n in range(6))
    assert rules(listed, ["readability-paragraph-length"], kind="markdown") == []
    assert rules("Rain fell. Rivers rose. Roads closed.", ["readability-paragraph-length"],
                 options={"readability-paragraph-length": {"max_sentences": 2}})


# -- offline and lazy ----------------------------------------------------------------------------

def test_scoring_needs_no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    assert rules(HARD, ["readability-grade"])


def test_importing_newslint_checks_does_not_load_textstat_nltk_or_proselint():
    code = (
        "import sys, newslint.engine as e\n"
        "e.lint_text('Rain fell.', select=['readability-grade'])\n"
        "print(sorted(m for m in ('textstat', 'nltk', 'pyphen', 'proselint', 're2') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


# -- --statistics ----------------------------------------------------------------------------------

def test_statistics_flag_in_text_and_json(tmp_path):
    (tmp_path / "hard.txt").write_text(HARD, encoding="utf-8")
    (tmp_path / "easy.txt").write_text(EASY, encoding="utf-8")
    text = run_cli("check", str(tmp_path), "--statistics", "--select", "readability").stdout.decode()
    assert "Readability" in text and "FK GRADE" in text
    row = next(line for line in text.splitlines() if "easy.txt" in line and "[" not in line)
    assert str(article_statistics(doc(EASY))["words"]) in row.split()
    report = json.loads(run_cli("check", str(tmp_path), "--statistics", "--format", "json").stdout)
    stats = {f["path"].rsplit("/", 1)[-1]: f["statistics"] for f in report["files"]}
    assert stats["hard.txt"]["reading_grade"] > stats["easy.txt"]["reading_grade"]
    plain = json.loads(run_cli("check", str(tmp_path), "--format", "json").stdout)
    assert all("statistics" not in f for f in plain["files"])


def test_statistics_match_across_worker_processes(tmp_path):
    for n in range(3):
        (tmp_path / f"a{n}.txt").write_text(EASY if n % 2 else HARD, encoding="utf-8")
    one = json.loads(run_cli("check", str(tmp_path), "--statistics", "--format", "json").stdout)
    two = json.loads(run_cli("check", str(tmp_path), "--statistics", "--format", "json", "-j", "2").stdout)
    assert [f["statistics"] for f in one["files"]] == [f["statistics"] for f in two["files"]]
