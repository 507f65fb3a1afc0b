"""Each identifier handler: what it finds, with which span, and what it says is wrong."""

from __future__ import annotations

import pytest

from verify_refs.extract.source import SourceText
from verify_refs.identifiers import find_identifiers, handler, scan
from verify_refs.models import IdScheme, Span


def find(text: str):
    return [(i.scheme, i.value, i.raw) for i in find_identifiers(SourceText("t.txt", text), 0, len(text))]


def problem(scheme: IdScheme, raw: str):
    return handler(scheme).problem(raw)


@pytest.mark.parametrize("text, value, raw", [
    ("doi:10.1080/09668136808410603.", "10.1080/09668136808410603", "10.1080/09668136808410603"),
    ("DOI 10.1080/09668136808410603,", "10.1080/09668136808410603", "10.1080/09668136808410603"),
    ("doi: 10.1044/2013_JSLHR-S-12-0345.", "10.1044/2013_jslhr-s-12-0345", "10.1044/2013_JSLHR-S-12-0345"),
    ("see 10.1080/09668136808410603)", "10.1080/09668136808410603", "10.1080/09668136808410603"),
    ("(https://doi.org/10.1080/ABC.1).", "10.1080/abc.1", "https://doi.org/10.1080/ABC.1"),
    ("http://dx.doi.org/10.1016/j.watres.2005.06.038.", "10.1016/j.watres.2005.06.038",
     "http://dx.doi.org/10.1016/j.watres.2005.06.038"),
    ("DOI:http://dx.doi.org/10.1076/csed.13.2.137.14200", "10.1076/csed.13.2.137.14200",
     "http://dx.doi.org/10.1076/csed.13.2.137.14200"),
    ("doi:10.1016/0304-3975(94)00281-M", "10.1016/0304-3975(94)00281-m", "10.1016/0304-3975(94)00281-M"),
    ("(doi:10.1017/aog.2016.20)", "10.1017/aog.2016.20", "10.1017/aog.2016.20"),
    ("10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-0.",
     "10.1002/(sici)1097-4571(199806)49:8<693::aid-asi4>3.0.co;2-0",
     "10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-0"),
    ("doi:10.1080/09668136808410603ISSN 0038-5859", "10.1080/09668136808410603", "10.1080/09668136808410603"),
])
def test_doi_forms(text, value, raw):
    assert find(text)[0] == (IdScheme.DOI, value, raw)


@pytest.mark.parametrize("raw, message", [
    ("10.1080.09668136808410603", "no '/' between the prefix and the suffix"),
    ("10.108/09668136808410603", "the registrant code '108' should be 4 to 9 digits"),
    ("10.1080/", "nothing after the '/'"),
    ("11.1080/abc", "a DOI starts with '10.'"),
])
def test_malformed_dois_are_found_and_explained(raw, message):
    assert find(f"Soviet Studies. doi:{raw} ISSN") [0][2] == raw.rstrip(".")
    assert problem(IdScheme.DOI, raw) == message


def test_valid_doi_has_no_problem():
    assert problem(IdScheme.DOI, "10.1080/09668136808410603") is None
    assert problem(IdScheme.DOI, "https://doi.org/10.1000.10/abc") is None


def test_no_dois_in_ordinary_numbers():
    assert find("ratio 10.5/3 and pages 10.1-10.4, Doi, Takeo (1973). Doi 1973") == []


@pytest.mark.parametrize("text, value, raw", [
    ("ISBN 0-394-44645-3.", "0394446453", "0-394-44645-3"),
    ("Alfred A. KnopfISBN\u00a00-394-44645-3OCLC\u00a0251139.", "0394446453", "0-394-44645-3"),
    ("ISBN 1-85305-032-6OCLC 1144036", "1853050326", "1-85305-032-6"),
    ("ISBN-13: 978-0-19-995864-1", "9780199958641", "978-0-19-995864-1"),
    ("ISBN 0 226 42976 8 1993", "0226429768", "0 226 42976 8"),
    ("isbn 0-8047-1160-X)", "080471160X", "0-8047-1160-X"),
])
def test_isbn_forms(text, value, raw):
    assert find(text)[0] == (IdScheme.ISBN, value, raw)


def test_isbn_problems():
    assert problem(IdScheme.ISBN, "0-394-44645-3") is None
    assert problem(IdScheme.ISBN, "1-85305-032-6") is None
    assert problem(IdScheme.ISBN, "0-394-44645-4") == "check digit should be 3"
    assert problem(IdScheme.ISBN, "978-0-19-995864-2") == "check digit should be 1"
    assert problem(IdScheme.ISBN, "0-394-44645") == "9 digits; an ISBN has 10 or 13"
    assert problem(IdScheme.ISBN, "977-0-19-995864-1") == "an ISBN-13 starts with 978 or 979"


def test_issn():
    assert find("ISSN 0038-5859.") == [(IdScheme.ISSN, "0038-5859", "0038-5859")]
    assert find("eISSN: 1465-3427") == [(IdScheme.ISSN, "1465-3427", "1465-3427")]
    assert problem(IdScheme.ISSN, "0038-5859") is None
    assert problem(IdScheme.ISSN, "0038-5858") == "check digit should be 9"
    assert problem(IdScheme.ISSN, "0038-585") == "7 characters; an ISSN has 8"


def test_jstor_oclc_pmid_arxiv_url():
    text = ("JSTOR 149953. OCLC 251139. PMID: 12345678. arXiv:1501.00001v2. "
            "https://www.jstor.org/stable/149953, www.memo.ru/x.html.")
    assert find(text) == [
        (IdScheme.JSTOR, "149953", "149953"),
        (IdScheme.OCLC, "251139", "251139"),
        (IdScheme.PMID, "12345678", "12345678"),
        (IdScheme.ARXIV, "1501.00001v2", "1501.00001v2"),
        (IdScheme.URL, "https://www.jstor.org/stable/149953", "https://www.jstor.org/stable/149953"),
        (IdScheme.JSTOR, "149953", "149953"),
        (IdScheme.URL, "www.memo.ru/x.html", "www.memo.ru/x.html"),
    ]


def test_url_keeps_balanced_parentheses():
    assert find("(see https://en.wikipedia.org/wiki/Genrikh_Lyushkov_(NKVD)).")[0][2] == (
        "https://en.wikipedia.org/wiki/Genrikh_Lyushkov_(NKVD)")


@pytest.mark.parametrize("text, raw, value", [
    # a PDF's line break left a space: before a hyphenated word of the path, after a dot
    # before a page's extension and query
    ("Retrieved from http://www.spencer.org/content.cfm/data-use-and -educational-improvement-details",
     "http://www.spencer.org/content.cfm/data-use-and -educational-improvement-details",
     "http://www.spencer.org/content.cfm/data-use-and-educational-improvement-details"),
    ("Kernel Exploiting Notes. http://phrack.org/issues. html?issue=64&id=6, 2007.",
     "http://phrack.org/issues. html?issue=64&id=6", "http://phrack.org/issues.html?issue=64&id=6"),
    # not continued: a sentence after the address, a dash between words, a capitalised word
    ("See http://example.org/a. Html pages load.", "http://example.org/a", "http://example.org/a"),
    ("http://example.org/a - b", "http://example.org/a", "http://example.org/a"),
    ("www.memo.ru/x.html -- accessed", "www.memo.ru/x.html", "www.memo.ru/x.html"),
])
def test_url_broken_by_a_line_break_is_joined(text, raw, value):
    assert [(f.raw, f.value) for f in scan(text)] == [(raw, value)]


def test_spans_point_at_the_identifier_not_its_label():
    text = "Title.\nSoviet Studies. doi:10.1080/09668136808410603. ISSN\u00a00038-5859."
    source = SourceText("t.txt", "xx" + text)
    found = find_identifiers(source, 2, len(source.text))
    line = text.splitlines()[1]
    assert [i.span for i in found] == [Span("t.txt", 2, line.index("10.1080") + 1),
                                       Span("t.txt", 2, line.index("0038") + 1)]
    assert line.index("10.1080") + 1 == 21


@pytest.mark.parametrize("text, scheme, raw", [
    ("Soviet Studies DOISSN 0038-5859.", IdScheme.ISSN, "0038-5859"),
    ("London: Pluto, 1972. DOISBN 9780394446453", IdScheme.ISBN, "9780394446453"),
])
def test_a_label_glued_onto_another_trigger_word_is_still_seen(text, scheme, raw):
    # "DOI" and "ISSN" share the "I": the first trigger word must not hide the second
    assert [(f.scheme, f.raw) for f in scan(text)] == [(scheme, raw)]


@pytest.mark.parametrize("text, raw", [
    ("Coox, Alvin D. Nomonhan. Stanford University Press, 1985. 978-0-8047-1160-9.", "978-0-8047-1160-9"),
    ("Medvedev, Roy. Let History Judge. Knopf, 1972. 9780394446455", "9780394446455"),
    ("Berkman (1925). The Bolshevik Myth. 979-8-6022-4357-4 (reprint)", "979-8-6022-4357-4"),
])
def test_a_whole_isbn13_is_found_without_its_label(text, raw):
    assert [(f.scheme, f.raw) for f in scan(text)] == [(IdScheme.ISBN, raw)]


@pytest.mark.parametrize("text", [
    "doi:10.1007/978-3-642-12345-6_7",  # a Springer DOI holds the book's ISBN: the DOI is the id
    "pp. 978-990",  # pages
    "call 97803944464531 now",  # a longer number
    "978-0-394-446-45-3",  # five hyphens: not an ISBN as printed
    "9780394446453x",
])
def test_no_bare_isbn_in_other_numbers(text):
    assert IdScheme.ISBN not in {f.scheme for f in scan(text)}


def test_a_bare_isbn_with_a_wrong_check_digit_is_reported_as_one():
    [found] = scan("Knopf, 1972. 978-0-394-44645-3.")  # 978-0-394-44645-5 is right
    assert found.scheme is IdScheme.ISBN and handler(IdScheme.ISBN).problem(found.raw) == "check digit should be 5"


def test_bare_doi_with_a_letter_for_a_digit_is_found_and_reported():
    # "10.1O16/...": the letter O typed for a zero; found without a label, so that it is reported
    found = scan("Precision Engineering, 68, 326–337. 10.1O16/j.precisioneng.2020.12.009")
    assert [(f.scheme, f.raw) for f in found] == [(IdScheme.DOI, "10.1O16/j.precisioneng.2020.12.009")]
    assert "registrant" in handler(IdScheme.DOI).problem(found[0].raw)
    assert scan("Table 10.1 shows 10.5 per cent") == []
