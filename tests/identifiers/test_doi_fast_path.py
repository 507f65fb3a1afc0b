"""The DOI normaliser's fast path for ``https://doi.org/`` links gives what the resolver
pattern gives, on links and on look-alikes built from the pieces the pattern knows."""

import random

from verify_refs.identifiers import doi


def _by_pattern(raw: str) -> str:
    value = raw.strip()
    return value.lower() if value.startswith("10.") else doi._RESOLVER_PREFIX.sub("", value).lower()


def test_fast_path_agrees_with_the_resolver_pattern():
    rng = random.Random(11)
    pieces = ["https://doi.org/", "http://", "https://", "dx.", "www.", "doi.", "doi. org/", "org/",
              "DOI:", "doi:", "10.", "1234", "/", "X", " ", "HTTPS://DOI.ORG/", "https://doi.org/doi:"]
    samples = ["https://doi.org/10.1234/5678", "https://doi.org/", "https://doi.org/https://doi.org/10.1/x",
               " https://doi.org/10.1/X ", "https://doi.org/doi:10.1/x", "https://doi.org/dx.doi.org/10.1/x"]
    samples += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 6))) for _ in range(20000)]
    for raw in samples:
        assert doi.normalise(raw) == _by_pattern(raw), raw
