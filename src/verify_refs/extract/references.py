"""Parse one full reference into fields, and tell full references from short cites.

The parser works on a cleaned copy of the reference: identifiers (found with their exact spans
first) are cut out, as are access dates and ``(in Russian)``, so what is left is authors, date,
title and the publication facts. It then reads from the left: names, a date right after them
(APA, Harvard, CS1), the title (quoted, or the next sentence), and the tail: ``In`` + editors,
volume/issue/pages, ``Place: Publisher``, edition, container. Every pattern is anchored or
bounded, so a 100 KB line costs linear time, and nothing here raises on odd input.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import NamedTuple, Sequence

from ..identifiers import Found, scan
from ..models import IdScheme, Identifier, Person, Reference, ReferenceKind
from . import authors as names
from .dates import (ACCESSED, DAY_DATE, FOREIGN_DAY_DATE, FOREIGN_MONTH, LANGUAGE, LANGUAGES, LEADING_DATE, MONTH, MONTH_QUICK,
                    ORIGINAL_YEAR, YEAR, YEAR_RE)
from .locators import PINPOINT_AFTER_PAREN, PINPOINT_AFTER_RANGE, YEAR_ONLY, Locators, find_locators
from .names import keywords
from .source import SourceText, normalise  # the one normalisation table, shared

__all__ = ["Reading", "looks_like_reference", "parse_reference", "read", "repeats_previous_authors"]

_CUT = "\x00"  # where an identifier or another consumed piece was: a hard boundary
_MAX = 4000  # references longer than this are cut: nobody writes one, pathological input does
# Enum members as module globals: looking one up on its enum class costs a few globals' lookups.
_URL, _DOI, _ISBN, _OCLC = IdScheme.URL, IdScheme.DOI, IdScheme.ISBN, IdScheme.OCLC
_CHAPTER, _OTHER, _NEWS, _ARTICLE, _BOOK, _WEB = (
    ReferenceKind.CHAPTER, ReferenceKind.OTHER, ReferenceKind.NEWS, ReferenceKind.ARTICLE, ReferenceKind.BOOK,
    ReferenceKind.WEB,
)

# A note's signal before the work it cites: "See", "See also", "Cf.", German "Vgl.", French
# "Voir". (Not "See," with a comma: a family name.)
_SIGNAL = re.compile(r"(?:See(?:\s+also)?|But\s+see|Cf\.|Compare|Vgl\.|Siehe(?:\s+auch)?|Voir(?:\s+aussi)?|"
                     r"E\.\s?g\.,?)\s+(?=[A-ZÀ-ÞА-ЯЁ\"'])")
_SIGNAL_STARTS = frozenset(("Se", "Bu", "Cf", "Co", "Vg", "Si", "Vo", "E."))  # how every _SIGNAL match opens
_LEADING_NOISE = re.compile(
    r"^\s*(?:\^\s*|Jump up to:?\s*(?:[a-z]{1,2}\s+)*(?=[^a-z\s]))?"
    r"(?:\[\d{1,4}\]\s*|\(\d{1,4}\)\s*|\d{1,3}\.(?!\d)\s*|\d{1,3}\s+(?=[^\d\s.,)]))?"
)
_ID_LEFTOVERS = re.compile(
    r"(?:[Rr]etrieved\s+from|[Aa]vailable\s+(?:at|from|online(?:\s+at)?|on)|\[?[Oo]nline\]?|URL|"
    r"[Aa]ccessed\s+via|[Ss]ee)\s*:?\s*(?=\x00)"
)
# A cut that an _ID_LEFTOVERS match may end at: each lead-in ends in one of "mtne]La" ("from",
# "at", "on", "online", "[Online]", "URL", "via", "See"), and only whitespace and a colon come
# between it and the cut; the lead-in is looked for within three such characters, and a cut
# after four or more of them may have one. (It starts with the cut: the engine skips to each.)
_LEFTOVER_CUT = re.compile(
    r"\x00(?:(?<=[mtne\]La]\x00)|(?<=[mtne\]La][\s:]\x00)|(?<=[mtne\]La][\s:]{2}\x00)"
    r"|(?<=[mtne\]La][\s:]{3}\x00)|(?<=[\s:]{4}\x00))"
)
_CUTS = re.compile(r"[\s.,;:]*\x00[\s.,;:\x00]*")  # each becomes ". \x00" (``_mark_cuts``)
# The characters of ``[\s.,;:]``: ``\s`` is every character ``str.isspace`` accepts (the last
# is U+3000, the ideographic space).
_CUT_GAP = "".join(chr(code) for code in range(0x3001) if chr(code).isspace()) + ".,;:"
_CUT_GAP_OR_CUT = _CUT_GAP + _CUT
# Brackets left holding only cut-out pieces and the commas between them: "(Vol. 3, pp. 45-67)"
_EMPTY_PARENS = re.compile(r"[(\[]\s*(?:\x00[\s,;]*)+[)\]]")  # "Sendmsg()" stays
_SKIP = re.compile(r"[\s.,:;\x00]*")
# (and French "dans": '« Titre », dans Paul Martin (dir.), Un livre, Paris, PUF, 2001')
# (and German "In: ders.: Buch", "In: dies. (Hrsg.): Buch": the book by (or edited by) the
# chapter's own author, read past)
_IN = re.compile(r"[\s.,:;\x00]*\b(?:[Ii]n|dans):?\s+(?:(?:ders|dies)\.(?:\s\((?:Hrsg|Hg)\.\))?:\s+)?"
                 r"(?=[\"A-ZÀ-ÞА-ЯЁ0-9]|the\b)")
# The container after an unquoted title in German and Italian humanities' notes: "Titel, in:
# Zeitschrift 37 (2021)", "Titolo, in «Rivista», LV (1990)" (the guillemets read as '"').
_IN_PERIODICAL = r',\sin(?::\s|\s(?="))'
_IN_AFTER_TITLE = re.compile(_IN_PERIODICAL)
_IN_LATER = re.compile(r"[.,\x00]\s+In:?\s+(?=[\"A-ZА-ЯЁ0-9])|" + _IN_PERIODICAL)
# Trigger words: each pattern below matches only where one of its words is, so a text without
# any is not searched (``_has_any``, tested where the pattern is used, so that a text without
# them costs no call). The parser's text is collapsed: its only whitespace is spaces, so ``\s``
# in a pattern is " " there (``_IN_LATER`` needs " In" or ", in").
# Patterns searched in every reference start with a character set: the regex engine then
# skips ahead quickly. ``(?<!\w.)`` after the first character is a left word boundary.
_EDITED_BY = re.compile(
    r"[EeHh](?<!\w.)(?:dited\s+by|ds?\.|d\.\s*by|rsg\.(?:\s*v(?:on\b|\.))?|g\.\s*v(?:on\b|\.))\s+"
)
# (not a journal's "Trans.": "IEEE Trans. Inf. Theory", "ACM Trans. Graph.", "Phil. Trans. R. Soc.")
# (The look-backs come after the first letter and its word-start test, which most letters fail:
# before it, they were tried at every position.)
_TRANSLATED_BY = re.compile(r"[TtÜ](?<!\w.)(?<![A-Z][A-Z]\s.)(?<!Phil\.\s.)(?<!Philos\.\s.)(?:rans(?:lated)?\.?(?:\s+by)?|r\.|rad\.|bers\.)\s+")
_EDITION_WORD = re.compile(r"[eéAi](?<!\w.)(?:dn?|dition|ufl|zd)\b\.?\)?")
_EDITED_BY_WORDS = ("dited", "d.", "ds.", "g.")  # "rsg." has "g."
_TRANSLATED_BY_WORDS = ("rans", "r.", "rad.", "bers.")
_CREDIT_WORDS = _EDITED_BY_WORDS + _TRANSLATED_BY_WORDS  # one test for both: most tails have neither
# any of [eéAi] may come before any ending: "ed", "edn", "edition", "Ad", "id", "Aufl", "izd"
_EDITION_WORDS = ("ed", "éd", "Ad", "id", "ufl", "zd")
_EDITION_BEFORE = re.compile(
    r"\(?\b(?P<ed>\d{1,2}(?:st|nd|rd|th|e|\.|ª|\.ª)?|[Rr]ev(?:ised)?\.?|[Ss]econd|[Tt]hird|[Ff]ourth|"
    r"[Ff]ifth|[Nn]ew|[Ee]nlarged|[Ee]xpanded|[Rr]evised and enlarged)\s*$"
)
_PLACE_PUBLISHER = re.compile(
    # (a "/" before a place only after a city: "Cambridge/New York", not "Tcl/Tk")
    r"(?P<place>[A-ZÀ-ÞА-ЯЁ](?<![\w.-].)(?<!(?<![a-z]{4})/.)[\w'’-]+(?:(?<=[a-z]{4})/[A-ZÀ-Þ][\w'’-]+){0,3}(?:[ -][A-ZÀ-ÞА-ЯЁ][\w'’-]+){0,3}"
    r"(?:,\s?(?:[A-Z]{2}|[A-Z][a-z]+\.?|(?:[A-Z][a-z]?\.\s?){2,3}))?)\s?:\s?"
    r"(?P<publisher>(?:[A-Z]\.\s?){0,3}[A-ZÀ-ÞА-ЯЁ&][^.;:()\[\]\"\x00]{0,80}?(?:\b[A-Z]\.\s[^.;:()\[\]\"\x00]{0,60}?)*)"
    # (German: the year after the publisher with no comma, "Wiesbaden: Springer VS 2019")
    r"(?=\s*(?:,\s*(?:\d{4}|\d|[A-Z]\w+\s\d{4}|pp?\.)|[.;)\]\x00]|$)|\s(?:1[5-9]|20)\d\d(?:[.,;)\]\x00]|\s\(|$))"
)
_PUBLISHER_WORDS = keywords(
    "Press", r"Publish\w*", "Verlag", "Books", "Agency", "Editions?", "Éditions?", "Editora",
    "Editorial", r"Izdatel\w*", "Издательство", "Wiley", "Springer", "Elsevier", "Routledge",
    "Knopf", "Norton", "Penguin", "Random House", "Macmillan", r"Harper\w*", "Sage", "Blackwell",
    "Pergamon", "Nauka", "Politizdat", "Progress", "Brill", "Palgrave", "Scribner", "Doubleday",
    "Houghton", "Little, Brown", "Vintage", "Praeger", "Greenwood", "Publishers", r"Co\.",
    r"Inc\.", r"Ltd\.?", "Gallimard", "Seuil", "Suhrkamp", "Mohr", "Beck", "Dunod", "Hachette",
    "Pluto", "Verso", "Zed", "Polity", "UP",
)
# MLA's publisher after a book's title (a chapter's container) or after its editors: "Felix
# Guattari's Schizoanalytic Ecology, Edinburgh UP, 2020, pp. 183-232", "edited by Ann Lee, Oxford
# UP, 2010". The last comma-separated piece before the year.
_MLA_PUBLISHER = re.compile(r",\s(?P<pub>[A-Z][^,.;:()\x00]{1,60})(?=,\s(?:1[5-9]|20)\d\d\b)")


def _mla_publisher(text: str, pos: int = 0) -> re.Match[str] | None:
    """The first ``_MLA_PUBLISHER`` match from ``pos`` on, if it names a publisher."""
    publisher = _MLA_PUBLISHER.search(text, pos)
    return publisher if publisher is not None and _PUBLISHER_WORDS.search(publisher.group("pub")) else None
# (not "Post-Soviet": a series' or journal's word, "Cambridge Russian, Soviet and Post-Soviet Studies")
_NEWS_WORDS = keywords(
    "Times", r"Post(?!-)", "Gazette", "Herald", "Tribune", "Guardian", "Daily", "Weekly", "News",
    "Newsweek", "Magazine", "Telegraph", "Chronicle", "Observer", "Independent", "Economist",
    "Izvestiia", "Izvestiya", "Pravda", "Vestnik", "Reuters", "Associated Press", "Le Monde",
    "Der Spiegel",
)
# A book in several volumes, or one volume of such a work.
_MULTIVOLUME = re.compile(r"\b\d{1,2}\s+vols\.|\b[Vv]ol\.\s?\d{1,2},?\s+of\s")
# One volume of a multivolume work, named after the volume's own title: "The Use of Pleasure.
# Vol. 2 of The History of Sexuality." The series is no journal and the number no journal's
# volume: the phrase is cut from the tail, and the work read as the book it is.
_VOLUME_OF = re.compile(r"(?<![\w.])[Vv]ol(?:ume)?\.?\s?(?:\d{1,2}|[IVX]{1,4}),?\s+of\s+[^.,;()\x00]{2,120}?(?=[.,;]\s|\s\(|\.?$)")
# A news word in a scholarly container's name ("Vestnik Permskogo universiteta", "Izvestiia
# Akademii nauk SSSR", "The Independent Review" with a volume) makes no newspaper of it.
_SCHOLARLY_WORDS = keywords(
    r"Universit\w*", r"universit\w*", r"Akademi\w*", "Academy", "Journal", "Review", "Studies", r"nauk\w*",
    r"Университет\w*", r"университет\w*", r"Академи\w*", "наук", r"Istori\w*", r"История",
)
_JOURNAL_WORDS = keywords(
    "Journal", "Review", "Transactions", "Proceedings", "Letters", "Quarterly", "Bulletin",
    "Annals", "Studies", "Research", "Science", "Sciences", "J", "Trans", "Proc", "Lett", "Rev",
    "IEEE", "ACM", "SIAM", "Acta", "Archives?", "Magazine", "Zeitschrift", "Revue", "Rivista",
    "Revista", "Newsletter", "Communications", "Intelligence", "Computing", "Jahrbuch",
    "History", "Historical", "Quarterly", "Forum", "Affairs", "Economics", "Physics",
    "Chemistry", "Medicine", "Nature", "Engineering", "Linguistics", "Psychology", "Sociology",
    "Philosophy", "Mathematics", "Monthly", "Annual", "Yearbook",
)
_GENRE_OTHER = re.compile(
    r"[TtDdWwUuMmPpSs](?<!\w.)(?:hesis|issertation|echnical [Rr]eport|orking [Pp]aper|"
    r"iscussion [Pp]aper|npublished|anuscript|atent|oftware|ataset)\b"
)
# A paper in conference proceedings (a chapter, as BibTeX's inproceedings): the proceedings,
# the conference, or the talk itself. Journals named "Proceedings" are not among them.
_PROCEEDINGS = re.compile(
    r"[PpCcSsWwM](?<!\w.)(?:roceedings\b|roc\.\s|onference\b|ymposium\b|orkshop\b|resented\s+at\b|"
    r"aper\s+presented\b|oster\s+presented\b|eeting\b)(?<!\bpresented\sat)"
)
_GENRE_OTHER_WORDS = ("hesis", "issertation", "echnical", "orking", "iscussion", "npublished", "anuscript",
                      "atent", "oftware", "ataset")
_PROCEEDINGS_WORDS = ("roceedings", "roc.", "onference", "ymposium", "orkshop", "resented", "eeting")
_PROCEEDINGS_JOURNAL = re.compile(r"Proc(?:eedings|\.)\s+(?:of\s+the\s+)?(?:Nat(?:iona)?l\.?\s|R(?:oyal|\.)\s)")  # PNAS
_CHAPTER_TITLE = re.compile(r"^(?:Chapter|Ch\.|Глава|Kapitel|Chapitre)\s*\w+\b")
_CHAPTER_WORDS = ("Ch", "Глава", "Kapitel")  # how every _CHAPTER_TITLE match starts
_ABBREVIATIONS = frozenset(
    "vol vols no nos pp p ed eds edn st dr mr mrs ms jr sr inc co ltd trans rev cf al etc fig "
    "ch chap pt nr bd hrsg hg repr orig ser univ dept vs approx esp proc symp conf t "
    "spp sp subsp var".split()  # IEEE's "Proc."; biology's "Lactobacillus spp.", "Carex sp."
)
_LONGEST_ABBREVIATION = max(map(len, _ABBREVIATIONS))
# A sentence ends at ``[.?!]+(?=[\s"\x00]|$)``, a cut, or ``;\s(?!or\b|[a-zß-ÿ]+\s[a-zß-ÿ])``:
# written with one character class first, which lets the regex engine skip ahead to them.
_SENTENCE = re.compile(
    r"[.?!\x00;](?:(?<=[.?!])[.?!]*(?=[\s\"\x00]|$)|(?<=\x00)|(?<=;)\s(?!or\b|[a-zß-ÿ]+\s[a-zß-ÿ]))"
)
# (not a bracketed acronym with digits, "agent (19FIT) on a 3T clinical MRI system", before
# the title's next lower-case word)
_PAREN_STOP = re.compile(
    r"\((?=\d(?!\d{3}\s?-\s?\d{2,4}\)[,.])(?!\d{0,2}[A-Za-z][\w-]*\)\s[a-z])(?!\d{3}\):\s(?!pp?\.)[A-Za-z]{2,}\s)|[^()]{1,60}?:\s(?:[^()]{0,80}?\d|[^()]{0,80}\)\s*[.,]?\s*(?:$|\x00))|[Uu]npublished|[Tt]r\.\s|[Ee]ds?\.|[Ii]n\s[A-Z]|\d+(?:st|nd|rd|th)|[Rr]ev|[Vv]ol|pp?\.|"
    r"[Tt]rans|[A-Z][a-z]+\.?\s\d|\x00|n\.d\.|n\.\s?p\.[,:]|[^()]{1,80}?,\s(?:[Vv]ol|[Nn]o)\.\s?\d"
    r"|[^()]{1,80}?\b(?:Press|Publishers|Books|Verlag),\s(?:1[5-9]|20)\d\d\)"  # "(Princeton University Press, 1999)"
    r"|[A-Z][\w&.-]*(?:\s[A-Z&][\w&.-]*){0,4},\s(?:1[5-9]|20)\d\d\)\.?$)"  # Nature's book ends "(World Scientific, 1998)."
)
# APA's volume of a multivolume book, or its series, in brackets after the title: "Handbook of
# child psychology (6th ed., Vol. 3). Wiley.", "(Critical Theory Series, Vol. 3)". No journal's
# volume: the bracket is cut (but for the edition, which is read as one).
_BOOK_VOLUME = re.compile(
    r"\s*\((?:(?P<ed>[^(),]{1,30}?\bed(?:ition|n)?\.?),\s|[^()]{1,80}?,\s)?(?:[Vv]ol(?:s|ume)?|[Nn]o)\.\s?"
    r"(?:\d{1,4}|[IVXLC]{1,6})(?:\s?-\s?\d{1,4})?\)"
)
# CS1's title in Cyrillic or Greek after its romanised, quoted form, before a translation in
# brackets or the journal: '"Eto ne prosto biznes" Это не просто бизнес [It's not just business].'
_ORIGINAL_SCRIPT_TITLE = re.compile(r"\s(?=[А-ЯЁЀ-ЏΑ-Ω])[^\[\]\x00]{2,300}?(?=\s\[|\.\s|\.?$)")
# ... and Chicago's romanised title in brackets after the original, before its translation.
_ROMANISED_TITLE = re.compile(r"\s\([^()\[\]\x00]{3,300}\)(?=\s\[)")
_TRANSLATED = re.compile(r"\s*\[(?P<t>[^\[\]\x00]{1,400})\]")
# What a bracket after a title opens: a translated title or a note ("[The Crisis]", "[in
# Russian]", "[online]", "[Internet]"), or an original year "[1969]". A bracket that opens on
# anything else ("[2+3] cycloaddition", "[18F]FDG") is part of the title.
_BRACKET_AFTER_TITLE = re.compile(r"[^\W\d_]|[\"'\u00ab]|(?:1[5-9]|20)\d\d\]")
# A chemical formula in a title, "octahedral [Zn(maltol)2Cl2]": one word with a digit, no translation.
_FORMULA = re.compile(r"[^\]\s]*\d[^\]\s]*\]")
_SHORT_CITE = re.compile(
    r"^(?:(?:[Ss]ee|[Cc]f\.|[Vv]gl\.)(?:\s+also)?\s+)?[^\d\"().:;]{1,50}?(?:\set al\.)?,?\s\(?\d{4}[a-z]?(?:,\s?\d{4}[a-z]?)*\)?"
    r"(?:[,:]\s*(?:pp?\.\s*)?\d+(?:\s?-\s?\d+)?)?(?:;\s.*)?\.?$"
    r"|^(?:[Vv]gl\.\s)?(?:[Ii]bid|[Ii]bidem|[Oo]p\.\s?cit|[Ll]oc\.\s?cit|[Ii]d\.|[Тт]ам\sже|Ivi|[Ee]bd|[Ee]benda)\b"
    r"|^[^\d\"().:;]{1,80}?,\s(?:(?:[Oo]p|[Ll]oc|art)\.\s?cit|a\.\s?a\.\s?O)\b"  # "Barbu, Schneider et Dupont, op. cit., p. 27."
    # German: the note that gave the full reference named, "Kaltizkus: Ethnologin (wie Anm. 4), S. 361."
    r"|^[^\d\"();]{1,160}?\s\((?:wie|s\.|siehe|vgl\.)\sAnm\.\s?\d{1,4}\)"
)
# An explanatory note that ends on an author-date cite: "The principal herbaria are listed in
# Jeffrey 1994, pp. 235-236.", "... on 5 November; see Davies 1948, p. 3." Prose (no quotes,
# emphasis, brackets or colons, as a title or an imprint would have) and a lower-case word
# before the cited name: a remark, read for its short cite, not a work whose title is the remark.
_CITED_NAME = r"[A-Z][\w'-]+"
_REMARK_WITH_CITE = re.compile(
    rf"(?=[A-Z])[^\"*_()\[\]:?]{{10,200}}?\s(?:in|see|by|cf\.|from|and|also|to)\s"
    rf"{_CITED_NAME}(?:\s(?:&|and)\s{_CITED_NAME}|(?:,\s{_CITED_NAME})+,?\s(?:&|and)\s{_CITED_NAME}|\set\sal\.)?"
    rf"\s\d{{4}}[a-z]?(?:,\s(?:pp?\.\s?)?\d{{1,5}}(?:\s?-\s?\d{{1,5}})?)?\.?$"
)
_TRIM = " .,;:\x00"
_HAS_LETTER = re.compile(r"[^\W\d_]")
_DIGIT = re.compile(r"\d")
_MAX_SEGMENTS = 4  # container and publisher are among the first sentences of the tail
_NUMBERED = re.compile(r"\s*(?:\[\d{1,4}\]|\d{1,4}\.\s)")  # a numbered bibliography entry
_DITTO = re.compile(r"[-_]{2,}\s*[.,]?")
_DOUBLE_CLOSE = re.compile(r'"(?=[\s,.;)\]\x00]|$)')
_SINGLE_CLOSE = re.compile(r"(?<=[^\s])'(?=[\s,.;)\]\x00]|$)")
# A plural's possessive inside a single-quoted title: "practitioners' perspectives", "the students' voices".
_POSSESSIVE = re.compile(r"(?<=s)'\s[a-z]")


def _single_close(text: str, start: int) -> re.Match[str] | None:
    """The single quote that closes a title opened at ``start - 1``: not a plural's possessive
    apostrophe before a lower-case word, when another closing quote follows."""
    closing = _SINGLE_CLOSE.search(text, start)
    while closing is not None and _POSSESSIVE.match(text, closing.start()):
        later = _SINGLE_CLOSE.search(text, closing.end())
        if later is None:
            break
        closing = later
    return closing


@dataclass(slots=True)
class _Fields:
    """What the parser found, before it becomes a frozen ``Reference``."""

    authors: Sequence[Person] = ()  # a list once found (never changed in place)
    editors: Sequence[Person] = ()
    year: int | None = None
    year_suffix: str = ""
    original_year: int | None = None
    title: str | None = None
    quoted: bool = False
    translated_title: str | None = None
    container: str | None = None
    locators: Locators = None  # type: ignore[assignment]  # always set by _take_tail
    publisher: str | None = None
    place: str | None = None
    edition: str | None = None
    language: str | None = None
    accessed: str | None = None
    chapter: bool = False
    day_date: bool = False
    ditto: bool = False  # authors given as "———."
    undated: bool = False  # "(n.d.)"
    contained: bool = False  # GOST's "//" said that a container (journal or book) follows the title
    # The text as parsed (access date and language cut out): ``_kind`` reads whether it names
    # another genre or a conference there, only when its verdict depends on that.
    text: str = ""


# --- public ------------------------------------------------------------------


class Reading(NamedTuple):
    """What ``read`` saw in a text: kept so that a body judged to be a reference is not
    scanned and parsed a second time when its ``Reference`` is built. (A named tuple: one is
    built for every note body, and a frozen dataclass builds several times slower.)"""

    text: str  # the text as read: normalised, whitespace collapsed, cut at _MAX
    is_reference: bool
    found: list[Found] | None = None  # None: the verdict came before the identifier scan
    fields: _Fields | None = None  # None: the verdict needed no full parse


def looks_like_reference(text: str) -> bool:
    """True when ``text`` (a note body or bibliography line) describes a work in full.

    Short cites (``Coox 1968, p. 407.``), ``Ibid.`` and commentary are not references; an
    identifier always makes one.
    """
    return read(text).is_reference


def repeats_previous_authors(text: str) -> bool:
    """Whether a reference's text opens with the ditto dashes ("———.", "---,", "______.")
    that stand for the authors of the entry before it."""
    return _DITTO.match(text) is not None


def read(text: str, *, normalised: bool = False) -> Reading:
    """``looks_like_reference`` with what it found along the way (for ``parse_reference``).

    ``normalised``: ``text`` is a slice of a ``SourceText.text``, which is normalised already;
    ``normalise`` would give it back unchanged (no replacement is itself replaced), so its
    28 membership tests over a non-ASCII body are skipped.
    """
    text = text[:_MAX]
    # the table maps only non-ASCII characters (and tabs, which split drops)
    if not normalised and not text.isascii():
        text = normalise(text)
    text = " ".join(text.split())
    if len(text) < 12:
        return Reading(text, False)
    found = scan(text)
    for item in found:
        if item.scheme is not _URL:  # an identifier other than a web address
            return Reading(text, True, found)
    if len(text) < 90 and _SHORT_CITE.match(text) and not _BOOK_WITH_COMMA_IMPRINT.match(text):
        return Reading(text, False, found)
    if text[-1] in ".0123456789" and _REMARK_WITH_CITE.match(text):
        return Reading(text, False, found)
    has_url = bool(found)  # what was found is web addresses only
    fields = _parse(_clean(text, found, collapsed=True), has_url)
    return Reading(text, _is_reference(text, fields, has_url), found, fields)


# What ends a shortened note: the page cited ("S. 58.", "p. 27", "411.").
# (A single page: "In Obra Completa, 1: 229-92." is an undated chapter's range.)
# (a range only after its label: "S. 7-12." ends a German short note, "1960-1970." a title)
_ENDS_WITH_PAGE = re.compile(r"(?:(?P<label>\b(?:pp?|S|С)\.\s?)(?:\d{1,5}-)?|(?<![\d-]))\d{1,5}\.?$")


def _is_reference(text: str, fields: _Fields, has_url: bool) -> bool:
    """Enough evidence for a full reference: three points, a numbered entry and a publisher's
    name among them. The bonus points (two regex searches) are only looked for when they can
    change the verdict."""
    if len(text) < 90 and not (fields.undated or has_url or fields.accessed or fields.publisher or fields.ditto
                               or fields.chapter):
        page = _ENDS_WITH_PAGE.search(text)
        if page is not None and (page.group("label") or not YEAR_RE.search(page.group())) and (
                fields.year is None or (page.group("label") and str(fields.year) in page.group())):
            # a shortened note: "Nipperdey, Deutsche Geschichte, Bd. 1, S. 58." (a work has a
            # date; "S. 1580" is no year)
            return False
    points = _evidence(fields, has_url)
    if points >= 3 or points + 2 < 3:
        return points >= 3
    points += bool(_NUMBERED.match(text))
    if points < 3 and not fields.publisher and _PUBLISHER_WORDS.search(text):
        points += 1
    elif points < 3 and fields.place and fields.publisher and (fields.year is not None or fields.undated):
        points += 1  # a whole imprint, "New York: Free Press, 1973": a book's own signature
    return points >= 3


def parse_reference(source: SourceText, start: int, end: int, *, note_label: str | None = None,
                    reading: Reading | None = None) -> Reference:
    """Parse ``source.text[start:end]`` as one full reference.

    ``reading`` is what ``read`` made of the same body, if the caller has it: when it read
    exactly this text (already normalised and collapsed, as one-line bodies are), its scan
    and parse are reused instead of being done again.
    """
    span = source.span(start)
    body = source.text[start:end]
    clipped = body[:_MAX]
    found = fields = None
    collapsed = reading is not None and reading.text == clipped  # then it is the text as read
    if collapsed:
        found, fields = reading.found, reading.fields
    if found is None:
        found = scan(clipped)
    identifiers = tuple([Identifier(f.scheme, f.value, f.raw, source.span(start + f.start))
                         for f in found]) if found else ()
    url = None
    for item in found:
        if item.scheme is _URL:
            url = item.value
            break
    if fields is None:
        fields = _parse(_clean(clipped, found, collapsed=collapsed), url is not None)
    # the text with its whitespace collapsed: the text as read already is, unless it was cut
    text = clipped if collapsed and len(body) <= _MAX else " ".join(body.split())
    loc = fields.locators
    return Reference(  # positional, in _REFERENCE_FIELDS order: 24 keywords cost 0.8 µs more
        f"{span.path}:{span.line}:{span.column}", span, text, _kind(fields, found),
        tuple(fields.authors), tuple(fields.editors), fields.year, fields.year_suffix, fields.original_year,
        fields.title, fields.translated_title, fields.container,
        loc.volume, loc.issue, loc.pages, loc.pinpoints,
        fields.publisher, fields.place, fields.edition, fields.language,
        url, fields.accessed, identifiers, note_label,
    )


# The order ``parse_reference`` passes a Reference's fields in (a test checks it against the model).
_REFERENCE_FIELDS = (
    "id", "span", "text", "kind",
    "authors", "editors", "year", "year_suffix", "original_year",
    "title", "translated_title", "container",
    "volume", "issue", "pages", "pinpoints",
    "publisher", "place", "edition", "language",
    "url", "accessed", "identifiers", "note_label",
)


# --- cleaning ------------------------------------------------------------------


# Markdown emphasis around a title or journal: *Soviet Studies*, _The Voices of the Dead_.
# (URLs, where underscores live, are cut out before this runs.)
_COMMA_BEFORE_EMPHASIS = re.compile(r",(?=\s+(?:\*{1,2}|_{1,2})(?=\S))")
_EMPHASIS = re.compile(r"(?<![\w*])(\*{1,2}|_{1,2})(?=\S)(.+?)(?<=\S)\1(?![\w*])")


def _clean(body: str, found: list[Found], *, collapsed: bool = False) -> str:
    """The body with identifiers (and their labels) replaced by a boundary, whitespace collapsed.

    ``collapsed``: the caller's body has no whitespace but single spaces inside (as ``read``
    leaves it); cutting identifiers out of it leaves it so, and collapsing again is skipped.
    """
    if found:
        pieces, at = [], 0
        for item in found:
            if item.label_start >= at:
                pieces.append(body[at:item.label_start])
                pieces.append(_CUT)
                at = item.end
        pieces.append(body[at:])
        body = "".join(pieces)
    if not collapsed and "-\n" in body:
        # a word hyphenated where a PDF's line broke ("Mexi-\nco.", "environ-\nmental"): one
        # word again, or its halves would read as an abbreviation ("co.") and run the title
        # into the journal. (A compound broken at its own hyphen mostly loses it, "drift-\n
        # diffusion" reads "driftdiffusion", which the title comparison forgives.)
        body = _LINE_END_COMPOUND.sub("-", _LINE_END_HYPHEN.sub("", body))
    text = body if collapsed else " ".join(body.split())
    if not text.isascii():  # "Tra\u0301insson": combining accents are not word characters
        text = unicodedata.normalize("NFC", text)
    if "*" in text or "_" in text:
        # A comma before an emphasised title ends the authors ("Jesse Matz, *Modernist Time
        # Ecology* (Baltimore: ...)", a Chicago book note): once the emphasis goes, the title's
        # capitalised words would read as a second name. (A journal after a quoted title has
        # the comma inside the quotes: '"L'Affaire," *Soviet Studies*'.)
        text = _EMPHASIS.sub(r"\2", _COMMA_BEFORE_EMPHASIS.sub(".", text))
    if found:
        if _may_have_leftovers(text):
            text = _ID_LEFTOVERS.sub("", text)
        cut = text.find(_CUT)
        if cut >= 0 and not text[cut:].strip(_CUT_GAP_OR_CUT):
            # The usual case: the identifiers end the reference, and from the first cut on
            # there are only cuts, spaces and ".,;:". No _EMPTY_PARENS match can be there (its
            # closing bracket comes after a cut), and _mark_cuts would make one ". \x00" of it.
            return f"{text[:cut].rstrip(_CUT_GAP)}. {_CUT}"
        text = _drop_empty_parens(text)
        text = _mark_cuts(text)
    return text


# (kept where the word is a compound for sure: a whole word that opens compounds before it,
# "self-\nfrequency", "cross-\ncultural", or another hyphen after it, "Nap-\nof-the-Earth")
_LINE_END_HYPHEN = re.compile(r"(?<=[a-zà-ÿа-яё])(?<!\bself)(?<!\bcross)(?<!\bnon)(?<!\bwell)(?<!\bhalf)"
                              r"-[ \t]*\n[ \t]*(?=[a-zà-ÿа-яё])(?![\w]*-\w)")

# A hyphen where a line broke before a capital is a compound's own: "Comput.-\nAided Eng.",
# "Computer-\nAided" (no word is split before a capital letter).
_LINE_END_COMPOUND = re.compile(r"(?:(?<=[^\W\d_])|(?<=[^\W\d_]\.))-[ \t]*\n[ \t]*(?=[A-ZÀ-ÞА-ЯЁ])")


def _mark_cuts(text: str) -> str:
    """``_CUTS.sub(". \x00", text)``, without trying the pattern at every position: each cut,
    with the punctuation and spaces around it and any cuts that follow, becomes ". \x00"."""
    pieces = text.split(_CUT)
    last = len(pieces) - 1
    if not last:
        return text
    out, i, piece = [], 0, pieces[0]
    while True:  # ``piece`` is followed by a cut
        out.append(piece.rstrip(_CUT_GAP))
        out.append(". \x00")
        i += 1
        while i < last and not pieces[i].lstrip(_CUT_GAP):
            i += 1  # only punctuation before the next cut: both go into this one
        piece = pieces[i].lstrip(_CUT_GAP)
        if i == last:
            out.append(piece)
            return "".join(out)


def _may_have_leftovers(text: str) -> bool:
    """Whether an identifier's lead-in ("Retrieved from", "Available at") may sit before a cut.

    A fast path: ``_ID_LEFTOVERS`` has no cheap prefix to scan for, but each match ends right
    before a cut, after one of a few letters (``_LEFTOVER_CUT``). Most cuts follow a period
    ("... 405-20. \x00").
    """
    return _LEFTOVER_CUT.search(text) is not None


def _cut(text: str, match: re.Match[str]) -> str:
    return f"{text[: match.start()]} {_CUT} {text[match.end():]}"


# --- parsing -------------------------------------------------------------------


def _unglue_volume(text: str) -> str:
    """``text`` with a journal's name and its volume apart where a lost separator ran them
    together before CS1's issue and pages: "Endeavour23 (1): 41", "Journal of Historical
    Geography13 (4): 460-474". (String methods from each "):" back: no pattern is tried at
    every letter of every reference.)"""
    at = text.find("):")
    while at >= 0:
        opening = text.rfind("(", 0, at)
        if opening > 0 and text[opening + 1:at].isdigit():
            end = start = opening - (text[opening - 1] == " ")
            while start > 0 and text[start - 1].isdigit():
                start -= 1
            if 1 <= end - start <= 4 and start >= 3 and text[start - 1].islower() and text[start - 3:start].isalpha():
                return f"{text[:start]} {text[start:]}"
        at = text.find("):", at + 2)
    return text


# An issue with its running number since the first, as Russian journals give it: "no. 2(45)
# (2019): 15-23" is issue 2 (the 45th), not volume 2 and issue 45.
_RUNNING_ISSUE = re.compile(r"(\b(?:[Nn]o|№)\.?\s?\d{1,3})\(\d{1,4}\)(?=\s\()")


def _parse(text: str, has_url: bool = False) -> _Fields:
    fields = _Fields()
    if _has_any(text, _ACCESSED_WORDS):
        text = _take_accessed(text, fields)
    if "in " in text or "In " in text:  # "(in Russian)", "[In German]": LANGUAGE needs one
        text = _take_language(text, fields)
    if ". - " in text:  # GOST's areas, "Вопросы истории. – 1993. – № 5." (dashes normalised to "-")
        text = _AREA_DASH.sub(". ", text)
    if "с." in text:  # GOST's count of a book's pages, "302 с.": no locator
        text = _PAGE_COUNT.sub(_CUT, text)
    if "):" in text:
        text = _unglue_volume(text)
    if ") (" in text:  # every _RUNNING_ISSUE match has it
        text = _RUNNING_ISSUE.sub(r"\1", text)
    fields.text = text
    if "vols." in text:  # "2 vols.": how many volumes a work has (``_kind`` sees it in fields.text)
        text = _VOLUME_COUNT.sub(_volume_count_cut, text)
    months = MONTH_QUICK.search(text) is not None  # no month name anywhere: no date with a day
    fields.day_date = months and DAY_DATE.search(text) is not None
    # the noise pattern matches nothing before a letter (but the "J" of "Jump up to")
    pos = 0 if text[:1].isalpha() and text[0] != "J" else _LEADING_NOISE.match(text).end()
    if text[pos:pos + 2] in _SIGNAL_STARTS:
        signal = _SIGNAL.match(text, pos)
        if signal is not None:  # "See Alvin D. Coox, ...", "Vgl. Sittler, David: ..."
            pos = signal.end()
    # (searched only where a "vom" or a day's full stop can follow a name: "14. März")
    day = text.find(". ", pos, pos + 70)
    newspaper = (_NEWSPAPER_OF_THE_DAY.match(text, pos)
                 if text[pos:pos + 1].isupper() and (" vom " in text or (day > 0 and text[day - 1].isdigit())) else None)
    if newspaper is not None:  # "Göttinger Tageblatt vom 14. März 1998, S. 9.": no author, no title
        fields.container, fields.day_date, fields.year = newspaper["name"], True, int(newspaper["year"])
        _take_tail(text[newspaper.end():], fields, has_url, months)
        return fields
    ditto = _DITTO.match(text, pos) if text[pos:pos + 1] in ("-", "_") else None
    if ditto:  # "———." : the same authors as the entry before
        fields.ditto, pos = True, ditto.end()
    else:
        # a capital after " (" among the authors: a nickname ("Rui (Celia) Pan") or a French
        # given name ("FERRIERES (Madeleine)"); most brackets there hold a year
        capital = _CAPITAL_IN_BRACKETS.search(text, pos, pos + _NICKNAME_REACH) is not None
        if capital:
            text = _drop_nicknames(text, pos)
        pos = _take_authors(text, pos, fields, capital)
        if not fields.authors and not fields.editors and text[pos:pos + 1].isupper():
            pos = _skip_commentary(text, pos, fields)
    dated = _take_leading_date(text, pos, fields)
    if dated != pos and fields.authors and not fields.editors and ("(ed" in text or "(Ed" in text or "(Hrsg" in text):
        dated = _take_editors_after_date(text, dated, fields)
    pos = dated
    slashes = text.find(" // ", pos)  # GOST: "Title / Authors // Journal. 1993. № 5. С. 3–21."
    if slashes > pos:
        _take_gost(text, pos, slashes, fields, has_url, months)
    else:
        tail_start = _take_title(text, pos, fields)
        if fields.title and fields.title[:1].islower() and " to " in fields.title:
            _front_matter_of(fields)
        _take_tail(text[tail_start:], fields, has_url, months)
    if fields.year is None:
        _take_any_year(text, fields)
    return fields


# Commentary before the work a Chicago note cites: "On this point see Koen Goudriaan, "Title,"
# ...", "For a recent discussion, see ...", "The best account is ...", "Goudriaan's argument is
# developed in ...". Prose (no quotes, emphasis, brackets) up to a word that hands over to the
# work's authors.
_HANDOVER = re.compile(r"(?:\s(?:see(?:\salso)?|cf\.|compare|in|is|are|by)|,\s(?:e\.g\.|for\s(?:example|instance)),?)\s(?=[A-Z])")
# what follows the authors of a cited work: its title, in quotes or emphasis, or a book's
_TITLE_AFTER_NAMES = re.compile(r',\s(?:["*_]|[A-Z][^()\x00"]{2,200}?\((?:[^():\x00]{2,60}):)')


def _skip_commentary(text: str, pos: int, fields: _Fields) -> int:
    """Where the authors start after a note's commentary (their names into ``fields``), or
    ``pos``: only names in natural order right before a title count, so an authorless
    title's "in Manchuria" is no hand-over."""
    stop = pos + 200
    for bound in (text.find('"', pos, stop), text.find("*", pos, stop), text.find("_", pos, stop)):
        if bound > 0:
            stop = min(stop, bound)
    for handover in _HANDOVER.finditer(text, pos, stop):
        commentary = text[pos:handover.start()]
        if any(c in commentary for c in "()[];:"):
            break
        people, end, _ = names.scan_names(text, handover.end())
        if people and len(people) <= 4 and _TITLE_AFTER_NAMES.match(text, end):
            fields.authors = people
            return end
    return pos


# Chicago's front matter of a book, cited as a chapter: "Richard Leppert, introduction to Art
# and the Committed Eye (New York: Routledge, 2019), 3-18." (the registry calls it "Introduction")
_FRONT_MATTER = re.compile(r"(?P<part>introduction|foreword|preface|afterword|epilogue|prologue)\s(?:to|of)\s(?P<book>[A-Z].{3,})")


def _front_matter_of(fields: _Fields) -> None:
    """The title "introduction to Book" as the chapter "Introduction" in the book."""
    match = _FRONT_MATTER.fullmatch(fields.title or "")
    if match is not None:
        fields.title, fields.container = match.group("part").capitalize(), match.group("book")
        fields.chapter = True


def _take_editors_after_date(text: str, pos: int, fields: _Fields) -> int:
    """CS1's editors between the date and the title: "Heumann, Georg Daniel (2021) [1747].
    Brednich, Rolf Wilhelm (ed.). Der Göttingische Ausruff ..." (else ``pos``)."""
    start = _SKIP.match(text, pos).end()
    people, end, _ = names.scan_names(text, start)
    mark = names.editor_mark(text, end) if people else None
    if mark is None or text[mark - 1] != ")":
        return pos
    fields.editors = people
    return mark


# --- GOST (the Russian standard, ГОСТ Р 7.0.5 / 7.1) ---------------------------------------
# "Хлевнюк О. В. Сталин и Молотов // Вопросы истории. 1993. № 5. С. 3–21.", also with the
# title first and the authors after a single slash ("Сталин и Молотов / О. В. Хлевнюк // ..."),
# with ". – " between the areas, and, for English works, "2005. Vol. 53, No. 1. P. 86–101."
# The double slash ends the title and names the container: a journal, or the book of a chapter
# ("// Stalinist Terror / ed. by J. A. Getty. Cambridge: CUP, 1993. P. 40–62.").
# GOST's imprint with the commonest places abbreviated: "М.: Наука", "Л.:", "СПб.:", "M.: ROSSPEN".
# (Its own pattern, tried where the usual one found nothing: as a branch of ``_PLACE_PUBLISHER``
# it made every search for an imprint a fifth slower.)
_GOST_PLACES_CYRILLIC, _GOST_PLACES_LATIN = "[МЛК]|СПб|Пг", "M|L|SPb"
# (a Latin one only at an area's start: "Jones, M.: Title" is a name)
_GOST_IMPRINT = re.compile(
    rf"(?<![\w.-])(?P<place>(?:{_GOST_PLACES_CYRILLIC}|(?<=\.\s)(?:{_GOST_PLACES_LATIN}))\.)\s?:\s?"
    r"(?P<publisher>[A-ZÀ-ÞА-ЯЁ&][^.;:()\[\]\"\x00]{0,80}?)(?=\s*(?:,\s*\d{4}|[.;)\]\x00]|$))"
)
_GOST_PLACE = re.compile(rf"(?<![\w.])(?:{_GOST_PLACES_CYRILLIC}|{_GOST_PLACES_LATIN})\.:\s")
_AREA_DASH = re.compile(r"\.\s-\s")
_PAGE_COUNT = re.compile(r"(?<![\w.])\d{1,4}\s?с\.(?!\s?\d)")
# A multi-volume work's count of volumes, "2 vols.": no volume or locator of its own.
_VOLUME_COUNT = re.compile(r"(?P<comma>,)?\s\d{1,2}\s+vols\.(?P<next>\s\(|\s)?")


def _volume_count_cut(match: re.Match[str]) -> str:
    """What stands for a count of volumes once it is cut: the period that ends the title
    when a comma led it in before a plain imprint ("Title, 2 vols. London: ..."); else what
    followed it ("Title, 2 vols. (London: ...)", "Title. 2 vols. London", "Title, 2 vols., ed.")."""
    after = match.group("next") or ""
    return ". " if match.group("comma") and after == " " else after
_GOST_PAGES = re.compile(r"(?<![\w.])P\.\s?(?=\d)")  # English works' "P. 86–101": pages
_GOST_CREDIT = re.compile(r"\s/\s(?:(?P<ed>ed\.\s?by|eds?\.|под\s(?:общ\.\s)?ред\.|пер\.|trans\.\sby)\s?)?")


def _take_gost(text: str, pos: int, slashes: int, fields: _Fields, has_url: bool, months: bool) -> None:
    """Title, container and the rest of a GOST reference, whose title ends at ``slashes``."""
    fields.contained = True
    credit = _GOST_CREDIT.search(text, pos, slashes)
    end = credit.start() if credit else slashes
    fields.title = text[pos:end].strip(_TRIM) or None
    translated = _TRANSLATED.search(text, pos, end) if fields.title and "[" in fields.title else None
    if translated:  # "Политбюро [The Politburo]"
        fields.title = text[pos:translated.start()].strip(_TRIM) or None
        fields.translated_title = translated.group("t").strip(_TRIM) or None
    if credit and not fields.authors and not fields.editors:  # the authors after the title
        people = names.scan_names(text[:slashes], credit.end())[0]
        if credit.group("ed"):
            fields.editors = people
        else:
            fields.authors = people
    tail = text[slashes + 4:]
    book = _GOST_CREDIT.search(tail)  # "// Stalinist Terror / ed. by J. A. Getty, R. T. Manning."
    if book is not None and "." not in tail[:book.start()].rstrip("."):
        people, after, _ = names.scan_names(tail, book.end())
        if people and book.group("ed") and not fields.editors:
            fields.editors = people
        tail = f"{tail[:book.start()]}{tail[after:] if people else tail[book.end():]}"
    if "P." in tail:
        tail = _GOST_PAGES.sub("pp. ", tail)
    _take_tail(tail, fields, has_url, months)
    loc = fields.locators
    if fields.publisher and loc.volume is None and loc.issue is None:
        fields.chapter = True  # a book's imprint after the "//": the container is a book


def _has_any(text: str, words: tuple[str, ...]) -> bool:
    """Whether one of ``words`` (a pattern's trigger words) is in ``text``."""
    for word in words:
        if word in text:
            return True
    return False


_ACCESSED_WORDS = ("etrieved", "ccessed", "iewed", "onsult", "ugriff am")  # one in every ACCESSED match


def _take_accessed(text: str, fields: _Fields) -> str:
    """An access date cut out of ``text`` (called when one of ``_ACCESSED_WORDS`` is there)."""
    match = ACCESSED.search(text)
    if match:
        fields.accessed = match.group("date")
        start = match.start() - 1 if match.start() and text[match.start() - 1] in "[(" else match.start()
        text = f"{text[:start]} {_CUT} {text[match.end():]}"
    return text


def _take_language(text: str, fields: _Fields) -> str:
    """``(in Russian)`` cut out of ``text`` (called when "in " or "In " is there)."""
    match = LANGUAGE.search(text)
    if match and match.group("lang").lower() in LANGUAGES:
        fields.language = LANGUAGES[match.group("lang").lower()]
        text = _cut(text, match)
    return text


# A verb no organisation's name has: "The thesis was defended at the University of ..." is
# the sentence of a commentary note, not an author.
_AUXILIARY = re.compile(r"\b(?:is|was|were|are|has|had|have|been|did|does)\b")
# (an abbreviation with its full stops may open it: "U.S. Food and Drug Administration")
_ORG_SEGMENT = re.compile(r"(?P<org>(?:(?:[A-Z]\.){2,4}\s)?[^.(\"\x00,]{3,120}?)(?=\.\s|\s\(|,\s\d{4}|\.$)")
# Harvard's and APA's author that is no person, named before the year: "BBC News (2019)", "Amnesty
# International (2020)". A few capitalised words (and the small words of a name), then the year.
_NAME_BEFORE_YEAR = re.compile(
    r"(?P<org>[A-Z][\w&'’-]*(?:\s(?:[A-Z][\w&'’-]*|of|and|for|the|on|&)){0,5}(?<=[\w])\s?(?<![a-z]\s))"
    r"(?=\s\((?:1[5-9]|20)\d\d[a-z]?(?:,[^()]{1,30})?\))"
)


# An organisation's name spelled out after its acronym, which short cites use: "FAO (Food and
# Agriculture Organization of the United Nations). 2022." (no digit: "(2022)" is the date).
_EXPANSION = re.compile(r"\s\((?=[^\W\d_])[^()\d\x00]{4,150}\)")


# A name's preferred or nickname in brackets, "Rui (Celia) Pan,", "Pan, R. (C.).", "Smith, John
# (Jack) (1998)": between a given name and the family name, or after an inverted name's given
# names. Not an editor's or translator's mark, "(Ed)", "(Editors)", nor a title's "at
# Chukotka (Russia)", nor French "FERRIERES (Madeleine)", the given name itself.
_NICKNAME = re.compile(r"\s\((?P<nick>[A-Z][a-z]+|[A-Z]\.)\)")
_NICKNAME_BEFORE_FAMILY = re.compile(r"\s[A-Z][\w'’-]+(?:[,;]|\s(?:and|&)\s)")  # "Rui (Celia)| Pan,"
_NICKNAME_AFTER_GIVEN = re.compile(r"\s?[.,;]|\s\(")  # "Pan, R. (C.)|.", "Smith, John (Jack)| (1998)"
_INVERTED_GIVEN_END = re.compile(r",\s(?:(?:[A-Z]\.\s?){1,3}|[A-Z][a-z]+)$")
_NOT_NICKNAMES = frozenset("Ed Eds Editor Editors Hrsg Hg Herausgeber Trans Translator Translators Comp Compiler "
                           "Compilers Dir Coord Org Orgs Red".split())
_NICKNAME_REACH = 120  # characters from the start of the authors
_CAPITAL_IN_BRACKETS = re.compile(r" \([A-ZÀ-Þ]")  # where every nickname and bracketed given name starts


def _drop_nicknames(text: str, pos: int) -> str:
    """``text`` without the nicknames among the authors that open it at ``pos`` (within
    ``_NICKNAME_REACH`` characters)."""
    nick = _NICKNAME.search(text, pos, pos + _NICKNAME_REACH)
    while nick is not None:
        at, end = nick.start(), nick.end()
        given_before = text[at - 1:at].isalpha() or text[at - 1:at] == "."
        natural = given_before and _NICKNAME_BEFORE_FAMILY.match(text, end)
        inverted = given_before and _NICKNAME_AFTER_GIVEN.match(text, end) and _INVERTED_GIVEN_END.search(
            text, max(pos, at - 24), at)
        if nick.group("nick") not in _NOT_NICKNAMES and (natural or inverted):
            end += text[at - 1] == "." and text.startswith(".", end)  # "R. (C.)." keeps one period
            text = text[:at] + text[end:]
            end = at
        nick = _NICKNAME.search(text, end, pos + _NICKNAME_REACH)
    return text


# French humanities' "NOM (Prénom)" and "Nom (P.)": the given name in brackets after the family
# name, "FERRIERES (Madeleine), Nourritures canailles", "Codou (Y.), Paysage religieux",
# "DUPONT (J.) et MARTIN (P.),". The family name in capitals or the given name in initials:
# "Reuters (London)," is a newspaper's place.
_BRACKETED_GIVEN = re.compile(
    r"(?:(?P<caps>[A-ZÀ-Þ][A-ZÀ-Þ'’-]+(?:[ -][A-ZÀ-Þ][A-ZÀ-Þ'’-]+){0,2})\s\((?P<word>[A-ZÀ-Þ][a-zà-ÿ]+(?:[ -][A-ZÀ-Þ][a-zà-ÿ]+)?)\)"
    r"|(?P<family>[A-ZÀ-Þ][\w'’-]+(?:[ -][A-ZÀ-Þ][\w'’-]+)?)\s\((?P<initials>(?:[A-ZÀ-Þ][a-z]?\.\s?-?){1,3})\))"
    r"(?P<sep>,\s|\set\s|\s&\s|;\s)"
)


def _bracketed_given_names(text: str, pos: int) -> tuple[list[Person], int]:
    """The authors at ``pos`` in the form "NOM (Prénom), ", and where their list ends (at the
    separator after the last: a comma ends the list unless another such name follows it)."""
    people: list[Person] = []
    match = _BRACKETED_GIVEN.match(text, pos)
    end = pos
    while match is not None:
        if match.group("caps"):
            people.append(Person(match.group("caps"), match.group("word")))
        else:
            people.append(Person(match.group("family"), match.group("initials").strip()))
        end = match.start("sep")
        match = _BRACKETED_GIVEN.match(text, match.end())
    return people, end


def _take_authors(text: str, pos: int, fields: _Fields, capital_in_brackets: bool) -> int:
    """The authors (or editors) opening ``text`` at ``pos`` into ``fields``; where they end.
    ``capital_in_brackets``: a capital follows " (" near ``pos`` (else no French "NOM
    (Prénom)" is looked for)."""
    if capital_in_brackets and text.find(" (", pos, pos + 40) > 0:
        people, end = _bracketed_given_names(text, pos)
        if people:
            fields.authors = people
            return end
    org = _ORG_SEGMENT.match(text, pos)
    if (org and names.is_organisation(org.group("org")) and len(org.group("org").split()) <= 10
            and not _AUXILIARY.search(org.group("org"))):
        people, end = [Person(org.group("org").strip())], org.end()
    else:
        people, end, _ = names.scan_names(text, pos)
        if not people:
            caps = names.scan_caps_author(text, pos)
            if caps:
                people, end = [caps[0]], caps[1]
                expansion = _EXPANSION.match(text, end) if text.startswith(" (", end) else None
                if expansion is not None:  # "FAO (Food and Agriculture Organization ...). 2022."
                    end = expansion.end()
            elif text[pos:pos + 1].isupper() and " (" in text:
                name = _NAME_BEFORE_YEAR.match(text, pos)
                if name is not None:  # "BBC News (2019) 'Title'"
                    people, end = [Person(name.group("org").strip())], name.end()
    if not people:
        return pos
    if len(people) > 1 and text[end:end + 1] in _AFTER_TITLE_READ_AS_NAME:
        end = _title_read_as_name(text, pos, end, people)
    if text.startswith(" (", end) and "ollab" in text:
        group = _COLLABORATION.match(text, end)
        if group is not None:  # CS1's "Bernauer, J. C.; ...; et al. (OLYMPUS Collaboration) (2021)."
            end = group.end()
    mark = names.editor_mark(text, end)
    if mark is not None:
        fields.editors = people
        return mark
    fields.authors = people
    return end


_AFTER_TITLE_READ_AS_NAME = (" ", ":", ",", ".")  # what may follow a title in a list of names
# The collaboration a physics paper's authors wrote for, in brackets after their names.
_COLLABORATION = re.compile(r"\s\((?:for\s)?(?:the\s)?[^()\x00]{1,60}\s[Cc]ollaborations?\)")
# A book's imprint in brackets: "(Chicago: University of Chicago Press, 1961)".
_IMPRINT_BRACKET = re.compile(r"\((?:[^():\x00]{2,60}):\s?[^():\x00]{2,120}?\b(?:1[5-9]|20)\d\d[a-z]?\)")
# A Chicago note's book, "Given Family, Title (Place: Publisher, Year), page.": the title
# (with its subtitle, if any, and its editors or translator) before the bracketed imprint.
_TITLE_BEFORE_IMPRINT = re.compile(
    r"(?::\s[^()\x00]{2,200}?)?(?:,\s(?:ed\.|eds\.|trans\.|edited\sby|translated\sby)\s[^()\x00\"]{2,160}?)?"
    rf"\s{_IMPRINT_BRACKET.pattern}")
# The same title before a publisher and year alone, bracketed (Chicago: "Metaphysical Song: An
# Essay on Opera (Princeton University Press, 1999)") or not (IEEE: "Photovoltaic Materials,
# Imperial College Press, 1998."); the publisher must name itself one.
_TITLE_BEFORE_PUBLISHER = re.compile(
    r"(?::\s[^()\x00.,]{2,200}?)?(?:\s\(|[.,]\s)(?P<publisher>[A-Z][^.,:;()\x00\"]{2,80}),\s(?:1[5-9]|20)\d\d\b")
_PUBLISHER_NAMES_ITSELF = re.compile(r"\b(?:Press|Publish\w*|Society|University|Institute|Verlag|Books)\b")
# The same title before an imprint written with commas, as French and Italian notes do ("Jean
# Dupont, Histoire de la France, vol. 1, Paris, Gallimard, 1990"): a volume, if any, then a
# place of one or two capitalised words, a publisher and the year.
_TITLE_BEFORE_COMMA_IMPRINT = re.compile(
    r"(?::\s[^()\x00,]{2,200}?)?,\s(?:(?:vol|t|tome|Bd|Band)\.?\s[\dIVXL]+,\s)?"
    r"[A-Z][\w'’-]+(?:[\s-][A-Z][\w'’-]+)?,\s[A-Z][^,()\x00]{1,60},\s(?:1[5-9]|20)\d\d\b")
# The last name of a list as it is written when it is a natural-order name joined by a bare
# comma: capitalised words only (tested apart), no initials.
_BARE_NATURAL_NAME = re.compile(r"(?:[^\W\d_][\w'’-]*\s){1,3}[^\W\d_][\w'’-]*")


def _title_read_as_name(text: str, pos: int, end: int, people: list[Person]) -> int:
    """``end``, or where the book's title starts when the last of ``people`` is that title.

    Chicago's note "Sheila Fitzpatrick, Everyday Stalinism (Oxford: Oxford University Press,
    1999), 3." reads like two natural-order names: "Everyday Stalinism" has a given word and a
    family one. But a list's last name follows "and" or "&" in every style that writes names
    in natural order, and no name is followed by an imprint ("(Place: Publisher, Year)", or a
    publisher and the year), alone or after a subtitle: a title is.
    """
    last = text.rfind(", ", pos, end)
    words = text[last + 2:end].split() if last >= 0 else ()
    # (capitalised words, a name's particles between them: "Charles de Gaulle", "Histoire de la France")
    if not words or not _BARE_NATURAL_NAME.fullmatch(text, last + 2, end) or not all(
            word[0].isupper() or word in names.PARTICLES for word in words[1:-1]) or not (
            words[0][0].isupper() and words[-1][0].isupper()):
        return end
    if not _TITLE_BEFORE_IMPRINT.match(text, end) and not _TITLE_BEFORE_COMMA_IMPRINT.match(text, end):
        publisher = _TITLE_BEFORE_PUBLISHER.match(text, end)
        if publisher is None or not _PUBLISHER_NAMES_ITSELF.search(publisher.group("publisher")):
            return end
    del people[-1]
    return last


# After its lead (whitespace and one of ".,:"), every LEADING_DATE match goes on with "(", a digit
# (a day or the year) or a month name's capital: after anything else ('"Title"', a title word)
# it cannot match. (``_CUT_GAP``, stripped first, holds the lead's characters and ";": stripping
# more than the lead can only let the regex run where it then fails.)
_DATE_STARTS = "(JFMASONDW"


def _take_leading_date(text: str, pos: int, fields: _Fields) -> int:
    first = text[pos:pos + 3].lstrip(_CUT_GAP)[:1]  # (empty: the lead is longer, let the regex see)
    if first and first not in _DATE_STARTS and not first.isdecimal():  # isdecimal: what \d is
        return pos
    match = LEADING_DATE.match(text, pos)
    if not match or (not fields.authors and not fields.editors and not fields.ditto and match.group("open") is None
                     and pos > 0):
        return pos
    undated, year, year2, suffix, suffix2, original, inside = match.group(
        "nd", "year", "year2", "suffix", "suffix2", "orig", "orig_in")
    original = original or inside  # "(1972) [1969]" or "(1984 [1970])"
    if undated:
        fields.undated = True
        return match.end()
    fields.year = int(year or year2)
    fields.year_suffix = suffix or suffix2 or ""
    if original:
        fields.original_year = int(original)
    end = match.end()
    orig = ORIGINAL_YEAR.match(text, end) if text.find("[", end) >= 0 else None  # "(1972) [1969]"
    if orig and fields.original_year is None:
        fields.original_year, end = int(orig.group("orig")), orig.end()
    return end


# A German (or Scandinavian) day of the month with its ordinal full stop, then the month and year.
_ORDINAL_DAY = re.compile(rf"\.\s(?:{FOREIGN_MONTH}|{MONTH})\s{YEAR}\b")


def _sentence_end(text: str, pos: int, limit: int) -> int:
    """The end of the sentence starting at ``pos``: a period not after an initial/abbreviation."""
    match = _SENTENCE.search(text, pos, limit)
    while match:  # _SENTENCE.finditer (no match is empty)
        at = match.start()
        mark = text[at]
        if mark != ".":
            return at if mark != "?" and mark != "!" else match.end()
        # The letters right before the period, back to ``pos`` at most (inline: one call less
        # for every period): usually the word after the last space ("Studies", "Knopf").
        start = text.rfind(" ", pos, at) + 1
        word = text[start if start > pos else pos:at]
        if not word.isalpha():  # or it has more than letters ("(eds", "J.-P") or is empty
            start = at
            while start > pos and text[start - 1].isalpha():
                start -= 1
            word = text[start:at]
        if len(word) == 1 and word.isupper():
            if text.startswith((" In: ", " In "), at + 1):
                return at  # a regnal numeral before the container: "Queen Elizabeth I. In: History"
            # an initial: "Alfred A. Knopf"
        elif not word and text[at - 1:at].isdigit() and _ORDINAL_DAY.match(text, at):
            pass  # a German day's date, "Die Zeit, 14. März 2019": the day's ordinal full stop
        elif len(word) > _LONGEST_ABBREVIATION or word.lower() not in _ABBREVIATIONS:
            return at  # (``lower`` makes no word shorter)
        match = _SENTENCE.search(text, match.end(), limit)
    return limit


# After a quoted title: more of the same title, lower case ('"Like" and language ideology') or
# a second quoted title ('"Nocturne" and "Five Tales"'); not "in" (Chicago: '"Title" in Book').
# (or after a dash or colon: '"It feels better"—measuring clinical benefit.')
_AFTER_QUOTE = re.compile(
    r"""(?:\s|-\s?|:\s)(?:(?:and|&|et|und)\s(?P<q>["'])|(?P<word>(?!in\b|en\b|dans\b|ed\b|eds\b|edited\b|trans|pp?\b|vol\b|"""
    r"""accessed\b|retrieved\b|available\b|from\b|by\b|http|www)[a-z]{2,}\b))"""
)
_QUESTION_NEXT = re.compile(r"\s[A-Za-z][^\x00\d.?!:;()]*\.(?=\s\S)")
# Vancouver's journal after a sentence, its abbreviation without periods before the year and
# volume: "Alcohol Clin Exp Res. 2014;38(7):2184-93."
_VANCOUVER_JOURNAL_NEXT = re.compile(r"\s[A-Z][^\x00\d.?!:;()]*\.\s(?:1[5-9]|20)\d\d(?:\s[A-Z][a-z]{2})?;")


def _quote_end(text: str, pos: int, quote: str) -> int:
    """The end of the quoted title opening at ``pos``."""
    closing = (_DOUBLE_CLOSE if quote == '"' else _SINGLE_CLOSE).search(text, pos + 1)
    return closing.end() if closing else len(text)


def _after_question(text: str, end: int, limit: int) -> int:
    """A title's question and its subtitle: "How many deer? A field guide to estimating deer
    population size." The next sentence belongs to the title when it has five words or more,
    no digits, and no journal or publisher words, and more follows it; or, whatever its words
    (two or more), when a Vancouver journal and date follow it ("Is the alcohol deprivation effect
    genetically mediated? Studies with HXB/BXH recombinant inbred rat strains. Alcohol Clin
    Exp Res. 2014;38(7)")."""
    more = _QUESTION_NEXT.match(text, end, limit)
    if more is None:
        return end
    words = more.group().count(" ")
    if words >= 5 and not _JOURNAL_WORDS.search(more.group()) and not _PUBLISHER_WORDS.search(more.group()):
        return more.end() - 1
    if words >= 2 and _VANCOUVER_JOURNAL_NEXT.match(text, more.end()):
        return more.end() - 1
    return end


def _take_title(text: str, pos: int, fields: _Fields) -> int:
    pos = _SKIP.match(text, pos).end()
    if pos >= len(text):
        return pos
    if text[pos] in "Ii" and _IN.match(text, pos) and (fields.authors or fields.editors):
        return pos  # no title of its own: the tail starts with "In ..."
    quote = text[pos]
    if quote == '"' or (quote == "'" and _SINGLE_CLOSE.search(text, pos + 1)):
        closing = _DOUBLE_CLOSE.search(text, pos + 1) if quote == '"' else _single_close(text, pos + 1)
        close = closing.start() if closing else text.find(quote, pos + 1)
        close = len(text) if close < 0 else close
        end = close + 1
        more = _AFTER_QUOTE.match(text, end) if close < len(text) and text[close - 1].isalnum() else None
        if more:  # '"Like" and language ideology.', '"A Study in Scarlet" and "The Sign of Four."'
            end = _sentence_end(text, more.end(), len(text)) if more.group("word") else _quote_end(
                text, more.end(), more.group("q"))
            fields.title = text[pos:end].strip(_TRIM) or None  # the quotation marks are the title's own
        else:
            fields.title = text[pos + 1:close].strip(_TRIM) or None
        fields.quoted = True
        script = _ORIGINAL_SCRIPT_TITLE.match(text, end) if text[end + 1:end + 2] >= "\u0386" else None
        if script is not None:  # CS1's title in its own script after the romanised one
            end = script.end()
        elif text.startswith(" (", end):
            romanised = _ROMANISED_TITLE.match(text, end)
            if romanised is not None:  # Chicago's: '"Это не просто бизнес" (Eto ne prosto biznes) [It is not ...]'
                end = romanised.end()
    else:
        limit = len(text)
        stop = _PAREN_STOP.search(text, pos)
        if stop:
            limit = stop.start() - (text[stop.start() - 1] == " ")
        bracket = text.find("[", pos, limit)
        while bracket > pos and (not _BRACKET_AFTER_TITLE.match(text, bracket + 1)
                                 or _FORMULA.match(text, bracket + 1)):
            bracket = text.find("[", bracket + 1, limit)  # "[2+3] cycloaddition": the title's own
        if bracket > pos:
            limit = bracket  # a translated title "[...]", "[in Russian]", "[online]", "[1969]"
        end = _sentence_end(text, pos, limit)
        if text[end - 1:end] in ("?", "!"):
            end = _after_question(text, end, limit)
        if text.find(", in", pos, end) >= 0:  # every _IN_AFTER_TITLE match has it
            into = _IN_AFTER_TITLE.search(text, pos, end)
            if into is not None:
                end = into.start()
        if _DIGIT.search(text, pos, end):
            loc = find_locators(text[pos:end])
            # (not a year read as a volume with no pages: "... Conference 2001 (BOSC 2001).")
            if loc.start > 0 and not (loc.pages is None and loc.volume and YEAR_ONLY.fullmatch(loc.volume)):
                end = pos + len(text[pos:pos + loc.start].rstrip(" ,"))  # "..., Computer Communications, Vol. 15"
        if text.find(", ", pos, end) >= 0:  # (no slice made to look)
            end = _comma_title_end(text, pos, end, fields)
            if not text.startswith("eview of", pos + 1):
                # (a few characters past the end: "hg. v. NAME" ends a sentence at "v.")
                credit = _CREDIT_AFTER_TITLE.search(text, pos, min(end + 4, len(text)))
                if credit is not None and credit.start() < end:  # Chicago's note: "Feudal Society, trans. L. A. Manyon (Chicago: ...)"
                    end = credit.start()  # (a review's "BOOK, ed. NAME" is all the review's title)
        fields.title = text[pos:end].strip(_TRIM) or None
    translated = _TRANSLATED.match(text, end) if text.find("[", end) >= 0 else None
    if translated:
        fields.translated_title = translated.group("t").strip(_TRIM) or None
        end = translated.end()
    return end


# The editors or translator after a book's title in a Chicago note, before its imprint (and in a
# German one: "Der Göttingische Ausruff von 1744, hg. von Rolf Wilhelm Brednich, Göttingen: ...").
_CREDIT_AFTER_TITLE = re.compile(
    r",\s(?=(?:ed\.|eds\.|trans\.|edited\sby|translated\sby|(?:[Hh]g|[Hh]rsg|übers)\.\sv(?:on|\.))\s[A-Z])")


# Comma-only styles ("Nelson, J., The Physics of Solar Cells, Imperial College Press, 2003";
# "Feferman, S., Title, J. Symbolic Logic, 27, 259-316") run title, container, publisher and
# year together: the title ends at the first comma piece that reads as one of those.
_LOCATOR_PIECE = re.compile(r"(?:\d{1,4}(?![\d-])|(?:[Vv]ol|[Nn]o|[Nn]r|pp?|[Vv]|[Tt]ome|t(?=\.\s\d))\b\.?(?:\s|$)|[Vv]ol\.|[Nn]°).*")
_YEAR_PIECE = re.compile(r"\(?(?P<year>1[5-9]\d\d|20[0-4]\d)[a-z]?\)?")
_ABBREVIATED_PIECE = re.compile(r"(?:[A-Z][a-z]{0,5}\.\s|[A-Z]{2,5}\s[A-Z]\.\s)")  # "J. Symbolic Logic", "SIAM J. of"
_CONTAINER_WORDS = keywords(
    "Journal", "Review", "Transactions", "Proceedings", "Conference", "Symposium", "Workshop",
    "Letters", "Bulletin", "Annals", "Magazine", "magazine", "Presented", "Zeitschrift", "Revue",
)
_PLACE_PIECE = re.compile(r"[A-ZÀ-Þ][\w'’.-]+(?:\s[A-Z][\w'’.-]+)?")  # "Paris", "New York"
_STATE = re.compile(r"(?:[A-Z]\.\s?){1,2}\s|[A-Z]{2}\b")  # "D. C.", "NY" after a place
_IMPRINT_PIECE = re.compile(r"[A-Z][a-z]+(?:\s[A-Z][a-z]+)?:\s[A-Z][\w'’&.-]*(?:\s[A-Z][\w'’&.-]*){0,3}")  # "London: Geoffrey Chapman"
# The same imprint with its year, as German notes write it: "Göttingen: Universitätsverlag Göttingen 2021".
_IMPRINT_YEAR_PIECE = re.compile(rf"{_IMPRINT_PIECE.pattern}\s(?:1[5-9]|20)\d\d")
_SHORT_NAME = re.compile(r"(?:[A-Z][\w'’&.-]*)(?:\s(?:[A-Z][\w'’&.-]*|&|and|of|de|du|la|le))?(?:\s[A-Z][\w'’&.-]*)?")
# A book's imprint written with commas and the year: "Paris, Gallimard, 1990", "Roma-Bari, Laterza,
# 1985", after the book's tome, if any ("t. 1, Paris, Gallimard, 1984": no journal's volume).
_COMMA_IMPRINT = re.compile(rf"(?:t\.\s\d{{1,3}},\s)?(?P<place>{_PLACE_PIECE.pattern}),\s(?P<publisher>{_SHORT_NAME.pattern}),\s(?:1[5-9]|20)\d\d[a-z]?")
# A whole book note in the French manner, author, title, place, publisher and year between
# commas ("Pierre Broué, Trotsky, Paris, Fayard, 1988, p. 845."), which _SHORT_CITE's
# author-year form would take for "Fayard, 1988, p. 845" (a short cite has fewer pieces).
_BOOK_WITH_COMMA_IMPRINT = re.compile(rf"[^,]{{2,80}},\s[^,]{{2,120}},\s{_COMMA_IMPRINT.pattern}")
# Where most books are published: such a name after the comma is the place, after its publisher.
_PUBLISHING_CITIES = frozenset({
    "Paris", "London", "New York", "Berlin", "Oxford", "Cambridge", "Moscow", "Moskva", "Roma", "Rome",
    "Milano", "Madrid", "Barcelona", "Amsterdam", "Leiden", "Chicago", "Boston", "Toronto", "Stuttgart",
    "München", "Munich", "Frankfurt", "Wien", "Vienna", "Lyon", "Bruxelles", "Brussels", "Genève",
    "Torino", "Firenze", "Bologna", "Lisboa", "Warszawa", "Praha", "Budapest", "Tokyo",
})
_LOCATORS_AFTER = re.compile(r"[\s,\x00]*(?:\(?\d+\b|(?:[Vv]ol|[Nn]o|pp?|[Vv])\b\.?)")


def _comma_pieces(text: str, pos: int, end: int) -> list[int]:
    """Where each ", " outside brackets in ``text[pos:end]`` is."""
    commas = []
    at = text.find(", ", pos, end)
    nested = "(" in text[pos:end] or "[" in text[pos:end]
    while at >= 0:
        if not nested or _depth(text, pos, at) == 0:
            commas.append(at)
        at = text.find(", ", at + 2, end)
    return commas


def _depth(text: str, pos: int, at: int) -> int:
    span = text[pos:at]
    return span.count("(") + span.count("[") - span.count(")") - span.count("]")


_PLACE_COLON = re.compile(r"\.\s[A-Z][\w ,.]{0,40}?:\s")


def _abbreviation(text: str, end: int, piece: str) -> bool:
    """Whether ``piece``, the last word before the period at ``end``, is a journal's abbreviated
    first word ("Int. J. Wildland Fire", "Math. Programming"), not a place ("Quebec, Canada.")
    or a title's last word before ``Place: Publisher``."""
    return (text[end:end + 1] == "." and piece.isalpha() and len(piece) <= 5 and piece[:1].isupper()
            and piece[-1] not in "aeiouy" and not _PLACE_COLON.match(text, end))


def _comma_title_end(text: str, pos: int, end: int, fields: _Fields) -> int:
    commas = _comma_pieces(text, pos, end)
    if not commas:
        return end
    bounds = [*commas, end]
    pieces = [text[c + 2:bounds[i + 1]].strip(_TRIM) for i, c in enumerate(commas)]
    for i, piece in enumerate(pieces):
        last = i == len(pieces) - 1
        year = _YEAR_PIECE.fullmatch(piece)
        if year:
            if (int(year.group("year")) != fields.year if fields.year is not None
                    else YEAR_RE.search(text, end) is not None):
                return end  # "Nomonhan: Japan Against Russia, 1939 (Stanford: ..., 1985)": the title's own
            cut = i
            while cut > 0 and cut >= i - 2 and _SHORT_NAME.fullmatch(pieces[cut - 1]):
                cut -= 1  # "Paris, Flammarion, 1987": place and publisher
            return commas[cut]
        if _LOCATOR_PIECE.match(piece):
            cut = i
            if i > 0 and pieces[i - 1][:1].isupper() and not piece.startswith("t. "):
                cut = i - 1  # "Burlington magazine, No. 1254": the container before (a tome is a book's)
            return commas[cut]
        if i > 0 and ":" not in piece and _PLACE_PIECE.fullmatch(pieces[i - 1]) and _PUBLISHER_WORDS.search(piece):
            return commas[i - 1]  # "Title, Paris, Seuil": the place before the publisher
        if (_PUBLISHER_WORDS.search(piece) or _CONTAINER_WORDS.search(piece) or _ABBREVIATED_PIECE.match(piece)
                or (last and _abbreviation(text, end, piece)) or _IMPRINT_YEAR_PIECE.fullmatch(piece)
                or (not last and _IMPRINT_PIECE.fullmatch(piece) and _YEAR_PIECE.fullmatch(pieces[i + 1]))):
            return commas[i]
    if _LOCATORS_AFTER.match(text, end) and pieces[-1][:1].isupper():
        return commas[-1]  # "Title, Computers and the Humanities 25 (1): 47-53"
    return end


def _take_tail(tail: str, fields: _Fields, has_url: bool, months: bool) -> None:
    """Container, editors, edition, locators and publisher from the text after the title."""
    if "eview of" in tail:  # every _REVIEW_OF match has it
        tail = _cut_review_of(tail)
    elif fields.title and fields.title[1:10] == "eview of ":
        if "by " in tail[:6]:
            tail = _cut_review_of(tail, _REVIEWED_BY)  # "Sergei Kiselev, review of BOOK, by D. N. Zamiatin, Ab Imperio"
        elif (imprint := _REVIEWED_IMPRINT.match(tail)) is not None:  # "review of BOOK, by AUTHOR (Place: Publisher, 1967), Journal"
            tail = f"{_CUT} {tail[imprint.end():].lstrip(' .,')}"
        else:  # Oxford's "review of AUTHOR, *Book*, *Journal*, 73 (1968)": the book before the journal
            book = _REVIEWED_BOOK.match(tail)
            if book is not None:
                tail = f"{_CUT} {tail[book.end():]}"
    if ("repr" in tail or "Repr" in tail) and fields.year is None:  # "(1996; repr., New York: Routledge, 2019)"
        reprint = _REPRINT.search(tail)
        if reprint is not None:
            fields.year, fields.original_year = int(reprint.group("year")), int(reprint.group("orig"))
    # _IN may match only where, after the punctuation and cuts it skips, "In" or "in" comes first
    # (or another whitespace, which it skips too)
    first = tail.lstrip(" .,:;\x00")[:1]
    into = _IN.match(tail) if first == "I" or first == "i" or first == "d" or first.isspace() else None
    if not into:
        into = _IN_LATER.search(tail) if " In" in tail or ", in" in tail else None
        if into and fields.title and not any(ch.isdigit() for ch in tail[:into.start()]):
            fields.title = f"{fields.title}. {tail[:into.start()].strip(_TRIM)}".strip(_TRIM)
        elif into:
            into = None
    # German notes put a journal after "in:" as well as a book: "in: Forum 37 (2021), Heft 2"
    german_in = into is not None and ("in:" in into.group() or "In:" in into.group())
    if into and tail.startswith('"', into.end()):
        tail = _take_quoted_container(tail, into.end(), fields)  # 'in "la Repubblica", 12 marzo 2019'
    elif into and tail.startswith("Proc. ", into.end()):
        tail = _take_ieee_proceedings(tail, into.end(), fields)
    elif into:
        fields.chapter = True
        if tail.endswith((")", ").", ")\x00", "). \x00")) and "(" in tail:
            tail = _nature_chapter(tail, fields)
        tail = _take_in_editors(tail, into.end(), fields)
    elif fields.title and fields.title.startswith(_CHAPTER_WORDS) and _CHAPTER_TITLE.match(fields.title):
        fields.chapter = True
    if tail[:2] == " (":  # every _BOOK_VOLUME match starts so (the title ends before the bracket)
        book = _BOOK_VOLUME.match(tail)
        if book is not None:
            tail = f" ({book.group('ed')}){tail[book.end():]}" if book.group("ed") else tail[book.end():]
    if " of " in tail and "ol" in tail:  # every _VOLUME_OF match has both
        tail = _VOLUME_OF.sub(_CUT, tail, 1)
    if _has_any(tail, _CREDIT_WORDS):
        tail = _take_editors(tail, fields)
    if _has_any(tail, _EDITION_WORDS):
        tail = _take_edition(tail, fields)
    loc = find_locators(tail, 0, fields.year, fields.contained)
    fields.locators = loc
    if (loc.volume is not None and loc.spans and ")," in tail
            and (imprint := _IMPRINT_THEN_LOCATOR.search(tail)) is not None and not tail[imprint.end():loc.spans[0][0]].strip(" ,")):
        # Chicago's note on a volume of a multivolume book: "(New York: Harper & Row, 1972), 1:25"
        # cites volume 1, page 25, after the imprint: a pinpoint, not a journal's locators
        if loc.pages is not None:
            loc.pinpoints = (loc.pages.raw,)
        loc.volume, loc.issue, loc.pages = None, None, None
    if german_in and loc.volume is not None and not fields.editors:
        fields.chapter = False  # a journal's volume and no editors: "in: Forum 37 (2021)"
    german_page = "S." in tail  # "S. 47", before it is blanked
    if loc.start >= 0:  # (a year only comes with a locator)
        if loc.year is not None and fields.year is None:
            fields.year = loc.year
        if loc.pages is not None and loc.pages.last is not None and not loc.pinpoints:
            _take_pinpoint_after_range(tail, loc)
        tail = _blank_locators(tail, loc.spans)
    pin = PINPOINT_AFTER_PAREN.search(tail) if ")," in tail else None  # every match starts with "),"
    if pin and not loc.pinpoints:
        loc.pinpoints = (pin.group("pin"),)
        tail = _cut(tail, pin)
    if fields.year is None and not fields.undated and "d." in tail:  # every _UNDATED match has it
        tail = _take_undated(tail, fields)
    if ":" in tail:  # every _PLACE_PUBLISHER match has one
        # before a journal's volume a colon is the journal's own ("IEEE Transactions on
        # Systems, Man, and Cybernetics: Systems, 43(4)"): no imprint is looked for there
        # (a "volume" that is a year, "Oxford: Blackwell, 1999. 13-14.", is not a journal's)
        # (nor a GOST book's volume: "М.: Академия, 2011. Т. 2.")
        journal = (loc.volume is not None and not YEAR_ONLY.fullmatch(loc.volume)
                   and not (".:" in tail and _GOST_PLACE.search(tail)))
        tail = _take_publisher(tail, fields, loc.start if journal else 0)
    if fields.year is None:
        _take_tail_year(tail, fields)
    place_and_year = None
    if german_page and fields.publisher is None and into is None:
        place_and_year = _PLACE_AND_YEAR.search(tail)
        if place_and_year is not None:
            fields.place = place_and_year.group("place")
            tail = f"{tail[:place_and_year.start()]}{_CUT}{tail[place_and_year.end():]}"
    _take_segments(tail, fields, loc.start >= 0 or into is not None, has_url, months)
    if place_and_year is not None and fields.container and loc.issue is None:
        # a German book's subtitle before its place and year: "Unternehmensorganisationspflichten.
        # Zivilrechtliche und öffentlich-rechtliche Regelungskonzepte. Göttingen 2013, S. 47."
        fields.title = f"{fields.title}. {fields.container}" if fields.title else fields.container
        fields.container = None
    if (fields.container and fields.place and fields.publisher and into is None and loc.volume is None
            and loc.issue is None and (loc.pages is None or loc.pages.last is None)
            and not (fields.quoted or fields.chapter or fields.contained) and fields.title):
        # A book's subtitle after a period, before its imprint: "Generation | Garderobe |
        # Geschlecht. Kleidungspraxis bei Mutter-Tochter-Paaren (Series), Göttingen: Verlag
        # 2015, S. 41." A chapter's book comes after "In", a journal has its volume. (A range
        # of pages may be a chapter's whose "In" was left out: "Title. Book II: Theory, 64-99.")
        fields.title = f"{fields.title}. {_SERIES_AFTER.sub('', fields.container)}"
        fields.container = None
    if (loc.pages is not None and (fields.publisher or place_and_year) and not fields.container
            and loc.volume is None and loc.issue is None and not fields.chapter and into is None):
        # a book's note cites pages; a book has no range of its own: "R. Martin, Shakespeare and
        # Ecology, Oxford, Oxford University Press, 2015, pp. 3-5.", and Chicago's "The Politics
        # of the Past (Cambridge: CUP, 2019), 3-5."
        loc.pinpoints, loc.pages = (loc.pages.raw,), None


# A German book's imprint of place and year alone, before the page cited: "Göttingen 2013, S. 47",
# "Berlin/Heidelberg 1973, S. 88" (no journal is named so: it has a volume before its year).
_PLACE_AND_YEAR = re.compile(
    r"(?<=[.,\x00]\s)(?P<place>[A-ZÄÖÜ][a-zäöüß]+(?:\s?/\s?[A-ZÄÖÜ][a-zäöüß]+)?(?:\su\.\s?a\.)?)\s(?:1[5-9]|20)\d\d"
    r"(?=,\s\x00)")  # (the page cited, blanked by then)
# The word before a place that makes it the second of two: "Montreal and Ithaca, NY: ...".
_PLACES_JOINED_BY = frozenset(("and", "und", "et"))
# A series named in brackets after a book's title: "(Göttinger Studien zur Kulturanthropologie)".
_SERIES_AFTER = re.compile(r"\s\([^()]{3,120}\)$")
# A book's imprint in brackets and the locator right after it (``_take_tail``).
_IMPRINT_THEN_LOCATOR = re.compile(rf"{_IMPRINT_BRACKET.pattern}(?=,\s?\d+:\d)")


# Chicago's reprint: "(1996; repr., New York: Routledge, 2019)", "1969; repr., New York: Dover,
# 1972": the year of the edition cited, and the original's.
# (and the bibliography's "1899. Reprint, New York: Dover, 1994.")
_REPRINT = re.compile(r"(?P<orig>1[5-9]\d\d|20\d\d)[;,.]\s+[Rr]epr(?:int(?:ed)?)?\.?,?\s[^()]{0,120}?(?P<year>1[5-9]\d\d|20\d\d)")
# Chicago's review: '"Title," review of BOOK, by AUTHOR, Journal 43, no. 2 (1929): 352.'
_BY_REVIEWED = r"(?:by|ed\.|edited\sby)\s"
_REVIEW_OF = re.compile(rf"[\s.,\x00]*[Rr]eview\s+of\s.+?,\s{_BY_REVIEWED}")
# The same review whose title is "review of BOOK": the tail opens with ", by AUTHOR".
_REVIEWED_BY = re.compile(rf"[\s.,\x00]*{_BY_REVIEWED}")


# Oxford's review names the book's author first, "review of Edgar Anderson, *Latvijas
# Vesture*, *American Historical Review*, 73 (1968)": the title ends at the author, and the
# book (its emphasis gone, a sentence of its own) comes before the journal and its volume.
_REVIEWED_BOOK = re.compile(r"(?:\s?\((?:eds?|Hrsg)\.\))?[\s.,\x00]*[^.\x00]{2,200}?\.\s(?=[A-Z][^.\x00]{2,120}?,?\s(?:vol\.\s)?\d)")


def _cut_review_of(tail: str, review: re.Pattern[str] = _REVIEW_OF) -> str:
    """The tail without a review's "review of BOOK, by AUTHOR" (``_REVIEWED_BY``: without the
    ", by AUTHOR" of a review titled "review of BOOK") before the journal: the journal's name
    follows it, not the book's."""
    match = review.match(tail)
    if match is None:
        return tail
    people, end, _ = names.scan_names(tail, match.end())
    last = tail.rfind(", ", 0, end)
    if len(people) > 1 and tail[end:].lstrip()[:1].isdigit() and last > match.end():
        # the last "name" is the journal's, before its volume: "by D. N. Zamiatin, Ab Imperio 2004"
        people, end, _ = names.scan_names(tail[:last], match.end())
    if not people:
        return tail
    imprint = _REVIEWED_IMPRINT.match(tail, end)  # the book's "(Stockholm: Daugava, 1967)": not the journal's
    return f"{_CUT} {tail[imprint.end() if imprint else end:].lstrip(' .,')}"


# The imprint of a reviewed book, after its author: "by Edgar Anderson (Stockholm: Daugava, 1967), ..."
_REVIEWED_IMPRINT = re.compile(r"\s?\([^()\d]{2,80}?,?\s(?:1[5-9]|20)\d\d\)(?=[,.]\s)")



def _take_pinpoint_after_range(tail: str, loc: Locators) -> None:
    """The page a full note cites inside the work's range, right after it: "405-20, at 411"
    (its span joins the locators' and is blanked with them). The pages are the last locator."""
    match = PINPOINT_AFTER_RANGE.match(tail, loc.spans[-1][1])
    if match is None:
        return
    pin = match.group("pin") or match.group("paren") or match.group("bare")
    if match.group("bare") and YEAR_RE.fullmatch(pin):
        return  # "405-20, 1968.": the year
    loc.pinpoints = (pin,)
    loc.spans.append(match.span())


def _take_quoted_container(tail: str, pos: int, fields: _Fields) -> str:
    """The periodical named in quotes at ``pos``, after "in" (Italian: 'in «Rivista», LV (1990)',
    'in «la Repubblica», 12 marzo 2019'), cut out of the tail."""
    close = tail.find('"', pos + 1)
    if close < 0:
        return tail
    fields.container = tail[pos + 1:close].strip(_TRIM) or None
    return f"{_CUT} {tail[close + 1:]}"


# IEEE's proceedings, every word abbreviated: "in Proc. Int. Conf. Manage. Data (SIGMOD), 2021,
# pp. 1386-1399", "in Proc. IEEE Int. Conf. Robot. Autom., Stockholm, Sweden, 2016": the name
# runs to the first comma (its periods end no sentence), with the conference's bracketed acronym.
_IEEE_PROCEEDINGS = re.compile(r"Proc\.\s(?:[^,;\"()\x00]|\([^()\x00]{1,40}\))+?(?=,\s|\s?\x00|\.?$)")


def _take_ieee_proceedings(tail: str, pos: int, fields: _Fields) -> str:
    """The proceedings an IEEE paper is in, named at ``pos``, cut out of the tail."""
    fields.chapter = True
    match = _IEEE_PROCEEDINGS.match(tail, pos)
    if match is None:
        return f"{_CUT} {tail[pos:]}"
    fields.container = match.group().strip(_TRIM) or None
    return f"{_CUT} {tail[match.end():]}"


def _take_in_editors(tail: str, pos: int, fields: _Fields) -> str:
    people, end, _ = names.scan_names(tail, pos)
    mark = names.editor_mark(tail, end) if people else None
    if mark is not None and tail[mark - 1] != ")" and names.scan_names(tail, _SKIP.match(tail, mark).end())[0]:
        # "In Theorizing Documentary, ed. Michael Renov": a title, then its editor (a bracketed
        # mark follows the editors' names: "in: Name, Given (Hg.): Handbuch Innovationsforschung")
        mark = None
    if mark is not None:
        fields.editors = people
        return f"{_CUT} {tail[mark:]}"
    book = _BOOK_BEFORE_PAGES.match(tail, pos)
    if book is not None:  # APA's chapter of an authored book: "In Silicon Earth: Introduction ... (2nd ed., pp. 99–118)."
        fields.container = book.group("book").strip(_TRIM)
        return f"{_CUT} {tail[book.end():]}"
    return f"{_CUT} {tail[pos:]}"


def _nature_chapter(tail: str, fields: _Fields) -> str:
    """Nature's chapter after "in": "in Community Ecology (eds Smith, A. & Jones, B.) Ch. 16,
    307-333 (Oxford Univ. Press, 2019)." The editors in brackets are taken, the chapter's
    number is no volume, and the bare pages before the imprint are labelled as pages."""
    editors = _NATURE_EDITORS.search(tail)
    if editors is not None:
        people = names.scan_names(editors.group("people"), 0)[0]
        if people and not fields.editors:
            fields.editors = people
            tail = f"{tail[:editors.start()]}{tail[editors.end():]}"
    if "Ch." in tail:
        tail = _CHAPTER_NUMBER.sub("", tail, 1)
    return _BARE_PAGES_BEFORE_IMPRINT.sub(r"pp. \g<pages>", tail, 1)


_NATURE_EDITORS = re.compile(r"\s\(eds?\.?\s(?P<people>[^()]{3,300})\)")
_CHAPTER_NUMBER = re.compile(r"(?<=[\s,])Ch(?:ap)?\.\s?\d{1,3},\s")
_BARE_PAGES_BEFORE_IMPRINT = re.compile(r"(?<=[\s,])(?P<pages>\d{1,5}\s?-\s?\d{1,5})(?=\s\([^()]{2,100}\d{4}\)\.?[\s\x00]*$)")


# The book's title after "In", with no editors, up to the bracket with its pages (APA): its
# colon is the subtitle's, not a place's before a publisher.
_BOOK_BEFORE_PAGES = re.compile(r"\s*(?P<book>[^()\x00]{3,250}?)\s(?=\((?:[^()]*,\s)?pp?\.\s?\d)")


def _take_editors(tail: str, fields: _Fields) -> str:
    for pattern, words, is_editor in ((_EDITED_BY, _EDITED_BY_WORDS, True),
                                      (_TRANSLATED_BY, _TRANSLATED_BY_WORDS, False)):
        match = pattern.search(tail) if _has_any(tail, words) else None
        if not match:
            continue
        # (not on into MLA's publisher: "edited by Ann Lee, Oxford UP, 2010")
        publisher = _mla_publisher(tail, match.end()) if is_editor and ", " in tail else None
        limit = publisher.start() if publisher else len(tail)
        people, end, _ = names.scan_names(tail[:limit], match.end())
        if people:
            if is_editor and not fields.editors:
                fields.editors = people
            tail = f"{tail[:match.start()]} {_CUT} {tail[end:]}"
    return tail


def _take_edition(tail: str, fields: _Fields) -> str:
    """The edition cut out of ``tail`` (called when one of ``_EDITION_WORDS`` is there)."""
    for word in _EDITION_WORD.finditer(tail):
        lead = max(0, word.start() - 30)
        before = _EDITION_BEFORE.search(tail, lead, word.start())
        if before:
            fields.edition = before.group("ed").rstrip(".")
            return f"{tail[:before.start()]} {_CUT} {tail[word.end():]}"
    return tail


def _blank_locators(tail: str, spans: list[tuple[int, int]]) -> str:
    """The tail with the characters the locators' ``spans`` cover replaced by cuts (offsets stay).
    (One f-string per span: on a tail this short, three of them cost less than one list join.)"""
    for start, end in spans:
        tail = f"{tail[:start]}{_CUT * (end - start)}{tail[end:]}"
    return _drop_empty_parens(tail)


def _drop_empty_parens(text: str) -> str:
    """``_EMPTY_PARENS`` replaced by a cut: brackets that held only cut-out pieces."""
    if "(" in text or "[" in text:  # every match starts with one
        return _EMPTY_PARENS.sub(_CUT, text)
    return text


# "n.d." (no date) or "s.d." (sans date) in the publication facts: "New York: Arundel, n.d."
_UNDATED = re.compile(r"(?<![\w.])[ns]\.\s?d\.(?!\w)")


def _take_undated(tail: str, fields: _Fields) -> str:
    """A "n.d." cut out of ``tail`` (the leading date's "(n.d.)" is taken before the title)."""
    match = _UNDATED.search(tail)
    if match:
        fields.undated = True
        tail = _cut(tail, match)
    return tail


def _take_publisher(tail: str, fields: _Fields, after: int = 0) -> str:
    """``Place: Publisher`` cut out of ``tail[after:]`` (called when it has a ":")."""
    match = None
    for match in _PLACE_PUBLISHER.finditer(tail, after):
        pass  # the last: an imprint ends the tail, a colon before it is a title's ("In Aegean
        # Prehistory: A Compendium, edited by ..., 45-67. Philadelphia: INSTAP Press, 2006.")
    if match is None and ".:" in tail:  # GOST's abbreviated place: "М.: РОССПЭН, 1996."
        match = _GOST_IMPRINT.search(tail, after)
    # (a publisher's name neither opens with a digit nor asks a question: "Performance and
    # Ecology: What Can Theatre Do?, edited by ..." is a book's title and subtitle)
    if match and tail.find(",", match.start("publisher")) >= 0 and _mla_publisher(tail, match.start("publisher")):
        # MLA names its publisher after the container, between commas, before the year: the
        # colon was a subtitle's ("Art and the Committed Eye: The Cultural Functions of Imagery,
        # Routledge, 2019, pp. 3-18.")
        match = None
    if match and not match.group("publisher").strip()[:1].isdigit() and not match.group("publisher").rstrip(
            _TRIM).endswith("?"):
        place, start = match.group("place").strip(), match.start()
        if (start > 1 and tail[start - 2].islower() and ", " in place
                and tail[max(0, start - 5):start - 1].rsplit(" ", 1)[-1] not in _PLACES_JOINED_BY):
            # the place's "City, State" form read into a book's title: "Systematic Reviews in
            # Educational Research, Wiesbaden: Springer VS 2020" (a title word before it)
            start = tail.index(", ", start)
            place = tail[start + 2:match.end("place")].strip()
        fields.place = place
        fields.publisher = match.group("publisher").strip(_TRIM) or None
        tail = f"{tail[:start]} {_CUT} {tail[match.end():]}"
    return tail


def _take_tail_year(tail: str, fields: _Fields) -> None:
    """The first year in parentheses in ``tail``, or else its first year."""
    best = None
    for match in YEAR_RE.finditer(tail):
        start = match.start()
        if start and tail[start - 1] == "(":
            best = match
            break
        if best is None:
            best = match
    if best:
        year, suffix = best.group("year", "suffix")
        first_span = _first_year_of_span(tail, best.start()) if tail.find("-", 0, best.start()) >= 0 else None
        if first_span is not None:
            fields.year = first_span
            return
        fields.year = int(year)
        fields.year_suffix = suffix or ""


def _take_any_year(text: str, fields: _Fields) -> None:
    match = YEAR_RE.search(text)
    first_span = _first_year_of_span(text, match.start() if match else len(text)) if "-" in text else None
    if first_span is not None:
        fields.year = first_span
    elif match:
        fields.year = int(match.group("year"))
        fields.year_suffix = match.group("suffix") or ""


def _first_year_of_span(text: str, before: int) -> int | None:
    """The first year of a multi-volume work's span of years ("Harper & Row, 1972-73") before
    ``before``, where another year was found (that span comes first: "1972-73. First
    published 1949 by Armand Colin")."""
    span = _IMPRINT_YEAR_SPAN.search(text, 0, before + 1)
    if span is None:
        return None
    last = span.group("last") or span.group("end")
    return int(span.group("year")) if 0 < (int(last[-2:]) - int(span.group("year")[-2:])) % 100 <= 30 else None


# The years over which a multi-volume work appeared, ending its imprint after the publisher's
# name or where ``_take_publisher`` cut the imprint out. (YEAR_RE takes no year before "-" and a
# digit: there it is mostly a range of pages, as in "Cell 12: 1687-1697".)
_IMPRINT_YEAR_SPAN = re.compile(rf"(?:(?<=[^\W\d])|(?<=\x00\s)|(?<=\x00)),\s(?P<year>{YEAR})-(?:(?P<last>\d\d)(?=\)|\.?(?:\s|$))|(?P<end>{YEAR})\))")


_MONTH_NAME = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
               r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?")
_SEGMENT_GAP = re.compile(r"[ .,;:\x00]*")  # the characters of _TRIM


# Characters that are no letter (no ``_HAS_LETTER`` match) and end most tails: blanked
# locators, cuts, punctuation. A text with them stripped from its end still has its last letter.
_NO_LETTERS = " .,;:\x00()[]\"'-–0123456789"  # (a test checks that none is a letter)


def _segments(tail: str, most: int = _MAX_SEGMENTS) -> list[str]:
    """The first ``most`` sentences of the tail that contain letters: container, publisher, ...
    candidates."""
    out, pos, size = [], 0, len(tail)
    # No piece starting at or after ``last`` has a letter (nothing after ``last`` is one), so
    # the loop stops there: usually the tail ends in blanked locators and cuts ("Soviet
    # Studies. \x00\x00–30. \x00"), which would give one more piece each, without letters.
    last = len(tail.rstrip(_NO_LETTERS))
    while pos < last and len(out) < most:
        # Fast path: a run of cuts and punctuation (a blanked "100-130" is one cut per
        # character) would give one empty piece per character; it holds no letters, skip it.
        # (the run ends before ``last``: the character before ``last`` is none of _TRIM's)
        if tail[pos] in _TRIM:
            pos = _SEGMENT_GAP.match(tail, pos).end()
        end = _sentence_end(tail, pos, size)
        piece = tail[pos:end].strip(_TRIM)
        if piece[:1].isalpha() or _HAS_LETTER.search(piece):  # a letter first is the usual case
            # the tail's only whitespace is spaces: the piece is collapsed unless two are together
            out.append(" ".join(piece.split()) if "  " in piece else piece)
        pos = end + 1
    return out


def _take_segments(tail: str, fields: _Fields, periodical: bool, has_url: bool, months: bool) -> None:
    """Container and publisher from the sentences of the tail. ``months``: whether the text has a
    month name (``MONTH_QUICK``); without one "Bloomberg 20 October" cannot be there."""
    # with a publisher known, only the first sentence is read (the container, or a news day)
    segments = _segments(tail, 1 if fields.publisher is not None else _MAX_SEGMENTS)
    if not segments:
        return
    first = segments[0]
    # (a month name in English, or a comma and a digit: the day of "Le Monde, 15 mars 2019",
    # "FAZ, Nr. 62, 14.3.2019")
    news = (_NEWS_DAY.fullmatch(first) if fields.year is not None and not fields.publisher
            and (months or (("," in first or " vom " in first) and _DIGIT.search(first))) else None)
    if news:  # "Bloomberg 20 October": a newspaper and the day, the year given after the authors
        fields.container, fields.day_date = news.group("name"), True
        return
    loc = fields.locators
    if not (fields.quoted or fields.chapter or fields.contained) and loc.issue is None and fields.publisher is None:
        imprint = (_COMMA_IMPRINT.fullmatch(first)
                   if loc.volume is None or (loc.pages is None and tail.lstrip(" ,")[:1] == "\x00") else None)
        if (imprint is not None and not _PUBLISHER_WORDS.search(imprint["place"])
                and imprint["publisher"] not in _PUBLISHING_CITIES):
            # a book's imprint written with commas, "Roma-Bari, Laterza, 1985, p. 33", after
            # its volume, if any: "Histoire de la France, vol. 1, Paris, Gallimard, 1990" (not
            # the publisher before its place: "Seuil, Paris, 1970", "Ellipses, Paris, 2004")
            fields.place, fields.publisher = imprint.group("place", "publisher")
            return
        if periodical and loc.volume is None and _PUBLISHER_WORDS.search(first):
            periodical = False  # only pages after a publisher: "Oxford, Oxford University Press, 2015, pp. 3-5"
    if fields.container is not None:  # named in quotes after "in" (``_take_quoted_container``)
        rest = segments
    elif periodical or fields.quoted or fields.chapter or fields.contained or (
        (fields.accessed or has_url or _JOURNAL_WORDS.search(first))
        and not fields.publisher and not _PUBLISHER_WORDS.search(first)
    ):
        fields.container = _strip_year(first)
        if fields.container.endswith("("):  # the bracket of a Chicago note's imprint, cut out: "Book, 1377-99 ("
            fields.container = fields.container.rstrip("( ")
        elif loc.volume is None and loc.start < 0 and fields.container[-1:].isdigit():
            volume = _VOLUME_ALONE.search(fields.container)
            if volume is not None:  # Harvard's volume with no issue or pages: "'Title', Kinesis, 40."
                fields.container, loc.volume = fields.container[:volume.start()], volume.group(1)
        if fields.quoted and fields.publisher is None and loc.volume is None and loc.issue is None and ", " in first:
            _split_mla_publisher(first, fields)
        if "), " in first:  # IEEE: "Proc. ... Conf. (MMSys '15), Portland, OR, USA": the place after the name
            acronym = _ACRONYM_THEN_PLACE.search(fields.container)
            if acronym is not None:
                fields.container = fields.container[:acronym.end() - 2]
        # (a last word of up to six letters, or seven not ending in "s": "IEEE Trans. Autom",
        # "ACM SIGMETRICS Perform", "J. Geophys" (ending in "ys"), not "Soviet Studies")
        # (up to ten in a name abbreviated already: "J. Organomet", ACS's "J. Organomet. Chem.")
        last_word = len(first) - first.rfind(" ") - 1
        if ((last_word <= 6 or (last_word == 7 and (first[-1] != "s" or first[-2] == "y"))
             or (last_word <= 10 and ". " in first and first[-1] not in "aeiouys"))
                and first[-1:].isalpha() and "." in tail):
            _extend_abbreviated_container(tail, fields)
        rest = segments[1:]
    else:
        rest = segments
    if fields.publisher is None:
        for piece in rest:
            # (a publisher's name starts with a capital: "2013, but never printed" is no imprint)
            if _PUBLISHER_WORDS.search(piece) or (not fields.container and len(piece.split()) <= 6 and (
                    piece[:1].isupper() or _BRACKETED_IMPRINT.fullmatch(piece))):
                fields.publisher = _strip_year(piece)
                if fields.publisher.startswith("(") and ")" not in fields.publisher:
                    fields.publisher = fields.publisher[1:]  # "(Princeton University Press, 1999)"
                place, comma, name = fields.publisher.partition(", ")
                if (comma and fields.place is None and _PLACE_PIECE.fullmatch(place) and _PUBLISHER_WORDS.search(name)
                        and not _STATE.match(name)):  # ("Washington, D. C. MIT Press": the state's)
                    fields.place, fields.publisher = place, name  # "Paris, Seuil, 1970"
                break


_VOLUME_ALONE = re.compile(r"(?<=[^\W\d_]),\s(\d{1,4})$")  # a journal's name, then its volume alone
_BRACKETED_IMPRINT = re.compile(r"\([A-Z][^()\d]*,\s(?:1[5-9]|20)\d\d\)")  # Nature's "(World Scientific, 1998)"
# The acronym and year that end a conference's name, "(DocEng '02)", "(ICRA)", before its place.
_ACRONYM_THEN_PLACE = re.compile(r"\((?:[A-Z][\w-]*\s?'?\d{2}|[A-Z]{2,}[\w-]*)\),\s")
# The rest of a journal's abbreviated name after a period that ended the first sentence, up to
# the locators right after it: "IEEE Trans. Autom" + ". Control, \x00..." (the blanked "vol. 59").
# (ACS puts the year between: "Sov. Phys. J. 1969, \x00")
# (ACS's sections after a colon or comma: "Environ. Sci.: Nano", "J. Polym. Sci., Part B: Polym. Phys.")
_ABBREVIATED_REST = re.compile(r"\.((?:\s[A-Z][A-Za-z.]{0,11}(?<=[.A-Z])[:,]?|\s[A-Z][A-Za-z.]{0,11}(?:-[A-Z][A-Za-z.]{0,11})?){1,6}(?:\s\([A-Z]\))?)(?:\s(?:1[5-9]|20)\d\d\.?)?,?\s?\x00")  # ("U.S.A.", "Comput.-Aided", a part "(A)")


_VOWEL_ABBREVIATIONS = frozenset({"Sci", "Bio", "Geo", "Eco", "Neuro", "Nano", "Micro", "Astro"})  # "Sci. Program."


def _extend_abbreviated_container(tail: str, fields: _Fields) -> None:
    """``fields.container`` with the rest of its name when it ends in an abbreviation that is
    no sentence's end ("Autom.", "Inf.", "Comput.": short, capitalised, ending in a consonant)
    and only capitalised words come between it and the locators."""
    container = fields.container or ""
    last = container.rsplit(" ", 1)[-1]
    longest = 10 if ". " in container else 7
    if not (2 <= len(last) <= longest and last[0].isupper() and (last[-1] not in "aeiouy" or last in _VOWEL_ABBREVIATIONS)):
        return
    at = tail.find(container)
    rest = _ABBREVIATED_REST.match(tail, at + len(container)) if at >= 0 else None
    if rest is not None:
        fields.container = f"{container}.{rest.group(1)}".rstrip(".,:")


# (the year after the day stays in the segment when it was read before the title; a number
# before the day, "Nr. 62, 14.3.2019", is the issue's; day and month in other languages too)
_NEWS_DAY = re.compile(
    rf"(?P<name>[A-Z][\w'’&.-]*(?:\s(?:[A-Z][\w'’&.-]*|de|di|del|della|do|da|des|du|van|von|für)){{0,4}}),?\s"
    rf"(?:(?:Nr|No|n)\.\s\d{{1,4}},\s|vom\s)?"  # (German "vom": of the day)
    rf"(?:\d{{1,2}}\.?\s(?:de\s)?(?:{_MONTH_NAME}|{FOREIGN_MONTH})|{_MONTH_NAME}\s\d{{1,2}}|\d{{1,2}}\.\d{{1,2}}\.(?=\d))"
    rf"(?:(?:\sde)?,?\s?{YEAR})?"
    rf"(?:,\s(?:pp?\.\s?)?[A-Z]?\d{{1,4}}(?:-[A-Z]?\d{{1,4}})?)?"  # the page: "March 3, 1999, A12"
)
# A newspaper's issue named by its day, as German notes write it, with the day's period: "Göttinger
# Tageblatt vom 14. März 1998", "FAZ, 3. Mai 2001", "Die Zeit vom 3.5.2001".
_NEWSPAPER_OF_THE_DAY = re.compile(
    rf"(?P<name>[A-ZÄÖÜ][\w'’&.-]*(?:\s(?:[A-ZÄÖÜ][\w'’&.-]*|für|am|an\sder)){{0,5}})(?:\svom|,)\s"
    rf"\d{{1,2}}\.(?:\s?(?:{FOREIGN_MONTH}|{_MONTH_NAME})\s|\d{{1,2}}\.)(?P<year>{YEAR})\b"
)
_YEAR_TAIL = re.compile(r"[,\s]+\(?\d{4}[a-z]?\)?$|\s*\((?:[A-Z][a-z]{2,8}\.?\s+)?\d{1,4}(?:,\s*\d{4})?\)?$")


def _split_mla_publisher(first: str, fields: _Fields) -> None:
    """MLA's chapter: the book's title, then its publisher and year, in one sentence
    ('"Schizoanalytic Ecology." Felix Guattari's Schizoanalytic Ecology, Edinburgh UP, 2020,
    pp. 183-232.'). The publisher is cut from the container, and the work is a chapter."""
    publisher = _mla_publisher(first)
    if publisher is not None and publisher.start() > 0:
        fields.container = first[:publisher.start()].strip(_TRIM)
        fields.publisher = publisher.group("pub").strip()
        fields.chapter = True


def _strip_year(piece: str) -> str:
    if not (piece[-1:].isdigit() or piece.endswith(")")):
        return piece
    return _YEAR_TAIL.sub("", piece).strip(_TRIM) or piece


# --- kind and evidence -------------------------------------------------------------


_ARTICLE_SCHEMES = frozenset({IdScheme.DOI, IdScheme.ISSN, IdScheme.JSTOR, IdScheme.PMID})
_NO_SCHEMES: frozenset[IdScheme] = frozenset()


def _kind(fields: _Fields, found: list[Found]) -> ReferenceKind:
    loc = fields.locators
    has_locators = loc.volume is not None or loc.issue is not None or loc.pages is not None
    # a day's date in another language, or in numbers, for a container with no volume: "El País,
    # 14 de octubre de 2019", "Le Monde, 15 mars 2019", "14.3.2019" (searched only then)
    day_date = fields.day_date or bool(fields.container and loc.volume is None
                                       and FOREIGN_DAY_DATE.search(fields.text) is not None)
    if fields.chapter and (fields.container or fields.editors) and not (day_date and not fields.editors):
        # (not a newspaper "in" which an article was: '"Title," in New York Times, March 3, 1999')
        return _CHAPTER
    if fields.editors and fields.authors and fields.container and fields.title:
        return _CHAPTER  # MLA: "Title." Book. Ed. Name.
    if _is_proceedings(fields.text) and not (loc.volume is not None and loc.issue is not None):
        return _CHAPTER  # (a journal's volume and issue: "Conference" was in its title, "(BOSC 2001)")
    if _NAMED_ARCHIVE.match(fields.text):
        return _OTHER  # the archive first, then the file: "Stadtarchiv Göttingen, AA Polizeisachen Nr. 1172, ..."
    if not (fields.container and has_locators) and (_is_other_genre(fields.text) or _is_archival(fields)):
        return _OTHER
    if (("vols." in fields.text or " of " in fields.text) and not fields.chapter and _MULTIVOLUME.search(fields.text)
            and not (loc.issue or (loc.pages and loc.pages.last))):
        return _BOOK  # "2 vols. (New York: Harper, 1972-73)", "vol. 2 of The History of Sexuality"
    if not has_locators and fields.publisher and not day_date and any(f.scheme is _ISBN for f in found):
        return _BOOK  # CS1's book in a series: "Title. Series Name. Publisher. ISBN ..."
    # (a journal's article has pages; a magazine's, cited with its day, often none: "The New
    # York Review of Books. Vol. 37, no. 1.")
    if fields.container and (day_date or _NEWS_WORDS.search(fields.container)) and not (
            has_locators and ((_SCHOLARLY_WORDS.search(fields.container) and (loc.pages or not day_date))
                              or (loc.volume and loc.pages and loc.pages.last)  # Vancouver: "2015 Aug;85:75-93"
                              or (loc.volume and loc.issue and not day_date)  # "Musical Times 100, no. 1398 (1959): 428"
                              # CS1's cite journal, "PLOS ONE. 14 (1): e0210999", with the day it
                              # came out (its cite magazine writes "Vol. 37, no. 1")
                              or (loc.volume and loc.issue and not _NEWS_WORDS.search(fields.text)
                                  and _CS1_JOURNAL_LOCATORS.search(fields.text)))):
        return _NEWS
    if fields.container and has_locators and not (loc.issue is None and loc.pages is None and _in_numbered_series(
            fields, found)):
        if loc.volume is None and loc.issue is None and fields.place and fields.publisher:
            return _CHAPTER  # CS1's chapter with no editors: '"Pond soil". Book. Dordrecht: Springer. pp. 3–52.'
        return _ARTICLE
    # (the set of schemes is built only here: most articles are decided before it is needed)
    schemes = {f.scheme for f in found} if found else _NO_SCHEMES
    if fields.container and not schemes.isdisjoint(_ARTICLE_SCHEMES):
        return _ARTICLE
    if fields.publisher or fields.place or _ISBN in schemes or fields.edition or _OCLC in schemes:
        return _BOOK
    if fields.container and (_URL in schemes or fields.accessed):
        return _WEB
    if fields.container:
        return _ARTICLE
    if _URL in schemes or fields.accessed:
        return _WEB
    if has_locators or _DOI in schemes:
        return _ARTICLE
    return _OTHER


_CS1_JOURNAL_LOCATORS = re.compile(r"(?<![\w.])\d{1,4}\s\(\d{1,4}(?:[-/]\d{1,4})?\):\s?[A-Za-z]?\d")


def _in_numbered_series(fields: _Fields, found: list[Found]) -> bool:
    """A book with its series and volume, read as a journal's: "Course of Theoretical Physics.
    Vol. 3. Translated by ... Oxford: Pergamon Press. ISBN ...". An article has no imprint."""
    return (fields.publisher is not None and (fields.place is not None or any(f.scheme is _ISBN for f in found))
            and ("Vol" in fields.text or "vol." in fields.text))  # the series' volume is labelled


def _is_proceedings(text: str) -> bool:
    """A paper in conference proceedings: "Proceedings of ...", "Paper presented at ..."."""
    return (_has_any(text, _PROCEEDINGS_WORDS) and _PROCEEDINGS.search(text) is not None
            and not _PROCEEDINGS_JOURNAL.search(text))


def _is_other_genre(text: str) -> bool:
    """A thesis, report, working paper, manuscript, patent, software or data set."""
    return _has_any(text, _GENRE_OTHER_WORDS) and _GENRE_OTHER.search(text) is not None


# An archival source: a person's papers or a collection in an archive, or a Russian archive's
# fond, opis' and delo ("RGASPI, f. 17, op. 3, d. 1003"). No registry holds one.
_ARCHIVAL = re.compile(
    r"\b(?:Papers|Archives?|Collections?|Manuscripts?|Library|Records)\b(?![\s,]+(?:of|for|in)\b)"
    r"|\b[fF]\.\s?\d+,\s?op\.\s?\d+|\bф\.\s?\d+,\s?оп\.\s?\d+"
)


# An archive named as one: "Privy Council to the Lord Mayor, 14 November 1595, SP 12/254/61,
# The National Archives, Kew."
_NAMED_ARCHIVE = re.compile(r"\bNational\sArchives\b|\bArchives\snationales\b|\bRecord\sOffice\b|\bBundesarchiv\b"
                            r"|\bState\sArchives?\b|\bArchivo\s(?:General|Histórico|Nacional)\b"
                            # (German archives of a town, a state, a land: "Stadtarchiv Göttingen")
                            r"|\b(?:Stadt|Staats|Landes|Kreis|Haupt|Universitäts)archiv\b")


def _is_archival(fields: _Fields) -> bool:
    """Whether a reference with no imprint names papers in an archive: "Adams, Charles C.
    Papers. Western Michigan University Archives, Kalamazoo." (undated), or a dated letter in
    a named archive."""
    if fields.publisher:
        return False
    if fields.year is not None:  # a dated letter or file is archival where the archive is named as one
        return ("rchiv" in fields.text or "Office" in fields.text) and _NAMED_ARCHIVE.search(fields.text) is not None
    return _ARCHIVAL.search(fields.text) is not None


def _evidence(fields: _Fields, has_url: bool) -> int:
    loc = fields.locators
    return (
        bool(fields.authors or fields.editors or fields.ditto)
        + (fields.year is not None or fields.undated)
        + bool(fields.title and len(fields.title.split()) >= 2)
        + fields.quoted
        + bool(fields.container)
        + (loc.volume is not None or loc.pages is not None)
        + bool(fields.publisher or fields.place)
        + (has_url or bool(fields.accessed))
        + bool(fields.translated_title or fields.language)
        + bool(fields.edition or fields.chapter)
    )
