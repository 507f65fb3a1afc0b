"""``--explain CODE``."""

from __future__ import annotations

import pytest

from verify_refs import codes
from verify_refs.report.explain import EXAMPLES, explain


def test_explain_has_meaning_fix_and_example():
    page = explain("claim-drift")
    entry = codes.CODES["claim-drift"]
    assert page.startswith("claim-drift (warning)\n\n" + entry.summary)
    assert "What it means and why it matters:" in page and "factual contradiction" in page
    assert "How to fix it:\n  " + entry.hint in page
    assert "Example:\n" in page and '"7 August 1945" here' in page


@pytest.mark.parametrize("code", list(codes.CODES))
def test_every_code_explains_with_an_example(code):
    page = explain(code)
    assert page.startswith(f"{code} ({codes.CODES[code].label})")
    assert code in EXAMPLES, "add an example for the new code to report/explain.py"
    assert "Example:" in page


def test_a_code_with_two_severities_says_when_each_applies():
    page = explain("year-mismatch")
    assert page.startswith("year-mismatch (warning/error)\n")
    severity = page.split("Severity:\n", 1)[1].split("\n\n", 1)[0]
    lines = [line for line in severity.splitlines() if not line.startswith("    ")]
    assert lines[0].startswith("  warning when the cited year is one year off")
    assert lines[1].startswith("  error when the cited year is more than one year off")
    assert "another edition" in severity
    assert "Severity:" not in explain("claim-drift")  # one severity: the title line says it


def test_the_code_labels():
    labels = {code: entry.label for code, entry in codes.CODES.items()}
    assert labels["year-mismatch"] == labels["author-mismatch"] == labels["pages-mismatch"] == "warning/error"
    assert labels["unresolved"] == "warning/info" and labels["retracted"] == "error/info"
    assert labels["volume-mismatch"] == "error"  # another volume number is always an error
    assert labels["claim-drift"] == "warning"


def test_list_codes_shows_both_severities(capsys):
    from verify_refs.cli import main

    assert main(["--list-codes"]) == 0
    rows = {line.split()[0]: line.split()[1] for line in capsys.readouterr().out.splitlines()}
    assert set(rows) == set(codes.CODES)
    assert rows["year-mismatch"] == "warning/error" and rows["unresolved"] == "warning/info"
    assert rows["dangling-marker"] == "error"


def test_code_is_case_and_space_insensitive():
    assert explain(" Claim-Drift ") == explain("claim-drift")


def test_unknown_code_raises_key_error_listing_codes():
    with pytest.raises(KeyError) as raised:
        explain("claim-drfit")
    message = raised.value.args[0]
    assert message.startswith("unknown finding code 'claim-drfit'. Did you mean claim-drift?")
    assert all(code in message for code in codes.CODES)


def test_examples_only_for_known_codes():
    assert set(EXAMPLES) <= set(codes.CODES)
