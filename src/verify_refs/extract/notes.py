"""Recognising the first line of a note: its label, its backlinks and where its body starts.

Forms seen in copied essays::

    1. text        1 text        [1] text       1) text       ¹ text
    1. ^ text      ^ text        1. Jump up to: a b c text    (Wikipedia)
    [^id]: text    (a Markdown footnote definition)

Wikipedia lists one backlink letter per citing marker ("Jump up to: a b c" -> 3), or a
caret when there is one (-> 1); a plain numbered note has no backlink count (None).
A bare "1 text" (no dot, no bracket) is a *weak* form: it is also how a wrapped line of a
reference may start ("19 (3): 405-20."), so the layout only trusts it in sequence; so is
a four-digit label, which could be a year ("1938. ...") unless notes really run that far.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_FROM_SUPERSCRIPT = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")
_OPENERS = frozenset("0123456789[^J" + SUPERSCRIPT_DIGITS)  # how a note line can begin

_NOTE_LINE = re.compile(
    r"""[ ]*
    (?:
        \[(?P<bracket>\d{1,4})\][ ]*[.:]?
      | (?P<dotted>\d{1,4})[.)](?!\d)
      | (?P<bare>\d{1,3})(?=[ ])
      | (?P<sup>[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})
    )?
    [ ]*
    (?P<caret>\^[ ]*)?
    (?:(?P<jump>Jump[ ]up(?:[ ]to)?[ ]?:?)[ ]*(?P<letters>(?:[a-z][ ]+)*[a-z](?=[ ]|$))?[ ]*)?
    """,
    re.VERBOSE,
)
_FOOTNOTE_DEF = re.compile(r"[ ]{0,3}\[\^(?P<id>[^\]\s\[]{1,100})\]:[ ]*")
# Old Wikipedia style after a caret: "^ a b c text"; only taken with two letters or more
# so that "^ a study of ..." keeps its article.
_CARET_LETTERS = re.compile(r"(?P<letters>a(?:[ ]+[b-z])+)[ ]+(?=\S)")


@dataclass(frozen=True, slots=True)
class NoteHead:
    """The opening of a note line."""

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
    if first >= end or text[first] not in _OPENERS:
        return None  # most lines: prose or bibliography, decided without a regex
    footnote = _FOOTNOTE_DEF.match(text, start, end)
    if footnote:
        return NoteHead(footnote.group("id"), footnote.start() + footnote.group(0).index("["),
                        footnote.end(), None, footnote=True, strong=True)
    match = _NOTE_LINE.match(text, start, end)
    if match is None or match.end() >= end:
        return None  # no body: a number alone on a line is a page number, not a note
    bracket, dotted, bare, sup = match.group("bracket", "dotted", "bare", "sup")
    caret, jump = match.group("caret"), match.group("jump")
    number = bracket or dotted or bare or (sup.translate(_FROM_SUPERSCRIPT) if sup else None)
    if number is None and caret is None and jump is None:
        return None
    body = match.end()
    backlinks = None
    if jump:
        backlinks, body = _count_letters(match.group("letters"), match.start("letters"), body)
    elif caret:
        backlinks, body = 1, body
        old_style = _CARET_LETTERS.match(text, body, end)
        if old_style:
            backlinks, body = _count_letters(old_style.group("letters"), body, old_style.end())
    label_start = match.start(next(g for g in ("bracket", "dotted", "bare", "sup", "caret", "jump")
                                   if match.group(g) is not None))
    if bracket:
        label_start -= 1  # point at "[" of "[1]"
    return NoteHead(str(int(number)) if number else None, label_start, body, backlinks,
                    weak=(bare is not None and not (caret or jump)) or len(number or "") > 3,
                    strong=bool(caret or jump or bracket or sup))


def _count_letters(letters: str | None, letters_start: int, body: int) -> tuple[int, int]:
    """Count backlink letters a, b, c, ... in order; a letter out of order starts the body.

    Returns (count, body offset). "a b c a study" counts 3 and the body starts at "a study".
    """
    if not letters:
        return 1, body
    count = 0
    for index, char in enumerate(letters):  # a few letters, never a long text
        if char == " ":
            continue
        if char != chr(ord("a") + count):
            return max(count, 1), letters_start + index
        count += 1
    return count, body
