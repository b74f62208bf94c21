"""speculative-forecast: what fires, what stays silent, spans, messages, options, config, seeds."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from newslint.checks.forecasts import CUE_LISTS
from newslint.config import ConfigError
from newslint.engine import lint_text
from newslint.findings import Severity
from newslint.resources import load_rules_file

from conftest import EXAMPLES, run_cli

RULE = "speculative-forecast"
EVAL = Path(__file__).parent / "data" / "forecasts_eval.yaml"


def forecasts(text: str, kind: str = "text", **options) -> list:
    return lint_text(text, select=[RULE], kind=kind, path="a.md" if kind == "markdown" else "a.txt",
                     options={RULE: options} if options else None)


def flagged(text: str, **options) -> list[str]:
    """The flagged spans of ``text``."""
    return [text[f.start:f.end] for f in forecasts(text, **options)]


# -- the cue file's own examples ------------------------------------------------------------

def _cue_examples(outcome: str) -> list[tuple[str, str]]:
    data = load_rules_file("forecast-cues.yaml")
    return [(name, text) for name in CUE_LISTS for text in data[name]["examples"][outcome]]


def test_cue_file_has_every_list_with_examples():
    data = load_rules_file("forecast-cues.yaml")
    assert "rules" not in data  # would make it a declarative pack
    for name in CUE_LISTS:
        assert data[name]["cues"], name
        assert set(data[name]["examples"]) == {"fire", "quiet"}, name


@pytest.mark.parametrize(("cue_list", "text"), _cue_examples("fire"))
def test_cue_example_fires(cue_list, text):
    assert forecasts(text), f"{cue_list}: {text!r} should fire"


@pytest.mark.parametrize(("cue_list", "text"), _cue_examples("quiet"))
def test_cue_example_stays_quiet(cue_list, text):
    assert forecasts(text) == [], f"{cue_list}: {text!r} should stay quiet"


# -- precision and recall on labelled examples --------------------------------------------

def _score() -> dict[str, int]:
    data = yaml.safe_load(EVAL.read_text(encoding="utf-8"))
    counts = {"tp": 0, "fp": 0, "fn": 0}
    for item in data["sentences"]:
        fired = bool(forecasts(item["text"]))
        if fired and item["fire"]:
            counts["tp"] += 1
        elif fired:
            counts["fp"] += 1
        elif item["fire"]:
            counts["fn"] += 1
    for article in data["articles"]:
        text = article["text"]
        expected = [(text.index(p), text.index(p) + len(p)) for p in article["forecasts"]]
        hit = set()
        for f in forecasts(text, kind="markdown"):
            matched = [i for i, (s, e) in enumerate(expected) if f.start < e and s < f.end]
            hit.update(matched)
            counts["fp"] += not matched
        counts["tp"] += len(hit)
        counts["fn"] += len(expected) - len(hit)
    return counts


def test_precision_and_recall_on_labelled_examples(capsys):
    c = _score()
    precision = c["tp"] / (c["tp"] + c["fp"])
    recall = c["tp"] / (c["tp"] + c["fn"])
    with capsys.disabled():
        print(f"\nspeculative-forecast on {EVAL.name}: precision {precision:.3f}, recall {recall:.3f} ({c})")
    assert precision >= 0.9
    assert recall >= 0.8


# -- behaviour an editor cares about ------------------------------------------------------

def test_span_is_the_forecasting_clause_not_the_sentence():
    text = "Prices rose 3 per cent last year, and rents will keep climbing for a decade."
    assert flagged(text) == ["rents will keep climbing for a decade"]


@pytest.mark.parametrize(
    "text, fires",
    [
        ("The conductor will be 90 next month and still tours.", False),
        ("He will turn 65 in March, the age at which judges retire.", False),
        ("The bridge will be 40 years old in May.", False),
        ("Turnout will be 40% or less in the rural wards.", True),
        ("Prices will be 10 times higher by the end of the decade.", True),
    ],
)
def test_an_age_after_will_is_the_calendar_not_a_forecast(text, fires):
    assert bool(flagged(text)) is fires


@pytest.mark.parametrize(
    "text, fires",
    [
        ("If the rains fail, the harvest will be poor.", False),
        ("If convicted, he will face up to ten years in prison.", False),
        ("Unless the council acts, the library will close for good.", False),
        ("Should the talks collapse, the fighting will resume.", False),
        ("Shares will fall unless the board resigns.", False),
        ("Taxes will rise by 2% if the bill passes.", False),
        ("Even if the rains come, the harvest will be poor.", True),
        ("If anything, the crisis will deepen.", True),
        ("The truce will not last, if history is any guide.", True),
        ("The economy will shrink this year, if not next.", True),
        ("Prices will rise as if nothing had happened.", True),
    ],
)
def test_a_condition_makes_a_future_a_consequence_not_a_forecast(text, fires):
    assert bool(flagged(text)) is fires


def test_conditional_forecasts_are_info_on_request_and_say_so():
    [finding] = forecasts("If the bill passes, taxes will rise next year.", report_hedged=True)
    assert finding.severity is Severity.INFO
    assert finding.message.startswith('Conditional prediction: "If the bill passes, taxes will rise next year".')


def test_span_of_a_label_covers_label_and_claim():
    text = "Sales fell again.\n\nTrend forecast: Expect more closures on the high street."
    assert flagged(text) == ["Trend forecast: Expect more closures on the high street"]


def test_message_names_the_forecast_and_the_fix():
    [finding] = forecasts("The truce will break down within a month.")
    assert finding.severity is Severity.WARNING
    assert finding.message.startswith('Prediction stated as fact: "The truce will break down within a month".')
    for fix in ("Attribute", "hedge", "cut"):
        assert fix in finding.message


def test_messages_name_the_cue():
    [imperative] = forecasts("Expect fares to climb.")
    assert imperative.message.startswith('"Expect fares to climb" tells readers what to expect')
    [certain] = forecasts("The scheme is doomed to fail.")
    assert certain.message.startswith('"is doomed to" states a prediction as certain')
    [label] = forecasts("Prediction: the merger collapses.")
    assert label.message.startswith('The label "Prediction:" presents a prediction as fact')


def test_long_forecasts_are_shortened_in_the_message():
    text = "The truce will break down " + "and the fighting will resume along every front line " * 3 + "."
    [finding] = forecasts(text)
    quoted = finding.message.split('"')[1]
    assert quoted.endswith("...") and len(quoted) <= 84


def test_one_finding_per_sentence():
    assert len(forecasts("The reforms will fail, and the minister will be gone by Christmas.")) == 1


def test_quotation_and_speech_tag_stay_quiet_but_the_writer_does_not():
    text = '"Rents will keep climbing," the agent said. Rents will keep climbing.'
    assert flagged(text) == ["Rents will keep climbing"]
    assert forecasts(text)[0].start == text.rindex("Rents")


def test_attribution_after_the_forecast_needs_a_tag():
    # "guarantees that" inside the forecast's own clause does not hand it to anyone.
    text = "The war will only end when Moscow has guarantees that its borders are safe."
    assert len(forecasts(text)) == 1
    assert forecasts("The war will only end soon, officials said.") == []


def test_markdown_blockquote_is_quoted_material():
    text = "> The housing market will recover by spring.\n\nThe housing market will recover by spring.\n"
    [finding] = forecasts(text, kind="markdown")
    assert finding.location.line == 3


def test_headings_that_pose_questions_or_titles_stay_quiet():
    text = "# Outlook: what next for the high street\n\nShops closed.\n\n## Will rents fall?\n"
    assert forecasts(text, kind="markdown") == []


def test_docs_example_fires_and_better_stays_quiet():
    from newslint.checks.forecasts import SpeculativeForecast

    docs = SpeculativeForecast.docs
    assert forecasts(docs.example)
    assert forecasts(docs.better) == []


# -- options ----------------------------------------------------------------------------

def test_hedged_forecasts_are_quiet_by_default_and_info_on_request():
    text = "The coalition will likely collapse before the budget. The truce could break down."
    assert forecasts(text) == []
    found = forecasts(text, report_hedged=True)
    assert [f.severity for f in found] == [Severity.INFO, Severity.INFO]
    assert found[0].message.startswith('Hedged prediction: "The coalition will likely collapse before the budget".')


def test_hedged_option_still_ignores_the_past_and_sources():
    text = "He could have won. Analysts said prices may rise. The May elections were close."
    assert forecasts(text, report_hedged=True) == []


def test_hedged_option_keeps_unhedged_forecasts_as_warnings():
    [finding] = forecasts("Rents will keep climbing.", report_hedged=True)
    assert finding.severity is Severity.WARNING


def test_extra_cues_extend_the_lists():
    text = "Crystal ball: the mill closes within a year."
    assert forecasts(text) == []
    assert flagged(text, extra_cues={"labels": ["crystal ball"]}) == [text.rstrip(".")]
    quiet = "The mill will go bust within a year, the gossip goes."
    assert forecasts(quiet)
    assert forecasts(quiet, extra_cues={"attribution": ["the gossip goes"]}) == []


@pytest.mark.parametrize("bad", [{"labelz": ["x"]}, {"labels": "x"}, {"labels": [""]}])
def test_bad_extra_cues_are_a_config_error(bad):
    with pytest.raises(ConfigError, match="extra_cues"):
        forecasts("Text.", extra_cues=bad)


# -- configuration, end to end -----------------------------------------------------------

COLUMN = "# Rents\n\nRents will keep climbing for the rest of the decade.\n"


def test_opinion_folder_is_exempt_through_a_per_glob_override(tmp_path):
    (tmp_path / ".newslint.yaml").write_text(
        "overrides:\n  - files: [opinion/**]\n    ignore: [speculative-forecast]\n", encoding="utf-8"
    )
    for folder in ("opinion", "news"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "rents.md").write_text(COLUMN, encoding="utf-8")
    result = run_cli("check", ".", "--select", RULE, "--format", "json", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    assert [(Path(f["path"]).parts[-2], f["line"]) for f in report["findings"]] == [("news", 3)]

    (tmp_path / "news" / "rents.md").unlink()
    result = run_cli("check", ".", "--select", RULE, cwd=tmp_path)
    assert result.returncode == 0, result.stdout


def test_report_hedged_from_a_config_file(tmp_path):
    (tmp_path / ".newslint.yaml").write_text(
        "rules:\n  speculative-forecast: {report_hedged: true}\n", encoding="utf-8"
    )
    (tmp_path / "a.md").write_text("Rents may keep climbing.\n", encoding="utf-8")
    result = run_cli("check", "a.md", "--select", RULE, "--format", "json", cwd=tmp_path)
    assert result.returncode == 0  # info is below the default fail level
    [finding] = json.loads(result.stdout)["findings"]
    assert finding["severity"] == "info"


def test_example_column():
    result = run_cli("check", str(EXAMPLES / "outlook-column.md"), "--select", RULE, "--format", "json")
    assert result.returncode == 1
    text = (EXAMPLES / "outlook-column.md").read_text(encoding="utf-8")
    spans = [text[f["start"]:f["end"]] for f in json.loads(result.stdout)["findings"]]
    assert spans == [
        "Expect the levy to pass",
        "Rents will keep climbing until the council releases more land for building",
        "Outlook: a long, slow year for anyone hoping to sell",
        "The harbour board's decision is bound to dominate the summer's local election campaign",
    ]


# -- the seed articles ---------------------------------------------------------------------

def _seed_findings(seed_texts, name_prefix):
    [(name, text)] = [(n, t) for n, t in seed_texts.items() if n.startswith(name_prefix)]
    return text, forecasts(text)


def test_seed_expect_paragraphs_fire(seed_texts):
    text, found = _seed_findings(seed_texts, "000_")
    spans = [text[f.start:f.end] for f in found]
    assert any(s.startswith("Future trend: Expect a series of diplomatic") for s in spans)
    assert any(s.startswith("Trend forecast: Expect more") for s in spans)
    # "will likely stay on the diplomatic agenda" is hedged; the FAQ question asks.
    assert not any("will likely" in s or s.startswith("Will") for s in spans)


def test_seed_opinion_forecast_fires(seed_texts):
    text, found = _seed_findings(seed_texts, "002_")
    assert any(text[f.start:f.end].startswith("The conflict will only end when") for f in found)


def test_seed_attributed_and_quoted_predictions_stay_quiet(seed_texts):
    text, found = _seed_findings(seed_texts, "004_")
    trenin = text.index("Trenin predicted")
    worse = text.index("only getting worse")
    for f in found:
        assert not f.start <= trenin < f.end
        assert not f.start <= worse < f.end
    assert found == []


def test_seeds_raise_no_more_than_a_handful_of_findings(seed_texts):
    # An editor reads every one of these: the check must not bury the five articles in alarms.
    total = sum(len(forecasts(t)) for t in seed_texts.values())
    assert 3 <= total <= 6


# -- the fast paths agree with the plain patterns ----------------------------------------------
#
# The check runs its cue patterns with RE2 on an ASCII view of the text and skips patterns a
# prefilter rules out. Python's ``re`` on the text (``Cues(..., use_re2=False)``) is the plain
# form; these tests hold the fast one to it on random mixes of cue words, punctuation and
# non-ASCII letters, digits and spaces.

# Non-ASCII characters of each class the view tells apart, and ASCII ones RE2 reads differently.
ODD_CHARS = ["\u00e9", "\u00c9", "\u0663", "\u00b2", "\u00a0", "\u3000", "\u2014", "\u2013", "\u2026", "\u00a3",
             "\u0130", "\x0b", "\x1c", "\x1f", "\x85", "\u2009", "_", "1", "9", "\t"]
SEPARATORS = [" ", "  ", "\n", "\n\n", ", ", ". ", ":", ": ", " : ", ";", "; ", "'", '"', "(", "-", " - ", "", *ODD_CHARS]
EXTRA_CUES = {"imperatives": ["'til dawn"], "labels": ["crystal ball"], "attribution": ["'til then"],
              "hedges": ["odds-on"], "set_phrases": ["mark you"]}


def _random_texts(words: list[str], count: int, seed: int) -> list[str]:
    import random

    rng = random.Random(seed)
    words = words + ["the", "rates", "xwill", "willy", "Will", "2024", "10:30", "7am", "March", "may", "mayor",
                     "\u00e9t\u00e9", "_x", "X", "D", "caf\u00e9", "\u0663\u0663", "500", "\u00a34bn"]
    return ["".join(rng.choice(words) + rng.choice(SEPARATORS) for _ in range(rng.randint(1, 30)))
            for _ in range(count)]


def _fast_and_plain(extra):
    from newslint.checks.forecasts import Cues, load_cue_lists

    lists = load_cue_lists(extra)
    return lists, Cues(lists, hedged_triggers=True), Cues(lists, hedged_triggers=True, use_re2=False)


PATTERNS = ("trigger", "certainty", "hedge", "hedged_complement", "attribution", "set_phrase", "schedule")


@pytest.mark.parametrize("extra", [{}, EXTRA_CUES, {"hedges": ["peut-\u00eatre"]}])
def test_re2_patterns_find_what_python_finds(extra):
    """``finditer``, ``search`` in any window and ``match`` anywhere give the same spans
    with RE2 on the ASCII view as with Python's ``re`` on the lower-cased text."""
    import random

    from newslint.text.ascii_view import ascii_view, lower_one_for_one

    lists, fast, plain = _fast_and_plain(extra)
    words = [w for name in lists for phrase in lists[name] for w in phrase.split()]
    rng = random.Random(3)
    for text in _random_texts(words, 1500, seed=5):
        low = lower_one_for_one(text)
        view = ascii_view(low)
        assert len(view) == len(low)
        for name in PATTERNS:
            f, p = getattr(fast, name), getattr(plain, name)
            assert f.spans(low, view) == p.spans(low, view), (name, text)
            for _ in range(3):
                start, end = sorted(rng.randint(0, len(low)) for _ in range(2))
                assert f.search(low, view, start, end) == p.search(low, view, start, end), (name, text, start, end)
                assert f.match(low, view, start) == p.match(low, view, start), (name, text, start)


def test_cues_outside_ascii_fall_back_to_python():
    """A cue outside ASCII cannot be looked for in the ASCII view; its list runs on Python's ``re``."""
    _, fast, _ = _fast_and_plain({"hedges": ["peut-\u00eatre"]})
    assert not fast.hedge.uses_re2 and fast.trigger.uses_re2
    text = "Rents will, peut-\u00catre, keep climbing."
    assert forecasts(text)
    assert forecasts(text, extra_cues={"hedges": ["peut-\u00eatre"]}) == []


@pytest.mark.parametrize("extra", [{}, EXTRA_CUES])
def test_prefilter_reports_every_list_that_matches(extra):
    """The prefilter may report a list that does not match, never miss one that does,
    in the whole sentence or in any window of it (as the check searches clauses)."""
    import random

    from newslint.checks.forecasts import _GRAMMAR
    from newslint.text.ascii_view import ascii_view, lower_one_for_one

    lists, fast, plain = _fast_and_plain(extra)
    prefilter = fast.prefilter
    exact = {
        "attribution": plain.attribution, "hedges": plain.hedge, "set_phrases": plain.set_phrase,
        "certainty_adverbs": plain.certainty,
    }
    words = [w for name in lists for phrase in lists[name] for w in phrase.split()] + [
        "\u00a3", "$", "bn", "million", "1,000", "and", "but", "so"]
    rng = random.Random(9)
    ruled_out = 0
    for text in _random_texts(words, 3000, seed=13):
        low = lower_one_for_one(text)
        view = ascii_view(low)
        reported = prefilter.lists_in(view)
        for _ in range(4):
            start, end = sorted(rng.randint(0, len(low)) for _ in range(2))
            found = {name for name, pattern in exact.items() if pattern.search(low, view, start, end)}
            if plain.hedged_complement.search(low, view, start, end):
                found.add("hedges")
            if _GRAMMAR.plan_figure.search(text, start, end):
                found.add("figures")
            if plain.clause_break.search(low, start, end):
                found.add("clause_breaks")
            assert found <= reported, (text, start, end, found - reported)
        ruled_out += len(reported) < 6
    assert ruled_out > 1000  # and it does rule lists out


def _documents(count: int, seed: int) -> list[tuple[str, str]]:
    """Random articles made of labelled and example sentences, with markup and odd characters."""
    import random

    data = yaml.safe_load(EVAL.read_text(encoding="utf-8"))
    cue_file = load_rules_file("forecast-cues.yaml")
    sentences = [item["text"] for item in data["sentences"]]
    sentences += [t for name in CUE_LISTS for kind in ("fire", "quiet") for t in cue_file[name]["examples"][kind]]
    for article in data["articles"]:
        sentences += [s + "." for s in article["text"].split(". ") if s]
    rng = random.Random(seed)
    starts = ["", "", "", "- ", "> ", "## ", "1. ", "Outlook: ", "Crystal ball: "]
    joins = [" ", " ", "\n\n", "\n"]
    documents = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(1, 6)):
            sentence = list(rng.choice(sentences))
            for _ in range(rng.randint(0, 3)):  # odd characters where the view differs from the text
                i = rng.randrange(len(sentence) + 1)
                sentence[i:i] = [rng.choice(ODD_CHARS)]
            parts.append(rng.choice(starts) + "".join(sentence) + rng.choice(joins))
        documents.append(("".join(parts), rng.choice(["markdown", "text"])))
    return documents


@pytest.mark.parametrize("options", [{}, {"report_hedged": True, "extra_cues": EXTRA_CUES}])
def test_fast_check_finds_what_the_plain_check_finds(monkeypatch, options):
    """The whole check, RE2 and prefilter on, reports exactly what Python's ``re`` alone reports."""
    from newslint.checks.base import CheckContext
    from newslint.checks.forecasts import Cues, SpeculativeForecast, load_cue_lists
    from newslint.markup import parse_document

    lists = load_cue_lists(options.get("extra_cues"))
    hedged = options.get("report_hedged", False)
    cues = {use_re2: Cues(lists, hedged, use_re2=use_re2) for use_re2 in (True, False)}
    check, ctx = SpeculativeForecast(), CheckContext(options={"report_hedged": hedged}, config=None)

    def findings(text, kind, use_re2):
        monkeypatch.setattr(SpeculativeForecast, "_cues", lambda self, ctx: cues[use_re2])
        doc, _ = parse_document("a." + ("md" if kind == "markdown" else "txt"), text, kind)
        return [(f.start, f.end, f.message, f.severity) for f in check.check(doc, ctx)]

    examples = [(p.read_text(encoding="utf-8"), "markdown") for p in sorted(EXAMPLES.iterdir())]
    total = 0
    for text, kind in examples + _documents(1500, seed=21):
        fast = findings(text, kind, True)
        assert fast == findings(text, kind, False), text
        total += len(fast)
    assert total > 300  # the documents do hold forecasts


@pytest.mark.parametrize("use_re2", [True, False])
@pytest.mark.parametrize("extra", [{}, {"labels": ["crystal ball", "re: forecast"]}, {"labels": ["pr\u00e9vision"]}])
def test_label_starts_match_the_plain_pattern(extra, use_re2):
    """Labels found with their colons are what ``finditer`` of the plain label pattern finds."""
    from newslint.checks.forecasts import Cues, _label_starts, load_cue_lists
    from newslint.text.ascii_view import ascii_view

    lists = load_cue_lists(extra)
    cues = Cues(lists, hedged_triggers=False, use_re2=use_re2)
    words = [w for phrase in lists["labels"] + lists["attribution"] for w in phrase.split()]
    words += ["(the", "xoutlook", "Outlook"]
    for text in _random_texts(words, 3000, seed=11):
        low = text.lower()
        assert _label_starts(cues, low, ascii_view(low)) == [m.start() for m in cues.label.finditer(low)], text
