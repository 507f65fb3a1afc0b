"""``--fix`` for BibTeX inputs: correct an entry's fields from the registry record.

Only entries whose work is certain are touched: the reference was resolved through its DOI
or JSTOR id and the record still describes the cited work (a DOI copied from another paper
must not turn the entry into that paper), or resolved by search with at least the
resolver's own acceptance confidence. A weak, ambiguous or unresolved match changes nothing.

Edits are surgical: each corrected value is replaced where it stands in the file, so keys,
the order of entries and fields, comments, layout and even entries that do not parse are
kept exactly as the user wrote them, and no entry can be dropped; an added field is laid
out like the entry's own (``fields.layout_of``). The new file replaces the old one
atomically; the old one is kept as ``<path>.bak``, on purpose: it is the only way back for
a file outside version control, should a registry record be wrong.

Corrected: year (and ``date``), title, journal, volume, number, pages, an ISBN or ISSN with
a wrong check digit (the registry's nearest value instead); a missing DOI is added. Author
names are reported by the checks but not rewritten (name forms vary too much for a safe
automatic edit). Each correction says which finding it settles (``Fixed``), so that the
report after the fix leaves it out.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from bibtexparser.model import Entry
from rapidfuzz.distance import Levenshtein

from ..extract.source import decode
from ..identifiers.isbn import as_isbn13
from ..identifiers.issn import problem as issn_problem
from ..models import Finding, IdScheme, Outcome, Reference, RegistryWork, Resolution, Span
from ..resolve import matching
from .bibfile import atomic_write, parse_raw, unwrap
from .entries import format_pages
from .escape import braced, escape_text, escape_verbatim, latex_to_plain, protect_case
from .fields import Field, entry_fields, layout_of

__all__ = ["Fixed", "FixResult", "fix_bibtex_file", "is_strong", "STRONG_MATCH"]

STRONG_MATCH = matching.ACCEPT  # least search confidence for which fields are rewritten

# The finding a corrected field settles (a DOI added settles none: a missing DOI is no finding).
_SETTLES = {"year": "year-mismatch", "date": "year-mismatch", "title": "title-mismatch",
            "journal": "container-mismatch", "journaltitle": "container-mismatch",
            "volume": "volume-mismatch", "number": "issue-mismatch", "issue": "issue-mismatch",
            "pages": "pages-mismatch", "isbn": "invalid-isbn", "issn": "invalid-issn"}


@dataclass(frozen=True, slots=True)
class Fixed:
    """A finding that a correction settled: its code, reference and place (the reference's
    own, or a corrected identifier's)."""

    code: str
    reference_id: str
    span: Span

    def settles(self, finding: Finding) -> bool:
        return (finding.code, finding.reference_id, finding.span) == (self.code, self.reference_id, self.span)


@dataclass(frozen=True, slots=True)
class FixResult:
    changes: list[str] = field(default_factory=list)  # "coox1968affaire: year 1969 -> 1968"
    skipped: list[str] = field(default_factory=list)  # entries left alone, and why
    backup: str | None = None  # the .bak written, when the file changed
    fixed: list[Fixed] = field(default_factory=list)  # the findings the changes settled

    def settled(self, finding: Finding) -> bool:
        return any(item.settles(finding) for item in self.fixed)


def is_strong(reference: Reference, resolution: Resolution | None) -> bool:
    """True when ``resolution`` is certain enough to rewrite the reference's fields."""
    if resolution is None or resolution.outcome is not Outcome.RESOLVED or resolution.work is None:
        return False
    if resolution.via in ("doi", "jstor"):
        # the resolver sets a reason when the identifier's work does not match the reference
        return not resolution.reason and matching.describes_same_work(reference, resolution.work)
    return resolution.confidence is not None and resolution.confidence >= STRONG_MATCH


# --- corrections ---------------------------------------------------------------------


@dataclass
class _Edits:
    reference: Reference
    key: str
    text: str
    values: list[Field]
    close: int
    edits: list[tuple[int, int, str]] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)
    fixed: list[Fixed] = field(default_factory=list)

    def find(self, name: str) -> Field | None:
        return next((v for v in self.values if v.name.lower() == name), None)

    def raw(self, name: str) -> str | None:
        """The value as written, without its braces or quotes."""
        value = self.find(name)
        return unwrap(self.text[value.start:value.end]) if value else None

    def current(self, name: str) -> str | None:
        """The value as text (LaTeX decoded)."""
        raw = self.raw(name)
        return latex_to_plain(raw) if raw is not None else None

    def set(self, name: str, body: str, shown_old: str | None, shown_new: str,
            places: Sequence[Span] = ()) -> None:
        """Replace (or add) field ``name``; ``places``: where the findings it settles point,
        when not at the reference (an identifier's own place)."""
        value = self.find(name)
        if value is not None:
            self.edits.append((value.start, value.end, braced(body)))
        else:
            self._add(name, braced(body))
        old = f"{shown_old}" if shown_old is not None else "(none)"
        self.changes.append(f"{self.key}: {name} {old} -> {shown_new}")
        code = _SETTLES.get(name.lower())
        if code is not None:
            self.fixed.extend(Fixed(code, self.reference.id, span) for span in places or [self.reference.span])

    def _add(self, name: str, value: str) -> None:
        """A new field after the last one, laid out like the entry's own fields (on a line of
        its own, or on the line of a one-line entry)."""
        if not self.values:
            self.edits.append((self.close, self.close, f"\n  {name} = {value},\n"))
            return
        last = self.values[-1]
        layout = layout_of(self.text, self.values)
        added = f",\n{layout.line(name, value)}" if layout is not None else f", {name} = {value}"
        self.edits.append((last.end, last.end, added))


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


def _fix_identifiers(edits: _Edits, work: RegistryWork) -> None:
    """An ISBN or ISSN with a wrong check digit or length (invalid-isbn, invalid-issn) gives
    way to the registry's value nearest to it, written in the same form (ISBN-10 or -13,
    hyphens or none): one digit mistyped leaves the intended number nearest, where a record
    lists the print and electronic editions' numbers. The field's valid numbers stay."""
    for name, scheme, offered, forms in (("isbn", IdScheme.ISBN, work.isbn, _isbn_forms),
                                         ("issn", IdScheme.ISSN, work.issn, _issn_forms)):
        raw = edits.raw(name)
        invalid = [i for i in edits.reference.ids(scheme) if not forms(i.raw)]
        options = [form for value in offered for form in forms(value)]
        if raw is None or not invalid or not options:
            continue
        new = raw
        for identifier in invalid:
            new = new.replace(identifier.raw, _nearest(identifier.raw, options), 1)
        if new != raw:  # (the value as written, with digits and hyphens in place of digits: no escaping)
            edits.set(name, new, raw, new, places=[i.span for i in invalid])


def _isbn_forms(value: str) -> list[str]:
    """A valid ISBN's ISBN-13 and, where it has one, ISBN-10, hyphenated; [] for an invalid one."""
    from stdnum import isbn

    thirteen = as_isbn13(value)
    if thirteen is None:
        return []
    forms = [isbn.format(thirteen)]
    if thirteen.startswith("978"):
        forms.append(isbn.format(isbn.to_isbn10(thirteen)))
    return forms


def _issn_forms(value: str) -> list[str]:
    """A valid ISSN, hyphenated; [] for an invalid one."""
    from stdnum import issn

    return [issn.format(value)] if issn_problem(value) is None else []


def _nearest(cited: str, options: Sequence[str]) -> str:
    """The option nearest to the cited number digit by digit (the same length first), written
    with hyphens only if the cited number has them."""
    wanted = _digits(cited)
    best = min(options, key=lambda option: (len(_digits(option)) != len(wanted),
                                            Levenshtein.distance(_digits(option), wanted)))
    return best if "-" in cited else _digits(best)


def _digits(number: str) -> str:
    return re.sub(r"[^0-9Xx]", "", number).upper()


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
    its entry by line. Returns the changes made, one line each, the findings they settled,
    and the entries skipped because their match was not strong enough.
    """
    with open(path, "rb") as handle:
        original = decode(handle.read(), path)
    library = parse_raw(original)
    at_line = _entry_offsets(original, library.entries)
    edits_all: list[tuple[int, int, str]] = []
    changes: list[str] = []
    skipped: list[str] = []
    fixed: list[Fixed] = []
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
        values, close = entry_fields(original, offset)
        edits = _Edits(reference, entry.key, original, values, close)
        work = resolution.work
        assert work is not None
        _fix_year(edits, work)
        _fix_title(edits, work)
        _fix_container(edits, reference, work)
        _fix_numbers(edits, work)
        _fix_identifiers(edits, work)
        _fix_doi(edits, work)
        edits_all.extend(edits.edits)
        changes.extend(edits.changes)
        fixed.extend(edits.fixed)
    if not edits_all:
        return FixResult(changes=[], skipped=skipped)
    text = original
    for start, end, replacement in sorted(edits_all, key=lambda e: (e[0], e[1]), reverse=True):
        text = text[:start] + replacement + text[end:]
    backup = path + ".bak"
    shutil.copy2(path, backup)
    atomic_write(path, text)
    return FixResult(changes=changes, skipped=skipped, backup=backup, fixed=fixed)
