"""The ``newslint`` command line: ``check``, ``rules``, ``explain``.

Exit codes: 0 nothing at or above the fail level; 1 findings at or above it;
2 a usage, configuration or input error, or a check crashed.
"""
from __future__ import annotations

import argparse
import datetime as _dt
import os
import sys
from pathlib import Path

from newslint import __version__
from newslint.config import ConfigError, FAIL_LEVELS
from newslint.findings import EXIT_2_RULES

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse, but errors are one line and exit 2 (as the contract says)."""

    def error(self, message: str):  # type: ignore[override]
        self.exit(EXIT_ERROR, f"newslint: error: {message}\n")


def _date(value: str) -> _dt.date:
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected YYYY-MM-DD, got {value!r}") from None


def _rules(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def _jobs(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of processes, got {value!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError("--jobs must be 0 (one per core) or more")
    return n


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="newslint", description="An editorial linter for newsroom writing.")
    parser.add_argument("--version", action="version", version=f"newslint {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    check = sub.add_parser("check", help="check articles (files, folders, or - for standard input)")
    check.add_argument("paths", nargs="*", default=["."], metavar="PATH")
    check.add_argument("--format", default="text", help="text (default), json, sarif or github")
    check.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE instead of standard output")
    check.add_argument("--date", type=_date, metavar="YYYY-MM-DD", help="publication date for articles that give none")
    check.add_argument("--select", type=_rules, metavar="RULE[,RULE]", help="run only these rules (ids, packs or categories)")
    check.add_argument("--ignore", type=_rules, metavar="RULE[,RULE]", help="do not run these rules")
    check.add_argument("--fail-on", choices=FAIL_LEVELS, help="lowest severity that makes the exit code 1 (default: warning)")
    check.add_argument("--config", type=Path, metavar="FILE", help="use this configuration file for every article")
    check.add_argument("--jobs", "-j", type=_jobs, default=1, metavar="N", help="worker processes (0: one per core)")
    check.add_argument("--stdin-filename", metavar="NAME", help="name (and so format) of the text read from -")
    check.add_argument("--report-unused-suppressions", action="store_true", help="report newslint-disable comments that suppress nothing")
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="colour in text output")

    rules = sub.add_parser("rules", help="list the rules, their severity and whether they are enabled")
    rules.add_argument("--config", type=Path, metavar="FILE")
    rules.add_argument(
        "--test-examples",
        action="store_true",
        help="run every YAML rule's examples (fire/quiet) and report the ones that fail",
    )

    explain = sub.add_parser("explain", help="print the documentation of a rule")
    explain.add_argument("rule")
    explain.add_argument("--config", type=Path, metavar="FILE")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    try:
        if args.command == "check":
            return _check(args)
        if args.command == "rules":
            return _list_rules(args)
        return _explain(args)
    except ConfigError as exc:
        print(f"newslint: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("newslint: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK


def _use_color(choice: str, stream) -> bool:
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    return hasattr(stream, "isatty") and stream.isatty()


def _check(args) -> int:
    from newslint.engine import Linter, RunOptions
    from newslint.formats import RenderContext

    options = RunOptions(
        config_file=args.config,
        select=args.select,
        ignore=args.ignore,
        fail_on=args.fail_on,
        date=args.date,
        stdin_filename=args.stdin_filename,
        report_unused_suppressions=args.report_unused_suppressions,
        jobs=args.jobs or os.cpu_count() or 1,
    )
    linter = Linter(options)
    stdin_text = None
    if "-" in args.paths:
        data = sys.stdin.buffer.read()
        from newslint.engine import decode_article
        from newslint.markup import InputError

        try:
            stdin_text, _ = decode_article(data)
        except InputError as exc:
            print(f"newslint: error: standard input: {exc}", file=sys.stderr)
            return EXIT_ERROR
    result = linter.run(args.paths, stdin_text=stdin_text)
    if args.format not in linter.formats:
        known = ", ".join(sorted(linter.formats))
        print(f"newslint: error: unknown format {args.format!r} (choose from {known})", file=sys.stderr)
        return EXIT_ERROR
    for finding in result.findings:
        if finding.rule in EXIT_2_RULES:
            print(f"newslint: error: {finding.path}: {finding.message}", file=sys.stderr)
    out_stream = sys.stdout
    ctx = RenderContext(
        color=args.output is None and args.format == "text" and _use_color(args.color, out_stream),
        version=__version__,
        root=str(Path.cwd()),
        invocation=["newslint", *(sys.argv[1:] if sys.argv else [])],
    )
    report = linter.formats[args.format].render(result, ctx)
    if args.output:
        try:
            Path(args.output).write_text(report, encoding="utf-8")
        except OSError as exc:
            print(f"newslint: error: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
            return EXIT_ERROR
    else:
        out_stream.write(report)
        out_stream.flush()
    return result.exit_code()


def _registry(config_file: Path | None):
    from newslint.engine import Linter, RunOptions

    linter = Linter(RunOptions(config_file=config_file))
    config = linter.config_for(None)
    linter.prepare([config])
    return linter, config


def _list_rules(args) -> int:
    linter, config = _registry(args.config)
    if args.test_examples:
        return _test_examples(linter, config)
    enabled = {c.id for c in linter.plan_for(None, config).checks}
    rows = [(c.id, str(c.severity), "yes" if c.id in enabled else "no", c.summary) for c in linter.checks.values()]
    widths = [max(len(r[i]) for r in rows + [("RULE", "SEVERITY", "ENABLED", "")]) for i in range(3)]
    header = ("RULE", "SEVERITY", "ENABLED", "SUMMARY")
    for row in [header, *rows]:
        print("  ".join(cell.ljust(widths[i]) if i < 3 else cell for i, cell in enumerate(row)).rstrip())
    return EXIT_OK


def _test_examples(linter, config) -> int:
    """Run each declarative rule's own examples, so a newsroom can test a pack without Python."""
    from newslint.engine import lint_text

    failures = checked = 0
    for check in linter.checks.values():
        cases = [(t, True) for t in getattr(check, "examples_fire", ())]
        cases += [(t, False) for t in getattr(check, "examples_quiet", ())]
        for text, should_fire in cases:
            checked += 1
            fired = any(f.rule == check.id for f in lint_text(text, select=[check.id], config=config))
            if fired != should_fire:
                failures += 1
                expected = "should fire but is silent" if should_fire else "should be silent but fires"
                print(f"{check.id}: {expected}: {text!r}")
    print(f"{checked} examples checked, {failures} failed.")
    return EXIT_FINDINGS if failures else EXIT_OK


def _explain(args) -> int:
    from newslint.config import did_you_mean

    linter, _ = _registry(args.config)
    check = linter.checks.get(args.rule)
    if check is None:
        print(f"newslint: error: unknown rule {args.rule!r}{did_you_mean(args.rule, linter.checks)}", file=sys.stderr)
        return EXIT_ERROR
    print(f"{check.id} ({check.severity}, {check.category or 'general'}{'' if check.enabled_by_default else ', off by default'})")
    print(f"{check.summary}\n")
    print(check.docs.as_text())
    if check.options:
        print("Options")
        for opt in check.options:
            print(f"  {opt.name} (default {opt.default!r}): {opt.help}")
    return EXIT_OK
