"""SARIF 2.1.0 output, read the way GitHub code scanning, SARIF viewers and sarif-tools read it.

Every SARIF document produced here is validated against the official OASIS schema
(../shared/sarif, JSON Schema draft-04); tests skip when that folder is absent.
Regions are checked by cutting the text out of the file in UTF-16 code units.
"""
from __future__ import annotations

import csv
import json
import random
import subprocess
import sys
import textwrap
from pathlib import Path
from urllib.parse import unquote, urlparse

import jsonschema
import pytest

from conftest import run_cli
from newslint.fingerprints import GithubLineHashes

HOUSE_PACK = textwrap.dedent(
    """\
    pack: house
    rules:
      - id: spelling
        kind: substitution
        swap: {Kiev: Kyiv, "e-mail": email}
    """
)


@pytest.fixture(scope="module")
def validator(shared_dir: Path) -> jsonschema.Draft4Validator:
    schema_file = shared_dir / "sarif" / "sarif-schema-2.1.0.json"
    if not schema_file.is_file():
        pytest.skip(f"needs the SARIF schema at {schema_file}")
    return jsonschema.Draft4Validator(json.loads(schema_file.read_text(encoding="utf-8")))


@pytest.fixture
def sarif(validator):
    """Run ``newslint check ... --format sarif``; the document must be schema-valid."""

    def run(*args: str, cwd: Path | None = None, stdin: bytes | None = None) -> tuple[dict, subprocess.CompletedProcess]:
        proc = run_cli("check", *args, "--format", "sarif", cwd=cwd, stdin=stdin)
        assert b"Traceback" not in proc.stderr, proc.stderr.decode()
        document = json.loads(proc.stdout)
        errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
        assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])
        return document, proc

    return run


def git_repo(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    subprocess.run(["git", "init", "-q", str(path)], check=True)
    return path


def artifact_path(run: dict, location: dict) -> Path:
    """Resolve an artifactLocation as a consumer would: through originalUriBaseIds when it has one."""
    uri = location["uri"]
    if "uriBaseId" in location:
        uri = run["originalUriBaseIds"][location["uriBaseId"]]["uri"] + uri
    return Path(unquote(urlparse(uri).path))


def utf16_offset(text: str, line: int, column: int) -> int:
    before = "".join(text.split("\n")[: line - 1]) + "\n" * (line - 1)
    return len(before.encode("utf-16-le")) // 2 + column - 1


def region_text(text: str, region: dict) -> str:
    """The text a SARIF region covers, counting columns in UTF-16 code units."""
    units = text.encode("utf-16-le")
    start = utf16_offset(text, region["startLine"], region["startColumn"])
    end = utf16_offset(text, region["endLine"], region["endColumn"])
    return units[2 * start : 2 * end].decode("utf-16-le")


def json_findings(*args: str, cwd: Path | None = None) -> list[dict]:
    return json.loads(run_cli("check", *args, "--format", "json", cwd=cwd).stdout)["findings"]


def sarif_tools_rows(document: dict, tmp_path: Path) -> list[dict]:
    """What sarif-tools (an independent SARIF reader) lists, via its own command line."""
    source = tmp_path / "report.sarif"
    source.write_text(json.dumps(document), encoding="utf-8")
    target = tmp_path / "report.csv"
    proc = subprocess.run(
        [sys.executable, "-m", "sarif", "csv", "--output", str(target), str(source)], capture_output=True
    )
    assert proc.returncode == 0, proc.stderr.decode()
    with target.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


# -- the seed articles: schema-valid, every region exactly on its text ----------------------

def test_seed_report_is_valid_and_every_result_points_at_its_text(sarif, seeds_dir, tmp_path):
    document, proc = sarif(str(seeds_dir))
    run = document["runs"][0]
    expected = json_findings(str(seeds_dir))
    results = run["results"]
    assert proc.returncode in (1, 2) and len(results) == len(expected) > 0
    texts: dict[Path, str] = {}
    for result, finding in zip(results, expected):
        assert (result["ruleId"], result["message"]["text"]) == (finding["rule"], finding["message"])
        assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        if finding["line"] is None:
            continue
        physical = result["locations"][0]["physicalLocation"]
        path = artifact_path(run, physical["artifactLocation"])
        assert path.resolve() == Path(finding["path"]).resolve()
        text = texts.setdefault(path, path.read_text(encoding="utf-8-sig"))
        span = text[finding["start"] : finding["end"]]
        shown = region_text(text, physical["region"])
        # a span that ends with its line break is shown without it; the fix still removes it
        assert shown == span or (span.endswith("\n") and shown == span.rstrip("\n").rstrip("\r"))
        if "snippet" in physical["region"]:
            assert physical["region"]["snippet"]["text"] == shown
        if result["ruleId"].startswith("web-debris/"):
            quoted = result["message"]["text"][1:].split("' is ", 1)[0]
            assert shown == quoted, (path.name, physical["region"])
        for fix in result.get("fixes", []):
            replacement = fix["artifactChanges"][0]["replacements"][0]
            assert region_text(text, replacement["deletedRegion"]) == span
            assert replacement.get("insertedContent", {}).get("text", "") == finding["replacement"]
    levels = {"error": "error", "warning": "warning", "info": "note"}
    seen = sorted((r["Code"], r["Severity"], r["Description"], Path(unquote(urlparse(r["Location"]).path)).name, int(r["Line"])) for r in sarif_tools_rows(document, tmp_path))
    printed = sorted((f["rule"], levels[f["severity"]], f["message"], Path(f["path"]).name, f["line"] or 1) for f in expected)
    assert seen == printed


# -- regions in UTF-16 code units -------------------------------------------------------------

def test_regions_count_utf16_code_units_on_lines_with_emoji(sarif, tmp_path):
    repo = git_repo(tmp_path / "repo")
    text = "Weekend \U0001F600 read: spot_img and \u00e9\U0001F389 {{byline}} end.\n"
    (repo / "story.txt").write_text(text, encoding="utf-8")
    document, _ = sarif("story.txt", "--select", "web-debris", cwd=repo)
    run = document["runs"][0]
    assert run["columnKind"] == "utf16CodeUnits"
    regions = [r["locations"][0]["physicalLocation"]["region"] for r in run["results"]]
    assert [(r["startColumn"], r["endColumn"]) for r in regions] == [(18, 26), (35, 45)]
    assert [region_text(text, r) for r in regions] == ["spot_img", "{{byline}}"]
    # in code points the matches start at columns 17 and 33: each emoji takes two units
    assert (text.index("spot_img") + 1, text.index("{{byline}}") + 1) == (17, 33)


# -- what GitHub code scanning reads ------------------------------------------------------------

def test_rules_results_and_locations_are_complete_for_code_scanning(sarif, tmp_path):
    repo = git_repo(tmp_path / "repo")
    (repo / "news").mkdir()
    (repo / "news" / "my story.md").write_text("A calm report.\n\nLeave a Comment\n", encoding="utf-8")
    document, proc = sarif("news", cwd=repo)
    assert document["version"] == "2.1.0" and document["$schema"].endswith("sarif-schema-2.1.0.json")
    run = document["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "newslint" and driver["version"] and driver["informationUri"].startswith("https://")
    rules = driver["rules"]
    ids = [r["id"] for r in rules]
    assert len(ids) == len(set(ids)) and "web-debris/comment-prompt" in ids and "internal-error" in ids
    for rule in rules:
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"] and rule["name"]
        assert rule["help"]["text"] and rule["help"]["markdown"] and rule["helpUri"].startswith("https://")
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
        assert rule["properties"]["tags"]
    explain = run_cli("explain", "web-debris/comment-prompt").stdout.decode()
    prompt = rules[ids.index("web-debris/comment-prompt")]
    assert "## Why it matters" in prompt["help"]["markdown"] and prompt["help"]["text"].strip() in explain
    [result] = run["results"]
    assert result["ruleId"] == "web-debris/comment-prompt" and ids[result["ruleIndex"]] == result["ruleId"]
    assert result["level"] == "warning"
    [location] = result["locations"]
    artifact = location["physicalLocation"]["artifactLocation"]
    assert artifact == {"uri": "news/my%20story.md", "uriBaseId": "%SRCROOT%"}
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == repo.resolve().as_uri() + "/"
    assert artifact_path(run, artifact) == (repo / "news" / "my story.md").resolve()
    assert run["automationDetails"]["id"].startswith("newslint/")
    [invocation] = run["invocations"]
    assert invocation["executionSuccessful"] is True and invocation["exitCode"] == proc.returncode == 1


def test_uris_are_relative_to_the_repository_root_from_a_subfolder(sarif, tmp_path):
    repo = git_repo(tmp_path / "repo")
    desk = repo / "desk"
    desk.mkdir()
    (desk / "a.txt").write_text("Adblock Detected\n", encoding="utf-8")
    document, _ = sarif("a.txt", cwd=desk)
    run = document["runs"][0]
    artifact = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert artifact == {"uri": "desk/a.txt", "uriBaseId": "%SRCROOT%"}


def test_line_hash_is_the_one_github_computes_and_content_fingerprint_survives_a_move(sarif, tmp_path):
    repo = git_repo(tmp_path / "repo")
    story = repo / "story.txt"
    story.write_text("First paragraph.\n\n- Advertisement -\n", encoding="utf-8")
    before, _ = sarif("story.txt", cwd=repo)
    story.write_text("New lead.\n\nMore context here.\n\nFirst paragraph.\n\n- Advertisement -\n", encoding="utf-8")
    after, _ = sarif("story.txt", cwd=repo)
    [old] = before["runs"][0]["results"]
    [new] = after["runs"][0]["results"]
    old_line = old["locations"][0]["physicalLocation"]["region"]["startLine"]
    new_line = new["locations"][0]["physicalLocation"]["region"]["startLine"]
    assert (old_line, new_line) == (3, 7)
    assert old["partialFingerprints"]["newslintContent/v1"] == new["partialFingerprints"]["newslintContent/v1"]
    hashes = github_line_hashes(story.read_text(encoding="utf-8"))
    assert new["partialFingerprints"]["primaryLocationLineHash"] == hashes[7]


def github_line_hashes(text: str) -> dict[int, str]:
    hashes = GithubLineHashes(text)
    return {line: hashes.get(line) for line in hashes.lines}


# Reference values from GitHub's own tests of its fingerprinting
# (github/codeql-action, src/fingerprints.test.ts): input text, one hash per line.
GITHUB_REFERENCE_HASHES = [
    ("", ["c129715d7a2bc9a3:1"]),
    (" a\nb\n  \t\tc\n d", ["271789c17abda88f:1", "54703d4cd895b18:1", "180aee12dab6264:1", "a23a3dc5e078b07b:1"]),
    (
        " hello; \t\nworld!!!\r\n\n\r  \t\tGreetings\r End\r\n",
        ["e9496ae3ebfced30:1", "fb7c023a8b9ccb3f:1", "ce8ba1a563dcdaca:1", "e20e36e16fcb0cc8:1",
         "b3edc88f2938467e:1", "c8e28b0b4002a3a0:1", "c129715d7a2bc9a3:1"],
    ),
    (
        "Lorem ipsum dolor sit amet.\n" * 10,
        ["a7f2ff13bc495cf2:1", "a7f2ff13bc495cf2:2", "a7f2ff13bc495cf2:3", "a7f2ff13bc495cf2:4",
         "a7f2ff13bc495cf2:5", "a7f2ff13bc495cf2:6", "a7f2ff1481e87703:1", "a9cf91f7bbf1862b:1",
         "55ec222b86bcae53:1", "cc97dc7b1d7d8f7b:1", "c129715d7a2bc9a3:1"],
    ),
]


@pytest.mark.parametrize("text, expected", GITHUB_REFERENCE_HASHES)
def test_line_hashes_match_githubs_reference_values(text, expected):
    hashes = github_line_hashes(text)
    assert [hashes[line] for line in sorted(hashes)] == expected


def rolling_line_hashes(text: str) -> dict[int, str]:
    """GitHub's algorithm step by step, one UTF-16 unit at a time: the oracle for the fast version."""
    block, mod, mask = 100, 37, (1 << 64) - 1
    first_mod = pow(mod, block, 1 << 64)
    window, starts = [0] * block, [-1] * block
    hashes, seen = {}, {}
    value = index = line = 0
    line_start, prev_cr = True, False
    data = text.encode("utf-16-le")
    units = [int.from_bytes(data[i : i + 2], "little") for i in range(0, len(data), 2)] + [0xFFFF]

    def emit(slot):
        digest = format(value, "x")
        seen[digest] = seen.get(digest, 0) + 1
        hashes[starts[slot]] = f"{digest}:{seen[digest]}"
        starts[slot] = -1

    for unit in units:
        if unit in (32, 9) or (prev_cr and unit == 10):
            prev_cr = False
            continue
        prev_cr = unit == 13
        unit = 10 if prev_cr else unit
        if starts[index] != -1:
            emit(index)
        if line_start:
            line_start, line = False, line + 1
            starts[index] = line
        line_start = line_start or unit == 10
        oldest, window[index] = window[index], unit
        value = (mod * value + unit - first_mod * oldest) & mask
        index = (index + 1) % block
    for _ in range(block):
        if starts[index] != -1:
            emit(index)
        value = (mod * value - first_mod * window[index]) & mask
        window[index] = 0
        index = (index + 1) % block
    return hashes


def test_line_hashes_equal_the_step_by_step_algorithm_on_varied_text():
    rng = random.Random(7)
    # "ਕĀ" is the bytes 15 0A 00 01 in UTF-16: an LF's two bytes, straddling two units
    alphabet = ["a", "b", " ", "\t", "\n", "\r", "\r\n", "é", "\U0001F1FA", "\u0a15\u0100",
                "Lorem ipsum dolor sit amet. " * 5]
    texts = ["", "\n", "\r", " \r \n ", "x" * 250, "same line\n" * 30]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 400))) for _ in range(300)]
    for text in texts:
        assert github_line_hashes(text) == rolling_line_hashes(text), repr(text[:80])


# -- fixes ------------------------------------------------------------------------------------

def test_every_finding_with_a_replacement_carries_a_fix(sarif, tmp_path):
    repo = git_repo(tmp_path / "repo")
    (repo / "house.yaml").write_text(HOUSE_PACK, encoding="utf-8")
    (repo / ".newslint.yaml").write_text("packs: [house.yaml]\n", encoding="utf-8")
    text = "Reporters in Kiev sent an e-mail.\n\nYou may also like\n\nThe end.\n"
    (repo / "story.txt").write_text(text, encoding="utf-8")
    document, _ = sarif("story.txt", "--select", "house,web-debris", cwd=repo)
    expected = json_findings("story.txt", "--select", "house,web-debris", cwd=repo)
    results = document["runs"][0]["results"]
    assert len(results) == len(expected) == 3
    for result, finding in zip(results, expected):
        [fix] = result["fixes"]
        [change] = fix["artifactChanges"]
        assert change["artifactLocation"] == result["locations"][0]["physicalLocation"]["artifactLocation"]
        [replacement] = change["replacements"]
        assert region_text(text, replacement["deletedRegion"]) == text[finding["start"] : finding["end"]]
        assert replacement.get("insertedContent", {}).get("text", "") == finding["replacement"]
    inserted = [r["fixes"][0]["artifactChanges"][0]["replacements"][0].get("insertedContent") for r in results]
    assert inserted == [{"text": "Kyiv"}, {"text": "email"}, None]


# -- failures: unreadable files and crashes ---------------------------------------------------

CRASHING_PLUGIN = textwrap.dedent(
    '''
    from newslint.checks.base import Check, Docs
    from newslint.hookspecs import hookimpl


    class CrashesPerDocument(Check):
        id = "crashes-per-document"
        summary = "Always crashes on a document."
        docs = Docs(flags="x", why="x", example="x", better="x")

        def check(self, doc, ctx):
            raise RuntimeError("boom")


    class CrashesOnCorpus(Check):
        id = "crashes-on-corpus"
        summary = "Always crashes across documents."
        docs = Docs(flags="x", why="x", example="x", better="x")

        def check(self, doc, ctx):
            return ()

        def collect(self, doc, ctx):
            return 1

        def check_corpus(self, entries, ctx):
            raise ValueError("corpus boom")


    @hookimpl
    def newslint_register_checks():
        return [CrashesPerDocument(), CrashesOnCorpus()]
    '''
)


def test_unreadable_files_and_crashes_are_valid_results_and_notifications(sarif, tmp_path):
    repo = git_repo(tmp_path / "repo")
    (repo / "crashy.py").write_text(CRASHING_PLUGIN, encoding="utf-8")
    (repo / ".newslint.yaml").write_text("plugins: [crashy.py]\n", encoding="utf-8")
    (repo / "story.txt").write_text("Leave a Comment\n", encoding="utf-8")
    (repo / "binary.txt").write_bytes(b"\x00\x01\x02")
    document, proc = sarif("story.txt", "binary.txt", "missing.md", cwd=repo)
    assert proc.returncode == 2
    run = document["runs"][0]
    by_rule: dict[str, list[dict]] = {}
    for result in run["results"]:
        by_rule.setdefault(result["ruleId"], []).append(result)
    unreadable = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in by_rule["input-error"]}
    assert unreadable == {"binary.txt", "missing.md"}
    assert all("region" not in r["locations"][0]["physicalLocation"] for r in by_rule["input-error"])
    crashes = by_rule["internal-error"]
    assert len(crashes) == 2
    corpus_crash = next(r for r in crashes if "corpus boom" in r["message"]["text"])
    assert "locations" not in corpus_crash
    [invocation] = run["invocations"]
    assert invocation["executionSuccessful"] is False and invocation["exitCode"] == 2
    notes = invocation["toolExecutionNotifications"]
    assert len(notes) == 4 and all(n["level"] == "error" for n in notes)
    rules = run["tool"]["driver"]["rules"]
    associated = {n["associatedRule"]["id"] for n in notes if "associatedRule" in n}
    assert associated == {"crashes-per-document", "crashes-on-corpus"}
    assert all(rules[n["associatedRule"]["index"]]["id"] == n["associatedRule"]["id"] for n in notes if "associatedRule" in n)
    rows = sarif_tools_rows(document, tmp_path)
    assert sorted(r["Code"] for r in rows) == sorted(r["ruleId"] for r in run["results"])
    assert {r["Location"] for r in rows if r["Code"] == "internal-error"} >= {"-"}


def test_publication_dates_per_file_are_in_the_run_properties(sarif, tmp_path):
    repo = git_repo(tmp_path / "repo")
    (repo / "dated.md").write_text("---\ntitle: Port\ndate: 2025-05-17\n---\n\nShips came in.\n", encoding="utf-8")
    (repo / "undated.txt").write_text("Ships left.\n", encoding="utf-8")
    document, _ = sarif("dated.md", "undated.txt", "--date", "2024-02-29", "--select", "web-debris", cwd=repo)
    dates = {d["artifactLocation"]["uri"]: d for d in document["runs"][0]["properties"]["publicationDates"]}
    assert dates["dated.md"]["publicationDate"] == "2025-05-17" and dates["dated.md"]["source"]
    assert dates["undated.txt"]["publicationDate"] == "2024-02-29" and dates["undated.txt"]["source"] == "--date"


def test_standard_input_is_named_by_stdin_filename(sarif, tmp_path):
    repo = git_repo(tmp_path / "repo")
    document, _ = sarif("-", "--stdin-filename", "desk/draft.md", cwd=repo, stdin=b"Hello.\n\nLeave a Comment\n")
    [result] = document["runs"][0]["results"]
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "desk/draft.md", "uriBaseId": "%SRCROOT%"}
    assert location["region"]["startLine"] == 3
