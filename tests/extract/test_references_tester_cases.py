"""References from testers' hand-written documents that the parser misread (each led to a
false alarm or left a sound reference unchecked), and what it reads now."""

from __future__ import annotations

import pytest

from verify_refs.extract.references import parse_reference
from verify_refs.extract.source import SourceText
from verify_refs.models import Person, ReferenceKind


def parse(text: str):
    source = SourceText("doc.txt", text)
    return parse_reference(source, 0, len(source.text))


def test_a_publisher_whose_name_opens_with_initials():
    """"I. B. Tauris" is the publisher, not "I" and a journal "B. Tauris" (which made an
    article of a book and a warning of its absence from the registry)."""
    reference = parse("Geoffrey Roberts, The Unholy Alliance: Stalin’s Pact with Hitler (London: I. B. Tauris, 1989), 121–24.")
    assert (reference.kind, reference.place, reference.publisher, reference.container) == (
        ReferenceKind.BOOK, "London", "I. B. Tauris", None)


@pytest.mark.parametrize("text, container", [
    ("[1] A. B. Author, “Finite bisimulations,” IEEE Trans. Autom. Control, vol. 59, no. 12, pp. 3122–3134, Dec. 2014.",
     "IEEE Trans. Autom. Control"),
    # "Trans." after IEEE is the journal's, not "translated by Inf. Theory"
    ("[3] A. B. Author, “Title of the thing,” IEEE Trans. Inf. Theory, vol. 61, no. 6, pp. 31–34, 2015.",
     "IEEE Trans. Inf. Theory"),
    ("[6] A. B. Author, “Title,” IEEE J. Sel. Topics Signal Process., vol. 9, no. 2, pp. 31–34, 2014.",
     "IEEE J. Sel. Topics Signal Process"),
    ("Hikosaka, O. (2010). The habenula: from stress evasion to value-based decision-making. Nat. Rev. Neurosci. 11, 503–513.",
     "Nat. Rev. Neurosci"),
    ("Weirauch, C., 2008. Cladistic analysis of Reduviidae. Syst. Entomol. 33, 229–274.", "Syst. Entomol"),
])
def test_an_abbreviated_journal_name_runs_to_its_locators(text, container):
    assert parse(text).container == container


def test_translated_by_is_still_read_before_a_name():
    reference = parse("Tolstoy, Leo. War and Peace. Trans. Louise Maude. Oxford: Oxford University Press, 1922.")
    assert reference.title == "War and Peace" and reference.publisher == "Oxford University Press"


@pytest.mark.parametrize("text", [
    "Zhou W. Effects of a thing. Int J Geriatr Psychiatry. 2001;16 Suppl 1:S7-11.",
    "Zhou W. Effects of a thing. Int J Geriatr Psychiatry. 2001;16(Suppl 1):S7-11.",
])
def test_a_vancouver_supplement_is_no_volume(text):
    reference = parse(text)
    assert (reference.volume, reference.issue, reference.pages.first) == ("16", "Suppl 1", "S7")


def test_a_two_word_family_name_in_a_vancouver_list():
    reference = parse("Han J, Golden Williams C, Joseph LA, Zein WM, Brooks BP, et al. Association of a gene "
                      "with disease. JAMA Ophthalmol. 2019;137(1):1-8.")
    assert reference.authors[:3] == (Person("Han", "J"), Person("Golden Williams", "C"), Person("Joseph", "LA"))
    assert reference.title == "Association of a gene with disease"


def test_papers_in_an_archive_are_another_genre():
    reference = parse("Adams, Charles C. Papers. Western Michigan University Archives and Regional History "
                      "Collections, Kalamazoo.")
    assert reference.kind is ReferenceKind.OTHER


@pytest.mark.parametrize("text, authors", [
    ("G. Kh. Samigulov, “Спорные вопросы истории” [Debatable questions], Vestnik Permskogo universiteta. "
     "Istoriia, no. 2 (45) (2019): 5–13.", (Person("Samigulov", "G. Kh."),)),
    ("Д. А. Паршин, Л. С. Стельмах и А. М. Столин, “Математическое моделирование” [Mathematical modelling], "
     "Вестник 5, no. 2 (2019): 5–13.",
     (Person("Паршин", "Д. А."), Person("Стельмах", "Л. С."), Person("Столин", "А. М."))),
    ("А. П. Афонін та Є. Х. Євтушенко, Екологічні аспекти закону [Ecological aspects] (Kryvyi Rih: KDPU, 1999).",
     (Person("Афонін", "А. П."), Person("Євтушенко", "Є. Х."))),
])
def test_slavic_names_in_natural_order(text, authors):
    assert parse(text).authors == authors


def test_a_university_vestnik_is_a_journal_not_a_newspaper():
    reference = parse("G. Kh. Samigulov, “Спорные вопросы истории,” Vestnik Permskogo universiteta. Istoriia, "
                      "no. 2 (45) (2019): 5–13.")
    assert reference.kind is ReferenceKind.ARTICLE
    kuksin = parse("Kuksin, Ilya (17 August 1999). ПОБЕГ СТОЛЕТИЯ [Flight of the Century]. Vestnik (in Russian). "
                   "Vestnik Information Agency. 17 (224). Retrieved 12 February 2012.")
    assert kuksin.kind is ReferenceKind.NEWS


@pytest.mark.parametrize("text", [
    "M. M. Bauer, “Academic Economics in Present Russia,” review of Grundzüge der Volkswirtschaftslehre, "
    "by W. Gelesnoff, Quarterly Journal of Economics 43, no. 2 (1929): 352.",
    "Bauer, M. M. “Academic Economics in Present Russia.” Review of Grundzüge der Volkswirtschaftslehre, "
    "by W. Gelesnoff. Quarterly Journal of Economics 43, no. 2 (1929): 352–60.",
])
def test_a_reviews_book_and_author_are_not_its_journal(text):
    reference = parse(text)
    assert reference.title == "Academic Economics in Present Russia"
    assert (reference.container, reference.volume, reference.issue) == ("Quarterly Journal of Economics", "43", "2")


@pytest.mark.parametrize("text, author, title, year", [
    ('FAO (Food and Agriculture Organization of the United Nations). 2022. "Cultured Aquatic Species '
     'Information Programme: Cyprinus carpio." Accessed March 3, 2023.', "FAO",
     "Cultured Aquatic Species Information Programme: Cyprinus carpio", 2022),
    ("WHO (World Health Organization). (2020). Global tuberculosis report 2020. Geneva: WHO.", "WHO",
     "Global tuberculosis report 2020", 2020),
])
def test_an_organisations_name_spelled_out_after_its_acronym_is_no_title(text, author, title, year):
    reference = parse(text)
    assert (reference.authors, reference.title, reference.year) == ((Person(author),), title, year)


def test_a_two_word_family_name_inverted_before_natural_order_co_authors():
    """Chicago's first author inverted, the rest in natural order: "Aydin Gol, Ebru, Xuchu Ding"."""
    reference = parse('Aydin Gol, Ebru, Xuchu Ding, Mircea Lazar, and Calin Belta. "Finite bisimulations for '
                      'switched linear systems." IEEE Transactions on Automatic Control 59, no. 12 (2014): 3122-3134.')
    assert reference.authors == (Person("Aydin Gol", "Ebru"), Person("Ding", "Xuchu"), Person("Lazar", "Mircea"),
                                 Person("Belta", "Calin"))
    # two words before a comma stay a natural-order name where no co-author follows
    assert parse("Alvin Coox, Nomonhan, Stanford University Press, 1985.").authors == (Person("Coox", "Alvin"),)


@pytest.mark.parametrize("text, title, container", [
    ('Smith, John. "A history of the frontier." Proceedings of the Royal Society, Vol. 15 (1898): 22-40.',
     "A history of the frontier", "Proceedings of the Royal Society"),
    ("Jeffay, K., Stone, D. L., Smith, F. D., Kernel Support for Live Digital Audio and Video, Computer "
     "Communications, Vol. 15, No. 6 (July / August 1992), pp. 388-395.",
     "Kernel Support for Live Digital Audio and Video", "Computer Communications"),
    ("Burchard, J., A parable via Milano and Roma, Architectural Record, vol. 128, agosto 1960, pp. 20-25.",
     "A parable via Milano and Roma", "Architectural Record"),
])
def test_a_volumes_label_is_no_part_of_the_journals_name(text, title, container):
    reference = parse(text)
    assert (reference.title, reference.container) == (title, container)


@pytest.mark.parametrize("text, container, volume, issue", [
    ("[1] Roberto Manduchi and James Coughlan. 2012. (Computer) vision without sight. Commun. ACM 55, 1 "
     "(Jan. 2012), 96–104. https://doi.org/10.1145/2063176.2063200", "Commun. ACM", "55", "1"),
    ("[3] Benny Kimelfeld and Christopher Ré. 2014. Transducing Markov sequences. J. ACM 61, 5 (Sept. 2014), 1–48.",
     "J. ACM", "61", "5"),
    ("M. Reiman, and B. Simon. An Interpolation Approximation for Queueing Systems with Poisson Input. "
     "Operations Research 36, 3 (1988), 454-469.", "Operations Research", "36", "3"),
])
def test_acm_volume_and_issue_before_the_date(text, container, volume, issue):
    """ACM's "Journal 55, 1 (Jan. 2012), 96-104" is volume 55, issue 1 (it was read as volume 1)."""
    reference = parse(text)
    assert (reference.container, reference.volume, reference.issue) == (container, volume, issue)


def test_a_physics_volume_and_page_before_the_year_is_no_acm_issue():
    # (no pages after the date: not ACM's volume and issue, but a volume and the first page)
    assert parse("S. Smith, “Effects,” Phys. Rev. B 45, 1234 (1992).").issue is None


def test_german_chicago_note_with_band_heft_and_seite():
    reference = parse("R. Otto und H. Munter, „Zum d'Hérelleschen Phänomen\", Deutsche Medizinische Wochenschrift "
                      "Bd. 47, Nr. 52 (1921), S. 1579–1581.")
    assert reference.authors == (Person("Otto", "R."), Person("Munter", "H."))
    assert (reference.container, reference.volume, reference.issue, reference.pages.raw) == (
        "Deutsche Medizinische Wochenschrift", "47", "52", "1579-1581")


@pytest.mark.parametrize("text", [
    "Barbu, Schneider et Dupont, op. cit., p. 27.",
    "Koselleck, op. cit., S. 12.",
    "Nipperdey, loc. cit.",
    "Otto und Munter, „Zum d'Hérelleschen Phänomen\", S. 1580.",  # "1580" is a page, not a year
    "Nipperdey, Deutsche Geschichte, Bd. 1, S. 58.",
])
def test_shortened_notes_are_no_full_references(text):
    from verify_refs.extract.references import looks_like_reference
    assert not looks_like_reference(text)


def test_pages_after_a_chicago_book_notes_facts_are_the_pages_cited():
    """A book has no page range: "3–5" after "(Cambridge: CUP, 2019)," are the pages cited, so a
    later short note citing page 88 is no page-out-of-range."""
    reference = parse("Vincent S. Leung, The Politics of the Past in Early China (Cambridge: Cambridge University "
                      "Press, 2019), 3–5.")
    assert (reference.pages, reference.pinpoints) == (None, ("3-5",))
    chapter = parse("Christopher Fletcher, \"The Pursuit of Manhood,\" in Richard II: Manhood, Youth, and Politics "
                    "(Oxford: Oxford University Press, 2008), 127–50.")
    assert chapter.pages.raw == "127-50"  # a chapter's range is its own


def test_a_place_after_a_slash():
    book = parse("Ginsburg, Tom, und Tamir Moustafa (Hrsg.). 2008. Rule by Law. Cambridge/New York: "
                 "Cambridge University Press.")
    assert (book.place, book.publisher) == ("Cambridge/New York", "Cambridge University Press")
    chapter = parse("[16] Clif Flynt. 2012. Using the canvas widget. In Tcl/Tk: A Developer's Guide (3rd ed.). "
                    "Morgan Kaufmann, Boston, MA, 391–450.")
    assert chapter.container == "Tcl/Tk: A Developer's Guide" and chapter.place is None


def test_a_list_of_editors_in_a_cs1_chapter_is_no_second_reference():
    from verify_refs.extract.document import parse_document
    text = ("Therapy.11\n\nNotes\n11. ^ Wilson, A. P. R. (1992). \"Antibiotic Therapy in the Critically Ill\". "
            "In Tinker, Jack; Zapol, Warren M. (eds.). Care of the Critically Ill Patient (2nd ed.). London: "
            "Springer. pp. 1145–1155. ISBN 978-1-4471-3402-2.\n")
    document = parse_document(SourceText("w.txt", text))
    assert len(document.references) == 1
    reference = document.references[0]
    assert reference.container == "Care of the Critically Ill Patient"
    assert reference.editors == (Person("Tinker", "Jack"), Person("Zapol", "Warren M."))


@pytest.mark.parametrize("text, container, volume, issue, pages", [
    # physics: a volume and the first page before the year
    ("S. Smith, “Effects,” Phys. Rev. B 45, 1234 (1992).", "Phys. Rev. B", "45", None, "1234"),
    # a labelled volume, or a number of one or two digits, before the date is the issue
    ("David B. Quinn, « The First Pilgrims », The William and Mary Quarterly, vol. 23, 3 (1966).",
     "The William and Mary Quarterly", "23", "3", None),
    ("J. Dupont, « Titre », Revue historique 290, 2 (1993).", "Revue historique", "290", "2", None),
])
def test_a_volume_and_a_number_before_the_date(text, container, volume, issue, pages):
    reference = parse(text)
    assert (reference.container, reference.volume, reference.issue) == (container, volume, issue)
    assert (reference.pages.raw if reference.pages else None) == pages
