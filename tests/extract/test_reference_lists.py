"""Reference lists pasted the ways users paste them: one per line, hard-wrapped at the margin,
numbered, with hanging indents. Each entry must come out as exactly one reference.

The entries are written for these tests in the shapes real lists have (see
``benchmarks/reference_documents.py`` for the measurement on real reference strings).
"""

import textwrap

from verify_refs.extract.document import parse_document
from verify_refs.extract.source import SourceText

# Entries whose last character is no full stop, and entries that open in the many ways real
# lists do: "Surname, I.", initials first, Vancouver, given names first, capitals, "et al.".
ENTRIES = [
    "Haldane, R. K., Mbeki, T. & Ostrovsky, V. 2003, Astrophys. J., 512, 77",
    "Quist, L. M. The cartography of inland seas. Journal of Historical Geography 14(2), 101-119. 1998",
    "E. Varga, P. Lindqvist, and H. Okafor, Thin films of nickel oxide, J. Appl. Phys. 91, pp. 2210-2218 (2002)",
    "Marchetti CL, Okoye BN: Drug interaction alerts in hospital pharmacies. Pharm World Sci 2004, 26: 17-21",
    "Ingrid Solberg and Tomas Reyes. Sparse recovery for streaming sensors. In Proceedings of the 9th "
    "Conference on Signal Processing, pages 210-219, 2011",
    "KOVALENKO, Dmitri. Les routes du sel en Europe centrale, Paris, Armand Colin, 1987",
    "Abernathy, J. R., et al. Thermal fatigue of solder joints in power modules. Microelectronics "
    "Reliability 55, 1201-1210 (2015)",
    "Delacroix, Margaux. Voyages imaginaires au XVIIIe siecle. Lyon: Presses universitaires de Lyon, 1996.",
]


def parse(text: str, path: str = "doc.txt"):
    return parse_document(SourceText(path, text))


def starts(document) -> list[str]:
    return [r.text[:12] for r in document.references]


def test_one_reference_per_line_even_without_closing_full_stops():
    document = parse("References\n\n" + "\n".join(ENTRIES) + "\n")
    assert starts(document) == [e[:12] for e in ENTRIES]
    assert [r.span.line for r in document.references] == list(range(3, 3 + len(ENTRIES)))


def test_one_reference_per_line_under_a_long_line():
    longest = ("Rasmussen, K., Olafsdottir, B., Petrov, A., Lindgren, M., Haas, T., Novak, J., Ferreira, L., "
               "Tanaka, H., Moreau, C., Schultz, D., O'Neill, P. (2017). A consortium study of river delta "
               "subsidence. Earth Surface Dynamics, 5, 101-133")
    entries = [ENTRIES[0], longest, ENTRIES[3], ENTRIES[4]]
    document = parse("References\n\n" + "\n".join(entries) + "\n")
    assert starts(document) == [e[:12] for e in entries]


def test_hard_wrapped_at_the_margin_without_blank_lines():
    # A wrap is told from an entry's end by whether the next word would have fitted on the
    # line; an entry that ends a nearly full line without a full stop stays ambiguous, so
    # these end with one.
    entries = [e if e.endswith((".", ")")) else e + "." for e in ENTRIES]
    lines = []
    for entry in entries:
        lines.extend(textwrap.wrap(entry, 72, break_on_hyphens=False))
    document = parse("Bibliography\n\n" + "\n".join(lines) + "\n")
    assert starts(document) == [e[:12] for e in entries]
    assert [" ".join(r.text.split()) for r in document.references] == entries


def test_a_wrap_that_puts_a_number_first_does_not_start_a_note():
    text = ("References\n\n"
            "Whitcombe, Arthur. \"On Letters and Lamps.\" The Lantern Review 12 (March 1931):\n"
            "269. Reprinted in Essays on Light (Boston: Harbor Press, 1960), 14.\n"
            "Ferrand, P. (1997). Small farms and large markets. Rural Studies Quarterly,\n"
            "1 (1).\n"
            "Ostrander, Lise. The Orchard Years. New York: Gable, 1977.\n")
    document = parse(text)
    assert document.notes == ()
    assert [r.span.line for r in document.references] == [3, 5, 7]
    assert document.references[0].text.endswith("(Boston: Harbor Press, 1960), 14.")


def test_a_journal_or_publisher_wrapped_after_a_full_stop_is_not_an_entry():
    # "Cognition, 38, ..." and "Academic Press, London" open like "Surname, ...", and the line
    # above ends with a full stop; a number after the first comma (not a year) or a publisher's
    # word says they go on with the entry above.
    text = ("References\n\n"
            "Plunkett, K., & Marchman, V. (1991). U-shaped learning and frequency effects in\n"
            "a multilayered perceptron: Implications for child language acquisition.\n"
            "Cognition, 38, 43 - 102.\n"
            "White, G. C., and R. A. Garrott. 1990. Analysis of wildlife radio-tracking data.\n"
            "Academic Press, London, United Kingdom.\n"
            "McKinsey, J. C. C. (1943). The decision problem for some classes of sentences\n"
            "without quantifier. Journal of Symbolic Logic, 8, 61-76.\n"
            "UNHCR, 2015. Global Trends: Forced Displacement in 2014. Geneva: UNHCR.\n"
            "Press, W. H. (2007). Numerical Recipes. Cambridge University Press.\n")
    document = parse(text)
    assert [r.span.line for r in document.references] == [3, 6, 8, 10, 11]
    assert document.references[0].text.endswith("Cognition, 38, 43 - 102.")
    assert document.references[1].text.endswith("Academic Press, London, United Kingdom.")


def test_an_access_note_or_a_journal_after_a_lone_initial_goes_on_with_the_entry():
    text = ("References\n\n"
            "MOLONEY, A., 2015a. \"Gang violence fuels child marriage in Central America,\n"
            "researchers say\". Reuters. http://www.reuters.com/article/us-latam-violence\n"
            "[accessed 5 February 2016]\n"
            "Pieter Blue. Decay of the Maxwell field on the Schwarzschild manifold. J.\n"
            "Hyperbolic Differ. Equ., 5(4):807-856, 2008.\n"
            "[12] Karen Yagdjian. Global existence of the scalar field. J. Math. Anal. Appl.,\n"
            "396(1):323-344, 2012.\n")
    document = parse(text)
    assert [r.span.line for r in document.references] == [3, 6, 8]
    assert document.references[0].text.endswith("[accessed 5 February 2016]")


def test_a_wrapped_author_list_is_not_cut_into_entries():
    text = ("References\n\n"
            "Okonkwo, A., Lindahl, B., Petrakis, C., Yamamoto, D., Fairbanks, E., Castellano, F.,\n"
            "Rourke, G. and Hsu, H. (2019). Lichen cover on granite tors. Arctic Botany, 7, 40-58.\n"
            "Brandt, M. (2001). Peat and its uses. Bog Science, 2, 1-9.\n")
    document = parse(text)
    assert [r.span.line for r in document.references] == [3, 5]
    assert document.references[0].authors[-1].family == "Hsu"


def test_numbered_list_with_markers_and_lines_without_full_stops():
    entries = [e for e in ENTRIES if not e.endswith(".")]
    text = ("Earlier work [1], [2] and later studies [3], [4], [5].\n\nReferences\n\n"
            + "".join(f"[{n}] {e}\n" for n, e in enumerate(entries, 1)))
    document = parse(text)
    assert [r.note_label for r in document.references] == [str(n) for n in range(1, len(entries) + 1)]
    assert [m.label for m in document.markers] == ["1", "2", "3", "4", "5"]


def test_blank_separated_entries_with_hanging_indents():
    text = "Bibliography\n\n"
    for index, entry in enumerate(ENTRIES):
        if index % 2:
            cut = entry.index(" ", len(entry) // 2)
            entry = entry[:cut] + "\n    " + entry[cut + 1:]
        text += entry + "\n\n"
    document = parse(text)
    assert [" ".join(r.text.split()) for r in document.references] == ENTRIES


def test_markdown_footnotes_of_references():
    text = "Claims.[^1][^2][^3]\n\n" + "".join(f"[^{n}]: {e}\n" for n, e in enumerate(ENTRIES[:3], 1))
    document = parse(text, "doc.md")
    assert [r.note_label for r in document.references] == ["1", "2", "3"]


# Entries the reference test alone doubts (no parsable author, a title and a URL only), in
# a list whose other entries are plainly references.
DOUBTED = [
    "BARTOK (K.L.), The Grammar of Stone Inscriptions, Studia Orientalia 4, Leiden, 1979.",
    "Una giornata di studi in onore di Carla Benedetti, ed. Paolo Ferri, Torino, 2006.",
    "Song lyrics archive. http://example.org/lyrics/9912/some-song-title",
]


def test_every_entry_of_a_numbered_reference_list_is_a_reference():
    entries = ENTRIES + [DOUBTED[0], DOUBTED[2]]  # four in five are plain references
    text = ("Several studies [1], [2], [3], [4], [5], [6], [7], [8], [9], [10].\n\nReferences\n\n"
            + "".join(f"{n}. {e}\n" for n, e in enumerate(entries, 1)))
    document = parse(text)
    assert [r.note_label for r in document.references] == [str(n) for n in range(1, len(entries) + 1)]
    assert document.short_cites == ()  # "Leiden, 1979" is no short cite of another work
    assert document.references[-1].url == "http://example.org/lyrics/9912/some-song-title"


def test_every_markdown_footnote_of_a_reference_list_is_a_reference():
    entries = ENTRIES + DOUBTED[1:]
    text = ("Claims." + "".join(f"[^{n}]" for n in range(1, len(entries) + 1)) + "\n\n"
            + "".join(f"[^{n}]: {e}\n" for n, e in enumerate(entries, 1)))
    document = parse(text, "doc.md")
    assert len(document.references) == len(entries)
    assert document.short_cites == ()


def test_short_cites_in_a_references_list_stay_short_cites():
    text = ("Text.[1][2][3][4][5][6]\n\nReferences\n\n"
            + "".join(f"{n}. {e}\n" for n, e in enumerate(ENTRIES[:4], 1))
            + "5. Quist 1998, p. 104.\n6. Kovalenko 1987, pp. 12-14; Delacroix 1996, p. 3.\n")
    document = parse(text)
    assert [r.note_label for r in document.references] == ["1", "2", "3", "4"]
    assert [(c.note_label, c.author) for c in document.short_cites] == [
        ("5", "Quist"), ("6", "Kovalenko"), ("6", "Delacroix")]


def test_commentary_in_notes_is_not_taken_as_a_reference():
    text = ("Text.[1][2][3][4][5][6]\n\nNotes\n\n"
            + "".join(f"{n}. {e}\n" for n, e in enumerate(ENTRIES[:5], 1))
            + "6. The archive was closed to researchers until 1991, when it reopened.\n")
    document = parse(text)
    assert [r.note_label for r in document.references] == ["1", "2", "3", "4", "5"]


def test_a_second_imprint_after_a_semicolon_does_not_split_the_reference():
    text = ("Claim.[^1]\n\n"
            "[^1]: ---. Lanterns of the North: Essays on Travel. Harcourt; New York: Gable Press, 2004.\n")
    document = parse(text, "doc.md")
    assert [(r.title, r.place, r.publisher) for r in document.references] == [
        ("Lanterns of the North: Essays on Travel", "New York", "Gable Press")]
    assert document.short_cites == ()
