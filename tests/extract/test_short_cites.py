"""Short cites in note bodies and parenthetical cites in running text."""

import pytest

from verify_refs.extract.document import parse_document
from verify_refs.extract.shortcites import cites_in_note, cites_in_text, has_short_cite
from verify_refs.extract.source import SourceText
from verify_refs.models import ShortCiteStyle as S


def in_note(body: str, label="1"):
    source = SourceText("n.txt", body)
    return cites_in_note(source, 0, len(body), label)


def in_text(text: str):
    source = SourceText("t.txt", text)
    return cites_in_text(source, 0, len(text))


def fields(cite):
    return (cite.style, cite.author, cite.year, cite.year_suffix, cite.short_title, cite.pinpoints)


@pytest.mark.parametrize(("body", "expected"), [
    ("Coox 1968, p. 407.", (S.AUTHOR_YEAR, "Coox", 1968, "", None, ("407",))),
    ("Coox 1968, pp. 405\u20137.", (S.AUTHOR_YEAR, "Coox", 1968, "", None, ("405-7",))),
    ("Coox 1968: 411.", (S.AUTHOR_YEAR, "Coox", 1968, "", None, ("411",))),
    ("Coox (1968: 411).", (S.AUTHOR_YEAR, "Coox", 1968, "", None, ("411",))),
    ("Coox and Hill 1968.", (S.AUTHOR_YEAR, "Coox and Hill", 1968, "", None, ())),
    ("Coox et al. 1968, 12.", (S.AUTHOR_YEAR, "Coox et al.", 1968, "", None, ("12",))),
    ("Coox 1968a, p. 9.", (S.AUTHOR_YEAR, "Coox", 1968, "a", None, ("9",))),
    ("Carrère d'Encausse 1978, 33.", (S.AUTHOR_YEAR, "Carrère d'Encausse", 1978, "", None, ("33",))),
    ("Coox, \"L'Affaire Lyushkov,\" 411.", (S.AUTHOR_TITLE, "Coox", None, "", "L'Affaire Lyushkov", ("411",))),
    ("Coox, Nomonhan, 411.", (S.AUTHOR_TITLE, "Coox", None, "", "Nomonhan", ("411",))),
    # Chicago's author-only short note (one work of the author's cited)
    ("Coox, 411.", (S.AUTHOR_TITLE, "Coox", None, "", None, ("411",))),
    ("Coox and Hiroaki, pp. 40\u201345.", (S.AUTHOR_TITLE, "Coox and Hiroaki", None, "", None, ("40-45",))),
    ("Ibid.", (S.IBID, None, None, "", None, ())),
    ("Ibid., p. 12.", (S.IBID, None, None, "", None, ("12",))),
    ("Ibid., 12.", (S.IBID, None, None, "", None, ("12",))),
    ("Coox, op. cit., p. 9.", (S.OP_CIT, "Coox", None, "", None, ("9",))),
    ("Op. cit., 9.", (S.OP_CIT, None, None, "", None, ("9",))),
])
def test_note_body_forms(body, expected):
    found = in_note(body)
    assert [fields(c) for c in found] == [expected]
    assert found[0].note_label == "1"


def test_cite_text_and_span_are_exact():
    found = in_note("See Coox 1968, p.\u00a0407.")
    assert [(c.text, c.span.line, c.span.column) for c in found] == [("Coox 1968, p. 407", 1, 5)]


def test_several_cites_in_one_note_in_order():
    found = in_note("Coox 1968, p. 407; Smith 2001, 45; Ibid., 46.")
    assert [(c.style, c.author, c.pinpoints) for c in found] == [
        (S.AUTHOR_YEAR, "Coox", ("407",)), (S.AUTHOR_YEAR, "Smith", ("45",)), (S.IBID, None, ("46",))]


def test_commentary_is_not_a_cite():
    assert in_note("On 13 June 1938 he crossed the border. In 1938 the purge went on.") == []
    assert in_note("Article 58 of the code.") == []
    assert in_note("Article 58, 12.") == []
    assert in_note("He said so in Coox, 411, and later.") == []  # author-only: whole notes only


@pytest.mark.parametrize("body", [
    "His memoir appeared in New York: Free Press, 1973, and is unreliable on dates.",
    "The thesis was defended at the University of S\u00e3o Paulo, 2013, but never printed.",
])
def test_the_end_of_an_imprint_or_a_place_is_not_a_cite(body):
    assert in_note(body) == []


@pytest.mark.parametrize(("body", "expected"), [
    ("See: Coox 1968, p. 407.", [("Coox", 1968)]),  # a colon right before the author
    ("On the border war, see the account of Coox 1968.", [("Coox", 1968)]),  # "of" right before
    ("Discussed in Slavic Review; see Coox 1968 and Hill 1990.", [("Coox", 1968), ("Hill", 1990)]),
])
def test_cites_after_a_colon_or_of_are_still_cites(body, expected):
    assert [(c.author, c.year) for c in in_note(body)] == expected


def test_commentary_notes_are_neither_references_nor_cites():
    text = ("A claim.[1] Another.[2]\n\nNotes\n\n"
            "1. The thesis was defended at the University of S\u00e3o Paulo, 2013, but never printed.\n"
            "2. His memoir, published in 1973, was never translated.\n")
    document = parse_document(SourceText("c.txt", text))
    assert document.references == () and document.short_cites == ()


@pytest.mark.parametrize(("text", "expected"), [
    ("crossed (Coox 1968, p. 411).", [("Coox", 1968, ("411",), "Coox 1968, p. 411", 10)]),
    ("crossed (Coox 1968: 411).", [("Coox", 1968, ("411",), "Coox 1968: 411", 10)]),
    ("crossed (Coox, 1968, p. 411).", [("Coox", 1968, ("411",), "Coox, 1968, p. 411", 10)]),
    ("disputed (Coox 1968; Smith 2001).", [("Coox", 1968, (), "Coox 1968", 11),
                                          ("Smith", 2001, (), "Smith 2001", 22)]),
    ("shown (Smith and Jones 2001, 45).", [("Smith and Jones", 2001, ("45",), "Smith and Jones 2001, 45", 8)]),
    ("shown (see Hill et al. 2003, pp. 12-14).", [("Hill et al.", 2003, ("12-14",), "Hill et al. 2003, pp. 12-14", 12)]),
    ("spies (Vsesoiuznoe\u00a0soveshchanie 298).", [("Vsesoiuznoe soveshchanie", None, ("298",),
                                                   "Vsesoiuznoe soveshchanie 298", 8)]),
    # MLA: a page alone, initials where two authors share a surname
    ("ecology (Martin 12).", [("Martin", None, ("12",), "Martin 12", 10)]),
    ("ecology (R. Martin 12).", [("R. Martin", None, ("12",), "R. Martin 12", 10)]),
    ("soil (S. M. Martin et al. 197).", [("S. M. Martin et al.", None, ("197",), "S. M. Martin et al. 197", 7)]),
])
def test_parenthetical_cites(text, expected):
    found = in_text(text)
    assert [(c.author, c.year, c.pinpoints, c.text, c.span.column) for c in found] == expected
    assert all(c.style is S.PARENTHETICAL and c.note_label is None for c in found)


@pytest.mark.parametrize("text", [
    "(18441900)", "the party (CPSU) said", "(May-June 1937)", "(in Russian)", "(published in 1994)",
    "(= Full General, the rank just below Marshal)", "(1972) [1969]", "(January 1968)", "(1989)",
    "(17 August 1999)", "(Diary 1920-1922)", "(Article 58)", "(Chapter 5)", "(World War 2)",
    "the Great Purge (1937) began", "Trotsky (1879-1940) fled", "(In 1938, it began)",
])
def test_parentheses_that_are_not_cites(text):
    assert in_text(text) == []


def test_narrative_cite_in_prose_needs_a_pinpoint_coauthors_or_a_verb_of_reporting():
    assert [(c.style, c.author, c.pinpoints) for c in in_text("As Coox (1968: 411) shows.")] == [
        (S.AUTHOR_YEAR, "Coox", ("411",))]
    assert [c.author for c in in_text("Coox and Hill (1968) disagree.")] == ["Coox and Hill"]
    # one author and a year alone: a cite when a verb of reporting or "according to" says so
    assert [c.author for c in in_text("Coox (1968) shows it.")] == ["Coox"]
    assert [c.author for c in in_text("Later, Kahneman (2011) argued that it misleads.")] == ["Kahneman"]
    assert [c.author for c in in_text("It is common, according to Tversky (1974).")] == ["Tversky"]
    assert [c.author for c in in_text("As Coox (1968), we hold it.")] == ["Coox"]


@pytest.mark.parametrize("text", [
    "After Munich (1938) the Party changed course.",
    "Britain (1940) stood alone.",
    "Then the Commission (1952) reported its findings.",
])
def test_a_name_and_a_year_alone_in_prose_are_no_cite(text):
    """A place, an event or a body with a date in brackets cites nothing: taken for a cite, it
    would be reported as an orphan."""
    assert in_text(text) == []


def test_narrative_cite_text_covers_author_and_parenthesis():
    found = in_text("As Coox (1968: 411) shows.")
    assert (found[0].text, found[0].span.column) == ("Coox (1968: 411)", 4)


def test_two_years_of_one_author_give_two_cites():
    found = in_text("(Coox 1968a, 1968b)")
    assert [(c.year, c.year_suffix) for c in found] == [(1968, "a"), (1968, "b")]


def test_has_short_cite():
    assert has_short_cite("Coox 1968, p. 407.") and has_short_cite("Ibid.")
    assert not has_short_cite("The army was purged in the summer.")


# --- several years of one author: one cite per year, each placed at its own year ----------

def _placed(cites, text):
    """(suffix, the text at the cite's column, pinpoints) for cites on line 1 of ``text``."""
    return [(c.year_suffix, text[c.span.column - 1:c.span.column + 3], c.pinpoints) for c in cites]


@pytest.mark.parametrize(("text", "expected"), [
    ("As argued (Coox 1968a, 1968b; Smith 2001, p. 4), it fell.",
     [("a", "Coox", ()), ("b", "1968", ()), ("", "Smit", ("4",))]),
    ("As Coox (1968a, 1968b: 12) showed.", [("a", "Coox", ("12",)), ("b", "1968", ("12",))]),
])
def test_several_years_in_running_text_are_one_cite_each_at_its_year(text, expected):
    assert _placed(in_text(text), text) == expected


def test_a_note_citing_several_years_is_short_cites_not_a_reference():
    text = "The purge spread.[1]\n\nNotes\n\n1. Coox 1968a, 1968b, p. 407.\n"
    document = parse_document(SourceText("d.txt", text))
    assert document.references == ()
    assert [(c.year, c.year_suffix, c.span.line, c.span.column, c.pinpoints) for c in document.short_cites] == [
        (1968, "a", 5, 4, ("407",)), (1968, "b", 5, 16, ("407",))]


def test_a_parenthetical_cite_wrapped_onto_the_next_line_is_read():
    from verify_refs.extract.shortcites import cites_in_text
    from verify_refs.extract.source import SourceText

    text = "As found (Bressan, 2002,\np. 41) and (Fontaine et\nal. 152). Not (see\n\nbelow 2001).\n"
    cites = cites_in_text(SourceText("a.txt", text), 0, len(text))
    assert [(c.author, c.year, c.pinpoints, c.text, c.span.line) for c in cites] == [
        ("Bressan", 2002, ("41",), "Bressan, 2002, p. 41", 1),
        ("Fontaine et al.", None, ("152",), "Fontaine et al. 152", 2)]


def test_a_narrative_cite_wrapped_over_two_lines_is_quoted_on_one():
    found = in_text("As the survey by Lamb\n(1995, p. 12) shows, the point holds.")
    assert [(c.text, c.author, c.year, c.pinpoints) for c in found] == [("Lamb (1995, p. 12)", "Lamb", 1995, ("12",))]


def test_mla_author_and_short_title_parentheticals():
    found = in_text('Hares cycle (Elton and Nicholson, "Ten-Year Cycle" 250). Voles (Elton, "Fluctuations" 101).')
    assert [(c.author, c.short_title, c.pinpoints) for c in found] == [
        ("Elton and Nicholson", "Ten-Year Cycle", ("250",)), ("Elton", "Fluctuations", ("101",))]


@pytest.mark.parametrize(("body", "expected"), [
    # French "et" and German "und" join the last two authors; German "S." and Russian "С." label pages
    ("Barbu, Schneider et Dupont, op. cit., p. 27.",
     (S.OP_CIT, "Barbu, Schneider et Dupont", None, "", None, ("27",))),
    ("Otto und Munter, \"Zum d'Hérelleschen Phänomen\", S. 1580.",
     (S.AUTHOR_TITLE, "Otto und Munter", None, "", "Zum d'Hérelleschen Phänomen", ("1580",))),
    ("Koselleck, op. cit., S. 12.", (S.OP_CIT, "Koselleck", None, "", None, ("12",))),
    # French notes put a short title between the author and "op. cit." / "art. cit."
    ("Bloch, Les Rois thaumaturges, op. cit., p. 52.",
     (S.OP_CIT, "Bloch", None, "", "Les Rois thaumaturges", ("52",))),
    # a two-word family name is no author and a title: the title is between commas
    ("Stastny Mosberg, op. cit., p. 51.", (S.OP_CIT, "Mosberg", None, "", None, ("51",))),
    ("Chartier, \u00ab Le monde comme repr\u00e9sentation \u00bb, art. cit., p. 1510.",
     (S.OP_CIT, "Chartier", None, "", "Le monde comme repr\u00e9sentation", ("1510",))),
])
def test_note_forms_in_other_languages(body, expected):
    assert [fields(c) for c in in_note(body)] == [expected]


@pytest.mark.parametrize("notes, title", [
    # French co-authors joined by "et"
    ("1. Daniel Barbu, Aurélie Schneider et Florence Dupont, « Entretien avec Florence Dupont », "
     "Asdiwal 8 (2013), p. 19–33.\n"
     "2. Barbu, Schneider et Dupont, op. cit., p. 27.\n", "Entretien avec Florence Dupont"),
    # the short title before "op. cit." chooses between the author's two books
    ("1. Marc Bloch, Les Rois thaumaturges, Paris, Gallimard, 1983, p. 45.\n"
     "2. Marc Bloch, La Soci\u00e9t\u00e9 f\u00e9odale, Paris, Albin Michel, 1939, p. 12.\n"
     "3. Bloch, Les Rois thaumaturges, op. cit., p. 52.\n", "Les Rois thaumaturges"),
])
def test_a_french_op_cit_note_links_to_its_work(notes, title):
    from verify_refs.checks.linkage import link_corpus
    document = parse_document(SourceText("n.txt", "Text.1 More.2 Again.3\n\nNotes\n" + notes))
    links = link_corpus([document])
    assert [f.code for f in links.findings if f.code.endswith("short-cite")] == []
    [(cite, work)] = links.cite_targets.items()
    assert work.title == title


@pytest.mark.parametrize("body, pages", [
    ("Там же. С. 380.", ("380",)),  # GOST's Russian ibid
    ("Там же, с. 390.", ("390",)),
    ("Ibid. P. 300.", ("300",)),  # GOST's English works
])
def test_gost_ibid_notes(body, pages):
    assert [(c.style, c.pinpoints) for c in in_note(body)] == [(S.IBID, pages)]


def test_wikipedia_page_after_a_marker_is_a_cite_of_the_notes_work():
    """Wikipedia's {{rp}} page, copied as "[13]: 612", cites page 612 of note 13's work."""
    text = "Malabsorption follows.[13]: 612 More text.[2]\n\nReferences\n\n" + "".join(
        f"{n}. ^ Smith, John ({1990 + n}). \"Title {n}\". Journal. {n} (1): 584–595.\n" for n in range(1, 14))
    document = parse_document(SourceText("w.txt", text))
    paged = [c for c in document.short_cites if c.style is S.MARKER]
    assert [(c.note_label, c.pinpoints) for c in paged] == [("13", ("612",))]
    assert sorted(m.label for m in document.markers) == ["13", "2"]


# --- German humanities' notes and Oxford's single quotes ----------------------------------


@pytest.mark.parametrize("body, author, title, pages", [
    ("Lindenberger: Stra\u00dfenpolitik, S. 45.", "Lindenberger", "Stra\u00dfenpolitik", ("45",)),
    ("Vgl. Denis/Racine: La conjoncture politique qu\u00e9b\u00e9coise, S. 7\u201312.", "Denis and Racine",
     "La conjoncture politique qu\u00e9b\u00e9coise", ("7-12",)),
    ("Vgl. Ude-Koeller/Fuchs (Hrsg.): Wachs \u2013 Bild \u2013 K\u00f6rper, S. 9\u201311.", "Ude-Koeller and Fuchs",
     "Wachs - Bild - K\u00f6rper", ("9-11",)),
    ("Goudriaan, 'Devotio Moderna and Commemoration', 160.", "Goudriaan", "Devotio Moderna and Commemoration",
     ("160",)),
    ("Goudriaan, \u2018Devotio Moderna and Commemoration\u2019, 160.", "Goudriaan",
     "Devotio Moderna and Commemoration", ("160",)),
    ("Coox, 'Stalin's Army', 12.", "Coox", "Stalin's Army", ("12",)),
])
def test_a_short_title_after_a_colon_or_in_single_quotes(body, author, title, pages):
    """German notes put the authors (joined by "/", the linker's "and") and a colon before the
    short title; Oxford quotes it in single quotes (an apostrophe before a letter is inside)."""
    assert [(c.style, c.author, c.short_title, c.pinpoints) for c in in_note(body)] == [
        (S.AUTHOR_TITLE, author, title, pages)]


def test_vgl_leads_in_as_see_does():
    assert [(c.style, c.pinpoints) for c in in_note("Vgl. ebd., S. 145.")] == [(S.IBID, ("145",))]
    assert [c.author for c in in_note("Vgl. Sittler: Die Stra\u00dfe als Arena, S. 111\u2013115; "
                                      "Wagener-B\u00f6ck: Generation, S. 23.")] == ["Sittler", "Wagener-B\u00f6ck"]


def test_a_note_of_two_german_short_titles_is_no_reference():
    """After a page a work ends: "(Hrsg.)" after the ";" opens the next work, not a list of
    editors; and a note ending "S. 7-12." is a short note, however long its title."""
    document = parse_document(SourceText("doc.txt", """\
Text.16 More.17

Notes

16 Vgl. Spindler: Unternehmensorganisationspflichten, S. 30; H\u00f6ffler (Hrsg.): Brauchen wir eine Reform der freiheitsentziehenden Sanktionen?, S. 1.
17 Vgl. Denis/Racine: La conjoncture politique qu\u00e9b\u00e9coise, S. 7\u201312.
"""))
    assert document.references == ()
    assert [c.author for c in document.short_cites] == ["Spindler", "H\u00f6ffler", "Denis and Racine"]


def test_apas_page_at_the_end_of_the_sentence_belongs_to_the_narrative_cite():
    from verify_refs.extract.shortcites import cites_in_text
    from verify_refs.extract.source import SourceText
    text = ('Levitt (2016) argues that honour pricing reveals a great deal (p. 540). As Levitt (2016) put it, '
            '"the office is a market" (pp. 542-3). Smith (2010) found more. A page (p. 9).')
    source = SourceText("x.txt", text)
    cites = cites_in_text(source, 0, len(text))
    assert [(c.author, c.pinpoints) for c in cites if c.author == "Levitt"] == [("Levitt", ("540",)), ("Levitt", ("542-3",))]
    # the next sentence's page is not the cite's
    assert all(not c.pinpoints for c in cites if c.author == "Smith")


def test_a_supplements_page_is_a_pinpoint():
    from verify_refs.extract.shortcites import cites_in_text
    from verify_refs.extract.source import SourceText
    text = "Memories (Berntsen 2001, S170). More (Berntsen 2001, p. S140)."
    source = SourceText("x.txt", text)
    assert [c.pinpoints for c in cites_in_text(source, 0, len(text))] == [("S170",), ("S140",)]
