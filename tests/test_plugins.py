"""The plugin engine: objects, entry points, local plugin files, crash isolation, the corpus hook."""
from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from conftest import run_cli
from newslint.checks.base import Check, CorpusEntry, Docs, Option
from newslint.config import ConfigError
from newslint.engine import lint_text
from newslint.findings import Finding, Severity
from newslint.hookspecs import hookimpl

PLUGIN_SOURCE = textwrap.dedent(
    '''
    from newslint.checks.base import Check, Docs
    from newslint.findings import Severity
    from newslint.hookspecs import hookimpl


    class ShoutingHeadline(Check):
        id = "shouting-headline"
        category = "style"
        severity = Severity.INFO
        summary = "Headlines set in capitals."
        docs = Docs(flags="A headline in capitals.", why="Capitals read as shouting.",
                    example="THE END IS NEAR", better="The end is near")

        def check(self, doc, ctx):
            for block in doc.blocks:
                text = doc.text[block.start:block.end]
                if block.kind in ("headline", "heading") and text.isupper():
                    yield self.finding(block.start, block.end, "Headline is set in capitals.")


    @hookimpl
    def newslint_register_checks():
        return [ShoutingHeadline()]
    '''
)


class WordCounter(Check):
    id = "test-word"
    category = "test"
    severity = Severity.WARNING
    summary = "Finds a word."
    docs = Docs(flags="x", why="x", example="zebra", better="horse")
    options = (Option("word", "zebra", "the word to find"),)

    def check(self, doc, ctx):
        word = ctx.options["word"]
        start = doc.normalized.find(word)
        if start >= 0:
            yield self.finding(start, start + len(word), f"Found {word}.")

    def collect(self, doc, ctx):
        return doc.normalized.count(ctx.options["word"])

    def check_corpus(self, entries: list[CorpusEntry], ctx):
        total = sum(e.data for e in entries)
        yield Finding("test-word", Severity.INFO, f"{total} in {len(entries)} documents.", 0, 0, path=entries[0].path)


class ObjectPlugin:
    @hookimpl
    def newslint_register_checks(self):
        return [WordCounter()]


def test_plugin_object_registered_in_code_runs_with_options_and_corpus_hook():
    findings = lint_text("A zebra and a zebra.", select=["test-word"], plugins=[ObjectPlugin()])
    assert [(f.rule, f.message) for f in findings] == [("test-word", "Found zebra."), ("test-word", "2 in 1 documents.")]
    assert findings[0].location.column == 3
    findings = lint_text("A horse.", select=["test-word"], plugins=[ObjectPlugin()], options={"test-word": {"word": "horse"}})
    assert findings[0].message == "Found horse."


def test_option_of_the_wrong_type_is_a_config_error():
    with pytest.raises(ConfigError, match="expected str, got int"):
        lint_text("x", select=["test-word"], plugins=[ObjectPlugin()], options={"test-word": {"word": 3}})


def test_two_plugins_with_one_rule_id_is_a_config_error():
    with pytest.raises(ConfigError, match="two plugins register the rule id 'test-word'"):
        lint_text("x", plugins=[ObjectPlugin(), ObjectPlugin()])


def make_fake_distribution(root: Path) -> Path:
    """A package with an entry point in the ``newslint`` group, importable via PYTHONPATH: no pip install."""
    site = root / "site"
    (site / "newslint_shouting").mkdir(parents=True)
    (site / "newslint_shouting" / "__init__.py").write_text(PLUGIN_SOURCE)
    info = site / "newslint_shouting-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: newslint-shouting\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text("[newslint]\nshouting = newslint_shouting\n")
    return site


def test_third_party_plugin_from_an_entry_point_works_end_to_end(tmp_path):
    site = make_fake_distribution(tmp_path)
    story = tmp_path / "story.txt"
    story.write_text("THE END IS NEAR\n\nA long first paragraph of body text follows the headline here.\n")
    env = {"PYTHONPATH": str(site)}
    listing = run_cli("rules", env=env).stdout.decode()
    assert any(line.startswith("shouting-headline") for line in listing.splitlines())
    result = run_cli("check", str(story), "--select", "shouting-headline", "--fail-on", "info", env=env)
    assert result.returncode == 1
    assert f"{story}:1:1: info [shouting-headline] Headline is set in capitals." in result.stdout.decode()
    explain = run_cli("explain", "shouting-headline", env=env).stdout.decode()
    assert "Capitals read as shouting." in explain


def test_local_plugin_file_named_in_config(tmp_path):
    (tmp_path / "house_checks.py").write_text(PLUGIN_SOURCE)
    (tmp_path / ".newslint.yaml").write_text("plugins: [house_checks.py]\nfail-on: info\n")
    (tmp_path / "story.txt").write_text("THE END IS NEAR\n")
    result = run_cli("check", str(tmp_path), "--format", "json")
    assert [f["rule"] for f in json.loads(result.stdout)["findings"]] == ["shouting-headline"]


def test_a_plugin_file_that_fails_to_import_is_a_clear_error(tmp_path):
    (tmp_path / "broken.py").write_text("import not_a_module_anywhere\n")
    (tmp_path / ".newslint.yaml").write_text("plugins: [broken.py]\n")
    (tmp_path / "story.txt").write_text("Text.\n")
    result = run_cli("check", str(tmp_path))
    assert result.returncode == 2
    assert "broken.py failed to import: ModuleNotFoundError" in result.stderr.decode()
    assert "Traceback" not in result.stderr.decode()


CRASHING_PLUGIN = textwrap.dedent(
    '''
    from newslint.checks.base import Check, Docs
    from newslint.hookspecs import hookimpl


    class Crashes(Check):
        id = "crashes"
        summary = "Always crashes."
        docs = Docs(flags="x", why="x", example="x", better="x")

        def check(self, doc, ctx):
            raise RuntimeError("boom")


    @hookimpl
    def newslint_register_checks():
        return [Crashes()]
    '''
)


def test_a_crashing_check_is_reported_and_the_others_still_run(tmp_path):
    (tmp_path / "crashy.py").write_text(CRASHING_PLUGIN)
    (tmp_path / ".newslint.yaml").write_text("plugins: [crashy.py]\n")
    story = tmp_path / "story.txt"
    story.write_text("Text.\n\nLeave a Comment\n")
    result = run_cli("check", str(story), "--format", "json")
    assert result.returncode == 2
    findings = json.loads(result.stdout)["findings"]
    crash = [f for f in findings if f["rule"] == "internal-error"]
    assert len(crash) == 1 and "Check crashes crashed on" in crash[0]["message"] and "RuntimeError: boom" in crash[0]["message"]
    assert "web-debris/comment-prompt" in {f["rule"] for f in findings}
    assert "Check crashes crashed" in result.stderr.decode()


def test_configure_hook_sees_the_config():
    seen = []

    class Watcher:
        @hookimpl
        def newslint_configure(self, config):
            seen.append(config.fail_on)

    lint_text("Text.", plugins=[Watcher()])
    assert seen == ["warning"]


def test_a_plugin_whose_hook_raises_is_a_one_line_internal_error(tmp_path):
    (tmp_path / "bad_hook.py").write_text(
        "from newslint.hookspecs import hookimpl\n\n"
        "@hookimpl\ndef newslint_register_checks():\n    raise RuntimeError('registry exploded')\n"
    )
    (tmp_path / ".newslint.yaml").write_text("plugins: [bad_hook.py]\n")
    (tmp_path / "story.txt").write_text("Text.\n")
    result = run_cli("check", str(tmp_path))
    message = result.stderr.decode()
    assert result.returncode == 2
    assert message.count("\n") == 1 and "Traceback" not in message
    assert "internal error: RuntimeError: registry exploded" in message
    debug = run_cli("check", str(tmp_path), env={"NEWSLINT_DEBUG": "1"})
    assert "Traceback" in debug.stderr.decode()


def test_entry_points_are_found_by_reading_only_distributions_that_name_the_group(tmp_path, monkeypatch):
    from newslint.plugins import _distributions_naming_the_group, build_plugin_manager, collect_checks

    site = make_fake_distribution(tmp_path)
    other = site / "unrelated-1.0.dist-info"
    other.mkdir()
    (other / "METADATA").write_text("Metadata-Version: 2.1\nName: unrelated\nVersion: 1.0\n")
    (other / "entry_points.txt").write_text("[console_scripts]\nnewslint = x:y\n[newslint-extras]\na = b\n")
    assert list(_distributions_naming_the_group([site, tmp_path / "missing"])) == [
        site / "newslint_shouting-0.1.dist-info"
    ]
    monkeypatch.syspath_prepend(str(site))
    checks = collect_checks(build_plugin_manager())
    assert "shouting-headline" in checks
    assert "date-invalid" in checks  # built-ins still there


def test_a_zip_on_sys_path_falls_back_to_reading_every_distribution(tmp_path, monkeypatch):
    from newslint.plugins import build_plugin_manager, collect_checks

    site = make_fake_distribution(tmp_path)
    archive = tmp_path / "bundle.zip"
    archive.write_bytes(b"PK\x05\x06" + b"\x00" * 18)  # an empty zip archive
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.syspath_prepend(str(archive))
    assert "shouting-headline" in collect_checks(build_plugin_manager())
