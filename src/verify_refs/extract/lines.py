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

    @property
    def content_start(self) -> int:
        """Offset of the first non-blank character."""
        return self.start + self.indent


def split_lines(text: str) -> list[Line]:
    """Every line of ``text``, in order, with offsets."""
    lines = []
    start = 0
    for raw in text.split("\n"):
        stripped = raw.lstrip()
        end = start + len(raw.rstrip("\r"))
        lines.append(Line(start, end, len(raw) - len(stripped), not stripped.strip()))
        start += len(raw) + 1
    return lines
