"""Recognising the first line of a note: its label, its backlinks and where its body starts.

Forms seen in copied essays::

    1. text        1 text        [1] text       1) text       ¹ text
    1. ^ text      ^ text        1. Jump up to: a b c text    (Wikipedia)
    a. ^ text      b. Jump up to: a b text                        (Wikipedia's lettered notes)
    [^id]: text    (a Markdown footnote definition)

Wikipedia lists one backlink letter per citing marker ("Jump up to: a b c" -> 3), or a
caret when there is one (-> 1); a plain numbered note has no backlink count (None).
A bare "1 text" (no dot, no bracket) is a *weak* form: it is also how a wrapped line of a
reference may start ("19 (3): 405-20."), so the layout only trusts it in sequence; so is
a four-digit label, which could be a year ("1938. ...") unless notes really run that far.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_FROM_SUPERSCRIPT = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")
_OPENERS = frozenset("0123456789[^J(" + SUPERSCRIPT_DIGITS)  # how a note line can begin
# What follows "[11]" when a wrapped line of prose starts with the marker, "[11], and ...", and
# never a note's label (``markers`` reads such a bracket as a marker).
AFTER_WRAPPED_MARKER = ",;-\u2013"

_NOTE_LINE = re.compile(
    r"""[ ]*
    (?:
        \[(?P<bracket>\d{1,4})\]""" + f"(?![{re.escape(AFTER_WRAPPED_MARKER)}])" + r"""[ ]*[.:]?  # (not a wrapped line's "[11], and ...")
      | (?P<dotted>\d{1,4})[.)](?!\d)
      | \((?P<paren>\d{1,4})\)(?=[ ])  # ACS and RSC: "(1) Zhang, J.-J.; Lachgar, A. ..."
      | (?P<bare>\d{1,3})(?=[ ])
      | (?P<sup>[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})
    )?
    [ ]*
    (?P<caret>\^[ ]*)?
    (?:(?P<jump>Jump[ ]up(?:[ ]to)?[ ]?:?)[ ]*(?P<letters>(?:[*_]{0,3}[a-z][*_]{0,3}[ ]+)*[*_]{0,3}[a-z][*_]{0,3}(?=[ ]|$))?[ ]*)?
    """,
    re.VERBOSE,
)
# The usual opening, "12. Text": digits, a full stop or parenthesis, spaces, and then a body
# that starts with neither a caret nor "Jump up". ``_NOTE_LINE`` reads such a line just so
# (its bracket form cannot start with a digit, its dotted form takes the same digits, and
# its caret and "Jump up" groups cannot match), so the line is read without the general
# pattern and its many groups. The number is ASCII without a leading zero, so it is its own
# label (no ``_label``); "007." and other scripts' digits are left to ``_NOTE_LINE``.
_DOTTED = r"[ ]*([1-9][0-9]{0,3})[.)](?!\d)[ ]*"
# A body opening with "J" ("Jones, ...") is taken once its next six characters are seen on
# the line and are not "ump up"; a shorter one is left to ``_NOTE_LINE``.
_NOT_JUMP_UP = r"J(?=.{6})(?!ump[ ]up)"
_DOTTED_LINE = re.compile(_DOTTED + rf"(?=[^ ^J]|{_NOT_JUMP_UP})")
# The same opening after each "\n" of a text, to find every such line of a notes list in one
# scan. The body's first character must be on the line: not its "\n", nor a "\r" (of "\r\n",
# which ``Line.end`` leaves out; a line whose body starts with a "\r" is left to
# ``match_note_line``). So each line found gives what ``_DOTTED_LINE`` gives on it.
_DOTTED_LINES = re.compile(r"\n" + _DOTTED + rf"(?=[^ ^J\r\n]|{_NOT_JUMP_UP})")
_FOOTNOTE_DEF = re.compile(r"[ ]{0,3}\[\^(?P<id>[^\]\s\[]{1,100})\]:[ ]*")
# (the backlink letters may keep the emphasis a Markdown export gave them: "***a*** ***b***")
# Old Wikipedia style after a caret: "^ a b c text"; only taken with two letters or more
# so that "^ a study of ..." keeps its article.
_CARET_LETTERS = re.compile(r"(?P<letters>[*_]{0,3}a[*_]{0,3}(?:[ ]+[*_]{0,3}[b-z][*_]{0,3})+)[ ]+(?=\S)")


@dataclass(slots=True)  # not frozen: one is built per numbered line, and frozen ones are slow to build
class NoteHead:
    """The opening of a note line (read-only once built)."""

    label: str | None  # None: numbered by position ("^ text")
    label_start: int  # offset of the label (or caret), where the note's span points
    body_start: int  # offset where the note's text begins
    backlinks: int | None
    weak: bool = False  # a bare "1 text": trusted only when it continues a sequence
    footnote: bool = False  # a Markdown "[^id]:" definition
    strong: bool = False  # caret, backlinks, "[1]" or a superscript label: surely a note


def match_note_line(text: str, start: int, end: int) -> NoteHead | None:
    """The note opening of ``text[start:end]`` (one line), or None if it is not a note line."""
    first = start
    while first < end and text[first] == " ":  # only a line's indent: a few spaces
        first += 1
    opener = text[first] if first < end else ""
    if opener not in _OPENERS:
        if "a" <= opener <= "z" and "." in text[first + 1:first + 3]:
            return _lettered_head(text, first, end)
        return None  # most lines: prose or bibliography, decided without a regex
    if opener == "[":  # a footnote definition starts with "[" after its indent
        footnote = _FOOTNOTE_DEF.match(text, start, end)
        if footnote:
            return NoteHead(footnote.group("id"), footnote.start() + footnote.group(0).index("["),
                            footnote.end(), None, False, True, True)
    if opener.isdecimal():
        dotted = _DOTTED_LINE.match(text, start, end)
        if dotted is not None:
            return _dotted_head(dotted)
    match = _NOTE_LINE.match(text, start, end)  # everything in it is optional: it always matches
    body = match.end()
    if body >= end:
        return None  # no body: a number alone on a line is a page number, not a note
    bracket, dotted, paren, bare, sup, caret, jump = match.group(
        "bracket", "dotted", "paren", "bare", "sup", "caret", "jump")
    # the label is the first group present; the alternation takes at most one of the five numbers
    if dotted:
        number, label_start = dotted, match.start("dotted")
    elif paren:
        number, label_start = paren, match.start("paren") - 1  # point at "(" of "(1)"
    elif bracket:
        number, label_start = bracket, match.start("bracket") - 1  # point at "[" of "[1]"
    elif bare:
        number, label_start = bare, match.start("bare")
    elif sup:
        number, label_start = sup.translate(_FROM_SUPERSCRIPT), match.start("sup")
    elif caret:
        number, label_start = None, match.start("caret")
    elif jump:
        number, label_start = None, match.start("jump")
    else:
        return None
    backlinks = None
    if jump:
        backlinks, body = _count_letters(match.group("letters"), match.start("letters"), body)
    elif caret:
        backlinks = 1
        old_style = _CARET_LETTERS.match(text, body, end)
        if old_style:
            backlinks, body = _count_letters(old_style.group("letters"), body, old_style.end())
    # NoteHead(label, label_start, body_start, backlinks, weak, footnote, strong)
    return NoteHead(_label(number) if number else None, label_start, body, backlinks,
                    (bare is not None and not (caret or jump)) or len(number or "") > 3, False,
                    bool(caret or jump or bracket or sup))


def dotted_note_heads(text: str, start: int, end: int) -> Iterator[NoteHead]:
    """The heads ``match_note_line`` gives for the lines of ``text[start:end]`` (``start`` a
    line start) that open "12. Text", in order: one scan for a notes list instead of a call
    per line. Other note lines ("007." too), a line whose opening runs past ``end``, and a
    first line at offset 0 (no "\n" before it) are not given. A head's ``label_start`` is its
    line's first non-blank character."""
    return map(_dotted_head, _DOTTED_LINES.finditer(text, start - 1 if start > 0 else 0, end))


# Wikipedia's explanatory notes ({{efn}}), lettered and copied as "a. ^ text" or
# "b. Jump up to: a b text"; the caret or "Jump up" is required, so that a list's "a. text"
# stays prose. Their markers are "[a]", "[b]" (``markers``).
_LETTERED = re.compile(r"(?P<letter>[a-z]{1,2})\.[ ]+(?=\^|Jump[ ]up)")


def _lettered_head(text: str, first: int, end: int) -> NoteHead | None:
    lettered = _LETTERED.match(text, first, end)
    if lettered is None:
        return None
    rest = match_note_line(text, lettered.end(), end)  # the caret or "Jump up to" and the body
    if rest is None or rest.label is not None:
        return None
    # NoteHead(label, label_start, body_start, backlinks, weak, footnote, strong)
    return NoteHead(lettered.group("letter"), first, rest.body_start, rest.backlinks, False, False, True)


def _dotted_head(match: re.Match) -> NoteHead:
    """The head of a "12. Text" line from a match of ``_DOTTED_LINE`` or ``_DOTTED_LINES``."""
    number = match.group(1)  # already a label: see ``_DOTTED``
    # NoteHead(label, label_start, body_start, backlinks, weak, footnote, strong)
    return NoteHead(number, match.start(1), match.end(), None, len(number) > 3, False, False)


def _label(number: str) -> str:
    """A note number as its label: "007" -> "7", other scripts' digits -> ASCII."""
    return number if number.isascii() and number[0] != "0" else str(int(number))


def _count_letters(letters: str | None, letters_start: int, body: int) -> tuple[int, int]:
    """Count backlink letters a, b, c, ... in order; a letter out of order starts the body.

    Returns (count, body offset). "a b c a study" counts 3 and the body starts at "a study".
    """
    if not letters:
        return 1, body
    count = 0
    for index, char in enumerate(letters):  # a few letters, never a long text
        if char in " *_":  # (Markdown's emphasis around a letter: "***a***")
            continue
        if char != chr(ord("a") + count):
            return max(count, 1), letters_start + index
        count += 1
    return count, body
