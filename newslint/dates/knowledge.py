"""The officeholder and event knowledge bases (``rules/officeholders.yaml``, ``rules/events.yaml``).

Both are plain YAML a newsroom edits (read with the safe loader, ``newslint.resources.safe_load``); a newsroom's
own files, named in the checks' options, are merged in. Each base is built once
per set of files and shared by every document: the officeholder base compiles
one regular expression for "title followed by a known name", the event base one
per event cue. Both are searched the fast way (``newslint.dates.prefilter``): one
RE2 pass over the document proposes where a title and name can start, or which
events' cues can be there at all, and Python's ``re`` decides as before.

Loading costs tens of milliseconds, a lot for a run over one short file, so the
checks load a base only for a document that needs it: the events once a sentence
holds a year, the officeholders once the document holds a title's first word
(:func:`title_words`, read from the files' text without parsing the YAML).
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, NamedTuple


from newslint.config import ConfigError
from newslint.dates.lazy import LazyPattern
from newslint.dates.prefilter import SPACE, Prefilter, relax_literal, relax_valid
from newslint.resources import load_rules_file, load_yaml_file, rules_dir


_ONE_DAY = _dt.timedelta(days=1)


class KnowledgeError(ConfigError):
    """A knowledge-base file is malformed; the message names the file and the entry."""


# -- officeholders --------------------------------------------------------------------
class Term(NamedTuple):
    person: str
    start: _dt.date
    end: _dt.date | None  # None: in office now

    def overlaps(self, first: _dt.date, last: _dt.date) -> bool:
        return self.start <= last and first <= (self.end or _dt.date.max)

    def describe(self) -> str:
        from newslint.dates.expressions import format_date

        if self.end is None:
            return f"since {format_date(self.start)}"
        return f"{format_date(self.start)} to {format_date(self.end)}"


@dataclass
class Office:
    id: str
    label: str
    titles: frozenset[str]
    keeps_title: bool = False
    terms: list[Term] = field(default_factory=list)

    def holders(self, first: _dt.date, last: _dt.date) -> list[str] | None:
        """Who held the office at some time in ``first``..``last``, in order; None when the
        knowledge base does not cover that whole stretch (before its first record, or a gap)."""
        if not self.terms or first < self.terms[0].start:
            return None
        names: list[str] = []
        covered = first
        for term in self.terms:  # sorted by start
            if not term.overlaps(first, last):
                continue
            if term.start > covered + _ONE_DAY:
                return None  # a gap the base knows nothing about
            if term.person not in names:
                names.append(term.person)
            covered = max(covered, term.end or _dt.date.max)
        return names if names and covered >= last else None


class OfficeMention(NamedTuple):
    """A title followed by a known name: "Prime Minister Boris Johnson". A named tuple: a document
    names thousands, and a frozen dataclass costs several times as much to build."""

    start: int  # where the title starts
    end: int  # where the name ends
    title: str
    name: str
    name_start: int
    people: frozenset[str]


def normalize_title(title: str) -> str:
    """"Secretary-General", "secretary general" and "Secretary\nGeneral" are one title."""
    return " ".join(title.lower().replace("-", " ").split())


class Officeholders:
    """Who held which office when, and the pattern that finds "Title Name" in copy."""

    def __init__(self, offices: list[Office], aliases: dict[str, set[str]]) -> None:
        self.offices = offices
        self.aliases = aliases  # written name -> canonical people it may be
        self._by_person: dict[str, list[Office]] = {}
        for office in offices:
            for term in office.terms:
                self._by_person.setdefault(term.person, [])
                if office not in self._by_person[term.person]:
                    self._by_person[term.person].append(office)
        # Each written name's people, and each (people, title)'s offices, made once: a document
        # names the same officeholder many times.
        self._people = {name: frozenset(people) for name, people in aliases.items()}
        self._offices_of: dict[tuple[frozenset[str], str], tuple[Office, ...]] = {}
        titles = {normalize_title(t) for office in offices for t in office.titles}
        self._titles = {office.id: {normalize_title(t) for t in office.titles} for office in offices}
        title_alt = "|".join(
            r"[\s-]+".join(map(re.escape, title.split())) for title in sorted(titles, key=len, reverse=True)
        )
        name_alt = "|".join(re.escape(n) for n in sorted(aliases, key=len, reverse=True))
        self.pattern = re.compile(
            rf"\b(?P<title>(?i:{title_alt}))(?:,\s+|\s+)(?P<name>{name_alt})(?![\w-])"
        )
        # The same for RE2 over the ASCII view (newslint.dates.prefilter): where a match can start.
        # Written out here, as relax(self.pattern.pattern) would give it, at a fraction of the cost.
        title_relaxed = "|".join(
            f"(?:-|{SPACE})+".join(map(relax_literal, title.split())) for title in sorted(titles, key=len, reverse=True)
        )
        name_relaxed = "|".join(relax_literal(n) for n in sorted(aliases, key=len, reverse=True))
        self._prefilter = Prefilter([f"(?i:{title_relaxed})(?:,{SPACE}+|{SPACE}+)(?:{name_relaxed})"])

    def find(self, text: str, view: bytes | None = None) -> Iterable[OfficeMention]:
        """Every "Title Name" in ``text`` (``view``: its ASCII view, when the caller has it)."""
        for match in self._prefilter.finditer(self.pattern, text, view):
            yield OfficeMention(
                match.start(), match.end(), match.group("title"), match.group("name"), match.start("name"),
                self._people[match.group("name")],
            )

    def offices_for(self, person: str, title: str) -> list[Office]:
        key = normalize_title(title)
        return [o for o in self._by_person.get(person, []) if key in self._titles[o.id]]

    def offices_of(self, mention: OfficeMention) -> tuple[Office, ...]:
        """The offices the mention's title names that any of its people held, each once."""
        key = (mention.people, mention.title)
        found = self._offices_of.get(key)
        if found is None:
            offices = {o.id: o for p in mention.people for o in self.offices_for(p, mention.title)}
            found = self._offices_of[key] = tuple(offices.values())
        return found


def _date(value: Any, where: str) -> _dt.date | None:
    if value is None or isinstance(value, _dt.date):
        return value
    try:
        return _dt.date.fromisoformat(str(value))
    except ValueError:
        raise KnowledgeError(f"{where}: expected a date YYYY-MM-DD, got {value!r}") from None


def build_officeholders(documents: list[tuple[str, Any]]) -> Officeholders:
    """Merge officeholder files (``(label, parsed YAML)`` pairs, built-in first) into one base."""
    offices: dict[str, Office] = {}
    aliases: dict[str, set[str]] = {}
    for label, data in documents:
        if not isinstance(data, dict):
            raise KnowledgeError(f"{label}: expected a mapping with 'offices' and 'people'")
        for person, names in (data.get("people") or {}).items():
            for name in [person, *(names or [])]:
                aliases.setdefault(str(name), set()).add(str(person))
        for index, entry in enumerate(data.get("offices") or []):
            where = f"{label}: offices[{index}]"
            try:
                office_id = str(entry["id"])
                office = offices.get(office_id) or Office(
                    office_id, str(entry["label"]), frozenset(map(str, entry["titles"])), bool(entry.get("keeps_title"))
                )
                for holder in entry.get("holders") or []:
                    start = _date(holder["from"], where)
                    name = str(holder["name"])
                    office.terms.append(Term(name, start, _date(holder.get("to"), where)))
                    aliases.setdefault(name, set()).add(name)
            except (KeyError, TypeError) as exc:
                raise KnowledgeError(f"{where}: missing or malformed field {exc}") from None
            offices[office_id] = office
    for office in offices.values():
        office.terms.sort(key=lambda t: t.start)
    return Officeholders(list(offices.values()), aliases)


# -- events -------------------------------------------------------------------------------
class Event(NamedTuple):
    """A dated event. ``cue`` and ``requires`` compile on first use (most documents name no event);
    ``relaxed`` is the cue's relaxation for RE2 (``newslint.dates.prefilter``), None if it has none."""

    id: str
    name: str
    first: _dt.date
    last: _dt.date
    cue: LazyPattern
    requires: LazyPattern | None = None
    relaxed: str | None = None

    def describe(self) -> str:
        from newslint.dates.expressions import describe_range

        return describe_range(self.first, self.last)


class EventCues:
    """Which events a text may name: one RE2 pass over the relaxations of their cues
    (``newslint.dates.prefilter.relax``); an event whose cue cannot be relaxed is always one."""

    def __init__(self, events: list[Event]) -> None:
        self.events = events
        self._always: list[int] = list(range(len(events)))
        self._by_entry: list[int] = []
        self._relaxed: dict[str, str] = {}  # by event id
        self._prefilters: dict[str, Prefilter] = {}  # made on first use
        self._set = None
        try:
            import re2
        except ImportError:  # pragma: no cover - without RE2 every event is a candidate
            return
        options = re2.Options()
        options.never_capture = True
        self._set = re2.Set.SearchSet(options)
        self._always = []
        for index, event in enumerate(events):
            relaxed = event.relaxed
            added = False
            if relaxed is not None:
                try:
                    self._set.Add(relaxed)
                    added = True
                    self._relaxed[event.id] = relaxed
                except re2.error:  # pragma: no cover - a relaxation RE2 does not take
                    pass
            (self._by_entry if added else self._always).append(index)
        if self._by_entry:
            self._set.Compile()
        else:
            self._set = None

    def possible(self, view: bytes) -> list[Event]:
        """The events whose cue may match in the text with this ASCII view, in file order."""
        found = set(self._always)
        if self._set is not None:
            found.update(self._by_entry[i] for i in self._set.Match(view) or ())
        return [self.events[i] for i in sorted(found)]

    def starts(self, event: Event, view: bytes) -> list[int] | None:
        """Where a match of the event's cue may start in the text with this ASCII view, in order;
        None when that is not known (a match may start anywhere)."""
        relaxed = self._relaxed.get(event.id)
        if relaxed is None:
            return None
        prefilter = self._prefilters.get(event.id)
        if prefilter is None:
            prefilter = self._prefilters[event.id] = Prefilter([relaxed])
        return prefilter.starts(view) if prefilter.available else None


def build_events(documents: list[tuple[str, Any]]) -> list[Event]:
    events: dict[str, Event] = {}
    for label, data in documents:
        if not isinstance(data, dict):
            raise KnowledgeError(f"{label}: expected a mapping with 'events'")
        for index, entry in enumerate(data.get("events") or []):
            where = f"{label}: events[{index}]"
            try:
                first = _date(entry.get("date") or entry["from"], where)
                last = _date(entry.get("date") or entry["to"], where)
                requires = entry.get("requires")
                relaxed = relax_valid(entry["cue"])  # a bad pattern's error now, not at first use
                if requires:
                    relax_valid(requires)
                events[str(entry["id"])] = Event(
                    str(entry["id"]), str(entry["name"]), first, last, LazyPattern(entry["cue"]),
                    LazyPattern(requires) if requires else None, relaxed,
                )
            except (KeyError, TypeError) as exc:
                raise KnowledgeError(f"{where}: missing or malformed field {exc}") from None
            except re.error as exc:
                raise KnowledgeError(f"{where}: bad regular expression: {exc}") from None
    return list(events.values())


# -- loading ----------------------------------------------------------------------------
def _documents(builtin: str, extra: Iterable[str], root: Path) -> list[tuple[str, Any]]:
    documents = [(f"rules/{builtin}", load_rules_file(builtin))]
    for name in extra:
        path = Path(name) if Path(name).is_absolute() else root / name
        documents.append((str(path), load_yaml_file(path, KnowledgeError, "the knowledge file")))
    return documents


def load_officeholders(extra: Iterable[str] = (), root: Path | None = None) -> Officeholders:
    return build_officeholders(_documents("officeholders.yaml", extra, root or Path.cwd()))


# A titles entry as rules/officeholders.yaml writes it: a one-line list of plain lowercase titles.
_TITLES_ENTRY = re.compile(r"^[ \t]*(?:-[ \t]+)?titles:[ \t]*\[([a-z ,-]*)\][ \t]*$", re.MULTILINE)
_COMMENT_LINE = re.compile(r"^[ \t]*#.*$", re.MULTILINE)
# Plain words YAML reads as something other than a string (true, null...).
_NOT_STRINGS = frozenset("y n yes no true false on off null".split())


def title_words(extra: Iterable[str] = (), root: Path | None = None) -> frozenset[str] | None:
    """The first word of every title in the officeholder files, read from their text without
    parsing the YAML: a document holding none of them (in any case) names no officeholder.

    None when that cannot be read so simply: a file that cannot be read, or one that writes a
    ``titles`` entry other than as ``titles: [a title, another]`` on one line with plain words.
    """
    root = root or Path.cwd()
    words: set[str] = set()
    paths = [rules_dir() / "officeholders.yaml"]
    paths += [Path(name) if Path(name).is_absolute() else root / name for name in extra]
    for path in paths:
        try:
            text = _COMMENT_LINE.sub("", path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            return None
        entries = _TITLES_ENTRY.findall(text)
        if len(entries) != text.count("titles"):  # titles written some other way
            return None
        for entry in entries:
            for title in entry.split(","):
                parts = normalize_title(title).split()
                if not parts or title.strip() in _NOT_STRINGS:
                    return None
                words.add(parts[0])
    return frozenset(words)


def load_events(extra: Iterable[str] = (), root: Path | None = None) -> list[Event]:
    return build_events(_documents("events.yaml", extra, root or Path.cwd()))
