"""The plugin manager: built-ins, entry points and local plugin files.

Built-in checks and formats are registered here exactly as third-party plugins
are: as modules (or objects) with ``@hookimpl`` functions. Third-party plugins
are found through the ``newslint`` entry-point group; a configuration can also
name plugin files, which are imported by path.
"""
from __future__ import annotations

import importlib
import importlib.util
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

import pluggy

from newslint import hookspecs
from newslint.config import ConfigError

if TYPE_CHECKING:  # pragma: no cover
    from newslint.checks.base import Check
    from newslint.formats import Format

ENTRY_POINT_GROUP = "newslint"

#: Modules that provide newslint's own checks and formats, registered like any plugin.
BUILTIN_PLUGINS = (
    "newslint.corpus",
    "newslint.checks.rulepacks",
    "newslint.checks.statistics",
    "newslint.checks.forecasts",
    "newslint.checks.names",
    "newslint.checks.dates",
    "newslint.checks.readability",
    "newslint.checks.proselint_bridge",
    "newslint.formats.text",
    "newslint.formats.json",
    "newslint.formats.sarif",
    "newslint.formats.github",
)


def build_plugin_manager(
    plugin_files: Iterable[Path] = (),
    *,
    entry_points: bool = True,
    extra: Iterable[object] = (),
) -> pluggy.PluginManager:
    pm = pluggy.PluginManager(hookspecs.PROJECT)
    pm.add_hookspecs(hookspecs)
    for name in BUILTIN_PLUGINS:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                continue  # a built-in family not written yet
            raise
        pm.register(module, name=name)
    if entry_points:
        try:
            load_entry_point_plugins(pm)
        except Exception as exc:  # a broken third-party plugin must not look like our crash
            raise ConfigError(f"cannot load a plugin from the {ENTRY_POINT_GROUP!r} entry points: {exc}") from None
    for path in plugin_files:
        module = load_plugin_file(path)
        if pm.get_plugin(module.__name__) is None:
            pm.register(module, name=module.__name__)
    for plugin in extra:
        pm.register(plugin)
    return pm


def load_entry_point_plugins(pm: pluggy.PluginManager) -> None:
    """Register the plugins installed under the ``newslint`` entry-point group.

    pluggy's own loader imports ``importlib.metadata`` and parses the entry points of every
    installed distribution, about 20-50 ms of each run's start-up when (as usual) none is a
    newslint plugin. Here a plain read of each ``entry_points.txt`` on ``sys.path`` finds the
    few that name the group first; only those are parsed. A ``sys.path`` entry that is not a
    folder (a zip archive) cannot be read this way, so then every distribution is parsed.
    """
    folders = [Path(entry or ".") for entry in sys.path]
    if any(folder.is_file() for folder in folders):
        pm.load_setuptools_entrypoints(ENTRY_POINT_GROUP)
        return
    for info in _distributions_naming_the_group(folders):
        import importlib.metadata

        dist = importlib.metadata.Distribution.at(info)
        for ep in dist.entry_points.select(group=ENTRY_POINT_GROUP):
            if pm.has_plugin(ep.name) or pm.is_blocked(ep.name):
                continue
            pm.register(ep.load(), name=ep.name)


def _distributions_naming_the_group(folders: list[Path]) -> Iterable[Path]:
    header = f"[{ENTRY_POINT_GROUP}]"
    for folder in folders:
        try:
            names = sorted(os.listdir(folder))
        except OSError:
            continue
        for name in names:
            if not name.endswith((".dist-info", ".egg-info")):
                continue
            try:
                text = (folder / name / "entry_points.txt").read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            if any(line.strip() == header for line in text.splitlines()):
                yield folder / name


def load_plugin_file(path: Path):
    """Import a local plugin file named in the configuration."""
    path = Path(path)
    if not path.is_file():
        raise ConfigError(f"plugin file not found: {path}")
    name = f"newslint_local_plugin_{abs(hash(str(path.resolve())))}"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ConfigError(f"cannot import plugin file {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except Exception as exc:
        del sys.modules[name]
        raise ConfigError(f"plugin file {path} failed to import: {type(exc).__name__}: {exc}") from None
    return module


def collect_checks(pm: pluggy.PluginManager) -> dict[str, "Check"]:
    checks: dict[str, Check] = {}
    for batch in pm.hook.newslint_register_checks():
        for check in batch or ():
            if not check.id:
                raise ConfigError(f"a plugin registered a check without an id: {check!r}")
            if check.id in checks:
                raise ConfigError(f"two plugins register the rule id {check.id!r}")
            checks[check.id] = check
    return dict(sorted(checks.items()))


def collect_formats(pm: pluggy.PluginManager) -> dict[str, "Format"]:
    formats: dict[str, Format] = {}
    for batch in pm.hook.newslint_register_formats():
        for fmt in batch or ():
            formats[fmt.name] = fmt
    return formats
