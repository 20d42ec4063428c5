"""Progress lines: throttled while running, always at the end."""

from __future__ import annotations

import logging

import pytest

from etl.progress import Progress


def test_logs_at_the_end_and_throttles(caplog: pytest.LogCaptureFixture) -> None:
    logger = logging.getLogger("test.progress")
    with caplog.at_level(logging.INFO, logger="test.progress"):
        p = Progress(logger, "fetched", 30)
        p.advance(10)  # too soon after the start: no line
        p.advance(20)  # finished: a line
    lines = [r.getMessage() for r in caplog.records]
    assert len(lines) == 1 and lines[0].startswith("fetched 30/30")
