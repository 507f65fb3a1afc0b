"""The cheap validity proofs of ``check_identifiers`` accept nothing that ``problem`` rejects."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from verify_refs.checks.identifiers import _SURELY_VALID
from verify_refs.identifiers import handler
from verify_refs.models import IdScheme

PIECES = {
    IdScheme.DOI: ["10.", "10", ".", "/", "1080", "12", "123456789", "0123456789", "٣", "a", "A", " ", "\n",
                   "\u00a0", "x", "doi:", "https://doi.org/", "-", "İ", "K"],
}


def _agrees(scheme: IdScheme, raw: str) -> None:
    if _SURELY_VALID[scheme](raw):
        assert handler(scheme).problem(raw) is None, raw


def test_proofs_on_valid_and_near_identifiers():
    rng = random.Random(7)
    accepted = 0
    for _ in range(20000):
        doi = f"10.{rng.randint(1, 10**10)}" + rng.choice(["", ".5", ".x"]) + rng.choice(["/", "", "//"]) \
            + rng.choice(["", " ", "abc", "X.Y", " \n"])
        _agrees(IdScheme.DOI, doi)
        accepted += bool(_SURELY_VALID[IdScheme.DOI](doi))
    assert accepted > 500  # the proof does accept the usual valid DOI


@settings(max_examples=500, deadline=None)
@given(st.sampled_from(sorted(PIECES)), st.data())
def test_proofs_on_generated_identifiers(scheme, data):
    pieces = data.draw(st.lists(st.sampled_from(PIECES[scheme]), max_size=12))
    _agrees(scheme, "".join(pieces))


@given(st.text(max_size=30))
def test_proofs_on_any_text(raw):
    for scheme in _SURELY_VALID:
        _agrees(scheme, raw)
