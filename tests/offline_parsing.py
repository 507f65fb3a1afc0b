"""Parsing one reference, or one document with its offline findings: shared by the tests of
the forms the blind testers wrote."""

from __future__ import annotations

from verify_refs.checks.linkage import link_corpus
from verify_refs.extract.document import parse_document
from verify_refs.extract.references import parse_reference
from verify_refs.extract.source import SourceText
from verify_refs.models import Finding, ParsedDocument, Reference
from verify_refs.pipeline import offline_findings


def parse(text: str) -> Reference:
    """``text`` read as one reference."""
    source = SourceText("doc.txt", text)
    return parse_reference(source, 0, len(source.text))


def findings_of(text: str, path: str = "doc.txt") -> tuple[ParsedDocument, list[Finding]]:
    """``text`` read as a document at ``path``, and its offline findings."""
    document = parse_document(SourceText(path, text))
    return document, offline_findings([document], link_corpus([document]))
