"""Running the checks over documents and over the whole corpus.

The engine finds the articles, reads each one once into a Document, runs the
checks its configuration enables, isolates any check that crashes (reporting
``internal-error`` and carrying on), applies suppression comments and severity
overrides, and locates every finding. After the last document it runs the
corpus hook. With ``jobs > 1`` documents are checked in worker processes and
results come back in input order, so output is identical to a one-process run.
"""
from __future__ import annotations

import datetime as _dt
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from newslint.checks.base import Check, CheckContext, CorpusEntry
from newslint.config import Config, ConfigError, RuleSet, find_config_file, load_config
from newslint.corpus import Corpus
from newslint.document import Document
from newslint.findings import (
    EXIT_2_RULES,
    INPUT_ENCODING,
    INPUT_ERROR,
    Finding,
    Severity,
    internal_error,
)
from newslint.fingerprints import fingerprint_in_document
from newslint.markup import KINDS, InputError, kind_for_path, parse_document
from newslint.plugins import build_plugin_manager, collect_checks, collect_formats
from newslint.suppression import Suppressions, parse_suppressions

#: Folders never searched when a directory is given.
SKIP_DIRS = frozenset(
    {"node_modules", "__pycache__", "build", "dist", "venv", "site-packages", "_site", "_build", "htmlcov"}
)
_BINARY_SNIFF = 8192
#: Below this many files, starting worker processes costs more than it saves.
AUTO_PARALLEL_MIN_FILES = 24
STDIN = "-"


@dataclass
class RunOptions:
    """Command-line choices that apply to the whole run (picklable for worker processes)."""

    config_file: Path | None = None
    select: list[str] | None = None
    ignore: list[str] | None = None
    fail_on: str | None = None
    date: _dt.date | None = None
    stdin_filename: str | None = None
    report_unused_suppressions: bool = False
    #: Worker processes; 0 means one per core once a run has enough files to repay starting them.
    jobs: int = 1
    entry_points: bool = True
    rule_options: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: Measure time per check (``Linter.timings``), for the benchmark harness.
    profile: bool = False
    #: The output format the caller will ask for; checked as soon as the plugins are loaded.
    output_format: str | None = None
    #: Compute per-article readability figures (``check --statistics``) into ``FileResult.statistics``.
    statistics: bool = False


@dataclass
class FileResult:
    path: str
    findings: list[Finding]
    collected: dict[str, Any] = field(default_factory=dict)
    suppressions: Suppressions | None = None
    publication_date: _dt.date | None = None
    date_source: str | None = None
    checked: bool = True
    statistics: dict[str, Any] | None = None
    #: With ``--jobs``, on the last result of a worker's batch: per check id, the corpus state the
    #: worker absorbed from the whole batch (the batch's results then carry none of that check's data).
    absorbed: dict[str, Any] = field(default_factory=dict)


@dataclass
class RunResult:
    findings: list[Finding]
    files: list[FileResult]
    checks: dict[str, Check]
    fail_on: str

    def exit_code(self) -> int:
        if any(f.rule in EXIT_2_RULES for f in self.findings):
            return 2
        if self.fail_on == "never":
            return 0
        level = Severity.parse(self.fail_on)
        return 1 if any(f.severity >= level for f in self.findings) else 0


@dataclass
class _Plan:
    """The checks, contexts and severities that apply to one group of files."""

    checks: list[Check]
    contexts: dict[str, CheckContext]
    severity: dict[str, Severity]
    #: ``(check, context, has a corpus phase)`` in run order, looked up once rather than per document.
    steps: list[tuple[Check, CheckContext, bool]] = field(init=False)

    def __post_init__(self) -> None:
        self.steps = [(c, self.contexts[c.id], c.has_corpus_phase) for c in self.checks]


class Linter:
    """Holds the plugin manager, configurations and check plans for one run."""

    def __init__(self, options: RunOptions | None = None, extra_plugins: Iterable[object] = ()) -> None:
        self.options = options or RunOptions()
        self.extra_plugins = list(extra_plugins)
        self.cli_config = load_config(self.options.config_file) if self.options.config_file else None
        self._dir_configs: dict[Path, Config] = {}
        self._plans: dict[tuple, _Plan] = {}
        self._contexts: dict[tuple, CheckContext] = {}
        self._prepared_configs: set[int] = set()
        self.pm = None
        self.checks: dict[str, Check] = {}
        self.formats: dict = {}
        self.ruleset: RuleSet | None = None
        self.aliases: dict[str, set[str]] = {}
        #: CPU seconds spent per check id (and in "read+parse"), filled when ``options.profile`` is set:
        #: CPU time, not wall time, so that figures stay comparable on a busy machine.
        self.timings: dict[str, float] = {}

    # -- set-up ---------------------------------------------------------------
    def config_for(self, path: Path | None) -> Config:
        if self.cli_config is not None:
            return self.cli_config
        folder = path.parent if path is not None else Path(".")
        config = self._dir_configs.get(folder)
        if config is None:  # resolve only once per folder: articles share their folder's config
            found = find_config_file(folder.resolve())
            config = self._dir_configs[folder] = load_config(found) if found else Config(root=Path.cwd())
        return config

    def prepare(self, configs: Iterable[Config]) -> None:
        """Load plugins and packs the configurations name, then validate them against the checks."""
        configs = list({id(c): c for c in configs}.values())
        plugin_files = sorted({p for c in configs for p in c.plugins})
        packs = sorted({p for c in configs for p in c.packs})
        from newslint.checks.rulepacks import PackPlugin

        extra = [*self.extra_plugins]
        if packs:
            extra.append(PackPlugin(packs))
        self.pm = build_plugin_manager(plugin_files, entry_points=self.options.entry_points, extra=extra)
        for config in configs:
            self.pm.hook.newslint_configure(config=config)
        self.checks = collect_checks(self.pm)
        self.formats = collect_formats(self.pm)
        self.ruleset = RuleSet(self.checks)
        # The names a suppression comment may use for each rule: its id, its pack, its category.
        self.aliases = {rule: {rule, rule.split("/", 1)[0], c.category} - {""} for rule, c in self.checks.items()}
        for config in configs:
            self._validate(config)

    def _validate(self, config: Config) -> None:
        if id(config) in self._prepared_configs:
            return
        assert self.ruleset is not None
        self.ruleset.validate(config)
        self._prepared_configs.add(id(config))

    def validate_cli(self) -> None:
        """Check ``--select``/``--ignore`` and rule options given on the command line."""
        assert self.ruleset is not None
        self.ruleset.enabled(self.options.select, self.options.ignore or [], "--select/--ignore")
        for rule, options in self.options.rule_options.items():
            self.ruleset.coerce_options(rule, options, f"option for {rule}")

    def plan_for(self, path: Path | None, config: Config) -> _Plan:
        if self.ruleset is None:
            self.prepare([config])
        elif id(config) not in self._prepared_configs:
            if config.plugins or config.packs:
                raise ConfigError(f"{config.label}: plugins and packs must be known before the run starts")
            self._validate(config)
        overrides = config.matching_overrides(path)
        key = (id(config), overrides)
        plan = self._plans.get(key)
        if plan is not None:
            return plan
        assert self.ruleset is not None
        settings = config.for_file(path)
        select = self.options.select if self.options.select is not None else settings.select
        ignore = [*settings.ignore, *(self.options.ignore or [])]
        enabled = self.ruleset.enabled(select, ignore, config.label)
        if select is None:  # a pack's rules apply only where the configuration names the pack
            enabled = {r for r in enabled if _pack_active(self.checks[r], config)}
        severity: dict[str, Severity] = {}
        for selector, level in settings.severity.items():
            for rule in self.ruleset.expand(selector, f"{config.label}: severity"):
                severity[rule] = level
        checks = [self.checks[r] for r in sorted(enabled)]
        contexts = {}
        for check in checks:
            options = check.default_options()
            options.update(self.ruleset.coerce_options(check.id, settings.rules.get(check.id, {}), config.label))
            options.update(self.options.rule_options.get(check.id, {}))
            contexts[check.id] = self._context(check, options, config)
        plan = self._plans[key] = _Plan(checks, contexts, severity)
        return plan

    def _context(self, check: Check, options: dict[str, Any], config: Config) -> CheckContext:
        key = (check.id, repr(sorted(options.items())))
        ctx = self._contexts.get(key)
        if ctx is None:
            ctx = self._contexts[key] = CheckContext(options=options, config=config)
        return ctx

    # -- one document -----------------------------------------------------------
    def lint_text(self, path: str, text: str, kind: str | None = None, file_path: Path | None = None) -> FileResult:
        config = self.config_for(file_path)
        plan = self.plan_for(file_path, config)
        clock = time.process_time if self.options.profile else None
        started = clock() if clock else 0.0
        document, problems = parse_document(path, text, kind)
        if clock:  # charge the shared indices to parsing, not to whichever check asks first
            document.sentences, document.quotations  # noqa: B018
            self.timings["read+parse"] = self.timings.get("read+parse", 0.0) + clock() - started
        self._resolve_date(document, config, file_path)
        findings = [_input_finding(path, p, Severity.ERROR, INPUT_ERROR) for p in problems]
        collected: dict[str, Any] = {}
        length = len(text)
        for check, ctx, has_corpus_phase in plan.steps:
            started = clock() if clock else 0.0
            try:
                for finding in check.check(document, ctx):
                    if not 0 <= finding.start <= finding.end <= length:
                        raise ValueError(f"finding span {finding.start}-{finding.end} lies outside the text")
                    findings.append(finding)
                if has_corpus_phase:
                    data = check.collect(document, ctx)
                    if data is not None:
                        collected[check.id] = data
            except ConfigError:  # a newsroom file the check reads is wrong: the same for every article
                raise
            except Exception as exc:  # isolate the crash; report it and go on
                findings.append(internal_error(check.id, path, exc))
            if clock:
                self.timings[check.id] = self.timings.get(check.id, 0.0) + clock() - started
        suppressions = parse_suppressions(text, document.kind)
        aliases = self.aliases
        kept = [f for f in findings if f.rule in EXIT_2_RULES or not suppressions.suppresses(f, aliases)]
        if self.options.report_unused_suppressions:
            kept.extend(suppressions.unused(text))
        for finding in kept:
            finding.path = path
            if finding.rule in plan.severity:
                finding.severity = plan.severity[finding.rule]
            _locate(document, finding)
        kept.sort(key=Finding.sort_key)
        statistics = None
        if self.options.statistics:
            from newslint.checks.readability import article_statistics

            statistics = article_statistics(document)
        return FileResult(
            path,
            kept,
            collected,
            suppressions if suppressions.regions else None,
            document.metadata.date,
            document.metadata.date_source,
            statistics=statistics,
        )

    def _resolve_date(self, document: Document, config: Config, file_path: Path | None) -> None:
        meta = document.metadata
        if meta.date is not None:
            return
        from newslint.dates.dateline import apply_dateline  # after front matter / meta, before --date

        if apply_dateline(document):
            return
        if self.options.date is not None:
            meta.date, meta.date_source = self.options.date, "--date"
        elif isinstance(config.date, _dt.date):
            meta.date, meta.date_source = config.date, f"config {config.label}"
        elif config.date == "today":
            meta.date, meta.date_source = _dt.date.today(), "today (config)"
        elif config.date == "mtime" and file_path is not None:
            stamp = file_path.stat().st_mtime
            meta.date, meta.date_source = _dt.date.fromtimestamp(stamp), "file modification time (config)"

    def lint_file(self, path: Path, display: str | None = None) -> FileResult:
        display = display or str(path)
        try:
            text, encoding_note = read_article(path)
        except InputError as exc:
            return FileResult(display, [_input_finding(display, exc, Severity.ERROR, INPUT_ERROR)], checked=False)
        result = self.lint_text(display, text, kind_for_path(str(path)), file_path=path)
        if encoding_note is not None:
            result.findings.insert(0, _located_note(display, text, encoding_note))
        return result

    # -- the whole run ------------------------------------------------------------
    def run(
        self, paths: list[str], stdin_text: str | None = None, ready: Callable[[], None] | None = None
    ) -> RunResult:
        """Lint ``paths`` (and ``stdin_text``). ``ready`` is called once the checks are built,
        before the first file is linted."""
        files, errors = discover(paths, self)
        configs = [self.config_for(p) for p, _ in files if p is not None]
        if stdin_text is not None or not configs:
            configs.append(self.config_for(None))
        self.prepare(configs)
        if ready is not None:
            ready()
        self.validate_cli()
        if self.options.output_format is not None and self.options.output_format not in self.formats:
            known = ", ".join(sorted(self.formats))
            raise ConfigError(f"unknown format {self.options.output_format!r} (choose from {known})")
        results: list[FileResult] = [
            FileResult(d, [_input_finding(d, e, Severity.ERROR, INPUT_ERROR)], checked=False) for d, e in errors
        ]
        corpus = self._new_corpus()
        for path, result in self._lint_all(files, stdin_text, corpus):
            self._absorb(corpus, result, path)
            results.append(result)
        findings = [f for r in results for f in r.findings]
        corpus_findings = self._corpus_findings(corpus, results)
        if corpus_findings:  # interleave by file, then by position, as if found per document
            order = {r.path: i for i, r in enumerate(results)}
            findings.extend(corpus_findings)
            findings.sort(key=lambda f: (order.get(f.path, len(order)), f.start, f.end, f.rule, f.message))
        fail_on = self.options.fail_on or (configs[0].fail_on if configs else "warning")
        return RunResult(findings, results, self.checks, fail_on)

    def _lint_all(
        self, files: list[tuple[Path | None, str]], stdin_text: str | None, corpus: Corpus
    ) -> Iterator[tuple[Path | None, FileResult]]:
        on_disk = [(p, d) for p, d in files if p is not None]
        jobs = self.options.jobs
        if jobs == 0:
            jobs = (os.cpu_count() or 1) if len(on_disk) >= AUTO_PARALLEL_MIN_FILES else 1
        in_workers = None
        if jobs > 1 and len(on_disk) > 1:
            from newslint.parallel import can_fork, lint_in_processes  # multiprocessing is slow to import

            # Plugin objects given in code reach workers only by forking.
            if can_fork() or not self.extra_plugins:
                # Results arrive in the order of ``on_disk``, which is their order in ``files``:
                # each is used as it comes, so the caller's work overlaps the workers'.
                fold = self._foldable(on_disk, corpus) if stdin_text is None else ()
                in_workers = lint_in_processes(self, on_disk, jobs, fold)
        for path, display in files:
            if path is None:
                yield path, self.lint_text(display, stdin_text or "", kind_for_path(display))
            elif in_workers is not None:
                yield path, next(in_workers)
            else:
                yield path, self.lint_file(path, display)
        if in_workers is not None:
            in_workers.close()  # every result is in: shut the workers down now, not when collected

    def _new_corpus(self) -> Corpus:
        return Corpus(self.checks, {}, {})

    def _foldable(self, files: list[tuple[Path, str]], corpus: Corpus) -> tuple[str, ...]:
        """The corpus checks that ``--jobs`` workers may absorb for themselves (see ``absorb_batch``).

        Those that can ``merge`` and see every file with one context: the parent absorbs with the
        first document's context, so a worker may stand in for it only where all contexts agree.
        Their context goes into ``corpus`` now, as the first document would have put it there.
        """
        contexts: dict[str, set[int]] = {}
        first: dict[str, CheckContext] = {}
        plans = {id(plan): plan for plan in (self.plan_for(p, self.config_for(p)) for p, _ in files)}
        for plan in plans.values():
            for check, ctx, has_corpus_phase in plan.steps:
                if has_corpus_phase and check.merges:
                    contexts.setdefault(check.id, set()).add(id(ctx))
                    first.setdefault(check.id, ctx)
        fold = tuple(check_id for check_id, ids in contexts.items() if len(ids) == 1)
        for check_id in fold:
            corpus.contexts.setdefault(check_id, first[check_id])
        return fold

    def absorb_batch(self, results: list[FileResult], paths: list[Path], check_ids: tuple[str, ...]) -> None:
        """In a ``--jobs`` worker: absorb the data ``check_ids`` collected from a batch of documents
        into one state per check, carried back by the batch's last result for the parent to merge.

        The parent then unpickles and merges a state per batch rather than absorbing every
        document's data (for names, tens of thousands of rows on a large archive), work that
        competed with the workers for the cores.
        """
        corpus = self._new_corpus()
        for result, path in zip(results, paths):
            self._absorb(corpus, result, path, check_ids)
        if results:
            results[-1].absorbed = corpus.collected

    def _absorb(
        self, corpus: Corpus, result: FileResult, path: Path | None, only: tuple[str, ...] | None = None
    ) -> None:
        """Fold what the checks collected of one document (or a worker absorbed of a batch) into
        the corpus state, then let it go; ``only`` limits this to those checks.

        Each check keeps only what its ``absorb`` chooses, so memory follows that (for names,
        the distinct spellings), not the number of documents.
        """
        for check_id, part in result.absorbed.items():
            check, ctx = self.checks[check_id], corpus.contexts[check_id]
            if check_id in corpus.collected:
                check.merge(corpus.collected[check_id], part, ctx)
            else:
                corpus.collected[check_id] = part
        result.absorbed = {}
        if not result.collected:
            return
        plan = self.plan_for(path, self.config_for(path))
        for check_id in list(result.collected) if only is None else [c for c in only if c in result.collected]:
            data = result.collected.pop(check_id)
            check = self.checks[check_id]
            ctx = corpus.contexts.setdefault(check_id, plan.contexts[check_id])
            if check_id not in corpus.collected:
                corpus.collected[check_id] = check.corpus_state(ctx)
            check.absorb(corpus.collected[check_id], CorpusEntry(result.path, data), ctx)

    def _corpus_findings(self, corpus: Corpus, results: list[FileResult]) -> list[Finding]:
        if not corpus.collected:
            return []
        findings: list[Finding] = []
        for batch in self.pm.hook.newslint_check_corpus(corpus=corpus):
            findings.extend(batch or ())
        suppressions = {r.path: r.suppressions for r in results if r.suppressions}
        aliases = self.aliases
        kept = []
        for finding in findings:
            table = suppressions.get(finding.path)
            if table is None or finding.rule in EXIT_2_RULES or not table.suppresses(finding, aliases):
                kept.append(finding)
        kept.sort(key=Finding.sort_key)
        return kept


def _pack_active(check: Check, config: Config) -> bool:
    pack_file = getattr(check, "pack_file", None)
    if pack_file is None or getattr(check, "builtin", True):
        return True
    return any(Path(pack_file) == Path(p).resolve() for p in config.packs)


def _locate(document: Document, finding: Finding) -> None:
    location = document.locate(finding.start, finding.end)
    finding.location = location
    finding.source_line = document.line_text(location.line)
    finding.fingerprint = fingerprint_in_document(document, finding)


def _input_finding(path: str, problem: InputError, severity: Severity, rule: str) -> Finding:
    return Finding(rule=rule, severity=severity, message=str(problem), start=0, end=0, path=path)


def _located_note(path: str, text: str, note: InputError) -> Finding:
    doc = Document(path, text, "text", text, [])
    finding = Finding(
        INPUT_ENCODING, Severity.WARNING, str(note), note.offset or 0, note.offset or 0, path=path
    )
    _locate(doc, finding)
    return finding


# -- reading files -------------------------------------------------------------------

def decode_article(raw: bytes) -> tuple[str, InputError | None]:
    """Decode bytes as UTF-8; fall back to Windows-1252 or Latin-1 with a note. Binary is an error."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16"), None
        except UnicodeDecodeError as exc:
            raise InputError(f"cannot decode UTF-16 text: {exc.reason}") from None
    if b"\x00" in raw[:_BINARY_SNIFF]:
        raise InputError("binary file (it contains NUL bytes), not an article")
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        bad = exc.start
    offset = len(raw[:bad].decode("utf-8-sig", errors="replace"))
    try:
        text, used = raw.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        text, used = raw.decode("latin-1"), "Latin-1"
    note = InputError(
        f"File is not valid UTF-8 (first bad byte at byte {bad}); read as {used}. Save it as UTF-8.", offset
    )
    return text, note


def read_article(path: Path) -> tuple[str, InputError | None]:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file") from None
    except IsADirectoryError:
        raise InputError("is a directory") from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}") from None
    return decode_article(raw)


def discover(paths: list[str], linter: Linter) -> tuple[list[tuple[Path | None, str]], list[tuple[str, InputError]]]:
    """Expand the command line's paths into articles, in a stable order.

    ``-`` is standard input (``None`` path). A named file is always read; a
    folder is searched for article extensions, skipping hidden and build folders
    and what the applicable configuration excludes.
    """
    files: list[tuple[Path | None, str]] = []
    errors: list[tuple[str, InputError]] = []
    seen: set[Path] = set()
    for raw in paths:
        if raw == STDIN:
            files.append((None, linter.options.stdin_filename or "<stdin>"))
            continue
        path = Path(raw)
        if path.is_dir():
            found = list(_walk(path, linter))
            if not found:
                errors.append((raw, InputError(f"no articles found (looked for {', '.join(sorted(KINDS))})")))
            for item, real in found:
                if real not in seen:
                    seen.add(real)
                    files.append((item, str(item)))
        elif path.exists() or path.is_symlink():
            if linter.config_for(path).excluded(path):
                continue
            real = path.resolve()
            if real not in seen:
                seen.add(real)
                files.append((path, raw))
        else:
            errors.append((raw, InputError("no such file or directory")))
    return files, errors


def _walk(root: Path, linter: Linter) -> Iterator[tuple[Path, Path]]:
    """The articles under ``root``, each with its real path (to read a file reached twice once).

    Folders are resolved once, not each file: in an archive of thousands of articles,
    resolving every path was most of the time spent before the first article was read.
    """
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIP_DIRS)
        articles = [n for n in sorted(names) if not n.startswith(".") and os.path.splitext(n)[1].lower() in KINDS]
        if not articles:
            continue
        here = Path(folder)
        real_folder = here.resolve()
        config = linter.config_for(here / articles[0])  # one per folder
        for name in articles:
            path = here / name
            if config.excluded(path):
                continue
            yield path, (path.resolve() if os.path.islink(path) else real_folder / name)


def lint_text(
    text: str,
    *,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    date: str | _dt.date | None = None,
    kind: str = "text",
    path: str = "article.txt",
    options: dict[str, dict[str, Any]] | None = None,
    plugins: Iterable[object] = (),
    config: Config | None = None,
) -> list[Finding]:
    """Check one text and return its findings: the entry point for tests and embedding.

    ``select`` defaults to every enabled check; ``options`` maps rule ids to option values.
    """
    if isinstance(date, str):
        date = _dt.date.fromisoformat(date)
    linter = Linter(
        RunOptions(select=select, ignore=ignore, date=date, entry_points=False, rule_options=options or {}),
        extra_plugins=plugins,
    )
    if config is not None:
        linter.cli_config = config
    linter.prepare([linter.config_for(None)])
    linter.validate_cli()
    result = linter.lint_text(path, text, kind)
    corpus = linter._new_corpus()
    linter._absorb(corpus, result, None)
    return result.findings + linter._corpus_findings(corpus, [result])
