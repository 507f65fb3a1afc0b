"""``--fix`` for BibTeX inputs: correct an entry's fields from the registry record.

Only entries whose work is certain are touched: the reference was resolved through its DOI
or JSTOR id and the record still describes the cited work (a DOI copied from another paper
must not turn the entry into that paper), or resolved by search with at least the
resolver's own acceptance confidence. A weak, ambiguous or unresolved match changes nothing.

Edits are surgical: each corrected value is replaced where it stands in the file, so keys,
the order of entries and fields, comments, layout and even entries that do not parse are
kept exactly as the user wrote them, and no entry can be dropped. The old file is copied to
``<path>.bak`` and the new one replaces it atomically.

Corrected: year (and ``date``), title, journal, volume, number, pages; a missing DOI is
added. Author names are reported by the checks but not rewritten (name forms vary too much
for a safe automatic edit).
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from bibtexparser.model import Entry

from ..extract.source import decode
from ..models import Outcome, Reference, RegistryWork, Resolution
from ..resolve import matching
from .bibfile import atomic_write, parse_raw, unwrap
from .entries import format_pages
from .escape import braced, escape_text, escape_verbatim, latex_to_plain, protect_case

__all__ = ["FixResult", "fix_bibtex_file", "is_strong", "STRONG_MATCH"]

STRONG_MATCH = matching.ACCEPT  # least search confidence for which fields are rewritten


@dataclass(frozen=True, slots=True)
class FixResult:
    changes: list[str] = field(default_factory=list)  # "coox1968affaire: year 1969 -> 1968"
    skipped: list[str] = field(default_factory=list)  # entries left alone, and why
    backup: str | None = None  # the .bak written, when the file changed


def is_strong(reference: Reference, resolution: Resolution | None) -> bool:
    """True when ``resolution`` is certain enough to rewrite the reference's fields."""
    if resolution is None or resolution.outcome is not Outcome.RESOLVED or resolution.work is None:
        return False
    if resolution.via in ("doi", "jstor"):
        # the resolver sets a reason when the identifier's work does not match the reference
        return not resolution.reason and matching.describes_same_work(reference, resolution.work)
    return resolution.confidence is not None and resolution.confidence >= STRONG_MATCH


# --- locating values in the file ------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Value:
    name: str  # as written
    start: int  # offset of the value's first character in the file
    end: int  # offset after its last character


_NAME = re.compile(r"[^\s=,{}()\"#]+")
_HEADER = re.compile(r"@\s*\w+\s*[{(]\s*[^,\s{}()]*\s*,")


def _skip_value(text: str, index: int) -> int:
    """The offset after the value starting at ``index``: ``{..}``, ``".."``, words, ``#``."""
    while True:
        if index < len(text) and text[index] == "{":
            depth = 0
            while index < len(text):
                depth += {"{": 1, "}": -1}.get(text[index], 0)
                index += 1
                if depth == 0:
                    break
        elif index < len(text) and text[index] == '"':
            index += 1
            depth = 0
            while index < len(text) and not (text[index] == '"' and depth == 0):
                depth += {"{": 1, "}": -1}.get(text[index], 0)
                index += 1
            index += 1
        else:
            match = _NAME.match(text, index)
            index = match.end() if match else index
        after = index
        while after < len(text) and text[after].isspace():
            after += 1
        if after < len(text) and text[after] == "#":
            index = after + 1
            while index < len(text) and text[index].isspace():
                index += 1
            continue
        return index


def _values(text: str, start: int) -> tuple[list[_Value], int]:
    """The fields of the entry whose ``@`` is at ``start``, and the offset of its closing
    brace (where new fields go)."""
    header = _HEADER.match(text, start)
    if header is None:
        return [], start
    index = header.end()
    values = []
    while index < len(text):
        while index < len(text) and (text[index].isspace() or text[index] == ","):
            index += 1
        if index >= len(text) or text[index] in "})":
            break
        match = _NAME.match(text, index)
        if not match:
            break
        index = match.end()
        while index < len(text) and text[index].isspace():
            index += 1
        if index >= len(text) or text[index] != "=":
            break
        index += 1
        while index < len(text) and text[index].isspace():
            index += 1
        end = _skip_value(text, index)
        values.append(_Value(match.group(), index, end))
        index = end
    return values, index


# --- corrections ---------------------------------------------------------------------


@dataclass
class _Edits:
    key: str
    text: str
    values: list[_Value]
    close: int
    edits: list[tuple[int, int, str]] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)

    def find(self, name: str) -> _Value | None:
        return next((v for v in self.values if v.name.lower() == name), None)

    def raw(self, name: str) -> str | None:
        """The value as written, without its braces or quotes."""
        value = self.find(name)
        return unwrap(self.text[value.start:value.end]) if value else None

    def current(self, name: str) -> str | None:
        """The value as text (LaTeX decoded)."""
        raw = self.raw(name)
        return latex_to_plain(raw) if raw is not None else None

    def set(self, name: str, body: str, shown_old: str | None, shown_new: str) -> None:
        value = self.find(name)
        if value is not None:
            self.edits.append((value.start, value.end, braced(body)))
        else:
            last = self.values[-1] if self.values else None
            line_start = self.text.rfind("\n", 0, last.start) + 1 if last else self.close
            indent = re.match(r"[ \t]*", self.text[line_start:]).group() if last else "  "
            at = last.end if last else self.close
            self.edits.append((at, at, f",\n{indent}{name} = {braced(body)}" if last
                               else f"\n{indent}{name} = {braced(body)},\n"))
        old = f"{shown_old}" if shown_old is not None else "(none)"
        self.changes.append(f"{self.key}: {name} {old} -> {shown_new}")


def _quoted(text: str) -> str:
    return '"' + text + '"'


def _fix_year(edits: _Edits, work: RegistryWork) -> None:
    """``year`` and ``date`` each corrected when their year differs; ``year`` added when
    the entry has neither."""
    if work.year is None:
        return
    new_year = f"{work.year:04d}"
    new_date = f"{work.year:04d}-{work.month:02d}" if work.month else new_year
    found = False
    for name, new in (("year", new_year), ("date", new_date)):
        old = edits.raw(name)
        if old is None:
            continue
        found = True
        cited = re.search(r"\d{4}", old)
        if not cited or int(cited.group()) != work.year:
            edits.set(name, new, old, new)
    if not found:
        edits.set("year", new_year, None, new_year)


def _fix_title(edits: _Edits, work: RegistryWork) -> None:
    if not work.title:
        return
    cited = edits.current("title")
    subtitle = edits.current("subtitle")
    full = f"{work.title}: {work.subtitle}" if work.subtitle else work.title
    if cited is not None:
        cited_bare = re.sub(r"\[[^\]]*\]", " ", cited)
        candidates = (work.title, full) if subtitle is None else (work.title,)
        if any(matching.normalise_text(cited_bare) == matching.normalise_text(c) for c in candidates):
            return
    new = work.title if subtitle is not None or not (cited and ":" in cited) else full
    edits.set("title", protect_case(escape_text(new)), _quoted(cited) if cited else None, _quoted(new))


def _fix_container(edits: _Edits, reference: Reference, work: RegistryWork) -> None:
    if not work.container_titles or matching.same_container(reference, work) is not False:
        return
    new = work.container_titles[0]
    for name in ("journaltitle", "journal"):
        old = edits.current(name)
        if old is not None:
            edits.set(name, escape_text(new), _quoted(old), _quoted(new))


def _fix_numbers(edits: _Edits, work: RegistryWork) -> None:
    volume = edits.current("volume")
    if work.volume and volume and matching.same_volume(volume, work.volume) is False:
        edits.set("volume", escape_text(work.volume), volume, work.volume)
    number = edits.current("number") if edits.find("number") else edits.current("issue")
    name = "number" if edits.find("number") or not edits.find("issue") else "issue"
    if work.issue and number and matching.same_issue(number, work.issue) is False:
        edits.set(name, escape_text(work.issue), number, work.issue)
    pages = edits.raw("pages")
    registry = matching.page_bounds(work.page)
    if pages and registry and matching.page_bounds(pages.replace("--", "-")) != registry:
        new = format_pages(registry[0], registry[1])
        edits.set("pages", escape_text(new), pages, new)


def _fix_doi(edits: _Edits, work: RegistryWork) -> None:
    if work.doi and edits.find("doi") is None:
        edits.set("doi", escape_verbatim(work.doi), None, work.doi)


def _entry_offsets(text: str, entries: Sequence[Entry]) -> dict[int, tuple[Entry, int]]:
    """1-based line of each entry's ``@`` -> (entry, offset of the ``@``)."""
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    found = {}
    for entry in entries:
        line = (entry.start_line or 0) + 1
        if line - 1 >= len(line_starts):
            continue
        at = text.find("@", line_starts[line - 1])
        if at >= 0:
            found[line] = (entry, at)
    return found


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.abspath(a) == os.path.abspath(b)


def fix_bibtex_file(
    path: str,
    references: Sequence[Reference],
    resolutions: Mapping[str, Resolution],
) -> FixResult:
    """Correct the entries of the BibTeX file ``path`` from the registry, in place.

    ``references`` are those parsed from ``path`` (others are ignored); each is matched to
    its entry by line. Returns the changes made, one line each, and the entries skipped
    because their match was not strong enough.
    """
    with open(path, "rb") as handle:
        original = decode(handle.read(), path)
    library = parse_raw(original)
    at_line = _entry_offsets(original, library.entries)
    edits_all: list[tuple[int, int, str]] = []
    changes: list[str] = []
    skipped: list[str] = []
    for reference in sorted(references, key=lambda r: r.span):
        if not _same_file(reference.span.path, path) or reference.span.line not in at_line:
            continue
        entry, offset = at_line[reference.span.line]
        resolution = resolutions.get(reference.id)
        if resolution is None or resolution.outcome is not Outcome.RESOLVED:
            continue
        if not is_strong(reference, resolution):
            skipped.append(f"{entry.key}: not changed, the registry match is not certain enough")
            continue
        values, close = _values(original, offset)
        edits = _Edits(entry.key, original, values, close)
        work = resolution.work
        assert work is not None
        _fix_year(edits, work)
        _fix_title(edits, work)
        _fix_container(edits, reference, work)
        _fix_numbers(edits, work)
        _fix_doi(edits, work)
        edits_all.extend(edits.edits)
        changes.extend(edits.changes)
    if not edits_all:
        return FixResult(changes=[], skipped=skipped)
    text = original
    for start, end, replacement in sorted(edits_all, key=lambda e: (e[0], e[1]), reverse=True):
        text = text[:start] + replacement + text[end:]
    backup = path + ".bak"
    shutil.copy2(path, backup)
    atomic_write(path, text)
    return FixResult(changes=changes, skipped=skipped, backup=backup)
