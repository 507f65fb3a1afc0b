"""OCLC control numbers: ``OCLC 251139`` (also glued after an ISBN: ``...-3OCLC 251139``)."""

from __future__ import annotations

import re

from ..models import IdScheme
from .base import Handler

PATTERN = re.compile(r"OCLC\s*:?\s*(?:#\s*)?(?P<id>\d{1,12})(?!\d)")

HANDLER = Handler(IdScheme.OCLC, PATTERN, str, priority=1)
