"""Volume, issue, pages and pinpoints, in the shapes the citation styles print them.

``19 (3): 405-20`` (CS1, Vancouver), ``19, no. 3 (1968): 405-20`` (Chicago),
``vol. 19, no. 3, pp. 405-420`` (MLA), ``19(3), 405-420`` (APA), ``61, 327-335`` (Nature).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..models import PageRange
from .dates import MONTH, YEAR

YEAR_ONLY = re.compile(YEAR)
_DIGIT = re.compile(r"\d")

_PAGE = r"[A-Za-z]{0,2}\d{1,7}[A-Za-z]?"  # (PLOS's article numbers: "e0119812")
PAGES = rf"(?P<first>{_PAGE})(?:\s?-+\s?(?P<last>{_PAGE}))?(?![\w/])"
_VOL = r"(?P<vol>\d{1,5}[A-Za-z]?)"
_ISS = r"(?P<iss>[\w/]{1,9}(?:-\w{1,4})?)"
_SUPPLEMENT = r"[Ss]uppl(?:ement)?\.?(?:\s?\d{1,3}|\s?[A-Z])?"  # (AMA's "16(suppl 1)")

# Chicago: 19, no. 3 (1968): 405-20 / 19 (Spring 1968): 405; Oxford's 76/1 (2017), 10-12; and German and Italian notes, the
# issue after the year: "37 (2021), Heft 2, S. 112-119", "12 (1933), H. 11", "55 (1990), 3, pp. 223-4",
# "30 (1996), nn. 3-4, pp. 243-275", AGU's "101 (1996), D14, pp. 19285-19292"
# (a bare number, or one letter and a number, only before labelled pages)
# (British notes write volume and issue "52:5 (1979)", as others "52/5")
CHICAGO = re.compile(
    rf"(?P<vol>\d(?<![\w.-]\d)\d{{0,4}}[A-Za-z]?)(?:(?:,?\s*(?:nos?|Nos?|nr|Nr|iss|issue|Issue)\.?\s*|[/:](?=\d)){_ISS})?,?\s*"
    rf"\((?:[^()\d]{{0,20}}?\s?)?(?:\d{{1,2}},?\s)?(?P<year>{YEAR})[a-z]?\)"
    rf"(?:,\s(?:(?:Heft|H\.|Nr\.|[Nn]o\.|n?n\.)\s?(?P<iss2>\d{{1,4}}(?:[-/]\d{{1,4}})?)(?=,\s|\.?\s*$)"
    rf"|(?P<iss3>[A-Z]?\d{{1,3}})(?=,\s(?:pp?|S)\.)))?"
    # (Elsevier: a range after the bracket and a space, "245 (2001) 10-20")
    rf"(?:(?:\s*[:,]\s*(?:pp?\.\s*|S\.\s?)?|\s(?=\d{{1,5}}\s?-\s?\d)){PAGES})?"
)
# Chicago with a Roman volume, as older humanities journals are cited: "Past & Present LXXV
# (1977): 3-29", "Slavic Review XXII, no. 2 (1963): 220-35". Pages are required: a Roman
# number before a bracketed year may be a king's or a war's ("Richard III (1955)").
ROMAN_CHICAGO = re.compile(
    rf"(?<![\w.'-])(?P<vol>[IVXLC]{{1,7}})(?:,?\s*(?:nos?|Nos?)\.?\s*(?P<iss>\d{{1,4}}(?:[-/]\d{{1,4}})?))?,?\s*"
    rf"\((?:[^()\d]{{0,20}}?\s?)?(?P<year>{YEAR})\)\s*[:,]\s*(?:pp?\.\s*)?{PAGES}"
)
# CS1 / APA / Vancouver: 19 (3): 405-20 / 19(3), 405-420 / 17 (224); not a page count, "1997 (286pp)"
# (not a book's year and its series after the publisher: "Paris: PUF 2012 (Quadrige)")
VOL_ISSUE = re.compile(
    rf"(?P<vol>\d(?<![\w.-]\d)(?!(?<=[12])\d\d\d\s?\((?!Spring|Summer|Fall|Autumn|Winter)[A-Z][a-z]{{3,}}\))\d{{0,4}}[A-Za-z]?)\s?\((?!\d+\s?pp?\.?\))(?P<iss>[\w/]{{1,9}}(?:[-/]\w{{1,4}})?|{_SUPPLEMENT})\)(?:(?:\s*[:,]\s*(?:pp?\.\s*)?"
    # (Elsevier: the year bracketed between the issue and the range, "24 (7) (1999) 563-567")
    rf"|\s\({YEAR}\)\s(?=\d{{1,5}}\s?-\s?\d)){PAGES})?"
)
# CS1's journal that numbers its issues only: "Feminist Review (25): 114-116." (after the
# journal's name; three digits at most, so no year "(1986): 12")
_CS1_ISSUE_ALONE = re.compile(rf"(?<=[^\W\d_]\s)\((?P<iss>\d{{1,3}}(?:[-/]\d{{1,3}})?)\):\s?{PAGES}")
# Vancouver's supplement without brackets: "2001;16 Suppl 1:S7-11" (volume 16, supplement 1)
SUPPLEMENT = re.compile(
    rf"(?P<vol>\d(?<![\w.-]\d)\d{{0,4}})\s(?P<iss>{_SUPPLEMENT})\s?:\s?{PAGES}"
)
# (ABNT's bare "v. 13" too, and French "t. 159", the tome of a journal, before its issue or
# pages: a book's "t. 1, Paris, Gallimard" is a volume of a book)
VOLUME = re.compile(r"[VvBTt](?<!\w.)(?:ol|OL|olume|(?<=B)d|(?<=[Tt])ome?|(?<=v)(?=\.\s?\d)"
                    r"|(?<=t)(?=\.\s?\d{1,4},\s(?:n°|[Nn]os?\.|pp?\.|\d{4},\spp?\.)))\.?\s*" + _VOL)
# The lookahead changes no match; it only lets the engine skip to the candidate letters.
# (a label is a word of its own: the "No" of "ACM SIGPLAN Notices" is none; nor is IEEE's
# "Art. no. 123109" an issue)
ISSUE = re.compile(rf"(?=[NnIiH])\b(?<!Art\.\s)(?<!Article\s)(?:[Nn]os?|[Nn]r|[Ii]ss|[Ii]ssue|[Nn]umber|Heft|n°|[Hn](?=\.\s?\d))(?![^\W\d_])\.?\s*{_ISS}")
# MLA's issue of a journal that numbers its issues only, before the year: "Literatura e
# Autoritarismo, no. 2, 2009" (not a report's "No. 5" elsewhere).
_MLA_ISSUE_ALONE = re.compile(rf"(?<=,\s)[Nn]o\.\s?(?P<iss>\d{{1,4}})(?=,\s{YEAR}\b)")
# GOST's Russian labels: "Т. 53" or "том 53" (the volume), "№ 5" and "Вып. 3" (the issue). Own
# patterns, looked for only where their letters are: in the Latin ones, a Cyrillic letter
# makes every search of every reference slower.
CYRILLIC_VOLUME = re.compile(rf"(?<!\w)(?:Т\.|[Тт]ом)\s*{_VOL}")
CYRILLIC_ISSUE = re.compile(rf"(?:№|(?<!\w)Вып\.)\s*{_ISS}")
# (a German "S." needs its full stop: "S2" is a name, "The S2-tree", not page 2)
# (and GOST's Russian "С. 3–21", which needs it too)
# (a label and its number apart, by a full stop or a space: "p7" is a protein's name, "hepatitis C
# virus p7 ion channel", no page)
LABELLED_PAGES = re.compile(rf"(?P<label>(?:p|S(?=\.)|С(?=\.))(?<!\w.)(?:p|ages?)?)(?:\.\s*|\s+){PAGES}")
# IEEE's article number, "Chaos, vol. 25, no. 12, Dec. 2015, Art. no. 123109."
_ARTICLE_NUMBER = re.compile(r"(?<![\w.])Art(?:\.|icle)\s(?:[Nn]o\.\s?)?(?P<number>[A-Za-z]?\d{1,9})(?![\w/-])")
# Nature / Vancouver: 61, 327-335 / 26: 5988-93 / 475, 163 / 17: 1057; a single page or an
# article number ("9, 1234", "14, e0212345") only at the end (but for a year: "127: 1607, 2000."),
# or before the cut-out identifiers
BARE = re.compile(
    rf"(?P<vol>\d(?<![\w.(-]\d)\d{{0,4}}[A-Za-z]?)(?:\s?[:,.]\s?|\s)(?P<first>{_PAGE})\s?-+\s?(?P<last>{_PAGE})(?![\w/])"
    rf"|(?P<vol1>\d(?<![\w.(:/-]\d)\d{{0,4}}[A-Za-z]?)(?:,\s|:\s?)(?:Article\s(?:[Nn]o\.\s?)?)?(?P<single>[A-Za-z]?\d{{1,8}})"
    # (APA 7: "PeerJ, 8, Article e9090."; Nature's article number before the bracketed year:
    # "Phys. Rev. B 89, 121411 (2015).")
    rf"(?:,\s(?P<year1>{YEAR})|\s\({YEAR}\))?\.?[\s.\x00]*$"
)
# Chicago's volume and issue without the year in brackets, as journals numbered by the year
# are cited: "Ab Imperio 2004, no. 4: 668-74", "Kritika 12, no. 3: 601-30".
VOLUME_NO = re.compile(
    rf"(?P<vol>\d(?<![\w.-]\d)\d{{0,3}}),\s(?:[Nn]os?|[Nn]r)\.\s?(?P<iss>\d{{1,4}}(?:[-/]\d{{1,4}})?)(?::\s?|,\s(?:pp?\.\s?)?){PAGES}"
)
# A page range standing alone after a comma: "ed. Michael Renov, 1-11." (not "1920-1922")
RANGE = re.compile(r",\s(?P<first>\d{1,5})\s?-\s?(?P<last>\d{1,5})(?=[.,;]|\s*$)")
# Chicago note pinpoint after the publication facts: "(Stanford: ..., 1985), 120."
# (the identifiers cut out after it leave their mark: "2005), 14, ISBN ..." is read "2005), 14. \x00")
PINPOINT_AFTER_PAREN = re.compile(r"\),\s*(?:\d+:|[IVX]{1,4}:)?(?P<pin>\d{1,5}(?:-\d{1,5})?)\.?[\s\x00]*$")
# A pinpoint right after the work's own page range in a full note: "405-20, at 411",
# "405-20, at p. 411", "pp. 405-20 (p. 411)", or a bare "405-20, 411." ending the reference.
PINPOINT_AFTER_RANGE = re.compile(
    r",\s(?:at\s(?:pp?\.\s?)?|pp?\.\s?)(?P<pin>\d{1,5})(?:\s?-\s?\d{1,5})?(?![\w-])"
    r"|\s\((?:at\s)?pp?\.\s?(?P<paren>\d{1,5})(?:\s?-\s?\d{1,5})?\)"
    r"|,\s(?P<bare>\d{1,5})\.?[\s\x00]*$"
)


@dataclass(slots=True)
class Locators:
    volume: str | None = None
    issue: str | None = None
    pages: PageRange | None = None
    pinpoints: tuple[str, ...] = ()
    start: int = -1  # where the first locator starts in the text (-1: none)
    year: int | None = None  # the year inside a Chicago "(1968)"
    spans: list[tuple[int, int]] = field(default_factory=list)  # what the locators cover


def _pages_of(text: str, match: re.Match[str]) -> PageRange | None:
    """The pages in a match's ``first`` and ``last`` groups, as cited from ``first`` to the
    match's end: ``405-20`` -> PageRange("405", "420", "405-20"). None when the pattern's
    pages are optional and absent."""
    first, last = match.group("first", "last")
    if not first:
        return None
    if last and len(last) < len(first) and first.isdigit() and last.isdigit():
        last = first[: len(first) - len(last)] + last
    # (every pattern's match ends with the last page's own characters: no space to strip)
    return PageRange(first, last, text[match.start("first"):match.end()])


# An issue's label right before a number CHICAGO took for the volume.
_ISSUE_LABEL_BEFORE = re.compile(r"(?<![\w.])(?:[Nn]os?|[Nn]r|[Ii]ss|[Ii]ssue|[Nn]umber|n°)\.?\s*$")
# A volume's label right before a number CHICAGO or VOL_ISSUE took for the volume: "Proceedings
# of the Royal Society, Vol. 15 (1898): 22-40" (the label belongs to the locators, not to the
# journal's name).
_VOLUME_LABEL = r"(?:[Vv]ol(?:ume)?|VOL|Bd)"
_VOLUME_LABEL_BEFORE = re.compile(rf"(?<![\w.]){_VOLUME_LABEL}\.?\s*$")


# A labelled volume before a CHICAGO issue's label: "Bd. 47, Nr. 52 (1921)", "vol. 8, no. 2 (1990)".
_VOLUME_BEFORE_ISSUE = re.compile(rf"(?<![\w.])(?:{_VOLUME_LABEL}|Jg)\.?\s?(?P<vol>\d{{1,5}}[A-Za-z]?),\s$")
_ROMAN_BEFORE_ISSUE = re.compile(r"(?<![\w.'-])(?P<vol>[IVXLC]{1,7}),?\s$")
# ACM's volume before the issue and its date: "Commun. ACM 55, 1 (Jan. 2012), 96-104", which
# CHICAGO reads as volume 1.
_ACM_VOLUME_BEFORE = re.compile(r"(?<![\w.,(-])(?P<vol>\d{1,5}),\s$")


# How every _VOLUME_LABEL_BEFORE match ends ("Vol. ", "Vol.", "Vol ", "Bd. ", "Volume ",
# "VOL "): one C-level ``endswith`` tells the usual case ("Soviet Studies. 19 (3)") apart.
_LABEL_ENDS = ("l. ", "d. ", "L. ", "l.", "d.", "L.", "l ", "d ", "e ", "L ")


def _after_volume_label(text: str, start: int, begins: int) -> int:
    """Where the locators starting at ``begins`` start with the volume's label before them."""
    label = _VOLUME_LABEL_BEFORE.search(text, max(start, begins - 8), begins)
    return begins if label is None else label.start()


# A month and day right before a year: "February 16, 1963" (a magazine's or newspaper's issue).
_DAY_BEFORE = re.compile(rf"\b{MONTH}\s\d{{1,2}},\s$")
# A month name right before a number: "March 17", "Nov. 26": the day of a date.
_MONTH_BEFORE = re.compile(rf"\b{MONTH}\s$")


def _year_span(first: str, last: str) -> bool:
    """"1933-1941" or "1933-41" after a comma is a span of years ("The Soviet Union and the
    threat from the East, 1933-41"), not pages: taking it for pages would report a pinpoint
    outside them."""
    if not YEAR_ONLY.fullmatch(first):
        return False
    if YEAR_ONLY.fullmatch(last):
        return True
    if len(last) != 2:
        return False
    end = int(first[:2] + last)
    return int(first) < end <= int(first) + 99 or int(first) < end + 100 <= int(first) + 99


# Harvard's unlabelled volume right before labelled pages: "Biosystems Engineering, 142, pp. 44-53".
# Only straight after a word and ", ": after "n° 5", "50: 2" or "v. 26" the number is an
# issue, or a volume with a label this does not read.
VOLUME_BEFORE_PAGES = re.compile(r"(?<=[^\W\d_],\s)(?P<vol>\d{1,5}[A-Za-z]?),\s*$")


def _volume_before(text: str, start: int, pages_start: int) -> re.Match[str] | None:
    """The bare volume that ends right before the pages at ``pages_start``; not a year
    ("Soviet Studies, 1968, pp. 405-20" gives its year there)."""
    match = VOLUME_BEFORE_PAGES.search(text, start, pages_start)
    return match if match is not None and not YEAR_ONLY.fullmatch(match.group("vol")) else None


def _single_page_cited(found: Locators) -> None:
    """A Chicago note's one page after the date is the page cited, not the work's range:
    "19, no. 3 (1968): 411", "LV (1990): 12". (Not an online journal's article number, which
    stands for the whole work: "PeerJ, 10 (2020), e12702", "PLoS ONE 7 (2012): e31093".)"""
    if found.pages and found.pages.last is None and not _ARTICLE_NUMBER_PAGE.fullmatch(found.pages.first):
        found.pinpoints, found.pages = (found.pages.first,), None


_ARTICLE_NUMBER_PAGE = re.compile(r"e\d{4,7}")


def find_locators(text: str, start: int = 0, year: int | None = None, issues_alone: bool = False) -> Locators:
    """The volume/issue/pages cluster in ``text[start:]``. ``year``: the work's year, if read
    before (a lone page number like it is taken for the year, another for a page).
    ``issues_alone``: a labelled issue counts without a volume too (GOST: "1993. № 5. С. 3–21",
    where Russian journals number their issues only); elsewhere "No. 5" may be a report's."""
    # Locators are built with positional arguments (volume, issue, pages, pinpoints, start,
    # year, spans): keywords cost more, and one is built for nearly every reference.
    found = None
    # both need a "(" (MLA, books and bare Vancouver locators have none): skip them without one.
    # (No digit test first: both start with a digit, and when one matches, as in most journal
    # tails, the digit search would only have cost a call.)
    if text.find("(", start) >= 0:
        match = CHICAGO.search(text, start) if _year_before_paren(text, start) else None
        if match:
            vol, iss, year, after = match.group("vol", "iss", "year", "iss2")
            iss = iss or after or match.group("iss3")
            begins = match.start()
            label = _ISSUE_LABEL_BEFORE.search(text, max(start, begins - 8), begins) if iss is None else None
            if label is not None:  # "Ab Imperio, no. 4 (2004)": a journal with issues only
                vol, iss, begins = None, vol, label.start()
                volume = _VOLUME_BEFORE_ISSUE.search(text, max(start, begins - 16), begins)
                if volume is not None:  # "Bd. 47, Nr. 52 (1921)": the volume, labelled, before
                    vol, begins = volume.group("vol"), volume.start()
                else:  # "Slavic Review XXII, no. 2 (1963)": a Roman volume before
                    volume = _ROMAN_BEFORE_ISSUE.search(text, max(start, begins - 10), begins)
                    if volume is not None and roman_to_int(volume.group("vol")) is not None:
                        vol, begins = volume.group("vol"), _after_volume_label(text, start, volume.start())
            else:
                # (ACM only with pages after the date: "Phys. Rev. B 45, 1234 (1992)" is a volume and a page)
                acm = (_ACM_VOLUME_BEFORE.search(text, max(start, begins - 8), begins)
                       if iss is None and text.endswith(", ", start, begins) else None)
                if acm is not None and not YEAR_ONLY.fullmatch(acm.group("vol")):
                    labelled = _after_volume_label(text, start, acm.start())
                    if match.group("first") or labelled < acm.start() or len(vol) < 3:
                        # ACM: "55, 1 (Jan. 2012), 96-104"; "vol. 23, 3 (1966)", "290, 2 (1993)": a
                        # volume and its issue (an issue has one or two digits, nearly always)
                        vol, iss, begins = acm.group("vol"), vol, labelled
                    else:  # physics: "Phys. Rev. B 45, 1234 (1992)", a volume and the first page
                        page = PageRange(vol, None, vol)
                        return Locators(acm.group("vol"), None, page, (), acm.start(), int(year),
                                        [(acm.start(), match.end())])
                elif text.endswith(_LABEL_ENDS, start, begins):
                    begins = _after_volume_label(text, start, begins)
            found = Locators(vol, iss, _pages_of(text, match), (), begins, int(year), [(begins, match.end())])
            _single_page_cited(found)
            # VOL_ISSUE starts with a digit: before a CHICAGO match only if a digit is there
            if _DIGIT.search(text, start, found.start) is None:
                return found
        match = VOL_ISSUE.search(text, start)
        if match and (found is None or match.start() < found.start):
            vol, iss = match.group("vol", "iss")
            begins = match.start()
            if text.endswith(_LABEL_ENDS, start, begins):
                begins = _after_volume_label(text, start, begins)
            return Locators(vol, iss, _pages_of(text, match), (), begins, None, [(begins, match.end())])
        if found is not None:
            return found
        if match is None and "):" in text:
            alone = _CS1_ISSUE_ALONE.search(text, start)
            if alone is not None:
                return Locators(None, alone.group("iss"), _pages_of(text, alone), (), alone.start(), None,
                                [alone.span()])
        if match is None:
            roman = ROMAN_CHICAGO.search(text, start)
            if roman is not None and roman_to_int(roman.group("vol")) is not None:
                begins = _after_volume_label(text, start, roman.start())
                found = Locators(roman.group("vol"), roman.group("iss"), _pages_of(text, roman), (), begins,
                                 int(roman.group("year")), [(begins, roman.end())])
                _single_page_cited(found)
                return found
    digit = _DIGIT.search(text, start)  # every locator pattern below needs a digit (\d)
    if digit is None:  # as in most book tails: ". London: Pluto Press."
        return Locators()
    supplement = SUPPLEMENT.search(text, start) if "Suppl" in text else None
    if supplement:
        vol, iss = supplement.group("vol", "iss")
        return Locators(vol, iss, _pages_of(text, supplement), (), supplement.start(), None, [supplement.span()])
    volume = VOLUME.search(text, start)
    if volume is None and ("Т" in text or "том" in text):
        volume = CYRILLIC_VOLUME.search(text, start)
    issue = ISSUE.search(text, start) if volume or issues_alone else None  # after a volume only
    if issue is None and volume is None and (", no. " in text or ", No. " in text):
        issue = _MLA_ISSUE_ALONE.search(text, start)  # MLA's journal with issues only: ", no. 2, 2009"
    if issue is None and (volume or issues_alone) and ("№" in text or "Вып" in text):
        issue = CYRILLIC_ISSUE.search(text, start)
    pages = LABELLED_PAGES.search(text, start)
    article = _ARTICLE_NUMBER.search(text, start) if pages is None and volume and "Art" in text else None
    if pages and not volume:
        volume = _volume_before(text, start, pages.start())
    if volume or pages or issue:
        spans = [match.span() for match in (volume, issue, pages, article) if match]
        pinpoints, cited = (), None
        if pages:
            if pages.group("last") is None and pages.group("label") in ("p", "С"):
                pinpoints = (pages.group("first"),)
            else:
                cited = _pages_of(text, pages)
        elif article:  # the registry gives an article number as the work's page
            cited = PageRange(article.group("number"), None, article.group("number"))
        return Locators(volume and volume.group("vol"), issue and issue.group("iss"), cited, pinpoints,
                        min(spans)[0], None, spans)
    numbered = VOLUME_NO.search(text, digit.start()) if ", no" in text or ", No" in text or ", Nr" in text else None
    if numbered is not None:
        begins = numbered.start()
        return Locators(numbered.group("vol"), numbered.group("iss"), _pages_of(text, numbered), (), begins,
                        None, [numbered.span()])
    bare = BARE.search(text, digit.start())  # BARE starts with a digit: no match before the first
    if bare and bare.group("vol") and YEAR_ONLY.fullmatch(bare.group("vol")) and _DAY_BEFORE.search(
            text, 0, bare.start()):
        # a magazine's or newspaper's date and pages: "New Yorker, February 16, 1963, 40-113"
        begins = bare.start("first")
        return Locators(None, None, _pages_of(text, bare), (), begins, int(bare.group("vol")), [(begins, bare.end())])
    if bare and bare.group("single") and not bare.group("year1"):
        vol1, single = bare.group("vol1", "single")
        if YEAR_ONLY.fullmatch(vol1) and text[bare.start() - 1:bare.start()] != ";":
            # (after Vancouver's year and ";" it is a volume numbered by the year: "2019;2019:9357203")
            if _DAY_BEFORE.search(text, 0, bare.start()):  # "New Yorker, February 16, 1963, 40.": the page cited
                begins = bare.start("single")
                return Locators(None, None, None, (single,), begins, int(vol1), [(begins, bare.end())])
            bare = None  # "Stanford University Press, 1985, 234.": a year and a page
        elif YEAR_ONLY.fullmatch(single) and (year is None or int(single) == year):
            # the work's year, not a page: "New York Times, March 17, 1969." (a date), or
            # "Artificial Intelligence, 32, 1987." (a volume and the year)
            if _MONTH_BEFORE.search(text, 0, bare.start()):
                bare = None
            else:
                return Locators(vol1, None, None, (), bare.start(), int(single), [bare.span()])
    if bare:
        single = bare.group("single")
        pages = PageRange(single, None, single) if single else _pages_of(text, bare)
        return Locators(bare.group("vol") or bare.group("vol1"), None, pages, (), bare.start(), None, [bare.span()])
    # The last range that is no span of years: a book's title may end in one that YEAR does not
    # know, "In Richard II: Manhood, Youth, and Politics, 1377-99, 127-50."
    found = None
    for match in RANGE.finditer(text, start):
        if not _year_span(*match.group("first", "last")):
            found = match
    if found is not None:
        return Locators(None, None, _pages_of(text, found), (), found.start(), None, [found.span()])
    return Locators()


# A ")" right after four digits, or four digits and a letter: where every CHICAGO match ends its year.
_YEAR_THEN_CLOSE = re.compile(r"\)(?<=\d{4}\))|\)(?<=\d{4}[a-z]\))")


_ROMAN = re.compile(r"^(?=[ivxlcdm])m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}


def roman_to_int(text: str) -> int | None:
    """``XIX`` -> 19; None when ``text`` is not a roman numeral."""
    letters = text.lower()
    if not _ROMAN.match(letters):
        return None
    values = [_ROMAN_VALUES[ch] for ch in letters]
    total = sum(-v if i + 1 < len(values) and v < values[i + 1] else v
                for i, v in enumerate(values))
    return total if total > 0 else None


def _year_before_paren(text: str, start: int) -> bool:
    """Whether a ")" in ``text[start:]`` follows four digits (or four digits and a letter), as
    the year of every CHICAGO match does: "(1968)", "(Spring 1968a)". Most tails have no
    such ")" ("19 (3): 405-20"), and CHICAGO, which tries every digit, need not run.
    (One search for the ")" with a look back: the regex engine skips to each ")" by itself.)"""
    return _YEAR_THEN_CLOSE.search(text, start) is not None
