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
from urllib.parse import urlsplit

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

# What each file setting must be, checked before any value is used: TOML has types, and a
# `paths = 5` must be one line naming the file and the key, not a traceback.
_STRINGS = {"format", "output", "fail_on", "crossref_url", "mailto", "lock", "cache_dir", "bib"}
_BOOLEANS = {"offline", "refresh", "strict", "bib_check", "fix", "progress", "color"}
_STRING_LISTS = {"paths", "select", "ignore"}


def _type_problem(name: str, value: Any) -> str | None:
    """What is wrong with the type of a file setting's value, or None."""
    if name in _STRINGS and not isinstance(value, str):
        return "must be a string"
    if name in _BOOLEANS and not isinstance(value, bool):
        return "must be true or false"
    if name in _STRING_LISTS and not _is_string_list(value):
        return "must be a list of strings"
    if name == "timeout" and (isinstance(value, bool) or not isinstance(value, (int, float))):
        return "must be a number of seconds"
    if name == "per_file_ignores" and not (
            isinstance(value, dict) and all(_is_string_list(codes) for codes in value.values())):
        return "must be a table of \"path\" = [\"code\", ...]"
    return None


def _is_string_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


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
    tool = data.get("tool", {})
    table = tool.get("verify-refs", None if path.name == "pyproject.toml" else data) \
        if isinstance(tool, dict) else None
    if table is not None and not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.verify-refs] must be a table")
    return table


def load_file(path: Path) -> dict[str, Any]:
    """Settings from one config file, keys normalised, paths made relative to the cwd."""
    table = _table(path) or {}
    settings: dict[str, Any] = {}
    for key, value in table.items():
        if key not in _FILE_KEYS:
            raise ConfigError(f"{path}: unknown setting {key!r} in [tool.verify-refs]")
        name = _KEYS[key]
        problem = _type_problem(name, value)
        if problem:
            raise ConfigError(f"{path}: {key!r} {problem}")
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
        if not values["timeout"] > 0:
            raise ConfigError(f"{where}: timeout must be a positive number of seconds, "
                              f"not {values['timeout']:g}")
    if "crossref_url" in values and not _is_http_url(values["crossref_url"]):
        raise ConfigError(f"{where}: crossref-url must be an http:// or https:// URL with a "
                          f"host, not {values['crossref_url']!r}")
    if "paths" in values:
        values["paths"] = tuple(values["paths"])
    if "per_file_ignores" in values:
        table = values["per_file_ignores"]
        if not isinstance(table, dict):
            raise ConfigError(f"{where}: per-file-ignores must be a table of path = [codes]")
        values["per_file_ignores"] = tuple(
            (pattern, _codes(codes, f"{where}: per-file-ignores")) for pattern, codes in sorted(table.items()))
    return replace(Config(), **values)


def _is_http_url(value: Any) -> bool:
    """``http(s)://host...``: anything else fails on every request, so it is a usage error."""
    if not isinstance(value, str):
        return False
    try:
        parts = urlsplit(value.strip())
    except ValueError:  # "http://[::1": an unclosed IPv6 address
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname) and " " not in value.strip()


def resolve(flags: dict[str, Any], environ: dict[str, str] | None = None) -> Config:
    """Merge file, environment and flags (flags win) into one Config.

    Each source is validated on its own first, so that an error names where the bad value
    came from (the file, the environment or the command line)."""
    environ = dict(os.environ) if environ is None else environ
    explicit = flags.get("config_file")
    path = Path(explicit) if explicit else find_config_file()
    from_file: dict[str, Any] = {}
    if path is not None:
        if path.is_dir():
            raise ConfigError(f"{path}: is a directory, not a config file")
        if not path.is_file():
            raise ConfigError(f"{path}: no such config file")
        from_file = load_file(path)
        from_file["config_file"] = str(path)
    from_env = from_environment(environ)
    from_flags = {k: v for k, v in flags.items() if v is not None}
    for settings, where in ((from_file, str(path)), (from_env, "environment (VERIFY_REFS_*)"),
                            (from_flags, "command line")):
        build(settings, where)
    config = build({**from_file, **from_env, **from_flags}, where=str(path) if path else "command line")
    if config.bib_check and not config.bib:
        raise ConfigError("--bib-check needs --bib (or 'bib' in the config file): it checks "
                          "that the bibliography is up to date")
    return config


