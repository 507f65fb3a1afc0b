"""Resolve references against Crossref: decide which registered work each one cites.

For each reference, in order of trust: the work of its DOI (checked against the reference
by the matcher, since a DOI with a typo names some other work), the work of its JSTOR id,
or the best result of a bibliographic search. The HTTP side (pacing, retries, the run's
deadline) is ``CrossrefClient``'s, in ``client.py``; this module only decides.

Network trouble never raises here: it becomes an ``UNCHECKED`` resolution with the
client's one-line reason, so that the report can say what was not checked and why.
"""

from __future__ import annotations

import queue
import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any, TypeVar

from ..identifiers.doi import problem as doi_problem
from ..models import IdScheme, Outcome, Reference, RegistryWork, Resolution
from .client import CrossrefClient, CrossrefError
from .interface import Resolver
from .matching import best_match, describes_same_work


@dataclass(frozen=True, slots=True)
class DoiLookup:
    """What the registry says about one DOI: found, missing everywhere, or unknowable."""

    doi: str
    work: RegistryWork | None = None
    missing: bool = False
    reason: str = ""  # why missing or unchecked


T = TypeVar("T")
R = TypeVar("R")
_URL = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)
_DOI_TEXT = re.compile(r"\b(?:doi:\s*)?10\.\d{4,9}/\S+", re.IGNORECASE)
_ACCESSED = re.compile(r"\b(?:retrieved|accessed|archived from the original)\b.*?(?:\d{4}|$)", re.IGNORECASE)


def search_text(reference: Reference, limit: int = 400) -> str:
    """The reference text as a bibliographic query: no URLs, DOIs or access dates.

    Those parts only add noise to Crossref's ranking, and a long query costs the server
    more (hence ``limit`` characters, cut at a word boundary).
    """
    text = _ACCESSED.sub(" ", _DOI_TEXT.sub(" ", _URL.sub(" ", reference.text)))
    text = " ".join(word for word in text.split() if any(c.isalnum() for c in word))
    return text[:limit].rsplit(" ", 1)[0] if len(text) > limit else text


def cited_doi(reference: Reference) -> str | None:
    """The first DOI of the reference that could exist: a malformed one ("10.108/...",
    reported as invalid-doi) is not looked up, so the reference is searched for instead
    of being called doi-not-found as well."""
    for identifier in reference.ids(IdScheme.DOI):
        if doi_problem(identifier.raw) is None:
            return identifier.value
    return None


def jstor_doi(reference: Reference) -> str | None:
    """JSTOR stable ids are DOIs under ``10.2307``: ``1178221`` -> ``10.2307/1178221``."""
    value = reference.jstor
    if not value:
        return None
    value = value.strip().lower()
    return value if value.startswith("10.") else f"10.2307/{value}"


def map_in_daemon_threads(function: Callable[[T], R], items: Sequence[T], workers: int) -> list[R]:
    """``[function(item) for item in items]`` on up to ``workers`` daemon threads, in order;
    the first exception a call raises is raised here (the other threads stop taking items).

    Not a ``ThreadPoolExecutor``: Python waits for its threads at exit, and for the queued
    items when the ``with`` block is left by an exception, so Ctrl-C against a hung server
    waited until every request had timed out. Here the main thread waits in ``join``, which
    a signal interrupts; on any exception the items not started are cancelled, and a thread
    still stuck in a request is abandoned when the process exits.
    """
    results: list[Any] = [None] * len(items)
    errors: list[BaseException] = []
    todo: queue.SimpleQueue[int] = queue.SimpleQueue()
    for index in range(len(items)):
        todo.put(index)
    stop = threading.Event()

    def work() -> None:
        while not stop.is_set():
            try:
                index = todo.get_nowait()
            except queue.Empty:
                return
            try:
                results[index] = function(items[index])
            except BaseException as error:  # handed to the main thread
                errors.append(error)
                stop.set()

    threads = [threading.Thread(target=work, name=f"crossref-{n}", daemon=True)
               for n in range(min(max(1, workers), len(items)))]
    for thread in threads:
        thread.start()
    try:
        for thread in threads:
            thread.join()
    except BaseException:  # KeyboardInterrupt: cancel what has not started, wait for nothing
        stop.set()
        raise
    if errors:
        raise errors[0]
    return results


class CrossrefResolver(Resolver):
    """References -> resolutions via a ``CrossrefClient``.

    ``workers``: threads sending requests (the pacer still holds them to the advertised
    concurrency); ``search_rows``: candidates per search; ``matcher``: ``best_match``.
    """

    def __init__(
        self,
        client: CrossrefClient,
        *,
        workers: int = 3,
        search_rows: int = 5,
        matcher: Callable[[Reference, Sequence[RegistryWork]], Any] = best_match,
        same_work: Callable[[Reference, RegistryWork], bool] = describes_same_work,
    ) -> None:
        self.client = client
        self.workers = max(1, workers)
        self.search_rows = search_rows
        self.matcher = matcher
        self.same_work = same_work
        self._known: dict[str, RegistryWork] = {}
        self._failed: dict[str, str] = {}
        self._lock = threading.Lock()

    def resolve(self, reference: Reference) -> Resolution:
        """One reference: ``resolve_all`` of a list of one."""
        return self.resolve_all([reference])[reference.id]

    def resolve_all(self, references: Sequence[Reference]) -> dict[str, Resolution]:
        """Fetch every cited DOI in batches first (a filter request for 20 DOIs instead of 20
        look-ups), then resolve the references in parallel, served mostly from that cache."""
        dois = [d for r in references for d in (cited_doi(r), jstor_doi(r)) if d]
        self._prefetch(dois)
        resolutions = map_in_daemon_threads(self._resolve_one, references, self.workers)
        return {resolution.reference_id: resolution for resolution in resolutions}

    # --- DOIs ---------------------------------------------------------------
    def _prefetch(self, dois: Sequence[str]) -> None:
        """One filter request per batch for DOIs not yet known (a single DOI: none, its own
        look-up follows anyway). A failed batch is remembered: its DOIs are then reported
        unchecked with its reason instead of being asked again one by one."""
        todo = [d for d in dict.fromkeys(d.lower() for d in dois) if d not in self._known]
        if len(todo) < 2:
            return
        for start in range(0, len(todo), self.client.batch_size):
            chunk = todo[start: start + self.client.batch_size]
            try:
                found = self.client.works(chunk)
            except CrossrefError as error:
                with self._lock:
                    self._failed.update({doi: str(error) for doi in chunk})
                continue
            with self._lock:
                self._known.update(found)

    def lookup(self, doi: str) -> DoiLookup:
        """What is known of ``doi``: from the prefetched batches, else from the registries.

        A work found is kept for the rest of the run (a DOI cited twice is fetched once);
        ``CrossrefError`` becomes an unknowable ``DoiLookup`` with its reason.
        """
        key = doi.lower()
        with self._lock:
            if key in self._known:
                return DoiLookup(key, self._known[key])
            if key in self._failed:
                return DoiLookup(key, reason=self._failed[key])
        try:
            result = self._ask_registries(key)
        except CrossrefError as error:
            return DoiLookup(key, reason=str(error))
        if result.work is not None:
            with self._lock:
                self._known[key] = result.work
        return result

    def _ask_registries(self, doi: str) -> DoiLookup:
        """Ask the registries about ``doi``, cheapest and likeliest first; only a DOI that
        no one knows is ``missing`` (a doi-not-found finding)."""
        work = self.client.work(doi)
        if work is not None:
            return DoiLookup(doi, work)
        agency = self.client.agency(doi)
        if agency is not None:
            return DoiLookup(doi, reason=f"DOI registered with {agency.label} but not in Crossref's API; not checked")
        if self.client.doi_org_exists(doi):
            return DoiLookup(doi, reason="DOI resolves at doi.org but no registration agency lists it; not checked")
        return DoiLookup(doi, missing=True, reason="DOI not found at Crossref nor its registration agencies")

    # --- one reference --------------------------------------------------------
    def _resolve_one(self, reference: Reference) -> Resolution:
        """The cited DOI's work if it has one, else the JSTOR id's, else a search's.

        A DOI that exists nowhere is NOT_FOUND, with the likely intended work (the JSTOR
        id's or a search's) as a candidate. A DOI that could not be checked (and no JSTOR
        work) leaves the reference UNCHECKED rather than searched: the reference names its
        work, and a search would only guess at it.
        """
        doi, jdoi = cited_doi(reference), jstor_doi(reference)
        by_doi = self.lookup(doi) if doi else None
        by_jstor = self.lookup(jdoi) if jdoi and jdoi != (doi or "").lower() else None
        jstor_work = by_jstor.work if by_jstor else None
        if by_doi is not None and by_doi.work is not None:
            resolution = self._validated(reference, by_doi.work, "doi")
            if jstor_work is not None and jstor_work.doi != by_doi.work.doi:
                resolution = replace(resolution, jstor_work=jstor_work)
            return resolution
        if by_doi is not None and by_doi.missing:
            candidates = (jstor_work,) if jstor_work else self._search_candidates(reference, exclude="")
            return Resolution(reference.id, Outcome.NOT_FOUND, via="doi", reason=by_doi.reason,
                              candidates=candidates, jstor_work=jstor_work)
        if jstor_work is not None:
            return self._validated(reference, jstor_work, "jstor")
        if by_doi is not None:
            return Resolution(reference.id, Outcome.UNCHECKED, via="doi", reason=by_doi.reason)
        return self._searched(reference)

    def _validated(self, reference: Reference, work: RegistryWork, via: str) -> Resolution:
        """The identifier's work, with the matcher's confidence that it is the cited one.

        When the matcher finds strong evidence that it is another work, the best search
        result goes into ``candidates`` so the doi-mismatch finding can name the likely one.
        """
        confidence = self.matcher(reference, [work]).confidence
        if self.same_work(reference, work):
            return Resolution(reference.id, Outcome.RESOLVED, work, via=via, confidence=confidence)
        return Resolution(reference.id, Outcome.RESOLVED, work, via=via, confidence=confidence,
                          reason=f"the work of this {'JSTOR id' if via == 'jstor' else 'DOI'} "
                                 "does not match the reference",
                          candidates=self._search_candidates(reference, exclude=work.doi))

    def _search_candidates(self, reference: Reference, exclude: str) -> tuple[RegistryWork, ...]:
        """The search's match for ``reference`` (not ``exclude``), if good; () on any failure."""
        query = search_text(reference)
        if not query:
            return ()
        try:
            works = [w for w in self.client.search(query, self.search_rows) if w.doi != exclude]
        except CrossrefError:
            return ()
        decision = self.matcher(reference, works)
        if decision.outcome is Outcome.RESOLVED and decision.work is not None:
            return (decision.work,)
        if decision.outcome is Outcome.AMBIGUOUS:
            return tuple(decision.candidates)
        return ()

    def _searched(self, reference: Reference) -> Resolution:
        """A reference with no usable identifier: the matcher's verdict on a search."""
        query = search_text(reference)
        if not query:
            return Resolution(reference.id, Outcome.UNCHECKED, via="search", reason="nothing to search for")
        try:
            works = self.client.search(query, self.search_rows)
        except CrossrefError as error:
            return Resolution(reference.id, Outcome.UNCHECKED, via="search", reason=str(error))
        decision = self.matcher(reference, works)
        reasons = {Outcome.NO_MATCH: "no search result matches the reference well enough",
                   Outcome.AMBIGUOUS: "several search results match the reference equally well"}
        return Resolution(reference.id, decision.outcome, decision.work, via="search",
                          confidence=decision.confidence, reason=reasons.get(decision.outcome, ""),
                          candidates=tuple(decision.candidates))
