"""The pre-commit hook, run by the real ``pre-commit try-repo`` on a small article repository.

Slow (pre-commit builds a virtual environment and installs newslint into it):
deselect with ``-m "not slow"``. The installation is hermetic: a wheelhouse is
filled once per session (hatchling to build newslint, and newslint's
dependencies), then pre-commit's pip runs with ``PIP_NO_INDEX=1`` and
``PIP_FIND_LINKS`` pointing at it. Set ``NEWSLINT_WHEELHOUSE`` to a ready
folder to run without the package index at all.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

from conftest import REPO

GIT = ["git", "-c", "user.name=newslint tests", "-c", "user.email=tests@newslint.invalid", "-c", "commit.gpgsign=false"]
COPY_IGNORE = shutil.ignore_patterns(
    ".git", ".venv", "venv", "__pycache__", ".pytest_cache", "build", "dist", "*.egg-info", ".mypy_cache"
)


def test_hook_definition_matches_what_the_guide_promises():
    [hook] = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "newslint" and hook["language"] == "python" and hook["entry"] == "newslint check"
    assert hook["types_or"] == ["markdown", "plain-text", "html"] and hook["require_serial"] is True


@pytest.fixture(scope="session")
def wheelhouse(tmp_path_factory) -> Path:
    ready = os.environ.get("NEWSLINT_WHEELHOUSE")
    if ready:
        return Path(ready)
    folder = tmp_path_factory.mktemp("wheelhouse")
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    needs = [*project["build-system"]["requires"], *project["project"]["dependencies"]]
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "download", "--quiet", "--dest", str(folder), *needs],
        capture_output=True,
        timeout=600,
    )
    if proc.returncode != 0:
        pytest.skip(f"cannot fill a wheelhouse from the package index: {proc.stderr.decode()[-300:]}")
    return folder


@pytest.fixture(scope="session")
def hook_repo(tmp_path_factory) -> Path:
    """A git copy of the working tree with the hook file committed, as try-repo needs."""
    copy = tmp_path_factory.mktemp("hook") / "newslint"
    shutil.copytree(REPO, copy, ignore=COPY_IGNORE)
    subprocess.run([*GIT, "init", "-q"], cwd=copy, check=True)
    subprocess.run([*GIT, "add", "-A"], cwd=copy, check=True)
    subprocess.run([*GIT, "commit", "-q", "-m", "snapshot for the pre-commit test"], cwd=copy, check=True)
    return copy


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    repo = tmp_path / "articles"
    repo.mkdir()
    subprocess.run([*GIT, "init", "-q"], cwd=repo, check=True)
    # the newsroom's own configuration decides which rules the hook runs
    (repo / ".newslint.yaml").write_text("select: [web-debris]\n", encoding="utf-8")
    (repo / "bad.md").write_text("# Harbour reopens\n\nBoats left at dawn.\n\nLeave a Comment\n", encoding="utf-8")
    (repo / "clean.md").write_text("# Harbour reopens\n\nBoats left at dawn.\n", encoding="utf-8")
    subprocess.run([*GIT, "add", "-A"], cwd=repo, check=True)
    return repo


def try_repo(hook_repo: Path, articles: Path, wheelhouse: Path, cache: Path, *files: str):
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(cache),
        "PIP_NO_INDEX": "1",
        "PIP_FIND_LINKS": str(wheelhouse),
        "NO_COLOR": "1",
    }
    env.pop("PIP_EXTRA_INDEX_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(hook_repo), "newslint", "--color", "never", "--files", *files],
        cwd=articles,
        env=env,
        capture_output=True,
        timeout=900,
    )


@pytest.mark.slow
def test_hook_fails_on_a_bad_article_with_newslints_message_and_passes_a_clean_one(
    hook_repo, articles, wheelhouse, tmp_path
):
    cache = tmp_path / "pre-commit-cache"
    bad = try_repo(hook_repo, articles, wheelhouse, cache, "bad.md")
    output = bad.stdout.decode() + bad.stderr.decode()
    assert bad.returncode == 1, output
    assert "newslint" in output and "Failed" in output
    assert "bad.md:5:1: warning [web-debris/comment-prompt] 'Leave a Comment' is web page furniture" in output
    clean = try_repo(hook_repo, articles, wheelhouse, cache, "clean.md")
    output = clean.stdout.decode() + clean.stderr.decode()
    assert clean.returncode == 0, output
    assert "Passed" in output
