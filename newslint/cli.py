"""The ``newslint`` command line: ``check``, ``rules``, ``explain``.

Exit codes: 0 nothing at or above the fail level; 1 findings at or above it;
2 a usage, configuration or input error, or a check crashed.
"""
from __future__ import annotations

import argparse
import datetime as _dt
import gc
import os
import sys
from pathlib import Path
from typing import Callable

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
    check.add_argument(
        "--jobs", "-j", type=_jobs, default=0, metavar="N",
        help="worker processes (default 0: one per core when there are enough files to pay for them)",
    )
    check.add_argument("--stdin-filename", metavar="NAME", help="name (and so format) of the text read from -")
    check.add_argument("--report-unused-suppressions", action="store_true", help="report newslint-disable comments that suppress nothing")
    check.add_argument("--statistics", action="store_true", help="also report each article's readability scores (text and json)")
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="colour in text output")
    fixing = check.add_mutually_exclusive_group()
    fixing.add_argument("--fix", action="store_true", help="apply the safe fixes (house spellings, web debris) to the files")
    fixing.add_argument("--diff", action="store_true", help="print the safe fixes as a unified diff and write nothing")
    baselines = check.add_mutually_exclusive_group()
    baselines.add_argument("--baseline", type=Path, metavar="FILE", help="report only findings not recorded in FILE")
    baselines.add_argument("--write-baseline", type=Path, metavar="FILE", help="record today's findings in FILE (see --baseline)")

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


def command() -> int:
    """The ``newslint`` command (the console script and ``python -m newslint``).

    It has the process to itself, so it tunes the garbage collector: start-up (imports, building
    the checks) makes thousands of objects that live as long as the process and no garbage, and
    collecting cycles among them was about 4% of a short run. The collector stays off until the
    checks are built, then those objects are frozen out of its sight. :func:`main`, called from
    Python, leaves the caller's collector alone.
    """
    gc.disable()
    return main(ready=_start_collecting)


def _start_collecting() -> None:
    gc.freeze()
    gc.enable()


def main(argv: list[str] | None = None, ready: Callable[[], None] | None = None) -> int:
    """Run the command line ``argv``; ``ready`` is called once the checks are built."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    try:
        if args.command == "check":
            return _check(args, ready)
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
    except Exception as exc:  # a bug in newslint or a plugin: one line, exit 2; NEWSLINT_DEBUG=1 shows where
        if os.environ.get("NEWSLINT_DEBUG"):
            raise
        detail = f"{type(exc).__name__}: {exc}".splitlines()[0]
        print(f"newslint: internal error: {detail} (set NEWSLINT_DEBUG=1 for the traceback)", file=sys.stderr)
        return EXIT_ERROR


def _use_color(choice: str, stream) -> bool:
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    return hasattr(stream, "isatty") and stream.isatty()


def _check(args, ready: Callable[[], None] | None = None) -> int:
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
        jobs=args.jobs,
        statistics=args.statistics,
        output_format=args.format,
    )
    linter = Linter(options)
    if args.fix and "-" in args.paths:
        print("newslint: error: --fix cannot rewrite standard input; use --diff to see the fixes", file=sys.stderr)
        return EXIT_ERROR
    baseline = None
    if args.baseline:
        from newslint.baseline import Baseline

        baseline = Baseline.load(args.baseline)
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
    result = linter.run(args.paths, stdin_text=stdin_text, ready=ready)
    if args.fix or args.diff:
        result, stop = _fix(args, options, linter, result, stdin_text)
        if stop is not None:
            return stop
    if args.write_baseline or baseline is not None:
        result = _baseline(args, baseline, result)
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
    if args.statistics and args.format == "text":
        from newslint.checks.readability import statistics_table

        report += statistics_table(result.files)
    if not _deliver(report, args.output):
        return EXIT_ERROR
    return result.exit_code()


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'s' if count != 1 else ''}"


def _fix(args, options, linter, result, stdin_text):
    """``--fix``/``--diff``: returns the result to report and, when the run ends here, its exit code."""
    from newslint import fix
    from newslint.engine import Linter

    stdin_name = (args.stdin_filename or "<stdin>") if "-" in args.paths else None
    fixes, notes = fix.plan_fixes(linter, result, stdin_name, stdin_text)
    for note in notes:
        print(f"newslint: warning: {note}", file=sys.stderr)
    if args.diff:  # like ruff: exit 1 when there is something to fix
        failed = any(f.rule in EXIT_2_RULES for f in result.findings)
        written = _deliver(fix.unified_diff(fixes), args.output)
        return result, EXIT_ERROR if failed or not written else (EXIT_FINDINGS if fixes else EXIT_OK)
    errors = fix.write_fixes(fixes)
    for error in errors:
        print(f"newslint: error: {error}", file=sys.stderr)
    if fixes:
        applied = sum(f.applied for f in fixes)
        print(f"newslint: fixed {_plural(applied, 'finding')} in {_plural(len(fixes), 'file')}", file=sys.stderr)
        result = Linter(options).run(args.paths)  # report what is left, at its new positions
    return result, EXIT_ERROR if errors else None


def _baseline(args, baseline, result):
    """``--write-baseline``/``--baseline``: the result without the findings the baseline records."""
    from newslint.baseline import Baseline, apply_baseline, write_baseline

    if args.write_baseline:
        count = write_baseline(args.write_baseline, result.findings)
        print(f"newslint: recorded {_plural(count, 'finding')} in {args.write_baseline}", file=sys.stderr)
        baseline = Baseline.load(args.write_baseline)
    result, hidden, gone = apply_baseline(result, baseline)
    if hidden:
        print(f"newslint: {_plural(hidden, 'known finding')} hidden by the baseline {baseline.file}", file=sys.stderr)
    if gone:
        print(f"newslint: baseline findings no longer found: {gone} (--write-baseline again to drop them)", file=sys.stderr)
    return result


def _deliver(report: str, output: str | None) -> bool:
    """Write the report to ``output`` or standard output; False (after saying why) if it failed."""
    if output:
        try:
            Path(output).write_text(report, encoding="utf-8")
        except OSError as exc:
            print(f"newslint: error: cannot write {output}: {exc.strerror or exc}", file=sys.stderr)
            return False
    else:
        sys.stdout.write(report)
        sys.stdout.flush()
    return True


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
