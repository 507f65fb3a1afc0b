"""The text side of the extractor: one document in, markers, notes, references and cites out.

``parse_document`` lays the document out (notes, bibliography, strays, prose; see
``layout``), then reads each part with its own parser: a note body is a full reference,
short cites, or commentary (or several of these separated by ";"); a bibliography entry is
always a reference; prose gives markers and parenthetical cites.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from operator import attrgetter

from .. import codes
from ..models import Finding, Marker, MarkerStyle, Note, ParsedDocument, Reference, ShortCite
from .layout import Entry, lay_out
from .lines import split_lines
from .markers import find_markers, paged_marker_cites
from .references import _SHORT_CITE, Reading, parse_reference, read, repeats_previous_authors
from .sections import SectionKind
from .shortcites import cites_in_note, cites_in_text
from .source import SourceText

# What separates the works a note cites: "; ", or ", and " after a page ("... 109-54, and
# Patrick Collinson, The Birthpangs ... (1988), 56.").
_WORKS_JOINED = re.compile(r"(?<=\d),\sand\s(?=[A-Z])")
_IDENTIFIER_ALONE = re.compile(r"(?:ISBN|ISSN|OCLC|JSTOR|doi|DOI)(?:-1[03])?:?\s?[\dX\-./]+\S*\s*\.?$")
_MEETING_DATES = re.compile(r"\b(?:19|20)\d\d\s(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s\d{1,2}"
                            r"(?:\s?-\s?(?:[A-Z][a-z]{2,8}\.?\s)?\d{1,2})?$")
_SEPARATOR = re.compile(rf";\s+|{_WORKS_JOINED.pattern}")
_CONTENT = re.compile(r"\S")
# A ";" inside CS1's list of translators or editors after "by": "Translated by Sykes, J. B.;
# Bell, J. S. (3rd ed.)." Only names (words, initials, commas) between "by" and the ";".
_CREDIT_GOES_ON = re.compile(r"\b(?:[Tt]ranslated|[Ee]dited|[Cc]ompiled)\sby\s(?:[^\W\d_][\w'’-]*\.?|[,\s]|and\b)+$")
# What follows a ";" inside a list of editors: more names, each after "; ", up to "(eds.)".
_EDITORS_GO_ON = re.compile(r"(?:[^;()\"]{1,60};\s)*[^;()\"]{1,60}\s\((?:[Ee]ds?|Hrsg|hrsg|Hg)\.?\)")
# A numbered list under "References" (or the Markdown footnotes of a document) whose entries
# are nearly all full references is a reference list: there an entry the reference test
# doubts is still one when it is no short cite and has a URL, or a year among enough words
# ("ALLEN (J.P.), The Inflection of the Verb in the Pyramid Texts, Bibliotheca Aegyptia 2,
# Malibu, 1984.": its author and title defeat the parser, not its place in the list).
_LIST_SHARE = 0.8
_LIST_MIN = 5
_LISTED_WORDS = 5
_YEAR = re.compile(r"\b(?:1[5-9]\d\d|20\d\d)\b|\bn\.d\.")
# A part after "; " that is only an imprint ("New York: St. Martin's Press, 2000.") is no work
# of its own: the note names one work with two publishers.
# (and its ISBN or DOI after it, as ACS writes: "Royal Society of Chemistry: Cambridge, 2020. ISBN 978-...")
_IMPRINT = re.compile(r"[A-Z][^:;\d]{1,40}:\s*[^:;]{2,80}?,?\s*\(?(?:1[5-9]|20)\d\d\)?\.?"
                      r"(?:\s(?:ISBN|DOI|doi|https?://)[^;]{1,80})?")
# The order of ``Span`` (path, line, column) as a plain tuple: compared in C, not through the
# dataclass's ``__lt__``.
_SPAN_ORDER = attrgetter("span.path", "span.line", "span.column")
_LEAD_IN = re.compile(r"(?i:(?:see(?:\s+also)?|cf\.?|compare|on\s+this,?\s+see)\s+)")


def parse_document(source: SourceText) -> ParsedDocument:
    """Everything the extractor finds in ``source``; never raises on any text."""
    text = source.text
    readings = _Readings()
    is_reference = readings.is_reference
    layout = lay_out(text, split_lines(text), is_reference)
    references: list[Reference] = []
    cites: list[ShortCite] = []
    short: list[_Extent] = []  # bodies and parts of notes to read for short cites
    findings: list[Finding] = []
    lists = _reference_lists(text, layout.notes, is_reference)
    notes, bodies = _notes(source, layout.notes)
    # Every (non-empty) body is read before any is parsed or scanned for short cites: one
    # parser's scans run back to back stay warm in the processor's caches, and interleaved
    # they take markedly longer. ``_read_body`` is then handed each reading made.
    note_readings = [readings.reading(note_body) if note_body else None for note_body in bodies]
    for entry, note_body, reading in zip(layout.notes, bodies, note_readings):
        _read_body(source, entry.start, entry.start + len(note_body), entry.label, readings, references,
                   short, listed=bool(lists) and _list_key(entry) in lists, body=note_body, reading=reading)
    prose = layout.body
    inline: list[tuple[int, int, int, str]] = []
    if "^[" in text:  # Pandoc's inline notes, "^[See Smith, *Title*, 45.]": a note where it is cited
        prose, inline = _inline_notes(text, layout.body)
        for opening, start, end, label in inline:
            notes.append(Note(label, source.span(opening), text[start:end], source.span(start)))
            _read_body(source, *_trimmed(text, start, end), label, readings, references, short)
    for entry in layout.bibliography:
        start, end = _trimmed(text, entry.start, entry.end)
        if entry.section is not None and entry.section.kind is SectionKind.NOTES:
            _read_body(source, start, end, None, readings, references, short)
        elif end > start:
            references.append(_reference(source, start, end, None, readings))
    # The short cites are read once all the references are parsed, for the same reason (the
    # same scans take over half as long again interleaved with the reference parser). Each
    # extent gives its cites in order, and the extents are apart, so cites of two extents
    # never share a span: sorted by span at the end, they come out as in any order of reading.
    for start, end, label in short:
        cites.extend(cites_in_note(source, start, end, label))
    for entry in layout.strays:
        reference = _reference(source, *_trimmed(text, entry.start, entry.end), None, readings)
        references.append(reference)
        findings.append(codes.finding(
            "stray-number", source.span(entry.head.label_start),
            f"stray number {entry.label} before a reference: taken as a copied marker, "
            f"not as note {entry.label}", reference_id=reference.id))
    # gaps of white space alone (a blank line between two entries) are prose extents too,
    # with nothing to find
    body = [(start, end) for start, end in prose if _CONTENT.search(text, start, end)]
    note_labels = [note.label for note in notes]
    markers: list[Marker] = find_markers(source, body, note_labels)
    if inline:  # each inline note is cited where it stands
        markers.extend(Marker(label, source.span(opening), MarkerStyle.FOOTNOTE) for opening, _, _, label in inline)
        markers.sort(key=_SPAN_ORDER)
    cites.extend(paged_marker_cites(source, body, note_labels))  # "[11, p. 135]": a page of note 11's work
    for start, end in body:
        if text.find("(", start, end) >= 0:
            cites.extend(cites_in_text(source, start, end))
    # References from notes alone are in reading order already (the layout gives the notes in
    # reading order, and a note's references start inside it, in order): only those of a
    # bibliography, strays or inline notes, read after all the notes, need the sort (a key per reference).
    if layout.bibliography or layout.strays or inline:
        references.sort(key=_SPAN_ORDER)
    return ParsedDocument(
        path=source.path,
        markers=tuple(markers),
        notes=tuple(notes),
        references=_with_ditto_authors(references),
        short_cites=tuple(sorted(cites, key=_SPAN_ORDER)),
        findings=tuple(findings),
        text=source.text,
    )


# "^[" opening an inline note; its text runs to the matching "]" (brackets inside it balanced)
_INLINE_NOTE = re.compile(r"\^\[")


def _inline_notes(text: str, regions: list[tuple[int, int]]) -> tuple[list[tuple[int, int]], list[tuple[int, int, int, str]]]:
    """The prose ``regions`` without Pandoc's inline notes, and the notes: (where "^[" is,
    where the note's text starts and ends, its label "^1", "^2", ... in reading order)."""
    prose: list[tuple[int, int]] = []
    notes: list[tuple[int, int, int, str]] = []
    for start, end in regions:
        position = start
        for opening in _INLINE_NOTE.finditer(text, start, end):
            if opening.start() < position:
                continue  # inside the note before
            depth, index = 1, opening.end()
            while index < end and depth:
                depth += {"[": 1, "]": -1}.get(text[index], 0)
                index += 1
            if depth:
                break  # never closed: prose, not a note
            notes.append((opening.start(), opening.end(), index - 1, f"^{len(notes) + 1}"))
            prose.append((position, opening.start()))
            position = index
        prose.append((position, end))
    return prose, notes


def _with_ditto_authors(references: list[Reference]) -> tuple[Reference, ...]:
    """``references`` (in reading order), each one written with ditto dashes ("———. Lost in
    the Funhouse. ...") given the authors of the reference before it, as the dashes say: the
    short cites that name them, the registry search and the BibTeX entry need them."""
    for index in range(1, len(references)):
        reference = references[index]
        if not reference.authors and repeats_previous_authors(reference.text):
            references[index] = replace(reference, authors=references[index - 1].authors)
    return tuple(references)


def _notes(source: SourceText, entries: list[Entry]) -> tuple[list[Note], list[str]]:
    """The notes of ``entries``, and their bodies: one slice for each note's text, trimmed as
    ``_trimmed`` trims (``rstrip`` drops the same white space)."""
    text = source.text
    spans_on_line = source.spans_on_line  # a note's label and body start on its first line
    notes = []
    bodies = []
    for entry in entries:
        body = text[entry.start:entry.end].rstrip()
        head = entry.head
        span, body_span = spans_on_line(entry.line, entry.line_start, head.label_start, entry.start)
        section = entry.section
        # Note's fields in order (positional: many are built): label, span, text, body_span,
        # backlinks, section; the text verbatim, so body_span + index is a real offset
        notes.append(Note(entry.label or "", span, body, body_span, head.backlinks,
                          section.name if section is not None else None))
        bodies.append(body)
    return notes, bodies


def _list_key(entry: Entry) -> int | str | None:
    """Which list a note belongs to: its bibliography section, or the Markdown footnotes."""
    if entry.head.footnote:
        return "footnotes"
    if entry.section is not None and entry.section.kind is SectionKind.BIBLIOGRAPHY:
        return id(entry.section)
    return None


def _reference_lists(text: str, entries: list[Entry], is_reference) -> set[int | str]:
    """The lists (numbered entries under one "References" heading, or all the Markdown
    footnotes) whose entries are nearly all full references."""
    counts: dict[int | str, list[int]] = {}
    for entry in entries:
        key = _list_key(entry)
        if key is not None:
            tally = counts.setdefault(key, [0, 0])
            tally[0] += is_reference(text[entry.start:entry.end])
            tally[1] += 1
    return {key for key, (full, total) in counts.items()
            if total >= _LIST_MIN and full >= _LIST_SHARE * total}


def _listed_reference(body: str) -> bool:
    """An entry of a reference list that is no short cite: a URL, or a year among enough words."""
    collapsed = " ".join(body.split())
    if _SHORT_CITE.match(collapsed):
        return False
    return "://" in collapsed or (len(collapsed.split()) >= _LISTED_WORDS
                                  and _YEAR.search(collapsed) is not None)


# A note body or part to read for short cites: start, end and the note's label.
_Extent = tuple[int, int, str | None]


def _read_body(source: SourceText, start: int, end: int, label: str | None, readings: _Readings,
               references: list[Reference], short: list[_Extent], *, listed: bool = False,
               body: str | None = None, reading: Reading | None = None) -> None:
    """A note body ``source.text[start:end]`` (trimmed; ``body`` and its ``reading`` if the
    caller has them): one full reference, or ";"-separated parts that are each a reference
    or cites. In a reference list (``listed``) a body that is no short cite is taken as a
    reference. The references go to ``references``; what is to be read for short cites
    (``cites_in_note``) to ``short``."""
    if end <= start:
        return
    text = source.text
    if body is None:
        body = text[start:end]
    if reading is None:
        reading = readings.reading(body)
    full = reading.is_reference
    if listed and not full and _listed_reference(body) and not (";" in body and _every_part_cites(source, start, end, label)):
        references.append(_reference(source, start, end, label, readings, body, reading))
        return
    if not full:
        short.append((start, end, label))
        return
    if ";" not in body and (", and " not in body or _WORKS_JOINED.search(body) is None):  # no separator: one work
        references.append(_reference(source, start, end, label, readings, body, reading))
        return
    is_reference = readings.is_reference
    parts = _parts(text, start, end)
    if any(_IMPRINT.fullmatch(" ".join(text[a:b].split())) for a, b in parts[1:]):
        parts = parts[:1]  # "Macmillan; New York: St. Martin's Press, 2000.": one work, two publishers
    verdicts = [(a, b, is_reference(text[a:b])) for a, b in parts] if len(parts) > 1 else []
    every_part_read = bool(verdicts) and _every_part_read(source, verdicts, label)
    if verdicts and not every_part_read:
        verdicts = _works_of(source, parts, label, is_reference)
        every_part_read = _every_part_read(source, verdicts, label)
    if not every_part_read:
        references.append(_reference(source, start, end, label, readings, body, reading))  # one with a ";" in it
        return
    for part_start, part_end, full in verdicts:
        if full:
            references.append(_reference(source, part_start, part_end, label, readings))
        else:
            short.append((part_start, part_end, label))


def _every_part_cites(source: SourceText, start: int, end: int, label: str | None) -> bool:
    """Whether each ";" part of a note holds short cites: 'Charlas, "Lyon, 1879-1906," 360; on
    the purge see Halloran, *Lyon Politics*, 45.' is two cites in a notes list, whose year
    ("1879") does not make it an entry of its own."""
    return all(cites_in_note(source, a, b, label) for a, b in _parts(source.text, start, end))


def _every_part_read(source: SourceText, verdicts: list[tuple[int, int, bool]], label: str | None) -> bool:
    """Whether each part is a reference or holds short cites."""
    return all(full or cites_in_note(source, a, b, label) for a, b, full in verdicts)


def _works_of(source: SourceText, parts: list[tuple[int, int]], label: str | None,
              is_reference: Callable[[str], bool]) -> list[tuple[int, int, bool]]:
    """``parts`` joined into the works they belong to, each with its verdict: a part that
    goes on a work not yet complete (neither a reference nor a cite so far) belongs to it.
    CS1 separates a work's authors with ";" as a note separates its works: "Werum, Regina;
    Steidl, Christina (2020). "Title". Journal. 92: 1.; Morash, Merry; Kashy, Deborah A.
    (2022). ..." is two works, not six parts."""
    text = source.text
    works: list[tuple[int, int, bool]] = []
    for a, b in parts:
        if works and not works[-1][2] and not cites_in_note(source, works[-1][0], works[-1][1], label):
            a = works.pop()[0]
        works.append((a, b, is_reference(text[a:b])))
    return works


def _parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``text[start:end]`` split at "; " outside parentheses and quotes, lead-ins dropped."""
    parts = []
    position = start
    for separator in _SEPARATOR.finditer(text, start, end):
        cut = separator.start()
        balanced = text.count("(", position, cut) == text.count(")", position, cut)
        if not text[cut - 1].isdigit() and _EDITORS_GO_ON.match(text, separator.end(), end):
            # inside a CS1 list of editors: "In Tinker, Jack; Zapol, Warren M. (eds.)." (after a
            # page a work ends: "..., S. 30; Höffler (Hrsg.): Brauchen wir ..., S. 1.")
            continue
        if _CREDIT_GOES_ON.search(text, max(position, cut - 80), cut):
            continue  # inside a list of translators: "Translated by Sykes, J. B.; Bell, J. S."
        if balanced and text.count('"', position, cut) % 2 == 0:
            parts.append((position, cut))
            position = separator.end()
    parts.append((position, end))
    parts = [(_after_lead_in(text, a, b), b) for a, b in parts]
    parts = [(a, b) for a, b in parts if b > a]
    # A part that opens with a number goes on with the part before: Vancouver writes
    # "Journal 1994; 21(6): 613-6." and "Berlin: Springer; 2001. p. 312-23.", whose locators
    # are no work of their own.
    # So does an identifier alone ("..., 2015), 12; ISBN 978-0-19-956702-7."), and the part
    # after a meeting's dates, NLM's place of the meeting: "In: Proceedings of
    # ...; 2014 May 27-30; Rhodes, Greece. New York: ACM; 2014." is one work.
    joined: list[tuple[int, int]] = []
    for a, b in parts:
        if joined and (text[a].isdigit() or _MEETING_DATES.search(text, *joined[-1])
                       or _IDENTIFIER_ALONE.match(text, a, b)):
            joined[-1] = (joined[-1][0], b)
        else:
            joined.append((a, b))
    return joined


def _after_lead_in(text: str, start: int, end: int) -> int:
    """Where a part starts once "see also" and the like are skipped: they are not the work."""
    lead_in = _LEAD_IN.match(text, start, end)
    return lead_in.end() if lead_in else start


def _reference(source: SourceText, start: int, end: int, label: str | None, readings: _Readings,
               body: str | None = None, reading: Reading | None = None) -> Reference:
    """``parse_reference``, with a bare record if it fails: one bad entry must not sink the file.
    ``body`` is ``source.text[start:end]`` and ``reading`` its reading when the caller has them."""
    if body is None:
        body = source.text[start:end]
    if reading is None:
        reading = readings.get(body)
    try:
        return parse_reference(source, start, end, note_label=label, reading=reading)
    except Exception:  # noqa: BLE001 - the reference parser is heuristic; keep the rest
        span = source.span(start)
        return Reference(id=f"{span.path}:{span.line}:{span.column}", span=span,
                         text=" ".join(body.split()), note_label=label)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """``start, end`` without trailing whitespace (leading is already skipped)."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


class _Readings:
    """The reference test, remembered per body: the layout and the note reader ask about the
    same bodies, and a body taken as a reference is then built from the same reading
    (``parse_reference(reading=...)``) instead of being scanned and parsed again. Every body
    is a slice of ``SourceText.text`` (a body with its labels cut off is still one), so it is
    read as normalised already."""

    def __init__(self) -> None:
        self._cache: dict[str, Reading] = {}

    def get(self, text: str) -> Reading | None:
        return self._cache.get(text.strip())

    def reading(self, text: str) -> Reading:
        key = text.strip()
        reading = self._cache.get(key)
        if reading is None:
            reading = self._cache[key] = read(key, normalised=True)  # a slice of SourceText.text
        return reading

    def is_reference(self, text: str) -> bool:
        return self.reading(text).is_reference
