"""Progress lines for long stages: done/total, rate and time left, at most every few seconds."""

from __future__ import annotations

import logging
import time

# Often enough to show a long run is alive, rarely enough not to drown the log.
MIN_INTERVAL_S = 5.0


class Progress:
    """Logs "<verb> n/total (rate/s, ~eta left)" as work advances, and once at the end."""

    def __init__(self, logger: logging.Logger | logging.LoggerAdapter, verb: str,
                 total: int) -> None:
        self.logger, self.verb, self.total = logger, verb, total
        self.done = 0
        self.started = self.last = time.monotonic()

    def advance(self, n: int) -> None:
        """Count n more items; log when enough time has passed or the work is finished."""
        self.done += n
        now = time.monotonic()
        if self.done < self.total and now - self.last < MIN_INTERVAL_S:
            return
        self.last = now
        rate = self.done / max(now - self.started, 1e-9)
        left = (self.total - self.done) / rate if rate else 0.0
        self.logger.info("%s %d/%d (%.0f/s, ~%.0fs left)", self.verb, self.done, self.total,
                         rate, left)
