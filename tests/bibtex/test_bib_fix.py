"""``--fix`` on a BibTeX file: strong matches corrected in place, nothing else touched."""

from __future__ import annotations

from dataclasses import replace

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
