"""The command line as a user meets it: exit codes, output, bad input. Real subprocesses."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import EXAMPLES, run_cli

DEBRIS = "A quiet article about the harbour.\n\nLeave a Comment\n"
CLEAN = "Dock workers returned to work on Thursday, the port authority said.\n"


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def out(result) -> str:
    return result.stdout.decode("utf-8")


def err(result) -> str:
    return result.stderr.decode("utf-8")


# -- exit codes --------------------------------------------------------------------

def test_clean_article_exits_0(tmp_path):
    path = write(tmp_path, "clean.txt", CLEAN)
    result = run_cli("check", str(path), "--select", "web-debris")
    assert result.returncode == 0, err(result)
    assert "No problems found in 1 file." in out(result)


def test_finding_at_fail_level_exits_1_and_is_printed_like_a_linter(tmp_path):
    path = write(tmp_path, "debris.txt", DEBRIS)
    result = run_cli("check", str(path))
    assert result.returncode == 1
    text = out(result)
    assert f"{path}:3:1: warning [web-debris/comment-prompt] 'Leave a Comment' is web page furniture" in text
    assert "  3 | Leave a Comment\n    | ^^^^^^^^^^^^^^^" in text
    assert "Found 1 finding (1 warning) in 1 of 1 file." in text
    assert "\x1b[" not in text  # no colour when not on a terminal


def test_fail_on_levels(tmp_path):
    path = write(tmp_path, "debris.txt", DEBRIS)
    assert run_cli("check", str(path), "--fail-on", "error").returncode == 0
    assert run_cli("check", str(path), "--fail-on", "info").returncode == 1
    assert run_cli("check", str(path), "--fail-on", "never").returncode == 0


def test_colour_only_when_asked_and_never_with_no_color(tmp_path):
    path = write(tmp_path, "debris.txt", DEBRIS)
    assert "\x1b[" in out(run_cli("check", str(path), "--color", "always"))
    assert "\x1b[" not in out(run_cli("check", str(path), "--color", "auto", env={"NO_COLOR": "1"}))


def test_stdin_with_stdin_filename_picks_the_reader():
    markdown = b"# Title\n\n```\nLeave a Comment\n```\n\nLeave a Comment\n"
    result = run_cli("check", "-", "--stdin-filename", "story.md", "--format", "json", stdin=markdown)
    payload = json.loads(out(result))
    assert result.returncode == 1
    assert [(f["path"], f["line"]) for f in payload["findings"]] == [("story.md", 7)]  # the code block is not prose


def test_select_and_ignore(tmp_path):
    path = write(tmp_path, "debris.txt", DEBRIS + "- Advertisement -\n")
    only = json.loads(out(run_cli("check", str(path), "--select", "web-debris/ad-slot", "--format", "json")))
    assert {f["rule"] for f in only["findings"]} == {"web-debris/ad-slot"}
    rest = json.loads(out(run_cli("check", str(path), "--ignore", "web-debris/ad-slot", "--format", "json")))
    assert "web-debris/ad-slot" not in {f["rule"] for f in rest["findings"]}
    assert "web-debris/comment-prompt" in {f["rule"] for f in rest["findings"]}


def test_unknown_rule_in_select_is_a_usage_error_with_a_hint(tmp_path):
    path = write(tmp_path, "a.txt", CLEAN)
    result = run_cli("check", str(path), "--select", "web-debris/coment-prompt")
    assert result.returncode == 2
    message = err(result)
    assert message.count("\n") == 1 and "Traceback" not in message
    assert "unknown rule 'web-debris/coment-prompt'" in message and "did you mean 'web-debris/comment-prompt'" in message


def test_bad_option_values_are_usage_errors():
    result = run_cli("check", "--date", "2025-13-01", "x")
    assert result.returncode == 2 and "expected YYYY-MM-DD" in err(result)
    result = run_cli("check", "--format", "yaml", str(EXAMPLES))
    assert result.returncode == 2 and "unknown format 'yaml'" in err(result)


# -- bad input ----------------------------------------------------------------------------

def assert_one_line_error(result, *needles: str):
    assert result.returncode == 2
    message = err(result)
    assert "Traceback" not in message
    for needle in needles:
        assert needle in message


def test_missing_path(tmp_path):
    result = run_cli("check", str(tmp_path / "nope.md"))
    assert_one_line_error(result, "nope.md: no such file or directory")


def test_directory_without_articles(tmp_path):
    write(tmp_path, "notes/readme.rst", "Not an article format.")
    result = run_cli("check", str(tmp_path / "notes"))
    assert_one_line_error(result, "no articles found")


def test_empty_file_is_fine(tmp_path):
    path = write(tmp_path, "empty.md", "")
    result = run_cli("check", str(path))
    assert result.returncode == 0, err(result)


def test_binary_file(tmp_path):
    path = write(tmp_path, "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    result = run_cli("check", str(path))
    assert_one_line_error(result, "photo.txt: binary file")


def test_latin1_and_invalid_utf8_are_decoded_with_a_warning(tmp_path):
    path = write(tmp_path, "old.txt", "Caf\xe9 owners in K\xf6ln said no.\n\nLeave a Comment\n".encode("latin-1"))
    result = run_cli("check", str(path), "--format", "json")
    assert result.returncode == 1, err(result)
    findings = json.loads(out(result))["findings"]
    encoding = [f for f in findings if f["rule"] == "input-encoding"]
    assert len(encoding) == 1 and encoding[0]["severity"] == "warning"
    assert "not valid UTF-8" in encoding[0]["message"] and (encoding[0]["line"], encoding[0]["column"]) == (1, 4)
    assert any(f["rule"] == "web-debris/comment-prompt" and f["line"] == 3 for f in findings)


def test_malformed_front_matter_is_an_input_error_but_the_body_is_checked(tmp_path):
    path = write(tmp_path, "bad.md", "---\ntitle: [oops\n---\n\nLeave a Comment\n")
    result = run_cli("check", str(path), "--format", "json")
    assert result.returncode == 2
    assert "malformed front matter" in err(result) and "Traceback" not in err(result)
    rules = [f["rule"] for f in json.loads(out(result))["findings"]]
    assert "input-error" in rules and "web-debris/comment-prompt" in rules


def test_large_file_and_very_long_line(tmp_path):
    paragraph = "The council met on Thursday and agreed the budget after a long debate. " * 12 + "\n\n"
    big = write(tmp_path, "big.txt", paragraph * (10_000_000 // len(paragraph)))
    assert big.stat().st_size > 9_000_000
    long_line = write(tmp_path, "line.txt", ("word " * 40_000) + "Leave a Comment")
    assert len(long_line.read_text()) >= 200_000
    result = run_cli("check", str(big), str(long_line))
    assert result.returncode == 0 or result.returncode == 1, err(result)
    assert "Traceback" not in err(result)
    text = out(result)
    # The source excerpt of a 200,000-character line is a window, not the whole line.
    assert all(len(line) < 400 for line in text.splitlines())


# -- directories ----------------------------------------------------------------------------

def test_directories_are_walked_in_order_skipping_hidden_and_build_folders(tmp_path):
    for name in ["b/second.md", "a/first.txt", "a/page.html", ".hidden/x.md", "node_modules/y.md", "build/z.md",
                 "a/notes.rst"]:
        write(tmp_path, name, DEBRIS)
    result = run_cli("check", str(tmp_path), "--format", "json")
    paths = [Path(f["path"]).relative_to(tmp_path).as_posix() for f in json.loads(out(result))["files"]]
    assert paths == ["a/first.txt", "a/page.html", "b/second.md"]


def test_an_article_reached_twice_is_checked_once(tmp_path):
    write(tmp_path, "desk/story.md", DEBRIS)
    (tmp_path / "desk" / "alias.md").symlink_to("story.md")  # a link in the same folder
    (tmp_path / "mirror").symlink_to("desk")  # a linked folder named on the command line
    result = run_cli("check", str(tmp_path / "desk"), str(tmp_path / "mirror"), str(tmp_path / "desk" / "story.md"),
                     "--format", "json")
    paths = [Path(f["path"]).relative_to(tmp_path).as_posix() for f in json.loads(out(result))["files"]]
    assert paths == ["desk/alias.md"]


def test_config_exclude_is_honoured(tmp_path):
    write(tmp_path, ".newslint.yaml", "exclude: [drafts/**]\n")
    write(tmp_path, "drafts/wip.md", DEBRIS)
    write(tmp_path, "live/story.md", CLEAN)
    result = run_cli("check", str(tmp_path), "--format", "json")
    assert [Path(f["path"]).name for f in json.loads(out(result))["files"]] == ["story.md"]


# -- other commands ------------------------------------------------------------------------------

def test_version():
    from newslint import __version__

    result = run_cli("--version")
    assert result.returncode == 0 and out(result).strip() == f"newslint {__version__}"


def test_rules_lists_ids_severity_enabled_and_summary():
    result = run_cli("rules")
    assert result.returncode == 0
    lines = out(result).splitlines()
    assert lines[0].split() == ["RULE", "SEVERITY", "ENABLED", "SUMMARY"]
    row = next(line for line in lines if line.startswith("web-debris/template-token"))
    assert row.split()[1:3] == ["error", "yes"] and "template tokens" in row.lower()


def test_explain_prints_the_docs_and_unknown_rules_get_a_hint():
    result = run_cli("explain", "web-debris/comment-prompt")
    assert result.returncode == 0
    text = out(result)
    for heading in ("What it flags", "Why it matters", "Example (fires)", "Better"):
        assert heading in text
    assert "Leave a Comment" in text
    result = run_cli("explain", "web-debris/coment")
    assert result.returncode == 2 and "did you mean" in err(result)


def test_examples_folder_runs(tmp_path):
    result = run_cli("check", str(EXAMPLES), "--format", "json")
    assert result.returncode in (0, 1), err(result)
    payload = json.loads(out(result))
    assert all(f["checked"] for f in payload["files"]) and len(payload["files"]) >= 2
    assert "internal-error" not in {f["rule"] for f in payload["findings"]}


def test_no_subcommand_prints_help_and_exits_2():
    result = run_cli()
    assert result.returncode == 2 and "check" in err(result)


def test_main_called_from_python_leaves_the_garbage_collector_alone(tmp_path):
    import gc

    from newslint.cli import main

    story = tmp_path / "story.txt"
    story.write_text("The council met on Thursday.\n", encoding="utf-8")
    frozen = gc.get_freeze_count()
    assert main(["check", str(story)]) == 0
    assert gc.isenabled() and gc.get_freeze_count() == frozen


def test_the_command_collects_again_once_the_checks_are_built(tmp_path):
    """The command turns the collector off for start-up only, and freezes start-up's objects."""
    story = tmp_path / "story.txt"
    story.write_text("The council met on Thursday.\n", encoding="utf-8")
    script = (
        "import gc, sys\n"
        "from newslint.cli import command\n"
        f"sys.argv = ['newslint', 'check', {str(story)!r}]\n"
        "code = command()\n"
        "print(code, gc.isenabled(), gc.get_freeze_count() > 1000)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.stdout.split()[-3:] == ["0", "True", "True"], done.stderr
