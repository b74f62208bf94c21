"""Inline suppression comments in Markdown, HTML and plain text."""
from __future__ import annotations

from newslint.engine import Linter, RunOptions, lint_text

DEBRIS_MD = "Leave a Comment\n\n{}\n\nLeave a Comment\n\n- Advertisement -\n"


def lines_of(findings, rule_prefix="web-debris"):
    return [(f.rule.split("/")[-1], f.location.line) for f in findings if f.rule.startswith(rule_prefix)]


def test_disable_next_line_for_one_rule():
    text = "<!-- newslint-disable-next-line web-debris/comment-prompt -->\nLeave a Comment\n\nLeave a Comment\n"
    assert lines_of(lint_text(text, kind="markdown")) == [("comment-prompt", 4)]


def test_disable_next_line_skips_blank_lines_and_other_rules_still_fire():
    text = "<!-- newslint-disable-next-line web-debris/ad-slot -->\n\nLeave a Comment\n"
    assert lines_of(lint_text(text, kind="markdown")) == [("comment-prompt", 3)]


def test_disable_and_enable_a_region_by_pack_name():
    text = (
        "Leave a Comment\n\n<!-- newslint-disable web-debris -->\n\nLeave a Comment\n\n- Advertisement -\n\n"
        "<!-- newslint-enable web-debris -->\n\nLeave a Comment\n"
    )
    assert lines_of(lint_text(text, kind="markdown")) == [("comment-prompt", 1), ("comment-prompt", 11)]


def test_disable_with_no_rule_means_all_rules_until_enable():
    text = "<!-- newslint-disable -->\nLeave a Comment\n\n- Advertisement -\n<!-- newslint-enable -->\n\nLeave a Comment\n"
    assert lines_of(lint_text(text, kind="markdown")) == [("comment-prompt", 7)]


def test_enable_one_rule_inside_an_all_rules_region():
    text = (
        "<!-- newslint-disable -->\n\nLeave a Comment\n\n<!-- newslint-enable web-debris/comment-prompt -->\n\n"
        "Leave a Comment\n\n- Advertisement -\n"
    )
    assert lines_of(lint_text(text, kind="markdown")) == [("comment-prompt", 7)]


def test_html_comments_work_in_html():
    text = "<p>Leave a Comment</p>\n<!-- newslint-disable-next-line -->\n<p>Leave a Comment</p>\n"
    assert lines_of(lint_text(text, kind="html", path="a.html")) == [("comment-prompt", 1)]


def test_plain_text_line_directive_is_not_prose_and_suppresses():
    text = "Leave a Comment\n\nnewslint-disable-next-line web-debris/comment-prompt\nLeave a Comment\n"
    findings = lint_text(text)
    assert lines_of(findings) == [("comment-prompt", 1)]


def test_unused_suppressions_are_reported_only_when_asked():
    text = "<!-- newslint-disable-next-line web-debris/ad-slot -->\nA clean line of text.\n"
    linter = Linter(RunOptions(report_unused_suppressions=True, entry_points=False))
    linter.prepare([linter.config_for(None)])
    result = linter.lint_text("a.md", text, "markdown")
    unused = [f for f in result.findings if f.rule == "unused-suppression"]
    assert len(unused) == 1 and unused[0].location.line == 1
    assert "suppresses nothing" in unused[0].message
    assert not [f for f in lint_text(text, kind="markdown") if f.rule == "unused-suppression"]


def test_a_directive_inside_a_code_block_is_ignored_as_text_but_the_comment_form_counts():
    text = "```\nnewslint-disable-next-line\n```\nLeave a Comment\n"
    # Bare directives work only in plain text; in Markdown the comment form is needed.
    assert lines_of(lint_text(text, kind="markdown")) == [("comment-prompt", 4)]
