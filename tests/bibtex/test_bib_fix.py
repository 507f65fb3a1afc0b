"""``--fix`` on a BibTeX file: strong matches corrected in place, nothing else touched."""

from __future__ import annotations

from dataclasses import replace

import pytest
from bibhelpers import COOX_RECORD, entries_of, resolved

from verify_refs.bibtex.fix import fix_bibtex_file
from verify_refs.bibtex.reader import parse_bibtex
from verify_refs.extract.source import read_source
from verify_refs.models import Outcome, Resolution

USER_FILE = """% my bibliography, hand formatted
@Article{coox1968affaire,
    Author = {Coox, Alvin D.},
    Title = {L'Affaire Lyushkov: Anatomy of a Defector},
    Journal = {Soviet Studies},
    Volume = 19,
    Number = {3},
    Pages = {405--419},
    Year = 1969,
    Note = {my note stays}
}

@book{broken,
  title = {Unclosed,

@book{medvedev1972,
  author = {Medvedev, Roy},
  title = {K sudu istorii},
  year = 1972
}

@article{weak,
  author = {Coox, Alvin D.},
  title = {L'Affaire Lyushkov: Anatomy of a Defector},
  journal = {Soviet Studies},
  year = 1969,
}
"""


def _setup(tmp_path, text=USER_FILE):
    path = tmp_path / "mine.bib"
    path.write_text(text, encoding="utf-8")
    document = parse_bibtex(read_source(str(path)))
    by_key = {r.text.split("{", 1)[1].split(",", 1)[0]: r for r in document.references}
    return path, by_key


def test_strong_match_is_corrected_in_place(tmp_path):
    path, refs = _setup(tmp_path)
    coox = refs["coox1968affaire"]
    result = fix_bibtex_file(str(path), list(refs.values()), {coox.id: resolved(coox, COOX_RECORD)})
    assert result.changes == [
        "coox1968affaire: year 1969 -> 1968",
        "coox1968affaire: pages 405--419 -> 405--420",
        "coox1968affaire: doi (none) -> 10.1080/09668136808410603",
    ]
    text = path.read_text(encoding="utf-8")
    expected = (USER_FILE.replace("Pages = {405--419}", "Pages = {405--420}")
                .replace("Year = 1969,\n    Note = {my note stays}",
                         "Year = {1968},\n    Note = {my note stays},\n    doi = {10.1080/09668136808410603}"))
    assert text == expected  # nothing else moved: comments, order, layout, the broken entry
    assert (tmp_path / "mine.bib.bak").read_text(encoding="utf-8") == USER_FILE
    assert result.backup == str(path) + ".bak"


def test_title_and_journal_corrected(tmp_path):
    path, refs = _setup(tmp_path)
    coox = refs["coox1968affaire"]
    record = dict(COOX_RECORD, title=["L'Affaire Lyushkov: Anatomy of a Defector & Spy"],
                  **{"container-title": ["Europe-Asia Studies"], "short-container-title": [],
                     "ISSN": []})
    result = fix_bibtex_file(str(path), [coox], {coox.id: resolved(coox, record)})
    assert ('coox1968affaire: title "L\'Affaire Lyushkov: Anatomy of a Defector" -> '
            '"L\'Affaire Lyushkov: Anatomy of a Defector & Spy"') in result.changes
    assert 'coox1968affaire: journal "Soviet Studies" -> "Europe-Asia Studies"' in result.changes
    text = path.read_text(encoding="utf-8")
    assert r"Title = {L'Affaire Lyushkov: Anatomy of a Defector \& Spy}" in text


def test_case_and_punctuation_differences_are_not_changes(tmp_path):
    path, refs = _setup(tmp_path)
    coox = refs["coox1968affaire"]
    record = dict(COOX_RECORD, title=["L'AFFAIRE LYUSHKOV - ANATOMY OF A DEFECTOR"], page="405-419",
                  issued={"date-parts": [[1969]]}, DOI="10.1080/x")
    path.write_text(USER_FILE.replace("    Note", "    doi = {10.1080/x},\n    Note"), encoding="utf-8")
    result = fix_bibtex_file(str(path), [coox], {coox.id: resolved(coox, record)})
    assert result.changes == [] and not (tmp_path / "mine.bib.bak").exists()


def test_weak_or_ambiguous_match_untouched(tmp_path):
    path, refs = _setup(tmp_path)
    weak = refs["weak"]
    resolutions = {
        weak.id: resolved(weak, COOX_RECORD, via="search", confidence=0.6),
        refs["medvedev1972"].id: Resolution(refs["medvedev1972"].id, Outcome.AMBIGUOUS, None,
                                            via="search", confidence=0.9,
                                            candidates=(resolved(weak, COOX_RECORD).work,)),
    }
    result = fix_bibtex_file(str(path), list(refs.values()), resolutions)
    assert result.changes == []
    assert result.skipped == ["weak: not changed, the registry match is not certain enough"]
    assert path.read_text(encoding="utf-8") == USER_FILE


def test_doi_of_another_work_is_not_applied(tmp_path):
    """A DOI copied from another paper: the resolver flags it; fix must not rewrite."""
    path, refs = _setup(tmp_path)
    coox = refs["coox1968affaire"]
    other = dict(COOX_RECORD, title=["Soil bacteria of the Gobi"], author=[{"family": "Smith"}],
                 issued={"date-parts": [[2004]]})
    flagged = resolved(coox, other, reason="the work of this DOI does not match the reference")
    unflagged = replace(flagged, reason="")
    for resolution in (flagged, unflagged):
        result = fix_bibtex_file(str(path), [coox], {coox.id: resolution})
        assert result.changes == []
    assert path.read_text(encoding="utf-8") == USER_FILE


def test_strong_search_match_is_applied_and_no_entry_dropped(tmp_path):
    path, refs = _setup(tmp_path)
    weak = refs["weak"]
    result = fix_bibtex_file(str(path), [weak], {weak.id: resolved(weak, COOX_RECORD, via="search",
                                                                    confidence=0.97)})
    assert "weak: year 1969 -> 1968" in result.changes
    text = path.read_text(encoding="utf-8")
    assert text.count("@") == USER_FILE.count("@")
    fixed = parse_bibtex(read_source(str(path)))
    assert [r.span.line for r in fixed.references] == [r.span.line for r in refs.values()]


def test_fixed_generated_file_still_parses(tmp_path):
    clean = USER_FILE.replace("@book{broken,\n  title = {Unclosed,\n\n", "")
    path, refs = _setup(tmp_path, clean)
    coox = refs["coox1968affaire"]
    fix_bibtex_file(str(path), [coox], {coox.id: resolved(coox, COOX_RECORD)})
    entries = entries_of(path.read_text(encoding="utf-8"))
    assert entries["coox1968affaire"]["Year"] == "1968"
    assert entries["coox1968affaire"]["doi"] == "10.1080/09668136808410603"
    assert set(entries) == {"coox1968affaire", "medvedev1972", "weak"}


def test_references_of_other_files_are_ignored(tmp_path):
    path, refs = _setup(tmp_path)
    coox = refs["coox1968affaire"]
    elsewhere = replace(coox, span=replace(coox.span, path=str(tmp_path / "other.bib")), id="other")
    result = fix_bibtex_file(str(path), [elsewhere], {"other": resolved(elsewhere, COOX_RECORD)})
    assert result.changes == []


# --- identifiers with a wrong check digit ----------------------------------------------

BOOK = """@book{medvedev1972,
  author = {Medvedev, Roy},
  title = {Let History Judge},
  year = 1972,
  isbn = {0-394-44645-4, 9780262035613},
  doi = {10.5555/book.1}
}
"""
BOOK_RECORD = {"DOI": "10.5555/book.1", "type": "book", "title": ["Let History Judge"],
               "author": [{"family": "Medvedev", "given": "Roy"}], "issued": {"date-parts": [[1972]]},
               "ISBN": ["http://id.crossref.org/isbn/9781234567897", "9780394446455"]}


def test_an_isbn_with_a_wrong_check_digit_gives_way_to_the_registrys_nearest(tmp_path):
    path, refs = _setup(tmp_path, BOOK)
    book = refs["medvedev1972"]
    result = fix_bibtex_file(str(path), [book], {book.id: resolved(book, BOOK_RECORD)})
    # the registry's number of this edition, in the form cited (ISBN-10, hyphens); the
    # field's valid ISBN of another edition stays
    assert result.changes == ["medvedev1972: isbn 0-394-44645-4, 9780262035613 -> 0-394-44645-3, 9780262035613"]
    assert "isbn = {0-394-44645-3, 9780262035613}," in path.read_text(encoding="utf-8")
    (wrong,) = [i for i in book.identifiers if i.raw == "0-394-44645-4"]
    assert [(f.code, f.span) for f in result.fixed] == [("invalid-isbn", wrong.span)]


def test_an_isbn_is_left_when_the_registry_has_none(tmp_path):
    path, refs = _setup(tmp_path, BOOK)
    book = refs["medvedev1972"]
    record = {k: v for k, v in BOOK_RECORD.items() if k != "ISBN"}
    assert fix_bibtex_file(str(path), [book], {book.id: resolved(book, record)}).changes == []
    assert path.read_text(encoding="utf-8") == BOOK


def test_an_issn_with_a_wrong_check_digit_gives_way_to_the_registrys(tmp_path):
    path, refs = _setup(tmp_path, USER_FILE.replace("    Note =", "    ISSN = {00385858},\n    Note ="))
    coox = refs["coox1968affaire"]
    result = fix_bibtex_file(str(path), [coox], {coox.id: resolved(coox, COOX_RECORD)})
    assert "coox1968affaire: issn 00385858 -> 00385859" in result.changes  # compact, as cited
    assert "ISSN = {00385859}," in path.read_text(encoding="utf-8")
    assert {f.code for f in result.fixed} == {"year-mismatch", "pages-mismatch", "invalid-issn"}


# --- what the fix settles ------------------------------------------------------------------


def test_the_findings_a_fix_settles_are_those_of_its_fields(tmp_path):
    from verify_refs.checks.registry import check_reference

    path, refs = _setup(tmp_path)
    coox = refs["coox1968affaire"]
    resolution = resolved(coox, COOX_RECORD)
    findings, _ = check_reference(coox, resolution)
    assert {f.code for f in findings} == {"year-mismatch", "pages-mismatch"}
    result = fix_bibtex_file(str(path), [coox], {coox.id: resolution})
    assert all(result.settled(f) for f in findings)
    elsewhere = replace(findings[0], span=replace(findings[0].span, line=99))
    assert not result.settled(elsewhere) and not result.settled(replace(findings[0], code="author-mismatch"))


# --- added fields laid out like the entry's own --------------------------------------------

_TITLE = "{L'Affaire Lyushkov: Anatomy of a Defector}"
_DOI = "{10.1080/09668136808410603}"


@pytest.mark.parametrize("entry, expected", [
    # names padded so that "=" lines up
    ("@article{k,\n  author  = {Coox, Alvin D.},\n  title   = " + _TITLE + ",\n  year    = 1968,\n}\n",
     "@article{k,\n  author  = {Coox, Alvin D.},\n  title   = " + _TITLE + ",\n  year    = 1968,\n"
     "  doi     = " + _DOI + ",\n}\n"),
    # values padded after "=", a tab for the indent
    ("@article{k,\n\tauthor = {Coox, Alvin D.},\n\ttitle =  " + _TITLE + ",\n\tyear =   1968\n}\n",
     "@article{k,\n\tauthor = {Coox, Alvin D.},\n\ttitle =  " + _TITLE + ",\n\tyear =   1968,\n"
     "\tdoi =    " + _DOI + "\n}\n"),
    # no spaces, names in capitals
    ("@ARTICLE{k,\nAUTHOR={Coox, Alvin D.},\nTITLE=" + _TITLE + ",\nYEAR=1968}\n",
     "@ARTICLE{k,\nAUTHOR={Coox, Alvin D.},\nTITLE=" + _TITLE + ",\nYEAR=1968,\nDOI=" + _DOI + "}\n"),
    # a one-line entry stays on one line
    ("@article{k, author = {Coox, Alvin D.}, title = " + _TITLE + ", year = 1968}\n",
     "@article{k, author = {Coox, Alvin D.}, title = " + _TITLE + ", year = 1968, doi = " + _DOI + "}\n"),
])
def test_an_added_field_is_laid_out_like_the_entrys_own(tmp_path, entry, expected):
    path, refs = _setup(tmp_path, entry)
    (reference,) = refs.values()
    result = fix_bibtex_file(str(path), [reference], {reference.id: resolved(reference, COOX_RECORD)})
    assert [change.split()[1] for change in result.changes] == ["doi"]
    assert path.read_text(encoding="utf-8") == expected
