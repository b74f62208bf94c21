"""``--format github``: annotations GitHub Actions can parse back to the same findings.

The output is read with the rules of GitHub's runner (command, comma-separated
``key=value`` properties, ``::`` before the message, percent-escapes) and compared
with newslint's JSON report of the same run.
"""
from __future__ import annotations

import json
import re
import subprocess
import textwrap
from pathlib import Path

from conftest import run_cli

COMMAND = re.compile(r"^::(?P<command>\w+)(?: (?P<props>[^:]*))?::(?P<message>.*)$")
UNESCAPE = {"%25": "%", "%0D": "\r", "%0A": "\n", "%3A": ":", "%2C": ","}

# A pack whose message has every character GitHub needs escaped.
PACK = textwrap.dedent(
    """\
    pack: desk
    rules:
      - id: percent
        kind: existence
        severity: info
        terms: ["per cent"]
        message: "Write '%' for '{match}': house style, 2024 edition"
    """
)


def unescape(text: str) -> str:
    return re.sub(r"%(25|0D|0A|3A|2C)", lambda m: UNESCAPE[m.group()], text)


def parse(line: str) -> dict:
    """Read one workflow command the way GitHub's runner does."""
    match = COMMAND.match(line)
    assert match, line
    props = {}
    for pair in (match["props"] or "").split(","):
        key, _, value = pair.partition("=")
        props[key] = unescape(value)
    return {"command": match["command"], **props, "message": unescape(match["message"])}


def git_repo(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    subprocess.run(["git", "init", "-q", str(path)], check=True)
    return path


def test_annotations_parse_back_to_the_findings_with_escaping(tmp_path):
    repo = git_repo(tmp_path / "repo")
    (repo / "desk.yaml").write_text(PACK, encoding="utf-8")
    (repo / ".newslint.yaml").write_text("packs: [desk.yaml]\n", encoding="utf-8")
    story = repo / "rates, 2024: final.txt"
    story.write_text("Rates \U0001F4C8 rose 5 per cent on Monday.\n\nspot_img\n\nLeave a Comment\n", encoding="utf-8")
    args = ("check", story.name, "--select", "desk,web-debris")
    proc = run_cli(*args, "--format", "github", cwd=repo)
    findings = json.loads(run_cli(*args, "--format", "json", cwd=repo).stdout)["findings"]
    lines = proc.stdout.decode("utf-8").splitlines()
    assert proc.returncode == 1 and len(lines) == len(findings) == 3
    annotations = [parse(line) for line in lines]
    for note, finding in zip(annotations, findings):
        assert note["file"] == "rates, 2024: final.txt"
        assert note["title"] == finding["rule"] and note["message"] == finding["message"]
        assert int(note["line"]) == finding["line"] and int(note["col"]) == finding["column_utf16"]
    assert [a["command"] for a in annotations] == ["notice", "error", "warning"]
    assert annotations[0]["message"] == "Write '%' for 'per cent': house style, 2024 edition"
    # the raw line keeps ':' and ',' of the file name escaped, so the properties split correctly
    assert lines[0].startswith("::notice file=rates%2C 2024%3A final.txt,line=1,endLine=1,col=")
    # columns count UTF-16 units: the emoji before the match takes two
    assert (annotations[0]["col"], annotations[0]["endColumn"]) == ("17", "25")


def test_message_line_breaks_are_escaped(tmp_path):
    repo = git_repo(tmp_path / "repo")
    pack = PACK.replace("message: \"Write '%' for '{match}': house style, 2024 edition\"", 'message: "First line\\r\\nsecond line"')
    (repo / "desk.yaml").write_text(pack, encoding="utf-8")
    (repo / ".newslint.yaml").write_text("packs: [desk.yaml]\n", encoding="utf-8")
    (repo / "a.txt").write_text("It fell 3 per cent.\n", encoding="utf-8")
    proc = run_cli("check", "a.txt", "--select", "desk", "--format", "github", cwd=repo)
    out = proc.stdout.decode("utf-8")
    assert out.count("\n") == 1 and out.rstrip("\n").endswith("::First line%0D%0Asecond line")


def test_paths_are_relative_to_the_repository_root_and_line_removals_stay_on_their_line(tmp_path):
    repo = git_repo(tmp_path / "repo")
    desk = repo / "desk"
    desk.mkdir()
    (desk / "a.txt").write_text("Copy.\n\nYou may also like\n\nMore copy.\n", encoding="utf-8")
    proc = run_cli("check", "a.txt", "--format", "github", "--select", "web-debris", cwd=desk)
    [line] = proc.stdout.decode("utf-8").splitlines()
    note = parse(line)
    assert note["file"] == "desk/a.txt" and note["command"] == "warning"
    # the finding's span includes the line break (--fix deletes the line); the annotation stays on line 3
    assert (note["line"], note["endLine"], note["col"], note["endColumn"]) == ("3", "3", "1", "18")


def test_unreadable_file_is_an_error_annotation_without_a_position(tmp_path):
    repo = git_repo(tmp_path / "repo")
    proc = run_cli("check", "gone.md", "--format", "github", cwd=repo)
    assert proc.returncode == 2
    [line] = proc.stdout.decode("utf-8").splitlines()
    note = parse(line)
    assert note["command"] == "error" and note["file"] == "gone.md" and note["title"] == "input-error"
    assert "line" not in note
