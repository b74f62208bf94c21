"""The house dictionary of names: loading, preferred-form overrides and matching.

``rules/house-names.yaml`` holds groups of spellings (the house form and the
variants to replace), the look-alike pairs that are different entities and a
list of common English names. A newsroom adds its own groups in a file of the
same shape and changes any group's house form through the ``preferred`` option.

Matching never scans the text itself: it walks the document's capitalised-word
index (:mod:`newslint.names.candidates`) and looks each word up in a dict keyed by
the first capitalised word of every variant, so the cost is one dict lookup per
capitalised word, whatever the size of the dictionary.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import compress, count
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Mapping, NamedTuple


from newslint.checks.rulepacks import match_case
from newslint.config import ConfigError, reject_unknown_keys
from newslint.document import normalize
from newslint.names.candidates import candidates_of, first_candidate, written_in_lower_case
from newslint.resources import load_rules_file, load_yaml_file

if TYPE_CHECKING:  # pragma: no cover
    from newslint.document import Document

BUILTIN_FILE = "house-names.yaml"
_WORD = itemgetter(2)  # a Candidate's word
_GROUP_KEYS = {
    "preferred", "variants", "kind", "before", "exceptions", "unless_mentions", "renamed",
    "historical_before", "person_name_too", "note",
}
_FILE_KEYS = {"groups", "lookalikes", "common_names"}
_LETTER = r"[^\W\d_]"
_NEXT_WORD = re.compile(rf"\s+(?:(?:[aAeE]l|a[dnrstz])-)?({_LETTER}+)")
_YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")
#: Words just before an old name that show the writer means the old name.
_OLD_NAME_CUE = re.compile(
    r"\b(?:formerly|then|once|previously|renamed|old name|former name|known as|called|until)\W*(?:\w+\W+)?$",
    re.IGNORECASE,
)


class DictionaryError(ConfigError):
    """A house dictionary file or a ``preferred`` override is not acceptable."""


class Group(NamedTuple):
    """Spellings of one name: the house form and the variants to replace.

    A named tuple, not a frozen dataclass: building the 137 built-in groups was a
    large part of the dictionary's start-up.
    """

    preferred: str
    variants: tuple[str, ...]
    kind: str = ""
    before: frozenset[str] = frozenset()
    exceptions: tuple[str, ...] = ()
    unless_mentions: frozenset[str] = frozenset()
    renamed: _dt.date | None = None
    historical_before: int | None = None
    person_name_too: bool = False
    note: str = ""
    source: str = ""

    @property
    def members(self) -> tuple[str, ...]:
        return (self.preferred, *self.variants)

    @property
    def is_word_group(self) -> bool:
        """A group that applies wherever its words appear (no ``before`` context)."""
        return not self.before

    @property
    def exception_pattern(self) -> re.Pattern | None:
        return _exception_pattern(self.exceptions) if self.exceptions else None


@lru_cache(maxsize=None)
def _exception_pattern(exceptions: tuple[str, ...]) -> re.Pattern:
    """A group's fixed names ("chicken Kiev"), compiled the first time one of its variants is found."""
    parts = [r"[\W_]+".join(map(re.escape, re.findall(r"[\w']+", e))) for e in exceptions]
    return re.compile(rf"(?<!{_LETTER})(?:" + "|".join(parts) + ")", re.IGNORECASE)


class HouseHit(NamedTuple):
    """A variant found in a document, with the fix that keeps its case and possessive."""

    start: int
    end: int
    found: str  # the name as written, without a possessive
    house_form: str  # the house form in the case of ``found``, without a possessive
    replacement: str  # what replaces ``start:end`` (possessive kept)
    group: Group


class _Entry:
    """One variant under its first capitalised word.

    The pattern is written and compiled the first time a document has that word: a
    run sees a few of the hundreds of variants, and compiling them all was most of
    the cost of a first check.
    """

    __slots__ = ("variant", "prefix", "group", "_pattern")

    def __init__(self, variant: str, prefix: int, group: Group) -> None:
        self.variant = variant
        self.prefix = prefix  # characters of the variant before its first capitalised word ("al-")
        self.group = group
        self._pattern: re.Pattern | None = None

    @property
    def source(self) -> str:
        body = re.escape(self.variant).replace(r"\ ", r"\s+")
        return rf"(?P<name>{body})(?!{_LETTER})(?P<poss>'s(?!{_LETTER}))?"

    @property
    def pattern(self) -> re.Pattern:
        if self._pattern is None:
            self._pattern = re.compile(self.source, re.IGNORECASE)
        return self._pattern


# -- loading ---------------------------------------------------------------------------

def parse_dictionary(data: Any, source: str) -> tuple[list[Group], list[tuple[str, str]], list[str]]:
    """Validate one dictionary file's data; errors name the file and the group."""
    if not isinstance(data, dict):
        raise DictionaryError(f"{source}: a names dictionary is a mapping with a 'groups:' list")
    reject_unknown_keys(
        data, _FILE_KEYS, source, DictionaryError, notes={"rules": " ('rules:' makes a file a declarative pack)"}
    )
    groups_data = data.get("groups") or []
    if not isinstance(groups_data, list):
        raise DictionaryError(f"{source}: 'groups' must be a list")
    groups = [_parse_group(item, f"{source}: groups[{i}]", source) for i, item in enumerate(groups_data)]
    lookalikes = []
    for i, pair in enumerate(data.get("lookalikes") or []):
        if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(p, str) for p in pair)):
            raise DictionaryError(f"{source}: lookalikes[{i}] must be a pair of names")
        lookalikes.append((pair[0], pair[1]))
    common = data.get("common_names") or []
    if not isinstance(common, list) or not all(isinstance(n, str) for n in common):
        raise DictionaryError(f"{source}: 'common_names' must be a list of names")
    return groups, lookalikes, common


def _parse_group(item: Any, where: str, source: str) -> Group:
    if not isinstance(item, dict):
        raise DictionaryError(f"{where}: expected a mapping with 'preferred' and 'variants'")
    reject_unknown_keys(item, _GROUP_KEYS, where, DictionaryError)
    preferred = item.get("preferred")
    variants = item.get("variants")
    if not isinstance(preferred, str) or not preferred.strip():
        raise DictionaryError(f"{where}: 'preferred' must be a name")
    if not isinstance(variants, list) or not variants or not all(isinstance(v, str) and v.strip() for v in variants):
        raise DictionaryError(f"{where} ({preferred}): 'variants' must be a list of names")
    if preferred.casefold() in {v.casefold() for v in variants}:
        raise DictionaryError(f"{where} ({preferred}): the preferred form is also listed as a variant")
    renamed = item.get("renamed")
    if renamed is not None and not isinstance(renamed, _dt.date):
        raise DictionaryError(f"{where} ({preferred}): 'renamed' must be a date (YYYY-MM-DD)")
    historical = item.get("historical_before")
    if historical is not None and not isinstance(historical, int):
        raise DictionaryError(f"{where} ({preferred}): 'historical_before' must be a year")
    return Group(
        preferred=preferred,
        variants=tuple(variants),
        kind=str(item.get("kind", "")),
        before=frozenset(w.casefold() for w in _strings(item.get("before"), f"{where}: before")),
        exceptions=tuple(_strings(item.get("exceptions"), f"{where}: exceptions")),
        unless_mentions=frozenset(w.casefold() for w in _strings(item.get("unless_mentions"), f"{where}: unless_mentions")),
        renamed=renamed,
        historical_before=historical,
        person_name_too=bool(item.get("person_name_too", False)),
        note=str(item.get("note", "")),
        source=source,
    )


def _strings(value: Any, where: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise DictionaryError(f"{where} must be a list of strings")
    return value


def with_preferred(groups: list[Group], overrides: Mapping[str, str]) -> list[Group]:
    """Apply a newsroom's ``preferred: {member: new house form}`` choices.

    A key names the groups whose house form it is; failing that, the groups that
    list it as a variant. The old house form becomes a variant.
    """
    groups = list(groups)
    for key, new in overrides.items():
        if not isinstance(key, str) or not isinstance(new, str) or not new.strip():
            raise DictionaryError(f"preferred: {key!r}: {new!r} must map a name to a name")
        folded = key.casefold()
        targets = [i for i, g in enumerate(groups) if g.preferred.casefold() == folded]
        if not targets:
            targets = [i for i, g in enumerate(groups) if folded in {v.casefold() for v in g.variants}]
        if not targets:
            raise DictionaryError(f"preferred: no group of the house dictionary has the name {key!r}")
        for i in targets:
            group = groups[i]
            members = [m for m in group.members if m.casefold() != new.casefold()]
            groups[i] = group._replace(preferred=new, variants=tuple(members))
    return groups


def _check_conflicts(groups: list[Group]) -> None:
    seen: dict[str, Group] = {}
    for group in groups:
        if not group.is_word_group:
            continue
        for variant in group.variants:
            other = seen.get(variant.casefold())
            if other is not None and other is not group:
                raise DictionaryError(
                    f"{group.source}: '{variant}' is a variant in two groups ({other.preferred}, {group.preferred}); "
                    "give one of them a 'before' context"
                )
            seen[variant.casefold()] = group


# -- the dictionary --------------------------------------------------------------------------

@dataclass
class HouseDictionary:
    """The effective dictionary of one configuration: groups, look-alikes, common names."""

    groups: list[Group]
    lookalikes: frozenset[frozenset[str]] = frozenset()
    common_names: frozenset[str] = frozenset()
    _index: dict[str, list[_Entry]] | None = field(default=None, repr=False)

    @classmethod
    def load(cls, extra_file: Path | None = None, preferred: Mapping[str, str] | None = None) -> "HouseDictionary":
        groups, lookalikes, common = parse_dictionary(load_rules_file(BUILTIN_FILE), f"rules/{BUILTIN_FILE}")
        if extra_file is not None:
            data = load_yaml_file(extra_file, DictionaryError, "the names dictionary")
            more, more_lookalikes, more_common = parse_dictionary(data, str(extra_file))
            groups += more
            lookalikes += more_lookalikes
            common += more_common
        groups = with_preferred(groups, preferred or {})
        _check_conflicts(groups)
        return cls(
            groups=_expand_before(groups),
            lookalikes=frozenset(frozenset((a.casefold(), b.casefold())) for a, b in lookalikes),
            common_names=frozenset(n.casefold() for n in common),
        )

    # -- finding variants in a document ------------------------------------------------------
    @property
    def index(self) -> dict[str, list[_Entry]]:
        """Variants keyed by their first capitalised word, longest first (built on first use)."""
        if self._index is None:
            index: dict[str, list[_Entry]] = {}
            for group in self.groups:
                for variant in group.variants:
                    anchor = first_candidate(normalize(variant))  # found as in a document's ``normalized``
                    if anchor is None:
                        continue
                    index.setdefault(anchor.word.casefold(), []).append(_Entry(variant, anchor.start, group))
            for entries in index.values():
                if len(entries) > 1:
                    entries.sort(key=lambda e: -len(e.source))
            self._index = index
        return self._index

    def find(self, doc: "Document") -> list[HouseHit]:
        """Every variant in ``doc`` that the house style replaces, in text order."""
        index = self.index
        candidates = candidates_of(doc)
        # the distinct words first (C-level maps): most articles have no word of the index, the rest a few
        distinct = list(set(map(_WORD, candidates)))
        indexed = set(compress(distinct, map(index.__contains__, map(str.casefold, distinct))))
        if not indexed:
            return []
        return self._hits(doc, list(compress(count(), map(indexed.__contains__, map(_WORD, candidates)))))

    def _hits(self, doc: "Document", numbers: Iterable[int]) -> list[HouseHit]:
        """The variants that start at the candidates ``numbers`` (in text order)."""
        index = self.index
        norm = doc.normalized
        hits: list[HouseHit] = []
        covered = 0
        mentioned: frozenset[str] | None = None
        candidates = candidates_of(doc)
        for number in numbers:
            cand = candidates[number]
            entries = index.get(cand.word.casefold())
            if not entries or cand.start < covered:
                continue
            for entry in entries:
                pos = cand.start - entry.prefix
                if pos < 0 or (pos > 0 and (norm[pos - 1].isalpha() or norm[pos - 1] in "-'")):
                    continue
                m = entry.pattern.match(norm, pos)
                if m is None:
                    continue
                group = entry.group
                if group.before:
                    following = _NEXT_WORD.match(norm, m.end("name"))
                    if following is None or following.group(1).casefold() not in group.before:
                        continue
                if group.unless_mentions:
                    if mentioned is None:
                        mentioned = frozenset(c.word.casefold() for c in candidates_of(doc))
                    if group.unless_mentions & mentioned:
                        continue
                if group.person_name_too and _part_of_a_personal_name(doc, candidates, number):
                    continue
                if self._excepted(doc, group, m.start(), m.end("name")):
                    continue
                found = doc.text[m.start("name") : m.end("name")]
                house_form = self._in_case_of(doc, m.start(), found, self.respell(group.preferred))
                replacement = house_form + doc.text[m.end("name") : m.end()]
                hits.append(HouseHit(m.start(), m.end(), found, house_form, replacement, group))
                covered = m.end()
                break
        return hits

    @staticmethod
    def _in_case_of(doc: "Document", start: int, found: str, house_form: str) -> str:
        """``house_form`` in the case of ``found``; "al-" stays lower case inside a sentence."""
        cased = match_case(found, house_form)
        if house_form[:1].islower() and not found.isupper() and cased != house_form:
            index = doc.sentence_index(start)
            opening = index is None or not doc.normalized[doc.sentences[index].start : start].strip(" \"'(")
            if not opening:
                return house_form
        return cased

    def _excepted(self, doc: "Document", group: Group, start: int, end: int) -> bool:
        """Fixed names, and old names used for the time before a rename."""
        norm = doc.normalized
        pattern = group.exception_pattern
        if pattern is not None:
            for m in pattern.finditer(norm, max(0, start - 120), min(len(norm), end + 120)):
                if m.start() <= start and end <= m.end():
                    return True
        cutoff = group.renamed.year if group.renamed else group.historical_before
        if cutoff is None:
            return False
        if group.renamed and doc.metadata.date is not None and doc.metadata.date < group.renamed:
            return True
        index = doc.sentence_index(start)
        if index is not None:
            sentence = doc.sentences[index]
            if any(int(y) < cutoff for y in _YEAR.findall(norm, sentence.start, sentence.end)):
                return True
            if group.renamed and _OLD_NAME_CUE.search(norm[max(sentence.start, start - 40) : start]):
                return True
        return False

    # -- helpers for the checks -------------------------------------------------------------------
    @cached_property
    def _word_groups(self) -> dict[str, Group]:
        return {m.casefold(): g for g in self.groups if g.is_word_group and " " not in g.preferred for m in g.members}

    def respell(self, phrase: str) -> str:
        """Give each word of a multi-word house form its own group's house form.

        Keeps a phrase group ("Yulia Tymoshenko") in step with an override of a
        word group it contains.
        """
        if " " not in phrase:
            return phrase
        words = phrase.split(" ")
        return " ".join(self._word_groups[w.casefold()].preferred if w.casefold() in self._word_groups else w for w in words)

    @cached_property
    def _groups_by_member(self) -> dict[str, list[Group]]:
        out: dict[str, list[Group]] = {}
        for group in self.groups:
            for member in group.members:
                out.setdefault(member.casefold(), []).append(group)
        return out

    def house_form(self, spellings: Iterable[str]) -> str | None:
        """The spelling among ``spellings`` that a house group prefers over another of them."""
        by_fold = {s.casefold(): s for s in spellings}
        answers = set()
        for folded in by_fold:
            for group in self._groups_by_member.get(folded, ()):
                members = {m.casefold() for m in group.members}
                preferred = group.preferred.casefold()
                if preferred in by_fold and len(members & by_fold.keys()) > 1:
                    answers.add(preferred)
        return by_fold[answers.pop()] if len(answers) == 1 else None

    def are_lookalikes(self, a: str, b: str) -> bool:
        return frozenset((a.casefold(), b.casefold())) in self.lookalikes

    def is_common_name(self, spelling: str) -> bool:
        return spelling.casefold() in self.common_names


def _part_of_a_personal_name(doc: "Document", candidates: list, number: int) -> bool:
    """Whether a place name here is a surname: "Yuri Nikolayev", "Georgy Lvov".

    A capitalised word just before counts as a given name unless the article also
    writes it in lower case ("In Nikolaev" opens a sentence with a common word).
    """
    if not number:
        return False
    before, here = candidates[number - 1], candidates[number]
    return doc.normalized[before.end : here.particle_start] == " " and not written_in_lower_case(doc, before.word.casefold())


def _expand_before(groups: list[Group]) -> list[Group]:
    """Let ``before: [Zelenskyy]`` also accept every other spelling of Zelenskyy.

    Only the groups that spell a ``before`` word are read (a start-up cost: most groups have none).
    """
    wanted = frozenset().union(*(group.before for group in groups))
    members: dict[str, frozenset[str]] = {}
    for group in groups:
        if group.is_word_group:
            folded = frozenset(m.casefold() for m in group.members)
            for m in folded & wanted:
                members[m] = members.get(m, frozenset()) | folded
    out = []
    for group in groups:
        if group.before:
            expanded = frozenset().union(*(members.get(w, frozenset({w})) for w in group.before))
            group = group._replace(before=expanded)
        out.append(group)
    return out
