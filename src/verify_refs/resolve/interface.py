"""The resolver stage's interface: a ``Reference`` in, a ``Resolution`` out.

Implementations (``CrossrefResolver``, ``LockedResolver``, later a snapshot) sit beside this
module. A resolver that can batch (several DOIs in one request) overrides ``resolve_all``;
the default loops over ``resolve``. "Could not check" is a value (``Outcome.UNCHECKED`` with
a reason) that reaches the report: resolvers raise ``ResolverError`` only when the run cannot
go on at all.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence

from ..models import Reference, Resolution


class ResolverError(Exception):
    """A resolver could not work at all (bad configuration, unusable registry)."""


class Resolver(ABC):
    """Turns references into resolutions against some registry."""

    @abstractmethod
    def resolve(self, reference: Reference) -> Resolution:
        """Resolve one reference; never raises for network trouble (``UNCHECKED`` instead)."""

    def resolve_all(self, references: Sequence[Reference]) -> dict[str, Resolution]:
        """Resolve many references, keyed by ``Reference.id``."""
        return {reference.id: self.resolve(reference) for reference in references}
