"""The layout of a document: which lines are notes, bibliography entries or prose.

One pass over the lines. A heading ("Notes", "References", ...) opens a section whose
entries are notes (numbered lines) or, unnumbered, bibliography entries. Outside sections,
a run of numbered lines is a notes list only when it looks like one: labels rising by one,
citation-like bodies, and no prose after it (or many strong Wikipedia-style lines).
Markdown footnote definitions are notes wherever they are. What is left is prose, the
only place inline markers and parenthetical cites are looked for.

A numbered line outside any notes list whose rest is a full reference ("10 Coox, Alvin D.
(January 1968)...") is a *stray*: its number is a footnote marker glued on in copying.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from operator import attrgetter

from .lines import Line
from .names import NAME_WORD, PARTICLE, UPPER
from .notes import NoteHead, dotted_note_heads, match_note_line
from .sections import Heading, SectionKind, match_heading
from .shortcites import has_short_cite

_BULLET_ONLY = re.compile(r"[-*+•◦‣][ ]+")
# How a bibliography entry (or a stray reference) begins: "Coox, Alvin", "van Ree, E.",
# a quoted title, or the ditto dashes of a repeated author.
_ENTRY_START = re.compile(rf"(?:{PARTICLE}*{NAME_WORD}(?:[ -]{NAME_WORD})?,\s|\"|-{{2,}}|_{{2,}})")
# Other ways a reference opens, for telling a new entry from a wrapped line: initials first
# ("O. Ambacher,", "B. van der Pol", "G Courties, V Seiffart"), Vancouver ("Daugherty CK,",
# "Lin TC."), a name in capitals ("ARNOLDSON,", "UNHCR"), "Becker. Ernest.", given names
# first ("Ruth Shapira.", "Azer Bestavros and"), "ASCE (2005)", or a mark ("† Stone").
_ENTRY_OPENING = re.compile("|".join((
    _ENTRY_START.pattern,
    rf"(?:{UPPER}\.[ -]?){{1,3}} ?{PARTICLE}*{NAME_WORD}",
    rf"{UPPER} {NAME_WORD}, {UPPER} {NAME_WORD}",
    rf"{PARTICLE}*{NAME_WORD}(?:[ -]{NAME_WORD})? {UPPER}{{1,3}}\.?[,.:]",
    rf"{UPPER}{{2,}}\b",
    rf"{NAME_WORD}\. {NAME_WORD}",
    rf"{NAME_WORD}(?: {NAME_WORD}| {UPPER}\.){{0,2}} {NAME_WORD}(?:,| and | & |\. | \()",
    rf"{NAME_WORD} \(\d{{4}}",
    r"[*†‡]",
)))
# A journal and its volume, or a publisher, wrapped onto a line of its own: "Cognition, 38,
# 43 - 102.", "Artificial Intelligence, 84, 277-299.", "Academic Press, London". It opens like
# "Surname, ..." but a number (not a year: "UNHCR, 2015." and "World Bank, 2010." open
# entries) follows the first comma, or the words before it end in a publisher's word (after
# another word: "Press, W. H." opens an entry).
_CONTAINER_LINE = re.compile(r"[^,.\d]{2,60}(?:,\s?(?!(?:1[5-9]|20)\d\d\b)\d{1,4}\b"
                             r"|\s(?:Press|Publishers?|Publishing|Associates|Books|Verlag)(?:,|\.|$))")


# How a line of identifiers alone opens: the end of the entry above, wrapped.
_IDENTIFIER_OPENINGS = ("ISBN", "ISSN", "doi:", "DOI:", "DOI ", "https://doi.org/", "https://dx.doi.org/",
                        "http://dx.doi.org/", "PMID", "PMCID", "JSTOR ", "OCLC ", "arXiv:")


def _opens_note_out_of_sequence(text: str, head: NoteHead, expected: int, previous: Line) -> bool:
    """A bare "14 Ibid., 524." right after a complete note 12: the next note but one, note 13
    missing (a fault to report as such, not a reason to run note 14 into note 12). A body in
    capitals after a line that ended its sentence; a wrapped line goes on in lower case or
    with digits ("19 (3): 405-20.")."""
    # (or the same number again, "2 Natalie Mears, ..." then "2 Nancy Stieber, ...": a duplicate
    # note to report as such, not the second run into the first)
    return (head.label in (str(expected + 1), str(expected - 1)) and text[previous.end - 1:previous.end] == "."
            and text[head.body_start:head.body_start + 1].isupper())


def _opens_entry(text: str, line: Line) -> bool:
    """Whether ``line`` opens the way a reference does (and is no journal's wrapped line, nor
    a chapter's book wrapped onto a line of its own: "In Sarmiento and His Argentina, edited
    by ..."; a Korean family name "In" opens with a comma, "In, J.")."""
    if text.startswith(("In ", "In: "), line.content_start):
        return False
    return (_ENTRY_OPENING.match(text, line.content_start, line.end) is not None
            and _CONTAINER_LINE.match(text, line.content_start, line.end) is None)


# A line that cannot end a reference: it stops on a comma, "and", "In", ...
_DANGLING = re.compile(r"(?:[,;:&-]|\b(?:and|[Ii]n|of|the|by|for|to|eds?\.|pp?\.))$")
# A line that ends on a lone capital and a full stop, an initial or a journal's "J.": no
# entry ends there.
_LONE_INITIAL_END = re.compile(r"(?<![\w.])[A-Z]\.$")
_WIDE = re.compile(r"\S{40,}")  # a line with a word this long (a URL) does not show the wrap width
# A running head or foot copied from a PDF between a list's entries: "Journal of Infrastructure
# Resilience          Page 12", "Journal of X Page 12 of 20", "Page 3" (not a reference's own
# last words: "Bulletin, September 1996. Page 15").
_PAGE_FURNITURE = re.compile(r"(?:[^\n]{0,120}?(?:[ \t]{2,}|\s(?=[Pp]age\s\d{1,4}\s(?:of|/)\s)))?"
                             r"[Pp]age\s\d{1,4}(?:\s(?:of|/)\s\d{1,4})?[ \t]*$", re.MULTILINE)
# A journal's running head, in capitals with its volume, a page number before or after it
# across a gap: "6        IEEE SENSORS AND SYSTEMS LETTERS, VOL. 9, NO. 4, APRIL 2022".
_RUNNING_HEAD = re.compile(r"(?:\d{1,4}[ \t]{2,})?[A-Z][A-Z0-9 &,.:'/-]{6,}?\bVOL\.\s?\d{1,4}\b[A-Z0-9 ,.]*?"
                           r"(?:[ \t]{2,}\d{1,4})?[ \t]*$", re.MULTILINE)
# A journal's running foot in a Vancouver citation of its own pages, a page number before or
# after it across a gap: "58                Crit Care Rehabil Rev 2020;12:45–61".
# (the journal's name in capitalised words only: a one-line reference has its title's own words)
_FOOT_CITE = r"[A-Z][\w.'&-]*(?:\s(?:[A-Z][\w.'&-]*|of|and|the|&)){0,7}\s(?:19|20)\d\d\s?;\s?\d{1,4}(?:\s?\(\d{1,4}\))?\s?:\s?\d{1,5}(?:-\d{1,5})?"
_JOURNAL_FOOT = re.compile(rf"(?:\d{{1,4}}[ \t]{{3,}}{_FOOT_CITE}|{_FOOT_CITE}[ \t]{{3,}}\d{{1,4}})[ \t]*$", re.MULTILINE)
# (and Wikipedia's after its sources: "Coordinates: 56°54′N 74°22′E", "Categories: ...", "Authority control")
_FURNITURE = re.compile(r"(?i:posted by|labels?:|share this|newer post|older post|subscribe to"
                        r"|coordinates:|categories:|hidden categories:|authority control|retrieved from \")")
_ENTRY_ENDINGS = (".", ")", "]", '"', ">")
_ENDS_WITH_IDENTIFIER = re.compile(
    r"(?:https?://\S+|\b(?:doi:\s?)?10\.\d{2,9}(?:\.\d+)*/\S+|\bISBN(?:-1[03])?:?\s?[\dXx][\dXx -]{8,16}"
    r"|\b(?:ISSN|OCLC|JSTOR|PMID|arXiv):?\s?\S+)$")
_BARE_LINES = 50  # entries looked at to decide whether a file is a bare reference list
_BARE_SHARE = 0.9  # ...and the share of them that must read as full references
# "...in 1938.[1]": a footnote marker after punctuation is prose, whatever else the line has.
_MARKER_AFTER_PUNCTUATION = re.compile(r"[.,;:!?\"')]\[\d{1,3}\]")
_START = attrgetter("start")
_BARE_LIST = Heading("(a bare list of references)", SectionKind.BIBLIOGRAPHY)
_QUIET_LINES = 40  # how far past a headless notes list we look for prose
_PROSE_LINE = 200  # a line this long after a notes list is prose
_QUIET_CHARS = 1200  # and so is this much text
_SCAN_WINDOW = 4096  # characters of note lines looked through at once for "12. Text" openings


@dataclass(slots=True)
class Entry:
    """A note, bibliography entry or stray line: ``text[start:end]`` is its body."""

    head: NoteHead | None  # None: an unnumbered bibliography entry
    label: str | None  # the note label (carets numbered by position); None for bib entries
    start: int  # where the body starts (after label, caret, backlinks, bullet)
    end: int  # end of its last line
    line_start: int  # start of its first line
    section: Heading | None
    line: int  # the 1-based number of its first line (its index in the lines laid out, plus one)
    stray: bool = False  # a reference led by a copied marker in a list of unnumbered entries


@dataclass(slots=True)
class Layout:
    notes: list[Entry] = field(default_factory=list)
    bibliography: list[Entry] = field(default_factory=list)
    strays: list[Entry] = field(default_factory=list)  # label = the stray number
    claimed: list[tuple[int, int]] = field(default_factory=list)  # non-prose extents, in order
    body: list[tuple[int, int]] = field(default_factory=list)  # prose extents, in order


def lay_out(text: str, lines: list[Line], looks_like_reference: Callable[[str], bool]) -> Layout:
    """Sort the lines of ``text`` into notes, bibliography entries, strays and prose."""
    return _Walker(text, lines, looks_like_reference).run()


class _Walker:
    """The single pass over the lines (a class only to share text, lines and results)."""

    def __init__(self, text: str, lines: list[Line], looks_like_reference: Callable[[str], bool]):
        self.text = text
        self.lines = lines
        self.is_reference = looks_like_reference
        self.out = Layout()
        self._starts: list[int] | None = None  # line starts, for ``_index``: built when first needed
        self._wrapped: bool | None = None  # whether the current bibliography wraps entries
        self._width: int | None = None  # the longest line of the current bibliography
        self._crowded = 0  # how many of its lines come within a word of that
        self._footnotes_apart = False  # whether footnote definitions were added after later notes

    def run(self) -> Layout:
        text, lines = self.text, self.lines
        section: Heading | None = _BARE_LIST if self._is_bare_list() else None
        index = 0
        first = next((i for i, line in enumerate(lines) if not line.blank), -1)  # the document's first line
        while index < len(lines):
            line = lines[index]
            if line.blank:
                index += 1
                continue
            heading = match_heading(text, line.content_start, line.end)
            if heading is not None and index == first and text.startswith("# ", line.content_start) \
                    and self._prose_follows(index):
                heading = None  # a Markdown document's title, "# Note", over prose: no section of notes
            if heading is not None:
                section = heading if heading.kind is not SectionKind.OTHER else None
                self._claim(line.start, line.end)
                index += 1
            elif section is not None:
                index, ended = self._section(index, section)
                section = None if ended else section
            elif match_note_line(text, line.start, line.end) is not None:
                index = self._headless(index)
            else:
                index += 1
        if self._footnotes_apart:  # only these come out of reading order
            self.out.notes.sort(key=_START)
        self.out.claimed.sort()
        self.out.body = _gaps(self.out.claimed, len(text))
        return self.out

    def _prose_follows(self, index: int) -> bool:
        """Whether the first line with text after line ``index`` is prose: no heading, note
        line or reference."""
        text = self.text
        line = next((line for line in self.lines[index + 1:] if not line.blank), None)
        if line is None or match_heading(text, line.content_start, line.end) is not None:
            return False
        if match_note_line(text, line.start, line.end) is not None:
            return False
        return not self.is_reference(text[line.content_start:line.end])

    def _is_bare_list(self) -> bool:
        """A file of references and nothing else (a pasted reference list with no heading,
        one reference a line or a paragraph): read it as one bibliography. Nearly every
        line that starts an entry must read as a full reference (the few the parser doubts
        are still taken, as in any clear reference list); a heading means a document."""
        text, references, others, previous = self.text, 0, 0, None
        for line in self.lines:
            if line.blank:
                previous = None
                continue
            if match_heading(text, line.content_start, line.end) is not None:
                return False
            if references + others >= _BARE_LINES:
                break
            if previous is None or not _continues_clearly(text, previous, line):
                head = match_note_line(text, line.start, line.end)
                body = text[head.body_start if head else line.content_start:line.end]
                if not _MARKER_AFTER_PUNCTUATION.search(body) and self.is_reference(body):
                    references += 1
                else:
                    others += 1
                    if others >= 5 and references < 9 * others:
                        return False  # prose: stop before reading the whole document
            previous = line
        return references > 0 and references >= _BARE_SHARE * (references + others)

    # --- sections under a heading ------------------------------------------------------

    def _section(self, index: int, section: Heading) -> tuple[int, bool]:
        """Take the entries of a section; True when prose (not a heading) ended it."""
        self._wrapped = self._width = None
        entries, after = self._gather(index, section, unnumbered=True)
        notes, bibliography, claimed = self.out.notes, self.out.bibliography, self.out.claimed
        start = end = -1  # the extent claimed for the entries so far (none yet)
        for entry in entries:
            (self.out.strays if entry.stray else notes if entry.head is not None else bibliography).append(entry)
            if start >= 0 and entry.line_start == end + 1:
                end = entry.end  # on the next line: one extent, as the line break between
                continue  # would be a prose gap with nothing in it
            if start >= 0:
                claimed.append((start, end))  # self._claim, for many entries
            start, end = entry.line_start, entry.end
        if start >= 0:
            claimed.append((start, end))
        if not entries:  # prose right under the heading: leave it to the body
            return index + 1, True
        ended = after < len(self.lines) and match_heading(
            self.text, self.lines[after].content_start, self.lines[after].end) is None
        return after, ended

    # --- numbered lines without a heading ----------------------------------------------

    def _headless(self, index: int) -> int:
        """A group of note lines in prose: a notes list, strays, or just prose."""
        entries, after = self._gather(index, None, unnumbered=False)
        quiet = self._quiet_after(after)
        for run in _runs([e for e in entries if not e.head.footnote]):
            if self._is_notes_list(run, quiet) or self._page_foot_notes(run):
                self.out.notes.extend(run)
                for entry in run:
                    self._claim(entry.line_start, entry.end)
            else:
                for entry in run:
                    if self._is_stray(entry):
                        self.out.strays.append(entry)
                        self._claim(entry.line_start, entry.end)
        for entry in entries:
            if entry.head.footnote:
                self.out.notes.append(entry)
                self._claim(entry.line_start, entry.end)
                self._footnotes_apart = True
        return max(after, index + 1)

    def _is_notes_list(self, run: list[Entry], quiet: bool) -> bool:
        if len(run) < 2 and not run[0].head.strong:
            # one "1 Text" line: a note when it ends the document and is a full reference (a
            # short excerpt with its one note); elsewhere a numbered line of prose, and another
            # number a stray ("10 Coox, Alvin D. ...": a marker copied onto a reference)
            return (quiet and run[0].label == "1"
                    and self.is_reference(self.text[run[0].start:run[0].end]))
        citing = sum(1 for e in run if e.head.strong or self._cites(e))
        if citing * 2 < len(run):
            return False
        return quiet or (len(run) >= 3 and citing * 5 >= len(run) * 4)

    def _page_foot_notes(self, run: list[Entry]) -> bool:
        """Notes at the foot of a PDF's page, copied between its pages' prose: a run whose
        labels go on from the notes read so far (from 1 on the first page) and that all cite.
        (One note alone only where it goes on from others: a lone "1 Text" line is mostly a
        numbered line of prose.)"""
        notes = self.out.notes
        expected = int(notes[-1].label) + 1 if notes and notes[-1].label and notes[-1].label.isdigit() else 1
        if len(run) < 2 and expected == 1:
            return False
        if [e.label for e in run] != [str(n) for n in range(expected, expected + len(run))]:
            return False
        return all(e.head.strong or self._cites(e) for e in run)

    def _cites(self, entry: Entry) -> bool:
        body = self.text[entry.start:entry.end]
        return has_short_cite(body) or self.is_reference(body)

    def _is_stray(self, entry: Entry) -> bool:
        """A reference line led by a number: "10 Coox, Alvin D. (January 1968). ..."."""
        if entry.head.label is None or not entry.head.label.isdigit() or entry.head.strong:
            return False
        if not _ENTRY_START.match(self.text, entry.start, entry.end):
            return False
        return self.is_reference(self.text[entry.start:entry.end])

    def _stray_after(self, current: Entry, head: NoteHead, line: Line, section: Heading | None,
                     index: int) -> Entry | None:
        """The stray entry a "10 Sidorenko, F. A.; ..." line right under the unnumbered entry
        ``current`` is, when it opens like a reference and is one and the entry above is
        complete; else None (its number is a wrapped line's: "19 (3): 405-20.")."""
        candidate = Entry(head, head.label, head.body_start, line.end, line.start, section, index + 1, stray=True)
        if not self._is_stray(candidate) or not self.is_reference(self.text[current.start:current.end]):
            return None
        return candidate

    def _lone_stray_before(self, entries: list[Entry], line: Line, blank_before: bool, unnumbered: bool) -> bool:
        """Whether ``line``, right under the one numbered entry of a reference list (or after
        a blank, with a bullet), starts an unnumbered entry (a bullet, or "Surname, Given" at
        its start) and so shows that entry a stray ("10 Sidorenko, ..." then "• Mitenkov, ..."): then it is marked so."""
        if not unnumbered or len(entries) != 1 or entries[0].stray or entries[0].head is None:
            return False
        if blank_before and not _BULLET_ONLY.match(self.text, line.content_start, line.end):
            return False  # (an indented paragraph after a blank goes on with a note; a bullet starts an entry)
        return self._demoted_to_stray(entries, line)

    def _demoted_to_stray(self, entries: list[Entry], line: Line) -> bool:
        """Whether the one numbered entry read so far was a stray, now that an unnumbered
        entry follows it ("10 Bressan, Paola. 2002. ..." then "Eberman, Carolin, ..."): a
        marker copied onto the first entry of a list, not note 10 of a notes list. If so it
        is marked, and the entries go on unnumbered."""
        if len(entries) != 1 or entries[0].head is None or entries[0].label == "1" or not entries[0].head.weak:
            return False
        bullet = _BULLET_ONLY.match(self.text, line.content_start, line.end)
        opening = bullet.end() if bullet else line.content_start
        if not _ENTRY_START.match(self.text, opening, line.end) or not self._is_stray(entries[0]):
            return False
        entries[0].stray = True
        return True

    def _quiet_after(self, index: int) -> bool:
        """No prose follows: only short lines up to a heading or the end (looked at briefly)."""
        lines, text = self.lines, self.text
        total = 0
        for line in lines[index:index + _QUIET_LINES]:
            if line.blank:
                continue
            if match_heading(text, line.content_start, line.end) is not None:
                return True
            total += line.end - line.start
            if line.end - line.start > _PROSE_LINE or total > _QUIET_CHARS:
                return False
        return index + _QUIET_LINES >= len(lines)

    # --- entries -------------------------------------------------------------------------

    def _gather(self, index: int, section: Heading | None, *, unnumbered: bool) -> tuple[list[Entry], int]:
        """Entries from line ``index`` on, until a heading or a line that belongs to none.

        A note continues over the lines that follow it (wrapped), and over indented lines
        after a blank; a bibliography entry is a line or a wrapped paragraph.
        """
        text, lines = self.text, self.lines
        entries: list[Entry] = []
        current: Entry | None = None
        current_line: Line | None = None  # the first line of ``current``
        previous: Line | None = None
        expected = 1
        blank_before = False
        has_notes = False
        count = len(lines)
        # The heads of the "12. Text" lines ahead are found by one scan of each window of text
        # (not of all the text after: the entries may end on the next line); ``dotted_at`` is
        # where the next one's line starts after its indent. Other lines are read one by one.
        scanned_to = -1
        dotted: Iterator[NoteHead] = iter(())
        dotted_head, dotted_at = None, -1
        while index < count:
            line = lines[index]
            if line.blank:
                blank_before = True
                index += 1
                continue
            if self._running_head_or_foot(line):
                blank_before = True  # a PDF's running head or foot between two entries: no entry
                index += 1
                continue
            if line.start >= scanned_to:
                scanned_to = line.start + _SCAN_WINDOW
                dotted = dotted_note_heads(text, line.start, scanned_to)
                dotted_head = next(dotted, None)
                dotted_at = dotted_head.label_start if dotted_head is not None else -1
            if line.content_start == dotted_at:
                head = dotted_head  # no heading: none opens with a number and "." or ")"
                dotted_head = next(dotted, None)
                dotted_at = dotted_head.label_start if dotted_head is not None else -1
            elif match_heading(text, line.content_start, line.end) is not None:
                break
            else:
                head = match_note_line(text, line.start, line.end)
            stray = (self._stray_after(current, head, line, section, index)
                     if head is not None and head.weak and unnumbered and not blank_before and not has_notes
                     and current is not None and current.head is None else None)
            if stray is not None:  # "10 Sidorenko, F. A.; ..." right under a complete entry
                entries.append(stray)
                current, current_line, previous = stray, line, line
                index += 1
                continue
            if head is not None and current is not None and not blank_before and (
                    (head.weak and (head.label != str(expected) or current.head is None)
                     and not _opens_note_out_of_sequence(text, head, expected, previous))
                    or (current.head is None and not head.strong and head.label != str(expected))):
                head = None  # "19 (3): 405-20.", "1 (1)." or "269. Quoted in" wraps the line above
            elif head is not None and head.weak and head.label != str(expected) and len(head.label) > 3:
                head = None  # "1938. ..." is no note
            if head is not None:
                label = head.label if head.label is not None else str(expected)
                current = Entry(head, label, head.body_start, line.end, line.start, section, index + 1)
                if unnumbered and entries and not has_notes and head.weak and self._is_stray(current):
                    current.stray = True  # "10 Bressan, Paola. 2002. ..." among unnumbered entries
                else:
                    if not head.footnote and label.isdigit():
                        expected = int(label) + 1
                    has_notes = True
            elif current is not None and not (demoted := self._lone_stray_before(entries, line, blank_before, unnumbered)) \
                    and self._continues(current, current_line, previous, line, blank_before):
                current.end = line.end
                previous, blank_before = line, False
                index += 1
                continue
            elif unnumbered and (not has_notes or demoted or self._demoted_to_stray(entries, line)) \
                    and not self._furniture(line):
                body = _BULLET_ONLY.match(text, line.content_start, line.end)
                has_notes = False  # (the one numbered entry, if any, was a stray)
                current = Entry(None, None, body.end() if body else line.content_start,
                                line.end, line.start, section, index + 1)
            else:
                break
            entries.append(current)
            current_line = previous = line
            blank_before = False
            index += 1
        return entries, index

    def _running_head_or_foot(self, line: Line) -> bool:
        """A PDF's page furniture copied between a list's entries: "Journal ...   Page 12", or a
        journal's running head in capitals with its volume. (Each pattern only where a cheap
        test shows it can match: this is asked of every line of a list.)"""
        text, start, end = self.text, line.content_start, line.end
        if text[end - 1:end].isdigit() and text.find("age ", start, end) >= 0 and _PAGE_FURNITURE.match(text, start, end):
            return True
        if text.find(";", start, end) >= 0 and text.find("   ", start, end) >= 0 and _JOURNAL_FOOT.match(text, start, end):
            return True
        return text.find("VOL.", start, end) >= 0 and _RUNNING_HEAD.match(text, start, end) is not None

    def _continues(self, entry: Entry, first: Line, previous: Line, line: Line, blank_before: bool) -> bool:
        """Whether ``line`` goes on with ``entry`` (whose first line is ``first``)."""
        if entry.head is not None and not entry.stray:  # a note: wrapped lines, or indented after a blank
            return not blank_before or line.indent > first.indent
        if blank_before:
            return False
        return not self._starts_entry(entry, previous, line, first.indent)

    def _starts_entry(self, entry: Entry, previous: Line, line: Line, indent: int) -> bool:
        """Whether a line right under a bibliography entry starts a new entry.

        Indentation decides first (hanging indents). At the margin, a line that opens like a
        reference ("Coox, A.", "O. Ambacher", "Lin TC,") starts one when its first word would
        have fitted on the line above: that line break was not a wrap, so one entry per line
        (however long) and hard-wrapped lists are both read right. Otherwise a line goes on
        with the entry above when it clearly continues it: the line above has no closing
        full stop, or this one starts in lower case. In a section that wraps its entries
        that way elsewhere, a wrap can fall after a full stop too: a new entry must look like
        one ("Coox, A.") or follow a line that was not wrapped, and the entry above must be
        complete (a reference, not just "Smith, J., Jones, K." or "Smith, J. A Book.").
        """
        text = self.text
        if _BULLET_ONLY.match(text, line.content_start, line.end):
            return True  # (whatever its indent: "10 Sidorenko ..." at the margin, then " • Samigulov ...")
        if line.indent != indent:
            return False  # a hanging (or first-line) indent: the same entry goes on
        if previous.indent != indent:
            return True  # back at the margin after an indented continuation
        if text.startswith(("--", "__"), line.content_start):
            return True
        if text.startswith(_IDENTIFIER_OPENINGS, line.content_start):
            return False  # a wrapped identifier, "ISBN 978-0-7619-6432-9.": no work of its own
        if self._opens_unwrapped(entry, previous, line):
            return True
        if _continues_clearly(text, previous, line):
            self._wrapped = True
            return False
        if _CONTAINER_LINE.match(text, line.content_start, line.end) is not None:
            return False  # a journal's name and volume, or a publisher: "*Int. J. Psychiatry, 16*(12), 1163-1167."
        if self._wrapped is None:
            self._wrapped = self._section_wraps(previous)
        if not self._wrapped:
            return True
        if not _opens_entry(text, line) and self._fits(previous, line) is not True:
            return False
        return self.is_reference(text[entry.start:previous.end])

    def _opens_unwrapped(self, entry: Entry, previous: Line, line: Line) -> bool:
        """``line`` opens a reference, and its first word would have fitted on ``previous``
        (or ``previous`` is the longest line, and the entry above is a reference already)."""
        if not _opens_entry(self.text, line):
            return False
        fits = self._fits(previous, line)
        return fits if fits is not None else self.is_reference(self.text[entry.start:previous.end])

    def _fits(self, previous: Line, line: Line) -> bool | None:
        """Whether the first word of ``line`` would have fitted on ``previous`` (which does
        not stop on a comma or an "and"): then that line break was no wrap. None when
        ``previous`` is the longest line: nothing tells."""
        text = self.text
        end = _rstripped(text, previous.start, previous.end)
        if _DANGLING.search(text, previous.content_start, end):
            return False
        width = self._width if self._width is not None else self._section_width(previous)
        word = text.find(" ", line.content_start, line.end)
        word = (word if word >= 0 else line.end) - line.content_start
        used = end - previous.start
        if used == width:
            return None if self._crowded < 3 else False
        return used > width or used + 1 + word <= width

    def _section_width(self, line: Line) -> int:
        """The longest line of the section holding ``line`` (lines with a URL aside): the
        width a wrapped section was wrapped at. Also counts the lines that come within a
        word of it: many in a wrapped section, few when each entry has its own line."""
        lines, text = self.lines, self.text
        lengths = []
        for current in lines[self._index(line):]:
            if current.blank:
                continue
            if match_heading(text, current.content_start, current.end) is not None:
                break
            end = _rstripped(text, current.start, current.end)
            if _WIDE.search(text, current.content_start, end) is None:
                lengths.append(end - current.start)
        width = max(lengths, default=0)
        self._crowded = sum(1 for length in lengths if length >= width - 8)
        self._width = width
        return width

    def _section_wraps(self, line: Line) -> bool:
        """Whether the section holding ``line`` wraps entries at the margin somewhere."""
        lines, text = self.lines, self.text
        index = self._index(line)
        previous = None
        for current in lines[index:]:
            if current.blank:
                previous = None
                continue
            if match_heading(text, current.content_start, current.end) is not None:
                break
            if previous is not None and previous.indent == current.indent \
                    and _continues_clearly(text, previous, current) \
                    and not (_opens_entry(text, current) and self._fits(previous, current)):
                return True
            previous = current
        return False

    def _index(self, line: Line) -> int:
        """The index of ``line`` in ``self.lines``."""
        if self._starts is None:  # only wrapped bibliographies ask: most documents never do
            self._starts = [current.start for current in self.lines]
        return bisect.bisect_left(self._starts, line.start)

    def _furniture(self, line: Line) -> bool:
        """Page furniture that ends a bibliography: "No comments:", "Posted by ...", "Share"."""
        content = self.text[line.content_start:line.end]
        if _FURNITURE.match(content):
            return True
        # short, no digit, no comma, no inner full stop: "No comments:", "Share", "Home"
        return (len(content) < 40 and len(content.split()) < 4 and "," not in content
                and "." not in content.rstrip(".") and not any(c.isdigit() for c in content))

    def _claim(self, start: int, end: int) -> None:
        self.out.claimed.append((start, end))


def _continues_clearly(text: str, previous: Line, line: Line) -> bool:
    """A wrapped line: the one above does not end an entry, or this one starts in lower case.

    An entry may end without a full stop when it ends with an identifier (APA's closing
    ``https://doi.org/...``, a bare ISBN): that line ends its entry too.
    """
    first = text[line.content_start]
    if first.islower() or first.isdigit() or first in ",;:)]":
        return True
    if first == "[" and text[line.content_start + 1:line.content_start + 2].isalpha():
        return True  # "[accessed 5 February 2016]", "[online]": a numbered entry opens "[12]"
    above = text[previous.start:previous.end].rstrip()
    if _LONE_INITIAL_END.search(above):
        return True  # "... on the Schwarzschild manifold. J." + "Hyperbolic Differ. Equ., 5(4)"
    return not (above.endswith(_ENTRY_ENDINGS) or _ENDS_WITH_IDENTIFIER.search(above))


def _rstripped(text: str, start: int, end: int) -> int:
    """``end`` moved back over trailing whitespace."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _runs(entries: list[Entry]) -> list[list[Entry]]:
    """Split numbered entries where the numbering restarts or jumps: "10 ...", "1. ...", ..."""
    runs: list[list[Entry]] = []
    previous = -1
    for entry in entries:
        number = int(entry.label) if entry.label and entry.label.isdigit() else -1
        # the same list goes on with the next number, a small gap (a lost note) or a repeat
        if runs and previous >= 0 and previous <= number <= previous + 5:
            runs[-1].append(entry)
        else:
            runs.append([entry])
        previous = number
    return runs


def _gaps(claimed: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    """The extents of ``[0, length)`` not covered by ``claimed`` (sorted)."""
    gaps = []
    position = 0
    for start, end in claimed:
        if start > position:
            gaps.append((position, start))
        if end > position:
            position = end
    if position < length:
        gaps.append((position, length))
    return gaps
