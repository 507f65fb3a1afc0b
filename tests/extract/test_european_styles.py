"""Documents written in the languages of our users' sources (a sixth pair of testers' finds):
headings, conjunctions, ibid and op. cit. in Spanish, Portuguese, Italian, French, German,
Dutch and Scandinavian; reprints and multi-volume books; particles before surnames."""

from __future__ import annotations

import pytest

from verify_refs.checks.linkage import link_corpus
from verify_refs.extract.document import parse_document
from verify_refs.extract.references import parse_reference
from verify_refs.extract.sections import SectionKind, match_heading
from verify_refs.extract.shortcites import cites_in_note
from verify_refs.extract.source import SourceText
from verify_refs.models import Person, ReferenceKind, ShortCiteStyle


def parse(text: str):
    source = SourceText("doc.txt", text)
    return parse_reference(source, 0, len(source.text))


@pytest.mark.parametrize("heading, kind", [
    ("## Referencias", SectionKind.BIBLIOGRAPHY), ("## Referências", SectionKind.BIBLIOGRAPHY),
    ("Bibliografía", SectionKind.BIBLIOGRAPHY), ("Riferimenti bibliografici", SectionKind.BIBLIOGRAPHY),
    ("Références bibliographiques", SectionKind.BIBLIOGRAPHY), ("Quellen und Literatur", SectionKind.BIBLIOGRAPHY),
    ("## Literatuur", SectionKind.BIBLIOGRAPHY), ("Litteratur", SectionKind.BIBLIOGRAPHY),
    ("Литература", SectionKind.BIBLIOGRAPHY), ("Anmerkungen", SectionKind.NOTES), ("Notas", SectionKind.NOTES),
    ("Примечания", SectionKind.NOTES),
])
def test_headings_in_other_languages(heading, kind):
    found = match_heading(heading, 0, len(heading))
    assert found is not None and found.kind is kind


def test_a_spanish_reference_list_is_read_and_linked():
    text = ("La higiene importa (García y López, 2010, p. 50).\n\n## Referencias\n\n"
            "García, J. y López, M. (2010). Un título largo. Revista de Historia, 12(3), 45-67.\n")
    document = parse_document(SourceText("es.md", text))
    assert [r.authors for r in document.references] == [(Person("García", "J."), Person("López", "M."))]
    links = link_corpus([document])
    assert not [f for f in links.findings if f.code == "orphan-short-cite"]


@pytest.mark.parametrize("text, authors", [
    ("Carleton, S. e Cutright, J. (2020). Title of the work. Journal of Things, 12(3), 45-67.",
     (Person("Carleton", "S."), Person("Cutright", "J."))),
    ("Heijden, T. van der en Feser, K. (2019). Title of the work. Journal of Things, 12(3), 45-67.",
     (Person("Heijden", "T. van der"), Person("Feser", "K."))),
    # "and" in another language is a word of its own: "Deficiency" ends in no "y" conjunction
    ("Peters C, Reinheckel T. Deficiency for the cysteine protease. J Clin Invest. 2005;115(10):1-9.",
     (Person("Peters", "C"), Person("Reinheckel", "T."))),
])
def test_conjunctions_in_other_languages(text, authors):
    assert parse(text).authors == authors


@pytest.mark.parametrize("body, style, pages", [
    ("Ivi, p. 240.", ShortCiteStyle.IBID, ("240",)),
    ("Ebd., S. 700.", ShortCiteStyle.IBID, ("700",)),
    ("Lézin et al., art. cit., p. 170.", ShortCiteStyle.OP_CIT, ("170",)),
    ("Koselleck, a. a. O., S. 12.", ShortCiteStyle.OP_CIT, ("12",)),
])
def test_ibid_and_op_cit_in_other_languages(body, style, pages):
    cites = cites_in_note(SourceText("n.txt", body), 0, len(body), "1")
    assert [(c.style, c.pinpoints) for c in cites] == [(style, pages)]


def test_a_reprint_gives_the_edition_cited_and_the_original_year():
    reference = parse('Richard Leppert, "Introduction," in Art and the Committed Eye (1996; repr., New York: '
                      "Routledge, 2019), 7.")
    assert (reference.year, reference.original_year) == (2019, 1996)


@pytest.mark.parametrize("text", [
    "Fernand Braudel, The Mediterranean, trans. Siân Reynolds, 2 vols. (New York: Harper & Row, 1972–73), 1:25.",
    "Michel Foucault, The Use of Pleasure, vol. 2 of The History of Sexuality, trans. Robert Hurley "
    "(New York: Vintage, 1985), 12.",
])
def test_multi_volume_works_are_books(text):
    assert parse(text).kind is ReferenceKind.BOOK


def test_pages_after_a_books_publisher_are_the_pages_cited():
    reference = parse("R. Martin, *Shakespeare and Ecology*, Oxford, Oxford University Press, 2015, pp. 3-5.")
    assert reference.kind is ReferenceKind.BOOK
    assert (reference.publisher, reference.pages, reference.pinpoints) == ("Oxford University Press", None, ("3-5",))


def test_a_cite_with_the_particle_links_to_the_name_inverted_without_it():
    text = ("Zoals bekend (Van der Heijden, 2019, blz. 4).\n\n## Literatuur\n\n"
            "Heijden, T. van der (2019). Een titel van het werk. Tijdschrift, 12(3), 1-9.\n")
    links = link_corpus([parse_document(SourceText("nl.md", text))])
    assert not [f for f in links.findings if f.code == "orphan-short-cite"]
    assert [c.pinpoints for c in links.cite_targets] == [("4",)]


def test_abnt_reference_and_cites():
    """ABNT (Brazil): "SOBRENOME, Nome. Título. Periódico, v. 13, n. 3, p. 185-192, 2020." and
    cites whose authors are separated by ";": "(TEIXEIRA; MACHADO; VIEIRA, 2003, p. 5)"."""
    reference = parse("CARLETON, S.; CUTRIGHT, J. Título do trabalho. Water Science and Engineering, v. 13, "
                      "n. 3, p. 185-192, 2020.")
    assert (reference.container, reference.volume, reference.issue, reference.pages.raw) == (
        "Water Science and Engineering", "13", "3", "185-192")
    text = ("Como visto (TEIXEIRA; MACHADO; VIEIRA, 2003, p. 5).\n\n## Referências\n\n"
            "TEIXEIRA, A.; MACHADO, B.; VIEIRA, C. Um título do estudo. Revista Brasileira, v. 5, n. 1, "
            "p. 1-9, 2003.\n")
    document = parse_document(SourceText("pt.md", text))
    links = link_corpus([document])
    assert [c.author for c in document.short_cites] == ["TEIXEIRA; MACHADO; VIEIRA"]
    assert not [f for f in links.findings if f.code == "orphan-short-cite"]
