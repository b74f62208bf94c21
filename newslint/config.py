"""Finding, reading and validating configuration.

A configuration is ``.newslint.yaml`` (or ``.newslint.yml``) or the
``[tool.newslint]`` table of ``pyproject.toml``. For each article the nearest
one, walking up from its folder, applies; ``--config FILE`` applies one file to
everything. Every mistake (unknown key, wrong type, unknown rule or option) is a
:class:`ConfigError` naming the file, the key path and, where it can, the key
that was probably meant.
"""
from __future__ import annotations

import datetime as _dt
import fnmatch
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

from newslint.findings import Severity
from newslint.resources import load_yaml_file

if TYPE_CHECKING:  # pragma: no cover
    from newslint.checks.base import Check

CONFIG_NAMES = (".newslint.yaml", ".newslint.yml", "pyproject.toml")
FAIL_LEVELS = ("error", "warning", "info", "never")
DATE_SOURCES = ("none", "mtime", "today")

_TOP_KEYS = {
    "select", "ignore", "severity", "rules", "packs", "plugins", "fail-on", "date", "exclude", "overrides",
}
_OVERRIDE_KEYS = {"files", "select", "ignore", "severity", "rules"}


class ConfigError(Exception):
    """A configuration problem the user must fix; the message is one line, ready to print."""


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    import difflib  # only on the error path

    close = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def reject_unknown_keys(
    mapping: dict,
    allowed: Iterable[str],
    where: str,
    error: type[Exception] | None = None,
    notes: dict[str, str] | None = None,
) -> None:
    """Raise ``error`` (ConfigError by default) for the first key of ``mapping`` not in ``allowed``.

    The message names where, the key, the allowed key it most resembles, and any note for that key.
    """
    allowed = set(allowed)
    for key in mapping:
        if key not in allowed:
            note = (notes or {}).get(str(key), "")
            raise (error or ConfigError)(f"{where}: unknown key {key!r}{did_you_mean(str(key), allowed)}{note}")


@dataclass
class Override:
    """Settings that apply only to files matching ``files`` globs (relative to the config's folder)."""

    files: list[str]
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, Severity] = field(default_factory=dict)
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)
    _patterns: list[re.Pattern] = field(default_factory=list, repr=False)

    def matches(self, relative: str) -> bool:
        if not self._patterns:
            self._patterns = [glob_to_regex(g) for g in self.files]
        return any(p.match(relative) for p in self._patterns)


@dataclass
class Config:
    """One configuration file's settings (or the defaults when there is none)."""

    source: Path | None = None
    root: Path = field(default_factory=Path.cwd)
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, Severity] = field(default_factory=dict)
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)
    packs: list[Path] = field(default_factory=list)
    plugins: list[Path] = field(default_factory=list)
    fail_on: str = "warning"
    date: _dt.date | str | None = None
    exclude: list[str] = field(default_factory=list)
    overrides: list[Override] = field(default_factory=list)
    raw: dict[str, Any] = field(default_factory=dict)
    _compiled_excludes: list[re.Pattern] = field(default_factory=list, repr=False)

    @property
    def label(self) -> str:
        return str(self.source) if self.source else "defaults"

    def excluded(self, path: Path) -> bool:
        if not self.exclude:
            return False
        relative = _relative(path, self.root)
        if relative is None:
            return False
        patterns = self._exclude_patterns()
        return any(p.match(relative) for p in patterns) or any(fnmatch.fnmatch(path.name, g) for g in self.exclude)

    def _exclude_patterns(self) -> list[re.Pattern]:
        if len(self._compiled_excludes) != len(self.exclude):
            self._compiled_excludes[:] = [glob_to_regex(g) for g in self.exclude]
        return self._compiled_excludes

    def matching_overrides(self, path: Path | None) -> tuple[int, ...]:
        """Indexes of the overrides that apply to ``path`` (files with equal answers share a plan)."""
        if not self.overrides or path is None:
            return ()
        relative = _relative(path, self.root)
        if relative is None:
            return ()
        return tuple(i for i, o in enumerate(self.overrides) if o.matches(relative))

    def for_file(self, path: Path | None) -> "FileSettings":
        """Merge the overrides that match ``path`` into the settings for that one file."""
        settings = FileSettings(
            select=self.select,
            ignore=list(self.ignore),
            severity=dict(self.severity),
            rules={k: dict(v) for k, v in self.rules.items()},
        )
        for index in self.matching_overrides(path):
            override = self.overrides[index]
            if override.select is not None:
                settings.select = override.select
            settings.ignore.extend(override.ignore)
            settings.severity.update(override.severity)
            for rule, options in override.rules.items():
                settings.rules.setdefault(rule, {}).update(options)
        return settings


@dataclass
class FileSettings:
    select: list[str] | None
    ignore: list[str]
    severity: dict[str, Severity]
    rules: dict[str, dict[str, Any]]


def _relative(path: Path | None, root: Path) -> str | None:
    if path is None:
        return None
    try:
        return path.resolve().relative_to(_resolved(root)).as_posix()
    except ValueError:
        return None


@lru_cache(maxsize=256)
def _resolved(root: Path) -> Path:
    return root.resolve()


def glob_to_regex(glob: str) -> re.Pattern:
    """Translate a path glob with ``**`` (any folders), ``*`` and ``?`` to a regex."""
    glob = glob.strip("/")
    out, i = [], 0
    while i < len(glob):
        c = glob[i]
        if glob.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif glob.startswith("**", i):
            out.append(".*")
            i += 2
        elif c == "*":
            out.append("[^/]*")
            i += 1
        elif c == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(c))
            i += 1
    # A pattern naming a folder covers everything below it.
    return re.compile("".join(out) + "(?:/.*)?\\Z")


# -- reading -------------------------------------------------------------------

def find_config_file(start: Path) -> Path | None:
    """The nearest configuration file at or above ``start`` (a folder)."""
    for folder in [start, *start.parents]:
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file():
                if name == "pyproject.toml" and _pyproject_table(candidate) is None:
                    continue
                return candidate
    return None


def _pyproject_table(path: Path) -> dict | None:
    """The ``[tool.newslint]`` table of a pyproject.toml, or None when it has none."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None
    if "newslint" not in text:  # most projects' pyproject.toml: not worth importing and running tomllib
        return None
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: malformed TOML: {exc}") from None
    table = data.get("tool", {}).get("newslint")
    return table if isinstance(table, dict) else None


def load_config(path: Path) -> Config:
    """Read and check the structure of one configuration file (rule ids are checked later)."""
    path = path.resolve() if path.exists() else path
    if not path.is_file():
        raise ConfigError(f"{path}: configuration file not found")
    if path.name == "pyproject.toml":
        raw = _pyproject_table(path)
        if raw is None:
            raise ConfigError(f"{path}: no [tool.newslint] table")
    else:
        raw = load_yaml_file(path, ConfigError, "the configuration")
        if raw is None:
            raw = {}
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}: expected a mapping of settings, got {type(raw).__name__}")
    return parse_config(raw, source=path, root=path.parent)


def parse_config(raw: dict[str, Any], source: Path | None = None, root: Path | None = None) -> Config:
    where = str(source) if source else "configuration"
    config = Config(source=source, root=root or Path.cwd(), raw=raw)
    for key, value in raw.items():
        name = str(key).replace("_", "-")
        if name not in _TOP_KEYS:
            raise ConfigError(f"{where}: unknown key {key!r}{did_you_mean(name, _TOP_KEYS)}")
        if name == "select":
            config.select = _rule_list(value, f"{where}: select")
        elif name == "ignore":
            config.ignore = _rule_list(value, f"{where}: ignore")
        elif name == "severity":
            config.severity = _severities(value, f"{where}: severity")
        elif name == "rules":
            config.rules = _rule_options(value, f"{where}: rules")
        elif name == "packs":
            config.packs = [config.root / p for p in _string_list(value, f"{where}: packs")]
        elif name == "plugins":
            config.plugins = [config.root / p for p in _string_list(value, f"{where}: plugins")]
        elif name == "fail-on":
            config.fail_on = _fail_level(value, f"{where}: fail-on")
        elif name == "date":
            config.date = parse_date_setting(value, f"{where}: date")
        elif name == "exclude":
            config.exclude = _string_list(value, f"{where}: exclude")
        elif name == "overrides":
            config.overrides = _overrides(value, f"{where}: overrides")
    return config


def parse_date_setting(value: Any, where: str) -> _dt.date | str | None:
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        if value in DATE_SOURCES:
            return None if value == "none" else value
        try:
            return _dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise ConfigError(f"{where}: expected YYYY-MM-DD or one of {', '.join(DATE_SOURCES)}, got {value!r}")


def _fail_level(value: Any, where: str) -> str:
    if not isinstance(value, str) or value.lower() not in FAIL_LEVELS:
        raise ConfigError(f"{where}: expected one of {', '.join(FAIL_LEVELS)}, got {value!r}")
    return value.lower()


def _string_list(value: Any, where: str) -> list[str]:
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: expected a list of strings, got {value!r}")
    return list(value)


def _rule_list(value: Any, where: str) -> list[str]:
    if isinstance(value, str):
        value = [v for v in re.split(r"[,\s]+", value) if v]
    return _string_list(value, where)


def _severities(value: Any, where: str) -> dict[str, Severity]:
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: expected a mapping of rule id to error, warning or info")
    out = {}
    for rule, level in value.items():
        try:
            out[str(rule)] = Severity.parse(str(level))
        except ValueError as exc:
            raise ConfigError(f"{where}.{rule}: {exc}") from None
    return out


def _rule_options(value: Any, where: str) -> dict[str, dict[str, Any]]:
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: expected a mapping of rule id to its options")
    out = {}
    for rule, options in value.items():
        if not isinstance(options, dict):
            raise ConfigError(f"{where}.{rule}: expected a mapping of option names to values")
        out[str(rule)] = dict(options)
    return out


def _overrides(value: Any, where: str) -> list[Override]:
    if not isinstance(value, list):
        raise ConfigError(f"{where}: expected a list of {{files: ..., ...}} entries")
    out = []
    for i, entry in enumerate(value):
        here = f"{where}[{i}]"
        if not isinstance(entry, dict):
            raise ConfigError(f"{here}: expected a mapping")
        reject_unknown_keys(entry, _OVERRIDE_KEYS, here)
        if "files" not in entry:
            raise ConfigError(f"{here}: missing 'files' (the globs it applies to)")
        out.append(
            Override(
                files=_string_list(entry["files"], f"{here}.files"),
                select=_rule_list(entry["select"], f"{here}.select") if "select" in entry else None,
                ignore=_rule_list(entry.get("ignore", []), f"{here}.ignore"),
                severity=_severities(entry.get("severity", {}), f"{here}.severity"),
                rules=_rule_options(entry.get("rules", {}), f"{here}.rules"),
            )
        )
    return out


# -- checking against the registered checks ----------------------------------------

class RuleSet:
    """Resolves selectors (rule ids, ``pack/`` prefixes, categories, ``ALL``) against the registry."""

    def __init__(self, checks: dict[str, "Check"]) -> None:
        self.checks = checks
        self.categories = {c.category for c in checks.values() if c.category}
        self.prefixes = {rule.split("/", 1)[0] for rule in checks if "/" in rule}

    def expand(self, selector: str, where: str) -> set[str]:
        if selector == "ALL":
            return set(self.checks)
        if selector in self.checks:
            return {selector}
        prefix = selector.rstrip("/")
        if prefix in self.prefixes:
            return {rule for rule in self.checks if rule.startswith(prefix + "/")}
        if selector in self.categories:
            return {rule for rule, c in self.checks.items() if c.category == selector}
        known = [*self.checks, *self.prefixes, *self.categories]
        raise ConfigError(f"{where}: unknown rule {selector!r}{did_you_mean(selector, known)}")

    def enabled(self, select: list[str] | None, ignore: list[str], where: str) -> set[str]:
        if select is None:
            chosen = {rule for rule, check in self.checks.items() if check.enabled_by_default}
        else:
            chosen = set().union(*(self.expand(s, f"{where}: select") for s in select)) if select else set()
        for selector in ignore:
            chosen -= self.expand(selector, f"{where}: ignore")
        return chosen

    def validate(self, config: Config) -> None:
        """Check every rule id and option a configuration names."""
        where = config.label
        sections = [(config.select, config.ignore, config.severity, config.rules, where)]
        for i, o in enumerate(config.overrides):
            sections.append((o.select, o.ignore, o.severity, o.rules, f"{where}: overrides[{i}]"))
        for select, ignore, severity, rules, here in sections:
            self.enabled(select, ignore, here)
            for rule in severity:
                self.expand(rule, f"{here}: severity")
            for rule, options in rules.items():
                self.coerce_options(rule, options, f"{here}: rules.{rule}")

    def coerce_options(self, rule: str, options: dict[str, Any], where: str) -> dict[str, Any]:
        from newslint.checks.base import OptionError

        if rule not in self.checks:
            raise ConfigError(f"{where}: unknown rule {rule!r}{did_you_mean(rule, self.checks)}")
        declared = {opt.name: opt for opt in self.checks[rule].options}
        out = {}
        for name, value in options.items():
            if name not in declared:
                hint = did_you_mean(str(name), declared) or (
                    f" ({rule} has options: {', '.join(declared)})" if declared else f" ({rule} has no options)"
                )
                raise ConfigError(f"{where}: unknown option {name!r}{hint}")
            try:
                out[name] = declared[name].coerce(value)
            except OptionError as exc:
                raise ConfigError(f"{where}.{name}: {exc}") from None
        return out
