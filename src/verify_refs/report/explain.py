"""``verify-refs --explain CODE``: what a finding means, why it matters, how to fix it.

The summary, the hint and the explanation come from ``codes.CODES`` (one table for the
checks, SARIF rules and this page); the examples live here because only this page shows
them. An unknown code raises ``KeyError`` whose message lists the known codes (and the
closest ones), ready for the CLI to print.
"""

from __future__ import annotations

import difflib
import textwrap

from .. import codes

_WIDTH = 78

# A short input and what verify-refs says about it. Identifiers are made up (10.1234/...).
EXAMPLES: dict[str, str] = {
    "dangling-marker": "Text: 'the purge began in 1937.[14]' where the notes stop at 13.\n"
                       "-> marker [14] points to no note",
    "unused-note": "Notes: '7. Coox 1968, p. 405.' and no [7] in the text.\n-> note 7 is never cited",
    "backlink-mismatch": "Note: '2. Jump up to: a b c d Kuksin 1999' but only two [2] markers in the text.\n"
                         "-> 4 backlinks, 2 markers found",
    "duplicate-note": "Notes: '8. Coox 1968, p. 411.' and '8. Coox 1968, p. 412.'\n-> two notes numbered 8",
    "stray-number": "Reference line: '10 Coox, Alvin D. (January 1968). \"L'Affaire Lyushkov\" ...'\n"
                    "-> the leading '10' is not a note label",
    "orphan-short-cite": "Note: 'Smith 1990, p. 12.' with no Smith 1990 in any bibliography.\n"
                         "-> no full reference for Smith 1990",
    "ambiguous-short-cite": "Note: 'Smith 1990, p. 12.' with two works by Smith from 1990.\n"
                            "-> Smith 1990 matches 2 references; use 1990a / 1990b",
    "invalid-doi": "Reference: 'doi:10.1234 /example.5' (a space inside).\n-> not a DOI",
    "invalid-isbn": "Reference: 'ISBN 0-394-44645-4'.\n-> wrong check digit (expected 3)",
    "invalid-issn": "Reference: 'ISSN 0038-5858'.\n-> wrong check digit (expected 9)",
    "page-out-of-range": "Article pages 405-420, note cites 'p. 514'.\n-> page 514 is outside 405-420",
    "doi-not-found": "Reference: 'doi:10.1234/does-not-exist'.\n-> neither Crossref nor doi.org knows it",
    "doi-mismatch": "Reference to Smith, 'Rivers of Iron' with the DOI of Jones, 'Salt Flats'.\n"
                    "-> the DOI names another work; the registry's candidate is shown",
    "jstor-mismatch": "Reference with a DOI of one article and the JSTOR id of another.\n"
                      "-> DOI and JSTOR name different works",
    "unresolved": "Reference: Smith, J. (2019). 'A Title Nobody Registered'. Some Journal 3: 1-9.\n"
                  "-> no Crossref record matches",
    "ambiguous-match": "Reference: Smith, 'Collected Essays' (1990), no DOI; two editions registered.\n"
                       "-> two registry records match equally",
    "year-mismatch": "Cited '(1969)', the registry has 1968.\n-> year 1969, registry 1968",
    "author-mismatch": "Cited 'Cox, A.', the registry has 'Coox, Alvin D.'.\n-> first author differs",
    "title-mismatch": "Cited 'Anatomy of a Defection', the registry has 'Anatomy of a Defector'.\n"
                      "-> title differs",
    "container-mismatch": "Cited in 'Slavic Review', the registry has 'Soviet Studies'.\n-> journal differs",
    "volume-mismatch": "Cited volume 18, the registry has 19.\n-> volume differs",
    "issue-mismatch": "Cited issue 2, the registry has 3.\n-> issue differs",
    "pages-mismatch": "Cited pages 405-29, the registry has 405-420.\n-> page range differs",
    "retracted": "Reference to a paper with a Crossref 'retraction' update.\n-> the cited work was retracted",
    "corrected": "Reference to a paper with a Crossref 'correction' update.\n-> the work has a correction",
    "conflicting-citation": "a.txt cites doi:10.1234/example (1968), b.txt cites it as (1969).\n"
                            "-> year of the work differs across the corpus: 1969 here; 1968 in a.txt:12",
    "claim-drift": "a.txt: 'On 7 August 1945, the Soviet invasion of Manchuria commenced'\n"
                   "b.txt: 'On 9 August 1945, the Soviet invasion of Manchuria commenced'\n"
                   "-> \"7 August 1945\" here, \"9 August 1945\" in b.txt:34",
    "uncited-copy": "a.txt: 'a high propaganda value,[8] so ...'; b.txt: the same sentence with no marker.\n"
                    "-> the passage is cited in a.txt:19 but carries no citation here",
    "unreadable-input": "notes.txt saved as cp1251.\n-> not UTF-8; convert it, e.g. iconv -f cp1251 -t utf-8",
    "bibtex-syntax": "@article{coox1968, title = {L'Affaire Lyushkov, year = 1968}\n"
                     "-> unbalanced braces in entry coox1968",
}


def explain(code: str) -> str:
    """The ``--explain`` page of ``code``; raises ``KeyError`` (listing the codes) if unknown."""
    entry = codes.CODES.get(code.strip().lower())
    if entry is None:
        raise KeyError(unknown_code_message(code))
    sections = [f"{entry.id} ({entry.label})", entry.summary]
    if entry.when:
        sections.append("Severity:\n" + "\n".join(
            _indent(f"{severity.label} {rule}.", hanging=True) for severity, rule in entry.when))
    sections += [
        "What it means and why it matters:\n" + _indent(entry.explain),
        "How to fix it:\n" + _indent(entry.hint),
    ]
    example = EXAMPLES.get(entry.id)
    if example:
        sections.append("Example:\n" + "\n".join("  " + line for line in example.splitlines()))
    return "\n\n".join(sections)


def unknown_code_message(code: str) -> str:
    """One line naming the unknown code, the closest known ones, then all codes."""
    close = difflib.get_close_matches(code.strip().lower(), list(codes.CODES), n=3)
    hint = f" Did you mean {' or '.join(close)}?" if close else ""
    return f"unknown finding code {code!r}.{hint} Known codes: {', '.join(sorted(codes.CODES))}"


def _indent(text: str, hanging: bool = False) -> str:
    """``text`` wrapped and indented; ``hanging``: its continuation lines further in, so that
    each of several items stands out."""
    return textwrap.fill(text, _WIDTH, initial_indent="  ", subsequent_indent="    " if hanging else "  ")
