"""The Coox article as Crossref describes it (a /works/{doi} message, composed from its
printed bibliographic data): one record shared by the matching, registry and BibTeX tests."""

COOX_DOI = "10.1080/09668136808410603"
COOX_RECORD = {
    "DOI": COOX_DOI,
    "type": "journal-article",
    "title": ["L'Affaire Lyushkov: Anatomy of a Defector"],
    "author": [{"given": "Alvin D.", "family": "Coox", "sequence": "first"}],
    "issued": {"date-parts": [[1968, 1]]},
    "container-title": ["Soviet Studies"],
    "short-container-title": ["Soviet Studies"],
    "volume": "19",
    "issue": "3",
    "page": "405-420",
    "ISSN": ["0038-5859", "1465-3427"],
    "publisher": "Informa UK Limited",
    "language": "en",
    "URL": f"https://doi.org/{COOX_DOI}",
}
