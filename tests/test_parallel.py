"""--jobs: worker processes give the same report, in the same order, as one process."""
from __future__ import annotations

import shutil

from conftest import EXAMPLES, run_cli


def test_parallel_output_is_identical_to_one_process(tmp_path):
    for i in range(30):
        for example in sorted(EXAMPLES.iterdir()):
            if example.is_file():
                shutil.copy(example, tmp_path / f"{i:02d}-{example.name}")
    one = run_cli("check", str(tmp_path), "--jobs", "1", "--format", "json")
    two = run_cli("check", str(tmp_path), "--jobs", "2", "--format", "json")
    auto = run_cli("check", str(tmp_path), "--format", "json")
    assert one.returncode == two.returncode == auto.returncode
    assert one.returncode in (0, 1), one.stderr.decode()
    assert one.stdout == two.stdout == auto.stdout
    assert b'"findings": [' in one.stdout


def test_workers_that_build_their_own_linter_report_the_same(tmp_path, monkeypatch):
    """Where the platform cannot fork, each worker builds a Linter from the run options."""
    from newslint import parallel
    from newslint.engine import Linter, RunOptions

    for i in range(6):
        for example in sorted(EXAMPLES.iterdir()):
            if example.is_file():
                shutil.copy(example, tmp_path / f"{i:02d}-{example.name}")

    def findings(jobs):
        run = Linter(RunOptions(jobs=jobs, fail_on="never")).run([str(tmp_path)])
        return [(f.path, f.start, f.end, f.rule, f.message) for f in run.findings]

    one = findings(1)
    monkeypatch.setattr(parallel, "can_fork", lambda: False)
    assert findings(2) == one and len(one) > 30


def test_batches_cover_the_files_in_order_and_shrink_towards_the_end():
    from newslint.parallel import batches

    files = list(range(2189))
    cut = batches(files, 2)
    assert [f for batch in cut for f in batch] == files
    sizes = [len(batch) for batch in cut]
    assert max(sizes) == 64 and sizes[-8:] == [1] * 8
    assert sizes == sorted(sizes, reverse=True)
    assert batches([], 2) == [] and batches(["only"], 4) == [["only"]]


def _name_archive(folder, count=300, seed=7):
    """``count`` short articles in which six names are mostly spelled one way and now and then
    another, so that archive findings depend on every batch's articles."""
    import random

    rng = random.Random(seed)
    pairs = [("Sergei", "Sergey"), ("Alexei", "Aleksei"), ("Serhiy", "Serhii"), ("Yulia", "Yuliya"),
             ("Dmitry", "Dmitri"), ("Andriy", "Andrii")]
    surnames = ["Lavrov", "Navalny", "Kovalenko", "Tymoshenko", "Peskov", "Melnyk", "Bondar", "Rudenko"]
    for i in range(count):
        paragraphs = []
        for _ in range(rng.randint(2, 5)):
            usual, rare = rng.choice(pairs)
            given = rare if rng.random() < 0.15 else usual
            paragraphs.append(f"{given} {rng.choice(surnames)} met officials in Kharkiv. He said talks went well.")
        (folder / f"{i:03d}.txt").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")


def test_archive_findings_with_workers_match_one_process(tmp_path):
    """Workers absorb each batch's names themselves and the parent merges the batches: the
    archive findings (their files, counts and first occurrences) must not change."""
    _name_archive(tmp_path)
    args = ("check", str(tmp_path), "--select", "name-inconsistent", "--format", "json")
    one = run_cli(*args, "--jobs", "1")
    two = run_cli(*args, "--jobs", "2")
    assert one.stdout == two.stdout
    assert one.stdout.count(b'"scope": "archive"') == 6


def test_workers_match_one_process_when_folders_compare_names_differently(tmp_path):
    """A folder whose configuration compares names per folder gives the check a second context
    (and one process absorbs every article with the first): the workers then leave the archive
    to the parent, and the report stays the same."""
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        _name_archive(tmp_path / name, count=120, seed=len(name) + ord(name))
    (tmp_path / "b" / ".newslint.yaml").write_text("rules:\n  name-inconsistent:\n    archive: directory\n")
    args = ("check", str(tmp_path), "--select", "name-inconsistent", "--format", "json")
    one = run_cli(*args, "--jobs", "1")
    two = run_cli(*args, "--jobs", "2")
    assert one.stdout == two.stdout and b'"scope": "archive"' in one.stdout


def test_the_parent_absorbs_only_what_it_checked_itself(tmp_path, monkeypatch):
    """With workers, the parent merges one names table per batch instead of absorbing each
    article's names (it checks the first file itself, before the workers start)."""
    from newslint.checks.names import NameInconsistent
    from newslint.engine import Linter, RunOptions

    _name_archive(tmp_path, count=200)
    absorbed, merged = [], []
    original_absorb, original_merge = NameInconsistent.absorb, NameInconsistent.merge
    monkeypatch.setattr(NameInconsistent, "absorb", lambda *a: absorbed.append(1) or original_absorb(*a))
    monkeypatch.setattr(NameInconsistent, "merge", lambda *a: merged.append(1) or original_merge(*a))

    def findings(jobs):
        run = Linter(RunOptions(jobs=jobs, select=["name-inconsistent"])).run([str(tmp_path)])
        return [(f.path, f.start, f.message) for f in run.findings if f.properties.get("scope") == "archive"]

    one = findings(1)
    assert len(absorbed) == 200 and not merged
    absorbed.clear()
    assert findings(2) == one
    assert len(absorbed) == 1 and len(merged) > 4  # the workers' absorbs happen in their own processes


def test_absorb_then_merge_builds_the_same_archive_tables_as_absorbing_in_order():
    from newslint.checks.base import CheckContext, CorpusEntry
    from newslint.checks.names import NameInconsistent
    from newslint.config import Config
    from newslint.markup import parse_document

    check = NameInconsistent()
    ctx = CheckContext(options=check.default_options(), config=Config())
    texts = [
        "Sergei Lavrov met Dmitry Peskov.", "Sergey Lavrov spoke in Geneva.", "Dmitri Peskov said no.",
        "Geneva hosted Sergei Lavrov again.", "Peskov and Lavrov left Geneva.", "Sergey Lavrov returned.",
    ]
    entries = []
    for i, text in enumerate(texts):
        doc, _ = parse_document(f"{i}.txt", text + "\n", "text")
        entries.append(CorpusEntry(doc.path, check.collect(doc, ctx)))

    def absorbed(part):
        state = check.corpus_state(ctx)
        for entry in part:
            check.absorb(state, entry, ctx)
        return state

    whole = absorbed(entries)
    merged = absorbed(entries[:2])
    for part in (entries[2:3], entries[3:]):
        check.merge(merged, absorbed(part), ctx)
    assert merged == whole
    assert whole.items[("", "lavrov")].articles == [0, 1, 3, 4, 5]
