"""Read a response body with a hard limit on the *decoded* size.

httpx's own gzip decoder inflates each network chunk in one call with no output cap, so a
64 KiB chunk of a gzip bomb can become ~64 MiB before any limit is checked. We read the
raw (still encoded) stream and inflate it ourselves in bounded steps instead.
"""

from __future__ import annotations

import zlib
from collections.abc import AsyncIterator, Iterator

from etl.errors import FetchError

STEP = 64 * 1024  # most decoded bytes produced per decompress() call
# What we advertise; anything else a server sends anyway is refused with a reason.
ACCEPT_ENCODING = "gzip, deflate"


class TooLarge(FetchError):
    """The body exceeded the configured maximum size."""


class BadEncoding(FetchError):
    """The body is not in the Content-Encoding it claims (or uses one we don't support)."""


class _Inflater:
    """gzip / deflate, tolerant of zlib-wrapped and raw deflate like browsers are."""

    def __init__(self, name: str) -> None:
        self.name = name
        wbits = 16 + zlib.MAX_WBITS if name in ("gzip", "x-gzip") else zlib.MAX_WBITS
        self._z = zlib.decompressobj(wbits)
        self._started = False

    def feed(self, data: bytes) -> Iterator[bytes]:
        """Decoded pieces of at most STEP bytes each, produced lazily."""
        while data and not self._z.eof:
            try:
                piece = self._z.decompress(data, STEP)
            except zlib.error as exc:
                if self.name == "deflate" and not self._started:
                    # "deflate" sent without the zlib header (raw deflate): switch once.
                    self._z, self._started = zlib.decompressobj(-zlib.MAX_WBITS), True
                    continue
                raise BadEncoding(f"body is not valid {self.name}: {exc}") from exc
            self._started = True
            data = self._z.unconsumed_tail
            if piece:
                yield piece

    def flush(self) -> bytes:
        # A truncated stream is tolerated (browsers do); an incomplete HTTP body is
        # already an error raised by httpx.
        try:
            return self._z.flush()
        except zlib.error as exc:
            raise BadEncoding(f"body is not valid {self.name}: {exc}") from exc


def _decoders(content_encoding: str | None) -> list[_Inflater]:
    names = [n.strip().lower() for n in (content_encoding or "").split(",") if n.strip()]
    decoders = []
    for name in names:
        if name == "identity":
            continue
        if name not in ("gzip", "x-gzip", "deflate"):
            raise BadEncoding(f"unsupported Content-Encoding {name!r}")
        decoders.append(_Inflater(name))
    # Encodings are listed in the order applied, so they are undone in reverse.
    return decoders[::-1]


def _through(decoders: list[_Inflater], piece: bytes) -> Iterator[bytes]:
    if not decoders:
        if piece:
            yield piece
        return
    for out in decoders[0].feed(piece):
        yield from _through(decoders[1:], out)


async def read_decoded(raw: AsyncIterator[bytes], content_encoding: str | None,
                       limit: int) -> bytes:
    """Decode a raw body stream, raising TooLarge as soon as decoded bytes pass ``limit``.

    Decoding is lazy, so at most ``limit`` plus one STEP of decoded bytes is ever held."""
    decoders = _decoders(content_encoding)
    chunks: list[bytes] = []
    size = 0

    def keep(pieces: Iterator[bytes]) -> None:
        nonlocal size
        for piece in pieces:
            size += len(piece)
            if size > limit:
                raise TooLarge(f"decoded body exceeds {limit} bytes")
            chunks.append(piece)

    async for chunk in raw:
        keep(_through(decoders, chunk))
    for i, decoder in enumerate(decoders):
        keep(_through(decoders[i + 1:], decoder.flush()))
    return b"".join(chunks)
