"""The command line never loses or corrupts a file it writes to: a hand-written .bib, a
document named as an output, a bibliography after a run that could not read everything,
a folder that does not exist."""

import os
from pathlib import Path

import pytest

from verify_refs.cli import main

SMITH = ("Smith argued this before.[1]\n\nNotes\n\n1. Smith, John (1990). \"A Study of Things\". "
         "Journal of Studies. 3 (2): 10-20.\n")
JONES = ("Jones disagreed.[1]\n\nNotes\n\n1. Jones, Mary (2001). \"Other Things Entirely\". "
         "Review of Things. 7 (1): 1-9.\n")
HAND_WRITTEN = "@book{knuth1984,\n  author = {Knuth, Donald E.},\n  title = {The TeXbook},\n  year = {1984},\n}\n"


@pytest.fixture(autouse=True)
def _outside_the_repository(tmp_path, monkeypatch):
    """Run where no config file applies (the repository's own would write its lock)."""
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def docs(tmp_path) -> tuple[Path, Path]:
    smith, jones = tmp_path / "smith.txt", tmp_path / "jones.txt"
    smith.write_text(SMITH, encoding="utf-8")
    jones.write_text(JONES, encoding="utf-8")
    return smith, jones


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([*argv, "--offline", "--no-progress", "--no-color"])
    out, err = capsys.readouterr()
    return code, out, err


def keys_of(path: Path) -> set[str]:
    text = path.read_text(encoding="utf-8")
    return {line.split("{", 1)[1].rstrip(",") for line in text.splitlines() if line.startswith("@")}


def one_error_line(err: str, needle: str) -> str:
    (line,) = [line for line in err.splitlines() if needle in line]
    assert line.startswith("verify-refs: error: ") and "Traceback" not in err
    return line


def test_a_hand_written_bib_is_never_overwritten(capsys, tmp_path, docs):
    mine = tmp_path / "my.bib"
    mine.write_text(HAND_WRITTEN, encoding="utf-8")
    code, out, err = run(capsys, "--bib", str(mine), str(docs[0]))
    assert code == 2 and out == ""  # refused before the run, not after it
    one_error_line(err, f"{mine}: not written by verify-refs")
    assert mine.read_text(encoding="utf-8") == HAND_WRITTEN


def test_entries_no_longer_cited_are_removed_and_named(capsys, tmp_path, docs):
    bib = tmp_path / "corpus.bib"
    code, _, err = run(capsys, "--bib", str(bib), *map(str, docs))
    assert code == 0 and "(2 entries)" in err
    assert keys_of(bib) == {"smith1990study", "jones2001other"}
    code, _, err = run(capsys, "--bib", str(bib), str(docs[0]))
    assert code == 0 and keys_of(bib) == {"smith1990study"}
    assert f"wrote {bib} (1 entry)" in err
    assert "removed 1 entry no longer cited: jones2001other" in err


def test_input_errors_keep_the_entries_of_unreadable_documents(capsys, tmp_path, docs):
    bib = tmp_path / "corpus.bib"
    run(capsys, "--bib", str(bib), *map(str, docs))
    docs[1].write_bytes(b"\x00\x01binary" * 50)  # Jones's document is now unreadable
    code, _, err = run(capsys, "--bib", str(bib), *map(str, docs))
    assert code == 2
    assert keys_of(bib) == {"smith1990study", "jones2001other"}
    assert "kept 1 entry no longer cited (jones2001other)" in err
    assert "removed" not in err


@pytest.mark.parametrize("flag", ["-o", "--bib", "--lock"])
def test_an_output_naming_an_input_document_is_refused(capsys, docs, flag):
    before = docs[0].read_bytes()
    code, out, err = run(capsys, str(docs[0]), flag, str(docs[0]))
    assert code == 2 and out == ""
    one_error_line(err, f"is one of the documents being checked; {flag} would overwrite it")
    assert docs[0].read_bytes() == before


def test_an_output_naming_a_document_inside_a_checked_folder_is_refused(capsys, tmp_path, docs):
    before = docs[1].read_bytes()
    code, _, err = run(capsys, ".", "-o", f"./sub/../{docs[1].name}")
    assert code == 2 and "is one of the documents being checked" in err
    assert docs[1].read_bytes() == before


def test_a_missing_output_folder_is_refused_and_not_created(capsys, tmp_path, docs):
    target = tmp_path / "no" / "such" / "out.bib"
    code, out, err = run(capsys, str(docs[0]), "--bib", str(target))
    assert code == 2 and out == ""
    one_error_line(err, "no such directory")
    assert not (tmp_path / "no").exists()


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.fixture
def umask_027():
    old = os.umask(0o027)
    yield
    os.umask(old)


def test_outputs_get_the_umask_mode_and_keep_an_existing_mode(capsys, tmp_path, docs, umask_022):
    report, bib = tmp_path / "report.txt", tmp_path / "corpus.bib"
    run(capsys, str(docs[0]), "-o", str(report), "--bib", str(bib))
    assert os.stat(report).st_mode & 0o777 == 0o644
    assert os.stat(bib).st_mode & 0o777 == 0o644
    os.chmod(report, 0o664)
    run(capsys, str(docs[0]), "-o", str(report))
    assert os.stat(report).st_mode & 0o777 == 0o664


def test_lock_file_mode_follows_the_umask(tmp_path, docs, umask_027):
    from verify_refs.testing.crossref_server import CrossrefTestServer

    lock = tmp_path / "refs.lock.json"
    with CrossrefTestServer([]) as server:
        main([str(docs[0]), "--crossref-url", server.url, "--lock", str(lock), "--no-progress"])
    assert lock.exists() and os.stat(lock).st_mode & 0o777 == 0o640


@pytest.mark.skipif(not os.path.isdir("/sys") or os.access("/sys", os.W_OK) and os.getuid() != 0,
                    reason="needs a folder no one may create files in")
def test_an_unwritable_folder_names_the_users_path(capsys, docs):
    target = "/sys/verify-refs-report.txt"
    code, _, err = run(capsys, str(docs[0]), "-o", target)
    assert code == 2
    line = one_error_line(err, target)
    assert "Permission denied" in line and ".tmp" not in line
    assert not os.path.exists(target)
