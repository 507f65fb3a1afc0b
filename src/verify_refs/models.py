"""Typed, frozen records passed between the stages of the pipeline.

Every stage takes and returns these records, never raw dicts: the extractor
produces ``Marker``/``Note``/``Reference``/``ShortCite``, the resolver turns a
``Reference`` into a ``Resolution`` holding a ``RegistryWork``, and every check
yields ``Finding``s. Lines and columns are 1-based, as editors show them.
"""

from __future__ import annotations

import dataclasses
import enum
from dataclasses import dataclass, field
from typing import TypeVar

_Record = TypeVar("_Record", bound=type)


def _quick_init(cls: _Record) -> _Record:
    """Give a frozen, slotted dataclass an ``__init__`` that stores each field through its
    slot's own descriptor instead of ``object.__setattr__``.

    Why: the extractor builds tens of thousands of these records per run, and a frozen
    dataclass's generated ``__init__`` looks ``object.__setattr__`` up and calls it once per
    field: about three times the cost of a mutable one (a 24-field ``Reference`` takes
    2 µs). The slot descriptor's ``__set__`` is what ``object.__setattr__`` ends up calling,
    minus the frozen check it bypasses anyway. The record stays exactly as frozen: assigning
    to a field still raises ``FrozenInstanceError``. The signature (names, order, defaults)
    is the dataclass's own; ``test_models`` compares them. The function is compiled from
    source, as ``dataclasses`` compiles its own ``__init__``: a generic ``*args`` loop would
    cost more than it saves.
    """
    names, params, namespace = [], [], {}
    for item in dataclasses.fields(cls):
        assert item.init and item.default_factory is dataclasses.MISSING, item.name
        namespace[f"_set_{item.name}"] = vars(cls)[item.name].__set__  # the slot's descriptor
        if item.default is dataclasses.MISSING:
            params.append(item.name)
        else:
            namespace[f"_default_{item.name}"] = item.default
            params.append(f"{item.name}=_default_{item.name}")
        names.append(item.name)
    assert not hasattr(cls, "__post_init__"), cls
    body = "".join(f"\n    _set_{name}(self, {name})" for name in names) or "\n    pass"
    exec(f"def __init__(self, {', '.join(params)}):{body}", namespace)  # noqa: S102
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    cls.__init__ = init
    return cls


class Severity(enum.IntEnum):
    """How bad a finding is; ordered so ``--fail-on`` can compare."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Severity:
        try:
            return cls[text.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {text!r} (use error, warning or info)") from None


@_quick_init
@dataclass(frozen=True, slots=True, order=True)
class Span:
    """Where something starts in a document: path as given, 1-based line and column."""

    path: str
    line: int
    column: int


class MarkerStyle(str, enum.Enum):
    BRACKET = "bracket"  # [8], [8, 9], [3–5]
    FOOTNOTE = "footnote"  # Markdown [^id]
    SUPERSCRIPT = "superscript"  # ⁸
    GLUED = "glued"  # a digit that lost its superscript: "1938.1", "Sedov2"


@_quick_init
@dataclass(frozen=True, slots=True)
class Marker:
    """An in-text pointer to a note."""

    label: str  # "8", or the Markdown footnote id ("note-a")
    span: Span
    style: MarkerStyle


@_quick_init
@dataclass(frozen=True, slots=True)
class Note:
    """One entry of a notes section (or a Markdown footnote definition)."""

    label: str
    span: Span  # where the note's line starts
    text: str  # the body: label, caret and backlinks removed
    body_span: Span  # where ``text`` starts, so spans inside the body can be computed
    backlinks: int | None = None  # Wikipedia "Jump up to: a b c" -> 3; "^" -> 1
    section: str | None = None  # heading of the section it sits in, if any


class ReferenceKind(str, enum.Enum):
    ARTICLE = "article"
    BOOK = "book"
    CHAPTER = "chapter"
    WEB = "web"
    NEWS = "news"  # newspaper or magazine
    OTHER = "other"


class IdScheme(str, enum.Enum):
    DOI = "doi"
    ISBN = "isbn"
    ISSN = "issn"
    JSTOR = "jstor"
    OCLC = "oclc"
    URL = "url"
    ARXIV = "arxiv"
    PMID = "pmid"


@_quick_init
@dataclass(frozen=True, slots=True)
class Identifier:
    """An identifier as written (``raw``) and normalised (``value``)."""

    scheme: IdScheme
    value: str  # normalised: DOI lower-cased without resolver prefix, ISBN digits only, ...
    raw: str
    span: Span


@_quick_init
@dataclass(frozen=True, slots=True)
class Person:
    family: str
    given: str = ""

    def display(self) -> str:
        return f"{self.family}, {self.given}" if self.given else self.family


@_quick_init
@dataclass(frozen=True, slots=True)
class PageRange:
    """Pages as cited. ``first``/``last`` are strings ("e33693", "S19"); ``last`` is
    expanded ("405–20" -> "420")."""

    first: str
    last: str | None = None
    raw: str = ""

    def numeric(self) -> tuple[int, int] | None:
        """(first, last) as integers when both are plain numbers, else None."""
        if not self.first.isdigit():
            return None
        last = self.last if self.last is not None else self.first
        if not last.isdigit():
            return None
        return int(self.first), int(last)


@_quick_init
@dataclass(frozen=True, slots=True)
class Reference:
    """A full reference: a bibliography entry or a note that describes a work."""

    id: str  # stable: "path:line:column"
    span: Span
    text: str  # the reference as written (normalised whitespace)
    kind: ReferenceKind = ReferenceKind.OTHER
    authors: tuple[Person, ...] = ()
    editors: tuple[Person, ...] = ()
    year: int | None = None
    year_suffix: str = ""  # "a" of "1968a"
    original_year: int | None = None  # "(1972) [1969]" -> 1969
    title: str | None = None
    translated_title: str | None = None  # "[Flight of the Century]"
    container: str | None = None  # journal, book (for a chapter), newspaper, website
    volume: str | None = None
    issue: str | None = None
    pages: PageRange | None = None  # the work's own page range
    pinpoints: tuple[str, ...] = ()  # "p. 407" inside a full note
    publisher: str | None = None
    place: str | None = None
    edition: str | None = None
    language: str | None = None  # "in Russian" -> "ru"
    url: str | None = None
    accessed: str | None = None  # "Retrieved 12 February 2012"
    identifiers: tuple[Identifier, ...] = ()
    note_label: str | None = None  # the note it sits in, if any

    def ids(self, scheme: IdScheme) -> tuple[Identifier, ...]:
        return tuple(i for i in self.identifiers if i.scheme is scheme)

    def first_id(self, scheme: IdScheme) -> str | None:
        found = self.ids(scheme)
        return found[0].value if found else None

    @property
    def doi(self) -> str | None:
        return self.first_id(IdScheme.DOI)

    @property
    def jstor(self) -> str | None:
        return self.first_id(IdScheme.JSTOR)

    @property
    def first_author(self) -> str | None:
        return self.authors[0].family if self.authors else None


class ShortCiteStyle(str, enum.Enum):
    AUTHOR_YEAR = "author-year"  # Coox 1968, p. 407 / Coox (1968: 411)
    PARENTHETICAL = "parenthetical"  # (Coox 1968, p. 411) in running text
    AUTHOR_TITLE = "author-title"  # Chicago short note: Coox, "L'Affaire," 407
    IBID = "ibid"
    OP_CIT = "op-cit"
    MARKER = "marker"  # IEEE, Vancouver: [11, p. 135], the page cited in note 11's work


@_quick_init
@dataclass(frozen=True, slots=True)
class ShortCite:
    """An abbreviated pointer to a full reference."""

    span: Span
    text: str
    style: ShortCiteStyle
    author: str | None = None  # surname or leading words: "Coox", "Vsesoiuznoe soveshchanie"
    year: int | None = None
    year_suffix: str = ""
    short_title: str | None = None
    pinpoints: tuple[str, ...] = ()  # pages cited: ("407",), ("405-407",)
    note_label: str | None = None
    # read from an author that may be no author ("An & Liu (2016)", names.SURNAMES_TOO):
    # linked when it names a reference, never reported as an orphan
    tentative: bool = False


@_quick_init
@dataclass(frozen=True, slots=True)
class ParsedDocument:
    """Everything the extractor found in one document."""

    path: str
    markers: tuple[Marker, ...] = ()
    notes: tuple[Note, ...] = ()
    references: tuple[Reference, ...] = ()
    short_cites: tuple[ShortCite, ...] = ()
    findings: tuple[Finding, ...] = ()  # problems seen while parsing (stray numbers, ...)
    text: str = field(default="", repr=False, compare=False)  # ``SourceText.text``, for checks that look back at it


@_quick_init
@dataclass(frozen=True, slots=True)
class Finding:
    """One problem, pointing at its source."""

    code: str  # stable kebab-case, see ``verify_refs.codes``
    severity: Severity
    span: Span
    message: str
    hint: str = ""
    reference_id: str | None = None
    related: tuple[Span, ...] = ()  # other places involved (corpus-wide checks)
    # What exactly is wrong, in words two checks share ("page 407"), when two checks can
    # find the same fault and word it differently: findings with one code, place,
    # reference and subject are one fault (``pipeline._dedupe``). Empty: the message says it.
    subject: str = ""

    def sort_key(self) -> tuple:
        return (self.span.path, self.span.line, self.span.column, self.code, self.message)


# --- the registry side -------------------------------------------------------


@_quick_init
@dataclass(frozen=True, slots=True)
class WorkUpdate:
    """A Crossref ``update-to`` / ``updated-by`` entry (retraction, correction, ...)."""

    type: str  # "retraction", "correction", "erratum", ...
    doi: str
    label: str = ""
    date: str = ""


@_quick_init
@dataclass(frozen=True, slots=True)
class RegistryWork:
    """The fields of a Crossref work record that the checks need."""

    doi: str
    type: str = ""  # Crossref type: journal-article, book-chapter, book, ...
    title: str = ""
    subtitle: str = ""
    authors: tuple[Person, ...] = ()
    editors: tuple[Person, ...] = ()
    year: int | None = None
    month: int | None = None
    # the years of the record's print and online dates where they differ from ``year`` (the
    # earliest): a work issued online in 2014 and printed in 2015 is rightly cited as 2015
    other_years: tuple[int, ...] = ()
    container_titles: tuple[str, ...] = ()
    short_container_titles: tuple[str, ...] = ()
    volume: str | None = None
    issue: str | None = None
    page: str | None = None
    issn: tuple[str, ...] = ()
    isbn: tuple[str, ...] = ()
    publisher: str | None = None
    url: str | None = None
    language: str | None = None
    updated_by: tuple[WorkUpdate, ...] = ()
    update_to: tuple[WorkUpdate, ...] = ()


class Outcome(str, enum.Enum):
    RESOLVED = "resolved"  # we know which registry work this is
    NOT_FOUND = "not-found"  # the cited DOI exists nowhere
    NO_MATCH = "no-match"  # search found nothing good enough
    AMBIGUOUS = "ambiguous"  # two candidates equally good
    UNCHECKED = "unchecked"  # could not ask (offline, network, DOI outside Crossref's API)


class Status(str, enum.Enum):
    """The JSON ``references[].status``."""

    VERIFIED = "verified"
    MISMATCH = "mismatch"
    UNRESOLVED = "unresolved"
    UNCHECKED = "unchecked"


@_quick_init
@dataclass(frozen=True, slots=True)
class Resolution:
    """What the resolver made of one reference."""

    reference_id: str
    outcome: Outcome
    work: RegistryWork | None = None
    via: str = ""  # "doi", "jstor", "search": how the work was found, also when served from the lock
    confidence: float | None = None  # our own normalised match evidence, 0..1
    reason: str = ""  # why unchecked / why no match
    # near misses / the ambiguous pair / for a DOI found nowhere, the search's match (one
    # work) or its ambiguous pair
    candidates: tuple[RegistryWork, ...] = ()
    jstor_work: RegistryWork | None = None  # the work the JSTOR id names, when it differs
    from_lock: bool = False  # served from the lock file (no request sent)

    @property
    def searched_work(self) -> RegistryWork | None:
        """For a cited DOI found nowhere: the work a bibliographic search of the reference
        resolved to, when the search resolved it (the resolver then keeps that one work as
        the candidate; an ambiguous search keeps two, and with a JSTOR id the candidate is
        the id's work, not a search's)."""
        if self.outcome is Outcome.NOT_FOUND and self.jstor_work is None and len(self.candidates) == 1:
            return self.candidates[0]
        return None


@dataclass(frozen=True, slots=True)
class Report:
    """The whole result of a run: what the formatters print."""

    paths: tuple[str, ...]
    documents: tuple[ParsedDocument, ...]
    findings: tuple[Finding, ...]
    resolutions: dict[str, Resolution] = field(default_factory=dict)
    statuses: dict[str, Status] = field(default_factory=dict)
    input_errors: tuple[str, ...] = ()  # one-line messages for unreadable inputs
    notices: tuple[str, ...] = ()  # said once to the user: public pool, network down, ...
    suppressed: int = 0  # findings hidden by select / ignore / per-file-ignores
    fixed: int = 0  # fields --fix corrected in .bib inputs (their findings are left out)
