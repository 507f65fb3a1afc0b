"""Parse one full reference into fields. (Interface stub: being written.)"""

from __future__ import annotations

from ..models import Reference, ReferenceKind
from .source import SourceText


def looks_like_reference(text: str) -> bool:
    """True when ``text`` (a note body or bibliography line) describes a work in full."""
    return len(text) > 40 and ('"' in text or "ISBN" in text or "doi" in text.lower())


def parse_reference(source: SourceText, start: int, end: int, *, note_label: str | None = None) -> Reference:
    """Parse ``source.text[start:end]`` as one full reference."""
    span = source.span(start)
    text = " ".join(source.text[start:end].split())
    return Reference(id=f"{span.path}:{span.line}:{span.column}", span=span, text=text,
                     kind=ReferenceKind.OTHER, note_label=note_label)
