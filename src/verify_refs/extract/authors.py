"""Names at the head of a reference, in the orders people write them.

``Coox, Alvin D.`` / ``Coox, A. D.`` (inverted), ``Alvin D. Coox`` (natural), ``Coox AD``
(Vancouver), ``DULONG R.`` (family, initials, no comma), joined by ``,`` ``;`` ``and`` ``&``,
ending in ``et al.``; organisations. What is written first is taken as the family name
(``Alexander, Berkman``): deciding that names were swapped is a later check's job.

Names are matched one at a time from the start with anchored regexes, and a name only counts
when a separator or the end of the list follows it, so title words are not taken for names.
"""

from __future__ import annotations

import re

from ..models import Person
from .names import by_first_letter, keywords

_UP = "A-ZÀ-ÖØ-ÞĀ-ɏА-ЯЁЀ-ЏΑ-Ω"
_LETTER = r"[^\W\d_]"
# (Latin Extended-A and -B hold both cases, alternating: "Jānis", "Kęstutis", "Ștefan" need them)
_LOWER = "a-zß-öø-ÿĀ-ɏа-яёѐ-џα-ω"
# Two capitalised words, each as "the usual all-letter word, or the word as written letter by
# letter". The first branch reads the letters in one possessive run (several times faster) and
# is taken only where the letter-by-letter loop would stop first; when what follows fails, the
# second branch tries that end again, then each shorter one: the loop's matches, in its order.
_CAP = (rf"(?:[{_UP}]{_LETTER}++(?!['’])"  # two letters at least: "D." is an initial
        rf"|[{_UP}](?:{_LETTER}|['’](?={_LETTER}))+)")
_NAME_WORD = (rf"(?:[{_UP}][{_LOWER}]{_LETTER}*+(?!['’-])"
              rf"|[{_UP}](?:[{_LOWER}]|['’-](?={_LETTER}))(?:{_LETTER}|['’-](?={_LETTER}))*)")
_STOP_LIST = (
    "The A An On In Of To For From And With At By Towards? How Why What When Where Who "
    "Is Are Do Does Let New Notes? Report Studies Journal History Review Chapter Part Vol "
    "Proceedings Annual Handbook Introduction Der Die Das Le La Les Il El Los Über Sur Zur "
    "Retrieved Accessed Available Press University Edited Translated Ed Eds Trans"
).split()


_STOP_WORDS = by_first_letter(_STOP_LIST)
_STOP = rf"(?!{_STOP_WORDS}\b(?![-'’]))"
# A family name may be "Das" ("Sajal K Das", "Das, S.K."): the German article never stands
# where a family name is required, only where a given name could ("Das Kapital"). And any of
# the words is one before a comma and an initial: "Press, W. H." (of Numerical Recipes), "An,
# D.", "On, K.", "La, T." (a title's "An" or a publisher's "Press" is followed by no initial).
# So is one before a comma, a given name and CS1's ";" or dated bracket: "An, Chao; Liu,
# Philip" (Korean and Chinese "An"). So is "Do" before a comma or semicolon, the Vietnamese
# and Korean family name ("Hyunsook Do,"): the verb never ends a list of names.
_FAMILY_STOP = (rf"(?!(?!Das\b|Do\b(?=[,;])|[{_UP}]\w*,\s?(?:[{_UP}]\.|[{_UP}][{_LOWER}]+(?:;\s|\s\(\d))){_STOP_WORDS}"
                rf"\b(?![-'’]))")
_PARTICLES = (
    r"van von der den de del della di da du dos das le la ter ten bin ibn al el St\. "
    r"Van Von De Del Della Di Da Du Le La Mc Mac Ter Ten Al El"  # "Van Allen", "De Clercq", "Mc Clernon", "Al Atik"
).split()
PARTICLES = frozenset(_PARTICLES)
# Grouped by first letter (``by_first_letter``): tried before every family name.
_PARTICLE = rf"(?:{by_first_letter(_PARTICLES)}\s+)"
_FAMILY = rf"{_PARTICLE}{{0,3}}{_FAMILY_STOP}{_CAP}(?:-\s?{_CAP}|-[{_LOWER}]{{2,}})?"
_INITIAL = rf"[{_UP}](?:[a-zа-я]{{1,2}})?\.(?:-[a-z]\.)?"  # (and a Korean name's "J.-s.")
_INITIALS = rf"{_INITIAL}(?:\s?-?\s?{_INITIAL})*"
_GIVEN_WORD = rf"{_STOP}{_NAME_WORD}"
_BARE_INITIAL = rf"[{_UP}](?=[\s,])"  # "Ellis W", "Sean M Arietta"
_GIVEN = (
    # (or before a date in brackets: CS1's "Moodie, D. Wayne (October 1987)", "(2001a)",
    # "Hassell, L. Harrison (24 May 2006)", "(2001-12-01)")
    rf"(?:{_INITIALS}\s+{_GIVEN_WORD}(?=[.,;]|\s\((?:\d{{1,2}}\s)?(?:[{_UP}][a-z]+\.?\s(?:\d{{1,2}},\s)?)?\d{{4}}(?:[a-z]|-\d\d-\d\d)?\))(?!,\s?(?:{_INITIAL}|[{_UP}]{{1,3}}[.,;\s]))"
    rf"|{_INITIALS}|[{_UP}]{{1,3}}(?![\w'’-]|\.\w)"
    rf"|{_GIVEN_WORD}(?:\s+(?![{_UP}][a-z]\.;){_GIVEN_WORD}){{0,3}}(?:\s+(?:{_INITIALS}|{_BARE_INITIAL}|[{_UP}]{{2}}(?=[.,;\s])))?)"
)
_END = (r"(?:(?<=\.)|(?=\s*(?:[,;&:.(\[\"]|and\b|et\b|und\b|u\.\s?a\.|\d{4}|$)|\s+(?:y|e|en|og|och|и|та)\b)"
        rf"|(?=/[{_UP}]))")
# ("and" in Spanish, Portuguese and Italian, Dutch, Danish and Norwegian, Swedish, Russian and
# Ukrainian: words of their own, after a space, or "Deficienc|y" would end a name; and German
# humanities' slash between names, "Otto, R./Munter, H.:", with no space on either side: GOST's
# " / " before the authors has spaces)

# A particle after the given names: "Andrade, Mário de", "Goethe, Johann Wolfgang von",
# "Heijden, T. van der".
_LOWER_PARTICLES = "de|da|dos|das|di|du|von|van|der|den|del|della"  # (and "do" after given names)
_TRAILING_PARTICLE = rf"(?:\s+(?:do|{_LOWER_PARTICLES})(?:\s+(?:la|las|los|der|den))?(?=[\s,.;]))?"
# A Dutch or Spanish family name with a particle inside, before the comma: "van der Vuurst de
# Vries, R.M.", "Ortega y Gasset, José" is two words; this is one name in three parts.
_INNER_PARTICLE = rf"(?:\s(?:{_LOWER_PARTICLES})\s{_CAP})?"
_INVERTED = re.compile(rf"(?P<family>{_FAMILY}{_INNER_PARTICLE}),\s*(?P<given>{_GIVEN}{_TRAILING_PARTICLE}){_END}")
_VANCOUVER = re.compile(
    rf"(?P<family>{_FAMILY}(?P<second>\s{_FAMILY_STOP}{_CAP}(?=\s[{_UP}]{{1,3}}[,.]))?)\s+(?P<given>[{_UP}]{{1,3}}(?![\w.'’-])|[{_UP}]{{2,3}}(?=\.(?:\s|$))"
    # (one initial before the list's closing period only after a two-word family name:
    # "Smith AB, Garcia Marquez G. Title", where "Smith A. Title" could be a title's words)
    rf"|(?(second)[{_UP}](?=\.(?:\s|$))|(?!))"
    rf"|[{_UP}]-[{_UP}](?![\w'’-]))"  # hyphenated initials: "Perng C-S", "Pao C-H"
    # (a generation after the initials, read past: "Ruffin MT 4th", "Nease DE Jr")
    rf"(?:\s(?:Jr|Sr|2nd|3rd|[4-9]th|II|III|IV)\b\.?)?{_END}"
)
# (four initials only as initials alone: "D. M. J. S. Bowman")
_NATURAL = re.compile(
    rf"(?P<given>(?:{_INITIAL}\s?){{4}}|(?:(?:{_INITIAL}|{_BARE_INITIAL}|[{_UP}]{{2}}(?=\s)|{_GIVEN_WORD})\s*-?\s*){{1,3}}?)"
    rf"(?P<family>{_FAMILY})(?!(?<=\s\w\w)\.\s{_CAP},){_END}"  # "G. Kh. Samigulov,": "Kh." is an initial
)
_FAMILY_INITIALS = re.compile(rf"(?P<family>{_FAMILY})\s+(?P<given>{_INITIALS}){_END}")
# An inverted name whose family name is two words, as Spanish and Portuguese names often are:
# "García Márquez, Gabriel.", "Vargas Llosa, M. (1990)", "Govinda Raju, V., and K. Smith".
# Read in natural order, the first word would be taken for a given name and the given name
# for the title. Two words before a comma are just as often a whole name in natural order
# ("Alvin Coox, Nomonhan (Stanford ...)", "Alvin Coox, A. Smith and ..."), so the given part
# must show that it is one: initials (all of them) not followed by a family name (nor by a
# given word and a family name before the next separator: Chicago's "Bensmail, Halima, Buddana
# Aruna, O. John Semmes, and ...", natural order after the first author), or one given
# word before a period, a date in brackets, or ", and" / ", &" and the next author. (Tried
# after the one-word inverted form, before the natural order.)
_NOT_SUFFIX = r"(?!(?:Jr|Sr|Jnr|Snr)\b)"
_INVERTED_TWO_WORD_FAMILY = re.compile(
    rf"(?P<family>{_FAMILY_STOP}{_CAP}\s{_FAMILY_STOP}{_CAP}),\s?(?P<given>"
    rf"(?>{_INITIALS})(?!\s?{_NAME_WORD}(?:\s{_INITIAL})*(?:\s{_FAMILY})?(?:,\s|\s(?:and|&)\s)|\s?{_NAME_WORD}[;.])(?=[\s,;(]|$)"
    # (CS1: before a dated bracket, "Garton Ash, Timothy (18 January 1990)", or the next author's ";")
    rf"|{_NOT_SUFFIX}{_GIVEN_WORD}(?=\.(?:\s|$)|\s\((?:\d{{1,2}}\s)?(?:[{_UP}][a-z]+\.?\s)?\d{{4}}|,\s(?:and|&)\s|;\s"
    # or before a co-author in natural order and the next separator: "Aydin Gol, Ebru, Xuchu Ding, and"
    rf"|,\s{_NAME_WORD}\s{_FAMILY}(?:,\s|\s(?:and|&)\s)))"
)
# GOST's order, the family name and then initials without a comma ("Хлевнюк О. В.", "Жуков
# Ю.Н."), where the title's first word would make a natural-order name of it ("Хлевнюк О. В.
# Политбюро."): a Russian name in natural order puts its initials first ("О. В. Хлевнюк"), so
# a word before Cyrillic initials is a family name. In Latin letters only with two initials and
# a title word after that ends in ":" or a period not followed by a year ("Khlevniuk O. V.
# Politbiuro: ..."): "John A. B. Smith. 2001." (ACM) is in natural order. (One form for both,
# behind one lookahead, a word and an initial, that fails fast where no name is so written: as
# two forms they made every name match a tenth slower.)
_GOST_FAMILY_INITIALS = re.compile(
    rf"(?=[^\s,.;]+\s[A-ZА-ЯЁ]\.)(?P<family>{_FAMILY})\s(?P<given>[А-ЯЁ]\.(?:\s?[А-ЯЁ]\.)?(?=[\s,;]|$)"
    rf"|[A-Z]\.\s?[A-Z]\.(?=\s{_CAP}(?::|\.\s(?!\d{{4}}))))"
)
_FORMS = (_INVERTED, _INVERTED_TWO_WORD_FAMILY, _VANCOUVER, _GOST_FAMILY_INITIALS, _NATURAL, _FAMILY_INITIALS)
# A name that starts with an initial ("O. Ambacher") can only be in natural order.
_STARTS_WITH_INITIAL = rf"(?:{_INITIAL}|[{_UP}]\s)"


def _one_of(forms: tuple[re.Pattern[str], ...]) -> tuple[re.Pattern[str], dict[int, tuple[int, int]]]:
    """The first of ``forms`` that matches, in one regex match instead of one per form (an
    alternation tries its branches in order and takes the first that matches, as its own
    pattern would match alone), every form but the natural one only where the name does not
    start with an initial; and for each form, by the number of the group around it (a match's
    ``lastindex``: that group closes last), the numbers of its family and given groups."""
    branches = []
    for number, form in enumerate(forms):
        body = form.pattern.replace("?P<family>", f"?P<family{number}>").replace("?P<given>", f"?P<given{number}>")
        only_natural = "" if form is _NATURAL else f"(?!{_STARTS_WITH_INITIAL})"
        branches.append(f"{only_natural}(?P<form{number}>{body})")
    pattern = re.compile("|".join(branches))
    groups = {pattern.groupindex[f"form{number}"]: (pattern.groupindex[f"family{number}"],
                                                    pattern.groupindex[f"given{number}"])
              for number in range(len(forms))}
    return pattern, groups


_NAME, _NAME_GROUPS = _one_of(_FORMS)
_NATURAL_GROUP = _NAME.groupindex[f"form{_FORMS.index(_NATURAL)}"]
_VANCOUVER_GROUP = _NAME.groupindex[f"form{_FORMS.index(_VANCOUVER)}"]
# The last of a Vancouver list, one initial before the list's closing period: "..., Chen Y,
# Jiao J. Phytoestrogens and NAFLD: ...". (Alone, "Smith A. Title" could be a title's words;
# after Vancouver names it is the last of them, not "J. Phytoestrogens" in natural order.)
_VANCOUVER_LAST = re.compile(rf"(?P<family>{_FAMILY})\s+(?P<given>[{_UP}]{{1,3}})(?=\.(?:\s|$))")
_INVERTED_GROUPS = frozenset(_NAME.groupindex[f"form{_FORMS.index(form)}"]
                             for form in (_INVERTED, _INVERTED_TWO_WORD_FAMILY))

# The commonest name, inverted with a one-word family name and initials or one given word
# ("Coox, A.", "Coox, A. D.", "Coox, A.D.", "Coox, Alvin", "Coox, Alvin D."), before a date, a title or a
# separator: one small regex instead of ``_NAME``'s four forms. Where it matches, ``_NAME``
# matches the same text in its first form (``_INVERTED``) with the same family and given names:
# no particle is followed by ",", the stop-word tests are the same, and what follows the given
# names can neither extend them (another word, initial or particle) nor fail ``_END``. A given
# word before "." has three lower-case letters at least: "Roy." is an initial there, "Bill."
# is not; "Roy." is read as ``_INITIAL`` reads it (the last branch, so that the commoner
# forms pay nothing for it). A given name ending in a period may be followed by a second one
# (MLA's "Coox, Alvin D.. Title"): no initial or particle can follow a period directly.
# (tests/test_speed_ids.py and tests/test_speed_parser2.py check it against ``_NAME``.)
_COMMON_INVERTED = re.compile(
    rf"{_FAMILY_STOP}(?P<family>[{_UP}][{_LOWER}]++),\s(?P<given>"
    rf"(?:[{_UP}]\.(?:\s?[{_UP}]\.)*+|{_STOP}[{_UP}][{_LOWER}]++(?:\s[{_UP}]\.)?|[{_UP}][a-zа-я]{{1,2}}\.)"
    rf"(?=\s[(\[\"&]|[,;:]|\s\d{{4}}|$|(?<=\.)\.)"
    rf"|{_STOP}[{_UP}][{_LOWER}]{{3}}[{_LOWER}]*+(?=\.))"
)

# Names in Harvard lists without commas between them: "Langdon, R. Coltheart, M." and
# "ROUSSILLON, René. CHABERT, Catherine.": only before an inverted name with initials, or
# one whose family name is in capitals.
_NEXT_INVERTED = (
    rf"(?={_FAMILY},\s?(?:{_INITIAL}|[{_UP}]{{1,3}}[.,;\s])|[{_UP}]{{2,}}(?:[\s-][{_UP}]{{2,}})?,\s[{_UP}])"
)
_SEPARATOR = re.compile(
    r"\s*(?:,\s*,?\s*(?:(?:and|und|et|y|e|en|og|och|и)\s+|&\s*)?|;\s*(?:(?:and\s+|&\s*))?"
    r"|\s+(?:and|und|et|y|e|en|og|och|и|та)\s+|\s*&\s*"
    rf"|/(?=[{_UP}])"
    rf"|\.?\s+{_NEXT_INVERTED})"
)
# What never comes first (after whitespace) in a _SEPARATOR or _ET_AL match: each of their
# alternatives starts with one of ",;&." or a letter ("and", "et", "u. a.", a particle or a
# capital of the next name), after ``\s*`` and, for _ET_AL, ``,?``. After a name they end the
# list: "Coox, Alvin D. (1968)", 'Coox, Roy "Title"', "Smith, J. 1999".
_LIST_ENDS = "(\"'0123456789:\x00"
# A separator with one of these in it ends the list after the next name.
_CONJUNCTION = re.compile("and|&|und| et | y | e | en | og | och | и |и | та |(?<=,)(?: y | e | en | og | och )")
# APA's ellipsis between the nineteenth (APA 7) or sixth (APA 6) author and the last one.
_ELLIPSIS = re.compile(r"(?:\.\s?\.\s?\.|\u2026)\s*&?\s*(?=[A-ZÀ-Þ])")
_ELLIPSIS_STARTS = (".", "\u2026")
_ET_AL = re.compile(r"[,;]?\s*(?:et\s*al\b\.?|and others\b|et\s*coll?\b\.?|u\.\s*a\.)")  # CS1: "Gou, Xufeng; et al."
_EDITOR_MARK = re.compile(
    r",?\s*(?:\((?:[Ee]ds?|[Ee]d(?:itor)?s?|Hrsg|hrsg|Hg|dir|coord|comp|comps)\.?\)|"
    r",\s*(?:[Ee]ds?|editors?|Hrsg|comp|éds?|dir)\b\.?)"
)
_ORGANISATION = keywords(  # (and their plurals: "Centers for Disease Control", "National Institutes of Health")
    "Organi[sz]ation", "Association", "Institutes?", "Institut", "Society", "University", "Agency",
    "Council", "Committee", "Department", "Ministry", "Bureau", "Commission", "Office",
    "Foundation", "Cent(?:er|re)s?", "Group", "Survey", "Board", "Services?", "Nations", "Bank", "Party",
    "Company", "Inc", "Ltd", "Corporation", "Team", "Project", "Government", "Academy",
    "Federation", "Union", "Authority", "Administration", "Consortium", "League", "Programme",
    "Program", "Network", "Fund", "Trust", "Archive", "Archives", "Library", "Museum", "Comisión",
    "Ministerio", "Bundesamt", "International", "Institution", "Forum", "Alliance", "Secretariat",
    "Convention", "Corps", "Army", "Navy", "Air Force", "Congress", "Parliament", "Senate",
)


def _person(whole: str, family: str, given: str) -> Person:
    """The person a name match names: its whole text, its family and given names."""
    if _ORGANISATION.search(whole):
        return Person(" ".join(whole.split()))
    # whitespace collapsed; a single word ("Coox", "Alvin") has none
    return Person(family if family.isalpha() else " ".join(family.split()),
                  (given if given.isalpha() else " ".join(given.split())).rstrip(","))


# What may follow a name and belongs to it, not to the title: a generation or a title of
# nobility ("King, Martin Luther, Jr.", "Smith, John, III", "Byron, George Gordon, Lord").
# It is read past and not kept: registries give the given and family names without it.
_SUFFIX = re.compile(r",\s?(?:(?:Jr|Sr|Jnr|Snr)\b\.?|(?:II|III|IV)\b|(?:Lord|Lady|Sir)(?=[.,;]))")
_SUFFIX_STARTS = "JSIL"  # the first letter of every _SUFFIX word


def scan_names(text: str, pos: int = 0) -> tuple[list[Person], int, bool]:
    """Names starting at ``pos``: (people, offset after them, whether ``et al.`` followed)."""
    people: list[Person] = []
    end = pos
    last = False  # after "and" / "&" one name more ends the list
    natural = False  # the first name was in natural order: no inverted one follows it
    vancouver = False  # the name before was Vancouver's "Family AB" (see _VANCOUVER_LAST)
    while True:
        match = _COMMON_INVERTED.match(text, pos)
        if match is not None:
            if natural:
                break  # "Nicos Poulantzas, State, Power, Socialism": a title's words
            whole, family, given = match.group(0, 1, 2)
            vancouver = False
        else:
            match = _NAME.match(text, pos)
            if not match:
                break
            if not people:
                natural = match.lastindex == _NATURAL_GROUP
            elif natural and match.lastindex in _INVERTED_GROUPS:
                break
            elif vancouver and match.lastindex == _NATURAL_GROUP and (
                    last_one := _VANCOUVER_LAST.match(text, pos)) is not None:
                people.append(_person(last_one.group(0), last_one.group("family"), last_one.group("given")))
                end = last_one.end()
                break
            vancouver = match.lastindex == _VANCOUVER_GROUP
            whole, family, given = match.group(0, *_NAME_GROUPS[match.lastindex])
        people.append(_person(whole, family, given))
        end = pos = match.end()
        if text.startswith(",", pos) and text[pos + 1:pos + 3].lstrip()[:1] in _SUFFIX_STARTS:
            suffix = _SUFFIX.match(text, pos)
            if suffix:
                end = pos = suffix.end()
        if last:
            break
        after = text[pos:pos + 2].lstrip()[:1]  # \s is what str.isspace accepts
        if after == "." and text[pos] == ".":  # MLA's 'Coox, Alvin D.. "Title."'
            # at a period, only _SEPARATOR's "\.?\s+" can go on, to the next name: what the
            # period and (at most) one whitespace are followed by decides as above
            after = text[pos + 1:pos + 3].lstrip()[:1]
        if after and after in _LIST_ENDS:
            return people, end, False  # neither _SEPARATOR nor _ET_AL can match at ``end == pos``
        separator = _SEPARATOR.match(text, pos)
        if not separator:
            break
        last = _CONJUNCTION.search(separator.group()) is not None
        pos = separator.end()
        if text[pos:pos + 1] in _ELLIPSIS_STARTS:
            ellipsis = _ELLIPSIS.match(text, pos)
            if ellipsis is not None:  # APA's "Boudali, L., . . . Dupouy, P.": the last author follows
                pos, last = ellipsis.end(), True
    et_al = _ET_AL.match(text, end) if people else None
    if et_al:
        end = et_al.end()
    return people, end, bool(et_al)


# An organisation or collective written in capitals, alone before the title or date:
# "UNHCR, 2015.", "ASCE (2005).", "COLLECTIF. Title".
_CAPS_AUTHOR = re.compile(
    rf"(?P<org>[{_UP}][{_UP}&-]{{1,15}}(?:\s[{_UP}][{_UP}&-]{{1,15}}){{0,3}})(?=\.\s|,?\s\(?\d{{4}}\b|\s\()"
)


def scan_caps_author(text: str, pos: int = 0) -> tuple[Person, int] | None:
    """An author in capitals with nothing else to the name (``COLLECTIF.``), or None."""
    match = _CAPS_AUTHOR.match(text, pos)
    return (Person(match.group("org")), match.end()) if match else None


def editor_mark(text: str, pos: int) -> int | None:
    """The end of ``(eds.)`` / ``, ed.`` at ``pos``, or None."""
    match = _EDITOR_MARK.match(text, pos)
    return match.end() if match else None


def is_organisation(text: str) -> bool:
    return bool(_ORGANISATION.search(text))
