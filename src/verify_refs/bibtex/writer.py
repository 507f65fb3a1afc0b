"""Write (or bring up to date) the corpus bibliography.

``write_bibliography`` behaves like a formatter, so it can run as a pre-commit hook:

* deterministic: entries sorted by key, fields in a fixed order, a fixed layout; running it
  twice on the same input leaves the file byte-identical (and untouched on disk);
* stable keys: a work keeps the key of the entry that already describes it (see ``keys``);
* hand edits survive: fields the user added to an entry are kept after the generated ones,
  and so are ``@string``/``@preamble``/``@comment`` blocks; an entry that no document cites
  any more is dropped (and named in ``removed``) unless the user marked it
  ``keywords = {keep}``, or the caller asked not to ``prune`` (some documents were unreadable);
* safe: an existing file that does not parse, or that verify-refs did not write (no header
  line), is refused, never overwritten: a hand-written ``.bib`` given to ``--bib`` by mistake
  would otherwise lose every entry the documents do not cite. The new file replaces the old
  atomically.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import bibtexparser
from bibtexparser.library import Library
from bibtexparser.model import Entry, Field, ImplicitComment, ParsingFailedBlock
from bibtexparser.writer import BibtexFormat

from ..extract.source import InputError, decode
from ..models import Reference, Resolution
from .bibfile import atomic_write, failure_reason, field_value, parse_raw, split_names, year_of
from .entries import FIELD_ORDER, TYPE_FIELDS, UNVERIFIED, Work, build_works
from .escape import braced, latex_to_plain
from .keys import ExistingKey, Identity, assign_keys

__all__ = ["BibWriteResult", "BibFileError", "write_bibliography", "render_bibliography", "KEEP"]

KEEP = "keep"  # keyword that keeps an uncited entry
HEADER = (
    "% Bibliography written by verify-refs from the references of the documents.\n"
    "% Entries are sorted by key and keys never change; fields you add to an entry are kept.\n"
    "% An entry no document cites is removed unless it has keywords = {keep}."
)
_MANAGED = frozenset(FIELD_ORDER)
_OWN_MARK = HEADER.splitlines()[0]  # the line that says a file is ours to rewrite


class BibFileError(InputError):
    """The existing bibliography cannot be parsed; it is left untouched."""


@dataclass(frozen=True, slots=True)
class BibWriteResult:
    changed: bool  # the file's content changed (or it was created)
    entries: int
    path: str
    removed: tuple[str, ...] = ()  # keys of entries dropped because nothing cites them now
    spared: tuple[str, ...] = ()  # keys of uncited entries kept only because prune was off


def _format() -> BibtexFormat:
    layout = BibtexFormat()
    layout.indent = "  "
    layout.value_column = 0
    layout.trailing_comma = True
    layout.block_separator = "\n"
    return layout


def _read_existing(path: str) -> tuple[str | None, Library | None]:
    if not os.path.exists(path):
        return None, None
    with open(path, "rb") as handle:
        text = decode(handle.read(), path)
    library = parse_raw(text)
    if library.failed_blocks:
        block = library.failed_blocks[0]
        line = (block.start_line or 0) + 1
        raise BibFileError(f"{path}:{line}: cannot update the bibliography, it does not parse "
                           f"({failure_reason(block.error)}); fix it or remove it")
    if text.strip() and _OWN_MARK not in text:
        raise BibFileError(f"{path}: not written by verify-refs (no '{_OWN_MARK}' line), so it is "
                           "not overwritten; give --bib a new file")
    return text, library


def check_target(path: str) -> None:
    """Raise ``BibFileError`` now if ``path`` could not be updated at the end of a run
    (it does not parse, or verify-refs did not write it)."""
    _read_existing(path)


def existing_key(entry: Entry) -> ExistingKey:
    """The identity of an entry of the file, for matching works to their old keys."""
    authors = split_names(field_value(entry, "author") or field_value(entry, "editor") or "", latex_to_plain)
    doi = field_value(entry, "doi")
    return ExistingKey(entry.key, Identity.of(
        doi.strip() if doi else None,
        authors[0].family if authors else None,
        year_of(entry),
        latex_to_plain(field_value(entry, "title") or ""),
    ))


def _keywords(entry: Entry | None) -> list[str]:
    value = field_value(entry, "keywords") if entry is not None else None
    return [k.strip() for k in (value or "").split(",") if k.strip()]


def _merge(work: Work, key: str, old: Entry | None) -> Entry:
    """The entry for ``work``: generated fields, then the old entry's other fields."""
    fields = [Field(name, braced(value)) for name, value in work.fields if name != "keywords"]
    generated = {name for name, _ in work.fields}
    allowed = TYPE_FIELDS[work.entry_type]
    keywords = [k for k in _keywords(old) if k.lower() != UNVERIFIED]
    if not work.verified:
        keywords.insert(0, UNVERIFIED)
    extra = []
    for field in old.fields if old is not None else ():
        name = field.key.lower()
        if name in generated or name == "keywords":
            continue
        if name in _MANAGED and name not in allowed:
            continue  # a generated field of an older type of this entry
        extra.append(Field(field.key, field.value))
    fields.extend(extra)
    if keywords:
        fields.append(Field("keywords", braced(", ".join(keywords))))
    return Entry(work.entry_type, key, fields)


@dataclass(frozen=True, slots=True)
class Rendered:
    text: str
    entries: int
    removed: tuple[str, ...]  # keys of the existing file's entries left out
    spared: tuple[str, ...]  # keys of uncited entries kept only because ``prune`` was off


def render_bibliography(
    references: Sequence[Reference],
    resolutions: Mapping[str, Resolution],
    existing: Library | None = None,
    prune: bool = True,
) -> Rendered:
    """The text of the bibliography, its number of entries and the keys it dropped.

    ``prune=False`` keeps every uncited entry of ``existing``, as if marked ``keep``.
    """
    works = build_works(references, resolutions)
    old_entries = list(existing.entries) if existing is not None else []
    keys = assign_keys([(w.identities, w.base_key) for w in works],
                       [existing_key(e) for e in old_entries])
    by_key = {e.key: e for e in old_entries}
    entries = [_merge(work, key, by_key.get(key)) for work, key in zip(works, keys)]
    taken = set(keys)
    uncited = [e for e in old_entries if e.key not in taken]
    stale = tuple(sorted(e.key for e in uncited if KEEP not in (k.lower() for k in _keywords(e))))
    entries.extend(e for e in uncited if not prune or e.key not in stale)
    library = Library()
    library.add(ImplicitComment(HEADER))
    for block in existing.blocks if existing is not None else ():
        if isinstance(block, (Entry, ParsingFailedBlock)):
            continue
        if isinstance(block, ImplicitComment) and block.comment.startswith(_OWN_MARK):
            continue
        library.add(block)
    library.add(sorted(entries, key=lambda e: e.key))
    text = bibtexparser.write_string(library, unparse_stack=[], bibtex_format=_format())
    return Rendered(text.rstrip("\n") + "\n", len(entries),
                    removed=stale if prune else (), spared=() if prune else stale)


def write_bibliography(
    references: Sequence[Reference],
    resolutions: Mapping[str, Resolution],
    path: str,
    prune: bool = True,
) -> BibWriteResult:
    """Write one entry per distinct work cited in ``references`` to ``path``.

    Reads the existing file first to keep its keys and hand-added fields; the file is only
    rewritten (atomically) when its content changes. Raises ``BibFileError`` when the
    existing file does not parse or was not written by verify-refs. ``prune=False`` keeps
    entries no reference cites (for a run that could not read all its documents).
    """
    old_text, existing = _read_existing(path)
    rendered = render_bibliography(references, resolutions, existing, prune=prune)
    changed = rendered.text != old_text
    if changed:
        atomic_write(path, rendered.text)
    return BibWriteResult(changed=changed, entries=rendered.entries, path=path,
                          removed=rendered.removed if changed else (), spared=rendered.spared)
