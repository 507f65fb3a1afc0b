"""Composed Crossref work records and references for the resolver tests.

The records copy the *shape* of real Crossref answers (arrays for titles, partial
``date-parts``, ``page`` as a string); their content is written here. The Coox article is
a real work described from its printed bibliographic data; the ``10.5555`` DOIs (Crossref's
test prefix) are invented.
"""

from __future__ import annotations

from typing import Any

from verify_refs.models import (
    Identifier,
    IdScheme,
    PageRange,
    Person,
    Reference,
    ReferenceKind,
    Span,
)

COOX_DOI = "10.1080/09668136808410603"


def _record(doi: str, title: str, authors: list[tuple[str, str]], year: int, month: int | None,
            container: str, volume: str, issue: str, page: str, issn: str,
            publisher: str = "Informa UK Limited", **extra: Any) -> dict[str, Any]:
    date = [year, month] if month else [year]
    return {
        "indexed": {"date-parts": [[2024, 1, 5]], "date-time": "2024-01-05T10:00:00Z", "timestamp": 1704448800000},
        "reference-count": 0,
        "publisher": publisher,
        "issue": issue,
        "content-domain": {"domain": [], "crossmark-restriction": False},
        "short-container-title": [],
        "published-print": {"date-parts": [date]},
        "DOI": doi,
        "type": "journal-article",
        "created": {"date-parts": [[2007, 11, 9]], "date-time": "2007-11-09T12:00:00Z", "timestamp": 1194609600000},
        "page": page,
        "source": "Crossref",
        "is-referenced-by-count": 3,
        "title": [title],
        "prefix": doi.split("/")[0],
        "volume": volume,
        "author": [
            {"given": given, "family": family, "sequence": "first" if i == 0 else "additional", "affiliation": []}
            for i, (family, given) in enumerate(authors)
        ],
        "member": "301",
        "container-title": [container],
        "original-title": [],
        "language": "en",
        "deposited": {"date-parts": [[2016, 6, 23]], "date-time": "2016-06-23T12:00:00Z", "timestamp": 1466683200000},
        "score": 1,
        "resource": {"primary": {"URL": f"https://www.example.org/doi/{doi}"}},
        "subtitle": [],
        "short-title": [],
        "issued": {"date-parts": [date]},
        "references-count": 0,
        "journal-issue": {"issue": issue, "published-print": {"date-parts": [date]}},
        "URL": f"https://doi.org/{doi}",
        "relation": {},
        "ISSN": [issn],
        "issn-type": [{"value": issn, "type": "print"}],
        "subject": [],
        "published": {"date-parts": [date]},
        **extra,
    }


def records() -> list[dict[str, Any]]:
    return [
        _record(COOX_DOI, "L'Affaire Lyushkov: Anatomy of a Soviet Defector", [("Coox", "Alvin D.")],
                1968, 1, "Soviet Studies", "19", "3", "405-420", "0038-5859"),
        _record("10.5555/vr.0001", "Railways of the Mongolian Frontier, 1921\u20131939", [("Petrova", "Anna")],
                1999, 4, "Journal of Frontier History", "12", "2", "101-130", "1234-5679"),
        _record("10.5555/vr.0002", "Grain Procurement and the Village Soviet", [("Halvorsen", "Jens"),
                ("Okafor", "Chidi")], 2004, None, "Rural Economy Review", "31", "1", "1-24", "2049-3630"),
        _record("10.5555/vr.0003", "Signals Intelligence on the Khalkhin Gol", [("Moreau", "Claire")],
                2011, 9, "Journal of Frontier History", "24", "3", "233-260", "1234-5679",
                **{"updated-by": [{"updated": {"date-parts": [[2013, 2, 1]], "date-time": "2013-02-01T00:00:00Z",
                                               "timestamp": 1359676800000},
                                   "DOI": "10.5555/vr.0003r", "type": "retraction", "source": "publisher",
                                   "label": "Retraction"}]}),
        _record("10.2307/5550001", "Border Treaties of the Interwar Period", [("Lindqvist", "Erik")],
                1987, None, "Diplomatic Quarterly", "8", "4", "511-540", "0000-0019", "JSTOR"),
    ]


def span(line: int = 1) -> Span:
    return Span("refs.md", line, 1)


def reference(
    rid: str,
    text: str,
    *,
    title: str | None = None,
    authors: tuple[tuple[str, str], ...] = (),
    year: int | None = None,
    container: str | None = None,
    volume: str | None = None,
    issue: str | None = None,
    pages: tuple[str, str] | None = None,
    doi: str | None = None,
    jstor: str | None = None,
) -> Reference:
    identifiers = []
    if doi:
        identifiers.append(Identifier(IdScheme.DOI, doi.lower(), doi, span()))
    if jstor:
        identifiers.append(Identifier(IdScheme.JSTOR, jstor, jstor, span()))
    return Reference(
        id=rid,
        span=span(),
        text=text,
        kind=ReferenceKind.ARTICLE,
        authors=tuple(Person(f, g) for f, g in authors),
        year=year,
        title=title,
        container=container,
        volume=volume,
        issue=issue,
        pages=PageRange(pages[0], pages[1]) if pages else None,
        identifiers=tuple(identifiers),
    )


def coox(rid: str = "refs.md:1:1", *, doi: str | None = COOX_DOI, jstor: str | None = None,
         text_suffix: str = "") -> Reference:
    text = ("Coox, Alvin D. (1968). \"L'Affaire Lyushkov: Anatomy of a Soviet Defector\". "
            "Soviet Studies. 19 (3): 405\u2013420." + text_suffix)
    return reference(rid, text, title="L'Affaire Lyushkov: Anatomy of a Soviet Defector",
                     authors=(("Coox", "Alvin D."),), year=1968, container="Soviet Studies",
                     volume="19", issue="3", pages=("405", "420"), doi=doi, jstor=jstor)


def petrova(rid: str = "refs.md:2:1", doi: str | None = None) -> Reference:
    text = ("Petrova, Anna (1999). \"Railways of the Mongolian Frontier, 1921\u20131939\". "
            "Journal of Frontier History 12 (2): 101\u2013130.")
    return reference(rid, text, title="Railways of the Mongolian Frontier, 1921\u20131939",
                     authors=(("Petrova", "Anna"),), year=1999, container="Journal of Frontier History",
                     volume="12", issue="2", pages=("101", "130"), doi=doi)


def halvorsen(rid: str = "refs.md:3:1", doi: str | None = None) -> Reference:
    text = ("Halvorsen, Jens; Okafor, Chidi (2004). \"Grain Procurement and the Village Soviet\". "
            "Rural Economy Review 31 (1): 1\u201324.")
    return reference(rid, text, title="Grain Procurement and the Village Soviet",
                     authors=(("Halvorsen", "Jens"), ("Okafor", "Chidi")), year=2004,
                     container="Rural Economy Review", volume="31", issue="1", pages=("1", "24"), doi=doi)
