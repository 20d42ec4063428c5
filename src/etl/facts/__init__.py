"""Facts stage: figures, quotes and entities from an article body.

Public API: :func:`extract_facts`, :func:`extract_quotes`, :data:`EXTRACTOR_VERSION`.
"""

from __future__ import annotations

from etl.facts.facts import extract_facts
from etl.facts.quotes import extract_quotes

#: Bumped whenever a rule changes, so stored facts can be re-extracted.
EXTRACTOR_VERSION: str = "0.8.6"

__all__ = ["EXTRACTOR_VERSION", "extract_facts", "extract_quotes"]
