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
    assert page.startswith(f"{code} ({codes.CODES[code].severity.label})")
    assert code in EXAMPLES, "add an example for the new code to report/explain.py"
    assert "Example:" in page


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
