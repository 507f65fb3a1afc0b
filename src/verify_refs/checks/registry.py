"""Compare a reference with the registry work it resolved to, field by field.

Each finding quotes both the cited value and the registry's, so a reader can judge
without looking anything up. Only differences we can show are reported: a field missing
on either side is never a mismatch, and style variants (abbreviated journals, ``405–20``
for ``405-420``, roman volumes, dropped subtitles, transliterations) are accepted. A
warning becomes an error where the difference cannot be a style variant: a year more
than one apart, another volume number, another first page, an unrelated first author.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from difflib import SequenceMatcher
from functools import lru_cache
from operator import attrgetter

from rapidfuzz.distance import Levenshtein

from .. import codes
from ..models import (Finding, IdScheme, Outcome, Reference, ReferenceKind, RegistryWork, Resolution,
                      Severity, ShortCite, Span, Status)
from ..resolve.matching import (BOOK_TYPES, TITLE_AGREES, AuthorAgreement, author_agreement, cited_title_cut_short,
                                describes_same_work, normalise_text, page_bounds, page_numbers, pages_cited_within,
                                registry_title_cut_short, same_container, same_first_page, same_issue, same_volume,
                                score, spelled_differently, starts_with_author, text_similarity, year_gap)

# Findings that make a reference's status "mismatch": its identifiers or fields disagree
# with the registry's work, or the work was retracted. Not a page cited outside the work's
# range (page-out-of-range): that is a fault of the cite that gives the page, often a later
# short cite, not of the reference; nor a retraction notice cited as such (info).
MISMATCH_CODES = frozenset({
    "doi-not-found", "doi-mismatch", "jstor-mismatch", "year-mismatch", "author-mismatch",
    "title-mismatch", "container-mismatch", "volume-mismatch", "issue-mismatch",
    "pages-mismatch", "retracted",
})
_RETRACTIONS = frozenset({"retraction", "partial-retraction", "withdrawal", "removal"})
_CORRECTIONS = frozenset({"correction", "erratum", "corrigendum", "addendum"})
# (and IEEE's abbreviations: "Proc. ACM Symp. Document Engineering", "Proc. IEEE Int. Conf. ...")
_PROCEEDINGS = re.compile(r"proceedings|conference|symposium|workshop|congress|\b(?:Proc|Conf|Symp)\.", re.I)


def check_reference(
    reference: Reference, resolution: Resolution, short_cites: Sequence[ShortCite] = ()
) -> tuple[list[Finding], Status]:
    """Findings for one reference given what the resolver made of it, and its status."""
    outcome = resolution.outcome
    if outcome is Outcome.NOT_FOUND:
        # mismatch when a search found the work all the same (its DOI is then named),
        # else no registry record is known for it: unresolved
        instead = resolution.searched_work
        return [_doi_not_found(reference, instead)], Status.MISMATCH if instead else Status.UNRESOLVED
    if outcome is Outcome.NO_MATCH:
        return [_unresolved(reference, resolution)], Status.UNRESOLVED
    if outcome is Outcome.AMBIGUOUS:
        return [_ambiguous(reference, resolution)], Status.UNRESOLVED
    if outcome is not Outcome.RESOLVED or resolution.work is None:
        return [], Status.UNCHECKED
    findings = _resolved_findings(reference, resolution, resolution.work, short_cites)
    return findings, resolved_status(findings)


def resolved_status(findings: Iterable[Finding]) -> Status:
    """The status of a resolved reference with these findings of it."""
    mismatch = any(f.code in MISMATCH_CODES and f.severity is not Severity.INFO for f in findings)
    return Status.MISMATCH if mismatch else Status.VERIFIED


def check_pages_offline(reference: Reference, short_cites: Sequence[ShortCite] = ()) -> list[Finding]:
    """page-out-of-range for pinpoints outside the reference's OWN page range (no registry)."""
    pages = reference.pages
    if pages is None or not (reference.pinpoints or any(map(_pinpoints, short_cites))):
        return []  # no range, or no page cited in it: most references
    bounds = pages.numeric() or page_numbers(_page_text(reference))
    if bounds is None or bounds[0] == bounds[1] and pages.last is None:
        return []
    where = f"the reference's own range is {bounds[0]}-{bounds[1]}"
    return _pinpoint_findings(reference, short_cites, bounds, where)


def registry_range(work: RegistryWork) -> tuple[int, int] | None:
    """The work's page range as the registry gives it, when it has two ends: once the work is
    known, cited pages are checked against this range, not the reference's own."""
    bounds = page_numbers(work.page)
    return bounds if bounds is not None and bounds[0] != bounds[1] else None


def _one_page_agreed(reference: Reference, work: RegistryWork) -> tuple[int, int] | None:
    """A one-page work's page, when the registry gives that one page and the reference says so
    too, with a singular label ("Oikos 45(3), p. 154."): the registry alone may give only a
    first page, and a reference may (Nature: "412, 154 (2001)"); both together mean one page."""
    cited = reference.pages
    bounds = page_numbers(work.page)
    if cited is None or cited.last is not None or bounds is None or bounds[0] != bounds[1] or cited.first != str(bounds[0]):
        return None
    return bounds if re.search(rf"(?<![\w.])[pS]\.\s?{bounds[0]}(?![\d-])", reference.text) else None


# --- outcomes other than resolved ------------------------------------------


def _cited_doi(reference: Reference) -> str | None:
    """The reference's DOI as its text writes it ("10.1016/S0006-8993(96)01078-5"), without a
    resolver's prefix; the normalised (lower-case) one where the text writes it otherwise."""
    for identifier in reference.ids(IdScheme.DOI):
        if identifier.value == reference.doi:
            written = identifier.raw[identifier.raw.find("10."):]
            return written if written.lower() == reference.doi else reference.doi
    return reference.doi


def _doi_not_found(reference: Reference, instead: RegistryWork | None) -> Finding:
    message = f"DOI {_cited_doi(reference)} cited, registry has no record of it"
    if instead is None:
        return _finding("doi-not-found", reference, message)
    return _finding("doi-not-found", reference, f"{message}; {_record_for_this_work(instead)}",
                    hint=_USE_THE_REGISTRY_DOI)


def _record_for_this_work(work: RegistryWork) -> str:
    return f"the registry's record for this work is {work.doi}"


_USE_THE_REGISTRY_DOI = "Replace the DOI with the registry's for this work, after checking that it is the work you cite."


def naming_the_registry_doi(finding: Finding, work: RegistryWork) -> Finding:
    """An invalid-doi finding of a reference that the registry found all the same (by a
    search, or by another DOI it cites), with the DOI the registry has for the work."""
    return replace(finding, message=f"{finding.message}; {_record_for_this_work(work)}",
                   hint=_USE_THE_REGISTRY_DOI)


def well_covered(reference: Reference) -> bool:
    """Kinds Crossref registers well: journal articles, proceedings papers, and chapters of
    edited volumes. A chapter of a single-author monograph ("Chapter 32: Odessa" of
    Berkman's book) is as rarely registered as the book itself."""
    if reference.kind is ReferenceKind.ARTICLE or _PROCEEDINGS.search(reference.container or ""):
        return True
    return reference.kind is ReferenceKind.CHAPTER and bool(reference.editors or reference.doi)


def _unresolved(reference: Reference, resolution: Resolution) -> Finding:
    severity = Severity.WARNING if well_covered(reference) else Severity.INFO
    closest = _closest(reference, resolution.candidates)
    registry = f"closest registry record is {_describe(closest)}" if closest else \
        "registry has no close record"
    return _finding("unresolved", reference, f"{_cited(reference)} cited, {registry}",
                    severity=severity)


def _ambiguous(reference: Reference, resolution: Resolution) -> Finding:
    works = " and ".join(_describe(w) for w in resolution.candidates[:2]) or "several records"
    return _finding("ambiguous-match", reference,
                    f"{_cited(reference)} cited, registry has {works}, which fit equally well")


# --- resolved: identifiers, fields, pages, updates --------------------------


def _resolved_findings(reference: Reference, resolution: Resolution, work: RegistryWork,
                       short_cites: Sequence[ShortCite]) -> list[Finding]:
    cited_doi_work = reference.doi is not None and (resolution.via == "doi" or work.doi == reference.doi)
    if cited_doi_work and not describes_same_work(reference, work):
        return [_doi_mismatch(reference, resolution, work)]
    findings = [f for f in (_jstor(reference, resolution, work),) if f]
    findings += [f for check in _FIELD_CHECKS if (f := check(reference, work))]
    bounds = registry_range(work) or _one_page_agreed(reference, work)
    if bounds is not None:
        where = (f"registry range is {bounds[0]}-{bounds[1]} ({work.doi})" if bounds[0] != bounds[1]
                 else f"the work is page {bounds[0]} alone, as cited and in the registry ({work.doi})")
        findings += _pinpoint_findings(reference, short_cites, bounds, where, _article_number(work))
    return findings + _update_findings(reference, work)


def _doi_mismatch(reference: Reference, resolution: Resolution, work: RegistryWork) -> Finding:
    others = [w for w in resolution.candidates if w.doi != work.doi]
    best = _closest(reference, others)
    suggestion = f"; the registry's candidate is {best.doi}" if best else ""
    return _finding("doi-mismatch", reference,
                    f"DOI {_cited_doi(reference)} cited for {_cited(reference)}, "
                    f"registry has it as {_describe(work)}{suggestion}")


def _jstor(reference: Reference, resolution: Resolution, work: RegistryWork) -> Finding | None:
    other = resolution.jstor_work
    if other is None or other.doi == work.doi:
        return None
    return _finding("jstor-mismatch", reference,
                    f"JSTOR {reference.jstor or other.doi} cited, registry has it as "
                    f"{_describe(other)}, but DOI {work.doi} is {_describe(work)}")


# A paper, which has no editions (a conference paper placed by its title and pages)
_PAPER_TYPES = frozenset({"journal-article", "proceedings-article", "posted-content"})


def _year(reference: Reference, work: RegistryWork) -> Finding | None:
    gap = year_gap(reference, work)
    if not gap:
        return None
    severity = Severity.WARNING if gap == 1 else Severity.ERROR
    edition = ""
    if (gap > 1 and not (evidence := score(reference, work)).isbn and evidence.placed_but_for_year
            and evidence.volume is None and work.type not in _PAPER_TYPES):
        # a book placed by title, author and publisher alone, or a chapter by its book and first
        # page (no journal's volume): the registry may hold another edition of the book
        severity, edition = Severity.WARNING, "; or the registry holds another edition"
    # (the gap is measured to the nearest of the registry's years: all of them are quoted)
    others = sorted({y for y in work.other_years if y and y != work.year})
    also = f" (or {'/'.join(map(str, others))}, its print or online year)" if others else ""
    return _finding("year-mismatch", reference,
                    f"year {reference.year} cited, registry has {work.year}{also} ({work.doi}){edition}",
                    severity=severity)


def _author(reference: Reference, work: RegistryWork) -> Finding | None:
    agreement = author_agreement(reference, work)
    if agreement is AuthorAgreement.MATCH and _misspelled(reference, work):
        people = work.authors or work.editors
        return _finding("author-mismatch", reference,
                        f"first author {reference.authors[0].display()} cited, registry has "
                        f"{people[0].display()} ({work.doi}); the surname is spelled differently",
                        severity=Severity.WARNING)
    if agreement in (None, AuthorAgreement.MATCH, AuthorAgreement.UNMENTIONED):
        return None
    people = work.authors or work.editors
    cited, first = reference.authors[0].display(), people[0].display()
    detail = {AuthorAgreement.SWAPPED: "; given and family names look swapped",
              AuthorAgreement.OTHER_POSITION: f"; {reference.authors[0].family} is a later author",
              AuthorAgreement.MISSPELT: "; the surname is spelled differently"}
    message = (f"first author {cited} cited, registry has {first} ({work.doi})"
               f"{detail.get(agreement, '')}")
    severity = Severity.ERROR if _unrelated_name(reference, work) else Severity.WARNING
    return _finding("author-mismatch", reference, message, severity=severity)


def _misspelled(reference: Reference, work: RegistryWork) -> bool:
    """The first author's surname taken as the registry's for its likeness, with a letter no
    variant spelling explains ("Minichello" for "Minichillo"): the work is found, the name
    is wrong."""
    people = work.authors or work.editors
    # (spelled_differently asks the likeness same_surname would accept on: no second test)
    return bool(reference.authors and people and not starts_with_author(reference, work)
                and spelled_differently(reference.authors[0].family, people[0].family))


def _unrelated_name(reference: Reference, work: RegistryWork) -> bool:
    """The cited first author resembles nobody in the work's authors or editors."""
    cited = reference.authors[0]
    names = [n for p in work.authors + work.editors for n in (p.family, p.given) if n]
    return all(text_similarity(normalise_text(cited.family), normalise_text(n)) < 0.6 for n in names)


def _title(reference: Reference, work: RegistryWork) -> Finding | None:
    if not reference.title or not work.title:
        return None
    similarity = score(reference, work).title or 0.0
    # (not a subtitle that repeats the title, as some records have: "Lifset\n, Speaking Industrial Ecology")
    registry = (f"{work.title}: {work.subtitle}" if work.subtitle and normalise_text(work.title)
                not in normalise_text(work.subtitle) else work.title)
    if "\ufffd" in registry and _same_but_garbled(reference.title, registry):
        return None  # the registry's title lost its accented letters ("Contr\ufffdle"): the cited one is whole
    if similarity < TITLE_AGREES:
        if (cited_title_cut_short(reference.title, work, _CUT_SHORT_WORDS)
                or registry_title_cut_short(reference.title, work)):
            return None
        return _finding("title-mismatch", reference,
                        f'title "{reference.title}" cited, registry has "{registry}" ({work.doi})')
    changed = _changed_words(reference.title, work)
    if changed is None:
        return None
    cited, theirs = changed
    where = f'"{cited}" where the registry has "{theirs}"' if theirs else f'"{cited}" is not in it'
    return _finding("title-mismatch", reference,
                    f'title "{reference.title}" cited, registry has "{registry}" ({work.doi}): {where}')


def _same_but_garbled(cited: str, registry: str) -> bool:
    """The cited title is the registry's where the registry has replacement characters
    (U+FFFD) for the letters it lost: each stands for one letter, "Contr\ufffdle" for "Contrôle"."""
    pattern = ".".join(re.escape(part) for part in unicodedata.normalize("NFC", registry).split("\ufffd"))
    return re.fullmatch(pattern, unicodedata.normalize("NFC", cited), re.IGNORECASE | re.DOTALL) is not None


# A cited title that is the registry's first four words or more, cut off: one that ran into
# brackets or a formula ("... 3-azabicyclo[3.3.1]nonan-9-one derivatives") and was cut there,
# not another title.
_CUT_SHORT_WORDS = 4


# Words that change no title's subject: dropped, added or swapped, they are a style variant.
_FUNCTION_WORDS = frozenset(
    "the and for with from into onto upon over under between among about their this that these "
    "those which what when where whose than then also some such other through within without "
    "versus toward towards during after before since until while same more most very both each "
    "einer eines einem dans pour avec entre sobre para como".split())


def _changed_words(title: str, work: RegistryWork) -> tuple[str, str | None] | None:
    """Words of the title that are not the registry's: "Seasonal stability" for "Temporal
    variation", "Anionic ... Domain" for "cationic ... phase". Returns the cited words and
    the registry's in their place (None where the cited words were added).

    Similar overall (so the work is found), but a cited word of four letters or more that
    is like no word of the registry's title is another word, not a style variant: alike are
    a spelling variant or typo (colour/color, haemo/hemo, Defecter), a plural or compound
    (defectors, database/data base) and an abbreviation (vs/versus). Words the registry has
    and the citation lacks are not counted (a dropped subtitle or word), nor are extra words
    at either end of the cited title (the parser's leftovers), nor a different ending where
    only the registry's subtitle is left to compare.
    """
    cited = normalise_text(title).split()
    registry = normalise_text(f"{work.title} {work.subtitle or ''}").split()
    if len(cited) < 3 or cited == registry:
        return None
    if max(text_similarity(" ".join(cited), " ".join(registry[:length]))
           for length in {len(registry), len(normalise_text(work.title).split())}) < TITLE_AGREES:
        return None  # the work was placed by other means than this title ("Jane, and Paul
        # M. Dewick", authors the parser took for the title): its words say nothing
    main_words = len(normalise_text(work.title).split())
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, cited, registry, autojunk=False).get_opcodes():
        if tag == "equal" or tag == "insert":
            continue
        if tag == "delete" and (i1 == 0 or i2 == len(cited)):
            continue
        if tag == "replace" and i2 == len(cited) and j1 >= main_words:
            continue
        if any(_is_content(word) and not any(_alike(word, theirs) for theirs in registry)
               for word in cited[i1:i2]):
            return " ".join(cited[i1:i2]), " ".join(registry[j1:j2]) if tag == "replace" else None
    return None


def _is_content(word: str) -> bool:
    return len(word) >= 4 and word.isalpha() and word not in _FUNCTION_WORDS


def _alike(word: str, other: str) -> bool:
    if word == other:
        return True
    if len(other) >= 4 and (word in other or other in word):
        return True  # a plural, an inflection or a compound: defector(s), data base / database
    if text_similarity(word, other) >= 0.85 or (word[0] == other[0] and Levenshtein.distance(word, other) <= 2):
        return True  # a typo or a spelling variant: sulphur/sulfur, oesophagus/esophagus
    # an abbreviation: its first letter, then consonants of the word in order (vs / versus,
    # govt / government); "for" is a word of its own, not one of "foundry"
    short, long_ = sorted((word, other), key=len)
    return (len(short) <= 4 and short[0] == long_[0] and not _VOWELS.intersection(short[1:])
            and _in_order(short, long_))


_VOWELS = frozenset("aeiouy")


def _in_order(letters: str, word: str) -> bool:
    rest = iter(word)
    return all(letter in rest for letter in letters)


def _container(reference: Reference, work: RegistryWork) -> Finding | None:
    # a whole book's container is a series, and a book cited with no locators names no
    # journal ("Durkheim, É. (1893). De la division du travail social. J.-M. Tremblay.": APA's
    # publisher, read as a container)
    if work.type in BOOK_TYPES and reference.volume is None and reference.issue is None and reference.pages is None:
        return None
    if same_container(reference, work) is not False or _title_as_container(reference, work):
        return None
    registry = work.container_titles[0] if work.container_titles else ", ".join(work.issn)
    cited = reference.container or ", ".join(i.value for i in reference.identifiers
                                             if i.scheme.value == "issn")
    if reference.container and ". " in cited and f"{cited}." in reference.text:
        cited += "."  # an abbreviated name's last full stop, which the field leaves out: "J. Supercomput."
    return _finding("container-mismatch", reference,
                    f'container "{cited}" cited, registry has "{registry}" ({work.doi})')


def _title_as_container(reference: Reference, work: RegistryWork) -> bool:
    """The parser took the work's own title for the journal (authors it could not read,
    "Jacobs, P M, J M Twomey, and P K Leaver."): a misreading, not another journal."""
    cited = normalise_text(reference.container or "")
    return bool(cited) and bool(work.title) and text_similarity(
        cited, normalise_text(work.title)) >= TITLE_AGREES


def _volume(reference: Reference, work: RegistryWork) -> Finding | None:
    if same_volume(reference.volume, work.volume) is not False:
        return None
    return _finding("volume-mismatch", reference,
                    f"volume {reference.volume} cited, registry has {work.volume} ({work.doi})")


def _issue(reference: Reference, work: RegistryWork) -> Finding | None:
    if same_issue(reference.issue, work.issue) is not False:
        return None
    return _finding("issue-mismatch", reference,
                    f"issue {reference.issue} cited, registry has {work.issue} ({work.doi})")


def _pages(reference: Reference, work: RegistryWork) -> Finding | None:
    if reference.pages is None or not work.page or pages_cited_within(reference, work.page):
        return None
    first_agrees = same_first_page(reference.pages.first, work.page)
    if first_agrees is None:
        return None
    if not first_agrees and reference.pages.last is None and _numbered_from_one(work.page):
        return None  # an article number ("Sci. Rep. 9, 1823836") where the registry paginates the PDF: "1-11"
    cited, registry = page_numbers(_page_text(reference)), page_numbers(work.page)
    # (a registry that gives only the first page, "99", says nothing of the last)
    if first_agrees and (cited is None or registry is None or reference.pages.last is None
                         or page_bounds(work.page)[1] is None or cited[1] == registry[1]):
        return None
    severity = Severity.WARNING if first_agrees else Severity.ERROR
    cited_text = reference.pages.raw or _page_text(reference)
    return _finding("pages-mismatch", reference,
                    f"pages {cited_text} cited, registry has {work.page} ({work.doi})",
                    severity=severity)


def _numbered_from_one(page: str) -> bool:
    bounds = page_bounds(page)
    return bounds is not None and bounds[0] == "1" and bounds[1] is not None


_FIELD_CHECKS: tuple[Callable[[Reference, RegistryWork], Finding | None], ...] = (
    _year, _author, _title, _container, _volume, _issue, _pages)


def _update_findings(reference: Reference, work: RegistryWork) -> list[Finding]:
    """retracted (the work was retracted, or the cited DOI is a retraction notice) and
    corrected (a correction or erratum exists), from Crossref's update metadata."""
    findings = []
    for update in work.updated_by:
        kind = update.type.lower().replace("_", "-")
        when = f" on {update.date}" if update.date else ""
        if kind in _RETRACTIONS or kind in _CORRECTIONS:
            code = "retracted" if kind in _RETRACTIONS else "corrected"
            verb = "retracted" if kind in _RETRACTIONS else f"has a {kind}"
            findings.append(_finding(code, reference, f"{work.doi} cited, registry: {verb} "
                                                      f"({update.doi}{when})"))
    for update in work.update_to:
        if update.type.lower().replace("_", "-") in _RETRACTIONS:
            # (info: a notice is cited on purpose as often as by mistake, in a paper on the
            # retraction itself; a warning would cry wolf there)
            findings.append(_finding("retracted", reference,
                                     f"{work.doi} cited, registry: it is the retraction "
                                     f"notice of {update.doi}, not the retracted work itself",
                                     severity=Severity.INFO))
    return findings


# --- pinpoints --------------------------------------------------------------

_PINPOINT = re.compile(r"^(?:pp?\.?\s*)?[A-Za-z]?(\d+)[a-z]*(?:\s*[-\u2013]\s*[A-Za-z]?(\d+))?")
# (Attribute getters are called without a Python frame, unlike a generator or a lambda.)
_pinpoints = attrgetter("pinpoints")
_span_and_pinpoints = attrgetter("span", "pinpoints")


@lru_cache(maxsize=4096)  # the same few pages are cited again and again
def pinpoint_pages(text: str) -> tuple[int, int] | None:
    """``407`` -> (407, 407); ``405-7`` -> (405, 407); None for roman or unreadable pages."""
    if text.isdigit() and text.isascii():  # a plain page, the common case: no regex needed
        page = int(text)
        return page, page
    match = _PINPOINT.match(text.strip())
    if match is None:
        return None
    low, high = match.group(1), match.group(2)
    if high is not None and len(high) < len(low):
        high = low[: len(low) - len(high)] + high
    return int(low), int(high or low)


def _article_number(work: RegistryWork) -> str | None:
    """The article number that ends the work's DOI ("10.1155/2015/214563"), as an online-only
    journal's reference gives it where a page would stand ("2015 (2015): 214563"): no page."""
    match = _DOI_ARTICLE_NUMBER.search(work.doi)
    return match.group(1) if match else None


_DOI_ARTICLE_NUMBER = re.compile(r"[/.](?:e|journal\.\w+\.)?(\d{4,9})$")


def _pinpoint_findings(reference: Reference, short_cites: Sequence[ShortCite],
                       bounds: tuple[int, int], where: str, article_number: str | None = None) -> list[Finding]:
    findings = []
    low, high = bounds
    cited = [(reference.span, reference.pinpoints), *map(_span_and_pinpoints, short_cites)]
    for span, pinpoints in cited:
        for pinpoint in pinpoints:
            if article_number is not None and pinpoint.lstrip("e") == article_number:
                continue
            pages = pinpoint_pages(pinpoint)
            if pages is not None and (pages[0] < low or pages[1] > high):
                # the subject leaves out whose range it is: a page outside both the
                # reference's own range and the registry's is one fault, found by both checks
                cited = f"{'pages' if pages[0] != pages[1] else 'page'} {pinpoint}"
                findings.append(codes.finding(
                    "page-out-of-range", span, f"{cited} cited, {where}",
                    reference_id=reference.id, subject=cited))
    return findings


# --- wording ---------------------------------------------------------------


def _finding(code: str, reference: Reference, message: str, *, severity: Severity | None = None,
             span: Span | None = None, hint: str | None = None) -> Finding:
    return codes.finding(code, span or reference.span, message, reference_id=reference.id,
                         severity=severity, hint=hint)


def _page_text(reference: Reference) -> str:
    pages = reference.pages
    if pages is None:
        return ""
    return f"{pages.first}-{pages.last}" if pages.last else pages.first


def _cited(reference: Reference) -> str:
    """The reference in a few words: "Title" (Author Year)."""
    who = " ".join(str(x) for x in (reference.first_author, reference.year) if x)
    what = f'"{reference.title}"' if reference.title else reference.text[:80]
    return f"{what} ({who})" if who else what


def _describe(work: RegistryWork) -> str:
    """A registry work in a few words: "Title" (Author Year, DOI)."""
    people = work.authors or work.editors
    label = " ".join(str(x) for x in (people[0].family if people else None, work.year) if x)
    title = f'"{work.title}"' if work.title else "untitled record"
    return f"{title} ({label + ', ' if label else ''}{work.doi})"


def _closest(reference: Reference, works: Sequence[RegistryWork]) -> RegistryWork | None:
    """The candidate that fits the reference best, if any."""
    if not works:
        return None
    return max(works, key=lambda w: score(reference, w).points)
