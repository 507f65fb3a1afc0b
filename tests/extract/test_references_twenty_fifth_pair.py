"""Forms the twenty-fifth pair of blind testers wrote: a notes list with one note missing (the
next note must not run into the one before, nor its number into a DOI), and a CS1 chapter
whose book title runs into its publisher."""

from __future__ import annotations

from offline_parsing import findings_of

from verify_refs.identifiers import scan

NOTES = """The complaints were heard in absentia in 1938.12 They were noted again.13 And once more.14

Notes

12 S. Gaal et al., "Complaints against Family Physicians," Annals of Family Medicine 9, no. 6 (2011): 520\u201326, https://doi.org/10.1370/afm.1308.
14 Ibid., 524.
"""


def test_a_missing_note_leaves_the_next_one_its_own():
    document, findings = findings_of(NOTES)
    assert [note.label for note in document.notes] == ["12", "14"]
    assert [reference.doi for reference in document.references] == ["10.1370/afm.1308"]
    problems = [(f.code, f.message) for f in findings if f.code == "dangling-marker"]
    assert len(problems) == 1 and problems[0][1].startswith("marker [13] points to no note")


def test_the_next_notes_number_is_no_part_of_a_broken_doi():
    assert [f.value for f in scan("(2014): 520. https://doi.org/10.1370/afm.1308.\n14 Ibid., 524.")] == ["10.1370/afm.1308"]
    # a DOI broken by a PDF's line break still goes on
    assert [f.value for f in scan("doi:10.1016/j.jmp.2018.\n11.001")] == ["10.1016/j.jmp.2018.11.001"]
