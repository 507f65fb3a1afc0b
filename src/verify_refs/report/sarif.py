"""SARIF 2.1.0 output, for GitHub code scanning and other SARIF viewers.

One rule per finding code (from ``codes.CODES``, so rule ids are the stable codes),
artifact paths relative to the repository root under ``%SRCROOT%``, 1-based lines and
columns counted in code points, ``relatedLocations`` for the other places a corpus
finding involves, and ``partialFingerprints`` that survive lines moving: they hash the
code, the path, the message with its ``path:line`` references removed, and the rank of
the finding among identical ones. The output is a pure function of the report and
``root``: no timestamps, no absolute paths of the machine.

Spec: https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from pathlib import Path, PurePosixPath
from urllib.parse import quote

from .. import __url__, __version__, codes
from ..models import Finding, Report, Severity, Span

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "verifyRefs/v1"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
# "corpus/a.txt:13", "corpus/a.txt:13:5", "line 13": places that move when text is edited.
_PLACE = re.compile(r"(?<=\S):\d+(?::\d+)?\b|\bline \d+\b")


def format_sarif(report: Report, root: str) -> str:
    """The report as a SARIF 2.1.0 log (JSON text ending in a newline)."""
    rules = list(codes.CODES)
    artifacts = _Artifacts(root)
    for path in report.paths:  # every input is an artifact, in the order given
        artifacts.location(path)
    findings = sorted(report.findings, key=Finding.sort_key)
    results = [_result(f, rules.index(f.code), artifacts, fp)
               for f, fp in zip(findings, fingerprints(findings, root), strict=True)]
    run = {
        "tool": {"driver": _driver(rules)},
        "invocations": [_invocation(report)],
        "artifacts": artifacts.listing(),
        "columnKind": "unicodeCodePoints",  # Span columns count code points, not UTF-16 units
        "results": results,
    }
    log = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def _driver(rules: list[str]) -> dict:
    return {
        "name": "verify-refs",
        "version": __version__,
        "semanticVersion": __version__,
        "informationUri": __url__,
        "rules": [_rule(codes.CODES[code]) for code in rules],
    }


def _rule(code: codes.Code) -> dict:
    return {
        "id": code.id,
        "name": "".join(part.capitalize() for part in code.id.split("-")),
        "shortDescription": {"text": code.summary},
        "fullDescription": {"text": code.explain},
        "help": {"text": f"{code.hint}\n\n{code.explain}",
                 "markdown": f"**{code.summary}**\n\n{code.hint}\n\n{code.explain}"},
        "defaultConfiguration": {"level": LEVELS[code.severity]},
        "properties": {"tags": ["references"]},
    }


def _invocation(report: Report) -> dict:
    notifications = [{"level": "error", "message": {"text": text}} for text in report.input_errors]
    invocation: dict = {"executionSuccessful": True}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    return invocation


def _result(finding: Finding, rule_index: int, artifacts: _Artifacts, fingerprint: str) -> dict:
    text = f"{finding.message}\n{finding.hint}" if finding.hint else finding.message
    result = {
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": text},
        "locations": [{"physicalLocation": artifacts.physical(finding.span)}],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
    }
    if finding.related:
        result["relatedLocations"] = [
            {"id": index, "physicalLocation": artifacts.physical(span),
             "message": {"text": f"also involved: {span.path}:{span.line}"}}
            for index, span in enumerate(finding.related, 1)
        ]
    if finding.reference_id:
        result["properties"] = {"referenceId": finding.reference_id}
    return result


def fingerprints(findings: list[Finding], root: str) -> list[str]:
    """Stable hashes of code + relative path + message without places, in ``findings`` order;
    identical findings in one file are told apart by their rank."""
    seen: Counter[tuple[str, str, str]] = Counter()
    result = []
    for finding in findings:
        key = (finding.code, relative_uri(finding.span.path, root), _PLACE.sub("", finding.message))
        seen[key] += 1
        payload = "\0".join((*key, str(seen[key])))
        result.append(hashlib.sha256(payload.encode()).hexdigest()[:32])
    return result


def relative_uri(path: str, root: str) -> str:
    """``path`` relative to ``root`` as a URI reference, or a ``file:`` URI when outside it."""
    absolute = Path(os.path.abspath(path))
    try:
        relative = absolute.relative_to(os.path.abspath(root))
    except ValueError:
        return absolute.as_uri()
    return quote(PurePosixPath(*relative.parts).as_posix())


class _Artifacts:
    """The files the results point at, indexed in order of first use."""

    def __init__(self, root: str) -> None:
        self.root = root
        self.uris: dict[str, int] = {}

    def location(self, path: str) -> dict:
        uri = relative_uri(path, self.root)
        return {**_bare(uri), "index": self.uris.setdefault(uri, len(self.uris))}

    def physical(self, span: Span) -> dict:
        return {"artifactLocation": self.location(span.path),
                "region": {"startLine": max(span.line, 1), "startColumn": max(span.column, 1)}}

    def listing(self) -> list[dict]:
        return [{"location": _bare(uri)} for uri in self.uris]


def _bare(uri: str) -> dict:
    return {"uri": uri} if uri.startswith("file:") else {"uri": uri, "uriBaseId": SRCROOT}
