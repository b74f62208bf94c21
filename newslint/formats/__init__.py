"""Output formats. Each module registers a :class:`Format` through the
``newslint_register_formats`` hook, so plugins can add their own."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:  # pragma: no cover
    from newslint.engine import RunResult


@dataclass(frozen=True)
class RenderContext:
    """What a format may need besides the results."""

    color: bool = False
    version: str = ""
    root: str = "."  # paths in SARIF are made relative to this folder
    invocation: list[str] | None = None


@dataclass(frozen=True)
class Format:
    name: str
    description: str
    render: Callable[["RunResult", RenderContext], str]
