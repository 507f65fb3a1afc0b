"""GitHub Actions workflow commands: findings as annotations on the pull request.

Each finding becomes ``::error file=…,line=…,col=…,title=…::message`` (``warning``,
``notice`` for info). GitHub shows at most 10 error, 10 warning and 10 notice annotations
per step and 50 per job (https://github.com/actions/toolkit/blob/main/docs/problem-matchers.md,
"Limitations"); what is printed beyond that is silently dropped. So at most
``PER_KIND`` of each kind are printed, in report order, and one final ``::notice`` counts
the rest (its own notice slot is kept free for it). Escaping follows the runner
(actions/toolkit ``command.ts``): data ``%`` ``\\r`` ``\\n``; properties also ``:`` ``,``.
"""

from __future__ import annotations

import os
from collections import Counter

from ..models import Finding, Report, Severity

PER_KIND = 10
COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """Escape the message part of a workflow command."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value (file, title): also ``:`` and ``,``, which delimit properties."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(report: Report, root: str | None = None, per_kind: int = PER_KIND) -> str:
    """Workflow commands for ``report``; paths relative to ``root`` (default: as given)."""
    findings = sorted(report.findings, key=Finding.sort_key)
    lines = [_command("error", escape_data(text), {"title": "verify-refs"})
             for text in report.input_errors[:per_kind]]
    shown: Counter[str] = Counter({"error": len(lines)})
    hidden: Counter[str] = Counter({"error": len(report.input_errors) - len(lines)})
    overflow = _overflows(report, findings, per_kind)
    for finding in findings:
        kind = COMMANDS[finding.severity]
        budget = per_kind - 1 if kind == "notice" and overflow else per_kind
        if shown[kind] < budget:
            shown[kind] += 1
            lines.append(_annotation(finding, root))
        else:
            hidden[kind] += 1
    if sum(hidden.values()):
        lines.append(_summary(hidden, per_kind))
    return "".join(line + "\n" for line in lines)


def _overflows(report: Report, findings: list[Finding], per_kind: int) -> bool:
    counts = Counter(COMMANDS[f.severity] for f in findings)
    counts["error"] += len(report.input_errors)
    return any(count > per_kind for count in counts.values())


def _annotation(finding: Finding, root: str | None) -> str:
    message = f"{finding.message}\n{finding.hint}" if finding.hint else finding.message
    properties = {
        "file": _path(finding.span.path, root),
        "line": str(finding.span.line),
        "col": str(finding.span.column),
        "title": f"verify-refs {finding.code}",
    }
    return _command(COMMANDS[finding.severity], escape_data(message), properties)


def _summary(hidden: Counter[str], per_kind: int) -> str:
    names = {"error": "errors", "warning": "warnings", "notice": "notices"}
    counts = ", ".join(f"{hidden[k]} {names[k]}" for k in ("error", "warning", "notice") if hidden[k])
    message = (f"{sum(hidden.values())} more findings not annotated ({counts}): GitHub shows "
               f"{per_kind} annotations of each kind per step; see the full report in the log "
               f"or upload the SARIF output")
    return _command("notice", escape_data(message), {"title": "verify-refs"})


def _command(name: str, data: str, properties: dict[str, str]) -> str:
    props = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    return f"::{name} {props}::{data}"


def _path(path: str, root: str | None) -> str:
    if root is None:
        return path.replace(os.sep, "/")
    relative = os.path.relpath(os.path.abspath(path), os.path.abspath(root))
    return path.replace(os.sep, "/") if relative.startswith("..") else relative.replace(os.sep, "/")
