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
