"""GitHub workflow commands: escaping and the per-step annotation limits."""

from __future__ import annotations

import os

from verify_refs import codes
from verify_refs.models import Finding, Report, Severity, Span
from verify_refs.report.github import escape_data, escape_property, format_github


def finding(code: str, line: int, message: str = "msg", path: str = "docs/a.txt",
            severity: Severity | None = None) -> Finding:
    return codes.finding(code, Span(path, line, 3), message, severity=severity, hint="")


def report(*findings: Finding, errors: tuple[str, ...] = ()) -> Report:
    return Report(paths=(), documents=(), findings=findings, input_errors=errors)


def test_escape_data_and_properties():
    assert escape_data("100% sure\r\nnext: a,b") == "100%25 sure%0D%0Anext: a,b"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    assert escape_data("%0A") == "%250A"  # a literal "%0A" must not become a newline


def test_one_annotation_per_finding_with_escaped_properties_and_message():
    f = codes.finding("claim-drift", Span("docs/odd, name:1.txt", 6, 176),
                      '"7 August" here, "9 August" in b.txt:34\n100% sure', hint="Check which.")
    out = format_github(report(f))
    assert out == ("::warning file=docs/odd%2C name%3A1.txt,line=6,col=176,title=verify-refs claim-drift::"
                   '"7 August" here, "9 August" in b.txt:34%0A100%25 sure%0ACheck which.\n')


def test_levels():
    out = format_github(report(finding("dangling-marker", 1), finding("claim-drift", 2),
                               finding("unused-note", 3)))
    assert [line.split(" ", 1)[0] for line in out.splitlines()] == ["::error", "::warning", "::notice"]


def test_paths_relative_to_root(tmp_path):
    path = os.path.join(str(tmp_path), "docs", "a.txt")
    out = format_github(report(finding("unused-note", 1, path=path)), root=str(tmp_path))
    assert "file=docs/a.txt," in out


def test_limits_ten_of_each_kind_then_a_summary_notice():
    findings = ([finding("dangling-marker", i) for i in range(1, 13)]
                + [finding("claim-drift", i) for i in range(1, 4)]
                + [finding("unused-note", i) for i in range(1, 16)])
    lines = format_github(report(*findings, errors=("x.txt: no such file",))).splitlines()
    kinds = [line.split(" ", 1)[0] for line in lines]
    assert kinds.count("::error") == 10  # the input error and 9 of 12 findings
    assert kinds.count("::warning") == 3
    assert kinds.count("::notice") == 10  # 9 findings + the summary: GitHub's 10 notices
    assert len(lines) <= 30  # never more than a step can show, so well within 50 per job
    summary = lines[-1]
    assert summary.startswith("::notice title=verify-refs::")
    assert "9 more findings not annotated (3 errors, 6 notices)" in summary
    assert lines[0] == "::error title=verify-refs::x.txt: no such file"


def test_no_summary_when_everything_fits():
    lines = format_github(report(*[finding("unused-note", i) for i in range(1, 11)])).splitlines()
    assert len(lines) == 10 and all("more findings" not in line for line in lines)


def test_empty_report_prints_nothing():
    assert format_github(report()) == ""
