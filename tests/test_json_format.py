"""The JSON report: valid against its published, versioned schema; exact spans."""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from conftest import EXAMPLES, run_cli

SCHEMA = json.loads((Path(__file__).resolve().parents[1] / "newslint" / "formats" / "json-schema.json").read_text())


def test_report_on_examples_and_bad_input_is_valid_against_the_schema(tmp_path):
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01")
    result = run_cli("check", str(EXAMPLES), str(tmp_path / "bin.txt"), str(tmp_path / "missing.md"), "--format", "json")
    payload = json.loads(result.stdout)
    jsonschema.Draft202012Validator(SCHEMA).validate(payload)
    assert payload["schema_version"] == 1
    assert payload["summary"]["exit_code"] == result.returncode == 2
    unreadable = [f for f in payload["files"] if not f["checked"]]
    assert {Path(f["path"]).name for f in unreadable} == {"bin.txt", "missing.md"}


def test_finding_offsets_point_at_the_text(tmp_path):
    text = "Caf\u00e9 \U0001F600 notes.\n\n- Advertisement -\n"
    story = tmp_path / "s.txt"
    story.write_text(text, encoding="utf-8")
    finding = json.loads(run_cli("check", str(story), "--format", "json").stdout)["findings"][0]
    assert text[finding["start"] : finding["end"]].startswith("- Advertisement -")
    assert (finding["line"], finding["column"], finding["column_utf16"]) == (3, 1, 1)
    assert finding["replacement"] == "" and finding["fixable"] is True


def test_each_finding_is_one_line_so_the_report_can_be_grepped():
    result = run_cli("check", str(EXAMPLES), "--format", "json")
    payload = json.loads(result.stdout)
    finding_lines = [line for line in result.stdout.decode().splitlines() if line.startswith('    {"rule": ')]
    assert len(finding_lines) == len(payload["findings"]) > 0
    assert [json.loads(line.rstrip(",")) for line in finding_lines] == payload["findings"]
