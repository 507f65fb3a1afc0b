"""The JSON report: a stable shape that other programs read (``"version": 1``)."""

from __future__ import annotations

import json
from collections import Counter

from ..models import Finding, IdScheme, Reference, Report, Status
from ..resolve.matching import score, work_cited

VERSION = 1


def finding_record(item: Finding) -> dict:
    return {
        "code": item.code,
        "severity": item.severity.label,
        "path": item.span.path,
        "line": item.span.line,
        "column": item.span.column,
        "message": item.message,
        "hint": item.hint,
        "reference": item.reference_id,
        "related": [{"path": s.path, "line": s.line, "column": s.column} for s in item.related],
    }


def reference_record(reference: Reference, report: Report) -> dict:
    resolution = report.resolutions.get(reference.id)
    status = report.statuses.get(reference.id, Status.UNCHECKED)
    # the record of the work cited: for a DOI found nowhere, or one that names another work,
    # the work a search found (or none), not the DOI's
    work = work_cited(reference, resolution) if resolution is not None else None
    via = None
    confidence = resolution.confidence if resolution else None
    if work is not None:
        via = resolution.via if resolution.work is not None and work.doi == resolution.work.doi else "search"
        if via == "search" and resolution.work is not None:
            # a DOI that names another work: the confidence that the work found is the one
            # cited, not the (nil) confidence that the DOI's work is
            confidence = score(reference, work).confidence
    return {
        "id": reference.id,
        "path": reference.span.path,
        "line": reference.span.line,
        "column": reference.span.column,
        "text": reference.text,
        "kind": reference.kind.value,
        "note": reference.note_label,
        "authors": [p.display() for p in reference.authors],
        "year": reference.year,
        "title": reference.title,
        "container": reference.container,
        "volume": reference.volume,
        "issue": reference.issue,
        "pages": reference.pages.raw if reference.pages else None,
        "pinpoints": list(reference.pinpoints),
        "doi": reference.doi,
        "jstor": reference.jstor,
        "isbn": reference.first_id(IdScheme.ISBN),
        "issn": reference.first_id(IdScheme.ISSN),
        "url": reference.url,
        "status": status.value,
        "resolved_doi": work.doi if work and status in (Status.VERIFIED, Status.MISMATCH) else None,
        "resolved_via": via,
        "confidence": confidence,
        "reason": resolution.reason if resolution and resolution.reason else None,
    }


def summary(report: Report) -> dict:
    severities = Counter(f.severity.label for f in report.findings)
    statuses = Counter(report.statuses.get(r.id, Status.UNCHECKED).value
                       for d in report.documents for r in d.references)
    return {
        "documents": len(report.documents),
        "references": sum(len(d.references) for d in report.documents),
        "markers": sum(len(d.markers) for d in report.documents),
        "notes": sum(len(d.notes) for d in report.documents),
        "short_cites": sum(len(d.short_cites) for d in report.documents),
        "findings": len(report.findings),
        "suppressed": report.suppressed,
        "fixed": report.fixed,
        "errors": severities.get("error", 0),
        "warnings": severities.get("warning", 0),
        "infos": severities.get("info", 0),
        "by_code": dict(sorted(Counter(f.code for f in report.findings).items())),
        "status": {s.value: statuses.get(s.value, 0) for s in Status},
        "input_errors": list(report.input_errors),
    }


def format_json(report: Report) -> str:
    document = {
        "version": VERSION,
        "findings": [finding_record(f) for f in report.findings],
        "references": [reference_record(r, report) for d in report.documents for r in d.references],
        "summary": summary(report),
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
