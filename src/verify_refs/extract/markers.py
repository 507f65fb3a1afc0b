"""Inline note markers in prose: ``[8]``, ``[8, 9]``, ``[3-5]``, ``[^id]``, ``⁸`` and glued digits.

Glued digits are superscripts that lost their formatting in copying: ``1938.1 Trotsky``,
``Sedov2``, ``communism."5``. Any digit after a word could be one ("B52", "COVID19"), so
they count only as a *rising sequence* in reading order (1, 2, 3, ... each +1, from 1 or
from the smallest note label), and only in a document that has no explicit markers. A
false marker is worse than a missed one.

Spans point at the marker as written: the ``[`` of a bracket group (later labels of a
list at their own digits), the ``[`` of ``[^id]``, the superscript, the glued digits.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import repeat
from operator import attrgetter, itemgetter

from ..models import Marker, MarkerStyle, ShortCite, ShortCiteStyle
from .notes import AFTER_WRAPPED_MARKER, SUPERSCRIPT_DIGITS
from .source import MARKDOWN_SUFFIXES, SourceText

Region = tuple[int, int]

# A bracket group. Its first alternative, "simple", is the common marker that needs no Python
# step: one to three ASCII digits without a leading zero (the label as written, under 4 digits),
# after a character that is not a space, line break or "]" (so neither at a line start nor a
# link's target). It matches only what the general alternative would, with the same extent.
_BRACKET = re.compile(r"\[(?P<inner>(?<=[^ \n\]]\[)(?P<simple>[1-9][0-9]{0,2})(?=\])"
                      r"|[ ]?\d{1,4}(?:[ ]?[,-][ ]?\d{1,4}){0,20}[ ]?)\]")
_SIMPLE_LABEL = itemgetter("simple")
_MATCH_START = re.Match.start
# A numbered marker with the page it cites (IEEE, Vancouver): "[11, p. 135]", "[3, pp. 40-42]".
# The marker is note 11's; the page is checked against the range of note 11's work.
# "[11, p. 135]", and Wikipedia's page after its marker ({{rp}}, "[13]: 612" as copied, and
# "[13]       :612" as a saved page's "[[13]](#cite_note-13):612" reads once its link is masked)
_PAGED = re.compile(r"\[(?P<label>[1-9]\d{0,3})(?:,\s?pp?\.\s?(?P<pages>\d{1,5}(?:\s?-\s?\d{1,5})?)\]"
                    r"|\][ ]*:\s?(?P<rp>\d{1,5}(?:\s?-\s?\d{1,5})?)(?![\d-]))")
# AMA's page after a superscript marker, the superscript lost in copying: "Gupta et al1(p61)",
# "shown.4(pp12-14)" (after a word, or a word and its closing mark: not "1938.1(p5)")
_AMA_PAGED = re.compile(r"(?:(?<=[^\W\d_])|(?<=[^\W\d_][.,;:)\]\"'’”]))"
                        r"(?P<label>[1-9]\d{0,2})\(pp?\s?(?P<pages>\d{1,5}(?:-\d{1,5})?)\)")
_ITEM = re.compile(r"(?P<first>\d{1,4})(?:[ ]?[-\u2013][ ]?(?P<last>\d{1,4}))?")
# Labels and ranges of labels, as ``_ITEM`` reads them: "7,8", "1-6", "2, 5–7".
_LABEL_LIST = r"\d{1,3}(?:[ ]?[,\-\u2013][ ]?\d{1,3}){0,20}"
# Superscript written as markup: Pandoc's "^7,8^" and HTML's "<sup>1-6</sup>" (AMA's markers).
# Not after a digit: "10^6^ cells" is a power.
# (with AMA's page inside: "^2(p400)^", "<sup>3(pp12-14)</sup>")
_MARKUP_SUPERSCRIPT = re.compile(rf"(?<!\d)(?:\^|<sup>)(?P<inner>{_LABEL_LIST})"
                                 r"(?:\(pp?\s?(?P<pages>\d{1,5}(?:[-\u2013]\d{1,5})?)\))?(?:\^|</sup>)")
# "[a]" after a word, punctuation or another marker; not "[a]nd" nor a Markdown link "[a](url)"
_LETTERED = re.compile(r"(?<=[^\s\[])\[(?P<letter>[a-z]{1,2})\](?![\w(])")
_FOOTNOTE = re.compile(r"\[\^(?P<id>[^\]\s\[]{1,100})\](?!:)")
# One to three superscript digits, written as one and up to two more: a pattern that starts with
# a character class lets the engine scan for that class quickly (the same matches as {1,3}).
_SUPERSCRIPT = re.compile(f"[{SUPERSCRIPT_DIGITS}][{SUPERSCRIPT_DIGITS}]{{0,2}}(?![{SUPERSCRIPT_DIGITS}])")
_FROM_SUPERSCRIPT = str.maketrans(SUPERSCRIPT_DIGITS + "\u207b", "0123456789-")
# AMA's page in superscript after its marker: "²⁽ᵖ³²⁵⁾", "³⁽ᵖᵖ¹²⁻¹⁴⁾" (the page is no marker)
_SUPERSCRIPT_PAGED = re.compile(f"(?P<label>[{SUPERSCRIPT_DIGITS}]{{1,3}})\u207d\u1d56\u1d56?"
                                f"(?P<pages>[{SUPERSCRIPT_DIGITS}]{{1,5}}(?:[\u207b\u2013-][{SUPERSCRIPT_DIGITS}]{{1,5}})?)\u207e")
_RANGE_DASHES = ("\u207b", "\u2013", "-")  # between two superscripts: a range of notes ("²⁻⁴")
_CLOSING = r"""[.,;:!?"')\]]"""
# Digits right after a letter, after a letter and one or two closing marks ('."5'), or after
# a year or a span of years and its full stop ("1938.1", "1384-86.16"); not followed by more of
# a word, a unit or a decimal.
_GLUED = re.compile(
    rf"""(?:(?<=[^\W\d_])|(?<=[^\W\d_]{_CLOSING})|(?<=[^\W\d_]{_CLOSING}{_CLOSING})|(?<=\d{{4}}[.,;])|(?<=\d{{4}}[-\u2013]\d{{2}}\.))
    (?P<digits>[1-9]\d{{0,2}})
    (?P<more>(?:,[1-9]\d?(?!\d))*)  # a list: "autonomously.5,6" (not "1,000": no 0 after the comma)
    (?![\w%°/+\-]|[.,:]\d)""",
    re.VERBOSE,
)
# "p.4", "No.1", "vol.3": an abbreviation's full stop, not the end of a sentence.
_ABBREVIATION = re.compile(
    r"(?<![^\W\d_])(?i:p|pp|no|nos|vol|vols|ch|chap|fig|art|op|sec|para|n|nn|ed|eds|f|ff|v|vv|"
    r"l|ll|col|bk|pt|ser|cit|cf|vs|ver|rev|ex|tab|sect|id|ibid)\.\Z"
)
_NOT_PROSE = frozenset("/@_=#\\")
_MAX_RANGE = 50  # "[3-5]" expands; "[1-999]" is not a marker
_OFFSET = itemgetter(0)


_MARKER_ORDER = attrgetter("span.line", "span.column")


def find_markers(source: SourceText, regions: Iterable[Region],
                 note_labels: Iterable[str] = ()) -> list[Marker]:
    """The inline markers in the prose ``regions`` of ``source``, in reading order."""
    regions = list(regions)
    labels = frozenset(note_labels)
    text = source.text
    # Wikipedia's lettered notes ("a. ^ ...") are cited by "[a]", "[b]": looked for only
    # where such notes are, as a bracketed letter elsewhere is an editor's insertion
    lettered = any(label.isalpha() and label.islower() and len(label) <= 2 for label in labels)
    explicit = [marker for start, end in regions
                for marker in _explicit(source, text, start, end, labels, lettered)]
    if explicit:
        cited = {marker.label for marker in explicit}
        if 2 * len(cited & labels) >= len(labels):
            return explicit
        # Most notes uncited by the explicit markers: a text whose superscripts were lost in
        # copying but one or two kept as markup ("recombination.1 ... elsewhere.<sup>9</sup>").
        # The lost ones, in their rising sequence, join the kept ones.
        glued = [m for m in glued_markers(source, regions, labels) if m.label not in cited]
        if len({m.label for m in glued}) < 2:
            return explicit
        return sorted(explicit + glued, key=_MARKER_ORDER)
    glued = glued_markers(source, regions, labels)
    if labels and text.find("(") >= 0:
        bracketed = _parenthesised(source, text, regions)
        # Vancouver's "(1)", "(2-4)": taken when they cite more notes than lost superscripts
        # would, and at least half of them (an enumeration "(1) ... (2)" cites a few)
        cited = {m.label for m in bracketed}
        if len(cited) >= 2 and 2 * len(cited & labels) >= len(labels) and len(cited) > len({m.label for m in glued}):
            return bracketed
    return glued


# Vancouver's markers in round brackets: "(1)", "(2-4)", "(5,6)", after a word or punctuation
# on the line (a line starting "(1) ..." is an enumeration's item).
# (ACS writes them in italics, which Markdown keeps: "(*1*)", "(*10*, *11*)"; and at a line's
# start when punctuation follows, a marker wrapped there: "(*1*). Vibrational")
_EMPHASISED_NUMBER = r"[*_]?\d{1,3}[*_]?"
_PARENTHESISED = re.compile(
    rf"(?:(?<=[\w.,;:!?\"')\]])[ ]?|^(?=\([^()\n]{{1,40}}\)[.,;:]))"
    rf"\((?P<inner>(?=[*_]?[1-9]){_EMPHASISED_NUMBER}(?:[ ]?[,\-\u2013][ ]?{_EMPHASISED_NUMBER}){{0,20}})\)", re.MULTILINE)


def _parenthesised(source: SourceText, text: str, regions: list[Region]) -> list[Marker]:
    return [Marker(label, source.span(offset), MarkerStyle.BRACKET)
            for start, end in regions for match in _PARENTHESISED.finditer(text, start, end)
            for offset, label in _expand(match)]


def _explicit(source: SourceText, text: str, start: int, end: int,
              labels: frozenset[str], lettered: bool = False) -> list[Marker]:
    offsets: list[int] = []
    brackets: list[Marker] = []
    others: list[tuple[int, Marker]] = []  # footnote, lettered and superscript markers, by offset
    if text.find("[", start, end) >= 0:
        offsets, brackets = _brackets(source, text, start, end, labels)
        if lettered:
            others.extend((m.start(), Marker(m.group("letter"), source.span(m.start()), MarkerStyle.BRACKET))
                          for m in _LETTERED.finditer(text, start, end))
        if text.find("]-[", start, end) >= 0:
            offsets, brackets = _between_ranged(source, text, offsets, brackets)
        if text.find("[^", start, end) >= 0:  # how every footnote marker starts
            others.extend((m.start(), Marker(m.group("id"), source.span(m.start()), MarkerStyle.FOOTNOTE))
                          for m in _FOOTNOTE.finditer(text, start, end))
    if text.find(", p", start, end) >= 0:  # how every paged marker goes on after its number
        others.extend((m.start(), Marker(m.group("label"), source.span(m.start()), MarkerStyle.BRACKET))
                      for m in _paged(text, start, end, labels))
    if text.find("^", start, end) >= 0 or text.find("<sup>", start, end) >= 0:
        others.extend((offset, Marker(label, source.span(offset), MarkerStyle.SUPERSCRIPT))
                      for match in _MARKUP_SUPERSCRIPT.finditer(text, start, end) for offset, label in _expand(match))
    paged = text.find("\u207d", start, end) >= 0  # "⁽": perhaps an AMA page, "²⁽ᵖ³²⁵⁾"
    for match in _SUPERSCRIPT.finditer(text, start, end):
        if paged and _in_superscript_page(text, match.start()):
            continue
        if not _is_power(text, match.start(), match.group()):
            number = int(match.group().translate(_FROM_SUPERSCRIPT))
            others.append((match.start(), Marker(str(number), source.span(match.start()), MarkerStyle.SUPERSCRIPT)))
            if text[match.end():match.end() + 1] in _RANGE_DASHES:  # "²⁻⁴", "²–⁴": the notes between too
                upper = _SUPERSCRIPT.match(text, match.end() + 1, end)
                last = int(upper.group().translate(_FROM_SUPERSCRIPT)) if upper else number
                if number < last <= number + _MAX_RANGE:
                    at = match.start()  # (at the range's first digit, as "[3-5]" gives 4 at its "[")
                    others.extend((at, Marker(str(between), source.span(at), MarkerStyle.SUPERSCRIPT))
                                  for between in range(number + 1, last))
    if not others:
        return brackets  # found in reading order: nothing to merge (the common case)
    found = list(zip(offsets, brackets))
    found += others
    found.sort(key=_OFFSET)  # stable: brackets first at an offset, as found
    return [marker for _, marker in found]


def _in_superscript_page(text: str, offset: int) -> bool:
    """Whether the superscript digits at ``offset`` are inside a superscript bracket, "⁽ᵖ³²⁵⁾"."""
    opening = text.rfind("\u207d", max(0, offset - 14), offset)
    return opening >= 0 and text.find("\u207e", opening, offset) < 0


def paged_marker_cites(source: SourceText, regions: Iterable[Region],
                       note_labels: Iterable[str] = ()) -> list[ShortCite]:
    """The pages that paged markers ("[11, p. 135]", "[13]: 612") cite, as cites of their notes' works."""
    labels = frozenset(note_labels)
    text = source.text
    # (in Markdown a masked link's blanks may come between: "[13]       :612")
    rp = ":" if source.path.lower().endswith(MARKDOWN_SUFFIXES) else "]:"
    cites = [ShortCite(source.span(m.start()), m.group(0), ShortCiteStyle.MARKER,
                       pinpoints=(m.group("pages") or m.group("rp"),), note_label=m.group("label"))
             for start, end in regions if text.find(", p", start, end) >= 0 or text.find(rp, start, end) >= 0
             for m in _paged(text, start, end, labels)]
    cites += [ShortCite(source.span(m.start()), m.group(0), ShortCiteStyle.MARKER, pinpoints=(m.group("pages"),),
                        note_label=m.group("label"))
              for start, end in regions if text.find("(p", start, end) >= 0
              for m in _AMA_PAGED.finditer(text, start, end) if m.group("label") in labels]
    cites += [ShortCite(source.span(m.start()), m.group(0), ShortCiteStyle.MARKER, pinpoints=(m.group("pages"),),
                        note_label=m.group("inner"))
              for start, end in regions if text.find("(p", start, end) >= 0
              for m in _MARKUP_SUPERSCRIPT.finditer(text, start, end)
              if m.group("pages") and m.group("inner") in labels]
    cites += [ShortCite(source.span(m.start()), m.group(0), ShortCiteStyle.MARKER,
                        pinpoints=(m.group("pages").translate(_FROM_SUPERSCRIPT).replace("\u2013", "-"),),
                        note_label=str(int(m.group("label").translate(_FROM_SUPERSCRIPT))))
              for start, end in regions if text.find("\u207d", start, end) >= 0
              for m in _SUPERSCRIPT_PAGED.finditer(text, start, end)
              if str(int(m.group("label").translate(_FROM_SUPERSCRIPT))) in labels]
    return cites


def _paged(text: str, start: int, end: int, labels: frozenset[str]) -> Iterator[re.Match]:
    """The paged markers of ``text[start:end]``: "[1969, p. 5]" is a year unless note 1969
    exists, as for "[1969]"."""
    for match in _PAGED.finditer(text, start, end):
        label = match.group("label")
        if len(label) < 4 or label in labels:
            yield match


def _brackets(source: SourceText, text: str, start: int, end: int,
              labels: frozenset[str]) -> tuple[list[int], list[Marker]]:
    """The bracket markers in ``text[start:end]`` in reading order, and their offsets."""
    matches = list(_BRACKET.finditer(text, start, end))
    simple = list(map(_SIMPLE_LABEL, matches))
    if None not in simple:
        # every group a simple marker (the common case): offsets, labels and records are made
        # by C-level maps over the matches, without a Python step per marker
        offsets = list(map(_MATCH_START, matches))
        return offsets, list(map(Marker, simple, source.spans(offsets), repeat(MarkerStyle.BRACKET)))
    offsets = []
    marked: list[str] = []  # their labels
    for match, label in zip(matches, simple):
        offset = match.start()
        if label is not None:
            offsets.append(offset)
            marked.append(label)
            continue
        # only a space or line break before "[" can put it at a line start, only a "]" make
        # it a link's target: "1938.[1]" needs neither test
        if (offset == 0 or text[offset - 1] in " \n]") and (
                (_at_line_start(text, offset) and text[match.end():match.end() + 1] not in _WRAPPED_FOLLOWERS)
                or _after_link_text(text, offset)):
            continue
        inner = match.group("inner")
        if inner.isdecimal():  # "[8]": one label at "[" (without ``_expand``)
            label = str(int(inner))  # "08" -> "8"
            if len(label) < 4 or label in labels:  # "[1969]" is a year unless note 1969 exists
                offsets.append(offset)
                marked.append(label)
            continue
        for offset, label in _expand(match):
            if len(label) < 4 or label in labels:
                offsets.append(offset)
                marked.append(label)
    # the records are built in one go: the spans of offsets in reading order come cheaper so
    return offsets, list(map(Marker, marked, source.spans(offsets), repeat(MarkerStyle.BRACKET)))


def _between_ranged(source: SourceText, text: str, offsets: list[int],
                    brackets: list[Marker]) -> tuple[list[int], list[Marker]]:
    """``[4]-[6]`` cites 4 to 6: the numbers between two markers joined by a dash are marked
    at the dash (a list's own range, "[4]–[6]", as IEEE writes it)."""
    out_offsets: list[int] = []
    out: list[Marker] = []
    for index, (offset, marker) in enumerate(zip(offsets, brackets)):
        out_offsets.append(offset)
        out.append(marker)
        if index + 1 == len(offsets):
            break
        dash = offset + len(marker.label) + 2  # "[4]" then "-" right after it
        following = brackets[index + 1]
        if (text.startswith("]-[", dash - 1) and offsets[index + 1] == dash + 1 and marker.label.isdecimal()
                and following.label.isdecimal()):
            first, last = int(marker.label), int(following.label)
            if 1 < last - first <= _MAX_RANGE:
                span = source.span(dash)
                for number in range(first + 1, last):
                    out_offsets.append(dash)
                    out.append(Marker(str(number), span, MarkerStyle.BRACKET))
    return out_offsets, out


def _expand(match: re.Match) -> Iterator[tuple[int, str]]:
    """``[8, 9]`` -> 8 at "[", 9 at "9"; ``[3-5]`` -> 3, 4, 5 at "[". Bad ranges give nothing."""
    inner = match.group("inner")
    inner_start = match.start("inner")
    for index, item in enumerate(_ITEM.finditer(inner)):
        offset = match.start() if index == 0 else inner_start + item.start()
        first = int(item.group("first"))
        last = int(item.group("last")) if item.group("last") else first
        if not 0 <= last - first <= _MAX_RANGE:
            continue
        for number in range(first, last + 1):
            yield offset, str(number)


_WRAPPED_FOLLOWERS = frozenset(AFTER_WRAPPED_MARKER)  # (what ``notes._NOTE_LINE`` reads as no label)


def _at_line_start(text: str, offset: int) -> bool:
    """Only spaces before ``offset`` on its line: "[1] text" labels a note, it is no marker."""
    while offset > 0 and text[offset - 1] == " ":
        offset -= 1
    return offset == 0 or text[offset - 1] == "\n"


def _after_link_text(text: str, offset: int) -> bool:
    """``[Flight of the Century][1]`` is a Markdown reference link, not a marker."""
    if offset == 0 or text[offset - 1] != "]":
        return False
    opening = text.rfind("[", max(0, offset - 300), offset - 1)
    group = text[opening:offset] if opening >= 0 else ""
    return not (_BRACKET.fullmatch(group) or _FOOTNOTE.fullmatch(group))


def _is_power(text: str, offset: int, digits: str) -> bool:
    """``10²``, ``km²``, ``m³``, ``x²``: an exponent, not a note."""
    if digits not in ("²", "³") or offset == 0:
        return False
    if text[offset - 1].isdigit():
        return True
    word = offset
    while word > 0 and word > offset - 3 and text[word - 1].isalpha():
        word -= 1
    return 0 < offset - word <= 2 and (word == 0 or not text[word - 1].isalpha())


# --- glued digits -------------------------------------------------------------------------


def glued_markers(source: SourceText, regions: Iterable[Region],
                  note_labels: Iterable[str] = ()) -> list[Marker]:
    """Glued-digit markers: the candidates that form the longest rising sequence."""
    text = source.text
    candidates = [(m.start(), int(m.group("digits")))
                  for start, end in regions for m in _GLUED.finditer(text, start, end)
                  if _plausible(text, m.start())]
    if any(text.startswith(",", offset + len(str(value))) for offset, value in candidates):
        candidates = _with_listed(text, candidates)
    if not candidates:
        return []
    labels = {label for label in note_labels if label.isdigit()}
    starts = {1} | ({min(int(label) for label in labels)} if labels else set())
    best: list[int] = []
    for first in sorted(starts):
        chain = rising_chain([value for _, value in candidates], first, labels)
        if len(chain) >= 2 or (chain and str(first) in labels):
            best = max(best, chain, key=len)
    return [Marker(str(candidates[i][1]), source.span(candidates[i][0]), MarkerStyle.GLUED)
            for i in best]


def _with_listed(text: str, candidates: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The candidates with the later numbers of a glued list ("5,6"), each at its own digits."""
    out = []
    for offset, value in candidates:
        out.append((offset, value))
        listed = _GLUED_LIST.match(text, offset + len(str(value)))
        if listed is not None:
            for item in _LIST_ITEM.finditer(listed.group()):
                out.append((listed.start() + item.start(), int(item.group())))
    return out


_GLUED_LIST = re.compile(r"(?:,[1-9]\d?(?!\d))+")
_LIST_ITEM = re.compile(r"\d+")


def rising_chain(values: list[int], first: int, labels: Iterable[str] = ()) -> list[int]:
    """Indices of ``values`` that read ``first, first+1, first+2, ...`` in order.

    Values that do not continue the sequence are skipped. A lone ``first`` seen again
    before the sequence goes on replaces the earlier one ("Room1 ... Sedov1 ... NKVD2").
    With the note ``labels``, the sequence may step over one lost marker: after 1, 2 a 4
    goes on when notes 3 and 4 exist and no 3 follows (the marker of note 3 was lost in
    copying, or never there). Otherwise every later marker would be lost too.
    """
    labels = frozenset(labels)
    last = {value: index for index, value in enumerate(values)}
    chosen: list[int] = []
    expected = first
    for index, value in enumerate(values):
        if value == expected:
            chosen.append(index)
            expected += 1
        elif value == first and len(chosen) == 1:
            chosen[0] = index
        elif (chosen and value == expected + 1 and str(value) in labels
              and str(expected) in labels and last.get(expected, -1) < index):
            chosen.append(index)
            expected = value + 1
    return chosen


def _plausible(text: str, offset: int) -> bool:
    """Not inside a URL, path or identifier, nor after an abbreviation ("p.4", "No.1")."""
    token_start = max(0, offset - 40)
    for index in range(offset - 1, token_start - 1, -1):
        char = text[index]
        if char.isspace():
            break
        if char in _NOT_PROSE:
            return False
    if text[offset - 1] == ".":
        return _ABBREVIATION.search(text, max(0, offset - 8), offset) is None
    return _long_enough_word(text, offset)


def _long_enough_word(text: str, offset: int) -> bool:
    """Digits glued straight onto a word count only after three letters or more: "Sedov2",
    "NKVD3" are lost superscripts, "CS1", "v2", "H2", "B52" are names of things."""
    if not text[offset - 1].isalpha():
        return True  # after closing punctuation: "communism."5"
    if text.endswith("'s", 0, offset):
        offset -= 2  # a possessive: "Shelepin's4" counts the letters of "Shelepin"
    elif text.endswith(" et al", 0, offset):
        return True  # AMA's "Gupta et al1(p61)"
    letters = 0
    for index in range(offset - 1, max(-1, offset - 5), -1):
        if not text[index].isalpha():
            # (through a hyphen between letters: "follow-up2")
            if text[index] == "-" and letters and index > 0 and text[index - 1].isalpha():
                continue
            break
        letters += 1
    return letters >= 3
