"""Citation keys: readable, transliterated, collision-free and stable across runs."""

from __future__ import annotations

from bibhelpers import COOX_RECORD, coox, corpus, entries_of, kuksin, medvedev, ref, resolved

from verify_refs.bibtex.keys import ExistingKey, Identity, assign_keys, base_key
from verify_refs.bibtex.writer import write_bibliography
from verify_refs.models import Person, ReferenceKind


def test_base_key_skips_stop_words_and_elisions():
    assert base_key("Coox", 1968, "L'Affaire Lyushkov: Anatomy of a Defector") == "coox1968affaire"
    assert base_key("Smith", 1990, "The Art of War") == "smith1990art"
    assert base_key("Smith", 1990, "On a Theory") == "smith1990theory"
    assert base_key("Berkman", 1989, "Chapter 32: Odessa") == "berkman1989odessa"


def test_cyrillic_is_transliterated():
    assert base_key("Куксин", 1999, "ПОБЕГ СТОЛЕТИЯ") == "kuksin1999pobeg"
    assert base_key("Medvedev", 1972, "К суду истории") == "medvedev1972sudu"
    assert base_key("Müller-Lüdenscheidt", 2001, "Über alles") == "mullerludenscheidt2001uber"


def test_missing_parts():
    assert base_key(None, 1968, "Soviet Studies Review") == "soviet1968studies"
    assert base_key("Coox", None, "Nomonhan") == "cooxndnomonhan"
    assert base_key(None, None, None) == "anonnd"


def _identity(title, doi=None, surname="Coox", year=1968):
    return Identity.of(doi, surname, year, title)


def test_collisions_get_letters_independent_of_order():
    works = [((_identity("Affaire one"),), "coox1968affaire"),
             ((_identity("Affaire two"),), "coox1968affaire")]
    assert assign_keys(works) == ["coox1968affairea", "coox1968affaireb"]
    assert assign_keys(works[::-1]) == ["coox1968affaireb", "coox1968affairea"]


def test_existing_keys_are_reused_by_doi_and_by_description():
    existing = [ExistingKey("mykey", _identity("Old title", doi="10.1/x")),
                ExistingKey("coox1968affaire", _identity("L'Affaire Lyushkov"))]
    works = [((_identity("New title", doi="10.1/x"),), "coox1968new"),
             ((_identity("L'Affaire Lyushkov"),), "coox1968affaire"),
             ((_identity("L'Affaire Two"),), "coox1968affaire")]
    assert assign_keys(works, existing) == ["mykey", "coox1968affaire", "coox1968affairea"]


def test_a_different_doi_is_a_different_work():
    existing = [ExistingKey("coox1968affaire", _identity("Affaire", doi="10.1/a"))]
    works = [((_identity("Affaire", doi="10.1/b"),), "coox1968affaire")]
    assert assign_keys(works, existing) == ["coox1968affairea"]


def _two_cooxes():
    second = ref(50, kind=ReferenceKind.ARTICLE, authors=(Person("Coox", "Alvin D."),), year=1968,
                 title="L'Affaire Nomonhan", container="Military Affairs")
    return second


def test_key_kept_when_another_entry_is_added_or_removed(tmp_path):
    path = str(tmp_path / "corpus.bib")
    references, resolutions = corpus()
    write_bibliography(references, resolutions, path)
    first = set(entries_of(open(path, encoding="utf-8").read()))
    assert first == {"coox1968affaire", "kuksin1999pobeg", "berkman1989odessa", "medvedev1972sudu"}
    # a colliding work arrives: the old entry keeps its key, the newcomer takes a suffix
    write_bibliography([*references, _two_cooxes()], resolutions, path)
    second = set(entries_of(open(path, encoding="utf-8").read()))
    assert second == first | {"coox1968affairea"}
    # the old one goes: the newcomer keeps its suffixed key
    write_bibliography([r for r in references if r.first_author != "Coox"] + [_two_cooxes()], {}, path)
    third = set(entries_of(open(path, encoding="utf-8").read()))
    assert third == (first - {"coox1968affaire"}) | {"coox1968affairea"}


def test_key_kept_when_the_registry_changes_the_title(tmp_path):
    """Written unverified from the document; resolved later with another title and year."""
    path = str(tmp_path / "corpus.bib")
    cited = coox(identifiers=(), year=1969, title="L'Affaire Lyushkov")
    write_bibliography([cited], {}, path)
    assert set(entries_of(open(path, encoding="utf-8").read())) == {"coox1969affaire"}
    write_bibliography([cited], {cited.id: resolved(cited, COOX_RECORD, via="search", confidence=0.95)}, path)
    entries = entries_of(open(path, encoding="utf-8").read())
    assert set(entries) == {"coox1969affaire"}
    assert entries["coox1969affaire"]["year"] == "1968"
    assert entries["coox1969affaire"]["doi"] == "10.1080/09668136808410603"


def test_hand_renamed_key_is_respected(tmp_path):
    path = tmp_path / "corpus.bib"
    references, resolutions = corpus()
    write_bibliography(references, resolutions, str(path))
    path.write_text(path.read_text(encoding="utf-8").replace("@article{coox1968affaire,", "@article{Coox:Lyushkov,"),
                    encoding="utf-8")
    write_bibliography(references, resolutions, str(path))
    assert "Coox:Lyushkov" in entries_of(path.read_text(encoding="utf-8"))


def test_same_work_cited_twice_is_one_entry(tmp_path):
    path = str(tmp_path / "corpus.bib")
    other_doc = coox(line=7, path="corpus/lyushkov-defection.txt")
    no_doi = coox(line=9, path="corpus/other.txt", identifiers=())
    result = write_bibliography([coox(), other_doc, no_doi, kuksin(), medvedev()], {}, path)
    assert result.entries == 3
    assert set(entries_of(open(path, encoding="utf-8").read())) == {
        "coox1968affaire", "kuksin1999pobeg", "medvedev1972sudu"}
