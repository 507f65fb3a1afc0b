"""The ISBN check-digit fast path agrees with python-stdnum on every kind of input."""

import random

from stdnum import isbn as stdnum_isbn

from verify_refs.identifiers import isbn


def test_fast_path_says_valid_only_when_stdnum_does():
    rng = random.Random(7)
    alphabet = "0123456789" * 3 + "X"
    samples = []
    for _ in range(20000):
        length = rng.choice((10, 13))
        prefix = rng.choice(("978", "979", "")) if length == 13 else ""
        body = "".join(rng.choice(alphabet) for _ in range(length - len(prefix)))
        samples.append(prefix + body)
    samples += ["9780306406157", "0306406152", "080442957X", "0804429570", "٩٧٨0306406157"]
    for digits in samples:
        assert isbn._valid(digits) == stdnum_isbn.is_valid(digits), digits
