"""Config: files, environment and flags merge with flags winning; bad settings are one line."""

from pathlib import Path

import pytest

from verify_refs.config import ConfigError, find_config_file, load_file, resolve
from verify_refs.models import Severity


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_pyproject_table_is_read_and_paths_are_relative_to_it(tmp_path, monkeypatch):
    write(tmp_path / "pyproject.toml",
          '[tool.verify-refs]\nlock = "bib/refs.lock.json"\nfail-on = "error"\nignore = ["unused-note"]\n')
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    config = resolve({}, environ={})
    assert config.fail_on is Severity.ERROR
    assert config.ignore == frozenset({"unused-note"})
    assert Path(config.lock).resolve() == (tmp_path / "bib/refs.lock.json").resolve()


def test_dotfile_wins_over_pyproject(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.verify-refs]\nformat = "json"\n')
    write(tmp_path / ".verify-refs.toml", 'format = "sarif"\n')
    assert find_config_file(tmp_path).name == ".verify-refs.toml"


def test_pyproject_without_our_table_is_not_a_config(tmp_path):
    write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n')
    (tmp_path / ".git").mkdir()
    assert find_config_file(tmp_path) is None


def test_flags_beat_environment_beat_file(tmp_path, monkeypatch):
    write(tmp_path / ".verify-refs.toml", 'mailto = "file@example.org"\ncrossref-url = "http://file"\n')
    monkeypatch.chdir(tmp_path)
    env = {"VERIFY_REFS_MAILTO": "env@example.org", "VERIFY_REFS_CROSSREF_URL": "http://env"}
    config = resolve({"crossref_url": "http://flag"}, environ=env)
    assert config.mailto == "env@example.org"
    assert config.crossref_url == "http://flag"


@pytest.mark.parametrize("text, needle", [
    ('fail-on = "fatal"\n', "fail-on"),
    ('select = ["no-such-code"]\n', "no-such-code"),
    ('colour = true\n', "unknown setting 'colour'"),
    ('format = "xml"\n', "format must be one of"),
    ('this is not toml\n', "invalid TOML"),
])
def test_bad_settings_are_one_line_errors_naming_the_file(tmp_path, monkeypatch, text, needle):
    write(tmp_path / ".verify-refs.toml", text)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigError) as caught:
        resolve({}, environ={})
    message = str(caught.value)
    assert needle in message and ".verify-refs.toml" in message and "\n" not in message


def test_select_and_ignore_accept_prefixes(tmp_path):
    config = resolve({"config_file": str(write(tmp_path / "c.toml", 'select = ["invalid-"]\n'))},
                     environ={})
    assert config.wants("invalid-isbn") and not config.wants("unused-note")
    config = resolve({"config_file": str(tmp_path / "c.toml"), "ignore": "invalid-isbn"}, environ={})
    assert config.wants("invalid-doi") and not config.wants("invalid-isbn")


def test_repository_config_keeps_the_lock_in_bibliography():
    root = Path(__file__).resolve().parents[1]
    settings = load_file(root / "pyproject.toml")
    assert Path(settings["lock"]).resolve() == (root / "bibliography/verify-refs.lock.json").resolve()
