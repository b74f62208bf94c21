"""Declarative rules from YAML packs, which a newsroom edits without Python.

A pack is a YAML file with a ``rules:`` list; each rule becomes a check with
the id ``<pack>/<rule>``. Three kinds:

* ``existence``: flag a term or pattern (``terms:`` literals, ``patterns:``
  regular expressions); with ``fix: remove`` the match is deleted by ``--fix``.
* ``substitution``: ``swap: {wrong: right}``; proposes the replacement,
  keeping the case of the match ("KIEV" to "KYIV") and any possessive.
* ``consistency``: ``groups: [[adviser, advisor], ...]``; flags a document that
  uses more than one member of a group, pointing at the less frequent spellings.

Common fields: ``message`` (``{match}`` is the matched text; ``{replacement}``
for substitutions; ``{variants}`` for consistency), ``severity``, ``scope``
(block kinds or containers: paragraph, heading, list_item, table_cell,
blockquote, headline...), ``ignorecase``, ``exceptions`` (terms or patterns
that, when they cover a match, silence it), ``summary``, ``why``, and
``examples: {fire: [...], quiet: [...]}`` which the test suite runs.

User patterns are compiled behind a guard against catastrophic backtracking:
back-references, nested unbounded repeats (``(a+)+``) and repeated
alternatives that can start with the same character (``(a|ab)*``) are
rejected with an error naming the file, the rule and the problem.
"""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any, Iterable


from newslint.checks.base import Check, CheckContext, Docs
from newslint.config import ConfigError, did_you_mean, reject_unknown_keys
from newslint.dates.prefilter import document_view, pattern_prefilter
from newslint.document import Document
from newslint.findings import Finding, Severity
from newslint.hookspecs import hookimpl
from newslint.resources import load_rules_file, load_yaml_file, rules_dir

try:  # Python 3.11+
    from re import _constants as sre_constants  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

KINDS = ("existence", "substitution", "consistency")
_RULE_KEYS = {
    "id", "kind", "message", "severity", "scope", "ignorecase", "exceptions", "terms", "patterns", "swap",
    "groups", "fix", "summary", "why", "examples", "enabled",
}
_PACK_KEYS = {"pack", "description", "rules"}
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class PackError(ConfigError):
    pass


class PackRule(Check):
    """One declarative rule; built from a mapping by :func:`load_pack`."""

    builtin = True

    def __init__(self, pack: str, spec: dict[str, Any], source: Path, builtin: bool) -> None:
        self.pack_file = source.resolve()
        self.builtin = builtin
        self.where = f"{source}: rule {spec.get('id')!r}"
        self.rule_name = spec["id"]
        self.id = f"{pack}/{spec['id']}"
        self.category = pack
        self.kind = spec["kind"]
        self.severity = _severity(spec.get("severity", "warning"), self.where)
        self.ignorecase = bool(spec.get("ignorecase", True))
        self.scope = frozenset(_as_list(spec.get("scope", []), f"{self.where}: scope"))
        self.enabled_by_default = bool(spec.get("enabled", True))
        self.message_template = spec.get("message") or _default_message(self.kind)
        self.fix = spec.get("fix")
        if self.fix not in (None, "remove"):
            raise PackError(f"{self.where}: fix must be 'remove' (or left out), got {self.fix!r}")
        self.fix_safe = self.kind == "substitution" or self.fix == "remove"
        flags = re.IGNORECASE if self.ignorecase else 0
        self.swap: dict[str, str] = {}
        self.groups: list[list[str]] = []
        if self.kind == "existence":
            terms = _as_list(spec.get("terms", []), f"{self.where}: terms")
            patterns = _as_list(spec.get("patterns", []), f"{self.where}: patterns")
            if not terms and not patterns:
                raise PackError(f"{self.where}: an existence rule needs 'terms' or 'patterns'")
            self.matcher = _compile(terms, patterns, flags, self.where)
        elif self.kind == "substitution":
            swap = spec.get("swap")
            if not isinstance(swap, dict) or not swap:
                raise PackError(f"{self.where}: a substitution rule needs 'swap: {{wrong: right}}'")
            self.swap = {str(k): str(v) for k, v in swap.items()}
            self._swap_lookup = {(k.lower() if self.ignorecase else k): v for k, v in self.swap.items()}
            self.matcher = _compile(list(self.swap), [], flags, self.where)
        else:
            groups = spec.get("groups")
            if not isinstance(groups, list) or not all(isinstance(g, list) and len(g) > 1 for g in groups):
                raise PackError(f"{self.where}: a consistency rule needs 'groups: [[one, other], ...]'")
            self.groups = [[str(t) for t in g] for g in groups]
            self._group_of = {}
            for index, group in enumerate(self.groups):
                for term in group:
                    self._group_of[term.lower() if self.ignorecase else term] = index
            self.matcher = _compile([t for g in self.groups for t in g], [], flags, self.where)
        exceptions = _as_list(spec.get("exceptions", []), f"{self.where}: exceptions")
        self.exceptions = _compile(exceptions, [], flags, self.where) if exceptions else None
        examples = spec.get("examples") or {}
        if not isinstance(examples, dict) or set(examples) - {"fire", "quiet"}:
            raise PackError(f"{self.where}: examples must be a mapping with 'fire' and 'quiet' lists")
        self.examples_fire = _as_list(examples.get("fire", []), f"{self.where}: examples.fire")
        self.examples_quiet = _as_list(examples.get("quiet", []), f"{self.where}: examples.quiet")
        self.summary = str(spec.get("summary") or self._auto_summary())
        self.docs = Docs(
            flags=self.summary,
            why=str(spec.get("why") or "This is the house style set in the pack " + pack + "."),
            example=self.examples_fire[0] if self.examples_fire else "(no example given)",
            better=self.examples_quiet[0] if self.examples_quiet else "(no example given)",
        )
        try:
            self.message_template.format(match="x", replacement="y", variants="z")
        except (KeyError, IndexError, ValueError) as exc:
            raise PackError(f"{self.where}: message has a bad placeholder: {exc}") from None

    def _auto_summary(self) -> str:
        if self.kind == "substitution":
            sample = ", ".join(f"{k} -> {v}" for k, v in list(self.swap.items())[:3])
            return f"House spelling: {sample}."
        if self.kind == "consistency":
            return "One spelling per article: " + "; ".join("/".join(g) for g in self.groups[:3]) + "."
        return f"Flags text matching the {self.rule_name} rule."

    # -- matching -------------------------------------------------------------
    def _matches(self, doc: Document) -> Iterable[re.Match]:
        if not self._may_match(doc):
            return
        text = doc.normalized
        blocked = self._exception_spans(text)
        for m in self.matcher.finditer(text):
            if self.scope:
                block = doc.block_at(m.start())
                if block is None or not (block.scopes & self.scope):
                    continue
            if any(s <= m.start() and m.end() <= e for s, e in blocked):
                continue
            yield m

    def _may_match(self, doc: Document) -> bool:
        """False when one RE2 search of the document shows the rule's pattern matches nowhere in
        it (its relaxation, see newslint.dates.prefilter): most articles have no web debris, and
        Python's ``re`` tries a pattern at every position of the text to find that out."""
        prefilter = pattern_prefilter(self.matcher.pattern, self.matcher.flags)
        if not prefilter.available:  # no relaxation: the pattern's own search decides
            return True
        view = document_view(doc)
        return prefilter.any(view, 0, len(view))

    def _exception_spans(self, text: str) -> list[tuple[int, int]]:
        if self.exceptions is None:
            return []
        return [(m.start(), m.end()) for m in self.exceptions.finditer(text)]

    def check(self, doc: Document, ctx: CheckContext) -> Iterable[Finding]:
        if self.kind == "consistency":
            yield from self._check_consistency(doc)
            return
        for m in self._matches(doc):
            original = doc.text[m.start() : m.end()]
            if self.kind == "substitution":
                key = m.group().lower() if self.ignorecase else m.group()
                replacement = match_case(original, self._swap_lookup[key])
                message = self.message_template.format(match=original, replacement=replacement, variants="")
                yield self.finding(m.start(), m.end(), message, replacement=replacement)
            else:
                start, end = _strip_span(doc.text, m.start(), m.end())
                message = self.message_template.format(match=doc.text[start:end], replacement="", variants="")
                if self.fix == "remove":
                    yield self.finding(start, _line_end_after(doc.text, end), message, replacement="")
                else:
                    yield self.finding(start, end, message)

    def _check_consistency(self, doc: Document) -> Iterable[Finding]:
        by_group: dict[int, list[re.Match]] = {}
        for m in self._matches(doc):
            key = m.group().lower() if self.ignorecase else m.group()
            by_group.setdefault(self._group_of[key], []).append(m)
        for matches in by_group.values():
            counts = Counter((m.group().lower() if self.ignorecase else m.group()) for m in matches)
            if len(counts) < 2:
                continue
            majority = max(counts, key=lambda k: (counts[k], -min(m.start() for m in matches if _k(m, self) == k)))
            variants = ", ".join(f"'{k}' ({n})" for k, n in counts.most_common())
            for m in matches:
                if _k(m, self) == majority:
                    continue
                original = doc.text[m.start() : m.end()]
                preferred = next(x.group() for x in matches if _k(x, self) == majority)
                message = self.message_template.format(match=original, replacement=preferred, variants=variants)
                yield self.finding(m.start(), m.end(), message, replacement=match_case(original, preferred))


def _k(m: re.Match, rule: PackRule) -> str:
    return m.group().lower() if rule.ignorecase else m.group()


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding whitespace (and masked markup) from a match, so the span is the words."""
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return start, end
    start += chunk.index(stripped[0])
    return start, start + len(stripped)


def _line_end_after(text: str, end: int) -> int:
    """Extend a removal over trailing spaces and the newline, so no blank debris line is left."""
    stop = end
    while stop < len(text) and text[stop] in " \t\u00a0":
        stop += 1
    if stop < len(text) and text[stop] == "\n":
        return stop + 1
    if text.startswith("\r\n", stop):  # Windows line ending: take both characters
        return stop + 2
    return end


def match_case(original: str, replacement: str) -> str:
    """Give ``replacement`` the case pattern of ``original`` (all caps, capitalised, or as written)."""
    letters = [c for c in original if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return replacement.upper()
    if letters and original.lstrip()[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def _default_message(kind: str) -> str:
    return {
        "existence": "'{match}' is flagged by the house rules.",
        "substitution": "Use '{replacement}' instead of '{match}'.",
        "consistency": "This article spells the same word several ways ({variants}); use one.",
    }[kind]


def _severity(value: Any, where: str) -> Severity:
    try:
        return Severity.parse(str(value))
    except ValueError as exc:
        raise PackError(f"{where}: severity: {exc}") from None


def _as_list(value: Any, where: str) -> list[str]:
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) for v in value):
        raise PackError(f"{where}: expected a list of strings")
    return [str(v) for v in value]


# -- compiling, with the backtracking guard -------------------------------------------

def _term_regex(term: str) -> str:
    body = re.escape(term).replace(r"\ ", r"\s+")
    left = r"\b" if term[:1].isalnum() or term[:1] == "_" else ""
    right = r"\b" if term[-1:].isalnum() or term[-1:] == "_" else ""
    return f"{left}{body}{right}"


def _compile(terms: list[str], patterns: list[str], flags: int, where: str) -> re.Pattern:
    parts = [_term_regex(t) for t in sorted(set(terms), key=len, reverse=True) if t]
    for pattern in patterns:
        problem = backtracking_risk(pattern)
        if problem:
            raise PackError(f"{where}: pattern {pattern!r} is unsafe: {problem}")
        parts.append(f"(?:{pattern})")
    try:
        return re.compile("|".join(parts), flags | re.MULTILINE)
    except re.error as exc:
        raise PackError(f"{where}: bad pattern: {exc}") from None


_UNBOUNDED = sre_constants.MAXREPEAT
_REPEATS = {sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT}
_BACKREFS = {sre_constants.GROUPREF, getattr(sre_constants, "GROUPREF_EXISTS", sre_constants.GROUPREF)}


def backtracking_risk(pattern: str) -> str | None:
    """Why ``pattern`` could take exponential time, or None if it looks safe."""
    try:
        parsed = sre_parse.parse(pattern)
    except re.error as exc:
        return f"not a valid regular expression ({exc})"
    return _scan(parsed, inside_unbounded=False)


def _scan(items, inside_unbounded: bool) -> str | None:
    for op, arg in items:
        if op in _BACKREFS:
            return "back-references are not allowed"
        if op in _REPEATS:
            _low, high, body = arg
            unbounded = high == _UNBOUNDED
            if unbounded and inside_unbounded:
                return "an unbounded repeat inside another unbounded repeat, e.g. (a+)+"
            if unbounded and _ambiguous_alternation(body):
                return "a repeated alternation whose branches can start alike or be empty, e.g. (a|ab)*"
            problem = _scan(body, inside_unbounded or unbounded)
        elif op == sre_constants.SUBPATTERN:
            problem = _scan(arg[-1], inside_unbounded)
        elif op == sre_constants.BRANCH:
            problem = next((p for p in (_scan(b, inside_unbounded) for b in arg[1]) if p), None)
        elif op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
            problem = _scan(arg[1], inside_unbounded)
        else:
            problem = None
        if problem:
            return problem
    return None


def _first_chars(items) -> set | None:
    """Characters a sub-pattern can start with; None means 'could be anything'."""
    for op, arg in items:
        if op == sre_constants.LITERAL:
            return {arg}
        if op == sre_constants.IN and all(kind == sre_constants.LITERAL for kind, _ in arg):
            return {value for _, value in arg}
        if op == sre_constants.SUBPATTERN:
            return _first_chars(arg[-1])
        if op in (sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT):
            continue
        return None
    return set()


def _ambiguous_alternation(items) -> bool:
    """Whether a repeated body offers two ways to match the same text (the root of exponential time)."""
    for op, arg in items:
        if op == sre_constants.SUBPATTERN and _ambiguous_alternation(arg[-1]):
            return True
        if op == sre_constants.BRANCH:
            seen: set = set()
            for branch in arg[1]:
                first = _first_chars(branch)
                if not branch or first is None or first & seen:
                    return True
                seen |= first
    return False


# -- loading packs --------------------------------------------------------------------

def load_pack(path: Path, builtin: bool = False) -> list[PackRule]:
    data = load_rules_file(path.name) if builtin else load_yaml_file(path, PackError, "rule pack")
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise PackError(f"{path}: a rule pack needs a 'rules:' list")
    reject_unknown_keys(data, _PACK_KEYS, str(path), PackError)
    pack = str(data.get("pack") or path.stem)
    if not _ID.match(pack):
        raise PackError(f"{path}: pack name {pack!r} must be kebab-case (letters, digits, hyphens)")
    rules = []
    for index, spec in enumerate(data["rules"]):
        where = f"{path}: rules[{index}]"
        if not isinstance(spec, dict):
            raise PackError(f"{where}: expected a mapping")
        reject_unknown_keys(spec, _RULE_KEYS, where, PackError)
        if not isinstance(spec.get("id"), str) or not _ID.match(spec["id"]):
            raise PackError(f"{where}: 'id' must be a kebab-case string")
        if spec.get("kind") not in KINDS:
            raise PackError(f"{where}: kind must be one of {', '.join(KINDS)}{did_you_mean(str(spec.get('kind')), KINDS)}")
        rules.append(PackRule(pack, spec, path, builtin))
    return rules


def builtin_pack_files() -> list[Path]:
    """The built-in declarative packs: YAML files in rules/ whose top level has ``rules:``."""
    out = []
    for path in sorted(rules_dir().glob("*.yaml")):
        with path.open(encoding="utf-8") as handle:
            head = handle.read(4096)
        if re.search(r"^rules:", head, re.M):
            out.append(path)
    return out


@hookimpl
def newslint_register_checks() -> list[Check]:
    return [rule for path in builtin_pack_files() for rule in load_pack(path, builtin=True)]


class PackPlugin:
    """Registers the rules of the packs a configuration names."""

    def __init__(self, paths: Iterable[Path]) -> None:
        self.paths = list(paths)

    @hookimpl
    def newslint_register_checks(self) -> list[Check]:
        return [rule for path in self.paths for rule in load_pack(Path(path))]
