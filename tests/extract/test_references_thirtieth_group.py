"""Reference and document parsing, from the thirtieth group of blind testers' documents
(and the gaps the twenty-ninth left): each test is a form a tester wrote."""

from __future__ import annotations

from verify_refs.extract.document import parse_document
from verify_refs.extract.source import SourceText, mask_markdown_links


def test_a_doi_only_in_a_markdown_link_target_is_kept_after_the_link_text():
    text = ("Coox, A. D. (1968). [L'Affaire Lyushkov: Anatomy of a defector](https://doi.org/10.1080/0966813680841). "
            "*Soviet Studies*, *19*(3), 405–420.\n")
    masked = mask_markdown_links(text)
    assert len(masked) == len(text)
    assert " ".join(masked.split()).startswith(
        "Coox, A. D. (1968). L'Affaire Lyushkov: Anatomy of a defector https://doi.org/10.1080/0966813680841 .")
    document = parse_document(SourceText("a.md", "Text (Coox 1968).\n\n## References\n\n" + text))
    (reference,) = document.references
    assert reference.doi == "10.1080/0966813680841"
    assert reference.title == "L'Affaire Lyushkov: Anatomy of a defector"
    assert reference.container == "Soviet Studies"


def test_a_link_target_other_than_a_doi_is_still_dropped():
    text = "[Anatomy of a defector](https://www.jstor.org/stable/149379) and [home](/wiki/Main_Page).\n"
    assert " ".join(mask_markdown_links(text).split()) == "Anatomy of a defector and home ."
