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
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import filterfalse
from operator import attrgetter

from anyascii import anyascii

from ..codes import finding
from ..models import (Finding, Note, ParsedDocument, Reference, RegistryWork, ShortCite,
                      ShortCiteStyle)

_NON_LETTERS = re.compile(r"[^a-z0-9]+")
_WORD = re.compile(r"[a-z0-9]+")
_STOP_WORDS = frozenset({"the", "a", "an", "and", "of", "on", "in", "la", "le", "les", "l",
                         "der", "die", "das", "el", "los", "et", "al"})


# Runs of characters that ``anyascii`` transliterates one by one in Python. It maps each
# character on its own and leaves ASCII as it is, so transliterating only these runs gives
# the same string, much faster for a long text with a few accented letters.
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


# Kept by run: the same few runs (an author's name, a dash) recur in many references, and
# ``anyascii`` looks each character up in Python.
_anyascii = lru_cache(maxsize=4096)(anyascii)


def _transliterated(match: re.Match) -> str:
    return _anyascii(match.group())


def _ascii(text: str) -> str:
    """``anyascii(text)``."""
    return text if text.isascii() else _NON_ASCII.sub(_transliterated, text)


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """A surname compared without case, accents or script: "Čapek" == "capek"."""
    return _NON_LETTERS.sub("", _ascii(unicodedata.normalize("NFC", text)).lower())


def words_key(text: str) -> list[str]:
    """Significant words, transliterated and lower-cased, for title/author-word matching."""
    return list(_words(text))


@lru_cache(maxsize=65536)
def _words(text: str) -> tuple[str, ...]:
    words = _WORD.findall(_ascii(text).lower())  # what splitting at _NON_LETTERS leaves
    return tuple(filterfalse(_STOP_WORDS.__contains__, words))


# In ASCII text (which transliteration leaves as it is) the words of ``_words`` are the runs
# of ASCII letters and digits, lower-cased.
_ASCII_WORD = re.compile(r"[A-Za-z0-9]+")


def _first_word(text: str) -> str | None:
    """``_words(text)[0]`` (None if there is none), without splitting all of ``text``."""
    text = _ascii(text)
    position = 0
    while (match := _ASCII_WORD.search(text, position)) is not None:
        word = match.group().lower()
        if word not in _STOP_WORDS:
            return word
        position = match.end()
    return None


@dataclass
class LinkResult:
    """What linked to what, for the checks that follow."""

    findings: list[Finding] = field(default_factory=list)
    # short cite -> the reference it abbreviates (only unambiguous links)
    cite_targets: dict[ShortCite, Reference] = field(default_factory=dict)
    # orphan-short-cite findings by their cite, for ``relink_by_registry``
    orphans: dict[ShortCite, Finding] = field(default_factory=dict)
    # ambiguous-short-cite findings by their cite, with the references the cite matched
    ambiguous: dict[ShortCite, tuple[Finding, tuple[Reference, ...]]] = field(default_factory=dict)
    _by_reference: dict[str, list[ShortCite]] | None = field(default=None, repr=False)

    def cites_of(self, reference_id: str) -> list[ShortCite]:
        if self._by_reference is None:
            self._by_reference = by_reference = defaultdict(list)
            for cite, reference in self.cite_targets.items():
                by_reference[reference.id].append(cite)
        return self._by_reference.get(reference_id, [])


class ReferenceIndex:
    """References by the keys a short cite can name them by (first author's surname or
    given name, first editor, the reference's first word), so linking is not quadratic."""

    def __init__(self, references: Iterable[Reference]) -> None:
        self._references = references = list(references)
        self._by_note: dict[str, Reference] | None = None  # built when a paged marker asks
        self._by_key: dict[str, list[Reference]] = defaultdict(list)
        for reference in references:
            for key in _reference_keys(reference):
                self._by_key[key].append(reference)
        self._works: dict[tuple, list[Reference]] = {}

    def of_note(self, label: str | None) -> Reference | None:
        """The first reference in note ``label``."""
        if self._by_note is None:
            self._by_note = {}
            for reference in self._references:
                if reference.note_label is not None:
                    self._by_note.setdefault(reference.note_label, reference)
        return self._by_note.get(label) if label is not None else None

    def works(self, cite: ShortCite) -> list[Reference]:
        """The distinct works ``cite`` may abbreviate (not to be changed: they are shared).

        Kept by what they depend on (``candidates``, ``_rest_matches``): a work is often
        cited twice in a row, in the text and in its note."""
        key = (cite.author, cite.year, cite.year_suffix, cite.short_title)
        works = self._works.get(key)
        if works is None:
            works = _distinct_works(self.candidates(cite))
            author = cite.author or ""
            # (a second author needs a separator: "Coox" alone has none to look for)
            second = _second_surname(author) if works and (" " in author or "," in author) else None
            if second:
                works = [r for r in works if _names_second_author(second, r)]
            works = _by_suffix_and_coauthor(cite, works)
            works = self._works[key] = _by_author_count(cite, _by_initial(cite.author or "", works))
        return works

    def names_author(self, cite: ShortCite) -> bool:
        """Whether some reference is filed under the cite's first surname."""
        return bool(cite.author and self._by_key.get(name_key(_first_surname(cite.author))))

    def candidates(self, cite: ShortCite) -> list[Reference]:
        if not cite.author:
            return []
        surname = name_key(_first_surname(cite.author))
        if not surname:
            return []  # no author to match (``_author_matches``)
        wanted = _words(cite.author)
        if wanted and wanted[0] != surname:
            references = self._under_either(surname, wanted[0])
        else:
            references = self._by_key.get(surname, ())
        year = cite.year
        found = []  # (a loop: a comprehension is a call of its own, and this runs per cite)
        for reference in references:
            # ``_rest_matches`` tests the year first; done inline here, as most of an
            # author's works fail it and a call costs more than the test.
            if year is not None and reference.year != year and reference.original_year != year:
                continue
            if _names_match(surname, wanted, reference) and _rest_matches(cite, reference):
                found.append(reference)
        return found

    def _under_either(self, surname: str, word: str) -> Iterable[Reference]:
        """The references under either key, each once (by id)."""
        found: dict[str, Reference] = {}
        for key in {surname, word}:
            for reference in self._by_key.get(key, ()):
                found.setdefault(reference.id, reference)
        return found.values()


def _reference_keys(reference: Reference) -> set[str]:
    """The keys ``ReferenceIndex`` files a reference under: the first word of its text, and
    the ``name_key`` of its first author's family and given names and first editor's family
    name. (Worked out per reference, not kept: ``_names_match`` looks at the few references
    that pass a cite's year.)"""
    keys = set()
    first = _first_word(reference.text)
    if first:
        keys.add(first)
    if reference.authors:
        author = reference.authors[0]
        keys.add(name_key(author.family))
        if " " in author.family:
            keys.update(_compound_family_keys(author.family))
        if author.given:
            keys.add(name_key(author.given))  # given and family names swapped in the cite
    if reference.editors:
        keys.add(name_key(reference.editors[0].family))
    elif not reference.authors and reference.container:
        keys.update(_words(reference.container)[:1])  # an anonymous article, cited by its journal
    keys.discard("")
    return keys


_SURNAME_END = re.compile(r"\s+(?:and|&|et al\.?|et|und|y|e|en|og|och)\s*|[,;]")
# MLA's initials before a surname two cited authors share: "(R. Martin 12)".
_LEADING_INITIALS = re.compile(r"(?:[^\W\d_]\.\s?){1,3}(?=[^\W\d_]{2})")


@lru_cache(maxsize=65536)
def _first_surname(author: str) -> str:
    author = author.strip()
    initials = _LEADING_INITIALS.match(author) if author[1:2] == "." else None
    if initials is not None:
        author = author[initials.end():]
    return without_particles(_SURNAME_END.split(author, maxsplit=1)[0])


# Particles before a surname, which citations write or leave out as the language has it: "Van
# der Heijden, 2019" for "Heijden, T. van der", "de Gaulle" for "Gaulle, Charles de".
_PARTICLES = re.compile(r"(?i:(?:van|von|de|der|den|del|della|di|da|du|dos|das|le|la|ter|ten|te)\s+)+(?=\S)")


def without_particles(surname: str) -> str:
    """``surname`` without its leading particles ("Van der Heijden" -> "Heijden")."""
    match = _PARTICLES.match(surname) if " " in surname else None
    return surname[match.end():] if match is not None else surname


def _compound_family_keys(family: str) -> tuple[str, str]:
    """The keys a family name of several words is also cited by: without its particles ("van
    der Heijden" as "Heijden") and its last word ("Garton Ash" as "Ash")."""
    return name_key(without_particles(family)), name_key(family.rsplit(" ", 1)[1])


def _by_suffix_and_coauthor(cite: ShortCite, references: list[Reference]) -> list[Reference]:
    """Of several works, those that have the cite's year letter ("1942b" of a "1942b" and an
    undated-letter "1942"), then those whose second author is the cite's second name ("Elton &
    Nicholson" of Elton and Nicholson, not of Elton alone): all when none has."""
    if len(references) < 2:
        return references
    if cite.year_suffix:
        references = [r for r in references if r.year_suffix == cite.year_suffix] or references
    second = _second_surname(cite.author or "")
    if second and len(references) > 1:
        references = [r for r in references if len(r.authors) > 1
                      and name_key(without_particles(r.authors[1].family)) == second] or references
    return references


def _second_surname(author: str) -> str | None:
    """The ``name_key`` of a cite's second author's surname, or None ("et al.", one author):
    the names split where ``_first_surname`` ends the first ("Elton & Nicholson")."""
    names = [name for name in _SURNAME_END.split(author) if name.strip()]
    return name_key(without_particles(names[1].split()[-1])) if len(names) > 1 else None


def _by_author_count(cite: ShortCite, references: list[Reference]) -> list[Reference]:
    """Of several works, those of three authors or more when the cite says "et al." ("Puleo et
    al. 2016", not Puleo's two-author paper of 2016): all when none has."""
    if len(references) < 2 or "et al" not in (cite.author or ""):
        return references
    return [r for r in references if len(r.authors) >= 3 or _et_al_in_names(r)] or references


def _et_al_in_names(reference: Reference) -> bool:
    """The reference's names end in "et al." (MLA's "Renear, Allen, et al."): the parser keeps
    the one name given, the work has three authors or more."""
    title = reference.text.find(reference.title) if reference.title else -1
    return "et al" in reference.text[:title if title > 0 else 80]


def _by_initial(author: str, references: list[Reference]) -> list[Reference]:
    """Of several works, those whose first author's given name starts with the cite's
    leading initial ("R. Martin" of Randall Martin and S. M. Martin): all when none does."""
    if len(references) < 2 or author[1:2] != ".":
        return references
    initial = author[0].upper()
    narrowed = [r for r in references if r.authors and r.authors[0].given[:1].upper() == initial]
    return narrowed or references


def link_corpus(documents: Sequence[ParsedDocument]) -> LinkResult:
    """Run every linkage check over the corpus."""
    result = LinkResult()
    for document in documents:
        result.findings.extend(check_markers(document))
    _link_short_cites(documents, result)
    cited = {reference.id for reference in result.cite_targets.values()}
    # (an ambiguous cite cites one of its works: which, the user is told; none is uncited)
    cited.update(reference.id for _, candidates in result.ambiguous.values() for reference in candidates)
    for document in documents:
        result.findings.extend(_uncited_entries(document, result, cited))
    return result


_AUTHOR_DATE_CITES = 1  # linked cites in the text that make a document an author-date one


def _uncited_entries(document: ParsedDocument, result: LinkResult, cited: set[str]) -> Iterator[Finding]:
    """unused-note for an entry of an author-date document's reference list that no short
    cite (in it or elsewhere in the corpus) names: APA, Harvard, MLA and Chicago author-date
    list only the works cited; so does Wikipedia's list of sources under notes that are short
    cites ("1. ^ Nauckhoff 1875, pp. 501-503."). A document whose notes or markers cite works
    in full, or one that cites little (a bare list, an excerpt), is left alone, and so is one
    whose list is mostly uncited."""
    if (document.notes or document.markers) and any(r.note_label is not None for r in document.references):
        return
    linked = sum(1 for cite in document.short_cites if cite in result.cite_targets)
    if linked < _AUTHOR_DATE_CITES:
        return
    listed = [reference for reference in document.references if reference.note_label is None]
    uncited = [reference for reference in listed if reference.id not in cited]
    if 2 * len(uncited) > len(listed):
        # most of the list uncited: the text's cites are more likely of forms not read (MLA's
        # "(Dediu and Cysouw)", a signal phrase and "(30)") than the list padded
        return
    if not uncited:
        return
    list_offset = _line_offset(document.text, min(reference.span.line for reference in listed))
    for reference in uncited:
        if _named_in_prose(document.text, reference, list_offset):
            continue
        yield finding("unused-note", reference.span, f"reference {_quote(reference.text, 60)} is not cited in the text",
                      hint="Cite it in the text, or drop it: an author-date reference list holds the works cited.",
                      reference_id=reference.id)


# --- markers and notes ---------------------------------------------------------


def _line_offset(text: str, line: int) -> int:
    """Where 1-based ``line`` of ``text`` starts (its end if it has fewer lines)."""
    offset = 0
    for _ in range(line - 1):
        offset = text.find("\n", offset) + 1
        if offset == 0:
            return len(text)
    return offset


def _named_in_prose(text: str, reference: Reference, list_offset: int) -> bool:
    """The reference's first author and year are named together before the list (which
    starts at ``list_offset``), as a cite of a form not read would name them: "Sittler (2009)
    follows the street ...", "Krüger (2004) is the only study", "as in Calegari's essay
    (2015)". Not cited is then not shown."""
    if not text or not reference.authors or reference.year is None:
        return False
    family = without_particles(reference.authors[0].family)
    pattern = rf"(?<!\w){re.escape(family)}(?!\w)(?:[^\n]|\n(?![ \t]*\n)){{0,80}}?(?<!\d){reference.year}(?!\d)"
    mention = re.search(pattern, text)  # the leftmost: if it is not before the list, none is
    return mention is not None and mention.start() < list_offset


def check_markers(document: ParsedDocument) -> Iterator[Finding]:
    """dangling-marker, unused-note, backlink-mismatch and duplicate-note for one document."""
    labels = Counter(map(_label, document.notes))
    cited = Counter(map(_label, document.markers))
    if document.markers and not document.notes:
        yield _no_notes_at_all(document)
    elif cited.keys() - labels.keys():  # some marker points to no note (rare: look closer)
        for marker in document.markers:
            if marker.label not in labels:
                yield finding("dangling-marker", marker.span,
                              f"marker [{marker.label}] points to no note "
                              f"(notes here: {_label_range(labels)})")
    if document.notes and not document.markers:
        yield _no_markers_at_all(document)
        return
    # No label twice, each one cited (uses >= 1) and no backlinks to count: no note can have a
    # finding, and the tests below are skipped note by note (most documents)
    if (len(labels) == len(document.notes) and labels.keys() <= cited.keys()
            and set(map(_backlinks, document.notes)) <= _ONLY_NONE):
        return
    seen: set[str] = set()
    for note in document.notes:
        label = note.label
        if label in seen:
            yield finding("duplicate-note", note.span,
                          f"note {label} is defined {labels[label]} times")
            continue
        seen.add(label)
        if (wrong := _note_use_finding(note, cited[label])) is not None:
            yield wrong


_label = attrgetter("label")
_backlinks = attrgetter("backlinks")
_ONLY_NONE = frozenset({None})


def _note_use_finding(note: Note, uses: int) -> Finding | None:
    """unused-note or backlink-mismatch for a note its markers cite ``uses`` times, if either.
    (It returns rather than yields: it is called for every note, and most have neither.)"""
    if uses == 0:
        return finding("unused-note", note.span,
                       f"note {note.label} is not cited by any marker: {_quote(note.text)}")
    if note.backlinks is not None and note.backlinks != uses:
        return finding("backlink-mismatch", note.span,
                       f"note {note.label} has {note.backlinks} backlink"
                       f"{'s' if note.backlinks != 1 else ''}, but {uses} marker"
                       f"{'s' if uses != 1 else ''} [{note.label}] found in the text")
    return None


def _no_notes_at_all(document: ParsedDocument) -> Finding:
    lines: dict[str, list[int]] = {}  # each label once, with the lines it is marked on
    for marker in document.markers:
        lines.setdefault(marker.label, []).append(marker.span.line)
    listed = ", ".join(f"{label} (line{'s' if len(set(at)) > 1 else ''} {', '.join(map(str, dict.fromkeys(at)))})"
                       for label, at in lines.items())
    return finding(
        "dangling-marker", document.markers[0].span,
        f"{len(document.markers)} footnote marker{'s' if len(document.markers) != 1 else ''} "
        f"but no notes in this document: {listed}",
        hint="The notes are missing (an excerpt, or lost in copying): add them, "
             "or remove the markers.")


def _no_markers_at_all(document: ParsedDocument) -> Finding:
    """A numbered list with no marker in the text (a reference list cited author-date, or an
    excerpt of the notes alone): one finding, not one per note."""
    labels = Counter(note.label for note in document.notes)
    count = len(document.notes)
    return finding(
        "unused-note", document.notes[0].span,
        f"{count} note{'s' if count != 1 else ''} ({_label_range(labels)}) but no footnote "
        "markers in this document",
        hint="Normal for a reference list cited author-date or an excerpt; otherwise the "
             "markers were lost in copying.")


def _label_range(labels: Counter) -> str:
    """The note labels in runs, with the gaps shown: "1-2, 5-6, 8-15, kulic"."""
    numbers = sorted({int(label) for label in labels if label.isdigit()})
    others = sorted(label for label in labels if not label.isdigit())
    runs: list[list[int]] = []
    for number in numbers:
        if runs and number == runs[-1][1] + 1:
            runs[-1][1] = number
        else:
            runs.append([number, number])
    parts = [f"{first}-{last}" if last > first else str(first) for first, last in runs]
    return ", ".join(parts + others) or "none"


def _quote(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return f'"{text[:limit]}…"' if len(text) > limit else f'"{text}"'


# --- short cites -----------------------------------------------------------------


def _link_short_cites(documents: Sequence[ParsedDocument], result: LinkResult) -> None:
    corpus = _CorpusIndex(documents)
    for document in documents:
        if not document.short_cites:
            continue  # nothing to link: full references in notes only lead to an Ibid.
        local = ReferenceIndex(document.references)
        if not any(cite.style is _IBID for cite in document.short_cites):
            # No Ibid.: no cite needs the work cited before it, so the cites are linked
            # without the full references between them, in the same order (a stable sort)
            for cite in sorted(document.short_cites, key=_position):
                if cite.style is not _MARKER:
                    _link_one(cite, local, corpus, result)
            _link_paged_markers(document, local, result)
            continue
        previous: Reference | None = None  # for Ibid.: the work cited just before
        # the note of the last citation, and the works it cites: an Ibid. after a note that
        # cites two works ("Renear, ..., 232; Boggs, ..., 88. / Ibid., 91.") could mean either,
        # so it is linked to neither (and its page is not checked)
        note: str | None = None
        works_in_note: set[int] = set()
        for item in _in_reading_order(document):
            if isinstance(item, Reference):  # a full reference in a note is a citation too
                note, works_in_note = _counted(item, item.note_label, note, works_in_note)
                previous = item
            elif item.style is _IBID:
                if len(works_in_note) < 2:
                    previous = _link_ibid(item, previous, result)
            elif item.style is not _MARKER:  # (a page in the prose: no work cited "just before")
                target = _link_one(item, local, corpus, result)
                previous = target if target is not None else previous
                note, works_in_note = _counted(target or item, item.note_label, note, works_in_note)
        _link_paged_markers(document, local, result)


def _link_paged_markers(document: ParsedDocument, local: ReferenceIndex, result: LinkResult) -> None:
    """The pages after markers ("[11, p. 135]", "[4]: 145") cite the work of the marker's note:
    its full reference, or the one work its short cites were linked to ("4. Weisrock & Janzen
    1999."). (Linked once the notes' cites are, wherever the notes are.)"""
    paged = [cite for cite in document.short_cites if cite.style is _MARKER]
    if not paged:
        return
    by_note: dict[str, set[Reference]] = {}
    for cite in document.short_cites:
        if cite.style is not _MARKER and cite.note_label is not None and (work := result.cite_targets.get(cite)):
            by_note.setdefault(cite.note_label, set()).add(work)
    for cite in paged:
        target = local.of_note(cite.note_label)
        if target is None and len(works := by_note.get(cite.note_label or "", set())) == 1:
            target = next(iter(works))
        if target is not None:
            result.cite_targets[cite] = target


def _counted(work: Reference | ShortCite, label: str | None, note: str | None,
             works: set[int]) -> tuple[str | None, set[int]]:
    """The note ``label`` and the works cited in it so far, once ``work`` is cited there (an
    unlinked cite counts as a work of its own; a cite outside notes starts afresh)."""
    if label is None or label != note:
        works = set()
    works.add(id(work))
    return label, works


_IBID = ShortCiteStyle.IBID  # looked up once: an enum member lookup costs a call
_MARKER = ShortCiteStyle.MARKER


class _CorpusIndex:
    """The index of every reference in the corpus, built when a cite first needs it (one
    that matches nothing in its own document): often none does, and it is never built."""

    def __init__(self, documents: Sequence[ParsedDocument]) -> None:
        self._documents = documents
        self._index: ReferenceIndex | None = None

    def works(self, cite: ShortCite) -> list[Reference]:
        return self._built().works(cite)

    def names_author(self, cite: ShortCite) -> bool:
        return self._built().names_author(cite)

    def _built(self) -> ReferenceIndex:
        if self._index is None:
            self._index = ReferenceIndex(
                ref for doc in self._documents for ref in doc.references)
        return self._index


def _in_reading_order(document: ParsedDocument) -> list[Reference | ShortCite]:
    """Short cites and the full references that sit in notes, by position: "Ibid." after a
    first full note ("1. Coox, "L'Affaire," ... 407. 2. Ibid., 411.") refers to that work."""
    items: list[Reference | ShortCite] = [
        r for r in document.references if r.note_label is not None]
    items += document.short_cites
    items.sort(key=_position)  # stable: a reference before a cite at the same place
    if any(note.label.startswith("^") for note in document.notes):
        # Pandoc's inline notes ("^1") sit in the text, the others at its end: the notes
        # follow one another as their markers do, and so does an Ibid.'s work before it
        cited_at: dict[str, tuple[int, int]] = {}
        for marker in document.markers:
            cited_at.setdefault(marker.label, _position(marker))
        items.sort(key=lambda item: cited_at.get(item.note_label or "", _position(item)))
    return items


_position = attrgetter("span.line", "span.column")


def relink_by_registry(result: LinkResult, documents: Sequence[ParsedDocument],
                       works: Mapping[str, RegistryWork]) -> list[Finding]:
    """Orphan and ambiguous cites the registry settles. Orphans that name a work as the
    registry has it: "Coox 1968, p. 411" beside a reference "Coox ... (1969)" that resolved
    to Coox's 1968 article. The reference's year
    is wrong (year-mismatch says so), not the cite; the cite is linked to it (so its pages
    are checked) and its orphan-short-cite withdrawn. ``works``: reference id -> the work it
    resolved to, only for references that describe that work. Returns the withdrawn findings."""
    withdrawn: list[Finding] = []
    by_path = {document.path: document for document in documents}
    for cite, orphan in list(result.orphans.items()):
        document = by_path.get(cite.span.path)
        if document is None or not cite.author:
            continue
        key = name_key(_first_surname(cite.author))
        matches = [r for r in document.references if (work := works.get(r.id)) is not None
                   and work.authors and name_key(work.authors[0].family) == key
                   and (cite.year is None or cite.year == work.year)
                   # (not another letter's work: "Shin et al. 2017c" beside 2017a and 2017b)
                   and not (cite.year_suffix and r.year_suffix and r.year_suffix != cite.year_suffix)]
        if len(_distinct_works(matches)) != 1:
            continue
        result.cite_targets[cite] = _distinct_works(matches)[0]
        result.findings.remove(orphan)
        del result.orphans[cite]
        withdrawn.append(orphan)
    # A cite "ambiguous" between references that all resolved to one work is a cite of that
    # work: a note and the bibliography entry of one work, one of them with a wrong year
    # ("Renear 1992" and "Renear 1993", both 10.7227/bjrl.74.3.13). It is linked to the one
    # whose year is the registry's (the other's is the error year-mismatch reports).
    for cite, (ambiguous, candidates) in list(result.ambiguous.items()):
        resolved = [works.get(r.id) for r in candidates]
        if any(w is None for w in resolved) or len({w.doi for w in resolved}) != 1:
            continue
        work = resolved[0]
        result.cite_targets[cite] = next((r for r in candidates if r.year == work.year), candidates[0])
        result.findings.remove(ambiguous)
        del result.ambiguous[cite]
        withdrawn.append(ambiguous)
    result._by_reference = None
    return withdrawn


def _link_ibid(cite: ShortCite, previous: Reference | None, result: LinkResult) -> Reference | None:
    if previous is None:
        result.findings.append(finding(
            "orphan-short-cite", cite.span,
            f'"{cite.text}" has no preceding citation to refer to',
            hint="Replace Ibid. with a short cite naming the author."))
        return None
    result.cite_targets[cite] = previous
    return previous


def _link_one(cite: ShortCite, local: ReferenceIndex, corpus: _CorpusIndex,
              result: LinkResult) -> Reference | None:
    candidates = local.works(cite) or corpus.works(cite)
    if not candidates and (as_page := _page_not_year(cite, local, corpus)) is not None:
        cite, candidates = as_page
    if not candidates and (trimmed := _without_lead_word(cite)) is not None:
        if found := local.works(trimmed) or corpus.works(trimmed):
            cite, candidates = trimmed, found
    if len(candidates) == 1:
        result.cite_targets[cite] = candidates[0]
        return candidates[0]
    if not candidates:
        if cite.tentative:  # "He (1938)": perhaps no author at all, so no orphan either
            return None
        # (how the cite was read, where its text says more: "Coox (1968: 411)" as "Coox 1968")
        read_as = f"{cite.author or '?'}{' ' + str(cite.year) + cite.year_suffix if cite.year else ''}"
        read_as = "" if read_as == cite.text.strip() else f" ({read_as})"
        message = (f'short cite "{cite.text}" matches no full reference{read_as} '
                   "in this document or the rest of the corpus")
        if cite.short_title and (local.names_author(cite) or corpus.names_author(cite)):
            # the author is there: it is the short title that names none of their works
            message = (f'short cite "{cite.text}" matches no full reference: no work of {cite.author} '
                       f'in this document or the rest of the corpus has the title "{cite.short_title}"')
        orphan = finding("orphan-short-cite", cite.span, message)
        result.findings.append(orphan)
        result.orphans[cite] = orphan
        return None
    listed = "; ".join(f"{_quote(r.text, 50)} ({r.span.path}:{r.span.line})" for r in candidates[:4])
    ambiguous = finding(
        "ambiguous-short-cite", cite.span,
        f'short cite "{cite.text}" matches {len(candidates)} references: {listed}',
        related=tuple(r.span for r in candidates))
    result.findings.append(ambiguous)
    result.ambiguous[cite] = (ambiguous, tuple(candidates))
    return None


def _without_lead_word(cite: ShortCite) -> ShortCite | None:
    """The cite without the capitalised word its author list was read from, where that word
    ends the sentence's subject: "... the Text Encoding Initiative, Mylonas and Renear (1999,
    p. 3)" names Mylonas and Renear. Tried only when the whole list names no reference."""
    lead, comma, rest = (cite.author or "").partition(", ")
    if not comma or " " in lead or not rest[:1].isupper():
        return None
    return replace(cite, author=rest)


def _page_not_year(cite: ShortCite, local: ReferenceIndex,
                   corpus: _CorpusIndex) -> tuple[ShortCite, list[Reference]] | None:
    """MLA's "(Protsenko et al. 1714)" cites page 1714, not the year 1714: when no work of
    that author has that year, but exactly one has that page in its page range, the cite
    is that work's, with the number as its pinpoint."""
    if cite.year is None or cite.pinpoints or cite.style is not ShortCiteStyle.PARENTHETICAL:
        return None
    as_page = replace(cite, year=None, year_suffix="", pinpoints=(str(cite.year),))
    for index in (local, corpus):
        works = index.works(as_page)
        if works:
            pages = works[0].pages.numeric() if len(works) == 1 and works[0].pages else None
            if pages and pages[0] <= cite.year <= pages[1]:
                return as_page, works
            return None
    return None


def _distinct_works(references: list[Reference]) -> list[Reference]:
    """Drop repeats of one work so they are not 'ambiguous': the same DOI, the same text, or
    (without two different DOIs) the same first author, year and opening title words, as
    a first full note and the bibliography entry of one work are. Of repeats, the one
    with a page range is kept (pinpoints are checked against it)."""
    if len(references) < 2:
        return references  # the common case: nothing to compare (each caller's own list)
    works: list[Reference] = []
    for reference in references:
        for index, kept in enumerate(works):
            if _same_work(kept, reference):
                if kept.pages is None and reference.pages is not None:
                    works[index] = reference
                break
        else:
            works.append(reference)
    return works


def _same_work(one: Reference, other: Reference) -> bool:
    if one.doi and other.doi:
        return one.doi == other.doi
    if words_key(one.text) == words_key(other.text):
        return True
    if not (one.title and other.title and one.authors and other.authors and one.year):
        return False
    if not _same_year(one, other) or name_key(one.authors[0].family) != name_key(other.authors[0].family):
        return False
    a, b = words_key(one.title), words_key(other.title)
    shared = min(5, len(a), len(b))
    return bool(a) and a == b or shared >= 3 and a[:shared] == b[:shared]


def _same_year(one: Reference, other: Reference) -> bool:
    """The same year, or the original year of a reprint one of them gives: "(1988; repr., New
    York: Dover, 2009)" and "1988"."""
    if one.year == other.year:
        return True
    return bool({one.year, one.original_year} & {other.year, other.original_year} - {None})


def cite_matches(cite: ShortCite, reference: Reference) -> bool:
    """Whether a short cite can abbreviate ``reference``: author, then year or title."""
    if not cite.author or not _author_matches(cite.author, reference):
        return False
    return _rest_matches(cite, reference)


_REVIEW_BY_KIND = frozenset({"review", "review essay"})  # a short note's title for an author's review


def _rest_matches(cite: ShortCite, reference: Reference) -> bool:
    """``cite_matches`` once the author has matched: the year, then the title."""
    if cite.year is not None:
        if cite.year not in (reference.year, reference.original_year):
            return False
        if cite.year_suffix and reference.year_suffix and cite.year_suffix != reference.year_suffix:
            return False
    if cite.short_title:
        if cite.short_title.lower() in _REVIEW_BY_KIND:  # "Neuberg, review essay, 510.": any review of theirs
            return "review" in reference.text.lower()
        wanted = words_key(cite.short_title)
        have = words_key(" ".join(filter(None, (reference.title, reference.translated_title))))
        if wanted and have[: len(wanted)] != wanted and not set(wanted) <= set(have):
            return False
    return True


def _author_matches(author: str, reference: Reference) -> bool:
    """The cite's first surname is the first author's, or its words open the reference."""
    key = name_key(_first_surname(author))
    return bool(key) and _names_match(key, _words(author), reference)


def _inverted(reference: Reference, family: str) -> bool:
    """The reference opens with its first author's family name and a comma ("Bressan,
    Paola."): the family name is the writer's own, and a cite by the given name ("Paola
    2002") names nobody in it. (Written given name first, "Zhang Wei" or "Hiroaki Kuromiya",
    which part is the family name is the parser's guess: either may be cited.)"""
    text = reference.text
    return text.startswith(family) and text[len(family):len(family) + 1] == ","


def _names_second_author(second: str, reference: Reference) -> bool:
    """The cite's second surname is in the reference (among its authors, or anywhere in its
    text, where an author the parser missed still is): "Boettiger and Smith 2013" is no cite
    of Boettiger, Ross and Hastings."""
    if any(name_key(without_particles(person.family)) == second for person in reference.authors[1:]):
        return True
    return second in _words(reference.text) or second in {name_key(w) for w in reference.text.split()}


def _names_match(key: str, wanted: tuple[str, ...], reference: Reference) -> bool:
    """``_author_matches`` for a cite whose first-surname key is ``key`` (not empty) and
    whose words are ``wanted``."""
    authors, editors = reference.authors, reference.editors
    if authors:
        family = authors[0].family
        if name_key(family) == key or (name_key(authors[0].given) == key and not _inverted(reference, family)):
            return True
        if " " in family and key in _compound_family_keys(family):
            return True
    elif name_key(reference.text.split(",", 1)[0]) == key:
        # Authors the parser could not read ("Wills, V L, and D R Hunt."): the text opens
        # with the cited surname and a comma, as an inverted first author does.
        return True
    if editors and (name_key(editors[0].family) == key or name_key(editors[0].given) == key):
        return True
    # Corporate authors and title-led references: "(Vsesoiuznoe soveshchanie 298)"; and an
    # anonymous article by its journal, as Wikipedia's sfn names it: "William and Mary Quarterly
    # 1915, p. 273." for '"Notes from the Records of York County". The William and Mary Quarterly.'
    if not wanted:
        return False
    if _words(reference.text)[: len(wanted)] == wanted:
        return True
    return not authors and not editors and bool(reference.container) and _words(reference.container) == wanted

