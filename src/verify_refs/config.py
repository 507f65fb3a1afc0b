"""One ``Config`` shared by the command line and the configuration files.

Precedence, highest first: command-line flags, environment (``VERIFY_REFS_*``), the
config file (``--config``, else ``.verify-refs.toml``, else ``[tool.verify-refs]`` in
``pyproject.toml``, looked up from the current directory upwards), built-in defaults.
Paths in a config file are relative to the file's directory.
"""

from __future__ import annotations

import fnmatch
import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from .codes import CODES
from .models import Severity

CROSSREF_URL = "https://api.crossref.org"
FORMATS = ("text", "json", "sarif", "github")


class ConfigError(Exception):
    """A bad setting; the message is one line and names where the setting came from."""


@dataclass(frozen=True)
class Config:
    paths: tuple[str, ...] = ()
    format: str = "text"
    output: str | None = None  # write the report to this file instead of stdout
    fail_on: Severity = Severity.WARNING
    select: frozenset[str] = frozenset()  # empty: every code
    ignore: frozenset[str] = frozenset()
    crossref_url: str = CROSSREF_URL
    mailto: str | None = None
    offline: bool = False
    refresh: bool = False
    strict: bool = False  # with --offline: unchecked references fail the run
    lock: str | None = None  # lock file path; None: no lock file
    cache_dir: str | None = None
    timeout: float = 300.0  # bound on the whole run's network time; the rest is "unchecked"
    bib: str | None = None
    bib_check: bool = False  # exit 1 when the bibliography file changed
    fix: bool = False
    progress: bool = True
    color: bool | None = None  # None: decide from the terminal and NO_COLOR
    config_file: str | None = None
    # {"corpus/excerpt.txt": frozenset({"dangling-marker"})}: known, accepted findings
    per_file_ignores: tuple[tuple[str, frozenset[str]], ...] = ()

    def wants(self, code: str, path: str | None = None) -> bool:
        """Whether findings of ``code`` (in ``path``) are reported under select/ignore."""
        if self.select and not _covered(code, self.select):
            return False
        if _covered(code, self.ignore):
            return False
        if path is not None:
            for pattern, codes in self.per_file_ignores:
                if _path_matches(path, pattern) and _covered(code, codes):
                    return False
        return True


def _covered(code: str, codes: frozenset[str]) -> bool:
    return any(code == c or code.startswith(c) for c in codes)


def _path_matches(path: str, pattern: str) -> bool:
    """Glob match on the normalised path, from the end (``*.md``, ``corpus/x.txt``)."""
    candidate = os.path.normpath(path).replace(os.sep, "/")
    pattern = os.path.normpath(pattern).replace(os.sep, "/")
    return fnmatch.fnmatch(candidate, pattern) or fnmatch.fnmatch(candidate, f"*/{pattern}")


_KEYS = {f.name.replace("_", "-"): f.name for f in fields(Config)} | {
    f.name: f.name for f in fields(Config)
}
_FILE_KEYS = set(_KEYS) - {"config-file", "config_file"}
_PATH_KEYS = {"lock", "bib", "cache_dir", "output"}


def find_config_file(start: Path | None = None) -> Path | None:
    """The nearest ``.verify-refs.toml`` or ``pyproject.toml`` with our table."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        dotfile = folder / ".verify-refs.toml"
        if dotfile.is_file():
            return dotfile
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _table(pyproject) is not None:
            return pyproject
        if (folder / ".git").exists():
            break  # do not wander out of the repository
    return None


def _table(path: Path) -> dict[str, Any] | None:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read ({error})") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML ({error})") from None
    if path.name == "pyproject.toml":
        return data.get("tool", {}).get("verify-refs")
    return data.get("tool", {}).get("verify-refs", data)


def load_file(path: Path) -> dict[str, Any]:
    """Settings from one config file, keys normalised, paths made relative to the cwd."""
    table = _table(path) or {}
    settings: dict[str, Any] = {}
    for key, value in table.items():
        if key not in _FILE_KEYS:
            raise ConfigError(f"{path}: unknown setting {key!r} in [tool.verify-refs]")
        name = _KEYS[key]
        if name in _PATH_KEYS and isinstance(value, str):
            value = os.path.relpath(path.parent / value)
        elif name == "paths" and isinstance(value, list):
            value = [os.path.relpath(path.parent / item) for item in value]
        elif name == "per_file_ignores" and isinstance(value, dict):
            value = {os.path.relpath(path.parent / k): v for k, v in value.items()}
        settings[name] = value
    return settings


def from_environment(environ: dict[str, str]) -> dict[str, Any]:
    settings: dict[str, Any] = {}
    if environ.get("VERIFY_REFS_MAILTO"):
        settings["mailto"] = environ["VERIFY_REFS_MAILTO"]
    if environ.get("VERIFY_REFS_CROSSREF_URL"):
        settings["crossref_url"] = environ["VERIFY_REFS_CROSSREF_URL"]
    return settings


def _codes(value: Any, where: str) -> frozenset[str]:
    items = value.split(",") if isinstance(value, str) else list(value or [])
    codes = frozenset(item.strip() for item in items if str(item).strip())
    unknown = sorted(c for c in codes if not any(k == c or k.startswith(c) for k in CODES))
    if unknown:
        raise ConfigError(f"{where}: unknown finding code {', '.join(unknown)} "
                          "(see verify-refs --list-codes)")
    return codes


def build(settings: dict[str, Any], where: str = "configuration") -> Config:
    """Validate raw settings into a Config."""
    values = dict(settings)
    if "fail_on" in values and not isinstance(values["fail_on"], Severity):
        try:
            values["fail_on"] = Severity.parse(str(values["fail_on"]))
        except ValueError as error:
            raise ConfigError(f"{where}: fail-on: {error}") from None
    for key in ("select", "ignore"):
        if key in values:
            values[key] = _codes(values[key], f"{where}: {key}")
    if values.get("format", "text") not in FORMATS:
        raise ConfigError(f"{where}: format must be one of {', '.join(FORMATS)}")
    if "timeout" in values:
        try:
            values["timeout"] = float(values["timeout"])
        except (TypeError, ValueError):
            raise ConfigError(f"{where}: timeout must be a number of seconds") from None
    if "paths" in values:
        values["paths"] = tuple(values["paths"])
    if "per_file_ignores" in values:
        table = values["per_file_ignores"]
        if not isinstance(table, dict):
            raise ConfigError(f"{where}: per-file-ignores must be a table of path = [codes]")
        values["per_file_ignores"] = tuple(
            (pattern, _codes(codes, f"{where}: per-file-ignores")) for pattern, codes in sorted(table.items()))
    return replace(Config(), **values)


def resolve(flags: dict[str, Any], environ: dict[str, str] | None = None) -> Config:
    """Merge file, environment and flags (flags win) into one Config."""
    environ = dict(os.environ) if environ is None else environ
    explicit = flags.get("config_file")
    path = Path(explicit) if explicit else find_config_file()
    settings: dict[str, Any] = {}
    if path is not None:
        if not path.is_file():
            raise ConfigError(f"{path}: no such config file")
        settings.update(load_file(path))
        settings["config_file"] = str(path)
    settings.update(from_environment(environ))
    settings.update({k: v for k, v in flags.items() if v is not None})
    return build(settings, where=str(path) if path else "command line")


