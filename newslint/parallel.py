"""Checking documents in worker processes (``--jobs N``).

Each worker builds its own Linter from the picklable run options once, then
checks the files it is handed. Results come back in input order, so the report
is identical to a one-process run.
"""
from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Iterator

_worker_linter = None


def _init(options, paths: list[Path]) -> None:
    global _worker_linter
    from newslint.engine import Linter

    _worker_linter = Linter(options)
    # The same configurations as the parent, so the same plugins and packs load.
    _worker_linter.prepare([_worker_linter.config_for(p) for p in paths])


def _lint_one(item: tuple[Path, str]):
    path, display = item
    return _worker_linter.lint_file(path, display)


def lint_in_processes(options, files: list[tuple[Path, str]], jobs: int) -> Iterator:
    chunk = max(1, min(64, len(files) // (jobs * 8) or 1))
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init, initargs=(options, [p for p, _ in files])) as pool:
        yield from pool.map(_lint_one, files, chunksize=chunk)
