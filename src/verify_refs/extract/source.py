"""Reading a document: decoding, refusing what is not text, and mapping offsets to spans.

The text the parsers see is normalised character for character (U+00A0 becomes a space,
curly quotes straight, dashes a hyphen), so an offset in the normalised text is the same
offset in the original and every span still points at what the user wrote.
"""

from __future__ import annotations

from bisect import bisect_right as _bisect_right
import codecs
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import unquote

from ..models import Span

MAX_BYTES = 16 * 1024 * 1024  # a 20 MB "document" is almost certainly not prose

# One-to-one replacements: each maps one character to one character, so offsets survive.
_NORMALISE = str.maketrans(
    {
        "\u00a0": " ",  # no-break space: the corpus is full of them
        "\u2007": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u200a": " ",
        "\u2002": " ",
        "\u2003": " ",
        "\u3000": " ",
        "\t": " ",
        "\u2018": "'",
        "\u2019": "'",
        "\u02bc": "'",
        "\u201a": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",  # en dash: 405–20
        "\u2014": "-",  # em dash
        "\u2212": "-",
        "\ufeff": " ",  # a BOM left inside the text
        "\u00ba": "\u00b0",  # "nº 3" (the ordinal indicator) is "n° 3" (the degree sign)
    }
)


# The same table as (character, replacement) pairs: a few ``str.replace`` calls over a
# document are many times faster than ``translate`` with a dict, which looks up every
# character once the text is not ASCII. No replacement is itself replaced.
_REPLACEMENTS = tuple((chr(code), replacement) for code, replacement in _NORMALISE.items())
assert not {replacement for _, replacement in _REPLACEMENTS} & {char for char, _ in _REPLACEMENTS}


def normalise(text: str) -> str:
    """``text.translate(_NORMALISE)``, faster."""
    for char, replacement in _REPLACEMENTS:
        if char in text:
            text = text.replace(char, replacement)
    return text


_NEWLINE = re.compile("\n")

MARKDOWN_SUFFIXES = (".md", ".markdown")
# Fenced code blocks (``` or ~~~, to the closing fence or the end) and inline code spans:
# code samples are not prose, and "[2]" or "(Smith 2001)" inside them cites nothing.
_FENCED = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})[^\n]*(?:\n.*?^[ ]{0,3}\1[`~]*[ \t]*$|.*\Z)", re.M | re.S)
_INLINE_CODE = re.compile(r"(?<!`)(`+)(?!`)[^\n]+?(?<!`)\1(?!`)")
_NOT_NEWLINE = re.compile(r"[^\n]")


def mask_markdown_code(text: str) -> str:
    """Blank out Markdown code, keeping every offset and line break where it was."""
    if "`" not in text and "~~~" not in text:
        return text
    blank = lambda match: _NOT_NEWLINE.sub(" ", match.group(0))  # noqa: E731
    return _INLINE_CODE.sub(blank, _FENCED.sub(blank, text))


# An inline link or image, "[text](target "title")": the text may hold brackets, escaped
# ("[\\[4\\]](#cite_note-4)", a Wikipedia marker as a Markdown converter writes it) or whole
# ("[[4]](#cite_note-4)"); the target may hold brackets of its own ("/wiki/Doi_(identifier)").
_LINK = re.compile(
    r"(?P<bold>\*\*)?!?\[(?P<text>(?:[^\[\]\n\\]|\\.|\[[^\[\]\n]*\])*)\]"
    r"\((?P<target>[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:\s+\"[^\"\n]*\")?\)(?(bold)\*\*)"
)
_ESCAPE = re.compile(r"\\(?=[!-/:-@\[-`{-~])")  # Markdown's backslash before punctuation


def _link_text(match: re.Match[str]) -> str:
    """A link as its text alone, unescaped, where the text was, blanks where the brackets and
    the target were (the link's length kept): "Padé[[4]](#cite_note-4):190" reads as
    "Padé [4]             :190", and a saved Wikipedia page's "[doi](/wiki/Doi_(identifier))
    :[10.2307/1360](https://doi.org/10.2307%2F1360)" as its copied text, "doi : 10.2307/1360".
    (A target is no text of the work: copying a page from a browser drops it too.) One
    target is kept, after the text: a DOI link's, "[Anatomy of a Defector](https://doi.org/
    10.1080/…)", when the text does not give the DOI itself, for it is then the only place
    the reference names its DOI (text, a space and the target fit in the link's length)."""
    whole = match.group()
    text = _ESCAPE.sub("", match.group("text"))
    target = match.group("target")
    if text == "^" and target.startswith("#cite_ref"):
        return "^".ljust(len(whole))  # Wikipedia's backlink, "**[^](#cite_ref-2)**", as copied
    lead = " " * (len(match.group("bold") or "") + 1)
    doi = _DOI_TARGET.match(target)
    if doi and unquote(doi.group(1)).lower() not in text.lower():
        return f"{lead}{text} {target}".ljust(len(whole))
    return (lead + text).ljust(len(whole))


_DOI_TARGET = re.compile(r"https?://(?:dx\.)?doi\.org/(10\.[^?#]+)", re.I)


def mask_markdown_links(text: str) -> str:
    """Markdown's inline links as their text (``_link_text``), every offset kept."""
    if "](" not in text:
        return text
    return _LINK.sub(_link_text, text)


class InputError(Exception):
    """A file that cannot be checked; the message is one line and names the file."""


@dataclass(frozen=True)
class SourceText:
    """A decoded document. ``text`` is ``original`` normalised one character for one."""

    path: str
    original: str
    text: str = field(init=False)
    _line_starts: tuple[int, ...] = field(init=False, repr=False)
    # offset -> Span: a note body, the reference read from it and its first short cite all
    # start at one offset, and spans are asked for in passes over the same text
    _spans: dict[int, Span] = field(init=False, repr=False, compare=False)
    _length: int = field(init=False, repr=False, compare=False)  # len(original), for clamping

    def __post_init__(self) -> None:
        text = normalise(self.original)
        if self.path.lower().endswith(MARKDOWN_SUFFIXES):
            text = mask_markdown_links(mask_markdown_code(text))
        object.__setattr__(self, "text", text)
        starts = [0]
        starts.extend(match.end() for match in _NEWLINE.finditer(self.original))
        object.__setattr__(self, "_line_starts", tuple(starts))
        object.__setattr__(self, "_spans", {})
        object.__setattr__(self, "_length", len(self.original))

    def span(self, offset: int) -> Span:
        """The 1-based line and column of a character offset."""
        spans = self._spans
        found = spans.get(offset)
        if found is None:
            length = self._length
            clamped = offset if 0 <= offset <= length else max(0, min(offset, length))
            starts = self._line_starts
            line = _bisect_right(starts, clamped)  # starts[line - 1] <= clamped: 1-based line
            found = spans[offset] = Span(self.path, line, clamped - starts[line - 1] + 1)
        return found

    def spans(self, offsets: Iterable[int]) -> list[Span]:
        """``[self.span(offset) for offset in offsets]``, faster when the offsets come in
        reading order (the markers of a paragraph, the notes of a list): the line of the
        last offset is kept, and only an offset outside it searches for its own."""
        spans, starts, path, length = self._spans, self._line_starts, self.path, self._length
        found: list[Span] = []
        line_start = line_end = 0  # the line in hand is [line_start, line_end): none yet
        line = 0
        for offset in offsets:
            span = spans.get(offset)
            if span is None:
                if not 0 <= offset <= length:
                    span = self.span(offset)  # clamped (never from a parser)
                else:
                    if not line_start <= offset < line_end:
                        line = _bisect_right(starts, offset)
                        line_start = starts[line - 1]
                        line_end = starts[line] if line < len(starts) else length + 1
                    span = spans[offset] = Span(path, line, offset - line_start + 1)
            found.append(span)
        return found

    def spans_on_line(self, line: int, line_start: int, first: int, second: int) -> tuple[Span, Span]:
        """``self.span(first), self.span(second)`` for two offsets the caller knows to be on
        1-based ``line``, which starts at ``line_start`` (a note's label and body, from the
        layout's lines): the line need not be searched for. Only ``second`` is remembered (a
        note's reference and cites ask for its body's span again, nothing for its label's)."""
        path = self.path
        return (Span(path, line, first - line_start + 1),
                self._spans.setdefault(second, Span(path, line, second - line_start + 1)))

    def line_offset(self, line: int) -> int:
        """The offset where 1-based ``line`` starts."""
        return self._line_starts[line - 1]

    @property
    def line_count(self) -> int:
        return len(self._line_starts)


def decode(data: bytes, path: str) -> str:
    """Decode UTF-8 (or UTF-16/32 with a BOM); refuse binaries and legacy encodings."""
    for bom, codec in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                       (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(codec)
    if b"\x00" in data[:8192]:
        utf16 = _utf16_without_bom(data[:8192])
        if utf16 is not None:
            raise InputError(f"{path}: looks like UTF-16 text without a byte-order mark; "
                             f"convert it, e.g. iconv -f {utf16} -t utf-8")
        raise InputError(f"{path}: binary file (contains NUL bytes), not a text document")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        guess = _legacy_guess(data)
        raise InputError(
            f"{path}:{line}: not UTF-8 (byte 0x{data[error.start]:02x}; looks like {guess}); "
            f"convert it, e.g. iconv -f {guess} -t utf-8"
        ) from None


def _utf16_without_bom(sample: bytes) -> str | None:
    """"utf-16le" or "utf-16be" for mostly ASCII text in UTF-16: every other byte NUL (the odd
    ones little-endian, the even ones big-endian), the bytes between them not. A binary has
    its NULs where they fall."""
    odd, even = sample[1::2], sample[0::2]
    if len(odd) < 8:
        return None
    for zeros, others, name in ((odd, even, "utf-16le"), (even, odd, "utf-16be")):
        if zeros.count(0) >= 0.9 * len(zeros) and others.count(0) == 0:
            return name
    return None


def _legacy_guess(data: bytes) -> str:
    """cp1251 puts Cyrillic letters in 0xC0-0xFF, where Latin-1 text has few high bytes."""
    high = [b for b in data if b >= 0x80]
    cyrillic = sum(1 for b in high if b >= 0xC0)
    return "cp1251" if high and cyrillic / len(high) > 0.6 and len(high) > 20 else "latin-1"


def read_source(path: str) -> SourceText:
    """Read one document; raise ``InputError`` with a one-line message if it cannot be."""
    try:
        size = os.path.getsize(path)
        if size > MAX_BYTES:
            raise InputError(f"{path}: {size / (1024 * 1024):.1f} MB is too large for a document "
                             f"(limit {MAX_BYTES // (1024 * 1024)} MB); split it")
        with open(path, "rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror})") from None
    text = decode(data, path)
    if not text.strip():
        raise InputError(f"{path}: empty file")
    return SourceText(path, text)
