"""``claim-drift`` and ``uncited-copy``: one passage in two documents.

Passages with identical words are grouped first, so a sentence repeated in many documents
is sketched and compared once. Groups become candidates through MinHash LSH
(``near_duplicates``) and are confirmed by aligning their words (``drift``).

Decisions (see the tests):

* ``claim-drift`` is reported once per pair of differing passages, at the copy whose
  ``(path, line, column)`` sorts first, so the result does not depend on the order of the
  inputs; ``related`` lists the other copies, and the message quotes both versions.
* ``uncited-copy`` is reported at a passage that has no citation when a copy of it in
  another document has one. A document that cites nothing at all (typically an excerpt
  whose notes were lost in copying) gets one finding listing its copied passages instead
  of one per sentence.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from .. import codes
from ..extract.source import SourceText
from ..models import Finding, ParsedDocument, Span
from .drift import Comparison, Difference, compare
from .near_duplicates import candidate_pairs
from .passages import Passage


class _Copies:
    """The passages of a corpus grouped by identical words, with spans and quotes."""

    def __init__(self, sources: Sequence[SourceText], passages: Sequence[Passage]) -> None:
        self.sources = sources
        self.passages = passages
        groups: dict[tuple[str, ...], list[int]] = defaultdict(list)
        for index in sorted(range(len(passages)), key=lambda i: (passages[i].path, passages[i].start)):
            groups[passages[index].words].append(index)
        self.groups = list(groups.values())
        self.similar: dict[int, set[int]] = defaultdict(set)

    def span(self, index: int, word: int | None = None) -> Span:
        passage = self.passages[index]
        offset = passage.start if word is None else passage.starts[word]
        return self.sources[passage.doc].span(offset)

    def quote(self, index: int, start: int, end: int) -> str:
        passage = self.passages[index]
        text = self.sources[passage.doc].original[passage.starts[start]:passage.ends[end - 1]]
        return " ".join(text.split())

    def place(self, index: int, word: int | None = None) -> str:
        span = self.span(index, word)
        return f"{span.path}:{span.line}"


def check_copies(sources: Sequence[SourceText], documents: Sequence[ParsedDocument | None],
                 passages: Sequence[Passage]) -> list[Finding]:
    """Drifted and uncited copies among ``passages`` (``Passage.doc`` indexes ``sources``)."""
    copies = _Copies(sources, passages)
    findings = []
    for g, h in candidate_pairs([passages[group[0]].words for group in copies.groups]):
        if not _across_documents(copies, g, h):
            continue
        comparison = compare(passages[copies.groups[g][0]], passages[copies.groups[h][0]])
        if comparison is None:
            continue
        copies.similar[g].add(h)
        copies.similar[h].add(g)
        if comparison.drift:
            findings.append(_drift_finding(copies, g, h, comparison))
    uncited_docs = {i for i, d in enumerate(documents) if d is None or not (d.markers or d.short_cites)}
    return findings + _uncited_findings(copies, uncited_docs)


def _across_documents(copies: _Copies, g: int, h: int) -> bool:
    docs_g = {copies.passages[i].doc for i in copies.groups[g]}
    docs_h = {copies.passages[i].doc for i in copies.groups[h]}
    return len(docs_g | docs_h) > 1


# --- claim-drift -------------------------------------------------------------


def _drift_finding(copies: _Copies, g: int, h: int, comparison: Comparison) -> Finding:
    here, there, flipped = _placement(copies, g, h)
    diffs = [_flip(d) if flipped else d for d in comparison.drift]
    partner = there[0]
    parts = [f'"{copies.quote(here, d.a_start, d.a_end)}" here, '
             f'"{copies.quote(partner, d.b_start, d.b_end)}" in {copies.place(partner, d.b_start)}'
             for d in diffs]
    more = f" (and {len(there) - 1} more copies)" if len(there) > 1 else ""
    message = "; ".join(parts) + more
    related = tuple(copies.span(i, diffs[0].b_start) for i in there)
    return codes.finding("claim-drift", copies.span(here, diffs[0].a_start), message, related=related)


def _placement(copies: _Copies, g: int, h: int) -> tuple[int, list[int], bool]:
    """The first copy (by path and offset) with a partner in another document, its partners
    in other documents, and whether it belongs to group ``h`` (so the diff must be flipped)."""
    candidates = sorted([(copies.span(i), i, False) for i in copies.groups[g]]
                        + [(copies.span(i), i, True) for i in copies.groups[h]])
    for _, index, flipped in candidates:
        others = copies.groups[g] if flipped else copies.groups[h]
        doc = copies.passages[index].doc
        partners = [i for i in others if copies.passages[i].doc != doc]
        if partners:
            return index, partners, flipped
    raise AssertionError("called only for groups found in two documents")


def _flip(diff: Difference) -> Difference:
    return Difference(diff.kind, diff.b_start, diff.b_end, diff.a_start, diff.a_end)


# --- uncited-copy ------------------------------------------------------------


def _uncited_findings(copies: _Copies, uncited_docs: set[int]) -> list[Finding]:
    """Findings for uncited passages that have cited copies in other documents."""
    by_doc: dict[int, list[tuple[int, list[int]]]] = defaultdict(list)
    for g, group in enumerate(copies.groups):
        cited = [i for k in (g, *sorted(copies.similar[g])) for i in copies.groups[k]
                 if copies.passages[i].cited]
        for index in group:
            passage = copies.passages[index]
            sources = [i for i in cited if copies.passages[i].doc != passage.doc]
            if not passage.cited and sources:
                by_doc[passage.doc].append((index, sources))
    findings = []
    for doc, uncited in sorted(by_doc.items()):
        uncited.sort(key=lambda item: copies.span(item[0]))
        if doc in uncited_docs and len(uncited) > 1:
            findings.append(_uncited_document(copies, uncited))
        else:
            findings += [_uncited_passage(copies, index, sources) for index, sources in uncited]
    return findings


def _uncited_passage(copies: _Copies, index: int, sources: list[int]) -> Finding:
    sources = sorted(sources, key=copies.span)
    message = f"this passage is cited in {copies.place(sources[0])} but carries no citation here"
    if len(sources) > 1:
        message += f" (cited in {len(sources) - 1} more places)"
    return codes.finding("uncited-copy", copies.span(index), message,
                         related=tuple(copies.span(i) for i in sources))


def _uncited_document(copies: _Copies, uncited: list[tuple[int, list[int]]]) -> Finding:
    first_sources = sorted({min(sources, key=copies.span) for _, sources in uncited}, key=copies.span)
    paths = sorted({copies.passages[i].path for i in first_sources})
    first = copies.span(first_sources[0])
    message = (f"{len(uncited)} passages of this document appear with citations in "
               f"{' and '.join(paths)} (first at {first.path}:{first.line}), but this document "
               f"cites nothing: were its notes lost in copying?")
    return codes.finding("uncited-copy", copies.span(uncited[0][0]), message,
                         related=tuple(copies.span(i) for i in first_sources))
