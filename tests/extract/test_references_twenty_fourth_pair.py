"""Forms the twenty-fourth pair of blind testers wrote: Nature's article numbers before the
bracketed year, PLOS's seven-digit e-numbers, AMA's lower-case supplements; and Springer's
records that give an article number instead of a page."""

from __future__ import annotations

import pytest
from offline_parsing import parse

from verify_refs.resolve.records import work_from_json


@pytest.mark.parametrize("text, container, volume, page", [
    ("Pavlyukh, Y. & van Leeuwen, R. Vertex corrections for spectral functions. *Phys. Rev. Lett.* **118**, 206402 (2016).",
     "Phys. Rev. Lett", "118", "206402"),
    ("Mazo, V. & Fertig, H. A. Superfluid-insulator transition. Phys. Rev. B 89, 121411 (2015).",
     "Phys. Rev. B", "89", "121411"),
    ("Swann, H. et al. Minimal system for assembly of virus like particles. *Sci. Rep.* **10**, 21887 (2020).",
     "Sci. Rep", "10", "21887"),
    ("Smith J, Jones A. Title of the paper. PLoS One. 2020;15(1):e0226580.", "PLoS One", "15", "e0226580"),
])
def test_an_article_number_stands_where_the_page_would(text, container, volume, page):
    article = parse(text)
    assert (article.container, article.volume, article.pages.first) == (container, volume, page)


def test_amas_lower_case_supplement_is_the_issue():
    article = parse("Green LA, Smith J. Title of the paper. J Gen Intern Med. 2001;16(suppl 1):S33-S61.")
    assert (article.volume, article.issue, article.pages.first, article.pages.last) == ("16", "suppl 1", "S33", "S61")


def test_a_records_article_number_is_its_page_and_a_crossref_isbn_url_its_isbn():
    work = work_from_json({"DOI": "10.1038/s41598-020-78656-5", "type": "journal-article",
                           "title": ["Minimal system"], "article-number": "21877", "volume": "10"})
    assert work.page == "21877"
    paged = work_from_json({"DOI": "10.5555/x", "title": ["T"], "page": "1-11", "article-number": "208412"})
    assert paged.page == "1-11"  # the page, where the record gives one
    book = work_from_json({"DOI": "10.5555/b", "title": ["B"], "ISBN": ["http://id.crossref.org/isbn/978354005733-8"]})
    assert book.isbn == ("978354005733-8",)


def test_a_wrapped_isbn_line_goes_on_with_its_entry():
    from offline_parsing import findings_of
    document, _ = findings_of(
        "Text (Klingemann and Römmele, 2002).\n\nReferences\n\n"
        "Klingemann, H.-D. and Römmele, A. (eds) (2002) Public Information Campaigns and\n"
        "Opinion Research: A Handbook for the Student and Practitioner. London: SAGE.\n"
        "ISBN 978-0-7619-6432-9.\n"
        "Levitt, S.D. (2006) 'Bagels and donuts for sale: a case study in profit\n"
        "maximization', Research in Economics, 60(3), pp. 1–13.\n")
    assert [r.span.line for r in document.references] == [5, 8]
    assert [i.value for i in document.references[0].identifiers] == ["9780761964329"]


PANDOC = """# Widgets

Toolkits organised everything around the widget.^[See Keith D. Gregory, "The Widget," in *Programming with Motif* (New York: Springer, 1992), 5\u201310.] Files were explicit.[^1] The point was made again.^[Ibid., 50.] And once more.[^2]

[^1]: Richard J. Mitchell, "Use of Files," in *Modula-2 Applied* (London: Macmillan, 1991), 130\u201342.
[^2]: Ibid., 8.
"""


def test_pandoc_inline_notes_are_notes_cited_where_they_stand():
    from offline_parsing import findings_of
    document, findings = findings_of(PANDOC, "notes.md")
    assert sorted(note.label for note in document.notes) == ["1", "2", "^1", "^2"]
    assert [marker.label for marker in document.markers] == ["^1", "1", "^2", "2"]
    assert [reference.first_author for reference in document.references] == ["Gregory", "Mitchell"]
    # the Ibid. of the inline note follows note 1 (Mitchell, 130-42): page 50 is outside it;
    # note 2's Ibid. follows the inline note ^2's Ibid., so Mitchell again: page 8 is outside too
    pages = sorted((f.span.line, f.message) for f in findings if f.code == "page-out-of-range")
    assert [message.split(",")[0] for _, message in pages] == ["page 50 cited", "page 8 cited"]
    assert all("130-142" in message for _, message in pages)
    assert not [f for f in findings if f.code in ("dangling-marker", "unused-note")]
