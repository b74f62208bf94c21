"""Where newslint's own data lives: the ``rules/`` folder of YAML files.

In a wheel the folder is installed as ``newslint/rules``; in a source checkout
it is the top-level ``rules/`` beside the package. Files are read with
the safe loader only (:func:`safe_load`), once per process.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

_PACKAGE = Path(__file__).resolve().parent
#: libyaml's C implementation of the *safe* loader when PyYAML was built with it: the same
#: restricted constructors as ``yaml.safe_load`` (no arbitrary objects), about ten times faster.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(stream: Any) -> Any:
    """``yaml.safe_load``, using the C safe loader when available. The only way newslint reads YAML."""
    return yaml.load(stream, Loader=_SAFE_LOADER)  # noqa: S506 - a SafeLoader, never the full loader


@lru_cache(maxsize=1)
def rules_dir() -> Path:
    for candidate in (_PACKAGE / "rules", _PACKAGE.parent / "rules"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("newslint's rules/ folder is missing from this installation")


@lru_cache(maxsize=None)
def load_rules_file(name: str) -> Any:
    """Parse ``rules/<name>`` (a built-in data file) with :func:`safe_load`."""
    path = rules_dir() / name
    with path.open(encoding="utf-8") as handle:
        return safe_load(handle)
