"""PubMed ids: ``PMID 12345678`` / ``PMID: 12345678``."""

from __future__ import annotations

import re

from ..models import IdScheme
from .base import Handler

PATTERN = re.compile(r"PMID\s*:?\s*(?P<id>\d{1,9})(?!\d)")

HANDLER = Handler(IdScheme.PMID, PATTERN, str, priority=1)
