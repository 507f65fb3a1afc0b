"""Low-level helpers shared by the reader, the writer and the fixer: parsing a ``.bib``
with bibtexparser v2 while keeping every value exactly as written, splitting name lists,
and replacing a file atomically.

Values are parsed with an empty middleware stack, so a field's value is its raw text
(``{L'Affaire {Lyushkov}}``, ``"x"``, ``ss # { 2}``): the writer can put back what the user
wrote byte for byte, and only the reader decodes values to plain text.
"""

from __future__ import annotations

import logging
import re

import bibtexparser
from bibtexparser.library import Library
from bibtexparser.model import Entry

from ..atomic import write_text_atomic
from ..models import Person

__all__ = ["parse_raw", "unwrap", "field_value", "split_names", "atomic_write", "year_of"]


def parse_raw(text: str) -> Library:
    """Split ``text`` into blocks; field values stay raw (enclosing braces or quotes kept).

    bibtexparser logs each broken block; the callers report them as findings or errors
    instead, so its log is silenced while splitting.
    """
    splitter_log = logging.getLogger("bibtexparser.splitter")
    level = splitter_log.level
    splitter_log.setLevel(logging.CRITICAL)
    try:
        return bibtexparser.parse_string(text, parse_stack=[])
    finally:
        splitter_log.setLevel(level)


def failure_reason(error: Exception) -> str:
    """One line saying why a block failed to parse."""
    reason = getattr(error, "abort_reason", None) or getattr(error, "message", None) or str(error)
    reason = " ".join(str(reason).split()).rstrip(". ")
    return reason or type(error).__name__


def unwrap(raw: str) -> str:
    """The content of a raw value: ``{x}`` -> ``x``, ``"x"`` -> ``x``, ``1968`` -> ``1968``.

    A concatenation or macro (``ss # {x}``) is returned as written.
    """
    value = raw.strip()
    if len(value) >= 2 and value[0] == "{" and value[-1] == "}" and _encloses(value):
        return value[1:-1]
    if len(value) >= 2 and value[0] == '"' and value[-1] == '"' and '"' not in _unbraced(value[1:-1]):
        return value[1:-1]
    return value


def _encloses(value: str) -> bool:
    """True when the first brace of ``value`` is closed by its last one."""
    depth = 0
    for index, char in enumerate(value):
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0 and index != len(value) - 1:
                return False
    return depth == 0


def _unbraced(text: str) -> str:
    """``text`` without the parts inside braces (where a quote does not end a value)."""
    out, depth = [], 0
    for char in text:
        if char == "{":
            depth += 1
        elif char == "}":
            depth = max(0, depth - 1)
        elif depth == 0:
            out.append(char)
    return "".join(out)


def field_value(entry: Entry, name: str) -> str | None:
    """The unwrapped value of field ``name`` (case-insensitive), or None."""
    for field in entry.fields:
        if field.key.lower() == name:
            return unwrap(str(field.value))
    return None


def split_top_level(text: str, separator: re.Pattern[str]) -> list[str]:
    """Split ``text`` at ``separator`` matches that are outside braces."""
    parts, depth, start = [], 0, 0
    index = 0
    while index < len(text):
        char = text[index]
        if char == "{":
            depth += 1
        elif char == "}":
            depth = max(0, depth - 1)
        elif depth == 0:
            match = separator.match(text, index)
            if match and match.end() > index:
                parts.append(text[start:index])
                start = index = match.end()
                continue
        index += 1
    parts.append(text[start:])
    return parts


_AND = re.compile(r"\s+and\s+", re.IGNORECASE)
_COMMA = re.compile(r",")


def split_names(value: str, decode=lambda s: s) -> tuple[Person, ...]:
    """``Coox, Alvin D. and {Memorial Society}`` -> two ``Person``s.

    BibTeX's name forms: ``Family, Given``, ``von Family, Jr, Given`` and ``Given Family``;
    a braced name is one family name (an organisation). ``decode`` turns the LaTeX of each
    part into text.
    """
    people = []
    for name in split_top_level(value.strip(), _AND):
        name = name.strip()
        if not name or name.lower() == "others":
            continue
        parts = [p.strip() for p in split_top_level(name, _COMMA)]
        if len(parts) >= 2:
            family, given = parts[0], parts[-1]
        else:
            words = split_top_level(name, re.compile(r"\s+"))
            words = [w for w in words if w]
            if len(words) == 1:
                family, given = words[0], ""
            else:
                # "Ludwig van Beethoven": lower-case words before the last start the family name
                cut = len(words) - 1
                while cut > 1 and words[cut - 1][:1].islower():
                    cut -= 1
                family, given = " ".join(words[cut:]), " ".join(words[:cut])
        people.append(Person(decode(family), decode(given)))
    return tuple(p for p in people if p.family)


def year_of(entry: Entry) -> int | None:
    """The year of an entry: ``year``, else the start of ``date``."""
    for name in ("year", "date"):
        value = field_value(entry, name)
        match = re.search(r"\d{4}", value or "")
        if match:
            return int(match.group())
    return None


def atomic_write(path: str, text: str) -> None:
    """Replace ``path`` with ``text`` (UTF-8, ``\\n`` line ends) all at once (see ``atomic``):
    a reader never sees a half-written bibliography, and a crash leaves the old file intact."""
    write_text_atomic(path, text)
