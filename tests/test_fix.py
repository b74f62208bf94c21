"""``newslint check --fix`` and ``--diff``: safe fixes only, atomic writes, idempotent, real files."""
from __future__ import annotations

import codecs
import os
import stat
import subprocess
import textwrap
from pathlib import Path

import pytest

from conftest import run_cli

HOUSE = textwrap.dedent(
    """\
    pack: house
    rules:
      - id: spelling
        kind: substitution
        swap: {Kiev: Kyiv, "e-mail": email}
      - id: post
        kind: substitution
        swap: {mail: post}
      - id: claims
        kind: existence
        terms: [sources say]
    """
)


@pytest.fixture
def desk(tmp_path: Path) -> Path:
    """A folder with a house pack: substitutions (safe to fix) and an existence rule (not fixable)."""
    (tmp_path / "house.yaml").write_text(HOUSE, encoding="utf-8")
    (tmp_path / ".newslint.yaml").write_text("packs: [house.yaml]\nselect: [house, web-debris]\n", encoding="utf-8")
    return tmp_path


def fingerprint(path: Path) -> tuple:
    """Identity and timestamps: an untouched file keeps all of them (a rewrite changes the inode)."""
    info = path.stat()
    return info.st_ino, info.st_mtime_ns, info.st_size


STORY = (
    "Officials in KIEV said sources say the e-mail was real.\n"
    "\n"
    "You may also like\n"
    "\n"
    "- Advertisement -spot_img\n"
    "The mail arrived in Kiev on Monday.\n"
)
FIXED = (
    "Officials in KYIV said sources say the email was real.\n"
    "\n"
    "\n"
    "The post arrived in Kyiv on Monday.\n"
)


def test_fix_applies_safe_fixes_keeps_permissions_and_reports_what_is_left(desk):
    story = desk / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    story.chmod(0o640)
    proc = run_cli("check", "story.txt", "--fix", cwd=desk)
    assert story.read_text(encoding="utf-8") == FIXED
    assert stat.S_IMODE(story.stat().st_mode) == 0o640
    out, err = proc.stdout.decode(), proc.stderr.decode()
    assert "newslint: fixed" in err and "in 1 file" in err
    # only the finding without a safe fix is left, reported at its place in the new text
    assert proc.returncode == 1 and "story.txt:1:24: warning [house/claims]" in out
    assert "Found 1 finding" in out
    assert not [p.name for p in desk.iterdir() if "newslint-fix" in p.name]  # no temporary file left


def test_second_fix_changes_nothing(desk):
    story = desk / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    run_cli("check", "story.txt", "--fix", cwd=desk)
    before = fingerprint(story)
    proc = run_cli("check", "story.txt", "--fix", cwd=desk)
    assert fingerprint(story) == before and story.read_text(encoding="utf-8") == FIXED
    assert "fixed" not in proc.stderr.decode()


def test_files_with_nothing_to_fix_are_never_touched(desk):
    clean = desk / "clean.txt"
    clean.write_text("The ferry left on time.\n", encoding="utf-8")
    unfixable = desk / "claims.md"
    unfixable.write_text("Sources say the ferry was late.\n", encoding="utf-8")
    before = {p: fingerprint(p) for p in (clean, unfixable)}
    proc = run_cli("check", ".", "--fix", cwd=desk)
    assert {p: fingerprint(p) for p in (clean, unfixable)} == before
    assert proc.returncode == 1 and "fixed" not in proc.stderr.decode()


def test_diff_shows_the_fixes_without_writing_and_applies_cleanly(desk):
    story = desk / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    before = fingerprint(story)
    proc = run_cli("check", "story.txt", "--diff", cwd=desk)
    diff = proc.stdout.decode()
    assert proc.returncode == 1 and fingerprint(story) == before
    assert diff.startswith("--- a/story.txt\n+++ b/story.txt\n@@")
    assert "-You may also like\n" in diff and "+The post arrived in Kyiv on Monday.\n" in diff
    # the diff is a real patch: applying it gives exactly what --fix writes
    subprocess.run(["git", "init", "-q"], cwd=desk, check=True)
    subprocess.run(["git", "apply", "-"], input=proc.stdout, cwd=desk, check=True)
    assert story.read_text(encoding="utf-8") == FIXED
    again = run_cli("check", "story.txt", "--diff", cwd=desk)
    assert again.returncode == 0 and again.stdout == b""


def test_overlapping_fixes_never_corrupt_the_text(desk):
    # "e-mail" (house/spelling) and "mail" (house/post) overlap; so do the ad label and spot_img
    story = desk / "story.txt"
    story.write_text("Send an e-mail.\n- Advertisement -spot_img\nEnd.\n", encoding="utf-8")
    run_cli("check", "story.txt", "--fix", cwd=desk)
    assert story.read_text(encoding="utf-8") == "Send an email.\nEnd.\n"


def test_byte_order_mark_and_crlf_line_endings_are_kept(desk):
    story = desk / "story.txt"
    story.write_bytes(codecs.BOM_UTF8 + "Kiev news.\r\n\r\nLeave a Comment\r\nEnd.\r\n".encode("utf-8"))
    run_cli("check", "story.txt", "--fix", cwd=desk)
    assert story.read_bytes() == codecs.BOM_UTF8 + "Kyiv news.\r\n\r\nEnd.\r\n".encode("utf-8")


def test_files_that_are_not_utf8_are_left_alone(desk):
    story = desk / "latin.txt"
    raw = "Caf\u00e9 in Kiev.\n".encode("cp1252")
    story.write_bytes(raw)
    proc = run_cli("check", "latin.txt", "--fix", cwd=desk)
    assert story.read_bytes() == raw
    assert "not fixing latin.txt: it is not UTF-8" in proc.stderr.decode()


def test_a_symbolic_link_stays_a_link(desk):
    target = desk / "real.txt"
    target.write_text("Kiev.\n", encoding="utf-8")
    link = desk / "link.txt"
    link.symlink_to(target.name)
    run_cli("check", "link.txt", "--fix", cwd=desk)
    assert link.is_symlink() and target.read_text(encoding="utf-8") == "Kyiv.\n"


def test_standard_input_can_be_diffed_but_not_fixed(desk):
    text = b"Kiev.\n"
    diffed = run_cli("check", "-", "--stdin-filename", "draft.md", "--diff", stdin=text, cwd=desk)
    assert diffed.returncode == 1 and "-Kiev.\n+Kyiv.\n" in diffed.stdout.decode()
    fixed = run_cli("check", "-", "--fix", stdin=text, cwd=desk)
    assert fixed.returncode == 2
    assert fixed.stderr.decode() == "newslint: error: --fix cannot rewrite standard input; use --diff to see the fixes\n"


def test_fix_and_diff_together_is_a_usage_error(desk):
    proc = run_cli("check", ".", "--fix", "--diff", cwd=desk)
    assert proc.returncode == 2 and "not allowed with argument" in proc.stderr.decode()


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a user that read-only folders stop")
def test_a_file_that_cannot_be_written_is_a_one_line_error(desk):
    folder = desk / "locked"
    folder.mkdir()
    story = folder / "story.txt"
    story.write_text("Kiev.\n", encoding="utf-8")
    folder.chmod(0o555)
    try:
        proc = run_cli("check", "locked/story.txt", "--fix", cwd=desk)
    finally:
        folder.chmod(0o755)
    err = proc.stderr.decode()
    assert proc.returncode == 2 and "newslint: error: cannot write locked/story.txt" in err and "Traceback" not in err
    assert story.read_text(encoding="utf-8") == "Kiev.\n"
