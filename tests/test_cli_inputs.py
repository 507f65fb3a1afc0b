"""The command line on good and bad input: one-line errors naming the file, the rest of
the corpus still checked, exit status 2 for input errors, never a traceback."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from verify_refs.cli import main

GOOD = ("Smith argued this before.[1]\n\nNotes\n\n1. Smith, John (1990). \"A Study of Things\". "
        "Journal of Studies. 3 (2): 10-20.\n")


@pytest.fixture(autouse=True)
def _outside_the_repository(tmp_path, monkeypatch):
    """Run where no config file applies (the repository's own would write its lock)."""
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def good(tmp_path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([*argv, "--offline", "--no-progress", "--no-color"])
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_error(err: str, needle: str) -> None:
    lines = [line for line in err.splitlines() if needle in line]
    assert lines, err
    assert all(line.startswith("verify-refs: error: ") for line in lines)
    assert "Traceback" not in err


def test_missing_path_is_named_and_the_rest_is_checked(capsys, good):
    code, out, err = run(capsys, str(good), "no/such/file.txt", "--format", "json")
    assert code == 2
    assert_one_line_error(err, "no/such/file.txt: no such file or directory")
    report = json.loads(out)
    assert report["summary"]["documents"] == 1
    assert any(r["path"] == str(good) for r in report["references"])


def test_directory_without_documents(capsys, tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "image.png").write_bytes(b"\x89PNG\r\n")
    code, _, err = run(capsys, str(tmp_path / "empty"))
    assert code == 2
    assert_one_line_error(err, "no documents here")


@pytest.mark.parametrize("name, data, needle", [
    ("binary.txt", b"\x00\x01\x02PK\x03\x04" * 100, "binary file"),
    ("empty.txt", b"", "empty file"),
    ("blank.md", b"  \n\n \n", "empty file"),
    ("russian.txt", "Бухарин и Рыков были осуждены в 1938 году.\n".encode("cp1251") * 5,
     "not UTF-8 (byte 0xc1; looks like cp1251)"),
    ("french.txt", "Les émigrés à Harbin, déçus.\n".encode("latin-1"), "looks like latin-1"),
    ("windows.txt", "Coox, Alvin D. Nomonhan. Stanford, 1985.\n".encode("utf-16-le"),
     "UTF-16 text without a byte-order mark; convert it, e.g. iconv -f utf-16le"),
    ("mac.txt", "Coox, Alvin D. Nomonhan. Stanford, 1985.\n".encode("utf-16-be"), "iconv -f utf-16be"),
])
def test_unreadable_documents(capsys, tmp_path, good, name, data, needle):
    bad = tmp_path / name
    bad.write_bytes(data)
    code, out, err = run(capsys, str(bad), str(good))
    assert code == 2
    assert_one_line_error(err, f"{bad}")
    assert needle in err
    assert "1 document," in out  # the good file was still checked


def test_legacy_encoding_error_names_the_line(capsys, tmp_path):
    bad = tmp_path / "notes.txt"
    bad.write_bytes(b"First line is ASCII.\nSecond: \xe9migr\xe9s.\n")
    run_code, _, err = run(capsys, str(bad))
    assert run_code == 2
    assert f"{bad}:2: not UTF-8" in err


def test_huge_file_is_refused_without_reading_it_all(capsys, tmp_path, good):
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as handle:
        handle.truncate(20 * 1024 * 1024)
    code, _, err = run(capsys, str(huge), str(good))
    assert code == 2
    assert_one_line_error(err, "is too large for a document")
    assert "20.0 MB is too large for a document (limit 16 MB)" in err  # one unit on both sides


def test_usage_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["--format", "xml", "x.txt"])
    assert caught.value.code == 2
    code, _, err = run(capsys)
    assert code == 2 and "give at least one document" in err


def test_unknown_code_in_ignore_is_a_usage_error(capsys, good):
    code, _, err = run(capsys, str(good), "--ignore", "no-such-code")
    assert code == 2
    assert_one_line_error(err, "unknown finding code no-such-code")


def test_fail_on_and_ignore_decide_the_exit_status(capsys, tmp_path):
    doc = tmp_path / "dangling.txt"
    doc.write_text("A claim.[1] Another.[2]\n\nNotes\n\n1. Smith 1990, p. 3.\n", encoding="utf-8")
    code, out, _ = run(capsys, str(doc))
    assert code == 1 and "dangling-marker" in out
    code, out, _ = run(capsys, str(doc), "--ignore", "dangling-marker,orphan-short-cite")
    assert code == 0 and "dangling-marker" not in out


def test_terminal_format_lines_and_summary(capsys, tmp_path):
    doc = tmp_path / "dangling.txt"
    doc.write_text("A claim.[1] Another.[2]\n\nNotes\n\n1. Smith 1990, p. 3.\n", encoding="utf-8")
    _, out, _ = run(capsys, str(doc))
    assert f"{doc}:1:21 error dangling-marker marker [2] points to no note" in out
    assert "    hint: " in out
    assert out.rstrip().splitlines()[-1].startswith("1 document, ")
    assert "\x1b[" not in out


def test_colour_only_when_asked_or_on_a_terminal(capsys, tmp_path):
    doc = tmp_path / "dangling.txt"
    doc.write_text("A claim.[1]\n", encoding="utf-8")
    main([str(doc), "--offline", "--no-progress", "--color"])
    assert "\x1b[" in capsys.readouterr().out


def test_no_color_environment_is_respected(tmp_path):
    doc = tmp_path / "dangling.txt"
    doc.write_text("A claim.[1]\n", encoding="utf-8")
    env = dict(os.environ, NO_COLOR="1")
    done = subprocess.run([sys.executable, "-m", "verify_refs", str(doc), "--offline"],
                          capture_output=True, text=True, env=env, timeout=60, cwd=tmp_path)
    assert done.returncode == 1
    assert "dangling-marker" in done.stdout and "\x1b[" not in done.stdout
    assert "Traceback" not in done.stderr


def test_report_written_atomically_to_output_file(capsys, tmp_path, good):
    target = tmp_path / "out" / "report.json"
    target.parent.mkdir()  # a missing folder is refused (test_cli_outputs)
    code, out, _ = run(capsys, str(good), "--format", "json", "-o", str(target))
    assert out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["version"] == 1
    assert not [p for p in target.parent.iterdir() if p.name.startswith(".")]


def test_a_numbered_list_without_markers_is_one_finding(capsys, tmp_path):
    doc = tmp_path / "list.txt"
    doc.write_text("Prose citing nothing.\n\nReferences\n\n"
                   + "".join(f"[{n}] Smith, J. ({1990 + n}). \"Study number {n}\". Journal of Things. "
                             f"{n} (2): 10-20.\n" for n in range(1, 6)), encoding="utf-8")
    code, out, _ = run(capsys, str(doc), "--format", "json")
    findings = [f for f in json.loads(out)["findings"] if f["code"] == "unused-note"]
    assert len(findings) == 1 and "5 notes (1-5) but no footnote markers" in findings[0]["message"]
    assert code == 0


def test_strict_offline_fails_on_unchecked_references(capsys, good):
    code, out, err = run(capsys, str(good), "--format", "json")
    report = json.loads(out)
    assert code == 0 and report["summary"]["status"]["unchecked"] == 1
    assert "offline and not in lock file" in err
    code, _, _ = run(capsys, str(good), "--strict")
    assert code == 1


def test_second_run_is_served_from_the_lock_with_no_network(capsys, tmp_path, good):
    from verify_refs.testing.crossref_server import CrossrefTestServer

    record = {"DOI": "10.5555/study.1", "type": "journal-article", "title": ["A Study of Things"],
              "author": [{"given": "John", "family": "Smith", "sequence": "first"}],
              "issued": {"date-parts": [[1990]]}, "container-title": ["Journal of Studies"],
              "volume": "3", "issue": "2", "page": "10-20"}
    lock = str(tmp_path / "refs.lock.json")
    with CrossrefTestServer([record]) as server:
        code = main([str(good), "--crossref-url", server.url, "--lock", lock, "--no-progress"])
        assert code == 0 and server.count > 0
        server.reset()
        code = main([str(good), "--crossref-url", server.url, "--lock", lock, "--no-progress",
                     "--format", "json"])
        assert server.count == 0
    capsys.readouterr()
    code, out, _ = run(capsys, str(good), "--lock", lock, "--format", "json", "--strict")
    (reference,) = json.loads(out)["references"]
    assert code == 0 and reference["status"] == "verified"
    assert reference["resolved_doi"] == "10.5555/study.1"


def test_json_references_carry_their_locators(tmp_path, capsys):
    doc = tmp_path / "notes.txt"
    doc.write_text("The defector crossed.[1]\n\nNotes\n\n1. Alvin D. Coox, \"L'Affaire Lyushkov,\" "
                   "Soviet Studies 19, no. 3 (1968): 405\u201320, at 411.\n", encoding="utf-8")
    code, out, _ = run(capsys, str(doc), "--format", "json")
    (reference,) = json.loads(out)["references"]
    assert (reference["volume"], reference["issue"], reference["pages"], reference["pinpoints"]) == (
        "19", "3", "405-20", ["411"])


@pytest.mark.parametrize("argv, needle", [
    (["--crossref-url", "not a url"], "crossref-url must be an http:// or https:// URL"),
    (["--timeout", "-5"], "timeout must be a positive number of seconds"),
    (["--bib-check"], "--bib-check needs --bib"),
])
def test_usage_mistakes_check_nothing_and_exit_2(capsys, good, argv, needle):
    code, out, err = run(capsys, str(good), *argv)
    assert code == 2 and out == ""
    assert_one_line_error(err, needle)


def test_a_wrongly_typed_config_value_is_one_line(capsys, tmp_path, good):
    (tmp_path / ".verify-refs.toml").write_text("paths = 5\n", encoding="utf-8")
    code, out, err = run(capsys, str(good))
    assert code == 2 and out == ""
    assert_one_line_error(err, ".verify-refs.toml: 'paths' must be a list of strings")


@pytest.mark.parametrize("text, needle", [
    ('{\n  "lockfile-version": 1,\n  "references": {\n<<<<<<< HEAD\n    "a": {}\n=======\n'
     '    "b": {}\n>>>>>>> other\n  }\n}\n', ":4: unresolved merge conflict"),
    ('{"lockfile-version": 99, "references": {}}\n', "lockfile-version 99 was written by a newer verify-refs"),
    ('{"lockfile-version": 1, "references": []}\n', "'references' must be a JSON object of entries, not a list"),
    ('{"lockfile-version": 1,\n "references": {,}}\n', ":2: not valid JSON"),
])
def test_a_bad_lock_file_is_an_error_and_left_alone(capsys, tmp_path, good, text, needle):
    lock = tmp_path / "refs.lock.json"
    lock.write_text(text, encoding="utf-8")
    code, out, err = run(capsys, str(good), "--lock", str(lock))
    assert code == 2
    assert_one_line_error(err, f"{lock}{needle}" if needle.startswith(":") else needle)
    assert str(lock) in err
    assert lock.read_text(encoding="utf-8") == text


def test_overlapping_inputs_are_checked_once(capsys, tmp_path, good):
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text(GOOD, encoding="utf-8")
    code, out, _ = run(capsys, "corpus/", "./corpus", str(tmp_path / "corpus" / "a.txt"), "--format", "json")
    report = json.loads(out)
    assert report["summary"]["documents"] == 1 and len(report["references"]) == 1
    assert report["references"][0]["path"] == "corpus/a.txt"


def test_symbolic_link_loops_and_dangling_links_are_named(capsys, tmp_path, good):
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    code, _, err = run(capsys, "loop.txt", "gone.txt", str(good))
    assert code == 2
    assert_one_line_error(err, "loop.txt: symbolic link loop")
    assert_one_line_error(err, "gone.txt: broken symbolic link")


def test_the_summary_says_what_suppressed_findings(capsys, tmp_path):
    doc = tmp_path / "dangling.txt"
    doc.write_text("A claim.[1] Another.[2]\n\nNotes\n\n1. Smith 1990, p. 3.\n", encoding="utf-8")
    _, out, _ = run(capsys, str(doc), "--select", "invalid-")
    assert "more suppressed by --select/--ignore or the configuration)" in out
