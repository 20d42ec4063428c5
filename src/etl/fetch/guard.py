"""Refuse URLs that point into private, loopback or link-local networks (SSRF guard).

The guard resolves a host name once and returns the address it vetted; the fetcher then
connects to exactly that address (see :class:`AddressBook` and :class:`PinnedBackend`),
so a DNS server that answers differently a moment later (DNS rebinding) cannot steer the
connection somewhere the guard never checked. URLs, Host headers, TLS SNI and certificate
checks keep the real host name: only the TCP connect is pinned.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
import ssl
import typing
from collections.abc import Callable, Sequence
from urllib.parse import urlsplit

import httpcore
from httpcore._utils import is_socket_readable

from etl.errors import BlockedURL

ALLOWED_SCHEMES = frozenset({"http", "https"})
DEFAULT_PORTS = {"http": 80, "https": 443}

# (host, port) -> the addresses it resolves to, in preference order; raises OSError.
Resolver = Callable[[str, int], Sequence[str]]


def system_resolver(host: str, port: int) -> list[str]:
    """The host's TCP addresses from the system resolver (getaddrinfo), in its order."""
    infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    out: list[str] = []
    for info in infos:
        address = str(info[4][0])
        if address not in out:
            out.append(address)
    return out


def is_public_address(address: str) -> bool:
    """True when the IP address is globally routable (not private/loopback/link-local...)."""
    ip = ipaddress.ip_address(address)
    return not (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
    )


def _ip_literal(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def ascii_host(host: str) -> str:
    """The host as it goes on the wire (IDNA/punycode, lower case): what httpcore connects
    to, so the name the guard vetted is the name the connection asks for."""
    try:
        host.encode("ascii")
        return host.lower()
    except UnicodeEncodeError:
        import httpx

        return httpx.URL(f"http://{host}/").raw_host.decode("ascii").lower()


def vet_url(url: str, allow_hosts: frozenset[str],
            resolver: Resolver | None = None) -> str | None:
    """Raise BlockedURL unless the URL is http(s) and its host resolves only to public
    addresses, or the host is explicitly allowed.

    Returns the address to connect to: the first vetted address for a host name, the
    literal itself for an IP, None for an allowed host (connected to by name)."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        raise BlockedURL(f"scheme {parts.scheme!r} not allowed")
    host = (parts.hostname or "").lower()
    if not host:
        raise BlockedURL("URL has no host")
    if host in allow_hosts:
        return None
    if _ip_literal(host):
        if not is_public_address(host):
            raise BlockedURL(f"{host} resolves to non-public address {host}")
        return host
    try:
        addresses = list((resolver or system_resolver)(ascii_host(host),
                                                       parts.port or DEFAULT_PORTS[scheme]))
    except OSError as exc:
        raise BlockedURL(f"cannot resolve {host}: {exc}") from exc
    if not addresses:
        raise BlockedURL(f"cannot resolve {host}: no addresses")
    for address in addresses:
        if not is_public_address(address):
            raise BlockedURL(f"{host} resolves to non-public address {address}")
    return addresses[0]


def check_url(url: str, allow_hosts: frozenset[str],
              resolver: Resolver | None = None) -> str | None:
    """Alias of :func:`vet_url` (older name)."""
    return vet_url(url, allow_hosts, resolver)


async def vet_url_async(url: str, allow_hosts: frozenset[str],
                        resolver: Resolver | None = None) -> str | None:
    """vet_url without blocking the event loop on DNS (resolution runs in a thread)."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if (parts.scheme.lower() not in ALLOWED_SCHEMES or not host or host in allow_hosts
            or _ip_literal(host)):
        return vet_url(url, allow_hosts, resolver)  # no DNS needed
    return await asyncio.to_thread(vet_url, url, allow_hosts, resolver)


async def check_url_async(url: str, allow_hosts: frozenset[str],
                          resolver: Resolver | None = None) -> str | None:
    """Alias of :func:`vet_url_async` (older name)."""
    return await vet_url_async(url, allow_hosts, resolver)


class AddressBook:
    """Host name -> the address the guard vetted for it, read when a connection opens.

    Every request is vetted right before it is sent, so the pin for its host is always
    an address the guard checked (concurrent requests may leave a newer vetted address
    for the same host: either is fine). A host name with no pin that is not allowed is
    never connected to."""

    def __init__(self, allow_hosts: frozenset[str] = frozenset()) -> None:
        self.allow_hosts = frozenset(ascii_host(h) for h in allow_hosts)
        self._pins: dict[str, str] = {}

    def pin(self, url: str, address: str | None) -> None:
        """Remember the vetted address for the URL's host (None: allowed host, no pin)."""
        host = ascii_host(urlsplit(url).hostname or "")
        if address is not None and not _ip_literal(host):
            self._pins[host] = address

    def address_for(self, host: str) -> str:
        """Where a connection to ``host`` must go; BlockedURL if the guard never saw it."""
        host = host.lower().strip("[]")
        if _ip_literal(host):
            if host not in self.allow_hosts and not is_public_address(host):
                raise BlockedURL(f"connection to non-public address {host} refused")
            return host
        pinned = self._pins.get(host)
        if pinned is not None:
            return pinned
        if host in self.allow_hosts:
            return host  # explicitly allowed: resolved by the network backend as usual
        raise BlockedURL(f"connection to {host} refused: its address was not vetted")


class PinnedBackend(httpcore.AsyncNetworkBackend):
    """httpcore network backend that connects to the address book's vetted address."""

    def __init__(self, book: AddressBook,
                 inner: httpcore.AsyncNetworkBackend | None = None) -> None:
        self.book = book
        self.inner = inner or httpcore.AnyIOBackend()

    async def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                          local_address: str | None = None,
                          socket_options: typing.Iterable[typing.Any] | None = None,
                          ) -> httpcore.AsyncNetworkStream:
        return _ReadableCheckStream(await self.inner.connect_tcp(
            self.book.address_for(host), port, timeout=timeout, local_address=local_address,
            socket_options=socket_options))

    async def connect_unix_socket(self, path: str, timeout: float | None = None,
                                  socket_options: typing.Iterable[typing.Any] | None = None,
                                  ) -> httpcore.AsyncNetworkStream:
        raise BlockedURL("unix sockets are not fetched")

    async def sleep(self, seconds: float) -> None:
        await self.inner.sleep(seconds)


class _ReadableCheckStream(httpcore.AsyncNetworkStream):
    """A connection that answers httpcore's "is_readable" from a socket looked up once.

    httpcore asks every pooled connection whether it is readable (closed by the server)
    each time it assigns a request; anyio builds its whole attribute table for each
    question (getpeername included), about a fifth of a page's fetch CPU time."""

    def __init__(self, inner: httpcore.AsyncNetworkStream) -> None:
        self.inner = inner
        self.sock = inner.get_extra_info("socket")

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return await self.inner.read(max_bytes, timeout)

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        await self.inner.write(buffer, timeout)

    async def aclose(self) -> None:
        await self.inner.aclose()

    async def start_tls(self, ssl_context: ssl.SSLContext, server_hostname: str | None = None,
                        timeout: float | None = None) -> httpcore.AsyncNetworkStream:
        return _ReadableCheckStream(
            await self.inner.start_tls(ssl_context, server_hostname, timeout))

    def get_extra_info(self, info: str) -> typing.Any:
        if info == "is_readable" and self.sock is not None:
            return is_socket_readable(self.sock)
        return self.inner.get_extra_info(info)
