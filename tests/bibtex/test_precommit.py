"""The pre-commit hooks, run the way users run them, in a throw-away clone.

``pre-commit try-repo`` only sees committed files (plus changes to tracked ones), so the
test copies the working tree (tracked and new, unignored files) into a fresh repository
and commits it there: it then behaves the same in a developer's tree and a fresh clone.
Nothing reaches Crossref: a ``.verify-refs.toml`` in the clone says ``offline = true``
and the Crossref URL points at a closed port.
"""

from __future__ import annotations

import importlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_SKIP_DIRS = {".git", ".venv", "venv", ".pytest_cache", ".hypothesis", "__pycache__", "build", "dist",
              ".verify-refs-cache"}


def _cli_ready() -> bool:
    try:
        return callable(getattr(importlib.import_module("verify_refs.cli"), "main", None))
    except ImportError:
        return False


pytestmark = [
    pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed"),
    pytest.mark.skipif(importlib.util.find_spec("pre_commit") is None,
                       reason="pre-commit is not installed (pip install -e '.[test]')"),
    pytest.mark.skipif(not _cli_ready(), reason="verify_refs.cli has no main() yet"),
]


def _project_files() -> list[Path]:
    """The working tree as a clone would have it, with uncommitted new files."""
    listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=ROOT,
                            capture_output=True, check=False)
    if listed.returncode == 0:
        return [Path(p) for p in listed.stdout.decode().split("\0") if p and (ROOT / p).is_file()]
    files = []
    for folder, dirs, names in os.walk(ROOT):
        dirs[:] = [d for d in dirs if d not in _SKIP_DIRS and not d.endswith(".egg-info")]
        files.extend(Path(folder, n).relative_to(ROOT) for n in names)
    return files


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture(scope="module")
def clone(tmp_path_factory) -> Path:
    repo = tmp_path_factory.mktemp("clone")
    for relative in _project_files():
        if relative.parts and relative.parts[0] in _SKIP_DIRS:
            continue
        target = repo / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / relative, target)
    _git(repo, "init", "-q")
    _git(repo, "config", "user.email", "test@verify-refs.invalid")
    _git(repo, "config", "user.name", "verify-refs tests")
    _git(repo, "config", "commit.gpgsign", "false")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "snapshot for the pre-commit test")
    # after the commit: a local setting of this checkout, not part of the hook repository
    (repo / ".verify-refs.toml").write_text("offline = true\nprogress = false\n", encoding="utf-8")
    return repo


def _env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["PRE_COMMIT_HOME"] = str(tmp_path / "pre-commit-home")
    env["VERIFY_REFS_CROSSREF_URL"] = "http://127.0.0.1:9"  # closed port: never the real API
    env["PATH"] = os.path.dirname(sys.executable) + os.pathsep + env.get("PATH", "")
    env.pop("VIRTUAL_ENV", None)
    return env


def _pre_commit(repo: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pre_commit", *args], cwd=repo, env=env,
                          capture_output=True, text=True, timeout=1200)


def test_try_repo_runs_the_check_hook(clone, tmp_path):
    corpus = sorted(str(p.relative_to(clone)) for p in (clone / "corpus").iterdir())
    result = _pre_commit(clone, _env(tmp_path), "try-repo", str(clone), "verify-refs",
                         "--verbose", "--files", *corpus)
    output = result.stdout + result.stderr
    if "An unexpected error has occurred" in output and ("pip" in output or "install" in output) \
            and ("Could not find a version" in output or "connection" in output.lower()):
        pytest.skip("pre-commit could not install the hook environment (no package index)")
    assert "Traceback" not in output, output
    assert result.returncode in (0, 1), output
    assert "verify-refs" in output and ("Passed" in output or "Failed" in output), output
    assert "hook id: verify-refs" in output or "Passed" in output, output


def test_local_bib_hook_is_a_formatter(clone, tmp_path):
    env = _env(tmp_path)
    if shutil.which("verify-refs", path=env["PATH"]) is None:
        pytest.skip("verify-refs is not on PATH (install the project: pip install -e .)")
    bib = clone / "bibliography" / "corpus.bib"
    bib.unlink(missing_ok=True)
    first = _pre_commit(clone, env, "run", "verify-refs-bib", "--all-files", "--verbose")
    output = first.stdout + first.stderr
    assert "Traceback" not in output, output
    assert first.returncode == 1, output
    assert bib.exists(), output
    written = bib.read_bytes()
    assert b"Bibliography written by verify-refs" in written
    second = _pre_commit(clone, env, "run", "verify-refs-bib", "--all-files", "--verbose")
    assert bib.read_bytes() == written  # byte-identical: nothing to commit on the second run
    assert "files were modified by this hook" not in second.stdout + second.stderr
