"""The progress bar appears only on runs that last: a quick run draws nothing."""

import io
import time

from verify_refs.report.progress import ProgressBar


def test_a_quick_run_shows_no_bar():
    out = io.StringIO()
    with ProgressBar(delay=5.0, file=out) as bar:
        bar.stage("parsing", 1)
        bar.advance()
    assert not bar.shown and out.getvalue() == ""


def test_a_long_run_shows_the_bar_even_while_nothing_advances():
    with ProgressBar(delay=0.05, file=io.StringIO()) as bar:
        bar.stage("resolving", 10)
        deadline = time.monotonic() + 5
        while not bar.shown and time.monotonic() < deadline:
            time.sleep(0.01)
        assert bar.shown
