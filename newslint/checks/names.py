"""Names: spelled the house way (name-house-style) and one way only (name-inconsistent).

``name-house-style`` looks every capitalised word up in the house dictionary
(``rules/house-names.yaml`` plus a newsroom's own file) and proposes the house
form, keeping case and possessive. ``name-inconsistent`` needs no dictionary:
it gives each capitalised word transliteration keys (:mod:`newslint.names.translit`)
and reports words of one article, or of one archive, that share a key but are
spelled differently. Both read the document's shared capitalised-word index.
"""
from __future__ import annotations

import os
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from collections import Counter
from itertools import chain, compress, count
from operator import attrgetter, itemgetter
from pathlib import Path
from typing import Any, Callable, Iterable, NamedTuple

from newslint.checks.base import Check, CheckContext, CorpusEntry, Docs, Option, OptionError
from newslint.checks.rulepacks import match_case
from newslint.document import Document, utf16_len
from newslint.findings import Finding, Location, Severity
from newslint.hookspecs import hookimpl
from newslint.names.candidates import Candidate, candidates_of, written_in_lower_case_among
from newslint.names.dictionary import HouseDictionary, parse_dictionary
from newslint.names.translit import close_enough, spelling_keys
from newslint.resources import load_rules_file

HOUSE_STYLE = "name-house-style"
_WORD = itemgetter(2)  # a Candidate's word
_END = itemgetter(1)  # a Candidate's end
_SPELLING_WORD = itemgetter(1)  # a Spelling's word
#: What ``related`` compares of a spelling or an archive row.
_COMPARED = attrgetter("word", "particle", "neighbours")
_QUOTES_AND_BULLETS = " \t\"'([*-\u2013\u2014\u2022\u00b7#0123456789.)"
#: After a word that opens a sentence, what shows the word is a name ("Kravetz said").
_NAME_FOLLOWS = re.compile(
    r"'s\b|\s+(?:said|says|told|added|wrote|denied|noted|warned|insisted|claimed|argued|replied|"
    r"admitted|asked|urged|called|met|spoke|declined|confirmed)\b"
)


# -- the house dictionary for a configuration ------------------------------------------------

def _validate_preferred(value: Any) -> None:
    """Every key must name a group of the built-in dictionary; every value must be a name."""
    groups, _, _ = parse_dictionary(load_rules_file("house-names.yaml"), "rules/house-names.yaml")
    known = {m.casefold() for g in groups for m in g.members}
    for key, new in value.items():
        if not isinstance(key, str) or not isinstance(new, str) or not new.strip():
            raise OptionError(f"preferred must map a name to a name, got {key!r}: {new!r}")
        if key.casefold() not in known:
            raise OptionError(
                f"no group of the house dictionary has the name {key!r} "
                "(for a group of your own dictionary file, set its preferred form there)"
            )


def house_dictionary(ctx: CheckContext) -> HouseDictionary:
    """The dictionary this configuration uses, built once per configuration.

    ``name-inconsistent`` reads ``name-house-style``'s options from the configuration
    so that both checks suggest the same house form.
    """
    if ctx.options.get("preferred") is not None and "dictionary" in ctx.options:
        settings = ctx.options
    else:
        settings = ctx.config.rules.get(HOUSE_STYLE, {})
    preferred = dict(settings.get("preferred") or {})
    extra = settings.get("dictionary") or ""
    extra_path = None
    if extra:
        extra_path = Path(extra) if Path(extra).is_absolute() else Path(ctx.config.root) / extra
    key = ("house-dictionary", repr(sorted(preferred.items())), str(extra_path))
    return ctx.memo(key, lambda: HouseDictionary.load(extra_path, preferred))


# -- name-house-style ---------------------------------------------------------------------------

class NameHouseStyle(Check):
    id = HOUSE_STYLE
    category = "names"
    severity = Severity.WARNING
    fix_safe = True
    summary = "Names spelled against the house dictionary (Kiev for Kyiv, Lugansk for Luhansk)."
    docs = Docs(
        flags=(
            "A person, place or organisation spelled differently from the house dictionary "
            "(rules/house-names.yaml): Kiev, Lugansk, Zaporozhye, al-Qaeda, Vladimir Zelensky. Fixed "
            "names (chicken Kiev, Peking University), other places of the same name (Odessa, Texas) and "
            "old names used for the time before a rename (Dnipropetrovsk before 2016) stay quiet."
        ),
        why=(
            "Readers notice when one paper spells a name three ways, and a transliteration can carry "
            "politics (Kiev is the Russian-based form). The fix keeps case and possessive: Kiev's becomes Kyiv's."
        ),
        example="Shelling hit Kiev's outskirts and Lugansk overnight.",
        better="Shelling hit Kyiv's outskirts and Luhansk overnight.",
    )
    options = (
        Option(
            "preferred",
            {},
            "change house forms: {any spelling of a group: new house form}, e.g. {Zelenskyy: Zelensky}",
            type=dict,
            validate=_validate_preferred,
        ),
        Option("dictionary", "", "a YAML file of your own groups (same format as rules/house-names.yaml)", type=str),
    )

    def check(self, doc: Document, ctx: CheckContext) -> Iterable[Finding]:
        for hit in house_dictionary(ctx).find(doc):
            group = hit.group
            wanted = hit.house_form
            if group.renamed:
                message = (
                    f"'{hit.found}' is the old name of {group.preferred}; write '{wanted}' "
                    f"unless the sentence is about the time before {group.renamed:%B %Y}."
                )
            else:
                message = f"House style spells this name '{wanted}', not '{hit.found}'."
            if group.note:
                message += f" Note: {group.note}"
            yield self.finding(hit.start, hit.end, message, replacement=hit.replacement, preferred=group.preferred)


# -- name-inconsistent: one article ----------------------------------------------------------------

class Spelling(NamedTuple):
    """Every occurrence of one spelling of a name in one article.

    ``word`` and ``particle`` (folded) are those of the first occurrence. A named
    tuple (its lists and sets still grow in place): an article has dozens of them.
    """

    display: str
    word: str
    particle: str
    occurrences: list[Candidate]
    neighbours: set[str]


def article_spellings(doc: Document, min_length: int) -> dict[str, Spelling]:
    """Name-like capitalised words of ``doc`` by folded spelling (shared through ``doc.memo``).

    Left out: words of fewer than ``min_length`` letters, acronyms and words in
    capitals, words the article also writes in lower case (common words), and words
    seen only opening a sentence with no capitalised neighbour (common words again).
    """

    def build(d: Document) -> dict[str, Spelling]:
        candidates = candidates_of(d)
        norm = d.normalized
        # Words are judged once per distinct word (most words repeat), the cheap tests first;
        # the all-capitals words and the occurrences of names are picked with C-level filters.
        words = list(map(_WORD, candidates))
        distinct = set(words)
        upper = set(filter(str.isupper, distinct))
        names = {
            w for w in distinct - upper
            if len(w) >= min_length and (w.isalpha() or _letters(w) >= min_length)
        }
        names -= written_in_lower_case_among(d, names)
        if not names:
            return {}
        folds = {w: w.casefold() for w in names}

        def key_of(cand: Candidate) -> str:
            return f"{cand[3]}-{cand[2]}".casefold() if cand[3] else folds[cand[2]]

        out: dict[str, Spelling] = {}
        new = tuple.__new__
        # One step per occurrence of a name, so the usual case (no "al-") is written inline.
        for cand in compress(candidates, map(names.__contains__, words)):
            word = cand[2]
            key = folds[word] if not cand[3] else key_of(cand)
            spelling = out.get(key)
            if spelling is not None:
                spelling[3].append(cand)
            elif not cand[3]:
                out[key] = new(Spelling, (word, word, "", [cand], set()))
            else:
                out[key] = new(Spelling, (f"{cand[3]}-{word}", word, cand[3].casefold(), [cand], set()))
        # A capitalised neighbour one space away makes one name ("Sergei Lavrov").
        joined = [
            i for i, end, after in zip(count(1), map(_END, candidates), candidates[1:])
            if (after[0] - len(after[3]) - 1 if after[3] else after[0]) - end == 1 and norm[end] == " "
        ]
        for i in joined:
            first, second = words[i - 1], words[i]
            if second in names and first not in upper:
                after = candidates[i]
                out[folds[second] if not after[3] else key_of(after)][4].update(spelling_keys(first))
            if first in names and second not in upper:
                before = candidates[i - 1]
                out[folds[first] if not before[3] else key_of(before)][4].update(spelling_keys(second))
        # Without a neighbour, a word seen only opening sentences (and not before "said") is left out.
        lonely = [k for k, s in out.items() if not s.neighbours]
        if lonely:
            openings = _sentence_openings(d)
            for k in lonely:
                occurrences = out[k].occurrences
                first = occurrences[0]
                if first.particle or first.start in openings:  # else the first occurrence is name-like
                    if not any(_name_like(norm, openings, c) for c in occurrences):
                        del out[k]
        return out

    return doc.memo(f"name_spellings:{min_length}", build)


_BEFORE_OPENING = frozenset(_QUOTES_AND_BULLETS)
#: Anything but what may stand before the first word of a sentence.
_NOT_BEFORE_OPENING = re.compile(f"[^{re.escape(_QUOTES_AND_BULLETS)}]")


def _sentence_openings(doc: Document) -> set[int]:
    """Where a word opens a sentence: the first character of each sentence, and of the
    document, that is not a quote, bullet, number, dot or space.

    A set, so that judging a word is one lookup rather than finding its sentence
    (the test suite checks it against doing that).
    """
    norm = doc.normalized
    search = _NOT_BEFORE_OPENING.search
    out = set()
    for sentence in doc.sentences:
        start, end = sentence.start, sentence.end
        if start < end and norm[start] not in _BEFORE_OPENING:
            out.add(start)  # most sentences start with their first word
        else:
            found = search(norm, start, end)
            if found is not None:
                out.add(found.start())
    found = search(norm)
    if found is not None:
        out.add(found.start())
    return out


def _name_like(norm: str, openings: set[int], cand: Candidate) -> bool:
    """Inside a sentence any capitalised word may be a name; opening one, only before "said" or "'s"."""
    return cand.particle_start not in openings or _NAME_FOLLOWS.match(norm, cand.end) is not None


def _letters(word: str) -> int:
    return len(word) if word.isalpha() else sum(c.isalpha() for c in word)


def related(a_word: str, a_particle: str, a_neighbours: set[str], b_word: str, b_particle: str,
            b_neighbours: set[str], dictionary: HouseDictionary) -> bool:
    """Whether two spellings that share a key are one name spelled two ways.

    The same word with "al-" and "el-" is; the same word with and without an article
    is not (second references drop it). Otherwise the spellings must pass the edit
    guard, not be known different entities, and, when either is a common English
    name (Philip/Phillip), be tied to the same neighbouring name.
    """
    if a_word.casefold() == b_word.casefold():
        return bool(a_particle and b_particle and a_particle != b_particle)
    if not close_enough(a_word, b_word) or dictionary.are_lookalikes(a_word, b_word):
        return False
    if dictionary.is_common_name(a_word) or dictionary.is_common_name(b_word):
        return bool(a_neighbours & b_neighbours)
    return True


class NameRecord(NamedTuple):
    """One spelling in one article, as ``collect`` finds it (there as a plain tuple)."""

    folded: str
    display: str
    word: str
    particle: str
    neighbours: frozenset[str]
    count: int
    start: int
    end: int
    line: int


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[Any, Any] = {}

    def find(self, x: Any) -> Any:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: Any, b: Any) -> None:
        self.parent[self.find(a)] = self.find(b)

    def groups(self) -> list[list[Any]]:
        out: dict[Any, list[Any]] = {}
        for x in self.parent:
            out.setdefault(self.find(x), []).append(x)
        return [sorted(g) for g in out.values() if len(g) > 1]


def _clusters(keys: dict[Any, Iterable[Any]], fields: Callable[[Any], tuple[str, str, set[str]]],
              dictionary_of: Callable[[], HouseDictionary]) -> list[list[Any]]:
    """Group items that are one name, blocking by key: ``keys`` maps each item to its keys,
    ``fields(item)`` gives its (word, particle, neighbours).

    Only items that share a key are ever compared, so the work grows with the
    number of spellings per key (a handful), not with the square of the names; keys
    are counted first (at C speed) so that items with no shared key cost nothing more.
    The dictionary is asked for only then: most articles have nothing to compare.
    """
    tally = Counter(chain.from_iterable(keys.values()))
    shared = {key for key, n in tally.items() if n > 1}
    if not shared:
        return []
    buckets: dict[Any, list[Any]] = {}
    for item_id, item_keys in keys.items():
        if not shared.isdisjoint(item_keys):
            for key in item_keys:
                if key in shared:
                    buckets.setdefault(key, []).append(item_id)
    union = _UnionFind()
    dictionary = dictionary_of()
    for members in buckets.values():
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                if union.find(a) != union.find(b) and related(*fields(a), *fields(b), dictionary):
                    union.union(a, b)
    return union.groups()


def _suggest(spellings: list[str], counts: dict[str, tuple], dictionary: HouseDictionary) -> tuple[str, str]:
    """The spelling to keep and why: the house form, else the most used, else the first."""
    house = dictionary.house_form(spellings)
    if house is not None:
        return house, "the house form"
    ranked = sorted(spellings, key=lambda s: counts[s])
    best = ranked[0]
    tied = len(ranked) > 1 and counts[ranked[1]][0] == counts[best][0]
    return best, "the first spelling used" if tied else "the most used spelling"


class NameInconsistent(Check):
    id = "name-inconsistent"
    category = "names"
    severity = Severity.WARNING
    summary = "One name spelled two ways (Sergei/Sergey, Dmitry/Dmitri), in an article or across an archive."
    docs = Docs(
        flags=(
            "Names that are transliterations of one another spelled differently in the same article "
            "(Sergei and Sergey, Dmitry and Dmitri, Hassan and Hasan, Zelensky and Zelenskyy), found "
            "without a dictionary. Look-alikes that are different names stay apart: Iran/Iraq, "
            "Austria/Australia, Navalny/Navalnaya, Israel/Israeli. With several files, it also reports "
            "spellings that differ between articles of the archive."
        ),
        why=(
            "A reader who meets Sergei Lavrov and then Sergey Lavrov wonders whether they are two people, "
            "and an archive that cannot agree with itself is hard to search."
        ),
        example="Sergei Lavrov spoke first. Foreign Minister Sergey Lavrov then left.",
        better="Sergei Lavrov spoke first. Foreign Minister Sergei Lavrov then left.",
    )
    options = (
        Option(
            "archive",
            "run",
            "compare spellings across articles: off, directory (articles in the same folder) or run (every file checked)",
            choices=("off", "directory", "run"),
        ),
        Option("min_length", 4, "shortest name (in letters) compared", type=int),
    )

    # -- one article ---------------------------------------------------------------------------
    def check(self, doc: Document, ctx: CheckContext) -> Iterable[Finding]:
        spellings = article_spellings(doc, ctx.options["min_length"])
        if len(spellings) < 2:
            return  # nothing to compare (and no transliteration keys to compute)
        keys = dict(zip(spellings, map(spelling_keys, map(_SPELLING_WORD, spellings.values()))))
        fields = lambda k: _COMPARED(spellings[k])  # noqa: E731
        for cluster in _clusters(keys, fields, lambda: house_dictionary(ctx)):
            dictionary = house_dictionary(ctx)
            names = [spellings[k] for k in cluster]
            counts = {s.display: (-len(s.occurrences), s.occurrences[0].start) for s in names}
            keep, reason = _suggest([s.display for s in names], counts, dictionary)
            listing = ", ".join(
                f"{s.display} \u00d7{len(s.occurrences)} (line {doc.line_of(s.occurrences[0].particle_start)})"
                for s in sorted(names, key=lambda s: s.occurrences[0].start)
            )
            for spelling in names:
                if spelling.display.casefold() == keep.casefold():
                    continue
                for cand in spelling.occurrences:
                    found = doc.text[cand.particle_start : cand.end]
                    message = (
                        f"'{found}' is another spelling of '{keep}' in this article: {listing}. "
                        f"Use '{keep}' ({reason})."
                    )
                    yield self.finding(
                        cand.particle_start,
                        cand.end,
                        message,
                        replacement=match_case(found, keep),
                        spellings={s.display: len(s.occurrences) for s in names},
                        suggested=keep,
                    )

    # -- an archive ------------------------------------------------------------------------------
    def collect(self, doc: Document, ctx: CheckContext) -> Any:
        """Per article: each name-like spelling with its count and located first occurrence.

        Each spelling is a plain tuple in :class:`NameRecord`'s field order, neighbours as a
        tuple: with ``--jobs`` this travels back from a worker for every article, and
        unpickling named tuples holding frozensets cost the parent 0.35 s on a 5 MB archive,
        ten times as much as plain tuples.
        """
        if ctx.options["archive"] == "off":
            return None
        records = []
        # line number -> (offset of the line, its text): enough to locate the few spans reported
        lines: dict[int, tuple[int, str]] = {}
        line_starts = doc.line_starts
        for folded, (display, word, particle, occurrences, neighbours) in article_spellings(
            doc, ctx.options["min_length"]
        ).items():
            first = occurrences[0]
            begin = first[0] - len(first[3]) - 1 if first[3] else first[0]
            line = bisect_right(line_starts, begin)  # doc.line_of(begin)
            if line not in lines:
                lines[line] = (line_starts[line - 1], doc.line_text(line))
            records.append((folded, display, word, particle, tuple(neighbours), len(occurrences), begin, first[1], line))
        return {"folder": os.path.dirname(doc.path), "names": records, "lines": lines}

    def corpus_state(self, ctx: CheckContext) -> "_ArchiveState":
        return _ArchiveState()

    def absorb(self, state: "_ArchiveState", entry: CorpusEntry, ctx: CheckContext) -> None:
        """Fold one article into the archive tables: a row per distinct name, not per article."""
        index = len(state.paths)
        state.paths.append(entry.path)
        data = entry.data
        area = data["folder"] if ctx.options["archive"] == "directory" else ""
        for row in data["names"]:
            folded, _display, word, particle, neighbours, count, _start, _end, line = row
            item_id = (area, folded)
            item = state.items.get(item_id)
            if item is None:
                line_start, line_text = data["lines"][line]
                record = NameRecord(*row[:4], frozenset(neighbours), *row[5:])
                state.items[item_id] = _ArchiveItem(
                    word, particle, set(neighbours), [index], count, record, index, line_start, line_text,
                )
            else:
                item.neighbours.update(neighbours)
                item.articles.append(index)
                item.count += count

    def merge(self, state: "_ArchiveState", part: "_ArchiveState", ctx: CheckContext) -> None:
        """Fold the next articles' tables (a ``--jobs`` worker's batch) in: their article numbers
        move past ours, and a name both know keeps our first occurrence."""
        offset = len(state.paths)
        state.paths.extend(part.paths)
        for item_id, theirs in part.items.items():
            articles = [i + offset for i in theirs.articles] if offset else theirs.articles
            item = state.items.get(item_id)
            if item is None:
                theirs.articles = articles
                theirs.first_article += offset
                state.items[item_id] = theirs
            else:
                item.neighbours.update(theirs.neighbours)
                item.articles.extend(articles)
                item.count += theirs.count

    def check_corpus(self, state: "_ArchiveState", ctx: CheckContext) -> Iterable[Finding]:
        if ctx.options["archive"] == "off" or len(state.paths) < 2:
            return []
        dictionary = house_dictionary(ctx)
        keys = {item_id: [(item_id[0], k) for k in spelling_keys(i.word)] for item_id, i in state.items.items()}
        fields = lambda item_id: _COMPARED(state.items[item_id])  # noqa: E731
        findings: list[Finding] = []
        for cluster in _clusters(keys, fields, lambda: dictionary):
            if len({i for item_id in cluster for i in state.items[item_id].articles}) < 2:
                continue  # one article only: the in-article check reports it
            findings.extend(self._archive_findings(cluster, state, dictionary))
        return findings

    def _archive_findings(self, cluster: list[tuple], state: "_ArchiveState",
                          dictionary: HouseDictionary) -> Iterable[Finding]:
        rows = {item_id: state.items[item_id] for item_id in cluster}
        display = {item_id: row.first.display for item_id, row in rows.items()}
        counts = {
            display[item_id]: (-len(row.articles), -row.count, min(row.articles)) for item_id, row in rows.items()
        }
        keep, reason = _suggest(list(counts), counts, dictionary)
        for item_id, row in rows.items():
            name = display[item_id]
            if name.casefold() == keep.casefold():
                continue
            mine = set(row.articles)
            others = {i for other in cluster if other != item_id for i in rows[other].articles}
            if not others - mine:
                continue
            here, record = row.first_article, row.first
            listing = "; ".join(
                f"{display[o]} in {_files(sorted(set(rows[o].articles)), state.paths, here)}"
                for o in sorted(cluster, key=lambda o: counts[display[o]])
            )
            yield Finding(
                rule=self.id,
                severity=self.severity,
                message=(
                    f"'{name}' is spelled '{keep}' in other articles of this archive: {listing}. "
                    f"Use '{keep}' ({reason})."
                ),
                start=record.start,
                end=record.end,
                replacement=match_case(name, keep),
                properties={
                    "spellings": {display[o]: len(set(rows[o].articles)) for o in cluster},
                    "suggested": keep,
                    "scope": "archive",
                },
                path=state.paths[here],
                location=_locate_in_line(record.line, row.line_start, row.line_text, record.start, record.end),
                source_line=row.line_text,
            )


@dataclass
class _ArchiveItem:
    """One name across the archive: how it is spelled and joined, which articles use it, and
    where it first appears (the only place an archive finding ever points at)."""

    word: str
    particle: str
    neighbours: set[str]
    articles: list[int]
    count: int
    first: NameRecord
    first_article: int
    line_start: int
    line_text: str


@dataclass
class _ArchiveState:
    paths: list[str] = field(default_factory=list)
    items: dict[tuple, _ArchiveItem] = field(default_factory=dict)


def _locate_in_line(line: int, line_start: int, text: str, start: int, end: int) -> Location:
    """``doc.locate(start, end)`` for a span within one line, from what ``collect`` kept of the line.

    ``collect`` keeps line numbers only: locating every spelling of every article (columns
    in UTF-16 too) cost more than the rest of the archive phase, and few are ever reported.
    """
    column, end_column = start - line_start, end - line_start
    return Location(line, column + 1, line, end_column + 1, utf16_len(text[:column]) + 1,
                    utf16_len(text[:end_column]) + 1)


def _files(indices: list[int], paths: list[str], here: int, limit: int = 4) -> str:
    """"3 articles (a.md, b.md and this one)": the other files an archive finding names."""
    names = [paths[i] for i in indices if i != here]
    shown = names[:limit] + ([f"{len(names) - limit} more"] if len(names) > limit else [])
    if here in indices:
        shown.append("this one")
    count = f"{len(indices)} article{'s' if len(indices) > 1 else ''}"
    if shown == ["this one"]:
        return "this article only"
    return f"{count} ({shown[0] if len(shown) == 1 else ', '.join(shown[:-1]) + ' and ' + shown[-1]})"


@hookimpl
def newslint_register_checks() -> list[Check]:
    return [NameHouseStyle(), NameInconsistent()]
