"""The built-in data: YAML as the source, compiled JSON twins read in its place, and YAML errors."""
from __future__ import annotations

import datetime as _dt
import shutil
import subprocess
import sys
import textwrap

import pytest
import yaml

from newslint import resources
from newslint.cli import main
from newslint.resources import YamlSyntaxError, compiled_text, load_rules_file, rules_dir, safe_load, twin_path

BUILTIN_FILES = sorted(path.name for path in rules_dir().glob("*.yaml"))


@pytest.mark.parametrize("name", BUILTIN_FILES)
def test_every_compiled_twin_is_current(name):
    source = (rules_dir() / name).read_bytes()
    assert twin_path(name).read_text(encoding="utf-8") == compiled_text(source), (
        f"rules/compiled/ is stale for {name}: run `python -m newslint.resources`"
    )


@pytest.mark.parametrize("name", BUILTIN_FILES)
def test_the_twin_gives_the_data_the_yaml_gives(name):
    assert load_rules_file(name) == yaml.safe_load((rules_dir() / name).read_text(encoding="utf-8"))


def _non_text_items(data, where: str):
    """List items that YAML read as something other than text, dates or records."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _non_text_items(value, f"{where}.{key}")
    elif isinstance(data, list):
        for item in data:
            if isinstance(item, (bool, int, float)) or item is None:
                yield f"{where}: {item!r}"
            yield from _non_text_items(item, where)


@pytest.mark.parametrize("name", BUILTIN_FILES)
def test_word_lists_hold_words_not_yaml_booleans(name):
    """Unquoted on, off, yes and no are booleans in YAML 1.1: a cue "on" became True and never matched."""
    assert list(_non_text_items(load_rules_file(name), name)) == []


def test_dates_come_back_as_dates():
    offices = load_rules_file("officeholders.yaml")["offices"]
    starts = [holder["from"] for office in offices for holder in office["holders"]]
    assert starts and all(isinstance(start, _dt.date) for start in starts)


@pytest.fixture
def rules_copy(tmp_path, monkeypatch):
    """A copy of rules/ that load_rules_file reads instead of the real one."""
    copy = tmp_path / "rules"
    shutil.copytree(rules_dir(), copy)
    monkeypatch.setattr(resources, "rules_dir", lambda: copy)
    resources.load_rules_file.cache_clear()
    yield copy
    resources.load_rules_file.cache_clear()


def test_an_edited_yaml_file_is_read_not_its_stale_twin(rules_copy):
    path = rules_copy / "web-debris.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("pack:", "# edited by a newsroom\npack:", 1) +
                    "\n# one more line\n", encoding="utf-8")
    edited = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert resources.load_rules_file("web-debris.yaml") == edited


def test_an_edit_that_changes_the_data_is_seen(rules_copy):
    path = rules_copy / "forecast-cues.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    path.write_text(path.read_text(encoding="utf-8") + "\nnewsroom_note: added after the twin was made\n",
                    encoding="utf-8")
    loaded = resources.load_rules_file("forecast-cues.yaml")
    assert loaded["newsroom_note"] == "added after the twin was made"
    assert {k: v for k, v in loaded.items() if k != "newsroom_note"} == data


def test_a_missing_or_broken_twin_falls_back_to_the_yaml(rules_copy):
    (rules_copy / "compiled" / "sourcing.json").unlink()
    (rules_copy / "compiled" / "events.json").write_text("{not json", encoding="utf-8")
    assert resources.load_rules_file("sourcing.yaml") == yaml.safe_load(
        (rules_copy / "sourcing.yaml").read_text(encoding="utf-8"))
    assert resources.load_rules_file("events.yaml") == yaml.safe_load(
        (rules_copy / "events.yaml").read_text(encoding="utf-8"))


def test_refreshing_the_twins_rewrites_only_stale_ones(rules_copy):
    path = rules_copy / "web-debris.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    written = resources.write_compiled_twins()
    assert [p.name for p in written] == ["web-debris.json"]
    assert twin_path("web-debris.yaml").read_text(encoding="utf-8") == compiled_text(path.read_bytes())
    assert resources.write_compiled_twins() == []


def test_a_run_on_an_article_does_not_import_pyyaml(tmp_path):
    """PyYAML is loaded only when the newsroom's own YAML (a config, a pack, front matter) is read."""
    article = tmp_path / "a.md"
    article.write_text("---\ntitle: Budget\ndate: 2025-05-02\n---\nPresident Biden met the mayor in 2024. "
                       "Experts say 45% of voters agree.\n", encoding="utf-8")
    script = textwrap.dedent(f"""
        import sys
        from newslint.cli import main
        code = main(["check", {str(article)!r}, "--jobs", "1", "--fail-on", "never"])
        print("yaml" in sys.modules)
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "False"


@pytest.mark.parametrize("source", ["2024: a year as a key\n", "when: 2024-05-01 12:00:00\n"])
def test_data_json_cannot_carry_faithfully_is_refused_when_compiling(source):
    with pytest.raises(TypeError):
        compiled_text(source.encode("utf-8"))


def test_safe_load_reports_the_line_and_the_problem():
    with pytest.raises(YamlSyntaxError) as caught:
        safe_load("a: 1\nb: [2, 3\n")
    assert caught.value.line == 3
    assert "expected ',' or ']'" in caught.value.problem
    assert "\n" not in caught.value.problem


def test_safe_load_refuses_python_objects():
    with pytest.raises(YamlSyntaxError):
        safe_load("x: !!python/object/apply:os.system ['echo hacked']\n")


@pytest.mark.parametrize(
    "option, expected",
    [
        ("name-house-style: {dictionary: bad.yaml}", "bad.yaml:3: malformed YAML: did not find expected ',' or ']'"),
        ("date-anachronism: {officeholder_files: [bad.yaml]}",
         "bad.yaml:3: malformed YAML: did not find expected ',' or ']'"),
        ("date-anachronism: {officeholder_files: [missing.yaml]}", "missing.yaml: cannot read the knowledge file: No such file"),
        ("date-anachronism: {event_files: [latin1.yaml]}", "latin1.yaml: the knowledge file is not UTF-8"),
        ("name-house-style: {dictionary: latin1.yaml}", "latin1.yaml: the names dictionary is not UTF-8"),
    ],
)
def test_a_broken_newsroom_data_file_stops_the_run_with_one_line(tmp_path, monkeypatch, capsys, option, expected):
    """Not an internal error on every article: one line naming the file, exit 2."""
    (tmp_path / ".newslint.yaml").write_text(f"rules:\n  {option}\n", encoding="utf-8")
    (tmp_path / "bad.yaml").write_text("groups:\n  - [Kyiv\n", encoding="utf-8")
    (tmp_path / "latin1.yaml").write_bytes("events: [Caf\xe9]\n".encode("latin-1"))
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("President Biden met the mayor of Kiev in May 2024.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for jobs in ("1", "2"):
        assert main(["check", "a.txt", "b.txt", "--jobs", jobs]) == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and err[0].startswith("newslint: error: ") and expected in err[0], err


def test_a_configuration_that_is_not_utf8_is_one_line(tmp_path, monkeypatch, capsys):
    (tmp_path / ".newslint.yaml").write_bytes("select: [ALL]\n# caf\xe9\n".encode("latin-1"))
    (tmp_path / "a.txt").write_text("The council met.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "a.txt"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"newslint: error: {tmp_path / '.newslint.yaml'}: the configuration is not UTF-8"]
