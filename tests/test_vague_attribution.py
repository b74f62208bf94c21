"""vague-attribution: what fires, what stays silent, spans, messages, options, config, seeds."""
from __future__ import annotations

from functools import partial

import pytest
from conftest import rule_findings, rule_spans, run_cli

from newslint.engine import lint_text

RULE = "vague-attribution"


findings = partial(rule_findings, RULE)
flagged = partial(rule_spans, RULE)


@pytest.mark.parametrize(
    "text, span",
    [
        ("Experts say the new dam will change the river for generations.", "Experts say"),
        ("Analysts believe the merger will face a lengthy review.", "Analysts believe"),
        ("Critics say the scheme rewards landlords.", "Critics say"),
        ("Studies show that cyclists live longer than drivers.", "Studies show"),
        ("Research suggests the tax had little effect on smoking.", "Research suggests"),
        ("Some believe the minister was pushed out.", "Some believe"),
        ("Many people think the trams are slower than the old buses.", "Many people think"),
        ("It is widely believed that the prince will not attend.", "It is widely believed that"),
        ("Observers note that the army has pulled back from the ridge.", "Observers note"),
        ("The company is reportedly preparing to cut 500 jobs.", "reportedly"),
        ("The coach will leave at the end of the season, sources said.", "sources said"),
        ("According to reports, the talks broke down over fishing rights.", "According to reports"),
        ("Economists have long warned that the peg cannot last.", "Economists have long warned"),
        ("The defendant is said to have fled the country in May.", "is said to have"),
        ("Others argue that the ban will push sales online.", "Others argue"),
        ("The deal, insiders say, was agreed over dinner.", "insiders say"),
        ("By some estimates, the clean-up will take a decade.", "By some estimates"),
        ("A recent study found that night workers sleep less.", "A recent study found"),
        ("Polls suggest the race is tightening.", "Polls suggest"),
        ("The festival was widely seen as a failure.", "widely seen as"),
        ("There are those who say the museum should never have moved.", "There are those who say"),
        ("Supporters of the measure say it will save lives.", "Supporters of the measure say"),
        ("Several sources told the newspaper that the minister would resign.", "sources told"),
        ("The move has led some to believe that a deal is off.", "led some to believe"),
        ("The plan is unworkable, say critics.", "say critics"),
        ("Western analysts say the offensive has stalled.", "analysts say"),
        ("Russian analysts say the offensive has stalled.", "analysts say"),
        # research that is itself unnamed names nobody
        ("Experts say the outbreak is slowing, according to a recent study.", "Experts say"),
        # results that name no one who did the work are not a source (not in named_research)
        ("Critics say the results for the Democrats were poor.", "Critics say"),
    ],
)
def test_claims_attributed_to_nobody_in_particular_fire_on_the_cue(text, span):
    assert flagged(text) == [span]


@pytest.mark.parametrize(
    "text",
    [
        "Strategists at Nomura said the yen would weaken further.",
        "Nomura strategists said the yen would weaken further.",
        "Goldman Sachs economists expect two more rate cuts this year.",
        "The bank's economists said growth would slow.",
        "His critics say he is too close to the industry.",
        "A minister who attended the meeting said the vote would be delayed.",
        "Two officials familiar with the negotiations said a deal was close.",
        "Diplomatic sources said the ambassador had been recalled.",
        "Sources close to the club's owner said the manager would stay.",
        "The study, published in The Lancet, found that cyclists live longer.",
        "The researchers found that cyclists live longer than drivers.",
        "A Harvard study found that cyclists live longer than drivers.",
        "Analysts polled by Reuters had expected a smaller deficit.",
        "The chairman will have some say over the new appointments.",
        "The company is preparing to cut 500 jobs, the Financial Times reported.",
        "The company is reportedly preparing to cut 500 jobs, the Financial Times reported.",
        "According to reports in Le Monde, the talks broke down.",
        "Critics of the plan, led by the opposition leader Maria Costa, say it rewards landlords.",
        "Many of the residents who spoke to this newspaper said they would leave.",
        "The scientists found fossils of a new species near the lake.",
        "78% of the economists surveyed by the bank believe rates will fall.",
        "One in three experts say the target is out of reach.",
        "Economists at ING expect the central bank to hold rates.",
        "Jane Okafor, a professor of economics, said the peg could not last.",
        "The plan is unworkable, said analysts at Capital Economics.",
        # the sentence names the research the group's view comes from
        "Most economists expect rates to hold, a Reuters poll of 40 economists found.",
        "Most economists expect rates to hold, according to a Reuters poll.",
        "Experts say the outbreak is slowing, according to a WHO report.",
        "Analysts expect a cut in June, a survey by Bloomberg showed.",
        "Economists expect growth to slow, the central bank's survey of forecasters showed.",
    ],
)
def test_named_or_described_sources_stay_silent(text):
    assert flagged(text) == []


def test_quoted_speech_stays_silent():
    assert flagged('"Experts say all kinds of things," the mayor told the council.') == []
    assert flagged("\u201cSome people think we can keep borrowing,\u201d the finance minister said.") == []


def test_headlines_and_blockquotes_stay_silent():
    text = "# Experts say the dam is safe\n\n> Critics say the plan is unfair.\n\nThe dam opened on Monday.\n"
    assert flagged(text, "markdown") == []


def test_a_sentence_opening_word_is_a_name_only_if_the_article_never_writes_it_in_lower_case():
    text = "Night workers sleep less. Sleep experts say shifts should be shorter."
    assert flagged(text) == ["experts say"]


def test_message_names_the_cue_and_what_to_do():
    [finding] = findings("Studies show that cyclists live longer.")
    assert finding.message.startswith("'Studies show' does not say which research.")
    [finding] = findings("The company is reportedly preparing to cut jobs.")
    assert "Name the outlet" in finding.message
    [finding] = findings("The coach will leave, sources said.")
    assert "describe the sources" in finding.message
    assert finding.properties["cue"] == "sources said"


def test_extra_subjects_extend_the_list():
    text = "Pollsters say the race is tightening."
    assert flagged(text) == []
    assert flagged(text, extra_subjects=["pollsters"]) == ["Pollsters say"]


def test_extra_phrases_are_regular_expressions():
    text = "Word on the street is that the mayor will run again."
    assert flagged(text, extra_phrases=[r"\bword on the street is\b"]) == ["Word on the street is"]


def test_allow_phrases_silence_a_cue_the_desk_accepts():
    text = "Critics say the scheme rewards landlords."
    assert flagged(text, allow_phrases=["critics say"]) == []


def test_an_unsafe_extra_phrase_is_a_configuration_error(tmp_path):
    (tmp_path / ".newslint.yaml").write_text("rules:\n  vague-attribution:\n    extra_phrases: ['(a+)+b']\n")
    (tmp_path / "a.txt").write_text("Nothing to see.\n")
    result = run_cli("check", str(tmp_path / "a.txt"), cwd=tmp_path)
    assert result.returncode == 2
    err = result.stderr.decode()
    assert "extra_phrases" in err and "unsafe" in err and "Traceback" not in err


def test_cli_reports_the_rule_and_exits_1_on_warnings(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Critics say the scheme rewards landlords.\n")
    result = run_cli("check", "--select", RULE, str(article))
    assert result.returncode == 1
    assert "vague-attribution" in result.stdout.decode()


# -- the seed articles -------------------------------------------------------------------------

def test_seed_some_believe_fires(seed_texts):
    hits = [
        (name, text[f.start:f.end])
        for name, text in seed_texts.items()
        if "Some believe that" in text
        for f in lint_text(text, select=[RULE], path=name)
    ]
    if not any("Some believe that" in t for t in seed_texts.values()):
        pytest.skip("no seed says 'Some believe that'")
    assert any(span == "Some believe" for _, span in hits)


def test_seed_quoted_speech_stays_silent(seed_texts):
    from newslint.markup import parse_document

    for name, text in seed_texts.items():
        doc, _ = parse_document(name, text, "text")
        for finding in lint_text(text, select=[RULE], path=name):
            assert not doc.in_quotation(finding.start, finding.end), f"{name}: {text[finding.start:finding.end]}"
