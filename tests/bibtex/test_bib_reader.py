"""BibTeX files as input: references with their lines, malformed parts reported."""

from __future__ import annotations

from bibhelpers import corpus

from verify_refs.bibtex.reader import parse_bibtex
from verify_refs.bibtex.writer import write_bibliography
from verify_refs.extract.source import SourceText, read_source
from verify_refs.models import IdScheme, ReferenceKind

GOOD = r"""% a comment line
@string{ss = "Soviet Studies"}
@comment{this is ignored}

@article{coox1968affaire,
  author    = {Coox, Alvin D.},
  title     = {L'Affaire {Lyushkov}: Anatomy of a Defector},
  journal   = ss,
  volume    = 19,
  number    = {3},
  pages     = {405--420},
  month     = jan,
  year      = 1968,
  doi       = {https://doi.org/10.1080/09668136808410603},
  issn      = {0038-5859},
  eprint    = {149953},
  eprinttype = {jstor},
}

@book{medvedev1972,
  author = {Medvedev, Roy and {Memorial Society}},
  title = {К суду истории},
  titleaddon = {[Let History Judge]},
  date = {1972},
  origdate = {1969},
  publisher = {Alfred A. Knopf},
  address = {New York},
  isbn = {0-394-44645-3},
  langid = {russian},
}

@online{kuksin1999,
  author = {Ilya Kuksin},
  title = {{ПОБЕГ} СТОЛЕТИЯ},
  url = {http://www.vestnik.com/issues/1999/0817/koi/kuksin.htm},
  urldate = {2012-02-12},
  date = {1999-08-17},
}
"""


def test_entries_become_references_with_their_lines():
    document = parse_bibtex(SourceText("refs.bib", GOOD))
    assert document.findings == ()
    coox, medvedev, kuksin = document.references
    assert (coox.span.line, coox.span.column, coox.id) == (5, 1, "refs.bib:5:1")
    assert coox.kind is ReferenceKind.ARTICLE
    assert coox.authors[0].family == "Coox" and coox.authors[0].given == "Alvin D."
    assert coox.title == "L'Affaire Lyushkov: Anatomy of a Defector"
    assert coox.container == "Soviet Studies"  # @string macro resolved
    assert (coox.volume, coox.issue, coox.year) == ("19", "3", 1968)
    assert (coox.pages.first, coox.pages.last) == ("405", "420")
    assert coox.doi == "10.1080/09668136808410603"
    assert coox.first_id(IdScheme.ISSN) == "0038-5859"
    assert coox.jstor == "149953"
    doi = coox.ids(IdScheme.DOI)[0]
    assert doi.span.line == 14
    assert medvedev.span.line == 20 and medvedev.kind is ReferenceKind.BOOK
    assert [p.family for p in medvedev.authors] == ["Medvedev", "Memorial Society"]
    assert medvedev.translated_title == "Let History Judge"
    assert (medvedev.year, medvedev.original_year) == (1972, 1969)
    assert medvedev.place == "New York" and medvedev.language == "ru"
    assert medvedev.first_id(IdScheme.ISBN) == "0394446453"
    assert kuksin.kind is ReferenceKind.WEB
    assert kuksin.authors[0].family == "Kuksin" and kuksin.authors[0].given == "Ilya"
    assert kuksin.title == "ПОБЕГ СТОЛЕТИЯ"
    assert kuksin.accessed == "2012-02-12" and kuksin.year == 1999


BROKEN = """@article{first,
  title = {Fine},
  year = 1968,
}

@book{unbalanced,
  title = {Unbalanced {brace,
  year = {1925}
}

@book{second,
  title = {Also fine},
  journal = nosuchmacro,
  year = 1989,
}

@book{second,
  title = {Same key},
}

@misc{twice, title = {a}, title = {b}}

@article{last,
  title = {Still parsed},
}
"""


def test_malformed_input_is_reported_and_the_rest_parsed():
    document = parse_bibtex(SourceText("broken.bib", BROKEN))
    found = [(f.code, f.span.line) for f in document.findings]
    assert found == [("bibtex-syntax", 6), ("bibtex-syntax", 13), ("bibtex-syntax", 17),
                     ("bibtex-syntax", 21)]
    messages = [f.message for f in document.findings]
    assert "does not parse" in messages[0]
    assert "nosuchmacro" in messages[1]
    assert "duplicate key 'second'" in messages[2] and "line 11" in messages[2]
    assert "title twice" in messages[3]
    titles = [r.title for r in document.references]
    assert titles == ["Fine", "Also fine", "Same key", "a", "Still parsed"]
    assert [r.span.line for r in document.references] == [1, 11, 17, 21, 23]


def test_hostile_latex_is_only_text(tmp_path):
    secret = tmp_path / "secret.tex"
    secret.write_text("TOPSECRET", encoding="utf-8")
    text = "@misc{x,\n  title = {\\input{" + str(secret) + "} \\write18{rm -rf /} 50\\%},\n  year = 2000,\n}\n"
    (reference,) = parse_bibtex(SourceText("x.bib", text)).references
    assert "TOPSECRET" not in (reference.title or "")
    assert "50%" in reference.title


def test_written_bibliography_reads_back(tmp_path):
    path = tmp_path / "corpus.bib"
    references, resolutions = corpus()
    write_bibliography(references, resolutions, str(path))
    document = parse_bibtex(read_source(str(path)))
    assert document.findings == ()
    by_title = {r.title: r for r in document.references}
    coox = by_title["L'Affaire Lyushkov: Anatomy of a Defector"]
    assert coox.doi == "10.1080/09668136808410603" and coox.year == 1968
    medvedev = by_title["К суду истории"]
    assert medvedev.translated_title == "Let History Judge: The Origin and Consequences of Stalinism"
    assert medvedev.original_year == 1969
    lines = path.read_text(encoding="utf-8").splitlines()
    for reference in document.references:
        assert lines[reference.span.line - 1].startswith("@")
