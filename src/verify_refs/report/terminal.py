"""The report a person reads in a terminal: grouped by file, one line a finding.

Each finding prints as ``path:line:col severity code message`` (editors and terminals
make that clickable), followed by its hint. Colour comes from ``rich`` and only when the
stream is a terminal and ``NO_COLOR`` is unset (https://no-color.org).
"""

from __future__ import annotations

import os
from collections import Counter
from itertools import groupby
from typing import TextIO

from rich.console import Console
from rich.markup import escape

from ..models import Report, Severity, Status

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def use_color(stream: TextIO, wanted: bool | None = None) -> bool:
    if wanted is not None:
        return wanted
    if os.environ.get("NO_COLOR"):
        return False
    return hasattr(stream, "isatty") and stream.isatty()


def make_console(stream: TextIO, color: bool) -> Console:
    return Console(file=stream, no_color=not color, force_terminal=color, highlight=False,
                   soft_wrap=True, emoji=False, color_system="standard" if color else None)


def write_terminal(report: Report, stream: TextIO, color: bool | None = None) -> None:
    console = make_console(stream, use_color(stream, color))
    for path, items in groupby(report.findings, key=lambda f: f.span.path):
        console.print(f"[bold]{escape(path)}[/bold]")
        for item in items:
            where = f"{item.span.path}:{item.span.line}:{item.span.column}"
            style = _STYLE[item.severity]
            console.print(f"{escape(where)} [{style}]{item.severity.label}[/{style}] "
                          f"[bold]{item.code}[/bold] {escape(item.message)}")
            if item.hint:
                console.print(f"    [dim]hint: {escape(item.hint)}[/dim]")
        console.print()
    console.print(summary_line(report))


def summary_line(report: Report) -> str:
    references = [r for d in report.documents for r in d.references]
    statuses = Counter(report.statuses.get(r.id, Status.UNCHECKED) for r in references)
    severities = Counter(f.severity for f in report.findings)
    status_text = ", ".join(f"{statuses[s]} {s.value}" for s in Status if statuses[s])
    counts = ", ".join(_plural(severities[s], s.label) for s in reversed(Severity))
    docs = _plural(len(report.documents), "document")
    refs = _plural(len(references), "reference")
    line = f"{docs}, {refs}" + (f" ({status_text})" if status_text else "") + f": {counts}"
    if report.suppressed:
        line += f" ({report.suppressed} more suppressed by --select/--ignore or the configuration)"
    if report.fixed:
        line += f"; {_plural(report.fixed, 'field')} fixed by --fix"
    if report.input_errors:
        line += f"; {_plural(len(report.input_errors), 'input')} could not be read"
    return line


def _plural(count: int, noun: str) -> str:
    if noun == "info":
        return f"{count} info"
    return f"{count} {noun}{'' if count == 1 else 's'}"
