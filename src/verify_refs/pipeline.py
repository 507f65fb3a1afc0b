"""The one place where the stages meet: collect → parse → link → check → resolve → report.

The library prints nothing; progress goes through an optional ``Progress`` callback and
everything else comes back in the ``Report``.
"""

from __future__ import annotations

import errno
import gc
import os
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Protocol

from .checks.linkage import LinkResult, link_corpus, relink_by_registry
from .config import Config
from .extract.source import InputError, SourceText, read_source
from .resolve.lockfile import LockedResolver
from .models import Finding, Outcome, ParsedDocument, Reference, RegistryWork, Report, Resolution, Status

if TYPE_CHECKING:
    from .bibtex.fix import FixResult

DOCUMENT_SUFFIXES = (".txt", ".md", ".markdown", ".text", ".bib")


class Progress(Protocol):
    """Where long stages report how far they are (the CLI draws a bar from it)."""

    def stage(self, name: str, total: int) -> None: ...

    def advance(self, count: int = 1) -> None: ...


class _Silent:
    def stage(self, name: str, total: int) -> None:
        pass

    def advance(self, count: int = 1) -> None:
        pass


@dataclass(frozen=True)
class Inputs:
    sources: tuple[SourceText, ...]
    errors: tuple[str, ...]  # one line each, naming the file


def collect_files(paths: Iterable[str]) -> tuple[list[str], list[str]]:
    """Expand directories into their documents (sorted); report paths that hold none.

    A file reached twice (``corpus/ ./corpus``, a symbolic link) is checked once, under the
    first name it was reached by: counted twice it would also cite everything twice."""
    files: list[str] = []
    errors: list[str] = []
    for path in paths:
        if os.path.isdir(path):
            found = sorted(_documents_under(path))
            if not found:
                errors.append(f"{path}: no documents here ({', '.join(DOCUMENT_SUFFIXES)})")
            files.extend(found)
        elif os.path.exists(path):
            files.append(path)
        else:
            errors.append(f"{path}: {_why_missing(path)}")
    unique: dict[str, str] = {}
    for file in files:
        unique.setdefault(os.path.realpath(file), file)
    return list(unique.values()), errors


def _why_missing(path: str) -> str:
    """Why ``os.path.exists`` said no: a link loop or a dangling link is not a typo."""
    try:
        os.stat(path)
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "symbolic link loop"
        if os.path.islink(path):
            return "broken symbolic link (its target does not exist)"
        if error.errno == errno.EACCES:
            return "permission denied"
    return "no such file or directory"


def _documents_under(folder: str) -> Iterable[str]:
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in names:
            if name.lower().endswith(DOCUMENT_SUFFIXES) and not name.startswith("."):
                yield os.path.join(root, name)


def load_inputs(paths: Iterable[str], exclude: str | None = None) -> Inputs:
    """Read every document; ``exclude`` is our own output (the generated .bib), which must
    not feed back into itself when its folder is checked too."""
    files, errors = collect_files(paths)
    if exclude:
        files = [f for f in files if not _same_file(f, exclude)]
    sources = []
    for path in files:
        try:
            sources.append(read_source(path))
        except InputError as error:
            errors.append(str(error))
    return Inputs(tuple(sources), tuple(errors))


def _same_file(one: str, other: str) -> bool:
    return os.path.abspath(one) == os.path.abspath(other)


def parse(source: SourceText) -> ParsedDocument:
    """Parse one document with the reader its kind needs."""
    if source.path.lower().endswith(".bib"):
        from .bibtex.reader import parse_bibtex  # imported lazily: most runs read no BibTeX

        return parse_bibtex(source)
    from .extract.document import parse_document

    return parse_document(source)


def offline_findings(documents: Sequence[ParsedDocument], links: LinkResult) -> list[Finding]:
    """Everything that needs no registry: parse, linkage, identifier and own-page checks."""
    from .checks.identifiers import check_identifiers
    from .checks.registry import check_pages_offline

    findings = [f for doc in documents for f in doc.findings]
    findings.extend(links.findings)
    references = [ref for doc in documents for ref in doc.references]
    findings.extend(check_identifiers(references))
    for reference in references:
        findings.extend(check_pages_offline(reference, links.cites_of(reference.id)))
    return findings


def registry_findings(references: Sequence[Reference], resolutions: dict[str, Resolution],
                      links: LinkResult) -> tuple[list[Finding], dict[str, Status]]:
    """Field-by-field checks of every reference against what the registry says."""
    from .checks.registry import check_reference

    findings: list[Finding] = []
    statuses: dict[str, Status] = {}
    for reference in references:
        resolution = resolutions.get(reference.id) or Resolution(
            reference.id, Outcome.UNCHECKED, reason="not looked up")
        found, status = check_reference(reference, resolution, links.cites_of(reference.id))
        findings.extend(found)
        statuses[reference.id] = status
    return findings, statuses


# Thresholds for ``fewer_collections``: a young-generation pass per 100,000 net allocations
# instead of per 700, and older generations almost never.
_FEW_COLLECTIONS = (100_000, 50, 100)


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Run a block with Python's cyclic garbage collector called far less often.

    Parsing allocates hundreds of thousands of small, long-lived records (spans, notes,
    references, cites) and almost no reference cycles; with the default thresholds the
    collector keeps walking that growing heap (about 7% of the offline half, measured).
    The collector is slowed down, not switched off, so a cycle made somewhere (an exception
    with its traceback, say) is still freed; the old thresholds come back on the way out.
    """
    saved = gc.get_threshold()
    gc.set_threshold(*_FEW_COLLECTIONS)
    try:
        yield
    finally:
        gc.set_threshold(*saved)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run a block (the parse stage) with the cyclic garbage collector off, and leave what it
    made out of later collections.

    What parsing makes is the run's long-lived data: hundreds of thousands of records with no
    reference cycles, which refcounting frees when the report is dropped. Walking them is all
    the collector would do here (about 4% of the offline half, measured, even with
    ``fewer_collections``); switched back on afterwards, its next pass would walk them all at
    once. So on the way out they are moved to the permanent generation (``gc.freeze``, a list
    splice, not a walk); ``collector_released`` hands them back when the run ends, so that a
    cycle made meanwhile is still freed in a long-lived process.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


@contextmanager
def collector_released() -> Iterator[None]:
    """Around a whole run: what ``collector_paused`` froze goes back to the collector at the
    end (unless something else had frozen objects before: then they stay as that owner
    left them)."""
    frozen_before = gc.get_freeze_count()
    try:
        yield
    finally:
        if not frozen_before:
            gc.unfreeze()


def run(config: Config, progress: Progress | None = None, *, resolver: LockedResolver | None = None) -> Report:
    """Check the documents named in ``config.paths`` and return the full report."""
    with collector_released(), fewer_collections():
        return _run(config, progress or _Silent(), resolver)


def _run(config: Config, progress: Progress, resolver: LockedResolver | None) -> Report:
    inputs = load_inputs(config.paths, exclude=config.bib)
    progress.stage("parsing", len(inputs.sources))
    documents = []
    with collector_paused():
        for source in inputs.sources:
            documents.append(parse(source))
            progress.advance()
        links = link_corpus(documents)
    references = [ref for doc in documents for ref in doc.references]
    from .resolve.factory import make_resolver, notices

    resolver = resolver or make_resolver(config)
    progress.stage("resolving", len(references))
    resolutions = resolver.resolve_all(references)
    # A cite that names a work as the registry has it links to that work's reference
    # (whose own year is then the error), so linkage is settled before it is reported.
    described = _described(references, resolutions)
    relink_by_registry(links, documents, described)
    findings = [_naming_the_registry_doi(f, described) for f in offline_findings(documents, links)
                if not _checked_by_registry(f, described)]
    checked, statuses = registry_findings(references, resolutions, links)
    findings.extend(checked)
    findings.extend(_corpus_findings(inputs.sources, documents, resolutions))
    findings = _dedupe(sorted(findings, key=Finding.sort_key))
    kept = [f for f in findings if config.wants(f.code, f.span.path)]
    return Report(
        paths=tuple(config.paths),
        documents=tuple(documents),
        findings=tuple(kept),
        resolutions=resolutions,
        statuses=statuses,
        input_errors=inputs.errors,
        notices=tuple(notices(resolver, resolutions)),
        suppressed=len(findings) - len(kept),
    )


def after_fixes(report: Report, results: Sequence[FixResult]) -> Report:
    """The report of the .bib inputs as ``--fix`` left them, as a linter's --fix reports only
    what is left to do: without the findings its changes settled, each corrected reference's
    status worked out again from what is left of its registry findings, and the number of
    fields fixed (for the summary)."""
    from .checks.registry import check_reference, resolved_status

    fixed = sum(len(result.changes) for result in results)
    corrected = {item.reference_id for result in results for item in result.fixed}
    if not corrected:
        return replace(report, fixed=fixed)

    def settled(finding: Finding) -> bool:
        return any(result.settled(finding) for result in results)

    statuses = dict(report.statuses)
    for reference in (r for d in report.documents for r in d.references if r.id in corrected):
        # (a cite's page no longer counts for the status, so no short cites are needed here)
        found, status = check_reference(reference, report.resolutions[reference.id])
        if status is Status.MISMATCH:
            statuses[reference.id] = resolved_status(f for f in found if not settled(f))
    return replace(report, findings=tuple(f for f in report.findings if not settled(f)),
                   statuses=statuses, fixed=fixed)


def _checked_by_registry(finding: Finding, described: dict[str, RegistryWork]) -> bool:
    """An offline page-out-of-range of a reference whose registry work gives a page range: the
    registry check looks at the same pages against that range, which is the right one where
    the two differ (a page inside it is no fault, and pages-mismatch reports the reference's
    own range; a page outside both is the registry check's finding)."""
    from .checks.registry import registry_range

    work = described.get(finding.reference_id) if finding.code == "page-out-of-range" else None
    return work is not None and registry_range(work) is not None


def _naming_the_registry_doi(finding: Finding, described: dict[str, RegistryWork]) -> Finding:
    """A malformed DOI (invalid-doi) of a reference the registry found all the same names
    the DOI the registry has for the work: most often the one the author meant to copy."""
    work = described.get(finding.reference_id) if finding.code == "invalid-doi" else None
    if work is None:
        return finding
    from .checks.registry import naming_the_registry_doi

    return naming_the_registry_doi(finding, work)


def _described(references: Sequence[Reference], resolutions: dict[str, Resolution]) -> dict[str, RegistryWork]:
    """Reference id -> the registry work it resolved to, where it describes that work (not
    a DOI of another work)."""
    from .resolve.matching import describes_same_work

    works = {}
    for reference in references:
        resolution = resolutions.get(reference.id)
        if resolution is not None and resolution.outcome is Outcome.RESOLVED and resolution.work \
                and describes_same_work(reference, resolution.work):
            works[reference.id] = resolution.work
    return works


def _corpus_findings(sources, documents, resolutions) -> list[Finding]:
    from .checks.corpus import check_corpus

    return list(check_corpus(sources, documents, resolutions))


def _dedupe(findings: Iterable[Finding]) -> list[Finding]:
    """The same fault reached by two routes is reported once, as the first of them: findings
    with one code and place are one fault when they share a ``subject`` (a pinpoint outside
    both the reference's own page range and the registry's: the registry's, which sorts
    first), or else their message."""
    seen: set[tuple] = set()
    unique = []
    for item in findings:
        if item.subject:
            key = (item.code, item.span, item.reference_id, item.subject)
        else:
            key = (item.code, item.span, item.message)
        if key not in seen:
            seen.add(key)
            unique.append(item)
    return unique
