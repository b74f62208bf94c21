"""The date checks: weekday/date pairs, impossible dates, anachronisms, anniversaries.

Each behaviour is tested both ways: the sentence an editor wants flagged fires with the
right span and message, and its near neighbour that is fine stays silent.
"""
from __future__ import annotations

import datetime as dt

import pytest

from newslint.dates.expressions import nearest_year, scan
from newslint.engine import lint_text

D = dt.date


def fired(text, rule, date=None, kind="text"):
    return [f for f in lint_text(text, select=[rule], date=date, kind=kind) if f.rule == rule]


def span(text, finding):
    return text[finding.start : finding.end]


# -- date expressions -----------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, kind, first, last",
    [
        ("March 3, 2022", "day", D(2022, 3, 3), D(2022, 3, 3)),
        ("3 March 2022", "day", D(2022, 3, 3), D(2022, 3, 3)),
        ("Thursday, March 3", "day", D(2022, 3, 3), D(2022, 3, 3)),
        ("Mar. 3", "day", D(2022, 3, 3), D(2022, 3, 3)),
        ("2022-03-03", "day", D(2022, 3, 3), D(2022, 3, 3)),
        ("on Tuesday", "weekday", D(2022, 3, 8), D(2022, 3, 22)),
        ("last week", "relative", D(2022, 3, 7), D(2022, 3, 13)),
        ("last year", "relative", D(2021, 1, 1), D(2021, 12, 31)),
        ("next month", "relative", D(2022, 4, 1), D(2022, 4, 30)),
        ("in 2023", "year", D(2023, 1, 1), D(2023, 12, 31)),
        ("August 2023", "month", D(2023, 8, 1), D(2023, 8, 31)),
        ("the 1990s", "decade", D(1990, 1, 1), D(1999, 12, 31)),
        ("this summer", "season", D(2022, 6, 1), D(2022, 8, 31)),
    ],
)
def test_recognises_the_date_expressions_newsrooms_write(text, kind, first, last):
    (mention,) = scan(text, D(2022, 3, 15))
    assert (mention.kind, mention.first, mention.last) == (kind, first, last)


def test_ago_covers_the_days_around_the_count():
    (mention,) = scan("three weeks ago", D(2022, 3, 15))
    assert mention.first <= D(2022, 2, 22) <= mention.last and (mention.last - mention.first).days <= 7


def test_a_date_without_a_year_takes_the_year_nearest_publication():
    assert nearest_year(12, 30, D(2025, 1, 5)) == 2024
    assert nearest_year(1, 3, D(2024, 12, 28)) == 2025
    assert nearest_year(6, 1, D(2025, 5, 17)) == 2025
    (mention,) = scan("on 30 December", D(2025, 1, 5))
    assert mention.first == D(2024, 12, 30) and not mention.year_given


def test_amounts_and_counts_are_not_dates():
    assert scan("2,000 troops and 15.5% growth", D(2025, 1, 1)) == []
    assert scan("In June 31 people died.", D(2025, 7, 1)) == []
    assert [m.text for m in scan("a 2025-13-45 code and May 20 percent", None)] == ["2025-13-45"]


# -- date-weekday-mismatch ---------------------------------------------------------------
def test_wrong_weekday_fires_with_the_right_one_and_a_replacement():
    text = "Talks resumed on Friday, March 3, 2022, in Brussels."
    (finding,) = fired(text, "date-weekday-mismatch")
    assert span(text, finding) == "Friday, March 3, 2022"
    assert finding.message == "March 3, 2022 was a Thursday, not a Friday."
    assert finding.replacement == "Thursday, March 3, 2022"


@pytest.mark.parametrize(
    "text",
    [
        "Talks resumed on Thursday, March 3, 2022, in Brussels.",
        "GLASGOW, Monday 6 October 2025",
        "Saturday, May 17, 2025",
        "Markets closed on Monday and Tuesday, December 25 and 26, 2023.",
        "The festival runs Friday, March 3-5, 2023.",
    ],
)
def test_correct_or_unpaired_weekdays_stay_silent(text):
    assert fired(text, "date-weekday-mismatch", date="2025-10-10") == []


def test_a_date_without_a_year_needs_a_publication_date():
    text = "The summit opens on Thursday, 12 December."
    assert fired(text, "date-weekday-mismatch") == []
    (finding,) = fired(text, "date-weekday-mismatch", date="2025-12-01")
    assert "12 December 2025 falls on a Friday, not a Thursday" in finding.message
    assert fired("The summit opens on Friday, 12 December.", "date-weekday-mismatch", date="2025-12-01") == []


def test_a_year_written_earlier_in_the_paragraph_can_make_the_pair_right():
    text = "The flood of 2019 was the worst. On Sunday, March 17, the river burst its banks."
    assert fired(text, "date-weekday-mismatch", date="2025-04-01") == []
    wrong = "The flood of 2019 was the worst. On Tuesday, March 17, the river burst its banks."
    assert len(fired(wrong, "date-weekday-mismatch", date="2025-04-01")) == 1


def test_abbreviated_weekdays_and_months_are_checked():
    assert fired("It began on Thu., Jan. 9, 2025.", "date-weekday-mismatch") == []
    assert len(fired("It began on Fri., Jan. 9, 2025.", "date-weekday-mismatch")) == 1


# -- date-invalid ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, written, reason",
    [
        ("It was signed on February 30, 2024.", "February 30, 2024", "February has 28 days, 29 in a leap year"),
        ("The ceasefire took effect on June 31, 2023.", "June 31, 2023", "June has 30 days"),
        ("The office reopens on September 31.", "September 31", "September has 30 days"),
        ("It was signed on 29 February 2023.", "29 February 2023", "2023 is not a leap year"),
        ("Released on 2024-13-02.", "2024-13-02", "there is no month 13"),
        ("The form dated 31/11/2024 was rejected.", "31/11/2024", "November has 30 days"),
    ],
)
def test_impossible_dates_fire(text, written, reason):
    (finding,) = fired(text, "date-invalid", date="2025-06-01")
    assert span(text, finding) == written
    assert finding.message.startswith(f"{written} is not a real date") and reason in finding.message


@pytest.mark.parametrize(
    "text",
    [
        "It was signed on February 29, 2024.",
        "The office reopens on September 30.",
        "In June 31 people were injured.",
        "The form dated 30/11/2024 was rejected.",
        "The release of 03/04/2022 was delayed.",
        "In 2000 troops were sent.",
    ],
)
def test_real_dates_stay_silent(text):
    assert fired(text, "date-invalid", date="2025-06-01") == []


def test_29_february_without_a_year_is_read_in_the_year_nearest_publication():
    (finding,) = fired("The vote was held on February 29.", "date-invalid", date="2025-03-10")
    assert "2025 is not a leap year" in finding.message and "year nearest publication" in finding.message
    assert fired("The vote was held on February 29.", "date-invalid", date="2024-03-10") == []
    assert fired("The vote was held on February 29.", "date-invalid") == []


# -- date-anachronism: officeholders --------------------------------------------------------
def test_title_and_name_dated_outside_the_term_fires_and_names_the_holder():
    text = "In May 2019, Prime Minister Boris Johnson said the deal was dead."
    (finding,) = fired(text, "date-anachronism", date="2025-06-01")
    assert span(text, finding) == "Prime Minister Boris Johnson"
    assert finding.message.startswith(
        "In May 2019 the prime minister of the United Kingdom was Theresa May, not Boris Johnson."
    )


@pytest.mark.parametrize(
    "text, opening",
    [
        ("On 3 March 2022, Chancellor Angela Merkel visited Kyiv.", "On 3 March 2022 the chancellor of Germany was"),
        ("In 2022, Chancellor Angela Merkel visited Kyiv.", "In 2022 the chancellor of Germany was"),
        # a weekday is the week around publication, written as the stretch it is
        ("Chancellor Angela Merkel visited Kyiv on Tuesday.",
         "Between 27 February and 12 March 2024 the chancellor of Germany was Olaf Scholz"),
    ],
)
def test_officeholder_message_opens_with_the_time_in_plain_words(text, opening):
    (finding,) = fired(text, "date-anachronism", date="2024-03-05")
    assert finding.message.startswith(opening)


@pytest.mark.parametrize(
    "first, last, phrase",
    [
        (D(2022, 3, 3), D(2022, 3, 3), "On 3 March 2022"),
        (D(2019, 5, 1), D(2019, 5, 31), "In May 2019"),
        (D(2019, 1, 1), D(2019, 12, 31), "In 2019"),
        (D(1990, 1, 1), D(1999, 12, 31), "Between 1990 and 1999"),
        (D(2016, 6, 1), D(2016, 8, 31), "Between June and August 2016"),
        (D(2023, 12, 1), D(2024, 2, 29), "Between December 2023 and February 2024"),
        (D(2024, 2, 27), D(2024, 3, 12), "Between 27 February and 12 March 2024"),
        (D(2024, 12, 27), D(2025, 1, 2), "Between 27 December 2024 and 2 January 2025"),
    ],
)
def test_time_phrase_says_the_time_as_an_editor_would(first, last, phrase):
    from newslint.dates.expressions import time_phrase

    assert time_phrase(first, last) == phrase


def test_present_perfect_is_read_at_the_publication_date():
    text = "President Joe Biden has signed the order."
    (finding,) = fired(text, "date-anachronism", date="2025-03-10")
    assert "At publication (10 March 2025) the president of the United States was Donald Trump" in finding.message
    assert fired(text, "date-anachronism", date="2023-03-10") == []
    assert fired(text, "date-anachronism") == []  # no publication date: nothing to compare with


@pytest.mark.parametrize(
    "text",
    [
        "Former President Joe Biden has signed a book deal.",
        "In 2008, then-Prime Minister Vladimir Putin visited Paris.",
        "Ex-Chancellor Angela Merkel says she has no regrets.",
        "The late Queen Elizabeth II opened the bridge in 2023.",
        "Future Prime Minister Keir Starmer was a lawyer in 2005.",
        "President-elect Donald Trump met Joe Biden in November 2024.",
        "Under President Barack Obama, the US signed the Paris Agreement in 2016.",
        "A President Trump would end the war in a day, he said in 2016.",
        "If Prime Minister Boris Johnson were still in office, the deal would differ.",
        '"President Biden is doing a great job," she said.',
        "In 2016, Prime Minister David Cameron called the referendum.",
        "In 2022, Prime Minister Boris Johnson visited Kyiv.",
        "Last year, Prime Minister Rishi Sunak called an election.",
        "Prime Minister Keir Starmer said he had opposed the Iraq war in 2003.",
        "President Vladimir Putin, who first took office in 2000, says Russia will not retreat.",
        "Chancellor Rishi Sunak announced a budget in 2021.",
        "The conference at the Queen Elizabeth II Centre in 2024 drew thousands.",
        "King Charles I was executed in 1649.",
        "During the 1990s, President Bill Clinton expanded NATO.",
        "Deputy Prime Minister Dominic Raab said in 2015 that the plan was sound.",
    ],
)
def test_officeholder_silent_cases(text):
    assert fired(text, "date-anachronism", date="2025-06-04") == []


@pytest.mark.parametrize(
    "text, holder",
    [
        ("In 2015, President Dmitry Medvedev met Barack Obama.", "Vladimir Putin"),
        ("In 2020, King Charles toured Wales.", "Elizabeth II"),
        ("Chancellor Angela Merkel says Germany will not send troops.", "Friedrich Merz"),
        ("NATO Secretary General Mark Rutte met Zelenskyy in Kyiv in 2022.", "Jens Stoltenberg"),
        ("Fed Chair Janet Yellen raised rates in December 2019.", "Jerome Powell"),
    ],
)
def test_officeholder_firing_cases_name_who_held_the_office(text, holder):
    (finding,) = fired(text, "date-anachronism", date="2025-06-04")
    assert f"was {holder}, not" in finding.message


# -- date-anachronism: past tense about a date after publication ---------------------------
def test_past_tense_about_a_date_after_publication_fires():
    text = "The summit held on 30 November agreed a new fund."
    (finding,) = fired(text, "date-anachronism", date="2025-11-12")
    assert span(text, finding) == "30 November"
    assert "after the publication date (12 November 2025)" in finding.message


@pytest.mark.parametrize(
    "text",
    [
        "The summit, which will be held on 30 November, is expected to agree a fund.",
        "Ministers agreed to meet again on 30 November.",
        "The vote is scheduled for 30 November.",
        "The summit held on 3 November agreed a new fund.",
        "On 30 December, the council approved the budget.",  # last December, read in January
    ],
)
def test_future_tense_and_earlier_dates_stay_silent(text):
    date = "2025-01-04" if "30 December" in text else "2025-11-12"
    assert fired(text, "date-anachronism", date=date) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The festival ran from 1 to 3 August 2025 in the old harbour.", "1 to 3 August 2025"),
        ("The festival ran between 1 and 3 August 2025.", "1 and 3 August 2025"),
        ("Talks were held from 1 August to 3 August 2025.", "1 August to 3 August 2025"),
        ("Talks were held from August 1 to August 3, 2025.", "August 1 to August 3, 2025"),
        ("The strike lasted from 30 December to 2 January 2026.", "30 December to 2 January 2026"),
        ("The results were published on 3 August 2025.", "3 August 2025"),
    ],
)
def test_a_range_or_plain_past_after_publication_fires_on_the_whole_span(text, expected):
    (finding,) = fired(text, "date-anachronism", date="2025-06-01")
    assert span(text, finding) == expected
    assert finding.message.startswith(f"{expected} is after the publication date (1 June 2025)")


@pytest.mark.parametrize(
    "text",
    [
        "The festival will run from 1 to 3 August 2025.",
        "The festival ran from 1 to 3 May 2025.",  # over before publication
        "The strike ran from 28 May to 3 June 2025.",  # under way at publication
        "Were the vote held on 3 August 2025, turnout would be low.",
        "If the results were published on 3 August 2025, nobody noticed.",
    ],
)
def test_ranges_under_way_planned_or_imagined_stay_silent(text):
    assert fired(text, "date-anachronism", date="2025-06-01") == []


def test_a_plain_were_does_not_make_an_officeholder_sentence_hypothetical():
    text = "Protesters were met by Prime Minister Rishi Sunak in 2019."
    (finding,) = fired(text, "date-anachronism", date="2025-06-01")
    assert span(text, finding) == "Prime Minister Rishi Sunak"
    assert fired("Were Rishi Sunak prime minister in 2019, the talks would have gone differently.",
                 "date-anachronism", date="2025-06-01") == []


# -- date-anachronism: known events ----------------------------------------------------------
def test_a_known_event_given_another_year_fires_with_its_real_date():
    text = "The August 2023 Alaska summit between President Donald Trump and President Vladimir Putin set a precedent."
    findings = fired(text, "date-anachronism")
    assert len(findings) == 1, "one finding for one mistake, not one per clue"
    assert span(text, findings[0]) == "August 2023"
    assert findings[0].message == (
        "The Alaska summit between Donald Trump and Vladimir Putin was on 15 August 2025, not in August 2023."
    )
    assert findings[0].replacement == "August 2025"


def test_an_event_date_elsewhere_in_the_sentence_is_left_alone():
    text = "Three years after the full-scale invasion began, Kyiv hosted talks in 2025."
    assert fired(text, "date-anachronism", date="2025-03-01") == []
    assert fired("The 2022 verdict on the downing of MH17 named three men.", "date-anachronism") == []
    assert fired("In 2021 US and Chinese officials clashed at talks in Anchorage.", "date-anachronism") == []


def test_a_newsroom_adds_its_own_events(tmp_path):
    (tmp_path / "local-events.yaml").write_text(
        "events:\n  - id: city-flood\n    name: the great flood\n    date: 2019-03-17\n"
        "    cue: '(?i)\\bgreat\\s+flood\\b'\n",
        encoding="utf-8",
    )
    text = "The 2018 great flood ruined the harbour."
    options = {"date-anachronism": {"event_files": [str(tmp_path / "local-events.yaml")]}}
    (finding,) = [f for f in lint_text(text, select=["date-anachronism"], options=options)]
    assert "was on 17 March 2019, not in 2018" in finding.message
    assert fired(text, "date-anachronism") == []


# -- date-anniversary ------------------------------------------------------------------------
def test_anniversary_one_off_fires_with_the_right_ordinal():
    text = "Survivors gathered to mark the 20th anniversary of the 2004 tsunami."
    (finding,) = fired(text, "date-anniversary", date="2025-12-26")
    assert finding.message == "December 2025 is the 21st anniversary of 2004, not the 20th."
    assert span(text, finding) == "20th anniversary of the 2004"
    assert finding.replacement == "21st anniversary of the 2004"
    assert fired(text.replace("20th", "21st"), "date-anniversary", date="2025-12-26") == []


@pytest.mark.parametrize(
    "text, date, expected",
    [
        ("It has been 20 years since 2004.", "2025-06-01", "June 2025 is 21 years after 2004, not 20."),
        ("Twenty years ago, in 2003, the treaty was signed.", "2025-03-01", "March 2025 is 22 years after 2003"),
        ("In 2019 the city marked the 40th anniversary of the 1969 moon landing.", "2025-07-11",
         "2019 is the 50th anniversary of 1969, not the 40th."),
        ("Survivors marked the 21st anniversary of the Indian Ocean tsunami.", "2024-12-26",
         "December 2024 is the 20th anniversary of 2004"),
    ],
)
def test_anniversary_counts_that_do_not_fit_fire(text, date, expected):
    (finding,) = fired(text, "date-anniversary", date=date)
    assert expected in finding.message


@pytest.mark.parametrize(
    "text, date",
    [
        ("Nearly 30 years since 1994, the memorandum is in tatters.", "2025-07-11"),
        ("More than 20 years since 2004, the town has rebuilt.", "2025-07-11"),
        ("Five years after 1986, the Soviet Union was gone.", "2025-07-11"),
        ("Kyiv marked the 10th anniversary of the 2014 revolution.", "2024-02-20"),
        ("The city marked the 20th anniversary of the 2004 tsunami last month.", "2025-01-20"),
        ("This year marks the 80th anniversary of the end of World War II.", "2025-05-08"),
        ("Survivors gathered to mark the 20th anniversary of the 2004 tsunami.", None),
    ],
)
def test_anniversary_silent_cases(text, date):
    assert fired(text, "date-anniversary", date=date) == []


# -- the seeds -----------------------------------------------------------------------------------
DATE_RULES = ["date-weekday-mismatch", "date-invalid", "date-anachronism", "date-anniversary"]


def test_seed_alaska_summit_fires_and_the_correct_dates_do_not(seed_texts):
    by_seed = {
        name: lint_text(text, select=DATE_RULES, path=name) for name, text in seed_texts.items()
    }
    alaska = [
        (name, f) for name, fs in by_seed.items() for f in fs
        if "August 2023" in seed_texts[name][f.start : f.end]
    ]
    assert len(alaska) == 1 and alaska[0][1].rule == "date-anachronism"
    for name, findings in by_seed.items():
        for finding in findings:
            flagged = seed_texts[name][finding.start : finding.end]
            assert "May 17, 2025" not in flagged and "12 January 2022" not in flagged
            assert "Stoltenberg" not in flagged


def test_seeds_stay_quiet_with_a_plausible_publication_date(seed_texts):
    """Read with a date near the events they describe, the seeds hold one real mistake."""
    for name, text in seed_texts.items():
        date = "2022-01-16" if "12 January 2022" in text else "2025-08-25"
        findings = lint_text(text, select=DATE_RULES, date=date, path=name)
        flagged = [text[f.start : f.end] for f in findings]
        assert flagged in ([], ["August 2023"]), (name, [f.message for f in findings])
