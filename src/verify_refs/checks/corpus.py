"""The corpus-wide checks: what only shows when documents are read together.

* ``claim-drift`` and ``uncited-copy`` (``copies``): a passage found in two documents,
  with a date, number or name changed, or with its citation lost.
* ``conflicting-citation`` (``citations``): one work cited with different details.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..extract.source import SourceText
from ..models import Finding, ParsedDocument, Resolution
from .citations import check_citations
from .copies import check_copies
from .passages import Passage, split_passages


def check_corpus(
    sources: Sequence[SourceText],
    documents: Sequence[ParsedDocument],
    resolutions: Mapping[str, Resolution],
) -> list[Finding]:
    """All corpus findings, sorted. ``documents`` are matched to ``sources`` by path; a
    source without a parsed document is read as prose with no citations."""
    by_path = {document.path: document for document in documents}
    matched = [by_path.get(source.path) for source in sources]
    findings = check_copies(sources, matched, corpus_passages(sources, matched))
    findings += check_citations(documents, resolutions)
    return sorted(findings, key=Finding.sort_key)


def corpus_passages(sources: Sequence[SourceText],
                    documents: Sequence[ParsedDocument | None]) -> list[Passage]:
    """The sentences of every source, ``Passage.doc`` being the index in ``sources``."""
    passages: list[Passage] = []
    for index, (source, document) in enumerate(zip(sources, documents, strict=True)):
        passages.extend(split_passages(source, document, index))
    return passages
