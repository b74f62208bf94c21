"""Inline suppression comments.

Markdown and HTML::

    <!-- newslint-disable unsourced-statistic, speculative-forecast -->
    ...
    <!-- newslint-enable unsourced-statistic -->
    <!-- newslint-disable-next-line date-anachronism -->

With no rule named, all rules. Plain text has no comments, so there a line that
holds only the directive (with or without the comment marks) does the same.
A rule may be named by id, by a pack prefix (``proselint``) or by category.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from newslint.findings import Finding, Severity, UNUSED_SUPPRESSION

_COMMENT = re.compile(r"<!--\s*newslint-(disable-next-line|disable|enable)\b(.*?)-->", re.S)
_BARE_LINE = re.compile(r"^[ \t]*newslint-(disable-next-line|disable|enable)\b([^\n]*)$", re.M)
_SPLIT = re.compile(r"[,\s]+")
_NEXT_CONTENT_LINE = re.compile(r"\n[ \t]*(?=\S)")


@dataclass
class Directive:
    start: int
    end: int
    action: str
    rules: tuple[str, ...]  # empty: every rule
    used: bool = False


@dataclass
class Region:
    """Findings of ``rules`` (every rule when empty) starting in [start, end) are suppressed."""

    start: int
    end: int
    rules: tuple[str, ...]
    directive: Directive
    exempt: tuple[str, ...] = ()  # rules re-enabled inside an all-rules region

    def covers(self, names: set[str]) -> bool:
        if self.rules:
            return bool(names.intersection(self.rules))
        return not names.intersection(self.exempt)


@dataclass
class Suppressions:
    regions: list[Region] = field(default_factory=list)
    directives: list[Directive] = field(default_factory=list)

    def suppresses(self, finding: Finding, aliases: dict[str, set[str]]) -> bool:
        names = aliases.get(finding.rule, {finding.rule})
        hit = False
        for region in self.regions:
            if region.start <= finding.start < region.end and region.covers(names):
                region.directive.used = True
                hit = True
        return hit

    def unused(self, text: str) -> list[Finding]:
        out = []
        for d in self.directives:
            if d.action != "enable" and not d.used:
                what = ", ".join(d.rules) if d.rules else "all rules"
                out.append(
                    Finding(
                        rule=UNUSED_SUPPRESSION,
                        severity=Severity.WARNING,
                        message=f"This newslint-{d.action} comment ({what}) suppresses nothing; remove it.",
                        start=d.start,
                        end=d.end,
                        replacement="",
                    )
                )
        return out


def parse_suppressions(text: str, kind: str) -> Suppressions:
    if "newslint-" not in text:
        return Suppressions()
    found = [(m.start(), m.end(), m.group(1), m.group(2)) for m in _COMMENT.finditer(text)]
    if kind == "text":
        found += [(m.start(), m.end(), m.group(1), m.group(2)) for m in _BARE_LINE.finditer(text)]
        found.sort()
    result = Suppressions()
    open_regions: list[Region] = []
    for start, end, action, names in found:
        rules = tuple(r for r in _SPLIT.split(names.strip()) if r)
        directive = Directive(start, end, action, rules)
        result.directives.append(directive)
        if action == "disable-next-line":
            line_end = text.find("\n", end)
            nxt = _NEXT_CONTENT_LINE.search(text, line_end) if line_end >= 0 else None
            if nxt:
                stop = text.find("\n", nxt.end())
                result.regions.append(Region(nxt.end(), len(text) if stop < 0 else stop, rules, directive))
        elif action == "disable":
            region = Region(end, len(text), rules, directive)
            open_regions.append(region)
            result.regions.append(region)
        else:  # enable: close the open regions it names; what stays disabled reopens after it
            for region in list(open_regions):
                if rules and region.rules and not set(region.rules) & set(rules):
                    continue
                region.end = start
                open_regions.remove(region)
                if not rules:
                    continue
                if region.rules:
                    rest = tuple(r for r in region.rules if r not in rules)
                    reopened = Region(end, len(text), rest, region.directive) if rest else None
                else:
                    reopened = Region(end, len(text), (), region.directive, exempt=region.exempt + rules)
                if reopened:
                    open_regions.append(reopened)
                    result.regions.append(reopened)
    return result
