"""Short cites: abbreviated pointers to a full reference, in notes and in running text.

In a note body: ``Coox 1968, p. 407``, ``Coox (1968: 411)``, ``Coox, "L'Affaire," 411``,
``Coox, Nomonhan, 411``, ``Ibid., p. 12``, ``Coox, op. cit., p. 9``, and parentheticals.
In running text only parentheticals are taken, ``(Coox 1968, p. 411)``,
``(Coox 1968; Smith 2001)``, MLA ``(Vsesoiuznoe soveshchanie 298)``, and the narrative
``Coox (1968: 411)`` when a pinpoint or a second author makes it unmistakable: prose is
full of ``Name (1937)`` that are events, not cites.

Every would-be author must be capitalised words that are not a month, a function word or
a numbered thing ("June 1938", "In 1938", "Article 58"); see ``names.is_author_words``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from ..models import ShortCite, ShortCiteStyle, Span
from .names import (
    AUTHORS,
    LETTER,
    LOWER,
    NAME_WORD,
    NOT_AFTER_WORD,
    PAGE_PREFIX,
    PAGES,
    PINPOINT,
    SURNAME,
    UPPER,
    YEAR,
    YEARS,
    is_author_words,
    read_author_words,
    pinpoints,
)
from .source import SourceText

# A parenthesis may wrap onto the next line of hard-wrapped prose ("(Bressan, 2002,\np. 41)"),
# not across a blank line (``_BLANK_LINE``: another paragraph).
_PAREN = re.compile(r"\((?P<inner>[^()]{2,300})\)")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_PART_SPLIT = re.compile(r"\s*;\s*")
_PREFIX = re.compile(r"(?i:(?:see(?:\s+also)?|cf\.?|compare|e\.g\.,?|i\.e\.,?|vgl\.)\s+)")  # (German "Vgl.": cf.)
# (with the original year in brackets after the edition's: "(Denis & Racine 2005 [1971])")
_PART_AUTHOR_YEAR = re.compile(rf"(?P<authors>{AUTHORS}),?\s+(?P<years>{YEARS})(?:\s*\[{YEAR}\])?(?:{PINPOINT})?\.?")
# The usual parenthetical, "(Coox 1968, p. 411)", read with one regex call: ``_PART_AUTHOR_YEAR``
# over the whole of ``(...)`` when it opens with no prefix ("see"). Such an inner text starts
# with a letter (no year alone), has no ";" and no space at either end, so it is the one part
# ``_parts`` would give, and ``_parse_part`` would match it the same way.
_WHOLE_AUTHOR_YEAR = re.compile(rf"(?!{_PREFIX.pattern}){_PART_AUTHOR_YEAR.pattern}")
# MLA gives a first author's initials where two cited authors share a surname: "(R. Martin 12)".
_MLA_INITIALS = rf"(?:{UPPER}\.\s?){{1,3}}"
_PART_MLA = re.compile(
    rf"(?P<authors>(?:{_MLA_INITIALS})?{NAME_WORD}(?:\s+(?:{NAME_WORD}|{LOWER}{LETTER}{{2,}}|&|et\s+al\.)){{0,4}})"
    rf"\s+{PAGE_PREFIX}?(?P<pages>{PAGES})\.?"
)
# A family name of two words before the year, as Spanish and Turkish names are: "(Escamilla
# Ortiz 2020)", "(Özyurt Kılıç 2018, 590)". As often a place or an event ("(Soviet Russia
# 1938)"), so only tentative: a cite where it names a work.
_PART_TWO_WORD_SURNAME = re.compile(rf"(?P<authors>{NAME_WORD}\s{NAME_WORD}),?\s+(?P<years>{YEARS})(?:{PINPOINT})?\.?")
# MLA's author and short title, where an author has two works: '(Elton, "Fluctuations" 101)'.
_PART_MLA_TITLE = re.compile(
    # (the title may wrap onto the next line: '(Renear, "Markup\nSystems" 12)')
    rf"(?P<authors>(?:{_MLA_INITIALS})?{AUTHORS}),\s*\"(?P<title>(?:[^\"\n]|\n(?![ \t]*\n)){{1,150}}?)[,.]?\"\s*"
    rf"(?:{PAGE_PREFIX}?(?P<pages>{PAGES}))?\.?"
)
# ... and a book's short title, italic, which a copy may have lost or kept as Markdown
# emphasis: "(Conquest, Great Terror 45)", "(Conquest, *Great Terror* 45)".
_PART_MLA_BOOK_TITLE = re.compile(
    rf"(?P<authors>(?:{_MLA_INITIALS})?{AUTHORS}),\s*(?P<em>\*{{1,2}}|_{{1,2}})?(?P<title>{UPPER}[^,;()\"*_\d\n]{{0,80}}?)"
    rf"(?(em)(?P=em))\s+{PAGE_PREFIX}?(?P<pages>{PAGES})\.?"
)
_YEAR_ONLY = re.compile(rf"(?P<years>{YEARS})(?:{PINPOINT})?")  # "(1968: 411)", "(1968a, 1968b)"
# The page after a narrative cite's bracketed year, ending the note or its ";" part.
# The rest of a sentence up to its page in brackets, with no other bracket or sentence end
# before it: ' argues that honour pricing works (p. 540)', ' put it, "a market" (pp. 540-1)'.
_DETACHED_PAGE = re.compile(rf"(?:(?![.!?]\s+[A-Z])[^()\n]){{0,300}}?\(pp?\.\s?(?P<pages>{PAGES})\)")
_PINPOINT_AFTER_YEAR = re.compile(rf"{PINPOINT}\.?\s*(?:;|$)")
_AUTHORS_BEFORE = re.compile(rf"{NOT_AFTER_WORD}(?P<authors>{AUTHORS})\s*\Z")
_YEAR_IN = re.compile(rf"(?P<year>{YEAR})(?P<suffix>[a-z]?)")
_NUMBERISH_YEAR = re.compile(rf"{YEAR}(?!\d)")

# (and its Italian "Ivi", German "Ebd." / "Ebenda")
_IBID = re.compile(rf"(?<!\w)(?:(?i:ibid(?:em)?)|Ivi|[Ee]bd|[Ee]benda)\.?(?:,?\s*{PAGE_PREFIX}?(?P<pages>{PAGES}))?")
# GOST's "Там же. С. 380." (the same place): Russian for ibid.
_TAM_ZHE = re.compile(rf"(?<!\w)[Тт]ам\s+же\.?(?:,?\s*{PAGE_PREFIX}?(?P<pages>{PAGES}))?")
# (and French "art. cit.", German "a. a. O."; French notes put the short title before it:
# "Bloch, Les Rois thaumaturges, op. cit., p. 52.", "Le Goff, « Le temps du travail », art. cit.")
_OP_CIT = re.compile(rf"(?:{NOT_AFTER_WORD}(?P<authors>{AUTHORS})"
                     rf"(?:,\s+(?P<title>\"[^\"\n]{{1,200}}?\"|{UPPER}[^,;\"()\n]{{0,80}}?),|,)?\s+)?"
                     r"(?i:(?:op|loc|art)\.\s?cit\.|a\.\s?a\.\s?O\.)"
                     rf"(?:,?\s*{PAGE_PREFIX}?(?P<pages>{PAGES}))?")
# Oxford's and OSCOLA's short title in single quotes, straight or curly (an apostrophe inside
# is one before a letter: 'Stalin's Army'): "Goudriaan, 'Devotio Moderna and Commemoration', 160."
_AUTHOR_SINGLE_QUOTED_TITLE = re.compile(
    rf"{NOT_AFTER_WORD}(?P<authors>{AUTHORS}),\s*['\u2018](?P<title>(?:[^'\u2018\u2019\n]|['\u2019](?=\w)){{1,200}}?)[,.]?['\u2019](?!\w)"
    rf"(?:\s*,?\s*{PAGE_PREFIX}?(?P<pages>{PAGES}))?(?=\s*(?:[.;,]|$))")
# German humanities' short note, the authors (joined by "/") and a colon before the short title:
# "Lindenberger: Straßenpolitik, S. 45.", "Denis/Racine: La conjoncture politique, S. 7-12."
# Whole notes (or ";" parts) only, like _SHORT_TITLE.
_SLASHED_AUTHORS = rf"(?P<authors>{SURNAME}(?:/{SURNAME}){{0,4}})"
_COLON_TITLE = re.compile(
    rf"{_SLASHED_AUTHORS}(?:\s\((?:Hrsg|Hg|eds?)\.\))?:\s+"
    rf"(?P<title>{UPPER}[^;\"()\n]{{0,120}}?),\s*{PAGE_PREFIX}?(?P<pages>{PAGES})\.?")
# The same with the note that gave the full reference named ("wie Anm. 4": as in note 4), with or
# without the short title: "Kaltizkus: Ethnologin (wie Anm. 4), S. 361.", "Kaltizkus (wie Anm. 4), S. 361."
_SEE_NOTE = re.compile(
    rf"{_SLASHED_AUTHORS}(?::\s+(?P<title>{UPPER}[^;\"()\n]{{0,120}}?))?"
    rf"\s\((?:wie|s\.|siehe|vgl\.)\sAnm\.\s?\d{{1,4}}\),\s*{PAGE_PREFIX}?(?P<pages>{PAGES})(?:\s?ff?\.)?\.?")
_AUTHOR_TITLE = re.compile(
    rf"{NOT_AFTER_WORD}(?P<authors>{AUTHORS}),\s*\"(?P<title>[^\"\n]{{1,200}}?)[,.]?\""
    rf"(?:\s*,?\s*{PAGE_PREFIX}?(?P<pages>{PAGES}))?(?=\s*(?:[.;,]|$))"
)
_NARRATIVE = re.compile(rf"{NOT_AFTER_WORD}(?P<authors>{AUTHORS})\s*\((?P<years>{YEARS})"
                        rf"(?:{PINPOINT})?\)")
_BARE = re.compile(rf"{NOT_AFTER_WORD}(?P<authors>{AUTHORS}),?\s+(?P<years>{YEARS})(?:{PINPOINT})?")
# Chicago short form with an italic title lost in copying: "Coox, Nomonhan, 411.", or kept
# as Markdown emphasis: "Coox, *Nomonhan*, 411." Only taken when it is the whole of a note
# (or of one ";" part), as the form is otherwise too loose.
# (and a review's: "Bowman, review of Latvijas Vēsture, 1558.", "Neuberg, review essay, 510.")
_SHORT_TITLE = re.compile(rf"(?P<authors>{AUTHORS}),\s+(?P<em>\*{{1,2}}|_{{1,2}})?"
                          rf"(?P<title>(?:[Rr]eview\sof\s)?{UPPER}[^,;\"()\n*]{{0,80}}?|[Rr]eview(?:\sessay)?)(?(em)(?P=em)),\s*"
                          rf"{PAGE_PREFIX}?(?P<pages>{PAGES})\.?")
# ... with a name of several capitalised words, as Chicago writes Chinese names whole and keeps
# a surname's particles: "Li Feng, Bureaucracy and the State, 45.", "Le Roy Ladurie, *Montaillou*,
# 45." Tried last (``AUTHORS`` takes no two bare capitalised words for one surname).
_FULL_NAME_SHORT_TITLE = re.compile(
    _SHORT_TITLE.pattern.replace(f"(?P<authors>{AUTHORS})", rf"(?P<authors>{NAME_WORD}(?:\s+{NAME_WORD}){{1,2}})", 1))
# The remark before a short cite that ends a note: "On the purge of the clergy see ".
_REMARK_THEN_SEE = re.compile(r"[^;\"*_()]{0,160}?\s(?:see(?:\salso)?|cf\.)\s+(?=[A-Z])")
# Chicago's shortest note, the author alone when one work of theirs is cited: "Coox, 411.",
# "Coox and Hiroaki, pp. 40-45." Whole notes (or ";" parts) only, like _SHORT_TITLE.
_AUTHOR_PAGE = re.compile(rf"(?P<authors>{AUTHORS}),\s+{PAGE_PREFIX}?(?P<pages>{PAGES})\.?")
_MAYBE_CITE = re.compile(r"\d|\"|bid|cit|там|ivi|ebd|a\. a\. o\.", re.IGNORECASE)
# Before an author-year in a note, the end of an imprint or a place: a colon or "of", then
# capitalised words. "Free Press, 1973" of "New York: Free Press, 1973" and "Paulo, 2013" of
# "University of São Paulo, 2013" are publication facts, not short cites (a note that is not
# read as a reference may still hold them). "See: Coox 1968" has no word between.
_IMPRINT_BEFORE = re.compile(r"(?::|\bof)\s+(?:[A-ZÀ-Þ][\w'’.&-]*\s+){1,3}\Z")
_PLURAL_AUTHORS = re.compile(r"\s(?:and|&|et\s+al|et|und|y|e|en|og|och)\b")
# What makes "Name (Year)" in running text a cite of a work when neither a pinpoint nor a
# second author shows it: a verb of reporting right after ("Kahneman (2011) argued"), or
# "according to" / "As" before it ("As Kahneman (2011) notes,"). "Munich (1938)" or "the
# Party (1938)" is a place or a body with a date, no cite, and must not become an orphan.
_REPORTING_VERB = re.compile(
    r"\s(?:also\s|further\s|first\s|has\s|have\s|had\s)?(?:argu|show|suggest|not(?:e|ed|es|ing)\b|"
    r"claim|write|wrote|observ|report|propos|demonstrat|describ|defin|stat(?:e|ed|es)\b|point|contend|"
    r"conclud|maintain|assert|emphasi[sz]|explain|estimat|identif|examin|discuss|develop|insist|"
    r"remark|recall|reject|criticiz|criticis|challeng|question|distinguish|"
    r"f(?:ound|inds?)\b|review|give|gave|treat|read(?:s)?\b|remain|remind|stud(?:y|ied|ies)\b|"
    r"measur|reconstruct|trac|document|interpret|offer|provid|present|highlight|caution|warn|"
    r"plac(?:e|ed|es)\b|reframe|set(?:s)?\sout|outlin|sketch|situat|mak(?:e|es)\b|made\b|call(?:s|ed)?\b)")
_REPORTED_BY = re.compile(r"\b(?:[Aa]ccording\sto|As|[Ff]ollowing)\s\Z")
# ("the Commission (1952) reported": a body and the year of its report, which the author may
# name without citing it)
_ARTICLE_BEFORE = re.compile(r"\b[Tt]he\s\Z")

# The note patterns in the order they are run, each with the words one of which it needs in
# the note (lower case; "" for the last, which needs nothing) to match at all: most notes run
# only the last. (One entry per pattern: a note with two of its words runs it once.)
_NOTE_PATTERNS = ((_IBID, ShortCiteStyle.IBID, ("bid", "ivi", "ebd")), (_TAM_ZHE, ShortCiteStyle.IBID, ("там",)),
                  (_OP_CIT, ShortCiteStyle.OP_CIT, ("cit", "a. a. o.")),
                  (_AUTHOR_TITLE, ShortCiteStyle.AUTHOR_TITLE, ('"',)),
                  (_AUTHOR_SINGLE_QUOTED_TITLE, ShortCiteStyle.AUTHOR_TITLE, ("'", "\u2018")),
                  (_BARE, ShortCiteStyle.AUTHOR_YEAR, ("",)))

# (extent start, extent end, cites): extents decide overlaps between the patterns.
_Found = tuple[int, int, list[ShortCite]]


def cites_in_note(source: SourceText, start: int, end: int, note_label: str | None) -> list[ShortCite]:
    """The short cites in a note body ``source.text[start:end]``, in reading order."""
    text = source.text
    body = text[start:end]  # a note: short
    if not _MAYBE_CITE.search(body):
        return []
    found: list[_Found] = list(_parentheticals(source, start, end, note_label, narrative=True)) \
        if "(" in body else []
    lowered = body.lower()
    for pattern, style, needed in _NOTE_PATTERNS:
        for word in needed:  # (a loop, not any(): this runs for every note)
            if word in lowered:
                break
        else:
            continue
        for match in pattern.finditer(text, start, end):
            # (at the start of the body there is nothing before it to search: most notes)
            if style is _AUTHOR_YEAR and match.start() > start and _IMPRINT_BEFORE.search(
                    text, max(start, match.start() - 80), match.start()):
                continue
            cites = _from_match(source, match, style, note_label)
            if cites:
                found.append((match.start(), match.end(), cites))
    if not found:
        found.extend(_short_titles(source, start, end, note_label))
    elif ";" in body:  # 'Renear, "Representing Text," 232; Boggs, Ecology and Revolution, 88.': the part left
        extents = [(a, b) for a, b, _ in found]
        found.extend(item for item in _short_titles(source, start, end, note_label)
                     if not any(a < item[1] and item[0] < b for a, b in extents))
    return _without_overlaps(found)


# looked up once: an enum member lookup costs a call
_PARENTHETICAL = ShortCiteStyle.PARENTHETICAL
_AUTHOR_YEAR = ShortCiteStyle.AUTHOR_YEAR


def cites_in_text(source: SourceText, start: int, end: int) -> list[ShortCite]:
    """Parenthetical (and unmistakable narrative) cites in running text, in reading order."""
    if source.text.find("(", start, end) < 0:
        return []
    return [cite for _, _, cites in _parentheticals(source, start, end, None, narrative=False)
            for cite in cites]


def has_short_cite(text: str) -> bool:
    """Whether ``text`` holds something shaped like a short cite (for telling notes from lists)."""
    if not _MAYBE_CITE.search(text):
        return False
    return any(pattern.search(text) for pattern in (_BARE, _IBID, _OP_CIT, _AUTHOR_TITLE, _NARRATIVE))


# --- parentheticals -------------------------------------------------------------------


def _parentheticals(source: SourceText, start: int, end: int, note_label: str | None,
                    *, narrative: bool) -> Iterator[_Found]:
    """Cites in ``(...)`` groups: each ";" part parsed on its own; "Name (1968: 4)" too."""
    text = source.text
    for paren in _PAREN.finditer(text, start, end):
        inner_start, inner_end = paren.span("inner")
        if text.find("\n", inner_start, inner_end) >= 0 and _BLANK_LINE.search(text, inner_start, inner_end):
            continue
        # (not across a ";", which AUTHORS allows for ABNT's capitals: ``_parts`` splits there first)
        whole = (_WHOLE_AUTHOR_YEAR.fullmatch(text, inner_start, inner_end)
                 if text.find(";", inner_start, inner_end) < 0 else None)
        if whole is not None:  # the usual cite, without the steps below (what they would make of it)
            cites = _from_match(source, whole, _PARENTHETICAL, note_label)
            if cites:
                yield paren.start(), paren.end(), cites
            continue
        # a year (names.YEAR: 1500-2099) starts with "1" or "2": "(Coox 1968)" skips the pattern
        year_only = _YEAR_ONLY.fullmatch(text, inner_start, inner_end) if text[inner_start] in "12" else None
        if year_only is not None:
            found = _narrative_before(source, paren, year_only, start, end, note_label, narrative)
            if found is not None:
                yield found
            continue
        cites: list[ShortCite] = []
        for part_start, part_end in _parts(text, inner_start, inner_end):
            found = _parse_part(source, part_start, part_end, note_label)
            if not found and cites and text[part_start] in "12":
                found = _same_authors_again(source, part_start, part_end, cites[-1])
            cites += found
        if cites:
            yield paren.start(), paren.end(), cites


def _parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Offsets of the ";"-separated parts of ``text[start:end]``, stripped, prefix removed."""
    if text.find(";", start, end) < 0:  # every separator has a ";": one part (the common case)
        part = _part(text, start, end)
        return [part] if part is not None else []
    parts = []
    position = start
    for separator in _PART_SPLIT.finditer(text, start, end):
        part = _part(text, position, separator.start())
        if part is not None:
            parts.append(part)
        position = separator.end()
    part = _part(text, position, end)
    if part is not None:
        parts.append(part)
    # ABNT separates the authors themselves with ";": "(TEIXEIRA; MACHADO; VIEIRA, 2003)". A
    # part of capitals alone, with no digit, opens the next part's author list.
    merged: list[tuple[int, int]] = []
    opens_next = False  # whether the part before was capitals alone
    for part_start, part_end in parts:
        if merged and opens_next:
            merged[-1] = (merged[-1][0], part_end)
        else:
            merged.append((part_start, part_end))
        opens_next = _AUTHOR_ONLY_PART.fullmatch(text, part_start, part_end) is not None
    return merged


_AUTHOR_ONLY_PART = re.compile(rf"{UPPER}[{UPPER[1:-1]}'\-]+(?:\s+{UPPER}[{UPPER[1:-1]}'\-]+)?")


def _part(text: str, start: int, end: int) -> tuple[int, int] | None:
    """``text[start:end]`` stripped and without its prefix ("see also"), or None if empty."""
    while start < end and text[start].isspace():
        start += 1
    prefix = _PREFIX.match(text, start, end)
    if prefix:
        start = prefix.end()
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def _parse_part(source: SourceText, start: int, end: int, note_label: str | None) -> list[ShortCite]:
    """One part of a parenthetical: "Coox 1968, p. 411" or MLA "Vsesoiuznoe soveshchanie 298"."""
    text = source.text
    match = _PART_AUTHOR_YEAR.fullmatch(text, start, end)
    if match is not None:
        return _from_match(source, match, _PARENTHETICAL, note_label)
    if '"' in text[start:end]:
        match = _PART_MLA_TITLE.fullmatch(text, start, end)
        if match is not None:
            return _from_match(source, match, _PARENTHETICAL, note_label)
    if text.find(",", start, end) >= 0:
        match = _PART_MLA_BOOK_TITLE.fullmatch(text, start, end)
        if match is not None and not _NUMBERISH_YEAR.match(match.group("pages")):
            cites = _from_match(source, match, _PARENTHETICAL, note_label)
            # an emphasised title after a name is a cite, whoever the name is; without emphasis,
            # "(Kyiv, Ukraine 12)" might be a place: an orphan only if the name is an author here
            emphasised = bool(match.group("em"))
            return [replace(cite, tentative=not emphasised) for cite in cites]
    match = _PART_MLA.fullmatch(text, start, end)
    if match is None or _NUMBERISH_YEAR.match(match.group("pages")):
        two_words = _PART_TWO_WORD_SURNAME.fullmatch(text, start, end)
        if two_words is not None:  # "(Escamilla Ortiz 2020)": linked if it names a work, never an orphan
            return [replace(cite, tentative=True) for cite in _from_match(source, two_words, _PARENTHETICAL, note_label)]
        return []  # "(January 1968)": a date, not an author and a page
    authors = " ".join(match.group("authors").split())  # (one line, if it wrapped)
    if not is_author_words(authors):
        return []
    # an acronym and a number, "(APA 7)", "(ISO 9001)", is a cite only where a work is listed
    # under the acronym: an edition or a standard's number otherwise, no orphan
    acronym = authors.isupper() and " " not in authors
    return [ShortCite(source.span(start), " ".join(text[start:end].rstrip(".").split()), ShortCiteStyle.PARENTHETICAL,
                      author=authors, pinpoints=pinpoints(match.group("pages")),
                      note_label=note_label, tentative=acronym)]


def _same_authors_again(source: SourceText, start: int, end: int, before: ShortCite) -> list[ShortCite]:
    """A part that is a year alone cites another work of the authors before it: "1992b" of
    "(Gregory 1992a, 7; 1992b)"."""
    year = _YEAR_ONLY.fullmatch(source.text, start, end)
    if year is None or before.author is None:
        return []
    return [ShortCite(source.span(found.start()), f"{before.author} {found.group()}", ShortCiteStyle.PARENTHETICAL,
                      before.author, int(found.group("year")), found.group("suffix"),
                      pinpoints=pinpoints(year.group("pages")), note_label=before.note_label)
            for found in _YEAR_IN.finditer(source.text, start, year.end("years"))]


def _narrative_before(source: SourceText, paren: re.Match, year_only: re.Match, floor: int, ceiling: int,
                      note_label: str | None, lenient: bool) -> _Found | None:
    """"Coox (1968: 411)": the authors right before a parenthesis that holds only a year.

    In running text (``lenient`` False) the cite needs a pinpoint, several authors or a verb
    of reporting. In a note (``lenient``) the page may follow the bracket, as Wikipedia's
    short notes write it: "Coox (1968), p. 407.", "Smallegan et al. (2016): 200."
    """
    authors = _AUTHORS_BEFORE.search(source.text, max(floor, paren.start() - 150), paren.start())
    if authors is None:
        return None
    names = authors.group("authors")
    if not lenient and year_only.group("pages") is None and not _PLURAL_AUTHORS.search(names):
        text, before = source.text, max(floor, authors.start() - 14)
        if (not (_REPORTING_VERB.match(text, paren.end()) or _REPORTED_BY.search(text, before, authors.start()))
                or _ARTICLE_BEFORE.search(text, before, authors.start())):
            return None
    verdict = read_author_words(names)
    if verdict is False:
        return None
    if names.endswith("'s"):
        names = names[:-2]  # the authors' possessive names them: "As Rejeski's (2013) essay shows"
    pages, stop = year_only.group("pages"), paren.end()
    if pages is None and lenient:
        after = _PINPOINT_AFTER_YEAR.match(source.text, stop, ceiling)
        if after is not None:
            pages, stop = after.group("pages"), after.end("pages")
    elif pages is None and source.text.find("(p", stop, ceiling) >= 0:
        # APA's page at the end of the sentence: 'Levitt (2016) argues that ... (p. 540).'
        # (the cite's span stays the author's and year's: the page is the rest of the sentence's)
        detached = _DETACHED_PAGE.match(source.text, stop, ceiling)
        if detached is not None:
            pages = detached.group("pages")
    cites = _one_per_year(source, year_only, source.span(authors.start()),
                          " ".join(source.text[authors.start():stop].split()), _AUTHOR_YEAR,
                          " ".join(names.split()), None, pinpoints(pages), note_label, verdict is None)
    return authors.start(), stop, cites


# --- building records -----------------------------------------------------------------


def _from_match(source: SourceText, match: re.Match, style: ShortCiteStyle,
                note_label: str | None) -> list[ShortCite]:
    """ShortCites from a pattern's match: one per year ("Coox 1968a, 1968b" gives two)."""
    groups = match.groupdict()  # those of authors, title, pages, years the pattern has
    authors = groups.get("authors")
    text = match.group().rstrip()
    if "\n" in text or "  " in text:  # wrapped onto the next line, "Fontaine et\nal. 152", or a masked link's blanks
        text = " ".join(text.split()).replace(" ,", ",")
        authors = " ".join(authors.split()) if authors is not None else None
    verdict = read_author_words(authors) if authors is not None else True
    if verdict is False:
        return []
    tentative = verdict is None
    if style is _PARENTHETICAL:
        text = text.rstrip(".")  # the full stop of "(Coox 1968, p. 4.)" is not the cite's
    span = source.span(match.start())
    title = groups.get("title")
    if title is not None:
        title = _title(title)
    pages = pinpoints(groups.get("pages"))
    years = groups.get("years")
    if years is None or len(years) == 4:  # no year, or one without a letter (each YEAR has four digits)
        # ShortCite's fields in order (positional: many are built): span, text, style,
        # author, year, year_suffix, short_title, pinpoints, note_label, tentative
        return [ShortCite(span, text, style, authors, int(years) if years else None, "", title, pages,
                          note_label, tentative)]
    return _one_per_year(source, match, span, text, style, authors, title, pages, note_label, tentative)


def _one_per_year(source: SourceText, match: re.Match, span: Span, text: str, style: ShortCiteStyle,
                  authors: str, title: str | None, pages: tuple[str, ...], note_label: str | None,
                  tentative: bool) -> list[ShortCite]:
    """One ShortCite per year of ``match``'s "years" group. The first is placed at the cite
    (``span``, its author); each later one ("1968b" of "Coox 1968a, 1968b") at its own year,
    so that what is said of it points at it."""
    offset = match.start("years")
    cites = []
    for year in _YEAR_IN.finditer(match.group("years")):
        where = span if not cites else source.span(offset + year.start())
        cites.append(ShortCite(where, text, style, authors, int(year.group("year")), year.group("suffix"),
                               title, pages, note_label, tentative))
    return cites


def _title(title: str | None) -> str | None:
    return " ".join(title.strip(' "').rstrip(",.").split()) or None if title else None


def _short_titles(source: SourceText, start: int, end: int, note_label: str | None) -> Iterator[_Found]:
    """"Coox, Nomonhan, 411." or "Coox, 411." as the whole note, or one ";" part of it."""
    text = source.text
    for part_start, part_end in _parts(text, start, end):
        match = _SHORT_TITLE.fullmatch(text, part_start, part_end)
        if match is None and (text.find(" see ", part_start, part_end) >= 0 or text.find(" cf. ", part_start, part_end) >= 0):
            # a remark that ends on the cite: "On the purge see Halloran, *Lyon Politics*, 45."
            lead = _REMARK_THEN_SEE.match(text, part_start, part_end)
            if lead is not None:
                match = _SHORT_TITLE.fullmatch(text, lead.end(), part_end)
                if match is not None:
                    part_start = lead.end()
        see_note = match is None and text.find("Anm.", part_start, part_end) >= 0
        if see_note or (match is None and text.find(": ", part_start, part_end) >= 0):
            match = (_SEE_NOTE if see_note else _COLON_TITLE).fullmatch(text, part_start, part_end)
            if match is not None:
                cites = _from_match(source, match, ShortCiteStyle.AUTHOR_TITLE, note_label)
                if cites:  # "Denis/Racine" is "Denis and Racine" to the linker
                    yield part_start, part_end, [replace(c, author=c.author.replace("/", " and ")) for c in cites]
                continue
        if match is None:
            match = _FULL_NAME_SHORT_TITLE.fullmatch(text, part_start, part_end)
        if match is None:
            match = _AUTHOR_PAGE.fullmatch(text, part_start, part_end)
            if match is None or _NUMBERISH_YEAR.match(match.group("pages")):
                continue  # ("Moscow, 1938.": a place and a year)
        elif _NUMBERISH_YEAR.fullmatch(match.group("title")):
            continue
        cites = _from_match(source, match, ShortCiteStyle.AUTHOR_TITLE, note_label)
        if cites:
            yield part_start, part_end, cites


def _without_overlaps(found: list[_Found]) -> list[ShortCite]:
    """Keep the earliest (then longest) of overlapping finds, in reading order."""
    if len(found) == 1:
        return found[0][2]  # most notes: one find, nothing to overlap
    found.sort(key=lambda item: (item[0], -item[1]))
    kept: list[ShortCite] = []
    reached = -1
    for start, end, cites in found:
        if start >= reached:
            kept.extend(cites)
            reached = end
    return kept
