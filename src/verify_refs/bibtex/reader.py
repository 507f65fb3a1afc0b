"""BibTeX files as input: one ``Reference`` per entry, with the lines of the file.

bibtexparser v2 splits the file (it recovers after a broken entry, so one missing brace
costs one entry, not the rest of the file); this module resolves ``@string`` macros and
``#`` concatenations itself, decodes LaTeX to text with pylatexenc, and maps the fields to
a ``Reference``. Whatever BibTeX tools would choke on is reported as a ``bibtex-syntax``
finding at its line: an entry that does not parse, a duplicate key, a duplicate field, an
undefined macro. ``%`` lines and ``@comment`` blocks are comments and are ignored.
"""

from __future__ import annotations

import re

from bibtexparser.model import (DuplicateBlockKeyBlock, DuplicateFieldKeyBlock, Entry,
                                ParsingFailedBlock, String)

from .. import codes
from ..extract.source import SourceText
from ..identifiers import HANDLERS
from ..models import (Finding, Identifier, IdScheme, PageRange, ParsedDocument, Reference,
                      ReferenceKind, Span)
from .bibfile import failure_reason, parse_raw, split_names, split_top_level
from .escape import latex_to_plain

__all__ = ["parse_bibtex", "KIND_OF_TYPE"]

KIND_OF_TYPE = {
    "article": ReferenceKind.ARTICLE, "periodical": ReferenceKind.ARTICLE,
    "book": ReferenceKind.BOOK, "mvbook": ReferenceKind.BOOK, "booklet": ReferenceKind.BOOK,
    "collection": ReferenceKind.BOOK, "mvcollection": ReferenceKind.BOOK,
    "proceedings": ReferenceKind.BOOK, "manual": ReferenceKind.BOOK, "thesis": ReferenceKind.BOOK,
    "phdthesis": ReferenceKind.BOOK, "mastersthesis": ReferenceKind.BOOK,
    "report": ReferenceKind.BOOK, "techreport": ReferenceKind.BOOK,
    "incollection": ReferenceKind.CHAPTER, "inbook": ReferenceKind.CHAPTER,
    "inproceedings": ReferenceKind.CHAPTER, "conference": ReferenceKind.CHAPTER,
    "bookinbook": ReferenceKind.CHAPTER, "inreference": ReferenceKind.CHAPTER,
    "online": ReferenceKind.WEB, "www": ReferenceKind.WEB, "electronic": ReferenceKind.WEB,
}
_LANGUAGES = {
    "english": "en", "american": "en", "british": "en", "russian": "ru", "german": "de",
    "ngerman": "de", "french": "fr", "spanish": "es", "italian": "it", "japanese": "ja",
    "chinese": "zh", "ukrainian": "uk", "polish": "pl", "mongolian": "mn", "czech": "cs",
    "dutch": "nl", "portuguese": "pt", "swedish": "sv", "finnish": "fi", "hebrew": "he",
}
_MONTH_MACROS = {m: str(i) for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}
_HASH = re.compile(r"\s*#\s*")
_EPRINT_SCHEMES = {"jstor": IdScheme.JSTOR, "arxiv": IdScheme.ARXIV, "pubmed": IdScheme.PMID,
                   "pmid": IdScheme.PMID}


class _Values:
    """Field values of one entry, macros resolved and LaTeX decoded, with their lines."""

    def __init__(self, entry: Entry, macros: dict[str, str], source: SourceText, findings: list[Finding]):
        self.raw: dict[str, str] = {}
        self.lines: dict[str, int] = {}
        for field in entry.fields:
            name = field.key.lower()
            if name in self.raw:
                continue  # a duplicate field: reported once for the entry; the first one counts
            line = (field.start_line if field.start_line is not None else entry.start_line or 0) + 1
            self.raw[name] = _expand(str(field.value), macros, lambda m, ln=line, n=name: findings.append(
                codes.finding("bibtex-syntax", Span(source.path, ln, _column(source, ln, n)),
                              f"entry '{entry.key}': field '{n}' uses the undefined @string macro '{m}'")))
            self.lines[name] = line

    def text(self, *names: str) -> str | None:
        for name in names:
            value = self.raw.get(name)
            if value is not None and value.strip():
                return latex_to_plain(value) or None
        return None


def _expand(raw: str, macros: dict[str, str], undefined) -> str:
    """Resolve ``{..}``, ``".."``, numbers and macros joined by ``#`` into one LaTeX string."""
    pieces = []
    for token in split_top_level(raw.strip(), _HASH):
        token = token.strip()
        if len(token) >= 2 and ((token[0] == "{" and token[-1] == "}") or (token[0] == token[-1] == '"')):
            pieces.append(token[1:-1])
        elif token.isdigit() or not token:
            pieces.append(token)
        elif token.lower() in macros:
            pieces.append(macros[token.lower()])
        elif token.lower() in _MONTH_MACROS:
            pieces.append(_MONTH_MACROS[token.lower()])
        else:
            undefined(token)
            pieces.append(token)
    return "".join(pieces)


def _column(source: SourceText, line: int, needle: str) -> int:
    """1-based column of ``needle`` in ``line`` (case-insensitive), 1 if not found."""
    if line > source.line_count:
        return 1
    start = source.line_offset(line)
    end = source.original.find("\n", start)
    text = source.original[start:end if end >= 0 else None]
    found = text.lower().find(needle.lower())
    return found + 1 if found >= 0 else 1


def _pages(value: str | None) -> PageRange | None:
    if not value:
        return None
    parts = [p for p in re.split(r"\s*[-\u2010-\u2015]+\s*", value.strip()) if p]
    if not parts:
        return None
    return PageRange(parts[0], parts[1] if len(parts) > 1 else None, raw=value)


def _year(value: str | None) -> int | None:
    match = re.search(r"\d{4}", value or "")
    return int(match.group()) if match else None


def _identifiers(values: _Values, source: SourceText) -> tuple[Identifier, ...]:
    found = []
    eprinttype = (values.text("eprinttype", "archiveprefix") or "").strip().lower()
    fields = [("doi", IdScheme.DOI), ("isbn", IdScheme.ISBN), ("issn", IdScheme.ISSN)]
    if eprinttype in _EPRINT_SCHEMES:
        fields.append(("eprint", _EPRINT_SCHEMES[eprinttype]))
    for name, scheme in fields:
        raw = values.raw.get(name)
        if not raw or not raw.strip():
            continue
        line = values.lines[name]
        # several ISBNs/ISSNs may share a field: "0-394-44645-3, 978-..."
        for part in re.split(r"\s*[,;]\s*|\s+and\s+", raw.strip()) if scheme is not IdScheme.DOI else [raw.strip()]:
            if part:
                value = HANDLERS[scheme].normalise(part)
                found.append(Identifier(scheme, value, part, Span(source.path, line, _column(source, line, part))))
    return tuple(found)


def _kind(entry: Entry, values: _Values) -> ReferenceKind:
    kind = KIND_OF_TYPE.get(entry.entry_type.lower(), ReferenceKind.OTHER)
    subtype = (values.text("entrysubtype") or "").lower()
    if kind is ReferenceKind.ARTICLE and subtype in ("newspaper", "magazine"):
        return ReferenceKind.NEWS
    if kind is ReferenceKind.OTHER and values.raw.get("url"):
        return ReferenceKind.WEB
    return kind


def _reference(entry: Entry, values: _Values, source: SourceText) -> Reference:
    line = (entry.start_line or 0) + 1
    span = Span(source.path, line, _column(source, line, "@"))
    title = values.text("title")
    subtitle = values.text("subtitle")
    if title and subtitle:
        title = f"{title}: {subtitle}"
    translated = values.text("titleaddon", "usera")
    language = (values.text("langid", "language") or "").strip().lower()
    return Reference(
        id=f"{span.path}:{span.line}:{span.column}",
        span=span,
        text=" ".join((entry.raw or "").split()),
        kind=_kind(entry, values),
        authors=split_names(values.raw.get("author", ""), latex_to_plain),
        editors=split_names(values.raw.get("editor", ""), latex_to_plain),
        year=_year(values.text("year")) or _year(values.text("date")),
        original_year=_year(values.text("origdate", "origyear")),
        title=title,
        translated_title=translated.strip("[] ") if translated else None,
        container=values.text("journaltitle", "journal", "booktitle", "maintitle"),
        volume=values.text("volume"),
        issue=values.text("number", "issue"),
        pages=_pages(values.text("pages")),
        publisher=values.text("publisher", "organization", "institution", "school"),
        place=values.text("location", "address"),
        edition=values.text("edition"),
        language=_LANGUAGES.get(language, language or None),
        url=values.text("url"),
        accessed=values.text("urldate"),
        identifiers=_identifiers(values, source),
    )


def _failure_message(block: ParsingFailedBlock) -> str:
    if isinstance(block, DuplicateBlockKeyBlock):
        previous = (block.previous_block.start_line or 0) + 1
        return f"duplicate key '{block.key}' (first used at line {previous}); BibTeX keeps only one"
    if isinstance(block, DuplicateFieldKeyBlock):
        entry = block.ignore_error_block
        names = ", ".join(sorted(block.duplicate_keys))
        return f"entry '{getattr(entry, 'key', '?')}' has the field(s) {names} twice; the first is used"
    return f"this entry does not parse ({failure_reason(block.error)}); it is skipped"


def parse_bibtex(source: SourceText) -> ParsedDocument:
    """One ``Reference`` per entry of a BibTeX file; syntax problems as findings."""
    library = parse_raw(source.original)
    findings: list[Finding] = []
    macros: dict[str, str] = {}
    references = []
    for block in library.blocks:
        if isinstance(block, String):
            macros[block.key.lower()] = _expand(str(block.value), macros, lambda m: None)
            continue
        entry: Entry | None = block if isinstance(block, Entry) else None
        if isinstance(block, ParsingFailedBlock):
            line = (block.start_line or 0) + 1
            findings.append(codes.finding("bibtex-syntax", Span(source.path, line, _column(source, line, "@")),
                                          _failure_message(block)))
            inner = block.ignore_error_block
            if isinstance(block, (DuplicateBlockKeyBlock, DuplicateFieldKeyBlock)) and isinstance(inner, Entry):
                entry = inner  # still a description of a work: check it too
            elif isinstance(inner, String):
                macros[inner.key.lower()] = _expand(str(inner.value), macros, lambda m: None)
        if entry is not None:
            references.append(_reference(entry, _Values(entry, macros, source, findings), source))
    findings.sort(key=Finding.sort_key)
    return ParsedDocument(path=source.path, references=tuple(references), findings=tuple(findings))
