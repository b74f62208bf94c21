"""name-inconsistent across an archive: one finding per minority spelling, naming the other files."""
from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

from conftest import run_cli
from newslint.checks.base import CheckContext, CorpusEntry
from newslint.checks.names import NameInconsistent, NameRecord
from newslint.config import Config
from newslint.engine import Linter, RunOptions
from newslint.markup import parse_document

RULE = "name-inconsistent"


def run(paths, **rule_options):
    linter = Linter(RunOptions(select=[RULE], entry_points=False, rule_options={RULE: rule_options} if rule_options else {}))
    return [f for f in linter.run([str(p) for p in paths]).findings if f.rule == RULE]


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def archive(tmp_path):
    write(tmp_path, "a/one.txt", "Moscow\n\nThe diplomat Serhiy Hromenko arrived on Monday.\n")
    write(tmp_path, "a/two.txt", "Kyiv\n\nSerhiy Hromenko said talks would go on.\n")
    write(tmp_path, "b/three.txt", "Geneva\n\nDelegates met Serhii Hromenko at the station.\n")
    return tmp_path


def test_minority_spelling_is_reported_once_naming_the_other_files(archive):
    [f] = run([archive])
    assert f.path.endswith("three.txt")
    assert f.location is not None and (f.location.line, f.location.column) == (3, 15)
    assert f.source_line == "Delegates met Serhii Hromenko at the station."
    assert f.message.startswith("'Serhii' is spelled 'Serhiy' in other articles of this archive:")
    assert "one.txt" in f.message and "two.txt" in f.message
    assert f.replacement == "Serhiy"
    assert f.properties["spellings"] == {"Serhiy": 2, "Serhii": 1}


def test_archive_findings_are_located_as_the_document_locates_them(archive):
    """collect keeps line numbers only; the reported span must still match ``doc.locate`` (UTF-16 columns too)."""
    text = "Geneva \U0001f30d\r\n\r\n\u00c9t\u00e9 \U0001f30d: delegates met al-Serhii Hromenko\u2019s aide.\r\n"
    path = write(archive, "b/three.txt", text)
    [f] = run([archive])
    doc, _ = parse_document(str(path), path.read_bytes().decode("utf-8"), None)
    assert f.location == doc.locate(f.start, f.end)
    assert f.location.column_utf16 != f.location.column
    assert f.source_line == doc.line_text(f.location.line)


def test_scope_directory_compares_only_articles_in_one_folder(archive):
    assert run([archive], archive="directory") == []
    write(archive, "b/four.txt", "Serhiy Hromenko left Geneva.\n")
    [f] = run([archive], archive="directory")
    assert f.path.endswith("three.txt") and "four.txt" in f.message and "one.txt" not in f.message


def test_scope_off_reports_nothing_across_files(archive):
    assert run([archive], archive="off") == []


def test_an_archive_finding_can_be_suppressed_in_the_article(tmp_path):
    write(tmp_path, "one.md", "Serhiy Hromenko arrived.\n")
    write(tmp_path, "two.md", "<!-- newslint-disable-next-line name-inconsistent -->\nSerhii Hromenko spoke.\n")
    assert run([tmp_path]) == []


@pytest.mark.parametrize(
    "first, second",
    [
        ("Ministers from Iran arrived.", "Ministers from Iraq arrived."),
        ("Austria voted no.", "Australia voted no."),
        ("Slovakia signed.", "Slovenia signed."),
        ("Alexei Navalny died in prison.", "Yulia Navalnaya spoke in Munich."),
        ("Israel closed the crossing.", "Israeli troops closed the crossing."),
        ("Philip Hammond spoke.", "Phillip Schofield spoke."),
        ("Georgia held elections.", "George Soros gave money."),
    ],
)
def test_lookalikes_in_different_articles_stay_quiet(tmp_path, first, second):
    write(tmp_path, "one.txt", first)
    write(tmp_path, "two.txt", second)
    assert run([tmp_path]) == []


def test_common_name_spelled_two_ways_for_the_same_person_is_reported(tmp_path):
    write(tmp_path, "one.txt", "Philip Dunmore resigned.")
    write(tmp_path, "two.txt", "Phillip Dunmore resigned.")
    write(tmp_path, "three.txt", "Philip Dunmore spoke.")
    [f] = run([tmp_path])
    assert f.path.endswith("two.txt")


def test_collected_data_is_small_and_picklable():
    doc, _ = parse_document("x.txt", "Sergei Lavrov met Dmitry Peskov in Moscow.\n", "text")
    ctx = CheckContext(options=NameInconsistent().default_options(), config=Config())
    data = NameInconsistent().collect(doc, ctx)
    assert pickle.loads(pickle.dumps(data)) == data
    assert {NameRecord(*r).display for r in data["names"]} == {"Sergei", "Lavrov", "Dmitry", "Peskov", "Moscow"}


def test_one_variant_among_3000_articles_is_found_in_the_right_article():
    check = NameInconsistent()
    ctx = CheckContext(options=check.default_options(), config=Config())
    surnames = ["Bondar", "Tkachenko", "Kravchuk", "Melnyk", "Shevchuk", "Koval", "Lysenko", "Rudenko"]
    entries = []
    for i in range(3000):
        given = "Serhii" if i == 1234 else "Serhiy"
        text = (
            f"Officer{i} Novak{i} met {given} {surnames[i % 8]} and Mayor{i} Petrenko{i % 97} in "
            f"Town{i % 500}. Minister{i} Lysyk{i} said Region{i} Vasylenko{i} agreed.\n"
        )
        doc, _ = parse_document(f"d{i}.txt", text, "text")
        entries.append(CorpusEntry(doc.path, check.collect(doc, ctx)))
    state = check.corpus_state(ctx)
    for entry in entries:
        check.absorb(state, entry, ctx)
    findings = list(check.check_corpus(state, ctx))
    assert [(f.path, f.replacement) for f in findings] == [("d1234.txt", "Serhiy")]


def test_seed_archive_reports_sergey_lavrov_against_sergei_lavrov(seeds_dir):
    result = run_cli("check", str(seeds_dir), "--select", RULE, "--format", "json")
    report = json.loads(result.stdout)
    archive = [f for f in report["findings"] if f["properties"].get("scope") == "archive"]
    assert len(archive) == 1
    [f] = archive
    assert f["path"].endswith("004_46dfc44e4c2b2a3d.txt")
    assert f["line"] == 35 and f["message"].startswith("'Sergey' is spelled 'Sergei'")
    assert "000_1b97e7b023161ee9.txt" in f["message"] and "001_260c2c67072898e4.txt" in f["message"]
