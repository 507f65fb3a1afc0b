"""invalid-doi / invalid-isbn / invalid-issn on the corpus references and broken copies of them."""

from __future__ import annotations

from verify_refs.checks.identifiers import check_identifiers
from verify_refs.extract.references import parse_reference
from verify_refs.extract.source import SourceText
from verify_refs.models import Severity, Span

COOX = ("Coox, Alvin D. (January 1968). \"L'Affaire Lyushkov: Anatomy of a Defector\". Soviet Studies. "
        "19 (3): 405\u201320. doi:10.1080/09668136808410603. ISSN 0038-5859. JSTOR 149953.")
BERKMAN = ("Alexander, Berkman\u00a0(1989) [1925].\u00a0\"Chapter 32: Odessa: Life and Vision\"The Bolshevik "
           "Myth (Diary 1920\u20131922). London: Pluto Press.\u00a0ISBN\u00a01-85305-032-6OCLC\u00a01144036.")
MEDVEDEV = ("Medvedev, Roy\u00a0(1972) [1969].\u00a0К суду истории\u00a0[Let History Judge] (in Russian)."
            "\u00a0Alfred A. KnopfISBN\u00a00-394-44645-3OCLC\u00a0251139.")


def findings(*texts: str):
    source = SourceText("notes.txt", "\n".join(texts))
    references, start = [], 0
    for text in texts:
        references.append(parse_reference(source, start, start + len(text)))
        start += len(text) + 1
    return list(check_identifiers(references))


def test_corpus_identifiers_are_valid():
    assert findings(COOX, BERKMAN, MEDVEDEV) == []


def test_wrong_isbn_check_digit():
    [finding] = findings(MEDVEDEV.replace("44645-3", "44645-4"))
    assert finding.code == "invalid-isbn" and finding.severity is Severity.ERROR
    assert finding.message == "ISBN 0-394-44645-4: check digit should be 3"
    assert finding.span == Span("notes.txt", 1, MEDVEDEV.index("0-394") + 1)
    assert finding.reference_id == "notes.txt:1:1"
    assert finding.hint


def test_wrong_issn_check_digit():
    [finding] = findings(COOX.replace("0038-5859", "0038-5858"))
    assert (finding.code, finding.message) == ("invalid-issn", "ISSN 0038-5858: check digit should be 9")


def test_malformed_dois():
    results = findings(COOX.replace("10.1080/", "10.1080."), COOX.replace("10.1080/", "10.108/"),
                       "Coox, A. (1968). Title. Soviet Studies 19: 405. doi:10.1080/.")
    assert [(f.code, f.message, f.span.line) for f in results] == [
        ("invalid-doi", "DOI 10.1080.09668136808410603: no '/' between the prefix and the suffix", 1),
        ("invalid-doi", "DOI 10.108/09668136808410603: the registrant code '108' should be 4 to 9 digits", 2),
        ("invalid-doi", "DOI 10.1080/: nothing after the '/'", 3),
    ]


def test_isbn_of_wrong_length_and_several_findings_in_one_reference():
    text = "Smith, J. (1990). A book. London: Verso. ISBN 0-394-44645. ISSN 0038-585."
    assert [f.message for f in findings(text)] == [
        "ISBN 0-394-44645: 9 digits; an ISBN has 10 or 13",
        "ISSN 0038-585: 7 characters; an ISSN has 8",
    ]


def test_other_schemes_are_not_checked_here():
    assert findings("Smith, J. (1990). A page. https://example.org/x. JSTOR 12. OCLC 1. PMID 3.") == []


def test_a_space_inside_a_doi_is_named_as_the_fault():
    results = findings(COOX.replace("doi:10.1080/", "doi:10.1080 /"),
                       COOX.replace("doi:10.1080/", "https://doi.org/10.1080 /"))
    assert [f.message for f in results] == [
        "DOI 10.1080 /09668136808410603: a space inside it (a DOI has none)",
        "DOI https://doi.org/10.1080 /09668136808410603: a space inside it (a DOI has none)",
    ]
