"""Where an entry's fields stand in a ``.bib`` file's text, and how the entry lays them out.

``--fix`` edits a file in place: it replaces a value where it stands and adds a missing
field after the last one, written the way the entry writes its own (indent, spacing around
``=``, names padded so that the ``=`` or the values line up, upper-case names), so that an
added field does not stand out from the fields the user wrote.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["Field", "FieldLayout", "entry_fields", "layout_of"]


@dataclass(frozen=True, slots=True)
class Field:
    name: str  # as written
    name_start: int  # offset of the name's first character in the file
    start: int  # offset of the value's first character
    end: int  # offset after its last character


_NAME = re.compile(r"[^\s=,{}()\"#]+")
_HEADER = re.compile(r"@\s*\w+\s*[{(]\s*[^,\s{}()]*\s*,")


def _skip_value(text: str, index: int) -> int:
    """The offset after the value starting at ``index``: ``{..}``, ``".."``, words, ``#``."""
    while True:
        if index < len(text) and text[index] == "{":
            depth = 0
            while index < len(text):
                depth += {"{": 1, "}": -1}.get(text[index], 0)
                index += 1
                if depth == 0:
                    break
        elif index < len(text) and text[index] == '"':
            index += 1
            depth = 0
            while index < len(text) and not (text[index] == '"' and depth == 0):
                depth += {"{": 1, "}": -1}.get(text[index], 0)
                index += 1
            index += 1
        else:
            match = _NAME.match(text, index)
            index = match.end() if match else index
        after = index
        while after < len(text) and text[after].isspace():
            after += 1
        if after < len(text) and text[after] == "#":
            index = after + 1
            while index < len(text) and text[index].isspace():
                index += 1
            continue
        return index


def entry_fields(text: str, start: int) -> tuple[list[Field], int]:
    """The fields of the entry whose ``@`` is at ``start``, and the offset of its closing
    brace (where new fields go)."""
    header = _HEADER.match(text, start)
    if header is None:
        return [], start
    index = header.end()
    fields = []
    while index < len(text):
        while index < len(text) and (text[index].isspace() or text[index] == ","):
            index += 1
        if index >= len(text) or text[index] in "})":
            break
        match = _NAME.match(text, index)
        if not match:
            break
        index = match.end()
        while index < len(text) and text[index].isspace():
            index += 1
        if index >= len(text) or text[index] != "=":
            break
        index += 1
        while index < len(text) and text[index].isspace():
            index += 1
        end = _skip_value(text, index)
        fields.append(Field(match.group(), match.start(), index, end))
        index = end
    return fields, index


@dataclass(frozen=True, slots=True)
class FieldLayout:
    """How an entry writes a field on a line of its own: ``"  title   = {...}"``."""

    indent: str
    before: str = " "  # between the name and "=", unpadded
    after: str = " "  # between "=" and the value, unpadded
    equals_column: int | None = None  # where every "=" stands, when names are padded to it
    value_column: int | None = None  # where every value starts, when padded after "="
    upper: bool = False  # names written in capitals (TITLE = ...)

    def line(self, name: str, value: str) -> str:
        """``name = value`` as this entry writes it, from its indent (no line break)."""
        head = self.indent + (name.upper() if self.upper else name)
        if self.equals_column is not None:
            head = head.ljust(self.equals_column) if len(head) < self.equals_column else head + self.before
            return f"{head}={self.after}{value}"
        head += f"{self.before}="
        if self.value_column is not None:
            head = head.ljust(self.value_column) if len(head) < self.value_column else head + self.after
            return head + value
        return f"{head}{self.after}{value}"


def layout_of(text: str, fields: Sequence[Field]) -> FieldLayout | None:
    """The layout of the entry's fields that stand on lines of their own (the last one's
    indent and spacing; a column when every field pads to it); None when no field does
    (a one-line entry)."""
    lines = []
    for field in fields:
        line_start = text.rfind("\n", 0, field.name_start) + 1
        indent = text[line_start:field.name_start]
        if indent.strip():
            continue  # on the line of the entry's header or of another field
        equals = text.index("=", field.name_start + len(field.name))
        lines.append((field, line_start, indent, equals))
    if not lines:
        return None
    last, _, indent, equals = lines[-1]
    before = text[last.name_start + len(last.name):equals]
    after = text[equals + 1:last.start]
    if "\n" in before or "\n" in after:
        before, after = " ", " "
    # a column is padding only where names of different lengths reach it
    padded = len({len(field.name) for field, *_ in lines}) > 1
    equals_columns = {equals - line_start for _, line_start, _, equals in lines}
    value_columns = {field.start - line_start for field, line_start, _, _ in lines}
    equals_column = equals_columns.pop() if padded and len(equals_columns) == 1 else None
    value_column = value_columns.pop() if padded and equals_column is None and len(value_columns) == 1 else None
    if equals_column is not None:
        before = min((text[f.name_start + len(f.name):e] for f, _, _, e in lines), key=len)
    if value_column is not None:
        after = min((text[e + 1:f.start] for f, _, _, e in lines), key=len)
    upper = all(field.name.isupper() for field, *_ in lines)
    return FieldLayout(indent, before, after, equals_column, value_column, upper)
