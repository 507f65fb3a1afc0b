"""A document as lines with offsets: the unit the section and note parsers walk over.

Walking lines (not characters) keeps the layout pass linear and cheap; every line keeps
its offsets into ``SourceText.text`` so anything found in it maps back to a span.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)  # not frozen: frozen dataclasses are slow to build, and there are many
class Line:
    """One line: ``text[start:end]`` without its newline (nor a trailing ``\\r``)."""

    start: int
    end: int
    indent: int  # leading whitespace characters
    blank: bool
    content_start: int  # start + indent: the first non-blank character (a field: read often)


def split_lines(text: str) -> list[Line]:
    """Every line of ``text``, in order, with offsets."""
    lines = []
    start = 0
    append = lines.append
    for raw in text.split("\n"):
        length = len(raw)
        content = len(raw.lstrip())  # what is left starts with a non-blank: blank when empty
        indent = length - content
        append(Line(start, start + len(raw.rstrip("\r")), indent, not content, start + indent))
        start += length + 1
    return lines
