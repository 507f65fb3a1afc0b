"""Records for the BibTeX tests: the corpus's works as parsed ``Reference``s and as Crossref
records (shaped like the ``message`` of ``/works/{doi}``), built directly, no network."""

from __future__ import annotations

from dataclasses import replace

import bibtexparser

from verify_refs.models import (Identifier, IdScheme, Outcome, PageRange, Person, Reference,
                                ReferenceKind, Resolution, Span)
from verify_refs.resolve.records import work_from_json

DOC = "corpus/mongolian-road-to-pearl-harbor.txt"


def span(line: int, path: str = DOC) -> Span:
    return Span(path, line, 1)


def ident(scheme: IdScheme, value: str, raw: str, line: int, path: str = DOC) -> Identifier:
    return Identifier(scheme, value, raw, span(line, path))


def ref(line: int, path: str = DOC, **fields) -> Reference:
    where = span(line, path)
    fields.setdefault("text", f"reference at line {line}")
    return Reference(id=f"{where.path}:{where.line}:{where.column}", span=where, **fields)


def coox(line: int = 38, path: str = DOC, **changes) -> Reference:
    reference = ref(
        line, path, kind=ReferenceKind.ARTICLE, authors=(Person("Coox", "Alvin D."),), year=1968,
        title="L'Affaire Lyushkov: Anatomy of a Defector", container="Soviet Studies",
        volume="19", issue="3", pages=PageRange("405", "420", "405–20"),
        text='Coox, Alvin D. (January 1968). "L\'Affaire Lyushkov: Anatomy of a Defector". Soviet '
             "Studies. 19 (3): 405–20. doi:10.1080/09668136808410603. ISSN 0038-5859. JSTOR 149953.",
        identifiers=(ident(IdScheme.DOI, "10.1080/09668136808410603", "10.1080/09668136808410603", line, path),
                     ident(IdScheme.ISSN, "0038-5859", "0038-5859", line, path),
                     ident(IdScheme.JSTOR, "149953", "149953", line, path)),
    )
    return replace(reference, **changes)


def kuksin(line: int = 42) -> Reference:
    return ref(line, kind=ReferenceKind.NEWS, authors=(Person("Kuksin", "Ilya"),), year=1999,
               title="ПОБЕГ СТОЛЕТИЯ", translated_title="Flight of the Century", container="Vestnik",
               volume="17", issue="224", publisher="Vestnik Information Agency", language="ru",
               url="http://www.vestnik.com/issues/1999/0817/koi/kuksin.htm",
               accessed="Retrieved 12 February 2012")


def berkman(line: int = 43) -> Reference:
    return ref(line, kind=ReferenceKind.CHAPTER, authors=(Person("Berkman", "Alexander"),), year=1989,
               original_year=1925, title="Chapter 32: Odessa: Life and Vision",
               container="The Bolshevik Myth (Diary 1920–1922)", publisher="Pluto Press", place="London",
               identifiers=(ident(IdScheme.ISBN, "1853050326", "1-85305-032-6", line),
                            ident(IdScheme.OCLC, "1144036", "1144036", line)))


def medvedev(line: int = 45) -> Reference:
    return ref(line, kind=ReferenceKind.BOOK, authors=(Person("Medvedev", "Roy"),), year=1972,
               original_year=1969, title="К суду истории",
               translated_title="Let History Judge: The Origin and Consequences of Stalinism",
               publisher="Alfred A. Knopf", language="ru",
               identifiers=(ident(IdScheme.ISBN, "0394446453", "0-394-44645-3", line),))


from crossref_records import COOX_RECORD  # noqa: E402  (shared with the matching tests)


def resolved(reference: Reference, record: dict, via: str = "doi", confidence: float = 1.0,
             **changes) -> Resolution:
    return Resolution(reference.id, Outcome.RESOLVED, work_from_json(record), via=via,
                      confidence=confidence, **changes)


def corpus() -> tuple[list[Reference], dict[str, Resolution]]:
    """The four works of the corpus; Coox resolved through its DOI, the rest unverified."""
    references = [coox(), kuksin(), berkman(), medvedev()]
    return references, {references[0].id: resolved(references[0], COOX_RECORD)}


def entries_of(text: str) -> dict[str, dict[str, str]]:
    """key -> {field: value} of a BibTeX text, parsed back with bibtexparser's defaults."""
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks, [b.error for b in library.failed_blocks]
    return {e.key: {"ENTRYTYPE": e.entry_type, **{f.key: f.value for f in e.fields}}
            for e in library.entries}
