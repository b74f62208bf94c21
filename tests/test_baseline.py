"""Baselines: record an archive's findings once, then see only new ones."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run_cli

ARTICLE = (
    "Harbour reopens after storm\n"
    "\n"
    "The harbour reopened on Tuesday after three days of repairs.\n"
    "\n"
    "Leave a Comment\n"
    "\n"
    "Fishing boats were the first to leave.\n"
    "\n"
    "- Advertisement -\n"
)
DEBRIS = ("--select", "web-debris")


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "harbour.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "news" / "ferry.md").write_text("Ferry times change.\n\nYou may also like\n", encoding="utf-8")
    proc = run_cli("check", "news", "--write-baseline", "baseline.json", *DEBRIS, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr.decode()
    assert "newslint: recorded 3 findings in baseline.json" in proc.stderr.decode()
    return tmp_path


def findings(proc) -> list[dict]:
    return json.loads(proc.stdout)["findings"]


def test_baseline_file_records_each_finding_by_path_rule_and_fingerprint(archive):
    data = json.loads((archive / "baseline.json").read_text(encoding="utf-8"))
    assert data["newslint_baseline"] == 1
    entries = data["findings"]
    assert {(e["path"], e["rule"]) for e in entries} == {
        ("news/ferry.md", "web-debris/related-links"),
        ("news/harbour.txt", "web-debris/comment-prompt"),
        ("news/harbour.txt", "web-debris/ad-slot"),
    }
    assert all(len(e["fingerprint"]) == 16 for e in entries)


def test_with_the_baseline_old_findings_are_hidden_and_new_ones_reported(archive):
    quiet = run_cli("check", "news", "--baseline", "baseline.json", *DEBRIS, cwd=archive)
    assert quiet.returncode == 0 and "No problems found in 2 files." in quiet.stdout.decode()
    assert "3 known findings hidden by the baseline" in quiet.stderr.decode()
    story = archive / "news" / "harbour.txt"
    story.write_text(ARTICLE + "\nAdblock Detected\n", encoding="utf-8")
    proc = run_cli("check", "news", "--baseline", "baseline.json", "--format", "json", *DEBRIS, cwd=archive)
    [new] = findings(proc)
    assert proc.returncode == 1 and new["message"].startswith("'Adblock Detected'") and new["line"] == 11


def test_moving_paragraphs_does_not_make_old_findings_new(archive):
    story = archive / "news" / "harbour.txt"
    moved = (
        "Harbour reopens after storm\n"
        "\n"
        "- Advertisement -\n"
        "\n"
        "An editor's note added at the top, which pushes everything down.\n"
        "\n"
        "Fishing boats were the first to leave.\n"
        "\n"
        "The harbour reopened on Tuesday after three days of repairs.\n"
        "\n"
        "Leave a Comment\n"
    )
    story.write_text(moved, encoding="utf-8")
    unfiltered = findings(run_cli("check", "news", "--format", "json", *DEBRIS, cwd=archive))
    assert {f["line"] for f in unfiltered if f["path"].endswith("harbour.txt")} == {3, 11}  # both moved
    proc = run_cli("check", "news", "--baseline", "baseline.json", "--format", "json", *DEBRIS, cwd=archive)
    assert proc.returncode == 0 and findings(proc) == []


def test_a_repeated_finding_beyond_the_recorded_count_is_new(archive):
    story = archive / "news" / "harbour.txt"
    story.write_text(ARTICLE + "\n- Advertisement -\n", encoding="utf-8")
    proc = run_cli("check", "news", "--baseline", "baseline.json", "--format", "json", *DEBRIS, cwd=archive)
    assert [f["rule"] for f in findings(proc)] == ["web-debris/ad-slot"]


def test_fixed_findings_are_reported_as_gone_from_the_baseline(archive):
    (archive / "news" / "ferry.md").write_text("Ferry times change.\n", encoding="utf-8")
    proc = run_cli("check", "news", "--baseline", "baseline.json", *DEBRIS, cwd=archive)
    assert proc.returncode == 0
    assert "baseline findings no longer found: 1" in proc.stderr.decode()


def test_the_baseline_works_from_another_working_directory(archive):
    proc = run_cli("check", ".", "--baseline", "../baseline.json", "--format", "json", *DEBRIS, cwd=archive / "news")
    assert proc.returncode == 0 and findings(proc) == []


def test_the_same_text_in_another_file_is_new(archive):
    (archive / "news" / "copy.txt").write_text(ARTICLE, encoding="utf-8")
    proc = run_cli("check", "news", "--baseline", "baseline.json", "--format", "json", *DEBRIS, cwd=archive)
    assert {Path(f["path"]).name for f in findings(proc)} == {"copy.txt"}


def test_input_errors_are_never_recorded_or_hidden(tmp_path):
    (tmp_path / "ok.txt").write_text("Leave a Comment\n", encoding="utf-8")
    written = run_cli("check", "ok.txt", "missing.txt", "--write-baseline", "b.json", *DEBRIS, cwd=tmp_path)
    assert written.returncode == 2
    entries = json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))["findings"]
    assert [e["rule"] for e in entries] == ["web-debris/comment-prompt"]
    proc = run_cli("check", "ok.txt", "missing.txt", "--baseline", "b.json", "--format", "json", *DEBRIS, cwd=tmp_path)
    assert proc.returncode == 2 and [f["rule"] for f in findings(proc)] == ["input-error"]


@pytest.mark.parametrize(
    "content, message",
    [
        (None, "baseline base.json does not exist (create it with --write-baseline)"),
        (b"{not json", "baseline base.json is not valid JSON (line 1:"),
        (b"\xff\xfe\x00garbage", "baseline base.json is not a newslint baseline (not UTF-8 text)"),
        (b"[1, 2]", "base.json is not a newslint baseline (no 'newslint_baseline' key)"),
        (b'{"newslint_baseline": 99, "findings": []}', "baseline base.json has format 99; this newslint reads format 1"),
        (b'{"newslint_baseline": 1, "findings": {}}', "baseline base.json: 'findings' must be a list"),
        (b'{"newslint_baseline": 1, "findings": [{"path": "a.txt", "rule": 3}]}', "findings[0] needs 'path', 'rule'"),
    ],
)
def test_a_bad_baseline_is_a_one_line_error(tmp_path, content, message):
    (tmp_path / "a.txt").write_text("Leave a Comment\n", encoding="utf-8")
    if content is not None:
        (tmp_path / "base.json").write_bytes(content)
    proc = run_cli("check", "a.txt", "--baseline", "base.json", cwd=tmp_path)
    err = proc.stderr.decode()
    assert proc.returncode == 2 and proc.stdout == b""
    assert err.startswith("newslint: error: ") and message in err and err.count("\n") == 1


def test_a_folder_given_as_baseline_is_a_one_line_error(tmp_path):
    (tmp_path / "a.txt").write_text("Text.\n", encoding="utf-8")
    (tmp_path / "base").mkdir()
    proc = run_cli("check", "a.txt", "--baseline", "base", cwd=tmp_path)
    err = proc.stderr.decode()
    assert proc.returncode == 2 and err.startswith("newslint: error: cannot read baseline base") and err.count("\n") == 1


def test_writing_and_reading_a_baseline_at_once_is_a_usage_error(tmp_path):
    proc = run_cli("check", ".", "--baseline", "a.json", "--write-baseline", "b.json", cwd=tmp_path)
    assert proc.returncode == 2 and "not allowed with argument" in proc.stderr.decode()
