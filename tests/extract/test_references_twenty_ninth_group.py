"""Forms the twenty-ninth group of blind testers wrote: Vancouver titles "Word: rest", Chicago
notes that open with commentary or join works with ", and", full-name short titles, front
matter cited "introduction to Book", bracketed acronyms inside a title, MLA and APA cites of
one author's several works, a running head inside a pasted list, and a Wikipedia page saved
as Markdown."""

from __future__ import annotations

from offline_parsing import findings_of

from verify_refs.extract.references import parse_reference
from verify_refs.extract.source import SourceText, mask_markdown_links
from verify_refs.models import ReferenceKind


def _parse(text: str):
    return parse_reference(SourceText("t.txt", text), 0, len(text))


def _codes(findings, *codes):
    return sorted((f.code, f.span.line) for f in findings if f.code in codes)


def test_a_vancouver_title_whose_first_word_ends_in_a_colon_keeps_it():
    reference = _parse("Li H, Jia E, Hong Y, Chen Y, Jiao J. Phytoestrogens and NAFLD: possible mechanisms of action. "
                       "Mini Rev Med Chem. 2020;20(7):578-583.")
    assert [a.family for a in reference.authors] == ["Li", "Jia", "Hong", "Chen", "Jiao"]
    assert reference.title == "Phytoestrogens and NAFLD: possible mechanisms of action"
    reference = _parse("Greenberg D, McIntyre H, Gregory M, Ramsaroop R. Ductography: a pictorial essay of common "
                       "pathologies. Breast J. 2004;10(5):454-7.")
    assert reference.authors[-1].family == "Ramsaroop" and reference.title.startswith("Ductography:")


def test_a_bracketed_acronym_with_digits_stays_in_the_title():
    reference = _parse("Liu X, Jiang ZX. Study of kinetics using an agent (19FIT) on a 3T clinical MRI system. "
                       "MAGMA. 2019;32(1):97-103.")
    assert reference.title == "Study of kinetics using an agent (19FIT) on a 3T clinical MRI system"
    assert reference.container == "MAGMA"


def test_commentary_before_the_work_is_no_part_of_it():
    for lead in ("On this point see", "For a recent discussion, see", "The best account is",
                 "Goudriaan's argument is developed in", "See, for example,"):
        reference = _parse(f"{lead} Koen Goudriaan, \"The Devotio Moderna and Commemoration,\" "
                           "The Medieval Low Countries 2 (2015): 109-54.")
        assert [a.family for a in reference.authors] == ["Goudriaan"], lead
        assert reference.title == "The Devotio Moderna and Commemoration"
    # an authorless title's "in" is no hand-over to names
    reference = _parse("Soviet Defectors in Manchuria, \"A Study,\" Journal of History 3 (1990): 1-20.")
    assert reference.authors == ()


def test_works_joined_by_comma_and_after_a_page_are_two():
    document, findings = findings_of(
        "Sermons.1\n\nNotes\n\n1 See Koen Goudriaan, \"The Devotio Moderna,\" The Medieval Low Countries 2 "
        "(2015): 109-54, and Patrick Collinson, The Birthpangs of Protestant England (Basingstoke: Macmillan, "
        "1988), 56.\n")
    assert [(r.authors[0].family, r.pinpoints) for r in document.references] == [
        ("Goudriaan", ()), ("Collinson", ("56",))]
    assert _codes(findings, "page-out-of-range") == []


def test_front_matter_is_a_chapter_of_its_book():
    reference = _parse("Richard Leppert, introduction to Art and the Committed Eye: The Cultural Functions of Imagery "
                       "(New York: Routledge, 2019), 3-18.")
    assert (reference.title, reference.container) == (
        "Introduction", "Art and the Committed Eye: The Cultural Functions of Imagery")
    assert reference.kind is ReferenceKind.CHAPTER


def test_a_short_title_after_a_full_name_is_a_cite():
    text = ("Text.1 More.2 Again.3\n\nNotes\n\n1 Li Feng, Bureaucracy and the State in Early China (Cambridge: "
            "Cambridge University Press, 2008), 12.\n2 Li Feng, Bureaucracy and the State, 45.\n"
            "3 Wang Huilin, Cooks, 45.\n")
    document, findings = findings_of(text)
    assert [c.author for c in document.short_cites] == ["Li Feng", "Wang Huilin"]
    assert _codes(findings, "orphan-short-cite") == [("orphan-short-cite", 7)]


def test_author_date_cites_of_one_authors_works():
    text = ("Phases (Shin et al. 2017a, 2017b), a third (Shin et al. 2017c). Motif (Gregory 1992a, 7; 1992b). "
            "Reading guide (APA 7).\n\nReferences\n\n"
            "Shin, M., and A. Kim. 2017a. \"Phase 1 Tests.\" Engineering Structures 141: 198-216.\n\n"
            "Shin, M., and A. Kim. 2017b. \"Phase 2 Tests.\" Engineering Structures 141: 607-623.\n\n"
            "Gregory, Keith D. 1992a. \"The Widget.\" In Programming with Motif, 5-10. New York: Springer.\n\n"
            "Gregory, Keith D. 1992b. \"Widget Resources.\" In Programming with Motif, 11-26. New York: Springer.\n")
    document, findings = findings_of(text)
    assert _codes(findings, "orphan-short-cite", "unused-note") == [("orphan-short-cite", 1)]
    gregory = [c for c in document.short_cites if c.author == "Gregory"]
    assert [(c.year_suffix, c.pinpoints) for c in gregory] == [("a", ("7",)), ("b", ())]


def test_mla_et_al_names_the_work_of_several_authors():
    text = ("Markup (Renear et al. 121) and philosophy (Renear, \"Representing Text\" 225).\n\nWorks Cited\n\n"
            "Renear, Allen. \"Representing Text on the Computer.\" Bulletin of the John Rylands Library, vol. 74, "
            "no. 3, 1992, pp. 221-48.\n\n"
            "Renear, Allen, et al. \"Towards a Semantics for XML Markup.\" Proceedings of the 2002 ACM Symposium on "
            "Document Engineering, ACM, 2002, pp. 119-26.\n")
    _, findings = findings_of(text)
    assert _codes(findings, "ambiguous-short-cite", "unused-note", "orphan-short-cite") == []


def test_wikipedia_sfn_of_an_anonymous_article_and_an_uncited_source():
    text = ("Records.[1] Society.[2]\n\nNotes\n1. ^ William and Mary Quarterly 1915, p. 273.\n"
            "2. ^ Davies 1948, p. 5.\n\nBibliography\n"
            "Davies, Wallace Evan (January 1948). \"The Society of the Cincinnati\". The William and Mary Quarterly. "
            "5 (1): 3-25.\n"
            "\"Notes from the Records of York County\". The William and Mary Quarterly. 23 (4): 272-280. April 1915.\n"
            "Oberg, V. (1876). \"Analyser af Svenska dioriter\". Geologiska Foreningen. 3 (6): 188-191.\n")
    _, findings = findings_of(text)
    assert _codes(findings, "orphan-short-cite", "unused-note") == [("unused-note", 10)]


def test_a_running_head_between_entries_is_no_entry():
    text = ("Sampling [5] and grain size [6].\n\nREFERENCES\n\n"
            "[5] L. He and J. Pan, \"Efficient penetration depth computation,\" IEEE Robot. Autom. Lett., vol. 1, "
            "no. 1, pp. 10-17, Jan. 2016.\n\n"
            "6                                   IEEE SENSORS AND SYSTEMS LETTERS, VOL. 9, NO. 4, APRIL 2022\n\n"
            "[6] Y. Wu and J. Zhang, \"Notable grain-size dependence,\" Ceram. Int., vol. 42, no. 8, pp. 9815-9820, "
            "Jun. 2016.\n")
    document, findings = findings_of(text)
    assert [r.note_label for r in document.references] == ["5", "6"]
    assert _codes(findings, "duplicate-note") == []


def test_markdown_links_read_as_their_text_with_every_offset_kept():
    text = ("Bound states.[\\[1\\]](#cite_note-1):190 Urchins.[[2]](#cite_note-2)\n"
            "1.  **[^](#cite_ref-1)** Reid. [doi](/wiki/Doi_(identifier) \"Doi (identifier)\"):"
            "[10.2307/1206](https://doi.org/10.2307%2F1206).\n")
    masked = mask_markdown_links(text)
    assert len(masked) == len(text) and masked.count("\n") == text.count("\n")
    first, second = masked.splitlines()
    assert " ".join(first.split()) == "Bound states. [1] :190 Urchins. [2]"
    assert " ".join(second.split()) == "1. ^ Reid. doi : 10.2307/1206 ."
    assert first.index("[1]") == text.index("[\\[1\\]]") + 1  # where the link's text starts


def test_a_two_word_family_name_before_the_year_is_a_cite_only_where_it_names_a_work():
    text = ("Genre (Escamilla Ortiz 2020) and writing (Özyurt Kılıç 2018, 590). War (Soviet Russia 1938).\n\n"
            "References\n\n"
            "Escamilla Ortiz, Abilene Cirenia. 2020. \"Qué debe llevar un resumen.\" Cirujano General 42 (3): 189-90.\n\n"
            "Özyurt Kılıç, Mine. 2018. \"Women's Experimental Writing.\" English Studies 99 (5): 589-91.\n")
    document, findings = findings_of(text)
    assert [c.author for c in document.short_cites] == ["Escamilla Ortiz", "Özyurt Kılıç", "Soviet Russia"]
    assert _codes(findings, "orphan-short-cite", "unused-note", "page-out-of-range") == []


def test_an_ambiguous_cite_leaves_none_of_its_works_uncited():
    text = ("News (Mitka 2013). Plague (Rietz 2001).\n\nReferences\n\n"
            "Mitka, Mike. 2013. \"HHS Public Records.\" JAMA 309 (6): 535.\n\n"
            "Mitka, Mike. 2013. \"Children's Mental Health.\" JAMA 309 (6): 535.\n\n"
            "Rietz, R. 2001. \"In the Wake of the Plague.\" JAMA 286 (17): 2165-66.\n")
    _, findings = findings_of(text)
    assert _codes(findings, "ambiguous-short-cite", "unused-note") == [("ambiguous-short-cite", 1)]


def test_narrative_cites_before_more_verbs_and_cites_with_an_original_year():
    text = ("Dumont (1993) placed it in the longue duree. Groth (1999) set out the rules. Denis and Racine offered "
            "an account (Denis & Racine 2005\n[1971]).\n\nReferences\n\n"
            "Dumont, Fernand. 1993. Genese de la societe quebecoise. Montreal: Boreal.\n\n"
            "Groth, M. 1999. Handbook of Psychological Assessment. New York: Wiley.\n\n"
            "Denis, Roch, and Luc Racine. 2005 [1971]. La conjoncture politique quebecoise. Chicoutimi: Tremblay.\n")
    document, findings = findings_of(text)
    assert [(c.author, c.year) for c in document.short_cites] == [
        ("Dumont", 1993), ("Groth", 1999), ("Denis & Racine", 2005)]
    assert _codes(findings, "orphan-short-cite", "unused-note") == []


def test_an_entry_named_with_its_year_in_the_prose_is_not_called_uncited():
    text = ("The street (Heumann 2021), the state (Ladd 1990), the war (Fischer 1967) and the empire (Wehler 1985).\n"
            "Sittler (2009) follows the street; Kruger\n"
            "(2004) is the only study.\n\nReferences\n\n"
            "Heumann, Georg. 2021. Der Ausruff. Gottingen: University Press.\n\n"
            "Ladd, Brian. 1990. Urban Planning and Civic Order. Cambridge: Harvard University Press.\n\n"
            "Sittler, David. 2009. \"Die Strasse als politische Arena.\" Archiv 44: 211-38.\n\n"
            "Kruger, Matthias. 2004. \"Strassenpolizei.\" Archiv 44: 211-38.\n\n"
            "Boggs, Carl. 2012. Ecology and Revolution. New York: Palgrave Macmillan.\n\n"
            "Fischer, Fritz. 1967. Germany's Aims in the First World War. New York: Norton.\n\n"
            "Wehler, Hans-Ulrich. 1985. The German Empire. Leamington Spa: Berg.\n")
    _, findings = findings_of(text)
    assert _codes(findings, "unused-note") == [("unused-note", 15)]  # Boggs alone is named nowhere
