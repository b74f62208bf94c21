"""Shared fixtures. ``shared_dir`` and ``seed_texts`` skip when ../shared is absent."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
SHARED = Path(os.environ.get("NEWSLINT_SHARED", REPO.parent / "shared"))


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"needs the shared folder beside the repository ({SHARED} is absent)")
    return SHARED


@pytest.fixture(scope="session")
def seeds_dir(shared_dir: Path) -> Path:
    seeds = shared_dir / "seeds"
    if not seeds.is_dir():
        pytest.skip(f"needs {seeds}")
    return seeds


@pytest.fixture(scope="session")
def seed_texts(seeds_dir: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))}


def rule_findings(rule: str, text: str, kind: str = "text", **options) -> list:
    """Findings of one rule on ``text`` read as ``kind``, with the rule's options set as given."""
    from newslint.engine import lint_text

    return lint_text(text, select=[rule], kind=kind, options={rule: options} if options else None)


def rule_spans(rule: str, text: str, kind: str = "text", **options) -> list[str]:
    """The flagged text of each finding of one rule."""
    return [text[f.start : f.end] for f in rule_findings(rule, text, kind, **options)]


def run_cli(*args: str, stdin: bytes | None = None, cwd: Path | None = None, env: dict | None = None):
    """Run ``python -m newslint`` in a subprocess, as a user would."""
    full_env = {**os.environ, "NO_COLOR": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "newslint", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        env=full_env,
        timeout=300,
    )


@pytest.fixture
def cli():
    return run_cli
