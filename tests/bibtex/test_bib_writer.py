"""The bibliography writer: fields, determinism, hand edits, atomic replacement."""

from __future__ import annotations

import os

import pytest
from bibhelpers import COOX_RECORD, coox, corpus, entries_of, kuksin, medvedev, resolved

from verify_refs.bibtex.writer import BibFileError, write_bibliography
from verify_refs.models import Outcome, Resolution


def _write(tmp_path, references=None, resolutions=None, name="corpus.bib"):
    if references is None:
        references, resolutions = corpus()
    path = tmp_path / name
    result = write_bibliography(references, resolutions or {}, str(path))
    return result, path


def test_fields_of_the_corpus_entries(tmp_path):
    result, path = _write(tmp_path)
    assert result.changed and result.entries == 4 and result.path == str(path)
    entries = entries_of(path.read_text(encoding="utf-8"))
    assert entries["coox1968affaire"] == {
        "ENTRYTYPE": "article",
        "author": "Coox, Alvin D.",
        "title": "L'Affaire Lyushkov: Anatomy of a Defector",
        "journaltitle": "Soviet Studies",
        "journal": "Soviet Studies",
        "volume": "19", "number": "3", "pages": "405--420",
        "date": "1968-01", "year": "1968",
        "langid": "english",
        "issn": "0038-5859",
        "doi": "10.1080/09668136808410603",
        "eprint": "149953", "eprinttype": "jstor",
    }
    medvedev_entry = entries["medvedev1972sudu"]
    assert medvedev_entry["ENTRYTYPE"] == "book"
    assert medvedev_entry["title"] == "К суду истории"
    assert medvedev_entry["titleaddon"] == "[Let History Judge: The Origin and Consequences of Stalinism]"
    assert medvedev_entry["origdate"] == "1969" and medvedev_entry["date"] == "1972"
    assert medvedev_entry["isbn"] == "0-394-44645-3"
    assert medvedev_entry["langid"] == "russian"
    assert medvedev_entry["publisher"] == "Alfred A. Knopf"
    assert medvedev_entry["keywords"] == "unverified"
    kuksin_entry = entries["kuksin1999pobeg"]
    assert kuksin_entry["urldate"] == "2012-02-12"
    assert kuksin_entry["url"] == "http://www.vestnik.com/issues/1999/0817/koi/kuksin.htm"
    assert kuksin_entry["titleaddon"] == "[Flight of the Century]"
    berkman_entry = entries["berkman1989odessa"]
    assert berkman_entry["ENTRYTYPE"] == "inbook"  # a chapter of a single-author book
    assert berkman_entry["booktitle"] == "The Bolshevik Myth (Diary 1920–1922)"
    assert berkman_entry["isbn"] == "1-85305-032-6"
    assert berkman_entry["location"] == "London" and berkman_entry["origdate"] == "1925"


def test_registry_metadata_wins_and_unresolved_is_unverified(tmp_path):
    cited = coox(year=1969, volume="18")
    _, path = _write(tmp_path, [cited], {cited.id: resolved(cited, COOX_RECORD)})
    entry = entries_of(path.read_text(encoding="utf-8"))["coox1968affaire"]
    assert entry["year"] == "1968" and entry["volume"] == "19" and "keywords" not in entry
    weak = Resolution(cited.id, Outcome.AMBIGUOUS, None, via="search", confidence=0.5)
    _, path = _write(tmp_path, [cited], {cited.id: weak}, name="weak.bib")
    entry = entries_of(path.read_text(encoding="utf-8"))["coox1969affaire"]
    assert entry["year"] == "1969" and entry["volume"] == "18" and entry["keywords"] == "unverified"


def test_rewrite_is_byte_identical_and_leaves_the_file_alone(tmp_path):
    _, path = _write(tmp_path)
    before = path.read_bytes()
    mtime = os.stat(path).st_mtime_ns
    references, resolutions = corpus()
    result = write_bibliography(list(reversed(references)), resolutions, str(path))
    assert not result.changed
    assert path.read_bytes() == before
    assert os.stat(path).st_mtime_ns == mtime


def test_layout(tmp_path):
    _, path = _write(tmp_path)
    text = path.read_text(encoding="utf-8")
    assert text.endswith("}\n") and "\t" not in text and "\r" not in text
    assert "@article{coox1968affaire,\n  author = {Coox, Alvin D.},\n" in text
    keys = [line.split("{")[1].rstrip(",") for line in text.splitlines() if line.startswith("@")]
    assert keys == sorted(keys)


def test_hand_added_fields_and_blocks_are_kept(tmp_path):
    _, path = _write(tmp_path)
    text = path.read_text(encoding="utf-8")
    text = text.replace("@article{coox1968affaire,\n",
                        "@article{coox1968affaire,\n  abstract = {Lyushkov crossed {\\em the} border},\n"
                        "  File = \"coox.pdf\",\n")
    text = text.replace("  keywords = {unverified},\n}\n\n@book{medvedev",
                        "  keywords = {unverified, stalin},\n  note = {Samizdat first},\n}\n\n@book{medvedev")
    text = "@string{ss = {Soviet Studies}}\n" + text + "\n@comment{kept comment}\n"
    path.write_text(text, encoding="utf-8")
    references, resolutions = corpus()
    result = write_bibliography(references, resolutions, str(path))
    assert result.changed  # the layout was normalised
    written = path.read_text(encoding="utf-8")
    entries = entries_of(written)
    assert entries["coox1968affaire"]["abstract"] == "Lyushkov crossed {\\em the} border"
    assert entries["coox1968affaire"]["File"] == "coox.pdf"
    assert entries["kuksin1999pobeg"]["note"] == "Samizdat first"
    assert entries["kuksin1999pobeg"]["keywords"] == "unverified, stalin"
    assert "@string{ss = {Soviet Studies}}" in written and "@comment{kept comment}" in written
    assert written.count("Bibliography written by verify-refs") == 1
    # and once normalised, stable
    assert not write_bibliography(references, resolutions, str(path)).changed


def test_unverified_keyword_removed_when_resolved(tmp_path):
    cited = coox(identifiers=())
    _, path = _write(tmp_path, [cited], {})
    assert entries_of(path.read_text(encoding="utf-8"))["coox1968affaire"]["keywords"] == "unverified"
    write_bibliography([cited], {cited.id: resolved(cited, COOX_RECORD, via="search", confidence=0.95)}, str(path))
    assert "keywords" not in entries_of(path.read_text(encoding="utf-8"))["coox1968affaire"]


def test_uncited_entries_dropped_unless_kept(tmp_path):
    _, path = _write(tmp_path)
    text = path.read_text(encoding="utf-8") + (
        "\n@book{mine,\n  title = {My own},\n  year = {2000},\n  keywords = {keep},\n}\n")
    path.write_text(text, encoding="utf-8")
    write_bibliography([kuksin(), medvedev()], {}, str(path))
    assert set(entries_of(path.read_text(encoding="utf-8"))) == {"kuksin1999pobeg", "medvedev1972sudu", "mine"}


def test_broken_existing_file_is_refused_and_untouched(tmp_path):
    path = tmp_path / "corpus.bib"
    broken = "@book{a,\n  title = {Unclosed,\n}\n\n@book{b, title={x}}\n"
    path.write_text(broken, encoding="utf-8")
    references, resolutions = corpus()
    with pytest.raises(BibFileError, match=r"corpus\.bib:1: cannot update"):
        write_bibliography(references, resolutions, str(path))
    assert path.read_text(encoding="utf-8") == broken


def test_atomic_write_leaves_no_temporary_files_and_keeps_mode(tmp_path):
    _, path = _write(tmp_path)
    os.chmod(path, 0o640)
    write_bibliography([kuksin()], {}, str(path))
    assert sorted(os.listdir(tmp_path)) == ["corpus.bib"]
    assert os.stat(path).st_mode & 0o777 == 0o640


def test_a_missing_directory_is_not_created(tmp_path):
    path = tmp_path / "bibliography" / "corpus.bib"
    with pytest.raises(FileNotFoundError) as caught:
        write_bibliography([kuksin()], {}, str(path))
    assert caught.value.filename == str(path)  # the user's path, not the temporary file's
    assert not path.parent.exists()


def test_empty_input_writes_a_header_only(tmp_path):
    result, path = _write(tmp_path, [], {})
    assert result.entries == 0
    assert entries_of(path.read_text(encoding="utf-8")) == {}


def test_a_chapters_booktitle_is_the_book_the_citation_names_not_the_series_listed_first():
    from verify_refs.bibtex.entries import _cited_container
    names = ("Communications in Computer and Information Science", "New Trends in Databases and Information Systems")
    assert _cited_container(names, "New Trends in Databases and Information Systems") == names[1]
    assert _cited_container(names, None) == names[0]  # nothing cited: the registry's first
    assert _cited_container(names, "Another Book Altogether") == names[0]
