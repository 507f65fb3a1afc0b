"""Web addresses: ``http(s)://`` / ``ftp://`` and bare ``www.`` links, trailing punctuation cut."""

from __future__ import annotations

import re

from ..models import IdScheme
from .base import Handler

PATTERN = re.compile(r"(?P<id>(?:https?|ftp)://[^\s<>\"]+|(?<![\w@./])www\.[^\s<>\"]+\.[^\s<>\"]+)")

HANDLER = Handler(IdScheme.URL, PATTERN, str, priority=9)
