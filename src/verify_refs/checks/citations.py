"""``conflicting-citation``: one work cited with different details in the corpus.

References are grouped when they share a DOI, or the first author's surname and the
title (allowing for spelling variants of either, but not for a different number in the
title: "Volume 1" and "Volume 2" are two works). Within a group the year, the page range,
the DOI, the title and the first author's surname are compared. A conflict is reported
once per group and field, at the first place that disagrees with the registry (or, when
the registry does not say, with the majority); every other place is ``related``.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from anyascii import anyascii
from rapidfuzz import fuzz

from .. import codes
from ..models import Finding, Outcome, ParsedDocument, Reference, RegistryWork, Resolution
from ..resolve.matching import doi_names_another_work, pages_cited_within, same_surname, spell_greek_letters
from .drift import is_variant

_TITLE_SIMILARITY = 92  # rapidfuzz ratio, 0..100, of two spellings of one title


@dataclass(frozen=True, slots=True)
class _Field:
    name: str
    cited: Callable[[Reference], str | None]  # the value as cited, for the message
    registry: Callable[[RegistryWork], str | None]
    key: Callable[[str], str]  # what is compared


def _pages(ref: Reference) -> str | None:
    if ref.pages is None:
        return None
    return ref.pages.first if ref.pages.last in (None, ref.pages.first) else f"{ref.pages.first}-{ref.pages.last}"


def _work_title(work: RegistryWork) -> str | None:
    return f"{work.title}: {work.subtitle}" if work.subtitle else (work.title or None)


# A credit in a review's title as a note writes it and as the bibliography does: "ed." and
# "edited by", "trans." and "translated by" (Chicago's two forms of one citation).
_CREDIT = re.compile(r"\b(?:(edited by|eds?)|translated by|trans)\b")


def title_key(title: str) -> str:
    """Lower-case ASCII words: case, accents and punctuation are not conflicts, nor a
    Chicago "review of" (or a journal's "Review:", "Book Review:") before the title of a
    review, nor a credit in it abbreviated or not."""
    key = " ".join(re.findall(r"[a-z0-9]+", anyascii(spell_greek_letters(title)).lower()))
    key = _REVIEW_LABEL.sub("", key, count=1)
    return _CREDIT.sub(lambda m: "ed" if m.group(1) else "trans", key)


_REVIEW_LABEL = re.compile(r"^(?:book )?review (?:of )?")


def _author_key(name: str) -> str:
    return "".join(re.findall(r"[a-z]+", anyascii(name).lower()))


def _page_key(pages: str) -> str:
    return re.sub(r"\s+", "", pages.lower()).replace("\u2013", "-")


_FIELDS = (
    _Field("year", lambda r: str(r.year) if r.year else None,
           lambda w: str(w.year) if w.year else None, str),
    _Field("pages", _pages, lambda w: w.page, _page_key),
    _Field("DOI", lambda r: r.doi, lambda w: w.doi, str.lower),
    _Field("title", lambda r: r.title, _work_title, title_key),
    _Field("author", lambda r: r.first_author,
           lambda w: w.authors[0].family if w.authors else None, _author_key),
)


def check_citations(documents: Sequence[ParsedDocument],
                    resolutions: Mapping[str, Resolution]) -> list[Finding]:
    """Conflicting details among references to one work, across all ``documents``."""
    references = sorted((r for d in documents for r in d.references), key=lambda r: (r.span, r.id))
    findings = []
    wrong_doi = frozenset(r.id for r in references if _doi_names_another_work(r, resolutions))
    for group in group_references(references, wrong_doi):
        work = _registry_work([r for r in group if r.id not in wrong_doi], resolutions)
        for field in _FIELDS:
            finding = _conflict(field, group, work)
            if finding is not None:
                findings.append(finding)
    return findings



# --- grouping ----------------------------------------------------------------


def _doi_names_another_work(reference: Reference, resolutions: Mapping[str, Resolution]) -> bool:
    resolution = resolutions.get(reference.id)
    return resolution is not None and resolution.work is not None and doi_names_another_work(reference, resolution.work)


def group_references(references: Sequence[Reference],
                     wrong_doi: frozenset[str] = frozenset()) -> list[list[Reference]]:
    """References to one work, in input order; only groups of two or more. ``wrong_doi``:
    the ids of references whose DOI names another work (not to be grouped by it)."""
    parent = list(range(len(references)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in _same_work_pairs(references, wrong_doi):
        parent[find(i)] = find(j)
    groups: dict[int, list[Reference]] = defaultdict(list)
    for index, ref in enumerate(references):
        groups[find(index)].append(ref)
    return [g for g in groups.values() if len(g) > 1]


def _same_work_pairs(references: Sequence[Reference], wrong_doi: frozenset[str] = frozenset()):
    """Index pairs that name one work, found within small buckets, never all pairs."""
    by_doi, by_author, by_title = defaultdict(list), defaultdict(list), defaultdict(list)
    for index, ref in enumerate(references):
        if ref.doi and ref.id not in wrong_doi:
            by_doi[ref.doi.lower()].append(index)
        if ref.first_author and ref.title:
            by_author[_author_key(ref.first_author)].append(index)
            by_title[title_key(ref.title)].append(index)
    for bucket in by_doi.values():
        yield from ((bucket[0], other) for other in bucket[1:])
    for bucket in by_author.values():
        yield from _pairs_where(bucket, lambda i, j: _same_title(references[i].title, references[j].title))
    for bucket in by_title.values():
        yield from _pairs_where(bucket, lambda i, j: is_variant(
            _author_key(references[i].first_author), _author_key(references[j].first_author)))


def _pairs_where(bucket: list[int], same: Callable[[int, int], bool]):
    for position, i in enumerate(bucket):
        for j in bucket[position + 1:]:
            if same(i, j):
                yield i, j


def _same_title(a: str, b: str) -> bool:
    ka, kb = title_key(a), title_key(b)
    if re.findall(r"\d+", ka) != re.findall(r"\d+", kb):
        return False
    return ka.startswith(kb) or kb.startswith(ka) or fuzz.ratio(ka, kb) >= _TITLE_SIMILARITY


# --- comparing ---------------------------------------------------------------


def _registry_work(group: list[Reference], resolutions: Mapping[str, Resolution]) -> RegistryWork | None:
    works = [res.work for r in group if (res := resolutions.get(r.id)) is not None
             and res.outcome is Outcome.RESOLVED and res.work is not None]
    if not works:
        return None
    counts = Counter(w.doi.lower() for w in works)
    best = min(counts, key=lambda doi: (-counts[doi], doi))
    return next(w for w in works if w.doi.lower() == best)


def _agree(field: _Field, a: str, b: str) -> bool:
    ka, kb = field.key(a), field.key(b)
    if field.name == "title":
        # a subtitle left out is no conflict, nor a space lost or added ("10 ans", the
        # registry's "10ans")
        ka, kb = ka.replace(" ", ""), kb.replace(" ", "")
        return ka.startswith(kb) or kb.startswith(ka)
    if field.name == "author" and ka != kb:
        # the surname as the registry's matching allows it: "Kılıç" for "Özyurt Kılıç", a
        # compound name of which a given-name-first note keeps the last word
        return same_surname(a, b)
    return ka == kb


def _conflict(field: _Field, group: list[Reference], work: RegistryWork | None) -> Finding | None:
    cited = [(ref, value) for ref in group if (value := field.cited(ref))]
    if field.name == "pages" and len(cited) > 1:
        # a chapter's note citing pages inside the range another citation (or the registry)
        # gives cites those pages, it does not contradict the range
        ranges = [value for _, value in cited] + ([work.page] if work is not None and work.page else [])
        cited = [(ref, value) for ref, value in cited
                 if not any(pages_cited_within(ref, other) for other in ranges if other != value)]
    if all(_agree(field, cited[0][1], value) for _, value in cited[1:]):
        return None
    if field.name == "year" and set.intersection(*({r.year, r.original_year} - {None} for r, _ in cited)):
        return None  # a reprint's original year is the other's year: "(1988; repr., 2009)" and "1988"
    truth = field.registry(work) if work is not None else None
    years = set()  # the work's years (issued, printed, online), any of which is rightly cited
    if work is not None and field.name == "year":
        years = {str(y) for y in (work.year, *work.other_years) if y}
    if years and all(value in years for _, value in cited):
        return None  # each cites one of the work's years: printed 2023, online 2022
    if years:
        wrong = [(r, v) for r, v in cited if v not in years]
    elif truth is not None:
        wrong = [(r, v) for r, v in cited if not _agree(field, truth, v)] or cited
    else:
        # (a vote per document: a note and its own bibliography entry are one writer's copy)
        counts = Counter(field.key(v) for _, v in {(r.span.path, field.key(v)): (r, v) for r, v in cited}.values())
        majority = max(counts.values())
        wrong = [(r, v) for r, v in cited if counts[field.key(v)] < majority] or cited
    here, value = wrong[0]
    return codes.finding(
        "conflicting-citation", here.span, _message(field, here, value, cited, work, truth),
        reference_id=here.id, related=tuple(r.span for r, _ in cited if r is not here))


def _message(field: _Field, here: Reference, value: str, cited: list[tuple[Reference, str]],
             work: RegistryWork | None, truth: str | None) -> str:
    others: dict[str, list[str]] = defaultdict(list)
    for ref, other in cited:
        if ref is not here:
            others[other].append(f"{ref.span.path}:{ref.span.line}")
    elsewhere = "; ".join(f"{v} in {', '.join(places)}" for v, places in others.items())
    work_name = f'{here.first_author or "?"}, "{here.title}"' if here.title else here.text[:60]
    message = f"{field.name} of {work_name} differs across the corpus: {value} here; {elsewhere}"
    if truth is None:
        return message + "; no registry record says which is right"
    agreeing = [f"{r.span.path}:{r.span.line}" for r, v in cited if _agree(field, truth, v)]
    verdict = f"as at {', '.join(agreeing)}" if agreeing else "as none of them"
    return message + f"; the registry ({work.doi}) has {truth}, {verdict}"
