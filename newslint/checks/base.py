"""The checks API: what a check declares about itself and how it reports.

A check is an object with an id, a category, a default severity, a one-line
summary, documentation and typed options. The engine calls ``check(doc, ctx)``
once per document; the check yields :class:`~newslint.findings.Finding` objects.

Checks that compare documents with each other (name consistency across an
archive) also implement ``collect`` (called per document, returns small,
picklable data) and ``check_corpus`` (called once after every document).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Mapping, NamedTuple

from newslint.findings import Finding, Severity

if TYPE_CHECKING:  # pragma: no cover - imports for type checkers only
    from newslint.config import Config
    from newslint.document import Document


class OptionError(ValueError):
    """An option value in the configuration is not acceptable."""


class Option(NamedTuple):
    """A documented, validated setting of a check (``rules: {id: {name: value}}`` in config)."""

    name: str
    default: Any
    help: str
    type: type | tuple[type, ...] | None = None
    choices: tuple[Any, ...] | None = None
    validate: Callable[[Any], None] | None = None

    def coerce(self, value: Any) -> Any:
        """Return ``value`` checked against type, choices and the validator."""
        expected = self.type if self.type is not None else type(self.default)
        if expected is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if isinstance(value, bool) and expected in (int, float):
            raise OptionError(f"expected a number, got {value!r}")
        if not isinstance(value, expected):
            names = (
                " or ".join(t.__name__ for t in expected) if isinstance(expected, tuple) else expected.__name__
            )
            raise OptionError(f"expected {names}, got {type(value).__name__} {value!r}")
        if self.choices is not None and value not in self.choices:
            raise OptionError(f"expected one of {', '.join(map(str, self.choices))}, got {value!r}")
        if self.validate is not None:
            self.validate(value)
        return value


class Docs(NamedTuple):
    """A check's documentation, printed by ``newslint explain`` and carried in SARIF help.

    ``example`` must make the check fire and ``better`` must leave it silent: the
    test suite runs both through the check (as plain text; ``date`` is the
    publication date used for the run, when the check needs one).
    """

    flags: str
    why: str
    example: str
    better: str
    date: str | None = None

    def as_markdown(self) -> str:
        return (
            f"## What it flags\n{self.flags}\n\n## Why it matters\n{self.why}\n\n"
            f"## Example\n> {self.example}\n\n## Better\n> {self.better}\n"
        )

    def as_text(self) -> str:
        return (
            f"What it flags\n  {self.flags}\n\nWhy it matters\n  {self.why}\n\n"
            f"Example (fires)\n  {self.example}\n\nBetter\n  {self.better}\n"
        )


@dataclass
class CheckContext:
    """What a check sees besides the document: its options and the run's configuration.

    ``memo`` caches expensive objects (compiled automata, loaded dictionaries) per
    process, keyed by whatever the check chooses (typically its options).
    """

    options: Mapping[str, Any]
    config: "Config"
    _memo: dict = field(default_factory=dict, repr=False)

    def memo(self, key: Any, factory: Callable[[], Any]) -> Any:
        try:
            return self._memo[key]
        except KeyError:
            value = self._memo[key] = factory()
            return value


@dataclass
class CorpusEntry:
    """What the corpus phase keeps of one document: its path and what ``collect`` returned.

    Corpus findings must carry ``path``, ``location`` and ``source_line`` themselves,
    so ``collect`` should keep the located spans it may report later
    (``doc.locate(start, end)`` and ``doc.line_text(line)``).
    """

    path: str
    data: Any


class Check:
    """Base class for checks. Subclasses set the class attributes and implement ``check``."""

    id: str = ""
    category: str = ""
    severity: Severity = Severity.WARNING
    summary: str = ""
    docs: Docs
    options: tuple[Option, ...] = ()
    enabled_by_default: bool = True
    #: Whether ``--fix`` may apply this check's replacements without review.
    fix_safe: bool = False

    def check(self, doc: "Document", ctx: CheckContext) -> Iterable[Finding]:
        raise NotImplementedError

    # Corpus phase (optional). ``collect`` returns small, picklable data about one document, or
    # None. As each document finishes, ``absorb`` folds that data into the check's corpus state
    # (by default a list of every entry); a check that can summarise as it goes keeps memory
    # growing with what it needs, not with the number of documents. ``check_corpus`` reports
    # from the state once every document is in.
    def collect(self, doc: "Document", ctx: CheckContext) -> Any:
        return None

    def corpus_state(self, ctx: CheckContext) -> Any:
        return []

    def absorb(self, state: Any, entry: CorpusEntry, ctx: CheckContext) -> None:
        state.append(entry)

    def check_corpus(self, state: Any, ctx: CheckContext) -> Iterable[Finding]:
        return ()

    # Optional, for ``--jobs``: ``merge`` folds ``part`` (the state ``absorb`` built from the
    # documents that come next, in a worker) into ``state``, as if they had been absorbed one by
    # one. A worker then sends one state per batch of documents rather than each document's data,
    # and the parent process merges rather than absorbs.
    def merge(self, state: Any, part: Any, ctx: CheckContext) -> None:
        raise NotImplementedError

    @property
    def has_corpus_phase(self) -> bool:
        return type(self).check_corpus is not Check.check_corpus

    @property
    def merges(self) -> bool:
        return type(self).merge is not Check.merge

    def finding(
        self,
        start: int,
        end: int,
        message: str,
        *,
        severity: Severity | None = None,
        replacement: str | None = None,
        fixable: bool | None = None,
        **properties: Any,
    ) -> Finding:
        """Build a finding of this check; ``fixable`` defaults to the check's ``fix_safe``."""
        return Finding(
            rule=self.id,
            severity=self.severity if severity is None else severity,
            message=message,
            start=start,
            end=end,
            replacement=replacement,
            fixable=(self.fix_safe and replacement is not None) if fixable is None else fixable,
            properties=properties,
        )

    def default_options(self) -> dict[str, Any]:
        return {opt.name: opt.default for opt in self.options}

    def __repr__(self) -> str:
        return f"<check {self.id}>"


def iter_sentences_with_text(doc: "Document") -> Iterator[tuple[int, int, str]]:
    """Yield ``(start, end, normalised text)`` for each sentence: the common loop of checks."""
    norm = doc.normalized
    for sentence in doc.sentences:
        yield sentence.start, sentence.end, norm[sentence.start : sentence.end]
