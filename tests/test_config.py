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


@pytest.mark.parametrize("text, message", [
    ("paths = 5\n", "'paths' must be a list of strings"),
    ("paths = [5]\n", "'paths' must be a list of strings"),
    ("ignore = 5\n", "'ignore' must be a list of strings"),
    ("select = [5]\n", "'select' must be a list of strings"),
    ("bib = 5\n", "'bib' must be a string"),
    ("lock = 5\n", "'lock' must be a string"),
    ("offline = \"yes\"\n", "'offline' must be true or false"),
    ("timeout = \"soon\"\n", "'timeout' must be a number of seconds"),
    ("timeout = 0\n", "timeout must be a positive number of seconds"),
    ("crossref-url = \"api.crossref.org\"\n", "crossref-url must be an http:// or https:// URL"),
    ("[per-file-ignores]\n\"a.txt\" = 5\n", "'per-file-ignores' must be a table"),
    ("per-file-ignores = 5\n", "'per-file-ignores' must be a table"),
    ("tool = 5\n", None),  # not our table: no settings, no error
])
def test_wrong_types_in_the_file_are_one_line_errors(tmp_path, text, message):
    config = write(tmp_path / ".verify-refs.toml", text)
    if message is None:
        assert resolve({"config_file": str(config)}, environ={}).paths == ()
        return
    with pytest.raises(ConfigError) as caught:
        resolve({"config_file": str(config)}, environ={})
    assert str(caught.value).startswith(f"{config}: {message}") and "\n" not in str(caught.value)


@pytest.mark.parametrize("flags, message", [
    ({"crossref_url": "not a url"}, "command line: crossref-url must be an http:// or https:// URL"),
    ({"crossref_url": "ftp://example.org"}, "command line: crossref-url must be"),
    ({"timeout": -5.0}, "command line: timeout must be a positive number of seconds, not -5"),
    ({"bib_check": True}, "--bib-check needs --bib"),
])
def test_bad_flags_name_the_command_line_even_with_a_config_file(tmp_path, flags, message):
    config = write(tmp_path / ".verify-refs.toml", 'fail-on = "error"\n')
    with pytest.raises(ConfigError) as caught:
        resolve({"config_file": str(config), **flags}, environ={})
    assert str(caught.value).startswith(message)


def test_a_bad_url_from_the_environment_is_named_as_such(tmp_path):
    with pytest.raises(ConfigError, match=r"^environment \(VERIFY_REFS_\*\): crossref-url"):
        resolve({"config_file": str(write(tmp_path / "c.toml", ""))},
                environ={"VERIFY_REFS_CROSSREF_URL": "localhost:8890"})


def test_a_config_directory_is_called_a_directory(tmp_path):
    with pytest.raises(ConfigError, match="is a directory, not a config file"):
        resolve({"config_file": str(tmp_path)}, environ={})
