"""Checking documents in worker processes (``--jobs N``).

Where the platform can fork, workers start as copies of the parent's prepared
Linter: plugins loaded, configurations validated and, because the parent checks
the first file itself before forking, the patterns that file needed already
compiled. Elsewhere each worker builds its own Linter from the picklable run
options. Either way results come back in input order, so the report is
identical to a one-process run.
"""
from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path
from typing import Iterator

_worker_linter = None


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def _init(options, paths: list[Path]) -> None:
    global _worker_linter
    from newslint.engine import Linter

    _worker_linter = Linter(options)
    # The same configurations as the parent, so the same plugins and packs load.
    _worker_linter.prepare([_worker_linter.config_for(p) for p in paths])


def _lint_batch(batch: list[tuple[Path, str]], fold: tuple[str, ...] = ()) -> list:
    """Lint ``batch``; the corpus data of the checks in ``fold`` comes back absorbed into one
    state per check (``Linter.absorb_batch``), not per document."""
    results = [_worker_linter.lint_file(path, display) for path, display in batch]
    if fold:
        _worker_linter.absorb_batch(results, [path for path, _ in batch], fold)
    return results


def batches(files: list, jobs: int) -> list[list]:
    """``files`` cut into consecutive batches, one task each: up to 64 files while much is left
    (fewer round trips), then smaller and smaller, so that the workers run out of work together
    rather than one finishing a 64-file batch while the others wait."""
    out, start = [], 0
    while start < len(files):
        size = max(1, min(64, (len(files) - start) // (jobs * 4)))
        out.append(files[start : start + size])
        start += size
    return out


def lint_in_processes(linter, files: list[tuple[Path, str]], jobs: int, fold: tuple[str, ...] = ()) -> Iterator:
    """Each file's result, in the order of ``files``; ``fold`` names the corpus checks the
    workers absorb for themselves (see ``Linter.absorb_batch``)."""
    global _worker_linter
    task = partial(_lint_batch, fold=fold)
    if can_fork():
        yield linter.lint_file(*files[0])  # warms the caches the workers inherit
        _worker_linter = linter
        try:
            with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork")) as pool:
                for batch in pool.map(task, batches(files[1:], jobs)):
                    yield from batch
        finally:
            _worker_linter = None
        return
    paths = [p for p, _ in files]
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init, initargs=(linter.options, paths)) as pool:
        for batch in pool.map(task, batches(files, jobs)):
            yield from batch
