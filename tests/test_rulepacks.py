"""Declarative YAML rule packs: every shipped example, the three kinds, and pack mistakes."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from newslint.checks.rulepacks import backtracking_risk, builtin_pack_files, load_pack, match_case
from newslint.config import Config, ConfigError
from newslint.engine import lint_text

BUILTIN_RULES = [rule for path in builtin_pack_files() for rule in load_pack(path, builtin=True)]


def test_there_is_a_web_debris_pack_and_every_builtin_rule_has_examples():
    assert any(r.id.startswith("web-debris/") for r in BUILTIN_RULES)
    for rule in BUILTIN_RULES:
        assert rule.examples_fire and rule.examples_quiet, rule.id


@pytest.mark.parametrize("rule", BUILTIN_RULES, ids=lambda r: r.id)
def test_builtin_pack_examples(rule):
    for text in rule.examples_fire:
        assert [f for f in lint_text(text, select=[rule.id]) if f.rule == rule.id], f"{rule.id} should fire on {text!r}"
    for text in rule.examples_quiet:
        assert not lint_text(text, select=[rule.id]), f"{rule.id} should stay quiet on {text!r}"


def user_pack(tmp_path: Path, body: str) -> Config:
    pack = tmp_path / "house.yaml"
    pack.write_text(textwrap.dedent(body), encoding="utf-8")
    return Config(root=tmp_path, packs=[pack])


def test_substitution_keeps_case_and_possessive(tmp_path):
    config = user_pack(
        tmp_path,
        """
        pack: house
        rules:
          - id: kyiv
            kind: substitution
            swap: {Kiev: Kyiv}
            exceptions: [Chicken Kiev]
        """,
    )
    text = "Kiev's mayor spoke. KIEV RESPONDS. We ate Chicken Kiev in kiev."
    findings = lint_text(text, config=config, select=["house"])
    assert [(text[f.start : f.end], f.replacement) for f in findings] == [
        ("Kiev", "Kyiv"),
        ("KIEV", "KYIV"),
        ("kiev", "Kyiv"),  # a proper noun keeps its capital
    ]
    assert findings[0].fixable and findings[0].message == "Use 'Kyiv' instead of 'Kiev'."


def test_match_case():
    assert match_case("KIEV", "Kyiv") == "KYIV"
    assert match_case("judgement", "judgment") == "judgment"
    assert match_case("Judgement", "judgment") == "Judgment"


def test_existence_scope_and_consistency(tmp_path):
    config = user_pack(
        tmp_path,
        """
        pack: house
        rules:
          - id: cliche
            kind: existence
            terms: ["at the end of the day"]
            scope: [heading]
            message: "Cliche: {match}"
          - id: adviser
            kind: consistency
            groups: [[adviser, advisor]]
        """,
    )
    text = "# At the end of the day\n\nAt the end of the day the adviser and another adviser met an advisor.\n"
    findings = lint_text(text, config=config, select=["house"], kind="markdown", path="a.md")
    cliche = [f for f in findings if f.rule == "house/cliche"]
    assert [(f.location.line, f.message) for f in cliche] == [(1, "Cliche: At the end of the day")]
    consistency = [f for f in findings if f.rule == "house/adviser"]
    assert [(text[f.start : f.end], f.replacement) for f in consistency] == [("advisor", "adviser")]
    assert "'adviser' (2), 'advisor' (1)" in consistency[0].message


def test_pack_rules_apply_only_where_the_config_names_the_pack(tmp_path):
    config = user_pack(tmp_path, "pack: house\nrules:\n  - {id: x, kind: existence, terms: [zebra]}\n")
    assert [f.rule for f in lint_text("A zebra.", config=config)] == ["house/x"]


@pytest.mark.parametrize(
    "pattern, problem",
    [
        ("(a+)+$", "inside another unbounded repeat"),
        (r"(\w*)*x", "inside another unbounded repeat"),
        ("(a|ab)*c", "start alike"),
        (r"(\w|\d\d)+!", "start alike"),
        (r"(?:\w+\s?)+$", "inside another unbounded repeat"),
        (r"(foo)\1", "back-references"),
        ("(unclosed", "not a valid regular expression"),
    ],
)
def test_backtracking_guard_rejects_dangerous_patterns(pattern, problem):
    assert problem in backtracking_risk(pattern)


@pytest.mark.parametrize("pattern", [r"\bstaggering\s+\d+%", r"(?:Mr|Mrs|Dr)\.\s+[A-Z]\w+", r"^-\s*Advertisement\s*-", r"(ab|cd)+"])
def test_backtracking_guard_accepts_ordinary_patterns(pattern):
    assert backtracking_risk(pattern) is None


@pytest.mark.parametrize(
    "body, needle",
    [
        ("rules:\n  - {id: x, kind: existence, patterns: ['(a+)+b']}\n", "rule 'x': pattern '(a+)+b' is unsafe"),
        ("rules:\n  - {id: x, kind: existance, terms: [a]}\n", "did you mean 'existence'"),
        ("rules:\n  - {id: x, kind: existence, term: [a]}\n", "unknown key 'term' (did you mean 'terms'?)"),
        ("rules:\n  - {id: X Y, kind: existence, terms: [a]}\n", "'id' must be a kebab-case string"),
        ("rules:\n  - {id: x, kind: substitution}\n", "needs 'swap"),
        ("rules:\n  - {id: x, kind: existence, terms: [a], severity: loud}\n", "unknown severity 'loud'"),
        ("rules:\n  - {id: x, kind: existence, terms: [a], message: 'bad {thing}'}\n", "bad placeholder"),
        ("rules: [\n", "malformed YAML"),
        ("name: nothing\n", "needs a 'rules:' list"),
    ],
)
def test_pack_mistakes_name_the_file_rule_and_problem(tmp_path, body, needle):
    pack = tmp_path / "house.yaml"
    pack.write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_pack(pack)
    assert str(pack) in str(info.value) and needle in str(info.value)


def test_rules_test_examples_command_runs_a_user_packs_examples(tmp_path):
    from conftest import run_cli

    (tmp_path / "house.yaml").write_text(
        "pack: house\nrules:\n"
        "  - id: good\n    kind: existence\n    terms: [zebra]\n    examples: {fire: [A zebra.], quiet: [A horse.]}\n"
        "  - id: wrong\n    kind: existence\n    terms: [lion]\n    examples: {fire: [A tiger.], quiet: [A cat.]}\n"
    )
    (tmp_path / ".newslint.yaml").write_text("packs: [house.yaml]\n")
    result = run_cli("rules", "--test-examples", "--config", str(tmp_path / ".newslint.yaml"))
    text = result.stdout.decode()
    assert result.returncode == 1
    assert "house/wrong: should fire but is silent: 'A tiger.'" in text
    assert "house/good" not in text and "1 failed." in text


# -- the RE2 shortcut --------------------------------------------------------------------------

SHORTCUT_TEXTS = [
    "Leave a Comment", "  Give a Reply  \n", "Readers may leave a comment until Friday.", "- Advertisement -",
    "-\u00a0Advertisement\u00a0-", "Published by {{author_name}}", "{{\u00e9t\u00e9}}", "spot_img", "Read more:",
    "You may also like the older design.", "This site uses Akismet to reduce spam. Learn more.", "K\u0130EV and kiev",
    "Kiev\u2019s mayor. Chicken Kiev.", "The \u017fpot_img", "Zelenskyy met Zelensky", "",
    "Z\u00fcrich, Z\u00dcRICH and Zurich", "This \u017fite uses Akismet to reduce spam.",
]


def pack_findings(texts, config=None):
    return [(f.rule, f.start, f.end, f.message) for text in texts for kind in ("text", "markdown")
            for f in lint_text(text, config=config, kind=kind, select=["web-debris", "house"])]


def test_the_re2_shortcut_finds_what_re_alone_finds(tmp_path, monkeypatch):
    """A rule's pattern runs only where RE2 says its relaxation matches: the findings are the same."""
    from newslint.checks.rulepacks import PackRule

    config = user_pack(
        tmp_path,
        r"""
        pack: house
        rules:
          - {id: kyiv, kind: substitution, swap: {Kiev: Kyiv}, exceptions: [Chicken Kiev]}
          - {id: lookbehind, kind: existence, patterns: ['(?<=met )Zelensky\b']}
          - {id: names, kind: consistency, groups: [[Zelenskyy, Zelensky]]}
          - {id: city, kind: existence, terms: ["Zürich"]}
        """,
    )
    texts = SHORTCUT_TEXTS + [example for rule in BUILTIN_RULES for example in rule.examples_fire + rule.examples_quiet]
    with_shortcut = pack_findings(texts, config)
    assert len(with_shortcut) > 20
    monkeypatch.setattr(PackRule, "_may_match", lambda self, doc: True)
    assert pack_findings(texts, config) == with_shortcut


def test_the_shortcut_skips_re_where_the_relaxation_matches_nowhere(monkeypatch):
    rule = next(r for r in BUILTIN_RULES if r.id == "web-debris/comment-prompt")
    searched = []

    class Watched:
        pattern, flags = rule.matcher.pattern, rule.matcher.flags

        def finditer(self, text):
            searched.append(text)
            return iter(())

    monkeypatch.setattr(rule, "matcher", Watched())
    from newslint.markup import parse_document

    list(rule.check(parse_document("a.txt", "A quiet article about the harbour.\n")[0], None))
    list(rule.check(parse_document("b.txt", "Leave a Comment\n")[0], None))
    assert searched == ["Leave a Comment\n"]
