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
