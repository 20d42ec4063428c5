"""Named exceptions; a failing page becomes a recorded row, not a crashed run."""


class EtlError(Exception):
    """Base class for the pipeline's own errors."""


class BlockedURL(EtlError):
    """The URL is not allowed (scheme, or a private/loopback/link-local address)."""


class FetchError(EtlError):
    """A URL could not be fetched."""


class DataCheckFailed(EtlError):
    """A data check in sql/checks returned offending rows."""


class NoDataForWeek(EtlError):
    """The warehouse holds no articles for the requested ISO week."""
