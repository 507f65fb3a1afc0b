"""The finding codes: one table that the checks, ``--explain``, SARIF rules and the
README all read, so a code means the same thing everywhere."""

from __future__ import annotations

from dataclasses import dataclass

from .models import Finding, Severity, Span


@dataclass(frozen=True, slots=True)
class Code:
    id: str
    severity: Severity  # the default; a check may lower or raise it where it says why
    summary: str  # one line, for tables and SARIF shortDescription
    hint: str  # what to do, shown under the finding
    explain: str  # why it matters, for --explain
    # Each severity the checks give this code and when, the default first, for a code whose
    # severity depends on the case (the rules are the checks', in checks/registry.py);
    # empty when the code always has its default severity.
    when: tuple[tuple[Severity, str], ...] = ()

    @property
    def severities(self) -> tuple[Severity, ...]:
        return tuple(severity for severity, _ in self.when) or (self.severity,)

    @property
    def label(self) -> str:
        """``warning``, or ``warning/error`` for a code with two severities."""
        return "/".join(severity.label for severity in self.severities)


CODES: dict[str, Code] = {}


def _code(id: str, severity: Severity, summary: str, hint: str, explain: str,
          when: tuple[tuple[Severity, str], ...] = ()) -> None:
    assert not when or when[0][0] is severity, f"{id}: the default severity's rule comes first"
    CODES[id] = Code(id, severity, summary, hint, explain, when)


E, W, I = Severity.ERROR, Severity.WARNING, Severity.INFO

# --- linkage ---------------------------------------------------------------
_code("dangling-marker", E, "A footnote marker points to no note.",
      "Add the missing note, or remove or renumber the marker.",
      "A reader who follows the marker finds nothing: the claim it supports is unsourced. "
      "Often a note was deleted or the notes were renumbered. When a document has markers but no "
      "notes at all (an excerpt, or notes lost in copying), one finding lists them all.")
_code("unused-note", I, "A note that no marker cites, or an author-date reference no cite names.",
      "Cite the note in the text or remove it; normal in an excerpt.",
      "A note with no marker is invisible to readers. In an excerpt of a longer text this is "
      "expected, hence only info. In an author-date document (APA, Harvard, MLA, Chicago "
      "author-date: parenthetical cites and no notes) an entry of the reference list that no "
      "cite names is reported the same way: those lists hold only the works cited.")
_code("backlink-mismatch", I, "A Wikipedia backlink count differs from the markers found.",
      "Check whether markers were lost (or added) when the text was copied.",
      "Wikipedia notes list one backlink letter per citing marker ('Jump up to: a b c'). A "
      "different count of markers in the text means some were lost, or the text is an excerpt.")
_code("duplicate-note", W, "Two notes carry the same number.",
      "Renumber the notes so that each number is used once.",
      "With two notes of one number a marker is ambiguous: the reader cannot tell which source "
      "supports the claim.")
_code("stray-number", I, "A reference line starts with a number that is not a note label.",
      "Remove the stray number, or make the line a proper note.",
      "Copying from a web page often leaves a footnote number glued to the start of a reference "
      "('10 Coox, Alvin D. ...'). The reference is still checked; the number is not taken as a note.")
_code("orphan-short-cite", W, "A short cite matches no full reference.",
      "Add the full reference to the bibliography, or correct the author or year.",
      "A short cite such as 'Coox 1968, p. 407' is only useful when the full reference it "
      "abbreviates is somewhere in the document or the corpus.")
_code("ambiguous-short-cite", W, "A short cite matches more than one full reference.",
      "Disambiguate with a year suffix (1968a, 1968b) or a short title.",
      "When two works share author and year, 'Smith 1990' cannot tell the reader which is meant.")
# --- identifiers -----------------------------------------------------------
_code("invalid-doi", E, "A DOI with impossible syntax.",
      "A DOI is '10.' + registrant code + '/' + suffix; check for typos and stray punctuation.",
      "A malformed DOI resolves nowhere; readers and link checkers will fail on it.")
_code("invalid-isbn", E, "An ISBN with a wrong length or check digit.",
      "Copy the ISBN again from the book or a library catalogue.",
      "The last digit of an ISBN is a checksum; a wrong one means a digit was mistyped.")
_code("invalid-issn", E, "An ISSN with a wrong check digit.",
      "Copy the ISSN again from the journal or the ISSN portal.",
      "The last character of an ISSN is a checksum; a wrong one means a digit was mistyped.")
_code("page-out-of-range", E, "A cited page lies outside the work's page range.",
      "Check the pinpoint page and the page range of the work.",
      "A pinpoint page outside the article's pages points the reader to the wrong place: usually "
      "a typo in the page, or a cite to a different work.")
# --- registry --------------------------------------------------------------
_code("doi-not-found", E, "The DOI is known neither to Crossref nor to the DOI system.",
      "Check the DOI for typos; search the title at https://search.crossref.org.",
      "A DOI that resolves nowhere is a dead link in print, and often a sign of a mistyped or "
      "invented reference.")
_code("doi-mismatch", E, "The DOI names a different work than the reference describes.",
      "Replace the DOI with the one of the cited work (the registry's candidate is shown).",
      "A valid DOI of another work sends readers to the wrong paper. Usually a copy-paste slip.")
_code("jstor-mismatch", E, "The DOI and the JSTOR id name different works.",
      "Keep the identifier that matches the reference and correct the other.",
      "Both identifiers resolve, but to different works: one of them was copied from elsewhere.")
_code("unresolved", W, "No registry record matches the reference.",
      "Check the reference against the original; add a DOI if the work has one.",
      "Crossref covers most journal articles and chapters; not finding one is a warning. Books, "
      "newspapers, web pages and archives are often absent, so for them it is only info.",
      ((W, "for a journal article, a paper in conference proceedings (the container names "
           "proceedings, a conference, symposium, workshop or congress), or a chapter of an "
           "edited volume (editors named) or with a DOI: kinds Crossref registers well"),
       (I, "for a book, a chapter of a single-author book, a newspaper or magazine article, a web "
           "page or anything else: kinds often absent from Crossref")))
_code("ambiguous-match", W, "Two registry records match the reference equally well.",
      "Add a DOI to say which work is meant.",
      "The reference is too vague to tell two registered works apart (for example a reprint).")
_code("year-mismatch", W, "The cited year differs from the registry's.",
      "Correct the year, unless you cite a reprint on purpose.",
      "A wrong year misleads readers and breaks author-year cites.",
      ((W, "when the cited year is one year off the registry's (or off its print or online year, "
           "whichever is nearest); or more than one year off for a book placed by its title, "
           "first author and publisher with no ISBN that agrees, or a chapter placed by its "
           "book and first page, as the registry may hold another edition"),
       (E, "when the cited year is more than one year off in any other case (an article in the "
           "same journal, volume and pages; a book whose ISBN agrees)")))
_code("author-mismatch", W, "The first author differs from the registry's.",
      "Correct the author's name (check given and family names are not swapped).",
      "A wrong first author makes the work hard to find and misattributes it.",
      ((W, "when the cited first author resembles one of the work's names: the surname spelled "
           "differently, given and family names swapped, a later author of the work cited "
           "first, or a name like one of its authors' or editors'"),
       (E, "when the cited first author resembles none of the work's authors' or editors' family "
           "or given names")))
_code("title-mismatch", W, "The title differs from the registry's.",
      "Correct the title.",
      "Case, punctuation, subtitles and bracketed translations are ignored; what remains is a "
      "real difference.")
_code("container-mismatch", W, "The journal or book differs from the registry's.",
      "Correct the journal title.",
      "Abbreviations and former titles of the same journal are accepted.")
_code("volume-mismatch", E, "The volume differs from the registry's.",
      "Correct the volume.",
      "A wrong volume sends readers to the wrong issue of the journal. Roman and arabic "
      "numerals of one volume (XIX, 19) are the same volume, so what remains is another number.")
_code("issue-mismatch", W, "The issue number differs from the registry's.",
      "Correct the issue.", "A wrong issue sends readers to the wrong issue of the journal.")
_code("pages-mismatch", W, "The page range differs from the registry's.",
      "Correct the page range ('405–20' and '405-420' are the same).",
      "A wrong page range points readers to the wrong place in the volume.",
      ((W, "when the first page agrees and only the last page differs"),
       (E, "when the first page differs: another place in the volume")))
_code("retracted", E, "The cited work was retracted.",
      "Check whether the citation is still appropriate, and say that the work was retracted.",
      "Citing a retracted work as if it stood is a serious error; Crossref records retractions "
      "(including Retraction Watch data) in its update metadata.",
      ((E, "when the cited work was retracted, withdrawn or removed"),
       (I, "when the cited DOI is the retraction notice itself, which a paper on the retraction "
           "cites on purpose")))
_code("corrected", I, "The cited work has a correction or erratum.",
      "Check the correction; cite it too if it matters to your claim.",
      "Corrections may change the figures or claims you rely on.")
# --- corpus ----------------------------------------------------------------
_code("conflicting-citation", W, "The same work is cited with conflicting details.",
      "Make all places agree (the one that agrees with the registry is named).",
      "When two documents cite one work with different years, pages or identifiers, at least "
      "one is wrong.")
_code("claim-drift", W, "A passage repeated in two documents differs in a date, number or name.",
      "Check which version is right and correct the other.",
      "Copied passages drift as they are edited: a date or figure changed in one copy is a "
      "factual contradiction within the corpus.")
_code("uncited-copy", I, "A passage cited in one document appears without its citation in another.",
      "Add the citation to the copy.",
      "Text reused without its citation loses its source.")
# --- input -----------------------------------------------------------------
_code("unreadable-input", E, "A file could not be read as a document.",
      "Convert the file to UTF-8 text, Markdown or BibTeX.",
      "Binary files, empty files and undecodable text cannot be checked.")
_code("bibtex-syntax", E, "A BibTeX entry could not be parsed.",
      "Fix the braces or quotes of the entry at the line shown.",
      "A malformed entry is skipped by BibTeX tools; the rest of the file is still checked.")

del E, W, I


def lookup(code: str) -> Code:
    return CODES[code]


def finding(
    code: str,
    span: Span,
    message: str,
    *,
    reference_id: str | None = None,
    severity: Severity | None = None,
    hint: str | None = None,
    related: tuple = (),
    subject: str = "",
) -> Finding:
    """Build a Finding with the code's default severity and hint."""

    entry = CODES[code]
    return Finding(
        code=code,
        severity=severity if severity is not None else entry.severity,
        span=span,
        message=message,
        hint=entry.hint if hint is None else hint,
        reference_id=reference_id,
        related=tuple(related),
        subject=subject,
    )
