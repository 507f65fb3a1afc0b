"""This repository's own corpus, checked the way its pre-commit hook and CI check it:
offline, from the committed lock file, with the committed bibliography kept up to date."""

import os
import shutil
from pathlib import Path

import pytest

from verify_refs.bibtex.writer import write_bibliography
from verify_refs.config import resolve
from verify_refs.models import Status
from verify_refs.pipeline import run

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def report():
    here = os.getcwd()
    os.chdir(ROOT)
    try:
        config = resolve({"offline": True, "bib": None}, environ={})
        assert config.lock == "bibliography/verify-refs.lock.json"
        return run(config)
    finally:
        os.chdir(here)


def test_the_lock_file_checks_the_whole_corpus_offline(report):
    statuses = list(report.statuses.values())
    assert len(statuses) == 5
    assert Status.UNCHECKED not in statuses
    assert statuses.count(Status.VERIFIED) == 1  # Coox 1968, Soviet Studies
    coox = next(r for d in report.documents for r in d.references if r.first_author == "Coox")
    assert report.resolutions[coox.id].work.doi == "10.1080/09668136808410603"
    assert report.resolutions[coox.id].from_lock


def test_the_repository_policy_passes_and_hides_nothing_silently(report):
    from verify_refs.models import Severity

    assert not [f for f in report.findings if f.severity >= Severity.ERROR]
    assert report.suppressed == 1  # the Trotsky excerpt's dangling markers, per-file-ignored


def test_committed_bibliography_is_up_to_date(report, tmp_path):
    committed = ROOT / "bibliography" / "corpus.bib"
    fresh = tmp_path / "corpus.bib"
    shutil.copyfile(committed, fresh)  # the writer keeps the keys it finds
    references = [r for d in report.documents for r in d.references]
    result = write_bibliography(references, report.resolutions, str(fresh))
    assert not result.changed, "bibliography/corpus.bib is stale: run verify-refs (or scripts/relock-corpus)"
    assert fresh.read_bytes() == committed.read_bytes()
    assert result.entries == 5
