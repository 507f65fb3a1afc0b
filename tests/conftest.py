"""Every test runs with a private cache and no VERIFY_REFS_* settings from the machine, so
no test reads or writes the user's cache or reaches a real registry by accident."""

import pytest


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
    for name in ("VERIFY_REFS_MAILTO", "VERIFY_REFS_CROSSREF_URL", "PRE_COMMIT"):
        monkeypatch.delenv(name, raising=False)
