"""One BibTeX entry per distinct work cited in the corpus.

References are merged into works by DOI (the registry's DOI when resolved, else the one
cited); a reference without a DOI joins the work with the same first-author surname, year
and title, or forms its own. A work's fields come from the registry record where the
resolver found one (``Outcome.RESOLVED``) and from the parsed reference otherwise, which is
then marked ``keywords = {unverified}``. What the registry does not know (translated title,
original date, URL and access date, ISBN of the edition read) is taken from the references.

Fields follow biblatex's data model, so ``biber --validate-datamodel`` accepts the file:
a field is written only for entry types that allow it. Two choices worth knowing:

* ``journaltitle`` (biblatex) is doubled by ``journal`` so that classic BibTeX styles,
  which read only ``journal``, still show the journal. Biber notes the duplicate alias
  and ignores ``journal``.
* A translated title goes into ``titleaddon`` in square brackets (``[Let History Judge]``),
  which every biblatex style prints after the title; ``usera`` would need a custom style.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..models import IdScheme, Outcome, Person, Reference, ReferenceKind, RegistryWork, Resolution
from ..identifiers.isbn import as_isbn13
from ..identifiers.issn import problem as issn_problem
from ..resolve.matching import doi_names_another_work, same_container_name, work_cited
from .escape import escape_name, escape_text, escape_verbatim, protect_case
from .keys import Identity, base_key

__all__ = ["Work", "build_works", "FIELD_ORDER", "TYPE_FIELDS", "UNVERIFIED", "iso_date",
           "format_pages", "registry_entry_type"]

UNVERIFIED = "unverified"

# The order fields are written in; fields a user added by hand follow them.
FIELD_ORDER = (
    "author", "editor", "title", "subtitle", "titleaddon", "journaltitle", "journal",
    "booktitle", "organization", "entrysubtype", "edition", "volume", "number", "pages",
    "publisher", "location", "date", "year", "origdate", "langid", "isbn", "issn", "doi",
    "eprint", "eprinttype", "url", "urldate", "note", "keywords",
)
_COMMON = frozenset({"author", "editor", "title", "subtitle", "titleaddon", "date", "year",
                     "origdate", "langid", "doi", "eprint", "eprinttype", "url", "urldate",
                     "note", "keywords"})
# Which generated fields each biblatex type accepts (biblatex manual, section 2.1).
TYPE_FIELDS: dict[str, frozenset[str]] = {
    "article": _COMMON | {"journaltitle", "journal", "entrysubtype", "volume", "number",
                          "pages", "issn"},
    "book": _COMMON | {"edition", "volume", "pages", "publisher", "location", "isbn"},
    "incollection": _COMMON | {"booktitle", "edition", "volume", "pages", "publisher",
                               "location", "isbn"},
    "inbook": _COMMON | {"booktitle", "edition", "volume", "pages", "publisher",
                         "location", "isbn"},
    "inproceedings": _COMMON | {"booktitle", "volume", "pages", "publisher", "location",
                                "organization", "isbn"},
    "online": _COMMON | {"organization"},
    "misc": _COMMON | {"organization", "publisher", "location"},
}

_REGISTRY_TYPES = {
    "journal-article": "article",
    "book": "book", "monograph": "book", "edited-book": "book", "reference-book": "book",
    "book-set": "book", "book-series": "book",
    "book-chapter": "incollection", "book-section": "incollection", "book-part": "incollection",
    "reference-entry": "incollection",
    "proceedings-article": "inproceedings",
}
_KIND_TYPES = {
    ReferenceKind.ARTICLE: "article", ReferenceKind.NEWS: "article",
    ReferenceKind.BOOK: "book", ReferenceKind.CHAPTER: "incollection",
    ReferenceKind.WEB: "online", ReferenceKind.OTHER: "misc",
}
_LANGIDS = {
    "en": "english", "ru": "russian", "de": "german", "fr": "french", "es": "spanish",
    "it": "italian", "ja": "japanese", "zh": "chinese", "uk": "ukrainian", "pl": "polish",
    "mn": "mongolian", "cs": "czech", "nl": "dutch", "pt": "portuguese", "sv": "swedish",
    "fi": "finnish", "he": "hebrew", "ko": "korean", "be": "belarusian", "kk": "kazakh",
}


@dataclass(frozen=True, slots=True)
class Work:
    """One entry to write, before its key is assigned. Field values are LaTeX-safe bodies
    (without the outer braces), in ``FIELD_ORDER``."""

    entry_type: str
    fields: tuple[tuple[str, str], ...]
    identities: tuple[Identity, ...]  # first: the written metadata; then each citation's
    base_key: str
    verified: bool
    reference_ids: tuple[str, ...]

    def field(self, name: str) -> str | None:
        return next((v for k, v in self.fields if k == name), None)


# --- grouping -----------------------------------------------------------------


def _cited_container(names: Sequence[str], cited: str | None) -> str | None:
    """Of the registry's container titles, the one the citation names: a chapter's record may
    list its series first ("Communications in Computer and Information Science", "New Trends
    in Databases and Information Systems"), and the book is what the citation and the
    ``booktitle`` name. The first when none is named."""
    if not names:
        return None
    if cited and len(names) > 1:
        return next((name for name in names if same_container_name(cited, name)), names[0])
    return names[0]


def _registry_work(reference: Reference, resolutions: Mapping[str, Resolution]) -> RegistryWork | None:
    resolution = resolutions.get(reference.id)
    return work_cited(reference, resolution) if resolution is not None else None


def _group(references: Sequence[Reference], resolutions: Mapping[str, Resolution]) -> list[list[Reference]]:
    """References grouped into works, each group and the list in a deterministic order."""
    by_doi: dict[str, list[Reference]] = {}
    loose: list[Reference] = []
    for reference in sorted(references, key=lambda r: (r.span, r.id)):
        work = _registry_work(reference, resolutions)
        doi = (work.doi if work and work.doi else None) or reference.doi
        (by_doi.setdefault(doi.lower(), []) if doi else loose).append(reference)
    desc_to_doi: dict[tuple, set[str]] = {}
    for doi, members in by_doi.items():
        for identity in _identities(members, resolutions):
            if identity.descriptive:
                desc_to_doi.setdefault(identity.descriptive, set()).add(doi)
    by_desc: dict[tuple, list[Reference]] = {}
    for reference in loose:
        desc = Identity.of(None, _first_name(reference), reference.year, reference.title).descriptive
        dois = desc_to_doi.get(desc, set()) if desc else set()
        if len(dois) == 1:
            by_doi[next(iter(dois))].append(reference)
        else:  # no title: only an identical text is the same work
            by_desc.setdefault(desc or ("text", " ".join(reference.text.lower().split())), []).append(reference)
    groups = list(by_doi.values()) + list(by_desc.values())
    return sorted((sorted(g, key=lambda r: (r.span, r.id)) for g in groups), key=lambda g: (g[0].span, g[0].id))


def _first_name(reference: Reference) -> str | None:
    people = reference.authors or reference.editors
    return people[0].family if people else None


def _identities(members: Sequence[Reference], resolutions: Mapping[str, Resolution]) -> list[Identity]:
    identities = []
    for reference in members:
        work = _registry_work(reference, resolutions)
        if work is not None:
            people = work.authors or work.editors
            identities.append(Identity.of(work.doi, people[0].family if people else None, work.year, work.title))
        identities.append(Identity.of(reference.doi, _first_name(reference), reference.year, reference.title))
    return identities


# --- field values -------------------------------------------------------------

_MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())})
_MONTHS["sept"] = 9


def iso_date(text: str | None) -> str | None:
    """``Retrieved 12 February 2012`` / ``February 12, 2012`` / ``2012-02-12`` -> ``2012-02-12``."""
    if not text:
        return None
    lowered = text.lower()
    match = re.search(r"\b(\d{4})-(\d{1,2})(?:-(\d{1,2}))?\b", lowered)
    if match:
        year, month, day = int(match[1]), int(match[2]), int(match[3]) if match[3] else None
    else:
        year_match = re.search(r"\b(1[5-9]\d\d|2\d\d\d)\b", lowered)
        month_match = re.search(r"\b(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b\.?", lowered)
        if not year_match:
            return None
        year = int(year_match[1])
        month = _MONTHS[month_match[1]] if month_match else None
        day_match = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\b(?!\d)", lowered.replace(year_match[1], " "))
        day = int(day_match[1]) if day_match and month else None
    if month is None or not 1 <= month <= 12:
        return f"{year:04d}"
    if day is None or not 1 <= day <= 31:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def format_pages(first: str, last: str | None) -> str:
    """``405``, ``405--420``: the range with BibTeX's en dash."""
    return f"{first}--{last}" if last and last != first else first


def _registry_pages(page: str | None) -> str | None:
    if not page:
        return None
    parts = [p.strip() for p in re.split(r"\s*[-\u2010-\u2015]+\s*", page) if p.strip()]
    if len(parts) == 2:
        return format_pages(parts[0], parts[1])
    return page


def _isbn(value: str) -> str:
    from stdnum import isbn
    try:
        return isbn.format(value)
    except Exception:
        return value


def _issn(value: str) -> str:
    from stdnum import issn
    try:
        return issn.format(value)
    except Exception:
        return value


def _langid(language: str | None) -> str | None:
    if not language:
        return None
    code = language.strip().lower()
    if code in _LANGIDS:
        return _LANGIDS[code]
    base = re.split(r"[-_]", code)[0]
    if base in _LANGIDS:
        return _LANGIDS[base]
    return code if code in _LANGIDS.values() else None


def registry_entry_type(work: RegistryWork) -> str:
    """The biblatex type of a Crossref record (``journal-article`` -> ``article``)."""
    return _REGISTRY_TYPES.get(work.type, "misc")


def _edition(text: str | None) -> str | None:
    if not text:
        return None
    match = re.fullmatch(r"\s*(\d+)\s*(?:st|nd|rd|th)?\.?\s*(?:ed(?:ition)?\.?)?\s*", text, re.IGNORECASE)
    return match[1] if match else text


def _people(people: Sequence[Person]) -> str | None:
    names = [escape_name(p.family, p.given) for p in people if p.family.strip()]
    return " and ".join(names) if names else None


def _first(members: Sequence[Reference], attribute: str):
    """The first non-empty value of ``attribute`` among the members (richest first)."""
    for reference in members:
        value = getattr(reference, attribute)
        if value:
            return value
    return None


def _first_id(members: Sequence[Reference], scheme: IdScheme) -> str | None:
    for reference in members:
        value = reference.first_id(scheme)
        if value:
            return value
    return None


def _richness(reference: Reference) -> int:
    return sum(1 for name in ("authors", "year", "title", "container", "volume", "issue", "pages",
                              "publisher", "place", "url", "identifiers") if getattr(reference, name))


def _build(members: list[Reference], resolutions: Mapping[str, Resolution]) -> Work:
    ranked = sorted(members, key=lambda r: -_richness(r))  # stable: ties keep document order
    work = next((w for w in (_registry_work(r, resolutions) for r in members) if w is not None), None)
    parsed = ranked[0]
    values: dict[str, str | None] = {}
    kind = parsed.kind
    if work is not None:
        entry_type = registry_entry_type(work)
        if entry_type == "misc" and kind is not ReferenceKind.OTHER:
            entry_type = _KIND_TYPES[kind]
        authors, editors = work.authors or parsed.authors, work.editors or parsed.editors
        title, subtitle = work.title or parsed.title, work.subtitle or None
        if "\ufffd" in f"{title} {subtitle or ''}" and parsed.title:
            title, subtitle = parsed.title, None  # the registry's lost its accented letters: the cited one is whole
        container = _cited_container(work.container_titles, _first(ranked, "container")) or parsed.container
        volume, issue = work.volume or parsed.volume, work.issue or parsed.issue
        pages = _registry_pages(work.page)
        year, month = work.year or parsed.year, work.month if work.year else None
        if parsed.year in work.other_years:
            year, month = parsed.year, None  # the print year cited, not the online one before it
        publisher = work.publisher or _first(ranked, "publisher")
        cited_issn = _first_id(ranked, IdScheme.ISSN)
        issn = cited_issn if cited_issn and (cited_issn in work.issn or not work.issn) else (
            work.issn[0] if work.issn else None)
        isbn = _first_id(ranked, IdScheme.ISBN) or (work.isbn[0] if work.isbn else None)
        doi = work.doi
        language = work.language or _first(ranked, "language")
    else:
        entry_type = _KIND_TYPES[kind]
        authors, editors = parsed.authors, parsed.editors
        title, subtitle = parsed.title, None
        container, volume, issue = parsed.container, parsed.volume, parsed.issue
        pages = format_pages(parsed.pages.first, parsed.pages.last) if parsed.pages else None
        year, month = parsed.year, None
        publisher = _first(ranked, "publisher")
        issn = _first_id(ranked, IdScheme.ISSN)
        isbn = _first_id(ranked, IdScheme.ISBN)
        language = _first(ranked, "language")
        # (not a DOI that names another work, nor one found nowhere: doi-not-found)
        doi = None if any((res.work is not None and doi_names_another_work(r, res.work))
                          or res.outcome is Outcome.NOT_FOUND for r in members
                          if (res := resolutions.get(r.id)) is not None) else _first_id(ranked, IdScheme.DOI)
    if isbn and as_isbn13(isbn) is None:  # a mistyped ISBN (invalid-isbn) is not copied: the registry's, if any
        isbn = next((i for i in (work.isbn if work is not None else ()) if as_isbn13(i)), None)
    if issn and issn_problem(issn) is not None:
        issn = next((i for i in (work.issn if work is not None else ()) if issn_problem(i) is None), None)
    if pages is None:
        pages_ref = _first(ranked, "pages")
        pages = format_pages(pages_ref.first, pages_ref.last) if pages_ref else None
    # Degrade types whose mandatory container is unknown.
    if entry_type == "article" and not container:
        entry_type = "misc"
    elif entry_type in ("incollection", "inproceedings") and not container:
        entry_type = "book"
    elif entry_type == "incollection" and not editors:
        entry_type = "inbook"  # biblatex wants the editors of a collection; a chapter of
        # a single-author book is an @inbook
    url = _first(ranked, "url")
    if url and any(r.doi and r.doi.lower() in url.lower() and r.doi.lower() != (doi or "").lower() for r in members):
        url = None  # "https://doi.org/" of a DOI that names another work, or exists nowhere: not this work's
    if entry_type == "online" and not url:
        entry_type = "misc"

    def text(value: str | None) -> str | None:
        return escape_text(value) if value else None

    values["author"] = _people(authors)
    values["editor"] = _people(editors)
    # Nothing parsed: the reference as written stands in as the title (biblatex requires
    # one), so the entry still prints something useful; it is marked unverified anyway.
    values["title"] = protect_case(escape_text(title or parsed.text))
    values["subtitle"] = protect_case(escape_text(subtitle)) if subtitle else None
    translated = _first(ranked, "translated_title")
    values["titleaddon"] = text(f"[{translated.strip('[] ')}]") if translated else None
    if entry_type == "article":
        values["journaltitle"] = values["journal"] = text(container)
        if kind is ReferenceKind.NEWS:
            values["entrysubtype"] = "newspaper"
    elif entry_type in ("incollection", "inbook", "inproceedings"):
        values["booktitle"] = protect_case(escape_text(container)) if container else None
    elif entry_type in ("online", "misc"):
        values["organization"] = text(container)
    values["edition"] = text(_edition(_first(ranked, "edition")))
    values["volume"] = text(volume)
    values["number"] = text(issue)
    values["pages"] = text(pages)
    values["publisher"] = text(publisher)
    values["location"] = text(_first(ranked, "place"))
    if year is not None:
        values["date"] = f"{year:04d}-{month:02d}" if month else f"{year:04d}"
        values["year"] = f"{year:04d}"
    original = _first(ranked, "original_year")
    values["origdate"] = f"{original:04d}" if original and original != year else None
    values["langid"] = _langid(language)
    values["isbn"] = escape_verbatim(_isbn(isbn)) if isbn else None
    values["issn"] = escape_verbatim(_issn(issn)) if issn else None
    values["doi"] = escape_verbatim(doi) if doi else None
    jstor = _first_id(ranked, IdScheme.JSTOR)
    if jstor:
        values["eprint"], values["eprinttype"] = escape_verbatim(jstor), "jstor"
    values["url"] = escape_verbatim(url) if url else None
    accessed = iso_date(_first(ranked, "accessed"))
    values["urldate"] = accessed if url and accessed else None
    values["keywords"] = None if work is not None else UNVERIFIED
    allowed = TYPE_FIELDS[entry_type]
    fields = tuple((name, values[name]) for name in FIELD_ORDER
                   if values.get(name) and name in allowed)
    identities = [Identity.of(doi, (authors or editors)[0].family if (authors or editors) else None, year, title)]
    identities.extend(i for i in _identities(members, resolutions) if i not in identities)
    first_person = (authors or editors)[0].family if (authors or editors) else None
    return Work(
        entry_type=entry_type,
        fields=fields,
        identities=tuple(identities),
        base_key=base_key(first_person, year, title, fallback=container or parsed.text),
        verified=work is not None,
        reference_ids=tuple(r.id for r in members),
    )


def build_works(references: Sequence[Reference], resolutions: Mapping[str, Resolution]) -> list[Work]:
    """One ``Work`` per distinct work among ``references``, in first-citation order."""
    return [_build(group, resolutions) for group in _group(references, resolutions)]
