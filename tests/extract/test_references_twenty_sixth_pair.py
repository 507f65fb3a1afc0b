"""Forms the twenty-sixth pair of blind testers wrote: a copied marker on one entry of an
unnumbered reference list (which must not turn the entries after it into the text of a
note), and a CS1 book whose series names a newspaper-like word."""

from __future__ import annotations

from offline_parsing import findings_of

from verify_refs.extract.references import parse_reference
from verify_refs.extract.source import SourceText
from verify_refs.models import ReferenceKind

BRESSAN = ("Bressan, Paola. 2002. \u201cThe Connection between Random Sequences, Everyday Coincidences, and Belief "
           "in the Paranormal.\u201d Applied Cognitive Psychology 16 (1): 17\u201334.")
EBERMAN = ("Eberman, Carolin, and Stuart J. McKelvie. 2002. \u201cVividness of Visual Imagery and Source Memory "
           "for Audio and Text.\u201d Applied Cognitive Psychology 16 (1): 87\u201395.")
HOLLIDAY = ("Holliday, Robyn E., and Brett K. Hayes. 2002. \u201cAutomatic and Intentional Processes in Children\u2019s "
            "Recognition Memory.\u201d Applied Cognitive Psychology 16 (1): 1\u201316.")
PROSE = "Coincidences mislead (Bressan 2002, 20). Imagery (Eberman and McKelvie 2002, 90). Children (Holliday and Hayes 2002, 9).\n\nReferences\n\n"


def _surnames(document):
    return [reference.authors[0].family for reference in document.references]


def test_a_copied_number_inside_an_unnumbered_list_is_a_stray():
    document, findings = findings_of(PROSE + f"{BRESSAN}\n\n10 {EBERMAN}\n\n{HOLLIDAY}\n")
    assert _surnames(document) == ["Bressan", "Eberman", "Holliday"]
    assert document.notes == ()
    assert [f.code for f in findings if f.code in ("stray-number", "orphan-short-cite", "unused-note")] == ["stray-number"]


def test_a_copied_number_on_the_first_entry_is_a_stray_once_unnumbered_entries_follow():
    document, findings = findings_of(PROSE + f"10 {BRESSAN}\n\n{EBERMAN}\n\n{HOLLIDAY}\n")
    assert _surnames(document) == ["Bressan", "Eberman", "Holliday"]
    assert [f.code for f in findings if f.code in ("stray-number", "orphan-short-cite", "unused-note")] == ["stray-number"]


def test_a_numbered_notes_list_stays_one():
    document, _ = findings_of("Text.[1] More.[2]\n\nNotes\n\n1 " + BRESSAN + "\n2 " + EBERMAN + "\n")
    assert [note.label for note in document.notes] == ["1", "2"]


def _parse(text: str):
    return parse_reference(SourceText("x.txt", text), 0, len(text))


def test_a_cs1_book_in_a_series_is_a_book():
    reference = _parse("Getty, J. Arch (1985). Origins of the Great Purges: The Soviet Communist Party Reconsidered, "
                       "1933\u20131938. Cambridge Russian, Soviet and Post-Soviet Studies. Cambridge University Press. "
                       "ISBN 978-0-521-33570-6.")
    assert reference.kind is ReferenceKind.BOOK
    assert reference.publisher == "Cambridge University Press"
    # a newspaper's article is still one
    assert _parse("Smith, John (12 March 1999). \"Purges recalled\". The Washington Post. p. 4.").kind is ReferenceKind.NEWS


def test_acs_journal_abbreviations_are_read_whole():
    texts = {
        "J. Organomet. Chem": "Herrmann, G. S.; Alt, H. G.; Rausch, M. D. ansa-Titanocen- und Zirconocenkomplexe mit "
                              "asymmetrisch substituierter Kohlenstoffbrücke. J. Organomet. Chem. 1991, 401 (1\u20132), C5\u2013C9.",
        "Environ. Sci.: Nano": "Anders, C. B.; Wingett, D. G. ZnO Nanoparticle Preparation Route Influences Surface "
                               "Reactivity. Environ. Sci.: Nano 2018, 5 (2), 572\u2013588.",
        "J. Polym. Sci., Part B: Polym. Phys": "Gorga, R. E.; Narasimhan, B. Quantifying Phase Behavior in Partially "
                                               "Miscible Blends. J. Polym. Sci., Part B: Polym. Phys. 2002, 40 (3), 255\u2013271.",
    }
    for container, text in texts.items():
        reference = _parse(text)
        assert reference.container == container, text
        assert reference.year is not None and str(reference.year) in text
    # a journal's full name ending a sentence is not run into what follows
    reference = _parse("Smith, J. A. Title of the Paper. Soviet Studies. 1968, 19 (3), 405\u2013420.")
    assert reference.container == "Soviet Studies"
