"""SARIF 2.1.0 output: valid, stable, relative paths, 1-based regions, fingerprints."""

from __future__ import annotations

import json
import os

import pytest
from pydantic import BaseModel
from sarif_pydantic import Sarif

from verify_refs import __version__, codes
from verify_refs.models import Finding, Report, Severity, Span
from verify_refs.report.sarif import FINGERPRINT_KEY, SRCROOT, format_sarif


def finding(code: str, path: str, line: int, column: int = 1, message: str = "something",
            related: tuple[Span, ...] = (), severity: Severity | None = None) -> Finding:
    return codes.finding(code, Span(path, line, column), message, related=related, severity=severity)


@pytest.fixture
def root(tmp_path):
    return str(tmp_path)


def report_in(root: str, *findings: Finding, errors: tuple[str, ...] = ()) -> Report:
    paths = tuple(sorted({f.span.path for f in findings}))
    return Report(paths=paths, documents=(), findings=findings, input_errors=errors)


def sample(root: str) -> Report:
    a, b = os.path.join(root, "corpus", "a.txt"), os.path.join(root, "corpus", "b b.txt")
    return report_in(
        root,
        finding("claim-drift", a, 6, 176, f'"7 August 1945" here, "9 August 1945" in {b}:34',
                related=(Span(b, 34, 180),)),
        finding("dangling-marker", b, 3, 12, "marker [14] points to no note"),
        finding("unused-note", a, 40, 1, "note 7 is never cited"),
        finding("year-mismatch", b, 50, 5, "year 1969, registry 1968", severity=Severity.ERROR),
        errors=("missing.txt: no such file",),
    )


# SARIF 2.1.0 properties that sarif-pydantic does not model (checked against the official
# schema by benchmarks/validate_sarif.py): run.columnKind, invocation.toolExecutionNotifications.
NOT_MODELLED = {"Run": {"columnKind"}, "Invocation": {"toolExecutionNotifications"}}


def assert_no_unknown_properties(model: BaseModel, where: str = "log") -> None:
    """sarif-pydantic accepts extra keys; SARIF's schema does not (additionalProperties: false)."""
    extra = set(model.model_extra or ()) - NOT_MODELLED.get(type(model).__name__, set())
    assert not extra, f"unknown SARIF properties at {where}: {sorted(extra)}"
    for name in type(model).model_fields:
        value = getattr(model, name)
        items = value if isinstance(value, list) else list(value.values()) if isinstance(value, dict) else [value]
        for index, item in enumerate(items):
            if isinstance(item, BaseModel):
                assert_no_unknown_properties(item, f"{where}.{name}[{index}]")


def test_validates_with_sarif_pydantic(root):
    text = format_sarif(sample(root), root)
    log = Sarif.model_validate_json(text)
    assert log.version == "2.1.0"
    assert_no_unknown_properties(log)


def test_empty_report_is_valid(root):
    text = format_sarif(Report(paths=(), documents=(), findings=()), root)
    log = Sarif.model_validate_json(text)
    assert log.runs[0].results == []
    assert_no_unknown_properties(log)


def test_one_rule_per_code_with_descriptions_and_levels(root):
    run = json.loads(format_sarif(sample(root), root))["runs"][0]
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("verify-refs", __version__)
    assert driver["informationUri"].startswith("https://")
    rules = driver["rules"]
    assert [r["id"] for r in rules] == list(codes.CODES)
    by_id = {r["id"]: r for r in rules}
    drift = by_id["claim-drift"]
    assert drift["shortDescription"]["text"] == codes.CODES["claim-drift"].summary
    assert drift["fullDescription"]["text"] == codes.CODES["claim-drift"].explain
    assert codes.CODES["claim-drift"].hint in drift["help"]["text"]
    assert drift["defaultConfiguration"]["level"] == "warning"
    assert by_id["dangling-marker"]["defaultConfiguration"]["level"] == "error"
    assert by_id["unused-note"]["defaultConfiguration"]["level"] == "note"


def test_results_levels_paths_and_regions(root):
    run = json.loads(format_sarif(sample(root), root))["runs"][0]
    results = run["results"]
    assert [r["ruleId"] for r in results] == ["claim-drift", "unused-note", "dangling-marker", "year-mismatch"]
    assert [r["level"] for r in results] == ["warning", "note", "error", "error"]
    for result in results:
        assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uriBaseId"] == SRCROOT
        assert not location["artifactLocation"]["uri"].startswith(("/", "file:"))
        assert location["region"]["startLine"] >= 1 and location["region"]["startColumn"] >= 1
    drift = results[0]
    assert drift["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "corpus/a.txt"
    assert drift["locations"][0]["physicalLocation"]["region"] == {"startLine": 6, "startColumn": 176}
    related = drift["relatedLocations"][0]["physicalLocation"]
    assert related["artifactLocation"]["uri"] == "corpus/b%20b.txt"  # a URI: the space is encoded
    assert related["region"] == {"startLine": 34, "startColumn": 180}
    assert run["columnKind"] == "unicodeCodePoints"
    assert [a["location"]["uri"] for a in run["artifacts"]] == ["corpus/a.txt", "corpus/b%20b.txt"]


def test_input_errors_become_notifications(root):
    invocation = json.loads(format_sarif(sample(root), root))["runs"][0]["invocations"][0]
    assert invocation["toolExecutionNotifications"][0]["message"]["text"] == "missing.txt: no such file"


def test_paths_outside_the_root_are_file_uris(root, tmp_path_factory):
    elsewhere = str(tmp_path_factory.mktemp("elsewhere") / "x.txt")
    result = json.loads(format_sarif(report_in(root, finding("unused-note", elsewhere, 1)), root))
    location = result["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location["uri"].startswith("file:///") and "uriBaseId" not in location


def test_output_is_deterministic(root):
    assert format_sarif(sample(root), root) == format_sarif(sample(root), root)
    shuffled = sample(root)
    shuffled = Report(paths=shuffled.paths, documents=(), findings=shuffled.findings[::-1],
                      input_errors=shuffled.input_errors)
    assert format_sarif(shuffled, root) == format_sarif(sample(root), root)


def fingerprints(report: Report, root: str) -> dict[str, str]:
    results = json.loads(format_sarif(report, root))["runs"][0]["results"]
    return {r["message"]["text"].split("\n")[0]: r["partialFingerprints"][FINGERPRINT_KEY] for r in results}


def test_fingerprints_survive_moved_lines_and_other_checkouts(root, tmp_path_factory):
    path = os.path.join(root, "corpus", "a.txt")
    before = report_in(root, finding("claim-drift", path, 6, 176, f'"7" here, "9" in {root}/corpus/b.txt:34'))
    after = report_in(root, finding("claim-drift", path, 9, 3, f'"7" here, "9" in {root}/corpus/b.txt:36'))
    assert list(fingerprints(before, root).values()) == list(fingerprints(after, root).values())
    other = str(tmp_path_factory.mktemp("checkout"))
    moved = report_in(other, finding("claim-drift", os.path.join(other, "corpus", "a.txt"), 6, 176,
                                     f'"7" here, "9" in {root}/corpus/b.txt:34'))
    assert list(fingerprints(moved, other).values()) == list(fingerprints(before, root).values())


def test_fingerprints_differ_for_different_findings(root):
    path = os.path.join(root, "a.txt")
    report = report_in(root, finding("unused-note", path, 1, message="note 7 is never cited"),
                       finding("unused-note", path, 2, message="note 8 is never cited"),
                       finding("unused-note", path, 3, message="note 8 is never cited"),
                       finding("dangling-marker", path, 4, message="note 8 is never cited"))
    results = json.loads(format_sarif(report, root))["runs"][0]["results"]
    values = [r["partialFingerprints"][FINGERPRINT_KEY] for r in results]
    assert len(set(values)) == 4


# The official schema (OASIS sarif-spec) lives in the workspace's shared folder, beside the
# repository; it comes from another project and is read there, never copied in.
OFFICIAL_SCHEMA = os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "schemas",
                               "sarif-schema-2.1.0.json")


@pytest.mark.skipif(not os.path.exists(OFFICIAL_SCHEMA),
                    reason="the official SARIF 2.1.0 schema (../shared/schemas) is not beside this checkout")
def test_validates_against_the_official_schema(root):
    import jsonschema

    with open(OFFICIAL_SCHEMA, encoding="utf-8") as handle:
        schema = json.load(handle)
    validator = jsonschema.validators.validator_for(schema)(schema)  # draft-04
    for report in (sample(root), report_in(root)):
        errors = sorted(validator.iter_errors(json.loads(format_sarif(report, root))), key=str)
        assert not errors, [e.message for e in errors[:3]]
    broken = json.loads(format_sarif(sample(root), root))
    broken["runs"][0]["results"][0]["level"] = "fatal"  # the schema does catch a bad level
    assert not validator.is_valid(broken)
