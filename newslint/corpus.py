"""The corpus phase: findings that compare documents with each other.

After every document has been checked, the engine calls the
``newslint_check_corpus`` hook once. This module is the built-in
implementation of that hook: it hands each check with a corpus phase what its
``collect`` kept of every document.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterable

from newslint.findings import internal_error
from newslint.hookspecs import hookimpl

if TYPE_CHECKING:  # pragma: no cover
    from newslint.checks.base import Check, CheckContext
    from newslint.findings import Finding


@dataclass
class Corpus:
    """What the corpus hook sees: the checks and, per check id, the state its ``absorb`` built
    from every document's collected data (by default the list of ``CorpusEntry``)."""

    checks: dict[str, "Check"]
    contexts: dict[str, "CheckContext"]
    collected: dict[str, Any] = field(default_factory=dict)

    def entries(self, check_id: str) -> Any:
        return self.collected.get(check_id, [])


@hookimpl
def newslint_check_corpus(corpus: Corpus) -> Iterable["Finding"]:
    findings: list[Finding] = []
    for check_id, state in corpus.collected.items():
        check = corpus.checks[check_id]
        if check.has_corpus_phase:
            try:
                findings.extend(check.check_corpus(state, corpus.contexts[check_id]))
            except Exception as exc:  # one broken check must not stop the run
                findings.append(internal_error(check_id, "", exc))
    return findings
