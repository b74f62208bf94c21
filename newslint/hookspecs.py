"""The hooks through which newslint is extended.

Built-in checks and output formats are registered through these hooks exactly
like third-party plugins. A plugin is any object or module with functions
named like the hooks below and marked with :data:`hookimpl`; it is found
through the ``newslint`` entry-point group, a ``plugins:`` entry in the
configuration, or :meth:`PluginManager.register` in code.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

import pluggy

if TYPE_CHECKING:  # pragma: no cover
    from newslint.checks.base import Check
    from newslint.config import Config
    from newslint.corpus import Corpus
    from newslint.findings import Finding
    from newslint.formats import Format

PROJECT = "newslint"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def newslint_register_checks() -> "Iterable[Check]":
    """Return the checks this plugin provides (instances of :class:`newslint.checks.base.Check`).

    Check ids must be unique across all plugins; a clash is a configuration error.
    """


@hookspec
def newslint_register_formats() -> "Iterable[Format]":
    """Return the output formats this plugin provides (see :class:`newslint.formats.Format`)."""


@hookspec
def newslint_configure(config: "Config") -> None:
    """Called once with the loaded configuration, before any document is read.

    A plugin may read its own settings here (``config.raw``) or refuse to run by
    raising :class:`newslint.config.ConfigError`.
    """


@hookspec
def newslint_check_corpus(corpus: "Corpus") -> "Iterable[Finding]":
    """Called once after every document has been checked, for findings across documents.

    ``corpus.entries(check_id)`` gives the corpus state of each enabled check: what
    its ``absorb`` built from every document's ``collect`` data (by default the list
    of :class:`~newslint.checks.base.CorpusEntry`). Findings returned here must carry
    ``path``, ``location`` and ``source_line``, kept by ``collect`` when it ran.
    """
