"""Build the resolver a run needs from its Config: the lock file (or the user's cache)
in front of the Crossref resolver, or the lock alone when offline."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Mapping
from pathlib import Path

from ..config import Config
from ..models import Outcome, Resolution
from .interface import Resolver
from .lockfile import OFFLINE_REASON, LockedResolver, LockFile


def cache_path(config: Config) -> Path:
    """Where results go when the project keeps no lock file: the user's cache, shared by
    all projects (entries are keyed by the reference's own text, so sharing is safe)."""
    base = config.cache_dir or os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "verify-refs" / "cache.lock.json"


def make_resolver(config: Config, warn: Callable[[str], None] | None = None) -> LockedResolver:
    """The run's resolver: the lock file first, Crossref (built on first use) for the rest;
    ``warn`` hears the lock file's warnings."""
    # the project's own lock is refused when its content is wrong; the user's cache rebuilt
    lock = LockFile(config.lock or cache_path(config), on_warning=warn or (lambda _message: None),
                    strict=config.lock is not None)
    inner = None if config.offline else _DeferredResolver(config)
    return LockedResolver(inner, lock, offline=config.offline, refresh=config.refresh)


class _DeferredResolver(Resolver):
    """Builds the Crossref resolver on first use: a run served wholly from the lock never
    imports the HTTP stack (habanero, httpx2, requests), which halves its start-up."""

    def __init__(self, config: Config) -> None:
        self._config = config
        self._resolver: Resolver | None = None

    @property
    def client(self):
        """The Crossref client once built; None while the lock has answered everything."""
        return getattr(self._resolver, "client", None)

    def resolve(self, reference):
        """One reference: ``resolve_all`` of a list of one."""
        return self.resolve_all([reference])[reference.id]

    def resolve_all(self, references):
        """Build the Crossref resolver if this is the first call, then pass ``references`` on."""
        if self._resolver is None:
            self._resolver = _crossref_resolver(self._config)
        return self._resolver.resolve_all(references)


def _crossref_resolver(config: Config) -> Resolver:
    """A ``CrossrefResolver`` paced for the pool the config's mailto selects."""
    from .client import CrossrefClient
    from .crossref import CrossrefResolver
    from .pacing import POLITE_LIMITS, PUBLIC_LIMITS, Pacer

    client = CrossrefClient(
        config.crossref_url, config.mailto, deadline=config.timeout,
        pacer=Pacer(POLITE_LIMITS if config.mailto else PUBLIC_LIMITS))
    return CrossrefResolver(client)


def notices(resolver: LockedResolver, resolutions: Mapping[str, Resolution]) -> list[str]:
    """What a person should hear once about this run's network use."""
    said: list[str] = list(resolver.lock.warnings[:1])
    client = getattr(resolver.inner, "client", None)
    if client is not None and client.requests_sent and client.is_crossref and client.pool_notice:
        said.append(client.pool_notice)
    reasons = Counter(r.reason for r in resolutions.values()
                      if r.outcome is Outcome.UNCHECKED and r.reason)
    for reason, count in reasons.most_common(3):
        if reason == OFFLINE_REASON and not resolver.offline:
            continue
        said.append(f"{count} reference{'s' if count != 1 else ''} unchecked: {reason}")
    return said
