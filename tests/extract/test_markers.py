"""Inline markers: brackets, Markdown footnotes, superscripts and glued digits."""

from verify_refs.extract.document import parse_document
from verify_refs.extract.markers import find_markers, glued_markers, rising_chain
from verify_refs.extract.source import SourceText
from verify_refs.models import MarkerStyle


def markers(text: str, labels=()):
    source = SourceText("doc.txt", text)
    return [(m.label, m.span.line, m.span.column, m.style) for m in
            find_markers(source, [(0, len(text))], labels)]


def test_single_and_adjacent_brackets_point_at_their_opening_bracket():
    assert markers("a value,[8] so.[8][9]") == [
        ("8", 1, 9, MarkerStyle.BRACKET), ("8", 1, 16, MarkerStyle.BRACKET),
        ("9", 1, 19, MarkerStyle.BRACKET)]


def test_bracket_list_gives_each_label_at_its_digits():
    assert markers("claim [8, 9].") == [("8", 1, 7, MarkerStyle.BRACKET), ("9", 1, 11, MarkerStyle.BRACKET)]


def test_bracket_range_expands():
    assert [m[0] for m in markers("claim.[3-5] and [7-6] and [1-99]")] == ["3", "4", "5"]


def test_bracket_range_with_en_dash_expands_after_normalisation():
    assert [m[0] for m in markers("claim.[3\u20135]")] == ["3", "4", "5"]


def test_brackets_that_are_not_markers():
    text = ("He wrote [Flight of the Century] (1972) [1969] and [sic] and [a] here.\n"
            "[1] Smith, J. A note label at the start of a line.\n"
            "  [2] Indented label too.\n"
            "A reference link [Flight][3] is not a marker.")
    assert markers(text) == []


def test_four_digit_bracket_is_a_marker_only_when_such_a_note_exists():
    assert markers("text.[1969]") == []
    assert markers("text.[1969]", labels=["1969"]) == [("1969", 1, 6, MarkerStyle.BRACKET)]


def test_markdown_footnote_reference_but_not_definition():
    text = "Defected in 1938.[^coox] Again.[^2]\n\n[^coox]: Coox 1968, p. 407."
    assert markers(text) == [("coox", 1, 18, MarkerStyle.FOOTNOTE), ("2", 1, 32, MarkerStyle.FOOTNOTE)]


def test_superscripts_single_and_multi_digit():
    assert markers("Moscow.\u00b9 Tokyo\u00b9\u00b2 end") == [
        ("1", 1, 8, MarkerStyle.SUPERSCRIPT), ("12", 1, 15, MarkerStyle.SUPERSCRIPT)]


def test_superscript_powers_are_not_markers():
    assert markers("an area of 5 km\u00b2 and 10\u00b3 and x\u00b2 here") == []


def test_glued_digits_in_a_rising_sequence():
    text = 'Trials of 1936 and 1938.1 Trotsky and Leon Sedov2 were absent; the NKVD3 who'
    assert markers(text) == [("1", 1, 25, MarkerStyle.GLUED), ("2", 1, 49, MarkerStyle.GLUED),
                             ("3", 1, 72, MarkerStyle.GLUED)]


def test_glued_digit_after_closing_quote_and_apostrophe():
    text = "Shelepin's1 quotation. In communism.\"2\n"
    assert markers(text) == [("1", 1, 11, MarkerStyle.GLUED), ("2", 1, 38, MarkerStyle.GLUED)]


def test_glued_candidates_that_do_not_rise_are_not_markers():
    assert markers("A B52 bomber, COVID19 and the 22nd Congress, the 1st rank, 3.5 million.") == []


def test_a_lone_glued_one_is_not_a_marker_without_a_note_1():
    assert markers("Leon Sedov1 was absent.") == []
    assert markers("Leon Sedov1 was absent.", labels=["1"]) == [("1", 1, 11, MarkerStyle.GLUED)]


def test_glued_sequence_may_start_at_the_smallest_note_label():
    text = "Sedov5 and Trotsky6 and Ezhov7."
    assert [m[0] for m in markers(text, labels=["5", "6", "7"])] == ["5", "6", "7"]
    assert markers(text) == []


def test_glued_digits_are_ignored_when_explicit_markers_exist():
    assert [m[0] for m in markers("Sedov1 and Trotsky2 said so.[4]")] == ["4"]


def test_glued_digits_in_urls_and_after_abbreviations_are_not_markers():
    assert markers("see http://example.org/page1 and www.site2 then p.1 and No.2 ok") == []


def test_rising_chain_skips_noise_and_moves_a_lone_start():
    assert rising_chain([5, 1, 9, 1, 2, 4, 3], 1) == [3, 4, 6]
    assert rising_chain([2, 3], 1) == []


def test_rising_chain_steps_over_one_lost_marker_of_an_existing_note():
    labels = {"1", "2", "3", "4", "5"}
    assert rising_chain([1, 2, 4, 5], 1, labels) == [0, 1, 2, 3]  # the 3 was lost
    assert rising_chain([1, 2, 4, 3, 4], 1, labels) == [0, 1, 3, 4]  # a 3 follows: wait for it
    assert rising_chain([1, 2, 4, 5], 1) == [0, 1]  # without note labels: no steps
    assert rising_chain([1, 2, 5, 6], 1, labels) == [0, 1]  # two lost: no longer a sequence


def test_glued_markers_go_on_after_a_lost_marker():
    text = ("Trials of 1936 and 1938.1 Trotsky was absent.2 His son too. Sedov left Paris.4\n\n"
            "Notes\n\n1 Coox 1968, p. 407.\n2 Coox 1968, p. 408.\n3 Coox 1968, p. 409.\n"
            "4 Coox 1968, p. 410.\n")
    document = parse_document(SourceText("d.txt", text))
    assert [m.label for m in document.markers] == ["1", "2", "4"]


def test_glued_markers_only_in_the_given_regions():
    text = "Sedov1 and Trotsky2. NKVD3 and Ezhov4."
    source = SourceText("d.txt", text)
    assert [m.label for m in glued_markers(source, [(0, 20)])] == ["1", "2"]


def test_markers_in_the_notes_section_are_not_inline_markers():
    text = "Claim.[1]\n\nNotes\n\n1. Coox 1968, p. 407 [2].\n"
    document = parse_document(SourceText("d.txt", text))
    assert [(m.label, m.span.line) for m in document.markers] == [("1", 1)]
