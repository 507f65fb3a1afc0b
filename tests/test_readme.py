"""The README stays true: every finding code is in its table, and CI runs its test command."""

import re
from pathlib import Path

from verify_refs.codes import CODES

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_code_is_in_the_table_with_its_severities():
    rows = dict(re.findall(r"^\| `([a-z-]+)` \| ((?:error|warning|info)[a-z /]*) \|", README, flags=re.M))
    assert set(rows) == set(CODES)
    for code, entry in CODES.items():
        # "warning / error" in the table is the code's "warning/error": both, default first
        assert rows[code].replace(" ", "") == entry.label, code


def test_ci_runs_the_readme_test_command():
    commands = re.findall(r"```sh\n(.+?)\n```", README)
    test_command = next(c for c in commands if "pytest" in c)
    ci_lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert test_command in ci_lines


def test_quick_start_runs_the_tool_on_the_corpus():
    commands = re.findall(r"```sh\n(.+?)\n```", README)
    assert commands[0].endswith("pip install . && verify-refs corpus/")
