"""Configuration: discovery, precedence, overrides and every kind of mistake."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run_cli
from newslint.config import ConfigError, glob_to_regex, load_config

DEBRIS = "A quiet article.\n\nLeave a Comment\n\n- Advertisement -\n"


def write(path: Path, content: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    return path


def rules_found(result) -> list[str]:
    return sorted({f["rule"] for f in json.loads(result.stdout)["findings"]})


def one_line_error(result) -> str:
    message = result.stderr.decode()
    assert result.returncode == 2, message
    assert "Traceback" not in message and message.count("\n") == 1, message
    return message


# -- discovery and precedence ------------------------------------------------------------

def test_nearest_config_wins(tmp_path):
    write(tmp_path / ".newslint.yaml", "select: [web-debris/comment-prompt]\n")
    write(tmp_path / "desk" / ".newslint.yaml", "select: [web-debris/ad-slot]\n")
    write(tmp_path / "top.txt", DEBRIS)
    write(tmp_path / "desk" / "story.txt", DEBRIS)
    result = run_cli("check", str(tmp_path), "--format", "json")
    by_file = {}
    for f in json.loads(result.stdout)["findings"]:
        by_file.setdefault(Path(f["path"]).name, set()).add(f["rule"])
    assert by_file == {"top.txt": {"web-debris/comment-prompt"}, "story.txt": {"web-debris/ad-slot"}}


def test_pyproject_table_is_read_and_cli_flags_take_precedence(tmp_path):
    write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n\n[tool.newslint]\nignore = ["web-debris/ad-slot"]\nfail-on = "error"\n')
    story = write(tmp_path / "story.txt", DEBRIS)
    result = run_cli("check", str(story), "--format", "json")
    assert rules_found(result) == ["web-debris/comment-prompt"]
    assert result.returncode == 0  # fail-on: error from the file
    assert run_cli("check", str(story), "--fail-on", "warning").returncode == 1


def test_explicit_config_applies_to_everything(tmp_path):
    write(tmp_path / "desk" / ".newslint.yaml", "select: [web-debris/ad-slot]\n")
    cfg = write(tmp_path / "ci.yaml", "select: [web-debris/comment-prompt]\n")
    write(tmp_path / "desk" / "story.txt", DEBRIS)
    result = run_cli("check", str(tmp_path / "desk"), "--config", str(cfg), "--format", "json")
    assert rules_found(result) == ["web-debris/comment-prompt"]


def test_severity_override_and_per_glob_overrides(tmp_path):
    write(
        tmp_path / ".newslint.yaml",
        "severity: {web-debris/comment-prompt: error}\n"
        "overrides:\n  - files: [opinion/**]\n    ignore: [web-debris]\n",
    )
    write(tmp_path / "news" / "a.txt", DEBRIS)
    write(tmp_path / "opinion" / "2025" / "b.txt", DEBRIS)
    findings = json.loads(run_cli("check", str(tmp_path), "--format", "json").stdout)["findings"]
    assert {Path(f["path"]).name for f in findings} == {"a.txt"}
    severities = {f["rule"]: f["severity"] for f in findings}
    assert severities["web-debris/comment-prompt"] == "error"
    assert severities["web-debris/ad-slot"] == "warning"


def test_config_date_is_the_fallback_publication_date(tmp_path):
    write(tmp_path / ".newslint.yaml", "date: 2025-04-01\n")
    story = write(tmp_path / "story.txt", "Some text.\n")
    files = json.loads(run_cli("check", str(story), "--format", "json").stdout)["files"]
    assert files[0]["publication_date"] == "2025-04-01"
    files = json.loads(run_cli("check", str(story), "--format", "json", "--date", "2025-05-05").stdout)["files"]
    assert (files[0]["publication_date"], files[0]["publication_date_source"]) == ("2025-05-05", "--date")


def test_globs():
    assert glob_to_regex("opinion/**").match("opinion/2025/x.md")
    assert glob_to_regex("**/draft-*.md").match("news/draft-1.md")
    assert glob_to_regex("**/draft-*.md").match("draft-1.md")
    assert not glob_to_regex("opinion/*.md").match("opinion/2025/x.md")
    assert glob_to_regex("drafts").match("drafts/a/b.md")


# -- mistakes ----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "content, needles",
    [
        ("selct: [ALL]\n", ["unknown key 'selct'", "did you mean 'select'"]),
        ("fail-on: sometimes\n", ["fail-on", "expected one of error, warning, info, never"]),
        ("select: 5\n", ["select", "expected a list of strings"]),
        ("select: [web-debris/comment-promt]\n", ["unknown rule 'web-debris/comment-promt'", "did you mean 'web-debris/comment-prompt'"]),
        ("severity: {web-debris/ad-slot: fatal}\n", ["severity.web-debris/ad-slot", "unknown severity 'fatal'"]),
        ("rules: {web-debris/ad-slot: {max: 3}}\n", ["rules.web-debris/ad-slot", "unknown option 'max'", "has no options"]),
        ("overrides:\n  - file: [x]\n", ["overrides[0]", "unknown key 'file'", "did you mean 'files'"]),
        ("date: yesterday\n", ["date", "expected YYYY-MM-DD"]),
        ("select: [ALL\n", ["malformed YAML"]),
        ("- just\n- a list\n", ["expected a mapping of settings"]),
        ("plugins: [missing_plugin.py]\n", ["plugin file not found"]),
        ("packs: [missing.yaml]\n", ["missing.yaml", "cannot read rule pack"]),
    ],
)
def test_config_mistakes_are_one_line_errors_with_file_key_and_hint(tmp_path, content, needles):
    cfg = write(tmp_path / ".newslint.yaml", content)
    write(tmp_path / "story.txt", DEBRIS)
    message = one_line_error(run_cli("check", str(tmp_path)))
    assert str(cfg) in message or "plugin file" in message or "missing.yaml" in message
    for needle in needles:
        assert needle in message


def test_malformed_toml_is_reported(tmp_path):
    write(tmp_path / "pyproject.toml", "[tool.newslint\nselect = 1\n")
    write(tmp_path / "story.txt", DEBRIS)
    message = one_line_error(run_cli("check", str(tmp_path / "story.txt")))
    assert "malformed TOML" in message


def test_a_pyproject_without_newslint_settings_is_not_newslint_business(tmp_path):
    """Another tool's broken pyproject.toml does not stop newslint; it is not read as TOML at all."""
    write(tmp_path / "pyproject.toml", "[tool.black\nline-length = 1\n")
    write(tmp_path / "story.txt", DEBRIS)
    done = run_cli("check", str(tmp_path / "story.txt"))
    assert done.returncode == 1 and b"malformed" not in done.stderr
    assert b"web-debris/" in done.stdout


def test_missing_config_file_given_on_the_command_line(tmp_path):
    message = one_line_error(run_cli("check", "--config", str(tmp_path / "none.yaml"), str(tmp_path)))
    assert "configuration file not found" in message


def test_load_config_reports_the_key_path():
    with pytest.raises(ConfigError, match=r"overrides\[0\].select: expected a list of strings"):
        from newslint.config import parse_config

        parse_config({"overrides": [{"files": "x/**", "select": {"a": 1}}]})


def test_load_config_reads_yaml_with_safe_load(tmp_path):
    cfg = write(tmp_path / ".newslint.yaml", "select: !!python/object/apply:os.system ['echo hacked']\n")
    with pytest.raises(ConfigError, match="malformed YAML"):
        load_config(cfg)
