"""Ctrl-C against a registry that hangs stops the run at once: no waiting for the requests
to time out, nothing written, "interrupted" and exit status 130."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import verify_refs
from verify_refs.testing.crossref_server import CrossrefTestServer, Fault

SEARCHED = ("Smith argued this.[1] Jones did not.[2]\n\nNotes\n\n"
            "1. Smith, John (1990). \"A Study of Things\". Journal of Studies. 3 (2): 10-20.\n"
            "2. Jones, Mary (2001). \"Other Things Entirely\". Review of Things. 7 (1): 1-9.\n")
# the child runs this tree's code, whatever else is installed (PYTHONPATH may be relative)
SOURCE = str(Path(verify_refs.__file__).resolve().parents[1])
BY_DOI = SEARCHED.replace("10-20.\n", "10-20. doi:10.5555/a.1\n").replace("1-9.\n", "1-9. doi:10.5555/b.2\n")


@pytest.mark.parametrize("text", [SEARCHED, BY_DOI], ids=["searches in worker threads", "DOI batch in the main thread"])
def test_the_first_ctrl_c_stops_promptly_and_writes_nothing(tmp_path, text):
    doc = tmp_path / "doc.txt"
    doc.write_text(text, encoding="utf-8")
    lock, bib, report = tmp_path / "refs.lock.json", tmp_path / "corpus.bib", tmp_path / "report.txt"
    with CrossrefTestServer([]) as server:
        server.add_fault(Fault.timeout(30), times=None)  # every request hangs
        started = subprocess.Popen(
            [sys.executable, "-m", "verify_refs", str(doc), "--crossref-url", server.url,
             "--lock", str(lock), "--bib", str(bib), "-o", str(report), "--no-progress"],
            cwd=tmp_path, env=dict(os.environ, PYTHONPATH=SOURCE), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 30
        while server.count == 0 and time.monotonic() < deadline and started.poll() is None:
            time.sleep(0.05)
        assert server.count > 0, started.communicate()
        time.sleep(0.3)  # the requests are in flight now
        interrupted = time.monotonic()
        started.send_signal(signal.SIGINT)
        _, err = started.communicate(timeout=60)
        took = time.monotonic() - interrupted
    assert started.returncode == 130
    assert took < 2.5, took
    assert "interrupted" in err and "Traceback" not in err
    assert not lock.exists() and not bib.exists() and not report.exists()
