"""Where the publication date comes from, and the knowledge bases behind date-anachronism."""
from __future__ import annotations

import csv
import datetime as dt
import json

import pytest

from conftest import EXAMPLES, run_cli
from newslint.dates.knowledge import KnowledgeError, build_events, load_events, load_officeholders
from newslint.engine import Linter, RunOptions, lint_text
from newslint.resources import load_rules_file

DATE_RULES = ["date-weekday-mismatch", "date-invalid", "date-anachronism", "date-anniversary"]


def publication(text, kind="text", date=None):
    linter = Linter(RunOptions(entry_points=False, select=["date-invalid"], date=date))
    linter.prepare([linter.config_for(None)])
    result = linter.lint_text("article." + {"text": "txt", "markdown": "md", "html": "html"}[kind], text, kind)
    return result.publication_date, result.date_source


# -- publication date ---------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, date, source",
    [
        ("Council approves tram\n\nGLASGOW, Monday 6 October 2025\n\nThe council voted.\n",
         dt.date(2025, 10, 6), "dateline 'GLASGOW, Monday 6 October 2025'"),
        ("11.3 C\nEstonia\nSaturday, May 17, 2025\n\nUS wants talks\n\nThe body text.\n",
         dt.date(2025, 5, 17), "dateline 'Saturday, May 17, 2025'"),
        ("Headline\n\nBy Jane Smith | 3 March 2022\n\nBody.\n", dt.date(2022, 3, 3),
         "dateline 'By Jane Smith | 3 March 2022'"),
        ("Headline\n\nUpdated: 5 March 2022\nPublished: 3 March 2022 10:32 GMT\n\nBody.\n", dt.date(2022, 3, 3),
         "dateline 'Published: 3 March 2022 10:32 GMT'"),
        ("KYIV, Ukraine, March 3, 2022 -- Russian forces shelled the city on Thursday.\n", dt.date(2022, 3, 3),
         "dateline 'KYIV, Ukraine, March 3, 2022'"),
    ],
)
def test_a_leading_dateline_gives_the_publication_date(text, date, source):
    assert publication(text, date=dt.date(2020, 1, 1)) == (date, source)


@pytest.mark.parametrize(
    "text",
    [
        # A caption holding a full date is not a dateline.
        "Talks fail\n\nNATO chief Jens Stoltenberg, on the right, welcomes Alexander Grushko ahead of the "
        "NATO-Russia Council at NATO Headquarters in Brussels on 12 January 2022.\n\nBody.\n",
        # A body sentence is not either.
        "Talks fail\n\nThe talks on 12 January 2022 failed.\n",
    ],
)
def test_a_sentence_with_a_date_is_not_a_dateline(text):
    assert publication(text, date=dt.date(2020, 1, 1)) == (dt.date(2020, 1, 1), "--date")


def test_front_matter_wins_over_a_dateline():
    text = "---\ntitle: Tram\ndate: 2025-10-07\n---\n\nGLASGOW, Monday 6 October 2025\n\nThe council voted.\n"
    assert publication(text, kind="markdown") == (dt.date(2025, 10, 7), "front matter 'date'")


def test_html_meta_wins_and_the_example_page_reports_it():
    html = (EXAMPLES / "summit-report.html").read_text(encoding="utf-8")
    date, source = publication(html, kind="html")
    assert date == dt.date(2025, 8, 20) and "article:published_time" in source


def test_json_output_reports_the_dateline_as_the_source(tmp_path):
    article = tmp_path / "tram.txt"
    article.write_text("Council approves tram\n\nGLASGOW, Monday 6 October 2025\n\nThe council voted.\n")
    out = run_cli("check", str(article), "--format", "json", "--select", "date-invalid", "--date", "2024-01-01")
    report = json.loads(out.stdout)
    (entry,) = report["files"]
    assert entry["publication_date"] == "2025-10-06"
    assert entry["publication_date_source"] == "dateline 'GLASGOW, Monday 6 October 2025'"


def test_the_example_page_mixes_quiet_dates_with_three_mistakes():
    html = (EXAMPLES / "summit-report.html").read_text(encoding="utf-8")
    findings = lint_text(html, select=DATE_RULES, kind="html", path="summit-report.html")
    assert sorted(f.rule for f in findings) == ["date-anachronism", "date-anniversary", "date-weekday-mismatch"]
    flagged = {f.rule: html[f.start : f.end] for f in findings}
    assert flagged["date-weekday-mismatch"] == "Thursday, August 15, 2025"
    assert flagged["date-anachronism"] == "Chancellor Olaf Scholz"
    assert flagged["date-anniversary"].startswith("30th anniversary")


# -- officeholders -----------------------------------------------------------------------
_REFERENCE_OFFICES = {
    ("President", "United States"): "us-president",
    ("Vice President", "United States"): "us-vice-president",
    ("Secretary of State", "United States"): "us-secretary-of-state",
    ("President", "Russia"): "russia-president",
    ("Acting President", "Russia"): "russia-president",
    ("Prime Minister", "Russia"): "russia-prime-minister",
    ("Foreign Minister", "Russia"): "russia-foreign-minister",
    ("President", "Ukraine"): "ukraine-president",
    ("Acting President", "Ukraine"): "ukraine-president",
    ("Prime Minister", "United Kingdom"): "uk-prime-minister",
    ("Chancellor", "Germany"): "germany-chancellor",
    ("President", "France"): "france-president",
    ("Secretary General", "NATO"): "nato-secretary-general",
    ("Secretary-General", "United Nations"): "un-secretary-general",
    ("President", "China"): "china-president",
    ("General Secretary of the CCP", "China"): "china-party-leader",
    ("President of the European Commission", "European Union"): "eu-commission-president",
}


def test_every_reference_term_is_covered_so_no_true_title_is_flagged(shared_dir):
    """Each row of the shared reference table lies inside the knowledge base's terms for that person."""
    kb = load_officeholders()
    offices = {o.id: o for o in kb.offices}
    checked = 0
    with (shared_dir / "reference" / "officeholders.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            office_id = _REFERENCE_OFFICES.get((row["title"], row["country"]))
            if office_id is None or row["confidence"] == "uncertain":
                continue  # acting deputies the base leaves out, rows the table itself doubts
            start = dt.date.fromisoformat(row["start"])
            end = dt.date.fromisoformat(row["end"]) if row["end"] else dt.date(2026, 1, 1)
            terms = [t for t in offices[office_id].terms if t.person == row["name"]]
            covered = [t for t in terms if t.start <= start and (t.end is None or t.end >= end)]
            assert covered, f"{row['name']} as {row['title']} {start}..{end} is not covered: {terms}"
            checked += 1
    assert checked >= 70


def test_every_office_has_ordered_terms_and_named_titles():
    kb = load_officeholders()
    assert len(kb.offices) >= 40
    for office in kb.offices:
        assert office.titles and office.label
        for earlier, later in zip(office.terms, office.terms[1:]):
            assert earlier.start <= later.start
        for term in office.terms:
            assert term.end is None or term.end > term.start, (office.id, term)
    ids = {o.id for o in kb.offices}
    for needed in ("us-president", "russia-president", "china-president", "india-prime-minister",
                   "japan-prime-minister", "brazil-president", "ecb-president", "fed-chair",
                   "un-secretary-general", "nato-secretary-general", "eu-commission-president",
                   "uk-foreign-secretary", "ukraine-foreign-minister", "china-foreign-minister"):
        assert needed in ids


@pytest.mark.parametrize("pack, rule", [("officeholders.yaml", "date-anachronism"), ("events.yaml", "date-anachronism")])
def test_knowledge_base_examples_fire_and_stay_silent(pack, rule):
    data = load_rules_file(pack)
    examples = [e for entry in data.get("events", []) for e in _pairs(entry.get("examples"))]
    examples += list(_pairs(data.get("examples")))
    assert examples
    for expected, example in examples:
        found = lint_text(example["text"], select=[rule], date=example["date"])
        assert bool(found) == expected, (example["text"], [f.message for f in found])


def _pairs(examples):
    for expected, key in ((True, "fires"), (False, "silent")):
        for example in (examples or {}).get(key, []):
            yield expected, example


def test_every_event_has_examples_both_ways():
    for entry in load_rules_file("events.yaml")["events"]:
        assert entry["examples"]["fires"] and entry["examples"]["silent"], entry["id"]
    assert len(load_events()) >= 25


def test_a_malformed_newsroom_event_file_names_the_entry():
    with pytest.raises(KnowledgeError, match=r"local.yaml: events\[0\]: bad regular expression"):
        build_events([("local.yaml", {"events": [{"id": "x", "name": "x", "date": "2020-01-01", "cue": "("}]})])


def test_a_newsroom_adds_an_officeholder_file(tmp_path):
    (tmp_path / "mayors.yaml").write_text(
        "people:\n  Susan Aitken: [Aitken]\noffices:\n  - id: glasgow-council-leader\n"
        "    label: leader of Glasgow City Council\n    titles: [council leader]\n    holders:\n"
        "      - {name: Gordon Matheson, from: 2010-10-01, to: 2015-10-15}\n"
        "      - {name: Frank McAveety, from: 2015-10-15, to: 2017-05-18}\n"
        "      - {name: Susan Aitken, from: 2017-05-18, to: null}\n",
        encoding="utf-8",
    )
    options = {"date-anachronism": {"officeholder_files": [str(tmp_path / "mayors.yaml")]}}
    text = "In 2014, council leader Susan Aitken opened the bridge."
    (finding,) = lint_text(text, select=["date-anachronism"], options=options)
    assert "In 2014 the leader of Glasgow City Council was Gordon Matheson, not Susan Aitken." in finding.message
    assert lint_text(text, select=["date-anachronism"]) == []
