"""Where newslint's own data lives, and the one way newslint reads YAML.

The built-in data is the YAML in the ``rules/`` folder: in a wheel it is installed as
``newslint/rules``; in a source checkout it is the top-level ``rules/`` beside the package.
Each YAML file has a compiled twin, ``rules/compiled/<name>.json``, holding the same data
and the length and CRC-32 of the YAML it was made from (enough to tell an edited file from
the original; a cryptographic hash would load OpenSSL, ~3 ms of every start-up). Reading JSON is a few times faster than
building the objects of a YAML document, and it spares PyYAML's import (~10 ms) on every
run that reads no YAML of the newsroom's own: about a fifth of newslint's start-up. The
YAML stays the source of truth: a twin whose hash does not match the YAML beside it is
ignored and the YAML parsed instead, so an edited file is never read stale. Refresh the
twins after editing with ``python -m newslint.resources`` (a test fails while they are stale);
it also refreshes the shipped relaxations (``newslint.dates.relaxations``), which depend on
``rules/events.yaml`` and the built-in packs, and the proselint bridge's pattern table.
"""
from __future__ import annotations

import datetime as _dt
import zlib
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

_PACKAGE = Path(__file__).resolve().parent
COMPILED_FOLDER = "compiled"
# JSON has no dates; YAML's (officeholders' terms, events) travel as {"$date": "YYYY-MM-DD"}.
_DATE_KEY = "$date"


class YamlSyntaxError(ValueError):
    """A document PyYAML could not parse. ``problem`` is its one-line reason, ``line`` 1-based (or None).

    Callers catch this rather than ``yaml.YAMLError`` so that PyYAML is imported only when
    some YAML is actually read.
    """

    def __init__(self, message: str, problem: str, line: int | None) -> None:
        super().__init__(message)
        self.problem = problem
        self.line = line


def safe_load(text: str) -> Any:
    """``yaml.safe_load`` of ``text``, with libyaml's C safe loader when PyYAML has it.

    The C loader has the same restricted constructors as ``yaml.safe_load`` (no arbitrary
    objects) and parses about ten times faster. The only way newslint reads YAML.
    """
    import yaml  # here, not at the top: most runs read no YAML at all (see the module docstring)

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.load(text, Loader=loader)  # noqa: S506 - a SafeLoader, never the full loader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise YamlSyntaxError(str(exc), problem, mark.line + 1 if mark is not None else None) from None


def load_yaml_file(path: Path | str, error: type[Exception], kind: str) -> Any:
    """A newsroom's YAML file (a configuration, a rule pack, a names or knowledge file), read with
    :func:`safe_load`. Every way it can fail becomes ``error`` with one line naming the file:
    it cannot be read, it is not UTF-8, or the YAML is malformed (with the line)."""
    try:
        return safe_load(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise error(f"{path}: cannot read {kind}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise error(f"{path}: {kind} is not UTF-8") from None
    except YamlSyntaxError as exc:
        where = f":{exc.line}" if exc.line is not None else ""
        raise error(f"{path}{where}: malformed YAML: {exc.problem}") from None


@lru_cache(maxsize=1)
def rules_dir() -> Path:
    for candidate in (_PACKAGE / "rules", _PACKAGE.parent / "rules"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("newslint's rules/ folder is missing from this installation")


@lru_cache(maxsize=None)
def load_rules_file(name: str) -> Any:
    """The data of ``rules/<name>`` (a built-in YAML file): from its compiled twin when that is current."""
    source = (rules_dir() / name).read_bytes()
    twin = _read_twin(name)
    if twin is not None and twin.get("source") == source_fingerprint(source):
        return twin["data"]
    return safe_load(source.decode("utf-8"))


def compiled_text(yaml_source: bytes) -> str:
    """The compiled twin of a YAML file: its data as JSON, with the hash of the YAML it came from."""
    data = safe_load(yaml_source.decode("utf-8"))
    twin = {"source": source_fingerprint(yaml_source), "data": _date_tagged(data)}
    return json.dumps(twin, ensure_ascii=False, separators=(",", ":")) + "\n"


def twin_path(name: str) -> Path:
    return rules_dir() / COMPILED_FOLDER / (Path(name).stem + ".json")


def _read_twin(name: str) -> dict | None:
    try:
        twin = json.loads(twin_path(name).read_text(encoding="utf-8"), object_hook=_undate)
    except (OSError, ValueError):
        return None
    return twin if isinstance(twin, dict) else None


def source_fingerprint(source: bytes) -> str:
    """Which source something shipped precomputed was made from (a rules file for its twin,
    prefilter.py for the date relaxations): its length and CRC-32, enough to tell an edited
    file, without loading OpenSSL as a cryptographic hash would."""
    return f"{len(source)}:{zlib.crc32(source):08x}"


def _date_tagged(value: Any) -> Any:
    """``value`` with its dates tagged for JSON; refuses what JSON would silently change."""
    if isinstance(value, dict):
        odd = next((key for key in value if not isinstance(key, str)), None)
        if odd is not None:
            raise TypeError(f"rules data has a key that is not a string: {odd!r}")
        return {key: _date_tagged(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_date_tagged(item) for item in value]
    if isinstance(value, _dt.datetime):
        raise TypeError(f"rules data holds a timestamp ({value}); only dates can be compiled")
    if isinstance(value, _dt.date):
        return {_DATE_KEY: value.isoformat()}
    return value


def _undate(mapping: dict) -> Any:
    """json's object hook: turn the tagged dates back into dates."""
    if len(mapping) == 1 and _DATE_KEY in mapping:
        return _dt.date.fromisoformat(mapping[_DATE_KEY])
    return mapping


def write_compiled_twins() -> list[Path]:
    """Rewrite ``rules/compiled/`` from the YAML files (a maintainer's step after editing them)."""
    folder = rules_dir() / COMPILED_FOLDER
    folder.mkdir(exist_ok=True)
    written = []
    for path in sorted(rules_dir().glob("*.yaml")):
        target = twin_path(path.name)
        text = compiled_text(path.read_bytes())
        if not target.is_file() or target.read_text(encoding="utf-8") != text:
            write_shipped(target, text)
            written.append(target)
    return written


def write_shipped(target: Path, text: str) -> Path:
    """Write a file shipped precomputed, whole or not at all (a maintainer's step)."""
    temporary = target.with_suffix(target.suffix + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(target)
    return target


if __name__ == "__main__":
    from newslint.checks.proselint_bridge import write_shipped_patterns
    from newslint.dates import relaxations  # also derived from rules/ (the event cues, the packs)

    for refreshed in write_compiled_twins():
        print(f"wrote {refreshed}")
    relaxations.main()
    print(f"wrote {write_shipped_patterns()}")
