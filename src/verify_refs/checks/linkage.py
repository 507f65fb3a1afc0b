"""Linking: markers to notes, short cites to full references, and what does not link.

Markers link within their document. Short cites link to a full reference in their own
document first and, failing that, anywhere in the corpus (an essay may cite a work whose
full reference lives in a sibling text).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from anyascii import anyascii

from ..codes import finding
from ..models import Finding, Note, ParsedDocument, Reference, ShortCite, ShortCiteStyle

_NON_LETTERS = re.compile(r"[^a-z0-9]+")
_STOP_WORDS = frozenset({"the", "a", "an", "and", "of", "on", "in", "la", "le", "les", "l",
                         "der", "die", "das", "el", "los", "et", "al"})


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """A surname compared without case, accents or script: "Čapek" == "capek"."""
    return _NON_LETTERS.sub("", anyascii(unicodedata.normalize("NFC", text)).lower())


def words_key(text: str) -> list[str]:
    """Significant words, transliterated and lower-cased, for title/author-word matching."""
    return list(_words(text))


@lru_cache(maxsize=65536)
def _words(text: str) -> tuple[str, ...]:
    words = _NON_LETTERS.split(anyascii(text).lower())
    return tuple(w for w in words if w and w not in _STOP_WORDS)


@dataclass
class LinkResult:
    """What linked to what, for the checks that follow."""

    findings: list[Finding] = field(default_factory=list)
    # short cite -> the reference it abbreviates (only unambiguous links)
    cite_targets: dict[ShortCite, Reference] = field(default_factory=dict)
    _by_reference: dict[str, list[ShortCite]] | None = field(default=None, repr=False)

    def cites_of(self, reference_id: str) -> list[ShortCite]:
        if self._by_reference is None:
            self._by_reference = defaultdict(list)
            for cite, reference in self.cite_targets.items():
                self._by_reference[reference.id].append(cite)
        return self._by_reference.get(reference_id, [])


class ReferenceIndex:
    """References by the keys a short cite can name them by (first author's surname or
    given name, first editor, the reference's first word), so linking is not quadratic."""

    def __init__(self, references: Sequence[Reference]) -> None:
        self._by_key: dict[str, list[Reference]] = defaultdict(list)
        for reference in references:
            for key in _reference_keys(reference):
                self._by_key[key].append(reference)

    def candidates(self, cite: ShortCite) -> list[Reference]:
        if not cite.author:
            return []
        keys = {name_key(_first_surname(cite.author)), *words_key(cite.author)[:1]}
        found: dict[str, Reference] = {}
        for key in keys:
            for reference in self._by_key.get(key, ()):
                found.setdefault(reference.id, reference)
        return [r for r in found.values() if cite_matches(cite, r)]


def _reference_keys(reference: Reference) -> set[str]:
    keys = {name_key(p.family) for p in reference.authors[:1] + reference.editors[:1]}
    keys.update(name_key(p.given) for p in reference.authors[:1] if p.given)
    keys.update(words_key(reference.text)[:1])
    keys.discard("")
    return keys


def _first_surname(author: str) -> str:
    return re.split(r"\s+(?:and|&|et al\.?)\s*|,", author.strip(), maxsplit=1)[0]


def link_corpus(documents: Sequence[ParsedDocument]) -> LinkResult:
    """Run every linkage check over the corpus."""
    result = LinkResult()
    for document in documents:
        result.findings.extend(check_markers(document))
    _link_short_cites(documents, result)
    return result


# --- markers and notes ---------------------------------------------------------


def check_markers(document: ParsedDocument) -> Iterator[Finding]:
    """dangling-marker, unused-note, backlink-mismatch and duplicate-note for one document."""
    labels = Counter(note.label for note in document.notes)
    cited = Counter(marker.label for marker in document.markers)
    if document.markers and not document.notes:
        yield _no_notes_at_all(document)
    else:
        for marker in document.markers:
            if marker.label not in labels:
                yield finding("dangling-marker", marker.span,
                              f"marker [{marker.label}] points to no note "
                              f"(notes here: {_label_range(labels)})")
    seen: set[str] = set()
    for note in document.notes:
        if note.label in seen:
            yield finding("duplicate-note", note.span,
                          f"note {note.label} is defined {labels[note.label]} times")
            continue
        seen.add(note.label)
        yield from _check_note_use(note, cited[note.label])


def _check_note_use(note: Note, uses: int) -> Iterator[Finding]:
    if uses == 0:
        yield finding("unused-note", note.span,
                      f"note {note.label} is not cited by any marker: {_quote(note.text)}")
    elif note.backlinks is not None and note.backlinks != uses:
        yield finding("backlink-mismatch", note.span,
                      f"note {note.label} has {note.backlinks} backlink"
                      f"{'s' if note.backlinks != 1 else ''}, but {uses} marker"
                      f"{'s' if uses != 1 else ''} [{note.label}] found in the text")


def _no_notes_at_all(document: ParsedDocument) -> Finding:
    listed = ", ".join(f"{m.label} (line {m.span.line})" for m in document.markers)
    return finding(
        "dangling-marker", document.markers[0].span,
        f"{len(document.markers)} footnote marker{'s' if len(document.markers) != 1 else ''} "
        f"but no notes in this document: {listed}",
        hint="The notes are missing (an excerpt, or lost in copying): add them, "
             "or remove the markers.")


def _label_range(labels: Counter) -> str:
    numbers = sorted(int(label) for label in labels if label.isdigit())
    others = sorted(label for label in labels if not label.isdigit())
    parts = [f"{numbers[0]}-{numbers[-1]}" if len(numbers) > 1 else str(numbers[0])] if numbers else []
    return ", ".join(parts + others) or "none"


def _quote(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return f'"{text[:limit]}…"' if len(text) > limit else f'"{text}"'


# --- short cites -----------------------------------------------------------------


def _link_short_cites(documents: Sequence[ParsedDocument], result: LinkResult) -> None:
    corpus = ReferenceIndex([ref for doc in documents for ref in doc.references])
    for document in documents:
        local = ReferenceIndex(document.references)
        previous: Reference | None = None  # for Ibid.: the work cited just before
        for cite in document.short_cites:
            if cite.style is ShortCiteStyle.IBID:
                target = _link_ibid(cite, previous, result)
            else:
                target = _link_one(cite, local, corpus, result)
            previous = target if target is not None else previous


def _link_ibid(cite: ShortCite, previous: Reference | None, result: LinkResult) -> Reference | None:
    if previous is None:
        result.findings.append(finding(
            "orphan-short-cite", cite.span,
            f'"{cite.text}" has no preceding citation to refer to',
            hint="Replace Ibid. with a short cite naming the author."))
        return None
    result.cite_targets[cite] = previous
    return previous


def _link_one(cite: ShortCite, local: ReferenceIndex, corpus: ReferenceIndex,
              result: LinkResult) -> Reference | None:
    candidates = _distinct_works(local.candidates(cite))
    if not candidates:
        candidates = _distinct_works(corpus.candidates(cite))
    if len(candidates) == 1:
        result.cite_targets[cite] = candidates[0]
        return candidates[0]
    if not candidates:
        where = f"{cite.author or '?'}{' ' + str(cite.year) if cite.year else ''}"
        result.findings.append(finding(
            "orphan-short-cite", cite.span,
            f'short cite "{cite.text}" matches no full reference ({where}) '
            "in this document or the rest of the corpus"))
        return None
    listed = "; ".join(f"{_quote(r.text, 50)} ({r.span.path}:{r.span.line})" for r in candidates[:4])
    result.findings.append(finding(
        "ambiguous-short-cite", cite.span,
        f'short cite "{cite.text}" matches {len(candidates)} references: {listed}',
        related=tuple(r.span for r in candidates)))
    return None


def _distinct_works(references) -> list[Reference]:
    """Drop repeats of one work (same DOI, or same text) so they are not 'ambiguous'."""
    seen: set[str] = set()
    works = []
    for reference in references:
        key = reference.doi or " ".join(words_key(reference.text))
        if key not in seen:
            seen.add(key)
            works.append(reference)
    return works


def cite_matches(cite: ShortCite, reference: Reference) -> bool:
    """Whether a short cite can abbreviate ``reference``: author, then year or title."""
    if not cite.author or not _author_matches(cite.author, reference):
        return False
    if cite.year is not None:
        if cite.year not in (reference.year, reference.original_year):
            return False
        if cite.year_suffix and reference.year_suffix and cite.year_suffix != reference.year_suffix:
            return False
    if cite.short_title:
        wanted = words_key(cite.short_title)
        have = words_key(" ".join(filter(None, (reference.title, reference.translated_title))))
        if wanted and have[: len(wanted)] != wanted and not set(wanted) <= set(have):
            return False
    return True


def _author_matches(author: str, reference: Reference) -> bool:
    """The cite's first surname is the first author's, or its words open the reference."""
    key = name_key(_first_surname(author))
    if not key:
        return False
    for person in reference.authors[:1] + reference.editors[:1]:
        if name_key(person.family) == key or name_key(person.given) == key:
            return True
    # Corporate authors and title-led references: "(Vsesoiuznoe soveshchanie 298)".
    wanted = words_key(author)
    opening = words_key(reference.text)[: len(wanted) + 2]
    return bool(wanted) and opening[: len(wanted)] == wanted

