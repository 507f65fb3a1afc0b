"""Validate verify-refs' SARIF against the official SARIF 2.1.0 JSON schema.

The schema is not part of this repository (it belongs to the OASIS SARIF TC); pass its
path. Without SARIF files, a report holding one finding of every code (with related
locations, input errors and a path outside the root) is formatted and validated.

    python benchmarks/validate_sarif.py SCHEMA_PATH [FILE.sarif ...]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

import jsonschema

from arguments import existing_file
from verify_refs import codes
from verify_refs.models import Report, Span
from verify_refs.report.sarif import format_sarif


def sample_sarif() -> str:
    """Every code once, in a temporary root, plus an input error and an outside path."""
    root = tempfile.mkdtemp()
    findings = []
    for line, code in enumerate(codes.CODES, 1):
        here = Span(f"{root}/docs/ré sumé {line % 3}.txt", line, 2 * line)
        related = (Span(f"{root}/docs/other.txt", line + 1, 1), Span("/elsewhere/x.txt", 3, 4))
        findings.append(codes.finding(code, here, f"{code}: 100% of \"it\", at {here.path}:{line}",
                                      related=related if line % 2 else ()))
    report = Report(paths=(f"{root}/docs",), documents=(), findings=tuple(findings),
                    input_errors=("missing.txt: no such file",))
    return format_sarif(report, root)


def validate(schema: dict, text: str, name: str) -> int:
    validator = jsonschema.Draft4Validator(schema)  # the schema declares draft-04
    errors = sorted(validator.iter_errors(json.loads(text)), key=lambda e: list(e.path))
    for error in errors:
        print(f"{name}: {'/'.join(map(str, error.path)) or '(root)'}: {error.message}")
    results = len(json.loads(text)["runs"][0]["results"])
    print(f"{name}: {'INVALID' if errors else 'valid'} ({results} results, {len(errors)} errors)")
    return len(errors)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("schema", type=existing_file, help="the official SARIF 2.1.0 schema (sarif-schema-2.1.0.json)")
    parser.add_argument("files", nargs="*", type=existing_file, help="SARIF files to validate (default: a sample report)")
    options = parser.parse_args(argv)
    schema = json.loads(Path(options.schema).read_text(encoding="utf-8"))
    if not options.files:
        return 1 if validate(schema, sample_sarif(), "sample") else 0
    failures = sum(validate(schema, Path(p).read_text(encoding="utf-8"), p) for p in options.files)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
